"""People in a sentence, and which KB person (if any) each one is.

Recognition takes the NER's PER spans or capitalised runs (`features.person_spans`), trims
titles off their edges, and looks the words up in the KB's name indices. Resolution then
needs agreement: a bare surname is the KB person only when the country the text gives and
the person's tenure agree; otherwise the official is kept as unknown (entity_id null)."""
from __future__ import annotations

import datetime as dt
import re
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from ..kb import CYRILLIC, KB, Person, fold_latin, load_kb
from ..nlp import Sentence, Token
from .candidates import PersonM, SentMentions
from .language import role_classes

if TYPE_CHECKING:
    from .mentions import Matchers


def _person_candidates(tokens: list[Token], a: int, b: int, m: Matchers) -> set[str]:
    lang = m.lang
    ids: set[str] = set()
    for i in range(a, b):
        hit = m.person.match_at(tokens, i)
        if hit and hit[0] <= b:
            ids |= hit[1]
    if ids:
        return ids
    stop = lang.short_name_stopwords
    for i in range(a, b):
        if (i == 0 or not tokens[i].is_cap) and b - a == 1 and i == a and fold_latin(tokens[i].text) in stop:
            continue
        for key in tokens[i].keys:
            k = next((key[:-len(s)] for s in lang.possessive_t if key.endswith(s)), key)
            if k in stop:
                continue  # 'He' said..., not He Weidong
            if k in m.person_short:
                # where given names stand: before the surname in English; after it, a
                # title-case headline goes on ('Austin Holds Talks With...')
                others = tokens[a:i] if lang.features.given_names_first else \
                    [t for j, t in enumerate(tokens[a:b], a) if j != i]
                ids |= {pid for pid in m.person_short[k]
                        if _other_names_agree(others, m.kb.people.get(pid), lang.kb_script)}
    return ids


def _other_names_agree(others: list[Token], person: Person | None, script: str) -> bool:
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
    names = [person.name_ru or "", *person.aliases_ru] if script == "ru" else [person.name, *person.aliases_en]
    known = {fold_latin(w) for n in names for w in n.replace("-", " ").split()} - {""}
    if not known:
        return True  # the KB has no names in this script to compare with
    return any(_same_name(fold_latin(w).rstrip("."), k) for w in words for k in known)


def _same_name(a: str, b: str) -> bool:
    """Two spellings of one given name: the same first four letters (inflection: 'Сергею'),
    or close enough for a transliteration variant ('Бахадыр' / 'Баходир'), but not 'Rajesh' /
    'Rajnath'."""
    if a[:4] == b[:4]:
        return True
    return a[:1] == b[:1] and SequenceMatcher(None, a, b).ratio() >= 0.7


def _name_like(tokens: list[Token], a: int, b: int, common: frozenset[str]) -> bool:
    """A run of 2-4 capitalised words, none of them a known common word or country."""
    if not 2 <= b - a <= 4:
        return False
    kb = load_kb()
    for t in tokens[a:b]:
        low = fold_latin(t.text)
        if low in common or (low,) in kb.country_en or not t.text[:1].isalpha():
            return False
    return True


def find_persons(sent: Sentence, m: Matchers, skip: set[int] = frozenset()) -> list[PersonM]:
    """People: NER spans or capitalised runs, minus the country, role and rank words at their
    edges ('Kyrgyzstan's Defence Minister Raimbek Duishenbiev' -> the last two)."""
    lang = m.lang
    capitalised = lang.features.person_spans == "capitalised"
    tokens = sent.tokens
    persons: list[PersonM] = []
    taken: set[int] = set()
    for span in sent.spans:
        if span.type not in ("PER", "CAP"):
            continue
        a, b = span.start, span.stop
        # trim leading capitalised non-name words ('Defense Secretary Mark Esper' -> 'Mark Esper')
        while a < b and (({k.rstrip(".") for k in tokens[a].keys} & lang.title_words) or (capitalised and a in skip)):
            a += 1
        if a >= b:
            continue
        cands = _person_candidates(tokens, a, b, m)
        if capitalised and not cands and not _name_like(tokens, a, b, lang.common_capitalised):
            continue
        native = lang.hooks.nominative(tokens, a, b, span.normal)
        for suf in lang.possessive_t:
            native = native.removesuffix(suf)
        native = re.sub(r"\s+\.", ".", native)  # 'Р . Дуйшенбиев' -> 'Р. Дуйшенбиев'
        persons.append(PersonM(a, b, " ".join(t.text for t in tokens[a:b]), native, cands))
        taken.update(range(a, b))
    # KB names the NER missed (an NER misses some foreign names; capitalised runs miss some too)
    i = 0
    while i < len(tokens):
        if i in taken or not tokens[i].is_cap:
            i += 1
            continue
        hit = m.person.match_at(tokens, i)
        if hit and not any(k in taken for k in range(i, hit[0])):
            persons.append(PersonM(i, hit[0], " ".join(t.text for t in tokens[i:hit[0]]),
                                   " ".join(t.text for t in tokens[i:hit[0]]), set(hit[1])))
            taken.update(range(i, hit[0]))
            i = hit[0]
            continue
        i += 1
    persons.sort(key=lambda p: p.start)
    return persons


def names_over_ranks(sm: SentMentions, sent: Sentence, kb: KB) -> None:
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


def resolve_person(p: PersonM, day: dt.date | None, kb: KB) -> Person | None:
    """Pick the KB person among the candidates: in office on the day, of the role's country.
    A bare surname needs agreement: of the country the text gives, and (when the text gives
    none) of a tenure covering the day, else it is someone the KB does not know."""
    if not p.candidates:
        return _office_holder_by_spelling(p, day, kb)
    cands = [kb.people[i] for i in sorted(p.candidates) if i in kb.people]
    bare = len(p.native.split()) < 2
    if p.role_country:
        same = [c for c in cands if c.country == p.role_country]
        if same:
            cands = same
        elif bare:
            return None  # a bare surname of someone from another country: a namesake
    if day is not None and len(cands) > 1:
        in_office = [c for c in cands if c.in_office_on(day)]
        if in_office:
            cands = in_office
    if bare and day is not None and cands and not p.role_country and not p.role and \
            not any(c.in_office_on(day) for c in cands):
        return None  # 'Singh said': a surname alone, and nobody of that name in office that day
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
    family = _role_family(p.role)
    if day is None or not p.role_country or family is None or p.role in role_classes().generic:
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


def office_holder(kb: KB, country: str, role: str | None, day: dt.date | None) -> Person | None:
    """The one person of `country` who held `role` (in any of its styles) on `day`: 'the
    defence minister of Kazakhstan' without a name. None when the KB knows none, or several."""
    family = _role_family(role)
    if day is None or family is None or role in role_classes().generic:
        return None
    holders = [p for p in kb.people_of(country)
               if any(o.covers(day) and _role_family(o.role) == family for o in p.offices)]
    return holders[0] if len(holders) == 1 else None
