"""Read a segment's posting lists as arrays, and keep its common words' lists ready to use.

Whoosh stores a posting list in blocks of up to 128 postings, each block a zlib-compressed
pickle of document-number deltas, weights and positions. Unpickling is the cost of a
search's first look at a word: a word in half of 100,000 passages is about 400 blocks,
50 ms, paid by the first person to search for it after the server starts (the decoded
list is cached afterwards). Segments never change once written, so when a segment is
written its common words' lists (:data:`HOT_MIN_POSTINGS` postings or more) are also
written to a *hot-list file* beside it (``MAIN_<segment>.hot``), as plain arrays that
NumPy reads in place: a first search for a common word takes a fraction of a millisecond.

The file only repeats what Whoosh holds. A segment without one (written by an older
version, or merged by Whoosh in an update before its file was written) is read from
Whoosh's blocks as before, with the same result; Whoosh deletes the file with the
segment when it merges the segment away (it matches the segment's file pattern).

Hot-list file format (little-endian)::

    magic  b"MSHOT1\n"
    u32    length of the directory
    JSON   [[field, word, offset, postings, id dtype, weight values], ...]
    data   per list: document-number deltas (the first from 0), then the weights

Deltas are stored as ``u1``, ``u2`` or ``u4``, the smallest that holds every gap.
Weights take few distinct values (term counts, times a field's boost): with 256 or
fewer, those values are stored once as ``f4`` (Whoosh's own precision) and each
posting's weight as a ``u1`` number into them; otherwise (weight values 0) each weight
is an ``f4``. Reading gives back exactly what decoding Whoosh's blocks gives.
"""

from __future__ import annotations

import json
import logging
import mmap
import os
import struct
from pathlib import Path
from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching.wrappers import FilterMatcher
from whoosh.reading import IndexReader

log = logging.getLogger(__name__)

#: Posting lists this long or longer (in one segment) go into the segment's hot-list file:
#: eight or more of Whoosh's blocks, a millisecond or more to decode.
HOT_MIN_POSTINGS = 1024
HOT_EXT = ".hot"
MAGIC = b"MSHOT1\n"
_LENGTH = struct.Struct("<I")

EMPTY_IDS = np.zeros(0, dtype=np.int64)
EMPTY_WEIGHTS = np.zeros(0, dtype=np.float64)


def unfiltered(leaf: IndexReader, field: str, text: str) -> Any:
    """A segment's matcher for a term, without Whoosh's per-posting filter of deleted
    documents (which would force the slow path): callers drop those themselves."""
    m = leaf.postings(field, text)
    return m.child if isinstance(m, FilterMatcher) else m


def decode(m: Any) -> tuple[np.ndarray, np.ndarray]:
    """Read a posting list from Whoosh block by block (or posting by posting if it is
    inlined in the term table); return segment document numbers and weights."""
    if not isinstance(m, W3LeafMatcher):
        ids, weights = [], []
        while m.is_active():
            ids.append(m.id())
            weights.append(m.weight())
            m.next()
        return np.array(ids, dtype=np.int64), np.array(weights, dtype=np.float64)
    id_blocks, weight_blocks = [], []
    while m.is_active():
        m._read_data()
        deltas, weights, _ = m._data
        ids = np.cumsum(np.array(deltas, dtype=np.int64))
        id_blocks.append(ids)
        if weights is None:
            weight_blocks.append(np.ones(len(ids)))
        elif isinstance(weights, float):
            weight_blocks.append(np.full(len(ids), weights))
        else:
            weight_blocks.append(np.array(weights, dtype=np.float64))
        m._next_block()
    if not id_blocks:
        return EMPTY_IDS, EMPTY_WEIGHTS
    return np.concatenate(id_blocks), np.concatenate(weight_blocks)


def segment_postings(
    leaf: IndexReader, field: str, text: str, hot: HotLists | None = None
) -> tuple[np.ndarray, np.ndarray] | None:
    """Return a term's (segment document numbers, weights) in one segment, from its
    hot-list file if it is there, or None if the segment does not hold the term."""
    if hot is not None:
        found = hot.get(field, text)
        if found is not None:
            return found
    if (field, text) not in leaf:
        return None
    return decode(unfiltered(leaf, field, text))


# ---------------------------------------------------------------------- hot-list files


def hot_list_path(folder: Path, segment_id: str) -> Path:
    """Where a segment's hot-list file is: named like the segment's own files, so Whoosh
    deletes it with them."""
    return folder / (segment_id + HOT_EXT)


def _id_dtype(max_gap: int) -> str:
    """The narrowest unsigned type that holds every gap between document numbers."""
    return "<u1" if max_gap < 2**8 else "<u2" if max_gap < 2**16 else "<u4"


def _list_bytes(count: int, id_type: str, values: int) -> int:
    return count * np.dtype(id_type).itemsize + (values * 4 + count if values else count * 4)


