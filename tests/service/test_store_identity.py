"""What a subscriber can rely on: one broadcast is one airing, whose uid never changes; a
revision moves or cancels airings in place; nothing sent is lost."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from service.contract import AiringQuery, StoredAiring
from service.store import SqlStore

DOCUMENTS = Path(__file__).resolve().parent / "documents"
EXAMPLES = Path(__file__).resolve().parent.parent.parent / "examples"
PATHS = [str(EXAMPLES / "foreign-correspondent-leave-no-dark-corner.md"),
         str(EXAMPLES / "blog-repost-leave-no-dark-corner.txt")]
SYDNEY = ZoneInfo("Australia/Sydney")


def at(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=SYDNEY)


def listing(store: SqlStore, **query: object) -> list[StoredAiring]:
    return list(store.airings(AiringQuery(**query)).airings)  # type: ignore[arg-type]


def revise(seed: bytes) -> bytes:
    """The seed release as re-issued: the Friday repeat moved from 1.30 pm to 2.30 pm."""
    assert b"1.30 pm Friday" in seed
    return seed.replace(b"1.30 pm Friday", b"2.30 pm Friday")


def test_seed_release_gives_three_airings_at_the_printed_instants(store: SqlStore,
                                                                   seed: bytes) -> None:
    result = store.ingest(seed, name="seed.md")
    assert result.created and result.added == 3
    got = [(a.start, a.channel_slug, a.programme_slug, a.repeat) for a in listing(store)]
    assert got == [
        (at(2018, 9, 18, 20, 0), "abc-tv", "foreign-correspondent", False),
        (at(2018, 9, 21, 13, 30), "abc-tv", "foreign-correspondent", True),
        (at(2018, 9, 22, 19, 30), "abc-news-channel", "foreign-correspondent", True),
    ]
    first = listing(store)[0]
    assert first.start.utcoffset() == dt.timedelta(hours=10)
    assert first.timezone == "Australia/Sydney"
    assert first.uid.endswith("@broadcast-schedules")
    assert first.sources == (result.release.id,)
    assert first.status == "scheduled" and first.sequence == 0


def test_the_original_bytes_are_kept_verbatim_with_their_hash(store: SqlStore,
                                                              seed: bytes) -> None:
    rid = store.ingest(seed, name="seed.md").release.id
    stored = store.release(rid)
    assert stored is not None
    assert stored.original == seed
    assert stored.sha256 == hashlib.sha256(seed).hexdigest()
    assert stored.record.title == "FOREIGN CORRESPONDENT: LEAVE NO DARK CORNER"
    assert len(stored.record.airings) == 3


def test_ingesting_the_same_document_twice_changes_nothing(store: SqlStore,
                                                           seed: bytes) -> None:
    first = store.ingest(seed, name="seed.md")
    revision = store.revision()
    before = listing(store)
    again = store.ingest(seed, name="elsewhere/seed-copy.md")
    assert not again.created
    assert again.release.id == first.release.id
    assert (again.added, again.moved, again.cancelled) == (0, 0, 0)
    assert store.revision() == revision
    assert listing(store) == before
    assert len(store.releases()[0]) == 1


def test_the_same_bytes_read_with_other_options_are_another_release(store: SqlStore,
                                                                    seed: bytes) -> None:
    store.ingest(seed)
    other = store.ingest(seed, format_in="text")
    assert other.created
    assert len(store.releases()[0]) == 2


def test_a_blog_repost_adds_a_source_to_the_existing_8pm_airing(store: SqlStore, seed: bytes,
                                                                repost: bytes) -> None:
    release = store.ingest(seed, name="seed.md").release
    result = store.ingest(repost, name="blog.txt")
    assert result.created and result.added == 0 and result.merged == 1
    airings = listing(store)
    assert len(airings) == 3
    eight = [a for a in airings if a.start == at(2018, 9, 18, 20, 0)]
    assert len(eight) == 1
    assert eight[0].sources == (release.id, result.release.id)
    assert eight[0].sequence == 0


def test_a_repost_ingested_first_is_merged_the_same_way(store: SqlStore, seed: bytes,
                                                        repost: bytes) -> None:
    blog = store.ingest(repost, name="blog.txt").release
    release = store.ingest(seed, name="seed.md").release
    eight = [a for a in listing(store) if a.start == at(2018, 9, 18, 20, 0)]
    assert [a.sources for a in eight] == [(blog.id, release.id)]
    assert len(listing(store)) == 3
    # The blog printed "Leave no dark corner"; the release's title-case spelling is kept.
    assert {a.episode for a in listing(store)} == {"Leave No Dark Corner"}


def test_a_revision_moving_the_repeat_keeps_its_uid_and_bumps_sequence(store: SqlStore,
                                                                       seed: bytes) -> None:
    original = store.ingest(seed, name="seed.md").release
    friday = next(a for a in listing(store) if a.start == at(2018, 9, 21, 13, 30))
    result = store.ingest(revise(seed), name="seed-revised.md")
    assert result.created and result.moved == 1 and result.added == 0
    assert result.cancelled == 0
    assert result.release.supersedes == original.id
    moved = store.airing(friday.uid)
    assert moved is not None
    assert moved.start == at(2018, 9, 21, 14, 30)
    assert moved.sequence == friday.sequence + 1
    assert moved.status == "scheduled"
    assert moved.sources == (original.id, result.release.id)
    assert len(listing(store)) == 3
    assert not [a for a in listing(store) if a.start == at(2018, 9, 21, 13, 30)]


def test_an_airing_dropped_by_a_revision_is_cancelled_not_deleted(store: SqlStore,
                                                                  seed: bytes) -> None:
    store.ingest(seed, name="seed.md")
    saturday = next(a for a in listing(store) if a.channel_slug == "abc-news-channel")
    dropped = seed.replace(b" and at 7.30 pm AEST on Saturday September 22 on the ABC News "
                           b"Channel", b"")
    assert dropped != seed
    result = store.ingest(dropped, name="seed-revised.md")
    assert result.cancelled == 1 and result.moved == 0 and result.added == 0
    cancelled = store.airing(saturday.uid)
    assert cancelled is not None
    assert cancelled.status == "cancelled"
    assert cancelled.sequence == saturday.sequence + 1
    assert cancelled.start == saturday.start
    assert len(listing(store)) == 3
    assert len(listing(store, include_cancelled=False)) == 2
    channels = {c.slug: c.airings for c in store.channels()}
    assert channels == {"abc-news-channel": 0, "abc-tv": 2}


def test_an_airing_another_live_release_announces_is_not_cancelled(store: SqlStore,
                                                                   seed: bytes,
                                                                   repost: bytes) -> None:
    store.ingest(seed, name="seed.md")
    store.ingest(repost, name="blog.txt")
    without_8pm = seed.replace(b"at 8 pm Tuesday September 18 and ", b"at ")
    assert without_8pm != seed
    result = store.ingest(without_8pm, name="seed-revised.md")
    assert result.cancelled == 0
    eight = [a for a in listing(store) if a.start == at(2018, 9, 18, 20, 0)]
    assert [a.status for a in eight] == ["scheduled"]


def test_a_document_that_is_not_a_revision_never_cancels(store: SqlStore,
                                                         repost: bytes, seed: bytes) -> None:
    store.ingest(seed, name="seed.md")
    result = store.ingest(repost, name="blog.txt")
    assert result.release.supersedes is None
    assert result.cancelled == 0
    assert all(a.status == "scheduled" for a in listing(store))


def test_the_revision_counter_moves_only_on_change(store: SqlStore, seed: bytes,
                                                   repost: bytes) -> None:
    assert store.revision()[0] == 0
    store.ingest(seed)
    n1, t1 = store.revision()
    assert n1 == 1 and t1.tzinfo is not None
    store.ingest(seed)
    assert store.revision() == (n1, t1)
    store.ingest(repost)
    n2, t2 = store.revision()
    assert n2 == n1 + 1 and t2 >= t1
    store.reparse()  # same parser, same originals: nothing to change
    assert store.revision() == (n2, t2)
    store.create_token("reader")  # tokens are not published data
    assert store.revision() == (n2, t2)


def test_a_poller_sees_a_change_made_by_another_process_at_once(store: SqlStore, seed: bytes,
                                                              repost: bytes) -> None:
    # The revision is read on a connection each thread keeps: it must never see a stale
    # snapshot, or feeds served by one worker would miss an ingest made through another.
    import threading

    other = SqlStore(store.url)  # another worker: its own engine and connections
    try:
        seen: list[int] = []
        poll = threading.Thread(target=lambda: seen.append(store.revision()[0]))
        poll.start()
        poll.join()
        other.ingest(seed)
        assert store.revision()[0] == seen[0] + 1
        other.ingest(repost)
        assert store.revision()[0] == seen[0] + 2
        again = threading.Thread(target=lambda: seen.append(store.revision()[0]))
        again.start()
        again.join()
        assert seen[-1] == seen[0] + 2
    finally:
        other.close()


def test_reparse_keeps_uids_and_changes_nothing_when_the_parser_agrees(store: SqlStore,
                                                                       seed: bytes) -> None:
    store.ingest(seed)
    before = listing(store)
    assert store.reparse() == 0
    assert listing(store) == before


def test_reparse_reapplies_corrections_through_the_merge_rules(store: SqlStore,
                                                               seed: bytes) -> None:
    from service.contract import Correction

    rid = store.ingest(seed).release.id
    friday = next(a for a in listing(store) if a.start == at(2018, 9, 21, 13, 30))
    fix = Correction(target="airing:1", field="start", value="2018-09-21T15:00",
                     author="desk")
    result = store.ingest(seed, corrections=[fix])
    assert not result.created and result.moved == 1
    moved = store.airing(friday.uid)
    assert moved is not None and moved.start == at(2018, 9, 21, 15, 0)
    stored = store.release(rid)
    assert stored is not None and stored.corrections == (fix,)
    assert store.reparse(rid) == 0  # the correction is re-applied: nothing moves back
    again = store.airing(friday.uid)
    assert again == moved


def test_a_timed_announcement_completes_a_date_only_airing(store: SqlStore) -> None:
    first = store.ingest((DOCUMENTS / "river-cottage-date-only.md").read_bytes())
    (day,) = listing(store)
    assert not day.time_known and day.start == at(2019, 3, 17, 0, 0)
    second = store.ingest((DOCUMENTS / "river-cottage-timed.md").read_bytes())
    assert second.moved == 1 and second.added == 0
    (timed,) = listing(store)
    assert timed.uid == day.uid
    assert timed.time_known and timed.start == at(2019, 3, 17, 18, 30)
    assert timed.sequence == day.sequence + 1
    assert timed.sources == (first.release.id, second.release.id)


def test_a_date_only_mention_of_a_timed_airing_only_adds_a_source(store: SqlStore) -> None:
    timed = store.ingest((DOCUMENTS / "river-cottage-timed.md").read_bytes())
    day = store.ingest((DOCUMENTS / "river-cottage-date-only.md").read_bytes())
    (airing,) = listing(store)
    assert airing.time_known and airing.sequence == 0
    assert airing.sources == (timed.release.id, day.release.id)


def test_a_stated_recurring_slot_keeps_its_rule_on_the_first_airing(store: SqlStore) -> None:
    store.ingest((DOCUMENTS / "new-inventors-weekly.md").read_bytes())
    first = listing(store)[0]
    assert first.programme_slug == "the-new-inventors"
    assert first.rule == "FREQ=WEEKLY;COUNT=6"


def test_a_stated_recurring_slot_is_listed_week_by_week(store: SqlStore) -> None:
    store.ingest((DOCUMENTS / "new-inventors-weekly.md").read_bytes())
    rows = listing(store)
    assert [a.start.astimezone(SYDNEY).strftime("%d %b %H:%M") for a in rows] == [
        "05 Mar 20:30", "12 Mar 20:30", "19 Mar 20:30", "26 Mar 20:30", "02 Apr 20:30",
        "09 Apr 20:30"]  # wall time kept across the end of daylight saving on 7 April
    assert [a.rule for a in rows[1:]] == [None] * 5
    assert {a.channel for a in rows} == {"ABC TV"}
    assert len({a.uid for a in rows}) == 6


def test_the_programme_is_described_by_its_own_release_not_a_later_repost(
        store: SqlStore, seed: bytes, repost: bytes) -> None:
    store.ingest(seed, name="seed.md")
    store.ingest(repost, name="blog.txt")
    programme = store.programme("foreign-correspondent")
    assert programme is not None and programme.synopsis is not None
    assert programme.synopsis.startswith("China is marrying Big Brother to Big Data.")


def test_uids_are_deterministic_across_stores(store: SqlStore, seed: bytes,
                                              tmp_path: object) -> None:
    store.ingest(seed)
    other = SqlStore("sqlite://")
    other.migrate()
    other.ingest(seed)
    assert [a.uid for a in listing(store)] == [a.uid for a in listing(other)]
    other.close()


@pytest.mark.parametrize(("data", "error", "reason"), [
    (b"\x00\x01\x02PK\x03\x04" * 100, "ReadError", "binary (a zip file)"),
    (b"\xff\xfe\x00", "ReadError", "a broken UTF-16 byte order mark"),
    (b"a" * (2 * 1024 * 1024 + 1), "TooLargeError", "one byte over the 2 MiB limit"),
])
def test_unusable_input_raises_and_stores_nothing(store: SqlStore, data: bytes, error: str,
                                                  reason: str) -> None:
    from schedules import errors

    with pytest.raises(getattr(errors, error)):
        store.ingest(data, name="upload")
    assert store.revision()[0] == 0
    assert store.releases() == ([], None)
    assert listing(store) == []


def test_an_unknown_country_is_an_input_error(store: SqlStore, seed: bytes) -> None:
    from schedules.errors import InputError

    with pytest.raises(InputError, match="unknown country 'ZZ'"):
        store.ingest(seed, country="ZZ")
    assert store.releases() == ([], None)


def test_a_bad_correction_raises_and_stores_nothing(store: SqlStore, seed: bytes) -> None:
    from schedules.errors import ParseError
    from service.contract import Correction

    with pytest.raises(ParseError, match="the release has 3 airings"):
        store.ingest(seed, corrections=[Correction("airing:7", "start", "2018-09-21T15:00")])
    with pytest.raises(ParseError, match="ISO 8601"):
        store.ingest(seed, corrections=[Correction("airing:0", "start", "teatime")])
    assert store.releases() == ([], None)


def _migrate_and_ingest(url: str, paths: list[str]) -> None:
    s = SqlStore(url)
    s.migrate()
    for p in paths:
        s.ingest(Path(p).read_bytes(), name=Path(p).name)
    s.close()


def test_two_processes_migrating_and_ingesting_at_once_agree(store_url: str) -> None:
    """Gunicorn workers start and write concurrently: the schema is created once, every write
    is serialised, and each document is stored once."""
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_migrate_and_ingest, args=(store_url, PATHS[::step]))
             for step in (1, -1)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    assert [p.exitcode for p in procs] == [0, 0]
    store = SqlStore(store_url)
    assert len(store.releases()[0]) == 2
    assert len(listing(store)) == 3
    assert store.revision()[0] == 2
    store.close()


def test_reparse_with_an_improved_parser_moves_and_cancels_in_place(
        store: SqlStore, seed: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    """A parser change goes through the same rules as a revision: uids stay, a changed time
    moves (sequence + 1), an airing the parser no longer finds is cancelled."""
    import dataclasses

    import service.store

    rid = store.ingest(seed).release.id
    before = {a.start: a for a in listing(store)}
    real_extract = service.store.extract

    def improved(*args: object, **kwargs: object) -> object:
        record = real_extract(*args, **kwargs)  # type: ignore[arg-type]
        first, friday, _saturday = record.airings
        later = friday.start + dt.timedelta(minutes=15)
        return dataclasses.replace(record, airings=(first, dataclasses.replace(
            friday, start=later)))

    monkeypatch.setattr(service.store, "extract", improved)
    assert store.reparse() == 1
    after = {a.uid: a for a in listing(store)}
    assert set(after) == {a.uid for a in before.values()}
    friday = after[before[at(2018, 9, 21, 13, 30)].uid]
    assert friday.start == at(2018, 9, 21, 13, 45) and friday.sequence == 1
    saturday = after[before[at(2018, 9, 22, 19, 30)].uid]
    assert saturday.status == "cancelled" and saturday.sequence == 1
    assert after[before[at(2018, 9, 18, 20, 0)].uid].sequence == 0
    stored = store.release(rid)
    assert stored is not None and len(stored.record.airings) == 2
    assert store.reparse() == 0
