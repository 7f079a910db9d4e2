"""Reported content of a passive cue with its source in a ``by`` phrase.

The gold guidelines count "X is considered a terrorist group by Y", "the election was viewed as
illegal by Y" and "the label is disputed by Y" as Y's statements (an agentless passive -- "is
considered", "it is believed" -- names no source and stays out).  In the passive the content is
where the active object was: the predicate ("a terrorist group"), the "as" phrase ("as
illegal"), or, for verbs whose object is the content (dispute, deny, reject), the subject.  The
small model often hangs the ``by`` phrase on the predicate instead of the verb
("considered [a terrorist group by the government]"); the agent is then read from there and the
content ends before it.
"""

from __future__ import annotations

from spacy.tokens import Token


def is_passive(verb: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in verb.children)


def passive_agent(verb: Token) -> Token | None:
    """The source of a passive cue: the ``by`` phrase of the verb or of its predicate."""
    if not is_passive(verb):
        return None
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    by = _inner_by(verb)
    return next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None


def passive_content(verb: Token, patterns: frozenset[str]) -> tuple[int, int, str] | None:
    """Token range of the content of a passive cue (module docstring), and its pattern."""
    if not is_passive(verb) or passive_agent(verb) is None:
        return None
    by = _inner_by(verb)
    for child in verb.children:
        if child.dep_ == "oprd" and "oprd" in patterns:  # "is considered [a terrorist group]"
            return child.left_edge.i, _before(child.right_edge.i, by), "oprd"
        if child.dep_ == "prep" and child.lower_ == "as" and "as" in patterns:  # "viewed [as illegal]"
            return child.i, _before(child.right_edge.i, by), "as"
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is not None and subject.i < verb.i and ("dobj" in patterns or "dobjq" in patterns):
        return subject.left_edge.i, subject.right_edge.i, "dobj"  # "[the label] is disputed by"
    return None


def _inner_by(verb: Token) -> Token | None:
    """A ``by`` phrase the parser attached inside the predicate or "as" phrase."""
    for child in verb.children:
        if child.dep_ == "oprd" or (child.dep_ == "prep" and child.lower_ == "as"):
            for tok in child.subtree:
                if tok.dep_ in ("prep", "agent") and tok.lower_ == "by" and tok.head.i != verb.i:
                    return tok
    return None


def _before(right: int, by: Token | None) -> int:
    return by.i - 1 if by is not None and by.i <= right else right


def quoted_speaker(cue: Token) -> Token | None:
    """ "X was quoted (by Y) as saying ...", "Y quoted X as saying ...": X said it, Y only
    reports it (the innermost identifiable source, as in nested attribution)."""
    prep = cue.head
    if cue.dep_ != "pcomp" or prep.lower_ != "as" or prep.head.lemma_.lower() != "quote":
        return None
    quote = prep.head
    role = "nsubjpass" if is_passive(quote) else "dobj"
    return next((c for c in quote.children if c.dep_ == role), None)
