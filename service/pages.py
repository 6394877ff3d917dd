"""Server-rendered pages: what's on, the guide grid, programme and release pages, the desk.

The blueprint only reads the :class:`~service.contract.Store` the app was built with
(:func:`service.web.current_store`); every template autoescapes, and user text is never marked safe.
Times are shown in the viewer's zone: the ``tz`` query parameter, else the ``tz`` cookie that
``static/tz.js`` sets from the browser's ``Intl`` zone, else each airing's own (broadcaster's) zone.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, cast
from urllib.parse import quote, unquote, urlsplit
from zoneinfo import ZoneInfo

from flask import (
    Blueprint,
    Flask,
    Request,
    Response,
    current_app,
    render_template,
    request,
    url_for,
)
from flask.sansio.blueprints import BlueprintSetupState
from flask.sessions import SecureCookieSession, SecureCookieSessionInterface

from schedules import zones
from schedules.channels import slugify
from service import settings, web_grid
from service.contract import AiringQuery, Store, StoredAiring, StoredProgramme, StoredRelease
from service.feeds import MAX_DAYS as FEED_MAX_DAYS
from service.web import current_store
from service.web_text import (
    Segment,
    clock,
    day_heading,
    phone,
    script_json,
    segments,
    short_day,
    unique,
    zone_abbreviation,
    zone_names,
    zone_or_none,
)

bp = Blueprint("pages", __name__, template_folder="templates")

MAX_LISTED = 2000
"""Most airings one page lists (What's on, a programme's airings, one day of the grid)."""
MAX_DAYS = 31


class PageError(Exception):
    """A request a page cannot answer: rendered as an HTML error page with ``status``."""

    def __init__(self, status: int, title: str, detail: str):
        super().__init__(detail)
        self.status, self.title, self.detail = status, title, detail


@bp.errorhandler(PageError)
def _page_error(exc: PageError) -> tuple[str, int]:
    return render_template("error.html", title=exc.title, detail=exc.detail), exc.status


class PageSessions(SecureCookieSessionInterface):
    """Sessions exist for the desk only: feed polls and API calls (most of the traffic) skip
    verifying a signed cookie they never use."""

    SESSIONLESS = ("/feeds/", "/api/", "/xmltv.xml", "/healthz", "/static/")

    def open_session(self, app: Flask, request: Request) -> SecureCookieSession | None:
        if request.path.startswith(self.SESSIONLESS):
            return None  # Flask then installs a null session, which refuses writes
        return super().open_session(app, request)


@bp.record_once
def _configure(state: BlueprintSetupState) -> None:
    app = cast(Flask, state.app)
    app.session_interface = PageSessions()
    app.config.setdefault("SESSION_COOKIE_SAMESITE", "Lax")
    app.config.setdefault("SESSION_COOKIE_HTTPONLY", True)
    if not app.secret_key:
        # The desk's session cookie is signed with SECRET_KEY. Without one every process makes
        # its own, which works for one worker but logs people out when another worker answers.
        configured = settings.secret_key()
        if not configured:
            app.logger.warning("no SECRET_KEY or SCHEDULES_SECRET_KEY: desk sessions use a "
                               "per-process key (set one when running several workers)")
        app.secret_key = configured or secrets.token_hex(32)
    app.jinja_env.filters["script_json"] = script_json
    app.jinja_env.filters["web_url"] = web_url
    app.jinja_env.globals["zone_names"] = zone_names
    app.jinja_env.globals["phone"] = phone
    app.jinja_env.globals["clock"] = clock


def store() -> Store:
    return current_store()


# ---------------------------------------------------------------- time zones and airings


@dataclass(frozen=True)
class Viewer:
    zone: ZoneInfo | None  # None: show each airing in its own (broadcaster's) zone
    source: str  # "chosen", "browser" or "broadcaster"
    param: str  # the value to carry in links ("" when not chosen explicitly)

    @property
    def name(self) -> str:
        return self.zone.key if self.zone else ""


def home_zone() -> ZoneInfo:
    configured = current_app.config.get("HOME_ZONE")
    if isinstance(configured, str) and zone_or_none(configured):
        return ZoneInfo(configured)
    return ZoneInfo(zones.country(current_app.config.get("COUNTRY") or settings.country()
                                  ).home_zone)


def viewer() -> Viewer:
    arg = request.args.get("tz", "").strip()
    if arg:
        zone = zone_or_none(arg)
        if zone is None:
            raise PageError(400, "Unknown time zone",
                            f"{arg[:80]!r} is not an IANA time zone name; choose one from the "
                            "list (for example Australia/Sydney or Europe/London).")
        return Viewer(zone, "chosen", arg)
    cookie = zone_or_none(unquote(request.cookies.get("tz", "")))
    if cookie is not None:
        return Viewer(cookie, "browser", "")
    return Viewer(None, "broadcaster", "")


@dataclass(frozen=True)
class Shown:
    """An airing as one page shows it: its times in the viewer's zone and their labels."""

    airing: StoredAiring
    start: dt.datetime
    end: dt.datetime | None
    day: dt.date
    time_label: str  # "8:00 pm AEST", or "Time not announced"
    end_label: str | None
    iso: str

    @property
    def cancelled(self) -> bool:
        return self.airing.status == "cancelled"


