"""The mentions stage in one call: name mentions with their titles, title phrases and authors.

The discourse layer links what this returns; nothing else reads it.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from newsgraph.nlp.doc_cache import text_of
from newsgraph.nlp.mentions.byline import Header, find_header
from newsgraph.nlp.mentions.given_names import (
    given_name_mentions,
    retype_after_given_name,
    shared_surname_mentions,
    titled_appositive_mentions,
)
from newsgraph.nlp.mentions.missed_orgs import untagged_body_names
from newsgraph.nlp.mentions.name_lists import (
    link_known_as,
    link_translations,
    party_names,
    retype_list_items,
    untagged_list_places,
)
from newsgraph.nlp.mentions.names import Mention, collect_names
from newsgraph.nlp.mentions.roles import (
    attach_titles,
    dominant_country,
    government_mentions,
    resolve_demonyms_and_capitals,
)
from newsgraph.nlp.mentions.titles import TitlePhrase, descriptor_phrases, find_title_phrases


@dataclass(frozen=True, slots=True)
class Mentions:
    """Everything the discourse layer links: names (text order), title phrases, byline authors,
    and the country the article is set in."""

    names: tuple[Mention, ...]
    phrases: tuple[TitlePhrase, ...]
    authors: tuple[Mention, ...]
    setting: str | None


def _header(doc: Doc) -> Header:
    article = doc._.ng_article
    original = getattr(article, "text", None)
    authors = tuple(getattr(article, "authors", ()) or ())
    return find_header(text_of(doc), original, authors)


def _author_mentions(doc: Doc, header: Header) -> list[Mention]:
    out = []
    for name, start, end in header.authors:
        span = doc.char_span(start, end, alignment_mode="expand") if start >= 0 else None
        if span is not None and text_of(doc)[start:end].strip() == name:
            m = Mention(span.start, span.end, "PERSON", name, kind="author", char_start=start, char_end=end)
        else:
            m = Mention(0, 0, "PERSON", name, kind="author", char_start=max(start, 0), char_end=max(end, 0))
        m.sieve = "author"
        out.append(m)
    return out


def collect_mentions(doc: Doc) -> Mentions:
    """Name mentions, title phrases and authors of ``doc`` (the byline block excluded)."""
    header = _header(doc)
    person_tokens = {i for e in doc.ents if e.label_ == "PERSON" for i in range(e.start, e.end)}
    person_starts = {e.start for e in doc.ents if e.label_ == "PERSON"}
    phrases = find_title_phrases(doc, person_tokens, person_starts)
    full_names = {e.start for e in doc.ents if e.label_ == "PERSON" and len(e) >= 2}
    phrases = sorted(phrases + descriptor_phrases(doc, full_names, phrases), key=lambda p: p.start)
    phrases = [p for p in phrases if not header.is_excluded(doc[p.start].idx, doc[p.end - 1].idx)]
    mentions = [m for m in collect_names(doc, phrases) if not header.is_excluded(m.char_start, m.char_end)]
    attach_titles(doc, mentions, phrases)
    mentions = [m for m in mentions if m.label != "FAC"]
    retype_list_items(doc, mentions)
    mentions = party_names(doc, mentions)
    link_known_as(doc, mentions)
    link_translations(doc, mentions)
    mentions = sorted(mentions + untagged_list_places(doc, mentions), key=lambda m: m.start)
    resolve_demonyms_and_capitals(doc, mentions)
    mentions.extend(government_mentions(doc, mentions, phrases))
    mentions = retype_after_given_name(doc, mentions)
    taken = {i for m in mentions for i in range(m.start, m.end)}
    taken |= {i for p in phrases for i in range(p.start, p.end)}
    missed = given_name_mentions(doc, taken)
    title_starts = {p.start for p in phrases} | {p.head_start for p in phrases}
    missed += titled_appositive_mentions(
        doc, taken | {i for m in missed for i in range(m.start, m.end)}, title_starts
    )
    missed += shared_surname_mentions(doc, mentions, taken)
    missed += untagged_body_names(doc, taken | {i for m in missed for i in range(m.start, m.end)})
    missed = [m for m in missed if not header.is_excluded(m.char_start, m.char_end)]
    attach_titles(doc, missed, phrases)  # names the model missed take their titles too
    mentions.extend(missed)
    mentions.sort(key=lambda m: m.start)
    setting = dominant_country(doc, mentions, phrases)
    return Mentions(tuple(mentions), tuple(phrases), tuple(_author_mentions(doc, header)), setting)
