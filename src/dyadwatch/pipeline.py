"""The pipeline in one place: ingest -> clean -> nlp -> extract (per document), then merge.

Per-document work (`work.process_document`) is pure and picklable, so it can run in worker
processes or on a Dask cluster (see `parallel.py`); merging happens once, in the caller.

Everything streams: documents are read, cleaned, processed and merged one at a time, so
memory holds the merged events (and, for `extract_paths`, the document records) but never
the whole corpus. Stage times go to `dyadwatch.timing` (read, clean, extract, merge; the
analyzers add nlp, the store adds store)."""
from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from typing import Any

from .model import Document, Event
from .timing import stage
from .work import process_document  # noqa: F401  (the per-document work, re-exported)

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
    from .merge import merge_events
    from .parallel import process_documents

    docs: list[Document] = []

    def per_doc_events() -> Iterator[Event]:
        results = process_documents(load_documents(paths, max_bytes), workers=workers,
                                    dask_address=dask_address)
        while True:
            # reading, cleaning and (in this process) extracting are timed as nested stages;
            # what is left here is waiting for workers
            with stage("wait"):
                item = next(results, None)
            if item is None:
                return
            doc, events = item
            docs.append(doc if keep_text else dataclasses.replace(doc, text=""))
            yield from events

    with stage("merge"):
        merged = merge_events(per_doc_events())
    return docs, merged
