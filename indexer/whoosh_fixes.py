"""Small, targeted fixes to the pinned whoosh-reloaded (2.7.5), applied on import, and a
faster writer of new segments (:class:`SegmentBuilder`).

The one module that touches Whoosh's internals; ``tests/test_whoosh_fixes.py`` holds the
contract tests that fail loudly when the pinned Whoosh changes.
"""

from __future__ import annotations

import zlib
from array import array
from collections.abc import Callable, Iterable
from itertools import chain
from operator import itemgetter, sub
from pickle import dumps
from typing import Any

import numpy as np
from whoosh.codec import whoosh3
from whoosh.system import pack_int, pack_ushort
from whoosh.util.numeric import byte_to_length, length_to_byte


def _cached_reader(self: Any, fieldname: str, column: Any) -> Any:
    """W3PerDocReader._cached_reader, caching "no such column" too.

    Upstream checks the file system (a stat call) on every call for fields that have no
    length column (ID fields are not scored). Commit asks once per posting, so a build
    made one stat call per ID posting: about a fifth of indexing time.
    """
    readers = self._readers
    if fieldname in readers:
        return readers[fieldname]
    reader = self.column_reader(fieldname, column) if self.has_column(fieldname) else None
    readers[fieldname] = reader
    return reader


def _doc_field_length(self: Any, docnum: int, fieldname: str, default: int = 0) -> int:
    """W3PerDocReader.doc_field_length, reading each length column once into memory.

    Upstream reads one byte from the column file per call, and commit calls it once per
    posting (for block statistics): a file read per posting.
    """
    cache = self.__dict__.setdefault("_lengths_in_memory", {})
    data = cache.get(fieldname)
    if data is None:
        reader = self._cached_reader("_%s_len" % fieldname, whoosh3.LENGTHS_COLUMN)
        data = reader._dbfile.get(reader._basepos, reader._count) if reader is not None else False
        cache[fieldname] = data
    if data is False:
        return default
    lbyte = data[docnum] if docnum < len(data) else 0
    # Like upstream: a zero byte (no terms) gives None.
    return byte_to_length(lbyte) if lbyte else None


whoosh3.W3PerDocReader._cached_reader = _cached_reader
whoosh3.W3PerDocReader.doc_field_length = _doc_field_length


# ---------------------------------------------------------------------- writing segments directly


