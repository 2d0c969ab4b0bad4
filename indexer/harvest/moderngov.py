"""Read ModernGov pages and web-service XML: committees, meetings, a meeting's documents.

Shapes as observed on public ModernGov sites and saved by other projects' tests:

* committee list (``mgListCommittees.aspx``): ``h2.mgSectionTitle`` categories, each a
  ``ul.mgBulletList`` of ``mgCommitteeDetails.aspx?ID=<cid>`` links;
* committee details: an ``ul.mgActionList`` link "Browse meetings and agendas for this
  committee" to ``ieListMeetings.aspx?CommitteeId=<cid>`` (or ``CId=``);
* meetings list: ``a.mgMeetingTableLnk`` links to ``ieListDocuments.aspx?CId=&MId=&Ver=4``
  whose text is the date ("15 Jun 2026 7:30 pm"), followed by " - Agenda, Minutes" or
  " - CANCELLED"; ``a.mgTableNextLnk`` "Earlier meetings" / "Later meetings"
  (``Act=earlier&D=yyyymmddhhmm``); a ``select#YearSelect`` of years;
* meeting page: ``h1.mgMainTitleTxt`` ("Agenda and minutes", "Agenda and draft
  minutes"), ``ul.mgActionList`` with "Printed minutes" (``documents/g<mid>/Printed
  minutes <date> <committee>.pdf?T=1``, or an ``.htm``), ``table#mgItemTable`` items whose
  long minutes end "... view the full minutes text for item 59." linking ``mgAi.aspx?ID=``;
* agenda item page (``mgAi.aspx``): the item's full minutes after a "Minutes:" label;
* web service (``mgWebService.asmx``): ``GetCommittees`` (``committee`` elements with
  ``committeeid``, ``committeetitle``, ``committeeexpired``, ``committeedeleted``) and
  ``GetMeetings`` (``meeting`` elements with ``meetingid``, ``meetingdate`` dd/mm/yyyy,
  ``meetingstatus``). Some installs ignore the date range, so dates are filtered here.
  ``GetMeeting?lMeetingId=`` carries each ``agendaitem`` (``agendaitemid``, ``isrestricted``,
  ``isdisplayallowed``) with its published minutes as escaped HTML in
  ``minutesnonemptyhtmlbody``: one request instead of one ``mgAi.aspx`` page per item.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import warnings
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, Tag, XMLParsedAsHTMLWarning

from ..parse.meta import parse_date
from ..parse.text import decode
from . import urls

_VIEW_FULL = re.compile(r"view\s+the\s+full\s+(?:minutes|item|decision)\s+text", re.I)
_ITEM_NO = re.compile(r"for\s+item\s+([\w/.()-]+?)\.?\s*$", re.I)
_PRINTED = re.compile(r"^\s*(?:printed\s+|public\s+)?(?:draft\s+)?minutes\b", re.I)
#: The meeting's own documents ("documents/g<meeting>/..."), as opposed to reports ("documents/s<id>/...").
_MEETING_DOC = re.compile(r"/documents/g\d+/", re.I)
_GENERIC_SITE = re.compile(r"^(?:modern\.?\s*gov|modern\s+council|moderngov|democracy|committee\s+meetings?)$", re.I)
_COPYRIGHT = re.compile(r"(?:©|&copy;|\(c\)|copyright)\s*(?:\d{4}\s*[-–]?\s*)?(?:\d{4}\s+)?(.+?)(?:\.|\s*-\s*|\s*all rights reserved|$)", re.I)


@dataclass(frozen=True, slots=True)
class Committee:
    """A committee as the site lists it."""

    id: str
    title: str
    category: str = ""
    expired: bool = False


@dataclass(frozen=True, slots=True)
class MeetingRef:
    """A meeting as a meetings list (or GetMeetings) names it."""

    id: str
    committee_id: str
    url: str               #: canonical meeting page address
    date: dt.date | None
    label: str = ""        #: what the list says beside the date (" - Agenda, Minutes")
    cancelled: bool = False


@dataclass(slots=True)
class MeetingsPage:
    """One page of a committee's meetings list."""

    meetings: list[MeetingRef] = field(default_factory=list)
    earlier: str | None = None
    later: str | None = None
    years: list[int] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class CutItem:
    """An item whose minutes the meeting page cuts short, with the page that has them whole."""

    item_id: str
    url: str
    number: str


@dataclass(frozen=True, slots=True)
class Printed:
    """A printed-minutes document linked from a meeting page."""

    url: str
    label: str


