"""Find dates, weekdays and clock times in text, keeping their character positions.

Nothing here decides whether a time is an air time; it only reads what is written:

* :class:`DateMention`: "Tuesday September 18", "18th Sept 2018", "Thursday, Mar. 20",
  "August 25-28", "2019-02-10", "20/6/2015", "18 Deireadh Fómhair";
* :class:`DayMention`: a weekday or relative day with no date ("Sundays", "this Sunday",
  "tonight", "tomorrow", "Monday-Wednesday");
* :class:`TimeMention`: "8.00 pm", "8pm", "9 p.m.", "20:00", "midday", "midnight", "8 tonight",
  "9/8c", ranges ("9-10 p.m.", "10.00pm-12.00midnight") with zones ("8.30pm AEDT", "(9:30 NT)",
  "9pm ET/PT", "9:00 p.m. ET/8:00 p.m. CT", "8.30pm in WA").

Cost: every pattern is a single left-to-right alternation with bounded repetitions, so a scan is
linear in the text; the zone/range follow-up reads at most a few dozen characters per time.
Each scan is one search that the engine runs from one possible first character to the next
(digits for dates and times); the full patterns are tried only at the places it finds.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from schedules.channels import trie_pattern
from schedules.extract.lexicon import (
    IRISH_MONTH_RE,
    IRISH_WEEKDAY_RE,
    IRISH_WEEKDAYS,
    MONTH_RE,
    MONTHS,
    WEEKDAY_RE,
    WEEKDAYS,
    month_number,
    variant_forms,
    weekday_number,
)
from schedules.zones import ZONE_WORDS


# The mentions are named tuples rather than frozen dataclasses: a document has hundreds, and a
# frozen dataclass takes four times as long to build.
class DateMention(NamedTuple):
    start: int
    end: int
    day: int
    month: int
    year: int | None
    weekday: int | None
    day2: int | None = None  # "August 25-28": the last day of a printed range
    text: str = ""


class DayMention(NamedTuple):
    """A day named without a date: weekday ("on Saturday"), plural ("Sundays"), relative."""

    start: int
    end: int
    weekday: int | None
    relative: int | None = None  # days after the reference date: tonight 0, tomorrow 1
    plural: bool = False
    qualifier: str | None = None  # "this" | "next"
    weekday2: int | None = None  # "Monday-Wednesday"
    evening: bool = False  # "tonight", "Saturday night"
    text: str = ""


class ZoneMark(NamedTuple):
    label: str
    start: int
    end: int


class Clock(NamedTuple):
    hour: int
    minute: int
    meridiem: str | None  # "am" | "pm" | None when the text gave none
    next_day: bool = False  # "midnight" at the end of the day
    explicit: bool = True  # False for "9.30" with no am/pm in 12-hour range

    def resolved(self, *, assume_pm: bool) -> tuple[int, int, bool]:
        """(hour 0-23, minute, next_day) once a missing meridiem is decided."""
        h = self.hour
        mer = self.meridiem or ("pm" if assume_pm and 1 <= h <= 11 else None)
        if mer == "pm" and h < 12:
            h += 12
        elif mer == "am" and h == 12:
            h = 0
        return h, self.minute, self.next_day


class TimeMention(NamedTuple):
    start: int
    end: int
    clock: Clock
    end_clock: Clock | None = None
    zones: tuple[ZoneMark, ...] = ()
    alternatives: tuple[TimeMention, ...] = ()
    tonight: bool = False
    text: str = ""

    @property
    def strong(self) -> bool:
        """Unmistakably a clock time: am/pm, a 24-hour form, midnight/midday, or a range."""
        return self.clock.explicit or self.end_clock is not None


_ORD = r"(?:\s?(?:st|nd|rd|th)\b)"
_DAY = rf"(?P<day>[0-3]?\d)(?!\d){_ORD}?"
_DAY2 = (r"(?:\s?[-–]\s?(?P<day2>[0-3]?\d)(?!\d)(?![.:]\d|\s?[ap]\.?m(?![a-z])|\s?noon)"
         + _ORD + "?)")
_YEAR = r"(?P<year>(?:1[6-9]|20)\d\d)(?!\d)"  # 1869 too: a history date
_WD = rf"(?P<wd>{WEEKDAY_RE}|{IRISH_WEEKDAY_RE})"

# The named date patterns open with a lookahead on their possible first characters. They are
# no longer scanned along the text (see _DATE_HINT), only tried where a date may start, but the
# lookahead stays: it is part of what they match (a day in other than ASCII digits, "٣
# September", is a date only after a weekday).
_FIRST_WD = "MTWFSDaA"
_FIRST_MON = "JFMASONDEBILN"


DATE_PATTERNS = [
    # Tuesday 18th September 2018 / 18 Sept / Saturday, 1 December / 2-9 July /
    # 18 Deireadh Fómhair
    re.compile(
        rf"(?=[{_FIRST_WD}0-9])"
        rf"(?:{_WD},?\s+(?:the\s+)?)?{_DAY}{_DAY2}?(?:\s+of)?\s+"
        rf"(?P<mon>{MONTH_RE}|{IRISH_MONTH_RE})(?![a-zA-Z])(?:,?\s+{_YEAR})?"
    ),
    # Tuesday September 18 / Thursday, Mar. 20 / August 25-28 / April 8, 2002 / May 16 th
    re.compile(
        rf"(?=[{_FIRST_WD}{_FIRST_MON}])"
        rf"(?:{_WD},?\s+)?(?P<mon>{MONTH_RE})\s+{_DAY}{_DAY2}?(?:,?\s+{_YEAR})?"
    ),
    # 2019-02-10, 20/6/2015 (day first outside North America) or 6/20/2015. The look-behind
    # ("not after a digit") comes after the first digits, so that the engine can skip to the
    # next digit instead of testing the look-behind at every character.
    re.compile(r"(?P<iso>(?:19|20)(?<![\d-]\d\d)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))"
               r"(?![\d-])"),
    re.compile(r"(?P<n1>\d(?<![\d/]\d)\d?)/(?P<n2>\d{1,2})/(?P<ny>(?:19|20)\d\d)(?![\d/])"),
]
_ISO, _NUMERIC = DATE_PATTERNS[2:]

# find_dates does not scan the text with each of the four patterns (each stopping at every
# capital letter and digit): every date holds a run of digits, and one scan (_DATE_HINT) finds
# the runs a date can hold, by what comes next ("-", "/", or what follows the day of "18th
# September": a suffix, "-20", "of", spaces, a month name) or before (a month name and spaces:
# its last three letters, when one space parts them). Around each such run the patterns are
# tried only where a match can start: the day (the run's last one or two digits), a weekday
# or month name that ends where the spaces before the day begin (two short look-backs find
# them), the run's start for the numeric forms.
_ORD_OR_RANGE_TAIL = rf"{_ORD}?{_DAY2}?(?:\s+of)?\s+(?:{MONTH_RE}|{IRISH_MONTH_RE})(?![a-zA-Z])"
_MONTH_END_SET = frozenset({w[-3:] for w in variant_forms(list(MONTHS))}
                           | {(w + ".")[-3:] for w in variant_forms(list(MONTHS))})
_MONTH_ENDS = trie_pattern(_MONTH_END_SET)
# The run opens after a non-digit (then it is read once, not from each of its digits) and is
# taken whole (possessive: a shorter run would look like a day after a space).
_DATE_HINT = re.compile(
    rf"\d(?<!\d\d)\d*+(?:(?=(?P<tail>{_ORD_OR_RANGE_TAIL}))|(?=[-/])"
    rf"|(?<=(?:{_MONTH_ENDS})\s\d)|(?<=(?:{_MONTH_ENDS})\s\d\d)|(?<=\s\s\d)|(?<=\s\s\d\d))"
)
# A run of digits that ends in a day of "18th September" (group "tail" set).
_DAY_MONTH_RUN = re.compile(rf"\d+(?=(?P<tail>{_ORD_OR_RANGE_TAIL}))")
_WEEKDAY_BEFORE_DAY = re.compile(rf"(?:{WEEKDAY_RE}|{IRISH_WEEKDAY_RE}),?\s+(?:the\s+)?\Z")
_WEEKDAY_BEFORE_MONTH = re.compile(rf"(?:{WEEKDAY_RE}|{IRISH_WEEKDAY_RE}),?\s+\Z")
_MONTH_BEFORE_DAY = re.compile(rf"(?:{MONTH_RE})\s+\Z")
# The longest weekday ("Wednesday.", "an Chéadaoin") or month ("September.") with its comma.
_WEEKDAY_WIDTH = max(len(w) for w in variant_forms([*WEEKDAYS, *IRISH_WEEKDAYS])) + 2
_MONTH_WIDTH = max(len(w) for w in variant_forms(list(MONTHS))) + 1

_WEEKDAY_WORD = re.compile(
    rf"(?=[tnoefu{_FIRST_WD}])"  # the first letters it can start with: a cheap rejection
    rf"(?:(?P<qual>this|next|on|every|from|until)\s+)?"
    rf"(?P<wd>{WEEKDAY_RE}|{IRISH_WEEKDAY_RE})(?P<plural>s)?(?![a-zA-Z])"
    rf"(?:\s?(?:[-–]|to|through|thru)\s?(?P<wd2>{WEEKDAY_RE})(?![a-zA-Z]))?"
    rf"(?P<night>\s+(?:night|evening)s?)?"
)
_QUALIFIERS = ("this", "next", "on", "every", "from", "until")
_WEEKDAY_NAMES = variant_forms([*WEEKDAYS, *IRISH_WEEKDAYS])
# Every place a weekday name starts, those inside another name too ("SUNDAY" in "TUESUNDAY"):
# each match is the first letter, the rest of the names it opens a lookahead (a trie).
_WEEKDAY_START = re.compile("|".join(
    re.escape(c) + f"(?={trie_pattern({w[1:] for w in _WEEKDAY_NAMES if w[0] == c})})"
    for c in sorted({w[0] for w in _WEEKDAY_NAMES})))
# Where a weekday or relative day may first occur: a weekday name or a relative day, as tries
# that each open with a letter (the engine skips to those letters: capitals, "t" and the "a"
# of the Irish "an Luan").
_DAY_WORDS = _WEEKDAY_NAMES | {
    "tonight", "Tonight", "TONIGHT", "tomorrow", "Tomorrow", "today", "this evening"}
_DAY_WORD = re.compile("|".join(
    trie_pattern({w for w in _DAY_WORDS if w[0] == c}) for c in sorted({w[0] for w in _DAY_WORDS})))
# "tonight", "Tomorrow night", "today", "this evening" as a word. The word edge in front is
# tested after the first letter, so that the engine skips to "t" and "T".
_RELATIVE = re.compile(r"(?P<rel>[tT](?<!\w[tT])(?:(?<=t)(?:onight|omorrow(?:\s+night)?|oday|"
                       r"his evening)|(?<=T)(?:onight|ONIGHT|omorrow(?:\s+night)?)))\b")
WEEKNIGHTS = re.compile(r"\b(?:weeknights|weekdays|nightly|every night|daily|each night)\b",
                        re.IGNORECASE)

# After the hour: minutes, am/pm, "midnight", "tonight", "/8c".
_CLOCK_TAIL = (
    r"(?:[:.](?P<m>[0-5]\d))?(?![\d]|[.:]\d)"
    r"(?:\s?(?P<mer>[aApP]\.?\s?[mM](?![a-zA-Z])\.?))?"
    r"(?P<word2>\s?(?:midnight|midday|noon))?"
    r"(?P<tonight>\s+tonight)?"
    # "/8c", and the end of a range's "9-11/8-10c"
    r"(?P<central>/\d{1,2}(?::\d\d)?(?:\s?[-–]\s?\d{1,2}(?::\d\d)?)?c\b)?"
)
_TIME_BODY = rf"(?:(?P<word>midday|noon|midnight)|(?P<h>\d{{1,2}}){_CLOCK_TAIL})"
_TIME = re.compile(r"(?<![\w.:/$£€#+])(?<!\d-)(?<!\d–)" + _TIME_BODY)
# Where a time can start: a run of digits or "midday", "midnight", "noon". The look-behinds in
# front of _TIME make the engine try it at every character; this pattern opens with a
# character set the engine skips to, and _TIME is then tried at each such start only.
_TIME_START = re.compile(r"[\dmn](?:(?<=\d)\d*|(?<=m)id(?:day|night)|(?<=n)oon)")
_RANGE_WORD = r"\s*(?:-|–|—|to|until|till|through)\s*"
_ZONE_WORD = r"[A-Z]{2,5}|Eastern|Central|Mountain|Pacific|Atlantic|Newfoundland"
_REGION_WORD = r"[A-Z]{2,3}|Perth|Adelaide|Darwin|Brisbane|Melbourne|Sydney|Hobart"
# _TIME where it starts with a digit, in one search: the look-behinds come after the first
# digit (so the engine skips to digits, not also to every "m" and "n"), and a bare number
# ("3 x 52", "Prog 1", "2019, ABC") is refused here unless a range follows it, perhaps after
# a zone ("9 ET - 10 PM ET"), as find_times would refuse it, instead of being read and dropped
# in Python. (_MAY_GO_ON first, a quick rejection; then the patterns of _ZONE_AFTER,
# _IN_REGION and _RANGE_SEP, less their groups.)
_DIGIT_TIME = re.compile(
    rf"(?P<h>\d(?<![\w.:/$£€#+]\d)(?<!\d-\d)(?<!\d–\d)\d?){_CLOCK_TAIL}"
    r"(?(m)|(?(mer)|(?(word2)|(?(tonight)|(?(central)|(?=\s*[A-Z,(\-–—tiu])"
    rf"(?=(?:\s*+,?+\s*+(?:\(\s*+)?+(?:{_ZONE_WORD})(?:\s+[Tt]ime)?(?![\w])(?:\s*\))?"
    rf"|\s+in\s+(?:{_REGION_WORD})(?![\w]))?{_RANGE_WORD}(?:\d|mid(?:day|night)|noon))"
    r")))))"
)


# Where the digits are. A pattern that opens with ``\d`` makes the engine test every character
# for a Unicode digit (about 80 instructions each, against 5 for a literal first character),
# and several scans (dates, the slot finder's units) did that over the same text. Digits:
# the text as one byte per character, each ASCII digit b"0" and every other character b" ",
# built in C once per document; runs of digits are then found by a byte search for the
# literal "0". ``\d`` also matches digits of other scripts ("٣"), all outside Latin-1: a text
# holding one is scanned by the patterns themselves (``ascii_only`` is False).
_DIGIT = re.compile(r"\d")
_DIGIT_RUN = re.compile(rb"00*+")  # a literal first: the engine skips to it
_DIGIT_VIEW = bytes(48 if 48 <= b <= 57 else 32 for b in range(256))


class Digits:
    """The digits of one text: ``has_digit`` is ``re.search(r"\\d", text[a:b])`` as a byte
    search, and :func:`find_dates` reads the digit runs from it."""

    def __init__(self, text: str, latin: bytes | None = None):
        """``latin``: ``text.encode("latin-1", "replace")`` when the caller has it."""
        self.text = text
        if latin is None:
            latin = text.encode("latin-1", "replace")  # a character outside Latin-1: "?"
        self.view = latin.translate(_DIGIT_VIEW)
        self.ascii_only = True
        i = latin.find(b"?")
        while i >= 0:
            if text[i].isdecimal():  # a digit of another script
                self.ascii_only = False
                break
            i = latin.find(b"?", i + 1)

    def has_digit(self, start: int, stop: int) -> bool:
        if self.view.find(b"0", start, stop) >= 0:
            return True
        return not self.ascii_only and _DIGIT.search(self.text, start, stop) is not None


def _search_time(text: str, pos: int, stop: int) -> re.Match[str] | None:
    """``_TIME.search(text, pos, stop)``, faster. A match cannot start inside a run of digits or
    right after one (the look-behind refuses a word character before it), so each candidate
    is tried at its start only."""
    while True:
        c = _TIME_START.search(text, pos, stop)
        if c is None:
            return None
        m = _TIME.match(text, c.start(), stop)
        if m is not None:
            return m
        pos = c.end()


_TIME_AFTER_DASH = re.compile(_TIME_BODY)
_RANGE_SEP = re.compile(_RANGE_WORD)
# The spaces, comma and bracket before a zone are taken whole (possessive): a zone word never
# opens with one of them, so giving some back never helped a match, and on a long run of spaces
# (each shorter split of it tried in turn) took time quadratic in its length.
_ZONE_AFTER = re.compile(
    rf"\s*+,?+\s*+(?:\(\s*+)?+(?P<zone>{_ZONE_WORD})(?:\s+[Tt]ime)?(?![\w])(?:\s*\))?"
)
_IN_REGION = re.compile(rf"\s+in\s+(?P<zone>{_REGION_WORD})(?![\w])")
_CLOSE = re.compile(r"\s*\)")
# What may follow a time: the first character of _ZONE_AFTER, _IN_REGION or _RANGE_SEP.
_MAY_GO_ON = re.compile(r"\s*[A-Z,(\-–—tiu]")
_ALT_SEP = re.compile(r"\s*/\s*|\s*\(\s*|\s*,\s*(?=\d)")
# What must follow a time for _time_at to read more than the time: the opening of _ALT_SEP,
# _RANGE_SEP or _IN_REGION, or a zone _zone_at knows ("BBC One" after "8.30pm" is none).
_KNOWN_ZONE = trie_pattern({w for w in ZONE_WORDS if re.fullmatch("[A-Z]{2,5}", w)})
_FOLLOWS = re.compile(rf"\s*(?:[,(/\-–—]|t(?:o|ill|hrough)|until|in\s|(?:{_KNOWN_ZONE})(?![\w])"
                      r"|Eastern|Central|Mountain|Pacific|Atlantic|Newfoundland)")


def _clock(m: re.Match[str]) -> Clock | None:
    # All groups in one call, by position (a named-group call costs about as much as the
    # arithmetic): _DIGIT_TIME has the groups of _TIME_BODY less the leading "word".
    if m.re is _DIGIT_TIME:
        word1 = None
        hour, minute, mer_raw, word2, tonight, central = m.groups()
    else:
        word1, hour, minute, mer_raw, word2, tonight, central = m.groups()
    if word1:  # "midday", "noon", "midnight" as printed (the pattern is lower case)
        if word1 == "midnight":
            return Clock(0, 0, "am", next_day=True)
        return Clock(12, 0, "pm")
    h = int(hour)
    if word2:
        word = word2.strip().lower()
        if word == "midnight":
            return Clock(0, 0, "am", next_day=True) if h in (12, 0) else None
        if word in ("noon", "midday"):
            return Clock(12, 0, "pm") if h == 12 else None
    mins = int(minute) if minute else 0
    if mer_raw:
        if not 1 <= h <= 12:
            return None
        mer = "am" if mer_raw[0] in "aA" else "pm"
        return Clock(h, mins, mer)
    if tonight or central:
        if h == 12:  # "12/11c", "12 tonight": the midnight that ends the evening
            return Clock(12, mins, "am", next_day=True)
        return Clock(h, mins, "pm") if 1 <= h <= 11 else None
    if minute is None:
        return Clock(h, 0, None, explicit=False) if h <= 23 else None
    if h > 23:
        return None
    # 24-hour forms: "20:00", "00:10", "07:30" are unmistakable; "9.30" is not.
    explicit = h >= 13 or hour.startswith("0") or h == 0
    return Clock(h, mins, None, explicit=explicit)


def _zone_at(text: str, pos: int, limit: int) -> tuple[ZoneMark | None, int]:
    zm = _ZONE_AFTER.match(text, pos, limit)
    if zm:
        label = zm.group("zone")
        key = label.upper()
        if key in ZONE_WORDS or key in {"EASTERN", "CENTRAL", "MOUNTAIN", "PACIFIC",
                                        "ATLANTIC", "NEWFOUNDLAND"}:
            return ZoneMark(label, zm.start("zone"), zm.end("zone")), zm.end()
    rm = _IN_REGION.match(text, pos, limit)
    if rm and rm.group("zone").upper() in ZONE_WORDS:
        return ZoneMark(rm.group("zone"), rm.start("zone"), rm.end("zone")), rm.end()
    return None, pos


def _zones_after(text: str, pos: int, limit: int) -> tuple[list[ZoneMark], int]:
    zones: list[ZoneMark] = []
    z, pos = _zone_at(text, pos, limit)
    if z:
        zones.append(z)
    return zones, pos


def find_times(text: str, start: int = 0, end: int | None = None, *,
               anchored: bool = False) -> list[TimeMention]:
    """Every clock time in ``text[start:end]``, ranges and zones attached. ``anchored``: only a
    time that starts exactly at ``start`` (used for "ET/8:00 p.m. CT" alternatives)."""
    stop = len(text) if end is None else end
    if anchored:
        m = _TIME_AFTER_DASH.match(text, start, stop)
        found = _time_at(text, m, stop)[0] if m is not None else None
        return [found] if found is not None else []
    out: list[TimeMention] = []
    pos = start
    # Without "midday", "midnight" or "noon" every time starts with a digit: _DIGIT_TIME.
    words = text.find("mid", start, stop) >= 0 or text.find("noon", start, stop) >= 0
    while True:
        m = _search_time(text, pos, stop) if words else _DIGIT_TIME.search(text, pos, stop)
        if m is None:
            return out
        found, pos = _time_at(text, m, stop)
        if found is not None:
            out.append(found)


def _time_at(text: str, m: re.Match[str], stop: int) -> tuple[TimeMention | None, int]:
    """The time that match ``m`` of _TIME, _DIGIT_TIME or _TIME_AFTER_DASH opens, with its
    zones, range and alternatives (None when it is no time), and where to look for the next."""
    clock = _clock(m)
    t_start, t_end = m.span()
    pos = t_end
    if clock is None:
        return None, pos
    bare = not clock.explicit and clock.meridiem is None and m.group("m") is None
    if _FOLLOWS.match(text, t_end, stop) is None:
        # Nothing follows (the usual case): no zone, range or alternative, as the code below
        # would find; a bare number ("3 x 52", "Prog 1") is not a time.
        if bare:
            return None, pos
        return TimeMention(t_start, t_end, clock, None, (), (), bool(m.group("tonight")),
                           text[t_start:t_end]), pos
    if bare and not _MAY_GO_ON.match(text, t_end, stop):
        return None, pos  # a bare number with no zone or range after it (see below): not a time
    end_clock = None
    # Range: "9-10 p.m.", "6.00-9.10am", "8:00PM (ET) to 11:00PM (ET)", "10.00pm-12.00midnight"
    zones, after = _zones_after(text, t_end, stop)
    sep = _RANGE_SEP.match(text, after, stop)
    if sep:
        m2 = _TIME_AFTER_DASH.match(text, sep.end(), stop)
        c2 = _clock(m2) if m2 else None
        if m2 and c2 is not None and (c2.explicit or clock.explicit):
            end_clock = c2
            if clock.meridiem is None and c2.meridiem is not None and not clock.explicit:
                h1 = clock.hour % 12
                h2 = c2.hour % 12 if not c2.next_day else 12
                same = h1 <= h2 or (c2.next_day and h1 < 12)
                mer = c2.meridiem if same else ("am" if c2.meridiem == "pm" else "pm")
                if c2.next_day:
                    mer = "pm"
                clock = Clock(clock.hour, clock.minute, mer)
            t_end = m2.end()
            more, after = _zones_after(text, t_end, stop)
            zones.extend(more)
            if more:
                t_end = after
            pos = m2.end()
        elif not clock.explicit:
            return None, pos
    elif bare:
        return None, pos  # a bare number ("3 x 52", "Prog 1") is not a time
    if zones:
        t_end = max(t_end, after)
    # Alternatives: "ET/PT", "ET/8:00 p.m. CT", "(8:30 NT)", "ET/5:00-8:00 PM, PT"
    alternatives: list[TimeMention] = []
    cursor = t_end
    for _ in range(3):
        alt = _ALT_SEP.match(text, cursor, stop)
        if not alt:
            break
        zone_only, after_zone = _zone_at(text, alt.end(), stop)
        if zone_only and alt.group(0).strip() in ("/", ","):
            zones.append(zone_only)
            cursor = t_end = after_zone
            continue
        sub = find_times(text, alt.end(), min(stop, alt.end() + 40), anchored=True)
        if sub and sub[0].start == alt.end() and sub[0].zones:
            a = sub[0]
            if a.clock.meridiem is None and clock.meridiem is not None:
                a = TimeMention(a.start, a.end, Clock(a.clock.hour, a.clock.minute,
                                                      clock.meridiem), a.end_clock, a.zones,
                                (), text=a.text)
            alternatives.append(a)
            close = _CLOSE.match(text, a.end, stop)
            cursor = t_end = close.end() if close else a.end
            pos = max(pos, t_end)
            continue
        break
    pos = max(pos, t_end)
    if len(zones) > 1:
        unique: dict[str, ZoneMark] = {}
        for z in zones:
            unique.setdefault(z.label.upper(), z)
        zones = list(unique.values())
    return TimeMention(t_start, t_end, clock, end_clock, tuple(zones), tuple(alternatives),
                       tonight=bool(m.group("tonight")), text=text[t_start:t_end]), pos


def find_dates(text: str, start: int = 0, end: int | None = None, *,
               day_first: bool = True, digits: Digits | None = None) -> list[DateMention]:
    """Every date in ``text[start:end]``; of overlapping ones, the longest; with the days that
    share a printed month with one of them ("Saturday 24 & Sunday 25 May") and the days
    holidays name. ``digits``: the text's :class:`Digits`, when the caller has them."""
    stop = len(text) if end is None else end
    out = scan_dates(text, start, stop, day_first=day_first, digits=digits)
    if out and ("&" in text or "and" in text or "," in text):
        out = _with_paired_days(text, start, stop, out)
    out = _with_holidays(text, start, stop, out)
    return out


