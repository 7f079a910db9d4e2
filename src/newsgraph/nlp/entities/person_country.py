"""A person's country from what the text says about that person, never from the story's setting.

Evidence, in order of strength:

1. a country, nationality or place inside one of the person's titles ("an official from the Juba
   region in Somalia", "Polish Undersecretary of State for Defence");
2. an organisation the person speaks for or belongs to, when that organisation has a country: the
   organisation named in a title ("spokesman for the Egyptian Foreign Ministry", "MDC
   spokesperson") or after the name ("X from the Liberal Democrats", "X of the Chicago Tribune");
3. a nationality word or a place in the person's own noun phrase: a demonym on the noun the name
   stands in apposition to ("his Kenyan colleague, X"), a demonym or a country's possessive right
   before the name ("the Brazilian X", "Chile's X"), or "of"/"from" + a place after the name
   ("X, 37, from Queensland, Australia", "X of South Africa").

4. a nationality on a role description the discourse layer resolved to the person ("X was shot
   dead. The Kenyan journalist had written about the police");
5. a title without a country coordinated with a titled name that has one: "Polish Prime Minister
   A and Defence Minister B" (B is Polish too).

More of the person's own phrase (:mod:`.person_phrase`): a nationality noun in apposition ("X, a
Bulgarian,"), a place of birth ("a Somalia-born man, X"), a group with a nationality that the name
stands in apposition to or is listed in ("two Kenyan runners, A and B", "Turkish writers,
including X"), a title whose "its"/"their" refers to a country or organisation ("Iran and its
president X", "Poland said its foreign minister, X,"), a title of a country taken "as" ("X was
sworn in as president of Chile"), and a US party-and-state bracket ("Rep. X (D-Ohio)").

An appositive title is read to the end of its clause ("X, senior researcher at Cairo's Institute
for Y", "X, a corporal in the Israeli army"), but not past the "to"/"with" of a title that names the
other side ("Sweden's ambassador to France" is Swedish, "a liaison officer with Egypt" not Egyptian).

Places resolve through the gazetteer (a city gives its country); an organisation's country is the
one its entity has of its own (its lexicon entry or its name; not the story's country an
organisation takes by default), also where a title takes the organisation's short name into itself
("a FARC commander").  Without evidence the country stays unknown.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from newsgraph.nlp.discourse.descriptions import Described
from newsgraph.nlp.discourse.names import Cluster
from newsgraph.nlp.doc_cache import span_text, tokens_of
from newsgraph.nlp.entities.person_phrase import CountryAt, phrase_evidence, word_country
from newsgraph.nlp.knowledge.gazetteer import gazetteer, lookup, nationality_country
from newsgraph.nlp.knowledge.org_countries import org_home_country
from newsgraph.nlp.knowledge.wordlists import wordlist
from newsgraph.nlp.mentions.names import Mention

_POSSESSIVE = wordlist("possessive")
_COUNTERPART = wordlist("counterpart_titles")
_COUNTERPART_LINKS = frozenset({"to", "with", "toward", "towards"})

__all__ = ["CountryAt", "named_country_at", "person_country", "word_country"]

#: Longest run of capitalised words read as one organisation or place name by :func:`named_country_at`.
_MAX_NAME_WORDS = 4


def named_country_at(doc: Doc, named: list[tuple[Cluster, str | None]]) -> CountryAt:
    """The country of the organisation or place (``named``: clusters with their own countries)
    owning token ``i``; else, for a capitalised word in no mention, the country of an
    organisation or place written the same way elsewhere in the article, or defined there as its
    acronym ("the Kenya Wildlife Service (KWS)"), or a company, NGO or armed group of the
    dictionaries (:mod:`~newsgraph.nlp.knowledge.org_countries`) named at the start of the run of
    capitalised words.  Why: a title takes the organisation's name into itself ("a FARC
    commander", "KWS spokesman X", "Mahdi Army leader X"), so no mention covers it there."""
    owner = {
        i: country
        for c, country in named
        for m in c.mentions
        if m.kind == "name"
        for i in range(m.start, m.end)
    }
    by_text: dict[str, str] = {}
    for c, country in named:
        if country is None:
            continue
        for m in c.names():
            by_text.setdefault(m.text, country)
            if m.end + 2 < len(doc) and doc[m.end].text == "(" and doc[m.end + 2].text == ")":
                by_text.setdefault(doc[m.end + 1].text, country)
    tokens = tokens_of(doc)

    def capital(i: int) -> bool:
        return i not in owner and tokens[i].text[:1].isupper()

    def country_at(i: int) -> str | None:
        if i in owner:
            return owner[i]
        if not capital(i):
            return None
        lo, hi = i, i + 1
        while lo > 0 and i - lo < _MAX_NAME_WORDS - 1 and capital(lo - 1):
            lo -= 1
        while hi < len(tokens) and hi - i < _MAX_NAME_WORDS and capital(hi):
            hi += 1
        spans = sorted(
            ((s, e) for s in range(lo, i + 1) for e in range(i + 1, hi + 1)), key=lambda p: p[0] - p[1]
        )
        found = next((by_text[t] for s, e in spans if (t := span_text(doc, s, e)) in by_text), None)
        # else a company, NGO or armed group the dictionaries know, named at the start of the run
        # ("Mahdi Army leader X", "Boeing Vice President X")
        return found or next(
            (h for e in range(hi, i, -1) if (h := org_home_country(span_text(doc, lo, e)))), None
        )

    return country_at


