"""Search an index: ranked, filtered, paginated passages with highlighted snippets.

:class:`SearchEngine` is the only way the CLI and web UI reach the index. It keeps the
live generation open and pinned (no writer removes it while it is in use), with a pool of
searchers (each used by one thread at a time, as Whoosh requires), notices new builds and
updates, and switches to them.
"""

from __future__ import annotations

import logging
import pickle
import sqlite3
import struct
import threading
import zlib
import time
from collections.abc import Iterator
from contextlib import contextmanager
import datetime as dt
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from whoosh import query as wq
from whoosh.index import Index
from whoosh.scoring import BM25F
from whoosh.searching import Searcher

from . import fewpage, ranking, store
from .analysis import learn_stems, terms
from .errors import IndexDamagedError, MinutesError, NotFoundError
from .executor import UNKNOWN_DATE, Coverage, Evaluator, IndexArrays
from .itemstore import ItemMeta, ItemStore
from .lru import Lru
from .query import (
    DEFAULT_FIELD,
    Combined,
    Concept,
    ParsedQuery,
    analysed_name,
    compile_filter,
    date_range_query,
    parse_query,
    resolve_committees,
)
from .facets import FACETS, FacetArrays, LazyFacets, Selection, keep, summarise
from .glossary import RELATED_WEIGHT
from .results import (
    SORTS,
    Export,
    ExportRow,
    FacetValue,
    Hit,
    ItemPassage,
    ItemRef,
    ItemView,
    Overview,
    Period,
    ResultPage,
    SearchRequest,
    Sort,
)
from .schema import CompactPositions, StoredPassage
from .snippets import Marks, highlight, snippet
from .spelling import Speller, corrected_query
from .synonyms import Synonyms, build_synonyms
from .vocab import ROLES, SECTIONS, resolve_role, resolve_section

log = logging.getLogger(__name__)

RECHECK_SECONDS = 1.0
#: At most this long, a new live state scores again in the background the common words
#: the old one kept scored (see IndexArrays.rescore).
RESCORE_SECONDS = 0.5
#: How often a watching engine (a server worker) looks for a new state in the background.
WATCH_SECONDS = 0.5
#: What reading a damaged index file raises (besides Whoosh's own errors).
READ_ERRORS = (OSError, EOFError, struct.error, zlib.error, pickle.UnpicklingError, sqlite3.DatabaseError, ValueError)
#: Fields scored with BM25F (the others only filter).
SCORED_FIELDS = ("text", "title", "speaker_name", "exact")
#: The fewest best matches sorted in full before a page is cut out (see _rank).
MIN_WINDOW = 1000
MAX_IDLE_LEASES = 16
#: Fewer passages than this matching every word of a query count as few results: a word
#: may be misspelt (unknown to the index, or rare beside a frequent neighbour; see
#: indexer.spelling).
FEW_RESULTS = 1

__all__ = ["SORTS", "Export", "Hit", "ItemView", "Overview", "ResultPage", "SearchEngine", "SearchRequest", "labels"]


@dataclass(slots=True)
class _Lease:
    """What one request uses: a Whoosh searcher and a connection to the item store."""

    searcher: Searcher
    items: ItemStore
    _column: Any = None

    def passages(self) -> Any:
        """The stored-passage column, opened once per lease (opening reads every
        segment's offsets)."""
        if self._column is None:
            self._column = self.searcher.reader().column_reader("p")
        return self._column

    def close(self) -> None:
        self.searcher.close()
        self.items.close()


@dataclass(slots=True)
class _Live:
    """The open live generation: its index, facets and a pool of idle leases."""

    gen: store.Generation
    ix: Index
    toc: int  # Whoosh's own generation, which an incremental commit advances
    facets: dict[str, list[tuple[str, int]]]
    idle: list[_Lease]
    #: committee name → its analysed terms, for committee:"…" filters
    committee_terms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    arrays: IndexArrays | None = None
    #: the last batch of the item store's stem table learned (see analysis.learn_stems)
    stem_batch: int = 0
    #: this process's shared lock on the generation (see store.pin): no writer removes it
    pin: store.Pin | None = None
    #: leases out now; once replaced (retired), the pin goes with the last one
    users: int = 0
    retired: bool = False
    #: per-passage facet codes, built when a search first asks for counts
    facet_arrays: LazyFacets = field(default_factory=LazyFacets)
    #: the glossary and the acronyms defined in this index's minutes
    synonyms: Synonyms | None = None
    #: the words the index holds, for "did you mean"
    vocabulary: list[str] = field(default_factory=list)
    speller: Speller | None = None
    #: queries parsed against this state's synonyms, and its items' metadata (both
    #: constant for a generation: see :meth:`parse` and :meth:`items`)
    cache: _StateCache = field(default_factory=lambda: _StateCache())

    def parse(self, text: str, exact: bool) -> ParsedQuery:
        """``parse_query`` with this state's synonyms, remembered: a search is parsed again
        for its next page, its item pages and its facets."""
        return self.cache.parse(self, text, exact)

    def items(self, lease: _Lease, item_ids: Iterator[str] | list[str]) -> dict[str, ItemMeta]:
        """The metadata of these items, from memory or the lease's item store."""
        return self.cache.items(lease.items, item_ids)

    def lease(self) -> _Lease:
        return _Lease(self.ix.searcher(weighting=BM25F()), ItemStore(self.gen.path))

    def copy(self) -> _Live:
        """The same open state with an empty pool and no pin (for reopen and close)."""
        return _Live(self.gen, self.ix, self.toc, self.facets, [], self.committee_terms, self.arrays, self.stem_batch,
                     facet_arrays=self.facet_arrays, synonyms=self.synonyms, vocabulary=self.vocabulary,
                     speller=self.speller, cache=self.cache)


#: Parsed queries, item metadata and stored passages kept per open state (each entry
#: a few hundred bytes, a passage up to a few kilobytes: about 15 MB of passages). The
#: bench's 300 queries show about 4,500 passages a round; 4,096 of each, cycled through
#: in order, were all missed again.
CACHE_QUERIES = 1024
CACHE_ITEMS = 8192
CACHE_PASSAGES = 16384
#: Bytes (estimated, see :func:`_result_bytes`) of whole answers a server keeps per open
#: state and process when asked to (``SearchEngine(result_cache_bytes=…)``). A results
#: page of ten cards with its facet counts and timeline is estimated at about 30 KB on the
#: bench's 100k archive (its memory measured at about 11 KB more, its snippets being
#: shared with the marked-snippet cache), so this holds about 1,500 recent searches.
CACHE_RESULT_BYTES = 48 * 1024 * 1024


