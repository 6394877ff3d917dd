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
_DOTTED_CORE = re.compile(r"\d\.\d{1,2}\.\d")  # in every _DOTTED match: a quick test first
# (the look-behind "not after a digit" sits after the first digit: the engine skips to digits)
_GLUED = re.compile(r"(?P<d>\d(?<!\d\d)\d)-(?P<m>\d{2})-(?P<y>(?:19|20)\d\d)(?!\d)")
_STAMP = re.compile(r"(?:^|\n)\s*date\s+(?P<iso>(?:19|20)\d\d-\d\d-\d\d)\b")
# Quick tests first, each for a piece of text every match of the pattern holds, opening with a
# literal the engine skips to (the patterns open with a look-behind, \b or a digit, and so are
# tried at every character): a marker word, "date", "-DD-19" or "-DD-20", ".D." or ".DD.".
_MARKER_WORD = re.compile("RELEASE|Release|Posted|POSTED|Published|PUBLISHED|Issued|Date|DATE|"
                          "Updated")
_GLUED_CORE = re.compile(r"-\d{2}-(?:19|20)")
_DOTTED_DOTS = re.compile(r"\.\d{1,2}\.")
_DATELINE_BEFORE = re.compile(r"[A-Z][\w .,'’-]{1,60}?[,–—-]\s*\(?\s*")
_DATELINE_AFTER = re.compile(r"\s*[;)]?\s*[–—-]|\s*;")


def _value(d: DateMention) -> dt.date | None:
    if d.year is None:
        return None
    try:
        return dt.date(d.year, d.month, d.day)
    except ValueError:
        return None


EARLIEST_RELEASE_YEAR = 1980


def find_release_date(text: str, *, day_first: bool = True,
                      dates: list[DateMention] | None = None) -> dt.date | None:
    """``dates``: the document's dates when the caller has already found them."""
    head = text[:3000]
    found = find_dates(head, day_first=day_first) if dates is None else \
        [d for d in dates if d.end <= len(head)]
    # A year before broadcasters put releases online is a date of the story ("On May 10, 1869").
    dates = [d for d in found if d.year is not None and d.year >= EARLIEST_RELEASE_YEAR]
    # 1. A marker right before a dated mention.
    for d in dates:
        lo = max(0, d.start - 60)
        if not _MARKER_WORD.search(head, lo, d.start):
            continue
        before = head[lo:d.start]
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
        if _DATELINE_BEFORE.fullmatch(before) or _DATELINE_AFTER.match(after):
            value = _value(d)
            if value:
                return value
    # 3. An aggregator stamp or a dotted date on its own line near the top.
    stamp = _STAMP.search(head[:400]) if "date" in head[:400] else None
    if stamp:
        return dt.date.fromisoformat(stamp.group("iso"))
    dotted = list(_DOTTED.finditer(head[:1500])) \
        if _DOTTED_DOTS.search(head, 0, 1500) and _DOTTED_CORE.search(head, 0, 1500) else []
    glued = list(_GLUED.finditer(head[:800])) if _GLUED_CORE.search(head, 0, 800) else []
    for m in dotted + glued:
        d_, m_, y_ = int(m.group("d")), int(m.group("m")), int(m.group("y"))
        if y_ < 100:
            y_ += 2000 if y_ < 70 else 1900
        if not day_first and _DOTTED.pattern == m.re.pattern:
            d_, m_ = m_, d_
        try:
            return dt.date(y_, m_, d_)
        except ValueError:
            continue
    # 4. The first full date in the first lines, unless it sits in a sentence of history
    #    ("began broadcasting at 4.45pm on 31 October 1959"): a byline date stands on a short
    #    line or opens one.
    for d in dates:
        if d.start < 600:
            line_start = head.rfind("\n", 0, d.start) + 1
            line_end = head.find("\n", d.end)
            line = head[line_start:line_end if line_end >= 0 else len(head)]
            if len(line) > 100 and d.start - line_start > 40:
                continue
            value = _value(d)
            if value:
                return value
    return None


_URL_DATE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)(?P<sep>[/_-]?)(?P<m>0[1-9]|1[0-2])(?P=sep)"
    r"(?P<d>0[1-9]|[12]\d|3[01])(?!\d)")
_URL = re.compile(r"\bhttps?://[^\s<>\"')]{4,300}")


def url_date(url: str | None) -> dt.date | None:
    """The date a page address carries: ``/2019/02/10/``, ``/2019-02-10-title``, ``20190210``.

    A year and month alone (``/2019/02/``) gives the first of the month.
    """
    if not url:
        return None
    path = url.split("://", 1)[-1].split("/", 1)[-1] if "/" in url else url
    m = _URL_DATE.search(path)
    if m:
        try:
            return dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        except ValueError:
            return None
    m2 = re.search(r"(?<![\d])(?P<y>(?:19|20)\d\d)/(?P<m>0[1-9]|1[0-2])/", path)
    if m2:
        return dt.date(int(m2.group("y")), int(m2.group("m")), 1)
    return None


def url_date_in_text(text: str) -> dt.date | None:
    """A page address printed near the top of the text ("Source: https://.../2019/02/10/...")."""
    for m in _URL.finditer(text, 0, min(len(text), 3000)):
        value = url_date(m.group(0))
        if value is not None:
            return value
    return None
