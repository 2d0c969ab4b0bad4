"""Meeting metadata: dates and committees from headers, never from the discussion."""

from __future__ import annotations

import datetime as dt

import pytest

from indexer.parse import meta, parse_bytes
from indexer.parse.meta import (
    clean_committee,
    committee_from_text,
    header_meeting,
    is_committee_line,
    is_date_line,
    item_meeting_line,
    meeting_from_head,
    parse_date,
    summary_date,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Friday, 26th January, 2018 10.00 am", dt.date(2018, 1, 26)),
        ("Friday 20 October 2023 10.00 am", dt.date(2023, 10, 20)),
        ("Wednesday 31st July, 2024 1.30 pm", dt.date(2024, 7, 31)),
        ("on the 18th May, 2018", dt.date(2018, 5, 18)),
        ("21/11/2022 - Surrey Police and Crime Panel", dt.date(2022, 11, 21)),
        ("Sept 3 2019", dt.date(2019, 9, 3)),
        ("12 Sept 2019", dt.date(2019, 9, 12)),
        ("31 February 2020", None),
        ("13/13/2020", None),
        ("Item 5 in 2020", None),
        ("no date here", None),
        ("held Tuesday night February the 6th 2018 at 7.30pm", dt.date(2018, 2, 6)),
        ("7:30Pm 28Th November 2018", dt.date(2018, 11, 28)),
        # a month glued to its year (text copies that lost a space); a glued two-digit year is no year
        ("ON MONDAY 13th FEBRUARY2023 AT 7.00 PM", dt.date(2023, 2, 13)),
        ("its meeting of 3 October2016 agreed the plan", dt.date(2016, 10, 3)),
        ("on 13 March21 at 7pm", None),
    ],
)
def test_parse_date(text: str, expected: dt.date | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Police and Crime Panel - Friday, 26th January, 2018 10.00 am",
            ("Police and Crime Panel", dt.date(2018, 1, 26)),
        ),
        (
            "Hampshire Police and Crime Panel (Statutory Joint Committee) - Friday, 26th January, 2018 10.00 am",
            ("Hampshire Police and Crime Panel (Statutory Joint Committee)", dt.date(2018, 1, 26)),
        ),
        (
            "Thames Valley Police and Crime Panel (now hosted by Westshire Council - details below) - Friday, 5 February 2021 2.00 pm",
            ("Thames Valley Police and Crime Panel", dt.date(2021, 2, 5)),
        ),
        (
            "Annual General Meeting, Cambridgeshire Police and Crime Panel - Wednesday 31st July, 2024 1.30 pm",
            ("Cambridgeshire Police and Crime Panel", dt.date(2024, 7, 31)),
        ),
        ("Cabinet - Tuesday 13 June 2023 10.30 am", ("Cabinet", dt.date(2023, 6, 13))),
        ("Minutes - 22 AUGUST 2019", None),  # an item title, not a committee heading
        ("Police and Crime Plan 2016-2021", None),
        ("Themed Item - Domestic Abuse", None),
    ],
)
def test_header_meeting(line: str, expected: tuple | None) -> None:
    assert header_meeting(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Meeting: 21/11/2022 - Surrey Police and Crime Panel (Item 81)",
            ("Surrey Police and Crime Panel", dt.date(2022, 11, 21), "81"),
        ),
        ("Meeting: 10/09/2012 - Council (Item 11)", ("Council", dt.date(2012, 9, 10), "11")),
        ("Meeting: 10/09/2012 - Executive", ("Executive", dt.date(2012, 9, 10), None)),
        ("Meeting: 07/03/2023 - Cambria Police and Crime Panel (Item 6.)", ("Cambria Police and Crime Panel", dt.date(2023, 3, 7), "6")),
        ("Meeting: 07/03/2023 - Cabinet (Item 4(a))", ("Cabinet", dt.date(2023, 3, 7), "4(a)")),
        (
            "• Meeting of Cabinet, Tuesday, 1st April, 2025 5.15 pm (Item 160.)",
            ("Cabinet", dt.date(2025, 4, 1), "160"),
        ),
        (
            "- Meeting of Overview & Scrutiny Committee, Monday, 25th November, 2019 6.30 p.m. (Item 11.)",
            ("Overview & Scrutiny Committee", dt.date(2019, 11, 25), "11"),
        ),
        ("Meeting of the Harbour Board, 3 June 2021 (Item 4)", ("Harbour Board", dt.date(2021, 6, 3), "4")),
        ("Meeting of Licensing Committee, 12/03/2025 7.00 pm (Item 5.)", ("Licensing Committee", dt.date(2025, 3, 12), "5")),
        ("Meeting of Cabinet, Tuesday, 1st April, 2025", None),  # a printed heading: no "(Item N)"
        ("Meeting: a long time ago - Council", None),
        ("Meeting held on 10 September", None),
    ],
)
def test_item_meeting_line(line: str, expected: tuple | None) -> None:
    assert item_meeting_line(line) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Agendas, Meetings and Minutes - Surrey Police and Crime Panel", "Surrey Police and Crime Panel"),
        ("Greater Manchester Police, Fire and Crime Panel Agenda", "Greater Manchester Police, Fire and Crime Panel"),
        ("GREATER MANCHESTER POLICE, FIRE AND CRIME PANEL", "Greater Manchester Police, Fire and Crime Panel"),
        ("Extraordinary Meeting of the Council", "Council"),
        ("Meeting of the Council", "Council"),
        ("  Planning Control Committee  ", "Planning Control Committee"),
    ],
)
def test_clean_committee(name: str, expected: str) -> None:
    assert clean_committee(name) == expected


