"""The exception tree.  Messages say what went wrong and what to do about it.

Every class here survives pickling (``__reduce__`` gives back the constructor's own
arguments): an exception raised in a worker process reaches the parent through pickle, and an
InputError also travels *to* a worker inside a chunk.  Pickle's default rebuilds an exception
from ``self.args`` (the formatted message), which fails for a constructor with more than one
argument and killed the worker that received it, and with it every chunk in flight.
"""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base class of every error newsgraph raises on purpose."""


class InputError(NewsgraphError):
    """One input cannot be read or analysed; the batch goes on without it."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str]]:
        return (type(self), (self.source, self.reason))


class ModelNotFoundError(NewsgraphError):
    """No usable spaCy pipeline is installed under the configured name."""


class StoreError(NewsgraphError):
    """The database cannot be opened, migrated or written."""


class WorkerStartError(NewsgraphError):
    """A worker process could not set itself up (the run cannot go on without workers)."""


class LexiconError(NewsgraphError, ValueError):
    """A lexicon data file is malformed: the message names the file, the line and the fault."""

    def __init__(self, source: str, line: int, reason: str) -> None:
        super().__init__(f"{source} line {line}: {reason}")
        self.source = source
        self.line = line
        self.reason = reason

    def __reduce__(self) -> tuple[type[LexiconError], tuple[str, int, str]]:
        return (type(self), (self.source, self.line, self.reason))
