"""Crawler text → :class:`RawDoc`: find the header, the agenda items and their lines.

Handles the text form of ModernGov pages (meeting pages with and without item numbers,
single agenda items, issue histories), printed minutes (with or without ``<AI1>`` item
markers) and printed agendas. Table-flattened pages are handled by :mod:`.tables`.
"""

from __future__ import annotations

import datetime as dt
import re

from ..model import Meeting
from .cues import cued
from . import meta, tables
from .printed import page_measure, reflow
from .structure import is_procedural_title
from .blocks import CHROME as _CHROME
from .blocks import PAGE_TYPE as _PAGE_TYPE
from .blocks import drop_site_banner, is_residue_line, label_of, lines_to_blocks
from .ir import LABEL, LABEL_MINUTES, PARA, Block, RawDoc, RawItem
from .text import RESIDUE_INLINE, Line, split_lines, strip_file_link
from .titles import ITEM_NUMBER, NUMBER_AND_TITLE, clean_title, drop_numbered_stop, is_blurb, is_title_like, item_number, split_title_blurb

_AI_MARKER = re.compile(r"^</?AI\d+>$", re.I)
_ITEMS_HEADER = re.compile(r"^(?:(?:note\s+)?no\.?\s*\|?\s*item\b.*|items)$", re.I)  # "Note No. Item": a notes column
_PRINTED_HEADING = re.compile(
    r"^(?:(?:confirmed|draft|unconfirmed|approved|signed)\s+)?(?:minutes?|record)\s+of\s+(?:the\s+|a\s+)?(?:[\w\s,'-]{0,60}?)?(?:meeting|proceedings|hearing)\b.{0,400}\bheld\b"
    r"|^at\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?meeting\s+of\b.{0,400}\bheld\b"  # "At a meeting of the … held at …"
    r"|^minutes\s+of\s+(?:the\s+)?[\w\s,'&()-]{3,100}?\b(?:Committee|Panel|Board|Council|Authority|Cabinet|Forum)\s+held\b",
    re.I,
)
_AGENDA_CUE = re.compile(r"\(pages?\s+\d+(?:\s*[-–]\s*\d+)?\)|^agenda$|\bagenda\s+(?:frontsheet|pack)\b", re.I)
_AGENDA_CUE = cued(_AGENDA_CUE)
_ATTENDANCE_HEADING = re.compile(
    r"^(?:also\s+)?(?:in\s+attendance|present)\b|^officers?\s+(?:in\s+attendance|present)\b|"
    r"^(?:(?:committee|other)\s+)?members\s+present\b|^apologies\s*:?$|^officials\s+in\s+attendance|"
    # who chaired, above the list of those present: "Presiding <name>", "In the Chair: <name>", "Vice Chair:
    # <name>, Deputy Mayor" (Northern Irish councils' printed minutes)
    r"^(?:presiding\b|in\s+the\s+chair\b|(?:vice|deputy)[\s-]+chair(?:man|person)?\s*:)",
    re.I,
)
# One person a line in an attendance list, never a heading: "Cyng. <First> <Last>", "Cllr. <First> <Last> (Chair)",
# "Lord Provost <First> <LAST>", "<First> <Last> (Clerk)" (Welsh town councils list "Cyng."/"Cllr." one a
# line), and the list's group headings "BAILIES", "COUNCILLORS" (Scottish councils' sederunts)
_PERSON_LINE = re.compile(
    r"^(?:(?:Cllrs?|Cyng|Cynghorydd|Councillor|Mrs?|Ms|Miss|Dr|Bailie|Provost|Depute|Deputy|Lord|Monsignor|Rev)\.?\s+)+"
    r"(?!.*['’]s\b)(?:[A-Z][\w’'-]*\.?\s+){0,3}[A-Z][\w’'-]*(?:\s*\([^()]{1,30}\))?$"
    r"|^(?:[A-Z][\w’'-]*\.?\s+){1,3}[A-Z][\w’'-]*\s*\((?i:clerk|clerc|chair(?:man|person)?|cadeirydd|mayor|maer|vice[- ]chair"
    r"|translator|cyfieithydd|secretary|ysgrifennydd|treasurer|trysorydd)\)$"  # "<First> <Last> (Clerk)"
    r"|^(?i:bailies|councillors|aldermen|cynghorwyr)\s*:?-?$",
)
# "<First> <LAST>", "<First> <I> <LAST>": Scottish councils print the surname in capitals. A title may end in
# capitals too ("Annual Report CCTV"), so only within a list: next to another person or the list's heading.
_CAPS_SURNAME = re.compile(r"^(?:[A-Z][a-z]+\s+|[A-Z]\.?\s+){1,3}(?:Ma?c)?[A-Z]{2,}(?:[’'-][A-Z]+)?$")


def _person_at(body: list[Line], i: int) -> bool:
    """True if line ``i`` is one person of an attendance list printed one a line."""
    t = body[i].text
    if _PERSON_LINE.match(t):
        return True
    if not _CAPS_SURNAME.match(t):
        return False
    near = [body[k].text for k in (i - 1, i + 1) if 0 <= k < len(body)]
    return any(_PERSON_LINE.match(n) or _CAPS_SURNAME.match(n) or _ATTENDANCE_HEADING.match(n) for n in near)


# "<Role or body>: <honorific> <name>" – who attended, not a heading: "Vice Chair: Ald X, Deputy Mayor",
# "Planning Service: Ms X, Planning Officer" (printed minutes' attendance of councils in Northern Ireland,
# Wales and Scotland)
_ATTENDANCE_ENTRY = re.compile(
    r"^[^:]{2,60}:[-–]?\s*(?:Mrs?|Ms|Miss|Dr|Cllr|Councillors?|Cyng|Ald(?:erm[ae]n)?|Bailie)\.?\s"
)


# "1.Apologies", "12)Minutes": a heading's number glued to its title, as PDF text that lost a space has it;
# "1 . Apologies": its stop spaced off, as justified PDF text has it.
_NUMBER_GLUED = re.compile(r"(?m)^([ \t]*\d{1,3}[.)])(?=[A-Z][A-Za-z])")
_NUMBER_SPACED = re.compile(r"(?m)^([ \t]*\d{1,3})[ \t]+([.)])(?=[ \t]+[A-Z(\"'])")


# A bulleted list of numbered items ("  • 1 - Apologies for Absence", "• 2. Minutes": document lists of councils'
# older ModernGov pages): the bullet is the list's, the number the item's.
_BULLETED_NUMBER = re.compile(r"(?m)^([ \t]*)[•▪]\s+(?=\d{1,3}(?:[.)]|\s+[-–])\s+[A-Z])")


def layout_text(text: str) -> RawDoc:
    """Lay out crawler or extracted text as a :class:`RawDoc`."""
    text = _NUMBER_SPACED.sub(r"\1\2", _NUMBER_GLUED.sub(r"\1 ", text))
    if "•" in text or "▪" in text:
        text = _BULLETED_NUMBER.sub(r"\1", text)
    lines = split_lines(tables.unfold_columns(text))
    lines = reflow(_drop_menu_bar(_drop_window_title(_plain_page_type(_drop_item_links(drop_site_banner(_gaps_in_units(lines)))))))
    lines = _split_run_on_heading(_join_cut_top_lines(_drop_page_numbers(lines, printed=False)))
    if any(_AI_MARKER.match(ln.text) for ln in lines):
        return _layout_ai_markers(lines)
    if tables.is_table_flattened(lines):
        return tables.layout_table(lines)
    pack = tables.layout_agenda_pack(lines)
    if pack is not None:
        return pack

    issue = _layout_issue_page(lines)
    if issue is not None:
        return issue
    lines, meetings = _take_meeting_lines(lines)
    meetings = meetings or _decision_fields(lines)
    lines = _join_wrapped_heading(_drop_site_navigation(_drop_site_footer(lines)))
    head, body, meeting_page, printed = _split_header(lines)
    items_table = meeting_page and len(lines) > len(head) and bool(_ITEMS_HEADER.match(lines[len(head)].text))
    if not meeting_page:
        body = _drop_page_numbers(body, printed=True)
    meetings = [(max(0, pos - len(head)), t) for pos, t in meetings]
    if len({meta.item_meeting_line(t)[:2] for _, t in meetings}) == 1:  # type: ignore[index]
        head = head + [Line(meetings[0][1])]  # one meeting: it is the document's
    agenda = _looks_like_agenda(lines, head)
    body = _split_title_blurb_lines(_split_run_on_headings(_split_inline_numbers(_drop_margin_numbers(body))))
    starts = _numbered_starts(body, printed)
    # (one lone number over its title is an item on an agenda page too: a CMIS page's text whose deep indentation
    # leaves room for one agenda entry in an excerpt, "Agenda" / "Public Agenda" / "1" / "<title>" - city and
    # borough councils' CMIS agendas)
    numbered = len(starts) >= 2 or (len(starts) == 1 and (meeting_page or printed or (agenda and starts[0][3] == 2)))
    if not numbered:
        # a heading "MEETING OF THE X COMMITTEE" says these are a meeting's minutes, as printed minutes do
        minutes_of = any(meta.meeting_of_line(h.text) for h in head)
        # a header naming a meeting's date (and no single item's "Meeting: …" line) heads a meeting's
        # minutes too: town and parish councils' and committees' text minutes with unnumbered headings
        dated = any(_dated_header_line(h.text) or meta.header_meeting(h.text) for h in head) and not any(
            meta.item_meeting_line(h.text) for h in head
        )
        # titles a meeting page marks as such, its headerless text (a crawl that kept only the item table): two or
        # more lines standing alone with a document link's residue ("… pdf icon PDF 130 KB") or naming
        # procedural business ("Apologies for Absence", "Declarations of Interest")
        marked = sum(
            1
            for k, ln in enumerate(body)
            if (k == 0 or body[k].gap > 0)
            and (RESIDUE_INLINE.search(ln.text) or is_procedural_title(ln.text))
            and is_title_like(ln.text, strict=False)
            and (k + 1 == len(body) or body[k + 1].gap > 0)
        )
        gated = meeting_page or printed or agenda or minutes_of or dated or marked >= 2
        # (titles are looked for without a header only where two blurbs could stand under titles: cheap first)
        blurbs = 0 if gated else sum(1 for k in range(1, len(body)) if body[k].gap <= 1 and is_blurb(body[k].text))
        starts = _titled_starts(body) if gated or blurbs >= 2 else []
        if not gated and _blurbed(body, starts) < 2:
            starts = []
    if len(head) == 1 and _PAGE_START.match(head[0].text):
        # an item page ("Agenda item", then the title) is one item: numbers in its minutes ("(1) <SITE>
        # (APPLICATION 1/01)", "a) The Panel noted …") mark a list of applications or points, not items
        starts = []
    if starts:
        doc = RawDoc("meeting", head=[ln.text for ln in head])
        preamble = body[: starts[0][0]]
        if preamble and _preface_title(preamble) and (items_table or meeting_page and not _names_meeting_below(preamble, 0)):
            # a row of a meeting page's item table above the first numbered one ("Chairs Announcement", "OPEN
            # FORUM"): an unnumbered item, not a preamble (a meeting page lists attendance elsewhere); without
            # the table's "No. Item" heading, not a first heading line whose second names the body or date
            doc.items.append(RawItem(clean_title(preamble[0].text), None, lines_to_blocks(preamble[1:])))
        else:
            _add_preamble(doc, preamble)
        for k, (i, number, title, skip) in enumerate(starts):
            end = starts[k + 1][0] if k + 1 < len(starts) else len(body)
            doc.items.append(RawItem(title, number, lines_to_blocks(body[i + skip : end])))
        _drop_truncated_last(doc, body, text)
    else:
        doc = _single_item(head, body, meeting_page or printed)
    _assign_meetings(doc, body, starts, meetings)
    _lone_minute_numbers(doc)
    if printed:
        doc.kind = "printed_minutes"
    elif agenda and not _has_minutes(doc):
        doc.kind = "agenda_only"
    elif doc.kind == "meeting" and not meeting_page and meetings and _is_issue_history(doc):
        doc.kind = "issue_history"
    elif len({t for _, t in meetings}) >= 2:
        doc.kind = "issue_history"
    return doc


# Text whose line breaks were lost (document sites' plain-text copies of PDFs, any body): the heading, the
# attendance list and the minutes run on in one line. The heading is what comes before the attendance
# list's label, when it names a date: "<Body> Minutes of Meeting on <date> Present …",
# "<disclaimer>. <BODY> MINUTES OF THE BOARD MEETING held at … on <date> PRESENT …".
_RUN_ON_MIN = 300
_ATTENDANCE_WORD = re.compile(r"\s(?=(?:PRESENT|Present|SEDERUNT|Sederunt|IN ATTENDANCE|In [Aa]ttendance)\b)")
_STATUS_WORD = re.compile(r"^(?i:draft|confirmed|unconfirmed)$")
# where the heading's parts meet: a sentence's end (a disclaimer above it), "MINUTES OF" after the body's name
_HEADING_PARTS = re.compile(r"(?<=[a-z0-9)][.!?])\s+(?=[A-Z])|\s+(?=(?:(?i:draft|confirmed|unconfirmed)\s+)?(?:MINUTES?|Minutes?)\s+(?i:of)\s)")


