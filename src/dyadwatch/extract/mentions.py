"""Stage 1, recognition: candidate mentions in a sentence (countries, roles, ranks, people,
places, institutions), as typed spans (`candidates.py`).

Everything is matched on token keys (lemmas or folded lower case) against the knowledge base
and the language's data files; how a language marks adjectives, compounds or names is a
switch in its `language.toml`, never a branch on the language here."""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from ..kb import CURATED_POPULATION, KB, fold_latin, load_kb, places
from ..nlp import Sentence, Token
from .candidates import CountryM, InstitutionM, PlaceM, RankM, RoleM, SentMentions
from .language import Profile, profile
from .matching import PhraseMatcher
from .persons import find_persons, names_over_ranks


class Matchers:
    """Phrase matchers of one language, built once per process from the KB and the data files."""

    def __init__(self, kb: KB, lang: Profile):
        gaz = places()
        script = lang.kb_script
        self.kb = kb
        self.lang = lang
        self.country = PhraseMatcher(getattr(kb, f"country_{script}"))
        self.single_country = {k[0]: v for k, v in getattr(kb, f"country_{script}").items() if len(k) == 1}
        self.roles = PhraseMatcher(lang.roles)
        self.ranks = PhraseMatcher(lang.ranks)
        self.person = PhraseMatcher(getattr(kb, f"person_{script}"))
        self.person_short = getattr(kb, f"person_short_{script}")
        self.inst = PhraseMatcher(getattr(kb, f"inst_{script}"))
        self._gaz, self._place = gaz, None

    @property
    def place(self) -> PhraseMatcher:
        # built on first use: the English gazetteer is large and Russian pages never need it
        if self._place is None:
            self._place = PhraseMatcher(self._gaz.index(self.lang.kb_script))
        return self._place

    def country_names(self, code: str) -> set[str]:
        c = self.kb.countries[code]
        names = c.names_ru if self.lang.kb_script == "ru" else [*c.names_en, c.name]
        return {n.lower() for n in names}


@lru_cache(maxsize=None)
def matchers(code: str = "en") -> Matchers:
    return Matchers(load_kb(), profile(code))


def _possessive(tok: Token, suffixes: tuple[str, ...]) -> str | None:
    low = fold_latin(tok.text)
    for suf in suffixes:
        if low.endswith(suf):
            return low[: -len(suf)]
    return None


def _is_adjective(tok: Token, code: str, m: Matchers) -> bool:
    f, low = m.lang.features, tok.text.lower()
    if m.lang.adjective_endings_t and not low.endswith(m.lang.adjective_endings_t):
        return False
    if f.adjective_no_hyphen and "-" in low:
        return False
    return low not in m.country_names(code)


def find_countries(tokens: list[Token], m: Matchers) -> list[CountryM]:
    out: list[CountryM] = []
    kb, lang = m.kb, m.lang
    every_cap = lang.features.countries_need_capital == "all"
    covered = set()
    for a, b, code, _ in m.country.find_all(tokens):
        if every_cap and not tokens[a].is_cap:
            continue
        kind = "adj" if b - a == 1 and _is_adjective(tokens[a], code, m) else "name"
        if kind == "name" and not tokens[a].is_cap:
            continue  # 'того же' is not Togo
        out.append(CountryM(code, a, b, kind))
        covered.update(range(a, b))
    for i, t in enumerate(tokens):
        if i in covered:
            continue
        if t.text in kb.country_abbr:
            out.append(CountryM(kb.country_abbr[t.text], i, i + 1, "abbr"))
            continue
        poss = _possessive(t, lang.possessive_t) if lang.possessive_t else None
        if poss and poss in m.single_country:
            out.append(CountryM(m.single_country[poss], i, i + 1, "name"))
            continue
        if "-" in t.text:
            codes: list[str] = []
            if lang.features.compound_countries == "parts":
                for part in fold_latin(t.text).split("-"):
                    code = lang.country_prefixes.get(part) or m.single_country.get(part) or \
                        kb.country_abbr.get(part.upper())
                    if code and code not in codes:
                        codes.append(code)
            else:
                for key in t.keys:
                    code = m.single_country.get(key)
                    if code and code not in codes:
                        codes.append(code)
            if len(codes) >= 2:
                out.extend(CountryM(c, i, i + 1, "compound") for c in codes)
    out.sort(key=lambda c: (c.start, c.stop))
    return out


