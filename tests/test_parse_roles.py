"""Titles and names: which role a title names, and who holds it in a document."""

from __future__ import annotations

import pytest

from indexer.parse import parse_bytes
from indexer.parse.roles import build_cast, clean_name, is_public_item, title_role, valid_name


def test_build_cast() -> None:
    cast = build_cast(
        [
            "Councillors Petra Wilding in the Chair (Northmoor Council).",
            "The Wessex Police and Crime Panel scrutinises the decisions of the Wessex Police and Crime Commissioner, Martin Scorer.",
            "Verbal Update by Jonah Sleath, Overview and Scrutiny Officer.",
            "The Commissioner introduced Nina Calder from the OPCC who gave the background.",
            "Mr S Fennell, Chief Constable, Wessex Constabulary.",
        ]
    )
    assert cast.names == {
        "chair": "Petra Wilding",
        "commissioner": "Martin Scorer",
        "council_officer": "Jonah Sleath",
        "opcc_officer": "Nina Calder",
        "chief_constable": "S Fennell",
    }


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("Police and Crime Commissioner for Lancashire", "commissioner"),
        ("Devon and Cornwall Police and Crime Commissioner", "commissioner"),
        ("Chief Executive - Office of the PCC", "chief_executive"),
        ("Chief Finance Officer (OSPCC)", "opcc_officer"),
        ("the Commissioner's Chief Finance Officer", "opcc_officer"),
        ("the Commissioner's Chief Executive", "chief_executive"),
        ("Assistant Commissioner", "police_officer"),
        ("Panel Clerk", "council_officer"),
        ("objector", "public"),
        ("Chairman of the Select Committee", "councillor"),
        ("Independent Co-opted Member", "councillor"),
        ("Mayor", "chair"),
        ("East Hampshire District Council", None),
        ("Licensing Officer", "council_officer"),
        ("Chief Fire Officer", "other"),  # fire and rescue service staff, as the labels have them
        ("Director of Children's Services", "council_officer"),
        ("Police Licensing Officer", "police_officer"),
        ("Chief Finance Officer to the PCC", "opcc_officer"),
        ("the agent for the applicant", "public"),
        ("local residents", "public"),
        ("Convener", "chair"),
        ("ward member", "councillor"),
    ],
)
def test_title_role(title: str, role: str | None) -> None:
    assert title_role(title) == role


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Jo Penhale", True),
        ("K Osei", True),
        ("Lloyd-Jones", True),
        ("The Panel", False),
        ("Police and Crime", False),
        ("PCC", False),
        ("None", False),  # "None declared." under declarations of interest
        ("Nobody", False),
        ("Nil", False),
        ("Nonie Hale", True),
    ],
)
def test_valid_name(name: str, expected: bool) -> None:
    assert valid_name(name) is expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("Councillor Jo Penhale", "Jo Penhale"), ("Mr. Rufus Tamm,", "Rufus Tamm"), ("Cllrs  Elton", "Elton"), ("Colonel Ian Carrow", "Ian Carrow")],
)
def test_clean_name(raw: str, expected: str) -> None:
    assert clean_name(raw) == expected


def test_build_cast_reads_titles_not_their_last_words() -> None:
    cast = build_cast(
        [
            "The Director of Finance (Section 151 Officer) advised that reserves were adequate.",
            "The Panel reviewed the appointment by the Commissioner of Deputy Chief Constable Helen Ashworth as Chief Constable.",
            "Councillors Laidlaw (Convener), Bruce and Cairns.",
        ]
    )
    assert cast.names == {"police_officer": "Helen Ashworth", "chair": "Laidlaw"}


@pytest.mark.parametrize(
    ("title", "public"),
    [
        ("Questions from Members of the Public", True),
        ("Public Participation", True),
        ("Question from Mrs Bethan Howell", True),
        ("Question from Councillor Howell", False),
        ("Deputation - Parent Council Forum", True),
        ("22/01877/FUL - Land North of Mill Lane", True),
        ("P/2023/0456 Land at Station Road", True),
        ("Licensing Act 2003 - Application for a Premises Licence - The Lantern Bar", True),
        ("Police and Crime Plan Performance Report", False),
        ("Minutes of the meeting held on 07/03/2023", False),
        ("Declarations of Interest", False),
    ],
)
def test_is_public_item(title: str, public: bool) -> None:
    assert is_public_item(title) is public


def test_none_declared_is_nobody_speaking() -> None:
    text = (
        "Agenda and minutes\n\nHarrowdale Police and Crime Panel - Monday, 7th March, 2022 10.00 am\n\nItems\nNo. Item\n\n"
        "4.\n\nDeclarations of Interest\n\nMinutes:\n\nNone declared.\n\n5.\n\nPrecept\n\nMinutes:\n\n"
        "Councillor Ada Venn asked about the precept.\n"
    )
    doc = parse_bytes(text.encode(), "page.txt")
    assert [[(p.speaker_role, p.speaker_name) for p in i.passages] for i in doc.items] == [
        [(None, None)],
        [("councillor", "Ada Venn")],
    ]
