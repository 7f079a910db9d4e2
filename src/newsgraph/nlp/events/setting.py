"""A state's forces named without their state: "police blocked the road", "troops fired".

CAMEO actor coding codes a state agent by its country and sector (ZWECOP for Zimbabwe's police);
a text names the country once and then speaks of "the police", "the army", "the authorities".
An unqualified state-agent description with no country of its own ("the police", also "the
country's army", "the island's government", whose possessor refers to the setting) is therefore
the country the article is set in (the discourse layer's setting), when the article has one; a
qualified one ("Iranian officials", "the Kenyan police") is already resolved to its country.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsgraph.nlp.events.actors import Actor, ActorResolver

#: Descriptions (without article) that name a state's forces or administration and nothing else.
BARE_STATE_AGENTS = frozenset(
    {
        "police",
        "riot police",
        "army",
        "troops",
        "soldiers",
        "security forces",
        "armed forces",
        "military",
        "authorities",
        "officers",
        "police officers",
        "officials",
        "regime",
        "government",
    }
)


#: Place nouns whose possessive names the setting itself ("the country's army", "the island's
#: government"): a bridging reference to the country the article is set in.
SETTING_POSSESSORS = ("country's ", "nation's ", "island's ", "state's ", "kingdom's ", "republic's ")


def _bare(name: str) -> str:
    """A description without its article and without a possessive of the setting."""
    name = name.lower().removeprefix("the ")
    for possessor in SETTING_POSSESSORS:
        name = name.removeprefix(possessor)
    return name


def state_agent(actor: Actor) -> bool:
    """Whether an actor is named as a state's forces or administration ("the police", "the
    country's army").  CAMEO's protest acts (14x) are civilians' acts against the state; the same
    act by the state's own agents -- "police blocked the road", "soldiers blocked the entrance"
    -- is a restriction the state imposes (172), not a protest.  (A nationality before the agent
    has already made the actor its country, which may as well be its people, "Egyptians": such
    actors do not count.)"""
    words = _bare(actor.name).split()
    return any(" ".join(words[i:]) in BARE_STATE_AGENTS for i in range(len(words)))


def in_setting(actors: Sequence[Actor], resolver: ActorResolver) -> list[Actor]:
    """Each actor, a bare state agent replaced by the setting's country (module docstring)."""
    setting = resolver.main_country()
    if setting is None:
        return list(actors)
    out = []
    for actor in actors:
        bare = actor.entity is None and actor.country is None
        if bare and _bare(actor.name) in BARE_STATE_AGENTS:
            actor = resolver.country_actor(setting)
        if actor not in out:
            out.append(actor)
    return out
