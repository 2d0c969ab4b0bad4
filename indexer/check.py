"""Verify an index on disk (``minutes check``): every file as written, every segment
readable, the item store and the segments in agreement, the hot lists equal to the
posting lists they repeat.

It reads everything, so it takes time on a large index (a few minutes at a million
passages); searches use the cheap part of it (file sizes against the manifest) when
they open an index, and ``/healthz`` does a real search.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from . import store
from .errors import MinutesError
from .itemstore import FILENAME, ItemStore
from .postings import HOT_MIN_POSTINGS, HotLists, decode, hot_list_path, unfiltered
from .schema import StoredPassage

#: Column fields every passage document has (see schema.build_schema).
_COLUMNS = ("p", "item_no", "date", "ordinal")


@dataclass(slots=True)
class CheckReport:
    """What :func:`check_index` found: problems (one sentence each, naming the file) and
    what it read."""

    root: Path
    generation: str = ""
    problems: list[str] = field(default_factory=list)
    segments: int = 0
    passages: int = 0
    items: int = 0
    files: int = 0
    posting_lists: int = 0
    hot_lists: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def check_index(root: Path) -> CheckReport:
    """Read and cross-check the live state of the index folder ``root``."""
    report = CheckReport(root)
    try:
        gen = store.current(root)
    except MinutesError as exc:
        report.problems.append(str(exc))
        return report
    report.generation = gen.name
    report.problems.extend(str(p) for p in store.verify_files(gen, checksums=True))
    try:
        ix = store.open_generation(gen)
    except MinutesError as exc:
        report.problems.append(str(exc))
        return report
    item_passages: Counter[str] = Counter()
    try:
        reader = ix.reader()
    except Exception as exc:  # noqa: BLE001 - any failure is a finding
        report.problems.append(f"The segments in {gen.path} cannot be opened ({type(exc).__name__}: {exc})")
        return report
    with reader:
        for leaf, _ in reader.leaf_readers():
            segment = leaf.segment()
            if segment is None:
                continue
            report.segments += 1
            _check_segment(gen.path, segment.segment_id(), leaf, report, item_passages)
    if report.problems:
        return report  # counts from unreadable segments would only repeat the finding
    _check_item_store(gen, report, item_passages)
    return report


def _check_segment(folder: Path, sid: str, leaf: object, report: CheckReport, item_passages: Counter[str]) -> None:
    """Read every posting list, column value and stored passage of one segment."""
    n = leaf.doc_count_all()  # type: ignore[attr-defined]
    deletions = leaf.has_deletions()  # type: ignore[attr-defined]
    lists: dict[tuple[str, str], tuple[np.ndarray, np.ndarray]] = {}
    try:
        terms = list(leaf.all_terms())  # type: ignore[attr-defined]
    except Exception as exc:  # noqa: BLE001
        report.problems.append(f"{folder / (sid + '.trm')} cannot be read ({type(exc).__name__}: {exc})")
        return
    for fieldname, btext in terms:
        try:
            text = leaf.schema[fieldname].from_bytes(btext)  # type: ignore[attr-defined]
            ids, weights = decode(unfiltered(leaf, fieldname, text))
            listed = leaf.doc_frequency(fieldname, btext)
            if (len(ids) > listed if deletions else len(ids) != listed) or (len(ids) and (ids[-1] >= n or ids[0] < 0)) \
                    or np.any(np.diff(ids) <= 0):
                raise ValueError("document numbers out of order or out of range")
        except Exception as exc:  # noqa: BLE001
            report.problems.append(f"{folder / (sid + '.pst')}: the postings of {fieldname}:{btext[:40]!r} "
                                   f"cannot be read ({type(exc).__name__}: {exc})")
            return
        report.posting_lists += 1
        if isinstance(text, str) and len(ids) >= HOT_MIN_POSTINGS:
            lists[(fieldname, text)] = (ids, weights)
    for name in _COLUMNS:
        try:
            column = leaf.column_reader(name, translate=False)  # type: ignore[attr-defined]
            values = [column[d] for d in range(n)]
        except Exception as exc:  # noqa: BLE001
            report.problems.append(f"{folder / (sid + '.' + name + '.col')} cannot be read ({type(exc).__name__}: {exc})")
            return
        if name == "p":
            for d, value in enumerate(values):
                try:
                    stored = StoredPassage.unpack(value)
                except Exception as exc:  # noqa: BLE001
                    report.problems.append(f"{folder / (sid + '.p.col')}: passage {d} cannot be read "
                                           f"({type(exc).__name__}: {exc})")
                    return
                if not leaf.is_deleted(d):  # type: ignore[attr-defined]
                    item_passages[stored.item_id] += 1
                    report.passages += 1
    _check_hot_lists(folder, sid, lists, report)


def _check_hot_lists(folder: Path, sid: str, lists: dict[tuple[str, str], tuple[np.ndarray, np.ndarray]],
                     report: CheckReport) -> None:
    path = hot_list_path(folder, sid)
    if not path.exists():
        return  # allowed: searches read those words from the segment (see indexer.postings)
    try:
        hot = HotLists(path)
    except Exception as exc:  # noqa: BLE001
        report.problems.append(f"{path} cannot be read ({type(exc).__name__}: {exc})")
        return
    if len(hot) != len(lists):
        report.problems.append(f"{path} holds {len(hot)} posting lists, the segment has {len(lists)} long enough")
        return
    for (fieldname, text), (ids, weights) in lists.items():
        got = hot.get(fieldname, text)
        if got is None or not np.array_equal(got[0], ids) or not np.allclose(got[1], weights, rtol=1e-6):
            report.problems.append(f"{path}: the list of {fieldname}:{text!r} differs from the segment's")
            return
        report.hot_lists += 1


def _check_item_store(gen: store.Generation, report: CheckReport, item_passages: Counter[str]) -> None:
    path = gen.path / FILENAME
    try:
        db = ItemStore(gen.path)
        try:
            result = db.integrity()
            if result != "ok":
                report.problems.append(f"{path} is damaged ({result})")
                return
            files, items, passages = db.counts()
            rows = db.passage_counts()
        finally:
            db.close()
    except sqlite3.DatabaseError as exc:
        report.problems.append(f"{path} cannot be read ({exc})")
        return
    report.files, report.items = files, items
    missing = sorted(set(item_passages) - set(rows))
    if missing:
        report.problems.append(f"{path} lacks {len(missing)} items the segments hold (e.g. {missing[0]})")
    if len(rows) != len(item_passages):
        report.problems.append(f"{path} lists {len(rows):,} items, the segments hold passages of {len(item_passages):,}")
    wrong = sorted(i for i, n in item_passages.items() if i in rows and rows[i] != n)
    if wrong:
        report.problems.append(f"{path} gives item {wrong[0]} {rows[wrong[0]]} passages, the segments hold "
                               f"{item_passages[wrong[0]]} (and {len(wrong) - 1} more items disagree)")
    if passages != report.passages:
        report.problems.append(f"{path} lists {passages:,} passages by source file, the segments hold {report.passages:,}")
    recorded = tuple(gen.meta.get(k) for k in ("files", "items", "passages"))
    if recorded != (files, items, passages):
        report.problems.append(f"{gen.path / store.META} records {recorded[0]} files, {recorded[1]} items and "
                               f"{recorded[2]} passages; the item store holds {files}, {items} and {passages}")
