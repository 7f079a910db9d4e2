"""The web UI and REST API (``newsgraph serve``): install with ``pip install 'newsgraph[web]'``.

``create_app(db_path)`` builds the FastAPI application; see :mod:`newsgraph.web.app`.
"""

from __future__ import annotations

from newsgraph.web.app import create_app

__all__ = ["create_app"]
