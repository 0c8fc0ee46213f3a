"""`POST /api/documents`: articles uploaded for ingest (off unless the server allows it).

Accepted bodies (at most `max_bytes`, 5 MB by default):
- `application/json`: one object `{"id", "text" or "html", "url", "published", "title"}` or a list of them
  (the JSON Lines input format of `dyadwatch ingest`);
- `application/x-ndjson` / `application/jsonl`: the same objects, one per line;
- `multipart/form-data`: one or more files; `.json` / `.jsonl` / `.ndjson` files hold such objects,
  any other file is one page (text as the scraper saves it, or HTML) whose id is its file name.

Everything is validated before anything is stored; then the upload is written to a temporary
folder and ingested with `Store.ingest`, exactly as the command line would."""
from __future__ import annotations

import datetime as dt
import email.parser
import email.policy
import hmac
import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from typing import Any

from fastapi import HTTPException, Request

DEFAULT_MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_ITEMS = 1000
MAX_ID = 200
MAX_TITLE = 2000
MAX_URL = 2000
JSON_TYPES = ("application/json",)
JSONL_TYPES = ("application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/jsonlines")
_SAFE_NAME = re.compile(r"[^\w.\-]+", re.UNICODE)


class UploadError(Exception):
    """A malformed upload: answered 422 with `detail`."""

    def __init__(self, msg: str, where: str | None = None) -> None:
        super().__init__(msg)
        self.msg = msg
        self.where = where

    def detail(self) -> list[dict[str, Any]]:
        loc: list[Any] = ["body"] + ([self.where] if self.where else [])
        return [{"loc": loc, "msg": self.msg, "type": "value_error"}]


@dataclass
class Upload:
    records: list[dict[str, Any]] = field(default_factory=list)  # JSONL records
    files: list[tuple[str, bytes]] = field(default_factory=list)  # (safe file name, raw bytes)

    def ids(self) -> list[str]:
        return [r["id"] for r in self.records] + [name for name, _ in self.files]


# ------------------------------------------------------------------ access
def check_token(request: Request, token: str) -> None:
    """401 unless `Authorization: Bearer <token>` matches (compared in constant time)."""
    header = request.headers.get("authorization") or ""
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise HTTPException(401, "missing bearer token: send 'Authorization: Bearer <token>'",
                            headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(given.strip().encode("utf-8"), token.encode("utf-8")):
        raise HTTPException(401, "invalid token", headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})


async def read_body(request: Request, max_bytes: int) -> bytes:
    """The request body, or 413 as soon as it is known to be larger than `max_bytes`."""
    too_large = HTTPException(413, f"upload too large: at most {max_bytes} bytes")
    declared = request.headers.get("content-length")
    if declared is not None:
        try:
            if int(declared) > max_bytes:
                raise too_large
        except ValueError:
            raise HTTPException(400, "invalid Content-Length") from None
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > max_bytes:
            raise too_large
        chunks.append(chunk)
    return b"".join(chunks)


# ------------------------------------------------------------------ parsing
def parse_upload(body: bytes, content_type: str | None) -> Upload:
    """The upload's records and files; UploadError (422) when malformed, HTTPException 415 for
    a body type it does not take."""
    ctype = (content_type or "").split(";")[0].strip().lower()
    if not body.strip():
        raise UploadError("empty body")
    up = Upload()
    if ctype in JSON_TYPES or ctype.endswith("+json"):
        up.records = _records_from_json(_decode(body, "body"), "body")
    elif ctype in JSONL_TYPES:
        up.records = _records_from_jsonl(_decode(body, "body"), "body")
    elif ctype == "multipart/form-data":
        _parse_multipart(body, content_type or "", up)
    elif not ctype and body.lstrip()[:1] in (b"{", b"["):
        up.records = _records_from_json(_decode(body, "body"), "body")
    else:
        raise HTTPException(415, "send application/json, application/x-ndjson or multipart/form-data")
    if not up.records and not up.files:
        raise UploadError("no document in the upload")
    if len(up.records) + len(up.files) > MAX_ITEMS:
        raise UploadError(f"at most {MAX_ITEMS} documents per upload")
    seen: set[str] = set()
    for ident in up.ids():
        if ident in seen:
            raise UploadError(f"the id {ident!r} is given twice")
        seen.add(ident)
    return up


