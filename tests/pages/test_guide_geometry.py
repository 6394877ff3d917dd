"""The guide grid's geometry: blocks sized by real minutes on the viewer's local day."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from service.web_grid import (
    ASSUMED_MINUTES,
    Block,
    assign_lanes,
    day_bounds,
    hour_ticks,
    now_offset,
    place,
)

SYDNEY = ZoneInfo("Australia/Sydney")


def at(day: str, hhmm: str, zone: ZoneInfo = SYDNEY) -> dt.datetime:
    return dt.datetime.fromisoformat(f"{day}T{hhmm}").replace(tzinfo=zone)


def block(day: str, start: str, end: str | None, **kw: dt.datetime) -> Block:
    lo, hi = day_bounds(dt.date.fromisoformat(day), SYDNEY)
    placed = place(at(day, start), at(day, end) if end else None, day_start=lo, day_end=hi, **kw)
    assert placed is not None
    return placed


def test_a_60_minute_airing_is_exactly_twice_as_wide_as_a_30_minute_one() -> None:
    hour = block("2018-09-18", "19:00", "20:00")
    half = block("2018-09-18", "20:00", "20:30")
    assert (hour.width, half.width) == (60, 30)
    assert hour.left + hour.width == half.left  # back to back, no gap or overlap


@pytest.mark.parametrize(("day", "minutes", "eight_pm", "reason"), [
    ("2018-09-18", 1440, 1200, "an ordinary day"),
    ("2018-10-07", 1380, 1140, "clocks go forward at 2 am: the day has 23 hours"),
    ("2019-04-07", 1500, 1260, "clocks go back at 3 am: the day has 25 hours"),
])
def test_days_are_measured_in_real_minutes(day: str, minutes: int, eight_pm: int,
                                           reason: str) -> None:
    lo, hi = day_bounds(dt.date.fromisoformat(day), SYDNEY)
    assert (hi - lo) == dt.timedelta(minutes=minutes), reason
    assert block(day, "20:00", "21:00").left == eight_pm, reason
    assert len(hour_ticks(lo, hi, SYDNEY)) == minutes // 60, reason


def test_an_airing_across_midnight_is_clipped_and_flagged_on_both_days() -> None:
    start, end = at("2018-09-18", "23:30"), at("2018-09-19", "00:30")
    for day, expected in (("2018-09-18", Block(1410, 30, False, True, False)),
                          ("2018-09-19", Block(0, 30, True, False, False))):
        lo, hi = day_bounds(dt.date.fromisoformat(day), SYDNEY)
        assert place(start, end, day_start=lo, day_end=hi) == expected


def test_an_airing_on_another_day_has_no_block() -> None:
    lo, hi = day_bounds(dt.date(2018, 9, 18), SYDNEY)
    assert place(at("2018-09-19", "20:00"), None, day_start=lo, day_end=hi) is None
    assert place(at("2018-09-17", "20:00"), at("2018-09-18", "00:00"), day_start=lo,
                 day_end=hi) is None


def test_an_unprinted_end_is_drawn_to_the_next_airing_at_most_the_assumed_length() -> None:
    alone = block("2018-09-18", "20:00", None)
    assert (alone.width, alone.end_assumed) == (ASSUMED_MINUTES, True)
    squeezed = block("2018-09-18", "20:00", None, next_start=at("2018-09-18", "20:10"))
    assert squeezed.width == 10
    later = block("2018-09-18", "20:00", None, next_start=at("2018-09-18", "23:00"))
    assert later.width == ASSUMED_MINUTES


def test_the_viewer_zone_moves_the_block() -> None:
    london = ZoneInfo("Europe/London")
    lo, hi = day_bounds(dt.date(2018, 9, 18), london)
    placed = place(at("2018-09-18", "20:00"), at("2018-09-18", "21:00"), day_start=lo,
                   day_end=hi)
    assert placed is not None and placed.left == 11 * 60  # 8 pm AEST is 11 am BST


def test_overlapping_airings_get_separate_lanes_and_others_share_lane_zero() -> None:
    blocks = [Block(0, 60, False, False, False), Block(30, 60, False, False, False),
              Block(60, 30, False, False, False), Block(95, 10, False, False, False)]
    assert [b.lane for b in assign_lanes(blocks)] == [0, 1, 0, 0]


def test_the_now_line_is_only_on_its_own_day() -> None:
    lo, hi = day_bounds(dt.date(2018, 9, 18), SYDNEY)
    assert now_offset(at("2018-09-18", "20:15"), lo, hi) == 20 * 60 + 15
    assert now_offset(at("2018-09-19", "00:00"), lo, hi) is None
