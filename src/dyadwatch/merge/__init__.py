"""One record per real-world event, across documents and languages.

Events are merged incrementally, in input order: each new event is compared only with the
events already kept for the same kind and set of countries within a date window (an index
keyed by (kind, countries, year-month)), so the cost grows linearly with the corpus. The
store (`dyadwatch.store`) uses the same public pieces (`bucket_keys`, `probe_keys`, `compatible`,
`absorb`, `date_parts`) against what is in the database, so `ingest` and `extract` give the
same records."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from .. import kinds
from ..model import Event, Participant, SignedDocument

# Two day-precision reports of one meeting may differ by a day (time zones, a late report);
# each kind says its own tolerance (`kinds.py`), this is the default.
DAY_TOLERANCE = kinds.MEETING.day_tolerance


def date_parts(date: str) -> tuple[int, int | None, int | None]:
    """'2024-05' -> (2024, 5, None)."""
    parts = [int(p) for p in date.split("-")]
    return parts[0], parts[1] if len(parts) > 1 else None, parts[2] if len(parts) > 2 else None


def dates_compatible(a: str, b: str, tolerance: int = DAY_TOLERANCE) -> bool:
    (ya, ma, da), (yb, mb, db) = date_parts(a), date_parts(b)
    if ma is None or mb is None:
        return ya == yb
    if da is None or db is None:
        return (ya, ma) == (yb, mb)
    return abs((dt.date(ya, ma, da) - dt.date(yb, mb, db)).days) <= tolerance


def _known_by_country(ev: Event) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for p in ev.participants:
        if p.entity_id and p.country:
            out.setdefault(p.country, set()).add(p.entity_id)
    return out


def compatible(a: Event, b: Event) -> bool:
    """True when a and b can be reports of the same real-world event."""
    if a.kind != b.kind or sorted(a.countries) != sorted(b.countries):
        return False
    if not dates_compatible(a.date, b.date, kinds.get(a.kind).day_tolerance):
        return False
    if a.mode and b.mode and a.mode != b.mode:
        return False  # a call and a visit stay apart
    if a.date_precision == b.date_precision == "day" and a.date != b.date:
        # a day apart: only with the same place and people
        if not (a.location and b.location and a.location.name == b.location.name):
            return False
    if a.location and b.location and a.location.name != b.location.name \
            and a.location.country != b.location.country:
        return False
    # the same country represented by different known officials: two different meetings
    # (a defence ministers' meeting and a chiefs-of-staff meeting on the same day)
    ka, kb = _known_by_country(a), _known_by_country(b)
    for country in ka.keys() & kb.keys():
        if not ka[country] & kb[country]:
            return False
    return True


_PRECISION_RANK = {"year": 0, "month": 1, "day": 2}


def absorb(into: Event, other: Event) -> Event:
    """Fold `other` into `into` (which keeps its id): sources added, gaps filled, the more
    precise date and the more confident values kept."""
    if _PRECISION_RANK[other.date_precision] > _PRECISION_RANK[into.date_precision]:
        into.date, into.date_precision = other.date, other.date_precision
    into.mode = into.mode or other.mode
    into.location = into.location or other.location
    into.setting = into.setting or other.setting
    known = {(p.entity_id or p.name.lower()) for p in into.participants}
    surnames = {p.name.split()[-1].lower() for p in into.participants if p.name}
    for p in other.participants:
        key = p.entity_id or p.name.lower()
        if key in known or (not p.entity_id and p.name.split()[-1].lower() in surnames):
            continue
        into.participants.append(Participant(**vars(p)))
        known.add(key)
    into.topics = sorted(set(into.topics) | set(other.topics))
    have = {d.type for d in into.documents}
    into.documents += [SignedDocument(**vars(d)) for d in other.documents if d.type not in have]
    into.referenced = into.referenced and other.referenced
    have_src = {s.doc_id for s in into.sources}
    into.sources += [s for s in other.sources if s.doc_id not in have_src]
    into.sources.sort(key=lambda s: s.doc_id)
    into.confidence = min(0.99, max(into.confidence, other.confidence) + 0.02 * (len(into.sources) > 1))
    from ..extract.coding import code_event  # codes depend on the merged fields

    code_event(into)
    return into


def bucket_keys(ev: Event) -> list[tuple]:
    """The index buckets an event is kept in: (kind, sorted countries, year, month or None)."""
    y, m, _ = date_parts(ev.date)
    base = (ev.kind, tuple(sorted(ev.countries)))
    if m is None:
        return [base + (y, None)]
    return [base + (y, m)]


def probe_keys(ev: Event) -> list[tuple]:
    """Buckets where a compatible event may be: same month, the neighbouring months (a day
    apart across a month end), and the coarser year/month buckets."""
    y, m, _ = date_parts(ev.date)
    base = (ev.kind, tuple(sorted(ev.countries)))
    if m is None:
        return [base + (y, None)] + [base + (y, mm) for mm in range(1, 13)]
    prev_m = (y, m - 1) if m > 1 else (y - 1, 12)
    next_m = (y, m + 1) if m < 12 else (y + 1, 1)
    return [base + (y, m), base + prev_m, base + next_m, base + (y, None)]


class EventIndex:
    """Merged events, indexed by kind, countries and month."""

    def __init__(self) -> None:
        self.events: list[Event] = []
        self._buckets: dict[tuple, list[Event]] = defaultdict(list)
        self._ids: set[str] = set()

    def find(self, ev: Event) -> Event | None:
        for key in probe_keys(ev):
            for cand in self._buckets.get(key, ()):
                if compatible(cand, ev):
                    return cand
        return None

    def add(self, ev: Event) -> tuple[Event, bool]:
        """Merge ev into a compatible kept event, or keep it; returns (record, is_new)."""
        hit = self.find(ev)
        if hit is not None:
            old_keys = bucket_keys(hit)
            absorb(hit, ev)
            new_keys = bucket_keys(hit)
            if new_keys != old_keys:  # the date became more precise: move it
                for k in old_keys:
                    self._buckets[k].remove(hit)
                for k in new_keys:
                    self._buckets[k].append(hit)
            return hit, False
        if not ev.id or ev.id in self._ids:
            ev.assign_id(self._ids)
        self._ids.add(ev.id)
        self.events.append(ev)
        for k in bucket_keys(ev):
            self._buckets[k].append(ev)
        return ev, True


def merge_events(events: Iterable[Event]) -> list[Event]:
    """Merged records in a deterministic order (date, then countries, then id)."""
    index = EventIndex()
    for ev in events:
        index.add(ev)
    return sorted(index.events, key=lambda e: (e.date, e.countries, e.id))
