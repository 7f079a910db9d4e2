"""How much a 40 KB line of ". . ." costs to analyse, with and without shortening the run.

Three 54 KB texts, each analysed in a fresh process (the model load is not timed; the peak
memory includes it): a normal article, the same article with a 40 KB ". . ." line, and that
text again with :func:`newsgraph.extract.decode.shorten_punctuation_runs` switched off (the
behaviour before issue 15).  Ratios are against the normal article, measured in the same run.

    PYTHONPATH=src python benchmarks/punctuation_runs.py
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

CASE = r"""
import json, resource, sys, time
from pathlib import Path
import newsgraph.extract as extract_module
from newsgraph.core import analyze_many
from newsgraph.ingest.files import read_file
from newsgraph.nlp.pipeline import load_pipeline
from newsgraph.settings import Settings
if sys.argv[2] == "off":
    extract_module.shorten_punctuation_runs = lambda text: text
settings = Settings.from_env()
load_pipeline(settings)
raw = read_file(Path(sys.argv[1]), 10**7)
start = time.perf_counter()
(outcome,) = list(analyze_many([raw], settings))
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "peak_mb": peak, "chars": len(outcome.article.text)}))
"""


def main() -> None:
    sentence = "The mayor said the plan was good and the council agreed to fund it. "
    with tempfile.TemporaryDirectory() as tmp:
        normal = Path(tmp) / "normal.txt"
        normal.write_text("Council vote\n\n" + sentence * 790, encoding="utf-8")
        dots = Path(tmp) / "dots.txt"
        dots.write_text("Council vote\n\n" + sentence * 200 + "\n\n" + ". " * 20_000 + "\n", encoding="utf-8")
        rows = []
        for name, path, mode in (
            ("normal article", normal, "on"),
            ("with a 40 KB '. . .' line, shortened", dots, "on"),
            ("with a 40 KB '. . .' line, not shortened", dots, "off"),
        ):
            out = subprocess.run(
                [sys.executable, "-c", CASE, str(path), mode], capture_output=True, text=True, check=True
            )
            rows.append((name, path.stat().st_size, json.loads(out.stdout.strip().splitlines()[-1])))
    base = rows[0][2]
    print(f"{'input':44} {'bytes':>7} {'text chars':>10} {'analyse s':>9} {'x':>5} {'peak MB':>8} {'x':>5}")
    for name, size, r in rows:
        print(
            f"{name:44} {size:7,} {r['chars']:10,} {r['seconds']:9.2f} {r['seconds'] / base['seconds']:5.2f}"
            f" {r['peak_mb']:8.0f} {r['peak_mb'] / base['peak_mb']:5.2f}"
        )


if __name__ == "__main__":
    main()
