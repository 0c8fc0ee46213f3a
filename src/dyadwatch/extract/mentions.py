"""Mentions in a sentence: countries, roles, ranks, people, places, institutions.

Everything is matched on token keys (lemmas for Russian, folded lower case for English)
against the knowledge base and the lexicon, so both languages share one code path."""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from ..kb import CURATED_POPULATION, CYRILLIC, KB, Person, Place, fold_latin, load_kb, places
from ..nlp import Sentence, Token
from . import lexicon as L

SLOT = "@C"


class PhraseMatcher:
    """Longest-match lookup of word tuples over tokens whose `keys` are sets of forms."""

    def __init__(self, phrases: dict[tuple[str, ...], object]):
        self._by_first: dict[str, list[tuple[tuple[str, ...], object]]] = defaultdict(list)
        for ph, val in phrases.items():
            if ph:
                self._by_first[ph[0]].append((ph, val))
        for lst in self._by_first.values():
            lst.sort(key=lambda pv: -len(pv[0]))

    def match_at(self, tokens: list[Token], i: int, slot=None):
        best = None
        keys = tokens[i].keys
        # set order changes with the hash seed: on equal lengths the most specific form
        # ('генерал-полковник' over its part 'полковник') must win in every process
        for key in (sorted(keys, key=lambda k: (-len(k), k)) if len(keys) > 1 else keys):
            for ph, val in self._by_first.get(key, ()):
                if best and len(ph) <= best[0] - i:
                    break
                n, j, slot_val, ok = len(ph), 0, None, True
                if i + n > len(tokens):
                    continue
                for j in range(1, n):
                    w = ph[j]
                    if w == SLOT:
                        slot_val = slot(i + j) if slot else None
                        if slot_val is None:
                            ok = False
                            break
                    elif w not in tokens[i + j].keys:
                        ok = False
                        break
                if ok:
                    best = (i + n, val, slot_val)
        return best

    def find_all(self, tokens: list[Token], slot=None, accept=None):
        out, i = [], 0
        while i < len(tokens):
            m = self.match_at(tokens, i, slot)
            if m and (accept is None or accept(i, m[0])):
                out.append((i, m[0], m[1], m[2]))
                i = m[0]
            else:
                i += 1
        return out


@dataclass
class CountryM:
    code: str
    start: int
    stop: int
    kind: str  # name | adj | abbr | compound


@dataclass
class RoleM:
    role: str
    start: int
    stop: int
    country: str | None = None
    country_stop: int | None = None  # where an attached 'of X' / genitive country ends


@dataclass
class RankM:
    rank: str
    start: int
    stop: int


@dataclass
class PersonM:
    start: int
    stop: int
    text: str
    native: str  # the name as written, in the nominative for Russian
    candidates: set[str] = field(default_factory=set)  # KB ids
    person_id: str | None = None
    country: str | None = None
    role: str | None = None
    rank: str | None = None
    role_country: str | None = None


@dataclass
class PlaceM:
    place: Place
    start: int
    stop: int
    locative: bool  # after 'in', 'at', 'в', 'во' ...


@dataclass
class SentMentions:
    countries: list[CountryM] = field(default_factory=list)
    roles: list[RoleM] = field(default_factory=list)
    ranks: list[RankM] = field(default_factory=list)
    persons: list[PersonM] = field(default_factory=list)
    places: list[PlaceM] = field(default_factory=list)
    institutions: list[tuple[str, int, int]] = field(default_factory=list)


class Matchers:
    """Phrase matchers built once per process from the KB and the lexicon."""

    def __init__(self, kb: KB):
        gaz = places()
        self.kb = kb
        self.country = {"ru": PhraseMatcher(kb.country_ru), "en": PhraseMatcher(kb.country_en)}
        self.single_country = {
            "ru": {k[0]: v for k, v in kb.country_ru.items() if len(k) == 1},
            "en": {k[0]: v for k, v in kb.country_en.items() if len(k) == 1},
        }
        self.roles = {"ru": PhraseMatcher(L.ROLES_RU), "en": PhraseMatcher(L.ROLES_EN)}
        self.ranks = {"ru": PhraseMatcher(L.RANKS_RU), "en": PhraseMatcher(L.RANKS_EN)}
        self.person = {"ru": PhraseMatcher(kb.person_ru), "en": PhraseMatcher(kb.person_en)}
        self.person_short = {"ru": kb.person_short_ru, "en": kb.person_short_en}
        self.place = _LazyByLang(lambda lang: PhraseMatcher(gaz.index(lang)))
        self.inst = {"ru": PhraseMatcher(kb.inst_ru), "en": PhraseMatcher(kb.inst_en)}


