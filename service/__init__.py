"""The Flask service: ingest API, listings JSON, calendar feeds and web pages.

``create_app(config=None)`` builds the app; nothing happens at import time. The store is named
by the config (``STORE``: a ready :class:`~service.contract.Store`; or ``DATABASE_URL``), else
by ``SCHEDULES_DATABASE_URL`` (see :func:`service.store.store_for`), and is opened and migrated
on first use in each process.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Mapping
from typing import Any

from flask import Flask

from schedules.read import MAX_BYTES

from .web import current_store

__all__ = ["create_app", "current_store"]

MAX_CONTENT_LENGTH = MAX_BYTES + 256 * 1024
"""Request bodies above this get 413 before they are read: the reader's own limit (2 MiB) plus
room for a JSON envelope's escaping. Anything between is refused by the reader, also as 413."""


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    app = Flask(__name__)
    app.config.from_mapping(
        MAX_CONTENT_LENGTH=MAX_CONTENT_LENGTH,
        FEED_CACHE_ENTRIES=256,
    )
    if config:
        app.config.update(config)

    from . import api, feeds, problems, web

    app.json = web.IsoJSONProvider(app)
    web.init_store(app)
    problems.register(app)
    app.register_blueprint(api.bp)
    app.register_blueprint(feeds.bp)
    if importlib.util.find_spec("service.pages") is not None:
        pages = importlib.import_module("service.pages")
        app.register_blueprint(pages.bp)

    @app.get("/healthz")
    def healthz() -> tuple[dict[str, Any], int]:
        """200 once the store answers (it is opened and migrated by this call if needed)."""
        try:
            revision, changed = web.store_of(app).revision()
        except Exception as exc:
            app.logger.error("health check: the store does not answer", exc_info=exc)
            raise problems.Problem(503, "store-unavailable",
                                   "the store does not answer yet") from None
        return {"status": "ok", "revision": revision, "changed": changed}, 200

    return app
