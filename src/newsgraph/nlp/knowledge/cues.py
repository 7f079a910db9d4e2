"""The cue lexicon: which words introduce reported speech, and which complements they take.

The lexicon is data (``lexicons/cues.tsv``, documented in its header) so that adding a cue
never means touching the rules; it is read once per process through importlib.resources so
it works from a wheel as well as from a checkout.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from newsgraph.nlp.knowledge.tsv import Schema, data_text, parse_table

#: Complement patterns a cue may declare (see the header of ``cues.tsv``).
PATTERNS = frozenset(
    {
        "ccomp",
        "xcomp",
        "dobj",
        "dobjq",
        "of",
        "as",
        "for",
        "about",
        "on",
        "to",
        "against",
        "oprd",
        "direct",
        "that",
    }
)


@dataclass(frozen=True, slots=True)
class CueLexicon:
    """Verbs, verb+particle phrases and nouns that introduce speech, with their complements."""

    verbs: dict[str, frozenset[str]]
    phrases: dict[tuple[str, str], frozenset[str]]
    nouns: dict[str, frozenset[str]]
    headline_sources: frozenset[str]
    #: The verbs of ``phrases``: a verb neither here nor in ``verbs`` is no cue at all.
    phrase_verbs: frozenset[str]
    #: Attitude adjectives whose that-clause is a stated position ("is concerned that ...").
    adjectives: frozenset[str] = frozenset()

    def verb_patterns(self, lemma: str) -> frozenset[str] | None:
        """The complement patterns of a cue verb, or None if the lemma is not a cue."""
        return self.verbs.get(lemma.lower())


CUES = Schema(
    ("kind", "lemma", "complements"),
    required=("kind", "lemma"),
    optional=1,
    key=("kind", "lemma"),
    fold_key=True,
)


def parse_lexicon(text: str, source: str = "cues.tsv") -> CueLexicon:
    """Parse the TSV text of a cue lexicon (comments and blank lines are skipped)."""
    verbs: dict[str, frozenset[str]] = {}
    phrases: dict[tuple[str, str], frozenset[str]] = {}
    nouns: dict[str, frozenset[str]] = {}
    headline: set[str] = set()
    adjectives: set[str] = set()
    for row in parse_table(text, CUES, source):
        kind, lemma = row["kind"], row["lemma"].lower()
        patterns = frozenset(p for p in row["complements"].split(",") if p)
        unknown = patterns - PATTERNS
        if unknown:
            raise row.error(f"unknown pattern(s) {sorted(unknown)}")
        if kind == "verb":
            verbs[lemma] = patterns
        elif kind == "phrase":
            verb, _, particle = lemma.partition(" ")
            if not particle:
                raise row.error(f"a phrase is 'verb particle', not {lemma!r}")
            phrases[(verb, particle)] = patterns
        elif kind == "noun":
            nouns[lemma] = patterns
        elif kind == "headline":
            headline.add(lemma)
        elif kind == "adjective":
            adjectives.add(lemma)
        else:
            raise row.error(f"unknown kind {kind!r}")
    return CueLexicon(
        verbs, phrases, nouns, frozenset(headline), frozenset(v for v, _ in phrases), frozenset(adjectives)
    )


@cache
def load_lexicon() -> CueLexicon:
    """The packaged cue lexicon (read once per process)."""
    return parse_lexicon(data_text("cues.tsv"))
