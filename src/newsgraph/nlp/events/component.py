"""The ``newsgraph_events`` component: who did what to whom, as ``doc._.ng_events``.

It runs after the entities and quotes components and sets ``doc._.ng_events`` to a list of
:class:`~newsgraph.records.Event` in text order, each coded in PLOVER (type, mode where clear)
and CAMEO (code, quad class, Goldstein weight), with its source and target (names, entity ids,
countries), its evidence span and, when it is coded from a statement, the index of its quote.

How (each step in its own module):

- :mod:`~newsgraph.nlp.knowledge.event_lexicon`: triggers (verbs, phrases, light verb + object, nouns)
  per PLOVER type with CAMEO codes, from ``lexicons/events.tsv``, and the code tables;
- :mod:`~newsgraph.nlp.events.triggers`: triggers in the parse (spaCy lemma, else the base
  form the inflection suggests);
- :mod:`~newsgraph.nlp.events.syntax`: their source (subject; agent of a passive) and target
  (object or prepositional complement), and the clause's modality;
- :mod:`~newsgraph.nlp.events.actors`: tokens to actors through the entities (pronouns and
  titles included), country agents ("Iranian officials" -> Iran), coordinated actors;
- :mod:`~newsgraph.nlp.events.politics`: who counts as a political actor (a source must);
- :mod:`~newsgraph.nlp.events.statements`: quotes that criticise are accusations;
- :mod:`~newsgraph.nlp.events.build`: codes, quote links, evidence, merging repeated mentions;
- :mod:`~newsgraph.nlp.events.confidence`: each event's confidence (a learned logistic model of
  explicit features); events below the learned threshold are not kept.

Modality and polarity policy (details in :mod:`~newsgraph.nlp.events.build`):

- asserted events are coded, also inside quotations (linked to the quote; inside a direct
  quote only with a recipient: "we will fight" is no event);
- expressed intents and future acts ("open to discussing", "will provide", "vowed to strike")
  are coded as intents: AGREE with CAMEO 03x for cooperative acts, THREATEN 13x for material
  conflict; never as the act itself;
- negated acts are not coded, except that a negated agreement or concession ("will not
  accept") is a rejection (REJECT 120);
- hypothetical acts (conditional clauses, would/could/might/may/should, unrealised aims:
  "ordered the army to free", "in an effort to topple"), questions, and acts that are the
  content of another event ("urged X to strike", "accused X of attacking") are not coded,
  unless a definite description with its author names them ("condemned the Israeli strikes":
  the strikes took place);
- statements of opinion (CAMEO 01x: "warned that the toll may rise", "declined to comment")
  are not coded, as in the gold convention; headlines are not coded (they repeat the lead);
- an event needs a source actor; an agentless arrest, detention or expulsion is the state's
  (the country where it happened), and an attack told only by its weapon ("a roadside bombing
  killed") is the unknown attackers' ("unidentified bombers", in political articles);
- attempted acts are coded as the act ("tried to hack"), a failed agreement as a rejection, an
  announced act made conditional with "unless" as a threat.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.nlp.doc_cache import release
from newsgraph.nlp.events.build import EventBuilder
from newsgraph.nlp.events.confidence import rate_events
from newsgraph.nlp.extensions import register_extensions
from newsgraph.nlp.knowledge.event_lexicon import EventLexicon, load_event_lexicon
from newsgraph.records import Event

__all__ = ["EventsComponent", "extract_events"]


def extract_events(doc: Doc, lexicon: EventLexicon | None = None) -> list[Event]:
    """The events of an analysed Doc (entities and quotes are read when present), each with its
    confidence; those the confidence model does not keep are dropped."""
    return rate_events(EventBuilder(doc, lexicon or load_event_lexicon()).build(), doc)


class EventsComponent:
    """Callable pipeline component holding the event lexicon."""

    def __init__(self, lexicon: EventLexicon) -> None:
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> Doc:
        try:
            doc._.ng_events = extract_events(doc, self.lexicon)
        finally:
            release(doc)  # the last of our components: drop the shared token list (doc_cache)
        return doc


@Language.factory(
    "newsgraph_events",
    assigns=["doc._.ng_events"],
    requires=["token.dep", "token.lemma", "doc.ents"],
)
def make_events(nlp: Language, name: str) -> EventsComponent:
    """Factory: the events component with the packaged lexicon."""
    register_extensions()
    return EventsComponent(load_event_lexicon())
