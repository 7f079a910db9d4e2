"""Attributions read from the dependency parse: a cue, its source, and its reported content.

Each cue of the lexicon (verbs, verb+particle phrases, nouns, and "according to") is looked up
in the parse; its complement, chosen by the patterns the lexicon gives for that cue, is the
reported content.  What is excluded, and why:

- negated cues ("has not commented", "did not mention"): nothing was said;
- cues under "decline/refuse/fail to": likewise;
- agentless passives ("it is believed", "is reported to"): no source;
- participles modifying a noun ("a site called X"): naming, not speech;
- cues inside quotation marks: they belong to the quoted speaker's own words;
- first-person subjects outside quotes: the reporter's voice.

Whether the content turns out to be direct, partial or indirect is decided later against the
quotation marks (``quote_build``); this module only reads syntax.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.nlp.doc_cache import tokens_of
from newsgraph.nlp.knowledge.agents import phoenix_agent_nouns
from newsgraph.nlp.knowledge.cues import CueLexicon
from newsgraph.nlp.knowledge.gazetteer import gazetteer
from newsgraph.nlp.knowledge.wordlists import wordlist
from newsgraph.nlp.quotes import constructions, content
from newsgraph.nlp.quotes.marks import Quoted
from newsgraph.nlp.quotes.passives import passive_agent, passive_content
from newsgraph.nlp.syntax import DOCUMENT_NOUNS, low_participle, source_token

_NEGATORS = wordlist("negating_verbs")
_ANONYMITY = wordlist("anonymity_verbs")
_FIRST_PERSON = wordlist("quote_voice_pronouns")
_EVIDENTIAL = wordlist("evidential_cues")
_ADDRESSEE = wordlist("addressee_verbs")
_EMPTY_POS = frozenset({"PRON", "SCONJ", "DET", "PUNCT", "CCONJ", "ADP", "PART", "SPACE"})
_SPEAKING_NOUNS = wordlist("organisation_nouns") | wordlist("outlet_nouns") | DOCUMENT_NOUNS
_SPEAKING_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_CLOSING = frozenset({'"', "”", "’", "'", "»"})
_OPENING = frozenset({'"', "“", "‘", "'", "«"})
_REFLEXIVE = frozenset({"itself", "themselves", "himself", "herself", "themself", "ourselves"})


@dataclass(frozen=True, slots=True)
class Attribution:
    """A cue with its source token and its content (character span), from the parse."""

    cue_start: int
    cue_end: int
    cue_token: int
    source: Token | None
    start: int
    end: int
    direct_only: bool = False


def _child(token: Token, dep: str, text: str | None = None) -> Token | None:
    for child in token.children:
        if child.dep_ == dep and (text is None or child.lower_ == text):
            return child
    return None


def _has_that_clause(noun: Token) -> Token | None:
    for child in noun.children:
        if child.dep_ in ("acl", "ccomp") and any(
            g.dep_ == "mark" and g.lower_ == "that" for g in child.children
        ):
            return child
    return None


def trim(doc: Doc, first: int, last: int) -> tuple[int, int] | None:
    """Character span of tokens ``first..last`` without edge punctuation and conjunctions.

    A closing quotation mark at the end is kept with what it closes (the gold convention:
    the full stop inside the marks belongs to the quote, the sentence's own does not).
    """
    while first <= last and (
        (doc[first].is_punct and doc[first].text not in _OPENING)
        or doc[first].dep_ == "cc"
        or doc[first].is_space
    ):
        first += 1
    while last >= first and (
        doc[last].is_space
        or (doc[last].is_punct and doc[last].text not in _CLOSING)
        or doc[last].dep_ == "cc"
    ):
        # "accused X of wasting money and [called for ...]": the "and" joins the next act; a
        # line break the parser hung on the clause is no content ("... hospitals\n\n")
        last -= 1
    if first > last:
        return None
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def _subtree(token: Token) -> tuple[int, int]:
    return token.left_edge.i, token.right_edge.i


def _complement(verb: Token, patterns: frozenset[str], lexicon: CueLexicon) -> tuple[int, int, str] | None:
    """Token range of the reported content of a cue verb and the pattern that matched."""
    obj = _child(verb, "dobj")
    if (clause := content.clause(verb)) is None and (passive := passive_content(verb, patterns)) is not None:
        return passive
    if "ccomp" in patterns and clause is not None:
        left, right = _subtree(clause)
        # "denied that X, saying ...": a speech participle is the source's next act, not X; any
        # other (", totalling $1 billion") still describes X
        low = next(
            (c for c in clause.children if low_participle(c) and lexicon.verb_patterns(c.lemma_)), None
        )
        if low is not None:
            right = low.left_edge.i - 1
        aux_to = next((c for c in clause.children if c.dep_ == "aux" and c.tag_ == "TO"), None)
        if aux_to is not None and _child(clause, "nsubj") is not None:
            left = aux_to.i  # "urged X to ...": the content starts at "to"
        elif (
            obj is not None
            and obj.pos_ == "NOUN"
            and verb.lemma_.lower() not in _ADDRESSEE  # "told reporters every claim ...": who was told
            and obj.right_edge.i == left - 1
            and _child(clause, "nsubj") is None
        ):
            left = (
                obj.left_edge.i
            )  # "remarked [any change]dobj [should stop]ccomp": the object is its subject
        if low is None:
            right = content.continued_content(verb, right)
        return left, right, "ccomp"
    clause_only = "ccomp" in patterns and "dobj" not in patterns and verb.lemma_.lower() not in _ADDRESSEE
    if clause_only and (split := content.object_participle_clause(verb, obj)) is not None:
        return *split, "ccomp"
    infinitive = _child(verb, "xcomp") or content.object_infinitive(obj) or content.addressee_infinitive(verb)
    if "xcomp" in patterns and (clause := infinitive) is not None:
        to = next((c for c in clause.children if c.tag_ == "TO"), None)
        if to is not None:
            neg = next((c for c in clause.children if c.dep_ == "neg" and c.i < to.i), None)
            return (neg or to).i, clause.right_edge.i, "xcomp"
    gerund = _child(verb, "xcomp")
    if (
        gerund is not None
        and gerund.tag_ == "VBG"
        and gerund.i > verb.i
        and ("dobj" in patterns or "ccomp" in patterns)
    ):
        return gerund.left_edge.i, gerund.right_edge.i, "xcomp"  # "reported seeing", "denied taking"
    if "oprd" in patterns and obj is not None and obj.lower_ in _REFLEXIVE:
        return None  # "a group calling itself X": naming, not a statement
    if "oprd" in patterns and (named := content.named_predicate(verb, obj)) is not None:
        return named.left_edge.i, content.object_end(verb, named), "oprd"  # "what the bill calls X"
    pred = _child(verb, "oprd") or content.object_apposition(obj)
    if "oprd" in patterns and pred is not None:
        # "called the vote a serious blow", "deemed the strikes illegal": object + predicate
        first = obj.left_edge.i if obj is not None and obj.i < pred.i else pred.left_edge.i
        return first, pred.right_edge.i, "oprd"
    if "oprd" in patterns:
        # the small model often parses the same small clause as an object or a clause with a
        # subject of its own ("considered [the strike]nsubj a [threat]dobj")
        for child in verb.children:
            # a small clause has no complementizer: "consider whether/if X" weighs a question
            if (
                child.dep_ in ("dobj", "ccomp")
                and any(c.dep_ == "nsubj" and c.i < child.i for c in child.children)
                and not any(c.dep_ == "mark" for c in child.children)
            ):
                return child.left_edge.i, child.right_edge.i, "oprd"
    for name in ("of", "for", "about", "on", "to", "against"):
        if name in patterns:
            after = next((c for c in verb.rights if c.dep_ == "prep" and c.lower_ == name), None)
            prep = after or (_child(obj, "prep", name) if obj is not None else None)
            if name == "for" and prep is None:
                prep = _marked_clause(verb, "for")
            if name == "about" and prep is None:
                prep = _child(verb, "prep", "over")
            if prep is not None and prep.i > verb.i:  # "For example, X called ...": not content
                left, right = _subtree(prep)
                return left, content.continued_content(verb, right), name
    if "as" in patterns:
        target = obj
        to = _child(verb, "prep", "to")
        if target is None and to is not None:
            target = _child(to, "pobj")
        as_prep = _child(verb, "prep", "as") or (_child(target, "prep", "as") if target is not None else None)
        as_prep = as_prep or content.participle_as(target)
        if target is not None and target.lower_ == "what" and as_prep is not None:
            return as_prep.i + 1, as_prep.right_edge.i, "as"  # "what Reuters describes as X"
        if target is not None and as_prep is not None:
            return target.left_edge.i, as_prep.right_edge.i, "as"
    if obj is not None and ("dobj" in patterns or "dobjq" in patterns):
        clause = _has_that_clause(obj)
        kind = "dobj" if "dobj" in patterns else "dobjq"
        if clause is not None:
            return (*_subtree(clause), kind)
        return obj.left_edge.i, content.continued_content(verb, content.object_end(verb, obj)), kind
    return None


def _marked_clause(verb: Token, mark: str) -> Token | None:
    """A clause child introduced by ``mark`` ("calls for X to ..."), returned at its mark."""
    for child in verb.children:
        if child.dep_ in ("advcl", "ccomp"):
            found = _child(child, "mark", mark)
            if found is not None and found.i == child.left_edge.i:
                return child
    return None


def can_speak(source: Token) -> bool:
    """A source phrase that can make a statement: a name, a personal pronoun, or a noun for
    people, an organisation, an outlet or a document (the Phoenix agent nouns and the
    organisation, outlet and document word lists) -- not "evidence", "the data", "the video"."""
    if source.pos_ == "PROPN" or source.ent_type_ in _SPEAKING_ENTITIES:
        return True
    if source.pos_ == "PRON":
        return source.lower_ not in ("it", "this", "that", "which")
    lemma = source.lemma_.lower()
    return lemma in _SPEAKING_NOUNS or lemma in phoenix_agent_nouns()


def _anonymity(verb: Token) -> bool:
    """ "asked not to be named / identified": a request about the source, not a statement."""
    return any(
        c.dep_ == "xcomp" and c.lemma_ in _ANONYMITY and any(a.dep_ == "auxpass" for a in c.children)
        for c in verb.children
    )


def _excluded(verb: Token, quoted: Sequence[Quoted]) -> bool:
    if any(c.dep_ == "neg" for c in verb.children) or _anonymity(verb) or _future(verb):
        return True
    if verb.dep_ == "xcomp" and (
        verb.head.lemma_ in _NEGATORS or any(c.dep_ == "neg" for c in verb.head.children)
    ):
        return True
    participle = verb.dep_ in ("acl", "advcl") and verb.tag_ == "VBN" and not _rootless_main_verb(verb)
    if verb.dep_ in ("amod", "compound") or participle:
        return True  # "a site called X"; "Asked whether ..., he said": the subject was addressed
    return inside_quote(verb.idx, quoted)


def _rootless_main_verb(verb: Token) -> bool:
    """ "The report called for ...": the parser made the subject noun the sentence's root and
    the main verb its participle; a sentence has a finite verb, so this one is it."""
    head = verb.head
    return verb.dep_ == "acl" and head.dep_ == "ROOT" and head.pos_ in ("NOUN", "PROPN") and verb.i > head.i


_FUTURE = frozenset({"will", "shall", "'ll"})


def _future(verb: Token) -> bool:
    """ "will announce the response", "will press X to ...": a speech act still to come has no
    content yet."""
    return any(c.dep_ == "aux" and c.lower_ in _FUTURE for c in verb.children)


def inside_quote(pos: int, quoted: Sequence[Quoted]) -> bool:
    """True if character ``pos`` lies within a double-quoted span."""
    return any(not q.single and q.start <= pos < q.end for q in quoted)


def _quoted_within(start: int, end: int, quoted: Sequence[Quoted]) -> bool:
    return any(start <= q.open_at and q.outer_end <= end + 1 for q in quoted)


def _verb_attribution(token: Token, lexicon: CueLexicon, quoted: Sequence[Quoted]) -> Attribution | None:
    lemma = token.lemma_.lower()
    patterns = lexicon.verb_patterns(lemma)
    if patterns is None and lemma not in lexicon.phrase_verbs:
        return None  # most verbs: no cue, no phrase (the cheap test first)
    cue_end = token.i + 1
    for child in token.children:
        key = (lemma, child.lower_)
        if child.dep_ in ("prep", "prt") and key in lexicon.phrases:
            patterns = lexicon.phrases[key]
            cue_end = max(cue_end, child.i + 1)
        elif child.dep_ in ("advcl", "ccomp") and child.left_edge.dep_ == "mark":
            key = (lemma, child.left_edge.lower_)
            if key in lexicon.phrases:  # "calls for X to ...": the parser marks the clause
                patterns = lexicon.phrases[key]
                cue_end = max(cue_end, child.left_edge.i + 1)
    if patterns is None or _excluded(token, quoted):
        return None
    source = source_token(token) or passive_agent(token)
    source = source or (token.head if _rootless_main_verb(token) else None)
    if source is None or (source.lower_ in _FIRST_PERSON and not inside_quote(source.idx, quoted)):
        return None
    if lemma in _EVIDENTIAL and not can_speak(source):
        return None  # "evidence suggests that ...", "the video shows ...": no one said it
    doc = token.doc
    cue_span = (token.idx, doc[cue_end - 1].idx + len(doc[cue_end - 1].text))
    if "direct" in patterns or (source.head.i == token.i and source.dep_ == "dobj"):
        # (a verb of quoting whose object is the source: "citing officials" reports no content)
        return Attribution(*cue_span, token.i, source, token.idx, token.idx, direct_only=True)
    bounds = _complement(token, patterns, lexicon) or content.parenthetical(token, quoted)
    bounds = content.ended(doc, bounds, lexicon.nouns) if bounds is not None else None
    chars = trim(doc, bounds[0], bounds[1]) if bounds is not None else None
    if bounds is not None and all(t.pos_ in _EMPTY_POS for t in doc[bounds[0] : bounds[1] + 1]):
        chars = None  # "denied it", "acknowledged that": a pronoun is no content
    if bounds is None or chars is None or (bounds[2] == "dobjq" and not _quoted_within(*chars, quoted)):
        return Attribution(*cue_span, token.i, source, token.idx, token.idx, direct_only=True)
    return Attribution(*cue_span, token.i, source, *chars)


def _according(token: Token, quoted: Sequence[Quoted]) -> Attribution | None:
    """``according to X``: X is the source, the clause it modifies (minus the phrase) the content."""
    to = _child(token, "prep", "to")
    source = _child(to, "pobj") if to is not None else None
    if to is None or source is None or inside_quote(token.idx, quoted):
        return None
    doc = token.doc
    head = token.head if token.head.i != token.i else token
    phrase = set(range(token.left_edge.i, token.right_edge.i + 1))
    runs: list[list[int]] = [[]]
    for i in range(head.left_edge.i, head.right_edge.i + 1):
        if i in phrase:
            runs.append([])
        else:
            runs[-1].append(i)
    best = max(runs, key=lambda run: sum(1 for i in run if not doc[i].is_punct))
    sent = token.sent
    if token.left_edge.i == sent.start and head.right_edge.i < sent.end - 1:
        # "According to X, A; rather, B.": the parser may root the sentence in B -- an opening
        # phrase reports the whole sentence after it
        best = list(range(token.right_edge.i + 1, sent.end))
    if best and doc[best[0]].text == "," and _person_noun(source):
        comma = next((i for i in best[1:] if doc[i].text == ","), None)
        if comma is not None and all(doc[i].pos_ == "PROPN" for i in best[1 : best.index(comma)]):
            source = doc[comma - 1]  # "According to his lawyer, Jane Roe, ...": she is the source
            best = [i for i in best if i > comma]
    while best and (doc[best[0]].tag_ in ("WDT", "WP") or doc[best[0]].lower_ == "that"):
        best = best[1:]
    if not best:
        return None
    chars = trim(doc, best[0], best[-1])
    if chars is None:
        return None
    return Attribution(token.idx, to.idx + len(to.text), token.i, source, *chars)


def _person_noun(tok: Token) -> bool:
    """A singular noun for a person ("lawyer", "spokesman"), which a name may follow in apposition."""
    lemma = tok.lemma_.lower()
    return tok.tag_ == "NN" and (lemma in phoenix_agent_nouns() or lemma in gazetteer().titles)


def _noun_attribution(token: Token, lexicon: CueLexicon, quoted: Sequence[Quoted]) -> Attribution | None:
    """Nominal cues: "the announcement that ..." (the noun's own that-clause)."""
    if "that" not in lexicon.nouns.get(token.lemma_.lower(), frozenset()):
        return None
    clause = _has_that_clause(token)
    if clause is None or inside_quote(token.idx, quoted):
        return None
    if token.dep_ == "dobj" and {"dobj", "ccomp"} & (lexicon.verb_patterns(token.head.lemma_) or set()):
        return None  # "denied reports that ...": the verb is the cue ("dismissed X as Y" only with "as")
    source = _child(token, "poss")
    cue = token
    if source is None:
        by = _child(token, "prep", "by") or _child(token, "prep", "from")
        source = _child(by, "pobj") if by is not None else None
    verb = token.head.head
    if source is None and token.dep_ == "pobj" and lexicon.verb_patterns(verb.lemma_) is not None:
        source, cue = source_token(verb), verb  # "told X in a statement that ..."
    chars = trim(token.doc, *_subtree(clause))
    if chars is None:
        return None
    return Attribution(cue.idx, cue.idx + len(cue.text), cue.i, source, *chars)


def _adjective_attribution(token: Token, quoted: Sequence[Quoted]) -> Attribution | None:
    """ "X is concerned that ...": an attitude adjective's that-clause is X's stated position."""
    clause = _child(token, "ccomp")
    copula = token.head
    if clause is None or not any(g.dep_ == "mark" and g.lower_ == "that" for g in clause.children):
        return None
    if any(c.dep_ == "neg" for c in (*token.children, *copula.children)) or inside_quote(token.idx, quoted):
        return None
    source = source_token(copula)
    if source is None or (source.lower_ in _FIRST_PERSON and not inside_quote(source.idx, quoted)):
        return None
    chars = trim(token.doc, *_subtree(clause))
    if chars is None:
        return None
    return Attribution(token.idx, token.idx + len(token.text), token.i, source, *chars)


def _construction(token: Token, lexicon: CueLexicon, quoted: Sequence[Quoted]) -> Attribution | None:
    """A statement spread over several words (:mod:`.constructions`): "made clear that",
    "held X responsible", "What X said was that ..."."""
    lemma = token.lemma_.lower()
    if lemma == "make":
        found = constructions.made_clear(token)
    elif lemma == "hold":
        found = constructions.held_responsible(token)
    elif lemma == "be":
        found = constructions.pseudo_cleft(token, lexicon)
    else:
        return None
    if found is None or inside_quote(found.cue.idx, quoted):
        return None
    source = found.source
    if source is not None and source.lower_ in _FIRST_PERSON and not inside_quote(source.idx, quoted):
        return None
    chars = trim(token.doc, found.first, found.last)
    if chars is None:
        return None
    cue_end = found.cue_last.idx + len(found.cue_last.text)
    return Attribution(found.cue.idx, cue_end, found.cue.i, source, *chars)


def find_attributions(doc: Doc, lexicon: CueLexicon, quoted: Sequence[Quoted]) -> list[Attribution]:
    """Every attribution the parse shows, in text order."""
    found: list[Attribution] = []
    for token in tokens_of(doc):
        att: Attribution | None = None
        if token.lower_ == "according":
            att = _according(token, quoted)
        elif token.tag_.startswith("VB"):
            att = _verb_attribution(token, lexicon, quoted) or _construction(token, lexicon, quoted)
        elif token.pos_ == "NOUN":
            att = _noun_attribution(token, lexicon, quoted)
        elif token.pos_ == "ADJ" and token.dep_ == "acomp" and token.lemma_.lower() in lexicon.adjectives:
            att = _adjective_attribution(token, quoted)
        if att is not None:
            found.append(att)
    return found
