"""rasd's HTTP API and web page: ``create_app(db_path)`` for tests and embedding,
``serve(db, host, port)`` for `rasd serve`."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fastapi import FastAPI

_LOOPBACK = ("127.0.0.1", "localhost", "::1")


def create_app(db_path: str | Path, pipeline=None, allowed_hosts: list[str] | None = None) -> "FastAPI":
    """The FastAPI app over a rasd database (read-only except POST /api/analyse)."""
    from .app import create_app as _create

    return _create(db_path, pipeline=pipeline, allowed_hosts=allowed_hosts)


def serve(db: str | Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the API and web page on host:port until interrupted (loopback only by default)."""
    import click
    import uvicorn

    if host in _LOOPBACK:
        hosts = ["127.0.0.1", "localhost", "[::1]", "::1"]
    else:
        hosts = None
        click.echo(f"rasd: serving on {host}: anyone who can reach this address can read the "
                   "database; use --host 127.0.0.1 to keep it local", err=True)
    app = create_app(db, allowed_hosts=hosts)
    if not app.state.vendor_ready:
        click.echo("rasd: the map libraries are not built; run `make web` for the map and /docs",
                   err=True)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"rasd: serving {db} at http://{shown}:{port}/  (API docs at /docs; Ctrl+C stops)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


__all__ = ["create_app", "serve"]
