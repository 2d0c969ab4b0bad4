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
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from math import log
from pathlib import Path
from typing import Any

import numpy as np
from whoosh import query as wq
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher
from whoosh.reading import IndexReader
from whoosh.util.numeric import _length_byte_cache

from .lru import Lru
from .postings import EMPTY_IDS, EMPTY_WEIGHTS, HotLists, segment_postings, unfiltered
from .query import DEFAULT_FIELD, Combined, Synonym

#: BM25 parameters of Whoosh's BM25F (its defaults), for queries on one field, which are
#: scored exactly as Whoosh scores them.
B, K1 = 0.75, 1.2
#: Length normalisation of the combined passage-and-title field (:class:`Combined`
#: queries). Passages are short (a median of about 15 words): Whoosh's 0.75, made for long
#: documents, punishes a passage for a few extra words; b ≈ 0.4 ranked judged minutes better.
COMBINED_B = 0.4
#: Weight of a title occurrence against one in the passage, in the combined field.
TITLE_WEIGHT = 2.0
#: Passages re-scored for the proximity bonus (words of the query standing together):
#: the best by the other scores, enough for the first pages of results.
PROXIMITY_WINDOW = 300
#: Posting lists kept decoded, per open index.
CACHE_TERMS = 2048
#: Scored matches of the words and phrases of queries (:meth:`Evaluator.combined`) kept
#: per open index, in bytes: a common word ("police") costs a few milliseconds to score
#: over passages and titles and recurs in many different queries.
CACHE_SCORED_BYTES = 96 << 20
#: Matches of at least this many passages are kept within CACHE_SCORED_BYTES; of fewer,
#: the CACHE_SCORED_FEW most recent are kept (quick to score again, but a search that
#: finds a few passages takes a few tens of microseconds in all, and scoring is a fifth).
CACHE_SCORED_MIN = 1000
CACHE_SCORED_FEW = 4096
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
    #: the part of each score earned in the passage itself rather than in its item's
    #: title (see :class:`Combined`); None when that is the whole score
    body: np.ndarray | None = None

    @classmethod
    def empty(cls) -> Matches:
        return cls(EMPTY_IDS, EMPTY_WEIGHTS)

    def __len__(self) -> int:
        return len(self.ids)

    def body_scores(self) -> np.ndarray:
        return self.scores if self.body is None else self.body

    def take(self, keep: np.ndarray) -> Matches:
        """The matches selected by a boolean mask or index array."""
        return Matches(self.ids[keep], self.scores[keep], None if self.body is None else self.body[keep])


