"""Markdown: drop the markup (emphasis, headings, links, images), keep the words and lines.

Links keep their text; the URL of a ``mailto:`` link is dropped because its address is already
the link text in press releases.
"""

from __future__ import annotations

import re

from schedules.read.document import Document
from schedules.read.text import normalise

# Each pattern is linear: no nested quantifiers over the same characters.
_IMAGE = re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)")
_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)")
_HEADING = re.compile(r"^[ ]{0,3}#{1,6}[ ]+(.*?)[ ]*#*[ ]*$", re.M)
_BOLD = re.compile(r"(\*\*|__)(?=\S)([^\n]*?\S)\1")
_ITALIC = re.compile(r"(?<![\w*])([*_])(?=\S)([^\n*_]*?\S)\1(?![\w*])")
_RULE = re.compile(r"^[ ]{0,3}(?:[-*_][ ]*){3,}$", re.M)
_QUOTE = re.compile(r"^[ ]{0,3}>[ ]?", re.M)
_HARD_BREAK = re.compile(r"[ ]{2,}$|\\$", re.M)


def read(text: str) -> Document:
    text = normalise(text)
    title_match = _HEADING.search(text)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _HEADING.sub(r"\1", text)
    text = _RULE.sub("", text)
    text = _QUOTE.sub("", text)
    text = _BOLD.sub(r"\2", text)
    text = _ITALIC.sub(r"\2", text)
    text = _HARD_BREAK.sub("", text)
    title = _BOLD.sub(r"\2", title_match.group(1)).strip() if title_match else None
    return Document(text=text, format="markdown", title=title or None)
