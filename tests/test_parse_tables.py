"""Flattened layouts: table rows "Title blurb Minutes: text |" and one-line printed agendas."""

from __future__ import annotations

import pytest

from indexer.parse import parse_bytes
from indexer.parse.tables import _pack_title, is_table_flattened
from indexer.parse.text import split_lines
from indexer.parse.titles import split_title_blurb

TABLE = """Agenda and draft minutes
Venue: Main Hall - Town Hall Annexe. View directions
Contact: Robert Harris - Committee Officer
No. | Item |
---|---|
Apologies for Absence Additional documents: Minutes: Apologies were received from Councillor M Tully. |
|
Code of Conduct - Declaration of Interests. Disclosable Interests Regulations 2012 Members must declare any interest. Minutes: No issues were raised. |
|
Notice of Motion 1. To record that this Council has lost confidence. 2. To elect a new Leader.
Additional documents: Minutes: Councillor Corrie addressed the Council and announced his resignation.
RESOLVED: That Councillor Cowdray be elected Leader. |
|
Public Participation To take questions put by members of the public. Up to 15 minutes is set aside.
Those wishing to ask a question should register by email.
CHANGE TO THE AGENDA The Panel agreed to change the order of business. |
Police and Crime Panel - Appointments Report PDF 110 KB To consider a report on membership. Minutes: Members received a report from the Democratic Services Officer.
RESOLVED:
· That the Panel notes its Membership. · That Councillor Grisewood is appointed to the Westshire Police and Crime Panel.
|
COM"""


def test_row_titles_that_read_as_sentences_and_rows_without_titles() -> None:
    text = (
        "No. | Item |\n---|---|\n"
        "To confirm as a correct record the minutes of the meeting held on 8 July 2022. Additional documents: Minutes: "
        "The minutes were approved as a true and accurate record. |\n|||||\n"
        "Additional documents:\nMinutes: The Commissioner presented the report to the Panel.\n|"
    )
    doc = parse_bytes(text.encode(), "rows.txt")
    assert [(i.title, len(i.resolutions)) for i in doc.items] == [
        ("To confirm as a correct record the minutes of the meeting held on 8 July 2022", 1),
        ("", 0),
    ]
    assert [(p.speaker_role, p.text) for p in doc.items[1].passages] == [
        ("commissioner", "The Commissioner presented the report to the Panel.")
    ]


def test_table_rows_become_items() -> None:
    doc = parse_bytes(TABLE.encode(), "table.txt")
    assert doc.kind == "meeting"
    assert [(i.number, i.title) for i in doc.items] == [
        (None, "Apologies for Absence"),
        (None, "Code of Conduct - Declaration of Interests. Disclosable Interests Regulations 2012"),
        (None, "Notice of Motion"),
        (None, "Public Participation"),
        (None, "Police and Crime Panel - Appointments Report"),
    ]
    assert [len(i.resolutions) for i in doc.items] == [0, 0, 1, 1, 1]
    assert doc.items[4].resolutions == (
        "That the Panel notes its Membership. That Councillor Grisewood is appointed to the Westshire Police and Crime Panel.",
    )
    assert [(p.section, p.text) for p in doc.items[2].passages] == [
        ("summary", "To record that this Council has lost confidence."),
        ("summary", "To elect a new Leader."),
        ("discussion", "Councillor Corrie addressed the Council and announced his resignation."),
        ("resolution", "That Councillor Cowdray be elected Leader."),
    ]
    # a heading inside a row is not an item, but its agreement is the row's decision
    assert [(p.section, p.text) for p in doc.items[3].passages][-2:] == [
        ("discussion", "CHANGE TO THE AGENDA"),
        ("resolution", "The Panel agreed to change the order of business."),
    ]
    assert doc.meeting.committee == "Council"  # "addressed the Council" names the body meeting


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Apologies |\n|\nDeclarations |", True),
        ("No. | Item |\n---|---|\nApologies", True),
        ("APOLOGIES Minutes: None.\nDECLARATIONS OF INTEREST Minutes: There were none.", True),
        ("Agenda item\n\nTitle\n\nMinutes:\n\nText.", False),
        ("One | two\nthree", False),
    ],
)
def test_is_table_flattened(text: str, expected: bool) -> None:
    assert is_table_flattened(split_lines(text)) is expected


