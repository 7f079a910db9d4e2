"""Organisation names the model missed: a capitalised name closed by a party or movement word.

The small model leaves some multi-word names untagged when they are made of ordinary words ("the
Law and Justice Party coming to power"); a title word inside them ("Justice") makes it worse.  A
run of capitalised words (with inner "and", "of", "for", "the") that ends in a capitalised
word naming a political body ("Party", "Movement", "Front", "Alliance", "Coalition") is the name
of such a body.  Title-case sentences (headlines) are skipped: there every word is capitalised.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.nlp.doc_cache import tokens_of
from newsgraph.nlp.knowledge.wordlists import wordlist
from newsgraph.nlp.mentions.names import Mention

_BODY_HEADS = wordlist("political_body_heads")
_INNER = frozenset({"and", "of", "for", "the"})


def untagged_body_names(doc: Doc, taken: set[int]) -> list[Mention]:
    """ORG mentions for untagged capitalised runs ending in a political body word."""
    tokens = tokens_of(doc)
    tagged = {i for e in doc.ents for i in range(e.start, e.end)}
    out: list[Mention] = []
    for i, tok in enumerate(tokens):
        if tok.lower_ not in _BODY_HEADS or not tok.text[:1].isupper() or i in taken or i in tagged:
            continue
        start = i
        while start > 0 and start - 1 not in taken and start - 1 not in tagged:
            prev = tokens[start - 1]
            word = prev.is_alpha and prev.text[:1].isupper() and not prev.is_sent_start
            inner = prev.lower_ in _INNER - {"the"} and start >= 2 and tokens[start - 2].text[:1].isupper()
            if not (word or inner):
                break
            start -= 1
        if i - start < 1 or _title_case(doc, i):
            continue
        mention = Mention(start, i + 1, "ORG", doc[start : i + 1].text)
        mention.set_chars(doc)
        out.append(mention)
    return out


def _title_case(doc: Doc, i: int) -> bool:
    words = [t for t in doc[i].sent if t.is_alpha]
    return sum(1 for t in words if t.text[:1].isupper()) > 0.6 * len(words)
