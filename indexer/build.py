"""Build an index from a corpus folder: parse every file, write passages, publish.

A broken file is reported (path and reason) and skipped; the rest is indexed. A full
build writes a fresh generation folder that only becomes live when it is complete and
flushed to disk (see :mod:`indexer.store`), so a failed or killed build leaves the
previous index serving. Large corpora are split between worker processes, each parsing
its share and writing index segments. :func:`update_index` re-indexes only the files
that were added, changed or removed since the live state, into a new generation made of
hard links to the live one's segments plus the new ones, published the same way. Builds
and updates of one index folder take turns (an OS file lock).
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import logging
import multiprocessing
import os
import queue
import sqlite3
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from whoosh.index import create_in
from whoosh.writing import SegmentWriter

from . import store
from .acronyms import mine
from .bulk import PassagePostings
from .analysis import recording_stems, terms
from .errors import BuildError, IndexDamagedError, IndexMissingError, MinutesError, ParseError
from .itemstore import FILENAME, ItemMeta, ItemStore, SourceRecord
from .manifest import MANIFEST_NAME, Manifests, load_manifests
from .model import Document, Item
from .parse import MAX_BYTES, SUPPORTED_SUFFIXES, parse_bytes
from .postings import HOT_EXT, HOT_MIN_POSTINGS, write_hot_list_file, write_missing_hot_lists
from .series import series_key, series_stems
from .urls import encoded_url
from .schema import (
    EXACT_TITLE_WEIGHT, StoredPassage, build_schema, date_key, item_number_key, text_parts,
)
from .synonyms import glossary_stems
from .whoosh_fixes import SegmentBuilder

log = logging.getLogger(__name__)

#: Called once per source file, after it has been handled, with its corpus-relative name.
ProgressFn = Callable[[str], None]

#: Below this many files a build runs in one process (starting workers costs more).
PARALLEL_MIN_FILES = 200
#: Memory each segment writer may use before spilling sorted runs to disk.
WRITER_LIMIT_MB = 256
#: Postings a build's segment builder holds (estimated MB) before its segment is closed.
SEGMENT_MB = 230
#: What one posting held in memory costs, about (see whoosh_fixes.SegmentBuilder).
POSTING_BYTES = 24


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file that was not indexed, and why."""

    path: str
    reason: str


@dataclass(slots=True)
class BuildReport:
    """What a build or update did, for the summary line and for tests."""

    corpus: Path
    index: Path
    generation: str = ""
    files: int = 0
    items: int = 0
    passages: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    processes: int = 1
    #: for updates: files left as they were, and files removed from the index
    unchanged: int = 0
    removed: int = 0


def find_sources(corpus: Path) -> list[Path]:
    """Return the files under ``corpus`` that look like minutes, in a stable order.

    Hidden files and folders, manifests and READMEs are not minutes and are left out
    silently.
    """
    return [corpus / name for name in source_names(corpus)]


def source_names(corpus: Path) -> list[str]:
    """Return the corpus-relative POSIX names of the files :func:`find_sources` finds."""
    if not corpus.is_dir():
        raise BuildError(f"Corpus folder {corpus} does not exist or is not a folder.")
    names = []
    for folder, dirs, files in os.walk(corpus):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        rel = os.path.relpath(folder, corpus)
        prefix = "" if rel == "." else rel.replace(os.sep, "/") + "/"
        for f in files:
            if f.startswith(".") or f == MANIFEST_NAME or f.upper().startswith("README"):
                continue
            names.append(prefix + f)
    return sorted(names)


# ---------------------------------------------------------------------- full builds


def build_index(
    corpus: Path, index_root: Path, *, on_file: ProgressFn | None = None, processes: int | None = None,
    wait: bool = False,
) -> BuildReport:
    """Index every minute file under ``corpus`` into a new generation under ``index_root``.

    ``processes`` defaults to one per CPU for large corpora. Holds the index's writer
    lock throughout (with ``wait``, waits for another build or update to finish instead
    of raising :class:`IndexBusyError`), so the corpus is read after any update that
    came first. Returns the report; raises :class:`BuildError` (leaving any previous
    index live) when nothing could be indexed or the index could not be written.
    """
    with store.writer_lock(index_root, wait=wait, what="build"):
        return _build(corpus, index_root, on_file, processes)


