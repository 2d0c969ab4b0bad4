"""Facet counts and timelines over a search's matches, with NumPy.

A researcher narrows a search by committee, year, section and speaker role, and wants to
know how many results each choice leaves. :class:`FacetArrays` holds, per passage of an
open index, a small code for each facet (read once from the filter fields' posting lists);
:func:`summarise` counts, for a set of matching passages, the *agenda items* each facet
value would leave, the way results are shown (one card per item). Each facet is counted
with every other selected filter applied but not its own, so that its other values say
what choosing them instead would give (as Datasette and shop filters do).

Everything is counted in agenda items; passages are counted once, in total.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from .executor import UNKNOWN_DATE, IndexArrays
from .vocab import ROLES, SECTIONS

#: The facets, in the order the UI shows them.
FACETS = ("committee", "year", "section", "speaker")
#: Timelines switch from years to months when the matching meetings span at most this
#: many months.
MONTHLY_SPAN = 24

_SECTION_KEYS = list(SECTIONS)
_ROLE_KEYS = list(ROLES)
_ROLE_SHIFT = len(_SECTION_KEYS)
assert _ROLE_SHIFT + len(_ROLE_KEYS) <= 31 and len(_ROLE_KEYS) <= 16  # one int32; a 64k-bin histogram at most


class FacetArrays:
    """Per-passage facet codes of one open index generation (built once, on first use).

    ``committee``, ``section`` and ``role`` hold an index into :attr:`committees`,
    :data:`~indexer.vocab.SECTIONS` and :data:`~indexer.vocab.ROLES` (-1: none);
    ``date`` is the meeting date as yyyymmdd (0: unknown). Items have one committee and
    date, kept per item too (``item_committee``, ``item_date``) for counting items.
    """

    def __init__(self, arrays: IndexArrays, reader: Any, committees: list[str]) -> None:
        n = arrays.doc_count
        self.committees = committees
        self.item_code = arrays.item_code
        self.item_count = arrays.item_count
        self.committee = self._codes(arrays, reader, n, "committee_key", committees)
        self.section = self._codes(arrays, reader, n, "section", _SECTION_KEYS)
        self.role = self._codes(arrays, reader, n, "speaker", _ROLE_KEYS)
        self.date = arrays.date
        self.item_committee = np.full(self.item_count, -1, dtype=np.int32)
        self.item_committee[self.item_code] = self.committee
        self.item_date = np.zeros(self.item_count, dtype=np.int64)
        self.item_date[self.item_code] = self.date
        #: per passage: its section and role as one bit each (section s: bit s; role r:
        #: bit ``_ROLE_SHIFT`` + r), so an item's values among matching passages are the
        #: OR of theirs (see :func:`_item_bits`)
        self.value_bits = (np.where(self.section >= 0, 1 << np.maximum(self.section, 0), 0)
                           | np.where(self.role >= 0, 1 << (_ROLE_SHIFT + np.maximum(self.role, 0)), 0)).astype(np.int32)

    @staticmethod
    def _codes(arrays: IndexArrays, reader: Any, n: int, field: str, values: list[str]) -> np.ndarray:
        codes = np.full(n, -1, dtype=np.int32)
        for code, value in enumerate(values):
            ids, _ = arrays.postings(reader, field, value)
            codes[ids] = code
        return codes


class LazyFacets:
    """Builds a generation's :class:`FacetArrays` once, when a search first asks for them."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._built: FacetArrays | None = None

    def get(self, arrays: IndexArrays, reader: Any, committees: list[str]) -> FacetArrays:
        if self._built is None:
            with self._lock:
                if self._built is None:
                    self._built = FacetArrays(arrays, reader, committees)
        return self._built


@dataclass(frozen=True, slots=True)
class Selection:
    """The facet filters of a request, as codes (None: not filtered)."""

    committee: int | None = None  # -2: a committee the index does not hold
    section: int | None = None
    role: int | None = None
    date_from: int | None = None  # yyyymmdd, inclusive
    date_to: int | None = None

    @classmethod
    def of(
        cls,
        fa: FacetArrays,
        committee: str | None,
        section: str | None,
        role: str | None,
        date_from: dt.date | None,
        date_to: dt.date | None,
    ) -> Selection:
        """Translate canonical filter values (already validated) into codes."""
        return cls(
            committee=(fa.committees.index(committee) if committee in fa.committees else -2) if committee else None,
            section=_SECTION_KEYS.index(section) if section else None,
            role=_ROLE_KEYS.index(role) if role else None,
            date_from=_key(date_from) if date_from else None,
            date_to=_key(date_to) if date_to else None,
        )

    def masks(self, fa: FacetArrays, ids: np.ndarray) -> dict[str, np.ndarray]:
        """Per facet that filters: which of ``ids`` it keeps."""
        out: dict[str, np.ndarray] = {}
        if self.committee is not None:
            out["committee"] = fa.committee[ids] == self.committee
        if self.section is not None:
            out["section"] = fa.section[ids] == self.section
        if self.role is not None:
            out["speaker"] = fa.role[ids] == self.role
        if self.date_from is not None or self.date_to is not None:
            dates = fa.date[ids]
            keep = dates != UNKNOWN_DATE
            if self.date_from is not None:
                keep &= dates >= self.date_from
            if self.date_to is not None:
                keep &= dates <= self.date_to
            out["year"] = keep
        return out


def keep(masks: dict[str, np.ndarray], n: int, leave_out: str | None = None) -> np.ndarray:
    """The conjunction of ``masks`` (all of ``n`` if none), without ``leave_out``'s."""
    out = np.ones(n, dtype=bool)
    for name, m in masks.items():
        if name != leave_out:
            out &= m
    return out


