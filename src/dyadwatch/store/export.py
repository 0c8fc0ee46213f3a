"""Exports of stored events: JSON Lines (the contract), CSV (flattened), Parquet (nested, with a
fixed schema) and POLECAT-style records (`plover`)."""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from ..model import dumps_record

FORMATS = ("jsonl", "csv", "parquet", "plover")

CSV_COLUMNS = [
    "id", "kind", "mode", "date", "date_precision", "date_basis", "countries", "participants", "participant_entity_ids",
    "location", "location_country", "setting", "topics", "documents", "referenced", "plover_event_type",
    "plover_mode", "plover_context", "cameo", "confidence", "n_sources", "doc_ids", "urls", "langs", "first_published",
]


def _participant_label(p: dict) -> str:
    extra = ", ".join(x for x in (p.get("country"), p.get("rank"), p.get("role")) if x)
    return f"{p['name']} ({extra})" if extra else p["name"]


def flatten(rec: dict) -> dict[str, Any]:
    """One CSV row of a record: lists joined with "; ", objects spread over columns."""
    loc = rec.get("location") or {}
    plover = rec.get("plover") or {}
    sources = rec.get("sources") or []
    pubs = sorted(s["published"] for s in sources if s.get("published"))
    return {
        "id": rec["id"], "kind": rec["kind"], "mode": rec.get("mode") or "", "date": rec.get("date") or "",
        "date_precision": rec.get("date_precision") or "", "date_basis": rec.get("date_basis") or "",
        "countries": ";".join(rec["countries"]),
        "participants": "; ".join(_participant_label(p) for p in rec.get("participants") or []),
        "participant_entity_ids": ";".join(p.get("entity_id") or "" for p in rec.get("participants") or []),
        "location": loc.get("name") or "", "location_country": loc.get("country") or "",
        "setting": rec.get("setting") or "", "topics": ";".join(rec.get("topics") or []),
        "documents": "; ".join(f"{d['type']}: {d['title']}" if d.get("title") else d["type"]
                               for d in rec.get("documents") or []),
        "referenced": "true" if rec.get("referenced") else "false",
        "plover_event_type": plover.get("event_type") or "", "plover_mode": plover.get("mode") or "",
        "plover_context": plover.get("context") or "", "cameo": rec.get("cameo") or "",
        "confidence": rec.get("confidence"), "n_sources": len(sources),
        "doc_ids": ";".join(s["doc_id"] for s in sources), "urls": " ".join(s["url"] for s in sources if s.get("url")),
        "langs": ";".join(sorted({s.get("lang") or "" for s in sources})), "first_published": pubs[0] if pubs else "",
    }


def write_jsonl(records: Iterable[dict], out: TextIO) -> int:
    n = 0
    for rec in records:
        out.write(dumps_record(rec) + "\n")
        n += 1
    return n


def write_csv(records: Iterable[dict], out: TextIO) -> int:
    w = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    w.writeheader()
    n = 0
    for rec in records:
        w.writerow(flatten(rec))
        n += 1
    return n


def parquet_schema():
    import pyarrow as pa

    evidence = pa.struct([("start", pa.int64()), ("end", pa.int64()), ("text", pa.string())])
    return pa.schema([
        ("id", pa.string()), ("kind", pa.string()), ("mode", pa.string()), ("date", pa.string()),
        ("date_precision", pa.string()), ("date_basis", pa.string()), ("countries", pa.list_(pa.string())),
        ("participants", pa.list_(pa.struct([("name", pa.string()), ("country", pa.string()), ("role", pa.string()),
                                              ("rank", pa.string()), ("entity_id", pa.string())]))),
        ("location", pa.struct([("name", pa.string()), ("country", pa.string())])),
        ("setting", pa.string()), ("topics", pa.list_(pa.string())),
        ("documents", pa.list_(pa.struct([("type", pa.string()), ("title", pa.string())]))),
        ("referenced", pa.bool_()),
        ("plover", pa.struct([("event_type", pa.string()), ("mode", pa.string()), ("context", pa.string())])),
        ("cameo", pa.string()),
        ("sources", pa.list_(pa.struct([("doc_id", pa.string()), ("url", pa.string()), ("published", pa.string()),
                                         ("lang", pa.string()), ("title", pa.string()),
                                         ("evidence", pa.list_(evidence))]))),
        ("confidence", pa.float64()),
    ])


def write_parquet(records: Iterable[dict], path: str | Path, batch: int = 1000) -> int:
    """Nested Parquet with the contract's field names and a fixed schema (an empty store gives an
    empty file with the full schema). Written a batch at a time."""
    from ..extras import require

    require("parquet", "export --format parquet")
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    n = 0
    with pq.ParquetWriter(str(path), schema, compression="zstd") as w:
        buf: list[dict] = []
        for rec in records:
            buf.append(rec)
            if len(buf) >= batch:
                w.write_table(pa.Table.from_pylist(buf, schema=schema))
                n += len(buf)
                buf = []
        if buf or n == 0:
            w.write_table(pa.Table.from_pylist(buf, schema=schema))
            n += len(buf)
    return n


