"""Did you mean: corrections from a vocabulary, by edit distance, frequency and context."""

from __future__ import annotations

import pytest

from indexer.search import SearchEngine, SearchRequest
from indexer.spelling import Correction, Speller, corrected_query

FREQ = {"county": 40, "lines": 30, "lanes": 90, "precept": 25, "police": 200, "polite": 1, "crime": 150,
        "cameras": 12, "camera": 8, "knife": 9, "zebra": 0}
SPELLER = Speller(list(FREQ) + ["2019", "co-op"])


def freq(word: str) -> int:
    return FREQ.get(word, 0)


@pytest.mark.parametrize(
    ("typed", "best"),
    [
        ("precpet", "precept"),  # two edits (a swap) in a long word
        ("knif", "knife"),  # one edit in a short word
        ("kn", None),  # too short to correct
        ("lnes", "lanes"),  # equally close: the more frequent
        ("xyzzyq", None),  # nothing close
        ("zebre", None),  # the only close word is not in any document
    ],
)
def test_best(typed, best):
    assert SPELLER.best(typed, freq) == best


def test_context_breaks_ties_before_frequency():
    beside_county = {"lines": 7, "lanes": 1}
    assert SPELLER.best("lnes", freq, context=lambda w: beside_county.get(w, 0)) == "lines"


def test_corrections_of_unknown_and_rare_words():
    words = ["county", "lnes", "polite"]
    with_others = {"county": 5, "lines": 3, "police": 4}  # passages beside the other words
    context = lambda typed, w: with_others.get(w, 0)  # noqa: E731
    # only the unknown word, while there are results
    assert SPELLER.corrections(words, freq, False, context) == [Correction("lnes", "lines")]
    # with few results, a rare word never found with the others, whose neighbour is
    assert SPELLER.corrections(words, freq, True, context) == [Correction("lnes", "lines"),
                                                               Correction("polite", "police")]
    # … but not if the rare word stands with the others, or its neighbour does not
    assert SPELLER.corrections(["polite"], freq, True, lambda t, w: {"polite": 1}.get(w, 0)) == []
    assert SPELLER.corrections(["polite"], freq, True, lambda t, w: 0) == []
    # a known word is never corrected to a rarer one
    assert SPELLER.corrections(["cameras"], freq, True, context) == []


@pytest.mark.parametrize(
    ("query", "fixes", "expected"),
    [
        ("county lnes", [Correction("lnes", "lines")], "county lines"),
        ("Lnes lnes", [Correction("lnes", "lines")], "Lnes lines"),  # the typed word, as typed
        ("section:resolution precpet", [Correction("precpet", "precept")], "section:resolution precept"),
        ("precpet*", [Correction("precpet", "precept")], "precpet*"),  # prefixes are left alone
    ],
)
def test_corrected_query(query, fixes, expected):
    assert corrected_query(query, fixes) == expected


@pytest.mark.parametrize(
    ("q", "suggestion"),
    [
        ("county lnes", "county lines"),
        ("precpet", "precept"),
        ("speed camras on the A31", "speed cameras on the A31"),
        ("county lines", None),
        ("PCC precept", None),  # an acronym found through its long form is not a typing error
        ('"county lnes"', None),  # quoted text is left as typed
    ],
)
def test_engine_suggests_from_its_own_vocabulary(engine: SearchEngine, q, suggestion):
    assert engine.search(SearchRequest(q=q)).suggestion == suggestion
