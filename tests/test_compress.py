"""Passage text compression with the minutes dictionary."""

import pytest

from indexer.compress import ZDICT, pack_text, train_dictionary, unpack_text


@pytest.mark.parametrize(
    "text",
    ["", "The Commissioner explained that the precept would rise by £12.", "Zoë’s question — “why?”", "x" * 5000],
)
def test_round_trip(text):
    assert unpack_text(pack_text(text)) == text


def test_minutes_language_compresses_well():
    text = "In response to questions, the Panel heard that the Police and Crime Commissioner had consulted residents."
    assert len(pack_text(text)) < len(text.encode()) * 0.5


def test_dictionary_is_shipped_and_bounded():
    assert 8_000 < len(ZDICT) <= 16 * 1024


def test_training_keeps_valuable_phrases_last():
    texts = ["the Police and Crime Panel met"] * 10 + ["rare words here"] * 3
    d = train_dictionary(texts, size=200).decode()
    assert d.endswith("the Police and Crime Panel")  # phrases of up to five words
    assert "rare words here" in d
