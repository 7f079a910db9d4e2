"""Name mentions: the model's entity spans, repaired, retyped and completed from the lexicons.

The small English model's spans are a starting point, not the answer.  Each span is cleaned
(leading "the", possessive "'s", line breaks, editorial brackets "[Bill] Keating"), cut where a
title phrase overlaps it ("Defense Lloyd Austin" -> "Lloyd Austin"; "State" in "Secretary of State"
is no entity), and retyped by evidence that generalises across articles:

- the country lexicon (names, aliases, capitals, seats), the place list and GeoNames cities that are
  no English word (:mod:`~newsgraph.nlp.knowledge.cities`) make a span a GPE;
- an organisation lexicon entry, or a descriptor before the name ("the news agency Reuters"), an ORG;
- an attached person title ("Colonel X", "X, the government spokesman"), a PERSON;
- place descriptors ("the village of X", "the capital of X") a GPE.

Continents and world regions ("Europe", "the Middle East") are dropped: they are neither a state nor
a place inside one.

Country names and organisation names the model missed are added from the lexicons; spans that are
not entities of our four types (streets, events, time zones, products with digits) are dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from newsgraph.nlp.knowledge.cities import city_country
from newsgraph.nlp.knowledge.gazetteer import country_of_place, gazetteer, lookup, org_entry
from newsgraph.nlp.knowledge.wordlists import wordlist
from newsgraph.nlp.mentions.name_spans import (
    WEEKDAYS,
    blocked_tokens,
    country_span,
    date_word,
    extend_org,
    extend_person,
    join_hyphen_parts,
    leading_role_end,
    lexicon_spans,
    split_inner_the,
    split_known_prefix,
    split_spaced_dash,
    strip_nationality,
    surface,
)
from newsgraph.nlp.mentions.name_types import (
    EVENT_WORDS,
    PLACE_DESCRIPTORS,
    drop_span,
    has_org_word,
    retype_span,
)
from newsgraph.nlp.mentions.titles import TitlePhrase, complement_word, role_phrase

_LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "NORP": "NORP", "LOC": "LOC", "FAC": "FAC"}
_DETS = wordlist("determiners")
_POSSESSIVE = wordlist("possessive")
_STRIP = frozenset({",", ".", ";", ":", '"', "“", "”", "(", ")", "-", "–", "—", "'", "‘", "’"})
_CONTINENTAL = wordlist("continental_adjectives")


@dataclass(slots=True)
class Mention:
    """One mention: a token span, its type, and what the lexicons or titles say about it."""

    start: int
    end: int
    label: str
    text: str
    kind: str = "name"
    country: str | None = None
    canonical: str | None = None
    actor: str | None = None
    titles: list[TitlePhrase] = field(default_factory=list)
    char_start: int = -1
    char_end: int = -1
    gender: str | None = None
    sieve: str = "exact"  # the discourse pass that linked it to its entity (discourse.model.SIEVES)
    confidence: float | None = None  # the link's own confidence where its pass scores it

    def set_chars(self, doc: Doc) -> None:
        if self.char_start < 0:
            self.char_start = doc[self.start].idx
        if self.char_end < 0:
            last = doc[self.end - 1]
            self.char_end = last.idx + len(last.text)


def _clean_bounds(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop determiners, possessives, punctuation, a "pro-"/"anti-" prefix and anything after a
    line break; a name ends
    before an opening bracket ("Palestinian Legislative Council (PLC": the bracket holds its
    short form), before a colon or semicolon ("Amnesty International: Soldiers ..."), before a
    spaced dash with a short form after it ("... of Colombia - FARC") and before a trailing date
    phrase ("Scottish Parliament on Wednesday")."""
    for i in range(start, end):
        if "\n" in doc[i].text or ("\n" in doc[i].whitespace_ and i + 1 < end):
            end = i + 1 if "\n" not in doc[i].text else i
            break
    for i in range(start + 1, end):
        tok = doc[i]
        short_after = i + 1 < end and doc[i + 1].text.isupper() and len(doc[i + 1].text) >= 2
        dated = tok.pos_ == "ADP" and i + 1 < end and date_word(doc[i + 1])
        colon = tok.text in (":", ";")  # "Amnesty International: Soldiers killed ..." (a headline)
        if (
            tok.text == "("
            or colon
            or (tok.text in ("-", "–", "—") and tok.whitespace_ and short_after)
            or dated
        ):
            end = i
            break
    leading = _DETS | _STRIP | _POSSESSIVE
    while start < end and (doc[start].text in leading or doc[start].is_space):
        start += 1
    if end - start >= 3 and doc[start].lower_ in {"pro", "anti"} and doc[start + 1].text == "-":
        start += 2  # "pro-Syria", "anti-Hamas": the stance is no part of the name
    while end > start and (
        doc[end - 1].text in _POSSESSIVE
        or doc[end - 1].text in _STRIP
        or doc[end - 1].is_space
        or (doc[end - 1].like_num and end - start > 1)
    ):
        end -= 1
    return start, end


