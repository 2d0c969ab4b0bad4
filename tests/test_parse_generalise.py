"""Mechanisms that make the parser read bodies it was not written for (issue 12), on invented text."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from indexer.model import item_record
from indexer.parse import parse_bytes
from indexer.parse.meta import clean_committee, header_meeting, meeting_from_head, parse_date
from indexer.parse.titles import NUMBER_AND_TITLE, clean_title

ISSUE_PAGE = """Issue - meetings

Street Trading Consent Renewal

Meeting: 14/03/2019 - Licensing (Street Trading) Sub-Committee (Item 12)

12 Street Trading Consent - Market Square pdf icon PDF 120 KB

Report of the Licensing Manager on an application to renew a consent.

Minutes:

The Licensing Officer presented the report. The applicant answered questions from Members.

RESOLVED that the consent be renewed.
"""


def test_issue_page_titles_each_meeting_item_by_the_line_after_its_meeting_line() -> None:
    doc = parse_bytes(ISSUE_PAGE.encode(), "issue.txt")
    assert doc.kind == "issue_history"
    assert [(i.number, i.title) for i in doc.items] == [("12", "Street Trading Consent - Market Square")]
    item = doc.items[0]
    assert (item.meeting.committee, item.meeting.date) == ("Licensing (Street Trading) Sub-Committee", dt.date(2019, 3, 14))
    assert len(item.resolutions) == 1


FLAT_PACK = (
    "(Public Pack)Agenda Document for Westmoor\nTotal Page:40\nFile Type:pdf, Size:880Kb\n"
    "Public Document Pack Head of Democratic Services Shire Hall To: Members of the Westmoor Fire Panel "
    "Monday, 2 March 2021 Dear Member, Please attend a meeting of the Westmoor Fire Panel to be held at 2.00 pm on "
    "Thursday, 12 March 2021. The agenda for the meeting is set out below. Yours sincerely, Head of Democratic Services "
    "A G E N D A 1. Apologies for Absence To receive apologies for absence 2. Public Questions To receive questions "
    "from the public 3. Minutes (Pages 1 - 6) To confirm the minutes of the meeting held on 4 February 2021 "
    "4. Annual Fire Safety Report (Pages 7 - 30) 5. Date of Next Meeting Agenda Item 3 MINUTES of a meeting of the "
    "Westmoor Fire Panel held on 4 February 2021. PRESENT Councillor A Example (in the Chair)\n"
)


def test_flattened_pack_with_spaced_heading_and_mixed_case_titles() -> None:
    doc = parse_bytes(FLAT_PACK.encode(), "pack.txt")
    assert doc.kind == "agenda_only"
    assert doc.meeting.date == dt.date(2021, 3, 12)  # "to be held … on", not the letter's date
    # the cover letter's prose (its dated sentence left out) is the untitled item before the first
    assert [p.text for p in doc.items[0].passages] == ["The agenda for the meeting is set out below."]
    assert [(i.number, i.title) for i in doc.items] == [
        (None, ""),
        ("1", "Apologies for Absence"),
        ("2", "Public Questions"),
        ("3", "Minutes"),
        ("4", "Annual Fire Safety Report"),
        ("5", "Date of Next Meeting"),
    ]
    assert not any("File Type" in i.title for i in doc.items)


FLAT_MINUTES = (
    "Minutes of a meeting of the Council held at the Guildhall, High Street at 7.00pm on 9 May 2019 PRESENT "
    "Councillors A Example, B Sample and C Person. A G E N D A 1. CHAIRMAN'S ANNOUNCEMENTS The Chairman welcomed "
    "everyone to the meeting and thanked the staff for the arrangements for the evening, which had been made at "
    "short notice. 2. MINUTES The minutes of the meeting held on 4 April were confirmed as a correct record and "
    "were signed by the Chairman. RESOLVED that the minutes be approved. 3. LEADER'S"
)


def test_flattened_printed_minutes_keep_minutes_and_drop_a_cut_off_title() -> None:
    doc = parse_bytes(FLAT_MINUTES.encode(), "minutes.txt")
    assert doc.kind == "printed_minutes"
    assert (doc.meeting.committee, doc.meeting.date) == ("Council", dt.date(2019, 5, 9))
    assert [(i.number, i.title) for i in doc.items if i.title] == [("1", "CHAIRMAN'S ANNOUNCEMENTS"), ("2", "MINUTES")]
    assert sum(len(i.resolutions) for i in doc.items) == 1


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (["At a meeting of the Joint Fire Authority for Northvale and Southdale held at Headquarters, "
          "Unit 4, Business Park on Tuesday 3 March 2015 at 10.00 a.m."],
         ("Joint Fire Authority for Northvale and Southdale", dt.date(2015, 3, 3))),
        (["Public Pack", "Please attend a meeting of the Panel to be held at 10.30 am on Friday, 6 May 2022."],
         (None, dt.date(2022, 5, 6))),
        (["Held on Wednesday 7 June 2023 at the Town Hall"], (None, dt.date(2023, 6, 7))),
        (["The minutes of the meeting held on 4 April 2023 were agreed"], (None, None)),
    ],
)
def test_meeting_from_cover_and_heading_lines(head: list[str], expected: tuple) -> None:
    assert meeting_from_head(head) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("A1Declarations of interest", ("A1", "Declarations of interest")),
        ("B12 Chief Officer's report", ("B12", "Chief Officer's report")),
        ("12Highways", ("12", "Highways")),
        ("2019Budget setting", None),
    ],
)
def test_number_glued_to_title_in_pdf_text(line: str, expected: tuple | None) -> None:
    m = NUMBER_AND_TITLE.match(line)
    assert (m.groups() if m else None) == expected


PARISH = """Westfold Parish Council Draft Minutes
Report this document
Download as docx
You are on page 2 of 5

Minutes of the Westfold Parish Council Meeting
held at the Memorial Hall
on Monday 4th March 2024 at 7.00pm

2403.01 Present
Councillors: A. Example (Chairman), B. Sample, C. Person

2403.02 Confirmation of the Minutes of 5th February 2024
Councillors resolved that the record of 5th February 2024 is approved and
the Chairman signed them as a true record of the meeting held that evening in the hall.

2403.03 Footpath Repairs
The Clerk reported that the contractor had repaired the stile on the footpath behind the
church and that the cost had been met from the maintenance budget set aside for it.

