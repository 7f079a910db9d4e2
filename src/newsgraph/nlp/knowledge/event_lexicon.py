"""The event lexicon and the CAMEO/PLOVER code tables, read once per process.

Three data files in ``newsgraph.nlp/lexicons`` (each documents its format and licence in its
header):

- ``events.tsv``: trigger verbs, phrases and nouns per PLOVER type with their CAMEO code and
  where their target is; plus the intent words that turn an act into an expressed intent;
- ``cameo_codes.tsv`` (MIT, from the CAMEO codebook): quad class and Goldstein weight per code;
- ``cameo_plover.tsv`` (CC BY-SA 4.0, from the PLOVER codebook): the quad class of each PLOVER
  type and the PLOVER mode of a CAMEO code.

Data, not code: adding a trigger never means touching the rules (architecture rule 2).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from newsgraph.records import PLOVER_TYPES

_KINDS = frozenset({"verb", "noun", "phrase", "intent", "criticism"})


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


def _data(name: str) -> str:
    return resources.files("newsgraph.nlp.knowledge").joinpath("lexicons", name).read_text("utf-8")


def _rows(text: str) -> list[tuple[int, list[str]]]:
    return [
        (number, line.split("\t"))
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip() and not line.startswith("#")
    ]


def _dash(value: str) -> str:
    return "" if value == "-" else value


@dataclass(frozen=True, slots=True)
class ParsedTriggers:
    """What ``events.tsv`` holds: triggers by lemma, intent words, criticism words."""

    verbs: dict[str, tuple[Trigger, ...]]
    nouns: dict[str, tuple[Trigger, ...]]
    intents: frozenset[str]
    criticism: frozenset[str]


def parse_triggers(text: str) -> ParsedTriggers:
    """Parse the text of ``events.tsv`` (format in its header)."""
    verbs: dict[str, list[Trigger]] = {}
    nouns: dict[str, list[Trigger]] = {}
    words: dict[str, set[str]] = {"intent": set(), "criticism": set()}
    for number, fields in _rows(text):
        if len(fields) < 6 or fields[0] not in _KINDS:
            raise ValueError(f"events.tsv line {number}: expected 6-7 fields and a known kind")
        kind, lemma = fields[0], fields[1].lower()
        if kind in words:
            words[kind].add(lemma)
            continue
        if fields[2] not in PLOVER_TYPES or not fields[3].isdigit():
            raise ValueError(f"events.tsv line {number}: bad PLOVER type or CAMEO code")
        particle = None
        if kind == "phrase":
            lemma, particle = lemma.split(" ", 1)
        trigger = Trigger(
            kind,
            lemma,
            particle,
            fields[2],
            fields[3],
            tuple(t for t in _dash(fields[4]).split(",") if t),
            frozenset(w for w in _dash(fields[5]).split("|") if w),
            _dash(fields[6]) or None if len(fields) > 6 else None,
        )
        (nouns if kind == "noun" else verbs).setdefault(lemma, []).append(trigger)
    return ParsedTriggers(
        {k: tuple(v) for k, v in verbs.items()},
        {k: tuple(v) for k, v in nouns.items()},
        frozenset(words["intent"]),
        frozenset(words["criticism"]),
    )


def parse_cameo(text: str) -> dict[str, CameoCode]:
    """``cameo_codes.tsv`` text -> code table."""
    return {f[0]: CameoCode(f[0], f[3] if len(f) > 3 else "", int(f[1]), float(f[2])) for _, f in _rows(text)}


def parse_plover(text: str) -> tuple[dict[str, int], dict[str, tuple[str, str]]]:
    """``cameo_plover.tsv`` text -> (PLOVER type -> quad class, CAMEO code -> (type, mode))."""
    quads: dict[str, int] = {}
    modes: dict[str, tuple[str, str]] = {}
    for _, fields in _rows(text):
        if fields[0] == "type":
            quads[fields[1]] = int(fields[2])
        elif fields[0] == "cameo":
            modes[fields[1]] = (fields[2], fields[3] if len(fields) > 3 else "")
    return quads, modes


@cache
def load_event_lexicon() -> EventLexicon:
    """The packaged event lexicon and code tables (read once per process)."""
    parsed = parse_triggers(_data("events.tsv"))
    quads, modes = parse_plover(_data("cameo_plover.tsv"))
    return EventLexicon(
        parsed.verbs,
        parsed.nouns,
        parsed.intents,
        parse_cameo(_data("cameo_codes.tsv")),
        quads,
        modes,
        parsed.criticism,
    )
