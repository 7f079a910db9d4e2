"""The NLP layer: one spaCy pipeline per process plus newsgraph's own components.

spaCy ``Doc`` objects never leave this package; ``to_records.py`` is the only place that
turns them into records.
"""
