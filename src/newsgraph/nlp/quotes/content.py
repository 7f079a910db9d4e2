"""Where reported content begins and ends (read by :mod:`.attribution`).

The small model often attaches parts of one reported sentence to the speech verb itself, or the
reported clause to a cue set inside it.  These helpers find the clause that is the content
(:func:`clause`), extend it over what the parser split off (:func:`continued_content`), take an
infinitive hung on the object (:func:`object_infinitive`, :func:`addressee_infinitive`), read a
parenthetical cue's clause (:func:`parenthetical`) and other misattachments (a reported verb
taken for the object's participle, "as" on the object's participle, "what X calls Y").  The
other way round, :func:`ended` cuts a content where the subtree runs on into something else.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Token

from newsgraph.nlp.knowledge.wordlists import wordlist
from newsgraph.nlp.quotes.marks import Quoted

_OPENING = frozenset({'"', "“", "‘", "'", "«"})


def _marked(clause: Token, mark: str) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == mark for c in clause.children)


def clause(verb: Token) -> Token | None:
    """The verb's clausal complement; of two, a "that" clause after the verb (the parser sometimes
    makes a fronted phrase a second complement: "With the browser almost complete, X announced
    that ..."), else the first (a split quote: '"A," she said, "and B."')."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    after = [c for c in clauses if c.i > verb.i and _marked(c, "that")]
    return after[0] if len(clauses) > 1 and after else (clauses[0] if clauses else None)


def continued_content(verb: Token, right: int) -> int:
    """Where reported content that the parser split off the cue verb really ends.

    The small model hangs the second half of a reported sentence on the speech verb itself: a
    coordinated noun phrase ("calls for talks and [an end] to violence"), a
    second complement after a comma or semicolon ("said [A], so [B]"; "said [A]; rather, [B]")
    or a coordinated clause with a subject of its own joined without a comma ("argued that [A]
    and [B was necessary]").  Both belong to what was said.  A clause after ", and" with its
    own subject ("said A, and the police arrested him") is the reporter's narration, and one
    without a subject ("said A and left") is another act of the source: both end the content.
    """
    doc = verb.doc
    for child in verb.rights:
        if child.i <= right or child.dep_ in ("punct", "cc"):
            continue
        if any(t.text in _OPENING for t in doc[right + 1 : child.i]):
            break  # a quotation of its own follows: the source's words, not more summary
        if child.dep_ == "ccomp" and child.left_edge.i > right:
            right = child.right_edge.i
            continue
        joiner = doc[child.left_edge.i - 1] if child.left_edge.i > 0 else None
        noun = child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN")
        if noun and joiner is not None and joiner.lower_ in ("and", "or"):  # "calls for talks and an end"
            right = child.right_edge.i
            continue
        if (
            child.dep_ == "conj"
            and child.pos_ in ("VERB", "AUX")
            and any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON" for c in child.children)
            and joiner is not None
            and joiner.lower_ in ("and", "but")
            and doc[joiner.i - 1].text != ","
        ):
            right = child.right_edge.i
            continue
        break
    return right


def object_infinitive(obj: Token | None) -> Token | None:
    """ "ordered a man to be jailed": the parser may hang the infinitive on the object."""
    if obj is None:
        return None
    for child in obj.children:
        if child.dep_ in ("relcl", "acl") and any(c.tag_ == "TO" and c.i < child.i for c in child.children):
            return child
    return None


def parenthetical(cue: Token, quoted: Sequence[Quoted]) -> tuple[int, int, str] | None:
    """A cue set inside or after the clause it reports ("The costs, he said, had doubled";
    "Talks had failed, officials said"): the parser makes the cue a ``parataxis`` of that
    clause's verb.  The content is the whole clause (the gold convention keeps a cue in the
    middle inside the span); a cue at the end is left out.  A clause that opens inside quotation
    marks is left to the quote frames ('"The costs," he said, "had doubled."'); quoted words later
    in it make it partial ('some of whom, he says, are "worse than X"')."""
    head = cue.head
    if cue.dep_ != "parataxis" or head.i == cue.i or head.pos_ not in ("VERB", "AUX"):
        return None
    left, right = head.left_edge.i, head.right_edge.i
    if cue.left_edge.i <= left:
        return None  # "He said, ...": a cue before its clause takes it as a complement
    doc = cue.doc
    start = doc[left].idx
    if any(q.open_at <= start < q.outer_end or q.open_at <= cue.idx < q.outer_end for q in quoted):
        return None  # the clause opens inside a quotation: the quote frames handle it
    if cue.right_edge.i >= right - 1:
        right = cue.left_edge.i - 1
    return left, right, "parenthetical"


