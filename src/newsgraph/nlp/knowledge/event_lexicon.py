"""The event lexicon and the CAMEO/PLOVER code tables, read once per process.

Four data files in ``newsgraph/nlp/knowledge/lexicons`` (each documents its format and licence in
its header), read through :mod:`~newsgraph.nlp.knowledge.tsv`:

- ``events.tsv``: trigger verbs, phrases and nouns per PLOVER type with their CAMEO code and
  where their target is; plus the intent words that turn an act into an expressed intent;
- ``criticism.tsv`` (MIT, from the CAMEO verb dictionary of PETRARCH-2): words of condemnation;
- ``cameo_codes.tsv`` (MIT, from the CAMEO codebook): quad class and Goldstein weight per code;
- ``cameo_plover.tsv`` (CC BY-SA 4.0, from the PLOVER codebook): the quad class of each PLOVER
  type and the PLOVER mode of a CAMEO code.

Data, not code: adding a trigger never means touching the rules (architecture rule 2).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from newsgraph.nlp.knowledge.tsv import (
    CAMEO_CODES,
    CAMEO_PLOVER,
    Row,
    Schema,
    check_codes,
    data_text,
    parse_table,
)
from newsgraph.records import PLOVER_TYPES as PLOVER_TYPES

_KINDS = frozenset({"verb", "noun", "phrase", "intent"})
CRITICISM = Schema(
    ("word", "cameo", "source"), required=("word", "cameo"), key=("word",), codes=(("cameo", "cameo"),)
)
JUDGEMENT = Schema(("word", "valence"), required=("word", "valence"), key=("word",))


@dataclass(frozen=True, slots=True)
class Trigger:
    """One lexicon entry: a word (and particle) that codes an event of ``plover``/``cameo``."""

    kind: str
    lemma: str
    particle: str | None
    plover: str
    cameo: str
    targets: tuple[str, ...]
    when: frozenset[str]
    mode: str | None


@dataclass(frozen=True, slots=True)
class CameoCode:
    """A CAMEO code's name, quad class and Goldstein weight."""

    code: str
    name: str
    quad_class: int
    goldstein: float


@dataclass(frozen=True, slots=True)
class EventLexicon:
    """Triggers by lemma, intent words, and the code tables."""

    verbs: dict[str, tuple[Trigger, ...]]
    nouns: dict[str, tuple[Trigger, ...]]
    intents: frozenset[str]
    cameo: dict[str, CameoCode]
    plover_quad: dict[str, int]
    cameo_mode: dict[str, tuple[str, str]]
    criticism: frozenset[str] = frozenset()
    judgement: frozenset[str] = frozenset()

    def code(self, cameo: str) -> CameoCode | None:
        """The codebook row of a CAMEO code, else of its nearest parent (176 "cyber attack",
        used by the gold annotation, is newer than the codebook: it gets root 17's values)."""
        return self.cameo.get(cameo) or self.cameo.get(cameo[:3]) or self.cameo.get(cameo[:2])

    def mode_for(self, plover: str, cameo: str) -> str | None:
        """The PLOVER mode the codebook gives a CAMEO code, if it is of the same type."""
        found = self.cameo_mode.get(cameo)
        if found is None or found[0] != plover or not found[1]:
            return None
        return found[1]


@dataclass(frozen=True, slots=True)
class ParsedTriggers:
    """What ``events.tsv`` holds: triggers by lemma and intent words."""

    verbs: dict[str, tuple[Trigger, ...]]
    nouns: dict[str, tuple[Trigger, ...]]
    intents: frozenset[str]


EVENTS = Schema(
    ("kind", "lemma", "plover", "cameo", "targets", "when", "mode"),
    required=("kind", "lemma"),
    optional=1,
    key=("kind", "lemma", "when"),
    fold_key=True,
    codes=(("plover", "plover"), ("cameo", "cameo")),
    dash=True,
)