@dataclass(slots=True)
class MeetingPage:
    """What the harvester needs from a meeting's agenda-and-minutes page."""

    heading: str = ""
    subtitle: str = ""
    draft: bool = False
    has_minutes: bool = False
    cancelled: bool = False
    cut: list[CutItem] = field(default_factory=list)
    printed: list[Printed] = field(default_factory=list)
    off_site: list[str] = field(default_factory=list)


def soup_of(data: bytes) -> BeautifulSoup:
    """Parse HTML or XML bytes leniently (whatever the declared encoding)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        return BeautifulSoup(decode(data), "html.parser")


def _text(node: Tag | None) -> str:
    return " ".join(node.get_text(" ").split()) if isinstance(node, Tag) else ""


def _href(a: Tag) -> str:
    return html.unescape(str(a.get("href") or ""))


# ---------------------------------------------------------------------- web service


def committees_from_xml(data: bytes) -> list[Committee] | None:
    """Committees from ``GetCommittees`` XML; None if this is not such a document."""
    soup = soup_of(data)
    if soup.find("committees") is None:
        return None
    out = []
    for c in soup.find_all("committee"):
        cid, title = _text(c.find("committeeid")), _text(c.find("committeetitle"))
        if not cid.isdigit() or not title:
            continue
        if _text(c.find("committeedeleted")).lower() == "true":
            continue
        out.append(Committee(cid, _ws_text(title), _ws_text(_text(c.find("committeecategory"))),
                             _text(c.find("committeeexpired")).lower() == "true"))
    return out


def meetings_from_xml(data: bytes, root: str, committee_id: str) -> list[MeetingRef] | None:
    """Meetings from ``GetMeetings`` XML; None if this is not such a document."""
    soup = soup_of(data)
    if soup.find("getmeetings") is None and soup.find("meetings") is None:
        return None
    out = []
    for m in soup.find_all("meeting"):
        mid = _text(m.find("meetingid"))
        if not mid.isdigit():
            continue
        owner = m.find_parent("committee")
        if isinstance(owner, Tag) and _text(owner.find("committeeid")) not in ("", committee_id):
            continue  # an install that ignored lCommitteeId and sent every committee's meetings
        when = parse_date(_text(m.find("meetingdate")))
        status = _text(m.find("meetingstatus"))
        url = urls.canonical(f"{root}ieListDocuments.aspx?CId={committee_id}&MId={mid}&Ver=4")
        out.append(MeetingRef(mid, committee_id, url, when, status, status.lower() == "cancelled"))
    return out


def item_minutes_from_xml(data: bytes) -> dict[str, str] | None:
    """Item id → full minutes HTML from ``GetMeeting`` XML; None if this is not such a document.

    Items that are restricted, not for display, or without published minutes are left out
    (their own pages are read instead).
    """
    soup = soup_of(data)
    if soup.find("agendaitems") is None and soup.find("getmeeting") is None:
        return None
    out: dict[str, str] = {}
    for item in soup.find_all("agendaitem"):
        aid = _text(item.find("agendaitemid"))
        if not aid.isdigit():
            continue
        if _text(item.find("isrestricted")).lower() == "true" or \
                _text(item.find("isdisplayallowed")).lower() == "false":
            continue
        body = item.find("minutesnonemptyhtmlbody")
        minutes = body.get_text().strip() if isinstance(body, Tag) else ""
        if "<" not in minutes and "&lt;" in minutes:
            minutes = html.unescape(minutes)  # escaped twice by the install
        if minutes:
            out[aid] = minutes
    return out


def _ws_text(text: str) -> str:
    # Some installs escape entities twice inside the XML ("&amp;#39;").
    return html.unescape(text)


# ---------------------------------------------------------------------- HTML pages


def committees_from_html(data: bytes, base: str) -> list[Committee]:
    """Committees linked from a committee list page, in page order, each once."""
    soup = soup_of(data)
    out: dict[str, Committee] = {}
    for a in soup.find_all("a", href=True):
        url = urls.absolute(base, _href(a))
        if urls.page_name(url) != "mgcommitteedetails.aspx" or not urls.same_site(url, base):
            continue
        cid, title = urls.committee_id(url), _text(a)
        if not cid or not title or cid in out:
            continue
        heading = a.find_previous(["h2", "h3"], class_=re.compile(r"mgSectionTitle", re.I))
        out[cid] = Committee(cid, title, _text(heading) if isinstance(heading, Tag) else "")
    if not out:
        # Some sites link each committee's meetings list directly instead.
        for a in soup.find_all("a", href=True):
            url = urls.absolute(base, _href(a))
            cid, title = urls.committee_id(url), _text(a)
            if urls.page_name(url) == "ielistmeetings.aspx" and cid and title and cid not in out \
                    and urls.same_site(url, base) and "info=1" not in url.lower():
                out[cid] = Committee(cid, title)
    return list(out.values())


def meetings_link(data: bytes, base: str, committee_id: str) -> str | None:
    """The "Browse meetings" link of a committee details page, if it has one."""
    soup = soup_of(data)
    for a in soup.find_all("a", href=True):
        url = urls.absolute(base, _href(a))
        if urls.page_name(url) == "ielistmeetings.aspx" and urls.committee_id(url) == committee_id \
                and urls.same_site(url, base):
            return url
    return None


def meetings_from_html(data: bytes, base: str, committee_id: str) -> MeetingsPage:
    """The meetings, paging links and year choices of one meetings-list page."""
    soup = soup_of(data)
    page = MeetingsPage()
    seen: set[str] = set()
    for a in soup.find_all("a", href=True):
        url = urls.absolute(base, _href(a))
        if not urls.same_site(url, base):
            continue
        name = urls.page_name(url)
        text = _text(a)
        if name == "ielistdocuments.aspx":
            mid = urls.meeting_id(url)
            cid = urls.committee_id(url) or committee_id
            if not mid or cid != committee_id or mid in seen:
                continue
            seen.add(mid)
            label = _label_after(a)
            when = parse_date(text) or parse_date(str(a.get("title") or ""))
            page.meetings.append(MeetingRef(mid, cid, urls.canonical(url), when, label,
                                            "cancel" in label.lower() or "cancel" in text.lower()))
        elif name == "ielistmeetings.aspx" and urls.committee_id(url) == committee_id:
            low = url.lower()
            if "act=earlier" in low or re.search(r"\bearlier\b", text, re.I):
                page.earlier = page.earlier or url
            elif "act=later" in low or re.search(r"\blater\b", text, re.I):
                page.later = page.later or url
    select = soup.find("select", id=re.compile(r"^YearSelect$", re.I)) or soup.find("select", attrs={"name": "YearSelect"})
    if isinstance(select, Tag):
        page.years = sorted({int(v) for o in select.find_all("option")
                             if (v := str(o.get("value") or "").strip()).isdigit() and len(v) == 4})
    return page


def _label_after(a: Tag) -> str:
    """The words after a meeting link in its list row (" - Agenda, Decisions, Minutes")."""
    parts = []
    for sib in a.next_siblings:
        if isinstance(sib, Tag) and sib.name == "a":
            break
        parts.append(sib.get_text(" ") if isinstance(sib, Tag) else str(sib))
    return " ".join("".join(parts).split()).lstrip("-– ").strip()


def year_url(list_url: str, year: int) -> str:
    """The meetings list of one year (the Year selector's choice, as a GET)."""
    parts = urlsplit(list_url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k.lower() not in ("year", "act", "d")]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query + [("Year", str(year))]), ""))


