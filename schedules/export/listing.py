"""Records -> JSON-ready dicts: the `schedules parse` contract and the listings API share it.

Datetimes are ISO 8601 with their UTC offset (``2018-09-18T20:00:00+10:00``); an airing whose
clock time was not printed has a date-only ``start`` (``2019-03-03``) and ``time_known: false``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from schedules.model import Airing, Contact, Evidence, Programme, Recurrence, Release, Warning_


def iso(value: dt.datetime | dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def evidence_dict(ev: Evidence | None) -> dict[str, Any] | None:
    if ev is None:
        return None
    return {"text": ev.text, "start": ev.span.start, "end": ev.span.end}


def airing_dict(a: Airing) -> dict[str, Any]:
    local = a.local_start
    return {
        "programme": a.programme,
        "episode": a.episode,
        "channel": a.channel,
        "start": local.isoformat() if a.time_known else local.date().isoformat(),
        "end": iso(a.end.astimezone(local.tzinfo)) if a.end else None,
        "timezone": a.timezone,
        "zone_label": a.zone_label,
        "time_known": a.time_known,
        "repeat": a.repeat,
        "on_demand": list(a.on_demand),
        "status": a.status,
        "confidence": round(a.confidence, 2),
        "evidence": evidence_dict(a.evidence),
    }


def recurrence_dict(r: Recurrence) -> dict[str, Any]:
    return {
        "programme": r.programme,
        "episode": r.episode,
        "channel": r.channel,
        "first": r.first.isoformat(),
        "rule": r.rule,
        "timezone": r.timezone,
        "repeat": r.repeat,
        "evidence": evidence_dict(r.evidence),
    }


def contact_dict(c: Contact) -> dict[str, Any]:
    return {
        "name": c.name,
        "role": c.role,
        "organisation": c.organisation,
        "phones": list(c.phones),
        "emails": list(c.emails),
    }


def programme_dict(p: Programme) -> dict[str, Any]:
    return {"title": p.title, "episode": p.episode, "presenter": p.presenter,
            "synopsis": p.synopsis, "url": p.url}


def warning_dict(w: Warning_) -> dict[str, Any]:
    out: dict[str, Any] = {"code": w.code, "message": w.message}
    if w.span is not None:
        out["start"], out["end"] = w.span.start, w.span.end
    return out


def release_dict(release: Release) -> dict[str, Any]:
    """The whole release in the `schedules parse --format json` shape."""
    return {
        "release": {
            "source": release.source,
            "title": release.title,
            "released": iso(release.released),
            "url": release.url,
            "country": release.country,
            "format": release.format,
            "digest": release.digest,
        },
        "programmes": [programme_dict(p) for p in release.programmes],
        "airings": [airing_dict(a) for a in release.airings],
        "recurrences": [recurrence_dict(r) for r in release.recurrences],
        "on_demand": list(release.on_demand),
        "contacts": [contact_dict(c) for c in release.contacts],
        "warnings": [warning_dict(w) for w in release.warnings],
    }
