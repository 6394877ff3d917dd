"""An app on a real temporary SQLite store, its test client and a signed-in desk client."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from service import create_app
from service.store import SqlStore

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "foreign-correspondent-leave-no-dark-corner.md"
DOCUMENTS = ROOT / "tests" / "documents"


@pytest.fixture
def sql_store(tmp_path: Path) -> Iterator[SqlStore]:
    store = SqlStore(f"sqlite:///{tmp_path / 'pages.db'}")
    store.migrate()
    yield store
    store.close()


@pytest.fixture
def app(sql_store: SqlStore) -> Flask:
    return create_app({"STORE": sql_store, "TESTING": True, "SECRET_KEY": "pages-tests"})


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def seeded(sql_store: SqlStore) -> int:
    """The seed press release, ingested; returns its release id."""
    return sql_store.ingest(SEED.read_bytes(), name=SEED.name, country="AU").release.id


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, "the form carries no CSRF token"
    return found.group(1)


@pytest.fixture
def desk(client: FlaskClient, sql_store: SqlStore) -> FlaskClient:
    """The client, signed in on the release desk with a fresh API token."""
    token = sql_store.create_token("pages tests")
    page = client.get("/desk").get_data(as_text=True)
    answer = client.post("/desk/login", data={"token": token, "csrf": csrf_of(page)})
    assert answer.status_code == 303
    return client