def read_meeting_page(data: bytes, base: str) -> MeetingPage:
    """What a meeting page holds: minutes or not, draft or not, cut items, printed minutes."""
    soup = soup_of(data)
    page = MeetingPage()
    # find() rather than CSS selectors: soupsieve compiles each selector, which costs more
    # than reading the page.
    page.heading = _text(soup.find("h1", class_="mgMainTitleTxt"))
    page.subtitle = _text(soup.find("h2", class_="mgSubTitleTxt"))
    title = _text(soup.find("title"))
    page.draft = bool(re.search(r"\bdraft\s+minutes\b", f"{page.heading} {title}", re.I))
    table = soup.find("table", id="mgItemTable") or soup.find("table", class_="mgItemTable")
    if isinstance(table, Tag):
        labels = [_text(p).lower() for p in table.find_all("p", class_="mgSubItemTitleTxt")]
        page.has_minutes = any(lbl.startswith(("minutes", "minute", "decision")) for lbl in labels)
    page.cancelled = bool(re.search(r"\bcancell?ed\b", page.subtitle + " " + page.heading, re.I))
    seen: set[str] = set()
    for a in soup.find_all("a", href=True):
        text = _text(a)
        url = urls.absolute(base, _href(a))
        if _VIEW_FULL.search(text):
            if not urls.same_site(url, base):
                page.off_site.append(url)
                continue
            aid = urls.item_id(url)
            if aid and aid not in seen:
                seen.add(aid)
                m = _ITEM_NO.search(text)
                page.cut.append(CutItem(aid, urls.canonical(url), m.group(1) if m else ""))
        elif _PRINTED.search(text) and not re.search(r"decisions|agenda|front\s*sheet|pack", text, re.I) \
                and _is_meeting_document(a, url):
            if not urls.same_site(url, base):
                page.off_site.append(url)
                continue
            if _document_stem(url) not in {_document_stem(p.url) for p in page.printed}:
                page.printed.append(Printed(url, re.sub(r"\s*(?:PDF|HTML?)\s+\d[\d.,]*\s*[KMG]?B\b.*$", "", text).strip()))
    if page.printed and not page.draft:
        page.draft = any(re.search(r"\bdraft\b", p.label, re.I) for p in page.printed)
    return page


