"""XMLTV export: valid against the XMLTV DTD, local times with offsets, repeats marked."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from lxml import etree

from schedules.errors import ModelError
from schedules.export.xmltv import xmltv_bytes, xmltv_time
from schedules.model import Airing

DTD = Path(__file__).resolve().parent / "data" / "xmltv.dtd"
SYDNEY = "Australia/Sydney"
CHANNELS = [("abc-tv.au", "ABC TV"), ("abc-news.au", "ABC News Channel")]


def airing(day: int, hour: int, minute: int, channel: str = "ABC TV", **kw: Any) -> Airing:
    start = dt.datetime(2018, 9, day, hour, minute, tzinfo=ZoneInfo(SYDNEY))
    base = Airing("Foreign Correspondent", "Leave No Dark Corner", channel, start, SYDNEY,
                  on_demand=("ABC iview",))
    return dataclasses.replace(base, **kw)


SEED = [
    (airing(18, 20, 0), "abc-tv.au"),
    (airing(21, 13, 30, repeat=True), "abc-tv.au"),
    (airing(22, 19, 30, "ABC News Channel", repeat=True), "abc-news.au"),
]


def parse(data: bytes) -> etree._Element:
    return etree.fromstring(data)


def test_seed_release_is_valid_against_the_xmltv_dtd() -> None:
    dtd = etree.DTD(str(DTD))
    doc = parse(xmltv_bytes(SEED, channels=CHANNELS))
    assert dtd.validate(doc), dtd.error_log.filter_from_errors()


def test_dtd_check_is_not_vacuous() -> None:
    """The DTD rejects children out of order, so passing validation means something."""
    dtd = etree.DTD(str(DTD))
    bad = etree.fromstring(
        b'<tv><programme start="20180918200000 +1000" channel="x">'
        b"<previously-shown/><title>T</title></programme></tv>"
    )
    assert not dtd.validate(bad)


def test_programmes_carry_local_time_with_offset_channel_and_titles() -> None:
    doc = parse(xmltv_bytes(SEED, channels=CHANNELS))
    programmes = doc.findall("programme")
    assert [(p.get("start"), p.get("channel")) for p in programmes] == [
        ("20180918200000 +1000", "abc-tv.au"),
        ("20180921133000 +1000", "abc-tv.au"),
        ("20180922193000 +1000", "abc-news.au"),
    ]
    first = programmes[0]
    assert first.findtext("title") == "Foreign Correspondent"
    assert first.findtext("sub-title") == "Leave No Dark Corner"
    assert first.findtext("desc") == "Also on ABC iview."
    assert [c.get("id") for c in doc.findall("channel")] == ["abc-tv.au", "abc-news.au"]
    assert doc.find("channel/display-name").text == "ABC TV"


@pytest.mark.parametrize(
    ("index", "repeat", "reason"),
    [
        (0, False, "the 8 pm Tuesday airing is the first showing"),
        (1, True, "the Friday 1.30 pm airing is a repeat"),
        (2, True, "the Saturday News Channel airing is a repeat"),
    ],
)
def test_repeats_are_previously_shown(index: int, repeat: bool, reason: str) -> None:
    doc = parse(xmltv_bytes(SEED, channels=CHANNELS))
    assert (doc.findall("programme")[index].find("previously-shown") is not None) is repeat, reason


@pytest.mark.parametrize(
    ("moment", "expected", "reason"),
    [
        (dt.datetime(2018, 9, 18, 20, tzinfo=ZoneInfo(SYDNEY)), "20180918200000 +1000", "AEST"),
        (dt.datetime(2019, 1, 8, 20, tzinfo=ZoneInfo(SYDNEY)), "20190108200000 +1100", "AEDT"),
        (dt.datetime(2019, 1, 8, 20, tzinfo=ZoneInfo("Australia/Adelaide")),
         "20190108200000 +1030", "half-hour offset"),
        (dt.datetime(2019, 1, 8, 20, tzinfo=ZoneInfo("America/St_Johns")),
         "20190108200000 -0330", "negative half-hour offset"),
        (dt.datetime(2019, 7, 8, 20, tzinfo=ZoneInfo("Europe/London")), "20190708200000 +0100",
         "BST"),
    ],
)
def test_xmltv_time_format(moment: dt.datetime, expected: str, reason: str) -> None:
    assert xmltv_time(moment) == expected, reason


def test_stop_written_when_the_end_is_known() -> None:
    tz = ZoneInfo(SYDNEY)
    a = airing(18, 20, 0, end=dt.datetime(2018, 9, 18, 20, 30, tzinfo=tz))
    doc = parse(xmltv_bytes([(a, "abc-tv.au")], channels=CHANNELS))
    assert doc.find("programme").get("stop") == "20180918203000 +1000"


@pytest.mark.parametrize(
    ("extra", "reason"),
    [
        ({"time_known": False}, "XMLTV has no date-only programme; we never invent a time"),
        ({"status": "cancelled"}, "a cancelled airing is not in the listings"),
    ],
)
def test_airings_left_out(extra: dict[str, Any], reason: str) -> None:
    doc = parse(xmltv_bytes([(airing(18, 0, 0, **extra), "abc-tv.au")], channels=CHANNELS))
    assert doc.findall("programme") == [], reason


def test_output_is_deterministic_and_sorted() -> None:
    forwards = xmltv_bytes(SEED, channels=CHANNELS)
    backwards = xmltv_bytes(list(reversed(SEED)), channels=CHANNELS)
    assert forwards == backwards


def test_unknown_channel_id_is_an_error_naming_it() -> None:
    with pytest.raises(ModelError, match="nine"):
        xmltv_bytes([(airing(18, 20, 0), "nine")], channels=CHANNELS)


def test_hostile_text_stays_text() -> None:
    a = airing(18, 20, 0, programme='<b>"Bold" & </title><title>x\x00\x1b')
    data = xmltv_bytes([(a, "abc-tv.au")], channels=CHANNELS)
    doc = parse(data)
    assert doc.find("programme").findall("title")[0].text == '<b>"Bold" & </title><title>x'
    assert len(doc.find("programme").findall("title")) == 1
    assert etree.DTD(str(DTD)).validate(doc)
