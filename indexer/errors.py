"""Domain exceptions. The library raises these; the CLI and web UI translate them."""

from __future__ import annotations


class MinutesError(Exception):
    """Base class for every error meant to be shown to a user as a sentence."""


class ParseError(MinutesError):
    """A source file could not be read or understood."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class ManifestError(MinutesError):
    """A corpus manifest is malformed."""


class QueryError(MinutesError):
    """A search query is malformed; the message says how to fix it."""


class IndexMissingError(MinutesError):
    """There is no index where one was expected."""


class StaleIndexError(MinutesError):
    """The index was built by an incompatible version of the schema or analyzer."""


class BuildError(MinutesError):
    """An index build failed; the previous index (if any) is still in place."""


class NotFoundError(MinutesError):
    """A requested record (such as an agenda item) does not exist in the index."""


class IndexBusyError(BuildError):
    """Another build or update of the same index folder holds the writer lock."""


class IndexDamagedError(MinutesError):
    """The index on disk is incomplete or corrupt; the message names the file and says
    how to repair it (a full rebuild)."""
