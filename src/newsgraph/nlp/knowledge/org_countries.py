"""The home country of an organisation the Phoenix dictionaries know by name (``org_countries.tsv``).

An organisation's own country is evidence for the people who work for it or speak for it ("a
Boeing vice president", "Mahdi Army leader X"), where the country a story is set in is not.  The
table holds companies, NGOs and non-state armed groups with their home country (see
``scripts/build_org_countries_lexicon.py``); names match whole, upper case, without accents and
without a leading "The".
"""

from __future__ import annotations

from functools import cache

from newsgraph.nlp.knowledge.gazetteer import place_key
from newsgraph.nlp.knowledge.tsv import Schema, read_table

ORG_COUNTRIES = Schema(("name", "iso3"), required=("name", "iso3"), key=("name",), codes=(("iso3", "iso3"),))


@cache
def _table() -> dict[str, str]:
    return {row["name"]: row["iso3"] for row in read_table("org_countries.tsv", ORG_COUNTRIES)}


def org_home_country(name: str) -> str | None:
    """ISO-3 of the organisation called ``name`` ("Boeing", "the Mahdi Army"), or None."""
    key = place_key(name.strip())
    if key.startswith("THE "):
        key = key[4:]
    return _table().get(key)
