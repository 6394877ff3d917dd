"""Helpers that keep user text inert: highlight segments and JSON inside <script>."""

from __future__ import annotations

import json

import pytest

from service.web_text import phone, script_json, segments, zone_or_none


def test_overlapping_evidence_spans_become_flat_segments_listing_every_fact() -> None:
    text = "Airs 8 pm and 9 pm. Call Jo."
    cut = segments(text, [(0, 18, "airing-1"), (0, 18, "airing-2"), (20, 27, "contact-1"),
                          (5, 9, "warning-1"), (50, 60, "outside")])
    assert "".join(s.text for s in cut) == text
    assert [(s.text, s.refs) for s in cut] == [
        ("Airs ", ("airing-1", "airing-2")),
        ("8 pm", ("airing-1", "airing-2", "warning-1")),
        (" and 9 pm", ("airing-1", "airing-2")),
        (". ", ()),
        ("Call Jo", ("contact-1",)),
        (".", ()),
    ]


def test_script_json_cannot_close_its_script_element_and_reads_back_unchanged() -> None:
    value = {"name": "</script><script>alert(1)</script> <!-- & \u2028 'q' \"dq\""}
    out = str(script_json(value))
    assert "<" not in out and ">" not in out and "&" not in out and "\u2028" not in out
    assert json.loads(out) == value


def test_phones_link_in_e164_and_read_in_international_form() -> None:
    p = phone("+61283332263")
    assert (p.e164, p.display) == ("+61283332263", "+61 2 8333 2263")


def test_only_real_iana_zone_names_are_accepted() -> None:
    assert zone_or_none("Australia/Sydney") is not None
    for bad in ("", "Mars/Base", "../../etc/passwd", "US/Eastern", "x" * 100):
        assert zone_or_none(bad) is None, bad


@pytest.mark.parametrize(("value", "expected"), [
    ("https://www.abc.net.au/fc", "https://www.abc.net.au/fc"),
    (" HTTP://example.org/a ", "HTTP://example.org/a"),
    ("javascript:alert(1)", None), (" JavaScript:alert(1)", None),
    ("data:text/html,<script>", None), ("//evil.example/x", None), (None, None), ("", None),
])
def test_only_http_addresses_are_linked(value: str | None, expected: str | None) -> None:
    from service.pages import web_url

    assert web_url(value) == expected