@pytest.mark.parametrize(
    ("line", "committee_line", "date_line"),
    [
        ("North Yorkshire Police, Fire and Crime Panel", True, False),
        ("Cabinet", True, False),
        ("Thursday, 25 July 2024 at 10.30 am", False, True),
        ("25 July 2024", False, True),
        ("10.00am, Tuesday 7 March 2023", False, True),
        ("NORTHMARCH FIRE AND RESCUE AUTHORITY", True, False),
        ("Northmarch Fire and Rescue Authority", True, False),
        ("Apologies for Absence", False, False),
        ("The panel last met on 3 May 2019.", False, False),
    ],
)
def test_line_kinds(line: str, committee_line: bool, date_line: bool) -> None:
    assert (is_committee_line(line), is_date_line(line)) == (committee_line, date_line)


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (["Agenda and minutes", "Surrey Police and Crime Panel - Tuesday, 16 March 2021 2.00 pm", "Venue: Online"],
         ("Surrey Police and Crime Panel", dt.date(2021, 3, 16))),
        (["Agendas, reports and minutes", "North Planning Applications Committee", "Date: Tuesday, 17 September 2013",
          "Note of the site visit by the North Planning Applications Committee on 9 September, 2013"],
         ("North Planning Applications Committee", dt.date(2013, 9, 17))),
        (["Northmoor Council", "Northmoor Police, Fire and Crime Panel",
          "Minutes of the meeting held at Shire Hall, Eastwick on Monday, 14 July 2025, commencing at 2.00 pm."],
         ("Northmoor Police, Fire and Crime Panel", dt.date(2025, 7, 14))),
        (["Northmoor Police, Fire and Crime Panel", "Room 3, Civic Offices, Northgate", "Thursday, 24 July 2025 at 10.30 am"],
         ("Northmoor Police, Fire and Crime Panel", dt.date(2025, 7, 24))),
        (["Public Document GREATER MANCHESTER POLICE, FIRE AND CRIME PANEL", "DATE: Monday, 19th July, 2021", "TIME: 2.00 pm."],
         (None, dt.date(2021, 7, 19))),
        (["Councillors and committees", "Agenda and minutes", "Venue: Orchard House, Eastwick"], (None, None)),
        (["MINUTES of the meeting of the NORTHMARCH FIRE AND RESCUE AUTHORITY held at Service Headquarters, Eastwick, "
          "on Monday, 13th November, 2023 at 10.30 am."], ("Northmarch Fire and Rescue Authority", dt.date(2023, 11, 13))),
        (["MINUTES of a meeting of the Overview and Scrutiny Committee held in the Council Chamber on Tuesday, 7th March, 2023 at 7.00 pm"],
         ("Overview and Scrutiny Committee", dt.date(2023, 3, 7))),
        (["Strathmore Council", "Education, Children and Families Committee", "10.00am, Tuesday 7 March 2023"],
         ("Education, Children and Families Committee", dt.date(2023, 3, 7))),
        # a parish's heading in prose: no article, lower case
        (["Minutes of parish council meeting held on March 12th 2024"], ("Parish Council", dt.date(2024, 3, 12))),
        (["Minutes of town council meeting held on 3 May 2022"], ("Town Council", dt.date(2022, 5, 3))),
    ],
)
def test_meeting_from_head(head: list[str], expected: tuple) -> None:
    assert meeting_from_head(head) == expected


