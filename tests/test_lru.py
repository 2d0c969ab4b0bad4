"""indexer.lru: the least-recently-used map behind an open index's caches."""

from __future__ import annotations

from indexer.lru import Lru


def test_the_least_recently_used_go_past_the_limit() -> None:
    cache: Lru[str, int] = Lru(3)
    cache.put_many({"a": 1, "b": 2, "c": 3})
    assert cache.get("a") == 1  # a is now the most recently used
    cache.put("d", 4)
    assert [k for k, _ in cache.items()] == ["c", "a", "d"]
    assert cache.get("b") is None and len(cache) == 3


def test_get_many_keeps_order_and_refreshes_what_it_finds() -> None:
    cache: Lru[int, str] = Lru(2)
    cache.put_many({1: "one", 2: "two"})
    assert cache.get_many([2, 3, 1]) == ["two", None, "one"]
    cache.put(3, "three")  # 2 was used before 1, so it goes
    assert cache.items() == [(1, "one"), (3, "three")]


def test_a_weighed_map_bounds_the_total_weight() -> None:
    cache: Lru[str, str] = Lru(10, weigh=len)
    cache.put_many({"a": "xxxx", "b": "xxxx"})
    assert cache.weight == 8
    cache.put("c", "xxx")  # 11 > 10: the least recently used goes
    assert [k for k, _ in cache.items()] == ["b", "c"] and cache.weight == 7
    cache.put("b", "x")  # replacing an entry counts its new weight only
    assert [k for k, _ in cache.items()] == ["c", "b"] and cache.weight == 4
    cache.put("d", "x" * 11)  # heavier than the limit: not kept, and nothing pushed out
    assert cache.get("d") is None and [k for k, _ in cache.items()] == ["c", "b"] and cache.weight == 4
