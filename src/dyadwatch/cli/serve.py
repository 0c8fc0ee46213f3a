"""`dyadwatch serve`: the web UI and JSON API (FastAPI on uvicorn)."""
from __future__ import annotations

import os

import typer

from .common import DB


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(
        db: str | None = DB,
        host: str = typer.Option("127.0.0.1", "--host", help="address to listen on"),
        port: int = typer.Option(8000, "--port", help="port to listen on"),
        allow_upload: bool = typer.Option(False, "--allow-upload",
                                          help="enable POST /api/documents (needs DYADWATCH_TOKEN; clients send "
                                               "'Authorization: Bearer <token>')",
                                          show_envvar=False),
        log_level: str = typer.Option("info", "--log-level", help="uvicorn's log level"),
    ) -> None:
        """Serve the events UI (/) and the JSON API (/api, described at /docs). Read-only unless --allow-upload."""
        import uvicorn

        from ..api import create_app
        from ..api.app import TOKEN_ENV

        if allow_upload and not os.environ.get(TOKEN_ENV):
            typer.echo(f"dyadwatch serve: --allow-upload needs a token: set {TOKEN_ENV}", err=True)
            raise typer.Exit(2)
        if not 0 < port < 65536:
            typer.echo(f"dyadwatch serve: bad port {port}", err=True)
            raise typer.Exit(2)
        application = create_app(db_url=db, allow_upload=allow_upload)
        where = f"http://{'[' + host + ']' if ':' in host else host}:{port}/"
        typer.echo(f"dyadwatch: serving {application.state.store!r} at {where}"
                   f" (uploads {'enabled' if allow_upload else 'disabled'})", err=True)
        uvicorn.run(application, host=host, port=port, log_level=log_level, server_header=False,
                    proxy_headers=False)