@pytest.mark.parametrize(
    ("texts", "exclude", "expected"),
    [
        (["Members of the Police and Crime Panel were invited."], set(), "Police and Crime Panel"),
        (["the last meeting of the Police and Crime Panel (PCP). It would come back to the March "
          "meeting of the Safer and Stronger Communities Overview and Scrutiny Committee."],
         {"police and crime panel"}, "Safer and Stronger Communities Overview and Scrutiny Committee"),
        (["Contact: Kamal Aziz, Thames Valley Police & Crime Panel Scrutiny Officer"], set(), "Thames Valley Police & Crime Panel"),
        (["RESOLVED that the minutes of the Dyfed-Powys Police and Crime Panel meeting held on 25th October 2019"], set(),
         "Dyfed-Powys Police and Crime Panel"),
        (["To approve the Minutes of the Meeting of the Council held on 14 July 2021."], set(), "Council"),
        (["Resolved – That the minutes of the proceedings of the Monthly Meeting of the Council of 3rd October be taken as read."],
         set(), "Council"),
        # a body confirming its own minutes names itself, an authority too; another's minutes are received
        (["It was agreed that the minutes of the last meeting of the Westshire Fire Authority held on 3 May 2024 were duly signed."],
         set(), "Westshire Fire Authority"),
        (["The minutes of the meeting of the Eastmoor Police Authority held on 3 May 2024 were received and noted."], set(), None),
        # the body as the subject of its own decisions, or its meeting's name; not another tier's council,
        # nor a bare "Committee", nor the body in a narrative
        (["1) Ordinary Meeting of Council held on 2 May 2024 subject to the corrections below;"], set(), "Council"),
        (["That Cabinet approved the revised parking strategy for consultation."], set(), "Cabinet"),
        (["She said the advice the Council had received was clear."], set(), None),
        (["The County Council agreed to fund the crossing."], set(), None),
        (["The Committee agreed to defer the item."], set(), None),
        (["Accordingly, the minutes of the meeting of Cabinet held on 6 March 2024 were agreed as a correct record."], set(), "Cabinet"),
        (["Additional documents: Decision: Cabinet RESOLVED that the minutes of the previous meeting be approved."], set(), "Cabinet"),
        (["A declaration was made by Colonel Carrow who was a Member of the Audit, Risk and Ethics Committee."], set(), None),
        (["The panel welcomed the report and the Panel agreed."], set(), None),
        (["Mr Hartley-Vance, Chairman of the Select Committee, presented its findings."], set(), None),
        # the meeting addressed or told, its chair elected, the agenda's own business for it, its own
        # minutes on the agenda; never a cabinet member or another body's possessive
        (["The Chairperson informed the Transport Executive Board that 14 questions had been received."], set(),
         "Transport Executive Board"),
        (["The Leader informed the Cabinet Member for Housing that the scheme had slipped."], set(), None),
        (["The officer advised the Licensing Committee's sub-group of the change."], set(), None),
        (["Councillor Pell was duly elected as Chair of the Fenland Fire and Rescue Authority for 2024/25."], set(),
         "Fenland Fire and Rescue Authority"),
        (["That Councillor Pell be elected Vice\nChair of the Licensing Committee for the year."], set(), "Licensing Committee"),
        (["To appoint a Vice-Chairman of the Standards Committee for the 2024/25 municipal year."], set(), "Standards Committee"),
        (["Approval of Minutes The Audit Committee will be asked to approve the minutes of 3 June."], set(), "Audit Committee"),
        (["To confirm the minutes of the meeting of Council held on 16 February 2024"], set(), "Council"),
        (["The Council considered the report of the Director of Resources on the strategy."], set(), "Council"),
        (["Councillor Pell was duly elected as Chair of the Authority for 2024/25."], set(), None),  # which authority?
        (["Councillor Abel informed Council that the sub-committee had met twice."], set(), "Council"),
        (["4 To confirm the Minutes of the Fire & Rescue Authority Meeting held on 7 December 2023"], set(),
         "Fire & Rescue Authority"),
        (["Consider Minute of Glenmoray Council held on 31 August 2023 for approval and signing by the Convener."], set(),
         "Glenmoray Council"),
        # another body's minutes considered, not for approval: no name
        (["Consider Minute of Glenmoray Licensing Board held on 3 May 2023 for noting."], set(), None),
        # a minute's opening naming the body as its subject, in capitals too; the agenda asking it
        (["COUNCIL RESOLVED           -           That the petition be referred to Cabinet."], set(), "Council"),
        (["Cabinet considered a report seeking approval of the plan."], set(), "Cabinet"),
        (["Cabinet is asked to approve the minutes of the last meeting."], set(), "Cabinet"),
        # an item title in capitals confirming the body's own minutes
        (["MINUTES OF THE ENVIRONMENT SCRUTINY COMMITTEE MEETING HELD ON 30TH JANUARY 2018"], set(),
         "Environment Scrutiny Committee"),
        # a short name, the text naming it in full anywhere: the full name (not an item's words before it)
        (["Minutes of the previous meetings of the Joint Committee held on 3 May 2024",
          "Members were provided with the Wyvern Valley Cemetery Joint Committee revised budget."], set(),
         "Wyvern Valley Cemetery Joint Committee"),
        (["Minutes of the previous meetings of the Joint Committee held on 3 May 2024", "Election of Joint Committee Chair"],
         set(), "Joint Committee"),
        # a short name first, the full name later: the full name
        (["That Councillor Pell be elected as Chairman of the Joint Committee for 2024/25",
          "To sign the Minutes of the Wyvern Valley Cemetery Joint Committee held on 4 March 2024"], set(),
         "Wyvern Valley Cemetery Joint Committee"),
    ],
)
def test_committee_from_text(texts: list[str], exclude: set[str], expected: str | None) -> None:
    assert committee_from_text(texts, exclude) == expected


