"""Pure pieces of ingest: corrections, the airings a release announces, and airing identity.

Nothing here touches the database; :mod:`service.store` runs these inside its transactions.

Identity (see :mod:`service.contract`): two announcements are the same broadcast when they have
the same start instant (or, for date-only airings, the same local date), the same channel slug
(or both none) and the same programme slug (an announcement without a programme matches any
programme on that channel and instant). A date-only airing is *completed* by a timed one of the
same programme and channel on that date; a date-only announcement of a day that already has a
timed airing adds only a source.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Row

from schedules.channels import slugify
from schedules.errors import ModelError, ParseError
from schedules.model import Airing, Release
from schedules.recurrence import with_occurrences
from service.contract import Correction

UID_DOMAIN = "broadcast-schedules"
CORRECTABLE = ("start", "end", "channel", "programme", "episode", "title")


def slug(value: str | None) -> str | None:
    return slugify(value) if value else None


def title_key(title: str | None) -> str | None:
    """Case- and space-insensitive form of a title, for recognising revisions."""
    if not title:
        return None
    return re.sub(r"\s+", " ", title).strip().casefold() or None


@dataclass(frozen=True)
class Incoming:
    """One airing of a release, in the shape the store compares and writes."""

    position: int
    programme: str | None
    programme_slug: str | None
    episode: str | None
    channel: str | None
    channel_slug: str | None
    start: dt.datetime  # aware UTC
    end: dt.datetime | None  # aware UTC
    timezone: str
    local_date: dt.date
    time_known: bool
    repeat: bool
    on_demand: tuple[str, ...]
    rule: str | None = None


@dataclass
class Existing:
    """An airing row loaded for merging (mutable while a transaction decides its fate)."""

    id: int
    uid: str
    programme: str | None
    programme_slug: str | None
    episode: str | None
    channel: str | None
    channel_slug: str | None
    start: dt.datetime
    end: dt.datetime | None
    timezone: str
    local_date: dt.date
    time_known: bool
    repeat: bool
    on_demand: tuple[str, ...]
    status: str
    sequence: int
    rule: str | None
    changed: bool = field(default=False, compare=False)


def existing(row: Row[Any]) -> Existing:
    """An ``airings`` row as a mutable :class:`Existing`."""
    m = row._mapping
    return Existing(
        id=m["id"], uid=m["uid"], programme=m["programme"], programme_slug=m["programme_slug"],
        episode=m["episode"], channel=m["channel"], channel_slug=m["channel_slug"],
        start=m["start"], end=m["end"], timezone=m["timezone"], local_date=m["local_date"],
        time_known=m["time_known"], repeat=m["repeat"], on_demand=tuple(m["on_demand"]),
        status=m["status"], sequence=m["sequence"], rule=m["rule"])


def incoming(release: Release) -> list[Incoming]:
    """The airings ``release`` announces, every occurrence of its stated recurring slots
    included, with the RRULE of each recurrence kept on the airing that is its first
    occurrence."""
    rules: dict[tuple[str | None, str | None, dt.datetime], str] = {}
    for r in release.recurrences:
        rules.setdefault((slug(r.programme), slug(r.channel), r.first.astimezone(dt.UTC)),
                         r.rule)
    listed = list(release.airings)
    known = {id(a) for a in listed}
    # Listings need the rows of a stated run, not just its rule: the occurrences after the ones
    # the release lists are appended (positions after the listed airings', so a correction
    # aimed at "airing:<n>" keeps its target).
    later = [a for a in with_occurrences(listed, release.recurrences) if id(a) not in known]
    out = []
    for i, a in enumerate([*listed, *later]):
        start = a.start.astimezone(dt.UTC)
        p, c = slug(a.programme), slug(a.channel)
        out.append(Incoming(
            position=i, programme=a.programme, programme_slug=p, episode=a.episode,
            channel=a.channel, channel_slug=c, start=start,
            end=a.end.astimezone(dt.UTC) if a.end else None, timezone=a.timezone,
            local_date=a.local_start.date(), time_known=a.time_known, repeat=a.repeat,
            on_demand=a.on_demand, rule=rules.get((p, c, start)) if a.time_known else None))
    return out


def programme_slugs(release: Release) -> set[str]:
    found = {slugify(p.title) for p in release.programmes if p.title}
    found |= {slugify(a.programme) for a in release.airings if a.programme}
    return found


def _same_programme(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def same_broadcast(e: Existing, n: Incoming) -> bool:
    """``n`` announces exactly the broadcast ``e`` is."""
    if e.channel_slug != n.channel_slug or not _same_programme(e.programme_slug,
                                                               n.programme_slug):
        return False
    if e.time_known and n.time_known:
        return e.start == n.start
    if not e.time_known and not n.time_known:
        return e.local_date == n.local_date
    return False


def completes(e: Existing, n: Incoming) -> bool:
    """``n`` gives the time of the date-only airing ``e``."""
    return (not e.time_known and n.time_known and e.local_date == n.local_date
            and e.channel_slug == n.channel_slug
            and _same_programme(e.programme_slug, n.programme_slug))


def covered(e: Existing, n: Incoming) -> bool:
    """``n`` is a date-only mention of the timed airing ``e``."""
    return (e.time_known and not n.time_known and e.local_date == n.local_date
            and e.channel_slug == n.channel_slug
            and _same_programme(e.programme_slug, n.programme_slug))


def uid_for(n: Incoming, attempt: int = 0) -> str:
    """A deterministic uid from the airing's first identity (``attempt`` > 0 on a clash)."""
    when = n.start.isoformat() if n.time_known else f"date:{n.local_date.isoformat()}"
    parts = [when, n.channel_slug or "", n.programme_slug or "", str(attempt)]
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]
    return f"{digest}@{UID_DOMAIN}"