def _decode(data: bytes, where: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UploadError("not UTF-8 text", where) from None


def _records_from_json(text: str, where: str) -> list[dict[str, Any]]:
    try:
        value = json.loads(text)
    except ValueError as exc:
        raise UploadError(f"malformed JSON: {exc}", where) from None
    items = value if isinstance(value, list) else [value]
    return [_record(item, f"{where}[{i}]" if isinstance(value, list) else where) for i, item in enumerate(items)]


def _records_from_jsonl(text: str, where: str) -> list[dict[str, Any]]:
    out = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except ValueError as exc:
            raise UploadError(f"line {n} is not valid JSON: {exc}", where) from None
        out.append(_record(value, f"{where} line {n}"))
    return out


def _record(item: Any, where: str) -> dict[str, Any]:
    """One checked JSONL record, with only the fields the reader uses."""
    if not isinstance(item, dict):
        raise UploadError("expected a JSON object", where)
    rid = item.get("id")
    if not isinstance(rid, str) or not rid.strip():
        raise UploadError("'id' is required (a non-empty string)", where)
    rid = rid.strip()
    if len(rid) > MAX_ID or any(ord(c) < 32 for c in rid):
        raise UploadError(f"'id' must be at most {MAX_ID} printable characters", where)
    rec: dict[str, Any] = {"id": rid}
    bodies = [k for k in ("text", "html") if item.get(k) is not None]
    if not bodies:
        raise UploadError("give the page as 'text' or 'html'", where)
    if len(bodies) > 1:
        raise UploadError("give either 'text' or 'html', not both", where)
    key = bodies[0]
    if not isinstance(item[key], str) or not item[key].strip():
        raise UploadError(f"'{key}' must be a non-empty string", where)
    if "\x00" in item[key]:
        raise UploadError(f"'{key}' contains NUL characters", where)
    rec[key] = item[key]
    url = item.get("url")
    if url is not None:
        if not isinstance(url, str) or len(url) > MAX_URL or not re.match(r"^https?://\S+$", url.strip(), re.I):
            raise UploadError("'url' must be an http(s) URL", where)
        rec["url"] = url.strip()
    pub = item.get("published")
    if pub is not None:
        if not isinstance(pub, str) or not re.match(r"^\d{4}-\d{2}-\d{2}", pub.strip()):
            raise UploadError("'published' must be a date: YYYY-MM-DD", where)
        try:
            dt.date.fromisoformat(pub.strip()[:10])
        except ValueError:
            raise UploadError(f"'published' is not a valid date: {pub[:20]}", where) from None
        rec["published"] = pub.strip()
    title = item.get("title")
    if title is not None:
        if not isinstance(title, str) or len(title) > MAX_TITLE:
            raise UploadError(f"'title' must be a string of at most {MAX_TITLE} characters", where)
        rec["title"] = title
    return rec


def _parse_multipart(body: bytes, content_type: str, up: Upload) -> None:
    if "boundary=" not in content_type.lower():
        raise UploadError("multipart body without a boundary")
    head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode("latin-1", "replace")
    msg = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + body)
    if not msg.is_multipart() or msg.defects:
        raise UploadError("malformed multipart body")
    for part in msg.iter_parts():
        filename = part.get_filename()
        if not filename:
            continue  # a plain form field: nothing to ingest
        data: bytes = part.get_payload(decode=True) or b""  # type: ignore[assignment]  # bytes for a leaf part
        name = safe_name(filename)
        ext = os.path.splitext(name)[1].lower()
        if ext == ".json":
            up.records += _records_from_json(_decode(data, name), name)
        elif ext in (".jsonl", ".ndjson"):
            up.records += _records_from_jsonl(_decode(data, name), name)
        else:
            if not data.strip():
                raise UploadError("empty file", name)
            up.files.append((name, data))
    if not up.records and not up.files:
        raise UploadError("no file in the multipart body (send the page as a file field)")


def safe_name(filename: str) -> str:
    """A file name without folders or odd characters (the page's doc_id)."""
    base = re.split(r"[\\/]", filename)[-1].strip()
    base = _SAFE_NAME.sub("_", base).strip("._") or "upload.txt"
    return base[:MAX_ID]


# ------------------------------------------------------------------ ingest
def ingest_upload(store: Any, up: Upload) -> dict[str, Any]:
    """Write the upload to a temporary folder and ingest it; the summary as a dict."""
    with tempfile.TemporaryDirectory(prefix="dyadwatch-upload-") as tmp:
        paths: list[str] = []
        if up.records:
            p = os.path.join(tmp, "upload.jsonl")
            with open(p, "w", encoding="utf-8") as f:
                for rec in up.records:
                    f.write(json.dumps(rec, ensure_ascii=False) + "\n")
            paths.append(p)
        if up.files:
            folder = os.path.join(tmp, "files")
            os.mkdir(folder)
            for name, data in up.files:
                p = os.path.join(folder, name)
                with open(p, "wb") as f:
                    f.write(data)
                paths.append(p)
        summary = store.ingest(paths, progress=False)
    out: dict[str, Any] = dict(summary.as_dict())
    out["summary"] = str(summary)
    out["new_ids"] = sorted(getattr(summary, "new_ids", set()))
    out["updated_ids"] = sorted(getattr(summary, "updated_ids", set()))
    return out
