"""Plain text: normalise line ends and invisible characters, keep everything else as written."""

from __future__ import annotations

import re

from schedules.read.document import Document

_INVISIBLE = str.maketrans({
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ",
    "\u200b": None, "\u200c": None, "\u200d": None, "\u2060": None, "\ufeff": None,
    "\u00ad": None, "\t": " ",
})


def normalise(text: str) -> str:
    """CRLF/CR -> LF, no-break and thin spaces -> space, zero-width characters removed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_INVISIBLE)
    return re.sub(r"[ ]+\n", "\n", text)


def read(text: str) -> Document:
    return Document(text=normalise(text), format="text")
