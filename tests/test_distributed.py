"""The Dask engine on a real cluster: a scheduler and two worker processes on 127.0.0.1.

Started here as real processes (``dask scheduler`` / ``dask worker --no-nanny``, so that
killing a worker kills the process that runs the task).  The inputs are a WARC file written by
the test, a JSON Lines file and a folder of text files: a few small documents, so that the
whole file runs in well under two minutes on two busy cores.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("distributed")
pytest.importorskip("pyarrow")

from distributed import Client

from newsgraph.cli import main
from newsgraph.distributed.dedup import dedup_dask, dedup_single_machine
from newsgraph.distributed.load import load_dataset
from newsgraph.distributed.runner import DaskOptions, run_dask
from newsgraph.parquet import ArticleExtras, PartWriter, filesystem, iter_rows, read_articles
from newsgraph.records import Article
from newsgraph.runner import RunOptions, run
from newsgraph.settings import Settings
from newsgraph.store import open_store

from ._ingest_server import article_text
from .test_ingest_files import write_warc

SRC = str(Path(__file__).resolve().parents[1] / "src")
#: Seconds each worker waits per document (newsgraph.ingest.worker's debug delay): long enough
#: for the kill to land while a shard is being worked on.
DELAY = "0.4"


def _dask_command() -> list[str]:
    exe = Path(sys.executable).parent / "dask"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "dask"]


class Cluster:
    """A scheduler and named workers, each its own OS process."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.file = folder / "scheduler.json"
        self.env = {**os.environ, "PYTHONPATH": SRC, "NEWSGRAPH_DEBUG_DELAY": DELAY}
        self.procs: dict[str, subprocess.Popen[bytes]] = {}
        args = ["--host", "127.0.0.1", "--port", "0", "--dashboard-address", ":0"]
        self.start("scheduler", ["scheduler", *args, "--scheduler-file", str(self.file)])
        deadline = time.monotonic() + 60
        while not self.file.exists():
            assert time.monotonic() < deadline, "the scheduler did not start"
            time.sleep(0.2)
        self.address = json.loads(self.file.read_text())["address"]

    def start(self, name: str, args: list[str]) -> None:
        log = (self.folder / f"{name}.log").open("wb")
        self.procs[name] = subprocess.Popen(
            [*_dask_command(), *args], env=self.env, stdout=log, stderr=subprocess.STDOUT
        )

    def start_worker(self, name: str) -> None:
        self.start(name, ["worker", self.address, "--name", name, "--nthreads", "1", "--no-nanny",
                          "--host", "127.0.0.1", "--dashboard-address", ":0"])  # fmt: skip

    def kill(self, name: str) -> None:
        self.procs[name].send_signal(signal.SIGKILL)
        self.procs[name].wait(30)

    def stop(self) -> None:
        for proc in reversed(list(self.procs.values())):
            if proc.poll() is None:
                proc.terminate()
        for proc in self.procs.values():
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                proc.kill()


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Cluster, Client]]:
    c = Cluster(tmp_path_factory.mktemp("cluster"))
    try:
        c.start_worker("w1")
        c.start_worker("w2")
        client = Client(c.address, timeout="60s")
        client.wait_for_workers(2, timeout=120)
        yield c, client
        client.close()
    finally:
        c.stop()


def _inputs(folder: Path) -> list[str]:
    write_warc(folder / "crawl.warc.gz")  # two HTML articles among other records
    with (folder / "lines.jsonl").open("w", encoding="utf-8") as fh:
        for key in ("a1", "a2", "a3"):
            text = f"Wire service copy {key}.\n\n" + article_text(key)  # not the WARC pages' texts
            fh.write(json.dumps({"text": text, "url": f"https://wire.example/{key}"}) + "\n")
        fh.write("{not json\n")  # a bad line: reported, the rest read
    return [str(folder / "crawl.warc.gz"), str(folder / "lines.jsonl")]


def _builtin(paths: list[str]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}

    def keep(result: Any, status: str, reason: str | None) -> None:
        if result.article is not None:
            found[result.article.text_sha256] = result.article.to_dict()

    run(paths, Settings.from_env(), RunOptions(workers=1, progress="off"), on_result=keep)
    return found


def _hashes(out: Path) -> Counter[str]:
    return Counter(str(r["text_sha256"]) for r in iter_rows(str(out), "articles", ["text_sha256"]))


