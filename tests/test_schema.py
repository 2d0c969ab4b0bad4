"""The schema: weighted BM25F parts of the text field, and item number keys."""

import pytest

from indexer.schema import TEXT_PARTS, build_schema, item_number_key, text_parts


def test_weighted_text_sums_weights_and_separates_parts():
    field = build_schema()["text"]
    out = {
        word.decode(): (freq, weight, field.format.decode_positions(v))
        for word, freq, weight, v in field.index([("Precept Proposal", 2.5), ("the precept rises", 1.0)])
    }
    assert out == {
        "precept": (2, 3.5, [0, 11]),  # the second part starts at 10 ("the", a stop word)
        "propos": (1, 2.5, [1]),
        "rise": (1, 1.0, [12]),
    }


def test_text_parts_in_schema_order_skipping_empty():
    # The title and the committee are fields of their own, not parts of the passage text.
    assert text_parts(None, "We agree.") == [("We agree.", 1.0)]
    assert text_parts("Cllr Oak", "We agree.") == [("Cllr Oak", 1.0), ("We agree.", 1.0)]
    assert TEXT_PARTS == {"speaker_name": 1.0, "body": 1.0}


@pytest.mark.parametrize(("raw", "key"), [("9.", "9"), ("39/20", "39/20"), ("(a)", "a"), (" FC1/22 ", "fc1/22"), ("4.1", "4.1")])
def test_item_number_key(raw, key):
    assert item_number_key(raw) == key


@pytest.mark.parametrize("positions", [[0], [3, 4, 70], [0, 70000, 70001], list(range(0, 3000, 3))])
def test_compact_positions_round_trip(positions):
    from indexer.schema import CompactPositions

    fmt = CompactPositions()
    encoded = fmt.encode(positions)
    assert (fmt.decode_positions(encoded), fmt.decode_frequency(encoded)) == (positions, len(positions))
    assert encoded[:1] == (b"I" if max(b - a for a, b in zip([0, *positions], positions)) >= 65536 else b"H")


def test_compact_positions_are_small():
    from whoosh.formats import Positions

    from indexer.schema import CompactPositions

    assert (len(CompactPositions().encode([5])), len(Positions().encode([5]))) == (3, 13)


def test_titles_record_positions_and_names_do_not():
    schema = build_schema()
    title = {w.decode(): (f, weight, schema["title"].format.decode_positions(v))
             for w, f, weight, v in schema["title"].index("Precept Precept Proposal")}
    assert title == {"precept": (2, 2.0, [0, 1]), "propos": (1, 1.0, [2])}
    out = list(schema["speaker_name"].index("Cllr Oak Oak"))
    assert out == [(b"cllr", 1, 1.0, b""), (b"oak", 1, 1.0, b"")]
    assert not schema["speaker_name"].format.supports("positions")


@pytest.mark.parametrize(
    "postings",
    [[[3]], [[0, 5, 9], [2], [7, 8]], [[1], [0, 70000], [4, 6]], []],
)
def test_decode_many_matches_one_by_one(postings):
    from indexer.schema import CompactPositions

    fmt = CompactPositions()
    values = [fmt.encode(p) for p in postings]
    flat, counts = CompactPositions.decode_many(values)
    assert flat.tolist() == [p for ps in postings for p in ps]
    assert counts.tolist() == [len(p) for p in postings]
