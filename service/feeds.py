"""Calendar feeds (``/feeds/...ics``) and XMLTV (``/xmltv.xml``), rendered once per change.

Every poll costs one cheap question to the store, ``revision()`` (a counter bumped in the same
transaction as any change, so it is right whichever worker process wrote). The rendered bytes,
their gzip form and their strong ETag (a hash of the bytes) are kept in a per-process cache keyed
by ``(revision, UTC day, host, path, normalised options)``; a poll whose key is cached is a dict
look-up, and a conditional poll that matches is a 304 with no body. The UTC day is in the key
because the window (``past_days`` / ``future_days``) is counted from midnight UTC, so a feed
changes at most once a day without a write; that midnight is also the earliest Last-Modified.

Feed options (validated, 400 problem otherwise):

``past_days`` (default 30) and ``future_days`` (default unlimited)
    the window of airings, counted in whole days from today's midnight UTC;
``repeats=false``
    leaves out airings marked as repeats;
``premieres_only=true``
    keeps only the first showing of each episode (not a repeat, earliest in the window);
``all_day=true``
    renders every event as an all-day event (for calendars used as a to-watch list);
``tz=<IANA zone>``
    re-anchors airings whose time was printed without a zone. Australian and American
    broadcasters print "8pm on ABC TV" meaning 8 pm wherever the viewer is: the network airs it at
    8 pm local in each region. We store such an airing in the broadcaster's home zone (Sydney), so
    a viewer in Perth would see it at 6 pm. With ``tz=Australia/Perth`` those airings keep their
    wall time (20:00) in the viewer's zone. Airings whose zone was printed ("7.30 pm AEST") are a
    fixed instant for everyone and are left as they are (the client shows them in local time).
    Whether a time was printed with a zone is read from the source releases' parse
    (``Airing.zone_label``).

Cancelled airings stay in every feed as ``STATUS:CANCELLED`` with their bumped SEQUENCE, so a
subscriber's calendar removes them instead of keeping a stale event.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gzip
import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.utils import format_datetime, parsedate_to_datetime
from zoneinfo import ZoneInfo

from flask import Blueprint, Flask, Response, current_app, request

from schedules.export.ical import CalendarEntry, RecurringEntry, calendar_bytes
from schedules.export.xmltv import xmltv_bytes
from schedules.model import Airing, Recurrence, Release
from service.contract import AiringQuery, Store, StoredAiring, StoredProgramme
from service.problems import Problem
from service.web import current_store, int_between, param, parse_bool, parse_zone

bp = Blueprint("feeds", __name__)

CALENDAR = "text/calendar; charset=utf-8"
XMLTV = "application/xml; charset=utf-8"
CACHE_CONTROL = "public, max-age=3600"
REFRESH = dt.timedelta(hours=1)
MAX_DAYS = 36_500
DEFAULT_PAST_DAYS = 30
PAGE = 1_000


# --------------------------------------------------------------------------- options


@dataclass(frozen=True)
class FeedOptions:
    past_days: int = DEFAULT_PAST_DAYS
    future_days: int | None = None
    premieres_only: bool = False
    repeats: bool = True
    all_day: bool = False
    tz: str | None = None

    @classmethod
    def from_request(cls, default_past_days: int = DEFAULT_PAST_DAYS) -> FeedOptions:
        """The options of this request's query. A calendar client polls the same address over
        and over, so valid query strings are remembered (a bounded map): a poll then costs a
        dictionary look-up instead of parsing six parameters."""
        key = (request.query_string, default_past_days)
        known = _OPTIONS.get(key)
        if known is not None:
            return known
        options = cls._parse(default_past_days)
        if len(_OPTIONS) < _OPTIONS_MAX:
            _OPTIONS[key] = options
        return options

    @classmethod
    def _parse(cls, default_past_days: int) -> FeedOptions:
        zone = param("tz", parse_zone, None)
        return cls(
            past_days=param("past_days", int_between(0, MAX_DAYS), default_past_days),
            future_days=param("future_days", int_between(0, MAX_DAYS), None),
            premieres_only=param("premieres_only", parse_bool, False),
            repeats=param("repeats", parse_bool, True),
            all_day=param("all_day", parse_bool, False),
            tz=zone.key if zone is not None else None,
        )

    def window(self, today: dt.date) -> tuple[dt.datetime, dt.datetime | None]:
        midnight = dt.datetime.combine(today, dt.time(), tzinfo=dt.UTC)
        start = midnight - dt.timedelta(days=self.past_days)
        end = (midnight + dt.timedelta(days=self.future_days + 1)
               if self.future_days is not None else None)
        return start, end

    def describe(self) -> str:
        parts = [f"the last {self.past_days} days"]
        if self.future_days is not None:
            parts.append(f"the next {self.future_days} days")
        else:
            parts.append("everything announced ahead")
        text = " and ".join(parts)
        if self.premieres_only:
            text += "; first showings only"
        elif not self.repeats:
            text += "; no repeats"
        if self.tz:
            text += f"; times printed without a zone shown as local time in {self.tz}"
        return text


_OPTIONS: dict[tuple[bytes, int], FeedOptions] = {}
_OPTIONS_MAX = 4096


# --------------------------------------------------------------------------- cache


@dataclass(frozen=True)
class Rendered:
    body: bytes
    gzipped: bytes
    etag: str  # quoted strong ETag of ``body``
    gzip_etag: str  # of ``gzipped`` (a different representation needs a different tag)
    last_modified: dt.datetime
    mimetype: str
    filename: str
    headers: dict[bool, tuple[list[tuple[str, str]], list[tuple[str, str]]]] = field(
        default_factory=dict, compare=False)  # by "gzip?": (304 headers, 200 headers)

    def __post_init__(self) -> None:
        for use_gzip in (False, True):
            common = [
                ("ETag", self.gzip_etag if use_gzip else self.etag),
                ("Last-Modified", format_datetime(self.last_modified, usegmt=True)),
                ("Cache-Control", CACHE_CONTROL),
                ("Vary", "Accept-Encoding"),
            ]
            full = [("Content-Type", self.mimetype), *common,
                    ("Content-Disposition", f'inline; filename="{self.filename}"')]
            if use_gzip:
                full.append(("Content-Encoding", "gzip"))
            self.headers[use_gzip] = (common, full)


CacheKey = tuple[object, ...]


class FeedCache:
    """A small LRU of rendered feeds; entries of older revisions are dropped as soon as a newer
    revision is stored."""

    def __init__(self, entries: int):
        self.entries = max(entries, 1)
        self._data: OrderedDict[CacheKey, Rendered] = OrderedDict()
        self._lock = threading.Lock()
        self._building: dict[CacheKey, threading.Lock] = {}
        self.renders = 0

    def build_lock(self, key: CacheKey) -> threading.Lock:
        """One lock per key being rendered, so that when a change (or a cold start) meets many
        concurrent polls of the same feed, one thread renders it and the others wait for that
        result instead of all rendering it at once."""
        with self._lock:
            if len(self._building) > 4 * self.entries:  # many one-off queries: forget idle locks
                self._building = {k: v for k, v in self._building.items() if v.locked()}
            return self._building.setdefault(key, threading.Lock())

    def get(self, key: CacheKey) -> Rendered | None:
        with self._lock:
            found = self._data.get(key)
            if found is not None:
                self._data.move_to_end(key)
            return found

    def put(self, key: CacheKey, value: Rendered) -> None:
        with self._lock:
            self.renders += 1
            revision = key[0]
            for stale in [k for k in self._data if k[0] != revision]:
                del self._data[stale]
            for stale in [k for k in self._building if k[0] != revision]:
                del self._building[stale]
            self._data[key] = value
            while len(self._data) > self.entries:
                self._data.popitem(last=False)


def feed_cache(app: Flask) -> FeedCache:
    cache: FeedCache | None = app.extensions.get("schedules.feed_cache")
    if cache is None:
        cache = app.extensions.setdefault(
            "schedules.feed_cache", FeedCache(int(app.config.get("FEED_CACHE_ENTRIES", 256))))
    return cache


def _etag(data: bytes) -> str:
    return '"' + hashlib.sha256(data).hexdigest()[:40] + '"'


def render(body: bytes, *, last_modified: dt.datetime, mimetype: str,
           filename: str) -> Rendered:
    gzipped = gzip.compress(body, compresslevel=6, mtime=0)
    return Rendered(body, gzipped, _etag(body), _etag(gzipped), last_modified, mimetype,
                    filename)


def _not_modified(rendered: Rendered, etag: str) -> bool:
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match is not None:
        if if_none_match.strip() == "*":
            return True
        tags = {t.strip().removeprefix("W/") for t in if_none_match.split(",")}
        return bool(tags & {etag, rendered.etag})
    since = request.headers.get("If-Modified-Since")
    if since:
        try:
            when = parsedate_to_datetime(since)
        except (TypeError, ValueError, IndexError):
            return False
        if when.tzinfo is None:
            when = when.replace(tzinfo=dt.UTC)
        return rendered.last_modified <= when
    return False


def respond(rendered: Rendered) -> Response:
    """The cached bytes as an HTTP response: gzip when accepted, 304 when the client has them.
    The header lists are computed once per rendering, not per poll."""
    use_gzip = "gzip" in request.headers.get("Accept-Encoding", "") and \
        request.accept_encodings["gzip"] > 0
    etag = rendered.gzip_etag if use_gzip else rendered.etag
    common, full = rendered.headers[use_gzip]
    if _not_modified(rendered, etag):
        return Response(b"", status=304, headers=common)
    return Response(rendered.gzipped if use_gzip else rendered.body, headers=full)


def cached(build: Callable[[Store, dt.date, dt.datetime], Rendered],
           options: object) -> Response:
    """Serve ``build``'s output for this revision, rendering it only when not cached."""
    store = current_store()
    revision, changed = store.revision()
    today = dt.datetime.now(dt.UTC).date()
    key: CacheKey = (revision, today, request.host, request.scheme, request.path, options)
    cache = feed_cache(current_app)
    rendered = cache.get(key)
    if rendered is None:
        with cache.build_lock(key):
            rendered = cache.get(key)  # another thread may have rendered it meanwhile
            if rendered is None:
                day = dt.datetime.combine(today, dt.time(), tzinfo=dt.UTC)
                last_modified = max(changed.astimezone(dt.UTC), day).replace(microsecond=0)
                rendered = build(store, today, last_modified)
                cache.put(key, rendered)
    return respond(rendered)