class _LazyByLang(dict):
    """`m[lang]`, built on first use (the English gazetteer is large and Russian pages never
    need it)."""

    def __init__(self, build):
        super().__init__()
        self._build = build

    def __missing__(self, lang: str):
        value = self[lang] = self._build(lang)
        return value


@lru_cache(maxsize=1)
def matchers() -> Matchers:
    return Matchers(load_kb())


_LOCATIVE = {"ru": {"в", "во", "на"}, "en": {"in", "at", "to", "near", "outside"}}
_EN_PREFIX_COUNTRY = {"sino": "CHN", "indo": "IND", "russo": "RUS", "anglo": "GBR", "franco": "FRA", "turko": "TUR"}
_ROLE_SKIP = {"of", "the", "armed", "forces", "army", "republic", "вооруженный", "сила", "республика",
              "армия", "(", ")", "народный", "people's"}


def _possessive(tok: Token) -> str | None:
    low = fold_latin(tok.text)
    for suf in ("'s", "’s"):
        if low.endswith(suf):
            return low[: -len(suf)]
    return None


def find_countries(tokens: list[Token], lang: str, m: Matchers) -> list[CountryM]:
    out: list[CountryM] = []
    kb = m.kb
    covered = set()
    for a, b, code, _ in m.country[lang].find_all(tokens):
        if lang == "en" and not tokens[a].is_cap:
            continue
        kind = "adj" if b - a == 1 and tokens[a].text.lower() not in {c.lower() for c in kb.countries[code].names_en +
                                                                        [kb.countries[code].name]} else "name"
        if lang == "ru":
            low = tokens[a].text.lower()
            kind = "adj" if low.endswith(("ий", "ый", "ая", "ой", "ое", "ого", "ому", "ым", "ом", "ую", "ые",
                                          "ых", "ыми", "ими", "ей", "их", "его", "ему", "ее", "ие")) and \
                b - a == 1 and "-" not in low and low not in {n.lower() for n in kb.countries[code].names_ru} \
                else "name"
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
        poss = _possessive(t) if lang == "en" else None
        if poss and (poss,) in kb.country_en:
            out.append(CountryM(kb.country_en[(poss,)], i, i + 1, "name"))
            continue
        if "-" in t.text:
            codes = []
            if lang == "en":
                for part in fold_latin(t.text).split("-"):
                    code = _EN_PREFIX_COUNTRY.get(part) or m.single_country["en"].get(part) or \
                        kb.country_abbr.get(part.upper())
                    if code and code not in codes:
                        codes.append(code)
            else:
                for key in t.keys:
                    code = m.single_country["ru"].get(key)
                    if code and code not in codes:
                        codes.append(code)
            if len(codes) >= 2:
                out.extend(CountryM(c, i, i + 1, "compound") for c in codes)
    out.sort(key=lambda c: (c.start, c.stop))
    return out


def find_roles(tokens: list[Token], lang: str, m: Matchers, countries: list[CountryM]) -> list[RoleM]:
    by_start = defaultdict(list)
    by_stop = defaultdict(list)
    for c in countries:
        by_start[c.start].append(c)
        by_stop[c.stop].append(c)

    def slot(i):
        cs = by_start.get(i)
        return cs[0].code if cs and cs[0].stop == i + 1 else None

    roles = []
    for a, b, role, slot_country in m.roles[lang].find_all(tokens, slot=slot):
        if lang == "en" and role in ("President", "Minister") and not tokens[a].is_cap and role != "Minister":
            pass
        r = RoleM(role, a, b, slot_country)
        if r.country is None:
            # 'министр обороны РФ', 'Minister of Defense of the Russian Federation', 'Chief ... of the Russian Armed Forces'
            j = b
            while j < len(tokens) and j < b + 4 and not by_start.get(j) and \
                    (tokens[j].keys & _ROLE_SKIP):
                j += 1
            if by_start.get(j) and (j == b or lang == "ru" or tokens[b].keys & {"of"}):
                c = by_start[j][0]
                r.country, r.country_stop = c.code, c.stop
        if r.country is None:
            # 'Chinese Defense Minister', "China's defence minister", 'таджикистанским коллегой'
            cs = by_stop.get(a)
            if cs:
                r.country = cs[0].code
        roles.append(r)
    return roles


