"""Canonical entities: one record per real-world entity of an article, built from the
discourse layer's clusters (name, type, country from evidence, titles, actor code)."""
