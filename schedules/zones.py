"""Zone words ("AEST", "ET", "in WA", "NT") -> IANA zones, and each country's home zone.

A printed abbreviation names a UTC offset (AEST is always +10:00) but subscribers need an IANA
zone. :func:`resolve_zone` keeps the broadcaster's home zone when its offset at that wall time is
the one printed (so "7.30 pm AEST" in Sydney's winter stays ``Australia/Sydney``), and otherwise
picks a zone that always has that offset (AEST in Sydney's summer is Queensland time,
``Australia/Brisbane``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from zoneinfo import ZoneInfo

from schedules.errors import ConfigError


@dataclass(frozen=True)
class Country:
    code: str
    home_zone: str
    phone_region: str
    day_first: bool


COUNTRIES: dict[str, Country] = {
    "AU": Country("AU", "Australia/Sydney", "AU", True),
    "GB": Country("GB", "Europe/London", "GB", True),
    "IE": Country("IE", "Europe/Dublin", "IE", True),
    "NZ": Country("NZ", "Pacific/Auckland", "NZ", True),
    "US": Country("US", "America/New_York", "US", False),
    "CA": Country("CA", "America/Toronto", "CA", False),
}
ALIASES = {"UK": "GB"}


def country(code: str | None) -> Country:
    """The settings for an ISO 3166 alpha-2 code; unknown codes are a :class:`ConfigError`."""
    key = ALIASES.get((code or "AU").upper(), (code or "AU").upper())
    try:
        return COUNTRIES[key]
    except KeyError:
        raise ConfigError(
            f"unknown country {code!r}; expected one of {', '.join(sorted(COUNTRIES))}"
        ) from None


@dataclass(frozen=True)
class ZoneWord:
    """A printed zone: ``fixed`` is its offset when the word names one (AEST), else None (ET)."""

    label: str
    zone: str
    fixed: dt.timedelta | None = None


def _h(hours: float) -> dt.timedelta:
    return dt.timedelta(minutes=round(hours * 60))


# Offsets for words that name standard or daylight time; the zone is one that always has it.
_FIXED: dict[str, tuple[float, str]] = {
    "AEST": (10, "Australia/Brisbane"), "AEDT": (11, "Australia/Sydney"),
    "ACST": (9.5, "Australia/Darwin"), "ACDT": (10.5, "Australia/Adelaide"),
    "AWST": (8, "Australia/Perth"), "AWDT": (9, "Australia/Perth"),
    "NZST": (12, "Pacific/Auckland"), "NZDT": (13, "Pacific/Auckland"),
    "GMT": (0, "Etc/GMT"), "UTC": (0, "UTC"), "BST": (1, "Europe/London"),
    "IST": (1, "Europe/Dublin"),
    "EDT": (-4, "America/New_York"), "CDT": (-5, "America/Chicago"),
    "MDT": (-6, "America/Denver"), "PDT": (-7, "America/Los_Angeles"),
    "ADT": (-3, "America/Halifax"), "NDT": (-2.5, "America/St_Johns"),
}
# Words that name a region's clock (whatever its offset that day).
_REGIONAL: dict[str, str] = {
    "ET": "America/New_York", "EASTERN": "America/New_York",
    "CT": "America/Chicago", "CENTRAL": "America/Chicago",
    "MT": "America/Denver", "MOUNTAIN": "America/Denver",
    "PT": "America/Los_Angeles", "PACIFIC": "America/Los_Angeles",
    "AT": "America/Halifax", "ATLANTIC": "America/Halifax",
    "NT": "America/St_Johns", "NEWFOUNDLAND": "America/St_Johns",
    "AKT": "America/Anchorage", "HT": "Pacific/Honolulu",
    # Americans write EST/PST all year for "Eastern/Pacific time".
    "EST": "America/New_York", "CST": "America/Chicago", "MST": "America/Denver",
    "PST": "America/Los_Angeles", "AST": "America/Halifax", "NST": "America/St_Johns",
    "UK": "Europe/London", "IRL": "Europe/Dublin",
}
# Region words used inside one country ("8.30pm in WA", "(9:30 NT)" in Australia).
_BY_COUNTRY: dict[str, dict[str, str]] = {
    "AU": {
        "WA": "Australia/Perth", "NT": "Australia/Darwin", "SA": "Australia/Adelaide",
        "QLD": "Australia/Brisbane", "NSW": "Australia/Sydney", "VIC": "Australia/Melbourne",
        "ACT": "Australia/Sydney", "TAS": "Australia/Hobart", "PERTH": "Australia/Perth",
        "ADELAIDE": "Australia/Adelaide", "DARWIN": "Australia/Darwin",
        "BRISBANE": "Australia/Brisbane", "MELBOURNE": "Australia/Melbourne",
        "SYDNEY": "Australia/Sydney", "HOBART": "Australia/Hobart",
        "AET": "Australia/Sydney", "EASTERN": "Australia/Sydney",
        "AEST": "Australia/Sydney",
    },
}

ZONE_WORDS: frozenset[str] = frozenset(
    list(_FIXED) + list(_REGIONAL) + [w for table in _BY_COUNTRY.values() for w in table]
)


def zone_word(label: str, *, country_code: str) -> ZoneWord | None:
    """Interpret a printed zone word in a country's context, or None if it is not one."""
    word = label.upper().replace(".", "").strip()
    local = _BY_COUNTRY.get(country_code, {})
    if word in local and word not in _FIXED:
        return ZoneWord(label, local[word])
    if word in _FIXED:
        hours, zone = _FIXED[word]
        return ZoneWord(label, zone, _h(hours))
    if word in _REGIONAL:
        return ZoneWord(label, _REGIONAL[word])
    if word in local:
        return ZoneWord(label, local[word])
    return None


@lru_cache(maxsize=64)
def zone_info(key: str) -> ZoneInfo:
    """``ZoneInfo(key)``, kept: ZoneInfo's own cache holds only the last eight zones strongly,
    and a release set spanning more (six countries' zones and the fixed ones) read zone files
    from disk again and again (about 190 us each)."""
    return ZoneInfo(key)


def resolve_zone(word: ZoneWord | None, *, home: str, wall: dt.datetime) -> str:
    """The IANA zone in which the naive wall time ``wall`` should be read."""
    if word is None:
        return home
    if word.fixed is None:
        return word.zone
    if zone_info(home).utcoffset(wall.replace(tzinfo=None)) == word.fixed:
        return home
    if zone_info(word.zone).utcoffset(wall.replace(tzinfo=None)) == word.fixed:
        return word.zone
    return _fixed_zone(word.fixed)


def _fixed_zone(offset: dt.timedelta) -> str:
    """An ``Etc/GMT±N`` zone for whole-hour offsets (note POSIX's inverted sign)."""
    hours = offset.total_seconds() / 3600
    if hours != int(hours):
        return "UTC"
    n = -int(hours)
    return "Etc/GMT" if n == 0 else f"Etc/GMT{n:+d}"


def localize(wall: dt.datetime, zone: str) -> dt.datetime:
    """Attach ``zone`` to a naive wall time. In a DST gap the time is moved forward (fold=0)."""
    tz = zone_info(zone)
    aware = wall.replace(tzinfo=tz)
    round_trip = aware.astimezone(dt.UTC).astimezone(tz)
    if round_trip.replace(tzinfo=None) != wall:  # a wall time skipped by a DST change
        return round_trip
    return aware
