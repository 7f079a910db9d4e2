"""Progress while a batch runs, and the summary after it.

On a terminal: a tqdm bar on standard error, with a spinner before it while the language
model loads (the first result can take 20 s on a slow machine: a still screen looks hung).
Otherwise (a log file, CI, a pipe): a plain line every ``interval`` seconds, so logs stay
readable and a long run still shows it is alive.  Everything goes to standard error; standard
output belongs to the records (``analyze``) and the per-article lines (``ingest``).

* **A sane ETA**: the rate is measured from the first result, not from the start: the model
  load and the first chunk's results (which arrive together) would otherwise make the first
  estimate many times too long, or too short.  No ETA is shown before a second of results.
* **Never on a line of output**: the caller prints through :meth:`Progress.output`, which
  clears the bar first and redraws it after (standard output and error share the terminal).
"""

from __future__ import annotations

import itertools
import re
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Never, TextIO

from tqdm import tqdm

from newsgraph.ingest.labels import printable

_SPINNER = "|/-\\"


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
        return [f"  {n} x {printable(reason)}" for reason, n in self.failures.most_common()]

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


class _Spinner:
    """A tqdm line whose description turns until :meth:`stop` (a daemon thread redraws it)."""

    def __init__(self, stream: TextIO, what: str) -> None:
        self.what = what
        self.line = tqdm(total=None, file=stream, bar_format="{desc} {elapsed}", leave=False, desc=what)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._turn, name="newsgraph-spinner", daemon=True)
        self._thread.start()

    def _turn(self) -> None:
        for frame in itertools.cycle(_SPINNER):
            if self._stop.wait(0.15):
                return
            self.line.set_description_str(f"{frame} {self.what}")

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()
        self.line.close()


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
        self.interval = interval
        self.start = time.monotonic()
        self._last = self.start
        self._first: tuple[float, int] | None = None  # (when, done) at the first update
        self._bar: tqdm[Never] | None = None
        self._spinner: _Spinner | None = None

    def waiting(self, what: str) -> None:
        """Say what the run is waiting for until the first result (a spinner on a terminal)."""
        if self.mode == "bar":  # a log gets no line for it: the first progress line follows
            self._spinner = _Spinner(self.stream, what)

    def _stop_spinner(self) -> None:
        if self._spinner is not None:
            self._spinner.stop()
            self._spinner = None

    def eta(self, done: int, now: float) -> float | None:
        """Seconds left at the rate measured since the first result; None while unknown."""
        if self._first is None or not self.total:
            return None
        since, at = self._first
        if now - since < 1.0 or done <= at or done > self.total:
            return None
        return (self.total - done) / ((done - at) / (now - since))

    def update(self, done: int, failed: int = 0, *, force: bool = False) -> None:
        if self.mode == "off":
            return
        now = time.monotonic()
        if self._first is None:
            self._first = (now, done)
            self._stop_spinner()
            if self.mode == "bar":
                self._bar = tqdm(
                    total=self.total,
                    initial=done,
                    file=self.stream,
                    unit=" inputs",
                    mininterval=0.2,
                    smoothing=0,  # the mean rate since the first result (``initial`` excluded)
                    dynamic_ncols=True,
                )
        if self._bar is not None:
            if failed:
                self._bar.set_postfix_str(f"{failed} failed", refresh=False)
            self._bar.update(done - self._bar.n)
            return
        if not force and now - self._last < self.interval:
            return
        self._last = now
        eta = self.eta(done, now)
        of = f"/{self.total}" if self.total else ""
        rate = (done - self._first[1]) / max(now - self._first[0], 1e-9)
        left = f", ETA {_duration(eta)}" if eta is not None else ""
        fails = f", {failed} failed" if failed else ""
        self.stream.write(
            f"progress: {done}{of} inputs, {rate:.1f}/s{left}{fails}, {_duration(now - self.start)}\n"
        )
        self.stream.flush()

    @contextmanager
    def output(self) -> Iterator[None]:
        """Print inside this block: the bar is cleared first and redrawn after."""
        self._stop_spinner()
        if self._bar is None:
            yield
            return
        with tqdm.external_write_mode(file=sys.stdout):  # clears our bar on either stream
            yield

    def close(self) -> None:
        self._stop_spinner()
        if self._bar is not None:
            self._bar.close()
            self._bar = None


__all__ = ["Progress", "Summary", "reason_category"]
