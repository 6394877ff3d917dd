"""Geometry of the guide grid: where a block sits on a day and how wide it is, in minutes.

Pure functions (no Flask, no store, no clock) so the layout rules can be tested exactly:

* a day is local midnight to the next local midnight in the viewer's zone, measured in real
  minutes, so a daylight-saving day is 1,380 or 1,500 minutes long, not 1,440;
* a block's ``left`` and ``width`` are minutes; the stylesheet multiplies both by one length per
  minute, so a 60-minute airing is exactly twice as wide as a 30-minute one;
* an airing with no printed end is drawn until the next airing on its channel, at most
  :data:`ASSUMED_MINUTES`, and is flagged so the page can say the end is a guess;
* blocks that overlap on one channel go to separate lanes instead of hiding each other.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

ASSUMED_MINUTES = 30
"""Length drawn for an airing whose end was not printed (and nothing follows it sooner)."""


def _utc(value: dt.datetime) -> dt.datetime:
    # Subtracting two datetimes that share a tzinfo object ignores their offsets (wall-clock
    # arithmetic); converting to UTC first makes every difference a real elapsed time.
    return value.astimezone(dt.UTC)


def minutes_between(a: dt.datetime, b: dt.datetime) -> int:
    """Whole elapsed minutes from ``a`` to ``b`` (both aware)."""
    return int((_utc(b) - _utc(a)).total_seconds() // 60)


def day_bounds(day: dt.date, zone: ZoneInfo) -> tuple[dt.datetime, dt.datetime]:
    """Local midnight of ``day`` and of the next day in ``zone``, as aware UTC instants."""
    start = dt.datetime.combine(day, dt.time(0), tzinfo=zone)
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0), tzinfo=zone)
    return _utc(start), _utc(end)


@dataclass(frozen=True)
class Block:
    left: int  # minutes from the start of the day
    width: int  # minutes drawn (at least 1)
    starts_before: bool  # the airing began on the previous day
    ends_after: bool  # the airing runs into the next day
    end_assumed: bool  # no end was printed: the width is a guess
    lane: int = 0


def place(start: dt.datetime, end: dt.datetime | None, *, day_start: dt.datetime,
          day_end: dt.datetime, next_start: dt.datetime | None = None) -> Block | None:
    """The block for one airing on the day ``[day_start, day_end)``, or None if it is not on it.

    ``next_start`` is the start of the following airing on the same channel, used to draw an
    airing without a printed end up to the next one (never longer than ASSUMED_MINUTES).
    """
    assumed = end is None
    if end is None:
        end = start + dt.timedelta(minutes=ASSUMED_MINUTES)
        if next_start is not None and _utc(start) < _utc(next_start) < _utc(end):
            end = next_start
    if _utc(end) <= _utc(day_start) or _utc(start) >= _utc(day_end):
        return None
    shown_start = max(_utc(start), _utc(day_start))
    shown_end = min(_utc(end), _utc(day_end))
    return Block(
        left=minutes_between(day_start, shown_start),
        width=max(1, minutes_between(shown_start, shown_end)),
        starts_before=_utc(start) < _utc(day_start),
        ends_after=_utc(end) > _utc(day_end),
        end_assumed=assumed,
    )


def assign_lanes(blocks: Sequence[Block]) -> list[Block]:
    """Give overlapping blocks separate lanes (first free lane, in order of ``left``).

    Returns the blocks in their original order with ``lane`` set.
    """
    order = sorted(range(len(blocks)), key=lambda i: (blocks[i].left, -blocks[i].width))
    lane_ends: list[int] = []  # per lane: the minute where its last block ends
    lanes = [0] * len(blocks)
    for i in order:
        block = blocks[i]
        for lane, last_end in enumerate(lane_ends):
            if last_end <= block.left:
                lanes[i] = lane
                lane_ends[lane] = block.left + block.width
                break
        else:
            lanes[i] = len(lane_ends)
            lane_ends.append(block.left + block.width)
    return [Block(b.left, b.width, b.starts_before, b.ends_after, b.end_assumed, lanes[i])
            for i, b in enumerate(blocks)]


@dataclass(frozen=True)
class Tick:
    left: int  # minutes from the start of the day
    label: str  # local clock time, e.g. "8 pm"
    iso: str


def hour_ticks(day_start: dt.datetime, day_end: dt.datetime, zone: ZoneInfo) -> list[Tick]:
    """One tick per real hour of the day, labelled with the local clock time at that instant."""
    ticks: list[Tick] = []
    moment = _utc(day_start)
    while moment < _utc(day_end):
        local = moment.astimezone(zone)
        hour = local.hour % 12 or 12
        minutes = f":{local.minute:02d}" if local.minute else ""  # zones offset by :30 or :45
        label = f"{hour}{minutes} {'am' if local.hour < 12 else 'pm'}"
        ticks.append(Tick(minutes_between(day_start, moment), label, local.isoformat()))
        moment += dt.timedelta(hours=1)
    return ticks


def now_offset(now: dt.datetime, day_start: dt.datetime, day_end: dt.datetime) -> int | None:
    """Minutes from the start of the day to ``now``, or None when now is not on that day."""
    if _utc(day_start) <= _utc(now) < _utc(day_end):
        return minutes_between(day_start, now)
    return None