class SegmentBuilder:
    """Write one new segment of an index from whole documents, faster than Whoosh's
    ``SegmentWriter`` and to the same bytes.

    Whoosh's writer puts every posting through a pool (a tuple per posting, sorted, and
    pickled to disk when large), then, at commit, feeds them one by one to the codec,
    reading each document's field length back from disk for the block statistics. Here
    each term's postings are appended to in-memory lists as documents come (documents
    arrive in order, so each list is already sorted), the field lengths are kept as they
    are written, and at :meth:`finish` each term's list goes to the codec's postings
    writer a block (128 postings) at a time. The files are byte for byte those Whoosh
    writes for the same documents (``tests/test_whoosh_fixes.py`` checks it), so readers
    cannot tell the difference.

    ``add_document(fields, indexed)`` takes the field values ``SegmentWriter.add_document``
    takes; ``indexed`` may give a field's ``(term bytes, frequency, weight, value bytes)``
    items already analysed (``field.index(value)`` is called for the others), or, for a
    field named in ``bulk``, just its length in the document: ``bulk[field]()`` then
    gives all of the field's postings at :meth:`finish`, as ``(term bytes, document
    numbers, weights, value bytes)`` term by term in term order (see indexer.bulk).
    """

    def __init__(self, ix: Any, bulk: dict[str, Callable[[], Iterable[Any]]] | None = None,
                 hot_min: int | None = None) -> None:
        from whoosh.codec import default_codec

        self.codec = default_codec()
        self.storage = ix.storage
        self.schema = ix.schema
        self.segment = self.codec.new_segment(self.storage, ix.indexname)
        self.perdoc = self.codec.per_document_writer(self.storage, self.segment)
        self.docnum = 0
        #: postings held, for deciding when to close the segment
        self.size = 0
        self._terms: dict[str, dict[bytes, tuple[list[int], list[Any]]]] = {}
        #: field → its length in each document as the length column gives it back (0: none)
        self._lengths: dict[str, array[int]] = {}
        self._indexed: dict[tuple[str, str], list[Any]] = {}
        self._fields: dict[str, tuple[Any, bool, bool, bool, Any]] = {}
        self._names: dict[tuple[str, ...], list[str]] = {}
        self._bulk = bulk or {}
        #: with ``hot_min``, finish() keeps the posting lists of at least that many
        #: postings here, (field, word, document numbers, weights), for the hot-list file
        self.hot: list[tuple[str, str, Any, Any]] = []
        self._hot_min = hot_min

    def add_document(self, fields: dict[str, Any], indexed: dict[str, Any] | None = None) -> None:
        docnum, perdoc = self.docnum, self.perdoc
        indexed = indexed or {}
        perdoc.start_doc(docnum)
        names = self._names.get(tuple(fields))
        if names is None:
            names = self._names[tuple(fields)] = [n for n in sorted(fields) if not n.startswith("_")]
        columns = perdoc._colwriters
        for name in names:
            value = fields[name]
            if value is None:
                continue
            field, is_indexed, scorable, stored, column = self._field(name)
            length = 0
            if is_indexed:
                items = indexed.get(name)
                if items is None:
                    items = self._index(name, field, value)
                terms = self._terms.get(name)
                if terms is None:
                    terms = self._terms[name] = {}
                if isinstance(items, int):  # postings given in bulk (see finish)
                    length = items if scorable else 0
                    items = ()
                get = terms.get
                # per posting: the document number and the (term, frequency, weight,
                # value) item as analysis gave it; unpacked a block at a time in finish()
                for item in items:
                    entry = get(item[0])
                    if entry is None:
                        entry = terms[item[0]] = ([], [])
                    entry[0].append(docnum)
                    entry[1].append(item)
                self.size += len(items)
                if scorable and items:
                    length = sum(map(_FREQUENCY, items))
            # perdoc.add_field and add_column_value, without their look-ups per call
            if stored:
                perdoc._storedfields[name] = value
            if length:
                lenfield = "_%s_len" % name
                writer = columns.get(lenfield)
                if writer is None:
                    perdoc.add_column_value(lenfield, whoosh3.LENGTHS_COLUMN, length_to_byte(length))
                else:
                    writer.add(docnum, length_to_byte(length))
                perdoc._fieldlengths[name] += length
                lengths = self._lengths.get(name)
                if lengths is None:
                    lengths = self._lengths[name] = array("I")
                if len(lengths) < docnum:  # documents without this field
                    lengths.frombytes(bytes(lengths.itemsize * (docnum - len(lengths))))
                lengths.append(byte_to_length(length_to_byte(length)))
            if column:
                writer = columns.get(name)
                if writer is None:
                    perdoc.add_column_value(name, column, field.to_column_value(value))
                else:
                    writer.add(docnum, field.to_column_value(value))
        perdoc.finish_doc()
        self.docnum += 1

    def _index(self, name: str, field: Any, value: Any) -> list[Any]:
        """``field.index(value)`` as a list, remembered for short string values of fields
        without positions (ids, committee names, sections, speakers' names repeat on
        passage after passage)."""
        if not isinstance(value, str) or len(value) > 200:
            return list(field.index(value))
        key = (name, value)
        items = self._indexed.get(key)
        if items is None:
            items = list(field.index(value))
            # Only items without value bytes are shared: Whoosh pickles a block's values,
            # and a value object met twice would be pickled as a back-reference,
            # changing the bytes written (not what they read as).
            if not any(item[3] for item in items):
                if len(self._indexed) > 100_000:
                    self._indexed.clear()
                self._indexed[key] = items
        return items

    def _field(self, name: str) -> tuple[Any, bool, bool, bool, Any]:
        found = self._fields.get(name)
        if found is None:
            field = self.schema[name]
            found = self._fields[name] = (field, field.indexed, field.scorable, field.stored, field.column_type)
        return found

    def finish(self) -> Any:
        """Write the segment's files; return the segment (to commit with the others)."""
        self.perdoc.close()
        writer = self.codec.field_writer(self.storage, self.segment)
        for name in sorted(self._terms):
            terms = self._terms[name]
            writer.start_field(name, self.schema[name])
            term_writer = _TermWriter(writer)
            lengths = self._lengths.get(name)
            if lengths is not None:  # a list, with every document (block statistics index it)
                lengths = lengths.tolist() + [0] * (self.docnum - len(lengths))
            field = self.schema[name]
            hot_min = self._hot_min if self._hot_min is not None else 1 << 62
            if name in self._bulk:
                postings_of = self._bulk[name]()
            else:
                postings_of = ((tbytes, ids, [item[2] for item in items], [item[3] for item in items])
                               for tbytes in sorted(terms) for ids, items in (terms[tbytes],))
            for tbytes, ids, weights, values in postings_of:
                term_writer.write(tbytes, ids, weights, values, lengths)
                if len(ids) >= hot_min:
                    text = field.from_bytes(tbytes)
                    if isinstance(text, str):
                        # as arrays (the lists take several times the memory); float32
                        # is what Whoosh stores a weight as
                        self.hot.append((name, text, np.array(ids, dtype=np.int64), np.array(weights, dtype=np.float32)))
            writer.finish_field()
        writer.close()
        self._terms.clear()
        self.segment.set_doc_count(self.docnum)
        return self.segment

    def cancel(self) -> None:
        if not self.perdoc.is_closed:
            self.perdoc.close()


