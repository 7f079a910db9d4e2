"""The Dask engine's parts that need no cluster: shards, manifest, errors across processes, Parquet."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from newsgraph.distributed.runner import _pending
from newsgraph.distributed.shards import plan_shards
from newsgraph.distributed.task import ShardError, ShardReport, finished_shards, manifest_path
from newsgraph.parquet import ArticleExtras, PartWriter, filesystem, part_files, read_articles
from newsgraph.records import Article, Entity, Quote, Span


def _tree(root: Path) -> None:
    (root / "crawl").mkdir(parents=True)
    (root / "crawl" / "a.warc.gz").write_bytes(b"")
    (root / "crawl" / "b.jsonl").write_text("{}\n", encoding="utf-8")
    for i in range(5):
        (root / "crawl" / f"{i}.txt").write_text(f"story {i}", encoding="utf-8")
    (root / "crawl" / ".hidden.txt").write_text("no", encoding="utf-8")


def test_shards_are_files_and_chunks_with_names_from_the_shard(tmp_path: Path) -> None:
    _tree(tmp_path)
    shards, problems = plan_shards(
        [str(tmp_path / "crawl"), "https://x.example/a", str(tmp_path / "nope")], 2
    )
    assert [s.kind for s in shards] == ["warc", "jsonl", "files", "files", "files"]
    assert [len(s.paths) for s in shards[2:]] == [2, 2, 1]
    assert all(".hidden" not in p for s in shards for p in s.paths)
    assert [p.source for p in problems] == ["https://x.example/a", str(tmp_path / "nope")]
    assert "not URLs" in problems[0].reason
    again, _ = plan_shards([str(tmp_path / "crawl")], 2)
    assert [s.name for s in again] == [s.name for s in shards]  # same inputs, same part names
    assert len({s.name for s in shards}) == len(shards)
    twice, _ = plan_shards([str(tmp_path / "crawl"), str(tmp_path / "crawl" / "a.warc.gz")], 2)
    assert len(twice) == len(shards)  # a file named twice is one shard


def test_manifest_skips_finished_shards_until_their_files_change(tmp_path: Path) -> None:
    _tree(tmp_path)
    shards, _ = plan_shards([str(tmp_path / "crawl")], 2)
    out = str(tmp_path / "ds")
    fs, root = filesystem(out)
    fs.create_dir(os.path.dirname(manifest_path(root, "x")), recursive=True)
    for shard in shards[:2]:
        report = ShardReport(shard.name, shard.fingerprint(), shard.paths, 1, 1, 0, 0, 0, 10)
        Path(manifest_path(root, shard.name)).write_text(report.to_json(), encoding="utf-8")
    Path(manifest_path(root, "damaged")).write_text("{not json", encoding="utf-8")
    assert set(finished_shards(out)) == {s.name for s in shards[:2]}
    todo, skipped = _pending(shards, out)
    assert [s.name for s in todo] == [s.name for s in shards[2:]] and len(skipped) == 2
    os.utime(shards[1].paths[0], ns=(1, 1))  # the JSONL file was rewritten
    todo, _ = _pending(shards, out)
    assert shards[1] in todo


def test_errors_and_reports_survive_pickling() -> None:
    err = pickle.loads(pickle.dumps(ShardError("crawl-1", "disk full")))
    assert isinstance(err, ShardError) and err.shard == "crawl-1" and err.reason == "disk full"
    report = ShardReport("s", "f", ("a",), 2, 1, 3, 4, 5, 6, failures=(("a:2", "not JSON"),))
    assert pickle.loads(pickle.dumps(report)) == report
    assert ShardReport.from_json(report.to_json()) == report


def test_parts_round_trip_every_span_and_replace_their_own_name(tmp_path: Path) -> None:
    text = "Ana Ruiz said: “We are ready.” Officials agreed."
    article = Article(
        id="x1",
        text=text,
        entities=(Entity("e1", "Ana Ruiz", "PERSON", mentions=(Span(0, 8),)),),
        quotes=(Quote("We are ready.", 15, 28, "direct", speaker="Ana Ruiz", speaker_entity="e1"),),
    )
    fs, root = filesystem(str(tmp_path / "ds"))
    for _ in range(2):  # the same shard written twice (a retried task): one part, not two
        writer = PartWriter(fs, root, "shard-a")
        writer.add(article, ArticleExtras("shard-a", 0))
        assert writer.commit() == {"articles": 1, "entities": 1, "quotes": 1, "events": 0}
    assert len(part_files(str(tmp_path / "ds"), "articles")) == 1
    assert [a.to_dict() for a in read_articles(str(tmp_path / "ds"))] == [article.to_dict()]
    assert not list((tmp_path / "ds" / "_tmp").iterdir())


def test_a_dataset_location_may_be_a_filesystem_url(tmp_path: Path) -> None:
    url = (tmp_path / "remote").as_uri()  # file://...: the same code path as s3:// or gs://
    fs, root = filesystem(url)
    writer = PartWriter(fs, root, "shard-u", kinds=("articles",))
    writer.add(Article(id="u", text="A text."), ArticleExtras("shard-u", 0))
    writer.commit()
    assert (tmp_path / "remote" / "articles" / "part-shard-u.parquet").exists()
    assert [a.id for a in read_articles(url)] == ["u"]


def test_an_aborted_part_leaves_nothing_visible(tmp_path: Path) -> None:
    fs, root = filesystem(str(tmp_path / "ds"))
    writer = PartWriter(fs, root, "shard-b")
    writer.add(Article(id="y", text="Some text."), ArticleExtras("shard-b", 0))
    writer.abort()
    assert part_files(str(tmp_path / "ds"), "articles") == []
    assert not list((tmp_path / "ds" / "_tmp").iterdir())


@pytest.mark.parametrize("argv", [["--engine", "dask"], ["--engine", "dask", "--out", ""]])
def test_dask_ingest_needs_an_output_folder(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    from newsgraph.cli import main

    assert main(["ingest", "examples/", *argv]) == 2
    assert "--out DIR" in capsys.readouterr().err
