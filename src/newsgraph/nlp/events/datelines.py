"""Datelines: the place that opens a news report ("Brussels — On Tuesday, police ...", "South
America — ..."), which the parser may attach to the first verb as a second subject.  A dateline
says where the report was filed, never who acted, so it is no source of the verb's event."""

from __future__ import annotations

from spacy.tokens import Token

#: Punctuation that closes a dateline.
DATELINE_DASHES = frozenset({"—", "–", "-", "--", ":"})


def is_dateline(subject: Token) -> bool:
    """Whether a subject is a place name followed by a dash: a dateline, not an actor."""
    if subject.ent_type_ not in ("GPE", "LOC"):
        return False
    after = subject.doc[subject.right_edge.i + 1] if subject.right_edge.i + 1 < len(subject.doc) else None
    return after is not None and after.text in DATELINE_DASHES
