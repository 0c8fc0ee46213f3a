"""Russian morphology shared by the analyzer and the knowledge base: pymorphy3 seen the way
natasha's normaliser expects (UD part of speech and features). A word's *keys* are its
lower-case form plus every lemma pymorphy proposes, so 'Собирзодой', 'Минске' or 'китайской'
meet the nominative forms in the KB."""
from __future__ import annotations

import re
from functools import lru_cache

import pymorphy3
from natasha.morph.vocab import oc_grams, ud_feats, ud_pos

_SPLIT = re.compile(r"[\s]+")


class MorphForm(pymorphy3.analyzer.Parse):
    """A parse with the UD view natasha's Span.normalize reads (.normal, .pos, .feats, and
    .inflect by UD features), as natasha's own MorphForm gives on pymorphy2."""

    def __new__(cls, *args):
        self = super().__new__(cls, *args)
        self.normal = self.normal_form
        self.pos = ud_pos(self.tag)
        self.feats = dict(ud_feats(self.tag))
        return self

    def inflect(self, grams):
        return super().inflect(set(oc_grams(grams)))


class MorphVocab(pymorphy3.MorphAnalyzer):
    """natasha's MorphVocab on pymorphy3 rather than pymorphy2, which finds its dictionary
    through pkg_resources (gone from current setuptools). natasha still installs pymorphy2 and
    imports its modules, but no pymorphy2 analyzer is ever built."""

    def __init__(self) -> None:
        super().__init__(lang="ru", result_type=MorphForm)

    parse = lru_cache(10_000)(pymorphy3.MorphAnalyzer.parse)
    __call__ = parse


@lru_cache(maxsize=1)
def morph_vocab() -> MorphVocab:
    return MorphVocab()


@lru_cache(maxsize=200_000)
def word_keys(word: str) -> frozenset[str]:
    low = word.lower().replace("ё", "е")
    keys = {low}
    for parse in morph_vocab().parse(low):
        keys.add(parse.normal_form.replace("ё", "е"))
    if "-" in low:
        # compounds: 'российско-египетской' -> also its parts, the last one as lemmatised by
        # pymorphy ('египетский') and the first ones read as adjective stems ('российско' ->
        # 'российский'), so both countries of a compound adjective are found
        for key in list(keys):
            parts = key.split("-")
            keys.add(parts[-1])
            for part in parts[:-1]:
                if part.endswith("о") and len(part) > 4:
                    keys.add(part[:-1] + "ий")
    return frozenset(keys)


@lru_cache(maxsize=200_000)
def is_toponym(word: str) -> bool:
    """pymorphy knows the word as a place name, or does not know it at all."""
    parses = morph_vocab().parse(word.lower())
    return any("Geox" in p.tag for p in parses) or not parses[0].is_known


@lru_cache(maxsize=50_000)
def first_lemma(word: str) -> str:
    low = word.lower().replace("ё", "е")
    parses = morph_vocab().parse(low)
    return parses[0].normal_form.replace("ё", "е") if parses else low


@lru_cache(maxsize=50_000)
def geo_lemma(word: str) -> str:
    """A place name's lemma: pymorphy's toponym reading if it has one, else the word itself
    ('Того' is Togo, not the pronoun 'тот')."""
    low = word.lower().replace("ё", "е")
    for p in morph_vocab().parse(low):
        if "Geox" in p.tag:
            return p.normal_form.replace("ё", "е")
    return low


def lemma_key(phrase: str, names: bool = False) -> tuple[str, ...]:
    """The lookup key of a KB phrase in the nominative: its words' lemmas ('Китайская Народная
    Республика' -> ('китайский', 'народный', 'республика')). Names are kept as written
    (lower case): the KB gives them in the nominative already."""
    words = [w for w in _SPLIT.split(phrase.strip()) if w]
    if names:
        return tuple(w.lower().replace("ё", "е") for w in words)
    if len(words) == 1 and words[0][:1].isupper():
        return (geo_lemma(words[0]),)
    return tuple(first_lemma(w) for w in words)
