"""Lines of one item → blocks: drop link residue, find labels, bullets and points, rejoin wraps."""

from __future__ import annotations

import re

from . import meta
from .cues import cued
from .ir import BULLET, HEADING, LABEL, LABEL_DECISION, LABEL_DOCS, LABEL_MINUTES, PARA, POINT, ROW, Block
from .text import RESIDUE_INLINE, Line, list_marker, squash, strip_bullet, strip_residue

# Whole lines that are page furniture or link text, never minutes.
_RESIDUE_LINE = re.compile(
    r"""^(?:
        share\ this\ item | view\ directions | media | items | no\.?\s*\|?\s*item(?:\s*\|[\s|]*)? |
        \|?[\s|:-]*-{3}[\s|:-]* | [|\s]+ |
        \(?pages?\s+\d+(?:\s*[-–]\s*\d+)?\)? |
        audio\ recording\b.{0,80} | (?:link|webcast|video(?:link)?)\s*:.{0,120} |
        view\ the\ (?:decision|full\ minutes\ text)\b.{0,60} | \.{3}\s*view\ the\ full\ minutes\ text\b.{0,60} |
        (?:printed\ )?(?:minutes|agenda|decisions?)\ (?:frontsheet|reports?\ pack|pack)\b.{0,40} |
        \[?(?:exempt|restricted)\ (?:appendix|item)\]? | back\ to\ top | top\ of\ page | top | print\ this\ page |
        back\ to\ (?:agenda|meeting|committee).{0,40} | printable\ version | (?:previous|next)\ item |
        view\ the\ (?:agenda|minutes|meeting|issue\ history).{0,60} | [-–•·]?\s*view\ the\ background\ to\ item\b.{0,20} | issue\ history | skip\ to\ (?:main\ )?content |
        browse\ meetings.{0,60} | (?:table\ of\ )?contents | (?:committee|meeting)\ details | related\ (?:documents|links) | open\ in\ new\ window |
        [A-Z]:\\\S.{0,200} | .{0,200}\.docx?\b.{0,12}
    )$""",
    re.I | re.X,
)
PAGE_TYPE = re.compile(
    r"^(?:agendas?,?\s+(?:meetings\s+and\s+minutes\s*-\s*)?)?agenda(?:,\s*decisions)?\s+and\s+(?:draft\s+)?(?:minutes|decisions)$"
    r"|^agendas?,\s*(?:reports|meetings)\s+and\s+minutes(?:\s*-.*)?$|^agenda,\s*decisions\s+and\s+minutes$",
    re.I,
)
CHROME = re.compile(
    r"^(?:agenda\s+item|councillors\s+and\s+committees|committee\s+details|meeting\s+details|issue\s+details|"
    r"(?:venue|contact|tel|email|link|note|webcast|time|place|location|date|media|directions)\b\s*:?.*|"
    r"media|items|view\s+directions|agenda\s+reports\s+pack.*|printed\s+minutes.*|decisions|public\s+document\s+pack|"
    # a CMIS meeting page's status lines under its date ("Occurred", "Meeting open to the public."), any council
    r"occurred|meeting\s+(?:open|closed)\s+to\s+the\s+public\.?)$",
    re.I,
)


def is_chrome(text: str) -> bool:
    """True for page furniture above the items: page type, venue, contact, media links."""
    return bool(PAGE_TYPE.match(text) or CHROME.match(text))


_LABEL_LINE = re.compile(
    r"^(minutes|decisions?|(?:additional|supporting|background)\s+(?:documents|papers)|documents)\s*:\s*",
    re.I,
)
_DECISION_START = re.compile(r"^(?:UNANIMOUSLY\s+|Unanimously\s+)?(?:RESOLVED|Resolved|RECOMMENDED|AGREED)\b")
_VIEW_FULL = re.compile(r"\s*(?:\.{3}|…)?\s*view\s+the\s+full\s+(?:minutes|decision|agenda)\s+text\s+for\s+item\s+[\w./]+\.?", re.I)
_INLINE_BULLET = re.compile(r"(?<=\S)\s+[·•▪]\s+(?=\S)")
_INLINE_BULLET = cued(_INLINE_BULLET)  # speed: most lines hold no bullet glyph
_TERMINAL = re.compile(r"""[.!?:;]["')\]]*$""")
_JOIN_WORDS = frozenset(
    """the a an of to and or but for in on at by with from as that which who whose his her their its
    our this these those be is was were are been has have had not into upon than per nor if whether
    mr mrs ms dr cllr councillor councillors professor""".split()
)


