"""Checks a command makes before its heavy work, so that a mistake costs a second, not a minute.

``serve`` checks that its port is free before it imports the web stack and opens the
database; ``eval`` checks that its folders hold gold files with something to score before it
loads the model and analyses every article (a folder of other JSON used to crash half-way or
score 0.000 everywhere).  Each check returns the one-line problem, or None when all is well.
"""

from __future__ import annotations

import errno
import json
import socket
from pathlib import Path

#: The list each kind of evaluation scores in a gold file (``../shared/gold`` schema).
GOLD_KEYS = {"quotes": "quotes", "entities": "entities", "events": "events", "actors": "entities"}


def busy_port(host: str, port: int) -> str | None:
    """Why ``serve`` cannot listen on ``host:port`` (taken, not allowed, unknown host), or None.

    Binds and releases a socket with SO_REUSEADDR, as uvicorn does, so a port left in
    TIME_WAIT by a server that just stopped is not reported busy.  Another program can still
    take the port between this check and the server's own bind; the server then fails with
    its own message, as before.
    """
    try:
        addresses = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (socket.gaierror, UnicodeError) as exc:
        return f"cannot listen on {host!r}: not a known host name or address ({exc})"
    except OverflowError:
        return f"port {port} is out of range (0-65535)"
    for family, kind, proto, _, address in addresses:
        with socket.socket(family, kind, proto) as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                sock.bind(address)
            except OSError as exc:
                shown = f"[{address[0]}]" if family == socket.AF_INET6 else address[0]
                if exc.errno == errno.EADDRINUSE:
                    return (
                        f"port {port} on {shown} is already in use (another newsgraph serve?); "
                        "stop that server or choose another port with --port"
                    )
                if exc.errno == errno.EACCES:
                    return f"no permission to listen on port {port} (ports below 1024 need root); use --port"
                return f"cannot listen on {shown}:{port}: {exc.strerror or exc}"
    return None


def gold_problem(folder: Path, what: str) -> str | None:
    """Why ``folder`` cannot be scored for ``what`` (quotes, entities, events, actors, coref), or None.

    Every ``*.json`` in it must be a gold article: a JSON object with the article ``text`` and
    the list being scored; and together they must hold at least one item to score.
    """
    if what == "coref":  # GUM: the conll files; coref.evaluate checks their tsv partners
        return None if any(folder.glob("*.conll")) else f"{folder}: not a directory of gold *.conll files"
    key = GOLD_KEYS[what]
    files = sorted(folder.glob("*.json")) if folder.is_dir() else []
    if not files:
        return f"{folder}: not a directory of gold *.json files"
    items = 0
    for path in files:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            return f"{path}: not a readable JSON file ({exc})"
        if not (
            isinstance(data, dict) and isinstance(data.get("text"), str) and isinstance(data.get(key), list)
        ):
            return (
                f'{path}: not a gold article (a JSON object with the article\'s "text" and its '
                f'"{key}" list, as in ../shared/gold)'
            )
        items += len(data[key])
    if not items:
        return f"{folder}: its gold files ({len(files)}) hold no {key} to score"
    return None


def sentences_problem(path: str) -> str | None:
    """Why ``eval events --sentences PATH`` has no PLOVER gold sentences to score, or None."""
    from newsgraph.eval.events import load_sentences

    try:
        sentences = load_sentences(path)
    except OSError as exc:
        return f"{path}: {exc.strerror or exc} (give plover_gsr_flat.jsonl or the folder holding it)"
    except (ValueError, KeyError, TypeError) as exc:
        return f"{path}: not PLOVER gold sentences (JSON lines with text and event_current: {exc!r})"
    return None if sentences else f"{path}: holds no gold sentences to score"
