"""E-mail (RFC 5322 / MIME): the body a reader would see, the Date header as a publication date
hint and the Subject as the title.

The standard library's parser does the MIME work: multipart nesting, quoted-printable and base64
transfer encodings, and each part's declared charset (parsing from bytes, so an 8-bit ISO-8859-1
body is decoded as what it says it is). Which part is read:

* ``text/plain`` when it carries the message, else the ``text/html`` part read as HTML (a plain
  part that only says "view this e-mail in a browser" is no substitute for the HTML one);
* attachments are not read; a forwarded message (``message/rfc822``) is read when it is the only
  content.

An unknown or wrong charset falls back to UTF-8, then Windows-1252, with replacement characters,
never an exception.
"""

from __future__ import annotations

import email
import email.policy
import email.utils
import re
from email.message import EmailMessage, Message

from schedules.read import html
from schedules.read.document import Document
from schedules.read.text import normalise

_PLACEHOLDER = re.compile(r"view (?:this|it|the) (?:e-?mail|message)|in (?:a|your) (?:web )?"
                          r"browser|does not support html|html (?:e-?mail|version)",
                          re.IGNORECASE)


def _content(part: Message) -> str:
    """A text part's content as str, whatever its charset claims."""
    if isinstance(part, EmailMessage):
        try:
            content = part.get_content()
            if isinstance(content, str):
                return content
        except (LookupError, UnicodeError, ValueError, AssertionError):
            pass
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    charset = part.get_content_charset() or "utf-8"
    for candidate in (charset, "utf-8"):
        try:
            return payload.decode(candidate)
        except (LookupError, UnicodeDecodeError):
            continue
    return payload.decode("cp1252", errors="replace")


def _body(msg: EmailMessage) -> tuple[str, bool]:
    """(text, is_html) of the part a reader would see."""
    plain = msg.get_body(preferencelist=("plain",))
    rich = msg.get_body(preferencelist=("html",))
    plain_text = _content(plain) if plain is not None else ""
    if rich is not None:
        words = len(plain_text.split())
        if not plain_text.strip() or (words < 40 and _PLACEHOLDER.search(plain_text)):
            return _content(rich), True
    if plain is not None:
        return plain_text, False
    for part in msg.walk():  # a forwarded message as the only content
        if part.get_content_type() == "message/rfc822":
            inner = part.get_payload()
            if isinstance(inner, list) and inner and isinstance(inner[0], EmailMessage):
                return _body(inner[0])
    if not msg.is_multipart() and msg.get_content_maintype() == "text":
        return _content(msg), msg.get_content_subtype() == "html"
    return "", False


def _document(msg: Message) -> Document:
    assert isinstance(msg, EmailMessage)
    body, is_html = _body(msg)
    content = html.read(body).text if is_html else normalise(body)
    date_hint = None
    if msg["Date"]:
        try:
            date_hint = email.utils.parsedate_to_datetime(str(msg["Date"])).date()
        except (TypeError, ValueError, IndexError):
            date_hint = None
    try:
        subject = str(msg["Subject"]) if msg["Subject"] else None
    except (ValueError, LookupError):
        subject = None
    subject = re.sub(r"^(?:(?:Fwd?|FW|Re|AW|WG)\s*:\s*)+", "", subject or "", flags=re.I)
    return Document(text=content, format="email", title=subject.strip() or None,
                    date_hint=date_hint)


def read(text: str) -> Document:
    return _document(email.message_from_string(text, policy=email.policy.default))


def read_bytes(data: bytes) -> Document:
    """Parse the raw message, so 8-bit parts decode with the charset they declare."""
    return _document(email.message_from_bytes(data, policy=email.policy.default))
