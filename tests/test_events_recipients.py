"""Who an event is by and to (issue 13, targets and false events): general constructions of
the recipient and of coordinated actors, each rule on three or more sentences written for these
tests, with guards it must not fire on."""

from __future__ import annotations

import pytest

from tests._event_support import coded


def _pairs(text: str) -> set[tuple[str | None, str]]:
    return {(source, plover) for source, plover, _ in coded(text)}


# -- two subjects: the one next to the verb acts ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "South America — On Monday, Chilean troops attacked rebel camps near the border.",
            ("Chile", "ASSAULT"),
        ),
        (
            "Central America — On Monday, Guatemalan troops attacked rebel camps near the Mexican border.",
            ("Guatemala", "ASSAULT"),
        ),
        (
            "West Africa — On Monday, Malian troops attacked rebel positions near Kidal.",
            ("Mali", "ASSAULT"),
        ),
        (
            "East Africa — On Monday, Ethiopian troops attacked rebel positions near the Eritrean border.",
            ("Ethiopia", "ASSAULT"),
        ),
    ],
)
def test_of_two_subjects_the_one_next_to_the_verb_acts(text: str, expected: tuple[str, str]) -> None:
    assert expected in _pairs(text)


def test_a_relative_object_is_no_subject_even_next_to_the_verb() -> None:
    # "which" is nearer the verb but is its object: the named subject acts
    events = coded("Malaysia turned away boats which the United Nations has criticised.")
    assert ("United Nations", "ACCUSE") in {(s, p) for s, p, _ in events}

