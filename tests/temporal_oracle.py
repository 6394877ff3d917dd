"""The date, day and time scanners as they were at commit 0463e6b, kept as the oracle for the
property tests of their faster rewrites in ``schedules/extract/temporal.py``.

Do not edit or speed up: its worth is that it is the plain, previously trusted version. Only
``find_dates``, ``find_days`` and ``find_times`` (and what they use) are kept; the mention
types are those of the module under test, so results compare with ``==``.
"""

from __future__ import annotations

import re

from schedules.channels import trie_pattern
from schedules.extract.lexicon import (
    IRISH_MONTH_RE,
    IRISH_WEEKDAY_RE,
    IRISH_WEEKDAYS,
    MONTH_RE,
    WEEKDAY_RE,
    WEEKDAYS,
    month_number,
    variant_forms,
    weekday_number,
)
from schedules.extract.temporal import Clock, DateMention, DayMention, TimeMention, ZoneMark
from schedules.zones import ZONE_WORDS

_ORD = r"(?:\s?(?:st|nd|rd|th)\b)"
_DAY = rf"(?P<day>[0-3]?\d)(?!\d){_ORD}?"
_DAY2 = (r"(?:\s?[-–]\s?(?P<day2>[0-3]?\d)(?!\d)(?![.:]\d|\s?[ap]\.?m(?![a-z])|\s?noon)"
         + _ORD + "?)")
_YEAR = r"(?P<year>(?:1[6-9]|20)\d\d)(?!\d)"  # (since: history years before 1900 too)
_WD = rf"(?P<wd>{WEEKDAY_RE}|{IRISH_WEEKDAY_RE})"

# Each date pattern opens with a lookahead on its possible first characters, so the engine
# rejects most positions (spaces, lower-case letters) with one test instead of trying every
# weekday and month spelling there: the scan stays linear and about five times faster.
_FIRST_WD = "MTWFSDaA"
_FIRST_MON = "JFMASONDEBILN"


def _named_date_patterns(wd: str, first_wd: str) -> list[re.Pattern[str]]:
    return [
        # Tuesday 18th September 2018 / 18 Sept / Saturday, 1 December / 2-9 July /
        # 18 Deireadh Fómhair
        re.compile(
            rf"(?=[{first_wd}0-9])"
            rf"(?:{wd},?\s+(?:the\s+)?)?{_DAY}{_DAY2}?(?:\s+of)?\s+"
            rf"(?P<mon>{MONTH_RE}|{IRISH_MONTH_RE})(?![a-zA-Z])(?:,?\s+{_YEAR})?"
        ),
        # Tuesday September 18 / Thursday, Mar. 20 / August 25-28 / April 8, 2002 / May 16 th
        re.compile(
            rf"(?=[{first_wd}{_FIRST_MON}])"
            rf"(?:{wd},?\s+)?(?P<mon>{MONTH_RE})\s+{_DAY}{_DAY2}?(?:,?\s+{_YEAR})?"
        ),
    ]


# The Irish weekdays written "an Luan", "an Mháirt", ... are the only names opening with a
# lower-case letter, and "a" is common: a text without any of them is scanned with patterns
# that leave them out and so need not stop at every "a" (about a quarter faster).
_IRISH_AN = [w for w in variant_forms(list(IRISH_WEEKDAYS)) if w.startswith("a")]
_IRISH_AN_RE = re.compile(trie_pattern(set(_IRISH_AN)))
_IRISH_OTHER_RE = trie_pattern(variant_forms(list(IRISH_WEEKDAYS)) - set(_IRISH_AN))
_WD_WITHOUT_AN = rf"(?P<wd>{WEEKDAY_RE}|(?:{_IRISH_OTHER_RE}))"
_NAMED_WITHOUT_AN = _named_date_patterns(_WD_WITHOUT_AN, _FIRST_WD.replace("a", ""))
DATE_PATTERNS = [
    *_named_date_patterns(_WD, _FIRST_WD),
    # 2019-02-10, 20/6/2015 (day first outside North America) or 6/20/2015. The look-behind
    # ("not after a digit") comes after the first digits, so that the engine can skip to the
    # next digit instead of testing the look-behind at every character.
    re.compile(r"(?P<iso>(?:19|20)(?<![\d-]\d\d)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))"
               r"(?![\d-])"),
    re.compile(r"(?P<n1>\d(?<![\d/]\d)\d?)/(?P<n2>\d{1,2})/(?P<ny>(?:19|20)\d\d)(?![\d/])"),
]