class _StateCache:
    """What searches of one open state look up again and again and never changes while it
    is open: parsed queries (for its synonyms), items' metadata and the stored passages
    of hits. Shared by the threads of a process; the least recently used entries go past
    the limits."""

    def __init__(self, result_bytes: int = 0) -> None:
        self._parsed: Lru[tuple[str, bool], ParsedQuery] = Lru(CACHE_QUERIES)
        self._items: Lru[str, ItemMeta] = Lru(CACHE_ITEMS)
        self._passages: Lru[int, StoredPassage] = Lru(CACHE_PASSAGES)
        #: whole answers, as Solr's queryResultCache and Elasticsearch's shard request
        #: cache keep them: a state never changes while it is open, so a request answered
        #: once is answered the same until a new state replaces this one (and its cache).
        #: None: answers are not kept (the default for the library, the CLI and the
        #: benchmarks' query timings, which measure evaluating a query).
        self.results: Lru[tuple[SearchRequest, bool], tuple[ResultPage, Overview | None]] | None = (
            Lru(result_bytes, weigh=_result_bytes) if result_bytes > 0 else None)

    def passages(self, lease: _Lease, docnums: list[int]) -> list[StoredPassage]:
        """The stored passages of these document numbers (read with ``lease`` if need be)."""
        found = self._passages.get_many(docnums)
        if all(p is not None for p in found):
            return found  # type: ignore[return-value]
        column = lease.passages()
        read = {d: StoredPassage.unpack(column[d]) for d, p in zip(docnums, found) if p is None}
        self._passages.put_many(read)
        return [p if p is not None else read[d] for d, p in zip(docnums, found)]

    def parse(self, live: _Live, text: str, exact: bool) -> ParsedQuery:
        key = (text, exact)
        hit = self._parsed.get(key)
        if hit is not None:
            return hit
        parsed = parse_query(text, exact, live.synonyms)  # raises QueryError (not kept) if malformed
        self._parsed.put(key, parsed)
        return parsed

    def items(self, store_: ItemStore, item_ids: Iterator[str] | list[str]) -> dict[str, ItemMeta]:
        ids = list(dict.fromkeys(item_ids))
        found = {i: meta for i, meta in zip(ids, self._items.get_many(ids)) if meta is not None}
        missing = [i for i in ids if i not in found]
        if missing:
            read = store_.items(missing)
            found.update(read)
            self._items.put_many(read)
        return found


