"""Meeting metadata: which body met, and when, from the places a clerk would print them.

Dates come only from headers ("Police and Crime Panel - Friday, 26th January, 2018 10.00 am",
"Meeting: 21/11/2022 - …", "Date: …", "Minutes of the meeting held … on Monday, 7 July 2025"),
never from dates mentioned in the discussion: unknown (None) is a valid answer.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
    # Welsh (bodies in Wales print the date in both languages, some in Welsh alone)
    "ion": 1, "chw": 2, "maw": 3, "ebr": 4, "mai": 5, "meh": 6, "gor": 7, "aws": 8, "med": 9, "hyd": 10, "tac": 11, "rha": 12,
}  # fmt: skip
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
    r"|Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr)"
)
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Dydd\s+(?:Llun|Mawrth|Mercher|Iau|Gwener|Sadwrn|Sul)|(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?(?=,?\s+\d))"
# ("24th MARCH2014", "28 September2015": a month glued to its year, text copies that lost a space)
_DAY_FIRST = re.compile(rf"\b(\d{{1,2}})(?:\s?(?:st|nd|rd|th))?(?:\s+day)?(?:\s+of)?\s+({_MONTH})\.?,?(?:\s+|(?=\d{{4}}\b))(\d{{4}}|\d{{2}}(?![\d:.]))\b", re.I)
_MONTH_FIRST = re.compile(rf"\b({_MONTH})\.?\s+(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)  # "February the 6th 2018" too
# "5/6/23" too, and "12.03.24" (two-digit day and month: printed minutes' running headers and parish minutes)
_NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b|\b(\d{1,2})/(\d{1,2})/(\d{2})\b(?![/.]\d)|(?<![\d.])\b(\d{2})\.(\d{2})\.(\d{2})\b(?![/.]\d)")

# "Committee - Friday, 26th January, 2018 10.00 am" (ModernGov's h2.mgSubTitleTxt).
# Also "Procedures Committee, 14 Dec 1999" (a comma before the date: parliament and CMIS pages).
_HEADER = re.compile(
    rf"^(?P<committee>.+?)\s+[-–—]\s+(?P<when>(?:{_WEEKDAY}\b|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\b|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b).*)$", re.I
)  # also "Cabinet - 14/03/2023 10:00" (CMIS)
# "Meeting: 21/11/2022 - Surrey Police and Crime Panel (Item 81)" (mgAi and issue pages), and a decision page's
# "Decided at meeting: 14/03/2024 - Cabinet" (ModernGov "Decision details" pages of councils and joint committees).
_ITEM_MEETING = re.compile(
    r"^(?:Decided\s+at\s+)?Meeting\s*:\s*(?P<date>\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})|[^-–]{6,40}?)\s*[-–]\s*(?P<committee>.+?)"
    r"(?:\s*\(\s*Item\s+(?P<item>[\w./]+(?:\([a-z0-9]{1,4}\))?)\s*[.:]?\s*\))?\s*$",  # "(Item 6.)", "(Item 4:)"
    re.I,
)
# The newer item-page skin prints the same facts as a bullet under the title: "• Meeting of Cabinet, Tuesday,
# 1st April, 2025 5.15 pm (Item 160.)" (district and London borough item pages). The "(Item N)" is required: a
# printed heading "Meeting of Cabinet, 1 April 2025" has none.
_ITEM_MEETING_OF = re.compile(
    rf"^(?:[-–•·*]\s*)?Meeting\s+of\s+(?:the\s+)?(?P<committee>[^,()]{{3,120}}?),\s+"
    rf"(?P<date>(?:{_WEEKDAY},?\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}|\d{{1,2}}/\d{{1,2}}/\d{{4}}))"
    r"(?:,?\s*\d{1,2}(?:[.:]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)?)?"
    r"\s*\(\s*Item\s+(?P<item>[\w./]+(?:\([a-z0-9]{1,4}\))?)\s*[.:]?\s*\)\s*$",
    re.I,
)
_DATE_FIELD = re.compile(
    r"^(?:date(?:\s+of\s+meeting|\s+(?:and|&)\s+time)?|meeting\s+date|time\s+(?:and|&)\s+date|when)\s*(?::|[-–]\s)\s*(.+)$", re.I
)
_DATE_LINE = re.compile(
    r"^(?:\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)\s*,?\s*(?:on\s+)?)?"  # "10.00am, Tuesday 7 March 2023"
    rf"(?:{_WEEKDAY},?\s+)?(?:(?:the\s+)?\d{{1,2}}(?:\s?(?:st|nd|rd|th))?(?:\s+of)?\s+{_MONTH},?\s+(?:\d{{4}}|\d{{2}})|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    r"|\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2}))"
    r"(?:(?:,?\s*(?:at|@|commencing at|from)?|\s+[-–])\s*\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?"
    r"(?:\s*(?:to|[-–])\s*\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?)?)?\.?$",  # "8 Nov 2017 - 14:00 to 14:30" (CMIS)
    re.I,
)
# "Minutes of … held …", "At a meeting of the … held at …" (how printed minutes open, any body).
PRINTED_OPENER = r"(?:(?:(?:confirmed|draft|unconfirmed|approved|signed)\s+)?(?:minutes?|record)\s+of|at\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?meeting\s+of)\s"
_PRINTED = re.compile(rf"^{PRINTED_OPENER}.{{0,300}}?\bheld\b(?P<rest>.*)$", re.I)
_SUMMARY_MET = re.compile(rf"\b(?:last\s+)?met\s+on\s+(?:{_WEEKDAY},?\s+)?(?P<d>\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}})", re.I)

_BODY_TYPES = r"(?:Panel|Committee|Sub-Committee|Subcommittee|Board|Cabinet|Council|Forum|Commission|Assembly|Executive)"
# A line or heading naming the body may also name an authority ("… Fire and Rescue Authority"); running
# text mentions other authorities too often for "Authority" to name the meeting's body there.
_HEADING_BODY_TYPES = rf"(?:{_BODY_TYPES[3:-1]}|Authority|Partnership)"
_COMMITTEE_LINE = re.compile(
    rf"^(?:The\s+)?(?:[A-Z][\w,'&() -]{{0,120}}\s)?{_HEADING_BODY_TYPES}(?:\s*\([^)]*\))?(?:\s+(?:Agenda|Minutes|Meeting))?$"
)
_LEADING = re.compile(
    r"^(?:annual\s+general\s+meeting|annual\s+meeting|extraordinary\s+meeting|special\s+meeting|agm|budget\s+meeting|"
    r"(?:extraordinary|special|annual)\s+(?:meeting|budget)|public\s+document|"
    r"(?:[A-Z][\w'-]*\s+){1,4}(?:meeting|hearing|session))\s*(?:of\s+(?:the\s+)?|,\s*|[-–:]\s*)",  # "Precept Meeting, X Panel"
    re.I,
)
_TRAILING = re.compile(r"\s*[-–]?\s*\b(?:agenda|minutes|decisions|meeting)\s*$", re.I)
_LOWER_PAREN = re.compile(r"\s*\((?=[a-z])[^)]*\)")


# a space lost beside a date in PDF and Word text: "6.00pm14 March 2024", "10th October 2017at 7.30pm"
_TIME_FUSED = re.compile(r"(?<=\d[ap]m)(?=\d)|(?<=\d\s[ap]m)(?=\d)|(?<=\s\d{4})(?=(?:at|from|in|commencing)\b)", re.I)


def parse_date(text: str) -> dt.date | None:
    """Return the first calendar date written in ``text`` ("Friday, 26th January, 2018", "21/11/2022")."""
    best: tuple[int, dt.date] | None = None
    if _TIME_FUSED.search(text):
        text = _TIME_FUSED.sub(" ", text)  # PDF text that lost a space: "6.00pm14 March 2024"
    for m in _DAY_FIRST.finditer(text):
        year = int(m.group(3)) if len(m.group(3)) == 4 else 2000 + int(m.group(3))  # "5 March 24"
        d = _make(year, _MONTHS[m.group(2)[:3].lower()], int(m.group(1)))
        if d:
            best = (m.start(), d)
            break
    m2 = _MONTH_FIRST.search(text)
    if m2 and (best is None or m2.start() < best[0]):
        d = _make(int(m2.group(3)), _MONTHS[m2.group(1)[:3].lower()], int(m2.group(2)))
        if d:
            best = (m2.start(), d)
    m3 = _NUMERIC.search(text)
    if m3 and (best is None or m3.start() < best[0]):
        k = next(k for k in (1, 4, 7) if m3.group(k))
        day, month, year = m3.group(k), m3.group(k + 1), m3.group(k + 2)
        y = int(year) if len(year) == 4 else 2000 + int(year) if int(year) < 70 else 1900 + int(year)
        d = _make(y, int(month), int(day))  # UK order: day/month/year
        if d:
            best = (m3.start(), d)
    return best[1] if best else None


def date_end(text: str) -> int | None:
    """Where the first date written out in ``text`` ("Tuesday 10 July 2018", "July 10, 2018") ends, or None."""
    found = [m for m in (_DAY_FIRST.search(text), _MONTH_FIRST.search(text)) if m and parse_date(m.group())]
    return min(found, key=lambda m: m.start()).end() if found else None


def _make(year: int, month: int, day: int) -> dt.date | None:
    if not 1900 <= year <= 2100:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


_NAME_THEN_MINUTES = re.compile(rf"(?P<c>\b{_HEADING_BODY_TYPES})\s+(?:minutes?|record)\s+of\b.*$", re.I)
_COMMITTEE_OF_COUNCIL = re.compile(
    r"^(?P<c>.+?\b(?:Committee|Sub-Committee|Panel|Board|Forum))\s+of\s+(?:the\s+)?(?:[A-Z][\w'&-]*\s+){1,5}"
    r"(?:City\s+|County\s+|Borough\s+|District\s+)?Council$"
)


_WELSH_COUNCIL_FIRST = re.compile(r"^Cyngor\s+(?:Cymuned|Tref|Dinas|Sir|Bro)\s+(?=(?:[A-Z][\w'’-]*\s+){0,4}(?:Community|Town|City|County(?:\s+Borough)?)\s+Council$)", re.I)


def clean_committee(name: str) -> str | None:
    """Tidy a committee name taken from a header ("Annual General Meeting, X" → "X")."""
    if _CAPITALS.match(name):
        name = _title_case(name)  # the forms below are written for the name as printed in title case
    name = _LOWER_PAREN.sub("", name)
    name = re.sub(r"^(?:agendas?,?\s+meetings\s+and\s+minutes\s*[-–]\s*)", "", name, flags=re.I)
    # a ModernGov window title kept as the page's first line: "Agenda for Cabinet on Thursday, 14th March, 2024"
    name = re.sub(r"^(?:(?:draft\s+)?(?:agenda|minutes|decisions)(?:\s+and\s+(?:draft\s+)?(?:minutes|decisions))?)\s+for\s+(?=[A-Z])", "", name, flags=re.I)
    name = _NOTE_BEFORE_NAME.sub("", name.strip())
    name = _SALUTATION.sub("", name)  # an agenda pack's summons letter: "Dear Councillor" run into its heading
    name = _REFERENCE_CODE.sub("", name)
    name = re.sub(r"^(?:(?:draft|confirmed|unconfirmed|approved)\s+)?(?:minutes?|proceedings|record)\s+of\s+(?:the\s+)?", "", name.strip(), flags=re.I)
    name = re.sub(r"^(?i:(?:draft|confirmed|unconfirmed|approved)\s+)?(?i:minutes)\s+(?=[A-Z][\w'’-]+\s)", "", name)  # "Draft Minutes <Place> Parish Council"
    name = re.sub(r"^(?:[A-Za-z]+\s+)?meetings?\s+of\s*:?\s+(?:the\s+)?", "", name.strip(), flags=re.I)  # "Meeting of: Council"
    name = re.sub(r"\s*\([^()]*\d{4}[^()]*\)$", "", name)  # "Planning Committee (6 March 2024)"
    # "X Community Council Minute of the X Community Council (XCC)": a run-on heading that repeats the name
    # after the minutes' own words; the name is what stands before them
    name = _NAME_THEN_MINUTES.sub(r"\g<c>", name)
    # "Development Committee of Westmoor District Council": the committee, not the council it belongs to
    name = _COMMITTEE_OF_COUNCIL.sub(r"\g<c>", name)
    # "Cyngor Cymuned Llanfair Community Council": a Welsh council's name in both languages, Welsh first
    name = _WELSH_COUNCIL_FIRST.sub("", name)
    for _ in range(2):
        name = _LEADING.sub("", name.strip())
    name = _TRAILING.sub("", name).strip(" ,-–:")
    name = re.sub(r"^(?:the|The)\s+(?=[A-Z])", "", name)  # "a meeting of the Council" → "Council", "The Council - <date>"
    # "Westshire City Council's Planning Committee", "Westshire Council Planning Committee": the committee
    name = re.sub(r"^(?:[A-Z][\w'-]*\s+){1,3}(?:City\s+|County\s+|Borough\s+|District\s+)?Council(?:['’]s)?\s+(?:The\s+)?(?=(?:[A-Z][\w'-]*\s+(?:(?:of|and|&|for)\s+)?){0,8}(?:Committee|Sub-Committee|Panel|Board|Cabinet|Forum)\b)", "", name)
    # "Westshire Borough Council - Audit and Governance Committee" (a CMS page's or a PDF's title line):
    # the committee after the body
    name = re.sub(r"^(?:[A-Z][\w'-]*\s+){1,4}(?:City\s+|County\s+|Borough\s+|District\s+)?(?:Council|Authority)\s+[-–—]\s+"
                  r"(?=(?:[A-Z][\w'-]*\s+(?:(?:and|of|for|&)\s+)?){0,6}(?:Committee|Sub-Committee|Panel|Board|Cabinet|Forum)\b)", "", name)
    name = _MEETING_KIND_OF_COUNCIL.sub("", name)
    name = re.sub(r"\s+", " ", name)
    if len(name.split()) > _MAX_NAME_WORDS:
        # a run-on line (a PDF's text with its line breaks lost) is no name: the last body named in it, if any
        found = [m.group(0) for m in _NAMED_BODY.finditer(name)]
        name = found[-1] if found else ""
    if name.isupper() or name.islower():  # "PARISH COUNCIL", "parish council" (a heading in prose)
        name = _title_case(name)
    if _MEETING_KIND_ONLY.match(name):  # "Meeting: Annual general meeting": which meeting, not which body
        return None
    if _MEMBERS_OF.match(name):  # "Members of the Committee:" over the membership list: its members, not a name
        return None
    return name or None


_MEMBERS_OF = re.compile(r"^(?:To\s+)?(?:(?:All|The)\s+)?Members\s+of\b", re.I)
_MEETING_KIND_ONLY = re.compile(
    r"^(?:(?:annual|general|extraordinary|special|ordinary|budget|inaugural|statutory|additional|emergency|monthly)\b\s*)+(?:meetings?)?$", re.I
)


# "Moved from 12th March 2024, Cabinet", "Rescheduled from 3 March, Planning Committee": a note on the
# meeting before the body's name (ModernGov headings of any council; cf. "Meeting rearranged from …").
_NOTE_BEFORE_NAME = re.compile(
    r"^(?:(?:moved|rescheduled|postponed|rearranged|deferred|reconvened|adjourned|changed)\b[^,]{0,60}|[^,]{0,60}\b\d{4}),\s+(?=\S)", re.I
)
_SALUTATION = re.compile(r"^Dear\s+(?:Councillors?|Members?|Sir(?:\s+or\s+Madam)?|Madam|Colleagues?)\b[\s,]*", re.I)
# "KTC(24)M07 Minutes of the …": a document's reference code before its heading
_REFERENCE_CODE = re.compile(r"^\S*\d\S*\s+(?=(?:(?:draft|confirmed|approved)\s+)?(?:minutes?|record)\s+of\b)", re.I)
# "Extraordinary Parish Council", "Special Town Council", "Annual Council": the kind of meeting, then the council
# (parish and town councils, full councils); "Special Educational Needs Committee" is a name and keeps its word.
_MEETING_KIND_OF_COUNCIL = re.compile(
    r"^(?:extraordinary|special|ordinary|annual|statutory\s+annual|additional|emergency)\s+"
    r"(?=(?:(?:full|parish|town|community|city|borough|county|district)\s+)?council$)",
    re.I,
)
#: A body's name runs to about a dozen words ("Combined Fire Authority for County Durham and Darlington").
_MAX_NAME_WORDS = 14
_NAMED_BODY = re.compile(
    r"(?:\bThe\s+)?(?:(?!(?:Minutes|Agenda|Meeting|Year|Item)\b)[A-Z][\w'&-]*\s+(?:(?:and|of|for|the|&)\s+)*){1,6}(?:Panel|Committee|Sub-Committee|Board|Cabinet|Council|Forum|Commission|Authority)\b"
)


_SMALL = frozenset("and of the for to in on at by with a an held".split())


def _title_case(name: str) -> str:
    words = name.lower().split()
    words = ["-".join(p[:1].upper() + p[1:] for p in w.split("-")) for w in words]  # "Sub-Committee"
    return " ".join(w.lower() if (i and w.lower() in _SMALL) else w for i, w in enumerate(words))


# "Procedures Committee, 14 Dec 1999": a body's name, a comma and the date (parliament and CMIS pages).
_HEADER_COMMA = re.compile(
    rf"^(?P<committee>(?:[A-Z][\w'&()-]*\s+(?:(?:and|of|for|the|&)\s+)*){{0,8}}{_BODY_TYPES}),\s+"
    rf"(?P<when>(?:{_WEEKDAY},?\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\b|{_MONTH}\s+\d{{1,2}}\b|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b).{{0,40}})$"
)


# A body named with its meeting's date in one heading, in the forms clerks print it:
# "Minutes of Parish Council 22 November 2023" (or "22/11/2023"), "Minutes of the Licensing Committee held on Monday, 5 June 2023",
# "Meeting of Planning Committee on 14 March 2023", "Westshire Council Planning Committee Minutes 14 March 2023".
_HEADER_MINUTES_OF = re.compile(
    rf"^(?:(?:draft|confirmed|unconfirmed|approved)\s+)?(?:(?i:minutes|meeting)\s+of\s+(?:the\s+)?)?"
    rf"(?P<committee>(?:[A-Z][\w'’&()-]*,?\s+(?:(?:and|of|for|the|&)\s+)*){{0,8}}{_HEADING_BODY_TYPES}(?:\s+\([A-Z][^()]{{2,60}}\))?)(?:\s+(?i:meeting|minutes|agenda))?"
    rf"(?:\s*[-–,:]\s*|\s+held\s+on\s+|\s+on\s+|\s+)(?P<when>(?:{_WEEKDAY},?\s+)?(?:the\s+)?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTH},?\s+\d{{4}}|\d{{1,2}}[/.]\d{{1,2}}[/.](?:\d{{4}}|\d{{2}})\b).{{0,60}})$"
)


def header_meeting(line: str) -> tuple[str | None, dt.date | None] | None:
    """Parse a "Committee - Weekday, date time" heading; None if ``line`` is not one."""
    m = _HEADER_DOCUMENT_FOR.match(line) or _HEADER.match(line) or _HEADER_COMMA.match(line) or _HEADER_MINUTES_OF.match(line) or _HEADER_PAREN.match(line)
    if not m or _FIELD_NAME.match(m.group("committee")):
        return None  # "Meeting date - 5 March 2024" is a field, not a body and its date
    date = parse_date(m.group("when"))
    committee = clean_committee(m.group("committee"))
    if date is None or committee is None:
        return None
    return committee, date


# "Planning Committee (6 March 2024)"
_HEADER_PAREN = re.compile(rf"^(?P<committee>.{{3,120}}?\b{_BODY_TYPES})\s*\((?P<when>[^()]*\d{{4}}[^()]*)\)$")
# ModernGov's title for a document it prints, which document sites keep as the upload's title:
# "(Public Pack)Minutes Document for Council, 26/05/2016 16:30", "Agenda Document for <Panel>, 17/06/2019 14:00".
_HEADER_DOCUMENT_FOR = re.compile(
    r"^(?:\(public\s+pack\)\s*)?(?:printed\s+)?(?:minutes|agenda|decisions?|supplementary)\s+document\s+for\s+"
    r"(?P<committee>[A-Z][^,]{2,120}?),\s+(?P<when>\d{1,2}/\d{1,2}/\d{4}(?:\s+\d{1,2}[:.]\d{2})?)\s*$",
    re.I,
)
_FIELD_NAME = re.compile(r"^(?:(?:meeting\s+)?date|time|venue|place|when|where)\s*:?$", re.I)


def item_meeting_line(line: str) -> tuple[str | None, dt.date | None, str | None] | None:
    """Parse "Meeting: 21/11/2022 - Committee (Item 81)" (or "Meeting of Committee, <date> (Item 81.)"); None if
    ``line`` is not one."""
    m = _ITEM_MEETING.match(line) or _ITEM_MEETING_OF.match(line.strip())
    if not m:
        return None
    date = parse_date(m.group("date"))
    if date is None:
        return None
    item = m.group("item")
    return clean_committee(m.group("committee")), date, item.rstrip(".:") if item else None


# "Minutes - 14 March 2023", "Agenda: Tuesday 7 March 2023", "Minute of Meeting 5 May 2022": the kind of
# document and its meeting's date.
_DOC_DATED = re.compile(
    r"^(?:(?:public|draft|confirmed)\s+)?(?:minutes?|agenda)(?:\s+of\s+(?:the\s+)?meeting)?\s*[-–:,]?\s*(?:held\s+)?(?:on\s+)?(?P<d>.{6,40})$",
    re.I,
)


def doc_heading_date(line: str) -> dt.date | None:
    """The date of a heading naming only the kind of document and the date ("Minutes - 14 March 2023")."""
    m = _DOC_DATED.match(line.strip())
    return parse_date(m.group("d")) if m and is_date_line(m.group("d")) or m and _NUMERIC.fullmatch(m.group("d").strip()) else None


# A date field laid out without a colon (a table's cells, a form): "Date of Meeting 14 March 2023",
# "DATE 14th March 2023 TIME 10am"; the rest must open with a date, so "Date of next meeting" never counts.
_DATE_LABEL = re.compile(
    rf"^(?:date(?:\s+of\s+meeting)?|meeting\s+date)\s+(?=(?:{_WEEKDAY},?\s+)?\d{{1,2}}(?:st|nd|rd|th)?[\s/.])(.+)$", re.I
)
# a cover page's fields run on in one line (PDF text of agenda packs): "Council Title: Agenda Date: Wednesday
# 14 October 2015 Time: 6.00 pm Venue: …": the value after "Date:", up to the next field's label
_INLINE_DATE_FIELD = re.compile(
    r"(?:^|\s)(?:Meeting\s+)?Date(?:\s+(?:and|&)\s+Time)?\s*:\s*(?P<d>(?:(?!\s(?:Time|Venue|Place|Location|Membership)\s*:).){6,40})", re.I
)


def is_date_field(line: str) -> bool:
    """True for a header field giving the meeting's date ("Meeting Date : 03/06/2020")."""
    m = _DATE_FIELD.match(line.strip()) or _DATE_LABEL.match(line.strip())
    return bool(m) and parse_date(m.group(1)) is not None


