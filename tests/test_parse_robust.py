"""Changes of layout that keep a document's meaning keep its parse: no empty lines between paragraphs,
a website's menu bar above the text (bench/perturb.py measures these over the development part)."""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bench.eval_parser import norm_committee
from bench.perturb import TRANSFORMS
from indexer.model import Document
from indexer.parse import parse_bytes
from indexer.parse.text import decode

HELDOUT = Path(__file__).parent / "data" / "parse" / "heldout"
MENU = "Skip to main content\n\nHome\nYour council\nCouncillors and committees\nSearch\n\nMenu\n\n"


@functools.cache
def _gold() -> dict[str, Any]:
    """The held-out documents' labels, by file name."""
    return json.loads((HELDOUT / "labels.json").read_text(encoding="utf-8"))["files"]


def _text(name: str) -> str:
    return decode((HELDOUT / name).read_bytes())


def _both(transform: str, name: str) -> tuple[Document, Document]:
    """(the held-out document ``name`` parsed after ``transform``, parsed as it is)."""
    text = _text(name)
    return parse_bytes(TRANSFORMS[transform](text, _gold()[name]).encode(), name), parse_bytes(text.encode(), name)


def _changed(transform: str, names: list[str], key: Callable[[Document], Any]) -> list[str]:
    """The documents of ``names`` whose ``key`` differs after ``transform``."""
    return [name for name in names if key((pair := _both(transform, name))[0]) != key(pair[1])]


def _meeting(doc: Document) -> tuple:
    return norm_committee(doc.meeting.committee), doc.meeting.date


def _heldout_with(transform: str) -> list[str]:
    """The held-out text documents ``transform`` changes."""
    return sorted(n for n, g in _gold().items() if n.endswith(".txt") and TRANSFORMS[transform](_text(n), g) is not None)


def _summary(doc: Document) -> tuple:
    return (
        doc.meeting.committee,
        doc.meeting.date,
        [(i.number, i.title) for i in doc.items],
        sum(len(i.resolutions) for i in doc.items),
    )


# Held-out documents (invented for this project) whose own heading lines are short, like menu entries.
@pytest.mark.parametrize(
    "name",
    [
        "h28_morfa-county-council-bilingual.txt",
        "h45_ystrad-planning-bilingual-headings.txt",
        "h75_ashby-parva-parish-paren-numbers.txt",
        "h89_corrowdale-fire-authority-cmis-unnumbered.txt",
        "h90_threlmere-parish-lowercase-heading.txt",
        "h91_oakhythe-parish-three-column-table.txt",
    ],
)
def test_menu_bar_above_changes_nothing(name: str) -> None:
    data = (HELDOUT / name).read_bytes()
    plain = parse_bytes(data, name)
    menu = parse_bytes(MENU.encode() + data, name)
    assert _summary(menu) == _summary(plain)
    assert len([i for i in plain.items if i.title]) >= 3


def test_menu_bar_above_a_three_column_table() -> None:
    name = "h91_oakhythe-parish-three-column-table.txt"
    doc = parse_bytes(MENU.encode() + (HELDOUT / name).read_bytes(), name)
    gold = _gold()[name]
    assert [(i.number, i.title) for i in doc.items] == [(g["number"], g["title"]) for g in gold["items"]]
    assert doc.meeting.date.isoformat() == gold["meeting_date"]


NO_EMPTY_LINES = """Agenda and minutes
Westshire Police and Crime Panel - Thursday, 8th February, 2018 2.30 pm
Venue: Committee Room 2, Shire Hall, Westbury
No. Item
Apologies for Absence
Apologies were received from Councillor Amber Vale.
Minutes of the Previous Meeting pdf icon PDF 84 KB
To agree the record of the last meeting of the Panel.
Additional documents:
RESOLVED that the record of the meeting of 9 November 2017 be approved.
Commissioner's Precept Proposal and Four-Year Financial Plan 2018/19 to 2021/22 pdf icon PDF 312 KB
Additional documents:
The Commissioner introduced the proposed precept and explained the pressures on the force budget, including
a) the cost of the pay award for officers and staff, which had been higher than expected in the budget set last
b) the rising cost of fuel and energy for the estate and the fleet, which the force had tried to reduce by savings
c) the investment in the control room and the new call handling system that the Panel had asked about in the
The Panel asked about the reserves and the Commissioner said that they would be reviewed during the year ahead.
RESOLVED that the proposed precept be supported.
Public Questions
To hear questions put by residents under the Panel's procedure rules.
The Panel had been sent no questions by the closing date.
"""


def test_meeting_page_without_empty_lines() -> None:
    """The item "Minutes of the previous meeting" is no printed heading to rejoin with its blurb, and a
    link's title ending in its file size is not wrapped onto the "Additional documents:" label."""
    doc = parse_bytes(NO_EMPTY_LINES.encode(), "page.txt")
    assert (doc.meeting.committee, doc.meeting.date.isoformat()) == ("Westshire Police and Crime Panel", "2018-02-08")
    assert [i.title for i in doc.items] == [
        "Apologies for Absence",
        "Minutes of the Previous Meeting",
        "Commissioner's Precept Proposal and Four-Year Financial Plan 2018/19 to 2021/22",
        "Public Questions",
    ]
    assert [len(i.resolutions) for i in doc.items] == [0, 1, 1, 0]  # the minutes' confirmation is a decision


LETTERED = """LICENSING SUB-COMMITTEE
Minutes of a meeting held on 14th March, 2016.
Present: Councillors A. Hale, B. Marsh and C. Reed.
(a) Appointment of Chairman
Councillor B. Marsh took the chair for this hearing.
(b) Declarations of Interest
None were declared.
(c) Licensing Act 2003 - Application for a Premises Licence - The Old Mill, Quay Street, Penhallow
The officer set out the application; the applicant then spoke to the Sub-Committee.
"""


