"""Person names the model missed or mistyped, found by their given name.

The small English model often misses a person at the start of a sentence or in a short text
("Sofia Marchetti won the vote."), or tags only the surname, as an organisation or a place
("Monika [Weiss]ORG runs the farm").  A run of two or three capitalised proper nouns whose first
word is a known given name (``lexicons/given_names.tsv``: US Census and per-locale first-name
lists) and whose other words are no place, organisation word, title or country is a person;
a run ending in a facility word ("... Memorial Hall Station") or a noun of made things ("... Fighting
Vehicles") is no person's name.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.nlp.doc_cache import tokens_of
from newsgraph.nlp.knowledge.gazetteer import gazetteer, given_name_gender, lookup
from newsgraph.nlp.knowledge.wordlists import wordlist
from newsgraph.nlp.mentions.names import Mention

_PARTICLES = wordlist("name_particles")
_OTHER_TYPES = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP"})
_FACILITY_HEADS = wordlist("facility_heads") | wordlist("place_heads_not_people") | wordlist("artifact_nouns")


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


def _given_name(word: str) -> bool:
    """A known given name that is no name particle ("Al" of "Al Arabiya")."""
    return word.isalpha() and word.lower() not in _PARTICLES and given_name_gender(word) is not None


def given_name_mentions(doc: Doc, taken: set[int]) -> list[Mention]:
    """PERSON mentions for untagged "Given Surname" runs (module docstring)."""
    tokens = tokens_of(doc)
    out: list[Mention] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if i in taken or not _given_name(tok.text) or tok.pos_ != "PROPN":
            i += 1
            continue
        j = i + 1
        while j < len(tokens) and j - i < 3 and j not in taken and tokens[j].pos_ == "PROPN":
            if not _plain_name_word(tokens[j].text):
                break
            j += 1
        facility = tokens[j - 1].lower_ in _FACILITY_HEADS  # "[Memorial] Hall Station"
        if j - i >= 2 and not facility and (j >= len(tokens) or not tokens[j].text[:1].isupper()):
            m = Mention(i, j, "PERSON", doc[i:j].text)
            m.set_chars(doc)
            out.append(m)
        i = max(j, i + 1)
    return out


def retype_after_given_name(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """The mentions, with a surname the model typed as an organisation or place (no lexicon entry
    behind it, plain name words only) widened to the given name before it and made a person."""
    tokens = tokens_of(doc)
    out = []
    for m in mentions:
        before = tokens[m.start - 1] if m.start > 0 else None
        if (
            before is not None
            and m.label in ("ORG", "GPE", "NORP")
            and m.kind == "name"
            and m.canonical is None
            and m.country is None
            and m.end - m.start <= 2
            and before.pos_ == "PROPN"
            and _given_name(before.text)
            and all(_plain_name_word(t.text) for t in tokens[m.start : m.end])
            and not any(o.start <= before.i < o.end for o in mentions)
        ):
            person = Mention(before.i, m.end, "PERSON", doc[before.i : m.end].text)
            person.set_chars(doc)
            out.append(person)
        else:
            out.append(m)
    return out


def titled_appositive_mentions(doc: Doc, taken: set[int], title_starts: set[int]) -> list[Mention]:
    """PERSON mentions for untagged runs of two or three plain capitalised words followed by a
    comma and a title phrase ("Irshad Matsoi, the bureau chief for X, said"): a person is named,
    then described by the role, even when the given name is in no list.  ``title_starts``: the
    token starts (and head starts) of the article's title phrases."""
    tokens = tokens_of(doc)
    out: list[Mention] = []
    for i, tok in enumerate(tokens):
        if i in taken or tok.pos_ != "PROPN" or (i > 0 and tokens[i - 1].text[:1].isupper()):
            continue
        j = i
        while j < len(tokens) and j - i < 3 and j not in taken and tokens[j].pos_ == "PROPN":
            if not _plain_name_word(tokens[j].text):
                break
            j += 1
        if j - i < 2 or j + 1 >= len(tokens) or tokens[j].text != ",":
            continue
        if tokens[j - 1].lower_ in _FACILITY_HEADS or any(t.ent_type_ in _OTHER_TYPES for t in tokens[i:j]):
            continue  # "at the United Nations Headquarters, the ambassador X": a place or a body
        k = j + 1
        if tokens[k].lower_ in {"the", "a", "an"}:
            k += 1
        if k in title_starts:
            m = Mention(i, j, "PERSON", doc[i:j].text)
            m.set_chars(doc)
            out.append(m)
    return out


def shared_surname_mentions(doc: Doc, mentions: list[Mention], taken: set[int]) -> list[Mention]:
    """ "Fatima and Omar Haddad": a given name (known, or a lone untagged name word) joined by
    "and" to a person's full name that opens with a known given name shares that person's surname,
    so it names a second person (canonical "Fatima Haddad")."""
    out: list[Mention] = []
    alone = {m.start: m for m in mentions if m.label == "PERSON" and m.end - m.start == 1}
    for m in mentions:
        if m.label != "PERSON" or m.kind != "name" or m.end - m.start < 2 or m.start < 2:
            continue
        first = doc[m.start - 2]
        if doc[m.start - 1].lower_ != "and" or not _given_name(doc[m.start].text) or first.pos_ != "PROPN":
            continue
        if m.start >= 3 and doc[m.start - 3].text[:1].isupper():
            continue  # "Ana Ruiz and Eva Kim": the word before "and" ends another full name
        canonical = f"{first.text} {doc[m.start + 1 : m.end].text}"
        if m.start - 2 in alone and _given_name(first.text):  # the model tagged the given name alone
            alone[m.start - 2].canonical = canonical
            continue
        named_like = _given_name(first.text) or (_plain_name_word(first.text) and not first.ent_type_)
        if (m.start - 2) in taken or not named_like:
            continue
        extra = Mention(m.start - 2, m.start - 1, "PERSON", first.text)
        extra.canonical = canonical
        extra.set_chars(doc)
        out.append(extra)
    return out
