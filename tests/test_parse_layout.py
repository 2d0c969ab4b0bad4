"""Crawler text → items: the seed documents and the text layouts ModernGov pages come in."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.model import Document
from indexer.parse import parse_bytes, parse_file

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
        ('presentation', 'commissioner', None, 'During the presentations Members heard:'),
        ('presentation', 'commissioner', None, 'Progress made by the OPCC against compliance '),
        ('presentation', 'commissioner', None, 'Hampshire and the Isle of Wight was regarded '),
        ('presentation', 'commissioner', None, 'Some projects within the delivery plan had be'),
        ('presentation', 'commissioner', None, 'The Commissioner and his office were well eng'),
        ('presentation', 'commissioner', None, 'A recently added project would focus upon Uni'),
        ('presentation', 'commissioner', None, 'The Commissioner committed not to have staff '),
        ('questions', 'commissioner', None, 'In response to questions, the Panel heard:'),
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
        ('presentation', 'commissioner', 'During the presentation Members heard:'),
        ('presentation', 'commissioner', 'Efforts were being made to improve visible po'),
        ('presentation', 'commissioner', 'The Commissioner was developing an Elders str'),
        ('presentation', 'commissioner', 'The Commissioner had launched his Safer pack '),
        ('presentation', 'commissioner', 'The Commissioner is aware of concerns raised '),
        ('presentation', 'commissioner', 'The Commissioner attended a number of events '),
        ('presentation', 'commissioner', 'The Commissioner had attended the Independent'),
        ('procedural', None, 'Councillor Muschamp joined the meeting at thi'),
        ('questions', 'commissioner', 'In response to questions, the Panel heard:'),
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