@pytest.mark.parametrize("spacing", ["\n", "\n\n"])
def test_lettered_items_with_and_without_empty_lines(spacing: str) -> None:
    doc = parse_bytes(LETTERED.replace("\n", spacing).encode(), "minutes.txt")
    assert (doc.meeting.committee, doc.meeting.date.isoformat()) == ("Licensing Sub-Committee", "2016-03-14")
    assert [(i.number, i.title) for i in doc.items if i.title] == [
        ("(a)", "Appointment of Chairman"),
        ("(b)", "Declarations of Interest"),
        ("(c)", "Licensing Act 2003 - Application for a Premises Licence - The Old Mill, Quay Street, Penhallow"),
    ]


GOLD = {"kind": "printed_minutes", "meeting_date": "2019-03-05", "items": [{"number": "1", "title": "Apologies"}]}


def test_perturbations() -> None:
    text = "Minutes of the Council held on 5 March 2019\n\n1. Apologies\n\nNone were received.\n"
    assert TRANSFORMS["no_blank_lines"](text, GOLD) == "Minutes of the Council held on 5 March 2019\n1. Apologies\nNone were received."
    assert TRANSFORMS["crlf"]("a\nb", GOLD) == "a\r\nb"
    assert TRANSFORMS["double_spaces"]("a b\nc", GOLD) == "a  b\nc"
    assert TRANSFORMS["extra_blank_lines"]("a\n\nb\n\n\nc\nd", GOLD) == "a\n\n\nb\n\n\n\n\nc\nd"
    assert TRANSFORMS["indent"]("a\n\nb", GOLD) == "  a  \n\n  b  "
    assert TRANSFORMS["date_style"](text, GOLD) == text.replace("5 March 2019", "Tuesday 5th March, 2019")
    assert TRANSFORMS["date_style"]("Held on Tuesday 5th March, 2019", GOLD) == "Held on 5 March 2019"
    assert TRANSFORMS["upper_titles"]("Apologies\ntext", GOLD) == "APOLOGIES\ntext"
    assert TRANSFORMS["upper_titles"]("APOLOGIES\ntext", GOLD) is None
    assert TRANSFORMS["wrap"]("short", GOLD) is None
    assert TRANSFORMS["wrap"]("word " * 30, GOLD) is None  # a page run on in one line
    assert TRANSFORMS["wrap"]("a\nb\nc\nd\n" + "word " * 30, GOLD) == "a\nb\nc\nd\n" + "word " * 17 + "word\n" + "word " * 11 + "word"
    assert TRANSFORMS["site_chrome"]("x", GOLD).endswith("Menu\n\nx")
    pages = "\n".join(f"Line {k}\n" for k in range(40))
    got = TRANSFORMS["page_furniture"](pages, GOLD)
    assert (got.count("Page 1 of 3"), got.count("Page 2 of 3"), got.count("\nLine 0\n"), got.count("Page 3")) == (1, 1, 2, 0)
    assert TRANSFORMS["page_furniture"](pages, {**GOLD, "kind": "meeting"}) is None
    assert TRANSFORMS["one_line"](text, GOLD) == "Minutes of the Council held on 5 March 2019 1. Apologies None were received."
    assert TRANSFORMS["one_line"](text, {**GOLD, "kind": "meeting"}) is None


def test_leading_agenda_list_numbered_with_parentheses() -> None:
    """An agenda's procedural items listed "1) …", "2) …" above reports with their own minute numbers
    are items, as they are listed "1. …"."""
    name = "h52_harrowdale-fire-authority-agenda-list.txt"
    gold = _gold()[name]
    text = _text(name)
    paren = TRANSFORMS["number_paren"](text, gold)
    assert paren is not None and "\n1) " in paren and "\n1. " not in paren
    doc = parse_bytes(paren.encode(), name)
    assert [(i.number, i.title) for i in doc.items if i.title] == [(g["number"], g["title"]) for g in gold["items"]]


def test_page_numbers_check_covers_printed_heldout_documents() -> None:
    names = _heldout_with("page_numbers")
    assert len(names) >= 10
    assert {"h10_heathfield-health-wellbeing-board_agenda.txt", "h38_lough-erne-borough-council-alderman.txt",
            "h82_harbridge-council-ai-markers-inline-number.txt"} <= set(names)


@pytest.mark.parametrize("name", _heldout_with("page_numbers"))
def test_page_numbers_between_paragraphs_change_nothing(name: str) -> None:
    """A bare page number left where a PDF's page broke ("2" between paragraphs) is not an item number:
    not above a title (which took the item's number, or hid a run of minute references), nor under an
    item's <AIn> marker."""
    gold = _gold()[name]
    text = _text(name)
    paged = parse_bytes(TRANSFORMS["page_numbers"](text, gold).encode(), name)
    assert _summary(paged) == _summary(parse_bytes(text.encode(), name))


def test_page_number_between_lettered_items() -> None:
    paged = LETTERED.replace("\n", "\n\n").replace(
        "(b) Declarations", "2\n\n(b) Declarations"
    )
    assert "\n\n2\n\n(b)" in paged
    doc = parse_bytes(paged.encode(), "minutes.txt")
    assert [i.number for i in doc.items if i.title] == ["(a)", "(b)", "(c)"]


@pytest.mark.parametrize("transform", ["heading_caps", "heading_wrap"])
def test_heading_in_capitals_or_wrapped_keeps_committee_and_date(transform: str) -> None:
    names = _heldout_with(transform)
    assert len(names) >= 10
    assert _changed(transform, names, _meeting) == []


def test_printed_heading_in_capitals() -> None:
    from indexer.parse import meta

    line = (
        "AT A MEETING OF THE JOINT WASTE AUTHORITY FOR NORTH MERESHIRE AND TARNDALE HELD AT THE DEPOT, "
        "TARNDALE ON WEDNESDAY 4 SEPTEMBER 2019 AT 2.00 PM"
    )
    assert meta.meeting_from_head([line]) == ("Joint Waste Authority for North Mereshire and Tarndale", dt.date(2019, 9, 4))
    assert meta.meeting_from_head(["MINUTES OF TOWN COUNCIL 3 APRIL 2024"]) == ("Town Council", dt.date(2024, 4, 3))
    assert meta.clean_committee("WESTSHIRE BOROUGH COUNCIL - LICENSING COMMITTEE") == "Licensing Committee"


