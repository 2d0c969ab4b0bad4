"""Counting helpers of indexer.facets: exact distinct values on both of their paths."""

import numpy as np
import pytest

from indexer.facets import _bit_counts, _distinct, _item_bits


@pytest.mark.parametrize(
    "keys, size, expected",
    [
        ([3, 3, 7, 3, 0, 7], 10, [0, 3, 7]),  # many keys for the range: the dense path
        ([5, 900, 5, 5, 42], 1000, [5, 42, 900]),  # few keys, large range: the scatter path
        ([999], 1000, [999]),
        ([], 1000, []),
    ],
)
def test_distinct_values_each_once(keys: list[int], size: int, expected: list[int]) -> None:
    assert sorted(_distinct(np.array(keys, dtype=np.int64), size).tolist()) == expected


def test_distinct_scatter_path_matches_unique_on_repeats() -> None:
    rng = np.random.default_rng(7)
    keys = rng.integers(0, 50_000, size=2_000)  # 8 * 2,000 < 50,000: the scatter path
    assert sorted(_distinct(keys, 50_000).tolist()) == np.unique(keys).tolist()


@pytest.mark.parametrize(
    "values, k, expected",
    [
        ([0b101, 0b001, 0b110], 3, [2, 1, 2]),
        ([0, 0], 2, [0, 0]),
        ([], 4, [0, 0, 0, 0]),
        ([0b111111111111], 12, [1] * 12),
    ],
)
def test_bit_counts_count_the_values_with_each_bit(values: list[int], k: int, expected: list[int]) -> None:
    assert _bit_counts(np.array(values, dtype=np.int32), k).tolist() == expected


def test_item_bits_or_each_items_passages_in_any_order(engine) -> None:
    """Per item, the OR of its passages' section and role bits, whether the passages come
    item by item (one run each) or interleaved (an item in several runs, merged)."""
    from indexer.search import _facet_arrays

    with engine._lease() as (live, lease):
        fa = _facet_arrays(live, lease.searcher.reader())
    ids = np.flatnonzero(live.arrays.alive)

    def ored(order: np.ndarray) -> dict[int, int]:
        out: dict[int, int] = {}
        for d in order.tolist():
            code = int(fa.item_code[d])
            out[code] = out.get(code, 0) | int(fa.value_bits[d])
        return out

    whole = ored(ids)
    assert len(whole) > 3 and len(set(whole.values())) > 2
    rng = np.random.default_rng(3)
    for order in (ids, ids[::-1], rng.permutation(ids), rng.permutation(ids)[: len(ids) // 3], ids[:1], ids[:0]):
        items, bits = _item_bits(fa, order)
        assert len(items) == len(set(items.tolist()))
        assert dict(zip(items.tolist(), bits.tolist())) == ored(order)
