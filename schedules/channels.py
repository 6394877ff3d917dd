"""Channel and on-demand service tables, one TOML file per country in ``schedules/data/channels``.

A user adds a broadcaster without code by passing another TOML file of the same shape
(``extra_files``); its entries are added to (or, with the same name, replace) the bundled ones::

    country = "AU"
    [[channel]]
    name = "ABC TV"                 # the name listings and feeds use
    aliases = ["ABC1", "ABC TV HD"] # matched ignoring case
    exact = ["ABC"]                 # matched only with exactly this case (short or common words)
    kind = "tv"                     # tv | radio | streaming
    zone = "Australia/Sydney"       # optional: the zone its times are printed in

Matching is one compiled alternation per country, longest alias first, bounded by non-word
characters, so it runs in time linear in the text.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

from schedules.errors import ConfigError

KINDS = ("tv", "radio", "streaming")


@dataclass(frozen=True)
class Channel:
    name: str
    kind: str
    country: str
    aliases: tuple[str, ...] = ()
    exact: tuple[str, ...] = ()
    zone: str | None = None

    @property
    def linear(self) -> bool:
        return self.kind != "streaming"

    @property
    def slug(self) -> str:
        return slugify(self.name)


class ChannelMention(NamedTuple):
    """A channel named in a text, with its offsets. (A named tuple, not a frozen dataclass: one
    per mention, and a frozen dataclass is four times slower to build.)"""

    channel: Channel
    start: int
    end: int
    text: str


def slugify(value: str) -> str:
    """Lowercase words joined by hyphens: "ABC TV" -> "abc-tv", "RTÉ One" -> "rte-one"."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    ascii_text = ascii_text.replace("+", " plus ")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "channel"


def _parse_table(data: dict[str, Any], source: str) -> list[Channel]:
    country = data.get("country")
    if not isinstance(country, str):
        raise ConfigError(f"{source}: missing top-level 'country = \"CC\"'")
    out: list[Channel] = []
    for i, entry in enumerate(data.get("channel", [])):
        where = f"{source}: [[channel]] #{i + 1}"
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            raise ConfigError(f"{where}: 'name' must be a non-empty string")
        kind = entry.get("kind", "tv")
        if kind not in KINDS:
            raise ConfigError(f"{where} ({name}): kind {kind!r} is not one of {', '.join(KINDS)}")
        aliases = entry.get("aliases", [])
        exact = entry.get("exact", [])
        if not all(isinstance(a, str) and a for a in [*aliases, *exact]):
            raise ConfigError(f"{where} ({name}): aliases and exact must be lists of strings")
        zone = entry.get("zone")
        if zone is not None:
            from zoneinfo import ZoneInfo

            try:
                ZoneInfo(zone)
            except (KeyError, ValueError):
                raise ConfigError(f"{where} ({name}): unknown IANA zone {zone!r}") from None
        out.append(Channel(name=name, kind=kind, country=country.upper(),
                           aliases=tuple(aliases), exact=tuple(exact), zone=zone))
    return out


def load_file(path: Path) -> list[Channel]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read channel table: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from exc
    return _parse_table(data, str(path))


@lru_cache(maxsize=1)
def _bundled() -> tuple[Channel, ...]:
    out: list[Channel] = []
    folder = resources.files("schedules") / "data" / "channels"
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".toml"):
            out.extend(_parse_table(tomllib.loads(item.read_text(encoding="utf-8")),
                                    f"schedules/data/channels/{item.name}"))
    return tuple(out)


