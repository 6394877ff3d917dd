"""The write path for airings: the identity and revision rules of :mod:`service.contract`
applied inside the store's write transaction (:class:`service.store.SqlStore` opens it, takes the
write lock and bumps the revision counter)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import replace
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from schedules.channels import slugify
from schedules.model import Release
from service.ingest import (
    Existing,
    Incoming,
    completes,
    covered,
    existing,
    incoming,
    pair_moves,
    programme_slugs,
    same_broadcast,
    uid_for,
)
from service.ingest_codec import decode_release, encode_contact
from service.tables import airings, announcements, programmes, releases


def merge(conn: Connection, rid: int, record: Release, *,
          previous: list[Existing] | None, live_except: set[int],
          now: dt.datetime) -> dict[str, int]:
    """Apply the identity and revision rules of :mod:`service.contract` for release
    ``rid`` announcing ``record.airings``. ``previous``: the airings of the release it
    revises (None for a document that only adds)."""
    counts: Counter[str] = Counter()
    remaining = incoming(record)
    prev = previous or []
    used: set[int] = set()

    def announce(airing_id: int, n: Incoming) -> None:
        found = conn.execute(select(announcements.c.position).where(
            announcements.c.airing_id == airing_id,
            announcements.c.release_id == rid)).first()
        if found is None:
            conn.execute(insert(announcements).values(
                airing_id=airing_id, release_id=rid, position=n.position))
        elif found.position != n.position:
            conn.execute(update(announcements).where(
                announcements.c.airing_id == airing_id,
                announcements.c.release_id == rid).values(position=n.position))

    # 1. the revision announces an earlier airing again, exactly
    for n in list(remaining):
        e = next((e for e in prev if e.id not in used and same_broadcast(e, n)), None)
        if e is not None:
            used.add(e.id)
            refresh(conn, e, n, authoritative=True, now=now)
            counts["merged"] += 1
            announce(e.id, n)
            remaining.remove(n)
    # 2. another document already announced it (or gave its date only)
    for n in list(remaining):
        e = find(conn, n)
        if e is None:
            continue
        prior = e.id in {p.id for p in prev}
        if prior:
            used.add(e.id)
        if completes(e, n):
            move(conn, e, n, now=now)
            counts["moved"] += 1
        else:
            refresh(conn, e, n, authoritative=prior and same_broadcast(e, n),
                          now=now)
            counts["merged"] += 1
        announce(e.id, n)
        remaining.remove(n)
    # 3. an earlier airing of the same programme and channel moved
    for e, n in pair_moves([p for p in prev if p.id not in used], remaining):
        used.add(e.id)
        move(conn, e, n, now=now)
        counts["moved"] += 1
        announce(e.id, n)
        remaining.remove(n)
    # 4. new airings (a second mention of one just created merges into it)
    for n in remaining:
        e = find(conn, n)
        if e is not None:
            refresh(conn, e, n, authoritative=False, now=now)
        else:
            e = create(conn, n, record.country, now=now)
            counts["added"] += 1
        announce(e.id, n)
    # 5. what the revision no longer announces is cancelled, unless another live
    #    release still announces it
    for e in prev:
        if e.id in used or e.status == "cancelled":
            continue
        others = conn.execute(select(func.count()).select_from(
            announcements.join(releases, releases.c.id == announcements.c.release_id))
            .where(announcements.c.airing_id == e.id,
                   releases.c.superseded_by.is_(None),
                   releases.c.id.not_in([*live_except, rid]))).scalar_one()
        if others:
            continue
        e.status = "cancelled"
        e.sequence += 1
        save(conn, e, now)
        counts["cancelled"] += 1
    return {k: counts[k] for k in ("added", "moved", "cancelled", "merged")}

def find(conn: Connection, n: Incoming) -> Existing | None:
    """The stored airing ``n`` announces, if any: the same broadcast first (scheduled
    before cancelled), then a date-only airing it completes, then a timed airing its date
    covers."""
    channel = (airings.c.channel_slug == n.channel_slug if n.channel_slug
               else airings.c.channel_slug.is_(None))
    day = dt.timedelta(days=1)
    rows = conn.execute(select(airings).where(
        channel, airings.c.local_date.between(n.local_date - day, n.local_date + day))
        .order_by(airings.c.id)).all()
    found = [existing(r) for r in rows]
    for test in (same_broadcast, completes, covered):
        hits = [e for e in found if test(e, n)]
        hits.sort(key=lambda e: (e.status != "scheduled",
                                 e.programme_slug != n.programme_slug, e.id))
        if hits:
            return hits[0]
    return None

def title_spelling(kept: str | None, offered: str | None) -> str | None:
    """The episode title to keep when another document states the same airing: the one already
    stored, unless the other spells the same words in title case, as listings print titles (a
    blog's "Leave no dark corner" gives way to the release's "Leave No Dark Corner", whichever
    arrived first)."""
    if kept is None or offered is None or kept.casefold() != offered.casefold():
        return kept or offered
    capitals = sum(c.isupper() for c in offered) - sum(c.isupper() for c in kept)
    return offered if capitals > 0 else kept


def refresh(conn: Connection, e: Existing, n: Incoming, *, authoritative: bool,
           now: dt.datetime) -> None:
    """``n`` announces ``e`` again: a revision's details win; another document only fills
    what is missing."""
    before = (e.start, e.end, e.status)
    snapshot = replace(e)
    if e.programme is None and n.programme is not None:
        e.programme, e.programme_slug = n.programme, n.programme_slug
    if authoritative:
        e.episode = n.episode or e.episode
        e.end = n.end
        e.repeat = n.repeat
        e.on_demand = n.on_demand
        e.status = "scheduled"
    else:
        e.episode = title_spelling(e.episode, n.episode)
        if e.time_known and n.time_known and e.end is None:
            e.end = n.end
        e.on_demand = tuple(dict.fromkeys([*e.on_demand, *n.on_demand]))
    if n.rule and not e.rule:
        e.rule = n.rule
    if (e.start, e.end, e.status) != before:
        e.sequence += 1
    if e != snapshot:
        save(conn, e, now)

def move(conn: Connection, e: Existing, n: Incoming, *, now: dt.datetime) -> None:
    e.start, e.end, e.timezone = n.start, n.end, n.timezone
    e.local_date, e.time_known = n.local_date, n.time_known
    e.episode = n.episode or e.episode
    if n.programme is not None:
        e.programme, e.programme_slug = n.programme, n.programme_slug
    e.repeat, e.on_demand = n.repeat, n.on_demand
    e.rule = n.rule or e.rule
    e.status = "scheduled"
    e.sequence += 1
    save(conn, e, now)

def save(conn: Connection, e: Existing, now: dt.datetime) -> None:
    conn.execute(update(airings).where(airings.c.id == e.id).values(
        programme=e.programme, programme_slug=e.programme_slug, episode=e.episode,
        start=e.start, end=e.end, timezone=e.timezone, local_date=e.local_date,
        time_known=e.time_known, repeat=e.repeat, on_demand=list(e.on_demand),
        status=e.status, sequence=e.sequence, rule=e.rule, updated=now))

def create(conn: Connection, n: Incoming, country: str, *,
           now: dt.datetime) -> Existing:
    attempt = 0
    while True:
        uid = uid_for(n, attempt)
        taken = conn.execute(select(airings.c.id).where(airings.c.uid == uid)).first()
        if taken is None:
            break
        attempt += 1
    aid = conn.execute(insert(airings).values(
        uid=uid, programme=n.programme, programme_slug=n.programme_slug,
        episode=n.episode, channel=n.channel, channel_slug=n.channel_slug, country=country,
        start=n.start, end=n.end, timezone=n.timezone, local_date=n.local_date,
        time_known=n.time_known, repeat=n.repeat, on_demand=list(n.on_demand),
        status="scheduled", sequence=0, created=now, updated=now, rule=n.rule,
    ).returning(airings.c.id)).scalar_one()
    return Existing(id=aid, uid=uid, programme=n.programme,
                    programme_slug=n.programme_slug, episode=n.episode, channel=n.channel,
                    channel_slug=n.channel_slug, start=n.start, end=n.end,
                    timezone=n.timezone, local_date=n.local_date,
                    time_known=n.time_known, repeat=n.repeat, on_demand=n.on_demand,
                    status="scheduled", sequence=0, rule=n.rule)

def refresh_programmes(conn: Connection, slugs: set[str]) -> None:
    """Rebuild the programme rows for ``slugs`` from the airings and releases naming
    them."""
    for slug in sorted(slugs):
        rows = conn.execute(select(airings.c.programme, airings.c.episode,
                                   announcements.c.release_id)
                            .join(announcements,
                                  announcements.c.airing_id == airings.c.id)
                            .where(airings.c.programme_slug == slug)
                            .order_by(airings.c.start)).all()
        ids = {int(r.release_id) for r in rows}
        old = conn.execute(select(programmes.c.releases)
                           .where(programmes.c.slug == slug)).scalar_one_or_none()
        ids |= set(old or [])
        found = conn.execute(select(releases.c.id, releases.c.record, releases.c.superseded_by)
                             .where(releases.c.id.in_(ids))).all()
        records = {int(r.id): decode_release(r.record) for r in found}
        revised = {int(r.id) for r in found if r.superseded_by is not None}
        ids = {i for i, rec in records.items() if slug in programme_slugs(rec)}
        conn.execute(delete(programmes).where(programmes.c.slug == slug))
        if not ids:
            continue
        title = next((r.programme for r in rows if r.programme), None)
        presenter = synopsis = url = None
        contacts: list[dict[str, Any]] = []
        # Who describes the programme: releases still current (not revised) speak before the
        # ones they replaced, and among those the first to announce it speaks first. So a
        # revision's synopsis wins over the version it replaced, while a later repost or a
        # season slate only fills in what the programme's own release left out.
        for i in sorted(ids, key=lambda i: (i in revised, i)):
            for p in records[i].programmes:
                if p.title and slugify(p.title) == slug:
                    title = title or p.title
                    presenter = presenter or p.presenter
                    synopsis = synopsis or p.synopsis
                    url = url or p.url
            for c in records[i].contacts:
                coded = encode_contact(c)
                coded["evidence"] = None
                if coded not in contacts:
                    contacts.append(coded)
        episodes = list(dict.fromkeys(r.episode for r in rows if r.episode))
        conn.execute(insert(programmes).values(
            slug=slug, title=title or slug, presenter=presenter, synopsis=synopsis,
            url=url, episodes=episodes, contacts=contacts, releases=sorted(ids)))
