"""Stage 2, arguments per clause: what each sentence says about a meeting.

For every sentence: its meeting words (strong, weak, phrases), format (phone, video, in
person), tense (planned), polarity (negated), dates outside side clauses, the people it names
(resolved against the KB) and the sides (countries) they and its roles stand for."""
from __future__ import annotations

from ..nlp import Sentence
from . import dating
from .bilateral import several_meetings
from .candidates import DocContext, SentenceCandidate, SentMentions
from .dates import find_date_exprs
from .language import Profile, role_classes
from .matching import has_phrase
from .mentions import sentence_mentions
from .persons import resolve_person

_CLAUSE_PUNCT = {",", ";", "(", "—", "–"}
_FUTURE_STOPS = {",", ";", ":", "—", "–"}
_PAIR_PUNCT = {",", "-", "–", "—", "/", "&"}


class ReadClauses:
    """analysis -> one SentenceCandidate per sentence."""

    name = "clauses"

    def process(self, ctx: DocContext, cands: list[SentenceCandidate] | None = None) -> list[SentenceCandidate]:
        return [sentence_candidate(ctx, i, s) for i, s in enumerate(ctx.analysis.sentences)]


def sentence_candidate(ctx: DocContext, i: int, s: Sentence) -> SentenceCandidate:
    L = ctx.lang
    m = sentence_mentions(s, L.code)
    dl = ctx.dateline
    if dl and s.start < dl.end:  # 'SIEM REAP, CAMBODIA —' names where it was written, not a side
        m.countries = [c for c in m.countries if not dl.start <= s.tokens[c.start].start < dl.end]
    keys: set[str] = set()
    for t in s.tokens:
        keys |= t.keys
    info = SentenceCandidate(i, s, m, keys)
    triggers = keys & L.triggers
    weak = keys & L.weak_triggers
    phrase = has_phrase(s, L.trigger_phrases)
    strong = bool((triggers - L.weak_triggers) or phrase)
    if keys & L.ambiguous_call_triggers and not has_phrase(s, L.phone_phrases) and \
            not triggers - L.ambiguous_call_triggers and not keys & L.call_verbs:
        strong = False  # 'called for', 'phone' in passing
    counterpart = any(r.role in ("counterpart", "side", "delegation") or r.country for r in m.roles) or \
        bool(m.persons)
    info.mode = sentence_mode(L, s, keys)
    # 'обсудил по телефону': a weak meeting word with a call's format is a call
    info.trigger = strong or bool(weak and (counterpart or info.mode in ("phone", "video")))
    info.strong_trigger = strong
    info.ref_cue = bool(keys & L.ref_event_verbs) or bool(keys & L.ref_modifiers)
    info.dates = [d for d in find_date_exprs(ctx.text, s.start, s.stop, L.code)
                  if not (dl and dl.start <= d.start < dl.end) and not in_side_clause(L, s, d.start)]
    info.keys = dating.without_week_words(s, info.dates, info.keys)  # 'last week' is not 'last met'
    info.ref_cue = info.ref_cue and bool(info.keys & L.ref_event_verbs or info.keys & L.ref_modifiers)
    info.planned = planned(L, s) if info.trigger else False
    info.negated = negated(L, s)
    info.past_report = bool(keys & L.past_report) and not info.dates
    info.anaphora = anaphora(L, s, keys)
    info.people = [(p, resolve_person(p, ctx.ref_day, ctx.kb)) for p in m.persons]
    info.sides, info.weak_sides = sentence_sides(L, info)
    if info.trigger:
        info.hub, info.counterparts = several_meetings(L, info)
        if info.hub:
            info.sides = [info.hub] + info.counterparts
    return info


def relative_clauses(L: Profile, s: Sentence) -> list[tuple[int, int]]:
    """Token spans of relative clauses that tell another meeting, set off by commas after
    someone named: 'Singh, who met Austin last week, held talks with Marles'. The people in
    them are mentioned, not at this meeting."""
    toks = s.tokens
    out = []
    for i in range(1, len(toks) - 1):
        if toks[i].text != "," or not toks[i + 1].keys & L.side_clause_openers:
            continue
        end = next((j for j in range(i + 2, len(toks)) if toks[j].text in _CLAUSE_PUNCT), len(toks))
        if any(t.keys & L.position_triggers for t in toks[i + 2:end]) and \
                any(t.keys & L.position_triggers for t in toks[end:]):
            out.append((i + 1, end))
    return out


def in_side_clause(L: Profile, s: Sentence, pos: int) -> bool:
    """A date inside a relative or participle clause dates something else: 'Hayat, who is due
    to retire in November, was on a farewell visit', 'Меморандума, подписанного 22 октября в
    Сочи президентами', 'конференции, которая пройдет в апреле'."""
    toks = s.tokens
    k = next((j for j, t in enumerate(toks) if t.start <= pos < t.stop or t.start >= pos), None)
    if k is None:
        return False
    j = k
    while j > 0 and toks[j - 1].text not in _CLAUSE_PUNCT:
        j -= 1
    if any(t.keys & L.since for t in toks[j:k]):
        return True  # 'the fourth session since the framework was launched in 2013'
    if j == 0:
        return False  # the main clause
    return bool(toks[j].keys & L.side_clause_openers) or L.hooks.passive_participle(toks[j])


