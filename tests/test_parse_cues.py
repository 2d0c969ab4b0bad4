"""Regex cues: the words every match needs, and a cued pattern answers exactly as the pattern does."""

from __future__ import annotations

import re

import pytest

from indexer.parse.cues import CuedPattern, cued, end_window, needed_words


@pytest.mark.parametrize(
    ("pattern", "flags", "expected"),
    [
        (r"\b(?:table\s+below|following\s+table|the\s+table)\b", re.I, {"table", "following"}),
        (r"\b(?:appointed|elected)\b", 0, {"appointed", "elected"}),
        (r"(?:PDF|DOC|DOCX)\s*\d+\s*KB", re.I, {"pdf", "doc"}),  # "doc" covers "docx"
        (r"Chair(?:man)?\s+of", 0, {"Chair"}),
        (r"\bthe\s+[Cc]hair\b", 0, {"hair"}),
        (r"(?:Mr|Dr)?\s*[A-Z]\w+", 0, None),  # nothing fixed in every match
        (r"x*", 0, None),  # matches the empty string
        (r"(?:abc|\d+)", 0, None),  # one alternative needs no word
        (r"(?i:panel)\s+met", 0, {"met"}),  # a case-blind group is not a case-sensitive word
        (r"(?<=\S)\s+[·•▪]\s+(?=\S)", 0, {"·", "•", "▪"}),  # one of a few characters
        (r"[a-c]x", 0, {"x"}),  # a range is no word
        (r"(?<=[.!?])\s+(?=RESOLVED\b|Resolved\s*:)", 0, {"ESOLVED", "esolved"}),  # look-arounds count ("R" is shared)
        (r"(?!RESOLVED)\w+", 0, None),  # a negative one does not
    ],
)
def test_needed_words(pattern: str, flags: int, expected: set[str] | None) -> None:
    words = needed_words(re.compile(pattern, flags))
    assert (set(words) if words else None) == expected


def test_cued_returns_the_pattern_when_nothing_is_needed() -> None:
    rx = re.compile(r"\s+")
    assert cued(rx) is rx


RX = re.compile(r"\(?\b(?:PDF|DOC)\b,?\s*[\d.,]+\s*[KMG]B\b\)?|\(\s*pages?\s+\d+\)", re.I)


@pytest.mark.parametrize(
    "text",
    [
        "Report PDF 238 KB and more",
        "Agenda (Pages 5) then pdf, 1.2 mb",
        "nothing of the kind here",
        "Appendix DOC 12 \u212aB",  # the Kelvin sign matches k when case is ignored
        "(PAGE 7)",
        "P\u0130DF 1 KB",
    ],
)
def test_cued_pattern_answers_as_the_pattern(text: str) -> None:
    c = cued(RX)
    assert isinstance(c, CuedPattern)
    assert [m.span() for m in c.finditer(text)] == [m.span() for m in RX.finditer(text)]
    assert [m.span() for m in filter(None, [c.search(text), c.match(text)])] == [
        m.span() for m in filter(None, [RX.search(text), RX.match(text)])
    ]
    assert c.sub(" ", text) == RX.sub(" ", text)
    assert c.split(text) == RX.split(text)
    assert c.findall(text) == RX.findall(text)


@pytest.mark.parametrize("text", ["THIS", "TH\u0130S", "th\u0131s", "\u017fo", "SO", "th is"])
def test_case_blind_cue_sees_what_re_matches(text: str) -> None:
    # re matches dotted and dotless i to "i" and the long s to "s" when case is ignored
    rx = re.compile(r"this|so\b", re.I)
    c = cued(rx)
    assert isinstance(c, CuedPattern)
    assert bool(c.search(text)) == bool(rx.search(text))


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [(r"\b(?:Mr|Prof)\.$", 7), (r"\w+\.$", None), (r"(?<=x)ab$", None), (r"ab", None), (r"(?m)ab$", None)],
)
def test_end_window(pattern: str, expected: int | None) -> None:
    assert end_window(re.compile(pattern)) == expected


@pytest.mark.parametrize("text", ["said Mr.", "said Mr.\n", "Prof.", "xMr.", "the Mr. said", "a" * 50 + " Prof."])
def test_end_window_decides(text: str) -> None:
    rx = re.compile(r"\b(?:Mr|Prof)\.$")
    assert bool(rx.search(text[-end_window(rx):])) == bool(rx.search(text))
