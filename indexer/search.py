"""Search an index: ranked, filtered, paginated passages with highlighted snippets.

:class:`SearchEngine` is the only way the CLI and web UI reach the index. It shares one
Whoosh ``Index`` between threads, opens a searcher per call (Whoosh searchers are not
thread-safe), and notices when a new build has been published and switches to it.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from whoosh import query as wq
from whoosh import sorting
from whoosh.index import Index
from whoosh.scoring import BM25F
from whoosh.searching import Searcher

from . import store
from .errors import NotFoundError, QueryError
from .query import COORD_BONUS, ParsedQuery, compile_filter, date_range_query, parse_query
from .snippets import Marks, Segment, highlight, snippet, to_html, to_text
from .vocab import ROLES, SECTIONS

Sort = Literal["relevance", "newest", "oldest"]
SORTS: tuple[Sort, ...] = ("relevance", "newest", "oldest")
MAX_PER_PAGE = 100
MAX_PAGE = 1000


@dataclass(frozen=True, slots=True)
class SearchRequest:
    """A search as a user asks for it: query text plus the UI's filter controls."""

    q: str = ""
    section: str | None = None
    speaker: str | None = None
    committee: str | None = None  # exact committee name, as listed by :meth:`SearchEngine.committees`
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    hide_procedural: bool = False
    sort: Sort = "relevance"
    page: int = 1
    per_page: int = 10
    #: at most this many passages per agenda item (0: no limit), so one long item
    #: does not crowd out the others
    per_item: int = 2

    def __post_init__(self) -> None:
        if self.sort not in SORTS:
            raise QueryError(f"Sort by one of: {', '.join(SORTS)}.")
        if not 1 <= self.page <= MAX_PAGE:
            raise QueryError(f"Page numbers run from 1 to {MAX_PAGE}.")
        if not 1 <= self.per_page <= MAX_PER_PAGE:
            raise QueryError(f"Show between 1 and {MAX_PER_PAGE} results per page.")
        if not 0 <= self.per_item <= MAX_PER_PAGE:
            raise QueryError(f"Show between 0 (all) and {MAX_PER_PAGE} passages per item.")

    @property
    def is_empty(self) -> bool:
        """True when nothing at all was asked for (show the start page)."""
        return not (self.q.strip() or self.section or self.speaker or self.committee or self.date_from or self.date_to)


