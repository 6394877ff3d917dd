"""Expand a stated recurring slot into the airings a listings page shows.

A release says "Tuesdays at 8.30pm from 5 March for six weeks"; the parse keeps that as one
:class:`~schedules.model.Recurrence` (an RFC 5545 RRULE) beside the first airing. Listings sites
need the rows, so :func:`expand` turns the rule into airings with ``dateutil.rrule``.

Decisions:

* Occurrences keep the *wall-clock* time in the slot's zone ("8.30pm" stays 8.30pm across a
  daylight-saving change), as broadcasters schedule.
* A rule with no COUNT or UNTIL ("continues weekly", "weeknights at 6pm") is open-ended; it is
  expanded only up to ``horizon`` after the first occurrence (8 weeks by default), the span a
  press release speaks for. The rule itself still says "open-ended" to whoever reads it.
* An occurrence the release already lists (same channel and instant) is not added twice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr

from schedules.errors import ModelError
from schedules.model import Airing, Recurrence
from schedules.zones import localize

DEFAULT_HORIZON = dt.timedelta(weeks=8)
MAX_OCCURRENCES = 400  # a daily rule for a year; beyond that a rule is not a release's slot


def expand(recurrence: Recurrence, *, horizon: dt.timedelta = DEFAULT_HORIZON,
           duration: dt.timedelta | None = None) -> list[Airing]:
    """Every occurrence of ``recurrence`` as an airing (the first included), oldest first."""
    local_first = recurrence.first.astimezone(ZoneInfo(recurrence.timezone)).replace(tzinfo=None)
    try:
        rule = rrulestr(recurrence.rule, dtstart=local_first, forceset=False)
    except (ValueError, TypeError) as exc:
        raise ModelError(f"cannot read recurrence rule {recurrence.rule!r}: {exc}") from None
    bounded = "COUNT=" in recurrence.rule.upper() or "UNTIL=" in recurrence.rule.upper()
    last = local_first + horizon
    out: list[Airing] = []
    for wall in rule:
        if not bounded and wall > last:
            break
        if len(out) >= MAX_OCCURRENCES:
            break
        start = localize(wall, recurrence.timezone)
        out.append(Airing(
            programme=recurrence.programme, episode=recurrence.episode,
            channel=recurrence.channel, start=start, timezone=recurrence.timezone,
            end=start + duration if duration else None, repeat=recurrence.repeat,
            confidence=0.8, evidence=recurrence.evidence,
        ))
    return out


def with_occurrences(airings: Iterable[Airing], recurrences: Iterable[Recurrence], *,
                     horizon: dt.timedelta = DEFAULT_HORIZON) -> list[Airing]:
    """``airings`` plus every occurrence of ``recurrences`` they do not already list."""
    out = list(airings)
    seen = {(_fold(a.channel), a.start) for a in out}
    by_first = {(_fold(a.channel), a.start): a for a in out}
    for rec in recurrences:
        first = by_first.get((_fold(rec.channel), rec.first))
        duration = first.end - first.start if first and first.end else None
        for airing in expand(rec, horizon=horizon, duration=duration):
            key = (_fold(airing.channel), airing.start)
            if key in seen:
                continue
            seen.add(key)
            if first is not None:  # later weeks carry what the release said about the first
                airing = Airing(
                    programme=first.programme, episode=None, channel=first.channel,
                    start=airing.start, timezone=airing.timezone, end=airing.end,
                    repeat=first.repeat, on_demand=first.on_demand,
                    zone_label=first.zone_label, confidence=airing.confidence,
                    evidence=airing.evidence)
            out.append(airing)
    return sorted(out, key=lambda a: (a.start, a.channel or ""))


def _fold(value: str | None) -> str:
    return (value or "").casefold()
