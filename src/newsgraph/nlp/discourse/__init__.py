"""The discourse layer: the one coreference path of newsgraph.

Mentions are linked into entities by sieve passes, most precise first (:mod:`.sieve`); every
link keeps the pass that made it and a confidence.  Quotes and events read entities only through
the names exported here: :func:`discourse_of` gives the :class:`Discourse` of an analysed Doc,
whose :meth:`Discourse.referent` says what a span refers to.
"""

from spacy.tokens import Doc

from newsgraph.nlp.discourse.model import (
    SIEVES,
    Description,
    Discourse,
    DiscourseConfig,
    Link,
    Referent,
    entity_for_span,
)

__all__ = [
    "SIEVES",
    "Description",
    "Discourse",
    "DiscourseConfig",
    "Link",
    "Referent",
    "discourse_of",
    "entity_for_span",
]

_EMPTY = Discourse((), (), (), None)


def discourse_of(doc: Doc) -> Discourse:
    """The discourse layer's result for ``doc`` (empty when the entities component did not run)."""
    found = doc._.ng_discourse if Doc.has_extension("ng_discourse") else None
    return found if isinstance(found, Discourse) else _EMPTY