def find_roles(tokens: list[Token], m: Matchers, countries: list[CountryM]) -> list[RoleM]:
    by_start = defaultdict(list)
    by_stop = defaultdict(list)
    for c in countries:
        by_start[c.start].append(c)
        by_stop[c.stop].append(c)
    lang = m.lang

    def slot(i):
        cs = by_start.get(i)
        return cs[0].code if cs and cs[0].stop == i + 1 else None

    roles = []
    for a, b, role, slot_country in m.roles.find_all(tokens, slot=slot):
        r = RoleM(role, a, b, slot_country)
        if r.country is None:
            # 'министр обороны РФ', 'Minister of Defense of the Russian Federation'
            j = b
            while j < len(tokens) and j < b + 6 and not by_start.get(j) and (tokens[j].keys & lang.role_skip):
                j += 1
            if by_start.get(j) and (j == b or lang.features.role_country_genitive or
                                    tokens[b].keys & lang.role_country_linkers):
                c = by_start[j][0]
                r.country, r.country_stop = c.code, c.stop
        if r.country is None:
            # 'Chinese Defense Minister', "China's defence minister", 'таджикистанским коллегой'
            cs = by_stop.get(a)
            if cs:
                r.country = cs[0].code
        roles.append(r)
    return roles


def find_ranks(tokens: list[Token], m: Matchers) -> list[RankM]:
    return [RankM(v, a, b) for a, b, v, _ in m.ranks.find_all(tokens)]


def find_places(tokens: list[Token], m: Matchers, ner_loc: frozenset[int] = frozenset()) -> list[PlaceM]:
    lang, f = m.lang, m.lang.features
    out = []
    for a, b, cands, _ in m.place.find_all(tokens):
        if not tokens[a].is_cap and not (f.place_all_caps_ok and tokens[a].text.isupper()):
            continue
        if b - a == 1:
            if f.place_single_word == "toponym":
                # one word is a town when the dictionary, the NER or the curated list says so
                # ('в Кубинке': pymorphy does not know it as a place name)
                if not (lang.hooks.toponym(tokens[a].text) or a in ner_loc or
                        cands[0].population >= CURATED_POPULATION):
                    continue
            elif fold_latin(tokens[a].text) in lang.common_capitalised:
                continue
        prev = tokens[a - 1].keys if a > 0 else frozenset()
        locative = bool(prev & lang.locative)
        if not locative and cands[0].population < f.place_needs_locative_below and not tokens[a].text.isupper():
            continue  # an unqualified capitalised word: too often not a place
        out.append(PlaceM(cands[0], a, b, locative))
    return out


def find_institutions(tokens: list[Token], m: Matchers) -> list[InstitutionM]:
    out = [InstitutionM(v, a, b) for a, b, v, _ in m.inst.find_all(tokens)]
    kb = m.kb
    for i, t in enumerate(tokens):
        if t.text in kb.inst_abbr and not any(x.start <= i < x.stop for x in out):
            out.append(InstitutionM(kb.inst_abbr[t.text], i, i + 1))
    return out


