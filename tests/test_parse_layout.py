"""Crawler text → items: the seed documents and the text layouts ModernGov pages come in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from indexer.model import Document
from indexer.parse import layout, parse_bytes, parse_file
from indexer.parse.text import Line

DATA = Path(__file__).parent / "data" / "parse"
SEED_TITLE = "Police and Crime Commissioner - Police and Crime Plan Delivery"


@pytest.fixture(scope="module")
def seed0() -> Document:
    return parse_file(DATA / "seed_000.txt", source="seed_000.txt")


@pytest.fixture(scope="module")
def seed1() -> Document:
    return parse_file(DATA / "seed_001.txt", source="seed_001.txt")


def test_seed_items(seed0: Document, seed1: Document) -> None:
    for doc in (seed0, seed1):
        assert doc.kind == "agenda_item"
        assert (doc.meeting.committee, doc.meeting.date) == (None, None)
        assert [(i.number, i.title, i.procedural) for i in doc.items] == [(None, SEED_TITLE, False)]
    assert seed0.source == "seed_000.txt"


def test_seed0_passages(seed0: Document) -> None:
    got = [(p.section, p.speaker_role, p.speaker_name, p.text[:45]) for p in seed0.items[0].passages]
    assert got == [
        ('summary', None, None, 'To receive a quarterly update from the Police'),
        ('presentation', 'councillor', 'Jan Warwick', 'An overview of the previous meeting of the Pl'),
        ('presentation', 'commissioner', None, 'Members then received a verbal presentation f'),
        ('presentation', 'commissioner', None, 'Progress made by the OPCC against compliance '),
        ('presentation', 'commissioner', None, 'Hampshire and the Isle of Wight was regarded '),
        ('presentation', 'commissioner', None, 'Some projects within the delivery plan had be'),
        ('presentation', 'commissioner', None, 'The Commissioner and his office were well eng'),
        ('presentation', 'commissioner', None, 'A recently added project would focus upon Uni'),
        ('presentation', 'commissioner', None, 'The Commissioner committed not to have staff '),
        ('questions', 'commissioner', None, 'Serious violent crimes were a growing concern'),
        ('questions', 'commissioner', None, "Areas of the OPCC's work which look beyond po"),
        ('questions', 'commissioner', None, 'The OPCC was rolling out the use of SafetyNet'),
        ('questions', 'commissioner', None, 'The cyber ambassadors project was now complet'),
        ('resolution', None, None, 'That the update on the delivery of the Police'),
    ]
    assert seed0.items[0].resolutions == (
        "That the update on the delivery of the Police and Crime Plan is noted by the Police and Crime Panel.",
    )


def test_seed1_passages(seed1: Document) -> None:
    got = [(p.section, p.speaker_role, p.text[:45]) for p in seed1.items[0].passages]
    assert got == [
        ('summary', None, 'To receive a quarterly update from the Police'),
        ('presentation', 'commissioner', 'Members received a verbal presentation from t'),
        ('presentation', 'commissioner', 'Efforts were being made to improve visible po'),
        ('presentation', 'commissioner', 'The Commissioner was developing an Elders str'),
        ('presentation', 'commissioner', 'The Commissioner had launched his Safer pack '),
        ('presentation', 'commissioner', 'The Commissioner is aware of concerns raised '),
        ('presentation', 'commissioner', 'The Commissioner attended a number of events '),
        ('presentation', 'commissioner', 'The Commissioner had attended the Independent'),
        ('procedural', None, 'Councillor Muschamp joined the meeting at thi'),
        ('questions', 'commissioner', "A number of CSP's felt there was a slight dis"),
        ('questions', 'commissioner', 'County lines is significant concern and resou'),
        ('questions', 'commissioner', 'Modern Slavery exists within the Hampshire Po'),
        ('questions', 'commissioner', 'Blue Light Collaboration within Hampshire is '),
        ('resolution', None, 'That the update on the delivery of the Police'),
    ]
    assert seed1.items[0].resolutions == ("That the update on the delivery of the Police and Crime Plan is noted.",)


def test_seed_passages_are_clean(seed0: Document, seed1: Document) -> None:
    for doc in (seed0, seed1):
        for p in doc.items[0].passages:
            assert p.text == " ".join(p.text.split())
            assert not p.text.startswith(("•", "·", "-"))
            assert "\u00a0" not in p.text and "’" not in p.text
            assert p.text != "Supporting documents:"


NUMBERED = """Agenda and minutes

Westshire Police and Crime Panel - Tuesday, 22 September 2020 2.00 pm

Venue: Online meeting

Contact: Jo Bloggs, Email: jo@example.gov.uk

Webcast

Items
No. Item

39/20

APOLOGIES FOR ABSENCE

    • Share this item

    The Chair to announce any apologies.

    Additional documents:

    Minutes:

    Apologies were received from Councillors Ann Other and Sam Body.

40/20

MINUTES OF THE PREVIOUS MEETING pdf icon PDF 88 KB

41/20

POLICE AND CRIME COMMISSIONER'S UPDATE

    Minutes:

    1.     The Commissioner explained that the force had met its recruitment target.

    Election of Vice-Chairman

    2.     Resolved – that Sam Body is elected Vice-Chairman of the Westshire Police and
    Crime Panel for the coming year.

42/20

PUBLIC QUESTIONS

    To receive"""


def test_numbered_meeting_page() -> None:
    doc = parse_bytes(NUMBERED.encode(), "meeting.txt")
    assert (doc.kind, doc.meeting.committee, str(doc.meeting.date)) == ("meeting", "Westshire Police and Crime Panel", "2020-09-22")
    assert [(i.number, i.title, i.procedural) for i in doc.items] == [
        ("39/20", "APOLOGIES FOR ABSENCE", True),
        ("40/20", "MINUTES OF THE PREVIOUS MEETING", True),
        ("41/20", "POLICE AND CRIME COMMISSIONER'S UPDATE", False),
        ("42/20", "PUBLIC QUESTIONS", False),
    ]
    assert [(p.section, p.text) for p in doc.items[0].passages] == [
        ("summary", "The Chair to announce any apologies."),
        ("procedural", "Apologies were received from Councillors Ann Other and Sam Body."),
    ]
    assert [(p.section, p.speaker_role, p.text) for p in doc.items[2].passages] == [
        ("discussion", "commissioner", "The Commissioner explained that the force had met its recruitment target."),
        ("discussion", None, "Election of Vice-Chairman"),
        ("resolution", None, "That Sam Body is elected Vice-Chairman of the Westshire Police and Crime Panel for the coming year."),
    ]


UNNUMBERED = """Agenda and minutes

Westshire Police and Crime Panel (Statutory Joint Committee) - Friday, 9th February, 2018 2.00 pm

Venue: Shire Hall

No. Item


Apologies for Absence


Apologies were received from:

  • Councillor Kay Carver.
  • Councillor Rex Barham


The Chairman noted that Councillor Jo Penhale would be late.




Declarations of Interest

To enable Members to declare any interest.


No declarations were made.



Minutes of the Previous Meeting pdf icon PDF 96 KB

To approve the minutes of the last meeting.


Additional documents:


Scrutiny of the Sale of a Registration Plate


The Minutes of the 13 October 2017 meeting were approved as a correct record.



Named Substitutes


Substitutes at this meeting:


Cllr Vera Pawley for Cllr Rhys Edgar (Eastshire Council)

Cllr Kim Tolley for Cllr Kerry Mayo (Westshire Council)


Questions and Deputations

To hear any questions or deputations.


The Panel received one written question:


What a"""


def test_unnumbered_meeting_page() -> None:
    doc = parse_bytes(UNNUMBERED.encode(), "meeting.txt")
    assert doc.meeting.committee == "Westshire Police and Crime Panel (Statutory Joint Committee)"
    assert [(i.number, i.title) for i in doc.items] == [
        (None, "Apologies for Absence"),
        (None, "Declarations of Interest"),
        (None, "Minutes of the Previous Meeting"),
        (None, "Named Substitutes"),
        (None, "Questions and Deputations"),
    ]
    assert [p.text for p in doc.items[0].passages] == [
        "Apologies were received from:",
        "Councillor Kay Carver.",
        "Councillor Rex Barham",
        "The Chairman noted that Councillor Jo Penhale would be late.",
    ]
    assert [(p.section, p.text) for p in doc.items[1].passages] == [
        ("summary", "To enable Members to declare any interest."),
        ("procedural", "No declarations were made."),
    ]
    assert doc.items[2].resolutions == ("The Minutes of the 13 October 2017 meeting were approved as a correct record.",)


AI_MARKERS = """Westshire Council

Westshire Police, Fire and Crime Panel

Minutes of the meeting held at County Hall, Westbury on Monday, 14 July 2025, commencing at 2.00 pm.

Councillor Petra Wilding in the Chair; Councillors Danny Myers and Chris Aldred.

Apologies: Councillor Tam Grove.

<AI1>

88

Election of Panel Chair

Resolved

That Councillor Petra Wilding be appointed Chair for the municipal year 2025/26.

</AI1>

<AI2>

89

Apologies for absence

The Chair welcomed everyone to the meeting.

