"""The discourse layer: the one coreference path of newsgraph.

Mentions are linked into entities by sieve passes (see :mod:`.names` and :mod:`.pronouns`);
quotes and events read entities only through the names exported here.
"""

from newsgraph.nlp.discourse.lookup import entity_for_span

__all__ = ["entity_for_span"]