class SearchEngine:
    """Answers searches against the live generation of an index folder."""

    def __init__(self, index_dir: Path | str, result_cache_bytes: int = 0) -> None:
        """Open the live state of ``index_dir``. With ``result_cache_bytes``, keep whole
        answers (hits, counts, facets, timeline) of recent searches up to about that many
        bytes per open state: a server answers a search asked again without evaluating
        it, and a new state starts with an empty cache, so updates show at once."""
        self.root = Path(index_dir)
        self.result_cache_bytes = result_cache_bytes
        self._lock = threading.Lock()
        self._live = self._open()
        self._checked = time.monotonic()
        self._refreshing = False
        self._watching: threading.Event | None = None

    # -------------------------------------------------------------- index handling

    def _open(self, previous: _Live | None = None) -> _Live:
        """Open and pin the live generation; given the one it replaces, warm the new
        one's caches with what that one had decoded (see :meth:`IndexArrays.carry_over`)."""
        for _ in range(10):
            gen = store.current(self.root)
            pin = store.pin(gen.path)
            if pin is None:
                continue  # removed as we looked (two publishes in between): read CURRENT again
            try:
                live = self._open_pinned(gen, previous)
            except BaseException:
                pin.release()
                raise
            live.pin = pin
            return live
        raise IndexDamagedError(f"The index in {self.root} changes faster than it can be opened; try again.")

    def _open_pinned(self, gen: store.Generation, previous: _Live | None) -> _Live:
        problems = store.verify_files(gen)
        if problems:
            more = f" (and {len(problems) - 1} more damaged files)" if len(problems) > 1 else ""
            raise IndexDamagedError(f"The index in {self.root} is damaged: {problems[0]}{more}. {store.rebuild_hint(self.root)}")
        ix = store.open_generation(gen)
        try:
            return self._load(gen, ix, previous)
        except READ_ERRORS as exc:
            raise self._damaged(gen, exc) from exc

    def _damaged(self, gen: store.Generation, exc: BaseException) -> IndexDamagedError:
        """The sentence for an error met reading the files of ``gen``."""
        where = getattr(exc, "filename", None) or gen.path
        return IndexDamagedError(
            f"The index in {self.root} cannot be read: {where} is damaged ({type(exc).__name__}: {exc}). "
            f"Find every damaged file with: minutes check --index {self.root}; {store.rebuild_hint(self.root)}"
        )

    def _load(self, gen: store.Generation, ix: Index, previous: _Live | None) -> _Live:
        live = _Live(gen, ix, ix.latest_generation(), {}, [], cache=_StateCache(self.result_cache_bytes))
        lease = live.lease()
        try:
            return self._warm(live, lease, previous)
        except BaseException:
            lease.close()
            raise

    def _warm(self, live: _Live, lease: _Lease, previous: _Live | None) -> _Live:
        gen = live.gen
        lease.items.counts()  # an item store without its tables fails here, not in a search
        after = previous.stem_batch if previous is not None and previous.gen.name == gen.name else 0
        live.stem_batch, stems = lease.items.stems(after)
        learn_stems(stems)  # before anything is analysed: words the index holds need no NLTK
        live.vocabulary = (previous.vocabulary if after and previous is not None else []) + list(stems)
        live.speller = Speller(live.vocabulary)
        live.synonyms = build_synonyms(lease.items.acronyms())
        live.facets = {"committee": _term_counts(lease.searcher, "committee_key")}
        live.committee_terms = {name: analysed_name(name) for name, _ in live.facets["committee"]}
        live.arrays = IndexArrays(lease.searcher.reader(), SCORED_FIELDS, CompactPositions.decode_many, gen.path)
        if previous is not None and previous.arrays is not None:
            started = time.perf_counter()
            carried = live.arrays.carry_over(previous.arrays, lease.searcher.reader())
            log.info("opened %s (%d passages); %d cached posting lists carried over in %.2fs",
                     gen.name, live.arrays.live_count, carried, time.perf_counter() - started)
        lease.passages()
        live.idle.append(lease)
        return live

    def _current(self) -> _Live:
        """Return the live generation. Unless a watcher thread does it (see :meth:`watch`),
        look for a newer one at most once a second and open it in the background:
        requests keep using the old one until the new one is ready."""
        if self._watching is None:
            now = time.monotonic()
            if now - self._checked > RECHECK_SECONDS and not self._refreshing:
                with self._lock:
                    if now - self._checked > RECHECK_SECONDS and not self._refreshing:
                        self._checked = now
                        if self._changed():
                            self._refreshing = True
                            threading.Thread(target=self._swap, name="minutes-index-refresh", daemon=True).start()
        return self._live

    def _changed(self) -> bool:
        name = store.current_name(self.root)
        return name is not None and name != self._live.gen.name

    def _swap(self) -> None:
        try:
            new = self._open(self._live)
        except Exception as exc:  # noqa: BLE001 - keep serving the old index; retry at the next check
            level = logging.WARNING if isinstance(exc, MinutesError) else logging.ERROR
            log.log(level, "could not open the new index in %s: %s", self.root, exc,
                    exc_info=not isinstance(exc, MinutesError))
            with self._lock:
                self._refreshing = False
            return
        with self._lock:
            old, self._live = self._live, new
            self._refreshing = False
            self._retire(old)
        if old.arrays is not None and new.arrays is not None and old.arrays.scored_count():
            threading.Thread(target=self._rescore, args=(old.arrays,), name="minutes-rescore", daemon=True).start()

    def _rescore(self, old: IndexArrays) -> None:
        """Score again for the new live state the common words the old one kept scored
        (see :meth:`IndexArrays.rescore`): in the background once it is live, so the new
        state is searchable as soon as it is open, and the searches after it soon find
        those words scored, as before it."""
        try:
            with self._lease() as (live, lease):
                if live.arrays is not None and live.arrays is not old:
                    done = live.arrays.rescore(old, lease.searcher.reader(), RESCORE_SECONDS)
                    log.info("scored %d common words again for %s", done, live.gen.name)
        except Exception:  # noqa: BLE001 - only a warm-up: searches score what they need
            log.exception("scoring common words again for the new index state failed")

    def _retire(self, old: _Live) -> None:
        """Close a replaced generation's idle searchers; drop its pin once no request
        uses it (call with the lock held)."""
        old.retired = True
        for lease in old.idle:
            lease.close()
        old.idle.clear()
        if old.users == 0 and old.pin is not None:
            old.pin.release()
            old.pin = None

    def refresh(self) -> bool:
        """Switch to a newer build or update now, if there is one; return True if it did."""
        with self._lock:
            if self._refreshing or not self._changed():
                return False
            self._refreshing = True
        before = self._live
        self._swap()
        return self._live is not before

    def watch(self, interval: float = WATCH_SECONDS) -> None:
        """Look for a new state every ``interval`` seconds in a background thread, so an
        idle server is current within a second (a server worker calls this after it
        forks; threads do not survive a fork)."""
        if self._watching is not None:
            self._watching.set()
        stop = self._watching = threading.Event()

        def loop() -> None:
            while not stop.wait(interval):
                try:
                    self.refresh()
                except Exception:  # noqa: BLE001 - logged; the next look tries again
                    log.exception("looking for a new index state in %s failed", self.root)

        threading.Thread(target=loop, name="minutes-index-watch", daemon=True).start()

    @contextmanager
    def _lease(self) -> Iterator[tuple[_Live, _Lease]]:
        live = self._current()
        with self._lock:
            live.users += 1
            lease = live.idle.pop() if live.idle else None
        try:
            if lease is None:
                try:
                    lease = live.lease()
                except READ_ERRORS as exc:
                    raise self._damaged(live.gen, exc) from exc
                except Exception as exc:  # noqa: BLE001 - Whoosh's "index does not exist"
                    raise self._damaged(live.gen, exc) from exc
            yield live, lease
        finally:
            with self._lock:
                live.users -= 1
                keep = lease is not None and not live.retired and len(live.idle) < MAX_IDLE_LEASES
                if keep:
                    live.idle.append(lease)
                release = live.retired and live.users == 0 and live.pin is not None
                pin, live.pin = (live.pin, None) if release else (None, live.pin)
            if lease is not None and not keep:
                lease.close()
            if pin is not None:
                pin.release()

    def reopen(self) -> None:
        """Give this process its own open files and pin, keeping what is already in memory.

        Call this in a process forked after the engine was opened (gunicorn's
        ``post_fork``): forked processes share file offsets, so they must not share
        open files. The arrays and caches built before the fork are kept, so the
        first request does not pay for them again. If the generation they belong to
        is no longer live (a worker started long after its master), the live one is
        opened instead.
        """
        with self._lock:
            old = self._live
            if old.pin is not None:
                old.pin.forget()  # the parent's lock; ours is taken below
                old.pin = None
            pin = store.pin(old.gen.path) if store.current_name(self.root) == old.gen.name else None
            if pin is not None:
                new = old.copy()
                new.pin = pin
                try:
                    lease = new.lease()
                    lease.passages()
                except Exception:  # noqa: BLE001 - its files went away: open the live state below
                    pin.release()
                    pin = None
                else:
                    new.idle.append(lease)
                    self._live = new
            self._checked = time.monotonic()
            self._refreshing = False
        if pin is None:
            new = self._open(old)
            with self._lock:
                self._live = new
        for lease in old.idle:
            lease.close()
        old.idle.clear()

    def detach(self) -> None:
        """Drop this process's pin and idle searchers, keeping what is in memory (a
        gunicorn master, which serves no requests, before it forks its workers)."""
        with self._lock:
            old = self._live
            self._live = old.copy()
            self._retire(old)

    def close(self) -> None:
        """Stop watching, close the idle searchers (searchers in use close when
        released) and drop the pin once no request uses it."""
        if self._watching is not None:
            self._watching.set()
            self._watching = None
        with self._lock:
            old = self._live
            self._live = old.copy()
            self._retire(old)

    def __enter__(self) -> SearchEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def info(self) -> dict[str, Any]:
        """Facts about the live build (generation, counts, build time)."""
        gen = self._current().gen
        return {"generation": gen.name, **{k: v for k, v in gen.meta.items() if k != "contents"}}

    def health(self) -> dict[str, Any]:
        """Check that the live state answers: its files are as written, and a real search
        reads a posting list from disk (not from a cache), a stored passage and its item.
        Returns ``{"status": "ok" | "degraded", "generation", "passages", "reason"}``."""
        try:
            live = self._current()
            problems = store.verify_files(live.gen)
            if problems:
                raise IndexDamagedError(f"The index in {self.root} is damaged: {problems[0]}. {store.rebuild_hint(self.root)}")
            word = self._probe(live)
            if word is not None and self.search(SearchRequest(q=word, per_page=1)).total == 0:
                raise IndexDamagedError(f"A search for {word!r}, a word of a stored passage, found nothing in {live.gen.path}.")
        except MinutesError as exc:
            return {"status": "degraded", "generation": self._live.gen.name, "reason": str(exc)}
        return {"status": "ok", "generation": live.gen.name, "passages": live.gen.meta.get("passages"), "reason": None}

    def _probe(self, live: _Live) -> str | None:
        """Read the first live passage, its item, and (uncached) the posting list of its
        first word; return that word, or None for an empty index."""
        from .analysis import index_terms
        from .postings import segment_postings

        with self._lease() as (live, lease):
            try:
                reader = lease.searcher.reader()
                alive = live.arrays.alive if live.arrays is not None else np.zeros(0, dtype=bool)
                found = np.flatnonzero(alive[:1024])
                if not len(found):
                    return None
                docnum = int(found[0])
                stored = StoredPassage.unpack(lease.passages()[docnum])
                if stored.item_id not in lease.items.items([stored.item_id]):
                    raise IndexDamagedError(f"The item store {live.gen.path / 'items.sqlite'} lacks item {stored.item_id}, "
                                            f"which the segments hold. {store.rebuild_hint(self.root)}")
                terms = index_terms(stored.body)
                if not terms:
                    return None
                word = terms[0][0]
                docs = [segment_postings(leaf, "text", word) for leaf, _ in reader.leaf_readers()]
                if all(d is None for d in docs):
                    raise IndexDamagedError(f"The segments in {live.gen.path} do not hold {word!r}, a word of a stored "
                                            f"passage. {store.rebuild_hint(self.root)}")
                return word
            except READ_ERRORS as exc:
                raise self._damaged(live.gen, exc) from exc

    def committees(self) -> list[tuple[str, int]]:
        """Return every committee name in the index with its passage count, by name."""
        return list(self._current().facets["committee"])

    # -------------------------------------------------------------- searching

    def search(self, request: SearchRequest) -> ResultPage:
        """Run ``request`` and return one page of hits; raise QueryError if it is malformed."""
        return self._search(request, False)[0]

    def results(self, request: SearchRequest) -> tuple[ResultPage, Overview]:
        """Run ``request`` for a results page: one page of hits and the :meth:`overview` of
        all its matches, from one evaluation of the query (the overview's matches, which
        leave the facet filters out, narrowed by those filters are the page's). Raise
        QueryError if it is malformed."""
        page, overview = self._search(request, True)
        return page, overview if overview is not None else self.overview(request)

    def _search(self, request: SearchRequest, with_overview: bool) -> tuple[ResultPage, Overview | None]:
        started = time.perf_counter()
        live = self._current()
        results = live.cache.results
        if results is None:
            return self._answer(live, request, with_overview, started)[:2]
        kept = results.get((request, with_overview))
        if kept is not None:
            return replace(kept[0], seconds=time.perf_counter() - started), kept[1]
        page, overview, live = self._answer(live, request, with_overview, started)
        if live.cache.results is not None:  # the state that answered (a new one if it switched)
            live.cache.results.put((request, with_overview), (page, overview))
        return page, overview

    def _answer(self, live: _Live, request: SearchRequest, with_overview: bool,
                started: float) -> tuple[ResultPage, Overview | None, _Live]:
        """Evaluate ``request`` (see :meth:`_search`); also return the state that answered."""
        parsed = live.parse(request.q, request.exact)
        facet_filters, base_filters = _facet_filters(request), _base_filters(request)
        filters = facet_filters + base_filters
        if parsed.query is None and not filters:
            return ResultPage(request, (), 0, request.page, 0, seconds=time.perf_counter() - started), None, live
        sort = request.sort if (parsed.has_text or request.sort != "relevance") else "newest"
        overview: Overview | None = None
        with self._lease() as (leased, lease):
            if leased is not live:  # switched in between: the query's acronyms and committees are the new state's
                live = leased
                parsed = live.parse(request.q, request.exact)
            marks = parsed.marks()
            # Question words (weak concepts) are searched but never make a match partial.
            strong = sum(1 << k for k, c in enumerate(parsed.concepts) if not c.weak)
            words = tuple(c.label for c in parsed.concepts if not c.weak)
            try:
                reader = lease.searcher.reader()
                arrays = live.arrays
                assert arrays is not None
                evaluator = Evaluator(arrays, reader)
                cov: Coverage | None = None
                if parsed.concepts:
                    if with_overview:
                        base = _coverage(live, evaluator, parsed, base_filters)
                        cov = _narrow(live, evaluator, base, facet_filters)
                        fa = _facet_arrays(live, reader)
                        selection = _selection(fa, request)
                        overview = _overview(fa, base.ids, selection, request, _partial(base, strong, fa, selection))
                    else:
                        cov = _coverage(live, evaluator, parsed, filters)
                    ids = cov.ids
                    # A few matches are ranked in plain Python: the same arithmetic without
                    # NumPy's fixed cost per call (see indexer.fewpage).
                    few = item_codes = None
                    if sort == "relevance" and len(ids) <= fewpage.FEW_MATCHES:
                        item_codes = arrays.item_code[ids].tolist()
                    ranks = _ranking(arrays, evaluator, cov, parsed, item_codes) if sort == "relevance" else None
                    if item_codes is not None:
                        few = fewpage.page(ids.tolist(), item_codes, ranks, request.page, request.per_page,
                                           request.per_item)
                    complete = int(np.count_nonzero(cov.bits & strong == strong))
                else:
                    m = evaluator.run(resolve_committees(_combine(parsed.query, filters), live.committee_terms))
                    ids, ranks, few = m.ids, None, None
                    complete = len(ids)
                    if with_overview:
                        everything = evaluator.run(resolve_committees(_combine(parsed.query, base_filters),
                                                                      live.committee_terms))
                        fa = _facet_arrays(live, reader)
                        overview = _overview(fa, everything.ids, _selection(fa, request), request, False)
                page: _Page | fewpage.FewPage
                if few is not None:
                    page = few
                    matched: list[int | None] = list(few.matched)
                else:
                    codes, item_count = _item_codes(arrays, ids)
                    page = _rank(arrays, ids, ranks, request, sort, codes, item_count)
                    matched = [None] * len(page.positions)
                    if cov is not None:
                        matched = (ranking.label_bits(ranks, codes, page.positions) if ranks is not None
                                   else ranking.item_bits(codes, cov.bits, page.positions))
                # A word the index lacks leaves no passage with every word: only then look.
                few = bool(parsed.concepts) and complete < FEW_RESULTS
                suggestion = _suggestion(live, evaluator, parsed, complete) if few else None
                stored = live.cache.passages(lease, page.docnums)
                metas = live.items(lease, [p.item_id for p in stored])
            except READ_ERRORS as exc:
                raise self._damaged(live.gen, exc) from exc
        # A card's passages share its rank; "more in this item" is on its last passage.
        first_rank = request.per_page * (request.page - 1) + 1
        hits = tuple(
            _hit(p, metas.get(p.item_id), first_rank + page.cards[i], marks, page.scores[i], page.more[i],
                 parsed.concepts, strong, matched[i])
            for i, p in enumerate(stored)
        )
        return ResultPage(
            request,
            hits,
            page.total,
            request.page,
            page.pages,
            has_next=page.has_next,
            partial=any(h.words_matched is not None for h in hits),
            items=page.items,
            complete=complete,
            words=words,
            ignored=parsed.ignored,
            expanded=parsed.expanded,
            related=parsed.related,
            suggestion=suggestion,
            seconds=time.perf_counter() - started,
        ), overview, live

    # -------------------------------------------------------------- items

    def item(self, item_id: str, q: str = "", exact: bool = False, request: SearchRequest | None = None) -> ItemView:
        """Return a whole agenda item with the matches of query ``q`` marked in every
        passage (``exact``: its words as written, see :class:`SearchRequest`).

        A passage *matches* when the search finds it (``request``, the search the item was
        opened from, filters and all; else ``q``): the same passages the results page
        counts, so both say the same number. Its words are marked where they occur.
        """
        if request is not None:
            q, exact = request.q, request.exact
        live = self._current()
        parsed = parse_query(q, exact, live.synonyms) if q.strip() else ParsedQuery("", None)
        with self._lease() as (leased, lease):
            if leased is not live and q.strip():
                parsed = parse_query(q, exact, leased.synonyms)
            live = leased
            try:
                meta = lease.items.items([item_id]).get(item_id)
                column = lease.passages()
                numbers = list(lease.searcher.document_numbers(item_id=item_id))
                docs = [(n, StoredPassage.unpack(column[n])) for n in numbers]
                siblings = tuple(_ref(m) for m in lease.items.meeting_items(meta.meeting_id)) if meta else ()
                series = tuple(_ref(m) for m in _series(lease.items, meta)) if meta else ()
                matched = self._item_matches(live, lease, item_id, parsed, request) if docs and q.strip() else set()
            except READ_ERRORS as exc:
                raise self._damaged(live.gen, exc) from exc
        marks = parsed.marks()
        if meta is None or not docs:
            raise NotFoundError(f"There is no agenda item {item_id!r} in this index.")
        passages = []
        for n, p in sorted(docs, key=lambda d: d[1].ordinal):
            if not p.body:
                continue
            segs = tuple(highlight(p.body, marks))
            passages.append(ItemPassage(p.passage_id, p.section, p.speaker_role, p.speaker_name, segs, n in matched))
        return ItemView(
            item_id=item_id,
            meeting_id=meta.meeting_id,
            title=meta.title,
            item_number=meta.number,
            committee=meta.committee,
            date=meta.date,
            url=meta.url,
            source=meta.source,
            kind=meta.kind,
            passages=tuple(passages),
            matches=sum(p.matched for p in passages),
            siblings=siblings,
            series=series,
        )

    @staticmethod
    def _item_matches(live: _Live, lease: _Lease, item_id: str, parsed: ParsedQuery,
                      request: SearchRequest | None) -> set[int]:
        """The document numbers of an item's passages that the search matches: those with
        any of its words (or, for a filters-only search, every passage it filters in)."""
        if parsed.query is None:
            return set()
        arrays = live.arrays
        assert arrays is not None
        filters = [*(_request_filters(request) if request is not None else []), wq.Term("item_id", item_id)]
        evaluator = Evaluator(arrays, lease.searcher.reader())
        if parsed.concepts:
            return set(_coverage(live, evaluator, parsed, filters).ids.tolist())
        return set(evaluator.run(resolve_committees(_combine(parsed.query, filters), live.committee_terms)).ids.tolist())

    # -------------------------------------------------------------- facets, timeline, export

    def overview(self, request: SearchRequest) -> Overview:
        """Count the agenda items ``request`` matches: in all, per value of each facet
        (committee, year, section, speaker role) and per year or month (the timeline).

        A facet's counts apply every filter of the request but its own (see
        :mod:`indexer.facets`). Raise QueryError if the request is malformed.
        """
        with self._lease() as (live, lease):
            try:
                fa, ids, _, selection, partial = self._selected(live, lease, request)
            except READ_ERRORS as exc:
                raise self._damaged(live.gen, exc) from exc
        return _overview(fa, ids, selection, request, partial)

    def export(self, request: SearchRequest, limit: int) -> Export:
        """Return every passage ``request`` matches, up to ``limit``, in its sort order
        (ungrouped: one row per passage), as rows read from the index in batches while
        they are consumed. Raise QueryError if the request is malformed."""
        with self._lease() as (live, lease):
            try:
                fa, ids, scores, selection, _ = self._selected(live, lease, request)
            except READ_ERRORS as exc:
                raise self._damaged(live.gen, exc) from exc
        keep_ = keep(selection.masks(fa, ids), len(ids))
        ids, scores = ids[keep_], scores[keep_]
        arrays = live.arrays
        assert arrays is not None
        if request.sort == "relevance" and request.q.strip():
            order = np.lexsort((ids, -scores))  # passages with the most words first, then BM25F
        else:
            dates = arrays.date[ids]
            undated = dates == UNKNOWN_DATE
            days = np.where(undated, -1, dates) if request.sort != "oldest" else np.where(undated, 10**9, dates)
            key = -days if request.sort != "oldest" else days
            order = np.lexsort((arrays.ordinal[ids], arrays.item_code[ids], key))
        chosen = ids[order[:limit]].tolist()
        return Export(request, len(ids), limit, _export_rows(live, chosen))

    def _selected(
        self, live: _Live, lease: _Lease, request: SearchRequest
    ) -> tuple[FacetArrays, np.ndarray, np.ndarray, Selection, bool]:
        """Evaluate ``request``'s query and non-facet filters: the matching passages and
        their scores, with the facet filters as a :class:`Selection` to apply to them.
        Falls back to the any-word query, as :meth:`search` does, when no passage has
        every word."""
        parsed = parse_query(request.q, request.exact, live.synonyms)
        reader = lease.searcher.reader()
        arrays = live.arrays
        assert arrays is not None
        fa = _facet_arrays(live, reader)
        selection = _selection(fa, request)
        evaluator = Evaluator(arrays, reader)
        if not parsed.concepts:
            m = evaluator.run(resolve_committees(_combine(parsed.query, _base_filters(request)), live.committee_terms))
            return fa, m.ids, m.scores, selection, False
        cov = _coverage(live, evaluator, parsed, _base_filters(request))
        strong = sum(1 << k for k, c in enumerate(parsed.concepts) if not c.weak)
        # Passages with every word first, then by how many they have; BM25F within.
        weights = _split_related(parsed, np.array([0.0 if c.weak else 1.0 for c in parsed.concepts]))
        scores = ranking.weighted(cov.bits, weights) * ranking.TIER + cov.scores
        return fa, cov.ids, scores, selection, _partial(cov, strong, fa, selection)