def is_date_line(line: str) -> bool:
    """True for a line that is only a date and time ("Thursday, 25 July 2024 at 10.30 am"; "25MAY 2012" too)."""
    line = line.strip()
    return bool(_DATE_LINE.match(line) or line[:1].isdigit() and _DATE_LINE.match(_GLUED_DATE.sub(" ", line)))


# An agenda pack's cover as a run-on line (a PDF's text with its line breaks lost, document sites' copies):
# "<Body> <weekday>, <date> at <time> <venue> … AGENDA 1 …" (or "<Body> dd/mm/yyyy at <time> …"), the body's
# name, the meeting's date and time,
# then the rest of the cover, after ModernGov's "Public Document Pack" stamp at most. [police and crime
# panels' agenda packs of three force areas; the cover of any body's pack is laid out so]
_RUN_ON_COVER = re.compile(
    rf"^(?:Public\s+Document\s+Pack\s+)?(?P<body>(?:The\s+)?[A-Z][\w'&,()-]*(?:\s+[\w'&,()-]+){{0,10}}?\s+(?i:{_HEADING_BODY_TYPES}))\s+"
    rf"(?P<when>(?:(?i:{_WEEKDAY}),?\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?i:{_MONTH}),?\s+\d{{4}}|\d{{1,2}}/\d{{1,2}}/\d{{4}})"
    r"(?:,?\s+(?i:at|from|commencing\s+at)\s+\d{1,2}(?:[.:]\d{2})?\s*(?i:[ap]\.?m\.?|hours|noon)?)?)[\s,]+(?P<rest>\S.*)$"
)