# Days a holiday names, the same every year ("Christmas Eve, 6.30pm", "New Year's Eve"). The
# movable ones (Easter, Thanksgiving) are left out: their dates differ by year and country.
HOLIDAYS: dict[str, tuple[int, int]] = {
    "Christmas Eve": (12, 24), "Christmas Day": (12, 25), "Christmas Night": (12, 25),
    "Boxing Day": (12, 26), "St Stephen's Day": (12, 26), "St. Stephen's Day": (12, 26),
    "New Year's Eve": (12, 31), "Hogmanay": (12, 31), "New Year's Day": (1, 1),
    "Australia Day": (1, 26), "Waitangi Day": (2, 6), "Valentine's Day": (2, 14),
    "St Patrick's Day": (3, 17), "St. Patrick's Day": (3, 17), "Anzac Day": (4, 25),
    "ANZAC Day": (4, 25), "Canada Day": (7, 1), "Independence Day": (7, 4),
    "Fourth of July": (7, 4), "Halloween": (10, 31), "Remembrance Day": (11, 11),
    "Veterans Day": (11, 11), "Veterans' Day": (11, 11),
}


def _holiday_forms() -> dict[str, tuple[int, int]]:
    forms: dict[str, tuple[int, int]] = {}
    for name, day in HOLIDAYS.items():
        for spelling in {name, name.replace("'", "\u2019")}:
            for form in (spelling, spelling.upper(), spelling.title().replace("\u2019S", "\u2019s")
                         .replace("'S", "'s")):
                forms[form] = day
    return forms


