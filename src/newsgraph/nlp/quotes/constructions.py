"""Statements whose cue is not one verb with its complement (read by :mod:`.attribution`).

A cue lexicon entry says which complement of a verb is its content.  Some common ways of
reporting a position spread the cue over several words, so no single entry can describe them:

- a light verb with a predicate: "X made (it) clear (that) Y";
- blame as a judgement (CAMEO's HOLD * RESPONSIBLE pattern): "X held Y responsible for Z";
- a pseudo-cleft, whose subject names the statement and whose "be" gives its content: "What X
  said was that Y", "The one thing X admitted was that Y", "The main allegation against X was
  that Y" (a nominal cue of the lexicon as the subject).

Each finder returns the cue, the source and the token range of the content, or None.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from newsgraph.nlp.knowledge.cues import CueLexicon
from newsgraph.nlp.syntax import RELATIVE, source_token

#: Predicates of "hold X ... for Y" that make it an attribution of blame.
_BLAME_PREDICATES = frozenset({"responsible", "accountable", "liable", "culpable"})
_CLAUSES = frozenset({"ccomp", "advcl", "xcomp"})


@dataclass(frozen=True, slots=True)
class Construction:
    """A cue (first and last token), its source and its content (first and last token)."""

    cue: Token
    cue_last: Token
    source: Token | None
    first: int
    last: int


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children)


def made_clear(verb: Token) -> Construction | None:
    """ "made clear that X", "made it clear X", "has made clear its opposition to X".

    The parser makes "clear" a clausal or adjectival child of "make" and hangs the content on
    either of them; an object "it" is the placeholder of the clause, not the content."""
    if verb.lemma_.lower() != "make" or _negated(verb):
        return None
    clear = next((c for c in verb.children if c.lower_ == "clear" and c.i > verb.i), None)
    if clear is None:
        return None
    content = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > clear.i), None)
    content = content or next((c for c in clear.children if c.dep_ in _CLAUSES and c.i > clear.i), None)
    if content is None:
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > clear.i), None)
        content = obj if obj is not None and obj.pos_ in ("NOUN", "PROPN") else None
    if content is None:
        return None
    return Construction(verb, clear, source_token(verb), content.left_edge.i, content.right_edge.i)


def held_responsible(verb: Token) -> Construction | None:
    """ "held the rebels responsible for the attack", "holds the company accountable": the span
    runs from the one held to the end of the predicate (as for "called X a Y")."""
    if verb.lemma_.lower() != "hold" or _negated(verb):
        return None
    # the parser may split a coordinated object in two ("held [Hamas and X]dobj [militants]dobj
    # responsible") and hang the predicate on the last conjunct: every object is held
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    pred = next((c for c in verb.children if c.lower_ in _BLAME_PREDICATES and c.i > verb.i), None)
    for obj in objs:
        pred = pred or next(
            (t for t in obj.subtree if t.lower_ in _BLAME_PREDICATES and t.dep_ == "amod"), None
        )
    if pred is None:
        return None
    held = objs or [c for c in pred.children if c.dep_ == "nsubj"]
    if not held or any(h.pos_ == "PRON" and h.lower_ == "it" for h in held):
        return None
    first = min(pred.left_edge.i, *(h.left_edge.i for h in held))
    last = max(pred.right_edge.i, *(h.right_edge.i for h in held))
    return Construction(verb, verb, source_token(verb), first, last)


def pseudo_cleft(be: Token, lexicon: CueLexicon) -> Construction | None:
    """ "What X said was that Y" / "The one thing X admitted was that Y" / "The allegation
    against X was that Y": the subject names a statement, the that-clause after "be" is it."""
    if be.lemma_ != "be" or _negated(be):
        return None
    clause = next((c for c in be.children if c.dep_ == "ccomp" and c.i > be.i and _that(c)), None)
    if clause is None:
        return None
    found = _statement_subject(be, lexicon)
    if found is None:
        return None
    cue, source = found
    return Construction(cue, cue, source, clause.left_edge.i, clause.right_edge.i)


def _statement_subject(be: Token, lexicon: CueLexicon) -> tuple[Token, Token | None] | None:
    """The cue that the subject of "be" names, and its source."""
    for child in be.children:
        if child.i > be.i:
            continue
        cue = child.dep_ == "csubj" and lexicon.verb_patterns(child.lemma_) is not None
        if cue and any(c.dep_ == "dobj" and c.lower_ == "what" for c in child.children):
            return child, _own_subject(child)  # "What X said was ..."
        if child.dep_ != "nsubj":
            continue
        noun = child
        if noun.lower_ == "one":  # "One of the main allegations ... was"
            of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            noun = next((c for c in of.children if c.dep_ == "pobj"), noun) if of is not None else noun
        relcl = next(
            (c for c in noun.children if c.dep_ == "relcl" and lexicon.verb_patterns(c.lemma_) is not None),
            None,
        )
        if relcl is not None and not _negated(relcl):
            return relcl, _own_subject(relcl)  # "The one thing X admitted was ..."
        if "that" in lexicon.nouns.get(noun.lemma_.lower(), frozenset()):
            owner = next((c for c in noun.children if c.dep_ == "poss"), None)
            return noun, owner  # "The allegation against X was ...", "His claim was ..."
    return None


def _that(clause: Token) -> bool:
    return any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)


def _own_subject(verb: Token) -> Token | None:
    """The verb's own subject; a relative pronoun ("the claim that was made") names nobody."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ in RELATIVE or subject.lower_ == "that":
        return None
    return subject
