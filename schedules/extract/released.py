"""The release (publication) date: "RELEASED: Wednesday 12 September 2018", a dateline
("Alexandria, Virginia, April 8, 2002 -"), a byline date, "Posted on September 18, 2018", an
aggregator stamp (" date 2019-02-10"), or a bare "10.10.11" / "29.06.20" line.

Dates with a printed year are the only ones considered; a marker ("RELEASED:", "Posted on")
outranks a dateline, which outranks the first full date near the top.
"""

from __future__ import annotations

import datetime as dt
import re

from schedules.extract.temporal import DateMention, find_dates

_MARKER = re.compile(
    r"(?:\b(?:RELEASED|Released|MEDIA RELEASE|Media Release|PRESS RELEASE|Press Release|"
    r"Posted(?: on)?|POSTED|Published(?: on)?|PUBLISHED|Issued(?: on)?|Dated?|DATE|Updated)"
    r"\s*(?:at\s+[^\n]{1,20}?\s+on\s+)?[:\-–]?\s*)",
)
_DOTTED = re.compile(r"^\s*(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{2}|\d{4})\s*$", re.M)
_GLUED = re.compile(r"(?<!\d)(?P<d>\d{2})-(?P<m>\d{2})-(?P<y>(?:19|20)\d\d)(?!\d)")
_STAMP = re.compile(r"(?:^|\n)\s*date\s+(?P<iso>(?:19|20)\d\d-\d\d-\d\d)\b")


def _value(d: DateMention) -> dt.date | None:
    if d.year is None:
        return None
    try:
        return dt.date(d.year, d.month, d.day)
    except ValueError:
        return None


def find_release_date(text: str, *, day_first: bool = True) -> dt.date | None:
    head = text[:3000]
    dates = [d for d in find_dates(head, day_first=day_first) if d.year is not None]
    # 1. A marker right before a dated mention.
    for d in dates:
        before = head[max(0, d.start - 60):d.start]
        ends = [m.end() for m in _MARKER.finditer(before)]
        if ends and ends[-1] >= len(before) - 2:
            value = _value(d)
            if value:
                return value
    # 2. A dateline: "PLACE, STATE – DATE –", "(August 28, 2024)", "DATE; Washington".
    for d in dates:
        line_start = head.rfind("\n", 0, d.start) + 1
        before = head[line_start:d.start]
        after = head[d.end:d.end + 4]
        if (re.fullmatch(r"[A-Z][\w .,'’-]{1,60}?[,–—-]\s*\(?\s*", before)
                or re.match(r"\s*[;)]?\s*[–—-]|\s*;", after)):
            value = _value(d)
            if value:
                return value
    # 3. An aggregator stamp or a dotted date on its own line near the top.
    stamp = _STAMP.search(head[:400])
    if stamp:
        return dt.date.fromisoformat(stamp.group("iso"))
    for m in list(_DOTTED.finditer(head[:1500])) + list(_GLUED.finditer(head[:800])):
        d_, m_, y_ = int(m.group("d")), int(m.group("m")), int(m.group("y"))
        if y_ < 100:
            y_ += 2000 if y_ < 70 else 1900
        if not day_first and _DOTTED.pattern == m.re.pattern:
            d_, m_ = m_, d_
        try:
            return dt.date(y_, m_, d_)
        except ValueError:
            continue
    # 4. The first full date in the first lines.
    for d in dates:
        if d.start < 600:
            value = _value(d)
            if value:
                return value
    return None
