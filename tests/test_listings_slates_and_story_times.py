"""Listings that run past midnight, day ranges, days sharing a time, season slates; and times
inside the story (kick-offs, history, blog stamps, phone numbers) that are not airings."""

from __future__ import annotations

import datetime as dt

import pytest

from schedules.extract import extract
from schedules.model import Release
from schedules.read import read_document

REF = dt.date(2019, 1, 2)


def parse(text: str, *, country: str = "AU", ref: dt.date = REF) -> Release:
    return extract(read_document(text), reference_date=ref, country=country)


def when(release: Release) -> list[str]:
    return [a.local_start.strftime("%Y-%m-%d %H:%M") for a in release.airings]


def test_rows_after_midnight_under_a_day_heading_belong_to_the_next_day() -> None:
    text = ("FRIDAY 11 JANUARY\n\n22:30 Night Owls\n23:55 Quiet Hour\n00:25 Small Hours\n"
            "01:10 Closedown Stories\n")
    assert when(parse(text, country="GB")) == [
        "2019-01-11 22:30", "2019-01-11 23:55", "2019-01-12 00:25", "2019-01-12 01:10"]


def test_a_range_ending_at_midnight_ends_on_the_next_day() -> None:
    (airing,) = parse("Friday 11 January\n10.00pm-12.00 midnight BBC Radio 2",
                      country="GB").airings
    assert airing.end is not None
    assert airing.end.strftime("%Y-%m-%d %H:%M") == "2019-01-12 00:00"


def test_a_day_range_with_a_time_range_is_one_airing_a_day() -> None:
    release = parse("Monday 31 May to Friday 4 June 9.45-10.00am BBC Radio 4", country="GB",
                    ref=dt.date(2021, 5, 1))
    assert when(release) == ["2021-05-31 09:45"]
    (rec,) = release.recurrences
    assert rec.rule == "FREQ=DAILY;COUNT=5"


def test_two_days_sharing_one_time_are_two_airings() -> None:
    release = parse("Harbour Lights airs Saturday 24 September & Sunday 25 September, 11.02am "
                    "on ABC TV.", ref=dt.date(2022, 9, 1))
    assert when(release) == ["2022-09-24 11:02", "2022-09-25 11:02"]


def test_a_slate_ties_each_airing_to_its_own_programme() -> None:
    text = (
        "ABC TV's summer slate\n\n"
        "Harbour Lights\nThe ferry crews return for a new season.\n"
        "Sunday 13 January at 7.40pm on ABC TV\n\n"
        "Dust and Stone\nA documentary about outback quarries.\n"
        "Monday 14 January at 8.30pm on ABC TV\n\n"
        "The Long Table\nCooks from across the country share a meal.\n"
        "Tuesday 15 January at 9pm on ABC TV\n"
    )
    release = parse(text)
    assert [(a.local_start.strftime("%d %H:%M"), a.programme) for a in release.airings] == [
        ("13 19:40", "Harbour Lights"), ("14 20:30", "Dust and Stone"),
        ("15 21:00", "The Long Table")]


def test_a_christmas_listing_names_each_programme_from_its_row() -> None:
    text = ("Christmas Day, Tuesday 25 December\n\n"
            "6.30pm Carols by the Harbour\n8.00pm The Snow Queen's Ball\n"
            "9.30pm Harbour Lights Christmas Special\n")
    release = parse(text, ref=dt.date(2018, 12, 1))
    assert [(a.local_start.strftime("%H:%M"), a.programme) for a in release.airings] == [
        ("18:30", "Carols by the Harbour"), ("20:00", "The Snow Queen's Ball"),
        ("21:30", "Harbour Lights Christmas Special")]


