"""The JSON API under ``/api/v1``: ingest (``POST /releases``, bearer token) and the public
listings (airings, releases, channels, programmes), described by ``/api/v1/openapi.json``.

Formatting and HTTP only: every question is put to the store (:class:`service.contract.Store`),
every parse is the core's. Instants are ISO 8601 with their offset, expressed in the airing's own
zone, or in ``tz`` when the request gives one.
"""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources
from typing import Any
from zoneinfo import ZoneInfo

from flask import Blueprint, Response, request

from schedules.errors import ConfigError, InputError, ReadError, ScheduleError, TooLargeError
from schedules.export.listing import contact_dict, release_dict
from schedules.zones import country as country_info
from service.contract import (
    AiringQuery,
    IngestResult,
    StoredAiring,
    StoredChannel,
    StoredProgramme,
    StoredRelease,
)
from service.problems import Problem
from service.web import (
    current_store,
    feed_links,
    int_between,
    invalid,
    json_response,
    link,
    param,
    parse_bool,
    parse_instant,
    parse_zone,
)

bp = Blueprint("api", __name__, url_prefix="/api/v1")

RAW_FORMATS = {
    "text/plain": "text",
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
    "text/html": "html",
    "application/xhtml+xml": "html",
    "message/rfc822": "email",
}
JSON_KEYS = {"text", "html", "url", "reference_date", "country"}
MAX_LIMIT = 500
DEFAULT_LIMIT = 100
REALM = 'Bearer realm="broadcast-schedules"'


# --------------------------------------------------------------------------- formatting


def _zone_of(airing: StoredAiring, zone: ZoneInfo | None) -> dt.tzinfo:
    return zone if zone is not None else ZoneInfo(airing.timezone)


def airing_json(airing: StoredAiring, zone: ZoneInfo | None = None) -> dict[str, Any]:
    """One airing for listings. ``zone`` re-expresses start and end (same instants)."""
    tz = _zone_of(airing, zone)
    if airing.time_known:
        start: str = airing.start.astimezone(tz).isoformat()
    else:  # a date-only airing is a day in its own zone, whoever asks
        start = airing.start.astimezone(ZoneInfo(airing.timezone)).date().isoformat()
    end = airing.end.astimezone(tz).isoformat() if airing.end is not None else None
    if airing.programme_slug:
        feed = feed_links("feeds.programme_feed", slug=airing.programme_slug)
    elif airing.channel_slug:
        feed = feed_links("feeds.channel_feed", slug=airing.channel_slug)
    else:
        feed = feed_links("feeds.all_feed")
    links: dict[str, str] = dict(feed)
    if airing.channel_slug:
        channel = feed_links("feeds.channel_feed", slug=airing.channel_slug)
        links["channel_ics"], links["channel_webcal"] = channel["ics"], channel["webcal"]
    if airing.programme_slug:
        links["programme"] = link("api.programme", slug=airing.programme_slug)
    return {
        "uid": airing.uid,
        "programme": airing.programme,
        "programme_slug": airing.programme_slug,
        "episode": airing.episode,
        "channel": airing.channel,
        "channel_slug": airing.channel_slug,
        "start": start,
        "end": end,
        "timezone": airing.timezone,
        "status": airing.status,
        "repeat": airing.repeat,
        "time_known": airing.time_known,
        "on_demand": list(airing.on_demand),
        "sequence": airing.sequence,
        "updated": airing.updated.astimezone(dt.UTC).isoformat(),
        "rule": airing.rule,
        "sources": [{"id": rid, "href": link("api.release", release_id=rid)}
                    for rid in airing.sources],
        "links": links,
    }


def _release_links(release_id: int) -> dict[str, str]:
    feed = feed_links("feeds.release_feed", release_id=release_id)
    return {
        "self": link("api.release", release_id=release_id),
        "airings": link("api.airings", release=release_id),
        **feed,
    }


def release_summary(release: StoredRelease) -> dict[str, Any]:
    return {
        "id": release.id,
        "title": release.title,
        "released": release.released.isoformat() if release.released else None,
        "url": release.url,
        "source": release.source,
        "country": release.country,
        "format": release.format,
        "sha256": release.sha256,
        "received": release.received.astimezone(dt.UTC).isoformat(),
        "supersedes": release.supersedes,
        "airings": len(release.record.airings),
        "links": _release_links(release.id),
    }


def release_json(release: StoredRelease) -> dict[str, Any]:
    """The parse in the ``schedules parse --format json`` shape, plus what the store knows."""
    return {
        "id": release.id,
        "sha256": release.sha256,
        "received": release.received.astimezone(dt.UTC).isoformat(),
        "source": release.source,
        "supersedes": release.supersedes,
        "corrections": [
            {"target": c.target, "field": c.field, "value": c.value, "author": c.author,
             "at": c.at.astimezone(dt.UTC).isoformat() if c.at else None}
            for c in release.corrections
        ],
        **release_dict(release.record),
        "links": _release_links(release.id),
    }