# ---------------------------------------------------------------- POLECAT-style records

_MILITARY_WORDS = ("defen", "defense", "military", "armed forces", "army", "navy", "naval", "air force",
                   "general staff", "chief of staff", "commander", "fleet", "marine", "joint chiefs",
                   "chief of defence", "chief of the defence", "aerospace forces", "troops")


def sector(p: dict) -> str:
    """"Military" for armed-forces and defence-ministry officials (or anyone with a military rank),
    "Government" for everyone else (heads of state, security councils, foreign ministries)."""
    role = (p.get("role") or "").lower()
    if p.get("rank") or any(w in role for w in _MILITARY_WORDS):
        return "Military"
    return "Government"


class _Wikidata:
    """Wikidata ids of KB people, when the KB loads; None otherwise."""

    def __init__(self) -> None:
        self._kb: Any = False

    def __call__(self, entity_id: str | None) -> str | None:
        if not entity_id:
            return None
        if self._kb is False:
            try:
                from ..kb import load_kb

                self._kb = load_kb()
            except Exception:  # noqa: BLE001 - the KB is optional here
                self._kb = None
        if self._kb is None:
            return None
        person = getattr(self._kb, "people", {}).get(entity_id)
        return getattr(person, "wikidata", None) if person else None


def _sides(rec: dict) -> tuple[list[str], list[str]]:
    """(actor countries, recipient countries). The host receives: when the meeting took place in
    one side's country, that side is the recipient and the others the actors. Otherwise the first
    side named among the participants acts (usually the reporting side) and the rest receive."""
    countries = list(rec.get("countries") or [])
    loc = (rec.get("location") or {}).get("country")
    if loc is not None and loc in countries and len(countries) > 1:
        return [c for c in countries if c != loc], [loc]
    order = []
    for p in rec.get("participants") or []:
        if p.get("country") in countries and p["country"] not in order:
            order.append(p["country"])
    order += [c for c in countries if c not in order]
    return order[:1], order[1:]


def polecat(rec: dict, wikidata: _Wikidata | None = None) -> dict[str, Any]:
    """One POLECAT-style record (snake_case keys) of a contract record."""
    wikidata = wikidata or _Wikidata()
    actors_c, recipients_c = _sides(rec)
    parts = rec.get("participants") or []

    def entities(codes: list[str]) -> list[dict]:
        out = []
        for code in codes:
            people = [p for p in parts if p.get("country") == code]
            if not people:
                out.append({"name": None, "country": code, "sector": "Government", "title": None,
                            "entity_id": None, "wikidata_id": None})
            for p in people:
                out.append({"name": p["name"], "country": code, "sector": sector(p), "title": p.get("role"),
                            "rank": p.get("rank"), "entity_id": p.get("entity_id"),
                            "wikidata_id": wikidata(p.get("entity_id"))})
        return out

    plover = rec.get("plover") or {}
    loc = rec.get("location")
    pubs = sorted(s["published"] for s in rec.get("sources") or [] if s.get("published"))
    return {
        "event_id": rec["id"],
        "event_date": rec["date"],
        "date_precision": rec["date_precision"],
        "date_basis": rec.get("date_basis"),
        "event_type": plover.get("event_type"),
        "mode": plover.get("mode"),
        "context": [plover["context"]] if plover.get("context") else [],
        "kind": rec["kind"],
        "meeting_mode": rec.get("mode"),
        "actors": entities(actors_c),
        "recipients": entities(recipients_c),
        "location": {"placename": loc["name"], "country": loc.get("country")} if loc else None,
        "setting": rec.get("setting"),
        "cameo": rec.get("cameo"),
        "referenced": rec.get("referenced", False),
        "confidence": rec.get("confidence"),
        "publication_date": pubs[0] if pubs else None,
        "sources": [{"doc_id": s["doc_id"], "url": s.get("url"), "published": s.get("published"),
                     "language": s.get("lang"), "headline": s.get("title"),
                     "event_text": " ".join(e["text"] for e in s.get("evidence") or [])}
                    for s in rec.get("sources") or []],
    }


def write_plover(records: Iterable[dict], out: TextIO) -> int:
    wd = _Wikidata()
    n = 0
    for rec in records:
        out.write(json.dumps(polecat(rec, wd), ensure_ascii=False) + "\n")
        n += 1
    return n


def export(records: Iterable[dict], fmt: str, path: str | Path) -> int:
    """Write records to `path` in `fmt`; returns how many. '-' writes text formats to stdout."""
    import sys

    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    if fmt == "parquet":
        if str(path) == "-":
            raise ValueError("parquet needs a file (-o FILE)")
        tmp = Path(str(path) + ".part")
        n = write_parquet(records, tmp)
        tmp.replace(path)
        return n
    writer = {"jsonl": write_jsonl, "csv": write_csv, "plover": write_plover}[fmt]
    if str(path) == "-":
        return writer(records, sys.stdout)
    tmp = Path(str(path) + ".part")
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        n = writer(records, fh)
    tmp.replace(path)
    return n

