"""Find air-time slots: a day and a clock time, with the channels they are on.

Reads unit by unit (see :mod:`schedules.extract.units`), carrying two contexts:

* the *heading date*: a unit that is essentially a date ("Sunday 9 October", "SATURDAY 17 APRIL
  2021", "Wednesday 12 December:") dates the listing rows under it ("6.00-9.10am BBC ONE",
  "SAT 19:00 Snooker", "3.30 Tipi Tales"); rows that run past midnight move to the next day;
* the *prose date*: a date or weekday in a sentence about broadcasting dates later sentences that
  give only a time ("At 8:30pm, Four Corners returns").

A time becomes a slot only with evidence that it is an air time: a date in the same unit, a
channel, a broadcasting verb, or a listing row under a heading date. Words such as "posted",
"released at", "screen shot" or "kick-off" near a time mark it as something else.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field

from schedules.channels import Channel, ChannelMention, ChannelTable, trie_pattern
from schedules.extract.lexicon import (
    IRISH_WEEKDAYS,
    NOT_AIR_CUES,
    REPEAT_CUES,
    WEEKDAYS,
    cue_starts,
    variant_forms,
)
from schedules.extract.temporal import (
    DateMention,
    DayMention,
    Digits,
    TimeMention,
    find_dates,
    find_days,
    find_times,
    make_date,
    resolve_year,
)
from schedules.extract.units import Unit
from schedules.zones import ZONE_WORDS

# Channels that releases print but no table knows: US call signs ("WVIZ Channel 25", "WHYY TV",
# "WLIW21") and numbered cable channels ("Channel 35").
# (Each look-behind "not after a word character" is placed after the first character, so that
# the engine can skip to the possible first characters instead of testing it everywhere.)
_GENERIC_CHANNEL = re.compile(
    r"(?:[KW](?<![\w/].)[A-Z]{2,3}\d{0,3}(?:-(?:TV|DT|HD))?(?:\s+(?:TV\b|Channel\s+\d{1,3}))?"
    r"|C(?<![\w/].)hannel\s+\d{1,3})(?![\w])"
)
_CALL_SIGN_WORDS = frozenset({
    "WHEN", "WHERE", "WHAT", "WHO", "WHY", "WHOM", "WITH", "WILL", "WERE", "WEST", "WEEK",
    "WIDE", "WILD", "WIFE", "WISH", "WORD", "WORK", "WEAR", "WARM", "WAIT", "WALK", "WANT",
    "WAYS", "WHAM", "KIDS", "KING", "KEEP", "KEYS", "KIND", "KISS", "KNEW", "KNOW"})
_ON_LIST = re.compile(r"on(?<!\w..)\s+((?:[A-Z][A-Z0-9]{1,12}(?:\s+TV)?)(?:\s*(?:,|and|&)\s*"
                      r"[A-Z][A-Z0-9]{1,12}(?:\s+TV)?){0,6})")
_NOT_CHANNELS = {"ET", "PT", "CT", "MT", "AT", "NT", "TV", "AM", "PM", "LIVE", "NEW", "FREE",
                 "AND", "THE"}
_CONNECTOR = re.compile(r"^\s*(?:,|and|&|or|/|plus|and on|and also on|as well as)?\s*$",
                        re.IGNORECASE)
_DATE_CONNECTOR = re.compile(r"^\s*(?:,|and|&|or|and on|,\s*and)?\s*$", re.IGNORECASE)
_DATE_RANGE_CONNECTOR = re.compile(r"^\s*(?:to|until|through|thru|-|–|—)\s*$", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[;]|\.\s")
_CLAUSE_END = re.compile(
    r";|,\s+and\s+(?!on\b|at\b)|(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{2})(?<!\b[A-Z][a-z]{3})"
    r"(?<![ap]\.m)(?<!\b[A-Z])\.\s+(?=[A-Z“\"])")
# Triggers: the bare words every mention of a kind contains. Looked for in each unit (a
# mention read in a unit lies inside it), they tell which units can hold a date or time (a
# digit, "midnight"), a day ("Sunday", "tonight") or an unlisted channel ("WVIZ", "Channel
# 35", "on ITV"); the other units skip those scans, whose result there is known to be empty.
# Every branch of the word pattern opens with a literal letter, so the engine skips to those.
_DIGIT = re.compile(r"\d")
_DAY_NAMES = variant_forms([*WEEKDAYS, *IRISH_WEEKDAYS]) | {
    "tonight", "Tonight", "TONIGHT", "tomorrow", "Tomorrow", "today", "this evening"}
_CHANNEL_WORDS = re.compile(r"K[A-Z]{2}|W[A-Z]{2}|Channel\s|on\s+[A-Z][A-Z0-9]")
_WORD_TRIGGERS = re.compile("|".join([
    r"mid(?:day|night)", "noon",  # times
    *(trie_pattern({w for w in _DAY_NAMES if w[0] == c})
      for c in sorted({w[0] for w in _DAY_NAMES})),  # days, one trie per first letter
    _CHANNEL_WORDS.pattern,  # unlisted channels
]))
_ON_LIST_ITEM = re.compile(r"[A-Z][A-Z0-9]{1,12}(?:\s+TV)?")
_ON_BEFORE = re.compile(r"\bon\s+(?:the\s+)?$")
_ON_LIST_BEFORE = re.compile(r"\bon\s+(?:the\s+)?[\w /.-]{1,40}?(?:,\s*|\s+and\s+|\s*&\s*)$")
_LIST_BREAK = re.compile(r"[.;]")
_AT_BEFORE = re.compile(r"\bat\s+$")
_NON_ALNUM = re.compile(r"[\W_]+")
_WORD_CHAR = re.compile(r"\w")
_AIR_DAY_WORDS = re.compile(r"\b(?:on|this|next|tonight|tomorrow)\b|night|evening|\d\s*,|,\s*\d",
                            re.IGNORECASE)
_NOT_NAME_LEFT = re.compile(r"[\W_]|and")
_DATE_ONLY_VERB = re.compile(r"\b(?:premier\w*|airs?|airing|screens?|returns?|debuts?|starts?|"
                             r"begins?|broadcast|transmits?|launch\w*)\b", re.IGNORECASE)


# A press release's dateline before a date: "PASADENA, CA - ", "NEW YORK, NY – (".
_DATELINE_BEFORE = re.compile(r"\b[A-Z]{3,}[A-Z .']*(?:,\s*[A-Za-z. ]{2,20})?\s+[-–—]\s*\(?$")


_BULLETS = " \t-–*•·>"


# Where a listing row's own words end: a line break or the next time on the line.
_ROW_END = re.compile(r"\n|\b\d{1,2}(?:[.:]\d\d)?\s*(?:[ap]\.?m\b|\b(?<=\d\d))", re.IGNORECASE)
_SAME_TIME = re.compile(r"\b(?:at\s+)?the\s+same\s+time\b")
_SAME_TIME_GAP = re.compile(r"[\s,]*(?:on\s+|next\s+)?$")


class _Marks:
    """Spans found by a whole-text scan, to ask whether a unit holds or straddles one."""

    def __init__(self, spans: list[tuple[int, int]]):
        spans.sort()
        self.starts = [a for a, _ in spans]
        self.ends: list[int] = []  # the furthest end so far (spans may overlap)
        furthest = 0
        for _, b in spans:
            furthest = max(furthest, b)
            self.ends.append(furthest)

    def touches(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, start)
        if i < len(self.starts) and self.starts[i] < end:
            return True
        return i > 0 and self.ends[i - 1] > start


_NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "twenty": 20,
}


@dataclass
class Feed:
    """One wall-clock time in one printed zone (a time with "ET/PT" gives two feeds)."""

    hour: int
    minute: int
    next_day: bool
    zone_label: str | None
    end: tuple[int, int, bool] | None = None


@dataclass
class Slot:
    unit: Unit
    day: dt.date
    feeds: list[Feed]
    time_known: bool
    channels: list[Channel | str]
    on_demand: list[str]
    confidence: float
    repeat: bool
    time_span: tuple[int, int]
    date_source: str
    weekday_mismatch: bool = False
    recurrence: tuple[str, int | None] | None = None  # (FREQ..., COUNT) of a stated run
    rows: bool = False
    recurring_only: bool = False  # a stated weekly slot with no dated first airing
    year_printed: bool = False


@dataclass
class _Anchor:
    start: int
    end: int
    values: list[dt.date]
    mismatch: bool
    source: str
    rec: tuple[str, int | None] | None
    plural: bool = False
    weekday: int | None = None
    year_printed: bool = False


_NEAR_DATE = re.compile(r"^\s*(?:,|\(|the)?\s*$")
_RUN_START = re.compile(r"^[\s,]*(?:\d{1,2}(?:[:.]\d\d)?\s*[ap]?\.?m?\.?\s*)?(?:at\s+[^,;]{0,20}?)?"
                        r"\s*(?:from|starting|beginning|commencing|as of|,)\s*(?:on\s+)?$",
                        re.IGNORECASE)


@dataclass
class _Context:
    heading_date: dt.date | None = None
    heading_unit: int = -1
    prose_date: dt.date | None = None
    prose_unit: int = -1
    last_row_minutes: int | None = None
    rollover: int = 0
    channels: list[Channel | str] = field(default_factory=list)
    channels_unit: int = -1
    # A day named in the unit before, in any wording ("This Saturday the Steel host the Stars.")
    loose_date: dt.date | None = None
    loose_unit: int = -1


def _word_number(text: str) -> int | None:
    text = text.lower()
    if text.isdigit():
        return int(text)
    return _NUMBER_WORDS.get(text)


_COUNT = re.compile(
    r"\b(?:for|over)\s+(?P<n>\d{1,2}|[a-z]+)\s+(?:weeks|episodes|nights|parts)\b"
    r"|\b(?P<n2>\d{1,2}|[a-z]+)[-\s]part\b"
    r"|\b(?P<n3>\d{1,2}|[a-z]+)\s+episodes\b",
    re.IGNORECASE,
)
_PLURAL_WEEKDAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days\b")
_CONTINUES_FOR = re.compile(r"\bcontinues? for\b", re.IGNORECASE)
_WEEKLY = re.compile(r"\b(?:weekly|every week|each week|continues? (?:each|every) week|"
                     r"regularly air|regular (?:time ?slot|slot))\b", re.IGNORECASE)


def _free(taken: list[tuple[int, int]], a: int, b: int) -> bool:
    return all(b <= s or a >= e for s, e in taken)


class SlotFinder:
    def __init__(self, text: str, units: list[Unit], *, channels: ChannelTable,
                 reference: dt.date | None, day_first: bool,
                 full_dates: list[tuple[DateMention, dt.date]],
                 all_dates: list[DateMention] | None = None):
        self.text = text
        self.units = units
        self.table = channels
        self.reference = reference
        self.day_first = day_first
        self.full_dates = full_dates
        # Whole-text scans done once; each unit takes its slice (see _in_unit).
        # One Latin-1 byte copy of the text for the byte views of the scans below.
        latin = text.encode("latin-1", "replace")
        self._mentions = channels.find(text, latin=latin)
        self._mention_starts = [cm.start for cm in self._mentions]
        self._digits = Digits(text, latin)
        self._dates = all_dates if all_dates is not None else find_dates(
            text, day_first=day_first, digits=self._digits)
        self._date_starts = [d.start for d in self._dates]
        self._table_marks = _Marks([(cm.start, cm.end) for cm in self._mentions])
        self._unit_mentions: dict[int, list[tuple[int, int, Channel | str]]] = {}
        self._resolved: dict[DateMention, tuple[dt.date | None, bool]] = {}
        self._air_cues, self._not_air_cues = cue_starts(text, latin)
        counts: dict[str, int] = {}
        firsts: dict[str, Channel] = {}
        for cm in self._mentions:
            if cm.channel.linear:
                counts[cm.channel.name] = counts.get(cm.channel.name, 0) + 1
                firsts.setdefault(cm.channel.name, cm.channel)
        self.dominant: Channel | None = (
            firsts[max(counts, key=lambda k: counts[k])] if counts else None)
        self._default_zones = _stated_zones(text)

    # -- whole-text scans, sliced per unit --------------------------------------------------
    def _dates_in(self, unit: Unit) -> list[DateMention]:
        """The dates inside ``unit`` from the one whole-text scan. A date that runs across the
        unit's edge ("Sunday" / "13 January" on two lines) sends the unit to its own scan, so
        the result is what scanning the unit alone gives."""
        lo = bisect.bisect_left(self._date_starts, unit.start)
        if lo > 0 and self._dates[lo - 1].end > unit.start:
            return find_dates(self.text, unit.start, unit.end, day_first=self.day_first,
                              digits=self._digits)
        out = []
        for d in self._dates[lo:]:
            if d.start >= unit.end:
                break
            if d.end > unit.end:
                return find_dates(self.text, unit.start, unit.end, day_first=self.day_first,
                              digits=self._digits)
            out.append(d)
        return out

    @staticmethod
    def _has_cue(starts: list[int], unit: Unit) -> bool:
        i = bisect.bisect_left(starts, unit.start)
        return i < len(starts) and starts[i] < unit.end

    # -- channels ---------------------------------------------------------------------------
    def _channel_mentions(self, unit: Unit) -> list[tuple[int, int, Channel | str]]:
        """The channels named in ``unit`` (computed once per unit; callers do not modify it)."""
        cached = self._unit_mentions.get(unit.start)
        if cached is None:
            cached = self._unit_mentions[unit.start] = self._find_channel_mentions(unit)
        return cached

    def _find_channel_mentions(self, unit: Unit) -> list[tuple[int, int, Channel | str]]:
        found: list[tuple[int, int, Channel | str]] = []
        lo = bisect.bisect_left(self._mention_starts, unit.start)
        for cm in self._mentions[lo:]:
            if cm.start >= unit.end:
                break
            if cm.end <= unit.end:
                found.append((cm.start, cm.end, cm.channel))
        if _CHANNEL_WORDS.search(self.text, unit.start, unit.end) is None:
            return found  # no call sign, "Channel" or "on" + capitals: table names only
        taken = [(a, b) for a, b, _ in found]
        for m in _GENERIC_CHANNEL.finditer(self.text, unit.start, unit.end):
            if m.group(0).upper() in _CALL_SIGN_WORDS or self.text.startswith(":", m.end()):
                continue  # "WHEN: Thursday", "WITH" in a capitalised heading
            if _free(taken, m.start(), m.end()) and self._after_on(unit, m.start()):
                found.append((m.start(), m.end(), m.group(0)))
                taken.append((m.start(), m.end()))
        for m in _ON_LIST.finditer(self.text, unit.start, unit.end):
            for item in _ON_LIST_ITEM.finditer(m.group(1)):
                a = m.start(1) + item.start()
                b = m.start(1) + item.end()
                word = item.group(0)
                if _free(taken, a, b) and word not in _NOT_CHANNELS \
                        and (len(word) >= 4 or any(c.isdigit() for c in word)):
                    found.append((a, b, word))
                    taken.append((a, b))
        found.sort(key=lambda x: x[0])
        return found

    def _after_on(self, unit: Unit, pos: int) -> bool:
        """Is the word at ``pos`` in a list introduced by "on" ("on WVIZ Channel 25 and ...")
        or a listing row? A call sign after "by" is a producer, not a channel."""
        before = self.text[max(unit.start, pos - 60):pos]
        if unit.start == pos or _ON_BEFORE.search(before):
            return True
        m = _ON_LIST_BEFORE.search(before)
        return m is not None and not _LIST_BREAK.search(m.group(0))

    @staticmethod
    def _is_linear(ch: Channel | str) -> bool:
        return isinstance(ch, str) or ch.linear

    def _groups(self, mentions: list[tuple[int, int, Channel | str]]
                ) -> list[tuple[int, int, list[Channel | str], list[str]]]:
        """Channel mentions joined by "and", ",", "&" form one group."""
        groups: list[tuple[int, int, list[Channel | str], list[str]]] = []
        for a, b, ch in mentions:
            if groups and _CONNECTOR.match(self.text[groups[-1][1]:a]):
                ga, _, lin, od = groups[-1]
                groups[-1] = (ga, b, lin, od)
            else:
                groups.append((a, b, [], []))
                lin, od = groups[-1][2], groups[-1][3]
            if self._is_linear(ch):
                if ch not in lin:
                    lin.append(ch)
            else:
                assert isinstance(ch, Channel)
                if ch.name not in od:
                    od.append(ch.name)
        return groups

    # -- dates ------------------------------------------------------------------------------
    def _resolve(self, d: DateMention) -> tuple[dt.date | None, bool]:
        """The date ``d`` means and whether its weekday disagrees (once per mention)."""
        if d not in self._resolved:
            self._resolved[d] = self._resolve_once(d)
        return self._resolved[d]

    def _resolve_once(self, d: DateMention) -> tuple[dt.date | None, bool]:
        if d.year is None:
            for full, full_value in self.full_dates:
                if full.day == d.day and full.month == d.month and full.year is not None:
                    return full_value, (d.weekday is not None
                                        and full_value.weekday() != d.weekday)
        value, mismatch = make_date(d, self.reference)
        if value is not None and mismatch and d.year is None:
            # Another year printed in the document may fit the weekday.
            for _full, other in self.full_dates:
                alt, alt_mismatch = resolve_year(d.day, d.month, d.weekday, other)
                if alt is not None and not alt_mismatch and abs((alt - other).days) < 200:
                    return alt, False
        return value, mismatch

    def _day_from_weekday(self, day: DayMention, ctx: _Context, index: int
                          ) -> dt.date | None:
        if day.relative is not None:
            if self.reference is None:
                return None
            return self.reference + dt.timedelta(days=day.relative)
        if day.weekday is None:
            return None
        if ctx.prose_date is not None and 0 <= index - ctx.prose_unit <= 3 \
                and self._after_previous(day):
            # "repeated the following Wednesday", "Each episode is repeated on Friday": the
            # first such day after the airing just described, not after the release date.
            return _weekday_after(ctx.prose_date, day.weekday)
        base = None
        if ctx.heading_date is not None and index - ctx.heading_unit <= 40:
            base = ctx.heading_date
        elif self.reference is not None:
            base = self.reference
        if base is None:
            return None
        delta = (day.weekday - base.weekday()) % 7
        if day.qualifier == "next" and delta == 0:
            delta = 7
        return base + dt.timedelta(days=delta)

    def _after_previous(self, day: DayMention) -> bool:
        """Is the weekday counted from the airing before it: "the following Wednesday", or a
        repeat's day ("repeated on Friday at 10.30pm")?"""
        before = self.text[max(0, day.start - 40):day.start]
        return _FOLLOWING_BEFORE.search(before) is not None

    # -- the scan ---------------------------------------------------------------------------
    def find(self) -> list[Slot]:
        ctx = _Context()
        slots: list[Slot] = []
        for index, unit in enumerate(self.units):
            slots.extend(self._unit_slots(index, unit, ctx))
        return slots

    def _unit_slots(self, index: int, unit: Unit, ctx: _Context) -> list[Slot]:
        text = self.text
        a, b = unit.start, unit.end
        # What a unit can hold lies inside it: a digit for a date or time, a trigger word for a
        # day, a time word or an unlisted channel, or a channel of the table. (With a digit,
        # the day and time scans below first test for their own words.)
        digits = self._digits.has_digit(a, b)
        words = digits or _WORD_TRIGGERS.search(text, a, b) is not None
        if not words and not self._table_marks.touches(a, b):
            return []  # no date, time, day or channel: nothing below reads or changes anything
        dates = self._dates_in(unit) if digits else []  # every date form has a digit
        days = find_days(text, a, b, taken=[(d.start, d.end) for d in dates]) \
            if words else []
        if days and (" a " in unit.text or " an " in unit.text):
            # "at a christening party at 3pm on a Saturday afternoon": any Saturday, no date
            days = [d for d in days if not _INDEFINITE.search(text, max(a, d.start - 4), d.start)]
        if days and ("’s" in unit.text or "'s" in unit.text):
            # "a replay of Saturday's match": the day of the match, not of the broadcast
            days = [d for d in days if not _POSSESSIVE.match(text, d.end)]
        times: list[TimeMention] = []
        # A time opens with a digit or is "midday", "midnight" or "noon".
        if digits or (words and (text.find("mid", a, b) >= 0 or text.find("noon", a, b) >= 0)):
            times = [t for t in find_times(text, a, b)
                     if all(t.end <= d.start or t.start >= d.end for d in dates)]
            times = self._filter_times(unit, times)
        mentions = self._channel_mentions(unit)
        if not (dates or days or times or mentions):
            return []  # nothing below reads or changes anything without one of these
        groups = self._groups(mentions)
        linear_here = [ch for g in groups for ch in g[2]]
        on_demand_here = [s for g in groups for s in g[3]]
        body = unit.text
        air_cue = self._has_cue(self._air_cues, unit)
        not_air = self._has_cue(self._not_air_cues, unit)
        heading = self._is_date_heading(unit, dates, days, times, mentions)
        weekday_only_heading = (not dates and len(days) == 1 and days[0].weekday is not None
                                and len(body.strip(" :.-–")) <= len(days[0].text) + 2)
        row = self._is_row(unit, times, days)

        if weekday_only_heading:
            wd = days[0].weekday
            hd = ctx.heading_date
            if hd is not None and wd is not None and (wd - hd.weekday()) % 7 <= 1:
                ctx.heading_date = hd + dt.timedelta(days=(wd - hd.weekday()) % 7)
                ctx.heading_unit = index
            else:
                ctx.heading_date = None
            ctx.last_row_minutes, ctx.rollover = None, 0

        slots: list[Slot] = []
        if times:
            slots = self._pair(index, unit, dates, days, times, groups, ctx, air_cue=air_cue,
                               row=row, heading=heading)
        # Update contexts after reading the unit.
        resolved = [(d, self._resolve(d)[0]) for d in dates]
        resolved_dates = [v for _, v in resolved if v is not None]
        if heading and resolved_dates and not not_air:
            ctx.heading_date = resolved_dates[-1]
            ctx.heading_unit = index
            ctx.last_row_minutes, ctx.rollover = None, 0
        if resolved_dates and (air_cue or linear_here or heading) \
                and not not_air:
            ctx.prose_date, ctx.prose_unit = resolved_dates[-1], index
        elif not dates:
            singular = [d for d in days if not d.plural and d.weekday2 is None]
            if singular and (air_cue or linear_here) and not not_air:
                value = self._day_from_weekday(singular[-1], ctx, index)
                if value is not None:
                    ctx.prose_date, ctx.prose_unit = value, index
        if not times and not not_air:
            singular = [d for d in days if not d.plural and d.weekday2 is None]
            loose = resolved_dates[-1] if resolved_dates else \
                self._day_from_weekday(singular[-1], ctx, index) if singular else None
            if loose is not None:
                ctx.loose_date, ctx.loose_unit = loose, index
        if linear_here:
            on_groups = [g for g in groups if g[2] and _ON_BEFORE.search(
                text[max(unit.start, g[0] - 12):g[0]])]
            chosen_group = on_groups[-1] if on_groups else next(g for g in groups if g[2])
            ctx.channels, ctx.channels_unit = list(chosen_group[2]), index
        if not times and dates:
            slots.extend(self._date_only(index, unit, dates, groups, air_cue, ctx))
        for s in slots:
            for od in on_demand_here:
                if od not in s.on_demand:
                    s.on_demand.append(od)
        return slots

    def _filter_times(self, unit: Unit, times: list[TimeMention]) -> list[TimeMention]:
        out = []
        for t in times:
            before = self.text[max(unit.start, t.start - 6):t.start]
            if t.tonight and not _AT_BEFORE.search(before):
                continue
            out.append(t)
        return out

    def _is_date_heading(self, unit: Unit, dates: list[DateMention], days: list[DayMention],
                         times: list[TimeMention],
                         mentions: list[tuple[int, int, Channel | str]]) -> bool:
        if not dates or len(unit.text) > 80:
            return False
        covered = sum(d.end - d.start for d in dates) + sum(t.end - t.start for t in times)
        covered += sum(b - a for a, b, _ in mentions)
        strip = _NON_ALNUM.sub
        rest = strip("", unit.text)
        words = len(rest)
        covered_alnum = sum(len(strip("", self.text[d.start:d.end])) for d in dates)
        covered_alnum += sum(len(strip("", self.text[t.start:t.end])) for t in times)
        covered_alnum += sum(len(strip("", self.text[a:b])) for a, b, _ in mentions)
        del covered
        leftover = words - covered_alnum
        starts_with_date = dates[0].start - unit.start <= 2
        # "MONDAY NIGHT FOOTBALL - Monday 6 October", "SUPER SUNDAY - this Sunday (5 October)":
        # a short line without a time that ends with its date heads the rows below it.
        ends_with_date = not times and not unit.text.rstrip().endswith(".") \
            and not self.text[dates[-1].end:unit.end].strip(" )]") and unit.text[:1].isupper()
        return leftover <= 12 or ((starts_with_date or ends_with_date) and leftover <= 30)

    def _is_row(self, unit: Unit, times: list[TimeMention], days: list[DayMention]) -> bool:
        if not times:
            return False
        lead = times[0].start - unit.start
        if lead == 0:
            return True
        # A listing printed as a bulleted list ("- 10pm–11.05pm The Siege", "• 9.30 News"):
        # the bullet is not part of the row, so rows after the first were read as prose.
        if lead <= 3 and not self.text[unit.start:times[0].start].strip(_BULLETS):
            return True
        return bool(days and days[0].start == unit.start and days[0].end <= times[0].start
                    and times[0].start - days[0].end <= 2)

    def _pair(self, index: int, unit: Unit, dates: list[DateMention], days: list[DayMention],
              times: list[TimeMention],
              groups: list[tuple[int, int, list[Channel | str], list[str]]], ctx: _Context,
              *, air_cue: bool, row: bool, heading: bool) -> list[Slot]:
        text = self.text
        # Anchors: date groups ("Saturday 24 September & Sunday 25 September"), days, and
        # plural weekdays ("Sundays") that state a recurring slot.
        anchors: list[_Anchor] = []
        for d in dates:
            value, mismatch = self._resolve(d)
            if value is None:
                continue
            rec: tuple[str, int | None] | None = None
            if d.day2 is not None:
                rec = ("FREQ=DAILY", d.day2 - d.day + 1)
            last = anchors[-1] if anchors else None
            if last and not last.plural and _DATE_CONNECTOR.match(text[last.end:d.start]):
                last.end = d.end
                last.values.append(value)
                last.mismatch = last.mismatch or mismatch
                continue
            if last and not last.plural and len(last.values) == 1 and value > last.values[0] \
                    and _DATE_RANGE_CONNECTOR.match(text[last.end:d.start]):
                span_days = (value - last.values[0]).days + 1
                last.end = d.end
                last.mismatch = last.mismatch or mismatch
                last.rec = ("FREQ=DAILY", span_days) if span_days <= 31 else None
                continue
            anchors.append(_Anchor(d.start, d.end, [value], mismatch, "explicit", rec,
                                   year_printed=d.year is not None))
        explicit = list(anchors)
        for day in days:
            beside = [a for a in explicit
                      if _DATE_CONNECTOR.match(text[min(day.end, a.end):max(day.start, a.start)])
                      or (a.start >= day.end and _NEAR_DATE.match(text[day.end:a.start]))]
            if day.plural and day.relative is None:
                anchors.append(_Anchor(day.start, day.end, [], False, "weekly", None,
                                       plural=True, weekday=day.weekday))
                continue
            if beside:
                continue  # "tomorrow, February 10": the printed date says it all
            if row and ctx.heading_date is None:
                continue  # a weekday inside a listing row ("CRIMETIME SATURDAY") dates nothing
            earlier = [a for a in explicit if a.end <= day.start and a.values]
            if earlier and day.weekday is not None and self._after_previous(day):
                # "begins Sunday 20 January ... repeated the following Wednesday"
                value = _weekday_after(earlier[-1].values[-1], day.weekday)
            else:
                value = self._day_from_weekday(day, ctx, index)
            if value is None:
                continue
            rec = None
            if day.weekday2 is not None and day.weekday is not None:
                rec = ("FREQ=DAILY", (day.weekday2 - day.weekday) % 7 + 1)
            source = "relative" if day.relative is not None else "weekday"
            if row and ctx.heading_date is not None:
                source = "heading"
            anchors.append(_Anchor(day.start, day.end, [value], False, source, rec))
        anchors.sort(key=lambda a: a.start)

        not_air = self._has_cue(self._not_air_cues, unit)
        slots: list[Slot] = []
        for t in times:
            chosen = self._nearest_anchor(t, anchors)
            recurring_only = False
            year_printed = chosen is not None and chosen.year_printed
            if chosen is not None and chosen.plural:
                start_date = self._start_of_run(chosen, t, explicit) \
                    or self._dated_first(chosen, explicit)
                if start_date is not None:
                    values, mismatch, source = start_date.values, start_date.mismatch, "explicit"
                    rec = ("FREQ=WEEKLY", None)
                else:
                    base = ctx.prose_date or ctx.heading_date or self.reference
                    if base is None or chosen.weekday is None:
                        continue
                    first = base + dt.timedelta(days=(chosen.weekday - base.weekday()) % 7)
                    values, mismatch, source = [first], False, "weekly"
                    rec = ("FREQ=WEEKLY", None)
                    # "Rounding out the evening at 9.30pm, Q+A returns to Monday nights" on the
                    # Monday being described: the run starts with this airing.
                    recurring_only = not (first == base and base in (ctx.prose_date,
                                                                    ctx.heading_date))
                    if not recurring_only:
                        source = "context"
            elif chosen is not None:
                values, mismatch, source, rec = (chosen.values, chosen.mismatch, chosen.source,
                                                 chosen.rec)
            else:
                values, mismatch, rec = [], False, None
                source = ""
                if row and ctx.heading_date is not None and index - ctx.heading_unit <= 60:
                    values, source = [ctx.heading_date], "heading"
                elif not row and ctx.loose_date is not None and ctx.loose_unit == index - 1 \
                        and self.units[index - 1].paragraph == unit.paragraph \
                        and (air_cue or self._channels_for(t, groups)[0]):
                    # "This Saturday the Steel host the Stars. Coverage begins at 7.10pm."
                    values, source = [ctx.loose_date], "context"
                elif not row and ctx.prose_date is not None and index - ctx.prose_unit <= 25 \
                        and (air_cue or self._channels_for(t, groups)[0]):
                    values, source = [ctx.prose_date], "context"
                if not values:
                    continue
            if not t.strong and not (row and source == "heading"):
                continue
            if (chosen is None or chosen.end <= t.start) and "ollowing" in unit.text \
                    and _NEXT_DAY.search(self.text, max(unit.start, t.start - 60), t.start):
                # "repeated the following morning at 10am": the day after the one described
                values = [v + dt.timedelta(days=1) for v in values]
            if source in ("weekday",) and not row \
                    and not self._weekday_is_air_day(unit, t, chosen):
                continue
            feeds = self._feeds(t, row=row and source == "heading", ctx=ctx)
            if not feeds:
                continue
            linear, on_demand = self._channels_for(t, groups)
            if "same time" in unit.text or "simulcast" in unit.text:
                # "ITV1 and ITVX (STV in Scotland, same time)", "... on Sky Atlantic, with the
                # opening episode also simulcast on Sky Showcase": another channel, same slot
                linear = linear + [ch for g in groups for ch in g[2] if ch not in linear
                                   and (_SAME_TIME_AFTER.match(self.text, g[1], unit.end)
                                        or _SIMULCAST_BEFORE.search(
                                            self.text, max(unit.start, g[0] - 20), g[0]))]
            streaming_only = not linear and self._stream_nearest(t, groups)
            if not linear:
                linear = self._fallback_channels(index, ctx)
            confidence = self._confidence(unit, t, times, source=source, linear=bool(linear),
                                          air_cue=air_cue, row=row, heading=heading,
                                          not_air=not_air, only_streaming=streaming_only)
            for value in values:
                if year_printed and self._history(value):
                    continue
                on_day = value
                if source == "heading" and ctx.rollover:
                    on_day = value + dt.timedelta(days=ctx.rollover)
                slot = Slot(unit=unit, day=on_day, feeds=feeds, time_known=True,
                            channels=linear, on_demand=list(on_demand),
                            confidence=confidence,
                            repeat=self._repeat_near(unit, t, times, row=row),
                            time_span=(t.start, t.end), date_source=source,
                            weekday_mismatch=mismatch, recurrence=rec, rows=row,
                            recurring_only=recurring_only, year_printed=year_printed)
                slots.append(slot)
        if slots and "same time" in unit.text:
            slots.extend(self._same_time(unit, explicit, slots))
        return slots

    def _same_time(self, unit: Unit, explicit: list[_Anchor], slots: list[Slot]) -> list[Slot]:
        """"Part one is on BBC Radio 4 at 2.15pm on Tuesday 12 March, with part two at the same
        time on Wednesday 13 March": the date after "the same time" takes the time before it."""
        out: list[Slot] = []
        for m in _SAME_TIME.finditer(self.text, unit.start, unit.end):
            after = [a for a in explicit if 0 <= a.start - m.end() <= 12
                     and _SAME_TIME_GAP.match(self.text, m.end(), a.start)]
            before = [s for s in slots if s.time_span[1] <= m.start()]
            if not after or not before:
                continue
            prior = before[-1]
            out.extend(dataclasses.replace(prior, day=value, time_span=(m.start(), m.end()),
                                           weekday_mismatch=after[0].mismatch, recurrence=None,
                                           on_demand=list(prior.on_demand),
                                           year_printed=after[0].year_printed)
                       for value in after[0].values)
        return out

    def _history(self, value: dt.date) -> bool:
        """A date printed with its year, over a year before the release ("the record attempt
        began at 6 a.m. on Oct. 15, 1997"), is the story's history: a release announces
        airings to come, so such a time is never one of its slots."""
        return self.reference is not None and (self.reference - value).days > 366

    def _start_of_run(self, plural: _Anchor, t: TimeMention, explicit: list[_Anchor]
                      ) -> _Anchor | None:
        """"Sundays from September 20th", "Wednesdays at 10 pm starting November 25"."""
        after = max(plural.end, t.end)
        for a in explicit:
            if a.start >= after and a.start - after <= 40 \
                    and _RUN_START.match(self.text[after:a.start]):
                return a
        return None

    @staticmethod
    def _dated_first(plural: _Anchor, explicit: list[_Anchor]) -> _Anchor | None:
        """"returns on 31 January ..., with a new start time of 8am ... on Saturdays": the
        one date in the unit that falls on the plural weekday starts the run."""
        fits = [a for a in explicit if len(a.values) == 1 and not a.mismatch
                and a.values[0].weekday() == plural.weekday]
        return fits[0] if len(fits) == 1 else None

    def _weekday_is_air_day(self, unit: Unit, t: TimeMention, day: _Anchor | None) -> bool:
        """A bare weekday in prose dates a time only when it is plainly the air day:
        "on Thursday night at 7.30pm", "this Sunday at 8", "Saturday, 8pm", "8 p.m., Monday"."""
        if day is not None:
            gap = self.text[t.end:day.start] if day.start >= t.end else self.text[day.end:t.start]
            if len(gap) <= 4 and not _WORD_CHAR.search(gap):
                return True
        window = self.text[max(unit.start, t.start - 40):min(unit.end, t.end + 40)]
        return _AIR_DAY_WORDS.search(window) is not None

    def _nearest_anchor(self, t: TimeMention, anchors: list[_Anchor]) -> _Anchor | None:
        best = None
        best_gap = 10**9
        for anchor in anchors:
            a, b = anchor.start, anchor.end
            if b <= t.start:
                between = self.text[b:t.start]
                gap = t.start - b
            elif a >= t.end:
                between = self.text[t.end:a]
                gap = a - t.end + 1  # ties go to the date before
            else:
                between, gap = "", 0
            if _CLAUSE_BREAK.search(between):
                gap += 150
            if gap < best_gap:
                best, best_gap = anchor, gap
        if best is not None and best_gap > 260:
            return None
        return best

    def _channels_for(self, t: TimeMention,
                      groups: list[tuple[int, int, list[Channel | str], list[str]]]
                      ) -> tuple[list[Channel | str], list[str]]:
        """The channel group after the time (in the same clause), else the nearest one before
        it in the same clause, else any linear channel of the unit. A nearest group of
        streaming services only ("on TVO.org from 3:00 p.m.") means the time is a stream."""
        on_demand = [s for g in groups for s in g[3]]
        before = None
        for g in reversed(groups):
            if g[1] > t.start:
                continue
            between = self.text[g[1]:t.start]
            if len(between) <= 160 and not _CLAUSE_END.search(between):
                before = g
            break
        for g in groups:
            if g[0] < t.end:
                continue
            between = self.text[t.end:g[0]]
            if len(between) <= 120 and not _CLAUSE_END.search(between):
                if not g[2] and before is not None and before[2]:
                    break  # "NBC will broadcast ... at 8 p.m., with it streaming on Peacock"
                return list(g[2]), on_demand
            break
        if before is not None:
            return list(before[2]), on_demand
        with_linear = [g for g in groups if g[2]]
        if not with_linear:
            return [], on_demand
        nearest = min(with_linear, key=lambda g: min(abs(g[0] - t.end), abs(t.start - g[1])))
        return list(nearest[2]), on_demand

    def _fallback_channels(self, index: int, ctx: _Context) -> list[Channel | str]:
        """A slot whose unit names no channel: a channel-only line right after it ("• BBC
        Two"), else the channels of a recent unit, else the channel the release names most."""
        if index + 1 < len(self.units):
            nxt = self.units[index + 1]
            found = self._channel_mentions(nxt)
            rest = nxt.text
            for a, b, _ in sorted(found, key=lambda x: -x[0]):
                rest = rest[:a - nxt.start] + rest[b - nxt.start:]
            if found and not _NOT_NAME_LEFT.sub("", rest):
                return [ch for _, _, ch in found if self._is_linear(ch)]
        if ctx.channels and index - ctx.channels_unit <= 25:
            return list(ctx.channels)
        return [self.dominant] if self.dominant is not None else []

    def _stream_nearest(self, t: TimeMention,
                        groups: list[tuple[int, int, list[Channel | str], list[str]]]) -> bool:
        near = [g for g in groups
                if (0 <= g[0] - t.end <= 40 and not _CLAUSE_END.search(self.text, t.end, g[0]))
                or (0 <= t.start - g[1] <= 40
                    and not _CLAUSE_END.search(self.text, g[1], t.start))]
        # ("... at 9pm, and all three will be available on BBC Sounds": another clause)
        return bool(near) and all(not g[2] and g[3] for g in near)

    def _repeat_near(self, unit: Unit, t: TimeMention, times: list[TimeMention], *,
                     row: bool = False) -> bool:
        """A repeat cue near the time; in a listing row, anywhere on the row ("10.40pm The Young
        Inspector: Death on the High Seas (repeat)"), unless another time follows first. A cue
        after the time that leads to another time belongs to that one ("Broadcast at 11am,
        repeated Sunday at 4pm")."""
        end = t.end + 25
        if row:
            later = _ROW_END.search(self.text, t.end, unit.end)
            end = later.start() if later else unit.end
        start = max(unit.start, t.start - 40)
        window = self.text[start:min(unit.end, end)]
        for m in REPEAT_CUES.finditer(window):
            cue_end = start + m.end()
            if start + m.start() >= t.end and any(
                    x.start >= cue_end and x.start - cue_end <= 40 for x in times):
                continue
            return True
        return False

    def _feeds(self, t: TimeMention, *, row: bool, ctx: _Context) -> list[Feed]:
        clock = t.clock
        if clock.meridiem is None and not clock.explicit:
            # A listing row with no am/pm ("3.30 Tipi Tales"): afternoon after an afternoon row.
            assume_pm = ctx.last_row_minutes is not None and ctx.last_row_minutes >= 12 * 60
            if not row:
                return []
            h, m, nd = clock.resolved(assume_pm=assume_pm)
        else:
            h, m, nd = clock.resolved(assume_pm=False)
        if row:
            minutes = h * 60 + m + (24 * 60 if nd else 0)
            if ctx.last_row_minutes is not None and minutes + 6 * 60 < ctx.last_row_minutes \
                    and h < 6:
                ctx.rollover += 1
                ctx.last_row_minutes = minutes
            else:
                ctx.last_row_minutes = minutes
        end = None
        if t.end_clock is not None:
            end = t.end_clock.resolved(assume_pm=False)
        labels: list[str | None] = [z.label for z in t.zones] or self._default_zones or [None]
        feeds = [Feed(h, m, nd, label, end) for label in labels]
        for alt in t.alternatives:
            ah, am, and_ = alt.clock.resolved(assume_pm=clock.meridiem == "pm")
            aend = alt.end_clock.resolved(assume_pm=False) if alt.end_clock else None
            for z in alt.zones or ():
                candidate = Feed(ah, am, and_, z.label, aend)
                if not any(_same_instant(f, candidate) for f in feeds) \
                        or _region(z.label) == "P":
                    feeds.append(candidate)
        return feeds

    def _confidence(self, unit: Unit, t: TimeMention, times: list[TimeMention], *,
                    source: str, linear: bool,
                    air_cue: bool, row: bool, heading: bool, not_air: bool,
                    only_streaming: bool) -> float:
        score = {"explicit": 0.55, "heading": 0.6, "relative": 0.45, "weekday": 0.4,
                 "context": 0.4}.get(source, 0.3)
        if linear:
            score += 0.25
        if air_cue:
            score += 0.2
        if row or heading:
            score += 0.2
        if unit.is_short:
            score += 0.1
        if not_air:
            score -= self._not_air_penalty(unit, t, times)
        if only_streaming:
            score -= 0.5
            if _TO_STREAM.search(self.text, max(unit.start, t.start - 60), t.start):
                score -= 0.3  # "available to stream on ITVX from 6am": a release, not a slot
        return max(0.0, min(1.0, score))

    def _not_air_penalty(self, unit: Unit, t: TimeMention, times: list[TimeMention]) -> float:
        """How much the unit's "not an air time" words ("kick-off", "posted", "said") count
        against ``t``. A cue belongs to the time nearest it: in "kick-off 3.45pm, live on BBC One
        from 3pm" it marks 3.45pm, not 3pm."""
        cues = list(NOT_AIR_CUES.finditer(self.text, unit.start, unit.end))

        def gap(c: re.Match[str], x: TimeMention) -> int:
            # A cue usually introduces the time after it ("Doors open at 10am"), so a time
            # before the cue is treated as farther away than it is.
            return x.start - c.end() if x.start >= c.end() else c.start() - x.end + 30

        mine = [c for c in cues if min((gap(c, x) for x in times), default=0) == gap(c, t)]
        if not mine:
            return 0.1
        if any(c.end() <= t.start and _CUE_THEN_TIME.fullmatch(self.text, c.end(), t.start)
               for c in mine):
            return 1.0  # "throw-in 5.45pm", "doors open at 7pm": the cue names this time
        if any(c.end() <= t.start and t.start - c.start() <= 60 for c in mine) or unit.is_short:
            return 0.6
        return 0.3

    def _date_only(self, index: int, unit: Unit, dates: list[DateMention],
                   groups: list[tuple[int, int, list[Channel | str], list[str]]],
                   air_cue: bool, ctx: _Context) -> list[Slot]:
        if not air_cue or self._has_cue(self._not_air_cues, unit):
            return []
        if not _DATE_ONLY_VERB.search(unit.text):
            return []
        out = []
        for d in dates:
            value, mismatch = self._resolve(d)
            if value is None or self.reference is None:
                continue
            if _DATELINE_BEFORE.search(self.text, max(unit.start, d.start - 80), d.start) \
                    or (d.year is not None and value == self.reference):
                continue  # "PASADENA, CA - February 9, 2019 - AMC announced": the release's date
            if not _DATE_ONLY_VERB.search(self.text, max(unit.start, d.start - 80),
                                          min(unit.end, d.end + 40)):
                continue  # the broadcasting verb is about another part of the sentence
            if value < self.reference or (value - self.reference).days > 400:
                continue
            linear = [ch for g in groups for ch in g[2]] or self._fallback_channels(index, ctx)
            out.append(Slot(unit=unit, day=value, feeds=[Feed(0, 0, False, None)],
                            time_known=False, channels=linear, on_demand=[],
                            confidence=0.6, repeat=False, time_span=(d.start, d.end),
                            date_source="explicit", weekday_mismatch=mismatch,
                            year_printed=d.year is not None))
        return out


