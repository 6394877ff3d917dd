"""HTML: the main text of a page, one block per line, without scripts, navigation or chrome.

Parsing is lxml's HTML parser (libxml2: tolerant of broken markup, linear time). Then:

* the content root is ``<main>``, else the only ``<article>`` (a page of several teasers keeps
  them all), else an element with ``role="main"``, else ``<body>``;
* page chrome is dropped: scripts, styles, forms, ``<nav>``/``<header>``/``<footer>``/``<aside>``,
  ARIA landmarks of the same kinds, hidden elements, and elements whose ``id``/``class`` names a
  cookie or consent banner, social-sharing bar, breadcrumb, newsletter box, advert or pop-up;
* inline elements (``<b>``, ``<a>``, ``<span>``) flow into their line; block elements (``<p>``,
  ``<li>``, ``<h2>``, ``<tr>``, ``<br>``) start a new line, paragraphs and headings are separated
  by a blank line, and table cells of one row share a line.

The page's ``<title>`` (or ``og:title``) is the title, its canonical address the URL, and a
published-time meta tag (or the first ``<time datetime>``) the date hint.
"""

from __future__ import annotations

import datetime as dt
import re

import lxml.html
from lxml import etree

from schedules.errors import ReadError
from schedules.read.document import Document
from schedules.read.text import normalise

_DROP_TAGS = ("script", "style", "noscript", "template", "svg", "nav", "header", "footer",
              "aside", "form", "iframe", "button", "select", "textarea", "object", "embed",
              "canvas", "dialog", "menu")
_DROP_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "dialog",
               "alertdialog", "menu", "menubar"}
# Names of page furniture in id/class attributes (matched as whole words of the attribute).
_CHROME = re.compile(
    r"(?:^|[\s_-])(?:cookies?|consent|gdpr|cmp|onetrust|newsletter|subscribe|social|share|"
    r"sharing|breadcrumbs?|advert|adverts|advertisement|ads|promo|modal|popup|pop-up|"
    r"skip-?link|sr-only|visually-hidden|screen-reader-text|site-header|site-footer|"
    r"masthead|navbar|menu|crumbs|top-?bar|toolbar|utility-?nav|site-?nav)(?:$|[\s_-])",
    re.IGNORECASE)
# Blank line after these: paragraphs, headings and other blocks that end a thought.
_PARAGRAPH = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "ul", "ol",
              "dl", "section", "article", "address", "figure", "hr", "main"}
# A new line (no blank) before and after these.
_LINE = {"div", "li", "tr", "dt", "dd", "figcaption", "caption", "br", "thead", "tbody",
         "tfoot", "header", "center", "details", "summary", "fieldset", "legend"}
_CELL = {"td", "th"}
_MAX_DEPTH = 400


def _hidden(el: etree._Element) -> bool:
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    style = (el.get("style") or "").replace(" ", "").lower()
    if "display:none" in style or "visibility:hidden" in style:
        return True
    if (el.get("role") or "").lower() in _DROP_ROLES:
        return True
    names = f"{el.get('id') or ''} {el.get('class') or ''}"
    if names.strip() and _CHROME.search(names) is not None:
        return True
    return _link_bar(el)


def _link_bar(el: etree._Element) -> bool:
    """A block that is only a row of links ("Home · News · Photos · Sign in", "Media Room ›
    Sport"): navigation or a breadcrumb trail, whatever its markup calls it. Two or more
    links, no words outside them (separators only), short, and no e-mail link."""
    tag = el.tag.lower() if isinstance(el.tag, str) else ""
    if tag not in _LINK_BAR_TAGS:
        return False
    links = [a for a in el.iter("a")]
    if len(links) < 2 or any((a.get("href") or "").lower().startswith(("mailto:", "tel:"))
                             for a in links):
        return False
    inside = sum(len(a.text_content()) for a in links)
    whole = el.text_content()
    if len(whole) > 300 or inside == 0:
        return False
    outside = whole
    for a in links:
        outside = outside.replace(a.text_content(), "", 1)
    return _SEPARATORS.fullmatch(outside) is not None


