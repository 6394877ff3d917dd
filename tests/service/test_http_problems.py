# ruff: noqa: F811  (pytest fixtures imported from web_support are redefined as arguments)
"""Every error the service answers is application/problem+json with type, title, status and
detail: never an HTML error page, never a traceback."""

from __future__ import annotations

import json
import logging

import pytest
from flask import Flask
from flask.testing import FlaskClient
from web_support import app, client, token, web_store  # noqa: F401
from werkzeug.test import TestResponse

from schedules.read import MAX_BYTES


def assert_problem(response: TestResponse, status: int, *, says: str = "") -> dict[str, object]:
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/problem+json"
    body = json.loads(response.get_data(as_text=True))
    assert set(body) >= {"type", "title", "status", "detail"}
    assert body["status"] == status
    assert isinstance(body["title"], str) and body["title"]
    assert isinstance(body["detail"], str) and body["detail"]
    assert says.lower() in str(body["detail"]).lower(), body
    assert "Traceback" not in response.get_data(as_text=True)
    return dict(body)


@pytest.mark.parametrize(("method", "path", "status", "says", "reason"), [
    ("GET", "/no/such/page", 404, "not found", "Werkzeug's 404"),
    ("GET", "/api/v1/releases/999", 404, "no release 999", "an id the store does not hold"),
    ("GET", "/api/v1/releases/abc", 404, "not found", "not an id at all"),
    ("GET", "/api/v1/programmes/no-such-show", 404, "no programme", "unknown slug"),
    ("GET", "/feeds/channels/no-such-channel.ics", 404, "no channel", "unknown channel feed"),
    ("GET", "/feeds/programmes/nothing.ics", 404, "no programme", "unknown programme feed"),
    ("GET", "/feeds/releases/12.ics", 404, "no release", "unknown release feed"),
    ("GET", "/feeds/channels/Bad%20Slug!.ics", 404, "slug", "not a slug"),
    ("DELETE", "/api/v1/airings", 405, "method", "reads only"),
    ("PUT", "/feeds/all.ics", 405, "method", "feeds are read-only"),
    ("GET", "/api/v1/airings?tz=Mars/Olympus", 400, "iana time zone", "unknown zone"),
    ("GET", "/api/v1/airings?tz=../../etc/passwd", 400, "iana time zone", "a path, not a zone"),
    ("GET", "/api/v1/airings?from=yesterday", 400, "iso 8601", "not a date"),
    ("GET", "/api/v1/airings?from=2018-09-20&to=2018-09-19", 400, "later than", "empty range"),
    ("GET", "/api/v1/airings?limit=0", 400, "from 1 to 500", "limit below range"),
    ("GET", "/api/v1/airings?limit=lots", 400, "whole number", "limit not a number"),
    ("GET", "/api/v1/airings?cursor=%21%21%21", 400, "cursor", "a cursor we never gave out"),
    ("GET", "/api/v1/airings?channel=ABC%20TV%21", 400, "slug", "a name where a slug goes"),
    ("GET", "/api/v1/releases?cursor=bm9wZQ", 400, "cursor", "base64 but not ours"),
    ("GET", "/feeds/all.ics?past_days=-1", 400, "from 0 to 36500", "negative window"),
    ("GET", "/feeds/all.ics?repeats=maybe", 400, "true or false", "not a boolean"),
    ("GET", "/feeds/all.ics?tz=Nowhere", 400, "iana time zone", "unknown zone in a feed"),
    ("GET", "/xmltv.xml?future_days=x", 400, "whole number", "xmltv window"),
])
def test_bad_requests_get_a_precise_problem(client: FlaskClient, method: str, path: str,
                                            status: int, says: str, reason: str) -> None:
    assert_problem(client.open(path, method=method), status, says=says)


def test_405_keeps_the_allow_header(client: FlaskClient) -> None:
    response = client.delete("/feeds/all.ics")
    assert_problem(response, 405)
    assert "GET" in response.headers["Allow"]