def _bracket_start(doc: Doc, start: int) -> int:
    """Character start of a mention, widened over an editorial bracket ("[Bill] Keating")."""
    idx: int = doc[start].idx
    glued = start > 0 and doc[start - 1].text.endswith("[") and not doc[start - 1].whitespace_
    return idx - 1 if glued else idx


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


#: Words that join an institution's name to a title it contains ("Office of the Attorney General").
_NAME_LINKS = wordlist("name_links")


def _subtract_titles(
    start: int, end: int, label: str, titles: list[TitlePhrase], doc: Doc
) -> tuple[int, int] | None:
    """The part of a span outside any title phrase; None when nothing of it is left."""
    g = gazetteer()
    for phrase in titles:
        if not _overlaps((start, end), (phrase.start, phrase.end)):
            continue
        text = surface(doc, start, end)
        inside = phrase.start <= start and end <= phrase.end
        if inside and label == "ORG" and text in g.orgs:
            continue
        if inside and label == "ORG" and start < phrase.head_start < end:
            end = phrase.head_start
            text = surface(doc, start, end)
        if inside and label == "ORG" and org_entry(text) is None:
            known = [k for k in range(end - 1, start, -1) if org_entry(surface(doc, start, k)) is not None]
            end = known[0] if known else end  # "World Bank | Country Director": the lexicon's name
            text = surface(doc, start, end)
        if inside and label in {"ORG", "GPE", "NORP"}:
            # the complement of a title names an organisation or place of its own ("head of the
            # Sahel Health Alliance", "governor of Ouaddai province"); the head ("Secretary of
            # State") never does
            in_complement = start >= phrase.head_end and end - start >= 2 and label != "NORP"
            keep_org = label == "ORG" and (
                text in g.orgs or (end - start >= 2 and has_org_word(doc, start, end)) or in_complement
            )
            keep_gpe = label == "GPE" and in_complement and doc[end - 1].lower_ in PLACE_DESCRIPTORS
            keep_gpe = keep_gpe or (
                label in {"GPE", "NORP"}
                and (country_span(doc, start, end) is not None or lookup(g.demonyms, text) is not None)
            )
            if keep_org or keep_gpe:
                continue
            return None
        if inside:
            return None
        if label == "ORG" and start < phrase.start and doc[phrase.start - 1].lower_ in _NAME_LINKS:
            continue  # "Office of the Attorney General": the title completes an institution's name
        if start >= phrase.start and phrase.end < end and doc[phrase.end].lower_ in {"and", "of", "for"}:
            continue  # "Justice and Equality Movement": a title word opening a longer name
        if start < phrase.start:
            end = min(end, phrase.start)
        else:
            start = max(start, phrase.end)
        start, end = _clean_bounds(doc, start, end)
        if start >= end:
            return None
    return start, end


