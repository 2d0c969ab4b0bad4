"""The retrieval model on hand-made arrays: coverage first, then evidence, then passages."""

from __future__ import annotations

import numpy as np
import pytest

from indexer import ranking


def _rank(codes, bits, body_bits, scores, body, weights=(1.0, 1.0, 1.0), proximity=None, ordinals=None,
          rarity=None):
    codes = np.array(codes)
    return ranking.rank(
        codes, int(codes.max()) + 1, np.array(bits), np.array(body_bits), np.array(scores, dtype=float),
        np.array(body, dtype=float), np.array(weights), None if proximity is None else np.array(proximity, dtype=float),
        np.arange(len(codes)) if ordinals is None else np.array(ordinals),
        None if rarity is None else np.array(rarity, dtype=float),
    )


def _items_in_order(r: ranking.Ranking, codes) -> list[int]:
    order = np.lexsort((np.array(codes), -r.item_key))
    return list(dict.fromkeys(np.array(codes)[order].tolist()))


def test_coverage_of_the_best_passage_ranks_before_any_score():
    # item 0: one passage with all three concepts, low score; item 1: a passage with two,
    # high score; item 2: three concepts, but scattered over two passages
    codes = [0, 1, 2, 2]
    r = _rank(codes, bits=[0b111, 0b011, 0b001, 0b110], body_bits=[0b111, 0b011, 0b001, 0b110],
              scores=[1.0, 50.0, 30.0, 30.0], body=[1.0, 50.0, 30.0, 30.0])
    # item 2 matches all three, but no passage of it has more than two: it ranks with item 1, by score
    assert _items_in_order(r, codes) == [0, 1, 2]
    # the best passage's concepts label the item
    assert ranking.label_bits(r, np.array(codes), [0, 1, 2, 3]) == [0b111, 0b011, 0b110, 0b110]
    assert ranking.item_bits(np.array(codes), np.array([0b111, 0b011, 0b001, 0b110]), [3, 0]) == [0b111, 0b111]


def test_weights_of_zero_do_not_count_toward_coverage():
    codes = [0, 1]
    r = _rank(codes, bits=[0b011, 0b001], body_bits=[0b011, 0b001], scores=[1.0, 5.0], body=[1.0, 5.0],
              weights=(1.0, 0.0))
    assert _items_in_order(r, codes) == [1, 0]  # the weak second concept does not lift item 0


def test_rarer_concepts_rank_first_among_items_matching_as_many():
    # item 0 matches a common concept with a high score, item 1 a rare one in a long
    # passage (a low score), item 2 two concepts
    codes = [0, 1, 2]
    kw = dict(bits=[0b001, 0b010, 0b011], body_bits=[0b001, 0b010, 0b011], scores=[6.0, 3.0, 1.0],
              body=[6.0, 3.0, 1.0], weights=(1.0, 1.0))
    assert _items_in_order(_rank(codes, **kw), codes) == [2, 0, 1]
    r = _rank(codes, **kw, rarity=(2.0, 7.5))
    assert _items_in_order(r, codes) == [2, 1, 0]  # coverage still first
    # the IDF of the best window's concepts, times RARITY, joins the evidence
    assert r.item_key.tolist() == pytest.approx([ranking.TIER + 6.0 + ranking.RARITY * 2.0,
                                                 ranking.TIER + 3.0 + ranking.RARITY * 7.5,
                                                 2 * ranking.TIER + 1.0 + ranking.RARITY * 9.5])


def test_concept_idf_and_coverage_weights():
    assert ranking.concept_idf([0, 9, 99], 1000).tolist() == pytest.approx([0.0, np.log(100) + 1, np.log(10) + 1])


def test_other_passages_add_a_damped_share():
    codes = [0, 1, 1, 1]
    r = _rank(codes, bits=[1, 1, 1, 1], body_bits=[1, 1, 1, 1], scores=[10.0, 9.0, 8.0, 8.0], body=[10.0, 9.0, 8.0, 8.0])
    assert _items_in_order(r, codes) == [1, 0]  # 9 + 0.1 * 16 beats 10
    assert r.item_key[1] == pytest.approx(ranking.TIER + 9.0 + ranking.OTHER_PASSAGES * 16.0)


def test_passages_with_the_words_come_before_title_only_ones():
    # one item: the lead passage matches only by the title; the third has the words itself
    codes = [0, 0, 0]
    r = _rank(codes, bits=[0b11, 0b11, 0b11], body_bits=[0b00, 0b01, 0b11],
              scores=[6.0, 7.0, 8.0], body=[0.0, 2.0, 4.0])
    assert np.argsort(-r.passage_key, kind="stable").tolist() == [2, 1, 0]
    assert len(set(r.item_key.tolist())) == 1  # one key for the whole item


