"""``SqlStore``: the :class:`service.contract.Store` on SQLAlchemy (SQLite or PostgreSQL).

Writes are serialised: on SQLite each write transaction starts with ``BEGIN IMMEDIATE`` (WAL
mode, so readers never wait); on PostgreSQL it first locks the single ``state`` row. Every change
bumps ``state.revision`` in the same transaction, so a feed rendered for revision *n* stays
correct until the counter moves, whichever process wrote. Documents are parsed before the
transaction opens: a document that cannot be read raises the core's
:class:`~schedules.errors.ScheduleError` and nothing is written.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import datetime as dt
import hashlib
import hmac
import json
import os
import secrets
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import (
    Connection,
    Engine,
    Row,
    and_,
    case,
    create_engine,
    delete,
    event,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.engine import make_url

from schedules.channels import all_channels
from schedules.channels import files_from_env as channel_files_from_env
from schedules.errors import ConfigError, InputError, ScheduleError
from schedules.extract import extract
from schedules.model import Release
from schedules.read import read_document
from schedules.zones import country as country_info
from service import settings
from service.contract import (
    AiringQuery,
    Correction,
    IngestResult,
    Page,
    StoredAiring,
    StoredChannel,
    StoredProgramme,
    StoredRelease,
)
from service.ingest import (
    Existing,
    apply_corrections,
    existing,
    programme_slugs,
    title_key,
)
from service.ingest_codec import decode_contact, decode_release, encode_release
from service.ingest_merge import merge, refresh_programmes
from service.tables import (
    airings,
    announcements,
    corrections,
    programmes,
    releases,
    state,
    tokens,
)

EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
DEFAULT_LIMIT = 100
MAX_LIMIT = 1000
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


_REVISION_SQL = "SELECT revision, changed FROM state WHERE id = 1"


def _make_engine(url: str) -> Engine:
    u = make_url(url)
    if u.get_backend_name() != "sqlite":
        return create_engine(u, pool_pre_ping=True)
    db = u.database
    if db and db != ":memory:" and not db.startswith("file:"):
        Path(db).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(u, connect_args={"timeout": 30})

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # transactions are begun by _begin below
        cur = dbapi_conn.cursor()
        for pragma in ("journal_mode=WAL", "foreign_keys=ON", "busy_timeout=30000",
                       "synchronous=NORMAL"):
            cur.execute(f"PRAGMA {pragma}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        write = conn.get_execution_options().get("schedules_write")
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def default_url() -> str:
    return settings.database_url()


def open_store(url: str | None = None) -> SqlStore:
    """The store at ``url``; None: ``SCHEDULES_DATABASE_URL``, else ``./var/schedules.db``."""
    return SqlStore(url or default_url())


def store_for(app_config: Mapping[str, Any]) -> SqlStore:
    """The store an app was configured with: ``STORE``, else ``DATABASE_URL``, else the
    environment's."""
    given = app_config.get("STORE")
    if isinstance(given, SqlStore):
        return given
    url = app_config.get("DATABASE_URL")
    return open_store(str(url) if url else None)


def _ingest_key(sha: str, *, format_in: str | None, reference_date: dt.date | None,
                country: str | None, url: str | None) -> str:
    options = [sha, format_in, reference_date.isoformat() if reference_date else None,
               country, url]
    return hashlib.sha256(json.dumps(options).encode()).hexdigest()


def _encode_cursor(*parts: str) -> str:
    return base64.urlsafe_b64encode("\x1f".join(parts).encode()).decode().rstrip("=")


def _decode_cursor(cursor: str, n: int) -> list[str]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise InputError(f"invalid cursor {cursor[:40]!r}: use the 'next' value of the "
                         f"previous page") from None
    parts = raw.split("\x1f")
    if len(parts) != n:
        raise InputError(f"invalid cursor {cursor[:40]!r}: use the 'next' value of the "
                         f"previous page")
    return parts


