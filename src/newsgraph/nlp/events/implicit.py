"""Acts read from what the text leaves implicit: the state behind an agentless arrest, the unknown
attacker behind an attack told by its weapon, an announced act that is an ultimatum, and a
"release" that publishes rather than frees.

- Only states arrest, detain and deport, so an agentless arrest is the state's
  (:func:`implicit_source`).
- The CAMEO verb dictionary codes "BOMBING/EXPLOSION *" and "* (IN BOMBING/EXPLOSION)" as
  bombings (183) with nobody named: "a roadside bombing killed two soldiers" is an attack by
  unidentified bombers (:func:`unknown_attackers`), in political articles only, and not when the
  weapon has an owner ("U.S. airstrikes hit" is coded from the noun).
- An attack told without its author on a named victim ("Shakir was shot dead", "attacks against
  the government have increased") is by unidentified attackers, as a bombing is
  (:func:`unnamed_perpetrators`).
- "will withdraw its force unless X arranges a ceasefire" is a threat (:func:`ultimatum`).
- "released a statement" frees no one (:func:`publication_released`).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from newsgraph.nlp.events.actors import Actor, ActorResolver
from newsgraph.nlp.events.syntax import is_passive, noun_source, passive_agent
from newsgraph.nlp.knowledge.wordlists import wordlist
from newsgraph.nlp.syntax import DOCUMENT_NOUNS

#: Acts only a state performs; an agentless passive's source is the country it happened in.
STATE_ACTS = frozenset({"COERCE"})
#: CAMEO codes only a state's courts perform (116 find guilty): also credited to the state.
STATE_CODES = frozenset({"116"})
#: Participles whose prefixed name runs the place ("a US-run prison").
RUNNING_PARTICIPLES = frozenset({"run", "operate", "control", "administer"})
#: Verbs that free someone; with a publication as object they publish it ("released a statement").
RELEASE_VERBS = frozenset({"release", "free"})
PUBLICATIONS = DOCUMENT_NOUNS | wordlist("published_things")
#: Weapons and blasts that kill with no author named (CAMEO "BOMBING/EXPLOSION *" patterns).
ATTACK_INSTRUMENTS = wordlist("attack_instruments")
BOMBING_INSTRUMENTS = wordlist("bombing_instruments")


def implicit_source(
    token: Token, plover: str, cameo: str, resolver: ActorResolver, agentless: bool = False
) -> list[Actor]:
    """The state behind an agentless arrest, detention or expulsion.

    Only states arrest, detain and deport, so "was arrested in Pakistan" names its actor by
    place: the state that runs the place of the clause's "in" phrase ("held in a US-run
    prison", also "the prison where he was held"), else the country of that place, else the
    article's main country.  ``agentless`` marks an act told with its author left out in the
    active voice ("X faces charges").  Other agentless acts ("132 people were killed") stay
    without a source and are not coded.
    """
    if (plover not in STATE_ACTS and cameo not in STATE_CODES) or not (agentless or is_passive(token)):
        return []
    places = [
        g for c in token.children if c.dep_ == "prep" and c.lower_ in ("in", "inside") for g in c.children
    ]
    if token.dep_ == "relcl" and any(c.lower_ == "where" for c in token.children):
        places.append(token.head)  # "the United States, where he faces charges"
    for place in places:
        if place.dep_ == "pobj" or place is token.head:
            country = _runner(place, resolver) or resolver.country_at(place)
            if country is not None:
                return [resolver.country_actor(country)]
    main = resolver.main_country()
    return [resolver.country_actor(main)] if main else []


def _runner(place: Token, resolver: ActorResolver) -> str | None:
    """The country that runs a place: "the US-run detention centre", "a Russian-controlled
    prison" (the name before "-run", "-controlled", "-operated")."""
    for participle in place.children:
        if participle.dep_ == "amod" and participle.lemma_.lower() in RUNNING_PARTICIPLES:
            for name in participle.children:
                if name.dep_ in ("npadvmod", "compound", "nmod", "amod"):
                    country = resolver.country_at(name)
                    if country is not None:
                        return country
    return None


def ultimatum(token: Token) -> bool:
    """An announced act made conditional on the other side's conduct ("will withdraw its force
    unless X arranges a ceasefire"): a threat (CAMEO 13x), whatever the act."""
    return any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
        for c in token.children
    )


def publication_released(lemma: str, obj: Token | None) -> bool:
    """Whether a verb of freeing has a publication as its object ("released a statement", "a
    training video"): no captive is freed."""
    return lemma in RELEASE_VERBS and obj is not None and obj.lemma_.lower() in PUBLICATIONS


