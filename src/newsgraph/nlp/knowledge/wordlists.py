"""The small word lists of the NLP rules (``lexicons/wordlists.tsv``), by name.

Each list is one block of rows ``list  word  comment``; a list that appears in two blocks, or a
word that appears twice in one list, is a :class:`~newsgraph.errors.LexiconError`.  Words keep
their case ("The", "UTC", "iPhone"): a rule that wants case-folded matching folds its input.
"""

from __future__ import annotations

from functools import cache

from newsgraph.nlp.knowledge.tsv import Schema, data_text, parse_table

WORDLISTS = Schema(("list", "word", "comment"), required=("list", "word"), optional=1, key=("list", "word"))


def parse_wordlists(text: str, source: str = "wordlists.tsv") -> dict[str, frozenset[str]]:
    """The lists of a word-list file, validated (module docstring)."""
    lists: dict[str, set[str]] = {}
    first_line: dict[str, int] = {}
    current = None
    for row in parse_table(text, WORDLISTS, source):
        name = row["list"]
        if name != current and name in lists:
            began = first_line[name]
            raise row.error(f"list {name!r} continues here but began in another block (line {began})")
        current = name
        first_line.setdefault(name, row.line)
        lists.setdefault(name, set()).add(row["word"])
    return {name: frozenset(words) for name, words in lists.items()}


@cache
def _lists() -> dict[str, frozenset[str]]:
    return parse_wordlists(data_text("wordlists.tsv"))


def wordlist(name: str) -> frozenset[str]:
    """The words of one list; an unknown name is a programming error (KeyError naming it)."""
    lists = _lists()
    if name not in lists:
        raise KeyError(f"no word list {name!r} in wordlists.tsv (known: {', '.join(sorted(lists))})")
    return lists[name]