def _build(corpus: Path, index_root: Path, on_file: ProgressFn | None, processes: int | None) -> BuildReport:
    started = time.perf_counter()
    report = BuildReport(corpus=corpus, index=index_root)
    _collect_garbage(index_root)  # what killed builds and updates left behind
    names = source_names(corpus)
    store.crash_point("build:listed")
    manifests, manifest_errors = load_manifests(corpus)
    report.warnings.extend(str(e) for e in manifest_errors)
    procs = processes or (min(os.cpu_count() or 1, 4) if len(names) >= PARALLEL_MIN_FILES else 1)
    procs = max(1, min(procs, len(names) or 1))
    report.processes = procs

    previous = store.current_name(index_root)
    gen = store.create_generation(index_root)
    try:
        ix = create_in(str(gen), build_schema())
        shards = [names[i::procs] for i in range(procs)]
        fixed_stems: dict[str, str] = {}

        def meanwhile() -> None:  # work of the parent's that needs no worker's result
            fixed_stems.update({**glossary_stems(), **series_stems()})

        if procs == 1:
            results = [_index_shard(str(gen), str(corpus), shards[0], on_file, manifests)]
            meanwhile()
        else:
            results = _run_workers(str(gen), str(corpus), shards, on_file, manifests, meanwhile)
        items: list[ItemMeta] = []
        sources: list[SourceRecord] = []
        stems: dict[str, str] = {}
        acronyms: Counter[tuple[str, str]] = Counter()
        for r in results:
            stems.update(r.stems)
            acronyms.update(r.acronyms)
            report.files += len(r.sources)
            report.items += len(r.items)
            report.passages += r.passages
            report.skipped.extend(r.skipped)
            report.warnings.extend(r.warnings)
            items.extend(r.items)
            sources.extend(r.sources)
        report.skipped.sort(key=lambda s: s.path)
        if report.files == 0:
            raise BuildError(f"Nothing to index in {corpus}: {len(names)} files found, none readable as minutes.")
        _commit_segments(ix, [segment for r in results for segment in r.segments])
        store.crash_point("build:segments")
        db = ItemStore(gen, writable=True)
        try:
            db.replace(items, sources)
            db.add_stems({**fixed_stems, **stems})
            db.add_acronyms(acronyms)
            db.compact()
        finally:
            db.close()
        store.crash_point("build:item-store")
        report.seconds = time.perf_counter() - started
        store.seal(gen, {**_meta(report), "previous": previous})
        store.crash_point("build:sealed")
        store.publish(index_root, gen)
    except MinutesError:
        store.discard(gen)
        raise
    except BaseException as exc:
        store.discard(gen)
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        raise _write_failure(exc, index_root) from exc
    store.crash_point("build:published")
    _collect_garbage(index_root)
    report.generation = gen.name
    report.seconds = time.perf_counter() - started
    return report


def _write_failure(exc: BaseException, index_root: Path) -> BuildError:
    """A sentence for an error met while writing an index (never a traceback)."""
    if isinstance(exc, sqlite3.OperationalError) and "full" in str(exc):
        exc = OSError(errno.ENOSPC, "No space left on device", str(index_root))
    if not isinstance(exc, OSError):
        log.debug("index write failed", exc_info=exc)
    return store.write_error(exc, index_root, "the index folder")


def _collect_garbage(index_root: Path, keep: tuple[Path, ...] = ()) -> store.GcReport:
    """Remove unneeded generations (see :func:`indexer.store.collect_garbage`); a failure
    to remove one is logged: it never fails the build or update that asked."""
    try:
        report = store.collect_garbage(index_root, keep)
    except OSError as exc:
        log.warning("could not remove old index states in %s (%s)", index_root, exc)
        return store.GcReport()
    if report.removed:
        log.info("removed %d unneeded index states from %s (%.1f MB)", len(report.removed), index_root,
                 report.freed_bytes / 1e6)
    return report