@pytest.mark.parametrize(
    ("line", "nxt", "joined"),
    [
        ("Minutes of the Licensing Committee held on Monday, 5 June", "2023 at 10.00 am in the Guildhall", True),
        ("Minutes of the Planning Committee held on Tuesday,", "12 March 2024", True),
        ("Westshire Borough Council - Audit and", "Governance Committee", True),
        ("Westshire Borough Council", "Audit and Governance Committee", False),
        ("Present: Councillors A Hale and", "The Chair welcomed everyone to the meeting and thanked them.", False),
    ],
)
def test_heading_line_cut_by_a_narrow_column(line: str, nxt: str, joined: bool) -> None:
    from indexer.parse import meta

    assert meta.continues_heading(line, nxt) is joined


def test_numeric_meeting_date_keeps_committee_and_date() -> None:
    names = _heldout_with("date_numeric")
    assert len(names) >= 40
    assert _changed("date_numeric", names, _meeting) == []


def test_numeric_dates_in_headings() -> None:
    from indexer.parse import meta

    assert meta.header_meeting("Minutes of Town Council 03/04/2024") == ("Town Council", dt.date(2024, 4, 3))
    assert meta.header_meeting("Minutes of the Finance Committee held on 05.06.2023 at 7pm") == ("Finance Committee", dt.date(2023, 6, 5))
    head = ["Minutes of the Extraordinary Parish Council Meeting", "Brookside Pavilion 09/11/2024 at 19:00hrs"]
    assert meta.meeting_from_head(head)[1] == dt.date(2024, 11, 9)


@pytest.mark.parametrize(
    "name", ["h84_saltmarsh-city-pr-committee-pdf-rules.txt", "h95_marlstone-pfcp-cmis-lone-minute-numbers.txt"]
)
def test_one_wrapped_paragraph_in_unwrapped_text(name: str) -> None:
    """One long paragraph hard-wrapped in otherwise unwrapped text: its second line going on in lower case
    is rejoined, so the first ("3.1 The Head of … proposed a seasonal tariff", "12" over "The minutes …
    approved as a correct record and") reads as no heading."""
    gold = _gold()[name]
    text = _text(name)
    wrapped = TRANSFORMS["wrap"](text, gold)
    assert wrapped is not None and wrapped.count("\n") > text.count("\n")
    assert _summary(parse_bytes(wrapped.encode(), name)) == _summary(parse_bytes(text.encode(), name))


def test_header_without_empty_lines_keeps_its_fields_apart() -> None:
    """A short page without empty lines can look wrapped to a measure; a date line and a field ("Venue: …")
    still start lines of their own, so the two-line heading keeps its committee."""
    name = "h80_westvale-fire-authority-two-line-heading.txt"
    gold = _gold()[name]
    text = TRANSFORMS["no_blank_lines"](_text(name), gold)
    doc = parse_bytes(text.encode(), name)
    assert (doc.meeting.committee, str(doc.meeting.date)) == (gold["committee"], gold["meeting_date"])


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("Meeting of Westshire Police, Fire and Crime Panel on Monday, 5th February, 2024 10.30 am",
         ("Westshire Police, Fire and Crime Panel", dt.date(2024, 2, 5))),
        ("Meeting of Eastmere Police and Crime Panel (Statutory Joint Committee) on Friday, 26th April, 2019 10.00 am",
         ("Eastmere Police and Crime Panel (Statutory Joint Committee)", dt.date(2019, 4, 26))),
        ("Meeting of Fellmoor National Park Authority on Tuesday 9 July 2019", ("Fellmoor National Park Authority", dt.date(2019, 7, 9))),
    ],
)
def test_meeting_of_body_on_date(line: str, want: tuple) -> None:
    """Names with a comma, a parenthetical note or "Authority" in the heading form "Meeting of <body> on <date>"."""
    from indexer.parse import meta

    assert meta.header_meeting(line) == want


@pytest.mark.parametrize("name", _heldout_with("number_no_space"))
def test_number_glued_to_its_title(name: str) -> None:
    """"3.Title" / "3.TITLE" (PDF text that lost a space) reads as "3. Title"."""
    gold = _gold()[name]
    text = _text(name)
    glued = TRANSFORMS["number_no_space"](text, gold)
    assert glued is not None and glued != text
    assert _summary(parse_bytes(glued.encode(), name)) == _summary(parse_bytes(text.encode(), name))


def test_number_glued_count() -> None:
    assert len(_heldout_with("number_no_space")) >= 25


def test_short_lines_without_broken_sentences_are_not_page_wrapped() -> None:
    """A short page of short lines (headings, titles and one-line minutes) is not text wrapped to a page's
    measure: nothing in it stops mid-sentence, so its heading is not run into the venue and an item's
    title into its minute when its numbers stand on lines of their own."""
    from indexer.parse.printed import page_measure
    from indexer.parse.text import normalise, split_lines

    name = "h79_millbeck-extraordinary-parish-venue-date.txt"
    gold = _gold()[name]
    text = _text(name)
    own = TRANSFORMS["number_own_line"](text, gold)
    assert page_measure(split_lines(normalise(own))) is None
    assert _summary(parse_bytes(own.encode(), name)) == _summary(parse_bytes(text.encode(), name))
    wrapped = "\n".join(
        ["The Clerk reported that the footpath along the river had been surveyed by the",
         "county council and that the stiles at the northern end would be replaced before",
         "the summer, subject to the landowner agreeing to the work being carried out on",
         "the dates proposed by the ranger service and the parish paying for the gates."] * 2
    )
    assert page_measure(split_lines(wrapped)) == 79


def test_gaps_counted_in_the_documents_unit() -> None:
    from indexer.parse.layout import _gaps_in_units
    from indexer.parse.text import Line

    doubled = [Line("a", 0, 0), Line("b", 0, 2), Line("c", 0, 4), Line("d", 0, 0), Line("e", 0, 6)]
    assert [ln.gap for ln in _gaps_in_units(doubled)] == [0, 1, 2, 0, 3]
    single = [Line("a", 0, 0), Line("b", 0, 1), Line("c", 0, 3)]
    assert _gaps_in_units(single) == single


