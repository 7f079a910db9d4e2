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

from newsgraph.nlp.discourse import DiscourseConfig
from newsgraph.nlp.entities.build import build_discourse
from newsgraph.nlp.extensions import register_extensions


class EntitiesComponent:
    """Callable pipeline component holding the discourse layer's knobs."""

    def __init__(self, config: DiscourseConfig) -> None:
        self.config = config

    def __call__(self, doc: Doc) -> Doc:
        """Set ``doc._.ng_discourse`` and ``doc._.ng_entities`` (see module docstring)."""
        discourse = build_discourse(doc, self.config)
        doc._.ng_discourse = discourse
        doc._.ng_entities = list(discourse.entities)
        return doc


@Language.factory(
    "newsgraph_entities",
    requires=["doc.ents", "token.dep", "token.pos"],
    assigns=["doc._.ng_entities", "doc._.ng_discourse"],
    default_config={"pronoun_window": 3, "paragraphs_back": 1},
)
def make_entities(nlp: Language, name: str, pronoun_window: int, paragraphs_back: int) -> EntitiesComponent:
    """Factory: the entities component; its knobs are the discourse layer's (see DiscourseConfig)."""
    register_extensions()
    return EntitiesComponent(DiscourseConfig(pronoun_window, paragraphs_back))
