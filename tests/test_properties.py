"""Properties over generated input: the parser never raises on any text, every time it returns
is timezone-aware, and an air time written in any supported style reads back as itself."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from schedules.errors import InputError
from schedules.export.listing import release_dict
from schedules.extract import extract
from schedules.read import read_document

FAST = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])

# Text that looks a little like a release: words, numbers, dates, times, zones, channels,
# punctuation and odd characters, so the generator reaches the interesting code paths.
TOKENS = st.sampled_from([
    "Sunday", "Tuesdays", "13", "January", "Jan.", "2019", "8pm", "8.30", "p.m.", "20:00",
    "midnight", "midday", "tonight", "tomorrow", "this", "from", "to", "-", "–", "/", "9/8c",
    "ET/PT", "(9:30 NT)", "AEDT", "in WA", "ABC", "BBC Two", "on", "at", "airs", "weekly",
    "for", "eight", "weeks", "weeknights", "Contact:", "T:", "0412 345 678", "@", "x@y.example",
    "\n", "\n\n", "\f", ",", ".", ":", "&", "99999999999999999999", "31/02/2019", "00:61",
    "Posted", "kick-off", "<p>", "</p>", "<b>", "From: a@b.example\n", "Subject: s\n",
    "broad-\ncast", "Page 1 of 2", "\u200b", "\u00a0", "é", "Ω", "🙂", "\t",
])
RELEASE_LIKE = st.lists(TOKENS | st.text(max_size=12), max_size=80).map(" ".join)


def _check(data: str | bytes, fmt: str | None = None) -> None:
    try:
        doc = read_document(data, format_in=fmt)
    except InputError:
        return  # binary-looking input is refused with a precise error; that is the contract
    release = extract(doc, reference_date=dt.date(2019, 1, 2), country="AU")
    for a in release.airings:
        assert a.start.tzinfo is not None and a.start.utcoffset() is not None
        assert a.end is None or a.end.utcoffset() is not None
    for r in release.recurrences:
        assert r.first.utcoffset() is not None
    release_dict(release)  # and it serialises


@FAST
@given(st.text(max_size=2000))
def test_any_unicode_text_never_raises(text: str) -> None:
    _check(text)


@FAST
@given(RELEASE_LIKE, st.sampled_from([None, "text", "markdown", "html", "email", "pdf"]))
def test_release_like_text_in_any_format_never_raises(text: str, fmt: str | None) -> None:
    _check(text, fmt)


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=3000))
def test_any_bytes_never_raise_anything_but_an_input_error(data: bytes) -> None:
    _check(data)


@settings(max_examples=20, deadline=None)
@given(TOKENS, st.integers(min_value=500, max_value=5000))
def test_long_runs_of_one_token_never_raise(token: str, n: int) -> None:
    _check((token + " ") * n)


# -- round trip --------------------------------------------------------------------------------

AP_MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
             "Nov.", "Dec."]


def _h12(t: dt.datetime) -> int:
    return t.hour % 12 or 12


def _mer(t: dt.datetime, dotted: bool) -> str:
    am = t.hour < 12
    return ("a.m." if am else "p.m.") if dotted else ("am" if am else "pm")


def time_styles(t: dt.datetime) -> list[str]:
    styles = [
        f"{_h12(t)}.{t.minute:02d}{_mer(t, False)}",     # 8.05pm
        f"{_h12(t)}.{t.minute:02d} {_mer(t, False)}",    # 8.05 pm
        f"{_h12(t)}:{t.minute:02d} {_mer(t, True)}",     # 8:05 p.m.
    ]
    if t.hour >= 13 or t.hour < 10:
        # 24-hour: "20:05", "07:30". "10:00" to "12:59" without am/pm could be either clock, so
        # the parser does not read them as air times in prose (see README, decisions).
        styles.append(f"{t.hour:02d}:{t.minute:02d}")
    if t.minute == 0:
        styles += [f"{_h12(t)}{_mer(t, False)}", f"{_h12(t)} {_mer(t, True)}"]  # 8pm, 8 p.m.
        if t.hour == 12:
            styles += ["midday", "noon"]
    return styles


def date_styles(d: dt.date, country: str) -> list[str]:
    wd, month = f"{d:%A}", f"{d:%B}"
    styles = [
        f"{wd} {d.day} {month}",                          # Tuesday 18 September
        f"{wd}, {month} {d.day}",                         # Tuesday, September 18
        f"{wd}, {AP_MONTHS[d.month - 1]} {d.day}, {d.year}",  # Tuesday, Sept. 18, 2018
        f"{d.day}{_ordinal(d.day)} {month[:3]}",          # 18th Sep
        f"{d.day} {month} {d.year}",                      # 18 September 2018
        f"{d:%Y-%m-%d}",                                  # 2018-09-18
    ]
    if country == "US":
        styles.append(f"{d.month}/{d.day}/{d.year}")      # 9/18/2018
    else:
        styles.append(f"{d.day:02d}/{d.month:02d}/{d.year}")  # 18/09/2018
    return styles


def _ordinal(n: int) -> str:
    return "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


COUNTRIES = {"AU": ("Australia/Sydney", "ABC TV"), "GB": ("Europe/London", "BBC Two"),
             "US": ("America/New_York", "NBC")}


@settings(max_examples=200, deadline=None)
@given(
    when=st.datetimes(min_value=dt.datetime(2005, 1, 1), max_value=dt.datetime(2035, 12, 31)),
    country=st.sampled_from(sorted(COUNTRIES)),
    lead_days=st.integers(min_value=0, max_value=60),
    pick=st.data(),
)
def test_a_time_written_in_any_supported_style_reads_back_as_itself(
        when: dt.datetime, country: str, lead_days: int, pick: st.DataObject) -> None:
    when = when.replace(second=0, microsecond=0)
    zone, channel = COUNTRIES[country]
    tz = ZoneInfo(zone)
    aware = when.replace(tzinfo=tz)
    assume(aware.astimezone(dt.UTC).astimezone(tz).replace(tzinfo=None) == when)  # not a DST gap
    time_text = pick.draw(st.sampled_from(time_styles(when)), label="time")
    date_text = pick.draw(st.sampled_from(date_styles(when.date(), country)), label="date")
    order = pick.draw(st.booleans(), label="time first")
    phrase = f"at {time_text} on {date_text}" if order else f"on {date_text} at {time_text}"
    text = f"Harbour Lights airs {phrase} on {channel}."
    release = extract(read_document(text), country=country,
                      reference_date=when.date() - dt.timedelta(days=lead_days))
    assert [(a.local_start.replace(tzinfo=None), a.timezone, a.channel)
            for a in release.airings] == [(when, zone, channel)], text


CUE_WORDS = st.sampled_from(["Airs", "AIRING", "TX", "tx", "Premieres", "posted", "POSTED",
                             "WHEN:", "when:", "Kick-Off", "said", "RSVP", "craoladh", " ", "air",
                             "chair", "WHEN:posted", "_", "airs@",
                             "\n", "é", "É", "Ω", "İ", "\u212a", "ß", "x", "@", "-", "again",
                             "On Air"])


@settings(max_examples=150, deadline=None)
@given(st.lists(CUE_WORDS | st.text(max_size=5), max_size=40).map(" ".join))
def test_the_fast_cue_scan_finds_what_the_case_insensitive_pattern_finds(text: str) -> None:
    from schedules.extract.lexicon import (
        AIR_CUES,
        AIR_CUES_LOWER,
        NOT_AIR_CUES,
        NOT_AIR_CUES_LOWER,
        air_cue_starts,
        ascii_lower,
        not_air_cue_starts,
    )

    low = ascii_lower(text)
    assert len(low) == len(text)
    for slow, fast in ((AIR_CUES, AIR_CUES_LOWER), (NOT_AIR_CUES, NOT_AIR_CUES_LOWER)):
        assert [m.span() for m in fast.finditer(low)] == [m.span() for m in slow.finditer(text)]
    assert air_cue_starts(low) == [m.start() for m in AIR_CUES.finditer(text)]
    assert not_air_cue_starts(low) == [m.start() for m in NOT_AIR_CUES.finditer(text)]


NAME_WORDS = st.sampled_from(["Mon", "Monday", "MONDAY", "Mondays", "Tue", "Tues", "Tuesday",
                              "Thur", "Thurs.", "Thu", "Sept", "Sep", "September", "SEPT",
                              "May", "may", "Dé Luain", "an Luan", "AN LUAN", "Meán Fómhair",
                              "Márta", "Mar.", "Marc", "a", "n", " ", ".", "s", "x", "day"])


@settings(max_examples=150, deadline=None)
@given(st.lists(NAME_WORDS, max_size=12).map("".join))
def test_the_trie_shaped_names_match_what_the_longest_first_alternation_matches(
        text: str) -> None:
    import re

    from schedules.extract.lexicon import (
        IRISH_MONTHS,
        IRISH_WEEKDAYS,
        MONTHS,
        WEEKDAYS,
        _variants,
        variant_forms,
    )

    for table in (MONTHS, WEEKDAYS, IRISH_MONTHS, IRISH_WEEKDAYS):
        flat = "|".join(re.escape(f) for f in sorted(variant_forms(list(table)), key=len,
                                                     reverse=True))
        for tail in ("", r"\.?(?![a-zA-Z])", r"s?\s"):
            slow = re.compile(f"(?:{flat}){tail}")
            fast = re.compile(f"(?:{_variants(list(table))}){tail}")
            assert [m.span() for m in fast.finditer(text)] == \
                [m.span() for m in slow.finditer(text)]


CHANNEL_WORDS = st.sampled_from(["ABC", "abc", "Abc", "ABC TV", "BBC Two", "bbc two", "BBC2",
                                 "RTÉ One", "rté one", "RTÉ2", "Māori Television", "ITV",
                                 "SBS", "Channel 4", "/", "+", "-", "_", " ", "\n", "x", "é",
                                 "İ", "ı", "ſ", "\u212a", "K", "ß", "ABC1", "9Go!", "7two"])


@settings(max_examples=200, deadline=None)
@given(st.lists(CHANNEL_WORDS, max_size=14).map("".join), st.integers(0, 30),
       st.integers(0, 60))
def test_the_fast_channel_scan_finds_what_the_case_insensitive_pattern_finds(
        text: str, start: int, length: int) -> None:
    from schedules.channels import table

    start = min(start, len(text))
    stop = min(len(text), start + length)
    for code in ("AU", "GB", "IE", "NZ", "US", "CA"):
        channels = table(code)
        slow = [m.span() for m in channels._pattern.finditer(text, start, stop)]
        assert channels._spans(text, start, stop) == slow


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["1", "2", "0", "9", "19", "20", "2019", "-", "/", "12", " ",
                                 "a", "–"]), max_size=16).map("".join))
def test_the_numeric_date_patterns_match_as_with_the_look_behind_in_front(text: str) -> None:
    import re

    from schedules.extract.temporal import DATE_PATTERNS

    iso = re.compile(r"(?<![\d-])(?P<iso>(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))"
                     r"(?![\d-])")
    dmy = re.compile(r"(?<![\d/])(?P<n1>\d{1,2})/(?P<n2>\d{1,2})/(?P<ny>(?:19|20)\d\d)(?![\d/])")
    for slow, fast in ((iso, DATE_PATTERNS[2]), (dmy, DATE_PATTERNS[3])):
        for pos in (0, 1, 3):
            assert [(m.span(), m.groupdict()) for m in fast.finditer(text, pos)] == \
                [(m.span(), m.groupdict()) for m in slow.finditer(text, pos)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["9", "12", "30", "2019", ":", ".", "-", "–", "pm", "p.m.",
                                 "am", " ", "midnight", "midday", "noon", "mid", "n", "m",
                                 "x", "/", "$", "8c", "tonight", "ET", "\n"]),
                max_size=16).map("".join), st.integers(0, 20), st.integers(0, 40))
def test_the_time_search_finds_what_the_plain_pattern_finds(text: str, pos: int,
                                                            length: int) -> None:
    from schedules.extract.temporal import _TIME, _search_time

    pos = min(pos, len(text))
    stop = min(len(text), pos + length)
    fast = _search_time(text, pos, stop)
    slow = _TIME.search(text, pos, stop)
    assert (fast.span() if fast else None) == (slow.span() if slow else None)
    assert (fast.groupdict() if fast else None) == (slow.groupdict() if slow else None)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Monday", "Mon", "Mondays", "Sunday", "Dé Luain", "an Luan",
                                 "on", "this", "every", "until", " ", "  ", "\n", "tonight",
                                 "Tomorrow", "TONIGHT", "today", "this evening", "t", "x",
                                 "-", "to", "Wednesday", "night", "s"]),
                max_size=14).map("".join), st.integers(0, 12), st.integers(0, 60))
def test_the_day_scan_finds_what_the_plain_patterns_find(text: str, start: int,
                                                         length: int) -> None:
    from schedules.extract.temporal import _RELATIVE, _WEEKDAY_WORD, find_days

    start = min(start, len(text))
    stop = min(len(text), start + length)
    plain = sorted([m.span() for m in _WEEKDAY_WORD.finditer(text, start, stop)]
                   + [m.span() for m in _RELATIVE.finditer(text, start, stop)])
    assert sorted((d.start, d.end) for d in find_days(text, start, stop)) == plain


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["WVIZ", "KQED", "WHYY TV", "WLIW21", "Channel 35", "Channel",
                                 " ", "\n", "on", "on ", "ABC", "and", ",", "/", "x", "-TV",
                                 "son", "TV", "9", "Kx"]),
                max_size=12).map("".join), st.integers(0, 8))
def test_the_unlisted_channel_patterns_match_as_with_the_look_behind_in_front(
        text: str, pos: int) -> None:
    import re

    from schedules.extract.slots import _GENERIC_CHANNEL, _ON_LIST

    generic = re.compile(
        r"(?<![\w/])(?:[KW][A-Z]{2,3}\d{0,3}(?:-(?:TV|DT|HD))?(?:\s+(?:TV\b|Channel\s+\d{1,3}))?"
        r"|Channel\s+\d{1,3})(?![\w])")
    on_list = re.compile(r"\bon\s+((?:[A-Z][A-Z0-9]{1,12}(?:\s+TV)?)(?:\s*(?:,|and|&)\s*"
                         r"[A-Z][A-Z0-9]{1,12}(?:\s+TV)?){0,6})")
    pos = min(pos, len(text))
    for slow, fast in ((generic, _GENERIC_CHANNEL), (on_list, _ON_LIST)):
        assert [(m.span(), m.groups()) for m in fast.finditer(text, pos)] == \
            [(m.span(), m.groups()) for m in slow.finditer(text, pos)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([".", "!", "?", " ", "  ", "\n", "\"", "”", ")", "A", "a", "(",
                                 "“", "‘", "Mr.", "x"]), max_size=16).map("".join),
       st.integers(0, 8), st.integers(0, 20))
def test_sentence_ends_are_found_as_with_the_look_behind(text: str, a: int, length: int) -> None:
    from schedules.extract.units import _SENTENCE_END, sentence_ends

    a = min(a, len(text))
    b = min(len(text), a + length)
    assert sentence_ends(text, a, b) == [m.span() for m in _SENTENCE_END.finditer(text, a, b)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["FOUR", "Four", "four", "CORNERS", " ", "É", "é", "İ", "ı",
                                 "ſ", "\u212a", "K", "ß", "’", "Σ", "σ", "x"]),
                max_size=12).map("".join),
       st.sampled_from(["FOUR CORNERS", "four", "É", "KÉ", "’S", "ΣΑ", "SS", "K", "IS"]))
def test_spelled_alike_finds_what_an_ignorecase_literal_finds(text: str, word: str) -> None:
    import re

    from schedules.extract.programmes import _spelled_alike

    assert _spelled_alike(word, text) == re.findall(re.escape(word), text, re.IGNORECASE)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([" ", "\n", ",", "(", "-", "–", "—", "to", "until", "in",
                                 "ET", "Eastern", "x", "a", "9", ".", "Time", "WA", "till",
                                 "/", ", 9", ")", "BBC", "AEDT", "ETX", "ET", "Pacific",
                                 "ABC", "in", "WA", "_", "é", "Perth", "perth"]),
                max_size=8).map("".join))
def test_nothing_can_follow_a_time_unless_the_quick_test_says_so(text: str) -> None:
    from schedules.extract.temporal import (
        _ALT_SEP,
        _FOLLOWS,
        _IN_REGION,
        _MAY_GO_ON,
        _RANGE_SEP,
        _ZONE_AFTER,
        _zone_at,
    )

    if _MAY_GO_ON.match(text) is None:
        assert _ZONE_AFTER.match(text) is None
        assert _IN_REGION.match(text) is None
        assert _RANGE_SEP.match(text) is None
    if _FOLLOWS.match(text) is None:
        assert _zone_at(text, 0, len(text)) == (None, 0)
        assert _RANGE_SEP.match(text) is None
        assert _ALT_SEP.match(text) is None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["airs", "is", "this", "on", "  ", " ", "\n", "Four", "son",
                                 "returns", "x", "screens", "ison", "on on"]),
                max_size=10).map("".join))
def test_the_verb_on_matches_are_those_of_the_on_pattern_with_a_verb(text: str) -> None:
    from schedules.extract.programmes import _ON_TITLE, _VERB_ON_TITLE

    assert [m.span() for m in _VERB_ON_TITLE.finditer(text)] == \
        [m.span() for m in _ON_TITLE.finditer(text) if m.group(0).strip() != "on"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["1", "12", "-", "2019", "19", " ", "x", "123", "05"]),
                max_size=10).map("".join))
def test_the_glued_date_pattern_matches_as_with_the_look_behind_in_front(text: str) -> None:
    import re

    from schedules.extract.released import _GLUED

    slow = re.compile(r"(?<!\d)(?P<d>\d{2})-(?P<m>\d{2})-(?P<y>(?:19|20)\d\d)(?!\d)")
    assert [(m.span(), m.groupdict()) for m in _GLUED.finditer(text)] == \
        [(m.span(), m.groupdict()) for m in slow.finditer(text)]


# The faster date, day and time scanners against the plain ones they replaced
# (tests/temporal_oracle.py, the module as it was at 0463e6b). Tokens are the pieces the
# scanners look for, their near misses and the characters their shortcuts reason about
# (Unicode digits and spaces, runs of digits, "the", "of", ordinals, Irish names).
TEMPORAL_TOKENS = st.sampled_from([
    "Monday", "Mon.", "MON", "Tues", "Thursdays", "Sat", "Dé Luain", "an Luan", "An Luan",
    "Déardaoin", "an Déardaoin", "the", "of", "this", "next", "every", "on", "until", "night",
    "evening", "tonight", "Tonight", "TONIGHT", "tomorrow", "Tomorrow night", "today",
    "this evening", "September", "Sept.", "SEPT", "Mar.", "May", "may", "Márta",
    "Meán Fómhair", "Deireadh Fómhair", "1", "2", "9", "12", "18", "31", "32", "123", "05",
    "19", "20", "2019", "2019-02-10", "20/6/2015", "6/20/2015", "st", "th", "nd", "rd", "-",
    "–", "—", "/", ":", ".", ",", " ", "  ", "\n", "\t", "\u2003", "\x1c", "٣", "١٢", "8pm",
    "8.30", "p.m.", "am", "AM", "20:00", "9:30", "midnight", "midday", "noon", "12 midnight",
    "9/8c", "ET", "PT", "ET/PT", "(9:30 NT)", "AEDT", "in WA", "Eastern", "Time", "to",
    "till", "through", "(", ")", "$", "#", "x", "a", "s", "é",
])
TEMPORAL_TEXT = st.lists(TEMPORAL_TOKENS | st.text(max_size=4), max_size=30).map("".join)
TEMPORAL_SPACED = st.lists(TEMPORAL_TOKENS, max_size=30).map(" ".join)


@settings(max_examples=600, deadline=None)
@given(st.one_of(TEMPORAL_TEXT, TEMPORAL_SPACED), st.integers(0, 40), st.integers(0, 200),
       st.booleans())
def test_the_date_scan_finds_what_the_plain_patterns_find(text: str, start: int, length: int,
                                                          day_first: bool) -> None:
    from schedules.extract.temporal import scan_dates
    from tests import temporal_oracle as oracle

    start = min(start, len(text))
    stop = min(len(text), start + length)
    assert scan_dates(text, start, stop, day_first=day_first) == \
        oracle.find_dates(text, start, stop, day_first=day_first)
    assert scan_dates(text, day_first=day_first) == oracle.find_dates(text, day_first=day_first)


@settings(max_examples=600, deadline=None)
@given(st.one_of(TEMPORAL_TEXT, TEMPORAL_SPACED), st.integers(0, 40), st.integers(0, 200))
def test_the_time_scan_finds_what_the_plain_patterns_find(text: str, start: int,
                                                          length: int) -> None:
    from schedules.extract.temporal import find_times
    from tests import temporal_oracle as oracle

    start = min(start, len(text))
    stop = min(len(text), start + length)
    assert find_times(text, start, stop) == oracle.find_times(text, start, stop)
    assert find_times(text) == oracle.find_times(text)
    assert find_times(text, start, stop, anchored=True) == \
        oracle.find_times(text, start, stop, anchored=True)


@settings(max_examples=600, deadline=None)
@given(st.one_of(TEMPORAL_TEXT, TEMPORAL_SPACED), st.integers(0, 40), st.integers(0, 200),
       st.lists(st.tuples(st.integers(0, 120), st.integers(0, 12)), max_size=3))
def test_the_weekday_scan_finds_what_the_plain_patterns_find(
        text: str, start: int, length: int, taken: list[tuple[int, int]]) -> None:
    from schedules.extract.temporal import find_days
    from tests import temporal_oracle as oracle

    start = min(start, len(text))
    stop = min(len(text), start + length)
    spans = [(a, a + n) for a, n in taken]
    assert find_days(text, start, stop, taken=spans) == \
        oracle.find_days(text, start, stop, taken=spans)
    assert find_days(text) == oracle.find_days(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["tonight", "Tonight", "TONIGHT", "tomorrow", "Tomorrow",
                                 "today", "this evening", "t", "T", "onight", "x", "_", "9",
                                 " ", "\n", " night", "  night", "s", "é"]),
                max_size=10).map("".join), st.integers(0, 8))
def test_the_relative_day_pattern_matches_as_with_the_word_edge_in_front(text: str,
                                                                         pos: int) -> None:
    from schedules.extract.temporal import _RELATIVE
    from tests import temporal_oracle as oracle

    pos = min(pos, len(text))
    assert [(m.span(), m.groupdict()) for m in _RELATIVE.finditer(text, pos)] == \
        [(m.span(), m.groupdict()) for m in oracle._RELATIVE.finditer(text, pos)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([" ", "  ", "\n", ",", "(", ")", "ET", "AEDT", "BBC", "Eastern",
                                 "Time", " Time", "time", "x", "9", "_", "é", "ETX"]),
                max_size=10).map("".join), st.integers(0, 6))
def test_the_zone_pattern_matches_as_with_the_spaces_given_back(text: str, pos: int) -> None:
    from schedules.extract.temporal import _ZONE_AFTER
    from tests import temporal_oracle as oracle

    pos = min(pos, len(text))
    fast, slow = _ZONE_AFTER.match(text, pos), oracle._ZONE_AFTER.match(text, pos)
    assert (fast is None) == (slow is None)
    if fast is not None and slow is not None:
        assert (fast.span(), fast.groupdict()) == (slow.span(), slow.groupdict())


@pytest.mark.parametrize("text", [
    pytest.param("8 " + " " * 200_000 + "A", id="a bare number, 200 KB of spaces, a capital"),
    pytest.param(("8pm" + " " * 500 + "ET ") * 400, id="times with long gaps before zones"),
    pytest.param("1 " * 100_000, id="200 KB of one-digit numbers"),
    pytest.param("1" * 200_000, id="200 KB of digits"),
    pytest.param(("the " * 20 + "1 ") * 2_500, id="days after runs of 'the'"),
    pytest.param("TUESUNDAY" * 20_000, id="overlapping weekday names"),
    pytest.param("\n\n1" * 70_000, id="numbers after blank lines"),
])
def test_the_temporal_scanners_finish_quickly_on_hostile_text(text: str) -> None:
    # A catastrophe guard (the zone pattern once gave back spaces one split at a time: minutes
    # for the first case); typically a few hundredths of a second each.
    import time

    from schedules.extract.temporal import find_dates, find_days, find_times

    began = time.perf_counter()
    find_dates(text)
    find_times(text)
    find_days(text)
    assert time.perf_counter() - began < 5