def test_write_without_token_is_401_with_www_authenticate(client: FlaskClient) -> None:
    response = client.post("/api/v1/releases", data=b"Airs 8pm Tuesday on ABC TV",
                           content_type="text/plain")
    body = assert_problem(response, 401, says="token")
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert body["type"] != "about:blank"


@pytest.mark.parametrize(("header", "reason"), [
    ("Bearer not-a-token", "a token the store never issued"),
    ("Basic dXNlcjpwYXNz", "another scheme"),
    ("Bearer ", "empty token"),
])
def test_write_with_a_bad_token_is_401(client: FlaskClient, header: str, reason: str) -> None:
    response = client.post("/api/v1/releases", data=b"Airs 8pm Tuesday on ABC TV",
                           headers={"Authorization": header, "Content-Type": "text/plain"})
    assert_problem(response, 401)
    assert "error=" in response.headers["WWW-Authenticate"]


def test_unsupported_content_type_is_415(client: FlaskClient, token: str) -> None:
    response = client.post("/api/v1/releases", data=b"%PDF-1.4",
                           headers={"Authorization": f"Bearer {token}",
                                    "Content-Type": "application/pdf"})
    assert_problem(response, 415, says="text/plain")
    assert "text/markdown" in response.headers["Accept-Post"]


@pytest.mark.parametrize(("body", "content_type", "status", "says", "reason"), [
    (b'{"text": ', "application/json", 400, "json", "JSON cut short"),
    (b'["text"]', "application/json", 400, "object", "JSON but not an object"),
    (b'{"text": "a", "html": "b"}', "application/json", 400, "exactly one", "both bodies"),
    (b'{"body": "a"}', "application/json", 400, "unknown field", "a field we do not know"),
    (b'{"text": 42}', "application/json", 400, "string", "text that is not a string"),
    (b'{"text": "Airs 8pm", "reference_date": "12/09/2018"}', "application/json", 400,
     "yyyy-mm-dd", "a date in another format"),
    (b'{"text": "Airs 8pm", "country": "Atlantis"}', "application/json", 400,
     "unknown country", "a country we have no table for"),
    (b'{"text": "Airs 8pm", "url": "javascript:alert(1)"}', "application/json", 400,
     "http(s) url", "a URL that is not http"),
    (b"   \n", "text/plain", 400, "empty", "an empty document"),
    (b"\x00\x01\x02binary\x00" * 50, "text/plain", 422, "binary", "binary data"),
])
def test_documents_that_cannot_be_used(client: FlaskClient, token: str, body: bytes,
                                       content_type: str, status: int, says: str,
                                       reason: str) -> None:
    response = client.post("/api/v1/releases", data=body,
                           headers={"Authorization": f"Bearer {token}",
                                    "Content-Type": content_type})
    assert_problem(response, status, says=says)
    # nothing was stored
    assert client.get("/api/v1/releases").get_json()["releases"] == []


def test_a_document_over_the_limit_is_413(client: FlaskClient, token: str) -> None:
    just_over_reader = b"a" * (MAX_BYTES + 1)
    response = client.post("/api/v1/releases", data=just_over_reader,
                           headers={"Authorization": f"Bearer {token}",
                                    "Content-Type": "text/plain"})
    assert_problem(response, 413, says="limit")
    far_over = b"a" * (MAX_BYTES + 1024 * 1024)
    response = client.post("/api/v1/releases", data=far_over,
                           headers={"Authorization": f"Bearer {token}",
                                    "Content-Type": "text/plain"})
    assert_problem(response, 413)


def test_an_unexpected_exception_is_a_logged_500_with_a_generic_body(
        app: Flask, caplog: pytest.LogCaptureFixture) -> None:
    @app.get("/boom")
    def boom() -> str:
        raise RuntimeError("secret internals: password=hunter2")

    with caplog.at_level(logging.ERROR):
        response = app.test_client().get("/boom")
    body = assert_problem(response, 500, says="logged")
    assert "hunter2" not in json.dumps(body)
    logged = [r for r in caplog.records if r.exc_info and "hunter2" in str(r.exc_info[1])]
    assert logged, "the exception itself must be in the log"