def collect_names(doc: Doc, titles: list[TitlePhrase]) -> list[Mention]:
    """Repaired name mentions of ``doc`` (see module docstring), in text order, non-overlapping.

    A role found inside a person's name span ("Senador Ana Ruiz") is cut off the name and added
    to ``titles`` as a title phrase."""
    spans: list[tuple[int, int, str]] = []
    for ent in doc.ents:
        label = _LABELS.get(ent.label_)
        if label is not None:
            for part in split_inner_the(doc, ent.start, ent.end, label):
                for piece in split_spaced_dash(doc, *part):
                    spans.extend(split_known_prefix(doc, doc[piece[0] : piece[1]], piece[2]))
    merged: list[tuple[int, int, str]] = []
    for lex in lexicon_spans(doc):
        covering = [
            s for s in spans if s[0] <= lex[0] and lex[1] <= s[1] and (s[1] - s[0]) > (lex[1] - lex[0])
        ]
        if any(not _event_like(doc, s) for s in covering):
            continue
        spans = [s for s in spans if not _overlaps((s[0], s[1]), (lex[0], lex[1]))]
        merged.append(lex)
    spans = sorted(spans + merged)
    mentions: list[Mention] = []
    blocked = blocked_tokens(doc, titles)
    for start, end, label in spans:
        start, end = _clean_bounds(doc, start, end)
        if start >= end:
            continue
        cut = _subtract_titles(start, end, label, titles, doc)
        if cut is None:
            continue
        start, end = cut
        if label == "PERSON":
            start, end = extend_person(doc, start, end, blocked)
            lead = strip_nationality(doc, start, end)
            if lead > start and leading_role_end(doc, start, end) == lead:
                titles.append(role_phrase(doc, start, lead))  # "Senador | Ana Ruiz": a title
            start = _after_complement_word(doc, lead, end)
        elif label == "ORG":
            end = extend_org(doc, start, end)
            start = _weekday_title_start(doc, start, end)
        start, end = join_hyphen_parts(doc, start, end)
        if drop_span(doc, start, end, label):
            continue
        label = retype_span(doc, start, end, label)
        if label == "LOC":
            continue
        if label == "NORP" and surface(doc, start, end) in _CONTINENTAL:
            continue
        mention = Mention(start, end, label, surface(doc, start, end))
        _annotate(mention, doc)
        mentions.append(mention)
    mentions = _join_country_institutions(doc, mentions)
    mentions.extend(_trailing_names(doc, titles, mentions))
    mentions.extend(_appositive_names(doc, titles, mentions))
    mentions.sort(key=lambda m: m.start)
    return _dedupe(mentions)


def _after_complement_word(doc: Doc, start: int, end: int) -> int:
    """ "Minister for Foreign Affairs Kwame Asante": the model starts the person at the last word
    of the title's complement; an ordinary English word that is no given name, right after a
    capitalised word of that complement, is cut off a name of three words or more."""
    first = doc[start]
    if end - start < 3 or start == 0 or not doc[start - 1].text[:1].isupper():
        return start
    return start + 1 if complement_word(first.text) else start


def _weekday_title_start(doc: Doc, start: int, end: int) -> int:
    """A weekday the model tagged as a date that is the first word of an organisation's name
    ("the [Sunday] Telegraph", "the [Sunday] Times", "[Saturday] Night Live"): a compound of
    the name, capitalised, not followed by a comma or a date."""
    if start == 0:
        return start
    prev = doc[start - 1]
    if (
        prev.lower_ in WEEKDAYS
        and prev.pos_ == "PROPN"
        and prev.dep_ == "compound"
        and start <= prev.head.i < end
    ):
        return start - 1
    return start


def _event_like(doc: Doc, span: tuple[int, int, str]) -> bool:
    return doc[span[1] - 1].lower_ in EVENT_WORDS


def _annotate(mention: Mention, doc: Doc) -> None:
    """Lexicon facts: canonical name, country and actor code of GPEs, NORPs and known orgs."""
    g = gazetteer()
    text = mention.text
    mention.char_start = _bracket_start(doc, mention.start)
    if mention.label == "GPE":
        country = country_span(doc, mention.start, mention.end)
        if country is not None:
            is_name = lookup(g.country_names, text) is not None
            mention.canonical = (
                country.name if is_name else (text if lookup(g.capitals, text) else country.name)
            )
            mention.country = country.iso3
            if not is_name and lookup(g.seats, text) is not None:
                mention.kind = "seat"
        else:
            mention.country = country_of_place(text) or city_country(text)
    elif mention.label == "NORP":
        hit = lookup(g.demonyms, text) or lookup(g.peoples, text)
        mention.country = hit.iso3 if hit else None
    elif mention.label == "ORG":
        org = org_entry(text)
        if org is not None:
            mention.canonical, mention.country, mention.actor = org.name, org.country, org.actor
        elif mention.start > 1 and doc[mention.start - 1].text in _POSSESSIVE:
            # "Switzerland's Federal Department of ...": the possessor country owns the body
            mention.country = country_of_place(doc[mention.start - 2].text)
    mention.set_chars(doc)