def parse_triggers(
    text: str, source: str = "events.tsv", sets: Mapping[str, frozenset[str]] | None = None
) -> ParsedTriggers:
    """Parse the text of ``events.tsv`` (format in its header).  ``sets``: the word sets a ``when``
    condition may name as ``&name`` (``&criticism``: the words of ``criticism.tsv``)."""
    verbs: dict[str, list[Trigger]] = {}
    nouns: dict[str, list[Trigger]] = {}
    intents: set[str] = set()
    for row in parse_table(text, EVENTS, source):
        kind, lemma = row["kind"], row["lemma"].lower()
        if kind not in _KINDS:
            raise row.error(f"unknown kind {kind!r}")
        if kind == "intent":
            intents.add(lemma)
            continue
        if not row["plover"] or not row["cameo"]:
            raise row.error("a trigger needs a PLOVER type and a CAMEO code")
        particle = None
        if kind == "phrase":
            lemma, _, particle = lemma.partition(" ")
            if not particle:
                raise row.error(f"a phrase is 'verb particle', not {lemma!r}")
        trigger = Trigger(
            kind,
            lemma,
            particle,
            row["plover"],
            row["cameo"],
            tuple(t for t in row["targets"].split(",") if t),
            _condition(row, sets or {}),
            row["mode"] or None,
        )
        (nouns if kind == "noun" else verbs).setdefault(lemma, []).append(trigger)
    return ParsedTriggers(
        {k: tuple(v) for k, v in verbs.items()},
        {k: tuple(v) for k, v in nouns.items()},
        frozenset(intents),
    )


def _condition(row: Row, sets: Mapping[str, frozenset[str]]) -> frozenset[str]:
    """The lemmas of a ``when`` field, with each ``&name`` replaced by that word set."""
    words: set[str] = set()
    for item in (w for w in row["when"].split("|") if w):
        if not item.startswith("&"):
            words.add(item)
        elif item[1:] in sets:
            words |= sets[item[1:]]
        else:
            raise row.error(f"unknown word set {item!r}")
    return frozenset(words)


def parse_criticism(text: str, source: str = "criticism.tsv") -> frozenset[str]:
    """``criticism.tsv`` text -> the words of condemnation."""
    return frozenset(row["word"].lower() for row in parse_table(text, CRITICISM, source))


def parse_judgement(text: str, source: str = "judgement_words.tsv") -> frozenset[str]:
    """``judgement_words.tsv`` text -> the strongly negative words (VADER); a valence that is no
    number is an error with its line."""
    words = set()
    for row in parse_table(text, JUDGEMENT, source):
        try:
            float(row["valence"])
        except ValueError:
            raise row.error(f"valence {row['valence']!r} is no number") from None
        words.add(row["word"].lower())
    return frozenset(words)


def parse_cameo(text: str, source: str = "cameo_codes.tsv") -> dict[str, CameoCode]:
    """``cameo_codes.tsv`` text -> code table."""
    return {
        r["code"]: CameoCode(r["code"], r["name"], int(r["quad_class"]), float(r["goldstein"]))
        for r in parse_table(text, CAMEO_CODES, source)
    }


def parse_plover(
    text: str, source: str = "cameo_plover.tsv"
) -> tuple[dict[str, int], dict[str, tuple[str, str]]]:
    """``cameo_plover.tsv`` text -> (PLOVER type -> quad class, CAMEO code -> (type, mode))."""
    quads: dict[str, int] = {}
    modes: dict[str, tuple[str, str]] = {}
    for row in parse_table(text, CAMEO_PLOVER, source):
        if row["row"] == "type":
            check_codes(row, "plover", [row["id"]], "id")
            check_codes(row, "quad", [row["value"]], "value")
            quads[row["id"]] = int(row["value"])
        elif row["row"] == "cameo":
            check_codes(row, "cameo-shape", [row["id"]], "id")
            check_codes(row, "plover", [row["value"]], "value")
            modes[row["id"]] = (row["value"], row["mode"])
        else:
            raise row.error(f"a row is 'type' or 'cameo', not {row['row']!r}")
    return quads, modes


@cache
def load_event_lexicon() -> EventLexicon:
    """The packaged event lexicon and code tables (read once per process)."""
    criticism = parse_criticism(data_text("criticism.tsv"))
    parsed = parse_triggers(data_text("events.tsv"), sets={"criticism": criticism})
    quads, modes = parse_plover(data_text("cameo_plover.tsv"))
    return EventLexicon(
        parsed.verbs,
        parsed.nouns,
        parsed.intents,
        parse_cameo(data_text("cameo_codes.tsv")),
        quads,
        modes,
        criticism,
        parse_judgement(data_text("judgement_words.tsv")),
    )