def test_doubled_blank_lines_change_nothing() -> None:
    """An extraction that doubles every run of empty lines keeps what is set apart: gaps are counted in
    the document's own unit."""
    names = _heldout_with("extra_blank_lines")
    assert len(names) >= 60
    assert _changed("extra_blank_lines", names, _summary) == []


LONG_TITLE = (
    "To confirm that the items of business marked Part 1 on the agenda will be considered in public "
    "and that the items marked Part 2 will be considered in private"
)


def test_long_agenda_wording_under_a_number_is_a_title() -> None:
    from indexer.parse.titles import is_title_like

    assert len(LONG_TITLE.split()) == 30
    assert is_title_like(LONG_TITLE, strict=False) is True
    assert is_title_like(LONG_TITLE) is False  # with no number marking it, a line that long is prose
    page = (
        "Agenda and minutes\n\nCabinet - Thursday, 14th March, 2024 7.00 pm\n\nItems\nNo. Item\n\n"
        "31.\n\nApologies for Absence\n\nThere were no apologies.\n\n"
        f"32.\n\n{LONG_TITLE}\n\nIt was confirmed that all items would be considered in public.\n\n"
        "33.\n\nHousing Strategy 2024-2029\n\nRESOLVED: That the strategy be adopted.\n"
    )
    doc = parse_bytes(page.encode(), "page.txt")
    assert [(i.number, i.title) for i in doc.items] == [
        ("31", "Apologies for Absence"), ("32", LONG_TITLE), ("33", "Housing Strategy 2024-2029")
    ]


@pytest.mark.parametrize("name", _heldout_with("window_title"))
def test_window_title_above_a_meeting_page(name: str) -> None:
    """ModernGov's window title kept as a page's first line: "Agenda for <committee> on <date>" names the
    committee, not "Agenda for <committee>"; "Agenda item - <title>" over an item page that repeats its
    title is dropped, not taken for the title."""
    gold = _gold()[name]
    text = _text(name)
    titled = TRANSFORMS["window_title"](text, gold)
    assert titled.startswith(("Agenda for ", "Agenda item - "))
    assert _summary(parse_bytes(titled.encode(), name)) == _summary(parse_bytes(text.encode(), name))


def test_meeting_of_with_a_colon() -> None:
    from indexer.parse import meta

    assert meta.clean_committee("Meeting of: Council") == "Council"
    assert meta.clean_committee("Minutes of Meeting of: Westdale District Council") == "Westdale District Council"


def test_page_number_over_running_text_in_unnumbered_minutes() -> None:
    """Printed minutes with capitals headings and no numbers: a bare "1" between a heading and its minute
    is the page's number, so the heading keeps its minute."""
    name = "h115_kilbraddan-housing-committee-names-a-line.txt"
    gold = _gold()[name]
    text = _text(name)
    paged = TRANSFORMS["page_numbers"](text, gold)
    assert paged is not None and "\n1\n" in paged
    assert _summary(parse_bytes(paged.encode(), name)) == _summary(parse_bytes(text.encode(), name))


@pytest.mark.parametrize("transform", ["webcast_lines", "no_item_table_head", "residue_style"])
def test_web_page_variants_keep_items(transform: str) -> None:
    """Other sites' ModernGov pages: an item's webcast or background link line under its title, no
    "Items" / "No. Item" table heading (an item "Minutes of the meeting held on <date> PDF 244 KB" is then
    no printed heading), a link's size printed "(PDF, 119KB)"."""
    names = _heldout_with(transform)
    assert len(names) >= 10
    assert _changed(transform, names, _titled) == ([] if transform != "webcast_lines" else ["h89_corrowdale-fire-authority-cmis-unnumbered.txt"])


def _titled(doc: Document) -> tuple:
    """What the evaluation scores: committee, date, titled items, decisions (an untitled preamble is not an item)."""
    return (doc.meeting.committee, doc.meeting.date, [(i.number, i.title) for i in doc.items if i.title],
            sum(len(i.resolutions) for i in doc.items))


def test_item_link_lines_are_dropped() -> None:
    from indexer.parse.layout import _drop_item_links
    from indexer.parse.text import Line

    lines = [Line("Budget", 0, 0), Line("View the webcast for this item", 0, 1), Line("View the background to item 5.", 0, 0),
             Line("The Panel noted the report.", 0, 1)]
    assert [(ln.text, ln.gap) for ln in _drop_item_links(lines)] == [("Budget", 0), ("The Panel noted the report.", 3)]


@pytest.mark.parametrize("name", _heldout_with("meeting_line_style"))
def test_item_page_meeting_line_styles(name: str) -> None:
    """"Meeting: 7 March 2023 - <body> (Item 6:)" gives the item its number as "(Item 6.)" does."""
    gold = _gold()[name]
    text = _text(name)
    styled = TRANSFORMS["meeting_line_style"](text, gold)
    assert "(Item " in styled and ":)" in styled
    assert _titled(parse_bytes(styled.encode(), name)) == _titled(parse_bytes(text.encode(), name))


@pytest.mark.parametrize("name", _heldout_with("number_spaced_stop"))
def test_number_with_its_stop_spaced_off(name: str) -> None:
    """"3 . Title" (justified PDF text spaces the stop off its number) reads as "3. Title"."""
    gold = _gold()[name]
    text = _text(name)
    spaced = TRANSFORMS["number_spaced_stop"](text, gold)
    assert spaced is not None and " . " in spaced
    assert _summary(parse_bytes(spaced.encode(), name)) == _summary(parse_bytes(text.encode(), name))


