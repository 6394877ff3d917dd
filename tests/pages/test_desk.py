"""The release desk: token login, CSRF, preview with warnings, corrections, publish."""

from __future__ import annotations

import io
import re
from pathlib import Path

from flask.testing import FlaskClient
from lxml import html as lxml_html

from service.store import SqlStore

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "foreign-correspondent-leave-no-dark-corner.md"


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, "the form carries no CSRF token"
    return found.group(1)


def form_fields(html: str, form_id: str) -> dict[str, str]:
    """What a browser would submit from the form, untouched."""
    form = lxml_html.fromstring(html).xpath(f"//form[@id='{form_id}']")[0]
    return {k: v or "" for k, v in form.form_values()}


def preview(desk: FlaskClient, text: str, **options: str) -> str:
    html = desk.get("/desk").get_data(as_text=True)
    answer = desk.post("/desk/preview", data={"csrf": csrf_of(html), "text": text, **options})
    assert answer.status_code == 200, answer.get_data(as_text=True)[:800]
    return answer.get_data(as_text=True)


def alert(html: str) -> str:
    return " ".join(lxml_html.fromstring(html).xpath("//*[@role='alert']")[0]
                    .text_content().split())


def test_the_desk_needs_a_token(client: FlaskClient, sql_store: SqlStore) -> None:
    html = client.get("/desk").get_data(as_text=True)
    assert 'type="password"' in html and "Sign in" in html
    wrong = client.post("/desk/login", data={"token": "nope", "csrf": csrf_of(html)})
    assert wrong.status_code == 401 and "was not accepted" in alert(wrong.get_data(as_text=True))
    blocked = client.post("/desk/preview", data={"csrf": csrf_of(html), "text": "x"})
    assert blocked.status_code == 401


def test_forms_without_the_csrf_token_are_refused(client: FlaskClient, sql_store: SqlStore,
                                                  desk: FlaskClient) -> None:
    answer = desk.post("/desk/preview", data={"text": SEED.read_text()})
    assert answer.status_code == 400 and "expired" in alert(answer.get_data(as_text=True))
    login = client.post("/desk/login", data={"token": sql_store.create_token("x"),
                                             "csrf": "forged"})
    assert login.status_code == 400


def test_preview_shows_what_was_read_and_its_warnings_without_storing(
        desk: FlaskClient, sql_store: SqlStore) -> None:
    html = preview(desk, SEED.read_text())
    doc = lxml_html.fromstring(html)
    assert [i.get("value") for i in doc.xpath("//input[starts-with(@name,'start-')]")] == [
        "2018-09-18T20:00", "2018-09-21T13:30", "2018-09-22T19:30"]
    assert [i.get("value") for i in doc.xpath("//input[starts-with(@name,'channel-')]")] == [
        "ABC TV", "ABC TV", "ABC News Channel"]
    codes = doc.xpath("//ul[@class='warnings']/li/code/text()")
    assert codes == ["year-inferred", "zone-assumed"]
    for control in doc.xpath("//form[@id='publish-form']//input[@type!='hidden']"):
        assert doc.xpath(f"//label[@for='{control.get('id')}']"), control.get("name")
    assert sql_store.releases()[0] == []


def test_publishing_untouched_stores_no_corrections(desk: FlaskClient,
                                                   sql_store: SqlStore) -> None:
    html = preview(desk, SEED.read_text())
    answer = desk.post("/desk/publish", data=form_fields(html, "publish-form"))
    assert answer.status_code == 303
    release_id = int(answer.headers["Location"].rsplit("/", 1)[1])
    stored = sql_store.release(release_id)
    assert stored is not None and stored.corrections == ()
    assert stored.original == SEED.read_text().encode()
    shown = desk.get(answer.headers["Location"]).get_data(as_text=True)
    assert "3 airings added" in shown and "0 corrections" in shown