def test_proximity_adds_to_the_passage_and_its_item():
    codes = [0, 1]
    plain = _rank(codes, bits=[0b11, 0b11], body_bits=[0b11, 0b11], scores=[5.0, 5.5], body=[5.0, 5.5])
    near = _rank(codes, bits=[0b11, 0b11], body_bits=[0b11, 0b11], scores=[5.0, 5.5], body=[5.0, 5.5],
                 proximity=[1.0, 0.0])
    assert (_items_in_order(plain, codes), _items_in_order(near, codes)) == ([1, 0], [0, 1])


def test_window_bits_join_neighbouring_passages_of_one_item():
    codes = np.array([0, 0, 0, 1])
    ordinals = np.array([0, 1, 3, 2])
    bits = np.array([0b001, 0b010, 0b100, 0b100])
    assert ranking.window_bits(codes, ordinals, bits, 1).tolist() == [0b011, 0b011, 0b100, 0b100]
    assert ranking.window_bits(codes, ordinals, bits, 2).tolist() == [0b011, 0b111, 0b110, 0b100]


def test_coverage_weights_follow_idf_up_to_one():
    w = ranking.coverage_weights([1, 500, 900, 0], doc_count=1000)
    assert w.tolist()[0] == 1.0 and w.tolist()[3] == 1.0
    assert 0.0 < w[2] < w[1] < 1.0


def test_no_passages():
    r = ranking.rank(np.zeros(0, dtype=np.int64), 0, *(np.zeros(0, dtype=np.int64),) * 2, *(np.zeros(0),) * 2,
                     np.ones(2))
    assert (len(r.item_key), len(r.near_bits)) == (0, 0)


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        (["council", "agreed", "budget"], True),
        (["Panel", "APPROVED", "plan"], True),
        (["application", "deferred"], True),
        (["planning", "application"], False),
        (["agreement"], False),  # a noun of its own, not the act of deciding
        ([], False),
    ],
)
def test_asks_decision_by_the_typed_words(labels, expected):
    assert ranking.asks_decision(labels) is expected


def test_resolution_prior_marks_the_passages_of_resolutions():
    prior = ranking.resolution_prior(np.array([3, 5, 8, 13]), np.array([1, 5, 13, 21]))
    assert prior.tolist() == [0.0, ranking.RESOLUTION_PRIOR, 0.0, ranking.RESOLUTION_PRIOR]


def test_boilerplate_prior_marks_procedural_business():
    prior = ranking.boilerplate_prior(np.array([False, True, False, True]))
    assert prior.tolist() == [0.0, ranking.BOILERPLATE_PRIOR, 0.0, ranking.BOILERPLATE_PRIOR]
    assert ranking.BOILERPLATE_PRIOR < 0


@pytest.mark.parametrize("text, question", [
    ("how much more will I pay for policing", True),
    ("What happens to money seized from criminals", True),
    ("can I speak at a planning committee meeting", True),
    ("are the police recruiting more women", True),
    ("committee:planning why was it refused", True),  # a filter before the first word
    ("precept rise?", True),
    ("flooding and drainage on new developments", False),
    ("funding for police school liaison officers", False),
    ("panel backed the precept rise", False),
    ("whose", True),
    ("howard league", False),  # a word that begins like one is not one
    ("", False),
])
def test_asks_question(text, question):
    assert ranking.asks_question(text) is question


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_proximity_added_to_a_ranking_gives_the_same_keys_as_ranking_with_it(seed):
    """with_proximity recomputes only the items of the passages proximity touches: every
    key must equal, to the last bit, rank's own with the proximity given."""
    rng = np.random.default_rng(seed)
    n, items = 5000, 900
    codes = np.sort(rng.integers(0, items, n))  # passages of an item together, as matches come
    codes[rng.integers(0, n, 40)] = rng.integers(0, items, 40)  # and a few items met twice
    bits = rng.integers(1, 8, n)
    body_bits = bits & rng.integers(0, 8, n)
    body = rng.random(n) * 10
    scores = body + rng.random(n) * (rng.random(n) < 0.3)
    weights = np.array([1.0, 0.6, 0.25])
    rarity = np.array([2.5, 1.2, 0.4])
    ordinals = rng.integers(0, 50, n)
    changed = np.sort(rng.choice(n, 150, replace=False))
    proximity = np.zeros(n)
    proximity[changed] = rng.random(150) * (rng.random(150) < 0.8)
    args = (codes, items, bits, body_bits, scores, body, weights)
    full = ranking.rank(*args, proximity, ordinals, rarity)
    again = ranking.with_proximity(ranking.rank(*args, None, ordinals, rarity), codes, items, scores, body,
                                   proximity, changed)
    for name in ("item_key", "passage_key", "alone_key", "near_bits", "near", "own"):
        assert np.array_equal(getattr(again, name), getattr(full, name)), name
    assert not np.array_equal(full.item_key, ranking.rank(*args, None, ordinals, rarity).item_key)