# ------------------------------------------------------------------ ranking


@dataclass(slots=True)
class _Page:
    """One page of matches (document numbers), and what the UI needs to page through them."""

    docnums: list[int]
    #: per hit: its index in the matches the page was cut from
    positions: list[int]
    scores: list[float]
    more: list[int]  # per hit: matching passages of its item left out (on a card's last passage)
    cards: list[int]  # per hit: its card (agenda item) on the page, from 0
    total: int  # matching passages
    pages: int
    has_next: bool
    items: int = 0  # matching agenda items (when results are grouped by item)


def _coverage(live: _Live, ev: Evaluator, parsed: ParsedQuery, filters: list[wq.Query]) -> Coverage:
    """The passages matching any concept of ``parsed`` and every filter (its own and
    ``filters``), with the concepts each matches (see :meth:`Evaluator.coverage`)."""
    must = [resolve_committees(f, live.committee_terms)
            for f in ([parsed.filters] if parsed.filters is not None else []) + filters]
    parts = [f for q in must for f in _conjuncts(q)]
    return ev.coverage(
        [c.query for c in parsed.concepts],
        required=sum(1 << k for k, c in enumerate(parsed.concepts) if c.required),
        filters=[f for f in parts if not isinstance(f, wq.Not)],
        exclude=[f.query for f in parts if isinstance(f, wq.Not)],
        marks=[c.typed for c in parsed.concepts if c.typed is not None],
    )