@dataclass(slots=True)
class Coverage:
    """Passages matching any concept of a query (see :meth:`Evaluator.coverage`)."""

    ids: np.ndarray
    #: bit k set: concept k matched in the passage or in its item's title
    bits: np.ndarray
    #: bit k set: concept k matched in the passage itself
    body_bits: np.ndarray
    #: BM25F summed over the concepts
    scores: np.ndarray
    #: the part of ``scores`` earned in the passage itself
    body: np.ndarray
    #: passages matching each concept (of those the filters allow)
    df: list[int]
    #: agenda items with a live passage matching each concept, whatever the filters (a
    #: statistic of the archive, as IDF is)
    item_df: list[int] = field(default_factory=list)

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
        self._group_items()
        self._lock = threading.Lock()
        self._postings: Lru[tuple[str, str], tuple[np.ndarray, np.ndarray]] = Lru(CACHE_TERMS)
        self._positions: Lru[tuple[str, str], tuple[np.ndarray, np.ndarray, np.ndarray]] = Lru(CACHE_TERMS // 8)
        self._scored: OrderedDict[wq.Query, Matches] = OrderedDict()  # kept within a byte budget
        self._scored_few: Lru[wq.Query, Matches] = Lru(CACHE_SCORED_FEW)
        self._scored_bytes = 0
        self._masks: dict[tuple[tuple[str, str], ...], np.ndarray] = {}
        self._derived: dict[Hashable, np.ndarray] = {}
        self._item_counts: Lru[wq.Query, int] = Lru(CACHE_TERMS)

    def _group_items(self) -> None:
        """Index the live passages by item, and the lengths of the combined passage-and-title
        field (see :class:`Combined`)."""
        live = np.flatnonzero(self.alive)
        codes = self.item_code[live]
        #: live passages, item by item; item k's are item_members[item_first[k]:][:item_size[k]]
        self.item_members = live[np.argsort(codes, kind="stable")]
        self.item_size = np.bincount(codes, minlength=self.item_count)
        #: items with a live passage
        self.live_items = int(np.count_nonzero(self.item_size))
        # Whether each item's live passages are consecutive in document order (a build and an
        # update write an item's passages together): then the items of sorted documents are
        # counted by their changes, without a pass over every item (see distinct_items).
        self.items_in_runs = 1 + int(np.count_nonzero(codes[1:] != codes[:-1])) == self.live_items if len(codes) else True
        self.item_first = np.cumsum(self.item_size) - self.item_size
        title = self.lengths.get("title")
        self.item_title_len = np.zeros(self.item_count)
        if title is not None and self.doc_count:
            np.maximum.at(self.item_title_len, self.item_code, title)  # indexed on one passage per item
        text = self.lengths.get(DEFAULT_FIELD, np.zeros(self.doc_count))
        self.combined_len = text + TITLE_WEIGHT * self.item_title_len[self.item_code]
        self.combined_avg = float(self.combined_len[live].mean()) if len(live) else 1.0
        self.combined_avg = self.combined_avg or 1.0

    def distinct_items(self, ids: np.ndarray) -> int:
        """The number of items with a live passage among the documents ``ids`` (sorted)."""
        if self.live_count < self.doc_count:
            ids = ids[self.alive[ids]]
        if not len(ids):
            return 0
        codes = self.item_code[ids]
        if self.items_in_runs:
            return 1 + int(np.count_nonzero(codes[1:] != codes[:-1]))
        return int(np.count_nonzero(np.bincount(codes, minlength=self.item_count)))

    def items_matching(self, q: wq.Query, ids: np.ndarray) -> int:
        """:meth:`distinct_items` of the documents ``ids`` that ``q`` matches, kept per query
        for long lists (common words recur across queries, as in the scored cache)."""
        if len(ids) < CACHE_SCORED_MIN:
            return self.distinct_items(ids)
        n = self._item_counts.get(q)
        if n is None:
            n = self.distinct_items(ids)
            self._item_counts.put(q, n)
        return n

    def passages_of(self, codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The live passages of the items ``codes`` (sorted), and for each, the index in
        ``codes`` of its item."""
        sizes = self.item_size[codes]
        total = int(sizes.sum())
        if not total:
            return EMPTY_IDS, EMPTY_IDS
        owner = np.repeat(np.arange(len(codes)), sizes)
        at = np.repeat(self.item_first[codes] - (np.cumsum(sizes) - sizes), sizes) + np.arange(total)
        docs = self.item_members[at]
        order = np.argsort(docs, kind="stable")
        return docs[order], owner[order]

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
        hit = self._postings.get(key)
        if hit is not None:
            return hit
        result = self._read_postings(reader.leaf_readers(), field, text)
        self._postings.put(key, result)
        return result

    def positions(self, reader: IndexReader, field: str, text: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Return a term's positions: (all positions, first index per posting, count per
        posting), postings in the order of :meth:`postings`."""
        key = (field, text)
        hit = self._positions.get(key)
        if hit is not None:
            return hit
        result = self._read_positions(reader.leaf_readers(), field, text)
        self._positions.put(key, result)
        return result

    def mask(self, reader: IndexReader, terms: tuple[tuple[str, str], ...]) -> np.ndarray:
        """Which documents match every one of ``terms`` ((field, text) pairs), as a boolean
        array over all documents: built once per open index, so that a per-query test of
        the matches costs what the matches cost, not what the index holds."""
        with self._lock:
            hit = self._masks.get(terms)
        if hit is not None:
            return hit
        out = np.ones(self.doc_count, dtype=bool)
        for field, text in terms:
            ids, _ = self._read_postings(reader.leaf_readers(), field, text)
            has = np.zeros(self.doc_count, dtype=bool)
            has[ids] = True
            out &= has
        out.flags.writeable = False
        with self._lock:
            self._masks[terms] = out
        return out

    def derived(self, key: Hashable, build: Callable[[], np.ndarray]) -> np.ndarray:
        """An array over all documents made from the index's columns by ``build``, made
        once per open index and per ``key`` (which names it and the settings it depends on)."""
        with self._lock:
            hit = self._derived.get(key)
        if hit is None:
            hit = build()
            hit.flags.writeable = False
            with self._lock:
                self._derived[key] = hit
        return hit

    def scored(self, q: wq.Query) -> Matches | None:
        """The cached :meth:`Evaluator.combined` matches of ``q``, if kept."""
        with self._lock:
            hit = self._scored.get(q)
            if hit is not None:
                self._scored.move_to_end(q)
                return hit
        return self._scored_few.get(q)

    def keep_scored(self, q: wq.Query, m: Matches) -> None:
        """Keep the scored matches of ``q`` (the least recently used go past the budget)."""
        for array in (m.ids, m.scores, m.body):
            if array is not None:
                array.flags.writeable = False  # shared by every later query
        if len(m) < CACHE_SCORED_MIN:
            self._scored_few.put(q, m)
            return
        size = m.ids.nbytes + m.scores.nbytes + (m.body.nbytes if m.body is not None else 0)
        with self._lock:
            if q in self._scored:
                return
            self._scored[q] = m
            self._scored_bytes += size
            while self._scored_bytes > CACHE_SCORED_BYTES and len(self._scored) > 1:
                _, old = self._scored.popitem(last=False)
                self._scored_bytes -= old.ids.nbytes + old.scores.nbytes + (old.body.nbytes if old.body is not None else 0)

    def scored_count(self) -> int:
        """How many scored matches are kept."""
        with self._lock:
            return len(self._scored)

    def rescore(self, old: IndexArrays, reader: IndexReader, seconds: float) -> int:
        """Score again for this generation the words and phrases ``old`` kept scored, the
        most recently used first, for at most ``seconds`` (called in the background once
        a new state is live, so the searches after an update soon find common words
        scored, as before it). Returns how many were scored."""
        with old._lock:
            wanted = list(reversed(old._scored))
        ev = Evaluator(self, reader)
        started = time.perf_counter()
        done = 0
        for q in wanted:
            if time.perf_counter() - started > seconds:
                break
            ev.cached_combined(q)
            done += 1
        return done

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
        # Per block, its postings' count and which of their passages are alive (None:
        # all are). Document numbers only serve to drop deleted passages, so a segment
        # without any skips turning each block's deltas into numbers: a common word has
        # a hundred blocks or more, and a first-asked query pays for each.
        alive: list[tuple[int, np.ndarray | None]] = []
        for leaf, base in leaves:
            if (field, text) not in leaf:
                continue
            m = unfiltered(leaf, field, text)
            deleted = not self.alive[base:base + leaf.doc_count_all()].all()
            if isinstance(m, W3LeafMatcher):
                while m.is_active():
                    m._read_data()
                    deltas, _, block_values = m._data
                    alive.append((len(block_values), self.alive[np.cumsum(np.array(deltas, dtype=np.int64)) + base]
                                  if deleted else None))
                    values.extend(block_values)
                    m._next_block()
            else:
                ids = []
                while m.is_active():
                    ids.append(m.id())
                    values.append(m.value())
                    m.next()
                alive.append((len(ids), self.alive[np.array(ids, dtype=np.int64) + base]))
        if any(mask is not None for _, mask in alive):
            keep = np.concatenate([np.ones(n, dtype=bool) if mask is None else mask for n, mask in alive])
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
        postings = old._postings.items()
        positions = old._positions.items()
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
            self._postings.put(key, _joined(id_parts, weight_parts))
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
            self._positions.put(key, (all_flat, np.cumsum(all_counts) - all_counts, all_counts))
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
            m = m.take(self.a.alive[m.ids])
        return m

    def eval(self, q: wq.Query) -> Matches:  # noqa: C901 - a dispatch table
        if isinstance(q, wq.Term):
            return self.term(q.fieldname, q.text, q.boost)
        if isinstance(q, Combined):
            return self.cached_combined(q.child)
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
        return Matches(ids, per_item[self.a.item_code[ids]], np.zeros(len(ids)))

    def _term(self, field: str, text: str, boost: float = 1.0) -> Matches:
        """A term scored as Whoosh's BM25F scores it: a field without lengths (a filter)
        scores its posting weight; the document frequency counts deleted documents, as
        Whoosh's does, until a merge drops them."""
        ids, weights = self.a.postings(self.reader, field, text)
        if field not in self.a.lengths or not len(ids):
            return Matches(ids, boost * weights.astype(np.float64))
        df = len(ids) if self.a.live_count == self.a.doc_count else self.reader.doc_frequency(field, text)
        idf = log(self.a.doc_count / (df + 1)) + 1
        dl = self.a.lengths[field][ids]
        norm = K1 * ((1 - B) + B * dl / self.a.avg_length[field])
        return Matches(ids, boost * idf * (weights * (K1 + 1)) / (weights + norm))

    def prefix(self, field: str, text: str, boost: float) -> Matches:
        return _union([self.term(field, w, boost) for w in self._expand(field, text)])

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
        return Matches(main.ids, scores, main.body)

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
        result, keys = self._phrase(field, words, boost, within, offsets)
        if not len(result):
            return result
        found = _distinct(keys // _POSITION_SPAN) if len(keys) else EMPTY_IDS
        result = result.take(_members(result.ids, found))
        return self.whole_items(result) if field in ITEM_FIELDS else result

    def _phrase(
        self,
        field: str,
        words: list[str],
        boost: float,
        within: np.ndarray | None = None,
        offsets: tuple[int, ...] | None = None,
    ) -> tuple[Matches, np.ndarray]:
        """The documents holding every word (scored as their sum), and the sorted
        ``document * _POSITION_SPAN + position`` of each place the phrase starts."""
        offsets = offsets if offsets is not None else tuple(range(len(words)))
        parts = [self._term(field, w, boost) for w in words]
        result = parts[0]
        if within is not None:
            result = _intersect(result, Matches(within, np.zeros(len(within))))
        for p in parts[1:]:
            result = _intersect(result, p)
        if not len(result):
            return result, EMPTY_IDS
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
        return result, keys if keys is not None else EMPTY_IDS

    # ---------------------------------------------------------------- passage and title

    def cached_combined(self, q: wq.Query) -> Matches:
        """:meth:`combined`, kept per open index for words and phrases of many passages
        (the arrays are shared: never modified in place)."""
        hit = self.a.scored(q)
        if hit is None:
            hit = self.combined(q)
            self.a.keep_scored(q, hit)
        return hit

    def combined(self, q: wq.Query) -> Matches:
        """Score a word, phrase, prefix or :class:`Synonym` over each passage and its item's
        title as one field (BM25F): term frequencies add up, a title occurrence weighing
        :data:`TITLE_WEIGHT` and counting for every passage of its item, then BM25
        saturates the sum (b = :data:`COMBINED_B`). The alternatives of a synonym count as
        one term (their frequencies add up too, and their document frequency is that of
        their union); an alternative's boost scales its frequency (a related term's
        occurrences count less than the typed word's, as Lucene's boosted ``SynonymQuery``
        terms do). ``Matches.body`` holds the score the passage earns on its own."""
        alts = list(q.subqueries) if isinstance(q, Synonym) else [q]
        body_parts = [self._tf(DEFAULT_FIELD, alt) for alt in alts]
        title_parts = [self._tf("title", alt) for alt in alts]
        body_ids, body_tf = _sum_tf(body_parts)
        title_ids, title_tf = _sum_tf(title_parts)
        codes = self.a.item_code[title_ids]
        if len(title_ids) and len(body_ids) + int(self.a.item_size[codes].sum()) > self.a.doc_count // 16:
            # Many passages: whole-index arrays are cheaper than merging sorted lists.
            dense_body = np.zeros(self.a.doc_count)
            dense_body[body_ids] = body_tf
            item_tf = np.zeros(self.a.item_count)
            np.add.at(item_tf, codes, title_tf)
            dense_title = item_tf[self.a.item_code]
            if self.a.live_count < self.a.doc_count:
                dense_title[~self.a.alive] = 0.0
            dense = dense_body + TITLE_WEIGHT * dense_title
            ids = np.flatnonzero(dense)
            tf_body, tf = dense_body[ids], dense[ids]
        elif len(title_ids):
            wide, owner = self.a.passages_of(codes)
            ids = _sorted_union(body_ids, wide)
            tf_body = np.zeros(len(ids))
            tf_body[np.searchsorted(ids, body_ids)] = body_tf
            tf_title = np.zeros(len(ids))
            np.add.at(tf_title, np.searchsorted(ids, wide), title_tf[owner])
            tf = tf_body + TITLE_WEIGHT * tf_title
        else:
            ids, tf_body, tf = body_ids, body_tf, body_tf
        if not len(ids):
            return Matches.empty()
        df = len(ids)
        if any(alt.boost != 1.0 for alt in alts):
            # Related terms (boosted below 1) add to the frequency, not to the document
            # frequency: the concept is as rare as its typed words.
            typed = [k for k, alt in enumerate(alts) if alt.boost == 1.0]
            typed_body, _ = _sum_tf([body_parts[k] for k in typed])
            typed_title, _ = _sum_tf([title_parts[k] for k in typed])
            wide = self.a.passages_of(self.a.item_code[typed_title])[0] if len(typed_title) else EMPTY_IDS
            df = len(_sorted_union(typed_body, wide))
        idf = log(self.a.doc_count / (df + 1)) + 1
        norm = K1 * ((1 - COMBINED_B) + COMBINED_B * self.a.combined_len[ids] / self.a.combined_avg)
        boost = q.boost * idf * (K1 + 1)
        return Matches(ids, boost * tf / (tf + norm), boost * tf_body / (tf_body + norm))

    def _tf(self, field: str, q: wq.Query) -> tuple[np.ndarray, np.ndarray]:
        """(documents, term frequency) of a word, phrase (occurrences) or prefix (all its
        words' occurrences) in one field."""
        if isinstance(q, wq.Term):
            ids, weights = self.a.postings(self.reader, field, q.text)
            return ids, weights.astype(np.float64) if q.boost == 1.0 else q.boost * weights
        if isinstance(q, wq.Phrase):
            _, keys = self._phrase(field, list(q.words), 1.0, offsets=_offsets(q))
            if not len(keys):
                return EMPTY_IDS, EMPTY_WEIGHTS
            docs = keys // _POSITION_SPAN
            starts = np.flatnonzero(np.r_[True, docs[1:] != docs[:-1]])
            return docs[starts], q.boost * np.diff(np.r_[starts, len(docs)]).astype(np.float64)
        if isinstance(q, wq.Prefix):
            return _sum_tf([self._tf(field, wq.Term(field, w)) for w in self._expand(field, q.text)])
        raise TypeError(f"cannot search {type(q).__name__} in passage and title")

    def _expand(self, field: str, prefix: str) -> list[str]:
        words = []
        for w in self.reader.expand_prefix(field, prefix):
            words.append(w.decode("utf-8") if isinstance(w, bytes) else w)
            if len(words) >= MAX_PREFIX_TERMS:
                break
        return words

    # ---------------------------------------------------------------- soft AND

    def coverage(
        self,
        concepts: list[wq.Query],
        required: int = 0,
        filters: list[wq.Query] = (),  # type: ignore[assignment]
        exclude: list[wq.Query] = (),  # type: ignore[assignment]
        marks: list[wq.Query] = (),  # type: ignore[assignment]
    ) -> Coverage:
        """Passages matching any of the concepts (at most 62), and which ones each matches.

        ``required`` is a bit mask of concepts every result must match; every result also
        matches all ``filters`` and none of ``exclude``. The concepts' posting lists are
        merged once (into dense arrays when they are long, by sorting otherwise). Each of
        ``marks`` (queries matching a subset of the concepts' passages: a concept's words
        as typed, without its related terms) sets a bit of its own after the concepts',
        and adds nothing to the scores.
        """
        extra = [self.eval(m) for m in marks]
        parts = [self.eval(c) for c in concepts]
        item_df = [self.a.items_matching(c, p.ids) for c, p in zip([*concepts, *marks], [*parts, *extra])]
        total = sum(len(p) for p in parts)
        if len(parts) == 1:
            p = parts[0]
            ids, scores, body = p.ids, p.scores, p.body_scores()
            bits = np.ones(len(ids), dtype=np.int64)
            body_bits = (body > 0).astype(np.int64)
        elif total > self.a.doc_count // 8:
            bits = np.zeros(self.a.doc_count, dtype=np.int64)
            body_bits = np.zeros(self.a.doc_count, dtype=np.int64)
            scores = np.zeros(self.a.doc_count)
            body = np.zeros(self.a.doc_count)
            for k, p in enumerate(parts):
                bits[p.ids] |= 1 << k
                b = p.body_scores()
                body_bits[p.ids[b > 0]] |= 1 << k
                scores[p.ids] += p.scores
                body[p.ids] += b
            ids = np.flatnonzero(bits)
            bits, body_bits, scores, body = bits[ids], body_bits[ids], scores[ids], body[ids]
        elif total:
            all_ids = np.concatenate([p.ids for p in parts])
            label = np.concatenate([np.full(len(p), 1 << k, dtype=np.int64) for k, p in enumerate(parts)])
            all_body = np.concatenate([p.body_scores() for p in parts])
            all_scores = np.concatenate([p.scores for p in parts])
            order = np.argsort(all_ids, kind="stable")
            all_ids = all_ids[order]
            starts = np.flatnonzero(np.r_[True, all_ids[1:] != all_ids[:-1]])
            ids = all_ids[starts]
            bits = np.bitwise_or.reduceat(label[order], starts)
            body_label = np.where(all_body[order] > 0, label[order], 0)
            body_bits = np.bitwise_or.reduceat(body_label, starts)
            scores = np.add.reduceat(all_scores[order], starts)
            body = np.add.reduceat(all_body[order], starts)
        else:
            return Coverage(EMPTY_IDS, EMPTY_IDS, EMPTY_IDS, EMPTY_WEIGHTS, EMPTY_WEIGHTS, [0] * len(item_df), item_df)
        for k, p in enumerate(extra, len(parts)):
            bits = bits | np.where(self._among(ids, p.ids), 1 << k, 0)
            body_bits = body_bits | np.where(self._among(ids, p.ids[p.body_scores() > 0]), 1 << k, 0)
        keep = np.ones(len(ids), dtype=bool)
        if required:
            keep &= (bits & required) == required
        if self.a.live_count < self.a.doc_count:
            keep &= self.a.alive[ids]
        return self.narrow(Coverage(ids, bits, body_bits, scores, body, [0] * len(item_df), item_df), filters,
                           exclude, keep)

    def _among(self, ids: np.ndarray, subset: np.ndarray) -> np.ndarray:
        """Which of sorted ``ids`` are in ``subset`` (sorted): by a whole-index mask when
        there are many, cheaper than a binary search each."""
        if len(subset) > self.a.doc_count // 16:
            hit = np.zeros(self.a.doc_count, dtype=bool)
            hit[subset] = True
            return hit[ids]
        return _members(ids, subset)

    def narrow(
        self,
        cov: Coverage,
        filters: list[wq.Query] = (),  # type: ignore[assignment]
        exclude: list[wq.Query] = (),  # type: ignore[assignment]
        keep: np.ndarray | None = None,
    ) -> Coverage:
        """The passages of ``cov`` (those ``keep`` selects) that match all ``filters`` and
        none of ``exclude``, with their concepts' document frequencies counted again.

        A results page narrows the coverage its facet counts are made from (every filter
        but the facets') by the facet filters, instead of evaluating the concepts twice.
        """
        ids = cov.ids
        keep = np.ones(len(ids), dtype=bool) if keep is None else keep
        for f in filters:
            keep &= _members(ids, self.eval(f).ids)
        for f in exclude:
            keep &= ~_members(ids, self.eval(f).ids)
        bits, body_bits, scores, body = cov.bits, cov.body_bits, cov.scores, cov.body
        if not keep.all():
            ids, bits, body_bits, scores, body = ids[keep], bits[keep], body_bits[keep], scores[keep], body[keep]
        df = [int(np.count_nonzero(bits & (1 << k))) for k in range(len(cov.df))]
        return Coverage(ids, bits, body_bits, scores, body, df, cov.item_df)

    def proximity(self, ids: np.ndarray, concept_terms: list[tuple[str, ...]], window: int) -> np.ndarray:
        """How closely the concepts' words stand together in each passage of ``ids``
        (sorted): for each occurrence next to an occurrence of another concept at most
        ``window`` positions away, 1 / distance², summed (as BM25TP's term-pair scores).
        Positions in the passage text only."""
        doc_parts, pos_parts, label_parts = [], [], []
        for k, terms in enumerate(concept_terms):
            for t in terms:
                p_ids, _ = self.a.postings(self.reader, DEFAULT_FIELD, t)
                if not len(p_ids):
                    continue
                at = np.minimum(np.searchsorted(p_ids, ids), len(p_ids) - 1)
                present = p_ids[at] == ids
                if not present.any():
                    continue
                flat, first, counts = self.a.positions(self.reader, DEFAULT_FIELD, t)
                at = at[present]
                n = counts[at]
                gather = np.repeat(first[at] - np.cumsum(n) + n, n) + np.arange(int(n.sum()))
                doc_parts.append(np.repeat(np.flatnonzero(present), n))
                pos_parts.append(flat[gather])
                label_parts.append(np.full(int(n.sum()), k))
        out = np.zeros(len(ids))
        if len(label_parts) < 2:
            return out
        doc = np.concatenate(doc_parts)
        pos = np.concatenate(pos_parts)
        label = np.concatenate(label_parts)
        order = np.lexsort((pos, doc))
        doc, pos, label = doc[order], pos[order], label[order]
        gap = np.diff(pos)
        pair = (doc[1:] == doc[:-1]) & (label[1:] != label[:-1]) & (gap > 0) & (gap <= window)
        if pair.any():
            out += np.bincount(doc[1:][pair], weights=1.0 / gap[pair] ** 2, minlength=len(ids))
        return out


def _offsets(q: wq.Phrase) -> tuple[int, ...]:
    """Each word's position relative to the first (a SpacedPhrase's gaps; else consecutive)."""
    return getattr(q, "offsets", None) or tuple(range(len(q.words)))


#: Positions in one passage stay below this (the text field is a passage and its labels).
_POSITION_SPAN = 1 << 24


#: Column value for passages whose meeting date is unknown.
UNKNOWN_DATE = 0


def _intersect(a: Matches, b: Matches) -> Matches:
    ids, i, j = np.intersect1d(a.ids, b.ids, assume_unique=True, return_indices=True)
    body = None if a.body is None and b.body is None else a.body_scores()[i] + b.body_scores()[j]
    return Matches(ids, a.scores[i] + b.scores[j], body)


def _sorted_union(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The distinct values of two sorted arrays (each may repeat none), sorted."""
    both = np.concatenate([a, b])
    both.sort(kind="stable")
    return _distinct(both) if len(both) else both


def _sum_tf(parts: list[tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
    """Merge (documents, frequency) lists, adding the frequencies of a document."""
    parts = [p for p in parts if len(p[0])]
    if not parts:
        return EMPTY_IDS, EMPTY_WEIGHTS
    if len(parts) == 1:
        return parts[0]
    ids = np.concatenate([p[0] for p in parts])
    tf = np.concatenate([p[1] for p in parts])
    order = np.argsort(ids, kind="stable")
    ids, tf = ids[order], tf[order]
    starts = np.flatnonzero(np.r_[True, ids[1:] != ids[:-1]])
    return ids[starts], np.add.reduceat(tf, starts)


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
    return a.take(~np.isin(a.ids, b.ids, assume_unique=True))


def _union(parts: list[Matches]) -> Matches:
    parts = [p for p in parts if len(p)]
    if not parts:
        return Matches.empty()
    if len(parts) == 1:
        return parts[0]
    ids = np.concatenate([p.ids for p in parts])
    scores = np.concatenate([p.scores for p in parts])
    unique, inverse = np.unique(ids, return_inverse=True)
    body = None
    if any(p.body is not None for p in parts):
        body = np.bincount(inverse, weights=np.concatenate([p.body_scores() for p in parts]), minlength=len(unique))
    return Matches(unique, np.bincount(inverse, weights=scores, minlength=len(unique)), body)