# "DRAFT AONB Partnership Committee Minutes of the meeting at <venue> <date>", "Schools Forum Minutes of Meeting
# on <date>": a body's name run into the heading on one line (forums', partnerships' and committees' PDFs)
_NAME_BEFORE_MINUTES = re.compile(
    r"^(?:(?i:draft|confirmed|unconfirmed)\s+)?(?P<body>[A-Z][\w'&,()-]*(?:\s+[\w'&,()-]+){0,10}?\s+"
    r"(?i:Committee|Sub-Committee|Forum|Board|Panel|Council|Partnership|Authority|Group))\s+(?P<rest>(?:MINUTES?|Minutes?)\s+(?i:of)\s.*)$"
)


# a run-on heading's date and time, where no attendance label follows it ("… held in <venue> on Tuesday 10 July
# 2018 at 6.30 pm Members of Cabinet present: …"): the heading ends there
_TIME_AFTER_DATE = re.compile(r",?\s*(?:(?:at|from|commencing\s+at)\s+)?\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?m\.?|noon|hrs|hours)(?=\s|$)", re.I)
_HEADING_WORDS = re.compile(r"\b(?:minutes?|held)\b", re.I)
_SPACE_RUN = re.compile(r"\s+")


def _after_heading_date(text: str) -> re.Match[str] | None:
    """The gap after a heading's date (and time) near the start of a run-on line that opens with a minutes
    heading ("Minutes of …", "… held …"), as a match."""
    end = meta.date_end(text[:400])
    if end is None or not _HEADING_WORDS.search(text, 0, min(end, 150)):
        return None  # (an agenda's "To confirm the minutes of the meeting held on …" is no heading)
    time = _TIME_AFTER_DATE.match(text, end)
    return _SPACE_RUN.match(text, time.end() if time else end)


def _split_run_on_heading(lines: list[Line]) -> list[Line]:
    """Break a run-on first line into its heading's lines and the rest (see ``_ATTENDANCE_WORD``), and a
    body's name from the heading it runs into (``_NAME_BEFORE_MINUTES``)."""
    if not lines:
        return lines
    first = lines[0]
    named = _NAME_BEFORE_MINUTES.match(first.text) if len(first.text) <= 200 else None
    if named:
        rest, after = named.group("rest"), lines[1:]
        if meta.parse_date(rest) is None and after and after[0].gap == 0 and len(after[0].text) <= 80 and meta.parse_date(after[0].text):
            rest, after = f"{rest} {after[0].text}", after[1:]  # the heading hard-wrapped before its date
        if meta.parse_date(rest) is not None:
            return [Line(named.group("body"), first.indent, first.gap), Line(rest, first.indent, 0)] + after
    # the run-on line: the first line, or the first long one below a document site's short title and
    # file-size lines ("Total Page:16", "File Type:pdf, Size:…")
    at = next((k for k, ln in enumerate(lines[:4]) if len(ln.text) >= _RUN_ON_MIN), None)
    if at is None or any(len(ln.text) > 80 for ln in lines[:at]):
        return lines
    run = lines[at]
    cover = meta.run_on_cover(run.text)
    if cover:  # an agenda pack's cover: the body's name and the date on lines of their own, as printed
        body, when, rest = cover
        split = [Line(body, run.indent, run.gap), Line(when, run.indent, 0)]
        split += [Line(t, run.indent, 0) for t in _split_run_on_agenda(rest)]
        return lines[:at] + split + lines[at + 1 :]
    cut = _ATTENDANCE_WORD.search(run.text, 0, 600) or _after_heading_date(run.text)
    heading = run.text[: cut.start()] if cut else ""
    if not heading or meta.parse_date(heading) is None:
        return lines
    parts = [p.strip() for p in _HEADING_PARTS.split(heading) if p.strip()]
    # ("Draft Minute of …": the status word stays with its heading; the split falls before either word)
    for k in range(len(parts) - 1, 0, -1):
        if _STATUS_WORD.match(parts[k - 1]):
            parts[k - 1 : k + 1] = [f"{parts[k - 1]} {parts[k]}"]
    # sentences above the heading (a document site's disclaimer on converted text) go below it: the heading
    # opens the document
    top = next((k for k, p in enumerate(parts) if not re.search(r"[.!?]$", p)), 0)
    parts = parts[top:] + parts[:top]
    rest = run.text[cut.end() :]  # type: ignore[union-attr]
    split = [Line(p, run.indent, run.gap if k == 0 else 0) for k, p in enumerate(parts)] + [Line(rest, run.indent, 0)]
    return lines[:at] + split + lines[at + 1 :]


# The agenda list of a run-on cover, bare numbers going up by one from 1 after the word AGENDA:
# "AGENDA 1 APOLOGIES FOR ABSENCE 2 MINUTES To agree … (Pages 7 - 12) 3 …", "AGENDA 1 Minutes of last meeting
# held on <date> 5 - 18 2 Apologies for Absence …" (police and crime panels' packs of two force areas).
_AGENDA_WORD = re.compile(r"\bAGENDA\b")
_PAGE_RANGE = re.compile(r"\s+(?:\(Pages?\s+\d{1,3}(?:\s*-\s*\d{1,3})?\)|\d{1,3}\s*-\s*\d{1,3})(?=\s|$)")
# a capitals title and the mixed-case blurb after it: "APPOINTMENT OF CO-OPTED MEMBER To consider a report …"
_CAPS_TITLE = re.compile(r"^(?P<t>[A-Z0-9][A-Z0-9'&/(),.-]*(?:\s+(?:[A-Z0-9'&/(),.-]+|[-–]))*)\s+(?=[A-Z][a-z])")


def _split_run_on_agenda(rest: str) -> list[str]:
    """The rest of a run-on cover as lines: what precedes its agenda list, then one "<n> <title>" line per
    entry with the entry's blurb (and what follows the page range) on a line of its own."""
    word = _AGENDA_WORD.search(rest)
    if word is None:
        return [rest]
    text, cuts, want = rest[word.end() :], [], 1
    for m in re.finditer(r"(?<!\S)(\d{1,2})\s+(?=[A-Z])", text):
        if int(m.group(1)) == want:
            cuts.append(m.start())
            want += 1
    lead = text[: cuts[0]].strip(" :") if cuts else ""
    if len(cuts) < 3 or len(lead) > 150:  # (a part's heading at most: "PART 1: ITEMS LIKELY TO BE CONSIDERED …")
        return [rest]
    out = [t for t in (rest[: word.start()].strip(), "AGENDA", lead) if t]
    for a, b in zip(cuts, cuts[1:] + [len(text)]):
        number, entry = text[a:b].strip().split(None, 1)
        page = _PAGE_RANGE.search(entry)
        caps = _CAPS_TITLE.match(entry)
        if page is not None and (caps is None or page.start() < caps.end("t")):
            title, blurb = entry[: page.start()], entry[page.end() :]
        elif caps is not None:
            title, blurb = caps.group("t"), entry[caps.end() :]
        else:
            title, blurb = entry, ""
        out.append(f"{number} {title.strip()}")
        if blurb.strip():
            out.append(blurb.strip())
    return out


# ModernGov's issue-history page ("ieIssueDetails"), whatever the council: "Issue - meetings", the
# issue's name, then for each meeting a "Meeting: <date> - <body> (Item n)" line followed by that
# meeting's item title and its text. Its sibling "Issue - decisions" (mgDecisionDetails, Opt=1) lists the issue's
# decisions instead, each "<dd/mm/yyyy> - <decision title>" over its text, with no body named (district and
# unitary councils' cabinets and committees alike).
_ISSUE_PAGE = re.compile(r"^issue\s*[-–]\s*(?:meetings|decisions)$", re.I)
_ISSUE_DECISION = re.compile(r"^(?P<date>\d{1,2}/\d{1,2}/\d{4})\s+[-–]\s+(?P<title>\S.{2,200})$")


def _issue_decision_line(text: str) -> tuple[dt.date, str] | None:
    """Parse an "Issue - decisions" page's "09/02/2022 - <decision title>" line; None if ``text`` is not one."""
    m = _ISSUE_DECISION.match(text.strip())
    date = meta.parse_date(m.group("date")) if m else None
    return (date, clean_title(m.group("title"))) if m and date else None


def is_issue_page_line(text: str) -> bool:
    """True for the page-type line of a ModernGov issue-history page ("Issue - meetings")."""
    return bool(_ISSUE_PAGE.match(text.strip()))


def _layout_issue_page(lines: list[Line]) -> RawDoc | None:
    """Lay out an issue-history page: one item per "Meeting:" line, titled by the line after it."""
    top = next((k for k, ln in enumerate(lines[:15]) if _ISSUE_PAGE.match(ln.text)), None)
    if top is None:
        return None
    decisions = "decision" in lines[top].text.lower()
    at = [k for k in range(top + 1, len(lines)) if meta.item_meeting_line(lines[k].text)]
    if decisions and not at:
        at = [k for k in range(top + 1, len(lines)) if _issue_decision_line(lines[k].text)]
    if not at:
        return None
    doc = RawDoc("issue_history", head=[ln.text for ln in lines[top : at[0]]])
    for n, k in enumerate(at):
        end = at[n + 1] if n + 1 < len(at) else len(lines)
        chunk = lines[k + 1 : end]
        found = meta.item_meeting_line(lines[k].text)
        if found is None:  # a decision's line: its date and its title, no body and no number
            date, title = _issue_decision_line(lines[k].text)  # type: ignore[misc]
            doc.items.append(RawItem(title, None, lines_to_blocks(chunk), meeting=Meeting(date=date)))
            continue
        committee, date, number = found
        title = ""
        # (the line under "Meeting:" is where the page prints the title, so a short title ending in a full stop
        # in sentence case, "Declarations of interest.", is one here - county council issue pages)
        if chunk and label_of(chunk[0].text)[0] is None and is_title_like(drop_numbered_stop(chunk[0].text), strict=False):
            title, chunk = clean_title(chunk[0].text), chunk[1:]
            numbered = NUMBER_AND_TITLE.match(title)  # "44 External Audit …": the minute number
            if numbered:
                number, title = number or item_number(numbered.group(1)), clean_title(numbered.group(2))
        doc.items.append(RawItem(title, number, lines_to_blocks(chunk), meeting=Meeting(committee=committee, date=date)))
    return doc


def _take_meeting_lines(body: list[Line]) -> tuple[list[Line], list[tuple[int, str]]]:
    """Remove "Meeting: 21/11/2022 - Committee (Item 81)" lines, remembering where they were."""
    kept: list[Line] = []
    found: list[tuple[int, str]] = []
    for ln in body:
        if meta.item_meeting_line(ln.text):
            found.append((len(kept), ln.text))
        else:
            kept.append(ln)
    return kept, found


# A "Decision details" page prints "Decision Maker: <body or officer>" and "Date of decision: dd/mm/yyyy" on every
# install; "Decided at meeting:" only when a meeting took the decision (an officer's or a member's own decision has
# none: unitary and district councils alike).
_DECISION_MAKER = re.compile(r"^Decision\s+Maker\s*:\s*(?P<v>\S.{1,120})$", re.I)
_DECISION_DATE = re.compile(r"^Date\s+of\s+decision\s*:\s*(?P<v>\d{1,2}/\d{1,2}/\d{4})$", re.I)


def _decision_fields(lines: list[Line]) -> list[tuple[int, str]]:
    """A decision page's maker and date as a meeting line, when it names no meeting; [] otherwise."""
    if not lines or not _DECISION_PAGE.match(lines[0].text):
        return []
    maker = next((m.group("v") for ln in lines if (m := _DECISION_MAKER.match(ln.text.strip()))), None)
    date = next((m.group("v") for ln in lines if (m := _DECISION_DATE.match(ln.text.strip()))), None)
    return [(0, f"Decided at meeting: {date} - {maker}")] if maker and date else []


def _assign_meetings(doc: RawDoc, body: list[Line], starts: list, meetings: list[tuple[int, str]]) -> None:
    """Give each item the meeting named on the nearest "Meeting:" line before it (issue pages)."""
    if not meetings:
        return
    item_lines = [s[0] for s in starts] if starts else [0]
    items = [it for it in doc.items if it.title or len(doc.items) == 1]
    for k, item in enumerate(items):
        at = item_lines[k] if k < len(item_lines) else 0
        before = [t for pos, t in meetings if pos <= at + 1] or [meetings[0][1]]
        committee, date, number = meta.item_meeting_line(before[-1])  # type: ignore[misc]
        item.meeting = Meeting(committee=committee, date=date)
        if item.number is None and number:
            item.number = number


