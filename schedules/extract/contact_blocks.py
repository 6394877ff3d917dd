"""Where the contact blocks of a document are.

A block starts at a header ("Media contact:", "For further information contact:", "Publicity:",
"RSVP:", "Teagmháil do na Meáin:", "Distributor Contact: Press Contact:"; a whole line such as
"For publicity, interviews and images:" or "Eolas / Information:"; a bare heading such as
"Publicity" when details follow it) and runs over the lines
after it while they look like contact details: a line with an e-mail, a phone number or a field
label ("T:", "Mob", "(o)"), or a short line (a name, a role). After a blank line the block goes
on only if details follow before the text turns into prose. Outside any block, a line with a
labelled phone ("Tel: 02 ...") or an e-mail next to a cue word ("media can contact x@y") starts
a small block that also takes in the short name/role lines printed just above it.

Costs: lines that may hold a header or a label are found with ``bytes.find`` on a handful of
key words in an ASCII copy of the text (C speed, at most ``MAX_CANDIDATES`` hits per key; keys
holding a rare character such as ":" are found from that character). These searches are most
of the time spent on a typical release: about 1 µs per key per 2 KB. The patterns then run only
on windows of those lines, after cheap ``str.find`` pre-tests, each pattern is annotated with
why it is linear, and at most ``MAX_BLOCKS`` blocks of at most ``MAX_BLOCK_LINES`` lines /
``MAX_BLOCK_CHARS`` characters are read; a line's details are looked for once per document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from schedules.extract.contact_names import CUE, STRIP

__all__ = [
    "DETAIL", "MAX_BLOCKS", "MAX_LINE_CHARS", "Block", "any_details", "blocks", "has_details",
]

MAX_BLOCKS = 32
"""Blocks read per document (headers plus labelled lines); the rest are ignored."""
MAX_BLOCK_LINES = 16
MAX_BLOCK_CHARS = 2_000
MAX_LINE_CHARS = 600
"""A flattened PDF line is read up to here (or up to a label such as "Website:")."""
MAX_CANDIDATES = 2_000
"""Offsets of each header/label key examined per document."""
_ABOVE = 3
"""Short lines above a labelled phone/e-mail line taken in as its name and role."""

# Header words. Alternatives are literal phrases with bounded optional words: linear.
_HEADER_WORDS = r"""(?:
    (?:for[ \t]+)?(?:(?:media|press|publicity|pr|distributor|distribution|regional
        |further|additional|national|international|local|network|programme|program|sales|key
        |useful)[ \t]+){0,2}
       (?:contacts?(?:[ \t]?\(s\))?(?:[ \t]+(?:information|info|details))?|enquiries|inquiries)
  | (?:for[ \t]+)?(?:further|more|additional|press|media)[ \t]+(?:information|info|details)
       (?P<verb>[ \t]*,?[ \t]*(?:(?:please|media|journalists)[ \t]+)?(?:can[ \t]+)?
          (?:contact|call|e-?mail)(?:[ \t]+us)?)?
  | (?:media|press|public)[ \t]+relations
  | (?P<colon_only>(?:(?:network|studio|station|unit|programme|program|series|film|abc|bbc
        |itv|sbs|cbc|pbs)[ \t]+)?(?:publicity|press[ \t]+(?:office|cent(?:re|er)))|rsvp|publicist
        # "Media: Jo Whitby, Nine Publicity, 0411 ..." (a bare word: only with its colon; not
        # "Press:", which also heads critics' quotes)
        |media)
  | teagmh[aá]il(?:[ \t]+(?:do|le|leis)[ \t]+na[ \t]+me[aá]in)?
  | eolas(?:[ \t]+breise)? | tuilleadh[ \t]+eolais
  | fiosr[uú]ch[aá]in(?:[ \t]+(?:na[ \t]+)?me[aá]in)?
)"""
# A header at the start of a line (after bullets); cost: one bounded attempt per line start.
_LINE_HEADER = re.compile(
    rf"^[ \t>*•·\-–]*(?P<h>{_HEADER_WORDS})(?P<colon>[ \t]*[:：])?", re.I | re.M | re.X
)
# Header words that head a block on a line of their own, without a colon, when details follow.
_BARE_HEADERS = frozenset(["publicity", "rsvp"])
# A whole line that heads contacts in other words, ending in its colon: "For publicity, interviews
# and images:", "For more information, images or interviews, contact:", "Eolas / Information:".
# Only a line with nothing after the colon (a line that goes on is prose or a labelled detail,
# "For images: pictures@..."). The lazy run is bounded and cannot cross a colon: linear.
_HEADER_LINE = re.compile(
    r"^[ \t>*•·\-–]*(?P<h>(?:for[ \t]+(?:(?:more|further|any)[ \t]+)?(?:publicity|press|media"
    r"|information|interviews?|images|pictures|photography)|eolas|teagmh[aá]il)(?![\w])"
    r"[^:：\n]{0,80}?)[ \t]*[:：][ \t]*$",
    re.I | re.M,
)
# The same, immediately after a previous header ("Distributor Contact: Press Contact:").
_NEXT_HEADER = re.compile(rf"[ \t]*(?P<h>{_HEADER_WORDS})(?P<colon>[ \t]*[:：])", re.I | re.X)
# "... Press Contact: Jane" in the middle of a flattened line: a known prefix word or none, and
# then not right after another word ("First Contact: ..." is a programme title). The
# look-behinds stop retries inside a word and each branch is a bounded literal: linear.
_MID_HEADER = re.compile(
    r"(?<![\w])(?P<h>"
    r"(?:[Mm]edia|MEDIA|[Pp]ress|PRESS|Publicity|PR|Distributor|Distribution|Regional|Sales"
    r"|Marketing|Network|Station|Studio|Programme|Program)[ \t]+"
    r"(?:[Cc]ontacts?|CONTACTS?|Enquiries|Inquiries|enquiries)(?:[ \t]?\(s\))?"
    r"|(?<![\w][ \t])(?:Contacts?|CONTACTS?)(?:[ \t]?\(s\))?"
    r"|(?:For[ \t]+)?(?:Further|More)[ \t]+[Ii]nformation|Eolas(?:[ \t]+breise)?)"
    r"[ \t]*(?P<colon>:)"
)
# Every _MID_HEADER match holds a colon and one of these words: tested with str.find first.
# ("Sky media contact: Tom Reid 021 ...": a prefix word may come before a lower-case header.)
_MID_HEADER_WORDS = ("ontact", "CONTACT", "nquiries", "nformation", "Eolas")

# Details inside a line. The pattern has no literal prefix, so the engine tries it at every
# offset (about 0.2 µs a character): the branches that must not follow a word character share
# one look-behind, tried first, which most offsets (inside words) fail at once. Branches that can
# match at the same offset keep their order (e-mail before link before phone; label words before
# "(o)"); "[email protected]" and "(o)" start with characters no other branch starts with. The
# e-mail branch is bounded ({1,64}, possessive since "@" is not in its class; {1,63}x8), the
# phone branch is one character class per step: linear overall. Property-tested against the
# plain alternation (tests/test_contact_scanning.py).
DETAIL = re.compile(
    r"""
    (?<![\w])(?:
        (?P<email>(?<![.%+-])[\w.%+-]{1,64}+@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8})
      | (?P<url>(?<![@])(?:https?://|www\.)[^\s|,;]{1,200})
      | (?P<phone>(?<![.])\+?\(?\d(?:[\d.\-)]|\((?=\d)|[ \t](?=\+?\(?\d))*)
    )
  | (?P<hidden>\[email[ \t]*protected\])
  | (?P<label>(?<![\w])(?:
          (?:Tel(?:ephone)?|Ph(?:one)?|Mob(?:ile)?|Cell(?:phone)?|Fax|E-?mail
            |Mail|Web(?:site)?|Direct|DDI|T|M|E|F|P|W)\.?[ \t]*:
        | (?i:(?:tel|ph|phone|mob|mobile|cell|fax)\.?(?=[ \t]*[+(\d])))
      | \((?:o|c|m|h|w|f|t|p|mob|tel|fax|office|cell|mobile|work|home)\)
    )
    """,
    re.X,
)
_EMAIL = re.compile(
    r"(?<![\w.%+-])[\w.%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}"
)
# A phone label followed by a number, anywhere (bounded look-ahead): linear.
_PHONE_LABEL = re.compile(
    r"(?<![\w])(?:(?:Tel(?:ephone)?|Ph(?:one)?|Mob(?:ile)?|Cell|Direct|DDI|T|M|P)\.?[ \t]*:"
    r"|(?i:(?:tel|ph|phone|mob|mobile|cell)\.?))[ \t]*(?=[+(]?\d)"
)
# "Website:", "Press Materials:": a label that ends the contact part of a flattened line.
_ANY_LABEL = re.compile(r"(?<![\w])(?:[A-Z][A-Za-z]*[ \t]+)?(?P<last>[A-Z][A-Za-z]*)[ \t]*:(?!//)")
_CONTACT_LABEL_WORDS = frozenset(
    [
        "tel", "telephone", "ph", "phone", "mob", "mobile", "cell", "cellphone", "fax", "email",
        "e-mail", "mail", "direct", "ddi", "t", "m", "e", "f", "p", "w", "contact", "contacts",
        "enquiries", "inquiries", "rsvp", "publicity", "press", "media", "office", "publicist",
    ]
)
_DIGITS = re.compile(r"\d")


@dataclass
class Block:
    """A contact block: where it starts (its header, if any), the line segments to read, and the
    header labels ("Distributor Contact", "Press Contact") that may name its columns."""

    start: int
    segments: list[tuple[int, int]]
    headers: list[str] = field(default_factory=list)

    @property
    def end(self) -> int:
        return self.segments[-1][1] if self.segments else self.start


def _line_at(text: str, pos: int) -> tuple[int, int]:
    """The (start, end) offsets of the line holding ``pos`` (end excludes the newline)."""
    end = text.find("\n", pos)
    return text.rfind("\n", 0, pos) + 1, len(text) if end < 0 else end


def _next_line(text: str, end: int) -> tuple[int, int] | None:
    """The line after the one ending at ``end``, or None at the end of the text."""
    if end >= len(text):
        return None
    return _line_at(text, end + 1)


def _previous_lines(text: str, start: int, n: int) -> list[tuple[int, int]]:
    """Up to ``n`` lines before the line starting at ``start``, nearest last."""
    out: list[tuple[int, int]] = []
    while start > 0 and len(out) < n:
        start, _ = prev = _line_at(text, start - 1)
        out.append(prev)
    return out[::-1]


def _case_forms(words: str) -> tuple[str, ...]:
    return tuple(f for w in words.split() for f in (w, w.capitalize(), w.upper()))


# Substrings that every header contains, and that start every phone label; found with str.find
# (C speed) so that the patterns only ever run on lines that may hold a block.
_HEADER_KEYS = _case_forms(
    "contact enquir inquir info details publicity rsvp press media publicist relations teagmh "
    "eolas tuilleadh fiosr"
)
_LABEL_KEYS = (*_case_forms("tel ph mob cell direct ddi"), "T:", "M:", "P:", "T :", "M :", "P :")
_HEADER_KEYS_LOW = tuple(dict.fromkeys(k.lower() for k in _HEADER_KEYS))
_LABEL_KEYS_LOW = tuple(dict.fromkeys(k.lower() for k in _LABEL_KEYS))
_LOWER_GROWS = "\u0130"
"""The one character whose lower case is two characters ("İ" -> "i̇"): a text holding it is
searched for each case form of the keys instead of being lowered."""
_ANCHORS = (":", "q", "Q", "publici", "Publici", "PUBLICI")
"""Rare characters, and a stem two keys share: a key holding one is found from where it occurs
(the first that it holds)."""
_ANCHOR_SCAN_LIMIT = MAX_CANDIDATES
"""Occurrences of an anchor read one by one; a text with more searches for each key instead."""

_Group = tuple[int, int, frozenset[bytes]]
"""Keys holding an anchor at the same offset, with the same length: (offset, length, keys)."""


@dataclass(frozen=True)
class _Keys:
    """The keys of one kind, split by how they are searched for.

    A ``find`` over a document costs about 1 µs per 2 KB whatever the key, while a search for
    one character is several times faster. So the keys holding a rare anchor character ("t:",
    "m :", "enquir"), or a stem shared by two keys ("publicity", "publicist"), are found from
    the anchor's occurrences, each checked against the keys with one slice per (offset,
    length) group; the others are searched for one by one. Keys are ASCII bytes, searched for
    in the text encoded by :func:`_ascii`.
    """

    kind: str
    words: tuple[bytes, ...]
    anchored: tuple[tuple[bytes, tuple[_Group, ...]], ...]

    @classmethod
    def of(cls, kind: str, keys: tuple[str, ...]) -> _Keys:
        groups: dict[bytes, dict[tuple[int, int], set[bytes]]] = {}
        words: list[bytes] = []
        for key in keys:
            anchor = next((c for c in _ANCHORS if c in key), None)
            if anchor is None:
                words.append(key.encode("ascii"))
            else:
                at = (key.index(anchor), len(key))
                groups.setdefault(anchor.encode("ascii"), {}).setdefault(at, set()).add(
                    key.encode("ascii")
                )
        anchored = tuple(
            (anchor, tuple((at, size, frozenset(ks)) for (at, size), ks in by_place.items()))
            for anchor, by_place in groups.items()
        )
        return cls(kind, tuple(words), anchored)


_TABLES_LOW = (
    _Keys.of("header", _HEADER_KEYS_LOW), _Keys.of("label", _LABEL_KEYS_LOW),
    _Keys.of("email", ("@",)),
)
_TABLES = (
    _Keys.of("header", _HEADER_KEYS), _Keys.of("label", _LABEL_KEYS), _Keys.of("email", ("@",))
)


def _candidates(text: str) -> list[tuple[int, int, list[tuple[int, str]]]]:
    """Lines that may start a block, in order: (start, end, [(offset, kind), ...]).

    ``kind`` is "header", "label" or "email". At most MAX_CANDIDATES offsets are collected per
    key, so hostile text costs a bounded number of pattern runs; each line's bounds are found
    once (the lines are disjoint, so all the newline searches together read the text once).
    """
    hits: list[tuple[int, str]] = []
    low = _ascii(text)
    if _LOWER_GROWS not in text:  # one search per key (lower() keeps every offset)
        low = low.lower()
        tables = _TABLES_LOW
    else:
        tables = _TABLES
    for table in tables:
        kind = table.kind
        words = table.words
        for anchor, groups in table.anchored:
            offsets = _anchored_offsets(low, anchor, groups)
            if offsets is None:  # too many anchors: search for each of their keys
                words += tuple(k for _, _, keys in groups for k in keys)
            else:
                hits += [(pos, kind) for pos in offsets]
        for key in words:
            pos = low.find(key)
            n = 0
            while pos >= 0 and n < MAX_CANDIDATES:
                hits.append((pos, kind))
                n += 1
                pos = low.find(key, pos + len(key))
    hits.sort()
    out: list[tuple[int, int, list[tuple[int, str]]]] = []
    for pos, kind in hits:
        if out and pos <= out[-1][1]:
            out[-1][2].append((pos, kind))
        else:
            start, end = _line_at(text, pos)
            out.append((start, end, [(pos, kind)]))
    return out


def _ascii(text: str) -> bytes:
    """``text`` with every character that is not ASCII replaced by "?": one byte per character,
    so offsets are kept, and keys (ASCII, without "?") match where they match in ``text``.

    Searching bytes is a little faster than searching text that holds a curly quote (stored two
    bytes a character), and bytes.lower() is twice as fast as str.lower(). Lowering after the
    replacement finds the same keys as lowering before it: the one character outside ASCII that
    lowers into ASCII is the Kelvin sign (to "k", in no key).
    """
    return text.encode("ascii", "replace")


def _anchored_offsets(low: bytes, anchor: bytes, groups: tuple[_Group, ...]) -> list[int] | None:
    """Where the keys in ``groups`` occur, as a ``str.find`` loop per key finds them: left to
    right, not overlapping an earlier occurrence of the same key, at most MAX_CANDIDATES of
    each key. None when ``anchor`` occurs more than _ANCHOR_SCAN_LIMIT times."""
    out: list[int] = []
    free: dict[bytes, int] = {}  # key -> the offset its next occurrence may start at
    counts: dict[bytes, int] = {}
    seen = 0
    a = low.find(anchor)
    while a >= 0:
        seen += 1
        if seen > _ANCHOR_SCAN_LIMIT:
            return None
        for at, size, keys in groups:
            start = a - at
            if start < 0:
                continue
            piece = low[start : start + size]
            if piece in keys and start >= free.get(piece, 0):
                n = counts.get(piece, 0)
                if n < MAX_CANDIDATES:
                    counts[piece] = n + 1
                    free[piece] = start + size
                    out.append(start)
        a = low.find(anchor, a + 1)
    return out


def _header_at(
    text: str, start: int, end: int, hints: Iterable[int] = ()
) -> tuple[int, int, list[str]] | None:
    """A header on the line ``text[start:end]``: (header start, header end, labels).

    A header at the start of the line is looked for in its first MAX_LINE_CHARS; one in the
    middle of a (flattened) line only near the offsets in ``hints`` (or in the first
    MAX_LINE_CHARS when there are none).
    """
    end = min(end, start + MAX_LINE_CHARS) if not hints else end
    m = _LINE_HEADER.match(text, start, min(end, start + MAX_LINE_CHARS))
    if m is not None:
        rest = text[m.end() : min(end, m.end() + MAX_LINE_CHARS)]
        ok = bool(m.group("colon"))
        if not ok and m.group("colon_only") is None:
            # "Contact Jane Doe on 0412 345 678": no colon, but details on the line.
            ok = not rest.strip(STRIP + ".") or bool(m.group("verb")) or has_details(rest)
        elif not ok and m.group("h").casefold() in _BARE_HEADERS:
            # "Publicity" on a line of its own (an HTML heading) heads the lines under it; with
            # a prefix ("BBC Press Office") such a line is the organisation of the name below.
            ok = not rest.strip(STRIP + ".") and _next_has_details(text, end)
        if ok:
            return m.start("h"), *_chain(text, m.end(), end, m.group("h"))
    line = _HEADER_LINE.match(text, start, min(end, start + MAX_LINE_CHARS))
    if line is not None and line.end() == min(end, start + MAX_LINE_CHARS):
        return line.start("h"), line.end(), [_clean(line.group("h"))]
    if text.find(":", start, end) < 0:
        return None  # a mid-line header ends in a colon (a one-character search is cheap)
    windows = [(max(start, h - 40), min(end, h + 60)) for h in hints] or [(start, end)]
    for w_start, w_end in windows:
        # _MID_HEADER costs about 0.1 µs a character (no literal prefix for the engine to skip
        # to); most windows are prose without a colon or without a header word.
        if text.find(":", w_start, w_end) < 0 or not any(
            text.find(w, w_start, w_end) >= 0 for w in _MID_HEADER_WORDS
        ):
            continue
        mid = _MID_HEADER.search(text, w_start, w_end)
        if mid is not None:
            return mid.start(), *_chain(text, mid.end(), end, mid.group("h"))
    return None


def _chain(text: str, pos: int, end: int, first: str) -> tuple[int, list[str]]:
    """Headers printed one after another ("Distributor Contact: Press Contact:")."""
    labels = [_clean(first)]
    while (n := _NEXT_HEADER.match(text, pos, min(end, pos + 200))) is not None:
        labels.append(_clean(n.group("h")))
        pos = n.end()
    return pos, labels


def blocks(text: str) -> Iterator[Block]:
    taken = -1  # the offset where the last block's last line ends
    count = 0
    known: dict[int, bool] = {}  # line start -> whether the line holds details
    for start, end, hits in _candidates(text):
        if count >= MAX_BLOCKS:
            return
        if start <= taken:
            continue
        header_hits = [pos for pos, kind in hits if kind == "header"]
        header = _header_at(text, start, end, header_hits) if header_hits else None
        if header is not None:
            h_start, h_end, labels = header
            block = Block(h_start, [], labels)
            first = _cut(text, h_end, end)
            if first is not None:
                block.segments.append(first)
            taken = _extend(text, end, block, known)
            count += 1
            yield block
        elif len(header_hits) < len(hits) and _labelled(text, start, end, hits):
            block = Block(start, [])
            for s, e in _previous_lines(text, start, _ABOVE):
                if s <= taken:
                    continue
                if _short_line(text[s : min(e, s + MAX_LINE_CHARS)]):
                    if not block.segments:
                        block.start = s
                    block.segments.append((s, e))
                else:
                    block.segments.clear()
            seg = _cut(text, start, end)
            if seg is not None:
                if not block.segments:
                    block.start = seg[0]
                block.segments.append(seg)
            taken = _extend(text, end, block, known, paragraphs=False)
            count += 1
            yield block


def _extend(
    text: str, end: int, block: Block, known: dict[int, bool], *, paragraphs: bool = True
) -> int:
    """Add the lines after offset ``end`` that continue ``block``; return where they end.

    ``known`` remembers which lines hold details (by where they start) for one document.
    """
    blank = 0
    last = end
    chars = sum(e - s for s, e in block.segments)
    while len(block.segments) < MAX_BLOCK_LINES and chars < MAX_BLOCK_CHARS:
        nxt = _next_line(text, end)
        if nxt is None:
            break
        s, end = nxt
        line = text[s : min(end, s + MAX_LINE_CHARS)]
        if not line.strip():
            blank += 1
            if blank > 2 or (blank and block.segments and not paragraphs):
                break
            continue
        if _header_at(text, s, end) is not None:
            break
        if blank and block.segments and not _paragraph_has_details(text, s, known):
            break
        if not (_line_has_details(text, s, end, known) or _short_line(line)):
            break
        seg = _cut(text, s, end)
        if seg is not None:
            block.segments.append(seg)
            chars += seg[1] - seg[0]
        blank = 0
        last = end
    return last


def _cut(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The contact part of a line: up to MAX_LINE_CHARS and before a foreign label."""
    end = min(end, start + MAX_LINE_CHARS)
    line = text[start:end]
    first = True
    for m in _ANY_LABEL.finditer(line) if ":" in line else ():  # every label ends in ":"
        if m.start() == len(line) - len(line.lstrip()):
            first = False
            continue  # "Jane Doe: 02 ..." at the start of the line
        if first and _leading_label(line[: m.start()]):
            # "The Trapline and Coastal Kitchen: Emilie Gagnon, ...": the line's own label
            first = False
            continue
        first = False
        if m.group("last").casefold() not in _CONTACT_LABEL_WORDS:
            end = start + m.start()
            break
    seg = text[start:end]
    lead = len(seg) - len(seg.lstrip())
    trail = len(seg.rstrip())
    if trail <= lead:
        return None
    return start + lead, start + trail


def _leading_label(before: str) -> bool:
    """Whether the text before a line's first label is part of that label (a programme title
    or a place printed before the contact: a few words, no colon and no details)."""
    return (
        ":" not in before
        and "@" not in before
        and _DIGITS.search(before) is None
        and len(before.split()) <= 8
    )


def has_details(line: str) -> bool:
    return any_details(DETAIL.finditer(line))


def any_details(matches: Iterable[re.Match[str]]) -> bool:
    """Whether DETAIL matches include a contact detail (a link alone, or a short number, is not
    one); takes the matches so that a caller that needs them all scans the line once."""
    for m in matches:
        if m.lastgroup == "phone":
            if len(_DIGITS.findall(m.group())) >= 7:
                return True
        elif m.lastgroup != "url":
            return True
    return False


def _line_has_details(text: str, start: int, end: int, known: dict[int, bool]) -> bool:
    """has_details() of the line ``text[start:end]`` (its first MAX_LINE_CHARS), remembered in
    ``known``: after a blank line _extend looks ahead across the lines it then reads again, and
    DETAIL costs about 0.1 µs a character."""
    found = known.get(start)
    if found is None:
        found = known[start] = has_details(text[start : min(end, start + MAX_LINE_CHARS)])
    return found


def _paragraph_has_details(text: str, start: int, known: dict[int, bool]) -> bool:
    """Whether contact details follow at ``start`` before the text turns into prose.

    Looks at up to six lines, across single blank lines (HTML often puts name, role and phone in
    paragraphs of their own), and stops at a long line without details or two blank lines.
    """
    line: tuple[int, int] | None = _line_at(text, start)
    blank = 0
    seen = 0
    while line is not None and seen < 6:
        s, e = line
        head = text[s : min(e, s + MAX_LINE_CHARS)]
        if not head.strip():
            blank += 1
            if blank > 1:
                break
        else:
            blank = 0
            seen += 1
            if _line_has_details(text, s, e, known):
                return True
            if not _short_line(head):
                break
        line = _next_line(text, e)
    return False


def _next_has_details(text: str, end: int) -> bool:
    """Whether contact details follow the line ending at ``end`` before the text turns to prose."""
    nxt = _next_line(text, end)
    return nxt is not None and _paragraph_has_details(text, nxt[0], {})


def _short_line(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= 10 and len(line) <= 120


def _labelled(text: str, start: int, end: int, hits: list[tuple[int, str]]) -> bool:
    """A line with a labelled phone ("Tel: 02 ..."), or an e-mail next to a cue word."""
    end = min(end, start + MAX_LINE_CHARS)
    for pos, kind in hits:
        if pos >= end:
            break
        if kind == "label" and _PHONE_LABEL.match(text, pos, end):
            return True
        if kind == "email" and _EMAIL.search(text, max(start, pos - 64), end):
            # "Tess Morgan    310-555-0148    tess.morgan@cbs.com", "Jo Lane - jo@x.com": a
            # name, then a gap, a bar or a dash, then the details: a row of a contact list
            return CUE.search(text, start, end) is not None \
                or _COLUMN_ROW.match(text, start, end) is not None
    return False


# A name of two to four capitalised words at the start of a line, then fields parted by a tab,
# two spaces or a bar, or a dash before the e-mail. (Bounded repetitions: linear.)
_COLUMN_ROW = re.compile(
    r"[ \t]{0,8}[A-Z][\w’'.-]{0,30}(?: [A-Z][\w’'.-]{0,30}){1,3}"
    r"(?:\t+|[ ]{2,}|[ ]?\|[ ]?|[ ][-–][ ](?=\S{1,64}@))\S")


def _clean(s: str) -> str:
    return " ".join(s.split()).strip(STRIP)
