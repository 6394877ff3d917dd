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
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

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


@dataclass(frozen=True)
class ChannelMention:
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


_WORD_OR_SLASH = re.compile(r"[\w/]")
# Letters whose case partners under IGNORECASE are exactly those ``str.lower`` relates them to
# (checked over every code point): Latin-1 and Latin Extended-A letters, less a few with extra
# partners (ß, å with the Ångström sign, µ with Greek mu, dotted and dotless i, long s).
PLAIN_LATIN = frozenset(chr(c) for c in range(0xC0, 0x17F)
                         if chr(c).isalpha() and chr(c) not in "ßåÅµıİſ")


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
        # The same scan, faster: case-sensitively over the lower-cased text (see _spans).
        self._fast: tuple[re.Pattern[str], re.Pattern[str]] | None = None
        if all(w == w.lower() and all(c.isascii() or c in PLAIN_LATIN for c in w)
               for w in words):
            self._fast = (re.compile(rf"(?:{alternation})(?![\w+])"),
                          re.compile(rf"[^\w/](?:{alternation})(?![\w+])"))

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[ChannelMention]:
        out: list[ChannelMention] = []
        stop = len(text) if end is None else end
        for a, b in self._spans(text, start, stop):
            word = text[a:b]
            ch = self.resolve(word)
            if ch is not None:
                out.append(ChannelMention(ch, a, b, word))
        return out

    def _spans(self, text: str, start: int, stop: int) -> list[tuple[int, int]]:
        """Where ``self._pattern`` matches in ``text[start:stop]``, left to right.

        Case-insensitive matching and a look-behind in front both make Python's engine try the
        whole pattern at every character. The fast route matches the lower-cased text
        case-sensitively (the same, character for character, when the aliases are ASCII or
        plain Latin letters and the text holds none of "İ", "ı", "ſ", which IGNORECASE also
        folds onto ASCII letters) and finds a non-word character followed by an alias, a pattern
        whose first character the engine can skip to; a match at ``start`` itself is tried
        apart. A property test checks both routes agree.
        """
        if self._fast is None or "\u0130" in text or "\u0131" in text or "\u017f" in text:
            return [m.span() for m in self._pattern.finditer(text, start, stop)]
        low = text.lower()
        first, after_edge = self._fast
        out: list[tuple[int, int]] = []
        pos = start
        if start == 0 or not _WORD_OR_SLASH.match(low, start - 1):
            m = first.match(low, start, stop)
            if m:
                out.append(m.span())
                pos = m.end()
        pos = max(pos - 1, start - 1, 0)
        while True:
            m = after_edge.search(low, pos, stop)
            if m is None:
                return out
            out.append((m.start() + 1, m.end()))
            pos = m.end() - 1

    def resolve(self, word: str) -> Channel | None:
        if word in self._exact:
            return self._exact[word]
        ch = self._lookup.get(word.casefold())
        if ch is None:
            return None
        # A case-insensitive alias that only matched in another case: accept it only when the
        # alias is distinctive (has a digit, a space or is at least four letters).
        if word not in (ch.name, *ch.aliases) and word.upper() != word:
            alias = next(a for a in (ch.name, *ch.aliases) if a.casefold() == word.casefold())
            if len(alias) < 4 and " " not in alias and not any(c.isdigit() for c in alias):
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
