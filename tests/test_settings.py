"""One settings object: defaults, environment, explicit overrides."""

from __future__ import annotations

from newsgraph.settings import Settings


def test_defaults() -> None:
    s = Settings.from_env({})
    assert s.model is None and s.db_path == "newsgraph.db" and s.batch_size > 0


def test_environment_then_overrides() -> None:
    env = {"NEWSGRAPH_MODEL": "my_model", "NEWSGRAPH_BATCH_SIZE": "4", "NEWSGRAPH_DB_PATH": "x.db"}
    s = Settings.from_env(env)
    assert (s.model, s.batch_size, s.db_path) == ("my_model", 4, "x.db")
    s2 = Settings.from_env(env, model="other", batch_size=None)
    assert (s2.model, s2.batch_size) == ("other", 4)
