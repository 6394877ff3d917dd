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
    ("history before 1900, with its year printed", "US",
     "On June 4, 1876, at 2:15 p.m., the express train from New York reached San Francisco."),
    ("the story's logistics: voting and announcements", "AU",
     "Viewer voting closes at 9pm on Sunday and the winner will be announced at 10pm."),
    ("a past event in the story", "US",
     "The storm made landfall near the harbour at 3:10 a.m. Tuesday as a Category 2 storm."),
    ("a press screening", "GB",
     "Doors open at 6pm and the press screening starts at 6.30pm on Thursday 10 January."),
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


@pytest.mark.parametrize("start", ["throw-in", "first pitch", "tip-off", "centre pass", "kick-off",
                                   "face-off"])
def test_the_start_of_the_event_a_broadcast_covers_is_not_an_airing(start: str) -> None:
    release = parse(f"Saturday 12 January\nHarbour v Bay - coverage from 5.15pm on Channel 7, "
                    f"{start} 5.45pm\n")
    assert when(release) == ["2019-01-12 17:15"]


def test_an_event_start_in_brackets_after_the_coverage_time_is_not_an_airing() -> None:
    release = parse("On Sunday 13 January the teams meet again, live on Channel 7 from 3.40pm "
                    "(centre pass 4pm).")
    assert [(a.local_start.strftime("%d %H:%M"), a.repeat) for a in release.airings] == [
        ("13 15:40", False)]  # "meet again" is no repeat


def test_again_after_a_broadcasting_word_is_a_repeat() -> None:
    release = parse("The final airs Saturday 12 January at 8 p.m. ET and again at 11:00 p.m. "
                    "on CBS.", country="US")
    assert [(a.local_start.strftime("%H:%M"), a.repeat) for a in release.airings] == [
        ("20:00", False), ("23:00", True)]


@pytest.mark.parametrize("days", [
    "Saturday 12 & Sunday 13 January", "Saturday 12 and Sunday 13 January",
    "12 & 13 January", "Saturday 12 January & Sunday 13 January"])
def test_two_days_printed_with_one_month_share_the_time(days: str) -> None:
    release = parse(f"The cup final airs {days}, 11am on Channel 7.")
    assert when(release) == ["2019-01-12 11:00", "2019-01-13 11:00"]


def test_three_days_printed_with_one_month_share_the_time() -> None:
    release = parse("Live on Channel 7 Friday 11, Saturday 12 & Sunday 13 January at 11am.")
    assert when(release) == ["2019-01-11 11:00", "2019-01-12 11:00", "2019-01-13 11:00"]


def test_a_month_first_pair_of_days_shares_the_time() -> None:
    release = parse("The finals air January 12 and 13 at 9 p.m. ET on NBC.", country="US")
    assert when(release) == ["2019-01-12 21:00", "2019-01-13 21:00"]


@pytest.mark.parametrize("text", [
    "Series 2, 14 January at 8pm on Channel 7.",
    "Episodes 3 and 14 January at 8pm on Channel 7.",
])
def test_a_number_before_a_date_is_not_a_second_day(text: str) -> None:
    assert when(parse(text)) == ["2019-01-14 20:00"]


def test_a_month_first_date_then_a_count_is_not_a_pair() -> None:
    release = parse("It premieres January 12 and 25 episodes follow, at 9 p.m. ET on NBC.",
                    country="US")
    assert when(release) == ["2019-01-12 21:00"]


def test_a_repeat_on_the_following_weekday_counts_from_the_premiere() -> None:
    release = parse("The Crossing begins on ABC TV on Sunday 20 January at 9.30pm. Each episode "
                    "is repeated the following Wednesday at 11.35pm on ABC TV.")
    assert [(a.local_start.strftime("%Y-%m-%d %H:%M"), a.repeat) for a in release.airings] == [
        ("2019-01-20 21:30", False), ("2019-01-23 23:35", True)]


def test_a_repeat_on_a_weekday_counts_from_the_airing_above() -> None:
    release = parse("The drama starts on Channel 9 on Thursday 17 January at 9pm.\n"
                    "Each episode will be repeated on Friday at 10.30pm on 9Gem.")
    assert [(a.local_start.strftime("%Y-%m-%d %H:%M"), a.channel) for a in release.airings] == [
        ("2019-01-17 21:00", "Channel 9"), ("2019-01-18 22:30", "9Gem")]


