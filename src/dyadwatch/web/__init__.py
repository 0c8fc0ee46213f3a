"""Server-rendered pages (Jinja2, autoescape on): events, one event with its evidence, the
country network, people, documents, and the API reference. Every script and style is served
by the application itself (static/ and /vendor/plotly.min.js): no CDN."""
from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import jinja2
from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from .. import __version__
from ..api.params import MODES, EventFilters, FilterError, check_date, parse_filters
from . import charts, names
from .highlight import locate, segments

HERE = Path(__file__).resolve().parent
TEMPLATES_DIR = HERE / "templates"
PAGE_SIZE = 50


def make_env() -> jinja2.Environment:
    # autoescape on for every template, whatever its name: article text is untrusted
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR)), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True)
    env.globals.update(
        country_name=names.country_name, person_url=names.person_url, event_url=names.event_url,
        safe_url=names.safe_url, cameo_label=names.cameo_label, mode_label=names.mode_label,
        version=__version__, MODES=MODES,
    )
    return env


ENV = make_env()
templates = Jinja2Templates(env=ENV)


def render(request: Request, name: str, status_code: int = 200, headers: dict | None = None,
           **ctx: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, ctx, status_code=status_code, headers=headers)


def render_error(request: Request, status: int, message: Any, headers: dict | None = None) -> Response:
    titles = {400: "Bad request", 401: "Unauthorized", 403: "Forbidden", 404: "Not found",
              405: "Method not allowed", 413: "Too large", 422: "Invalid request", 500: "Internal error"}
    if not isinstance(message, str):
        message = "; ".join(str(m.get("msg", m)) if isinstance(m, dict) else str(m) for m in message) \
            if isinstance(message, list) else str(message)
    return render(request, "error.html", status_code=status, headers=headers, status=status,
                  title=titles.get(status, "Error"), message=message)


def _store(request: Request) -> Any:
    return request.app.state.store


def _int(value: str | None, default: int, lo: int, hi: int) -> int:
    try:
        return min(hi, max(lo, int(value))) if value not in (None, "") else default
    except ValueError:
        return default


def _page_links(base: str, items: list[tuple[str, str]], offset: int, limit: int, total: int) -> dict[str, Any]:
    def link(off: int) -> str:
        q = items + ([("offset", str(off))] if off else []) + ([("limit", str(limit))] if limit != PAGE_SIZE else [])
        return base + ("?" + urlencode(q) if q else "")

    return {
        "first": offset + 1 if total else 0, "last": min(offset + limit, total), "total": total,
        "prev": link(max(0, offset - limit)) if offset > 0 else None,
        "next": link(offset + limit) if offset + limit < total else None,
    }


def mount_pages(app: FastAPI) -> None:
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def events_page(request: Request) -> Response:
        qp = request.query_params
        raw = {k: qp.get(k) for k in ("country", "pair", "person", "since", "until", "kind", "mode", "q")}
        error = None
        try:
            f = parse_filters(**raw)
        except FilterError as exc:
            error, f = str(exc), EventFilters()
        limit = _int(qp.get("limit"), PAGE_SIZE, 1, 500)
        offset = _int(qp.get("offset"), 0, 0, 10**9)
        store = _store(request)
        items, total = ([], 0) if error else store.query_events(**f.store_kwargs(), limit=limit, offset=offset)
        st = store.stats(kind=None)
        pairs = [p["pair"].replace("-", ",") for p in st["pairs"] if p["pair"].count("-") == 1]
        countries = sorted({c for p in st["pairs"] for c in p["pair"].split("-") if c})
        form = {k: (v or "") for k, v in raw.items()} if error else f.form_values()
        return render(request, "events.html", status_code=422 if error else 200, events=items, total=total,
                      error=error, form=form, filtered=f.any(), pairs=pairs, countries=countries,
                      kinds=[k["kind"] for k in st["kinds"]], stats=st,
                      page=_page_links("/", f.query_items(), offset, limit, total))

    @app.get("/events/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event_page(request: Request, event_id: str) -> Response:
        store = _store(request)
        ev = store.get_event(event_id) if len(event_id) <= 200 else None
        if ev is None:
            raise HTTPException(404, "event not found")
        sources = []
        for src in ev.get("sources") or []:
            doc = store.get_document(src["doc_id"])
            text = (doc or {}).get("text") or ""
            spans, lost = locate(text, src.get("evidence") or [])
            sources.append({"src": src, "doc": doc, "segments": segments(text, spans) if text else [],
                            "lost": lost, "found": len(spans)})
        return render(request, "event.html", ev=ev, sources=sources)

    @app.get("/dyads", response_class=HTMLResponse, include_in_schema=False)
    def dyads_page(request: Request) -> Response:
        st = _store(request).stats()  # meetings
        weights, totals = charts._edges_and_nodes(st["pairs"])
        return render(request, "dyads.html", stats=st, network=charts.network_figure(st),
                      years=charts.years_figure(st),
                      edges=sorted(weights.items(), key=lambda kv: (-kv[1], kv[0])),
                      sets=[p for p in st["pairs"] if p["pair"].count("-") != 1])

    @app.get("/people/{person_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def person_page(request: Request, person_id: str) -> Response:
        person = _store(request).get_person(person_id) if 0 < len(person_id) <= 300 else None
        if person is None:
            raise HTTPException(404, "person not found")
        return render(request, "person.html", person=person, timeline=charts.person_figure(person))

    @app.get("/documents", response_class=HTMLResponse, include_in_schema=False)
    def documents_page(request: Request) -> Response:
        qp = request.query_params
        status = qp.get("status") if qp.get("status") in ("ok", "rejected", "failed") else None
        limit = _int(qp.get("limit"), PAGE_SIZE, 1, 500)
        offset = _int(qp.get("offset"), 0, 0, 10**9)
        items, total = _store(request).list_documents(status=status, limit=limit, offset=offset)
        return render(request, "documents.html", docs=items, status=status or "",
                      page=_page_links("/documents", [("status", status)] if status else [], offset, limit, total))

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def api_docs(request: Request) -> Response:
        return render(request, "apidocs.html", endpoints=_endpoints(app.openapi()),
                      upload=request.app.state.config.allow_upload)


def _endpoints(schema: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for path, ops in (schema.get("paths") or {}).items():
        for method, op in ops.items():
            if method not in ("get", "post", "put", "patch", "delete"):
                continue
            params = []
            for p in op.get("parameters") or []:
                sch = p.get("schema") or {}
                typ = sch.get("type") or "/".join(x.get("type", "") for x in sch.get("anyOf", []) if x.get("type"))
                params.append({"name": p.get("name"), "in": p.get("in"), "required": p.get("required", False),
                               "type": typ, "default": sch.get("default"),
                               "description": p.get("description") or sch.get("description") or ""})
            body = list(((op.get("requestBody") or {}).get("content") or {}).keys())
            out.append({"method": method.upper(), "path": path, "summary": op.get("summary") or "",
                        "description": op.get("description") or "", "params": params, "body": body,
                        "responses": sorted((op.get("responses") or {}).items())})
    return out


__all__ = ["mount_pages", "render_error", "ENV", "check_date"]
