"""A segment's ``text`` and ``exact`` postings, built in bulk with NumPy.

These two fields hold nearly all of an index's postings, one per distinct word of each
passage. Building their items one term at a time in Python (a dictionary of positions per
passage, then a list per term) was most of a build's time. Here each passage's parts are
analysed into arrays (:func:`indexer.analysis.index_arrays`), the arrays of all the
segment's passages are appended as they come, and when the segment is written they are
sorted by term once, grouped into postings, and each posting's weight and value bytes
worked out with array operations. What comes out is what :class:`indexer.schema.WeightedText`
and :class:`indexer.schema.ExactText` give document by document (term counts, weights,
:class:`~indexer.schema.CompactPositions` values), so the segment files are the same bytes
(``tests/test_whoosh_fixes.py`` checks it).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import numpy as np
from whoosh.system import pack_uint

from .analysis import TERMS, WORDS, index_arrays
from .schema import PART_GAP, POSITIONS, SINGLE_POSITIONS, UINTS

#: (term bytes, document numbers, weights, value bytes) of one term, in term order.
TermPostings = tuple[bytes, list[int], list[float], list[bytes]]


class PassagePostings:
    """The ``text`` and ``exact`` postings of the passages of one segment."""

    def __init__(self) -> None:
        self._text: list[tuple[int, Any, Any, float]] = []  # (doc, terms, positions, weight) per part
        self._exact: list[tuple[int, Any, float]] = []  # (doc, words, weight) per part
        #: postings (tokens, an upper bound) held, for deciding when to close the segment
        self.size = 0

    def add(self, docnum: int, text: Sequence[tuple[str, float]], exact: Sequence[tuple[str, float]] | None = None,
            ) -> tuple[int, int]:
        """Add a passage's ``text`` parts (and its ``exact`` parts, if they differ); return
        the field lengths of the two fields in this passage."""
        start = 0
        text_length = 0
        for part, weight in text:
            terms, positions, words = index_arrays(part)
            if len(terms):
                self._text.append((docnum, terms, positions + start if start else positions, weight))
                if exact is None:
                    self._exact.append((docnum, words, weight))
                text_length += len(terms)
                start += int(positions[-1]) + 1
            start += PART_GAP
        if exact is None:
            exact_length = text_length
        else:
            exact_length = 0
            for part, weight in exact:
                words = index_arrays(part)[2]
                if len(words):
                    self._exact.append((docnum, words, weight))
                    exact_length += len(words)
        self.size += text_length + exact_length
        return text_length, exact_length

    def text_terms(self) -> Iterator[TermPostings]:
        """The ``text`` field's postings, term by term in term order."""
        if not self._text:
            return
        docs, terms, weights = _columns([(d, t, w) for d, t, _, w in self._text])
        positions = np.concatenate([p for _, _, p, _ in self._text]).astype(np.int64)
        yield from _grouped(TERMS, terms, docs, weights, positions)

    def exact_terms(self) -> Iterator[TermPostings]:
        """The ``exact`` field's postings, term by term in term order."""
        if not self._exact:
            return
        docs, words, weights = _columns(self._exact)
        yield from _grouped(WORDS, words, docs, weights, None)


def _columns(parts: list[tuple[int, Any, float]]) -> tuple[Any, Any, Any]:
    counts = np.fromiter((len(t) for _, t, _ in parts), dtype=np.int64, count=len(parts))
    docs = np.repeat(np.fromiter((d for d, _, _ in parts), dtype=np.int64, count=len(parts)), counts)
    weights = np.repeat(np.fromiter((w for _, _, w in parts), dtype=np.float64, count=len(parts)), counts)
    terms = np.concatenate([t for _, t, _ in parts])
    return docs, terms, weights


#: Postings turned into Python lists at a time (a segment holds millions: as lists at
#: once they would take several times the memory of the arrays).
CHUNK = 1 << 16