def trie_pattern(words: Iterable[str]) -> str:
    """One regular expression matching any of ``words``, factored as a trie: "bbc one|bbc two"
    becomes "bbc\\ (?:one|two)". The engine then reads each character once per position
    instead of trying every alias in turn (hundreds per country), and a longer alias still wins
    over its prefix because longer branches come first and the shorter is optional."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [re.escape(ch) + render(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return f"(?:{body})?"
        return body

    return render(trie)


# Letters whose case partners under IGNORECASE are exactly those ``str.lower`` relates them to
# (checked over every code point): Latin-1 and Latin Extended-A letters, less a few with extra
# partners (ß, å with the Ångström sign, µ with Greek mu, dotted and dotless i, long s).
PLAIN_LATIN = frozenset(chr(c) for c in range(0xC0, 0x17F)
                         if chr(c).isalpha() and chr(c) not in "ßåÅµıİſ")
# The characters outside Latin-1 that IGNORECASE matches to a Latin-1 character ("İ", "ı" and
# the Kelvin sign to "i", "i", "k", ...; a test checks the list over every code point).
FOLDS_INTO_LATIN1 = "\u0130\u0131\u0178\u017f\u039c\u03bc\u1e9e\u212a\u212b"


# Letters by how often English words open with them (a guess that only orders alternatives).
_WORD_INITIALS = "tasocwpbmfidrhelngukvyjqz"


class EdgeScan:
    """Where ``exact.finditer`` matches, for a pattern ``exact`` that matches only at an edge (the
    start of the text or right after a character ``is_edge`` accepts) and only where the text,
    lower-cased, opens with one of ``literals``; found without trying ``exact`` everywhere.

    Why: ``exact`` opens with a look-behind or ``\\b``, so Python's engine tries it at every
    character, and a first test of "not a word character" costs a Unicode table look-up per
    character (about half of all the time of those scans). Here the text becomes a byte string,
    one byte per character (``encode("latin-1", "replace")``, then a 256-byte table): every
    character that may be an edge is the byte 01 (characters outside Latin-1 are "?" and so 01
    too), the others their lower case. A byte pattern "01, then one of the literals" opens with
    a literal byte, which the engine skips to in C, and finds every place ``exact`` can match
    (and a few more); ``exact.match`` at those places alone decides, so the answer is
    ``exact``'s own. Matches are taken left to right without overlap, as ``finditer`` does.

    Cost: linear in the text; one try of the byte pattern per edge, one ``exact.match`` per
    candidate (a Python call each, so text in which every word is a match, such as 1 MB of
    "abc ", takes about twice as long as ``exact.finditer``; a release has a few dozen).

    A literal's character outside Latin-1 is 01 in the pattern too (it can only be matched by a
    character outside Latin-1). Where ``exact`` matches a Latin-1 text character to a Latin-1
    literal character, the text character's lower case must be that character: true for a
    case-sensitive ``exact`` over lower-cased text, and for IGNORECASE and plain Latin letters
    when the text holds none of :data:`FOLDS_INTO_LATIN1` that matter (the caller checks).
    """

    def __init__(self, literals: Iterable[str], is_edge: Callable[[str], bool]):
        table = bytearray(256)
        for b in range(256):
            c = chr(b)
            table[b] = 1 if c == "?" or is_edge(c) else ord(c.lower())
        self._table = bytes(table)
        viewed = {"".join("\x01" if ch == "?" or ch > "\xff" or is_edge(ch) else ch.lower()
                          for ch in word) for word in literals}
        if not viewed or not all(viewed):
            raise ValueError("literals must be non-empty strings")
        # The trie's first level, most frequent word-initial letters first: the engine tries
        # its branches in turn after every edge (their order does not matter otherwise, as
        # each opens with a different byte).
        groups: dict[str, list[str]] = {}
        for w in viewed:
            groups.setdefault(w[0], []).append(w[1:])
        first_level = "|".join(
            re.escape(c) + trie_pattern(groups[c])
            for c in sorted(groups, key=lambda c: (_WORD_INITIALS.find(c) % 99, c)))
        self._candidate = re.compile(f"\x01(?:{first_level})".encode("latin-1"))

    def view(self, text: str, latin: bytes | None = None) -> bytes:
        """The byte view of ``text`` that :meth:`spans` searches; ``latin``: the text's
        ``encode("latin-1", "replace")`` when the caller has it (scans share one)."""
        if latin is None:
            latin = text.encode("latin-1", "replace")
        return latin.translate(self._table)

    def spans(self, text: str, match_at: Callable[[str, int, int], tuple[int, int] | None],
              start: int = 0, stop: int | None = None, *,
              view: bytes | None = None) -> list[tuple[int, int]]:
        """``match_at(text, p, stop)``: the span of ``exact.match(text, p, stop)``, or None.
        ``start`` and ``stop`` out of range are clamped as ``finditer`` clamps them. ``view``:
        :meth:`view` of the text (of this scan or of one with the same edges), or None."""
        stop = len(text) if stop is None else min(max(stop, 0), len(text))
        start = max(start, 0)
        if view is None:
            view = self.view(text)
        search = self._candidate.search
        out: list[tuple[int, int]] = []
        pos = max(start - 1, 0)  # where the edge byte of the next match may be
        if start == 0:
            span = match_at(text, 0, stop)
            if span:
                out.append(span)
                pos = max(span[1] - 1, 0)
        while True:
            c = search(view, pos, stop)
            if c is None:
                return out
            p = c.start() + 1
            span = match_at(text, p, stop)
            if span is None:
                pos = p
                continue
            out.append(span)
            pos = span[1] - 1  # that match's last character may be the next one's edge


def _channel_edge(c: str) -> bool:
    """What may stand right before a channel name: anything but a word character or "/"."""
    return not (c.isalnum() or c in "_/")


class ChannelTable:
    """All channels of one country, with a matcher over text."""

    def __init__(self, country: str, channels: Sequence[Channel]):
        self.country = country
        self.channels = tuple(channels)
        self.by_name = {c.name.casefold(): c for c in self.channels}
        self._lookup: dict[str, Channel] = {}
        self._exact: dict[str, Channel] = {}
        for ch in self.channels:
            for alias in (ch.name, *ch.aliases):
                self._lookup.setdefault(alias.casefold(), ch)
            for alias in ch.exact:
                self._exact.setdefault(alias, ch)
        words = {w.casefold() for w in (*self._lookup, *self._exact)}
        alternation = trie_pattern(words)
        self._pattern = re.compile(rf"(?<![\w/])(?:{alternation})(?![\w+])", re.IGNORECASE)
        # The same scan, faster (see _spans): when every alias is ASCII or plain Latin, whose
        # letters IGNORECASE relates only as str.lower does.
        self._scan: EdgeScan | None = None
        self._folds = ""
        self._lowered = re.compile(rf"(?<![\w/])(?:{alternation})(?![\w+])")
        self._longest = max(map(len, words), default=0)
        if all(w == w.lower() and all(c.isascii() or c in PLAIN_LATIN for c in w)
               for w in words):
            self._scan = EdgeScan(words, _channel_edge)
            chars = {c for w in words for c in w}
            self._folds = "".join(
                x for x in FOLDS_INTO_LATIN1
                if x in "\u0130\u0131\u017f"
                or any(re.fullmatch(re.escape(c), x, re.IGNORECASE) for c in chars))
        # For resolve: per case-folded alias, the channel's names as written, and whether the
        # alias is too plain to accept in another case.
        self._written: dict[str, frozenset[str]] = {}
        self._plain: set[str] = set()
        for key, ch in self._lookup.items():
            written = (ch.name, *ch.aliases)
            self._written[key] = frozenset(written)
            alias = next(a for a in written if a.casefold() == key)
            if len(alias) < 4 and " " not in alias and not any(c.isdigit() for c in alias):
                self._plain.add(key)

    def find(self, text: str, start: int = 0, end: int | None = None, *,
             latin: bytes | None = None) -> list[ChannelMention]:
        """The channels named in ``text[start:end]``. ``latin``: the text's
        ``encode("latin-1", "replace")``, when the caller has it."""
        out: list[ChannelMention] = []
        stop = len(text) if end is None else end
        for a, b in self._spans(text, start, stop, latin):
            word = text[a:b]
            ch = self.resolve(word)
            if ch is not None:
                out.append(ChannelMention(ch, a, b, word))
        return out

    def _spans(self, text: str, start: int, stop: int,
               latin: bytes | None = None) -> list[tuple[int, int]]:
        """Where ``self._pattern`` matches in ``text[start:stop]``, left to right.

        Case-insensitive matching and a look-behind in front both make Python's engine try the
        whole pattern at every character; :class:`EdgeScan` tries it only after an edge
        followed by an alias, and there the same pattern without IGNORECASE reads the text
        lower-cased (a few characters of it). Both need each text character IGNORECASE matches
        to an alias's character to be one whose lower case is that character, and ``str.lower``
        to keep the length: not so for "İ", "ı", "ſ", and for the Kelvin sign and "Ÿ" when an
        alias has "k" or "ÿ" (``self._folds``), so a text holding one is read by the pattern
        itself. A property test checks both routes agree.
        """
        if self._scan is None or any(c in text for c in self._folds):
            return [m.span() for m in self._pattern.finditer(text, start, stop)]
        return self._scan.spans(text, self._match_at, start, stop,
                                view=self._scan.view(text, latin))

    def _match_at(self, text: str, p: int, stop: int) -> tuple[int, int] | None:
        """The span of ``self._pattern.match(text, p, stop)``: the case-sensitive pattern over
        the lower-cased characters from the one before ``p`` (the look-behind's) to the one
        after the longest alias (the look-ahead's)."""
        lo = max(p - 1, 0)
        m = self._lowered.match(text[lo:min(stop, p + self._longest + 1)].lower(), p - lo)
        return None if m is None else (lo + m.start(), lo + m.end())

    def resolve(self, word: str) -> Channel | None:
        if word in self._exact:
            return self._exact[word]
        key = word.casefold()
        ch = self._lookup.get(key)
        if ch is None:
            return None
        # A case-insensitive alias that only matched in another case: accept it only when the
        # alias is distinctive (has a digit, a space or is at least four letters).
        if key in self._plain and word not in self._written[key] and word.upper() != word:
            return None
        return ch

    def get(self, name: str) -> Channel | None:
        return self.by_name.get(name.casefold()) or self.resolve(name)


@dataclass
class _Cache:
    tables: dict[tuple[str, tuple[str, ...]], ChannelTable] = field(default_factory=dict)


_cache = _Cache()


def table(country: str, extra_files: Iterable[Path] = ()) -> ChannelTable:
    """The channel table for ``country`` (bundled entries plus any ``extra_files``)."""
    country = country.upper()
    extras = tuple(str(p) for p in extra_files)
    key = (country, extras)
    if key not in _cache.tables:
        merged: dict[str, Channel] = {}
        for ch in _bundled():
            if ch.country == country:
                merged[ch.name.casefold()] = ch
        for path in extras:
            for ch in load_file(Path(path)):
                if ch.country == country:
                    merged[ch.name.casefold()] = ch
        _cache.tables[key] = ChannelTable(country, list(merged.values()))
    return _cache.tables[key]


def all_channels() -> tuple[Channel, ...]:
    return _bundled()


def files_from_env(environ: Mapping[str, str] | None = None) -> tuple[Path, ...]:
    """The user's channel files named in ``SCHEDULES_CHANNEL_FILES`` (paths joined by ``:``)."""
    env = os.environ if environ is None else environ
    raw = env.get("SCHEDULES_CHANNEL_FILES", "")
    return tuple(Path(p) for p in raw.split(os.pathsep) if p.strip())
