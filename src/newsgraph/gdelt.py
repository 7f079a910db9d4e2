"""``newsgraph export --format gdelt-events``: our events in the GDELT 2.0 Events table layout.

The 61 tab-separated columns of the GDELT 2.0 Event Database, in the codebook's order
(:data:`GDELT_EVENT_COLUMNS`; "GDELT Event Codebook V2.0", Leetaru & Schrodt, 2015), no header
line, as in GDELT's own ``.export.CSV`` files, so tools written for those files read ours.
How each column is filled (the README has the same table):

=========================================  ====================================================
GLOBALEVENTID                              a stable 52-bit number from the article's text hash
                                           and the event's index (same input, same id)
SQLDATE, MonthYear, Year, FractionDate     the article's publication date (empty when unknown:
                                           we do not invent dates); FractionDate = year +
                                           day of year / 365, as GDELT computes it
Actor1Code / Actor2Code                    the CAMEO actor code of the source / target entity
                                           (country + role, e.g. ``USAGOV``; ``IGOUNO``)
Actor*Name                                 the actor's name, upper-cased as GDELT writes names
Actor*CountryCode                          the actor's country (ISO 3166 alpha-3, which CAMEO
                                           country codes follow)
Actor*KnownGroupCode, Actor*Type1..3Code   split from the actor code: ``IGOUNO`` -> type IGO,
                                           group UNO; ``USAGOVMIL`` -> types GOV, MIL
Actor*EthnicCode, Religion1/2Code          empty (not extracted)
IsRootEvent                                1 when the event's evidence is in the lead paragraph
EventCode, EventBaseCode, EventRootCode    our CAMEO code, its first three and two digits
QuadClass, GoldsteinScale                  the event's; else from the CAMEO code table
                                           (``cameo_codes.tsv``: Goldstein 1992 weights as
                                           adapted to CAMEO by KEDS/ICEWS, via andybega/icews)
NumMentions, NumSources, NumArticles       for an event reported in a quote: the ``statements``
                                           view's count of articles (sources) and outlets that
                                           carry that statement; otherwise the article and its
                                           stored copies (``article_sources``).  NumMentions =
                                           NumArticles (one mention per document)
AvgTone                                    empty (no tone model)
Actor1Geo_*, Actor2Geo_*, ActionGeo_*      empty (no geocoding to FIPS/ADM/feature ids)
DATEADDED                                  when the article was stored, YYYYMMDDHHMMSS UTC
SOURCEURL                                  the article's URL, else its file path
=========================================  ====================================================

Rows are written as the articles are read, one article at a time
(:meth:`Store.iter_articles <newsgraph.store.base.Store.iter_articles>`), so memory does not
grow with the number of rows.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import TextIO

from newsgraph.dedup import statement_hash
from newsgraph.records import Article, Entity, Event

#: The GDELT 2.0 Events table columns, in codebook order.
GDELT_EVENT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(
        f"Actor{n}{field}"
        for n in (1, 2)
        for field in (
            "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
            "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
        )
    ),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(
        f"{who}Geo_{field}"
        for who in ("Actor1", "Actor2", "Action")
        for field in ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
    ),
    "DATEADDED", "SOURCEURL",
)  # fmt: skip

#: Prefixes of CAMEO actor codes that name an organisation type, followed by a known group.
_GROUP_TYPES = ("IGO", "NGO", "IMG", "MNC")

#: ``counts(article, event) -> (mentions, sources, articles)``, and the article's DATEADDED.
Counts = Callable[[Article, Event], tuple[int, int, int]]
Added = Callable[[Article], str]


def _clean(value: object) -> str:
    if value is None:
        return ""
    return str(value).replace("\t", " ").replace("\r", " ").replace("\n", " ")


def event_id(article: Article, index: int) -> int:
    digest = hashlib.sha256(f"{article.text_sha256}:{index}".encode()).hexdigest()
    return int(digest[:13], 16)


def _dates(published: str | None) -> list[str]:
    if not published or len(published) < 10:
        return ["", "", "", ""]
    try:
        day = date.fromisoformat(published[:10])
    except ValueError:
        return ["", "", "", ""]
    fraction = day.year + day.timetuple().tm_yday / 365
    return [day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year), f"{fraction:.4f}"]


def _actor(code: str | None, name: str | None, country: str | None) -> list[str]:
    """The ten Actor columns from a CAMEO actor code, a name and a country."""
    group, types = "", []
    rest = code or ""
    if country and rest.startswith(country):
        rest = rest[len(country) :]
    elif rest.startswith(_GROUP_TYPES):
        types.append(rest[:3])
        group, rest = rest[3:6], rest[6:]
    elif len(rest) == 3 and rest.isalpha() and not country:
        country, rest = rest, ""
    types += [rest[i : i + 3] for i in range(0, len(rest), 3)]
    types = [*types, "", "", ""][:3]
    return [_clean(code), _clean(name.upper() if name else None), _clean(country), group, "", "", "", *types]


def _country(entity: Entity | None) -> str | None:
    return entity.country if entity is not None else None


def _lead_end(article: Article) -> int:
    """Where the lead paragraph ends: the first non-empty line that is not a heading."""
    headings = {(h.start, h.end) for h in article.headings}
    pos = 0
    for line in article.text.split("\n"):
        end = pos + len(line)
        if line.strip() and (pos, end) not in headings and not any(s <= pos < e for s, e in headings):
            return end
        pos = end + 1
    return len(article.text)


def event_rows(article: Article, counts: Counts, added: Added) -> Iterator[list[str]]:
    """The GDELT rows of one article's events (61 strings each)."""
    if not article.events:
        return
    entities: dict[str, Entity] = {e.id: e for e in article.entities}
    dates = _dates(article.published)
    lead = _lead_end(article)
    date_added = added(article)
    url = _clean(article.source.url or article.source.path)
    for index, event in enumerate(article.events):
        src = entities.get(event.source_entity or "")
        tgt = entities.get(event.target_entity or "")
        quad, goldstein = event.quad_class, event.goldstein
        if quad is None or goldstein is None:
            quad, goldstein = _code_values(event.cameo, quad, goldstein)
        mentions, sources, n_articles = counts(article, event)
        cameo = event.cameo
        yield [
            str(event_id(article, index)),
            *dates,
            *_actor(src.actor_code if src else None, event.source, event.source_country or _country(src)),
            *_actor(tgt.actor_code if tgt else None, event.target, event.target_country or _country(tgt)),
            "1" if event.evidence.start < lead else "0",
            _clean(cameo),
            _clean(cameo[:3]),
            _clean(cameo[:2]),
            "" if quad is None else str(quad),
            "" if goldstein is None else f"{goldstein:g}",
            str(mentions),
            str(sources),
            str(n_articles),
            "",
            *([""] * 24),
            date_added,
            url,
        ]


