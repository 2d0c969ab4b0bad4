"""Lines of an item → blocks: residue dropped, labels found, wraps rejoined, bullets split."""

from __future__ import annotations

import pytest

from indexer.parse.blocks import drop_site_banner, is_residue_line, label_of, lines_to_blocks, mark_headings
from indexer.parse.text import Line, split_lines


def blocks(text: str) -> list[tuple[str, str, str]]:
    return [(b.kind, b.marker, b.text) for b in lines_to_blocks(split_lines(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a paragraph hard-wrapped across a blank line, continuing in lower case or after "the"
        ("The Panel proposed Lena Moy as Chairman for\n\nthe coming municipal year.",
         [("para", "", "The Panel proposed Lena Moy as Chairman for the coming municipal year.")]),
        ("Following notification from the Commissioner to the\n\nHampshire Police and Crime Panel of his intention.",
         [("para", "", "Following notification from the Commissioner to the Hampshire Police and Crime Panel of his intention.")]),
        # a finished sentence is not continued
        ("The Panel noted the report.\n\nThe Chairman thanked officers.",
         [("para", "", "The Panel noted the report."), ("para", "", "The Chairman thanked officers.")]),
        # bullets of any glyph, numbered and lettered points
        ("·         First point.\n• Second point\n▪ Third\n1.     Numbered\n(a)  Lettered\n(iv) Roman",
         [("bullet", "·", "First point."), ("bullet", "•", "Second point"), ("bullet", "▪", "Third"),
          ("point", "1.", "Numbered"), ("point", "(a)", "Lettered"), ("point", "(iv)", "Roman")]),
        # one bullet split over two bullet lines
        ("·      A statement from the PCC stating why the candidate\n·      meets criteria of role;",
         [("bullet", "·", "A statement from the PCC stating why the candidate meets criteria of role;")]),
        # bullets flattened onto one line
        ("Apologies were received from: · Councillor Dot Pargeter · David Stewart",
         [("para", "", "Apologies were received from:"), ("bullet", "·", "Councillor Dot Pargeter"), ("bullet", "·", "David Stewart")]),
        # points run together on one line
        ("1. To note the motion. 2. To remove the Leader. 3. To elect a Leader.",
         [("point", "1.", "To note the motion."), ("point", "2.", "To remove the Leader."), ("point", "3.", "To elect a Leader.")]),
        # labels, alone or run together, and link residue
        ("Additional documents: Minutes: 1. Apologies were received.\nSupporting documents:\nReport PDF 238 KB",
         [("label", "", "documents"), ("label", "", "minutes"), ("point", "1.", "Apologies were received."), ("label", "", "documents")]),
        ("• Share this item\n(Pages 5 - 6)\nAudio Recording – Session 1 – 19 Seconds\nView directions\n·\nText.",
         [("para", "", "Text.")]),
        ("Minutes of the Previous Meeting pdf icon PDF 119 KB", [("para", "", "Minutes of the Previous Meeting")]),
        # a heading run into its paragraph
        ("CHANGE TO THE AGENDA The Committee agreed to vary the order.",
         [("heading", "", "CHANGE TO THE AGENDA"), ("para", "", "The Committee agreed to vary the order.")]),
        ("UNANIMOUSLY RESOLVED that Councillor Jones be Chair.", [("para", "", "UNANIMOUSLY RESOLVED that Councillor Jones be Chair.")]),
        # a missing space after a full stop
        ("The PCC welcomed the Plan.The PCC provided an outline.", [("para", "", "The PCC welcomed the Plan. The PCC provided an outline.")]),
        # a flattened two-column table after "the table below"
        ("Members declared the interests in the table below.\n\nPanel Member\n\nPersonal Interest\n\nLes Broome\n\nGovernor of the college\n\nAnn Lee\n\nTrustee",
         [("para", "", "Members declared the interests in the table below."), ("row", "", "Panel Member | Personal Interest"),
          ("row", "", "Les Broome | Governor of the college"), ("row", "", "Ann Lee | Trustee")]),
    ],
)
def test_lines_to_blocks(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert blocks(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Minutes:", ("minutes", "")),
        ("Minutes: The Panel noted", ("minutes", "The Panel noted")),
        ("Decision:", ("decision", "")),
        ("Additional documents:", ("documents", "")),
        ("Supporting documents:", ("documents", "")),
        ("Minutes of the Previous Meeting", (None, "Minutes of the Previous Meeting")),
    ],
)
def test_label_of(text: str, expected: tuple) -> None:
    assert label_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Share this item", True),
        ("No. | Item |", True),
        ("---|---|", True),
        ("|", True),
        ("PDF 27 KB", True),
        ("Link: webcast of meeting", True),
        ("(Page 7)", True),
        ("Media", True),
        ("- View the background to item 11.", True),
        ("• View the background to item 160.", True),
        ("The PDF was 27 pages long", False),
        ("Apologies for Absence", False),
    ],
)
def test_is_residue_line(text: str, expected: bool) -> None:
    assert is_residue_line(text) is expected


def test_mark_headings() -> None:
    bs = lines_to_blocks(split_lines("Election of Vice-Chairman\n\nThe Panel proposed Bill.\n\nThe named substitutes were:\n\nCllr A for Cllr B\n\nText."))
    mark_headings(bs)
    assert [b.kind for b in bs] == ["heading", "para", "para", "para", "para"]


@pytest.mark.parametrize(
    "text",
    ["Back to agenda", "Printable version", "Previous item", "Next item", "View the agenda for this meeting", "Issue history"],
)
def test_moderngov_chrome_lines_are_residue(text: str) -> None:
    assert is_residue_line(text) is True