def pair_moves(old: Sequence[Existing], new: Sequence[Incoming]
               ) -> list[tuple[Existing, Incoming]]:
    """Pair unmatched earlier airings with unmatched new ones of the same programme and channel,
    nearest start first; each airing is used at most once."""
    options = []
    for e in old:
        for n in new:
            if e.programme_slug == n.programme_slug and e.channel_slug == n.channel_slug:
                options.append((abs((e.start - n.start).total_seconds()), e.id, n.position,
                                e, n))
    options.sort(key=lambda t: (t[0], t[1], t[2]))
    used_old: set[int] = set()
    used_new: set[int] = set()
    pairs = []
    for _, _, _, e, n in options:
        if e.id in used_old or n.position in used_new:
            continue
        used_old.add(e.id)
        used_new.add(n.position)
        pairs.append((e, n))
    return pairs


def _parse_when(value: str, zone: str, what: str) -> dt.datetime:
    try:
        when = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        raise ParseError(f"correction of {what}: expected an ISO 8601 date-time such as "
                         f"2018-09-18T20:00 or 2018-09-18T20:00+10:00, got {value!r}") from None
    if when.tzinfo is None:
        when = when.replace(tzinfo=ZoneInfo(zone))
    return when.astimezone(ZoneInfo(zone))


def apply_corrections(release: Release, corrections: Sequence[Correction]) -> Release:
    """``release`` with every correction applied, in order. A correction that names a missing
    airing or an unknown field raises :class:`ParseError` (nothing is stored)."""
    airings = list(release.airings)
    title = release.title
    for c in corrections:
        if c.field not in CORRECTABLE:
            raise ParseError(f"cannot correct {c.field!r}; correctable fields are "
                             f"{', '.join(CORRECTABLE)}")
        if c.target == "release":
            if c.field != "title":
                raise ParseError(f"a release correction changes its title, not {c.field!r}")
            title = c.value
            continue
        m = re.fullmatch(r"airing:(\d+)", c.target)
        if m is None:
            raise ParseError(f"correction target {c.target!r}: expected 'release' or "
                             f"'airing:<index>'")
        index = int(m.group(1))
        if index >= len(airings):
            raise ParseError(f"correction target {c.target!r}: the release has "
                             f"{len(airings)} airings")
        try:
            airings[index] = _corrected(airings[index], c)
        except ModelError as exc:
            raise ParseError(f"correction {c.target} {c.field}={c.value!r}: {exc}") from None
    if not corrections:
        return release
    return replace(release, title=title, airings=tuple(airings))


def _corrected(a: Airing, c: Correction) -> Airing:
    what = f"{c.target} {c.field}"
    if c.field == "start":
        start = _parse_when(c.value, a.timezone, what)
        end = start + (a.end - a.start) if a.end is not None else None
        return replace(a, start=start, end=end, time_known=True)
    if c.field == "end":
        return replace(a, end=_parse_when(c.value, a.timezone, what) if c.value else None)
    if c.field == "channel":
        return replace(a, channel=c.value or None)
    if c.field == "programme":
        return replace(a, programme=c.value or None)
    if c.field == "episode":
        return replace(a, episode=c.value or None)
    raise ParseError("an airing has no title; correct its programme or episode")
