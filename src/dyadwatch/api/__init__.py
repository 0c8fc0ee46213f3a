"""The web application: JSON API under /api, server-rendered pages (dyadwatch.web), offline assets.

    from dyadwatch.api import create_app
    app = create_app("sqlite:///dyadwatch.db")      # uvicorn.run(app) — or `dyadwatch serve`
"""
from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
