"""The assembler: a :class:`Document` becomes a :class:`Release`.

Steps: split into units; find the release date; find slots (day + time + channels); name each
slot's programme; turn slots into zone-aware :class:`Airing` records (one per linear channel and
per printed feed: "9pm ET/PT" is two); merge mentions of the same broadcast; mark later
screenings of the same programme as repeats; read stated recurring slots; read contacts.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from schedules import channels as channel_tables
from schedules.channels import Channel
from schedules.extract.contacts import find_contacts
from schedules.extract.programmes import (
    ProgrammeFinder,
    TitleGuess,
    headline_title,
    tidy_case,
    title_like,
    unlabelled,
    without_run_note,
)
from schedules.extract.released import find_release_date, url_date, url_date_in_text
from schedules.extract.slots import Slot, SlotFinder, recurrence_hint, recurrence_rule
from schedules.extract.temporal import find_dates, make_date, year_from_weekdays
from schedules.extract.units import Unit, split_units
from schedules.model import (
    Airing,
    Evidence,
    Programme,
    Recurrence,
    Release,
    Span,
    Warning_,
)
from schedules.read import Document
from schedules.zones import Country, localize, resolve_zone, zone_word
from schedules.zones import country as country_info

MAX_TEXT = 400_000
"""Characters of text the extractors read; longer documents are cut with a warning."""

CONFIDENCE_THRESHOLD = 0.6
_LOCAL_LISTINGS = re.compile(r"\b(?:check (?:your )?local (?:listings|guides?)|"
                             r"times (?:may )?vary(?: by (?:station|market|region))?)\b",
                             re.IGNORECASE)
MAX_SLOTS = 2_000
"""A press release states tens of air times; more than this is a listing dump or an attack."""


def extract(document: Document, *, reference_date: dt.date | None = None, country: str = "AU",
            today: dt.date | None = None, source: str | None = None,
            channel_files: Iterable[Path] = ()) -> Release:
    """Read every fact the document states about broadcasts and contacts.

    ``reference_date`` stands in for the release date when the text prints none; ``today``
    bounds the year guessed from printed weekdays when neither is known (the core never reads
    the clock itself).
    """
    info = country_info(country)
    text = document.text
    warnings: list[Warning_] = []
    if len(text) > MAX_TEXT:
        warnings.append(Warning_("truncated", f"only the first {MAX_TEXT:,} characters of "
                                              f"{len(text):,} were read"))
        text = text[:MAX_TEXT]
    table = channel_tables.table(info.code, channel_files)
    units = split_units(text)

    all_dates = find_dates(text, day_first=info.day_first)
    released = find_release_date(text, day_first=info.day_first, dates=all_dates) \
        or document.date_hint
    inferred: Warning_ | None = None
    reference = released or reference_date
    basis = (f"the release date ({released:%-d %B %Y})" if released
             else f"the reference date ({reference_date:%-d %B %Y})" if reference_date
             else "the printed weekdays")
    if reference is None:
        from_url = url_date(document.url) or url_date_in_text(text)
        if from_url is not None:
            reference = from_url
            basis = f"the date in the page address ({from_url:%-d %B %Y})"
            inferred = Warning_("year-inferred", f"no release date printed: "
                                                 f"{from_url:%-d %B %Y} taken from the page "
                                                 f"address")
    if reference is None:
        year = year_from_weekdays(all_dates,
                                  latest=(today or dt.date(2100, 12, 31)).year)
        if year is not None:
            first = next((d for d in all_dates
                          if d.weekday is not None and d.year is None), None)
            if first is not None:
                reference = dt.date(year, first.month, first.day)
                basis = f"the printed weekdays ({year} is the latest year they all fit)"
                inferred = Warning_("year-inferred",
                                    f"no release date: the year {year} is the latest that fits "
                                    f"every printed weekday")
    if reference is None:
        warnings.append(Warning_("no-reference-date",
                                 "no release date found and none given: dates without a "
                                 "year cannot be placed"))

    full_dates = []
    for d in all_dates:
        if d.year is not None:
            value, _ = make_date(d, None)
            if value is not None:
                full_dates.append((d, value))

    finder = SlotFinder(text, units, channels=table, reference=reference,
                        day_first=info.day_first, full_dates=full_dates, all_dates=all_dates)
    slots = [s for s in finder.find() if s.confidence >= CONFIDENCE_THRESHOLD]
    if len(slots) > MAX_SLOTS:
        warnings.append(Warning_("too-many-airings", f"{len(slots):,} air times found; only the "
                                                     f"first {MAX_SLOTS:,} were kept"))
        slots = slots[:MAX_SLOTS]

    headline = document.title or _first_line(text)
    programmes = ProgrammeFinder(text, units, channels=table, headline=headline)
    titles = _name_slots(slots, units, programmes, headline, text)

    airings, recurrences = _records(slots, titles, units, table, info, text, warnings)
    airings = _merge(airings)
    airings = _mark_repeats(airings)

    on_demand: list[str] = []
    for a in airings:
        for s in a.on_demand:
            if s not in on_demand:
                on_demand.append(s)

    _assumption_warnings(slots, airings, basis, info, warnings)
    if inferred is not None and not any(w.code == "year-inferred" for w in warnings):
        warnings.append(inferred)
    # Every match holds "local" or "vary" (letters IGNORECASE folds only onto their ASCII
    # partners), so a substring test on the lower-cased text skips the scan in most releases.
    lowered = text.lower() if airings else ""
    local = _LOCAL_LISTINGS.search(text) if "local" in lowered or "vary" in lowered else None
    if local and airings:
        warnings.append(Warning_(
            "local-listings",
            f"the release says times vary by station (\u201c{local.group(0)}\u201d): the "
            f"times read are the network's schedule", Span(local.start(), local.end())))
    programme_records = _programmes(airings, programmes, units, text)
    if not airings:
        warnings.append(Warning_("no-airings", "no air times found in this document"))
    contacts = find_contacts(text, country=info)
    return Release(
        text=document.text, format=document.format, country=info.code, source=source,
        title=headline, released=released or reference_date, url=document.url,
        programmes=tuple(programme_records), airings=tuple(airings),
        recurrences=tuple(recurrences), contacts=tuple(contacts), on_demand=tuple(on_demand),
        warnings=tuple(warnings), content=text,
    )


def _assumption_warnings(slots: list[Slot], airings: list[Airing], basis: str, info: Country,
                         warnings: list[Warning_]) -> None:
    """Say which ambiguities were resolved: years not printed, zones not printed."""
    yearless = sorted({s.day.year for s in slots if not s.year_printed})
    if yearless:
        n = sum(1 for s in slots if not s.year_printed)
        warnings.append(Warning_(
            "year-inferred",
            f"{n} air date{'s' if n != 1 else ''} printed without a year: "
            f"{', '.join(map(str, yearless))} taken from {basis}"))
    zoneless = sorted({a.timezone for a in airings if a.time_known and a.zone_label is None})
    if zoneless:
        warnings.append(Warning_(
            "zone-assumed",
            f"times printed without a time zone are read as local time in "
            f"{', '.join(zoneless)} (the broadcaster's home zone for {info.code})"))


def _first_line(text: str) -> str | None:
    """The first line that is not blank, stripped (found without splitting the whole text)."""
    first = _NOT_SPACE.search(text)
    if first is None:
        return None
    start = text.rfind("\n", 0, first.start()) + 1
    end = text.find("\n", first.start())
    return text[start:end if end >= 0 else len(text)].strip()[:200]


_NOT_SPACE = re.compile(r"\S")


def _name_slots(slots: list[Slot], units: list[Unit], finder: ProgrammeFinder,
                headline: str | None, text: str) -> list[TitleGuess | None]:
    index = {u.start: i for i, u in enumerate(units)}
    guesses: list[TitleGuess | None] = []
    in_unit: dict[tuple[int, tuple[int, int]], TitleGuess | None] = {}
    previous: tuple[int, TitleGuess] | None = None  # the last named slot: (unit index, guess)
    nearby: dict[int, TitleGuess | None] = {}  # by unit index: what the units above name

    def named_elsewhere(slot: Slot, i: int) -> TitleGuess | None:
        if i not in nearby:
            nearby[i] = _title_above(i, finder)
        return nearby[i] or _title_elsewhere(slot, i, finder, headline, previous)

    for slot in slots:
        where = (slot.unit.start, slot.time_span)  # one time on several days: one reading
        if where not in in_unit:
            in_unit[where] = finder.in_unit(slot.unit, slot.time_span)
        guess = in_unit[where]
        i = index.get(slot.unit.start, 0)
        episode = finder.episode_lead(slot.unit)
        if episode is None and guess is None:
            # under an "Ep 1 - Dry Start" heading: the episode, the programme named above
            heading = finder.heading_before(i)
            episode = finder.episode_line(heading) if heading else None
        if episode is not None and (guess is None or guess.episode is None):
            # "Part One: “Across the Sierra” — Tuesday 9pm": the programme is named above.
            above = named_elsewhere(slot, i)
            if above is not None and above.programme != episode:
                guess = TitleGuess(above.programme, episode, "episode-line")
        if guess is None:
            guess = named_elsewhere(slot, i)
        if guess is not None:
            previous = (i, guess)
        guesses.append(guess)
    known = {g.programme.casefold() for g in guesses if g and g.source not in ("headline",)}
    out: list[TitleGuess | None] = []
    cache: dict[tuple[str, str | None], tuple[str, str | None]] = {}
    for g in guesses:
        if g is None:
            out.append(None)
            continue
        key = (g.programme, g.episode)
        if key not in cache:
            programme, episode = g.programme, g.episode
            if episode is None:
                split = finder.split(programme, known)
                programme, episode = split.programme, split.episode
            cache[key] = (tidy_case(programme, text),
                          tidy_case(episode, text) if episode else None)
        out.append(TitleGuess(*cache[key], g.source))
    # A programme named in one place and split with an episode in another shares the episode.
    episodes: dict[str, str] = {}
    for g in out:
        if g and g.episode:
            episodes.setdefault(g.programme.casefold(), g.episode)
    return [TitleGuess(g.programme, g.episode or episodes.get(g.programme.casefold()), g.source)
            if g else None for g in out]


def _title_above(i: int, finder: ProgrammeFinder) -> TitleGuess | None:
    """What the units above unit ``i`` name, nearest first: a programme named earlier in its
    paragraph, the heading above it (an episode heading under a series heading gives both), a
    programme named a few units up."""
    named = finder.in_context(i, max_back=4, same_paragraph=True)
    if named:
        return TitleGuess(named, None, "context")
    heading = finder.heading_before(i)
    heading = finder.without_channel_label(unlabelled(heading)) if heading else None
    if heading and title_like(heading) and finder.not_channel(heading) \
            and finder.episode_line(heading) is None:
        heading = without_run_note(heading)
        series = finder.series_above(i)
        if series and series != heading:
            return TitleGuess(series, heading, "heading")
        return TitleGuess(heading, finder.episode_above(i), "heading")
    named = finder.in_context(i, max_back=8, same_paragraph=False)
    if named:
        return TitleGuess(named, None, "context")
    return None


def _title_elsewhere(slot: Slot, i: int, finder: ProgrammeFinder, headline: str | None,
                     previous: tuple[int, TitleGuess] | None) -> TitleGuess | None:
    """When nothing above names one: the programme of the slot just above ("The race can be
    seen again on BBC One from 1.15pm"), the headline (when it reads as a title, not a date,
    byline or news sentence), the first programme the release names."""
    if previous is not None and 0 <= i - previous[0] <= 20:
        return TitleGuess(previous[1].programme, previous[1].episode, "previous")
    named = headline_title(headline) if headline and headline.strip() not in slot.unit.text \
        else None
    if named:
        return TitleGuess(finder.without_channel_label(named), None, "headline")
    named = finder.main_title()
    if named:
        return TitleGuess(named, None, "release")
    return None


def _channel_name(ch: Channel | str) -> str:
    return ch.name if isinstance(ch, Channel) else ch


def _records(slots: list[Slot], titles: list[TitleGuess | None], units: list[Unit],
             table: channel_tables.ChannelTable, info: Country, text: str,
             warnings: list[Warning_]) -> tuple[list[Airing], list[Recurrence]]:
    airings: list[Airing] = []
    recurrences: list[Recurrence] = []
    counts: dict[int, int | None] = {}
    evidences: dict[int, Evidence] = {}  # by unit start: slots share units
    localized: dict[tuple[dt.datetime, str], dt.datetime] = {}  # channels share times
    hints: dict[int, tuple[bool, int | None]] = {}  # by unit start: slots share units
    daily_rules: dict[int, str | None] = {}

    def hint(u: Unit) -> tuple[bool, int | None]:
        if u.start not in hints:
            hints[u.start] = recurrence_hint(text, u)
        return hints[u.start]

    for slot, title in zip(slots, titles, strict=True):
        programme = title.programme if title else None
        episode = title.episode if title else None
        channels: list[Channel | str | None] = [*slot.channels] or [None]
        evidence = evidences.get(slot.unit.start)
        if evidence is None:
            evidence = evidences[slot.unit.start] = Evidence(
                Span(slot.unit.start, slot.unit.end), slot.unit.text)
        if slot.weekday_mismatch:
            warnings.append(Warning_(
                "weekday-mismatch",
                f"the weekday printed with {slot.day:%-d %B %Y} does not match the calendar "
                f"(it is a {slot.day:%A}); the date was kept",
                Span(slot.unit.start, slot.unit.end)))
        weekly, count = hint(slot.unit)
        if slot.unit.start not in daily_rules:
            daily_rules[slot.unit.start] = recurrence_rule(slot.unit)
        daily_rule = daily_rules[slot.unit.start]
        if count is None and weekly:
            if slot.unit.paragraph not in counts:
                found = [hint(u)[1] for u in units if u.paragraph == slot.unit.paragraph]
                counts[slot.unit.paragraph] = next((c for c in found if c), None)
            count = counts[slot.unit.paragraph]
        on_demand = tuple(slot.on_demand)
        for ch in channels:
            home = info.home_zone
            if isinstance(ch, Channel) and ch.zone:
                home = ch.zone
            name = _channel_name(ch) if ch is not None else None
            for feed in slot.feeds:
                day = slot.day + _ONE_DAY if feed.next_day else slot.day
                wall = dt.datetime.combine(day, dt.time(feed.hour, feed.minute))
                word = zone_word(feed.zone_label, country_code=info.code) \
                    if feed.zone_label else None
                zone = resolve_zone(word, home=home, wall=wall)
                # a date-only slot starts at midnight of its day
                local = wall if slot.time_known else dt.datetime.combine(slot.day, dt.time())
                if (local, zone) not in localized:
                    localized[local, zone] = localize(local, zone)
                start = localized[local, zone]
                end = None
                if feed.end is not None:
                    eh, em, end_next = feed.end
                    end_day = day + _ONE_DAY if end_next else day
                    end_wall = dt.datetime.combine(end_day, dt.time(eh, em))
                    if end_wall <= wall:
                        end_wall += dt.timedelta(days=1)
                    end = localize(end_wall, zone)
                if not slot.recurring_only:
                    airings.append(Airing(
                        programme=programme, episode=episode, channel=name, start=start,
                        timezone=zone, end=end, time_known=slot.time_known,
                        repeat=slot.repeat, on_demand=on_demand,
                        zone_label=feed.zone_label, confidence=slot.confidence,
                        evidence=evidence,
                    ))
                rule = None
                if daily_rule and slot.time_known and slot.recurrence is None:
                    rule = daily_rule + (f";COUNT={count}" if count else "")
                elif slot.recurrence is not None:
                    freq, n = slot.recurrence
                    n = n or (count if freq == "FREQ=WEEKLY" else None)
                    rule = f"{freq};COUNT={n}" if n else freq
                elif weekly and slot.time_known:
                    rule = "FREQ=WEEKLY" + (f";COUNT={count}" if count else "")
                if rule and slot.time_known:
                    recurrences.append(Recurrence(
                        programme=programme, episode=None, channel=name, first=start,
                        rule=rule, timezone=zone, repeat=slot.repeat, evidence=evidence))
    return airings, _unique(recurrences)


_ONE_DAY = dt.timedelta(days=1)


def _unique(recurrences: list[Recurrence]) -> list[Recurrence]:
    seen: set[tuple[str | None, str | None, dt.datetime, str]] = set()
    out = []
    for r in recurrences:
        key = (r.programme, r.channel, r.first, r.rule)
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def _merge(airings: list[Airing]) -> list[Airing]:
    """One broadcast mentioned twice is one airing: the same instant on the same channel (or
    one mention names no channel), for the same programme (or one names none), keeping the
    richer details of both mentions."""
    out: list[Airing] = []
    index: dict[tuple[dt.datetime, bool], list[int]] = {}
    for a in airings:
        match = None
        for i in index.get((a.start, a.time_known), []):
            b = out[i]
            if a.channel and b.channel and a.channel.casefold() != b.channel.casefold():
                continue
            if a.start.utcoffset() != b.start.utcoffset():
                continue  # one instant read on two clocks ("8 p.m. (8:30 NT)") is two feeds
            match = i
            break
        if match is None:
            index.setdefault((a.start, a.time_known), []).append(len(out))
            out.append(a)
            continue
        b = out[match]
        keep = a if a.programme and (not b.programme or a.confidence > b.confidence) else b
        out[match] = Airing(
            programme=keep.programme,
            episode=keep.episode or b.episode or a.episode,
            channel=b.channel or a.channel,
            start=b.start, timezone=b.timezone,
            end=b.end or a.end, time_known=b.time_known, repeat=b.repeat and a.repeat,
            on_demand=tuple(dict.fromkeys([*b.on_demand, *a.on_demand])),
            zone_label=b.zone_label or a.zone_label, status=b.status,
            confidence=max(a.confidence, b.confidence), evidence=b.evidence,
        )
    # A date-only mention of a day that also has a timed airing of the programme adds nothing.
    if all(a.time_known for a in out):
        return out  # (most releases: every mention has a time)
    timed_days = {(a.programme, a.local_start.date()) for a in out if a.time_known}
    return [a for a in out
            if a.time_known or (a.programme, a.local_start.date()) not in timed_days]


def _mark_repeats(airings: list[Airing]) -> list[Airing]:
    """Later screenings of the same programme and episode are repeats. Simulcasts (the same
    instant on another channel) and other feeds of one broadcast (ET/PT) are not."""
    firsts: dict[tuple[str, str], dt.datetime] = {}
    for a in sorted(airings, key=lambda x: x.start):
        if not a.programme or not a.episode or not a.time_known:
            continue
        key = (a.programme.casefold(), a.episode.casefold())
        firsts.setdefault(key, a.start)
    out = []
    for a in airings:
        repeat = a.repeat
        if a.programme and a.episode and a.time_known:
            first = firsts[(a.programme.casefold(), a.episode.casefold())]
            if a.start - first > dt.timedelta(hours=4) and a.local_start.date() != \
                    first.astimezone(a.local_start.tzinfo).date():
                repeat = True
        if repeat != a.repeat:
            a = Airing(programme=a.programme, episode=a.episode, channel=a.channel,
                       start=a.start, timezone=a.timezone, end=a.end, time_known=a.time_known,
                       repeat=repeat, on_demand=a.on_demand, zone_label=a.zone_label,
                       status=a.status, confidence=a.confidence, evidence=a.evidence)
        out.append(a)
    return sorted(out, key=lambda x: (x.start, x.channel or ""))


_CLOCK_TIME = re.compile(r"\d{1,2}(?:[.:]\d\d)?\s?[ap]\.?m\b")
_BODY_BREAK = re.compile(r"@|\b(?:contact|phone|tel|mob|e-?mail)\b", re.IGNORECASE)
# Every match of _BODY_BREAK holds "@" or one of these words in any case; the only other
# characters IGNORECASE folds onto their letters are "İ" and "ı" (onto the "i" of "mail").
_BODY_BREAK_WORDS = ("contact", "phone", "tel", "mob", "mail")


def _body_break(text: str) -> bool:
    """``_BODY_BREAK.search(text)``, scanned only when the words it needs occur."""
    if "@" in text or "\u0130" in text or "\u0131" in text:
        return _BODY_BREAK.search(text) is not None
    low = text.lower()
    for word in _BODY_BREAK_WORDS:
        if word in low:
            return _BODY_BREAK.search(text) is not None
    return False


def _programmes(airings: list[Airing], finder: ProgrammeFinder, units: list[Unit],
                text: str) -> list[Programme]:
    seen: Counter[tuple[str, str | None]] = Counter()
    order: list[tuple[str, str | None]] = []
    for a in airings:
        if a.programme:
            key = (a.programme, a.episode)
            if key not in seen:
                order.append(key)
            seen[key] += 1
    presenter = finder.presenter() if order else None
    firsts: dict[tuple[str, str | None], Airing] = {}
    for a in airings:
        if a.programme:
            firsts.setdefault((a.programme, a.episode), a)
    starts = [u.start for u in units]
    out = []
    for title, episode in order[:50]:
        synopsis = _synopsis(firsts[(title, episode)], units, starts)
        out.append(Programme(title=title, episode=episode, presenter=presenter,
                             synopsis=synopsis))
    return out


def _synopsis(airing: Airing, units: list[Unit], starts: list[int]) -> str | None:
    if airing.evidence is None:
        return None
    first = bisect.bisect_left(starts, airing.evidence.span.end)
    after = units[first:first + 40]
    for u in after[:6]:
        if len(u.text) >= 80 and not _body_break(u.text) \
                and not _CLOCK_TIME.search(u.text):
            paragraph = [x.text for x in after if x.paragraph == u.paragraph]
            synopsis = " ".join(paragraph).strip()
            return synopsis[:1000]
    return None