</AI2>"""


def test_printed_minutes_with_item_markers() -> None:
    doc = parse_bytes(AI_MARKERS.encode(), "printed.txt")
    assert (doc.kind, doc.meeting.committee, str(doc.meeting.date)) == (
        "printed_minutes",
        "Westshire Police, Fire and Crime Panel",
        "2025-07-14",
    )
    assert [(i.number, i.title, i.procedural) for i in doc.items] == [
        (None, "", True),
        ("88", "Election of Panel Chair", True),
        ("89", "Apologies for absence", True),
    ]
    assert doc.items[1].resolutions == ("That Councillor Petra Wilding be appointed Chair for the municipal year 2025/26.",)
    [welcome] = doc.items[2].passages
    assert (welcome.speaker_role, welcome.speaker_name) == ("chair", "Petra Wilding")


AGENDA = """

Westshire Police, Fire and Crime Panel


Room 3, Civic Offices, Westbury


Thursday, 24 July 2025 at 2.00 pm


Election of Panel Chair

To elect a Chair for the coming year.


(Pages 5 - 6)






Welcome and apologies








Minutes of the Panel Meeting held on 11th June 2025


(Pages 7 - 12)






Consideration of Exclusion of the Public

To decide whether to exclude the public for the items in the table below on the grounds of exempt information.


Agenda item

Exempt paragraph(s)

14 - private annex

3 and 7








Actions Arising from Previous Meetings

Report of the Panel Support Officer.
"""


def test_printed_agenda() -> None:
    doc = parse_bytes(AGENDA.encode(), "agenda.txt")
    assert (doc.kind, doc.meeting.committee, str(doc.meeting.date)) == (
        "agenda_only",
        "Westshire Police, Fire and Crime Panel",
        "2025-07-24",
    )
    assert [i.title for i in doc.items] == [
        "Election of Panel Chair",
        "Welcome and apologies",
        "Minutes of the Panel Meeting held on 11th June 2025",
        "Consideration of Exclusion of the Public",
        "Actions Arising from Previous Meetings",
    ]
    assert [p.text for p in doc.items[3].passages] == [
        "To decide whether to exclude the public for the items in the table below on the grounds of exempt information.",
        "Agenda item | Exempt paragraph(s)",
        "14 - private annex | 3 and 7",
    ]
    assert {p.section for i in doc.items for p in i.passages} == {"summary"}



FRONT_SHEET = """Public Document Pack

Westshire Council

Health and Wellbeing Board

Date:    Thursday, 16 March 2023
Time:    2.00 pm
Venue:   Meeting Room 3, Town Hall, Westbury

AGENDA

1.   WELCOME AND APOLOGIES FOR ABSENCE

2.   DECLARATIONS OF INTEREST

     Members are reminded of their duty to declare any interests in items on the agenda.

3.   MINUTES OF THE PREVIOUS MEETING                                (Pages 5 - 12)

     To approve the minutes of the meeting held on 12 January 2023.

4.   BETTER CARE FUND

     (i)   Better Care Fund Plan 2023-25                            (Pages 13 - 38)

     (ii)  Quarter 3 Return 2022/23                                  (Pages 39 - 46)

5.   DATE OF NEXT MEETING

     To note that the next meeting will be held on 15 June 2023.
"""


def test_agenda_front_sheet_with_bare_entries_and_page_references() -> None:
    doc = parse_bytes(FRONT_SHEET.encode(), "agenda.txt")
    assert (doc.kind, doc.meeting.committee, str(doc.meeting.date)) == ("agenda_only", "Health and Wellbeing Board", "2023-03-16")
    assert [(i.number, i.title) for i in doc.items if i.title] == [
        ("1", "WELCOME AND APOLOGIES FOR ABSENCE"),
        ("2", "DECLARATIONS OF INTEREST"),
        ("3", "MINUTES OF THE PREVIOUS MEETING"),
        ("4", "BETTER CARE FUND"),
        ("(i)", "Better Care Fund Plan 2023-25"),
        ("(ii)", "Quarter 3 Return 2022/23"),
        ("5", "DATE OF NEXT MEETING"),
    ]

ISSUE = """Meeting: 10/09/2012 - Council (Item 11)

11 Establishment of the Westshire Police and Crime Panel PDF 27 KB

To consider a report of the Service Director.

Additional documents:

Minutes:

The Leader of the Council submitted a report detailing proposals.

RESOLVED – (1) That the setting up of a Police and Crime Panel be approved.

Meeting: 28/08/2012 - Executive (Item 14)

14 Establishment of the Westshire Police and Crime Panel (LDS4) PDF 33 KB

To consider a report of the Cabinet Member."""


def test_issue_history() -> None:
    doc = parse_bytes(ISSUE.encode(), "issue.txt")
    assert doc.kind == "issue_history"
    assert [(i.number, i.title, i.meeting.committee, str(i.meeting.date)) for i in doc.items] == [
        ("11", "Establishment of the Westshire Police and Crime Panel", "Council", "2012-09-10"),
        ("14", "Establishment of the Westshire Police and Crime Panel (LDS4)", "Executive", "2012-08-28"),
    ]
    assert [len(i.resolutions) for i in doc.items] == [1, 0]
    assert doc.items[0].passages[1].speaker_role == "councillor"


SUMMARY = """Westshire Police and Crime Panel

The Westshire Police and Crime Panel reviews the actions of the Westshire Police and Crime Commissioner, Jane Roe.

The panel's role

The panel:

  • reviews the Commissioner's Police and Crime Plan

What the panel discussed last time

The panel last met on 3 May 2019.

