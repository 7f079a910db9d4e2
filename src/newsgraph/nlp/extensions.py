"""The custom attributes newsgraph's components read and write on a spaCy ``Doc``.

- ``doc._.ng_article``: the :class:`~newsgraph.extract.base.ExtractedArticle` the text came
  from (title, removed lines, headings, standfirst) -- set before the pipeline runs, so every
  component knows the layout;
- ``doc._.ng_entities``: ``list[records.Entity]`` set by the entities component; each
  entity's ``mentions`` include every coreferent mention (names, titles, pronouns), which is
  how quotes and events resolve a speaker or actor to an entity;
- ``doc._.ng_discourse``: the :class:`~newsgraph.nlp.discourse.Discourse` of the article (the
  entities again, the pass behind every link, resolved descriptions, the article's setting):
  the only way quotes and events see entities;
- ``doc._.ng_quotes``: ``list[records.Quote]`` set by the quotes component;
- ``doc._.ng_events``: ``list[records.Event]`` set by the events component.

``None`` means "the component did not run"; an empty list means "ran and found nothing".
"""

from __future__ import annotations

from spacy.tokens import Doc

_NAMES = ("ng_article", "ng_entities", "ng_discourse", "ng_quotes", "ng_events")


def register_extensions() -> None:
    """Register the attributes once per process (idempotent)."""
    for name in _NAMES:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register_extensions()