class HotLists:
    """The hot-list file of one segment, mapped into memory (shared by forked workers)."""

    def __init__(self, path: Path) -> None:
        with open(path, "rb") as f:
            self._map = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        try:
            if self._map[: len(MAGIC)] != MAGIC:
                raise ValueError("not a hot-list file")
            (length,) = _LENGTH.unpack_from(self._map, len(MAGIC))
            start = len(MAGIC) + _LENGTH.size
            entries = json.loads(self._map[start : start + length])
            base = start + length
            self._lists: dict[tuple[str, str], tuple[int, int, str, int]] = {
                (f, t): (base + offset, count, id_type, values)
                for f, t, offset, count, id_type, values in entries
            }
            end = max((o + _list_bytes(n, i, v) for o, n, i, v in self._lists.values()), default=base)
            if end > len(self._map):
                raise ValueError("truncated")
        except Exception:
            self._map.close()
            raise

    @classmethod
    def open(cls, folder: Path, segment_id: str) -> HotLists | None:
        """Open a segment's hot-list file; None if it has none or it cannot be read (a
        damaged file is logged and ignored: Whoosh's blocks hold the same lists)."""
        path = hot_list_path(folder, segment_id)
        try:
            return cls(path)
        except FileNotFoundError:
            return None
        except (OSError, ValueError, TypeError, struct.error) as exc:
            log.warning("ignoring the hot-list file %s (%s); reading those words from the index instead", path, exc)
            return None

    def __len__(self) -> int:
        return len(self._lists)

    def get(self, field: str, text: str) -> tuple[np.ndarray, np.ndarray] | None:
        """Return (segment document numbers, weights) of a term, or None if not here."""
        entry = self._lists.get((field, text))
        if entry is None:
            return None
        offset, count, id_type, values = entry
        deltas = np.frombuffer(self._map, dtype=id_type, count=count, offset=offset)
        offset += deltas.nbytes
        if values:
            table = np.frombuffer(self._map, dtype="<f4", count=values, offset=offset).astype(np.float64)
            weights = table[np.frombuffer(self._map, dtype="<u1", count=count, offset=offset + table.size * 4)]
        else:
            weights = np.frombuffer(self._map, dtype="<f4", count=count, offset=offset).astype(np.float64)
        return np.cumsum(deltas, dtype=np.int64), weights


def write_hot_lists(folder: Path, leaf: IndexReader, min_postings: int = HOT_MIN_POSTINGS) -> int:
    """Write the hot-list file of the segment ``leaf`` reads (atomically); return the
    number of lists in it. Segments with no long lists get an empty file, so that it is
    plain the segment was looked at."""

    def lists() -> Iterator[tuple[str, str, Any, Any]]:
        for field, btext in leaf.all_terms():
            if leaf.doc_frequency(field, btext) < min_postings:
                continue
            text = leaf.schema[field].from_bytes(btext)
            if not isinstance(text, str):
                continue  # numeric and other non-text terms are never looked up by word
            ids, weights = decode(unfiltered(leaf, field, text))
            yield field, text, ids, weights

    return write_hot_list_file(folder, leaf.segment().segment_id(), lists())


def write_hot_list_file(folder: Path, segment_id: str, lists: Iterable[tuple[str, str, Any, Any]]) -> int:
    """Write a segment's hot-list file from its long posting lists, ``(field, word,
    document numbers, weights)`` in the segment's term order (a segment builder has
    them in memory as it writes the segment); return the number of lists."""
    entries: list[list[Any]] = []
    chunks: list[bytes] = []
    offset = 0
    for field, text, ids, weights in lists:
        ids = np.asarray(ids, dtype=np.int64)
        deltas = np.diff(ids, prepend=0)
        id_type = _id_dtype(int(deltas.max()))
        weights32 = np.asarray(weights, dtype=np.float64).astype("<f4")
        table, codes = np.unique(weights32, return_inverse=True)
        if len(table) <= 256:
            chunk = deltas.astype(id_type).tobytes() + table.tobytes() + codes.astype("<u1").tobytes()
            values = len(table)
        else:
            chunk = deltas.astype(id_type).tobytes() + weights32.tobytes()
            values = 0
        entries.append([field, text, offset, len(ids), id_type, values])
        chunks.append(chunk)
        offset += len(chunk)
    directory = json.dumps(entries, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    path = hot_list_path(folder, segment_id)
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as f:
        f.write(MAGIC + _LENGTH.pack(len(directory)) + directory)
        for chunk in chunks:
            f.write(chunk)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    return len(entries)


def write_missing_hot_lists(folder: Path, reader: IndexReader) -> int:
    """Write hot-list files for the segments of ``reader`` that have none; return how
    many files were written."""
    written = 0
    for leaf, _ in reader.leaf_readers():
        segment = leaf.segment()
        if segment is None or hot_list_path(folder, segment.segment_id()).exists():
            continue
        write_hot_lists(folder, leaf)
        written += 1
    return written
