"""Opening a database: URLs, migrations to head, the schema the models describe, SQLite settings."""
from __future__ import annotations

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from dyadwatch.store import Store, resolve_url
from dyadwatch.store.db import head_revision
from dyadwatch.store.models import Base


def test_urls(monkeypatch):
    monkeypatch.delenv("DYADWATCH_DB", raising=False)
    assert resolve_url(None) == "sqlite:///dyadwatch.db"
    monkeypatch.setenv("DYADWATCH_DB", "sqlite:////tmp/x.db")
    assert resolve_url(None) == "sqlite:////tmp/x.db"
    assert resolve_url("postgresql://u@h:5432/d") == "postgresql+psycopg://u@h:5432/d"
    assert resolve_url("postgres://u@h/d") == "postgresql+psycopg://u@h/d"
    assert resolve_url("postgresql+psycopg://u@h/d") == "postgresql+psycopg://u@h/d"


def test_default_database_is_dyadwatch_db_in_the_current_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("DYADWATCH_DB", raising=False)
    monkeypatch.chdir(tmp_path)
    with Store() as s:
        assert s.stats()["events"] == 0
    assert (tmp_path / "dyadwatch.db").exists()


def test_open_migrates_to_head_and_schema_matches_models(db_url):
    with Store(db_url) as s:
        with s.engine.connect() as conn:
            assert MigrationContext.configure(conn).get_current_revision() == head_revision() == "0003"
            diffs = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
        assert diffs == []
        names = set(sa.inspect(s.engine).get_table_names())
    assert {"documents", "events", "event_countries", "participants", "sources", "entities"} <= names
    with Store(db_url) as s:  # a second open is a no-op
        assert s.stats()["documents"] == 0


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(sqlite_url):
    with Store(sqlite_url) as s, s.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 30000
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_in_memory_sqlite_works():
    with Store("sqlite://") as s:
        assert s.list_documents() == ([], 0)


def test_migrations_downgrade_and_upgrade_again(sqlite_url):
    from alembic import command

    from dyadwatch.store.db import alembic_config

    with Store(sqlite_url) as s:
        cfg = alembic_config()
        with s.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "base")
        assert "events" not in sa.inspect(s.engine).get_table_names()
    with Store(sqlite_url) as s:
        assert "events" in sa.inspect(s.engine).get_table_names()
