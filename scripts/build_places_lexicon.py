"""Build ``src/newsgraph/nlp/knowledge/lexicons/places.tsv`` (place name -> ISO-3) from Phoenix.

The Phoenix/PETRARCH-2 country actor file lists, under each country entry ``NAME_ [ISO]``, synonyms that
are the country's cities, regions and provinces.  We keep only those (not the leaders), so that a city
or region that the NER finds ("Basra", "Aceh", "Sochi") gets its country.  Run from the repository:

    python scripts/build_places_lexicon.py \
        ../shared/data/events/phoenix-dictionaries/Phoenix.Countries.actors.txt \
        ../shared/data/events/phoenix-dictionaries/Phoenix.MilNonState.actors.txt

The optional second file is Phoenix's dictionary of non-state armed groups and parties: a country
synonym that it names as a group (``AL-FATAH_ [MEAREB]`` vs ``+FATAH`` under Palestine) is an
actor coded with its country, not a place, and is left out.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HEADER = """\
# Place names (cities, regions, provinces, islands) -> ISO 3166-1 alpha-3 of the country they lie in.
# Derived by scripts/build_places_lexicon.py from Phoenix.Countries.actors.txt of the PETRARCH-2 /
# Phoenix dictionaries (openeventdata/petrarch2 @ 676801cd9cb2924bbbad09f86d15c9323e7097bf,
# petrarch2/data/dictionaries/), generated from CountryInfo.140130.txt.
# Only the synonyms listed under each country's own entry are kept; names of people are not.
# Codes that are no current ISO 3166-1 code are recoded (DDR -> DEU, TMP -> TLS; Kosovo's CAMEO code
# KSV -> XKX, the user-assigned code the EU and the World Bank use) or dropped
# (SUN, CSK: dissolved states; KNT: a fictional test country).
# Synonyms that Phoenix.MilNonState.actors.txt names as a non-state group ("FATAH") are no place.
#
# The MIT License (MIT)
# Copyright (c) 2014 Open Event Data Alliance
# Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
# associated documentation files (the "Software"), to deal in the Software without restriction,
# including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense,
# and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so,
# subject to the following conditions: The above copyright notice and this permission notice shall be
# included in all copies or substantial portions of the Software.
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT
# LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT.
# IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
# LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION
# WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
#
# Columns: name (upper case, words separated by spaces)<TAB>iso3
"""

#: Phoenix codes that are not current ISO 3166-1 alpha-3: a place of a former state lies in its
#: successor (East German cities are German; "TMP" became "TLS" in 2002); the names of dissolved
#: states themselves (USSR, Czechoslovakia) and the fictional test country Kinakuta get no country.
#: Kosovo has no ISO 3166-1 code: CAMEO's "KSV" becomes "XKX", the user-assigned code that the
#: European Commission, the IMF and the World Bank use (as countries.tsv does).
RECODE = {"DDR": "DEU", "TMP": "TLS", "KSV": "XKX"}
DROP = frozenset({"SUN", "CSK", "KNT"})

_ENTRY = re.compile(r"^([A-Z][^\s#\[]*)\s+\[([A-Z]{3})\]\s*(#.*)?$")
_SYN = re.compile(r"^\+([^\s#]+)")
_CODE = re.compile(r"^\s+\[([A-Z]{3,})(?:\s[^\]]*)?\]")


def places(lines: list[str]) -> dict[str, str]:
    """Synonyms of each primary entry whose code is a bare country code (``[IRQ]``).

    The code is either on the entry's line (``NAME_  [ISO]``) or on an indented line after the
    synonyms; entries coded with a sector (``[IRNGOV]``) are people or institutions and are skipped.
    """
    out: dict[str, str] = {}
    pending: list[str] = []
    iso: str | None = None

    def flush(code: str | None) -> None:
        code = RECODE.get(code, code) if code else None
        if code and code not in DROP:
            for name in pending:
                out.setdefault(name, code)
        pending.clear()

    for line in lines:
        entry = _ENTRY.match(line)
        if entry:
            flush(iso)
            iso = entry.group(2)
            continue
        if line and not line.startswith(("+", "#", "\t", " ")):
            flush(iso)
            iso = None
            continue
        code = _CODE.match(line)
        if code:
            if iso is None and len(code.group(1)) == 3:
                iso = code.group(1)
            continue
        syn = _SYN.match(line)
        if syn:
            name = syn.group(1).strip("_").replace("_", " ")
            if len(name) > 2 and "(" not in name:
                pending.append(name)
    flush(iso)
    return out


def group_names(lines: list[str]) -> set[str]:
    """Names (entries and synonyms) of a Phoenix actor file, also without a leading "AL-" article."""
    names: set[str] = set()
    for line in lines:
        match = re.match(r"^\+?([A-Z0-9][^\s#\[+]*)", line)
        if match:
            name = match.group(1).strip("_").replace("_", " ")
            names.add(name)
            names.add(re.sub(r"^AL[- ]", "", name))
    return names


def main(argv: list[str]) -> int:
    source = Path(argv[1])
    target = Path(__file__).resolve().parents[1] / "src/newsgraph/nlp/knowledge/lexicons/places.tsv"
    found = places(source.read_text(encoding="utf-8", errors="replace").splitlines())
    if len(argv) > 2:
        groups = group_names(Path(argv[2]).read_text(encoding="utf-8", errors="replace").splitlines())
        found = {name: iso for name, iso in found.items() if name not in groups}
    body = "".join(f"{name}\t{iso}\n" for name, iso in sorted(found.items()))
    target.write_text(HEADER + body, encoding="utf-8")
    print(f"{len(found)} places -> {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