def _person_candidates(tokens: list[Token], a: int, b: int, lang: str, m: Matchers) -> set[str]:
    ids: set[str] = set()
    for i in range(a, b):
        hit = m.person[lang].match_at(tokens, i)
        if hit and hit[0] <= b:
            ids |= hit[1]
    if ids:
        return ids
    for i in range(a, b):
        if lang == "en" and (i == 0 or not tokens[i].is_cap) and b - a == 1 and i == a and \
                fold_latin(tokens[i].text) in _EN_SHORT_STOP:
            continue
        for key in tokens[i].keys:
            k = key[:-2] if lang == "en" and key.endswith(("'s", "’s")) else key
            if lang == "en" and k in _EN_SHORT_STOP:
                continue  # 'He' said..., not He Weidong
            if k in m.person_short[lang]:
                # English given names come before the surname; after it, a title-case headline
                # goes on ('Austin Holds Talks With...')
                others = tokens[a:i] if lang == "en" else [t for j, t in enumerate(tokens[a:b], a) if j != i]
                ids |= {pid for pid in m.person_short[lang][k]
                        if _other_names_agree(others, m.kb.people.get(pid), lang)}
    return ids


def _other_names_agree(others: list[Token], person: Person | None, lang: str) -> bool:
    """A surname match holds unless the text gives other names and none of them is one of the
    person's ('Defence Secretary Rajesh Kumar Singh' is not Rajnath Singh). One agreeing name
    is enough: Russian texts add patronymics the KB does not list. Names are compared on their
    first four letters, so inflected forms and spelling variants (Sergei, Sergey) still agree."""
    if person is None:
        return False
    words = [w for t in others if len(t.text.rstrip(".")) >= 2 and t.text[:1].isupper()
             for w in (t.text, *sorted(t.keys))]  # the lemma too: 'Бахадыром' -> 'бахадыр'
    if not words:
        return True
    names = [person.name, *person.aliases_en] if lang == "en" else [person.name_ru or "", *person.aliases_ru]
    known = {fold_latin(w) for n in names for w in n.replace("-", " ").split()} - {""}
    if not known:
        return True  # the KB has no names in this script to compare with
    return any(_same_name(fold_latin(w).rstrip("."), k) for w in words for k in known)


def _same_name(a: str, b: str) -> bool:
    """Two spellings of one given name: the same first four letters (inflection: 'Сергею'),
    or close enough for a transliteration variant ('Бахадыр' / 'Баходир'), but not 'Rajesh' /
    'Rajnath'."""
    from difflib import SequenceMatcher

    if a[:4] == b[:4]:
        return True
    return a[:1] == b[:1] and SequenceMatcher(None, a, b).ratio() >= 0.7


# English words that are also short forms of names in the KB ('He' Weidong, 'Long', 'King')
_EN_SHORT_STOP = {"he", "she", "it", "we", "they", "you", "i", "us", "an", "on", "in", "at", "as", "so", "no", "do",
                  "go", "me", "my", "by", "or", "if", "is", "be", "to", "up", "long", "king", "may", "will", "young",
                  "little", "white", "black", "green", "brown", "rice", "bush", "most", "more", "new", "general"}


