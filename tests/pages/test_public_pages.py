"""What's on, the guide grid, programme and release pages, read through the Flask test client
against a real SQLite store holding the seed press release."""

from __future__ import annotations

import json
from pathlib import Path

from flask.testing import FlaskClient
from lxml import html as lxml_html

from service.store import SqlStore

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "foreign-correspondent-leave-no-dark-corner.md"
DOCUMENTS = ROOT / "tests" / "documents"


def page(client: FlaskClient, url: str, status: int = 200) -> lxml_html.HtmlElement:
    answer = client.get(url)
    assert answer.status_code == status, answer.get_data(as_text=True)[:500]
    assert answer.mimetype == "text/html"
    return lxml_html.fromstring(answer.get_data(as_text=True))


def texts(doc: lxml_html.HtmlElement, xpath: str) -> list[str]:
    return [" ".join(e.text_content().split()) for e in doc.xpath(xpath)]


def test_whats_on_lists_the_seed_by_day_with_links_to_the_programme(
        client: FlaskClient, seeded: int) -> None:
    doc = page(client, "/?from=2018-09-18&tz=Australia/Sydney")
    assert texts(doc, "//section[@class='day']/h2") == [
        "Tuesday 18 September 2018", "Friday 21 September 2018", "Saturday 22 September 2018"]
    first = texts(doc, "//section[@class='day'][1]//li")[0]
    assert "8:00 pm AEST" in first and "Foreign Correspondent" in first and "ABC TV" in first
    assert "Premiere" in first
    assert doc.xpath("//a[text()='Foreign Correspondent']/@href")[0] == \
        "/programmes/foreign-correspondent"
    # every control of the filter form has a label
    for control in doc.xpath("//form[contains(@class,'filters')]//*[self::select or "
                             "self::input]"):
        assert doc.xpath(f"//label[@for='{control.get('id')}']"), control.get("name")


def test_whats_on_filters_by_channel_and_programme(client: FlaskClient, seeded: int) -> None:
    news = page(client, "/?from=2018-09-18&channel=abc-news-channel")
    assert len(news.xpath("//li[contains(@class,'airing')]")) == 1
    assert "ABC News Channel" in texts(news, "//li[contains(@class,'airing')]")[0]
    assert len(page(client, "/?from=2018-09-18&programme=foreign-correspondent")
               .xpath("//li[contains(@class,'airing')]")) == 3
    page(client, "/?channel=no-such-channel", 404)


def test_times_follow_the_tz_parameter_then_the_cookie_then_the_broadcaster(
        client: FlaskClient, seeded: int) -> None:
    def first_time(doc: lxml_html.HtmlElement) -> str:
        return texts(doc, "//li[contains(@class,'airing')]//time")[0]

    assert first_time(page(client, "/?from=2018-09-18")) == "8:00 pm AEST"
    assert first_time(page(client, "/?from=2018-09-18&tz=Europe/London")) == "11:00 am BST"
    client.set_cookie("tz", "America/New_York")
    doc = page(client, "/?from=2018-09-18")
    assert first_time(doc) == "6:00 am EDT"
    assert doc.xpath("//select[@id='tz']/option[@selected]/text()")[0] == \
        "This device (America/New_York)"
    client.set_cookie("tz", "Not/AZone")  # a bad cookie is ignored, not an error
    assert first_time(page(client, "/?from=2018-09-18")) == "8:00 pm AEST"


def test_bad_query_values_get_a_precise_400_page(client: FlaskClient, seeded: int) -> None:
    for url, words in (("/?tz=Mars/Base", "'Mars/Base' is not an IANA time zone"),
                       ("/guide?date=18/09/2018", "'18/09/2018' is not a date"),
                       ("/?days=0", "between 1 and 31"), ("/?days=x", "whole number")):
        doc = page(client, url, 400)
        assert words in texts(doc, "//*[@role='alert']")[0], url


def test_an_empty_window_points_to_the_next_listed_day(client: FlaskClient, seeded: int) -> None:
    doc = page(client, "/?from=2018-09-01&days=3")
    assert "Tuesday 18 September 2018" in texts(doc, "//p[@class='empty']")[0]
    assert "from=2018-09-18" in doc.xpath("//p[@class='empty']/a/@href")[0]