2403.04 Grass Cutting Contract
It was resolved that the contract be renewed for one further year at the same price.
"""


def test_parish_minutes_numbered_by_month_behind_a_document_site_banner() -> None:
    doc = parse_bytes(PARISH.encode(), "parish.txt")
    assert doc.kind == "printed_minutes"
    assert (doc.meeting.committee, doc.meeting.date) == ("Westfold Parish Council", dt.date(2024, 3, 4))
    assert [(i.number, i.title) for i in doc.items if i.title] == [
        ("2403.01", "Present"),  # the attendance is a numbered minute of its own
        ("2403.02", "Confirmation of the Minutes of 5th February 2024"),
        ("2403.03", "Footpath Repairs"),
        ("2403.04", "Grass Cutting Contract"),
    ]
    assert not any("Download" in p.text or "page 2 of 5" in p.text for i in doc.items for p in i.passages)


REGISTER = """Minutes of Eastbrook Parish Council meeting held on 6 May 2024

IN ATTENDANCE:

Mrs B Sample, Parish Clerk

P101/24      1.         APOLOGIES FOR ABSENCE.

Cllr A Example sent apologies, which were accepted.

P102/24      2.         PUBLIC QUESTIONS.

No questions had been received.

P103/24      3.         MATTERS ARISING.

There were no matters arising from the minutes.
"""


def test_register_number_before_agenda_number_and_headings_ending_in_a_full_stop() -> None:
    doc = parse_bytes(REGISTER.encode(), "register.txt")
    assert [(i.number, i.title) for i in doc.items if i.title] == [
        ("P101/24", "APOLOGIES FOR ABSENCE."),
        ("P102/24", "PUBLIC QUESTIONS."),
        ("P103/24", "MATTERS ARISING."),
    ]


SINGLE = """Some Upload Title by user123

VIEWS: 12 PAGES: 30

More Info
Northdale Authority

Planning Committee

Minutes of the meeting held on 2 October 2012

Present:
Mr A Example – in the Chair

7/1      Apologies for Absence and Welcome

The Chairman welcomed everyone to the meeting and explained the order of business.
"""


def test_one_minute_numbered_heading_under_a_short_dated_heading() -> None:
    doc = parse_bytes(SINGLE.encode(), "single.txt")
    assert doc.kind == "printed_minutes"
    assert (doc.meeting.committee, doc.meeting.date) == ("Planning Committee", dt.date(2012, 10, 2))
    assert [(i.number, i.title) for i in doc.items if i.title] == [("7/1", "Apologies for Absence and Welcome")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("PUBLIC QUESTIONS.", "PUBLIC QUESTIONS."),
        ("Declarations of Personal Interests.", "Declarations of Personal Interests."),
        ("The Chairman welcomed everyone.", "The Chairman welcomed everyone."),
        ("Minutes. pdf icon PDF 58 KB", "Minutes."),
        ("To consider the following reports :", "To consider the following reports"),
        ("| Etc.. -", "Etc.."),
    ],
)
def test_clean_title_keeps_a_headings_printed_full_stop(text: str, expected: str) -> None:
    assert clean_title(text) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Minutes of Westfold Parish Council 22 November 2023", ("Westfold Parish Council", dt.date(2023, 11, 22))),
        ("Minutes of the Licensing Committee held on Monday, 5 June 2023", ("Licensing Committee", dt.date(2023, 6, 5))),
        ("Standards Committee, 14 Dec 1999", ("Standards Committee", dt.date(1999, 12, 14))),
        ("Minutes of the previous meeting 5 June 2023", None),
        ("Mr A Example, 5 June 2023", None),
    ],
)
def test_headings_naming_body_and_date(line: str, expected: tuple | None) -> None:
    assert header_meeting(line) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Date: 5/6/23", dt.date(2023, 6, 5)),
        ("Meeting Date : 03/06/2020", dt.date(2020, 6, 3)),
        ("see paragraph 1.2.10", None),
    ],
)
def test_two_digit_years_and_date_fields(text: str, expected: dt.date | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Precept Meeting, Westshire Police and Crime Panel", "Westshire Police and Crime Panel"),
        ("Confirmation Hearing - Eastshire Police and Crime Panel", "Eastshire Police and Crime Panel"),
        ("Planning Committee", "Planning Committee"),
    ],
)
def test_a_meetings_purpose_is_not_the_committee(name: str, expected: str) -> None:
    assert clean_committee(name) == expected


NAV_PAGE = """Skip to content
Loading...
Parliament business

Standards Committee, 9 Mar 2001

Meeting date: Friday, March 9, 2001

Contents

Register of Interests

The Convener:

Good morning. The first item is the register of interests, on which we have a paper from the clerk.
"""


def test_navigation_and_contents_above_a_heading_are_not_items() -> None:
    doc = parse_bytes(NAV_PAGE.encode(), "nav.txt")
    assert (doc.meeting.committee, doc.meeting.date) == ("Standards Committee", dt.date(2001, 3, 9))
    assert [i.title for i in doc.items if i.title] == ["Register of Interests"]


HEADING_ONLY = (
    "Minutes of a meeting of the Westfold Council held at the Guildhall at 7.00pm on 9 May 2019 PRESENT Councillors "
    "A Example, B Sample and C Person, who heard the report of the Town Clerk on the year past and thanked the staff."
)


def test_no_document_is_lost_when_its_structure_is_not_recognised() -> None:
    doc = parse_bytes(HEADING_ONLY.encode(), "heading-only.txt")
    assert len(doc.items) == 1
    assert (doc.meeting.committee, doc.meeting.date) == ("Westfold Council", dt.date(2019, 5, 9))
    assert "thanked the staff" in " ".join(p.text for p in doc.items[0].passages)
    assert "items" in doc.guessed
    assert item_record(doc, doc.items[0])["guessed"] == ["items"]


def test_a_committee_read_from_running_text_is_marked_guessed() -> None:
    text = "Agenda item\n\nPrecept Proposal\n\nMinutes:\n\nThe Members of the Northvale Police and Crime Panel considered the proposal.\n"
    doc = parse_bytes(text.encode(), "item.txt")
    assert doc.meeting.committee == "Northvale Police and Crime Panel"
    assert doc.guessed == ("committee",)


def test_minutes_parse_applies_the_corpus_manifest(tmp_path) -> None:
    from click.testing import CliRunner

    from indexer.cli import main

    (tmp_path / "panel").mkdir()
    (tmp_path / "panel" / "item.txt").write_text("Agenda item\n\nPrecept Proposal\n\nMinutes:\n\nThe proposal was agreed.\n")
    (tmp_path / "manifest.json").write_text(
        '{"defaults": {"committee": "Southvale Police and Crime Panel"}, "files": {"panel/item.txt": {"meeting_date": "2021-02-03"}}}'
    )
    result = CliRunner().invoke(main, ["parse", "--json", str(tmp_path / "panel" / "item.txt")])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output.splitlines()[0])
    assert (record["committee"], record["meeting_date"], record["item_title"]) == (
        "Southvale Police and Crime Panel", "2021-02-03", "Precept Proposal")
    assert record["guessed"] == []


LETTERED = """Top

