"""Who is asked, when an appeal names an act to stop rather than an addressee.

"The EU called for an end to Israeli settlement building", "urged a halt to Russian air strikes":
the appeal is addressed to whoever does the act (CAMEO.2.0: "CALL * END [020]", "DEMAND * END
(TO OFFENSIVE) [1056]", "PROPOSE * CESSATION (IN &FIGHT) [0256]").  The act's author is read
as for any act noun (its possessor or its country modifier); an act with no author ("an end
to the violence") leaves the appeal without a target, and "the release of the hostages" names
no author to stop anything.

A request named by a noun is addressed to whoever answers it: "YouTube complied with the
Church's requests", "Israel rejected the demands", "the government met their demands" -- the
subject of a verb of answering whose object the request is (:func:`who_answers`).
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.nlp.events.syntax import noun_source, verb_source

#: Nouns of stopping: what they stop is the act of the one asked.
STOPPING_NOUNS = frozenset({"end", "halt", "cessation", "stop", "suspension", "freeze", "moratorium"})
_REQUESTED_DEPS = frozenset({"dobj", "pobj"})
_ACT_PREPOSITIONS = frozenset({"of", "to", "on", "in"})


def _objects(head: Token, deps: frozenset[str], prepositions: frozenset[str]) -> list[Token]:
    found = [c for c in head.children if c.dep_ in deps]
    for prep in head.children:
        if prep.dep_ in ("prep", "prt") and prep.lower_ in prepositions:
            found += [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
    return found


def author_asked_to_stop(trigger: Token) -> Token | None:
    """The author of the act an appeal asks to end: "called for an end to Israeli
    incursions" -> Israeli; None when the appeal asks for anything else."""
    for requested in _objects(trigger, frozenset({"dobj"}), frozenset({"for"})):
        if requested.dep_ not in _REQUESTED_DEPS or requested.lemma_.lower() not in STOPPING_NOUNS:
            continue
        for act in _objects(requested, frozenset(), _ACT_PREPOSITIONS):
            author = noun_source(act)
            if author is not None:
                return author
    return None


#: Verbs of answering a request: their subject is the one asked.
ANSWERING_VERBS = frozenset(
    {
        "comply",
        "heed",
        "meet",
        "satisfy",
        "fulfil",
        "fulfill",
        "grant",
        "accept",
        "reject",
        "refuse",
        "ignore",
    }
)


def who_answers(request: Token) -> Token | None:
    """The subject of the verb that answers a request noun ("complied with X's requests",
    "rejected the demands"), as its addressee; None otherwise."""
    head = request.head
    if request.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("with", "to"):
        head = head.head
    elif request.dep_ != "dobj":
        return None
    if head.pos_ != "VERB" or head.lemma_.lower() not in ANSWERING_VERBS:
        return None
    return verb_source(head)


#: What a source asks of the press when it asks not to be "named", "identified" or "quoted".
_IDENTIFYING_VERBS = frozenset({"name", "identify", "quote", "cite"})
_ANONYMITY_NOUNS = frozenset({"anonymity", "confidentiality"})


def anonymity_request(token: Token) -> bool:
    """Whether a request is a source's request to the reporter for anonymity ("who asked not to
    be named", "requested anonymity", "asked that his name not be used"): a convention of
    sourcing, no appeal between political actors."""
    for child in token.children:
        negated = any(c.dep_ == "neg" for c in child.children)
        if negated and child.dep_ in ("xcomp", "ccomp") and child.lemma_.lower() in _IDENTIFYING_VERBS:
            return True  # "asked not to be named"
        if (
            negated
            and child.dep_ == "ccomp"
            and any(c.lower_ == "name" and c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
        ):
            return True  # "asked that his name not be used"
        if child.dep_ == "dobj" and child.lemma_.lower() in _ANONYMITY_NOUNS:
            return True  # "requested anonymity"
    return False
