"""Which programme an airing belongs to, when the sentence with the time does not name it.

The calendar event's title is the programme, so a wrong guess is worse than none: dates,
bylines, file notes and news-style headlines are never taken for a programme's name.
"""

from __future__ import annotations

import datetime as dt

import pytest

from schedules.channels import table
from schedules.extract import extract
from schedules.extract.programmes import ProgrammeFinder, title_like
from schedules.model import Release
from schedules.read import read_document

REF = dt.date(2019, 1, 2)


def parse(text: str, *, country: str = "AU", ref: dt.date = REF) -> Release:
    return extract(read_document(text), reference_date=ref, country=country)


def programmes(release: Release) -> list[str | None]:
    return [a.programme for a in release.airings]


def test_the_sentence_before_names_the_series() -> None:
    text = ("Harbour Lights\n\n"
            "Gardener Ana Ruiz takes on her biggest project yet in the new series Rooftop "
            "Gardens: Cities in Bloom. Premiering Tuesday 8 January at 7.30pm, over four "
            "episodes, Ana turns bare roofs into food gardens.")
    assert programmes(parse(text)) == ["Rooftop Gardens: Cities in Bloom"]


def test_a_drama_named_in_the_sentence_before_its_new_date() -> None:
    text = ("Schedule change for a major drama\n\n"
            "ABC TV will hold back its period drama, The Salt Road. The three-part series "
            "will now premiere Sunday 13 January at 8.30pm on ABC TV.")
    assert programmes(parse(text)) == ["The Salt Road"]


def test_the_season_of_a_programme_named_just_before_its_time() -> None:
    text = ("Network announces spring dates\n\n"
            "As announced, Gold Rush Diaries returns tomorrow at 9:00 p.m. ET; and the network "
            "will simulcast the third season of Harbour Watch on Sunday, April 7 at 8:00 p.m. "
            "ET.")
    assert "Harbour Watch" in programmes(parse(text, country="US"))


def test_a_date_headline_or_a_byline_is_not_a_programme() -> None:
    for headline in ("Monday, January 7, 2019", "January 2019", "By SEVEN", "Agenda:",
                     "Press Office", "File Type:pdf, Size:120Kb"):
        text = f"{headline}\n\nThursday, January 10 at 8 p.m. on PBS\n"
        assert programmes(parse(text, country="US")) == [None], headline


def test_the_release_names_its_programme_further_down() -> None:
    text = ("January 2019\n\n"
            "8:00pm – Thursday, January 10 on PBS\n\n"
            "The thrilling new hour-long drama NIGHTFALL airs Thursdays at 8 p.m. ET.\n")
    assert programmes(parse(text, country="US"))[0] == "Nightfall"


def test_a_media_advisory_labels_what_is_broadcast() -> None:
    text = ("Media advisory\n\n"
            "WHAT: Regional Leaders Debate\n"
            "WHEN: Wednesday, January 9, 2019, at 3:00 p.m.\n\n"
            "The network will broadcast it on Wednesday, January 9 at 8 p.m. ET on TVO.\n")
    assert set(programmes(parse(text, country="CA"))) == {"Regional Leaders Debate"}


def test_a_quoted_title_in_a_headline_sentence() -> None:
    text = ("CNN Explores “Signal Lost” in New Original Series Premiering Sunday, January 13 "
            "at 9pm ET/PT\n")
    assert set(programmes(parse(text, country="US"))) == {"Signal Lost"}


def test_a_maker_is_not_the_programme() -> None:
    text = ("The fall season opens with the first episodes of Ada Byrne’s documentary, "
            "“River Towns.” The series began Sunday, Jan. 6.\n\n"
            "The third episode premieres at 8 tonight on WVIZ Channel 25.\n")
    assert programmes(parse(text, country="US", ref=dt.date(2019, 1, 13))) == ["River Towns"]


def test_a_title_keeps_its_article() -> None:
    text = ("Last night the artists sang for a spot in The Block Grand Final, 7.30pm next "
            "Sunday, 13 January on Channel 9.")
    assert programmes(parse(text)) == ["The Block Grand Final"]