@pytest.mark.parametrize("title", ["Police and Crime Commissioner", "Police & Crime Commissioner"])
def test_ampersand_in_a_job_title(title: str) -> None:
    from indexer.parse.roles import title_role

    assert title_role(title) == "commissioner"
    page = (
        "Agenda and minutes\n\nWestshire Police and Crime Panel - Friday, 26th January, 2018 10.00 am\n\nItems\nNo. Item\n\n"
        f"5.\n\nBudget Update\n\nMinutes:\n\nMr John Carter, {title} for Westshire, presented the report.\n"
    )
    doc = parse_bytes(page.encode(), "p.txt")
    assert [(p.speaker_role, p.speaker_name) for p in doc.items[0].passages] == [("commissioner", "John Carter")]


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        ("The PCC gave the Panel an update on the recruitment of officers.", "commissioner"),
        ("The Commissioner gave Members a brief overview of the plan.", "commissioner"),
        ("The Chief Constable gave a presentation on the force's performance.", "chief_constable"),
    ],
)
def test_gave_the_panel_an_update(sentence: str, role: str) -> None:
    """"<X> gave the Panel an update": the body spoken to may stand between the verb and what was given."""
    page = (
        "Agenda and minutes\n\nWestshire Police and Crime Panel - Friday, 26th January, 2018 10.00 am\n\nItems\nNo. Item\n\n"
        f"5.\n\nBudget Update\n\nMinutes:\n\n{sentence}\n"
    )
    doc = parse_bytes(page.encode(), "p.txt")
    assert [p.speaker_role for p in doc.items[0].passages] == [role]


@pytest.mark.parametrize(
    ("head", "committee"),
    [
        (["Meeting :          Licensing Committee", "Date :   Tuesday 3 September 2024"], "Licensing Committee"),
        (["Name of meeting:", "WESTDALE COMMUNITY SAFETY PARTNERSHIP", "Date:", "Time (from/to):"], "Westdale Community Safety Partnership"),
        (["Meeting : |", "Planning and", "Regulatory Committee |", "Date : |"], "Planning and Regulatory Committee"),
        (["Meeting: 21/11/2022 - Cabinet (Item 5)"], "Cabinet"),  # an item page's meeting line, read as before
        (["Meeting : 4.00 pm"], None),
    ],
)
def test_committee_from_a_form_field(head: list[str], committee: str | None) -> None:
    """Agenda fronts and action sheets name the meeting's body in a field: on the label's line, under it,
    or wrapped in a table cell."""
    from indexer.parse import meta

    assert meta.meeting_from_head(head)[0] == committee


@pytest.mark.parametrize(
    "nav",
    [
        "  • Your councillors\n  • Search documents\n  • Agenda item\n",
        "Home > Council and democracy > Agenda item\n",
        "You are here - Home : Council and democracy : Meetings : Agenda item\n",
    ],
)
def test_agenda_item_page_type_decorated_by_navigation(nav: str) -> None:
    """"Agenda item" as a menu's last bullet or a breadcrumb's last step is still the page's type line, so
    the title under it is the item's."""
    page = (
        f"{nav}\n    Car Park Charges Review\n\n"
        "    • Meeting of Cabinet, Tuesday, 1st April, 2025 5.15 pm (Item 160.)\n\n"
        "    To consider a report on the charges for the council's car parks.\n\n"
        "Minutes:\n\nThe Cabinet considered the report.\n"
    )
    doc = parse_bytes(page.encode(), "item.txt")
    assert [(i.number, i.title) for i in doc.items] == [("160", "Car Park Charges Review")]
    assert (doc.meeting.committee, str(doc.meeting.date)) == ("Cabinet", "2025-04-01")


# Printed minutes whose line breaks a document site lost: the whole text runs on in one line (invented text
# in the shapes of several bodies' PDF copies). Items are found from the run of their numbers, whatever form
# the numbers take, and each title ends where its minute's first sentence starts.
def _items_of(text: str) -> list[tuple[str | None, str]]:
    doc = parse_bytes(text.encode(), "run-on.txt")
    return [(it.number, it.title) for it in doc.items if it.title]


def test_run_on_minutes_with_year_references_and_capitals_titles() -> None:
    text = (
        "MINUTES of the meeting of the WESTDALE FIRE AUTHORITY held at Headquarters on Monday, 4th March, 2024 at 10.00 am. "
        "PRESENT: Councillor A. Brook (Chair), Councillors C. Dale and E. Fell. 11/24 APOLOGIES FOR ABSENCE Apologies were "
        "received from Councillor G. Hoyle. 12/24 DECLARATIONS OF INTEREST There were none, as at minute 9/24 of the last "
        "meeting. 13/24 MINUTES RESOLVED that the minutes of the meeting held on 5th February, 2024 be confirmed. "
        "14/24 FLEET REPLACEMENT PROGRAMME The Treasurer presented the report on the replacement of four appliances."
    )
    assert _items_of(text) == [
        ("11/24", "APOLOGIES FOR ABSENCE"), ("12/24", "DECLARATIONS OF INTEREST"), ("13/24", "MINUTES"),
        ("14/24", "FLEET REPLACEMENT PROGRAMME"),
    ]


def test_run_on_minutes_numbered_minute_n_in_sentence_case() -> None:
    text = (
        "EASTFOLD BOROUGH COUNCIL MINUTES of a meeting of the Housing Scrutiny Panel held in the Town Hall on Tuesday, "
        "5th March, 2024 at 7.00 pm Present: Councillor B. Ames (Chair), Councillors D. Crane and F. Gray "
        "Minute 41 Apologies for Absence Apologies were received from Councillor H. Ives. Minute 42 Minutes The minutes "
        "of the meeting held on 6th February, 2024 were agreed as a correct record. Minute 43 Empty Homes - Quarter 3 "
        "2023/24 The Head of Housing Services presented the report on empty homes. Minute 44 Work Programme The panel "
        "noted its work programme for the year."
    )
    assert _items_of(text) == [
        ("41", "Apologies for Absence"), ("42", "Minutes"), ("43", "Empty Homes - Quarter 3 2023/24"), ("44", "Work Programme"),
    ]


