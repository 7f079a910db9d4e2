"""Article metadata read from a parsed HTML page: title, authors, outlet, language, section.

Why not just trafilatura's metadata: it keeps site-name suffixes in titles ("... | Site"), its
byline heuristics return role words ("Maria Ortiz Senior Politics Reporter"), and it does not say
where a date came from.  So the page's explicit metadata (JSON-LD, ``<meta>``, ``<h1>``,
``<time datetime>``) is read here once and preferred; trafilatura's guesses are passed in as
callables and only run when the page states nothing (they cost a copy of the tree each).
"""

from __future__ import annotations

import json
import re
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from html import unescape
from typing import Any
from urllib.parse import urlsplit

from lxml.html import HtmlElement

_SPACES = re.compile(r"\s+")
_WORDS = re.compile(r"\w+")


def _clean(text: str | None) -> str:
    return _SPACES.sub(" ", unescape(text or "")).strip()


@dataclass(frozen=True, slots=True)
class PageMeta:
    """The explicit metadata a page states, read once from the parsed tree."""

    meta: dict[str, list[str]] = field(default_factory=dict)
    article: dict[str, Any] = field(default_factory=dict)
    publisher: str | None = None
    h1s: tuple[str, ...] = ()
    html_title: str | None = None
    lang: str | None = None
    time_published: str | None = None
    author_links: tuple[str, ...] = ()
    jsonld_authors: tuple[str, ...] = ()

    def first(self, *keys: str) -> str | None:
        """The first non-empty ``<meta>`` value among ``keys`` (names/properties, lower-case)."""
        for key in keys:
            for value in self.meta.get(key, ()):
                if value:
                    return value
        return None


def read_page_meta(tree: HtmlElement) -> PageMeta:
    """Collect ``<meta>`` values, the JSON-LD article object, ``<h1>``s, ``<title>`` and lang."""
    objects = _jsonld_objects(tree)
    article = _pick_article(objects)
    return PageMeta(
        meta=_meta_tags(tree),
        article=article,
        publisher=_publisher_name(article, objects),
        h1s=tuple(t for t in (_clean(h.text_content()) for h in tree.iter("h1")) if t),
        html_title=_clean(tree.findtext(".//title")) or None,
        lang=_clean(tree.get("lang") or tree.get("xml:lang")) or None,
        time_published=_time_element(tree),
        author_links=_author_links(tree),
        jsonld_authors=_jsonld_authors(article, objects),
    )


def _meta_tags(tree: HtmlElement) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for element in tree.iter("meta"):
        key = element.get("property") or element.get("name") or element.get("itemprop")
        value = _clean(element.get("content"))
        if key and value:
            found.setdefault(key.strip().lower(), []).append(value)
    return found


def _jsonld_objects(tree: HtmlElement) -> list[dict[str, Any]]:
    """Every JSON object in the page's JSON-LD scripts, in document order (``@graph`` flattened)."""
    objects: list[dict[str, Any]] = []
    for script in tree.xpath('//script[contains(@type, "ld+json")]'):
        try:
            queue: deque[Any] = deque([json.loads(script.text or "", strict=False)])
        except ValueError:
            continue
        while queue:
            item = queue.popleft()
            if isinstance(item, list):
                queue.extend(item)
            elif isinstance(item, dict):
                objects.append(item)
                queue.extend(v for k, v in item.items() if k in ("@graph", "mainEntity", "mainEntityOfPage"))
    return objects


def _types(obj: dict[str, Any]) -> list[str]:
    value = obj.get("@type")
    values = value if isinstance(value, list) else [value]
    return [v.lower() for v in values if isinstance(v, str)]


def _pick_article(objects: list[dict[str, Any]]) -> dict[str, Any]:
    for obj in objects:
        if any(t.endswith(("article", "posting")) for t in _types(obj)):
            return obj
    for obj in objects:
        if "headline" in obj or ("datePublished" in obj and "webpage" in _types(obj)):
            return obj
    return {}


def _name_of(value: Any) -> str | None:
    if isinstance(value, str):
        return _clean(value) or None
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        return _clean(value["name"]) or None
    return None


def _jsonld_authors(article: dict[str, Any], objects: list[dict[str, Any]]) -> tuple[str, ...]:
    """Author names of the article object; ``{"@id": ...}`` references are looked up."""
    by_id = {obj["@id"]: obj for obj in objects if isinstance(obj.get("@id"), str)}
    value = article.get("author") or article.get("creator")
    values = value if isinstance(value, list) else [value]
    resolved = [by_id.get(v.get("@id"), v) if isinstance(v, dict) and "name" not in v else v for v in values]
    return tuple(n for n in (_name_of(v) for v in resolved) if n)


def _publisher_name(article: dict[str, Any], objects: list[dict[str, Any]]) -> str | None:
    name = _name_of(article.get("publisher"))
    if name:
        return name
    for obj in objects:
        if any(t in ("newsmediaorganization", "website") for t in _types(obj)):
            return _name_of(obj)
    return None