def test_a_listing_row_title_may_open_with_from() -> None:
    text = ("Wednesday 9 January:\n\n"
            "12pm From The Ground Up: the launch of a new community channel.\n"
            "1pm News Hour\n")
    assert programmes(parse(text)) == ["From The Ground Up", "News Hour"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Foreign Correspondent", True),
    ("The Classic 100: Voice Countdown", True),
    ("A Place to Call Home", True),
    ("September 2009", False),
    ("Tuesday, 20 March 2012", False),
    ("10.10.11", False),
    ("By SEVEN", False),
    ("Superstorm Sandy Live Town Hall Press Release FINAL", False),
    ("date 2023-11-14 Submit Release", False),
    ("SBS’s iconic news and current affairs shows return on 25 February", False),
    ("PBS Program to Promote Understanding of Global Trends and World Events", False),
])
def test_what_reads_as_a_programme_title(text: str, expected: bool) -> None:
    assert title_like(text, max_words=8) is expected


def test_a_later_screening_in_the_story_keeps_the_programme_above() -> None:
    text = ("Sport this weekend, as listed\n\nMotor Racing – Coastal Cup\n\n"
            "Saturday 12 January\n2.40-4.40pm BBC ONE\n\n"
            "Presenters introduce live coverage of the Coastal Cup. The drivers return to the "
            "harbour circuit after a year away. Last year's winner spun out on the final lap. "
            "Rain is forecast. The pit lane has been rebuilt. Tickets sold out in a day. "
            "Teams arrive on Thursday.\n\n"
            "The race can be seen again on BBC Two from 10.15-11.15pm.\n")
    assert programmes(parse(text, country="GB")) == ["Motor Racing – Coastal Cup"] * 2


@pytest.mark.parametrize(("text", "country", "expected"), [
    ("Night Owls, RTÉ One, Sunday 13 January at 9.30pm.", "IE", "Night Owls"),
    ("Night Owls, Saturday 12 January, 7.15pm-8.15pm, ITV1 (STV in Scotland).", "GB",
     "Night Owls"),
    ("BBC Four, Thursday 10 January, 21.00: Night Owls", "GB", "Night Owls"),
    ("Tonight at 8.30pm on Nine: Night Owls.", "AU", "Night Owls"),
    ("Watch Night Owls on Global, Tuesday, January 8 at 10 p.m. ET/PT.", "CA", "Night Owls"),
    ("Catch Night Owls weeknights at 6pm on ABC TV from Monday 7 January.", "AU",
     "Night Owls"),
    ("Catch the two-hour finale Wednesday, January 9, 8-10 p.m. ET on FOX.", "US", None),
    ("The special airs Thursday, January 10 at 9:30 p.m. (ET) on CNN.", "US", None),
])
def test_a_listing_line_names_its_programme_before_or_after_the_time(
        text: str, country: str, expected: str | None) -> None:
    assert set(programmes(parse(text, country=country))) == {expected}


def test_a_series_heading_over_an_episode_heading() -> None:
    text = ("Harbour Lives\n\nThe Lighthouse Keeper | Mary Quinn\n\n"
            "Monday 7 January 8:00 PM\n\nIntroduced by the presenter.\n")
    (airing,) = parse(text).airings
    assert (airing.programme, airing.episode) == ("Harbour Lives",
                                                  "The Lighthouse Keeper | Mary Quinn")


def test_a_section_heading_is_not_a_series() -> None:
    text = "Highlights\n\nNight Owls\n\nMonday 7 January 8:00 PM on ABC TV\n"
    (airing,) = parse(text).airings
    assert (airing.programme, airing.episode) == ("Night Owls", None)


def test_a_network_possessive_is_not_part_of_the_title() -> None:
    text = ("CBC's THE QUIET NORTH returns for season two on Sunday, January 13 at 8 p.m. on "
            "CBC TV.\n\nThe Quiet North follows three families.\n")
    assert set(programmes(parse(text, country="CA"))) == {"The Quiet North"}


def test_episode_lines_under_a_series_heading() -> None:
    text = ("The Last Orchard\n\nEpisode 1: Blossom\nMonday 7 January, 9pm, Channel 4\n\n"
            "A farmer fights to save the orchard.\n\nEpisode 2\nMonday 14 January, 9pm, "
            "Channel 4\n")
    assert [(a.programme, a.episode) for a in parse(text, country="GB").airings] == [
        ("The Last Orchard", "Blossom"), ("The Last Orchard", "Episode 2")]