def test_a_repeat_the_following_morning_is_the_next_day() -> None:
    release = parse("Hot Property screens on Channel 9 at 7pm on Monday 7 January, with each "
                    "episode repeated the following morning at 10am on 9Gem.")
    assert when(release) == ["2019-01-07 19:00", "2019-01-08 10:00"]


def test_a_heading_that_ends_with_a_date_dates_the_rows_below_it() -> None:
    text = ("SPORT ON SEVEN\nWednesday 2 January 2019\n\n"
            "SUNDAY SHOWDOWN - this Sunday (6 January)\n"
            "Harbour v Bay: coverage from 1pm on Channel 7, kick-off 2pm\n\n"
            "MONDAY NIGHT FOOTY - Monday 7 January\n"
            "Coast v Range: 7pm, 7mate, kick-off 8pm\n")
    assert when(parse(text)) == ["2019-01-06 13:00", "2019-01-07 19:00"]


def test_the_day_named_in_the_sentence_before_dates_the_coverage() -> None:
    release = parse("This Saturday the Steel host the Stars in Invercargill. Coverage begins at "
                    "7.10pm on TVNZ 2.", country="NZ")
    assert when(release) == ["2019-01-05 19:10"]


def test_a_possessive_weekday_is_the_day_of_the_match_not_of_the_broadcast() -> None:
    release = parse("On Sunday 6 January the teams meet again in Auckland.\n\nSunday morning "
                    "viewers can catch a delayed replay of Saturday's match at 10am on TVNZ 2.",
                    country="NZ")
    assert when(release) == ["2019-01-06 10:00"]


@pytest.mark.parametrize("sentence", [
    "Saturday's tie kicks off at 5.30pm at Wembley; Sunday's kicks off at 4pm.",
    "The presentation of the cup is expected at around 6.30pm on Sunday.",
])
def test_event_times_beside_a_broadcast_are_not_airings(sentence: str) -> None:
    release = parse("Highlights follow in Match Night at 10.30pm on Sunday 6 January on BBC "
                    f"One.\n\n{sentence}", country="GB")
    assert when(release) == ["2019-01-06 22:30"]


def test_a_streaming_service_in_the_next_clause_does_not_make_the_time_a_stream() -> None:
    release = parse("The drama begins on BBC Radio 4 on Sunday 6 January at 3pm. Each episode is "
                    "repeated the following Saturday at 9pm, and all three will be available on "
                    "BBC Sounds.", country="GB")
    assert when(release) == ["2019-01-06 15:00", "2019-01-12 21:00"]


def test_a_second_channel_at_the_same_time_is_a_second_airing() -> None:
    release = parse("Transmission: Sunday 6 January, 21:00-22:00, ITV1 and ITVX (STV in Scotland, "
                    "same time)", country="GB")
    assert sorted((a.local_start.strftime("%H:%M"), a.channel) for a in release.airings) == [
        ("21:00", "ITV"), ("21:00", "STV")]


@pytest.mark.parametrize("sentence", [
    "A girl goes missing from a christening party at 3pm on a Saturday afternoon.",
    "The Wellington auction opened at 11am and closed at noon.",
    "She meets a pearl-farm chef who starts work at 4am.",
])
def test_times_of_the_story_beside_a_listing_are_not_airings(sentence: str) -> None:
    release = parse(f"The Quiet Hour begins on Channel 9 on Sunday 6 January at 9pm.\n\n{sentence}")
    assert when(release) == ["2019-01-06 21:00"]


def test_a_playdate_list_prints_the_month_once() -> None:
    text = ("Other HBO playdates: January 6 (11:45 p.m.), 9 (8:00 a.m.), 12 (3:30 p.m.) and 17 "
            "(10:00 p.m.)\nHBO2 playdates: January 14 (8:00 p.m.) and 29 (2:15 a.m.)\n")
    release = parse(text, country="US")
    assert sorted((a.local_start.strftime("%Y-%m-%d %H:%M"), a.channel)
                  for a in release.airings) == [
        ("2019-01-06 23:45", "HBO"), ("2019-01-09 08:00", "HBO"), ("2019-01-12 15:30", "HBO"),
        ("2019-01-14 20:00", "HBO2"), ("2019-01-17 22:00", "HBO"), ("2019-01-29 02:15", "HBO2")]