The Commissioner explained to the panel that 999 calls had risen."""


def test_summary_page_is_other() -> None:
    doc = parse_bytes(SUMMARY.encode(), "summary.txt")
    assert (doc.kind, doc.meeting.committee, str(doc.meeting.date)) == ("other", "Westshire Police and Crime Panel", "2019-05-03")
    assert [i.title for i in doc.items] == [""]
    roles = {(p.speaker_role, p.speaker_name) for p in doc.items[0].passages if p.speaker_role}
    assert roles == {("commissioner", "Jane Roe")}


def test_numbered_points_are_not_items() -> None:
    text = (
        "To consider the above planning application.\n\nMinutes:\n\nThe Committee considered a report.\n\n"
        "RESOLVED - That the application be APPROVED subject to the following conditions:\n\n"
        "1. Time limit\n\n2. Plans as submitted\n\n3. External finishes to match"
    )
    doc = parse_bytes(text.encode(), "issue.txt")
    assert [i.title for i in doc.items] == [""]
    assert doc.items[0].resolutions == (
        "That the application be APPROVED subject to the following conditions: 1. Time limit 2. Plans as submitted "
        "3. External finishes to match",
    )


def test_minute_paragraph_numbers_are_not_items() -> None:
    text = (
        "Agenda and minutes\n\nItems\nNo. Item\n\n22.\n\nAppointment of Chairman\n\nMinutes:\n\n"
        "4. The Chairman thanked the outgoing members of the Panel for their work. He\n\nalso thanked officers.\n\n"
        "5. The Panel proposed and seconded Wyn Bellamy as Vice-Chairman of the Panel\n\n23.\n\nDeclarations of Interest\n\nMinutes:\n\nNone."
    )
    doc = parse_bytes(text.encode(), "meeting.txt")
    assert [(i.number, i.title) for i in doc.items] == [("22", "Appointment of Chairman"), ("23", "Declarations of Interest")]


def test_plain_printed_minutes_heading() -> None:
    text = (
        "MEETING OF WESTSHIRE POLICE AND CRIME PANEL\n\nThursday 25 October 2012 Shire Hall, Westbury\n\n"
        "Present: Cllr M Alexander (Chairman), Cllr J Dean\n\n1 INTRODUCTION AND WELCOME\n\nA welcome was extended to all.\n\n"
        "2 MINUTES OF THE PREVIOUS MEETING OF 19 JULY 2012\n\nAgreed.\n\nR:\\PCP\\MINUTES - 25 OCTOBER 2012.DOC - 1\n\n"
        "3 MATTERS ARISING\n\nNone."
    )
    doc = parse_bytes(text.encode(), "minutes.txt")
    assert (doc.meeting.committee, str(doc.meeting.date)) == ("Westshire Police and Crime Panel", "2012-10-25")
    assert [(i.number, i.title, i.resolutions) for i in doc.items if i.title] == [
        ("1", "INTRODUCTION AND WELCOME", ()),
        ("2", "MINUTES OF THE PREVIOUS MEETING OF 19 JULY 2012", ("Agreed",)),
        ("3", "MATTERS ARISING", ()),
    ]
    assert [p.text for p in doc.items[2].passages] == ["Agreed."]  # the file-path footer is gone


def test_numbered_sub_items_inside_a_run_of_items() -> None:
    text = (
        "GLANMOR COUNTY COUNCIL\n\nMinutes of the meeting of the County Council held at County Hall on Thursday, 18 May 2023 at 10.00 am\n\n"
        "11. ANNOUNCEMENTS\n\nThe Chair congratulated the school choir.\n\n12. QUESTIONS FROM MEMBERS OF THE PUBLIC\n\n"
        "12.1 Question from Mrs Bethan Howell\n\nMrs Howell asked when the footbridge would reopen.\n\n"
        "13. ANNUAL REPORT OF THE STANDARDS COMMITTEE\n\nRESOLVED that the report be received.\n"
    )
    doc = parse_bytes(text.encode(), "x.txt")
    assert (doc.meeting.committee, str(doc.meeting.date)) == ("County Council", "2023-05-18")
    assert [(i.number, i.title) for i in doc.items if i.title] == [
        ("11", "ANNOUNCEMENTS"),
        ("12", "QUESTIONS FROM MEMBERS OF THE PUBLIC"),
        ("12.1", "Question from Mrs Bethan Howell"),
        ("13", "ANNUAL REPORT OF THE STANDARDS COMMITTEE"),
    ]
    assert doc.items[2].passages[0].speaker_role == "public"


@pytest.mark.parametrize(
    "navigation",
    [
        "Skip to main content\nMenu\nHome\nYour council\nCouncillors, committees and meetings\nSearch\nPrint this page\n\n",
        "Skip to content\nHome > Council and democracy > Meetings\n\n",
    ],
)
def test_site_navigation_above_an_item_page(navigation: str) -> None:
    text = navigation + (
        "Agenda item\n\nPolice and Crime Commissioner's Annual Report\n\n"
        "Meeting: 07/03/2023 - Cambria Police and Crime Panel (Item 6.)\n\n"
        "Minutes:\n\nThe Commissioner presented his Annual Report.\n"
    )
    doc = parse_bytes(text.encode(), "item.txt")
    [item] = doc.items
    assert (doc.kind, item.number, item.title) == ("agenda_item", "6", "Police and Crime Commissioner's Annual Report")
    assert [p.text for p in item.passages] == ["The Commissioner presented his Annual Report."]


@pytest.mark.parametrize(
    "text",
    [
        # an issue page cut after its first item
        "Meeting: 10/09/2012 - Council (Item 11)\n\n11 Establishment of the Westshire Police and Crime Panel PDF 27 KB\n\n"
        "To consider a report of the Service Director.\n\nMinutes:\n\nThe Leader submitted a report.",
        # printed minutes cut after their first item
        "WESTSHIRE FIRE AND RESCUE AUTHORITY\n\nMINUTES of the meeting of the Westshire Fire and Rescue Authority held at "
        "Headquarters on Monday, 13th November, 2023 at 10.30 am.\n\n11 ESTABLISHMENT OF THE WESTSHIRE POLICE AND CRIME PANEL\n\n"
        "Apologies for absence were received from Councillor Quayle.",
    ],
)
def test_a_lone_numbered_title_keeps_its_number_apart(text: str) -> None:
    [item] = [i for i in parse_bytes(text.encode(), "x.txt").items if i.title]
    assert (item.number, item.title.lower()) == ("11", "establishment of the westshire police and crime panel")


def test_text_minutes_with_unnumbered_headings_under_a_dated_header() -> None:
    from indexer.parse import parse_bytes

    text = (
        "Harrowgate Town Council\n\nFinance Committee\n\nTuesday 5 March 2024\n\n"
        "Present: Cllrs A Bright (Chair), B Cole, C Dean\n\n"
        "Apologies for absence\n\nApologies were received from Cllr E Quennock.\n\n"
        "Budget monitoring\n\nThe Clerk presented the budget monitoring report for the period.\n\n"
        "RESOLVED that the report be noted.\n\n"
        "Grant applications\n\nThe Committee considered two applications for grants.\n\n"
        "RESOLVED that a grant of £250 be made.\n"
    )
    doc = parse_bytes(text.encode(), "minutes.txt")
    assert [i.title for i in doc.items if i.title] == ["Apologies for absence", "Budget monitoring", "Grant applications"]
    assert (doc.meeting.committee, doc.meeting.date.isoformat() if doc.meeting.date else None) == ("Finance Committee", "2024-03-05")


def test_a_question_is_no_unnumbered_heading() -> None:
    from indexer.parse import parse_bytes

    text = (
        "Minutes of the meeting of the Procedures Committee held on 4 March 2024\n\n"
        "Correspondence\n\nThe Convener:\n\nThe second item is correspondence from the newspapers.\n\n"
        "Shall we write to the editors first?\n\nYes. Is that agreed?\n\nMembers indicated agreement.\n"
    )
    doc = parse_bytes(text.encode(), "report.txt")
    assert [i.title for i in doc.items if i.title] == ["Correspondence"]


@pytest.mark.parametrize(
    ("line", "title", "text"),
    [
        ("4. Declarations of Interest None.", "Declarations of Interest", "None."),
        ("4. Apologies for Absence Nil received.", "Apologies for Absence", "Nil received."),
        ("4. Public Forum There were no members of the public present.", "Public Forum", "There were no members of the public present."),
        ("4. Apologies Apologies were received from Cllr A. Quennock.", "Apologies", "Apologies were received from Cllr A. Quennock."),
    ],
)
def test_a_numbered_title_answered_on_its_own_line(line: str, title: str, text: str) -> None:
    doc = parse_bytes(
        (
            "Minutes of the meeting of Fernhill Town Council held on Monday 4 March 2024\n\n"
            f"{line}\n\n5. Allotments\nThe Clerk reported that two plots were vacant.\n"
        ).encode(),
        "minutes.txt",
    )
    items = [i for i in doc.items if i.title]
    assert [(i.number, i.title) for i in items] == [("4", title), ("5", "Allotments")]
    assert [p.text for p in items[0].passages] == [text]


def test_a_minute_numbered_attendance_is_an_item() -> None:
    doc = parse_bytes(
        (
            "Minutes of the Annual Parish Council Meeting held on Tuesday 5 March 2024\n\n"
            "2403.01 Present\nCouncillors: A. Brook (Chairman), C. Dale\n\n"
            "2403.02 Village Green\nThe Clerk reported that the bench had been repaired.\n"
        ).encode(),
        "minutes.txt",
    )
    assert [(i.number, i.title) for i in doc.items if i.title] == [("2403.01", "Present"), ("2403.02", "Village Green")]


AGENDA_LIST = (
    "Marlow Vale Joint Authority\n\nDate of meeting: 02/05/2024\n\n"
    "1. To receive apologies for absence\n\n2. To receive declarations of interest\n\n"
    "3. To approve the minutes of the meeting held on 4 April 2024\n\n"
    "17/24 Treasury Management Outturn\n\nMembers are asked to note the outturn for the year.\n\n"
    "18/24 Fleet Replacement\n\nThe report asks Members to approve the purchase of two vehicles.\n\n"
    "19/24 Annual Report\n\nMembers are asked to approve the annual report.\n"
)


def test_a_plain_numbered_list_above_numbered_reports_is_items() -> None:
    doc = parse_bytes(AGENDA_LIST.encode(), "agenda.txt")
    assert [(i.number, i.title) for i in doc.items if i.title] == [
        ("1", "To receive apologies for absence"),
        ("2", "To receive declarations of interest"),
        ("3", "To approve the minutes of the meeting held on 4 April 2024"),
        ("17/24", "Treasury Management Outturn"),
        ("18/24", "Fleet Replacement"),
        ("19/24", "Annual Report"),
    ]


@pytest.mark.parametrize(
    "above",
    [
        "The Authority resolved:\n\n1. To note the letter\n\n2. To reply by May\n\n3. To report back\n\n",  # a list's points
        "1. To receive apologies for absence\n\n2. To receive declarations of interest\n\n",  # fewer than three
    ],
)
def test_no_list_items_above_numbered_reports(above: str) -> None:
    text = AGENDA_LIST.replace(AGENDA_LIST[AGENDA_LIST.index("1. To") : AGENDA_LIST.index("17/24")], above)
    doc = parse_bytes(text.encode(), "agenda.txt")
    assert [i.number for i in doc.items if i.title] == ["17/24", "18/24", "19/24"]


def test_minutes_flattened_to_one_line_split_at_consecutive_item_numbers() -> None:
    text = (
        "Minutes of the meeting of Fernhill Town Council held on Monday 4 March 2024\n\n"
        "1. Apologies for Absence None 2. Declarations of Interest None 3. Budget Monitoring The Treasurer "
        "reported that spending was on target for section 2. of the plan. 4. Allotments The Clerk reported "
        "that two plots were vacant.\n"
    )
    doc = parse_bytes(text.encode(), "minutes.txt")
    assert [(i.number, i.title, [p.text for p in i.passages]) for i in doc.items if i.title] == [
        ("1", "Apologies for Absence", ["None"]),
        ("2", "Declarations of Interest", ["None"]),
        ("3", "Budget Monitoring", ["The Treasurer reported that spending was on target for section 2. of the plan."]),
        ("4", "Allotments", ["The Clerk reported that two plots were vacant."]),
    ]


def test_running_minute_numbers_of_three_digits_split_a_flattened_line() -> None:
    # a board's minutes numbered on from year to year ("457.", "458."), a cited minute ("447.") inside one
    text = (
        "WESTFEN LEVEL DRAINAGE BOARD A meeting of the Board was held at the Village Hall, on Wednesday 18th June 2014 "
        "at 2.00 pm. PRESENT A Abel Esq., B Birch Esq., Elected Members. 457. APOLOGIES FOR ABSENCE Apologies were "
        "received from C Crane Esq. 458. MINUTES OF PREVIOUS MEETING The minutes of the meeting held on 29th January "
        "2014 were taken as read and signed by the Chairman. 459. ENGINEERS REPORT The Engineer reported that the pumps "
        "at the outfall had been serviced during the spring and the weed cutting programme would start in July.\n"
    )
    doc = parse_bytes(text.encode(), "minutes.txt")
    assert [(i.number, i.title) for i in doc.items if i.title] == [
        ("457", "APOLOGIES FOR ABSENCE"),
        ("458", "MINUTES OF PREVIOUS MEETING"),
        ("459", "ENGINEERS REPORT"),
    ]
    assert doc.meeting.date == dt.date(2014, 6, 18)


@pytest.mark.parametrize(
    ("line", "number", "title", "text", "after"),
    [
        # community and parish minutes typed as paragraphs: the minute's text after a colon on the heading's line
        ("61/24 Apologies: Cllr. B Orme sent his apologies.", "61/24", "Apologies", "Cllr. B Orme sent his apologies.", "62/24"),
        # a register number after the colon is the minute's reference, set aside with the colon
        ("2. Apologies and reasons for absence: 018/24: Cllrs Dunn and Platt sent apologies.", "2",
         "Apologies and reasons for absence", "Cllrs Dunn and Platt sent apologies.", "3."),
        # the run-on minute's first sentence: "Apologies for absence were received", "Councillor X Y declared"
        ("Minute no. 2 - Apologies Apologies for absence were received from Councillor F Gower.", "2",
         "Apologies", "Apologies for absence were received from Councillor F Gower.", "Minute no. 3 -"),
        ("Minute no. 2 – Declarations of Interest Councillor K L Vaughan declared an interest in the hall lease.", "2",
         "Declarations of Interest", "Councillor K L Vaughan declared an interest in the hall lease.", "Minute no. 3 –"),
    ],
)
def test_a_numbered_heading_with_its_minute_on_the_same_line(line: str, number: str, title: str, text: str, after: str) -> None:
    data = f"Minutes of the Fernleigh Parish Council meeting held on 4 March 2024\n\n{line}\n\n{after} Planning\n\nNo applications had been received.\n"
    doc = parse_bytes(data.encode(), "x.txt")
    nxt = "62/24" if after == "62/24" else "3"
    assert [(i.number, i.title) for i in doc.items] == [(number, title), (nxt, "Planning")]
    assert [p.text for p in doc.items[0].passages] == [text]


@pytest.mark.parametrize(
    "line",
    # a colon inside a title whose second half has no verb stays in the title
    ["Minute 14/24 – Public rights of way: annual report.", "Minute 14/24 – 7/2023/4415: Conversion of barn, Low Hall."],
)
def test_a_colon_in_a_numbered_title_without_a_clause_stays(line: str) -> None:
    data = f"Minutes of the Planning Committee held on 4 March 2024\n\n{line}\nThe report was noted.\n\nMinute 15/24 – Appeals\nNone.\n"
    doc = parse_bytes(data.encode(), "x.txt")
    assert [i.number for i in doc.items] == ["14/24", "15/24"]
    assert doc.items[0].title == line.split("– ", 1)[1].removesuffix(".")


def test_parenthesised_numbers_and_a_numbered_heading_ending_in_a_colon() -> None:
    data = (
        "Minutes of the Fernleigh Parish Council Meeting held on Monday 4 March 2024\n"
        "1) Present:\nCllrs A Bray, C Dale and E Fenn.\n"
        "2) Apologies\nNone.\n"
        "3) Footpaths:\n- The stile at Lower Farm had been repaired.\n- The Clerk would report the fallen tree.\n"
    )
    doc = parse_bytes(data.encode(), "x.txt")
    assert [(i.number, i.title) for i in doc.items] == [("1", "Present"), ("2", "Apologies"), ("3", "Footpaths")]


def test_an_item_page_titled_like_printed_minutes_is_an_item() -> None:
    # ModernGov's item page: the heading under "Agenda item" is the item's title; its date is no meeting's
    data = b"Agenda item\n\nMinutes of previous meeting held on 2 April 2024\n\nThe minutes were approved as a correct record.\n"
    doc = parse_bytes(data, "x.txt")
    assert (doc.kind, doc.meeting.committee, doc.meeting.date) == ("agenda_item", None, None)
    assert [i.title for i in doc.items] == ["Minutes of previous meeting held on 2 April 2024"]


def test_a_running_footers_date_and_page_number_are_no_items() -> None:
    data = (
        b"Minutes of the DEVELOPMENT COMMITTEE meeting held at Eastwold on 14 March 2024\n"
        b"(201) APOLOGIES\nNone.\n(202) MINUTES\nThe minutes were approved.\n"
        b"Development Committee\n1\n14 March 2024\n(203) DECLARATIONS OF INTEREST\nNone.\n"
    )
    doc = parse_bytes(data, "x.txt")
    assert [(i.number, i.title) for i in doc.items] == [("201", "APOLOGIES"), ("202", "MINUTES"), ("203", "DECLARATIONS OF INTEREST")]


def test_cmis_file_links_around_titles() -> None:
    data = (
        b"Meeting Details\n\n    Harrowgate licensing committee\n    10 Sep 2024 - 10:00\n\n"
        b"    1 Apologies\n\n    To receive apologies for absence\n    2 pdf Minutes (64Kb)\n\n"
        b"    To agree the minutes of 13 August 2024\n"
    )
    doc = parse_bytes(data, "x.txt")
    assert (doc.meeting.committee, str(doc.meeting.date)) == ("Harrowgate licensing committee", "2024-09-10")
    assert [(i.number, i.title) for i in doc.items if i.title] == [("1", "Apologies"), ("2", "Minutes")]


def test_unnumbered_titles_with_blurbs_are_items() -> None:
    # no header, no numbers: two or more titles with "To …" blurbs under them still make a list of items
    text = (
        "Agenda Items\nApologies for Absence\nTo receive any apologies for absence.\nThere were none.\n"
        "Treasurer's Report\nTo receive the quarterly figures.\nThe Treasurer presented the figures.\n"
        "RESOLVED that the report be noted.\n"
    )
    doc = parse_bytes(text.encode(), "page.txt")
    assert [(it.title, len(it.resolutions)) for it in doc.items if it.title] == [("Apologies for Absence", 0), ("Treasurer's Report", 1)]


def test_one_blurbed_title_is_not_a_list() -> None:
    text = "Road Safety\nTo note the update.\nThe officer gave an update on the scheme.\nMembers asked about speed limits.\n"
    doc = parse_bytes(text.encode(), "item.txt")
    assert [(it.title, len(it.passages)) for it in doc.items] == [("Road Safety", 3)]


def test_cmis_lone_minute_numbers_mark_the_minutes() -> None:
    text = (
        "Meeting Details\nWestmarch Fire Authority\n14 Mar 2024 - 10:00\nStandard Items\n"
        "1 Apologies\nTo receive apologies.\n21\nApologies were received from Councillor Tey.\n"
        "2 Budget Monitoring\nTo consider the report of the Treasurer.\n22\nThe Treasurer presented the report.\n"
        "RESOLVED that the report be noted.\n"
    )
    doc = parse_bytes(text.encode(), "cmis.txt")
    assert doc.kind == "meeting"
    assert [(it.number, it.title, [(p.section, p.text) for p in it.passages], list(it.resolutions)) for it in doc.items if it.title] == [
        ("1", "Apologies", [("summary", "To receive apologies."), ("procedural", "Apologies were received from Councillor Tey.")], []),
        ("2", "Budget Monitoring", [("summary", "To consider the report of the Treasurer."), ("presentation", "The Treasurer presented the report."),
                                    ("resolution", "That the report be noted.")], ["That the report be noted."]),
    ]


# PDF text whose paragraph-number column was read before the text column (invented parish minutes)
MARGIN_NUMBERS = """MINUTES OF THE MEETING OF BRELLOCK PARISH COUNCIL
HELD ON MONDAY 3rd JUNE 2019 AT 7pm
Present: Cllr A Penrose (Chair), Cllr B Trask and the Clerk.
1.
APOLOGIES
None were received.
2.
2.1
DECLARATIONS OF INTEREST
There were none.
2.2
2.3
No dispensations were sought.
3.4
3.4.1
FOOTPATHS
The Clerk reported on the stile at the top field.
RESOLVED to repair the stile.
"""


def test_margin_number_column_numbers_the_title_under_it() -> None:
    doc = parse_bytes(MARGIN_NUMBERS.encode(), "brellock.txt")
    assert [(i.number, i.title) for i in doc.items if i.title] == [
        ("1", "APOLOGIES"),
        ("2", "DECLARATIONS OF INTEREST"),
        ("3.4", "FOOTPATHS"),
    ]
    declarations = doc.items[[i.title for i in doc.items].index("DECLARATIONS OF INTEREST")]
    assert [p.text for p in declarations.passages] == ["There were none.", "No dispensations were sought."]



@pytest.mark.parametrize("prefix", ["", "DRAFT ", "Unconfirmed ", "APPROVED "])
def test_draft_minutes_heading_names_the_meeting(prefix: str) -> None:
    # parish and town councils print "DRAFT MINUTES OF …" until the next meeting approves them; the name
    # on a line above (here wrapped, as narrow PDF columns leave it) names the parish the heading's "the
    # Parish Council" is
    text = (
        f"DRAFT MINUTES\nASHCOMBE PARISH\nCOUNCIL\n{prefix}MINUTES OF THE\n"
        "ANNUAL MEETING OF THE PARISH COUNCIL HELD ON MONDAY 4th MAY 2015 IN THE\nVILLAGE HALL AT 7PM\n"
        "PRESENT\nCouncillors: Ann\nBell (AB), Carl Dunn (CD)\n"
        "1. APOLOGIES\nNone.\n2. FINANCE\nThe accounts were noted.\n3. PLANNING\nNo applications.\n"
    )
    doc = parse_bytes(text.encode(), "draft.txt")
    assert (doc.meeting.committee, str(doc.meeting.date)) == ("Ashcombe Parish Council", "2015-05-04")
    assert [i.title for i in doc.items if i.title] == ["APOLOGIES", "FINANCE", "PLANNING"]


RUN_ON_FORUM = (
    "Notice - text-only copies can lose tables when they are converted. See the PDF version where possible. "
    "Ashby Vale Schools Forum Minutes of Meeting on Tuesday, 5th June 2018 @ 4.30pm Present Jo Abbot (Chair) "
    "Sam Carter Lee Dunn Apologies for absence Kay Ellis 1. Apologies were noted. 2. The minutes were agreed. "
    + "Members discussed the budget at some length. " * 8
)


def test_run_on_line_gives_up_its_heading() -> None:
    # a document site's text copy with its line breaks lost: the heading is what comes before the attendance
    # list's label; a body's name before "Minutes of" is the body; a disclaimer above goes below the heading
    doc = parse_bytes(RUN_ON_FORUM.encode(), "forum.txt")
    assert (doc.meeting.committee, str(doc.meeting.date)) == ("Ashby Vale Schools Forum", "2018-06-05")
    texts = [p.text for i in doc.items for p in i.passages]
    assert texts[0] == "Notice - text-only copies can lose tables when they are converted."
    assert texts[2].startswith("Present Jo Abbot (Chair)")


RUN_ON_COVER = (
    "Kestrel Vale Police and Crime Panel\nTotal Page:9\nFile Type:pdf, Size:310Kb\n"
    "KESTREL VALE POLICE AND CRIME PANEL Thursday, 3 March 2016 at 2.00 pm Council Chamber, Town Hall, "
    "Bramley Notes (a) Members of the public may attend. " + "The meeting will be webcast on the host council's site. " * 6
)


def test_run_on_agenda_cover_gives_up_its_body_and_date() -> None:
    # an agenda pack's cover run on in one line below a document site's title and file-size residue: the
    # body's name and the date and time become lines of their own
    lines = layout._split_run_on_heading([Line(t) for t in RUN_ON_COVER.splitlines()])
    assert [ln.text for ln in lines[:5]] == [
        "Kestrel Vale Police and Crime Panel",
        "Total Page:9",
        "File Type:pdf, Size:310Kb",
        "KESTREL VALE POLICE AND CRIME PANEL",
        "Thursday, 3 March 2016 at 2.00 pm",
    ]
    assert lines[5].text.startswith("Council Chamber, Town Hall, Bramley Notes")
    doc = parse_bytes(RUN_ON_COVER.encode(), "pack.txt")
    assert (doc.meeting.committee, str(doc.meeting.date)) == ("Kestrel Vale Police and Crime Panel", "2016-03-03")


def test_run_on_cover_needs_its_date_at_the_body_name() -> None:
    # a long first line that only mentions a panel and a date later on is no cover: left as it is
    text = "The Kestrel Vale Police and Crime Panel met in public. " * 4 + "It next meets on Thursday, 3 March 2016.\n"
    lines = layout._split_run_on_heading([Line(t) for t in text.splitlines()])
    assert [ln.text for ln in lines] == [text.strip()]


def test_run_on_printed_heading_below_document_site_residue() -> None:
    # printed minutes run on in one line below a document site's title and file-size lines: the heading
    # before the attendance label still gives the body and the date
    text = (
        "Ambleford Police and Crime Panel\nTotal Page:12\nFile Type:pdf, Size:420Kb\n"
        "Ambleford Police and Crime Panel Minutes of the Meeting held on 9 March 2021 at 10am in Room 2, "
        "Shire Hall Members Present: Ms A Dent (Chair) Mr B Foy Officers Present: Mr C Quillfeather "
        + "The Panel noted the report of the Commissioner. " * 6
    )
    doc = parse_bytes(text.encode(), "minutes.txt")
    assert (doc.meeting.committee, str(doc.meeting.date)) == ("Ambleford Police and Crime Panel", "2021-03-09")


def test_run_on_agenda_list_with_bare_numbers() -> None:
    # the agenda list of a run-on cover: bare numbers going up by one from 1 after AGENDA; a capitals title
    # ends at its mixed-case blurb, a title at its page range; a part heading before item 1 is kept
    rest = (
        "Room 2 NB - note the pre-meeting. AGENDA PART 1: OPEN ITEMS 1 APOLOGIES 2 MINUTES To agree the record "
        "(Pages 3 - 8) 3 Work Programme 9 - 14 4 POLICE AND CRIME PLAN - UPDATE 2015/16 To consider a report. "
        "Notes follow"
    )
    assert layout._split_run_on_agenda(rest) == [
        "Room 2 NB - note the pre-meeting.",
        "AGENDA",
        "PART 1: OPEN ITEMS",
        "1 APOLOGIES",
        "2 MINUTES",
        "To agree the record (Pages 3 - 8)",
        "3 Work Programme",
        "4 POLICE AND CRIME PLAN - UPDATE 2015/16",
        "To consider a report. Notes follow",
    ]


@pytest.mark.parametrize(
    "rest",
    [
        "Room 2 Notes on the agenda: 1 APOLOGIES 2 MINUTES 3 UPDATE",  # no AGENDA word
        "Room 2 AGENDA 1 APOLOGIES 2 MINUTES 4 UPDATE",  # numbers do not go up by one to three entries
        "AGENDA " + "A long preamble that is no part heading at all. " * 4 + "1 APOLOGIES 2 MINUTES 3 UPDATE",
    ],
)
def test_run_on_agenda_list_left_alone(rest: str) -> None:
    assert layout._split_run_on_agenda(rest) == [rest]


def test_short_first_line_without_a_date_is_not_split() -> None:
    # no date before the attendance label: not a heading (and a line under the run-on length is left alone)
    text = "Kellow Forum Minutes of Meeting Present Jo Abbot\n1. APOLOGIES\nNone.\n2. FINANCE\nNoted.\n"
    doc = parse_bytes(text.encode(), "forum.txt")
    assert doc.meeting.date is None
    assert [i.title for i in doc.items if i.title] == ["APOLOGIES", "FINANCE"]


@pytest.mark.parametrize(
    "heading, committee",
    [
        ("DRAFT Brandle AONB Partnership Committee Minutes of the meeting at the Old Forge, Brandle 12th October 2022", "Brandle AONB Partnership Committee"),
        ("Brandle Schools Forum Minutes of the meeting on 12th October 2022", "Brandle Schools Forum"),
    ],
)
def test_body_name_run_into_the_minutes_heading(heading: str, committee: str) -> None:
    text = f"{heading}\nPresent: Cllr Ann Bell (Chair)\n1. Apologies\nNone.\n2. Finance\nThe accounts were noted.\n"
    doc = parse_bytes(text.encode(), "aonb.txt")
    assert (doc.meeting.committee, str(doc.meeting.date)) == (committee, "2022-10-12")
    assert [(i.number, i.title) for i in doc.items if i.title] == [("1", "Apologies"), ("2", "Finance")]


RESET_LIST = """Hollin Parish Council
Record of the meeting held on 3rd June 2021at 7pm
  1. Apologies