def _nominative_ru(tokens: list[Token], a: int, b: int, normal: str) -> str:
    """The name in the nominative: words the tagger reads as nominative stay as written; others
    take natasha's normal form, or pymorphy's lemma where natasha left an unknown name inflected
    ('Собирзодой' -> 'Собирзода', 'Цзюнем' -> 'Цзюнь')."""
    from ..nlp.ru_morph import morph_vocab

    words = normal.split()
    if len(words) != b - a:
        words = [t.text for t in tokens[a:b]]
    # one name is one noun phrase in one case: when the tagger reads any word of it as oblique,
    # a word it calls nominative ('с ... Фан Ван Зянгом') is a tagging slip
    oblique = any(t.case not in (None, "Nom") for t in tokens[a:b])
    out = []
    for tok, w in zip(tokens[a:b], words):
        if (tok.case == "Nom" or tok.case is None) and not oblique:
            out.append(tok.text)
            continue
        if w.lower() != tok.text.lower():
            out.append(w)
            continue
        best = None
        for p in morph_vocab().parse(tok.text.lower()):
            if p.tag.POS == "NOUN" and p.tag.case and p.tag.case != "nomn" and \
                    ("Surn" in p.tag or "Name" in p.tag or not p.is_known):
                best = p.normal_form
                break
        if best and len(best) >= 2:
            out.append(best[:1].upper() + best[1:])
        else:
            out.append(tok.text)
    return " ".join(out)


def find_persons(sent: Sentence, lang: str, m: Matchers, skip: set[int] = frozenset()) -> list[PersonM]:
    """People: NER spans (ru) or capitalised runs (en), minus the country, role and rank words
    at their edges ('Kyrgyzstan's Defence Minister Raimbek Duishenbiev' -> the last two)."""
    tokens = sent.tokens
    persons: list[PersonM] = []
    taken: set[int] = set()
    for span in sent.spans:
        if span.type not in ("PER", "CAP"):
            continue
        a, b = span.start, span.stop
        if lang == "en":
            # trim leading capitalised non-name words ('Defense Secretary Mark Esper' -> 'Mark Esper')
            while a < b and (({k.rstrip(".") for k in tokens[a].keys} & _EN_NON_NAME) or a in skip):
                a += 1
            if a >= b:
                continue
        cands = _person_candidates(tokens, a, b, lang, m)
        if lang == "en" and not cands:
            if not _en_name_like(tokens, a, b):
                continue
        native = _nominative_ru(tokens, a, b, span.normal) if lang == "ru" else \
            " ".join(t.text for t in tokens[a:b])
        if lang == "en":
            native = native.removesuffix("'s").removesuffix("’s")
        native = re.sub(r"\s+\.", ".", native)  # 'Р . Дуйшенбиев' -> 'Р. Дуйшенбиев'
        persons.append(PersonM(a, b, " ".join(t.text for t in tokens[a:b]), native, cands))
        taken.update(range(a, b))
    # KB names the NER missed (natasha misses some foreign names; English has no NER)
    i = 0
    while i < len(tokens):
        if i in taken or not tokens[i].is_cap:
            i += 1
            continue
        hit = m.person[lang].match_at(tokens, i)
        if hit and not any(k in taken for k in range(i, hit[0])):
            persons.append(PersonM(i, hit[0], " ".join(t.text for t in tokens[i:hit[0]]),
                                   " ".join(t.text for t in tokens[i:hit[0]]), set(hit[1])))
            taken.update(range(i, hit[0]))
            i = hit[0]
            continue
        i += 1
    persons.sort(key=lambda p: p.start)
    return persons


_EN_NON_NAME = {
    "defense", "defence", "minister", "secretary", "general", "gen", "admiral", "adm", "president", "chief", "chairman",
    "colonel", "army", "state", "councilor", "deputy", "prime", "foreign", "national", "of", "the", "brigadier",
    "lieutenant", "major", "vice", "rear", "marshal", "air", "coas", "mr", "ms", "mrs", "dr", "chinese", "russian",
    "indian", "us", "u.s", "pentagon", "spokesman", "commander", "head", "top", "senior", "joint", "chiefs", "staff",
    "military", "department", "ministry", "and", "top", "his", "her", "counterpart", "ambassador", "by", "with",
    "said", "told", "when", "while", "after", "before", "in", "on", "at", "for", "as",
}


def _en_name_like(tokens: list[Token], a: int, b: int) -> bool:
    """A run of 2-4 capitalised words, none of them a known common word or country."""
    if not 2 <= b - a <= 4:
        return False
    for t in tokens[a:b]:
        low = fold_latin(t.text)
        if low in _EN_COMMON or (low,) in load_kb().country_en or not t.text[:1].isalpha():
            return False
    return True