@pytest.mark.parametrize(("printed", "day"), [
    ("Christmas Eve", "2019-12-24"), ("Christmas Day", "2019-12-25"),
    ("Boxing Day", "2019-12-26"), ("St Stephen’s Day", "2019-12-26"),
    ("New Year's Eve", "2019-12-31"), ("HOGMANAY", "2019-12-31"),
])
def test_a_holiday_names_its_day(printed: str, day: str) -> None:
    text = f"THE CHRISTMAS KITCHEN\nBBC Two, {printed}, 6.30pm-7.30pm\n"
    release = parse(text, country="GB", ref=dt.date(2019, 12, 1))
    assert [(a.local_start.strftime("%Y-%m-%d %H:%M"), a.programme) for a in release.airings] \
        == [(f"{day} 18:30", "The Christmas Kitchen")]


def test_new_years_day_after_a_december_release_is_next_year() -> None:
    release = parse("Live from the square, New Year's Day at 10am on BBC One.", country="GB",
                    ref=dt.date(2019, 12, 10))
    assert when(release) == ["2020-01-01 10:00"]


def test_a_stream_named_after_the_time_leaves_the_broadcast_on_its_channel() -> None:
    release = parse("NBC will broadcast the awards live from Hollywood on Sunday, Jan. 13 at "
                    "8 p.m. ET, with the ceremony streaming live on Peacock.", country="US")
    assert [(a.local_start.strftime("%d %H:%M"), a.channel) for a in release.airings] == [
        ("13 20:00", "NBC")]


def test_a_first_broadcast_label_and_an_evening_repeat_are_airings() -> None:
    text = ("## The Lighthouse Letters (Radio 4)\n\n"
            "- **First broadcast:** Monday 7 January, 10.45-11.00am, BBC Radio 4\n"
            "- **Evening repeat:** the same day at 7.45pm\n")
    release = parse(text, country="GB")
    assert [(a.local_start.strftime("%d %H:%M"), a.repeat) for a in release.airings] == [
        ("07 10:45", False), ("07 19:45", True)]


def test_a_countdown_to_midnight_is_not_an_airing() -> None:
    release = parse("Wednesday 31 December, 9pm-1am, BBC Radio 2\nLive from the Winter Gardens, "
                    "with a countdown to midnight and the chimes of Big Ben at midnight.",
                    country="GB", ref=dt.date(2019, 12, 1))
    assert when(release) == ["2019-12-31 21:00"]


def test_a_release_to_stream_is_not_a_broadcast() -> None:
    release = parse("LOW WATER begins on Sunday 6 January at 9pm on ITV1.\n\nThe complete series "
                    "will be available to stream on ITVX from 6am on Monday 7 January.",
                    country="GB")
    assert when(release) == ["2019-01-06 21:00"]


def test_when_a_working_day_started_is_the_story() -> None:
    release = parse("The Long Paddock premieres Sunday 6 January at 7.40pm on ABC TV.\n\nDays "
                    "started at 4.30am with the horses and finished well after dark.")
    assert when(release) == ["2019-01-06 19:40"]


def test_a_day_range_with_the_month_printed_once_is_a_daily_run() -> None:
    release = parse("Highlights and analysis, 7.30pm each night from Friday 11 to Monday 14 "
                    "January on 7mate.")
    assert when(release) == ["2019-01-11 19:30"]
    (rec,) = release.recurrences
    assert rec.rule == "FREQ=DAILY;COUNT=4"


def test_a_simulcast_channel_shares_the_slot() -> None:
    release = parse("The series premieres on Thursday 10 January at 9pm on Sky Atlantic, with the "
                    "opening episode also simulcast on Sky Showcase.", country="GB")
    assert sorted(a.channel for a in release.airings) == ["Sky Atlantic", "Sky Showcase"]
