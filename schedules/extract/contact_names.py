"""People in contact blocks: names, job titles and organisations, as printed.

A name is two to five name-like words; in flattened PDF text several names run together
("Deb Falk Sarah Jarvis") and are split where a known given name (``data/given_names.txt``)
follows a complete name. The fields after a name (split on commas, pipes, brackets, " - ", " / ")
are its role and organisation: a field with a job-title word ("Publicist", "Bainisteoir") is a
role unless it ends like an organisation ("Press Office"); a trailing acronym ("... TG4") is the
organisation. A programme title printed before the contact ("Sounds Like Home: Sam Pearce")
may look like a name; when the next field is a name that starts with a known given name and the
title does not, the next field is the person.

Vocabulary is data (word lists below, given names in a file); nothing here reads the clock,
the environment or the network. Every pattern runs on one bounded chunk of a contact block.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from schedules.extract.lexicon import MONTHS, WEEKDAYS

__all__ = [
    "CUE", "STRIP", "Person", "describe", "given_names", "is_title", "organisation_like",
    "people", "title_like",
]


def _words(s: str) -> frozenset[str]:
    return frozenset(s.split())


@cache
def given_names() -> frozenset[str]:
    """Common given names (data/given_names.txt), as printed ("Deb", "Jacob", "Niamh")."""
    data = resources.files("schedules").joinpath("data/given_names.txt").read_text("utf-8")
    return frozenset(
        line.strip() for line in data.splitlines() if line.strip() and not line.startswith("#")
    )


_ROLE_WORDS = _words(
    """manager director head lead officer publicist executive coordinator co-ordinator
    producer editor advisor adviser specialist assistant consultant communications
    communication marketing publicity press media relations senior junior chief president
    vice vp partner associate account agent representative spokesperson spokesman spokeswoman
    strategist controller commissioner secretary analyst administrator unit team desk pr
    promotions promotion digital content social campaigns campaign corporate affairs
    national regional international acting deputy general principal
    bainisteoir cumarsáide oifigeach preasoifigeach stiúrthóir ceannasaí feidhmeannach
    caidrimh phoiblí"""
)
# Words that make a field a job title rather than an organisation.
_TITLE_WORDS = _words(
    """manager director head lead officer publicist executive coordinator co-ordinator producer
    editor advisor adviser specialist assistant consultant president vp partner associate agent
    representative spokesperson spokesman spokeswoman strategist controller commissioner
    secretary analyst administrator bainisteoir oifigeach preasoifigeach stiúrthóir
    ceannasaí feidhmeannach"""
)
_ORG_WORDS = _words(
    """films film productions production pictures network networks television tv radio
    broadcasting broadcast corporation company co ltd limited inc llc llp plc pty group studios
    studio entertainment channel news office department agency services foundation trust
    university college council association society institute authority commission"""
)
# An organisation's name ends at one of these when several are printed in a row.
_ORG_END_WORDS = _words(
    """international films productions pictures media studios entertainment television tv
    network networks ltd limited inc llc plc pty group company corporation australia
    office agency publicity press communications"""
)
_CONNECTORS = _words(
    """on at or via and call phone ring tel email e-mail mail contact please to by is from in
    the of for who"""
)
_HONORIFICS = _words("mr mrs ms miss mx dr prof sir dame")
_PARTICLES = _words(
    """von van de der den da di du del della la le dos das ní nic ó ua mac mc bin ter
    Von Van De Der Den Da Di Du Del Della La Le Dos Das Ní Nic Ó Ua Mac Mc Bin Ter"""
)
_NOT_NAME_WORDS = _words(
    """the for please contact contacts call visit email e-mail phone tel mobile office
    enquiries inquiries information further more rsvp about follow page website twitter
    facebook instagram street st road rd avenue ave level suite floor po box north south
    east west new saint university college school house centre center building
    tonight today tomorrow this next all our your its his her their with from and or
    media press publicity materials website web register registration"""
) | frozenset(w.casefold() for w in (*MONTHS, *WEEKDAYS))

# Words that make an e-mail or phone in running text a contact detail ("media can contact").
CUE = re.compile(
    r"\b(?:contact|media|press|publicity|publicist|enquir\w*|inquir\w*|rsvp|e-?mail|call|"
    r"interviews?|spokes\w*)\b|(?<![\w])E[ \t]*:",
    re.I,
)
# Field separators. Runs on one chunk (at most a line of MAX_LINE_CHARS); the [ \t]* runs can
# only be retried across one run of blanks.
_FIELD_SPLIT = re.compile(r"[ \t]*(?:[,|;:()<>\[\]]|[ \t][-–—/][ \t])[ \t]*")
_ACRONYM = re.compile(r"[A-Z0-9ÁÉÍÓÚ&]{2,8}")
_NAME_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*\.?")
_INITIAL = re.compile(r"[A-Z]\.?")
_QUOTES = "\"“”«»"
STRIP = " \t\r\n,|;:-–—/&·•*<>[]"
"""Separators trimmed from both ends of a text chunk."""

Person = tuple[str, str | None, str | None]
"""(name, role, organisation)"""


def people(chunk: str, *, strict: bool = False) -> list[list[Person]] | None:
    """The people a text chunk names, by column, or None if it names nobody.

    The name is normally the first field and the fields after it are the role and organisation;
    a short field before it ("Queensland - Lucy Grant") is kept as the organisation, and a later
    field that is just a name ("Jane Doe (ABC) and John Smith (SBS)") starts another person.
    """
    fields = [_trim_connectors(f.strip(STRIP + ".")) for f in _FIELD_SPLIT.split(chunk)]
    fields = [f for f in fields if f]
    found: tuple[int, list[list[str]], str] | None = None
    leading = 3  # fields that may come before the name
    if strict:
        # A line deep in a block without details: never quoted speech, and the name comes
        # first; a lone name must start with a known given name.
        if any(q in chunk for q in _QUOTES):
            return None
        leading, strict = 1, len(fields) == 1
    title: str | None = None  # a job title printed before the name ("Publicist Jane Doe")
    for k, first in enumerate(fields[:leading]):
        columns, leftover = _split_names(first, strict=strict)
        if not columns:
            title, rest = _leading_title(first)
            if title is not None:
                columns, leftover = _split_names(rest, strict=strict)
        if columns:
            found = k, columns, leftover
            break
        title = None
        # Short fields may come before the name ("Queensland - Lucy Grant", "on the series,
        # contact Jane Doe"); a long one means this chunk is prose.
        if len(first.split()) > 6 and not CUE.search(first):
            return None
    if found is None:
        return None
    at, columns, leftover = found
    if at + 1 < len(fields) and not leftover and title is None and len(columns) == 1:
        # "Sounds Like Home: Sam Pearce, CBC Radio": a title printed before the contact looks
        # like a name too; the person is the one whose name starts with a known given name.
        later, rest = _split_names(fields[at + 1], strict=True)
        if later and not rest and not _is_given(columns[0][0].split()[0], given_names()):
            at, columns = at + 1, later
    before = [f for f in fields[:at] if title_like(f) and not CUE.search(f)]
    groups: list[tuple[list[list[str]], str, list[str]]] = [(columns, leftover, [])]
    for f in fields[at + 1 :]:
        more, rest = _split_names(f, strict=True)
        if more and not rest:
            groups.append((more, "", []))
        else:
            groups[-1][2].append(f)
    out: list[list[Person]] = []
    for k, (cols, left, extra) in enumerate(groups):
        per_column: list[str] = []
        if left and len(cols) > 1:
            per_column = _split_orgs(left)  # "SBS International Blackfella Films"
            if len(per_column) != len(cols):
                per_column = []
            left = ""
        left = _trim_connectors(left)
        described = [left, *extra] if left else extra
        role, org = _role_org(described) if described else (None, None)
        if k == 0 and org is None and before:
            org = ", ".join(before)
        if k == 0 and role is None:
            role = title
        for c, col in enumerate(cols):
            out.append([(name, role, per_column[c] if per_column else org) for name in col])
    return out


def _leading_title(field: str) -> tuple[str | None, str]:
    """Split a job title off the front of a field: "Senior Publicist Jane Doe" ->
    ("Senior Publicist", "Jane Doe"); (None, field) when it does not start with one."""
    words = field.split()
    k = 0
    while k < min(len(words) - 2, 5) and (
        words[k].casefold() in _ROLE_WORDS or (k and words[k].casefold() in ("of", "and", "&"))
    ):
        k += 1
    if k == 0 or not is_title(" ".join(words[:k])):
        return None, field
    return " ".join(words[:k]), " ".join(words[k:])


def _trim_connectors(chunk: str) -> str:
    """Drop joining words around a chunk ("contact Rob Smith on" -> "Rob Smith")."""
    words = chunk.split()
    while words and words[-1].casefold().strip(":.,") in _CONNECTORS:
        words.pop()
    while words and words[0].casefold().strip(":.,") in _CONNECTORS:
        words.pop(0)
    return " ".join(words)


def describe(
    role: str | None, organisation: str | None, chunk: str
) -> tuple[str | None, str | None]:
    """A line printed under a name fills in its role, then its organisation."""
    if not title_like(chunk) or organisation is not None:
        return role, organisation
    fields = [f.strip(STRIP) for f in _FIELD_SPLIT.split(chunk) if f.strip(STRIP)]
    if not fields:
        return role, organisation
    if role is None:
        return _role_org(fields)
    return role, ", ".join(fields)


def _role_org(fields: list[str]) -> tuple[str | None, str | None]:
    """Role and organisation from the fields printed after a name, kept as printed."""
    if len(fields) == 1:
        title, at, place = fields[0].partition(" at ")
        if at and is_title(title) and place[:1].isupper():
            return title, place  # "Head of Publicity at Foxtel"
        words = fields[0].split()
        if len(words) > 1 and _ACRONYM.fullmatch(words[-1]) and not _ACRONYM.fullmatch(words[0]):
            return " ".join(words[:-1]), words[-1]  # "Bainisteoir Cumarsáide TG4"
        if len(words) > 1 and _ACRONYM.fullmatch(words[0]) and is_title(" ".join(words[1:])):
            return " ".join(words[1:]), words[0]  # "TVNZ Publicist"
        if is_title(fields[0]):
            return fields[0], None
        return None, fields[0]
    first, second = fields[0], fields[1]
    if not is_title(first) and is_title(second):
        return second, ", ".join([first, *fields[2:]])
    role = [first]
    k = 1
    # "Director, Communications | PBS": a role printed with a comma in it.
    while k < len(fields) - 1 and _has_word(fields[k], _ROLE_WORDS) and not _looks_like_org(
        fields[k]
    ):
        role.append(fields[k])
        k += 1
    return ", ".join(role), ", ".join(fields[k:])


def is_title(s: str) -> bool:
    """A job title: names a title word and does not end like an organisation ("Press Office")."""
    words = [w.strip(".,").casefold() for w in s.split()]
    return bool(words) and words[-1] not in _ORG_WORDS and any(w in _TITLE_WORDS for w in words)


def _looks_like_org(s: str) -> bool:
    words = s.split()
    return any(_ACRONYM.fullmatch(w) for w in words) and not any(
        w.casefold() in _ROLE_WORDS - {"media", "press", "publicity", "communications", "pr"}
        for w in words
    )


def _has_word(s: str, words: frozenset[str]) -> bool:
    return any(w.strip(".,").casefold() in words for w in s.split())


def title_like(s: str) -> bool:
    """A short line in title case: a role or an organisation rather than a sentence."""
    words = s.split()
    return (
        0 < len(words) <= 8
        and s[:1].isupper()
        and ". " not in s
        and sum(1 for w in words if w[:1].islower()) <= len(words) // 2
    )


def organisation_like(s: str) -> bool:
    """A short title-case line that names an organisation ("BBC Press Office", "ABC TV")."""
    words = s.split()
    return (
        title_like(s)
        and len(words) <= 6
        and ":" not in s
        and any(_ACRONYM.fullmatch(w) or w.casefold() in _ORG_WORDS | _ROLE_WORDS for w in words)
    )


def _split_orgs(s: str) -> list[str]:
    out: list[str] = []
    cur: list[str] = []
    for w in s.split():
        cur.append(w)
        if w.casefold() in _ORG_END_WORDS:
            out.append(" ".join(cur))
            cur = []
    if cur:
        out.append(" ".join(cur))
    return out


def _split_names(s: str, *, strict: bool = False) -> tuple[list[list[str]], str]:
    """People's names at the start of ``s``, by column, and the text left after them.

    "Lara Von Ahlefeldt Darren Dale & Jacob Hickey SBS International" ->
    ([["Lara Von Ahlefeldt"], ["Darren Dale", "Jacob Hickey"]], "SBS International").
    A chunk printed in capitals ("SARAH LEE") is read in title case and returned as printed.
    Unless ``strict``, two to four name-like words are one name even when the first is not a
    known given name ("Thando Ngubane").
    """
    tokens = s.split()
    while tokens and tokens[0].rstrip(".").casefold() in _HONORIFICS:
        tokens = tokens[1:]  # "Ms Jane Doe" is Jane Doe
    if not tokens or len(tokens) > 40:
        return [], s
    probe = [t.title() for t in tokens] if s.isupper() else tokens
    given = given_names()
    columns: list[list[str]] = []
    cur: list[int] = []  # token indices of the name being read
    joined = False
    stop = len(tokens)

    def complete(name: list[int]) -> bool:
        if not 2 <= len(name) <= 5:
            return False
        last = probe[name[-1]]
        return last not in _PARTICLES and not _INITIAL.fullmatch(last)

    def flush() -> None:
        nonlocal cur, joined
        name = " ".join(tokens[i] for i in cur)
        if joined and columns:
            columns[-1].append(name)
        else:
            columns.append([name])
        cur = []
        joined = False

    amp = -1
    for k, tok in enumerate(probe):
        if tok in ("&", "And", "and", "+") and complete(cur):
            flush()
            joined = True
            amp = k
            continue
        if _is_given(tok, given) and (not cur or complete(cur)):
            if cur:
                flush()
            cur = [k]
            continue
        if cur and len(cur) < 5 and _surname_token(tok):
            cur.append(k)
            continue
        stop = k
        break
    if complete(cur):
        flush()
    elif cur:  # an incomplete name ("Jane" alone) is not read as one
        stop = amp if joined else cur[0]
    elif joined:  # "&" with no name after it
        stop = amp
    if not columns and not strict:
        # "Thando Ngubane Sarah Jarvis": an unknown given name, then known ones.
        for k in range(2, min(4, len(probe) - 1)):
            if _is_given(probe[k], given) and _single_name(probe[:k]):
                more, rest = _split_names(" ".join(tokens[k:]), strict=True)
                if more:
                    return [[" ".join(tokens[:k])], *more], rest
        if _single_name(probe):
            return [[" ".join(tokens)]], ""
    if not columns:
        return [], s
    return columns, " ".join(tokens[stop:])


def _is_given(tok: str, given: frozenset[str]) -> bool:
    word = tok.title() if tok.isupper() and len(tok) > 1 else tok
    return word in given and word.casefold() not in _NOT_NAME_WORDS


def _surname_token(tok: str) -> bool:
    if tok in _PARTICLES:
        return True
    if tok.rstrip(".").isupper() and len(tok.rstrip(".")) > 1:
        return False
    if not (tok[:1].isupper() and _NAME_TOKEN.fullmatch(tok)):
        return bool(_INITIAL.fullmatch(tok))
    low = tok.casefold().rstrip(".")
    return low not in _NOT_NAME_WORDS and low not in _ROLE_WORDS and low not in _ORG_WORDS


def _single_name(tokens: list[str]) -> bool:
    """Two to four name-like words ("Peri Wilson") even if the given name is not in the list."""
    return (
        2 <= len(tokens) <= 4
        and tokens[0] not in _PARTICLES
        and not _INITIAL.fullmatch(tokens[0])
        and all(_surname_token(t) for t in tokens)
        and tokens[-1] not in _PARTICLES
    )
