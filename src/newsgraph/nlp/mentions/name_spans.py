"""Span boundaries of names: what the model cut too short, too long, or missed.

- :func:`lexicon_spans` finds country names, seats and known organisations (spaCy's PhraseMatcher);
- :func:`split_inner_the` and :func:`split_known_prefix` cut merged spans
  ("Rathbun the Scientology", "Amnesty International Iason Athanasiadis-Fowden");
- :func:`extend_person` and :func:`extend_org` widen names the model cut short
  ("Enver Solomon", "ABC Online", "Joint Council for the Welfare of Immigrants");
- :func:`join_hyphen_parts` joins glued hyphen parts ("Sharm el-Sheikh");
- :func:`strip_nationality` cuts a nationality word off the front of a person's name ("Briton
  [Tom Hale]"): it describes the person, it is not part of the name.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.lang.en import English
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan
from spacy.vocab import Vocab

from newsgraph.nlp.doc_cache import span_text
from newsgraph.nlp.knowledge.gazetteer import (
    Country,
    country_of_place,
    gazetteer,
    given_name_gender,
    lookup,
    nationality_country,
)
from newsgraph.nlp.mentions.titles import TitlePhrase

_MAX_WORDS = 6  # the longest lexicon name looked for, in tokens


def blocked_tokens(doc: Doc, titles: list[TitlePhrase]) -> frozenset[int]:
    """Token indices a person name may not grow over: titles and non-person entities.

    Computed once per document by the caller (computing it per name was quadratic).
    """
    in_titles = {i for p in titles for i in range(p.start, p.end)}
    ents = {i for e in doc.ents if e.label_ != "PERSON" for i in range(e.start, e.end)}
    return frozenset(in_titles | ents)


def extend_person(doc: Doc, start: int, end: int, blocked: frozenset[int]) -> tuple[int, int]:
    """Widen a person name over adjacent capitalised name words the model left out.

    "CEO of the Refugee Council Enver [Solomon]" and "[Ahmed Abdallah] Mohamed Sambi": a proper
    noun next to a person name, that is no title, country, organisation word or other entity, is
    part of the name.  ``blocked``: see :func:`blocked_tokens`.
    """
    sent = doc[start].sent
    sent_start, sent_end = sent.start, sent.end

    def name_word(i: int) -> bool:
        tok = doc[i]
        return (
            tok.pos_ == "PROPN"
            and tok.text[:1].isupper()
            and i not in blocked
            and tok.lower_ not in gazetteer().org_name_words
            and country_of_place(tok.text) is None
            and lookup(gazetteer().demonyms, tok.text) is None
        )

    while start > sent_start and name_word(start - 1) and doc[start - 1].whitespace_ != "":
        start -= 1
    while end < sent_end and name_word(end) and doc[end - 1].whitespace_:
        end += 1
    return start, end


def split_inner_the(doc: Doc, start: int, end: int, label: str) -> list[tuple[int, int, str]]:
    """ "Rathbun the Scientology" -> "Rathbun", "Scientology": a lower-case "the" inside a name
    (not after "of"/"for") joins two names."""
    for i in range(start + 1, end - 1):
        if doc[i].text == "the" and doc[i - 1].lower_ not in {"of", "for", "on", "and", "in", "to"}:
            return [(start, i, label), (i + 1, end, label)]
    return [(start, end, label)]


def split_spaced_dash(doc: Doc, start: int, end: int, label: str) -> list[tuple[int, int, str]]:
    """ "Confederación de Trabajadores - Confederation of Workers": a spaced dash between two
    capitalised names of two words or more joins a name and its translation (or another name)."""
    for i in range(start + 2, end - 2):
        tok = doc[i]
        spaced = tok.text in {"-", "–", "—"} and tok.whitespace_ and doc[i - 1].whitespace_
        if spaced and doc[i - 1].text[:1].isupper() and doc[i + 1].text[:1].isupper():
            return [(start, i, label), (i + 1, end, label)]
    return [(start, end, label)]


WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
MONTHS = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october"}
    | {"november", "december"}
)


def date_word(tok: Token) -> bool:
    """A weekday, a month or a token the model tagged as a date or time."""
    return tok.lower_ in WEEKDAYS or tok.lower_ in MONTHS or tok.ent_type_ in ("DATE", "TIME")


def extend_org(doc: Doc, start: int, end: int) -> int:
    """Widen an organisation name the model cut short.

    "ABC" + "Online", "Joint Council" + "for the Welfare of Immigrants".
    """
    g = gazetteer()
    while end < len(doc) and doc[end].text[:1].isupper() and doc[end].lower_ in g.org_name_words:
        end += 1
    if doc[end - 1].lower_ in g.org_name_words and end < len(doc) and doc[end].lower_ in {"of", "for", "on"}:
        k = end + 1
        if k < len(doc) and doc[k].lower_ == "the":
            k += 1
        j = k
        while (
            j < len(doc)
            and (
                doc[j].text[:1].isupper()
                or (
                    doc[j].lower_ in {"of", "and", "the"}
                    and j + 1 < len(doc)
                    and doc[j + 1].text[:1].isupper()
                )
            )
            and doc[j].ent_type_ != "PERSON"
            and not date_word(doc[j])  # "Parliament on Wednesday": a date, not a name
        ):
            j += 1
        if j > k and j - k <= 6:
            return j
    return _adjective_and(doc, start, end)


def _adjective_and(doc: Doc, start: int, end: int) -> int:
    """An organisation name does not end in an adjective: "Center for Political | and Strategic
    Studies" goes on over "and" and the capitalised words after it (up to four)."""
    if end - start >= 3 and doc[end - 1].lower_ == "and" and _adjective(doc[end - 2]):
        end -= 1  # the model's span took the "and" and stopped
    if end + 1 >= len(doc) or not _adjective(doc[end - 1]) or doc[end].lower_ != "and":
        return end
    if not any(t.lower_ in {"for", "of"} for t in doc[start:end]):
        return end
    j = end + 1
    while j < len(doc) and j - end <= 4 and doc[j].text[:1].isupper() and doc[j].ent_type_ != "PERSON":
        j += 1
    return j if j > end + 1 and doc[j - 1].pos_ in {"NOUN", "PROPN"} else end


