"""Events from one cleaned document, in stages (see stages.py): mentions and clauses,
meetings, one candidate per bilateral meeting, participants, years, aggregation within the
document, then the contract's records. Patterns are data: extract/data/{lang}/*.toml."""
from __future__ import annotations

from ..model import Document, Event
from .language import languages


def extract_events(doc: Document, stages=None) -> list[Event]:
    from ..nlp import get_analyzer
    from ..timing import stage
    from .stages import run

    lang = doc.lang if doc.lang in languages() else guess_lang(doc.text)
    if lang is None:
        return []
    with stage("nlp"):
        analysis = get_analyzer(lang).analyze(doc.text)
    return run(doc, analysis, stages)


def guess_lang(text: str) -> str | None:
    cyr = sum(1 for c in text if "\u0400" <= c <= "\u04ff")
    lat = sum(1 for c in text if c.isascii() and c.isalpha())
    if cyr + lat < 40:
        return None
    return "ru" if cyr > lat else "en"


__all__ = ["extract_events", "guess_lang"]
