"""The fast whole-text scans (channel names, cue words) find exactly what the regular expressions
they stand in for find, on arbitrary and adversarial text: the patterns are the oracles."""

from __future__ import annotations

import datetime as dt
import re
import time

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from schedules.channels import FOLDS_INTO_LATIN1, Channel, ChannelTable, table
from schedules.extract import units as units_module
from schedules.extract.lexicon import (
    AIR_CUE_STARTS,
    AIR_CUES,
    AIR_CUES_LOWER,
    CUE_WINDOW,
    NOT_AIR_CUES,
    NOT_AIR_CUES_LOWER,
    NOT_AIR_WORD_STARTS,
    air_cue_starts,
    ascii_lower,
    cue_starts,
    not_air_cue_starts,
)
from schedules.extract.temporal import _DATE_HINT, Digits, _hints
from schedules.extract.units import Unit, split_units

COUNTRIES = ("AU", "GB", "IE", "NZ", "US", "CA")

# Pieces that reach the edges of the scans: aliases and their prefixes, cases, characters
# outside Latin-1 (which the byte view turns into "?"), the view's own marker bytes, the
# characters IGNORECASE relates to ASCII letters, word characters right before or after.
CHANNEL_PIECES = st.sampled_from([
    "ABC", "abc", "Abc", "ABC TV", "abc tv", "ABC  TV", "BBC Two", "bbc two", "BBC2", "RTÉ One",
    "rté one", "RTÉ2", "RTE", "Māori Television", "MĀORI TELEVISION", "Whakaata Māori", "ITV",
    "SBS", "Channel 4", "Channel 44", "10", "10 Peach", "10.30", "9Go!", "9go!x", "7two", "ABC1",
    "Paramount+", "Paramount++", "TVNZ+", "/A", "/a\\", "/", "+", "-", "_", " ", "\n", "\t",
    "x", "é", "É", "ā", "Ā", "ÿ", "Ÿ", "İ", "ı", "ſ", "\u212a", "K", "k", "ß", "?", "\x01", "’",
    "“", "Ω", "🙂", "\u00a0", "Sky", "SKY", "sky", "S\u212aY", "\u017fky", "Kiss", "KISS",
    "Seven", "Nine", "\u0130TV", "\u0131tv", "B\u0130BC",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(CHANNEL_PIECES, max_size=16).map("".join), st.integers(-3, 40),
       st.integers(-5, 80))
@example("on S\u212aY tonight", 0, 80)
@example("on \u0130TV, \u017fky", 1, 80)
@example("ABC abc ABC", -5, 16)
@example("ABC abc ABC", 0, -1)
@example("ABC abc ABC", 20, 10)
def test_channel_spans_are_the_pattern_matches(text: str, start: int, length: int) -> None:
    stop = start + length  # out of range at times, as a caller may pass
    for code in COUNTRIES:
        channels = table(code)
        expected = [m.span() for m in channels._pattern.finditer(text, start, stop)]
        assert channels._spans(text, start, stop) == expected, code
        assert channels._spans(text, 0, len(text)) == \
            [m.span() for m in channels._pattern.finditer(text)], code


ALIAS_CHARS = st.sampled_from("abk iyÿéÉāĀ19+/-!.?'\\\x01_")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(ALIAS_CHARS, min_size=1, max_size=5), min_size=1, max_size=6),
       st.lists(st.text(ALIAS_CHARS, min_size=1, max_size=5), max_size=2),
       st.text(st.sampled_from("abkiyKÿŸéÉāĀİıſ19+/-!.?' \n_\x01’\u212aAB"), max_size=40))
@example(["k"], [], "x \u212a")
@example(["\xffy"], [], "x \u0178Y")
@example(["ai"], [], "x a\u0130 a\u0131")
@example(["s\u0101"], ["\u0101"], "x S\u0100, \u0101 s\u0101")
def test_channel_spans_of_any_table_are_its_pattern_matches(
        aliases: list[str], exact: list[str], text: str) -> None:
    channels = ChannelTable("ZZ", [Channel("Made Up", "tv", "ZZ", aliases=tuple(aliases),
                                           exact=tuple(exact))])
    assert channels._spans(text, 0, len(text)) == \
        [m.span() for m in channels._pattern.finditer(text)]
    for a in range(len(text)):
        assert channels._spans(text, a, len(text)) == \
            [m.span() for m in channels._pattern.finditer(text, a)]


