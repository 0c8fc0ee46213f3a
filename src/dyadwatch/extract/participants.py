"""Stage 5, participants: who took part in each meeting candidate.

A participant is someone at the table, not someone mentioned: people named on someone's
behalf, quoted, or in a clause about another time ('who earlier met ...') are left out;
officials the KB does not know are kept with their role and country (entity_id null)."""
from __future__ import annotations

from ..kb import Person, fold_latin
from ..model import Participant
from .candidates import DocContext, MeetingCandidate, PersonM, SentenceCandidate
from .clauses import relative_clauses
from .fields import core as fields_core
from .language import role_classes
from .persons import office_holder


def mentioned_only(ctx: DocContext, info: SentenceCandidate, p: PersonM) -> bool:
    """Named but not at the table: 'по поручению президента Владимира Путина', 'on behalf of',
    'since President Joe Biden took office', 'is also scheduled to meet Antony Blinken', or
    inside a relative clause about something else ('Hegseth, who earlier met Marles, said')."""
    L = ctx.lang
    window = {k for t in info.sent.tokens[max(0, p.start - 5):p.start] for k in t.keys}
    if window & L.not_present_cues:
        return True
    return any(a <= p.start < b for a, b in relative_clauses(L, info.sent))


def _people_of(infos: list[SentenceCandidate]) -> list[tuple[PersonM, Person | None, SentenceCandidate]]:
    return [(p, person, info) for info in infos for p, person in info.people]


def participants(ctx: DocContext, f: MeetingCandidate) -> list[Participant]:
    rc = role_classes()
    day = (f.date.as_date() or f.date.representative_day()) if f.date else ctx.ref_day
    f.text_roles = {}
    chosen: list[Participant] = []
    seen: set[str] = set()
    sides = set(f.sides)

    def accept(p: PersonM, person: Person | None) -> Participant | None:
        if p.role in rc.non_participant:
            return None
        if person is not None:
            if person.country not in sides:
                return None
            if p.role and p.role not in rc.generic:
                f.text_roles[person.id] = p.role
            office = person.office_at(day)
            if day is None and person.id in f.text_roles:
                office = next((o for o in person.offices if o.role == f.text_roles[person.id]), office)
            role = office.role if office else p.role
            rank = p.rank or (office.rank if office else None)
            key = person.id
            part = Participant(person.name, person.country, role, rank, person.id)
        else:
            country = p.role_country
            if country not in sides or not (p.role or p.rank):
                return None
            name = ctx.lang.hooks.romanize(p.native, country)
            role = p.role if p.role not in ("side", "delegation") else None
            key = "name:" + fold_latin(name.split()[-1]) if name else ""
            part = Participant(name, country, role, p.rank, None)
        if key in seen:
            return None
        seen.add(key)
        return part

    opening = {id(i) for i in f.sentences[:2]}
    late_heads: set[int] = set()  # heads of state or government named only later in the frame
    for p, person, info in _people_of(f.sentences):
        if mentioned_only(ctx, info, p) or (info.planned and not f.planned):
            continue
        part = accept(p, person)
        if part is not None:
            chosen.append(part)
            if part.role in rc.heads and id(info) not in opening:
                late_heads.add(id(part))
    # 'discussed a summit between Abe and Putin': a head named late in the report is a
    # participant only when nobody else speaks for that side
    chosen = [c for c in chosen if id(c) not in late_heads or
              not any(o.country == c.country and id(o) not in late_heads for o in chosen)]
    if f.inherits is not None and not chosen:
        chosen = [Participant(**vars(x)) for x in participants(ctx, f.inherits)]
        seen.update(x.entity_id or ("name:" + fold_latin(x.name.split()[-1])) for x in chosen)
    # a side nobody speaks for yet: the first official of that side in the frame's scope
    for side in f.sides:
        if any(c.country == side for c in chosen):
            continue
        for p, person, info in _people_of(f.scope):
            if (info.planned and not f.planned) or mentioned_only(ctx, info, p):
                continue  # 'is also scheduled to meet Antony Blinken': not at this meeting
            if (person is not None and person.country == side and person.is_defence_official()) or \
                    (person is None and p.role_country == side and (p.role or p.rank)
                     and p.role not in rc.heads):
                part = accept(p, person)
                if part is not None:
                    chosen.append(part)
                    break
    # people met as 'counterparts' hold the same office as the other side's participant
    known_roles = [c.role for c in chosen if c.role and c.role not in rc.generic]
    for c in chosen:
        if c.role in ("counterpart", None) and c.entity_id is None and known_roles:
            c.role = known_roles[0]
    # a side given by its office alone ('his Kazakh counterpart', 'the defence ministers of
    # Russia, China and India'): whoever held that office on the day, when the KB knows
    for side in f.sides:
        if any(c.country == side for c in chosen):
            continue
        role = _office_named_for(ctx, f, side, known_roles)
        holder = office_holder(ctx.kb, side, role, day) if role else None
        if holder is not None and holder.id not in seen:
            seen.add(holder.id)
            office = holder.office_at(day)
            chosen.append(Participant(holder.name, holder.country, office.role if office else role,
                                      office.rank if office else None, holder.id))
    return chosen


def _office_named_for(ctx: DocContext, f: MeetingCandidate, side: str, known_roles: list[str]) -> str | None:
    """The office the meeting's sentences give the side: a role with that country ('the
    Kazakh defence minister'), the other side's office for a 'counterpart', or for one of
    several counterparts listed after a role ('the defence ministers of Russia, China and
    India') that role."""
    rc = role_classes()
    for info in fields_core(f):
        for r in info.m.roles:
            if r.country != side or r.role in rc.non_participant or r.role in rc.heads:
                continue
            if r.role not in rc.generic:
                return r.role
            if r.role == "counterpart" and known_roles:
                return known_roles[0]
        if info.hub and side in info.counterparts:
            first = min((c.start for c in info.m.countries if c.code in info.counterparts), default=None)
            if first is not None:
                before = [r for r in info.m.roles if r.stop <= first and r.role not in rc.generic
                          and r.role not in rc.heads and r.country in (None, *info.counterparts)]
                if before:
                    return before[-1].role
    return None


class ChooseParticipants:
    """meeting candidates -> the same, with `participants` set."""

    name = "participants"

    def process(self, ctx: DocContext, frames: list[MeetingCandidate]) -> list[MeetingCandidate]:
        for f in frames:
            f.participants = participants(ctx, f)
        return frames

