"""Airings -> XMLTV (the listings format of MythTV, Kodi, Plex, tvheadend).

A ``<tv>`` document with one ``<channel>`` per channel given and one ``<programme>`` per timed,
not-cancelled airing, children in the order the XMLTV DTD requires (title, sub-title, desc,
category, ..., previously-shown, premiere). Times are ``YYYYMMDDhhmmss +hhmm`` in the airing's
own zone, so the printed local time survives. Airings whose time was not printed are left out:
XMLTV has no date-only programme and we never invent a time. The output is a pure function of
the input (no generation date, no clock).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from lxml import etree

from schedules.errors import ModelError
from schedules.model import Airing

# Characters XML 1.0 cannot carry (lxml refuses them); dropped from text.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xmltv_time(moment: dt.datetime) -> str:
    """``20180918200000 +1000``: wall time and UTC offset."""
    offset = moment.utcoffset()
    if offset is None:
        raise ModelError(f"XMLTV time must be timezone-aware, got {moment.isoformat()}")
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    hours, mins = divmod(abs(minutes), 60)
    return f"{moment:%Y%m%d%H%M%S} {sign}{hours:02d}{mins:02d}"


def _clean(text: str) -> str:
    return " ".join(_NOT_XML.sub("", text).split())


def _child(parent: etree._Element, tag: str, text: str | None = None,
           **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = text
    return element


def xmltv_bytes(
    airings: Sequence[tuple[Airing, str]],
    *,
    channels: Sequence[tuple[str, str]],
    generator: str = "broadcast-schedules",
) -> bytes:
    """An XMLTV document. Each airing is paired with its channel id; ``channels`` lists
    ``(id, display name)``, and every id an airing uses must be among them."""
    known: dict[str, str] = {}
    for channel_id, display in channels:
        if not _clean(channel_id):
            raise ModelError("XMLTV channel id is empty")
        known.setdefault(_clean(channel_id), _clean(display) or _clean(channel_id))
    tv = etree.Element("tv", {"generator-info-name": _clean(generator) or "broadcast-schedules"})
    for channel_id, display in known.items():
        channel = _child(tv, "channel", id=channel_id)
        _child(channel, "display-name", display)

    timed: list[tuple[dt.datetime, str, str, Airing]] = []
    for airing, channel_id in airings:
        cid = _clean(channel_id)
        if cid not in known:
            raise ModelError(
                f"airing on channel id {channel_id!r} but channels lists only "
                f"{', '.join(sorted(known)) or 'none'}"
            )
        if not airing.time_known or airing.status == "cancelled":
            continue
        title = _clean(airing.programme or "") or _clean(airing.episode or "")
        timed.append((airing.start.astimezone(dt.UTC), cid, title, airing))
    timed.sort(key=lambda item: item[:3])

    seen: set[tuple[dt.datetime, str]] = set()
    for start_utc, cid, title, airing in timed:
        if (start_utc, cid) in seen:  # one channel shows one programme at a time
            continue
        seen.add((start_utc, cid))
        local = airing.local_start
        attrs = {"start": xmltv_time(local)}
        if airing.end is not None:
            attrs["stop"] = xmltv_time(airing.end.astimezone(local.tzinfo))
        attrs["channel"] = cid
        programme = _child(tv, "programme", **attrs)
        _child(programme, "title", title or "Untitled programme")
        episode = _clean(airing.episode or "")
        if episode and episode != title:
            _child(programme, "sub-title", episode)
        services = [_clean(s) for s in airing.on_demand if _clean(s)]
        if services:
            _child(programme, "desc", "Also on " + ", ".join(services) + ".")
        if airing.repeat:
            _child(programme, "previously-shown")
    return bytes(etree.tostring(tv, xml_declaration=True, encoding="UTF-8",
                                doctype='<!DOCTYPE tv SYSTEM "xmltv.dtd">', pretty_print=True))