_HOLIDAY_FORMS = _holiday_forms()
# A trie of the spellings (no look-behind in front, so the engine skips along the text in C to
# the letters they open with); word edges are checked on each match.
_HOLIDAY = re.compile(trie_pattern(set(_HOLIDAY_FORMS)))


def _holidays_in(text: str, start: int, stop: int) -> Iterator[re.Match[str]]:
    for m in _HOLIDAY.finditer(text, start, stop):
        a, b = m.span()
        if (a == 0 or not _is_word(text[a - 1])) and (b >= len(text) or not _is_word(text[b])):
            yield m


def _is_word(c: str) -> bool:
    return c.isalnum() or c == "_"


def names_holiday(text: str) -> bool:
    """Does ``text`` name a holiday of :data:`HOLIDAYS` ("Christmas Eve")?"""
    return next(_holidays_in(text, 0, len(text)), None) is not None


def _with_holidays(text: str, start: int, stop: int,
                   dates: list[DateMention]) -> list[DateMention]:
    """``dates`` and the days holidays name, in order; a holiday inside a date is left out."""
    found = []
    for m in _holidays_in(text, start, stop):
        if any(d.start < m.end() and m.start() < d.end for d in dates):
            continue
        month, day = _HOLIDAY_FORMS[m.group(0)]
        found.append(DateMention(m.start(), m.end(), day, month, None, None, None, m.group(0)))
    return sorted([*dates, *found], key=lambda d: d.start) if found else dates