def run_on_cover(line: str) -> tuple[str, str, str] | None:
    """(body, date and time, rest) of an agenda pack's cover run on in one line (see ``_RUN_ON_COVER``)."""
    m = _RUN_ON_COVER.match(line)
    if m is None or parse_date(m.group("when")) is None:
        return None
    return m.group("body"), m.group("when"), m.group("rest")


def is_committee_line(line: str) -> bool:
    """True for a line that is only the name of a body ("North Yorkshire Police, Fire and Crime Panel")."""
    line = line.strip()
    return bool(_COMMITTEE_LINE.match(_title_case(line) if line.isupper() else line)) and len(line.split()) <= 14


# "MEETING OF POLICE AND CRIME PANEL", "Minutes of the meeting of the Cabinet", "MINUTES OF THE PLANNING COMMITTEE"
_MEETING_OF = re.compile(
    rf"^(?:(?:minutes|agenda)\s+of\s+(?:the\s+|a\s+)?(?:meeting\s+of\s+(?:the\s+)?)?|meeting\s+of\s+(?:the\s+)?)"
    rf"(?P<c>.{{3,120}}?\b(?i:{_HEADING_BODY_TYPES}))\s*$",
    re.I,
)
# "MINUTES of a meeting of the Overview and Scrutiny Committee held in …": the body of printed minutes
# (parish and town councils print "DRAFT MINUTES OF …" until the next meeting approves them).
_PRINTED_BODY = re.compile(
    rf"^(?:(?:(?:draft|unconfirmed|approved)\s+)?(?:minutes?|record)\s+of\s+|at\s+|(?:a|an|the)\s+(?=(?:[\w-]+\s+){{0,2}}?meeting\s+of\b))(?:the\s+|a\s+|an\s+)?(?:(?:[\w-]+\s+){{0,2}}?meeting\s+of\s+(?:the\s+)?)?"
    rf"(?P<c>.{{3,120}}?\b(?i:{_HEADING_BODY_TYPES})(?-i:\s+(?:for|of)(?:\s+(?:and|of|the|[A-Z][\w'&,-]*))+)?)\s+(?:(?:was\s+)?held|on|at|in)\b",
    re.I,
)
_DATE_AT_START = re.compile(rf"^(?:{_WEEKDAY},?\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}\b", re.I)