@dataclass(frozen=True, slots=True)
class Counts:
    """What :func:`summarise` found: item counts per facet value and per period."""

    items: int
    passages: int
    #: facet → (value, matching items) for every value with at least one, by value
    facets: dict[str, list[tuple[str, int]]]
    #: (first day, last day, matching items) per period, oldest first, gaps included
    timeline: list[tuple[dt.date, dt.date, int]]
    timeline_unit: str  # "year" or "month"
    undated: int


def summarise(fa: FacetArrays, ids: np.ndarray, selection: Selection) -> Counts:
    """Count the agenda items of matching passages ``ids``: in all, per facet value, per period."""
    masks = selection.masks(fa, ids)
    n = len(ids)
    selected = ids[keep(masks, n)] if masks else ids
    items, bits = _item_bits(fa, selected)
    facets: dict[str, list[tuple[str, int]]] = {}
    for name in FACETS:
        # A facet without a filter of its own counts what every filter selected.
        chosen_items, chosen_bits = _item_bits(fa, ids[keep(masks, n, leave_out=name)]) if name in masks else (items, bits)
        if name == "committee":
            counts = np.bincount(fa.item_committee[chosen_items] + 1, minlength=len(fa.committees) + 1)[1:]
            facets[name] = [(fa.committees[c], int(counts[c])) for c in np.flatnonzero(counts)]
        elif name == "year":
            years = fa.item_date[chosen_items] // 10000
            years = years[years > 0]
            if len(years):
                first = int(years.min())
                counts = np.bincount(years - first)
                facets[name] = [(str(first + y), int(counts[y])) for y in np.flatnonzero(counts)[::-1]]
            else:
                facets[name] = []
        else:
            keys = _SECTION_KEYS if name == "section" else _ROLE_KEYS
            shift = 0 if name == "section" else _ROLE_SHIFT
            counts = _bit_counts((chosen_bits >> shift) & ((1 << len(keys)) - 1), len(keys))
            facets[name] = [(keys[c], int(counts[c])) for c in np.flatnonzero(counts)]
    dates = fa.item_date[items]
    timeline, unit = _timeline(dates[dates != UNKNOWN_DATE])
    return Counts(
        items=len(items),
        passages=len(selected),
        facets=facets,
        timeline=timeline,
        timeline_unit=unit,
        undated=int((dates == UNKNOWN_DATE).sum()),
    )


def _item_bits(fa: FacetArrays, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The items of passages ``ids``, each once (in no particular order), and per item
    the OR of its matching passages' :attr:`FacetArrays.value_bits`.

    An item's passages are neighbours among the matches (document numbers follow the
    items they were added with), so the work is one pass over runs of one item: OR-ed
    with ``reduceat``, then the few items met in more than one run merged."""
    if not len(ids):
        return ids[:0], np.zeros(0, dtype=np.int32)
    codes = fa.item_code[ids]
    starts = np.flatnonzero(np.concatenate(([True], codes[1:] != codes[:-1])))
    runs, run_bits = codes[starts], np.bitwise_or.reduceat(fa.value_bits[ids], starts)
    items = _distinct(runs, fa.item_count)
    if len(items) == len(runs):
        return runs, run_bits
    merged = np.zeros(fa.item_count, dtype=np.int32)
    np.bitwise_or.at(merged, runs, run_bits)
    return items, merged[items]


def _bit_counts(values: np.ndarray, k: int) -> np.ndarray:
    """Per bit 0..k-1: how many of ``values`` (each below 2**k) have it set, from one
    histogram of the values."""
    return np.bincount(values, minlength=1 << k) @ _bit_table(k)


@lru_cache(maxsize=None)
def _bit_table(k: int) -> np.ndarray:
    """Row v: the bits 0..k-1 of v."""
    return (np.arange(1 << k)[:, None] >> np.arange(k)) & 1


def _distinct(keys: np.ndarray, size: int) -> np.ndarray:
    """The distinct values of ``keys`` (each in ``0..size-1``), in no particular order,
    without sorting. Few keys against a large range: each value's slot records one of the
    positions that hold it (whichever write lands), and that position keeps it; the slots
    are never cleared, only read where written, so the work follows the number of keys,
    not the range."""
    n = len(keys)
    if 8 * n < size:
        slot = np.empty(size, dtype=np.int64)
        at = np.arange(n)
        slot[keys] = at
        return keys[slot[keys] == at]
    seen = np.zeros(size, dtype=bool)
    seen[keys] = True
    return np.flatnonzero(seen)


def _timeline(dates: np.ndarray) -> tuple[list[tuple[dt.date, dt.date, int]], str]:
    """Items per year (per month when the dates span at most :data:`MONTHLY_SPAN` months),
    from the first period with a match to the last, empty periods included."""
    if not len(dates):
        return [], "year"
    months = (dates // 10000) * 12 + (dates // 100 % 100) - 1  # months since year 0
    first, last = int(months.min()), int(months.max())
    if last - first < MONTHLY_SPAN:
        counts = np.bincount(months - first, minlength=last - first + 1)
        out = []
        for i, c in enumerate(counts):
            year, month = divmod(first + i, 12)
            start = dt.date(year, month + 1, 1)
            end = dt.date(year + (month == 11), (month + 1) % 12 + 1, 1) - dt.timedelta(days=1)
            out.append((start, end, int(c)))
        return out, "month"
    years = dates // 10000
    lo = int(years.min())
    counts = np.bincount(years - lo)
    return [(dt.date(lo + i, 1, 1), dt.date(lo + i, 12, 31), int(c)) for i, c in enumerate(counts)], "year"


def _key(d: dt.date) -> int:
    return d.year * 10000 + d.month * 100 + d.day
