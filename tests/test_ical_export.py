"""iCalendar export: what a calendar subscriber can rely on.

Records are built by hand (the Foreign Correspondent "Leave No Dark Corner" release, the seed
example), so these tests do not depend on the extractor.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pytest
import vobject

from schedules.errors import ModelError
from schedules.export.ical import (
    CalendarEntry,
    RecurringEntry,
    calendar_bytes,
    entries_for_release,
    release_calendar,
)
from schedules.model import Airing, Contact, Programme, Recurrence, Release

SYDNEY = "Australia/Sydney"
SYD = ZoneInfo(SYDNEY)
STAMP = dt.datetime(2018, 9, 12, tzinfo=dt.UTC)
SYNOPSIS = ("China is marrying Big Brother to Big Data. Every citizen will be watched; "
            "their behaviour scored.\nMatthew Carney reports.")
CONTACT = Contact("Peri Wilson", "Marketing Communications Lead, News and Current Affairs",
                  "ABC", ("02 8333 2263", "0409 888 866"), ("wilson.peri@abc.net.au",))


def fc(day: int, hour: int, minute: int, channel: str = "ABC TV", **kw: Any) -> Airing:
    """A Foreign Correspondent "Leave No Dark Corner" airing in September 2018, Sydney time."""
    base = Airing("Foreign Correspondent", "Leave No Dark Corner", channel,
                  dt.datetime(2018, 9, day, hour, minute, tzinfo=SYD), SYDNEY,
                  on_demand=("ABC iview",))
    return dataclasses.replace(base, **kw)


SEED_AIRINGS = (
    fc(18, 20, 0),
    fc(21, 13, 30, repeat=True),
    fc(22, 19, 30, "ABC News Channel", repeat=True, zone_label="AEST"),
)


def seed(**kw: Any) -> Release:
    release = Release(
        text="FOREIGN CORRESPONDENT: LEAVE NO DARK CORNER ...", format="md", country="AU",
        title="Foreign Correspondent: Leave No Dark Corner", released=dt.date(2018, 9, 12),
        url="https://about.abc.net.au/press-releases/leave-no-dark-corner/",
        programmes=(Programme("Foreign Correspondent", "Leave No Dark Corner",
                              presenter="Matthew Carney", synopsis=SYNOPSIS),),
        airings=SEED_AIRINGS, contacts=(CONTACT,), on_demand=("ABC iview",),
    )
    return dataclasses.replace(release, **kw)


def entry(airing: Airing, uid: str = "probe@test", **kw: Any) -> CalendarEntry:
    return CalendarEntry(airing=airing, uid=uid, stamp=STAMP, **kw)


def one(airing: Airing, **kw: Any) -> bytes:
    return calendar_bytes([entry(airing)], name="Probe", **kw)


def parse(data: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(data)


def events(data: bytes) -> list[icalendar.Event]:
    return list(parse(data).walk("VEVENT"))


def lines(data: bytes, name: str) -> list[str]:
    """The unfolded content lines named ``name`` (parameters included), outside VTIMEZONEs."""
    unfolded = data.decode().replace("\r\n ", "")
    unfolded = re.sub(r"BEGIN:VTIMEZONE\r\n.*?END:VTIMEZONE\r\n", "", unfolded, flags=re.S)
    return [ln for ln in unfolded.split("\r\n") if re.match(rf"{name}[;:]", ln)]


# --------------------------------------------------------------------------- determinism


def test_same_release_twice_gives_identical_bytes_and_uids() -> None:
    first, second = release_calendar(seed()), release_calendar(seed())
    assert first == second
    uids = [str(e["UID"]) for e in events(first)]
    assert uids == [f"{a.key()}@broadcast-schedules" for a in SEED_AIRINGS]


def test_airing_order_in_the_release_does_not_change_the_bytes() -> None:
    reordered = seed(airings=tuple(reversed(SEED_AIRINGS)))
    assert release_calendar(reordered) == release_calendar(seed())


def test_events_are_sorted_by_start_then_uid() -> None:
    same_time = [entry(fc(18, 20, 0), uid="b@test"), entry(fc(18, 20, 0, "ABC ME"), uid="a@test"),
                 entry(fc(17, 20, 0), uid="z@test")]
    data = calendar_bytes(same_time, name="Probe")
    assert [str(e["UID"]) for e in events(data)] == ["z@test", "a@test", "b@test"]


@pytest.mark.parametrize(
    ("released", "expected", "reason"),
    [
        (dt.date(2018, 9, 12), "20180912T000000Z", "the release date at midnight UTC"),
        (None, "19700101T000000Z", "an undated release gets the epoch, never today"),
    ],
)
def test_dtstamp_and_last_modified_come_from_the_record_not_the_clock(
    released: dt.date | None, expected: str, reason: str
) -> None:
    data = release_calendar(seed(released=released))
    assert lines(data, "DTSTAMP") == [f"DTSTAMP:{expected}"] * 3, reason
    assert lines(data, "LAST-MODIFIED") == [f"LAST-MODIFIED:{expected}"] * 3, reason


# --------------------------------------------------------------------------- times


@pytest.mark.parametrize(
    ("airing", "options", "dtend", "reason"),
    [
        (fc(18, 20, 0), {}, "DTEND;TZID=Australia/Sydney:20180918T203000",
         "no printed end: the 30-minute default"),
        (fc(18, 20, 0), {"durations": {"Foreign Correspondent": dt.timedelta(hours=1)}},
         "DTEND;TZID=Australia/Sydney:20180918T210000", "a per-programme duration"),
        (fc(18, 20, 0), {"durations": {"Four Corners": dt.timedelta(hours=1)}},
         "DTEND;TZID=Australia/Sydney:20180918T203000", "another programme's duration ignored"),
        (fc(18, 20, 0), {"default_duration": dt.timedelta(minutes=45)},
         "DTEND;TZID=Australia/Sydney:20180918T204500", "the default is an option"),
        (fc(18, 20, 0, end=dt.datetime(2018, 9, 18, 20, 50, tzinfo=SYD)),
         {"durations": {"Foreign Correspondent": dt.timedelta(hours=1)}},
         "DTEND;TZID=Australia/Sydney:20180918T205000", "a printed end wins"),
        (Airing("Late news", None, "ABC TV", dt.datetime(2018, 10, 7, 1, 45, tzinfo=SYD), SYDNEY),
         {}, "DTEND;TZID=Australia/Sydney:20181007T031500",
         "30 real minutes across the start of DST (02:00 -> 03:00)"),
        (Airing("Late news", None, "NBC", dt.datetime(2019, 11, 3, 5, 45, tzinfo=dt.UTC),
                "America/New_York"),
         {}, "DTEND:20191103T061500Z",
         "ends in the repeated hour after DST: a local 01:15 would mean the first one"),
    ],
)
def test_event_end(airing: Airing, options: dict[str, Any], dtend: str, reason: str) -> None:
    assert lines(one(airing, **options), "DTEND") == [dtend], reason


def test_start_carries_the_airings_zone() -> None:
    data = release_calendar(seed())
    assert lines(data, "DTSTART")[-3:] == [
        "DTSTART;TZID=Australia/Sydney:20180918T200000",
        "DTSTART;TZID=Australia/Sydney:20180921T133000",
        "DTSTART;TZID=Australia/Sydney:20180922T193000",
    ]
    for event, airing in zip(events(data), SEED_AIRINGS, strict=True):
        assert event.decoded("DTSTART") == airing.start


@pytest.mark.parametrize(
    ("airing", "all_day", "status", "reason"),
    [
        (fc(18, 0, 0, time_known=False), False, "TENTATIVE",
         "time not printed: a date, never an invented time"),
        (fc(18, 20, 0), True, "CONFIRMED", "the all-day feed option dates every event"),
        (fc(18, 0, 0, time_known=False, status="cancelled"), False, "CANCELLED",
         "cancelled wins over tentative"),
    ],
)
def test_all_day_events(airing: Airing, all_day: bool, status: str, reason: str) -> None:
    data = one(airing, all_day=all_day)
    assert lines(data, "DTSTART") == ["DTSTART;VALUE=DATE:20180918"], reason
    assert lines(data, "DTEND") == ["DTEND;VALUE=DATE:20180919"], reason
    assert lines(data, "STATUS") == [f"STATUS:{status}"], reason
    assert b"BEGIN:VTIMEZONE" not in data, "dates need no time zone"


@pytest.mark.parametrize(
    ("status", "time_known", "expected", "reason"),
    [
        ("scheduled", True, "CONFIRMED", "an announced airing"),
        ("cancelled", True, "CANCELLED", "a withdrawn airing stays in the feed, cancelled"),
        ("scheduled", False, "TENTATIVE", "the day is known, the time is not"),
    ],
)
def test_status(status: str, time_known: bool, expected: str, reason: str) -> None:
    data = one(fc(18, 20, 0, status=status, time_known=time_known))
    assert lines(data, "STATUS") == [f"STATUS:{expected}"], reason


# --------------------------------------------------------------------------- content


@pytest.mark.parametrize(
    ("programme", "episode", "channel", "expected", "reason"),
    [
        ("Foreign Correspondent", "Leave No Dark Corner", "ABC TV",
         "Foreign Correspondent: Leave No Dark Corner", "programme and episode"),
        ("Foreign Correspondent", None, "ABC TV", "Foreign Correspondent", "programme only"),
        (None, None, "ABC TV", "Untitled programme on ABC TV", "nothing but the channel"),
        (None, None, None, "Untitled programme", "nothing at all"),
    ],
)
def test_summary(programme: str | None, episode: str | None, channel: str | None,
                 expected: str, reason: str) -> None:
    airing = fc(18, 20, 0, programme=programme, episode=episode, channel=channel)
    assert str(events(one(airing))[0]["SUMMARY"]) == expected, reason


def test_seed_event_content() -> None:
    premiere, repeat, news = events(release_calendar(seed()))
    description = str(premiere["DESCRIPTION"])
    for part, reason in [
        (SYNOPSIS, "the programme's synopsis"),
        ("Also on: ABC iview", "where else to watch"),
        ("Media contact: Peri Wilson, Marketing Communications Lead, News and Current Affairs, "
         "ABC, 02 8333 2263, 0409 888 866, wilson.peri@abc.net.au", "the media contact"),
        ("Source: Foreign Correspondent: Leave No Dark Corner", "where it was read"),
    ]:
        assert part in description, reason
    assert "Repeat" not in description.split("\n\n")
    assert "Repeat" in str(repeat["DESCRIPTION"]).split("\n\n")
    assert str(premiere["LOCATION"]) == "ABC TV"
    assert str(news["LOCATION"]) == "ABC News Channel"
    assert str(premiere["URL"]) == seed().url
    assert [str(c) for c in premiere["CATEGORIES"].cats] == ["ABC TV"]
    assert [str(c) for c in news["CATEGORIES"].cats] == ["ABC News Channel", "Repeat"]
    assert int(premiere["SEQUENCE"]) == 0


def test_entry_fields_reach_the_event() -> None:
    data = calendar_bytes([entry(fc(18, 20, 0), sequence=3, url="https://example.org/fc",
                                 categories=("Documentary", "abc tv"),
                                 description="Read from the ABC press office")], name="Probe")
    (event,) = events(data)
    assert int(event["SEQUENCE"]) == 3
    assert str(event["URL"]) == "https://example.org/fc"
    assert [str(c) for c in event["CATEGORIES"].cats] == ["ABC TV", "Documentary"]
    assert str(event["DESCRIPTION"]).endswith("Read from the ABC press office")


# --------------------------------------------------------------------------- escaping


@pytest.mark.parametrize(
    ("field", "value", "raw", "reason"),
    [
        ("synopsis", "Big Data, Big Brother; scored\nand watched",
         "Big Data\\, Big Brother\\; scored\\nand watched",
         "TEXT escapes comma, semicolon and newline"),
        ("synopsis", "back\\slash", "back\\\\slash", "and backslash"),
        ("programme", "Q&A; live, again", "SUMMARY:Q&A\\; live\\, again", "in SUMMARY too"),
        ("channel", "SBS; VICELAND, HD", "LOCATION:SBS\\; VICELAND\\, HD", "and LOCATION"),
    ],
)
def test_text_is_escaped(field: str, value: str, raw: str, reason: str) -> None:
    if field == "synopsis":
        data = calendar_bytes([entry(fc(18, 20, 0), synopsis=value)], name="Probe")
        parsed = str(events(data)[0]["DESCRIPTION"]).split("\n\n")[0]
    else:
        data = one(fc(18, 20, 0, episode=None, **{field: value}))
        parsed = str(events(data)[0]["SUMMARY" if field == "programme" else "LOCATION"])
    assert raw in data.decode().replace("\r\n ", ""), reason
    assert parsed == value, "and reads back as written"


HOSTILE = "Evil\r\nBEGIN:VEVENT\r\nUID:injected\r\nDTSTART:20000101T000000Z\r\nEND:VEVENT"


@pytest.mark.parametrize(
    ("where", "reason"),
    [
        ({"programme": HOSTILE}, "a title"),
        ({"episode": HOSTILE}, "an episode"),
        ({"channel": HOSTILE}, "a channel (LOCATION and CATEGORIES)"),
        ({"synopsis": HOSTILE}, "a synopsis"),
        ({"description": HOSTILE}, "extra description"),
        ({"contacts": (Contact(HOSTILE, phones=(HOSTILE,)),)}, "a contact"),
        ({"url": "https://example.org/\r\nBEGIN:VEVENT"}, "a URL (dropped, not escaped)"),
        ({"uid": HOSTILE}, "even the UID"),
    ],
)
def test_hostile_text_cannot_inject_a_component(where: dict[str, Any], reason: str) -> None:
    airing_fields = {k: v for k, v in where.items() if k in ("programme", "episode", "channel")}
    entry_fields = {k: v for k, v in where.items() if k not in airing_fields}
    data = calendar_bytes(
        [CalendarEntry(airing=fc(18, 20, 0, **airing_fields), stamp=STAMP,
                       **{"uid": "probe@test", **entry_fields})],
        name="Probe",
    )
    raw_lines = data.decode().split("\r\n")
    assert raw_lines.count("BEGIN:VEVENT") == 1, reason
    assert "UID:injected" not in raw_lines, reason
    assert len(events(data)) == 1, reason
    assert len(vobject.readOne(data.decode()).vevent_list) == 1, reason
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", data.decode().replace("\r\n", "")), reason


def test_control_characters_are_dropped() -> None:
    data = one(fc(18, 20, 0, programme="Bell\x07 and\x00 escape\x1b"))
    assert str(events(data)[0]["SUMMARY"]) == "Bell and escape: Leave No Dark Corner"


# --------------------------------------------------------------------------- the calendar


def test_calendar_properties() -> None:
    data = calendar_bytes([entry(fc(18, 20, 0))], name="ABC TV, News; Current Affairs",
                          description="Airings read from press releases",
                          url="https://schedules.example/feeds/abc.ics")
    for line, reason in [
        ("VERSION:2.0", "RFC 5545"),
        ("PRODID:-//broadcast-schedules//iCalendar export//EN", "RFC 5545"),
        ("CALSCALE:GREGORIAN", "RFC 5545"),
        ("METHOD:PUBLISH", "a published feed, not an invitation"),
        ("NAME:ABC TV\\, News\\; Current Affairs", "RFC 7986 name, escaped"),
        ("X-WR-CALNAME:ABC TV\\, News\\; Current Affairs", "the name Apple/Google read"),
        ("DESCRIPTION:Airings read from press releases", "RFC 7986 description"),
        ("X-WR-CALDESC:Airings read from press releases", "the description Apple/Google read"),
        ("REFRESH-INTERVAL;VALUE=DURATION:PT1H", "RFC 7986 polling hint"),
        ("X-PUBLISHED-TTL:PT1H", "Outlook's polling hint"),
        ("URL:https://schedules.example/feeds/abc.ics", "where the feed lives"),
        ("X-WR-TIMEZONE:Australia/Sydney", "one zone used: named for Google"),
    ]:
        assert line in data.decode().split("\r\n"), reason


@pytest.mark.parametrize(
    ("refresh", "expected", "reason"),
    [
        (dt.timedelta(hours=6), ["PT6H"], "any interval"),
        (None, [], "None leaves both hints out"),
    ],
)
def test_refresh_interval(refresh: dt.timedelta | None, expected: list[str], reason: str) -> None:
    data = one(fc(18, 20, 0), refresh=refresh)
    assert [ln.rsplit(":", 1)[1] for ln in lines(data, "REFRESH-INTERVAL")] == expected, reason
    assert [ln.rsplit(":", 1)[1] for ln in lines(data, "X-PUBLISHED-TTL")] == expected, reason


def test_no_description_no_caldesc() -> None:
    data = one(fc(18, 20, 0))
    assert not lines(data, "X-WR-CALDESC")
    assert not [ln for ln in lines(data, "DESCRIPTION") if "Probe" in ln]


def test_one_vtimezone_per_zone_used() -> None:
    perth = Airing("Foreign Correspondent", None, "ABC TV",
                   dt.datetime(2018, 9, 18, 20, tzinfo=ZoneInfo("Australia/Perth")),
                   "Australia/Perth")
    undated_brisbane = Airing("Gardening Australia", None, "ABC TV",
                              dt.datetime(2018, 9, 21, tzinfo=ZoneInfo("Australia/Brisbane")),
                              "Australia/Brisbane", time_known=False)
    data = calendar_bytes(
        [entry(a, uid=f"{i}@test") for i, a in
         enumerate([*SEED_AIRINGS, perth, undated_brisbane])],
        name="Probe",
    )
    tzids = [str(tz["TZID"]) for tz in parse(data).walk("VTIMEZONE")]
    assert tzids == ["Australia/Perth", "Australia/Sydney"], "sorted, once each, dated not"
    assert not lines(data, "X-WR-TIMEZONE"), "two zones: no single calendar zone to name"


def test_vtimezone_starts_a_few_years_before_the_first_event() -> None:
    data = release_calendar(seed())
    (vtz,) = parse(data).walk("VTIMEZONE")
    first = min(sub.decoded("DTSTART") for sub in vtz.subcomponents)
    assert first.year == 2015


@pytest.mark.parametrize(
    ("zones", "reason"),
    [
        (("Australia/Sydney",), "the seed"),
        (("Australia/Sydney", "Europe/London", "America/New_York", "Pacific/Auckland",
          "Australia/Perth", "Australia/Brisbane", "Etc/GMT-10", "UTC"), "many zones"),
    ],
)
def test_no_rdate_in_output(zones: tuple[str, ...], reason: str) -> None:
    found = [
        entry(Airing("P", None, "C", dt.datetime(2006, 1, 1, tzinfo=ZoneInfo(z)), z),
              uid=f"{z}@test")
        for z in zones
    ] + [entry(Airing("P", None, "C", dt.datetime(2019, 6, 1, tzinfo=ZoneInfo(z)), z),
               uid=f"{z}-later@test") for z in zones]
    data = calendar_bytes(found, name="Probe")
    assert b"RDATE" not in data, reason
    assert len(list(parse(data).walk("VTIMEZONE"))) == len(zones), reason


# --------------------------------------------------------------------------- recurrences


def weekly(rule: str = "FREQ=WEEKLY;COUNT=6", **kw: Any) -> RecurringEntry:
    rec = Recurrence("Foreign Correspondent", None, "ABC TV",
                     dt.datetime(2018, 9, 18, 20, tzinfo=SYD), rule, SYDNEY)
    return RecurringEntry(recurrence=dataclasses.replace(rec, **kw), uid="weekly@test",
                          stamp=STAMP)


@pytest.mark.parametrize(
    ("rule", "all_day", "expected", "reason"),
    [
        ("FREQ=WEEKLY;COUNT=6", False, "RRULE:FREQ=WEEKLY;COUNT=6", "as stated"),
        ("FREQ=WEEKLY;BYDAY=TU;UNTIL=20181023", False,
         "RRULE:FREQ=WEEKLY;UNTIL=20181023T125959Z;BYDAY=TU",
         "a date UNTIL becomes the end of that local day in UTC, as RFC 5545 requires"),
        ("FREQ=WEEKLY;UNTIL=20181023T200000", False, "RRULE:FREQ=WEEKLY;UNTIL=20181023T090000Z",
         "a local UNTIL is read in the slot's zone"),
        ("FREQ=WEEKLY;UNTIL=20181023T090000Z", True, "RRULE:FREQ=WEEKLY;UNTIL=20181023",
         "an all-day feed needs a date UNTIL"),
    ],
)
def test_recurring_rule(rule: str, all_day: bool, expected: str, reason: str) -> None:
    data = calendar_bytes([], recurring=[weekly(rule)], name="Probe", all_day=all_day)
    assert lines(data, "RRULE") == [expected], reason


def test_recurring_event_is_timed_in_its_zone() -> None:
    data = calendar_bytes([], recurring=[weekly()], name="Probe")
    assert lines(data, "DTSTART") == ["DTSTART;TZID=Australia/Sydney:20180918T200000"]
    assert lines(data, "DTEND") == ["DTEND;TZID=Australia/Sydney:20180918T203000"]
    assert [str(tz["TZID"]) for tz in parse(data).walk("VTIMEZONE")] == [SYDNEY]


@pytest.mark.parametrize(
    ("rule", "reason"),
    [
        ("FREQ=SOMETIMES", "unknown frequency"),
        ("BYDAY=TU", "no FREQ"),
        ("FREQ=WEEKLY;COUNT=3;UNTIL=20181023", "COUNT and UNTIL together"),
        ("FREQ=WEEKLY\r\nBEGIN:VEVENT", "control characters"),
        ("FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30", "no broadcast slot repeats every second"),
    ],
)
def test_bad_rules_are_model_errors(rule: str, reason: str) -> None:
    with pytest.raises(ModelError):
        calendar_bytes([], recurring=[weekly(rule)], name="Probe")


def test_release_recurrences_become_rrule_events() -> None:
    rec = weekly().recurrence
    data = release_calendar(seed(recurrences=(rec,)))
    assert lines(data, "RRULE") == ["RRULE:FREQ=WEEKLY;COUNT=6"]
    _, recurring = entries_for_release(seed(recurrences=(rec,)))
    assert recurring[0].uid.endswith("@broadcast-schedules")
    assert entries_for_release(seed(recurrences=(rec,)))[1] == recurring, "stable UIDs"


# --------------------------------------------------------------------------- entries


def test_entries_for_release() -> None:
    entries, recurring = entries_for_release(seed())
    assert recurring == []
    assert [e.uid for e in entries] == [f"{a.key()}@broadcast-schedules" for a in SEED_AIRINGS]
    assert {e.stamp for e in entries} == {STAMP}
    assert {e.synopsis for e in entries} == {SYNOPSIS}
    assert {e.contacts for e in entries} == {(CONTACT,)}


def test_release_on_demand_fills_airings_that_name_none() -> None:
    bare = seed(airings=(fc(18, 20, 0, on_demand=()),))
    assert entries_for_release(bare)[0][0].airing.on_demand == ("ABC iview",)


def test_duplicate_uids_are_written_once_latest_revision_wins() -> None:
    old = entry(fc(18, 20, 0), sequence=1)
    new = entry(fc(18, 21, 0), sequence=2)
    data = calendar_bytes([new, old], name="Probe")
    (event,) = events(data)
    assert int(event["SEQUENCE"]) == 2
    assert event.decoded("DTSTART").hour == 21


@pytest.mark.parametrize(
    ("kwargs", "reason"),
    [
        ({"default_duration": dt.timedelta(0)}, "a zero default duration"),
        ({"durations": {"Foreign Correspondent": dt.timedelta(minutes=-5)}}, "negative"),
        ({"refresh": dt.timedelta(0)}, "a zero refresh interval"),
    ],
)
def test_bad_options_are_model_errors(kwargs: dict[str, Any], reason: str) -> None:
    with pytest.raises(ModelError):
        one(fc(18, 20, 0), **kwargs)


def test_naive_stamp_is_a_model_error() -> None:
    with pytest.raises(ModelError, match="naive"):
        calendar_bytes([CalendarEntry(airing=fc(18, 20, 0), uid="x@test",
                                      stamp=dt.datetime(2018, 9, 12))], name="Probe")


@pytest.mark.parametrize(
    ("rule", "covered", "reason"),
    [
        ("FREQ=WEEKLY;COUNT=60", True, "60 weeks from October 2006 reach the 2007 US rules"),
        ("FREQ=MONTHLY;UNTIL=20080101T000000Z", True, "UNTIL in 2008"),
        ("FREQ=WEEKLY;COUNT=4", False, "four weeks stay in 2006's rules"),
    ],
)
def test_vtimezone_covers_a_recurrence_to_its_end(rule: str, covered: bool, reason: str) -> None:
    rec = Recurrence("Late Show", None, "CBS",
                     dt.datetime(2006, 10, 3, 23, 35, tzinfo=ZoneInfo("America/New_York")),
                     rule, "America/New_York")
    data = calendar_bytes([], recurring=[RecurringEntry(rec, "late@test", STAMP)], name="P")
    assert (b"RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3" in data) is covered, reason


@pytest.mark.parametrize(
    ("start", "rule", "reason"),
    [
        (dt.datetime(9999, 1, 1, 20, tzinfo=SYD), None, "a year-9999 typo in an airing"),
        (dt.datetime(1, 1, 2, 20, tzinfo=SYD), None, "a year-1 typo in an airing"),
        (dt.datetime(2018, 9, 18, 20, tzinfo=SYD), "FREQ=WEEKLY;UNTIL=99991231T000000Z",
         "a rule running to 9999"),
    ],
)
def test_absurd_years_do_not_make_huge_vtimezones(
    start: dt.datetime, rule: str | None, reason: str
) -> None:
    if rule is None:
        data = calendar_bytes([entry(fc(18, 20, 0)), entry(fc(18, 20, 0, start=start),
                                                          uid="typo@test")], name="P")
    else:
        data = calendar_bytes([entry(fc(18, 20, 0))], recurring=[weekly(rule)], name="P")
    assert len(data) < 20_000, reason
