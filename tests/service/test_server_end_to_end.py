"""The issue's acceptance test, against the real server (``schedules serve``: gunicorn, two
workers) and real calendar clients: vdirsyncer subscribes to the ABC TV feed over HTTP into a
local vdir, and khal reads that vdir."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import icalendar
import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url
from web_support import ALL_TIME, BLOG, press_release

from tests.harness import serving

pytestmark = pytest.mark.slow
PG_URL = os.environ.get("SCHEDULES_TEST_DATABASE_URL", "").strip()
BACKENDS = ["sqlite", "postgresql"] if PG_URL or os.environ.get("CI") == "true" else ["sqlite"]

TOKEN = "test-token"  # the live_server fixture's SCHEDULES_API_TOKENS


def http(method: str, url: str, *, data: bytes | None = None,
         headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def post(base: str, body: bytes, content_type: str, query: str) -> dict[str, Any]:
    status, _, data = http("POST", f"{base}/api/v1/releases{query}", data=body, headers={
        "Authorization": f"Bearer {TOKEN}", "Content-Type": content_type})
    assert status in (200, 201), data
    result: dict[str, Any] = json.loads(data)
    return result


def run(*argv: str, env: dict[str, str]) -> str:
    done = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, f"{argv}: {done.stdout}\n{done.stderr}"
    return done.stdout


def clients(tmp_path: Path, feed: str) -> tuple[Callable[[], None], Callable[[str, str], str],
                                                Path]:
    """A vdirsyncer pair (http -> vdir) and a khal over the vdir, with temp configs."""
    vdir = tmp_path / "vdir" / "abc-tv"
    vdir.mkdir(parents=True)
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"),
           "XDG_DATA_HOME": str(home / ".local"), "LC_ALL": "C.UTF-8", "TZ": "UTC"}
    vconf = tmp_path / "vdirsyncer.conf"
    vconf.write_text(f"""[general]
status_path = "{tmp_path / 'status'}/"

[pair abc_tv]
a = "abc_tv_feed"
b = "abc_tv_local"
collections = null
conflict_resolution = "a wins"

[storage abc_tv_feed]
type = "http"
url = "{feed}"

[storage abc_tv_local]
type = "filesystem"
path = "{vdir}/"
fileext = ".ics"
""")
    kconf = tmp_path / "khal.conf"
    kconf.write_text(f"""[calendars]
[[abc-tv]]
path = {vdir}/
type = calendar

[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
local_timezone = Australia/Sydney
default_timezone = Australia/Sydney

[sqlite]
path = {tmp_path / 'khal.db'}
""")

    def sync() -> None:
        run("vdirsyncer", "-c", str(vconf), "discover", env=env)
        run("vdirsyncer", "-c", str(vconf), "sync", env=env)

    def khal_list(start: str, end: str) -> str:
        return run("khal", "-c", str(kconf), "list", "--format",
                   "{start-time}-{end-time} {title}", start, end, env=env)

    return sync, khal_list, vdir


@pytest.fixture
def pg_server(tmp_path: Path, require: Callable[[bool, str], None]) -> Iterator[str]:
    """``schedules serve`` on PostgreSQL (a schema of its own), like ``live_server``."""
    require(bool(PG_URL), "SCHEDULES_TEST_DATABASE_URL is not set")
    schema = f"e2e_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    url = make_url(PG_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    env = {"SCHEDULES_DATABASE_URL": url.render_as_string(hide_password=False),
           "SCHEDULES_API_TOKENS": TOKEN}
    try:
        with serving(tmp_path, env) as (base, _log):
            yield base
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()


@pytest.mark.parametrize("backend", BACKENDS)
def test_subscribers_see_the_broadcast_and_its_revision(
        backend: str, request: pytest.FixtureRequest, tmp_path: Path,
        require: Callable[[bool, str], None]) -> None:
    base = str(request.getfixturevalue("live_server" if backend == "sqlite" else "pg_server"))
    require(shutil.which("vdirsyncer") is not None and shutil.which("khal") is not None,
            "vdirsyncer and khal are needed (apt-get install -y vdirsyncer khal)")

    # A write without a token: 401 problem+json, nothing stored.
    status, headers, body = http("POST", f"{base}/api/v1/releases", data=b"8pm on ABC TV",
                                 headers={"Content-Type": "text/plain"})
    assert status == 401
    assert headers["Content-Type"].startswith("application/problem+json")
    assert headers["WWW-Authenticate"].startswith("Bearer")
    assert json.loads(body)["status"] == 401

    # Both seeds.
    post(base, press_release(), "text/markdown", "?reference_date=2018-09-12&country=AU")
    post(base, BLOG.read_bytes(), "text/plain", "?reference_date=2018-09-18")

    # Listings: the seed's three airings with the right offsets (the repost merged in).
    status, _, body = http("GET", f"{base}/api/v1/airings")
    listing = json.loads(body)["airings"]
    assert [(a["start"], a["channel"]) for a in listing] == [
        ("2018-09-18T20:00:00+10:00", "ABC TV"),
        ("2018-09-21T13:30:00+10:00", "ABC TV"),
        ("2018-09-22T19:30:00+10:00", "ABC News Channel")]

    # A real subscription: vdirsyncer into a vdir, khal reads it.
    feed = f"{base}/feeds/channels/abc-tv.ics{ALL_TIME}"
    sync, khal_list, vdir = clients(tmp_path, feed)
    sync()
    assert "20:00-20:30 Foreign Correspondent: Leave No Dark Corner" in khal_list(
        "2018-09-18", "1d")
    assert "13:30-14:00 Foreign Correspondent" in khal_list("2018-09-21", "1d")

    # Conditional GET: 304 with no body.
    status, headers, body = http("GET", feed)
    assert status == 200
    status, _, empty = http("GET", feed, headers={"If-None-Match": headers["ETag"]})
    assert (status, empty) == (304, b"")

    # The revision moves the 1.30 pm repeat to 2.30 pm: one event, same UID, higher SEQUENCE.
    # vdirsyncer 0.19's http storage replaces every UID by a hash of the event's text
    # (HttpStorage._ignore_uids, not configurable), so the UID is checked in the feed itself
    # and the subscriber's side by what lands in the vdir and what khal shows.
    def repeat(calendar: bytes) -> list[icalendar.Event]:
        return [e for e in icalendar.Calendar.from_ical(calendar).walk("VEVENT")
                if e.decoded("dtstart").day == 21]

    def vdir_repeats() -> list[icalendar.Event]:
        return [e for path in vdir.glob("*.ics") for e in repeat(path.read_bytes())]

    (before,) = repeat(http("GET", feed)[2])
    assert len(vdir_repeats()) == 1
    post(base, press_release(moved_repeat=True), "text/markdown",
         "?reference_date=2018-09-12&country=AU")
    (after,) = repeat(http("GET", feed)[2])
    assert str(after["UID"]) == str(before["UID"])
    assert int(after["SEQUENCE"]) > int(before["SEQUENCE"])
    assert f"{after.decoded('dtstart'):%H:%M}" == "14:30"

    sync()
    (synced,) = vdir_repeats()  # the old event is gone, not duplicated
    assert int(synced["SEQUENCE"]) == int(after["SEQUENCE"])
    day = khal_list("2018-09-21", "1d")
    assert "14:30-15:00 Foreign Correspondent" in day and "13:30" not in day
    assert day.count("Foreign Correspondent") == 1
