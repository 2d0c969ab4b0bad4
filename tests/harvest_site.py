"""A fictional council's ModernGov site on loopback, for the harvester's tests.

The page structure copies what public ModernGov sites serve (as saved by other projects'
test suites): ``div#modgov`` chrome, ``mgCommitteeDetails.aspx?ID=`` committee links,
``a.mgMeetingTableLnk`` meeting links with " - Agenda, Minutes" after them, Earlier /
Later links (``Act=earlier&CId=&D=yyyymmddhhmm``), a Year selector, ``table#mgItemTable``
items whose long minutes end "... view the full minutes text for item N." linking
``mgAi.aspx?ID=``, "Printed minutes" links to ``documents/g<mid>/Printed minutes ….pdf?T=1``
with literal spaces, and the web service's ``GetCommittees`` / ``GetMeetings`` XML. The
words are invented: the councils, people, places and business are fictional.

Two sites can be built: ``fernhollow()`` offers the web service, ETags on meeting pages,
Last-Modified on documents and none on item pages, Earlier/Later paging and a
robots.txt with a Disallow; ``kestrelmoor()`` has no web service, no validators at all,
cookieless-session addresses (``/(S(...))/``), upper-case query keys and a Year selector
only. Tests control failures per route (503s, 429 with Retry-After, slow or oversized
answers, a request that hangs until released) and count what was served.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, unquote, urlsplit

from .data.parse.make_pdf import build_pdf

LAST_MODIFIED = dt.datetime(2024, 5, 1, 9, 30, tzinfo=dt.timezone.utc)


@dataclass
class Item:
    number: str
    title: str
    ai: int                      #: agenda item id (mgAi.aspx?ID=, anchor AI<id>)
    agenda: str
    minutes: list[str]           #: paragraphs
    cut_after: int | None = None  #: the meeting page shows this many paragraphs, then "view the full minutes text"


@dataclass
class MeetingDef:
    mid: int
    cid: int
    when: dt.datetime
    items: list[Item] = field(default_factory=list)
    status: str = "minutes"      #: minutes, draft, agenda, cancelled
    printed: str | None = None   #: "pdf", "htm" or None
    printed_host: str | None = None  #: serve the printed-minutes link from another site (an off-site link)
    minutes_on_page: bool = True  #: False: the page shows the agenda only, the minutes are the printed document
    printed_parts: int = 1       #: the printed minutes split into this many documents ("Printed minutes part 2" …)


@dataclass
class CommitteeDef:
    cid: int
    title: str
    category: str
    expired: bool = False


@dataclass
class Hit:
    kind: str          #: route: robots, committees, details, list, meeting, item, printed, ws, other
    key: str           #: route and id, e.g. "meeting:1103"
    path: str
    status: int
    size: int


class Site:
    """One fictional ModernGov site: its committees, meetings and behaviour."""

    def __init__(self, body: str, committees: list[CommitteeDef], meetings: list[MeetingDef], *,
                 web_service: bool, validators: bool, session: bool, upper_keys: bool, paging: bool,
                 robots: str, page_size: int = 4) -> None:
        self.body = body
        self.committees = committees
        self.meetings = {m.mid: m for m in meetings}
        self.web_service = web_service
        self.validators = validators
        self.session = session
        self.upper_keys = upper_keys
        self.paging = paging
        self.robots = robots
        self.page_size = page_size
        self.base = ""
        self.faults: dict[str, list[str]] = {}
        self.get_meeting = False           #: offer GetMeeting (each item's minutes as escaped HTML)
        self.restricted: set[int] = set()  #: agenda item ids GetMeeting marks restricted
        self.hits: list[Hit] = []
        self.user_agents: set[str] = set()
        self.hang = threading.Event()      #: set to release a "hang" fault
        self.hanging = threading.Event()   #: set while a request hangs
        self._lock = threading.Lock()

    # ------------------------------------------------------------------ test controls

    def fail(self, key: str, *actions: str) -> None:
        """Answer the next requests of ``key`` with these actions: "503", "429:<secs>", "slow:<secs>",
        "huge", "hang"."""
        self.faults.setdefault(key, []).extend(actions)

    def served(self, kind: str | None = None, status: int | None = 200) -> list[str]:
        """Keys of the requests answered (with ``status``), optionally of one kind."""
        return [h.key for h in self.hits if (kind is None or h.kind == kind) and (status is None or h.status == status)]

    def approve(self, mid: int, extra: str) -> None:
        """Draft minutes become the approved minutes, with one more paragraph."""
        m = self.meetings[mid]
        m.status = "minutes"
        m.items[-1].minutes.append(extra)

    def publish(self, meeting: MeetingDef) -> None:
        self.meetings[meeting.mid] = meeting

    # ------------------------------------------------------------------ routing

    def route(self, raw_path: str) -> tuple[str, str, int, dict[str, str], bytes]:
        """(kind, key, status, headers, body) for a GET of ``raw_path``."""
        parts = urlsplit(raw_path)
        path = unquote(parts.path)
        if self.session and path.lower().endswith(".aspx") and not re.match(r"^/\(S\([a-z0-9]+\)\)/", path):
            return "other", "session", 302, {"Location": f"/(S(fx3k9q0z1w))/{path.lstrip('/')}" +
                                               (f"?{parts.query}" if parts.query else "")}, b""
        path = re.sub(r"^/\(S\([a-z0-9]+\)\)", "", path)
        q = {k.lower(): v for k, v in parse_qsl(parts.query, keep_blank_values=True)}
        low = path.lower()
        if low == "/robots.txt":
            return "robots", "robots", 200, {"Content-Type": "text/plain"}, self.robots.encode()
        if low.startswith("/mgwebservice.asmx/"):
            if not self.web_service:
                return "ws", "ws", 404, {}, b"<html><body>Not found</body></html>"
            op = low.rsplit("/", 1)[1]
            if op == "getcommittees":
                return "ws", "ws:committees", 200, _xml(), self.ws_committees()
            if op == "getmeetings":
                cid = int(q.get("lcommitteeid", "0"))
                return "ws", f"ws:meetings:{cid}", 200, _xml(), self.ws_meetings(cid)
            if op == "getmeeting" and self.get_meeting:
                mid = int(q.get("lmeetingid", "0"))
                if mid not in self.meetings:
                    return "ws", f"ws:meeting:{mid}", 500, {}, b"no such meeting"
                body = self.ws_meeting(self.meetings[mid])
                return "ws", f"ws:meeting:{mid}", 200, {**_xml(), **self._validators(body, etag=True)}, body
            return "ws", "ws", 500, {}, b"unknown operation"
        if low == "/mglistcommittees.aspx":
            return "committees", "committees", 200, _html(), self.committee_list()
        if low == "/mgcommitteedetails.aspx":
            cid = int(q.get("id", "0"))
            return "details", f"details:{cid}", 200, _html(), self.details(cid)
        if low == "/ielistmeetings.aspx":
            cid = int(q.get("cid") or q.get("committeeid") or 0)
            return "list", f"list:{cid}:{q.get('act', '')}{q.get('d', '')}{q.get('year', '')}", 200, _html(), \
                self.meetings_list(cid, q)
        if low == "/ielistdocuments.aspx":
            mid = int(q.get("mid") or q.get("meetingid") or 0)
            m = self.meetings.get(mid)
            if m is None:
                return "meeting", f"meeting:{mid}", 404, _html(), b"<html><body>No such meeting</body></html>"
            body = self.meeting_page(m)
            return "meeting", f"meeting:{mid}", 200, {**_html(), **self._validators(body, etag=True)}, body
        if low == "/mgai.aspx":
            aid = int(q.get("id", "0"))
            for m in self.meetings.values():
                for it in m.items:
                    if it.ai == aid:
                        return "item", f"item:{aid}", 200, _html(), self.item_page(m, it)
            return "item", f"item:{aid}", 404, _html(), b"<html><body>No such item</body></html>"
        g = re.match(r"^/documents/g(\d+)/", path)
        if g:
            mid = int(g.group(1))
            m = self.meetings.get(mid)
            part_m = re.search(r"\bpart (\d+)", path, re.I)
            part = int(part_m.group(1)) if part_m else 1
            key = f"printed:{mid}" if part == 1 else f"printed:{mid}-{part}"
            if m is None or m.printed is None or part > m.printed_parts:
                return "printed", key, 404, {}, b"not found"
            if m.printed == "pdf":
                body = self.printed_pdf(m, part)
                return "printed", key, 200, {"Content-Type": "application/pdf",
                                             **self._validators(body, etag=False)}, body
            body = self.printed_htm(m, part)
            return "printed", key, 200, {**_html(), **self._validators(body, etag=False)}, body
        return "other", "other", 404, _html(), b"<html><body>Not found</body></html>"

    def _validators(self, body: bytes, *, etag: bool) -> dict[str, str]:
        if not self.validators:
            return {}
        if etag:
            return {"ETag": '"' + hashlib.sha1(body).hexdigest()[:16] + '"'}
        return {"Last-Modified": format_datetime(LAST_MODIFIED + dt.timedelta(seconds=len(body)), usegmt=True)}

    # ------------------------------------------------------------------ pages

    def _k(self, name: str) -> str:
        return name.upper() if self.upper_keys else name

    def _meeting_href(self, m: MeetingDef) -> str:
        return f"ieListDocuments.aspx?{self._k('CId')}={m.cid}&amp;{self._k('MId')}={m.mid}&amp;Ver=4"

    def _committee(self, cid: int) -> CommitteeDef:
        return next(c for c in self.committees if c.cid == cid)

    def _chrome(self, title: str, h1: str, inner: str, h2: str = "") -> bytes:
        sub = f'<div class="mgSubTitle"><h2 class="mgSubTitleTxt">{h2}</h2></div>' if h2 else ""
        page = f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{title} - {html.escape(self.body)}</title>
<link href="sitespecific/ssMgStyles.css" rel="stylesheet" type="text/css" /></head>
<body>
<div class="container"><header id="page-header"><img src="SiteSpecific/res/img/Logo.png" alt="Council logo" /></header></div>
<nav class="menu"><ul class="menu-list">
<li><a href="mgCalendarMonthView.aspx?GL=1&amp;bcr=1">Calendar</a></li>
<li><a href="mgListCommittees.aspx?bcr=1">Committees</a></li>
<li><a href="ieDocSearch.aspx?bcr=1">Search documents</a></li>
<li><a href="https://www.example.org/council-news">Council news</a></li></ul></nav>
<div id="modgov"><div class="mgHeader"><h1 class="mgMainTitleTxt">{h1}</h1></div>
{sub}
{inner}
<div class="mgFooter"><p>&nbsp;</p></div>
</div>
<footer id="page-footer" class="footer"><small>&copy; 2024 {html.escape(self.body)}. All Rights Reserved.</small></footer>
</body></html>"""
        return page.encode("utf-8")

    def committee_list(self) -> bytes:
        sections = []
        for cat in dict.fromkeys(c.category for c in self.committees):
            links = "\n".join(
                f'<li><a href="mgCommitteeDetails.aspx?ID={c.cid}" title="Link to details for {c.title}">'
                f"{html.escape(c.title)}</a></li>" for c in self.committees if c.category == cat)
            sections.append(f'<h2 class="mgSectionTitle">{cat}</h2>\n<ul class="mgBulletList">\n{links}\n</ul>')
        return self._chrome("Committee structure", "Committee structure",
                            '<div class="mgLinks"></div><div class="mgContent">' + "\n".join(sections) + "</div>")

    def details(self, cid: int) -> bytes:
        c = self._committee(cid)
        key = "CommitteeId" if not self.upper_keys else "CID"
        inner = f"""<div class="mgLinks"><ul class="mgActionList">
<li><a href="ieListMeetings.aspx?{key}={cid}" title="Link to meetings for {c.title}">Browse meetings and agendas for this committee</a></li>
<li><a href="mgCommitteeMailingList.aspx?ID={cid}">View contact details for the members of this committee</a></li>
</ul></div>
<div class="mgContent"><h2 class="mgSectionTitle">Purpose of committee</h2>
<div class="mgWordPara"><p class="MsoNormal">The {html.escape(c.title)} meets in public at the Civic Hall.</p></div></div>"""
        return self._chrome(f"Committee details - {c.title}", "Committee details", inner, html.escape(c.title))

    def meetings_list(self, cid: int, q: dict[str, str]) -> bytes:
        c = self._committee(cid)
        ms = sorted((m for m in self.meetings.values() if m.cid == cid), key=lambda m: m.when, reverse=True)
        act, d, year = q.get("act", "").lower(), q.get("d", ""), q.get("year", "")
        if year:
            shown = [m for m in ms if m.when.year == int(year)]
        elif not self.paging:
            latest = ms[0].when.year if ms else 2024
            shown = [m for m in ms if m.when.year == latest]
        elif act == "earlier":
            cut = dt.datetime.strptime(d, "%Y%m%d%H%M")
            shown = [m for m in ms if m.when < cut][: self.page_size]
        elif act == "later":
            cut = dt.datetime.strptime(d, "%Y%m%d%H%M")
            shown = list(reversed([m for m in reversed(ms) if m.when > cut][: self.page_size]))
        else:
            shown = ms[: self.page_size]
        rows = []
        for i, m in enumerate(shown):
            what = {"minutes": "Agenda, Minutes", "draft": "Agenda, Draft minutes", "agenda": "Agenda",
                    "cancelled": "CANCELLED"}[m.status]
            rows.append(
                f'<li class="{"mgTableEvenRow" if i % 2 == 0 else "mgTableOddRow"}"><a class="mgMeetingTableLnk" '
                f'href="{self._meeting_href(m)}" title="Link to meeting details for {c.title} meeting of '
                f'{m.when:%-d %b %Y}">{m.when:%-d %b %Y}&nbsp;{_clock(m.when)}</a> - {what}</li>')
        paging = ""
        if self.paging and shown:
            first, last = shown[-1].when, shown[0].when
            paging = f"""<div class='mgMeetingsEarlierLater'><p>
<a class="mgTableNextLnk" href="ieListMeetings.aspx?Act=earlier&amp;{self._k('CId')}={cid}&amp;D={first:%Y%m%d%H%M}&amp;MD=ielistmeetings"><img src="mgimages/left5.gif" alt=""/>Earlier meetings</a><span class='mgLinkSep'>. </span>
<a class="mgTableNextLnk" href="ieListMeetings.aspx?Act=later&amp;{self._k('CId')}={cid}&amp;D={last:%Y%m%d%H%M}&amp;MD=ielistmeetings">Later meetings<img src="mgimages/right5.gif" alt=""/></a>
</p></div>"""
        years = sorted({m.when.year for m in ms})
        options = "\n".join(f'<option value="{y}">{y}</option>' for y in years)
        inner = f"""<form method="post" action="ieListMeetings.aspx" id="FormYearSelect">
<div class="mgLinks"><ul class="mgActionList">
<li><a href="mgCommitteeDetails.aspx?ID={cid}">More information about {html.escape(c.title)}</a></li>
<li><label for="YearSelect">Show meetings for the year: </label>
<select size="1" id="YearSelect" name="YearSelect"><option value="0"> </option>
{options}
</select><input class="mgGoButton" type="submit" name="Submit" value="Go" id="Submit1"/></li></ul></div>
<div class="mgContent"><div class="mgList">
<div class="mgHiddenField"><input type="hidden" name="hCommitteeId" value="{cid}" /></div>
{paging}
<div class="mgTableBorder"><div class="mgTableTitleTxt">Meetings</div>
<ul class="mgNonBulletTableList">{''.join(rows)}</ul></div>
{paging}
</div></div></form>"""
        return self._chrome(f"Browse meetings - {c.title}", "Browse meetings", inner, html.escape(c.title))

    def meeting_page(self, m: MeetingDef) -> bytes:
        c = self._committee(m.cid)
        when = _long_date(m.when)
        heading = {"minutes": "Agenda and minutes", "draft": "Agenda and draft minutes",
                   "agenda": "Agenda", "cancelled": "Agenda"}[m.status]
        actions = [f'<li><a href="mgMeetingAttendance.aspx?ID={m.mid}">Attendance details</a></li>']
        if m.printed and m.status in ("minutes", "draft"):
            for part in range(1, m.printed_parts + 1):
                label = "Printed minutes" if m.status == "minutes" else "Printed draft minutes"
                if part > 1:
                    label += f" part {part}"
                ext = "pdf" if m.printed == "pdf" else "htm"
                stamp = f"{m.when:%A %d-%b-%Y %H.%M}"
                href = f"documents/g{m.mid}/{label} {stamp} {c.title}.{ext}?T=1"
                if m.printed_host:
                    href = f"{m.printed_host}/{href}"
                actions.append(f'<li><a href="{href}" title="Link to printed minutes {ext} file">{label}\n'
                               f'<span class="mgFileSize"><img src="mgimages/logo-pdf-1.gif" alt="" /> PDF 111 KB</span> </a></li>')
        rows = []
        for it in m.items:
            body = [f'<div class="mgWordPara"><div class="WordSection1"><p class="MsoNormal">{html.escape(it.agenda)}</p></div></div>']
            if m.status in ("minutes", "draft") and it.minutes and m.minutes_on_page:
                paras = it.minutes if it.cut_after is None else it.minutes[: it.cut_after]
                ps = [f'<p class="MsoNormal">{html.escape(p)}</p>' for p in paras]
                if it.cut_after is not None:
                    ps[-1] = ps[-1][:-4] + (
                        f' &nbsp;...&nbsp; <a href="mgAi.aspx?ID={it.ai}" title="Link to view the full item text for '
                        f'item {it.number}, {html.escape(it.title)}">\nview the full minutes text for item {it.number}</a></p>')
                body.append('<p class="mgSubItemTitleTxt">Minutes:</p>\n<div class="mgWordPara"><div class="WordSection1">'
                            + "\n".join(ps) + "</div>\n</div>")
            rows.append(f"""<tr>
<td class="mgItemNumberCell"><p class="mgAiTitleTxt"><a name="AI{it.ai}" aria-disabled="true"></a>{it.number}</p></td>
<td><p class="mgAiTitleTxt">{html.escape(it.title)}</p>
{''.join(body)}
</td></tr>""")
        if m.status == "cancelled":
            table = '<p class="mgCancelled">This meeting has been cancelled.</p>'
        else:
            table = ('<table class="mgItemTable" summary="Table of agenda items" id="mgItemTable">'
                     '<caption class="mgSectionTitle">Items</caption>\n<tr><th class="mgHide">No.</th>'
                     '<th class="mgHide">Item</th></tr>' + "\n".join(rows) + "</table>")
        inner = f"""<p>You can view the individual reports for this meeting by selecting the headings below.</p>
<div class="mgLinks"><ul class="mgActionList">{''.join(actions)}</ul></div>
<div class="mgContent">
<p><span class="mgLabel">Venue: </span>Council Chamber, Civic Hall</p>
<p><span class="mgLabel">Webcast: </span><a href="https://webcasts.example.net/fernhollow/{m.mid}">View the webcast</a></p>
{table}
</div>"""
        title = f"{heading} for {c.title} on {when}"
        h2 = (f'<a href="mgCommitteeDetails.aspx?ID={c.cid}" title="Link to {c.title}">'
              f"{html.escape(c.title)} - {when}</a>")
        return self._chrome(title, heading, inner, h2)

    def item_page(self, m: MeetingDef, it: Item) -> bytes:
        c = self._committee(m.cid)
        inner = f"""<div class="mgContent">
<p>Meeting: <a href="{self._meeting_href(m)}">{m.when:%d/%m/%Y} - {html.escape(c.title)}</a> (Item {it.number.rstrip('.')})</p>
<div class="mgWordPara"><div class="WordSection1"><p class="MsoNormal">{html.escape(it.agenda)}</p></div></div>
<p class="mgSubItemTitleTxt">Minutes:</p>
<div class="mgWordPara"><div class="WordSection1">
{''.join(f'<p class="MsoNormal">{html.escape(p)}</p>' for p in it.minutes)}
</div></div>
</div>"""
        return self._chrome(f"Agenda item - {it.title}", "Agenda item", inner, html.escape(it.title))

    @staticmethod
    def _part_items(m: MeetingDef, part: int) -> list[Item]:
        """The items a part of the printed minutes holds (consecutive runs, in order)."""
        size = -(-len(m.items) // m.printed_parts)
        return m.items[(part - 1) * size: part * size]

    def printed_pdf(self, m: MeetingDef, part: int = 1) -> bytes:
        c = self._committee(m.cid)
        lines = [self.body, c.title,
                 f"Minutes of the meeting held at the Civic Hall on {_long_date(m.when)}.",
                 "Present: Councillor Ada Quennell (Chair), Councillors Tobias Wren and Mina Okafor."]
        for it in self._part_items(m, part):
            lines.append(f"{it.number.rstrip('.')} {it.title}")
            lines.extend(_wrap(p) for p in it.minutes)
        lines.append("The meeting ended at 11.40 am.")
        return build_pdf([lines[i:i + 40] for i in range(0, len(lines), 40)], furniture=False)

    def printed_htm(self, m: MeetingDef, part: int = 1) -> bytes:
        c = self._committee(m.cid)
        parts = [f"<p>{html.escape(self.body)}</p><p>{html.escape(c.title)}</p>",
                 f"<p>Minutes of the meeting held on {_long_date(m.when)}.</p>"]
        for i, it in enumerate(self._part_items(m, part), 1):
            paras = "".join(f"<p>{html.escape(p)}</p>" for p in it.minutes)
            parts.append(f"<AI{i}><p><b>{it.number.rstrip('.')} {html.escape(it.title)}</b></p>{paras}</AI{i}>")
        return f"<html><head><title>Printed minutes</title></head><body>{''.join(parts)}</body></html>".encode()

    def ws_committees(self) -> bytes:
        rows = "".join(f"""
  <committee>
    <committeeid>{c.cid}</committeeid>
    <committeetitle>{html.escape(c.title)}</committeetitle>
    <committeedeleted>False</committeedeleted>
    <committeeexpired>{c.expired}</committeeexpired>
    <committeecategory>{html.escape(c.category)}</committeecategory>
  </committee>""" for c in self.committees)
        return (f'<?xml version="1.0" encoding="utf-8"?>\n<committees>\n  <committeescount> {len(self.committees)}'
                f"</committeescount>{rows}\n</committees>\n").encode()

    def ws_meetings(self, cid: int) -> bytes:
        ms = sorted((m for m in self.meetings.values() if m.cid == cid), key=lambda m: m.when)
        c = self._committee(cid)
        rows = "".join(f"""
      <meeting>
        <meetingid>{m.mid}</meetingid>
        <meetingdate>{m.when:%d/%m/%Y}</meetingdate>
        <meetingstatus>{'Cancelled' if m.status == 'cancelled' else 'Confirmed'}</meetingstatus>
        <meetingtime>{_clock(m.when)}</meetingtime>
        <iswebcast>False</iswebcast>
      </meeting>""" for m in ms)
        # Like some real installs, the date range asked for is ignored: the whole history comes back.
        return (f'<?xml version="1.0" encoding="utf-8"?>\n<getmeetings>\n  <meetingscount> {len(ms)}</meetingscount>\n'
                f"  <committeescount> 1</committeescount>\n  <committee>\n    <committeeid>{cid}</committeeid>\n"
                f"    <committeetitle>{html.escape(c.title)}</committeetitle>\n    <committeemeetings>{rows}\n"
                f"    </committeemeetings>\n  </committee>\n</getmeetings>\n").encode()


    def ws_meeting(self, m: MeetingDef) -> bytes:
        """``GetMeeting`` XML: each agenda item with its minutes as escaped HTML (as real installs send it)."""
        c = self._committee(m.cid)
        published = m.status in ("minutes", "draft")
        rows = "".join(f"""
      <agendaitem>
        <agendaitemid>{it.ai}</agendaitemid>
        <agendaitemtitle>{html.escape(it.title)}</agendaitemtitle>
        <agendaitemnumber>{it.number.rstrip('.')}</agendaitemnumber>
        <isrestricted>{it.ai in self.restricted}</isrestricted>
        <isdisplayallowed>True</isdisplayallowed>
        <isminutepublished>{published}</isminutepublished>
        <minutesnonemptyhtmlbody>{html.escape(''.join(f'<p class="MsoNormal">{html.escape(p)}</p>' for p in it.minutes)) if published and it.ai not in self.restricted else ''}</minutesnonemptyhtmlbody>
      </agendaitem>""" for it in m.items)
        return (f'<?xml version="1.0" encoding="utf-8"?>\n<getmeeting>\n  <meeting>\n    <meetingid>{m.mid}</meetingid>\n'
                f"    <meetingdate>{m.when:%d/%m/%Y}</meetingdate>\n    <committeetitle>{html.escape(c.title)}</committeetitle>\n"
                f"    <agendaitems>{rows}\n    </agendaitems>\n  </meeting>\n</getmeeting>\n").encode()


def _html() -> dict[str, str]:
    return {"Content-Type": "text/html; charset=utf-8"}


def _xml() -> dict[str, str]:
    return {"Content-Type": "text/xml; charset=utf-8"}


def _clock(when: dt.datetime) -> str:
    return f"{when:%-I}&#58;{when:%M} {when:%p}".lower()


def _long_date(when: dt.datetime) -> str:
    day = when.day
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{when:%A}, {day}{suffix} {when:%B}, {when:%Y} {when:%-I}.{when:%M} {when:%p}".replace("AM", "am").replace("PM", "pm")


def _wrap(text: str) -> str:
    return text  # the PDF writer sets each line as given; paragraphs are short enough


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        site = self.server.site
        kind, key, status, headers, body = site.route(self.path)
        action = None
        with site._lock:
            queue = site.faults.get(key)
            if queue:
                action = queue.pop(0)
        if action == "hang":
            site.hanging.set()
            site.hang.wait(30)
        elif action == "404":
            status, headers, body = 404, {"Content-Type": "text/html"}, b"<html><body>Not found</body></html>"
        elif action == "503":
            status, headers, body = 503, {"Content-Type": "text/html"}, b"<html><body>Service Unavailable</body></html>"
        elif action and action.startswith("429:"):
            status, headers, body = 429, {"Retry-After": action.split(":", 1)[1]}, b"Too many requests"
        elif action and action.startswith("slow:"):
            time.sleep(float(action.split(":", 1)[1]))
        elif action and action.startswith("moved:"):
            status, headers, body = 302, {"Location": action.split(":", 1)[1]}, b""
        elif action == "huge":
            headers = {**headers, "Content-Type": "application/pdf"}
            body = b"%PDF-1.4\n" + b"0" * (3 * 1024 * 1024)
        if status == 200 and headers.get("ETag") and self.headers.get("If-None-Match") == headers["ETag"]:
            status, body = 304, b""
        elif status == 200 and headers.get("Last-Modified") and self.headers.get("If-Modified-Since") == headers["Last-Modified"]:
            status, body = 304, b""
        with site._lock:
            site.hits.append(Hit(kind, key, self.path, status, len(body)))
            site.user_agents.add(self.headers.get("User-Agent", ""))
        try:
            self.send_response(status)
            for k, v in headers.items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if status != 304:
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - http.server's signature
        return None


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    site: Site


@contextmanager
def serving(site: Site) -> Iterator[str]:
    """Serve ``site`` on a free loopback port; yield its base address ("http://127.0.0.1:PORT")."""
    server = _Server(("127.0.0.1", 0), _Handler)
    server.site = site
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield site.base
    finally:
        site.hang.set()
        server.shutdown()
        server.server_close()
        thread.join(5)


# ---------------------------------------------------------------------- the fictional councils

ROBOTS_FERNHOLLOW = """# Fernhollow District Council
User-agent: *
Disallow: /mgConvert2PDF.aspx
Disallow: /documents/g1208/
Disallow: /mgMemberIndex.aspx
"""

#: Words that appear in one meeting only (each test can search for them).
MARKERS = ["brackenford", "ollerby", "thistlecombe", "wendlebury", "quarrington", "salterne", "mossbeck",
           "ravenlow", "coldharbour", "linnetfield", "pebblecross", "sedgemere", "foxwarren", "hazelgrove"]


def _cabinet_meeting(mid: int, when: dt.datetime, n: int, *, status: str = "minutes", printed: str | None = None,
                     cut: bool = False) -> MeetingDef:
    marker = MARKERS[n % len(MARKERS)]
    base = 100 + n * 10
    items = [
        Item(f"{base}.", "Apologies for Absence", 5000 + n * 10 + 1, "To receive apologies for absence.",
             [f"Apologies were received from Councillor Petra Vale."]),
        Item(f"{base + 1}.", "Declarations of Interest", 5000 + n * 10 + 2, "To receive declarations of interest.",
             ["There were no declarations of interest."]),
        Item(f"{base + 2}.", f"The {marker.title()} Footbridge Scheme", 5000 + n * 10 + 3,
             f"To consider a report on the footbridge at {marker.title()}.",
             [f"The Cabinet considered a report on the {marker} footbridge, which had been closed since the spring floods.",
              "The Portfolio Holder for Environment explained that the repair would cost 240,000 pounds.",
              f"Members asked about access for cyclists while the {marker} crossing was closed.",
              "RESOLVED: That the repair of the footbridge be approved and funded from reserves."],
             cut_after=2 if cut else None),
    ]
    if cut:
        items.append(Item(f"{base + 3}.", "Leisure Centre Contract", 5000 + n * 10 + 4,
                          "To award the leisure centre management contract.",
                          ["The Cabinet considered the tenders received for running the leisure centres.",
                           "Three bids had been scored on quality and price by an evaluation panel.",
                           "The winning bid promised a new heronsgate swimming programme for schools.",
                           "RESOLVED: That the contract be awarded to the highest scoring bidder."],
                          cut_after=1))
    return MeetingDef(mid, 101, when, items, status=status, printed=printed)


def fernhollow() -> Site:
    """Fernhollow District Council: web service, validators, paging, robots.txt with Disallows."""
    committees = [
        CommitteeDef(101, "Cabinet", "Executive"),
        CommitteeDef(102, "Planning Committee", "Regulatory"),
        CommitteeDef(103, "Licensing Committee", "Regulatory", expired=True),
    ]
    d = dt.datetime
    meetings = [
        _cabinet_meeting(1201, d(2019, 2, 12, 10), 0, printed="pdf"),
        _cabinet_meeting(1202, d(2019, 6, 18, 10), 1, cut=True),
        _cabinet_meeting(1203, d(2019, 11, 5, 10), 2, printed="htm"),
        _cabinet_meeting(1204, d(2020, 3, 10, 10), 3, status="cancelled"),
        _cabinet_meeting(1205, d(2020, 9, 15, 10), 4, printed="pdf"),
        _cabinet_meeting(1206, d(2021, 4, 20, 10), 5),
        _cabinet_meeting(1207, d(2021, 10, 12, 10), 6, printed="pdf"),
        _cabinet_meeting(1208, d(2022, 5, 24, 10), 7, printed="pdf"),   # its document folder is Disallowed
        _cabinet_meeting(1209, d(2022, 12, 6, 10), 8),
        _cabinet_meeting(1210, d(2023, 7, 11, 10), 9, cut=True),
        _cabinet_meeting(1211, d(2024, 1, 16, 10), 10, status="draft"),
        _cabinet_meeting(1212, d(2024, 3, 19, 10), 11, status="agenda"),
        _cabinet_meeting(1213, d(2099, 1, 1, 10), 12, status="agenda"),  # still to come
    ]
    # Pages that show the agenda only, the minutes being a printed PDF (older meetings often are).
    meetings[0].minutes_on_page = False
    meetings[7].minutes_on_page = False
    planning = [
        MeetingDef(1301, 102, d(2021, 2, 3, 18), [Item("12.", "Land at Mill Lane", 6001, "Outline application.",
                                                       ["The Committee refused the application for the gorsemoor site."])]),
        MeetingDef(1302, 102, d(2023, 2, 8, 18), [Item("30.", "Orchard Farm", 6002, "Full application.",
                                                       ["The Committee approved the application subject to conditions."])]),
    ]
    return Site("Fernhollow District Council", committees, meetings + planning, web_service=True, validators=True,
                session=False, upper_keys=False, paging=True, robots=ROBOTS_FERNHOLLOW, page_size=4)


def kestrelmoor() -> Site:
    """Kestrelmoor Borough Council: no web service, no validators, session addresses, a Year selector only."""
    committees = [CommitteeDef(201, "Cabinet", "Executive"),
                  CommitteeDef(202, "Overview and Scrutiny Committee", "Scrutiny")]
    d = dt.datetime
    meetings = []
    for n, (mid, when, status) in enumerate([(2101, d(2022, 1, 25, 19), "minutes"), (2102, d(2022, 7, 5, 19), "minutes"),
                                              (2103, d(2023, 3, 14, 19), "minutes"), (2104, d(2024, 2, 27, 19), "draft")]):
        m = _cabinet_meeting(mid, when, n + 5, status=status)
        m.cid = 201
        for it in m.items:
            it.ai += 3000
            it.minutes = [p.replace("footbridge", "bus station") for p in it.minutes]
            it.title = it.title.replace("Footbridge", "Bus Station")
        meetings.append(m)
    meetings.append(MeetingDef(2201, 202, d(2023, 5, 9, 19), [Item("4.", "Housing Repairs", 9001, "A review.",
                                                                   ["The Committee reviewed the repairs backlog."])]))
    robots = "User-agent: *\nDisallow: /mgMemberIndex.aspx\n"
    return Site("Kestrelmoor Borough Council", committees, meetings, web_service=False, validators=False,
                session=True, upper_keys=True, paging=False, robots=robots)
