"""Assemble Event records from triggers: codes, actors, quote links, evidence, de-duplication.

The policy on modality (see :mod:`newsgraph.nlp.events.syntax` for how it is read):

- asserted events are coded as they stand, including events reported inside quotations
  (linked to their quote);
- expressed intents and future acts are coded as intents: a cooperative act becomes AGREE with
  the matching CAMEO 03x code ("open to discussing" -> 036, "will provide aid" -> 033), a
  conflictual material act becomes THREATEN 13x ("vowed to strike" -> 138); verbal acts keep
  their type;
- negated, hypothetical (conditional or modal), questioned and embedded acts (the content of a
  demand, accusation, threat or refusal) are not coded: the outer act is the event -- except an
  act named by a definite description with its author ("condemned the Israeli air strikes",
  "met to discuss Hamas's rocket attacks"), which presupposes that the act took place;
- headlines (the title line and in-text headings) are not coded: they restate the lead, and
  coding both would count one event twice;
- an act told inside a direct quote is coded only with a recipient: direct speech is full of
  first-person generalities ("we will fight", "I don't always agree") that are no events
  between actors.

One event is coded per source and target conjunct; repeated mentions of one act are merged
(:mod:`~newsgraph.nlp.events.merging`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from newsgraph.nlp.discourse import discourse_of
from newsgraph.nlp.doc_cache import tokens_of
from newsgraph.nlp.events.actors import Actor, ActorResolver
from newsgraph.nlp.events.anaphora import antecedent_author
from newsgraph.nlp.events.asked import anonymity_request, author_asked_to_stop, who_answers
from newsgraph.nlp.events.diplomats import host_country
from newsgraph.nlp.events.implicit import (
    implicit_source,
    publication_released,
    ultimatum,
    unknown_attackers,
    unknown_authors,
)
from newsgraph.nlp.events.merging import Coded, merge_repeats, told_again
from newsgraph.nlp.events.opinion import disapproval
from newsgraph.nlp.events.phrases import companion, identified, maker
from newsgraph.nlp.events.prepositions import participle_agent
from newsgraph.nlp.events.received import faced_charges, received_acts
from newsgraph.nlp.events.setting import in_setting, state_agent
from newsgraph.nlp.events.statements import criticism_events
from newsgraph.nlp.events.syntax import (
    absolute_subjects,
    intent_source,
    modality,
    noun_source,
    noun_target,
    obligation,
    presupposed,
    verb_source,
    verb_target,
)
from newsgraph.nlp.events.triggers import Found, find_triggers
from newsgraph.nlp.knowledge.event_lexicon import EventLexicon, Trigger
from newsgraph.nlp.knowledge.wordlists import wordlist
from newsgraph.records import Event, Quote, Span

#: Intent of a cooperative act -> (AGREE, CAMEO 03x); threat of a conflictual one -> 13x.
INTENT_CODES: dict[str, tuple[str, str]] = {
    "CONSULT": ("AGREE", "036"),
    "AID": ("AGREE", "033"),
    "COOPERATE": ("AGREE", "031"),
    "CONCEDE": ("AGREE", "035"),
    "RETREAT": ("AGREE", "035"),
    "AGREE": ("AGREE", "030"),
    "SUPPORT": ("AGREE", "032"),
    "ASSAULT": ("THREATEN", "138"),
    "COERCE": ("THREATEN", "137"),
    "SANCTION": ("THREATEN", "131"),
    "MOBILIZE": ("THREATEN", "138"),
    "PROTEST": ("THREATEN", "130"),
}
#: Cooperative acts whose negation is a rejection ("will not accept", "did not agree").
NEGATED_IS_REJECT = frozenset({"AGREE", "CONCEDE"})
#: Types that need a recipient (one consults, aids, cooperates with, sanctions somebody).
REQUIRES_TARGET = frozenset({"CONSULT", "AID", "COOPERATE", "SANCTION"})
#: Types whose coordinated sources act with each other when no target is named -- through a
#: symmetric trigger, one whose partner is named "with" (agree, sign, negotiate; not offer, accept).
RECIPROCAL = frozenset({"CONSULT", "AGREE", "COOPERATE"})
#: Verbs of force that are verbal when a statement or a publication does them
#: ("the magazine attacked defectors").
VERBAL_READINGS = {verb: "111" for verb in wordlist("verbal_attack_verbs")}
#: Verbs whose object noun is the act their subject performs ("staged a protest").
LIGHT_VERBS = wordlist("event_light_verbs")
#: Verbs of saying that demand when they address someone with a to-infinitive ("told X to").
DIRECTIVE_VERBS = wordlist("directive_verbs")
#: Verbal acts on what someone did: their target is its author ("condemned the Israeli strikes",
#: "rejected the US proposal", "welcomed Russia's withdrawal").
JUDGED_ACTS = frozenset({"ACCUSE", "SUPPORT", "REJECT", "REQUEST"})
#: Verbs of responding: the act in their "with" phrase is the subject's ("retaliated with airstrikes").
RESPONSE_VERBS = frozenset({"respond", "retaliate", "answer", "react", "reply", "hit"})
#: Prepositions of a phrase that sets a meeting beside its clause ("in talks with", "during a visit").
MEETING_PREPOSITIONS = frozenset({"in", "with", "during", "after", "on"})
_EVIDENCE_LEFT = frozenset({"nsubj", "nsubjpass", "aux", "auxpass", "neg", "poss", "compound", "amod"})
_EVIDENCE_RIGHT = frozenset(
    {"dobj", "dative", "prep", "prt", "xcomp", "ccomp", "attr", "oprd", "agent", "acomp", "pobj"}
)


def _skipped(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges not coded: the title line, headings."""
    ranges: list[tuple[int, int]] = []
    article = doc._.ng_article
    if article is None:
        return ranges
    title = (article.title or "").strip()
    text: str = article.text
    if title and text.lstrip().startswith(title):
        start = text.index(title)
        ranges.append((start, start + len(title)))
    ranges.extend((h.start, h.end) for h in article.headings)
    return ranges