@pytest.mark.parametrize(("reason", "country", "text", "expected"), [
    ("a media centre files a release under its channel: 'Channel – Title'", "GB",
     "BBC Four – Tidal Finds\n\nSunday 13 January, 8pm, BBC Four\nRepeated Thursday 17 January, "
     "1am\n\nA mudlark searches the foreshore.\n", "Tidal Finds"),
    ("the same with a colon, in a New Zealand release", "NZ",
     "TVNZ 1: Kitchen Roads\n\nNew cooks take on old recipes.\n\nPremieres Sunday 13 January "
     "at 7.30pm on TVNZ 1.\n", "Kitchen Roads"),
    ("a headline that opens with the channel", "IE",
     "RTÉ One – Shore Lines\n\nNew series begins Sunday 13 January at 6.30pm on RTÉ One.\n",
     "Shore Lines"),
])
def test_a_channel_label_before_the_title_is_not_the_series(
        reason: str, country: str, text: str, expected: str) -> None:
    assert {(a.programme, a.episode) for a in parse(text, country=country).airings} == {
        (expected, None)}


def test_transmission_and_filing_lines_are_not_titles() -> None:
    text = ("BBC Two – The Hidden Locks\n\nDate: 20.12.2018\nCategory: BBC Two; Factual\n\n"
            "A presenter walks the forgotten canals.\n\nTX: BBC Two, Sunday 13 January, 9pm\n")
    assert programmes(parse(text, country="GB")) == ["The Hidden Locks"]
    assert not title_like("TX") and not title_like("Category: BBC Two; Factual")


@pytest.mark.parametrize(("reason", "country", "text", "expected"), [
    ("an all-caps title, then an appositive naming its host", "US",
     "NETWORK SETS WEEKEND LINEUP\n\nTHE LONG ROAD, an eight-part series hosted by Lena Park, "
     "premieres Sunday, Jan. 13 at 9pm ET on CNN.\n", "The Long Road"),
    ("a title, then the channel's own description of it", "AU",
     "ELECTION COVERAGE\n\nNation Decides, ABC's election night coverage, will be broadcast "
     "live from 6pm on Saturday 12 January on ABC TV.\n", "Nation Decides"),
])
def test_the_subject_before_an_appositive_is_the_title(
        reason: str, country: str, text: str, expected: str) -> None:
    assert set(programmes(parse(text, country=country))) == {expected}


@pytest.mark.parametrize("label", ["Transmission", "Season 3 premiere", "Part One", "Episode 2",
                                   "Encore", "Also New on Foxtel in January", "Coming up on Sky",
                                   "| Night | Date | Time | Episode |", "CBC Media Centre",
                                   "Global Unveils Winter 2019 Premiere Dates"])
def test_labels_parts_table_headers_and_news_headlines_are_not_titles(label: str) -> None:
    assert not title_like(label)


def test_a_transmission_label_does_not_name_the_programme() -> None:
    text = ("THE QUIET HOUR - new six-part thriller begins Sunday 13 January\n\n"
            "Transmission: Sunday 13 January, 21:00-22:00, ITV1\n")
    assert programmes(parse(text, country="GB")) == ["The Quiet Hour"]


def test_part_lines_name_the_episode_and_the_programme_comes_from_above() -> None:
    text = ("The Iron Road\n\nA four-hour documentary on the first railroad across the "
            "continent.\n\nPart One: \u201cAcross the Sierra\u201d \u2014 Tuesday, January 8, "
            "9:00-11:00 p.m. ET on PBS\n")
    (airing,) = parse(text, country="US").airings
    assert (airing.programme, airing.episode) == ("The Iron Road", "Across the Sierra")


def test_an_encore_heading_names_the_programme_after_its_label() -> None:
    text = ("Encore: The Spice Route Kitchen\n\nThe much-loved cooking series returns for a "
            "weekend encore run, Saturday 12 January at 3pm on SBS Food.\n")
    assert programmes(parse(text)) == ["The Spice Route Kitchen"]


def test_a_news_headline_names_the_programme_after_its_verb() -> None:
    text = ("Channel 4 announces The Night Shift Diaries\n\nA new series about hospital night "
            "staff begins on Channel 4 on Monday 7 January at 10pm.\n")
    assert programmes(parse(text, country="GB")) == ["The Night Shift Diaries"]


def test_a_note_on_the_run_after_a_title_is_not_part_of_it() -> None:
    text = ("All times ET.\n\nMONDAY, JAN. 7\n8:00-9:00 PM    HARBOR PRECINCT (New Series)\n"
            "9:00-10:00 PM   DEEP COVER (Season 5 Premiere)\n10:00 PM   NIGHT DESK (season 4)\n\n"
            "All on CBS.\n")
    assert programmes(parse(text, country="US")) == ["Harbor Precinct", "Deep Cover", "Night Desk"]


