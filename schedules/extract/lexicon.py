"""Vocabulary as data: month and weekday names (English and Irish), cue words.

Month and weekday names are matched in Title Case or UPPER CASE only, so the verb "may" and the
noun "march" never become dates.
"""

from __future__ import annotations

import re

from schedules.channels import EdgeScan, trie_pattern

MONTHS: dict[str, int] = {}
for _i, _names in enumerate(
    [
        ("January", "Jan"), ("February", "Feb"), ("March", "Mar"), ("April", "Apr"),
        ("May",), ("June", "Jun"), ("July", "Jul"), ("August", "Aug"),
        ("September", "Sept", "Sep"), ("October", "Oct"), ("November", "Nov"),
        ("December", "Dec"),
    ],
    start=1,
):
    for _n in _names:
        MONTHS[_n] = _i

# Irish month names (Eanáir ... Nollaig), as TG4 and RTÉ print them.
IRISH_MONTHS: dict[str, int] = {
    "Eanáir": 1, "Feabhra": 2, "Márta": 3, "Aibreán": 4, "Bealtaine": 5, "Meitheamh": 6,
    "Iúil": 7, "Lúnasa": 8, "Meán Fómhair": 9, "Deireadh Fómhair": 10, "Samhain": 11,
    "Nollaig": 12,
}

WEEKDAYS: dict[str, int] = {}
for _i, _names in enumerate(
    [
        ("Monday", "Mon"), ("Tuesday", "Tues", "Tue"), ("Wednesday", "Wed"),
        ("Thursday", "Thurs", "Thur", "Thu"), ("Friday", "Fri"), ("Saturday", "Sat"),
        ("Sunday", "Sun"),
    ]
):
    for _n in _names:
        WEEKDAYS[_n] = _i

IRISH_WEEKDAYS: dict[str, int] = {
    "Dé Luain": 0, "Dé Máirt": 1, "Dé Céadaoin": 2, "Déardaoin": 3, "Dé hAoine": 4,
    "Dé Sathairn": 5, "Dé Domhnaigh": 6, "an Luan": 0, "an Mháirt": 1, "an Chéadaoin": 2,
    "an Déardaoin": 3, "an Aoine": 4, "an Satharn": 5, "an Domhnach": 6,
}


def variant_forms(words: list[str]) -> set[str]:
    """As printed: the word, UPPER CASE and Title Case."""
    forms: set[str] = set()
    for w in words:
        forms.update({w, w.upper(), w[0].upper() + w[1:]})
    return forms


def _variants(words: list[str]) -> str:
    # A trie ("M(?:on(?:day)?|ON(?:DAY)?)") matches exactly what the flat alternation sorted
    # longest first matches (a longer form is tried before its prefix), but the engine reads
    # each character once instead of trying every spelling in turn: dates scan 2-3x faster.
    return trie_pattern(variant_forms(words))


MONTH_RE = rf"(?:{_variants(list(MONTHS))})\.?"
IRISH_MONTH_RE = rf"(?:{_variants(list(IRISH_MONTHS))})"
WEEKDAY_RE = rf"(?:{_variants(list(WEEKDAYS))})\.?"
IRISH_WEEKDAY_RE = rf"(?:{_variants(list(IRISH_WEEKDAYS))})"


def _folded(*tables: dict[str, int]) -> dict[str, int]:
    """Case-folded name -> number; the first table naming a word wins."""
    out: dict[str, int] = {}
    for table in tables:
        for name, n in table.items():
            out.setdefault(name.casefold(), n)
    return out


_MONTH_BY_FOLDED = _folded(MONTHS, IRISH_MONTHS)
_WEEKDAY_BY_FOLDED = _folded(WEEKDAYS, IRISH_WEEKDAYS)
_PLURAL_STEMS = frozenset(k.casefold() for k in WEEKDAYS if len(k) > 3)


def month_number(word: str) -> int | None:
    return _MONTH_BY_FOLDED.get(word.rstrip(".").casefold())


def weekday_number(word: str) -> int | None:
    w = word.rstrip(".").casefold()
    if w.endswith("s") and w[:-1] in _PLURAL_STEMS:
        w = w[:-1]
    return _WEEKDAY_BY_FOLDED.get(w)


# Words that say a time is when something is broadcast.
AIR_CUES = re.compile(
    r"\b(?:air(?:s|ed|ing)?|screen(?:s|ed|ing)?|premier(?:e|es|ing|ed)|broadcast(?:s|ing)?|"
    r"transmi(?:t|ts|tted|ssion)|TX|returns?|returning|debuts?|launch(?:es)?|starts?|starting|"
    r"begins?|beginning|kicks? off|continues?|show(?:s|n|ing)|on air|tune in|watch|catch|"
    r"simulcast|live (?:on|from)|coverage (?:kicks|begins|starts|from|at)|repeat(?:s|ed)?|"
    r"encore|again|"
    r"rounding out|listen|presents|episode|series|season|finale|special|"
    r"craol\w*|athchraol\w*)\b",
    re.IGNORECASE,
)

