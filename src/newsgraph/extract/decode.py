"""Bytes to text: BOMs, UTF-8, and a declared fallback for legacy encodings.

Policy: a byte-order mark decides (UTF-8/16/32); then UTF-16 without a mark, recognised by its
NUL bytes (every other byte of English text); otherwise UTF-8.  Text that is not valid UTF-8
is decoded line by line (:func:`decode_utf8_lines`): a line without any UTF-8 sequence is
cp1252 (the usual legacy encoding of English news text), a line with one keeps UTF-8 and has
its stray bytes replaced, and either is reported as a warning.  (Deciding for the whole file
let one stray byte turn every curly quote of a UTF-8 article into mojibake, and lose its
direct quotes.)  Inputs that look binary (NUL bytes outside UTF-16/32, or many control
characters) are refused, because analysing them produces garbage records; a NUL byte further
in is removed, with a warning, since no text holds one.  Line endings are normalised to
``\\n``.
"""

from __future__ import annotations

import codecs
import re

from newsgraph.errors import InputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_CONTROL = frozenset(range(0, 32)) - {9, 10, 12, 13}
#: A well-formed multi-byte UTF-8 sequence: a line holding one was meant as UTF-8.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def looks_binary(data: bytes) -> bool:
    """True for content that is not text in any encoding we read."""
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    if not sample:
        return False
    controls = sum(1 for b in sample if b in _CONTROL)
    return controls / len(sample) > 0.05


def utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when ``data`` looks like UTF-16 text without a mark.

    Latin-script text in UTF-16 has a NUL in every other byte, on one side only; binary data
    has NULs anywhere.  The guess must also decode, and not into control characters.
    """
    sample = data[:8192]
    half = len(sample) // 2
    if half < 8:
        return None
    even, odd = sample[0::2].count(0) / half, sample[1::2].count(0) / half
    if odd > 0.3 and even < 0.02:
        encoding = "utf-16-le"
    elif even > 0.3 and odd < 0.02:
        encoding = "utf-16-be"
    else:
        return None
    try:
        text = data[: len(data) // 2 * 2].decode(encoding)
    except UnicodeDecodeError:
        return None
    head = text[:4096]
    controls = sum(1 for ch in head if ord(ch) in _CONTROL)
    return encoding if controls <= 0.05 * len(head) else None


def _which_lines(numbers: list[int]) -> str:
    if len(numbers) == 1:
        return f"line {numbers[0]}"
    return f"{len(numbers)} lines (first: line {numbers[0]})"


def decode_utf8_lines(data: bytes) -> tuple[str, tuple[str, ...]]:
    """UTF-8, decided line by line when the whole is not valid (see the module docstring)."""
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError:
        pass
    lines = data.split(b"\n")
    out: list[str] = []
    legacy: list[int] = []
    replaced: list[int] = []
    utf8_elsewhere = False
    for number, line in enumerate(lines, start=1):
        try:
            out.append(line.decode("utf-8"))
            utf8_elsewhere = utf8_elsewhere or not line.isascii()
            continue
        except UnicodeDecodeError:
            pass
        if _UTF8_SEQUENCE.search(line):
            out.append(line.decode("utf-8", errors="replace"))
            replaced.append(number)
        else:
            out.append(line.decode("cp1252", errors="replace"))
            legacy.append(number)
    text = "\n".join(out)
    if legacy and not replaced and not utf8_elsewhere:
        return text, ("not valid UTF-8; decoded as cp1252",)
    warnings = []
    if replaced:
        warnings.append(f"invalid UTF-8 bytes replaced on {_which_lines(replaced)}")
    if legacy:
        warnings.append(f"not valid UTF-8 on {_which_lines(legacy)}; decoded as cp1252 there")
    return text, tuple(warnings)


#: One punctuation character repeated 32 times or more, maybe spaced: ". . . . ." or "=====".
_PUNCTUATION_RUN = re.compile(r"([^\w\s])(?:\s?\1){31,}")


def _three_of(match: re.Match[str]) -> str:
    run = match.group()
    separator = run[1] if run[1].isspace() else ""
    return separator.join([match.group(1)] * 3)


def shorten_punctuation_runs(text: str) -> str:
    """``text`` with each run of one repeated punctuation mark cut to three ("....." -> "...").

    Why: such a run is one token per character, and none of them carries meaning, but each
    costs the tagger and parser as much as a word: a 40 KB line of ". . ." tripled the time and
    memory of analysing its 57 KB article.  The work per run is bounded here, before any NLP.
    """
    return _PUNCTUATION_RUN.sub(_three_of, text)


def strip_nul(text: str) -> tuple[str, tuple[str, ...]]:
    """``text`` without NUL characters (no text holds one; SQLite and lxml choke on them)."""
    if "\x00" not in text:
        return text, ()
    count = text.count("\x00")
    return text.replace("\x00", ""), (f"{count} NUL character(s) removed",)


def decode_text(data: bytes, label: str) -> tuple[str, tuple[str, ...]]:
    """Decode ``data``; returns the text and warnings.  Raises InputError if not text."""
    warnings: list[str] = []
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(
                    label, f"invalid {encoding} text after byte-order mark: {exc.reason}"
                ) from exc
            if encoding not in ("utf-8-sig",):
                warnings.append(f"decoded as {encoding.upper()} (byte-order mark)")
            return _finish(text, warnings)
    guessed = utf16_without_bom(data)
    if guessed is not None:
        warnings.append(f"decoded as {guessed.upper()} (no byte-order mark; guessed from its NUL bytes)")
        return _finish(data[: len(data) // 2 * 2].decode(guessed), warnings)
    if looks_binary(data):
        raise InputError(label, "binary file, not text (no byte-order mark and contains NUL/control bytes)")
    text, notes = decode_utf8_lines(data)
    return _finish(text, [*warnings, *notes])


def _finish(text: str, warnings: list[str]) -> tuple[str, tuple[str, ...]]:
    text, removed = strip_nul(text)
    return _normalise(text), (*warnings, *removed)


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
