"""The ``newsgraph_entities`` spaCy component: who's who in an article.

Runs after the model's NER and sets ``doc._.ng_entities`` to a ``list[records.Entity]``: one
canonical entity per real-world person, organisation, place or group, with its type, country,
titles, aliases, CAMEO-style actor code and *every* coreferent mention (names, surnames, titles
used as names, pronouns), so that the quote and event components can resolve a speaker or an
actor with :class:`newsgraph.nlp.discourse.Discourse`.

The work is done by small rule modules over lexicon data files (see
:mod:`newsgraph.nlp.entities.build` for the order); this module only registers the component.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.nlp.entities.build import build_discourse
from newsgraph.nlp.extensions import register_extensions


@Language.component(
    "newsgraph_entities",
    requires=["doc.ents", "token.dep", "token.pos"],
    assigns=["doc._.ng_entities", "doc._.ng_discourse"],
)
def entities_component(doc: Doc) -> Doc:
    """Set ``doc._.ng_entities`` (see module docstring)."""
    register_extensions()
    discourse = build_discourse(doc)
    doc._.ng_discourse = discourse
    doc._.ng_entities = list(discourse.entities)
    return doc
