"""One validated reader for every lexicon data file.

Each lexicon is a UTF-8 tab-separated file with ``#`` comment lines (its header says where the
entries came from).  :func:`read_table` parses one against a :class:`Schema` and refuses, with a
:class:`~newsgraph.errors.LexiconError` naming the file and line, anything that would otherwise be
silently read wrong: a row with too few or too many columns, an empty required field, a key that
repeats an earlier row, or a code that is unknown (an ISO 3166 alpha-3 country code not in
``countries.tsv``, a CAMEO code not in ``cameo_codes.tsv``/``cameo_plover.tsv``, a PLOVER type not
among the 16 of :data:`newsgraph.records.PLOVER_TYPES`).

This module imports nothing heavy: the extraction stage reads its plain word lists
(``newsgraph/extract/lexicons/*.txt``) through :func:`read_list`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from newsgraph.errors import LexiconError
from newsgraph.records import PLOVER_TYPES

KNOWLEDGE = "newsgraph.nlp.knowledge"


@dataclass(frozen=True, slots=True)
class Schema:
    """What the rows of one file must look like.

    ``columns``: the column names in order; the last ``optional`` of them may be left out.
    ``required``: columns that may not be empty.  ``key``: columns whose values, together, may
    occur on one row only (compared case-folded when ``fold_key``).  ``codes``: (column, kind)
    pairs whose non-empty values must be known codes of that kind (see :func:`known_code`).
    ``dash``: a field that is just ``-`` counts as empty (``events.tsv`` writes "-" for none).
    """

    columns: tuple[str, ...]
    required: tuple[str, ...] = ()
    optional: int = 0
    key: tuple[str, ...] = ()
    codes: tuple[tuple[str, str], ...] = ()
    fold_key: bool = False
    dash: bool = False


@dataclass(frozen=True, slots=True)
class Row:
    """One data row: its file and 1-based line number, and its fields (stripped, padded)."""

    source: str
    line: int
    fields: tuple[str, ...]
    names: tuple[str, ...]

    def __getitem__(self, column: str | int) -> str:
        return self.fields[column if isinstance(column, int) else self.names.index(column)]

    def error(self, reason: str) -> LexiconError:
        """An error about this row, to raise from a parser's own checks."""
        return LexiconError(self.source, self.line, reason)


def parse_table(text: str, schema: Schema, source: str) -> list[Row]:
    """The rows of TSV ``text`` validated against ``schema`` (``source`` names it in errors)."""
    width = len(schema.columns)
    need = width - schema.optional
    required = [schema.columns.index(c) for c in schema.required]
    key = [schema.columns.index(c) for c in schema.key]
    codes = [(schema.columns.index(c), kind) for c, kind in schema.codes]
    seen: dict[tuple[str, ...], int] = {}
    rows = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        fields = [f.strip() for f in raw.split("\t")]
        while len(fields) > need and not fields[-1]:
            fields.pop()  # trailing tabs of empty optional columns
        if not need <= len(fields) <= width:
            expected = str(width) if need == width else f"{need} to {width}"
            raise LexiconError(source, number, f"{len(fields)} columns, expected {expected}")
        fields += [""] * (width - len(fields))
        if schema.dash:
            fields = ["" if f == "-" else f for f in fields]
        for i in required:
            if not fields[i]:
                raise LexiconError(source, number, f"empty {schema.columns[i]!r}")
        for i, kind in codes:
            if fields[i] and not known_code(kind, fields[i]):
                raise LexiconError(
                    source, number, f"unknown {kind} code {fields[i]!r} in {schema.columns[i]!r}"
                )
        if key:
            k = tuple(fields[i].casefold() if schema.fold_key else fields[i] for i in key)
            if k in seen:
                raise LexiconError(
                    source, number, f"duplicate key {' / '.join(k)!r} (first on line {seen[k]})"
                )
            seen[k] = number
        rows.append(Row(source, number, tuple(fields), schema.columns))
    return rows


def data_text(name: str, package: str = KNOWLEDGE) -> str:
    """The text of a data file in ``<package>/lexicons``."""
    return resources.files(package).joinpath("lexicons", name).read_text(encoding="utf-8")


WEIGHTS = Schema(("feature", "weight"), required=("feature", "weight"), key=("feature",))