_WEEKDAY_WORD = re.compile(
    rf"(?=[tnoefu{_FIRST_WD}])"  # the first letters it can start with: a cheap rejection
    rf"(?:(?P<qual>this|next|on|every|from|until)\s+)?"
    rf"(?P<wd>{WEEKDAY_RE}|{IRISH_WEEKDAY_RE})(?P<plural>s)?(?![a-zA-Z])"
    rf"(?:\s?(?:[-–]|to|through|thru)\s?(?P<wd2>{WEEKDAY_RE})(?![a-zA-Z]))?"
    rf"(?P<night>\s+(?:night|evening)s?)?"
)
# A weekday name alone, as tries that each open with a letter (so the engine skips to those
# letters), and the strings every relative day contains.
_WEEKDAY_NAMES = variant_forms([*WEEKDAYS, *IRISH_WEEKDAYS])
_WEEKDAY_NAME = re.compile("|".join(
    trie_pattern({w for w in _WEEKDAY_NAMES if w[0] == c})
    for c in sorted({w[0] for w in _WEEKDAY_NAMES})))
_RELATIVE_WORD = re.compile("onight|ONIGHT|omorrow|today|this evening")
_RELATIVE = re.compile(r"(?:\b|^)(?P<rel>(?:tonight|Tonight|TONIGHT)|(?:tomorrow|Tomorrow)"
                       r"(?:\s+night)?|today|this evening)\b")
WEEKNIGHTS = re.compile(r"\b(?:weeknights|weekdays|nightly|every night|daily|each night)\b",
                        re.IGNORECASE)

_TIME_BODY = (
    r"(?:"
    r"(?P<word>midday|noon|midnight)"
    r"|(?P<h>\d{1,2})(?:[:.](?P<m>[0-5]\d))?(?![\d]|[.:]\d)"
    r"(?:\s?(?P<mer>[aApP]\.?\s?[mM](?![a-zA-Z])\.?))?"
    r"(?P<word2>\s?(?:midnight|midday|noon))?"
    r"(?P<tonight>\s+tonight)?"
    r"(?P<central>/\d{1,2}(?::\d\d)?(?:\s?[-–]\s?\d{1,2}(?::\d\d)?)?c\b)?"
    r")"
)
_TIME = re.compile(r"(?<![\w.:/$£€#+])(?<!\d-)(?<!\d–)" + _TIME_BODY)
# Where a time can start: a run of digits or "midday", "midnight", "noon". The look-behinds in
# front of _TIME make the engine try it at every character; this pattern opens with a
# character set the engine skips to, and _TIME is then tried at each such start only.
_TIME_START = re.compile(r"[\dmn](?:(?<=\d)\d*|(?<=m)id(?:day|night)|(?<=n)oon)")


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
_RANGE_SEP = re.compile(r"\s*(?:-|–|—|to|until|till|through)\s*")
_ZONE_AFTER = re.compile(
    r"\s*,?\s*(?:\(\s*)?(?P<zone>[A-Z]{2,5}|Eastern|Central|Mountain|Pacific|Atlantic|"
    r"Newfoundland)(?:\s+[Tt]ime)?(?![\w])(?:\s*\))?"
)
_IN_REGION = re.compile(r"\s+in\s+(?P<zone>[A-Z]{2,3}|Perth|Adelaide|Darwin|Brisbane|"
                        r"Melbourne|Sydney|Hobart)(?![\w])")
_CLOSE = re.compile(r"\s*\)")
# What may follow a time: the first character of _ZONE_AFTER, _IN_REGION or _RANGE_SEP.
_MAY_GO_ON = re.compile(r"\s*[A-Z,(\-–—tiu]")
_ALT_SEP = re.compile(r"\s*/\s*|\s*\(\s*|\s*,\s*(?=\d)")


def _clock(m: re.Match[str]) -> Clock | None:
    # All groups in one call (each named-group call costs about as much as the arithmetic).
    word1, word2, hour, minute, mer_raw, tonight, central = m.group(
        "word", "word2", "h", "m", "mer", "tonight", "central")
    if word1:  # "midday", "noon", "midnight" as printed (the pattern is lower case)
        if word1 == "midnight":
            return Clock(0, 0, "am", next_day=True)
        return Clock(12, 0, "pm")
    word = (word2 or "").strip().lower()
    h = int(hour)
    mins = int(minute or 0)
    if word == "midnight":
        return Clock(0, 0, "am", next_day=True) if h in (12, 0) else None
    if word in ("noon", "midday"):
        return Clock(12, 0, "pm") if h == 12 else None
    if mer_raw:
        if not 1 <= h <= 12:
            return None
        mer = "am" if mer_raw[0] in "aA" else "pm"
        return Clock(h, mins, mer)
    if tonight or central:
        if h == 12:  # (since: "12/11c" and "12 tonight" are midnight, not noon)
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
    out: list[TimeMention] = []
    pos = start
    while True:
        if anchored:
            if out or pos != start:
                break
            m = _TIME_AFTER_DASH.match(text, pos, stop)
        else:
            m = _search_time(text, pos, stop)
        if not m:
            break
        clock = _clock(m)
        pos = m.end()
        if clock is None:
            continue
        t_start, t_end = m.start(), m.end()
        if not clock.explicit and clock.meridiem is None and m.group("m") is None \
                and not _MAY_GO_ON.match(text, t_end, stop):
            continue  # a bare number with no zone or range after it (see below): not a time
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
                continue
        elif not clock.explicit and clock.meridiem is None and m.group("m") is None:
            continue  # a bare number ("3 x 52", "Prog 1") is not a time
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
        out.append(TimeMention(t_start, t_end, clock, end_clock, tuple(zones),
                               tuple(alternatives), tonight=bool(m.group("tonight")),
                               text=text[t_start:t_end]))
    return out