# a date glued to the word before it or its day glued to its month, as PDF text copies lose spaces
# ("<Body> Authority25 May 2012", "25MAY 2012"): spaced again where a day and a month's name meet a word
_GLUED_DATE = re.compile(rf"(?<=[A-Za-z])(?=\d{{1,2}}\s*{_MONTH}\b)|(?<=\b\d)(?=(?i:{_MONTH})\s+\d{{4}}\b)|(?<=\b\d\d)(?=(?i:{_MONTH})\s+\d{{4}}\b)")
_LINE_THEN_DATE = re.compile(r"^(.+?)\s*\((\d{1,2}[/.]\d{1,2}[/.]\d{2,4})\)$")
_MINUTES_OF_X_MEETING = re.compile(
    rf"^(?:(?:draft|confirmed|unconfirmed|approved)\s+)?minutes\s+of\s+(?:(?:the|an?)\s+)?(?P<c>(?:[\w'-]+\s+){{0,4}}?{_BODY_TYPES})\s+meeting\b", re.I
)


# A heading line cut inside its date or its name, as a PDF's narrow column wraps it: "… held on Monday, 5 June"
# over "2023 at 10.00 am …", "… on Tuesday" over "12 March 2024", "Westshire Council - Audit and" over "Governance …".
_CUT_IN_DATE = re.compile(rf"(?:\b\d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTH},?|\b{_WEEKDAY},?|\b(?:held\s+)?on)$", re.I)
_DATE_REST = re.compile(rf"^(?:\d{{4}}\b|\d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTH}\b)", re.I)
_CUT_IN_NAME = re.compile(r"\s(?:and|of|for|the|&|[-–])$")


def continues_heading(line: str, nxt: str) -> bool:
    """True if ``nxt`` is the rest of a heading line ``line`` that a narrow column wrapped."""
    if _CUT_IN_DATE.search(line) and _DATE_REST.match(nxt):
        return True
    return bool(_CUT_IN_NAME.search(line)) and nxt[:1].isupper() and len(nxt.split()) <= 8 and not nxt.rstrip().endswith(".")


def meeting_of_line(line: str) -> bool:
    """True for a heading such as "MEETING OF POLICE AND CRIME PANEL"."""
    return bool(_MEETING_OF.match(line.strip()))


def starts_with_date(line: str) -> bool:
    """True for a line opening with a full date ("Thursday 25 October 2012 East Herts …")."""
    return bool(_DATE_AT_START.match(line.strip()))


