"""A state's forces named without their state: "police blocked the road", "troops fired".

CAMEO actor coding codes a state agent by its country and sector (ZWECOP for Zimbabwe's police);
a text names the country once and then speaks of "the police", "the army", "the authorities".
An unqualified state-agent description with no country of its own is therefore the country the
article is set in (the discourse layer's setting), when the article has one; a qualified one
("Iranian officials", "the Kenyan police") is already resolved to its country.
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


def in_setting(actors: Sequence[Actor], resolver: ActorResolver) -> list[Actor]:
    """Each actor, a bare state agent replaced by the setting's country (module docstring)."""
    setting = resolver.main_country()
    if setting is None:
        return list(actors)
    out = []
    for actor in actors:
        bare = actor.entity is None and actor.country is None
        if bare and actor.name.lower().removeprefix("the ") in BARE_STATE_AGENTS:
            actor = resolver.country_actor(setting)
        if actor not in out:
            out.append(actor)
    return out
