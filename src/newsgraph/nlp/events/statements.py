"""Criticism in statements: a quote that condemns is an accusation (ACCUSE 111).

Much disapproval in news is not worded with an accusing verb but quoted: "This government is
so consumed with secrecy ...", "a mockery of the fundamental values".  The gold convention
codes such statements as ACCUSE 111 by the speaker against the one criticised.  The rule:

- the quote has a resolved speaker and no event was coded from it already;
- the judging word is the speaker's own, inside quotation marks (a direct quote, or a quoted
  fragment of a partial one): indirect speech is the reporter's wording, whose "the death of",
  "criticism of", "the killings in" describe rather than judge;
- its words include a word of condemnation (``criticism.tsv``, from the CAMEO verb dictionary:
  "deplore", "unacceptable", "outrage", "illegitimate" ...) or a judging adjective or noun
  (``judgement_words.tsv``, the strongly negative words of VADER: "shameful", "outrageous",
  "a mockery", "a threat"), not negated, and not a word of suffering ("death", "pain", "fear");
- the target is the author of the act the judging word is said of, when that act is a definite
  description of one told before ("The attack was cowardly", "this cowardly attack": event
  anaphora, :mod:`~newsgraph.nlp.events.anaphora`); else the first actor the quote names other
  than the speaker and the speaker's own country (an entity, or a government-like noun: "the
  government", "the authorities"); without one, nothing is coded.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from newsgraph.nlp.events.actors import Actor, ActorResolver
from newsgraph.nlp.events.anaphora import antecedent_author
from newsgraph.nlp.events.phrases import is_agent_noun, names_an_act
from newsgraph.nlp.knowledge.event_lexicon import EventLexicon, load_event_lexicon
from newsgraph.nlp.knowledge.wordlists import wordlist
from newsgraph.nlp.syntax import DOCUMENT_NOUNS
from newsgraph.records import Entity, Event, Quote, Span

#: Negative words that tell harm suffered, not a judgement of anyone ("the death of X", "their
#: fears", "civilian casualties"): strongly negative in VADER, but they accuse no one.
SUFFERING = wordlist("suffering_words")
#: Entity types that are never actors (dates, amounts).
NOT_ACTORS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL"})
#: Nouns that name the criticised authority when no entity is named ("the government").
AUTHORITY_NOUNS = wordlist("authority_nouns")
#: Words of a fight against a cause: "the fight against terrorism" names what is fought, it
#: judges no one in the quote ("a watershed in our common fight against terror").
FIGHT_WORDS = frozenset(
    {"fight", "war", "struggle", "battle", "campaign", "combat", "crusade", "counter", "tackle"}
)


def _fought(token: Token) -> bool:
    """A word that names the cause fought: "the fight against terrorism", "the war on terror",
    "to combat extremism"."""
    head = token.head
    if token.dep_ == "dobj":
        return head.lemma_.lower() in FIGHT_WORDS
    return (
        token.dep_ == "pobj" and head.lower_ in ("against", "on") and head.head.lemma_.lower() in FIGHT_WORDS
    )


def _classifies(token: Token) -> bool:
    """A noun, or a people noun used as an adjective, that modifies another noun names a kind of
    it ("terrorist organisations", "criminal gangs", "counter terrorism units", "a conspiracy
    theory"): it classifies what it modifies, it judges no one.  An evaluative adjective does
    judge ("a shameful decision", "this cowardly attack")."""
    return token.dep_ in ("amod", "compound") and (token.pos_ == "NOUN" or is_agent_noun(token))


def _tokens(doc: Doc, quote: Quote) -> list[Token]:
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    return list(span) if span is not None else []


def _critical(tokens: Sequence[Token], lexicon: EventLexicon) -> Token | None:
    """The first word of condemnation or judgement; a noun that names an act ("attack",
    "killing": a trigger of its own) reports what happened, it does not judge."""
    words, judging = lexicon.criticism, lexicon.judgement
    for token in tokens:
        critical = token.lemma_.lower() in words or token.lower_ in words
        lemma = token.lemma_.lower()
        judged = token.lower_ in judging or (token.pos_ == "NOUN" and lemma in judging)
        judged = judged and lemma not in SUFFERING and token.lower_ not in SUFFERING
        if names_an_act(token):  # "the attack", "the killing": an act told, not judged
            judged = False
        critical = (critical or (token.pos_ in ("ADJ", "NOUN") and judged)) and not _fought(token)
        if critical and not _classifies(token) and not any(c.dep_ == "neg" for c in token.head.children):
            return token
    return None


def _target(tokens: Sequence[Token], speaker: Actor, resolver: ActorResolver, quote: int) -> Actor | None:
    """The first actor named (module docstring); a town or region named before any actor stands
    for its country ("incidents in the Basra area" -> Iraq), never for itself."""
    place: Actor | None = None
    for token in tokens:
        if token.pos_ not in ("PROPN", "NOUN", "PRON") or token.lower_ in ("we", "i", "our", "us", "my"):
            continue
        if token.pos_ == "NOUN" and token.lemma_.lower() not in AUTHORITY_NOUNS:
            continue
        if token.ent_type_ in NOT_ACTORS:
            continue  # "on August 14": a date names no one
        if token.dep_ == "compound" and token.head.pos_ == "PROPN" and token.head.i > token.i:
            continue  # "President Chávez": a word of the name that follows, which is resolved whole
        actor = resolver.resolve(token, quote)
        if actor is None or actor.name == speaker.name or actor.entity == speaker.entity:
            continue
        entity = resolver.by_id.get(actor.entity or "")
        located = entity.type == "GPE" if entity is not None else token.ent_type_ in ("GPE", "LOC", "FAC")
        if located and not resolver.is_country(actor):
            if place is None and actor.country:
                place = resolver.country_actor(actor.country)
            continue
        if speaker.country and actor.country == speaker.country and resolver.is_country(actor):
            continue  # one speaks for one's own state: "China has taken note ..."
        if _undergoes(token):
            continue  # "the death of bin Laden", "the killing of a journalist": who suffered it
        if entity is not None and _speaks_for(speaker, entity, resolver):
            continue  # the chief of NATO on NATO: one speaks for the body one's title names
        return actor
    if place is not None and place.country != speaker.country:
        return place
    return None


def _speaks_for(speaker: Actor, entity: Entity, resolver: ActorResolver) -> bool:
    """Whether the speaker's title names the organisation ("chief of NATO", "a Hamas
    spokesman"): the speaker speaks for it, and does not judge it."""
    own = resolver.by_id.get(speaker.entity or "")
    if own is None or entity.type != "ORG":
        return False
    names = {entity.name, *entity.aliases}
    return any(f" {name} " in f" {title} " for title in own.titles for name in names)


def _undergoes(token: Token) -> bool:
    """Whether someone named is who undergoes an act or a harm: the "of" complement of a word
    of suffering, of an act noun of the lexicon or of the gerund of an act verb ("the death of
    X", "the killing of one journalist, X", "the arrest of X") -- the victim, not the one a
    judgement is about.  A noun made from a verb by conversion keeps its author in "of" ("the
    conduct of Kenya"), and a place keeps standing for its country (:func:`_target`)."""
    while token.dep_ in ("appos", "compound", "conj") and token.head.i != token.i:
        token = token.head
    of = token.head
    if token.dep_ != "pobj" or of.lower_ != "of":
        return False
    noun = of.head
    lemma = noun.lemma_.lower()
    if lemma in SUFFERING:
        return True
    return names_an_act(noun) and (lemma in load_event_lexicon().nouns or noun.lower_.endswith("ing"))


def _judged_act(word: Token) -> Token | None:
    """The noun a judging word is said of: the subject of its copula ("The attack was
    cowardly"), or the noun it modifies ("this cowardly attack")."""
    if word.dep_ in ("acomp", "attr"):
        return next((c for c in word.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if word.dep_ == "amod" and word.head.pos_ == "NOUN":
        return word.head
    return None


def _act_author(
    word: Token, speaker: Actor, resolver: ActorResolver, lexicon: EventLexicon, told: Sequence[Event]
) -> Actor | None:
    """The author of the act told before that a judging word is said of (module docstring)."""
    act = _judged_act(word)
    earlier = antecedent_author(act, lexicon, told, [speaker.name], resolver.quotes) if act else None
    if earlier is None or earlier.source is None:
        return None
    return Actor(earlier.source, earlier.source_entity, earlier.source_country, True)


def _owner(word: Token, speaker: Actor, resolver: ActorResolver, quote: int) -> Actor | None:
    """Whose the judged thing is, when the judging noun says it: its possessor or its "of" or
    "by" complement ("North Korea's brutality", "the crimes of al-Qaeda")."""
    if word.pos_ != "NOUN":
        return None
    for child in word.children:
        if child.dep_ == "poss":
            owner: Token | None = child
        elif child.dep_ in ("prep", "agent") and child.lower_ in ("of", "by"):
            owner = next((c for c in child.children if c.dep_ == "pobj"), None)
        else:
            continue
        actor = resolver.resolve(owner, quote) if owner is not None else None
        if actor is not None and actor.name != speaker.name and actor.entity != speaker.entity:
            return actor
    return None


def _own_words(word: Token, quote: Quote) -> bool:
    """Whether a word is the speaker's own, inside quotation marks: a direct quote, or a quoted
    fragment of a partial one.  Indirect speech is the reporter's wording of what was said."""
    if quote.type == "direct":
        return True
    return any(f.start <= word.idx < f.end for f in quote.fragments)


def criticism_events(
    doc: Doc,
    quotes: Sequence[Quote],
    coded: set[int],
    resolver: ActorResolver,
    lexicon: EventLexicon,
    told: Sequence[Event] = (),
) -> list[Event]:
    """ACCUSE 111 events for critical quotes (module docstring); ``coded`` holds the indices of
    quotes that already gave an event, ``told`` the events coded so far (antecedent acts)."""
    code = lexicon.code("111")
    out = []
    for i, quote in enumerate(quotes):
        if i in coded or quote.continues in coded:
            continue
        speaker = resolver.speaker_actor(quote)
        if (
            speaker is not None
            and speaker.entity is None
            and speaker.name.split()[-1].lower() in DOCUMENT_NOUNS
        ):
            continue  # "the statement said": a document whose author the text leaves unnamed judges no one
        tokens = _tokens(doc, quote)
        critical = _critical(tokens, lexicon) if speaker is not None else None
        if speaker is None or critical is None or not _own_words(critical, quote):
            continue
        target = (
            _act_author(critical, speaker, resolver, lexicon, told)
            or _owner(critical, speaker, resolver, i)
            or _target(tokens, speaker, resolver, i)
        )
        if target is None or not resolver.accepts(speaker, [target]):
            continue
        out.append(
            Event(
                source=speaker.name,
                plover="ACCUSE",
                cameo="111",
                evidence=Span(quote.start, quote.end),
                source_entity=speaker.entity,
                source_country=speaker.country,
                target=target.name,
                target_entity=target.entity,
                target_country=target.country,
                quote=i,
                mode=lexicon.mode_for("ACCUSE", "111"),
                quad_class=code.quad_class if code else None,
                goldstein=code.goldstein if code else None,
            )
        )
    return out
