"""The schema: migrations create exactly the tables the code uses, can run twice and from two
processes at once; SQLite runs in WAL mode with foreign keys on."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from service.contract import AiringQuery, Store
from service.store import SqlStore, open_store, store_for
from service.tables import metadata

PG_URL = os.environ.get("SCHEDULES_TEST_DATABASE_URL", "").strip()


def test_postgresql_is_configured(require: Callable[[bool, str], None]) -> None:
    require(bool(PG_URL), "SCHEDULES_TEST_DATABASE_URL is not set, so the store tests ran on "
                          "SQLite only (CI sets postgresql+psycopg://postgres@127.0.0.1:5432/test)")


def test_sql_store_implements_the_store_protocol(store: SqlStore) -> None:
    as_protocol: Store = store
    assert as_protocol.revision() == (0, dt.datetime(1970, 1, 1, tzinfo=dt.UTC))


def test_migrations_create_exactly_the_tables_in_service_tables(store: SqlStore) -> None:
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []


def test_migrating_twice_is_a_no_op(store: SqlStore, seed: bytes) -> None:
    store.ingest(seed)
    before = (store.revision(), store.airings(AiringQuery()))
    store.migrate()
    assert (store.revision(), store.airings(AiringQuery())) == before
    with store.engine.connect() as conn:
        versions = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    assert versions == ["0001"]


def _migrate(url: str) -> None:
    SqlStore(url).migrate()


def test_two_processes_migrating_at_once_both_succeed(store_url: str) -> None:
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_migrate, args=(store_url,)) for _ in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    assert [p.exitcode for p in procs] == [0, 0, 0]
    s = SqlStore(store_url)
    assert set(inspect(s.engine).get_table_names()) >= {"airings", "releases", "state"}
    assert s.revision()[0] == 0
    s.close()


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    s = SqlStore(f"sqlite:///{tmp_path / 'deep' / 'er' / 'x.db'}")
    s.migrate()
    assert (tmp_path / "deep" / "er" / "x.db").exists()
    with s.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30000
    s.close()


def test_open_store_defaults_to_the_sqlite_file_under_var(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SCHEDULES_DATABASE_URL", raising=False)
    s = open_store()
    s.migrate()
    assert (tmp_path / "var" / "schedules.db").exists()
    s.close()
    monkeypatch.setenv("SCHEDULES_DATABASE_URL", f"sqlite:///{tmp_path / 'env.db'}")
    s = open_store()
    assert s.url.endswith("env.db")
    s.close()


def test_store_for_prefers_the_app_config(tmp_path: Path) -> None:
    given = SqlStore(f"sqlite:///{tmp_path / 'a.db'}")
    assert store_for({"STORE": given}) is given
    by_url = store_for({"DATABASE_URL": f"sqlite:///{tmp_path / 'b.db'}"})
    assert by_url.url.endswith("b.db")
    given.close()
    by_url.close()


def test_migrate_works_from_any_working_directory(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    s = SqlStore(f"sqlite:///{tmp_path / 'x.db'}")
    s.migrate()
    assert "airings" in inspect(s.engine).get_table_names()
    s.close()
