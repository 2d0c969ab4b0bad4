"""The plain-Python ranking of a few matches gives exactly what the NumPy path gives."""

from __future__ import annotations

import random

import numpy as np
import pytest

from indexer import fewpage, ranking
from indexer.results import SearchRequest
from indexer.search import _rank


def _case(rng: random.Random) -> dict:
    n = rng.randint(0, fewpage.FEW_MATCHES)
    k = rng.randint(1, 4)
    items = rng.randint(1, 12)
    # few distinct values, so that ties in every key are common
    values = [0.0, 0.5, 1.25, 2.0, rng.random() * 10]
    body = [rng.choice(values) for _ in range(n)]
    return {
        "ids": sorted(rng.sample(range(10_000), n)),
        "codes": [rng.randrange(items) * 7 for _ in range(n)],  # global codes, not 0..k-1
        "bits": [rng.randint(1, (1 << k) - 1) for _ in range(n)],
        "body_bits": [rng.randint(0, (1 << k) - 1) for _ in range(n)],
        "scores": [b + rng.choice(values) for b in body],
        "body": body,
        "weights": [rng.choice([0.0, 0.3, 1.0, rng.random()]) for _ in range(k)],
        "rarity": [rng.choice([0.0, 2.5, rng.random() * 8]) for _ in range(k)],
        "proximity": None if rng.random() < 0.5 else [rng.choice([0.0, 0.25, 1.0]) for _ in range(n)],
    }


def _numpy_ranking(c: dict) -> ranking.Ranking:
    codes = np.array(c["codes"], dtype=np.int64)
    return ranking.rank(
        codes, 100, np.array(c["bits"], dtype=np.int64), np.array(c["body_bits"], dtype=np.int64),
        np.array(c["scores"], dtype=float), np.array(c["body"], dtype=float), np.array(c["weights"]),
        None if c["proximity"] is None else np.array(c["proximity"]), np.arange(len(codes)), np.array(c["rarity"]),
    )


def _few_ranking(c: dict) -> fewpage.FewRanking:
    return fewpage.rank(c["codes"], c["bits"], c["body_bits"], c["scores"], c["body"], c["weights"], c["proximity"],
                        c["rarity"])


@pytest.mark.parametrize("seed", range(300))
def test_rank_is_numpys_to_the_bit(seed):
    c = _case(random.Random(seed))
    want, got = _numpy_ranking(c), _few_ranking(c)
    for name in ("item_key", "passage_key", "alone_key", "near_bits", "near", "own"):
        assert getattr(got, name) == getattr(want, name).tolist(), name


@pytest.mark.parametrize("seed", range(300))
def test_page_is_numpys(seed):
    rng = random.Random(seed)
    c = _case(rng)
    per_page, per_item = rng.choice([1, 3, 10]), rng.choice([0, 1, 2, 5])
    page_no = rng.choice([1, 1, 2, 3])
    request = SearchRequest(q="x", per_page=per_page, per_item=per_item, page=page_no)
    ids, codes = np.array(c["ids"], dtype=np.int64), np.array(c["codes"], dtype=np.int64)
    ranks = _numpy_ranking(c)
    want = _rank(None, ids, ranks, request, "relevance", codes, 100)  # type: ignore[arg-type]
    got = fewpage.page(c["ids"], c["codes"], _few_ranking(c), page_no, per_page, per_item)
    for name in ("docnums", "positions", "scores", "more", "cards", "total", "pages", "has_next", "items"):
        assert getattr(got, name) == getattr(want, name), name
    assert got.matched == ranking.label_bits(ranks, codes, want.positions)


def test_an_empty_page():
    r = fewpage.rank([], [], [], [], [], [1.0])
    page = fewpage.page([], [], r, 1, 10, 2)
    assert (page.docnums, page.total, page.pages, page.items, page.has_next, page.matched) == ([], 0, 0, 0, False, [])