LICENSING SUB-COMMITTEE

Minutes of a meeting held on 3rd March, 2016.

Present: Councillors A. Example, B. Sample and C. Person.

(a)       Appointment of Chairman

Councillor A. Example was elected Chairman for the hearing.

(b)       Declarations of Interest

No declarations were received.

(c)       Licensing Act 2003 - Application for a Premises Licence - The Old Mill, River Lane

The Licensing Officer presented the report. The Sub-Committee heard from the applicant.
"""


def test_lettered_items_of_printed_minutes_and_a_body_heading_in_capitals() -> None:
    doc = parse_bytes(LETTERED.encode(), "lettered.txt")
    assert (doc.meeting.committee, doc.meeting.date) == ("Licensing Sub-Committee", dt.date(2016, 3, 3))
    assert [(i.number, i.title) for i in doc.items if i.title] == [
        ("(a)", "Appointment of Chairman"),
        ("(b)", "Declarations of Interest"),
        ("(c)", "Licensing Act 2003 - Application for a Premises Licence - The Old Mill, River Lane"),
    ]


LONG_CAPITALS = """Minutes of Westfold Parish Council 4 March 2024

P201/24   1.   APOLOGIES FOR ABSENCE.

None were received.

P202/24   2.   TO RECEIVE AND NOTE THE MINUTES OF THE FOOTPATHS AND OPEN SPACES WORKING GROUP HELD ON 12TH FEBRUARY 2024

Members received and noted the minutes.

P203/24   3.   TO RECEIVE AND NOTE THE MINUTES OF THE ALLOTMENTS AND PLAY AREAS WORKING GROUP HELD ON 19TH FEBRUARY 2024

Members received and noted the minutes.

P204/24   4.   TO RECEIVE AND NOTE THE MINUTES OF THE STAFF
"""


def test_long_headings_in_capitals_similar_titles_and_a_cut_off_last_heading() -> None:
    doc = parse_bytes(LONG_CAPITALS.encode(), "capitals.txt")
    assert doc.kind != "issue_history"  # similar titles alone do not make an issue history
    assert (doc.meeting.committee, doc.meeting.date) == ("Westfold Parish Council", dt.date(2024, 3, 4))
    assert [i.number for i in doc.items if i.title] == ["P201/24", "P202/24", "P203/24"]


def _resolutions(body: str) -> list[str]:
    doc = parse_bytes(f"Agenda item\n\nStreet Trading Review\n\n{body}\n".encode(), "item.txt")
    return [r for i in doc.items for r in i.resolutions]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Minutes:\n\nThe Sub-Committee heard from the applicant.\n\nRESOLVED not to revoke the consent in this case.",
         ["not to revoke the consent in this case."]),
        ("Minutes:\n\nFollowing discussion of the bid it was resolved that the grant be paid in full.",
         ["Following discussion of the bid it was resolved that the grant be paid in full."]),
        ("Minutes:\n\nThe meeting agreed the minutes were a true record of the meeting.",
         ["The meeting agreed the minutes were a true record of the meeting."]),
        ("Minutes:\n\nIt was proposed by Cllr A. Example and seconded by Cllr B. Sample that the accounts be approved.",
         ["It was proposed by Cllr A. Example and seconded by Cllr B. Sample that the accounts be approved."]),
        ("Minutes:\n\nThe driver did not attend.\n\n(i)  that the hearing be adjourned;\n\n(ii)  that the driver be written to.",
         ["(i) That the hearing be adjourned; (ii) That the driver be written to."]),
        ("Minutes:\n\nThe Officer noted that it was resolved last year to review the policy.", []),
    ],
)
def test_decisions_recorded_without_a_resolved_lead(body: str, expected: list[str]) -> None:
    assert _resolutions(body) == expected


RUN_ON = """NORTHVALE ACCESS FORUM

Confirmed Minutes of the 6th Meeting held at 2.00pm on Thursday 5th March, 2009 at the Visitor Centre

Present Chairman:- A Example (AE) Secretary:- B Sample (BS)

1. Welcome and Apologies AE welcomed members and the guest speaker. An apology for absence was received from C Person.

2(3). CYCLE ROUTES The guest speaker explained that the new routes had opened in the spring and that use had grown.

3. The Chairman said that the next meeting would be held in June at the same venue as this one.
"""


def test_numbered_headings_run_together_with_their_first_sentence() -> None:
    doc = parse_bytes(RUN_ON.encode(), "runon.txt")
    assert (doc.meeting.committee, doc.meeting.date) == ("Northvale Access Forum", dt.date(2009, 3, 5))
    assert [(i.number, i.title) for i in doc.items if i.title] == [("1", "Welcome and Apologies"), ("2(3)", "CYCLE ROUTES")]
    assert doc.items[-1].passages[0].text.startswith("AE welcomed members") or any(
        p.text.startswith("AE welcomed members") for i in doc.items for p in i.passages)


_ITEMS = "\n\n1. Apologies for Absence\n\nApologies were received from Councillor A Example.\n\n2. Declarations of Interest\n\nThere were no declarations of interest.\n"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("CYNGOR SIR WESTSHIRE / WESTSHIRE COUNTY COUNCIL\nPWYLLGOR CYNLLUNIO / PLANNING COMMITTEE\n"
         "Dydd Mawrth 7 Mawrth 2023 / Tuesday 7 March 2023", ("Planning Committee", dt.date(2023, 3, 7))),
        ("Minutes\nLicensing Sub-Committee\n7 March 2023", ("Licensing Sub-Committee", dt.date(2023, 3, 7))),
        ("Westshire National Park Authority\nMINUTES OF THE PLANNING, ACCESS AND RIGHTS OF WAY COMMITTEE\nHeld on 7 March 2023",
         ("Planning, Access and Rights of Way Committee", dt.date(2023, 3, 7))),
        ("PUBLIC MINUTES\nAudit and Governance Committee\nDate: 7 March 2023", ("Audit and Governance Committee", dt.date(2023, 3, 7))),
        ("Notice of meeting\nStrategic Planning Board\nTuesday 7 March 2023 at 10.00 am", ("Strategic Planning Board", dt.date(2023, 3, 7))),
        ("Policy and Resources Committee\n\nMinutes of meeting held on 07/03/23", ("Policy and Resources Committee", dt.date(2023, 3, 7))),
    ],
)
def test_header_blocks_in_other_layouts(head: str, expected: tuple) -> None:
    doc = parse_bytes((head + _ITEMS).encode(), "x.txt")
    assert (doc.meeting.committee, doc.meeting.date) == expected
    assert [i.title for i in doc.items if i.title] == ["Apologies for Absence", "Declarations of Interest"]


def test_an_item_called_minutes_is_not_taken_for_a_heading() -> None:
    text = "Westshire Panel - Friday, 3 February 2023 10.00 am\n\nMinutes\n\nThe minutes of the last meeting were agreed.\n"
    doc = parse_bytes(text.encode(), "x.txt")
    assert [i.title for i in doc.items if i.title] == ["Minutes"]


REPORT_SECTIONS = """Westshire Cabinet - Tuesday, 7 March 2023 10.00 am

