"""Uses of event verbs that are statements of opinion, not acts (CAMEO 01x, not coded).

"Warned that the toll may rise", "asked officials how ...", "declined to comment", "agreed with
the prosecutors that ..." use the words of threats, requests, refusals and agreements to state
a view; the gold convention and CAMEO code no event for them.  Read by
:func:`newsgraph.nlp.events.syntax.modality` (the mood "statement").
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.nlp.knowledge.wordlists import wordlist

#: Verbs whose to-clause did not (or will not) happen.
FAILURE_VERBS = wordlist("failure_verbs")
#: What one refuses when one declines to comment (CAMEO 011, not coded).
DISCLOSURE_VERBS = wordlist("disclosure_verbs")
#: What one says or holds: agreeing "with" one of them shares an opinion ("agreed with the
#: prosecution's arguments"), it is no agreement to act.
OPINION_NOUNS = frozenset(
    {"argument", "view", "assessment", "claim", "assertion", "opinion", "position", "conclusion", "finding"}
)

#: Verbs of disapproval that the CAMEO verb dictionary files under VERBAL_CONFLICT [110] and the
#: lexicon codes as rejections (120).
DISAPPROVAL_VERBS = frozenset({"oppose"})


def disapproval(token: Token) -> bool:
    """Whether a verb of disapproval with an object needs an actor to reject: one rejects what
    another actor proposes or demands ("opposed the deployment of a peacekeeping force"); with no
    such actor ("the church opposes the bill", "groups who oppose same-sex marriage") it is an
    opinion.  The stance "is opposed to X" stays a rejection, as the PLOVER examples code it."""
    return token.lemma_.lower() in DISAPPROVAL_VERBS and any(c.dep_ == "dobj" for c in token.children)


def statement_only(token: Token) -> bool:
    """Uses of event verbs that are statements of opinion or questions (CAMEO 01x, not
    coded): "warned that the toll may rise", "asked officials how ...", "refused to
    comment", "declined to give details", "conceded that ...", "agreed with the prosecutors that ...", "agreed
    with their arguments" (one shares a view with someone, one does not agree to an act)."""
    lemma = token.lemma_.lower()
    deps = {c.dep_ for c in token.children}
    preps = {c.lower_ for c in token.children if c.dep_ == "prep"}
    if lemma == "warn":  # "warned Israel that ...": a warning addressed to someone is a threat
        addressed = "dobj" in deps or "dative" in deps
        return "ccomp" in deps and not preps & {"of", "against"} and "xcomp" not in deps and not addressed
    if lemma == "concede":  # "conceded that mistakes were made": an admission
        return "ccomp" in deps
    if lemma == "ask":
        return "xcomp" not in deps and "for" not in preps and not _that_clause(token)
    if lemma == "agree" and "with" in preps:  # "agreed with prosecutors that ...": an opinion shared
        with_ = next(c for c in token.children if c.dep_ == "prep" and c.lower_ == "with")
        said = any(g.lemma_.lower() in OPINION_NOUNS for g in with_.children if g.dep_ == "pobj")
        return said or "ccomp" in deps
    if lemma in FAILURE_VERBS:
        xcomp = next((c for c in token.children if c.dep_ == "xcomp"), None)
        return xcomp is not None and xcomp.lemma_.lower() in DISCLOSURE_VERBS
    return False


def _that_clause(token: Token) -> bool:
    return any(
        c.dep_ == "ccomp" and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
        for c in token.children
    )
