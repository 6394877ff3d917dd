"""Records -> iCalendar (RFC 5545, with the RFC 7986 calendar properties).

One VEVENT per airing and one RRULE event per stated recurring slot, each in its IANA zone
(``DTSTART;TZID=Australia/Sydney:20180918T200000``) with one VTIMEZONE per zone used (see
:mod:`schedules.export.vtimezone`). An airing whose clock time was not printed is an all-day
event with ``STATUS:TENTATIVE``: we never invent a time.

The output is a pure function of the input: DTSTAMP and LAST-MODIFIED come from each entry's
``stamp`` (the record's last revision), never the clock; UIDs come from the records; events are
ordered by start then UID. Components are built with ``icalendar``'s plain constructors rather
than ``Event.new()``/``Calendar.new()``, which fill in a random UID and the current time.

Text is escaped by ``icalendar``; before that, control characters are dropped and line breaks
normalised, and single-line properties (SUMMARY, LOCATION, CATEGORIES, NAME) are folded onto
one line, so hostile text ("...\\r\\nBEGIN:VEVENT") stays text.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import icalendar

from schedules.errors import ModelError
from schedules.export.vtimezone import vtimezone
from schedules.model import Airing, Contact, Programme, Recurrence, Release

PRODID = "-//broadcast-schedules//iCalendar export//EN"
UID_DOMAIN = "broadcast-schedules"
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
YEARS_BEFORE_FIRST_EVENT = 3
"""VTIMEZONEs start this many years before a zone's first event (see vtimezone's coverage)."""
MAX_RULE_SPAN = dt.timedelta(days=366 * 100)
"""The furthest past its first start that a recurrence's zone is written out for."""
VTIMEZONE_YEARS = (1900, 2200)
"""VTIMEZONEs never reach outside these years (a year-9999 typo must not mean scanning 8,000
years of offsets); later events are still covered by the zone's open-ended yearly rules."""

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_PERIODS = {"DAILY": dt.timedelta(days=1), "WEEKLY": dt.timedelta(days=7),
            "MONTHLY": dt.timedelta(days=31), "YEARLY": dt.timedelta(days=366)}
_SLOT_FREQUENCIES = tuple(_PERIODS)


@dataclass(frozen=True)
class CalendarEntry:
    """An airing as a calendar event, with what the feed knows about it."""

    airing: Airing
    uid: str
    stamp: dt.datetime
    """UTC; the record's last revision. Becomes DTSTAMP and LAST-MODIFIED."""
    sequence: int = 0
    description: str | None = None
    """Extra text appended to DESCRIPTION (sources, contacts)."""
    url: str | None = None
    categories: tuple[str, ...] = ()
    synopsis: str | None = None
    contacts: tuple[Contact, ...] = ()


@dataclass(frozen=True)
class RecurringEntry:
    """A stated recurring slot (:class:`~schedules.model.Recurrence`) as an RRULE event."""

    recurrence: Recurrence
    uid: str
    stamp: dt.datetime
    sequence: int = 0
    synopsis: str | None = None
    url: str | None = None


# --------------------------------------------------------------------------- text helpers


def _text(value: str) -> str:
    """Multi-line text: CR/CRLF -> LF, control characters dropped (TAB and LF kept)."""
    return _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n")).strip()


def _line(value: str) -> str:
    """Single-line text: all whitespace runs (line breaks too) become one space."""
    return " ".join(_text(value).split())


def _url(value: str | None) -> str | None:
    """A URL as given, or None when it is empty or holds whitespace or control characters."""
    if value is None:
        return None
    value = value.strip()
    if not value or any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in value):
        return None
    return value


def summary(programme: str | None, episode: str | None, channel: str | None) -> str:
    """"Programme: Episode", the programme alone, or "Untitled programme on <channel>"."""
    title = _line(programme or "")
    ep = _line(episode or "")
    if title and ep and ep.casefold() != title.casefold():
        return f"{title}: {ep}"
    if title or ep:
        return title or ep
    where = _line(channel or "")
    return f"Untitled programme on {where}" if where else "Untitled programme"