def _quote_index(token: Token, quotes: Sequence[Quote]) -> int | None:
    """The quote whose cue is ``token``, else the innermost quote containing it."""
    best: int | None = None
    for i, quote in enumerate(quotes):
        if quote.cue is not None and quote.cue.start == token.idx:
            return i
        if quote.start <= token.idx < quote.end and (
            best is None or quote.end - quote.start < quotes[best].end - quotes[best].start
        ):
            best = i
    return best


def _in_direct_quote(token: Token, quote: int | None, quotes: Sequence[Quote]) -> bool:
    """Whether the token is inside the quotation marks of a direct quote."""
    found = quotes[quote] if quote is not None else None
    return found is not None and found.type == "direct" and found.start <= token.idx < found.end


def _is_cue(token: Token, quote: int | None, quotes: Sequence[Quote]) -> bool:
    cue = quotes[quote].cue if quote is not None else None
    return cue is not None and cue.start == token.idx


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def evidence(token: Token) -> tuple[int, int]:
    """Character span of the trigger's clause: its subject, itself and its complements."""
    left = right = token.i
    for child in token.children:
        if child.i < token.i and child.dep_ in _EVIDENCE_LEFT:
            left = min(left, child.left_edge.i)
        elif child.i > token.i and child.dep_ in _EVIDENCE_RIGHT:
            right = max(right, child.right_edge.i)
    doc = token.doc
    while right > left and doc[right].is_punct:
        right -= 1
    while left < right and doc[left].is_punct:
        left += 1
    return doc[left].idx, doc[right].idx + len(doc[right])