@pytest.mark.parametrize(
    ("run", "expected"),
    [
        ("Public Participation To receive questions", ("Public Participation", "To receive questions")),
        ("Apologies Members are reminded that", ("Apologies", "Members are reminded that")),
        ("Replies of the Executive to Reports of Overview and Scrutiny The Committee to receive replies",
         ("Replies of the Executive to Reports of Overview and Scrutiny", "The Committee to receive replies")),
        ("The Police and Crime Plan 2021-25 The Police and Crime Commissioner, Anwen Snell, will present the Plan",
         ("The Police and Crime Plan 2021-25", "The Police and Crime Commissioner, Anwen Snell, will present the Plan")),
        ("Notice of Motion 1. To note", ("Notice of Motion", "1. To note")),
        ("MINUTES OF THE MEETING HELD ON 18TH MAY 2018 PDF 325 KB", ("MINUTES OF THE MEETING HELD ON 18TH MAY 2018", "")),
        ("Holding the Chief Constable to Account", ("Holding the Chief Constable to Account", "")),
        # the statutory urgent-business blurb (Local Government Act 1972 s100B(4)) run on after its title
        ("Urgent matters Notice of items which the Chair has agreed to take as urgent",
         ("Urgent matters", "Notice of items which the Chair has agreed to take as urgent")),
    ],
)
def test_split_title_blurb(run: str, expected: tuple[str, str]) -> None:
    assert split_title_blurb(run) == expected


AGENDA_PACK = (
    "Westshire Police, Fire and Crime Panel Agenda\n"
    "Public Document WESTSHIRE POLICE, FIRE AND CRIME PANEL DATE: Monday, 20th July, 2020 TIME: 2.00 pm. "
    "VENUE: Virtual meeting. AGENDA 1. APOLOGIES 2. DECLARATIONS OF INTEREST 1 - 4 To receive declarations of interest. "
    "3. MINUTES 5 - 10 To approve the minutes of 30 June, 2020 4. PANEL 11 - 20 ARRANGEMENTS Report of the Solicitor "
    "5. RULES OF PROCEDURE 21 - 52 NORTH EAST SOUTH WEST CENTRAL This meeting will be broadcast on the internet. "
    "For copies of papers contact the officer. 2 WESTSHIRE PANEL - 20 JULY 2020"
)


def test_agenda_pack_on_one_line() -> None:
    doc = parse_bytes(AGENDA_PACK.encode(), "pack.txt")
    assert doc.kind == "agenda_only"
    assert (doc.meeting.committee, str(doc.meeting.date)) == ("Westshire Police, Fire and Crime Panel", "2020-07-20")
    assert [(i.number, i.title) for i in doc.items] == [
        ("1", "APOLOGIES"),
        ("2", "DECLARATIONS OF INTEREST"),
        ("3", "MINUTES"),
        ("4", "PANEL ARRANGEMENTS"),
        ("5", "RULES OF PROCEDURE"),
    ]
    assert {p.section for i in doc.items for p in i.passages} == {"summary"}
    assert all(p.speaker_role is None for i in doc.items for p in i.passages)


@pytest.mark.parametrize(
    ("chunk", "expected"),
    [
        ("APOLOGIES", ("APOLOGIES", "")),
        ("MINUTES 5 - 10 To approve", ("MINUTES", "To approve")),
        ("PANEL 11 - 20 ARRANGEMENTS Report of", ("PANEL ARRANGEMENTS", "Report of")),
        ("RULES 21 - 52 ONE TWO THREE FOUR Please", ("RULES", "ONE TWO THREE FOUR Please")),
        ("CHIEF FIRE OFFICER - APPOINTMENT 53 - 58 Report", ("CHIEF FIRE OFFICER - APPOINTMENT", "Report")),
    ],
)
def test_pack_title(chunk: str, expected: tuple[str, str]) -> None:
    assert _pack_title(chunk) == expected