_PAGE_START = re.compile(r"^agenda\s+item$", re.I)
_AGENDA_PAGE = re.compile(r"^agenda$", re.I)
_DECISION_PAGE = re.compile(r"^decision\s+details$", re.I)


def _wrapped_name(first: str, second: str) -> bool:
    """True when ``second`` ends a body's name that ``first`` starts (a narrow column wrapped it)."""
    if not (first.isupper() and second.isupper() and len(second.split()) == 1 and len(first.split()) <= 6):
        return False  # (a printed heading in capitals, its last word alone: "LOWERBY PARISH" / "COUNCIL")
    return meta.is_committee_line(f"{first} {second}") and not meta.is_committee_line(first)


def _drop_site_navigation(lines: list[Line]) -> list[Line]:
    """Drop a website's menu and breadcrumbs above the page proper ("Skip to main content", "Home",
    "Your council" … then "Agenda item" or "Agenda and minutes")."""
    for k, ln in enumerate(lines[:30]):
        # the page proper starts at its page-type line, or at its heading naming body and date
        # (or, on CMS pages such as CMIS, at the body's name under the menu)
        if _PAGE_START.match(ln.text) or _PAGE_TYPE.match(ln.text) or (
            k < 8 and (meta.header_meeting(ln.text) or (k and meta.is_committee_line(ln.text)))
        ):
            if k and _wrapped_name(lines[k - 1].text, ln.text):
                k, ln = k - 1, lines[k - 1]  # the body's name wrapped before its last word ("LOWERBY PARISH" / "COUNCIL")
            before = lines[:k]
            # the page-type heading printed twice, as the window's title and as the page's own heading
            # ("Agenda item" / "Agenda item"): the second copy is no title
            j = k + 1
            while j < len(lines) and (_PAGE_START.match(ln.text) or _PAGE_TYPE.match(ln.text)) and lines[j].text.casefold() == ln.text.casefold():
                j += 1
            page = lines[:k + 1] + lines[j:] if j > k + 1 else lines
            if before and all(_navigation_like(b.text) for b in before):
                # a ModernGov meeting page with no minutes yet is titled "Agenda" over its heading ("<body> -
                # <date>"): the page's type, which says the page is an agenda, not a menu entry
                at = k - 1 if _AGENDA_PAGE.match(before[-1].text) and meta.header_meeting(ln.text) else k
                return page[at:]
            return page
    return lines


def _gaps_in_units(lines: list[Line]) -> list[Line]:
    """Count blank lines in the document's own unit: where every gap is two blank lines or more (an
    extraction that doubles them), the smallest becomes one, so "set apart" means the same everywhere."""
    unit = min((ln.gap for ln in lines if ln.gap), default=1)
    if unit < 2:
        return lines
    return [Line(ln.text, ln.indent, max(1, round(ln.gap / unit)) if ln.gap else 0) for ln in lines]


# ModernGov's window title for an item, issue or decision page, kept as the page's first line when the
# crawl took the HTML <title>: "Agenda item - <title>", "Issue - items at meetings - <title>", "Decision - <title>".
_WINDOW_TITLE = re.compile(r"^(?:agenda\s+item|issue(?:\s+-\s+items\s+at\s+meetings)?|decision(?:\s+details)?)\s+[-–]\s+(.+)$", re.I)


# The page-type line "Agenda item" decorated by the site's navigation: a menu's bullet ("• Agenda item") or the
# end of a breadcrumb trail on one line ("Home > Council and democracy > Agenda item", "You are here - Home :
# … : Agenda item").
_DECORATED_PAGE_START = re.compile(r"^(?:[•·▪*]\s*|.{0,200}?\s[:>»|/•-]\s*)(agenda\s+item)$", re.I)


def _plain_page_type(lines: list[Line]) -> list[Line]:
    """The first decorated "Agenda item" line near the top, as the plain page-type line it stands for; and a
    menu's last bullet naming a meeting page's type ("• Agenda and minutes" ending the site's menu), likewise."""
    for k, ln in enumerate(lines[:40]):
        if _PAGE_START.match(ln.text) or _PAGE_TYPE.match(ln.text):
            return lines
        m = _DECORATED_PAGE_START.match(ln.text.strip())
        if m:
            return lines[:k] + [Line(m.group(1), ln.indent, ln.gap)] + lines[k + 1 :]
        b = _MENU_BULLET.match(ln.text)
        if b and _PAGE_TYPE.match(b.group(1)) and k >= 2 and all(_MENU_BULLET.match(x.text) for x in lines[k - 2 : k]) and not (
            k + 1 < len(lines) and _MENU_BULLET.match(lines[k + 1].text)
        ):
            return lines[:k] + [Line(b.group(1), ln.indent, ln.gap)] + lines[k + 1 :]
    return lines


_MENU_BULLET = re.compile(r"^[•·▪*]\s*(\S.{0,60})$")


def _drop_window_title(lines: list[Line]) -> list[Line]:
    """Drop a page's window title above it when the page repeats its title below."""
    m = _WINDOW_TITLE.match(lines[0].text) if lines else None
    if m:
        title = " ".join(m.group(1).split()).casefold()
        if any(" ".join(ln.text.split()).casefold() == title for ln in lines[1:25]):
            return lines[1:]
    return lines


# ModernGov's link lines under an item's title, whatever the site: "View the webcast for this item",
# "View the background to item 5.", "View the reasons why item 12 is restricted", "Webcast for item 5".
_ITEM_LINK = re.compile(
    r"^(?:(?:view|watch)\s+(?:the\s+)?(?:webcast|video|recording)\b.{0,40}|webcast\s+for\s+(?:this\s+)?item\b.{0,20}"
    r"|view\s+the\s+(?:background\s+to|reasons?\s+(?:why\s+)?)\s*item\b.{0,60})$",
    re.I,
)


def _drop_item_links(lines: list[Line]) -> list[Line]:
    """Drop an item's link lines (never its title, never its minutes), keeping the gaps they stood in."""
    out: list[Line] = []
    gap = 0
    for ln in lines:
        if _ITEM_LINK.match(ln.text.strip()):
            gap += ln.gap + 1 if out else 0
            continue
        out.append(Line(ln.text, ln.indent, max(ln.gap, gap)) if gap else ln)
        gap = 0
    return out


def _drop_menu_bar(lines: list[Line]) -> list[Line]:
    """Drop a website's menu bar above any page: a leading run of short lines holding two or more menu
    entries ("Home", "Menu", "Search"), up to the last entry (the document's own heading lines below
    look like menu entries too)."""
    k, menu = 0, []
    while k < min(len(lines), 15) and _navigation_like(lines[k].text):
        if _MENU_ENTRY.match(lines[k].text.strip()):
            menu.append(k)
        k += 1
    if len(menu) >= 2 and menu[-1] + 1 < len(lines):
        return lines[menu[-1] + 1 :]
    return lines


# Entries of a website's menu bar, whatever the council.
_MENU_ENTRY = re.compile(
    r"^(?:home(?:\s+page)?|(?:main\s+)?menu|search(?:\s+this\s+site)?|navigation|sign\s+in|log\s*in|my\s+account|"
    r"skip\s+to\s+(?:main\s+)?content|a\s*-\s*z(?:\s+of\s+services)?|news(?:room)?|contact\s+us|your\s+council|"
    r"council\s+and\s+democracy|(?:councillors|members)\s+and\s+committees)$",
    re.I,
)


# A council website's footer links, whatever the council.
_FOOTER_LINK = re.compile(
    r"^(?:contact\s+us|accessibility(?:\s+statement)?|privacy(?:\s+(?:notice|policy))?|cookies?(?:\s+(?:policy|settings))?|"
    r"site\s*map|terms(?:\s+(?:and|&)\s+conditions|\s+of\s+use)?|copyright.{0,60}|©.{0,60}|follow\s+us.{0,30}|back\s+to\s+top|"
    r"disclaimer|freedom\s+of\s+information|jobs(?:\s+and\s+careers)?|newsroom|a\s*-\s*z\s+of\s+services)$",
    re.I,
)


def _drop_site_footer(lines: list[Line]) -> list[Line]:
    """Drop a website's footer links below the page proper: a closing run of short link lines, two or
    more of them footer links ("Contact us", "Privacy notice", "Cookies")."""
    k = len(lines)
    while k > 0 and _navigation_like(lines[k - 1].text) and len(lines[k - 1].text.split()) <= 5:
        k -= 1
    tail = lines[k:]
    if sum(1 for ln in tail if _FOOTER_LINK.match(ln.text)) >= 2:
        return lines[:k]
    return lines


# The lead-in of a breadcrumb trail ("You are here:", "Breadcrumb"): site furniture of many councils' pages,
# whatever their vendor, ending in a colon that would otherwise read as a label.
_BREADCRUMB_LEAD = re.compile(r"^(?:you\s+are\s+(?:here|in)|breadcrumbs?)\s*:?$", re.I)


def _navigation_like(text: str) -> bool:
    """A menu entry or breadcrumb trail: a few words, no sentence, not the body or the date."""
    if _BREADCRUMB_LEAD.match(text.strip()):
        return True
    return (
        len(text.split()) <= 10
        and not re.search(r"[.!?:;]$", text)
        and not (meta.is_committee_line(text) or meta.header_meeting(text) or meta.is_date_line(text))
    )


_HEADING_START = re.compile(
    r"^(?:(?:minutes?|record)\s+of\s+(?!(?:the\s+)?(?:previous|last)\b)(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}?(?:meeting|proceedings|hearing)|at\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?meeting\s+of)\b",
    re.I,
)
def _join_wrapped_heading(lines: list[Line]) -> list[Line]:
    """Rejoin a printed-minutes heading hard-wrapped over several lines (PDF text):
    "MINUTES of the meeting of the … Authority held" / "at …, on Monday, 13th November, 2023" / "at 10.30 am."
    """
    for i, ln in enumerate(lines[:30]):
        if not _HEADING_START.match(ln.text):
            continue
        text, j = ln.text, i + 1
        while j < len(lines) and j - i < 5 and not text.endswith("."):
            nxt = lines[j].text
            if _caps_continuation(text, nxt) and lines[j].gap <= 1:
                text, j = f"{text} {nxt}", j + 1  # "… MEETING HELD" / "ON MONDAY <date>", a blank line apart
                continue
            if lines[j].gap != 0 or _FIELD_LINE.match(nxt) or is_blurb(nxt) or (meta.parse_date(text) and not nxt[:1].islower()):
                break  # "Present: …", an item's "To confirm …" blurb, or a heading that already has its date
            text, j = f"{text} {nxt}", j + 1
        if j == i + 1:
            if ln.text.endswith(("…", "...")):
                continue  # a document site's cut copy of the heading above the heading itself
            return lines
        return lines[:i] + [Line(text, ln.indent, ln.gap)] + lines[j:]
    return lines


def _join_cut_top_lines(lines: list[Line]) -> list[Line]:
    """Rejoin a top line cut inside its date or its name by a narrow column (PDF text): "… held on
    Monday, 5 June" / "2023 at 10.00 am", "Westshire Council - Audit and" / "Governance Committee"."""
    out: list[Line] = []
    for k, ln in enumerate(lines):
        if out and k < 12 and ln.gap == 0 and meta.continues_heading(out[-1].text, ln.text):
            out[-1] = Line(f"{out[-1].text} {ln.text}", out[-1].indent, out[-1].gap)
        else:
            out.append(ln)
    return out


# The rest of a heading in capitals wrapped onto the next line, "ON <WEEKDAY> <date> AT <time>" or "AT THE
# <VENUE> AT <time>" (PDF text of councils' printed minutes, with a blank line between the two lines on
# document sites' copies)
_CAPS_REST = re.compile(r"^(?:ON|AT|IN|HELD|WITHIN)\s")


def _caps_continuation(heading: str, nxt: str) -> bool:
    def caps(t: str) -> bool:
        t = re.sub(r"(?<=\d)(?:st|nd|rd|th|am|pm)\b", "", t)
        return t.upper() == t and any(c.isalpha() for c in t)

    return bool(_CAPS_REST.match(nxt)) and len(nxt) <= 80 and caps(heading) and caps(nxt)