NOT_AIRINGS = [
    ("a kick-off time in a sports story", "GB",
     "The final on Saturday 12 January has a kick-off at 3.45pm at the national stadium."),
    ("history: when a station began broadcasting", "AU",
     "The station began broadcasting at 4.45pm on 31 October 1959 from a tin shed."),
    ("a blog's posting stamp", "AU", "Posted @ 11:20 am on Wednesday 2 January 2019 by admin"),
    ("an archive stamp above the page", "US",
     "Archived page captured January 3, 2019 at 10:42:17 a.m. by the web archive."),
    ("a press event's time and date", "AU",
     "WHEN: Thursday 10 January, 10.30am. Doors open at 10am."),
    ("an embargo", "GB", "EMBARGOED until 00:01 on Tuesday 8 January."),
    ("history with its year printed, in a US release", "US",
     "LOS ANGELES, Jan. 2, 2019 — Salt Flats premieres on FX. The record attempt that "
     "inspired it began at 6 a.m. on Oct. 15, 1997."),
    ("phone numbers are never dates or times", "AU",
     "Call 02 9950 3000 or 0412 345 678, or fax 02 9950 3001."),
    ("a North American phone number is not a time", "US", "Call 212-555-0100 or (416) 205-3311."),
]


@pytest.mark.parametrize(("reason", "country", "text"), NOT_AIRINGS,
                         ids=[n[0] for n in NOT_AIRINGS])
def test_times_in_the_story_are_not_airings(reason: str, country: str, text: str) -> None:
    assert parse(text, country=country).airings == (), reason


def test_a_kick_off_time_does_not_hide_the_broadcast_time_in_the_same_sentence() -> None:
    release = parse("The final, kick-off 3.45pm Saturday 12 January, is live on BBC One from "
                    "3pm.", country="GB")
    assert [(a.local_start.strftime("%Y-%m-%d %H:%M"), a.channel) for a in release.airings] == \
        [("2019-01-12 15:00", "BBC One")]


def test_a_phone_number_before_the_air_time_is_neither_a_time_nor_the_title() -> None:
    release = parse("For details call 02 9950 3000 or 0412 345 678. Harbour Lights airs Tuesday "
                    "8 January at 8pm on ABC TV.")
    assert [(a.local_start.strftime("%d %H:%M"), a.programme) for a in release.airings] == \
        [("08 20:00", "Harbour Lights")]


def test_a_posting_stamp_above_a_real_airing_leaves_only_the_airing() -> None:
    release = parse("Posted @ 11:20 am\n\nHarbour Lights airs Tuesday 8 January at 8pm on ABC "
                    "TV.")
    assert when(release) == ["2019-01-08 20:00"]


def test_a_bulleted_listing_reads_every_row() -> None:
    """Markdown and HTML lists put a bullet before each row's time."""
    text = ("Friday 11 January\n\n- 9pm–10pm Motorway Nights (new series)\n"
            "- 10pm–11.05pm The Long Siege (documentary)\n• 11.05pm–12.05am Road Patrol\n\n"
            "All on Channel 5.\n")
    release = parse(text, country="GB")
    assert [(a.local_start.strftime("%d %H:%M"), a.programme) for a in release.airings] == [
        ("11 21:00", "Motorway Nights"), ("11 22:00", "The Long Siege"),
        ("11 23:05", "Road Patrol")]


def test_an_estimate_inside_a_programme_is_not_an_airing() -> None:
    release = parse("Tonight at 7.30pm on Channel 9, the couples face the final auction. The "
                    "winner's reveal is expected just before 10pm.")
    assert when(release) == ["2019-01-02 19:30"]


def test_the_same_time_on_another_date_takes_the_time_before_it() -> None:
    release = parse("Part one is broadcast on BBC Radio 4 at 2.15pm on Tuesday 8 January, with "
                    "part two at the same time on Wednesday 9 January.", country="GB")
    assert when(release) == ["2019-01-08 14:15", "2019-01-09 14:15"]
    assert {a.channel for a in release.airings} == {"BBC Radio 4"}


def test_a_repeat_mark_anywhere_on_a_listing_row_marks_that_row() -> None:
    release = parse("SATURDAY 12 JANUARY\n\n21:00 The Young Inspector: Death on the Quay\n"
                    "22:40 The Harbour Towns of the South Coast (repeat)\n", country="GB")
    assert [(a.local_start.strftime("%H:%M"), a.repeat) for a in release.airings] == [
        ("21:00", False), ("22:40", True)]


def test_a_repeat_word_between_two_times_marks_the_later_one() -> None:
    release = parse("Broadcast on ABC TV on Tuesday 8 January at 11am, repeated Sunday 13 January "
                    "at 4pm.")
    assert [(a.local_start.strftime("%d %H:%M"), a.repeat) for a in release.airings] == [
        ("08 11:00", False), ("13 16:00", True)]
