"""Media contacts: who a journalist should call about a release.

:func:`find_contacts` reads the plain text of a whole document and returns one
:class:`~schedules.model.Contact` per person (or per general press-office address).

How it reads a document
-----------------------
1. **Blocks** (:mod:`schedules.extract.contact_blocks`). A block starts at a header ("Media
   contact:", "For further information contact:", "Publicity:", "RSVP:", "Teagmháil do na
   Meáin:") or at a line with a labelled phone or a cued e-mail, and runs while the lines look
   like contact details. People quoted in the story are never read: names come from blocks only.
2. **Pieces.** Each block line is cut into details (e-mails, phone runs, labels, links) and the
   text between them. Text that starts with a person's name opens a contact; the comma / pipe /
   " - " fields after the name are its role and organisation ("Bainisteoir Cumarsáide TG4" ends in
   the organisation token "TG4"); see :mod:`schedules.extract.contact_names`. Details go to the
   contact(s) opened last, except on a line that opens with a label naming no one ("Picture
   desk: pictures@itv.com", "For images: ..."): that is the office's own address, a contact of
   its own (organisation: what the label line names, "Pictures: ITV Picture Desk, ...").
3. **Columns.** PDF text flattened from two columns prints several names in a row ("Deb Falk
   Sarah Jarvis 973.233.8862 (o)/732.768.6077 (c) 212.560.3005"). Names are split where a known
   given name (``data/given_names.txt``) follows a complete name; names joined by "&" share a
   column. Phones joined by "/" or "or" form one group; when there are as many groups (or e-mails)
   as columns they are dealt out in order, otherwise they all go to the first column.
4. **Phones** are digit runs inside blocks, split into numbers that ``phonenumbers`` says are
   valid for the country's region (or international with "+"), and written in E.164
   (:mod:`schedules.extract.contact_phones`). Dates, times, years, postcodes and timecodes are
   never valid numbers; fax numbers ("Fax:", "F:", "(f)") are dropped.
5. Contacts with the same name, or a shared e-mail when one of them has no name, are merged
   (two named publicists may print one office address); a nameless contact whose details all
   belong to someone else is dropped, and so is anyone read from a labelled line (no header)
   who comes without a phone or e-mail.

Costs: candidate lines are found with ``str.find`` and every pattern is annotated with why it
is linear; at most ``MAX_BLOCKS`` blocks of bounded size are read, so ``phonenumbers`` only ever
sees short strings, at most ``MAX_PHONE_PARSES`` times per document. 1 MB of hostile text takes
well under a second (tests/test_contacts.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from schedules.extract.contact_blocks import DETAIL, Block, any_details, blocks
from schedules.extract.contact_names import (
    STRIP,
    describe,
    is_title,
    organisation_like,
    people,
)
from schedules.extract.contact_phones import PhoneReader
from schedules.model import Contact, Evidence, Span
from schedules.zones import Country

__all__ = ["find_contacts"]

# Fax labels and "(o)"-style annotations; both run on one label or a short gap: cheap.
_FAX = re.compile(r"(?i:\bfax\b|\(f\))|(?<![\w])F\.?[ \t]*:")
_ANNOTATION = re.compile(r"\([a-z]{1,6}\)")
_DIGITS = re.compile(r"\d")
_DETAIL_LABELS = frozenset(
    ["tel", "telephone", "ph", "phone", "mob", "mobile", "cell", "cellphone", "fax", "email",
     "e-mail", "mail", "direct", "ddi", "web", "website", "t", "m", "e", "f", "p", "w"]
)


# ---------------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------------


def find_contacts(text: str, *, country: Country) -> list[Contact]:
    """The media contacts printed in ``text`` (a whole document, lines separated by ``\\n``).

    Phones are E.164 strings read with ``country.phone_region`` as the default region; e-mails
    are lower-cased; each contact's ``evidence`` covers the block it was read from.
    """
    reader = PhoneReader(country.phone_region)
    drafts: list[_Draft] = []
    for block in blocks(text):
        drafts.extend(_read_block(text, block, reader=reader))
    return _finish(drafts)


# ---------------------------------------------------------------------------------------------
# Blocks
# ---------------------------------------------------------------------------------------------


# ---------------------------------------------------------------------------------------------
# Reading a block
# ---------------------------------------------------------------------------------------------


@dataclass
class _Draft:
    name: str | None
    role: str | None = None
    organisation: str | None = None
    phones: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    evidence: Evidence | None = None

    def add(self, phones: list[str], emails: list[str]) -> None:
        self.phones.extend(p for p in phones if p not in self.phones)
        self.emails.extend(e for e in emails if e not in self.emails)


@dataclass
class _Phone:
    number: str
    group: int


def _read_block(text: str, block: Block, *, reader: PhoneReader) -> list[_Draft]:
    drafts: list[_Draft] = []
    columns: list[list[_Draft]] = []
    describing = False  # the current contact may still take a role / organisation line
    seen_phones: set[str] = set()
    pending_org: str | None = None
    evidence = Evidence(Span(block.start, block.end), text[block.start : block.end])
    for n, (s, e) in enumerate(block.segments):
        segment = text[s:e]
        found = list(DETAIL.finditer(segment))  # one scan for the test below and the pieces
        # A lone line deep in a block names someone only if its first word is a known given name.
        strict = n > 0 and not any_details(found)
        for k, piece in enumerate(_pieces(segment, found, reader=reader)):
            if isinstance(piece, str):
                named = people(piece, strict=strict)
                if named is None and k == 0 and n > 0 and _office_label(segment, piece):
                    # "Picture desk: pictures@itv.com" under a person: the office's own address
                    _, colon, after = piece.partition(":")
                    office = after.strip(STRIP) if colon else ""
                    columns, describing = [], False
                    pending_org = office or (piece if organisation_like(piece) else None)
                    continue
                if named is not None:
                    # Stacked headers name the columns ("Distributor Contact: Press Contact:");
                    # when there are more headers than columns the last ones do.
                    headers = block.headers[-len(named) :] if n == 0 and len(named) > 1 else []
                    columns = [
                        [
                            _Draft(
                                name,
                                role or (headers[k] if len(headers) == len(named) else None),
                                org,
                                evidence=evidence,
                            )
                            for name, role, org in col
                        ]
                        for k, col in enumerate(named)
                    ]
                    drafts.extend(d for col in columns for d in col)
                    describing = True
                    if pending_org is not None and len(columns) == 1:
                        # "Publicity Manager" / "BBC Press Office" printed above the name
                        for d in columns[0]:
                            if is_title(pending_org):
                                d.role = d.role or pending_org
                            else:
                                d.organisation = d.organisation or pending_org
                    pending_org = None
                elif describing and len(columns) == 1 and len(columns[0]) == 1:
                    d = columns[0][0]
                    d.role, d.organisation = describe(d.role, d.organisation, piece)
                elif not columns and pending_org is None and organisation_like(piece):
                    pending_org = piece
                continue
            phones = [p for p in piece if isinstance(p, _Phone)]
            if len(columns) > 1:  # a number printed again under columns was dealt already
                phones = [p for p in phones if p.number not in seen_phones]
            emails = [x for x in piece if isinstance(x, str)]
            if not phones and not emails:
                continue
            seen_phones.update(p.number for p in phones)
            if not columns:
                nameless = _Draft(None, organisation=pending_org, evidence=evidence)
                drafts.append(nameless)
                columns = [[nameless]]
            _deal(columns, phones, emails)
            describing = False
    if not block.headers:  # a labelled line: only people who come with details
        drafts = [d for d in drafts if d.phones or d.emails]
    return drafts


_Details = tuple[str | _Phone, ...]


def _office_label(segment: str, piece: str) -> bool:
    """Whether a line opens with a label that names no one ("Picture desk:", "For images:",
    "Pictures: ITV Picture Desk,"): what follows is a general address, not the last person's."""
    head = segment.lstrip(STRIP)
    label, colon, _ = head.partition(":")
    label = label.strip()
    return (
        bool(colon)
        and piece.startswith(label)
        and len(label.split()) <= 4
        and label.casefold().rstrip(".") not in _DETAIL_LABELS  # "tel: 020 ..." in lower case
    )


