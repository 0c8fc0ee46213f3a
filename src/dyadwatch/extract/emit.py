"""Stage 8, emit: meeting candidates -> the contract's Event records.

Which meetings are referred to (before the report's main event, or still to come), which are
defence diplomacy at all, and each record's fields and codes."""
from __future__ import annotations

import datetime as dt

from .. import kinds
from ..model import Event, Evidence, Participant, Source
from . import fields
from .candidates import DocContext, MeetingCandidate
from .coding import code_event, confidence
from .language import role_classes


def _told_as_past(ctx: DocContext, f: MeetingCandidate, main_key: tuple) -> bool:
    """An earlier meeting is only referred to when the text says so ('last', 'previous', 'had
    met', 'ранее') or it lies more than a week before the main one; two meetings on
    consecutive days are both reported."""
    mods = ctx.lang.ref_modifiers | ctx.lang.past_report
    if any(i.keys & mods for i in f.sentences):
        return True
    if f.date.precision != "day":
        return True
    try:
        gap = (dt.date(*main_key) - dt.date(*f.date.midpoint())).days
    except ValueError:
        return True
    return gap > 7


def _last_time(ctx: DocContext, f: MeetingCandidate) -> bool:
    """'They last met in May', 'предыдущая встреча состоялась в январе': an earlier meeting
    even when the report's own meeting did not happen ('declined to meet')."""
    anchor = ctx.anchor
    if anchor is None or anchor.year is None or f.date is None:
        return False
    mods = ctx.lang.ref_modifiers - ctx.lang.forward_modifiers
    if not any(i.keys & mods for i in f.sentences):
        return False
    a = anchor.midpoint()
    if f.date.precision != "day":
        return f.date.midpoint()[:2] < a[:2]
    try:
        return (dt.date(*a) - dt.date(*f.date.midpoint())).days > 7
    except ValueError:
        return False


def mark_referenced(ctx: DocContext, frames: list[MeetingCandidate]) -> None:
    # the main event: the latest of those not still to come
    reported = [f for f in frames if not f.planned and f.date is not None]
    main_key = max((f.date.midpoint() for f in reported), default=None)
    for f in frames:
        # month-precision 'в июне' is earlier only if its month is earlier
        same_month_as_main = main_key is not None and f.date is not None and f.date.precision != "day" and \
            f.date.midpoint()[:2] == main_key[:2]
        f.referenced = f.planned or (main_key is not None and f.date is not None and f.date.midpoint() < main_key
                                     and not same_month_as_main
                                     and _told_as_past(ctx, f, main_key)) or _last_time(ctx, f)


def is_defence(ctx: DocContext, f: MeetingCandidate, parts: list[Participant]) -> bool:
    kb, security = ctx.kb, role_classes().security
    if any(p.role in security for p in parts):
        return True
    for info in f.sentences:
        if any(r.role in security for r in info.m.roles):
            return True
        for inst_id, _, _ in info.m.institutions:
            inst = kb.institutions.get(inst_id)
            if inst and inst.kind in ("multilateral", "forum") and "Defen" in (inst.setting or ""):
                return True
    if any(p.entity_id in kb.people and kb.people[p.entity_id].is_defence_official() for p in parts):
        return True
    return any(p.rank for p in parts)  # an unknown official with a military rank


def event(ctx: DocContext, f: MeetingCandidate, kind: kinds.EventKind = kinds.MEETING) -> Event:
    first = fields.core(f)
    mode = next((i.mode for i in first if i.mode), None) if kind.has_mode else None
    if kind.has_mode and mode is None and not f.referenced:
        mode = "in_person"
    location = fields.location(ctx, f, mode)
    if kind.has_mode and mode is None and location is not None:
        mode = "in_person"  # an earlier meeting in a named town ('в январе 2023 года в Минске')
    evidence = [Evidence(i.sent.start, i.sent.stop, i.sent.text) for i in first]
    doc = ctx.doc
    ev = Event(
        kind=kind.name, mode=mode, date=f.date.iso() if f.date else None,
        date_precision=f.date.precision if f.date else None, date_basis=f.date.basis if f.date else None,
        countries=sorted(set(f.sides)), participants=f.participants, location=location,
        setting=fields.setting(ctx, f), topics=fields.topics(ctx, f), documents=fields.documents(ctx, f),
        referenced=f.referenced,
        sources=[Source(doc.doc_id, doc.url, doc.published.isoformat() if doc.published else None,
                        doc.lang, doc.title, evidence)],
    )
    ev.confidence = confidence(ev, year_inferred=f.year_inferred)
    code_event(ev)
    ev.assign_id()
    return ev


class EmitEvents:
    """meeting candidates -> Events (referred-to flags, the defence filter, the fields)."""

    name = "emit"
    kind = kinds.MEETING

    def process(self, ctx: DocContext, frames: list[MeetingCandidate]) -> list[Event]:
        if not frames:
            return []
        mark_referenced(ctx, frames)
        return [event(ctx, f, self.kind) for f in frames if is_defence(ctx, f, f.participants)]
