"""The Whoosh schema: one document per passage.

Plain query words search two fields: ``text``, the passage (with its speaker's name), and
``title``, the item title, indexed once per item on its first passage. The search scores
them together as one field (BM25F: weighted term frequencies summed across fields before
BM25 saturates them, as Lucene's ``combined_fields``), the title counting for every
passage of its item: see :mod:`indexer.executor`. A match on the title alone is told
apart from a match in the passage, so the snippet shown is a passage that has the words.

Metadata stays structured in fields of its own (committee, date, section, speaker,
item), never baked into the searched text, so it can be filtered, faceted and sorted; a
committee's name is matched by the ``committee:`` filter, never by plain words.
What describes a whole agenda item (title, committee, date, link) is stored once per
item in the item store (:mod:`indexer.itemstore`), not once per passage.
"""

from __future__ import annotations

import datetime as dt
import struct
import sys
from array import array
from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple

import numpy as np
from whoosh.columns import NumericColumn, VarBytesColumn
from whoosh.fields import COLUMN, ID, TEXT, Schema
from whoosh.formats import Existence, Frequency, Positions
from whoosh.system import pack_uint

from . import whoosh_fixes  # noqa: F401  (applied on import)
from .analysis import ANALYZER, ANALYZER_VERSION, EXACT_ANALYZER, exact_index_terms, index_terms, index_terms_and_words
from .compress import ZDICT_ID, pack_text, unpack_text
from .vocab import ROLES, SECTIONS

#: Bump whenever fields change. Together with the analyzer version it must match the
#: index's recorded version, or the index is refused as stale.
SCHEMA_VERSION = 9

#: The version string recorded in (and checked against) every index.
INDEX_FORMAT = f"schema-{SCHEMA_VERSION}.analyzer-{ANALYZER_VERSION}.zdict-{ZDICT_ID}"

#: The parts of the ``text`` field and the weight of a term occurrence in each: a
#: speaker's name helps queries such as "warwick rural crime".
TEXT_PARTS: dict[str, float] = {
    "speaker_name": 1.0,
    "body": 1.0,
}

#: Weight of an item title's words in the ``exact`` field, on the item's first passage.
EXACT_TITLE_WEIGHT = 2.0

#: Positions left empty between parts so that a phrase never spans two of them.
PART_GAP = 8



#: CompactPositions values of one position, made once (most terms occur once in a passage).
SINGLE_POSITIONS = [b"H" + array("H", [p]).tobytes() for p in range(4096)]
_LITTLE = sys.byteorder == "little"  # array() writes in machine order


