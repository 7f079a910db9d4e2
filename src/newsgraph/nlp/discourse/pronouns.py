"""Pronoun resolution: he/she/his/her/him -> a person, they/their/them -> an organisation or group.

A salience model over recent mentions (no learned weights; each term is a reason):

- recency: candidates come from the pronoun's sentence and the three before it, and every sentence
  of distance costs more than any other bonus, so the nearest compatible entity usually wins;
- grammatical role: subjects are more salient than objects ("Peskov accused Washington ..., he");
- agreement: gender from titles, honorifics, given names and earlier confident links; number
  (they/their never pick a person);
- binding: an object pronoun is not the subject of its own verb ("Montalvo helped him");
- quotations: a pronoun outside quotation marks ignores names inside them, because
  '"... Colonel Bacar has been spotted ...," he added' is said by the speaker, not by Bacar.

For they/their the rule is conservative: a plural common noun between the entity and the pronoun
("the troops ... they") blocks the link, since most "they" in news are such groups.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newsgraph.nlp.discourse.names import FEMALE, MALE, PLURAL, Cluster
from newsgraph.nlp.doc_cache import sentence_index, text_of, tokens_of
from newsgraph.nlp.knowledge.gazetteer import gazetteer
from newsgraph.nlp.mentions.names import Mention

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_OBJECT_DEPS = frozenset({"dobj", "pobj", "iobj", "dative"})
_WINDOW = 3
_QUOTE_MARKS = re.compile('[“”"]')


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
            if hint is None and m.kind == "name" and len(m.text.split()) >= 2:
                hint = g.genders.get(m.text.split()[0])
            if hint:
                c.gender = hint
                break


def _plural_noun_between(doc: Doc, start: int, end: int) -> bool:
    return any(t.tag_ == "NNS" and t.dep_ in _SUBJECT_DEPS for t in doc[start:end])


def _score(doc: Doc, m: Mention, pron: Token, sent_of: list[int]) -> float | None:
    distance = sent_of[pron.i] - sent_of[m.start]
    head = doc[m.end - 1]
    score = -2.0 * distance + 0.001 * m.start
    if head.dep_ in _SUBJECT_DEPS or (m.kind == "pronoun" and doc[m.start].dep_ in _SUBJECT_DEPS):
        score += 1.5
    elif head.dep_ == "poss":
        score += 0.3
    if distance == 0 and pron.dep_ in _OBJECT_DEPS and head.dep_ in _SUBJECT_DEPS:
        verb = pron.head if pron.dep_ != "pobj" else pron.head.head
        if head.head == verb and pron.lower_ not in {"himself", "herself", "themselves"}:
            return None
    return score


def resolve_pronouns(doc: Doc, clusters: list[Cluster]) -> None:
    """Add each third-person pronoun to the most salient compatible cluster (module docstring)."""
    sent_of = sentence_index(doc)
    quotes = quote_spans(text_of(doc))
    owner: dict[int, Cluster] = {}
    for c in clusters:
        for m in c.mentions:
            for i in range(m.start, m.end):
                owner.setdefault(i, c)
    mentions = sorted(((m, c) for c in clusters for m in c.mentions), key=lambda mc: mc[0].start)
    for pron in tokens_of(doc):
        lower = pron.lower_
        if lower not in MALE | FEMALE | PLURAL or pron.i in owner or pron.pos_ not in {"PRON", "DET"}:
            continue
        best = _best(doc, pron, mentions, sent_of, quotes)
        if best is None:
            continue
        cluster = best
        mention = Mention(pron.i, pron.i + 1, cluster.label, pron.text, kind="pronoun")
        mention.set_chars(doc)
        cluster.mentions.append(mention)
        mentions.append((mention, cluster))
        mentions.sort(key=lambda mc: mc[0].start)
        if cluster.gender is None and lower in MALE | FEMALE:
            cluster.gender = "m" if lower in MALE else "f"


def _best(
    doc: Doc,
    pron: Token,
    mentions: list[tuple[Mention, Cluster]],
    sent_of: list[int],
    quotes: list[tuple[int, int]],
) -> Cluster | None:
    lower = pron.lower_
    pron_quoted = _inside(pron.idx, quotes)
    if pron_quoted and lower in PLURAL:
        return None  # a quoted "they" belongs to the speaker's world, not to the article's entities
    scored: list[tuple[float, Cluster]] = []
    for m, c in mentions:
        if m.start >= pron.i or sent_of[pron.i] - sent_of[m.start] > _WINDOW:
            continue
        if not pron_quoted and _inside(doc[m.start].idx, quotes):
            continue
        if not _agrees(lower, c):
            continue
        if lower in PLURAL and _plural_noun_between(doc, m.end, pron.i):
            continue
        score = _score(doc, m, pron, sent_of)
        if score is not None:
            scored.append((score, c))
    if not scored:
        return None
    return max(scored, key=lambda sc: sc[0])[1]


def _agrees(lower: str, c: Cluster) -> bool:
    if lower in PLURAL:
        return c.label in {"ORG", "NORP"}
    if c.label != "PERSON":
        return False
    if c.gender is None:
        return True
    return (c.gender == "m") == (lower in MALE)