# --------------------------------------------------------------------------- building feeds


def collect(store: Store, query: AiringQuery) -> list[StoredAiring]:
    out: list[StoredAiring] = []
    after: str | None = None
    while True:
        page = store.airings(dataclasses.replace(query, after=after, limit=PAGE))
        out.extend(page.airings)
        if page.next is None or not page.airings:
            return out
        after = page.next


def _episode_key(a: StoredAiring) -> tuple[str, str]:
    return ((a.programme_slug or a.programme or "").casefold(), (a.episode or "").casefold())


def select(airings: list[StoredAiring], options: FeedOptions) -> list[StoredAiring]:
    chosen = [a for a in airings if options.repeats or not a.repeat]
    if options.premieres_only:
        firsts: dict[tuple[str, str], StoredAiring] = {}
        for a in sorted(chosen, key=lambda a: a.start):
            if a.status == "scheduled" and not a.repeat:
                firsts.setdefault(_episode_key(a), a)
        keep = {a.uid for a in firsts.values()}
        chosen = [a for a in chosen if a.uid in keep
                  or (a.status == "cancelled" and not a.repeat)]
    return chosen


class _Records:
    """Release parses by id, loaded once per render."""

    def __init__(self, store: Store):
        self.store = store
        self.held: dict[int, Release | None] = {}

    def __call__(self, release_id: int) -> Release | None:
        if release_id not in self.held:
            found = self.store.release(release_id)
            self.held[release_id] = found.record if found is not None else None
        return self.held[release_id]


