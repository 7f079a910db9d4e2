"""Names in a list of places are places: conjuncts agree in kind.

News lists towns and districts ("Busia, Kisumu, Voi, Mtito Andei and Mombasa"; "Peebles,
Borders, Scotland").  The small model types most items of such a list GPE and some at random
PERSON or ORG (a two-word town looks like a name) or not at all (the last item before a closing
quotation mark).  Coordinated items share their kind, so an item whose neighbours in the list are
places is a place too:

- :func:`retype_list_items`: a PERSON/ORG name with no lexicon entry, no organisation word, no
  title and (a person) no known given name first, both of whose neighbours are places, or the two
  items before (or after) it, is a GPE;
- :func:`untagged_list_places`: a run of capitalised proper nouns the model left untagged, closing
  (or continuing) a list whose two previous items are places, is a GPE.

A list of people ("Smith, Jones and Brown") or of organisations is untouched: the rule needs
two places next to the item.

Coordinated adjectives share their head noun too: in "the Republican and Democratic parties" each
adjective names a party (:func:`party_names`: "Republican Party", "Democratic Party"), as does a
group name ending in a party's member plural ("the Liberal Democrats").

Two organisation names joined by a spaced dash name one organisation ("Confederación de
Trabajadores - Confederation of Workers": :func:`link_translations`).  A second name given to a
person ("Carlos Christo, known as Frei Carlos,"; "nicknamed", "alias") is that person's
(:func:`link_known_as`).
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.nlp.knowledge.cities import city_country
from newsgraph.nlp.knowledge.gazetteer import country_of_place, gazetteer, given_name_gender, lookup
from newsgraph.nlp.knowledge.wordlists import wordlist
from newsgraph.nlp.mentions.name_types import has_org_word
from newsgraph.nlp.mentions.names import Mention

_SEPARATORS = frozenset({",", "and", "or"})
_ALIAS_CUES = wordlist("alias_cues")
_PARTY_NOUNS = wordlist("party_nouns")
_MEMBER_PLURALS = wordlist("party_member_plurals")


def _before(doc: Doc, start: int, by_end: dict[int, Mention]) -> Mention | None:
    """The list item right before token ``start`` (", X" / "X and" / "X, and")."""
    i = start - 1
    if i >= 0 and doc[i].lower_ in {"and", "or"}:
        i -= 1
        if i >= 0 and doc[i].text == ",":
            i -= 1
    elif i >= 0 and doc[i].text == ",":
        i -= 1
    else:
        return None
    return by_end.get(i + 1)


def _after(doc: Doc, end: int, by_start: dict[int, Mention]) -> Mention | None:
    """The list item right after token ``end``."""
    i = end
    if i < len(doc) and doc[i].text == ",":
        i += 1
    if i < len(doc) and doc[i].lower_ in {"and", "or"}:
        i += 1
    if i == end:
        return None
    return by_start.get(i)


def _place(m: Mention | None) -> bool:
    return m is not None and m.label == "GPE"


def retype_list_items(doc: Doc, mentions: list[Mention]) -> None:
    """Retype PERSON/ORG items of a list of places (module docstring); in place."""
    by_start = {m.start: m for m in mentions}
    by_end = {m.end: m for m in mentions}
    g = gazetteer()
    for m in mentions:
        if m.label not in {"PERSON", "ORG"} or m.canonical is not None or m.titles:
            continue
        if has_org_word(doc, m.start, m.end) or lookup(g.demonyms, m.text) is not None:
            continue
        if m.label == "PERSON" and given_name_gender(doc[m.start].text) is not None:
            continue  # "Queensland, Australia and Paul Hale, 37,": a person joins the list
        left, right = _before(doc, m.start, by_end), _after(doc, m.end, by_start)
        left2 = _before(doc, left.start, by_end) if left is not None else None
        right2 = _after(doc, right.end, by_start) if right is not None else None
        if (
            (_place(left) and _place(right))
            or (_place(left) and _place(left2))
            or (_place(right) and _place(right2))
        ):
            m.label = "GPE"
            m.country = (
                country_of_place(m.text) or city_country(m.text) or _shared_country(left, right, left2)
            )


def untagged_list_places(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """GPE mentions for untagged proper-noun runs continuing a list of places (module docstring)."""
    by_end = {m.end: m for m in mentions}
    taken = {i for m in mentions for i in range(m.start, m.end)} | {
        i for e in doc.ents for i in range(e.start, e.end)
    }
    out: list[Mention] = []
    i = 0
    while i < len(doc):
        if i in taken or not _proper(doc, i) or i == 0 or doc[i - 1].lower_ not in _SEPARATORS:
            i += 1
            continue
        end = i
        while end < len(doc) and end not in taken and _proper(doc, end) and end - i < 3:
            end += 1
        left = _before(doc, i, by_end)
        left2 = _before(doc, left.start, by_end) if left is not None else None
        if _place(left) and _place(left2) and (end == len(doc) or not _proper(doc, end)):
            mention = Mention(i, end, "GPE", doc[i:end].text)
            mention.country = (
                country_of_place(mention.text) or city_country(mention.text) or _shared_country(left, left2)
            )
            mention.set_chars(doc)
            out.append(mention)
        i = end
    return out


def _shared_country(*items: Mention | None) -> str | None:
    """The country of the neighbouring places when they agree (towns listed together)."""
    countries = {m.country for m in items if m is not None and m.label == "GPE" and m.country}
    return countries.pop() if len(countries) == 1 else None


def _proper(doc: Doc, i: int) -> bool:
    tok = doc[i]
    return tok.is_alpha and tok.text[:1].isupper() and tok.pos_ == "PROPN" and not tok.is_sent_start


def party_names(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Group names that name political parties become ORG (module docstring)."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (
            _member_plural(doc, m)
            and prev is not None
            and prev.end == m.start
            and prev.label in {"GPE", "NORP"}
        ):
            joined = Mention(prev.start, m.end, "ORG", doc[prev.start : m.end].text)  # "Sweden | Democrats"
            joined.set_chars(doc)
            out[-1] = joined
            continue
        out.append(m)
        if m.label not in {"NORP", "ORG"} or (m.canonical is not None and m.label == "ORG"):
            continue
        if m.label == "NORP" and m.end - m.start >= 2 and _member_plural(doc, m):
            m.label, m.country, m.canonical = "ORG", None, None  # "the Liberal Democrats"
            continue
        last = doc[m.end - 1]
        head = last.head.head if last.dep_ == "conj" else last.head
        modifies = last.dep_ in {"amod", "compound", "conj", "nmod"} and head.i >= m.end
        if m.label == "NORP" and modifies and head.lower_ in _PARTY_NOUNS and head.text.islower():
            # "the Republican party"; in "the Republican Party" the model has the whole name
            m.label, m.country, m.canonical = "ORG", None, f"{m.text} Party"
    return out


def _member_plural(doc: Doc, m: Mention) -> bool:
    return (
        m.label == "NORP" and doc[m.end - 1].lower_ in _MEMBER_PLURALS and doc[m.end - 1].text[:1].isupper()
    )


def link_known_as(doc: Doc, mentions: list[Mention]) -> None:
    """A person name after "known as" / "nicknamed" / "alias" takes the canonical name of the
    person named just before in the sentence, so that the discourse layer joins them; in place."""
    people = [m for m in mentions if m.label == "PERSON" and m.kind == "name"]
    for m in people:
        cue = m.start - 1
        if cue >= 0 and doc[cue].lower_ == "as" and cue > 0 and doc[cue - 1].lower_ == "known":
            cue -= 1
        if cue < 0 or doc[cue].lower_ not in _ALIAS_CUES:
            continue
        sent_start = doc[m.start].sent.start
        before = [o for o in people if sent_start <= o.start and o.end <= cue and o is not m]
        if before and before[-1].end >= cue - 3:  # "X, known as Y" / "X, also known as Y"
            m.canonical = before[-1].canonical or before[-1].text


def link_translations(doc: Doc, mentions: list[Mention]) -> None:
    """Two organisation names joined by a spaced dash ("X - Y", a name and its translation) are
    one organisation: the second takes the first's canonical name; in place."""
    by_start = {m.start: m for m in mentions}
    for m in mentions:
        if m.label != "ORG" or m.end >= len(doc) or doc[m.end].text not in {"-", "–", "—"}:
            continue
        other = by_start.get(m.end + 1)
        if other is not None and other.label == "ORG" and other.canonical is None and m.end - m.start >= 2:
            other.canonical = m.canonical or m.text