def test_a_notice_given_that_a_meeting_is_to_be_held() -> None:
    text = ("Thursday, 22 August 2019 NOTICE IS HEREBY GIVEN that a Meeting of the Community Safety Committee is to be "
            "held at Council Chambers, High Street, Westburgh, on Thursday, 22 August 2019 at 09:30. BUSINESS 1 Sederunt")
    assert meta.summons_meeting(text) == ("Community Safety Committee", dt.date(2019, 8, 22))


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        # PDF text that lost its spaces: a date glued to the body's name, a day glued to its month
        (["Westshire Fire Authority25 May 2012", "25MAY 2012"], ("Westshire Fire Authority", dt.date(2012, 5, 25))),
        (["Westshire Fire Authority", "25MAY 2012"], ("Westshire Fire Authority", dt.date(2012, 5, 25))),
    ],
)
def test_glued_dates(head: list[str], expected: tuple) -> None:
    assert meta.meeting_from_head(head) == expected
    assert meta.is_date_line("25MAY 2012")


def test_a_letter_requesting_attendance_at_a_meeting_on_a_date() -> None:
    text = ("To the Members of the Planning Committee, Your attendance is requested at a meeting of the Planning "
            "Committee on Wednesday 3 June 2020 at 6.00pm for the transaction of business set out below.")
    assert meta.summons_meeting(text) == ("Planning Committee", dt.date(2020, 6, 3))


def test_summary_date() -> None:
    assert summary_date("Topics covered. The panel last met on 3 May 2019. It considered") == dt.date(2019, 5, 3)
    assert summary_date("The meeting on 3 May 2019 considered") is None


def test_dates_in_the_discussion_are_never_the_meeting_date() -> None:
    text = (
        b"Agenda item\n\nPolice and Crime Panel\n\nThe Officer reported on the meeting held on 8 March 2018 and the "
        b"precept meeting of 1 February 2018.\n\nThat the update be noted.\n"
    )
    doc = parse_bytes(text, "item.txt")
    assert (doc.meeting.date, doc.items[0].meeting.date) == (None, None)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Minutes of the meeting held on 12.03.24 at 7.00 pm", dt.date(2024, 3, 12)),
        ("held at Fire Service Headquarters on the 12th day of March 2024 commencing at 10.30 am", dt.date(2024, 3, 12)),
        ("version 10.11.12.13 of the plan", None),
        ("paragraph 1.2.3 of the report", None),
    ],
)
def test_dates_of_printed_and_parish_minutes(text: str, date: dt.date | None) -> None:
    assert meta.parse_date(text) == date


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Council Title: Agenda Date: Thursday 9 May 2024 Time: 7.00 pm Venue: Council Chamber, Town Hall",
         dt.date(2024, 5, 9)),
        ("Cabinet Meeting Date: 12 March 2025 Venue: Room 2", dt.date(2025, 3, 12)),
        ("PLANNING COMMITTEE B Date and Time: Wednesday, 2 February 2011 at 7.00 pm Venue : Room 8", dt.date(2011, 2, 2)),
        # a date further on is no value of the field
        ("Cabinet Date: to be confirmed Venue: Room 2, minutes of 3 March 2025 attached", None),
    ],
)
def test_a_date_field_run_on_in_a_cover_line(line: str, date: dt.date | None) -> None:
    assert meta.meeting_from_head([line + " Membership: all councillors. Dates 1 June 2025, 2 July 2025."])[1] == date


@pytest.mark.parametrize(
    ("head", "committee"),
    [
        (["WESTFEN LEVEL INTERNAL DRAINAGE BOARD", "MINUTES OF THE FULL BOARD MEETING", "MONDAY 13th MAY 2019"],
         "Westfen Level Internal Drainage Board"),
        # no board named above it: the meeting's own words
        (["MINUTES OF THE FULL BOARD MEETING", "MONDAY 13th MAY 2019"], "Full Board"),
    ],
)
def test_a_board_names_itself_above_its_full_board_meeting(head: list[str], committee: str) -> None:
    assert meta.meeting_from_head(head) == (committee, dt.date(2019, 5, 13))


def test_the_members_of_a_committee_name_no_body() -> None:
    head = ["Agenda", "Westfield Planning Sub-Committee", "Date: Wednesday 21 July 2021", "Members of the Committee:"]
    assert meta.meeting_from_head(head) == ("Westfield Planning Sub-Committee", dt.date(2021, 7, 21))


def test_a_meeting_field_naming_the_kind_of_meeting_names_no_body() -> None:
    head = ["National Park Authority Agenda", "Meeting: Annual general meeting", "Date: Monday 21 June 2021 at 9.30am"]
    assert meta.meeting_from_head(head) == ("National Park Authority", dt.date(2021, 6, 21))


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        # a split ordinal on the date's own line (PDF text)
        (["Wyke Harbour Board", "7 th December 2010", "Present: Mr A Abel (Chair)", "minutes of 3 May 2010 and 4 June 2010"],
         ("Wyke Harbour Board", dt.date(2010, 12, 7))),
        # "Minutes for the meeting held on …"
        (["Minutes for the meeting held on Monday 13th June 2016 at Elmbridge Village Hall at 7.30pm"], (None, dt.date(2016, 6, 13))),
        # the heading's date in brackets after the body's name
        (["Minutes of a Meeting of Elmbridge Parish Council (03/11/15)"], ("Elmbridge Parish Council", dt.date(2015, 11, 3))),
    ],
)
def test_more_printed_heading_dates(head: list[str], expected: tuple) -> None:
    assert meta.meeting_from_head(head) == expected


