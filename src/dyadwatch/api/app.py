"""The application factory: JSON API + server-rendered pages, offline (no CDN), read-only by default."""
from __future__ import annotations

import asyncio
import logging
import os
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from .upload import DEFAULT_MAX_UPLOAD_BYTES

log = logging.getLogger("dyadwatch.api")

TOKEN_ENV = "DYADWATCH_TOKEN"
# Scripts and styles come from this server only; plotly sets inline styles, hence 'unsafe-inline' for styles.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
       "form-action 'self'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


@dataclass
class Config:
    allow_upload: bool = False
    token: str | None = None
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES
    upload_lock: asyncio.Lock = field(default_factory=asyncio.Lock)


def plotly_js_path() -> Path | None:
    """plotly.min.js as the installed plotly package ships it (served at /vendor/plotly.min.js)."""
    try:
        import plotly
    except ImportError:  # pragma: no cover - plotly is a dependency
        return None
    p = Path(plotly.__file__).resolve().parent / "package_data" / "plotly.min.js"
    return p if p.is_file() else None


def create_app(db_url: str | None = None, allow_upload: bool = False, token: str | None = None, *,
               max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES, store: Any = None) -> FastAPI:
    """The dyadwatch web application.

    db_url: database URL (None: $DYADWATCH_DB or sqlite:///dyadwatch.db); `store` instead to share one.
    allow_upload: enable `POST /api/documents`; it then needs a token (argument or $DYADWATCH_TOKEN),
    sent as `Authorization: Bearer <token>`; without one this raises ValueError."""
    from ..web import mount_pages

    token = token or os.environ.get(TOKEN_ENV) or None
    if allow_upload and not token:
        raise ValueError(f"uploads need a token: set {TOKEN_ENV} (clients send 'Authorization: Bearer <token>')")
    if store is None:
        from ..store import Store

        store = Store(db_url)
        owns_store = True
    else:
        owns_store = False

    @asynccontextmanager
    async def lifespan(app: FastAPI):  # noqa: ANN202
        yield
        if owns_store:
            store.close()

    app = FastAPI(title="dyadwatch", version=__version__,
                  description="Defence-diplomacy events (who met whom, when, where, how) from news pages.",
                  docs_url=None, redoc_url=None, swagger_ui_oauth2_redirect_url=None, lifespan=lifespan)
    app.state.store = store
    app.state.config = Config(allow_upload=allow_upload, token=token, max_upload_bytes=max_upload_bytes)

    from .routes import UPLOAD_SCHEMA, router

    app.include_router(router)
    _install_openapi(app, UPLOAD_SCHEMA)
    _install_error_handlers(app)
    _install_security_headers(app)

    static_dir = Path(__file__).resolve().parent.parent / "web" / "static"
    app.mount("/static", StaticFiles(directory=static_dir), name="static")
    js = plotly_js_path()

    @app.get("/vendor/plotly.min.js", include_in_schema=False)
    def plotly_js() -> Response:
        if js is None:
            return Response("/* plotly.js is not installed */", status_code=404, media_type="text/javascript")
        return FileResponse(js, media_type="text/javascript", headers={"Cache-Control": "public, max-age=86400"})

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return FileResponse(static_dir / "favicon.svg", media_type="image/svg+xml")

    mount_pages(app)
    return app


def _install_openapi(app: FastAPI, upload_schema: dict) -> None:
    def openapi() -> dict:
        if app.openapi_schema is None:
            from fastapi.openapi.utils import get_openapi

            schema = get_openapi(title=app.title, version=app.version, description=app.description,
                                 routes=app.routes)
            schema.setdefault("components", {}).setdefault("schemas", {})["UploadDocument"] = upload_schema
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path in ("/api", "/openapi.json")


def _install_error_handlers(app: FastAPI) -> None:
    from ..web import render_error

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        headers = dict(exc.headers or {})
        if _wants_json(request):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=headers)
        return render_error(request, exc.status_code, exc.detail, headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        errors = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", "invalid"), "type": e.get("type", "")}
                  for e in exc.errors()]
        if _wants_json(request):
            return JSONResponse({"detail": errors}, status_code=422)
        msg = "; ".join(f"{'.'.join(str(x) for x in e['loc'][1:]) or 'request'}: {e['msg']}" for e in errors)
        return render_error(request, 422, msg)

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> Response:
        # the traceback goes to the server's log, never to the client
        log.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
        if _wants_json(request):
            resp: Response = JSONResponse({"detail": "internal error"}, status_code=500)
        else:
            try:
                resp = render_error(request, 500, "internal error")
            except Exception:  # noqa: BLE001 - never fail while reporting a failure
                resp = Response("internal error", status_code=500, media_type="text/plain")
        resp.headers.update(SECURITY_HEADERS)
        return resp


def _install_security_headers(app: FastAPI) -> None:
    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # noqa: ANN001, ANN202
        response = await call_next(request)
        for k, v in SECURITY_HEADERS.items():
            response.headers.setdefault(k, v)
        return response
