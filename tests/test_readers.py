"""Readers turn a whole web page, an e-mail or text pasted from a PDF into the plain text of the
release, with its paragraph and line structure, and nothing else. Fixtures are written here."""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest

from schedules.errors import ReadError
from schedules.extract import extract
from schedules.read import detect_format, read_document

# -- HTML ------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <title>Harbour Lights returns | Example Media Centre</title>
  <link rel="canonical" href="https://media.example.org/releases/2019/01/02/harbour-lights">
  <meta property="article:published_time" content="2019-01-02T09:00:00+11:00">
  <script>window.dataLayer = [{"page": "Sunday 13 January at 9pm"}];</script>
  <style>.x { color: red }</style>
</head>
<body>
  <div id="onetrust-consent-sdk"><p>We use cookies. Accept all cookies?</p></div>
  <header class="site-header"><a href="/">Home</a> <a href="/news">News</a></header>
  <nav aria-label="Main"><ul><li>TV</li><li>Radio</li><li>Thursday 3 January 7pm</li></ul></nav>
  <main>
    <article>
      <h1>Harbour Lights returns</h1>
      <p class="byline">By Jo Lane, 2 January 2019</p>
      <p>The ferry crews are back. <strong>Harbour Lights</strong> airs
         Sunday 13 January at <em>7.40pm</em> on
         <a href="https://abc.example/tv">ABC TV</a>.</p>
      <ul><li>Episode 1: The Night Ferry</li><li>Episode 2: Fog</li></ul>
      <table><tr><th>Day</th><th>Time</th></tr>
             <tr><td>Sunday 13 January</td><td>7.40pm</td></tr></table>
      <p>Line one<br>Line two</p>
      <div class="share-bar">Share on Facebook</div>
      <div hidden>Secret preview Monday 14 January 10pm</div>
      <div style="display: none">Also hidden</div>
    </article>
  </main>
  <aside>Most read: Friday 4 January 6pm</aside>
  <footer>© 2019 Example Broadcasting. All rights reserved.</footer>