def bilingual(line: str) -> list[str]:
    """A header line and, when it gives two languages ("PWYLLGOR CYNLLUNIO / PLANNING COMMITTEE", as
    Welsh bodies print them), each half."""
    parts = [p.strip() for p in line.split(" / ")]
    if _BREADCRUMB.search(line):
        return [line]  # "You are here: Home / About the Council / Agenda and minutes": a site's path, not two languages
    # "Dyddiad / Date: Dydd Iau, 14 Mawrth 2024 / Thursday, 14 March 2024": label and value both bilingual
    return [line] if not 2 <= len(parts) <= 4 or not all(parts) else [line, *parts]


_BREADCRUMB = re.compile(r"\byou\s+are\s+here\b|(?:^|\s)home\s*[/>]\s", re.I)


# "Item No. 3 (b) MINUTE OF MEETING OF …", "Agenda Item 5 Minutes of …": an agenda pack's stamp on the page
# of the minutes it carries (PDF text of packs, any council), before the minutes' own heading
_ITEM_STAMP = re.compile(r"^(?:Agenda\s+)?Item\s+(?:No\.?\s*)?\d{1,3}\s*(?:\([a-z]\)\s*)?(?=(?:minutes?|record|at\s+a)\s+(?:of|meeting)\b)", re.I)


def without_item_stamp(line: str) -> str:
    """``line`` without an agenda pack's "Item No. 3 (b)" stamp before a minutes heading."""
    return _ITEM_STAMP.sub("", line)


_BODY_BEFORE_MINUTES = re.compile(
    rf"^(?:(?i:draft|confirmed|unconfirmed)\s+)?(?P<c>[A-Z][\w'&,()-]*(?:\s+[\w'&,()-]+){{0,10}}?\s+(?i:{_HEADING_BODY_TYPES}))"
    r"\s+(?:(?i:minutes?\s+of\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,3}?meeting)\b"
    rf"|(?i:minutes?)\s*[,:–-]?\s+(?=(?i:{_MONTH})\b|\d))(?P<rest>.*)$"  # "<Body> Minutes, November 2024"
)


# a local council named inside a heading: "… of HONINGHAM PARISH COUNCIL held …", "… of Kelda Town Council on …"
_NAMED_LOCAL_COUNCIL = re.compile(
    r"(?<![\w'’-])(?!(?i:the|of|a|an|meeting|minutes)\b)[A-Z][\w'’-]+(?:\s+(?:[A-Z][\w'’-]+|and|with|on|upon|in|by|cum|&|AND|WITH|ON|UPON|IN|BY|CUM)){0,5}?"
    r"\s+(?:Parish|Town|Community|PARISH|TOWN|COMMUNITY)\s+(?:Council|COUNCIL)\b"
)
_NOT_PLACE_WORDS = re.compile(r"^(?:(?:draft|minutes?|agenda|meeting|ordinary|annual|extraordinary|special|of|the)\s+)+", re.I)


def _local_name(found: str) -> str:
    """A local council's name found in a heading, in title case, without the heading's words before it."""
    name = _NOT_PLACE_WORDS.sub("", found)
    return clean_committee(_title_case(name) if name.isupper() else name) or ""


_LOCAL_COUNCIL = re.compile(r"^(?!(?:Community|Town|Parish)\s)\S.*\s(?:Community|Town|Parish)\s+Council$")
_LETTERHEAD = re.compile(
    r"^(?P<c>[A-Z][A-Z'’&-]+(?:\s+(?:[A-Z][A-Z'’&,-]*|with|and|of|upon|on|in|cum|by|the|&)){0,6}?\s+"
    r"(?:PARISH|TOWN|COMMUNITY|CITY|DISTRICT|BOROUGH|COUNTY)\s+COUNCIL)\s+(?=[A-Z0-9][a-z0-9])"
)


def meeting_from_head(head: list[str]) -> tuple[str | None, dt.date | None]:
    """Committee and date from a document's header lines, best evidence first."""
    return _meeting_from_head(head, recase=True)


def _meeting_from_head(head: list[str], recase: bool) -> tuple[str | None, dt.date | None]:
    head = [h for line in head for h in bilingual(_GLUED_DATE.sub(" ", _ITEM_STAMP.sub("", line)))]
    # a heading's date in brackets after it ("Minutes of a Meeting of <Place> Parish Council (03/11/15)"): a line of its own
    head = [h for line in head for h in (_LINE_THEN_DATE.match(line).groups() if _LINE_THEN_DATE.match(line) else (line,))]
    committee: str | None = None
    date: dt.date | None = None
    for line in head:
        found = header_meeting(line) or item_meeting_line(line)
        if found:
            committee = committee or found[0]
            date = date or found[1]
    for line in head:
        m = _DATE_FIELD.match(line) or _DATE_LABEL.match(line)
        if m and not date:
            date = parse_date(m.group(1))
        m = re.match(r"^DATE\s*:\s*(.+?)(?:\s+TIME\s*:.*)?$", line)
        if m and not date:
            date = parse_date(m.group(1))
        m = _INLINE_DATE_FIELD.search(line) if not date and ":" in line else None
        if m and starts_with_date(m.group("d")):
            date = parse_date(m.group("d"))
    printed = next((i for i, line in enumerate(head) if _PRINTED.match(line)), None)
    if printed is not None and not date:
        date = parse_date(_PRINTED.match(head[printed]).group("rest"))  # type: ignore[union-attr]
    if not date:
        date = next((parse_date(line) for line in head if is_date_line(line)), None)
    if not date:
        date = next((parse_date(line) for line in head[:4] if starts_with_date(line)), None)
    if not date:
        date = next((d for d in map(_held_on_date, head) if d), None)
    if not date:
        date = next((d for d in map(doc_heading_date, head) if d), None)
    if not date:
        date = _only_date(head)
    if not committee:
        found = next((m for m in map(_MEETING_OF.match, head) if m), None) or next((m for m in map(_PRINTED_BODY.match, head) if m), None)
        if found:
            committee = clean_committee(found.group("c"))
    if not committee:
        # "Minutes of the Council Meeting", "MINUTES OF THE TOWN COUNCIL MEETING": the meeting's own name for
        # its body, over the publisher's name on a line of its own (full, town and parish councils)
        found = next((m for m in map(_MINUTES_OF_X_MEETING.match, head) if m), None)
        if found:
            committee = clean_committee(found.group("c"))
    if not committee:
        # "<Place> Parish Council minutes of the meeting held at <venue> on <date>": the body named before the
        # heading's "minutes of the meeting" (parish councils' own pages, forums' and boards' PDFs)
        found = next((m for m in map(_BODY_BEFORE_MINUTES.match, head) if m), None)
        if found:
            committee = clean_committee(found.group("c"))
            date = date or _held_on_date(found.group("rest").strip()) or parse_date(found.group("rest"))
    if not committee:
        # (the header's lines read as one text: the letter's sentence may be wrapped, its date on the next line)
        found = summons_meeting(" ".join(head)[:4000])
        committee, date = (found[0], date or found[1]) if found else (None, date)
    if not committee:
        committee = _page_heading_name(head)
    if not committee:
        committee = _committee_field(head)
    if not committee:
        names = [clean_committee(line) for line in head[_below_page_type(head) :] if is_committee_line(line)]
        names = [n for n in names if n]
        bodies = [n for n in names if not re.search(r"\bCouncil$", n)]
        committee = (bodies or names or [None])[-1]
    if not committee:
        # a letterhead: the body's name in capitals before its address on one line ("WESTON with EASTON PARISH
        # COUNCIL The Village Hall, Church Street, …": parish, town and community councils' minutes)
        found = next((m for m in map(_LETTERHEAD.match, head) if m), None)
        committee = clean_committee(_title_case(found.group("c"))) if found else None
    if committee in ("Council", "Parish Council", "Town Council", "Community Council"):
        # "CEFN COMMUNITY COUNCIL" over "MINUTES OF THE COUNCIL MEETING HELD ON …": a local council names
        # itself above the meeting of "the Council" (community, town and parish councils; a principal
        # council's "Council" meeting keeps its name); a heading naming it in full does too ("MINUTES of the
        # meeting of <PLACE> PARISH COUNCIL held on …" under a page title "Parish Council Meeting <date>")
        local = [n for n in (clean_committee(line) for line in head if is_committee_line(line)) if n and _LOCAL_COUNCIL.search(n)]
        # (the name may be wrapped over two lines: "LOWERBY PARISH" over "COUNCIL")
        texts = [*head, " ".join(head[:6])]
        local += [_local_name(m.group(0)) for text in texts for m in _NAMED_LOCAL_COUNCIL.finditer(text)]
        local = [n for n in local if n and _LOCAL_COUNCIL.search(n) and (committee == "Council" or n.endswith(committee))]
        committee = local[0] if local else committee
    elif committee in ("Board", "Full Board"):
        # "<PLACE> INTERNAL DRAINAGE BOARD" over "MINUTES OF THE FULL BOARD MEETING": the board names itself above
        # the meeting of its full board, as a local council does
        named = [n for n in (clean_committee(line) for line in head if is_committee_line(line)) if n and n.endswith(" Board") and n != committee]
        committee = named[0] if named else committee
    if not committee and recase and any(_CAPITALS.match(line) for line in head):
        # headings printed in capitals ("AT A MEETING OF THE … AUTHORITY FOR … HELD AT …"): read as the
        # same words in title case, which the forms above are written for (once: a line that stays
        # capitals in title case, "ABC / DEF", must not send it round again)
        committee = _meeting_from_head([_title_case(line) if _CAPITALS.match(line) else line for line in head], recase=False)[0]
    return committee, date


