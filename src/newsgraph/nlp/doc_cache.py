"""Values of an analysed Doc that our components read many times, computed once per Doc.

Why: in spaCy, ``Doc.text`` joins every token's text on each access, iterating a Doc or
indexing it (``doc[i]``) builds a new Python ``Token`` object each time, and ``Doc.sents``
rescans every token.  Our three components walk each Doc a dozen times; measured on 146 news
pages, that made 3.5 million Token objects and about a third of the components' time.  So
the text, the token list and the sentence bounds are computed once and kept in
``doc.user_data``:

- :func:`text_of` -- ``doc.text``;
- :func:`tokens_of` -- ``list(doc)``: index it (``tokens[i]``) instead of ``doc[i]`` in loops;
- :func:`span_text` -- ``doc[start:end].text`` read from the cached text;
- :func:`sentence_index` -- the sentence number of every token;
- :func:`sentence_bounds` -- ``(start, end)`` token bounds of every sentence.

The sentence values are only valid once the parser has set sentence boundaries, which holds
for every component after the model's own; the text and the token list only need the final
tokenisation (the layout component, before the parser, builds the token list that the later
components share).  Each entry records the Doc length and is rebuilt if it no longer matches
(a retokenised Doc).  The token list refers back to the Doc (a reference cycle), so
:func:`release` drops it when the last of our components (events) is done, and again when the
Doc is turned into records; the other values are plain strings and integers.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

_TEXT = "newsgraph.text"
_TOKENS = "newsgraph.tokens"
_SENTS = "newsgraph.sentences"


def _cached(doc: Doc, key: str) -> Any:
    entry = doc.user_data.get(key)
    if entry is not None and entry[0] == len(doc):
        return entry[1]
    return None


def text_of(doc: Doc) -> str:
    """``doc.text``, read once."""
    text: str | None = _cached(doc, _TEXT)
    if text is None:
        text = doc.text
        doc.user_data[_TEXT] = (len(doc), text)
    return text


def seed_text(doc: Doc, text: str) -> None:
    """Record the text a Doc was made from: the tokenizer keeps every character, so it is
    ``doc.text`` without rebuilding it from the tokens (a few milliseconds a page)."""
    doc.user_data[_TEXT] = (len(doc), text)


def tokens_of(doc: Doc) -> list[Token]:
    """``list(doc)``, built once (until :func:`release`)."""
    tokens: list[Token] | None = _cached(doc, _TOKENS)
    if tokens is None:
        tokens = list(doc)
        doc.user_data[_TOKENS] = (len(doc), tokens)
    return tokens


def span_text(doc: Doc, start: int, end: int) -> str:
    """``doc[start:end].text`` without building the Span (``""`` when empty)."""
    if end <= start:
        return ""
    tokens = tokens_of(doc)
    last = tokens[end - 1]
    return text_of(doc)[tokens[start].idx : last.idx + len(last.text)]


def _sentences(doc: Doc) -> tuple[list[tuple[int, int]], list[int]]:
    found: tuple[list[tuple[int, int]], list[int]] | None = _cached(doc, _SENTS)
    if found is None:
        bounds = [(int(sent.start), int(sent.end)) for sent in doc.sents]
        index = [0] * len(doc)
        for n, (start, end) in enumerate(bounds):
            index[start:end] = [n] * (end - start)
        found = (bounds, index)
        doc.user_data[_SENTS] = (len(doc), found)
    return found


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """``(start, end)`` token bounds of each sentence, in order."""
    return _sentences(doc)[0]


def sentence_index(doc: Doc) -> list[int]:
    """The sentence number of each token."""
    return _sentences(doc)[1]


def release(doc: Doc) -> None:
    """Drop the token list (it refers back to the Doc); the other values stay."""
    doc.user_data.pop(_TOKENS, None)


__all__ = ["release", "sentence_bounds", "sentence_index", "span_text", "text_of", "tokens_of"]