def _split_header(lines: list[Line]) -> tuple[list[Line], list[Line], bool, bool]:
    """Return (header lines, body lines, is a meeting page, is printed minutes)."""
    meeting_page = False
    if lines and (_PAGE_START.match(lines[0].text) or _DECISION_PAGE.match(lines[0].text)):
        # ModernGov's item page ("mgAi"), any council: its heading is the item's title, even one that reads
        # like printed minutes' ("Minutes of the previous meeting held on 11 December 2020"); so is a decision's
        # page ("Decision details", its title, "Decided at meeting: <date> - <body>" at its foot), when the page
        # starts there (as a site's menu entry above "Agenda item" it is navigation)
        return lines[:1], lines[1:], False, False
    for i, ln in enumerate(lines[:25]):
        if _ITEMS_HEADER.match(ln.text):
            # "Items" then "No. Item": the body starts after the last of them.
            j = i
            while j + 1 < len(lines) and _ITEMS_HEADER.match(lines[j + 1].text):
                j += 1
            return lines[:i], lines[j + 1 :], True, False
    for i, ln in enumerate(lines[:30]):
        if _PAGE_TYPE.match(ln.text):
            break  # a web page's type line ("Agenda, decisions and minutes"): below it, "Minutes of …" is an item
        if _PRINTED_HEADING.match(ln.text) and not RESIDUE_INLINE.search(ln.text) and (
            ln.text.endswith(".") or len(ln.text.split()) >= 12 or (i < 6 and meta.parse_date(ln.text) is not None)
        ):  # a short heading with its date is the minutes' heading only at the top, not an item's title (nor a link)
            return lines[: i + 1], lines[i + 1 :], False, True
    i = 0
    while i < len(lines) and i < 15:
        t = lines[i].text
        if _PAGE_TYPE.match(t):
            meeting_page = True
        elif meta.meeting_of_line(t):
            pass  # "MEETING OF THE PLANNING COMMITTEE": the heading, whatever follows it
        elif any(meta.is_committee_line(x) for x in meta.bilingual(t)) and i + 1 < len(lines):
            # A body's name heads a printed agenda (then venue and date) or a page about it.
            # (or a dated heading, "Held on <date> …", "Minutes of Meeting of <date> Venue: …", a run-on text's
            # heading cut into its parts: community councils' PDFs copied by document sites)
            ahead = [
                k
                for k in range(i + 1, min(i + 4, len(lines)))
                if _dated_header_line(lines[k].text) or _dated_heading(lines[k].text)
            ]
            nxt = lines[i + 1].text
            if ahead:
                i = ahead[0]
            elif not (_header_like(nxt, i + 1) or any(meta.is_committee_line(x) for x in meta.bilingual(nxt))) and not nxt.lower().startswith(
                "the " + t.lower().removeprefix("the ")
            ):
                break
        elif i < 3 and len(t) <= 160 and all(meta.meeting_from_head([t])):
            pass  # a heading that names both the body and the date ("Minutes of X Council Meeting 7:30pm 28th May")
        elif (_DOC_HEADING.match(t) or i < 3 and _MEETING_HEADING.match(t)) and _names_meeting_below(lines, i):
            # "PUBLIC MINUTES" above the body's name or the date (an item called "Minutes" is not); "Minute of
            # Inaugural Meeting <body>" above its "Date: …" field (community councils' and boards' PDFs)
            pass
        elif not _header_like(t, i):
            break
        i += 1
    return lines[:i], lines[i:], meeting_page, False


def _dated_heading(text: str) -> bool:
    """A heading giving the meeting's date: "Held on <date> …", "Minutes of Meeting of <date> Venue: …"."""
    return meta.parse_date(text) is not None and bool(
        re.match(r"^held\b", text, re.I) or meta.minutes_of_meeting_date(text) or meta.is_printed_heading(text)
    )


def _names_meeting_below(lines: list[Line], i: int) -> bool:
    """True if header lines (chrome, fields) below line ``i`` soon name the body or the date."""
    for ln in lines[i + 1 : i + 5]:
        if _names_meeting(ln.text):
            return True
        if not _header_like(ln.text, 1):
            return False
    return False


def _names_meeting(text: str) -> bool:
    return any(meta.is_committee_line(x) or _dated_header_line(x) or meta.header_meeting(x) for x in meta.bilingual(text))


# A heading naming only the kind of document ("Minutes", "PUBLIC MINUTES", "Notice of meeting").
_DOC_HEADING = re.compile(
    r"^(?:(?:public|draft|confirmed|unconfirmed|approved|signed)\s+)?(?:minutes|agenda|notice\s+of\s+meeting|summons|record\s+of\s+decisions?|minutes?\s+of\s+(?:the\s+)?meeting)$",
    re.I,
)


_MEETING_HEADING = re.compile(r"^(?:(?:draft|confirmed|unconfirmed|approved)\s+)?minutes?\s+of\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,3}?meeting\b.{0,120}$", re.I)


def _header_like(t: str, i: int) -> bool:
    """True for a line of a header block: chrome, "Committee - date", a date, "MEETING OF …"; in either
    language of a bilingual line."""
    return any(_header_like_one(x, i) for x in meta.bilingual(t))


def _header_like_one(t: str, i: int) -> bool:
    return bool(
        (re.match(r"^held\b", t, re.I) and meta.parse_date(t) is not None)  # "Held on Monday 5 June 2023"
        or meta.doc_heading_date(t) is not None  # "Minutes - 14 March 2023"
        or _CHROME.match(t)
        or meta.header_meeting(t)
        or meta.item_meeting_line(t)
        or meta.is_date_line(t)
        or meta.is_date_field(t)
        or meta.meeting_of_line(t)
        or (i < 4 and meta.starts_with_date(t))
        or (i < 6 and meta.is_printed_heading(t) and meta.parse_date(t) is not None)  # "Minutes of the meeting held on 4 May 2009"
        or (i < 6 and meta.minutes_of_meeting_date(t) is not None)  # "Minutes of the meeting at <venue> <date>"
    )


def _dated_header_line(text: str) -> bool:
    """A date line, or a header field holding a date ("Date: Thursday, 16 March 2023")."""
    return meta.is_date_line(text) or meta.is_date_field(text) or bool(_CHROME.match(text) and meta.parse_date(text))


def _numbered_starts(body: list[Line], printed: bool = False) -> list[tuple[int, str | None, str, int]]:
    """Item starts marked by a number: (line index, number, title, lines used).

    In printed minutes a single minute-numbered heading ("3/1 Apologies") is an item too: an
    excerpt may hold only one, and no list is numbered that way.
    """
    starts: list[tuple[int, str | None, str, int]] = []
    sequence: list[tuple[int, str, str, int]] = []
    weak: list[tuple[int, str, str, int]] = []  # numbered lines that do not read as titles
    ones: list[tuple[int, str, str, int]] = []  # title lines numbered "1." (see _lost_list_numbers)
    running = _running_numbers(body)
    taken_title = -1  # a numbered-looking line read as the title under a lone number
    for i, ln in enumerate(body):
        if i == taken_title:
            continue
        t = strip_file_link(_without_cell_bar(ln.text))
        if t[:1].isdigit() and meta.is_date_line(t):
            continue  # "14 March 2024": a running header's date (PDF text), never item 10
        above = _title_above_reference(body, i, t)
        if above:
            starts.append(above)
            continue
        lone_running = bool(running) and bool(_RUNNING_LONE.match(t)) and int(t.strip().rstrip(".")) in running
        if (ITEM_NUMBER.match(t) or lone_running) and i + 1 < len(body):
            nxt = body[i + 1].text
            if nxt[:1].isdigit() and meta.is_date_line(nxt):
                continue  # a page number above a running header's date
            # a title under a lone number, unless it is numbered itself: the lone number is then a page's
            # (PDF text whose page numbers survived: "1" above "1. APOLOGIES FOR ABSENCE")
            # (nor a report's page stamp "Agenda Item 4" over its cover fields "Report to: …", "Title: …": packs)
            # (the number makes a short verbless line with a full stop a heading too, "Membership of outside
            # bodies etc.", where the page's own furniture follows it: its blurb or a "Minutes:"/"Decision:"/
            # "Additional documents:" label, as ModernGov meeting pages print them; a CMIS minute number
            # over a one-line minute is followed by the next minute or decision instead)
            probe = nxt
            if nxt.rstrip().endswith(".") and i + 2 < len(body):
                after = body[i + 2].text
                if is_blurb(after) or label_of(after)[0] in ("minutes", "decision", "documents"):
                    probe = drop_numbered_stop(nxt)
            # (a lone number no page has, "238a", "5.", heads the next line however that opens: "113 High Road, …")
            page_like = t.strip().isdigit()
            if label_of(nxt)[0] is None and is_title_like(probe, strict=False) and not (page_like and NUMBER_AND_TITLE.match(nxt)) and not _FIELD_LINE.match(nxt):
                starts.append((i, item_number(t), clean_title(nxt), 2))
                if NUMBER_AND_TITLE.match(nxt):
                    taken_title = i + 1  # (so its house number heads no item of its own)
                continue
        stop = ""  # a heading's printed full stop, set aside while the line is judged, kept in its title
        if t.endswith(".") and NUMBER_AND_TITLE.match(t):
            kept = drop_numbered_stop(NUMBER_AND_TITLE.match(t).group(2))  # type: ignore[union-attr]
            stop = "." if not kept.endswith(".") else ""
            t = t[: NUMBER_AND_TITLE.match(t).start(2)] + kept  # type: ignore[union-attr]
        m = NUMBER_AND_TITLE.match(t) or (_SUB_ENTRY.match(t) if t.startswith("(") or t[1:2] == ")" else None)
        if not m and running:
            m = _RUNNING_AND_TITLE.match(t)
            m = m if m and int(m.group(1).rstrip(".")) in running else None
        if m and m.re is _SUB_ENTRY and not RESIDUE_INLINE.search(t):
            m = None  # a lettered point, unless a page reference marks an agenda entry
        # a minute reference ("Minute 18/24 –", "23/045") heads its title even when the title ends in a
        # full stop after a colon ("Public rights of way: annual report."): national parks', parish minutes
        probe = m.group(2)[:-1] if m and m.re is NUMBER_AND_TITLE and _MINUTE_REF.match(m.group(1)) and _STOPPED.search(m.group(2)) else m and m.group(2)
        # "2307.01 Present", "23/045 Present": parish and town minutes number the attendance as a minute
        attendance = bool(m and m.re is NUMBER_AND_TITLE and _ATTENDANCE_MINUTE.match(f"{m.group(1)} {m.group(2).strip()}"))
        if m and m.re is NUMBER_AND_TITLE and not (attendance or is_title_like(probe, strict=False)):
            weak.append((i, item_number(m.group(1)), m.group(2), 1))
        if m and (attendance or is_title_like(probe, strict=False)):
            nxt = body[i + 1].text if i + 1 < len(body) else ""
            if RESIDUE_INLINE.search(t) or label_of(nxt)[0] or is_blurb(nxt):
                starts.append((i, item_number(m.group(1)), clean_title(m.group(2) + stop), 1))
            # (a bilingual title, "Welsh / English", runs twice as long)
            elif attendance or is_title_like(probe) and len(probe.split()) <= (24 if probe.isupper() else 16) * (2 if " / " in probe else 1) and not _SENTENCE_LIKE.search(probe):
                # (a heading in capitals may run long: "TO RECEIVE AND NOTE THE MINUTES OF THE … HELD ON …")
                if m.group(1) in ("1.", "1)"):
                    ones.append((i, "1", clean_title(m.group(2) + stop).rstrip(": "), 1))
                prev = body[i - 1].text if i else ""
                if not prev.rstrip().endswith((":", ":-")):  # not the points of a list
                    title = clean_title(m.group(2) + stop)
                    sequence.append((i, item_number(m.group(1)), title.rstrip(": ") if attendance else title, 1))
            elif m.re is NUMBER_AND_TITLE:
                weak.append((i, item_number(m.group(1)), m.group(2), 1))  # a heading run on into its minute's sentences
    # "23 Apologies", "24 Minutes…", "25 Precept": numbered title lines in order are items
    # (printed minutes, PDFs) even with nothing else to mark them; but where numbers stand on
    # lines of their own, numbered lines with text are minute paragraphs.
    run = _increasing(_bridged(sequence, weak), body)
    if _lost_list_numbers(ones, sequence):
        run = ones
    before = body[run[0][0] - 1].text if run and run[0][0] else ""
    if before and (_list_point(before) or before.rstrip().endswith((":", ":-"))):
        run = []  # the run continues a numbered list ("1. Standard Time", "2. Approved Plans", …)
    if printed and not starts and len(sequence) == 1 and not _list_point(body[sequence[0][0]].text):
        run = sequence
    if (len(run) >= 2 or (run and printed)) and not starts:
        taken = {s[0] for s in starts}
        starts = sorted(starts + [s for s in _with_sub_items(run, sequence) if s[0] not in taken])
    elif starts and sequence:
        starts = _fill_sequence(starts, sequence, body)
    if not starts and len(run) < 2 and printed:
        starts = _lettered_run(body)
    if starts and any(_CMIS_GROUP.match(ln.text) for ln in body):
        starts = _cmis_entries(starts, sorted(sequence + weak))
    if starts and starts[0][1] and not _PLAIN_LIST_NUMBER.match(starts[0][1]):
        starts = _leading_list(body[: starts[0][0]]) + starts
    return starts