None.
  1. Declarations of Interest
None.
  1. Footpaths
The Clerk reported on the stile.
"""


def test_list_numbers_reset_to_one_still_number_items() -> None:
    # a Word numbered list converted by a document site: every heading printed "1."
    doc = parse_bytes(RESET_LIST.encode(), "hollin.txt")
    assert [(i.number, i.title) for i in doc.items if i.title] == [("1", "Apologies"), ("1", "Declarations of Interest"), ("1", "Footpaths")]
    assert str(doc.meeting.date) == "2021-06-03"


def test_two_items_numbered_one_are_not_a_reset_list() -> None:
    text = RESET_LIST.replace("  1. Footpaths\nThe Clerk reported on the stile.\n", "")
    doc = parse_bytes(text.encode(), "hollin.txt")
    assert [i.number for i in doc.items if i.title] != ["1", "1"]


@pytest.mark.parametrize(
    "line, title, text",
    [
        ("1. Apologies for absence: Councillor Kit Nash", "Apologies for absence", "Councillor Kit Nash"),
        ("2. Declarations of interest: Cllr Lamb (item 5)", "Declarations of interest", "Cllr Lamb (item 5)"),
        ("3. Highways: Mill Lane", "Highways: Mill Lane", None),  # not procedural: the colon is the title's
    ],
)
def test_procedural_heading_run_into_names_after_a_colon(line: str, title: str, text: str | None) -> None:
    doc = parse_bytes(f"Minutes of the meeting held on 3 March 2020\n{line}\n4. Finance\nNoted.\n".encode(), "pc.txt")
    item = doc.items[[i.title for i in doc.items].index(title)]
    assert [p.text for p in item.passages][:1] == ([text] if text else [])


def test_capitals_title_above_its_minute_reference() -> None:
    text = (
        "Minutes of the meeting held on 4 May 2016\nPresent: Councillors Abel, Boyd and Cole with officers of the planning service in attendance\n"
        "APOLOGIES\nPLC10/16\nApologies were recorded from Councillor Dean.\n"
        "SITE\nINSPECTIONS\nPLC11/16\nThe Chairman said a site visit had been held.\n"
    )
    doc = parse_bytes(text.encode(), "plc.txt")
    assert [(i.number, i.title) for i in doc.items if i.title] == [("PLC10/16", "APOLOGIES"), ("PLC11/16", "SITE INSPECTIONS")]


def test_lone_reference_over_its_title_keeps_the_title_below() -> None:
    text = "Minutes of the meeting held on 4 May 2016\nNOTES\nPLC10/16\nApologies\nNone.\nPLC11/16\nFinance\nNoted.\n"
    doc = parse_bytes(text.encode(), "plc.txt")
    assert [(i.number, i.title) for i in doc.items if i.title] == [("PLC10/16", "Apologies"), ("PLC11/16", "Finance")]


def test_run_on_titles_printed_before_their_paragraph_numbers() -> None:
    text = (
        "MINUTES OF THE BOARD MEETING held at Kirk Hall on 3rd March 2005 at 10am PRESENT Ann Bell Carl Dunn "
        "Minutes of Last Meeting 1. The minutes were approved. Matters Arising 2. There were no matters arising. "
        "Budget Report (Paper 2) 3. The Board noted the report on the budget and asked for a further update at its next meeting."
    )
    doc = parse_bytes(text.encode(), "board.txt")
    assert [(i.number, i.title) for i in doc.items if i.title] == [("2", "Matters Arising"), ("3", "Budget Report (Paper 2)")]


def test_capitals_title_before_its_number_on_one_line() -> None:
    text = "Minutes of the meeting held on 4 May 2016\nSITE VISITS 1. None were held.\nMINUTES AND MATTERS ARISING 2. 2.1 The minutes were agreed.\nPART 3. Exempt business\n"
    lines = [ln.text for ln in layout._split_run_on_headings([Line(t) for t in text.splitlines()])]
    assert lines[1:5] == ["1. SITE VISITS", "None were held.", "2. MINUTES AND MATTERS ARISING", "2.1 The minutes were agreed."]
    assert lines[5] == "PART 3. Exempt business"


ATTENDANCE_ABOVE_PARAGRAPHS = (
    "Minutes of the Monthly Meeting of Exampleton Borough Council held in the Council Chamber on Monday, 6 May 2024.\n\n"
    "Presiding Alderman A Example\n\n"
    "Vice Chair: Ald B Sample, Deputy Mayor\n\n"
    "Other Members Present C Person D Person Mrs E Person\n\n"
    "Officers Present F Person (Chief Executive)\n\n"
    "Representatives from Other Bodies in Attendance\n\n"
    "Roads Service: Mr G Person, Section Engineer\n\n\n"
    "1.1 The Minutes of the meeting held on 1 April 2024 were considered.\n\n"
    "RESOLVED: that the Minutes be signed as correct.\n\n\n"
    "2.1 The Chief Executive advised that there were no matters arising.\n"
)


@pytest.mark.parametrize(
    "text",
    [
        ATTENDANCE_ABOVE_PARAGRAPHS,
        # the body's name cut from the heading, the chair's line first
        "Minutes of Meeting held on Monday, 6 May 2024 at 7.00 pm in the Council Chamber\n\n"
        "In the Chair: Cllr A Example, Mayor\n\nVice Chair: Ald B Sample, Deputy Mayor\n\n"
        "Present: Ald C Person Cllr D Person\n\nThe Mayor welcomed everyone to the meeting and read the prayer.\n",
    ],
)
def test_who_chaired_and_attended_is_no_item_title(text: str) -> None:
    # printed minutes whose numbered paragraphs have no titles: "Presiding <name>", "Vice Chair: Ald <name>",
    # "<Service>: Mr <name>, <post>" were taken as the one item's title
    doc = parse_bytes(text.encode(), "minutes.txt")
    assert [(i.number, i.title) for i in doc.items if i.title] == []
    assert doc.meeting.date == dt.date(2024, 5, 6)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a blank line between the heading's two lines, the site's cut copy of the heading above it
        ("MINUTES OF THE PROCEEDINGS OF THE COUNCIL MEETING …\n\n\nMINUTES OF THE PROCEEDINGS OF THE COUNCIL MEETING HELD\n\n"
         "ON MONDAY 3 JUNE 2024 AT 7.00 PM\n\nIn the Chair: Councillor A Example\n\nAPOLOGIES\n\nNone were received.\n\n"
         "FINANCE\n\nThe Clerk presented the accounts.\n",
         ("Council", dt.date(2024, 6, 3), [(None, "APOLOGIES"), (None, "FINANCE")])),
        # the venue wrapped onto the next line of a heading that has its date: the venue is no item
        ("MINUTES OF THE ORDINARY MEETING OF EXAMPLETON TOWN COUNCIL HELD ON THURSDAY 11th APRIL 2024\n\n"
         "AT THE TOWN HALL AT 7:30PM\n\nPRESENT: Councillors A Example, B Sample\n\nAPOLOGIES\n\nNone were received.\n\n"
         "FINANCE\n\nThe Clerk presented the accounts.\n",
         ("Exampleton Town Council", dt.date(2024, 4, 11), [(None, "APOLOGIES"), (None, "FINANCE")])),
    ],
)
def test_a_capitals_heading_wrapped_over_a_blank_line(text: str, expected: tuple) -> None:
    doc = parse_bytes(text.encode(), "minutes.txt")
    assert (doc.meeting.committee, doc.meeting.date, [(i.number, i.title) for i in doc.items if i.title]) == expected


@pytest.mark.parametrize(
    ("lines", "person"),
    [
        (["Cyng. Anwen Example"], True), (["Cllr. Bryn Sample (Chair)"], True), (["Lord Provost Ailsa EXAMPLE"], True),
        (["Mr D SAMPLE"], True), (["Gwen Example-Sample (Clerk)"], True), (["Anwen Example (cyfieithydd)"], True),
        (["BAILIES"], True), (["COUNCILLORS"], True),
        # forename and SURNAME: a person within a list, next to another person or the list's heading
        (["Ailsa EXAMPLE", "Iain G SAMPLE"], True), (["COUNCILLORS", "Ruaridh McEXAMPLE"], True),
        # headings
        (["Annual Report CCTV"], False), (["Declarations of Interest"], False), (["ROAD SAFETY"], False),
        (["Planning Applications"], False), (["Planning Applications (Deferred)"], False), (["Mr Sample's Appeal"], False),
        (["Public Participation"], False),
    ],
)
def test_one_person_a_line_of_an_attendance_list(lines: list[str], person: bool) -> None:
    from indexer.parse.layout import _person_at
    from indexer.parse.text import Line

    body = [Line(t) for t in lines]
    assert _person_at(body, len(body) - 1) is person


def test_an_attendance_list_one_name_a_line_gives_no_titles() -> None:
    # Scottish councils list the sederunt a member a line with surnames in capitals, Welsh town councils
    # "Cyng. <name>" a line: the last name of the list was taken for the first item's title
    text = ("At a MEETING of the LICENSING COMMITTEE held at Exampleton on 4th March, 2024.\n\nPresent:-\n\n"
            "Provost Ailsa EXAMPLE\n\nCOUNCILLORS\n\nBryn SAMPLE\n\nIain G PERSON\n\n"
            "Councillor Bryn SAMPLE, Convener, in the Chair.\n\nDECLARATION OF INTEREST\n\nThere were no declarations of interest.\n\n"
            "TAXI FARES\n\nThere was submitted a report on taxi fares.\n\nThe Committee noted the report.\n")
    doc = parse_bytes(text.encode(), "minutes.txt")
    assert [(i.number, i.title) for i in doc.items if i.title] == [(None, "DECLARATION OF INTEREST"), (None, "TAXI FARES")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # procedural headings run into their minutes after a colon, with no verb after it
        ("Minutes of the Council Meeting held in the Hall on Monday 4th March 2024.\n"
         "1. Apologies for absence: Mr A Example and Mrs B Sample.\n2. Declarations of interest: None\n"
         "3. Footpaths. The clerk reported that the stile had been mended.\n",
         [("1", "Apologies for absence"), ("2", "Declarations of interest"), ("3", "Footpaths")]),
        # the last headings run into their minutes after a stop, each numbered on from the one before
        ("Minutes of the Council Meeting held in the Hall on Monday 4th March 2024.\n"
         "Item 1: Apologies for Absence.\n\nItem 2: Declarations of Interest.\n\n"
         "Item 3: Community Police Matters. PC Example advised that there had been no reported crimes.\n\n"
         "Item 4: Acceptance of Minutes. Resolved that the minutes of the last meeting were a correct record.\n",
         [("1", "Apologies for Absence"), ("2", "Declarations of Interest"), ("3", "Community Police Matters"),
          ("4", "Acceptance of Minutes")]),
        # the heading after the procedural ones runs on after a stop: each line numbered on is still an item
        ("Minutes of the Council Meeting held in the Hall on Monday 4th March 2024.\n"
         "1. Apologies for absence: Mr A Example.\n2. Declarations of interest: None\n"
         "3. Planning Application 24/00999/FUL. No objections were raised to the porch at Example Farm.\n"
         "4. Bus shelter repairs. The quotation of £500 was approved. AE to order.\n",
         [("1", "Apologies for absence"), ("2", "Declarations of interest"), ("3", "Planning Application 24/00999/FUL"),
          ("4", "Bus shelter repairs")]),
        # a title's own "Public rights of way: annual report" is not split (no procedural heading, no verb)
        ("Minutes of the Council Meeting held in the Hall on Monday 4th March 2024.\n"
         "1. Apologies for absence: None\n2. Public rights of way: annual report\n\nThe report was noted.\n",
         [("1", "Apologies for absence"), ("2", "Public rights of way: annual report")]),
    ],
)
def test_headings_run_into_their_minutes_to_the_last(text: str, expected: list[tuple[str, str]]) -> None:
    doc = parse_bytes(text.encode(), "minutes.txt")
    assert [(i.number, i.title) for i in doc.items if i.title] == expected


def test_running_register_numbers_four_digits_alone_on_their_lines() -> None:
    """A county council's meeting page numbers its minutes from a running register ("2481." alone over the
    title): the numbers are the items'."""
    text = (
        "Agenda and minutes\n\nCouncil - Wednesday, 9th July, 2025 10.00 am\n\nItems\nNo. Item\n\n"
        "2481.\n\nApologies (Agenda item 1)\n\nMinutes:\n\nApologies were received from Mr P Harwood.\n\n"
        "2482.\n\nChairman's Announcements (Agenda item 2)\n\nMinutes:\n\nThe Chairman thanked the library staff.\n"
    )
    doc = parse_bytes(text.encode(), "page.txt")
    assert [(it.number, it.title) for it in doc.items if it.title] == [
        ("2481", "Apologies (Agenda item 1)"),
        ("2482", "Chairman's Announcements (Agenda item 2)"),
    ]


