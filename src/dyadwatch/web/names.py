"""Display names for codes: countries, CAMEO codes, modes, and page links."""
from __future__ import annotations

from functools import lru_cache
from typing import Any
from urllib.parse import quote, urlsplit

CAMEO = {
    "040": "consult", "041": "discuss by telephone", "042": "make a visit", "043": "host a visit",
    "044": "meet at a third location", "045": "mediate", "046": "engage in negotiation",
    "057": "sign formal agreement", "062": "cooperate militarily",
}
MODES = {"in_person": "in person", "video": "video", "phone": "phone"}
SHORT = {"RUS": "Russia", "CHN": "China", "USA": "United States", "GBR": "United Kingdom", "IRN": "Iran",
         "PRK": "North Korea", "KOR": "South Korea", "VNM": "Vietnam", "LAO": "Laos", "SYR": "Syria",
         "VEN": "Venezuela", "BOL": "Bolivia", "TZA": "Tanzania", "MDA": "Moldova"}


@lru_cache(maxsize=512)
def country_name(code: str | None) -> str:
    if not code:
        return ""
    if code in SHORT:
        return SHORT[code]
    try:
        import pycountry

        c = pycountry.countries.get(alpha_3=code)
    except (ImportError, LookupError, KeyError):
        c = None
    if c is None:
        return code
    return getattr(c, "common_name", None) or c.name


def person_id(p: dict[str, Any]) -> str:
    return p.get("entity_id") or "name:" + (p.get("name") or "")


def person_url(p: dict[str, Any]) -> str:
    return "/people/" + quote(person_id(p), safe=":")


def event_url(ev: dict[str, Any] | str) -> str:
    ident = ev if isinstance(ev, str) else ev["id"]
    return "/events/" + quote(ident, safe="")


def safe_url(url: str | None) -> str | None:
    """An article's URL as a link target only when it is http(s) (never javascript: and the like)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return url.strip()
    return None


def cameo_label(code: str | None) -> str:
    return CAMEO.get(code or "", "")


def mode_label(mode: str | None) -> str:
    return MODES.get(mode or "", mode or "not stated")
