"""Acts told from the recipient's side: "the rebels received weapons from Iran".

The CAMEO verb dictionary codes RECEIVE with its roles swapped (its codes written ``[:072]``):
the one named after "from" gave, the subject received.  The thing received decides the act;
the table below keeps the CAMEO.2.0 RECEIVE patterns whose act has happened when it is
received (a delivered loan, a shipment of food, a letter), plus the plain aid nouns of the 07x
family, and leaves out what CAMEO codes as an intent or a verbal act (a pledge, a grant, a
threat reported by its target).  Receiving also gets said with "get" and "obtain"; "accept"
is left to the lexicon, where accepting is an agreement.

CAMEO codes "FACE * CHARGE" with its roles swapped too (``[:112]``): "X faces charges" is told
from the accused's side, with the one who charges unnamed -- it says what "X was charged" says,
and is coded as the lexicon codes that, a legal action (COERCE 173) by the state
(:func:`faced_charges`; the state is found as for an agentless arrest).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from newsgraph.nlp.knowledge.event_lexicon import Trigger

#: Verbs of receiving (CAMEO.2.0 synset RECEIVE / GET).
RECEIVING_VERBS = frozenset({"receive", "get", "obtain"})
#: What is received -> (PLOVER type, CAMEO code): CAMEO.2.0 RECEIVE patterns ("* DONATIONS
#: [:070]", "* LOAN [:071]", "* {&MILITARY EQUIPMENT} [:072]", "* TANKS [:072]", "* SHIPMENT (OF
#: &FOOD) [:073]", "* BACKING [:051]", "* INVITATION [:026]", "* MESSAGE [:040]", "* LETTER
#: [:040]") and the aid nouns of CAMEO 07x.
RECEIVED_ACTS: dict[str, tuple[str, str]] = {
    "aid": ("AID", "070"),
    "assistance": ("AID", "070"),
    "help": ("AID", "070"),
    "donation": ("AID", "070"),
    "loan": ("AID", "071"),
    "funding": ("AID", "071"),
    "weapon": ("AID", "072"),
    "arm": ("AID", "072"),
    "tank": ("AID", "072"),
    "ammunition": ("AID", "072"),
    "training": ("AID", "072"),
    "food": ("AID", "073"),
    "medicine": ("AID", "073"),
    "shipment": ("AID", "073"),
    "backing": ("SUPPORT", "051"),
    "endorsement": ("SUPPORT", "051"),
    "invitation": ("REQUEST", "026"),
    "message": ("CONSULT", "040"),
    "letter": ("CONSULT", "040"),
}


@dataclass(frozen=True, slots=True)
class Received:
    """A receiving verb coded as the giver's act: its trigger, giver and recipient tokens."""

    trigger: Trigger
    token: Token
    giver: Token | None
    recipient: Token


def _from_phrase(token: Token) -> Token | None:
    """The object of "from" on the verb or on the thing received ("aid from Iran")."""
    for head in (token, *(c for c in token.children if c.dep_ == "dobj")):
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "from":
                return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


def received_acts(tokens: Iterable[Token]) -> Iterator[Received]:
    """Each "X received <act noun> from Y" (active voice, with a subject) as Y's act on X."""
    for token in tokens:
        if token.pos_ != "VERB" or token.lemma_.lower() not in RECEIVING_VERBS:
            continue
        thing = next((c for c in token.children if c.dep_ == "dobj"), None)
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        giver = _from_phrase(token)
        if thing is None or subject is None or giver is None:
            continue
        act = RECEIVED_ACTS.get(thing.lemma_.lower())
        if act is None:
            continue
        plover, cameo = act
        if plover == "AID" and any(c.lower_ == "military" for c in thing.children):
            cameo = "072"  # CAMEO "{&MILITARY AID}", "{&MILITARY EQUIPMENT}"
        trigger = Trigger("verb", token.lemma_.lower(), None, plover, cameo, (), frozenset(), None)
        yield Received(trigger, token, giver, subject)


#: Verbs of undergoing (CAMEO "FACE * CHARGE [:112]").
FACING_VERBS = frozenset({"face"})
#: Legal actions one faces: each is the state's (COERCE 173, as "was charged" is).  Not "trial",
#: which a team faces on the pitch as often as a suspect in court.
FACED_LEGAL_ACTIONS = frozenset({"charge", "prosecution", "indictment"})


def faced_charges(tokens: Iterable[Token]) -> Iterator[Received]:
    """Each "X faces charges / prosecution" (active voice, with a subject) as a legal action on X whose
    author is left to the state (module docstring)."""
    for token in tokens:
        if token.pos_ != "VERB" or token.lemma_.lower() not in FACING_VERBS:
            continue
        thing = next((c for c in token.children if c.dep_ == "dobj"), None)
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if thing is None or subject is None or thing.lemma_.lower() not in FACED_LEGAL_ACTIONS:
            continue
        trigger = Trigger("verb", token.lemma_.lower(), None, "COERCE", "173", (), frozenset(), None)
        yield Received(trigger, token, None, subject)
