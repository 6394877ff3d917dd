"""Calendar feeds and XMLTV: what subscribers' clients rely on (headers, conditional GET, gzip,
cancellations, options) and that a feed is rendered once per change, not once per poll."""

from __future__ import annotations

import gzip
from pathlib import Path

import icalendar
import pytest
from flask.testing import FlaskClient
from lxml import etree
from web_support import (
    ALL_TIME,
    app,
    app_for,
    client,
    post_release,
    press_release,
    seeded,
    token,
    web_store,
)

from service.feeds import feed_cache
from service.store import SqlStore

DTD = Path(__file__).resolve().parents[1] / "data" / "xmltv.dtd"
ABC_TV = "/feeds/channels/abc-tv.ics" + ALL_TIME


def events(body: bytes) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(body).walk("VEVENT"))


def wall(event: icalendar.Event) -> str:
    start = event.decoded("dtstart")
    return f"{start:%Y-%m-%d %H:%M} {start.tzinfo}"


def test_channel_feed_headers_and_calendar_properties(seeded: FlaskClient) -> None:
    response = seeded.get(ABC_TV)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert response.headers["Cache-Control"] == "public, max-age=3600"
    assert response.headers["ETag"].startswith('"') and not response.headers["ETag"].startswith(
        "W/")
    assert "Last-Modified" in response.headers
    assert "Accept-Encoding" in response.headers["Vary"]
    cal = icalendar.Calendar.from_ical(response.data)
    assert str(cal["NAME"]) == str(cal["X-WR-CALNAME"]) == "ABC TV"
    assert "DESCRIPTION" in cal
    assert cal["REFRESH-INTERVAL"].to_ical() == b"PT1H"
    assert cal["X-PUBLISHED-TTL"].to_ical() == b"PT1H"
    assert [wall(e) for e in events(response.data)] == [
        "2018-09-18 20:00 Australia/Sydney", "2018-09-21 13:30 Australia/Sydney"]


def test_the_default_window_is_the_last_30_days(seeded: FlaskClient) -> None:
    # The seeds aired in 2018: a feed of the last 30 days and ahead has none of them.
    assert events(seeded.get("/feeds/channels/abc-tv.ics").data) == []


def test_conditional_get_answers_304_with_no_body(seeded: FlaskClient) -> None:
    first = seeded.get(ABC_TV)
    etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
    by_etag = seeded.get(ABC_TV, headers={"If-None-Match": etag})
    assert by_etag.status_code == 304 and by_etag.data == b""
    assert by_etag.headers["ETag"] == etag
    by_date = seeded.get(ABC_TV, headers={"If-Modified-Since": modified})
    assert by_date.status_code == 304 and by_date.data == b""
    other = seeded.get(ABC_TV, headers={"If-None-Match": '"something-else"'})
    assert other.status_code == 200 and other.data == first.data


def test_gzip_when_the_client_accepts_it(seeded: FlaskClient) -> None:
    plain = seeded.get(ABC_TV)
    zipped = seeded.get(ABC_TV, headers={"Accept-Encoding": "gzip, deflate"})
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.data) == plain.data
    assert zipped.headers["ETag"] != plain.headers["ETag"]  # another representation
    again = seeded.get(ABC_TV, headers={"Accept-Encoding": "gzip",
                                        "If-None-Match": zipped.headers["ETag"]})
    assert again.status_code == 304
    refused = seeded.get(ABC_TV, headers={"Accept-Encoding": "gzip;q=0"})
    assert "Content-Encoding" not in refused.headers


def test_a_feed_is_rendered_once_per_change(web_store: SqlStore, seeded: FlaskClient,
                                            token: str) -> None:
    cache = feed_cache(seeded.application)
    before = cache.renders
    bodies = {seeded.get(ABC_TV).data for _ in range(5)}
    assert cache.renders == before + 1 and len(bodies) == 1
    # a write from another process (another app on the same database) moves the revision
    other_worker = app_for(web_store).test_client()
    post_release(other_worker, token, press_release(moved_repeat=True))
    changed = seeded.get(ABC_TV)
    assert cache.renders == before + 2
    assert changed.data not in bodies
    assert "2018-09-21 14:30 Australia/Sydney" in [wall(e) for e in events(changed.data)]


