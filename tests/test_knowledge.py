"""The lexicon loader: every shipped data file loads, and a malformed one fails with its line."""

from __future__ import annotations

import pickle
from importlib import resources
from pathlib import Path

import pytest

from newsgraph.errors import LexiconError, NewsgraphError
from newsgraph.extract.dates import load_lexicon as extract_list
from newsgraph.nlp.discourse.salience import FEATURES
from newsgraph.nlp.discourse.salience import weights as pronoun_weights
from newsgraph.nlp.events.confidence import FEATURES as EVENT_FEATURES
from newsgraph.nlp.events.confidence import shipped_weights as event_weights
from newsgraph.nlp.events.phrases import agent_nouns
from newsgraph.nlp.knowledge.cues import load_lexicon, parse_lexicon
from newsgraph.nlp.knowledge.event_lexicon import load_event_lexicon, parse_plover, parse_triggers
from newsgraph.nlp.knowledge.gazetteer import ORGS, PLACES, gazetteer, given_name_gender
from newsgraph.nlp.knowledge.org_countries import org_home_country
from newsgraph.nlp.knowledge.tsv import COUNTRIES, Schema, parse_list, parse_table, read_table
from newsgraph.nlp.knowledge.wordlists import parse_wordlists, wordlist
from newsgraph.nlp.quotes.ranking import FEATURES as SPEAKER_FEATURES
from newsgraph.nlp.quotes.ranking import shipped_weights as speaker_weights

LEXICONS = Path(str(resources.files("newsgraph.nlp.knowledge").joinpath("lexicons")))
EXTRACT_LISTS = Path(str(resources.files("newsgraph.extract").joinpath("lexicons")))


def _bad(tmp_path: Path, text: str, schema: Schema) -> LexiconError:
    """Write ``text`` to a file, load it, and return the error it must raise."""
    path = tmp_path / "bad.tsv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        parse_table(path.read_text(encoding="utf-8"), schema, path.name)
    return info.value


def test_error_is_a_picklable_newsgraph_error() -> None:
    error = LexiconError("titles.tsv", 12, "empty 'title'")
    assert isinstance(error, NewsgraphError) and isinstance(error, ValueError)
    copy = pickle.loads(pickle.dumps(error))
    assert (str(copy), copy.source, copy.line, copy.reason) == (str(error), "titles.tsv", 12, "empty 'title'")


def test_wrong_column_count_names_file_and_line(tmp_path: Path) -> None:
    error = _bad(tmp_path, "# header\nBerlin\tDEU\nParis\n", PLACES)
    assert str(error) == "bad.tsv line 3: 1 columns, expected 2"
    error = _bad(tmp_path, "Berlin\tDEU\textra\n", PLACES)
    assert error.line == 1 and "3 columns" in str(error)


def test_empty_required_field(tmp_path: Path) -> None:
    error = _bad(tmp_path, "United Nations\t\t\tIGOUNO\n", ORGS)
    assert str(error) == "bad.tsv line 1: empty 'canonical'"


def test_duplicate_key_points_at_both_lines(tmp_path: Path) -> None:
    error = _bad(tmp_path, "Berlin\tDEU\n\n# comment\nBerlin\tDEU\n", PLACES)
    assert error.line == 4 and "first on line 1" in str(error)


def test_unknown_country_code(tmp_path: Path) -> None:
    error = _bad(tmp_path, "Berlin\tDEU\nDresden\tXQZ\n", PLACES)
    assert str(error) == "bad.tsv line 2: unknown iso3 code 'XQZ' in 'iso3'"


def test_unknown_cameo_code_and_plover_type() -> None:
    with pytest.raises(LexiconError, match="line 2: unknown cameo code '999'"):
        parse_triggers("verb\tattack\tASSAULT\t190\tdobj\t-\nverb\tpunch\tASSAULT\t999\tdobj\t-\n")
    with pytest.raises(LexiconError, match=r"events\.tsv line 1: unknown plover code 'FIGHT'"):
        parse_triggers("verb\tattack\tFIGHT\t190\tdobj\t-\n")
    with pytest.raises(LexiconError, match=r"x\.tsv line 1: unknown plover"):
        parse_plover("cameo\t190\tFIGHT\t\n", "x.tsv")


def test_newer_cameo_code_needs_a_known_parent() -> None:
    parse_triggers("verb\thack\tCOERCE\t176\tdobj\t-\tcyber\n")  # 176 (cyber) under root 17
    with pytest.raises(LexiconError, match="unknown cameo code '215'"):
        parse_triggers("verb\thack\tCOERCE\t215\tdobj\t-\n")


def test_trigger_rows_need_type_and_code_and_unique_conditions() -> None:
    with pytest.raises(LexiconError, match="line 1: a trigger needs"):
        parse_triggers("verb\tattack\t-\t-\tdobj\t-\n")
    with pytest.raises(LexiconError, match="line 2: duplicate key"):
        parse_triggers("intent\tvow\t-\t-\t-\t-\nintent\tvow\t-\t-\t-\t-\n")