</body>
</html>"""


def test_a_whole_page_keeps_the_article_and_drops_the_chrome() -> None:
    doc = read_document(PAGE.encode(), name="page.html")
    assert doc.format == "html"
    assert doc.text.split("\n") == [
        "Harbour Lights returns", "",
        "By Jo Lane, 2 January 2019", "",
        "The ferry crews are back. Harbour Lights airs Sunday 13 January at 7.40pm on ABC TV.",
        "",
        "Episode 1: The Night Ferry", "Episode 2: Fog", "",
        "Day Time", "Sunday 13 January 7.40pm", "",
        "Line one", "Line two",
    ]


def test_a_page_carries_its_title_address_and_publication_date() -> None:
    doc = read_document(PAGE, name="page.html")
    assert doc.title == "Harbour Lights returns | Example Media Centre"
    assert doc.url == "https://media.example.org/releases/2019/01/02/harbour-lights"
    assert doc.date_hint == dt.date(2019, 1, 2)


def test_times_in_scripts_navigation_and_asides_are_not_airings() -> None:
    release = extract(read_document(PAGE, name="page.html"), country="AU")
    assert [(a.local_start.strftime("%Y-%m-%d %H:%M"), a.channel) for a in release.airings] == \
        [("2019-01-13 19:40", "ABC TV")]


def test_a_row_of_links_is_navigation_whatever_its_markup_calls_it() -> None:
    page = ("<html><body><div id='strip'><a href='/'>Example Press</a> <a href='/tv'>TV</a> "
            "<a href='/radio'>Radio</a> <a href='/login'>Sign in</a></div>"
            "<p class='trail'><a href='/'>Media Room</a> &rsaquo; <a href='/sport'>Sport</a></p>"
            "<h1>Harbour Lights returns</h1><p>It airs Sunday 13 January at 7.40pm.</p>"
            "<p><a href='/a'>Watch the trailer</a> and <a href='/b'>see the photos</a> of the "
            "new season.</p>"
            "<p>Contact: <a href='mailto:jo@example.org'>Jo Lane</a>, "
            "<a href='mailto:press@example.org'>press office</a></p></body></html>")
    text = read_document(page, name="page.html").text
    assert text.split("\n\n") == [
        "Harbour Lights returns", "It airs Sunday 13 January at 7.40pm.",
        "Watch the trailer and see the photos of the new season.",
        "Contact: Jo Lane, press office"]


def test_a_page_of_several_articles_keeps_them_all() -> None:
    page = ("<html><body><nav>Menu</nav><article><h2>One</h2><p>First.</p></article>"
            "<article><h2>Two</h2><p>Second.</p></article></body></html>")
    assert read_document(page).text == "One\n\nFirst.\n\nTwo\n\nSecond."


def test_preformatted_text_keeps_its_lines() -> None:
    page = "<html><body><pre>7.00pm  News\n7.30pm  Harbour Lights</pre></body></html>"
    assert read_document(page).text == "7.00pm News\n7.30pm Harbour Lights"


def test_entities_and_non_breaking_spaces_are_plain_characters() -> None:
    page = "<html><body><p>R&Eacute;TE&nbsp;One at 9&nbsp;pm &amp; later</p></body></html>"
    assert read_document(page).text == "RÉTE One at 9 pm & later"


def test_broken_markup_is_still_read() -> None:
    page = "<html><body><p>Airs <b>8pm<p>on ABC TV</div></i>"
    assert read_document(page, format_in="html").text == "Airs 8pm\n\non ABC TV"


def test_very_deep_nesting_does_not_overflow() -> None:
    page = "<html><body>" + "<div>" * 5000 + "deep" + "</div>" * 5000 + "</body></html>"
    read_document(page, format_in="html")  # no RecursionError


# -- e-mail ----------------------------------------------------------------------------------

PLAIN_QP = b"""From: Publicity <publicity@example.org>
To: listings@example.net
Subject: Fwd: Harbour Lights =?utf-8?q?returns_=E2=80=93_ABC_TV?=
Date: Wed, 02 Jan 2019 09:15:00 +1100
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: quoted-printable

Harbour Lights returns for a second season on ABC TV =E2=80=93 premiering Sunday 1=
3 January at 7.40pm.

