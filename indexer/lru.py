"""A least-recently-used map shared by the threads of a process: the caches an open index
keeps (parsed queries, items, stored passages, decoded posting lists)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable, Mapping, Sequence
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Lru(Generic[K, V]):
    """At most ``limit`` entries; looking one up or putting it makes it the most recently
    used, and the least recently used go past the limit."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
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
        with self._lock:
            for k, v in entries.items():
                self._data[k] = v
                self._data.move_to_end(k)
            while len(self._data) > self.limit:
                self._data.popitem(last=False)

    def items(self) -> list[tuple[K, V]]:
        """A copy of the entries, least recently used first."""
        with self._lock:
            return list(self._data.items())
