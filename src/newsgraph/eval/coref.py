"""Coreference scorer: newsgraph's entity clusters against the GUM coreference gold.

GUM (``shared/data/coref/README.md``) annotates every mention of every entity, so it can say
whether "he" went to the right person.  The text is rebuilt from the TSV ``#Text=`` lines as they
are (tokenised: "Malaysia 's", `` " We `` ).  One character separates two sentences, so the TSV
character offsets hold whichever character it is.  ``LAYOUT`` puts the first sentence (the title)
on a line of its own and joins the rest with spaces, as a pasted article without paragraph breaks
reads.  Measured on the 96 documents (pronoun accuracy / B-cubed F1): title line 0.682 / 0.675,
all on one line 0.682 / 0.676, one sentence per line 0.641 / 0.668 (every sentence becomes a
paragraph, and quotation marks pair within a paragraph).  Detokenising ("Malaysia's") moved the
totals by 0.002 at most: spaCy splits both into the same tokens (63 of 96 documents; the rest
differ by a few contractions and hyphens).  ``analyze`` returns the text unchanged (``evaluate``
checks it), so predicted character spans map back to GUM tokens through the TSV offsets, and
every comparison below is on token spans.

Definitions (each one chosen so that the figure means what its name says):

- **Name word**: a capitalised token, not a pronoun or determiner, that the document writes
  capitalised at least once where it does not start a sentence and never in lower case (so headline
  capitals and sentence starts make no names); for entities GUM links to Wikipedia, also the
  words of the identifier ("Indonesian_Navy").
- **Head** of a gold mention: its last word before the first post-modifier (",", "of", "who", "(",
  ...), a trailing "'s" skipped: "the University of Toronto" -> University.  GUM marks no syntax.
- **Name mention**: the capitalised words ending at the head hold a name word ("Andy Warhol", "the
  Indonesian Navy"; not "Scientology officials").  A **named** entity has one.
- **Cover**: a predicted mention covers a gold mention when it contains the gold head and one of
  the two spans contains the other.  Gold mentions are **matched** one-to-one to covering predicted
  mentions, exact spans first, then the closest length.
- **Pronoun accuracy**: over gold single-token he/she/him/her/his/they/them/their whose entity is
  a named person or organisation.  Right iff the pronoun's matched newsgraph entity also has a
  mention covering one of the entity's name mentions.  An unmatched pronoun (unlinked) is wrong.
- **B-cubed** over the gold mentions of named person, organisation and place entities: the gold
  cluster is the GUM entity, the predicted cluster the newsgraph entity of the matched mention,
  restricted to these gold mentions (an unmatched mention is a singleton).  P and R are averaged
  over all mentions of the row (documents pooled), so long documents weigh more.
"""

from __future__ import annotations

import re
import time
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from urllib.parse import unquote

from newsgraph.errors import InputError
from newsgraph.records import Entity
from newsgraph.settings import Settings

PRONOUNS = frozenset({"he", "she", "him", "her", "his", "they", "them", "their"})
PRONOUN_TYPES = frozenset({"person", "organization"})
CLUSTER_TYPES = frozenset({"person", "organization", "place"})
GENRES = ("academic", "bio", "court", "interview", "news", "voyage")
LAYOUTS = ("title", "spaces", "lines")
LAYOUT = "title"
#: Capitalised words that are never names (pronouns, determiners, honorifics).
_NOT_NAMES = re.compile(
    r"(?i)(?:i|he|she|it|we|you|they|his|her|its|our|their|th(?:is|at|e|ese|ose)|an?|mrs?|ms|dr)\.?"
)
#: Words that end a noun's pre-modifiers and start its post-modifiers ("-" joins compounds in GUM).
_POSTMOD = frozenset({",", "(", "[", ":", ";", "–", "—", "--", "of", "in", "at", "on", "for", "from", "with"})
_POSTMOD |= {"by", "to", "who", "whom", "whose", "which", "that", "where", "when"}
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_MARK = re.compile(r"(\()?([a-z]+)-(\d+)(?:-([^()]+))?(\))?")