def test_a_breadcrumb_is_no_bilingual_heading() -> None:
    head = ["Pay for it Report it Latest News You are here: Home / About The Council / Agenda and minutes", "Thursday, 2 July 2015"]
    assert meta.meeting_from_head(head) == (None, dt.date(2015, 7, 2))


def test_bilingual_label_and_value() -> None:
    head = ["Dyddiad / Date: Dydd Iau, 14 Mawrth 2024 / Thursday, 14 March 2024"]
    assert meta.meeting_from_head(head)[1] == dt.date(2024, 3, 14)


@pytest.mark.parametrize(
    ("head", "committee", "date"),
    [
        (["Planning Committee", "Tuesday, March 5th 2024"], "Planning Committee", dt.date(2024, 3, 5)),
        (["Planning Committee", "05.03.2024"], "Planning Committee", dt.date(2024, 3, 5)),
        (["Planning Committee", "5 March 24"], "Planning Committee", dt.date(2024, 3, 5)),
        (["Planning Committee", "Tues 5 Mar 2024"], "Planning Committee", dt.date(2024, 3, 5)),
        (["Minutes of the Planning Committee held on Tuesday the 5th of March 2024"], "Planning Committee", dt.date(2024, 3, 5)),
        (["Minutes of the Planning Committee", "Meeting held 5 March 2024"], "Planning Committee", dt.date(2024, 3, 5)),
        (["Planning Committee", "Meeting date - 5 March 2024"], "Planning Committee", dt.date(2024, 3, 5)),
        (["Minutes of the Planning Committee, 6 March 2024"], "Planning Committee", dt.date(2024, 3, 6)),
        (["Planning Committee", "Time and date: 7.00 pm, Wednesday 6 March 2024"], "Planning Committee", dt.date(2024, 3, 6)),
        (["A meeting of the Planning Committee was held on 6 March 2024."], "Planning Committee", dt.date(2024, 3, 6)),
        (["Planning Committee", "Dydd Mercher, 6 Mawrth 2024"], "Planning Committee", dt.date(2024, 3, 6)),
        (["Planning Committee (6 March 2024)"], "Planning Committee", dt.date(2024, 3, 6)),
        (["Planning Committee: 6 March 2024"], "Planning Committee", dt.date(2024, 3, 6)),
        (["Minutes of the Licensing Committee held at the Town Hall on Monday, 5 June 2023"], "Licensing Committee", dt.date(2023, 6, 5)),
        (["Place Scrutiny Committee - Wednesday 6 March 2024 7.00 pm"], "Place Scrutiny Committee", dt.date(2024, 3, 6)),
        (["The minutes of the meeting held on 5 June 2023 were approved."], None, None),
        (["Planning Committee", "Date of Meeting 14 March 2023"], "Planning Committee", dt.date(2023, 3, 14)),
        (["Planning Committee", "DATE 14th March 2023 TIME 10am"], "Planning Committee", dt.date(2023, 3, 14)),
        (["Council", "Date of next meeting: 5 April 2024"], "Council", None),
        (["Proceedings of the Westshire Fire Authority", "12 March 2024"], "Westshire Fire Authority", dt.date(2024, 3, 12)),
        (["Record of the Westshire Joint Committee held on 12 March 2024"], "Westshire Joint Committee", dt.date(2024, 3, 12)),
        (
            ["Ashwell Parish Council minutes for June 2024", "Ashwell Parish Council minutes of the meeting held at the Village Hall on Monday 3 June 2024 at 7.30pm."],
            "Ashwell Parish Council",
            dt.date(2024, 6, 3),
        ),
        (["Westshire Schools Forum Minutes of Meeting on 5 March 2024"], "Westshire Schools Forum", dt.date(2024, 3, 5)),
        (["Community Council Minutes, November 2024", "MINUTE OF THE MEETING", "held at 7.00pm on Wednesday 13th November 2024"],
         "Community Council", dt.date(2024, 11, 13)),
        # a local council's name (in both languages, Welsh first) over "the Council"'s meeting
        (["CYNGOR CYMUNED LLANFAES COMMUNITY COUNCIL", "MINUTES OF THE COUNCIL MEETING HELD ON 24TH SEPTEMBER 2024"],
         "Llanfaes Community Council", dt.date(2024, 9, 24)),
        (["Cyngor Cymuned Llanfaes Community Council", "Minutes of the Council Meeting held on 24 September 2024"],
         "Llanfaes Community Council", dt.date(2024, 9, 24)),
        # a principal council's full council meeting keeps "Council"
        (["Westshire County Council", "Minutes of a meeting of the Council held on 24 September 2024"], "Council", dt.date(2024, 9, 24)),
        # the page type under the meeting's own heading (older ModernGov document lists)
        (["Standards Committee", "Wednesday 6th March, 2024", "Agenda and Minutes"], "Standards Committee", dt.date(2024, 3, 6)),
    ],
)
def test_more_header_forms(head: list[str], committee: str | None, date: dt.date | None) -> None:
    assert meta.meeting_from_head(head) == (committee, date)


