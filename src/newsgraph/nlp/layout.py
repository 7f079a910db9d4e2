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

from spacy.language import Language
from spacy.tokens import Doc, Token

_DOTTED = re.compile(r"(?:[A-Z]\.){2,}")
_FINAL = frozenset({".", "!", "?", "…", "..."})
_CLOSERS = frozenset({'"', "'", "”", "’", "»", ")", "]", "''"})


def _ends_sentence(doc: Doc, i: int) -> bool:
    """True if a sentence may end after token ``i`` (punctuation, maybe with closers)."""
    j = i
    while j >= 0 and doc[j].text in _CLOSERS:
        j -= 1
    if j < 0:
        return False
    text = doc[j].text
    return text in _FINAL or (len(text) > 1 and text[-1] in ".!?…")


def _abbreviation_before_name(doc: Doc, prev: int, token: Token) -> bool:
    """True for "U.S. Secretary", "U.N. Security Council": a dotted abbreviation modifying a name.

    The tagger runs before this component, so a proper-noun tag on the next token separates
    "the U.S. Secretary of State" (one sentence) from "... by the U.S. The letter ..." (two).
    """
    before = doc[prev].text
    return (
        _DOTTED.fullmatch(before) is not None and token.tag_ in ("NNP", "NNPS") and token.text[:1].isupper()
    )


@Language.component("newsgraph_layout")
def layout_component(doc: Doc) -> Doc:
    """Preset sentence starts from line breaks and punctuation (see module docstring)."""
    after_break = False
    prev = -1
    for i, token in enumerate(doc):
        if token.is_space:
            if "\n" in token.text:
                after_break = True
            continue
        if i > 0:
            if token.text in _CLOSERS and prev == i - 1 and not doc[prev].whitespace_:
                token.is_sent_start = False  # a closing mark glued to the previous token
            elif after_break or prev < 0:
                token.is_sent_start = True
            elif not _ends_sentence(doc, prev) or _abbreviation_before_name(doc, prev, token):
                token.is_sent_start = False
        after_break = False
        prev = i
    return doc