def contact_line(contact: Contact) -> str:
    """"Media contact: name, role, organisation, phones, emails" (whatever is known, or "")."""
    parts = [contact.name, contact.role, contact.organisation, *contact.phones, *contact.emails]
    known = [_line(p) for p in parts if p and _line(p)]
    return "Media contact: " + ", ".join(known) if known else ""


def _unique(values: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for value in values:
        text = _line(value)
        if text and text.casefold() not in seen:
            seen.add(text.casefold())
            out.append(text)
    return out


def _utc(value: dt.datetime, what: str) -> dt.datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ModelError(f"{what} must be timezone-aware, got naive {value.isoformat()}")
    return value.astimezone(dt.UTC)


def _wall(moment: dt.datetime, tz: ZoneInfo) -> dt.datetime:
    """``moment`` as a local time in ``tz`` when that names it unambiguously, else in UTC.

    RFC 5545 reads a repeated wall time (the hour after DST ends) as its first occurrence, so
    the second occurrence (``fold=1``) can only be written in UTC.
    """
    local = moment.astimezone(tz)
    if local.fold and local.replace(fold=0).utcoffset() != local.utcoffset():
        return local.astimezone(dt.UTC)
    return local


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ValueError, KeyError) as exc:
        raise ModelError(f"unknown IANA time zone {name!r}") from exc


# --------------------------------------------------------------------------- events


@dataclass(frozen=True)
class _Rendered:
    sort_key: tuple[dt.datetime, str]
    event: icalendar.Event
    zone: str | None  # the zone of a timed event, None for an all-day one
    first: dt.datetime  # UTC
    last: dt.datetime  # UTC, the last instant the zone must cover


def _common(event: icalendar.Event, *, uid: str, stamp: dt.datetime, sequence: int) -> None:
    stamp_utc = _utc(stamp, "CalendarEntry.stamp")
    event.add("uid", _line(uid))
    event.add("dtstamp", stamp_utc)
    event.add("last-modified", stamp_utc)
    event.add("sequence", sequence)


def _airing_event(entry: CalendarEntry, *, end_for: _Durations, all_day: bool) -> _Rendered:
    airing = entry.airing
    tz = _zone(airing.timezone)
    local = airing.start.astimezone(tz)
    start_utc = local.astimezone(dt.UTC)
    event = icalendar.Event()
    _common(event, uid=entry.uid, stamp=entry.stamp, sequence=entry.sequence)
    event.add("summary", summary(airing.programme, airing.episode, airing.channel))
    dated = all_day or not airing.time_known
    if dated:
        day = local.date()
        event.add("dtstart", day)
        event.add("dtend", day + dt.timedelta(days=1))
        midnight = dt.datetime.combine(day, dt.time(), tzinfo=tz).astimezone(dt.UTC)
        first, last, zone = midnight, midnight + dt.timedelta(days=1), None
    else:
        end_utc = (airing.end.astimezone(dt.UTC) if airing.end is not None
                   else start_utc + end_for(airing.programme))
        event.add("dtstart", _wall(local, tz))
        event.add("dtend", _wall(end_utc, tz))
        first, last, zone = start_utc, end_utc, airing.timezone
    if airing.channel and _line(airing.channel):
        event.add("location", _line(airing.channel))
    notes: list[str] = []
    if entry.synopsis and _text(entry.synopsis):
        notes.append(_text(entry.synopsis))
    services = _unique(airing.on_demand)
    if services:
        notes.append("Also on: " + ", ".join(services))
    if airing.repeat:
        notes.append("Repeat")
    if not airing.time_known:
        notes.append("Time to be confirmed")
    notes.extend(line for line in map(contact_line, entry.contacts) if line)
    if entry.description and _text(entry.description):
        notes.append(_text(entry.description))
    if notes:
        event.add("description", "\n\n".join(notes))
    url = _url(entry.url)
    if url:
        event.add("url", url)
    categories = _unique([airing.channel or "", "Repeat" if airing.repeat else "",
                          *entry.categories])
    if categories:
        event.add("categories", categories)
    if airing.status == "cancelled":
        status = "CANCELLED"
    elif not airing.time_known:
        status = "TENTATIVE"
    else:
        status = "CONFIRMED"
    event.add("status", status)
    event.add("transp", "TRANSPARENT")
    return _Rendered((first, entry.uid), event, zone, first, last)


