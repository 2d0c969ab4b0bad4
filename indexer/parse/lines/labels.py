"""The labels a line can carry, and the rules that are simply true of some of them."""

from __future__ import annotations

HEADER_BODY = "header-body"  # names the body meeting ("Licensing Committee", "Cabinet - 5 June 2023")
HEADER_DATE = "header-date"  # dates the meeting ("Date: Monday, 5th June, 2023")
HEADER = "header"  # other lines above the items: venue, time, page type, a document title
ITEM_NUMBER = "item-number"  # an item's number alone on its line ("39/20", "5.")
ITEM_TITLE = "item-title"  # an item's title, with or without its number in front
BLURB = "blurb"  # the agenda's purpose text under a title ("To receive the report of …")
MINUTES_LABEL = "minutes-label"  # "Minutes:", "Decision:", "Additional documents:"
RESOLUTION_LEAD = "resolution-lead"  # "RESOLVED – that …"
BODY = "body"  # minutes text
RESIDUE = "residue"  # crawler and site residue ("Share this item", "File Type:pdf, Size:…")
RUNNING_HEADER = "running-header"  # a heading repeated on each printed page
PAGE_NUMBER = "page-number"  # "Page 3", "- 4 -"

LABELS = (
    HEADER_BODY, HEADER_DATE, HEADER, ITEM_NUMBER, ITEM_TITLE, BLURB, MINUTES_LABEL,
    RESOLUTION_LEAD, BODY, RESIDUE, RUNNING_HEADER, PAGE_NUMBER,
)
HEAD_LABELS = frozenset({HEADER_BODY, HEADER_DATE, HEADER})
DROPPED = frozenset({RESIDUE, RUNNING_HEADER, PAGE_NUMBER})

__all__ = ["LABELS", "HEAD_LABELS", "DROPPED"] + [n for n in dir() if n.isupper() and n not in ("LABELS", "HEAD_LABELS", "DROPPED")]