def _instrument(token: Token) -> str | None:
    """The weapon or blast a violent verb names instead of its author: its subject ("a roadside
    bombing killed"), or the "by"/"in" phrase of its passive ("killed in a car bomb explosion",
    "killed by an improvised explosive device"); the unknown attacker is then the source."""
    if token.pos_ not in ("VERB", "AUX"):
        return None
    heads = [c for c in token.children if c.dep_ == "nsubj"]
    if is_passive(token):
        heads = [
            g
            for c in token.children
            if c.dep_ in ("agent", "prep") and c.lower_ in ("by", "in")
            for g in c.children
            if g.dep_ == "pobj"
        ]
    for head in heads:
        words = [head.lemma_.lower()] + [c.lemma_.lower() for c in head.children if c.dep_ == "compound"]
        if words[0] in ATTACK_INSTRUMENTS and noun_source(head) is None:  # not "U.S. airstrikes hit"
            return next((w for w in words if w in BOMBING_INSTRUMENTS), words[0])
    return None


def unknown_attackers(
    token: Token, plover: str, resolver: ActorResolver
) -> tuple[list[Actor], str | None] | None:
    """For an attack told by its weapon: the sources (unidentified bombers or attackers in a
    political article, none elsewhere) and the CAMEO code (183 for a bombing, else unchanged);
    None when the act is not told by a weapon."""
    instrument = _instrument(token) if plover == "ASSAULT" else None
    if instrument is None:
        return None
    bombing = instrument in BOMBING_INSTRUMENTS
    name = "unidentified bombers" if bombing else "unidentified attackers"
    sources = [Actor(name, None, None, True)] if resolver.political_article else []
    return sources, "183" if bombing else None


#: CAMEO abductions (181: abduct, hijack, take hostage): their unnamed authors are kidnappers.
ABDUCTION_CODES = frozenset({"181"})
#: CAMEO attacks aimed at one person: abduction (181) and assassination (186).
PERSONAL_ATTACK_CODES = frozenset({"181", "186"})
#: Verbs of shooting someone, the commonest unattributed killing ("was shot dead").
SHOOTING_VERBS = frozenset({"shoot", "gun"})


def unnamed_perpetrators(token: Token, plover: str, cameo: str, resolver: ActorResolver) -> list[Actor]:
    """The unknown author of an attack on a person told by an agentless passive: "Shakir was shot
    dead", "Daparkhel, kidnapped on August 11, ..." (CAMEO 181 abduct, 186 assassinate, and
    shooting).  The caller codes it only when the victim is a named person, outside direct
    speech, in a political article: "26 civilians were killed" or "the village was bombed" tell
    of a campaign whose author the article names elsewhere."""
    if plover != "ASSAULT" or not resolver.political_article or token.pos_ != "VERB":
        return []
    if not (cameo in PERSONAL_ATTACK_CODES or token.lemma_.lower() in SHOOTING_VERBS):
        return []
    if not is_passive(token) or passive_agent(token) is not None:
        return []
    name = "unidentified kidnappers" if cameo in ABDUCTION_CODES else "unidentified attackers"
    return [Actor(name, None, None, True)]


#: Determiners that introduce a new referent ("a wave of attacks", "some attacks").
INDEFINITE = frozenset({"a", "an", "some", "several", "many", "more", "new", "further", "no"})


def unclaimed_attacks(
    token: Token, plover: str, targets: list[Actor | None], resolver: ActorResolver
) -> list[Actor]:
    """The unknown author of attacks told as a noun against a named state or organisation, with
    nobody's name on them ("Attacks against the government and its Ethiopian backers have
    increased", "a wave of attacks on NATO"): unidentified attackers, as for an agentless
    shooting.  The caller asks this only outside quotes and when no source was found; a noun with
    an owner ("al-Qaeda attacks", "the army's attacks") has its owner as source already.  A
    definite noun ("the attacks on Israel", "the invasion of X") refers back to attacks told
    before, whose author is named there or left unknown: only a new mention introduces them."""
    if plover != "ASSAULT" or token.pos_ != "NOUN" or not resolver.political_article:
        return []
    if any(c.dep_ in ("det", "poss") and c.lower_ not in INDEFINITE for c in token.children):
        return []
    if not any(t is not None and (t.entity or t.country) and t.political for t in targets):
        return []
    return [Actor("unidentified attackers", None, None, True)]


def unknown_authors(
    token: Token,
    plover: str,
    cameo: str,
    targets: list[Actor | None],
    resolver: ActorResolver,
    is_person: Callable[[Actor | None], bool],
) -> list[Actor]:
    """The unknown author of an attack told with nobody's name on it, outside quotes: on a named
    person by an agentless passive (:func:`unnamed_perpetrators`), on a state or organisation by
    a noun (:func:`unclaimed_attacks`)."""
    if any(is_person(t) for t in targets):
        return unnamed_perpetrators(token, plover, cameo, resolver)
    return unclaimed_attacks(token, plover, targets, resolver)