# A header's field naming the meeting's body: "Meeting : Executive", "Name of meeting:" over
# "<BODY IN CAPITALS>" (a form's label and value, on one line or the value under it, a table's cell
# wrapped over two lines: "Meeting : |" / "Development Control" / "Committee |"). [agenda fronts and
# action sheets of several bodies]
_COMMITTEE_LABEL = re.compile(r"^(?:name\s+of\s+(?:the\s+)?meeting|meeting|committee)\s*:\s*(?P<v>[^|]*?)\s*\|?\s*$", re.I)
_ANY_LABEL = re.compile(r"^[A-Za-z][\w ()/]{0,30}:\s*\|?\s*$|^[A-Z][a-z]+(?:\s[a-z]+)?\s*:")


def _committee_field(head: list[str]) -> str | None:
    for k, line in enumerate(head):
        m = _COMMITTEE_LABEL.match(line.strip())
        if not m:
            continue
        value = m.group("v")
        if not value:  # the value under its label, perhaps wrapped in its cell
            parts = []
            for nxt in head[k + 1 : k + 4]:
                t = nxt.strip()
                if not t or _ANY_LABEL.match(t):
                    break
                parts.append(t.rstrip("| ").strip())
                if t.endswith("|"):
                    break
            value = " ".join(parts)
        if value and not any(c.isdigit() for c in value) and len(value.split()) <= 10 and value[:1].isupper():
            return clean_committee(value)
    return None


# A line in capitals of two words or more ("MINUTES OF PARISH COUNCIL 22 NOVEMBER 2023").
_CAPITALS = re.compile(r"^(?=.*[A-Z]{2,}\s+[A-Z]{2,})[^a-z]+$")


def _below_page_type(head: list[str]) -> int:
    """Where a page's own header starts: below its page type ("Agenda and minutes"). A council's name above
    it is the site's banner, the publisher's, not the meeting's body (district and Scottish councils' ModernGov
    pages of their committees and licensing boards)."""
    from .blocks import PAGE_TYPE  # blocks reads meta: imported here, not at the top

    below = next((k + 1 for k, line in enumerate(head[:6]) if PAGE_TYPE.match(line.strip())), 0)
    # (the page type as the header's last line, under the meeting's own heading: "Meeting documents" /
    # "<committee>" / "<date>" / "Agenda and Minutes", older ModernGov document lists)
    return 0 if below == len(head) else below


_CMIS_PAGE = re.compile(r"^meeting\s+(?:details|summary)$", re.I)


def _page_heading_name(head: list[str]) -> str | None:
    """A ModernGov meeting page's heading laid out over two lines under its page type ("Agenda and
    minutes" / "<name>" / "Friday, 24th July, 2015 10.00 am"): the name, whatever its last word
    ("… Fire Authority - Finance and Resources", "Licensing Committee (closed)")."""
    from .blocks import PAGE_TYPE  # blocks reads meta: imported here, not at the top

    for k in range(1, len(head) - 1):
        name = head[k].strip()
        above, below = head[k - 1].strip(), head[k + 1].strip()
        # (CMIS pages, any council: "Meeting Details" / "<name>" / "10 Sep 2020 - 10:00")
        page = PAGE_TYPE.match(above) or _CMIS_PAGE.match(above)
        if page and (is_date_line(below) or starts_with_date(below)) and 1 <= len(name.split()) <= 16:
            if not (is_date_line(name) or is_date_field(name) or re.match(r"^[\w ]{1,20}:", name)):
                return clean_committee(name)
    return None


# A date that belongs to another meeting or to the web page, not to this meeting.
_OTHER_DATE = re.compile(r"\b(?:previous(?:ly)?|last|next|future|uploaded|published|updated|posted|printed|issued|dispatched|despatched)\b", re.I)


_PROSE_RUN = re.compile(r"(?:\b[a-z]{2,}\b\W+){5}")


def dates_in(text: str) -> set[dt.date]:
    """The distinct full dates (with their year) written in ``text``."""
    found: set[dt.date | None] = {parse_date(m.group(0)) for m in _DAY_FIRST.finditer(text) if len(m.group(3)) == 4}
    found |= {parse_date(m.group(0)) for m in _MONTH_FIRST.finditer(text)}
    found |= {parse_date(m.group(0)) for m in _NUMERIC.finditer(text) if m.group(3)}
    return {d for d in found if d is not None}


def _only_date(head: list[str]) -> dt.date | None:
    """The one full date in the lines above the first item, when there is exactly one: a venue line with
    the date ("Millbeck Village Hall 12 October 2024 at 18:30hrs", or "12/10/2024") heads parish and town minutes
    whose heading names neither (the heading's forms above did not match)."""
    dates = set()
    for line in head:
        if _OTHER_DATE.search(line) or _PROSE_RUN.search(line):
            continue  # another meeting's date, or a sentence ("The minutes of the meeting held on … were approved")
        for m in _DAY_FIRST.finditer(line):
            if len(m.group(3)) == 4:
                dates.add(parse_date(m.group(0)))
        for m in _MONTH_FIRST.finditer(line):
            dates.add(parse_date(m.group(0)))
        for m in _NUMERIC.finditer(line):
            if m.group(3):  # "12/10/2024", "12.10.2024": a four-digit year
                dates.add(parse_date(m.group(0)))
    dates.discard(None)
    return dates.pop() if len(dates) == 1 else None


