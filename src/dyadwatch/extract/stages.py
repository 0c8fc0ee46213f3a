"""The extraction pipeline: a list of stages, each `process(ctx, candidates) -> candidates`.

    clauses      analysis               -> [SentenceCandidate]   (mentions, triggers, sides, people)
    meetings     [SentenceCandidate]    -> [MeetingCandidate]
    bilateral    [MeetingCandidate]     -> [MeetingCandidate]    (one per pair of sides)
    participants [MeetingCandidate]     -> [MeetingCandidate]    (who took part)
    years        [MeetingCandidate]     -> [MeetingCandidate]    (years from tenures)
    aggregate    [MeetingCandidate]     -> [MeetingCandidate]    (one per meeting in the document)
    emit         [MeetingCandidate]     -> [Event]

A stage reads the document's context (`DocContext`) and the previous stage's candidates and
knows nothing of the others, so any one can be replaced (a learned recogniser, another
grouping) by putting another object with the same `process` in its place."""
from __future__ import annotations

from typing import Any, Protocol

from ..kb import load_kb
from ..model import Document, Event
from ..nlp import Analysis
from . import dating
from .aggregate import AggregateDocument
from .bilateral import SplitBilateral
from .candidates import DocContext
from .clauses import ReadClauses
from .dates import anchor_date, find_dateline
from .emit import EmitEvents
from .language import profile
from .meetings import GroupMeetings
from .participants import ChooseParticipants
from .years import InferYears


class Stage(Protocol):
    name: str

    def process(self, ctx: DocContext, candidates: Any) -> Any: ...


def default_stages() -> list[Stage]:
    return [ReadClauses(), GroupMeetings(), SplitBilateral(), ChooseParticipants(), InferYears(),
            AggregateDocument(), EmitEvents()]


def context(doc: Document, analysis: Analysis) -> DocContext:
    lang = profile(analysis.lang)
    dateline = find_dateline(doc.text, lang.code)
    anchor = anchor_date(doc.published, dateline, doc.published_basis)
    if anchor is None:
        anchor = dating.report_anchor(doc.text, lang.code)
    evidence = dating.page_evidence(doc.text, lang.code, anchor, doc.url)
    anchor = evidence.anchor = dating.complete_anchor(anchor, evidence,
                                                      dateline_year=bool(dateline and dateline.year))
    anchor_day = anchor.as_date() if anchor else None
    return DocContext(doc=doc, analysis=analysis, lang=lang, kb=load_kb(), dateline=dateline, anchor=anchor,
                      ref_day=anchor_day or doc.published, evidence=evidence)


def run(doc: Document, analysis: Analysis, stages: list[Stage] | None = None) -> list[Event]:
    ctx = context(doc, analysis)
    cands: Any = None
    for st in stages if stages is not None else default_stages():
        cands = st.process(ctx, cands)
    return cands