def test_run_on_parish_minutes_numbered_year_then_minute() -> None:
    text = (
        "Minutes of the Ordinary Parish Council Meeting held on Tue 12th March 2024 at 7.30pm in the Village Hall "
        "Present: Cllrs Ann Bell (Chair), Carl Dunn and Eve Frost 24/031 Apologies for absence Apologies were received "
        "from Cllr Gail Hunt. 24/032 Declarations of Interest Cllr Dunn declared an interest in item 24/035. "
        "24/033 Minutes of the previous meeting RESOLVED – the minutes of the meeting held on 13th February 2024 were "
        "approved. 24/034 Public participation A resident raised the state of the footpath. 24/035 Planning RESOLVED – "
        "to raise no objection to the application for a rear extension."
    )
    assert _items_of(text) == [
        ("24/031", "Apologies for absence"), ("24/032", "Declarations of Interest"), ("24/033", "Minutes of the previous meeting"),
        ("24/034", "Public participation"), ("24/035", "Planning"),
    ]


def test_run_on_minutes_with_register_and_glued_references() -> None:
    register = (
        "MINUTES OF THE ORDINARY MEETING OF NANTLLE TOWN COUNCIL HELD ON THURSDAY 9th MAY 2024 AT 7:30PM CHAIR: "
        "Councillor A Owen PRESENT: Councillors B Pugh and C Rees 30211/05/24 APOLOGIES Councillor D Roberts. "
        "30212/05/24 DECLARATIONS OF INTEREST None were declared. 30213/05/24 FINANCE The Clerk presented the accounts "
        "and the bank reconciliation for April."
    )
    assert _items_of(register) == [("30211/05/24", "APOLOGIES"), ("30212/05/24", "DECLARATIONS OF INTEREST"), ("30213/05/24", "FINANCE")]
    glued = (
        "MINUTES OF A COUNCIL MEETING HELD AT THE TOWN HALL ON MONDAY 13th MAY 2024 AT 7.00 PM PRESENT: Cllr E Prosser "
        "(Mayor), Cllr F Jones 601/01APOLOGIES Apologies were received from Cllr G Evans. 601/02DECLARATIONS OF INTEREST "
        "No interests were declared. 601/03MINUTES The minutes of the last meeting were confirmed."
    )
    assert _items_of(glued) == [("601/01", "APOLOGIES"), ("601/02", "DECLARATIONS OF INTEREST"), ("601/03", "MINUTES")]


def test_run_on_minutes_with_capitals_titles_before_their_references() -> None:
    text = (
        "NORTHBY DISTRICT COUNCIL PLANNING COMMITTEE Minutes of the meeting held at the Civic Centre on Wednesday 6 "
        "March 2024 at 6.30pm Present: Councillor Lumb (Chairman), Councillors Marsh and Nash Officers: Head of "
        "Planning APOLOGIES PC301/24 Apologies for absence were recorded from Councillor Owen. DECLARATIONS OF INTEREST "
        "PC302/24 No declarations were made. APPLICATION 24/00123 - LAND AT MILL LANE PC303/24 The Planning Officer "
        "presented the report and members asked about the access."
    )
    assert _items_of(text) == [
        ("PC301/24", "APOLOGIES"), ("PC302/24", "DECLARATIONS OF INTEREST"), ("PC303/24", "APPLICATION 24/00123 - LAND AT MILL LANE"),
    ]


def test_run_on_heading_without_an_attendance_label() -> None:
    """A run-on minutes heading ends after its date and time when no "Present" label follows it."""
    text = (
        "Minutes of the Cabinet Meeting held in the Council Chamber, Oldport on Tuesday 9 July 2024 at 6.30 pm Members "
        "of Cabinet present: A Bright (Leader), C Dunne. Officers present: E Fox (Chief Executive). 1. Apologies for "
        "Absence Apologies were received from Councillor Grey. 2. Declarations of Interest Councillor Bright declared "
        "an interest in item 6. 3. Minutes It was RESOLVED that the minutes of the meeting held on 4 June 2024 be "
        "approved. 4. Announcements Councillor Dunne said that the new depot had opened."
    )
    doc = parse_bytes(text.encode(), "run-on.txt")
    assert (doc.meeting.committee, doc.meeting.date) == ("Cabinet", dt.date(2024, 7, 9))
    assert _items_of(text) == [("1", "Apologies for Absence"), ("2", "Declarations of Interest"), ("3", "Minutes"), ("4", "Announcements")]


def test_agenda_titles_with_their_blurbs_after_a_dash() -> None:
    """An authority's own agenda page prints each title and its blurb on one line after a dash, or the dash
    alone with the blurb below; an item's own sub-list (its committees "1." to "3.") is no part of the items."""
    text = (
        "Westmere Fire Authority - 4 March 2025\n\nTime: 10:00 am\n\n\nBusiness Part One\n\n"
        "  1. Apologies - To receive apologies from members who cannot attend.\n"
        "  2. Minutes - To confirm the minutes of the meeting held on 10 December 2024.\n"
        "  3. Chair's Announcements\n    The Chair to announce the fire safety arrangements.\n"
        "  4. Questions - To answer any questions raised under Standing Order 12 about the business of the Authority.\n"
        "  5. Public Participation -\n  There are no public questions or petitions for this meeting.\n"
        "  6. Regional Resilience Forum - To note the minutes of the forum's meeting held on 6 November 2024.\n"
        "  7. Minutes of Committees\n    To consider the minutes of the following committees:\n"
        "    1. Audit Committee: Mr Penrose will present the minutes of 2 December 2024;\n"
        "    2. Estates Committee: Ms Quayle will present the minutes of 9 December 2024; and\n"
        "    3. Standards Committee: Mr Rusk will present the minutes of 16 December 2024.\n"
        "  8. Appointments to Outside Bodies\n    To appoint members to the bodies listed in the report.\n"
    )
    assert _items_of(text) == [
        ("1", "Apologies"), ("2", "Minutes"), ("3", "Chair's Announcements"), ("4", "Questions"), ("5", "Public Participation"),
        ("6", "Regional Resilience Forum"), ("7", "Minutes of Committees"), ("8", "Appointments to Outside Bodies"),
    ]


