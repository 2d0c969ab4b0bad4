"""Search an index: ranked, filtered, paginated passages with highlighted snippets.

:class:`SearchEngine` is the only way the CLI and web UI reach the index. It keeps the
live generation open, with a pool of searchers (each used by one thread at a time, as
Whoosh requires), notices new builds and incremental commits, and switches to them.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from whoosh import query as wq
from whoosh.index import Index
from whoosh.scoring import BM25F
from whoosh.searching import Searcher

from . import ranking, store
from .analysis import learn_stems, terms
from .errors import NotFoundError
from .executor import UNKNOWN_DATE, Coverage, Evaluator, IndexArrays
from .itemstore import ItemMeta, ItemStore
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
from .results import SORTS, Hit, ItemPassage, ItemView, ResultPage, SearchRequest, Sort
from .schema import CompactPositions, StoredPassage
from .snippets import Marks, highlight, snippet
from .spelling import Speller, corrected_query
from .synonyms import Synonyms, build_synonyms
from .vocab import ROLES, SECTIONS

log = logging.getLogger(__name__)

RECHECK_SECONDS = 1.0
#: Fields scored with BM25F (the others only filter).
SCORED_FIELDS = ("text", "title", "speaker_name")
#: The fewest best matches sorted in full before a page is cut out (see _rank).
MIN_WINDOW = 1000
MAX_IDLE_LEASES = 16
#: Fewer passages than this matching every word of a query count as few results: a word
#: may be misspelt (unknown to the index, or rare beside a frequent neighbour; see
#: indexer.spelling).
FEW_RESULTS = 1

__all__ = ["SORTS", "Hit", "ItemView", "ResultPage", "SearchEngine", "SearchRequest", "labels"]


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
    #: the glossary and the acronyms defined in this index's minutes
    synonyms: Synonyms | None = None
    #: the words the index holds, for "did you mean"
    vocabulary: list[str] = field(default_factory=list)
    speller: Speller | None = None

    def lease(self) -> _Lease:
        return _Lease(self.ix.searcher(weighting=BM25F()), ItemStore(self.gen.path))


class SearchEngine:
    """Answers searches against the live generation of an index folder."""

    def __init__(self, index_dir: Path | str) -> None:
        self.root = Path(index_dir)
        self._lock = threading.Lock()
        self._live = self._open()
        self._checked = time.monotonic()
        self._refreshing = False

    # -------------------------------------------------------------- index handling

    def _open(self, previous: _Live | None = None) -> _Live:
        """Open the live generation; given the one it replaces, warm the new one's caches
        with what that one had decoded (see :meth:`IndexArrays.carry_over`)."""
        gen = store.current(self.root)
        ix = store.open_generation(gen)
        live = _Live(gen, ix, ix.latest_generation(), {}, [])
        lease = live.lease()
        after = previous.stem_batch if previous is not None and previous.gen.name == gen.name else 0
        live.stem_batch, stems = lease.items.stems(after)
        learn_stems(stems)  # before anything is analysed: words the index holds need no NLTK
        live.vocabulary = (previous.vocabulary if after else []) + list(stems)
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
        """Return the live generation. At most once a second, look for a newer one (a new
        build published, or segments committed to this one) and open it in the
        background: requests keep using the old one until the new one is ready."""
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
        live = self._live
        name = store.current_name(self.root)
        if name is None:
            return False
        return name != live.gen.name or live.ix.latest_generation() != live.toc

    def _swap(self) -> None:
        try:
            new = self._open(self._live)
        except Exception:  # noqa: BLE001 - keep serving the old index; retry at the next check
            log.exception("could not open the new index in %s", self.root)
            with self._lock:
                self._refreshing = False
            return
        with self._lock:
            old, self._live = self._live, new
            self._refreshing = False
        _close_all(old)

    def refresh(self) -> bool:
        """Switch to a newer build or commit now, if there is one; return True if it did."""
        with self._lock:
            changed = self._changed()
        if changed:
            self._swap()
        return changed

    @contextmanager
    def _lease(self) -> Iterator[_Lease]:
        live = self._current()
        with self._lock:
            lease = live.idle.pop() if live.idle else None
        if lease is None:
            lease = live.lease()
        try:
            yield lease
        finally:
            with self._lock:
                keep = live is self._live and len(live.idle) < MAX_IDLE_LEASES
                if keep:
                    live.idle.append(lease)
            if not keep:
                lease.close()

    def reopen(self) -> None:
        """Give this process its own open files, keeping what is already in memory.

        Call this in a process forked after the engine was opened (gunicorn's
        ``post_fork``): forked processes share file offsets, so they must not share
        open files. The arrays and caches built before the fork are kept, so the
        first request does not pay for them again.
        """
        with self._lock:
            old = self._live
            new = _Live(old.gen, old.ix, old.toc, old.facets, [], old.committee_terms, old.arrays, old.stem_batch,
                        old.synonyms, old.vocabulary, old.speller)
            lease = new.lease()
            lease.passages()
            new.idle.append(lease)
            self._live = new
            self._checked = time.monotonic()
            self._refreshing = False
        _close_all(old)

    def close(self) -> None:
        """Close the idle searchers (searchers in use close when released)."""
        with self._lock:
            old = self._live
            self._live = _Live(old.gen, old.ix, old.toc, old.facets, [], old.committee_terms, old.arrays,
                               old.stem_batch, old.synonyms, old.vocabulary, old.speller)
        _close_all(old)

    def __enter__(self) -> SearchEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def info(self) -> dict[str, Any]:
        """Facts about the live build (generation, counts, build time)."""
        gen = self._current().gen
        return {"generation": gen.name, **store.read_meta(gen.path)}

    def committees(self) -> list[tuple[str, int]]:
        """Return every committee name in the index with its passage count, by name."""
        return list(self._current().facets["committee"])

    # -------------------------------------------------------------- searching

    def search(self, request: SearchRequest) -> ResultPage:
        """Run ``request`` and return one page of hits; raise QueryError if it is malformed."""
        started = time.perf_counter()
        live = self._current()
        parsed = parse_query(request.q, live.synonyms)
        filters = _request_filters(request)
        if parsed.query is None and not filters:
            return ResultPage(request, (), 0, request.page, 0, seconds=time.perf_counter() - started)
        sort = request.sort if (parsed.has_text or request.sort != "relevance") else "newest"
        marks = Marks(parsed.terms, parsed.phrases, parsed.prefixes)
        # Question words (weak concepts) are searched but never make a match partial.
        strong = sum(1 << k for k, c in enumerate(parsed.concepts) if not c.weak)
        words = tuple(c.label for c in parsed.concepts if not c.weak)
        with self._lease() as lease:
            reader = lease.searcher.reader()
            arrays = live.arrays
            assert arrays is not None
            evaluator = Evaluator(arrays, reader)
            if parsed.concepts:
                must = [resolve_committees(f, live.committee_terms)
                        for f in ([parsed.filters] if parsed.filters is not None else []) + filters]
                cov = evaluator.coverage(
                    [c.query for c in parsed.concepts],
                    required=sum(1 << k for k, c in enumerate(parsed.concepts) if c.required),
                    filters=[f for q in must for f in _conjuncts(q) if not isinstance(f, wq.Not)],
                    exclude=[f.query for q in must for f in _conjuncts(q) if isinstance(f, wq.Not)],
                )
                ids = cov.ids
                ranks = _ranking(arrays, evaluator, cov, parsed) if sort == "relevance" else None
                complete = int(np.count_nonzero(cov.bits & strong == strong))
            else:
                m = evaluator.run(resolve_committees(_combine(parsed.query, filters), live.committee_terms))
                ids, ranks = m.ids, None
                complete = len(ids)
            page = _rank(arrays, ids, ranks, request, sort)
            matched: list[int | None] = [None] * len(page.positions)
            if parsed.concepts:
                codes = arrays.item_code[ids]
                matched = (ranking.label_bits(ranks, codes, page.positions) if ranks is not None
                           else ranking.item_bits(codes, cov.bits, page.positions))
            # A word the index lacks leaves no passage with every word: only then look.
            few = bool(parsed.concepts) and complete < FEW_RESULTS
            suggestion = _suggestion(live, evaluator, parsed, complete) if few else None
            column = lease.passages()
            stored = [StoredPassage.unpack(column[d]) for d in page.docnums]
            metas = lease.items.items(p.item_id for p in stored)
        # "More in this item" goes on the item's last passage on the page only.
        last = {p.item_id: i for i, p in enumerate(stored)}
        first_rank = request.per_page * (request.page - 1) + 1
        hits = tuple(
            _hit(p, metas.get(p.item_id), first_rank + i, marks, page.scores[i],
                 page.more[i] if last[p.item_id] == i else 0, parsed.concepts, strong, matched[i])
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
            complete=complete,
            words=words,
            ignored=parsed.ignored,
            expanded=parsed.expanded,
            suggestion=suggestion,
            seconds=time.perf_counter() - started,
        )

    # -------------------------------------------------------------- items

    def item(self, item_id: str, q: str = "") -> ItemView:
        """Return a whole agenda item with the matches of query ``q`` marked in every passage."""
        parsed = parse_query(q, self._current().synonyms) if q.strip() else ParsedQuery("", None)
        marks = Marks(parsed.terms, parsed.phrases, parsed.prefixes)
        with self._lease() as lease:
            meta = lease.items.items([item_id]).get(item_id)
            column = lease.passages()
            docs = [StoredPassage.unpack(column[n]) for n in lease.searcher.document_numbers(item_id=item_id)]
            siblings = tuple((m.item_id, m.title) for m in lease.items.meeting_items(meta.meeting_id)) if meta else ()
        if meta is None or not docs:
            raise NotFoundError(f"There is no agenda item {item_id!r} in this index.")
        passages = []
        for p in sorted(docs, key=lambda p: p.ordinal):
            if not p.body:
                continue
            segs = tuple(highlight(p.body, marks))
            passages.append(ItemPassage(p.passage_id, p.section, p.speaker_role, p.speaker_name, segs,
                                        any(m for _, m in segs)))
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
        )


# ------------------------------------------------------------------ ranking


@dataclass(slots=True)
class _Page:
    """One page of matches (document numbers), and what the UI needs to page through them."""

    docnums: list[int]
    #: each hit's index in the matches it was cut from
    positions: list[int]
    scores: list[float]
    more: list[int]  # per hit: matching passages of its item left out by grouping
    total: int  # matching passages
    pages: int
    has_next: bool


def _ranking(a: IndexArrays, ev: Evaluator, cov: Coverage, parsed: ParsedQuery) -> ranking.Ranking:
    """Rank the matching passages (see :mod:`indexer.ranking`), adding the proximity of the
    concepts' words in the best passages of the first items."""
    codes = a.item_code[cov.ids]
    weights = ranking.coverage_weights(cov.df, a.live_count)
    weights[[k for k, c in enumerate(parsed.concepts) if c.weak]] = 0.0
    ordinals = a.ordinal[cov.ids]
    ranks = ranking.rank(codes, a.item_count, cov.bits, cov.body_bits, cov.scores, cov.body, weights, None, ordinals)
    terms = [c.terms for c in parsed.concepts]
    if sum(bool(t) for t in terms) < 2 or not len(cov.ids):
        return ranks
    # The passages with two or more concepts in their text, in the first items.
    several = ranking.popcount(cov.body_bits, len(terms)) >= 2
    if not several.any():
        return ranks
    keys = ranks.item_key[several]
    top_items = min(ranking.PROXIMITY_ITEMS, len(keys))
    threshold = np.partition(-keys, top_items - 1)[top_items - 1]
    chosen = np.flatnonzero(several)[-keys <= threshold]
    near = ev.proximity(cov.ids[chosen], terms, ranking.PROXIMITY_WINDOW)
    if not near.any():
        return ranks
    proximity = np.zeros(len(cov.ids))
    proximity[chosen] = near
    return ranking.rank(codes, a.item_count, cov.bits, cov.body_bits, cov.scores, cov.body, weights, proximity,
                        ordinals)


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


