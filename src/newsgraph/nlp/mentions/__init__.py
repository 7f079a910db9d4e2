"""Candidate mentions: names (the model's spans, repaired and completed from the lexicons),
title and role phrases, the byline block, and what demonyms, capitals and "the government"
stand for.  Only the discourse layer reads this package."""