@pytest.mark.parametrize("sentence", [
    "KNOXVILLE, Tenn. (Jan. 2, 2019) - HGTV will premiere Rust Belt Revival, a new series "
    "starring two sisters, on Saturday, Jan. 12, at 9/8c.",
    "Immediately after, at 10/9c on Saturday, Jan. 12, HGTV debuts Rust Belt Revival, a "
    "half-hour aftershow.",
])
def test_when_a_channel_is_the_subject_the_title_is_the_object(sentence: str) -> None:
    assert programmes(parse(sentence, country="US")) == ["Rust Belt Revival"]


def test_a_heading_with_a_note_on_the_run_names_the_programme_below_it() -> None:
    text = ("CBC MEDIA CENTRE\n\nTHE TRAPLINE (new series)\nTuesday, Jan. 8 at 9 p.m. on CBC\n"
            "A family takes over a fly-in lodge.\n")
    assert programmes(parse(text, country="CA")) == ["The Trapline"]


def test_a_bilingual_row_is_named_by_its_last_language() -> None:
    text = ("Dé Sathairn 12 Eanáir / Saturday 12 January\n"
            "Gaillimh v Maigh Eo / Galway v Mayo - coverage from 5.15pm on TG4\n")
    assert programmes(parse(text, country="IE")) == ["Galway v Mayo"]


def test_a_title_in_capitals_before_the_time_names_it() -> None:
    text = ("CTV today announced that THE NORTHERN LIGHTS MUSIC AWARDS will broadcast live on "
            "Sunday, Jan. 13 at 8 p.m. ET on CTV.\n\n"
            "Fans can catch the arrivals on THE NORTHERN LIGHTS RED CARPET, live on CTV at "
            "7 p.m. ET.\n")
    assert programmes(parse(text, country="CA")) == [
        "The Northern Lights Red Carpet", "The Northern Lights Music Awards"]


@pytest.mark.parametrize("label", ["Debuting Sunday", "DEBUTING SUNDAY", "WHYY TV", "KQED",
                                   "CBLT-DT"])
def test_verbs_and_call_signs_are_not_titles(label: str) -> None:
    assert finder("US").not_channel(label) is None


@pytest.mark.parametrize("label", ["SBS and NITV", "Seven and 7plus", "Channel: U&Dave",
                                   "Episodes: 8 x 40'", "Broadcast Details", "Episode Guide",
                                   "Tonight", "This Saturday", "LinkedIn", "Repeated"])
def test_channel_lists_labels_and_furniture_are_not_titles(label: str) -> None:
    assert finder("AU").not_channel(label) is None


def test_episode_headings_name_episodes_of_the_programme_above() -> None:
    text = ("THE LONG PADDOCK\nA three-part documentary series about a drought drive\n\n"
            "Premieres Sunday 6 January at 7.40pm on ABC TV\n\nEPISODE GUIDE\n\n"
            "Ep 1 - Dry Start\nSunday 6 January, 7.40pm\nThe family weighs the cost of feed.\n\n"
            "Ep 2 - The Reserve\nSunday 13 January, 7.40pm\nA ranger's inspection.\n")
    release = parse(text)
    assert sorted({(a.local_start.strftime("%d"), a.programme, a.episode)
                   for a in release.airings}) == [
        ("06", "The Long Paddock", "Dry Start"), ("13", "The Long Paddock", "The Reserve")]


def test_a_title_in_capitals_is_title_cased_without_capitalising_after_an_apostrophe() -> None:
    from schedules.extract.programmes import tidy_case

    assert tidy_case("SEVEN'S SUMMER OF CRICKET", "") == "Seven's Summer of Cricket"
    assert tidy_case("RADIO 2’S NEW YEAR’S EVE PARTY", "") == "Radio 2’s New Year’s Eve Party"
    assert tidy_case("THE SCI-FI HOUR", "") == "The Sci-Fi Hour"


def test_a_day_word_before_a_colon_is_not_split_off_as_the_programme() -> None:
    text = ('TONIGHT: ABC NEWS SPECIAL "VANISHED AT MILE 42"\n\nThe two-hour special airs '
            "TONIGHT, Friday, Jan. 4 from 9:00-11:00 p.m. ET on ABC.\n")
    (airing,) = parse(text, country="US").airings
    assert airing.programme != "Tonight"


def finder(country: str) -> ProgrammeFinder:
    """A programme finder over no text, for testing what it takes for a title."""
    return ProgrammeFinder("", [], channels=table(country), headline=None)
