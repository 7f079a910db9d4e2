"""Who counts as a political actor (issue 13; README "Events: political actors only").

An event needs a political source.  The decision is made from data: the CAMEO sector of an
entity's actor code or title, the CAMEO sector of a description's head noun (Phoenix agents list),
two small word lists (``political_agent_nouns``, ``apolitical_agent_nouns`` in ``wordlists.tsv``),
and, for undecided actors (an untitled person, an unknown organisation, a city), how political the
article is: :func:`political_density`.  :class:`~newsgraph.nlp.events.actors.ActorResolver` applies
it (``accepts``).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span

from newsgraph.nlp.knowledge.agents import phoenix_agent_sectors
from newsgraph.nlp.knowledge.wordlists import wordlist
from newsgraph.records import Entity

STATE_AGENTS = wordlist("state_agents")
#: CAMEO sectors of political actors: government, military, police, judiciary, legislature,
#: opposition, rebels, intelligence, armed groups, refugees, labour, parties, inter- and
#: non-governmental organisations, civilians and their groups, religious bodies, criminals
#: (violence is the police's business).  Business, media, education, health, agriculture are not.
POLITICAL_SECTORS = frozenset(
    [
        "GOV",
        "MIL",
        "COP",
        "JUD",
        "LEG",
        "OPP",
        "REB",
        "SPY",
        "UAF",
        "IMG",
        "INS",
        "REF",
        "LAB",
        "PTY",
        "IGO",
        "NGO",
        "NGM",
        "CVL",
        "ELI",
        "CRM",
        "HRI",
        "ENV",
        "REL",
        "CHR",
        "MUS",
        "JEW",
        "HIN",
        "BUD",
        "SEP",
        "MOD",
        "RAD",
        "PPL",
    ]
)
#: Political signals per sentence from which an article counts as political (README "Events").
POLITICAL_DENSITY = 0.2
#: Heads that name a collection, decided by what they collect ("a group of diplomats").
COLLECTIVE_HEADS = frozenset({"group", "band", "crowd", "delegation", "team", "number", "party"})
#: Sectors whose people act commercially or professionally, not politically.
NON_POLITICAL_SECTORS = frozenset({"BUS", "MED", "EDU", "HLH"})
#: Acts that make a crowd a political actor ("thousands of people demonstrated").
COLLECTIVE_ACTS = frozenset({"PROTEST"})
APOLITICAL_NOUNS = wordlist("apolitical_agent_nouns")
POLITICAL_NOUNS = wordlist("political_agent_nouns")


def code_sectors(code: str | None) -> set[str]:
    """The three-letter parts of a CAMEO actor code ("USAGOVMIL" -> {USA, GOV, MIL})."""
    text = code or ""
    return {text[i : i + 3] for i in range(0, len(text), 3)}


def noun_is_political(lemma: str) -> bool | None:
    """Whether a description's head noun names a political actor: True for state agents and
    political groups, False for people and bodies of a non-political sector; None when the
    word alone does not tell (the Phoenix list also holds words of longer phrases: "equipment",
    "system", "state"), and the article decides."""
    if lemma in APOLITICAL_NOUNS:
        return False
    if lemma in POLITICAL_NOUNS or lemma in STATE_AGENTS:
        return True
    sector = phoenix_agent_sectors().get(lemma) or phoenix_agent_sectors().get(lemma + "s")
    if sector is not None and not code_sectors(sector) & POLITICAL_SECTORS:
        return False
    return None


def political_density(doc: Doc, entities: Sequence[Entity]) -> float:
    """Political signals per sentence: mentions of nationalities and of entities with a
    political actor code, and nouns of state agents and political groups.  Mentions of
    countries alone do not count: travel, food and wine pages name countries all along."""
    strong = POLITICAL_SECTORS - {"CVL", "CRM", "ELI", "PPL"}
    signals = sum(
        len(e.mentions)
        for e in entities
        if (e.type == "NORP" and e.country) or code_sectors(e.actor_code) & strong
    )
    # a nationality adjective is a mention of its country ("Afghan policemen"): still a signal
    countries = [e for e in entities if e.type == "GPE" and e.country]
    signals += sum(1 for ent in doc.ents if ent.label_ == "NORP" and any(_covers(e, ent) for e in countries))
    signals += sum(
        1
        for t in doc
        if t.pos_ == "NOUN" and (t.lemma_.lower() in STATE_AGENTS or t.lemma_.lower() in POLITICAL_NOUNS)
    )
    sentences = sum(1 for _ in doc.sents) if doc.has_annotation("SENT_START") else 1
    return signals / max(1, sentences)


def _covers(entity: Entity, span: Span) -> bool:
    return any(m.start <= span.start_char and span.end_char <= m.end for m in entity.mentions)
