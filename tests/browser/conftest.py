"""A real ``schedules serve`` (gunicorn, two workers, temp SQLite store) and a real headless
Chromium driven by selenium, for the browser tests.

Chromium and chromedriver come from Debian (``apt-get install chromium chromium-driver``); no
browser is ever downloaded. Without them the tests skip locally and fail when ``CI=true``.
Screenshots go to ``var/artefacts/browser/`` (gitignored); the path is printed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.harness import require, serving

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ARTEFACTS = ROOT / "var" / "artefacts" / "browser"
TOKEN = "browser-test-token"


class Server(str):
    """The base URL of the running service."""

    token: str
    log: Path


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    where = tmp_path_factory.mktemp("browser-server")
    env = {"SCHEDULES_DATABASE_URL": f"sqlite:///{where / 'schedules.db'}",
           "SCHEDULES_API_TOKENS": TOKEN, "SCHEDULES_SECRET_KEY": "browser-tests-secret"}
    with serving(where, env) as (url, log):
        base = Server(url)
        base.token, base.log = TOKEN, log
        yield base


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