# Where a cover page or a heading says when the meeting is: "Please attend a meeting of … to be
# held at 10.00 am on Thursday, 19 November 2020", "Held on Monday 5 June 2023" (agenda letters
# and printed minutes of any body). A date after "held on" elsewhere (previous minutes) is not it.
_HELD_ON = re.compile(
    r"(?:^(?:(?:the\s+)?meeting\s+)?|\b(?:to\s+be|will\s+be)\s+|^(?:A|An|The)\s+(?:[\w-]+\s+){0,3}?meeting\s+of\s+[^.]{3,150}?\s+was\s+)held\b"
    r"(?:[^.]|\.(?=\d)){0,120}?\b(?:on\s+)?(?:the\s+)?"  # "on the 12th day of March 2024"
    r"(?P<d>(?:\w+day,?\s+)?\d{1,2}(?:st|nd|rd|th)?(?:\s+day\s+of)?\s+\w+,?\s+\d{4}"
    r"|(?:\w+day,?\s+)?\w+\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})",
    re.I,
)


# "Minutes of the Parish Council Meeting at the Village Hall on Monday 11 March 2024" (no "held")
_MINUTES_ON = re.compile(
    r"^(?:(?:draft|confirmed|unconfirmed|approved)\s+)?minutes\s+(?:of|for)\s+(?:the\s+|an?\s+)?[^.]{0,100}?\bmeeting\b[^.]{0,120}?\bon\s+(?:the\s+)?(?P<d>.{6,60})",
    re.I,
)


# "Minutes of the meeting at <venue> <date>", "Minutes of Meeting on <date>" (no "held": forums' and
# partnerships' minutes), never another meeting's ("… of the previous meeting")
# ("Minutes of Meeting of Tuesday 19th September 2017 Venue: …": "of" and the date, community councils')
_MINUTES_OF_MEETING = re.compile(
    rf"^minutes\s+of\s+(?:the\s+)?meeting\s+(?:at|on|in|of(?=\s+(?:{_WEEKDAY}\b|\d)))\b(?!.*\b(?:previous|last|next)\b)", re.I
)


def minutes_of_meeting_date(line: str) -> dt.date | None:
    """The date of a "Minutes of the meeting at <venue> <date>" heading (see ``_MINUTES_OF_MEETING``)."""
    return parse_date(line) if _MINUTES_OF_MEETING.match(line.strip()) else None


def _held_on_date(line: str) -> dt.date | None:
    m = _HELD_ON.search(line) or _MINUTES_ON.match(line)
    return parse_date(m.group("d")) if m else minutes_of_meeting_date(line)


# An agenda pack's summons or notice letter: "You are hereby summoned to attend a meeting of the County Council to
# be held … on Tuesday, 14 October 2025", "YOU ARE HEREBY SUMMONED TO ATTEND A MEETING OF <PLACE> PARISH COUNCIL TO
# BE HELD …", "You are invited to attend the meeting of the Cabinet which will be held …", "You are given notice of
# the annual meeting of <Place> Town Council to be held …" (county, town and parish councils' agendas). The body
# is the one the letter calls its members to; the date is the one it will be held on.
_SUMMONS = re.compile(
    r"\b(?:(?:summoned|invited|requested|called)\s+to\s+attend|(?:given\s+)?notice\s+of|attendance\s+is\s+requested\s+at"
    r"|notice\s+is\s+(?:hereby\s+)?given\s+that)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?meeting\s+of\s+"
    rf"(?:the\s+)?(?P<c>(?:[\w'&,-]+\s+){{0,10}}?(?i:{_HEADING_BODY_TYPES})),?\s+(?:(?:which\s+)?(?:is\s+)?(?:to|will)\s+be\s+held|to\s+take\s+place|on(?=\s+(?:{_WEEKDAY}|\d)))\b",
    re.I,
)


def summons_meeting(text: str) -> tuple[str | None, dt.date | None] | None:
    """The body and date a summons or notice letter calls a meeting of (see ``_SUMMONS``); None if ``text``
    holds no such letter."""
    m = _SUMMONS.search(text)
    if not m:
        return None
    held = _HELD_ON.search(text, m.end() - 20)
    date = parse_date(held.group("d")) if held and held.start() < m.end() + 5 else None
    after = text[m.end() : m.end() + 60].strip()
    if date is None and m.group(0).endswith("on") and starts_with_date(after):  # "… a meeting of the X on Wednesday 3 June 2020"
        date = parse_date(after)
    return clean_committee(m.group("c")), date


def is_printed_heading(line: str) -> bool:
    """True for the opening of printed minutes: "Minutes of the meeting … held …", "At a meeting of … held …"."""
    return bool(_PRINTED.match(line))


def summary_date(text: str) -> dt.date | None:
    """The meeting a plain-English summary page reports on ("The panel last met on 3 May 2019")."""
    m = _SUMMARY_MET.search(text)
    return parse_date(m.group("d")) if m else None


# A named body in running text, e.g. "… the Hampshire Police and Crime Panel".
# the words of a body's name before its type ("Hampshire Police and Crime", "Audit, Risk and Ethics")
_NAME_LEAD = r"(?:[A-Z][\w'&.-]*,?\s+(?:(?:and|&|of|for|on|the)\s+)*){0,10}?(?:[A-Z][\w'-]*\s+)?"
_NAME = rf"({_NAME_LEAD}{_BODY_TYPES}(?:\s+(?:Board|Committee|Sub-Committee|Panel|Forum)\b)?|Council|Cabinet)"  # "… Executive Board"
_MENTION = re.compile(
    rf"""(?=[A-Za-z ])(?:\b(?:[Mm]eetings?|Members|Secretary|Minutes|minutes)\s+(?:of|to)\s+the\s+{_NAME}
    |\b(?:appointed|co-opted|elected|reported\s+back)\s+(?:to|at)\s+the\s+{_NAME}
    |\bfor\s+the\s+{_NAME}\s+to\b
    |\b(?:addressed|informed|advised|reminded|assured|updated)\s+(?:the\s+{_NAME}|(Council|Cabinet)\s+that\b)(?!\s+(?:Member|Chair|Leader|Lead|Portfolio)|['’])
    |\b(?:elect|appoint)(?:ed)?\s+(?:as\s+)?(?:a\s+|the\s+)?(?:Vice[-\s]?)?Chair(?:man|person|woman)?\s+of\s+the\s+({_NAME_LEAD}{_HEADING_BODY_TYPES})\b(?!['’])
    |\b[Tt]he\s+{_NAME}\s+(?:will|would|is|are)\s+(?:be\s+)?asked\s+to\b
    |^(Cabinet|Council)\s+(?:will\s+be|is)\s+asked\s+to\b
    |\bthis\s+{_NAME}\s+meeting\b
    |\bMinutes\s+of\s+the\s+{_NAME}\s+[Mm]eeting\b
    |^Contact\s*:\s*[^,]{{2,60}},\s*{_NAME}\s+(?:Scrutiny|Support|Policy|Democratic|Committee)
    |(?:^|\s){_NAME}\s+(?:Democratic\s+Services|Secretariat|Scrutiny\s+Officer)\b)""",
    re.X,
)
_GENERIC = re.compile(rf"^(?:the\s+)?{_HEADING_BODY_TYPES}$", re.I)  # a bare "Authority" says which kind, not which
# Speed only (the matches are those of _MENTION.finditer): every mention names a body type, and
# each alternative but the last starts at one of these words (or at the start of the text), so
# _MENTION is tried at those places instead of at every character.
_BODY_WORD = re.compile(_HEADING_BODY_TYPES)  # every mention's name ends with one
_MENTION_START = re.compile(
    r"[Mm]eeting|Members|Secretary|Minutes|minutes|appoint|co-opted|elect|reported|for|addressed|informed|advised|reminded|assured|updated|this|[Tt]he"
)
_MENTION_ANYWHERE = ("Democratic", "Secretariat", "Scrutiny")  # the last alternative may start at any space


