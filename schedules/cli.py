"""The `schedules` command line. `parse` is a contract other tools call:

    schedules parse PATH|- [--reference-date YYYY-MM-DD] [--country CC] [--format json|ics]
                           [--format-in text|markdown|html|email|pdf] [--channels FILE]

It prints one release as JSON (or an iCalendar file) on stdout. A file that cannot be read or
decoded exits with status 2 and one line on stderr. Store-backed commands (ingest, serve, reparse,
token) are added by the service package when it is installed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from schedules import channels
from schedules.errors import ScheduleError
from schedules.export.listing import release_dict
from schedules.extract import extract
from schedules.read import MAX_BYTES, read_document
from schedules.read.document import FORMATS

Command = Callable[[argparse.Namespace], int]


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {value!r}") from None


def read_input(path: str) -> tuple[bytes, str | None]:
    if path == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        return data, None
    p = Path(path)
    try:
        with p.open("rb") as fh:
            return fh.read(MAX_BYTES + 1), p.name
    except IsADirectoryError:
        raise ScheduleError(f"{path}: is a directory; give a file (or - for stdin)") from None
    except FileNotFoundError:
        raise ScheduleError(f"{path}: no such file") from None
    except OSError as exc:
        raise ScheduleError(f"{path}: cannot read: {exc.strerror or exc}") from None


def cmd_parse(args: argparse.Namespace) -> int:
    data, name = read_input(args.path)
    doc = read_document(data, name=name or "stdin", format_in=args.format_in)
    files = (*channels.files_from_env(), *args.channels)
    release = extract(doc, reference_date=args.reference_date, country=args.country,
                      today=dt.date.today(), source=None if args.path == "-" else args.path,
                      channel_files=files)
    if args.format == "ics":
        from schedules.export import ical

        sys.stdout.buffer.write(ical.release_calendar(release))
    else:
        json.dump(release_dict(release), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="schedules",
        description="Read broadcasters' press releases; publish schedules as iCalendar and JSON.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("parse", help="parse one press release and print it as JSON or iCalendar")
    p.add_argument("path", help="file to read, or - for standard input")
    p.add_argument("--reference-date", type=_date, default=None,
                   help="the release date when the text gives none (YYYY-MM-DD)")
    p.add_argument("--country", default="AU",
                   help="broadcaster's country, ISO 3166 alpha-2 (default AU)")
    p.add_argument("--format", choices=("json", "ics"), default="json", help="output format")
    p.add_argument("--format-in", choices=FORMATS, default=None,
                   help="input format (default: detected from the name and content)")
    p.add_argument("--channels", type=Path, action="append", default=[], metavar="FILE",
                   help="a channel table (TOML) to add to the bundled ones; repeatable "
                        "(also: SCHEDULES_CHANNEL_FILES=a.toml:b.toml)")
    p.set_defaults(func=cmd_parse)
    _add_service_commands(sub)
    return parser


def _add_service_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Let the service package add its store-backed commands when it is importable."""
    import importlib

    try:
        service_cli = importlib.import_module("service.cli")
    except ImportError:
        return
    service_cli.add_commands(sub)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        result: int = args.func(args)
        return result
    except ScheduleError as exc:
        print(f"schedules: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
