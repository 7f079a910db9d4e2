"""Person names the model missed, found by their given name.

The small English model often misses a person at the start of a sentence or in a short text
("Sofia Marchetti won the vote.").  A run of two or three capitalised proper nouns whose first
word is a known given name (``lexicons/given_names.tsv``: US Census and per-locale first-name
lists) and whose other words are no place, organisation word, title or country is a person.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.nlp.doc_cache import tokens_of
from newsgraph.nlp.knowledge.gazetteer import gazetteer, given_name_gender, lookup
from newsgraph.nlp.mentions.names import Mention


def _plain_name_word(text: str) -> bool:
    g = gazetteer()
    lower = text.lower()
    return (
        text[:1].isupper()
        and text[1:].islower()
        and text.isalpha()
        and lower not in g.org_name_words
        and lower not in g.org_descriptors
        and lookup(g.titles, text) is None
        and lookup(g.places, text) is None
        and lookup(g.country_names, text) is None
        and lookup(g.demonyms, text) is None
    )


def given_name_mentions(doc: Doc, taken: set[int]) -> list[Mention]:
    """PERSON mentions for untagged "Given Surname" runs (module docstring)."""
    tokens = tokens_of(doc)
    out: list[Mention] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if i in taken or tok.pos_ != "PROPN" or given_name_gender(tok.text) is None or not tok.text.isalpha():
            i += 1
            continue
        j = i + 1
        while j < len(tokens) and j - i < 3 and j not in taken and tokens[j].pos_ == "PROPN":
            if not _plain_name_word(tokens[j].text):
                break
            j += 1
        if j - i >= 2 and (j >= len(tokens) or not tokens[j].text[:1].isupper()):
            m = Mention(i, j, "PERSON", doc[i:j].text)
            m.set_chars(doc)
            out.append(m)
        i = max(j, i + 1)
    return out
