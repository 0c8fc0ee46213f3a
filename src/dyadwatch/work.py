"""The per-document work: a cleaned document -> its events (one source each, not merged).

Its own module so that the pipeline (which drives it) and `parallel` (which runs it on
workers) both import it and neither imports the other. `analyse` is the document boundary:
one document's exception never stops a run."""
from __future__ import annotations

import logging

from .faults import Failure, failure, inject
from .model import Document, Event
from .timing import stage

log = logging.getLogger(__name__)


def process_document(doc: Document) -> list[Event]:
    """Events reported or referred to by one cleaned document (one source each, not merged).
    Raises what the stages raise; `analyse` is the form that never does."""
    if not doc.ok or not doc.text.strip():
        return []
    from .extract import extract_events

    with stage("extract"):
        inject("extract", doc.text)
        return extract_events(doc)


def analyse(doc: Document) -> tuple[list[Event], Failure | None]:
    """(events, None), or ([], the failure) when a stage raised for this document."""
    try:
        return process_document(doc), None
    except Exception as exc:
        log.debug("%s failed", doc.doc_id, exc_info=True)
        return [], failure("extract", exc)
