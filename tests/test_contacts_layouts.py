"""Media contacts in layouts that once went wrong: each case is an invented release cut to the
layout, with the reason it is read the way it is."""

from __future__ import annotations

import pytest

from schedules.extract.contacts import find_contacts
from schedules.zones import country
from tests.test_contacts import Row, rows

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
    (
        "a bare 'Publicity' heading line (an HTML <h3>) with details under it heads a block",
        "AU",
        "Every episode streams after broadcast.\n\nPublicity\nRowan Ashe\n"
        "Senior Publicist, Network 10\nrashe@network10.com.au\n0412 345 678",
        [("Rowan Ashe", "Senior Publicist", "Network 10", ("+61412345678",),
          ("rashe@network10.com.au",))],
    ),
    (
        "a 'For publicity, ... :' line ending in its colon heads a block",
        "AU",
        "ENDS\n\nFor publicity, interviews and images:\nDelia Crane | Head of Publicity, Stan\n"
        "delia.crane@stan.com.au | 0412 345 678",
        [("Delia Crane", "Head of Publicity", "Stan", ("+61412345678",),
          ("delia.crane@stan.com.au",))],
    ),
    (
        "'For more information, images or interviews, contact:' heads a block",
        "NZ",
        "The series streams on TVNZ+.\n\nFor more information, images or interviews, contact:\n"
        "Aroha Tane\nSenior Publicist, TVNZ\naroha.tane@tvnz.co.nz\n021 555 0193",
        [("Aroha Tane", "Senior Publicist", "TVNZ", ("+64215550193",),
          ("aroha.tane@tvnz.co.nz",))],
    ),
    (
        "a bilingual header 'Eolas / Information:' heads a block",
        "IE",
        "Eolas / Information:\nSiobhán Ní Riain, Press Officer, TG4\nsiobhan.niriain@tg4.ie\n"
        "087 555 0231",
        [("Siobhán Ní Riain", "Press Officer", "TG4", ("+353875550231",),
          ("siobhan.niriain@tg4.ie",))],
    ),
]


CASES += [
    (
        "a programme title with a colon before each contact is the line's label, not a cut point",
        "CA",
        "Media contacts\nThe Harbour Light and Prairie Table: Sylvie Tremblay, CBC Communications, "
        "sylvie.tremblay@cbc.ca, 416-555-0142\n"
        "Northern Songs: Sam Keeling, CBC Radio, sam.keeling@cbc.ca",
        [("Sylvie Tremblay", None, "CBC Communications", ("+14165550142",),
          ("sylvie.tremblay@cbc.ca",)),
         ("Sam Keeling", None, "CBC Radio", (), ("sam.keeling@cbc.ca",))],
    ),
    (
        "a title that looks like a name before ' - ' gives way to the name with a known given name",
        "GB",
        "Press contacts\nThe Saltmarsh Files - Lauren Vale, BBC Drama Publicity, "
        "lauren.vale@bbc.co.uk, 07946 012345",
        [("Lauren Vale", None, "BBC Drama Publicity", ("+447946012345",),
          ("lauren.vale@bbc.co.uk",))],
    ),
]

CASES += [
    (
        "a labelled office address under a person is its own contact, not the person's",
        "GB",
        "For press enquiries:\nBen Ashworth, Publicity Manager, Channel 5\n"
        "ben.ashworth@channel5.com | 07946 054 188\nFor images: picturedesk@channel5.com",
        [("Ben Ashworth", "Publicity Manager", "Channel 5", ("+447946054188",),
          ("ben.ashworth@channel5.com",)),
         (None, None, None, (), ("picturedesk@channel5.com",))],
    ),
    (
        "an office named after its label is the organisation of its address",
        "GB",
        "Press contact:\nCallum Reid, Drama Publicity, ITV\ncallum.reid@itv.com / 07700 900236\n"
        "Pictures: ITV Picture Desk, pictures@itv.com",
        [("Callum Reid", "Drama Publicity", "ITV", ("+447700900236",), ("callum.reid@itv.com",)),
         (None, None, "ITV Picture Desk", (), ("pictures@itv.com",))],
    ),
    (
        "a lower-case 'tel:' / 'email:' label is a detail label, not an office",
        "GB",
        "Contact\nSara Kemp, Senior Press Officer, Factual\ntel: 020 7946 0719\n"
        "email: skemp@channel4.co.uk",
        [("Sara Kemp", "Senior Press Officer", "Factual", ("+442079460719",),
          ("skemp@channel4.co.uk",))],
    ),
]

CASES += [
    (
        "a contact list in columns under a department line: each row is a contact",
        "US",
        "Network Entertainment Communications\n"
        "Dana Whitlock    310-555-0148    dana.whitlock@example.com\n"
        "Ravi Anand\t310-555-0191\travi.anand@example.com\n",
        [("Dana Whitlock", None, "Network Entertainment Communications", ("+13105550148",),
          ("dana.whitlock@example.com",)),
         ("Ravi Anand", None, None, ("+13105550191",), ("ravi.anand@example.com",))],
    ),
    (
        "a name and a dash before the e-mail is a contact row",
        "US",
        "Premium Cable Communications\nLena Moretti - lena.moretti@example.com\n",
        [("Lena Moretti", None, "Premium Cable Communications", (),
          ("lena.moretti@example.com",))],
    ),
]

NO_CONTACTS: list[tuple[str, str, str]] = [
    (
        "an e-mail in a sentence after a name is not a contact row",
        "US",
        "The show stars Dana Whitlock, who answers fan mail at fans@example.com each week.",
    ),
    (
        "a 'Publicity' line followed by prose is a heading of the story, not of contacts",
        "GB",
        "Publicity\nThe campaign for the series begins on Monday with posters across London and "
        "a trailer in cinemas; Jane Doe, the show's star, will appear on breakfast television.",
    ),
    (
        "a 'For more information:' line whose colon is followed by a link is not a contact block",
        "GB",
        "For more information, visit: www.bbc.co.uk/programmes\nJane Doe presents.",
    ),
]


@pytest.mark.parametrize(("reason", "code", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_reads_layout(reason: str, code: str, text: str, expected: list[Row]) -> None:
    assert rows(find_contacts(text, country=country(code))) == expected


@pytest.mark.parametrize(("reason", "code", "text"), NO_CONTACTS, ids=[c[0] for c in NO_CONTACTS])
def test_reads_no_contacts(reason: str, code: str, text: str) -> None:
    assert find_contacts(text, country=country(code)) == []