1. Apologies for Absence

Apologies were received from Councillor A Example.

2. Budget Monitoring Report

The Cabinet considered the report of the Director of Finance, which said:

1. Purpose of the Report
The report sets out the forecast position at the end of the third quarter of the year.
2. Background
The budget was set by the Council in February and has been monitored monthly since then.
3. Recommendations
That the Cabinet notes the forecast position.

RESOLVED that the report be noted.

3. Highways Capital Programme

The Cabinet approved the programme of works for the coming year.
"""


def test_a_reports_own_numbered_sections_are_not_agenda_items() -> None:
    doc = parse_bytes(REPORT_SECTIONS.encode(), "cabinet.txt")
    assert [(i.number, i.title) for i in doc.items if i.title] == [
        ("1", "Apologies for Absence"),
        ("2", "Budget Monitoring Report"),
        ("3", "Highways Capital Programme"),
    ]


RUNNING_HEADERS = """MINUTES of the meeting of the WESTSHIRE FIRE AUTHORITY held at Headquarters on Monday, 6 March 2023 at 10.30 am.

Present: Councillors A Example, B Sample and C Person.

1/23 APOLOGIES FOR ABSENCE

Apologies were received from Councillor D Other.

2/23 MINUTES

The minutes of the meeting held on 6 February 2023 were confirmed as a correct record.

Westshire Fire Authority 6 March 2023
2

3/23 BUDGET 2023/24

The Treasurer presented the budget for the coming year and members asked questions about reserves.

Westshire Fire Authority 6 March 2023
3

4/23 EXCLUSION OF THE PRESS AND PUBLIC

RESOLVED that the press and public be excluded.
"""


def test_running_headers_and_their_page_numbers_are_dropped() -> None:
    doc = parse_bytes(RUNNING_HEADERS.encode(), "fire.txt")
    assert [(i.number, i.title) for i in doc.items if i.title] == [
        ("1/23", "APOLOGIES FOR ABSENCE"),
        ("2/23", "MINUTES"),
        ("3/23", "BUDGET 2023/24"),
        ("4/23", "EXCLUSION OF THE PRESS AND PUBLIC"),
    ]
    assert not any("Westshire Fire Authority 6 March" in p.text for i in doc.items for p in i.passages)


def test_numbered_headings_in_sentence_case_with_a_full_stop() -> None:
    text = ("Westshire Licensing Committee - Monday, 6 March 2023 2.00 pm\n\n1. Apologies for absence.\n\n"
            "Apologies were received from Councillor A Example.\n\n2. Declarations of interest.\n\nNone were made.\n\n"
            "3. Street trading policy review.\n\nThe Committee considered the review of the street trading policy.\n")
    doc = parse_bytes(text.encode(), "licensing.txt")
    # (the stop read, then left out of the stored title, as the real excerpts' labels print such titles)
    assert [i.title for i in doc.items if i.title] == ["Apologies for absence", "Declarations of interest",
                                                       "Street trading policy review"]


TABLE_ROWS = """No. | Item |
---|---|
Declarations of Interest PDF 20 KB Decision: None. Minutes: None were made. |
|
Street Lighting Review PDF 118 KB Decision: Lighting Strategy
The Director of Place to review the lighting hours and report back Minutes: Lighting Strategy
Councillor A Example presented the review of the lighting hours on main roads.
RESOLVED that the Director of Place reports back in the autumn. |
|
Budget Monitoring PDF 50 KB Decision: Noted. Minutes: RESOLVED that the report be noted. |
"""


def test_a_table_rows_decision_running_on_to_its_minutes_is_one_row() -> None:
    doc = parse_bytes(TABLE_ROWS.encode(), "table.txt")
    assert [i.title for i in doc.items if i.title] == ["Declarations of Interest", "Street Lighting Review", "Budget Monitoring"]


def test_agenda_procedural_titles_without_blurbs_and_a_site_footer() -> None:
    text = """WESTSHIRE POLICE AND CRIME PANEL

Thursday, 9 March 2023 at 10.00 am

Council Chamber, County Hall

Apologies for Absence

Declarations of Interest

Minutes of the previous meeting (Pages 1 - 6)

To approve the minutes of the meeting held on 6 January 2023.

Police and Crime Plan Update (Pages 7 - 20)

To receive a report from the Commissioner.

Contact us
Accessibility statement
Privacy notice
Cookies
"""
    doc = parse_bytes(text.encode(), "agenda.txt")
    assert [i.title for i in doc.items if i.title] == [
        "Apologies for Absence", "Declarations of Interest", "Minutes of the previous meeting", "Police and Crime Plan Update"]
    assert not any("Cookies" in p.text for i in doc.items for p in i.passages)


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("Cabinet - 14/03/2023 10:00", ("Cabinet", dt.date(2023, 3, 14))),
        ("Planning Committee, 14/03/2023", ("Planning Committee", dt.date(2023, 3, 14))),
        ("Meeting of Planning Committee on 14 March 2023", ("Planning Committee", dt.date(2023, 3, 14))),
        ("Planning Committee on Tuesday 14 March 2023", ("Planning Committee", dt.date(2023, 3, 14))),
        ("Planning Committee\nDate and Time: Tuesday 14 March 2023 at 10am", ("Planning Committee", dt.date(2023, 3, 14))),
        ("Minutes of the meeting of Westshire City Council's Planning Committee held on Tuesday, 14th March, 2023",
         ("Planning Committee", dt.date(2023, 3, 14))),
        ("Westshire Council Planning Committee Minutes 14 March 2023", ("Planning Committee", dt.date(2023, 3, 14))),
        ("Westshire Council\nPlanning Committee\nMinutes - 14 March 2023", ("Planning Committee", dt.date(2023, 3, 14))),
        ("Westshire Integration Joint Board\nMinute of Meeting\n14 March 2023", ("Westshire Integration Joint Board", dt.date(2023, 3, 14))),
    ],
)
def test_more_header_forms(head: str, expected: tuple) -> None:
    doc = parse_bytes((head + _ITEMS).encode(), "x.txt")
    assert (doc.meeting.committee, doc.meeting.date) == expected
    assert [i.title for i in doc.items if i.title] == ["Apologies for Absence", "Declarations of Interest"]


PLANNING_PDF = """                                   WESTSHIRE DISTRICT COUNCIL

                               MINUTES of the PLANNING COMMITTEE

                    held on Tuesday 14 March 2023 at 6.00pm in the Council Chamber

