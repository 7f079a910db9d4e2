"""Pronoun resolution: he/she/his/her/him -> a person, they/their/them -> an organisation or group.

A salience model over recent mentions (no learned weights; each term is a reason):

- recency: candidates come from the pronoun's sentence and the three before it, and every sentence
  of distance costs more than any other bonus, so the nearest compatible entity usually wins;
- grammatical role: subjects are more salient than objects ("Peskov accused Washington ..., he");
- agreement: gender from titles, honorifics, given names and earlier confident links; number
  (they/their never pick a person);
- binding: an object pronoun is not the subject of its own verb ("Montalvo helped him");
- quotations: a pronoun outside quotation marks ignores names inside them, because
  '"... Colonel Bacar has been spotted ...," he added' is said by the speaker, not by Bacar; a
  quoted they/their reaches only back to the sentence that opens its quotation;
- compounding: a link less probable than :data:`CHAIN_CONFIDENCE` is kept but is no antecedent
  for later pronouns and gives no gender, so one guess does not carry a paragraph with it.

For they/their the rule is conservative: described groups ("the troops") compete with the
organisations, since most "they" in news are such groups, and inside a quotation a plural common
noun between an organisation and the pronoun ("Siemens ... the workers ... they") blocks the link.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right, insort
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from newsgraph.nlp.discourse.descriptions import Described
from newsgraph.nlp.discourse.model import DEFAULT_CONFIG, DiscourseConfig
from newsgraph.nlp.discourse.names import FEMALE, MALE, PLURAL, Cluster
from newsgraph.nlp.discourse.salience import choose
from newsgraph.nlp.doc_cache import sentence_index, text_of, tokens_of
from newsgraph.nlp.knowledge.cues import load_lexicon
from newsgraph.nlp.knowledge.gazetteer import gazetteer, given_name_gender
from newsgraph.nlp.knowledge.wordlists import wordlist
from newsgraph.nlp.mentions.names import Mention
from newsgraph.nlp.syntax import RELATIVE

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_OBJECT_DEPS = frozenset({"dobj", "pobj", "iobj", "dative"})
NEUTER = wordlist("neuter_pronouns")
_PRONOUNS = MALE | FEMALE | PLURAL | NEUTER
_QUOTE_MARKS = re.compile('[“”"]')
#: A pronoun link at least this probable (among its candidates) becomes an antecedent for later
#: pronouns and gives its entity a gender; a less probable one is kept but chains nothing, so
#: one uncertain choice does not carry every later "he" of a paragraph with it.
CHAIN_CONFIDENCE = 0.5


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans inside quotation marks; an unclosed quote runs to the end of its paragraph."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        open_at: int | None = None
        for mark in _QUOTE_MARKS.finditer(line):
            ch, pos = mark.group(), offset + mark.start()
            if ch == "“" or (ch == '"' and open_at is None):
                if open_at is None:
                    open_at = pos
            elif ch in {"”", '"'} and open_at is not None:
                spans.append((open_at, pos))
                open_at = None
        if open_at is not None:
            spans.append((open_at, offset + len(line)))
        offset += len(line) + 1
    return spans


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < pos < e for s, e in spans)


def init_genders(doc: Doc, clusters: list[Cluster]) -> None:
    """Gender hints from honorifics before a name, given names and gendered titles."""
    g = gazetteer()
    for c in clusters:
        if c.label != "PERSON" or c.gender:
            continue
        for m in c.mentions:
            prev = doc[m.start - 1].text if m.start > 0 else ""
            hint = g.genders.get(prev) if prev in g.honorifics else None
            hint = hint or next((p.gender for p in m.titles if p.gender), None)
            # the given name's gender: "Isabel Ruiz"; a lone "Jason" only when the person has no
            # longer name (a lone "Byron" after "George Byron" is a surname)
            single = len(m.text.split()) == 1
            if hint is None and m.kind == "name" and (not single or len(c.longest_tokens()) == 1):
                hint = g.genders.get(m.text.split()[0])
            if hint:
                c.gender = hint
                break


def _paragraph_starts(text: str) -> list[int]:
    """Character offsets where paragraphs start (a line break begins one)."""
    return [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]


@dataclass(slots=True)
class _Candidate:
    """An antecedent candidate: an entity mention, or a group description ("the troops")."""

    start: int
    end: int
    kind: str  # mention kind, or "group"
    cluster: Cluster | None
    group: Described | None = None


def _reporting_subject(pron: Token) -> Token | None:
    """The subject of the speech verb whose clause the pronoun is the subject of; through a
    relative pronoun, the noun it stands for ("Devocht, who had told Montalvo he would ...")."""
    verb = pron.head
    if pron.dep_ not in _SUBJECT_DEPS or verb.dep_ != "ccomp":
        return None
    subject = next((c for c in verb.head.children if c.dep_ in _SUBJECT_DEPS), None)
    if subject is not None and subject.lower_ in RELATIVE and verb.head.dep_ == "relcl":
        return verb.head.head
    return subject


def _cataphora_subject(pron: Token) -> Token | None:
    """The main subject a pronoun in a fronted modifier points forward to ("Discussing his
    concern in a statement, the Prime Minister said ...", "After her speech, Costa left")."""
    root = pron.sent.root
    subject = next((c for c in root.children if c.dep_ in _SUBJECT_DEPS and c.i > pron.i), None)
    if subject is None or subject.pos_ not in ("PROPN", "NOUN"):
        return None
    fronted = next(
        (
            c
            for c in root.children
            if c.dep_ in ("advcl", "prep") and c.left_edge.i <= pron.i <= c.right_edge.i
        ),
        None,
    )
    return subject if fronted is not None and fronted.right_edge.i < subject.i else None


def resolve_pronouns(
    doc: Doc,
    clusters: list[Cluster],
    groups: Sequence[Described] = (),
    config: DiscourseConfig = DEFAULT_CONFIG,
) -> list[Described]:
    """Add each third-person pronoun to the most salient compatible cluster (module docstring);
    pronouns that take a group description are returned as descriptions of that group."""
    sent_of = sentence_index(doc)
    text = text_of(doc)
    quotes = quote_spans(text)
    paragraphs = _paragraph_starts(text)
    owner: dict[int, Cluster] = {}
    for c in clusters:
        for m in c.mentions:
            for i in range(m.start, m.end):
                owner.setdefault(i, c)
    speakers_of = cache(lambda quote: _quote_speakers(doc, quote, owner))  # once per quotation
    cands = [_Candidate(m.start, m.end, m.kind, c) for c in clusters for m in c.mentions]
    cands += [_Candidate(g.start, g.end, "group", None, g) for g in groups]
    cands.sort(key=lambda m: m.start)
    named = [c for c in clusters if c.label in {"PERSON", "ORG"} and c.mentions]
    first = min(named, key=lambda c: c.first) if named else None
    out: list[Described] = []
    for pron in tokens_of(doc):
        lower = pron.lower_
        if lower not in _PRONOUNS or pron.i in owner or pron.pos_ not in {"PRON", "DET"}:
            continue
        horizon = _previous_paragraph(paragraphs, pron.idx, config.paragraphs_back)
        chosen = _best(doc, pron, cands, sent_of, quotes, horizon, speakers_of, first, config.pronoun_window)
        if chosen is None:
            continue
        best, probability = chosen
        if best.group is not None:
            g = best.group
            out.append(Described(pron.i, pron.i + 1, pron, g.name, g.kind, None, probability))
            insort(cands, _Candidate(pron.i, pron.i + 1, "pronoun", None, out[-1]), key=_start)
            continue
        cluster = best.cluster
        assert cluster is not None
        mention = Mention(pron.i, pron.i + 1, cluster.label, pron.text, kind="pronoun", sieve="pronoun")
        mention.confidence = probability
        mention.set_chars(doc)
        cluster.mentions.append(mention)
        if probability < CHAIN_CONFIDENCE:
            continue  # a guess more likely wrong than right is no antecedent and no gender evidence
        insort(cands, _Candidate(pron.i, pron.i + 1, "pronoun", cluster), key=_start)
        if cluster.gender is None and lower in MALE | FEMALE:
            cluster.gender = "m" if lower in MALE else "f"
    return out


def _previous_paragraph(starts: list[int], pos: int, back: int) -> int:
    """Start of the paragraph ``back`` paragraphs before the one holding ``pos`` (the salience
    horizon)."""
    i = bisect_right(starts, pos) - 1
    return starts[max(i - back, 0)]


def _start(c: _Candidate) -> int:
    return c.start


def _quote_speakers(doc: Doc, quote: tuple[int, int], owner: dict[int, Cluster]) -> set[int]:
    """Clusters (by id) of the subjects of speech verbs framing a quotation: the sentence that
    opens it and the one after it ("...," Wilkins said).  A "he" inside the quotation is someone
    the speaker talks about, never the speaker, who would say "I"."""
    lexicon = load_lexicon()
    first = doc.char_span(quote[0], quote[0] + 1, alignment_mode="expand")
    last = doc.char_span(max(quote[1] - 1, quote[0]), quote[1], alignment_mode="expand")
    if first is None or last is None:
        return set()
    lo, hi = first.sent.start, last.sent.end
    if hi < len(doc):
        hi = doc[hi].sent.end
    out: set[int] = set()
    for tok in doc[lo:hi]:
        inside = quote[0] <= tok.idx < quote[1]
        if tok.dep_ in _SUBJECT_DEPS and not inside and lexicon.verb_patterns(tok.head.lemma_) is not None:
            cluster = owner.get(tok.i)
            if cluster is not None:
                out.add(id(cluster))
    return out


def _best(
    doc: Doc,
    pron: Token,
    cands: list[_Candidate],
    sent_of: list[int],
    quotes: list[tuple[int, int]],
    horizon: int,
    speakers_of: Callable[[tuple[int, int]], set[int]],
    first: Cluster | None,
    window: int,
) -> tuple[_Candidate, float] | None:
    """The chosen antecedent (the most recent mention of the chosen entity) and its probability:
    candidates by rule, choice by :func:`.salience.choose`."""
    lower = pron.lower_
    quote = next(((s, e) for s, e in quotes if s < pron.idx < e), None)
    speakers = speakers_of(quote) if quote is not None else set()
    # a quoted "they" belongs to the speaker's world: it may take only an organisation or group
    # named since the sentence that opens the quotation ('... of Google's response: "their website"'),
    # and none with a plural noun between them ('... the insects they carry': those are "they")
    scoped = quote is not None and lower in PLURAL
    scope = _opening_sentence(doc, quote) if quote is not None and scoped else 0
    plurals = [t.i for t in doc[scope : pron.i] if t.tag_ == "NNS"] if scoped else []
    reported = _reporting_subject(pron)
    if lower in NEUTER and reported is None:
        return None  # "it" is mostly a thing; only "X said it would ..." is resolved
    eligible: list[_Candidate] = []
    history: dict[int, list[_Candidate]] = {}  # entity (cluster or group) -> its mentions so far
    for m in cands:
        if m.start >= pron.i:
            break
        if m.end > pron.i:
            continue  # a phrase holding the pronoun ("their statements") is not its antecedent
        history.setdefault(_key(m), []).append(m)
        if m.start < scope or any(i >= m.end for i in plurals):
            continue
        distance = sent_of[pron.i] - sent_of[m.start]
        if distance > window and doc[m.start].idx < horizon:
            continue
        if quote is None and _inside(doc[m.start].idx, quotes):
            continue
        if not _agrees(lower, m) or (m.cluster is not None and id(m.cluster) in speakers):
            continue
        if not _bound(doc, m, pron, sent_of):
            eligible.append(m)
    ahead = _cataphora_subject(pron)
    forward = next((m for m in cands if ahead is not None and m.start <= ahead.i < m.end), None)
    if forward is not None and _agrees(lower, forward) and forward.start > pron.i:
        eligible.append(forward)
        history.setdefault(_key(forward), []).append(forward)
    if not eligible:
        return None
    options = [(m, history[_key(m)]) for m in eligible]  # every mention competes: the best one speaks
    vectors = [_features(doc, m, seen, pron, sent_of, horizon, reported, first) for m, seen in options]
    for vector, (m, _) in zip(vectors, options, strict=True):
        vector.append(float(m is forward))
    index, probability = choose(pron.idx, [m for m, _ in options], vectors)
    return (options[index][0], probability) if index >= 0 else None


def _opening_sentence(doc: Doc, quote: tuple[int, int]) -> int:
    """First token of the sentence that holds the opening mark of ``quote``."""
    opening = doc.char_span(quote[0], quote[0] + 1, alignment_mode="expand")
    return opening.sent.start if opening is not None else len(doc)


def _key(m: _Candidate) -> int:
    return id(m.cluster) if m.cluster is not None else id(m.group)


def _head(doc: Doc, m: _Candidate) -> Token:
    return doc[m.end - 1] if m.group is None else m.group.head


def _bound(doc: Doc, m: _Candidate, pron: Token, sent_of: list[int]) -> bool:
    """Binding: an object pronoun is not the subject of its own verb ("Montalvo helped him")."""
    head = _head(doc, m)
    if sent_of[pron.i] != sent_of[m.start] or pron.dep_ not in _OBJECT_DEPS or head.dep_ not in _SUBJECT_DEPS:
        return False
    verb = pron.head if pron.dep_ != "pobj" else pron.head.head
    return head.head == verb and pron.lower_ not in {"himself", "herself", "themselves"}


def _features(
    doc: Doc,
    m: _Candidate,
    seen: list[_Candidate],
    pron: Token,
    sent_of: list[int],
    horizon: int,
    reported: Token | None,
    first: Cluster | None,
) -> list[float]:
    """The :data:`.salience.FEATURES` of one candidate entity for one pronoun."""
    head = _head(doc, m)
    distance = max(sent_of[pron.i] - sent_of[m.start], 0)
    subject = head.dep_ in _SUBJECT_DEPS or (m.kind == "pronoun" and doc[m.start].dep_ in _SUBJECT_DEPS)
    c = m.cluster
    lower = pron.lower_
    personal = lower in MALE | FEMALE
    recent = any(
        sent_of[pron.i] - sent_of[x.start] <= 2 and _head(doc, x).dep_ in _SUBJECT_DEPS for x in seen
    )
    return [
        float(distance),
        float(distance == 0),
        float(bool(horizon) and doc[m.start].idx < horizon),
        math.log1p(abs(pron.i - m.end)),
        float(subject),
        float(head.dep_ == "poss"),
        float(head.dep_ in _OBJECT_DEPS),
        float(m.kind == "pronoun"),
        float(reported is not None and any(x.start <= reported.i < x.end for x in seen)),
        math.log1p(len(seen)),
        float(recent),
        float(personal and c is not None and c.gender is not None),
        float(personal and (c is None or c.gender is None)),
        float(c is not None and c is first),
        float(c is not None and any(x.titles or x.kind == "title" for x in c.mentions)),
        float(m.group is not None),
        float(lower in PLURAL and c is not None and c.label == "ORG"),
        float(lower in PLURAL and c is not None and c.label == "NORP"),
        float(_parallel(pron, head, distance)),
    ]


def _parallel(pron: Token, head: Token, distance: int) -> bool:
    """Subject parallelism: the pronoun and the candidate are the subjects of the main clauses
    of consecutive sentences, or of two coordinated clauses ("X did not mention Y's movement,
    and he said ...")."""
    if distance == 1:
        return _main_subject(pron) and _main_subject(head)
    verb = pron.head
    return (
        distance == 0
        and pron.dep_ in _SUBJECT_DEPS
        and verb.dep_ == "conj"
        and head.dep_ in _SUBJECT_DEPS
        and head.head.i == verb.head.i
    )


def _main_subject(tok: Token) -> bool:
    """The subject of its sentence's main verb, or a name in apposition to it ("Trump's
    nominee, James Mattis, backed ...")."""
    if tok.dep_ == "appos":
        tok = tok.head
    return tok.dep_ in _SUBJECT_DEPS and tok.head.i == tok.sent.root.i


def _agrees(lower: str, m: _Candidate) -> bool:
    """Agreement is a hard filter: number, animacy and, where known, gender."""
    if m.group is not None:  # a described group, or an unnamed person ("a local official")
        return lower in PLURAL if m.group.kind == "GROUP" else lower in MALE | FEMALE
    c = m.cluster
    assert c is not None
    if lower in PLURAL:
        return c.label in {"ORG", "NORP"}
    if lower in NEUTER:
        return c.label in {"ORG", "GPE"}
    if c.label != "PERSON":
        named = _given_name_gender(c)  # "Debbie", "Byron" tagged ORG by the model
        return named is not None and (named == "m") == (lower in MALE)
    if c.gender is None:
        return True
    return (c.gender == "m") == (lower in MALE)


def _given_name_gender(c: Cluster) -> str | None:
    """The gender of an organisation the model named with a single given name and nothing else
    ("Debbie caused her own death", "Byron fell in love"), which no lexicon knows as an
    organisation: he/she may take it.  Only as a candidate, with the gender unknown to salience,
    so a person named in full nearby still wins ("Ford ... its chief Ann Lee ... she")."""
    names = c.names()
    if c.label != "ORG" or not names or any(m.canonical or len(m.text.split()) != 1 for m in names):
        return None
    genders = {given_name_gender(m.text) for m in names}
    return genders.pop() if len(genders) == 1 else None
