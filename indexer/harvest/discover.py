"""Find a site's committees and a committee's meetings.

The documented web service (``mgWebService.asmx``) answers both in one request each, so
it is tried first; many councils switch it off or block it, and then the ordinary pages
are read instead: the committee list, the committee's details page (for the address of
its meetings list) and the meetings list, followed through its Earlier / Later links, or
year by year through its Year selector.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable
from dataclasses import dataclass

from . import moderngov, urls
from .errors import FetchError, HarvestError, RobotsError
from .http import PoliteClient
from .moderngov import Committee, MeetingRef

WEB_SERVICE = "web service"
PAGES = "pages"
#: No committee's meetings list runs to more pages than this (a loop guard).
MAX_LIST_PAGES = 400


@dataclass(slots=True)
class Committees:
    """A site's committees, how they were found, and the body's name if a page gave it."""

    committees: list[Committee]
    discovery: str
    body: str | None = None


def find_committees(client: PoliteClient) -> Committees:
    """List the site's committees: web service first, then the committee list page."""
    root = client.root
    try:
        resp = client.get(root + "mgWebService.asmx/GetCommittees?lDummy=0&lDays=0", retries=False)
        found = moderngov.committees_from_xml(resp.body)
        if found:
            return Committees(found, WEB_SERVICE)
    except (FetchError, RobotsError):
        pass  # no web service here (or not for us): read the pages
    try:
        resp = client.get(root + "mgListCommittees.aspx?bcr=1")
    except RobotsError as exc:
        raise HarvestError(f"{exc}; the committee list cannot be read.") from exc
    except FetchError as exc:
        raise HarvestError(f"Could not read the committee list: {exc.reason} ({exc.url}).") from exc
    found = moderngov.committees_from_html(resp.body, resp.final_url)
    if not found:
        raise HarvestError(
            f"No committees found at {root}mgListCommittees.aspx. Is {root} a ModernGov site? "
            "Give the address of its pages, e.g. https://democracy.example.gov.uk/."
        )
    return Committees(found, PAGES, moderngov.body_name(resp.body))


def pick_committee(committees: list[Committee], wanted: str) -> Committee:
    """The committee named (or numbered) ``wanted``; a sentence listing near misses if none."""
    wanted = wanted.strip()
    if wanted.isdigit():
        for c in committees:
            if c.id == wanted:
                return c
        raise HarvestError(f"This site has no committee with id {wanted}. `--list` shows them all.")
    low = " ".join(wanted.lower().split())
    exact = [c for c in committees if " ".join(c.title.lower().split()) == low]
    if len(exact) == 1:
        return exact[0]
    if len(exact) > 1:
        live = [c for c in exact if not c.expired]
        if len(live) == 1:
            return live[0]
        choices = exact
    else:
        choices = [c for c in committees if low in c.title.lower()]
        if len(choices) == 1:
            return choices[0]
    if not choices:
        names = difflib.get_close_matches(wanted, [c.title for c in committees], n=3, cutoff=0.5)
        hint = f" Did you mean: {'; '.join(names)}?" if names else " `--list` shows them all."
        raise HarvestError(f"This site has no committee called {wanted!r}.{hint}")
    listed = "; ".join(f"{c.title} (id {c.id})" for c in choices[:8])
    raise HarvestError(f"{len(choices)} committees match {wanted!r}: {listed}. Give the id to choose one.")


def find_meetings(
    client: PoliteClient,
    committee: Committee,
    discovery: str,
    since: dt.date | None,
    until: dt.date,
    on_page: Callable[[], None] | None = None,
) -> tuple[list[MeetingRef], str]:
    """The committee's meetings (oldest first) and how they were found."""
    if discovery == WEB_SERVICE:
        frm = (since or dt.date(1990, 1, 1)).strftime("%d/%m/%Y")
        url = (f"{client.root}mgWebService.asmx/GetMeetings?lCommitteeId={committee.id}"
               f"&sFromDate={frm}&sToDate={until.strftime('%d/%m/%Y')}")
        try:
            resp = client.get(url)
            found = moderngov.meetings_from_xml(resp.body, client.root, committee.id)
        except (FetchError, RobotsError):
            found = None
        if on_page:
            on_page()
        if found:  # none at all may be a web service that does not know this committee: read the pages
            return _sorted(found, since), WEB_SERVICE
    return _sorted(_meetings_from_pages(client, committee, since, on_page), since), PAGES


def _meetings_from_pages(client: PoliteClient, committee: Committee, since: dt.date | None,
                         on_page: Callable[[], None] | None) -> list[MeetingRef]:
    root = client.root
    list_url = None
    try:
        resp = client.get(f"{root}mgCommitteeDetails.aspx?ID={committee.id}")
        list_url = moderngov.meetings_link(resp.body, resp.final_url, committee.id)
    except (FetchError, RobotsError):
        pass  # the details page is only a signpost; the usual address is tried below
    if on_page:
        on_page()
    list_url = list_url or f"{root}ieListMeetings.aspx?CommitteeId={committee.id}"
    found: dict[str, MeetingRef] = {}
    seen_pages: set[str] = set()

    def read(url: str) -> moderngov.MeetingsPage:
        seen_pages.add(urls.canonical(url))
        try:
            r = client.get(url)
        except FetchError as exc:
            raise HarvestError(f"Could not read the meetings list of {committee.title}: {exc.reason} ({exc.url}).") from exc
        except RobotsError as exc:
            raise HarvestError(f"{exc}; the meetings list of {committee.title} cannot be read.") from exc
        if on_page:
            on_page()
        return moderngov.meetings_from_html(r.body, r.final_url, committee.id)

    def add(page: moderngov.MeetingsPage) -> int:
        new = [m for m in page.meetings if m.id not in found]
        for m in new:
            found[m.id] = m
        return len(new)

    def reaches_back(page: moderngov.MeetingsPage) -> bool:
        # Earlier pages only go further back: once one lists a meeting before --since, stop.
        return bool(since) and any(m.date and since and m.date < since for m in page.meetings)

    first = read(list_url)
    add(first)
    for direction in ("earlier", "later"):
        page = first
        while len(seen_pages) < MAX_LIST_PAGES:
            nxt = getattr(page, direction)
            if not nxt or urls.canonical(nxt) in seen_pages or (direction == "earlier" and reaches_back(page)):
                break
            page = read(nxt)
            if not add(page):
                break
    if not first.earlier and not first.later and first.years:
        shown = {m.date.year for m in first.meetings if m.date}
        for year in first.years:
            if since and year < since.year - 1:  # municipal years straddle two calendar years
                continue
            if shown == {year}:
                continue  # the first page was this year's list already
            url = moderngov.year_url(list_url, year)
            if urls.canonical(url) not in seen_pages:
                add(read(url))
    return list(found.values())


def _sorted(meetings: list[MeetingRef], since: dt.date | None) -> list[MeetingRef]:
    kept = [m for m in meetings if not (since and m.date and m.date < since)]
    return sorted(kept, key=lambda m: (m.date or dt.date.min, int(m.id)))