def collect_garbage(index_root: Path, *, wait: bool = False) -> store.GcReport:
    """Remove the states of ``index_root`` that are neither live, nor the previous one,
    nor in use by a reader (``minutes index --gc``); return what was freed."""
    if not index_root.is_dir():
        raise IndexMissingError(f"No index found in {index_root}.")
    with store.writer_lock(index_root, wait=wait, what="gc"):
        return store.collect_garbage(index_root)


@dataclass(slots=True)
class _ShardResult:
    segments: list[Any] = field(default_factory=list)
    items: list[ItemMeta] = field(default_factory=list)
    sources: list[SourceRecord] = field(default_factory=list)
    passages: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: word → stem for every word analysed (see analysis.recording_stems)
    stems: dict[str, str] = field(default_factory=dict)
    #: acronym definitions in the files read: (short, long) → times (see indexer.acronyms)
    acronyms: Counter[tuple[str, str]] = field(default_factory=Counter)


def _index_shard(gen: str, corpus: str, names: list[str], on_file: ProgressFn | None,
                 manifests: Manifests | None = None) -> _ShardResult:
    """Parse ``names`` and write them as new segments of the index in ``gen``.

    Postings are held in memory (see :class:`indexer.whoosh_fixes.SegmentBuilder`); a
    segment is closed once it holds about :data:`SEGMENT_MB` of them, and another begun.
    Each passage's text is analysed once for both the stemmed and the exact field.
    ``manifests`` are the corpus's (read here if not given).
    """
    from whoosh.index import open_dir

    result = _ShardResult()
    root = Path(corpus)
    if manifests is None:
        manifests = load_manifests(root)[0]
    ix = open_dir(gen)
    full = SEGMENT_MB * 1024 * 1024 / POSTING_BYTES

    builder, bulk = new_builder(ix)
    try:
        with recording_stems() as result.stems:
            for name in names:
                parsed = _read(root, name, manifests, result)
                if parsed is not None:
                    doc, record = parsed
                    for fields in passage_fields(doc):
                        add_passage(builder, bulk, fields)
                    committee_terms(doc)
                    result.passages += record.passages
                    result.items.extend(item_metas(doc))
                    result.sources.append(record)
                    result.acronyms.update(mine(doc))
                    if builder.size + bulk.size > full:
                        result.segments.append(_finish_segment(builder, Path(gen)))
                        builder, bulk = new_builder(ix)
                if on_file is not None:
                    on_file(name)
    except BaseException:
        builder.cancel()
        raise
    if builder.docnum:
        result.segments.append(_finish_segment(builder, Path(gen)))
    else:
        builder.cancel()
    return result


def new_builder(ix: Any) -> tuple[SegmentBuilder, PassagePostings]:
    """A writer of one new segment, whose ``text`` and ``exact`` postings are built in
    bulk (see :mod:`indexer.bulk`)."""
    bulk = PassagePostings()
    return SegmentBuilder(ix, {"text": bulk.text_terms, "exact": bulk.exact_terms}, hot_min=HOT_MIN_POSTINGS), bulk


def add_passage(builder: SegmentBuilder, bulk: PassagePostings, fields: dict[str, Any]) -> None:
    """Add a passage's fields (from :func:`passage_fields`) to a new segment. Each part
    of its text is analysed once for both the stemmed and the exact field (the exact
    parts differ only on an item's first passage, where they also hold the title)."""
    exact = None if fields["exact"] is fields["text"] else fields["exact"]
    text_length, exact_length = bulk.add(builder.docnum, fields["text"], exact)
    builder.add_document(fields, {"text": text_length, "exact": exact_length})


