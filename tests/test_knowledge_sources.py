"""Gold-leak check: no lexicon entry or rule word may come from a gold article alone.

Candidates are every key of the knowledge lexicons (``nlp/knowledge/lexicons/*.tsv``) and every
word-like string literal of the NLP code (``src/newsgraph/nlp``, read with :mod:`ast`).  A candidate
that occurs in a gold text (``text`` of ``../shared/gold/{dev,dev2}/*.json``) must also occur in a
general source:

- the CAMEO/PLOVER/Phoenix files under ``../shared/data/events`` (as a word or phrase);
- data generated from packages: ``given_names.tsv`` (US Census 1990 and Faker) and, when the
  package is installed, pycountry's country names;
- a general English word list from an installed package: the WordNet-derived lemma index and
  exceptions of the spaCy model's lemmatizer, and spaCy's English stop words.  A phrase of
  lower-case English words counts as ordinary English; a capitalised phrase (a name) must itself
  occur in a source.

What remains is printed for a reviewer; the test fails only for entries that are not in
``tests/data/reviewed_lexicon_entries.txt`` (one entry a line, a tab, and a one-line
justification naming its general source).  Skipped when ../shared is absent.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterator
from functools import cache

from newsgraph.nlp.knowledge.tsv import data_text
from tests.conftest import REPO, require_shared

LEXICONS = REPO / "src" / "newsgraph" / "nlp" / "knowledge" / "lexicons"
NLP = REPO / "src" / "newsgraph" / "nlp"
REVIEWED = REPO / "tests" / "data" / "reviewed_lexicon_entries.txt"

#: The columns of each lexicon that hold entries (lists in a field are ";"- or "|"-separated).
#: Files generated from a general source (places, given names, agent nouns, criticism words, the
#: CAMEO/PLOVER tables) are sources themselves and are not listed.
KEY_COLUMNS: dict[str, tuple[int, ...]] = {
    "countries.tsv": (1, 2, 3, 4, 5, 6),
    "titles.tsv": (0,),
    "title_modifiers.tsv": (0,),
    "orgs.tsv": (0, 1),
    "org_words.tsv": (0,),
    "names.tsv": (0,),
    "events.tsv": (1, 5),
    "cues.tsv": (1,),
    "wordlists.tsv": (1,),
}
_WORDLIKE = re.compile(r"^[A-Za-z][\w .'’\-]{0,39}$")


def lexicon_entries() -> Iterator[tuple[str, str]]:
    """(entry, where) for every key of the hand-made lexicons."""
    for name, columns in KEY_COLUMNS.items():
        for number, line in enumerate(data_text(name).splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            for i in columns:
                for item in re.split(r"[;|]", fields[i] if i < len(fields) else ""):
                    item = item.strip()
                    if item and item != "-" and not item.startswith("&"):
                        yield item, f"{name}:{number}"


def _parse(source: str) -> ast.Module:
    """``ast.parse``, tried again on CPython 3.11's spurious "AST constructor recursion depth
    mismatch" (python/cpython#106905: the AST builder's depth counter is shared by the
    interpreter's threads, and the test process has server and cluster threads that compile
    too; the error says nothing about the source)."""
    for _ in range(4):
        try:
            return ast.parse(source)
        except SystemError as exc:
            if "recursion depth mismatch" not in str(exc):
                raise
            error = exc
    raise error


def code_literals() -> Iterator[tuple[str, str]]:
    """(literal, where) for every word-like string constant of the NLP code (docstrings left out)."""
    for path in sorted(NLP.rglob("*.py")):
        tree = _parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                text = node.value.strip()
                if _WORDLIKE.match(text) and len(text.split()) <= 4:
                    yield text, f"{path.relative_to(REPO)}:{node.lineno}"


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w']+", " ", text.replace("_", " ").replace("’", "'").lower()).split())


@cache
def gold_text() -> str:
    texts = []
    for split in ("dev", "dev2"):
        for path in sorted(require_shared("gold", split).glob("*.json")):
            texts.append(json.loads(path.read_text(encoding="utf-8"))["text"])
    return "\n\n".join(texts)


def in_gold(entry: str) -> bool:
    """Whether ``entry`` occurs in a gold text as a whole word or phrase (names match with their
    capitals, lower-case entries in any case)."""
    flags = 0 if any(c.isupper() for c in entry) else re.IGNORECASE
    pattern = r"(?<![\w])" + re.escape(entry).replace("'", "['’]") + r"(?![\w])"
    return re.search(pattern, gold_text(), flags) is not None


@cache
def source_text() -> str:
    """The general sources as one normalised string with spaces around every word."""
    parts = []
    for path in sorted(require_shared("data", "events").rglob("*")):
        if path.is_file() and path.suffix in (".txt", ".tsv", ".csv", ".json", ".jsonl", ".md"):
            parts.append(_norm(path.read_text(encoding="utf-8", errors="replace")))
    names = [line.split("\t", 1)[0] for line in data_text("given_names.tsv").splitlines()]
    parts.append(_norm(" ".join(n for n in names if n and not n.startswith("#"))))
    try:
        import pycountry

        for country in pycountry.countries:
            for attr in ("name", "official_name", "common_name"):
                parts.append(_norm(getattr(country, attr, "") or ""))
    except ImportError:  # pragma: no cover - pycountry is a dev dependency
        pass
    return " " + " | ".join(parts) + " "


@cache
def english_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    from newsgraph.nlp.pipeline import load_pipeline

    words = set(STOP_WORDS)
    lookups = load_pipeline().get_pipe("lemmatizer").lookups
    for pos_words in lookups.get_table("lemma_index").values():
        words.update(w.lower() for w in pos_words)
    for table in lookups.get_table("lemma_exc").values():
        for form, lemmas in table.items():
            words.add(form.lower())
            words.update(lemma.lower() for lemma in lemmas)
    return frozenset(words)


def _english(word: str) -> bool:
    """A word of the English word list, allowing a regular inflection ("-s", "-ed", "-ing")."""
    words = english_words()
    w = word.lower().strip("'’.-")
    if len(w) <= 1 or not any(c.isalpha() for c in w) or w in words:
        return True
    if not w.isalpha():  # "vice-president", "'s", "U.S."
        return all(_english(part) for part in re.split(r"[^a-z]+", w) if part)
    stems = (w[:-1], w[:-2], w[:-3] + "y", w[:-3], w[:-3] + "e", w[:-2] + "e")
    return any(stem in words for stem in stems if len(stem) >= 2)


def general(entry: str) -> bool:
    """Whether a general source has the entry (module docstring)."""
    normalised = _norm(entry)
    if not normalised or f" {normalised} " in source_text():
        return True
    words = entry.split()
    if len(words) > 1 and any(c.isupper() for c in entry):
        return False  # a name: it must occur in a source as a whole
    return all(_english(w) for w in words)


def reviewed() -> dict[str, str]:
    out = {}
    for number, line in enumerate(REVIEWED.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        entry, _, why = line.partition("\t")
        assert why.strip(), f"{REVIEWED.name} line {number}: {entry!r} has no justification"
        out[entry] = why.strip()
    return out


def test_no_lexicon_entry_comes_from_gold_alone() -> None:
    gold_text()  # skips when ../shared is absent
    found: dict[str, list[str]] = {}
    for entry, where in [*lexicon_entries(), *code_literals()]:
        found.setdefault(entry, []).append(where)
    leaked = sorted(e for e in found if in_gold(e) and not general(e))
    allowed = reviewed()
    print(f"\n{len(leaked)} entries occur in a gold text and in no general source:")
    for entry in leaked:
        mark = "reviewed: " + allowed[entry] if entry in allowed else "NOT REVIEWED"
        print(f"  {entry!r:32} {', '.join(found[entry][:3]):60} {mark}")
    unreviewed = [e for e in leaked if e not in allowed]
    assert not unreviewed, (
        f"{len(unreviewed)} entries occur in the gold texts and in no general source; remove them or "
        f"add them with their general source to {REVIEWED.relative_to(REPO)}: "
        + ", ".join(f"{e!r} ({found[e][0]})" for e in unreviewed)
    )


def test_reviewed_entries_are_still_needed() -> None:
    gold_text()
    entries = {entry for entry, _ in [*lexicon_entries(), *code_literals()]}
    stale = sorted(e for e in reviewed() if e not in entries)
    assert not stale, f"{REVIEWED.name} lists entries no lexicon or code has any more: {stale}"
