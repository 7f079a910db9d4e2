"""scripts/build_event_lexicon.py on a dictionary snippet written for this test (TABARI format)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "build_event_lexicon.py"

SNIPPET = """\
&WEAPON_
+ROCKET
+MORTAR

---  DENOUNCE   [111]  ---
DENOUNCE
SCOLD [110]
- * (FOR &WEAPON)                                   [112]         # DENOUNCE

---  STAGE   [---]  ---
STAGE
- * RAID                                            [190]         # STAGE
- THE ARMY *                                        [190]         # STAGE

---  REMARK   [010]  ---
REMARK
+CRACK_DOWN {+CRACKED_DOWN} [175]
"""


def _module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_event_lexicon", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_verbs_patterns_and_light_verb_nouns() -> None:
    m = _module()
    sets, synsets = m.parse_dictionary(SNIPPET)
    assert sets["&WEAPON"] == ["rocket", "mortar"]
    plover = {"110": "ACCUSE", "111": "ACCUSE", "112": "ACCUSE", "175": "ASSAULT", "190": "ASSAULT"}
    tuning = m.Tuning(
        {"ACCUSE": "dobj", "ASSAULT": "dobj,on"},
        {"ASSAULT": "on"},
        frozenset({"ASSAULT"}),
        frozenset(),
        ("vow",),
        ("01",),
    )
    rows = {
        (e.kind, e.lemma, e.cameo, "|".join(e.when)) for e in m.build_entries(synsets, sets, plover, tuning)
    }
    assert ("verb", "denounce", "111", "") in rows and ("verb", "scold", "110", "") in rows
    assert ("verb", "denounce", "112", "rocket|mortar") in rows  # a &SET object condition
    assert ("verb", "stage", "190", "raid") in rows  # a light verb's object, not its subject pattern
    assert ("phrase", "crack down", "175", "") in rows  # coded though its synset is 01x
    assert not any(r[1] == "remark" for r in rows)  # 01x statements are skipped
    assert not any(r[0] == "noun" and r[1] == "raid" for r in rows)  # "raid" is no verb here
