"""The bundled channel tables: distinct channels kept apart, ordinary words not taken for
channels, and a few aliases per country."""

from __future__ import annotations

import datetime as dt

import pytest

from schedules.channels import table
from schedules.extract import extract
from schedules.read import read_document

REF = dt.date(2025, 1, 2)


def names(country: str, text: str) -> list[str]:
    return [m.channel.name for m in table(country).find(text)]


def channels_of(text: str, country: str) -> list[str | None]:
    release = extract(read_document(text), reference_date=REF, country=country)
    return [a.channel for a in release.airings]


ALIASES = [
    ("GB", "Sky Max", "Sky Max"), ("GB", "Sky Atlantic", "Sky Atlantic"),
    ("GB", "Sky Showcase", "Sky Showcase"), ("GB", "Sky Arts", "Sky Arts"),
    ("GB", "Sky One", "Sky One"), ("GB", "Sky Sports Main Event", "Sky Sports Main Event"),
    ("GB", "Sky Sports F1", "Sky Sports F1"), ("GB", "Sky Sports", "Sky Sports"),
    ("GB", "STV", "STV"), ("GB", "UTV", "UTV"), ("GB", "ITV1", "ITV"),
    ("GB", "ITVBe", "ITVBe"), ("GB", "5USA", "5USA"), ("GB", "5Star", "5STAR"),
    ("GB", "Radio 4 Extra", "BBC Radio 4 Extra"), ("GB", "1Xtra", "BBC Radio 1Xtra"),
    ("GB", "BBC World Service", "BBC World Service"), ("GB", "TNT Sports 2", "TNT Sports 2"),
    ("GB", "talkSPORT", "talkSPORT"), ("GB", "U&Drama", "U&Drama"),
    ("US", "Bravo", "Bravo"), ("US", "HGTV", "HGTV"), ("US", "FOX Deportes", "FOX Deportes"),
    ("US", "FS1", "FS1"), ("US", "ESPN2", "ESPN2"), ("US", "ESPNU", "ESPNU"),
    ("US", "HBO2", "HBO2"), ("US", "Fox News", "FOX News Channel"), ("US", "E!", "E!"),
    ("US", "A&E", "A&E"), ("US", "Telemundo", "Telemundo"), ("US", "HBO Max", "HBO Max"),
    ("AU", "LifeStyle Food", "LifeStyle Food"), ("AU", "Foxtel Arts", "Foxtel Arts"),
    ("AU", "Crime + Investigation", "Crime + Investigation"), ("AU", "FOX Footy", "FOX Footy"),
    ("AU", "Fox Sports 502", "FOX League"), ("AU", "Double J", "Double J"),
    ("AU", "10 Shake", "10 Shake"), ("AU", "9Rush", "9Rush"),
    ("NZ", "TVNZ DUKE", "TVNZ DUKE"), ("NZ", "DUKE", "TVNZ DUKE"), ("NZ", "ThreeNow", "ThreeNow"),
    ("NZ", "Sky Sport 1", "Sky Sport 1"), ("NZ", "Sky Sport Select", "Sky Sport Select"),
    ("IE", "Virgin Media Two", "Virgin Media Two"), ("IE", "3e", "Virgin Media Two"),
    ("IE", "RTÉjr", "RTÉjr"), ("IE", "RTE 2FM", "RTÉ 2fm"),
    ("CA", "CTV2", "CTV2"), ("CA", "ICI Radio-Canada Télé", "ICI Radio-Canada Télé"),
    ("CA", "Sportsnet", "Sportsnet"), ("CA", "CTV Drama Channel", "CTV Drama Channel"),
]


@pytest.mark.parametrize(("country", "printed", "name"), ALIASES)
def test_a_printed_name_finds_its_channel(country: str, printed: str, name: str) -> None:
    assert names(country, f"It airs at 9pm on {printed} this week.") == [name]


def test_sky_max_is_its_own_channel_not_sky_one() -> None:
    assert channels_of("Harbour Lights airs Friday 10 January at 9pm on Sky Max.", "GB") \
        == ["Sky Max"]


def test_stv_is_its_own_channel_not_itv1() -> None:
    assert names("GB", "Night Owls, 9pm, ITV1 (STV in Scotland, UTV in Northern Ireland).") \
        == ["ITV", "STV", "UTV"]


def test_kind_of_new_entries() -> None:
    assert table("NZ").get("ThreeNow").kind == "streaming"  # type: ignore[union-attr]
    assert table("GB").get("BBC Sounds").kind == "streaming"  # type: ignore[union-attr]
    assert table("AU").get("ABC Jazz").kind == "radio"  # type: ignore[union-attr]


@pytest.mark.parametrize(("country", "text"), [
    ("US", "The series looks back on a 90-year history of the town."),
    ("US", "A discovery changed everything, a lifetime later."),
    ("US", "Max and his brother return."),
    ("US", "Bring oxygen, and a usa-made tent."),
    ("AU", "Tips on lifestyle and food from the region."),
    ("CA", "The documentary follows the city of Toronto and its knowledge workers."),
    ("GB", "Gold medals, drama and a quest: really, yesterday was a day in Eden."),
    ("NZ", "The final at Eden Park is a rush for neon lights."),
])
def test_ordinary_words_are_not_channels(country: str, text: str) -> None:
    assert names(country, text) == []


@pytest.mark.parametrize(("country", "text", "name"), [
    ("US", "Catch it on History at 9pm.", "History Channel"),
    ("US", "Catch it on HISTORY at 9pm.", "History Channel"),
    ("US", "Catch it on The History Channel at 9pm.", "History Channel"),
    ("US", "Catch it on Discovery at 9pm.", "Discovery Channel"),
    ("US", "Catch it on Lifetime at 9pm.", "Lifetime Television"),
    ("AU", "Catch it on LifeStyle at 9pm.", "LifeStyle Channel"),
    ("GB", "Catch it on Dave at 9pm.", "U&Dave"),
    ("GB", "Catch it on UKTV Gold at 9pm.", "U&Gold"),
])
def test_a_capitalised_channel_word_is_a_channel(country: str, text: str, name: str) -> None:
    assert names(country, text) == [name]


def test_on_history_gives_the_airing_its_channel() -> None:
    assert channels_of("Lost Roads premieres Friday, January 10 at 9 p.m. ET on History.",
                       "US") == ["History Channel"]


def test_a_number_word_is_not_the_old_name_of_a_channel() -> None:
    assert names("AU", "Shot over eleven weeks on ELEVEN's old lot.") == ["10 Peach"]
