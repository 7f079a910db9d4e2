"""RSS and Atom feeds: the items' links to fetch, and what the feed says about each item.

A feed item usually carries a better-structured title, date and author than the page it links
to (pages hide dates in scripts, bylines in widgets).  They travel with the link in
:attr:`RawDocument.metadata <newsgraph.ingest.base.RawDocument.metadata>`, and the extractor
uses them where the page lacks them.  Dates keep the offset the feed gives (RFC 822 in RSS,
ISO 8601 in Atom) instead of feedparser's UTC-normalised tuples, following the project's time
policy of never moving a time out of the zone it was written in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any

from newsgraph.errors import InputError

_FEED_MARKERS = (b"<rss", b"<feed", b"<rdf:rdf")


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One item of a feed: the page to fetch and what the feed knows about it."""

    url: str
    metadata: dict[str, Any] = field(default_factory=dict)


def looks_like_feed(body: bytes, content_type: str = "") -> bool:
    """Whether a response (or file) holds RSS/Atom rather than an HTML page."""
    head = body[:2048].lstrip().lower()
    if any(marker in head for marker in _FEED_MARKERS):
        return True
    return content_type in ("application/rss+xml", "application/atom+xml", "application/rdf+xml")


def _date(entry: Any) -> str | None:
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if not raw:
            continue
        try:
            return parsedate_to_datetime(raw).isoformat()
        except (TypeError, ValueError, IndexError):
            pass
        try:
            return datetime.fromisoformat(raw.replace("Z", "+00:00")).isoformat()
        except ValueError:
            continue
    return None


def _authors(entry: Any) -> list[str]:
    names = [a.get("name") for a in entry.get("authors", []) if isinstance(a, dict) and a.get("name")]
    if not names and entry.get("author"):
        names = [entry["author"]]
    return [str(n).strip() for n in names if str(n).strip()]


def parse_feed(body: bytes, label: str) -> list[FeedItem]:
    """The items of an RSS/Atom document, in feed order; InputError if it is not a feed."""
    import feedparser

    parsed = feedparser.parse(body)  # bytes: feedparser never fetches anything itself
    if not parsed.entries and (parsed.bozo or not looks_like_feed(body)):
        reason = getattr(parsed, "bozo_exception", None)
        raise InputError(label, f"not a valid RSS/Atom feed ({reason or 'no items'})")
    outlet = parsed.feed.get("title")
    items = []
    for entry in parsed.entries:
        link = entry.get("link") or next(
            (link.get("href") for link in entry.get("links", []) if link.get("href")), None
        )
        if not link:
            continue
        meta: dict[str, Any] = {}
        if entry.get("title"):
            meta["title"] = str(entry["title"]).strip()
        if (published := _date(entry)) is not None:
            meta["published"] = published
        if authors := _authors(entry):
            meta["authors"] = authors
        if outlet:
            meta["outlet"] = str(outlet).strip()
        meta["feed"] = label
        items.append(FeedItem(url=str(link).strip(), metadata=meta))
    return items


__all__ = ["FeedItem", "looks_like_feed", "parse_feed"]