def test_guide_grid_sizes_blocks_by_duration(client: FlaskClient, sql_store: SqlStore) -> None:
    sql_store.ingest((DOCUMENTS / "two-lengths-release.txt").read_bytes(), country="AU")
    doc = page(client, "/guide?date=2018-10-08&tz=Australia/Sydney")
    blocks = {texts(li, ".//span[@class='block-title']")[0]: li
              for li in doc.xpath("//li[contains(@class,'block')]")}
    quiz, stories = blocks["Quiz Night"], blocks["Short Stories"]
    assert "--left: 1140; --width: 60" in quiz.get("style")
    assert "--left: 1200; --width: 30" in stories.get("style")
    assert texts(doc, "//h2[@class='guide-label']") == ["ABC TV"]
    assert doc.xpath("//a[@rel='prev']/@href")[0] == "/guide?date=2018-10-07&tz=Australia/Sydney"
    assert doc.xpath("//a[@rel='next']/@href")[0] == "/guide?date=2018-10-09&tz=Australia/Sydney"
    assert not doc.xpath("//li[@class='now']")  # not today


def test_guide_draws_now_on_today(app: object, client: FlaskClient, seeded: int) -> None:
    import datetime as dt

    from flask import Flask
    assert isinstance(app, Flask)
    app.config["PAGES_NOW"] = lambda: dt.datetime(2018, 9, 18, 10, 30, tzinfo=dt.UTC)
    doc = page(client, "/guide?tz=Australia/Sydney")  # no date: today
    assert texts(doc, "//h1/span")[0] == "Tuesday 18 September 2018"
    assert "--left: 1230" in doc.xpath("//li[@class='now']/@style")[0]  # 20:30 AEST
    fc = doc.xpath("//li[contains(@class,'block')]")[0]
    assert "--left: 1200" in fc.get("style") and "end-assumed" in fc.get("class")


def test_programme_page_has_contacts_subscribe_links_and_json_ld(
        client: FlaskClient, seeded: int) -> None:
    doc = page(client, "/programmes/foreign-correspondent?tz=Australia/Sydney")
    assert texts(doc, "//h1") == ["Foreign Correspondent"]
    assert "Matthew Carney" in texts(doc, "//p[@class='presenter']")[0]
    assert "Big Brother to Big Data" in texts(doc, "//p[@class='synopsis']")[0]
    assert doc.xpath("//a[starts-with(@href,'tel:')]/@href") == ["tel:+61283332263",
                                                                 "tel:+61409888866"]
    assert doc.xpath("//a[starts-with(@href,'mailto:')]/@href") == [
        "mailto:wilson.peri@abc.net.au"]
    hrefs = doc.xpath("//section[@aria-labelledby='subscribe']//a/@href")
    assert hrefs == [
        "webcal://localhost/feeds/programmes/foreign-correspondent.ics",
        "https://calendar.google.com/calendar/r?cid="
        "webcal%3A%2F%2Flocalhost%2Ffeeds%2Fprogrammes%2Fforeign-correspondent.ics",
        "/feeds/programmes/foreign-correspondent.ics?past_days=36500"]
    note = texts(doc, "//p[@class='note']")[0]
    assert "8 to 24 hours" in note and "hourly" in note and "3 hours" in note
    assert texts(doc, "//section[@aria-labelledby='stream']//li") == ["ABC iview"]
    badges = texts(doc, "//ol[@class='airings']//span[contains(@class,'badge')]")
    assert badges == ["Premiere", "Repeat", "Repeat"]
    data = json.loads(doc.xpath("//script[@type='application/ld+json']/text()")[0])
    series, *events = data["@graph"]
    assert series["@type"] == "TVSeries" and series["name"] == "Foreign Correspondent"
    assert [e["startDate"] for e in events] == [
        "2018-09-18T20:00:00+10:00", "2018-09-21T13:30:00+10:00", "2018-09-22T19:30:00+10:00"]
    assert {e["@type"] for e in events} == {"BroadcastEvent"}
    assert events[0]["workPerformed"] == {
        "@type": "TVEpisode", "name": "Leave No Dark Corner",
        "partOfSeries": {"@id": series["@id"]}}
    assert events[2]["publishedOn"] == {"@type": "BroadcastService", "name": "ABC News Channel"}


def test_the_ics_download_the_page_links_to_is_a_calendar(client: FlaskClient,
                                                          seeded: int) -> None:
    doc = page(client, "/programmes/foreign-correspondent")
    href = doc.xpath("//a[@download]/@href")[0]
    answer = client.get(href)
    assert answer.status_code == 200 and answer.mimetype == "text/calendar"
    assert answer.get_data(as_text=True).count("BEGIN:VEVENT") == 3


