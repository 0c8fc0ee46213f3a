"""Alembic environment of the dyadwatch store.

Used two ways: by `dyadwatch.store.db.upgrade()`, which passes an open connection (already in a
locked transaction) in `config.attributes["connection"]`; and by the `alembic` command line, which
connects to `sqlalchemy.url` from alembic.ini, else $DYADWATCH_DB, else sqlite:///dyadwatch.db."""
from __future__ import annotations

from logging.config import fileConfig

from alembic import context

from dyadwatch.store.db import make_engine, resolve_url
from dyadwatch.store.models import Base

config = context.config
target_metadata = Base.metadata


def _configure(connection) -> None:  # noqa: ANN001
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )


def run_offline() -> None:
    context.configure(url=resolve_url(config.get_main_option("sqlalchemy.url")), target_metadata=target_metadata,
                      literal_binds=True, dialect_opts={"paramstyle": "named"})
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    given = config.attributes.get("connection")
    if given is not None:
        _configure(given)
        with context.begin_transaction():
            context.run_migrations()
        return
    if config.config_file_name is not None:
        fileConfig(config.config_file_name, disable_existing_loggers=False)
    engine = make_engine(resolve_url(config.get_main_option("sqlalchemy.url")))
    with engine.connect() as connection:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