def test_concurrent_polls_of_a_cold_feed_render_it_once(seeded: FlaskClient) -> None:
    # After a change (or at a worker's start) many subscribers poll at once: one thread renders
    # and the rest wait for its bytes, instead of every thread rendering the same feed.
    import threading

    app = seeded.application
    cache = feed_cache(app)
    before = cache.renders
    start = threading.Barrier(8)
    bodies: list[bytes] = []

    def poll() -> None:
        client = app.test_client()
        start.wait()
        bodies.append(client.get(ABC_TV).data)

    threads = [threading.Thread(target=poll) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(bodies) == 8 and len(set(bodies)) == 1
    assert cache.renders == before + 1


def test_a_moved_airing_keeps_its_uid_with_a_higher_sequence(seeded: FlaskClient,
                                                             token: str) -> None:
    before = {str(e["UID"]): e for e in events(seeded.get(ABC_TV).data)}
    post_release(seeded, token, press_release(moved_repeat=True))
    after = {str(e["UID"]): e for e in events(seeded.get(ABC_TV).data)}
    assert set(after) == set(before)
    (moved_uid,) = [uid for uid in after if wall(after[uid]) != wall(before[uid])]
    assert wall(after[moved_uid]) == "2018-09-21 14:30 Australia/Sydney"
    assert int(after[moved_uid]["SEQUENCE"]) > int(before[moved_uid]["SEQUENCE"])
    assert after[moved_uid].decoded("dtstamp") >= before[moved_uid].decoded("dtstamp")


def test_a_cancelled_airing_stays_in_the_feed_as_cancelled(seeded: FlaskClient,
                                                            token: str) -> None:
    post_release(seeded, token, press_release(without_news_channel=True))
    news = events(seeded.get("/feeds/channels/abc-news-channel.ics" + ALL_TIME).data)
    assert [(str(e["STATUS"]), int(e["SEQUENCE"])) for e in news] == [("CANCELLED", 1)]


@pytest.mark.parametrize(("query", "expected", "reason"), [
    ("", ["2018-09-18 20:00", "2018-09-21 13:30", "2018-09-22 19:30"], "everything"),
    ("&repeats=false", ["2018-09-18 20:00"], "no repeats"),
    ("&premieres_only=true", ["2018-09-18 20:00"], "first showing only"),
    # Perth: the two times printed without a zone keep their wall time; "7.30 pm AEST" is a
    # fixed instant and stays 19:30 Sydney (17:30 in Perth, shown by the client).
    ("&tz=Australia/Perth", ["2018-09-18 20:00 Australia/Perth",
                             "2018-09-21 13:30 Australia/Perth",
                             "2018-09-22 19:30 Australia/Sydney"], "re-anchored"),
])
def test_feed_options(seeded: FlaskClient, query: str, expected: list[str],
                      reason: str) -> None:
    got = [wall(e) for e in events(seeded.get("/feeds/all.ics" + ALL_TIME + query).data)]
    if "tz=" not in query:
        got = [g.rsplit(" ", 1)[0] for g in got]
    assert got == expected


def test_all_day_events(seeded: FlaskClient) -> None:
    found = events(seeded.get("/feeds/all.ics" + ALL_TIME + "&all_day=true").data)
    assert [str(e.decoded("dtstart")) for e in found] == [
        "2018-09-18", "2018-09-21", "2018-09-22"]


def test_programme_and_release_feeds(seeded: FlaskClient) -> None:
    programme = seeded.get("/feeds/programmes/foreign-correspondent.ics" + ALL_TIME)
    assert len(events(programme.data)) == 3
    release = seeded.get("/feeds/releases/2.ics" + ALL_TIME)  # the blog: one airing
    assert [wall(e) for e in events(release.data)] == ["2018-09-18 20:00 Australia/Sydney"]


def test_a_release_feed_keeps_its_old_airings_without_asking(seeded: FlaskClient) -> None:
    # The running feeds show the last 30 days by default; a release's own calendar is the whole
    # document, however long ago it aired.
    assert events(seeded.get("/feeds/all.ics").data) == []
    assert len(events(seeded.get("/feeds/releases/1.ics").data)) == 3
    assert events(seeded.get("/feeds/releases/1.ics?past_days=30").data) == []


def test_xmltv_is_valid_against_the_dtd(seeded: FlaskClient) -> None:
    response = seeded.get("/xmltv.xml" + ALL_TIME)
    assert response.status_code == 200
    assert response.mimetype == "application/xml"
    doc = etree.fromstring(response.data)
    dtd = etree.DTD(str(DTD))
    assert dtd.validate(doc), dtd.error_log.filter_from_errors()
    starts = [(p.get("start"), p.get("channel")) for p in doc.iter("programme")]
    assert starts == [("20180918200000 +1000", "abc-tv"), ("20180921133000 +1000", "abc-tv"),
                      ("20180922193000 +1000", "abc-news-channel")]
    assert seeded.get("/xmltv.xml" + ALL_TIME,
                      headers={"If-None-Match": response.headers["ETag"]}).status_code == 304
