"""The entity lexicons (data files under ``nlp/lexicons``), parsed once per process.

Everything the entity rules know about the world lives in tab-separated data files with a header
saying where the facts came from; this module only parses them into lookup tables.  Surface forms
are looked up by their exact text first and then case-folded, so that "US" (the country) is never
confused with "us" (the pronoun): all-caps and dotted forms must match exactly.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TypeVar

V = TypeVar("V")


@dataclass(frozen=True, slots=True)
class Country:
    """A country or country-like GPE: its ISO-3 code and canonical English name."""

    iso3: str
    name: str


@dataclass(frozen=True, slots=True)
class Title:
    """A title or role head ("secretary of state"): the sector it implies and a gender hint."""

    sector: str
    gender: str | None


@dataclass(frozen=True, slots=True)
class OrgEntry:
    """A known organisation: canonical name, country and CAMEO-style actor code."""

    name: str
    country: str | None
    actor: str


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """All lookup tables; keys are surface forms as written (see :func:`lookup`)."""

    country_names: dict[str, Country]
    demonyms: dict[str, Country]
    peoples: dict[str, Country]
    capitals: dict[str, Country]
    seats: dict[str, Country]
    places: dict[str, str]
    titles: dict[str, Title]
    title_modifiers: dict[str, str]
    orgs: dict[str, OrgEntry]
    org_name_words: dict[str, str]
    org_descriptors: dict[str, str]
    genders: dict[str, str]
    honorifics: frozenset[str]
    max_title_words: int
    lexicon_first_words: frozenset[str]
    title_first_words: frozenset[str]


def _rows(name: str) -> list[list[str]]:
    """Non-comment rows of a lexicon file, split on tabs (trailing empty fields kept)."""
    text = resources.files("newsgraph.nlp.knowledge").joinpath("lexicons", name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _opt(row: list[str], i: int) -> str | None:
    return (row[i].strip() or None) if len(row) > i else None


def _items(field: str) -> list[str]:
    return [item.strip() for item in field.split(";") if item.strip()]


def _load_countries(g: dict[str, dict[str, Country]]) -> None:
    for row in _rows("countries.tsv"):
        iso3, name, aliases, adjectives, people, capitals, seats = (row + [""] * 7)[:7]
        country = Country(iso3, name)
        for alias in [name, *_items(aliases)]:
            g["country_names"].setdefault(alias, country)
        for adj in _items(adjectives):
            g["demonyms"].setdefault(adj, country)
        for plural in _items(people):
            g["peoples"].setdefault(plural, country)
        for capital in _items(capitals):
            g["capitals"].setdefault(capital, country)
        for seat in _items(seats):
            g["seats"].setdefault(seat.removeprefix("the "), country)


@cache
def gazetteer() -> Gazetteer:
    """Parse every lexicon file once (cached for the process)."""
    tables: dict[str, dict[str, Country]] = {
        "country_names": {},
        "demonyms": {},
        "peoples": {},
        "capitals": {},
        "seats": {},
    }
    _load_countries(tables)
    places = {row[0]: row[1] for row in _rows("places.tsv")}
    titles = {row[0].lower(): Title(row[1], _opt(row, 2)) for row in _rows("titles.tsv")}
    modifiers = {row[0]: row[1] for row in _rows("title_modifiers.tsv")}
    orgs = {row[0]: OrgEntry(row[1], _opt(row, 2), row[3]) for row in _rows("orgs.tsv")}
    org_rows = _rows("org_words.tsv")
    name_words = {row[0]: row[1] for row in org_rows if row[2] == "name"}
    descriptors = {row[0]: row[1] for row in org_rows if row[2] == "descriptor"}
    name_rows = _rows("names.tsv")
    genders = {row[0]: row[1].strip() for row in name_rows if row[1].strip()}
    honorifics = frozenset(row[0] for row in name_rows if row[2] == "honorific")
    return Gazetteer(
        country_names=tables["country_names"],
        demonyms=tables["demonyms"],
        peoples=tables["peoples"],
        capitals=tables["capitals"],
        seats=tables["seats"],
        places=places,
        titles=titles,
        title_modifiers=modifiers,
        orgs=orgs,
        org_name_words=name_words,
        org_descriptors=descriptors,
        genders=genders,
        honorifics=honorifics,
        max_title_words=max(len(t.split()) for t in titles),
        lexicon_first_words=_first_words([*tables["country_names"], *tables["seats"], *orgs]),
        title_first_words=_first_words(titles),
    )


def _first_words(keys: list[str] | dict[str, Title]) -> frozenset[str]:
    """The first token of each key (up to a space, hyphen or apostrophe): a cheap pre-filter."""
    return frozenset(re.split(r"[\s\-']", key, maxsplit=1)[0].rstrip(".") for key in keys)


def lookup(table: dict[str, V], text: str) -> V | None:
    """``table[text]``, else the entry whose key matches ignoring case when ``text`` is not all caps.

    All-caps short forms ("US", "UK", "AU") must match exactly; a capitalised word may match its
    title-case key ("BRITISH" in a headline does not, "British" does).
    """
    hit = table.get(text)
    if hit is not None:
        return hit
    if "’" in text:  # typographic apostrophe: "N’Djamena" is "N'Djamena"
        return lookup(table, text.replace("’", "'"))
    if text.isupper() and len(text) <= 4:
        return None
    return table.get(text.title()) if text[:1].isupper() else None


def place_key(text: str) -> str:
    """The key of the place list: upper case, plain apostrophe, no accents ("Asunción" -> "ASUNCION").

    The list comes from ASCII data (Phoenix), while news text writes names with their accents
    and typographic apostrophes.
    """
    plain = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in plain if not unicodedata.combining(c)).upper()


def country_of_place(text: str) -> str | None:
    """ISO-3 of a country name, capital or known city/region; None when unknown."""
    g = gazetteer()
    for table in (g.country_names, g.capitals, g.seats):
        hit = lookup(table, text)
        if hit is not None:
            return hit.iso3
    return g.places.get(text.upper()) or g.places.get(place_key(text))
