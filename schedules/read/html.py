"""HTML: the main text of a page, one block per line, without scripts, navigation or chrome."""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from schedules.errors import ReadError
from schedules.read.document import Document
from schedules.read.text import normalise

_DROP = ("script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside",
         "form", "iframe", "button", "select")
_BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section",
          "article", "blockquote", "pre", "table", "ul", "ol", "dl", "dt", "dd", "hr",
          "address", "figcaption", "main", "td", "th"}


def read(text: str) -> Document:
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise ReadError(f"cannot parse HTML: {exc}") from exc
    title_el = root.find(".//title")
    title = title_el.text_content().strip() if title_el is not None else None
    body = root.find(".//main") or root.find(".//article") or root.body or root
    for el in body.iter(*_DROP):
        el.drop_tree()
    parts: list[str] = []
    for el in body.iter():
        if not isinstance(el.tag, str):
            if el.tail:
                parts.append(el.tail)
            continue
        if el.tag in _BLOCK:
            parts.append("\n")
        if el.text:
            parts.append(el.text)
        if el.tag in _BLOCK and el.tag != "br":
            parts.append("\n")
        if el.tail and el is not body:
            parts.append(el.tail)
    flat = normalise("".join(parts))
    flat = re.sub(r"[ ]{2,}", " ", flat)
    flat = re.sub(r"\n[ ]+", "\n", flat)
    flat = re.sub(r"\n{3,}", "\n\n", flat).strip()
    return Document(text=flat, format="html", title=title or None)