def _weekday_after(day: dt.date, weekday: int) -> dt.date:
    """The first ``weekday`` strictly after ``day``."""
    return day + dt.timedelta(days=(weekday - day.weekday() - 1) % 7 + 1)


# "the following Wednesday", "repeated on Friday", "replayed Saturday": a day after the airing
# just described.
_FOLLOWING_BEFORE = re.compile(
    r"(?:\b(?:the\s+)?following|\b(?:repeat(?:ed|s)?|re-?air(?:s|ed)?|replay(?:ed|s)?|"
    r"encore|shown again|seen again)(?:\s+(?:on|each|every))?)\s+\Z", re.IGNORECASE)
_NEXT_DAY = re.compile(r"\b(?:the\s+)?following\s+(?:morning|day|afternoon|evening|night)"
                       r"\b(?:\s+at)?\s*\Z", re.IGNORECASE)
# "All times ET/PT.", "All times are Eastern": a listing's zones, printed once above it.
_ALL_TIMES = re.compile(r"\bAll times(?: are| listed| shown)?(?: in)?\s+(?P<zones>[A-Z]{2,4}"
                        r"(?:\s*/\s*[A-Z]{2,4})?)\b(?!\s*\d)", re.IGNORECASE)


def _stated_zones(text: str) -> list[str | None]:
    """The zone labels an "All times ET/PT" line gives every time printed without one."""
    m = _ALL_TIMES.search(text) if "ll times" in text or "LL TIMES" in text else None
    if m is None:
        return []
    labels = [z.strip() for z in m.group("zones").split("/")]
    if not all(z.upper() in ZONE_WORDS for z in labels):
        return []
    return list(dict.fromkeys(labels))