@dataclass(frozen=True, slots=True)
class GoldMention:
    """One gold mention: tokens ``[start, end)`` of the document, its entity and head token."""

    entity: int
    type: str
    start: int
    end: int
    head: int


@dataclass(frozen=True, slots=True)
class GoldDoc:
    """A GUM document: tokens with character offsets into ``text``, sentences and mentions."""

    name: str
    genre: str
    text: str
    tokens: tuple[str, ...]
    offsets: tuple[tuple[int, int], ...]
    sentence_starts: frozenset[int]
    mentions: tuple[GoldMention, ...]
    wiki: dict[int, str]


def read_conll(path: Path) -> tuple[list[str], list[tuple[int, str, int, int]], dict[int, str]]:
    """Tokens, mentions ``(entity, type, start, end)`` and Wikipedia ids of a GUM conll file."""
    tokens: list[str] = []
    spans: list[tuple[int, str, int, int]] = []
    wiki: dict[int, str] = {}
    opened: dict[int, list[int]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        _, token, marks = line.split("\t")[:3]
        i = len(tokens)
        tokens.append(token)
        for m in _MARK.finditer(marks if marks != "_" else ""):
            entity = int(m.group(3))
            if m.group(4):
                wiki[entity] = unquote(m.group(4))
            if m.group(1):
                opened[entity].append(i)
            if m.group(5):
                spans.append((entity, m.group(2), opened[entity].pop(), i + 1))
    if any(opened.values()):
        raise ValueError(f"{path}: unclosed mentions {sorted(e for e, s in opened.items() if s)}")
    return tokens, sorted(spans, key=lambda s: (s[2], -s[3])), wiki


def read_tsv(path: Path) -> tuple[list[str], list[str], list[tuple[int, int]], list[int]]:
    """Sentences (``#Text=``), tokens, their character offsets and sentence numbers (from 0)."""
    sentences: list[str] = []
    tokens: list[str] = []
    offsets: list[tuple[int, int]] = []
    sentence_of: list[int] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#Text="):
            sentences.append(line[len("#Text=") :])
        elif line and not line.startswith("#"):
            fields = line.split("\t")
            start, end = map(int, fields[1].split("-"))
            tokens.append(fields[2])
            offsets.append((start, end))
            sentence_of.append(len(sentences) - 1)
    return sentences, tokens, offsets, sentence_of


def join_sentences(sentences: Sequence[str], layout: str = LAYOUT) -> str:
    """The document text; every separator is one character, so TSV offsets stay valid.

    ``title``: the first sentence on its own line, the rest one paragraph; ``spaces``: one line;
    ``lines``: one sentence per line.
    """
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r} (choose from {', '.join(LAYOUTS)})")
    if layout == "lines":
        return "\n".join(sentences)
    if layout == "title" and len(sentences) > 1:
        return sentences[0] + "\n" + " ".join(sentences[1:])
    return " ".join(sentences)


def head_of(tokens: Sequence[str], start: int, end: int) -> int:
    """The heuristic head token of ``tokens[start:end]``: last word before a post-modifier."""
    stop = next((i for i in range(start + 1, end) if tokens[i].lower() in _POSTMOD), end)
    head = stop - 1
    while head > start and (tokens[head] in _POSSESSIVE or not any(c.isalnum() for c in tokens[head])):
        head -= 1
    return head


