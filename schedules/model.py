"""The records a press release becomes.

Everything here is a frozen dataclass with no behaviour beyond validation and small derived
properties, so records can be hashed, compared, cached and shared between threads.

Time rules (checked on construction, so a bad record cannot exist):

* every ``datetime`` is timezone-aware; a naive one raises :class:`~schedules.errors.ModelError`;
* ``Airing.timezone`` is an IANA name (``Australia/Sydney``) and ``start`` is expressed in it;
* an airing whose clock time was not printed has ``time_known=False`` and ``start`` at local
  midnight of its day: exporters render it as a date, never as an invented time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Literal
from zoneinfo import ZoneInfo

from schedules.errors import ModelError

Status = Literal["scheduled", "cancelled"]


def require_aware(value: dt.datetime, what: str) -> dt.datetime:
    if value.tzinfo is None or value.tzinfo.utcoffset(value) is None:
        raise ModelError(f"{what} must be timezone-aware, got naive {value.isoformat()}")
    return value


@dataclass(frozen=True, order=True)
class Span:
    """Half-open character range ``[start, end)`` in the document text it was read from."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ModelError(f"invalid span {self.start}..{self.end}")

    def slice(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True)
class Evidence:
    """Where a fact came from: the sentence or line (``span``) and its text."""

    span: Span
    text: str


@dataclass(frozen=True)
class Warning_:
    """An ambiguity the parser resolved, or a problem it found. ``code`` is stable for tools."""

    code: str
    message: str
    span: Span | None = None


@dataclass(frozen=True)
class Programme:
    title: str
    episode: str | None = None
    presenter: str | None = None
    synopsis: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Airing:
    """One scheduled linear broadcast of a programme on a channel."""

    programme: str | None
    episode: str | None
    channel: str | None
    start: dt.datetime
    timezone: str
    end: dt.datetime | None = None
    time_known: bool = True
    repeat: bool = False
    on_demand: tuple[str, ...] = ()
    zone_label: str | None = None
    status: Status = "scheduled"
    confidence: float = 1.0
    evidence: Evidence | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        require_aware(self.start, "Airing.start")
        if self.end is not None:
            require_aware(self.end, "Airing.end")
            if self.end <= self.start:
                raise ModelError(
                    f"Airing ends ({self.end.isoformat()}) before it starts "
                    f"({self.start.isoformat()})"
                )
        try:
            ZoneInfo(self.timezone)
        except (ValueError, KeyError) as exc:
            raise ModelError(f"unknown IANA time zone {self.timezone!r}") from exc

    @property
    def local_start(self) -> dt.datetime:
        return self.start.astimezone(ZoneInfo(self.timezone))

    def key(self) -> str:
        """A stable identity: the same broadcast read twice has the same key."""
        parts = [
            (self.programme or "").casefold(),
            (self.episode or "").casefold(),
            (self.channel or "").casefold(),
            self.start.astimezone(dt.UTC).isoformat() if self.time_known
            else self.local_start.date().isoformat(),
        ]
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:24]


@dataclass(frozen=True)
class Recurrence:
    """A stated recurring slot ("Tuesdays at 8.30pm from 5 March for six weeks").

    ``rule`` is an RFC 5545 RRULE value without the ``RRULE:`` prefix; ``first`` is the first
    occurrence (aware, in ``timezone``).
    """

    programme: str | None
    episode: str | None
    channel: str | None
    first: dt.datetime
    rule: str
    timezone: str
    repeat: bool = False
    evidence: Evidence | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        require_aware(self.first, "Recurrence.first")


@dataclass(frozen=True)
class Contact:
    name: str | None
    role: str | None = None
    organisation: str | None = None
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    evidence: Evidence | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Release:
    """One press release and everything read from it. ``text`` is the document as received."""

    text: str
    format: str
    country: str
    source: str | None = None
    title: str | None = None
    released: dt.date | None = None
    url: str | None = None
    programmes: tuple[Programme, ...] = ()
    airings: tuple[Airing, ...] = ()
    recurrences: tuple[Recurrence, ...] = ()
    contacts: tuple[Contact, ...] = ()
    on_demand: tuple[str, ...] = ()
    warnings: tuple[Warning_, ...] = ()
    content: str = field(default="", compare=False)
    """The plain text the extractors read (spans index into it)."""

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.text.encode()).hexdigest()
