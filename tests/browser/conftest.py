"""A real ``schedules serve`` (gunicorn, two workers, temp SQLite store) and a real headless
Chromium driven by selenium, for the browser tests.

Chromium and chromedriver come from Debian (``apt-get install chromium chromium-driver``); no
browser is ever downloaded. Without them the tests skip locally and fail when ``CI=true``.
Screenshots go to ``var/artefacts/browser/`` (gitignored); the path is printed.
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
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ARTEFACTS = ROOT / "var" / "artefacts" / "browser"
TOKEN = "browser-test-token"


def require(condition: bool, reason: str) -> None:
    """Skip with ``reason`` locally; fail under CI, where everything must be installed."""
    if condition:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"required on CI: {reason}")
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


class Server(str):
    """The base URL of the running service."""

    token: str
    log: Path


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    where = tmp_path_factory.mktemp("browser-server")
    port = _free_port()
    env = {**os.environ, "SCHEDULES_DATABASE_URL": f"sqlite:///{where / 'schedules.db'}",
           "SCHEDULES_API_TOKENS": TOKEN, "SCHEDULES_SECRET_KEY": "browser-tests-secret",
           "PYTHONUNBUFFERED": "1"}
    log = where / "serve.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "schedules.cli", "serve", "--host", "127.0.0.1",
             "--port", str(port), "--workers", "2"],
            env=env, stdout=out, stderr=subprocess.STDOUT, cwd=where)
    base = Server(f"http://127.0.0.1:{port}")
    base.token, base.log = TOKEN, log
    try:
        deadline = time.monotonic() + 30
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"schedules serve exited: {log.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(f"{base}/healthz", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"no /healthz within 30 s: {log.read_text()[-3000:]}")
            time.sleep(0.1)
        yield base
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    require(CHROMIUM.exists() and CHROMEDRIVER.exists(),
            "needs Debian's chromium and chromium-driver (/usr/bin/chromium, "
            "/usr/bin/chromedriver)")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:  # pragma: no cover - selenium is in the test extra
        require(False, "needs selenium (pip install -e '.[test]')")
        raise
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                 "--window-size=1280,900", "--hide-scrollbars", "--lang=en-AU",
                 "--disable-extensions", "--no-first-run"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options,
                              service=Service(executable_path=str(CHROMEDRIVER)))
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="session")
def artefacts() -> Path:
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    print(f"\nbrowser screenshots: {ARTEFACTS}")
    return ARTEFACTS
