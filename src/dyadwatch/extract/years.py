"""Stage 6, years: a meeting whose text prints no year takes one from the weekday, the URL,
the participants' tenures and the years the page prints (`dating.py`); else it is undated."""
from __future__ import annotations

from ..model import Participant
from . import dating
from .candidates import DocContext, MeetingCandidate
from .dates import PDate


def infer_years(ctx: DocContext, frames: list[MeetingCandidate],
                participants: dict[int, list[Participant]]) -> None:
    """No year printed: the weekday, the URL, the participants' tenures and the years the page
    prints decide (`dating.infer_year`); the page's events share a year where they can."""
    kb = ctx.kb
    main_year = None
    for f in frames:
        if f.date is not None and f.date.year is not None:
            if f.date.weekday_back is not None:
                f.date = f.date.with_year(f.date.year)
            continue
        people = [kb.people[p.entity_id] for p in participants[id(f)] if p.entity_id in kb.people]
        if not people and f.inherits is not None:
            people = [kb.people[p.entity_id] for p in participants.get(id(f.inherits), [])
                      if p.entity_id in kb.people]
        roles = dict(f.text_roles)
        if f.inherits is not None:
            roles.update(f.inherits.text_roles)
        found = dating.infer_year(f.date or PDate(None), people, roles, ctx.evidence, prefer=main_year)
        if found is None:
            continue
        f.year_inferred = found.basis in ("tenure", "nearby")
        f.date = found
        main_year = main_year or found.year


class InferYears:
    """meeting candidates -> those with a year (inferred from tenures where the text gives none)."""

    name = "years"

    def process(self, ctx: DocContext, frames: list[MeetingCandidate]) -> list[MeetingCandidate]:
        from .participants import participants

        infer_years(ctx, frames, {id(f): f.participants for f in frames})
        for f in frames:  # nothing fixes the year: an undated event, unless it is only a plan
            if f.date is not None and f.date.year is None:
                f.date = None
        frames = [f for f in frames if f.date is not None or not f.planned]
        for f in frames:  # offices depend on the day: choose again with the year known
            f.participants = participants(ctx, f)
        return frames