def channel_json(channel: StoredChannel) -> dict[str, Any]:
    return {
        "slug": channel.slug,
        "name": channel.name,
        "country": channel.country,
        "airings": channel.airings,
        "links": {**feed_links("feeds.channel_feed", slug=channel.slug),
                  "airings": link("api.airings", channel=channel.slug)},
    }


def programme_json(programme: StoredProgramme, *, full: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {
        "slug": programme.slug,
        "title": programme.title,
        "presenter": programme.presenter,
        "synopsis": programme.synopsis,
        "url": programme.url,
        "episodes": list(programme.episodes),
        "releases": list(programme.releases),
        "links": {**feed_links("feeds.programme_feed", slug=programme.slug),
                  "self": link("api.programme", slug=programme.slug),
                  "airings": link("api.airings", programme=programme.slug)},
    }
    if full:
        out["contacts"] = [contact_dict(c) for c in programme.contacts]
    return out


def ingest_json(result: IngestResult) -> dict[str, Any]:
    return {
        **release_json(result.release),
        "ingest": {
            "created": result.created,
            "added": result.added,
            "moved": result.moved,
            "cancelled": result.cancelled,
            "merged": result.merged,
            "warnings": list(result.warnings),
        },
    }


# --------------------------------------------------------------------------- auth


def _require_token() -> None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if not header:
        raise Problem(401, "unauthorized", "this endpoint needs an API token: send "
                      "'Authorization: Bearer <token>' (see `schedules token create`)",
                      headers={"WWW-Authenticate": REALM})
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        raise Problem(401, "unauthorized", "the Authorization header must be "
                      "'Bearer <token>'",
                      headers={"WWW-Authenticate": f'{REALM}, error="invalid_request"'})
    if len(token) > 512 or not current_store().check_token(token):
        raise Problem(401, "unauthorized", "the API token is not valid",
                      headers={"WWW-Authenticate": f'{REALM}, error="invalid_token"'})


# --------------------------------------------------------------------------- ingest


def _date_value(name: str, value: object) -> dt.date | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise invalid(name, f"expected a date as YYYY-MM-DD, got {json.dumps(value)}")
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise invalid(name, f"expected a date as YYYY-MM-DD, got {value!r}") from None


def _country_value(name: str, value: object) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise invalid(name, f"expected an ISO 3166 country code, got {json.dumps(value)}")
    try:
        return country_info(value.strip()).code
    except ConfigError as exc:
        raise invalid(name, str(exc)) from None


def _url_value(name: str, value: object) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str) or not value.strip().lower().startswith(("http://",
                                                                           "https://")):
        raise invalid(name, f"expected an http(s) URL, got {json.dumps(value)}")
    if len(value) > 2048 or any(ch.isspace() for ch in value.strip()):
        raise invalid(name, "expected an http(s) URL without spaces, at most 2048 characters")
    return value.strip()


def _unsupported(mimetype: str) -> Problem:
    accepted = ", ".join([*RAW_FORMATS, "application/json"])
    got = f"{mimetype!r}" if mimetype else "no Content-Type"
    return Problem(415, "unsupported-media-type",
                   f"cannot read {got}; send one of {accepted}",
                   headers={"Accept-Post": accepted})


@bp.post("/releases")
def post_release() -> Response:
    """Store a press release (raw document or JSON envelope) and answer its parse."""
    _require_token()
    mimetype = request.mimetype
    options: dict[str, Any] = {
        "reference_date": _date_value("reference_date", request.args.get("reference_date")),
        "country": _country_value("country", request.args.get("country")),
        "url": _url_value("url", request.args.get("url")),
    }
    name: str | None = request.args.get("name") or None
    if mimetype in RAW_FORMATS:
        data = request.get_data(cache=False)
        format_in: str | None = RAW_FORMATS[mimetype]
    elif mimetype == "application/json" or mimetype.endswith("+json"):
        try:
            envelope = json.loads(request.get_data(cache=False))
        except UnicodeDecodeError:
            raise Problem(400, "invalid-json", "the JSON body is not UTF-8") from None
        except json.JSONDecodeError as exc:
            raise Problem(400, "invalid-json", f"the body is not valid JSON: {exc.msg} "
                          f"(line {exc.lineno}, column {exc.colno})") from None
        if not isinstance(envelope, dict):
            raise Problem(400, "invalid-body", "the JSON body must be an object with "
                          "\"text\" or \"html\"")
        unknown = sorted(set(envelope) - JSON_KEYS)
        if unknown:
            raise Problem(400, "invalid-body", f"unknown field(s) {', '.join(unknown)}; "
                          f"expected {', '.join(sorted(JSON_KEYS))}")
        given = [key for key in ("text", "html") if envelope.get(key) is not None]
        if len(given) != 1:
            raise Problem(400, "invalid-body", "give exactly one of \"text\" or \"html\"")
        body = envelope[given[0]]
        if not isinstance(body, str):
            raise Problem(400, "invalid-body", f"\"{given[0]}\" must be a string")
        data = body.encode("utf-8")
        format_in = "html" if given[0] == "html" else None
        for key, read in (("reference_date", _date_value), ("country", _country_value),
                          ("url", _url_value)):
            if key in envelope:
                options[key] = read(key, envelope[key])
    else:
        raise _unsupported(mimetype)
    if not data.strip():
        raise Problem(400, "empty-document", "the document is empty")
    try:
        result = current_store().ingest(data, name=name, format_in=format_in, **options)
    except TooLargeError as exc:
        raise Problem(413, "too-large", str(exc), title=exc.title) from None
    except ReadError as exc:
        raise Problem(422, "unreadable-document", str(exc), title=exc.title) from None
    except InputError as exc:
        raise Problem(exc.status, "invalid-document", str(exc), title=exc.title) from None
    except ScheduleError as exc:
        if exc.status < 500:
            raise Problem(422, "unprocessable-document", str(exc), title=exc.title) from None
        raise
    response = json_response(ingest_json(result))
    response.status_code = 201 if result.created else 200
    response.headers["Location"] = link("api.release", release_id=result.release.id)
    response.headers["Cache-Control"] = "no-store"
    return response