def test_running_register_numbers_five_digits_before_capitals_titles() -> None:
    text = (
        "Minutes of the meeting of Brindle Cross Town Council held in the Hall on Monday 6 October 2025\n\n"
        "PRESENT: Councillor A. Marsh (chairman), Councillors B. Lyle and C. Orme.\n\n"
        "20415 MAYOR'S REPORT\nThe mayor reported on the Remembrance arrangements.\n\n"
        "20416 HIGHWAYS\nThe clerk read the county highways report for September.\n"
    )
    doc = parse_bytes(text.encode(), "minutes.txt")
    assert [(it.number, it.title) for it in doc.items if it.title] == [
        ("20415", "MAYOR'S REPORT"),
        ("20416", "HIGHWAYS"),
    ]


@pytest.mark.parametrize(
    "lines, running",
    [
        (["2481.", "Apologies", "2482.", "Minutes"], {2481, 2482}),
        (["20415 MAYOR'S REPORT", "20416 HIGHWAYS"], {20415, 20416}),
        (["2024 Budget", "2025 Budget"], set()),  # years, not minutes
        (["5000 households were surveyed.", "2481.", "Minutes"], set()),  # no consecutive pair
        (["2481.", "2483."], set()),
    ],
)
def test_running_numbers_need_a_consecutive_neighbour(lines: list[str], running: set[int]) -> None:
    assert layout._running_numbers([Line(t) for t in lines]) == running


