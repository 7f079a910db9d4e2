"""Noun phrases of event actors: their extent, their conjuncts, and whether a head noun names
people or an organisation (the words an actor description may be headed by).

Kept apart from :mod:`~newsgraph.nlp.events.actors`, which resolves phrases to actors, because
these read only the parse and the word lists.
"""

from __future__ import annotations

from collections.abc import Collection
from functools import cache

from spacy.tokens import Token

from newsgraph.nlp.knowledge.agents import phoenix_agent_nouns
from newsgraph.nlp.knowledge.event_lexicon import load_event_lexicon
from newsgraph.nlp.knowledge.wordlists import wordlist

_BOUNDARY_DEPS = frozenset({"conj", "cc", "punct", "appos", "relcl", "acl", "advcl", "parataxis"})
QUANTIFIERS = wordlist("quantifiers")
#: Prepositions of topic and time: their phrase does not identify an actor.
_NOT_IDENTIFYING = frozenset(
    {"about", "over", "regarding", "concerning", "during", "after", "before", "since", "until", "amid"}
)
#: People and organisation nouns beyond the Phoenix agents list.
MORE_AGENTS = wordlist("more_agent_nouns")
NOT_AGENTS = wordlist("not_agent_nouns")


@cache
def agent_nouns() -> frozenset[str]:
    """Head nouns of actor descriptions (``lexicons/agent_nouns.tsv`` plus a few more)."""
    words = set(phoenix_agent_nouns())
    return frozenset((words | MORE_AGENTS) - NOT_AGENTS)


def is_agent_noun(token: Token) -> bool:
    """Whether a common noun names people or an organisation."""
    nouns = agent_nouns()
    return token.lemma_.lower() in nouns or token.lower_ in nouns


def np_bounds(head: Token) -> tuple[int, int]:
    """Token range ``[start, end)`` of the phrase headed by ``head``, without its conjuncts,
    appositions and clauses, nor a phrase of topic or time ("the ambassador [about the boats]",
    "officials [during the talks]"), which says nothing of who the actor is."""
    left, right = head.i, head.i
    for child in head.lefts:
        if child.dep_ not in _BOUNDARY_DEPS:
            left = min(left, child.left_edge.i)
    for child in head.rights:
        if child.dep_ in _BOUNDARY_DEPS or (child.dep_ == "prep" and child.lower_ in _NOT_IDENTIFYING):
            break  # "allies [and partners about their needs]": stop at the first conjunct
        right = max(right, child.right_edge.i)
    doc = head.doc
    while left < right and (doc[left].is_punct or doc[left].dep_ == "cc"):
        left += 1
    while right > left and doc[right].is_punct:
        right -= 1
    return left, right + 1


def conjuncts(token: Token) -> list[Token]:
    """The token and the nouns coordinated with it, in text order -- but not a closing "other"
    conjunct of common nouns ("the Northern Alliance and other resistance forces", "women and
    other protesters"): "other" names the unnamed rest of a class the conjuncts before it belong
    to, no actor of its own ("other MDC leaders" names its party and stays)."""
    found = [token]
    for other in token.conjuncts:
        if other.pos_ in ("NOUN", "PROPN", "PRON") and other.i != token.i:
            found.append(other)
    found.sort(key=lambda t: t.i)
    if len(found) > 1 and _unnamed_rest(found[-1]):
        found.pop()
    return found


#: Entity types that name whose a description is ("other MDC leaders", "other US officials").
_NAMED = frozenset({"ORG", "PERSON", "GPE", "NORP"})


def _unnamed_rest(head: Token) -> bool:
    """ "other protesters": a common noun under "other" with no name in its phrase."""
    modifiers = list(head.lefts)
    return (
        head.pos_ == "NOUN"
        and any(m.lower_ == "other" for m in modifiers)
        and not any(t.pos_ == "PROPN" or t.ent_type_ in _NAMED for m in modifiers for t in m.subtree)
    )


def count_word(token: Token) -> bool:
    """A determiner, number or quantity word at the start of a description."""
    return token.dep_ in ("det", "nummod", "quantmod", "predet") or token.lower_ in QUANTIFIERS


def names_an_act(head: Token) -> bool:
    """Whether a common noun names an act, not an actor: an event noun or verb of the lexicon
    ("aid", "march"), or the gerund of an event verb ("the killing of five soldiers").  An act
    is done by someone; it is never the one who does it, even when a name qualifies it."""
    if head.pos_ != "NOUN":
        return False
    lexicon = load_event_lexicon()
    lemma = head.lemma_.lower()
    if lemma in lexicon.nouns or lemma in lexicon.verbs:
        return True
    stem = lemma.removesuffix("ing")
    return stem != lemma and any(v in lexicon.verbs for v in (stem, stem + "e", stem[:-1]))


#: Participles that name a thing's owner in their "to" or "by" phrase ("belonging to X").
OWNING_PARTICIPLES = frozenset({"belong", "own", "run", "operate", "control"})


def owner_phrase(thing: Token) -> Token | None:
    """Whom a thing belongs to by a participle of owning: "servers belonging to the Democratic
    Party", "a prison run by the army", "bases operated by NATO"."""
    for acl in thing.children:
        if acl.dep_ == "acl" and acl.lemma_.lower() in OWNING_PARTICIPLES:
            for prep in acl.children:
                if prep.dep_ in ("prep", "agent") and prep.lower_ in ("to", "by"):
                    return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


#: Participles whose prefixed name holds a place ("the Hamas-controlled Gaza Strip").
CONTROLLING_PARTICIPLES = frozenset({"control", "hold", "run", "occupy"})