def load_doc(conll: Path, tsv: Path, layout: str = LAYOUT) -> GoldDoc:
    """Read one document from its two files, checking that they align token by token."""
    tokens, spans, wiki = read_conll(conll)
    sentences, tsv_tokens, offsets, sentence_of = read_tsv(tsv)
    if tokens != tsv_tokens:
        raise ValueError(f"{conll.name}: the conll and tsv tokens differ")
    text = join_sentences(sentences, layout)
    if any(text[s:e] != t for t, (s, e) in zip(tokens, offsets, strict=True)):
        raise ValueError(f"{tsv.name}: the TSV offsets do not point at the tokens in the rebuilt text")
    starts = frozenset(i for i in range(len(tokens)) if i == 0 or sentence_of[i] != sentence_of[i - 1])
    parts = conll.stem.split("_")
    return GoldDoc(
        name=conll.stem,
        genre=parts[1] if len(parts) > 2 else "",
        text=text,
        tokens=tuple(tokens),
        offsets=tuple(offsets),
        sentence_starts=starts,
        mentions=tuple(GoldMention(e, t, s, x, head_of(tokens, s, x)) for e, t, s, x in spans),
        wiki=wiki,
    )


def name_words(doc: GoldDoc) -> frozenset[str]:
    """The document's name words (see the module docstring)."""
    lower: set[str] = set()
    inner: set[str] = set()
    first = True  # the first word of a sentence, after any opening quotes or brackets
    for i, token in enumerate(doc.tokens):
        first = first or i in doc.sentence_starts
        if not any(c.isalpha() for c in token):
            continue
        if token[0].islower():
            lower.add(token)
        elif token[0].isupper() and not first:
            inner.add(token)
        first = False
    return frozenset(w for w in inner if w.lower() not in lower and not _NOT_NAMES.fullmatch(w))


def name_part(tokens: Sequence[str], m: GoldMention) -> Sequence[str]:
    """The capitalised words ending at the head ("Indonesian Navy", "Wong Yeung - tat"), or none."""
    j = m.head
    if not (tokens[j][:1].isupper() or (j > m.start and tokens[j - 1] == "-")):
        return ()
    while j > m.start and (tokens[j - 1][:1].isupper() or "-" in (tokens[j - 1], tokens[j])):
        j -= 1
    return tokens[j : m.head + 1]


def name_mentions(doc: GoldDoc) -> dict[int, list[GoldMention]]:
    """Each entity's name mentions, in document order (entities without one are absent)."""
    words = name_words(doc)
    out: dict[int, list[GoldMention]] = defaultdict(list)
    for m in doc.mentions:
        wiki = set(re.split(r"[_()\s]+", doc.wiki.get(m.entity, "")))
        if any(t in words or (t in wiki and not _NOT_NAMES.fullmatch(t)) for t in name_part(doc.tokens, m)):
            out[m.entity].append(m)
    return dict(out)


@dataclass(frozen=True, slots=True)
class PredMention:
    """A newsgraph mention as GUM tokens ``[start, end)``, with the index of its entity."""

    entity: int
    start: int
    end: int


def predicted_mentions(entities: Sequence[Entity], offsets: Sequence[tuple[int, int]]) -> list[PredMention]:
    """Every mention of every entity as the GUM tokens its characters overlap."""
    starts = [s for s, _ in offsets]
    ends = [e for _, e in offsets]
    out: list[PredMention] = []
    for k, entity in enumerate(entities):
        for span in entity.mentions:
            first = bisect_right(ends, span.start)  # first token ending after the span starts
            last = bisect_left(starts, span.end)  # first token starting at or after its end
            if first < last:
                out.append(PredMention(k, first, last))
    return out


def covers(p: PredMention, g: GoldMention) -> bool:
    """``p`` contains the head of ``g``, and one of the two spans contains the other."""
    nested = (g.start <= p.start and p.end <= g.end) or (p.start <= g.start and g.end <= p.end)
    return nested and p.start <= g.head < p.end