def _split_title_blurb_lines(body: list[Line]) -> list[Line]:
    """Split a title run into its agenda blurb on one line under a lone item number ("2." / "Disclosures of
    personal interest Members are reminded of …" / "Minutes:"): ModernGov meeting pages whose text joined the
    title and blurb paragraphs. A long line is no title (too long, a sentence), so the item was lost, and a
    short one kept its blurb in its title; the title is taken where the page's furniture (a "Minutes:"/
    "Decision:"/"Additional documents:" label) follows and the rest reads as a blurb, kept as the line after it."""
    out: list[Line] = []
    for i, ln in enumerate(body):
        if (
            0 < i < len(body) - 1
            and ITEM_NUMBER.match(body[i - 1].text.strip())
            and label_of(ln.text)[0] is None
            and label_of(body[i + 1].text)[0] is not None
        ):
            title, blurb = split_title_blurb(ln.text)
            if blurb and is_blurb(blurb) and is_title_like(title, strict=False):
                out += [Line(title, ln.indent, ln.gap), Line(blurb, ln.indent, 0)]
                continue
        out.append(ln)
    return out


# A council's running register of minute numbers, four or five digits ("2481." alone on its line over the
# title, a county council's meeting page; "20415 MAYOR'S REPORT", a town council's minutes). A
# number that long is read as an item's only where the next or the previous number stands at another line's
# start: consecutive minutes, never a year ("2024 Budget") or a sum.
_RUNNING_LONE = re.compile(r"^\s*\d{4,5}\.?\s*$")
_RUNNING_AND_TITLE = re.compile(r"^\s*(\d{4,5}\.?)\s+(?=[A-Z(\"'])(.+)$")
_RUNNING_LEAD = re.compile(r"^\s*(\d{4,5})(?:\.?\s*$|\.?\s+[A-Z(\"'])")


def _running_numbers(body: list[Line]) -> set[int]:
    """The four- and five-digit numbers opening lines of ``body`` that are consecutive with another such
    number (see ``_RUNNING_LONE``); years (1900-2100) are never running minute numbers."""
    found = {int(m.group(1)) for ln in body if (m := _RUNNING_LEAD.match(ln.text))}
    found = {n for n in found if not 1900 <= n <= 2100}
    return {n for n in found if n - 1 in found or n + 1 in found}


# A CMIS meeting page's groups of agenda entries ("Public Items", "Private Items", "Standard Items"), any
# council's: the page lists only the entries with documents or text, so their numbers skip ("3", "5"), and a
# private group numbers its own ("P1", "P2").
_CMIS_GROUP = re.compile(r"^(?:public|private|standard|open|confidential)\s+items$", re.I)


def _cmis_entries(starts: list, sequence: list) -> list:
    """Add to a CMIS page's items the numbered title lines after the first, each number above the last of
    its prefix (a gap is an entry the page leaves out); unchanged unless every item found stays."""
    known = {s[0] for s in starts}
    cands = sorted(starts + [c for c in sequence if c[0] > starts[0][0] and c[0] not in known])
    last: dict[str, float] = {}
    out = []
    for c in cands:
        if not c[1]:
            out.append(c)
            continue
        prefix = re.sub(r"[\d.]+$", "", c[1])
        value = _number_value(c[1])
        if value > last.get(prefix, 0.0):
            last[prefix] = value
            out.append(c if c[0] in known else (c[0], c[1], clean_title(c[2]).rstrip(": "), c[3]))
    return out if set(starts) <= set(out) else starts


def _title_above_reference(body: list[Line], i: int, t: str) -> tuple[int, str | None, str, int] | None:
    """The item a minute reference alone on its line starts when its title is printed above it, in capitals
    ("APOLOGIES" / "PLA146/14" / "Apologies were recorded …": district committees' and forums' printed
    minutes, the number in a margin column read after the heading), its minute below it. The title may be
    hard-wrapped over up to three capitals lines."""
    if not (i and _MINUTE_REF.match(t) and ITEM_NUMBER.match(t) and i + 1 < len(body)):
        return None
    nxt = body[i + 1].text
    if is_title_like(nxt) and not _SENTENCE_LIKE.search(nxt):
        return None  # a number over its title (the title below is the item's)
    k = i
    while k > max(0, i - 3) and body[k - 1].text.isupper() and not NUMBER_AND_TITLE.match(body[k - 1].text) and not body[k - 1].text.endswith("."):
        k -= 1
        if body[k].gap:
            break
    if k == i:
        return None
    title = clean_title(" ".join(ln.text for ln in body[k:i]))
    return (k, item_number(t), title, i - k + 1) if is_title_like(title, strict=False) else None


def _lost_list_numbers(ones: list[tuple[int, str, str, int]], sequence: list[tuple[int, str, str, int]]) -> bool:
    """True if the numbered titles are three or more, every one numbered "1." (or "1)"): an ordered list whose
    numbers a document site's conversion reset (parish and community councils' minutes from Word, as
    docsbay serves them). The number stays as printed."""
    return len(ones) >= 3 and all(number == "1" for _, number, _, _ in sequence)


_BARE_NUMBER = re.compile(r"^\d{1,3}$")


def _drop_page_numbers(lines: list[Line], printed: bool) -> list[Line]:
    """Drop the page numbers of PDF text: a bare number standing alone between empty lines in a document
    whose item numbers are written another way ("1." or "C.34/24" where a bare "2" stands), or, in printed
    text with no numbered heading at all, over running text rather than a title. PDF text keeps
    the number printed at each page's foot or head, wherever the page broke. ``printed``: the text is
    known to be printed (not a web page, whose items may be numbered by bare numbers on lines of their
    own); otherwise only text wrapped to a page's measure is looked at."""
    alone = [
        i
        for i, ln in enumerate(lines)
        if _BARE_NUMBER.match(ln.text.strip()) and ln.gap >= 1 and i + 1 < len(lines) and lines[i + 1].gap >= 1
    ]
    if not alone:
        return lines
    taken = set(alone)
    forms = [m.group(1) for ln in lines if (m := NUMBER_AND_TITLE.match(ln.text))]
    forms += [ln.text for i, ln in enumerate(lines) if i not in taken and ITEM_NUMBER.match(ln.text)]
    forms += [m.group(1) for ln in lines if (m := _LETTERED.match(ln.text))]  # "(a) Appointment of Chairman"
    if not forms and printed:
        # no numbered heading at all (capitals headings): a bare number over running text is the page's
        taken = {i for i in alone if i + 1 < len(lines) and not is_title_like(lines[i + 1].text)}
    elif len(forms) < 2 or any(_BARE_NUMBER.match(f.strip()) for f in forms):
        return lines
    if not printed and page_measure(lines) is None:
        return lines
    out: list[Line] = []
    gap = 0
    for i, ln in enumerate(lines):
        if i in taken:
            gap += ln.gap + 1
            continue
        out.append(Line(ln.text, ln.indent, ln.gap + gap) if gap else ln)
        gap = 0
    return out


def _bridged(sequence: list[tuple[int, str, str, int]], weak: list[tuple[int, str, str, int]]) -> list[tuple[int, str, str, int]]:
    """``sequence`` with the numbered lines that fill a one-number gap in it ("2 Declarations", then "3 Minutes
    from the meeting held on … Item 9.1 – the papers …" run into its text, then "4 Matters arising"): one
    heading run into its minute must not split the items' run in two (community, parish and town councils'
    minutes typed as running text). Its title is the text up to the first stop or dash, at most 12 words."""
    if not weak or len(sequence) < 2:
        return sequence
    out = list(sequence)
    last = sequence[-1]
    for w in weak:
        before = [c for c in sequence if c[0] < w[0]]
        after = [c for c in sequence if c[0] > w[0]]
        v = _number_value(w[1])
        gap = before and after and _number_value(before[-1][1]) + 1 == v and v + 1 == _number_value(after[0][1]) and _same_form(w[1], after[0][1])
        # (or several in a row: "2 …", then "3 To confirm the minutes … held on …", "4 To hear …", "5 …", then "6 …":
        # each numbered on from the one before, in order, between two of the run)
        if not gap and before and after and _same_form(w[1], after[0][1]):
            between = [x for x in weak if before[-1][0] < x[0] < after[0][0]]
            want = list(range(int(_number_value(before[-1][1])) + 1, int(_number_value(after[0][1]))))
            gap = 1 < len(want) <= 4 and [_number_value(x[1]) for x in between] == want
        # (the last headings run into their minutes too, each numbered on from the one before: "3. Planning
        # Application … – … . No objections", "4. The letter … was approved.")
        tail = w[0] > last[0] and _number_value(last[1]) + 1 == v and _same_form(w[1], last[1])
        if gap or tail:
            title = re.split(r"\s[–—-]\s|[.:;!?](?:\s|$)", w[2], maxsplit=1)[0]
            whole = w[2].rstrip(" .;") == title.rstrip() and len(title.split()) <= 30  # a long title alone on its line
            out.append((w[0], w[1], clean_title(title if whole else " ".join(title.split()[:12])), 0))  # its line stays: the minute runs on in it
            if tail:
                last = w
    return sorted(out)


_PLAIN_LIST_NUMBER = re.compile(r"^\d{1,2}$")


def _same_form(a: str, b: str) -> bool:
    """Two item numbers written alike: both plain ("3", "4") or both with a prefix or year ("3/24", "4/24")."""
    return bool(_PLAIN_LIST_NUMBER.match(a)) == bool(_PLAIN_LIST_NUMBER.match(b))
# "Report to: Audit Committee", "Title: …", "Date: 16 April 2024": a report cover's field, never an item title
_FIELD_LINE = re.compile(r"^[A-Z][a-z]+(?:\s[a-z]+){0,3}\s?:\s+\S")


def _leading_list(above: list[Line]) -> list[tuple[int, str | None, str, int]]:
    """The business listed "1. …", "2. …", "3. …" above items that carry the authority's own minute
    or report numbers ("29/20 …", "C048/23 …"): agenda packs and parish agendas put the procedural
    items (apologies, declarations, minutes) in such a list before the numbered reports. Only an
    unbroken run from 1, of three or more, not introduced by a colon (a list's points)."""
    run: list[tuple[int, str | None, str, int]] = []
    for i, ln in enumerate(above):
        m = NUMBER_AND_TITLE.match(ln.text)
        if m is None or not re.fullmatch(r"\d{1,2}[.)]?", m.group(1)):
            continue
        if item_number(m.group(1)) != str(len(run) + 1):
            break
        if not run and i and above[i - 1].text.rstrip().endswith((":", ":-")):
            return []
        run.append((i, item_number(m.group(1)), clean_title(m.group(2)), 1))
    return run if len(run) >= 3 else []


_LETTERED = re.compile(r"^\(([a-z])\)\s+(?=[A-Z])(.+)$")


def _lettered_run(body: list[Line]) -> list[tuple[int, str | None, str, int]]:
    """Printed minutes whose items are lettered, not numbered ("(a) Appointment of Chairman",
    "(b) Declarations of Interest"): title-like lines (a), (b), (c)… in order, each standing alone."""
    run: list[tuple[int, str | None, str, int]] = []
    spaced = any(ln.gap for ln in body)  # text without empty lines (some extractions) sets nothing apart
    for i, ln in enumerate(body):
        m = _LETTERED.match(ln.text)
        if not m or ord(m.group(1)) - ord("a") != len(run):
            continue
        title = m.group(2)
        nxt = body[i + 1] if i + 1 < len(body) else None
        if not (is_title_like(title) and not _SENTENCE_LIKE.search(title) and (nxt is None or nxt.gap >= 1 or not spaced)):
            return []  # a lettered point of running text: not items
        run.append((i, f"({m.group(1)})", clean_title(title), 1))
    return run if len(run) >= 2 else []