def _finish_segment(builder: SegmentBuilder, folder: Path) -> Any:
    """Write out a segment and its hot-list file; return the segment, to be committed
    with the others."""
    segment = builder.finish()
    write_hot_list_file(folder, segment.segment_id(), builder.hot)
    builder.hot.clear()
    return segment


def _commit_segments(ix: Any, segments: list[Any]) -> None:
    """Make the given segments the index's contents (as whoosh.multiproc's MpWriter does)."""
    writer = SegmentWriter(ix, _lk=False, compound=False)  # the writer lock is ours (see store.writer_lock)
    try:
        writer._close_segment()  # this writer's own segment stays empty
        writer._commit_toc(segments)
    finally:
        writer._finish()


def _run_workers(gen: str, corpus: str, shards: list[list[str]], on_file: ProgressFn | None,
                 manifests: Manifests, meanwhile: Callable[[], None] | None = None) -> list[_ShardResult]:
    """Index each shard in a worker process; relay progress; return their results.
    ``meanwhile`` is called once the workers have started (the parent's own work, done
    while they run rather than after them)."""
    ctx = multiprocessing.get_context("fork")  # the workers inherit the manifests read here
    messages = ctx.Queue()
    parent = os.getpid()
    workers = [ctx.Process(target=_worker, args=(gen, corpus, shard, i, messages, parent, manifests), daemon=True)
               for i, shard in enumerate(shards)]
    for w in workers:
        w.start()
    results: dict[int, _ShardResult] = {}
    try:
        if meanwhile is not None:
            meanwhile()
        while len(results) < len(workers):
            try:
                kind, index, payload = messages.get(timeout=1.0)
            except queue.Empty:
                dead = [i for i, w in enumerate(workers) if i not in results and w.exitcode not in (None, 0)]
                if dead:
                    code = workers[dead[0]].exitcode or 0
                    how = f"killed by signal {-code}" if code < 0 else f"exit code {code}"
                    raise BuildError(
                        f"An indexing worker process stopped unexpectedly ({how}"
                        f"{', perhaps for lack of memory' if code == -9 else ''}); the previous index is unchanged. "
                        "Run the build again (with -j 1 if memory is short)."
                    )
                continue
            if kind == "files":
                if on_file is not None:
                    for name in payload:
                        on_file(name)
            elif kind == "done":
                results[index] = payload
            else:
                message, details = payload
                log.debug("worker %d failed:\n%s", index, details)
                raise BuildError(message)
    finally:
        for w in workers:
            if w.is_alive() and len(results) < len(workers):
                w.terminate()
            w.join()
    return [results[i] for i in range(len(workers))]


#: Seconds between a worker's progress messages: the files done are sent in batches, as
#: a message per file cost the parent about a second of CPU per 10,000 files.
PROGRESS_SECONDS = 0.1


def _worker(gen: str, corpus: str, names: list[str], index: int, messages: Any, parent: int,
            manifests: Manifests) -> None:
    at = [""]
    done: list[str] = []
    sent = [time.monotonic()]

    def send() -> None:
        if done:
            messages.put(("files", index, done[:]))
            done.clear()
        sent[0] = time.monotonic()

    def progress(name: str) -> None:
        if os.getppid() != parent:  # the build was killed: stop, do not write on for no one
            os._exit(1)
        at[0] = name
        done.append(name)
        if time.monotonic() - sent[0] >= PROGRESS_SECONDS:
            send()

    try:
        result = _index_shard(gen, corpus, names, progress, manifests)
        send()
        messages.put(("done", index, result))
    except BaseException as exc:  # noqa: BLE001 - reported to the parent as a sentence
        failure = _write_failure(exc, Path(gen).parent)
        where = f" after {at[0]}" if at[0] else ""
        messages.put(("error", index, (f"Indexing failed in worker process {index + 1}{where}: {failure}",
                                       traceback.format_exc())))


# ---------------------------------------------------------------------- updates


