"""Unmarked block quotations: a paragraph introduced by a framing clause that ends in a colon.

The gold guidelines count "unmarked block quotations" as direct quotes: news pages set a long
passage of a statement, a ruling or a press release as a paragraph of its own, without
quotation marks, after a line such as ``According to the press release:`` or ``The statement
read:``.  The framing line must end its paragraph with a colon and hold a cue (a speech verb of
the lexicon or "according to") whose source the parse gives; the next paragraph is the quote
when it is prose (six words or more, not opening with a quotation mark) that no other quote
covers.  A colon without a cue ("The schedule:") introduces a list, not words of a source.
"""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from newsgraph.nlp.doc_cache import text_of
from newsgraph.nlp.knowledge.cues import CueLexicon
from newsgraph.nlp.quotes.candidate import Candidate
from newsgraph.nlp.quotes.frames import count_words
from newsgraph.nlp.quotes.marks import paragraphs
from newsgraph.nlp.syntax import source_token

_OPENING = ('"', "“", "‘", "'", "«")
MIN_WORDS = 6


def block_quotations(doc: Doc, lexicon: CueLexicon, taken: list[Candidate]) -> list[Candidate]:
    """Direct quotes for unmarked paragraphs after a colon-ended framing paragraph."""
    text = text_of(doc)
    paras = paragraphs(text)
    found: list[Candidate] = []
    for (f_start, f_end), (start, end) in pairwise(paras):
        if not text[f_start:f_end].endswith(":"):
            continue
        body = text[start:end]
        if body.startswith(_OPENING) or count_words(body) < MIN_WORDS:
            continue
        if any(c.start < end and start < c.end for c in taken + found):
            continue
        frame = doc.char_span(f_start, f_end, alignment_mode="expand")
        if frame is None:
            continue
        cue = _cue(frame[-1].sent, lexicon)
        source = _source(cue) if cue is not None else None
        if cue is None or source is None:
            continue
        cue_end = cue.idx + len(cue.text)
        found.append(Candidate(start, end, "direct", cue=(cue.idx, cue_end), cue_token=cue.i, source=source))
    return found


def _cue(sentence: Span, lexicon: CueLexicon) -> Token | None:
    """The last cue of the framing sentence: a speech verb of the lexicon or "according"."""
    cue: Token | None = None
    for tok in sentence:
        verb = tok.tag_.startswith("VB") and lexicon.verb_patterns(tok.lemma_.lower()) is not None
        # a participle describing a noun ("The measures, endorsed by X, include:") reports nothing
        verb = verb and not (tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod", "relcl"))
        if (tok.lower_ == "according" or verb) and not any(c.dep_ == "neg" for c in tok.children):
            cue = tok
    return cue


def _source(cue: Token) -> Token | None:
    if cue.lower_ == "according":
        to = next((c for c in cue.children if c.dep_ == "prep" and c.lower_ == "to"), None)
        return next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    return source_token(cue)