@dataclass(frozen=True, slots=True)
class Hit:
    """One passage in a result list."""

    rank: int
    passage_id: str
    item_id: str
    meeting_id: str
    title: str
    title_marked: tuple[Segment, ...]
    item_number: str | None
    committee: str | None
    date: dt.date | None
    section: str
    speaker_role: str | None
    speaker_name: str | None
    snippet: tuple[Segment, ...]
    url: str | None
    source: str
    score: float
    #: for partial matches: how many of the query's words this passage matched
    words_matched: int | None = None
    #: matching passages of the same item left out of the list (see ``per_item``)
    more_in_item: int = 0

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready form (snippet as plain text and as escaped HTML)."""
        d = asdict(self)
        d["date"] = self.date.isoformat() if self.date else None
        d["title_marked"] = to_html(self.title_marked)
        d["snippet"] = to_text(self.snippet)
        d["snippet_html"] = to_html(self.snippet)
        d["score"] = round(self.score, 4)
        return d


@dataclass(frozen=True, slots=True)
class ResultPage:
    """A page of search results and what the UI needs to explain them."""

    request: SearchRequest
    hits: tuple[Hit, ...]
    #: passages that match (before grouping by item)
    total: int
    page: int
    #: number of pages, or None when results are grouped by item (then see ``has_next``)
    pages: int | None
    has_next: bool = False
    #: True when no passage had every word and the results match only some of them
    partial: bool = False
    words: tuple[str, ...] = ()
    ignored: tuple[str, ...] = ()
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        r = self.request
        return {
            "query": r.q,
            "filters": {
                "section": r.section,
                "speaker": r.speaker,
                "committee": r.committee,
                "date_from": r.date_from.isoformat() if r.date_from else None,
                "date_to": r.date_to.isoformat() if r.date_to else None,
                "hide_procedural": r.hide_procedural,
            },
            "sort": r.sort,
            "total": self.total,
            "page": self.page,
            "pages": self.pages,
            "has_next": self.has_next,
            "per_page": r.per_page,
            "per_item": r.per_item,
            "partial": self.partial,
            "ignored_words": list(self.ignored),
            "seconds": round(self.seconds, 4),
            "hits": [h.to_dict() for h in self.hits],
        }


@dataclass(frozen=True, slots=True)
class ItemPassage:
    passage_id: str
    section: str
    speaker_role: str | None
    speaker_name: str | None
    text: tuple[Segment, ...]
    matched: bool


@dataclass(frozen=True, slots=True)
class ItemView:
    """A whole agenda item: metadata and every passage, with query matches marked."""

    item_id: str
    meeting_id: str
    title: str
    item_number: str | None
    committee: str | None
    date: dt.date | None
    url: str | None
    source: str
    kind: str
    passages: tuple[ItemPassage, ...]
    matches: int = 0
    #: the item immediately before/after in the same meeting, if indexed
    siblings: tuple[tuple[str, str], ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["date"] = self.date.isoformat() if self.date else None
        d["passages"] = [
            {
                "passage_id": p.passage_id,
                "section": p.section,
                "speaker_role": p.speaker_role,
                "speaker_name": p.speaker_name,
                "text": to_text(p.text),
                "html": to_html(p.text),
                "matched": p.matched,
            }
            for p in self.passages
        ]
        d.pop("siblings")
        return d


class SearchEngine:
    """Answers searches against the live generation of an index folder."""

    def __init__(self, index_dir: Path | str) -> None:
        self.root = Path(index_dir)
        self._lock = threading.Lock()
        self._gen: store.Generation | None = None
        self._ix: Index | None = None
        self._facets: dict[str, list[tuple[str, int]]] = {}
        self._checked = 0.0
        self._open()

    # -------------------------------------------------------------- index handling

    def _open(self) -> None:
        gen = store.current(self.root)
        ix = store.open_generation(gen)
        with ix.searcher() as s:
            facets = {"committee": _term_counts(s, "committee_key")}
        with self._lock:
            self._gen, self._ix, self._facets = gen, ix, facets

    def _index(self) -> Index:
        """Return the live index, switching to a newer build if one was published."""
        now = time.monotonic()
        if now - self._checked > 1.0:
            self._checked = now
            name = store.current_name(self.root)
            if name is not None and self._gen is not None and name != self._gen.name:
                self._open()
        assert self._ix is not None
        return self._ix

    @contextmanager
    def _searcher(self, weighting: Any = None) -> Iterator[Searcher]:
        s = self._index().searcher(weighting=weighting or BM25F())
        try:
            yield s
        finally:
            s.close()

    @property
    def info(self) -> dict[str, Any]:
        """Facts about the live build (generation, counts, build time)."""
        self._index()
        assert self._gen is not None
        return {"generation": self._gen.name, **self._gen.meta}

    def committees(self) -> list[tuple[str, int]]:
        """Return every committee name in the index with its passage count, by name."""
        self._index()
        return list(self._facets["committee"])

    # -------------------------------------------------------------- searching

    def search(self, request: SearchRequest) -> ResultPage:
        """Run ``request`` and return one page of hits; raise QueryError if it is malformed."""
        started = time.perf_counter()
        parsed = parse_query(request.q)
        filters = _request_filters(request)
        if parsed.query is None and not filters:
            return ResultPage(request, (), 0, request.page, 0, seconds=time.perf_counter() - started)
        main = _combine(parsed.query, filters)
        sort = request.sort if (parsed.has_text or request.sort != "relevance") else "newest"
        marks = Marks(parsed.terms, parsed.phrases, parsed.prefixes)
        with self._searcher() as s:
            page = self._run(s, main, request, sort)
            partial = False
            if page.total == 0 and parsed.partial is not None:
                page = self._run(s, _combine(parsed.partial, filters), request, sort)
                partial = page.total > 0
            # "More in this item" goes on the item's last passage on the page only.
            last = {h["item_id"]: i for i, h in enumerate(page.hits)}
            hits = tuple(
                self._hit(hit, request.per_page * (request.page - 1) + i + 1, marks, partial,
                          page.more.get(hit["item_id"], 0) if last[hit["item_id"]] == i else 0)
                for i, hit in enumerate(page.hits)
            )
        return ResultPage(
            request,
            hits,
            page.total,
            request.page,
            page.pages,
            has_next=page.has_next,
            partial=partial,
            words=parsed.words,
            ignored=parsed.ignored,
            seconds=time.perf_counter() - started,
        )

    def _run(self, s: Searcher, q: wq.Query, request: SearchRequest, sort: Sort) -> _Page:
        sortedby = None
        if sort != "relevance":
            sortedby = [sorting.FieldFacet("date", reverse=sort == "newest"), sorting.FieldFacet("ordinal")]
        wanted = request.page * request.per_page
        start = wanted - request.per_page
        if not request.per_item:
            collector = s.collector(limit=wanted, sortedby=sortedby)
            s.search_with_collector(q, collector)
            results = collector.results()
            total = len(results)
            return _Page(list(results[start:wanted]), total, -(-total // request.per_page), wanted < total, {})
        # Grouped: at most per_item passages per agenda item. One more than the page
        # needs tells whether there is a next page.
        collector = s.collector(
            limit=wanted + 1, sortedby=sortedby, collapse=sorting.FieldFacet("item_id"), collapse_limit=request.per_item
        )
        s.search_with_collector(q, collector)
        results = collector.results()
        hits = list(results[start:wanted])
        return _Page(hits, _uncollapsed_total(collector), None, results.scored_length() > wanted,
                     self._more_in_items(s, q, hits, request.per_item))

    def _more_in_items(self, s: Searcher, q: wq.Query, hits: list[Any], per_item: int) -> dict[str, int]:
        """Count, for each item on the page, its matching passages beyond the ``per_item`` shown."""
        more = {}
        for item_id in {h["item_id"] for h in hits}:
            n = sum(1 for _ in s.docs_for_query(wq.And([wq.Term("item_id", item_id), q])))
            more[item_id] = max(0, n - per_item)
        return more

    def _hit(self, hit: Any, rank: int, marks: Marks, partial: bool, more: int) -> Hit:
        f = hit.fields()
        # When sorted by date, Whoosh puts the sort key where the score would be.
        score = float(hit.score) if isinstance(hit.score, (int, float)) else 0.0
        return Hit(
            rank=rank,
            passage_id=f["id"],
            item_id=f["item_id"],
            meeting_id=f["meeting_id"],
            title=f.get("title", ""),
            title_marked=tuple(highlight(f.get("title", ""), marks)),
            item_number=f.get("item_number"),
            committee=f.get("committee_key"),
            date=_date(f.get("date")),
            section=f.get("section", "discussion"),
            speaker_role=f.get("speaker"),
            speaker_name=f.get("speaker_name"),
            snippet=tuple(snippet(f.get("body", ""), marks)),
            url=f.get("url"),
            source=f["source"],
            score=score,
            words_matched=int(score // COORD_BONUS) if partial and score else None,
            more_in_item=more,
        )

    # -------------------------------------------------------------- items

    def item(self, item_id: str, q: str = "") -> ItemView:
        """Return a whole agenda item with the matches of query ``q`` marked in every passage."""
        parsed = parse_query(q) if q.strip() else ParsedQuery("", None)
        marks = Marks(parsed.terms, parsed.phrases, parsed.prefixes)
        with self._searcher() as s:
            docs = sorted(s.documents(item_id=item_id), key=lambda d: d.get("ordinal", 0))
            if not docs:
                raise NotFoundError(f"There is no agenda item {item_id!r} in this index.")
            siblings = self._siblings(s, docs[0])
        first = docs[0]
        passages = []
        matches = 0
        for d in docs:
            body = d.get("body", "")
            if not body:
                continue
            segs = highlight(body, marks)
            matched = any(m for _, m in segs)
            matches += matched
            passages.append(
                ItemPassage(d["id"], d.get("section", "discussion"), d.get("speaker"), d.get("speaker_name"), tuple(segs), matched)
            )
        return ItemView(
            item_id=item_id,
            meeting_id=first["meeting_id"],
            title=first.get("title", ""),
            item_number=first.get("item_number"),
            committee=first.get("committee_key"),
            date=_date(first.get("date")),
            url=first.get("url"),
            source=first["source"],
            kind=first.get("kind", "other"),
            passages=tuple(passages),
            matches=matches,
            siblings=siblings,
        )

    def _siblings(self, s: Searcher, first: dict[str, Any]) -> tuple[tuple[str, str], ...]:
        """Return (item_id, title) of the items of the same meeting, in index order."""
        seen: dict[str, str] = {}
        for d in s.documents(meeting_id=first["meeting_id"]):
            seen.setdefault(d["item_id"], d.get("title", ""))
        return tuple(seen.items())


@dataclass(slots=True)
class _Page:
    """One page of Whoosh hits, and what the UI needs to page through them."""

    hits: list[Any]
    total: int
    pages: int | None
    has_next: bool
    more: dict[str, int]


def _uncollapsed_total(collector: Any) -> int:
    """Return the number of matching passages from a collapsing collector.

    Every match is either collected by the inner collector (which counts it) or rejected
    by the collapsing one (which counts that), unless the inner collector skipped blocks
    by score, in which case it counts all matches itself.
    """
    child = collector.child
    if child.computes_count():
        return int(child.count() + collector.collapsed_total)
    return int(child.count())


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
    if fieldname not in reader.schema:
        return []
    out = []
    for term in reader.lexicon(fieldname):
        text = term.decode("utf-8") if isinstance(term, bytes) else term
        out.append((text, reader.doc_frequency(fieldname, text)))
    return sorted(out, key=lambda kv: kv[0].lower())


def _date(value: Any) -> dt.date | None:
    return value.date() if isinstance(value, dt.datetime) else None


def labels() -> dict[str, dict[str, str]]:
    """Human labels for sections and speaker roles (for the UI and CLI)."""
    return {"sections": dict(SECTIONS), "roles": dict(ROLES)}