def _rule(rule: str, *, tz: ZoneInfo, all_day: bool) -> icalendar.vRecur:
    """A Recurrence's RRULE, checked, with UNTIL in the form RFC 5545 requires for DTSTART."""
    if _CONTROL.search(rule) or "\n" in rule or "\r" in rule:
        raise ModelError(f"RRULE holds control characters: {rule!r}")
    try:
        recur: icalendar.vRecur = icalendar.vRecur.from_ical(rule.strip().removeprefix("RRULE:"))
    except ValueError as exc:
        raise ModelError(f"unreadable RRULE {rule!r}: {exc}") from exc
    if not recur.get("FREQ"):
        raise ModelError(f"RRULE without FREQ: {rule!r}")
    if str(recur["FREQ"][0]).upper() not in _SLOT_FREQUENCIES:
        # A broadcast slot repeats daily at most; a finer rule is a mistake upstream.
        raise ModelError(f"RRULE frequency must be one of {', '.join(_SLOT_FREQUENCIES)}: "
                         f"{rule!r}")
    if recur.get("COUNT") and recur.get("UNTIL"):
        raise ModelError(f"RRULE has both COUNT and UNTIL: {rule!r}")
    untils = recur.get("UNTIL")
    if untils:
        until = untils[0]
        if not isinstance(until, dt.datetime):  # a date: through the end of that local day
            until = dt.datetime.combine(until, dt.time(23, 59, 59))
        if until.tzinfo is None:
            until = until.replace(tzinfo=tz)
        until_utc = until.astimezone(dt.UTC)
        recur["UNTIL"] = [until_utc.astimezone(tz).date() if all_day else until_utc]
    return recur


def _last_start(recur: icalendar.vRecur, first: dt.datetime) -> dt.datetime:
    """A bound on the last start a rule reaches, without expanding it: only the years its
    zone must cover depend on it (an open-ended rule is covered by the VTIMEZONE's open-ended
    last observances). Expanding would let a rule that never matches
    (``FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30``) spin to the year 9999."""
    untils = recur.get("UNTIL")
    if untils:
        until = untils[0]
        if not isinstance(until, dt.datetime):
            until = dt.datetime.combine(until, dt.time(23, 59, 59), tzinfo=first.tzinfo)
        return min(max(first, until), first + MAX_RULE_SPAN)
    counts = recur.get("COUNT")
    if counts:
        interval = int((recur.get("INTERVAL") or [1])[0])
        period = _PERIODS[str(recur["FREQ"][0]).upper()]
        span = min(period * interval * max(int(counts[0]) - 1, 0), MAX_RULE_SPAN)
        return first + span
    return first


def _recurring_event(entry: RecurringEntry, *, end_for: _Durations, all_day: bool) -> _Rendered:
    rec = entry.recurrence
    tz = _zone(rec.timezone)
    # A rule repeats a wall time, so DTSTART stays local; in a repeated hour that means the
    # first occurrence of it (RFC 5545), and the end is reckoned from there.
    local = rec.first.astimezone(tz).replace(fold=0)
    start_utc = local.astimezone(dt.UTC)
    recur = _rule(rec.rule, tz=tz, all_day=all_day)
    last_start = _last_start(recur, local)
    length = end_for(rec.programme)
    event = icalendar.Event()
    _common(event, uid=entry.uid, stamp=entry.stamp, sequence=entry.sequence)
    event.add("summary", summary(rec.programme, rec.episode, rec.channel))
    zone: str | None
    if all_day:
        event.add("dtstart", local.date())
        event.add("dtend", local.date() + dt.timedelta(days=1))
        zone = None
    else:
        event.add("dtstart", local)
        event.add("dtend", _wall(start_utc + length, tz))
        zone = rec.timezone
    event.add("rrule", recur)
    if rec.channel and _line(rec.channel):
        event.add("location", _line(rec.channel))
    notes = [_text(entry.synopsis)] if entry.synopsis and _text(entry.synopsis) else []
    if rec.repeat:
        notes.append("Repeat")
    if notes:
        event.add("description", "\n\n".join(notes))
    url = _url(entry.url)
    if url:
        event.add("url", url)
    categories = _unique([rec.channel or "", "Repeat" if rec.repeat else ""])
    if categories:
        event.add("categories", categories)
    event.add("status", "CONFIRMED")
    event.add("transp", "TRANSPARENT")
    last = last_start.astimezone(dt.UTC) + length
    return _Rendered((start_utc, entry.uid), event, zone, start_utc, last)


