"""What a search returns: requests, hits, pages of results and whole items.

Plain frozen dataclasses with ``to_dict()`` for JSON; no Whoosh here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Literal

from .errors import QueryError
from .snippets import Segment, to_html, to_text

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
    #: search the words as written: no stemming ("worthing" does not find "worth")
    exact: bool = False

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
    #: for an item that matches only some of the query's words: how many it matches
    words_matched: int | None = None
    #: … and the words (as typed) it does not match
    words_missing: tuple[str, ...] = ()
    #: matching passages of the same item left out of the list (see ``per_item``)
    more_in_item: int = 0

    @property
    def item_path(self) -> str:
        """The item page's path on a minutes-search server (the web UI makes it absolute)."""
        return item_path(self.item_id)

    @property
    def matched_forms(self) -> tuple[str, ...]:
        """The word forms the query matched in this hit's title and snippet, each once
        (lower case, in order): "planning, planned" shows what stemming found."""
        return matched_forms(self.title_marked, self.snippet)

    def to_dict(self, item_url: str | None = None) -> dict[str, Any]:
        """Return a JSON-ready form. Marked-up text comes twice, as ``NAME`` (plain text)
        and ``NAME_html`` (escaped HTML with ``<mark>``), for the title and the snippet;
        ``item_url`` is the item page (``item_url`` if given, else its path) and
        ``source_url`` the minutes' own page."""
        title_html, snippet_text, snippet_html, forms = _rendered(self.title_marked, self.snippet)
        # The fields in declaration order (less the marked title and the source link), then
        # the rendered forms: written out, as a comprehension over __slots__ with getattr
        # costs a tenth of a JSON results page.
        return {
            "rank": self.rank,
            "passage_id": self.passage_id,
            "item_id": self.item_id,
            "meeting_id": self.meeting_id,
            "title": self.title,
            "item_number": self.item_number,
            "committee": self.committee,
            "date": self.date.isoformat() if self.date else None,
            "section": self.section,
            "speaker_role": self.speaker_role,
            "speaker_name": self.speaker_name,
            "snippet": snippet_text,
            "source": self.source,
            "score": round(self.score, 4),
            "words_matched": self.words_matched,
            "words_missing": list(self.words_missing),
            "more_in_item": self.more_in_item,
            "title_html": title_html,
            "snippet_html": snippet_html,
            "item_url": item_url or self.item_path,
            "source_url": self.url,
            "matched_forms": list(forms),
        }


@dataclass(frozen=True, slots=True)
class ResultPage:
    """A page of search results and what the UI needs to explain them."""

    request: SearchRequest
    hits: tuple[Hit, ...]
    #: passages that match (before grouping by item)
    total: int
    page: int
    #: number of pages (of agenda items when grouped by item, else of passages)
    pages: int
    has_next: bool = False
    #: True when some results on this page match only some of the words
    partial: bool = False
    #: agenda items that match (when grouped by item: ``per_item`` > 0)
    items: int = 0
    #: passages that match every word of the query (in their text or their item's title)
    complete: int = 0
    #: the query's words, phrases and alternatives, as typed
    words: tuple[str, ...] = ()
    ignored: tuple[str, ...] = ()
    #: (what was typed, the other spellings also searched): "also searched: …"
    expanded: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: (what was typed, related terms also searched, counted for less): "related terms …"
    related: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: a corrected query when a word is unknown or results are few ("did you mean")
    suggestion: str | None = None
    seconds: float = 0.0

    @property
    def cards(self) -> list[list[Hit]]:
        """The hits as result cards: consecutive hits of one agenda item together."""
        out: list[list[Hit]] = []
        for h in self.hits:
            if out and out[-1][0].item_id == h.item_id and out[-1][0].rank == h.rank:
                out[-1].append(h)
            else:
                out.append([h])
        return out

    def to_dict(self, item_url: Callable[[str], str] | None = None) -> dict[str, Any]:
        """Return a JSON-ready form; ``item_url`` maps an item id to its page's URL."""
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
                "exact": r.exact,
            },
            "sort": r.sort,
            "total": self.total,
            "items": self.items,
            "page": self.page,
            "pages": self.pages,
            "has_next": self.has_next,
            "per_page": r.per_page,
            "per_item": r.per_item,
            "partial": self.partial,
            "complete": self.complete,
            "words": list(self.words),
            "ignored_words": list(self.ignored),
            "also_searched": [{"typed": typed, "also": list(also)} for typed, also in self.expanded],
            "related_searched": [{"typed": typed, "related": list(rel)} for typed, rel in self.related],
            "suggestion": self.suggestion,
            "seconds": round(self.seconds, 4),
            "hits": [h.to_dict(item_url(h.item_id) if item_url else None) for h in self.hits],
        }


@dataclass(frozen=True, slots=True)
class ItemPassage:
    passage_id: str
    section: str
    speaker_role: str | None
    speaker_name: str | None
    text: tuple[Segment, ...]
    #: the search matches this passage (its words may be in the item's title only)
    matched: bool

    @property
    def marked(self) -> bool:
        """True when the query's words are marked in the passage's own text."""
        return any(m for _, m in self.text)


