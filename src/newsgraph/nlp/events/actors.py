"""Actors of events: a source or target token resolved to a name, an entity and a country.

Resolution order, and why:

1. a first-person pronoun inside a quote is the quote's speaker ("*We* urge the governments");
2. an entity mention (pronouns and titles included) covering the head word: the entity;
3. a state agent modified by a country ("Iranian officials", "U.S. helicopters", "British
   troops"): the country, as CAMEO actor coding does (country + agent sector);
4. a document with its author ("a letter from bipartisan members ..."): the author;
5. otherwise the noun phrase itself as a description ("hackers", "the governments of the
   region"), with the country of any place or nationality named inside it.

Coordinated phrases ("Libya, France, and the United States") give one actor per conjunct (one
event per source and target, the gold convention).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from newsgraph.nlp.discourse import Discourse
from newsgraph.nlp.events.coordination import split_countries
from newsgraph.nlp.events.phrases import (
    NOT_AGENTS,
    QUANTIFIERS,
    conjuncts,
    count_word,
    is_agent_noun,
    names_an_act,
    np_bounds,
    owner_phrase,
    proper_name,
)
from newsgraph.nlp.events.politics import (
    COLLECTIVE_ACTS,
    COLLECTIVE_HEADS,
    NON_POLITICAL_SECTORS,
    POLITICAL_DENSITY,
    POLITICAL_SECTORS,
    code_sectors,
    noun_is_political,
    political_density,
)
from newsgraph.nlp.events.prepositions import repeated_prepositions
from newsgraph.nlp.knowledge.agents import phoenix_agent_sectors
from newsgraph.nlp.knowledge.gazetteer import gazetteer, lookup
from newsgraph.nlp.knowledge.wordlists import wordlist
from newsgraph.nlp.syntax import DOCUMENT_NOUNS, without_article
from newsgraph.records import Entity, Quote

FIRST_PERSON = wordlist("first_person")
#: Heads that stand for a state's agents; with a country modifier the actor is the country.
STATE_AGENTS = wordlist("state_agents")

MEDIA_NOUNS = wordlist("media_nouns")
#: People of the media sector: a reporter can be arrested, unlike "the news" or "the site".
MEDIA_PEOPLE = wordlist("media_people")
_NAME_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_TIME_TYPES = frozenset({"DATE", "TIME"})
#: Prepositions whose complement receives a thing given, withheld or aimed ("aid to X").
RECIPIENT_PREPOSITIONS = frozenset({"of", "from", "to", "for", "against", "on", "between"})


@dataclass(frozen=True, slots=True)
class Actor:
    """A resolved event participant."""

    name: str
    entity: str | None
    country: str | None
    political: bool | None = None


def _called(head: Token) -> Token | None:
    """The name a description is given: "a cousin named Mohammed Jan", "a group called X"."""
    for acl in head.children:
        if acl.dep_ == "acl" and acl.lemma_.lower() in ("name", "call"):
            for name in acl.children:
                if name.dep_ in ("oprd", "attr", "dobj") and name.pos_ == "PROPN":
                    return name
    return None


class ActorResolver:
    """Resolves tokens of one Doc to actors, through its entities and quotes."""

    def __init__(self, doc: Doc, discourse: Discourse, quotes: Sequence[Quote]) -> None:
        self.doc = doc
        self.discourse = discourse
        entities = self.entities = discourse.entities
        self.quotes = quotes
        self.by_id = {e.id: e for e in entities}
        self.by_country: dict[str, Entity] = {}
        names = gazetteer().country_names
        for entity in entities:  # the country itself, not a city or region of it
            if entity.type == "GPE" and entity.country and entity.country not in self.by_country:
                hit = lookup(names, entity.name)
                if hit is not None and hit.iso3 == entity.country:
                    self.by_country[entity.country] = entity
        self._spans = sorted(
            ((m.start, m.end, e) for e in entities for m in e.mentions), key=lambda x: x[1] - x[0]
        )

    # -- entities ---------------------------------------------------------------------
    def entity_at(self, start: int, end: int) -> Entity | None:
        """The entity with the shortest mention covering ``[start, end)``."""
        for m_start, m_end, entity in self._spans:
            if m_start <= start and end <= m_end:
                return entity
        return None

    def is_media(self, actor: Actor) -> bool:
        """Whether an actor is a publication or outlet (sector MED), whose attacks are words."""
        entity = self.by_id.get(actor.entity or "")
        code = entity.actor_code if entity is not None else None
        return bool(code and "MED" in code) or actor.name.split()[-1].lower() in MEDIA_NOUNS

    def is_country(self, actor: Actor) -> bool:
        """Whether an actor is a country itself (not a person or body of it)."""
        if actor.country is None:
            return False
        entity = self.by_id.get(actor.entity or "")
        if entity is not None:
            return self.by_country.get(actor.country) is entity
        return actor.name == self.country_actor(actor.country).name

    def country_at(self, token: Token) -> str | None:
        """ISO-3 of the country or place a token names, if any."""
        entity = self.entity_at(token.idx, token.idx + len(token))
        if entity is not None and entity.type == "GPE":
            return entity.country
        return None

    def main_country(self) -> str | None:
        """The country the article is set in, as the discourse layer decided it."""
        return self.discourse.setting

    def _of_entity(self, entity: Entity) -> Actor:
        name = proper_name(entity.name, {e.name for e in self.entities})
        return Actor(name, entity.id, entity.country, self.entity_is_political(entity))

    def entity_is_political(self, entity: Entity) -> bool | None:
        """The policy of issue 13 (README "Events"): countries, nationalities and organisations or
        people whose actor code or title names a political sector are political actors;
        companies, media, schools, hospitals, and people titled as such, are not; a city, an
        unknown organisation or an untitled person is undecided (None): see :meth:`accepts`."""
        if entity.country and (entity.type == "NORP" or self.by_country.get(entity.country) is entity):
            return True
        sectors = code_sectors(entity.actor_code)
        if sectors & POLITICAL_SECTORS:
            return True
        if len(sectors - {entity.country}) and entity.type in ("PERSON", "ORG"):
            return False  # a business, media, education or health sector
        return None

    def accepts(self, source: Actor, targets: Sequence[Actor | None], plover: str = "") -> bool:
        """Whether ``source`` may be the source of an event (issue 13): a political actor, or an
        undecided one (an untitled person, an unknown organisation) in a political article or
        acting on a political target ("Peskov accused Washington"), or the press accusing a
        political actor ("The Washington Post accused Chavez")."""
        entity = self.by_id.get(source.entity or "")
        if plover in COLLECTIVE_ACTS and (entity is None or entity.type == "NORP"):
            return True  # people who demonstrate or strike act politically by doing so
        judged = any(t is not None and t.political for t in targets)
        if plover == "ACCUSE" and judged and self.is_media(source):
            return True  # "The Washington Post accused Chavez": the press holding power to account
        if source.political is not None:
            return source.political
        return self.political_article or judged

    @cached_property
    def political_article(self) -> bool:
        """Whether the article is about politics: some entity has a political actor code or title,
        or the text names state agents ("the government", "police", "troops") at least twice."""
        return self.political_density >= POLITICAL_DENSITY

    @cached_property
    def political_density(self) -> float:
        """Political signals per sentence (:func:`~newsgraph.nlp.events.politics.political_density`)."""
        return political_density(self.doc, self.entities)

    def country_actor(self, iso3: str, name: str | None = None) -> Actor:
        """The country as an actor: its GPE entity when the article has one."""
        entity = self.by_country.get(iso3)
        if entity is not None:
            return self._of_entity(entity)
        country = next((c for c in gazetteer().country_names.values() if c.iso3 == iso3), None)
        return Actor(country.name if country else (name or iso3), None, iso3, True)

    def speaker_actor(self, quote: Quote) -> Actor | None:
        """The speaker of a quote as an actor."""
        if not quote.speaker:
            return None
        entity = self.by_id.get(quote.speaker_entity or "")
        if entity is not None:
            return self._of_entity(entity)
        if not self._describes_an_agent(quote):
            return None  # "according to UN figures": data, not an actor that can accuse
        name = without_article(quote.speaker)
        if name.split()[-1].lower() in DOCUMENT_NOUNS:
            return None  # "a report blaming X", "the statement said": no author named, no actor
        return Actor(name, None, self._country_in_text(name), self._name_is_political(name))

    def _name_is_political(self, name: str) -> bool | None:
        """A description known only by its words ("the rebels", "a police spokesman")."""
        words = name.lower().split()
        verdict = noun_is_political(words[-1].rstrip("s")) if words else None
        if verdict is None and words:
            verdict = noun_is_political(words[-1])
        sector = phoenix_agent_sectors().get(words[-1]) if words else None
        if (
            verdict is not True
            and self._country_in_text(name) is not None
            and sector not in NON_POLITICAL_SECTORS
        ):
            return True  # "the French farmers", as for descriptions
        return verdict

    def _describes_an_agent(self, quote: Quote) -> bool:
        """Whether an unnamed speaker's description is headed by a people or organisation noun,
        the same test syntactic sources pass; without a mention to look at, trust the speaker."""
        mention = quote.speaker_mention
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand") if mention else None
        if span is None:
            return True
        head = None  # the noun heading the description: the last noun before any modifier
        for token in span:
            if token.pos_ in ("NOUN", "PROPN", "PRON"):
                head = token
            elif head is not None and token.pos_ in ("ADP", "VERB", "AUX", "PUNCT", "SCONJ"):
                break
        if head is None:
            return True
        document = head.lemma_.lower() in DOCUMENT_NOUNS  # written sources speak for their authors
        return head.pos_ in ("PROPN", "PRON") or document or is_agent_noun(head)

    # -- resolution -------------------------------------------------------------------
    def actors(self, token: Token | None, quote: int | None) -> list[Actor]:
        """One actor per conjunct of the phrase headed by ``token`` (unresolvable ones left out)."""
        if token is None:
            return []
        found = []
        heads = conjuncts(token) + [g for h in repeated_prepositions(token) for g in conjuncts(h)]
        for head in split_countries(heads):  # "the Chinese and Russian governments"
            actor = self.resolve(head, quote)
            if actor is not None and actor not in found:
                found.append(actor)
        return found

    def resolve(self, head: Token, quote: int | None) -> Actor | None:
        """The actor a head word stands for (module docstring), or None."""
        if head.lower_ in FIRST_PERSON and not (
            head.text.isupper() and len(head.text) > 1
        ):  # "US" is no "us"
            return self.speaker_actor(self.quotes[quote]) if quote is not None else None
        entity = self.entity_at(head.idx, head.idx + len(head))
        if entity is not None and entity.type == "NORP" and entity.country and head.tag_ in ("NNPS", "JJ"):
            return self.country_actor(entity.country)  # "the Egyptians recalled": Egypt, as CAMEO codes it
        for appos in (c for c in head.children if c.dep_ == "appos") if entity is None else ():
            entity = self.entity_at(appos.idx, appos.idx + len(appos))  # "the envoy, Gabriela Shalev,"
            entity = entity if entity is not None and entity.type == "PERSON" else None
        if entity is not None:
            return self._of_entity(entity)
        called = _called(head)  # "a distant cousin named Mohammed Jan": the person named
        if called is not None:
            return self.resolve(called, quote)
        named = lookup(gazetteer().country_names, head.text) if head.text[:1].isupper() else None
        if named is not None:
            return self.country_actor(named.iso3)  # "the US" (which the tagger may read as "us")
        if head.pos_ == "PRON":  # "Hungary has said it will support": the discourse layer's referent
            found = self.discourse.referent(head.idx, head.idx + len(head))
            if found is None or found.entity is not None:
                return self._of_entity(found.entity) if found is not None and found.entity else None
            return Actor(
                found.name, None, self._country_in_text(found.name), self._name_is_political(found.name)
            )
        if head.pos_ == "NUM" or head.lower_ in QUANTIFIERS:
            part = self._partitive(head)  # "three of Bacar's supporters"
            return self.resolve(part, quote) if part is not None else None
        lemma = head.lemma_.lower()
        if lemma in STATE_AGENTS:
            org = self._org_modifier(head)  # "African Union forces", "NATO troops"
            if org is not None:
                return self._of_entity(org)
        country = self._country_modifier(head)
        if country is not None and lemma in STATE_AGENTS:
            return self.country_actor(country)
        if lemma in DOCUMENT_NOUNS:  # a document acts through its author, or is no actor
            author = self._author(head)
            return self.resolve(author, quote) if author is not None else None
        return self._description(head, country)

    def recipient(self, token: Token | None) -> Token | None:
        """The actor a target phrase names (issue 13: a target is an actor, never a thing): the
        phrase itself when its head is a name, a pronoun, an entity or a people noun; else its
        possessor or its "of"/"from"/"to"/"against"/"on"/"between" complement, or that of its verb
        ("the Church's requests" -> the Church, "the initiative of the parliament" -> the
        parliament, "granted asylum to the officers" -> the officers); else the owner named by a
        modifier: a nationality, country, organisation or person ("attacked Colombian
        installations" -> Colombia, "struck a Hamas base" -> Hamas) or by a participle of owning
        ("hacked servers belonging to the party" -> the party); else nothing ("a house in Basra")."""
        if token is None or token.pos_ in ("PROPN", "PRON") or self._names_an_actor(token):
            return token
        for child in token.children:
            if child.dep_ == "poss" and (child.pos_ == "PROPN" or self._names_an_actor(child)):
                return child
        # "aid to Serbia", "sanctions against Nigeria", "granted asylum to five officers"
        heads = [token, token.head] if token.dep_ == "dobj" else [token]
        of = next((p for p in token.children if p.dep_ == "prep" and p.lower_ == "of"), None)
        heads += [c for c in of.children if c.dep_ == "pobj"] if of is not None else []  # "part of X"
        for head in heads:
            # a noun's own "with" names the other party ("relations with Qatar"); a verb's does not
            allowed = RECIPIENT_PREPOSITIONS | {"with"} if head is token else RECIPIENT_PREPOSITIONS
            for prep in head.children:
                if prep.dep_ in ("prep", "dative") and prep.lower_ in allowed:
                    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    if pobj is None or pobj.ent_type_ in _TIME_TYPES:
                        continue  # "released the sailors on Friday": when, not to whom
                    if pobj.pos_ in ("PROPN", "PRON") or self._names_an_actor(pobj):
                        return pobj
        owner = owner_phrase(token)  # "servers belonging to the party", "a prison run by X"
        if owner is not None and (owner.pos_ == "PROPN" or self._names_an_actor(owner)):
            return owner
        # "attacked Colombian military installations", "a Hamas base": whom they belong to
        return next((c for c in token.children if c.dep_ in ("amod", "compound") and self._owner(c)), None)

    def _owner(self, token: Token) -> bool:
        """Whether a modifier names a country or its people ("Colombian", "U.S.") or an
        organisation or person ("Hamas", "NATO") -- not a town ("a Gaza base" is where it is)."""
        entity = self.entity_at(token.idx, token.idx + len(token))
        if entity is not None and entity.type in ("ORG", "PERSON"):
            return True
        if entity is not None:  # a nationality, or the country itself (not one of its towns)
            return entity.country is not None and (
                entity.type == "NORP" or self.by_country.get(entity.country) is entity
            )
        g = gazetteer()
        return (lookup(g.demonyms, token.text) or lookup(g.country_names, token.text)) is not None

    def _names_an_actor(self, token: Token) -> bool:
        if self.entity_at(token.idx, token.idx + len(token)) is not None:
            return True
        if token.pos_ == "NUM" or token.lower_ in QUANTIFIERS:
            return True  # "three of Bacar's supporters": the partitive decides
        lemma = token.lemma_.lower()
        return (
            token.pos_ == "NOUN"
            and (is_agent_noun(token) or lemma in STATE_AGENTS)
            and not (phoenix_agent_sectors().get(lemma) == "MED" and lemma not in MEDIA_NOUNS | MEDIA_PEOPLE)
        )

    def _org_modifier(self, head: Token) -> Entity | None:
        for child in head.children:
            if child.dep_ == "compound":
                entity = self.entity_at(child.idx, child.idx + len(child))
                if entity is not None and entity.type == "ORG":
                    return entity
        return None

    def _country_modifier(self, head: Token) -> str | None:
        """ISO-3 of a country named by a modifier of ``head`` ("Iranian", "U.S.", "Iraq's")."""
        for child in head.children:
            if child.dep_ not in ("amod", "compound", "poss", "nmod"):
                continue
            entity = self.entity_at(child.idx, child.idx + len(child))
            if entity is not None and entity.country and entity.type in ("GPE", "NORP"):
                return entity.country
            g = gazetteer()
            hit = lookup(g.demonyms, child.text) or lookup(g.country_names, child.text)
            if hit is not None:
                return hit.iso3
        return None

    def _partitive(self, head: Token) -> Token | None:
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                return next((c for c in prep.children if c.dep_ == "pobj"), None)
        return None

    def _author(self, document: Token) -> Token | None:
        """Who wrote or said it: "a letter from X", "a report by X", "X's remarks"."""
        for prep in document.children:
            if prep.dep_ == "poss" and prep.pos_ in ("PROPN", "NOUN"):
                return prep
            if prep.dep_ == "prep" and prep.lower_ in ("from", "by", "of"):
                author = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if author is not None:
                    return author
        return None

    def _description(self, head: Token, country: str | None) -> Actor | None:
        """The phrase itself, when its head names people or an organisation: "hackers",
        "the governments of the region" -- not "a roadside bomb" or "the explosion"."""
        start, end = np_bounds(head)
        named = any(t.pos_ == "PROPN" or t.ent_type_ in _NAME_TYPES for t in self.doc[start:end])
        lemma = head.lemma_.lower()
        named = named and lemma not in NOT_AGENTS and not names_an_act(head)  # "the killing of X"
        if not (head.pos_ == "PROPN" or is_agent_noun(head) or named):
            return None
        while start < head.i and count_word(self.doc[start]):
            start += 1  # "six armed militiamen", "over 500,000 women": the group, not its size
        span = self.doc[start:end]
        text = span.text
        for det in ("the ", "The ", "a ", "A ", "an ", "An "):
            text = text.removeprefix(det)
        if start < head.i and self.doc[start].tag_ == "PRP$":  # "his deputies": whose is told apart
            text = self.doc[start + 1 : end].text
        if not text or head.pos_ not in ("NOUN", "PROPN"):
            return None
        if country is None:
            country = self._country_in_span(span.start_char, span.end_char)
        return Actor(text, None, country, self._description_is_political(head, span, country))

    def _description_is_political(self, head: Token, span: Span, country: str | None) -> bool | None:
        """A description is political when it names a political entity ("members of the U.S.
        House", "the Hizbollah group"), else by its head noun ("militants", "the government";
        a collective head such as "group" by its "of" complement: "a group of diplomats"), else
        when a nationality or country qualifies a people noun of no business sector ("French
        farmers")."""
        for m_start, m_end, entity in self._spans:
            if span.start_char <= m_start and m_end <= span.end_char and self.entity_is_political(entity):
                return True
        lemma = head.lemma_.lower()
        if lemma in COLLECTIVE_HEADS:
            part = self._partitive(head)
            if part is None:
                return None  # "the group" says nothing of what it is
            head, lemma = part, part.lemma_.lower()
        verdict = noun_is_political(lemma)
        if verdict is False and country is not None and is_agent_noun(head):
            return phoenix_agent_sectors().get(lemma) not in NON_POLITICAL_SECTORS
        return verdict

    def _country_in_span(self, start: int, end: int) -> str | None:
        for m_start, m_end, entity in self._spans:
            if start <= m_start and m_end <= end and entity.type in ("GPE", "NORP") and entity.country:
                return entity.country
        return None

    def _country_in_text(self, text: str) -> str | None:
        for _, _, entity in self._spans:
            if entity.type in ("GPE", "NORP") and entity.country and entity.name in text:
                return entity.country
        g = gazetteer()  # a nationality or country word the tagger left untagged: "French farmers"
        for word in text.split():
            hit = lookup(g.demonyms, word) or lookup(g.country_names, word)
            if hit is not None:
                return hit.iso3
        return None
