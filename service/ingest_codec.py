"""A parsed :class:`~schedules.model.Release` to JSON and back, losslessly.

The store keeps the current parse of every release beside its original bytes, so listing
releases never re-runs the parser. Datetimes are written as ISO 8601 with their offset and read
back in the airing's IANA zone, so ``decode_release(encode_release(r)) == r``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from schedules.model import (
    Airing,
    Contact,
    Evidence,
    Programme,
    Recurrence,
    Release,
    Span,
    Warning_,
)

FORMAT = 1
"""Bumped when the JSON shape changes; older records are re-parsed from their originals."""

JSONDict = dict[str, Any]


def _span(s: Span | None) -> list[int] | None:
    return None if s is None else [s.start, s.end]


def _unspan(v: Any) -> Span | None:
    return None if v is None else Span(int(v[0]), int(v[1]))


def _evidence(e: Evidence | None) -> JSONDict | None:
    return None if e is None else {"span": _span(e.span), "text": e.text}


def _unevidence(v: Any) -> Evidence | None:
    if v is None:
        return None
    span = _unspan(v["span"])
    assert span is not None
    return Evidence(span, str(v["text"]))


def _when(value: dt.datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _unwhen(value: Any, zone: str) -> dt.datetime | None:
    if value is None:
        return None
    return dt.datetime.fromisoformat(str(value)).astimezone(ZoneInfo(zone))


def _req(value: dt.datetime | None) -> dt.datetime:
    assert value is not None
    return value


def encode_release(r: Release) -> JSONDict:
    return {
        "v": FORMAT,
        "text": r.text, "format": r.format, "country": r.country, "source": r.source,
        "title": r.title, "released": r.released.isoformat() if r.released else None,
        "url": r.url, "content": r.content,
        "programmes": [{"title": p.title, "episode": p.episode, "presenter": p.presenter,
                        "synopsis": p.synopsis, "url": p.url} for p in r.programmes],
        "airings": [{
            "programme": a.programme, "episode": a.episode, "channel": a.channel,
            "start": _when(a.start), "timezone": a.timezone, "end": _when(a.end),
            "time_known": a.time_known, "repeat": a.repeat, "on_demand": list(a.on_demand),
            "zone_label": a.zone_label, "status": a.status, "confidence": a.confidence,
            "evidence": _evidence(a.evidence)} for a in r.airings],
        "recurrences": [{
            "programme": c.programme, "episode": c.episode, "channel": c.channel,
            "first": _when(c.first), "rule": c.rule, "timezone": c.timezone,
            "repeat": c.repeat, "evidence": _evidence(c.evidence)} for c in r.recurrences],
        "contacts": [encode_contact(c) for c in r.contacts],
        "on_demand": list(r.on_demand),
        "warnings": [{"code": w.code, "message": w.message, "span": _span(w.span)}
                     for w in r.warnings],
    }


def encode_contact(c: Contact) -> JSONDict:
    return {"name": c.name, "role": c.role, "organisation": c.organisation,
            "phones": list(c.phones), "emails": list(c.emails), "evidence": _evidence(c.evidence)}


def decode_contact(v: JSONDict) -> Contact:
    return Contact(name=v["name"], role=v["role"], organisation=v["organisation"],
                   phones=tuple(v["phones"]), emails=tuple(v["emails"]),
                   evidence=_unevidence(v["evidence"]))


def decode_release(v: JSONDict) -> Release:
    if v.get("v") != FORMAT:
        raise ValueError(f"stored record format {v.get('v')!r}; this version reads {FORMAT}")
    return Release(
        text=v["text"], format=v["format"], country=v["country"], source=v["source"],
        title=v["title"],
        released=dt.date.fromisoformat(v["released"]) if v["released"] else None,
        url=v["url"], content=v["content"],
        programmes=tuple(Programme(title=p["title"], episode=p["episode"],
                                   presenter=p["presenter"], synopsis=p["synopsis"],
                                   url=p["url"]) for p in v["programmes"]),
        airings=tuple(Airing(
            programme=a["programme"], episode=a["episode"], channel=a["channel"],
            start=_req(_unwhen(a["start"], a["timezone"])), timezone=a["timezone"],
            end=_unwhen(a["end"], a["timezone"]), time_known=a["time_known"],
            repeat=a["repeat"], on_demand=tuple(a["on_demand"]), zone_label=a["zone_label"],
            status=a["status"], confidence=float(a["confidence"]),
            evidence=_unevidence(a["evidence"])) for a in v["airings"]),
        recurrences=tuple(Recurrence(
            programme=c["programme"], episode=c["episode"], channel=c["channel"],
            first=_req(_unwhen(c["first"], c["timezone"])), rule=c["rule"],
            timezone=c["timezone"], repeat=c["repeat"], evidence=_unevidence(c["evidence"]))
            for c in v["recurrences"]),
        contacts=tuple(decode_contact(c) for c in v["contacts"]),
        on_demand=tuple(v["on_demand"]),
        warnings=tuple(Warning_(w["code"], w["message"], _unspan(w["span"]))
                       for w in v["warnings"]),
    )
