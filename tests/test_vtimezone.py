"""VTIMEZONEs written as yearly rules agree with zoneinfo from 1970 to 2100.

The oracle reads our VTIMEZONE with dateutil's ``tzical`` (an RFC 5545 reader independent of
``icalendar``) and compares the UTC offset with ``zoneinfo`` on 1 January of the first year, the
15th of every month and three hours either side of every change zoneinfo knows in the range.
"""

from __future__ import annotations

import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
from dateutil import tz as dateutil_tz

from schedules.errors import ModelError
from schedules.export.vtimezone import onsets, vtimezone

ZONES = [
    ("Australia/Sydney", "AU east: 1971 start, 2000 Olympics, 2006 Games, 2008 rule change"),
    ("Australia/Melbourne", "as Sydney"),
    ("Australia/Hobart", "Tasmania's own, earlier start dates"),
    ("Australia/Adelaide", "half-hour offset with DST"),
    ("Australia/Broken_Hill", "NSW town on South Australian time"),
    ("Australia/Darwin", "half-hour, no DST"),
    ("Australia/Brisbane", "DST only 1971-72 and 1989-92"),
    ("Australia/Perth", "three DST trials, the last 2006-09"),
    ("Australia/Lord_Howe", "a half-hour DST and a base change in 1981"),
    ("Europe/London", "1968-71 British Standard Time, pre-1996 UK rules, then EU rules"),
    ("Europe/Dublin", "negative DST in tzdata"),
    ("Pacific/Auckland", "2007 rule change"),
    ("Pacific/Chatham", "+12:45/+13:45"),
    ("America/New_York", "1974-75 energy crisis, 1987 and 2007 changes"),
    ("America/Chicago", "US central"),
    ("America/Denver", "US mountain"),
    ("America/Phoenix", "no DST since 1968"),
    ("America/Los_Angeles", "US pacific"),
    ("America/Anchorage", "1983 zone change"),
    ("Pacific/Honolulu", "no DST"),
    ("America/Toronto", "Canada east"),
    ("America/Vancouver", "Canada west"),
    ("America/Halifax", "Atlantic"),
    ("America/St_Johns", "half-hour; changes at 00:01 until 2011, then 02:00"),
    ("America/Regina", "no DST"),
    ("Etc/GMT-10", "fixed +10"),
    ("Etc/GMT+5", "fixed -5"),
    ("UTC", "UTC"),
]
START, END = 1970, 2100


def _reader(zone: str, start: int, end: int) -> dt.tzinfo:
    text = vtimezone(zone, start, end).to_ical().decode()
    found = dateutil_tz.tzical(io.StringIO(text)).get()
    assert found is not None
    return found


def _samples(zone: str, start: int, end: int) -> list[dt.datetime]:
    """UTC instants to compare: mid-month noons and three hours either side of each change."""
    changes = onsets(zone, start, end)
    begin = dt.datetime(start, 1, 1, 15, tzinfo=dt.UTC)  # 1 January local, east and west
    out = [begin] + [dt.datetime(y, m, 15, 12, tzinfo=dt.UTC) for y in range(start, end + 1)
                     for m in range(1, 13)]
    for change in changes:
        out += [change.instant - dt.timedelta(hours=3), change.instant + dt.timedelta(hours=3)]
    return sorted(m for m in out if begin <= m < dt.datetime(end + 1, 1, 1, tzinfo=dt.UTC))


def _unambiguous(wall: dt.datetime, zone: ZoneInfo) -> bool:
    return wall.replace(tzinfo=zone, fold=0).utcoffset() == wall.replace(
        tzinfo=zone, fold=1).utcoffset()


@pytest.mark.parametrize(("zone", "reason"), ZONES, ids=[z for z, _ in ZONES])
def test_offsets_match_zoneinfo_1970_to_2100(zone: str, reason: str) -> None:
    ours = _reader(zone, START, END)
    real = ZoneInfo(zone)
    wrong = []
    for instant in _samples(zone, START, END):
        wall = instant.astimezone(real).replace(tzinfo=None)
        if not _unambiguous(wall, real):
            continue
        expected = wall.replace(tzinfo=real).utcoffset()
        got = wall.replace(tzinfo=ours).utcoffset()
        if got != expected:
            wrong.append(f"{wall.isoformat()} local: ours {got}, zoneinfo {expected}")
    assert not wrong, f"{reason}: " + "; ".join(wrong[:5])