def show(airing: StoredAiring, zone: ZoneInfo | None) -> Shown:
    own = ZoneInfo(airing.timezone)
    if not airing.time_known:
        local = airing.start.astimezone(own)
        return Shown(airing, local, None, local.date(), "Time not announced", None,
                     local.date().isoformat())
    start = airing.start.astimezone(zone or own)
    end = airing.end.astimezone(zone or own) if airing.end else None
    label = f"{clock(start)} {zone_abbreviation(start)}"
    end_label = None
    if end is not None:
        end_label = clock(end) if end.date() == start.date() else f"{short_day(end.date())} " \
            f"{clock(end)}"
    return Shown(airing, start, end, start.date(), label, end_label, start.isoformat())


def all_airings(query: AiringQuery, *, cap: int = MAX_LISTED) -> list[StoredAiring]:
    out: list[StoredAiring] = []
    after: str | None = None
    while len(out) < cap:
        page = store().airings(AiringQuery(
            start=query.start, end=query.end, channel=query.channel,
            programme=query.programme, release=query.release, q=query.q,
            include_cancelled=query.include_cancelled, after=after,
            limit=min(500, cap - len(out))))
        out.extend(page.airings)
        if page.next is None or not page.airings:
            break
        after = page.next
    return out


def by_day(shown: list[Shown]) -> list[tuple[dt.date, list[Shown]]]:
    days: dict[dt.date, list[Shown]] = defaultdict(list)
    for s in shown:
        days[s.day].append(s)
    return [(day, sorted(items, key=lambda s: (s.airing.time_known, s.start)))
            for day, items in sorted(days.items())]


