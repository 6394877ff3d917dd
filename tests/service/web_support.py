"""Shared helpers for the HTTP tests: a real store in a temp SQLite file (and PostgreSQL when
SCHEDULES_TEST_DATABASE_URL is set, in the store's own fixtures), the app over it, the seeds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from service import create_app
from service.store import SqlStore, open_store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
PRESS_RELEASE = EXAMPLES / "foreign-correspondent-leave-no-dark-corner.md"
BLOG = EXAMPLES / "blog-repost-leave-no-dark-corner.txt"
REPEAT_LINE = "1.30 pm Friday September 21"
NEWS_CHANNEL_LINE = " and at 7.30 pm AEST on Saturday September 22 on the ABC News Channel"
ALL_TIME = "?past_days=36500"


def sqlite_store(directory: Path) -> SqlStore:
    store = open_store(f"sqlite:///{directory / 'schedules.db'}")
    store.migrate()
    return store


def app_for(store: SqlStore, **config: Any) -> Flask:
    return create_app({"STORE": store, "TESTING": True, **config})


def press_release(*, moved_repeat: bool = False, without_news_channel: bool = False) -> bytes:
    """The seed press release, or a revision of it (same title, so the store treats it as one)."""
    text = PRESS_RELEASE.read_text("utf-8")
    assert REPEAT_LINE in text and NEWS_CHANNEL_LINE in text
    if moved_repeat:
        text = text.replace(REPEAT_LINE, "2.30 pm Friday September 21")
    if without_news_channel:
        text = text.replace(NEWS_CHANNEL_LINE, "")
    return text.encode("utf-8")


def post_release(client: FlaskClient, token: str, data: bytes, *,
                 content_type: str = "text/markdown",
                 query: str = "?reference_date=2018-09-12&country=AU") -> TestResponse:
    return client.post("/api/v1/releases" + query, data=data,
                       headers={"Authorization": f"Bearer {token}",
                                "Content-Type": content_type})


def post_seeds(client: FlaskClient, token: str) -> None:
    first = post_release(client, token, press_release())
    assert first.status_code == 201, first.get_data(as_text=True)
    second = post_release(client, token, BLOG.read_bytes(), content_type="text/plain",
                          query="?reference_date=2018-09-18")
    assert second.status_code == 201, second.get_data(as_text=True)


# --------------------------------------------------------------------------- fixtures
# Imported by the HTTP test modules (``from web_support import ...``).

@pytest.fixture
def web_store(store: SqlStore) -> SqlStore:
    """The store helper's ``store`` fixture: SQLite, and PostgreSQL when configured."""
    return store


@pytest.fixture
def app(web_store: SqlStore) -> Flask:
    return app_for(web_store)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def token(web_store: SqlStore) -> str:
    return web_store.create_token("tests")


@pytest.fixture
def seeded(client: FlaskClient, token: str) -> FlaskClient:
    post_seeds(client, token)
    return client
