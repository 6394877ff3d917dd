"""The store-backed commands: ``schedules ingest|reparse|token|migrate`` with
``SCHEDULES_DATABASE_URL`` naming a temp store. The folder ingest runs as a user runs it, in a
subprocess; the rest call the same ``main()`` in-process to keep the suite fast."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from schedules.cli import main
from service.contract import AiringQuery
from service.store import SqlStore

EXAMPLES = Path(__file__).resolve().parent.parent.parent / "examples"


def run(args: list[str], *, url: str, cwd: Path, stdin: bytes | None = None
        ) -> subprocess.CompletedProcess[str]:
    """``schedules ARGS`` in a subprocess."""
    env = {**os.environ, "SCHEDULES_DATABASE_URL": url}
    env.pop("SCHEDULES_API_TOKENS", None)
    return subprocess.run([sys.executable, "-m", "schedules.cli", *args], env=env, cwd=cwd,
                          input=stdin.decode() if stdin is not None else None,
                          capture_output=True, text=True, timeout=120)


@dataclass
class Done:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def cli(url: str, monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
        ) -> Callable[..., Done]:
    """``schedules ARGS`` in this process (same ``main()``, same parser, same store)."""
    monkeypatch.setenv("SCHEDULES_DATABASE_URL", url)
    monkeypatch.delenv("SCHEDULES_API_TOKENS", raising=False)

    def call(args: list[str], stdin: bytes | None = None) -> Done:
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
        try:
            code = main(args)
        except SystemExit as exc:  # argparse usage errors
            code = int(exc.code or 0)
        out, err = capsysbinary.readouterr()
        return Done(code, out.decode(), err.decode())

    return call


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'var' / 'schedules.db'}"


def test_ingest_a_folder_reports_a_bad_file_and_stores_the_rest(tmp_path: Path,
                                                                url: str) -> None:
    folder = tmp_path / "inbox"
    shutil.copytree(EXAMPLES, folder)
    (folder / "nested").mkdir()
    (folder / "nested" / "scan.pdf").write_bytes(b"%PDF-1.4\x00\x00\x01binary")
    (folder / ".hidden.md").write_text("ignored")
    done = run(["ingest", str(folder), str(tmp_path / "missing.txt")], url=url, cwd=tmp_path)
    assert done.returncode == 1
    errors = done.stderr.strip().splitlines()
    assert errors == [
        f"schedules: {folder / 'nested' / 'scan.pdf'}: this looks like a binary file "
        f"(it contains NUL bytes), not text",
        f"schedules: {tmp_path / 'missing.txt'}: no such file or folder",
    ]
    assert done.stdout.strip() == ("2 releases (2 new, 0 unchanged), 3 airings added, 0 moved, "
                                   "0 cancelled; 2 files failed")
    store = SqlStore(url)
    assert len(store.airings(AiringQuery()).airings) == 3
    assert len(store.releases()[0]) == 2
    store.close()


def test_ingest_twice_is_idempotent_and_exits_0(cli: Callable[..., Done], url: str) -> None:
    first = cli(["ingest", str(EXAMPLES)])
    assert first.returncode == 0, first.stderr
    again = cli(["ingest", str(EXAMPLES)])
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip() == ("2 releases (0 new, 2 unchanged), 0 airings added, "
                                    "0 moved, 0 cancelled; 0 files failed")
    assert again.stderr == ""


def test_ingest_reads_standard_input_with_options(cli: Callable[..., Done], url: str) -> None:
    seed = (EXAMPLES / "foreign-correspondent-leave-no-dark-corner.md").read_bytes()
    done = cli(["ingest", "-", "--format-in", "markdown", "--country", "au",
                "--reference-date", "2018-09-12"], stdin=seed)
    assert done.returncode == 0, done.stderr
    assert "1 release (1 new, 0 unchanged), 3 airings added" in done.stdout
    store = SqlStore(url)
    (release,) = store.releases()[0]
    assert release.source == "stdin" and release.format == "markdown"
    store.close()


def test_a_bad_option_is_one_line_not_a_traceback(cli: Callable[..., Done], url: str) -> None:
    done = cli(["ingest", str(EXAMPLES), "--country", "XX"])
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert all("unknown country 'XX'" in line for line in done.stderr.strip().splitlines())
    bad_date = cli(["ingest", str(EXAMPLES), "--reference-date", "18/09/2018"])
    assert bad_date.returncode == 2
    assert "expected a date as YYYY-MM-DD" in bad_date.stderr


def test_an_unreachable_store_is_one_clear_line(cli: Callable[..., Done],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCHEDULES_DATABASE_URL", "postgresql+psycopg://nobody@127.0.0.1:1/none")
    done = cli(["migrate"])
    assert done.returncode == 2
    assert done.stderr.startswith("schedules: error: cannot open the store")
    assert "Traceback" not in done.stderr


def test_token_create_prints_a_token_the_store_accepts(cli: Callable[..., Done],
                                                       url: str) -> None:
    done = cli(["token", "create", "release desk"])
    assert done.returncode == 0, done.stderr
    token = done.stdout.strip()
    store = SqlStore(url)
    assert store.check_token(token)
    store.close()


def test_migrate_twice_and_reparse(cli: Callable[..., Done], url: str) -> None:
    assert cli(["migrate"]).returncode == 0
    assert cli(["migrate"]).returncode == 0
    cli(["ingest", str(EXAMPLES)])
    done = cli(["reparse"])
    assert (done.returncode, done.stdout.strip()) == (0, "0 releases changed")
    missing = cli(["reparse", "--release", "42"])
    assert missing.returncode == 2
    assert missing.stderr.strip() == "schedules: error: no release 42 in the store"