def label_of(text: str) -> tuple[str | None, str]:
    """Return (label name, rest of line) if ``text`` starts with a ModernGov label."""
    m = _LABEL_LINE.match(text)
    if not m:
        return None, text
    word = m.group(1).lower()
    if word.startswith("minutes"):
        name = LABEL_MINUTES
    elif word.startswith("decision"):
        name = LABEL_DECISION
    else:
        name = LABEL_DOCS
    return name, text[m.end() :]


# What a document-sharing site (docslib, docstoc, scribd and the like) prints around the PDF text it
# serves, whoever wrote the PDF: a file type and size line, a page total, view counts, download links and a
# "page n of m" notice.
SITE_BANNER = re.compile(
    r"""^(?:file\s*type\s*:\s*\w+.{0,40} | total\s+pages?\s*:\s*\d+ | views\s*:\s*\d+(?:\s+pages\s*:\s*\d+)? |
    more\s+info | download\s+as\s+(?:pdf|docx?|txt|pptx?)\b.{0,30} | you\s+are\s+on\s+page\s*\d+\s*of\s*\d+ |
    you\s+might\s+also\s+like | (?:report|share|embed|save)\s+this\s+document | uploaded\s+by\b.{0,60} |
    skip\s+to\s+(?:main\s+)?content | loading(?:\.{3}|…)? | copyright\s*:.{0,80} |
    [\d./-]{6,10}\s+views | embed\s+size\s*\(px\) | (?:from\s+\S+\s+)?more\s+from\s+this\s+(?:publisher|user|author) )$""",
    re.I | re.X,
)


def drop_site_banner(lines: list[Line]) -> list[Line]:
    """Drop a document site's banner above the text (its title for the upload, views, size, download
    links) and its stray banner lines further down."""
    top = max((k for k, ln in enumerate(lines[:12]) if SITE_BANNER.match(ln.text)), default=None)
    if top is not None:
        lines = _drop_repeated_title(lines, top)
        top = max((k for k, ln in enumerate(lines[:12]) if SITE_BANNER.match(ln.text)), default=None)
    if top is not None and all(len(ln.text.split()) <= 12 for ln in lines[:top]):
        # an agenda pack's cover page may stand above the residue: its body and date lines are the header
        # (and a document site's title for the upload may be the minutes' own heading, body and date:
        # "Minutes of X Community Council Meeting 7:30pm 28th November 2018", community councils' PDFs)
        kept = [ln for ln in lines[:top] if meta.is_committee_line(ln.text) or meta.is_date_field(ln.text) or all(meta.meeting_from_head([ln.text]))]
        lines = kept + lines[top + 1 :]
    return [ln for ln in lines if not SITE_BANNER.match(ln.text)]


_LEAD_PAGE_NUMBER = re.compile(r"^\d{1,3}\s*[–-]\s+")
# a date's words ("4th", "March", "2022,", "04/03/2022", "Friday"): left out when a title is compared with the
# text's first words, whatever style the date is printed in
_DATE_WORD = re.compile(
    r"^(?:\W*\d\S*|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\W*|(?:mon|tues|wednes|thurs|fri|satur|sun)day\W*|of|the)$", re.I
)


def _undated(words: list[str], fold: bool) -> list[str]:
    return [w.casefold() if fold else w for w in words if not _DATE_WORD.match(w)]


_BODY_WORD = re.compile(r"\b(?i:council|committee|panel|board|authority|forum|partnership|cabinet|executive|assembly|commission)\b")


