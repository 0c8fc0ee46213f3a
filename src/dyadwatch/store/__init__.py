"""The store: documents and merged events in SQLite (default) or PostgreSQL.

Python API (docs/store-api.md):

    from dyadwatch.store import Store
    store = Store()                      # $DYADWATCH_DB or sqlite:///dyadwatch.db; migrated to head
    summary = store.ingest(["pages/"])   # IngestSummary; str(summary) is the summary line
    records, total = store.query_events(pair=("RUS", "CHN"), since="2024-01-01", limit=50)
"""
from __future__ import annotations

from .core import IngestSummary, Store, document_key
from .db import DEFAULT_URL, ENV_VAR, resolve_url

__all__ = ["Store", "IngestSummary", "document_key", "resolve_url", "DEFAULT_URL", "ENV_VAR"]