@pytest.mark.parametrize(
    ("zone", "start", "end", "reason"),
    [
        ("America/New_York", 2005, 2009, "the 2007 US change inside a short range"),
        ("Australia/Sydney", 2004, 2010, "the 2006 one-off and the 2008 change"),
        ("Australia/Perth", 2004, 2012, "DST appears mid-range and stops again"),
        ("Europe/London", 2015, 2020, "steady EU rules"),
    ],
)
def test_short_ranges_match_too(zone: str, start: int, end: int, reason: str) -> None:
    ours, real = _reader(zone, start, end), ZoneInfo(zone)
    for instant in _samples(zone, start, end):
        wall = instant.astimezone(real).replace(tzinfo=None)
        if _unambiguous(wall, real):
            assert wall.replace(tzinfo=ours).utcoffset() == wall.replace(
                tzinfo=real).utcoffset(), f"{reason}: {wall}"


def _observances(zone: str, start: int, end: int) -> list[dict[str, str]]:
    out = []
    for sub in vtimezone(zone, start, end).subcomponents:
        lines = sub.to_ical().decode().split("\r\n")
        fields = dict(line.split(":", 1) for line in lines if ":" in line)
        fields["KIND"] = sub.name
        out.append(fields)
    return out


@pytest.mark.parametrize(
    ("zone", "start", "end", "expected", "reason"),
    [
        ("Australia/Sydney", 2015, 2020, [
            ("DAYLIGHT", "20150101T000000", None, "+1100", "+1100"),
            ("STANDARD", "20150405T030000", "FREQ=YEARLY;BYDAY=1SU;BYMONTH=4", "+1100", "+1000"),
            ("DAYLIGHT", "20151004T020000", "FREQ=YEARLY;BYDAY=1SU;BYMONTH=10", "+1000", "+1100"),
        ], "southern hemisphere: DAYLIGHT from October to April (and on 1 January)"),
        ("America/New_York", 2005, 2009, [
            ("STANDARD", "20050101T000000", None, "-0500", "-0500"),
            ("DAYLIGHT", "20050403T020000",
             "FREQ=YEARLY;UNTIL=20060402T070000Z;BYDAY=1SU;BYMONTH=4", "-0500", "-0400"),
            ("STANDARD", "20051030T020000",
             "FREQ=YEARLY;UNTIL=20061029T060000Z;BYDAY=-1SU;BYMONTH=10", "-0400", "-0500"),
            ("DAYLIGHT", "20070311T020000", "FREQ=YEARLY;BYDAY=2SU;BYMONTH=3", "-0500", "-0400"),
            ("STANDARD", "20071104T020000", "FREQ=YEARLY;BYDAY=1SU;BYMONTH=11", "-0400", "-0500"),
        ], "the 2007 US change: the old era ends with UNTIL in UTC"),
        ("Europe/Dublin", 2015, 2020, [
            ("STANDARD", "20150101T000000", None, "+0000", "+0000"),
            ("DAYLIGHT", "20150329T010000", "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3", "+0000", "+0100"),
            ("STANDARD", "20151025T020000", "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10", "+0100", "+0000"),
        ], "negative DST in tzdata still reads as summer DAYLIGHT, with zoneinfo's offsets"),
        ("Australia/Brisbane", 2015, 2020, [
            ("STANDARD", "20150101T000000", None, "+1000", "+1000"),
        ], "no DST: one STANDARD observance"),
        ("Etc/GMT-10", 2015, 2020, [
            ("STANDARD", "20150101T000000", None, "+1000", "+1000"),
        ], "a fixed Etc zone"),
    ],
)
def test_observances_are_yearly_rules(
    zone: str, start: int, end: int, expected: list[tuple[str, str, str | None, str, str]],
    reason: str,
) -> None:
    got = [(o["KIND"], o["DTSTART"], o.get("RRULE"), o["TZOFFSETFROM"], o["TZOFFSETTO"])
           for o in _observances(zone, start, end)]
    assert got == expected, reason


@pytest.mark.parametrize("zone", [z for z, _ in ZONES])
def test_no_rdate_ever(zone: str) -> None:
    """RDATE lists are what ical.js and Outlook misread; we write rules only."""
    assert b"RDATE" not in vtimezone(zone, START, END).to_ical()


def test_sydney_utc_until_is_not_before_the_local_onset() -> None:
    """Regression: an exact-instant UNTIL east of Greenwich (20070324T160000Z) made dateutil
    (and so vobject) drop the last change of the pre-2008 era, an hour off until October."""
    observances = _observances("Australia/Sydney", 2003, 2010)
    assert "FREQ=YEARLY;UNTIL=20070325T030000Z;BYDAY=-1SU;BYMONTH=3" in {
        o.get("RRULE") for o in observances}


@pytest.mark.parametrize(
    ("zone", "start", "end", "reason"),
    [("Mars/Olympus_Mons", 2018, 2019, "not an IANA zone"),
     ("Australia/Sydney", 2019, 2018, "years backwards")],
)
def test_bad_arguments(zone: str, start: int, end: int, reason: str) -> None:
    with pytest.raises(ModelError):
        vtimezone(zone, start, end)
