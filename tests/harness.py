"""What several test folders share: the skip-or-fail rule and a real `schedules serve`.

Imported as ``tests.harness`` (pytest puts the project root on ``sys.path``; conftest modules
themselves are not importable).
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
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import pytest


def require(condition: bool, reason: str) -> None:
    """Skip with ``reason`` locally; fail under ``CI=true``, where everything must be there."""
    if condition:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"required on CI: {reason}")
    pytest.skip(reason)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


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


@contextmanager
def serving(where: Path, env: Mapping[str, str], *, workers: int = 2
            ) -> Iterator[tuple[str, Path]]:
    """Run the real server (gunicorn via ``schedules serve``) on a free port with ``env`` added
    to the environment, from the folder ``where``; yields its base URL and log file, and stops
    it (SIGTERM, then SIGKILL after 15 s) at the end."""
    port = free_port()
    log = where / "serve.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "schedules.cli", "serve", "--host", "127.0.0.1",
             "--port", str(port), "--workers", str(workers)],
            env={**os.environ, "PYTHONUNBUFFERED": "1", **env}, stdout=out,
            stderr=subprocess.STDOUT, cwd=where)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(base, proc, log)
        yield base, log
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
