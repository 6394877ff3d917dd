"""Channel names and aliases per country, user channel files, and the explanation each airing
carries (evidence span, confidence, warnings)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from schedules.channels import table
from schedules.errors import ConfigError
from schedules.extract import extract
from schedules.model import Release
from schedules.read import read_document

REF = dt.date(2019, 1, 2)


def parse(text: str, *, country: str, channel_files: tuple[Path, ...] = ()) -> Release:
    return extract(read_document(text), reference_date=REF, country=country,
                   channel_files=channel_files)


ALIASES = [
    ("GB", "BBC2", "BBC Two"), ("GB", "BBC 2", "BBC Two"), ("GB", "BBC1", "BBC One"),
    ("GB", "Channel 4", "Channel 4"), ("AU", "ABC", "ABC TV"), ("AU", "ABC1", "ABC TV"),
    ("AU", "ABC iview", "ABC iview"), ("IE", "RTE One", "RTÉ One"), ("US", "NBC", "NBC"),
]


@pytest.mark.parametrize(("country", "printed", "name"), ALIASES)
def test_aliases_name_one_channel(country: str, printed: str, name: str) -> None:
    ch = table(country).get(printed)
    assert ch is not None and ch.name == name


def test_abc_is_abc_tv_in_australia_only() -> None:
    release = parse("Harbour Lights airs Tuesday 8 January at 8pm on ABC.", country="AU")
    assert [a.channel for a in release.airings] == ["ABC TV"]
    us = table("US").get("ABC")
    assert us is None or us.name != "ABC TV"


def test_a_common_word_in_lower_case_is_not_a_channel() -> None:
    # "abc" (the alphabet) and "seven" are not ABC TV and Channel 7.
    assert table("AU").find("learn your abc by seven") == []


def test_two_spellings_of_one_channel_in_one_release_give_one_channel_name() -> None:
    release = parse("Rural Hour airs Thursday 10 January at 9pm on BBC2 and Friday 11 January at "
                    "9pm on BBC Two.", country="GB")
    assert {a.channel for a in release.airings} == {"BBC Two"}


def test_a_user_channel_file_adds_a_broadcaster_and_its_zone_without_code(tmp_path: Path
                                                                         ) -> None:
    extra = tmp_path / "extra.toml"
    extra.write_text(
        'country = "AU"\n\n[[channel]]\nname = "Harbour FM"\naliases = ["HFM 98.1"]\n'
        'kind = "radio"\nzone = "Australia/Perth"\n', encoding="utf-8")
    text = "Harbour Nights airs Tuesday 8 January at 8pm on HFM 98.1."
    before = parse(text, country="AU")
    assert [a.channel for a in before.airings] != ["Harbour FM"]
    after = parse(text, country="AU", channel_files=(extra,))
    assert [(a.channel, a.timezone, a.local_start.strftime("%H:%M %z"))
            for a in after.airings] == [("Harbour FM", "Australia/Perth", "20:00 +0800")]


def test_a_broken_channel_file_names_the_file_and_the_entry(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('country = "AU"\n[[channel]]\nname = "X"\nkind = "telepathy"\n',
                   encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad\.toml.*#1.*telepathy"):
        parse("Nothing here.", country="AU", channel_files=(bad,))


# -- evidence, confidence, warnings -------------------------------------------------------

def test_each_airing_points_at_the_sentence_it_came_from() -> None:
    text = ("Harbour Lights is a new drama about ferries.\n\nIt premieres Sunday 13 January at "
            "7.40pm on ABC TV. A second episode follows.\n")
    release = parse(text, country="AU")
    (airing,) = release.airings
    assert airing.evidence is not None
    span = airing.evidence.span
    assert release.content[span.start:span.end] == airing.evidence.text
    assert "7.40pm" in airing.evidence.text
    assert "ferries" not in airing.evidence.text


def test_confidence_is_a_probability_and_a_bare_listing_row_is_confident() -> None:
    release = parse("Sunday 13 January\n7.40pm ABC TV Harbour Lights", country="AU")
    (airing,) = release.airings
    assert 0.6 <= airing.confidence <= 1.0


def test_less_evidence_means_lower_confidence() -> None:
    # Date, time, channel and a broadcasting verb: certain. No verb and no channel: kept, but
    # less sure. Told in the past tense by a quoted crew member: dropped.
    full = parse("Harbour Lights airs Sunday 13 January at 7.40pm on ABC TV.", country="AU")
    bare = parse("Harbour Lights: Sunday 13 January 7.40pm", country="AU")
    story = parse("The crew said the boat left on Sunday 13 January at 7.40pm.", country="AU")
    assert [a.confidence for a in full.airings] == [1.0]
    (weak,) = bare.airings
    assert 0.6 <= weak.confidence < 1.0
    assert story.airings == ()


def test_every_warning_has_a_stable_code_and_a_message() -> None:
    release = parse("Harbour Lights airs Wednesday 8 January at 8pm on ABC TV.", country="AU")
    assert {w.code for w in release.warnings} >= {"weekday-mismatch", "year-inferred",
                                                  "zone-assumed"}
    assert all(w.message for w in release.warnings)


@pytest.mark.parametrize("country", ["AU", "CA", "GB", "IE", "NZ", "US"])
def test_a_global_streamer_release_time_is_not_an_airing(country: str) -> None:
    release = parse("The limited series “Salt Flats” will be available to stream on Netflix "
                    "worldwide on Friday, January 11 at 12:01 a.m. PT.", country=country)
    assert release.airings == ()


def test_a_global_streamer_beside_a_channel_is_on_demand() -> None:
    (airing,) = parse("Salt Flats premieres Sunday 13 January at 8.30pm on ABC TV, and on "
                      "Disney+ the next day.", country="AU").airings
    assert airing.channel == "ABC TV"
    assert "Disney+" in airing.on_demand