_RUN_ON_HEAD = (
    "Minutes of Meeting of Lisnaree District Council held on Monday 6 March 2023 in the Council Offices, Bridge Street "
    "Members Present: Councillor Orr, Chair Councillors Brady, Coyle, Dunlop and Kerrigan The meeting commenced at 7pm "
)


@pytest.mark.parametrize(
    ("minutes", "expected"),
    [
        # consecutive references with one prefix and one year split the run-on line; the capitals run is the title
        ("C12/23 APOLOGIES Councillor Lynch C13/23 DECLARATIONS OF INTEREST The Chair reminded Members of their duty. "
         "C14/23 LEISURE CENTRE ROOF The Director reported on the tenders received for the repairs.",
         [("C12/23", "APOLOGIES"), ("C13/23", "DECLARATIONS OF INTEREST"), ("C14/23", "LEISURE CENTRE ROOF")]),
        # a four-digit year; a minute continued over a page repeats its reference
        ("C140/2023 WELCOME The Mayor welcomed Members to the meeting. C141/2023 CONGRATULATIONS The Mayor congratulated "
         "the school choir. – 2 – C141/2023 CONGRATULATIONS Continued Members joined the Mayor in her congratulations.",
         [("C140/2023", "WELCOME"), ("C141/2023", "CONGRATULATIONS")]),
        # references of two prefixes or years, or not going up by one, are cross-references: no items
        ("Members noted minute C12/23 Apologies and minute P40/22 Planning and asked the Director to report on "
         "the C19/23 Leisure strategy at a later meeting of the council with the figures for the year.",
         []),
    ],
)
def test_inline_minute_references_split_a_run_on_line(minutes: str, expected: list[tuple[str, str]]) -> None:
    doc = parse_bytes((_RUN_ON_HEAD + minutes + "\n").encode(), "minutes.txt")
    assert [(it.number, it.title) for it in doc.items if it.number] == expected


