"""Counting helpers of indexer.facets: exact distinct values on both of their paths."""

import numpy as np
import pytest

from indexer.facets import _distinct


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
