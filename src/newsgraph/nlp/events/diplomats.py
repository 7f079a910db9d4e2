"""A recalled or withdrawn diplomat stands for the country that hosted them.

CAMEO codes "RECALL * AMBASSADOR" and "WITHDRAW * AMBASSADOR" as a reduction of relations
(161) with the host state: "Peru recalled its ambassador to Venezuela" is Peru's act on
Venezuela, not on its own ambassador.  The host is the place of the diplomat's "in"/"to"/"at"
phrase ("its envoy in Caracas", "the Egyptian ambassador in Israel", on the noun or on a name's
apposition) or of the verb's "to"/"from"/"in" phrase ("recalled its envoy from Venezuela"), as
its country; never the acting state itself.  A diplomat with no such phrase keeps the ordinary
reading ("expelled the Israeli envoy": the envoy's state, from the nationality).
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.nlp.events.actors import Actor, ActorResolver
from newsgraph.nlp.knowledge.cities import city_country
from newsgraph.nlp.knowledge.gazetteer import gazetteer, lookup
from newsgraph.nlp.knowledge.wordlists import wordlist

#: Nouns of a state's representatives abroad and their missions.
DIPLOMAT_NOUNS = wordlist("diplomat_nouns")
#: Prepositions naming where a diplomat serves ("the ambassador in/to/at X"); "from" too after a
#: possessor, whose own diplomat comes home from the host ("recalled its ambassador from X").
POST_PREPOSITIONS = frozenset({"in", "to", "at"})
#: Prepositions of the verb naming where a diplomat is called back from ("recalled X from Y"),
#: or where the diplomat served when the parser hangs the noun's phrase on the verb.
VERB_PREPOSITIONS = frozenset({"to", "from", "in"})


def _place(prep: Token, resolver: ActorResolver) -> str | None:
    """ISO-3 of the country of a preposition's place complement."""
    for pobj in prep.children:
        if pobj.dep_ != "pobj":
            continue
        country = resolver.country_at(pobj)
        if country is None:  # a country or city the entities left untagged ("Tel Aviv")
            name = " ".join([c.text for c in pobj.lefts if c.dep_ == "compound"] + [pobj.text])
            hit = lookup(gazetteer().country_names, name)
            country = hit.iso3 if hit is not None else city_country(name)
        if country is not None:
            return country
    return None


def host_country(target: Token | None, verb: Token, resolver: ActorResolver) -> Actor | None:
    """The host country of a diplomat ``target`` of ``verb`` (module docstring), or None."""
    if target is None:
        return None
    heads = [target, *(c for c in target.children if c.dep_ == "appos")]
    diplomats = [h for h in heads if h.lemma_.lower() in DIPLOMAT_NOUNS]
    if not diplomats:
        return None
    preps = [
        (p, POST_PREPOSITIONS | ({"from"} if any(c.dep_ == "poss" for c in d.children) else set()))
        for d in diplomats
        for p in d.children
        if p.dep_ == "prep"
    ]
    preps += [(p, VERB_PREPOSITIONS) for p in verb.children if p.dep_ == "prep"]
    for prep, allowed in preps:
        if prep.lower_ in allowed:
            country = _place(prep, resolver)
            if country is not None:
                return resolver.country_actor(country)
    return None
