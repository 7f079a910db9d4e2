"""How ``newsgraph serve`` runs the app: which Host names it answers to, and how many workers.

Host names: every server answers to ``localhost``, ``127.0.0.1`` and ``::1``, which is what
a browser on the same machine sends and what a DNS-rebinding page cannot send (its requests
carry the attacker's name), plus any ``--allowed-host``.  A server bound to one other address
answers to that address too.  A server bound to every interface (``0.0.0.0``, ``::``) must be
told the names its users type (``--allowed-host news.example.org``, or ``*`` for any),
because it cannot know them.

Workers: with ``--workers N`` above 1, uvicorn starts N processes that share the listening
socket; each builds its own app through :func:`app_from_environment` (uvicorn needs an import
string for that), reading the database path and host names the parent put in the environment.
Each worker opens its own read-only connections and keeps its own answer cache (``--no-cache``
turns it off, to compare or to rule the cache out when something looks stale).
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import uvicorn

from newsgraph.errors import NewsgraphError
from newsgraph.web.guards import LOOPBACK_HOSTS

if TYPE_CHECKING:
    from fastapi import FastAPI

ENV_DB = "NEWSGRAPH_SERVE_DB"
ENV_HOSTS = "NEWSGRAPH_SERVE_ALLOWED_HOSTS"
ENV_CACHE = "NEWSGRAPH_SERVE_CACHE"
WILDCARD_BINDS = ("", "0.0.0.0", "::")


def allowed_hosts_for(bind: str, extra: Sequence[str]) -> list[str]:
    """The Host names a server bound to ``bind`` answers to; NewsgraphError if it cannot know."""
    names = [h.strip() for h in extra if h.strip()]
    if bind in WILDCARD_BINDS:
        if not names:
            raise NewsgraphError(
                f"--host {bind or '(all)'} listens on every interface: say which host names clients "
                "will use with --allowed-host (repeatable, e.g. --allowed-host news.example.org; "
                "'*' accepts any Host header and with it DNS rebinding)"
            )
        own = list(LOOPBACK_HOSTS)
    else:
        address = bind.strip("[]").lower()
        own = [*LOOPBACK_HOSTS, *([] if address in LOOPBACK_HOSTS else [address])]
    return own + [n for n in names if n not in own]


def app_from_environment() -> FastAPI:
    """The app of one worker process (uvicorn's factory): settings from the parent's environment."""
    from newsgraph.web.app import create_app

    hosts = json.loads(os.environ[ENV_HOSTS])
    return create_app(os.environ[ENV_DB], allowed_hosts=hosts, cache=os.environ.get(ENV_CACHE) != "0")


def run(
    app: FastAPI,
    db_path: str | os.PathLike[str],
    host: str,
    port: int,
    workers: int,
    allowed_hosts: list[str],
    cache: bool = True,
) -> None:
    """Serve until interrupted: ``app`` in this process, or ``workers`` uvicorn worker processes."""
    if workers <= 1:
        uvicorn.run(app, host=host, port=port, log_level="warning")
        return
    os.environ[ENV_DB] = str(Path(db_path).resolve())
    os.environ[ENV_HOSTS] = json.dumps(allowed_hosts)
    os.environ[ENV_CACHE] = "1" if cache else "0"
    uvicorn.run(
        f"{__name__}:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
    )


__all__ = ["ENV_CACHE", "ENV_DB", "ENV_HOSTS", "allowed_hosts_for", "app_from_environment", "run"]
