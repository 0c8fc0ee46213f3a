"""Readers: files (text pages in the scraper's format, HTML), JSON Lines, folders, stdin.

Every input yields RawDocuments; a bad one comes back with status `rejected` and a
reason instead of raising (one a reader fails on, `failed` with the exception), so a run over millions of pages goes on. Only a path that
does not exist raises (FileNotFoundError), before anything is read."""
from __future__ import annotations

import datetime as dt
import errno
import hashlib
import itertools
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from ..faults import failure
from .encoding import DecodeError, decode_bytes
from .raw import RawDocument, rejected

__all__ = ["read_paths", "read_bytes", "split_header", "JSONL_EXTENSIONS", "HTML_EXTENSIONS"]

HTML_EXTENSIONS = frozenset({".html", ".htm", ".xhtml", ".shtml"})
JSONL_EXTENSIONS = frozenset({".jsonl", ".ndjson"})

# ` date 2025-08-19 <first line of the page>`: the scraper's optional header line.
_HEADER = re.compile(r"\A\ufeff?[ \t]?date[ \t]+(\d{4})-(\d{1,2})-(\d{1,2})(?:[ \t]+|(?=[\r\n])|\Z)")
_HTML_SNIFF = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S)
_ISO_DATE = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})")


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _make_date(y: str, m: str, d: str) -> dt.date | None:
    """The date, when it can be a publication date (no page was published in 9999 or 0001:
    such a header is damage, and keeping it would put the calendar's edges into date arithmetic)."""
    if not 1900 <= int(y) <= dt.date.today().year + 1:
        return None
    try:
        return dt.date(int(y), int(m), int(d))
    except ValueError:
        return None


def split_header(text: str) -> tuple[str, dt.date | None]:
    """Split off the ` date YYYY-MM-DD ` header: (the page with the rest of the header
    line as its first line, the date). A text without the header is returned unchanged."""
    m = _HEADER.match(text)
    if not m:
        return text, None
    return text[m.end():], _make_date(*m.groups())


def parse_published(value: object) -> dt.date | None:
    """A JSONL `published` value: `YYYY-MM-DD`, or an ISO timestamp starting with it."""
    if isinstance(value, str):
        m = _ISO_DATE.match(value)
        if m:
            return _make_date(*m.groups())
    return None


def _is_html(name: str, data: bytes) -> bool:
    ext = os.path.splitext(name)[1].lower()
    return ext in HTML_EXTENSIONS or bool(_HTML_SNIFF.match(data[:4096]))


def read_bytes(data: bytes, doc_id: str, path: str | None, name: str | None = None) -> RawDocument:
    """One page from its raw bytes (a file's content or stdin)."""
    digest = _sha256(data)
    if not data:
        return rejected(doc_id, path, "empty file (0 bytes)", digest)
    try:
        text, encoding = decode_bytes(data)
    except DecodeError as exc:
        return rejected(doc_id, path, str(exc), digest)
    if not text.strip():
        return rejected(doc_id, path, "empty page: only whitespace", digest)
    if _is_html(name or doc_id, data):
        return RawDocument(doc_id=doc_id, path=path, fmt="html", text=text, content_hash=digest, encoding=encoding)
    text, published = split_header(text)
    if not text.strip():
        return rejected(doc_id, path, "empty page: only the date header line", digest)
    return RawDocument(doc_id=doc_id, path=path, fmt="text", text=text, published=published,
                       content_hash=digest, encoding=encoding)


def _failed(doc_id: str, path: str | None, exc: Exception, content_hash: str | None) -> RawDocument:
    f = failure("read", exc)
    return RawDocument(doc_id=doc_id, path=path, status="failed", reason=f.reason, content_hash=content_hash,
                       failure=f)


def _read_file(path: str, max_bytes: int) -> Iterator[RawDocument]:
    name = os.path.basename(path.rstrip("/\\")) or path
    if os.path.splitext(name)[1].lower() in JSONL_EXTENSIONS:
        yield from _read_jsonl_file(path, name, max_bytes)
        return
    try:
        if os.path.islink(path) and not os.path.exists(path):
            yield rejected(name, path, f"cannot read: a link to {os.readlink(path)}, which does not exist")
            return
        if not os.path.isfile(path):
            yield rejected(name, path, "not a regular file")
            return
        size = os.path.getsize(path)
        if size > max_bytes:
            yield rejected(name, path, f"file too large: {size} bytes, over the limit of {max_bytes} (not read)")
            return
        with open(path, "rb") as f:
            data = f.read(max_bytes + 1)
    except OSError as exc:
        yield rejected(name, path, f"cannot read the file: {exc.strerror or exc}")
        return
    if len(data) > max_bytes:  # grew since stat
        yield rejected(name, path, f"file too large: over the limit of {max_bytes} bytes (not read)")
        return
    try:
        yield read_bytes(data, name, path, name)
    except Exception as exc:  # a bug on one page: that page fails, the run goes on
        yield _failed(name, path, exc, _sha256(data))


# --- JSON Lines -----------------------------------------------------------------------

