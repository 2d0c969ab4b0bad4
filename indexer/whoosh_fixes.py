"""Small, targeted fixes to the pinned whoosh-reloaded (2.7.5), applied on import.

Kept in one place so they are easy to review and to drop when upstream changes.
"""

from __future__ import annotations

from typing import Any

from whoosh.codec import whoosh3
from whoosh.util.numeric import byte_to_length


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