def _pieces(
    segment: str, found: list[re.Match[str]], *, reader: PhoneReader
) -> Iterator[str | _Details]:
    """The segment as text chunks (str) and details (tuples of phones and e-mails), from the
    DETAIL matches ``found`` in it.

    Details between two text chunks come out as one piece, so that phones printed in a row can
    be dealt to the names printed before them.
    """
    pos = 0
    group = 0
    last_phone_end = -1
    fax = False  # the numbers read next are fax numbers ("Fax: ...")
    details: list[str | _Phone] = []
    for m in found:
        kind = m.lastgroup
        value = m.group()
        if kind == "phone" and len(_DIGITS.findall(value)) < 7:
            continue  # short numbers ("2021", "8.30") are text
        gap = segment[pos : m.start()]
        words = _ANNOTATION.sub(" ", gap).strip(STRIP)
        if words and words.casefold() not in ("or", "and"):
            if details:
                yield tuple(details)
                details = []
            yield gap.strip(STRIP)
            fax = False
        pos = m.end()
        after_number = last_phone_end >= 0 and not segment[last_phone_end : m.start()].strip()
        if kind == "label":
            if _FAX.search(value):
                if after_number and _ANNOTATION.fullmatch(value):
                    details = _drop_last_phone(details)  # "02 9999 0000 (f)"
                else:
                    fax = True
            elif not _ANNOTATION.fullmatch(value):
                fax = False
            continue
        if kind == "email":
            fax = False
            email = value.rstrip(".-").lower()
            if "." in email.rsplit("@", 1)[1]:
                details.append(email)
            continue
        if kind != "phone":
            continue
        # Numbers joined by "/" or "or" belong together (one person's office/mobile); any
        # other number starts a new group, so columns can be dealt their own numbers.
        joined = False
        if last_phone_end >= 0:
            sep = _ANNOTATION.sub(" ", segment[last_phone_end : m.start()]).strip()
            joined = sep in ("/", "or", ",", "&")
        last_phone_end = m.end()
        if fax:
            continue
        for k, number in enumerate(reader.numbers(value)):
            if not (k == 0 and joined):
                group += 1
            details.append(_Phone(number, group))
    tail = segment[pos:]
    if details:
        yield tuple(details)
    if tail.strip(STRIP):
        yield tail.strip(STRIP)


