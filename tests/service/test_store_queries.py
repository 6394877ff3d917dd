"""The questions the web layer asks: listings with filters and cursors, releases, programmes,
channels and tokens."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from schedules.errors import InputError
from service.contract import AiringQuery
from service.store import SqlStore

DOCUMENTS = Path(__file__).resolve().parent / "documents"
UTC = dt.UTC


@pytest.fixture
def loaded(store: SqlStore, seed: bytes, repost: bytes) -> SqlStore:
    store.ingest(seed, name="seed.md")
    store.ingest(repost, name="blog.txt")
    store.ingest((DOCUMENTS / "river-cottage-timed.md").read_bytes(), name="rc.md")
    return store


def test_pages_follow_start_then_uid_and_cover_everything_once(loaded: SqlStore) -> None:
    everything = loaded.airings(AiringQuery()).airings
    assert len(everything) == 4
    seen = []
    cursor = None
    while True:
        page = loaded.airings(AiringQuery(limit=1, after=cursor))
        seen.extend(page.airings)
        cursor = page.next
        if cursor is None:
            break
    assert tuple(seen) == everything
    keys = [(a.start.astimezone(UTC), a.uid) for a in seen]
    assert keys == sorted(keys)


def test_a_forged_cursor_is_an_input_error(loaded: SqlStore) -> None:
    with pytest.raises(InputError, match="invalid cursor"):
        loaded.airings(AiringQuery(after="not-a-cursor"))


@pytest.mark.parametrize(("query", "expected", "reason"), [
    (AiringQuery(channel="abc-news-channel"), 1, "by channel slug"),
    (AiringQuery(programme="river-cottage-australia"), 1, "by programme slug"),
    (AiringQuery(q="FOREIGN"), 3, "case-insensitive text in the programme"),
    (AiringQuery(q="news chan"), 1, "text in the channel name"),
    (AiringQuery(q="100%"), 0, "LIKE wildcards are literal"),
    (AiringQuery(start=dt.datetime(2018, 9, 21, tzinfo=UTC)), 3, "from an instant"),
    (AiringQuery(end=dt.datetime(2018, 9, 20, tzinfo=UTC)), 1, "before an instant"),
    (AiringQuery(start=dt.datetime(2018, 9, 18, 10, tzinfo=UTC),
                 end=dt.datetime(2018, 9, 18, 10, 1, tzinfo=UTC)), 1, "a one-minute window"),
])
def test_filters(loaded: SqlStore, query: AiringQuery, expected: int, reason: str) -> None:
    assert len(loaded.airings(query).airings) == expected, reason


def test_airings_of_one_release(loaded: SqlStore) -> None:
    blog = next(r for r in loaded.releases()[0] if r.source == "blog.txt")
    (only,) = loaded.airings(AiringQuery(release=blog.id)).airings
    assert only.start == dt.datetime(2018, 9, 18, 10, tzinfo=UTC)


def test_releases_are_listed_newest_first_with_a_cursor(loaded: SqlStore) -> None:
    first, cursor = loaded.releases(limit=2)
    assert [r.source for r in first] == ["rc.md", "blog.txt"]
    assert cursor is not None
    rest, end = loaded.releases(limit=2, after=cursor)
    assert [r.source for r in rest] == ["seed.md"] and end is None
    assert loaded.release(999) is None


def test_programmes_gather_releases_episodes_and_contacts(loaded: SqlStore) -> None:
    slugs = [p.slug for p in loaded.programmes()]
    assert slugs == ["foreign-correspondent", "river-cottage-australia"]
    fc = loaded.programme("foreign-correspondent")
    assert fc is not None
    assert fc.title == "Foreign Correspondent"
    assert len(fc.releases) == 2
    assert [e.casefold() for e in fc.episodes] == ["leave no dark corner"]
    assert any(c.name == "Peri Wilson" for c in fc.contacts)
    assert loaded.programme("nothing-here") is None


def test_channels_count_scheduled_airings(loaded: SqlStore) -> None:
    got = {(c.slug, c.name, c.country, c.airings) for c in loaded.channels()}
    assert got == {("abc-tv", "ABC TV", "AU", 3),
                   ("abc-news-channel", "ABC News Channel", "AU", 1)}


def test_preview_parses_without_storing(store: SqlStore, seed: bytes) -> None:
    record = store.preview(seed, name="seed.md")
    assert len(record.airings) == 3
    assert store.releases() == ([], None)
    assert store.revision()[0] == 0


def test_tokens_are_stored_hashed_and_checked(store: SqlStore,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SCHEDULES_API_TOKENS", raising=False)
    token = store.create_token("release desk")
    assert len(token) >= 40
    assert store.check_token(token)
    assert not store.check_token(token + "x")
    assert not store.check_token("")
    with store.engine.connect() as conn:
        stored = conn.exec_driver_sql("SELECT sha256, label FROM tokens").all()
    assert [row[1] for row in stored] == ["release desk"]
    assert token not in str(stored)


def test_tokens_from_the_environment_are_accepted(store: SqlStore,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCHEDULES_API_TOKENS", " alpha , beta ")
    assert store.check_token("alpha") and store.check_token("beta")
    assert not store.check_token("gamma")
    assert not store.check_token("alpha , beta")