def _bounded_lines(stream: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line bytes) for each line; None for a line over `max_bytes`, whose
    rest is skipped without being kept in memory."""
    lineno = 0
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        lineno += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while True:
                chunk = stream.readline(1 << 20)
                if not chunk or chunk.endswith(b"\n"):
                    break
            yield lineno, None
        else:
            yield lineno, line


def _jsonl_records(lines: Iterable[tuple[int, bytes | None]], name: str, path: str | None,
                   max_bytes: int) -> Iterator[RawDocument]:
    """One RawDocument per non-blank line: a record, or a rejection naming the line."""
    for lineno, line in lines:
        where = f"{name}:{lineno}"
        if line is None:
            yield rejected(where, path, f"JSONL line {lineno} is over the limit of {max_bytes} bytes (not read)")
            continue
        if lineno == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        if not line.strip():
            continue
        try:
            s = line.decode("utf-8")
        except UnicodeDecodeError:
            yield rejected(where, path, f"JSONL line {lineno} is not valid UTF-8", _sha256(line))
            continue
        try:
            rec = json.loads(s)
        except ValueError as exc:
            yield rejected(where, path, f"JSONL line {lineno} is not valid JSON: {exc}", _sha256(line))
            continue
        try:
            yield _record(rec, lineno, where, path)
        except Exception as exc:  # a bug on one record: that record fails, the file goes on
            yield _failed(where, path, exc, _sha256(line))


def _record(rec: object, lineno: int, where: str, path: str | None) -> RawDocument:
    if not isinstance(rec, dict):
        return rejected(where, path, f"JSONL line {lineno} is not a JSON object")
    rid = rec.get("id")
    if rid is None or isinstance(rid, (dict, list, bool)) or not str(rid).strip():
        return rejected(where, path, f"JSONL record on line {lineno} has no 'id'")
    doc_id = str(rid).strip()
    body: str | None = None
    fmt = ""  # "text" or "html", set with body
    for key, kind in (("text", "text"), ("html", "html")):
        value = rec.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            return rejected(doc_id, path, f"JSONL record on line {lineno}: '{key}' is not a string")
        if value.strip():
            body, fmt = value, kind
            break
    if body is None:
        return rejected(doc_id, path, f"JSONL record on line {lineno} has no 'text' or 'html' (or it is empty)")
    digest = _sha256(body.encode("utf-8", "surrogatepass"))
    if "\x00" in body:
        return rejected(doc_id, path, f"JSONL record on line {lineno}: its {fmt} contains NUL characters", digest)
    published = parse_published(rec.get("published"))
    if fmt == "text":
        body, header_date = split_header(body)
        published = published or header_date
        if not body.strip():
            return rejected(doc_id, path, f"JSONL record on line {lineno}: empty text", digest)
    url, title = rec.get("url"), rec.get("title")
    url = url if isinstance(url, str) and url.strip() else None
    title = title if isinstance(title, str) and title.strip() else None
    return RawDocument(doc_id=doc_id, path=path, fmt=fmt, text=body, url=url, published=published,
                       title=title.strip() if title else None, content_hash=digest, encoding="utf-8")


def _read_jsonl_file(path: str, name: str, max_bytes: int) -> Iterator[RawDocument]:
    try:
        f = open(path, "rb")
    except OSError as exc:
        yield rejected(name, path, f"cannot read the file: {exc.strerror or exc}")
        return
    with f:
        try:
            yield from _jsonl_records(_bounded_lines(f, max_bytes), name, path, max_bytes)
        except OSError as exc:
            yield rejected(name, path, f"read error: {exc.strerror or exc}")


# --- stdin and folders ------------------------------------------------------------------

def _looks_like_jsonl(line: bytes) -> bool:
    s = line.strip()
    if not s.startswith(b"{"):
        return False
    try:
        return isinstance(json.loads(s.decode("utf-8-sig")), dict)
    except ValueError:
        return False


def _read_stdin(max_bytes: int, stream: BinaryIO | None = None) -> Iterator[RawDocument]:
    if stream is None:
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:  # a text-only stdin (some embedders): re-encode
            import io

            stream = io.BytesIO(sys.stdin.read().encode("utf-8"))
    lines = _bounded_lines(stream, max_bytes)
    head: list[tuple[int, bytes | None]] = []
    for item in lines:  # up to the first non-blank line decides the format
        head.append(item)
        if item[1] is None or item[1].strip():
            break
    first = head[-1][1] if head else b""
    if first is not None and first.strip() and _looks_like_jsonl(first):
        yield from _jsonl_records(itertools.chain(head, lines), "stdin", "-", max_bytes)
        return
    # A text page: gather it back, within the size limit.
    chunks: list[bytes] = []
    size = 0
    for _, line in itertools.chain(head, lines):
        if line is None:
            size = max_bytes + 1
            break
        chunks.append(line)
        size += len(line)
        if size > max_bytes:
            break
    if size > max_bytes:
        yield rejected("stdin", "-", f"input too large: over the limit of {max_bytes} bytes (not read)")
        return
    yield read_bytes(b"".join(chunks), "stdin", "-", "stdin")


def _walk(folder: str) -> Iterator[str]:
    """Files under `folder`, recursively, in sorted order. Hidden files and folders
    (.git, .DS_Store...) and README files (a corpus's own documentation) are skipped."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for f in sorted(files):
            if f.startswith(".") or f.lower().startswith("readme"):
                continue
            yield os.path.join(root, f)


def read_paths(paths: Iterable[str], max_bytes: int) -> Iterator[RawDocument]:
    """RawDocuments for files, folders (recursively, sorted), JSONL files and `-` (stdin).

    Raises FileNotFoundError at once when a path does not exist (nothing is read then)."""
    paths = [str(p) for p in paths]
    for p in paths:
        if p != "-" and not os.path.lexists(p):
            raise FileNotFoundError(errno.ENOENT, "no such file or folder", p)
    return _iter_paths(paths, max_bytes)


def _iter_paths(paths: list[str], max_bytes: int) -> Iterator[RawDocument]:
    for p in paths:
        if p == "-":
            yield from _read_stdin(max_bytes)
        elif os.path.isdir(p):
            for f in _walk(p):
                yield from _read_file(f, max_bytes)
        else:
            yield from _read_file(p, max_bytes)
