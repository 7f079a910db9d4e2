"""Actor identity across articles, scored with B-cubed against the gold canonical names.

``newsgraph eval actors --gold DIR...`` stores every gold article in one database (the real
ingest path: analysis, then the store's actor linking) and asks whether the actors group the
entity occurrences as the gold canonical names do.

* An *occurrence* is one gold entity in one article.  It is matched to a stored entity of that
  article whose name equals the gold name or one of its aliases (normalised as in
  :mod:`newsgraph.eval.entities`; same type preferred, one-to-one).
* Gold clusters: occurrences with the same normalised gold name.  System clusters: occurrences
  whose matched entities link to the same actor; an unmatched occurrence is a cluster of its own
  (a missed entity can join nothing).
* B-cubed (Bagga and Baldwin, 1998), averaged over occurrences: precision of an occurrence is the
  share of its system cluster that has its gold name, recall the share of its gold cluster that
  is in its system cluster.  Stored entities matching no gold entity are not scored here (that is
  entity precision, :mod:`newsgraph.eval.entities`); their count is reported.

Errors list the actors that hold occurrences of two gold names (wrong merges) and the gold names
spread over two actors (missed merges).
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.eval import GoldDirs, gold_files
from newsgraph.eval.entities import normalise
from newsgraph.settings import Settings


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One gold entity of one article, with the actor its matched stored entity links to."""

    article: str
    gold: str  # normalised gold canonical name
    gold_name: str
    actor: int | None
    actor_name: str | None


@dataclass
class ActorScores:
    """B-cubed precision and recall of actor identity, and the occurrences behind them."""

    occurrences: list[Occurrence] = field(default_factory=list)
    unmatched_stored: int = 0
    articles: int = 0

    def _clusters(self) -> tuple[dict[int, str], dict[int, str]]:
        system = {
            i: (f"a{o.actor}" if o.actor is not None else f"u{i}") for i, o in enumerate(self.occurrences)
        }
        return {i: o.gold for i, o in enumerate(self.occurrences)}, system

    def bcubed(self) -> tuple[float, float]:
        gold, system = self._clusters()
        if not gold:
            return 0.0, 0.0
        by_gold: dict[str, set[int]] = defaultdict(set)
        by_system: dict[str, set[int]] = defaultdict(set)
        for i in gold:
            by_gold[gold[i]].add(i)
            by_system[system[i]].add(i)
        precision = sum(
            len(by_gold[gold[i]] & by_system[system[i]]) / len(by_system[system[i]]) for i in gold
        )
        recall = sum(len(by_gold[gold[i]] & by_system[system[i]]) / len(by_gold[gold[i]]) for i in gold)
        return precision / len(gold), recall / len(gold)

    def errors(self) -> list[str]:
        """Wrong merges (an actor holding two gold names) and missed ones (a name over two actors)."""
        names: dict[int, Counter[str]] = defaultdict(Counter)
        actors: dict[str, Counter[str]] = defaultdict(Counter)
        for o in self.occurrences:
            if o.actor is not None:
                names[o.actor][o.gold_name] += 1
                actors[o.gold_name][f"#{o.actor} {o.actor_name}"] += 1
        out = [f"WRONG MERGE actor #{a}: {dict(c)}" for a, c in sorted(names.items()) if len(c) > 1]
        out += [f"SPLIT {name}: {dict(c)}" for name, c in sorted(actors.items()) if len(c) > 1]
        return out


def _match(
    stored: Sequence[tuple[str, str, int, str]], gold: Sequence[dict[str, object]]
) -> list[int | None]:
    """For each gold entity, the index of its stored entity (name or alias, same type first)."""
    used: set[int] = set()
    out: list[int | None] = []
    for g in gold:
        aliases = g.get("aliases") or []
        assert isinstance(aliases, list)
        names = {normalise(str(g["name"]))} | {normalise(str(a)) for a in aliases}
        hits = [i for i, s in enumerate(stored) if i not in used and normalise(s[0]) in names]
        hits.sort(key=lambda i: stored[i][1] != g["type"])
        out.append(hits[0] if hits else None)
        if hits:
            used.add(hits[0])
    return out


def evaluate(dirs: GoldDirs, settings: Settings | None = None, db_path: str | None = None) -> ActorScores:
    """Store the gold articles in one database (``db_path``, else a temporary one) and score it."""
    from newsgraph.core import analyze_many
    from newsgraph.ingest.base import RawDocument
    from newsgraph.store import open_store

    settings = settings or Settings.from_env()
    files = gold_files(dirs)
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in files]
    for gold, p in zip(golds, files, strict=True):
        gold.setdefault("id", p.stem)  # an article without an id of its own: its file name
    with tempfile.TemporaryDirectory(prefix="newsgraph-eval-actors-") as tmp:
        path = db_path or str(Path(tmp) / "actors.db")
        with open_store(path) as store:
            docs = [RawDocument(data=g["text"], format="text", id=g["id"]) for g in golds]
            for outcome in analyze_many(docs, settings):
                if outcome.article is None:
                    raise RuntimeError(f"{outcome.label}: {outcome.error}")
                store.add(outcome.article)
            return _score(store.connection, golds)


def _score(conn: object, golds: Sequence[dict[str, object]]) -> ActorScores:
    import sqlite3

    assert isinstance(conn, sqlite3.Connection)
    scores = ActorScores(articles=len(golds))
    for g in golds:
        stored = [
            (str(r[0]), str(r[1]), int(r[2]), str(r[3]))
            for r in conn.execute(
                "SELECT e.name, e.type, l.actor_id, ac.name FROM articles a "
                "JOIN entities e ON e.article_seq = a.seq "
                "JOIN actor_links l ON l.article_seq = e.article_seq AND l.entity_idx = e.idx "
                "JOIN actors ac ON ac.actor_id = l.actor_id WHERE a.id = ? ORDER BY e.idx",
                (g["id"],),
            )
        ]
        entities = g.get("entities") or []
        assert isinstance(entities, list)
        matched = _match(stored, entities)
        scores.unmatched_stored += len(stored) - sum(1 for m in matched if m is not None)
        for ent, m in zip(entities, matched, strict=True):
            scores.occurrences.append(
                Occurrence(
                    str(g["id"]), normalise(str(ent["name"])), str(ent["name"]),
                    stored[m][2] if m is not None else None, stored[m][3] if m is not None else None,
                )
            )  # fmt: skip
    return scores


def format_report(scores: ActorScores, errors: bool = False) -> str:
    """The B-cubed table, and with ``errors`` the wrong and missed merges."""
    p, r = scores.bcubed()
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    matched = sum(1 for o in scores.occurrences if o.actor is not None)
    n = len(scores.occurrences)
    lines = [
        "| articles | gold occurrences | matched | B-cubed P | B-cubed R | F1 |",
        "|---|---|---|---|---|---|",
        f"| {scores.articles} | {n} | {matched} ({matched / max(n, 1):.0%}) | {p:.3f} | {r:.3f} | {f1:.3f} |",
        "",
        f"{len({o.gold for o in scores.occurrences})} gold names; "
        f"{len({o.actor for o in scores.occurrences if o.actor is not None})} actors hold the matched "
        f"occurrences; {scores.unmatched_stored} stored entities match no gold entity (not scored here).",
    ]
    if errors:
        lines += ["", *scores.errors()]
    return "\n".join(lines)
