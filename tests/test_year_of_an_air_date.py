"""Where the year of "Tuesday 8 January" comes from, and the warnings that say so.

Order: a release date printed in the text (marker, dateline, byline), a date the container
carried (e-mail Date header, HTML meta), the caller's reference date, a date in the page address,
and last the latest year in which every printed weekday fits its date.
"""

from __future__ import annotations

import datetime as dt

from schedules.extract import extract
from schedules.extract.released import find_release_date, url_date
from schedules.model import Release
from schedules.read import Document, read_document

AIRS = "Harbour Lights airs Tuesday 8 January at 8pm on ABC TV."


def parse(text: str, *, ref: dt.date | None = None, today: dt.date | None = None,
          url: str | None = None, country: str = "AU") -> Release:
    doc = read_document(text)
    if url is not None:
        doc = Document(text=doc.text, format=doc.format, url=url)
    return extract(doc, reference_date=ref, country=country, today=today)


def years(release: Release) -> list[int]:
    return [a.local_start.year for a in release.airings]


def codes(release: Release) -> list[str]:
    return [w.code for w in release.warnings]


def test_a_byline_date_gives_the_year() -> None:
    release = parse(f"By Jo Lane | 20 December 2018\n\n{AIRS}")
    assert release.released == dt.date(2018, 12, 20)
    assert years(release) == [2019]


def test_a_dateline_gives_the_year() -> None:
    release = parse(f"SYDNEY, December 20, 2018 – {AIRS}")
    assert years(release) == [2019]


def test_a_printed_release_date_wins_over_the_callers_reference() -> None:
    release = parse(f"Media release: 20 December 2012\n\n{AIRS}", ref=dt.date(2018, 12, 20))
    assert years(release) == [2013]  # 8 January 2013 was a Tuesday too


def test_a_historical_date_in_the_story_is_not_the_release_date() -> None:
    text = ("Harbour Lights marks sixty years since the station began broadcasting at 4.45pm on "
            f"31 October 1959 from a tin shed by the wharf.\n\n{AIRS}")
    assert find_release_date(text) is None
    release = parse(text, ref=dt.date(2018, 12, 20))
    assert [a.local_start.strftime("%Y-%m-%d %H:%M") for a in release.airings] == \
        ["2019-01-08 20:00"]


def test_the_page_address_gives_the_year_when_nothing_else_does() -> None:
    release = parse(AIRS, url="https://example.org/media/2018/12/20/harbour-lights")
    assert years(release) == [2019]
    (warning,) = [w for w in release.warnings if w.code == "year-inferred"]
    assert "page address" in warning.message


def test_a_page_address_printed_in_the_text_counts_too() -> None:
    release = parse(f"Source: https://example.org/news/2018-12-20-harbour-lights\n\n{AIRS}")
    assert years(release) == [2019]


def test_url_dates_in_common_shapes() -> None:
    assert url_date("https://a.example/2019/02/10/title") == dt.date(2019, 2, 10)
    assert url_date("https://a.example/news/2019-02-10-title") == dt.date(2019, 2, 10)
    assert url_date("https://a.example/p/20190210_title") == dt.date(2019, 2, 10)
    assert url_date("https://a.example/2019/02/title") == dt.date(2019, 2, 1)
    assert url_date("https://a.example/item/123456789") is None
    assert url_date(None) is None


def test_without_any_date_the_latest_year_that_fits_every_weekday_is_taken() -> None:
    text = ("Harbour Lights airs Tuesday 8 January at 8pm on ABC TV, then Sunday 20 January at "
            "7pm on ABC TV.")
    # Tuesday 8 January and Sunday 20 January together fit 2013, 2019, 2030, ...
    release = parse(text, today=dt.date(2025, 6, 1))
    assert years(release) == [2019, 2019]
    assert "year-inferred" in codes(release)
    assert "printed weekdays" in " ".join(w.message for w in release.warnings)


def test_a_year_printed_anywhere_in_the_document_is_preferred_to_guessing() -> None:
    release = parse("The series, filmed in 2018, is new.\n\nHarbour Lights airs Tuesday 8 "
                    "January 2019 at 8pm on ABC TV.")
    assert years(release) == [2019]
    assert "year-inferred" not in codes(release)


def test_no_date_at_all_leaves_yearless_dates_unplaced_and_says_why() -> None:
    release = parse("Harbour Lights airs 8 January at 8pm on ABC TV.")
    assert release.airings == ()
    assert "no-reference-date" in codes(release)


def test_dates_just_before_the_release_date_stay_in_its_year() -> None:
    # A release of 10 January mentioning "Tuesday 8 January" means two days ago, not next year.
    release = parse(AIRS, ref=dt.date(2019, 1, 10))
    assert years(release) == [2019]


def test_a_weekday_that_disagrees_with_the_date_keeps_the_date_and_warns() -> None:
    release = parse("Harbour Lights airs Wednesday 8 January at 8pm on ABC TV.",
                    ref=dt.date(2018, 12, 20))
    assert [a.local_start.date() for a in release.airings] == [dt.date(2019, 1, 8)]
    (warning,) = [w for w in release.warnings if w.code == "weekday-mismatch"]
    assert "Tuesday" in warning.message
    assert warning.span is not None


def test_the_year_inferred_warning_names_its_basis() -> None:
    release = parse(AIRS, ref=dt.date(2018, 12, 20))
    (warning,) = [w for w in release.warnings if w.code == "year-inferred"]
    assert "2019" in warning.message
    assert "reference date (20 December 2018)" in warning.message
