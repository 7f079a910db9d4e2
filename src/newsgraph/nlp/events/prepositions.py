"""Coordinations the parser splits at a preposition: "by the government of Colombia and by the
United States" coordinates the two "by", not their objects, so the second object is no conjunct
of the first and an actor phrase read from the first object alone would lose it (the gold
convention and CAMEO code one event per actor)."""

from __future__ import annotations

from spacy.tokens import Token


def repeated_prepositions(token: Token) -> list[Token]:
    """The objects of the same preposition repeated in a coordination: "by the government of
    Colombia and by the United States" names two agents, though the parser coordinates the two
    "by" (so the second object is no conjunct of the first)."""
    prep = token.head
    if token.dep_ != "pobj" or prep.pos_ != "ADP":
        return []
    return [
        g
        for other in prep.conjuncts
        if other.lower_ == prep.lower_
        for g in other.children
        if g.dep_ == "pobj"
    ]
