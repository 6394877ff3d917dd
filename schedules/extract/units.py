"""Split a document into units: sentences in running text, lines in listings.

A press release mixes prose ("airs at 8 pm Tuesday September 18 and 1.30 pm Friday ...") with
listings ("Sunday 9 October" / "6.00-9.10am BBC ONE" on separate lines). A unit is a line, joined
with the next when the line plainly continues ("Wednesdays at" / "10 pm" / "starting"), and split
into sentences when it is long prose. Each unit keeps its offsets into the document text.
"""

from __future__ import annotations

import re
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
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[A-Z“\"‘(])")
# The same ends found faster: the stop itself opens the pattern (the engine skips to it) and
# each match starts one character later than this pattern's match (see sentence_ends).
_SENTENCE_STOP = re.compile(r"[.!?][\"”’)]?\s+(?=[A-Z“\"‘(])")


def sentence_ends(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The spans of ``_SENTENCE_END.finditer(text, a, b)``."""
    return [(m.start() + 1, m.end()) for m in _SENTENCE_STOP.finditer(text, max(a - 1, 0), b)]
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:[ap]\.m|Mr|Mrs|Ms|Dr|St|No|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|"
    r"Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun|Inc|Ltd|Co|Jr|Sr|Prof|Rev|Gen|Capt|etc|"
    r"U\.S|U\.K|D\.C|e\.g|i\.e|approx|Vol|Ep|Ch|[A-Z])\.)$"
)


def split_units(text: str) -> list[Unit]:
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
        for s, e in _sentences(text, a, b):
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
                not _TERMINAL.search(prev, tail)
                and (
                    _CONTINUES.search(prev, tail) is not None
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


def _sentences(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Split ``text[a:b]`` at sentence ends; short lines are one sentence."""
    if b - a <= 160:
        return [(a, b)]
    out: list[tuple[int, int]] = []
    start = a
    for m_start, m_end in sentence_ends(text, a, b):
        before = text[max(start, m_start - 12):m_start]
        if _ABBREVIATIONS.search(before.rstrip("\"”’)")):
            continue
        out.append((start, m_start))
        start = m_end
    out.append((start, b))
    return [piece for s, e in out if e > s for piece in _bounded(text, s, e)]


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
