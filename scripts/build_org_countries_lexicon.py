"""Build ``src/newsgraph/nlp/knowledge/lexicons/org_countries.tsv`` (organisation name -> ISO-3) from Phoenix.

An organisation's own country is evidence for its people ("a Boeing vice president", "Mahdi Army
leader X"), while the country a story is set in is not.  The Phoenix/PETRARCH-2 actor dictionaries
code companies and NGOs with their home country (``BOEING_ [MNCUSA]``, ``DANISH_REFUGEE_COUNCIL_
[NGODNKREF]``) and non-state armed groups with theirs (``MAHDI_ARMY_ [IRQREB]``).  We keep the names
and synonyms of those entries whose code carries a country of countries.tsv; entries with a date
range are people in an office, not organisations, and are skipped, as are names coded with two
countries, generic names and short names shared across countries (:func:`_generic`,
:func:`_prefix_of_other`).  Run from the repository:

    python scripts/build_org_countries_lexicon.py \
        ../shared/data/events/phoenix-dictionaries/Phoenix.International.actors.txt \
        ../shared/data/events/phoenix-dictionaries/Phoenix.MilNonState.actors.txt
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from newsgraph.nlp.knowledge.cities import common_word

ROOT = Path(__file__).resolve().parents[1]
LEXICONS = ROOT / "src/newsgraph/nlp/knowledge/lexicons"

HEADER = """\
# Organisation names -> ISO-3 of their home country: companies (MNC...), NGOs (NGO...) and non-state
# armed groups (...REB) of the PETRARCH-2 / Phoenix dictionaries (openeventdata/petrarch2 @
# 676801cd9cb2924bbbad09f86d15c9323e7097bf, petrarch2/data/dictionaries/Phoenix.International.actors.txt
# and Phoenix.MilNonState.actors.txt), derived by scripts/build_org_countries_lexicon.py.  Only entries
# whose code carries a country of countries.tsv are kept (Kosovo's KSV as XKX); entries with a date
# range (people in an office), names coded with two countries, names made of ordinary English words
# only ("YOUTH", "ARMY OF GOD") and short names that begin names of other countries' groups
# ("ISLAMIC JIHAD": LBN, but "ISLAMIC JIHAD UNION": UZB) are left out.
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

RECODE = {"KSV": "XKX"}
_CODES = re.compile(r"\[([A-Z]{3,})((?:\s[^\]]*)?)\]")


def country_codes() -> set[str]:
    """The ISO-3 codes of countries.tsv."""
    lines = (LEXICONS / "countries.tsv").read_text(encoding="utf-8").splitlines()
    return {line.split("\t", 1)[0] for line in lines if line and not line.startswith("#")}


def _country(code: str, countries: set[str]) -> str | None:
    """The country a Phoenix code carries: MNCUSA, NGODNKREF (after the prefix), IRQREB (first)."""
    cc = code[3:6] if code.startswith(("MNC", "NGO")) else code[:3]
    cc = RECODE.get(cc, cc)
    return cc if cc in countries else None


def entries(lines: list[str]) -> list[tuple[list[str], list[tuple[str, bool]]]]:
    """(names, [(code, has a date range)]) of each entry: its line, its "+" synonyms, its code lines."""
    out: list[tuple[list[str], list[tuple[str, bool]]]] = []
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("+"):
            if out:
                out[-1][0].append(line[1:].split("#")[0].split("[")[0].strip())
        elif line[0].isspace():
            if out:
                out[-1][1].extend((c, bool(d.strip())) for c, d in _CODES.findall(line.split("#")[0]))
        else:
            head = line.split("#")[0]
            name = head.split("[")[0].strip()
            out.append(([name], [(c, bool(d.strip())) for c, d in _CODES.findall(head)]))
    return out


def _clean(name: str) -> str:
    return name.strip("_").replace("_", " ").strip()


def org_countries(files: list[Path]) -> dict[str, str]:
    """Name -> country of every organisation entry with one country (module docstring)."""
    countries = country_codes()
    found: dict[str, set[str]] = {}
    for path in files:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        for names, codes in entries(lines):
            if not codes or any(dated for _, dated in codes):
                continue
            own = {c for code, _ in codes if (c := _country(code, countries))}
            if len(own) != 1:
                continue
            for name in map(_clean, names):
                if (
                    len(name) > 2
                    and "(" not in name
                    and not name.isdigit()
                    and not (" " not in name and common_word(name))
                ):
                    found.setdefault(name, set()).update(own)
    one = {name: next(iter(cc)) for name, cc in sorted(found.items()) if len(cc) == 1}
    return {
        name: cc for name, cc in one.items() if not _generic(name) and not _prefix_of_other(name, cc, found)
    }


def _generic(name: str) -> bool:
    """A name made of ordinary English words only ("ARMY OF GOD", "ANARCHIST STRUGGLE") names no one
    organisation; a single such word ("YOUTH") even less."""
    return all(common_word(w) for w in name.replace("-", " ").split())


def _prefix_of_other(name: str, cc: str, found: dict[str, set[str]]) -> bool:
    """ "ISLAMIC JIHAD" (LBN) begins the names of groups of other countries ("ISLAMIC JIHAD UNION",
    UZB): a short name shared across countries is ambiguous in news."""
    start = name + " "
    return any(other.startswith(start) and cc not in codes for other, codes in found.items())


def main(argv: list[str]) -> int:
    found = org_countries([Path(p) for p in argv[1:]])
    target = LEXICONS / "org_countries.tsv"
    target.write_text(HEADER + "".join(f"{name}\t{cc}\n" for name, cc in found.items()), encoding="utf-8")
    print(f"{len(found)} organisations -> {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