class EventBuilder:
    """Codes the events of one Doc."""

    def __init__(self, doc: Doc, lexicon: EventLexicon) -> None:
        self.doc = doc
        self.lexicon = lexicon
        self.quotes: list[Quote] = list(doc._.ng_quotes or [])
        self.resolver = ActorResolver(doc, discourse_of(doc), self.quotes)
        self.told: list[Coded] = []  # the events coded so far, in text order (antecedents)

    def build(self) -> list[Event]:
        """All events of the Doc, in text order (module docstring)."""
        skipped = _skipped(self.doc)
        found = [
            f
            for f in find_triggers(tokens_of(self.doc), self.lexicon) + self._directives()
            if not any(s <= f.token.idx < e for s, e in skipped)
        ]
        found.sort(key=lambda f: f.token.i)
        tokens = [f.token for f in found] + self._modal_clauses(skipped)
        trigger_ids = {f.token.i for f in found}
        coded = self.told = []
        intent_heads: set[int] = set()
        moods = [modality(f, self.lexicon, trigger_ids) for f in found]
        for mood, intent in moods:
            if mood == "intent" and intent is not None:
                intent_heads.add(intent.i)
        for f, (mood, intent) in zip(found, moods, strict=True):
            if mood == "negated" and f.trigger.plover in NEGATED_IS_REJECT:
                f = Found(f.token, replace(f.trigger, plover="REJECT", cameo="120", mode=None))
                mood = "asserted"  # "will not accept refugees", "did not agree to"
            if mood in ("embedded", "hypothetical") and presupposed(f.token):
                mood, intent = "asserted", None  # "condemned the Israeli air strikes": they happened
            if mood not in ("asserted", "intent") or f.token.i in intent_heads:
                continue
            coded.extend(self._code(f, intent if mood == "intent" else None, mood == "intent"))
        coded.extend(self._obligations(tokens, trigger_ids))
        acts = [*received_acts(tokens_of(self.doc)), *faced_charges(tokens_of(self.doc))]
        for act in acts:  # "received weapons from Iran": Iran's act; "faces charges": the state's
            f = Found(act.token, act.trigger)
            if (
                any(s <= act.token.idx < e for s, e in skipped)
                or modality(f, self.lexicon, trigger_ids)[0] != "asserted"
            ):
                continue
            coded.extend(
                self._code(
                    f, None, False, target=act.recipient, source=act.giver, agentless=act.giver is None
                )
            )
        from_quotes = {c.event.quote for c in coded if c.event.quote is not None}
        told = [c.event for c in sorted(coded, key=lambda c: c.event.evidence.start)]
        for event in criticism_events(self.doc, self.quotes, from_quotes, self.resolver, self.lexicon, told):
            coded.append(Coded(event, "criticism"))
        starts = [s.start_char for s in self.doc.sents]
        countries = {e.id for e in self.resolver.by_country.values()}
        return merge_repeats(sorted(coded, key=lambda c: c.event.evidence.start), starts, countries)

    def _directives(self) -> list[Found]:
        """Demands worded as directives to an addressee: "told Israel to ease its restrictions"
        (REQUEST 100 on the addressee; the infinitive is the demand's content, not an event)."""
        out = []
        for token in tokens_of(self.doc):
            if token.lemma_.lower() not in DIRECTIVE_VERBS or token.pos_ != "VERB":
                continue
            addressee = next((c for c in token.children if c.dep_ in ("dobj", "dative")), None)
            content = next((c for c in token.children if c.dep_ in ("xcomp", "ccomp")), None)
            if addressee is None or content is None or not any(c.tag_ == "TO" for c in content.children):
                continue
            trigger = Trigger(
                "verb", token.lemma_.lower(), None, "REQUEST", "100", ("dobj", "dative"), frozenset(), None
            )
            out.append(Found(token, trigger))
        return out

    def _modal_clauses(self, skipped: list[tuple[int, int]]) -> list[Token]:
        """Verbs with "must" or "should" (candidates for :meth:`_obligations`)."""
        return [
            t.head
            for t in tokens_of(self.doc)
            if t.lower_ in ("must", "should") and not any(s <= t.idx < e for s, e in skipped)
        ]

    def _obligations(self, tokens: list[Token], triggers: set[int]) -> list[Coded]:
        """Demands worded as obligations: "Britain said Libya must hand over the suspects"."""
        out: list[Coded] = []
        for token in tokens:
            reporter = obligation(token) if token.pos_ in ("VERB", "AUX") else None
            if reporter is None or reporter.i in triggers:
                continue
            cameo = "100" if "must" in {c.lower_ for c in token.children} else "020"
            trigger = Trigger(
                "verb", reporter.lemma_.lower(), None, "REQUEST", cameo, ("nsubj",), frozenset(), None
            )
            subject = _subject(token)
            if subject is None or not self.resolver.actors(subject, None):
                continue  # "any process must be well thought out": no one is asked
            out.extend(self._code(Found(reporter, trigger), None, False, target=subject))
        return out

    def _code(
        self,
        found: Found,
        intent: Token | None,
        is_intent: bool,
        target: Token | None = None,
        source: Token | None = None,
        agentless: bool = False,
    ) -> list[Coded]:
        token, trigger = found.token, found.trigger
        plover, cameo, mode = trigger.plover, trigger.cameo, trigger.mode
        if is_intent and plover in INTENT_CODES:
            plover, cameo = INTENT_CODES[plover]
            mode = None
        if is_intent and ultimatum(token):
            plover, cameo, mode = "THREATEN", "130", None  # "will withdraw its troops unless ..."
        quote = _quote_index(token, self.quotes)
        if agentless:
            sources = []  # "X faces charges": who charges is left unsaid
        elif source is not None:
            sources = self.resolver.actors(source, quote)
        else:
            sources = self._sources(found, intent, quote)
        if not sources:
            sources = implicit_source(token, plover, cameo, self.resolver, agentless)
        if cameo.startswith("144") and any(state_agent(s) for s in sources):
            plover, cameo, mode = "COERCE", "172", "restrict"  # "police blocked the road": no protest
        sources = in_setting(sources, self.resolver)  # "police blocked the road": the state's police
        unknown = unknown_attackers(token, plover, self.resolver)
        if unknown is not None:  # the weapon is no actor; its user is unknown
            sources, cameo = unknown[0], unknown[1] or cameo
        target_token = target or (
            noun_target(token, trigger) if token.pos_ == "NOUN" else verb_target(token, trigger)
        )
        if target_token is None and plover == "REQUEST":
            target_token = author_asked_to_stop(token)  # "called for an end to Israeli raids"
            if target_token is None and token.pos_ == "NOUN":
                target_token = who_answers(token)  # "Y complied with X's requests": asked Y
        if plover in JUDGED_ACTS and target_token is not None and target_token.pos_ == "NOUN":
            target_token = noun_source(target_token) or participle_agent(target_token) or target_token
        direct = _in_direct_quote(token, quote, self.quotes)  # "People have been detained": no one
        found_targets = self.resolver.actors(identified(self.resolver.recipient(target_token), direct), quote)
        if plover in JUDGED_ACTS and not any(t.political for t in found_targets):
            # "turned away boats, which X criticised", "rejected a scheme backed by the Red Cross"
            doer = self._doer_of(target_token, token) or maker(target_token)
            found_targets = self.resolver.actors(doer, quote) or found_targets
        if found_targets and token.pos_ == "VERB":  # "was abducted along with his colleague"
            more = self.resolver.actors(companion(token), quote)
            found_targets += [a for a in more if a not in found_targets]
        targets: list[Actor | None] = [t for t in found_targets if t not in sources] or [None]
        host = host_country(target_token, token, self.resolver) if plover in ("SANCTION", "RETREAT") else None
        if host is not None and host not in sources:
            targets = [host]  # "recalled its ambassador to Venezuela": the host state
        if targets == [None] and target_token is not None and target_token.pos_ in ("NOUN", "PRON"):
            told = [c.event for c in self.told]  # "denounced the operation": the act told before
            reacting = [s.name for s in sources]
            earlier = antecedent_author(target_token, self.lexicon, told, reacting, self.quotes)
            if earlier is not None and earlier.source is not None:
                targets = [Actor(earlier.source, earlier.source_entity, earlier.source_country, True)]
        if not sources and quote is None:  # "X was shot dead", "attacks against NATO"
            sources = unknown_authors(token, plover, cameo, targets, self.resolver, self._is_person)
        if agentless and targets == [None]:
            return []  # "Spain faces a tough trial": the state cannot charge itself
        if publication_released(trigger.lemma, target_token) or (
            plover == "REQUEST" and anonymity_request(token)
        ):
            return []  # "released a statement": a publication; "asked not to be named": a sourcing rule
        needs_target = plover in REQUIRES_TARGET or disapproval(token)
        needs_target = needs_target or (plover == "AGREE" and trigger.plover == "CONSULT")
        if needs_target:
            targets = [t for t in targets if t is not None and t.political is not False] or [None]
        if targets == [None] and plover in RECIPROCAL and len(sources) > 1 and "with" in trigger.targets:
            reciprocal = True  # "Israel and Lebanon renewed negotiations": each with the other
        elif targets == [None] and needs_target:
            return []  # "discussing his concern", "will hold talks" with nobody to receive it
        else:
            reciprocal = False
        if trigger.lemma in VERBAL_READINGS and (
            _is_cue(token, quote, self.quotes) or any(self.resolver.is_media(s) for s in sources)
        ):
            plover, cameo, mode = "ACCUSE", VERBAL_READINGS[trigger.lemma], None
        code = self.lexicon.code(cameo)
        start, end = evidence(intent if intent is not None and intent.i < token.i else token)
        end = max(end, evidence(token)[1])
        mode = mode or self.lexicon.mode_for(plover, cameo)
        sources = [s for s in sources if self.resolver.accepts(s, targets, plover)]
        if not sources:
            return []  # no political actor: "needs are met", "the team beat", "the company offers"
        if targets == [None] and not reciprocal and _in_direct_quote(token, quote, self.quotes):
            return []  # "we will fight", "I don't always agree": direct speech names no recipient
        template = Event(
            source=None,
            plover=plover,
            cameo=cameo,
            evidence=Span(start, end),
            quote=quote,
            mode=mode,
            quad_class=code.quad_class if code else None,
            goldstein=code.goldstein if code else None,
        )
        again = told_again(token)  # "were detained again": a new act, never merged with another
        return [  # reciprocal: each source with each other one
            Coded(_with_actors(template, s, t), trigger.lemma, again)
            for s in sources
            for t in (sources if reciprocal else targets)
            if s != t
        ]

    def _doer_of(self, thing: Token | None, judging: Token) -> Token | None:
        """Who did the act whose object a "which" clause judges: in "Y turned away boats, which X
        criticised", "which" takes up what was told (the act), not a person ("whom"), so X's
        judgement targets the act's author Y."""
        if thing is None or thing.dep_ != "dobj" or judging.dep_ != "relcl" or judging.head.i != thing.i:
            return None
        act = thing.head
        if not any(c.lower_ in ("which", "that") for c in judging.children):
            return None
        if act.pos_ != "VERB" or act.lemma_.lower() not in self.lexicon.verbs:
            return None
        return verb_source(act)

    def _is_person(self, actor: Actor | None) -> bool:
        """Whether an actor is a named person (a person entity)."""
        entity = self.resolver.by_id.get(actor.entity or "") if actor is not None else None
        return entity is not None and entity.type == "PERSON"

    def _sources(self, found: Found, intent: Token | None, quote: int | None) -> list[Actor]:
        token = found.token
        if _is_cue(token, quote, self.quotes) and quote is not None:
            speaker = self.resolver.speaker_actor(self.quotes[quote])
            subject = verb_source(token) if token.pos_ == "VERB" else None
            named = self.resolver.actors(subject, quote) if subject is not None else []
            proper = subject is not None and subject.pos_ == "PROPN"
            if named and (proper or speaker in named):
                return named  # "the UN accused X": named, it wins; the speaker with its conjuncts
            if speaker is not None:
                return [speaker]
        if intent is not None:
            source_token = intent_source(intent) or verb_source(token)
        elif token.pos_ == "NOUN":  # "attacks carried out by the military": the participle's agent
            source_token = noun_source(token) or participle_agent(token)
        else:
            source_token = verb_source(token)
        actors = self.resolver.actors(source_token, quote)
        if not actors and token.pos_ == "NOUN" and token.dep_ in ("dobj", "nsubjpass"):
            # "Israel mounted its invasion", "1,000 Turks began a hunger strike": the noun is the
            # act the subject of its light verb performs
            head = token.head
            poss = source_token is not None and source_token.dep_ == "poss"
            if head.pos_ == "VERB" and (poss or head.lemma_.lower() in LIGHT_VERBS):
                actors = self.resolver.actors(verb_source(head), quote)
        if not actors and token.pos_ == "NOUN":
            actors = self._noun_participants(found, quote)
        extra = absolute_subjects(token) if intent is None else None
        if extra is not None:
            actors = [a for a in self.resolver.actors(extra, quote) if a not in actors] + actors
        return actors

    def _noun_participants(self, found: Found, quote: int | None) -> list[Actor]:
        """Who holds a meeting named by a noun with no possessor: the parties of "talks between
        X and Y", or the subject of the clause the noun's phrase belongs to ("In a telephone
        conversation with Morales, Chavez said", "Mitchell embarked on a mission with visits to
        Israel") -- only for meetings (CONSULT): an attack in a phrase ("in response to the
        attack") is not the subject's, except the "with" phrase of a verb of responding: "Israel
        answered with bombardments" is Israel's bombardment."""
        token = found.token
        prep = token.head
        if token.dep_ == "pobj" and prep.lower_ == "with" and prep.head.lemma_.lower() in RESPONSE_VERBS:
            return self.resolver.actors(verb_source(prep.head), quote)  # "answered with bombardments"
        if found.trigger.plover != "CONSULT":
            return []
        between = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "between"), None)
        if between is not None:
            return self.resolver.actors(next((c for c in between.children if c.dep_ == "pobj"), None), quote)
        prep = token.head
        if token.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in MEETING_PREPOSITIONS:
            return []
        verb = prep.head
        return self.resolver.actors(verb_source(verb), quote) if verb.pos_ in ("VERB", "AUX") else []


def _with_actors(template: Event, source: Actor, target: Actor | None) -> Event:
    """The event with one source and one target filled in."""
    return replace(
        template,
        source=source.name,
        source_entity=source.entity,
        source_country=source.country,
        target=target.name if target else None,
        target_entity=target.entity if target else None,
        target_country=target.country if target else None,
    )
