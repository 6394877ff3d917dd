"""The store's tables (SQLAlchemy Core). ``service/migrations`` creates exactly these.

::

    state            one row: the change counter (``revision``) and the time of the last change
    releases         every document received: original bytes verbatim, sha256, the options it was
                     read with, and the current parse (``record``, JSON); ``superseded_by`` links
                     a release to the revision that replaced it
    corrections      fields a person fixed, re-applied after every re-parse
    airings          one row per broadcast; ``uid`` never changes once issued
    announcements    which releases announce which airing (the airing's ``sources``)
    programmes       one row per programme slug, rebuilt from the releases that mention it
    tokens           API write tokens, stored as sha256 only

Times are stored as naive UTC (:class:`UTCDateTime`), so ordering and comparison are the same on
SQLite and PostgreSQL; the IANA zone of each airing is kept beside its start.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.types import TypeDecorator

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Aware datetimes in, aware UTC datetimes out; stored as naive UTC."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value.isoformat()} given to a UTC column")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        assert isinstance(value, dt.datetime)
        return value.replace(tzinfo=dt.UTC)


state = Table(
    "state", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("revision", Integer, nullable=False),
    Column("changed", UTCDateTime(), nullable=False),
)

releases = Table(
    "releases", metadata,
    Column("id", Integer, primary_key=True),
    Column("sha256", String(64), nullable=False, index=True),
    Column("ingest_key", String(64), nullable=False, unique=True),
    Column("title", Text),
    Column("title_key", Text, index=True),
    Column("released", Date),
    Column("source", Text),
    Column("url", Text, index=True),
    Column("country", String(8), nullable=False),
    Column("format", String(16), nullable=False),
    Column("format_in", String(16)),
    Column("reference_date", Date),
    Column("country_in", String(8)),
    Column("url_in", Text),
    Column("received", UTCDateTime(), nullable=False),
    Column("original", LargeBinary, nullable=False),
    Column("record", JSON, nullable=False),
    Column("supersedes", Integer, ForeignKey("releases.id")),
    Column("superseded_by", Integer, ForeignKey("releases.id")),
)

corrections = Table(
    "corrections", metadata,
    Column("id", Integer, primary_key=True),
    Column("release_id", Integer, ForeignKey("releases.id", ondelete="CASCADE"),
           nullable=False, index=True),
    Column("target", String(64), nullable=False),
    Column("field", String(32), nullable=False),
    Column("value", Text, nullable=False),
    Column("author", Text),
    Column("at", UTCDateTime()),
)

airings = Table(
    "airings", metadata,
    Column("id", Integer, primary_key=True),
    Column("uid", String(128), nullable=False, unique=True),
    Column("programme", Text),
    Column("programme_slug", String(200), index=True),
    Column("episode", Text),
    Column("channel", Text),
    Column("channel_slug", String(200), index=True),
    Column("country", String(8)),
    Column("start", UTCDateTime(), nullable=False),
    Column("end", UTCDateTime()),
    Column("timezone", String(64), nullable=False),
    Column("local_date", Date, nullable=False),
    Column("time_known", Boolean, nullable=False),
    Column("repeat", Boolean, nullable=False),
    Column("on_demand", JSON, nullable=False),
    Column("status", String(16), nullable=False),
    Column("sequence", Integer, nullable=False),
    Column("created", UTCDateTime(), nullable=False),
    Column("updated", UTCDateTime(), nullable=False),
    Column("rule", Text),
    Index("ix_airings_start_uid", "start", "uid"),
    Index("ix_airings_channel_day", "channel_slug", "local_date"),
)

announcements = Table(
    "announcements", metadata,
    Column("airing_id", Integer, ForeignKey("airings.id", ondelete="CASCADE"),
           primary_key=True),
    Column("release_id", Integer, ForeignKey("releases.id", ondelete="CASCADE"),
           primary_key=True, index=True),
    Column("position", Integer, nullable=False),
)

programmes = Table(
    "programmes", metadata,
    Column("slug", String(200), primary_key=True),
    Column("title", Text, nullable=False),
    Column("presenter", Text),
    Column("synopsis", Text),
    Column("url", Text),
    Column("episodes", JSON, nullable=False),
    Column("contacts", JSON, nullable=False),
    Column("releases", JSON, nullable=False),
)

tokens = Table(
    "tokens", metadata,
    Column("id", Integer, primary_key=True),
    Column("label", Text, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("created", UTCDateTime(), nullable=False),
    UniqueConstraint("sha256"),
)
