"""The intermediate form between layout (where items are) and meaning (what the text says).

Every input format (crawler text, ModernGov HTML, PDF) is turned into a :class:`RawDoc`
of :class:`RawItem` s holding :class:`Block` s; :mod:`.structure` and :mod:`.speakers`
then read blocks the same way whatever the source was.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Meeting

# Block kinds.
PARA = "para"  # a paragraph of running text
BULLET = "bullet"  # a bulleted line (glyph removed, kept in ``marker``)
POINT = "point"  # a numbered or lettered point ("1.", "(a)", "iv)"), marker kept
HEADING = "heading"  # a sub-heading inside an item's minutes
ROW = "row"  # a row of a flattened table, cells joined by " | "
LABEL = "label"  # a ModernGov sub-item label; ``text`` is one of the LABEL_* names

# Label names.
LABEL_MINUTES = "minutes"  # "Minutes:" - the minutes text follows
LABEL_DECISION = "decision"  # "Decision:" - the formal decision follows
LABEL_DOCS = "documents"  # "Additional/Supporting documents:" - the agenda blurb has ended


@dataclass(slots=True)
class Block:
    """One paragraph, bullet, point, heading or label of an item, in source order."""

    text: str
    kind: str = PARA
    gap: int = 0  # blank lines before it in the source (0 where the format has none)
    marker: str = ""  # the bullet glyph or list marker removed from ``text``


@dataclass(slots=True)
class RawItem:
    """An agenda item as laid out: number, title and blocks, not yet interpreted."""

    title: str
    number: str | None = None
    blocks: list[Block] = field(default_factory=list)
    url: str | None = None
    meeting: Meeting | None = None  # set when a page covers several meetings


@dataclass(slots=True)
class RawDoc:
    """A laid-out document: header lines for metadata, items, and what we learnt on the way."""

    kind: str
    items: list[RawItem] = field(default_factory=list)
    head: list[str] = field(default_factory=list)  # header lines (title, venue, date…)
    meeting: Meeting = field(default_factory=Meeting)  # metadata a structured source gave us
    warnings: list[str] = field(default_factory=list)