def _typed_df(parsed: ParsedQuery, df: list[int]) -> list[int]:
    """The concepts' document frequencies (``df``, per coverage bit), a concept with
    related terms taking that of its typed words: how rare a concept is, is how rare
    the words typed are, not their related terms."""
    n = len(parsed.concepts)
    related = [k for k, c in enumerate(parsed.concepts) if c.typed is not None]
    if not related:
        return df
    out = list(df[:n])
    for j, k in enumerate(related):
        out[k] = df[n + j]
    return out


def _split_related(parsed: ParsedQuery, values: np.ndarray) -> np.ndarray:
    """Per coverage bit (the concepts', then one per concept with related terms, set
    where the concept matched as typed, see :func:`_coverage`): a concept's value (its
    coverage weight or rarity, the first ``len(parsed.concepts)`` of ``values``), of which
    RELATED_WEIGHT goes to its own bit (matched as typed or by a related term) and the
    rest to its typed bit. A passage with only a related term ("online fraud" for "cyber
    crime") so counts as matching part of the concept."""
    n = len(parsed.concepts)
    related = [k for k, c in enumerate(parsed.concepts) if c.typed is not None]
    if not related:
        return values
    out = np.concatenate([np.asarray(values[:n], dtype=np.float64), np.zeros(len(related))])
    for j, k in enumerate(related):
        full = out[k]
        out[k] = RELATED_WEIGHT * full
        out[n + j] = full - out[k]
    return out