def _grouped(names: list[str], ids: Any, docs: Any, weights: Any, positions: Any) -> Iterator[TermPostings]:
    """Group tokens (term number, document, weight, position) into postings, term by term
    in the order of the terms' bytes; documents, then positions, stay in the order added."""
    present = np.flatnonzero(np.bincount(ids))
    encoded = [names[i].encode("utf-8") for i in present.tolist()]
    order = sorted(range(len(encoded)), key=encoded.__getitem__)
    rank = np.zeros(int(present[-1]) + 1, dtype=np.int64)
    rank[present[order]] = np.arange(len(order))
    key = rank[ids]
    del ids
    by_term = np.argsort(key, kind="stable")
    key, docs, weights = key[by_term], docs[by_term], weights[by_term]
    n = len(key)
    new = np.empty(n, dtype=bool)
    new[0] = True
    np.not_equal(key[1:], key[:-1], out=new[1:])
    new[1:] |= docs[1:] != docs[:-1]
    starts = np.flatnonzero(new)
    counts = np.diff(starts, append=n)
    # a posting's weight: the sum of its occurrences' weights (whole numbers in practice,
    # so the order of the sum does not matter, as it does not for Whoosh's own sums)
    sums = np.add.reduceat(weights, starts)
    posting_docs = docs[starts]
    posting_terms = key[starts]
    del key, docs, weights
    if positions is None:
        values_of = _count_values(counts)
    else:
        values_of = _position_values(positions[by_term], new, starts, counts)
    del by_term, new
    term_starts = np.flatnonzero(np.r_[True, posting_terms[1:] != posting_terms[:-1]])
    term_ends = np.r_[term_starts[1:], len(starts)]
    k = 0
    while k < len(term_starts):
        # the terms whose postings start within the next CHUNK (at least one term)
        last = max(k + 1, int(np.searchsorted(term_starts, term_starts[k] + CHUNK, side="left")))
        a, b = int(term_starts[k]), int(term_ends[last - 1])
        doc_list, weight_list, values = posting_docs[a:b].tolist(), sums[a:b].tolist(), values_of(a, b)
        for t in range(k, last):
            i, j = int(term_starts[t]) - a, int(term_ends[t]) - a
            yield encoded[order[t]], doc_list[i:j], weight_list[i:j], values[i:j]
        k = last


def _count_values(counts: Any) -> Callable[[int, int], list[bytes]]:
    """ExactText's value of each posting: its term count (as ``pack_uint``)."""

    def values(a: int, b: int) -> list[bytes]:
        return [UINTS[c] if c < 256 else pack_uint(c) for c in counts[a:b].tolist()]

    return values


_LITTLE = sys.byteorder == "little"


def _position_values(positions: Any, new: Any, starts: Any, counts: Any) -> Callable[[int, int], list[bytes]]:
    """Each posting's CompactPositions bytes: b"H" and the gaps as 16-bit numbers (the
    shared one-position values where CompactPositions.encode uses them; "I" lists, for
    gaps of 65,536 or more, through encode itself)."""
    n = len(positions)
    gaps = positions.copy()
    gaps[1:] -= positions[:-1]
    gaps[starts] = positions[starts]
    posting = np.cumsum(new) - 1
    offsets = starts * 2 + np.arange(len(starts))  # where each posting's bytes begin
    buf = np.zeros(len(starts) + 2 * n, dtype=np.uint8)
    buf[offsets] = ord("H")
    at = posting + 1 + 2 * np.arange(n)
    del posting
    low, high = (gaps & 0xFF).astype(np.uint8), ((gaps >> 8) & 0xFF).astype(np.uint8)
    buf[at], buf[at + 1] = (low, high) if _LITTLE else (high, low)
    del at, low, high
    raw = buf.tobytes()
    del buf
    firsts = positions[starts]
    wide: set[int] = set()
    if n and int(gaps.max()) >= 65536:
        wide = set(np.flatnonzero(np.maximum.reduceat(gaps, starts) >= 65536).tolist())
    single = SINGLE_POSITIONS
    limit = len(single)

    def values(a: int, b: int) -> list[bytes]:
        out = [single[p] if c == 1 and p < limit else raw[o : o + 1 + 2 * c]
               for c, p, o in zip(counts[a:b].tolist(), firsts[a:b].tolist(), offsets[a:b].tolist())]
        for k in wide:
            if a <= k < b:
                out[k - a] = POSITIONS.encode(positions[starts[k] : starts[k] + counts[k]].tolist())
        return out

    return values
