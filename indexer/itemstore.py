"""The item store: one row per agenda item (and per source file) beside the Whoosh index.

What describes a whole item (title, number, committee, meeting date, link) is the same
for every passage of it, so it is stored once here, in SQLite (standard library), rather
than in each passage document. The ``sources`` table records what each corpus file
contributed and its content hash, so an update can re-index only what changed. The
``stems`` table keeps the stem of every word the index holds (see
:func:`indexer.analysis.recording_stems`), in batches that builds and updates append, so a
search process can stem query and snippet words without loading NLTK. The ``acronyms``
table counts the acronym definitions found in the indexed text (:mod:`indexer.acronyms`).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

FILENAME = "items.sqlite"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS items (
    item_id    TEXT PRIMARY KEY,
    source     TEXT NOT NULL,
    kind       TEXT NOT NULL,
    meeting_id TEXT NOT NULL,
    position   INTEGER NOT NULL,   -- order of the item in its source file
    number     TEXT,
    title      TEXT NOT NULL,
    committee  TEXT,
    date       TEXT,               -- YYYY-MM-DD
    url        TEXT,
    procedural INTEGER NOT NULL,
    passages   INTEGER NOT NULL,
    series     TEXT NOT NULL DEFAULT ''  -- normalised title: the same item at other meetings
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS items_meeting ON items (meeting_id);
CREATE INDEX IF NOT EXISTS items_series ON items (committee, series);
CREATE TABLE IF NOT EXISTS sources (
    source   TEXT PRIMARY KEY,
    sha1     TEXT NOT NULL,    -- of the file's bytes
    meta     TEXT NOT NULL,    -- of the manifest metadata it was indexed with
    size     INTEGER NOT NULL, -- size and modification time: unchanged files are not reread
    mtime_ns INTEGER NOT NULL,
    items    INTEGER NOT NULL,
    passages INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS acronyms (
    short TEXT NOT NULL,        -- "IOPC", as defined in the minutes
    long  TEXT NOT NULL,        -- "Independent Office for Police Conduct"
    count INTEGER NOT NULL,     -- times defined in the indexed files
    PRIMARY KEY (short, long)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS stems (
    batch INTEGER PRIMARY KEY,  -- in the order written: a reader can fetch just the new ones
    words TEXT NOT NULL,        -- newline-separated
    stems TEXT NOT NULL         -- the stem of each word, in the same order
);
"""


@dataclass(frozen=True, slots=True)
class ItemMeta:
    """Everything about an agenda item except its passages."""

    item_id: str
    source: str
    kind: str
    meeting_id: str
    position: int
    number: str | None
    title: str
    committee: str | None
    date: dt.date | None
    url: str | None
    procedural: bool
    passages: int
    #: the recurring business this item is an occurrence of (see :mod:`indexer.series`)
    series: str = ""


@dataclass(frozen=True, slots=True)
class SourceRecord:
    """What one corpus file contributed to the index, and how to tell if it changed."""

    source: str
    sha1: str
    meta: str
    size: int
    mtime_ns: int
    items: int
    passages: int