def add_files(corpus: Path, index_root: Path, files: Sequence[Path | str], *, wait: bool = False) -> BuildReport:
    """Index (or re-index) just these files of ``corpus`` into the live index, in place.

    For a harvester that knows what it has just written: nothing else in the corpus is
    looked at (so nothing is removed either; see :func:`update_index`). ``files`` are
    paths to the files (absolute or from the current directory) or names relative to
    ``corpus``.
    """
    root = corpus.resolve()
    names = []
    for f in files:
        path = Path(f)
        if path.is_absolute() or path.resolve().is_relative_to(root):  # a path to the file
            if not path.resolve().is_relative_to(root):
                raise ValueError(f"{f} is not in the corpus folder {corpus}")
            path = path.resolve().relative_to(root)
        names.append(path.as_posix())  # else a name relative to the corpus folder
    return update_index(corpus, index_root, only=names, wait=wait)


def update_index(
    corpus: Path, index_root: Path, *, on_file: ProgressFn | None = None, only: Sequence[str] | None = None,
    wait: bool = False,
) -> BuildReport:
    """Bring the index up to date with ``corpus`` without a rebuild.

    Files added or changed since they were indexed (content or manifest metadata) are
    re-indexed, files gone from the corpus are removed, the rest is left alone. The
    result is a new state of the index, published at once (segments, item store and
    metadata together; see :mod:`indexer.store`): a running search engine switches to it
    within a second. With ``only``, just those corpus-relative files are considered.
    With no index yet, does a full build. Holds the writer lock (see
    :func:`build_index` for ``wait``); refuses a damaged index.
    """
    with store.writer_lock(index_root, wait=wait, what="update"):
        if not (index_root / store.CURRENT).exists():
            return _build(corpus, index_root, on_file, None)
        return _update(corpus, index_root, on_file, only)


def _update(corpus: Path, index_root: Path, on_file: ProgressFn | None, only: Sequence[str] | None) -> BuildReport:
    started = time.perf_counter()
    report = BuildReport(corpus=corpus, index=index_root)
    _collect_garbage(index_root)
    live = store.current(index_root)
    redo = _refuse_damaged(live, index_root)
    report.generation = live.name
    selected = None if only is None else sorted(set(only))
    manifests, manifest_errors = load_manifests(corpus, selected)
    report.warnings.extend(str(e) for e in manifest_errors)
    result = _ShardResult()
    docs: list[Document] = []
    touched: list[SourceRecord] = []  # same content, new modification time
    stale: list[str] = []  # sources whose old passages must go
    stale_ids: list[str] = []
    db = ItemStore(live.path)
    try:
        known = db.sources(selected)
        if selected is None:
            names = source_names(corpus)
            gone = sorted(set(known) - set(names))
        else:
            names, gone = selected, []
        stale.extend(gone)
        for name in names:
            old = known.get(name)
            if old is not None:
                state = _unchanged(corpus, name, manifests, old)
                if state is not None:
                    report.unchanged += 1
                    if state is not old:
                        touched.append(state)
                    if on_file is not None:
                        on_file(name)
                    continue
                stale.append(name)
            parsed = _read(corpus, name, manifests, result)
            if parsed is not None:
                docs.append(parsed[0])
                result.sources.append(parsed[1])
                result.items.extend(item_metas(parsed[0]))
                result.passages += parsed[1].passages
                result.acronyms.update(mine(parsed[0]))
            if on_file is not None:
                on_file(name)
        for name in stale:
            stale_ids.extend(db.item_ids(name))
    except sqlite3.DatabaseError as exc:
        raise _damaged(index_root, f"{live.path / FILENAME} cannot be read ({exc})") from exc
    finally:
        db.close()
    store.crash_point("update:parsed")
    report.files, report.items, report.passages = len(result.sources), len(result.items), result.passages
    report.skipped = sorted(result.skipped, key=lambda s: s.path)
    report.warnings.extend(result.warnings)
    report.removed = len(gone)
    if docs or stale or touched or redo:
        gen = store.create_generation(index_root)
        try:
            _write_update(live, gen, docs, stale, stale_ids, touched, result, redo)
        except MinutesError:
            store.discard(gen)
            raise
        except BaseException as exc:
            store.discard(gen)
            if isinstance(exc, (KeyboardInterrupt, SystemExit)):
                raise
            raise _write_failure(exc, index_root) from exc
        store.crash_point("update:published")
        report.generation = gen.name
        _collect_garbage(index_root)
    report.seconds = time.perf_counter() - started
    return report


