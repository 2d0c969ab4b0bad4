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
from array import array
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import numpy as np
from whoosh.system import pack_uint

from .analysis import KEPT, TERMS, WORDS, expand, raw_codes, trim_codes
from .schema import PART_GAP, POSITIONS, SINGLE_POSITIONS, UINTS

#: (term bytes, document numbers, weights, value bytes) of one term, in term order.
TermPostings = tuple[bytes, list[int], list[float], list[bytes]]


class PassagePostings:
    """The ``text`` and ``exact`` postings of the passages of one segment."""

    def __init__(self) -> None:
        trim_codes()  # no codes are held between segments
        self._codes = array("i")  # every part's raw token codes, one after another
        self._docs = array("i")  # per part: its document,
        self._lengths = array("i")  # its number of raw tokens,
        self._weights = array("d")  # its weight,
        self._fields = array("b")  # and the fields it is part of (_TEXT | _EXACT)
        self._tokens: tuple[Any, ...] | None = None
        #: postings (indexed tokens, an upper bound) held, for deciding when to close the segment
        self.size = 0

    def add(self, docnum: int, text: Sequence[tuple[str, float]], exact: Sequence[tuple[str, float]] | None = None,
            ) -> tuple[int, int]:
        """Add a passage's ``text`` parts (and its ``exact`` parts, if they differ); return
        the field lengths of the two fields in this passage (the tokens indexed)."""
        kept = KEPT.__getitem__
        text_length = exact_length = 0
        for parts, fields in ((text, _TEXT | _EXACT if exact is None else _TEXT), (exact or (), _EXACT)):
            for part, weight in parts:
                codes = raw_codes(part)
                self._codes.extend(codes)
                self._docs.append(docnum)
                self._lengths.append(len(codes))
                self._weights.append(weight)
                self._fields.append(fields)
                n = sum(map(kept, codes))
                if fields & _TEXT:
                    text_length += n
                if fields & _EXACT:
                    exact_length += n
        self.size += text_length + exact_length
        return text_length, exact_length

    def _analysed(self) -> tuple[Any, ...]:
        """Every indexed token of the segment: term number, word number, position (in
        its field, parts and gaps counted), document, weight, fields (see expand)."""
        if self._tokens is None:
            lengths = np.frombuffer(self._lengths, dtype=np.int32)
            terms, words, positions, part = expand(np.frombuffer(self._codes, dtype=np.int32), lengths)
            docs = np.frombuffer(self._docs, dtype=np.int32)
            fields = np.frombuffer(self._fields, dtype=np.int8)
            # A text part starts after the text parts before it in its document, with a
            # gap (WeightedText.index): its last position + 1 (0 if it has none) + PART_GAP.
            last = np.full(len(lengths), -1, dtype=np.int64)
            if len(part):
                ends = np.flatnonzero(np.r_[part[1:] != part[:-1], True])
                last[part[ends]] = positions[ends]
            step = np.where(fields & _TEXT, last + 1 + PART_GAP, 0)
            before = np.cumsum(step) - step
            new_doc = np.r_[True, docs[1:] != docs[:-1]]
            offsets = before - before[np.flatnonzero(new_doc)][np.cumsum(new_doc) - 1]
            # per token only what differs between tokens (the rest is looked up by part
            # when a field is written: a segment holds millions of tokens)
            positions += offsets[part]  # in place (32-bit): within a part's field
            self._tokens = (terms, words, positions, part)
        return self._tokens

    def _field_tokens(self, field: int) -> list[Any]:
        """The tokens of one field, as :func:`_grouped` takes them: term (or word)
        numbers, documents, weights and (``text`` only) positions."""
        terms, words, positions, part = self._analysed()
        mine = (np.frombuffer(self._fields, dtype=np.int8) & field)[part] != 0
        part = part[mine]
        docs = np.frombuffer(self._docs, dtype=np.int32)[part]
        weights = np.frombuffer(self._weights, dtype=np.float64)[part]
        if field == _EXACT:
            return [words[mine], docs, weights, None]
        return [terms[mine], docs, weights, positions[mine]]

    def text_terms(self) -> Iterator[TermPostings]:
        """The ``text`` field's postings, term by term in term order."""
        tokens = self._field_tokens(_TEXT)
        self._tokens = None  # written last (fields go in name order): free the segment's tokens
        if len(tokens[1]):
            yield from _grouped(TERMS, tokens)

    def exact_terms(self) -> Iterator[TermPostings]:
        """The ``exact`` field's postings, term by term in term order."""
        tokens = self._field_tokens(_EXACT)
        if len(tokens[1]):
            yield from _grouped(WORDS, tokens)


_TEXT, _EXACT = 1, 2


#: Postings turned into Python lists at a time (a segment holds millions: as lists at
#: once they would take several times the memory of the arrays).
CHUNK = 1 << 16


def _grouped(names: list[str], tokens: list[Any]) -> Iterator[TermPostings]:
    """Group tokens (term numbers, documents, weights, positions or None: ``tokens``, a list
    this empties so that each array is freed as soon as it is used) into postings, term by
    term in the order of the terms' bytes; documents, then positions, stay in the order added."""
    ids, docs, weights, positions = tokens
    tokens.clear()
    present = np.flatnonzero(np.bincount(ids))
    encoded = [names[i].encode("utf-8") for i in present.tolist()]
    order = sorted(range(len(encoded)), key=encoded.__getitem__)
    rank = np.zeros(int(present[-1]) + 1, dtype=np.int32)
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
        del by_term
        values_of = _count_values(counts)
    else:
        positions = positions[by_term]
        del by_term
        values_of = _position_values(positions, new, starts, counts)
        del positions
    del new
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
    offsets = starts * 2 + np.arange(len(starts))  # where each posting's bytes begin
    buf = np.zeros(len(starts) + 2 * n, dtype=np.uint8)
    buf[offsets] = ord("H")
    # where each position's two bytes go: after its posting's b"H" and the gaps before it
    # (worked out in place: these arrays have one entry per token of the segment)
    at = np.arange(n, dtype=np.int64)
    at *= 2
    at += np.cumsum(new)  # the posting's number + 1
    buf[at] = (gaps & 0xFF) if _LITTLE else ((gaps >> 8) & 0xFF)
    at += 1
    buf[at] = ((gaps >> 8) & 0xFF) if _LITTLE else (gaps & 0xFF)
    del at
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
