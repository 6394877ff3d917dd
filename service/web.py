"""What every blueprint shares: the store of the running app, the JSON provider, query-parameter
parsing with precise 400 problems, and absolute links (``https://`` and ``webcal://``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from collections.abc import Callable
from typing import Any, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from flask import Flask, Response, current_app, request, url_for
from flask.json.provider import DefaultJSONProvider

from service.contract import Store
from service.problems import Problem

T = TypeVar("T")
_STORE_KEY = "schedules.store"
_LOCK = threading.Lock()


def _json_default(value: Any) -> Any:
    """ISO 8601 with offset for instants (Flask's default writes RFC 822 HTTP dates)."""
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    if isinstance(value, tuple | frozenset | set):
        return list(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


class IsoJSONProvider(DefaultJSONProvider):
    default = staticmethod(_json_default)
    ensure_ascii = False
    sort_keys = False


class _Holder:
    def __init__(self) -> None:
        self.store: Store | None = None


def init_store(app: Flask) -> None:
    app.extensions[_STORE_KEY] = _Holder()


def store_of(app: Flask) -> Store:
    """The app's store, opened (and migrated) on first use in this process."""
    holder: _Holder = app.extensions[_STORE_KEY]
    if holder.store is None:
        with _LOCK:
            if holder.store is None:
                from service.store import store_for

                store = store_for(app.config)
                store.migrate()
                holder.store = store
    return holder.store


def current_store() -> Store:
    return store_of(current_app)


def json_response(data: Any, *, status: int = 200) -> Response:
    """``data`` as JSON through the app's provider (ISO 8601 instants)."""
    return Response(current_app.json.dumps(data) + "\n", status=status,
                    mimetype="application/json")


# --------------------------------------------------------------------------- query parameters


def invalid(name: str, detail: str) -> Problem:
    return Problem(400, "invalid-parameter", f"query parameter {name!r}: {detail}",
                   title="Invalid query parameter", extra={"parameter": name})


def param(name: str, parse: Callable[[str], T], default: T) -> T:
    """``request.args[name]`` read by ``parse`` (which raises ValueError with a message)."""
    raw = request.args.get(name)
    if raw is None or raw == "":
        return default
    try:
        return parse(raw)
    except (ValueError, OverflowError) as exc:
        raise invalid(name, str(exc)) from None


def parse_bool(raw: str) -> bool:
    value = raw.strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise ValueError(f"expected true or false, got {raw!r}")


def int_between(low: int, high: int) -> Callable[[str], int]:
    def parse(raw: str) -> int:
        try:
            value = int(raw.strip())
        except ValueError:
            raise ValueError(f"expected a whole number, got {raw!r}") from None
        if not low <= value <= high:
            raise ValueError(f"expected a number from {low} to {high}, got {value}")
        return value

    return parse


def parse_zone(raw: str) -> ZoneInfo:
    name = raw.strip()
    if not name or name.startswith(("/", ".")) or ".." in name or "\\" in name:
        raise ValueError(f"expected an IANA time zone such as Australia/Perth, got {raw!r}")
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise ValueError(
            f"expected an IANA time zone such as Australia/Perth, got {raw!r}") from None


def parse_instant(raw: str, zone: dt.tzinfo) -> dt.datetime:
    """An ISO 8601 date or date-time; a date means its midnight and a time without offset is
    read in ``zone`` (the request's ``tz``, else UTC)."""
    text = raw.strip()
    try:
        if len(text) == 10:
            day = dt.date.fromisoformat(text)
            return dt.datetime.combine(day, dt.time(), tzinfo=zone)
        if "T" in text and text.count(" ") == 1:  # a "+" left unescaped in the URL
            text = text.replace(" ", "+")
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"expected an ISO 8601 date or date-time such as "
                         f"2018-09-18 or 2018-09-18T20:00:00+10:00, got {raw!r}") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
    return moment


# --------------------------------------------------------------------------- links


def link(endpoint: str, **values: Any) -> str:
    return url_for(endpoint, _external=True, **values)


def webcal(url: str) -> str:
    """The ``webcal://`` form of a feed URL: calendar apps open it as a subscription."""
    scheme, sep, rest = url.partition("://")
    return f"webcal://{rest}" if sep and scheme in ("http", "https") else url


def feed_links(endpoint: str, **values: Any) -> dict[str, str]:
    url = link(endpoint, **values)
    return {"ics": url, "webcal": webcal(url)}