def scan_dates(text: str, start: int = 0, end: int | None = None, *,
               day_first: bool = True, digits: Digits | None = None) -> list[DateMention]:
    """The dates printed whole in ``text[start:end]``; of overlapping ones, the longest.
    ``digits``: the text's :class:`Digits`, when the caller has them (built here for a whole
    text)."""
    stop = len(text) if end is None else end
    if digits is None and start == 0 and stop >= len(text):
        digits = Digits(text)
    found = [d for m in _date_matches(text, start, stop, digits)
             if (d := _mention(m, day_first)) is not None]
    # Keep the longest of overlapping matches.
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    out: list[DateMention] = []
    for mention in found:
        if out and mention.start < out[-1].end:
            continue
        out.append(mention)
    return out


# "Saturday 24 & Sunday 25 May", "24 and 25 May", "Friday 23, Saturday 24 & Sunday 25 May":
# the month printed once for two or three days. "May 24 and 25" the other way round.
_DAY_BEFORE_PAIR = re.compile(
    rf"(?:(?P<wd>{WEEKDAY_RE}),?\s+)?(?:the\s+)?(?<![\d.:/$£€])(?P<day>[0-3]?\d){_ORD}?"
    r"\s*(?P<sep>&|and|,|to|until|till|through)\s*\Z")
