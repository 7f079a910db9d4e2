"""Articles not in the model's language: stored with text and metadata, marked, not analysed, counted."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsgraph.cli import main
from newsgraph.core import analyze
from newsgraph.extract.language import detect_language
from newsgraph.settings import Settings

# Written for this test: an ordinary news paragraph in German and one in English.
GERMAN = (
    "Die Regierung in Berlin hat am Montag ein neues Gesetz zum Schutz der Wälder beschlossen. "
    "Die Umweltministerin sagte, das Gesetz sei ein wichtiger Schritt, und kündigte weitere "
    "Maßnahmen für den Herbst an. Kritiker aus der Opposition nannten den Entwurf unzureichend."
)
ENGLISH = (
    "The government in Berlin approved a new law to protect forests on Monday. The environment "
    "minister, Anna Keller, said the law was an important step and announced further measures for "
    "the autumn. Critics in the opposition called the draft inadequate."
)


def test_detects_the_language_of_the_text_over_the_declared_one() -> None:
    assert detect_language(GERMAN) == "de"
    assert detect_language(ENGLISH) == "en"
    assert detect_language(GERMAN, declared="en") == "de"  # a template's lang="en" does not win
    assert detect_language("Short note.", declared="fr") == "fr"  # too short: as declared


def test_other_language_is_stored_marked_and_not_analysed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "de.txt").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
    db = tmp_path / "n.db"
    assert main(["ingest", "--db", str(db), "--workers", "1", "--no-progress", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    assert "2 added" in out and "1 stored without analysis" in out
    warnings = [line for line in err.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and "de.txt" in warnings[0] and "language de" in warnings[0]
    with sqlite3.connect(db) as conn:
        rows = dict(
            conn.execute(
                "SELECT a.language, (SELECT count(*) FROM entities e WHERE e.article_seq = a.seq) "
                "FROM articles a WHERE a.nlp_skipped IS NOT NULL"
            ).fetchall()
        )
        assert rows == {"de": 0}
        assert conn.execute("SELECT text FROM articles WHERE language = 'de'").fetchone()[0] == GERMAN
        assert conn.execute("SELECT nlp_skipped FROM articles WHERE language = 'en'").fetchone()[0] is None


def test_language_option_is_checked_against_the_model(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
    assert main(["analyze", "--language", "de", str(tmp_path / "en.txt")]) == 2
    assert "covers en only" in capsys.readouterr().err
    article = analyze(GERMAN, Settings(language="en"))
    assert article.nlp_skipped and not article.entities and article.language == "de"


@pytest.mark.slow
def test_non_english_benchmark_pages_are_marked_skipped_counted(tmp_path: Path) -> None:
    from tests.conftest import require_shared

    pages = require_shared("data", "article-extraction", "zyte-article-extraction-benchmark", "html")
    folder = tmp_path / "pages"
    folder.mkdir()
    for page in sorted(pages.glob("*.html.gz"))[:40]:
        (folder / page.name).symlink_to(page)
    db = tmp_path / "n.db"
    assert main(["ingest", "--db", str(db), "--workers", "1", "--no-progress", "--quiet", str(folder)]) in (
        0,
        1,
    )
    with sqlite3.connect(db) as conn:
        skipped = conn.execute("SELECT language FROM articles WHERE nlp_skipped IS NOT NULL").fetchall()
        leaked = conn.execute(
            "SELECT count(*) FROM entities e JOIN articles a ON a.seq = e.article_seq "
            "WHERE a.language IS NOT NULL AND a.language != 'en'"
        ).fetchone()[0]
    assert len(skipped) >= 5 and {lang for (lang,) in skipped} >= {"pt", "ru"}
    assert leaked == 0