@pytest.mark.parametrize(
    ("head", "committee"),
    [
        (["EASTBURY CITY COUNCIL", "MINUTES OF THE COUNCIL MEETING"], "Council"),
        # a local council named in full above the heading's "the Parish Council" is the body (a facet of bare
        # "Parish Council" would merge every parish)
        (["BRYNDALE PARISH COUNCIL", "Minutes of the Parish Council Meeting at the Village Hall on Monday 11 March 2024"], "Bryndale Parish Council"),
        (["Parish Council Meeting 12th Sept 2016 – Minutes",
          "MINUTES of the meeting of LOWER HAYTON PARISH COUNCIL held on Monday 12th September at 7pm in the Village Hall."],
         "Lower Hayton Parish Council"),
        (["Glenbrae Community Council Meeting", "Minutes of meeting held at the Community Centre", "Monday 4th June 2018"],
         "Glenbrae Community Council"),
        # unnamed: the heading's words
        (["PARISH COUNCIL", "Minutes of the Parish Council Meeting, Monday 3 May 2024, the Hall"], "Parish Council"),
        (["Minutes of the Meeting of Little Offley Parish Council held on Tuesday 12th March 2024"], "Little Offley Parish Council"),
    ],
)
def test_the_meetings_own_name_for_its_body(head: list[str], committee: str) -> None:
    assert meta.meeting_from_head(head)[0] == committee


@pytest.mark.parametrize(
    "text",
    [
        "Contact: Ola Brandt, Wessex Police and Crime Panel Support Officer. Members of the Wessex Panel met.",
        "He was appointed to the Audit Committee and elected at the Fire Authority Board; co-opted to the Forum.",
        "It was for the Health and Wellbeing Board to decide; this Planning Committee meeting addressed the Cabinet.",
        "therefore the Council; reported back to the Executive; formeeting the Panel; Minutes of the Council meeting",
        "the Overview Committee Democratic Services team and the Minutes of the Police and Crime Panel meeting",
        "Cabinet Secretariat of the Council",
        "nothing here names a body",
    ],
)
def test_mentions_are_those_of_the_full_pattern(text: str) -> None:
    from indexer.parse.meta import _MENTION, _mentions

    assert [m.span() for m in _mentions(text)] == [m.span() for m in _MENTION.finditer(text)]


@pytest.mark.parametrize(
    ("name", "cleaned"),
    [
        ("Moved from 12th March 2024, Cabinet", "Cabinet"),  # a note on the meeting before the body's name
        ("Rescheduled from 3 March 2024, Planning Committee", "Planning Committee"),
        ("North Yorkshire Police, Fire and Crime Panel", "North Yorkshire Police, Fire and Crime Panel"),
        ("KTC(24)M07 Minutes of the Annual Meeting of Kelsey Town Council", "Kelsey Town Council"),  # a reference code
        ("Extraordinary Parish Council", "Parish Council"),  # the kind of meeting, then the council
        ("Special Town Council", "Town Council"),
        ("Special Educational Needs Committee", "Special Educational Needs Committee"),
        ("Dear Councillor PLANNING COMMITTEE", "Planning Committee"),  # a summons letter's salutation run into it
        # a run-on line of PDF text is no name: the last body named in it
        ("Hx 1 + THE WESTSHIRE COUNCIL Committee Minutes The Westshire Council Year 200812009 Meeting 4 Item 2 and 3", "The Westshire Council"),
    ],
)
def test_clean_committee_drops_what_is_no_part_of_the_name(name: str, cleaned: str) -> None:
    assert meta.clean_committee(name) == cleaned


@pytest.mark.parametrize(
    ("head", "committee", "date"),
    [
        # ModernGov's heading over two lines under the page type: the name, whatever its last word
        (["Agenda and minutes", "Westvale Fire Authority - Finance and Resources", "Monday, 3rd June, 2024 2.00 pm"],
         "Westvale Fire Authority - Finance and Resources", dt.date(2024, 6, 3)),
        # the one date above the first item, on a venue line
        (["Minutes of the Extraordinary Parish Council Meeting", "Millbeck Village Hall 12 October 2024 at 18:30hrs"],
         "Parish Council", dt.date(2024, 10, 12)),
        # two dates, or a date of another meeting or of the web page: none is the meeting's
        (["Village Hall 12 October 2024", "Hall booked 14 October 2024"], None, None),
        (["Minutes uploaded on 20 May 2024"], None, None),
    ],
)
def test_meeting_from_head_page_heading_and_only_date(head: list[str], committee: str | None, date: dt.date | None) -> None:
    assert meta.meeting_from_head(head) == (committee, date)


@pytest.mark.parametrize(
    ("text", "date"),
    [("6.00pm14 March 2024", dt.date(2024, 3, 14)), ("10.30 am2 May 2023", dt.date(2023, 5, 2)), ("14 March 2024", dt.date(2024, 3, 14))],
)
def test_a_time_run_into_the_date(text: str, date: dt.date) -> None:
    assert meta.parse_date(text) == date


