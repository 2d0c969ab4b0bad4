"""Printed minutes as text: page furniture and lines hard-wrapped to a page's measure.

PDF text (extracted here by :mod:`.pdf`, or saved as a ``.txt`` by someone else's
``pdftotext``) carries "Page 2 of 12" footers, "Chairman's initials ……" boxes and running
headers, and breaks every paragraph and long title at the right margin. Crawler text of a
web page has none of that: a paragraph is one long line. :func:`reflow` tells the two
apart by the measure of the lines and rejoins only the first.
"""

from __future__ import annotations

import re
from collections import Counter

from . import meta
from .text import Line, list_marker, strip_bullet, strip_residue

TERMINAL = re.compile(r"""[.!?:;]["')\]]*$""")
_HYPHENATED = re.compile(r"[A-Za-z]-$")
_STARTS_LIST = re.compile(r"^(?:[•·▪●◦‣⁃∙➢►▶-]\s|\(?\d{1,3}[.)]\s|\(?[a-z][.)]\s|\([ivx]{1,5}\)\s|\d{1,3}\s+[A-Z])")
# A line that starts something of its own even when the line before it fills the measure.
_STARTS_UNIT = re.compile(
    r"^(?:(?:UNANIMOUSLY\s+)?RESOLVED\b|Resolved\s*[:–—-]|(?:Minutes|Decisions?|Present|Apologies|Officers?|ACTION)\s*:"
    r"|(?:Additional|Supporting|Background)\s+(?:documents|papers)\s*:"
    r"|\d{1,3}/\d{1,4}\s|\d{4}\.\d{1,3}\s|[A-Z]{1,6}[./-]?\d{1,3}(?:/\d{2,4})?\s+[A-Z]|(?:Minute|Item)\s+\d)"
)
# A numbered minute heading ("2307.03 Minutes of …", "C12/23 Precept", "3/1 Apologies") and a line end
# that cannot end a heading (a function word, a number, a comma or dash: the title wraps on).
# "Minute 114 – P/24/0123/FUL – …", "Item 5: Budget": planning and district minutes, fire authorities.
_MINUTE_HEADING = re.compile(
    r"^(?:\d{1,3}/\d{1,4}|\d{4}\.\d{1,3}|[A-Z]{1,6}[./-]?\d{1,3}(?:/\d{2,4})?|\d{1,3}\.?"
    r"|(?:Minute|Min\.?|Item)\s+\d{1,3}(?:/\d{2,4})?\.?(?:\s*[-–—:])?)\s+[A-Z]"
)
# A link's file type and size end its line ("… 2026/27 pdf icon PDF 297 KB"): a web page's link, never wrapped on.
_LINK_END = re.compile(r"\b(?:PDF|DOCX?|XLSX?|PPTX?|RTF)\b,?\s*[\d.,]+\s*[KMG]B\)?$", re.I)
# A header's field label ("Venue:", "Contact:", "In attendance:"), any body's.
_FIELD_START = re.compile(r"^[A-Z][a-z]+(?:\s[A-Za-z][a-z]+){0,2}\s?:\s")  # "Venue: …", "In attendance: …", "Decision Maker: …"
_OPEN_END = re.compile(r"(?:\b(?:a|an|and|or|of|to|for|in|on|at|by|with|from|the|\d{1,2}(?:st|nd|rd|th)?)|[,&:;–-])$", re.I)
# "Page 3 of 12", "Council – Cabinet – 7 March 2023   Page 2 of 3", "Chairman's initials ………"
_FOOTER = re.compile(r"^(?:[^.!?]{0,150}?\s)?Page\s+\d{1,4}(?:\s+of\s+\d{1,4})?$", re.I)
_INITIALS = re.compile(r"^(?:(?:Vice[- ])?Chair(?:man|woman|person)?'?s?\s+)?initials\b[\s.…_:]*$", re.I)

#: Printed pages hold at most this many characters a line; web text runs a paragraph on one line.
MAX_MEASURE = 130


def joins(prev: str, line: str, measure: int, prev_width: int | None = None) -> bool:
    """True if ``line`` continues the paragraph hard-wrapped at the end of ``prev``."""
    if strip_bullet(line)[0] or list_marker(line)[0] or _STARTS_LIST.match(line) or _STARTS_UNIT.match(line):
        return False
    if _LINK_END.search(prev) or _FIELD_START.match(line) or meta.is_date_line(line):
        return False  # a link's line; a field ("Venue: …", "In attendance: …") or a date line starts its own
    if line[:1].islower() and not TERMINAL.search(prev):
        return True
    if line.isupper() and len(line.split()) <= 12 and not prev.isupper() and not _OPEN_END.search(prev) and not _MINUTE_HEADING.match(prev):
        return False  # a heading in capitals ("APOLOGIES") under a full line of text starts a unit of its own
    if _MINUTE_HEADING.match(prev) and line[:1].isupper():
        head = strip_residue(prev)  # "4. STRATEGY 2023-28: (Pages 13 - 58)" wraps on in capitals
        if not (head.isupper() and line.isupper()) and not _OPEN_END.search(head):
            return False  # a numbered minute heading ends at its line; the minute's text starts below it
    full = (prev_width if prev_width is not None else len(prev)) >= 0.8 * measure
    return full and not re.search(r"[.!?]$", prev) or (full and line[:1].islower())


