"""What the parser reads as an air time, and what it leaves alone.

Every document here is written for these tests: invented programmes in the layouts broadcasters
use. Each case says what a listings editor would expect and why.
"""

from __future__ import annotations

import datetime as dt

import pytest

from schedules.extract import extract
from schedules.model import Release
from schedules.read import read_document

REF = dt.date(2018, 9, 12)


def parse(text: str, *, ref: dt.date | None = REF, country: str = "AU",
          fmt: str | None = None) -> Release:
    return extract(read_document(text, format_in=fmt), reference_date=ref, country=country)


def starts(release: Release) -> list[tuple[str, str | None]]:
    return [(a.local_start.strftime("%Y-%m-%d %H:%M %z"), a.channel) for a in release.airings]


CASES = [
    # (reason, text, expected [(local start with offset, channel)])
    ("time before the date, 12-hour with a dot",
     "Airs 8.00 pm Tuesday September 18 on ABC TV and iview",
     [("2018-09-18 20:00 +1000", "ABC TV")]),
    ("two time/date pairs share the channel named after them",
     "It airs at 8 pm Tuesday September 18 and 1.30 pm Friday September 21 on ABC TV.",
     [("2018-09-18 20:00 +1000", "ABC TV"), ("2018-09-21 13:30 +1000", "ABC TV")]),
    ("a zone abbreviation that matches the home zone keeps the home zone",
     "Harbour Lights screens at 7.30 pm AEST on Saturday September 22 on the ABC News Channel.",
     [("2018-09-22 19:30 +1000", "ABC News Channel")]),
    ("ordinal day, abbreviated month, time after the date",
     "Harbour Lights: Tuesday 18th Sept 8pm on ABC TV.",
     [("2018-09-18 20:00 +1000", "ABC TV")]),
    ("24-hour clock",
     "The Long Table premieres Wednesday 19 September at 20:00 on SBS.",
     [("2018-09-19 20:00 +1000", "SBS")]),
    ("one time shared by a list of dates",
     "Catch the Coast Road Rally on Saturday 22 September & Sunday 23 September, 11.02am on "
     "Channel 7.",
     [("2018-09-22 11:02 +1000", "Channel 7"), ("2018-09-23 11:02 +1000", "Channel 7")]),
    ("one date shared by a listing of times under it",
     "Sunday 23 September\n6.00-9.10am BBC ONE\n2.40-4.40pm BBC ONE",
     [("2018-09-23 06:00 +0100", "BBC One"), ("2018-09-23 14:40 +0100", "BBC One")]),
    ("AEDT in summer is Sydney daylight time",
     "The Quiet Shore returns Monday 3 December, 8.30pm AEDT on ABC TV.",
     [("2018-12-03 20:30 +1100", "ABC TV")]),
    ("AEST printed in Sydney's summer means Queensland time (UTC+10)",
     "The Quiet Shore returns Monday 3 December, 8.30pm AEST on ABC TV.",
     [("2018-12-03 20:30 +1000", "ABC TV")]),
    ("a time with no zone is local to the broadcaster: Perth channel is not the default",
     "Night Market airs Tuesday 2 October at 9pm on SBS.",
     [("2018-10-02 21:00 +1000", "SBS")]),
    ("midday and midnight",
     "Rally Day begins at midday on Sunday 30 September on ABC TV, with highlights at midnight "
     "on Sunday 30 September on ABC TV.",
     [("2018-09-30 12:00 +1000", "ABC TV"), ("2018-10-01 00:00 +1000", "ABC TV")]),
    ("ET/PT is two feeds at the same wall time",
     "Frontier Town premieres Sunday, September 23 at 9pm ET/PT on CNN.",
     [("2018-09-23 21:00 -0400", "CNN"), ("2018-09-23 21:00 -0700", "CNN")]),
    ("ET with its Central equivalent is one broadcast",
     "Frontier Town premieres Sunday, September 23 at 10:00 p.m. ET/9:00 p.m. CT on AMC.",
     [("2018-09-23 22:00 -0400", "AMC")]),
]


