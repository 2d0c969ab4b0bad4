"""Records the parser produces: documents → agenda items → passages.

These are plain frozen dataclasses with no Whoosh in sight, so that parsing can be
tested, evaluated and reused (export, harvesting) on its own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from .vocab import ROLES, SECTIONS


@dataclass(frozen=True, slots=True, repr=False)
class Meeting:
    """The meeting an item was considered at; any field may be unknown.

    ``body`` is the council or authority that published the minutes, when a manifest
    says so (a harvest does); see :meth:`Document.with_defaults`.
    """

    committee: str | None = None
    date: dt.date | None = None
    url: str | None = None
    body: str | None = None

    def __repr__(self) -> str:
        # The indexer hashes this repr to notice manifest changes: a meeting without a
        # body keeps the repr (and so the hash) it had before bodies existed.
        body = f", body={self.body!r}" if self.body else ""
        return f"Meeting(committee={self.committee!r}, date={self.date!r}, url={self.url!r}{body})"

    def filled_from(self, defaults: Meeting) -> Meeting:
        """Return this meeting with unknown fields taken from ``defaults``."""
        return Meeting(
            committee=self.committee or defaults.committee,
            date=self.date or defaults.date,
            url=self.url or defaults.url,
            body=self.body or defaults.body,
        )


def with_body(committee: str | None, body: str | None) -> str | None:
    """The committee as shown when its body is known: "Cabinet (Wessex County Council)".

    A committee whose name already holds the body's name is left as it is.
    """
    if not body:
        return committee
    if not committee:
        return body
    if body.lower() in committee.lower():
        return committee
    return f"{committee} ({body})"


@dataclass(frozen=True, slots=True)
class Passage:
    """One paragraph or bullet of minutes text."""

    text: str
    section: str = "discussion"
    speaker_role: str | None = None
    speaker_name: str | None = None
    #: Roles speaking jointly with the speaker ("The Commissioner and the Chief Executive presented
    #: the report"): counted in the item's roles; the index keeps the first speaker only.
    also_roles: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.section not in SECTIONS:
            raise ValueError(f"unknown section {self.section!r}")
        for role in (self.speaker_role, *self.also_roles):
            if role is not None and role not in ROLES:
                raise ValueError(f"unknown speaker role {role!r}")


@dataclass(frozen=True, slots=True)
class Item:
    """One agenda item with its minutes."""

    title: str
    number: str | None = None
    passages: tuple[Passage, ...] = ()
    resolutions: tuple[str, ...] = ()
    meeting: Meeting = field(default_factory=Meeting)
    url: str | None = None
    #: True for wholly procedural business (apologies, declarations, previous minutes…),
    #: which users may want to hide.
    procedural: bool = False

    @property
    def speaker_roles(self) -> list[str]:
        """Distinct speaker roles in order of first appearance."""
        return distinct(role for p in self.passages for role in (p.speaker_role, *p.also_roles))

    @property
    def speaker_names(self) -> list[str]:
        """Distinct speaker names in order of first appearance."""
        return distinct(p.speaker_name for p in self.passages)


#: What a document's ``guessed`` may name: "committee" (read from running text, not a header),
#: "meeting_date" (likewise), "items" (no agenda structure recognised: the text is kept as one item).
GUESSABLE = ("committee", "meeting_date", "items")

KINDS = ("agenda_item", "meeting", "issue_history", "printed_minutes", "agenda_only", "other")


@dataclass(frozen=True, slots=True)
class Document:
    """Everything parsed from one source file."""

    source: str
    kind: str
    items: tuple[Item, ...] = ()
    meeting: Meeting = field(default_factory=Meeting)
    warnings: tuple[str, ...] = ()
    #: Fields the parser inferred without a header stating them (see GUESSABLE); empty when sure.
    guessed: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown document kind {self.kind!r}")

    def with_defaults(self, defaults: Meeting) -> Document:
        """Fill unknown meeting fields (document and items) from manifest ``defaults``.

        When ``defaults`` names the body that published the file (a harvest's manifest),
        its committee is the body's own name for it and is taken over the one the parser
        read from page headers, qualified by the body: "Cabinet (Wessex County Council)".
        """
        if defaults.body:
            committee = with_body(defaults.committee or self.meeting.committee, defaults.body)
            meeting = replace(self.meeting, committee=committee).filled_from(defaults)
            items = tuple(replace(i, meeting=replace(i.meeting, committee=committee).filled_from(meeting))
                          for i in self.items)
            return replace(self, meeting=meeting, items=items)
        meeting = self.meeting.filled_from(defaults)
        items = tuple(replace(i, meeting=i.meeting.filled_from(meeting)) for i in self.items)
        return replace(self, meeting=meeting, items=items)


def item_record(doc: Document, item: Item) -> dict[str, Any]:
    """Return the JSON-ready record `minutes parse --json` prints for one item."""
    meeting = item.meeting.filled_from(doc.meeting)
    return {
        "source": doc.source,
        "kind": doc.kind,
        "committee": meeting.committee,
        "meeting_date": meeting.date.isoformat() if meeting.date else None,
        "meeting_url": meeting.url,
        "item_number": item.number,
        "item_title": item.title,
        "item_url": item.url,
        "guessed": [g for g in doc.guessed if not (g == "committee" and item.meeting.committee)
                    and not (g == "meeting_date" and item.meeting.date)],
        "procedural": item.procedural,
        "resolutions": list(item.resolutions),
        "speaker_roles": item.speaker_roles,
        "speaker_names": item.speaker_names,
        "passages": [
            {
                "section": p.section,
                "speaker_role": p.speaker_role,
                "speaker_name": p.speaker_name,
                "text": p.text,
            }
            for p in item.passages
        ],
    }


def distinct(values: Any) -> list[str]:
    """The non-empty values, each once, in first-seen order."""
    seen: dict[str, None] = {}
    for v in values:
        if v:
            seen.setdefault(v, None)
    return list(seen)