def _time_element(tree: HtmlElement) -> str | None:
    """``datetime`` of the ``<time>`` marked as publication time, else the first in ``<article>``."""
    for xpath in (
        '//*[@itemprop="datePublished"]/@datetime',
        '//*[@itemprop="datePublished"]/@content',
        "//time[@pubdate]/@datetime",
        '//time[contains(@class, "publish")]/@datetime',
        "//article//time/@datetime",
    ):
        values = tree.xpath(xpath)
        if values and str(values[0]).strip():
            return str(values[0]).strip()
    return None


_DATE_KEYS = (
    "article:published_time", "og:article:published_time", "og:published_time", "datepublished",
    "article.published", "published_time", "publishdate", "publish-date", "publish_date", "pubdate",
    "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued", "dcterms.created",
    "dc.date", "date", "article_date_original", "originalpublicationdate",
)  # fmt: skip


def stated_dates(page: PageMeta) -> list[str]:
    """Publication-date strings the page states, best first: JSON-LD, ``<meta>``, ``<time>``."""
    raw = [page.article.get("datePublished"), page.first(*_DATE_KEYS), page.time_published]
    return [r.strip() for r in raw if isinstance(r, str) and r.strip()]


def _author_links(tree: HtmlElement) -> tuple[str, ...]:
    """Texts of the first links to author pages (``rel=author``, ``/author/...``): the byline."""
    links = tree.xpath('//a[@rel="author" or contains(@href, "/author/") or contains(@href, "/authors/")]')
    texts = (_clean(link.text_content()) for link in links[:20])
    return tuple(dict.fromkeys(t for t in texts if t))[:1]


# --- title --------------------------------------------------------------------------------------

_TITLE_SEPARATOR = re.compile(r"\s+[|–—·»:/•-]\s+|\s+::\s+")
# For cutting a site name off, "Site: Headline" counts too (only a known site name is cut).
_SITE_SEPARATOR = re.compile(r"\s+[|–—·»/•-]\s+|\s*::?\s+")


def _tokens(text: str) -> list[str]:
    return _WORDS.findall(text.lower())


def _same(a: str, b: str) -> bool:
    return bool(_tokens(a)) and _tokens(a) == _tokens(b)


def _is_site(segment: str, sites: list[str]) -> bool:
    squashed = "".join(_tokens(segment))
    if not squashed:
        return False
    return any(_same(segment, site) or squashed == "".join(_tokens(site)) for site in sites)


def site_names(page: PageMeta, fallback: str | None, url: str | None) -> list[str]:
    """Names the site goes by: og:site_name, JSON-LD publisher, trafilatura's guess, host label."""
    names = [page.first("og:site_name", "application-name"), page.publisher, fallback]
    host = urlsplit(url or "").hostname or ""
    labels = [label for label in host.split(".") if label not in ("www", "m", "com", "org", "net", "co")]
    return [n for n in names if n] + labels[:1]


def _strip_site(title: str, sites: list[str]) -> str:
    """Drop site-name segments at either end; a short last segment after " | " is a site too."""
    parts = _SITE_SEPARATOR.split(title)
    count = len(parts)
    while len(parts) > 1 and _is_site(parts[-1], sites):
        parts.pop()
    while len(parts) > 1 and _is_site(parts[0], sites):
        parts.pop(0)
    if len(parts) < count:
        title = title[title.find(parts[0]) : title.rfind(parts[-1]) + len(parts[-1])].strip()
    head, pipe, tail = title.rpartition(" | ")
    if pipe and 0 < len(_tokens(tail)) <= 4 and len(_tokens(head)) > len(_tokens(tail)):
        return head.strip()
    return title


def choose_title(page: PageMeta, fallback: Callable[[], str | None], sites: list[str]) -> str | None:
    """The headline: an ``<h1>`` that a meta title confirms, else a meta title minus the site."""
    headline = page.article.get("headline")
    candidates = [
        page.first("og:title", "twitter:title"),
        headline if isinstance(headline, str) else None,
        page.html_title,
    ]
    titles = [_clean(t) for t in candidates if t and _clean(t)] or [_clean(fallback())]
    for h1 in page.h1s:
        if any(_same(h1, t) or any(_same(h1, p) for p in _TITLE_SEPARATOR.split(t)) for t in titles):
            return h1
    for h1 in page.h1s:
        if len(_tokens(h1)) >= 3 and not _is_site(h1, sites):
            return h1
    for title in titles:
        stripped = _strip_site(title, sites)
        if not _is_site(stripped, sites) or title is titles[-1]:
            return stripped or None
    return None


# --- authors ----------------------------------------------------------------------------------