class ItemStore:
    """A connection to a generation's item store (read-only unless ``writable``).

    A connection belongs to one thread; the search engine keeps one per pooled searcher.
    """

    def __init__(self, folder: Path, writable: bool = False) -> None:
        path = folder / FILENAME
        if writable:
            self._db = sqlite3.connect(path, isolation_level=None)
            self._db.executescript(_SCHEMA)
        else:
            self._db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)

    def close(self) -> None:
        self._db.close()

    def compact(self) -> None:
        """Rewrite the file without free pages (after a bulk load)."""
        self._db.execute("VACUUM")

    # ------------------------------------------------------------------ writing

    def replace(self, items: Iterable[ItemMeta], sources: Iterable[SourceRecord]) -> None:
        """Add (or replace, by id) items and source records, in one transaction."""
        db = self._db
        db.execute("BEGIN")
        try:
            db.executemany(
                "INSERT OR REPLACE INTO items VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    (m.item_id, m.source, m.kind, m.meeting_id, m.position, m.number, m.title, m.committee,
                     m.date.isoformat() if m.date else None, m.url, int(m.procedural), m.passages, m.series)
                    for m in items
                ),
            )
            db.executemany(
                "INSERT OR REPLACE INTO sources VALUES (?,?,?,?,?,?,?)",
                ((s.source, s.sha1, s.meta, s.size, s.mtime_ns, s.items, s.passages) for s in sources),
            )
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def add_stems(self, stems: Mapping[str, str]) -> int:
        """Store the word → stem pairs not stored yet, as one new batch; return how many."""
        known = self.stems()[1]
        new = sorted((w, s) for w, s in stems.items() if known.get(w) != s and "\n" not in w)
        if new:
            self._db.execute(
                "INSERT INTO stems (words, stems) VALUES (?, ?)",
                ("\n".join(w for w, _ in new), "\n".join(s for _, s in new)),
            )
        return len(new)

    def add_acronyms(self, pairs: Mapping[tuple[str, str], int]) -> None:
        """Count acronym definitions mined from newly indexed files ((short, long) → times)."""
        self._db.executemany(
            "INSERT INTO acronyms VALUES (?, ?, ?) ON CONFLICT (short, long) DO UPDATE SET count = count + excluded.count",
            ((short, long, n) for (short, long), n in sorted(pairs.items())),
        )

    def remove(self, sources: Sequence[str], keep: set[str], keep_sources: set[str]) -> None:
        """Delete the items of ``sources`` not in ``keep``, and the source rows not in ``keep_sources``."""
        db = self._db
        db.execute("BEGIN")
        try:
            for source in sources:
                for (item_id,) in db.execute("SELECT item_id FROM items WHERE source = ?", (source,)).fetchall():
                    if item_id not in keep:
                        db.execute("DELETE FROM items WHERE item_id = ?", (item_id,))
                if source not in keep_sources:
                    db.execute("DELETE FROM sources WHERE source = ?", (source,))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    # ------------------------------------------------------------------ reading

    def items(self, item_ids: Iterable[str]) -> dict[str, ItemMeta]:
        """Return the items with these ids (missing ids are left out)."""
        ids = list(dict.fromkeys(item_ids))
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self._db.execute(f"SELECT * FROM items WHERE item_id IN ({marks})", ids).fetchall()
        return {row[0]: _meta(row) for row in rows}

    def item_ids(self, source: str) -> list[str]:
        """Return the ids of the items a source file gave."""
        return [r[0] for r in self._db.execute("SELECT item_id FROM items WHERE source = ?", (source,))]

    def meeting_items(self, meeting_id: str) -> list[ItemMeta]:
        """Return the items of a meeting in agenda order."""
        rows = self._db.execute(
            "SELECT * FROM items WHERE meeting_id = ? ORDER BY date, source, position", (meeting_id,)
        ).fetchall()
        return [_meta(r) for r in rows]

    def series(self, committee: str, key: str, limit: int = 100) -> list[ItemMeta]:
        """Return up to ``limit`` items of a committee's series (same ``series`` key),
        newest meeting first (undated last)."""
        if not key:
            return []
        rows = self._db.execute(
            "SELECT * FROM items WHERE committee = ? AND series = ? "
            "ORDER BY date IS NULL, date DESC, source, position LIMIT ?",
            (committee, key, limit),
        ).fetchall()
        return [_meta(r) for r in rows]

    def sources(self, names: Iterable[str] | None = None) -> dict[str, SourceRecord]:
        """Return the indexed source files (all, or those of ``names`` that are indexed),
        by corpus-relative name."""
        if names is None:
            return {r[0]: SourceRecord(*r) for r in self._db.execute("SELECT * FROM sources")}
        found: dict[str, SourceRecord] = {}
        wanted = list(names)
        for i in range(0, len(wanted), 500):
            chunk = wanted[i:i + 500]
            rows = self._db.execute(f"SELECT * FROM sources WHERE source IN ({','.join('?' * len(chunk))})", chunk)
            found.update((r[0], SourceRecord(*r)) for r in rows)
        return found

    def stems(self, after: int = 0) -> tuple[int, dict[str, str]]:
        """Return the last batch number and the word → stem pairs of the batches after
        ``after`` (an index written before the table existed has none)."""
        stems: dict[str, str] = {}
        last = after
        try:
            rows = self._db.execute("SELECT batch, words, stems FROM stems WHERE batch > ? ORDER BY batch", (after,))
            for batch, words, stemmed in rows:
                stems.update(zip(words.split("\n"), stemmed.split("\n")))
                last = batch
        except sqlite3.OperationalError:  # no such table
            pass
        return last, stems

    def acronyms(self) -> dict[tuple[str, str], int]:
        """Return the acronym definitions mined from the archive ((short, long) → times);
        none for an index written before the table existed."""
        try:
            return {(short, long): n for short, long, n in self._db.execute("SELECT short, long, count FROM acronyms")}
        except sqlite3.OperationalError:  # no such table
            return {}

    def passage_counts(self) -> dict[str, int]:
        """Return every item's id with its number of passages (for checking the index)."""
        return dict(self._db.execute("SELECT item_id, passages FROM items"))

    def integrity(self) -> str:
        """Return SQLite's verdict on the file: "ok", or what is wrong."""
        return str(self._db.execute("PRAGMA integrity_check").fetchone()[0])

    def counts(self) -> tuple[int, int, int]:
        """Return (files, items, passages) in the store."""
        files, passages = self._db.execute("SELECT count(*), coalesce(sum(passages), 0) FROM sources").fetchone()
        (items,) = self._db.execute("SELECT count(*) FROM items").fetchone()
        return int(files), int(items), int(passages)


def _meta(row: tuple) -> ItemMeta:  # type: ignore[type-arg]
    (item_id, source, kind, meeting_id, position, number, title, committee, date, url, procedural, passages,
     series) = row
    return ItemMeta(
        item_id, source, kind, meeting_id, position, number, title, committee,
        dt.date.fromisoformat(date) if date else None, url, bool(procedural), passages, series,
    )
