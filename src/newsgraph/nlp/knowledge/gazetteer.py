"""The entity lexicons (data files under ``nlp/knowledge/lexicons``), parsed once per process.

Everything the entity rules know about the world lives in tab-separated data files with a header
saying where the facts came from, read and validated by :mod:`~newsgraph.nlp.knowledge.tsv`;
this module only turns them into lookup tables.  Surface forms
are looked up by their exact text first and then case-folded, so that "US" (the country) is never
confused with "us" (the pronoun): all-caps and dotted forms must match exactly.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import TypeVar

from newsgraph.nlp.knowledge.tsv import COUNTRIES, Schema, read_table

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
    title_first_words: frozenset[str]


PLACES = Schema(("place", "iso3"), required=("place", "iso3"), key=("place",), codes=(("iso3", "iso3"),))
TITLES = Schema(  # an empty sector: the title implies none ("mediator")
    ("title", "sector", "gender"),
    required=("title",),
    optional=1,
    key=("title",),
    fold_key=True,
    codes=(("sector", "sector"), ("gender", "gender")),
)
TITLE_MODIFIERS = Schema(
    ("word", "sector"),
    required=("word", "sector"),
    key=("word",),
    fold_key=True,
    codes=(("sector", "sector"),),
)
ORGS = Schema(
    ("surface", "canonical", "country", "actor"),
    required=("surface", "canonical", "actor"),
    key=("surface",),
    codes=(("country", "iso3"),),
)
ORG_WORDS = Schema(
    ("word", "sector", "kind"),
    required=("word", "sector", "kind"),
    key=("word", "kind"),
    fold_key=True,
    codes=(("sector", "sector"),),
)
NAMES = Schema(
    ("word", "gender", "kind"),
    required=("word", "kind"),
    key=("word",),
    codes=(("gender", "gender"),),
)
GIVEN_NAMES = Schema(
    ("name", "gender", "male_share", "source"),
    required=("name", "gender", "male_share", "source"),
    key=("name",),
    codes=(("gender", "gender"), ("male_share", "number")),
)


def _items(field: str) -> list[str]:
    return [item.strip() for item in field.split(";") if item.strip()]


def _load_countries(g: dict[str, dict[str, Country]]) -> None:
    """Country rows into the five tables; an ambiguous form ("Congolese") keeps its first country."""
    for row in read_table("countries.tsv", COUNTRIES):
        country = Country(row["iso3"], row["name"])
        for alias in [row["name"], *_items(row["aliases"])]:
            g["country_names"].setdefault(alias, country)
        for adj in _items(row["adjectives"]):
            g["demonyms"].setdefault(adj, country)
        for plural in _items(row["people"]):
            g["peoples"].setdefault(plural, country)
        for capital in _items(row["capitals"]):
            g["capitals"].setdefault(capital, country)
        for seat in _items(row["seats"]):
            g["seats"].setdefault(seat.removeprefix("the "), country)


def _org_words() -> tuple[dict[str, str], dict[str, str]]:
    """(name words, descriptor nouns) of ``org_words.tsv``, each with its sector."""
    tables: dict[str, dict[str, str]] = {"name": {}, "descriptor": {}}
    for row in read_table("org_words.tsv", ORG_WORDS):
        if row["kind"] not in tables:
            raise row.error(f"kind must be name or descriptor, not {row['kind']!r}")
        tables[row["kind"]][row["word"]] = row["sector"]
    return tables["name"], tables["descriptor"]


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
    places = {row["place"]: row["iso3"] for row in read_table("places.tsv", PLACES)}
    titles = {
        row["title"].lower(): Title(row["sector"], row["gender"] or None)
        for row in read_table("titles.tsv", TITLES)
    }
    modifiers = {row["word"]: row["sector"] for row in read_table("title_modifiers.tsv", TITLE_MODIFIERS)}
    orgs = {
        row["surface"]: OrgEntry(row["canonical"], row["country"] or None, row["actor"])
        for row in read_table("orgs.tsv", ORGS)
    }
    name_words, descriptors = _org_words()
    name_rows = read_table("names.tsv", NAMES)
    for row in name_rows:
        if row["kind"] != "honorific":
            raise row.error(f"kind must be honorific, not {row['kind']!r}")
    genders = dict(_given_names())
    genders.update({row["word"]: row["gender"] for row in name_rows if row["gender"]})
    honorifics = frozenset(row["word"] for row in name_rows)
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
        title_first_words=_first_words(titles),
    )


@cache
def _given_names() -> dict[str, str]:
    """Given name -> "m" or "f" (``given_names.tsv``; names used by both sexes are left out), each
    also under its unaccented form ("Jose" for "José") unless that form is a name of its own."""
    rows = read_table("given_names.tsv", GIVEN_NAMES)
    table = {row["name"]: row["gender"] for row in rows}
    out = {name: gender for name, gender in table.items() if gender != "u"}
    for name, gender in list(out.items()):
        plain = _unaccented(name)
        if plain not in table:
            out.setdefault(plain, gender)
    return out


def given_name_gender(name: str) -> str | None:
    """ "m" or "f" for a given name whose bearers are mostly of one sex, None when it is used by
    both or unknown.  Matched as written, then capitalised ("JOHN" -> "John") and unaccented."""
    names = _given_names()
    for form in (name, name.capitalize(), _unaccented(name.capitalize())):
        if form in names:
            return names[form]
    return None


def _unaccented(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


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
    return _unaccented(text.replace("’", "'")).upper()


def country_of_place(text: str) -> str | None:
    """ISO-3 of a country name, capital or known city/region; None when unknown."""
    g = gazetteer()
    for table in (g.country_names, g.capitals, g.seats):
        hit = lookup(table, text)
        if hit is not None:
            return hit.iso3
    return g.places.get(text.upper()) or g.places.get(place_key(text))


def nationality_country(word: str) -> Country | None:
    """The country of a nationality word: an adjective ("Kenyan") or the singular of a people's
    plural noun ("Briton" from "Britons", "Pole" from "Poles", "Dane" from "Danes")."""
    g = gazetteer()
    if not word[:1].isupper():
        return None
    return lookup(g.demonyms, word) or (lookup(g.peoples, word + "s") if not word.endswith("s") else None)


def org_entry(text: str) -> OrgEntry | None:
    """The lexicon organisation ``text`` names, also when an acronym is written in title case as
    British style has it ("Unicef", "Nato" for UNICEF, NATO)."""
    g = gazetteer()
    hit = g.orgs.get(text)
    if hit is None and len(text) >= 4 and text.isalpha() and text.istitle():
        upper = g.orgs.get(text.upper())
        return upper if upper is not None and upper.name.isupper() else None
    return hit
