"""No page runs or injects markup from a release: its text, titles, contacts and corrections
are all escaped, and JSON-LD cannot be closed by ``</script>`` in the data."""

from __future__ import annotations

import json
import re
from pathlib import Path

from flask.testing import FlaskClient
from lxml import html as lxml_html

from service.contract import AiringQuery
from service.store import SqlStore

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = ROOT / "tests" / "documents" / "hostile-release.txt"
PAYLOAD = "</script><script>window.__pwned=1</script>"
CHANNEL = "ABC\" onmouseover=\"window.__pwned=1\" x=\"<script>alert(1)</script>"


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found
    return found.group(1)


def publish_hostile(desk: FlaskClient) -> int:
    """Ingest the hostile release on the desk, with a hostile channel as a correction."""
    html = desk.get("/desk").get_data(as_text=True)
    shown = desk.post("/desk/preview", data={"csrf": csrf_of(html),
                                             "text": HOSTILE.read_text(),
                                             "format_in": "text"}).get_data(as_text=True)
    form = lxml_html.fromstring(shown).xpath("//form[@id='publish-form']")[0]
    fields = {k: v or "" for k, v in form.form_values()}
    assert PAYLOAD in fields["programme-0"]  # the parser really read the payload as a title
    fields["channel-0"] = CHANNEL
    answer = desk.post("/desk/publish", data=fields)
    assert answer.status_code == 303, answer.get_data(as_text=True)[:500]
    return int(answer.headers["Location"].rsplit("/", 1)[1])


def assert_inert(html: str) -> lxml_html.HtmlElement:
    doc = lxml_html.fromstring(html)
    scripts = doc.xpath("//script")
    ours = [s for s in scripts if s.get("src") == "/static/tz.js"
            or (s.get("type") == "application/ld+json" and not s.get("src"))]
    assert len(ours) == len(scripts), "a script element the page did not write"
    assert not doc.xpath("//@*[starts-with(name(), 'on')]"), "an event handler attribute"
    assert not doc.xpath("//img | //iframe | //object"), "markup from the release"
    assert "<script>window.__pwned" not in html and "<script>alert" not in html
    return doc


def test_hostile_release_is_shown_as_text_on_every_page(desk: FlaskClient,
                                                       sql_store: SqlStore) -> None:
    release_id = publish_hostile(desk)
    stored = sql_store.release(release_id)
    assert stored is not None
    slug = sql_store.airings(AiringQuery(release=release_id)).airings[0].programme_slug
    assert slug
    pages = [f"/releases/{release_id}?tz=Australia/Sydney", f"/programmes/{slug}",
             "/?from=2018-10-08&tz=Australia/Sydney", "/guide?date=2018-10-08&tz=Australia/Sydney"]
    for url in pages:
        answer = desk.get(url)
        assert answer.status_code == 200, url
        doc = assert_inert(answer.get_data(as_text=True))
        assert PAYLOAD in doc.text_content(), f"{url}: the payload is shown, as text"
    release_page = desk.get(f"/releases/{release_id}").get_data(as_text=True)
    assert "&lt;img src=x onerror=" in release_page  # the document itself, escaped


def test_json_ld_keeps_the_data_and_cannot_be_closed(desk: FlaskClient,
                                                     sql_store: SqlStore) -> None:
    release_id = publish_hostile(desk)
    airing = sql_store.airings(AiringQuery(release=release_id)).airings[0]
    html = desk.get(f"/programmes/{airing.programme_slug}").get_data(as_text=True)
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    assert "<" not in blocks[0] and ">" not in blocks[0] and "&" not in blocks[0]
    data = json.loads(blocks[0])
    series, event = data["@graph"][0], data["@graph"][1]
    assert PAYLOAD in series["name"] and "& 'more" in series["name"]
    assert event["publishedOn"]["name"] == CHANNEL


def test_every_page_forbids_scripts_other_than_its_own(desk: FlaskClient) -> None:
    """A second line of defence: even an escaping slip could not run a release's script."""
    for url in ("/", "/guide", "/desk"):
        answer = desk.get(url)
        policy = answer.headers.get("Content-Security-Policy", "")
        directives = dict(d.strip().split(" ", 1) for d in policy.split(";") if d.strip())
        assert directives.get("script-src") == "'self'", url
        assert directives.get("object-src") == "'none'", url
        assert directives.get("frame-ancestors") == "'none'", url