def read_weights(name: str, features: Sequence[str]) -> tuple[float, ...]:
    """A weights file (``feature<TAB>weight``) as a vector in ``features`` order: every feature
    must have a weight and every weight a feature (the learned choices of the pipeline)."""
    rows = {row["feature"]: float(row["weight"]) for row in read_table(name, WEIGHTS)}
    missing = [f for f in features if f not in rows]
    unknown = sorted(set(rows) - set(features))
    if missing or unknown:
        raise LexiconError(name, 0, f"missing weights {missing}, unknown features {unknown}")
    return tuple(rows[f] for f in features)


def read_table(name: str, schema: Schema, package: str = KNOWLEDGE) -> list[Row]:
    """The validated rows of ``<package>/lexicons/<name>``."""
    return parse_table(data_text(name, package), schema, name)


def parse_list(text: str, source: str) -> tuple[str, ...]:
    """A plain word list: one entry a line, ``#`` starts a comment, blank lines skipped.

    An entry that repeats an earlier one (ignoring case and spacing) is an error.
    """
    seen: dict[str, int] = {}
    entries = []
    for number, raw in enumerate(text.splitlines(), start=1):
        entry = raw.split("#", 1)[0].strip()
        if not entry:
            continue
        k = " ".join(entry.split()).casefold()
        if k in seen:
            raise LexiconError(source, number, f"duplicate entry {entry!r} (first on line {seen[k]})")
        seen[k] = number
        entries.append(entry)
    return tuple(entries)


def read_list(name: str, package: str) -> tuple[str, ...]:
    """The entries of the plain word list ``<package>/lexicons/<name>`` (see :func:`parse_list`)."""
    return parse_list(data_text(name, package), name)


# -- code sets ---------------------------------------------------------------------------------

COUNTRIES = Schema(
    ("iso3", "name", "aliases", "adjectives", "people", "capitals", "seats"),
    required=("iso3", "name"),
    optional=5,
    key=("name",),
    codes=(("iso3", "iso3-shape"),),
)
CAMEO_CODES = Schema(
    ("code", "quad_class", "goldstein", "name"),
    required=("code", "quad_class", "goldstein", "name"),
    key=("code",),
    codes=(("code", "cameo-shape"), ("quad_class", "quad"), ("goldstein", "number")),
)
CAMEO_PLOVER = Schema(
    ("row", "id", "value", "mode"), required=("row", "id", "value"), optional=1, key=("row", "id")
)


@cache
def _iso3() -> frozenset[str]:
    return frozenset(row["iso3"] for row in read_table("countries.tsv", COUNTRIES))


@cache
def _cameo() -> frozenset[str]:
    codes = {row["code"] for row in read_table("cameo_codes.tsv", CAMEO_CODES)}
    codes |= {row["id"] for row in read_table("cameo_plover.tsv", CAMEO_PLOVER) if row["row"] == "cameo"}
    return frozenset(codes)


def _number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return True


def _cameo_known(code: str) -> bool:
    """In the codebook, or one digit below a codebook code: codes newer than the codebook (176
    "cyber attack", which the gold guidelines use) resolve to their parent at run time
    (:meth:`EventLexicon.code`), so their parent must be known."""
    table = _cameo()
    return code in table or (len(code) in (3, 4) and code[:-1] in table and code.isdigit())


_CHECKS: dict[str, Callable[[str], bool]] = {
    "iso3-shape": lambda v: re.fullmatch(r"[A-Z]{3}", v) is not None,
    "iso3": lambda v: v in _iso3(),
    "cameo-shape": lambda v: re.fullmatch(r"\d{2,4}", v) is not None,
    "cameo": _cameo_known,
    "plover": lambda v: v in PLOVER_TYPES,
    "sector": lambda v: re.fullmatch(r"(?:[A-Z]{3})+", v) is not None,  # CAMEO agent codes: GOV, GOVMIL
    "gender": lambda v: v in ("m", "f", "u"),
    "quad": lambda v: v in ("1", "2", "3", "4"),
    "number": _number,
}


def known_code(kind: str, value: str) -> bool:
    """Whether ``value`` is a known code of ``kind`` (iso3, cameo, plover, sector, gender, ...)."""
    return _CHECKS[kind](value)


def check_codes(row: Row, kind: str, values: Iterable[str], column: str) -> None:
    """Raise the row's error unless every value is a known ``kind`` code."""
    for value in values:
        if not known_code(kind, value):
            raise row.error(f"unknown {kind} code {value!r} in {column!r}")