def _narrow(live: _Live, ev: Evaluator, cov: Coverage, filters: list[wq.Query]) -> Coverage:
    """The passages of ``cov`` that match every one of ``filters`` too (as if
    :func:`_coverage` had been given them)."""
    if not filters:
        return cov
    parts = [f for q in filters for f in _conjuncts(resolve_committees(q, live.committee_terms))]
    return ev.narrow(cov, [f for f in parts if not isinstance(f, wq.Not)], [f.query for f in parts if isinstance(f, wq.Not)])


def _facet_arrays(live: _Live, reader: Any) -> FacetArrays:
    assert live.arrays is not None
    return live.facet_arrays.get(live.arrays, reader, [name for name, _ in live.facets["committee"]])


def _partial(cov: Coverage, strong: int, fa: FacetArrays, selection: Selection) -> bool:
    """True when no passage of ``cov`` (matches without the facet filters) that has every
    word is left by the facet filters (``selection``)."""
    full = cov.bits & strong == strong
    return not keep(selection.masks(fa, cov.ids[full]), int(full.sum())).any()


def _selection(fa: FacetArrays, request: SearchRequest) -> Selection:
    """The facet filters of ``request`` as codes (checking them as the filters do)."""
    section = compile_filter("section", request.section).text if request.section else None
    role = compile_filter("speaker", request.speaker).text if request.speaker else None
    if request.date_from or request.date_to:
        date_range_query(request.date_from, request.date_to)  # checks the range
    committee = " ".join(request.committee.split()) if request.committee else None
    return Selection.of(fa, committee, section, role, request.date_from, request.date_to)


def _overview(fa: FacetArrays, ids: np.ndarray, selection: Selection, request: SearchRequest,
              partial: bool) -> Overview:
    counts = summarise(fa, ids, selection)
    return Overview(
        request=request,
        items=counts.items,
        passages=counts.passages,
        facets=tuple((name, _facet_values(name, counts.facets[name], request)) for name in FACETS),
        timeline=tuple(Period(_period_label(a, counts.timeline_unit), a, b, c) for a, b, c in counts.timeline),
        timeline_unit=counts.timeline_unit,  # type: ignore[arg-type]
        undated=counts.undated,
        partial=partial,
    )


def _ranking(a: IndexArrays, ev: Evaluator, cov: Coverage, parsed: ParsedQuery,
             few: list[int] | None = None) -> Any:
    """Rank the matching passages (see :mod:`indexer.ranking`), adding the proximity of the
    concepts' words in the best passages of the first items. Given ``few``, the item codes
    of a few matches as a list, rank them in plain Python (a :class:`fewpage.FewRanking`)."""
    df, item_df = _typed_df(parsed, cov.df), _typed_df(parsed, cov.item_df)
    weights = ranking.coverage_weights(df, a.live_count)
    if ranking.asks_question(parsed.text):
        rarity = ranking.concept_idf(df, a.live_count)
    else:
        rarity = ranking.KEYWORD_RARITY * ranking.concept_idf(item_df, a.live_items)
    weak = [k for k, c in enumerate(parsed.concepts) if c.weak]
    if weak:
        weights[weak] = rarity[weak] = 0.0
    weights, rarity = _split_related(parsed, weights), _split_related(parsed, rarity)
    # document priors (procedural business, short fragments), made once per open index
    key = ("priors", ranking.BOILERPLATE, ranking.BOILERPLATE_PRIOR, ranking.SHORT_PASSAGE,
           ranking.SHORT_PASSAGE_PRIOR)
    prior = a.derived(key, lambda: ranking.boilerplate_prior(a.mask(ev.reader, ranking.BOILERPLATE))
                      + ranking.short_passage_prior(a.lengths[DEFAULT_FIELD], a.ordinal))[cov.ids]
    if ranking.asks_decision(c.label for c in parsed.concepts):
        prior = prior + ranking.resolution_prior(cov.ids, ev.eval(wq.Term("section", "resolution")).ids)
    cov = replace(cov, scores=cov.scores + prior, body=cov.body + prior)
    if few is not None:
        lists = (few, cov.bits.tolist(), cov.body_bits.tolist(), cov.scores.tolist(), cov.body.tolist(),
                 weights.tolist())

        def rank(proximity: np.ndarray | None) -> Any:
            return fewpage.rank(*lists, None if proximity is None else proximity.tolist(), rarity.tolist())
    else:
        codes, ordinals = a.item_code[cov.ids], a.ordinal[cov.ids]

        def rank(proximity: np.ndarray | None) -> Any:
            return ranking.rank(codes, a.item_count, cov.bits, cov.body_bits, cov.scores, cov.body, weights,
                                proximity, ordinals, rarity)

    ranks = rank(None)
    terms_ = [c.terms for c in parsed.concepts]
    if sum(bool(t) for t in terms_) < 2 or not len(cov.ids):
        return ranks
    # The passages with two or more concepts in their text, in the first items.
    several = ranking.popcount(cov.body_bits, len(terms_)) >= 2
    if not several.any():
        return ranks
    keys = np.asarray(ranks.item_key)[several]
    top_items = min(ranking.PROXIMITY_ITEMS, len(keys))
    threshold = np.partition(-keys, top_items - 1)[top_items - 1]
    chosen = np.flatnonzero(several)[-keys <= threshold]
    near = ev.proximity(cov.ids[chosen], terms_, ranking.PROXIMITY_WINDOW)
    if not near.any():
        return ranks
    proximity = np.zeros(len(cov.ids))
    proximity[chosen] = near
    if few is not None:
        return rank(proximity)
    return ranking.with_proximity(ranks, codes, a.item_count, cov.scores, cov.body, proximity, chosen)


