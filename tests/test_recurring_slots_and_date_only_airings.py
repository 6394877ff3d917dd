"""A stated recurring slot becomes an RRULE plus its expanded airings; a date without a clock
time becomes a date-only airing, never an invented time."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest

from schedules.export.ical import release_calendar
from schedules.export.listing import release_dict
from schedules.extract import extract
from schedules.model import Release
from schedules.read import read_document
from schedules.recurrence import with_occurrences

REF = dt.date(2019, 1, 2)


def parse(text: str, *, country: str = "AU") -> Release:
    return extract(read_document(text), reference_date=REF, country=country)


def rules(release: Release) -> list[tuple[str, str, str | None]]:
    return [(r.first.strftime("%Y-%m-%d %H:%M"), r.rule, r.channel) for r in release.recurrences]


RECURRING = [
    ("a weekly run with a count in words", "AU",
     "Harbour Lights starts Sunday 10 February at 7.40pm on ABC TV and continues weekly for "
     "eight weeks.",
     [("2019-02-10 19:40", "FREQ=WEEKLY;COUNT=8", "ABC TV")]),
    ("weeknights from a start date", "AU",
     "Harbour Lights airs weeknights at 6pm on ABC TV from Monday 4 February.",
     [("2019-02-04 18:00", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "ABC TV")]),
    ("a plural weekday with a start date, open-ended", "AU",
     "Harbour Lights airs Tuesdays at 8.30pm from 5 March on ABC TV.",
     [("2019-03-05 20:30", "FREQ=WEEKLY", "ABC TV")]),
    ("a day range in a listing is a daily run", "GB",
     "Monday 4 February to Friday 8 February 9.45-10.00am BBC Radio 4",
     [("2019-02-04 09:45", "FREQ=DAILY;COUNT=5", "BBC Radio 4")]),
    ("a six-part series on Sundays", "GB",
     "The six-part series Rural Hour begins on BBC Two on Sunday 13 January at 9pm and "
     "continues on Sundays.",
     [("2019-01-13 21:00", "FREQ=WEEKLY;COUNT=6", "BBC Two")]),
]


@pytest.mark.parametrize(("reason", "country", "text", "expected"), RECURRING,
                         ids=[r[0] for r in RECURRING])
def test_a_stated_recurring_slot_is_a_rule(reason: str, country: str, text: str,
                                          expected: list[tuple[str, str, str | None]]) -> None:
    assert rules(parse(text, country=country)) == expected, reason


def test_the_first_occurrence_is_also_an_airing() -> None:
    release = parse("Harbour Lights starts Sunday 10 February at 7.40pm on ABC TV and continues "
                    "weekly for eight weeks.")
    assert [a.local_start.strftime("%Y-%m-%d %H:%M") for a in release.airings] == \
        ["2019-02-10 19:40"]


def test_the_rule_expands_into_every_listed_week_at_the_same_wall_time() -> None:
    release = parse("Harbour Lights starts Sunday 10 February at 7.40pm on ABC TV and continues "
                    "weekly for ten weeks.")
    rows = with_occurrences(release.airings, release.recurrences)
    assert [a.local_start.strftime("%m-%d %H:%M %z") for a in rows] == [
        "02-10 19:40 +1100", "02-17 19:40 +1100", "02-24 19:40 +1100", "03-03 19:40 +1100",
        "03-10 19:40 +1100", "03-17 19:40 +1100", "03-24 19:40 +1100", "03-31 19:40 +1100",
        # Sydney daylight saving ends on 7 April: the slot stays 7.40pm local time.
        "04-07 19:40 +1000", "04-14 19:40 +1000",
    ]
    assert {a.programme for a in rows} == {"Harbour Lights"}
    assert {a.channel for a in rows} == {"ABC TV"}


def test_weeknights_expand_to_weekdays_only() -> None:
    release = parse("Harbour Lights airs weeknights at 6pm on ABC TV from Monday 4 February.")
    rows = with_occurrences(release.airings, release.recurrences,
                            horizon=dt.timedelta(days=13))
    assert {a.local_start.strftime("%a") for a in rows} == {"Mon", "Tue", "Wed", "Thu", "Fri"}
    assert len(rows) == 10


def test_the_json_record_carries_the_rule() -> None:
    release = parse("Harbour Lights airs Tuesdays at 8.30pm from 5 March on ABC TV.")
    (rec,) = release_dict(release)["recurrences"]
    assert rec["rule"] == "FREQ=WEEKLY"
    assert rec["first"] == "2019-03-05T20:30:00+11:00"
    assert rec["timezone"] == "Australia/Sydney"


def test_the_icalendar_export_carries_the_rrule() -> None:
    release = parse("Harbour Lights starts Sunday 10 February at 7.40pm on ABC TV and continues "
                    "weekly for eight weeks.")
    cal = icalendar.Calendar.from_ical(release_calendar(release))
    rrules = [e.get("RRULE") for e in cal.walk("VEVENT") if e.get("RRULE") is not None]
    assert len(rrules) == 1
    assert rrules[0]["FREQ"] == ["WEEKLY"] and rrules[0]["COUNT"] == [8]


# -- date-only airings ---------------------------------------------------------------------

def test_a_premiere_date_without_a_time_is_a_date_only_airing() -> None:
    release = parse("Harbour Lights premieres Sunday 3 March on ABC TV.")
    (airing,) = release.airings
    assert airing.time_known is False
    assert airing.local_start.date() == dt.date(2019, 3, 3)
    assert airing.channel == "ABC TV"
    row = release_dict(release)["airings"][0]
    assert row["start"] == "2019-03-03"
    assert row["time_known"] is False


def test_a_month_alone_is_not_an_airing() -> None:
    assert parse("Harbour Lights returns in March on ABC TV.").airings == ()


def test_a_date_only_airing_is_an_all_day_tentative_event() -> None:
    release = parse("Harbour Lights premieres Sunday 3 March on ABC TV.")
    cal = icalendar.Calendar.from_ical(release_calendar(release))
    (event,) = cal.walk("VEVENT")
    assert event.get("DTSTART").dt == dt.date(2019, 3, 3)  # a DATE, not a DATE-TIME
    assert str(event.get("STATUS")) == "TENTATIVE"


def test_a_date_with_a_time_elsewhere_on_the_same_day_is_not_doubled() -> None:
    release = parse("Harbour Lights premieres Sunday 3 March on ABC TV.\n\n"
                    "Harbour Lights airs Sunday 3 March at 8.30pm on ABC TV.")
    assert [(a.local_start.strftime("%d %H:%M"), a.time_known) for a in release.airings] == \
        [("03 20:30", True)]


def test_a_return_date_on_the_plural_weekday_starts_the_weekly_run() -> None:
    release = parse("Morning Report returns on Saturday 12 January with two new hosts and a new "
                    "start time of 8am on Saturdays on RNZ National.", country="NZ")
    assert [a.local_start.strftime("%Y-%m-%d %H:%M") for a in release.airings] == [
        "2019-01-12 08:00"]
    assert rules(release) == [("2019-01-12 08:00", "FREQ=WEEKLY", "RNZ National")]


def test_a_dateline_date_is_not_a_date_only_airing() -> None:
    text = ("BURBANK, CA - January 2, 2019 - The network announced today the premiere dates "
            "for its spring season.\n")
    assert parse(text, country="US").airings == ()


def test_a_date_only_airing_needs_its_broadcasting_verb_nearby() -> None:
    text = ("The festival opens on Friday 11 January with a gala, and the documentary about its "
            "founders, which took ten years to make, finally premieres on ABC TV.\n")
    assert parse(text).airings == ()
