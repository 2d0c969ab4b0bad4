"""Incremental indexing: add one new meeting (≈100 passages) to a built index.

The new meeting is a copy of a real meeting of the archive under a new committee
folder and date (so it is new content with its own ``manifest.json``), added after the
query benchmarks to the index they used.

Ours runs :func:`indexer.build.add_files` (index just the named files, as a harvester
would) in a separate process while a warm engine serves queries (``bench.worker
live-add``); FTS5 inserts the same files' rows.
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path
from typing import Any


NEW_COMMITTEE = "Benchmark Incremental Police and Crime Panel"
NEW_FOLDER = "zz-incremental"
NEW_DATE = "2026-01-15"


def pick_meeting(corpus_root: Path, target: int = 100) -> tuple[Path, int]:
    """Return the meeting folder whose passage count is closest to ``target``, and that count."""
    counts: dict[str, int] = {}
    with open(corpus_root / "records.jsonl", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            folder = rec["source"].rsplit("/", 1)[0]
            counts[folder] = counts.get(folder, 0) + len(rec["passages"])
    folder = min(sorted(counts), key=lambda k: abs(counts[k] - target))
    return corpus_root / "corpus" / folder, counts[folder]


def stage_meeting(corpus_root: Path, meeting: Path) -> list[Path]:
    """Copy ``meeting`` into the corpus as a new meeting; return the new minute files."""
    dest = corpus_root / "corpus" / NEW_FOLDER / NEW_DATE
    if dest.parent.exists():
        shutil.rmtree(dest.parent)
    dest.mkdir(parents=True)
    for p in sorted(meeting.iterdir()):
        if p.name != "manifest.json":
            shutil.copyfile(p, dest / p.name)
    manifest = {"defaults": {"committee": NEW_COMMITTEE, "meeting_date": NEW_DATE}}
    (dest / "manifest.json").write_text(json.dumps(manifest) + "\n", encoding="utf-8")
    return sorted(p for p in dest.iterdir() if p.name != "manifest.json")


def unstage(corpus_root: Path) -> None:
    shutil.rmtree(corpus_root / "corpus" / NEW_FOLDER, ignore_errors=True)


def run_fts5(db: Path, corpus_root: Path, meeting: Path, files: list[Path], source: str) -> dict[str, Any]:
    """Parse (or read the records of) the new meeting and insert it with default durability."""
    import sqlite3

    from . import fts5, records
    from .records import document_from_record

    t = time.perf_counter()
    if source == "parsed":
        # Manifests of the new meeting's folder only: scanning the whole archive's manifests
        # would charge FTS5 for a walk of the corpus that an incremental add does not need.
        docs = list(records.iter_parsed_files(files[0].parent, files))
    else:
        prefix = meeting.relative_to(corpus_root / "corpus").as_posix() + "/"
        docs = []
        with open(corpus_root / "records.jsonl", encoding="utf-8") as f:
            for line in f:
                if line.startswith('{"source": "' + prefix):
                    rec = json.loads(line)
                    rec["source"] = f"{NEW_FOLDER}/{NEW_DATE}/" + rec["source"].rsplit("/", 1)[1]
                    rec["committee"], rec["meeting_date"] = NEW_COMMITTEE, NEW_DATE
                    docs.append(document_from_record(rec))
    conn = sqlite3.connect(str(db), isolation_level=None)  # default journal and synchronous settings
    n = fts5.load(conn, records.iter_rows(iter(docs)), optimize=False)
    conn.close()
    return {"supported": True, "seconds": time.perf_counter() - t, "passages": n}
