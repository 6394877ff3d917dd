"""Readers: bytes in one of several formats -> a :class:`Document` of plain text.

A reader keeps the document's line and paragraph structure (one paragraph or list item per line,
blank lines between blocks) because the extractors read listings line by line. Formats:
``text``, ``markdown``, ``html``, ``email``. :func:`detect_format` guesses from the name and the
content; callers may force one.
"""

from __future__ import annotations

from schedules.read.document import MAX_BYTES, Document, decode, detect_format, read_document

__all__ = ["MAX_BYTES", "Document", "decode", "detect_format", "read_document"]