# --------------------------------------------------------------------------- reads


def _cursor() -> str | None:
    raw = request.args.get("cursor")
    if raw is None or raw == "":
        return None
    if len(raw) > 512 or not raw.isprintable():
        raise invalid("cursor", "not a cursor this API gave out")
    return raw


def _slug(name: str) -> str | None:
    raw = request.args.get(name)
    if raw is None or raw == "":
        return None
    value = raw.strip().lower()
    if len(value) > 200 or not all(ch.isalnum() or ch == "-" for ch in value):
        raise invalid(name, f"expected a slug of lowercase words joined by hyphens, got {raw!r}")
    return value


def _page_error(exc: Exception) -> Problem:
    return invalid("cursor", f"not a cursor this API gave out ({exc})")


@bp.get("/airings")
def airings() -> Response:
    zone = param("tz", parse_zone, None)
    read_zone: dt.tzinfo = zone if zone is not None else dt.UTC
    start = param("from", lambda raw: parse_instant(raw, read_zone), None)
    end = param("to", lambda raw: parse_instant(raw, read_zone), None)
    if start is not None and end is not None and end <= start:
        raise invalid("to", "must be later than 'from'")
    q = request.args.get("q") or None
    if q is not None and len(q) > 200:
        raise invalid("q", "at most 200 characters")
    query = AiringQuery(
        start=start,
        end=end,
        channel=_slug("channel"),
        programme=_slug("programme"),
        release=param("release", int_between(1, 2**63 - 1), None),
        q=q,
        include_cancelled=param("cancelled", parse_bool, True),
        after=_cursor(),
        limit=param("limit", int_between(1, MAX_LIMIT), DEFAULT_LIMIT),
    )
    try:
        page = current_store().airings(query)
    except (ValueError, InputError) as exc:
        raise _page_error(exc) from None
    next_url = link("api.airings", **{**request.args, "cursor": page.next}) if page.next else None
    return json_response({
        "airings": [airing_json(a, zone) for a in page.airings],
        "next": page.next,
        "links": {"next": next_url},
    })


@bp.get("/releases")
def releases() -> Response:
    limit = param("limit", int_between(1, MAX_LIMIT), 50)
    try:
        found, after = current_store().releases(limit=limit, after=_cursor())
    except (ValueError, InputError) as exc:
        raise _page_error(exc) from None
    next_url = link("api.releases", limit=limit, cursor=after) if after else None
    return json_response({
        "releases": [release_summary(r) for r in found],
        "next": after,
        "links": {"next": next_url},
    })


@bp.get("/releases/<int:release_id>")
def release(release_id: int) -> Response:
    found = current_store().release(release_id) if release_id < 2**63 else None
    if found is None:
        raise Problem(404, "not-found", f"no release {release_id}")
    return json_response(release_json(found))


@bp.get("/channels")
def channels() -> Response:
    return json_response(
        {"channels": [channel_json(c) for c in current_store().channels()]})


@bp.get("/programmes")
def programmes() -> Response:
    return json_response(
        {"programmes": [programme_json(p) for p in current_store().programmes()]})


@bp.get("/programmes/<slug>")
def programme(slug: str) -> Response:
    found = current_store().programme(slug)
    if found is None:
        raise Problem(404, "not-found", f"no programme {slug!r}")
    return json_response(programme_json(found, full=True))


@bp.get("/openapi.json")
def openapi() -> Response:
    text = resources.files("service").joinpath("openapi.json").read_text("utf-8")
    response = Response(text, mimetype="application/json")
    response.headers["Cache-Control"] = "public, max-age=3600"
    return response