def _write_update(
    live: store.Generation, gen: Path, docs: list[Document], stale: list[str], stale_ids: list[str],
    touched: list[SourceRecord], result: _ShardResult, redo: frozenset[str],
) -> None:
    """Write the updated state into the new folder ``gen``, seal and publish it. Hot-list
    files named in ``redo`` (missing or damaged in the live state) are written anew."""
    from whoosh.index import open_dir

    store.link_generation(live.path, gen, FILENAME, skip=redo)
    store.crash_point("update:linked")
    stems: dict[str, str] = {}
    ix = open_dir(str(gen))
    if docs or stale:
        writer = SegmentWriter(ix, _lk=False, compound=False, limitmb=WRITER_LIMIT_MB)
        try:
            for iid in stale_ids:
                writer.delete_by_term("item_id", iid)
            with recording_stems() as stems:
                for doc in docs:
                    for fields in passage_fields(doc):
                        writer.add_document(**fields)
                    committee_terms(doc)
            store.crash_point("update:added")
            writer.commit()
        except BaseException:
            if not writer.is_closed:
                writer.cancel()
            raise
        store.crash_point("update:segments")
    _write_missing_hot_lists(ix, gen)
    store.crash_point("update:hot-lists")
    db = ItemStore(gen, writable=True)
    try:
        if touched:
            db.replace([], touched)
        if docs or stale:
            db.replace(result.items, result.sources)
            db.add_stems(stems)
            db.add_acronyms(result.acronyms)
            db.remove(stale, keep={m.item_id for m in result.items}, keep_sources={s.source for s in result.sources})
        files, items, passages = db.counts()
    finally:
        db.close()
    store.crash_point("update:item-store")
    meta = {k: v for k, v in live.meta.items() if k not in ("format", "contents", "previous")}
    meta.update(files=files, items=items, passages=passages, updated_at=_now(), previous=live.name)
    store.seal(gen, meta, parent=live)
    store.crash_point("update:sealed")
    store.publish(live.path.parent, gen)


def _damaged(index_root: Path, what: str) -> IndexDamagedError:
    return IndexDamagedError(
        f"The index in {index_root} is damaged: {what}. An update cannot repair it; "
        f"rebuild it with: minutes index CORPUS --index {index_root}"
    )


def _refuse_damaged(live: store.Generation, index_root: Path) -> frozenset[str]:
    """Raise IndexDamagedError if the live state's files, segments and item store do not
    agree (cheap checks: sizes against the manifest, and counts). Return the names of
    hot-list files that are missing or damaged: they only repeat what the segments hold,
    so the update writes them anew instead of refusing."""
    problems = store.verify_files(live)
    redo = frozenset(p.path.name for p in problems if p.path.suffix == HOT_EXT)
    problems = [p for p in problems if p.path.suffix != HOT_EXT]
    if problems:
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        raise _damaged(index_root, f"{problems[0]}{more}")
    ix = store.open_generation(live)
    try:
        with ix.reader() as reader:
            indexed = reader.doc_count()
    except Exception as exc:  # noqa: BLE001 - a damaged segment fails in many ways
        raise _damaged(index_root, f"its segments in {live.path} cannot be read ({type(exc).__name__}: {exc})") from exc
    try:
        db = ItemStore(live.path)
        try:
            files, items, passages = db.counts()
        finally:
            db.close()
    except sqlite3.DatabaseError as exc:
        raise _damaged(index_root, f"{live.path / FILENAME} cannot be read ({exc})") from exc
    if passages != indexed:
        raise _damaged(index_root, f"{live.path / FILENAME} lists {passages:,} passages but the segments hold {indexed:,}")
    recorded = tuple(live.meta.get(k) for k in ("files", "items", "passages"))
    if recorded != (files, items, passages):
        raise _damaged(index_root, f"{live.path / FILENAME} holds {files:,} files, {items:,} items and {passages:,} "
                                   f"passages, but {live.path / store.META} records {recorded[0]}, {recorded[1]} and {recorded[2]}")
    return redo