def test_a_cancelled_airing_is_struck_through(client: FlaskClient, sql_store: SqlStore,
                                             seeded: int) -> None:
    revised = SEED.read_text().replace(
        " and 1.30 pm Friday September 21 on ABC TV and", " on ABC TV and")
    result = sql_store.ingest(revised.encode(), name=SEED.name, country="AU")
    assert result.cancelled == 1, result
    doc = page(client, "/programmes/foreign-correspondent?tz=Australia/Sydney")
    struck = texts(doc, "//li[contains(@class,'is-cancelled')]//del")
    assert len(struck) == 1 and "Fri 21 Sep 2018, 1:30 pm AEST" in struck[0]
    data = json.loads(doc.xpath("//script[@type='application/ld+json']/text()")[0])
    statuses = [e["eventStatus"].rsplit("/", 1)[1] for e in data["@graph"][1:]]
    assert sorted(statuses) == ["EventCancelled", "EventScheduled", "EventScheduled"]


def test_release_page_highlights_the_words_each_fact_came_from(client: FlaskClient,
                                                              seeded: int) -> None:
    doc = page(client, f"/releases/{seeded}")
    marks = {m.get("data-refs"): m.text_content() for m in doc.xpath("//mark")}
    assert marks["airing-1"] == "Airs 8.00 pm Tuesday September 18 on ABC TV and iview"
    assert marks["airing-2 airing-3"].startswith("Leave No Dark Corner, Matthew Carney")
    assert "Peri Wilson" in marks["contact-1"]
    warnings = texts(doc, "//ul[@class='warnings']/li")
    assert len(warnings) == 2 and warnings[0].startswith("year-inferred")
    # every highlight's "from the text" link lands on a mark
    for href in doc.xpath("//a[text()='(from the text)']/@href"):
        assert doc.xpath(f"//mark[@id='{href[1:]}']"), href
    links = doc.xpath("//dl[@class='facts']//a/@href")
    assert f"/api/v1/releases/{seeded}" in links
    assert f"/feeds/releases/{seeded}.ics?past_days=36500" in links
    original = doc.xpath("//details/pre")[0].text_content()
    assert original.startswith("\n\nRELEASED: Wednesday 12 September 2018")


def test_unknown_programme_and_release_are_404_pages(client: FlaskClient, seeded: int) -> None:
    assert "No programme" in texts(page(client, "/programmes/nothing-here", 404),
                                   "//*[@role='alert']")[0]
    assert "No release" in texts(page(client, "/releases/999", 404), "//*[@role='alert']")[0]


def test_html_pages_never_reach_for_a_stylesheet_or_script_off_site(client: FlaskClient,
                                                                   seeded: int) -> None:
    doc = page(client, "/")
    assert doc.xpath("//link[@rel='stylesheet']/@href") == ["/static/site.css"]
    assert doc.xpath("//script/@src") == ["/static/tz.js"]
    for name in ("site.css", "tz.js"):
        with client.get(f"/static/{name}") as answer:
            assert answer.status_code == 200, name


def test_release_page_carries_its_broadcasts_as_json_ld(client: FlaskClient,
                                                       seeded: int) -> None:
    doc = page(client, f"/releases/{seeded}")
    data = json.loads(doc.xpath("//script[@type='application/ld+json']/text()")[0])
    events = data["@graph"]
    assert [(e["@type"], e["startDate"], e["publishedOn"]["name"]) for e in events] == [
        ("BroadcastEvent", "2018-09-18T20:00:00+10:00", "ABC TV"),
        ("BroadcastEvent", "2018-09-21T13:30:00+10:00", "ABC TV"),
        ("BroadcastEvent", "2018-09-22T19:30:00+10:00", "ABC News Channel")]
    assert events[0]["workPerformed"] == {
        "@type": "TVEpisode", "name": "Leave No Dark Corner",
        "partOfSeries": {"@type": "TVSeries", "name": "Foreign Correspondent"}}


def test_only_web_addresses_become_links(client: FlaskClient, sql_store: SqlStore) -> None:
    html = (b"<html><head><title>Harbour Nights</title>"
            b"<link rel='canonical' href='javascript:alert(1)'></head><body><main>"
            b"<p>RELEASED: Monday 3 June 2019</p>"
            b"<p>Harbour Nights airs at 8pm Friday 7 June on ABC TV.</p></main></body></html>")
    release = sql_store.ingest(html, name="page.html", country="AU").release
    doc = page(client, f"/releases/{release.id}")
    assert not doc.xpath("//a[starts-with(normalize-space(@href),'javascript:')]")


def test_programme_page_names_the_releases_it_was_read_from(client: FlaskClient,
                                                           seeded: int) -> None:
    doc = page(client, "/programmes/foreign-correspondent")
    links = doc.xpath("//section[@aria-labelledby='sources']//a")
    assert [(a.get("href"), " ".join(a.text_content().split())) for a in links] == [
        (f"/releases/{seeded}", "FOREIGN CORRESPONDENT: LEAVE NO DARK CORNER")]  # as printed
