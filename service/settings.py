"""Every setting the service reads from the environment, as one documented table.

The service reads the environment here and nowhere else. The one exception is the core command
``schedules parse``, which honours ``SCHEDULES_CHANNEL_FILES`` through
:func:`schedules.channels.files_from_env` so that both read the same channel tables.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("SCHEDULES_DATABASE_URL", "sqlite:///./var/schedules.db",
            "SQLAlchemy URL of the store: a SQLite file (WAL mode) or "
            "postgresql+psycopg://user@host/db"),
    Setting("SCHEDULES_API_TOKENS", "",
            "comma-separated bearer tokens accepted for writes, besides those made with "
            "`schedules token create`"),
    Setting("SCHEDULES_COUNTRY", "AU",
            "the broadcasters' country when a document or request names none (ISO 3166 "
            "alpha-2: AU, GB, IE, NZ, US, CA): sets the home time zone, the phone region and "
            "day-first dates"),
    Setting("SCHEDULES_CHANNEL_FILES", "",
            "channel tables (TOML, the format of schedules/data/channels/) added to the bundled "
            "ones, paths separated by ':'"),
    Setting("SCHEDULES_SECRET_KEY", "",
            "signs the release desk's session cookie; `schedules serve` makes one per run for "
            "its workers when unset (desk logins then end at a restart)"),
    Setting("SCHEDULES_TEST_DATABASE_URL", "",
            "tests only: a PostgreSQL URL; when set, every store test also runs on it"),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def get(name: str, environ: Mapping[str, str] | None = None) -> str:
    """The value of setting ``name``: the environment's, else the documented default."""
    setting = _BY_NAME[name]
    env = os.environ if environ is None else environ
    value = env.get(name, "").strip()
    return value or setting.default


def database_url(environ: Mapping[str, str] | None = None) -> str:
    return get("SCHEDULES_DATABASE_URL", environ)


def api_tokens(environ: Mapping[str, str] | None = None) -> list[str]:
    return [t.strip() for t in get("SCHEDULES_API_TOKENS", environ).split(",") if t.strip()]


def country(environ: Mapping[str, str] | None = None) -> str:
    return get("SCHEDULES_COUNTRY", environ).upper()


def secret_key(environ: Mapping[str, str] | None = None) -> str:
    return get("SCHEDULES_SECRET_KEY", environ)
