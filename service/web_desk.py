"""The release desk: log in with an API token, paste or upload a release, preview, correct, publish.

* Login accepts any token the store accepts (``Store.check_token``); the session cookie (signed
  with the app's ``SECRET_KEY``, HttpOnly, SameSite=Lax) then carries a fingerprint of the token,
  never the token itself.
* Every form carries a per-session CSRF token, checked on every POST.
* Publishing re-parses the document server-side and stores a :class:`Correction` only for a field
  whose submitted value differs from that parse, so an untouched preview publishes no corrections.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from flask import (
    Blueprint,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from werkzeug.wrappers import Response as WerkzeugResponse

from schedules.errors import ScheduleError
from schedules.model import Release
from schedules.read.document import FORMATS, MAX_BYTES
from schedules.zones import COUNTRIES
from service.contract import Correction

SESSION_HOURS = 12
FIELDS = ("start", "channel", "programme")


class DeskError(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status, self.message = status, message


def csrf_token() -> str:
    token = session.get("csrf")
    if not isinstance(token, str):
        token = secrets.token_urlsafe(32)
        session["csrf"] = token
    return token


def check_csrf() -> None:
    sent = request.form.get("csrf", "")
    expected = session.get("csrf")
    if not isinstance(expected, str) or not hmac.compare_digest(sent.encode(), expected.encode()):
        raise DeskError(400, "This form has expired or did not come from this site; "
                             "reload the page and try again.")


def signed_in() -> str | None:
    """The token fingerprint of the signed-in person, or None."""
    who, since = session.get("desk"), session.get("desk_since")
    if not isinstance(who, str) or not isinstance(since, int | float):
        return None
    if dt.datetime.now(dt.UTC).timestamp() - since > SESSION_HOURS * 3600:
        return None
    return who


@dataclass(frozen=True)
class Submitted:
    data: bytes
    name: str | None
    format_in: str | None
    reference_date: dt.date | None
    country: str
    url: str | None

    def options(self) -> dict[str, Any]:
        return {"name": self.name, "format_in": self.format_in,
                "reference_date": self.reference_date, "country": self.country, "url": self.url}

    def hidden(self) -> dict[str, str]:
        return {"document": base64.b64encode(self.data).decode("ascii"), "name": self.name or "",
                "format_in": self.format_in or "",
                "reference_date": self.reference_date.isoformat() if self.reference_date else "",
                "country": self.country, "url": self.url or ""}


def read_options(data: bytes, name: str | None) -> Submitted:
    form = request.form
    format_in = form.get("format_in", "").strip() or None
    if format_in is not None and format_in not in FORMATS:
        raise DeskError(400, f"Unknown format {format_in[:20]!r}; expected one of "
                             f"{', '.join(FORMATS)}.")
    raw_date = form.get("reference_date", "").strip()
    reference_date = None
    if raw_date:
        try:
            reference_date = dt.date.fromisoformat(raw_date)
        except ValueError:
            raise DeskError(400, f"Release date {raw_date[:20]!r} is not a date (YYYY-MM-DD)."
                            ) from None
    country = form.get("country", "AU").strip().upper() or "AU"
    if country not in COUNTRIES:
        raise DeskError(400, f"Unknown country {country[:8]!r}; expected one of "
                             f"{', '.join(sorted(COUNTRIES))}.")
    url = form.get("url", "").strip() or None
    if url is not None and (len(url) > 2000 or not url.startswith(("http://", "https://"))):
        raise DeskError(400, "The release's web address must start with http:// or https://.")
    if len(data) > MAX_BYTES:
        raise DeskError(413, f"The document is {len(data):,} bytes; the limit is "
                             f"{MAX_BYTES:,} bytes.")
    if not data.strip():
        raise DeskError(400, "Paste the release text or choose a file to read.")
    return Submitted(data, name, format_in, reference_date, country, url)


def wall_value(value: dt.datetime, zone: str, time_known: bool) -> str:
    """The desk's time field for a parsed start: local wall time; empty when none was printed."""
    if not time_known:
        return ""
    return value.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%dT%H:%M")


def corrections_for(release: Release, form: Any, author: str) -> list[Correction]:
    """Corrections for every field whose submitted value differs from the parse ``release``."""
    at = dt.datetime.now(dt.UTC)
    out: list[Correction] = []
    for i, a in enumerate(release.airings):
        target = f"airing:{i}"
        sent_start = str(form.get(f"start-{i}", "")).strip()
        if sent_start and sent_start != wall_value(a.start, a.timezone, a.time_known):
            out.append(Correction(target, "start", start_value(sent_start, a.timezone, i),
                                  author, at))
        for name, current in (("channel", a.channel), ("programme", a.programme)):
            sent = " ".join(str(form.get(f"{name}-{i}", "")).split())
            if sent and sent != (current or ""):
                if len(sent) > 200:
                    raise DeskError(400, f"Airing {i + 1}: the {name} is longer than 200 "
                                         "characters.")
                out.append(Correction(target, name, sent, author, at))
    title = " ".join(str(form.get("title", "")).split())
    if title and title != (release.title or ""):
        if len(title) > 300:
            raise DeskError(400, "The release title is longer than 300 characters.")
        out.append(Correction("release", "title", title, author, at))
    return out


