"""What a search returns: requests, hits, pages of results and whole items.

Plain frozen dataclasses with ``to_dict()`` for JSON; no Whoosh here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
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

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready form (snippet as plain text and as escaped HTML)."""
        d = {f: getattr(self, f) for f in self.__slots__}  # shallow: asdict deep-copies every segment
        d["date"] = self.date.isoformat() if self.date else None
        d["title_marked"] = to_html(self.title_marked)
        d["snippet"] = to_text(self.snippet)
        d["snippet_html"] = to_html(self.snippet)
        d["score"] = round(self.score, 4)
        d["words_missing"] = list(self.words_missing)
        return d


@dataclass(frozen=True, slots=True)
class ResultPage:
    """A page of search results and what the UI needs to explain them."""

    request: SearchRequest
    hits: tuple[Hit, ...]
    #: passages that match (before grouping by item)
    total: int
    page: int
    #: number of pages (of passages, or of grouped passages when grouped by item)
    pages: int
    has_next: bool = False
    #: True when some results on this page match only some of the words
    partial: bool = False
    #: passages that match every word of the query (in their text or their item's title)
    complete: int = 0
    #: the query's words, phrases and alternatives, as typed
    words: tuple[str, ...] = ()
    ignored: tuple[str, ...] = ()
    #: (what was typed, the other spellings also searched): "also searched: …"
    expanded: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: a corrected query when a word is unknown or results are few ("did you mean")
    suggestion: str | None = None
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
            "complete": self.complete,
            "words": list(self.words),
            "ignored_words": list(self.ignored),
            "also_searched": [{"typed": typed, "also": list(also)} for typed, also in self.expanded],
            "suggestion": self.suggestion,
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
    #: (item_id, title) of every indexed item of the same meeting, in agenda order
    siblings: tuple[tuple[str, str], ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        d = {f: getattr(self, f) for f in self.__slots__}
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
        d["siblings"] = [{"item_id": i, "title": t} for i, t in self.siblings]
        return d
