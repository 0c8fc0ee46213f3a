"""Stage 6, years: a meeting whose text gives no year takes the year in which all its
participants held their offices together (and the weekday named, if any, falls on that day)."""
from __future__ import annotations

import datetime as dt

from ..kb import Person
from ..model import Participant
from .candidates import DocContext, MeetingCandidate
from .dates import PDate
from .language import role_classes


def _same_office(kb_role: str, text_role: str) -> bool:
    """'Defense Minister' in the text is the KB's 'Minister of National Defence' for China."""
    if kb_role == text_role:
        return True
    dm = role_classes().defence_minister
    return kb_role in dm and text_role in dm


def infer_years(ctx: DocContext, frames: list[MeetingCandidate],
                participants: dict[int, list[Participant]]) -> None:
    kb = ctx.kb
    main_year = None
    for f in frames:
        if f.date is None or f.date.year is not None:
            if f.date is not None and f.date.weekday_back is not None and f.date.year:
                f.date = f.date.with_year(f.date.year)
            continue
        people = [kb.people[p.entity_id] for p in participants[id(f)] if p.entity_id in kb.people]
        if not people and f.inherits is not None:
            people = [kb.people[p.entity_id] for p in participants.get(id(f.inherits), [])
                      if p.entity_id in kb.people]
        roles = dict(f.text_roles)
        if f.inherits is not None:
            roles.update(f.inherits.text_roles)
        years = candidate_years(f.date, people, roles)
        if main_year is not None and main_year in years:
            year = main_year
        elif years:
            year = years[-1]
        elif main_year is not None:
            year = main_year
        else:
            continue
        f.year_inferred = True
        f.date = f.date.with_year(year)
        main_year = main_year or year


def candidate_years(date: PDate, people: list[Person], roles: dict[str, str]) -> list[int]:
    """Years in which every participant held the office the text gives them (any office
    when the text names none)."""
    today = dt.date.today()
    if not people:
        return []
    security = role_classes().security

    def held(p: Person, day: dt.date) -> bool:
        role = roles.get(p.id)
        if role is not None:
            offices = [o for o in p.offices if _same_office(o.role, role)]
        else:  # a defence meeting: the defence offices of a defence official
            offices = [o for o in p.offices if o.role in security and o.role not in
                       ("Secretary of the Security Council", "National Security Advisor")]
        return any(o.covers(day) for o in offices or p.offices)

    out = []
    for year in range(1991, today.year + 1):
        d = date.with_year(year).as_date() if date.day else None
        if date.day and d is None:
            continue
        if d is not None and d > today:
            continue
        if d is not None:
            ok = all(held(p, d) for p in people)
        else:
            lo = dt.date(year, date.month or 1, 1)
            hi = dt.date(year, date.month or 12, 28)
            ok = all(held(p, lo) or held(p, hi) for p in people)
        if ok:
            out.append(year)
    if date.weekday_back is not None and date.day and out:
        # 'во вторник' under a dateline of 28 January: the years in which that Tuesday is
        # the dateline's day (or the nearest before it) come first
        def gap(y: int) -> int:
            d = date.with_year(y).as_date()
            return (dt.date(y, date.month, date.day) - d).days if d else 99
        best = min(gap(y) for y in out)
        out = [y for y in out if gap(y) == best]
    return out


class InferYears:
    """meeting candidates -> those with a year (inferred from tenures where the text gives none)."""

    name = "years"

    def process(self, ctx: DocContext, frames: list[MeetingCandidate]) -> list[MeetingCandidate]:
        from .participants import participants

        infer_years(ctx, frames, {id(f): f.participants for f in frames})
        frames = [f for f in frames if f.date is not None and f.date.year is not None]
        for f in frames:  # offices depend on the day: choose again with the year known
            f.participants = participants(ctx, f)
        return frames