def test_cluster_ingest_matches_builtin_rerun_and_load_add_nothing(
    cluster: tuple[Cluster, Client], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, client = cluster
    paths = _inputs(tmp_path)
    out = tmp_path / "dataset"
    first = run_dask(paths, str(out), Settings.from_env(), DaskOptions(progress="off"), client=client)
    assert first.shards == 2 and not first.failed_shards
    assert first.summary.added == 5 and first.summary.failed == 1  # the bad JSONL line
    assert len({r.worker for r in first.reports}) >= 1
    expected = _builtin(paths)
    got = {a.text_sha256: a.to_dict() for a in read_articles(str(out))}
    assert set(got) == set(expected) and len(got) == 5
    assert got == expected  # every record, span for span
    assert max(_hashes(out).values()) == 1

    again = run_dask(paths, str(out), Settings.from_env(), DaskOptions(progress="off"), client=client)
    assert again.skipped == 2 and again.summary.added == 0 and again.summary.known == 5
    assert _hashes(out) == Counter(set(got))
    cluster_address = client.scheduler.address
    argv = ["ingest", *paths, "--engine", "dask", "--scheduler", cluster_address, "--out", str(out)]
    assert main([*argv, "--no-progress"]) == 0  # the command line, rerun: nothing to do
    assert "2 shards (2 already finished, 0 failed); 0 articles written" in capsys.readouterr().out
    assert _hashes(out) == Counter(set(got))

    db = tmp_path / "loaded.db"
    with open_store(db) as store:
        once = load_dataset(str(out), store)
        assert not once.failures
        # the wire copies are near duplicates of the WARC pages: linked at load, as at ingest,
        # exactly as the dataset-wide dedup decides
        copies = Counter(d.relation for d in dedup_single_machine(str(out)))
        assert once.statuses == Counter({"added": 5 - copies.total(), **copies})
        assert store.list_actors(limit=100), "actors are merged at load"
        twice = load_dataset(str(out), store)
        assert twice.statuses == Counter({"known": 5})
        assert store.count() == 5 - copies.total()
    assert main(["load", str(out), "--db", str(db)]) == 0
    assert "0 added, 5 already stored" in capsys.readouterr().out
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM article_sources").fetchone()[0] == 5


def test_killing_a_worker_mid_shard_loses_and_duplicates_nothing(
    cluster: tuple[Cluster, Client], tmp_path: Path
) -> None:
    c, client = cluster
    paths = _inputs(tmp_path)
    folder = tmp_path / "files"
    folder.mkdir()
    for i, key in enumerate(["a1", "a2", "a3"] * 2):
        (folder / f"{i}.txt").write_text(f"Item {i}.\n\n" + article_text(key), encoding="utf-8")
    paths.append(str(folder))
    out = tmp_path / "dataset"
    options = DaskOptions(progress="off", files_per_shard=2)
    result: dict[str, Any] = {}
    worker = threading.Thread(
        target=lambda: result.update(
            run=run_dask(paths, str(out), Settings.from_env(), options, client=client)
        )
    )
    worker.start()
    victim = None
    deadline = time.monotonic() + 90
    while victim is None and time.monotonic() < deadline:
        info = client.scheduler_info()["workers"]
        busy = client.processing()
        for address, tasks in busy.items():
            if tasks and info.get(address, {}).get("name") == "w2":
                victim = address
        time.sleep(0.3)
    assert victim is not None, "w2 never ran a shard"
    time.sleep(0.5)  # inside the shard: its documents take DELAY seconds each
    c.kill("w2")
    worker.join(180)
    assert not worker.is_alive()
    done = result["run"]
    assert done.shards == 5 and not done.failed_shards
    expected = _builtin(paths)
    hashes = _hashes(out)
    assert set(hashes) == set(expected)
    assert max(hashes.values()) == 1, "an article is in the dataset twice"
    manifest = sorted(p.stem for p in (out / "_manifest").glob("*.json"))
    assert len(manifest) == 5
    c.start_worker("w2")  # leave the cluster as it was for any later test


def _synthetic(seed: int, words: int = 120) -> str:
    import random

    rng = random.Random(seed)
    vocab = [f"w{n}" for n in range(3000)]
    return " ".join(rng.choice(vocab) for _ in range(words))


def _variant(text: str, seed: int) -> str:
    import random

    rng = random.Random(seed)
    words = text.split()
    for _ in range(3):  # change three words: still well above the 0.7 Jaccard threshold
        words[rng.randrange(len(words))] = f"changed{rng.randrange(10**6)}"
    return " ".join(words)


def test_distributed_dedup_equals_single_machine(
    cluster: tuple[Cluster, Client], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from newsgraph.dedup import signature, to_bytes

    stories = [_synthetic(s) for s in range(12)]
    shards: list[list[str]] = [[], [], []]
    for i, story in enumerate(stories):
        shards[i % 3].append(story)
        shards[(i + 1) % 3].append(_variant(story, i))  # a near copy in another shard
        if i % 4 == 0:
            shards[(i + 2) % 3].append(story)  # an exact copy in the third
    shards[0].append("Too short to sign, said twice.")
    shards[2].append("Too short to sign, said twice.")
    fs, root = filesystem(str(tmp_path / "ds"))
    for n, texts in enumerate(shards):
        writer = PartWriter(fs, root, f"shard{n}", kinds=("articles",))
        for pos, text in enumerate(texts):
            sig = signature(text)
            article = Article(id=f"s{n}-{pos}", text=text)
            writer.add(article, ArticleExtras(f"shard{n}", pos, None if sig is None else to_bytes(sig)))
        writer.commit()
    _, client = cluster
    distributed = dedup_dask(str(tmp_path / "ds"), client)
    local = dedup_single_machine(str(tmp_path / "ds"))
    assert distributed == local
    argv = ["dedup", str(tmp_path / "ds"), "--scheduler", client.scheduler.address, "--format", "jsonl"]
    assert main(argv) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(d["text_sha256"], d["canonical_sha256"], d["relation"]) for d in lines] == [
        (d.text_sha256, d.canonical_sha256, d.relation) for d in local
    ]
    assert (tmp_path / "ds" / "_dedup" / "duplicates.parquet").exists()
    relations = Counter(d.relation for d in local)
    assert relations["near"] >= 10 and relations["exact"] >= 3
