"""The event filters shared by the JSON API and the pages: checked once, here.

Every filter is optional; an empty string (what an HTML form sends for an empty field)
counts as absent. A bad value raises `FilterError`, which the API answers with 422 and the
pages show as a message."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass
from typing import Any

DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
CODE_RE = re.compile(r"^[A-Za-z]{3}$")
KIND_RE = re.compile(r"^[a-z_]{1,40}$")
MODES = ("in_person", "video", "phone", "none")
MAX_TEXT = 200  # person and q


class FilterError(ValueError):
    def __init__(self, field: str, msg: str) -> None:
        super().__init__(f"{field}: {msg}")
        self.field = field
        self.msg = msg

    def as_detail(self) -> list[dict[str, Any]]:
        """FastAPI's shape for a validation error."""
        return [{"loc": ["query", self.field], "msg": self.msg, "type": "value_error"}]


@dataclass
class EventFilters:
    country: str | None = None
    pair: tuple[str, ...] | None = None
    person: str | None = None
    since: str | None = None
    until: str | None = None
    kind: str | None = None
    mode: str | None = None
    q: str | None = None

    def store_kwargs(self) -> dict[str, Any]:
        return asdict(self)

    def query_items(self) -> list[tuple[str, str]]:
        """The filters as query-string items (for paging links)."""
        out = []
        for k, v in asdict(self).items():
            if v:
                out.append((k, ",".join(v) if isinstance(v, tuple) else str(v)))
        return out

    def form_values(self) -> dict[str, str]:
        return {k: v for k, v in self.query_items()}

    def any(self) -> bool:
        return bool(self.query_items())


def _blank(v: str | None) -> str | None:
    if v is None:
        return None
    v = v.strip()
    return v or None


def _code(field: str, v: str) -> str:
    if not CODE_RE.match(v):
        raise FilterError(field, f"expected an ISO 3166-1 alpha-3 country code (RUS, CHN…), got {v[:20]!r}")
    return v.upper()


def check_date(field: str, v: str | None) -> str | None:
    v = _blank(v)
    if v is None:
        return None
    if not DATE_RE.match(v):
        raise FilterError(field, "expected YYYY, YYYY-MM or YYYY-MM-DD")
    parts = [int(p) for p in v.split("-")]
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        raise FilterError(field, f"not a valid date: {v}") from None
    if parts[0] < 1:
        raise FilterError(field, f"not a valid date: {v}")
    return v


def parse_filters(*, country: str | None = None, pair: str | None = None, person: str | None = None,
                  since: str | None = None, until: str | None = None, kind: str | None = None,
                  mode: str | None = None, q: str | None = None) -> EventFilters:
    f = EventFilters()
    country = _blank(country)
    if country:
        f.country = _code("country", country)
    pair = _blank(pair)
    if pair:
        codes = [c.strip() for c in re.split(r"[,\s;/-]+", pair) if c.strip()]
        if not 2 <= len(codes) <= 10:
            raise FilterError("pair", "expected two (or more) country codes separated by a comma: RUS,CHN")
        f.pair = tuple(dict.fromkeys(_code("pair", c) for c in codes))
    person = _blank(person)
    if person:
        if len(person) > MAX_TEXT:
            raise FilterError("person", f"at most {MAX_TEXT} characters")
        f.person = person
    f.since = check_date("since", since)
    f.until = check_date("until", until)
    kind = _blank(kind)
    if kind:
        if not KIND_RE.match(kind):
            raise FilterError("kind", "expected an event kind: meeting, exercise, port_call…")
        f.kind = kind
    mode = _blank(mode)
    if mode:
        if mode not in MODES:
            raise FilterError("mode", "expected one of " + ", ".join(MODES))
        f.mode = mode
    q = _blank(q)
    if q:
        if len(q) > MAX_TEXT:
            raise FilterError("q", f"at most {MAX_TEXT} characters")
        f.q = q
    return f