# Where a numbered heading run together with its minute's first sentence ends: at the sentence's
# subject and verb ("1. Welcome and Apologies JE welcomed members", "5. Planning The Committee
# considered …"), as PDF text of printed minutes often has it.
_RUN_ON_SUBJECT = re.compile(
    r"\s(?=(?:[A-Z]{2,4}|The(?:\s+[\w-]+){1,2}|He|She|They|It|There|Members|(?:Cllrs?\.?|Councillor|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)(?:\s+[A-Z][\w.'-]*){1,3})"
    r"\s+(?:[a-z]+ed|was|were|had|has|said|gave|made|took|thanked)\b"
    # "Apologies were received", "Apologies for absence were received", "Declarations were made"
    r"|[A-Z][a-z]+(?:\s+(?:for|of)\s+[a-z]+)?\s+(?:was|were|had\s+been|have\s+been)\s+[a-z]+ed\b"
    r"|(?:RESOLVED|Resolved)\s+(?:that|to)\b)"  # "Signing of the Minutes. Resolved that …"
)
# Where a minute's first sentence starts after its heading in a run-on line (a long line: the rule above is
# for short ones), for headings in sentence case too ("23/044 Public participation A resident raised …",
# "Minute 68 Minutes The minutes of the meeting held on … were agreed", "69 Repairs - Quarter 3 The Head of
# Housing presented …"): a determiner or pronoun before a word in lower case, "The <Title Words> <verb>", a
# person's title and name before a word in lower case, or a decision's word.
_PRONOUNS = r"The|A|An|It|There|This|These|Those|He|She|They|We"  # a sentence's article or pronoun subject
_SENTENCE_START = re.compile(
    rf"\s(?=(?:{_PRONOUNS}|No|Following|All|On|In|At|After|Having)\s+[a-z]"
    r"|Members\s+(?:[a-z]+ed|were|had|asked|noted|agreed|raised|welcomed)\b"  # ("substitute Members attending": a title's)
    r"|The(?:\s+(?:[A-Z][\w'’-]*|of|and|for|the|&)){1,6}\s+(?:[a-z]+ed|was|were|had|has|said|gave|made|took|thanked|explained|reported)\b"
    r"|(?:Councillors?|Cllrs?\.?|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)(?:\s+[A-Z][\w.'’-]*){1,3}\s+[a-z]"
    r"|Apologies\s+(?:were|had|for\s+absence\s+were)\b|(?:RESOLVED|Resolved|AGREED|DECISION)\b"
    # an officer's or the chair's title as the subject, without its article ("Chair welcomed all …", "Clerk reported …")
    r"|(?:Chair(?:man|person)?|Clerk|Treasurer|Secretary|Convener|Mayor)\s+(?:[a-z]+ed|was|said|gave|made|took)\b"
    r"|\d{1,2}\.\d{1,2}\s+[A-Z])"  # the minute's first numbered paragraph: "1. Apologies 1.1 Apologies had been received …"
)
_RUN_ON_LINE = 60
_AUXILIARY = re.compile(r"\b(?:is|are|was|were|be|will|would|has|have|had)\b")
_PRONOUN_START = re.compile(rf"^(?:{_PRONOUNS})\s+[a-z]")
# a decision's word run into a heading before its dash or colon: "Minutes RESOLVED – that …" is no title
_DECISION_WORD = re.compile(r"\s(?:RESOLVED|Resolved|AGREED)$")


# "2. Declarations of Interest None.", "Apologies Nil received.": a procedural title answered on its own
# line (parish and town minutes, printed minutes flattened from PDF).
_NULL_ANSWER = re.compile(r"\s(?:None|Nil|No(?:ne)?\s+(?:apologies|declarations|questions)[\w ]*)(?:\s+(?:received|declared|made|noted|reported))?\.?$")
_TITLE_WORD = re.compile(r"^(?:[A-Z0-9][\w'’&/().,-]*|and|of|the|for|to|in|on|at|with|a|an|&|-|–)$")


# "… 4. Minutes of the last meeting … 5. Budget Monitoring …": an item number inside a long line
# A paragraph-number column read before the text column (PDF text of printed minutes, parish and
# town councils' and district councils' alike): "2." then "2.1" then "URGENT ITEMS", or a run
# "3.1.2" "3.1.3" "3.2" standing above the paragraphs they number. Only decimal numbers count.
_MARGIN_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,2}){0,3}\.?$")
_SUB_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,2}){1,3}\.?$")


def _drop_margin_numbers(body: list[Line]) -> list[Line]:
    """Drop a flattened column of paragraph numbers: in a run of two or more lone decimal numbers
    holding a sub-number ("4.2", "3.1.1"), the first numbers the title under the run (when one
    follows) and the rest number paragraphs, not items."""
    out: list[Line] = []
    k = 0
    while k < len(body):
        j = k
        while j < len(body) and _MARGIN_NUMBER.match(body[j].text):
            j += 1
        run = body[k:j]
        if len(run) < 2 or not any(_SUB_NUMBER.match(ln.text) for ln in run):
            out.extend(run or body[k : k + 1])
            k = max(j, k + 1)
            continue
        after = body[j].text if j < len(body) else ""
        if after and is_title_like(after) and label_of(after)[0] is None:
            out.append(run[0])
        k = j
    return out


# Item numbers inside a long line of text whose line breaks were lost (PDF text of printed minutes flattened by
# document sites, any body's): "… were present. 4. Minutes of the last meeting …", "… None. 32/23 DECLARATIONS OF
# INTEREST …", "… at 7pm C30/16 Apologies …", "23/041 Apologies", "2307.02 Clerk's report", "Minute 5 – Planning". One form per
# group; a number after a word that cites one ("minute 30/23", "item 4", "paragraph 2.") is a reference.
_INLINE_NUMBERING = re.compile(
    r"(?<=[\w.):;,'’\"]\s)(?<!(?i:no\.|ref)\s)(?<!(?i:item|para|note|page|mins|min\.|step|part)\s)"
    r"(?<!(?i:items|pages|paras|table|stage|phase|point|annex)\s)(?<!(?i:minute|option|clause|number)\s)"
    r"(?<!(?i:section|minutes)\s)(?<!(?i:appendix|schedule)\s)(?<!(?i:paragraph)\s)(?:"
    r"(?P<plain>\d{1,3})\."
    r"|(?P<yr>\d{2})/(?P<seq>\d{3})(?![/\d])"  # the year, then the minute: "23/041"
    r"|(?P<run>\d{3,5})/(?P<my>\d{2}/\d{2})(?![/\d])"  # a running number, the month and year: "20311/05/24"
    r"|(?P<prefix>[A-Z]{1,4})?\.?(?P<ref>\d{1,4})/(?P<year>\d{2}|\d{4})(?![/\d])"
    r"|(?P<month>\d{4})\.(?P<reg>\d{1,3})(?![.\d])"
    r"|(?P<word>(?:Minute|Min\.|Item)\s+(?:[Nn]o\.?\s*)?)(?P<worded>\d{1,3})\.?"
    r")(?:(?:\s+[-–—:])?\s+(?=[A-Z(\"'‘“])|(?=[A-Z]{3,}))"  # (or glued to a title in capitals: "512/01APOLOGIES")
)


_INLINE_NUMBER_START = re.compile(r"^\d{1,3}\.\s+")
# the words after a run-on text's last sentence end, up to an inline number: a title printed before it
# (after a sentence's end: a segment's own number and title, "1. Apologies None", are not one)
_TITLE_BEFORE_NUMBER = re.compile(r"(?<=[a-z0-9)][.!?])\s+(?P<t>[A-Z][^.!?:;]{2,100})$")


# where an inline number may start (after a space): the whole pattern is tried only there, six times faster
_INLINE_START = re.compile(r"\s(?=\d|Min|Item|[A-Z]{1,4}\.?\d)")


def _inline_marks(text: str) -> list[re.Match[str]]:
    """The inline numbers of ``text`` (``_INLINE_NUMBERING``), in order."""
    return [m for s in _INLINE_START.finditer(text) if (m := _INLINE_NUMBERING.match(text, s.end()))]


def _inline_forms(m: re.Match[str]) -> list[tuple[tuple[str, ...], int]]:
    """The forms an inline number may take (what every number of one list shares) with its running number
    in each: a reference "512/01" counts its first part ("31/23", "32/23") or its second ("512/01", "512/02")."""
    if m.group("plain"):
        return [(("plain",), int(m.group("plain")))]
    if m.group("seq"):
        return [(("seq", m.group("yr")), int(m.group("seq")))]
    if m.group("run"):
        return [(("run", m.group("my")), int(m.group("run")))]
    if m.group("ref"):
        prefix = m.group("prefix") or ""
        return [(("ref", prefix, m.group("year")), int(m.group("ref"))), (("refb", prefix, m.group("ref")), int(m.group("year")))]
    if m.group("reg"):
        return [(("reg", m.group("month")), int(m.group("reg")))]
    return [(("word", m.group("word").split()[0].casefold()), int(m.group("worded")))]


def _inline_run(marks: list[re.Match[str]]) -> list[re.Match[str]]:
    """The longest run of inline numbers of one form going up by one (a reference may repeat, as a minute
    continued over a page repeats it): three or more plain or worded numbers, which no sentence's "section 2."
    makes, or two or more references with their year or register month, which no cross-reference makes alone."""
    best: tuple[list[re.Match[str]], int, str] = ([], 0, "")
    for k, first in enumerate(marks):
        for form, last in _inline_forms(first):
            run, numbers = [first], {last}
            for mk in marks[k + 1 :]:
                n = next((n for f, n in _inline_forms(mk) if f == form), None)
                if n is not None and (n == last + 1 or n == last and form[0] not in ("plain", "word")):
                    run.append(mk)
                    numbers.add(n)
                    last = n
            if len(numbers) > best[1]:
                best = (run, len(numbers), form[0])
    run, count, kind = best
    return run if run and count >= (3 if kind in ("plain", "word") else 2) else []


# a title in capitals printed before its minute's number, ending the text before it ("… (Planning Officer)
# APOLOGIES PLB201/15 Apologies for absence were …"): planning committees' and district councils' minutes
_CAPITALS_TAIL = re.compile(r"(?<=\S)\s+(?P<t>[A-Z][A-Z'’&]+(?:\s+(?:\(?[A-Z0-9][A-Z0-9'’&,/()-]*|[-–]))*)$")
_STARTS_IN_CAPITALS = re.compile(r"^[A-Z][A-Z'’&]+\b(?![a-z])")


def _split_inline_numbers(body: list[Line]) -> list[Line]:
    """Break long lines of PDF text extracted without newlines (whole minutes flattened to a few lines, any
    council's) before inline item numbers (``_INLINE_NUMBERING``, a run as ``_inline_run`` takes it)."""
    out: list[Line] = []
    for ln in body:
        run = _inline_run(_inline_marks(ln.text)) if len(ln.text) > 200 else []
        if not run:
            out.append(ln)
            continue
        cuts = [0] + [mk.start() for mk in run] + [len(ln.text)]
        parts = [ln.text[a:b].strip() for a, b in zip(cuts, cuts[1:])]
        for k in range(1, len(parts)):
            after = parts[k][run[k - 1].end() - run[k - 1].start() :]
            tail = _CAPITALS_TAIL.search(parts[k - 1]) if not run[k - 1].group("plain") else None  # (a reference's)
            if tail and sum(c.isalpha() for c in tail.group("t")) >= 5 and not _STARTS_IN_CAPITALS.match(after):
                parts[k - 1] = parts[k - 1][: tail.start("t")].rstrip()
                parts[k] = f"{parts[k][: len(parts[k]) - len(after)].strip()} {tail.group('t')}\n{after}"
                continue
            if not run[k - 1].group("plain"):
                continue
            # "… were present. Matters Arising 2. Matters arising from the minutes …": a title printed before
            # its paragraph number (Scottish bodies' and forums' minutes, their text run on by a document site)
            own = _INLINE_NUMBER_START.match(parts[k - 1])  # the segment's own number
            tail = _TITLE_BEFORE_NUMBER.search(parts[k - 1], own.end() if own else 0)
            title = tail.group("t").strip() if tail else ""
            if title and len(title.split()) <= 10 and is_title_like(title) and all(_TITLE_WORD.match(w.lstrip("(")) for w in title.split()):
                parts[k - 1] = parts[k - 1][: tail.start("t")].rstrip()  # type: ignore[union-attr]
                number, text = parts[k].split(None, 1) if " " in parts[k] else (parts[k], "")
                parts[k] = f"{number} {title}\n{text}"
        # (a moved title and the paragraph under it: one unit, no gap between them)
        pieces = [(p, 0 if j else 1) for part in parts for j, p in enumerate(part.split("\n"))]
        out += [Line(t, ln.indent, ln.gap if k == 0 else gap) for k, (t, gap) in enumerate(pieces) if t]
    return out


# "61/24 Apologies: Cllr X sent apologies.", "2. Apologies: 018/24: None.",
# "Minute no. 3 – Declarations of Interest: None": a numbered heading, a colon, then the minute's text on
# the same line (parish, town and community councils' minutes typed as running paragraphs). A register
# number after the colon ("018/24:") is the minute's reference, set aside with the colon.
_HEADING_COLON = re.compile(r"^(?P<t>[^:;.!?]{3,90}?)\s*:\s+(?P<ref>[A-Z]{0,4}\d{1,4}/\d{2,4}\s*:?\s+)?(?P<rest>\S.*)$")
# A clause with a verb: the text after the colon is the minute ("… sent apologies", "There were none"), not
# the second half of a title ("Public rights of way: annual report.").
_CLAUSE_VERB = re.compile(
    r"\b(?:was|were|is|are|had|has|have|been|will|would|did|sent|gave|made|took|said|asked|[a-z]{3,}ed)\b", re.I
)


def _split_colon_heading(number: str, title: str) -> tuple[str, str] | None:
    """(heading line, text) of a "N. Title: text" line; None when the part before the colon is no title."""
    m = _HEADING_COLON.match(title)
    if m is None:
        return None
    head = m.group("t").strip()
    # (procedural business takes no verb: "Apologies for absence: Mr X, Mr Y", "Declarations of interest: None",
    # as after a dash: community and parish councils' minutes)
    if not m.group("ref") and not _CLAUSE_VERB.search(m.group("rest")) and not is_procedural_title(head):
        return None
    words = head.split()
    if not (1 <= len(words) <= 16 and is_title_like(head) and not _SENTENCE_LIKE.search(head)):
        return None
    return f"{number} {head}", m.group("rest").strip()


