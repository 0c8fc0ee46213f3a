"""The per-document work: a cleaned document -> its events (one source each, not merged).

Its own module so that the pipeline (which drives it) and `parallel` (which runs it on
workers) both import it and neither imports the other."""
from __future__ import annotations

from .model import Document, Event
from .timing import stage


def process_document(doc: Document) -> list[Event]:
    """Events reported or referred to by one cleaned document (one source each, not merged)."""
    if not doc.ok or not doc.text.strip():
        return []
    from .extract import extract_events

    with stage("extract"):
        return extract_events(doc)