Present:      Councillor A Example (Chairman)
              Councillors B Sample, C Person and D Other

PL.45         APOLOGIES FOR ABSENCE
              Apologies were received from Councillor E Fifth.

PL.46         MINUTES
              RESOLVED that the minutes of the meeting held on 14 February 2023 be approved.

PL.47         22/01234/FUL - LAND AT MILL LANE, WESTBURY
              The Planning Officer presented the report. Mr F Sixth spoke in objection.
              RESOLVED that planning permission be refused.
"""


def test_a_planning_items_title_may_open_with_the_application_reference() -> None:
    doc = parse_bytes(PLANNING_PDF.encode(), "planning.txt")
    assert [(i.number, i.title) for i in doc.items if i.title] == [
        ("PL.45", "APOLOGIES FOR ABSENCE"), ("PL.46", "MINUTES"), ("PL.47", "22/01234/FUL - LAND AT MILL LANE, WESTBURY")]


UNNUMBERED = """Belford City Council

Planning Committee

Tuesday, 14th March, 2023

MEETING OF THE PLANNING COMMITTEE

Members present: Councillor Example (Chairperson);
Councillors Sample and Person.

Apologies

An apology was reported on behalf of Councillor Other.

Declarations of Interest

No declarations of interest were reported.

Planning Applications

The Committee considered the schedule of planning applications.
"""


def test_unnumbered_minutes_under_a_meeting_of_heading() -> None:
    doc = parse_bytes(UNNUMBERED.encode(), "unnumbered.txt")
    assert (doc.meeting.committee, doc.meeting.date) == ("Planning Committee", dt.date(2023, 3, 14))
    assert [i.title for i in doc.items if i.title] == ["Apologies", "Declarations of Interest", "Planning Applications"]


# --- eighth held-out batch's mechanisms (parser4), on invented text ---


def _items(text: str, name: str = "minutes.txt") -> list[tuple[str | None, str]]:
    return [(i.number, i.title) for i in parse_bytes(text.encode(), name).items if i.title]


def test_town_council_refs_with_a_year_run_on_their_last_number() -> None:
    text = ("BRINDLE TOWN COUNCIL\n\nMinutes of the Full Council Meeting\nHeld on Monday 8th April 2024 at 7pm\n\n"
            "T/24/031 Apologies for absence\nCllr A Example (holiday).\n\nT/24/032 Public Forum\n"
            "A resident asked about the market toilets.\n\nT/24/033 Allotments\nThe Town Clerk reported on the waiting list.\n")
    assert _items(text) == [("T/24/031", "Apologies for absence"), ("T/24/032", "Public Forum"), ("T/24/033", "Allotments")]


def test_a_minute_heading_filling_the_measure_ends_at_its_line() -> None:
    from indexer.parse.printed import joins

    heading = "Minute 114 – P/24/0123/FUL – Erection of 12 dwellings, land off Quarry Lane, Upper Brindle"
    assert not joins(heading, "The Principal Planning Officer presented the report.", measure=len(heading))
    assert joins("The Principal Planning Officer presented the report and an update on the", "drainage.", measure=70)


def test_upper_case_roman_item_numbers() -> None:
    text = ("BRINDLE AND HOLM COMMUNITY COUNCIL\n\nMinutes of Meeting\nHeld on: 13/02/24 at 7.00pm in Holm Village Hall\n\n"
            "I. Apologies\nA Example, B Example.\n\nII. Police Report\nPC Example reported two thefts.\n\n"
            "III. Minutes of Previous Meeting\nThe minutes of the January meeting were approved.\n\nIV. AOCB\nNone.\n")
    doc = parse_bytes(text.encode(), "cc.txt")
    assert [(i.number, i.title) for i in doc.items if i.title] == [
        ("I", "Apologies"), ("II", "Police Report"), ("III", "Minutes of Previous Meeting"), ("IV", "AOCB")]
    assert (doc.meeting.date, doc.meeting.committee) == (dt.date(2024, 2, 13), "Brindle and Holm Community Council")


def test_abbreviated_police_turn_labels() -> None:
    text = ("Brindle Police and Crime Panel\n\nRecord of the question session held on Friday 26 January 2024\n\n"
            "1. Questions on the Force Management Statement\n\nChair: What are the main risks?\n\n"
            "PCC: The number of detectives.\n\nCC: We will close the gap within two years.\n\n"
            "ACC Example: Twelve officers began the programme this month.\n")
    doc = parse_bytes(text.encode(), "pcp.txt")
    assert [p.speaker_role for p in doc.items[-1].passages] == ["chair", "commissioner", "chief_constable", "police_officer"]


def test_a_closing_decision_label_follows_minutes_and_agreed_as_a_correct_record() -> None:
    text = ("Brindle and Holm Joint Waste Committee\n\nDate of meeting: 07.03.24\n\n"
            "JWC 1/24 Apologies\nNone.\n\nJWC 2/24 Minutes of the previous meeting\nAgreed as a correct record.\n\n"
            "JWC 3/24 Garden Waste\nThe Waste Manager reported that subscriptions had risen. Cllr Example asked about the charge.\n"
            "Decision: That the report be noted.\n")
    doc = parse_bytes(text.encode(), "jwc.txt")
    by_title = {i.title: i for i in doc.items}
    assert [p.section for p in by_title["Minutes of the previous meeting"].passages] == ["resolution"]
    garden = by_title["Garden Waste"]
    assert [p.speaker_role for p in garden.passages if p.section != "resolution"] == ["council_officer", "councillor"]
    assert [p.text for p in garden.passages if p.section == "resolution"] == ["That the report be noted."]


def test_a_partnership_heading_names_the_body_under_the_council() -> None:
    assert meeting_from_head(["BRINDLE DISTRICT COUNCIL", "POLICING AND COMMUNITY SAFETY PARTNERSHIP"])[0] == (
        "Policing and Community Safety Partnership")


def test_a_reports_agenda_item_stamp_over_its_cover_fields_is_no_item() -> None:
    text = ("Brindle Borough Council\n\nAudit Committee\n\nDate: Tuesday, 16th April, 2024\n\nAGENDA\n\n"
            "1. Apologies for Absence\n\n2. Declarations of Interest\n\n3. Minutes (Pages 3 - 6)\n\n"
            "4. Internal Audit Progress Report (Pages 7 - 18)\n\nAgenda Item 4\n\nReport to: Audit Committee\n"
            "Title: Internal Audit Progress Report\n\n1. Purpose of Report\n1.1 To update the Committee.\n")
    assert _items(text) == [("1", "Apologies for Absence"), ("2", "Declarations of Interest"), ("3", "Minutes"),
                            ("4", "Internal Audit Progress Report")]


LAYOUT_TABLE = """BRINDLE DISTRICT COUNCIL
PLANNING COMMITTEE
MINUTES - 9 APRIL 2024

