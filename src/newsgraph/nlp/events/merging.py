"""Repeated mentions of one act, merged into one event.

An article tells an act more than once (the lead, the body, a quote).  Repeated mentions (same
source, type, CAMEO code and trigger word; same or unstated target) are one event, and so are
acts of one source and type told by several words in one sentence ("killed two men and wounded
two more in a gun attack" is one attack; same or unstated target).  A merged event keeps the
first evidence and gains a target a later mention states.

A mention marked as a repetition of the act ("were detained again", "offered anew") tells a new
act: "again" presupposes an earlier one, so it is never merged with an unmarked mention.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence, Set
from dataclasses import dataclass, replace

from spacy.tokens import Token

from newsgraph.records import Event

#: Adverbs that tell an act as one more of its kind ("detained again"): a new act, no repeat.
ITERATIVE_ADVERBS = frozenset({"again", "anew", "afresh"})


@dataclass(frozen=True, slots=True)
class Coded:
    """An event with the trigger lemma it came from (the key of de-duplication)."""

    event: Event
    lemma: str
    again: bool = False  # told as one more act of its kind ("were detained again")


def told_again(trigger: Token) -> bool:
    """Whether the trigger is told as a new act of its kind: "were detained again"."""
    return any(c.dep_ == "advmod" and c.lower_ in ITERATIVE_ADVERBS for c in trigger.children)


def _key(name: str | None) -> str:
    return " ".join((name or "").lower().removeprefix("the ").split())


def _same_act(a: Coded, b: Coded, one_sentence: bool = False, countries: Set[str] = frozenset()) -> bool:
    """The same act mentioned again: same source, type, code and trigger word, or -- within
    one sentence -- same source and type told by another word ("killed two men and wounded
    two more in a gun attack" is one attack); same or unstated target, or the same target
    state told at two grains (:func:`_same_state`)."""
    ea, eb = a.event, b.event
    return (
        a.again == b.again
        and ((a.lemma == b.lemma and ea.cameo == eb.cameo) or (one_sentence and ea.quote == eb.quote))
        and ea.plover == eb.plover
        and _key(ea.source) == _key(eb.source)
        and (
            ea.target is None
            or eb.target is None
            or _key(ea.target) == _key(eb.target)
            or _same_state(ea, eb, countries)
        )
    )


def _same_state(a: Event, b: Event, countries: Set[str]) -> bool:
    """A meeting with a state and a meeting with one of its people, told after or before it, are
    one meeting at two grains ("met with Israeli leaders" ... "met with Shimon Peres, the Israeli
    president"): CAMEO codes a state's leaders and officials at the level of the state, so both
    mentions are one dyad.  ``countries`` holds the entity ids of the countries themselves."""
    if a.plover != "CONSULT" or a.target_country is None or a.target_country != b.target_country:
        return False
    return (a.target_entity in countries) != (b.target_entity in countries)


def merge_repeats(
    coded: Sequence[Coded], sentence_starts: Sequence[int] = (), countries: Set[str] = frozenset()
) -> list[Event]:
    """Events in order, repeated mentions of one act merged (module docstring); a merged
    event keeps the first evidence and gains a target a later mention states; ``countries``
    holds the entity ids of the article's countries (:func:`_same_state`)."""
    kept: list[Coded] = []

    def sentence(item: Coded) -> int:
        return bisect_right(sentence_starts, item.event.evidence.start)

    for item in coded:
        twin = next(
            (
                i
                for i, k in enumerate(kept)
                if _same_act(k, item, bool(sentence_starts) and sentence(k) == sentence(item), countries)
            ),
            None,
        )
        if twin is None:
            kept.append(item)
        elif kept[twin].event.target is None and item.event.target is not None:
            e = item.event
            kept[twin] = Coded(
                replace(
                    kept[twin].event,
                    target=e.target,
                    target_entity=e.target_entity,
                    target_country=e.target_country,
                ),
                item.lemma,
            )
    return [k.event for k in kept]
