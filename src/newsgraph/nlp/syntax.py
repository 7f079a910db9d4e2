"""Syntax helpers shared by the quote and event stages: who is the source of a verb, and
where the noun phrase of a source ends.

Both stages ask the same questions of the dependency parse (the subject or passive agent of a
cue or trigger, through conjoined, participial and relative clauses), so the answers live here
once instead of in each stage.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.nlp.knowledge.agents import phoenix_agent_nouns
from newsgraph.nlp.knowledge.wordlists import wordlist

RELATIVE = wordlist("relative_pronouns")


#: Nouns naming a written source: its author organisation is the speaker when it is given.
DOCUMENT_NOUNS = wordlist("document_nouns")


_QUOTING_VERBS = wordlist("quoting_verbs")
_SOURCE_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_TIMES = frozenset({"DATE", "TIME"})


def quoted_source(verb: Token) -> Token | None:
    """The object of a verb of quoting when it names a source ("quoting President X", "quoted
    the minister as saying", "X was quoted as saying", "citing officials", "citing a ministry
    report"): nested attribution gives the words to the innermost source the text names, not
    to the one quoting it.  What is quoted is always someone's words; what is cited may be a
    reason, which is no source ("citing security concerns")."""
    if verb.lemma_.lower() not in _QUOTING_VERBS:
        return None
    # "X was quoted (by Y) as saying": the passive subject is the one quoted
    role = "nsubjpass" if any(c.dep_ == "auxpass" for c in verb.children) else "dobj"
    obj = next((c for c in verb.children if c.dep_ == role), None)
    if obj is None:
        return None
    if verb.lemma_.lower() == "quote" or role == "nsubjpass":
        return obj
    lemma = obj.lemma_.lower()
    named = obj.pos_ == "PROPN" or obj.ent_type_ in _SOURCE_ENTITIES
    return obj if named or lemma in phoenix_agent_nouns() or lemma in DOCUMENT_NOUNS else None


_STOP_DEPS = frozenset({"appos", "relcl", "acl", "punct", "advcl", "cc", "parataxis"})


def source_token(cue: Token) -> Token | None:
    """The token standing for the source of a cue verb (see the module docstring), or None."""
    verb = cue
    for _ in range(6):
        quoted = quoted_source(verb) or next(
            (
                q
                for c in verb.children
                if c.dep_ == "advcl" and c.i < verb.i and (q := quoted_source(c)) is not None
            ),
            None,
        )
        if quoted is not None:  # "X, citing Y, said": Y's words (after the verb it may be a
            # source of something else: "X remarked ..., quoting Y, '...'")
            return quoted
        for child in verb.children:
            if child.dep_ == "agent":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
        # two subjects are a misparse of a fronted apposition ("In Tumaco, the largest town
        # ..., community leader Ana Ruiz said"): the one next to the verb is the source
        subject = max((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), default=None)
        subject = _holder_of_place(subject) if subject is not None else None
        subject = subject or next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            if subject.lower_ in RELATIVE:
                return _relative_antecedent(subject, verb)
            return subject
        if any(c.dep_ == "nsubjpass" for c in verb.children):
            return None  # an agentless passive names no source
        if verb.dep_ == "acl" and verb.tag_ == "VBG":
            return verb.head
        if low_participle(verb):
            verb = verb.head.head  # "X denied that Y had ..., saying ...": X is saying it
            continue
        if verb.dep_ in ("conj", "xcomp", "advcl", "pcomp", "prep", "parataxis") and verb.head.i != verb.i:
            verb = verb.head
            continue
        return None
    return None


def _holder_of_place(subject: Token) -> Token:
    """ "Officials in Rome, Italy said": the country after a city and a comma belongs to the
    place phrase, which the parser sometimes makes the subject; the noun the place phrase
    modifies ("officials", "residents of Springfield") is the source."""
    doc = subject.doc
    i = subject.left_edge.i
    if subject.ent_type_ not in ("GPE", "LOC") or i < 3 or doc[i - 1].text != ",":
        return subject
    place = doc[i - 2]
    prep = place.head
    if place.ent_type_ not in ("GPE", "LOC") or place.dep_ != "pobj" or prep.dep_ != "prep":
        return subject
    holder = prep.head
    return holder if holder.pos_ in ("NOUN", "PROPN") and holder.i < place.i else subject


def low_participle(verb: Token) -> bool:
    """A ", saying ..." participle the parser hung on the verb of a reported clause.

    In "The ministry denied that any strike had taken place, saying ..." the parser attaches
    "saying" to "taken", whose subject ("any strike") cannot be saying anything; the participle
    after a comma goes with the main clause, whose subject reported the clause.
    """
    head = verb.head
    return (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBG"
        and verb.i > 0
        and verb.doc[verb.i - 1].text == ","
        and head.dep_ == "ccomp"
        and head.i < verb.i
        and any(c.dep_ == "nsubj" for c in head.head.children)
    )


def _relative_antecedent(relative: Token, verb: Token) -> Token:
    """What a relative subject stands for: the noun the clause is attached to, unless a
    ", who ..." clause follows another noun phrase than that one (the parser hung it on a
    distant subject, a date or the verb: "Said ... was recalled by the Egyptian government
    yesterday, who claim ...": the government), then the noun phrase right before the comma."""
    before = _noun_before(relative) if relative.i > 0 and relative.nbor(-1).text == "," else None
    if verb.dep_ == "relcl" and verb.head.ent_type_ not in _TIMES:
        head = _antecedent_noun(verb.head)
        if before is None or any(t.i == before.i for t in head.subtree):
            return head  # (also "a letter from X, reported by Y, which ...": Y is inside)
    return before or relative


def _noun_before(relative: Token) -> Token | None:
    """The noun a ", who ..." clause follows when the parser attached the clause to the verb
    ("was recalled by the Egyptian government yesterday, who claim ...": the government), past
    a date and the comma."""
    for tok in reversed(relative.doc[relative.sent.start : relative.i - 1]):
        if tok.is_punct or tok.ent_type_ in _TIMES or tok.dep_ == "npadvmod" or tok.pos_ == "ADP":
            continue
        return tok if tok.pos_ in ("NOUN", "PROPN") else None
    return None


def _antecedent_noun(noun: Token) -> Token:
    """The noun a relative clause is about.  When the parser hangs the clause on the agent of
    a parenthetical participle ("a letter ..., reported by Politico, which urged ..."), the
    clause is about the participle's noun, not the agent."""
    if noun.dep_ == "pobj" and noun.head.dep_ == "agent":
        participle = noun.head.head
        if participle.dep_ == "acl" and participle.tag_ == "VBN":
            return participle.head
    return noun


def mention_bounds(head: Token) -> tuple[int, int]:
    """Token range ``[start, end)`` of the noun phrase headed by ``head``.

    Appositions, relative clauses and anything after a comma are left out: they describe the
    source, they are not its name ("Jenny Leong, co-ordinator of ..., said").
    """
    left, right = head.left_edge.i, head.i
    for child in head.lefts:
        if child.dep_ in ("punct", "cc") and child.i >= left:
            left = child.i + 1
    for child in head.rights:
        if child.dep_ in _STOP_DEPS:
            if child.dep_ == "cc":
                continue
            break
        if _time_phrase(child):
            break  # "The bishops on Sunday called on ...": when, not who
        right = mention_bounds(child)[1] - 1 if child.dep_ == "conj" else child.right_edge.i
    doc = head.doc
    for i in range(head.i + 1, right):
        nxt = doc[i + 1]
        if doc[i].text == "," and (nxt.lower_ in RELATIVE or nxt.tag_ in ("VBG", "VBN")):
            right = i  # "an official familiar with the case, who spoke on condition ..."
            break
    while right > left and doc[right].is_punct:
        right -= 1
    while left < right and doc[left].is_punct:
        left += 1
    return left, right + 1


def _time_phrase(tok: Token) -> bool:
    """A date or time attached to a noun ("on Sunday", "last week", "yesterday")."""
    if tok.dep_ == "npadvmod" or tok.ent_type_ in _TIMES:
        return tok.ent_type_ in _TIMES
    return tok.dep_ == "prep" and any(g.ent_type_ in _TIMES for g in tok.children)


def without_article(text: str) -> str:
    """A description without its leading article ("the Kenyan parliament" -> "Kenyan
    parliament"): how the discourse layer and the event actors name descriptions."""
    first, _, rest = text.partition(" ")
    return rest if rest and first.lower() in ("the", "a", "an") else text
