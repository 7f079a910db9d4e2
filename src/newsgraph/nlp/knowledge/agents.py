"""Head nouns of actor descriptions from the Phoenix agents dictionary (``lexicons/agent_nouns.tsv``).

Read once, through the validated loader, by the discourse layer (which plural nouns describe
people: "officials", "troops") and by the events stage (which descriptions are actors).
"""

from __future__ import annotations

from functools import cache

from newsgraph.nlp.knowledge.tsv import Schema, read_table

AGENT_NOUNS = Schema(
    ("noun", "sector"), required=("noun", "sector"), key=("noun",), codes=(("sector", "sector"),)
)


@cache
def phoenix_agent_nouns() -> frozenset[str]:
    """Every noun of ``agent_nouns.tsv``, as the dictionary lists it."""
    return frozenset(phoenix_agent_sectors())


@cache
def phoenix_agent_sectors() -> dict[str, str]:
    """Noun -> CAMEO sector code ("lawmaker" -> "LEG", "company" -> "BUS"): what kind of actor a
    description names, which tells a political actor from a commercial or private one."""
    return {row["noun"]: row["sector"] for row in read_table("agent_nouns.tsv", AGENT_NOUNS)}