def planned(L: Profile, s: Sentence) -> bool:
    """The sentence's meeting is still to come: a future marker governs every trigger word."""
    toks = s.tokens
    trig = L.position_triggers
    # 'during his visit', 'в ходе визита' set the scene; they are not the meeting told
    every = [i for i, t in enumerate(toks) if t.keys & trig]
    positions = [i for i in every if not any(w.keys & L.scene_setters for w in toks[max(0, i - 3):i])]
    if every and not positions:  # only 'during his visit': the rest of the sentence decides
        return any(future_at(L, toks, i) for i in range(len(toks)))
    if not positions:
        return False
    return all(future_at(L, toks, i) for i in positions)


def future_at(L: Profile, toks, i: int) -> bool:
    """A future marker before word i: an auxiliary ('will'), an intention followed by its
    particle ('expected to'), an infinitive of a meeting verb ('to meet'), or a future-tense
    meeting verb ('проведут'); within `future_window` words, within the clause when bound."""
    f = L.features
    start = i
    while start > 0 and i - start < f.future_window and \
            not (f.future_clause_bound and toks[start - 1].text in _FUTURE_STOPS):
        start -= 1
    window = toks[start:i + 1]
    for k, t in enumerate(window):
        nxt = window[k + 1].keys if k + 1 < len(window) else frozenset()
        if t.keys & L.future_markers:
            return True
        if t.keys & L.future_intent and nxt & L.future_intent_next:
            return True
        if t.keys & L.infinitive_markers and nxt & L.infinitive_verbs:
            return True
        if L.future_verbs and L.hooks.future_verb(t, L.future_verbs):
            return True
    return False


def negated(L: Profile, s: Sentence) -> bool:
    toks = s.tokens
    positions = [i for i, t in enumerate(toks) if t.keys & L.triggers]
    # negated when every meeting word is ('did not hold a bilateral meeting'), not when one is
    # ('it was not the first call: they also spoke on March 3')
    return bool(positions) and all(any(w.keys & L.negation for w in toks[max(0, i - 4):i]) for i in positions)


def anaphora(L: Profile, s: Sentence, keys: set[str]) -> bool:
    if L.anaphora_forms and {t.text.lower() for t in s.tokens} & L.anaphora_forms:
        return True
    return bool(keys & L.anaphora_keys) or has_phrase(s, L.anaphora_phrases)


def sentence_mode(L: Profile, s: Sentence, keys: set[str]) -> str | None:
    if keys & L.video or has_phrase(s, L.video_phrases):
        return "video"
    if keys & L.phone or has_phrase(s, L.phone_phrases):
        return "phone"
    if keys & L.in_person or has_phrase(s, L.in_person_phrases):
        return "in_person"
    return None


def sentence_sides(L: Profile, info: SentenceCandidate) -> tuple[list[str], list[str]]:
    rc = role_classes()
    m: SentMentions = info.m
    toks = info.sent.tokens
    sides: list[str] = []

    def add(c):
        if c and c not in sides:
            sides.append(c)

    aside = relative_clauses(L, info.sent)
    for p, person in info.people:
        if p.role in rc.non_participant or any(a <= p.start < b for a, b in aside):
            continue
        if person is not None:
            add(person.country)
        elif p.role_country and (p.role or p.rank):
            add(p.role_country)
    for r in m.roles:
        if r.country and r.role not in rc.non_participant and r.role not in rc.heads and \
                not any(a <= r.start < b for a, b in aside):
            add(r.country)
    info.named_sides = list(sides)
    # pairs: 'Россия и Индия', 'India, Russia', 'between X and Y', 'российско-египетской'
    cs = m.countries
    for c in cs:
        if c.kind == "compound":
            add(c.code)
    joiners = L.pair_conjunctions | _PAIR_PUNCT
    for a, b in zip(cs, cs[1:]):
        if a.code == b.code or a.kind == "compound" or b.kind == "compound":
            continue
        if a.start > 3 and a.kind != "adj" and not (a.start > 0 and toks[a.start - 1].keys & L.pair_between):
            continue  # a pair of names counts as the sides only as the subject ('India and Russia signed')
        between = toks[a.stop:b.start]
        if len(between) <= 1 and all(t.text.lower() in joiners for t in between) and \
                (a.kind != "adj" or b.kind == "adj"):
            if a.kind == "adj" and b.kind == "adj":
                # 'Russian and Chinese' only as the sides of something: 'the Russian and Chinese ministers'
                nxt = toks[b.stop].keys if b.stop < len(toks) else set()
                if not nxt & L.pair_adjective_heads:
                    continue
            add(a.code)
            add(b.code)
    weak: list[str] = []
    if info.keys & L.visit_words:
        for pl in m.places:
            if pl.locative:
                weak.append(pl.place.country)
        for c in cs:
            if c.kind == "name" and c.start > 0 and toks[c.start - 1].keys & L.visit_prepositions:
                weak.append(c.code)
            if c.stop < len(toks) and toks[c.stop].keys & L.capital_words:
                weak.append(c.code)  # 'arrived in the Turkish capital'
    return sides, [w for w in weak if w not in sides]
