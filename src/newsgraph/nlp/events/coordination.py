"""Coordinated countries or organisations inside one noun phrase: "the Chinese and Russian
governments", "German and French troops", "the Republican and Democratic parties".

CAMEO codes a state agent qualified by a country as the country (see
:mod:`newsgraph.nlp.events.actors`); when the qualifier is a coordination of countries, the
phrase names one agent per country, and the gold convention codes one event per actor.  The
parser puts the second country under the first (``conj``), so the head noun alone would stand
for the first country only.  A plural noun of organisations qualified by coordinated names is
one organisation per name in the same way.
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


#: Heads that name organisations: with coordinated names before them, one organisation per name
#: ("the Republican and Democratic parties", "the Catholic and Anglican churches").
ORGANISATION_HEADS = frozenset(
    {"party", "movement", "faction", "church", "union", "alliance", "front", "organization", "organisation"}
)


def _names_something(token: Token) -> bool:
    return token.pos_ == "PROPN" or token.ent_type_ in ("NORP", "GPE", "ORG")


def country_conjuncts(head: Token) -> list[Token]:
    """The coordinated country modifiers of a plural state-agent noun, or the coordinated name
    modifiers of a plural organisation noun, in text order; empty when ``head`` is no such
    phrase (one modifier, or a word that names nothing)."""
    lemma = head.lemma_.lower()
    if head.tag_ not in ("NNS", "NNPS") or lemma not in STATE_AGENTS | ORGANISATION_HEADS:
        return []
    names = _names_a_country if lemma in STATE_AGENTS else _names_something
    for child in head.children:
        if child.dep_ not in _MODIFIER_DEPS or child.i > head.i:
            continue
        others = [c for c in child.conjuncts if c.i != child.i and c.i < head.i]
        modifiers = sorted([child, *others], key=lambda t: t.i)
        if others and all(names(m) for m in modifiers):
            return modifiers
    return []


def split_countries(heads: Iterable[Token]) -> list[Token]:
    """Each head, or in its place the country words of a coordinated qualifier."""
    return [part for head in heads for part in (country_conjuncts(head) or [head])]