def object_participle_clause(verb: Token, obj: Token | None) -> tuple[int, int] | None:
    """ "said [the militants]dobj [infiltrated]acl from the south": a reported clause whose verb
    is spelt like a participle, which the parser took for the object's modifier.  Read only for
    cues that take a clause and no object (a bare "said the X" is no statement) and never for a
    participle with a passive agent ("said the plans drawn up by ...")."""
    if obj is None or obj.pos_ not in ("NOUN", "PROPN") or obj.i < verb.i:
        return None
    acl = next((c for c in obj.rights if c.dep_ == "acl" and c.tag_ in ("VBN", "VBD")), None)
    if acl is None or acl.i != obj.i + 1 or any(c.dep_ in ("agent", "auxpass") for c in acl.children):
        return None
    return obj.left_edge.i, obj.right_edge.i


def named_predicate(verb: Token, obj: Token | None) -> Token | None:
    """ "what the bill calls [negationism of X]": with "what" as the first object, the name given
    is a second object (or the predicate) after the verb, and it alone is the content."""
    if obj is None or obj.lower_ != "what" or obj.i > verb.i:
        return None
    return next((c for c in verb.rights if c.dep_ in ("dobj", "oprd") and c.i > verb.i), None)


def addressee_infinitive(verb: Token) -> Token | None:
    """ "called on the government of X [to investigate]advcl": after an addressee the parser may
    make the requested act an adverbial clause of the cue; it is the content when it is a bare
    to-infinitive right after the addressee's phrase."""
    for child in verb.rights:
        if child.dep_ == "advcl" and child.left_edge.tag_ == "TO":
            before = verb.doc[child.left_edge.i - 1]
            if before.pos_ in ("NOUN", "PROPN", "PRON") and before.dep_ in ("pobj", "dobj"):
                return child
    return None


def participle_as(obj: Token | None) -> Token | None:
    """ "view [the events comprising X] as Y": the parser may hang "as Y" on a participle that
    modifies the object instead of on the verb."""
    if obj is None:
        return None
    for child in obj.rights:
        if child.dep_ == "acl" and child.tag_ in ("VBG", "VBN"):
            found = next((c for c in child.rights if c.dep_ == "prep" and c.lower_ == "as"), None)
            if found is not None:
                return found
    return None


def _colon_quotation(doc: Doc, i: int) -> bool:
    """Token ``i`` is a colon that opens a quotation (': "...')."""
    return doc[i].text == ":" and i + 1 < len(doc) and doc[i + 1].text in _OPENING


def before_quotation_colon(doc: Doc, first: int, last: int) -> int:
    """Where a content ends that runs on into ': "..."': the quotation after the colon is a
    statement of its own (the frames read it), and the content ends before the colon ("told Sky
    News any process "must be well thought out": "Moves to ...")."""
    return next((i - 1 for i in range(first + 1, last + 1) if _colon_quotation(doc, i)), last)


def names_the_topic(doc: Doc, last: int, kind: str) -> bool:
    """A noun-phrase content right before ': "...' names what the quotation is about ("described
    an encounter with an armed man: "..."", "voiced concerns over X: "...""); the quotation is the
    statement, the phrase only its topic."""
    return kind in ("dobj", "about", "on") and last + 1 < len(doc) and _colon_quotation(doc, last + 1)


def before_as_clause(doc: Doc, first: int, last: int) -> int:
    """Where a content ends that runs on into ", as <clause>": a clause of reason or time after
    a comma ("warned that the toll would rise, as rescue teams were still searching ...") is the
    reporter's background to the statement, not part of it."""
    for i in range(first + 1, last):
        mark = doc[i + 1]
        clause = doc[i].text == "," and mark.lower_ == "as" and mark.dep_ == "mark"
        if clause and any(c.dep_ in ("nsubj", "nsubjpass") for c in mark.head.children):
            return i - 1
    return last


