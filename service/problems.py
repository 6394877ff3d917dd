"""Every error the service answers is an RFC 9457 problem: ``application/problem+json`` with
``type``, ``title``, ``status`` and ``detail``.

Where errors come from and what they become::

    Problem (raised by our views)            its own status, title, detail and headers
    werkzeug HTTPException (404, 405, 413,   its status and reason phrase; the description as
      400 for unreadable JSON, ...)          detail; its headers (Allow, WWW-Authenticate) kept
    schedules.errors.ScheduleError           the status its class carries (400, 413, 422, 500)
    anything else                            500, logged with its traceback; the body says only
                                             that the error was logged (no internals leak)

``type`` is ``about:blank`` for plain HTTP errors (RFC 9457 §4.2.1) and a ``tag:`` URI naming
the problem otherwise (``tag:broadcast-schedules,2024:problem/invalid-parameter``), so clients
can branch on it without parsing ``detail``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from http import HTTPStatus

from flask import Flask, Response, current_app
from werkzeug.exceptions import HTTPException
from werkzeug.wrappers import Response as BaseResponse

from schedules.errors import ScheduleError

MIMETYPE = "application/problem+json"
TYPE_PREFIX = "tag:broadcast-schedules,2024:problem/"


class Problem(Exception):
    """An error a view answers on purpose: ``raise Problem(400, "invalid-parameter", ...)``."""

    def __init__(self, status: int, code: str | None, detail: str, *, title: str | None = None,
                 headers: Mapping[str, str] | None = None,
                 extra: Mapping[str, object] | None = None):
        super().__init__(detail)
        self.status = status
        self.code = code
        self.detail = detail
        self.title = title or _phrase(status)
        self.headers = dict(headers or {})
        self.extra = dict(extra or {})


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def problem_response(status: int, detail: str, *, code: str | None = None,
                     title: str | None = None, headers: Mapping[str, str] | None = None,
                     extra: Mapping[str, object] | None = None) -> Response:
    body: dict[str, object] = {
        "type": TYPE_PREFIX + code if code else "about:blank",
        "title": title or _phrase(status),
        "status": status,
        "detail": detail,
    }
    for key, value in (extra or {}).items():
        body.setdefault(key, value)
    response = Response(json.dumps(body, ensure_ascii=False) + "\n", status=status,
                        mimetype=MIMETYPE)
    for name, value in (headers or {}).items():
        response.headers[name] = value
    response.headers["Cache-Control"] = "no-store"
    return response


def _from_problem(exc: Problem) -> Response:
    return problem_response(exc.status, exc.detail, code=exc.code, title=exc.title,
                            headers=exc.headers, extra=exc.extra)


def _from_http(exc: HTTPException) -> BaseResponse:
    status = exc.code or 500
    if status < 400:  # a redirect raised as an exception (RequestRedirect): let it through
        return exc.get_response()
    headers = {k: v for k, v in exc.get_headers() if k.lower() != "content-type"}
    detail = exc.description or _phrase(status)
    return problem_response(status, detail, title=_phrase(status), headers=headers)


def _from_schedule_error(exc: ScheduleError) -> Response:
    if exc.status >= 500:
        current_app.logger.error("internal error: %s", exc, exc_info=exc)
        return problem_response(500, "An internal error occurred; it has been logged.")
    code = type(exc).__name__.removesuffix("Error").lower() or "error"
    return problem_response(exc.status, str(exc), code=code, title=exc.title)


def _from_unexpected(exc: Exception) -> Response:
    current_app.logger.error("unhandled exception", exc_info=exc)
    return problem_response(500, "An internal error occurred; it has been logged.")


def register(app: Flask) -> None:
    """Install the handlers on ``app``."""
    app.register_error_handler(Problem, _from_problem)
    app.register_error_handler(HTTPException, _from_http)
    app.register_error_handler(ScheduleError, _from_schedule_error)
    app.register_error_handler(Exception, _from_unexpected)
