"""The entry points: sniffing by content, errors as ParseError with a human reason, fuzzing."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from indexer.errors import ParseError
from indexer.model import Document
from indexer.parse import parse_bytes, parse_file, sniff
from indexer.vocab import ROLES, SECTIONS

DATA = Path(__file__).parent / "data" / "parse"
FIXTURES = sorted(p for p in DATA.iterdir() if p.suffix in (".txt", ".html", ".pdf"))


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (b"%PDF-1.4\n...", "minutes.pdf", "pdf"),
        (b"%PDF-1.4\n...", "minutes.txt", "pdf"),  # a .txt that is a PDF
        (b"Agenda item\n\nBudget\n", "minutes.pdf", "text"),  # a .pdf that is text
        (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "page.txt", "html"),
        (b"<div><p>one</p><p>two</p></div>", "page", "html"),
        (b"\xef\xbb\xbf<html><body>x</body></html>", "page", "html"),
        (b"<AI1>\n88\nElection of Chair\n</AI1>", "printed.txt", "text"),  # item markers are not HTML
        (b"Title\n\nText with a < sign and a > sign.", "notes.html", "html"),
        (b"Plain minutes text.", "notes.txt", "text"),
        (bytes(range(0, 32)) * 20, "junk.bin", "binary"),
    ],
)
def test_sniff(data: bytes, name: str, expected: str) -> None:
    assert sniff(data, name) == expected


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b" \n\t\r\n ", "empty file"),
        (bytes(range(0, 32)) * 20, "not a text, HTML or PDF file (binary data)"),
        (b"12345 ... 678 --- ||| 9", "no minutes text found"),
        (b"<html><body><script>var x = 1;</script></body></html>", "no minutes text found"),
        (b"%PDF-1.4\n%%EOF\n", "damaged PDF (PdfReadError)"),
    ],
)
def test_unusable_input_raises_parse_error(data: bytes, reason: str) -> None:
    with pytest.raises(ParseError) as err:
        parse_bytes(data, "input.txt")
    assert (err.value.path, err.value.reason) == ("input.txt", reason)
    assert str(err.value) == f"input.txt: {reason}"


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ParseError) as err:
        parse_file(tmp_path / "nope.txt")
    assert err.value.reason == "file not found"


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(ParseError) as err:
        parse_file(tmp_path)
    assert err.value.reason == "is a directory, not a file"


def test_text_named_pdf_is_parsed_as_text(tmp_path: Path) -> None:
    path = tmp_path / "minutes.pdf"
    path.write_bytes((DATA / "seed_001.txt").read_bytes())
    doc = parse_file(path, source="seeds/001.pdf")
    assert (doc.source, doc.kind, doc.items[0].title) == (
        "seeds/001.pdf",
        "agenda_item",
        "Police and Crime Commissioner - Police and Crime Plan Delivery",
    )


def test_pdf_named_txt_is_parsed_as_pdf(tmp_path: Path) -> None:
    path = tmp_path / "minutes.txt"
    path.write_bytes((DATA / "printed_minutes.pdf").read_bytes())
    assert parse_file(path).kind == "printed_minutes"


def test_source_defaults_to_path() -> None:
    path = DATA / "seed_000.txt"
    assert parse_file(path).source == str(path)


def _check(doc: Document) -> None:
    """Invariants every parsed document keeps."""
    for item in doc.items:
        assert isinstance(item.title, str)
        for p in item.passages:
            assert p.text and p.text == " ".join(p.text.split())
            assert p.section in SECTIONS
            assert p.speaker_role is None or p.speaker_role in ROLES
        assert all(r for r in item.resolutions)


def _parse_or_reason(data: bytes, name: str) -> None:
    try:
        _check(parse_bytes(data, name))
    except ParseError as exc:
        # the safety net in parse_bytes must not be what catches fuzz input
        assert not exc.reason.startswith("could not be parsed"), exc.reason


@pytest.mark.parametrize("seed", range(40))
def test_fuzz_random_bytes(seed: int) -> None:
    rng = random.Random(seed)
    data = bytes(rng.randrange(256) for _ in range(rng.choice((1, 10, 100, 3000))))
    for name in ("x.txt", "x.html", "x.pdf"):
        _parse_or_reason(data, name)


_TOKENS = [
    "Minutes:", "Decision:", "Additional documents:", "RESOLVED:", "Resolved –", "That the report be noted.",
    "1.", "39/20", "(a)", "·", "•", "|", "No. | Item |", "<AI1>", "</AI1>", "pdf icon PDF 12 KB",
    "The Commissioner explained", "Cllr Smith asked", "Members heard:", "Agenda item", "Agenda and minutes",
    "Police and Crime Panel - Friday, 26th January, 2018 10.00 am", "Meeting: 21/11/2022 - Panel (Item 8)",
    "APOLOGIES FOR ABSENCE", "the", "and", "of", "meeting", ".", ",", ":", "(", ")", "\u00a0", "’", "\t", "",
]


@pytest.mark.parametrize("seed", range(60))
def test_fuzz_minutes_like_text(seed: int) -> None:
    rng = random.Random(seed)
    lines = [" ".join(rng.choice(_TOKENS) for _ in range(rng.randrange(0, 12))) for _ in range(rng.randrange(1, 80))]
    text = "\n".join(" " * rng.randrange(0, 6) + ln for ln in lines)
    for name in ("x.txt", "x.html"):
        _parse_or_reason(text.encode("utf-8"), name)


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.name)
def test_fuzz_truncated_and_mutated_fixtures(fixture: Path) -> None:
    data = fixture.read_bytes()
    rng = random.Random(fixture.name)
    for cut in sorted({1, 7, len(data) // 3, len(data) // 2, len(data) - 1}):
        _parse_or_reason(data[:cut], fixture.name)
    for _ in range(10):
        mutated = bytearray(data)
        for _ in range(rng.randrange(1, 30)):
            mutated[rng.randrange(len(mutated))] = rng.randrange(256)
        _parse_or_reason(bytes(mutated), fixture.name)


@pytest.mark.parametrize(
    "data",
    [
        b"A" * 300_000,
        b"Councillor Abc Def, " * 15_000,
        b"| " * 150_000 + b"x",
        b"Title Minutes: text\n" * 10_000,
        b"<html><body>" + b"<div>" * 20_000 + b"The Chair welcomed everyone.",
        ("The Commissioner explained that ’" * 10_000).encode("cp1252"),
    ],
    ids=["caps", "names", "pipes", "labels", "nested-html", "cp1252-line"],
)
def test_huge_and_pathological_inputs_finish(data: bytes) -> None:
    _parse_or_reason(data, "big.txt")


@pytest.mark.parametrize(
    ("text", "warnings"),
    [
        (b"Agenda item\n\nBudget\n\nMinutes:\n\nThe Panel noted the report.", ()),
        (b"Agenda item\n\nBudget\n\nMinutes:\n\nThe Panel noted the rep", ("the text ends mid-sentence: the file may be truncated",)),
        (b"To consider the report.\n\nMinutes:\n\nThe Panel noted it.", ("no agenda items found: the text is kept as one untitled item",)),
    ],
)
def test_warnings(text: bytes, warnings: tuple[str, ...]) -> None:
    assert parse_bytes(text, "x.txt").warnings == warnings


def test_prose_before_the_first_item_is_kept_as_passages_of_an_untitled_item() -> None:
    text = (
        b"Vale Licensing Committee - Monday 3 March 2025 10.00 am\n\n"
        b"Venue: Council Chamber, Town Hall\n\n"
        b"Note: This meeting will be filmed and shown live on the council website. "
        b"Members of the public who speak may appear in the film.\n\n"
        b"Agenda item\n\nBudget\n\nMinutes:\n\nThe Panel noted the report.\n"
    )
    doc = parse_bytes(text, "x.txt")
    first = doc.items[0]
    assert (first.title, first.procedural) == ("", True)
    # prose only (no heading, date or venue line); sentences joined up to PREAMBLE_WORDS
    assert [p.text for p in first.passages] == [
        "Note: This meeting will be filmed and shown live on the council website. "
        "Members of the public who speak may appear in the film."
    ]
    assert [it.title for it in doc.items] == ["", "Budget"]


def test_a_long_preamble_is_split_into_sentence_sized_passages() -> None:
    sentence = "Speakers may address the committee about {} for three minutes each."
    note = "Note: " + " ".join(sentence.format(w) for w in ("roads", "parks", "libraries", "schools", "bins", "buses"))
    doc = parse_bytes(("Vale Licensing Committee - Monday 3 March 2025 10.00 am\n\nVenue: Town Hall\n\n" + note
                       + "\n\nAgenda item\n\nBudget\n\nMinutes:\n\nThe Panel noted the report.\n").encode(), "x.txt")
    assert [it.title for it in doc.items] == ["", "Budget"]
    # eleven words a sentence (twelve with "Note:"), at most forty words a passage: three sentences each
    assert [len(p.text.split()) for p in doc.items[0].passages] == [34, 33]
