"""HTML extraction quality and speed: newsgraph against trafilatura's defaults, in one run.

Usage: ``python benchmarks/extraction.py [--shared DIR] [--bootstrap N]``

Data: the Zyte article-extraction benchmark (181 pages, body only) and the WCXB article subset
(257 pages, body + title/author/date), both under ``DIR/data/article-extraction`` (default:
``../shared`` beside the repository, or ``$NEWSGRAPH_SHARED``).

Rows: ``newsgraph`` is ``extract_html``; ``trafilatura-default`` is ``trafilatura.extract`` with
its defaults, asked for JSON with metadata so that title/author/date can be scored (its body is
the ``text`` field, without comments).  Both run in this process on the same pages; each is
warmed up on a few pages first so that one-time costs (imports, dateparser's locale tables) do
not land on whichever runs first.  Pages/s counts the extractor call only, not reading the
gzipped files.  The Zyte F1 "±" is the standard deviation over bootstrap resamples of pages.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from newsgraph.eval.extraction import (
    Extractor,
    format_table,
    load_zyte,
    predict_newsgraph,
    predict_trafilatura_default,
    run_wcxb,
    run_zyte,
)

REPO = Path(__file__).resolve().parents[1]
EXTRACTORS: dict[str, Extractor] = {
    "newsgraph": predict_newsgraph,
    "trafilatura-default": predict_trafilatura_default,
}


def default_shared() -> Path:
    override = os.environ.get("NEWSGRAPH_SHARED")
    return Path(override) if override else REPO.parent / "shared"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=default_shared(), help="the shared data directory")
    parser.add_argument("--bootstrap", type=int, default=1000, help="bootstrap samples for the F1 ± (0: off)")
    args = parser.parse_args(argv)
    base = args.shared / "data" / "article-extraction"
    zyte_dir, wcxb_dir = base / "zyte-article-extraction-benchmark", base / "wcxb-test-articles"
    for path in (zyte_dir, wcxb_dir):
        if not path.is_dir():
            print(f"error: {path} is absent (pass --shared DIR)", file=sys.stderr)
            return 2
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)  # "discarding data" noise

    warm_up = load_zyte(zyte_dir)[:5]
    for extractor in EXTRACTORS.values():
        for _, url, html, _ in warm_up:
            extractor(html, url)
    zyte = [run_zyte(zyte_dir, extractor, name) for name, extractor in EXTRACTORS.items()]
    wcxb = [run_wcxb(wcxb_dir, extractor, name) for name, extractor in EXTRACTORS.items()]

    print(format_table(zyte, wcxb, bootstrap=args.bootstrap))
    print()
    for z, w in zip(zyte, wcxb, strict=True):
        print(
            f"- {z.name}: no output on {z.failures}/{len(z.docs)} Zyte and "
            f"{w.failures}/{len(w.pages)} WCXB pages"
        )
    print(
        "- Zyte: 4-gram shingle P/R/F1 (means of per-page P and R, F1 of the means), acc = exact "
        "token match; WCXB: mean word F1, with/without = snippet shares (without: lower is better), "
        "title/author/date accuracy where the reference has the field."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