_FREQUENCY = itemgetter(1)


class _TermWriter:
    """Write one field's terms with their postings as W3FieldWriter does with
    ``start_term``, ``add`` per posting and ``finish_term`` (the same bytes:
    tests/test_whoosh_fixes.py compares segments), a block (128 postings) at a time,
    with its per-posting generators done in C and the term's statistics gathered as
    the blocks are written."""

    def __init__(self, writer: Any) -> None:
        postings = writer._postwriter
        self._writer = writer
        self._file = postings._postfile
        self._limit = postings._blocklimit
        self._compression = postings._compression
        self._fixed = writer._format.fixed_value_size()
        self._key = pack_ushort(writer._fieldid)

    def write(self, tbytes: bytes, ids: list[int], weights: list[float], values: list[bytes],
              lengths: list[int] | None) -> None:
        """Write one term's postings (document numbers in order, their weights and value
        bytes); ``lengths`` gives every document's field length, if the field has them."""
        postfile = self._file
        write = postfile.write
        offset = postfile.tell()
        write(_MAGIC)
        limit, comp, fixed = self._limit, self._compression, self._fixed
        n = len(ids)
        # the term's statistics, as W3TermInfo.add_block gathers them block by block
        total: float = 0
        minlength: int | None = None
        maxlength = maxweight = 0
        for start in range(0, n, limit):
            end = min(start + limit, n)
            block_ids = ids[start:end]
            block_weights = weights[start:end]
            # the weights as W3PostingsWriter holds them (array "f": 32-bit floats)
            held = array("f", block_weights)
            top = max(block_weights)
            block_maxweight = top if top > 0 else 0
            if lengths is not None:
                found = list(filter(None, map(lengths.__getitem__, block_ids)))
                block_min = min(found) if found else None
                block_max = max(found) if found else 0
            else:
                block_min, block_max = None, 0
            total += sum(held)
            minlength = block_min if minlength is None else min(minlength, block_min)  # type: ignore[type-var]
            maxlength = max(maxlength, block_max)
            maxweight = max(maxweight, block_maxweight)
            count = end - start
            if held.count(1.0) == count:
                mini_weights: Any = None
            elif held.count(held[0]) == count:
                mini_weights = held[0]
            else:
                mini_weights = tuple(held)
            if fixed is None or fixed < 0:
                mini_values: Any = tuple(filter(None, values[start:end]))
            elif fixed == 0:
                mini_values = None
            else:
                mini_values = b"".join(filter(None, values[start:end]))
            mini_ids = tuple(map(sub, block_ids, chain((0,), block_ids)))  # gaps (numlists.delta_encode)
            data = dumps((mini_ids, mini_weights, mini_values), 2)
            if comp:
                data = zlib.compress(data, comp)
            info = dumps((count, block_ids[-1], block_maxweight, comp, length_to_byte(block_min),
                          length_to_byte(block_max)), 2)
            size = len(info) + len(data)
            write(pack_int(-size if end == n else size))
            write(info)
            write(data)
        terminfo = whoosh3.W3TermInfo(total, n, minlength, maxlength, maxweight, ids[0], ids[-1])
        terminfo.set_extent(offset, postfile.tell() - offset)
        writer = self._writer
        writer._btext = tbytes
        writer._tindex.add(self._key + tbytes, terminfo.to_bytes())


_MAGIC = whoosh3.WHOOSH3_HEADER_MAGIC
