"""What item titles and agenda blurbs look like."""

import pytest

from indexer.parse import parse_bytes
from indexer.parse.titles import ITEM_NUMBER, NUMBER_AND_TITLE, clean_title, is_blurb, is_title_like, item_number, output_title


@pytest.mark.parametrize(
    ("text", "blurb"),
    [
        ("To receive an update on the precept.", True),
        ("Report of the Chief Executive on the budget monitoring position for the year.", True),
        ("Update on the precept from the Office of the Police and Crime Commissioner.", True),
        # an item's own title can start like a report blurb: no sentence, no blurb
        ("Update on the precept", False),
        ("Report of the Monitoring Officer", False),
        ("Police and Crime Plan Delivery", False),
    ],
)
def test_is_blurb(text, blurb):
    assert is_blurb(text) is blurb


@pytest.mark.parametrize("title", ["Update on the precept", "Support for victims' services", "Victims' Services"])
def test_title_after_agenda_item_header(title):
    data = f"Agenda item\n\n{title}\n\nTo receive an update.\n\nMinutes:\n\nThe Panel noted the report.\n".encode()
    [item] = parse_bytes(data, "x.txt").items
    assert item.title == title
    assert [p.section for p in item.passages] == ["summary", "discussion"]


@pytest.mark.parametrize(
    ("printed", "number"),
    [("149.", "149"), ("39/20", "39/20"), ("C45/23", "C45/23"), ("PL.41", "PL.41"), ("4(a)", "4(a)"), ("(iv)", "(iv)"),
     ("Minute 67", "67"), ("Min. 12/23", "12/23"), ("Item 5.", "5"), ("Minute no. 5", "5")],
)
def test_item_number(printed: str, number: str) -> None:
    assert ITEM_NUMBER.match(printed)
    assert item_number(printed) == number


@pytest.mark.parametrize(
    ("line", "number", "title"),
    [("PL.3 Appeals Update", "PL.3", "Appeals Update"), ("Minute 67 Apologies for Absence", "67", "Apologies for Absence"),
     ("4(b) Exclusion of the Press and Public", "4(b)", "Exclusion of the Press and Public"), ("12/23 MINUTES", "12/23", "MINUTES"),
     ("Item 5 \u2013 Apologies for Absence", "5", "Apologies for Absence"), ("7: Work Programme", "7", "Work Programme"),
     ("PC.041/24 APOLOGIES", "PC.041/24", "APOLOGIES"), ("C.34/24 MAYOR'S BUSINESS", "C.34/24", "MAYOR'S BUSINESS"),
     ("Min 145/23 PUBLIC FORUM", "145/23", "PUBLIC FORUM"), ("PC 45/24 Apologies", "PC 45/24", "Apologies"),
     ("Agenda Item 4: Budget", "4", "Budget"), ("PL/101 Ymddiheuriadau / Apologies", "PL/101", "Ymddiheuriadau / Apologies"), ("Minute 14/24 \u2013 Apologies for absence", "14/24", "Apologies for absence"),
     ("Minute no. 5 \u2013 Planning", "5", "Planning"), ("4) Apologies", "4", "Apologies"), ("(201) MINUTES", "201", "MINUTES"),
     ("20311/05/24 APOLOGIES", "20311/05/24", "APOLOGIES"), ("24/08:01 APOLOGIES AND MAYOR'S BUSINESS", "24/08:01", "APOLOGIES AND MAYOR'S BUSINESS")],
)
def test_number_and_title_on_one_line(line: str, number: str, title: str) -> None:
    m = NUMBER_AND_TITLE.match(line)
    assert m and (item_number(m.group(1)), m.group(2)) == (number, title)


def test_minute_numbers_with_letters_and_dots_mark_items() -> None:
    data = (
        "Agenda and minutes\n\nPlanning Committee - Tuesday 7 March 2023 6.30 pm\n\nItems\nNo. Item\n\n"
        "PL.45\n\nApologies for Absence\n\nMinutes:\n\nNone.\n\n"
        "PL.46\n\nAppeals Update\n\nMinutes:\n\nRESOLVED: That the report be noted.\n\n"
        "4(a)\n\nExclusion of the Press and Public\n\nMinutes:\n\nRESOLVED: That the public be excluded.\n"
    ).encode()
    items = parse_bytes(data, "x.txt").items
    assert [(i.number, i.title) for i in items] == [
        ("PL.45", "Apologies for Absence"),
        ("PL.46", "Appeals Update"),
        ("4(a)", "Exclusion of the Press and Public"),
    ]


def test_a_year_range_is_no_minute_number() -> None:
    # "2024/25 Revenue Budget" opens many lines of budget minutes: a year first is never taken as a number
    assert NUMBER_AND_TITLE.match("2024/25 Revenue Budget") is None
    # nor is a date ("12/04/24 Payment to the Village Hall", a parish's list of payments)
    assert NUMBER_AND_TITLE.match("12/04/24 Payment to the Village Hall") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Councillor vacancies", True),  # a title about councillors
        ("Councillor training", True),
        ("Councillor Pryce", False),  # a name: the start of a sentence or an attendance line
        ("Cllr Hebden", False),
        ("Councillors Amberley and Kemble", False),
        ("APPROVED the Minute.", False),  # a decision in capitals whose "DECISION" label was lost
        ("NOTED the report.", False),
        ("Approved Premises Update", True),
    ],
)
def test_title_like_councillor_word(text: str, expected: bool) -> None:
    assert is_title_like(text, strict=False) is expected