_DAY_AFTER_PAIR = re.compile(
    rf"\s*(?:&|and)\s*(?:(?P<wd>{WEEKDAY_RE}),?\s+)?(?:the\s+)?(?P<day>[0-3]?\d)(?!\d){_ORD}?"
    r"(?![.:]\d|\s*[ap]\.?m\b)(?=\s*(?:[^\w\s]|\Z|(?:at|from|on|in|with)\b))")


_COUNTED_NOUN = re.compile(r"(?i:episodes?|parts?|series|seasons?|chapters?|rounds?|games?|"
                           r"numbers?|nos?\.?|weeks?|days?)\s*\Z")


def _with_paired_days(text: str, start: int, stop: int,
                      dates: list[DateMention]) -> list[DateMention]:
    """``dates`` and the days that share a printed month with one of them.

    Before a day-first date: a day with its own weekday, or joined by "&"/"and" to a date
    printed without one ("24 & 25 May"), a day before the date's. After a month-first date
    ("May 24 and 25"): a later day that ends the phrase (no noun after it: "May 24 and 25
    episodes" is no pair).
    """
    out: list[DateMention] = []
    taken_until = start
    for i, d in enumerate(dates):
        if not d.text or (d.text[0].isdecimal() and "/" in d.text) or d.text[:4].isdecimal():
            out.append(d)
            taken_until = d.end
            continue  # numeric and ISO dates print their month with each day
        before: list[DateMention] = []
        head = d
        month_first = not d.text[0].isdecimal() and _starts_with_month(d.text)
        while not month_first and _joined_before(text, max(taken_until, start), head.start):
            m = _DAY_BEFORE_PAIR.search(text, max(taken_until, head.start - 40), head.start)
            if m is None:
                break
            day = int(m.group("day"))
            weekday = weekday_number(m.group("wd")) if m.group("wd") else None
            if not 1 <= day < head.day or (weekday is None and (
                    m.group("sep") == "," or head.weekday is not None
                    or _COUNTED_NOUN.search(text, max(start, m.start() - 12), m.start()))):
                break  # "Episodes 3 and 14 May": a number of something, not a day
            head = DateMention(m.start(), m.end("day"), day, d.month, d.year, weekday, None,
                               text[m.start():m.end("day")])
            before.append(head)
        out.extend(reversed(before))
        out.append(d)
        taken_until = d.end
        if month_first and d.day2 is None:
            limit = dates[i + 1].start if i + 1 < len(dates) else stop
            out.extend(_days_after(text, d, limit))
            taken_until = max(taken_until, out[-1].end)
    return out