# Words that say a nearby time is not a broadcast (publication stamps, event logistics).
NOT_AIR_CUES = re.compile(
    # One leading \b and then the alternation: the engine tries the words only at word edges
    # (a leading \b inside each alternative made it try all of them at every character).
    r"@|\b(?:released (?:at|on)\b|posted\b|published\b|updated\b|screen ?shot\b|"
    r"taking place\b|WHEN:|doors open\b|registration\b|tickets?\b|deadline\b|"
    r"embargo(?:ed)?\b|RSVP\b|photo ?call\b|press conference\b|media call\b|"
    r"kick-?off\b|first broadcast\b(?!\*{0,2}\s*:)|began broadcasting\b|"
    r"originally (?:aired|broadcast)\b|"
    r"closing date\b|entries close\b|will be held\b|says?\b|said\b|would\b|"
    r"is holding\b|are holding\b|will be holding\b|will hold\b|"
    # an estimate inside a programme ("the reveal is expected just before 10pm"), not a start
    r"just before\b|just after\b|shortly before\b|shortly after\b|expected (?:at|around)\b|"
    r"at around\b|tie kicks? off\b|match kicks? off\b|game kicks? off\b|final kicks? off\b|"
    r"s kicks? off\b|countdown to\b|chimes\b|started at\b|opened at\b|closed at\b|"
    r"starts work\b|start work\b|"
    # the start of the event a broadcast covers ("coverage from 5.15pm, throw-in 5.45pm")
    r"throw-?in\b|tip-?off\b|first pitch\b|face-?off\b|puck drop\b|first ball\b|"
    r"first bounce\b|first serve\b|cent(?:re|er) pass\b|bully-?off\b|lights out\b|"
    # the story's events and logistics
    r"polls? (?:close|open)s?\b|voting (?:closes|opens)\b|lines (?:close|open)\b|"
    r"gates open\b|landfall\b|non-televised\b|announced at\b|screening starts\b|"
    r"press screening\b|preview screening\b)",
    re.IGNORECASE,
)

REPEAT_CUES = re.compile(
    r"\b(?:repeat(?:ed|s)?|encore|rpt|re-?air(?:s|ed|ing)?|re-?run|replay(?:ed)?|"
    # "again" of a broadcast ("shown again", "and again at 11pm"), not "the teams meet again"
    r"(?:and|airs?|aired|airing|shown|screen(?:s|ed|ing)?|broadcast|plays?|played|seen|heard|"
    r"see it|catch it|watch it|hear it)\s+again|again(?=\s+(?:at|on)\b)|"
    r"athchraol\w*)\b|\(R\)",
    re.IGNORECASE,
)


# Case-insensitive alternations are slow in Python's engine (every letter is folded on every
# try). The hot scans instead run a case-sensitive copy of the pattern over an ASCII-lower-cased
# copy of the text (the same length, so positions agree): about four times faster.
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def ascii_lower(text: str) -> str:
    """``text`` lower-cased for the case-sensitive cue patterns, position for position.

    ``str.lower`` (fast) is used unless the text holds one of the two characters whose lower
    case is longer or ASCII (U+0130 "İ", U+212A Kelvin sign); ``str.translate`` of A-Z (ten
    times slower) then. The two differ only in non-ASCII letters, which the cue patterns (ASCII
    words, ``\\w``, ``\\b``) see as letters either way.
    """
    if "\u0130" in text or "\u212a" in text:
        return text.translate(_ASCII_LOWER)
    return text.lower()


