"""Readers: turn paths (and later URLs, feeds, WARC, JSONL) into RawDocuments."""

from newsgraph.ingest.base import RawDocument

__all__ = ["RawDocument"]
