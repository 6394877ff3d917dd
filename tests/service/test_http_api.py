"""The JSON API: ingest over HTTP, listings with offsets, and responses that match the OpenAPI
document (each checked with jsonschema, then the whole API fuzzed by schemathesis)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from openapi_check import openapi, validate
from web_support import (
    BLOG,
    app,
    client,
    post_release,
    post_seeds,
    press_release,
    seeded,
    token,
    web_store,
)

SEED_AIRINGS = [
    ("2018-09-18T20:00:00+10:00", "abc-tv", False),
    ("2018-09-21T13:30:00+10:00", "abc-tv", True),
    ("2018-09-22T19:30:00+10:00", "abc-news-channel", True),
]


def listing(client: FlaskClient, query: str = "") -> dict[str, Any]:
    response = client.get("/api/v1/airings" + query)
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    body = response.get_json()
    validate("AiringPage", body)
    return dict(body)


def test_posting_a_release_answers_201_with_location_then_200(client: FlaskClient,
                                                               token: str) -> None:
    first = post_release(client, token, press_release())
    assert first.status_code == 201
    validate("IngestedRelease", first.get_json())
    location = first.headers["Location"]
    assert location.endswith(f"/api/v1/releases/{first.get_json()['id']}")
    assert first.get_json()["ingest"]["added"] == 3

    again = post_release(client, token, press_release())
    assert again.status_code == 200
    assert again.get_json()["id"] == first.get_json()["id"]
    assert again.get_json()["ingest"]["created"] is False

    stored = client.get(location)
    assert stored.status_code == 200
    validate("Release", stored.get_json())
    body = stored.get_json()
    assert body["release"]["title"].lower() == "foreign correspondent: leave no dark corner"
    assert len(body["sha256"]) == 64
    assert [a["start"] for a in body["airings"]] == [s for s, _, _ in SEED_AIRINGS]


def test_json_envelope_is_the_same_as_a_raw_body(client: FlaskClient, token: str) -> None:
    response = client.post("/api/v1/releases", json={
        "text": BLOG.read_text("utf-8"), "reference_date": "2018-09-18", "country": "AU",
        "url": "https://example.org/leave-no-dark-corner"},
        headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 201, response.get_data(as_text=True)
    body = response.get_json()
    validate("IngestedRelease", body)
    assert [a["start"] for a in body["airings"]] == ["2018-09-18T20:00:00+10:00"]


def test_html_envelope(client: FlaskClient, token: str) -> None:
    html = ("<html><head><title>Four Corners: Test</title></head><body><h1>Four Corners</h1>"
            "<p>Airs 8.30 pm Monday 3 June 2019 on ABC TV.</p></body></html>")
    response = client.post("/api/v1/releases", json={"html": html},
                           headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 201, response.get_data(as_text=True)
    assert response.get_json()["release"]["format"] == "html"
    assert [a["start"] for a in response.get_json()["airings"]] == [
        "2019-06-03T20:30:00+10:00"]


def test_listings_show_the_three_seed_airings_with_their_offsets(seeded: FlaskClient) -> None:
    body = listing(seeded)
    airings = body["airings"]
    assert [(a["start"], a["channel_slug"], a["repeat"]) for a in airings] == SEED_AIRINGS
    assert body["next"] is None
    first = airings[0]
    assert first["programme"] == "Foreign Correspondent"
    assert first["timezone"] == "Australia/Sydney"
    assert first["status"] == "scheduled" and first["sequence"] == 0
    # the blog repost is the same broadcast: one airing, two sources
    assert [s["id"] for s in first["sources"]] == [1, 2]
    assert first["links"]["webcal"].startswith("webcal://")
    assert first["links"]["channel_ics"].endswith("/feeds/channels/abc-tv.ics")


def test_tz_re_expresses_the_same_instants(seeded: FlaskClient) -> None:
    perth = listing(seeded, "?tz=Australia/Perth")["airings"]
    assert [a["start"] for a in perth] == [
        "2018-09-18T18:00:00+08:00", "2018-09-21T11:30:00+08:00", "2018-09-22T17:30:00+08:00"]
    assert {a["timezone"] for a in perth} == {"Australia/Sydney"}


@pytest.mark.parametrize(("query", "expected", "reason"), [
    ("?channel=abc-tv", [0, 1], "one channel"),
    ("?channel=abc-news-channel", [2], "the other"),
    ("?programme=foreign-correspondent", [0, 1, 2], "one programme"),
    ("?programme=four-corners", [], "a programme with no airings"),
    ("?from=2018-09-19&to=2018-09-22", [1], "a window of days (UTC midnights)"),
    ("?from=2018-09-21T13:30:00%2B10:00", [1, 2], "an instant with an escaped offset"),
    ("?from=2018-09-21T13:30:00+10:00", [1, 2], "an offset whose + became a space"),
    ("?from=2018-09-22&tz=Australia/Sydney", [2], "a date read in tz"),
    ("?q=news", [2], "text in the channel"),
    ("?q=DARK", [0, 1, 2], "text in the episode, any case"),
    ("?release=2", [0], "what the blog announced"),
])
def test_filters(seeded: FlaskClient, query: str, expected: list[int], reason: str) -> None:
    got = [a["start"] for a in listing(seeded, query)["airings"]]
    assert got == [SEED_AIRINGS[i][0] for i in expected]


def test_pages_follow_the_cursor(seeded: FlaskClient) -> None:
    seen: list[str] = []
    query = "?limit=2"
    pages = 0
    while True:
        body = listing(seeded, query)
        seen += [a["start"] for a in body["airings"]]
        pages += 1
        if body["next"] is None:
            break
        query = f"?limit=2&cursor={body['next']}"
    assert pages == 2
    assert seen == [s for s, _, _ in SEED_AIRINGS]


def test_a_revision_moves_the_repeat_and_cancels_the_dropped_airing(seeded: FlaskClient,
                                                                    token: str) -> None:
    before = {a["start"]: a for a in listing(seeded)["airings"]}
    repeat_uid = before["2018-09-21T13:30:00+10:00"]["uid"]
    revised = post_release(seeded, token, press_release(moved_repeat=True,
                                                        without_news_channel=True))
    assert revised.status_code == 201
    assert revised.get_json()["ingest"]["moved"] == 1
    after = listing(seeded)["airings"]
    moved = next(a for a in after if a["uid"] == repeat_uid)
    assert moved["start"] == "2018-09-21T14:30:00+10:00"
    assert moved["sequence"] == 1
    dropped = next(a for a in after if a["channel_slug"] == "abc-news-channel")
    assert dropped["status"] == "cancelled" and dropped["sequence"] == 1
    live = listing(seeded, "?cancelled=false")["airings"]
    assert [a["channel_slug"] for a in live] == ["abc-tv", "abc-tv"]


def test_releases_channels_and_programmes_match_the_schema(seeded: FlaskClient) -> None:
    releases = seeded.get("/api/v1/releases").get_json()
    validate("ReleaseList", releases)
    assert [r["id"] for r in releases["releases"]] == [2, 1]  # newest first
    channels = seeded.get("/api/v1/channels").get_json()
    validate("ChannelList", channels)
    assert {c["slug"]: c["airings"] for c in channels["channels"]} == {
        "abc-tv": 2, "abc-news-channel": 1}
    abc = next(c for c in channels["channels"] if c["slug"] == "abc-tv")
    assert abc["links"]["webcal"].startswith("webcal://")
    assert abc["links"]["webcal"].endswith("/feeds/channels/abc-tv.ics")
    programmes = seeded.get("/api/v1/programmes").get_json()
    validate("ProgrammeList", programmes)
    one = seeded.get("/api/v1/programmes/foreign-correspondent").get_json()
    validate("ProgrammeDetail", one)
    assert one["title"] == "Foreign Correspondent"
    assert one["contacts"][0]["emails"] == ["wilson.peri@abc.net.au"]


def test_openapi_document_is_served_and_is_openapi_3_1(client: FlaskClient) -> None:
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    doc = json.loads(response.get_data(as_text=True))
    assert doc == openapi()
    assert doc["openapi"].startswith("3.1")


def test_every_route_is_documented(app: Flask) -> None:
    documented = set(openapi()["paths"])
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static" or not rule.rule.startswith(("/api", "/feeds", "/xmltv",
                                                                   "/healthz")):
            continue
        path = rule.rule.replace("<int:release_id>", "{release_id}").replace("<slug>", "{slug}")
        assert path in documented or path == "/api/v1/openapi.json", path


def test_healthz(client: FlaskClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json()["status"] == "ok"