def test_a_site_banner_above_the_page_type_is_no_committee() -> None:
    head = ["Fenhallow District Council", "Agenda and minutes", "Venue: Committee Room 1"]
    assert meta.meeting_from_head(head) == (None, None)


def test_an_agenda_packs_item_stamp_before_the_minutes_heading() -> None:
    head = ["Item No. 3 (b) MINUTE OF MEETING OF THE KELMORE LICENSING BOARD held in the Chamber on Friday, 8 March 2024 at 10.30 a.m."]
    assert meta.meeting_from_head(head) == ("Kelmore Licensing Board", dt.date(2024, 3, 8))


@pytest.mark.parametrize(
    "line, date",
    [
        ("Minutes of the meeting at the Old Forge Rooms, Mill Street, FB4 2QT 12th October 2022", "2022-10-12"),
        ("Minutes of Meeting on Wednesday, 14th March 2018 @ 8.15am", "2018-03-14"),
        ("Minutes of Meeting of Tuesday 7th June 2022 Venue: Harbour Institute", "2022-06-07"),
        ("Minutes of Meeting of 7 June 2022", "2022-06-07"),
        ("Minutes of Meeting of the Finance Group on 7 June 2022", "None"),
        ("Minutes of the previous meeting on 12th October 2022", "None"),
        ("The minutes of the meeting at the hall on 12th October 2022 were agreed", "None"),
    ],
)
def test_minutes_of_meeting_heading_date(line: str, date: str) -> None:
    assert str(meta.minutes_of_meeting_date(line)) == date


def test_date_line_with_an_at_sign_time() -> None:
    assert meta.is_date_line("Thursday, 21st September 2006 @ 4.30pm")


@pytest.mark.parametrize(
    "text, date",
    [
        ("held on the 10th May 2017at 7.30pm", "2017-05-10"),
        ("held on 2 June 2020from 6pm", "2020-06-02"),
        ("the 2017/18 budget", "None"),
        ("6.00pm14 March 2024", "2024-03-14"),
    ],
)
def test_date_fused_to_the_next_word(text: str, date: str) -> None:
    assert str(meta.parse_date(text)) == date


@pytest.mark.parametrize(
    "line, expected",
    [
        (
            "Harrowdale Police, Fire and Crime Panel Monday, 7 October 2019 at 10:00 County Hall notes follow",
            ("Harrowdale Police, Fire and Crime Panel", "Monday, 7 October 2019 at 10:00", "County Hall notes follow"),
        ),
        (
            "FENWOLD FIRE AUTHORITY Friday, 21st June 2013 Station Road, Fenwold",
            ("FENWOLD FIRE AUTHORITY", "Friday, 21st June 2013", "Station Road, Fenwold"),
        ),
        (
            "Public Document Pack Harrowdale Police and Crime Panel Monday, 7 October 2019 at 2.00 pm Room 1 AGENDA",
            ("Harrowdale Police and Crime Panel", "Monday, 7 October 2019 at 2.00 pm", "Room 1 AGENDA"),
        ),
        (
            "HARROWDALE POLICE AND CRIME PANEL 07/10/2019 at 10.00 am County Hall",
            ("HARROWDALE POLICE AND CRIME PANEL", "07/10/2019 at 10.00 am", "County Hall"),
        ),
        ("Harrowdale Police and Crime Panel met on Monday, 7 October 2019 at 10:00 in County Hall", None),
        ("Harrowdale Police and Crime Panel Monday, 31 February 2019 at 10:00 County Hall", None),
    ],
)
def test_run_on_cover(line: str, expected: tuple[str, str, str] | None) -> None:
    assert meta.run_on_cover(line) == expected


@pytest.mark.parametrize(
    "text, committee, date",
    [
        (
            "Summons To all Members of Wexmoor County Council You are hereby summoned to attend the meeting of the County Council"
            " to be held in the Council Chamber at Shire Hall, Tarnbridge at 10:00 on Tuesday, 14 October 2025 for the business below",
            "County Council",
            "2025-10-14",
        ),
        (
            "YOU ARE HEREBY SUMMONED TO ATTEND A MEETING OF HOLLOWMERE PARISH COUNCIL TO BE HELD in the Reading Room on"
            " Tuesday 14th October 2025, at 7.30PM TO TRANSACT THE BUSINESS BELOW:",
            "Hollowmere Parish Council",
            "2025-10-14",
        ),
        (
            "Dear Councillor You are given notice of the annual meeting of Brindle Cross Town Council to be held in the"
            " Guildhall on Monday 18 May 2026 at 7.00 pm.",
            "Brindle Cross Town Council",
            "2026-05-18",
        ),
        # a comma before "to be held", and another body's meeting after it
        (
            "You are summoned to attend a meeting of Westbury Parish Council, to be held at 7.30pm on Wednesday January 17th,"
            " 2024 at the Community Centre, followed by a meeting of the Planning Committee.",
            "Westbury Parish Council",
            "2024-01-17",
        ),
        # the date laid out elsewhere on the cover (a table's cells): the body only
        ("You are hereby summoned to attend the meeting of the County Council to be held at the time printed overleaf.", "County Council", "None"),
    ],
)
def test_summons_letter_names_the_meeting(text: str, committee: str, date: str) -> None:
    found = meta.summons_meeting(text)
    assert found is not None
    assert (found[0], str(found[1])) == (committee, date)


