"""The ``newsgraph_quotes`` component: who said what, as ``doc._.ng_quotes``.

It runs after the NER and the entities component (when that is installed) and sets
``doc._.ng_quotes`` to a list of :class:`~newsgraph.records.Quote` in text order.  The work
is done in :mod:`newsgraph.nlp.quotes.build` (stages), :mod:`~newsgraph.nlp.quotes.marks`
(quotation marks and pull-quotes), :mod:`~newsgraph.nlp.quotes.attribution` (cues and complements
from the parse), :mod:`~newsgraph.nlp.quotes.speakers` (sources and their resolution) and
:mod:`~newsgraph.nlp.knowledge.cues` (the lexicon, ``lexicons/cues.tsv``).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.nlp.extensions import register_extensions
from newsgraph.nlp.knowledge.cues import CueLexicon, load_lexicon
from newsgraph.nlp.quotes.build import extract_quotes
from newsgraph.nlp.quotes.frames import FRAME_GAP

__all__ = ["QuotesComponent", "extract_quotes"]


class QuotesComponent:
    """Callable pipeline component holding the cue lexicon."""

    def __init__(self, lexicon: CueLexicon, frame_gap: int = FRAME_GAP) -> None:
        self.lexicon = lexicon
        self.frame_gap = frame_gap

    def __call__(self, doc: Doc) -> Doc:
        doc._.ng_quotes = extract_quotes(doc, self.lexicon, self.frame_gap)
        return doc


@Language.factory(
    "newsgraph_quotes",
    assigns=["doc._.ng_quotes"],
    requires=["token.dep", "token.lemma", "doc.ents"],
    default_config={"frame_gap": FRAME_GAP},
)
def make_quotes(nlp: Language, name: str, frame_gap: int) -> QuotesComponent:
    """Factory: the quotes component with the packaged cue lexicon; ``frame_gap`` is how many
    tokens may stand between a closing quotation mark and its cue."""
    register_extensions()
    return QuotesComponent(load_lexicon(), frame_gap)