def _days_after(text: str, d: DateMention, limit: int) -> list[DateMention]:
    """The later days printed after a month-first date with its month left out: "May 24 and
    25", and a network's playdate list, "June 2 (11:45 p.m.), 5 (8:00 a.m.) and 13 (10 p.m.)"."""
    out: list[DateMention] = []
    pos, last = d.end, d.day
    while True:
        note = _BRACKETED.match(text, pos, limit)
        after_note = note.end() if note else pos
        if not ("&" in text[after_note:after_note + 4] or "and" in text[after_note:after_note + 6]
                or (note and "," in text[after_note:after_note + 3])):
            return out
        m = (_DAY_IN_LIST if note else _DAY_AFTER_PAIR).match(text, after_note, limit)
        if m is None or not last < int(m.group("day")) <= 31:
            return out
        wd = m.group("wd")
        begin = m.start("day") if wd is None else m.start("wd")
        out.append(DateMention(begin, m.end("day"), int(m.group("day")), d.month, d.year,
                               weekday_number(wd) if wd else None, None,
                               text[begin:m.end("day")]))
        pos, last = m.end("day"), int(m.group("day"))


# "(11:45 p.m.)" after a playdate; then ", 5 (" / " and 13 (" in the list.
_BRACKETED = re.compile(r"\s*\([^()\n]{1,30}\)")
_DAY_IN_LIST = re.compile(
    rf"\s*(?:,\s*(?:and\s+)?|&\s*|and\s+)(?:(?P<wd>{WEEKDAY_RE}),?\s+)?(?P<day>[0-3]?\d)"
    rf"(?!\d){_ORD}?(?=\s*\()")


