"""Text hygiene: decoding, character normalisation, bullets, list markers, link residue."""

from __future__ import annotations

import codecs

import pytest

from indexer.parse.text import Line, decode, list_marker, normalise, split_lines, squash, strip_bullet, strip_file_link, strip_residue


@pytest.mark.parametrize(
    ("data", "declared", "expected"),
    [
        (b"plain ascii", None, "plain ascii"),
        ("Commissioner’s £12".encode("utf-8"), None, "Commissioner’s £12"),
        (codecs.BOM_UTF8 + "Panel’s".encode("utf-8"), None, "Panel’s"),
        (codecs.BOM_UTF16_LE + "Panel’s".encode("utf-16-le"), None, "Panel’s"),
        (codecs.BOM_UTF16_BE + "Panel’s".encode("utf-16-be"), None, "Panel’s"),
        # Not valid UTF-8: Windows-1252 curly quote and pound sign.
        (b"Commissioner\x92s \xa312", None, "Commissioner’s £12"),
        # Declared Latin-1 is read as cp1252, as browsers do.
        (b"\x93Safer\x94", "iso-8859-1", "“Safer”"),
        # Declared Latin-1 but actually UTF-8: UTF-8 wins.
        ("café".encode("utf-8"), "iso-8859-1", "café"),
        # The charset of an HTML meta tag is honoured.
        (b'<meta charset="windows-1252"><p>\x96 dash</p>', None, '<meta charset="windows-1252"><p>– dash</p>'),
        # Bytes cp1252 leaves undefined fall back to Latin-1 rather than failing.
        (b"a\x81b\x9dc", None, "a\x81b\x9dc"),
    ],
)
def test_decode(data: bytes, declared: str | None, expected: str) -> None:
    assert decode(data, declared) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\u00a0b\u202fc\u2009d", "a b c d"),
        ("the Commissioner’s ‘Safer’ “pack”", "the Commissioner's 'Safer' \"pack\""),
        ("ﬁnance and eﬀective oﬃce", "finance and effective office"),
        ("organi\u00adsation\u200b", "organisation"),
        ("line one\r\nline two\rline three", "line one\nline two\nline three"),
        ("Commissionerâ€™s office", "Commissioner's office"),  # UTF-8 read as cp1252 upstream
        ("bell\x07 and\x00nul", "bell  andnul"),
        ("non\u2011breaking\u2010hyphen", "non-breaking-hyphen"),
    ],
)
def test_normalise(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("·         Efforts were made", ("·", "Efforts were made")),
        ("• Share this item", ("•", "Share this item")),
        ("▪ point", ("▪", "point")),
        ("- dash bullet", ("-", "dash bullet")),
        ("– en dash bullet", ("–", "en dash bullet")),
        ("-not a bullet", ("", "-not a bullet")),
        ("2016-2021 plan", ("", "2016-2021 plan")),
        ("Plain text", ("", "Plain text")),
    ],
)
def test_strip_bullet(text: str, expected: tuple[str, str]) -> None:
    assert strip_bullet(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.     The Panel proposed", ("1.", "The Panel proposed")),
        ("(a)          Standard items", ("(a)", "Standard items")),
        ("(iv)   feedback reports", ("(iv)", "feedback reports")),
        ("a)    The proposal", ("a)", "The proposal")),
        ("iii. third", ("iii.", "third")),
        ("(2) That, in the event", ("(2)", "That, in the event")),
        ("149.", ("", "149.")),
        ("2016/17 budget", ("", "2016/17 budget")),
        ("5.1 Minute 4.1", ("", "5.1 Minute 4.1")),
    ],
)
def test_list_marker(text: str, expected: tuple[str, str]) -> None:
    assert list_marker(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("MINUTES OF THE PREVIOUS MEETING pdf icon PDF 135 KB", "MINUTES OF THE PREVIOUS MEETING"),
        ("Police and Crime Panel - Membership and Co-option Report PDF 98 KB To consider", "Police and Crime Panel - Membership and Co-option Report To consider"),
        ("Agenda frontsheet (PDF, 132 KB)", "Agenda frontsheet"),
        ("Report PDF 1.2 MB", "Report"),
        ("The PDF copy was 20 pages", "The PDF copy was 20 pages"),
        ("MINUTES OF THE PREVIOUS MEETING (Pages 5 - 12)", "MINUTES OF THE PREVIOUS MEETING"),
        ("STRATEGY 2023-2028: (Pages 13 - 58) CONSULTATION OUTCOME", "STRATEGY 2023-2028: CONSULTATION OUTCOME"),
        ("See pages 5 to 12 of the report.", "See pages 5 to 12 of the report."),
    ],
)
def test_strip_residue(text: str, expected: str) -> None:
    assert strip_residue(text) == expected


def test_split_lines_records_indent_and_blank_gap() -> None:
    text = "Title\n\n\n    Indented  text   here\n \nnext\no    sub bullet\n"
    assert split_lines(text) == [
        Line("Title", 0, 0),
        Line("Indented text here", 4, 2),
        Line("next", 0, 1),
        Line("◦ sub bullet", 0, 0),
    ]


def test_squash() -> None:
    assert squash("  a \t b\n\nc  ") == "a b c"


def test_no_replacement_is_itself_replaced() -> None:
    # normalise replaces special characters one kind at a time: that gives the same text as a
    # single pass only while no replacement holds a special character
    from indexer.parse.text import _SPECIAL, _SPECIAL_PAIRS, _replace_special, normalise

    assert not any(_SPECIAL.search(repl) for _, repl in _SPECIAL_PAIRS)
    text = "".join(char + "x" for char, _ in _SPECIAL_PAIRS) + "caf\u00e9"
    assert normalise(text) == _SPECIAL.sub(_replace_special, text).replace("\x00", "")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ModernGov's older document lists: the item's paper, then its appendices
        ("5. word icon Review of the Complaints Protocol [51kb]- pdf icon Appendix A [27kb], word icon Appendix B [25kb]",
         "5. Review of the Complaints Protocol"),
        ("To confirm the minutes of the meeting held on pdf icon 6 March 2024 [94kb]", "To confirm the minutes of the meeting held on 6 March 2024"),
        ("3 pdf Minutes (64Kb)", "3 Minutes"),  # a CMIS link, as before
        ("PDF icon 5 - Annual Meeting Minutes 20 June 2024 271.08 KB", "PDF icon 5 - Annual Meeting Minutes 20 June 2024 271.08 KB"),
    ],
)
def test_strip_file_link_older_document_lists(text: str, expected: str) -> None:
    assert strip_file_link(text) == expected
