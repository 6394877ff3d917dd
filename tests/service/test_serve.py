"""``schedules serve``: a real gunicorn on a free port, schema created before workers start."""

from __future__ import annotations

import json
import urllib.request

import pytest
from sqlalchemy import inspect

from service.cli import gunicorn_options
from service.store import SqlStore


@pytest.mark.slow
def test_serve_migrates_then_answers_healthz(live_server: str) -> None:
    with urllib.request.urlopen(f"{live_server}/healthz", timeout=5) as resp:
        assert resp.status == 200
        assert json.loads(resp.read()) == {"status": "ok"}
    store = SqlStore(live_server.database_url)  # type: ignore[attr-defined]
    assert "airings" in inspect(store.engine).get_table_names()
    store.close()


@pytest.mark.parametrize(("host", "bind"), [
    ("127.0.0.1", "127.0.0.1:8000"),
    ("::1", "[::1]:8000"),
])
def test_gunicorn_binds_ipv4_and_ipv6(host: str, bind: str) -> None:
    options = gunicorn_options(host, 8000, 3)
    assert options["bind"] == bind
    assert options["workers"] == 3
    assert options["preload_app"] is False