def _joined_before(text: str, start: int, pos: int) -> bool:
    """Does "&", "and" or "," end ``text[start:pos]``, spaces aside (a day may be paired)?"""
    while pos > start and text[pos - 1].isspace():
        pos -= 1
    return pos > start and (text[pos - 1] in "&," or text.endswith(_JOINING_WORDS, start, pos))


_JOINING_WORDS = ("and", "to", "until", "till", "through")


def _starts_with_month(text: str) -> bool:
    """Is ``text`` (a date as printed) month first, "May 24" or "Tuesday, May 24"?"""
    words = text.replace(",", " ").split()
    if words and weekday_number(words[0]) is not None:
        words = words[1:]
    return bool(words) and month_number(words[0]) is not None


def _hints(text: str, start: int, stop: int, digits: Digits | None
           ) -> Iterable[re.Match[str]]:
    """``_DATE_HINT.finditer(text, start, stop)``. A match is a whole run of digits (what follows
    ``\\d*+`` only looks around) that no digit comes before, so with ``digits`` (and no digit
    outside ASCII) the pattern is tried at the start of each run alone."""
    if digits is None or not digits.ascii_only:
        return _DATE_HINT.finditer(text, start, stop)
    view = digits.view
    out = []
    for run in _DIGIT_RUN.finditer(view, start, stop):
        at = run.start()
        if at > 0 and view[at - 1] == 48:
            continue  # a run cut by ``start``: the look-behind refuses each of its digits
        m = _DATE_HINT.match(text, at, stop)
        if m is not None:
            out.append(m)
    return out


def _date_matches(text: str, start: int, stop: int,
                  digits: Digits | None = None) -> list[re.Match[str]]:
    """What ``pattern.finditer(text, start, stop)`` finds for each of DATE_PATTERNS in turn.

    Each pattern is tried at the places near a run of digits where a match of it can start, in
    order; after a match the next try is past its end, as ``finditer`` goes on. A day is the
    run's last one or two digits; a weekday or month before it must be followed by spaces, so
    the day then opens the run. A numeric date opens its run (its look-behind refuses a digit
    before it).
    """
    found: tuple[list[re.Match[str]], ...] = ([], [], [], [])
    ends = [start] * 4  # where each pattern's next match may start

    def attempt(i: int, at: int) -> None:
        if at >= ends[i]:
            m = DATE_PATTERNS[i].match(text, at, stop)
            if m is not None:
                found[i].append(m)
                ends[i] = m.end()

    runs: Iterable[re.Match[str]] = _hints(text, start, stop, digits)
    if 0 < start < stop and text[start].isdecimal() and text[start - 1].isdecimal():
        # A run cut by ``start`` (refused by the look-behind of _DATE_HINT) may end in a day.
        cut = _DAY_MONTH_RUN.match(text, start, stop)
        runs = itertools.chain([cut] if cut is not None else [], runs)
    for run in runs:
        first, after = run.span()
        short = after - first <= 2
        spaced = short and first > start and text[first - 1].isspace()
        if run.group("tail") is not None:  # "18th September", "2-9 July"
            if spaced:
                for at in _weekday_before_day(text, start, first):
                    attempt(0, at)
            for at in (after - 2, after - 1):
                if at >= first:
                    attempt(0, at)
        if spaced:  # "September 18"
            for at in _month_before_day(text, start, first):
                attempt(1, at)
        follow = text[after] if after < stop else ""
        if follow == "-" and after - first == 4:
            attempt(2, first)
        elif follow == "/" and short:
            attempt(3, first)
    return [m for matches in found for m in matches]


def _spaces_before(text: str, start: int, pos: int) -> int:
    while pos > start and text[pos - 1].isspace():
        pos -= 1
    return pos


def _weekday_before_day(text: str, start: int, day: int) -> list[int]:
    """Where "Tuesday, the " of "Tuesday, the 18 September" starts, if a weekday ends
    before the day's spaces (and an optional "the"); the leftmost such place is enough: a
    later one leads to the same day."""
    named = _spaces_before(text, start, day)
    if text.endswith("the", start, named):
        named = min(named, _spaces_before(text, start, named - 3))
    m = _WEEKDAY_BEFORE_DAY.search(text, max(start, named - _WEEKDAY_WIDTH), day)
    return [m.start()] if m is not None else []


def _month_before_day(text: str, start: int, day: int) -> list[int]:
    """Where "Tuesday, September " of "Tuesday, September 18" starts, and where its month
    starts, if a month name ends before the day's spaces."""
    named = _spaces_before(text, start, day)
    if text[max(start, named - 3):named] not in _MONTH_END_SET:
        return []
    m = _MONTH_BEFORE_DAY.search(text, max(start, named - _MONTH_WIDTH), day)
    if m is None:
        return []
    month = m.start()
    named = _spaces_before(text, start, month)
    w = _WEEKDAY_BEFORE_MONTH.search(text, max(start, named - _WEEKDAY_WIDTH), month)
    return [month] if w is None else [w.start(), month]