def test_a_correction_is_stored_with_the_release_and_survives_a_reparse(
        desk: FlaskClient, sql_store: SqlStore) -> None:
    html = preview(desk, SEED.read_text())
    fields = form_fields(html, "publish-form")
    fields.update({"start-1": "2018-09-21T14:30", "channel-2": "ABC ME",
                   "title": "Leave No Dark Corner"})
    answer = desk.post("/desk/publish", data=fields)
    assert answer.status_code == 303, answer.get_data(as_text=True)[:500]
    release_id = int(answer.headers["Location"].rsplit("/", 1)[1])
    stored = sql_store.release(release_id)
    assert stored is not None
    assert [(c.target, c.field, c.value) for c in stored.corrections] == [
        ("airing:1", "start", "2018-09-21T14:30:00+10:00"),
        ("airing:2", "channel", "ABC ME"),
        ("release", "title", "Leave No Dark Corner")]
    assert all(c.author and c.author.startswith("desk:") for c in stored.corrections)
    sql_store.reparse(release_id)
    again = sql_store.release(release_id)
    assert again is not None and again.record.title == "Leave No Dark Corner"
    assert [a.start.isoformat() for a in again.record.airings][1] == "2018-09-21T14:30:00+10:00"
    assert again.record.airings[2].channel == "ABC ME"
    page = desk.get(f"/releases/{release_id}?tz=Australia/Sydney").get_data(as_text=True)
    assert "Fri 21 Sep 2018, 2:30 pm AEST" in page and "ABC ME" in page


def test_bad_desk_input_gets_a_precise_message_and_keeps_the_text(desk: FlaskClient,
                                                                  sql_store: SqlStore) -> None:
    html = desk.get("/desk").get_data(as_text=True)
    empty = desk.post("/desk/preview", data={"csrf": csrf_of(html), "text": "  "})
    assert empty.status_code == 400 and "Paste the release" in alert(empty.get_data(as_text=True))
    bad_date = desk.post("/desk/preview", data={"csrf": csrf_of(html), "text": "Some text",
                                                 "reference_date": "18/09/2018"})
    body = bad_date.get_data(as_text=True)
    assert bad_date.status_code == 400 and "not a date" in alert(body)
    assert ">Some text</textarea>" in body
    fields = form_fields(preview(desk, SEED.read_text()), "publish-form")
    fields["start-0"] = "next tuesday"
    wrong = desk.post("/desk/publish", data=fields)
    assert wrong.status_code == 400 and "'next tuesday' is not a date and time" in alert(
        wrong.get_data(as_text=True))
    fields["start-0"], fields["document"] = "2018-09-18T20:00", "%%% not base64"
    assert desk.post("/desk/publish", data=fields).status_code == 400
    assert sql_store.releases()[0] == []  # nothing half-stored


def test_an_uploaded_email_is_read_as_email(desk: FlaskClient, sql_store: SqlStore) -> None:
    eml = (b"From: Publicity <publicity@example.com>\nTo: desk@example.com\n"
           b"Subject: Quiz Night returns\nDate: Mon, 1 Oct 2018 09:00:00 +1000\n"
           b"Content-Type: text/plain; charset=utf-8\n\n"
           b"Quiz Night airs 7.00pm-8.00pm Monday 8 October on ABC TV.\n")
    html = desk.get("/desk").get_data(as_text=True)
    answer = desk.post("/desk/preview", data={
        "csrf": csrf_of(html), "text": "", "document": (io.BytesIO(eml), "quiz.eml")},
        content_type="multipart/form-data")
    assert answer.status_code == 200, answer.get_data(as_text=True)[:500]
    fields = form_fields(answer.get_data(as_text=True), "publish-form")
    assert fields["start-0"] == "2018-10-08T19:00" and fields["name"] == "quiz.eml"
    published = desk.post("/desk/publish", data=fields)
    stored = sql_store.release(int(published.headers["Location"].rsplit("/", 1)[1]))
    assert stored is not None and stored.format == "email" and stored.original == eml


def test_sign_out_ends_the_session(desk: FlaskClient) -> None:
    html = desk.get("/desk").get_data(as_text=True)
    assert desk.post("/desk/logout", data={"csrf": csrf_of(html)}).status_code == 303
    assert 'type="password"' in desk.get("/desk").get_data(as_text=True)