class CompactPositions(Positions):  # type: ignore[misc]
    """Term positions as a machine array ("H" for small gaps, "I" otherwise).

    Whoosh's own Positions format pickles a Python list per posting (13 bytes for
    one position); this takes 3, encodes and decodes at C speed, and compresses well.
    """

    def encode(self, poslist: Sequence[int]) -> bytes:
        if len(poslist) == 1 and poslist[0] < len(SINGLE_POSITIONS):
            return SINGLE_POSITIONS[poslist[0]]  # most terms occur once in a passage
        deltas = [b - a for a, b in zip((0, *poslist), poslist)]
        code = "H" if max(deltas, default=0) < 65536 else "I"
        return code.encode("ascii") + array(code, deltas).tobytes()

    def decode_positions(self, valuestring: bytes) -> list[int]:
        deltas = array(chr(valuestring[0]))
        deltas.frombytes(valuestring[1:])
        out, pos = [], 0
        for d in deltas:
            pos += d
            out.append(pos)
        return out

    @staticmethod
    def decode_many(values: Sequence[bytes]) -> tuple[np.ndarray, np.ndarray]:
        """Decode many postings' positions at once: (all positions in order, count per posting)."""
        lengths = np.fromiter(map(len, values), dtype=np.int64, count=len(values))
        joined = np.frombuffer(b"".join(values), dtype=np.uint8)
        starts = np.cumsum(lengths) - lengths
        if joined.size and not (joined[starts] == ord("H")).all():  # a rare wide ("I") posting
            counts = np.array([len(v) // 2 if v[:1] == b"H" else (len(v) - 1) // 4 for v in values])
            flat = [p for v in values for p in CompactPositions().decode_positions(v)]
            return np.array(flat, dtype=np.int64), counts.astype(np.int64)
        keep = np.ones(joined.size, dtype=bool)
        keep[starts] = False  # drop each posting's type byte
        deltas = joined[keep].view("<u2" if _LITTLE else ">u2").astype(np.int64)
        counts = (lengths - 1) // 2
        running = np.cumsum(deltas)
        first = np.cumsum(counts) - counts  # index of each posting's first position
        before = np.where(first > 0, running[np.maximum(first - 1, 0)], 0)
        return running - np.repeat(before, counts), counts

    def decode_frequency(self, valuestring: bytes) -> int:
        return (len(valuestring) - 1) // (2 if valuestring[:1] == b"H" else 4)

    def decode_weight(self, valuestring: bytes) -> float:
        return self.decode_frequency(valuestring) * self.field_boost

    def decode_position_boosts(self, valuestring: bytes) -> list[tuple[int, float]]:
        return [(pos, 1.0) for pos in self.decode_positions(valuestring)]


class WeightedText(TEXT):  # type: ignore[misc]
    """A text field indexed from weighted parts, ``[(text, weight), ...]``, or a string.

    Each term's stored weight (its BM25 term frequency) is the sum of the weights of its
    occurrences; positions run on across parts, with a gap between them, for phrases.
    Parts go through the project analyzer (:func:`minutes_analyzer`), the same one the
    field declares for queries; short parts (titles, names) are analysed once and cached.
    With ``positions=False`` only which passages hold a term is recorded (for filters).
    """

    def __init__(self, positions: bool = True) -> None:
        super().__init__(analyzer=ANALYZER, phrase=positions)
        self.format = CompactPositions(field_boost=1.0) if positions else Existence(field_boost=1.0)

    def index(self, value: Any, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        parts: Sequence[tuple[str, float]] = [(value, 1.0)] if isinstance(value, str) else value
        positions: dict[str, list[int]] = defaultdict(list)
        weights: dict[str, float] = defaultdict(float)
        start = 0
        for text, weight in parts:
            terms = index_terms(text)
            for term, pos in terms:
                positions[term].append(start + pos)
                weights[term] += weight
            start += (terms[-1][1] + 1 if terms else 0) + PART_GAP
        if not self.format.supports("positions"):
            for word in sorted(positions):
                yield word.encode("utf-8"), 1, 1.0, b""
            return
        encode = self.format.encode
        for word in sorted(positions):
            poslist = positions[word]
            yield word.encode("utf-8"), len(poslist), weights[word], encode(poslist)


class ExactText(TEXT):  # type: ignore[misc]
    """The ``text`` field's words unstemmed, for exact-word searches ("worthing" must not
    find "worth"). Indexed from the same weighted parts as ``text``, with term counts and
    weights (so BM25F scores it) but no positions: an exact phrase is matched as a
    phrase in ``text`` whose words also occur in this field, which costs far less index
    than a second set of positions."""

    def __init__(self) -> None:
        super().__init__(analyzer=EXACT_ANALYZER, phrase=False)
        self.format = Frequency(field_boost=1.0)

    def index(self, value: Any, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        parts: Sequence[tuple[str, float]] = [(value, 1.0)] if isinstance(value, str) else value
        counts: dict[str, int] = defaultdict(int)
        weights: dict[str, float] = defaultdict(float)
        for text, weight in parts:
            for word in exact_index_terms(text):
                counts[word] += 1
                weights[word] += weight
        for word in sorted(counts):
            yield word.encode("utf-8"), counts[word], weights[word], pack_uint(counts[word])


def text_and_exact_items(parts: Sequence[tuple[str, float]]) -> tuple[list[Any], list[Any]]:
    """Return what ``WeightedText().index(parts)`` and ``ExactText().index(parts)`` yield,
    analysing each part once for both (see :func:`indexer.analysis.index_terms_and_words`)."""
    positions: dict[str, list[int]] = defaultdict(list)
    weights: dict[str, float] = defaultdict(float)
    counts: dict[str, int] = defaultdict(int)
    exact_weights: dict[str, float] = defaultdict(float)
    start = 0
    for text, weight in parts:
        terms, words = index_terms_and_words(text)
        for term, pos in terms:
            positions[term].append(start + pos)
            weights[term] += weight
        for word in words:
            counts[word] += 1
            exact_weights[word] += weight
        start += (terms[-1][1] + 1 if terms else 0) + PART_GAP
    encode = POSITIONS.encode
    text_items = [(w.encode("utf-8"), len(positions[w]), weights[w], encode(positions[w])) for w in sorted(positions)]
    exact_items = [(w.encode("utf-8"), counts[w], exact_weights[w], pack_uint(counts[w])) for w in sorted(counts)]
    return text_items, exact_items


#: The ``text`` field's value format, for encoding positions outside Whoosh (indexer.bulk).
POSITIONS = CompactPositions(field_boost=1.0)
#: The ``exact`` field's values of small counts, made once.
UINTS = [pack_uint(n) for n in range(256)]


def build_schema() -> Schema:
    """Return a fresh schema instance."""
    return Schema(
        # What plain query words search (see TEXT_PARTS), and field-restricted searches.
        text=WeightedText(),
        # The same words unstemmed: exact-word searches (exact:worthing, the UI's checkbox).
        exact=ExactText(),
        # title: words, on each item's first passage only (the search widens a match to
        # the whole item, see indexer.executor); positions for phrases.
        title=WeightedText(),
        speaker_name=WeightedText(positions=False),  # name:
        # Filters (at most one term per passage each). committee:"…" matches words of
        # the committee names and filters on committee_key (see indexer.search).
        item_id=ID(),  # an item's passages: the item page, updates
        item_no=COLUMN(NumericColumn("q")),  # the item id as a number: results collapse by item
        committee_key=ID(),  # the committee's name, exactly
        section=ID(),
        speaker=ID(),
        procedural_item=ID(),  # "1" for wholly procedural items (absent otherwise)
        item_key=ID(),  # item:9 (see item_number_key)
        # Meeting date as yyyymmdd (0: unknown): date filters and sorting read the column.
        date=COLUMN(NumericColumn("I", default=0)),
        ordinal=COLUMN(NumericColumn("H")),  # passage order within its item, for sorting
        # What a hit shows, packed into one column value (see StoredPassage).
        # offsets stored in every segment (Whoosh's default only above 32,768 documents,
        # else recomputed in Python each time the column is opened)
        p=COLUMN(VarBytesColumn(write_offsets_cutoff=0)),
    )


class StoredPassage(NamedTuple):
    """The stored part of a passage document."""

    item_id: str
    ordinal: int
    section: str
    speaker_role: str | None
    speaker_name: str | None
    body: str

    @property
    def passage_id(self) -> str:
        return f"{self.item_id}-{self.ordinal}"

    def pack(self) -> bytes:
        """Encode for the ``p`` column: a fixed header, the name, then the compressed body.

        A column holds raw bytes, unlike Whoosh's stored fields, which pickle (with
        protocol 2, which bloats bytes) and zlib-compress every document separately.
        """
        name = (self.speaker_name or "").encode("utf-8")[:255]
        head = _HEADER.pack(
            bytes.fromhex(self.item_id), self.ordinal, _SECTION_CODES[self.section],
            _ROLE_CODES.get(self.speaker_role, 0), len(name),
        )
        return head + name + pack_text(self.body)

    @classmethod
    def unpack(cls, data: bytes) -> StoredPassage:
        """Decode what :meth:`pack` produced."""
        item_id, ordinal, section, role, name_len = _HEADER.unpack_from(data)
        start = _HEADER.size + name_len
        name = data[_HEADER.size : start].decode("utf-8")
        return cls(item_id.hex(), ordinal, _SECTION_NAMES[section], _ROLE_NAMES[role], name or None,
                   unpack_text(data[start:]))


# item id (6 bytes), ordinal, section code, role code (0: none), name length
_HEADER = struct.Struct(">6sHBBB")
_SECTION_NAMES = list(SECTIONS)
_SECTION_CODES = {name: i for i, name in enumerate(_SECTION_NAMES)}
_ROLE_NAMES: list[str | None] = [None, *ROLES]
_ROLE_CODES = {name: i for i, name in enumerate(_ROLE_NAMES) if name}


def text_parts(speaker_name: str | None, body: str) -> list[tuple[str, float]]:
    """Return the weighted parts of a passage's ``text`` field value."""
    values = {"speaker_name": speaker_name, "body": body}
    return [(values[name] or "", weight) for name, weight in TEXT_PARTS.items() if values[name]]


def item_number_key(number: str) -> str:
    """Normalise an item number for the ``item_key`` field ("9." → "9", "FC1/22" → "fc1/22")."""
    return number.strip().rstrip(".").strip("()").lower()


def date_key(date: dt.date) -> int:
    """Return the ``date`` field value for a meeting date (yyyymmdd as an integer)."""
    return date.year * 10000 + date.month * 100 + date.day
