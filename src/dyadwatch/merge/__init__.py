"""One record per real-world event, across documents and languages.

Events are merged incrementally, in input order: each new event is compared only with the
events already kept for the same kind and set of countries within a date window (an index
keyed by (kind, countries, year-month)), so the cost grows linearly with the corpus. The
store (`dyadwatch.store`) uses the same `compatible`/`choose`/`absorb` against what is in the
database, so `ingest` and `extract` give the same records.

An undated event (`date` None: its page fixes not even the year) is kept in its sides' undated
bucket. A dated report probes that bucket last and dates the undated record it joins; an
undated report joins an undated record, else the one dated record of its sides it fits (none
when several fit: it stays undated rather than guess)."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator

from .. import kinds
from ..model import Event, Participant, SignedDocument

# Two day-precision reports of one meeting may differ by a day (time zones, a late report).
DAY_TOLERANCE = 1


# a year fixed only by who held office (or by years printed elsewhere on the page) is a guess:
# another report of the event that prints its year wins
WEAK_BASES = frozenset({"tenure", "nearby"})
# probe key (after kind and countries) standing for every dated bucket of the sides
ALL_DATED = ("*", None)


def date_parts(date: str | None) -> tuple[int | None, int | None, int | None]:
    if not date:
        return None, None, None
    parts = [int(p) for p in date.split("-")]
    return parts[0], parts[1] if len(parts) > 1 else None, parts[2] if len(parts) > 2 else None


def dates_compatible(a: str | None, b: str | None, tolerance: int = DAY_TOLERANCE) -> bool:
    if a is None or b is None:
        return True  # an undated report fits any date; `compatible` asks for shared people instead
    (ya, ma, da), (yb, mb, db) = date_parts(a), date_parts(b)
    if ya is None or yb is None or ma is None or mb is None:
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
    if a.date is None or b.date is None:
        # no date to go by: the same official of some side must be named in both reports
        ka, kb = _known_by_country(a), _known_by_country(b)
        if not any(ka[c] & kb[c] for c in ka.keys() & kb.keys()):
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
    _absorb_date(into, other)
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


def _date_rank(ev: Event) -> tuple[int, int]:
    if ev.date is None:
        return (-1, 0)
    return (_PRECISION_RANK.get(ev.date_precision or "year", 0), 0 if ev.date_basis in WEAK_BASES else 1)


def _absorb_date(into: Event, other: Event) -> None:
    """The more precise date wins (a printed year over an inferred one); a record that was
    undated or guessed and is dated by another report says so: basis `merged`."""
    weak = (into.date is None or into.date_basis in WEAK_BASES or other.date is None
            or other.date_basis in WEAK_BASES)
    if _date_rank(other) > _date_rank(into):
        into.date, into.date_precision, into.date_basis = other.date, other.date_precision, other.date_basis
    if weak and into.date is not None and into.date_basis not in WEAK_BASES:
        into.date_basis = "merged"


def bucket_keys(ev: Event) -> list[tuple]:
    y, m, _ = date_parts(ev.date)
    base = (ev.kind, tuple(sorted(ev.countries)))
    if y is None:
        return [base + (None, None)]
    if m is None:
        return [base + (y, None)]
    return [base + (y, m)]


def probe_keys(ev: Event) -> list[tuple]:
    """Buckets where a compatible event may be: same month, the neighbouring months (a day
    apart across a month end), and the coarser year/month buckets."""
    y, m, _ = date_parts(ev.date)
    base = (ev.kind, tuple(sorted(ev.countries)))
    undated = base + (None, None)
    if y is None:
        return [undated, base + ALL_DATED]
    if m is None:
        return [base + (y, None)] + [base + (y, mm) for mm in range(1, 13)] + [undated]
    prev_m = (y, m - 1) if m > 1 else (y - 1, 12)
    next_m = (y, m + 1) if m < 12 else (y + 1, 1)
    return [base + (y, m), base + prev_m, base + next_m, base + (y, None), undated]


def choose(ev: Event, candidates: Iterable[Event]) -> Event | None:
    """The record `ev` joins among candidates in probe order: the first compatible one; for an
    undated `ev`, an undated record first, else the only dated one it fits (a reported event
    does not join one that pages only refer to)."""
    dated_fits: list[Event] = []
    for cand in candidates:
        if not compatible(cand, ev):
            continue
        if ev.date is not None or cand.date is None:
            return cand
        if cand.referenced and not ev.referenced:
            continue  # a report of its own is not an earlier meeting another page mentions
        dated_fits.append(cand)
        if len(dated_fits) > 1:
            return None
    return dated_fits[0] if dated_fits else None


class EventIndex:
    """Merged events, indexed by kind, countries and month."""

    def __init__(self) -> None:
        self.events: list[Event] = []
        self._buckets: dict[tuple, list[Event]] = defaultdict(list)
        self._ids: set[str] = set()
        self._seq: dict[int, int] = {}  # id(event) -> when it entered its bucket (the store's bucket_seq)
        self._next = 0
        self._keys_of_sides: dict[tuple, set[tuple]] = defaultdict(set)

    def _candidates(self, ev: Event) -> Iterator[Event]:
        for key in probe_keys(ev):
            if key[2:] == ALL_DATED:
                dated = [e for k in self._keys_of_sides[key[:2]] if k[2] is not None for e in self._buckets[k]]
                yield from sorted(dated, key=lambda e: self._seq[id(e)])
            else:
                yield from self._buckets.get(key, ())

    def find(self, ev: Event) -> Event | None:
        return choose(ev, self._candidates(ev))

    def _enter(self, ev: Event) -> None:
        self._next += 1
        self._seq[id(ev)] = self._next
        for k in bucket_keys(ev):
            self._buckets[k].append(ev)
            self._keys_of_sides[k[:2]].add(k)

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
                self._enter(hit)
            return hit, False
        if not ev.id or ev.id in self._ids:
            ev.assign_id(self._ids)
        self._ids.add(ev.id)
        self.events.append(ev)
        self._enter(ev)
        return ev, True


def merge_events(events: Iterable[Event]) -> list[Event]:
    """Merged records in a deterministic order (date, undated last; then countries, then id)."""
    index = EventIndex()
    for ev in events:
        index.add(ev)
    return sorted(index.events, key=output_order)


def output_order(ev: Event) -> tuple:
    return (ev.date is None, ev.date or "", ev.countries, ev.id)
