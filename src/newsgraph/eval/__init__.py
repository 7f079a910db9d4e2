"""Evaluation: scorers and dataset runners that turn our quality claims into numbers.

Each module scores one stage against gold data kept outside the repository (``../shared``):
``extraction`` scores HTML article extraction on the Zyte and WCXB sets.  The scorers are
written from the data sets' own descriptions, not copied from upstream code, so that the gold
gates in ``tests/`` and the tables in ``benchmarks/`` measure what the published figures
measure.  Nothing here is imported by the analysis path.
"""
