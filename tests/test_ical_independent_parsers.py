"""Our .ics re-read by parsers that are not ``icalendar``: they must find the same UTC instants
as ``zoneinfo``, in summer and winter, either side of DST changes, and either side of rule
changes (US 2007, Australia 2008, New Zealand 2007, Newfoundland 2011).

* ical.js (Thunderbird's parser, from npm, run with node) — skipped locally when node, npm or
  the registry is unavailable, a failure on CI (``CI=true``);
* vobject (which reads VTIMEZONEs through dateutil's ``tzical``).

Every TZID is renamed to ``ours-<zone>`` before parsing, so no parser can fall back on a
built-in zone database: the instants come from the VTIMEZONEs we wrote.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

import pytest
import vobject

from schedules.export.ical import CalendarEntry, RecurringEntry, calendar_bytes
from schedules.export.vtimezone import onsets
from schedules.model import Airing, Recurrence
from schedules.zones import localize

ROOT = Path(__file__).resolve().parent.parent
NPM_CACHE = ROOT / ".cache" / "npm"
INSTANTS_JS = Path(__file__).resolve().parent / "js" / "instants.mjs"
WALL_TO_UTC_JS = Path(__file__).resolve().parent / "js" / "wall_to_utc.mjs"
ICAL_JS = "ical.js@2"
STAMP = dt.datetime(2018, 9, 12, tzinfo=dt.UTC)


class Case(NamedTuple):
    zone: str
    wall: str  # local wall time, ISO
    reason: str

    @property
    def uid(self) -> str:
        return f"{self.zone}|{self.wall}"

    @property
    def expected(self) -> dt.datetime:
        return localize(dt.datetime.fromisoformat(self.wall), self.zone).astimezone(dt.UTC)


CASES = [
    Case("Australia/Sydney", "2019-01-15T20:00", "summer: AEDT +11"),
    Case("Australia/Sydney", "2019-07-16T20:00", "winter: AEST +10"),
    Case("Australia/Sydney", "2018-09-18T20:00", "seed premiere, AEST"),
    Case("Australia/Sydney", "2018-09-22T19:30", "seed News Channel repeat printed AEST"),
    Case("Australia/Sydney", "2018-10-06T20:00", "the evening before DST starts (7 Oct 2018)"),
    Case("Australia/Sydney", "2018-10-07T20:00", "the evening DST started"),
    Case("Australia/Sydney", "2006-04-01T20:00", "2006 Commonwealth Games: DST ran to 2 April"),
    Case("Australia/Sydney", "2006-04-02T20:00", "AEST after the 2006 one-off end"),
    Case("Australia/Sydney", "2007-03-26T20:00", "old rule: DST ended last Sunday of March"),
    Case("Australia/Sydney", "2007-10-28T20:00", "old rule: DST began last Sunday of October"),
    Case("Australia/Sydney", "2008-04-05T20:00", "new rule: AEDT until first Sunday in April"),
    Case("Australia/Sydney", "2008-10-05T20:00", "new rule: DST from first Sunday in October"),
    Case("Australia/Sydney", "2090-01-17T20:00", "far future: the open-ended yearly rule"),
    Case("Australia/Perth", "2019-01-15T20:00", "no DST today: AWST +8 all year"),
    Case("Australia/Perth", "2008-01-15T20:00", "the 2006-09 DST trial: AWDT +9"),
    Case("Australia/Perth", "2008-07-15T20:00", "trial winter: AWST"),
    Case("Australia/Adelaide", "2019-01-15T20:00", "half-hour zone in summer: ACDT +10:30"),
    Case("Australia/Adelaide", "2019-07-16T20:00", "half-hour zone in winter: ACST +9:30"),
    Case("Australia/Adelaide", "2008-04-06T20:00", "evening of the first Sunday-in-April end"),
    Case("Australia/Brisbane", "2019-01-15T20:00", "no DST: a single STANDARD observance"),
    Case("Europe/London", "2019-01-15T20:00", "GMT"),
    Case("Europe/London", "2019-07-16T20:00", "BST"),
    Case("Europe/London", "2019-03-30T20:00", "the evening before BST starts"),
    Case("Europe/London", "2019-03-31T20:00", "the evening BST started"),
    Case("Europe/London", "2019-10-27T20:00", "the evening BST ended"),
    Case("Europe/London", "1995-10-21T20:00", "pre-1996 UK rule: BST until 22 October 1995"),
    Case("Europe/Dublin", "2019-01-15T20:00", "tzdata's negative DST: winter GMT"),
    Case("Europe/Dublin", "2019-07-16T20:00", "Irish Standard Time, +1"),
    Case("America/New_York", "2019-01-15T20:00", "EST"),
    Case("America/New_York", "2019-07-16T20:00", "EDT"),
    Case("America/New_York", "2006-04-01T20:00", "old rule: EST until first Sunday in April"),
    Case("America/New_York", "2006-04-02T20:00", "old rule: EDT from first Sunday in April"),
    Case("America/New_York", "2006-10-29T20:00", "old rule: EST from last Sunday in October"),
    Case("America/New_York", "2008-03-09T20:00", "2007 rule: EDT from second Sunday in March"),
    Case("America/New_York", "2008-11-01T20:00", "2007 rule: EDT until first Sunday in November"),
    Case("America/New_York", "2008-11-02T20:00", "2007 rule: EST after first Sunday in November"),
    Case("America/New_York", "1974-01-10T20:00", "1974 energy crisis: EDT in January"),
    Case("America/Los_Angeles", "2019-01-15T20:00", "PST"),
    Case("America/Los_Angeles", "2019-07-16T20:00", "PDT"),
    Case("America/Los_Angeles", "2006-03-15T20:00", "mid-March before 2007: PST"),
    Case("America/Los_Angeles", "2008-03-15T20:00", "mid-March after 2007: PDT"),
    Case("Pacific/Auckland", "2019-01-15T20:00", "NZDT +13"),
    Case("Pacific/Auckland", "2019-07-16T20:00", "NZST +12"),
    Case("Pacific/Auckland", "2006-09-30T20:00", "old rule: NZST until first Sunday in October"),
    Case("Pacific/Auckland", "2007-09-30T20:00", "2007 rule: NZDT from last Sunday in September"),
    Case("Pacific/Auckland", "2008-04-05T20:00", "2007 rule: NZDT until first Sunday in April"),
    Case("America/St_Johns", "2019-01-15T20:00", "NST -3:30"),
    Case("America/St_Johns", "2019-07-16T20:00", "NDT -2:30"),
    Case("America/St_Johns", "2010-11-07T00:30", "until 2011 changes were at 00:01: NST"),
    Case("America/St_Johns", "2012-11-04T00:30", "since 2011 changes are at 02:00: still NDT"),
    Case("Etc/GMT-10", "2019-01-15T20:00", "fixed +10 (POSIX sign inverted)"),
]


class Series(NamedTuple):
    zone: str
    first: str
    rule: str
    reason: str

    @property
    def uid(self) -> str:
        return f"series|{self.zone}|{self.first}"

    def expected(self, count: int) -> list[dt.datetime]:
        wall = dt.datetime.fromisoformat(self.first)
        match = re.search(r"INTERVAL=(\d+)", self.rule)
        step = int(match.group(1)) if match else 1
        return [localize(wall + dt.timedelta(weeks=n * step), self.zone).astimezone(dt.UTC)
                for n in range(count)]


SERIES = [
    Series("Australia/Sydney", "2018-09-18T20:00", "FREQ=WEEKLY;COUNT=6",
           "weekly Tuesdays across the October 2018 start of AEDT"),
    Series("America/New_York", "2019-02-26T20:00", "FREQ=WEEKLY;COUNT=5",
           "weekly across the March 2019 start of EDT"),
    Series("Europe/London", "2019-10-15T21:00", "FREQ=WEEKLY;COUNT=4",
           "weekly across the October 2019 end of BST"),
    Series("America/New_York", "2006-10-03T20:00", "FREQ=WEEKLY;INTERVAL=4;COUNT=12",
           "four-weekly from the old US rules into the 2007 ones (DST from 11 March 2007)"),
    Series("Australia/Sydney", "2007-01-09T20:00", "FREQ=WEEKLY;INTERVAL=2;COUNT=45",
           "fortnightly across Australia's 2008 change (AEDT until 6 April 2008)"),
]


def _calendar() -> bytes:
    entries = []
    for case in CASES:
        start = localize(dt.datetime.fromisoformat(case.wall), case.zone)
        airing = Airing("Probe", case.reason, "Test channel", start, case.zone)
        entries.append(CalendarEntry(airing=airing, uid=case.uid, stamp=STAMP))
    recurring = [
        RecurringEntry(
            recurrence=Recurrence("Weekly probe", None, "Test channel",
                                  localize(dt.datetime.fromisoformat(s.first), s.zone),
                                  s.rule, s.zone),
            uid=s.uid, stamp=STAMP)
        for s in SERIES
    ]
    return calendar_bytes(entries, recurring=recurring, name="Independent parser probes")


def renamed_zones(data: bytes) -> bytes:
    """Every TZID (property and parameter) prefixed with ``ours-``."""
    return re.sub(rb"(?m)(^TZID:|;TZID=)", rb"\1ours-", data)


@pytest.fixture(scope="module")
def ics() -> bytes:
    data = renamed_zones(_calendar())
    assert b"RDATE" not in data
    return data


def _unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"ical.js check required on CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def ical_js_prefix() -> Path:
    """A directory whose node_modules holds ical.js, installed once per session if missing."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        _unavailable("node and npm are needed to run ical.js")
    if not (NPM_CACHE / "node_modules" / "ical.js" / "package.json").exists():
        NPM_CACHE.mkdir(parents=True, exist_ok=True)
        try:
            done = subprocess.run(
                [str(npm), "install", "--no-audit", "--no-fund", "--prefix", str(NPM_CACHE),
                 ICAL_JS],
                capture_output=True, text=True, timeout=300, check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            _unavailable(f"npm install {ICAL_JS} failed: {exc}")
        if done.returncode != 0:
            _unavailable(f"npm install {ICAL_JS} failed: {done.stderr.strip()[-500:]}")
    return NPM_CACHE


def run_ical_js(prefix: Path, data: bytes) -> dict[str, Any]:
    """What ical.js reads from a calendar, with node's own zone set somewhere unhelpful."""
    done = subprocess.run(
        ["node", str(INSTANTS_JS), str(prefix), "60"],
        input=data, capture_output=True, timeout=300, check=False,
        env={**os.environ, "TZ": "Pacific/Chatham"},
    )
    assert done.returncode == 0, done.stderr.decode()
    result: dict[str, Any] = json.loads(done.stdout)
    return result


@pytest.fixture(scope="module")
def ical_js(ical_js_prefix: Path, ics: bytes) -> dict[str, Any]:
    return run_ical_js(ical_js_prefix, ics)


@pytest.fixture(scope="module")
def vobject_calendar(ics: bytes) -> dict[str, Any]:
    cal = vobject.readOne(ics.decode())
    return {ev.uid.value: ev for ev in cal.vevent_list}


def _z(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.uid)
def test_ical_js_reads_the_instant_zoneinfo_gives(case: Case, ical_js: dict[str, Any]) -> None:
    got = ical_js[case.uid]
    assert got["zone"] == f"ours-{case.zone}", "ical.js must resolve our VTIMEZONE"
    assert got["start"] == _z(case.expected), case.reason


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.uid)
def test_vobject_reads_the_instant_zoneinfo_gives(
    case: Case, vobject_calendar: dict[str, Any]
) -> None:
    start = vobject_calendar[case.uid].dtstart.value
    assert start.tzinfo is not None and not isinstance(start.tzinfo, ZoneInfo)
    assert start.astimezone(dt.UTC) == case.expected, case.reason