_AUTHOR_SPLIT = re.compile(r"\s*(?:;|\||,|&|\band\b|\bwith\b|/)\s*", re.IGNORECASE)
_BY_PREFIX = re.compile(
    r"^.*?\b(?:written|posted|reviewed|reported|photos?|words|edited|text|story)?\s*by\b\s*:?\s*"
    r"|^(?:authors?|about(?: the author)?|contributors?)\b\s*:?\s*",
    re.IGNORECASE,
)
# A byline stops at the first of these words: "Maria Ortiz Senior Politics Reporter" -> "Maria Ortiz".
_ROLE_WORDS = frozenset({
    "senior", "junior", "chief", "reporter", "writer", "editor", "correspondent", "contributor",
    "contributing", "columnist", "producer", "manager", "head", "analyst", "author", "founder",
    "co-founder", "ceo", "updated", "published", "posted", "marketing", "developer", "specialist",
    "director", "president", "see", "read", "view", "more", "subscribe", "share", "follow", "email",
    "about", "twitter", "instagram", "facebook", "linkedin", "is", "was", "has",
})  # fmt: skip
# Lower-case words allowed inside a name ("Ursula von der Leyen").
_PARTICLES = frozenset({
    "de", "da", "del", "della", "di", "du", "van", "von", "der", "den", "ter", "la", "le", "bin", "al",
    "y", "dos", "das",
})  # fmt: skip


def _clean_name(raw: str) -> str | None:
    text = _BY_PREFIX.sub("", _clean(raw).split("(")[0].split("@")[0]).strip(" .:-–—")
    if not text or "http" in text.lower() or "www." in text.lower() or any(c.isdigit() for c in text):
        return None
    if text.islower() and " " in text:  # "joshua becker" in a meta tag
        text = text.title()
    kept: list[str] = []
    for word in text.split():
        if word.lower().strip(".,") in _ROLE_WORDS:
            break
        if not (word[0].isupper() or word.lower() in _PARTICLES):
            break
        kept.append(word)
    name = " ".join(kept).strip(" .,")
    return name if name and len(kept) <= 5 and "staff" not in name.lower().split() else None


def clean_authors(raw: str | list[str] | None) -> tuple[str, ...]:
    """Split a byline into names; drop "By", roles, e-mail addresses, URLs and "Staff"."""
    if not raw:
        return ()
    pieces = raw if isinstance(raw, list) else [raw]
    names: dict[str, str] = {}
    for piece in pieces:
        if re.search(r"https?:|www\.|@\w+\.", piece):
            continue
        for part in _AUTHOR_SPLIT.split(piece):
            name = _clean_name(part)
            if name and name.lower() not in names:
                names[name.lower()] = name
    return tuple(names.values())


def _twitter_byline(page: PageMeta) -> str | None:
    for n in ("1", "2"):
        if (page.first(f"twitter:label{n}") or "").lower() in ("written by", "author", "by"):
            return page.first(f"twitter:data{n}")
    return None


def choose_authors(page: PageMeta, fallback: Callable[[], str | None]) -> tuple[str, ...]:
    """Names from JSON-LD, author ``<meta>`` tags, then bylines found by heuristics.

    The heuristic sources (trafilatura's byline guess, links to author pages) must give full
    names: a single word there is usually a role or a section ("Hardware").
    """
    stated = (
        list(page.jsonld_authors),
        page.meta.get("author", []) + page.meta.get("article:author", []),
        page.meta.get("citation_author", []) + page.meta.get("dc.creator", []),
        page.first("parsely-author", "sailthru.author", "byl"),
        _twitter_byline(page),
    )
    for raw in stated:
        names = clean_authors(raw)
        if names:
            return names
    guessed = fallback()
    for raw in (guessed.split("; ") if guessed else None, list(page.author_links)):
        names = tuple(n for n in clean_authors(raw) if " " in n)
        if names:
            return names
    return ()


# --- outlet, language, section ------------------------------------------------------------------


def choose_outlet(page: PageMeta, fallback: str | None, url: str | None) -> str | None:
    """og:site_name, JSON-LD publisher, trafilatura's site name, else the URL's host name."""
    for name in (page.first("og:site_name"), page.publisher, fallback):
        if name and _clean(name):
            return _clean(name)
    host = urlsplit(url or "").hostname
    return host.removeprefix("www.") if host else None


def choose_language(page: PageMeta) -> str | None:
    """Primary language subtag (``en``) from ``<html lang>``, JSON-LD or og:locale."""
    in_language = page.article.get("inLanguage")
    for raw in (page.lang, in_language if isinstance(in_language, str) else None, page.first("og:locale")):
        match = re.match(r"([A-Za-z]{2,3})(?:$|[-_])", raw or "")
        if match:
            return match.group(1).lower()
    return None


def choose_section(page: PageMeta) -> str | None:
    """article:section or JSON-LD articleSection (first one if a list)."""
    value = page.first("article:section") or page.article.get("articleSection")
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str)), None)
    if not isinstance(value, str):
        return None
    return _clean(value) or None
