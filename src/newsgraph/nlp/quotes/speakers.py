"""Speakers of quotes: the source mention of a cue, and its resolution to a name or entity.

The mention is found syntactically (subject of the cue, passive ``by`` agent, antecedent of a
relative pronoun, subject of the governing verb for conjoined and participial cues, the noun
a participle modifies: "a message stating").  Resolution prefers the entities component
(``doc._.ng_entities``, through :func:`~newsgraph.nlp.discourse.lookup.entity_for_span`); when it has
not run or finds nothing, a small fallback resolves names, surnames, pronouns, role nouns
("the spokesman") and documents ("the statement") itself, so quotes are measurable either way.

Pronouns go to the most recent *salient* person before them: a person who is the subject or
agent of a verb, or a quote's speaker, in the preceding sentences.  Salience, not proximity,
is what keeps "he said" on Blinken after a sentence that merely names Lloyd Austin.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsgraph.nlp.discourse import entity_for_span
from newsgraph.nlp.doc_cache import tokens_of
from newsgraph.nlp.syntax import DOCUMENT_NOUNS, mention_bounds
from newsgraph.records import Entity


def _wordset(words: str) -> frozenset[str]:
    """A set of words written as one space-separated string (easier to read and extend)."""
    return frozenset(words.split())


PERSON_PRONOUNS = frozenset({"he", "she", "him", "his", "her"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
IT_PRONOUNS = frozenset({"it", "its"})
#: Nouns that stand for an organisation mentioned before ("the organization said").
ORG_NOUNS = _wordset("organization organisation group company agency firm ministry department")
#: Nouns for businesses: "the company" is never a government.
_BUSINESS = frozenset({"company", "firm"})
#: Words stripped from the front of a person's name in the fallback ("Prime Minister X").
TITLE_WORDS = _wordset(
    "president prime minister secretary spokesman spokeswoman spokesperson general major maj. "
    "lieutenant lt. colonel col. mr. mrs. ms. dr. sir chancellor premier senator sen. rep. "
    "congressman congresswoman governor gov. mayor chief ceo director judge justice king queen "
    "prince reporter cleric foreign defence defense home state shadow deputy vice coach manager "
    "captain professor prof. officer commander ambassador envoy spokesperson chairman chairwoman"
)
#: Words that end an organisation's name inside a run of proper nouns.
ORG_WORDS = _wordset("council committee office ministry department party agency union court house")
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


@dataclass(slots=True)
class _Known:
    """A source seen earlier in the article (for pronouns and role nouns)."""

    pos: int
    name: str
    entity: str | None
    kind: str  # PERSON, ORG, GROUP or OTHER
    words: frozenset[str] = field(default_factory=frozenset)


def _ent_of(token: Token) -> Span | None:
    """The named-entity span (PERSON, ORG, GPE, NORP) containing ``token``, if any."""
    if token.ent_type_ not in _NAME_LABELS:
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=token.ent_type_)


class SpeakerResolver:
    """Resolves source tokens to ``(speaker name, entity id)``, in text order."""

    def __init__(self, doc: Doc, quoted: Sequence[tuple[int, int]] = ()) -> None:
        self.doc = doc
        self.quoted = quoted
        self.entities: list[Entity] | None = doc._.ng_entities
        self.known: list[_Known] = []
        self.full_names = self._full_names()
        self.salient = self._salient_persons()

    # -- names --------------------------------------------------------------------------
    def _full_names(self) -> dict[str, str]:
        """Surname (and single-word name) -> the longest full name the article gives."""
        names: dict[str, str] = {}
        for ent in self.doc.ents:
            if ent.label_ != "PERSON":
                continue
            name = _strip_titles(ent)
            last = name.split()[-1] if name else ""
            if last and len(name) > len(names.get(last, "")):
                names[last] = name
        return names

    def _entity(self, start: int, end: int) -> Entity | None:
        if not self.entities:
            return None
        return entity_for_span(self.entities, start, end)

    def name_of(self, ent: Span) -> tuple[str, str | None, str]:
        """Name, entity id and kind of a named-entity span."""
        found = self._entity(ent.start_char, ent.end_char)
        if found is not None:
            return found.name, found.id, "PERSON" if found.type == "PERSON" else "ORG"
        if ent.label_ != "PERSON" and ent.text in self.full_names:
            return self.full_names[ent.text], None, "PERSON"  # a known surname the NER mislabelled
        kind = "PERSON" if ent.label_ == "PERSON" else "ORG"
        if ent.label_ == "PERSON":
            name = _strip_titles(ent)
            if len(name.split()) == 1:
                name = self.full_names.get(name, name)
            prev = ent.start - 1
            if (
                prev >= 0
                and self.doc[prev].pos_ == "PROPN"
                and self.doc[prev].lower_ not in TITLE_WORDS
                and (prev == 0 or self.doc[prev - 1].pos_ != "PROPN")
            ):
                name = f"{self.doc[prev].text} {name}"  # "Anders [Fogh Rasmussen]"
            return name or ent.text, None, kind
        text = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
        return text.removesuffix("'s").removesuffix("’s"), None, kind

    def _salient_persons(self) -> list[_Known]:
        """Subjects and agents outside quotation marks: the antecedents pronouns prefer.

        Persons (named) serve "he"/"she"; plural nouns and organisations serve "they".
        """
        found = []
        for token in tokens_of(self.doc):
            dep = token.dep_
            if dep == "pobj" and token.head.dep_ == "agent":
                dep = "agent"
            if dep not in ("nsubj", "nsubjpass", "agent") or self._in_quote(token.idx):
                continue
            ent = _ent_of(token)
            if ent is not None and ent.label_ == "PERSON":
                name, eid, _ = self.name_of(ent)
                found.append(_Known(ent.start_char, name, eid, "PERSON"))
            elif token.pos_ == "PROPN" and ent is None:
                found.append(_Known(token.idx, self._proper_name(token), None, "PERSON"))
            elif token.tag_ in ("NNS", "NNPS") or (ent is not None and ent.label_ in ("ORG", "NORP", "GPE")):
                start, end = mention_bounds(token)
                found.append(_Known(token.idx, self.doc[start:end].text, None, "GROUP"))
            elif token.lemma_.lower() in ORG_NOUNS:  # "Argentina's foreign ministry": for "the ministry"
                start, end = mention_bounds(token)
                found.append(_Known(token.idx, self.doc[start:end].text, None, "OTHER"))
        return found

    def _in_quote(self, pos: int) -> bool:
        return any(start <= pos < end for start, end in self.quoted)

    def _proper_name(self, head: Token) -> str:
        """The run of proper nouns ending at ``head``, titles dropped, surname expanded."""
        first = head.i
        while first > head.left_edge.i and head.doc[first - 1].pos_ == "PROPN":
            first -= 1
        words = [t.text for t in head.doc[first : head.i + 1]]
        for i in range(len(words) - 1, 0, -1):
            if words[i - 1].lower() in ORG_WORDS:  # "Refugee Council [Enver Solomon]"
                words = words[i:]
                break
        while len(words) > 1 and words[0].lower() in TITLE_WORDS:
            words.pop(0)
        name = " ".join(words)
        return self.full_names.get(words[-1], name) if len(words) == 1 else name

    # -- resolution ---------------------------------------------------------------------
    def resolve(self, head: Token, mention: tuple[int, int]) -> tuple[str | None, str | None]:
        """Name and entity id for the source headed by ``head`` (mention: token range)."""
        name, eid, kind, words = self._resolve(head, mention)
        if name is not None:
            self.known.append(_Known(head.idx, name, eid, kind, words))
        return name, eid

    def remember(self, pos: int, name: str, entity: str | None, kind: str = "PERSON") -> None:
        """Record a source found without syntax (pull-quote credits, headlines)."""
        self.known.append(_Known(pos, name, entity, kind))

    def last_speaker(self, before: int) -> tuple[str | None, str | None]:
        """The most recent source before offset ``before`` (floating quotes continue it)."""
        for known in reversed(self.known):
            if known.pos < before:
                return known.name, known.entity
        return None, None

    def _resolve(
        self, head: Token, mention: tuple[int, int]
    ) -> tuple[str | None, str | None, str, frozenset[str]]:
        doc = self.doc
        words = frozenset(
            t.lemma_.lower() for t in doc[mention[0] : mention[1]] if t.pos_ in ("NOUN", "PROPN")
        ) | frozenset(c.lemma_.lower() for c in head.children if c.dep_ == "appos")
        if head.pos_ == "PRON" or head.tag_ in ("PRP", "PRP$"):
            name, eid, kind = self._pronoun(head)
            return name, eid, kind, words
        coordinated = any(c.dep_ == "cc" for c in head.children)
        if coordinated and any(c.dep_ == "conj" and (c.pos_ == "PROPN" or _ent_of(c)) for c in head.children):
            return doc[mention[0] : mention[1]].text, None, "GROUP", words  # a joint statement
        ent = _ent_of(head)
        if ent is not None:
            name, eid, kind = self.name_of(ent)
            return name, eid, kind, words
        return self._noun(head, mention, words)

    def _noun(
        self, head: Token, mention: tuple[int, int], words: frozenset[str]
    ) -> tuple[str | None, str | None, str, frozenset[str]]:
        doc = self.doc
        span = doc[mention[0] : mention[1]]
        if head.lemma_.lower() in DOCUMENT_NOUNS:
            for prep in head.children:
                author = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if prep.dep_ == "prep" and prep.lower_ in ("from", "by") and author is not None:
                    bounds = mention_bounds(author)  # "a letter from bipartisan members of ..."
                    name, eid, kind, more = self._resolve(author, bounds)
                    return name, eid, kind, words | more
        # a "conjunct" with no "and"/"or" is a comma apposition the parser misread ("In Tumaco,
        # the largest town in the zone, community leader Ana Ruiz said")
        coordinated = any(c.dep_ == "cc" for c in head.children)
        for child in head.children:
            ent = _ent_of(child)
            appositive = child.dep_ == "appos" or (child.dep_ == "conj" and not coordinated)
            if appositive and ent is None and child.pos_ == "PROPN":
                return self._proper_name(child), None, "PERSON", words
            if ent is None:
                continue
            if appositive or (child.dep_ in ("compound", "poss") and head.lemma_.lower() in DOCUMENT_NOUNS):
                name, eid, kind = self.name_of(ent)
                return name, eid, kind, words
        # only a mention covering the head counts: "a reporter for the BBC" is not the BBC
        found = self._entity(head.idx, head.idx + len(head.text))
        if found is not None and found.type in ("PERSON", "ORG"):
            return found.name, found.id, found.type, words
        lemma = head.lemma_.lower()
        definite = any(c.lower_ in ("the", "this", "that") for c in head.children if c.dep_ == "det")
        modified = any(c.dep_ in ("prep", "relcl", "acl") for c in head.children)
        if definite and not modified:
            # "the UN refugee agency" names its own body; only a plain "the agency" points back
            named = any(c.dep_ in ("compound", "amod", "nmod") and c.pos_ == "PROPN" for c in head.children)
            earlier = self._antecedent(head.idx, lemma, any_org=not named)
            if earlier is not None:
                return earlier.name, earlier.entity, earlier.kind, words | earlier.words
        if head.pos_ == "PROPN" and not definite and not _capitalised_noun(head):
            if lemma in TITLE_WORDS:
                return span.text, None, "PERSON", words  # "US Secretary of State" said
            return self._proper_name(head), None, "PERSON", words
        kind = "GROUP" if head.tag_ in ("NNS", "NNPS") else "OTHER"
        return span.text, None, kind, words

    def _antecedent(self, pos: int, lemma: str, any_org: bool = True) -> _Known | None:
        """An earlier source a definite description ("the spokesman") points back to."""
        for known in reversed(self.known):
            if known.pos < pos and lemma in known.words:
                return known
        recent = [k for k in self.known if k.pos < pos]
        for subject in reversed(self.salient):
            # "Argentina's foreign ministry rejected ... the ministry said": a subject naming the
            # same noun, more recent than any source, is what the description points back to
            if subject.pos < pos and lemma in subject.name.lower().split():
                if not recent or subject.pos > recent[-1].pos:
                    return subject
                break
        if any_org and (lemma in ORG_NOUNS or lemma in DOCUMENT_NOUNS):
            for known in reversed(recent):
                if known.kind == "ORG" and not (lemma in _BUSINESS and known.name.startswith("Government")):
                    return known
        return None

    def _pronoun(self, token: Token) -> tuple[str | None, str | None, str]:
        found = self._entity(token.idx, token.idx + len(token.text))
        if found is not None:
            return found.name, found.id, "PERSON" if found.type == "PERSON" else "ORG"
        lower = token.lower_
        window_start = max(0, self._sentence_start(token, back=3))
        if lower in PERSON_PRONOUNS:
            found_person = self._previous_subject(token)
            if found_person is not None:
                return found_person.name, found_person.entity, "PERSON"
            for pool in (self.known, self.salient):
                recent = [k for k in pool if k.kind == "PERSON" and window_start <= k.pos < token.idx]
                if recent:
                    best = max(recent, key=lambda k: k.pos)
                    return best.name, best.entity, "PERSON"
        elif lower in PLURAL_PRONOUNS or lower in IT_PRONOUNS:
            wanted = ("GROUP", "ORG") if lower in PLURAL_PRONOUNS else ("ORG",)
            candidates = (*self.salient, *self.known) if lower in PLURAL_PRONOUNS else self.known
            pool = [k for k in candidates if k.kind in wanted and window_start <= k.pos < token.idx]
            if pool:
                best = max(pool, key=lambda k: k.pos)
                return best.name, best.entity, best.kind
        return None, None, "OTHER"

    def _previous_subject(self, token: Token) -> _Known | None:
        """The person who is the main-clause subject of the sentence before the pronoun's.

        Main-clause subjects are what a following "he said" continues; a person named in a
        subordinate clause or an object ("calls for Lloyd Austin to ...") is not.
        """
        sent = token.sent
        sentences = [sent]
        if sent.start > 0:
            sentences.append(self.doc[sent.start - 1].sent)
        for sentence in sentences:
            found = self._main_subject(sentence, token)
            if found is not None:
                return found
        return None

    def _main_subject(self, sentence: Span, token: Token) -> _Known | None:
        root = sentence.root
        heads = {root.i, *(c.i for c in root.children if c.dep_ == "conj")}
        for subject in sentence:
            if subject.dep_ not in ("nsubj", "nsubjpass") or subject.head.i not in heads:
                continue
            if self._in_quote(subject.idx) or subject.i >= token.i:
                continue
            known = next((k for k in self.known if k.pos == subject.idx and k.kind == "PERSON"), None)
            if known is not None:
                return known
            ent = _ent_of(subject)
            if ent is not None and (ent.label_ == "PERSON" or ent.text in self.full_names):
                name, eid, _ = self.name_of(ent)
                return _Known(subject.idx, name, eid, "PERSON")
            titled = any(c.dep_ == "compound" and c.lower_ in TITLE_WORDS for c in subject.children)
            if subject.pos_ == "PROPN" and (ent is None or titled):
                return _Known(subject.idx, self._proper_name(subject), None, "PERSON")
        return None

    def _sentence_start(self, token: Token, back: int) -> int:
        sent = token.sent
        for _ in range(back):
            if sent.start == 0:
                break
            sent = self.doc[sent.start - 1].sent
        return int(sent.start_char)


def _capitalised_noun(head: Token) -> bool:
    """A common noun the tagger calls PROPN because it opens the sentence ("Staff at the clinic
    said"): no entity type, and a lower-case preposition right after it ("Residents of ...")."""
    return (
        bool(head.is_sent_start)
        and not head.ent_type_
        and any(c.dep_ == "prep" and c.i == head.i + 1 and c.text.islower() for c in head.children)
    )


def _strip_titles(ent: Span) -> str:
    """The words of a person span without leading titles and a trailing possessive."""
    text_words = ent.text.split()
    while len(text_words) > 1 and text_words[0].lower() in TITLE_WORDS:
        text_words.pop(0)
    name = " ".join(text_words)
    return name.removesuffix("'s").removesuffix("’s")
