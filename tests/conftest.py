"""Fixtures shared by the whole suite.

PostgreSQL: the server at 127.0.0.1:5432 (trust auth, user `postgres`; override with
$DYADWATCH_TEST_PG, a URL of an existing database used only to create and drop others).
One fresh database `dyadwatch_test_<random>` is created for the run and dropped at the end.
Without a server the PostgreSQL tests are skipped, except with CI=true, where they fail."""
from __future__ import annotations

import os
import secrets

import pytest

PG_ADMIN_URL = os.environ.get("DYADWATCH_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


def _ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def _psycopg_url(url: str) -> str:
    for prefix in ("postgresql+psycopg://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql://" + url[len(prefix):]
    return url


@pytest.fixture(scope="session")
def pg_server() -> str:
    """The admin URL of a reachable PostgreSQL server (skip, or fail on CI, when there is none)."""
    import psycopg

    try:
        with psycopg.connect(_psycopg_url(PG_ADMIN_URL), connect_timeout=5) as conn:
            conn.execute("SELECT 1")
    except Exception as exc:  # noqa: BLE001
        msg = f"PostgreSQL not reachable at {PG_ADMIN_URL}: {str(exc).strip().splitlines()[0] if str(exc) else exc}"
        if _ci():
            pytest.fail(msg + " (CI=true: PostgreSQL tests must run)", pytrace=False)
        pytest.skip(msg)
    return PG_ADMIN_URL


class PgDatabases:
    """Creates databases on the test server and drops them all at the end of the session."""

    def __init__(self, admin_url: str) -> None:
        self.admin_url = _psycopg_url(admin_url)
        self.run = "dyadwatch_test_" + secrets.token_hex(4)
        self.created: list[str] = []

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(sql)

    def create(self, suffix: str | None = None) -> str:
        """A new empty database; returns its URL (postgresql://...)."""
        name = self.run if suffix is None else f"{self.run}_{suffix}"
        self._admin(f'CREATE DATABASE "{name}"')
        self.created.append(name)
        base = self.admin_url.rsplit("/", 1)[0]
        return f"{base}/{name}"

    def drop_all(self) -> None:
        for name in reversed(self.created):
            self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.created.clear()


@pytest.fixture(scope="session")
def pg_databases(pg_server: str):
    dbs = PgDatabases(pg_server)
    try:
        yield dbs
    finally:
        dbs.drop_all()


@pytest.fixture(scope="session")
def pg_run_url(pg_databases: PgDatabases) -> str:
    """The URL of this run's database (`dyadwatch_test_<random>`)."""
    return pg_databases.create()


@pytest.fixture
def pg_url(pg_run_url: str) -> str:
    """This run's PostgreSQL database, emptied for the test (tables kept, migrations applied once)."""
    import psycopg

    with psycopg.connect(pg_run_url, autocommit=True) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'alembic_version'")]
        if tables:
            conn.execute("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE")
    return pg_run_url


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'dyadwatch.db'}"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, tmp_path) -> str:
    """A fresh, empty database URL: each store test runs once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'dyadwatch.db'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_factory(request, tmp_path):
    """A function name -> URL of a new, empty database of this backend (several per test)."""
    made: list[str] = []

    def make(name: str) -> str:
        made.append(name)
        if request.param == "sqlite":
            return f"sqlite:///{tmp_path / (name + '.db')}"
        dbs = request.getfixturevalue("pg_databases")
        return dbs.create(f"{name}_{secrets.token_hex(3)}")

    make.backend = request.param
    return make
