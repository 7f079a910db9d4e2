"""Bytes to text: BOMs, UTF-8, and a declared fallback for legacy encodings.

Policy: a byte-order mark decides (UTF-8/16/32); otherwise strict UTF-8; otherwise
cp1252 (the usual legacy encoding of English news text), reported as a warning.  Inputs that
look binary (NUL bytes outside UTF-16/32, or many control characters) are refused, because
analysing them produces garbage records.  Line endings are normalised to ``\\n``.
"""

from __future__ import annotations

import codecs

from newsgraph.errors import InputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_CONTROL = frozenset(range(0, 32)) - {9, 10, 12, 13}


def looks_binary(data: bytes) -> bool:
    """True for content that is not text in any encoding we read."""
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    if not sample:
        return False
    controls = sum(1 for b in sample if b in _CONTROL)
    return controls / len(sample) > 0.05


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
            return _normalise(text), tuple(warnings)
    if looks_binary(data):
        raise InputError(label, "binary file, not text (no byte-order mark and contains NUL/control bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        warnings.append("not valid UTF-8; decoded as cp1252")
    return _normalise(text), tuple(warnings)


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
