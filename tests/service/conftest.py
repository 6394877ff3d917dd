"""Fixtures for the service: a real store and a real server.

* ``store``: a migrated :class:`~service.store.SqlStore` on a fresh SQLite file, and again on
  PostgreSQL (a schema of its own per test) when ``SCHEDULES_TEST_DATABASE_URL`` is set.
* ``store_url``: the same databases, unmigrated, for tests of the schema itself.
* ``live_server``: ``schedules serve`` in a subprocess on a free port with a temp SQLite store
  and ``SCHEDULES_API_TOKENS=test-token``; yields the base URL (``.database_url`` names its
  store) once ``/healthz`` answers.
* ``require(condition, reason)``: skip with the reason locally, fail when ``CI=true``.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from service.store import SqlStore
from tests.harness import require, serving

HERE = Path(__file__).resolve().parent
DOCUMENTS = HERE / "documents"
EXAMPLES = HERE.parent.parent / "examples"
SEED = EXAMPLES / "foreign-correspondent-leave-no-dark-corner.md"
REPOST = EXAMPLES / "blog-repost-leave-no-dark-corner.txt"
TEST_TOKEN = "test-token"
PG_MISSING = ("SCHEDULES_TEST_DATABASE_URL is not set, so the store tests ran on SQLite only "
              "(CI sets postgresql+psycopg://postgres@127.0.0.1:5432/test)")


@pytest.fixture(name="require")
def require_fixture() -> Callable[[bool, str], None]:
    """``require(condition, reason)`` as a fixture (also importable from tests.harness)."""
    return require


PG_URL = os.environ.get("SCHEDULES_TEST_DATABASE_URL", "").strip()
ON_CI = os.environ.get("CI", "").lower() == "true"
BACKENDS = ["sqlite", "postgresql"] if PG_URL or ON_CI else ["sqlite"]
"""PostgreSQL runs when configured, and always on CI (where a missing URL fails); locally a
single test (test_store_schema.py) reports the skip instead of one per test."""


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'var' / 'schedules.db'}"
        return
    base = PG_URL
    require(bool(base), PG_MISSING)
    schema = f"test_{uuid.uuid4().hex[:16]}"
    admin = create_engine(base)
    try:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    except OperationalError as exc:
        admin.dispose()
        require(False, f"PostgreSQL at {base} is not reachable: {exc.orig}")
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A freshly migrated SQLite file, copied for each test (migrating is the slow part)."""
    path = tmp_path_factory.mktemp("template") / "schedules.db"
    s = SqlStore(f"sqlite:///{path}")
    s.migrate()
    with s.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    s.close()
    return path


@pytest.fixture
def store(store_url: str, migrated_sqlite: Path) -> Iterator[SqlStore]:
    s = SqlStore(store_url)
    if s.dialect == "sqlite":
        target = Path(str(s.engine.url.database))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(migrated_sqlite, target)
    else:
        s.migrate()
    try:
        yield s
    finally:
        s.close()


@pytest.fixture
def seed() -> bytes:
    return SEED.read_bytes()


@pytest.fixture
def repost() -> bytes:
    return REPOST.read_bytes()


class LiveServer(str):
    """The base URL of a running server; ``database_url`` is the store it serves."""

    database_url: str
    log: Path


@pytest.fixture
def live_server(tmp_path: Path) -> Iterator[LiveServer]:
    database_url = f"sqlite:///{tmp_path / 'live' / 'schedules.db'}"
    env = {"SCHEDULES_DATABASE_URL": database_url, "SCHEDULES_API_TOKENS": TEST_TOKEN}
    with serving(tmp_path, env) as (url, log):
        base = LiveServer(url)
        base.database_url = database_url
        base.log = log
        yield base