def _resolve_as_before(channels: ChannelTable, word: str) -> Channel | None:
    """ChannelTable.resolve as it was written before its per-alias facts were worked out once."""
    if word in channels._exact:
        return channels._exact[word]
    ch = channels._lookup.get(word.casefold())
    if ch is None:
        return None
    if word not in (ch.name, *ch.aliases) and word.upper() != word:
        alias = next(a for a in (ch.name, *ch.aliases) if a.casefold() == word.casefold())
        if len(alias) < 4 and " " not in alias and not any(c.isdigit() for c in alias):
            return None
    return ch


def test_resolve_decides_as_before_for_every_alias_in_every_case() -> None:
    for code in COUNTRIES:
        channels = table(code)
        words = [*channels._lookup, *channels._exact]
        for ch in channels.channels:
            words += [ch.name, *ch.aliases, *ch.exact]
        for word in words:
            for form in {word, word.lower(), word.upper(), word.title(), word.casefold(),
                         word[:1].lower() + word[1:], word.swapcase()}:
                assert channels.resolve(form) == _resolve_as_before(channels, form), form


def test_the_characters_ignorecase_folds_into_latin1_are_listed() -> None:
    latin1 = re.compile("[\x00-\xff]", re.IGNORECASE)
    found = "".join(chr(c) for c in range(0x100, 0x110000) if latin1.fullmatch(chr(c)))
    assert found == FOLDS_INTO_LATIN1


