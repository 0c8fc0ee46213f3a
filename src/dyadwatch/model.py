"""The two records that flow through the pipeline: a Document (one input page, cleaned)
and an Event (one real-world meeting, the contract of ../shared/contract/events.md)."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .faults import Failure


@dataclass
class Document:
    """One input page after reading and cleaning.

    `text` is the cleaned text; every evidence offset of an event points into it.
    A document that cannot be processed has status `rejected` and a `reason`; one that a stage
    failed on has status `failed`, the `stage`, the exception's type (`error_type`) and a
    `reason` ("extract: AttributeError: ...")."""

    doc_id: str
    path: str | None = None
    status: str = "ok"  # "ok" | "rejected" | "failed"
    reason: str | None = None
    lang: str = "unknown"  # "ru" | "en" | "unknown"
    published: dt.date | None = None
    title: str | None = None
    source: str | None = None  # the outlet, when the page names it
    text: str = ""
    url: str | None = None
    content_hash: str | None = None  # sha256 of the raw bytes: what `ingest` uses to skip known pages
    # where `published` came from: header | jsonl | html | chrome | dateline | url (None: unknown)
    published_basis: str | None = None
    stage: str | None = None  # failed documents: where (read, clean, nlp, extract, merge, store, worker)
    error_type: str | None = None  # failed documents: the exception's type

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def mark_failed(self, f: "Failure") -> None:
        self.status, self.stage, self.error_type, self.reason = "failed", f.stage, f.error_type, f.reason

    def to_json(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "path": self.path,
            "status": self.status,
            "reason": self.reason,
            "lang": self.lang,
            "published": self.published.isoformat() if self.published else None,
            "title": self.title,
            "source": self.source,
            "url": self.url,
            "content_hash": self.content_hash,
            "published_basis": self.published_basis,
            "text": self.text,
            **({"stage": self.stage, "error_type": self.error_type} if self.status == "failed" else {}),
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "Document":
        pub = d.get("published")
        return cls(
            doc_id=d["doc_id"], path=d.get("path"), status=d.get("status", "ok"), reason=d.get("reason"),
            lang=d.get("lang") or "unknown", published=dt.date.fromisoformat(pub) if pub else None,
            title=d.get("title"), source=d.get("source"), text=d.get("text") or "", url=d.get("url"),
            content_hash=d.get("content_hash"), published_basis=d.get("published_basis"),
            stage=d.get("stage"), error_type=d.get("error_type"),
        )


@dataclass
class Evidence:
    start: int
    end: int
    text: str


@dataclass
class Source:
    doc_id: str
    url: str | None
    published: str | None
    lang: str
    title: str | None
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Participant:
    name: str
    country: str | None
    role: str | None = None
    rank: str | None = None
    entity_id: str | None = None


@dataclass
class Location:
    name: str
    country: str | None


@dataclass
class SignedDocument:
    type: str  # memorandum | agreement | protocol | plan | contract | statement
    title: str | None = None


@dataclass
class Event:
    """One real-world event. `to_record` gives the contract's JSON object."""

    kind: str
    mode: str | None
    date: str | None  # None: nothing fixes even the year (kept so that a dated report can date it)
    date_precision: str | None
    countries: list[str]
    participants: list[Participant] = field(default_factory=list)
    location: Location | None = None
    setting: str | None = None
    topics: list[str] = field(default_factory=list)
    documents: list[SignedDocument] = field(default_factory=list)
    referenced: bool = False
    plover: dict[str, Any] = field(default_factory=dict)
    cameo: str = "040"
    sources: list[Source] = field(default_factory=list)
    confidence: float = 0.5
    id: str = ""
    # how the date was fixed: text | dateline | published | url | relative | weekday | tenure |
    # nearby | merged (None when the date is None)
    date_basis: str | None = None

    def key(self) -> str:
        """What identifies the event independently of its sources: used for the stable id."""
        return "|".join([self.kind, ",".join(sorted(self.countries)), self.date or "", self.mode or "",
                         "ref" if self.referenced else ""])

    def assign_id(self, taken: set[str] | None = None) -> str:
        base = "ev-" + hashlib.sha1(self.key().encode("utf-8")).hexdigest()[:16]
        ident, n = base, 1
        while taken is not None and ident in taken:
            n += 1
            ident = f"{base}-{n}"
        self.id = ident
        return ident

    def to_record(self) -> dict[str, Any]:
        rec = asdict(self)
        order = ["id", "kind", "mode", "date", "date_precision", "date_basis", "countries", "participants", "location",
                 "setting", "topics", "documents", "referenced", "plover", "cameo", "sources", "confidence"]
        rec["countries"] = sorted(set(self.countries))
        rec["confidence"] = round(float(self.confidence), 3)
        return {k: rec[k] for k in order}

    @classmethod
    def from_record(cls, r: dict[str, Any]) -> "Event":
        return cls(
            id=r.get("id", ""), kind=r["kind"], mode=r.get("mode"), date=r.get("date"),
            date_precision=r.get("date_precision"), date_basis=r.get("date_basis"), countries=list(r["countries"]),
            participants=[Participant(**p) for p in r.get("participants") or []],
            location=Location(**r["location"]) if r.get("location") else None,
            setting=r.get("setting"), topics=list(r.get("topics") or []),
            documents=[SignedDocument(**d) for d in r.get("documents") or []],
            referenced=bool(r.get("referenced")), plover=dict(r.get("plover") or {}),
            cameo=r.get("cameo", "040"),
            sources=[Source(**{**s, "evidence": [Evidence(**e) for e in s.get("evidence") or []]})
                     for s in r.get("sources") or []],
            confidence=float(r.get("confidence", 0.5)),
        )


def dumps_record(rec: dict[str, Any]) -> str:
    return json.dumps(rec, ensure_ascii=False, sort_keys=False)