_CAPITALS_TITLE_RUN = re.compile(r"^(?P<t>[A-Z][A-Z'’&/-]+(?:\s+(?:[A-Z][A-Z'’&/,-]*|&|–|-))*)\s+(?=[A-Z][a-z])")
_CAPITALS_BEFORE_NUMBER = re.compile(r"^(?P<t>[A-Z][A-Z,&'’/-]*(?:\s+[A-Z,&'’/-]+)+)\s+(?P<n>\d{1,3})\.\s+(?P<rest>(?:\d{1,3}\.\d{1,2}\s+)?[A-Z(].*)$")
_NOT_A_TITLE_BEFORE_NUMBER = re.compile(r"\b(?:PART|ITEM|PAGE|APPENDIX|SCHEDULE|SECTION|ANNEX|PARAGRAPH|MINUTE|NO|TABLE|ROUND|STAGE|PHASE)$")
_PROCEDURAL_COLON = re.compile(r"^(?P<t>[^–—:;.!?()]{3,60}?)\s*:\s+(?P<rest>[A-Za-z].*)$")
_DASH_END = re.compile(r"\s+[–—-]\s*$")
_PROCEDURAL_DASH = re.compile(r"^(?P<t>[^–—:;.!?()]{3,60}?)\s+[–—-]\s+(?P<rest>[A-Za-z].*)$")  # not a date or page range after it


def _without_stop(title: str) -> str:
    """A heading run into its minute without the full stop between them ("Police Report. The Sergeant …")."""
    return title[:-1].rstrip() if title.endswith(".") and not title.endswith("..") else title


def _split_run_on_headings(body: list[Line]) -> list[Line]:
    """Split "N. Title Subject verbed …" and "N. Title: text" lines into the heading and the text that follows it."""
    out: list[Line] = []
    for i, ln in enumerate(body):
        above = _CAPITALS_BEFORE_NUMBER.match(ln.text)
        if above and len(above.group("t").split()) >= 2 and not _NOT_A_TITLE_BEFORE_NUMBER.search(above.group("t")):
            # "MINUTES AND MATTERS ARISING 3. 3.1 The minutes …": a capitals title printed before its minute
            # number, the paragraph after it (forums' and boards' minutes as PDF text)
            out.append(Line(f"{above.group('n')}. {above.group('t')}", ln.indent, ln.gap))
            out.append(Line(above.group("rest"), ln.indent, 0))
            continue
        m = NUMBER_AND_TITLE.match(ln.text)
        dash = _PROCEDURAL_DASH.match(m.group(2)) if m else None
        if dash and (
            is_procedural_title(dash.group("t")) and not _DECISION_WORD.search(dash.group("t"))
            or is_blurb(dash.group("rest")) and is_title_like(dash.group("t"))
        ):
            # "1) Apologies – Councillors A and B.", "2) Declarations of Interest – None": procedural business
            # run into its minute after a dash (community and parish councils' minutes); "5. Questions - To answer
            # any questions raised under …": an agenda's title and its blurb after a dash (authorities' own sites)
            out.append(Line(ln.text[: m.start(2) + dash.end("t")], ln.indent, ln.gap))  # type: ignore[union-attr]
            out.append(Line(dash.group("rest"), ln.indent, 0))
            continue
        undashed = _DASH_END.sub("", m.group(2)) if m else ""
        if m and undashed != m.group(2) and is_title_like(undashed) and i + 1 < len(body) and is_blurb(body[i + 1].text):
            out.append(Line(ln.text[: m.start(2)] + undashed, ln.indent, ln.gap))  # "6. Public Participation -"
            continue
        colon = _PROCEDURAL_COLON.match(m.group(2)) if m else None
        if colon and is_procedural_title(colon.group("t")) and not _DECISION_WORD.search(colon.group("t")) and _split_colon_heading(ln.text[: m.end(1)].strip(), m.group(2)) is None:  # type: ignore[union-attr]
            # "1. Apologies for absence: Councillor X", the colon's form of the dash's above (parish minutes)
            out.append(Line(ln.text[: m.start(2) + colon.end("t")], ln.indent, ln.gap))  # type: ignore[union-attr]
            out.append(Line(colon.group("rest"), ln.indent, 0))
            continue
        colon = _HEADING_COLON.match(m.group(2)) if m else None
        if m and (not is_title_like(m.group(2)) or colon and is_procedural_title(colon.group("t").strip())):
            split = _split_colon_heading(ln.text[: m.end(1)].strip(), m.group(2))
            if split:
                out.append(Line(split[0], ln.indent, ln.gap))
                out.append(Line(split[1], ln.indent, 0))
                continue
            head = m.group(2).rstrip()
            if head.endswith(":") and not head.endswith("::") and len(head.split()) <= 16 and is_title_like(head[:-1]) and not _SENTENCE_LIKE.search(head):
                # "84/23 County Councillor's Report:", "3 Welcome:": the heading over the minute's points
                out.append(Line(ln.text.rstrip()[:-1].rstrip(), ln.indent, ln.gap))
                continue
        null = _NULL_ANSWER.search(m.group(2)) if m else None
        if null and null.start() > 0 and is_title_like(m.group(2)[: null.start()]):  # type: ignore[union-attr]
            out.append(Line(ln.text[: m.start(2) + null.start()], ln.indent, ln.gap))  # type: ignore[union-attr]
            out.append(Line(m.group(2)[null.start() :].strip(), ln.indent, 0))  # type: ignore[union-attr]
            continue
        caps = _CAPITALS_TITLE_RUN.match(m.group(2)) if m and len(ln.text) > 30 else None
        if (
            caps
            and sum(c.isalpha() for c in caps.group("t")) >= 5
            and is_title_like(caps.group("t"))
            and (not is_title_like(m.group(2)) or is_procedural_title(caps.group("t")))  # "APOLOGIES Councillors X and Y"
        ):
            # "C140/2015 WELCOME The Mayor welcomed …", "380/03 MINUTES The following minutes were read …": a
            # capitals title run into its mixed-case minute (printed minutes whose line breaks a document site lost)
            out.append(Line(ln.text[: m.start(2) + caps.end("t")], ln.indent, ln.gap))
            out.append(Line(m.group(2)[caps.end("t") :].strip(), ln.indent, 0))
            continue
        if m and len(ln.text) > 40 and not is_title_like(m.group(2)):
            cut = _RUN_ON_SUBJECT.search(m.group(2))
            title = m.group(2)[: cut.start()] if cut else ""
            words = title.split()
            if cut and 1 <= len(words) <= 12 and all(_TITLE_WORD.match(w) for w in words) and is_title_like(title):
                out.append(Line(ln.text[: m.start(2) + cut.start()], ln.indent, ln.gap))
                out.append(Line(m.group(2)[cut.start() :].strip(), ln.indent, 0))
                continue
        if m and len(ln.text) > _RUN_ON_LINE and not _SUB_NUMBER.match(m.group(1).strip()):
            cut = _SENTENCE_START.search(m.group(2), 1)
            title = _without_stop(m.group(2)[: cut.start()].rstrip()) if cut else ""
            if (
                cut
                and 1 <= len(title.split()) <= 24
                and is_title_like(title)
                and not _SENTENCE_LIKE.search(title)
                and not (_AUXILIARY.search(title) and _PRONOUN_START.match(title))
            ):  # (not a point of a list: "1. This meeting is to be webcast. Members are …")
                out.append(Line(ln.text[: m.start(2)] + title, ln.indent, ln.gap))
                out.append(Line(m.group(2)[cut.start() :].strip(), ln.indent, 0))
                continue
        out.append(ln)
    return out


def _list_point(text: str) -> bool:
    """A point of a numbered list ("1. Standard time limit"): a plain small number, never a minute
    reference such as "39/20", "C048/23" or "2307.02", which no list uses."""
    m = NUMBER_AND_TITLE.match(text)
    return bool(m) and re.fullmatch(r"\d{1,2}\.?", m.group(1)) is not None


# "(i) Better Care Fund Plan (Pages 59 - 84)": a sub-item of a printed agenda, known by its page reference.
_SUB_ENTRY = re.compile(r"^(\([a-z]{1,4}\)|\(\d{1,2}\)|[a-z]\))\s+(?=[A-Z])(.+)$")
_PLAIN_NUMBER = re.compile(r"^(?:[A-Z]{1,6}[./-]?)?\d{1,3}(?:/\d{2,4})?$")


def _fill_sequence(starts: list, sequence: list, body: list[Line]) -> list:
    """Add bare numbered titles ("1. WELCOME", "5. BETTER CARE FUND") between items known by what
    follows them (a blurb, a label, a page reference) when all are one run of consecutive numbers."""
    numbered = [s for s in starts if s[1] and _PLAIN_NUMBER.match(s[1])]
    if not numbered:
        return starts
    # one run holds one numbering scheme: an agenda's plain "1." list is no part of its "41/23" reports
    sequence = [c for c in sequence if ("/" in c[1]) == ("/" in numbered[0][1])]
    run = _increasing(sorted(numbered + sequence), body)
    if len(run) < 2 or not set(numbered) <= set(run):
        return starts
    if run[0] in sequence and run[0][0]:
        before = body[run[0][0] - 1].text
        if NUMBER_AND_TITLE.match(before) or before.rstrip().endswith((":", ":-")):
            run = run[1:]  # the bare line continues a numbered list
    return sorted(set(starts) | set(_with_sub_items(run, sequence)))


def _with_sub_items(run: list, sequence: list) -> list:
    """Add "12.1 Question from …" after item 12 of a numbered run (and before item 13)."""
    out = list(run)
    for k, item in enumerate(run):
        end = run[k + 1][0] if k + 1 < len(run) else float("inf")
        out += [c for c in sequence if item[0] < c[0] < end and re.fullmatch(rf"{re.escape(item[1])}\.\d{{1,2}}", c[1])]
    return sorted(out)


# "The Chairman thanked …", "… service. He": a sentence, not a title.
# A number in a table cell of its own, flattened: "4 |" or "1 | Apologies for Absence" (CMIS and other
# CMS pages that lay items out as table rows).
_CELL_BAR = re.compile(r"^(\S{1,12}?)\s*\|\s*(?=[^|]*$)")


def _without_cell_bar(text: str) -> str:
    m = _CELL_BAR.match(text)
    if m is None or not ITEM_NUMBER.match(m.group(1)):
        return text
    rest = text[m.end() :].strip()
    return f"{m.group(1)} {rest}" if rest else m.group(1)


_MINUTE_REF = re.compile(r"^(?:(?:Minute|Min\.?)\s|\S*\d/\d)", re.I)
# a minute reference (never a list's plain number) heading the attendance: an item of the minutes
_ATTENDANCE_MINUTE = re.compile(r"^(?:\d{4}\.\d{1,3}|[A-Z]{0,4}\d{1,3}/\d{2,4}|\d{1,2}[.)]?) (?:Present|PRESENT|Attendance):?$")
_STOPPED = re.compile(r"^(?:(?![.!?;]\s).)+[^.]\.$")
_SENTENCE_LIKE = re.compile(r"[a-z]{2}\.\s+[A-Z]|^(?:The|A|An|This|It)\s+(?:\w+\s+){0,3}?\w+(?:ed|was|were)\b")


_MAX_OPEN_RUNS = 12


