"""The :class:`Document` type, decoding, format detection and the reader dispatch."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from schedules.errors import ReadError, TooLargeError

MAX_BYTES = 2 * 1024 * 1024
"""Largest document accepted (2 MiB): press releases are a few kilobytes; e-mails with inline
HTML rarely pass 500 KB."""

FORMATS = ("text", "markdown", "html", "email", "pdf")
"""``pdf`` is text taken from a PDF (pasted or from ``pdftotext``), not the PDF file itself."""


@dataclass(frozen=True)
class Document:
    """Plain text ready for extraction, plus what the container said about it."""

    text: str
    format: str
    name: str | None = None
    title: str | None = None
    url: str | None = None
    date_hint: dt.date | None = None
    """A publication date the container carried (an e-mail's Date header, an HTML meta tag)."""


def decode(data: bytes | str, *, name: str | None = None) -> str:
    """Bytes -> str: UTF-8 (with or without BOM), else UTF-16 with BOM, else Windows-1252.

    Binary data (NUL bytes or mostly control characters) is refused with a clear message.
    """
    label = f"{name}: " if name else ""
    if isinstance(data, str):
        text = data
    else:
        if data[:1024].lstrip().startswith(b"%PDF-"):
            raise ReadError(f"{label}this is a PDF file, which is not read directly: paste its "
                            f"text or convert it with pdftotext, then read it with "
                            f"--format-in pdf")
        if len(data) > MAX_BYTES:
            raise TooLargeError(
                f"{label}document is {len(data):,} bytes; the limit is {MAX_BYTES:,} bytes"
            )
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            try:
                text = data.decode("utf-16")
            except UnicodeDecodeError as exc:
                raise ReadError(f"{label}invalid UTF-16 text: {exc.reason}") from exc
        else:
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError:
                text = data.decode("cp1252", errors="replace")
    if len(text) > MAX_BYTES:
        raise TooLargeError(
            f"{label}document is {len(text):,} characters; the limit is {MAX_BYTES:,}"
        )
    if "\x00" in text:
        raise ReadError(f"{label}this looks like a binary file (it contains NUL bytes), not text")
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    if sample and controls / len(sample) > 0.05:
        raise ReadError(f"{label}this looks like a binary file, not text ({controls} control "
                        f"characters in the first {len(sample)})")
    return text


_HTML_START = re.compile(r"\A\s*(?:<!doctype\s+html|<html\b|<head\b|<body\b)", re.I)
_HTML_TAGS = re.compile(r"<(?:p|div|br|h[1-6]|span|a|li|table)\b[^>]*>", re.I)
_EMAIL_HEADERS = re.compile(
    r"\A(?:(?:From|To|Subject|Date|Message-ID|MIME-Version|Content-Type|Received|Return-Path)"
    r":[^\n]*\n)", re.I)
_MARKDOWN_HINTS = re.compile(r"^(?:#{1,6} |\*\*|> |[-*] |\d+\. )|\*\*[^*\n]+\*\*|\]\(", re.M)


def detect_format(text: str, *, name: str | None = None) -> str:
    """Guess the format from the file name, then the content."""
    suffix = (name or "").rsplit(".", 1)[-1].lower() if name and "." in name else ""
    by_suffix = {"html": "html", "htm": "html", "xhtml": "html", "md": "markdown",
                 "markdown": "markdown", "eml": "email", "txt": "text", "text": "text",
                 "pdf": "pdf"}
    if suffix in by_suffix and suffix != "txt":
        return by_suffix[suffix]
    head = text[:4096]
    if _EMAIL_HEADERS.match(head) and re.search(r"^(?:From|Subject|Date):", head, re.M | re.I):
        return "email"
    if _HTML_START.match(head) or len(_HTML_TAGS.findall(head)) >= 3:
        return "html"
    from schedules.read.pdftext import looks_like_pdf_text

    if looks_like_pdf_text(text):
        return "pdf"
    if suffix == "txt":
        return "text"
    if len(_MARKDOWN_HINTS.findall(head)) >= 2:
        return "markdown"
    return "text"


Reader = Callable[[str], Document]


def _readers() -> dict[str, Reader]:
    from schedules.read import email, html, markdown, pdftext, text

    return {"text": text.read, "markdown": markdown.read, "html": html.read, "email": email.read,
            "pdf": pdftext.read}


def read_document(data: bytes | str, *, name: str | None = None,
                  format_in: str | None = None) -> Document:
    """Decode ``data`` and turn it into a :class:`Document`.

    Raises :class:`~schedules.errors.ReadError` for binary or undecodable input and
    :class:`~schedules.errors.TooLargeError` above :data:`MAX_BYTES`.
    """
    if format_in is not None and format_in not in FORMATS:
        raise ReadError(f"unknown input format {format_in!r}; expected one of "
                        f"{', '.join(FORMATS)}")
    text = decode(data, name=name)
    fmt = format_in or detect_format(text, name=name)
    if fmt == "email" and isinstance(data, bytes):
        from schedules.read.email import read_bytes

        doc = read_bytes(data)  # MIME parts carry their own charsets
    else:
        doc = _readers()[fmt](text)
    return Document(text=doc.text, format=fmt, name=name, title=doc.title, url=doc.url,
                    date_hint=doc.date_hint)