CUE_PIECES = st.sampled_from([
    "Airs", "air", "airs", "aired", "airing", "airport", "chair", "AIRING", "TX", "tx", "txt",
    "Premieres", "premier", "premiere", "kick off", "kicks off", "kick-off", "kickoff", "on air",
    "on  air", "onair", "live on", "live from", "live", "coverage kicks", "tune in", "craoladh",
    "athchraoladh", "craol", "posted", "POSTED", "WHEN:", "when:", "when", "said", "says", "say",
    "sayso", "RSVP", "will be held", "will be holding", "will hold", "will", "is holding",
    "screen shot", "screenshot", "screens", "released at", "released on", "released",
    "originally aired", "photo call", "photocall", "rounding out", "again", "é", "É", "ā", "Ω",
    "İ", "\u212a", "ß", "’", "?", "\x01", "@", "-", "_", " ", "\n", "x", "1", "/",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(CUE_PIECES | st.text(max_size=3), max_size=30).map("".join))
def test_cue_starts_are_the_pattern_matches(text: str) -> None:
    # Over any text (the patterns are case-sensitive copies for lower-cased text)...
    assert air_cue_starts(text) == [m.start() for m in AIR_CUES_LOWER.finditer(text)]
    assert not_air_cue_starts(text) == [m.start() for m in NOT_AIR_CUES_LOWER.finditer(text)]
    # ... and over the lower-cased text, the case-insensitive patterns' matches.
    low = ascii_lower(text)
    assert air_cue_starts(low) == [m.start() for m in AIR_CUES.finditer(text)]
    assert not_air_cue_starts(low) == [m.start() for m in NOT_AIR_CUES.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(CUE_PIECES | st.text(max_size=3), max_size=30).map("".join))
@example("x \u0178air \u0130 kick off \u212a @ screen shot\u0178")
@example("Craoladh\u0142air an tsraith ATHCHRAOL\u00e9air and more")
def test_cue_starts_without_lowering_are_the_pattern_matches(text: str) -> None:
    low = ascii_lower(text)
    expected = (air_cue_starts(low), not_air_cue_starts(low))
    assert cue_starts(text) == expected
    assert cue_starts(text, text.encode("latin-1", "replace")) == expected


def test_the_cue_scans_share_one_view_and_window() -> None:
    # cue_starts builds one byte view for both scans: their edges must be the same.
    assert AIR_CUE_STARTS._scan._table == NOT_AIR_WORD_STARTS._scan._table
    # Each cue of fixed length is shorter than the window lower-cased around a candidate.
    from re import _parser  # type: ignore[attr-defined]

    from schedules.extract.lexicon import _NOT_AIR_WORDS, _branches, _inside

    air_words = _inside(AIR_CUES_LOWER.pattern, "\\b(?:", ")\\b")
    for branch in [*_branches(air_words), *_branches(_NOT_AIR_WORDS)]:
        if "\\w*" not in branch:
            assert _parser.parse(branch).getwidth()[1] < CUE_WINDOW, branch


DIGIT_PIECES = st.sampled_from([
    "1", "12", "2019", "18th", " September", "Sept", "-", "/", "2019-02-10", "20/6/2015", " ",
    "  ", "\u0663", "\u0660\u0661", "\u0967", "?", "’", "x", "May ", "on ", "Tuesday ", "\n",
    "\u00b2", "\u00bd", "a", "31", "8pm", "Márta ",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(DIGIT_PIECES | st.text(max_size=3), max_size=24).map("".join),
       st.integers(0, 40), st.integers(0, 80))
@example("18 September \u0663 2019", 0, 30)
@example("1234 September", 2, 20)
def test_digit_views_answer_as_the_patterns(text: str, start: int, length: int) -> None:
    stop = min(start + length, len(text))
    start = min(start, stop)
    digits = Digits(text)
    assert digits.has_digit(start, stop) == (re.search(r"\d", text[start:stop]) is not None)
    assert [m.span() for m in _hints(text, start, stop, digits)] == \
        [m.span() for m in _DATE_HINT.finditer(text, start, stop)]
    assert [m.group("tail") for m in _hints(text, start, stop, digits)] == \
        [m.group("tail") for m in _DATE_HINT.finditer(text, start, stop)]


def test_only_ascii_digits_and_none_of_latin1_besides_are_unicode_digits() -> None:
    # Digits relies on it: outside "0"-"9", a character \d matches is outside Latin-1.
    digits = [c for c in map(chr, range(0x110000)) if re.fullmatch(r"\d", c)]
    assert [c for c in digits if c <= "\xff"] == list("0123456789")
    assert all(c.isdecimal() for c in digits)


def _release_date_as_before(text: str, *, day_first: bool = True) -> dt.date | None:
    """find_release_date as it was before its quick tests, for the property below."""
    from schedules.extract.released import _DOTTED, _DOTTED_CORE, _GLUED, _MARKER, _STAMP, _value
    from schedules.extract.temporal import find_dates

    head = text[:3000]
    dates = [d for d in find_dates(head, day_first=day_first) if d.year is not None]
    for d in dates:
        before = head[max(0, d.start - 60):d.start]
        ends = [m.end() for m in _MARKER.finditer(before)]
        if ends and ends[-1] >= len(before) - 2:
            value = _value(d)
            if value:
                return value
    for d in dates:
        line_start = head.rfind("\n", 0, d.start) + 1
        before = head[line_start:d.start]
        after = head[d.end:d.end + 4]
        if (re.fullmatch(r"[A-Z][\w .,'’-]{1,60}?[,–—-]\s*\(?\s*", before)
                or re.match(r"\s*[;)]?\s*[–—-]|\s*;", after)):
            value = _value(d)
            if value:
                return value
    stamp = _STAMP.search(head[:400])
    if stamp:
        return dt.date.fromisoformat(stamp.group("iso"))
    dotted = list(_DOTTED.finditer(head[:1500])) if _DOTTED_CORE.search(head, 0, 1500) else []
    for m in dotted + list(_GLUED.finditer(head[:800])):
        d_, m_, y_ = int(m.group("d")), int(m.group("m")), int(m.group("y"))
        if y_ < 100:
            y_ += 2000 if y_ < 70 else 1900
        if not day_first and _DOTTED.pattern == m.re.pattern:
            d_, m_ = m_, d_
        try:
            return dt.date(y_, m_, d_)
        except ValueError:
            continue
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


RELEASE_PIECES = st.sampled_from([
    "RELEASED:", "Released", "MEDIA RELEASE", "Press Release", "Posted on", "POSTED",
    "Published", "Issued on", "Dated", "DATE", "Updated", "updated", "at 10:00 on", " date ",
    "date 2019-02-10", "2019-02-10", "12 September 2018", "September 18, 2018", "Wednesday",
    "10.10.11", "29.06.20", "1.2.2019", "29-06-2020", "129-06-2020", "31-02-1999", "8.30",
    "Alexandria, Virginia,", "(August 28, 2024)", "–", "-", ";", ")", "(", ",", ":", " ",
    "\n", "\n\n", "x" * 50, "Sydney", "é", "’",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(RELEASE_PIECES, max_size=24).map("".join), st.booleans())
def test_release_date_is_found_as_before(text: str, day_first: bool) -> None:
    from schedules.extract.released import find_release_date

    assert find_release_date(text, day_first=day_first) == \
        _release_date_as_before(text, day_first=day_first)


@pytest.mark.parametrize("marker", ["RELEASED:", "Released", "MEDIA RELEASE", "Media Release",
                                    "PRESS RELEASE -", "Press Release", "Posted on", "POSTED",
                                    "Published on", "PUBLISHED", "Issued", "Date:", "Dated",
                                    "DATE", "Updated at 10.30am on"])
def test_each_release_marker_still_picks_the_date_after_it(marker: str) -> None:
    from schedules.extract.released import find_release_date

    text = f"Filmed on 12 September 2018 in the hills.\n{marker} 13 September 2018\n"
    assert find_release_date(text) == _release_date_as_before(text) == dt.date(2018, 9, 13)


def _split_units_as_before(text: str) -> list[Unit]:
    """split_units as it was before its flush was inlined, for the property below."""
    units: list[Unit] = []
    paragraph = 0
    pending: tuple[int, int] | None = None
    last_line = ""
    first = True
    blank_before = True

    def flush() -> None:
        nonlocal pending, first
        if pending is None:
            return
        a, b = pending
        for s, e in units_module._sentences(text, a, b):
            units.append(Unit(s, e, text[s:e], paragraph, first))
            first = False
        pending = None

    line_start = 0
    for raw in text.split("\n"):
        a = line_start
        line_start += len(raw) + 1
        loose = raw.lstrip()
        stripped = loose.rstrip()
        if not stripped:
            flush()
            if not blank_before:
                paragraph += 1
                first = True
            blank_before = True
            continue
        blank_before = False
        a2 = a + len(raw) - len(loose)
        b2 = a2 + len(stripped)
        if pending is not None:
            prev = last_line
            # Both patterns end at the end of the (stripped) line and match at most 9
            # characters: searching the tail only gives the same answer without trying every
            # position of a long line.
            tail = max(0, len(prev) - 16)
            joins = (
                not units_module._TERMINAL.search(prev, tail)
                and (
                    units_module._CONTINUES.search(prev, tail) is not None
                    or (len(stripped) <= 25 and stripped[0].islower())
                    or (len(prev) <= 25 and stripped[0].islower())
                    or stripped[0] in ",;"
                )
            )
            last_line = stripped
            if joins:
                pending = (pending[0], b2)
                continue
            flush()
        last_line = stripped
        pending = (a2, b2)
    flush()
    return units


UNIT_PIECES = st.sampled_from([
    "Airs at", "8pm", "on ABC.", "Wednesdays at", "starting", "the", "and", "or", ",", ";", "–",
    "-", ".", "!", "?", ":", "Mr.", "p.m.", "Dr. Who", "Jan.", "U.S.", "e.g.", "A.", "x",
    "He said. Then", "“Quoted.” Next", "(aside.) After", " ", "  ", "\t", "\n", "\n\n",
    " \n \n", "\u00a0", "\u2028", "\x1c", "é", "’", "lower", "Upper", "a" * 40,
    "Sentence one is here. ", "Another sentence follows! ", "A question? ", "word " * 30,
])


@settings(max_examples=300, deadline=None)
@given(st.lists(UNIT_PIECES | st.text(max_size=4), max_size=60).map("".join))
@example("Airs Wednesdays at\n8pm on ABC.\n\n  Next paragraph\nlower start\n, and more\n")
@example("A short line\nthen lower\n\n\n\nLast.")
def test_units_are_split_as_before(text: str) -> None:
    assert split_units(text) == _split_units_as_before(text)


def test_long_runs_are_cut_as_before() -> None:
    for text in ("word " * 700, "x" * 2500, ("Sentence here. " * 80 + "\n") * 3,
                 "a\n" + "b" * 1200 + " c" * 400):
        assert split_units(text) == _split_units_as_before(text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("abc " * 250_000, id="1 MB of an alias"),
        pytest.param("ABC News " * 110_000, id="1 MB of a two-word alias"),
        pytest.param("abc" * 330_000, id="1 MB of an alias with no edge"),
        pytest.param("\x01?" * 500_000, id="1 MB of the view's marker bytes"),
        pytest.param("’a" * 500_000, id="1 MB of edges outside Latin-1"),
        pytest.param("air " * 250_000, id="1 MB of cue words"),
        pytest.param("craol" * 200_000, id="1 MB of one open-ended cue word"),
        pytest.param("on on on air " * 80_000, id="1 MB of a two-word cue's first word"),
        pytest.param("will be " * 125_000, id="1 MB of a three-word cue's start"),
    ],
)
def test_hostile_input_is_scanned_quickly(text: str) -> None:
    started = time.perf_counter()
    table("AU").find(text)
    lowered = ascii_lower(text)
    air_cue_starts(lowered)
    not_air_cue_starts(lowered)
    split_units(text)
    # Typically 0.05-1 s; the bound leaves room for a loaded machine (3.5 s was seen with a
    # load average of 8 on two cores). Work quadratic in 1 MB would take hours.
    assert time.perf_counter() - started < 10.0
