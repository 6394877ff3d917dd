"""A stated recurring slot becomes the rows a listings page shows."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from schedules.errors import ModelError
from schedules.model import Airing, Recurrence
from schedules.recurrence import expand, with_occurrences

SYDNEY = ZoneInfo("Australia/Sydney")


def slot(rule: str, first: dt.datetime, channel: str | None = "ABC TV") -> Recurrence:
    return Recurrence(programme="Summer Lines", episode=None, channel=channel, first=first,
                      rule=rule, timezone="Australia/Sydney")


def walls(airings: list[Airing]) -> list[str]:
    return [a.local_start.strftime("%a %d %b %H:%M %z") for a in airings]


def test_a_counted_weekly_run_gives_every_week_at_the_same_wall_time_across_dst() -> None:
    # Sydney leaves daylight saving on 7 April 2019: 7.40pm stays 7.40pm, the offset changes.
    first = dt.datetime(2019, 3, 24, 19, 40, tzinfo=SYDNEY)
    got = walls(expand(slot("FREQ=WEEKLY;COUNT=4", first)))
    assert got == ["Sun 24 Mar 19:40 +1100", "Sun 31 Mar 19:40 +1100",
                   "Sun 07 Apr 19:40 +1000", "Sun 14 Apr 19:40 +1000"]


def test_weeknights_expand_to_weekdays_only() -> None:
    first = dt.datetime(2019, 3, 1, 18, 0, tzinfo=SYDNEY)  # a Friday
    got = expand(slot("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;COUNT=4", first))
    assert [a.local_start.strftime("%a %d") for a in got] == ["Fri 01", "Mon 04", "Tue 05",
                                                               "Wed 06"]


def test_an_open_ended_rule_stops_at_the_horizon() -> None:
    first = dt.datetime(2019, 3, 5, 20, 30, tzinfo=SYDNEY)
    assert len(expand(slot("FREQ=WEEKLY", first))) == 9  # the first and eight more weeks
    assert len(expand(slot("FREQ=WEEKLY", first), horizon=dt.timedelta(weeks=2))) == 3


def test_occurrences_already_listed_are_not_doubled_and_inherit_the_first_airings_details(
) -> None:
    first = dt.datetime(2019, 2, 10, 19, 40, tzinfo=SYDNEY)
    listed = Airing(programme="Summer Lines", episode="Pilot", channel="ABC TV", start=first,
                    timezone="Australia/Sydney", end=first + dt.timedelta(minutes=50),
                    on_demand=("iview",))
    out = with_occurrences([listed], [slot("FREQ=WEEKLY;COUNT=3", first)])
    assert walls(out) == ["Sun 10 Feb 19:40 +1100", "Sun 17 Feb 19:40 +1100",
                          "Sun 24 Feb 19:40 +1100"]
    assert out[0] is listed
    assert out[1].episode is None  # the episode title belongs to the first week only
    assert out[1].on_demand == ("iview",)
    assert out[1].end == out[1].start + dt.timedelta(minutes=50)


def test_a_malformed_rule_is_a_model_error() -> None:
    first = dt.datetime(2019, 2, 10, 19, 40, tzinfo=SYDNEY)
    with pytest.raises(ModelError, match="recurrence rule"):
        expand(slot("FREQ=FORTNIGHTLY", first))
