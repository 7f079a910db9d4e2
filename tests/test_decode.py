"""Bytes to text: BOMs, UTF-8, cp1252 fallback with a warning, binary refused."""

from __future__ import annotations

import codecs

import pytest

from newsgraph.errors import InputError
from newsgraph.extract.decode import decode_text, looks_binary

TEXT = "Café “quoted” — 10 €\r\nsecond line"


def test_utf8_and_newlines() -> None:
    text, warnings = decode_text(TEXT.encode("utf-8"), "x")
    assert text == "Café “quoted” — 10 €\nsecond line"
    assert warnings == ()


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_bom_encodings(encoding: str) -> None:
    data = TEXT.encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    text, warnings = decode_text(data, "x")
    assert text.startswith("Café “quoted”")
    assert warnings and "byte-order mark" in warnings[0]


def test_utf8_bom_is_silent() -> None:
    text, warnings = decode_text(codecs.BOM_UTF8 + b"hello", "x")
    assert (text, warnings) == ("hello", ())


def test_cp1252_fallback_warns() -> None:
    text, warnings = decode_text(TEXT.encode("cp1252"), "x")
    assert text.startswith("Café “quoted” — 10 €")
    assert warnings == ("not valid UTF-8; decoded as cp1252",)


def test_binary_refused() -> None:
    assert looks_binary(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(InputError, match="binary"):
        decode_text(bytes(range(256)) * 10, "img.txt")