Media contact: Jane Marsh, 0412 345 678
"""


def test_a_quoted_printable_email_is_decoded_and_soft_breaks_joined() -> None:
    doc = read_document(PLAIN_QP, name="release.eml")
    assert doc.format == "email"
    assert doc.text.split("\n")[0] == ("Harbour Lights returns for a second season on ABC TV – "
                                       "premiering Sunday 13 January at 7.40pm.")
    assert doc.title == "Harbour Lights returns – ABC TV"
    assert doc.date_hint == dt.date(2019, 1, 2)


def test_an_email_is_recognised_from_its_headers_without_a_name() -> None:
    assert read_document(PLAIN_QP).format == "email"


def test_the_date_header_dates_the_release() -> None:
    release = extract(read_document(PLAIN_QP), country="AU")
    assert [a.local_start.strftime("%Y-%m-%d %H:%M") for a in release.airings] == \
        ["2019-01-13 19:40"]
    assert release.released == dt.date(2019, 1, 2)


def _multipart(plain: str, html: str, *, charset: str = "utf-8") -> bytes:
    return textwrap.dedent(f"""\
        From: press@example.org
        Subject: Harbour Lights
        Date: Wed, 02 Jan 2019 09:15:00 +0000
        MIME-Version: 1.0
        Content-Type: multipart/alternative; boundary="XYZ"

        --XYZ
        Content-Type: text/plain; charset="{charset}"

        {plain}
        --XYZ
        Content-Type: text/html; charset="{charset}"
        Content-Transfer-Encoding: base64

        {html}
        --XYZ--
        """).encode(charset)


def _b64(text: str) -> str:
    import base64

    return base64.b64encode(text.encode()).decode()


def test_an_html_only_email_is_read_as_html() -> None:
    html = _b64("<html><body><p>Harbour Lights airs <b>Sunday 13 January</b> at 7.40pm."
                "</p><p>Second paragraph.</p></body></html>")
    data = textwrap.dedent(f"""\
        From: press@example.org
        Subject: Harbour Lights
        MIME-Version: 1.0
        Content-Type: text/html; charset="utf-8"
        Content-Transfer-Encoding: base64

        {html}
        """).encode()
    doc = read_document(data, name="m.eml")
    assert doc.text == "Harbour Lights airs Sunday 13 January at 7.40pm.\n\nSecond paragraph."


def test_a_placeholder_plain_part_gives_way_to_the_html_part() -> None:
    data = _multipart("To view this email in your browser, click here.",
                      _b64("<p>Harbour Lights airs Sunday 13 January at 7.40pm.</p>"))
    assert read_document(data, name="m.eml").text == \
        "Harbour Lights airs Sunday 13 January at 7.40pm."


def test_a_real_plain_part_is_preferred_to_the_html_part() -> None:
    data = _multipart("Plain: Harbour Lights airs Sunday 13 January at 7.40pm on ABC TV.",
                      _b64("<p>HTML version</p>"))
    assert read_document(data, name="m.eml").text.startswith("Plain: Harbour Lights")


def test_a_latin1_body_is_decoded_with_its_declared_charset() -> None:
    data = ("From: press@example.org\nSubject: RTÉ\nMIME-Version: 1.0\n"
            "Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: 8bit\n\n"
            "Fáilte: The Quiet Parish airs on RTÉ One at 9.30pm.\n").encode("iso-8859-1")
    doc = read_document(data, name="m.eml")
    assert doc.text.strip() == "Fáilte: The Quiet Parish airs on RTÉ One at 9.30pm."


def test_an_unknown_charset_does_not_raise() -> None:
    data = (b"From: a@example.org\nSubject: x\nMIME-Version: 1.0\n"
            b"Content-Type: text/plain; charset=x-no-such-charset\n\nHarbour Lights at 9pm.\n")
    assert "Harbour Lights at 9pm." in read_document(data, name="m.eml").text


def test_attachments_are_not_read() -> None:
    data = textwrap.dedent("""\
        From: press@example.org
        Subject: Harbour Lights
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="B"

        --B
        Content-Type: text/plain; charset=utf-8

        See the attached schedule.
        --B
        Content-Type: application/octet-stream; name="old.txt"
        Content-Disposition: attachment; filename="old.txt"

        Sunday 1 January 1999 at 9pm
        --B--
        """).encode()
    assert read_document(data, name="m.eml").text.strip() == "See the attached schedule."


# -- text from PDFs --------------------------------------------------------------------------

PDF_TEXT = (
    "HARBOUR LIGHTS RETURNS                                      Media release\n"
    "The ferry crews of the harbour are back for a second season of the much-loved\n"
    "documentary series, which follows the captains, deckhands and ticket sellers who\n"
    "keep the city moving. The series will be shown on ABC TV and will broad-\n"
    "cast from Sunday 10 February at 7.40pm, with the veteran narrator from ABC-\n"
    "TV, Jo Lane, whose well-known voice opens each episode. Every well-\n"
    "known landmark of the harbour has a part in the series.\n"
    "\n"
    "Sunday 10 February\n"
    "7.40pm ABC TV\n"
    "Page 1 of 2\n"
    "\f"
    "HARBOUR LIGHTS RETURNS                                      Media release\n"
    "Each episode tells the story of one vessel and the people who keep it running\n"
    "through a working week, from the first run at dawn to the last run at night on\n"
    "the harbour.\n"
    "\n"
    "Media contact:\n"
    "Jane Marsh, Senior Publicist, ABC TV\n"
    "T: 02 9950 3000\n"
    "Page 2 of 2\n"
)


def test_pdf_text_is_recognised_from_its_content() -> None:
    assert detect_format(PDF_TEXT) == "pdf"
    assert detect_format(PDF_TEXT, name="release.pdf") == "pdf"


def test_pdf_text_is_rejoined_into_paragraphs_with_lines_kept_where_the_author_broke_them(
) -> None:
    text = read_document(PDF_TEXT).text
    assert text.split("\n") == [
        "HARBOUR LIGHTS RETURNS                                      Media release",
        "The ferry crews of the harbour are back for a second season of the much-loved "
        "documentary series, which follows the captains, deckhands and ticket sellers who "
        "keep the city moving. The series will be shown on ABC TV and will broadcast from "
        "Sunday 10 February at 7.40pm, with the veteran narrator from ABC-TV, Jo Lane, whose "
        "well-known voice opens each episode. Every well-known landmark of the harbour has a "
        "part in the series.",
        "",
        "Sunday 10 February",
        "7.40pm ABC TV",
        "",
        "Each episode tells the story of one vessel and the people who keep it running "
        "through a working week, from the first run at dawn to the last run at night on the "
        "harbour.",
        "",
        "Media contact:",
        "Jane Marsh, Senior Publicist, ABC TV",
        "T: 02 9950 3000",
    ]


def test_a_paragraph_running_over_a_page_break_stays_one_paragraph() -> None:
    text = ("A long opening line of a release that runs right up to the printed margin and\n"
            "continues here before the page ends in the middle of the sentence that goes\n"
            "\f"
            "on to the next page and only then stops.\n")
    assert read_document(text, format_in="pdf").text == (
        "A long opening line of a release that runs right up to the printed margin and "
        "continues here before the page ends in the middle of the sentence that goes on to "
        "the next page and only then stops.")


def test_the_rejoined_text_reads_as_a_release() -> None:
    release = extract(read_document(PDF_TEXT), reference_date=dt.date(2019, 1, 2), country="AU")
    assert [(a.local_start.strftime("%Y-%m-%d %H:%M"), a.channel) for a in release.airings] == \
        [("2019-02-10 19:40", "ABC TV")]
    assert [c.name for c in release.contacts] == ["Jane Marsh"]


def test_ordinary_text_is_not_mistaken_for_pdf_text() -> None:
    text = "Harbour Lights airs Sunday 13 January at 7.40pm on ABC TV.\n\nMedia: Jane Marsh\n"
    assert detect_format(text) == "text"


# -- format detection and overrides ----------------------------------------------------------

@pytest.mark.parametrize(("text", "name", "expected"), [
    ("<!doctype html><html><body><p>x</p></body></html>", None, "html"),
    ("<p>a</p><p>b</p><div>c</div>", None, "html"),
    ("From: a@b.example\nSubject: x\nDate: Wed, 02 Jan 2019 09:15:00 +0000\n\nbody", None,
     "email"),
    ("# Heading\n\n**Bold** and [a link](https://x.example)\n", None, "markdown"),
    ("plain words", "notes.txt", "text"),
    ("plain words", "page.htm", "html"),
    ("plain words", "release.md", "markdown"),
    ("plain words", "mail.eml", "email"),
])
def test_format_is_detected_from_name_and_content(text: str, name: str | None,
                                                  expected: str) -> None:
    assert detect_format(text, name=name) == expected


def test_format_in_overrides_detection() -> None:
    html_looking = "<p>Airs <b>8pm</b></p>"
    assert read_document(html_looking, format_in="text").text == html_looking
    assert read_document(html_looking, format_in="html").text == "Airs 8pm"


def test_an_unknown_format_is_a_precise_error() -> None:
    with pytest.raises(ReadError, match=r"unknown input format 'docx'.*pdf"):
        read_document("x", format_in="docx")


def test_a_pdf_file_itself_is_refused_with_advice() -> None:
    with pytest.raises(ReadError, match=r"PDF file.*pdftotext"):
        read_document(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", name="release.pdf")


def test_a_canonical_link_that_is_not_a_web_address_is_ignored() -> None:
    page = (b"<html><head><title>T</title><link rel='canonical' href='javascript:alert(1)'>"
            b"</head><body><main><p>Airs 8pm.</p></main></body></html>")
    assert read_document(page, name="page.html").url is None
