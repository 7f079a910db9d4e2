"""An act referred back to by a definite noun: "X invaded Y. Z denounced the operation."

A reaction to an act often names the act, not its author: "denounced the operation",
"welcomed the news", "criticised the move", "provided support for the operation", "called it
unacceptable" (a pronoun that names no actor).  The noun
is a definite description of an act the text has already told (event anaphora), and the
recipient of the reaction is that act's author -- the CAMEO convention that judging an act
targets whoever did it ("condemned the Israeli strikes" -> Israel), applied when the noun
itself names no author.

The antecedent is the latest act told before the noun, in the narrative or in reported speech
(not in a speaker's own quoted words, which may be rhetoric or hypothesis), of a type the noun
can name: an act noun of the lexicon ("the attack", "the arrests") names acts of its own types;
a general act noun ("the operation", "the move", "the news") names any act but a judgement or
a warning (ACCUSE, SUPPORT, REJECT, THREATEN: "the news" is not the praise of it).  Nothing is guessed
when no such act precedes, or when its author is the reacting actor itself.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from newsgraph.nlp.knowledge.event_lexicon import EventLexicon
from newsgraph.nlp.knowledge.wordlists import wordlist
from newsgraph.records import Event, Quote

#: General nouns that refer back to an act told before ("the operation", "the move").
ACT_ANAPHORS = wordlist("act_anaphors")
#: Pronouns that can refer back to an act ("X banned the rallies; Y called it illegal").
ACT_PRONOUNS = frozenset({"it", "this", "that"})
#: Determiners of a definite description (a noun referring back).
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
#: Types that judge, comment on or warn of an act: never the antecedent of a general act noun.
JUDGEMENTS = frozenset({"ACCUSE", "SUPPORT", "REJECT", "THREATEN"})
#: Modifiers that make the noun a new act, not one told before ("another attack", "a new plan").
NEW_ACT = frozenset({"another", "new", "further", "next", "future", "first", "possible"})


def antecedent_types(noun: Token, lexicon: EventLexicon) -> frozenset[str] | None:
    """The types of act a definite noun may refer back to, or None when it is no anaphor."""
    if noun.pos_ == "PRON":  # "called it unacceptable": "it" names the act just told
        return frozenset() if noun.lower_ in ACT_PRONOUNS else None
    children = list(noun.children)
    if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in children):
        return None
    if any(c.lower_ in NEW_ACT for c in children):
        return None
    lemma = noun.lemma_.lower()
    entries = lexicon.nouns.get(lemma)
    if entries:
        return frozenset(e.plover for e in entries)
    if lemma in ACT_ANAPHORS:
        return frozenset()  # any type but a judgement
    return None


def antecedent_author(
    noun: Token,
    lexicon: EventLexicon,
    told: Sequence[Event],
    reacting: Sequence[str],
    quotes: Sequence[Quote],
) -> Event | None:
    """The latest act told before ``noun`` (not in direct quotations) that the noun may name,
    with an author other than the reacting actors (module docstring)."""
    types = antecedent_types(noun, lexicon)
    if types is None:
        return None
    for event in reversed(told):
        quoted = event.quote is not None and quotes[event.quote].type == "direct"
        if event.evidence.start >= noun.idx or not event.source or quoted:
            continue
        if (event.plover in types) if types else (event.plover not in JUDGEMENTS):
            return None if event.source in reacting else event
    return None