DASH_MINUTES = """Minutes of the Town Council Meeting, 9th April 2024
1) Apologies – Councillors Wynne and Carrog.
2) Declarations of Interest – None
3) Minutes of the previous meeting
The minutes were approved.
4) Councillor vacancies
There is one vacancy.
5) Report of the Footpaths Group held on 2nd April – the group walked the routes and found two broken stiles.
6) Signing of the Minutes - 9th January 2024 meeting
The Chair signed the minutes.
7) Bus shelter
The clerk reported on the repairs.
"""


def test_numbered_heading_forms_of_community_minutes() -> None:
    doc = parse_bytes(DASH_MINUTES.encode(), "minutes.txt")
    assert [(it.number, it.title, [p.text for p in it.passages]) for it in doc.items] == [
        ("1", "Apologies", ["Councillors Wynne and Carrog."]),
        ("2", "Declarations of Interest", ["None"]),
        ("3", "Minutes of the previous meeting", ["The minutes were approved."]),
        ("4", "Councillor vacancies", ["There is one vacancy."]),
        ("5", "Report of the Footpaths Group held on 2nd April",
         ["Report of the Footpaths Group held on 2nd April – the group walked the routes and found two broken stiles."]),
        ("6", "Signing of the Minutes - 9th January 2024 meeting", ["The Chair signed the minutes."]),
        ("7", "Bus shelter", ["The clerk reported on the repairs."]),
    ]


@pytest.mark.parametrize(
    ("text", "lone"),
    [
        ("24-25/CFA/3", True),  # the year, the body, the minute: a fire authority's register
        ("2-0708/9", True),  # the minute, then the year: a parish register
        ("P/212/2009", True),  # a letter, the minute and the year: a Northern Irish council's register
        ("2024/3)", True),  # the year, the minute: a parish meeting's
        ("P/212/2009:-", True),  # on its own line over the title, with the clerk's colon and dash
        ("12/03/2024", False),  # a date
        ("23/01234/FUL", False),  # a planning application's reference
        ("P/2023/0123", False),
    ],
)
def test_compound_minute_references(text: str, lone: bool) -> None:
    assert bool(ITEM_NUMBER.match(text)) is lone
    assert item_number(text) == (text.rstrip(")").removesuffix(":-") if lone else text)
    m = NUMBER_AND_TITLE.match(f"{text} - Apologies for absence")
    assert (m.group(1) if m else None) == (text if lone else None)


@pytest.mark.parametrize(
    ("title", "stored"),
    [
        ("Declarations of interest.", "Declarations of interest"),  # a mixed-case title's stop is left out
        ("To receive apologies;", "To receive apologies"),
        ("PUBLIC QUESTIONS.", "PUBLIC QUESTIONS."),  # a title in capitals keeps its printed stop
        ("Matters arising...", "Matters arising..."),
        ("Finance", "Finance"),
    ],
)
def test_output_title(title: str, stored: str) -> None:
    assert output_title(title) == stored


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # an agenda pack's page column left at the title's end
        ("Minutes of Previous Meeting Pages 7 to 18", "Minutes of Previous Meeting"),
        ("Minutes (05.01.11) 1 - 8", "Minutes (05.01.11)"),
        ("Chairman's Announcements Page 4", "Chairman's Announcements"),
        # not a range going up, nor a year: the title's own words
        ("Budget 2024 - 25", "Budget 2024 - 25"),
        ("Phase 3 - 2", "Phase 3 - 2"),
    ],
)
def test_a_page_column_is_no_part_of_a_title(text: str, title: str) -> None:
    assert clean_title(text) == title


@pytest.mark.parametrize(
    "line", ["Start: 1.35pm Finish: 3.54pm", "Finish: 9.10pm", "Meeting closed at 9.15pm", "Meeting commenced at 7.00 pm"]
)
def test_the_meetings_start_and_finish_times_are_no_title(line: str) -> None:
    assert (is_title_like(line), is_title_like(line, strict=False)) == (False, False)


@pytest.mark.parametrize(
    ("line", "number", "title"),
    [
        ("LCSC/7/24-25 Declarations of Interest", "LCSC/7/24-25", "Declarations of Interest"),
        ("1/20/BC Apologies", "1/20/BC", "Apologies"),
    ],
)
def test_committee_registers_with_a_year_range_or_the_committee_last(line: str, number: str, title: str) -> None:
    m = NUMBER_AND_TITLE.match(line)
    assert m is not None and (item_number(m.group(1)), m.group(2)) == (number, title)
    assert ITEM_NUMBER.match(number) and not ITEM_NUMBER.match("22/01877/FUL")
