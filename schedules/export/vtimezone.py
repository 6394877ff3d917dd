"""IANA zone -> VTIMEZONE with yearly RRULE observances, derived from ``zoneinfo``.

Why not ``icalendar``'s ``add_missing_timezones()``: it writes each transition as an RDATE, and
long RDATE lists are misread by Thunderbird's ical.js (a Sydney summer time came out an hour
off) while RDATE-only zones trip Outlook. Outlook and Google publish observances as yearly
rules (``RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=1SU``), which every client reads; so do we.

How: scan the zone's UTC offsets a day at a time over the requested years, bisect each change
to the exact second, describe every change as "the nth (1..4) or last (-1) weekday of a month
at a local time", and group consecutive years that share a description (and offsets and name)
into one STANDARD or DAYLIGHT observance. An era that ends before ``end_year`` (the US 2007
change, Australia's 2008 change) gets an ``UNTIL``; the last era stays open so the rule also
covers later years, as a client expects.

Coverage starts on 1 January of ``start_year`` with an observance stating the offset then in
force (for a zone without changes, the only one). Callers start a few years before their first
event anyway, so that no reader has to extrapolate backwards.

Classification: a change to a larger offset while either side is daylight time (``dst() != 0``)
is DAYLIGHT, anything else STANDARD. Zones whose tzdata uses negative DST (Europe/Dublin, where
winter GMT is the "daylight" period) thus read the conventional way round; the offsets are
always exactly what ``zoneinfo`` gives.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from zoneinfo import ZoneInfo

import icalendar

from schedules.errors import ModelError

_DAY = 86_400
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True)
class Onset:
    """One change of a zone's offset (or abbreviation)."""

    instant: dt.datetime  # aware, UTC
    offset_from: dt.timedelta
    offset_to: dt.timedelta
    name: str
    daylight: bool

    @property
    def local(self) -> dt.datetime:
        """The wall time of the change in the offset before it (how DTSTART is written)."""
        return (self.instant + self.offset_from).replace(tzinfo=None)

    @property
    def ordinals(self) -> frozenset[int]:
        """Which ``BYDAY`` ordinals describe the day: nth (1..4) and/or last (-1)."""
        local = self.local
        days_in_month = calendar.monthrange(local.year, local.month)[1]
        nth = (local.day - 1) // 7 + 1
        found = {nth} if nth <= 4 else set()
        if local.day > days_in_month - 7:
            found.add(-1)
        return frozenset(found)


def _zone(zone: str) -> ZoneInfo:
    try:
        return ZoneInfo(zone)
    except (ValueError, KeyError) as exc:
        raise ModelError(f"unknown IANA time zone {zone!r}") from exc


def _state(tz: ZoneInfo, seconds: int) -> tuple[dt.timedelta, str]:
    moment = dt.datetime.fromtimestamp(seconds, tz)
    return moment.utcoffset() or dt.timedelta(0), moment.tzname() or ""


@lru_cache(maxsize=256)
def onsets(zone: str, start_year: int, end_year: int) -> tuple[Onset, ...]:
    """Every change of offset or abbreviation whose local onset falls in the years given."""
    tz = _zone(zone)
    begin = int(dt.datetime(start_year, 1, 1, tzinfo=dt.UTC).timestamp()) - 2 * _DAY
    stop = int(dt.datetime(end_year + 1, 1, 1, tzinfo=dt.UTC).timestamp()) + 2 * _DAY
    found: list[Onset] = []
    previous = _state(tz, begin)
    for day in range(begin + _DAY, stop + 1, _DAY):
        current = _state(tz, day)
        if current == previous:
            continue
        lo, hi = day - _DAY, day  # state(lo) == previous, state(hi) == current
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if _state(tz, mid) == previous:
                lo = mid
            else:
                hi = mid
        instant = dt.datetime.fromtimestamp(hi, dt.UTC)
        before = dt.datetime.fromtimestamp(lo, tz).dst() or dt.timedelta(0)
        after = dt.datetime.fromtimestamp(hi, tz).dst() or dt.timedelta(0)
        seasonal = bool(before) or bool(after)
        onset = Onset(instant, previous[0], current[0], current[1],
                      daylight=seasonal and current[0] > previous[0])
        if start_year <= onset.local.year <= end_year:
            found.append(onset)
        previous = current
    return tuple(found)