def _drop_repeated_title(lines: list[Line], top: int) -> list[Line]:
    """Drop a document site's title for the upload when the text under its banner repeats it: the site
    copies the text's first words into its title ("<title>" / banner / "<title> <the minutes' heading> …", or
    "1 – <Body> Minutes of …" cut short over "<BODY> MINUTES OF …"), so the text holds the heading whole
    (docslib-like copies of any body's PDF; the run-on text's heading is then found at its start)."""
    above = [ln for ln in lines[:top] if ln.text.strip() and not SITE_BANNER.match(ln.text)]
    k = next((j for j in range(top + 1, len(lines)) if lines[j].text.strip() and not SITE_BANNER.match(lines[j].text)), None)
    if not above or k is None:
        return lines
    title = _LEAD_PAGE_NUMBER.sub("", above[-1].text.strip()).split()
    words = lines[k].text.split()
    if len(_undated(title, True)) < 3:
        return lines
    for n in range(1, min(len(words), len(title) + 6)):
        if (
            _undated(words[:n], False) == _undated(title, False)
            and len(words) > 2 * n
            and not meta.is_committee_line(above[-1].text)
            and _BODY_WORD.search(" ".join(words[n : n + 20]))
        ):
            # the site's title printed again, case and all, as the text's first words: a copy, not the heading
            # (a body's name there is the heading's first line: the title line goes, below); not when the
            # heading itself is what the site took as its title, the rest naming no body ("<Minutes of X
            # Council> held … on <date>")
            rest = Line(" ".join(words[n:]), lines[k].indent, lines[k].gap)
            return lines[top : top + 1] + [ln for ln in lines[top + 1 : k] if SITE_BANNER.match(ln.text)] + [rest] + lines[k + 1 :]
    head = _undated(words[: len(title) + 6], True)
    cut = _undated(title, True)
    # (a title cut short ends in part of a word: "… Road, Craigav")
    if head[: len(cut) - 1] == cut[:-1] and head[len(cut) - 1].startswith(cut[-1]) and not all(meta.meeting_from_head([above[-1].text])):
        return lines[top:]  # the heading, in the text's own case, starts the text (the title is cut short)
    return lines


def is_residue_line(text: str) -> bool:
    """True for page furniture and link text ("Share this item", "(Pages 5 - 6)", "PDF 99 KB")."""
    if _RESIDUE_LINE.match(text):
        return True
    return bool(RESIDUE_INLINE.search(text)) and not strip_residue(text)


def lines_to_blocks(lines: list[Line]) -> list[Block]:
    """Turn the lines of one item into blocks, in order."""
    out: list[Block] = []
    after_docs = False  # after "Supporting documents:", lines with "PDF 99 KB" are document links
    for line in lines:
        text = line.text
        gap = line.gap
        while True:  # a line may start with one or more labels: "Additional documents: Minutes: 1. …"
            name, rest = label_of(text)
            if name is None:
                break
            out.append(Block(name, LABEL, gap))
            after_docs = name == LABEL_DOCS
            text, gap = rest.strip(), 0
        if not text or is_residue_line(text):
            continue
        if after_docs and RESIDUE_INLINE.search(text) and len(text.split()) < 20:
            continue  # a supporting document's link text
        if RESIDUE_INLINE.search(text):
            text = strip_residue(text)
        if "view the full" in text:
            text = _VIEW_FULL.sub("", text).strip()  # a meeting page cut the minutes short here
            if not text:
                continue
        _add_line(out, text, gap)
    for b in out:
        if b.kind != LABEL:
            if _MISSING_SPACE_CUE.search(b.text):  # speed: the cue is necessary for a match
                b.text = _MISSING_SPACE.sub(" ", b.text)  # "the Plan.The PCC" → "the Plan. The PCC"
    return _pair_table_cells([b for b in out if b.kind == LABEL or b.text])


def _add_line(out: list[Block], text: str, gap: int) -> None:
    glyph, rest = strip_bullet(text)
    if glyph:
        rest = rest.strip()
        if not rest or is_residue_line(rest):
            return  # an empty bullet (often where an excerpt was cut), or "• Share this item"
        prev = out[-1] if out else None
        if prev is not None and prev.kind == BULLET and rest[0].islower() and not _TERMINAL.search(prev.text):
            prev.text = f"{prev.text} {rest}"  # one bullet split over two bullet lines
            return
        _add_split(out, Block(rest, BULLET, gap, glyph))
        return
    marker, rest = list_marker(text)
    if marker and rest:
        for k, (mk, part) in enumerate(_inline_points(marker, rest)):
            _add_split(out, Block(part, POINT, gap if k == 0 else 0, mk))
        return
    prev = out[-1] if out else None
    if prev is not None and prev.kind in (PARA, BULLET, POINT) and _continues(prev.text, text):
        prev.text = f"{prev.text} {text}"
        return
    m = _CAPS_HEADING.match(text)
    if m and not _NOT_HEADING_WORDS.search(m.group(1)) and len(re.findall(r"[A-Z]{2,}", m.group(1))) >= 2:
        # "VARIATION OF BUSINESS The Panel agreed…": a heading run into its paragraph
        out.append(Block(m.group(1), HEADING, gap))
        text, gap = text[m.end() :], 0
    _add_split(out, Block(text, PARA, gap))


