"""The entity pipeline over one analysed Doc: mentions -> titles -> clusters -> coreference -> records.

Each step lives in its own module and is a general rule backed by a lexicon; this module only runs
them in order (see :func:`build_entities`).  The spaCy component in :mod:`newsgraph.nlp.entities.component`
calls it and stores the result in ``doc._.ng_entities``.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.nlp.discourse.names import (
    Cluster,
    add_name_repeats,
    cluster_names,
    link_title_mentions,
    name_tokens,
)
from newsgraph.nlp.discourse.pronouns import init_genders, resolve_pronouns
from newsgraph.nlp.doc_cache import text_of
from newsgraph.nlp.entities.canonical import to_entities
from newsgraph.nlp.mentions.byline import Header, find_header
from newsgraph.nlp.mentions.names import Mention, collect_names
from newsgraph.nlp.mentions.roles import (
    appositive_title_mentions,
    attach_titles,
    dominant_country,
    government_mentions,
    resolve_demonyms_and_capitals,
)
from newsgraph.nlp.mentions.titles import find_title_phrases
from newsgraph.records import Entity


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
        out.append(m)
    return out


def _add_author(clusters: list[Cluster], author: Mention) -> None:
    """The author's own cluster, or the body's person of the same full name ("By Ana Ruiz" and
    "Ana Ruiz, reporting from ...", "said Ruiz"): one person, not two."""
    key = name_tokens(author.text)
    same = [c for c in clusters if c.label == "PERSON" and len(key) >= 2 and c.longest_tokens() == key]
    if len(same) == 1:
        same[0].mentions.append(author)
    else:
        clusters.append(Cluster("PERSON", [author]))


def build_entities(doc: Doc) -> list[Entity]:
    """Canonical entities of ``doc`` with every coreferent mention (names, titles, pronouns)."""
    header = _header(doc)
    person_tokens = {i for e in doc.ents if e.label_ == "PERSON" for i in range(e.start, e.end)}
    person_starts = {e.start for e in doc.ents if e.label_ == "PERSON"}
    phrases = find_title_phrases(doc, person_tokens, person_starts)
    phrases = [p for p in phrases if not header.is_excluded(doc[p.start].idx, doc[p.end - 1].idx)]
    mentions = [m for m in collect_names(doc, phrases) if not header.is_excluded(m.char_start, m.char_end)]
    attach_titles(doc, mentions, phrases)
    mentions = [m for m in mentions if m.label != "FAC"]
    resolve_demonyms_and_capitals(doc, mentions)
    mentions.extend(government_mentions(doc, mentions, phrases))
    mentions.sort(key=lambda m: m.start)
    authors = _author_mentions(doc, header)
    clusters = cluster_names(mentions)
    for c in clusters:
        if c.label == "PERSON":
            c.mentions.extend(t for m in list(c.mentions) for t in appositive_title_mentions(doc, m))
    add_name_repeats(doc, clusters)
    for author in authors:
        _add_author(clusters, author)
    init_genders(doc, clusters)
    link_title_mentions(doc, clusters, phrases)
    resolve_pronouns(doc, [c for c in clusters if all(m.kind != "author" for m in c.mentions)])
    return to_entities(doc, clusters, dominant_country(doc, mentions, phrases))
