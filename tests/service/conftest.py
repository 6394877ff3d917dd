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
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from service.store import SqlStore

HERE = Path(__file__).resolve().parent
DOCUMENTS = HERE / "documents"
EXAMPLES = HERE.parent.parent / "examples"
SEED = EXAMPLES / "foreign-correspondent-leave-no-dark-corner.md"
REPOST = EXAMPLES / "blog-repost-leave-no-dark-corner.txt"
TEST_TOKEN = "test-token"
PG_MISSING = ("SCHEDULES_TEST_DATABASE_URL is not set, so the store tests ran on SQLite only "
              "(CI sets postgresql+psycopg://postgres@127.0.0.1:5432/test)")


def require(condition: bool, reason: str) -> None:
    """Skip (locally) or fail (``CI=true``) when what a test needs is missing."""
    if condition:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"required on CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(name="require")
def require_fixture() -> Callable[[bool, str], None]:
    """``require(condition, reason)`` for tests (conftest modules are not importable)."""
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


@pytest.fixture
def store(store_url: str) -> Iterator[SqlStore]:
    s = SqlStore(store_url)
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


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


class LiveServer(str):
    """The base URL of a running server; ``database_url`` is the store it serves."""

    database_url: str
    log: Path


def _wait_healthy(base: str, proc: subprocess.Popen[bytes], log: Path,
                  timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"schedules serve exited with {proc.returncode}:\n"
                               f"{log.read_text(errors='replace')[-3000:]}")
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=2) as resp:
                if resp.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.1)
    raise RuntimeError(f"schedules serve did not answer /healthz within {timeout:.0f}s:\n"
                       f"{log.read_text(errors='replace')[-3000:]}")


@pytest.fixture
def live_server(tmp_path: Path) -> Iterator[LiveServer]:
    port = free_port()
    database_url = f"sqlite:///{tmp_path / 'live' / 'schedules.db'}"
    env = {**os.environ, "SCHEDULES_DATABASE_URL": database_url,
           "SCHEDULES_API_TOKENS": TEST_TOKEN, "PYTHONUNBUFFERED": "1"}
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "schedules.cli", "serve", "--host", "127.0.0.1",
             "--port", str(port), "--workers", "2"],
            env=env, stdout=out, stderr=subprocess.STDOUT, cwd=tmp_path)
    base = LiveServer(f"http://127.0.0.1:{port}")
    base.database_url = database_url
    base.log = log
    try:
        _wait_healthy(base, proc, log)
        yield base
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
