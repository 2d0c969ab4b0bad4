"""The SQLite FTS5 baseline: same passages, same fields, same ranking weights.

One FTS5 table holds every passage. The fields a plain query searches in our engine (the
passage, its speaker's name and its item title, which counts for every passage of the
item) are indexed columns, declared first so that ``bm25()`` gets our field boosts (body
1, title 2, speaker_name 1); everything else, the committee name included (a filter, not
searched text, in our engine), is stored ``UNINDEXED`` for filters, sorting and display. The tokenizer
is ``porter unicode61`` (Porter stemming, no stop words); our engine uses Snowball with
stop words, which :mod:`bench.queries` accounts for when it picks queries.

A result page costs two statements, like ours: the top ``per_page`` rows with stored
fields, ``snippet()`` of the body and ``highlight()`` of the title, and ``count(*)`` of
the match for the total.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

TEXT_COLUMNS = ("body", "title", "title_more", "speaker_name")
#: bm25() weights in TEXT_COLUMNS order, as indexer.executor.TITLE_WEIGHT: the item title
#: counts for every passage of its item (on the first passage as "title", which the
#: result page highlights, on the others as "title_more").
WEIGHTS = {"body": 1.0, "title": 2.0, "title_more": 2.0, "speaker_name": 1.0}
STORED_COLUMNS = (
    "committee", "item_title", "id", "item_id", "meeting_id", "source", "kind", "url", "ordinal", "committee_key", "date",
    "item_number", "procedural_item", "section", "speaker",
)
COLUMNS = TEXT_COLUMNS + STORED_COLUMNS
TOKENIZE = "porter unicode61"
_BM25 = "bm25(passages, " + ", ".join(str(WEIGHTS[c]) for c in TEXT_COLUMNS) + ")"


def create(db_path: Path) -> sqlite3.Connection:
    """Create an empty passage table in a new database file and return a bulk-load connection."""
    if db_path.exists():
        db_path.unlink()
    conn = sqlite3.connect(str(db_path), isolation_level=None)
    # Bulk-load settings (our engine does not fsync either); the file is complete after close.
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA cache_size=-262144")  # 256 MiB, the same budget as our writer's limitmb
    cols = ", ".join(list(TEXT_COLUMNS) + [f"{c} UNINDEXED" for c in STORED_COLUMNS])
    conn.execute(f"CREATE VIRTUAL TABLE passages USING fts5({cols}, tokenize='{TOKENIZE}')")
    return conn


def row_values(fields: dict[str, Any]) -> tuple[Any, ...]:
    """Return the column values of one passage given our engine's index fields."""
    date = fields.get("date")
    lead = fields.get("ordinal", 0) == 0
    title = fields.get("title", "")
    return (
        fields.get("body", ""),
        title if lead else "",
        "" if lead else title,
        fields.get("speaker_name", ""),
        fields.get("committee", ""),
        title,
        fields["id"],
        fields.get("item_id"),
        fields.get("meeting_id"),
        fields.get("source"),
        fields.get("kind"),
        fields.get("url"),
        fields.get("ordinal", 0),
        fields.get("committee_key"),
        date.date().isoformat() if date is not None else "",
        fields.get("item_number"),
        fields.get("procedural_item"),
        fields.get("section"),
        fields.get("speaker"),
    )


def load(conn: sqlite3.Connection, rows: Iterable[dict[str, Any]], batch: int = 5000, optimize: bool = True) -> int:
    """Insert every row (our engine's field dicts); merge the index; return the row count."""
    sql = f"INSERT INTO passages ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"
    n = 0
    conn.execute("BEGIN")
    chunk: list[tuple[Any, ...]] = []
    for fields in rows:
        chunk.append(row_values(fields))
        if len(chunk) >= batch:
            conn.executemany(sql, chunk)
            n += len(chunk)
            chunk.clear()
    if chunk:
        conn.executemany(sql, chunk)
        n += len(chunk)
    conn.execute("COMMIT")
    if optimize:
        # One b-tree per term, like our engine's single merged segment after commit.
        conn.execute("INSERT INTO passages(passages) VALUES('optimize')")
    return n


