"""The events component, one rule at a time, on sentences written for these tests."""

from __future__ import annotations

from functools import cache

import pytest

from newsgraph.core import make_doc
from newsgraph.extract.base import ExtractedArticle
from newsgraph.nlp.events.component import extract_events
from newsgraph.nlp.knowledge.event_lexicon import PLOVER_TYPES, load_event_lexicon, parse_triggers
from newsgraph.nlp.pipeline import load_pipeline
from newsgraph.records import Event, Quote


@cache
def analysed(text: str) -> tuple[tuple[Event, ...], tuple[Quote, ...]]:
    nlp = load_pipeline()
    doc = nlp(make_doc(nlp, ExtractedArticle(text=text)))
    return tuple(doc._.ng_events or []), tuple(doc._.ng_quotes or [])


def events(text: str) -> list[tuple[str | None, str, str, str | None]]:
    """``(source, plover, cameo, target)`` of each event coded in ``text``."""
    return [(e.source, e.plover, e.cameo, e.target) for e in analysed(text)[0]]


def types(text: str) -> list[str]:
    return [e.plover for e in analysed(text)[0]]


# -- arguments -------------------------------------------------------------------------


def test_active_subject_is_source_and_object_is_target() -> None:
    assert events("Russia attacked Ukraine on Friday.") == [("Russia", "ASSAULT", "190", "Ukraine")]


def test_passive_agent_is_source_and_subject_is_target() -> None:
    found = analysed("Ukraine was attacked by Russia on Friday.")[0]
    assert [(e.source, e.plover, e.target) for e in found] == [("Russia", "ASSAULT", "Ukraine")]
    assert found[0].source_country == "RUS" and found[0].target_country == "UKR"


def test_state_agents_stand_for_their_country() -> None:
    found = analysed("Iranian police arrested the journalist on Monday.")[0]
    assert [(e.source, e.source_country, e.plover, e.cameo) for e in found] == [
        ("Iran", "IRN", "COERCE", "173")
    ]


def test_coordinated_actors_give_one_event_each() -> None:
    assert {(s, t) for s, _, _, t in events("France and Germany criticised Russia and Belarus.")} == {
        ("France", "Russia"),
        ("France", "Belarus"),
        ("Germany", "Russia"),
        ("Germany", "Belarus"),
    }


def test_agentless_arrest_is_the_state_where_it_happened() -> None:
    assert events("The reporter was arrested in Pakistan in 2002.")[0][:3] == ("Pakistan", "COERCE", "173")


def test_no_actor_no_event() -> None:
    # an attack told by its weapon ("a roadside bomb killed") is the unknown attackers' (CAMEO
    # "BOMBING/EXPLOSION *"): test_events_acts.py; with no weapon and no author there is no event
    assert events("Two soldiers were killed near Kabul on Monday.") == []


def test_light_verb_with_its_object_codes_the_object() -> None:
    assert events("U.S. helicopters launched airstrikes on the town.")[0][:3] == (
        "United States",
        "ASSAULT",
        "195",
    )


# -- modality and polarity ---------------------------------------------------------------


def test_negated_act_is_not_coded() -> None:
    assert types("Russia did not attack Ukraine on Friday.") == []


def test_negated_agreement_is_a_rejection() -> None:
    assert events("Syria will not accept the proposal from Turkey.")[0][1:3] == ("REJECT", "120")


def test_refusal_codes_the_refusal_not_the_act() -> None:
    assert types("Iran refused to release the journalists.") == ["REJECT"]


def test_declining_to_comment_is_not_coded() -> None:
    assert types("The ministry declined to comment on the arrests.") == []


@pytest.mark.parametrize(
    "text",
    [
        "If Israel attacks Iran, the region will suffer.",
        "China could impose sanctions on Japan.",
        "The army was ordered to free the hostages.",
    ],
)
def test_hypothetical_acts_are_not_coded(text: str) -> None:
    assert types(text) == []


def test_question_is_not_coded() -> None:
    assert types("Will France sanction Russia over the election?") == []


def test_future_cooperation_is_intent_03x() -> None:
    assert events("Germany will send aid to Ukraine.") == [("Germany", "AGREE", "033", "Ukraine")]