def find_dates(text: str, start: int = 0, end: int | None = None, *,
               day_first: bool = True) -> list[DateMention]:
    stop = len(text) if end is None else end
    found: list[DateMention] = []
    patterns = DATE_PATTERNS
    if _IRISH_AN_RE.search(text, start, stop) is None:
        patterns = [*_NAMED_WITHOUT_AN, *DATE_PATTERNS[2:]]
    for pat in patterns:
        for m in pat.finditer(text, start, stop):
            groups = m.groupdict()
            if groups.get("iso"):
                y, mo, d = (int(x) for x in groups["iso"].split("-"))
                found.append(DateMention(m.start(), m.end(), d, mo, y, None, text=m.group(0)))
                continue
            if groups.get("ny"):
                a, b = int(groups["n1"]), int(groups["n2"])
                d, mo = (a, b) if day_first else (b, a)
                if not (1 <= mo <= 12 and 1 <= d <= 31):
                    d, mo = mo, d
                if 1 <= mo <= 12 and 1 <= d <= 31:
                    found.append(DateMention(m.start(), m.end(), d, mo, int(groups["ny"]),
                                             None, text=m.group(0)))
                continue
            mon = month_number(groups["mon"])
            day = int(groups["day"])
            if mon is None or not 1 <= day <= 31:
                continue
            wd = weekday_number(groups["wd"]) if groups.get("wd") else None
            year = int(groups["year"]) if groups.get("year") else None
            day2 = int(groups["day2"]) if groups.get("day2") else None
            if day2 is not None and not day < day2 <= 31:
                day2 = None
            found.append(DateMention(m.start(), m.end(), day, mon, year, wd, day2,
                                     text=m.group(0)))
    # Keep the longest of overlapping matches.
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    out: list[DateMention] = []
    for mention in found:
        if out and mention.start < out[-1].end:
            continue
        out.append(mention)
    return out


def find_days(text: str, start: int = 0, end: int | None = None,
              taken: list[tuple[int, int]] | None = None) -> list[DayMention]:
    """Weekdays and relative days that are not part of a date in ``taken``."""
    stop = len(text) if end is None else end
    spans = taken or []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in spans)

    out: list[DayMention] = []
    # Quick scans first: each pattern needs a name the fast patterns below find, and no match
    # starts before the first name less what may precede it (a qualifier of at most five
    # letters and spaces; "t" or "T" before "onight" and "omorrow"). Neither pattern looks
    # behind, so scanning from there finds the same matches.
    name = _WEEKDAY_NAME.search(text, start, stop)
    begin = start
    if name is not None:
        begin = name.start()
        while begin > start and text[begin - 1].isspace():
            begin -= 1
        begin = max(start, begin - 5)
    for m in _WEEKDAY_WORD.finditer(text, begin, stop) if name is not None else ():
        if not free(m.start("wd"), m.end("wd")):
            continue
        wd = weekday_number(m.group("wd"))
        if wd is None:
            continue
        qual = (m.group("qual") or "").lower() or None
        wd2 = weekday_number(m.group("wd2")) if m.group("wd2") else None
        plural = bool(m.group("plural")) or bool(m.group("night") and
                                                 m.group("night").rstrip().endswith("s"))
        if qual == "every":
            plural = True
        out.append(DayMention(m.start(), m.end(), wd, plural=plural, qualifier=qual,
                              weekday2=wd2, evening=bool(m.group("night")),
                              text=m.group(0)))
    word_at = _RELATIVE_WORD.search(text, start, stop)
    begin = max(start, word_at.start() - 1) if word_at is not None else start
    for m in _RELATIVE.finditer(text, begin, stop) if word_at is not None else ():
        word = m.group("rel").lower()
        rel = 1 if word.startswith("tomorrow") else 0
        out.append(DayMention(m.start(), m.end(), None, relative=rel,
                              evening=word in ("tonight", "this evening") or "night" in word,
                              text=m.group(0)))
    out.sort(key=lambda d: d.start)
    return out