def _document_stem(url: str) -> str:
    """A document's address without its query and file extension: the same minutes offered
    as PDF and as a web page are one document, fetched once (the first link listed)."""
    parts = urlsplit(url)
    stem, n = re.subn(r"\.(?:pdf|html?|docx?|rtf)$", "", parts.path, flags=re.I)
    # a page view (``ieListDocuments.aspx?…&Info=1``) is told apart by its query
    return (stem if n else f"{parts.path}?{parts.query}").lower()


def _is_meeting_document(a: Tag, url: str) -> bool:
    """A link to the meeting's printed minutes, not an item's report called "Minutes"
    (the "Minutes of the previous meeting" item links its PDF under that name)."""
    if "mgAiTitleLnk" in (a.get("class") or []) or a.find_parent("table", id="mgItemTable") is not None:
        return False
    if _MEETING_DOC.search(url) or re.search(r"[?&]info=1\b", url, re.I):
        return True
    return a.find_parent("ul", class_=re.compile(r"mgActionList", re.I)) is not None


def item_minutes(data: bytes) -> str | None:
    """The full minutes of an agenda item page, as HTML: what follows its "Minutes:" label."""
    soup = soup_of(data)
    for label in soup.find_all("p", class_="mgSubItemTitleTxt"):
        if _text(label).lower().startswith("minute"):
            parts = []
            for sib in label.next_siblings:
                if isinstance(sib, Tag) and "mgSubItemTitleTxt" in (sib.get("class") or []):
                    break
                if isinstance(sib, Tag) and sib.name == "table" and "mgDocsTable" in (sib.get("class") or []):
                    break
                parts.append(str(sib))
            text = "".join(parts).strip()
            return text or None
    return None


def splice(meeting: bytes, full: dict[str, str]) -> tuple[bytes, list[str]]:
    """Put each cut item's full minutes (``full``: item id → HTML) into the meeting page.

    The block that ends "... view the full minutes text for item N." is replaced by the
    whole text from the item's own page, so the index holds every item once and whole.
    Returns the new page and the ids spliced in; items not in ``full`` keep their cut text.
    """
    soup = soup_of(meeting)
    done: list[str] = []
    for a in soup.find_all("a", href=True):
        if not _VIEW_FULL.search(_text(a)):
            continue
        aid = urls.item_id(urls.absolute("http://x/", _href(a)))
        if aid is None or aid not in full:
            continue
        block = a.find_parent("div", class_="mgWordPara") or a.find_parent("p")
        if not isinstance(block, Tag):
            continue
        replacement = soup_of(f'<div class="mgWordPara">{full[aid]}</div>'.encode())
        new = replacement.find("div")
        if isinstance(new, Tag):
            if list(new.find_all("div", class_="mgWordPara", recursive=False)) and len(new.contents) == 1:
                new = new.find("div", class_="mgWordPara")
            block.replace_with(new)
            done.append(aid)
    return soup.encode(formatter="minimal"), done


def body_name(data: bytes) -> str | None:
    """The council (or other body) a ModernGov page belongs to, from its title or footer."""
    soup = soup_of(data)
    title = _text(soup.find("title"))
    sep = next((s for s in (" - ", " | ", " – ") if s in title), None)
    if sep:
        last = title.rsplit(sep, 1)[1].strip()
        if last and not _GENERIC_SITE.match(last) and not parse_date(last) and len(last) < 100:
            return last
    footers = soup.find_all("footer") + soup.find_all(id=re.compile(r"^(?:page-)?footer$", re.I)) + \
        soup.find_all(class_=re.compile(r"^(?:footer|mgFooter)$", re.I))
    for node in footers:
        m = _COPYRIGHT.search(_text(node))
        if m and 3 < len(m.group(1).strip()) < 100:
            return m.group(1).strip()
    meta = soup.find("meta", attrs={"name": re.compile(r"^DC\.publisher$", re.I)})
    if isinstance(meta, Tag) and meta.get("content"):
        return str(meta.get("content")).strip()
    return None
