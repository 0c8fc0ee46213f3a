"""The JSON API: events, documents, people and counts, read-only; plus the optional upload."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from .params import FilterError, parse_filters
from .upload import UploadError, check_token, ingest_upload, parse_upload, read_body

router = APIRouter(prefix="/api", tags=["api"])

MAX_LIMIT = 1000


def _store(request: Request) -> Any:
    return request.app.state.store


def _filters(**kw: str | None):
    try:
        return parse_filters(**kw)
    except FilterError as exc:
        raise HTTPException(422, exc.as_detail()) from None


@router.get("/events", summary="Events matching the filters, a page at a time")
def list_events(
    request: Request,
    country: str | None = Query(None, description="a side of the event: alpha-3 code (RUS)"),
    pair: str | None = Query(None, description="two sides, comma-separated: RUS,CHN"),
    person: str | None = Query(None, description="entity id (p:belousov-andrei), name:<canonical name>, or part of a name"),
    since: str | None = Query(None, description="from this date: YYYY, YYYY-MM or YYYY-MM-DD"),
    until: str | None = Query(None, description="up to this date: YYYY, YYYY-MM or YYYY-MM-DD"),
    kind: str | None = Query(None, description="meeting, exercise, port_call…"),
    mode: str | None = Query(None, description="in_person, video, phone, or none (not stated)"),
    q: str | None = Query(None, description="free-text search (names, places, settings, titles)"),
    limit: int = Query(50, ge=1, le=MAX_LIMIT, description=f"page size (at most {MAX_LIMIT})"),
    offset: int = Query(0, ge=0, description="records to skip"),
) -> dict[str, Any]:
    """Answers {"items": [event records of the contract], "total": number matching}, in date order."""
    f = _filters(country=country, pair=pair, person=person, since=since, until=until, kind=kind, mode=mode, q=q)
    items, total = _store(request).query_events(**f.store_kwargs(), limit=limit, offset=offset)
    return {"items": items, "total": total, "limit": limit, "offset": offset}


def _found(lookup, key: str, what: str, max_len: int | None = None) -> dict[str, Any]:
    """The record `lookup(key)` finds, or 404 (also for keys too long to be real ids)."""
    rec = None if max_len is not None and len(key) > max_len else lookup(key)
    if rec is None:
        raise HTTPException(404, f"{what} not found")
    return rec


@router.get("/events/{event_id}", summary="One event record",
            responses={404: {"description": "no such event"}})
def get_event(request: Request, event_id: str = Path(..., max_length=200)) -> dict[str, Any]:
    return _found(_store(request).get_event, event_id, "event")


@router.get("/documents", summary="Stored documents (without their text)")
def list_documents(
    request: Request,
    status: str | None = Query(None, pattern=r"^(ok|rejected|failed)?$", description="ok, rejected or failed"),
    limit: int = Query(50, ge=1, le=MAX_LIMIT),
    offset: int = Query(0, ge=0),
) -> dict[str, Any]:
    items, total = _store(request).list_documents(status=status or None, limit=limit, offset=offset)
    return {"items": items, "total": total, "limit": limit, "offset": offset}


@router.get("/documents/{doc_id:path}", summary="One document, with its cleaned text",
            responses={404: {"description": "no such document"}})
def get_document(request: Request, doc_id: str) -> dict[str, Any]:
    return _found(_store(request).get_document, doc_id, "document", max_len=1000)


@router.get("/people/{person_id:path}", summary="A person and the events they took part in",
            responses={404: {"description": "no such person"}})
def get_person(request: Request, person_id: str) -> dict[str, Any]:
    return _found(_store(request).get_person, person_id, "person", max_len=300)


@router.get("/stats", summary="Counts per pair, year and mode (meetings), and totals")
def stats(request: Request,
          kind: str | None = Query("meeting", pattern=r"^[a-z_]{0,40}$",
                                   description="count events of this kind (empty: every kind)")) -> dict[str, Any]:
    return _store(request).stats(kind=kind or None)


UPLOAD_BODY = {
    "required": True,
    "content": {
        "application/json": {"schema": {"oneOf": [
            {"$ref": "#/components/schemas/UploadDocument"},
            {"type": "array", "items": {"$ref": "#/components/schemas/UploadDocument"}}]}},
        "application/x-ndjson": {"schema": {"type": "string", "description": "one UploadDocument per line"}},
        "multipart/form-data": {"schema": {"type": "object", "properties": {
            "file": {"type": "string", "format": "binary",
                     "description": "a page (.txt, .html) or .json/.jsonl of UploadDocuments"}}}},
    },
}
UPLOAD_SCHEMA = {
    "type": "object", "required": ["id"],
    "properties": {
        "id": {"type": "string", "maxLength": 200}, "text": {"type": "string"}, "html": {"type": "string"},
        "url": {"type": "string", "format": "uri"}, "published": {"type": "string", "format": "date"},
        "title": {"type": "string"},
    },
    "description": "one page: 'text' (as the scraper saves it) or 'html', not both",
}


@router.post(
    "/documents", summary="Upload articles for ingest (needs --allow-upload and a token)",
    openapi_extra={"requestBody": UPLOAD_BODY},
    responses={401: {"description": "no or bad token"}, 403: {"description": "upload disabled"},
               413: {"description": "too large"}, 415: {"description": "unsupported body type"},
               422: {"description": "malformed upload"}},
)
async def upload_documents(request: Request) -> JSONResponse:
    cfg = request.app.state.config
    if not cfg.allow_upload:
        raise HTTPException(403, "upload disabled: start the server with --allow-upload (and DYADWATCH_TOKEN set)")
    check_token(request, cfg.token)
    body = await read_body(request, cfg.max_upload_bytes)
    try:
        up = parse_upload(body, request.headers.get("content-type"))
    except UploadError as exc:
        return JSONResponse({"detail": exc.detail()}, status_code=422)
    async with cfg.upload_lock:
        result = await run_in_threadpool(ingest_upload, _store(request), up)
    return JSONResponse(result, status_code=200)