def _write_missing_hot_lists(ix: Any, gen: Path) -> None:
    """Write hot-list files for the segments a commit made (the new one, and any Whoosh
    merged). They only speed searches up: a failure other than a full disk is logged,
    and the next update writes them."""
    try:
        with ix.reader() as reader:
            write_missing_hot_lists(gen, reader)
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise
        log.warning("could not write hot-list files in %s (%s); searches read those words from the index", gen, exc)


# ---------------------------------------------------------------------- one file


def _meta_hash(manifests: Manifests, name: str) -> str:
    return hashlib.sha1(repr(manifests.meeting_for(name)).encode("utf-8")).hexdigest()


def _unchanged(corpus: Path, name: str, manifests: Manifests, old: SourceRecord) -> SourceRecord | None:
    """Return ``old`` (or it with a new modification time) if the file is as indexed, else None.

    Size and modification time settle it without reading the file; if they differ, the
    content hash decides (a file touched but not changed is not re-indexed).
    """
    if _meta_hash(manifests, name) != old.meta:
        return None
    try:
        st = os.stat(corpus / name)
    except OSError:
        return None
    if st.st_size == old.size and st.st_mtime_ns == old.mtime_ns:
        return old
    try:
        data = (corpus / name).read_bytes()
    except OSError:
        return None
    if hashlib.sha1(data).hexdigest() != old.sha1:
        return None
    return SourceRecord(name, old.sha1, old.meta, st.st_size, st.st_mtime_ns, old.items, old.passages)


def _read(corpus: Path, name: str, manifests: Manifests, result: _ShardResult) -> tuple[Document, SourceRecord] | None:
    """Parse one corpus file into a document and its source record, or record why not."""
    path = corpus / name
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        result.skipped.append(Skipped(name, f"unsupported file type {path.suffix or '(none)'}"))
        return None
    try:
        st = os.stat(path)
        if st.st_size > MAX_BYTES:
            raise ParseError(name, f"file too large ({st.st_size // (1024 * 1024)} MB)")
        data = path.read_bytes()
        doc = parse_bytes(data, str(path), source=name)
    except OSError as exc:
        result.skipped.append(Skipped(name, f"cannot read file ({exc.strerror or exc})"))
        return None
    except ParseError as exc:
        result.skipped.append(Skipped(name, exc.reason))
        return None
    except Exception as exc:  # a parser bug must not lose the rest of the archive
        log.exception("unexpected error parsing %s", name)
        result.skipped.append(Skipped(name, f"unexpected parser error ({type(exc).__name__}: {exc})"))
        return None
    if not doc.items:
        result.skipped.append(Skipped(name, "no agenda items or minutes text found"))
        return None
    doc = doc.with_defaults(manifests.meeting_for(name))
    result.warnings.extend(f"{name}: {w}" for w in doc.warnings)
    passages = sum(max(1, len(i.passages)) for i in doc.items)
    record = SourceRecord(name, hashlib.sha1(data).hexdigest(), _meta_hash(manifests, name), st.st_size,
                          st.st_mtime_ns, len(doc.items), passages)
    return doc, record


def item_id(source: str, position: int) -> str:
    """Return the stable id of the ``position``-th item of a source file."""
    return _digest(f"{source}#{position}")