def _mention(m: re.Match[str], day_first: bool) -> DateMention | None:
    """The date a match of DATE_PATTERNS reads, or None when it is no date."""
    start, end = m.span()
    pattern = m.re
    if pattern is _ISO:
        y, mo, d = (int(x) for x in m.group("iso").split("-"))
        return DateMention(start, end, d, mo, y, None, None, m.group(0))
    if pattern is _NUMERIC:
        n1, n2, ny = m.group("n1", "n2", "ny")
        a, b = int(n1), int(n2)
        d, mo = (a, b) if day_first else (b, a)
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            d, mo = mo, d
        if 1 <= mo <= 12 and 1 <= d <= 31:
            return DateMention(start, end, d, mo, int(ny), None, None, m.group(0))
        return None
    mon_name, day_text, wd_name, year_text, day2_text = m.group("mon", "day", "wd", "year",
                                                                "day2")
    mon = month_number(mon_name)
    day = int(day_text)
    if mon is None or not 1 <= day <= 31:
        return None
    wd = weekday_number(wd_name) if wd_name else None
    year = int(year_text) if year_text else None
    day2 = int(day2_text) if day2_text else None
    if day2 is not None and not day < day2 <= 31:
        day2 = None
    return DateMention(start, end, day, mon, year, wd, day2, m.group(0))


def find_days(text: str, start: int = 0, end: int | None = None,
              taken: list[tuple[int, int]] | None = None) -> list[DayMention]:
    """Weekdays and relative days that are not part of a date in ``taken``."""
    stop = len(text) if end is None else end
    word = _DAY_WORD.search(text, start, stop)
    if word is None:
        return []
    # No weekday or relative day starts before the first such word (less a qualifier, which
    # _weekdays looks for).
    out = _weekdays(text, start, stop, word.start(), taken or [])
    for m in _RELATIVE.finditer(text, word.start(), stop):
        rel_word = m.group("rel").lower()
        rel = 1 if rel_word.startswith("tomorrow") else 0
        out.append(DayMention(m.start(), m.end(), None, relative=rel,
                              evening=rel_word in ("tonight", "this evening")
                              or "night" in rel_word,
                              text=m.group(0)))
    out.sort(key=lambda d: d.start)
    return out


def _weekdays(text: str, start: int, stop: int, first: int,
              spans: list[tuple[int, int]]) -> list[DayMention]:
    """What ``_WEEKDAY_WORD.finditer(text, start, stop)`` reads, no name before ``first``.

    A match opens with its weekday name or with the qualifier ("on", "every", ...) and spaces
    before it, so the pattern is tried there only, name after name, each past the last match
    as ``finditer`` goes on.
    """
    out: list[DayMention] = []
    pos = start  # where the next match may start
    for name in _WEEKDAY_START.finditer(text, first, stop):
        at = name.start()
        if at < pos:
            continue  # inside the last match
        tries = [at]
        words_end = _spaces_before(text, start, at)
        if words_end < at:
            for qual in _QUALIFIERS:
                if text.endswith(qual, start, words_end):
                    tries.insert(0, words_end - len(qual))
                    break
        for at in tries:
            m = _WEEKDAY_WORD.match(text, at, stop) if at >= pos else None
            if m is not None:
                pos = m.end()
                day = _weekday_mention(m, spans)
                if day is not None:
                    out.append(day)
    return out


def _weekday_mention(m: re.Match[str], spans: list[tuple[int, int]]) -> DayMention | None:
    """The day a match of _WEEKDAY_WORD names, or None when a date in ``spans`` holds it."""
    a, b = m.span("wd")
    for s, e in spans:
        if a < e and b > s:
            return None
    wd = weekday_number(m.group("wd"))
    if wd is None:
        return None
    qual = (m.group("qual") or "").lower() or None
    wd2 = weekday_number(m.group("wd2")) if m.group("wd2") else None
    plural = bool(m.group("plural")) or bool(m.group("night") and
                                             m.group("night").rstrip().endswith("s"))
    if qual == "every":
        plural = True
    return DayMention(m.start(), m.end(), wd, None, plural, qual, wd2, bool(m.group("night")),
                      m.group(0))


def resolve_year(day: int, month: int, weekday: int | None, reference: dt.date | None,
                 *, grace_days: int = 31) -> tuple[dt.date | None, bool]:
    """The date a yearless day/month most likely means, and whether its weekday disagrees.

    The rule: the first such date on or after ``reference`` (less ``grace_days``, because
    releases mention days just past). Without a reference, the latest of the last 30 years whose
    calendar gives that weekday (or None when no weekday is printed).
    """
    if reference is None:
        return None, False
    earliest = reference - dt.timedelta(days=grace_days)
    for year in (reference.year - 1, reference.year, reference.year + 1, reference.year + 2):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate >= earliest:
            mismatch = weekday is not None and candidate.weekday() != weekday
            return candidate, mismatch
    return None, False


def make_date(d: DateMention, reference: dt.date | None) -> tuple[dt.date | None, bool]:
    if d.year is not None:
        try:
            value = dt.date(d.year, d.month, d.day)
        except ValueError:
            return None, False
        return value, d.weekday is not None and value.weekday() != d.weekday
    return resolve_year(d.day, d.month, d.weekday, reference)


def year_from_weekdays(mentions: list[DateMention], *, latest: int) -> int | None:
    """The latest year (not after ``latest``) in which every printed weekday fits its date."""
    checks = [m for m in mentions if m.weekday is not None and m.year is None]
    if not checks:
        return None
    for year in range(latest, latest - 40, -1):
        ok = True
        for m in checks:
            try:
                if dt.date(year, m.month, m.day).weekday() != m.weekday:
                    ok = False
                    break
            except ValueError:
                ok = False
                break
        if ok:
            return year
    return None