@dataclass(frozen=True, slots=True)
class ItemRef:
    """Another agenda item, as listed on an item page (same meeting, or same series)."""

    item_id: str
    title: str
    number: str | None = None
    committee: str | None = None
    date: dt.date | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "item_id": self.item_id,
            "title": self.title,
            "item_number": self.number,
            "committee": self.committee,
            "date": self.date.isoformat() if self.date else None,
            "item_url": item_path(self.item_id),
        }


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
    #: passages with a match of the query marked in them
    matches: int = 0
    #: every indexed item of the same meeting (this one included), in agenda order
    siblings: tuple[ItemRef, ...] = field(default=())
    #: the same business at the committee's other meetings, newest first (see
    #: :mod:`indexer.series`); this item is not among them
    series: tuple[ItemRef, ...] = field(default=())

    @property
    def matched_ids(self) -> tuple[str, ...]:
        """The passage ids of the passages with a match, in order (for jump links)."""
        return tuple(p.passage_id for p in self.passages if p.matched)

    def to_dict(self) -> dict[str, Any]:
        d = {f: getattr(self, f) for f in self.__slots__}
        d.pop("url")
        d["date"] = self.date.isoformat() if self.date else None
        d["item_url"] = item_path(self.item_id)
        d["source_url"] = self.url
        d["passages"] = [
            {
                "passage_id": p.passage_id,
                "section": p.section,
                "speaker_role": p.speaker_role,
                "speaker_name": p.speaker_name,
                "text": to_text(p.text),
                "text_html": to_html(p.text),
                "matched": p.matched,
            }
            for p in self.passages
        ]
        d["siblings"] = [r.to_dict() for r in self.siblings]
        d["series"] = [r.to_dict() for r in self.series]
        return d


# ------------------------------------------------------------------ facets and timelines


@dataclass(frozen=True, slots=True)
class FacetValue:
    """One value of a facet, with the number of matching agenda items choosing it leaves."""

    value: str  # what the request parameter takes (committee name, year, section or role key)
    label: str
    count: int
    selected: bool = False


@dataclass(frozen=True, slots=True)
class Period:
    """One bar of a timeline: a year or a month, and its matching agenda items."""

    label: str
    start: dt.date
    end: dt.date
    count: int


@dataclass(frozen=True, slots=True)
class Overview:
    """What a search's whole set of matches holds, counted in agenda items: per facet
    value (committee, year, section, speaker role) and per year or month."""

    request: SearchRequest
    items: int
    passages: int
    facets: tuple[tuple[str, tuple[FacetValue, ...]], ...]
    timeline: tuple[Period, ...] = ()
    timeline_unit: Literal["year", "month"] = "year"
    #: matching agenda items with no known meeting date (not on the timeline)
    undated: int = 0
    partial: bool = False

    def facet(self, name: str) -> tuple[FacetValue, ...]:
        return dict(self.facets).get(name, ())

    def to_dict(self) -> dict[str, Any]:
        return {
            "items": self.items,
            "passages": self.passages,
            "facets": {
                name: [{"value": v.value, "label": v.label, "items": v.count, "selected": v.selected} for v in values]
                for name, values in self.facets
            },
            "timeline": {
                "unit": self.timeline_unit,
                "periods": [
                    {"label": p.label, "from": p.start.isoformat(), "to": p.end.isoformat(), "items": p.count}
                    for p in self.timeline
                ],
                "undated_items": self.undated,
            },
        }


# ------------------------------------------------------------------ export

#: The columns of an export, in order (CSV header and JSON keys).
EXPORT_COLUMNS = (
    "committee", "date", "item_number", "item_title", "section", "speaker_role", "speaker_name",
    "text", "item_url", "source_url", "item_id", "passage_id",
)


@dataclass(frozen=True, slots=True)
class ExportRow:
    """One matching passage, as a row of an export."""

    committee: str | None
    date: dt.date | None
    item_number: str | None
    item_title: str
    section: str
    speaker_role: str | None
    speaker_name: str | None
    text: str
    source_url: str | None
    item_id: str
    passage_id: str

    def to_dict(self, item_url: str | None = None) -> dict[str, Any]:
        """Return the row with :data:`EXPORT_COLUMNS` as keys."""
        return {
            "committee": self.committee,
            "date": self.date.isoformat() if self.date else None,
            "item_number": self.item_number,
            "item_title": self.item_title,
            "section": self.section,
            "speaker_role": self.speaker_role,
            "speaker_name": self.speaker_name,
            "text": self.text,
            "item_url": item_url or item_path(self.item_id),
            "source_url": self.source_url,
            "item_id": self.item_id,
            "passage_id": self.passage_id,
        }


@dataclass(frozen=True, slots=True)
class Export:
    """Every matching passage of a search, up to a limit, to be written out row by row."""

    request: SearchRequest
    #: matching passages in all
    total: int
    limit: int
    rows: Iterator[ExportRow]

    @property
    def truncated(self) -> bool:
        return self.total > self.limit

    @property
    def count(self) -> int:
        """How many rows the export holds."""
        return min(self.total, self.limit)

    def message(self) -> str | None:
        """A sentence saying the export stops at the limit, or None if it holds everything."""
        if not self.truncated:
            return None
        return (f"This export holds the first {self.limit:,} of {self.total:,} matching passages (the export limit). "
                "Narrow the search by committee, date, section or speaker to export the rest.")


# ------------------------------------------------------------------ helpers


def item_path(item_id: str) -> str:
    """The path of an item's page on a minutes-search server."""
    return f"/item/{item_id}"


@lru_cache(maxsize=16384)
def _rendered(title: tuple[Segment, ...], snippet: tuple[Segment, ...]) -> tuple[str, str, str, tuple[str, ...]]:
    """A hit's marked title as HTML, its snippet as text and HTML, and its matched forms,
    kept: the search engine hands out the same marked titles and snippets for the same
    passages and words (see ``indexer.search._marked``)."""
    return to_html(title), to_text(snippet), to_html(snippet), matched_forms(title, snippet)


def matched_forms(*texts: Iterable[Segment]) -> tuple[str, ...]:
    """The distinct marked texts of ``texts``, lower case, in order of appearance."""
    seen: dict[str, None] = {}
    for segs in texts:
        for text, hit in segs:
            if hit:
                seen.setdefault(" ".join(text.lower().split()), None)
    return tuple(seen)