@pytest.mark.parametrize("series", SERIES, ids=lambda s: s.uid)
def test_ical_js_expands_weekly_rule_across_dst(series: Series, ical_js: dict[str, Any]) -> None:
    got = ical_js[series.uid]["occurrences"]
    assert got == [_z(m) for m in series.expected(len(got))], series.reason
    assert len(got) == int(series.rule.rsplit("=", 1)[1])


@pytest.mark.parametrize("series", SERIES, ids=lambda s: s.uid)
def test_vobject_expands_weekly_rule_across_dst(
    series: Series, vobject_calendar: dict[str, Any]
) -> None:
    got = [m.astimezone(dt.UTC) for m in vobject_calendar[series.uid].getrruleset()]
    assert got == series.expected(len(got)), series.reason
    assert len(got) == int(series.rule.rsplit("=", 1)[1])


def test_renaming_really_hides_the_zone_names() -> None:
    """Guard for the premise above: after renaming, no TZID names a real zone."""
    data = renamed_zones(_calendar())
    tzids = set(re.findall(rb"(?m)(?:^TZID:|;TZID=)([^:;\r\n]+)", data))
    assert tzids and all(t.startswith(b"ours-") for t in tzids)


SWEEP_ZONES = [
    "Australia/Sydney", "Australia/Adelaide", "Australia/Perth", "Australia/Hobart",
    "Australia/Lord_Howe", "Europe/London", "Europe/Dublin", "Pacific/Auckland",
    "America/New_York", "America/Los_Angeles", "America/Toronto", "America/St_Johns",
    "America/Halifax", "Etc/GMT-10", "Etc/GMT+5",
]
SWEEP_YEARS = (1971, 2100)