def printed_without_zone(airing: StoredAiring, records: Callable[[int], Release | None]) -> bool:
    """True when a source release printed this airing's time with no zone word ("8pm")."""
    if not airing.time_known:
        return False
    for release_id in airing.sources:
        record = records(release_id)
        for parsed in record.airings if record is not None else ():
            if (parsed.time_known and parsed.start == airing.start
                    and (parsed.channel or "").casefold() == (airing.channel or "").casefold()):
                return parsed.zone_label is None
    return False


def as_airing(stored: StoredAiring, *, anchor: ZoneInfo | None = None) -> Airing:
    """The core record for a stored airing; ``anchor`` moves its wall time into that zone."""
    start, end, zone = stored.start, stored.end, stored.timezone
    if anchor is not None:
        wall = stored.start.astimezone(ZoneInfo(stored.timezone)).replace(tzinfo=None)
        start = wall.replace(tzinfo=anchor)
        end = start + (stored.end - stored.start) if stored.end is not None else None
        zone = anchor.key
    return Airing(programme=stored.programme, episode=stored.episode, channel=stored.channel,
                  start=start, timezone=zone, end=end, time_known=stored.time_known,
                  repeat=stored.repeat, on_demand=stored.on_demand, status=stored.status)


def _entries(store: Store, airings: list[StoredAiring], options: FeedOptions
             ) -> tuple[list[CalendarEntry], list[RecurringEntry]]:
    programmes: dict[str, StoredProgramme] = {p.slug: p for p in store.programmes()}
    records = _Records(store)
    anchor = ZoneInfo(options.tz) if options.tz else None
    entries: list[CalendarEntry] = []
    recurring: list[RecurringEntry] = []
    for stored in airings:
        floating = anchor is not None and printed_without_zone(stored, records)
        airing = as_airing(stored, anchor=anchor if floating else None)
        programme = programmes.get(stored.programme_slug or "")
        stamp = stored.updated.astimezone(dt.UTC)
        synopsis = programme.synopsis if programme else None
        url = programme.url if programme else None
        if stored.rule and stored.status == "scheduled" and stored.time_known:
            recurring.append(RecurringEntry(
                recurrence=Recurrence(programme=airing.programme, episode=airing.episode,
                                      channel=airing.channel, first=airing.start,
                                      rule=stored.rule, timezone=airing.timezone,
                                      repeat=airing.repeat),
                uid=stored.uid, stamp=stamp, sequence=stored.sequence, synopsis=synopsis,
                url=url))
            continue
        entries.append(CalendarEntry(
            airing=airing, uid=stored.uid, stamp=stamp, sequence=stored.sequence,
            url=url, synopsis=synopsis,
            contacts=programme.contacts if programme else (),
        ))
    return entries, recurring


