"""Prepositional phrases that name an actor away from the word they complete.

- Coordinations the parser splits at a preposition: "by the government of Colombia and by the
  United States" coordinates the two "by", not their objects, so the second object is no
  conjunct of the first and an actor phrase read from the first object alone would lose it (the
  gold convention and CAMEO code one event per actor).
- The agent of an act noun told through a passive participle: "attacks carried out on four
  villages by the Sudanese military" -- the "by" phrase belongs to "carried out", yet it names
  who attacked, as "attacks by the military" would.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.nlp.events.syntax import passive_agent


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


def participle_agent(act: Token) -> Token | None:
    """The "by" agent of the passive participle that modifies an act noun ("attacks carried out
    by the military", "the raid conducted by Kenyan troops"), or None."""
    done = next((c for c in act.children if c.dep_ == "acl" and c.tag_ == "VBN"), None)
    return passive_agent(done) if done is not None else None