def test_expressed_intent_is_intent_not_the_act() -> None:
    assert events("Syria is willing to withdraw its troops from Lebanon.")[0][:3] == ("Syria", "AGREE", "035")
    found = events("The minister expressed France's openness to talks with Algeria.")
    assert [e[1:3] for e in found] == [("AGREE", "036")]


def test_threatened_force_is_a_threat() -> None:
    assert events("Iran vowed to attack Israel.") == [("Iran", "THREATEN", "138", "Israel")]
    assert types("Iran threatened to shell Iraqi towns.") == ["THREATEN"]


def test_content_of_a_demand_is_not_coded_separately() -> None:
    assert types("The senators urged the president to bomb the bases.") == ["REQUEST"]


def test_warning_that_something_may_happen_is_an_opinion() -> None:
    assert types("Officials warned that the death toll is likely to rise.") == []


def test_must_in_reported_speech_is_a_demand() -> None:
    assert events("Britain said Libya must hand over the suspects.") == [
        ("United Kingdom", "REQUEST", "100", "Libya")
    ]


# -- statements and quotes ---------------------------------------------------------------


def test_event_in_a_quote_is_the_speakers_and_linked_to_it() -> None:
    found, quotes = analysed(
        '"We condemn the attack on our embassy," said Russian Foreign Minister Sergei Lavrov.'
    )
    assert [(e.source, e.plover, e.cameo) for e in found] == [("Sergei Lavrov", "ACCUSE", "111")]
    assert found[0].quote == 0 and quotes[0].speaker == "Sergei Lavrov"


def test_event_coded_from_a_cue_is_linked_to_its_quote() -> None:
    found, quotes = analysed("Peskov accused Washington of prolonging the war in Ukraine.")
    assert [(e.plover, e.cameo, e.target_country) for e in found] == [("ACCUSE", "112", "USA")]
    assert found[0].quote is not None and quotes[found[0].quote].cue is not None


def test_events_carry_codebook_fields_and_evidence() -> None:
    text = "Russia attacked Ukraine on Friday."
    (event,) = analysed(text)[0]
    assert (event.quad_class, event.goldstein) == (4, -10.0)
    assert text[event.evidence.start : event.evidence.end] == "Russia attacked Ukraine on Friday"


# -- lexicon -----------------------------------------------------------------------------


def test_lexicon_codes_are_known_and_types_are_plover() -> None:
    lexicon = load_event_lexicon()
    for triggers in (*lexicon.verbs.values(), *lexicon.nouns.values()):
        for trigger in triggers:
            assert trigger.plover in PLOVER_TYPES
            assert lexicon.code(trigger.cameo) is not None, trigger


def test_lexicon_rejects_unknown_types() -> None:
    with pytest.raises(ValueError, match="line 1"):
        parse_triggers("verb\tattack\tFIGHT\t190\tdobj\t-\n")


def test_component_runs_on_a_doc_without_entities_or_quotes() -> None:
    nlp = load_pipeline()
    with nlp.select_pipes(disable=["newsgraph_entities", "newsgraph_quotes", "newsgraph_events"]):
        doc = nlp("Russia attacked Ukraine.")
    assert isinstance(extract_events(doc), list)


def test_data_is_no_speaker_actor_but_people_and_written_sources_are() -> None:
    from newsgraph.nlp.discourse import Discourse
    from newsgraph.nlp.events.actors import ActorResolver
    from newsgraph.records import TextSpan

    text = (
        "Floods\n\nMore than 30,000 people fled, according to UN figures. "
        "The Red Cross operating in the valley said aid must reach them. "
        "A declaration by the farmers demanded compensation."
    )
    nlp = load_pipeline()
    doc = nlp(make_doc(nlp, ExtractedArticle(text=text)))
    resolver = ActorResolver(doc, Discourse((), (), (), None), [])

    def speaker(description: str) -> str | None:
        start = text.index(description)
        mention = TextSpan(description, start, start + len(description))
        quote = Quote("x", 0, 1, "indirect", speaker=description, speaker_mention=mention)
        actor = resolver.speaker_actor(quote)
        return actor.name if actor else None

    assert speaker("UN figures") is None
    assert speaker("The Red Cross operating in the valley") == "Red Cross operating in the valley"
    assert speaker("A declaration by the farmers") == "declaration by the farmers"
