"""Every error the core raises, as one tree::

    ScheduleError                  base; ``status`` is the HTTP status the service answers with
    ├── InputError (400)           the input cannot be used at all
    │   ├── ReadError              bytes that cannot be decoded or read as the claimed format
    │   └── TooLargeError (413)    more than the size limit
    ├── ParseError (422)           also a ValueError: a value in the text cannot be understood
    ├── ConfigError (500)          a channel table or setting is wrong (names the file and key)
    └── ModelError (500)           a record that breaks the model's rules (a programming error)

Messages say what was expected, what arrived and where, so a user can act on them.
"""

from __future__ import annotations


class ScheduleError(Exception):
    status = 500
    title = "Schedule error"

    def __init__(self, message: str, *, line: int | None = None, detail: str | None = None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.detail = detail

    def __str__(self) -> str:
        where = f" (line {self.line})" if self.line is not None else ""
        return f"{self.message}{where}"


class InputError(ScheduleError):
    status = 400
    title = "Unusable input"


class ReadError(InputError):
    title = "Unreadable document"


class TooLargeError(InputError):
    status = 413
    title = "Document too large"


class ParseError(ScheduleError, ValueError):
    status = 422
    title = "Unparseable value"


class ConfigError(ScheduleError):
    title = "Configuration error"


class ModelError(ScheduleError):
    title = "Invalid record"
