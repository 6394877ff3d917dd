"""Every way press offices print an air time reads as the same kind of airing.

Invented programmes ("Harbour Lights", "Night Court Revisited", ...) in the wordings of
Australian, British, Irish, New Zealand, US and Canadian releases. Each row says what a listings
editor would write down and why. The reference (release) date is Wednesday 2 January 2019.
"""

from __future__ import annotations

import datetime as dt

import pytest

from schedules.extract import extract
from schedules.model import Release
from schedules.read import read_document

REF = dt.date(2019, 1, 2)  # a Wednesday


def parse(text: str, *, country: str, ref: dt.date | None = REF) -> Release:
    return extract(read_document(text), reference_date=ref, country=country)


def rows(release: Release) -> list[tuple[str, str | None, str | None]]:
    """(local start with its UTC offset, channel, printed zone) per airing."""
    return [(a.local_start.strftime("%Y-%m-%d %H:%M %z"), a.channel, a.zone_label)
            for a in release.airings]


STYLES: list[tuple[str, str, str, list[tuple[str, str | None, str | None]]]] = [
    # (reason, country, text, expected rows)
    ("US 'nine eight central': 9pm Eastern (and 8pm Central, the same instant)", "US",
     "Night Court Revisited premieres Tuesday, Jan. 8, 2019 at 9/8c on NBC.",
     [("2019-01-08 21:00 -0500", "NBC", None)]),
    ("a range with dotted p.m. and two feeds, ET/PT", "US",
     "Night Court Revisited premieres Tuesday, Jan. 8 at 9-10 p.m. ET/PT on NBC.",
     [("2019-01-08 21:00 -0500", "NBC", "ET"), ("2019-01-08 21:00 -0800", "NBC", "PT")]),
    ("dotted a.m.", "US",
     "Morning Loop airs Friday, Jan. 11 at 7 a.m. ET on CNN.",
     [("2019-01-11 07:00 -0500", "CNN", "ET")]),
    ("dotted p.m. with minutes and an abbreviated month with a stop", "CA",
     "Prairie Wind airs Jan. 8 at 9:30 p.m. on CBC.",
     [("2019-01-08 21:30 -0500", "CBC-TV", None)]),
    ("month-first date with weekday, comma and year", "US",
     "The Long Road airs Tuesday, Jan. 8, 2019, 8 p.m. on PBS.",
     [("2019-01-08 20:00 -0500", "PBS", None)]),
    ("24-hour clock", "AU",
     "Harbour Lights airs Sunday 13 January at 21:00 on SBS.",
     [("2019-01-13 21:00 +1100", "SBS", None)]),
    ("British dotted 12-hour time", "GB",
     "Rural Hour airs Sunday 13 January at 9.30pm on BBC Two.",
     [("2019-01-13 21:30 +0000", "BBC Two", None)]),
    ("midday", "AU",
     "Harbour Lights airs at midday on Sunday 13 January on ABC TV.",
     [("2019-01-13 12:00 +1100", "ABC TV", None)]),
    ("midnight at the end of a day is 00:00 of the next day", "GB",
     "Late Lines airs at midnight on Friday 11 January on BBC Four.",
     [("2019-01-12 00:00 +0000", "BBC Four", None)]),
    ("tonight resolves against the release date", "AU",
     "Harbour Lights airs tonight at 8.30pm on ABC TV.",
     [("2019-01-02 20:30 +1100", "ABC TV", None)]),
    ("tomorrow resolves against the release date", "AU",
     "Harbour Lights airs tomorrow at 9.30pm on ABC TV.",
     [("2019-01-03 21:30 +1100", "ABC TV", None)]),
    ("'this Sunday' is the coming Sunday", "AU",
     "Harbour Lights airs this Sunday at 7.40pm on ABC TV.",
     [("2019-01-06 19:40 +1100", "ABC TV", None)]),
    ("'from Monday 4 March' dates the first airing", "AU",
     "Harbour Lights airs from Monday 4 March at 7.30pm on ABC TV.",
     [("2019-03-04 19:30 +1100", "ABC TV", None)]),
    ("transmission line: TX, channel, weekday and time", "GB",
     "TX: BBC Two, Sunday 9pm",
     [("2019-01-06 21:00 +0000", "BBC Two", None)]),
    ("transmission line with a full date", "GB",
     "TX: BBC Two, Sunday 13 January 9pm",
     [("2019-01-13 21:00 +0000", "BBC Two", None)]),
    ("a 'from-to' range with en dash keeps its end", "GB",
     "Sunday 13 January\n7.30–9.00pm BBC Radio 4",
     [("2019-01-13 19:30 +0000", "BBC Radio 4", None)]),
    ("AEDT names Sydney summer time", "AU",
     "Harbour Lights airs Sunday 13 January 8.30pm AEDT on ABC TV.",
     [("2019-01-13 20:30 +1100", "ABC TV", "AEDT")]),
    ("a Northern Territory time in brackets is a second feed", "AU",
     "Harbour Lights airs Sunday 13 January at 8.30pm (9:30 NT) on ABC TV.",
     [("2019-01-13 20:30 +1100", "ABC TV", None), ("2019-01-13 21:30 +0930", "ABC TV", "NT")]),
    ("'in WA' is Perth time", "AU",
     "Harbour Lights airs Sunday 13 January at 8.30pm, 7.30pm in WA, on ABC TV.",
     [("2019-01-13 20:30 +1100", "ABC TV", None), ("2019-01-13 19:30 +0800", "ABC TV", "WA")]),
    ("Irish release with a New Year date and RTÉ One", "IE",
     "The Quiet Parish airs Sunday 6 January at 6.30pm on RTÉ One.",
     [("2019-01-06 18:30 +0000", "RTÉ One", None)]),
    ("New Zealand daylight time", "NZ",
     "Southern Coast airs Sunday 13 January at 7.30pm on TVNZ 1.",
     [("2019-01-13 19:30 +1300", "TVNZ 1", None)]),
    ("ordinal day after the month", "US",
     "Night Court Revisited airs Tuesday, January 8th at 10 p.m. on NBC.",
     [("2019-01-08 22:00 -0500", "NBC", None)]),
    ("day-first numeric date with a year", "AU",
     "Harbour Lights airs 8/1/2019 at 8pm on ABC TV.",
     [("2019-01-08 20:00 +1100", "ABC TV", None)]),
    ("month-first numeric date in North America", "US",
     "Night Court Revisited airs 1/8/2019 at 8 p.m. on NBC.",
     [("2019-01-08 20:00 -0500", "NBC", None)]),
]


