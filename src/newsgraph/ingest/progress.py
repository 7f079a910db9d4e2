"""Progress while a batch runs, and the summary after it.

On a terminal: one line redrawn in place (bar, count, rate, ETA), at most a few times a second.
Otherwise (a log file, CI, a pipe): a plain line every ``interval`` seconds, so logs stay
readable and a long run still shows it is alive.  Everything goes to standard error; standard
output belongs to the records (``analyze``) and the per-article lines (``ingest``).
"""

from __future__ import annotations

import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import TextIO

_BAR = 24


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds >= 3600:
        return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
    if seconds >= 60:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds}s"


def reason_category(reason: str) -> str:
    """A failure reason without its particulars, for grouping ("HTTP 404 Not Found" stays)."""
    head = re.split(r" \(|; |: ", reason, maxsplit=1)[0]
    return re.sub(r"\d+(\.\d+)? (MB|s)\b", "N \\2", head).strip() or reason


@dataclass
class Summary:
    """What a run did, for the closing lines (counts of inputs by fate, records, memory)."""

    inputs: int = 0
    added: int = 0
    known: int = 0
    exact: int = 0
    near: int = 0
    failures: Counter[str] = field(default_factory=Counter)
    entities: int = 0
    quotes: int = 0
    events: int = 0
    words: int = 0
    not_analysed: int = 0  # added with text and metadata only: a language the model does not cover
    seconds: float = 0.0
    peak_rss_kb: dict[str, int] = field(default_factory=dict)

    @property
    def failed(self) -> int:
        return sum(self.failures.values())

    def failure_lines(self) -> list[str]:
        return [f"  {n} x {reason}" for reason, n in self.failures.most_common()]

    def memory_line(self) -> str:
        if not self.peak_rss_kb:
            return ""
        parts = [f"{name} {kb / 1024:.0f} MB" for name, kb in sorted(self.peak_rss_kb.items())]
        return "peak memory: " + ", ".join(parts)

    def rate_line(self) -> str:
        done = self.added + self.known + self.exact + self.near + self.failed
        if self.seconds <= 0:
            return ""
        return (
            f"{done} inputs in {_duration(self.seconds)} ({done / self.seconds:.1f}/s; "
            f"{self.words / self.seconds:,.0f} words/s analysed)"
        )


class Progress:
    """Reports ``done`` of ``total`` (None: unknown) on ``stream``; see the module docstring."""

    def __init__(
        self,
        total: int | None = None,
        *,
        stream: TextIO | None = None,
        mode: str = "auto",
        interval: float = 10.0,
    ) -> None:
        self.stream = stream or sys.stderr
        tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.mode = ("bar" if tty else "lines") if mode == "auto" else mode
        self.total = total
        self.interval = interval if self.mode == "lines" else 0.2
        self.start = time.monotonic()
        self._last = self.start
        self._drawn = False

    def update(self, done: int, failed: int = 0, *, force: bool = False) -> None:
        if self.mode == "off":
            return
        now = time.monotonic()
        if not force and now - self._last < self.interval:
            return
        self._last = now
        elapsed = max(now - self.start, 1e-9)
        rate = done / elapsed
        eta = ""
        if self.total and rate > 0 and done <= self.total:
            eta = f"  ETA {_duration((self.total - done) / rate)}"
        of = f"/{self.total}" if self.total else ""
        fails = f", {failed} failed" if failed else ""
        if self.mode == "bar":
            bar = ""
            if self.total:
                filled = min(_BAR, int(_BAR * done / self.total))
                bar = "[" + "#" * filled + "-" * (_BAR - filled) + "] "
            line = f"\r{bar}{done}{of} inputs  {rate:.1f}/s{eta}{fails}  "
            self.stream.write(line)
            self._drawn = True
        else:
            self.stream.write(
                f"progress: {done}{of} inputs, {rate:.1f}/s{eta}{fails}, {_duration(elapsed)}\n"
            )
        self.stream.flush()

    def close(self) -> None:
        if self._drawn:
            self.stream.write("\n")
            self.stream.flush()


__all__ = ["Progress", "Summary", "reason_category"]