def _calendar(*, name: str, about: str, query: AiringQuery, options: FeedOptions,
              filename: str) -> Callable[[Store, dt.date, dt.datetime], Rendered]:
    def build(store: Store, today: dt.date, last_modified: dt.datetime) -> Rendered:
        feed_url = request.url
        start, end = options.window(today)
        airings = select(collect(store, dataclasses.replace(
            query, start=start, end=end, include_cancelled=True)), options)
        entries, recurring = _entries(store, airings, options)
        description = (f"{about} Times from broadcasters' press releases; this feed shows "
                       f"{options.describe()}. It is refreshed hourly.")
        body = calendar_bytes(entries, recurring=recurring, name=name,
                              description=description, refresh=REFRESH, url=feed_url,
                              all_day=options.all_day)
        return render(body, last_modified=last_modified, mimetype=CALENDAR,
                      filename=filename)

    return build


def _not_found(what: str) -> Problem:
    return Problem(404, "not-found", what)


def _valid_slug(slug: str) -> str:
    if len(slug) > 200 or not slug or not all(ch.isalnum() or ch == "-" for ch in slug):
        raise _not_found(f"no feed named {slug!r}: slugs are lowercase words joined by hyphens")
    return slug


# --------------------------------------------------------------------------- routes


@bp.get("/feeds/all.ics")
def all_feed() -> Response:
    options = FeedOptions.from_request()
    return cached(_calendar(name="All broadcasts", about="Every broadcast we know of.",
                            query=AiringQuery(), options=options, filename="all.ics"), options)


