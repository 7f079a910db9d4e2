"""Event triggers in the parse: which tokens are events of the lexicon, and with which entry.

A *trigger* is a token whose lemma is in the event lexicon (a verb, a verb with its particle,
a light verb with a qualifying object -- "launched airstrikes" --, or a noun).  The most specific
entry wins: a phrase, then an entry whose condition the object meets, then the plain entry.
:mod:`~newsgraph.nlp.events.syntax` reads the trigger's arguments and modality.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Token

from newsgraph.nlp.knowledge.event_lexicon import EventLexicon, Trigger


@dataclass(frozen=True, slots=True)
class Found:
    """A trigger token with the lexicon entry it matched."""

    token: Token
    trigger: Trigger


#: How far after its verb a particle may stand ("set up", "backed it up", "called the deal off").
PARTICLE_REACH = 4


def _object_words(token: Token) -> set[str]:
    """Lemmas that can satisfy a ``when`` condition: objects, prepositions and their objects,
    open complements, and a passive's subject (with their modifiers and appositions: a name's
    apposition says what it names); the head words also as written, for conditions that name a
    plural ("suspended talks", "massed troops")."""
    words: set[str] = set()
    for child in token.children:
        dep = child.dep_
        if dep == "xcomp" and child.tag_ == "VBG":
            continue  # "they stop working": the act goes on or ends, it is no object ("stop work")
        if dep in ("dobj", "nsubjpass", "attr", "xcomp", "oprd", "dative", "npadvmod"):
            heads = [child] + [  # a partitive object: "part of the aid program", "all of its aid"
                g for p in child.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
            ]
            heads += [a for a in child.children if a.dep_ == "appos"]  # "Said, the ambassador in X,"
            for head in heads:
                words.update((head.lemma_.lower(), head.lower_))  # "talks": its lemma may be "talk"
                words.update(c.lemma_.lower() for c in head.children if c.dep_ in ("compound", "amod"))
        elif dep in ("prep", "prt"):
            words.add(child.lower_)
            for pobj in child.children:  # "into custody", "as illegal"
                words.update((pobj.lemma_.lower(), pobj.lower_))
                words.update(c.lemma_.lower() for c in pobj.children if c.dep_ in ("compound", "amod"))
                if pobj.dep_ == "pcomp":  # "prevented from attending a rally": the gerund's object
                    words.update(c.lemma_.lower() for c in pobj.children if c.dep_ == "dobj")
    if token.dep_ == "acl" and token.tag_ == "VBN":
        words.add(token.head.lemma_.lower())
    return words


def _particles(token: Token) -> set[str]:
    found = {c.lower_ for c in token.children if c.dep_ in ("prt", "prep", "agent")}
    for child in token.children:  # "calls for X to ...": the parser marks the clause with "for"
        if child.dep_ in ("advcl", "ccomp") and child.left_edge.dep_ == "mark":
            found.add(child.left_edge.lower_)
    return found


def _choose(candidates: tuple[Trigger, ...], particles: set[str], words: set[str]) -> Trigger | None:
    """The most specific entry that applies: phrase, then conditioned, then plain."""
    phrases = [t for t in candidates if t.particle is not None and t.particle in particles]
    for trigger in phrases:
        if not trigger.when or trigger.when & words:
            return trigger
    for trigger in candidates:
        if trigger.particle is None and trigger.when and trigger.when & words:
            return trigger
    return next((t for t in candidates if t.particle is None and not t.when), None)


def _predicate_words(token: Token) -> set[str]:
    """Words of the secondary predicate of "call X Y", "describe X as Y", "view X as Y": the
    ``oprd``/``attr``/``acomp`` complement or the "as" phrase, with their modifiers."""
    words: set[str] = set()
    for child in token.children:
        if child.dep_ in ("oprd", "attr", "acomp") or (child.dep_ == "prep" and child.lower_ == "as"):
            for word in [child, *child.children, *(g for c in child.children for g in c.children)]:
                if word.dep_ in ("oprd", "attr", "acomp", "pobj", "amod", "compound", "conj", "prep", "as"):
                    words.add(word.lemma_.lower())
                    words.add(word.lower_)
            words.add(child.lemma_.lower())
    return words


def _judging(candidates: tuple[Trigger, ...], token: Token, lexicon: EventLexicon) -> Trigger | None:
    """The criticism entry of a verb of calling or describing ("call * illegitimate") when its
    predicate is a strongly negative word of the judgement list: "viewed as illegal", "called
    the ban 'outrageous'", "views the arrival of troops as 'a threat'" (CAMEO 111)."""
    entry = next((t for t in candidates if t.cameo == "111" and lexicon.criticism <= t.when), None)
    if entry is None or not _predicate_words(token) & (lexicon.judgement | lexicon.criticism):
        return None
    return entry


def lemmas(token: Token) -> list[str]:
    """The token's lemma, then the base forms its inflection suggests when the lemmatizer erred
    ("staged" -> "stag" by spaCy; "stage" here): tried only when the lemma is no trigger."""
    lemma, word = token.lemma_.lower(), token.lower_
    found = [lemma]
    if token.tag_ in ("VBD", "VBN") and word.endswith("ed"):
        found += [word[:-1], word[:-2]]
    elif token.tag_ == "VBG" and word.endswith("ing"):
        found += [word[:-3], word[:-3] + "e"]
    elif token.tag_ in ("VBZ", "NNS") and word.endswith("s"):
        found += [word[:-1]]
    return found


def match(token: Token, lexicon: EventLexicon) -> Trigger | None:
    """The lexicon entry ``token`` triggers, or None.

    A verb with a particle the lexicon does not list for it is another verb ("backed up",
    "set up"), and a participle used as an adjective ("an attacking style") is no act.  A
    particle sits next to its verb or after a short object ("backed it up"); one parsed as a
    particle further on ("contacted the minister over housing for refugees out at sea") is not
    the verb's.
    """
    if token.tag_.startswith("VB") or token.pos_ == "VERB":
        lemma = next((x for x in lemmas(token) if x in lexicon.verbs), token.lemma_.lower())
        candidates = lexicon.verbs.get(lemma)
        if candidates is None or token.dep_ in ("amod", "compound"):
            return None
        particles = _particles(token)
        chosen = _choose(candidates, particles, _object_words(token))
        if chosen is None or not chosen.when:
            chosen = _judging(candidates, token, lexicon) or chosen
        prt = {c.lower_ for c in token.children if c.dep_ == "prt" and c.i - token.i <= PARTICLE_REACH}
        if chosen is not None and prt and chosen.particle not in prt:
            return None
        return chosen
    if token.pos_ == "NOUN":
        nouns = lexicon.nouns.get(token.lemma_.lower())
        if nouns is None:
            return None
        modifiers = {c.lemma_.lower() for c in token.children if c.dep_ in ("compound", "amod")}
        return _choose(nouns, set(), modifiers)
    return None


def find_triggers(tokens: Iterable[Token], lexicon: EventLexicon) -> list[Found]:
    """Every trigger among ``tokens``, in text order."""
    found = []
    verbs, nouns = lexicon.verbs, lexicon.nouns
    for token in tokens:
        lemma = token.lemma_
        if (
            lemma not in verbs
            and lemma not in nouns
            and lemma.lower() not in verbs
            and lemma.lower() not in nouns
            and not (token.tag_.startswith("VB") and any(x in verbs for x in lemmas(token)))
        ):
            continue
        trigger = match(token, lexicon)
        if trigger is not None:
            found.append(Found(token, trigger))
    return found