@dataclass
class _Run:
    """Consecutive years whose change is described by one yearly rule."""

    onsets: list[Onset]
    ordinals: frozenset[int]

    @property
    def first(self) -> Onset:
        return self.onsets[0]

    @property
    def last(self) -> Onset:
        return self.onsets[-1]


def _key(onset: Onset) -> tuple[object, ...]:
    local = onset.local
    return (onset.daylight, onset.offset_from, onset.offset_to, onset.name,
            local.month, local.weekday(), local.time())


def _runs(found: tuple[Onset, ...]) -> list[_Run]:
    runs: list[_Run] = []
    open_runs: dict[tuple[object, ...], _Run] = {}
    for onset in found:
        key = _key(onset)
        run = open_runs.get(key)
        if (run is not None and run.last.local.year == onset.local.year - 1
                and run.ordinals & onset.ordinals):
            run.onsets.append(onset)
            run.ordinals &= onset.ordinals
        else:
            run = _Run([onset], onset.ordinals)
            runs.append(run)
            open_runs[key] = run
    return runs


def _until(onset: Onset) -> dt.datetime:
    """UNTIL for an era ending at ``onset``: in UTC, and no earlier than the local wall time.

    Some readers (ical.js, dateutil) compare the observance's local DTSTART series with UNTIL
    as if both were UTC; east of Greenwich the exact instant would then drop the era's last
    change. The later of the instant and the wall time read as UTC is inside both readings and
    months before the next yearly occurrence.
    """
    return max(onset.instant, onset.local.replace(tzinfo=dt.UTC))


def _observance(onset: Onset, *, daylight: bool) -> icalendar.Component:
    part: icalendar.Component = (
        icalendar.TimezoneDaylight() if daylight else icalendar.TimezoneStandard()
    )
    part.add("dtstart", onset.local)
    part.add("tzoffsetfrom", onset.offset_from)
    part.add("tzoffsetto", onset.offset_to)
    part.add("tzname", onset.name)
    return part


def vtimezone(zone: str, start_year: int, end_year: int) -> icalendar.Timezone:
    """A VTIMEZONE for ``zone`` that is right for every instant from 1 January ``start_year``
    through ``end_year`` (and, by its open-ended last rules, beyond)."""
    if end_year < start_year:
        raise ModelError(f"VTIMEZONE years run backwards: {start_year}..{end_year}")
    tz = _zone(zone)
    found = onsets(zone, start_year, end_year)
    component = icalendar.Timezone()
    component.add("tzid", zone)
    if not found or found[0].local != dt.datetime(start_year, 1, 1):
        # The offset in force from 1 January, so the first change is not the start of coverage
        # (ical.js reads times before every observance's onset as UTC).
        first_day = dt.datetime(start_year, 1, 1)
        aware = first_day.replace(tzinfo=tz)
        offset = aware.utcoffset() or dt.timedelta(0)
        daylight = bool(found) and (aware.dst() or dt.timedelta(0)) > dt.timedelta(0)
        base = Onset(first_day.replace(tzinfo=dt.UTC) - offset, offset, offset,
                     aware.tzname() or "", daylight)
        component.add_component(_observance(base, daylight=daylight))
    for run in _runs(found):
        part = _observance(run.first, daylight=run.first.daylight)
        ordinal = -1 if -1 in run.ordinals else min(run.ordinals)
        local = run.first.local
        rule: dict[str, object] = {
            "FREQ": "YEARLY",
            "BYMONTH": [local.month],
            "BYDAY": [f"{ordinal}{_WEEKDAYS[local.weekday()]}"],
        }
        if run.last.local.year < end_year or _superseded(run, found):
            rule["UNTIL"] = [_until(run.last)]
        part.add("rrule", icalendar.vRecur(rule))
        component.add_component(part)
    return component


def _superseded(run: _Run, found: tuple[Onset, ...]) -> bool:
    """True when a later change of the same kind (daylight or not) follows the run's last."""
    return any(o.instant > run.last.instant and o.daylight == run.last.daylight for o in found)
