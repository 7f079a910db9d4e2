"""The Jinja environment of the HTML pages, and the small filters the templates use.

Autoescaping is on for every template, whatever its file name: article text, titles, names and
whatever a visitor typed are untrusted and reach the page only as escaped text.  The one filter
that returns markup, :func:`marks`, escapes its input first and adds ``<mark>`` tags only.
Escaping does not make a link safe, so an article's source URL becomes a link only when it is
an absolute http(s) URL (:func:`web_link`); article ids go into paths percent-encoded
(:func:`article_path`), "/" included.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

import jinja2
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from newsgraph.store.base import MARK_CLOSE, MARK_OPEN

#: The 16 PLOVER event types, cooperative first, in the order the legend lists them.
EVENT_COLOURS = {
    "AGREE": "#2874a6",
    "CONSULT": "#2e86c1",
    "SUPPORT": "#1e8449",
    "COOPERATE": "#229954",
    "AID": "#17a589",
    "CONCEDE": "#5499c7",
    "RETREAT": "#5d6d7e",
    "REQUEST": "#b9770e",
    "ACCUSE": "#c0392b",
    "REJECT": "#e67e22",
    "PROTEST": "#d35400",
    "THREATEN": "#8e44ad",
    "SANCTION": "#a04000",
    "MOBILIZE": "#884ea0",
    "COERCE": "#6c3483",
    "ASSAULT": "#7b241c",
}
OTHER_EVENT_COLOUR = "#7f8c8d"
#: How many distinct speaker colours the article page has (``spk-0`` ... in the stylesheet).
SPEAKER_COLOURS = 10

_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).resolve().parent / "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
    undefined=jinja2.StrictUndefined,
)


def human_date(value: str | None, with_time: bool = False) -> str:
    """``2024-05-23T07:37:00+01:00`` as ``23 May 2024`` (``, 07:37 +01:00`` with time)."""
    if not value:
        return "undated"
    try:
        dt = datetime.fromisoformat(value)
    except ValueError:
        return value
    text = f"{dt.day} {dt:%b %Y}"
    if with_time and ("T" in value or " " in value.strip()):
        text += f", {dt:%H:%M}"
        if dt.tzinfo is not None:
            offset = f"{dt:%z}"  # +0100
            text += f" {offset[:3]}:{offset[3:5]}"
    return text


def marks(snippet: str | None) -> Markup:
    """A search snippet, escaped, with the store's match marks turned into ``<mark>``."""
    safe = str(escape(snippet or ""))
    return Markup(safe.replace(MARK_OPEN, "<mark>").replace(MARK_CLOSE, "</mark>"))


def query_string(params: dict[str, object], **changes: object) -> str:
    """``?a=1&b=2`` from the current filters with ``changes`` applied; empty values dropped."""
    merged = {**params, **changes}
    kept = {k: str(v) for k, v in merged.items() if v not in (None, "", False)}
    return "?" + urlencode(kept) if kept else ""


def web_link(url: str | None) -> str | None:
    """``url`` if it is an absolute http(s) URL that is safe as an ``href``, else None.

    An input's ``url`` is whatever the file said: ``javascript:``, ``data:`` or ``vbscript:``
    in a link would run in the page when clicked.  Browsers ignore leading spaces and control
    characters and remove tabs and newlines anywhere in a URL (``java\tscript:``), so a URL
    holding any of them, or space, is refused rather than cleaned.
    """
    if not url:
        return None
    if any(ord(c) <= 0x20 or ord(c) == 0x7F for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an invalid IPv6 literal
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def article_path(article_id: str, api: bool = False) -> str:
    """The page (or with ``api``, the JSON) path of an article, its id percent-encoded."""
    return ("/api/articles/" if api else "/articles/") + quote(article_id, safe="")


def plural(count: int, noun: str) -> str:
    """``1 article``, ``2 articles``."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def event_colour(plover: str) -> str:
    """The colour of an event type in tables, legends and the graph."""
    return EVENT_COLOURS.get(plover.upper(), OTHER_EVENT_COLOUR)


_env.filters["date"] = human_date
_env.filters["marks"] = marks
_env.filters["plural"] = plural
_env.filters["web_link"] = web_link
_env.filters["article_path"] = article_path
_env.globals["qs"] = query_string
_env.globals["event_colour"] = event_colour

templates = Jinja2Templates(env=_env)