def item_metas(doc: Document) -> Iterator[ItemMeta]:
    """Yield the item store rows for ``doc``."""
    for position, item in enumerate(doc.items):
        m = item.meeting
        yield ItemMeta(
            item_id=item_id(doc.source, position),
            source=doc.source,
            kind=doc.kind,
            meeting_id=meeting_id(m.committee, m.date, doc.source),
            position=position,
            number=item.number,
            title=item.title,
            committee=" ".join(m.committee.split()) if m.committee else None,
            date=m.date,
            url=citation_url(item.url, m.url),
            procedural=item.procedural,
            passages=max(1, len(item.passages)),
            series=series_key(item.title),
        )


def passage_fields(doc: Document) -> Iterator[dict[str, Any]]:
    """Yield the index fields of every passage of ``doc`` (one document per passage).

    An item with no minutes text still gets one document, so its title can be found.
    """
    for position, item in enumerate(doc.items):
        iid = item_id(doc.source, position)
        base = _item_fields(doc, item, iid)
        passages = item.passages or (None,)
        for ordinal, p in enumerate(passages):
            body = p.text if p else ""
            name = p.speaker_name if p else None
            parts = text_parts(name, body)
            fields = {
                **base,
                "ordinal": ordinal,
                "section": p.section if p else "summary",
                "text": parts,
                # the exact words hold the title too, on the item's first passage (an
                # exact search has no passage-and-title field of its own)
                "exact": [(item.title, EXACT_TITLE_WEIGHT), *parts] if ordinal == 0 else parts,
                "p": StoredPassage(iid, ordinal, p.section if p else "summary",
                                   p.speaker_role if p else None, name, body).pack(),
            }
            if ordinal == 0:
                fields["title"] = item.title
            if p and p.speaker_role:
                fields["speaker"] = p.speaker_role
            if name:
                fields["speaker_name"] = name
            yield fields


def committee_terms(doc: Document) -> None:
    """Analyse the document's committee names, as a search does for ``committee:`` filters,
    so that a build recording stems records their words (they are not indexed as text)."""
    for name in {i.meeting.committee for i in doc.items if i.meeting.committee}:
        terms(name)


def _item_fields(doc: Document, item: Item, iid: str) -> dict[str, Any]:
    meeting = item.meeting
    fields: dict[str, Any] = {
        "item_id": iid,
        "item_no": int(iid, 16),
    }
    if item.procedural:
        fields["procedural_item"] = "1"
    if item.number:
        fields["item_key"] = item_number_key(item.number)
    if meeting.committee:
        fields["committee_key"] = " ".join(meeting.committee.split())
    if meeting.date:
        fields["date"] = date_key(meeting.date)
    return fields


def citation_url(item_url: str | None, meeting_url: str | None) -> str | None:
    """Return the absolute link to cite for an item: its own page, else its meeting's.

    Pages link items relatively ("mgAi.aspx?ID=9", "documents/s1234/Report.pdf"); such a
    link is resolved against the meeting's address, and dropped if there is none to
    resolve it against (a relative link cannot be followed from our pages).
    """
    if item_url and urlsplit(item_url).scheme in ("http", "https"):
        return encoded_url(item_url)
    if item_url and meeting_url and urlsplit(meeting_url).scheme in ("http", "https"):
        return encoded_url(urljoin(meeting_url, item_url))
    return encoded_url(meeting_url) if meeting_url and urlsplit(meeting_url).scheme in ("http", "https") else None



def meeting_id(committee: str | None, date: dt.date | None, source: str) -> str:
    """Return a stable id for a meeting: by committee and date when both are known."""
    if committee and date:
        return _digest(f"{' '.join(committee.lower().split())}|{date.isoformat()}")
    return _digest(f"source:{source}")


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=6).hexdigest()


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _meta(report: BuildReport) -> dict[str, Any]:
    return {
        "built_at": _now(),
        "corpus": str(report.corpus),
        "files": report.files,
        "items": report.items,
        "passages": report.passages,
        "processes": report.processes,
        "skipped": [{"path": s.path, "reason": s.reason} for s in report.skipped],
        "seconds": round(report.seconds, 3),
    }


