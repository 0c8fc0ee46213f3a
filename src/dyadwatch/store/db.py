"""Engines and migrations: which database, how to connect to it, and upgrading it to head.

- URL: the argument, else `$DYADWATCH_DB`, else `sqlite:///dyadwatch.db` (the current folder).
  `postgresql://` and `postgres://` URLs use the psycopg 3 driver (`postgresql+psycopg://`).
- SQLite: WAL journal (readers never block the writer), a busy timeout (a second writer waits
  instead of failing), foreign keys on, and explicit `BEGIN` so a write transaction can take the
  write lock up front (`BEGIN IMMEDIATE`): two `ingest` runs then simply take turns.
- PostgreSQL: ordinary transactions; writers serialise on a transaction-level advisory lock.
- Opening a database runs the Alembic migrations shipped in the package up to head, under an
  exclusive lock, so two processes opening a new database at once do not both create tables.
"""
from __future__ import annotations

import os
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.pool import StaticPool

DEFAULT_URL = "sqlite:///dyadwatch.db"
ENV_VAR = "DYADWATCH_DB"
SQLITE_BUSY_TIMEOUT_S = 120
# Key of the PostgreSQL advisory locks taken by writers and by migrations ("dyadwatc" as an int).
PG_WRITE_LOCK = 0x6479616477617463
PG_MIGRATE_LOCK = PG_WRITE_LOCK + 1

HERE = Path(__file__).resolve().parent


def resolve_url(url: str | None = None) -> str:
    """The database URL to use, with PostgreSQL URLs mapped to the psycopg 3 driver."""
    url = url or os.environ.get(ENV_VAR) or DEFAULT_URL
    for prefix in ("postgresql://", "postgres://", "postgresql+psycopg2://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def is_sqlite(engine_or_url: Engine | str) -> bool:
    url = engine_or_url.url if isinstance(engine_or_url, Engine) else make_url(engine_or_url)
    return url.get_backend_name() == "sqlite"


def is_postgres(engine_or_url: Engine | str) -> bool:
    url = engine_or_url.url if isinstance(engine_or_url, Engine) else make_url(engine_or_url)
    return url.get_backend_name() == "postgresql"


def make_engine(url: str, echo: bool = False) -> Engine:
    url = resolve_url(url)
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        memory = u.database in (None, "", ":memory:") or "mode=memory" in str(u)
        kwargs: dict = {"connect_args": {"timeout": SQLITE_BUSY_TIMEOUT_S, "check_same_thread": False}}
        if memory:
            kwargs["poolclass"] = StaticPool
        else:
            Path(str(u.database)).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(url, echo=echo, **kwargs)
        _sqlite_setup(engine, wal=not memory)
        return engine
    if u.get_backend_name() == "postgresql":
        return sa.create_engine(url, echo=echo, pool_pre_ping=True)
    return sa.create_engine(url, echo=echo)


def _sqlite_setup(engine: Engine, wal: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # noqa: ANN001
        dbapi_conn.isolation_level = None  # pysqlite must not BEGIN on its own: we do (below)
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_S * 1000}")
        if wal:
            cur.execute("PRAGMA journal_mode = WAL")
            cur.execute("PRAGMA synchronous = NORMAL")  # safe in WAL: a crash loses no committed txn order
        cur.execute("PRAGMA foreign_keys = ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # noqa: ANN001
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


def writer(engine: Engine) -> Engine:
    """The engine to use for write transactions (takes the SQLite write lock at BEGIN)."""
    if is_sqlite(engine):
        return engine.execution_options(sqlite_begin="IMMEDIATE")
    return engine


def lock_for_write(conn: sa.Connection) -> None:
    """Serialise writers on PostgreSQL (SQLite's BEGIN IMMEDIATE already does)."""
    if is_postgres(conn.engine):
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_WRITE_LOCK})


# ---- migrations ----

def alembic_config(url: str | None = None):
    from alembic.config import Config

    cfg = Config(str(HERE / "alembic.ini"))
    cfg.set_main_option("script_location", str(HERE / "migrations"))
    if url:
        cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the package ships its migrations"
    return head


def current_revision(conn: sa.Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database to `revision` (head by default); a no-op when it is there already."""
    from alembic import command

    head = head_revision() if revision == "head" else revision
    with engine.connect() as conn:
        current = current_revision(conn)
        conn.rollback()
    if current == head:
        return
    locked = engine.execution_options(sqlite_begin="EXCLUSIVE") if is_sqlite(engine) else engine
    with locked.connect() as conn:
        with conn.begin():
            if is_postgres(engine):
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_MIGRATE_LOCK})
            if current_revision(conn) != head:
                cfg = alembic_config()
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, revision)
