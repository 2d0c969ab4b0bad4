"""PDF minutes: running headers/footers and page numbers dropped, wraps and hyphens rejoined."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from indexer.errors import ParseError
from indexer.model import Document
from indexer.parse import parse_bytes, parse_file
from indexer.parse.pdf import pages_to_text

DATA = Path(__file__).parent / "data" / "parse"


@pytest.fixture(scope="module")
def minutes() -> Document:
    return parse_file(DATA / "printed_minutes.pdf")


def test_pdf_metadata(minutes: Document) -> None:
    assert minutes.kind == "printed_minutes"
    assert minutes.meeting.committee == "Westshire Police and Crime Panel"
    assert minutes.meeting.date == dt.date(2024, 3, 12)
    assert minutes.warnings == ()


def test_pdf_items(minutes: Document) -> None:
    assert [(i.number, i.title, i.procedural) for i in minutes.items] == [
        (None, "", True),  # the attendance paragraph before the first item
        ("23", "Apologies for Absence", True),
        ("24", "Minutes of the Previous Meeting", True),
        ("25", "Police and Crime Commissioner's Precept Proposal 2024/25", False),
    ]


def test_pdf_passages(minutes: Document) -> None:
    got = [(p.section, p.speaker_role, p.speaker_name, p.text) for p in minutes.items[3].passages]
    assert got == [
        (
            "presentation",
            "commissioner",
            "Dana Fox",
            "The Commissioner, Dana Fox, presented her proposal to increase the policing precept by £13 a year for a "
            "Band D property. The Commissioner explained that the increase would fund 40 neighbourhood officers and "
            "the re-organisation of the control room.",
        ),
        ("presentation", "commissioner", "Dana Fox", "Recruitment was on track to reach 1,200 officers by March 2025."),
        ("presentation", "commissioner", "Dana Fox", "Public consultation showed that 61% of respondents supported the proposal."),
        ("questions", "commissioner", "Dana Fox", "Savings of £2.1m had been found through shared services with Eastshire."),
        ("questions", "councillor", "Hale", "Councillor Hale asked whether rural areas would benefit."),
        (
            "questions",
            "chief_constable",
            None,
            "The Chief Constable confirmed that six of the new officers would be posted to rural teams.",
        ),
        ("resolution", None, None, "That the Panel supports the proposed precept of £265.50 for a Band D property."),
        ("resolution", None, None, "That the Commissioner be asked to report on the control room review in July."),
        ("procedural", None, None, "The meeting concluded at 12.05 pm."),
    ]
    assert minutes.items[3].resolutions == (
        "1. That the Panel supports the proposed precept of £265.50 for a Band D property. "
        "2. That the Commissioner be asked to report on the control room review in July.",
    )


def test_pdf_furniture_is_gone(minutes: Document) -> None:
    texts = " ".join(p.text for i in minutes.items for p in i.passages)
    assert "Page 1 of 3" not in texts and "12 March 2024 Westshire" not in texts
    assert texts.count("Westshire Police and Crime Panel - 12 March 2024") == 0


@pytest.mark.parametrize(
    ("pages", "expected"),
    [
        # a line filling the measure continues; a short one ends its paragraph
        (
            [["Running head", "The Commissioner explained that the proposal would fund", "officers.", "Page 1"],
             ["Running head", "Next paragraph.", "Page 2"]],
            "The Commissioner explained that the proposal would fund officers.\n\nNext paragraph.",
        ),
        # a word hyphenated at a line end is rejoined
        ([["The re-organi-", "sation of the control room was agreed."]], "The re-organisation of the control room was agreed."),
        # bullets and numbered points always start a new paragraph
        ([["Members heard:", "• first point", "1. That it be noted."]], "Members heard:\n\n• first point\n\n1. That it be noted."),
        # a lone page number at the foot of a page is dropped even on one page
        ([["Short.", "- 3 -"]], "Short."),
    ],
)
def test_pages_to_text(pages: list[list[str]], expected: str) -> None:
    assert pages_to_text(pages) == expected


@pytest.mark.parametrize(
    ("filename", "reason"),
    [
        ("encrypted.pdf", "encrypted PDF (a password is needed to read it)"),
        ("blank.pdf", "no text in PDF (a scanned image?)"),
    ],
)
def test_unreadable_pdfs(filename: str, reason: str) -> None:
    with pytest.raises(ParseError) as err:
        parse_file(DATA / filename)
    assert err.value.reason == reason


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.4\n%%EOF\n",
        b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n",
        (DATA / "printed_minutes.pdf").read_bytes()[:1500],  # truncated mid-file
    ],
)
def test_damaged_pdfs_raise_parse_error(data: bytes) -> None:
    with pytest.raises(ParseError) as err:
        parse_bytes(data, "broken.pdf")
    assert err.value.reason.startswith(("damaged PDF", "PDF has no pages", "no text in PDF"))