def parse_day(value: str, what: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise PageError(400, f"Unreadable {what}",
                        f"{value[:40]!r} is not a date; use YYYY-MM-DD, "
                        "for example 2018-09-18.") from None


def feed_links(path: str) -> dict[str, str]:
    """Absolute https, webcal:// and Google Calendar links for the feed at ``path``."""
    root = request.url_root.rstrip("/")
    https = root + path
    parts = urlsplit(https)
    webcal = f"webcal://{parts.netloc}{parts.path}"
    return {"https": https, "path": path, "webcal": webcal,
            # a downloaded copy keeps every listed airing, not only the subscription's window
            "download": f"{path}?past_days={FEED_MAX_DAYS}",
            "google": "https://calendar.google.com/calendar/r?cid=" + quote(webcal, safe="")}


def now() -> dt.datetime:
    clock_fn = current_app.config.get("PAGES_NOW")  # tests may pin the clock
    if callable(clock_fn):
        return cast(dt.datetime, clock_fn())
    return dt.datetime.now(dt.UTC)


# ---------------------------------------------------------------- What's on


@bp.get("/")
def whats_on() -> str:
    who = viewer()
    zone = who.zone or home_zone()
    channel = request.args.get("channel", "").strip() or None
    programme = request.args.get("programme", "").strip() or None
    raw_from = request.args.get("from", "").strip()
    try:
        days = int(request.args.get("days", "7"))
    except ValueError:
        raise PageError(400, "Unreadable number of days",
                        f"{request.args.get('days', '')[:20]!r} is not a whole number of days "
                        f"(1 to {MAX_DAYS}).") from None
    if not 1 <= days <= MAX_DAYS:
        raise PageError(400, "Too many days", f"Choose between 1 and {MAX_DAYS} days, not {days}.")
    if raw_from:
        day = parse_day(raw_from, "start date")
        start, _ = web_grid.day_bounds(day, zone)
    else:
        start = now()
    end = start + dt.timedelta(days=days)

    channels = store().channels()
    programmes = store().programmes()
    if channel and channel not in {c.slug for c in channels}:
        raise PageError(404, "Unknown channel", f"No channel is listed as {channel[:80]!r}.")
    if programme and programme not in {p.slug for p in programmes}:
        raise PageError(404, "Unknown programme",
                        f"No programme is listed as {programme[:80]!r}.")
    listed = all_airings(AiringQuery(start=start, end=end, channel=channel,
                                     programme=programme))
    shown = [show(a, who.zone) for a in listed]
    following = None
    if not shown:
        later = store().airings(AiringQuery(start=end, channel=channel, programme=programme,
                                             include_cancelled=False, limit=1)).airings
        if later:
            following = show(later[0], who.zone)
    return render_template(
        "whats_on.html", viewer=who, days=by_day(shown), channels=channels,
        programmes=programmes, channel=channel or "", programme=programme or "",
        from_value=raw_from, days_count=days, following=following, day_heading=day_heading,
        window=(start.astimezone(zone), end.astimezone(zone)), short_day=short_day)


# ---------------------------------------------------------------- Guide grid


@dataclass(frozen=True)
class GridItem:
    shown: Shown
    block: web_grid.Block


@dataclass(frozen=True)
class GridRow:
    name: str
    slug: str | None
    items: list[GridItem]
    lanes: int


def grid_rows(airings: list[StoredAiring], *, zone: ZoneInfo, day_start: dt.datetime,
              day_end: dt.datetime) -> tuple[list[GridRow], list[Shown]]:
    """Rows of placed blocks per channel, and the airings of the day without a clock time."""
    per_channel: dict[tuple[str, str | None], list[StoredAiring]] = defaultdict(list)
    untimed: list[Shown] = []
    for a in airings:
        if not a.time_known:
            if a.start.astimezone(ZoneInfo(a.timezone)).date() == day_start.astimezone(
                    zone).date():
                untimed.append(show(a, zone))
            continue
        per_channel[(a.channel or "Channel not named", a.channel_slug)].append(a)
    rows: list[GridRow] = []
    for (name, slug), items in sorted(per_channel.items(), key=lambda kv: kv[0][0].casefold()):
        items.sort(key=lambda a: a.start.astimezone(dt.UTC))
        placed: list[tuple[Shown, web_grid.Block]] = []
        for i, a in enumerate(items):
            following = next((b.start for b in items[i + 1:] if b.status != "cancelled"
                              and b.start > a.start), None)
            block = web_grid.place(a.start, a.end, day_start=day_start, day_end=day_end,
                                   next_start=following)
            if block is not None:
                placed.append((show(a, zone), block))
        if not placed:
            continue
        laned = web_grid.assign_lanes([b for _, b in placed])
        rows.append(GridRow(name, slug, [GridItem(s, b) for (s, _), b in zip(placed, laned,
                                                                             strict=True)],
                            max(b.lane for b in laned) + 1))
    return rows, untimed


@bp.get("/guide")
def guide() -> str:
    who = viewer()
    zone = who.zone or home_zone()
    today = now().astimezone(zone).date()
    raw = request.args.get("date", "").strip()
    day = parse_day(raw, "date") if raw else today
    day_start, day_end = web_grid.day_bounds(day, zone)
    # An airing that began late the previous evening may still be on air after midnight.
    airings = all_airings(AiringQuery(start=day_start, end=day_end))
    rows, untimed = grid_rows(airings, zone=zone, day_start=day_start, day_end=day_end)
    return render_template(
        "guide.html", viewer=who, zone=zone, day=day, day_heading=day_heading,
        rows=rows, untimed=untimed,
        minutes=web_grid.minutes_between(day_start, day_end),
        ticks=web_grid.hour_ticks(day_start, day_end, zone),
        now_at=web_grid.now_offset(now(), day_start, day_end),
        previous=day - dt.timedelta(days=1), following=day + dt.timedelta(days=1),
        is_today=day == today, ppm=3)


# ---------------------------------------------------------------- Programme page


def web_url(value: str | None) -> str | None:
    """``value`` when it is an http(s) address, else None: a URL read from a document (a
    canonical link, a programme site) must not become a ``javascript:`` link."""
    if value and urlsplit(value.strip()).scheme.lower() in ("http", "https"):
        return value.strip()
    return None


def broadcast_event(s: Shown, *, series_name: str | None,
                    series_id: str | None) -> dict[str, Any]:
    """One airing as a schema.org BroadcastEvent."""
    a = s.airing
    series: dict[str, Any] = ({"@id": series_id} if series_id else
                              {"@type": "TVSeries", "name": a.programme or series_name or ""})
    work: dict[str, Any] = series
    if a.episode:
        work = {"@type": "TVEpisode", "name": a.episode, "partOfSeries": series}
    event: dict[str, Any] = {
        "@type": "BroadcastEvent",
        "name": " - ".join(x for x in (a.programme or series_name, a.episode) if x),
        "startDate": s.iso,
        "eventStatus": "https://schema.org/EventCancelled" if s.cancelled
        else "https://schema.org/EventScheduled",
        "isLiveBroadcast": False,
        "workPerformed": work,
    }
    if s.end is not None:
        event["endDate"] = s.end.isoformat()
    if a.channel:
        event["publishedOn"] = {"@type": "BroadcastService", "name": a.channel}
    if a.repeat:
        event["description"] = "Repeat"
    return event


def release_jsonld(shown: list[Shown]) -> dict[str, Any]:
    """The broadcasts a release announces, for search engines and EPG tools."""
    return {"@context": "https://schema.org",
            "@graph": [broadcast_event(s, series_name=None, series_id=None) for s in shown]}


def programme_jsonld(prog: StoredProgramme, shown: list[Shown], page_url: str) -> dict[str, Any]:
    series_id = page_url + "#series"
    series: dict[str, Any] = {"@type": "TVSeries", "@id": series_id, "name": prog.title,
                              "url": page_url}
    if prog.synopsis:
        series["description"] = prog.synopsis
    if prog.presenter:
        series["contributor"] = {"@type": "Person", "name": prog.presenter,
                                 "roleName": "Presenter"}
    if web_url(prog.url):
        series["sameAs"] = web_url(prog.url)
    graph: list[dict[str, Any]] = [series]
    graph.extend(broadcast_event(x, series_name=prog.title, series_id=series_id) for x in shown)
    return {"@context": "https://schema.org", "@graph": graph}


@bp.get("/programmes/<slug>")
def programme(slug: str) -> str:
    who = viewer()
    prog = store().programme(slug)
    if prog is None:
        raise PageError(404, "Programme not found", f"No programme is listed as {slug[:80]!r}.")
    airings = all_airings(AiringQuery(programme=slug, include_cancelled=True))
    shown = [show(a, who.zone) for a in airings]
    streams = unique(s for a in airings for s in a.on_demand)
    page_url = request.base_url
    return render_template(
        "programme.html", viewer=who, prog=prog, shown=shown, streams=streams,
        feed=feed_links(f"/feeds/programmes/{quote(slug)}.ics"), short_day=short_day,
        sources=[r for r in (store().release(i) for i in prog.releases) if r is not None],
        jsonld=programme_jsonld(prog, shown, page_url))


# ---------------------------------------------------------------- Release page


@dataclass(frozen=True)
class Highlighted:
    segments: list[Segment]
    text: str


def release_highlights(rel: StoredRelease) -> Highlighted:
    record = rel.record
    text = record.content or record.text
    spans: list[tuple[int, int, str]] = []
    for i, a in enumerate(record.airings):
        if a.evidence is not None:
            spans.append((a.evidence.span.start, a.evidence.span.end, f"airing-{i + 1}"))
    for i, c in enumerate(record.contacts):
        if c.evidence is not None:
            spans.append((c.evidence.span.start, c.evidence.span.end, f"contact-{i + 1}"))
    for i, w in enumerate(record.warnings):
        if w.span is not None:
            spans.append((w.span.start, w.span.end, f"warning-{i + 1}"))
    return Highlighted(segments(text, spans), text)


def original_text(rel: StoredRelease) -> str:
    return rel.original.decode("utf-8", errors="replace")


@bp.get("/releases/<int:release_id>")
def release(release_id: int) -> str:
    who = viewer()
    rel = store().release(release_id)
    if rel is None:
        raise PageError(404, "Release not found", f"No release has the number {release_id}.")
    record = rel.record
    known = {p.slug for p in store().programmes()}
    stored = all_airings(AiringQuery(release=release_id, include_cancelled=True))
    # Checking a release means comparing with its text: times stay in the zone the release
    # used unless a zone is chosen explicitly.
    zone = who.zone if who.source == "chosen" else None
    stored_shown = [show(a, zone) for a in stored]
    return render_template(
        "release.html", viewer=who, rel=rel, record=record,
        highlighted=release_highlights(rel), original=original_text(rel),
        extracted=[show_record_airing(a, zone) for a in record.airings],
        stored=stored_shown, known=known, slugify=slugify,
        short_day=short_day, json_url=f"/api/v1/releases/{release_id}",
        jsonld=release_jsonld(stored_shown),
        ical=feed_links(f"/feeds/releases/{release_id}.ics"))


def show_record_airing(a: Any, zone: ZoneInfo | None) -> Shown:
    """A parsed (not stored) airing shown like a stored one."""
    stand_in = StoredAiring(
        uid="", programme=a.programme, programme_slug=slugify(a.programme) if a.programme
        else None, episode=a.episode, channel=a.channel,
        channel_slug=slugify(a.channel) if a.channel else None, start=a.start, end=a.end,
        timezone=a.timezone, time_known=a.time_known, repeat=a.repeat, on_demand=a.on_demand,
        status=a.status, sequence=0, created=a.start, updated=a.start, sources=())
    return show(stand_in, zone)


def iter_days(start: dt.date, count: int) -> Iterator[dt.date]:
    for i in range(count):
        yield start + dt.timedelta(days=i)


@bp.after_request
def _headers(response: Response) -> Response:
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    if response.mimetype == "text/html":
        response.headers.setdefault("Vary", "Cookie")
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    return response


CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'; img-src 'self' data:; "
    # The guide places its blocks with inline style attributes (--left, --width): allowed;
    # scripts from the page itself (an injected <script> or on* attribute) are not.
    "style-src 'self' 'unsafe-inline'"
)
"""Pages run only our own script file: a release's text can never run in a reader's browser,
even if escaping were ever missed."""


def static_url(name: str) -> str:
    return url_for("static", filename=name)


from service import web_desk  # noqa: E402  (registers the desk routes on ``bp``)

web_desk.add_routes(bp)