def join(current: str, line: str) -> str:
    """``current`` followed by its wrapped continuation, undoing a hyphenation ("organi-" "sation")."""
    if _HYPHENATED.search(current) and line[:1].islower():
        return current[:-1] + line
    return f"{current} {line}"


def is_furniture(text: str) -> bool:
    """True for a page footer or the chairman's initials box."""
    return bool(_FOOTER.match(text) or _INITIALS.match(text))


def page_measure(lines: list[Line]) -> int | None:
    """The width printed text is wrapped to, or None for text that is not wrapped to a page (web text
    runs a paragraph on one line)."""
    widths = sorted(ln.indent + len(ln.text) for ln in lines if len(ln.text) >= 20)
    if not widths:
        return None
    measure = widths[int(len(widths) * 0.9) - 1 if len(widths) >= 10 else -1]
    if measure > MAX_MEASURE:
        return None
    pairs = list(zip(lines, lines[1:]))
    # a line filling the measure that stops mid-sentence: the next goes on in lower case, or the line ends in
    # a word or mark that cannot end one (a heading or title over capitalised text is no evidence)
    wrapped = sum(
        1
        for a, b in pairs
        if b.gap == 0
        and a.indent + len(a.text) >= 0.75 * measure
        and not TERMINAL.search(a.text)
        and (b.text[:1].islower() or _OPEN_END.search(a.text))
    )
    return measure if wrapped >= 3 else None


def reflow(lines: list[Line]) -> list[Line]:
    """Drop page furniture; if the text is wrapped to a page's measure, rejoin its paragraphs."""
    lines = _drop_furniture(lines)
    measure = page_measure(lines)
    if measure is None:
        return _rejoin_broken_sentences(lines)
    out = [Line(lines[0].text, lines[0].indent, lines[0].gap)]
    width = lines[0].indent + len(lines[0].text)
    for ln in lines[1:]:
        last = out[-1]
        if ln.gap == 0 and joins(last.text, ln.text, measure, width):
            last.text = join(last.text, ln.text)
        else:
            out.append(Line(ln.text, ln.indent, ln.gap))
        width = ln.indent + len(ln.text)
    return out


def _rejoin_broken_sentences(lines: list[Line]) -> list[Line]:
    """Text not wrapped to a measure may still hold a paragraph or two that was: a line of a page's width that stops
    mid-sentence ("… approved as a correct record and" / "signed by the Chair.", "… held on: 10 January; 6" /
    "March 2024"): the next line goes on in lower case, or the line ends in a word or mark that cannot end a
    sentence. Only such plain continuations are rejoined."""
    out: list[Line] = []
    for ln in lines:
        last = out[-1] if out else None
        if (
            last is not None
            and ln.gap == 0
            and 60 <= len(last.text) <= MAX_MEASURE  # a printed line's width; web text runs a paragraph on
            and not TERMINAL.search(last.text)
            and not (strip_bullet(ln.text)[0] or list_marker(ln.text)[0] or _STARTS_LIST.match(ln.text) or _STARTS_UNIT.match(ln.text))
            and (ln.text[:1].islower() or _OPEN_END.search(last.text))
            and not meta.header_meeting(last.text)  # a heading naming body and date ends at its time ("…, 12/03/2024 10:00")
        ):
            out[-1] = Line(join(last.text, ln.text), last.indent, last.gap)
        else:
            out.append(ln)
    return out


def _drop_furniture(lines: list[Line]) -> list[Line]:
    """Remove footers, initials boxes, running headers ("Council - 7 March 2023" repeated on each page)
    and the page numbers printed beside them."""
    counts = Counter(ln.text for ln in lines)
    running = {t for t, n in counts.items() if n >= 2 and _running_header(t)}
    drop = set()
    for k, ln in enumerate(lines):
        beside = [j for j in (k - 1, k + 1) if 0 <= j < len(lines) and _PAGE_NUMBER.match(lines[j].text)]
        # near the top a running header may be the document's heading, unless a page number sits by it
        # (an agenda pack's first page of minutes: "<Panel> - 14 March 2024" over "1")
        if is_furniture(ln.text) or (ln.text in running and (k >= 5 or beside)):
            drop.add(k)
            for j in (k - 1, k + 1):  # "2" above or below a running header is its page number
                if 0 <= j < len(lines) and _PAGE_NUMBER.match(lines[j].text) and ln.text in running:
                    drop.add(j)
    out: list[Line] = []
    gap = 0
    for k, ln in enumerate(lines):
        if k in drop:
            gap += ln.gap
            continue
        out.append(Line(ln.text, ln.indent, ln.gap + gap) if gap else ln)
        gap = 0
    return out


_PAGE_NUMBER = re.compile(r"^(?:-\s*)?\d{1,3}(?:\s*-)?$")


def _running_header(text: str) -> bool:
    """A page's running header or footer: the meeting's heading ("Council - 7 March 2023", "Westshire Fire
    Authority 6 March 2023") or the body's name, as printed minutes repeat them on every page."""
    if len(text.split()) > 16:
        return False
    return bool(meta.header_meeting(text) or meta.is_committee_line(text) or (meta.parse_date(text) and _NAMES_BODY.search(text)))


_NAMES_BODY = re.compile(r"\b(?:Panel|Committee|Council|Cabinet|Board|Authority|Forum|Commission|Assembly|Executive)\b")