def _increasing(cands: list[tuple[int, str, str, int]], body: list[Line] | None = None) -> list[tuple[int, str, str, int]]:
    """The main run of candidates whose numbers go up by one each time.

    The running part of a number is its first ("39/20", "C048/23", "4.1") or, for a meeting or
    month prefix, its last ("3/1", "3/2" of meeting 3; "2307.01" of July 2023, parish style).
    Numbering nests like an outline: a report's own sections ("1. Purpose", "2. Background") restart
    inside an item and the items' numbering resumes after them ("3. Highways"). The candidates are
    read as a stack of open runs; a number that could continue two runs goes to the one laid out like
    it (capitals, blank line before, indent), else to the outer one; the longest run is the items.
    """
    def style(c: tuple[int, str, str, int]) -> tuple[bool, bool, int]:
        ln = body[c[0]] if body is not None and c[0] < len(body) else Line("")
        return (c[2].isupper(), ln.gap > 0, ln.indent // 4)

    best: list[tuple[int, str, str, int]] = []
    for key in (_number_value, _last_number_value):
        runs: list[list[tuple[int, str, str, int]]] = []
        stack: list[list[tuple[int, str, str, int]]] = []
        for c in cands:
            v = key(c[1])
            if v < 0:
                continue
            open_runs = [k for k in range(len(stack)) if key(stack[k][-1][1]) + 1 == v]
            if not open_runs:
                stack.append([c])  # a new run, nested in the open ones
                runs.append(stack[-1])
                if len(stack) > _MAX_OPEN_RUNS:
                    del stack[1]  # bound the work on long documents; the outermost run stays open
                continue
            alike = [k for k in open_runs if style(stack[k][-1]) == style(c)]
            level = (alike if len(alike) == 1 else open_runs)[0]
            del stack[level + 1 :]  # the runs nested in it have ended
            stack[level].append(c)
        for run in runs:
            if len(run) > len(best):
                best = run
    return sorted(best)


_ROMAN = {"I": 1, "V": 5, "X": 10}


def _number_value(number: str) -> float:
    m = re.search(r"\d+", number)
    if m is None and re.fullmatch(r"[IVX]{1,5}", number):  # "IV": community councils' roman item numbers
        values = [_ROMAN[c] for c in number]
        return float(sum(-v if k + 1 < len(values) and v < values[k + 1] else v for k, v in enumerate(values)))
    return float(m.group()) if m else -1.0


# "3/1" (meeting 3, minute 1), "2307.01" (July 2023), "T/24/012" (town council, year 24, minute 12),
# "24.31" (year 24, minute 31: town and parish councils numbering minutes through the year)
# "03/17/01" (month, year, minute), "2020/09/01" (year, month, minute): Shetland community councils
_PREFIXED = re.compile(r"^(?:\d{1,3}/|\d{4}[./]|\d{2}/\d{2}/|\d{4}/\d{2}/|[A-Z]{1,6}[/.-]?\d{2,4}/|\d{2}\.(?=\d{2,3}$))(\d{1,3})$")


def _last_number_value(number: str) -> float:
    m = _PREFIXED.match(number)
    return float(m.group(1)) if m else -1.0


def _titled_starts(body: list[Line]) -> list[tuple[int, str | None, str, int]]:
    """Item starts without numbers, found by how a title sits among its neighbours."""
    starts = []
    docs_open = False  # after "Additional documents:" and before any minutes text
    for i, ln in enumerate(body):
        t = ln.text
        name, _ = label_of(t)
        if name is not None:
            docs_open = True
            continue
        if is_residue_line(t) or not is_title_like(t) or t.endswith("?") or meta.is_date_line(t):  # a question is a turn's words, not a heading; a date no title
            if docs_open and not is_residue_line(t):
                docs_open = False
            continue
        if (_ATTENDANCE_HEADING.match(t) or _ATTENDANCE_ENTRY.match(t) or _person_at(body, i)) and not _apologies_item(body, i):
            continue
        score = _title_score(body, i, first=not starts)
        if is_procedural_title(t) and len(t.split()) <= 8:
            score += 3  # "Apologies for Absence", "Declarations of Interest": an item even with no blurb under it
        if docs_open:
            score -= 5
        if starts and starts[-1][0] == i - 1 and is_blurb(t):
            continue  # "Report of the Commissioner" under a title is its blurb
        if score >= 2:
            numbered = NUMBER_AND_TITLE.match(t)  # a lone numbered title: "31/23 APOLOGIES FOR ABSENCE"
            if numbered:
                starts.append((i, item_number(numbered.group(1)), clean_title(numbered.group(2)), 1))
            else:
                starts.append((i, None, clean_title(t), 1))
            docs_open = False
    return starts


def _attendance_line(text: str) -> bool:
    """Who chaired or attended ("Presiding <name>", "Vice Chair: Ald <name>"), above the first item of
    printed minutes whose items have no titles: not a title for the text as one item ("Apologies" may be one)."""
    return bool(_ATTENDANCE_ENTRY.match(text) or _ATTENDANCE_HEADING.match(text) or _PERSON_LINE.match(text)) and not text.lower().startswith("apolog")


def _blurbed(body: list[Line], starts: list[tuple[int, str | None, str, int]]) -> int:
    """How many titles have an agenda blurb ("To receive …") on the line under them: two or more
    make a list of items even with no header saying whose meeting it is (CMIS "Agenda Items" lists
    of fire authorities and councils, and ModernGov pages cut above their heading)."""
    return sum(1 for i, *_ in starts if i + 1 < len(body) and body[i + 1].gap <= 1 and is_blurb(body[i + 1].text))


def _apologies_item(body: list[Line], i: int) -> bool:
    """"Apologies" heading a sentence ("An apology was reported on behalf of …") is an item; heading a
    list of names ("Apologies:" / "Councillor A, Councillor B") it is part of the attendance."""
    t = body[i].text
    nxt = body[i + 1].text if i + 1 < len(body) else ""
    return t.lower().startswith("apolog") and not t.endswith(":") and bool(re.search(r"\b(?:was|were|had|received|reported|noted)\b.*[.]$", nxt))


def _title_score(body: list[Line], i: int, first: bool) -> int:
    ln = body[i]
    prev = body[i - 1].text if i > 0 else ""
    nxt = body[i + 1] if i + 1 < len(body) else None
    score = 1
    if RESIDUE_INLINE.search(ln.text):
        score += 3
    if nxt is None:
        return score - 3 if not RESIDUE_INLINE.search(ln.text) else score  # a cut-off last line
    if label_of(nxt.text)[0]:
        score += 3
    elif is_blurb(nxt.text) and nxt.gap <= 1:
        score += 2
    elif i + 2 < len(body) and label_of(body[i + 2].text)[0] and nxt.gap <= 1:
        score += 2
    elif nxt.gap <= 1 and is_title_like(nxt.text) and not is_blurb(nxt.text):
        score -= 2  # a run of short lines: table cells or a list, not a title
    if first or not prev or re.search(r"""[.!?]["')\]]*$""", prev) or label_of(prev)[0]:
        score += 1
    if prev.rstrip().endswith((":", ":-", ":–")):
        score -= 5
    if ln.gap >= 3:
        score += 1
    return score


def _preface_title(lines: list[Line]) -> bool:
    """True if ``lines`` (a meeting page's rows above its first numbered item) open with a row's title: a
    short title-like line with text below it."""
    t = lines[0].text
    return len(lines) >= 2 and not label_of(t)[0] and is_title_like(t) and len(clean_title(t).split()) <= 12


def _add_preamble(doc: RawDoc, lines: list[Line]) -> None:
    """Keep text before the first item (attendance, substitutions) as an untitled item."""
    blocks = [b for b in lines_to_blocks(lines) if b.kind != LABEL]
    if blocks:
        doc.items.append(RawItem("", None, blocks))


# The text goes on past its last line: a line break, then more white space (a page's indentation or blank lines).
_LINE_ENDED = re.compile(r"\S[^\S\n]*\n\s+\Z")


def _drop_truncated_last(doc: RawDoc, body: list[Line], text: str) -> None:
    """Drop a last item that is only a title on the final line: the excerpt was cut there. Not when the
    excerpt was cut in the white space after the title's line (its line break and the indentation of the next
    line kept: CMIS and ModernGov agenda pages whose last complete entry has nothing under it yet)."""
    last = doc.items[-1] if doc.items else None
    if _LINE_ENDED.search(text[-400:]):
        return
    if last and last.title and not any(b.kind != LABEL for b in last.blocks):
        if body and clean_title(body[-1].text).endswith(last.title) and not RESIDUE_INLINE.search(body[-1].text):
            if len(doc.items) > 1 or len(last.title.split()) <= 2:
                doc.items.pop()


def _single_item(head: list[Line], body: list[Line], meeting_page: bool) -> RawDoc:
    """One agenda item (an ``mgAi`` page, or text with no visible item structure)."""
    doc = RawDoc("meeting" if meeting_page else "agenda_item", head=[ln.text for ln in head])
    while body and is_residue_line(body[0].text):  # "Contents", "Share this item" above the title
        body = body[1:]
    if not body:
        return doc
    first = body[0].text
    title = ""
    rest = body
    number = None
    # under an item page's "Agenda item" heading the next line is the title, however long ("Minutes of the
    # Planning Committee meetings held on: <eight dates>")
    item_page = bool(head) and _PAGE_START.match(head[-1].text) is not None and len(first) <= 300
    # (on an item page a short title may end in a full stop, in sentence case: "Declarations of interest.",
    # "Determination of whether to grant a … driver licence." - county and district councils' item pages)
    heading = drop_numbered_stop(first) if item_page else first
    # a decision page cut above its heading and title starts at its "Decision Maker:" field: no title there
    if label_of(first)[0] is None and not _attendance_line(first) and not _DECISION_MAKER.match(first) and (is_title_like(heading, strict=False) or item_page and is_title_like(" ".join(first.split()[:12]), strict=False)) and not is_blurb(first):
        title, rest = clean_title(first), body[1:]
        numbered = NUMBER_AND_TITLE.match(title)  # "11 Establishment of the Panel PDF 27 KB"
        if numbered:
            number, title = item_number(numbered.group(1)), clean_title(numbered.group(2))
    doc.items.append(RawItem(title, number, lines_to_blocks(rest)))
    return doc


def _layout_ai_markers(lines: list[Line]) -> RawDoc:
    """Printed minutes with ``<AI1>…</AI1>`` markers around each item."""
    doc = RawDoc("printed_minutes")
    first = next(i for i, ln in enumerate(lines) if _AI_MARKER.match(ln.text))
    head = lines[:first]
    h = next((i for i, ln in enumerate(head) if _PRINTED_HEADING.match(ln.text)), None)
    doc.head = [ln.text for ln in (head[: h + 1] if h is not None else head[:8])]
    _add_preamble(doc, head[h + 1 :] if h is not None else head[8:])
    chunk: list[Line] = []
    for ln in lines[first:] + [Line("</AI0>")]:
        if _AI_MARKER.match(ln.text):
            if chunk and not (len(chunk) == 1 and ITEM_NUMBER.match(chunk[0].text)):  # a lone number: the excerpt ends there
                doc.items.append(_ai_item(chunk))
            chunk = []
            continue
        chunk.append(ln)
    return doc


def _ai_item(chunk: list[Line]) -> RawItem:
    number = None
    # a page number printed where the page broke, above the item's own "63. Petitions" or under its number
    if len(chunk) > 1 and _BARE_NUMBER.match(chunk[0].text) and NUMBER_AND_TITLE.match(chunk[1].text):
        chunk = chunk[1:]
    if ITEM_NUMBER.match(chunk[0].text) and len(chunk) > 1:
        number, chunk = item_number(chunk[0].text), chunk[1:]
        while len(chunk) > 1 and _BARE_NUMBER.match(chunk[0].text):
            chunk = chunk[1:]
    title, rest = clean_title(chunk[0].text), chunk[1:]
    numbered = NUMBER_AND_TITLE.match(title) if number is None else None
    if numbered and is_title_like(numbered.group(2), strict=False):
        # the number and the title on one line ("101.     Apologies for Absence"), as some councils' printed
        # minutes have it, others putting the number on a line of its own
        number, title = item_number(numbered.group(1)), clean_title(numbered.group(2))
    return RawItem(title, number, lines_to_blocks(rest))


def _looks_like_agenda(lines: list[Line], head: list[Line]) -> bool:
    if any(re.search(r"minutes", ln.text, re.I) and _PAGE_TYPE.match(ln.text) for ln in head):
        return False
    return sum(1 for ln in lines if _AGENDA_CUE.search(ln.text)) >= 1


def _lone_minute_numbers(doc: RawDoc) -> None:
    """CMIS meeting pages print each agenda entry (title, blurb), then the minute's own number on a line
    of its own and the minute under it: with no "Minutes:" label anywhere, a lone number after an item's
    first block, in two or more items, marks where its minutes start."""
    if any(b.kind == LABEL for it in doc.items for b in it.blocks):
        return
    at = []
    for it in doc.items:
        k = next((k for k in range(1, len(it.blocks) - 1) if it.blocks[k].kind == PARA and _LONE_NUMBER.match(it.blocks[k].text)), None)
        if k is not None:
            at.append((it, k))
    if len(at) < 2:
        return
    for it, k in at:
        it.blocks[k] = Block(LABEL_MINUTES, LABEL, it.blocks[k].gap)


_LONE_NUMBER = re.compile(r"^\d{1,3}$")


def _has_minutes(doc: RawDoc) -> bool:
    return any(b.kind == LABEL and b.text in ("minutes", "decision") for it in doc.items for b in it.blocks)


_WORD = re.compile(r"[a-z0-9]+")


def _is_issue_history(doc: RawDoc) -> bool:
    """Several items about one issue (an ``ieIssueDetails`` page): titles sharing most words."""
    titles = [set(_WORD.findall(it.title.lower())) for it in doc.items if it.title]
    for a in range(len(titles)):
        for b in range(a + 1, len(titles)):
            x, y = titles[a], titles[b]
            if x and y and len(x & y) / len(x | y) >= 0.6:
                return True
    return False


__all__ = ["layout_text"]