def match(gold: Sequence[GoldMention], predicted: Sequence[PredMention]) -> dict[GoldMention, PredMention]:
    """One-to-one: covering pairs, exact spans first, then the closest length, then text order."""
    pairs = [(gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(predicted) if covers(p, g)]

    def rank(pair: tuple[int, int]) -> tuple[bool, int, int, int]:
        g, p = gold[pair[0]], predicted[pair[1]]
        return (g.start, g.end) != (p.start, p.end), abs(g.end - g.start - p.end + p.start), g.start, p.start

    kept: dict[GoldMention, PredMention] = {}
    used: set[int] = set()
    for gi, pi in sorted(pairs, key=rank):
        if gold[gi] not in kept and pi not in used:
            kept[gold[gi]] = predicted[pi]
            used.add(pi)
    return kept


@dataclass
class Tally:
    """Counts for one row of the table (a genre, a group of genres, or all)."""

    docs: int = 0
    pronoun_ok: int = 0
    pronoun_n: int = 0
    mentions: int = 0  # gold mentions in the B-cubed universe
    matched: int = 0  # ... of which matched to a newsgraph mention
    b3_precision: float = 0.0  # sum over mentions
    b3_recall: float = 0.0

    def add(self, other: Tally) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    @property
    def accuracy(self) -> float:
        return self.pronoun_ok / self.pronoun_n if self.pronoun_n else 0.0

    @property
    def precision(self) -> float:
        return self.b3_precision / self.mentions if self.mentions else 0.0

    @property
    def recall(self) -> float:
        return self.b3_recall / self.mentions if self.mentions else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class PronounError:
    """A pronoun newsgraph got wrong; ``name_found`` says whether any entity covers the gold name."""

    doc: str
    context: str
    gold_name: str
    predicted: str | None  # the newsgraph entity's name, None when unlinked
    name_found: bool


@dataclass
class CorefScores:
    """Tallies per genre, the wrong pronouns, and the wall-clock time of the run."""

    by_genre: dict[str, Tally] = field(default_factory=dict)
    errors: list[PronounError] = field(default_factory=list)
    seconds: float = 0.0

    def total(self, genres: Iterable[str] | None = None) -> Tally:
        out = Tally()
        for genre, tally in self.by_genre.items():
            if genres is None or genre in genres:
                out.add(tally)
        return out


def b_cubed(gold: Sequence[int], predicted: Sequence[int]) -> tuple[float, float]:
    """Sums over mentions of B-cubed precision and recall; ``gold[i]``/``predicted[i]`` are clusters."""
    both = Counter(zip(gold, predicted, strict=True))
    gold_size, pred_size = Counter(gold), Counter(predicted)
    p = sum(both[g, k] / pred_size[k] for g, k in zip(gold, predicted, strict=True))
    r = sum(both[g, k] / gold_size[g] for g, k in zip(gold, predicted, strict=True))
    return p, r


def _context(text: str, start: int, end: int, width: int = 60) -> str:
    left = " ".join(text[max(0, start - width) : start].split())
    right = " ".join(text[end : end + width].split())
    return f"…{left} [{text[start:end]}] {right}…"


def score_document(doc: GoldDoc, entities: Sequence[Entity]) -> tuple[Tally, list[PronounError]]:
    """Pronoun accuracy and B-cubed sums for one document and the entities newsgraph found in it."""
    names = name_mentions(doc)
    universe = [m for m in doc.mentions if m.type in CLUSTER_TYPES and m.entity in names]
    predicted = predicted_mentions(entities, doc.offsets)
    matched = match(universe, predicted)
    tally = Tally(docs=1, mentions=len(universe), matched=len(matched))
    clusters = [matched[m].entity if m in matched else -1 - i for i, m in enumerate(universe)]
    tally.b3_precision, tally.b3_recall = b_cubed([m.entity for m in universe], clusters)
    by_entity: dict[int, list[PredMention]] = defaultdict(list)
    for p in predicted:
        by_entity[p.entity].append(p)
    errors: list[PronounError] = []
    for m in universe:
        if m.type not in PRONOUN_TYPES or m.end - m.start != 1 or doc.tokens[m.start].lower() not in PRONOUNS:
            continue
        tally.pronoun_n += 1
        got = matched.get(m)
        gold_names = names[m.entity]
        if got is not None and any(covers(p, n) for p in by_entity[got.entity] for n in gold_names):
            tally.pronoun_ok += 1
            continue
        first = max(gold_names, key=lambda n: (len(name_part(doc.tokens, n)), n.start - n.end))  # fullest
        errors.append(
            PronounError(
                doc=doc.name,
                context=_context(doc.text, *doc.offsets[m.start]),
                gold_name=" ".join(name_part(doc.tokens, first)),
                predicted=entities[got.entity].name if got is not None else None,
                name_found=any(covers(p, n) for p in predicted for n in gold_names),
            )
        )
    return tally, errors


def load_gold(gold_dir: Path, genres: Iterable[str] | None = None, layout: str = LAYOUT) -> list[GoldDoc]:
    """Every ``GUM_<genre>_<name>.conll`` of ``gold_dir`` (of ``genres``) with its sibling gum-tsv file."""
    tsv = gold_dir.resolve().parent / "gum-tsv"
    if not tsv.is_dir():
        raise InputError(str(gold_dir), f"no gum-tsv folder beside it ({tsv} is missing); it holds the text")
    wanted = set(genres) if genres is not None else None
    docs: list[GoldDoc] = []
    for conll in sorted(gold_dir.glob("*.conll")):
        partner = tsv / f"{conll.stem}.tsv"
        if not partner.is_file():
            raise InputError(str(conll), f"{partner} is missing")
        doc = load_doc(conll, partner, layout)
        if wanted is None or doc.genre in wanted:
            docs.append(doc)
    if not docs:
        raise InputError(str(gold_dir), "no GUM_<genre>_<name>.conll files found")
    return docs


def evaluate(
    gold_dir: Path,
    settings: Settings | None = None,
    genres: Iterable[str] | None = None,
    layout: str = LAYOUT,
) -> CorefScores:
    """Analyse every gold document in one ``analyze_many`` batch run and score it."""
    from newsgraph.core import analyze_many
    from newsgraph.ingest.base import RawDocument

    started = time.perf_counter()
    docs = load_gold(Path(gold_dir), genres, layout)
    raws = [RawDocument(data=d.text, format="text", id=d.name) for d in docs]
    scores = CorefScores()
    for doc, outcome in zip(docs, analyze_many(raws, settings), strict=True):
        if outcome.article is None:
            raise InputError(doc.name, outcome.error or "analysis failed")
        if outcome.article.text != doc.text:  # spans point into article.text: it must be ours
            raise InputError(doc.name, "the analysed text differs from the rebuilt GUM text")
        tally, errors = score_document(doc, outcome.article.entities)
        scores.by_genre.setdefault(doc.genre, Tally()).add(tally)
        scores.errors += errors
    scores.seconds = time.perf_counter() - started
    return scores


def format_table(scores: CorefScores, errors: bool = False) -> str:
    """The Markdown table by genre, news+interview and all; with ``errors``, the wrong pronouns."""
    rows = [
        "| genre | docs | pronoun acc. | pronouns ok/n | B3 P | B3 R | B3 F1 | mentions matched/n |",
        "|---|---|---|---|---|---|---|---|",
    ]
    genres = [g for g in GENRES if g in scores.by_genre] + sorted(set(scores.by_genre) - set(GENRES))
    named = [(g, scores.total([g])) for g in genres]
    if {"news", "interview"} <= set(genres):
        named.append(("news+interview", scores.total(["news", "interview"])))
    named.append(("all", scores.total()))
    for name, t in named:
        rows.append(
            f"| {name} | {t.docs} | {t.accuracy:.3f} | {t.pronoun_ok}/{t.pronoun_n} | {t.precision:.3f} "
            f"| {t.recall:.3f} | {t.f1:.3f} | {t.matched}/{t.mentions} |"
        )
    rows += ["", f"{scores.total().docs} documents analysed and scored in {scores.seconds:.1f} s."]
    if errors:
        rows += ["", f"Wrong pronouns ({len(scores.errors)}): doc | context | gold name -> newsgraph"]
        for e in scores.errors:
            got = e.predicted if e.predicted is not None else "unlinked"
            note = "" if e.name_found else " (gold name not found)"
            rows.append(f"  {e.doc} | {e.context} | {e.gold_name} -> {got}{note}")
    return "\n".join(rows)