def holder_of_origin(act: Token) -> Token | None:
    """Who holds the place an act comes from: "rocket attacks from the Hamas-controlled Gaza
    Strip", "shelling from Taliban-held areas" -- the name before "-controlled" or "-held"."""
    for prep in act.children:
        if prep.dep_ != "prep" or prep.lower_ != "from":
            continue
        for origin in (c for c in prep.children if c.dep_ == "pobj"):
            for participle in origin.children:
                if participle.dep_ == "amod" and participle.lemma_.lower() in CONTROLLING_PARTICIPLES:
                    for holder in participle.children:
                        if holder.dep_ in ("npadvmod", "compound", "nmod", "amod") and holder.pos_ == "PROPN":
                            return holder
    return None


def companion(verb: Token) -> Token | None:
    """Who undergoes an act together with its target: "was abducted along with his colleague",
    "killed the driver together with two guards" -- the complement of "along/together with"."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("along", "together"):
            for with_ in prep.children:
                if with_.dep_ == "prep" and with_.lower_ == "with":
                    found = next((c for c in with_.children if c.dep_ in ("pobj", "pcomp")), None)
                    if found is not None:
                        return found
    return None


def generic_plural(head: Token | None) -> bool:
    """A bare plural of common nouns ("people", "journalists", "50 women"): no determiner, no
    possessor, no name in it -- people in general, or an indefinite number of them, not a
    group the text identifies ("the journalists", "our citizens", "Iraqi civilians")."""
    if head is None or head.pos_ != "NOUN" or head.tag_ != "NNS" or head.ent_type_:
        return False
    return not any(
        c.dep_ in ("det", "poss", "predet") or c.ent_type_ in _NAMED or c.pos_ == "PROPN"
        for c in head.children
    )


def named_member(group: Token | None) -> Token | None:
    """The named members a description of a group gives: "some groups, including CARE
    International", "rebel groups such as the ADF" -- the ones the text identifies (each named
    conjunct is coded); None when none is named."""
    if group is None or group.pos_ != "NOUN":
        return None
    for prep in group.children:
        if prep.dep_ != "prep":
            continue
        if prep.lower_ == "including" or (
            prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children)
        ):
            member = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if member is not None and (member.pos_ == "PROPN" or member.ent_type_ in _NAMED):
                return member
    return None


def maker(thing: Token | None) -> Token | None:
    """Who made, backed or put forward a thing, by the "by" phrase of a participle modifying it:
    "a scheme backed by the Red Cross", "the bill drafted by the opposition", "a plan put
    forward by Egypt" -- judging the thing (rejecting, criticising, welcoming it) judges them."""
    if thing is None:
        return None
    for acl in thing.children:
        if acl.dep_ != "acl" or acl.tag_ != "VBN":
            continue
        for by in acl.children:
            if by.dep_ in ("agent", "prep") and by.lower_ == "by":
                found = next((c for c in by.children if c.dep_ == "pobj"), None)
                if found is not None:
                    return found
    return None


def identified(recipient: Token | None, direct_speech: bool) -> Token | None:
    """The recipient the text identifies: the named members of a group (:func:`named_member`);
    none for a bare plural in direct speech (:func:`generic_plural`: people in general)."""
    if direct_speech and generic_plural(recipient):
        return None
    return named_member(recipient) or recipient


#: Entity types of time and amount: never a recipient ("on Friday", "for $5 million").
_NOT_RECIPIENTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL"})


def named_complement(token: Token, deps: tuple[str, ...], text: str | None) -> Token | None:
    """The complement of the first phrase with this preposition that is no date or amount:
    "called on Friday on the government" -> government (a verb may take "on" twice)."""
    for child in token.children:
        if child.dep_ in deps and (text is None or child.lower_ == text):
            found = next((c for c in child.children if c.dep_ == "pobj"), None)
            found = found or next((c for c in child.children if c.dep_ == "pcomp"), None)
            if found is not None and found.ent_type_ not in _NOT_RECIPIENTS:
                return found
    return None


PATIENT_NOUNS = wordlist("patient_possessor_nouns")


def patient_possessor(token: Token) -> Token | None:
    """Who underwent an act named by a noun of undergoing: "her arrest", "his killing", "Ana's
    detention" name the arrested, the killed, the detained -- the noun's object, not its doer
    (which a "by" phrase gives: "his detention by the police").  Only a person possessor and only
    without an "of" object: "Israel's arrest of two men" keeps Israel as the doer."""
    if token.lemma_.lower() not in PATIENT_NOUNS or any(
        c.dep_ == "prep" and c.lower_ == "of" for c in token.children
    ):
        return None
    poss = next((c for c in token.children if c.dep_ == "poss"), None)
    if poss is not None and (poss.lower_ in ("his", "her", "their") or poss.ent_type_ == "PERSON"):
        return poss
    return None


#: Bodies named after the person who leads them: "the Biden administration" is not Biden.
LEADER_BODIES = frozenset({"administration", "government", "cabinet", "regime", "campaign"})


def proper_name(name: str, names: Collection[str]) -> str:
    """An entity's name without the common noun the recogniser took in after it, when the text
    names the group without it too ("the Hezb-e-Islami Gulbuddin militia" and "Hezb-e-Islami
    Gulbuddin", as "the Hamas movement" is Hamas); not for a body named after its leader."""
    words = name.split()
    if words[-1] in LEADER_BODIES:
        return name
    kept = len(words)
    while kept > 1 and words[kept - 1].isalpha() and words[kept - 1].islower():
        kept -= 1
    short = " ".join(words[:kept])
    return short if kept < len(words) and short in names else name