def _lowered(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` without IGNORECASE, its literal letters lower-cased (escapes kept)."""
    source = re.sub(r"(?<!\\)[A-Z]", lambda m: m.group(0).lower(), pattern.pattern)
    return re.compile(source)


AIR_CUES_LOWER = _lowered(AIR_CUES)
NOT_AIR_CUES_LOWER = _lowered(NOT_AIR_CUES)


class WordStarts:
    """The starts of the matches of ``exact`` (``\\b(?:BRANCH|BRANCH|...)``, each branch opening
    with a lower-case ASCII letter) as ``finditer`` finds them.

    The leading ``\\b`` makes the engine try every branch at every character; instead an
    :class:`~schedules.channels.EdgeScan` finds the places after a non-word character where
    the text opens with a branch's literal start ("air" for ``air(?:s|ed|ing)?``, "kick" for
    ``kicks? off``), and ``exact`` is tried at those alone.
    """

    def __init__(self, exact: re.Pattern[str], branches: list[str]):
        self._match = exact.match
        self._scan = EdgeScan([_literal_start(b) for b in branches], _not_word)

    def _match_at(self, text: str, p: int, stop: int) -> tuple[int, int] | None:
        m = self._match(text, p, stop)
        return None if m is None else m.span()

    def starts(self, text: str) -> list[int]:
        return [a for a, _ in self._scan.spans(text, self._match_at)]

    def view(self, text: str, latin: bytes | None = None) -> bytes:
        return self._scan.view(text, latin)

    def starts_unlowered(self, text: str, view: bytes) -> list[int]:
        """:meth:`starts` of ``ascii_lower(text)``, lower-casing only a few characters around
        each candidate. ``view``: :meth:`view` of ``text`` itself (see :func:`cue_starts`)."""
        return [a for a, _ in self._scan.spans(text, self._window_match_at, view=view)]

    def _window_match_at(self, text: str, p: int, stop: int) -> tuple[int, int] | None:
        # From the character before ``p`` (the leading \b's) to one past the longest match
        # that can open at ``p`` (the trailing \b's): a cue of fixed length, or a word run
        # ("craoladh"); a test checks every cue of fixed length is shorter than CUE_WINDOW.
        lo = max(p - 1, 0)
        run = _WORD_RUN.match(text, p, stop)  # always matches (perhaps empty)
        hi = min(stop, max(p + CUE_WINDOW, run.end() if run is not None else p) + 1)
        m = self._match(ascii_lower(text[lo:hi]), p - lo)
        return None if m is None else (lo + m.start(), lo + m.end())


def _not_word(c: str) -> bool:
    return not (c.isalnum() or c == "_")


def _literal_start(branch: str) -> str:
    """The text every match of ``branch`` (a regular expression) opens with: its leading literal
    characters, less one that a quantifier makes optional ("kicks? off" -> "kick")."""
    n = 0
    while n < len(branch) and branch[n] not in "\\()[]{}|.^$*+?":
        n += 1
    if n < len(branch) and branch[n] in "*+?{":
        n -= 1
    if n <= 0 or not ("a" <= branch[0] <= "z"):
        raise ValueError(f"branch {branch!r} does not open with a lower-case letter")
    return branch[:n]


def _branches(source: str) -> list[str]:
    """The top-level branches of a regular expression's source."""
    out, depth, current, i = [], 0, "", 0
    while i < len(source):
        c = source[i]
        if c == "\\":
            current += source[i:i + 2]
            i += 2
            continue
        depth += 1 if c == "(" else -1 if c == ")" else 0
        if c == "|" and depth == 0:
            out.append(current)
            current = ""
        else:
            current += c
        i += 1
    return [*out, current]


def _inside(source: str, head: str, tail: str) -> str:
    if not (source.startswith(head) and source.endswith(tail)):
        raise ValueError(f"unexpected pattern {source!r}")
    return source[len(head):len(source) - len(tail)]


_NOT_AIR_WORDS = _inside(NOT_AIR_CUES_LOWER.pattern, "@|\\b(?:", ")")
AIR_CUE_STARTS = WordStarts(
    AIR_CUES_LOWER, _branches(_inside(AIR_CUES_LOWER.pattern, "\\b(?:", ")\\b")))
NOT_AIR_WORD_STARTS = WordStarts(re.compile(f"\\b(?:{_NOT_AIR_WORDS})"),
                                 _branches(_NOT_AIR_WORDS))


def air_cue_starts(lowered: str) -> list[int]:
    """Where AIR_CUES matches, given the text lower-cased by :func:`ascii_lower`."""
    return AIR_CUE_STARTS.starts(lowered)


def not_air_cue_starts(lowered: str) -> list[int]:
    """Where NOT_AIR_CUES matches ("@" or a word), given the lower-cased text."""
    words = NOT_AIR_WORD_STARTS.starts(lowered)
    if "@" not in lowered:
        return words
    return sorted([*words, *(m.start() for m in _AT.finditer(lowered))])


_AT = re.compile("@")
CUE_WINDOW = 40
_WORD_RUN = re.compile(r"\w*")


def cue_starts(text: str, latin: bytes | None = None) -> tuple[list[int], list[int]]:
    """``air_cue_starts(ascii_lower(text)), not_air_cue_starts(ascii_lower(text))``, faster.

    The whole text is not lower-cased (``str.lower`` costs about 40 instructions a character
    on text outside Latin-1): the candidates come from one byte view of ``text`` itself, shared
    by both scans (their edges are the same), and each candidate's few characters are
    lower-cased for the exact pattern. The view of ``text`` marks a superset of the edges the
    view of the lower-cased text marks (they differ only where a character outside Latin-1
    lower-cases into it, "Ÿ" to "ÿ": an edge here, a letter there), so no match is missed;
    the exact patterns decide as before. ``latin``: ``text.encode("latin-1", "replace")``.
    """
    view = AIR_CUE_STARTS.view(text, latin)
    air = AIR_CUE_STARTS.starts_unlowered(text, view)
    words = NOT_AIR_WORD_STARTS.starts_unlowered(text, view)
    if "@" not in text:
        return air, words
    return air, sorted([*words, *(m.start() for m in _AT.finditer(text))])