_TO_STREAM = re.compile(r"\b(?:stream(?:s|ing)?|download|on demand|box ?set)\b", re.IGNORECASE)
_INDEFINITE = re.compile(r"\ban?\s+\Z", re.IGNORECASE)
_SIMULCAST_BEFORE = re.compile(r"\bsimulcast(?:\s+live)?\s+(?:on|across)\s+\Z", re.IGNORECASE)
_SAME_TIME_AFTER = re.compile(r"[^.;\n]{0,30}?\bsame time\b")
_POSSESSIVE = re.compile(r"[’']s\b")
_CUE_THEN_TIME = re.compile(r"[\s:\u2013-]*(?:(?:is|at|of|from|set for|scheduled for)\s+)?")

_NA_OFFSETS = {"E": 0.0, "C": -1.0, "M": -2.0, "P": -3.0, "A": 1.0, "N": 1.5}


def _region(label: str | None) -> str | None:
    """North American zone words by region letter: "ET", "EST", "Eastern" -> "E"."""
    if not label:
        return None
    word = label.upper().replace(".", "")
    if word in {"ET", "EST", "EDT", "EASTERN", "CT", "CST", "CDT", "CENTRAL", "MT", "MST", "MDT",
                "MOUNTAIN", "PT", "PST", "PDT", "PACIFIC", "AT", "AST", "ADT", "ATLANTIC", "NT",
                "NST", "NDT", "NEWFOUNDLAND"}:
        return word[0]
    return None


