"""The record a reader produces: one input page before cleaning."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..faults import Failure


@dataclass
class RawDocument:
    """One page as read from disk, stdin or a JSONL record.

    `text` is the decoded page (the ` date YYYY-MM-DD` header already split off: its
    date is in `published`, the rest of the header line stays as the page's first line).
    For `fmt == "html"` it is the HTML source. A page that cannot be read has status
    `rejected`, a human `reason`, and `text` None."""

    doc_id: str
    path: str | None = None
    fmt: str = "text"  # "text" | "html"
    text: str | None = None
    url: str | None = None
    published: dt.date | None = None
    title: str | None = None
    status: str = "ok"  # "ok" | "rejected"
    reason: str | None = None
    content_hash: str | None = None  # sha256 hex of the raw bytes (or of a JSONL record's text/html)
    encoding: str | None = None  # the detected encoding, for diagnostics
    failure: Failure | None = None  # the reader failed on this input (a bug, not a bad page)

    @property
    def ok(self) -> bool:
        return self.status == "ok"


def rejected(doc_id: str, path: str | None, reason: str, content_hash: str | None = None) -> RawDocument:
    return RawDocument(doc_id=doc_id, path=path, status="rejected", reason=reason, content_hash=content_hash)