def _code_values(cameo: str, quad: int | None, goldstein: float | None) -> tuple[int | None, float | None]:
    from newsgraph.nlp.knowledge.event_lexicon import load_event_lexicon

    code = load_event_lexicon().code(cameo)
    if code is None:
        return quad, goldstein
    return (code.quad_class if quad is None else quad), (code.goldstein if goldstein is None else goldstein)


def write_gdelt_events(articles: Iterable[Article], out: TextIO, counts: Counts, added: Added) -> int:
    """Write the GDELT rows of every event of ``articles`` to ``out``; return the number of rows."""
    n = 0
    for article in articles:
        for row in event_rows(article, counts, added):
            out.write("\t".join(row) + "\n")
            n += 1
    return n


class StoreCounts:
    """Counts and DATEADDED from a newsgraph SQLite database (see the module docstring)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._article: tuple[str, int, int, int, str] | None = None  # sha, seq, sources, outlets, added

    def _row(self, article: Article) -> tuple[str, int, int, int, str]:
        sha = article.text_sha256
        if self._article is None or self._article[0] != sha:
            seq, ingested = self.conn.execute(
                "SELECT seq, ingested_at FROM articles WHERE text_sha256 = ?", (sha,)
            ).fetchone() or (None, "")
            n, outlets = self.conn.execute(
                "SELECT count(DISTINCT source), count(DISTINCT coalesce(outlet, site)) "
                "FROM article_sources WHERE article_seq = ?",
                (seq,),
            ).fetchone()
            added = "".join(ch for ch in str(ingested) if ch.isdigit())[:14]
            self._article = (sha, seq or 0, max(1, n), max(1, outlets), added)
        return self._article

    def counts(self, article: Article, event: Event) -> tuple[int, int, int]:
        _, _, n, outlets, _ = self._row(article)
        if event.quote is not None and 0 <= event.quote < len(article.quotes):
            quote = article.quotes[event.quote]
            row = self.conn.execute(
                "SELECT articles, outlets FROM statements WHERE statement_key = ? AND speaker IS ?",
                (statement_hash(quote.text), quote.speaker),
            ).fetchone()
            if row is not None and row[0]:
                return int(row[0]), max(1, int(row[1])), int(row[0])
        return n, outlets, n

    def added(self, article: Article) -> str:
        return self._row(article)[4]


__all__ = ["GDELT_EVENT_COLUMNS", "StoreCounts", "event_rows", "write_gdelt_events"]
