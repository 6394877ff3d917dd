"""The shortcuts that keep contact reading fast give the same answers as the plain way.

Each test pins one shortcut against the straightforward form it replaced (kept here as the
oracle): a memo of phone parses within one document, and the faster scans over the text.
"""

from __future__ import annotations

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from schedules.extract import contact_blocks as cb
from schedules.extract.contact_phones import PhoneReader


def test_a_repeated_number_is_parsed_once_and_still_spends_budget(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[str] = []
    parse = phonenumbers.parse

    def counting(number: str, region: str) -> phonenumbers.PhoneNumber:
        calls.append(number)
        return parse(number, region)

    monkeypatch.setattr(phonenumbers, "parse", counting)
    reader = PhoneReader("AU", budget=3)
    for _ in range(3):
        assert reader.numbers("+612 9380 4000") == ["+61293804000"]
    assert calls == ["+612 9380 4000"]
    assert reader.budget == 0
    assert reader.numbers("+612 9380 4000") == []  # out of budget, as without the memo


def test_each_reader_starts_with_an_empty_memo() -> None:
    first, second = PhoneReader("AU"), PhoneReader("AU")
    first.numbers("02 9950 3000")
    assert second._parsed == {}


# ---------------------------------------------------------------------------------------------
# Mid-line headers: the str.find pre-test never skips a window the pattern would match
# ---------------------------------------------------------------------------------------------

HEADERISH = st.sampled_from(
    ["Media", "Press", "PR", "Contact", "CONTACTS", "Contacts", "Enquiries", "Inquiries",
     "For", "Further", "More", "Information", "information", "Eolas", "breise", "(s)", ":", " ",
     "\t", "x", "Jane", "0412", "\n", "First"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(HEADERISH, max_size=30).map(" ".join))
def test_a_mid_line_header_holds_a_colon_and_a_header_word(text: str) -> None:
    if cb._MID_HEADER.search(text) is not None:
        assert ":" in text
        assert any(w in text for w in cb._MID_HEADER_WORDS)
