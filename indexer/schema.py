"""The Whoosh schema: one document per passage, with its item and meeting as fields.

Metadata stays structured in its own fields (committee, date, item, section, speaker),
never baked into the body text, so it can be filtered, faceted, sorted and exported.

Plain query words search one field, ``text``, which holds the passage together with its
item title, speaker name and committee, each part's term frequencies weighted by
:data:`TEXT_PARTS` at index time. That is BM25F proper (weighted term frequencies summed
across fields before BM25 saturates them) and it costs one posting list per query word
instead of one per field per word.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from collections.abc import Iterator, Sequence
from typing import Any

from whoosh.fields import DATETIME, ID, NUMERIC, STORED, TEXT, Schema

from .analysis import ANALYZER_VERSION, minutes_analyzer

#: Bump whenever fields change. Together with the analyzer version it must match the
#: index's recorded version, or the index is refused as stale.
SCHEMA_VERSION = 2

#: The version string recorded in (and checked against) every index.
INDEX_FORMAT = f"schema-{SCHEMA_VERSION}.analyzer-{ANALYZER_VERSION}"

#: The parts of the ``text`` field and the weight of a term occurrence in each. An item
#: title is short and chosen by a clerk to say what the item is about, so a word there
#: counts for more than the same word in a passage; committee and speaker names help
#: queries such as "surrey precept" or "warwick rural crime" without dominating.
TEXT_PARTS: dict[str, float] = {
    "title": 2.5,
    "speaker_name": 1.0,
    "committee": 0.2,
    "body": 1.0,
}
#: Every passage carries its item title, so that "precept reserves" finds the passage
#: about reserves in the item on the precept; but only the item's first passage carries
#: it at full weight, so a title-only match ranks the item's opening first rather than
#: whichever passage happens to be shortest.
TITLE_WEIGHT_AFTER_LEAD = 0.3

#: Positions left empty between parts so that a phrase never spans two of them.
_PART_GAP = 8


class WeightedText(TEXT):  # type: ignore[misc]
    """A text field indexed from weighted parts: ``[(text, weight), ...]``.

    Each term's stored weight (its BM25 term frequency) is the sum of the weights of its
    occurrences; positions run on across parts, with a gap between them, for phrases.
    Parts go through the project analyzer (:func:`minutes_analyzer`), the same one the
    field declares for queries.
    """

    def index(self, value: Any, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        parts: Sequence[tuple[str, float]] = [(value, 1.0)] if isinstance(value, str) else value
        positions: dict[str, list[int]] = defaultdict(list)
        weights: dict[str, float] = defaultdict(float)
        start = 0
        for text, weight in parts:
            terms = _analysed(text) if len(text) <= 200 else _analyse(text)
            for term, pos in terms:
                positions[term].append(start + pos)
                weights[term] += weight
            start += (terms[-1][1] + 1 if terms else 0) + _PART_GAP
        encode = self.format.encode
        for word in sorted(positions):
            poslist = positions[word]
            yield word.encode("utf-8"), len(poslist), weights[word], encode(poslist)


_analyzer = minutes_analyzer()


def _analyse(text: str) -> tuple[tuple[str, int], ...]:
    return tuple((t.text, t.pos) for t in _analyzer(text, positions=True, mode="index"))


#: Titles and committee names repeat on every passage of an item: analyse each once.
_analysed = lru_cache(maxsize=4096)(_analyse)


def build_schema() -> Schema:
    """Return a fresh schema instance (analyzers are shared by the text fields)."""
    analyzer = minutes_analyzer()
    return Schema(
        # Identity and provenance.
        id=ID(stored=True, unique=True),  # passage id: "<item_id>-<ordinal>"
        item_id=ID(stored=True, sortable=True),  # sortable: results collapse by item
        meeting_id=ID(stored=True),
        source=ID(stored=True),  # corpus-relative path, for incremental re-indexing
        kind=ID(stored=True),
        url=STORED(),
        ordinal=NUMERIC(stored=True, sortable=True),  # passage order within its item
        # What plain query words search (see TEXT_PARTS).
        text=WeightedText(analyzer=analyzer, phrase=True),
        # Meeting.
        committee=TEXT(analyzer=analyzer, phrase=True),  # for committee: filters
        committee_key=ID(stored=True, sortable=True),  # exact name, for display and facets
        date=DATETIME(stored=True, sortable=True),
        # Agenda item.
        item_number=STORED(),  # as printed: "9.", "39/20", "(a)"
        item_key=ID(),  # normalised for item: filters, see item_number_key
        title=TEXT(analyzer=analyzer, stored=True, phrase=True),  # for title: filters
        procedural_item=ID(stored=True),  # "1" for wholly procedural items
        # Passage.
        section=ID(stored=True),
        speaker=ID(stored=True),
        speaker_name=TEXT(analyzer=analyzer, stored=True, phrase=True),  # for name: filters
        body=STORED(),
    )


def text_parts(
    title: str, speaker_name: str | None, committee: str | None, body: str, lead: bool = True
) -> list[tuple[str, float]]:
    """Return the weighted parts of a passage's ``text`` field value.

    ``lead`` is True for the first passage of an item (see :data:`TITLE_WEIGHT_AFTER_LEAD`).
    """
    values = {"title": title, "speaker_name": speaker_name, "committee": committee, "body": body}
    weights = dict(TEXT_PARTS) if lead else {**TEXT_PARTS, "title": TITLE_WEIGHT_AFTER_LEAD}
    return [(values[name] or "", weights[name]) for name in TEXT_PARTS if values[name]]


def item_number_key(number: str) -> str:
    """Normalise an item number for the ``item_key`` field ("9." → "9", "FC1/22" → "fc1/22")."""
    return number.strip().rstrip(".").strip("()").lower()