def test_truncated_minutes_link_is_dropped() -> None:
    assert blocks("The Commissioner explained the plan ... view the full minutes text for item 59.") == [
        ("para", "", "The Commissioner explained the plan")
    ]
    assert blocks("To elect a Chairman.\n\n ...  view the full agenda text for item 4.") == [("para", "", "To elect a Chairman.")]


def test_site_banner_keeps_an_upload_title_that_is_the_minutes_heading() -> None:
    from indexer.parse import parse_bytes

    text = (
        "Minutes of Cwmtrelyn Uchaf Community Council Meeting 7:00Pm 14Th March 2023\nTotal Page:6\n"
        "File Type:pdf, Size:210Kb\nMINUTES OF CWMTRELYN UCHAF COMMUNITY COUNCIL MEETING 7:00PM 14TH MARCH 2023 "
        "Present: Alun, Bethan (Chair). It was agreed to ask the county for a meeting on site.\n"
    )
    doc = parse_bytes(text.encode(), "upload.txt")
    assert (doc.meeting.committee, str(doc.meeting.date)) == ("Cwmtrelyn Uchaf Community Council", "2023-03-14")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the site's title printed again, case and all, as the text's first words: the copy goes
        ("Download: 2 May 2022 KCC Minutes\n\nTotal Page:9\n\nFile Type:pdf, Size:300Kb\n\n"
         "Download: 2 May 2022 KCC Minutes KELDRUM COMMUNITY COUNCIL Draft Minute of the Keldrum Community Council "
         "meeting. Held on Monday 2nd May 2022 at 7pm in the School. PRESENT: Cllr A Prowse (Chair), Cllr B Shaw. "
         "APOLOGIES: Cllr C Dunn. MINUTES: The minutes of the April meeting were approved without change. "
         "FINANCE: The treasurer reported the balance of the account and the grant received for the play park.",
         ("Keldrum Community Council", "2022-05-02")),
        ("Minutes of Meeting of Tuesday 7Th June 2022 Venue: Harbour Institute\nTotal Page:9\nFile Type:pdf, Size:300Kb\n"
         "Minutes of Meeting of Tuesday 7Th June 2022 Venue: Harbour Institute KELDRUM COMMUNITY COUNCIL Minutes of "
         "Meeting of Tuesday 7th June 2022 Venue: Harbour Institute Present A Prowse Chairwoman B Shaw Secretary. Welcome "
         "The Chairman welcomed everyone to the meeting and the minutes of the last meeting were approved. Police "
         "Report The constable reported on parking near the school and on the theft of a bicycle from the station.",
         ("Keldrum Community Council", "2022-06-07")),
        # a page number before the site's cut title; the text starts with the heading in capitals: the title goes
        ("1 – Ballyfinn Borough Council Minutes of Council Meeting Held in the Council Chamber, Town Hall, Market Street, Bally\n"
         "Total Page:14\nFile Type:pdf, Size:880Kb\nBALLYFINN BOROUGH COUNCIL MINUTES OF COUNCIL MEETING HELD IN THE "
         "COUNCIL CHAMBER, TOWN HALL, MARKET STREET, BALLYFINN ON MONDAY 6 MARCH 2023 AT 7.00PM PRESENT: The Mayor, "
         "Councillor P Quigley Aldermen R Dunne, S Hegarty Councillors T Lavery, M Orr APOLOGIES: Councillor N Tolland",
         ("Council", "2023-03-06")),
    ],
)
def test_site_title_repeated_by_the_text(text: str, expected: tuple[str, str]) -> None:
    from indexer.parse import parse_bytes

    doc = parse_bytes(text.encode(), "upload.txt")
    assert (doc.meeting.committee, str(doc.meeting.date)) == expected
    assert not any(it.title.lower().startswith(("download:", "1 –", "minutes of meeting of")) for it in doc.items)


@pytest.mark.parametrize(
    ("text", "chrome"),
    [("Occurred", True), ("Meeting open to the public.", True), ("Meeting closed to the public", True),
     ("Meeting Details", True), ("Occurrence of flooding", False), ("Public open space", False)],
)
def test_cmis_status_lines_are_chrome(text: str, chrome: bool) -> None:
    from indexer.parse.blocks import is_chrome

    assert is_chrome(text) is chrome


def test_a_cmis_status_line_is_no_title() -> None:
    from indexer.parse import parse_bytes

    text = ("Meeting Details\n\nMeeting Summary\nAudit Board\n14 Mar 2023 - 10:00 to 12:00\nOccurred\nMeeting open to the public.\n"
            "  • Documents\n  • Members Attending\n\nDocuments\n\nAgenda\n\nAgenda Items\n1 Declarations of Interest\n\n"
            "Members are requested to give notice of any declarations of interest.\n\n"
            "Submit report by the Head of Finance on the budget (copy enclosed).\n")
    doc = parse_bytes(text.encode(), "cmis.txt")
    assert [(i.number, i.title) for i in doc.items if i.title] == [("1", "Declarations of Interest")]


@pytest.mark.parametrize(
    "line",
    ["10.07.2015 Views", "Embed Size (px)", "from democracy.example.gov.uk More from this publisher", "More from this user"],
)
def test_document_viewer_residue_is_site_banner(line: str) -> None:
    lines = [Line("Minutes of the Cabinet held on 4 March 2024"), Line(line), Line("1. Apologies"), Line("None were received.")]
    assert [ln.text for ln in drop_site_banner(lines)] == ["Minutes of the Cabinet held on 4 March 2024", "1. Apologies", "None were received."]