def before_finite_conjunct(doc: Doc, first: int, last: int) -> int:
    """Where a content ends that runs on into another act of the source ("blamed X for having
    influenced him [and apologised]", "urged them to stay [and left]"): the parser coordinates a
    finite verb without a subject of its own with the non-finite verb inside the content, but a
    finite verb cannot share a gerund's or an infinitive's form -- it goes with the cue's clause."""
    for i in range(first + 1, last + 1):
        verb = doc[i]
        head = verb.head
        if (
            verb.dep_ == "conj"
            and verb.tag_ in ("VBD", "VBZ", "VBP")
            and first <= head.i < verb.i
            and (head.tag_ in ("VBG", "VB") or head.dep_ == "pcomp")
            and not any(c.dep_ in ("aux", "auxpass") and c.tag_ not in ("TO", "VBG") for c in head.children)
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children)
        ):
            cc = next((c.i for c in head.children if c.dep_ == "cc" and c.i < verb.i), verb.i)
            return cc - 1
    return last


def before_verdict_apposition(doc: Doc, first: int, last: int, statements: Iterable[str]) -> int:
    """Where a content ends that runs on into the reporter's verdict on it: ", a claim that could
    not be independently verified", ", an allegation the ministry denies" -- an indefinite
    statement noun in apposition after a comma sums up what was said; it is not part of it."""
    for i in range(first + 1, last):
        det = doc[i + 1]
        verdict = (
            det.lower_ in ("a", "an") and det.head.dep_ == "appos" and det.head.lemma_.lower() in statements
        )
        if doc[i].text == "," and verdict:
            return i - 1
    return last


def ended(doc: Doc, bounds: tuple[int, int, str], statements: Iterable[str]) -> tuple[int, int, str] | None:
    """A content's token range cut where it runs on into something else (a quotation after a
    colon, a background "as" clause, the source's next act, the reporter's verdict), or None when
    it only names the topic of the quotation that follows.  ``statements``: the nouns that name a
    statement (the cue lexicon's)."""
    first, last, kind = bounds
    last = before_as_clause(doc, first, before_quotation_colon(doc, first, last))
    last = before_verdict_apposition(doc, first, before_finite_conjunct(doc, first, last), statements)
    return None if names_the_topic(doc, last, kind) else (first, last, kind)


def object_apposition(obj: Token | None) -> Token | None:
    """ "called [the decision]dobj ["a disgrace"]appos": the parser may read the predicate of
    "call X Y" as an apposition of X; a true apposition is set off by a comma ("called the
    minister, a former general, ...")."""
    if obj is None:
        return None
    for child in obj.rights:
        if child.dep_ == "appos" and obj.doc[child.left_edge.i - 1].text != ",":
            return child
    return None


#: Prepositions whose phrase after an object content gives the setting of the speech act
#: (place, time, channel), not part of what was said ("described X in an interview",
#: "announced X on television"); "for", "to", "against", "with", "over" stay
#: ("blamed X for Y", "attributed X to Y").
_SETTING_NOUNS = wordlist("speech_settings")
_SETTING_PREPOSITIONS = frozenset(
    {"in", "on", "at", "during", "after", "before", "via", "through", "from", "since", "when", "while"}
)  # "by" only with a setting noun ("by telephone"): "noted exercises by Russia" names who held them


def _setting(prep: Token) -> bool:
    """A prepositional phrase that gives the occasion or channel of the speech act ("in an
    interview", "at a press conference", "on state television") or its date."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is not None and pobj.lower_ in ("one", "each", "some", "any"):  # "on one of the networks"
        of = next((c for c in pobj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else pobj
    return pobj is not None and (pobj.lemma_.lower() in _SETTING_NOUNS or pobj.ent_type_ in ("DATE", "TIME"))


def object_end(verb: Token, obj: Token) -> int:
    """Last token of an object content: the object and the verb's modifiers that follow it
    ("expressed X's openness [to discussing ...]"), up to a coordinated or adverbial clause,
    and without the setting of the speech act, wherever the parser attached it."""
    end = obj.right_edge.i
    for child in obj.rights:
        if child.dep_ == "prep" and _setting(child):
            end = min(end, child.i - 1)
            break
    for child in verb.rights:
        if (
            child.i > obj.i
            and child.dep_ == "prep"
            and (child.lower_ in _SETTING_PREPOSITIONS or _setting(child))
        ):
            break  # "announced his victory on state television": where, when, how, not what
        if child.i > obj.i and child.dep_ in ("prep", "dative", "oprd", "npadvmod"):
            end = max(end, child.right_edge.i)
        elif child.i > obj.i and child.dep_ in ("conj", "cc", "advcl", "punct", "ccomp", "parataxis"):
            break
    return end
