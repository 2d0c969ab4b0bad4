"""ModernGov HTML pages → documents: meeting pages, agenda item pages, encodings, residue."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from indexer.model import Document
from indexer.parse import parse_bytes, parse_file

DATA = Path(__file__).parent / "data" / "parse"


@pytest.fixture(scope="module")
def meeting() -> Document:
    return parse_file(DATA / "moderngov_meeting.html")


@pytest.fixture(scope="module")
def item_page() -> Document:
    return parse_file(DATA / "moderngov_item.html")


def test_meeting_page_metadata(meeting: Document) -> None:
    assert meeting.kind == "meeting"
    assert meeting.meeting.committee == "Police and Crime Panel"
    assert meeting.meeting.date == dt.date(2018, 1, 26)
    assert meeting.meeting.url == "https://democracy.example.gov.uk/ieListDocuments.aspx?CId=185&MId=361&Ver=4"


def test_meeting_page_items(meeting: Document) -> None:
    assert [(i.number, i.title, i.procedural, i.url) for i in meeting.items] == [
        ("54", "Apologies for Absence", True, None),
        ("55", "Minutes of the Previous Meeting", True, "documents/s1234/Minutes.pdf"),
        ("56", "Police and Crime Commissioner - Police and Crime Plan Delivery", False, "mgAi.aspx?ID=2619"),
    ]


@pytest.mark.parametrize(
    ("index", "expected"),
    [
        (
            0,
            [
                ("procedural", None, None, "Apologies were received from Councillor Kay Carver."),
                ("procedural", None, None, "Councillor Jo Penhale joined the meeting at 10.15am."),
            ],
        ),
        (
            1,
            [
                ("summary", None, None, "To approve the minutes of the last meeting."),
                (
                    "resolution",
                    None,
                    None,
                    "The Minutes of the 13 October 2017 meeting were approved as a correct record and signed by the Chairman.",
                ),
            ],
        ),
        (
            2,
            [
                (
                    "summary",
                    None,
                    None,
                    "To receive a quarterly update from the Police and Crime Commissioner detailing delivery against his Police and Crime Plan.",
                ),
                (
                    "presentation",
                    "commissioner",
                    "Rufus Tamm",
                    "Members received a verbal presentation from the Commissioner, Rufus Tamm, setting out an update on delivery against the Police and Crime Plan.",
                ),
                ("presentation", "commissioner", "Rufus Tamm", "Recruitment of 200 additional officers was on track."),
                ("presentation", "commissioner", "Rufus Tamm", 'The "Safer Together" campaign had reached 60 schools.'),
                ("questions", "councillor", "Ferris", "Cllr Ferris asked about rural crime."),
                (
                    "questions",
                    "chief_constable",
                    None,
                    "The Chief Constable explained that a new rural crime organisation had been formed.",
                ),
                ("resolution", None, None, "That the update be noted."),
                ("resolution", None, None, "That a further report be brought to the June meeting."),
            ],
        ),
    ],
)
def test_meeting_page_passages(meeting: Document, index: int, expected: list[tuple]) -> None:
    got = [(p.section, p.speaker_role, p.speaker_name, p.text) for p in meeting.items[index].passages]
    assert got == expected


def test_meeting_page_resolutions(meeting: Document) -> None:
    assert [i.resolutions for i in meeting.items] == [
        (),
        ("The Minutes of the 13 October 2017 meeting were approved as a correct record and signed by the Chairman.",),
        ("1. That the update be noted. 2. That a further report be brought to the June meeting.",),
    ]


def test_link_residue_never_becomes_a_passage(meeting: Document) -> None:
    texts = [p.text for i in meeting.items for p in i.passages]
    assert not [t for t in texts if "PDF" in t or "Additional documents" in t or "Printed minutes" in t]


def test_item_page(item_page: Document) -> None:
    assert item_page.kind == "agenda_item"
    assert item_page.meeting.committee == "Marchshire Police and Crime Panel"
    assert item_page.meeting.date == dt.date(2022, 11, 21)
    [item] = item_page.items
    assert (item.number, item.title, item.resolutions) == ("81", "Violence Reduction - Update", ("That the update be noted.",))
    assert [(p.section, p.speaker_role, p.speaker_name, p.text) for p in item.passages] == [
        (
            "summary",
            None,
            None,
            "To receive an update from the Commissioner's office on violence reduction, including the £3.5m grant.",
        ),
        (
            "discussion",
            "commissioner",
            None,
            "The Commissioner explained that the Safer Streets Fund had been created to help partners pool their budgets.",
        ),
        ("questions", "councillor", "Ferris", "Cllr Ferris asked about the effect of closing two youth centres."),
        ("questions", "commissioner", None, "The Commissioner agreed that the police alone could not prevent knife crime."),
        ("presentation", "council_officer", "Paolo Ventresca", "Mr Paolo Ventresca (Panel Clerk) presented the work programme."),
        ("resolution", None, None, "That the update be noted."),
    ]


def test_item_page_is_cp1252_encoded() -> None:
    raw = (DATA / "moderngov_item.html").read_bytes()
    assert b"\x92" in raw and b"\xa3" in raw  # the fixture really is Windows-1252


@pytest.mark.parametrize(
    ("html", "title", "texts"),
    [
        # No ModernGov classes at all: flattened like a crawler would, then laid out as text.
        (
            b"<html><body><h1>Agenda item</h1><p>Budget Monitoring</p><p>Minutes:</p>"
            b"<p>The Panel noted the report.</p></body></html>",
            "Budget Monitoring",
            ["The Panel noted the report."],
        ),
        # Truncated mid-tag: still parsed, never an exception.
        (
            b"<html><body><h1 class='mgMainTitleTxt'>Agenda item</h1><h2 class='mgSubTitleTxt'>Precept</h2>"
            b"<div class='mgWordPara'><p>The Commissioner explained the proposal",
            "Precept",
            ["The Commissioner explained the proposal"],
        ),
    ],
)
def test_other_html(html: bytes, title: str, texts: list[str]) -> None:
    doc = parse_bytes(html, "page.html")
    assert [i.title for i in doc.items] == [title]
    assert [p.text for p in doc.items[0].passages] == texts


def test_printed_minutes_html_with_ai_markers() -> None:
    html = (
        b"<html><body><p>Northmoor Police, Fire and Crime Panel</p>"
        b"<p>Minutes of the meeting held at Shire Hall, Eastwick on Monday, 14 July 2025, commencing at 2.00 pm.</p>"
        b"<p>Councillor Petra Wilding in the Chair.</p>"
        b"<AI1><p>88</p><p>Election of Panel Chair</p><p>Resolved</p>"
        b"<p>That Councillor Petra Wilding be appointed Chair for the municipal year 2025/26.</p></AI1>"
        b"<AI2><p>89</p><p>Apologies for absence</p><p>The Chair welcomed everyone to the meeting.</p></AI2>"
        b"</body></html>"
    )
    doc = parse_bytes(html, "printed.html")
    assert doc.kind == "printed_minutes"
    assert (doc.meeting.committee, doc.meeting.date) == ("Northmoor Police, Fire and Crime Panel", dt.date(2025, 7, 14))
    assert [(i.number, i.title) for i in doc.items if i.title] == [("88", "Election of Panel Chair"), ("89", "Apologies for absence")]
    assert doc.items[-2].resolutions == ("That Councillor Petra Wilding be appointed Chair for the municipal year 2025/26.",)
    last = doc.items[-1].passages[0]
    assert (last.speaker_role, last.speaker_name) == ("chair", "Petra Wilding")


def test_issue_history_page() -> None:
    doc = parse_file(DATA / "moderngov_issue.html")
    assert (doc.kind, doc.meeting.committee, doc.meeting.date) == ("issue_history", None, None)
    assert [(i.number, i.title, i.meeting.committee, i.meeting.date) for i in doc.items] == [
        ("11", "Establishment of the Westshire Police and Crime Panel", "Council", dt.date(2012, 9, 10)),
        ("14", "Establishment of the Westshire Police and Crime Panel (LDS4)", "Executive", dt.date(2012, 8, 28)),
    ]
    assert doc.items[0].resolutions == (
        "(1) That the setting up of a Police and Crime Panel be approved. "
        "(2) That the Monitoring Officer make the necessary amendments to the Constitution.",
    )
    assert [(p.section, p.speaker_role, p.text) for p in doc.items[0].passages] == [
        ("summary", None, "To consider a report of the Head of Legal and Governance Services."),
        ("discussion", "councillor", "The Leader of the Council submitted a report detailing proposals to establish a Police and Crime Panel."),
        ("resolution", None, "That the setting up of a Police and Crime Panel be approved."),
        ("resolution", None, "That the Monitoring Officer make the necessary amendments to the Constitution."),
    ]
    assert doc.items[1].resolutions == ("The Executive recommended that the Council adopt the arrangements.",)
    records_meetings = {(i.meeting.filled_from(doc.meeting).committee) for i in doc.items}
    assert records_meetings == {"Council", "Executive"}


def test_web_service_xml() -> None:
    doc = parse_file(DATA / "webservice_meeting.xml")
    assert (doc.kind, doc.meeting.committee, doc.meeting.date) == ("meeting", "Westshire Police and Crime Panel", dt.date(2018, 1, 26))
    assert [(i.number, i.title) for i in doc.items] == [("54", "Apologies for Absence"), ("55", "Police and Crime Commissioner's Update")]
    assert [(p.section, p.speaker_role, p.text) for p in doc.items[1].passages] == [
        ("summary", None, "To receive an update from the Commissioner."),
        ("discussion", "commissioner", "The Commissioner explained that recruitment was on track."),
        ("resolution", None, "That the update be noted."),
    ]


def test_item_page_title_repeated_as_a_report_link_is_not_a_passage() -> None:
    html = (
        '<html><body><div id="modgov"><h1 class="mgMainTitleTxt">Agenda item</h1>'
        '<h2 class="mgSubTitleTxt">Medium Term Financial Strategy</h2><div class="mgContent">'
        "<p>Meeting: 13/11/2023 - Cabinet (Item 67)</p>"
        '<p class="mgAiTitleTxt"><a href="documents/s1/MTFS.pdf">Medium Term Financial Strategy <img alt="pdf icon"> PDF 612 KB</a></p>'
        "<p>Report of the Cabinet Member for Finance.</p>"
        '<p class="mgSubItemTitleTxt">Minutes:</p><div class="mgWordPara"><p>RESOLVED - That the strategy be approved.</p></div>'
        "</div></div></body></html>"
    ).encode()
    [item] = parse_bytes(html, "item.html").items
    assert (item.number, item.title) == ("67", "Medium Term Financial Strategy")
    assert [p.text for p in item.passages] == ["Report of the Cabinet Member for Finance.", "That the strategy be approved."]
