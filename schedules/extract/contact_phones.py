"""Phone numbers in contact blocks, read with ``phonenumbers`` and written in E.164.

A digit run ("02 8333 2263", "973.233.8862", "+612 9430 3240") is split on spaces into groups and
the longest prefix of groups that ``phonenumbers`` calls a valid number for the region (or an
international number with "+") is taken. Dates, times, years, postcodes and timecodes are never
valid numbers (but the UK ranges Ofcom keeps for drama, "07700 900481", which ``phonenumbers``
refuses, are read); a date-shaped run ("12.09.2018") is refused before parsing. Parsing costs
tens of microseconds, so a document gets a budget of parses, and a candidate printed again in the
same document (a press kit repeats its contact block) is parsed only once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import phonenumbers

__all__ = ["MAX_PHONE_PARSES", "MAX_RUN_GROUPS", "PhoneReader", "is_valid_number"]

MAX_RUN_GROUPS = 12
"""Space-separated groups of one digit run read as phone numbers."""
MAX_PHONE_PARSES = 200
"""Calls to phonenumbers.parse per document (0.1-0.2 ms each). A release needs a few dozen."""
_DIGITS = re.compile(r"\d")
_DATE_LIKE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}")


@dataclass
class PhoneReader:
    """Reads digit runs as phone numbers of one region, within a budget of parses.

    One reader serves one document: it remembers what each candidate string parsed to, and a
    repeated candidate still spends budget, so the numbers read never depend on the memo.
    """

    region: str
    budget: int = MAX_PHONE_PARSES
    _parsed: dict[str, str | None] = field(default_factory=dict, repr=False, compare=False)

    def numbers(self, run: str) -> list[str]:
        """Valid phone numbers in a digit run, in E.164 ("02 8333 2263" -> "+61283332263").

        The run is split on spaces into groups; the longest prefix of groups (at most six) that
        is a valid number is taken, then the rest is read the same way, so
        "02 9999 1234 0412 345 678" is two numbers. Only the first MAX_RUN_GROUPS are read.
        """
        run = run.strip(" .-(")
        if run.count("(") != run.count(")"):
            run = run.replace("(", " ").replace(")", " ")
        groups = run.split()[:MAX_RUN_GROUPS]
        out: list[str] = []
        i = 0
        while i < len(groups):
            for j in range(min(len(groups), i + 6), i, -1):
                number = self.valid(" ".join(groups[i:j]))
                if number is not None:
                    if number not in out:
                        out.append(number)
                    i = j
                    break
            else:
                i += 1
        return out

    def valid(self, candidate: str) -> str | None:
        """``candidate`` in E.164 if it is a valid number, else None (also once out of budget)."""
        digits = len(_DIGITS.findall(candidate))
        if not 7 <= digits <= 15 or _DATE_LIKE.fullmatch(candidate) or self.budget <= 0:
            return None
        self.budget -= 1
        if candidate in self._parsed:
            return self._parsed[candidate]
        number = self._parse(candidate)
        self._parsed[candidate] = number
        return number

    def _parse(self, candidate: str) -> str | None:
        """The ``phonenumbers`` verdict (parse + is_valid_number: about 60 µs a candidate)."""
        try:
            number = phonenumbers.parse(candidate, self.region)
        except phonenumbers.NumberParseException:
            return None
        if not is_valid_number(number) and not _reserved_for_drama(number):
            return None
        return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


# Ofcom keeps these UK ranges for use in drama and examples; ``phonenumbers`` calls them invalid
# (no real line is ever given one), but a press release that prints one means it as a number.
# (The other reserved ranges, "020 7946 0xxx" and the like, are valid numbers already.)
_DRAMA_RANGES = ((44, "7700900"), (44, "1632960"))
_DRAMA_LENGTH = 10  # national significant number: the prefix and three more digits


def _reserved_for_drama(number: phonenumbers.PhoneNumber) -> bool:
    """Whether ``number`` is in a range reserved for drama ("07700 900481")."""
    national = phonenumbers.national_significant_number(number)
    return len(national) == _DRAMA_LENGTH and any(
        number.country_code == code and national.startswith(prefix)
        for code, prefix in _DRAMA_RANGES
    )


def is_valid_number(number: phonenumbers.PhoneNumber) -> bool:
    """``phonenumbers.is_valid_number(number)``, without testing the number's type twice.

    ``is_valid_number`` first finds the number's region: for a calling code shared by several
    regions (61: AU, CC, CX; 44: GB, GG, IM, JE; 1: US, CA, ...) each region is tried in turn,
    by its leading digits when its metadata has them, otherwise by whether the number has a
    type there; then it asks ``is_valid_number_for_region`` of the region found, which tests the
    type again (about 50,000 instructions, a third of the check). Here a region without leading
    digits is tried with ``is_valid_number_for_region`` itself, and the first that accepts the
    number ends the search. (tests/test_contact_scanning.py checks both agree.)
    """
    code = number.country_code
    regions = phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(code) if code is not None else None
    if regions is None or len(regions) == 1:
        return bool(phonenumbers.is_valid_number(number))
    national = phonenumbers.national_significant_number(number)
    for region in regions:
        metadata = phonenumbers.PhoneMetadata.metadata_for_region(region.upper(), None)
        if metadata is None:
            continue
        if metadata.leading_digits is not None:
            if re.match(metadata.leading_digits, national):
                return bool(phonenumbers.is_valid_number_for_region(number, region))
        elif phonenumbers.is_valid_number_for_region(number, region):
            return True
    return False
