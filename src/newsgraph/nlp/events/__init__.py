"""Who did what to whom: triggers, political actors, targets, and the statements events come
from.  Actors are resolved to entities only through :mod:`newsgraph.nlp.discourse`."""
