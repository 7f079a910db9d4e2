"""The discourse layer: one test per sieve pass on sentences written for these tests, the
import rule that keeps it the only coreference path, and the records it hands on."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from newsgraph.core import make_doc
from newsgraph.extract.base import ExtractedArticle
from newsgraph.nlp.discourse import SIEVES, Discourse, discourse_of
from newsgraph.nlp.pipeline import load_pipeline

SRC = Path(__file__).resolve().parents[1] / "src" / "newsgraph"


def discourse(text: str) -> tuple[str, Discourse]:
    nlp = load_pipeline()
    doc = nlp(make_doc(nlp, ExtractedArticle(text=text, title=text.split("\n", 1)[0])))
    return doc.text, discourse_of(doc)


def link_at(text: str, d: Discourse, needle: str, nth: int = 0) -> tuple[str, str]:
    """(entity name, sieve) of the mention at the ``nth`` occurrence of ``needle``."""
    start = [m.start() for m in re.finditer(rf"\b{re.escape(needle)}\b", text)][nth]
    found = d.referent(start, start + len(needle))
    assert found is not None and found.entity is not None, f"{needle!r} is linked to nothing"
    return found.entity.name, found.sieve


# --- the import rule ---------------------------------------------------------------------


def _imports(folder: Path) -> list[tuple[Path, str]]:
    out = []
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                out.append((path, node.module))
            elif isinstance(node, ast.Import):
                out.extend((path, alias.name) for alias in node.names)
    return out


@pytest.mark.parametrize("stage", ["quotes", "events"])
def test_quotes_and_events_see_entities_only_through_the_discourse_layer(stage: str) -> None:
    forbidden = ("newsgraph.nlp.mentions", "newsgraph.nlp.entities", "newsgraph.nlp.discourse.")
    bad = [
        f"{path.name}: {module}"
        for path, module in _imports(SRC / "nlp" / stage)
        if module.startswith(forbidden)
    ]
    assert bad == [], "quotes/ and events/ may import only newsgraph.nlp.discourse itself"


def test_import_rule_would_catch_an_internal_import(tmp_path: Path) -> None:
    (tmp_path / "x.py").write_text("from newsgraph.nlp.discourse.names import Cluster\n")
    assert [m for _, m in _imports(tmp_path)] == ["newsgraph.nlp.discourse.names"]


def test_no_second_coreference_in_quotes_or_events() -> None:
    """The old fallbacks had their own pronoun and title lists; none may come back."""
    for stage in ("quotes", "events"):
        for path in (SRC / "nlp" / stage).rglob("*.py"):
            source = path.read_text(encoding="utf-8")
            for name in ("PERSON_PRONOUNS", "TITLE_WORDS", "_reporting_subject", "SpeakerResolver"):
                assert name not in source, f"{path.name} defines {name}"


# --- one test per pass, most precise first -------------------------------------------------


def test_sieves_are_ordered_and_carry_a_confidence() -> None:
    assert list(SIEVES)[:3] == ["exact", "appositive", "acronym"]
    assert all(0 < c <= 1 for c in SIEVES.values())


@pytest.mark.parametrize(
    ("text", "needle", "name"),
    [
        (
            "Talks\n\nMaria Okafor arrived on Monday. Maria Okafor left on Friday.",
            "Maria Okafor",
            "Maria Okafor",
        ),
        ("Vote\n\nThe Green Party won. Voters backed the Green Party again.", "Green Party", "Green Party"),
        ("Port\n\nHamburg reopened. Trucks reached Hamburg by noon.", "Hamburg", "Hamburg"),
    ],
)
def test_exact_pass(text: str, needle: str, name: str) -> None:
    text, d = discourse(text)
    assert link_at(text, d, needle, nth=1) == (name, "exact")


@pytest.mark.parametrize(
    ("text", "needle", "name"),
    [
        (
            "Strike\n\nDaniel Osei, spokesman for the port authority, said the strike was over.",
            "spokesman for the port authority",
            "Daniel Osei",
        ),
        (
            "Court\n\nLena Vogt, the chief prosecutor, said she would appeal.",
            "the chief prosecutor",
            "Lena Vogt",
        ),
        (
            "Budget\n\nPeter Lindqvist, finance minister of Sweden, presented the plan.",
            "finance minister of Sweden",
            "Peter Lindqvist",
        ),
    ],
)
def test_appositive_pass(text: str, needle: str, name: str) -> None:
    text, d = discourse(text)
    assert link_at(text, d, needle) == (name, "appositive")


@pytest.mark.parametrize(
    ("text", "short", "name"),
    [
        (
            "Aid\n\nThe World Food Programme (WFP) sent trucks. The WFP said more would follow.",
            "WFP",
            "World Food Programme",
        ),
        (
            "Water\n\nThe Northern Rivers Authority (NRA) closed the dam. The NRA said levels were high.",
            "NRA",
            "Northern Rivers Authority",
        ),
        (
            "Media\n\nReporters Without Borders (RSF) condemned the arrest. RSF called for a release.",
            "RSF",
            "Reporters Without Borders",
        ),
    ],
)
def test_acronym_pass(text: str, short: str, name: str) -> None:
    text, d = discourse(text)
    assert link_at(text, d, short, nth=1)[0] == name
    entity = next(e for e in d.entities if e.name == name)
    assert any(link.entity == entity.id and link.sieve == "acronym" for link in d.links)


@pytest.mark.parametrize(
    ("text", "needle", "name"),
    [
        ("Talks\n\nAmara Nwosu met the mayor. Later Nwosu spoke to reporters.", "Nwosu", "Amara Nwosu"),
        ("Trade\n\nKenji Watanabe signed the deal. Watanabe called it fair.", "Watanabe", "Kenji Watanabe"),
        ("Race\n\nSofia Marchetti won the vote. Marchetti thanked her team.", "Marchetti", "Sofia Marchetti"),
    ],
)
def test_surname_pass(text: str, needle: str, name: str) -> None:
    text, d = discourse(text)
    assert link_at(text, d, needle, nth=1) == (name, "surname")


@pytest.mark.parametrize(
    ("text", "needle", "name"),
    [
        (
            "Studio\n\nIsabel Ruiz founded the studio. Later Isabel hired ten artists.",
            "Isabel",
            "Isabel Ruiz",
        ),
        ("Band\n\nThomas Berg plays the drums. Fans cheered when Thomas sang.", "Thomas", "Thomas Berg"),
        (
            "Farm\n\nMonika Weiss runs the farm. Every morning Monika feeds the goats.",
            "Monika",
            "Monika Weiss",
        ),
    ],
)
def test_given_name_used_alone_joins_the_full_name(text: str, needle: str, name: str) -> None:
    text, d = discourse(text)
    assert link_at(text, d, needle, nth=1) == (name, "surname")


@pytest.mark.parametrize(
    ("text", "needle", "name"),
    [
        (
            "Talks\n\nForeign Minister Ana Costa flew to Rome. The foreign minister met her counterpart.",
            "The foreign minister",
            "Ana Costa",
        ),
        (
            "Health\n\nHealth Secretary Tom Price visited the clinic. The Health Secretary praised staff.",
            "The Health Secretary",
            "Tom Price",
        ),
        (
            "Embassy\n\nAmbassador Mark Obi met the minister. Later the ambassador addressed the press.",
            "the ambassador",
            "Mark Obi",
        ),
    ],
)
def test_title_pass(text: str, needle: str, name: str) -> None:
    text, d = discourse(text)
    assert link_at(text, d, needle) == (name, "title")


@pytest.mark.parametrize(
    ("text", "needle", "name"),
    [
        (
            "Visit\n\nVice President Ana Costa met President Omar Haddad in Rome. The Vice President"
            " said the talks went well.",
            "The Vice President",
            "Ana Costa",
        ),
        (
            "Budget\n\nDeputy Minister Tom Price and Minister Karl Weber toured the port. The deputy"
            " minister praised the staff.",
            "The deputy minister",
            "Tom Price",
        ),
        (
            "Aid\n\nAssistant Secretary Lena Park flew in after Secretary Mark Obi. The Assistant"
            " Secretary met the donors.",
            "The Assistant Secretary",
            "Lena Park",
        ),
        (
            "Visit\n\nPresident Omar Haddad met Vice President Ana Costa in Rome. The President said"
            " the talks went well.",
            "The President",
            "Omar Haddad",
        ),
    ],
)
def test_a_lower_office_is_not_its_head_title(text: str, needle: str, name: str) -> None:
    """ "the Vice President" is the vice president, not the nearest president: the words that
    make another office (vice, deputy, assistant) must agree between the title and its holder."""
    text, d = discourse(text)
    assert link_at(text, d, needle) == (name, "title")


@pytest.mark.parametrize(
    ("text", "needle", "name"),
    [
        (
            "Rights\n\nAmnesty International published a report. The organization said prisons were full.",
            "The organization",
            "Amnesty International",
        ),
        (
            "Phones\n\nNokia cut 500 jobs on Monday. The company said sales had fallen.",
            "The company",
            "Nokia",
        ),
        (
            "Press\n\nThe Guardian published the leak. The newspaper said its sources were reliable.",
            "The newspaper",
            "The Guardian",
        ),
    ],
)
def test_description_pass(text: str, needle: str, name: str) -> None:
    text, d = discourse(text)
    assert link_at(text, d, needle)[1] == "description"
    assert link_at(text, d, needle)[0].removeprefix("The ") == name.removeprefix("The ")


def test_documents_speak_for_their_authors() -> None:
    text, d = discourse(
        "Report\n\nA Human Rights Watch report said the camps were full. The report also said food was short."
    )
    for nth in (0, 1):
        start = -1
        for _ in range(nth + 1):
            start = text.index("report", start + 1)
        found = d.referent(start, start + len("report"))
        assert found is not None and found.name == "Human Rights Watch"


@pytest.mark.parametrize(
    ("text", "pronoun", "name"),
    [
        # gender as a hard filter: the nearer person of the other gender is skipped
        (
            "Talks\n\nMargaret Hale met Robert Quinn in Paris. She said the talks went well.",
            "She",
            "Margaret Hale",
        ),
        (
            "Talks\n\nMargaret Hale met Robert Quinn in Paris. He said the talks went well.",
            "He",
            "Robert Quinn",
        ),
        # salience across a paragraph break
        (
            "Profile\n\nJonathan Mbeki founded the clinic in 1990.\n\nYears later he opened a second one.",
            "he",
            "Jonathan Mbeki",
        ),
        # a person known by a given name alone has its gender ("Jason" is not "she")
        ("Visit\n\nJason met Maria Lopez in Rome. She said the visit went well.", "She", "Maria Lopez"),
        ("Visit\n\nSarah met Peter Novak in Oslo. He said the visit went well.", "He", "Peter Novak"),
        # number: "they" takes an organisation, never a person
        ("Deal\n\nToyota met Peter Brandt. They agreed to build a plant.", "They", "Toyota"),
    ],
)
def test_pronoun_pass(text: str, pronoun: str, name: str) -> None:
    text, d = discourse(text)
    assert link_at(text, d, pronoun) == (name, "pronoun")


def test_quoted_he_is_not_the_speaker_of_the_quotation() -> None:
    text, d = discourse(
        'Art\n\nPablo Ruiz painted the mural. "He worked for months," said David Hart, the curator.'
    )
    assert link_at(text, d, "He") == ("Pablo Ruiz", "pronoun")


@pytest.mark.parametrize(
    "text",
    [
        "Floods\n\nNAIROBI (Reuters) - Officials said the river had burst its banks.",
        "Vote\n\nLONDON — The finance minister said taxes would rise.",
        "Talks\n\nMOSCOW, March 3 (AP) — The talks ended without a deal, officials said.",
    ],
)
def test_a_dateline_is_never_a_subject(text: str) -> None:
    from newsgraph.core import analyze

    article = analyze(text)
    dateline = text.split("\n\n", 1)[1].split()[0].strip(",")
    start = article.text.index(dateline)
    for entity in article.entities:  # the city of the dateline is no government that acts
        for m in entity.mentions:
            if m.start == start:
                assert entity.name.upper() == dateline, (entity.name, dateline)
    assert all(q.speaker is None or q.speaker.upper() != dateline for q in article.quotes)
    assert all(e.source is None or e.source.upper() != dateline for e in article.events)


def test_every_link_names_its_pass() -> None:
    _, d = discourse("Talks\n\nAmara Nwosu met the mayor. Later Nwosu said she was pleased.")
    assert d.links and all(link.sieve in SIEVES for link in d.links)
    assert {link.sieve for link in d.links} >= {"exact", "surname", "pronoun"}
    assert all(0 < link.confidence <= 1 for link in d.links)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Farm\n\nMonika Weiss runs the farm. Every morning Monika feeds the goats.", "Monika Weiss"),
        ("Race\n\nSofia Marchetti won the vote. Marchetti thanked her team.", "Sofia Marchetti"),
        ("Talks\n\nMargaret Hale met Robert Quinn in Paris.", "Margaret Hale"),
    ],
)
def test_people_the_model_missed_are_found_by_their_given_name(text: str, name: str) -> None:
    _, d = discourse(text)
    assert any(e.name == name and e.type == "PERSON" for e in d.entities), [e.name for e in d.entities]


def test_a_given_name_does_not_turn_an_organisation_into_a_person() -> None:
    _, d = discourse("Press\n\nThe Jordan Times reported the vote. Maria Lopez said it was fair.")
    assert not any(e.type == "PERSON" and "Times" in e.name for e in d.entities)


@pytest.mark.parametrize(
    ("text", "pronoun", "name"),
    [
        (
            "Jobs\n\nLena Brandt hired Omar Haddad. Haddad, who had told Brandt he would stay, left in May.",
            "he",
            "Omar Haddad",
        ),
        (
            "Court\n\nPaul Meyer sued Ian Cole. Cole, who told Meyer he would settle, paid nothing.",
            "he",
            "Ian Cole",
        ),
        (
            "Deal\n\nAnna Kovac met Tom Reed. Reed, who assured Kovac he was ready, signed the deal.",
            "he",
            "Tom Reed",
        ),
    ],
)
def test_reported_subject_through_a_relative_pronoun(text: str, pronoun: str, name: str) -> None:
    text, d = discourse(text)
    assert link_at(text, d, pronoun)[0] == name


@pytest.mark.parametrize(
    ("text", "pronoun", "name"),
    [
        (
            "Visit\n\nThe talks ended late. Discussing his plans in a statement, Prime Minister Omar Said "
            "promised new roads.",
            "his",
            "Omar Said",
        ),
        (
            "Tour\n\nThe tour began on Monday. After her speech in Lagos, Amina Bello flew to Accra.",
            "her",
            "Amina Bello",
        ),
        (
            "Ruling\n\nThe court sat for a week. Announcing his decision on Friday, Judge Karl Weber "
            "rejected the appeal.",
            "his",
            "Karl Weber",
        ),
    ],
)
def test_a_pronoun_in_a_fronted_modifier_points_to_the_named_subject(
    text: str, pronoun: str, name: str
) -> None:
    text, d = discourse(text)
    assert link_at(text, d, pronoun)[0] == name


@pytest.mark.parametrize("name", ["Hall Station", "Castle Road", "Sinai Desert"])
def test_a_place_or_facility_head_makes_no_person(name: str) -> None:
    from newsgraph.nlp.mentions.name_types import drop_span as _drop

    nlp = load_pipeline()
    doc = nlp.make_doc(f"They met near {name} on Monday.")
    start = 3
    assert _drop(doc, start, start + 2, "PERSON")
    assert not _drop(nlp.make_doc("They met Stuart Hall on Monday."), 2, 4, "PERSON")


def test_a_name_particle_is_no_given_name() -> None:
    _, d = discourse("Media\n\nAl Arabiya broadcast the speech. Viewers in Cairo watched it.")
    assert not any(e.type == "PERSON" and "Arabiya" in e.name for e in d.entities)


def test_component_knobs_come_through_default_config() -> None:
    import spacy

    from newsgraph.nlp.pipeline import add_components, resolve_model_name
    from newsgraph.settings import Settings

    nlp = add_components(spacy.load(resolve_model_name(Settings())))
    assert nlp.get_pipe_config("newsgraph_entities") == {
        "factory": "newsgraph_entities",
        "pronoun_window": 3,
        "paragraphs_back": 1,
    }
    assert nlp.get_pipe_config("newsgraph_quotes")["frame_gap"] == 8
    text = (
        "Profile\n\nThe doctor Jonathan Mbeki founded the small clinic in the northern town in 1990 "
        "with money from his family.\n\nThe town grew quickly in the following years and new roads "
        "were built.\n\nYears later he opened a second clinic in the capital."
    )

    def he_linked() -> bool:
        doc = nlp(make_doc(nlp, ExtractedArticle(text=text, title="Profile")))
        he = text.rindex(" he ") + 1
        return any(m.start == he for e in discourse_of(doc).entities for m in e.mentions)

    assert he_linked()
    nlp.replace_pipe(
        "newsgraph_entities", "newsgraph_entities", config={"pronoun_window": 0, "paragraphs_back": 0}
    )
    assert not he_linked()


@pytest.mark.parametrize(
    ("long_form", "short"),
    [
        ("Special Tribunal Lebanon", "STL-LB"),
        ("Joint Task Force Guam", "JTF-GU"),
        ("Regional Police Mission Kosovo", "RPM-KO"),
        ("National Election Commission Liberia", "NEC-LR"),
    ],
)
def test_a_hyphenated_short_form_defined_in_brackets_joins_its_long_form(long_form: str, short: str) -> None:
    text = f"{long_form} ({short}) announced the verdict on Monday. {short} said the trial had ended."
    entities = discourse("Aid news\n\n" + text)[1].entities
    assert [(e.name, e.aliases) for e in entities if e.type == "ORG"] == [(long_form, (short,))]


def test_a_hyphenated_short_form_must_spell_the_name_before_its_bracket() -> None:
    """ "Office Jakarta (RSO-JKT)": the place right before the bracket is not what the short form
    stands for."""
    text = "Aid news\n\nThe Regional Security Office Jakarta (RSO-JKT) issued a warning. RSO-JKT said more."
    entities = discourse(text)[1].entities
    assert not any("RSO-JKT" in e.aliases and e.type == "GPE" for e in entities)


@pytest.mark.parametrize(
    ("text", "needle", "name"),
    [
        (
            "Crisis\n\nDefence minister Jorge Uribe visited the border in May. Uribe said the troops were"
            " ready.\n\nLater, President Alvaro Uribe met the envoy. Uribe proposed a special commission.",
            "Uribe proposed",
            "Alvaro Uribe",
        ),
        (
            "Cabinet\n\nFinance minister Ana Costa presented the budget. Costa said taxes would fall.\n\nOn"
            " Friday the mayor, Lena Costa, opened the bridge. Costa said the bridge cost less.",
            "Costa said the bridge",
            "Lena Costa",
        ),
        (
            "Visit\n\nSenator Tom Becker met the farmers. Becker said prices were too low.\n\nHis brother"
            " Paul Becker, a banker, spoke later. Becker said the loans would be cut.",
            "Becker said the loans",
            "Paul Becker",
        ),
    ],
)
def test_a_shared_surname_right_after_a_full_name_is_that_person(text: str, needle: str, name: str) -> None:
    """Two people share a surname: a bare surname just after one of them is named in full
    means that one, not the one mentioned more often."""
    text, d = discourse(text)
    surname = needle.split()[0]
    assert link_at(text, d, surname, nth=text[: text.index(needle)].count(surname))[0] == name


def test_a_shared_surname_far_from_the_namesake_is_the_main_person() -> None:
    """A biography names the father once; "Weber" paragraphs later is still its subject."""
    text = (
        "Profile\n\nAnna Weber was born in Bonn in 1950. Weber studied law in Cologne and worked as a"
        " judge for many years before she entered politics. Her father, Karl Weber, was a baker.\n\n"
        "After the war the family moved to Berlin, where the children went to school and the shop"
        " was rebuilt with help from the town council and from friends of the family in the east."
        " In 1990 the city named a square after the shop, and the family opened a second one nearby"
        " for the visitors who came to see it.\n\nWeber was elected to parliament in 1994."
    )
    text, d = discourse(text)
    assert link_at(text, d, "Weber", nth=text.count("Weber") - 1)[0] == "Anna Weber"
