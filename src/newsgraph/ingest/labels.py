"""How inputs are named in messages and in the store: always valid, always one line.

Two hazards come from file names, which on POSIX are bytes, not text:

* a name that is not valid UTF-8 reaches Python as "surrogate escapes" (PEP 383), which
  SQLite and a UTF-8 terminal both refuse (``UnicodeEncodeError: surrogates not allowed``):
  :func:`path_label` spells such bytes as ``\\xNN`` so the name can be stored and shown;
* a name may hold a newline or a terminal escape sequence (``\\x1b[2J`` clears the screen):
  :func:`printable` escapes control characters wherever a name is printed, so that one error
  stays one line and cannot rewrite the user's terminal.

The file itself is still read through its real name; only the label changes.
"""

from __future__ import annotations

import os
import re

_SURROGATE = re.compile("[\ud800-\udfff]")
#: C0 controls, DEL, C1 controls (``\x9b`` is a one-byte CSI) and the bidirectional overrides
#: that can make a name display as something else.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape_surrogate(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte, as os.fsdecode escaped it
        return f"\\x{code - 0xDC00:02x}"
    return f"\\u{code:04x}"


def path_label(path: str | os.PathLike[str]) -> str:
    """``path`` as text that encodes to UTF-8 (undecodable bytes become ``\\xNN``)."""
    text = os.fspath(path)
    return _SURROGATE.sub(_escape_surrogate, text)


def _escape_control(match: re.Match[str]) -> str:
    char = match.group()
    return _NAMED.get(char) or (f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")


def printable(text: str) -> str:
    """``text`` for a one-line message: control characters and surrogates escaped."""
    return _CONTROL.sub(_escape_control, path_label(text))


__all__ = ["path_label", "printable"]
