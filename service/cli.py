"""Store-backed commands, joined to the ``schedules`` command line by :func:`add_commands`::

    schedules ingest PATH... [--country CC] [--reference-date D] [--format-in F]
    schedules reparse [--release ID]
    schedules token create LABEL
    schedules migrate
    schedules serve [--host H] [--port P] [--workers N]

``SCHEDULES_DATABASE_URL`` names the store (default: the SQLite file ``./var/schedules.db``).
Every command creates or upgrades the schema first, so they work on a fresh clone.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import secrets
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from schedules.errors import ScheduleError
from schedules.read.document import FORMATS, MAX_BYTES
from service import settings
from service.store import SqlStore, open_store


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {value!r}") from None


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {value!r}")
    return n


def _port(value: str) -> int:
    n = _positive(value)
    if n > 65535:
        raise argparse.ArgumentTypeError(f"expected a port number up to 65535, got {value!r}")
    return n


def _store() -> SqlStore:
    """The store named by ``SCHEDULES_DATABASE_URL``, migrated; a store that cannot be opened
    is one clear line, not a traceback."""
    from sqlalchemy.exc import ArgumentError, SQLAlchemyError

    url = settings.database_url()
    try:
        store = open_store(url)
        store.migrate()
    except ArgumentError as exc:
        raise ScheduleError(f"SCHEDULES_DATABASE_URL={url!r} is not a database URL: {exc}"
                            ) from None
    except (SQLAlchemyError, OSError) as exc:
        reason = getattr(exc, "orig", None) or exc
        raise ScheduleError(f"cannot open the store {url!r}: {reason}".strip()) from None
    return store


# -- ingest -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    label: str  # what the user will recognise: the path as found, or "stdin"
    path: Path | None  # None: standard input


def expand(paths: list[str]) -> Iterator[Item | str]:
    """Files as given, folders recursively (hidden files and folders skipped), ``-`` for
    stdin. A path that does not exist is yielded as an error message."""
    for given in paths:
        if given == "-":
            yield Item("stdin", None)
            continue
        p = Path(given)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                rel = f.relative_to(p)
                if f.is_file() and not any(part.startswith(".") for part in rel.parts):
                    yield Item(str(f), f)
        elif p.exists():
            yield Item(given, p)
        else:
            yield f"{given}: no such file or folder"


def _read(item: Item) -> bytes:
    if item.path is None:
        return sys.stdin.buffer.read(MAX_BYTES + 1)
    try:
        with item.path.open("rb") as fh:
            return fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise ScheduleError(f"cannot read: {exc.strerror or exc}") from None


def _message(item: Item, exc: BaseException) -> str:
    text = str(exc)
    for prefix in (f"{item.label}: ", f"{item.path.name}: " if item.path else None):
        if prefix and text.startswith(prefix):
            text = text[len(prefix):]
    return f"{item.label}: {text}"


class Progress:
    """One line on stderr, rewritten in place, only when stderr is a terminal."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.active = stream.isatty()
        self.width = 0

    def show(self, text: str) -> None:
        if self.active:
            line = text[:78]
            self.stream.write("\r" + line.ljust(self.width))
            self.width = len(line)
            self.stream.flush()

    def clear(self) -> None:
        if self.active and self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
            self.width = 0