#: Endings of English adjectives, for capitalised ones the tagger calls proper nouns in names.
_ADJECTIVE_ENDINGS = ("al", "ic", "ive", "ous", "ary", "ian", "ean")


def _adjective(tok: Token) -> bool:
    return tok.pos_ == "ADJ" or (tok.text[:1].isupper() and tok.lower_.endswith(_ADJECTIVE_ENDINGS))


def join_hyphen_parts(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """A name the model cut at a glued hyphen goes on over the other part.

    - a lower-case particle, a hyphen and a capitalised word: "Sharm el-Sheikh", "Abu al-Hassan";
    - a Persian/Urdu ezafe "-e"/"-i" between two capitalised words, with or without a second
      hyphen: "Etemad-e Melli", "Hezb-e-Islami", on either side of the model's span.

    Other glued hyphens join two names ("Russia-US") or a name and a word ("Iran-based"), and end
    the name.
    """

    def glued(i: int) -> bool:  # doc[i] is a hyphen with no space on either side
        return (
            0 < i < len(doc) - 1
            and doc[i].text == "-"
            and not doc[i - 1].whitespace_
            and not doc[i].whitespace_
        )

    def particle(i: int) -> bool:
        return 0 <= i < len(doc) and doc[i].text.isalpha() and doc[i].text.islower() and len(doc[i].text) <= 2

    def cap(i: int) -> bool:
        return 0 <= i < len(doc) and doc[i].text[:1].isupper() and doc[i].text.isalpha()

    if glued(end) and doc[end - 1].text.isalpha() and doc[end - 1].text.islower() and cap(end + 1):
        return start, end + 2
    if glued(end) and particle(end + 1) and cap(end - 1):
        if glued(end + 2) and cap(end + 3):
            return start, end + 4  # "Hezb" | "-e-Islami"
        if doc[end + 1].whitespace_ and cap(end + 2):
            return start, end + 3  # "Etemad" | "-e Melli"
    if particle(start - 1) and glued(start - 2) and cap(start - 3):
        return start - 3, end  # "Etemad-e" | "Melli"
    if glued(start - 1) and particle(start - 2) and glued(start - 3) and cap(start - 4):
        return start - 4, end  # "Hezb-e-" | "Islami"
    return start, end


def split_known_prefix(doc: Doc, ent: SpacySpan, label: str) -> list[tuple[int, int, str]]:
    """Split "Amnesty International Iason Athanasiadis-Fowden" into a known org and the rest (a
    country stays in the name unless a given name follows it: "US Air Force", "Kenya Wildlife
    Service" are a country's bodies; "Kenya Ruth Otieno" is a country and a person)."""
    g = gazetteer()
    for n in range(len(ent) - 1, 0, -1):
        head = doc[ent.start : ent.start + n].text
        head_clean = head.removeprefix("the ").removeprefix("The ")
        if head_clean in g.orgs or lookup(g.country_names, head_clean) is not None:
            rest = doc[ent.start + n : ent.end]
            known_rest = rest.text in g.orgs  # "UK | Foreign Office": the lexicon names the body
            body = any(t.lower_ in g.org_name_words for t in rest) or given_name_gender(rest[0].text) is None
            if head_clean not in g.orgs and not known_rest and body:
                break  # "US Air Force", "Kenya Wildlife Service": the country names whose body it is
            if len(rest) >= 2 and all(t.text[:1].isupper() or t.text == "-" for t in rest):
                kind = "ORG" if head_clean in g.orgs else "GPE"
                return [(ent.start, ent.start + n, kind), (ent.start + n, ent.end, "PERSON")]
            break
    return [(ent.start, ent.end, label)]


@lru_cache(maxsize=4)
def _lexicon_matcher(vocab: Vocab) -> PhraseMatcher:
    """spaCy's PhraseMatcher over every country name, seat and known organisation, matched on
    lower case (the lookup rules then decide: all-caps short forms must match exactly)."""
    g = gazetteer()
    keys = [*g.orgs, *g.country_names, *g.seats]
    keys += [k.replace("'", "’") for k in keys if "'" in k]  # "N’Djamena" as typeset
    tokenizer = English(vocab=vocab).tokenizer
    matcher = PhraseMatcher(vocab, attr="LOWER")
    matcher.add("LEXICON", [tokenizer(key) for key in sorted(set(keys))])
    return matcher


def lexicon_spans(doc: Doc) -> list[tuple[int, int, str]]:
    """Country names, seats and known organisations found in the text, longest first, left to
    right: the matcher proposes, the lexicon's lookup rules accept."""
    g = gazetteer()
    ends: dict[int, list[int]] = {}
    for _, start, end in _lexicon_matcher(doc.vocab)(doc):
        if end - start <= _MAX_WORDS:
            ends.setdefault(start, []).append(end)
    found: list[tuple[int, int, str]] = []
    i = 0
    for start in sorted(ends):
        if start < i:
            continue
        for end in sorted(ends[start], reverse=True):
            text = span_text(doc, start, end)
            if "\n" in text:
                continue
            if text in g.orgs:
                found.append((start, end, "ORG"))
            elif lookup(g.country_names, text) is not None or text in g.seats:
                found.append((start, end, "GPE"))
            else:
                continue
            i = end
            break
    return found


def strip_nationality(doc: Doc, start: int, end: int) -> int:
    """The start of a person's name after a leading nationality word ("Briton Tom Hale", "Kenyan
    Peter Otieno"), when at least two name words remain; likewise after a role written before a
    given name that the model took into the name ("Scientologist Tom Cruise", "Senador Ana Ruiz",
    a misspelt "Prime Minster Ana Ruiz"): the words before the first known given name go when
    none of them is a given name and one is a title or has a role noun's ending; and a country
    name before the surname of a person named elsewhere in the article ("In Venezuela Chavez ...")."""
    if end - start >= 3 and nationality_country(doc[start].text) is not None:
        return start + 1
    if end - start == 2 and lookup(gazetteer().country_names, doc[start].text) is not None:
        surname = doc[start + 1].text  # "In Venezuela Chavez rules": a place, then a known surname
        if any(e.label_ == "PERSON" and e.start != start and e[-1].text == surname for e in doc.ents):
            return start + 1
    return leading_role_end(doc, start, end)


def leading_role_end(doc: Doc, start: int, end: int) -> int:
    """Where the name starts after a role the model took into it ("Senador | Ana Ruiz"), else
    ``start`` (see :func:`strip_nationality`)."""
    first = next((i for i in range(start + 1, end - 1) if _given(doc[i].text)), None)
    if first is None or any(_given(t.text) for t in doc[start:first]):
        return start
    return first if any(_role_word(t.lower_) for t in doc[start:first]) else start


def _given(word: str) -> bool:
    return word.isalpha() and word[:1].isupper() and given_name_gender(word) is not None


#: Endings of role nouns written before a name ("Scientologist", "Senador", "Minster").
_ROLE_ENDINGS = ("ist", "ian", "er", "or")


def _role_word(lower: str) -> bool:
    return lower.rstrip(".") in gazetteer().titles or (len(lower) > 4 and lower.endswith(_ROLE_ENDINGS))


def surface(doc: Doc, start: int, end: int) -> str:
    """The name as written, without editorial brackets and with single spaces."""
    text = span_text(doc, start, end).replace("[", "").replace("]", "")
    return " ".join(text.split())


def country_span(doc: Doc, start: int, end: int) -> Country | None:
    g = gazetteer()
    text = surface(doc, start, end)
    return lookup(g.country_names, text) or lookup(g.capitals, text) or lookup(g.seats, text)