_LINK_BAR_TAGS = {"div", "p", "ul", "ol", "span", "section"}
_SEPARATORS = re.compile(r"[\s|·•›»>/\\,;:\-\u2013\u2014\u00a0]*")


def _content_root(root: etree._Element) -> etree._Element:
    main = root.find(".//main")
    if main is not None:
        return main
    articles = root.findall(".//article")
    if len(articles) == 1:
        return articles[0]
    for el in root.iter():
        if isinstance(el.tag, str) and (el.get("role") or "").lower() == "main":
            return el
    body = root.find(".//body")
    return body if body is not None else root


_P, _L = "\x1e", "\x1f"  # paragraph and line break marks, resolved by _tidy
_SPACE = re.compile(r"[ \t\n\r\f\v]+")
_MARKS = re.compile(r"[ ]*[\x1e\x1f][\x1e\x1f ]*")


def _text(root: etree._Element) -> str:
    """Walk the tree once (an explicit stack, no recursion), writing text, tails and breaks in
    document order. Source whitespace collapses to one space, as a browser shows it, except in
    ``<pre>``."""
    parts: list[str] = []

    def put(value: str | None, pre: bool) -> None:
        if value:
            value = value.replace(_P, " ").replace(_L, " ")
            parts.append(value.replace("\n", _L) if pre else _SPACE.sub(" ", value))

    # Each entry: (element, closing?, depth, inside <pre>?)
    stack: list[tuple[etree._Element, bool, int, bool]] = [(root, False, 0, False)]
    while stack:
        el, closing, depth, pre = stack.pop()
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if closing:
            if tag in _PARAGRAPH:
                parts.append(_P)
            elif tag in _LINE and tag != "br":
                parts.append(_L)
            elif tag in _CELL:
                parts.append("  ")
            if el is not root:
                put(el.tail, pre)
            continue
        if not isinstance(el.tag, str):  # a comment or processing instruction: only its tail
            put(el.tail, pre)
            continue
        if el is not root and (tag in _DROP_TAGS or _hidden(el)):
            put(el.tail, pre)
            continue
        if tag in _PARAGRAPH:
            parts.append(_P)
        elif tag in _LINE:
            parts.append(_L)
        inner_pre = pre or tag == "pre"
        put(el.text, inner_pre)
        stack.append((el, True, depth, pre))
        if depth < _MAX_DEPTH:
            stack.extend((child, False, depth + 1, inner_pre) for child in reversed(el))
    return "".join(parts)


def _tidy(text: str) -> str:
    def breaks(m: re.Match[str]) -> str:
        return "\n\n" if _P in m.group(0) else "\n"

    text = _MARKS.sub(breaks, normalise(text))
    lines = [re.sub(r"[ ]{2,}", " ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _meta(root: etree._Element, *names: str) -> str | None:
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        if key in names:
            value = (el.get("content") or "").strip()
            if value:
                return value
    return None


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    m = re.match(r"\s*((?:19|20)\d\d)-(\d\d)-(\d\d)", value)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def read(text: str) -> Document:
    if not text.strip():
        return Document(text="", format="html")
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise ReadError(f"cannot parse HTML: {exc}") from exc
    title_el = root.find(".//title")
    title = (title_el.text_content().strip() if title_el is not None else "") or \
        _meta(root, "og:title", "twitter:title")
    url = None
    for link in root.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            url = link.get("href")
            break
    url = url or _meta(root, "og:url")
    if url and not re.match(r"\s*https?://", url, re.IGNORECASE):
        url = None  # only a web address is a page's address (never javascript: or data:)
    date_hint = _date(_meta(root, "article:published_time", "og:published_time", "date",
                            "dc.date", "dcterms.date", "datepublished", "pubdate",
                            "publish-date", "sailthru.date"))
    content = _content_root(root)
    if date_hint is None:
        for el in root.iter("time"):
            date_hint = _date(el.get("datetime"))
            if date_hint:
                break
    flat = _tidy(_text(content))
    return Document(text=flat, format="html", title=re.sub(r"\s+", " ", title or "") or None,
                    url=url, date_hint=date_hint)