def _rank(a: IndexArrays, ids: np.ndarray, ranks: ranking.Ranking | None, request: SearchRequest, sort: Sort) -> _Page:
    """Order the matches, group them by item if asked, and cut out the requested page.

    By relevance, grouped: items by their key, each item's passages by theirs; ungrouped:
    passages by their own key. Only a window of the best matches is fully sorted: enough
    to fill the page after grouping, widened until it is (so the page is exact); counts
    use all matches.
    """
    n = len(ids)
    per_item = request.per_item
    codes = a.item_code[ids]
    secondary = tertiary = np.zeros(n)
    if sort == "relevance" and ranks is not None:
        if per_item:
            key, secondary, tertiary = -ranks.item_key, codes, -ranks.passage_key
        else:
            key = -ranks.alone_key
    elif sort == "relevance":
        key = np.zeros(n)
    else:
        dates = a.date[ids]
        undated = dates == UNKNOWN_DATE
        # Undated passages go last whichever way the dates run; then passage order.
        days = np.where(undated, -1, dates) if sort == "newest" else np.where(undated, 10**9, dates)
        key = (-days if sort == "newest" else days) * 65536 + a.ordinal[ids]
    wanted = request.page * request.per_page
    window = max(MIN_WINDOW, 4 * wanted)
    while True:
        if window >= n:
            candidates = np.arange(n)
        else:
            threshold = np.partition(key, window)[window]
            candidates = np.flatnonzero(key <= threshold)  # ties at the edge included: exact
        order = candidates[np.lexsort((ids[candidates], tertiary[candidates], secondary[candidates],
                                       key[candidates]))]
        if per_item:
            order = order[_occurrence(codes[order]) < per_item]
        if len(order) >= wanted or len(candidates) == n:
            break
        window *= 4
    if per_item:
        counts = np.bincount(codes, minlength=a.item_count)
        shown = int(np.minimum(counts, per_item).sum())
    else:
        shown = n
    start = wanted - request.per_page
    page = order[start:wanted]
    more = (np.maximum(counts[codes[page]] - per_item, 0) if per_item else np.zeros(len(page), dtype=np.int64))
    return _Page(
        docnums=ids[page].tolist(),
        positions=page.tolist(),
        scores=(-key[page]).tolist() if sort == "relevance" else [0.0] * len(page),
        more=more.tolist(),
        total=n,
        pages=-(-shown // request.per_page),
        has_next=wanted < shown,
    )


def _occurrence(keys: np.ndarray) -> np.ndarray:
    """For each position, how many earlier positions hold the same key (0 for the first)."""
    n = len(keys)
    by_key = np.argsort(keys, kind="stable")
    sorted_keys = keys[by_key]
    starts = np.r_[True, sorted_keys[1:] != sorted_keys[:-1]]
    first = np.maximum.accumulate(np.where(starts, np.arange(n), 0))
    out = np.empty(n, dtype=np.int64)
    out[by_key] = np.arange(n) - first
    return out


def _hit(p: StoredPassage, meta: ItemMeta | None, rank: int, marks: Marks, score: float, more: int,
         concepts: tuple[Concept, ...], strong: int, matched: int | None) -> Hit:
    title = meta.title if meta else ""
    partial = matched is not None and matched & strong != strong
    missing = tuple(c.label for k, c in enumerate(concepts) if partial and strong >> k & 1 and not matched >> k & 1)
    return Hit(
        rank=rank,
        passage_id=p.passage_id,
        item_id=p.item_id,
        meeting_id=meta.meeting_id if meta else "",
        title=title,
        title_marked=tuple(highlight(title, marks)),
        item_number=meta.number if meta else None,
        committee=meta.committee if meta else None,
        date=meta.date if meta else None,
        section=p.section,
        speaker_role=p.speaker_role,
        speaker_name=p.speaker_name,
        snippet=tuple(snippet(p.body, marks)),
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
    filters: list[wq.Query] = []
    if r.section:
        filters.append(compile_filter("section", r.section))
    if r.speaker:
        filters.append(compile_filter("speaker", r.speaker))
    if r.committee:
        filters.append(wq.Term("committee_key", " ".join(r.committee.split())))
    if r.date_from or r.date_to:
        filters.append(date_range_query(r.date_from, r.date_to))
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


def _close_all(live: _Live) -> None:
    for lease in live.idle:
        lease.close()
    live.idle.clear()


def labels() -> dict[str, dict[str, str]]:
    """Human labels for sections and speaker roles (for the UI and CLI)."""
    return {"sections": dict(SECTIONS), "roles": dict(ROLES)}