@pytest.mark.parametrize(("reason", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_air_times_are_read(reason: str, text: str, expected: list[tuple[str, str]]) -> None:
    country = "GB" if "BBC" in text else "US" if ("CNN" in text or "AMC" in text) else "AU"
    assert starts(parse(text, country=country)) == expected, reason


NOT_AIRINGS = [
    ("a year alone is not a date", "That number is set to triple by 2020."),
    ("history", "The surveillance system ramped up after the end of 2016."),
    ("a posting stamp", "Posted on September 18, 2018 at 11:20 am in News."),
    ("a release stamp", "Released at 2:32 pm on 23 January 2026"),
    ("a programme called 7.30 is not a time", "Sarah Lane joins 7.30 tonight as a reporter."),
    ("a kick-off time inside a match report",
     "On Saturday 22 September the final had a kick-off at 3.45pm at the ground."),
    ("an image caption with a file stamp", "Screen Shot 2018-09-26 at 11.08.34 am"),
    ("a plot date in a synopsis",
     "Every person on Earth blacks out and sees events taking place on April 29, 2019 at "
     "10:00 p.m., Pacific Time, in a story full of twists."),
    ("a stream is not a linear airing",
     "The debate streams live on TVO.org from 3:00 p.m. - 4:00 p.m. on Wednesday, "
     "September 19, 2018."),
]


@pytest.mark.parametrize(("reason", "text"), NOT_AIRINGS, ids=[c[0] for c in NOT_AIRINGS])
def test_dates_that_are_not_air_times_give_nothing(reason: str, text: str) -> None:
    country = "CA" if "TVO" in text else "AU"
    assert parse(text, country=country).airings == (), reason


def test_the_year_comes_from_the_release_date() -> None:
    release = parse("Summer Lines airs Tuesday 8 January at 8pm on ABC TV.",
                    ref=dt.date(2018, 12, 20))
    assert starts(release) == [("2019-01-08 20:00 +1100", "ABC TV")]


def test_a_weekday_that_contradicts_the_date_is_a_warning_and_the_date_is_kept() -> None:
    release = parse("Summer Lines airs Monday 18 September at 8pm on ABC TV.")
    assert starts(release) == [("2018-09-18 20:00 +1000", "ABC TV")]
    (mismatch,) = [w for w in release.warnings if w.code == "weekday-mismatch"]
    assert "Tuesday" in mismatch.message


def test_a_release_date_in_the_text_wins_over_the_reference_date() -> None:
    text = ("RELEASED: Wednesday 12 September 2018\n\nSummer Lines airs Tuesday 8 January "
            "at 8pm on ABC TV.")
    release = parse(text, ref=dt.date(2015, 1, 1))
    assert release.released == dt.date(2018, 9, 12)
    assert starts(release) == [("2019-01-08 20:00 +1100", "ABC TV")]


def test_the_same_airing_mentioned_twice_is_one_airing_and_later_screenings_are_repeats() -> None:
    text = (
        "## HARBOUR LIGHTS: THE LAST FERRY\n\n"
        "Airs 8.00 pm Tuesday September 18 on ABC TV and iview\n\n"
        "The ferry crews of the harbour tell their stories.\n\n"
        "The Last Ferry airs on Harbour Lights at 8 pm Tuesday September 18 and 1.30 pm Friday "
        "September 21 on ABC TV and at 7.30 pm AEST on Saturday September 22 on the ABC News "
        "Channel; also on iview.\n"
    )
    release = parse(text, fmt="markdown")
    got = [(a.local_start.strftime("%d %H:%M"), a.channel, a.repeat) for a in release.airings]
    assert got == [("18 20:00", "ABC TV", False), ("21 13:30", "ABC TV", True),
                   ("22 19:30", "ABC News Channel", True)]
    assert {a.programme for a in release.airings} == {"Harbour Lights"}
    assert {a.episode for a in release.airings} == {"The Last Ferry"}
    assert release.on_demand == ("ABC iview",)
    assert all(a.on_demand == ("ABC iview",) for a in release.airings)


def test_channel_aliases_name_one_channel() -> None:
    text = ("Rural Hour airs Thursday 20 September at 9pm on BBC2 and Friday 21 September at "
            "9pm on BBC Two.")
    release = parse(text, country="GB")
    assert {a.channel for a in release.airings} == {"BBC Two"}


def test_a_document_with_no_air_times_has_no_airings_and_says_so() -> None:
    release = parse("The broadcaster welcomes the new minister.")
    assert release.airings == ()
    assert [w.code for w in release.warnings] == ["no-airings"]


def test_every_airing_is_timezone_aware_and_carries_its_evidence() -> None:
    release = parse("Harbour Lights airs Tuesday 18 September at 8pm on ABC TV.")
    (airing,) = release.airings
    assert airing.start.tzinfo is not None
    assert airing.timezone == "Australia/Sydney"
    assert airing.evidence is not None
    assert "8pm" in airing.evidence.text
    assert release.content[airing.evidence.span.start:airing.evidence.span.end] == \
        airing.evidence.text


def test_a_listing_row_after_midnight_belongs_to_the_next_day() -> None:
    text = ("SATURDAY 22 SEPTEMBER 2018\n\nSAT 23:40 Late Songs\n\nSAT 00:10 Later Songs\n\n"
            "SAT 00:40 Latest Songs\n")
    release = parse(text, country="GB")
    assert [a.local_start.strftime("%d %H:%M") for a in release.airings] == \
        ["22 23:40", "23 00:10", "23 00:40"]


def test_a_range_ending_at_midnight_ends_the_next_day() -> None:
    release = parse("Friday 21 September\n10.00pm-12.00midnight BBC RADIO 2", country="GB")
    (airing,) = release.airings
    assert airing.end is not None
    assert airing.end.strftime("%Y-%m-%d %H:%M") == "2018-09-22 00:00"


def test_no_unit_of_work_grows_with_the_document() -> None:
    # Per-slot work scans its unit, so a document that is one endless "sentence" must still be
    # cut into bounded units; otherwise the parse is quadratic (seen: minutes for 235 KB).
    from schedules.extract.units import MAX_UNIT, split_units

    text = ("8pm " * 20_000) + ("Tuesday September 18 " * 5_000) + ("1" * 50_000)
    units = split_units(text)
    assert max(len(u.text) for u in units) <= MAX_UNIT
    assert "".join(u.text for u in units).replace(" ", "") == text.replace(" ", "")


def test_hostile_input_finishes() -> None:
    # A catastrophe guard, not a speed target (speed lives in benchmarks/): 235 KB of repeated
    # times and dates takes well under a second here.
    import time

    text = ("8pm " * 20_000) + ("Tuesday September 18 " * 5_000) + ("1" * 50_000)
    began = time.perf_counter()
    parse(text)
    assert time.perf_counter() - began < 60