def _join_country_institutions(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """ "US | Senate", "US | Air Force": a country name right before an institution with no country
    of its own (a lexicon body like "Senate", or a name with an organisation word) is part of the
    institution's name; the model and the lexicon cut them apart."""
    g = gazetteer()
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.label == "GPE"
            and m.label == "ORG"
            and prev.end == m.start
            and lookup(g.country_names, prev.text) is not None
            and m.country is None
            and (m.canonical is not None or has_org_word(doc, m.start, m.end))
            and not (m.actor or "").startswith("IGO")
        ):
            country = lookup(g.country_names, prev.text)
            joined = Mention(prev.start, m.end, "ORG", surface(doc, prev.start, m.end))
            joined.country = country.iso3 if country else None
            joined.canonical = f"{country.name} {m.canonical or m.text}" if country else None
            joined.set_chars(doc)
            out[-1] = joined
            continue
        out.append(m)
    return out


def _appositive_names(doc: Doc, titles: list[TitlePhrase], mentions: list[Mention]) -> list[Mention]:
    """Person names the model missed in "(the) TITLE, NAME," ("The head of the X Alliance, Ana Ruiz,").

    A run of two to four capitalised words right after a title phrase and its comma, closed by a
    comma, a verb or the sentence end, names the title's holder.  A model span over the run that
    no lexicon backs (the model often calls such names GPE or ORG) gives way to it.
    """
    out = []
    for phrase in titles:
        s = phrase.end + 1
        if phrase.end >= len(doc) or doc[phrase.end].text != "," or s >= len(doc):
            continue
        e = s
        while e < len(doc) and e - s < 4 and _name_word(doc[e]):
            e += 1
        closed = e < len(doc) and (doc[e].text in {",", ".", ";"} or doc[e].pos_ in {"VERB", "AUX"})
        if e - s < 2 or not closed:
            continue
        clash = [m for m in mentions if _overlaps((m.start, m.end), (s, e))]
        if any(m.label == "PERSON" or m.canonical is not None for m in clash):
            continue
        for m in clash:
            mentions.remove(m)
        mention = Mention(s, e, "PERSON", surface(doc, s, e))
        mention.set_chars(doc)
        out.append(mention)
    return out


def _name_word(tok: Token) -> bool:
    """A capitalised word that can be part of a person's name (no title, org word or country)."""
    g = gazetteer()
    return (
        tok.is_alpha
        and tok.text[:1].isupper()
        and tok.pos_ == "PROPN"
        and tok.lower_ not in g.org_name_words
        and tok.lower_ not in g.titles
        and lookup(g.country_names, tok.text) is None
        and lookup(g.demonyms, tok.text) is None
    )


def _trailing_names(doc: Doc, titles: list[TitlePhrase], mentions: list[Mention]) -> list[Mention]:
    """Person names split off a title complement ("Secretary of Defense | Lloyd Austin")."""
    out = []
    for phrase in titles:
        if phrase.trailing_name is None:
            continue
        s, e = phrase.trailing_name
        if any(_overlaps((m.start, m.end), (s, e)) and m.label == "PERSON" for m in mentions):
            continue
        mention = Mention(s, e, "PERSON", surface(doc, s, e))
        mention.set_chars(doc)
        out.append(mention)
    return out


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    """Keep the first of overlapping mentions, preferring PERSON names over other types."""
    out: list[Mention] = []
    for m in mentions:
        clash = next((o for o in out if _overlaps((o.start, o.end), (m.start, m.end))), None)
        if clash is None:
            out.append(m)
        elif (
            m.label == "PERSON"
            and clash.label != "PERSON"
            and clash.kind == "name"
            and clash.canonical is None
        ):
            out[out.index(clash)] = m
    return out
