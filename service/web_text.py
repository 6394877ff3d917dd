"""Small pure helpers the pages share: highlighting, JSON in ``<script>``, phones and times.

Nothing here marks user text as safe: :func:`segments` returns plain strings that the
templates autoescape, and :func:`script_json` escapes ``<``, ``>`` and ``&`` so that no value can
close the ``<script>`` element it is embedded in.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo, available_timezones

import phonenumbers
from markupsafe import Markup

# ---------------------------------------------------------------- highlighting evidence spans


@dataclass(frozen=True)
class Segment:
    text: str
    refs: tuple[str, ...]  # ids of the facts whose evidence covers this text (empty: plain)
    start: int  # offset of the segment in the text


def segments(text: str, spans: Iterable[tuple[int, int, str]]) -> list[Segment]:
    """Cut ``text`` at every span boundary; each piece lists the facts that cover it.

    ``spans`` are ``(start, end, ref)`` half-open character ranges; ranges outside the text are
    clipped, empty ones ignored. Overlapping spans (one sentence announcing three airings) give
    one segment with several refs instead of nested or broken markup.
    """
    cleaned = []
    for start, end, ref in spans:
        start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
        if end > start:
            cleaned.append((start, end, ref))
    cuts = sorted({0, len(text), *(s for s, _, _ in cleaned), *(e for _, e, _ in cleaned)})
    out: list[Segment] = []
    for a, b in itertools.pairwise(cuts):
        refs = tuple(ref for s, e, ref in cleaned if s <= a and b <= e)
        out.append(Segment(text[a:b], refs, a))
    return out


# ---------------------------------------------------------------- JSON inside <script>

_SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026",
                   0x2028: "\\u2028", 0x2029: "\\u2029"}


def script_json(value: Any) -> Markup:
    """``value`` as JSON that is safe inside ``<script type="application/ld+json">``.

    JSON parsers read ``\\u003c`` as ``<``, so the data is unchanged, but the HTML tokenizer never
    sees ``</script>`` or ``<!--`` in it. The result is Markup only because it has been escaped
    here; it is never built from unescaped user text.
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=False, separators=(",", ":"))
    return Markup(text.translate(_SCRIPT_ESCAPES))


# ---------------------------------------------------------------- phones


@dataclass(frozen=True)
class Phone:
    e164: str  # for tel: links
    display: str  # as people write it in the contact's country


def phone(number: str) -> Phone:
    """An E.164 number (as the extractor stores them) with a readable international form."""
    try:
        parsed = phonenumbers.parse(number, None)
        e164 = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
        display = phonenumbers.format_number(
            parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        return Phone(str(e164), str(display))
    except phonenumbers.NumberParseException:
        digits = "".join(ch for ch in number if ch.isdigit() or ch == "+")
        return Phone(digits, number)


# ---------------------------------------------------------------- zones and times


@cache
def zone_names() -> tuple[str, ...]:
    """IANA zone names offered in the picker (no legacy aliases such as ``US/Eastern``)."""
    names = {n for n in available_timezones()
             if "/" in n and not n.startswith(("Etc/", "SystemV/", "US/", "posix/", "right/"))}
    return tuple(sorted(names | {"UTC"}))


def zone_or_none(name: str | None) -> ZoneInfo | None:
    """The zone called ``name`` when it is a real IANA zone name, else None."""
    if not name or len(name) > 64 or name not in zone_names():
        return None
    return ZoneInfo(name)


def clock(value: dt.datetime) -> str:
    """``8:00 pm``: how a TV guide prints a time."""
    hour = value.hour % 12 or 12
    return f"{hour}:{value.minute:02d} {'am' if value.hour < 12 else 'pm'}"


def day_heading(value: dt.date) -> str:
    """``Tuesday 18 September 2018``."""
    return f"{value:%A} {value.day} {value:%B %Y}"


def short_day(value: dt.date) -> str:
    """``Tue 18 Sep 2018``."""
    return f"{value:%a} {value.day} {value:%b %Y}"


def zone_abbreviation(value: dt.datetime) -> str:
    name = value.tzname() or ""
    return name if name and not name.startswith(("+", "-")) else f"UTC{name}"


def unique(values: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for v in values:
        seen.setdefault(v, None)
    return list(seen)


def first(values: Sequence[str]) -> str | None:
    return values[0] if values else None