def test_row_numbers_in_their_own_cell() -> None:
    text = (
        "Agenda and minutes\n\nWestshire Police and Crime Panel - Thursday, 2nd February, 2023 10.30 am\n\n"
        "No. | Item |\n---|---|\n"
        "23. | Apologies for Absence Minutes: Apologies were received from Councillor Dev Sharma. |\n"
        "24. | Proposed Precept 2023/24 PDF 402 KB To consider the proposed precept. Minutes: The Commissioner introduced "
        "the proposal. · Members asked about a smaller increase. · The Commissioner replied that posts would be lost. "
        "RESOLVED that the Panel supports the proposed precept. |\n"
    )
    doc = parse_bytes(text.encode(), "x.txt")
    assert [(i.number, i.title) for i in doc.items] == [("23", "Apologies for Absence"), ("24", "Proposed Precept 2023/24")]
    assert doc.items[1].resolutions == ("That the Panel supports the proposed precept.",)
    assert [p.section for p in doc.items[1].passages] == ["summary", "presentation", "questions", "questions", "resolution"]


def test_two_lone_bars_are_no_flattened_table() -> None:
    from indexer.parse.tables import is_table_flattened
    from indexer.parse.text import Line

    # PDF text of printed minutes: table rules under the attendance, no item rows
    pdf = [Line(t) for t in ["Present: Councillor Ames (Chair)", "|", "Also present: Ms Bell", "|", "1 Minutes"]]
    assert not is_table_flattened(pdf)
    rows = [Line(t) for t in ["Apologies Minutes: None. |", "|", "Declarations Minutes: None. |"]]
    assert is_table_flattened(rows)


THREE_COLUMNS = """MINUTES OF THE PARISH COUNCIL MEETING
Tuesday 6 February 2024 at 7.15 p.m.
Oakhythe Village Hall
Subject |
Minute |
Action |
1. Attendance |
Councillors Bexley (Chair) and Corrin were present. |
|
2. Playing field |
The Clerk reported that the new gate had been fitted. |
Clerk |
3. Footpaths |
Councillor Corrin asked about the stile on the bridleway. |
|
"""

# one cell to a line, its minute cell right after the title's
CELL_PER_LINE = """MINUTES OF THE TOWN COUNCIL MEETING
Monday 4 March 2024 at 7 p.m.
Subject |
Minute |
Action |
1. Apologies |
Apologies received from Councillor Hebden |
|
2. Allotments |
Clerk to write to the tenants about the water supply |
Clerk |
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (THREE_COLUMNS, ("Parish Council", "2024-02-06", [("1", "Attendance", 1), ("2", "Playing field", 1), ("3", "Footpaths", 1)])),
        (CELL_PER_LINE, ("Town Council", "2024-03-04", [("1", "Apologies", 1), ("2", "Allotments", 1)])),
    ],
)
def test_three_column_parish_table(text: str, expected: tuple) -> None:
    doc = parse_bytes(text.encode(), "minutes.txt")
    got = (doc.meeting.committee, str(doc.meeting.date), [(it.number, it.title, len(it.passages)) for it in doc.items])
    assert got == expected


HEADER_TABLE = """Minutes of the Ordinary Parish Council Meeting
Held on Mon 6th March 2023 at 7pm in the Village Hall
Present: | Cllrs Ann Bell (Chair), Carl Dunn |
Also in attendance: | Ed Ford (Clerk) |
23/011 Apologies
None.
23/012 Finance
RESOLVED – to pay the accounts listed.
"""


def test_attendance_table_above_plain_numbered_minutes_is_the_header() -> None:
    # parish minutes whose attendance is a two-column table: the items below have no bars
    lines = split_lines(HEADER_TABLE)
    assert not is_table_flattened(lines)
    doc = parse_bytes(HEADER_TABLE.encode(), "pc.txt")
    assert (doc.meeting.committee, str(doc.meeting.date)) == ("Parish Council", "2023-03-06")
    assert [(i.number, i.title) for i in doc.items if i.title] == [("23/011", "Apologies"), ("23/012", "Finance")]


def test_rows_below_the_numbered_minutes_keep_the_table_layout() -> None:
    # a bar below the numbered lines: the table holds the items (a flattened meeting page)
    text = HEADER_TABLE + "Date of next meeting | 3 April 2023 |\n"
    assert is_table_flattened(split_lines(text))