def _same_instant(a: Feed, b: Feed) -> bool:
    """Do two printed feeds name one instant ("9 p.m. ET/8 p.m. CT")? North American zones
    keep fixed differences all year, so the wall times alone tell."""
    ra, rb = _region(a.zone_label), _region(b.zone_label)
    if ra is None or rb is None:
        return False
    wall_a = a.hour * 60 + a.minute + (1440 if a.next_day else 0)
    wall_b = b.hour * 60 + b.minute + (1440 if b.next_day else 0)
    diff = (wall_a - wall_b) % 1440
    expected = round((_NA_OFFSETS[ra] - _NA_OFFSETS[rb]) * 60) % 1440
    return diff == expected


_WEEKNIGHTS = re.compile(r"\b(?:weeknights|weekdays|Monday to Friday|Mondays to Fridays|"
                         r"Monday-Friday|Mon-Fri)\b", re.IGNORECASE)
_NIGHTLY = re.compile(r"\b(?:nightly|every night|each night|every day|daily)\b", re.IGNORECASE)


def recurrence_rule(unit: Unit) -> str | None:
    """"weeknights at 6pm" -> weekdays; "nightly" -> every day; else None."""
    body = unit.text
    low = body.lower()  # the words each pattern needs (see recurrence_hint)
    if "\u017f" in body or "\u0131" in body or "\u0130" in body:
        low = "week mon night every day daily"
    if ("week" in low or "mon" in low) and _WEEKNIGHTS.search(body):
        return "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
    if ("night" in low or "every day" in low or "daily" in low) and _NIGHTLY.search(body):
        return "FREQ=DAILY"
    return None