@pytest.mark.parametrize(
    "text",
    [
        "The Chair invited the Clerk to attend the next meeting of the Parish Council.",
        "Members were summoned to attend by the Chief Executive.",
        "The minutes of the meeting of the Cabinet held on 4 March 2025 were agreed.",
    ],
)
def test_no_summons_in_minutes_prose(text: str) -> None:
    assert meta.summons_meeting(text) is None


def test_run_on_agenda_pack_summons_gives_body_and_date() -> None:
    """A document site's copy of a county council's agenda pack, its lines run together: the summons letter
    on its cover is the only place naming the meeting."""
    data = (
        "Summons To all Members of Wexmoor County Council You are hereby summoned to attend the meeting of the County Council"
        " to be held in the Council Chamber at Shire Hall, Tarnbridge at 10:00 on Tuesday, 14 October 2025 for the business"
        " listed below Helen Carrow Chief Executive Telephone: 01632 960123 Email:\n"
        "[email protected] Press and public are welcome. Page 1 of 88 Page 2 of 88 Items for the meeting Page 1 Apologies"
        " for Absence 2 Declarations of Interest 3 To confirm the minutes of 9 5 - 12 September 2025\n"
    ).encode()
    doc = parse_bytes(data, "pack.txt")
    assert (doc.meeting.committee, doc.meeting.date) == ("County Council", dt.date(2025, 10, 14))


def test_previously_circulated_minutes_date_is_not_the_meeting_date() -> None:
    # "The Minutes of the Council held on <date> (previously circulated)": another meeting's date
    assert meta._only_date(["C. The Minutes of the Council held on 11 February 2025 (previously circulated)."]) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # ModernGov's title for a document it prints, kept by document sites as the upload's title
        ("(Public Pack)Minutes Document for Licensing Committee, 12/03/2024 10:00", ("Licensing Committee", dt.date(2024, 3, 12))),
        ("Agenda Document for Glanrhyd Police and Crime Panel, 17/06/2019 14:00", ("Glanrhyd Police and Crime Panel", dt.date(2019, 6, 17))),
        ("Minutes Document for Cabinet, 3/4/2020", ("Cabinet", dt.date(2020, 4, 3))),
    ],
)
def test_moderngov_document_title_names_body_and_date(line: str, expected: object) -> None:
    assert meta.header_meeting(line) == expected


def test_bilingual_capitals_heading_run_on_is_read_once() -> None:
    # a bilingual heading whose halves are in capitals, run on with the rest of a page flattened to one
    # line: its capitals half stays capitals each time the head is re-read, which once recursed without end
    head = ["CYNGOR TREFOL / TOWN COUNCIL Dydd Llun, 4 Mawrth 2024 / Monday, 4 March 2024 Yn bresennol / Present: Cyng. A Bevan"]
    assert meta.meeting_from_head(head) == (None, dt.date(2024, 3, 4))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("held on Monday 20 th June 2011 at the Council Chamber", dt.date(2011, 6, 20)),  # PDF text's ordinal split off
        ("on the 3 rd of May 2020", dt.date(2020, 5, 3)),
        ("see item 5 the June 2011 report", None),
    ],
)
def test_date_with_its_ordinal_split_off(text: str, expected: dt.date | None) -> None:
    assert meta.parse_date(text) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # a run-on heading repeating the name after the minutes' own words
        ("Eastvale Community Council Minute of the Eastvale Community Council (ECC)", "Eastvale Community Council"),
        # the committee, not the council it belongs to
        ("Development Committee of Westmoor District Council", "Development Committee"),
        ("Planning Committee of the Harbour City Council", "Planning Committee"),
        ("Combined Fire Authority for Westshire and Eastshire", "Combined Fire Authority for Westshire and Eastshire"),
        ("Committee of the Whole Council", "Committee of the Whole Council"),
        # the publishing council's name before a joint committee's own
        ("Westport City Council The City of Westport and Westshire Economic Growth Committee", "City of Westport and Westshire Economic Growth Committee"),
    ],
)
def test_clean_committee_names_the_committee(name: str, expected: str) -> None:
    assert meta.clean_committee(name) == expected


def test_letterhead_names_the_body() -> None:
    head = ["APM Mins 4.4.24", "WESTON with EASTON PARISH COUNCIL The Village Hall, Church Street, Weston, WE1 2AB Tel: 01234 567890",
            "Minutes of the Annual Parish Meeting held on Wednesday, 3 April 2024 at 7.30 p.m. in the Village Hall"]
    assert meta.meeting_from_head(head) == ("Weston with Easton Parish Council", dt.date(2024, 4, 3))
