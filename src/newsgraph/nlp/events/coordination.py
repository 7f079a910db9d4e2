"""Coordinated countries inside one noun phrase: "the Chinese and Russian governments",
"German and French troops", "the US and Chinese governments".

CAMEO codes a state agent qualified by a country as the country (see
:mod:`newsgraph.nlp.events.actors`); when the qualifier is a coordination of countries, the
phrase names one agent per country, and the gold convention codes one event per actor.  The
parser puts the second country under the first (``conj``), so the head noun alone would stand
for the first country only.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from newsgraph.nlp.knowledge.gazetteer import gazetteer, lookup
from newsgraph.nlp.knowledge.wordlists import wordlist

#: Heads that stand for a state's agents (the list the actor resolver uses).
STATE_AGENTS = wordlist("state_agents")
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})


def _names_a_country(token: Token) -> bool:
    if token.ent_type_ in ("NORP", "GPE"):
        return True
    return lookup(gazetteer().country_names, token.text) is not None


def country_conjuncts(head: Token) -> list[Token]:
    """The coordinated country modifiers of a plural state-agent noun, in text order; empty
    when ``head`` is no such phrase (one country, or a word that names no country)."""
    if head.tag_ not in ("NNS", "NNPS") or head.lemma_.lower() not in STATE_AGENTS:
        return []
    for child in head.children:
        if child.dep_ not in _MODIFIER_DEPS or child.i > head.i:
            continue
        others = [c for c in child.conjuncts if c.i != child.i and c.i < head.i]
        modifiers = sorted([child, *others], key=lambda t: t.i)
        if others and all(_names_a_country(m) for m in modifiers):
            return modifiers
    return []


def split_countries(heads: Iterable[Token]) -> list[Token]:
    """Each head, or in its place the country words of a coordinated qualifier."""
    return [part for head in heads for part in (country_conjuncts(head) or [head])]
