"""Stage 4, bilateral meetings: one candidate per pair of sides.

A report of several bilateral meetings at once ('held bilateral meetings with the defence
ministers of Russia, China, India and Pakistan', 'met respectively with ...', «провел встречи
с министрами обороны ...») becomes one candidate per counterpart, each with the hub side and
the shared date, place and setting (a multilateral gathering's side meetings each get the
gathering as their setting); a many-sided gathering without side meetings is a plenary, not
a dyadic event, and is dropped."""
from __future__ import annotations

from .candidates import DocContext, MeetingCandidate, SentenceCandidate
from .language import Profile

MAX_SIDES = 4  # a gathering of more states, not split into side meetings, is a plenary


def several_meetings(L: Profile, info: SentenceCandidate) -> tuple[str | None, list[str]]:
    """(hub, counterparts) when the sentence tells several bilateral meetings of one side:
    a plural meeting noun or 'respectively' / 'separately', the hub named before the object
    preposition ('with', 'с'), and at least two other countries after it (in the list that
    follows, up to a place or scene phrase: 'in Astana', 'on the sidelines')."""
    keys = info.keys
    toks = info.sent.tokens
    # 'в ходе встречи с ...': a genitive singular that reads as a plural
    plural = any(t.keys & L.meeting_plural and not (k and toks[k - 1].keys & L.plural_blockers)
                 for k, t in enumerate(toks))
    if not (plural or keys & L.respectively):
        return None, []
    prep = next((i for i, t in enumerate(toks) if t.keys & L.object_first_prepositions and i > 0 and
                 any(w.keys & (L.position_triggers | L.meeting_plural) for w in toks[:i])), None)
    if prep is None:
        return None, []
    stop = next((i for i in range(prep + 1, len(toks))
                 if toks[i].keys & L.list_stops or toks[i].text in {";", ".", "(", ":"}), len(toks))
    hub = None
    for p, person in info.people:
        if p.stop <= prep:
            hub = person.country if person is not None else p.role_country
            if hub:
                break
    if hub is None:
        hub = next((r.country for r in info.m.roles if r.stop <= prep and r.country), None)
    if hub is None:
        return None, []
    out: list[str] = []
    for c in info.m.countries:
        if prep < c.start < stop and c.code != hub and c.code not in out and c.kind != "compound":
            out.append(c.code)
    for p, person in info.people:
        code = person.country if person is not None else p.role_country
        if prep < p.start < stop and code and code != hub and code not in out:
            out.append(code)
    return (hub, out) if len(out) >= 2 else (None, [])


def _about(info: SentenceCandidate, hub: str, side: str) -> bool:
    """The sentence can tell the hub's meeting with `side`: it names that side, or no other."""
    others = set(info.sides) - {hub}
    return not others or side in others


class SplitBilateral:
    name = "bilateral"

    def process(self, ctx: DocContext, frames: list[MeetingCandidate]) -> list[MeetingCandidate]:
        out: list[MeetingCandidate] = []
        for f in frames:
            hubs = [i for i in f.sentences if i.hub and i.counterparts]
            if not hubs:
                if 2 <= len(f.sides) <= MAX_SIDES:
                    out.append(f)
                continue
            hub = hubs[0].hub
            counterparts: list[str] = []
            for i in hubs:
                counterparts += [c for c in i.counterparts if c not in counterparts]
            for side in counterparts:
                out.append(MeetingCandidate(
                    f.date, [hub, side],
                    sentences=[i for i in f.sentences if i in hubs or _about(i, hub, side)],
                    scope=[i for i in f.scope if _about(i, hub, side)],
                    planned=f.planned, dated=f.dated, inherits=f.inherits, hub=hub, split_from=id(f)))
        return out