def person_country(
    doc: Doc, c: Cluster, country_at: CountryAt, described: Sequence[Described] = ()
) -> str | None:
    """The country the text gives for person cluster ``c`` (module docstring), or None;
    ``described``: role descriptions resolved to ``c`` ("the Kenyan journalist")."""
    for m in sorted(c.mentions, key=lambda m: m.start):
        for p in m.titles:
            found = _span_country(
                doc, p.start, _own_end(doc, p.start, max(p.end, p.display_end or 0)), country_at
            )
            if found:
                return found
    for m in sorted(c.names(), key=lambda m: m.start):
        found = _phrase_country(doc, doc[m.end - 1], country_at) or _before_name(doc, m.start)
        if found:
            return found
    for m in sorted(c.names(), key=lambda m: m.start):
        found = phrase_evidence(doc, m.start, m.end, _title_start(m), country_at)
        if found:
            return found
    for d in described:  # "X was shot. The Kenyan journalist had written ...": a later description
        for tok in doc[d.start : d.head.i]:
            found = word_country(tok.text, places=False) if tok.text[:1].isupper() else None
            if found:
                return found
    for m in sorted(c.mentions, key=lambda m: m.start):
        for p in m.titles:
            if p.end == m.start and p.country is None:
                found = _coordinated_country(doc, p.start)
                if found:
                    return found
    return None


def _own_end(doc: Doc, start: int, end: int) -> int:
    """Where the part of a title about its holder ends: before the "to"/"with" of a title that
    names the other side ("ambassador to France", "liaison officer with Egypt")."""
    for i in range(start, end):
        if doc[i].lower_ in _COUNTERPART_LINKS and any(t.lower_ in _COUNTERPART for t in doc[start:i]):
            return i
    return end


def _title_start(m: Mention) -> int:
    """Where the name's phrase begins: the start of a title written right before it, else the name."""
    return min((p.start for p in m.titles if p.end == m.start), default=m.start)


def _coordinated_country(doc: Doc, title_start: int) -> str | None:
    """The country of the first conjunct in "Polish Prime Minister A and [Defence Minister] B":
    a nationality or country word in the titled name before "and", within its clause."""
    if title_start < 3 or doc[title_start - 1].lower_ != "and" or doc[title_start - 2].pos_ != "PROPN":
        return None
    i = title_start - 2
    while i > 0 and title_start - i < 10:
        i -= 1
        tok = doc[i]
        if tok.is_punct or tok.pos_ in {"VERB", "AUX", "ADP", "CCONJ"}:
            return None
        found = word_country(tok.text, places=False) if tok.text[:1].isupper() else None
        if found:
            return found
    return None


def _before_name(doc: Doc, start: int) -> str | None:
    """A demonym ("the Brazilian X", "Briton X") or a country's possessive ("Chile's X") right
    before a name.  Only country words count here: "Lima's X" may be the city's, not the person's."""
    if start == 0:
        return None
    prev = doc[start - 1]
    if prev.text in _POSSESSIVE and start >= 2:
        g = gazetteer()
        hit = lookup(g.country_names, doc[start - 2].text)
        return hit.iso3 if hit else None
    if prev.text[:1].isupper() and "\n" not in prev.whitespace_:
        hit = nationality_country(prev.text)
        return hit.iso3 if hit else None
    return None


def _span_country(doc: Doc, start: int, end: int, country_at: CountryAt) -> str | None:
    """A country named in tokens ``[start, end)``: a country word or demonym, else a place (a
    country named beside a city wins: "the Juba region in Somalia"), else an organisation with
    a country."""
    for places in (False, True):
        for tok in doc[start:end]:
            if tok.ent_type_ in ("GPE", "NORP", "LOC") or tok.pos_ in ("PROPN", "ADJ"):
                found = word_country(tok.text, places)
                if found:
                    return found
    for i in range(start, end):
        found = country_at(i)
        if found:
            return found
    return None


def _phrase_country(doc: Doc, head: Token, country_at: CountryAt) -> str | None:
    """Evidence around a name whose last token is ``head``: the apposition's noun and its
    modifiers, and an "of"/"from" phrase after the name (a place or an organisation)."""
    nouns = [head.head] if head.dep_ == "appos" and head.head.pos_ == "NOUN" else []
    nouns += [c for c in head.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    for noun in nouns:
        for mod in noun.children:
            if mod.dep_ in ("amod", "compound", "nmod") and mod.i != head.i:
                found = word_country(mod.text) or country_at(mod.i)
                if found:
                    return found
    for prep in list(head.children) + [c for n in nouns for c in n.children]:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "from"):
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                found = _span_country(doc, pobj.left_edge.i, pobj.right_edge.i + 1, country_at)
                if found:
                    return found
    return None
