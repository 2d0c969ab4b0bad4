"""The Whoosh schema: one document per passage, with its item and meeting as fields.

Metadata stays structured in its own fields (committee, date, item, section, speaker),
never baked into the body text, so it can be filtered, faceted, sorted and exported.
"""

from __future__ import annotations

from whoosh.fields import DATETIME, ID, NUMERIC, STORED, TEXT, Schema

from .analysis import ANALYZER_VERSION, minutes_analyzer

#: Bump whenever fields change. Together with the analyzer version it must match the
#: index's recorded version, or the index is refused as stale.
SCHEMA_VERSION = 1

#: The version string recorded in (and checked against) every index.
INDEX_FORMAT = f"schema-{SCHEMA_VERSION}.analyzer-{ANALYZER_VERSION}"

#: Fields searched by plain query words, with their query-time boosts (BM25F-style:
#: each field is scored with BM25 and the boosted scores summed). An item title is
#: short and chosen by a clerk to say what the item is about, so a word there is worth
#: more than the same word in a passage; committee and speaker names help queries such
#: as "surrey precept" or "warwick rural crime" without dominating.
DEFAULT_FIELDS: dict[str, float] = {
    "body": 1.0,
    "title": 2.5,
    "speaker_name": 1.0,
    "committee": 0.5,
}


def build_schema() -> Schema:
    """Return a fresh schema instance (analyzers are shared by the text fields)."""
    analyzer = minutes_analyzer()
    return Schema(
        # Identity and provenance.
        id=ID(stored=True, unique=True),  # passage id: "<item_id>-<ordinal>"
        item_id=ID(stored=True),
        meeting_id=ID(stored=True),
        source=ID(stored=True),  # corpus-relative path, for incremental re-indexing
        kind=ID(stored=True),
        url=STORED(),
        ordinal=NUMERIC(stored=True, sortable=True),  # passage order within its item
        # Meeting.
        committee=TEXT(analyzer=analyzer, stored=True, phrase=True),
        committee_key=ID(stored=True, sortable=True),  # exact name, for facets and filters
        date=DATETIME(stored=True, sortable=True),
        # Agenda item.
        item_number=STORED(),  # as printed: "9.", "39/20", "(a)"
        item_key=ID(),  # normalised for item: filters, see query.item_number_key
        title=TEXT(analyzer=analyzer, stored=True, phrase=True),
        procedural_item=ID(stored=True),  # "1" for wholly procedural items
        # Passage.
        section=ID(stored=True),
        speaker=ID(stored=True),
        speaker_name=TEXT(analyzer=analyzer, stored=True, phrase=True),
        body=TEXT(analyzer=analyzer, stored=True, phrase=True),
    )


def item_number_key(number: str) -> str:
    """Normalise an item number for the ``item_key`` field ("9." → "9", "FC1/22" → "fc1/22")."""
    return number.strip().rstrip(".").strip("()").lower()
