"""Who said what: quotation marks, cues, statement spans and speakers.  Speakers are resolved
to entities only through :mod:`newsgraph.nlp.discourse`."""
