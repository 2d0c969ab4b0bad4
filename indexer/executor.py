"""Evaluate Whoosh queries over a Whoosh index with NumPy arrays.

Whoosh's own matchers walk posting lists one document at a time in Python, about a
microsecond or more per posting per query node: a word in half of 100,000 passages
costs a quarter of a second. This module reads the same posting lists into arrays of
document numbers and weights (a block at a time, or from the segment's hot-list file for
common words: see :mod:`indexer.postings`), caches them, and does the boolean algebra,
BM25F scoring, counting, sorting and grouping with NumPy. Query semantics are those of
the Whoosh query objects built by :mod:`indexer.query`; the tests check both give the
same documents.

The index itself, its writer and its analyzer remain Whoosh's.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from math import log
from pathlib import Path
from typing import Any

import numpy as np
from whoosh import query as wq
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher
from whoosh.reading import IndexReader
from whoosh.util.numeric import _length_byte_cache

from .postings import EMPTY_IDS, EMPTY_WEIGHTS, HotLists, segment_postings, unfiltered
from .query import COORD_BONUS, CountedQuery

#: BM25 parameters (Whoosh's defaults).
B, K1 = 0.75, 1.2
#: Passages re-scored for the proximity bonus (words of the query standing together):
#: the best by the other scores, enough for the first pages of results.
PROXIMITY_WINDOW = 300
#: Posting lists kept decoded, per open index.
CACHE_TERMS = 2048
#: Fields indexed on an item's first passage only, whose matches stand for the whole item.
ITEM_FIELDS = frozenset({"title"})
#: The most terms a prefix (``polic*``) may expand to.
MAX_PREFIX_TERMS = 1000

_BYTE_TO_LENGTH = np.array(_length_byte_cache, dtype=np.float64)


@dataclass(slots=True)
class Matches:
    """Matching documents (sorted, unique global numbers) and their scores."""

    ids: np.ndarray
    scores: np.ndarray

    @classmethod
    def empty(cls) -> Matches:
        return cls(EMPTY_IDS, EMPTY_WEIGHTS)

    def __len__(self) -> int:
        return len(self.ids)


class IndexArrays:
    """Per-document columns of an open index, and a cache of decoded posting lists.

    Built once per opened generation and shared by every thread (the arrays are never
    modified); posting lists are decoded with whichever reader the caller holds.
    """

    def __init__(
        self,
        reader: IndexReader,
        scored_fields: tuple[str, ...],
        decode_many: Callable[[list[bytes]], tuple[np.ndarray, np.ndarray]],
        folder: Path | None = None,
    ) -> None:
        """``folder`` is where the segments' hot-list files are (see :mod:`indexer.postings`);
        without it, every posting list is decoded from Whoosh's blocks."""
        self.decode_many = decode_many
        self.doc_count = reader.doc_count_all()
        leaves = reader.leaf_readers()
        #: (segment id, first global document number, documents, live documents) per segment
        self.segments: list[tuple[str, int, int, int]] = [
            (_segment_id(r), base, r.doc_count_all(), r.doc_count()) for r, base in leaves
        ]
        self.hot: dict[str, HotLists] = {}
        if folder is not None:
            for segment_id, *_ in self.segments:
                if (hot := HotLists.open(folder, segment_id)) is not None:
                    self.hot[segment_id] = hot
        self.alive = np.ones(self.doc_count, dtype=bool)
        for r, base in leaves:
            if r.has_deletions():
                deleted = r.deleted_docs_set  # a cached property in whoosh-reloaded
                deleted = deleted() if callable(deleted) else deleted
                self.alive[[base + d for d in deleted]] = False
        self.live_count = int(self.alive.sum())
        self.date = self._numeric(leaves, "date")
        self.ordinal = self._numeric(leaves, "ordinal")
        # Items as dense codes 0..n-1, for grouping and counting passages per item.
        self.item_code = dense_codes(self._numeric(leaves, "item_no"))
        self.item_count = int(self.item_code.max()) + 1 if self.doc_count else 0
        self.lengths = {f: _BYTE_TO_LENGTH[self._numeric(leaves, f"_{f}_len", lengths=True)] for f in scored_fields}
        self.avg_length = {f: (reader.field_length(f) / self.doc_count) or 1.0 for f in scored_fields}
        self._lock = threading.Lock()
        self._postings: OrderedDict[tuple[str, str], tuple[np.ndarray, np.ndarray]] = OrderedDict()
        self._positions: OrderedDict[tuple[str, str], tuple[np.ndarray, np.ndarray, np.ndarray]] = OrderedDict()

    def _numeric(self, leaves: list[tuple[Any, int]], name: str, lengths: bool = False) -> np.ndarray:
        """Read a fixed-width numeric column of every segment into one array."""
        parts = []
        for r, _ in leaves:
            n = r.doc_count_all()
            col = r._perdoc._cached_reader(name, LENGTHS_COLUMN) if lengths else (
                r.column_reader(name, translate=False) if r.has_column(name) else None
            )
            if col is None:
                parts.append(np.zeros(n, dtype=np.int64))
                continue
            dtype = np.dtype(">" + col._typecode)
            raw = col._dbfile.get(col._basepos, col._count * dtype.itemsize)
            values = np.frombuffer(raw, dtype=dtype).astype(np.int64)
            if len(values) < n:  # trailing documents with the default were not written
                values = np.concatenate([values, np.full(n - len(values), col._default, dtype=np.int64)])
            parts.append(values)
        return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)

    # ---------------------------------------------------------------- posting lists

    def postings(self, reader: IndexReader, field: str, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Return (global document numbers, weights) of a term, decoding it if needed."""
        key = (field, text)
        with self._lock:
            hit = self._postings.get(key)
            if hit is not None:
                self._postings.move_to_end(key)
                return hit
        result = self._read_postings(reader.leaf_readers(), field, text)
        self._remember(self._postings, key, result, CACHE_TERMS)
        return result

    def positions(self, reader: IndexReader, field: str, text: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Return a term's positions: (all positions, first index per posting, count per
        posting), postings in the order of :meth:`postings`."""
        key = (field, text)
        with self._lock:
            hit = self._positions.get(key)
            if hit is not None:
                self._positions.move_to_end(key)
                return hit
        result = self._read_positions(reader.leaf_readers(), field, text)
        self._remember(self._positions, key, result, CACHE_TERMS // 8)
        return result

    def _remember(self, cache: OrderedDict[Any, Any], key: tuple[str, str], value: Any, limit: int) -> None:
        with self._lock:
            cache[key] = value
            cache.move_to_end(key)
            if len(cache) > limit:
                cache.popitem(last=False)

    def _read_postings(self, leaves: list[tuple[Any, int]], field: str, text: str) -> tuple[np.ndarray, np.ndarray]:
        ids_parts, weight_parts = [], []
        for leaf, base in leaves:
            found = segment_postings(leaf, field, text, self.hot.get(_segment_id(leaf)))
            if found is None:
                continue
            ids, weights = found
            ids = ids + base
            keep = self.alive[ids]
            if not keep.all():
                ids, weights = ids[keep], weights[keep]
            ids_parts.append(ids)
            weight_parts.append(weights)
        return _joined(ids_parts, weight_parts)

    def _read_positions(
        self, leaves: list[tuple[Any, int]], field: str, text: str
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        values: list[bytes] = []
        id_parts: list[np.ndarray] = []
        for leaf, base in leaves:
            if (field, text) not in leaf:
                continue
            m = unfiltered(leaf, field, text)
            if isinstance(m, W3LeafMatcher):
                while m.is_active():
                    m._read_data()
                    deltas, _, block_values = m._data
                    id_parts.append(np.cumsum(np.array(deltas, dtype=np.int64)) + base)
                    values.extend(block_values)
                    m._next_block()
            else:
                ids = []
                while m.is_active():
                    ids.append(m.id())
                    values.append(m.value())
                    m.next()
                id_parts.append(np.array(ids, dtype=np.int64) + base)
        if id_parts:
            keep = self.alive[np.concatenate(id_parts)]
            if not keep.all():
                values = [v for v, k in zip(values, keep.tolist()) if k]
        flat, counts = self.decode_many(values)
        return flat, np.cumsum(counts) - counts, counts

    # ---------------------------------------------------------------- refresh

    def carry_over(self, old: IndexArrays, reader: IndexReader) -> int:
        """Fill this generation's caches with the posting lists ``old`` has decoded.

        Called in the background before a newer commit or build goes live, so the first
        requests after the switch do not pay for decoding the common words again.
        Segments are immutable, so the part of a list in a segment both generations hold
        (an incremental commit adds segments and keeps most of the others) is taken from
        ``old``, renumbered; only the other segments are read. Returns the number of
        posting lists carried over.
        """
        leaves = reader.leaf_readers()
        was = {(sid, n, live): base for sid, base, n, live in old.segments}
        plan = [(leaf, base, n, was.get((sid, n, live)))
                for (leaf, _), (sid, base, n, live) in zip(leaves, self.segments)]
        with old._lock:
            postings = list(old._postings.items())
            positions = list(old._positions.items())
        decoded = dict(postings)
        for key, (ids, weights) in postings:
            id_parts, weight_parts = [], []
            for leaf, base, n, old_base in plan:
                if old_base is None:
                    new_ids, new_weights = self._read_postings([(leaf, base)], *key)
                    id_parts.append(new_ids)
                    weight_parts.append(new_weights)
                else:
                    lo, hi = np.searchsorted(ids, (old_base, old_base + n))
                    id_parts.append(ids[lo:hi] - old_base + base)
                    weight_parts.append(weights[lo:hi])
            self._remember(self._postings, key, _joined(id_parts, weight_parts), CACHE_TERMS)
        for key, (flat, starts, counts) in positions:
            if key not in decoded:
                continue  # no longer in the postings cache, which says where each segment's part is
            ids = decoded[key][0]
            flat_parts, count_parts = [], []
            for leaf, base, n, old_base in plan:
                if old_base is None:
                    new_flat, _, new_counts = self._read_positions([(leaf, base)], *key)
                    flat_parts.append(new_flat)
                    count_parts.append(new_counts)
                else:
                    lo, hi = np.searchsorted(ids, (old_base, old_base + n))
                    if hi > lo:
                        flat_parts.append(flat[starts[lo]:starts[hi - 1] + counts[hi - 1]])
                        count_parts.append(counts[lo:hi])
            all_flat, all_counts = _joined(flat_parts, count_parts) if flat_parts else (EMPTY_IDS, EMPTY_IDS)
            self._remember(self._positions, key, (all_flat, np.cumsum(all_counts) - all_counts, all_counts),
                           CACHE_TERMS // 8)
        return len(postings)


def dense_codes(values: np.ndarray) -> np.ndarray:
    """Number the distinct values 0..n-1 in sorted order and return each value's number
    (``np.unique(values, return_inverse=True)[1]``), sorting only one value per run of
    equal neighbours: an item's passages stand together, so that is a few per item."""
    if not len(values):
        return np.zeros(0, dtype=np.intp)
    starts = np.flatnonzero(np.concatenate(([True], values[1:] != values[:-1])))
    _, run_codes = np.unique(values[starts], return_inverse=True)
    return np.repeat(run_codes, np.diff(np.append(starts, len(values))))


def _joined(a: list[np.ndarray], b: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    if not a:
        return EMPTY_IDS, EMPTY_WEIGHTS
    return np.concatenate(a), np.concatenate(b)


def _segment_id(reader: IndexReader) -> str:
    segment = reader.segment()
    return segment.segment_id() if segment is not None else ""


class Evaluator:
    """Evaluates one query against an index's arrays with the caller's reader."""

    def __init__(self, arrays: IndexArrays, reader: IndexReader) -> None:
        self.a = arrays
        self.reader = reader

    def run(self, q: wq.Query) -> Matches:
        m = self.eval(q)
        if self.a.live_count < self.a.doc_count and len(m):
            keep = self.a.alive[m.ids]
            m = Matches(m.ids[keep], m.scores[keep])
        return m

    def eval(self, q: wq.Query) -> Matches:  # noqa: C901 - a dispatch table
        if isinstance(q, wq.Term):
            return self.term(q.fieldname, q.text, q.boost)
        if isinstance(q, CountedQuery):
            m = self.eval(q.child)
            return Matches(m.ids, m.scores + COORD_BONUS)
        if isinstance(q, wq.And):
            return self.conjunction(q.subqueries)
        if isinstance(q, wq.Or):
            return _union([self.eval(s) for s in q.subqueries])
        if isinstance(q, wq.AndMaybe):
            return self.and_maybe(q.a, q.b)
        if isinstance(q, wq.AndNot):
            return self.conjunction([q.a, wq.Not(q.b)])
        if isinstance(q, wq.Not):
            return _minus(self.every(), self.eval(q.query))
        if isinstance(q, wq.Phrase):
            return self.phrase(q.fieldname, list(q.words), q.boost, offsets=_offsets(q))
        if isinstance(q, wq.Prefix):
            return self.prefix(q.fieldname, q.text, q.boost)
        if isinstance(q, wq.NumericRange):
            return self.numeric_range(q)
        if isinstance(q, wq.Every):
            return self.every()
        if q is wq.NullQuery or isinstance(q, type(wq.NullQuery)):
            return Matches.empty()
        raise TypeError(f"cannot evaluate {type(q).__name__} queries")

    # ---------------------------------------------------------------- leaves

    def term(self, field: str, text: str, boost: float = 1.0) -> Matches:
        if field in ITEM_FIELDS:
            return self.whole_items(self._term(field, text, boost))
        return self._term(field, text, boost)

    def whole_items(self, m: Matches) -> Matches:
        """Widen matches on items' first passages to every passage of those items."""
        if not len(m):
            return m
        per_item = np.zeros(self.a.item_count)
        hit = np.zeros(self.a.item_count, dtype=bool)
        codes = self.a.item_code[m.ids]
        hit[codes] = True
        per_item[codes] = m.scores
        ids = np.flatnonzero(hit[self.a.item_code]).astype(np.int64)
        return Matches(ids, per_item[self.a.item_code[ids]])

    def _term(self, field: str, text: str, boost: float = 1.0) -> Matches:
        ids, weights = self.a.postings(self.reader, field, text)
        if field not in self.a.lengths or not len(ids):
            return Matches(ids, np.zeros(len(ids)))
        df = len(ids)
        idf = log(self.a.doc_count / (df + 1)) + 1
        dl = self.a.lengths[field][ids]
        norm = K1 * ((1 - B) + B * dl / self.a.avg_length[field])
        return Matches(ids, boost * idf * (weights * (K1 + 1)) / (weights + norm))

    def prefix(self, field: str, text: str, boost: float) -> Matches:
        words = []
        for w in self.reader.expand_prefix(field, text):
            words.append(w.decode("utf-8") if isinstance(w, bytes) else w)
            if len(words) >= MAX_PREFIX_TERMS:
                break
        return _union([self.term(field, w, boost) for w in words])

    def every(self) -> Matches:
        ids = np.flatnonzero(self.a.alive).astype(np.int64)
        return Matches(ids, np.zeros(len(ids)))

    def numeric_range(self, q: wq.NumericRange) -> Matches:
        values = {"date": self.a.date}.get(q.fieldname)
        if values is None:
            raise TypeError(f"no range filter on {q.fieldname!r}")
        mask = self.a.alive & (values != UNKNOWN_DATE)
        if q.start is not None:
            mask &= values > q.start if q.startexcl else values >= q.start
        if q.end is not None:
            mask &= values < q.end if q.endexcl else values <= q.end
        ids = np.flatnonzero(mask).astype(np.int64)
        return Matches(ids, np.zeros(len(ids)))

    # ---------------------------------------------------------------- combinations

    def conjunction(self, subqueries: list[wq.Query]) -> Matches:
        positive = [s for s in subqueries if not isinstance(s, wq.Not)]
        negative = [s.query for s in subqueries if isinstance(s, wq.Not)]
        if not positive:
            result = self.every()
        else:
            # Evaluate the rarest-looking parts first: cheap intersections.
            parts = [self.eval(s) for s in positive]
            parts.sort(key=len)
            result = parts[0]
            for p in parts[1:]:
                if not len(result):
                    break
                result = _intersect(result, p)
        for s in negative:
            if not len(result):
                break
            result = _minus(result, self.eval(s))
        return result

    def and_maybe(self, required: wq.Query, optional: wq.Query) -> Matches:
        main = self.eval(required)
        if not len(main):
            return main
        if isinstance(optional, wq.Phrase) and len(main) > PROXIMITY_WINDOW:
            # A proximity bonus only reorders the top: score it for those alone.
            top = np.argpartition(-main.scores, PROXIMITY_WINDOW)[:PROXIMITY_WINDOW]
            window = np.sort(main.ids[top])
            bonus = self.phrase(optional.fieldname, list(optional.words), optional.boost, within=window,
                                offsets=_offsets(optional))
        else:
            bonus = self.eval(optional) if not isinstance(optional, wq.Phrase) else self.phrase(
                optional.fieldname, list(optional.words), optional.boost, within=main.ids, offsets=_offsets(optional)
            )
        common, i, j = np.intersect1d(main.ids, bonus.ids, assume_unique=True, return_indices=True)
        scores = main.scores.copy()
        scores[i] += bonus.scores[j]
        return Matches(main.ids, scores)

    def phrase(
        self,
        field: str,
        words: list[str],
        boost: float,
        within: np.ndarray | None = None,
        offsets: tuple[int, ...] | None = None,
    ) -> Matches:
        """Documents where ``words`` occur in order, word k at ``offsets[k]`` positions
        after the first (consecutively if not given; positions as indexed)."""
        offsets = offsets if offsets is not None else tuple(range(len(words)))
        parts = [self.term(field, w, boost) for w in words]
        result = parts[0]
        if within is not None:
            result = _intersect(result, Matches(within, np.zeros(len(within))))
        for p in parts[1:]:
            result = _intersect(result, p)
        if not len(result):
            return result
        # Vectorised: (document, position) pairs of the first word, kept where word k
        # stands at position + offsets[k] in the same document.
        keys = None
        for word, k in zip(words, offsets):
            ids, _ = self.a.postings(self.reader, field, word)
            flat, first, counts = self.a.positions(self.reader, field, word)
            at = np.searchsorted(ids, result.ids)
            n = counts[at]
            gather = np.repeat(first[at] - np.cumsum(n) + n, n) + np.arange(int(n.sum()))
            word_keys = np.repeat(result.ids, n) * _POSITION_SPAN + flat[gather] - k
            keys = word_keys if keys is None else keys[_members(keys, word_keys)]
            if not len(keys):
                break
        found = _distinct(keys // _POSITION_SPAN) if keys is not None and len(keys) else EMPTY_IDS
        keep = np.isin(result.ids, found, assume_unique=True)
        return Matches(result.ids[keep], result.scores[keep])


def _offsets(q: wq.Phrase) -> tuple[int, ...]:
    """Each word's position relative to the first (a SpacedPhrase's gaps; else consecutive)."""
    return getattr(q, "offsets", None) or tuple(range(len(q.words)))


#: Positions in one passage stay below this (the text field is a passage and its labels).
_POSITION_SPAN = 1 << 24


#: Column value for passages whose meeting date is unknown.
UNKNOWN_DATE = 0


def _intersect(a: Matches, b: Matches) -> Matches:
    ids, i, j = np.intersect1d(a.ids, b.ids, assume_unique=True, return_indices=True)
    return Matches(ids, a.scores[i] + b.scores[j])


def _members(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Which elements of sorted ``a`` occur in sorted ``b`` (both may repeat values).

    Used instead of ``np.isin``, which sorts both again and, through ``np.unique``,
    imports ``numpy.ma`` on first use (75 ms that a first search would pay).
    """
    if not len(b):
        return np.zeros(len(a), dtype=bool)
    at = np.minimum(np.searchsorted(b, a), len(b) - 1)
    return b[at] == a


def _distinct(a: np.ndarray) -> np.ndarray:
    """The distinct values of a sorted, non-empty array (``np.unique`` without its re-sort)."""
    keep = np.empty(len(a), dtype=bool)
    keep[0] = True
    np.not_equal(a[1:], a[:-1], out=keep[1:])
    return a[keep]


def _minus(a: Matches, b: Matches) -> Matches:
    keep = ~np.isin(a.ids, b.ids, assume_unique=True)
    return Matches(a.ids[keep], a.scores[keep])


def _union(parts: list[Matches]) -> Matches:
    parts = [p for p in parts if len(p)]
    if not parts:
        return Matches.empty()
    if len(parts) == 1:
        return parts[0]
    ids = np.concatenate([p.ids for p in parts])
    scores = np.concatenate([p.scores for p in parts])
    unique, inverse = np.unique(ids, return_inverse=True)
    return Matches(unique, np.bincount(inverse, weights=scores, minlength=len(unique)))
