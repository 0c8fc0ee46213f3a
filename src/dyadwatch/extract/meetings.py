"""Stage 3, meetings: group the sentences that tell one meeting into a MeetingCandidate.

A sentence with a meeting trigger opens a candidate or joins the current one: it joins when
its sides (the countries of the people and roles it names) and its date agree; it opens a
new one when it names other sides or another date. Sentences without a trigger extend the
current candidate's scope (where participants, signed documents and topics are looked for)."""
from __future__ import annotations

from . import dating
from .candidates import DocContext, MeetingCandidate, SentenceCandidate
from .dates import PDate


def sentence_date(ctx: DocContext, info: SentenceCandidate, current: MeetingCandidate | None) -> PDate | None:
    return dating.sentence_date(ctx.text, info.dates, ctx.anchor, info.planned, current.date if current else None)


def _headline_only(frame: MeetingCandidate, info: SentenceCandidate) -> bool:
    """The undated candidate is only the headline, and the sentence tells its meeting with a
    date of its own (a late report: published weeks after the talks)."""
    return len(frame.sentences) == 1 and frame.sentences[0].idx == 0 and len(info.sides) >= 2


def _date_detached(ctx: DocContext, info: SentenceCandidate) -> bool:
    """The sentence's date belongs to something else than its meeting word ('the first visit
    since the clashes in June 2020')."""
    if not info.dates:
        return False
    L = ctx.lang
    starts = [t.start for t in info.sent.tokens if t.keys & L.position_triggers]
    d = info.dates[0]

    def detached(a: int, b: int) -> bool:
        return any(t.keys & L.detach for t in info.sent.tokens if a <= t.start < b)

    return bool(starts) and all(detached(min(x, d.start), max(x, d.start)) for x in starts)


def _meeting_trigger(ctx: DocContext, info: SentenceCandidate) -> bool:
    """A meeting word other than a visit, or a visit to a named country or city (not an
    invitation to visit exercises)."""
    L = ctx.lang
    return bool((info.keys & L.position_triggers) - L.visit_words) or bool(info.weak_sides)


def _near_anchor(ctx: DocContext, date: PDate) -> bool:
    """The date can be the report's own event: the dateline's day, or (with only a
    publication date to go by) up to three days before publication."""
    if ctx.anchor is None or ctx.anchor.compatible(date):
        return True
    if ctx.dateline and ctx.dateline.day:
        return False
    d, a = date.as_date(), ctx.anchor.as_date()
    return d is not None and a is not None and 0 <= (a - d).days <= 3


def _compatible(frame: MeetingCandidate, sides: list[str]) -> bool:
    if not sides or len(frame.sides) < 2:
        return True
    return set(sides) <= set(frame.sides)


def fits(frame: MeetingCandidate, sides: list[str], info: SentenceCandidate) -> bool:
    """The sentence can tell the candidate's meeting: compatible sides, and not other
    principals for two sides ('Позднее во вторник Путин провел телефонный разговор с
    Нетаньяху' after the defence ministers' call is another call)."""
    if not _compatible(frame, sides):
        return False
    mine: dict[str, set[str]] = {}
    for _, person in info.people:
        if person is not None:
            mine.setdefault(person.country, set()).add(person.id)
    theirs: dict[str, set[str]] = {}
    for other in frame.sentences:
        for _, person in other.people:
            if person is not None:
                theirs.setdefault(person.country, set()).add(person.id)
    disjoint = [c for c in mine if c in theirs and not mine[c] & theirs[c]]
    return len(disjoint) < 2


def _join(frame: MeetingCandidate, info: SentenceCandidate, sides: list[str]) -> None:
    frame.sentences.append(info)
    if len(frame.sides) < 2:
        frame.add_sides(sides)


def _sides_of(info: SentenceCandidate) -> list[str]:
    sides = list(info.sides)
    if len(sides) == 1 and info.weak_sides:
        sides.append(info.weak_sides[0])
    if len(sides) == 1 and info.unnamed_counterparts:
        sides.append(info.unnamed_counterparts[0])
    return sides


class GroupMeetings:
    """sentence candidates -> meeting candidates (each with its trigger sentences and scope)."""

    name = "meetings"

    def process(self, ctx: DocContext, infos: list[SentenceCandidate]) -> list[MeetingCandidate]:
        L = ctx.lang
        frames: list[MeetingCandidate] = []
        current: MeetingCandidate | None = None  # where the last trigger sentence went: scope goes here
        now: MeetingCandidate | None = None  # the latest one of the report's own day: undated sentences go here
        for info in infos:
            if not info.trigger or info.negated or info.past_report:
                if current is not None:
                    current.scope.append(info)
                continue
            date = sentence_date(ctx, info, current)
            sides = _sides_of(info)
            ref_mod = bool(info.keys & L.ref_modifiers)
            # "the same day" as an undated frame (the report's own day) is undated too
            if date is None:
                if info.planned or (ref_mod and now is not None and not info.sides):
                    if current is not None:
                        current.scope.append(info)
                    continue
                if now is not None and fits(now, sides, info):
                    _join(now, info, sides)
                    current = now
                elif now is None or (len(info.sides) >= 2 and info.strong_trigger and
                                     not any(set(info.sides) <= set(f.sides) for f in frames)):
                    now = current = MeetingCandidate(None, sides, [info])
                    frames.append(now)
                else:
                    target = next((f for f in frames if len(f.sides) >= 2 and set(sides) <= set(f.sides)
                                   and not f.planned), None)
                    if target is not None and len(sides) >= 2:
                        _join(target, info, sides)
                        current = target
                    elif current is not None:
                        current.scope.append(info)
                continue
            # a dated trigger sentence: the candidate of that date and sides, or a new one
            same_as_anchor = date is not None and ctx.anchor is not None and ctx.anchor.compatible(date) \
                and not info.planned
            target = None
            for f in reversed(frames):
                if f.planned != info.planned or not fits(f, sides, info):
                    continue
                if (f.date is not None and f.date.compatible(date)) or (f.date is None and same_as_anchor):
                    target = f
                    break
            if target is None and now is not None and now.date is None and not now.dated and \
                    fits(now, sides, info) and not info.planned and not ref_mod and \
                    (_near_anchor(ctx, date) or _headline_only(now, info)):
                target = now
            if target is not None:
                if target.date is None or target.date.precision != "day":
                    target.date, target.dated = date, True
                _join(target, info, sides)
                current = target
                if same_as_anchor or target is now:
                    now = target
                continue
            own = len(sides) >= 2 or bool(info.people)
            if not frames:
                current = MeetingCandidate(date, sides, [info], planned=info.planned, dated=True)
                frames.append(current)
                if not info.planned:
                    now = current
            elif (info.ref_cue and (own or info.anaphora) and _meeting_trigger(ctx, info)
                  and not _date_detached(ctx, info)) or (same_as_anchor and len(info.sides) >= 2):
                inherit = (now or current) if info.anaphora else None
                f = MeetingCandidate(date, sides if len(sides) >= 2 else list(inherit.sides if inherit else sides),
                                     [info], planned=info.planned, dated=True, inherits=inherit)
                if inherit is not None and len(sides) >= 2 and set(sides) != set(inherit.sides):
                    f.inherits = None
                frames.append(f)
                current = f
                if same_as_anchor:
                    now = f
            elif current is not None:
                current.scope.append(info)
        for f in frames:  # undated candidates speak from the anchor
            if f.date is None and ctx.anchor:
                f.date = PDate(ctx.anchor.year, ctx.anchor.month, ctx.anchor.day, weekday=ctx.anchor.weekday,
                               basis=ctx.anchor.basis)
        return frames