@pytest.mark.parametrize(("reason", "country", "text", "expected"), STYLES,
                         ids=[s[0] for s in STYLES])
def test_an_air_time_in_each_style_is_read(reason: str, country: str, text: str,
                                           expected: list[tuple[str, str | None, str | None]]
                                           ) -> None:
    assert rows(parse(text, country=country)) == expected, reason


def test_a_range_records_its_end() -> None:
    release = parse("Sunday 13 January\n7.30–9.00pm BBC Radio 4", country="GB")
    (airing,) = release.airings
    assert airing.end is not None
    assert airing.end.strftime("%H:%M") == "21:00"


def test_a_range_with_the_meridiem_only_at_the_end_applies_it_to_both() -> None:
    release = parse("Night Court Revisited airs Tuesday, Jan. 8, 2019, 9-10 p.m. on NBC.",
                    country="US")
    (airing,) = release.airings
    assert airing.local_start.strftime("%H:%M") == "21:00"
    assert airing.end is not None and airing.end.strftime("%H:%M") == "22:00"


def test_check_local_listings_keeps_the_network_time_and_says_so() -> None:
    release = parse("The Long Road airs Thursday, Jan. 10 at 9 p.m. on PBS (check local "
                    "listings).", country="US")
    assert rows(release) == [("2019-01-10 21:00 -0500", "PBS", None)]
    (warning,) = [w for w in release.warnings if w.code == "local-listings"]
    assert "check local listings" in warning.message


def test_a_time_without_a_zone_is_local_to_the_broadcaster_and_the_assumption_is_a_warning(
) -> None:
    release = parse("Rural Hour airs Sunday 13 January at 9.30pm on BBC Two.", country="GB")
    (airing,) = release.airings
    assert airing.timezone == "Europe/London"
    assert airing.zone_label is None
    assert "zone-assumed" in [w.code for w in release.warnings]


def test_a_listing_under_all_times_et_pt_has_an_airing_per_feed() -> None:
    text = ("All times ET/PT.\n\nMONDAY, JAN. 7\n8:00-9:00 PM    HARBOR PRECINCT (New Series)\n"
            "9:00-10:00 PM   DEEP COVER (Season 5 Premiere)\n\nAll on CBS.\n")
    assert sorted(rows(parse(text, country="US"))) == [
        ("2019-01-07 20:00 -0500", "CBS", "ET"), ("2019-01-07 20:00 -0800", "CBS", "PT"),
        ("2019-01-07 21:00 -0500", "CBS", "ET"), ("2019-01-07 21:00 -0800", "CBS", "PT")]


def test_a_printed_zone_beats_the_listing_wide_statement() -> None:
    text = "All times ET.\n\nThe special airs Monday, Jan. 7 at 9 p.m. PT on CBS.\n"
    assert rows(parse(text, country="US")) == [("2019-01-07 21:00 -0800", "CBS", "PT")]


@pytest.mark.parametrize(("printed", "start", "end"), [
    ("9-11/8-10c", "2019-01-10 21:00", "2019-01-10 23:00"),
    ("12/11c", "2019-01-11 00:00", None),
    ("12:30/11:30c", "2019-01-11 00:30", None),
])
def test_eastern_and_central_times_in_one(printed: str, start: str, end: str | None) -> None:
    release = parse(f"The special airs Thursday, Jan. 10, {printed} on NBC.", country="US")
    (airing,) = release.airings
    assert airing.local_start.strftime("%Y-%m-%d %H:%M") == start
    assert (airing.end.strftime("%Y-%m-%d %H:%M") if airing.end else None) == end


def test_a_printed_zone_is_not_an_assumption() -> None:
    release = parse("Harbour Lights airs Sunday 13 January 8.30pm AEDT on ABC TV.", country="AU")
    assert "zone-assumed" not in [w.code for w in release.warnings]


@pytest.mark.parametrize(("word", "reason"), [
    ("7.30 tonight", "a number before 'tonight' without 'at' is the programme 7.30"),
    ("3 x 52", "a count of episodes is not a time"),
    ("Series 9", "a series number is not a time"),
    ("$9.30", "a price is not a time"),
])
def test_numbers_that_are_not_clock_times(word: str, reason: str) -> None:
    release = parse(f"Harbour Lights mentions {word} in passing on ABC TV.", country="AU")
    assert release.airings == (), reason
