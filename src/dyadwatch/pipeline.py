"""The pipeline in one place: ingest -> clean -> nlp -> extract (per document), then merge.

Per-document work (`work.process_document`) is pure and picklable, so it can run in worker
processes or on a Dask cluster (see `parallel.py`); merging happens once, in the caller.
Every stage is isolated per document: an exception for one document makes it `failed` (with
the stage, the exception type and message) and the run goes on (`analyse`, `faults.py`).

Everything streams: documents are read, cleaned, processed and merged one at a time, so
memory holds the merged events (and, for `extract_paths`, the document records) but never
the whole corpus. Stage times go to `dyadwatch.timing` (read, clean, extract, merge; the
analyzers add nlp, the store adds store)."""
from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterable, Iterator
from typing import Any

from .faults import failure
from .model import Document, Event
from .timing import stage
from .work import analyse, process_document  # noqa: F401  (the per-document work, re-exported)

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 5 * 1024 * 1024  # pages above this are rejected, not read (news pages are < 3 MB)
MAX_TEXT_CHARS = 400_000  # an article's main text is far shorter; longer ones are not articles


def load_documents(paths: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document]:
    """Read every input (files, folders, JSONL, '-') and clean it: one Document per page,
    rejected ones included (status 'rejected' with a reason)."""
    from .clean import prepare
    from .ingest import read_paths

    pages = iter(read_paths(paths, max_bytes=max_bytes))
    while True:
        with stage("read"):
            raw = next(pages, _END)
        if raw is _END:
            return
        with stage("clean"):
            doc = prepare(raw)
        if doc.ok and len(doc.text) > MAX_TEXT_CHARS:
            doc.status = "rejected"
            doc.reason = (f"main text is {len(doc.text):,} characters, over the {MAX_TEXT_CHARS:,} "
                          "an article can have")
            doc.text = doc.text[:1000]
        yield doc


_END: Any = object()


def extract_paths(paths: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES, workers: int = 1,
                  dask_address: str | None = None, *, keep_text: bool = True
                  ) -> tuple[list[Document], list[Event]]:
    """Documents and merged events for the given inputs (what `dyadwatch extract` writes).

    Events are merged as they come (the corpus is never held); with `keep_text=False` the
    returned documents carry no text (enough for counts and rejection reasons), so memory
    stays flat however many documents are read."""
    from .merge import EventIndex
    from .parallel import process_documents

    docs: list[Document] = []
    index = EventIndex()
    results = process_documents(load_documents(paths, max_bytes), workers=workers, dask_address=dask_address)
    while True:
        # reading, cleaning and (in this process) extracting are timed as nested stages;
        # what is left here is waiting for workers
        with stage("wait"):
            item = next(results, None)
        if item is None:
            break
        doc, events = item
        try:
            with stage("merge"):
                for ev in events:
                    index.add(ev)
        except Exception as exc:  # this document fails (what it merged before the error stays)
            log.debug("%s failed in merge", doc.doc_id, exc_info=True)
            doc.mark_failed(failure("merge", exc))
        docs.append(doc if keep_text else dataclasses.replace(doc, text=""))
    from .merge import output_order

    # the order merge_events gives: date (undated last), then countries, then id
    return docs, sorted(index.events, key=output_order)