def open_db(db_path: Path) -> sqlite3.Connection:
    """Open a built database read-only for searching."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, check_same_thread=False)
    conn.execute("PRAGMA cache_size=-65536")
    return conn


@dataclass(frozen=True, slots=True)
class Fts5Query:
    """A benchmark query in FTS5 terms: a MATCH expression, filters and an order."""

    match: str
    speaker: str | None = None
    sort: str = "relevance"

    def where(self) -> tuple[str, list[Any]]:
        sql, params = "passages MATCH ?", [self.match]
        if self.speaker:
            sql += " AND speaker = ?"
            params.append(self.speaker)
        return sql, params

    def order(self) -> str:
        if self.sort == "newest":
            return "date DESC, ordinal ASC"
        if self.sort == "oldest":
            return "date ASC, ordinal ASC"
        return _BM25


def quote(term: str) -> str:
    """Quote one term or phrase as an FTS5 string (a phrase of its tokens)."""
    return '"' + term.replace('"', '""') + '"'


def translate(spec: dict[str, Any]) -> Fts5Query:
    """Turn a query spec (see :mod:`bench.queries`) into an FTS5 query."""
    parts = [quote(t) for t in spec.get("terms", ())]
    parts += [quote(" ".join(p)) for p in spec.get("phrases", ())]
    return Fts5Query(" AND ".join(parts), spec.get("speaker"), spec.get("sort", "relevance"))


@dataclass(frozen=True, slots=True)
class Fts5Page:
    total: int
    hits: list[dict[str, Any]]


_HIT_COLUMNS = (
    "id", "item_id", "meeting_id", "item_title", "committee_key", "date", "item_number", "section", "speaker",
    "speaker_name", "url", "source",
)


def search(conn: sqlite3.Connection, q: Fts5Query, page: int = 1, per_page: int = 10) -> Fts5Page:
    """Return one page of hits (stored fields, marked title, body snippet) and the total."""
    where, params = q.where()
    total = conn.execute(f"SELECT count(*) FROM passages WHERE {where}", params).fetchone()[0]
    sql = (
        f"SELECT {', '.join(_HIT_COLUMNS)}, "
        "CASE WHEN ordinal = 0 THEN highlight(passages, 1, '<mark>', '</mark>') "
        "ELSE highlight(passages, 2, '<mark>', '</mark>') END, "
        f"snippet(passages, 0, '<mark>', '</mark>', '…', 40), {_BM25} "
        f"FROM passages WHERE {where} ORDER BY {q.order()} LIMIT ? OFFSET ?"
    )
    rows = conn.execute(sql, params + [per_page, per_page * (page - 1)]).fetchall()
    hits = [
        {**dict(zip(_HIT_COLUMNS, r[: len(_HIT_COLUMNS)])), "title_marked": r[-3], "snippet": r[-2], "score": r[-1]}
        for r in rows
    ]
    return Fts5Page(total, hits)


def count(conn: sqlite3.Connection, q: Fts5Query) -> int:
    where, params = q.where()
    return conn.execute(f"SELECT count(*) FROM passages WHERE {where}", params).fetchone()[0]


def porter_terms(words: Iterable[str]) -> dict[str, list[str]]:
    """Return the terms SQLite's ``porter unicode61`` tokenizer makes of each word."""
    words = list(dict.fromkeys(words))
    conn = sqlite3.connect(":memory:")
    conn.execute(f"CREATE VIRTUAL TABLE w USING fts5(t, tokenize='{TOKENIZE}')")
    conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(w, 'instance')")
    conn.executemany("INSERT INTO w(rowid, t) VALUES (?, ?)", ((i + 1, w) for i, w in enumerate(words)))
    out: dict[str, list[str]] = {w: [] for w in words}
    for term, doc, _off in conn.execute("SELECT term, doc, offset FROM v ORDER BY doc, offset"):
        out[words[doc - 1]].append(term)
    conn.close()
    return out


def iter_all(conn: sqlite3.Connection) -> Iterator[tuple[Any, ...]]:  # pragma: no cover - debugging aid
    yield from conn.execute("SELECT * FROM passages")
