"""Per-language analyzers behind one interface: text -> sentences, tokens (with lookup keys)
and named-entity spans. Russian uses natasha; English uses rules backed by the knowledge base
(no English model can be installed offline); a statistical model can replace either by
implementing `Analyzer`."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Protocol


@dataclass(slots=True)
class Token:
    text: str
    start: int
    stop: int
    keys: frozenset[str]  # lookup keys: lemmas (ru) or the folded lower-case form (en)
    pos: str | None = None
    case: str | None = None  # grammatical case from the morphology tagger (ru)

    @property
    def is_cap(self) -> bool:
        return self.text[:1].isupper()


@dataclass(slots=True)
class Span:
    type: str  # PER | LOC | ORG
    start: int  # token indices in the sentence: [start, stop)
    stop: int
    text: str
    normal: str  # nominative form (ru), as written (en)


@dataclass
class Sentence:
    start: int  # character offsets into the analysed text
    stop: int
    text: str
    tokens: list[Token] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)


@dataclass
class Analysis:
    lang: str
    text: str
    sentences: list[Sentence]


class Analyzer(Protocol):
    lang: str

    def analyze(self, text: str) -> Analysis: ...


@lru_cache(maxsize=4)
def get_analyzer(lang: str) -> Analyzer:
    if lang == "ru":
        from .ru import RussianAnalyzer

        return RussianAnalyzer()
    from .en import EnglishAnalyzer

    return EnglishAnalyzer()