def _suggestion(live: _Live, ev: Evaluator, parsed: ParsedQuery, complete: int) -> str | None:
    """A corrected query ("county lnes" → "county lines") when a typed word is not in the
    index, or when few passages match every word and a rare word has a frequent neighbour.
    Among equally close corrections, the one found most often with the other words wins
    ("lines" beside "county", not "lanes")."""
    if live.speller is None:
        return None
    reader = ev.reader

    def term(word: str) -> str | None:
        found = terms(word)
        return found[0] if len(found) == 1 else None

    def frequency(word: str) -> int:
        t = term(word)
        return 0 if t is None else reader.doc_frequency("text", t) + reader.doc_frequency("title", t)

    def context(typed: str, candidate: str) -> int:
        t = term(candidate)
        others = [c.query for c in parsed.concepts if c.label != typed]
        if t is None or not others:
            return 0
        mine = ev.eval(Combined(wq.Term(DEFAULT_FIELD, t))).ids
        near = np.unique(np.concatenate([ev.eval(q).ids for q in others]))
        return int(np.count_nonzero(np.isin(mine, near, assume_unique=True)))

    # Plain typed words; not acronyms, which search their long forms too ("PCC" finds
    # "Police and Crime Commissioner" in an index that never abbreviates it).
    expanded = {typed for typed, _ in parsed.expanded}
    typed = [c.label for c in parsed.concepts if c.label.isalpha() and c.label not in expanded]
    fixes = live.speller.corrections(typed, frequency, complete < FEW_RESULTS, context)
    if not fixes:
        return None
    return corrected_query(parsed.text, fixes)


def _item_codes(a: IndexArrays, ids: np.ndarray) -> tuple[np.ndarray, int]:
    """The items of passages ``ids`` as codes for grouping, and how many codes there are:
    the index's own item codes, or, for few matches, codes 0..k-1 of their k items (so
    that per-item arrays follow the matches, not the size of the index)."""
    codes = a.item_code[ids]
    if not len(ids) or 8 * len(ids) >= a.item_count:
        return codes, a.item_count
    order = np.argsort(codes, kind="stable")
    starts = np.concatenate(([True], codes[order][1:] != codes[order][:-1]))
    local = np.empty(len(codes), dtype=np.int64)
    local[order] = np.cumsum(starts) - 1
    return local, int(starts.sum())