def recurrence_hint(text: str, unit: Unit, *, next_unit: Unit | None = None
                    ) -> tuple[bool, int | None]:
    """Does the unit state a weekly run ("weekly", "Sundays at", "for 8 weeks")? And its count."""
    body = unit.text
    # Each pattern needs one of a few words; substring tests on the lower-cased text skip the
    # scans that cannot match. IGNORECASE also folds "ſ", "ı", "İ" onto ASCII letters: a text
    # holding one of them is scanned in full.
    low = body.lower()
    if "\u017f" in body or "\u0131" in body or "\u0130" in body:
        low = "week regular continue episode night part"
    weekly = (("week" in low or "regular" in low) and _WEEKLY.search(body) is not None) \
        or ("days" in body and _PLURAL_WEEKDAY.search(body) is not None) \
        or ("continue" in low and _CONTINUES_FOR.search(body) is not None)
    count = None
    m = _COUNT.search(body) if "week" in low or "episode" in low or "night" in low \
        or "part" in low else None
    if m:
        n = m.group("n") or m.group("n2") or m.group("n3")
        count = _word_number(n) if n else None
        if count is not None and not 2 <= count <= 52:
            count = None
    return weekly, count


__all__ = ["ChannelMention", "Slot", "SlotFinder", "recurrence_hint"]