def test_document_site_title_that_is_the_heading_itself() -> None:
    """A document site whose title for the upload is the minutes' heading, which the text then starts with:
    the text's heading stays whole (a title repeated above a heading that names the body is dropped instead)."""
    text = (
        "1 Minutes of Monthly Meeting of Pentre Isaf Community Council\nTotal Page:9\nFile Type:pdf, Size:300Kb\n"
        "Minutes of Monthly Meeting of Pentre Isaf Community Council held Remotely at 7.00p.m. on Thursday 11th March "
        "2021 , PRESENT: Cllrs. A. Rhys (Chair), B. Morgan, C. Pugh APOLOGIES: Cllr. D. Owen 1. Declaration of Interest "
        "– none declared. 2. Police Report: no report had been received. 3. Correspondence – a letter from the county "
        "council about road closures was noted by members. 4. Finance – the clerk presented the accounts."
    )
    doc = parse_bytes(text.encode(), "site.txt")
    assert (doc.meeting.committee, doc.meeting.date) == ("Pentre Isaf Community Council", dt.date(2021, 3, 11))


def test_minutes_heading_without_held_above_its_date_field() -> None:
    """ "Minute of Inaugural Meeting <body>" over a "Date: … Time: … Venue: …" field is the header, not the
    first item's title, also where one numbered item follows it."""
    text = (
        "Minute of Inaugural Meeting Joint Community Council of\n\n"  # (its name cut by a document site)
        "Date: Thursday, 9 November 2023 Time: 7.00 pm Venue: The Supper Room, Westvale Town Hall\n\n"
        "Chair: Ann Brodie Community Council Liaison Officer (CCLO)\n\n1. Welcome, Introductions and Apologies\n\n"
        "Attendees: Iona Bell Westvale, Rory Cairns Eastvale, Moira Dunn Westvale, Ewan Fyfe Northvale, Greer Hay "
        "Westvale, Kirsty Innes Eastvale, Lachlan Kerr Northvale and Mhairi Lamb Westvale. Apologies were received from "
        "two members. The Chair welcomed everyone to the first meeting of the joint community council.\n"
    )
    doc = parse_bytes(text.encode(), "heading.txt")
    assert doc.meeting.date == dt.date(2023, 11, 9)
    assert _items_of(text) == [("1", "Welcome, Introductions and Apologies")]


def test_meeting_page_numbered_with_compound_references() -> None:
    text = (
        "Agenda and minutes\n\nVenue: Headquarters, Lecture Theatre\n\nItems\nNo. Item\n\n"
        "24-25/CFA/1\n\nElection of Chair 2024/25\n\nMinutes:\n\nCouncillor A Brook was elected Chair.\n\n"
        "24-25/CFA/2\n\nApologies\n\nMinutes:\n\nCouncillor C Dale had sent her apologies.\n\n"
        "24-25/CFA/3\n\nMinutes\n\nMinutes:\n\nRESOLVED: That the minutes of the meeting held on 2 April 2024 be confirmed.\n\n"
        "24-25/CFA/4\n\nRevenue Budget Monitoring\n\nMinutes:\n\nThe Treasurer presented the report.\n"
    )
    assert _items_of(text) == [
        ("24-25/CFA/1", "Election of Chair 2024/25"), ("24-25/CFA/2", "Apologies"), ("24-25/CFA/3", "Minutes"),
        ("24-25/CFA/4", "Revenue Budget Monitoring"),
    ]


def test_headerless_meeting_page_titled_by_link_residue_and_procedural_titles() -> None:
    """A crawl that kept only a meeting page's items: unnumbered titles, each alone between blank lines, known
    as titles by a document link's residue or by naming procedural business."""
    text = (
        "Apologies for Absence\n\n\nCouncillor A Brook had sent her apologies.\n\n\n"
        "Declarations of Interest in matters coming before this meeting\n\n\nNone were made by Members present.\n\n\n"
        "To agree the minutes of the meeting held on 4 March 2024 pdf icon PDF 120 KB\n\n\n"
        "The minutes of the meeting held on 4 March 2024 were agreed as a correct record.\n\n\n\n"
        "Review of the Street Trading Policy pdf icon PDF 210 KB\n\n\n"
        "The Licensing Manager introduced the review of the policy and its consultation.\n\n\n"
        "Members asked how many traders held consents in the town centre.\n"
    )
    assert _items_of(text) == [
        (None, "Apologies for Absence"), (None, "Declarations of Interest in matters coming before this meeting"),
        (None, "To agree the minutes of the meeting held on 4 March 2024"), (None, "Review of the Street Trading Policy"),
    ]


def test_cmis_date_line_with_a_time_range_is_the_date_not_an_item() -> None:
    text = (
        "Skip to main content\nBusiness - Westfold Council\nYou are in Meetings\n\nMeeting Details\n\n"
        "Housing and Communities Policy Board\n6 Mar 2024 - 14:00 to 15:30\n  • Documents\n  • Attendance\n\n"
        "Documents\n\nAgenda\n\nFurther Information\nThis is a meeting which is open to members of the public.\n"
        "Chair\nCouncillor Ross, Convener, presided.\n\nApologies\n\nApologies were intimated on behalf of Councillor Bain.\n\n"
        "Declarations of Interest\n\nThere were no declarations of interest intimated prior to the meeting.\n"
    )
    doc = parse_bytes(text.encode(), "cmis.txt")
    assert doc.meeting.date == dt.date(2024, 3, 6)
    assert all(it.number != "6" for it in doc.items)


def test_bulleted_list_of_numbered_items() -> None:
    text = (
        "Meeting documents\n\n  • Webcast\n  • 1 - Apologies for Absence and Substitutions\n  • 2 - Declarations of Interest\n"
        "  • 3 - Urgent Matters\n\n    To consider any items of business not on the agenda.\n\n"
        "  • 4 - Appointment of Vice-Chairman\n\n    To appoint a Vice-Chairman for the year.\n\n"
        "  • 5 - Minutes of the meeting held on 3rd March 2024\n  • 6 - Review of the Code of Conduct\n\n"
        "    Contact Officer: Paula Quist\n"
    )
    assert _items_of(text) == [
        ("1", "Apologies for Absence and Substitutions"), ("2", "Declarations of Interest"), ("3", "Urgent Matters"),
        ("4", "Appointment of Vice-Chairman"), ("5", "Minutes of the meeting held on 3rd March 2024"), ("6", "Review of the Code of Conduct"),
    ]


