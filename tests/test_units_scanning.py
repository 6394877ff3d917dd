"""The shortcuts that keep unit splitting fast give the same answers as the patterns they replace.

Each test keeps the previous form as the oracle.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from schedules.extract.units import _ABBREVIATION_END, _SENTENCE_STOP, sentence_ends

# The abbreviation test split_units ran before each sentence end (until speed-contacts).
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:[ap]\.m|Mr|Mrs|Ms|Dr|St|No|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|"
    r"Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun|Inc|Ltd|Co|Jr|Sr|Prof|Rev|Gen|Capt|etc|"
    r"U\.S|U\.K|D\.C|e\.g|i\.e|approx|Vol|Ep|Ch|[A-Z])\.)$"
)

PIECES = st.sampled_from(
    [".", ".", "!", "?", " ", "\n", "\t", "\"", "”", "’", ")", "A", "J", "a", "x", "é", "É", "_",
     "1", "²", "Mr", "Mrs", "s", "Sept", "Sep", "t", "U.S", "U", "S", "e.g", "a.m", "p", "m",
     "approx", "Thurs", "Thu", "r", "s", "No", "vs", "Ch", "(", "“", "‘", "-", "İ"]
)


@settings(max_examples=2000, deadline=None)
@given(st.lists(PIECES, max_size=14).map("".join))
def test_abbreviations_are_found_as_by_the_pattern(before: str) -> None:
    assert (_ABBREVIATION_END.search(before) is None) == (_ABBREVIATIONS.search(before) is None)


def _sentence_ends_oracle(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The scan before speed-contacts: the engine skipping to each stop itself."""
    return [(m.start() + 1, m.end()) for m in _SENTENCE_STOP.finditer(text, max(a - 1, 0), b)]


@settings(max_examples=1000, deadline=None)
@given(st.lists(PIECES, max_size=30).map("".join), st.integers(0, 40), st.integers(0, 60))
def test_sentence_ends_are_found_as_by_the_engine_scan(text: str, a: int, length: int) -> None:
    a = min(a, len(text))
    b = min(len(text), a + length)
    assert sentence_ends(text, a, b) == _sentence_ends_oracle(text, a, b)