def _rank(a: IndexArrays, ids: np.ndarray, ranks: ranking.Ranking | None, request: SearchRequest, sort: Sort,
          codes: np.ndarray | None = None, item_count: int | None = None) -> _Page:
    """Order the matches and cut out the requested page.

    With ``per_item`` (the default), results are agenda items, one card each: items in
    the order of the retrieval model (:mod:`indexer.ranking`), each card with its best
    ``per_item`` passages (those with the words first), a page holding ``per_page`` cards.
    Without it, every passage is a result of its own, ranked on its own. By date, items
    and passages follow their meetings' dates.

    Only a window of the best matches is fully sorted: enough to rank the items up to the
    end of the page, widened until it is (so the page is exact); counts use all matches.
    """
    n = len(ids)
    per_item = request.per_item
    if sort == "relevance" and ranks is not None:
        key = -(ranks.item_key if per_item else ranks.alone_key)
        member_key = -ranks.passage_key
        shown_scores = ranks.item_key if per_item else ranks.alone_key
    elif sort == "relevance":
        key = member_key = shown_scores = np.zeros(n)
    else:
        dates = a.date[ids]
        undated = dates == UNKNOWN_DATE
        # Undated passages go last whichever way the dates run; then passage order.
        days = np.where(undated, -1, dates) if sort == "newest" else np.where(undated, 10**9, dates)
        key = member_key = (-days if sort == "newest" else days) * 65536 + a.ordinal[ids]
        shown_scores = np.zeros(n)
    wanted = request.page * request.per_page
    if codes is None or item_count is None:
        codes, item_count = a.item_code[ids], a.item_count
    window = max(MIN_WINDOW, 4 * wanted)
    while True:
        if window >= n:
            candidates = np.arange(n)
        else:
            threshold = np.partition(key, window)[window]
            candidates = np.flatnonzero(key <= threshold)  # ties at the edge included: exact
        order = candidates[np.lexsort((ids[candidates], member_key[candidates], key[candidates]))]
        if per_item:
            order = order[_occurrence(codes[order]) == 0]  # each item once
        if len(order) >= wanted or len(candidates) == n:
            break
        window *= 4
    start = wanted - request.per_page
    if not per_item:
        page = order[start:wanted]
        return _Page(
            docnums=ids[page].tolist(),
            positions=page.tolist(),
            scores=shown_scores[page].tolist(),
            more=[0] * len(page),
            cards=list(range(len(page))),
            total=n,
            pages=-(-n // request.per_page),
            has_next=wanted < n,
        )
    counts = np.bincount(codes, minlength=item_count)
    items = int((counts > 0).sum())
    page_items = codes[order[start:wanted]]
    # Each card: the item's best passages (from all matches, not just the window).
    card_of = np.full(item_count, -1, dtype=np.int64)
    card_of[page_items] = np.arange(len(page_items))
    members = np.flatnonzero(card_of[codes] >= 0)
    members = members[np.lexsort((ids[members], member_key[members], card_of[codes[members]]))]
    members = members[_occurrence(codes[members]) < per_item]
    cards = card_of[codes[members]]
    shown = np.bincount(cards, minlength=len(page_items))
    last = np.concatenate((cards[1:] != cards[:-1], [True])) if len(cards) else np.zeros(0, dtype=bool)
    more = np.where(last, counts[codes[members]] - shown[cards], 0)
    return _Page(
        docnums=ids[members].tolist(),
        positions=members.tolist(),
        scores=shown_scores[members].tolist(),
        more=more.tolist(),
        cards=cards.tolist(),
        total=n,
        pages=-(-items // request.per_page),
        has_next=wanted < items,
        items=items,
    )


def _occurrence(keys: np.ndarray) -> np.ndarray:
    """For each position, how many earlier positions hold the same key (0 for the first)."""
    n = len(keys)
    by_key = np.argsort(keys, kind="stable")
    sorted_keys = keys[by_key]
    starts = np.concatenate(([True], sorted_keys[1:] != sorted_keys[:-1]))
    first = np.maximum.accumulate(np.where(starts, np.arange(n), 0))
    out = np.empty(n, dtype=np.int64)
    out[by_key] = np.arange(n) - first
    return out


def _ref(m: ItemMeta) -> ItemRef:
    return ItemRef(m.item_id, m.title, m.number, m.committee, m.date)


#: The most items listed as "the same item at other meetings".
MAX_SERIES = 50


def _series(items: ItemStore, meta: ItemMeta) -> list[ItemMeta]:
    """The other occurrences of an item's business at its committee's other meetings,
    newest first (none for procedural items: apologies at every meeting are no series to
    follow). The same meeting's item captured from a second file is not another meeting."""
    if meta.procedural or not meta.committee or not meta.series:
        return []
    return [m for m in items.series(meta.committee, meta.series, MAX_SERIES + 1)
            if m.meeting_id != meta.meeting_id][:MAX_SERIES]


def _facet_values(name: str, counts: list[tuple[str, int]], r: SearchRequest) -> tuple[FacetValue, ...]:
    """Label the counts of one facet and mark the value the request has chosen."""
    if name == "committee":
        chosen = " ".join(r.committee.split()) if r.committee else None
        return tuple(FacetValue(v, v, c, v == chosen) for v, c in counts)
    if name == "year":
        return tuple(FacetValue(v, v, c, _whole_year(r) == v) for v, c in counts)
    labels, chosen = (SECTIONS, resolve_section(r.section or "")) if name == "section" else (
        ROLES, resolve_role(r.speaker or ""))
    return tuple(FacetValue(v, labels[v], c, v == chosen) for v, c in counts)


def _whole_year(r: SearchRequest) -> str | None:
    """The year a request's dates cover exactly (from 1 January to 31 December), if any."""
    a, b = r.date_from, r.date_to
    if a and b and a.year == b.year and (a.month, a.day, b.month, b.day) == (1, 1, 12, 31):
        return str(a.year)
    return None


def _period_label(start: dt.date, unit: str) -> str:
    return str(start.year) if unit == "year" else start.strftime("%b %Y")


#: Passages read from the index per batch while an export streams.
EXPORT_BATCH = 500


def _export_rows(live: _Live, docnums: list[int]) -> Iterator[ExportRow]:
    """Read the passages ``docnums`` of generation ``live`` as export rows, a batch at a time.

    A lease of its own, closed when the rows run out or the consumer stops (a client
    that disconnects mid-download)."""
    if not docnums:
        return
    pin = store.pin(live.gen.path)  # a download can outlast the engine's own use of the state
    if pin is None:
        raise IndexDamagedError(f"The index state {live.gen.path} was removed; run the export again.")
    try:
        lease = live.lease()
    except BaseException:
        pin.release()
        raise
    try:
        column = lease.passages()
        for i in range(0, len(docnums), EXPORT_BATCH):
            stored = [StoredPassage.unpack(column[d]) for d in docnums[i:i + EXPORT_BATCH]]
            metas = lease.items.items(p.item_id for p in stored)
            for p in stored:
                m = metas.get(p.item_id)
                yield ExportRow(
                    committee=m.committee if m else None,
                    date=m.date if m else None,
                    item_number=m.number if m else None,
                    item_title=m.title if m else "",
                    section=p.section,
                    speaker_role=p.speaker_role,
                    speaker_name=p.speaker_name,
                    text=p.body,
                    source_url=m.url if m else None,
                    item_id=p.item_id,
                    passage_id=p.passage_id,
                )
    finally:
        lease.close()
        pin.release()


def _result_bytes(entry: tuple[ResultPage, Overview | None]) -> int:
    """About how many bytes a kept answer holds: its texts, and a fixed share per hit,
    facet value and period for the objects around them."""
    page, overview = entry
    size = 1024 + len(page.request.q)
    for h in page.hits:
        size += 600 + 2 * (len(h.title) + sum(len(t) for t, _ in h.snippet)) + 64 * (len(h.snippet) + len(h.title_marked))
    if overview is not None:
        size += 512 + sum(200 + len(v.value) + len(v.label) for _, values in overview.facets for v in values)
        size += 250 * len(overview.timeline)
    return size


#: Marked titles and snippets kept (about 1 KB each).
CACHE_MARKED = 16384


@lru_cache(maxsize=CACHE_MARKED)
def _marked(text: str, marks: Marks, whole: bool) -> tuple[tuple[str, bool], ...]:
    """A title marked whole (``whole``) or a passage's snippet, kept: the same passages and
    titles come back for the same words (the next page, the same search again)."""
    return tuple(highlight(text, marks) if whole else snippet(text, marks))


def _hit(p: StoredPassage, meta: ItemMeta | None, rank: int, marks: Marks, score: float, more: int,
         concepts: tuple[Concept, ...], strong: int, matched: int | None) -> Hit:
    title = meta.title if meta else ""
    partial = matched is not None and matched & strong != strong
    missing = (tuple(c.label for k, c in enumerate(concepts) if strong >> k & 1 and not matched >> k & 1)  # type: ignore[operator]
               if partial else ())
    return Hit(
        rank=rank,
        passage_id=p.passage_id,
        item_id=p.item_id,
        meeting_id=meta.meeting_id if meta else "",
        title=title,
        title_marked=_marked(title, marks, True),
        item_number=meta.number if meta else None,
        committee=meta.committee if meta else None,
        date=meta.date if meta else None,
        section=p.section,
        speaker_role=p.speaker_role,
        speaker_name=p.speaker_name,
        snippet=_marked(p.body, marks, False),
        url=meta.url if meta else None,
        source=meta.source if meta else "",
        score=score,
        words_matched=bin(matched & strong).count("1") if partial and matched is not None else None,
        words_missing=missing,
        more_in_item=more,
    )


def _conjuncts(q: wq.Query) -> list[wq.Query]:
    """The parts of a conjunction (or the query itself)."""
    return [p for s in q.subqueries for p in _conjuncts(s)] if isinstance(q, wq.And) else [q]


def _request_filters(r: SearchRequest) -> list[wq.Query]:
    return _facet_filters(r) + _base_filters(r)


def _facet_filters(r: SearchRequest) -> list[wq.Query]:
    """The filters of ``r`` that facets count around (section, speaker, committee, dates)."""
    filters: list[wq.Query] = []
    if r.section:
        filters.append(compile_filter("section", r.section))
    if r.speaker:
        filters.append(compile_filter("speaker", r.speaker))
    if r.committee:
        filters.append(wq.Term("committee_key", " ".join(r.committee.split())))
    if r.date_from or r.date_to:
        filters.append(date_range_query(r.date_from, r.date_to))
    return filters


def _base_filters(r: SearchRequest) -> list[wq.Query]:
    """The filters of ``r`` that apply to facet counts too."""
    filters: list[wq.Query] = []
    if r.hide_procedural:
        filters.append(wq.Not(wq.Term("section", "procedural")))
        filters.append(wq.Not(wq.Term("procedural_item", "1")))
    return filters


def _combine(q: wq.Query | None, filters: list[wq.Query]) -> wq.Query:
    parts = ([q] if q is not None else []) + filters
    if not parts:
        return wq.Every()
    if all(isinstance(p, wq.Not) for p in parts):
        parts.insert(0, wq.Every())
    return parts[0] if len(parts) == 1 else wq.And(parts)


def _term_counts(s: Searcher, fieldname: str) -> list[tuple[str, int]]:
    reader = s.reader()
    out = []
    for term in reader.lexicon(fieldname):
        text = term.decode("utf-8") if isinstance(term, bytes) else term
        out.append((text, reader.doc_frequency(fieldname, text)))
    return sorted(out, key=lambda kv: kv[0].lower())


def labels() -> dict[str, dict[str, str]]:
    """Human labels for sections and speaker roles (for the UI and CLI)."""
    return {"sections": dict(SECTIONS), "roles": dict(ROLES)}