Minute      Subject                       Decision

PC/87       Apologies for absence         None received.

PC/88       24/00311/FUL - Barn           The Planning Officer presented
            conversion, Holm Farm         the application.
                                          RESOLVED: That permission be
                                          granted.
"""


def test_a_table_of_minutes_in_pdf_layout_becomes_numbered_headings() -> None:
    from indexer.parse.tables import unfold_columns

    assert unfold_columns(LAYOUT_TABLE).split("\n")[4:] == [
        "PC/87 Apologies for absence", "None received.", "",
        "PC/88 24/00311/FUL - Barn conversion, Holm Farm",
        "The Planning Officer presented the application. RESOLVED: That permission be granted.", "",
    ]
    assert _items(LAYOUT_TABLE) == [("PC/87", "Apologies for absence"), ("PC/88", "24/00311/FUL - Barn conversion, Holm Farm")]
    assert unfold_columns("Minute 5 Subject to contract\n") == "Minute 5 Subject to contract\n"


def test_a_breadcrumb_lead_above_an_item_page_is_site_furniture() -> None:
    # "You are here:" ends in a colon like a label; above "Agenda item" it is navigation, so the line under
    # the heading is still the item's title (the page otherwise became one untitled item)
    text = ("You are here:\n\nAgenda item\n\nROAD NAMING SCHEDULE\n\nTo NOTE the schedule of new street names.\n\n"
            "Minutes:\n\nThe Committee noted the schedule.\n\nSupporting documents:\n")
    doc = parse_bytes(text.encode(), "item.txt")
    assert (doc.kind, [(i.number, i.title) for i in doc.items]) == ("agenda_item", [(None, "ROAD NAMING SCHEDULE")])


def test_a_lone_number_makes_a_short_stopped_heading_a_title() -> None:
    # a meeting page prints the number and the title on lines of their own; a short verbless heading in
    # sentence case ending in a stop ("... etc.") is still the title (the item was lost, and its minute with it)
    text = ("Agenda and minutes\n\nCabinet - Monday, 7th June, 2021 6.00 pm\n\nItems\nNo. Item\n\n"
            "1.\n\nChanges to working groups etc.\n\nTo consider any changes to working groups.\n\nMinutes:\n\n"
            "There were no changes.\n\n2.\n\nDeclarations of Interest\n\nMinutes:\n\nNone.\n\n"
            "3.\n\nThe Panel noted the report.\n\nMinutes:\n\nNoted.\n")
    assert _items(text) == [("1", "Changes to working groups etc"), ("2", "Declarations of Interest")]


def test_an_item_pages_heading_printed_twice_is_not_its_title() -> None:
    text = ("Regional Network Portal\n\nAgenda item\n\nAgenda item\n\nBudget Monitoring Update\n\nMinutes:\n\n"
            "The Board noted the report.\n")
    doc = parse_bytes(text.encode(), "item.txt")
    assert (doc.kind, [(i.number, i.title) for i in doc.items]) == ("agenda_item", [(None, "Budget Monitoring Update")])


def test_an_issue_pages_sentence_like_name_is_not_a_preamble() -> None:
    # the issue's name above the first "Meeting:" line can read as a sentence; as a preamble it made an
    # undated record, so the page's meeting date was lost (most records had none)
    text = ("Issue - meetings\n\nMinutes of the last meeting held on (date to follow)\n\n"
            "Meeting: 14/03/2023 - Standards Committee (Item 41)\n\n"
            "41 Minutes of the last meeting, 17th January, 2023 pdf icon PDF 58 KB\n\n"
            "Resolved:- That the minutes be approved.\n\n"
            "Meeting: 17/01/2023 - Standards Committee (Item 27)\n\n"
            "27 Minutes of the last meeting, 8th November, 2022\n\nResolved:- That the minutes be approved.\n")
    doc = parse_bytes(text.encode(), "issue.txt")
    assert doc.kind == "issue_history"
    assert [(i.number, i.meeting.committee, i.meeting.date) for i in doc.items] == [
        ("41", "Standards Committee", dt.date(2023, 3, 14)),
        ("27", "Standards Committee", dt.date(2023, 1, 17)),
    ]


def test_an_agenda_pages_type_line_over_its_heading_is_kept() -> None:
    # "Agenda" over "<body> - <date>" is a ModernGov meeting page's type before minutes exist; taken as a menu
    # entry and dropped, the page read as minutes and its agenda's "RECOMMENDED that ..." as a decision
    text = ("Agenda\n\nAudit Committee - Tuesday, 3rd June, 2025 6.00 pm\n\nVenue: Council Chamber\n\nItems\nNo. Item\n\n"
            "1.\n\nApologies for Absence\n\n2.\n\nExclusion of the Press and Public\n\n"
            "RECOMMENDED: That the public be asked to leave for item 3.\n\n3.\n\nInternal Audit Contract\n\nFor Decision\n")
    doc = parse_bytes(text.encode(), "agenda.txt")
    assert (doc.kind, doc.meeting.committee, doc.meeting.date) == ("agenda_only", "Audit Committee", dt.date(2025, 6, 3))
    assert [(i.number, i.title, len(i.resolutions)) for i in doc.items] == [
        ("1", "Apologies for Absence", 0), ("2", "Exclusion of the Press and Public", 0), ("3", "Internal Audit Contract", 0),
    ]
    # a lone "Agenda" menu entry above other navigation is still navigation
    menu = "Home\nAgenda\nMeetings\n\n" + text.split("\n", 2)[2]
    assert parse_bytes(menu.encode(), "page.txt").kind == "meeting"


_DEEP = " " * 60


def test_one_lone_number_over_its_title_is_an_item_on_an_agenda_page() -> None:
    # a CMIS agenda page's text indented so deeply that an excerpt holds one entry: its lone number still
    # numbers the title under it (the page's chrome lines were taken for titles, the number for another)
    text = "\n".join(["Documents", _DEEP, f"{_DEEP}Agenda", _DEEP, f"{_DEEP}Public Agenda", _DEEP, f"{_DEEP}1", _DEEP,
                      f"{_DEEP}Filming of the Meeting", _DEEP, f"{_DEEP}The meeting may be filmed for later broadcast."])
    doc = parse_bytes(text.encode(), "cmis.txt")
    assert doc.kind == "agenda_only"
    assert [(i.number, i.title) for i in doc.items if i.title] == [("1", "Filming of the Meeting")]
    # without an agenda cue one lone number is no item list (a page number over a heading, say)
    plain = "\n".join(["Documents", "", "1", "", "Filming of the Meeting", "", "The Chair said the meeting would be filmed."])
    assert [i.number for i in parse_bytes(plain.encode(), "page.txt").items if i.title] == [None]


@pytest.mark.parametrize(
    ("ending", "kept"),
    [
        ("Review of Street Trading Consents\n" + _DEEP, True),  # cut in the indentation after the line: complete
        ("Review of Street Trading Consents\n\n", True),
        ("Review of Street Trading Con", False),  # cut inside the line
        ("Review of Street Trading Consents\n", False),  # a file's final line break alone says nothing
    ],
)
def test_a_last_title_with_nothing_under_it_is_kept_when_the_cut_fell_after_its_line(ending: str, kept: bool) -> None:
    text = ("Agenda and minutes\n\nLicensing Committee - Tuesday, 3rd June, 2025 6.00 pm\n\nItems\nNo. Item\n\n"
            "1.\n\nApologies for Absence\n\nMinutes:\n\nNone.\n\n2.\n\n" + ending)
    titles = [i.title for i in parse_bytes(text.encode(), "page.txt").items if i.title]
    assert titles == ["Apologies for Absence"] + (["Review of Street Trading Consents"] if kept else [])


def test_a_decision_page_is_titled_and_dated_by_its_own_lines() -> None:
    # "Decision details" heads the page as "Agenda item" heads an item page; "Decided at meeting: <date> - <body>"
    # at its foot is the meeting (the page type had become the title, and the meeting was unknown)
    text = ("Decision details\n\nLibrary Opening Hours\n\nDecision status: Recommendations Approved\n\nDecisions:\n\n"
            "RESOLVED: That the revised opening hours be approved.\n\nPublication date: 21/03/2024\n\n"
            "Date of decision: 12/03/2024\n\nDecided at meeting: 12/03/2024 - Communities Committee\n")
    doc = parse_bytes(text.encode(), "decision.txt")
    assert (doc.meeting.committee, doc.meeting.date) == ("Communities Committee", dt.date(2024, 3, 12))
    assert [(i.title, len(i.resolutions)) for i in doc.items] == [("Library Opening Hours", 1)]
    assert header_meeting("Decided at meeting: 12/03/2024 - Communities Committee") is None  # not a page heading
    # a site menu's "Decision details" entry above an item page's heading is still navigation
    menu = "Home\nDecisions\nDecision details\n\nAgenda item\n\nLibrary Opening Hours\n\nMinutes:\n\nNoted.\n"
    assert [i.title for i in parse_bytes(menu.encode(), "item.txt").items] == ["Library Opening Hours"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the body's bilingual name and its Welsh heading run on before the English heading (PDF text whose
        # lines ran together on a document site): the heading still gives the body and the date
        ("Cyngor Cymuned Pantyrhos Community Council Cofnodion cyfarfod y Cyngor a gynhaliwyd nos Lun 3/6/2024 "
         "Minutes of the Full Council meeting held on Monday evening 3/6/2024 Presennol / Present: Cllr A Example "
         "(Chair), B Sample 1 Croeso / Welcome The Chair welcomed everyone. 2 Datgan Diddordeb / Declaration of Interest None.",
         ("Full Council", dt.date(2024, 6, 3))),
        ("Cyngor Cymuned Pantyrhos Community Council Cofnodion y cyfarfod o'r Panel a gynhaliwyd Nos Fercher, 12 Mehefin 2024 "
         "Minutes of the Village Hall Panel held Wednesday, 12th of June 2024 at the Village Hall Present Cllr A Example, "
         "B Sample 1 Welcome The Chair opened the meeting. 2 Apologies None.",
         ("Village Hall Panel", dt.date(2024, 6, 12))),
        # a disclaimer before the capitals heading of a national park's board
        ("WARNING - Text files cannot include scanned images. Please see the pdf version. EXAMPLE HILLS NATIONAL PARK "
         "AUTHORITY MINUTES OF THE BOARD MEETING held at the Village Hall, Exampleton on 10th March 2023 at 10.00am "
         "PRESENT A Example B Sample C Person The Convener welcomed everyone.",
         ("Board", dt.date(2023, 3, 10))),
        # "the minutes of the meeting held on …" in a sentence are another meeting's: no date from them
        ("Pantyrhos Community Council The Chair said the minutes of the meeting held on 3 June 2024 were not yet signed "
         "and that the clerk would circulate them to every member before the summer recess began in July.",
         (None, None)),
    ],
)
def test_a_printed_heading_inside_a_run_on_line(text: str, expected: tuple) -> None:
    doc = parse_bytes(text.encode(), "runon.txt")
    assert (doc.meeting.committee if "committee" not in doc.guessed else None, doc.meeting.date) == expected


ISSUE_DECISIONS_PAGE = """Issue - decisions