def start_value(sent: str, zone: str, index: int) -> str:
    """A desk time field (local wall time in the airing's zone) -> ISO 8601 with its offset."""
    try:
        wall = dt.datetime.fromisoformat(sent)
        if "T" not in sent or wall.tzinfo is not None:
            raise ValueError("not a local date and time")
        return wall.replace(tzinfo=ZoneInfo(zone)).isoformat()
    except ValueError:
        raise DeskError(400, f"Airing {index + 1}: {sent[:40]!r} is not a date and time "
                             "(YYYY-MM-DDTHH:MM).") from None


def add_routes(bp: Blueprint) -> None:
    from service.pages import store, viewer

    def page(template: str, status: int = 200, **context: Any) -> tuple[str, int]:
        return render_template(template, viewer=viewer(), csrf=csrf_token(),
                               formats=FORMATS, countries=sorted(COUNTRIES), **context), status

    @bp.errorhandler(DeskError)
    def desk_error(exc: DeskError) -> tuple[str, int]:
        if signed_in() is None:
            return page("desk_login.html", exc.status, error=exc.message)
        return page("desk.html", exc.status, error=exc.message, form=request.form)

    @bp.get("/desk")
    def desk() -> tuple[str, int]:
        if signed_in() is None:
            return page("desk_login.html")
        return page("desk.html", form={})

    @bp.post("/desk/login")
    def desk_login() -> WerkzeugResponse | tuple[str, int]:
        check_csrf()
        token = request.form.get("token", "").strip()
        if not token or len(token) > 500 or not store().check_token(token):
            return page("desk_login.html", 401,
                        error="That token was not accepted. Use an API token from "
                              "`schedules token create` or SCHEDULES_API_TOKENS.")
        session.clear()
        session["desk"] = hashlib.sha256(token.encode()).hexdigest()[:12]
        session["desk_since"] = int(dt.datetime.now(dt.UTC).timestamp())
        csrf_token()
        return redirect(url_for("pages.desk"), 303)

    @bp.post("/desk/logout")
    def desk_logout() -> WerkzeugResponse:
        check_csrf()
        session.clear()
        flash("Signed out.")
        return redirect(url_for("pages.desk"), 303)

    def require_login() -> str:
        who = signed_in()
        if who is None:
            raise DeskError(401, "Sign in with an API token first.")
        check_csrf()
        return who

    @bp.post("/desk/preview")
    def desk_preview() -> tuple[str, int]:
        require_login()
        upload = request.files.get("document")
        if upload is not None and upload.filename:
            data = upload.stream.read(MAX_BYTES + 1)
            name: str | None = upload.filename[-200:]
        else:
            data = request.form.get("text", "").replace("\r\n", "\n").encode("utf-8")
            name = None
        sub = read_options(data, name)
        try:
            parsed = store().preview(sub.data, **sub.options())
        except ScheduleError as exc:
            raise DeskError(exc.status if 400 <= exc.status < 500 else 422, str(exc)) from None
        return page("desk_preview.html", sub=sub, release=parsed, wall_value=wall_value)

    @bp.post("/desk/publish")
    def desk_publish() -> WerkzeugResponse | tuple[str, int]:
        who = require_login()
        try:
            data = base64.b64decode(request.form.get("document", ""), validate=True)
        except (binascii.Error, ValueError):
            raise DeskError(400, "The document did not survive the round trip; paste it "
                                 "again.") from None
        sub = read_options(data, request.form.get("name", "").strip()[-200:] or None)
        try:
            parsed = store().preview(sub.data, **sub.options())
            corrections = corrections_for(parsed, request.form, f"desk:{who}")
            result = store().ingest(sub.data, corrections=corrections, **sub.options())
        except ScheduleError as exc:
            raise DeskError(exc.status if 400 <= exc.status < 500 else 422, str(exc)) from None
        verb = "Published" if result.created else "Already published"
        flash(f"{verb} release {result.release.id}: {result.added} airings added, "
              f"{result.moved} moved, {result.cancelled} cancelled, {result.merged} merged, "
              f"{len(corrections)} corrections.")
        return redirect(url_for("pages.release", release_id=result.release.id), 303)