def sentence_mentions(sent: Sentence, code: str) -> SentMentions:
    m = matchers(code)
    f = m.lang.features
    tokens = sent.tokens
    sm = SentMentions()
    sm.countries = find_countries(tokens, m)
    sm.roles = find_roles(tokens, m, sm.countries)
    sm.ranks = find_ranks(tokens, m)
    skip = {i for x in (*sm.countries, *sm.roles, *sm.ranks) for i in range(x.start, x.stop)}
    sm.persons = find_persons(sent, m, skip)
    if f.names_over_ranks:
        names_over_ranks(sm, sent, m.kb)
    # a person span never overlaps a country/role word ('Russian' is not a name)
    role_tok = {i for r in sm.roles for i in range(r.start, r.stop)}
    role_tok |= {i for c in sm.countries for i in range(c.start, c.stop)}
    sm.persons = [p for p in sm.persons if p.candidates or not (set(range(p.start, p.stop)) & role_tok)]
    ner_loc = frozenset(i for sp in sent.spans if sp.type == "LOC" for i in range(sp.start, sp.stop))
    sm.places = find_places(tokens, m, ner_loc)
    # a name that is a place, not a person ('in New Delhi'), unless the KB knows the person
    sm.persons = [p for p in sm.persons if p.candidates or not any(
        pl.start < p.stop and p.start < pl.stop and (pl.locative or (f.place_covering_person_wins and
                                                                    pl.start <= p.start and pl.stop >= p.stop))
        for pl in sm.places)]
    taken = {i for p in sm.persons for i in range(p.start, p.stop)}
    taken |= {i for c in sm.countries for i in range(c.start, c.stop)}
    sm.places = [pl for pl in sm.places if pl.start not in taken]
    sm.institutions = find_institutions(tokens, m)
    _attach(sm, tokens, m.lang)
    return sm


def _attach(sm: SentMentions, tokens: list[Token], lang: Profile) -> None:
    """Roles, ranks and countries to the people they describe (apposition)."""
    rank_at_stop = {r.stop: r for r in sm.ranks}
    role_by_end: dict[int, RoleM] = {}
    for r in sm.roles:
        role_by_end[r.country_stop or r.stop] = r
        role_by_end.setdefault(r.stop, r)
    country_tokens = {i: c for c in sm.countries for i in range(c.start, c.stop)}
    for p in sm.persons:
        j = p.start
        # skip back over ranks, commas and country words to reach a role
        while True:
            if j in rank_at_stop:
                p.rank = p.rank or rank_at_stop[j].rank
                j = rank_at_stop[j].start
                continue
            if j > 0 and tokens[j - 1].text in {",", "—", "–", "(", ")"} and (j - 1) in role_by_end:
                j -= 1
                continue
            if j > 0 and tokens[j - 1].text == "," and (j - 1) in rank_at_stop:
                j -= 1
                continue
            break
        role = role_by_end.get(j)
        if role is None and j > 0 and tokens[j - 1].text == ",":
            role = role_by_end.get(j - 1)
        if role is None and j > 0 and (j - 1) in country_tokens and country_tokens[j - 1].start in role_by_end:
            role = role_by_end.get(country_tokens[j - 1].start)
        if role is None:
            # 'Mark Milley, Chairman of the US Joint Chiefs of Staff'
            k = p.stop
            if k < len(tokens) and tokens[k].text == ",":
                # ', the Moroccan minister delegate ...': the article and a country word may come first
                lead = k + 1
                if lead < len(tokens) and tokens[lead].keys & lang.apposition_lead:
                    lead += 1
                if lead in country_tokens:
                    lead = country_tokens[lead].stop
                for r in sm.roles:
                    if r.start in (k + 1, lead):
                        role = r
                        break
        if role is not None:
            p.role = role.role
            p.role_country = role.country
        # the nearest country named before the person in the same clause
        if p.role_country is None:
            best = None
            for c in sm.countries:
                if c.stop <= p.start and not any(tokens[k].text in {";", "."} for k in range(c.stop, p.start)):
                    if not any(q.stop <= p.start and q.start >= c.stop for q in sm.persons if q is not p):
                        best = c
            if best is not None:
                p.role_country = best.code
