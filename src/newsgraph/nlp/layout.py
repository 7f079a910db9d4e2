"""The ``newsgraph_layout`` component: sentence boundaries from the article's layout.

News text has headings, datelines and paragraphs that the parser happily glues onto the next
sentence ("Blinken's Remarks \"We've endeavored ..."), and the small parser also splits
sentences where no punctuation allows it ("US | Secretary of State has ...").  Before the
parser runs, this component presets boundaries it then keeps:

- the first token after a line break starts a sentence (titles, headings, paragraphs);
- a dotted abbreviation before a proper noun ("U.S. Secretary of State") ends no sentence;
- a closing quotation mark or bracket glued to the previous token never starts one;
- a token inside a line may start a sentence only after sentence-final punctuation
  (``. ! ? …`` possibly followed by closing quotes or brackets); elsewhere it may not.
"""

from __future__ import annotations

import re
from typing import Any, cast

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Token

from newsgraph.nlp.doc_cache import tokens_of

_DOTTED = re.compile(r"(?:[A-Z]\.){2,}")
_FINAL = frozenset({".", "!", "?", "…", "..."})
_CLOSERS = frozenset({'"', "'", "”", "’", "»", ")", "]", "''"})


def _ends_sentence(texts: list[str], i: int) -> bool:
    """True if a sentence may end after token ``i`` (punctuation, maybe with closers)."""
    j = i
    while j >= 0 and texts[j] in _CLOSERS:
        j -= 1
    if j < 0:
        return False
    text = texts[j]
    return text in _FINAL or (len(text) > 1 and text[-1] in ".!?…")


def _abbreviation_before_name(before: str, token: Token) -> bool:
    """True for "U.S. Secretary", "U.N. Security Council": a dotted abbreviation modifying a name.

    The tagger runs before this component, so a proper-noun tag on the next token separates
    "the U.S. Secretary of State" (one sentence) from "... by the U.S. The letter ..." (two).
    """
    return (
        _DOTTED.fullmatch(before) is not None and token.tag_ in ("NNP", "NNPS") and token.text[:1].isupper()
    )


@Language.component("newsgraph_layout")
def layout_component(doc: Doc) -> Doc:
    """Preset sentence starts from line breaks and punctuation (see module docstring).

    The values are collected first and written with one ``Doc.from_array`` call: setting
    ``token.is_sent_start`` token by token makes spaCy re-check the whole document each time,
    which is quadratic in its length.  The token list built here is the one the later
    components share (:mod:`newsgraph.nlp.doc_cache`).
    """
    values = numpy.zeros(len(doc), dtype="int64")  # 0: leave it to the parser
    tokens = tokens_of(doc)
    texts = [token.text for token in tokens]
    after_break = False
    prev = -1
    for i, token in enumerate(tokens):
        text = texts[i]
        if token.is_space:
            if "\n" in text:
                after_break = True
            continue
        if i > 0:
            if text in _CLOSERS and prev == i - 1 and not tokens[prev].whitespace_:
                values[i] = -1  # a closing mark glued to the previous token
            elif after_break or prev < 0:
                values[i] = 1
            elif not _ends_sentence(texts, prev) or _abbreviation_before_name(texts[prev], token):
                values[i] = -1
        after_break = False
        prev = i
    if len(doc):
        values[0] = 1
        doc.from_array([SENT_START], cast(Any, values.astype("uint64").reshape(-1, 1)))
    return doc