def cmd_ingest(args: argparse.Namespace) -> int:
    store = _store()
    items = list(expand(args.paths))
    progress = Progress(sys.stderr)
    new = unchanged = added = moved = cancelled = failed = 0
    for i, item in enumerate(items, 1):
        if isinstance(item, str):
            progress.clear()
            print(f"schedules: {item}", file=sys.stderr)
            failed += 1
            continue
        progress.show(f"[{i}/{len(items)}] {item.label}")
        try:
            result = store.ingest(_read(item), name=item.label, format_in=args.format_in,
                                  reference_date=args.reference_date, country=args.country)
        except ScheduleError as exc:
            progress.clear()
            print(f"schedules: {_message(item, exc)}", file=sys.stderr)
            failed += 1
            continue
        except Exception as exc:  # a parser bug must not abort the batch; report and go on
            progress.clear()
            print(f"schedules: {item.label}: internal error while reading this document "
                  f"({type(exc).__name__}: {exc}); please report it", file=sys.stderr)
            failed += 1
            continue
        if result.created:
            new += 1
        else:
            unchanged += 1
        added, moved = added + result.added, moved + result.moved
        cancelled += result.cancelled
    progress.clear()
    total = new + unchanged
    print(f"{total} release{'s' if total != 1 else ''} ({new} new, {unchanged} unchanged), "
          f"{added} airings added, {moved} moved, {cancelled} cancelled; "
          f"{failed} file{'s' if failed != 1 else ''} failed")
    store.close()
    return 1 if failed else 0


# -- the others -------------------------------------------------------------------------------


def cmd_reparse(args: argparse.Namespace) -> int:
    store = _store()
    changed = store.reparse(args.release)
    print(f"{changed} release{'s' if changed != 1 else ''} changed")
    store.close()
    return 0


def cmd_token_create(args: argparse.Namespace) -> int:
    label = args.label.strip()
    if not label:
        raise ScheduleError("give the token a label saying who or what will use it")
    store = _store()
    print(store.create_token(label))
    store.close()
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    store = _store()
    print(f"schema is up to date in {store!r}")
    store.close()
    return 0


def gunicorn_options(host: str, port: int, workers: int) -> dict[str, Any]:
    return {
        "bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
        "workers": workers,
        "worker_class": "gthread",
        "threads": 4,
        "accesslog": "-",
        "timeout": 60,
        "graceful_timeout": 10,
        "preload_app": False,  # each worker opens its own database connections after forking
    }


def cmd_serve(args: argparse.Namespace) -> int:
    from gunicorn.app.base import BaseApplication

    _store().close()  # migrate once, in the master, before any worker forks
    if not settings.secret_key():
        # Every worker must sign desk sessions with the same key, or a login made on one
        # worker is refused by the next; the workers inherit it from this process.
        os.environ["SCHEDULES_SECRET_KEY"] = secrets.token_hex(32)

    class Server(BaseApplication):  # type: ignore[misc]
        def __init__(self, options: dict[str, Any]) -> None:
            self.options = options
            super().__init__()

        def load_config(self) -> None:
            for key, value in self.options.items():
                self.cfg.set(key, value)

        def load(self) -> Any:
            from service import create_app

            return create_app()

    Server(gunicorn_options(args.host, args.port, args.workers)).run()
    return 0


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("ingest", help="store press releases (files, folders, - for stdin)")
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="file, folder (read recursively) or - for standard input")
    p.add_argument("--country", default=None,
                   help="broadcaster's country, ISO 3166 alpha-2 "
                        "(default: SCHEDULES_COUNTRY, else AU)")
    p.add_argument("--reference-date", type=_date, default=None,
                   help="the release date when the text gives none (YYYY-MM-DD)")
    p.add_argument("--format-in", choices=FORMATS, default=None,
                   help="input format (default: detected from the name and content)")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("reparse", help="re-read stored originals with the current parser")
    p.add_argument("--release", type=_positive, default=None, metavar="ID",
                   help="only this release (default: all)")
    p.set_defaults(func=cmd_reparse)

    p = sub.add_parser("token", help="manage API write tokens")
    token_sub = p.add_subparsers(dest="token_command", required=True)
    t = token_sub.add_parser("create", help="create a token and print it (shown only once)")
    t.add_argument("label", help="who or what will use the token")
    t.set_defaults(func=cmd_token_create)

    p = sub.add_parser("migrate", help="create or upgrade the database schema")
    p.set_defaults(func=cmd_migrate)

    p = sub.add_parser("serve", help="serve the API, feeds and pages with gunicorn")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=_port, default=8000, help="port (default 8000)")
    p.add_argument("--workers", type=_positive, default=2,
                   help="worker processes (default 2)")
    p.set_defaults(func=cmd_serve)
