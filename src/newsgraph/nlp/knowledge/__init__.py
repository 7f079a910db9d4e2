"""Everything newsgraph knows about the world, as validated data files and their parsers.

Every word list the NLP stages use lives here (``lexicons/*.tsv``, each with a header saying
where its entries came from); the modules only parse them into lookup tables, once per process.
"""
