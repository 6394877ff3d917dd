"""Split a document into units: sentences in running text, lines in listings.

A press release mixes prose ("airs at 8 pm Tuesday September 18 and 1.30 pm Friday ...") with
listings ("Sunday 9 October" / "6.00-9.10am BBC ONE" on separate lines). A unit is a line, joined
with the next when the line plainly continues ("Wednesdays at" / "10 pm" / "starting"), and split
into sentences when it is long prose. Each unit keeps its offsets into the document text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple


class Unit(NamedTuple):
    """A sentence or a listing line with its offsets into the document text. (A named tuple, not a
    frozen dataclass: tens are built per document, and a frozen dataclass is four times slower
    to build.)"""

    start: int
    end: int
    text: str
    paragraph: int  # index of the blank-line separated block
    first_in_paragraph: bool

    @property
    def is_short(self) -> bool:
        return len(self.text) <= 90


_TERMINAL = re.compile(r"[.!?:;\"”’)]\s*$")
_CONTINUES = re.compile(r"(?:\b(?:at|on|from|and|or|the|of|to|starting|beginning|in|with|"
                        r"for|by)|[,–-])\s*$", re.IGNORECASE)
# Sentence boundary: ., ! or ? then space then an upper-case letter or an opening quote, unless
# the word before the stop is an abbreviation ("Mar.", "p.m.", "Dr.").
_AFTER_STOP = r"[\"”’)]?\s+(?=[A-Z“\"‘(])"
_SENTENCE_END = re.compile(r"(?<=[.!?])" + _AFTER_STOP)
# The same ends found faster: the stop itself opens the pattern (the engine skips to it) and
# each match starts one character later than this pattern's match (see sentence_ends).
_SENTENCE_STOP = re.compile(r"[.!?]" + _AFTER_STOP)
_STOPS = tuple(re.compile(re.escape(stop) + _AFTER_STOP) for stop in ".!?")


def sentence_ends(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The spans of ``_SENTENCE_END.finditer(text, a, b)``.

    Found as _SENTENCE_STOP finds them, one stop character at a time: a pattern opening with a
    literal is skipped to at memchr speed, while the set ``[.!?]`` is tested at every character
    (about 40 instructions each). A match holds one stop, its first character, so the matches
    of the three patterns never overlap and together are _SENTENCE_STOP's.
    """
    lo = max(a - 1, 0)
    return sorted([(m.start() + 1, m.end()) for stop in _STOPS for m in stop.finditer(text, lo, b)])


# A sentence stop after one of these words (or an initial) is not a sentence end. This was
# r"(?:\b(?:[ap]\.m|Mr|...|Ch|[A-Z])\.)$" searched in the 12 characters before the stop: no
# literal prefix, so its 45 branches were tried at every offset (about 7,000 instructions). The
# same test opens with the final "." and looks behind it, one look-behind per word length
# (tests/test_units_scanning.py keeps the old pattern as the oracle).
_ABBREVIATION_WORDS = [
    "a.m", "p.m", "Mr", "Mrs", "Ms", "Dr", "St", "No", "vs", "Jan", "Feb", "Mar", "Apr", "Jun",
    "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur",
    "Thurs", "Fri", "Sat", "Sun", "Inc", "Ltd", "Co", "Jr", "Sr", "Prof", "Rev", "Gen", "Capt",
    "etc", "U.S", "U.K", "D.C", "e.g", "i.e", "approx", "Vol", "Ep", "Ch",
]
_ABBREVIATION_END = re.compile(
    r"\.$(?:(?<=\b[A-Z]\.)"
    + "".join(
        rf"|(?<=\b(?:{'|'.join(re.escape(w) for w in _ABBREVIATION_WORDS if len(w) == size)})\.)"
        for size in sorted({len(w) for w in _ABBREVIATION_WORDS})
    )
    + ")"
)


def split_units(text: str) -> list[Unit]:
    units: list[Unit] = []
    append = units.append
    paragraph = 0
    pending_start = -1  # the unit being built: text[pending_start:pending_end], or none (-1)
    pending_end = 0
    last_line = ""
    first = True
    blank_before = True
    line_start = 0
    for raw in text.split("\n"):
        a = line_start
        line_start += len(raw) + 1
        loose = raw.lstrip()
        if not loose:
            if pending_start >= 0:
                first = _flush(text, pending_start, pending_end, paragraph, first, append)
                pending_start = -1
            if not blank_before:
                paragraph += 1
                first = True
            blank_before = True
            continue
        stripped = loose.rstrip()
        blank_before = False
        a2 = a + len(raw) - len(loose)
        b2 = a2 + len(stripped)
        if pending_start >= 0:
            prev = last_line
            last_line = stripped
            # Both patterns end at the end of the (stripped) line and match at most 9
            # characters: searching the tail only gives the same answer without trying every
            # position of a long line.
            tail = max(0, len(prev) - 16)
            if not _TERMINAL.search(prev, tail) and (
                    _CONTINUES.search(prev, tail) is not None
                    or (len(stripped) <= 25 and stripped[0].islower())
                    or (len(prev) <= 25 and stripped[0].islower())
                    or stripped[0] in ",;"):
                pending_end = b2
                continue
            first = _flush(text, pending_start, pending_end, paragraph, first, append)
        last_line = stripped
        pending_start, pending_end = a2, b2
    if pending_start >= 0:
        _flush(text, pending_start, pending_end, paragraph, first, append)
    return units


def _flush(text: str, a: int, b: int, paragraph: int, first: bool,
           append: Callable[[Unit], None]) -> bool:
    """Append the units of ``text[a:b]``; whether the next unit is still the paragraph's first.
    (Units are built with ``tuple.__new__``: the named tuple's own ``__new__`` is a Python
    function, and this runs for every unit.)"""
    if b - a <= 160:  # what _sentences returns for a short line, without the call
        append(_new_unit(Unit, (a, b, text[a:b], paragraph, first)))
        return False
    for s, e in _sentences(text, a, b):
        append(_new_unit(Unit, (s, e, text[s:e], paragraph, first)))
        first = False
    return first


_new_unit = tuple.__new__


def _sentences(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Split ``text[a:b]`` at sentence ends; short lines are one sentence."""
    if b - a <= 160:
        return [(a, b)]
    out: list[tuple[int, int]] = []
    start = a
    for m_start, m_end in sentence_ends(text, a, b):
        if _ABBREVIATION_END.search(text[max(start, m_start - 12):m_start].rstrip("\"”’)")):
            continue
        out.append((start, m_start))
        start = m_end
    out.append((start, b))
    pieces: list[tuple[int, int]] = []
    for s, e in out:
        if e - s > MAX_UNIT:
            pieces += _bounded(text, s, e)
        elif e > s:
            pieces.append((s, e))  # what _bounded returns for it, without the call
    return pieces


MAX_UNIT = 1000
"""No real sentence or listing line is longer; longer runs (pasted tables, hostile input) are cut
at a space so that the per-unit work stays linear in the document size."""


def _bounded(text: str, a: int, b: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    while b - a > MAX_UNIT:
        cut = text.rfind(" ", a + MAX_UNIT // 2, a + MAX_UNIT)
        if cut <= a:
            cut = a + MAX_UNIT
        out.append((a, cut))
        a = cut
        while a < b and text[a] == " ":
            a += 1
    if b > a:
        out.append((a, b))
    return out