_EN_COMMON = {
    "the", "a", "an", "this", "that", "in", "on", "at", "of", "and", "for", "with", "ministry", "department",
    "forces", "armed", "army", "navy", "air", "force", "organisation", "organization", "cooperation", "council",
    "conference", "security", "international", "news", "agency", "republic", "people's", "united", "states",
    "nations", "kingdom", "federation", "sea", "ocean", "china", "russia", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", "joint", "chiefs", "staff", "general", "commission",
    "committee", "corridor", "economic", "line", "control", "actual", "war", "world", "day", "victory", "hotel",
    "house", "palace", "office", "islands", "island", "province", "region", "central", "asia", "europe", "africa",
    "east", "west", "north", "south", "media", "wing", "relations", "public", "inter-services", "twitter",
    "defense", "defence", "minister", "secretary", "president", "chairman", "state", "deputy", "prime", "foreign",
    "national", "military", "headquarters", "university", "institute", "centre", "center", "read", "also", "more",
    "related", "topics", "tags", "image", "photo", "source", "web", "editor", "posted", "updated", "published",
}


def find_ranks(tokens: list[Token], lang: str, m: Matchers) -> list[RankM]:
    return [RankM(v, a, b) for a, b, v, _ in m.ranks[lang].find_all(tokens)]


def find_places(tokens: list[Token], lang: str, m: Matchers, ner_loc: frozenset[int] = frozenset()
                ) -> list[PlaceM]:
    from ..nlp.ru_morph import is_toponym

    out = []
    for a, b, cands, _ in m.place[lang].find_all(tokens):
        if not tokens[a].is_cap and not (lang == "en" and tokens[a].text.isupper()):
            continue
        # one Russian word is a town when the dictionary, the NER or the curated list says so
        # ('в Кубинке': pymorphy does not know it as a place name)
        if lang == "ru" and b - a == 1 and not (is_toponym(tokens[a].text) or a in ner_loc or
                                                cands[0].population >= CURATED_POPULATION):
            continue
        if lang == "en" and b - a == 1 and fold_latin(tokens[a].text) in _EN_COMMON:
            continue
        prev = tokens[a - 1].keys if a > 0 else frozenset()
        locative = bool(prev & _LOCATIVE[lang])
        if lang == "en" and not locative and cands[0].population < 1_000_000 and not tokens[a].text.isupper():
            continue  # an unqualified capitalised word: too often not a place
        out.append(PlaceM(cands[0], a, b, locative))
    return out


def find_institutions(tokens: list[Token], lang: str, m: Matchers) -> list[tuple[str, int, int]]:
    out = [(v, a, b) for a, b, v, _ in m.inst[lang].find_all(tokens)]
    kb = m.kb
    for i, t in enumerate(tokens):
        if t.text in kb.inst_abbr and not any(a <= i < b for _, a, b in out):
            out.append((kb.inst_abbr[t.text], i, i + 1))
    return out


def sentence_mentions(sent: Sentence, lang: str) -> SentMentions:
    m = matchers()
    tokens = sent.tokens
    sm = SentMentions()
    sm.countries = find_countries(tokens, lang, m)
    sm.roles = find_roles(tokens, lang, m, sm.countries)
    sm.ranks = find_ranks(tokens, lang, m)
    skip = {i for x in (*sm.countries, *sm.roles, *sm.ranks) for i in range(x.start, x.stop)}
    sm.persons = find_persons(sent, lang, m, skip)
    if lang == "en":
        _names_over_ranks(sm, sent, m.kb)
    # a person span never overlaps a country/role word ('Russian' is not a name)
    role_tok = {i for r in sm.roles for i in range(r.start, r.stop)}
    role_tok |= {i for c in sm.countries for i in range(c.start, c.stop)}
    sm.persons = [p for p in sm.persons if p.candidates or not (set(range(p.start, p.stop)) & role_tok)]
    ner_loc = frozenset(i for sp in sent.spans if sp.type == "LOC" for i in range(sp.start, sp.stop))
    sm.places = find_places(tokens, lang, m, ner_loc)
    # a country's name is not a town of that name elsewhere ('Армения', a city in Colombia)
    # a name that is a place, not a person ('in New Delhi'), unless the KB knows the person
    # (natasha's PER span holding a town's name, 'Фан Ван Зянг' and Van in Turkey, stays a person)
    sm.persons = [p for p in sm.persons if p.candidates or not any(
        pl.start < p.stop and p.start < pl.stop and (pl.locative or (lang == "ru" and pl.start <= p.start and
                                                                    pl.stop >= p.stop))
        for pl in sm.places)]
    taken = {i for p in sm.persons for i in range(p.start, p.stop)}
    taken |= {i for c in sm.countries for i in range(c.start, c.stop)}
    sm.places = [pl for pl in sm.places if pl.start not in taken]
    sm.institutions = find_institutions(tokens, lang, m)
    _attach(sm, tokens)
    return sm


