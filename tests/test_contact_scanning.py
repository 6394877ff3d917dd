"""The shortcuts that keep contact reading fast give the same answers as the plain way.

Each test pins one shortcut against the straightforward form it replaced (kept here as the
oracle): a memo of phone parses within one document, and the faster scans over the text.
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from unittest import mock

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from schedules.extract import contact_blocks as cb
from schedules.extract.contact_phones import PhoneReader

ROOT = Path(__file__).resolve().parents[1]
TEXTS = sorted([*(ROOT / "examples").glob("*"), *(ROOT / "tests" / "documents").glob("*.txt")])


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


# ---------------------------------------------------------------------------------------------
# Candidate lines: keys found from their anchor characters, as one str.find loop per key does
# ---------------------------------------------------------------------------------------------


def _candidates_oracle(text: str, cap: int) -> list[tuple[int, int, list[tuple[int, str]]]]:
    """The original scan (0463e6b): one ``str.find`` loop per key, at most ``cap`` hits each."""
    hits: list[tuple[int, str]] = []
    low = text.lower()
    if len(low) == len(text):
        tables = ((cb._HEADER_KEYS_LOW, "header"), (cb._LABEL_KEYS_LOW, "label"), (("@",), "email"))
    else:
        low = text
        tables = ((cb._HEADER_KEYS, "header"), (cb._LABEL_KEYS, "label"), (("@",), "email"))
    for keys, kind in tables:
        for key in keys:
            pos = low.find(key)
            n = 0
            while pos >= 0 and n < cap:
                hits.append((pos, kind))
                n += 1
                pos = low.find(key, pos + len(key))
    hits.sort()
    out: list[tuple[int, int, list[tuple[int, str]]]] = []
    for pos, kind in hits:
        if out and pos <= out[-1][1]:
            out[-1][2].append((pos, kind))
        else:
            start, end = cb._line_at(text, pos)
            out.append((start, end, [(pos, kind)]))
    return out


KEYISH = st.sampled_from(
    ["t:", "T:", "t :", "M :", "p:", "P  :", ":", "::", "tt:", " :", "q", "Q", "enquir",
     "ENQUIRIES",
     "Inquiry", "inqu", "contact", "Tel", "ph", "mob", "@", " ", "\n", "x", "İ", "é", "Media",
     "\u212a", "K", "?", "“", "Ph\u212a", "publici", "Publicity", "PUBLICIST", "ty", "st",
     "publicistpublicity"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(KEYISH, max_size=60).map("".join), st.integers(1, 4), st.integers(1, 6))
def test_anchored_keys_are_found_as_one_search_per_key_finds_them(
    text: str, cap: int, anchor_limit: int
) -> None:
    # Small limits so that the per-key cap and the fallback to plain searches are exercised.
    with mock.patch.object(cb, "MAX_CANDIDATES", cap), mock.patch.object(
        cb, "_ANCHOR_SCAN_LIMIT", anchor_limit
    ):
        assert cb._candidates(text) == _candidates_oracle(text, cap)


@pytest.mark.parametrize("path", TEXTS, ids=[p.name for p in TEXTS])
def test_anchored_keys_in_the_bundled_documents(path: Path) -> None:
    text = path.read_text("utf-8")
    assert cb._candidates(text) == _candidates_oracle(text, cb.MAX_CANDIDATES)


def test_keys_are_found_in_the_ascii_bytes_where_they_are_in_the_text() -> None:
    # _ascii() replaces non-ASCII characters by "?" before lowering; that finds the same keys
    # as lowering the text only if no non-ASCII character lowers to a key character, and only
    # "İ" (the text is then searched case form by case form) changes length when lowered.
    into_ascii = set()
    grows = set()
    for code in range(0x110000):
        c = chr(code)
        low = c.lower()
        if len(low) != 1:
            grows.add(c)
        elif not c.isascii() and low.isascii():
            into_ascii.add(low)
    assert grows == {cb._LOWER_GROWS}
    keys = [k for t in (*cb._TABLES_LOW, *cb._TABLES) for k in t.words] + [
        k for t in (*cb._TABLES_LOW, *cb._TABLES) for _, gs in t.anchored for _, _, ks in gs
        for k in ks
    ]
    chars = {chr(b) for k in keys for b in k}
    assert not chars & (into_ascii | {"?"})


# ---------------------------------------------------------------------------------------------
# DETAIL: the regrouped alternation finds what the plain one (0463e6b) found
# ---------------------------------------------------------------------------------------------

DETAIL_PLAIN = re.compile(
    r"""
    (?P<email>(?<![\w.%+-])[\w.%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8})
  | (?P<hidden>\[email[ \t]*protected\])
  | (?P<url>(?<![\w@])(?:https?://|www\.)[^\s|,;]{1,200})
  | (?P<phone>(?<![\w.])\+?\(?\d(?:[\d.\-)]|\((?=\d)|[ \t](?=\+?\(?\d))*)
  | (?P<label>(?<![\w])(?:Tel(?:ephone)?|Ph(?:one)?|Mob(?:ile)?|Cell(?:phone)?|Fax|E-?mail
        |Mail|Web(?:site)?|Direct|DDI|T|M|E|F|P|W)\.?[ \t]*:
      | \((?:o|c|m|h|w|f|t|p|mob|tel|fax|office|cell|mobile|work|home)\)
      | (?i:(?<![\w])(?:tel|ph|phone|mob|mobile|cell|fax)\.?(?=[ \t]*[+(\d])))
    """,
    re.X,
)
DETAILISH = st.sampled_from(
    ["Tel", "Telephone", "TEL", "tel", "Ph", "PH", "Phone", "Mob", "MOBİLE", "mobıle", "Mobile",
     "Cell", "cellphone", "Fax", "fax", "E-mail", "E-Mail", "Email", "e-mail", "Mail", "Web",
     "Website", "Direct", "DDI", "T", "M", "E", "F", "P", "W", "x", "é", "_", ".", ":", " ", "\t",
     "-", "(", ")", "+", "/", "|", ",", "(o)", "(mob)", "(f)", "0", "2", "02", "9430", "٣",
     "+612", "jane.doe", "@", "abc.net.au", "[email protected]", "[email", "http://x.y",
     "https://", "www.", "ww", "%", "a" * 70, "ſ", "\u212a", "\n"]
)


def _found(pattern: re.Pattern[str], line: str) -> list[tuple[tuple[int, int], str | None]]:
    return [(m.span(), m.lastgroup) for m in pattern.finditer(line)]


@settings(max_examples=1500, deadline=None)
@given(st.lists(DETAILISH, max_size=40).map("".join))
def test_detail_finds_what_the_plain_alternation_finds(line: str) -> None:
    assert _found(cb.DETAIL, line) == _found(DETAIL_PLAIN, line)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120))
def test_detail_finds_what_the_plain_alternation_finds_in_any_text(line: str) -> None:
    assert _found(cb.DETAIL, line) == _found(DETAIL_PLAIN, line)


@pytest.mark.parametrize("path", TEXTS, ids=[p.name for p in TEXTS])
def test_detail_finds_what_the_plain_alternation_finds_in_documents(path: Path) -> None:
    for line in path.read_text("utf-8").splitlines():
        assert _found(cb.DETAIL, line) == _found(DETAIL_PLAIN, line)


def test_detail_on_a_megabyte_of_hostile_text_is_linear() -> None:
    for unit in ("a" * 63 + ".", "1 " * 30 + "x", "Tel" * 40 + " ", "a@" * 40):
        started = time.perf_counter()
        list(cb.DETAIL.finditer(unit * (1_000_000 // len(unit))))
        assert time.perf_counter() - started < 2.0


# ---------------------------------------------------------------------------------------------
# Phone numbers: the validity shortcut gives what parse + is_valid_number + format give
# ---------------------------------------------------------------------------------------------


def _plain_e164(candidate: str, region: str) -> str | None:
    """The plain phonenumbers path (before speed-contacts): parse, is_valid_number, E.164."""
    try:
        number = phonenumbers.parse(candidate, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


_PREFIXES = st.sampled_from(
    ["", "", "0", "0", "04", "02", "03", "07", "08", "1", "+", "+61", "+44", "+1", "+353", "+64",
     "61", "44", "1", "353", "64", "0011", "011", "00", "0800", "1800", "13", "020", "07", "021",
     "01", "087", "(02) ", "(0)", "+44 (0)", "1-", "+1 ", "+672", "+61 8 9164", "+44 1481",
     "+44 7624", "+44 1534", "+1 684", "+1 264", "+1 905", "+1 403", "+1 868", "09", "027"]
)


@settings(max_examples=2000, deadline=None)
@given(
    _PREFIXES,
    st.text(alphabet="0123456789", min_size=0, max_size=13),
    st.sampled_from(["", " ", "-", "."]),
    st.sampled_from(["AU", "GB", "IE", "US", "CA", "NZ"]),
)
def test_the_validity_shortcut_gives_the_plain_phonenumbers_answer(
    prefix: str, digits: str, sep: str, region: str
) -> None:
    candidate = prefix + sep.join([digits[:4], digits[4:7], digits[7:]]).strip(sep)
    assert PhoneReader(region)._parse(candidate) == _plain_e164(candidate, region)
