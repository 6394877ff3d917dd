"""What the web layer may ask of the store: the records it returns and the questions it answers.

This module is the seam between ``service.store`` (SQLAlchemy, migrations, ingest) and the HTTP
layer (``service.api``, ``service.feeds``, ``service.pages``). Both sides are written against it;
nothing here touches a database.

Identity and history rules (decided here, documented in the README):

* An *airing* is one broadcast: a channel (or none), a start instant and a programme. The same
  broadcast announced by several documents is one airing whose ``sources`` lists every release
  that announced it. Its ``uid`` never changes once issued.
* A *revision* is a later document with the same title (case- and space-insensitive) or the same
  URL as an earlier release and at least one programme in common. Its airings replace the earlier
  release's: an airing matched exactly stays; an unmatched earlier airing is paired with an
  unmatched new airing of the same programme and channel (nearest start first) and *moves* (same
  uid, ``sequence`` + 1); an earlier airing left over is ``cancelled`` (``sequence`` + 1), never
  deleted, unless another live release still announces it.
* A document that is not a revision (a blog repost, a season slate) only *adds*: new airings, or
  new sources on existing ones. It never cancels anything.
* ``revision`` is a counter bumped in the same transaction as any change, so a feed rendered for
  revision *n* is correct until the counter moves, whichever worker process did the write.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

from schedules.model import Contact, Release

AiringStatus = Literal["scheduled", "cancelled"]


@dataclass(frozen=True)
class StoredAiring:
    uid: str  # stable, globally unique: "<hex>@broadcast-schedules"
    programme: str | None
    programme_slug: str | None
    episode: str | None
    channel: str | None
    channel_slug: str | None
    start: dt.datetime  # aware, expressed in ``timezone``
    end: dt.datetime | None  # aware; None when no end was printed
    timezone: str  # IANA zone
    time_known: bool  # False: a date-only airing (start is local midnight)
    repeat: bool
    on_demand: tuple[str, ...]
    status: AiringStatus
    sequence: int  # iCalendar SEQUENCE: bumped on every move or cancellation
    created: dt.datetime  # aware UTC
    updated: dt.datetime  # aware UTC: DTSTAMP / LAST-MODIFIED
    sources: tuple[int, ...]  # ids of the releases that announce it, oldest first
    rule: str | None = None  # RRULE text when the airing is the first of a recurring slot


@dataclass(frozen=True)
class StoredProgramme:
    slug: str
    title: str
    presenter: str | None = None
    synopsis: str | None = None
    url: str | None = None
    episodes: tuple[str, ...] = ()
    contacts: tuple[Contact, ...] = ()
    releases: tuple[int, ...] = ()


@dataclass(frozen=True)
class StoredChannel:
    slug: str
    name: str
    country: str | None
    airings: int  # scheduled airings in the store


@dataclass(frozen=True)
class StoredRelease:
    id: int
    sha256: str  # of the original bytes
    title: str | None
    released: dt.date | None
    source: str | None  # file name or "upload"
    url: str | None
    country: str
    format: str  # text, markdown, html, email
    received: dt.datetime  # aware UTC
    original: bytes  # exactly what was sent
    record: Release  # the parse of ``original`` by the current parser (with corrections applied)
    corrections: tuple[Correction, ...] = ()
    supersedes: int | None = None  # the release this one revised


@dataclass(frozen=True)
class Correction:
    """A field a person fixed on the release desk; re-applied after every re-parse.

    ``target`` names what is corrected: ``"airing:<index>"`` (the n-th airing of the parse) or
    ``"release"``; ``field`` is one of start, end, channel, programme, episode, title.
    """

    target: str
    field: str
    value: str
    author: str | None = None
    at: dt.datetime | None = None


@dataclass(frozen=True)
class IngestResult:
    release: StoredRelease
    created: bool  # False: the very same document (same bytes and options) was already stored
    added: int = 0  # airings created
    moved: int = 0  # airings whose time or channel changed (sequence bumped)
    cancelled: int = 0
    merged: int = 0  # airings that already existed from another document (source added)
    warnings: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class AiringQuery:
    start: dt.datetime | None = None  # airings that end (or start) at or after this instant
    end: dt.datetime | None = None  # airings that start before this instant
    channel: str | None = None  # channel slug
    programme: str | None = None  # programme slug
    release: int | None = None  # only airings this release announces
    q: str | None = None  # case-insensitive substring of programme, episode or channel
    include_cancelled: bool = True
    after: str | None = None  # opaque cursor from a previous page
    limit: int | None = None


@dataclass(frozen=True)
class Page:
    airings: tuple[StoredAiring, ...]
    next: str | None  # cursor for the following page, None at the end


class Store(Protocol):
    """Everything the web layer needs. ``service.store.SqlStore`` implements it."""

    def migrate(self) -> None: ...

    def revision(self) -> tuple[int, dt.datetime]:
        """(counter, aware UTC time of the last change); (0, epoch) for an empty store."""
        ...

    def ingest(self, data: bytes, *, name: str | None = None, format_in: str | None = None,
               reference_date: dt.date | None = None, country: str | None = None,
               url: str | None = None,
               corrections: Sequence[Correction] = ()) -> IngestResult: ...

    def preview(self, data: bytes, *, name: str | None = None, format_in: str | None = None,
                reference_date: dt.date | None = None, country: str | None = None,
                url: str | None = None) -> Release:
        """Parse without storing (the release desk's preview)."""
        ...

    def airings(self, query: AiringQuery) -> Page: ...

    def airing(self, uid: str) -> StoredAiring | None: ...

    def releases(self, *, limit: int = 50, after: str | None = None
                 ) -> tuple[list[StoredRelease], str | None]: ...

    def release(self, release_id: int) -> StoredRelease | None: ...

    def programmes(self) -> list[StoredProgramme]: ...

    def programme(self, slug: str) -> StoredProgramme | None: ...

    def channels(self) -> list[StoredChannel]: ...

    def reparse(self, release_id: int | None = None) -> int:
        """Re-run the parser on stored originals (all when None); returns releases changed."""
        ...

    def check_token(self, token: str) -> bool: ...

    def create_token(self, label: str) -> str: ...