def test_cue_lexicon_errors_carry_the_line() -> None:
    with pytest.raises(LexiconError, match=r"cues\.tsv line 2: unknown kind 'verbb'"):
        parse_lexicon("verb\tsay\tccomp\nverbb\ttell\tccomp\n")
    with pytest.raises(LexiconError, match="line 2: duplicate key"):
        parse_lexicon("verb\tsay\tccomp\nverb\tSay\txcomp\n")


def test_plain_lists_refuse_repeats() -> None:
    assert parse_list("# c\nby\nwritten  by # inline comment\n", "x.txt") == ("by", "written  by")
    with pytest.raises(LexiconError, match=r"x\.txt line 3: duplicate entry 'Written by'"):
        parse_list("by\nwritten by\nWritten by\n", "x.txt")


def test_every_shipped_lexicon_loads() -> None:
    g = gazetteer()
    assert g.country_names["Germany"].iso3 == "DEU" and "secretary of state" in g.titles
    assert load_event_lexicon().verbs["attack"] and load_lexicon().verb_patterns("say") is not None
    assert "soldier" in agent_nouns() and wordlist("speech_verbs")
    read = {"countries.tsv", "places.tsv", "titles.tsv", "title_modifiers.tsv", "orgs.tsv", "org_words.tsv"}
    read |= {"names.tsv", "events.tsv", "cameo_codes.tsv", "cameo_plover.tsv", "cues.tsv", "agent_nouns.tsv"}
    read |= {"given_names.tsv", "criticism.tsv", "wordlists.tsv", "pronoun_weights.tsv"}
    read |= {"judgement_words.tsv", "speaker_weights.tsv", "org_countries.tsv", "event_weights.tsv"}
    assert org_home_country("the Mahdi Army") == "IRQ" and org_home_country("Islamic Jihad") is None
    assert len(speaker_weights()) == len(SPEAKER_FEATURES)
    assert len(event_weights()) == len(EVENT_FEATURES) + 1  # the weights, then the threshold
    assert {"shameful", "outrageous"} <= load_event_lexicon().judgement
    assert len(pronoun_weights()) == len(FEATURES)
    shipped = {p.name for p in LEXICONS.iterdir() if p.suffix == ".tsv"}
    assert shipped <= read, f"lexicons without a validated reader: {sorted(shipped - read)}"
    for path in EXTRACT_LISTS.glob("*.txt"):
        assert extract_list(path.name), path.name


def test_country_codes_are_iso_3166() -> None:
    pycountry = pytest.importorskip("pycountry")
    iso = {c.alpha_3 for c in pycountry.countries}
    former = {c.alpha_3 for c in pycountry.historic_countries}  # ISO 3166-3: the Soviet Union ...
    codes = {row["iso3"] for row in read_table("countries.tsv", COUNTRIES)}
    # XKX: Kosovo has no ISO 3166-1 code; XKX is the user-assigned code the European Commission,
    # the IMF and the World Bank use (CAMEO and Phoenix write KSV; places.tsv is recoded to match).
    assert codes - iso - former == {"XKX"}


def test_given_names_come_with_a_gender_hint_or_none() -> None:
    assert (given_name_gender("Mary"), given_name_gender("JOHN")) == ("f", "m")
    assert given_name_gender("José") == given_name_gender("Jose") == "m"
    assert given_name_gender("Kim") is None  # used by both sexes
    assert given_name_gender("Xqzt") is None
    g = gazetteer()  # the table pronoun resolution reads: honorifics and given names
    assert g.genders["Mrs."] == "f" and g.genders["Fidel"] == "m" and "Kim" not in g.genders
    assert "Mr" in g.honorifics and "Mary" not in g.honorifics


def test_conditions_may_name_a_word_set() -> None:
    parsed = parse_triggers(
        "verb\tcall\tACCUSE\t111\tdobj\t&criticism\n", sets={"criticism": frozenset({"x"})}
    )
    assert parsed.verbs["call"][0].when == frozenset({"x"})
    with pytest.raises(LexiconError, match="line 1: unknown word set '&nope'"):
        parse_triggers("verb\tcall\tACCUSE\t111\tdobj\t&nope\n")
    lexicon = load_event_lexicon()
    (call,) = [t for t in lexicon.verbs["call"] if t.plover == "ACCUSE"]
    assert "unacceptable" in lexicon.criticism and "unacceptable" in call.when


def test_word_lists_are_named_once_and_hold_no_repeats() -> None:
    lists = parse_wordlists("a\tx\tfirst list\na\ty\n\nb\tx\n")
    assert lists == {"a": frozenset({"x", "y"}), "b": frozenset({"x"})}
    with pytest.raises(LexiconError, match="line 2: duplicate key 'a / x'"):
        parse_wordlists("a\tx\na\tx\n")
    with pytest.raises(
        LexiconError, match=r"line 3: list 'a' continues here but began in another block \(line 1\)"
    ):
        parse_wordlists("a\tx\nb\ty\na\tz\n")
    assert wordlist("possessive") == frozenset({"'s", "’s", "'", "’"})
    assert "who" in wordlist("relative_pronouns") and "The" in wordlist("determiners")
    with pytest.raises(KeyError, match="no word list 'nope'"):
        wordlist("nope")
