"""Small, targeted fixes to the pinned whoosh-reloaded (2.7.5), applied on import.

Kept in one place so they are easy to review and to drop when upstream changes.
"""

from __future__ import annotations

from typing import Any

from whoosh.codec import whoosh3


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


whoosh3.W3PerDocReader._cached_reader = _cached_reader