def test_reference_glued_to_its_capitals_title() -> None:
    text = (
        "MINUTES OF A COUNCIL MEETING HELD AT THE TOWN HALL ON MONDAY 9th JANUARY 2023 AT 7.00 PM\n\n"
        "PRESENT: Cllr A. Pryce (Mayor)\n\n"
        "201/01APOLOGIES Apologies were received from Cllr T. Bevan\n\n"
        "201/02DECLARATIONS OF INTEREST No interests were declared.\n\n"
        "201/03MINUTES The following minutes were read and confirmed.\n"
    )
    doc = parse_bytes(text.encode(), "minutes.txt")
    assert [(it.number, it.title) for it in doc.items if it.number] == [
        ("201/01", "APOLOGIES"), ("201/02", "DECLARATIONS OF INTEREST"), ("201/03", "MINUTES")
    ]


def test_cmis_page_entries_with_gaps_in_their_numbers() -> None:
    text = (
        "Meeting Details\n\nMeeting Summary\nKilbrannan Council\n3 May 2023 - 10:00 to 12:00\n\nAgenda\n\nPublic Items\n"
        "1 Welcome and Apologies\n2 Declarations of Interest\n5 Roads Capital Programme\nReport by Head of Roads (copy herewith 23/60)\n"
        "9 Ferry Timetable\n\nPrivate Items\nP1 Sale of the Old School\nReport by Head of Property (copy herewith 23/61)\n"
    )
    doc = parse_bytes(text.encode(), "meeting.txt")
    assert [(it.number, it.title) for it in doc.items if it.number] == [
        ("1", "Welcome and Apologies"), ("2", "Declarations of Interest"), ("5", "Roads Capital Programme"),
        ("9", "Ferry Timetable"), ("P1", "Sale of the Old School"),
    ]
    # without the page's groups, a gap ends the run: "5" and "9" are no items of the "1", "2" list
    plain = parse_bytes(text.replace("Public Items\n", "").replace("Private Items\n", "").encode(), "meeting.txt")
    assert [it.number for it in plain.items if it.number][:2] == ["1", "2"]
    assert "9" not in [it.number for it in plain.items]


@pytest.mark.parametrize(
    ("numbers", "expected"),
    [
        (["04/22/01", "04/22/02", "04/22/03"], ["04/22/01", "04/22/02", "04/22/03"]),  # month, year, minute
        (["2022/04/01", "2022/04/02", "2022/04/03"], ["2022/04/01", "2022/04/02", "2022/04/03"]),  # year, month, minute
        (["01/04/22", "02/04/22", "03/04/22"], []),  # a date's form ("12/04/24 Payment to …"): no minute numbers
        # not one run: no list (printed minutes' first minute-numbered heading stays an item, as for "3/1")
        (["04/22/01", "04/22/05", "04/22/09"], ["04/22/01"]),
    ],
)
def test_three_part_minute_references(numbers: list[str], expected: list[str]) -> None:
    titles = ["Circular", "Apologies for absence", "Harbour Lighting"]
    body = "\n\n".join(f"{n} {t}\n\nThe clerk reported on the matter and members noted it." for n, t in zip(numbers, titles))
    text = "At a meeting of KELDA COMMUNITY COUNCIL held in the Hall on Monday 4 April 2022 at 7pm\n\n" + body + "\n"
    doc = parse_bytes(text.encode(), "minutes.txt")
    assert [it.number for it in doc.items if it.number] == expected