def _sweep(zone: str) -> list[dt.datetime]:
    """Mid-January and mid-July of every year, and three hours either side of every change,
    keeping instants whose local wall time is unambiguous."""
    tz = ZoneInfo(zone)
    first, last = SWEEP_YEARS
    changes = onsets(zone, first, last)
    begin = dt.datetime(first, 1, 1, 15, tzinfo=dt.UTC)  # 1 January local, east and west
    out = [begin] + [dt.datetime(y, m, 15, 12, tzinfo=dt.UTC) for y in range(first, last + 1)
                     for m in (1, 7)]
    for change in changes:
        out += [change.instant - dt.timedelta(hours=3), change.instant + dt.timedelta(hours=3)]
    kept = []
    for instant in sorted(set(out)):
        wall = instant.astimezone(tz).replace(tzinfo=None)
        if wall.replace(tzinfo=tz, fold=0).utcoffset() == wall.replace(
                tzinfo=tz, fold=1).utcoffset() and instant >= begin and wall.year <= last:
            kept.append(instant)
    return kept


@pytest.fixture(scope="module")
def sweep_ical_js(ical_js_prefix: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """ical.js's UTC instant for each sweep wall time, from a calendar holding one VTIMEZONE per
    zone (a probe event per zone in 1974 and 2100 makes it span 1971 to 2100)."""
    first, last = SWEEP_YEARS
    entries = [
        CalendarEntry(airing=Airing("Sweep", None, "Test channel",
                                    localize(dt.datetime(year, 6, 1, 12), zone), zone),
                      uid=f"{zone}|{year}", stamp=STAMP)
        for zone in SWEEP_ZONES for year in (first + 3, last)
    ]
    data = renamed_zones(calendar_bytes(entries, name="Sweep"))
    keys, probes = [], []
    for zone in SWEEP_ZONES:
        for instant in _sweep(zone):
            wall = instant.astimezone(ZoneInfo(zone)).replace(tzinfo=None)
            keys.append(f"{zone}|{instant.isoformat()}")
            probes.append([f"ours-{zone}", wall.isoformat()])
    probe_file = tmp_path_factory.mktemp("sweep") / "probes.json"
    probe_file.write_text(json.dumps(probes))
    done = subprocess.run(
        ["node", str(WALL_TO_UTC_JS), str(ical_js_prefix), str(probe_file)],
        input=data, capture_output=True, timeout=300, check=False,
        env={**os.environ, "TZ": "Pacific/Chatham"},
    )
    assert done.returncode == 0, done.stderr.decode()
    return dict(zip(keys, json.loads(done.stdout), strict=True))


@pytest.mark.parametrize("zone", SWEEP_ZONES)
def test_ical_js_agrees_with_zoneinfo_1971_to_2100(zone: str,
                                                    sweep_ical_js: dict[str, str]) -> None:
    """Every year's summer and winter, and both sides of every change, from one VTIMEZONE."""
    wrong = []
    for instant in _sweep(zone):
        got = sweep_ical_js[f"{zone}|{instant.isoformat()}"]
        if got != _z(instant):
            wrong.append(f"{instant.astimezone(ZoneInfo(zone)).isoformat()}: ical.js {got}")
    assert not wrong, "; ".join(wrong[:5])
