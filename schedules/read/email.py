"""E-mail (RFC 5322 / MIME): the text body (or the HTML part read as HTML), with the Date header
as a publication date hint and the Subject as the title."""

from __future__ import annotations

import email
import email.policy
import email.utils
from email.message import EmailMessage

from schedules.read import html
from schedules.read.document import Document
from schedules.read.text import normalise


def read(text: str) -> Document:
    msg = email.message_from_string(text, policy=email.policy.default)
    assert isinstance(msg, EmailMessage)
    body_part = msg.get_body(preferencelist=("plain", "html"))
    body = ""
    is_html = False
    if body_part is not None:
        body = body_part.get_content()
        is_html = body_part.get_content_type() == "text/html"
    content = html.read(body).text if is_html else normalise(body)
    date_hint = None
    if msg["Date"]:
        try:
            date_hint = email.utils.parsedate_to_datetime(str(msg["Date"])).date()
        except (TypeError, ValueError):
            date_hint = None
    subject = str(msg["Subject"]) if msg["Subject"] else None
    return Document(text=content, format="email", title=subject, date_hint=date_hint)