def test_menu_of_bullets_ending_in_the_page_type() -> None:
    """A site's menu as a bulleted list whose last entry is the page's type ("• Agenda and minutes"), the
    page's heading indented under it."""
    menu = ["Calendar", "Committees", "Consultations", "Decisions", "Election results", "Forward Plans", "Library",
            "Meetings", "Outside bodies", "Search documents", "Your councillors", "What's new", "Agenda and minutes"]
    text = (
        "\n".join(f"  • {m}" for m in menu)
        + "\n\n    The Council - Thursday, 7th March, 2024 1.00 pm\n\n    • Attendance details\n\n"
        "    Venue: Council Chamber, Council Offices, Westport. View directions\n\n    Items\n    No. Item\n\n"
        "    1.\n\n    APOLOGIES\n\n    Minutes:\n\n    Apologies were received from Councillor Ames.\n\n"
        "    2.\n\n    DECLARATIONS OF PERSONAL INTEREST\n\n    Minutes:\n\n    No declarations were received.\n"
    )
    doc = parse_bytes(text.encode(), "menu.txt")
    assert (doc.meeting.committee, doc.meeting.date) == ("Council", dt.date(2024, 3, 7))
    assert _items_of(text) == [("1", "APOLOGIES"), ("2", "DECLARATIONS OF PERSONAL INTEREST")]


def test_table_rows_labelled_decision_without_bars() -> None:
    """A meeting page's item table flattened to one row a line with no bars, each row "<title> <blurb>
    Decision: <text>" (decision and minutes pages)."""
    text = (
        "Membership of the Committee This is where Councillors attending as substitutes will say for whom they attend. "
        "Decision: No substitutes were in attendance.\n"
        "Minutes of Previous Meeting To approve the minutes of the meeting held on 6 March 2024. Decision: The minutes "
        "of the meeting held on 6 March 2024 were approved as a correct record.\n"
        "Admission of the Public The Committee will consider whether to exclude the public. Decision: All items were "
        "considered in public.\n"
    )
    assert [t for _, t in _items_of(text)] == ["Membership of the Committee", "Minutes of Previous Meeting", "Admission of the Public"]


def test_barless_table_rows_with_long_blurbs() -> None:
    """Rows flattened with no bars whose blurb runs long before the row's "Minutes:" cell."""
    blurb = ("Members are reminded that, under the procedure rules of the Panel, they should declare any interest they "
             "may have in any item on this agenda, and the nature of that interest, and leave the room where the interest "
             "is a disclosable pecuniary interest; guidance on what counts as an interest is set out in the Panel's "
             "handbook, which is available from the Democratic Services team on request. ")
    text = (
        f"Apologies {blurb}Minutes: Apologies were received from Councillor Ames.\n"
        f"Declarations of Interest {blurb}Minutes: No declarations were made by members of the Panel.\n"
        f"Public Participation {blurb}Minutes: There were no questions from members of the public.\n"
    )
    assert [t for _, t in _items_of(text)] == ["Apologies", "Declarations of Interest", "Public Participation"]


def test_numbered_agenda_lines_that_read_as_sentences_fill_their_run() -> None:
    """Parish minutes numbering their agenda's "To …" lines: lines that read as sentences ("… held on …",
    "… interested in …") between two titles of the run are items of it too, their whole line the title."""
    text = (
        "Category: Minutes (Page 3 of 9)\nWESTBURY PARISH COUNCIL MEETING\n"
        "Minutes of the meeting held Tuesday 9th January 2024, 7.15 pm at the Village Hall\n"
        "Present: Councillors Ames, Bell and Crane (Councillor Crane left the meeting after point 5)\n"
        "In attendance: Mrs P Quill (parish clerk) and 3 members of the public\n"
        "The vice-chair opened the meeting at 7.15 pm\n"
        "1. To receive and accept apologies for absence\nApologies were received and accepted from Councillor Dunn\n"
        "2. To receive declarations of interest.\nNone\n"
        "3. To confirm the minutes of the Westbury Parish Council annual meeting held on Tuesday 7th November 2023\n"
        "Resolved, that these minutes be agreed as a true and accurate record of the proceedings\n"
        "4. To hear from parties interested in the parish councillor vacancy and co-opt a new councillor if relevant\n"
        "Ann Earl expressed an interest after attending the last meeting. The councillors were happy to co-opt her.\n"
        "Resolved, proposed Cllr Ames, seconded Cllr Bell, that Ann Earl be co-opted to the office of parish councillor.\n"
        "5. To receive reports on actions agreed at the last council meeting\nTo be addressed in specific agenda points.\n"
        "6. To receive petitions, comments and questions from the public\n"
        "A member of the public asked if the parish council had asked for the footpath to be resurfaced.\n"
    )
    assert [n for n, _ in _items_of(text)] == ["1", "2", "3", "4", "5", "6"]
    assert _items_of(text)[2] == ("3", "To confirm the minutes of the Westbury Parish Council annual meeting held on Tuesday 7th November 2023")


def test_run_on_minutes_with_numbered_paragraphs_under_numbered_items() -> None:
    """PDF text run on in one line whose items are "1. Title" and whose minutes are numbered paragraphs
    "1.1 …": the paragraph number ends the title; a body's initials in capitals before "1." are no title."""
    text = (
        "Westmoor Police and Crime Panel Minutes of the Meeting held on 5 March 2024 at 10am in the Council Chamber "
        "Members Present: Mr A Brook (Chairman) Westmoor County Council Mr C Dale Eastby District Council Others Present "
        "Mr E Fell Chief Executive, Office of the Police and Crime Commissioner for Westmoor, OPCCW "
        "1. To receive apologies and details of any substitute Members attending 1.1 Apologies had been received from "
        "Mrs G Hollis. 2. Members to Declare any Interests 2.1 There were no interests declared. 3. To receive any items "
        "of business which the Chairman decides should be considered as a matter of urgency 3.1 There were none."
    )
    assert _items_of(text) == [
        ("1", "To receive apologies and details of any substitute Members attending"),
        ("2", "Members to Declare any Interests"),
        ("3", "To receive any items of business which the Chairman decides should be considered as a matter of urgency"),
    ]