_CAPS_HEADING = re.compile(r"^((?:[A-Z][A-Z0-9'&/,()-]*\s+){1,10}[A-Z][A-Z0-9'&/()-]+)\s+(?=[A-Z][a-z])")
_NOT_HEADING_WORDS = re.compile(r"\b(?:RESOLVED|AGREED|RECOMMENDED|UNANIMOUSLY|DECISION|NOTED|THAT)\b")


def _inline_points(marker: str, rest: str) -> list[tuple[str, str]]:
    """Split "1. To note … 2. To elect …" (points run together on one line) into points."""
    m = re.fullmatch(r"\(?(\d{1,2})([.)])", marker)
    if not m:
        return [(marker, rest)]
    n, close = int(m.group(1)), m.group(2)
    out = [(marker, rest)]
    while True:
        nxt = f"{n + 1}{close}"
        hit = re.search(rf"\s{re.escape(nxt)}\s+(?=[A-Z])", out[-1][1])
        if not hit:
            return out
        head, tail = out[-1][1][: hit.start()], out[-1][1][hit.end() :]
        out[-1] = (out[-1][0], head)
        out.append((nxt if not marker.startswith("(") else f"({n + 1})", tail))
        n += 1


def _continues(prev: str, nxt: str) -> bool:
    """True if ``nxt`` is the rest of a paragraph hard-wrapped after ``prev``."""
    if _TERMINAL.search(prev) or _DECISION_START.match(nxt):
        return False
    if nxt[0].islower():
        return True
    last = prev.rsplit(None, 1)[-1].lower().strip(",")
    return last in _JOIN_WORDS or prev.endswith(",")


def _add_split(out: list[Block], block: Block) -> None:
    """Append ``block``, splitting bullets flattened onto one line ("… from: · Cllr A · Cllr B")."""
    parts = _INLINE_BULLET.split(block.text)
    if len(parts) == 1:
        out.append(block)
        return
    head = parts[0].strip()
    if head:
        block.text = head
        out.append(block)
    for part in parts[1:]:
        part = part.strip()
        if part:
            out.append(Block(part, BULLET, 0, "·"))


_TABLE_LEAD = re.compile(r"\b(?:table\s+below|following\s+table|the\s+table|set\s+out\s+below)\b", re.I)
_TABLE_LEAD = cued(_TABLE_LEAD)
_SHORT_CELL = re.compile(r"^[^.;:!?]{1,80}$")


def _pair_table_cells(blocks: list[Block]) -> list[Block]:
    """Rejoin a two-column table a crawler flattened to one cell per line.

    After "… contained in the table below." come header cells then alternating cells
    ("Panel Member", "Personal Interest", "Les Broome", "Governor of …"); they become rows
    "Les Broome | Governor of …".
    """
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        out.append(b)
        i += 1
        if b.kind == LABEL or not _TABLE_LEAD.search(b.text):
            continue
        j = i
        while j < len(blocks) and blocks[j].kind == PARA and _SHORT_CELL.match(blocks[j].text) and len(blocks[j].text.split()) <= 10:
            j += 1
        cells = blocks[i:j]
        if len(cells) < 4:
            continue
        for k in range(0, len(cells), 2):
            pair = cells[k : k + 2]
            out.append(Block(" | ".join(c.text for c in pair), ROW, pair[0].gap))
        i = j
    return out


_HEADING_CASE = re.compile(r"^[A-Z0-9][^.;:!?]*$")


def mark_headings(blocks: list[Block]) -> None:
    """Mark short title-like paragraphs inside minutes ("Election of Vice-Chairman") as headings."""
    for i, b in enumerate(blocks):
        if b.kind != PARA or i + 1 >= len(blocks):
            continue
        words = b.text.split()
        if not (1 <= len(words) <= 12) or not _HEADING_CASE.match(b.text):
            continue
        if b.text.endswith(","):
            continue
        nxt = blocks[i + 1]
        if nxt.kind == LABEL or (i and blocks[i - 1].text.rstrip().endswith((":", ":-"))):
            continue  # an entry of the list a lead-in announced, not a heading
        capitals = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
        if b.text.isupper() or capitals * 2 >= len(words) or len(words) <= 4:
            b.kind = HEADING


_MISSING_SPACE = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])")
_MISSING_SPACE_CUE = re.compile(r"[.!?][A-Z]")


def squash_blocks(blocks: list[Block]) -> list[Block]:
    """Normalise whitespace in every block."""
    for b in blocks:
        b.text = squash(b.text)
    return blocks
