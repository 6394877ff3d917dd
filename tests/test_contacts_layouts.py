"""Media contacts in layouts that once went wrong: each case is an invented release cut to the
layout, with the reason it is read the way it is."""

from __future__ import annotations

import pytest

from schedules.extract.contacts import find_contacts
from schedules.model import Contact
from schedules.zones import country

# (name, role, organisation, phones, emails)
Row = tuple[str | None, str | None, str | None, tuple[str, ...], tuple[str, ...]]


def rows(contacts: list[Contact]) -> list[Row]:
    return [(c.name, c.role, c.organisation, c.phones, c.emails) for c in contacts]


CASES: list[tuple[str, str, str, list[Row]]] = [
    # (reason, country, text, expected)
    (
        "a UK mobile in Ofcom's drama range is printed as a number and read as one",
        "GB",
        "Press contact:\nMorwenna Pike, Factual Publicity, ITV\n"
        "morwenna.pike@itv.com / 07700 900317",
        [("Morwenna Pike", "Factual Publicity", "ITV", ("+447700900317",),
          ("morwenna.pike@itv.com",))],
    ),
]


@pytest.mark.parametrize(("reason", "code", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_reads_layout(reason: str, code: str, text: str, expected: list[Row]) -> None:
    assert rows(find_contacts(text, country=country(code))) == expected
