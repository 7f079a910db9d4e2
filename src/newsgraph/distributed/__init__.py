"""Scale-out over Dask: shards to Parquet, near-duplicates across shards, loading into the store.

Modules: :mod:`.shards` (what a task reads), :mod:`.task` (what a worker does with a shard),
:mod:`.runner` (``ingest --engine dask`` on the client), :mod:`.dedup` (MinHash band keys
grouped across partitions), :mod:`.load` (a Parquet dataset into the SQLite store).  The
Parquet layout itself is :mod:`newsgraph.parquet`.  Everything here needs the ``[dask]`` extra.
"""