Review of Allotment Rents

05/06/2024 - Allotment Rents 2025/26

RESOLVED that the rents set out in the appendix be approved.

17/01/2024 - Allotment Rents: Consultation

The report on consulting the allotment associations was noted.
"""


def test_an_issue_decisions_page_makes_one_item_per_dated_decision() -> None:
    doc = parse_bytes(ISSUE_DECISIONS_PAGE.encode(), "decisions.txt")
    assert doc.kind == "issue_history"
    assert [(i.number, i.title) for i in doc.items] == [
        (None, "Allotment Rents 2025/26"),
        (None, "Allotment Rents: Consultation"),
    ]
    assert [(i.meeting.committee, i.meeting.date) for i in doc.items] == [
        (None, dt.date(2024, 6, 5)),
        (None, dt.date(2024, 1, 17)),
    ]
    assert [len(i.resolutions) for i in doc.items] == [1, 0]


def test_an_issue_page_whose_decisions_name_no_meeting_takes_the_body_that_decided() -> None:
    # ModernGov decision pages print no "Meeting:" line; the decision's subject names the body
    plain = parse_bytes(ISSUE_DECISIONS_PAGE.encode(), "decisions.txt")
    text = ISSUE_DECISIONS_PAGE.replace("RESOLVED that the rents", "That Cabinet approved that the rents")
    doc = parse_bytes(text.encode(), "decisions.txt")
    assert (plain.meeting.committee, doc.meeting.committee, doc.guessed) == (None, "Cabinet", ("committee",))


def test_a_dated_line_is_a_decision_only_on_an_issue_decisions_page() -> None:
    text = ISSUE_DECISIONS_PAGE.replace("Issue - decisions", "Issue - meetings")
    doc = parse_bytes(text.encode(), "meetings.txt")
    assert "Allotment Rents: Consultation" not in [i.title for i in doc.items]


def test_an_issue_details_heading_is_site_chrome_not_the_title() -> None:
    text = (
        "Issue details\n\nReview of Allotment Rents\n\nTo agree the rents for the coming year.\n\n"
        "Decision type: Non-key\n\nDecision status: Recommendations Approved\n"
    )
    doc = parse_bytes(text.encode(), "issue-details.txt")
    assert [(i.number, i.title) for i in doc.items] == [(None, "Review of Allotment Rents")]


def test_a_title_case_field_is_not_joined_to_a_wrapped_title() -> None:
    # a decision page copied with single line breaks whose purpose is hard-wrapped: the text reads as wrapped
    path = Path(__file__).parent / "data" / "parse" / "heldout" / "h192_ashcombe-officer-decision-wrapped-fields.txt"
    doc = parse_bytes(path.read_bytes(), path.name)
    assert [i.title for i in doc.items] == ["Variation of the car park charging order at Mill Lane"]
    assert (doc.meeting.committee, doc.meeting.date) == ("Director of Place", dt.date(2024, 5, 14))


def test_a_decision_page_cut_above_its_title_has_no_title() -> None:
    text = (
        "Decision Maker: Cabinet\nDecision status: Recommendations Approved\n"
        "That the allotment rents be increased by five per cent.\n"
        "Date of decision: 04/03/2024\nDecided at meeting: 04/03/2024 - Cabinet\n"
    )
    doc = parse_bytes(text.encode(), "decision.txt")
    assert [i.title for i in doc.items] == [""]
    assert (doc.items[0].meeting.committee, doc.items[0].meeting.date) == ("Cabinet", dt.date(2024, 3, 4))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the body's name over its committee and the "held on" line, numbered minutes below
        ("Westmoor Council\nUpland Area Planning Committee\nMinutes of the meeting held on Thursday, 9 May, 2024 "
         "commencing at 10.00 am.\nCouncillors: A Brook, C Dunn (Chair).\n|\n4 |\nApologies for Absence\n"
         "There were no apologies.\n|\n5 |\nMinutes\nThe minutes were confirmed.\n",
         ("Upland Area Planning Committee", dt.date(2024, 5, 9), [("4", "Apologies for Absence"), ("5", "Minutes")])),
        # a capitals heading with its date and time, no numbered item found below
        ("FENWAY VALLEY CABINET Friday 2nd July 2021 at 10am\n\nRiverside House, Quay Road, Porthaven\n\n"
         "ATTENDEES Members Mayor (Chair) and the leaders of the five councils.\n",
         (None, dt.date(2021, 7, 2), [])),
        # the body's name alone, its date below it
        ("Wyke and Dunmere Port Health Authority\n7 th December 2010\n(The meeting was held in the Guildhall, Porthaven)\n"
         "Councillors Abel, Birch and Crane\n",
         ("Wyke and Dunmere Port Health Authority", dt.date(2010, 12, 7), [])),
        # the body's name with the date glued to it (PDF text that lost its spaces)
        ("Westshire Fire Authority25 May 2012\n25MAY 2012\nRepresenting Eastmoor Council:\nCouncillors Abel and Birch\n",
         ("Westshire Fire Authority", dt.date(2012, 5, 25), [])),
        # an unnumbered meeting page's first item confirming an earlier meeting's minutes is no header
        ("Agenda and minutes\n\nMonday, 11th January, 2021 7.00 pm\n\nVenue: Virtual meeting\n\nNo. Item\n\n"
         "Confirmation of the Minutes of the Council meeting held on 23 November 2020 pdf icon PDF 83 KB\n\n"
         "The minutes of the meeting of Council held on 23 November 2020 were agreed as a correct record.\n\n"
         "Mayor's Announcements\n\nThe Mayor thanked the staff of the vaccination centres.\n",
         (None, dt.date(2021, 1, 11), [(None, "Confirmation of the Minutes of the Council meeting held on 23 November 2020"),
                                       (None, "Mayor's Announcements")])),
        # a dated item line of a decisions list is no header
        ("09/02/2024 - Apologies for Absence ref: 1640 Recommendations Approved\n\nApologies were received.\n",
         (None, None, [(None, "09/02/2024 - Apologies for Absence ref: 1640 Recommendations Approved")])),
    ],
)
def test_a_header_read_as_an_unnumbered_first_item(text: str, expected: tuple) -> None:
    doc = parse_bytes(text.encode(), "printed.txt")
    committee = doc.meeting.committee if "committee" not in doc.guessed else None
    items = [(i.number, i.title) for i in doc.items if i.title]
    assert (committee, doc.meeting.date, items) == expected


def test_roman_item_numbers_without_a_stop_before_capitals_titles() -> None:
    # Scottish councils' and boards' minutes number their items "I", "II", "III" before a title in capitals
    text = (
        "At a MEETING of the GLENMORAY INTEGRATION JOINT BOARD held remotely on 27th October, 2021.\n\n"
        "Present:\n\nA ABEL\n\nChair\n\nB BIRCH\n\nVice Chair\n\n"
        "I APOLOGIES FOR ABSENCE\n\nThere were no apologies.\n\n"
        "II DECLARATION OF INTEREST\n\nThere were no declarations of interest.\n\n"
        "III WINTER PLANNING\n\nThe Board noted the report.\n\n"
        "I am pleased to report that I AGREE with the plan.\n"
    )
    doc = parse_bytes(text.encode(), "minute.txt")
    assert [(i.number, i.title) for i in doc.items if i.title] == [
        ("I", "APOLOGIES FOR ABSENCE"),
        ("II", "DECLARATION OF INTEREST"),
        ("III", "WINTER PLANNING"),
    ]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # an agenda pack run on in one line: its opening words are its header
        ("CABINET 10.00 am on Wednesday 8 June 2016 MEETING PAPERS ATTACHED Cabinet Wednesday 8 June 2016 at 10.00 am "
         "Shire Hall AGENDA Item Discussion Portfolio To note any apologies for absence and to confirm the minutes.",
         dt.date(2016, 6, 8)),
        # an item page's opening sentence about earlier minutes gives no meeting date
        ("Agenda item\n\nTo approve as a correct record the minutes of the meeting held on Monday 16 November 2011, "
         "and to authorise the Chairman to sign them.\n\nA Member questioned the accuracy of the minutes.\n",
         None),
    ],
)
def test_a_document_read_as_one_text_takes_its_date_from_its_opening(text: str, date: dt.date | None) -> None:
    assert parse_bytes(text.encode(), "pack.txt").meeting.date == date
