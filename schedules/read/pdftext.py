"""Text pasted (or extracted with ``pdftotext``) from a PDF: hard-wrapped lines re-joined.

A PDF breaks every line at the page width, splits words with hyphens at line ends, and repeats
running headers, footers and page numbers on every page. This reader undoes that, carefully,
because listings and contact blocks are also short lines that must stay lines:

* **Pages**: form feeds (``\\f``) separate pages. A line at the top or bottom of two or more pages
  that reads the same once its digits are ignored is a running header or footer and is dropped,
  (after its first appearance, which is usually the document's heading), as is a line that is
  only a page number ("12", "- 12 -", "Page 3 of 7").
* **Wrapping**: the page width is the longest lines' length (the 90th percentile). A line was
  wrapped, and is joined to the next with a space, when the next line's first word would not have
  fitted after it. A short line ("Sunday 13 January", "T: 02 9950 3000") ends where the author
  ended it; so does a line before a bullet or a line that starts with a clock time.
* **Hyphens**: "broad-" + "cast" becomes "broadcast" when both sides are lower-case letters and the
  hyphenated form is not used elsewhere in the document; "ABC-" + "TV", "2018-" + "19" and
  "well-" + "known" (when "well-known" appears elsewhere) keep the hyphen and lose the space.

Cost: two passes over the lines; no regular expression with nested repetition.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

from schedules.read.document import Document
from schedules.read.text import normalise

_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-–—]\s*)?(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?(?:\s*[-–—])?\s*$",
    re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[•▪◦●■–—*-]\s|\d{1,2}[.)]\s|[a-z][.)]\s)")
_STARTS_WITH_TIME = re.compile(r"^\s*\d{1,2}(?:[:.]\d\d)?\s?(?:[ap]\.?m\.?)?(?:\s|[-–])",
                               re.IGNORECASE)
_LABEL_LINE = re.compile(r"^\s*(?:[A-Z][A-Za-z ]{0,20}:|[TMEFP]\s?:)")


def _digits_blind(line: str) -> str:
    return re.sub(r"\d+", "#", line.strip().casefold())


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Lines that recur at the top or bottom of at least two pages (digits ignored)."""
    if len(pages) < 2:
        return set()
    seen: Counter[str] = Counter()
    for lines in pages:
        filled = [ln for ln in lines if ln.strip()]
        edge = {_digits_blind(ln) for ln in filled[:2] + filled[-2:]}
        seen.update(edge)
    return {key for key, n in seen.items() if n >= 2 and key}


def _width(lines: list[str]) -> int:
    lengths = sorted(len(ln.rstrip()) for ln in lines if ln.strip() and "   " not in ln.strip())
    if not lengths:
        return 0
    return lengths[min(len(lengths) - 1, (len(lengths) * 9) // 10)]


def _wrapped(line: str, following: str, width: int) -> bool:
    """Did the PDF break ``line`` only because ``following``'s first word did not fit?"""
    if not following.strip() or _BULLET.match(following) or _STARTS_WITH_TIME.match(following):
        return False
    if "   " in line.strip() or "   " in following.strip():
        return False  # columns laid out with spaces (a header, a table row) are not prose
    if _LABEL_LINE.match(following) and len(following.strip()) < width // 2:
        return False
    if re.search(r"\w-$", line.rstrip()) and following.lstrip()[:1].isalnum():
        return True  # a word hyphenated across the line end
    first_word = following.split()[0]
    return len(line.rstrip()) + 1 + len(first_word) > width - 2


def _join_hyphen(left: str, right: str, text: str) -> str:
    """Join a line ending in a hyphen to the next (see the module docstring)."""
    stem = re.search(r"([\w’']+)-$", left)
    head = re.match(r"([\w’']+)", right)
    if stem and head:
        a, b = stem.group(1), head.group(1)
        if a[-1:].islower() and b[:1].islower() and f"{a}-{b}" not in text:
            return left[:-1] + right
    return left + right


def dewrap(text: str) -> str:
    text = normalise(text)
    pages = [page.split("\n") for page in text.split("\f")]
    running = _running_lines(pages)
    shown: set[str] = set()  # a running header's first appearance is the document's heading
    kept: list[str] = []
    for page in pages:
        for line in page:
            if _PAGE_NUMBER.match(line):
                continue
            key = _digits_blind(line)
            if running and line.strip() and key in running:
                if key in shown:
                    continue
                shown.add(key)
            kept.append(line.rstrip())
        while kept and not kept[-1].strip() and kept[-1] != "\f":
            kept.pop()
        kept.append("\f")  # a page end: a paragraph end unless the text runs on (see below)
    width = _width(kept)
    out: list[str] = []
    current = ""
    for i, line in enumerate(kept):
        if line == "\f":
            nxt = next((ln for ln in kept[i + 1:] if ln.strip()), "")
            # A page break in mid-sentence: the paragraph continues on the next page.
            if current and nxt and not re.search(r"[.!?:;)\"”]$", current) \
                    and nxt.lstrip()[:1].islower():
                continue
        if not line.strip():
            if current:
                out.append(current)
                current = ""
            if out and out[-1] != "":
                out.append("")
            continue
        piece = line.strip() if current else line.rstrip()
        if not current:
            current = piece
        elif current.endswith("-") and not current.endswith(" -"):
            current = _join_hyphen(current, piece, text)
        else:
            current = f"{current} {piece}"
        nxt = kept[i + 1] if i + 1 < len(kept) else ""
        if nxt == "\f":  # the last line of a page: judge it by the first line of the next
            nxt = next((ln for ln in kept[i + 2:] if ln.strip()), "")
        if not _wrapped(line, nxt, width) or width < 30:
            out.append(current)
            current = ""
    if current:
        out.append(current)
    return "\n".join(out).strip("\n")


def read(text: str) -> Document:
    return Document(text=dewrap(text), format="pdf")


_HARD_HYPHEN = re.compile(r"[a-z]-\n[a-z]")


def looks_like_pdf_text(text: str) -> bool:
    """Signs of text taken from a PDF: form feeds, page-number lines between pages, or many
    lines wrapped at one width with words hyphenated across line ends."""
    head = text[:20000]
    if "\f" in head:
        return True
    lines = [ln for ln in head.split("\n") if ln.strip()]
    if len(lines) < 8:
        return False
    if sum(1 for ln in lines if re.match(r"^\s*Page\s+\d+\s+of\s+\d+\s*$", ln, re.I)) >= 2:
        return True
    width = _width(lines)
    if width < 40:
        return False
    hyphens = len(_HARD_HYPHEN.findall(head))
    wrapped = sum(1 for a, b in itertools.pairwise(lines)
                  if _wrapped(a, b, width) and b[:1].islower())
    return hyphens >= 2 and wrapped >= len(lines) // 4