def _names_over_ranks(sm: SentMentions, sent: Sentence, kb: KB) -> None:
    """A KB person whose given name reads as a rank abbreviation ('Minister of Defense Gen
    Nakatani'): the name wins over the rank."""
    tokens = sent.tokens
    for p in sm.persons:
        r = next((r for r in sm.ranks if r.stop == p.start), None)
        if r is None or not p.candidates:
            continue
        full = fold_latin(" ".join(t.text for t in tokens[r.start:p.stop]))
        for pid in sorted(p.candidates):
            person = kb.people.get(pid)
            if person and any(fold_latin(n) == full for n in (person.name, *person.aliases_en)):
                sm.ranks.remove(r)
                p.start = r.start
                p.text = sent.text[tokens[r.start].start - sent.start:tokens[p.stop - 1].stop - sent.start]
                break


def _attach(sm: SentMentions, tokens: list[Token]) -> None:
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
                if lead < len(tokens) and tokens[lead].keys & {"the", "his", "her"}:
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


def resolve_person(p: PersonM, day: dt.date | None, kb: KB) -> Person | None:
    """Pick the KB person among the candidates: in office on the day, of the role's country."""
    if not p.candidates:
        return _office_holder_by_spelling(p, day, kb)
    cands = [kb.people[i] for i in sorted(p.candidates) if i in kb.people]
    if p.role_country:
        same = [c for c in cands if c.country == p.role_country]
        if same:
            cands = same
        elif len(p.native.split()) < 2:
            return None  # a bare surname of someone from another country: a namesake
    if day is not None and len(cands) > 1:
        in_office = [c for c in cands if c.in_office_on(day)]
        if in_office:
            cands = in_office
    if len(cands) > 1:
        cands.sort(key=lambda c: (not c.is_defence_official(), c.id))
    return cands[0] if cands else None


def _role_family(role: str | None) -> str | None:
    """'Minister of National Defence' and 'Minister of Defence' are one office in two styles."""
    if not role:
        return None
    if "Deputy" in role or "Vice" in role:
        return role
    if "Minister" in role and "Defen" in role or role == "Secretary of Defense":
        return "defence minister"
    if "General Staff" in role or "Defence Staff" in role or "Defence Forces" in role:
        return "chief of staff"
    return role


def _office_holder_by_spelling(p: PersonM, day: dt.date | None, kb: KB) -> Person | None:
    """A name the KB does not spell this way ('Фан Ван Зянг' for Phan Van Giang, 'Бахадыр' for
    Bakhodir): the one person who held the office the text gives, for that country, on that day,
    when the names are close."""
    from difflib import SequenceMatcher

    family = _role_family(p.role)
    if day is None or not p.role_country or family is None or p.role in L.GENERIC_ROLES:
        return None
    from ..nlp.translit import romanize_name

    name = fold_latin(romanize_name(p.native, p.role_country) if CYRILLIC.search(p.native) else p.native)
    best, best_score = None, 0.0
    for person in kb.people_of(p.role_country):
        if not any(o.covers(day) and _role_family(o.role) == family for o in person.offices):
            continue
        score = max(SequenceMatcher(None, name, fold_latin(n)).ratio() for n in (person.name, *person.aliases_en))
        if score > best_score:
            best, best_score = person, score
    return best if best_score >= 0.7 else None