class _Durations:
    """How long an airing without a printed end lasts: per programme, else the default."""

    def __init__(self, durations: Mapping[str, dt.timedelta] | None, default: dt.timedelta):
        if default <= dt.timedelta(0):
            raise ModelError(f"default_duration must be positive, got {default}")
        for title, length in (durations or {}).items():
            if length <= dt.timedelta(0):
                raise ModelError(f"duration for {title!r} must be positive, got {length}")
        self.durations = dict(durations or {})
        self.default = default

    def __call__(self, programme: str | None) -> dt.timedelta:
        if programme is None:
            return self.default
        return self.durations.get(programme, self.default)


# --------------------------------------------------------------------------- calendar


def calendar_bytes(
    entries: Sequence[CalendarEntry],
    *,
    name: str,
    recurring: Sequence[RecurringEntry] = (),
    description: str | None = None,
    refresh: dt.timedelta | None = dt.timedelta(hours=1),
    url: str | None = None,
    durations: Mapping[str, dt.timedelta] | None = None,
    default_duration: dt.timedelta = dt.timedelta(minutes=30),
    all_day: bool = False,
) -> bytes:
    """A VCALENDAR (``METHOD:PUBLISH``) holding every entry, byte-identical for equal input.

    ``durations`` maps a programme title (exactly as in the airing) to its length, used when an
    airing has no printed end; otherwise ``default_duration``. ``all_day=True`` renders every
    event as a date. ``refresh`` becomes REFRESH-INTERVAL and X-PUBLISHED-TTL (None omits them).
    Entries sharing a UID are written once: the highest SEQUENCE, then latest stamp, wins.
    """
    end_for = _Durations(durations, default_duration)
    if refresh is not None and refresh <= dt.timedelta(0):
        raise ModelError(f"refresh interval must be positive, got {refresh}")
    rendered = [_airing_event(e, end_for=end_for, all_day=all_day) for e in entries]
    rendered += [_recurring_event(r, end_for=end_for, all_day=all_day) for r in recurring]
    chosen: dict[str, tuple[tuple[int, dt.datetime], _Rendered]] = {}
    sources: list[CalendarEntry | RecurringEntry] = [*entries, *recurring]
    for item, entry in zip(rendered, sources, strict=True):
        revision = (entry.sequence, _utc(entry.stamp, "stamp"))
        held = chosen.get(entry.uid)
        if held is None or revision > held[0]:
            chosen[entry.uid] = (revision, item)
    events = sorted((item for _, item in chosen.values()), key=lambda r: r.sort_key)

    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    title = _line(name) or "Broadcast schedule"
    cal.add("name", icalendar.vText(title))
    cal.add("x-wr-calname", icalendar.vText(title))
    if description and _text(description):
        cal.add("description", _text(description))
        cal.add("x-wr-caldesc", icalendar.vText(_text(description)))
    feed_url = _url(url)
    if feed_url:
        cal.add("url", feed_url)
    if refresh is not None:
        cal.add("refresh-interval", refresh, parameters={"VALUE": "DURATION"})
        cal.add("x-published-ttl", icalendar.vDuration(refresh))
    spans: dict[str, tuple[int, int]] = {}
    for item in events:
        if item.zone is None:
            continue
        tz = _zone(item.zone)
        low = item.first.astimezone(tz).year - YEARS_BEFORE_FIRST_EVENT
        high = item.last.astimezone(tz).year
        held_span = spans.get(item.zone)
        spans[item.zone] = (low, high) if held_span is None else (
            min(held_span[0], low), max(held_span[1], high))
    if len(spans) == 1:
        cal.add("x-wr-timezone", next(iter(spans)))
    floor, ceiling = VTIMEZONE_YEARS
    for zone in sorted(spans):
        low = min(max(spans[zone][0], floor), ceiling)
        cal.add_component(vtimezone(zone, low, max(min(spans[zone][1], ceiling), low)))
    for item in events:
        cal.add_component(item.event)
    return bytes(cal.to_ical())


