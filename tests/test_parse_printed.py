"""Printed minutes saved as text: page furniture goes, hard-wrapped paragraphs and titles are rejoined."""

from __future__ import annotations

import pytest

from indexer.parse import parse_bytes
from indexer.parse.printed import is_furniture, reflow
from indexer.parse.text import split_lines

PRINTED = """\
WESTSHIRE FIRE AND RESCUE AUTHORITY

MINUTES of the meeting of the WESTSHIRE FIRE AND RESCUE AUTHORITY held at
Service Headquarters, Westbury, on Monday, 13th November, 2023
at 10.30 am.

PRESENT:     Councillor J. Whitfield (Chairman)
             Councillors R. Amos, P. Chaudhry, L. Denning, M. Farrow, S. Gill,
             K. Hutton and T. Wragg

12/23 COMMUNITY RISK MANAGEMENT PLAN 2024-2028: OUTCOME OF PUBLIC
      CONSULTATION

The Chief Fire Officer presented a report on the outcome of the twelve-week
public consultation on the draft Community Risk Management Plan, which had
received 1,412 responses. He explained that the consul-
tation had included four drop-in events in the west of the county, and

                                                                Page 1 of 2
                                         Chairman's initials ..............

Westshire Fire and Rescue Authority - 13 November 2023

that 64% of respondents had supported the proposal to crew the second pump.

RESOLVED that the minutes of the meeting of the Authority held on 18th
September, 2023 be confirmed as a correct record.

13/23 EXCLUSION OF THE PRESS AND PUBLIC

RESOLVED that the press and public be excluded for the following item.

                                                                Page 2 of 2
                                         Chairman's initials ..............

Westshire Fire and Rescue Authority - 13 November 2023
"""


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("Page 3 of 12", True),
        ("Westshire Council - Cabinet - 7 March 2023     Page 2 of 3", True),
        ("Chairman's initials ..............", True),
        ("Initials", True),
        ("The report is on page 3 of the agenda pack.", False),
        ("Page 3 of the report set out the options.", False),
    ],
)
def test_is_furniture(line: str, furniture: bool) -> None:
    assert is_furniture(line) is furniture


def test_reflow_rejoins_a_printed_page() -> None:
    texts = [ln.text for ln in reflow(split_lines(PRINTED))]
    assert texts[1] == (
        "MINUTES of the meeting of the WESTSHIRE FIRE AND RESCUE AUTHORITY held at Service Headquarters, Westbury, "
        "on Monday, 13th November, 2023 at 10.30 am."
    )
    assert "12/23 COMMUNITY RISK MANAGEMENT PLAN 2024-2028: OUTCOME OF PUBLIC CONSULTATION" in texts
    assert "Councillors R. Amos, P. Chaudhry, L. Denning, M. Farrow, S. Gill, K. Hutton and T. Wragg" in texts
    assert any(t.startswith("The Chief Fire Officer") and "the consultation had included" in t for t in texts)
    assert not any("Page" in t or "initials" in t or t.startswith("Westshire Fire and Rescue Authority -") for t in texts)


def test_web_text_is_not_reflowed() -> None:
    text = "Minutes:\n" + "The Commissioner presented the report on the precept and the Panel asked questions about it " * 3 + "\nand more"
    lines = split_lines(text)
    assert [ln.text for ln in reflow(lines)] == [ln.text for ln in lines]


def test_printed_text_parses_like_printed_minutes() -> None:
    doc = parse_bytes(PRINTED.encode(), "minutes.txt")
    assert (doc.kind, doc.meeting.committee, str(doc.meeting.date)) == (
        "printed_minutes",
        "Westshire Fire and Rescue Authority",
        "2023-11-13",
    )
    item = doc.items[1]
    assert [(i.number, i.title) for i in doc.items if i.title] == [
        ("12/23", "COMMUNITY RISK MANAGEMENT PLAN 2024-2028: OUTCOME OF PUBLIC CONSULTATION"),
        ("13/23", "EXCLUSION OF THE PRESS AND PUBLIC"),
    ]
    assert item.passages[0].text.endswith("in the west of the county, and that 64% of respondents had supported the proposal to crew the second pump.")
    assert item.resolutions == ("That the minutes of the meeting of the Authority held on 18th September, 2023 be confirmed as a correct record.",)