def _result(stored: StoredRelease, created: bool, counts: Mapping[str, int]) -> IngestResult:
    warnings = tuple(w.message for w in stored.record.warnings)
    return IngestResult(stored, created=created, added=counts.get("added", 0),
                        moved=counts.get("moved", 0), cancelled=counts.get("cancelled", 0),
                        merged=counts.get("merged", 0), warnings=warnings)


class SqlStore:
    """Releases, airings and tokens in one SQL database (see :mod:`service.tables`)."""

    def __init__(self, url: str, *, engine: Engine | None = None) -> None:
        self.url = url
        self.engine = engine or _make_engine(url)
        self.dialect = self.engine.dialect.name
        self._pollers = threading.local()
        self._poller_conns: list[Any] = []
        self._poller_lock = threading.Lock()
        database = self.engine.url.database
        self._in_memory = self.dialect == "sqlite" and (
            not database or database == ":memory:" or "mode=memory" in str(self.engine.url))

    def __repr__(self) -> str:
        return f"SqlStore({self.engine.url.render_as_string(hide_password=True)!r})"

    def close(self) -> None:
        with self._poller_lock:
            for conn in self._poller_conns:
                with contextlib.suppress(Exception):
                    conn.close()
            self._poller_conns.clear()
        self.engine.dispose()

    # -- schema ---------------------------------------------------------------------------

    def migrate(self) -> None:
        """Create or upgrade the schema (``alembic upgrade head``). Safe when several processes
        start at once: the upgrade runs in one transaction under a lock (PostgreSQL advisory
        lock; SQLite ``BEGIN IMMEDIATE``), and the second process finds it done."""
        from alembic import command
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        cfg.set_main_option("sqlalchemy.url",
                            self.engine.url.render_as_string(hide_password=False)
                            .replace("%", "%%"))
        with self.engine.connect().execution_options(schedules_write=True) as conn, \
                conn.begin():
            if self.dialect == "postgresql":
                conn.exec_driver_sql("SELECT pg_advisory_xact_lock(7361420539)")
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with self.engine.connect().execution_options(schedules_write=True) as conn, \
                conn.begin():
            if self.dialect != "sqlite":
                conn.execute(select(state.c.id).where(state.c.id == 1).with_for_update())
            yield conn

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn, conn.begin():
            yield conn

    def _bump(self, conn: Connection, now: dt.datetime) -> None:
        conn.execute(update(state).where(state.c.id == 1)
                     .values(revision=state.c.revision + 1, changed=now))

    def revision(self) -> tuple[int, dt.datetime]:
        """One indexed read, asked on every feed poll. It runs on a DBAPI connection this thread
        keeps for the purpose (autocommit, outside the pool): going through SQLAlchemy Core and
        the pool costs several times the query itself (measured by benchmarks/feeds.py). A single
        SELECT is its own consistent snapshot on both backends."""
        row = self._revision_row()
        if row is None or not row[0]:
            return 0, EPOCH
        changed = row[1]
        if isinstance(changed, str):  # SQLite keeps DateTime as ISO text
            changed = dt.datetime.fromisoformat(changed)
        return int(row[0]), changed.replace(tzinfo=dt.UTC)

    def _revision_row(self) -> Any:
        if self._in_memory:  # a private in-memory database lives in the pool's connection
            with self.engine.connect() as conn:
                return conn.exec_driver_sql(_REVISION_SQL).first()
        try:
            return self._read_on(self._poller())
        except Exception:
            self._drop_poller()  # broken (a server restart, say): retry once on a new one
            return self._read_on(self._poller())

    @staticmethod
    def _read_on(conn: Any) -> Any:
        cursor = conn.cursor()
        try:
            cursor.execute(_REVISION_SQL)
            return cursor.fetchone()
        finally:
            cursor.close()

    def _poller(self) -> Any:
        pid = os.getpid()
        held = getattr(self._pollers, "held", None)
        if held is not None and held[0] == pid:
            return held[1]
        cargs, cparams = self.engine.dialect.create_connect_args(self.engine.url)
        if self.dialect == "sqlite":
            cparams["check_same_thread"] = False  # closed by close(), from any thread
        conn = self.engine.dialect.connect(*cargs, **cparams)
        if self.dialect != "sqlite":
            conn.autocommit = True
        self._pollers.held = (pid, conn)  # a forked child opens its own
        with self._poller_lock:
            self._poller_conns.append(conn)
        return conn

    def _drop_poller(self) -> None:
        held = getattr(self._pollers, "held", None)
        self._pollers.held = None
        if held is None:
            return
        conn = held[1]
        with self._poller_lock:
            if conn in self._poller_conns:
                self._poller_conns.remove(conn)
        with contextlib.suppress(Exception):
            conn.close()

    # -- ingest ---------------------------------------------------------------------------

    def preview(self, data: bytes, *, name: str | None = None, format_in: str | None = None,
                reference_date: dt.date | None = None, country: str | None = None,
                url: str | None = None) -> Release:
        return self._parse(data, name=name, format_in=format_in,
                           reference_date=reference_date, country=country, url=url)

    def _parse(self, data: bytes, *, name: str | None, format_in: str | None,
               reference_date: dt.date | None, country: str | None,
               url: str | None) -> Release:
        if not isinstance(data, bytes | bytearray):
            raise InputError(f"expected the document as bytes, got {type(data).__name__}")
        try:
            code = country_info(country or settings.country()).code
        except ConfigError as exc:
            raise InputError(exc.message) from None
        doc = read_document(bytes(data), name=name, format_in=format_in)
        release = extract(doc, reference_date=reference_date, country=code,
                          today=dt.date.today(), source=name,
                          channel_files=channel_files_from_env())
        if url:
            release = replace(release, url=url)
        return release

    def ingest(self, data: bytes, *, name: str | None = None, format_in: str | None = None,
               reference_date: dt.date | None = None, country: str | None = None,
               url: str | None = None,
               corrections: Sequence[Correction] = ()) -> IngestResult:
        parsed = self._parse(data, name=name, format_in=format_in,
                             reference_date=reference_date, country=country, url=url)
        record = apply_corrections(parsed, corrections)
        sha = hashlib.sha256(data).hexdigest()
        key = _ingest_key(sha, format_in=format_in, reference_date=reference_date,
                          country=country.upper() if country else None, url=url)
        with self._write() as conn:
            row = conn.execute(select(releases).where(releases.c.ingest_key == key)).first()
            if row is not None:
                if corrections and tuple(corrections) != self._corrections(conn, row.id):
                    counts = self._recorrect(conn, row, parsed, corrections)
                    return _result(self._stored_release(conn, row.id), False, counts)
                return _result(self._stored_release(conn, row.id), False, {})
            now = _now()
            rid = conn.execute(insert(releases).values(
                sha256=sha, ingest_key=key, title=record.title,
                title_key=title_key(record.title), released=record.released,
                source=name, url=record.url, country=record.country, format=record.format,
                format_in=format_in, reference_date=reference_date,
                country_in=country.upper() if country else None, url_in=url,
                received=now, original=bytes(data), record=encode_release(record),
            ).returning(releases.c.id)).scalar_one()
            self._save_corrections(conn, rid, corrections)
            earlier = self._revised(conn, rid, record)
            previous = self._announced(conn, earlier) if earlier is not None else None
            counts = merge(conn, rid, record, previous=previous,
                                 live_except={earlier} if earlier is not None else set(),
                                 now=now)
            slugs = programme_slugs(record)
            if earlier is not None:
                conn.execute(update(releases).where(releases.c.id == earlier)
                             .values(superseded_by=rid))
                conn.execute(update(releases).where(releases.c.id == rid)
                             .values(supersedes=earlier))
                slugs |= self._release_slugs(conn, earlier)
            refresh_programmes(conn, slugs)
            self._bump(conn, now)
            stored = self._stored_release(conn, rid)
        return _result(stored, True, counts)

    def _recorrect(self, conn: Connection, row: Row[Any], parsed: Release,
                   fixes: Sequence[Correction]) -> dict[str, int]:
        now = _now()
        conn.execute(delete(corrections).where(corrections.c.release_id == row.id))
        self._save_corrections(conn, row.id, fixes)
        return self._replace_record(conn, row, apply_corrections(parsed, fixes), now)

    def _replace_record(self, conn: Connection, row: Row[Any], record: Release,
                        now: dt.datetime) -> dict[str, int]:
        """Store a new parse of release ``row`` and bring its airings in line (a live release
        revises itself; a superseded one keeps its history)."""
        before = decode_release(row.record) if row.record.get("v") else None
        conn.execute(update(releases).where(releases.c.id == row.id).values(
            title=record.title, title_key=title_key(record.title), released=record.released,
            url=record.url, country=record.country, format=record.format,
            record=encode_release(record)))
        counts: dict[str, int] = {}
        if row.superseded_by is None:
            counts = merge(conn, row.id, record, previous=self._announced(conn, row.id),
                                 live_except={row.id}, now=now)
        slugs = programme_slugs(record) | (programme_slugs(before) if before else set())
        refresh_programmes(conn, slugs)
        self._bump(conn, now)
        return counts

    def _save_corrections(self, conn: Connection, rid: int,
                          fixes: Sequence[Correction]) -> None:
        for c in fixes:
            conn.execute(insert(corrections).values(
                release_id=rid, target=c.target, field=c.field, value=c.value,
                author=c.author, at=c.at))

    def _corrections(self, conn: Connection, rid: int) -> tuple[Correction, ...]:
        rows = conn.execute(select(corrections).where(corrections.c.release_id == rid)
                            .order_by(corrections.c.id)).all()
        return tuple(Correction(target=r.target, field=r.field, value=r.value,
                                author=r.author, at=r.at) for r in rows)

    def _revised(self, conn: Connection, rid: int, record: Release) -> int | None:
        """The live release that ``record`` revises: same title or URL, a programme in
        common; the latest when several qualify."""
        key = title_key(record.title)
        same = []
        if key:
            same.append(releases.c.title_key == key)
        if record.url:
            same.append(releases.c.url == record.url)
        if not same:
            return None
        mine = programme_slugs(record)
        rows = conn.execute(select(releases.c.id, releases.c.record).where(
            releases.c.id != rid, releases.c.superseded_by.is_(None), or_(*same))
            .order_by(releases.c.id.desc())).all()
        for r in rows:
            if mine & programme_slugs(decode_release(r.record)):
                return int(r.id)
        return None

    def _release_slugs(self, conn: Connection, rid: int) -> set[str]:
        rec = conn.execute(select(releases.c.record).where(releases.c.id == rid)).scalar_one()
        return programme_slugs(decode_release(rec))

    def _announced(self, conn: Connection, rid: int) -> list[Existing]:
        rows = conn.execute(select(airings).join(
            announcements, announcements.c.airing_id == airings.c.id)
            .where(announcements.c.release_id == rid).order_by(airings.c.start, airings.c.id))
        return [existing(r) for r in rows]

    # -- reading --------------------------------------------------------------------------

    def _stored_airings(self, conn: Connection, rows: Sequence[Row[Any]]
                        ) -> tuple[StoredAiring, ...]:
        ids = [r.id for r in rows]
        sources: dict[int, list[int]] = {i: [] for i in ids}
        if ids:
            for a in conn.execute(select(announcements.c.airing_id, announcements.c.release_id)
                                  .where(announcements.c.airing_id.in_(ids))
                                  .order_by(announcements.c.release_id)):
                sources[a.airing_id].append(a.release_id)
        out = []
        for r in rows:
            zone = ZoneInfo(r.timezone)
            out.append(StoredAiring(
                uid=r.uid, programme=r.programme, programme_slug=r.programme_slug,
                episode=r.episode, channel=r.channel, channel_slug=r.channel_slug,
                start=r.start.astimezone(zone),
                end=r.end.astimezone(zone) if r.end else None, timezone=r.timezone,
                time_known=r.time_known, repeat=r.repeat, on_demand=tuple(r.on_demand),
                status=r.status, sequence=r.sequence, created=r.created, updated=r.updated,
                sources=tuple(sources[r.id]), rule=r.rule))
        return tuple(out)

    def airings(self, query: AiringQuery) -> Page:
        limit = min(max(query.limit or DEFAULT_LIMIT, 1), MAX_LIMIT)
        stmt = select(airings)
        if query.start is not None:
            stmt = stmt.where(func.coalesce(airings.c.end, airings.c.start) >= query.start)
        if query.end is not None:
            stmt = stmt.where(airings.c.start < query.end)
        if query.channel is not None:
            stmt = stmt.where(airings.c.channel_slug == query.channel)
        if query.programme is not None:
            stmt = stmt.where(airings.c.programme_slug == query.programme)
        if query.release is not None:
            stmt = stmt.where(airings.c.id.in_(
                select(announcements.c.airing_id)
                .where(announcements.c.release_id == query.release)))
        if query.q:
            pattern = "%" + query.q.replace("\\", "\\\\").replace("%", "\\%") \
                .replace("_", "\\_") + "%"
            stmt = stmt.where(or_(*(col.ilike(pattern, escape="\\") for col in (
                airings.c.programme, airings.c.episode, airings.c.channel))))
        if not query.include_cancelled:
            stmt = stmt.where(airings.c.status == "scheduled")
        if query.after:
            when, uid = _decode_cursor(query.after, 2)
            try:
                after = dt.datetime.fromisoformat(when)
            except ValueError:
                raise InputError(f"invalid cursor {query.after[:40]!r}") from None
            stmt = stmt.where(or_(airings.c.start > after,
                                  and_(airings.c.start == after, airings.c.uid > uid)))
        stmt = stmt.order_by(airings.c.start, airings.c.uid).limit(limit + 1)
        with self._read() as conn:
            rows = conn.execute(stmt).all()
            more = len(rows) > limit
            rows = rows[:limit]
            page = self._stored_airings(conn, rows)
        cursor = None
        if more and rows:
            last = rows[-1]
            cursor = _encode_cursor(last.start.isoformat(), last.uid)
        return Page(airings=page, next=cursor)

    def airing(self, uid: str) -> StoredAiring | None:
        with self._read() as conn:
            rows = conn.execute(select(airings).where(airings.c.uid == uid)).all()
            found = self._stored_airings(conn, rows)
        return found[0] if found else None

    def _stored_release(self, conn: Connection, rid: int) -> StoredRelease:
        row = conn.execute(select(releases).where(releases.c.id == rid)).one()
        return self._release_from(conn, row)

    def _release_from(self, conn: Connection, row: Row[Any]) -> StoredRelease:
        fixes = self._corrections(conn, row.id)
        try:
            record = decode_release(row.record)
        except (ValueError, KeyError, TypeError):
            record = apply_corrections(self._reparse_row(row), fixes)
        return StoredRelease(
            id=row.id, sha256=row.sha256, title=row.title, released=row.released,
            source=row.source, url=row.url, country=row.country, format=row.format,
            received=row.received, original=bytes(row.original), record=record,
            corrections=fixes, supersedes=row.supersedes)

    def _reparse_row(self, row: Row[Any]) -> Release:
        return self._parse(bytes(row.original), name=row.source, format_in=row.format_in,
                           reference_date=row.reference_date, country=row.country_in,
                           url=row.url_in)

    def release(self, release_id: int) -> StoredRelease | None:
        with self._read() as conn:
            row = conn.execute(select(releases).where(releases.c.id == release_id)).first()
            return None if row is None else self._release_from(conn, row)

    def releases(self, *, limit: int = 50, after: str | None = None
                 ) -> tuple[list[StoredRelease], str | None]:
        """Newest first."""
        limit = min(max(limit, 1), MAX_LIMIT)
        stmt = select(releases).order_by(releases.c.id.desc()).limit(limit + 1)
        if after:
            (last,) = _decode_cursor(after, 1)
            if not last.isdigit():
                raise InputError(f"invalid cursor {after[:40]!r}")
            stmt = stmt.where(releases.c.id < int(last))
        with self._read() as conn:
            rows = conn.execute(stmt).all()
            out = [self._release_from(conn, r) for r in rows[:limit]]
        cursor = _encode_cursor(str(out[-1].id)) if len(rows) > limit and out else None
        return out, cursor

    def _programme(self, row: Row[Any]) -> StoredProgramme:
        return StoredProgramme(
            slug=row.slug, title=row.title, presenter=row.presenter, synopsis=row.synopsis,
            url=row.url, episodes=tuple(row.episodes),
            contacts=tuple(decode_contact(c) for c in row.contacts),
            releases=tuple(row.releases))

    def programmes(self) -> list[StoredProgramme]:
        with self._read() as conn:
            rows = conn.execute(select(programmes).order_by(programmes.c.slug)).all()
        return [self._programme(r) for r in rows]

    def programme(self, slug: str) -> StoredProgramme | None:
        with self._read() as conn:
            row = conn.execute(select(programmes).where(programmes.c.slug == slug)).first()
        return None if row is None else self._programme(row)

    def channels(self) -> list[StoredChannel]:
        known = {ch.slug: ch for ch in all_channels()}
        scheduled = func.sum(case((airings.c.status == "scheduled", 1), else_=0))
        with self._read() as conn:
            rows = conn.execute(select(airings.c.channel_slug, func.min(airings.c.channel),
                                       func.min(airings.c.country), scheduled)
                                .where(airings.c.channel_slug.is_not(None))
                                .group_by(airings.c.channel_slug)
                                .order_by(airings.c.channel_slug)).all()
        out = []
        for slug, name, country, count in rows:
            ch = known.get(slug)
            out.append(StoredChannel(slug=slug, name=ch.name if ch else name,
                                     country=ch.country if ch else country,
                                     airings=int(count or 0)))
        return out

    # -- re-parsing -----------------------------------------------------------------------

    def reparse(self, release_id: int | None = None) -> int:
        with self._read() as conn:
            if release_id is None:
                ids = list(conn.execute(select(releases.c.id).order_by(releases.c.id))
                           .scalars())
            else:
                ids = list(conn.execute(select(releases.c.id)
                                        .where(releases.c.id == release_id)).scalars())
                if not ids:
                    raise InputError(f"no release {release_id} in the store")
        changed = 0
        for rid in ids:
            with self._write() as conn:
                row = conn.execute(select(releases).where(releases.c.id == rid)).one()
                try:
                    record = apply_corrections(self._reparse_row(row),
                                               self._corrections(conn, rid))
                except ScheduleError:
                    continue  # the stored parse stays until the parser can read it again
                if encode_release(record) == row.record:
                    continue
                self._replace_record(conn, row, record, _now())
                changed += 1
        return changed

    # -- tokens ---------------------------------------------------------------------------

    def create_token(self, label: str) -> str:
        token = secrets.token_urlsafe(32)
        with self._write() as conn:
            conn.execute(insert(tokens).values(
                label=label, sha256=hashlib.sha256(token.encode()).hexdigest(), created=_now()))
        return token

    def check_token(self, token: str) -> bool:
        if not token:
            return False
        configured = settings.api_tokens(os.environ)
        if any(hmac.compare_digest(token.encode(), t.encode()) for t in configured):
            return True
        digest = hashlib.sha256(token.encode()).hexdigest()
        with self._read() as conn:
            return conn.execute(select(tokens.c.id).where(tokens.c.sha256 == digest)
                                ).first() is not None
