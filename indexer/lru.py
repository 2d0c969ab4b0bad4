"""A least-recently-used map shared by the threads of a process: the caches an open index
keeps (parsed queries, items, stored passages, decoded posting lists, search results)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Lru(Generic[K, V]):
    """At most ``limit`` entries; looking one up or putting it makes it the most recently
    used, and the least recently used go past the limit.

    Given ``weigh`` (an entry's cost, e.g. its approximate size in bytes), ``limit``
    bounds the entries' total weight instead of their number; an entry heavier than the
    whole limit is not kept."""

    def __init__(self, limit: int, weigh: Callable[[V], int] | None = None) -> None:
        self.limit = limit
        self._weigh = weigh
        self._weights: dict[K, int] = {}
        self.weight = 0  # the entries' total weight (their number without ``weigh``)
        self._lock = threading.Lock()
        self._data: OrderedDict[K, V] = OrderedDict()

    def __len__(self) -> int:
        return len(self._data)

    def get(self, key: K) -> V | None:
        with self._lock:
            value = self._data.get(key)
            if value is not None:
                self._data.move_to_end(key)
            return value

    def get_many(self, keys: Sequence[K]) -> list[V | None]:
        """The values of ``keys`` in order, None where absent (one lock for all)."""
        with self._lock:
            found = [self._data.get(k) for k in keys]
            for k, v in zip(keys, found):
                if v is not None:
                    self._data.move_to_end(k)
            return found

    def put(self, key: K, value: V) -> None:
        self.put_many({key: value})

    def put_many(self, entries: Mapping[K, V]) -> None:
        weigh = self._weigh
        weights = {k: weigh(v) for k, v in entries.items()} if weigh is not None else {}
        with self._lock:
            for k, v in entries.items():
                w = weights.get(k, 1)
                if w > self.limit:
                    continue  # it would push out everything else, and then itself
                self.weight += w - self._weights.pop(k, 0 if k not in self._data else 1)
                self._data[k] = v
                self._data.move_to_end(k)
                if weigh is not None:
                    self._weights[k] = w
            while self.weight > self.limit:
                k, _ = self._data.popitem(last=False)
                self.weight -= self._weights.pop(k, 1)

    def items(self) -> list[tuple[K, V]]:
        """A copy of the entries, least recently used first."""
        with self._lock:
            return list(self._data.items())