@bp.get("/feeds/channels/<slug>.ics")
def channel_feed(slug: str) -> Response:
    options = FeedOptions.from_request()
    _valid_slug(slug)

    def build(store: Store, today: dt.date, last_modified: dt.datetime) -> Rendered:
        channel = next((c for c in store.channels() if c.slug == slug), None)
        if channel is None:
            raise _not_found(f"no channel {slug!r}; see /api/v1/channels")
        return _calendar(name=channel.name, about=f"Broadcasts on {channel.name}.",
                         query=AiringQuery(channel=slug), options=options,
                         filename=f"{slug}.ics")(store, today, last_modified)

    return cached(build, options)


@bp.get("/feeds/programmes/<slug>.ics")
def programme_feed(slug: str) -> Response:
    options = FeedOptions.from_request()
    _valid_slug(slug)

    def build(store: Store, today: dt.date, last_modified: dt.datetime) -> Rendered:
        programme = store.programme(slug)
        if programme is None:
            raise _not_found(f"no programme {slug!r}; see /api/v1/programmes")
        return _calendar(name=programme.title, about=f"Broadcasts of {programme.title}.",
                         query=AiringQuery(programme=slug), options=options,
                         filename=f"{slug}.ics")(store, today, last_modified)

    return cached(build, options)


@bp.get("/feeds/releases/<int:release_id>.ics")
def release_feed(release_id: int) -> Response:
    """One document's broadcasts. Unlike the running feeds it keeps every airing however old by
    default: it is the calendar of that press release, downloaded or subscribed on purpose."""
    options = FeedOptions.from_request(default_past_days=MAX_DAYS)

    def build(store: Store, today: dt.date, last_modified: dt.datetime) -> Rendered:
        release = store.release(release_id) if release_id < 2**63 else None
        if release is None:
            raise _not_found(f"no release {release_id}; see /api/v1/releases")
        name = release.title or f"Release {release_id}"
        return _calendar(name=name, about=f"Broadcasts announced by “{name}”.",
                         query=AiringQuery(release=release_id), options=options,
                         filename=f"release-{release_id}.ics")(store, today, last_modified)

    return cached(build, options)


def _xmltv_airings(airings: list[StoredAiring]) -> Iterator[tuple[Airing, str]]:
    for stored in airings:
        if stored.channel_slug:
            yield as_airing(stored), stored.channel_slug


@bp.get("/xmltv.xml")
def xmltv() -> Response:
    """Every timed, scheduled airing with a channel, as XMLTV (channel ids are our slugs)."""
    options = FeedOptions(
        past_days=param("past_days", int_between(0, MAX_DAYS), DEFAULT_PAST_DAYS),
        future_days=param("future_days", int_between(0, MAX_DAYS), None))

    def build(store: Store, today: dt.date, last_modified: dt.datetime) -> Rendered:
        start, end = options.window(today)
        airings = collect(store, AiringQuery(start=start, end=end, include_cancelled=False))
        channels = [(c.slug, c.name) for c in store.channels()]
        known = {slug for slug, _ in channels}
        channels += sorted({(a.channel_slug, a.channel or a.channel_slug) for a in airings
                            if a.channel_slug and a.channel_slug not in known})
        body = xmltv_bytes(list(_xmltv_airings(airings)), channels=channels)
        return render(body, last_modified=last_modified, mimetype=XMLTV,
                      filename="xmltv.xml")

    return cached(build, options)
