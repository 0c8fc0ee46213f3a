"""The one registry of event kinds.

Extraction, merge, coding, store, API and web read what a kind is from here, never from a
`kind == "meeting"` literal: a new kind is one `register(EventKind(...))` (plus the stage that
recognises it), not edits across the code base. The contract (`events.md`) defines the names."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EventKind:
    name: str             # the contract's `kind` value
    label: str            # how people read it (tables, facets, charts)
    plover: str           # default PLOVER event_type
    cameo: str            # default CAMEO code
    has_mode: bool        # whether `mode` (in_person / video / phone) applies
    named: bool           # whether the event has its own `name` (an exercise, a ship)
    merge_by_name: bool   # whether reports of one event are tied by that name across days
    day_tolerance: int    # how many days apart two reports of one event may be dated
    description: str


_KINDS: dict[str, EventKind] = {}


def register(kind: EventKind) -> EventKind:
    _KINDS[kind.name] = kind
    return kind


def get(name: str) -> EventKind:
    """The kind called `name`; KeyError names the known kinds."""
    try:
        return _KINDS[name]
    except KeyError:
        raise KeyError(f"unknown event kind {name!r} (known: {', '.join(names())})") from None


def names() -> list[str]:
    return list(_KINDS)


def all_kinds() -> list[EventKind]:
    return list(_KINDS.values())


MEETING = register(EventKind(
    name="meeting", label="Meeting", plover="CONSULT", cameo="040", has_mode=True, named=False,
    merge_by_name=False, day_tolerance=1,
    description="talks, a meeting, a phone or video call, a session of a bilateral commission"))
EXERCISE = register(EventKind(
    name="exercise", label="Joint exercise", plover="COOPERATE", cameo="062", has_mode=False, named=True,
    merge_by_name=True, day_tolerance=14,
    description="a joint military exercise of forces of two or more states"))
PORT_CALL = register(EventKind(
    name="port_call", label="Port call", plover="CONSULT", cameo="042", has_mode=False, named=True,
    merge_by_name=True, day_tolerance=3,
    description="a naval ship or group visiting a foreign port"))