def _drop_last_phone(details: list[str | _Phone]) -> list[str | _Phone]:
    """Drop the phone group printed last (it was marked as a fax after the fact)."""
    groups = [d.group for d in details if isinstance(d, _Phone)]
    if not groups:
        return details
    return [d for d in details if not (isinstance(d, _Phone) and d.group == groups[-1])]


def _deal(columns: list[list[_Draft]], phones: list[_Phone], emails: list[str]) -> None:
    """Give details to the current contacts: column by column when the counts agree."""
    groups: list[list[str]] = []
    last: int | None = None
    for p in phones:
        if p.group != last:
            groups.append([])
            last = p.group
        groups[-1].append(p.number)
    if len(columns) > 1 and len(groups) == len(columns):
        for col, numbers in zip(columns, groups, strict=True):
            for d in col:
                d.add(numbers, [])
    else:
        for d in columns[0]:
            d.add([n for g in groups for n in g], [])
    if len(columns) > 1 and len(emails) == len(columns):
        for col, email in zip(columns, emails, strict=True):
            for d in col:
                d.add([], [email])
    else:
        for d in columns[0]:
            d.add([], emails)


# ---------------------------------------------------------------------------------------------
# Names, roles, organisations
# ---------------------------------------------------------------------------------------------


# ---------------------------------------------------------------------------------------------
# Merging
# ---------------------------------------------------------------------------------------------


def _name_key(name: str) -> str:
    return "".join(ch for ch in name.casefold() if ch.isalnum())


def _same(a: _Draft, b: _Draft, keys: dict[str, str]) -> bool:
    """The same contact: the same name, or a shared e-mail unless both name different people
    (two publicists may print one office address). ``keys`` holds each name's _name_key (every
    draft is compared with every contact merged so far)."""
    if a.name is not None and b.name is not None:
        for name in (a.name, b.name):
            if name not in keys:
                keys[name] = _name_key(name)
        return keys[a.name] == keys[b.name]
    return bool(set(a.emails) & set(b.emails))


def _finish(drafts: list[_Draft]) -> list[Contact]:
    merged: list[_Draft] = []
    keys: dict[str, str] = {}
    for d in drafts:
        target = next((m for m in merged if _same(m, d, keys)), None)
        if target is None:
            merged.append(d)
            continue
        if target.name is None and d.name is not None:
            target.name, target.evidence = d.name, d.evidence  # the block that names them
        target.role = target.role or d.role
        target.organisation = target.organisation or d.organisation
        target.add(d.phones, d.emails)
    out: list[Contact] = []
    for d in merged:
        if d.name is None:
            others = [m for m in merged if m is not d and m.name is not None]
            known = {x for m in others for x in (*m.phones, *m.emails)}
            if not d.phones and not d.emails:
                continue
            if set(d.phones) | set(d.emails) <= known:
                continue
        out.append(
            Contact(
                name=d.name,
                role=d.role,
                organisation=d.organisation,
                phones=tuple(d.phones),
                emails=tuple(d.emails),
                evidence=d.evidence,
            )
        )
    return out