@pytest.mark.parametrize("columns", ["No. Item", "Note No. Item"])
def test_meeting_page_row_above_first_numbered_item_is_an_unnumbered_item(columns: str) -> None:
    # a ModernGov item table whose first row has no number ("OPEN FORUM", "Chairs Announcement"): below the
    # table's header no attendance list stands, so the row is an item, and its title names no committee
    text = (
        "Agenda and minutes\n\nVenue: Civic Offices, Brindle Street. View directions\n\nContact: Omar Keane\n\n"
        f"Items\n{columns}\n\nOPEN FORUM pdf icon PDF 120 KB\n\n \n\nQuestions from residents were taken before the meeting.\n\n"
        "21.\n\nApologies for Absence\n\nMinutes:\n\nThere were none.\n\n"
        "22.\n\nMinutes\n\nMinutes:\n\nRESOLVED that the minutes of the meeting held on 4 May 2023 be approved.\n"
    )
    doc = parse_bytes(text.encode(), "meeting.txt")
    assert [(it.number, it.title) for it in doc.items] == [(None, "OPEN FORUM"), ("21", "Apologies for Absence"), ("22", "Minutes")]
    assert doc.meeting.committee is None
    # a sentence above the first number is no row's title: it stays the untitled preamble
    prose = parse_bytes(text.replace("OPEN FORUM pdf icon PDF 120 KB\n\n \n\n", "").encode(), "meeting.txt")
    assert [(it.number, it.title) for it in prose.items] == [(None, ""), ("21", "Apologies for Absence"), ("22", "Minutes")]
    # without the table's "Items" / "No. Item" heading the row is still an item on a meeting page …
    bare = parse_bytes(text.replace(f"Items\n{columns}\n\n", "").encode(), "meeting.txt")
    assert [(it.number, it.title) for it in bare.items][0] == (None, "OPEN FORUM")
    # … but not a first heading line whose next line names the meeting ("<Body> - <date>")
    heading = (
        "Agenda and minutes\n\nBrindle Fire and Rescue Authority - Audit and Risk\nMonday, 5th June, 2023 2.00 pm\n\n"
        "Venue: Fire Headquarters, Brindle\n\nContact: Omar Keane\n\n1.\n\nApologies for Absence\n\nMinutes:\n\nThere were none.\n\n"
        "2.\n\nMinutes\n\nMinutes:\n\nRESOLVED that the minutes of the meeting held on 4 May 2023 be approved.\n"
    )
    headed = parse_bytes(heading.encode(), "meeting.txt")
    assert [it.title for it in headed.items][1:] == ["Apologies for Absence", "Minutes"]
    assert headed.items[0].title == "" and headed.meeting.date == dt.date(2023, 6, 5)


def test_item_page_with_a_numbered_list_of_applications_is_one_item() -> None:
    # an "Agenda item" page is one item: "(1) <SITE> (APPLICATION 1/01)" lines in its minutes list the
    # applications decided under it (as "a) The Panel noted …" lists points), they are no items of their own
    text = (
        "Agenda item\n\nPlanning Applications Received\n\nReport of the Chief Planning Officer.\n\nMinutes:\n\n"
        "RESOLVED:  That the decision notices be issued.\n\n"
        "(1)        LAND AT ORCHARD WAY, KESTLOW (APPLICATION 1/01)\n\n            DECISION:  GRANTED.\n\n"
        "(2)        THE OLD DEPOT, MARSH LANE, KESTLOW (APPLICATION 1/02)\n\n            DECISION:  REFUSED.\n"
    )
    doc = parse_bytes(text.encode(), "item.txt")
    assert [(it.number, it.title) for it in doc.items] == [(None, "Planning Applications Received")]
    # the same list on a meeting page is a list of items
    page = parse_bytes(text.replace("Agenda item\n\n", "").encode(), "item.txt")
    assert [it.number for it in page.items if it.number] == ["1", "2"]


def test_title_run_into_its_blurb_under_a_lone_number() -> None:
    """A meeting page whose text joined an item's title and blurb on one line under its lone number keeps
    the item: the title is split off where a blurb starts and the page's "Minutes:" label follows."""
    text = (
        "Agenda and minutes\n\nPlanning Committee - Monday, 3rd March, 2025 2.00 pm\n\nItems\nNo. Item\n\n"
        "1.\n\nApologies\n\nMinutes:\n\nNone were received.\n\n"
        "2.\n\nDeclarations of Interest Members are reminded to state any interest they hold in the business on this "
        "agenda, and to leave the room while an item in which they hold a prejudicial interest is taken\n\n"
        "Minutes:\n\nThere were no declarations.\n\n"
        "3.\n\nUrgent Items Notice of items which the Chair has agreed to take as urgent at the meeting "
        "\n\nMinutes:\n\nNone.\n"
    )
    doc = parse_bytes(text.encode(), "page.txt")
    assert [(i.number, i.title) for i in doc.items] == [
        ("1", "Apologies"),
        ("2", "Declarations of Interest"),
        ("3", "Urgent Items"),
    ]
    # the blurb is kept as the item's summary, as a blurb on its own line is; the minutes follow it
    assert [(p.section, p.text[:30]) for p in doc.items[1].passages] == [
        ("summary", "Members are reminded to state "),
        ("procedural", "There were no declarations."),
    ]


def test_long_title_line_with_no_blurb_stays_a_passage() -> None:
    """A long sentence under a lone number that holds no blurb is not cut into a title."""
    lines = [Line("2."), Line("The Chair reported that the hall had been booked for the whole of the next year at the old rate", 0, 1), Line("Minutes:", 0, 1)]
    assert [ln.text for ln in layout._split_title_blurb_lines(lines)] == [ln.text for ln in lines]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an issue page prints the title on the line under "Meeting:", here in sentence case with a full stop
        (
            "Issue - meetings\n\nDeclarations of interest.\n\nMeeting: 14/10/2015 - Standards Committee (Item 3)\n\n"
            "Declarations of interest.\n\nThe Chairman invited members to declare any interest in the items on the agenda.\n",
            ("issue_history", [("3", "Declarations of interest")]),
        ),
        # an item page prints it under "Agenda item"
        (
            "Agenda item\n\nPublic question time.\n\nMinutes:\n\nThere were no questions from members of the public.\n",
            ("agenda_item", [(None, "Public question time")]),
        ),
        # a sentence under "Meeting:" (the title cell lost) is still no title
        (
            "Issue - meetings\n\nBudget monitoring\n\nMeeting: 14/10/2015 - Cabinet (Item 9)\n\n"
            "The Cabinet noted the report.\n",
            ("issue_history", [("9", "")]),
        ),
    ],
)
def test_title_with_full_stop_where_the_page_prints_its_title(text: str, expected: tuple) -> None:
    doc = parse_bytes(text.encode(), "page.txt")
    assert (doc.kind, [(i.number, i.title) for i in doc.items]) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # a long numbered line: its heading ends where the minute's first sentence starts
        (
            "7. Chair's remarks. No apologies had been received and the Chair thanked the volunteers at the pond.",
            ["7. Chair's remarks", "No apologies had been received and the Chair thanked the volunteers at the pond."],
        ),
        (
            "12 Public participation A resident asked about the bus shelter on Station Road and the missing timetable.",
            ["12 Public participation", "A resident asked about the bus shelter on Station Road and the missing timetable."],
        ),
        (
            "2024/1) Election of the Meeting Chairman On the motion of Cllr Ames, seconded by Cllr Bell, a chairman was elected.",
            ["2024/1) Election of the Meeting Chairman", "On the motion of Cllr Ames, seconded by Cllr Bell, a chairman was elected."],
        ),
        (
            "1. Welcome Chair welcomed all to the annual general meeting of the community council and thanked members.",
            ["1. Welcome", "Chair welcomed all to the annual general meeting of the community council and thanked members."],
        ),
        # a numbered point of a list, not a heading: a sentence before the cue
        (
            "1. This meeting is to be webcast. Members are reminded to switch on their microphones before speaking.",
            ["1. This meeting is to be webcast. Members are reminded to switch on their microphones before speaking."],
        ),
        # a paragraph's sub-number is not an item's
        (
            "6.3 Hedge cutting at the old cemetery A contractor had started work on the hedges there last week.",
            ["6.3 Hedge cutting at the old cemetery A contractor had started work on the hedges there last week."],
        ),
        # a decision's word run into the title before a dash
        (
            "3. Minutes of the last meeting RESOLVED – that the minutes of the meeting held on 4 March be approved.",
            ["3. Minutes of the last meeting", "RESOLVED – that the minutes of the meeting held on 4 March be approved."],
        ),
    ],
)
def test_long_numbered_line_split_where_the_minute_starts(line: str, expected: list[str]) -> None:
    assert [ln.text for ln in layout._split_run_on_headings([Line(line)])] == expected


def test_a_sub_item_number_heads_a_title_opening_with_a_house_number() -> None:
    # a planning sub-item "238a" over its site's address: the address is its title, not item 113
    text = (
        "Agenda and minutes\n\nVenue: Guildhall\n\n238\n\nPlanning applications\n\nMinutes:\n\n"
        "Resolved that the following applications are permitted.\n\n238a\n\n"
        "113 Orchard Hill Road, Westford, WF1 3HE (17/12932)\n\nMinutes:\n\n"
        "The Committee considered the demolition of the existing building.\n"
    )
    doc = parse_bytes(text.encode(), "meeting.txt")
    assert [(i.number, i.title) for i in doc.items if i.title] == [
        ("238", "Planning applications"),
        ("238a", "113 Orchard Hill Road, Westford, WF1 3HE (17/12932)"),
    ]