# --------------------------------------------------------------------------- releases


def _programme_for(programmes: Sequence[Programme], title: str | None,
                   episode: str | None) -> Programme | None:
    """The release's programme record for an airing: same title, then same (or no) episode."""
    if title is None:
        return None
    same = [p for p in programmes if p.title.casefold() == title.casefold()]
    wanted = (episode or "").casefold()
    for programme in same:
        if (programme.episode or "").casefold() == wanted:
            return programme
    for programme in same:
        if programme.episode is None:
            return programme
    return same[0] if len(same) == 1 else None


def recurrence_key(rec: Recurrence) -> str:
    """A stable identity for a recurring slot, in the manner of :meth:`Airing.key`."""
    parts = [
        (rec.programme or "").casefold(),
        (rec.episode or "").casefold(),
        (rec.channel or "").casefold(),
        _utc(rec.first, "Recurrence.first").isoformat(),
        rec.rule.upper(),
    ]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:24]


def _source_line(release: Release) -> str | None:
    parts = [p for p in (release.title, _url(release.url)) if p and _line(p)]
    return "Source: " + " — ".join(_line(p) for p in parts) if parts else None


def entries_for_release(release: Release) -> tuple[list[CalendarEntry], list[RecurringEntry]]:
    """Calendar entries for every airing and recurring slot of a release.

    UIDs are ``Airing.key()`` + ``@broadcast-schedules`` (so re-reading the release updates the
    same events); the stamp is the release date at 00:00 UTC (1970-01-01 when undated).
    """
    stamp = (dt.datetime.combine(release.released, dt.time(), tzinfo=dt.UTC)
             if release.released is not None else EPOCH)
    source = _source_line(release)
    entries: list[CalendarEntry] = []
    seen: set[str] = set()
    for airing in release.airings:
        uid = f"{airing.key()}@{UID_DOMAIN}"
        if uid in seen:
            continue
        seen.add(uid)
        if not airing.on_demand and release.on_demand:
            airing = dataclasses.replace(airing, on_demand=release.on_demand)
        programme = _programme_for(release.programmes, airing.programme, airing.episode)
        entries.append(CalendarEntry(
            airing=airing,
            uid=uid,
            stamp=stamp,
            description=source,
            url=(programme.url if programme else None) or release.url,
            synopsis=programme.synopsis if programme else None,
            contacts=release.contacts,
        ))
    recurring: list[RecurringEntry] = []
    for rec in release.recurrences:
        uid = f"{recurrence_key(rec)}@{UID_DOMAIN}"
        if uid in seen:
            continue
        seen.add(uid)
        programme = _programme_for(release.programmes, rec.programme, rec.episode)
        recurring.append(RecurringEntry(
            recurrence=rec,
            uid=uid,
            stamp=stamp,
            synopsis=programme.synopsis if programme else None,
            url=(programme.url if programme else None) or release.url,
        ))
    return entries, recurring


def release_calendar(
    release: Release,
    *,
    durations: Mapping[str, dt.timedelta] | None = None,
    default_duration: dt.timedelta = dt.timedelta(minutes=30),
) -> bytes:
    """The calendar for one release (``schedules parse --format ics``)."""
    entries, recurring = entries_for_release(release)
    titles = _unique(a.programme or "" for a in release.airings)
    name = release.title or ", ".join(titles) or "Broadcast schedule"
    return calendar_bytes(entries, name=name, recurring=recurring, url=release.url,
                          durations=durations, default_duration=default_duration)
