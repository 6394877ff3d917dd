"""The shortcuts programme naming takes before its scans find what the scans alone found: the
presenter read from where its words occur, and the cheap tests that skip a unit's scans only when
the scan would find nothing. The plain scans they stand in for are the oracles."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from schedules.channels import table
from schedules.extract import programmes as p

# Pieces the patterns look for, their near misses, and the spaces and quotes they reason about.
NAMING_TOKENS = st.sampled_from([
    "airs", "is", "screens", "returns", "appears", "on", "son", "ison", "this", "Host", "host",
    "ghost", "Hosted by", "hosted by", "presented by", "Presenter", "presenter", "reporter",
    "Correspondent", "reports", "season", "series", "episodes", "of", "Of", "the", "The", "show",
    "program", "documentary", "special", "Lena Park", "Jo Bloggs", "Killing Eve", "A", "’s", "'s",
    "“Blue”", '"Red"', "‘", "’", " ", "  ", "\n", "\t", "\u00a0", ".", ". ", ",", ":", "x", "7",
])
TEXTS = st.lists(NAMING_TOKENS, max_size=14).map("".join)


def _presenter_as_before(text: str) -> str | None:
    for pat, words in zip(p._PRESENTER, p._PRESENTER_WORDS, strict=True):
        if not any(w in text for w in words):
            continue
        m = pat.search(text)
        if m:
            return m.group("name")
    return None


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_the_presenter_is_found_as_by_the_whole_text_searches(text: str) -> None:
    finder = p.ProgrammeFinder(text, [], channels=table("AU"), headline=None)
    assert finder.presenter() == _presenter_as_before(text)


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_leftmost_is_search(text: str) -> None:
    for pat, words in zip(p._PRESENTER[1:], p._PRESENTER_WORDS[1:], strict=True):
        found, expected = p._leftmost(pat, text, words), pat.search(text)
        assert (found and (found.span(), found.groupdict())) == \
            (expected and (expected.span(), expected.groupdict()))


@settings(max_examples=400, deadline=None)
@given(TEXTS, st.integers(0, 60))
def test_a_unit_scan_is_skipped_only_when_it_would_find_nothing(body: str, end: int) -> None:
    assert [m.span() for m in p._verb_on_titles(body)] == \
        [m.span() for m in p._VERB_ON_TITLE.finditer(body)]
    of_before = p._OF_TITLE.finditer(body, 0, end) if " of " in body else ()
    assert [m.span() for m in p._of_titles(body, end)] == [m.span() for m in of_before]
    if p._POSSESSIVE_QUOTE.search(body):
        assert p._may_be_possessive(body)
    if p._TITLE_THEN_KIND.search(body):
        assert p._has_any(body, p._THEN_KIND_WORDS)
    owner, expected = p._owner(body), p._OWNER.match(body)
    assert (owner and owner.span()) == (expected and expected.span())


def _only_dates_as_before(words: list[str]) -> bool:
    from schedules.extract.lexicon import month_number, weekday_number

    for w in words:
        if w[:1].isdigit() or sum(c.isalpha() for c in w) < 2:
            continue
        if w.lower() in p._TIME_WORDS or month_number(w) is not None \
                or weekday_number(w) is not None:
            continue
        return False
    return True


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "I", "x1", "1x", "Sundays", "SEPT.", "May", "may", "week",
                                 "é", "ab", "a-", "-a", "’", "Q+A", "9", "Spring", "Mon"]),
                max_size=5))
def test_only_dates_decides_as_before(words: list[str]) -> None:
    assert p._only_dates(words) == _only_dates_as_before(words)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_the_synopsis_break_test_is_the_pattern(text: str) -> None:
    from schedules.extract.assemble import _BODY_BREAK, _body_break

    for t in (text, text + " e-mail", text.upper(), text + " EMAİL", text + " emaıl"):
        assert _body_break(t) == (_BODY_BREAK.search(t) is not None)


def _stands_alone_as_before(first: str, sep: str, text: str) -> bool:
    alone = re.compile(rf"(?<![\w:]){re.escape(first)}(?![\w]|\s*{re.escape(sep)})",
                       re.IGNORECASE)
    return bool(p._spelled_alike(first, text)) and len(alone.findall(text)) >= 1


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["Wild", "WILD", "wild", "Canada", "Wild Canada", "aa", "a",
                                 ":", ": ", " – ", "-", " ", "x", "ı", "İ", "ſ", "é", "É", "\n"]),
                max_size=12).map("".join),
       st.sampled_from(["Wild Canada", "aa", "a", "Wıld", "Été", "É", "Q+A"]),
       st.sampled_from([":", "–", "-", "|"]))
def test_a_title_part_stands_alone_as_before(text: str, first: str, sep: str) -> None:
    finder = p.ProgrammeFinder(text, [], channels=table("AU"), headline=None)
    assert finder.stands_alone(first, sep) == _stands_alone_as_before(first, sep, text)
