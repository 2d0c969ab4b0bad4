"""Addresses of searches: the current search with some arguments changed, tidy.

Every link the pages make (facets, chips, sorting, pages, the timeline's bars, export
and feed) is the current search with one or two arguments changed. They are built here,
in one way: only the search's own arguments are kept, empty ones and defaults are left
out (no ``committee=&section=``), and values are percent-encoded (no raw spaces).
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any
from urllib.parse import urlencode

from flask import request, url_for

from indexer.urls import encoded_url
from indexer.vocab import ROLES, SECTIONS, resolve_role, resolve_section

#: The arguments that make up a search, in the order addresses list them.
STATE = ("q", "exact", "committee", "section", "speaker", "from", "to", "hide_procedural", "sort",
         "per_page", "per_item", "page")
#: The arguments that filter (shown as removable chips).
FILTERS = ("committee", "section", "speaker", "from", "to", "hide_procedural", "exact")
#: Argument values that are the default, left out of addresses.
DEFAULTS = {"sort": "relevance", "page": "1"}


def search_url(endpoint: str = "search.search", _external: bool = False, **changes: Any) -> str:
    """The current search's address with ``changes`` (None, "" or False removes an
    argument; ``from_`` stands for ``from``), on ``endpoint``. The page number is dropped
    unless it is among the changes: a changed search starts at its first page."""
    args = {k: v for k in STATE if (v := request.args.get(k)) and k != "page"}
    for key, value in changes.items():
        key = key.rstrip("_")
        if value in (None, "", False):
            args.pop(key, None)
        else:
            args[key] = value.isoformat() if isinstance(value, dt.date) else ("1" if value is True else str(value))
    return url_for(endpoint, _external=_external) + _query(args)


def _query(args: dict[str, str]) -> str:
    ordered = [(k, args[k]) for k in STATE if k in args and DEFAULTS.get(k) != args[k]]
    return "?" + urlencode(ordered) if ordered else ""


def facet_url(name: str, value: str | None) -> str:
    """The current search with facet ``name`` set to ``value`` (None: removed); a year
    sets the meeting dates to that year."""
    if name == "year":
        if value is None:
            return search_url(from_=None, to=None)
        year = int(value)
        return search_url(from_=dt.date(year, 1, 1), to=dt.date(year, 12, 31))
    return search_url(**{name: value})


def canonical(args: Any) -> str | None:
    """The tidy query string for ``args`` ("?…" or ""), or None if they are tidy already:
    a search form sends every field, empty or not, and the default sort."""
    items = list(args.items(multi=True))
    kept = [(k, v) for k, v in items if v != "" and DEFAULTS.get(k) != v]
    seen: dict[str, str] = {}
    for k, v in kept:
        seen.setdefault(k, v)
    if len(seen) == len(items):
        return None
    return "?" + urlencode(list(seen.items())) if seen else ""


def active_filters(args: Any) -> list[tuple[str, str]]:
    """The filters a search applies, as (label, address without it), for removable chips."""
    chips: list[tuple[str, str]] = []
    if committee := args.get("committee"):
        chips.append((f"Committee: {committee}", search_url(committee=None)))
    if section := args.get("section"):
        key = resolve_section(section)
        chips.append((f"Section: {SECTIONS[key] if key else section}", search_url(section=None)))
    if speaker := args.get("speaker"):
        key = resolve_role(speaker)
        chips.append((f"Speaker: {ROLES[key] if key else speaker}", search_url(speaker=None)))
    if args.get("from") or args.get("to"):
        chips.append((period_label(args.get("from"), args.get("to")), search_url(from_=None, to=None)))
    if args.get("hide_procedural") in ("1", "on", "true"):
        chips.append(("Procedural text hidden", search_url(hide_procedural=None)))
    if args.get("exact") in ("1", "on", "true"):
        chips.append(("Exact words only", search_url(exact=None)))
    return chips


def period_label(start: str | None, end: str | None) -> str:
    """Say which meetings a from/to pair covers: a year, a month, or a range."""
    try:
        a = dt.date.fromisoformat(start) if start else None
        b = dt.date.fromisoformat(end) if end else None
    except ValueError:
        return f"Meetings from {start or '…'} to {end or '…'}"
    if a and b and a.year == b.year and (a.month, a.day, b.month, b.day) == (1, 1, 12, 31):
        return f"Year: {a.year}"
    if a and b and (a.year, a.month) == (b.year, b.month) and a.day == 1 \
            and b.day == calendar.monthrange(b.year, b.month)[1]:
        return f"Month: {a.strftime('%B %Y')}"
    if a and b:
        return f"Meetings {_day(a)} to {_day(b)}"
    return f"Meetings from {_day(a)}" if a else f"Meetings up to {_day(b)}"  # type: ignore[arg-type]


def _day(d: dt.date) -> str:
    return f"{d.day} {d.strftime('%B %Y')}"


def back_to_results(args: Any) -> str | None:
    """The results page an item page was opened from (its search's arguments), if any."""
    state = {k: v for k in STATE if (v := args.get(k))}
    if not (state.get("q") or any(k in state for k in FILTERS)):
        return None
    return url_for("search.search") + _query(state)


def item_link(item_id: str, anchor: str | None = None) -> str:
    """An item page's address, carrying the current search (for highlighting and the way back)."""
    state = {k: v for k in STATE if (v := request.args.get(k))}
    return url_for("search.item", item_id=item_id) + _query(state) + (f"#{anchor}" if anchor else "")


def href(url: str | None) -> str:
    """An external address made safe to put in a link (indexes store them encoded
    already; this covers any that are not)."""
    return encoded_url(url) if url else ""