def _mentions(text: str) -> Iterator[re.Match[str]]:
    """The matches of _MENTION in ``text``, as ``_MENTION.finditer`` gives them."""
    if not _BODY_WORD.search(text):
        return
    if any(w in text for w in _MENTION_ANYWHERE):
        yield from _MENTION.finditer(text)
        return
    pos = 0
    m = _MENTION.match(text)
    if m:
        yield m
        pos = m.end()
    while start := _MENTION_START.search(text, pos):
        m = _MENTION.match(text, start.start())
        if m:
            yield m
            pos = m.end()
        else:
            pos = start.start() + 1


# A body confirming its own last minutes names itself, an authority too ("… the minutes of the last meeting
# of the <X> Authority held on <date> were signed as a correct record": fire and national park authorities'
# and joint committees' pages that print their name nowhere else); another body's minutes are "received" or
# "noted", never confirmed or signed.
_OWN_MINUTES = re.compile(
    r"\bminutes\s+of\s+the\s+(?:last\s+|previous\s+)?meeting\s+of\s+(?:the\s+)?"
    rf"(?P<c>{_NAME_LEAD}{_HEADING_BODY_TYPES})"
    r"\s+held\b[^.;]{0,80}?\b(?:be|were|was|are)\s+(?:duly\s+)?(?:confirmed|approved|signed|agreed|adopted)\b"
    # the agenda's own item confirming them ("To confirm the minutes of the meeting of Council held on …")
    r"|\b[Tt]o\s+(?:confirm|approve|agree|sign)\s+(?:as\s+a\s+correct\s+record\s+)?the\s+[Mm]inutes\s+of\s+the\s+(?:last\s+|previous\s+)?(?:meeting\s+of\s+(?:the\s+)?)?"
    rf"(?P<c2>{_NAME_LEAD}{_HEADING_BODY_TYPES})(?:\s+[Mm]eeting)?\s+held\b"
    # a Scottish council's own Minute for approval ("Consider Minute of <X> Council held on <date> for approval and signing")
    rf"|\bConsider\s+(?:the\s+)?Minutes?\s+of\s+(?:the\s+)?(?P<c3>{_NAME_LEAD}{_HEADING_BODY_TYPES})\s+held\b[^.;]{{0,40}}?\bfor\s+approval\b"
)


def committee_from_text(texts: list[str], exclude: set[str]) -> str | None:
    """The body whose minutes these are, when only the text names it.

    Only mentions in phrases that name the meeting's own body count (its own minutes confirmed,
    "the minutes of the meeting of the X", "Members of the X", "appointed to the X"); names equal
    to an item title are the subject of that item, not the body meeting.
    """
    found = _committee_mentioned(texts, exclude)
    if found:
        return found
    # the body as the subject of the meeting's own decisions, or its meeting's name ("That Cabinet approved …",
    # "The Council resolved …", "Ordinary Meeting of Council held on …"): ModernGov decision and item pages
    # and councils' minutes that print their body's name nowhere else
    for text in texts:
        for m in _BODY_ACTS.finditer(text):
            name = m.group("c") or m.group("m") or m.group("d")
            if not _BARE_BODY_TYPE.match(name) and not _OTHER_TIER.match(name) and name.lower() not in exclude:
                return clean_committee(name)
    return None


# (a bare "Committee", "Panel", "Board" or "Forum" says which kind of body, not which)
_BARE_BODY_TYPE = re.compile(r"^(?:Committee|Sub-Committee|Panel|Board|Forum)$")
_OTHER_TIER = re.compile(r"^(?:County|District|Borough|City)\b")  # another tier's council, named in passing
_BODY_ACTS = re.compile(
    r"\b(?:[Tt]hat|[Tt]he)\s+(?P<c>(?:[A-Z][\w'&-]*\s+){0,5}?(?:Cabinet|Council|Executive(?:\s+Board)?|Board|Committee|Sub-Committee|Panel|Forum))"
    r"\s+(?:approved|agreed|resolved|endorsed|decided|considered|noted|RESOLVED|AGREED)\b"
    r"|\b(?:Extraordinary|Ordinary|Annual|Special)\s+Meeting\s+of\s+(?P<m>Council|Cabinet)\b"
    # "Decision: Cabinet RESOLVED that …", "COUNCIL RESOLVED - That …", "Cabinet considered a report …" (a minute's opening)
    r"|(?:^|(?:Decision|Minutes)\s*:\s*)(?P<d>Cabinet|Council|CABINET|COUNCIL)\s+(?:RESOLVED|AGREED|resolved|agreed|considered|noted|received)\b"
)


# words before a body's name that are no part of it ("Election of Joint Committee", "The Joint Committee")
_NOT_A_NAME_WORD = re.compile(
    r"^(?:The|This|That|Election|Appointment|Appointments|Approval|Minutes?|Meeting|Report|Chair|Chairman|Vice|Members?|Review|Update|Annual|Draft|Dear)$"
)


def _committee_mentioned(texts: list[str], exclude: set[str]) -> str | None:
    """The body named by a phrase that names the meeting's own (see ``committee_from_text``)."""
    # (a title or heading in capitals read in title case, as the phrases are written: "MINUTES OF THE X COMMITTEE MEETING …")
    texts = texts + [_title_case(t) for t in texts if len(t) <= 300 and _CAPITALS.match(t)]
    for text in texts:
        own = _OWN_MINUTES.search(text) if "inute" in text else None
        name = own and (own.group("c") or own.group("c2") or own.group("c3"))
        if name and name.lower() not in exclude and (not _GENERIC.match(name) or name in ("Council", "Cabinet")):
            return clean_committee(name)
    found: list[str] = []
    for text in texts:
        for m in _mentions(text):
            name = next(g for g in m.groups() if g)
            name = re.sub(r"^(?:the|The)\s+", "", name.strip())
            name = re.sub(r"^(?:[A-Z][a-z]+\s+)?Meetings?\s+of\s+(?:the\s+)?", "", name)
            if _GENERIC.match(name) and name not in ("Council", "Cabinet"):
                continue
            if name.lower() in exclude:
                continue
            cleaned = clean_committee(name)
            if cleaned:
                found.append(cleaned)
    if not found:
        return None
    # the first mention, or its full name when a later one gives it ("Chairman of the Joint Committee" …
    # "Minutes of the <Place> Crematorium Joint Committee"), or when the text names it in full anywhere
    # ("… provided with the <Place> Crematorium Joint Committee revised budget")
    name = next((f for f in found[1:] if f.endswith(" " + found[0])), found[0])
    if len(name.split()) <= 2 and name not in ("Council", "Cabinet"):
        full = re.compile(rf"\b((?:[A-Z][\w'&-]*\s+(?:(?:and|&|of)\s+)?){{1,5}}{re.escape(name)})\b")
        named = [
            m.group(1) for text in texts for m in full.finditer(text)
            if not any(_NOT_A_NAME_WORD.match(w) for w in m.group(1)[: -len(name)].split())
        ]
        name = named[0] if named else name
    return name
