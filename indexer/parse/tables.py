"""Layouts where a table or a PDF flattened the page: "Title blurb Minutes: text |" rows,
and a whole printed agenda run together on one line."""

from __future__ import annotations

import re

from .cues import cued
from . import meta
from .blocks import is_chrome, label_of, lines_to_blocks
from .ir import LABEL_DECISION, LABEL_MINUTES, PARA, Block, RawDoc, RawItem
from .text import Line
from .titles import ITEM_NUMBER, NUMBER_AND_TITLE, clean_title, is_title_like, item_number, split_title_blurb

_ROW_END = re.compile(r"(?<![\s|])\s*\|[\s|]*$")
_TABLE_HEADER = re.compile(r"^\|?\s*(?:no\.?\s*\|\s*item\b.*|[|\s:-]*-{3}[|\s:-]*)$", re.I)
_ONLY_PIPES = re.compile(r"^[|\s]+$")
_NUMBER_CELL = re.compile(r"^([^|\s]{1,12})\s*\|\s*(?=\S)")  # "23. | Apologies for Absence …"
_INLINE_LABEL = re.compile(r"(?:^|\s)(?=(?:Additional documents|Supporting documents|Minutes|Decision)\s*:)")


# "TITLE PDF 95 KB Minutes: It was proposed…": a row's title, blurb and minutes on one line.
_ROW_WITH_LABEL = re.compile(r"^(?!(?:Minutes|Decisions?|Additional documents|Supporting documents)\s*:).{3,1500}?\s(?:Minutes|Decision|Additional documents)\s*:")
_ROW_WITH_LABEL = cued(_ROW_WITH_LABEL)


def is_table_flattened(lines: list[Line]) -> bool:
    """True if rows of a table were flattened into lines ending in (or made of) "|"."""
    rows = sum(1 for ln in lines if ln.text.endswith(" |") or _TABLE_HEADER.match(ln.text))
    lone = sum(1 for ln in lines if _ONLY_PIPES.match(ln.text))
    # two lone bars are a PDF's table rules between the header's lines (printed minutes' attendance), not rows
    if rows + lone >= 2 and (rows or lone >= 3):
        return not _table_in_header_only(lines)
    return sum(1 for ln in lines if _ROW_WITH_LABEL.match(ln.text)) >= 2


def _table_in_header_only(lines: list[Line]) -> bool:
    """True if every table line stands above the minutes, which are numbered headings with no bar: the
    attendance laid out as a table ("Chair: | Cllr X |", "Also in attendance: | Clerk |") at the top of
    parish and town councils' and committees' minutes, whose items are plain text."""
    bars = [k for k, ln in enumerate(lines) if "|" in ln.text]
    numbered = [k for k, ln in enumerate(lines) if "|" not in ln.text and NUMBER_AND_TITLE.match(ln.text) and is_title_like(NUMBER_AND_TITLE.match(ln.text).group(2))]  # type: ignore[union-attr]
    below = [k for k in numbered if k > bars[-1]] if bars else []
    return len(below) >= 2 and len(bars) <= 12


def layout_table(lines: list[Line]) -> RawDoc:
    """Lay out a ModernGov meeting page whose item table was flattened to text rows."""
    head_end = 0
    for i, ln in enumerate(lines[:15]):
        if _TABLE_HEADER.match(ln.text):
            head_end = i + 1
    if head_end == 0:
        while head_end < len(lines) and (is_chrome(lines[head_end].text) or meta.header_meeting(lines[head_end].text)):
            head_end += 1
        # CMS pages (CMIS) print the body, then "Date: | …" rows, then the item rows: the header runs to
        # the first row opening with an item number
        first_row = next((i for i, ln in enumerate(lines[:20]) if _numbered_row(ln.text)), None)
        if first_row is not None and first_row > head_end and any(meta.is_date_field(_ROW_END.sub("", ln.text)) for ln in lines[:first_row]):
            head_end = first_row
        # a heading naming the meeting, its date line and its venue above the table's first row (parish
        # and town councils' minutes kept as a table): the header, when one of them gives the date
        first_cell = next((i for i, ln in enumerate(lines[:8]) if "|" in ln.text), None)
        above = lines[head_end:first_cell] if first_cell else []
        if above and all(len(ln.text.split()) <= 12 for ln in above) and any(meta.parse_date(ln.text) for ln in above):
            head_end = first_cell  # type: ignore[assignment]
    doc = RawDoc("meeting", head=[_ROW_END.sub("", ln.text) for ln in lines[:head_end] if not _TABLE_HEADER.match(ln.text)])
    row_start = True
    current: RawItem | None = None
    pending: list[Line] = []
    body = lines[head_end:]
    carried: str | None = None  # a number cell alone on its line ("4 |"): the title cell follows
    barless = not any("|" in ln.text for ln in body)  # rows flattened one to a line with no cell bars at all
    for i, ln in enumerate(body):
        text = ln.text
        if _ONLY_PIPES.match(text) or _TABLE_HEADER.match(text):
            row_start = True
            continue
        ends_row = bool(_ROW_END.search(text))
        text = _ROW_END.sub("", text)
        nxt = _ROW_END.sub("", body[i + 1].text) if i + 1 < len(body) else ""
        if ends_row and ITEM_NUMBER.match(text.strip()):
            carried = item_number(text)  # a number cell alone opens a row even where the last row's bar was lost
            row_start = True
            continue
        number, carried = carried, None
        cell = _NUMBER_CELL.match(text) if row_start else None
        if cell and ITEM_NUMBER.match(cell.group(1)):
            number, text = item_number(cell.group(1)), text[cell.end() :]  # the row's number cell
        start = _row_item_start(text, nxt, row_start)
        if start is not None and not row_start and _decision_awaits_minutes(pending, text):
            start = None  # the row's "Decision:" text runs on to its "Minutes:": still the same row
        if start is None and row_start and label_of(text)[0] and doc.items:
            start = ("", text)  # a row whose title cell is empty: an item with no title
        if start is not None:
            if current is not None:
                current.blocks = lines_to_blocks(pending)
            title, rest = start
            numbered = NUMBER_AND_TITLE.match(title) if number is None else None
            if numbered:  # "1. Attendance |": the number and title in one cell (parish minutes kept as a table)
                number, title = item_number(numbered.group(1)), clean_title(numbered.group(2))
            current = RawItem(title, number)
            doc.items.append(current)
            pending = _split_labels(rest, ln.gap)
        elif text:
            pending.extend(_split_labels(text, ln.gap))
        row_start = ends_row or barless
    if current is not None:
        current.blocks = lines_to_blocks(pending)
        last = body[-1].text if body else ""
        if not current.blocks and not _ROW_END.search(last) and len(doc.items) > 1:
            doc.items.pop()  # a title cut off by the end of the excerpt
    elif pending:
        doc.items.append(RawItem("", None, lines_to_blocks(pending)))
    _drop_column_headings(doc)
    _join_action_cells(doc)
    return doc


def _drop_column_headings(doc: RawDoc) -> None:
    """Drop the table's own column headings ("Subject |", "Minute |", "Action |", one to a line): two or
    more one-word rows with nothing under them before the first row with text (minutes kept as a
    three-column table by parish councils; ModernGov's "No. | Item" is matched whole instead)."""
    k = 0
    while k < len(doc.items) - 1 and not doc.items[k].blocks and len(doc.items[k].title.split()) == 1 and doc.items[k].number is None:
        k += 1
    if k >= 2:
        del doc.items[:k]


def _join_action_cells(doc: RawDoc) -> None:
    """Rows of a table kept one cell to a line ("4. Playing field |" / "The Clerk reported … |" /
    "Clerk |", the subject, minute and action columns of parish councils' minutes): an unnumbered row
    right after a numbered title with nothing under it is that title's minute, and a short unnumbered
    row with nothing under it before the next numbered one is who acts on it; both join the numbered
    row instead of standing as items."""
    if sum(1 for it in doc.items if it.number) < 2:
        return
    kept: list[RawItem] = []
    for k, it in enumerate(doc.items):
        nxt = doc.items[k + 1] if k + 1 < len(doc.items) else None
        if kept and kept[-1].number and not it.number and it.title:
            if not kept[-1].blocks:
                kept[-1].blocks = [Block(it.title, PARA), *it.blocks]
                continue
            if not it.blocks and len(it.title.split()) <= 3 and (nxt is None or nxt.number):
                last = kept[-1].blocks[-1]  # the action cell ends the row's minute, not a passage of its own
                kept[-1].blocks[-1] = Block(f"{last.text} {it.title}", last.kind, last.gap, last.marker)
                continue
        kept.append(it)
    doc.items[:] = kept


def _numbered_row(text: str) -> bool:
    """A row opening with its number cell: "1 | Apologies for Absence", "4 |"."""
    cell = _NUMBER_CELL.match(text) or re.match(r"^([^|\s]{1,12})\s*\|\s*$", text)
    return bool(cell and ITEM_NUMBER.match(cell.group(1)))


def _decision_awaits_minutes(pending: list[Line], text: str) -> bool:
    """True if the row so far has a "Decision:" and no "Minutes:", and ``text`` brings its "Minutes:"."""
    labels = {label_of(ln.text)[0] for ln in pending}
    found = _INLINE_LABEL.search(text)
    return LABEL_DECISION in labels and LABEL_MINUTES not in labels and bool(found) and text[found.end():].lstrip().lower().startswith("minutes")


def _row_item_start(text: str, nxt: str, row_start: bool) -> tuple[str, str] | None:
    """If ``text`` begins a table row's item, return (title, the rest of the line)."""
    if not text or label_of(text)[0]:
        return None
    m = _INLINE_LABEL.search(text)
    if m is None and not row_start and not label_of(nxt)[0]:
        return None
    prefix = text[: m.start()] if m else text
    title, blurb = split_title_blurb(prefix.strip())
    if not title:
        return None
    if not is_title_like(title, strict=False) and not (m and row_start and len(title.split()) <= 30 and title[0].isupper()):
        return None  # a row's first cell before "Minutes:" is its title even when it reads as a sentence
    rest = (blurb + " " + text[m.start() :]) if m else blurb
    return title, rest.strip()


def _split_labels(text: str, gap: int) -> list[Line]:
    """Put each inline label ("… text Minutes: more") on a line of its own."""
    parts = [p.strip() for p in _INLINE_LABEL.split(text) if p.strip()]
    return [Line(p, 0, gap if k == 0 else 0) for k, p in enumerate(parts)]


# --- a printed agenda flattened onto one line (PDF text) -------------------------------

_AGENDA_WORD = re.compile(r"\bAGENDA\b")
_ENTRY = re.compile(r"(?:(?<=\s)|^)(\d{1,2})\.\s+(?=[A-Z])")
_PAGE_RANGE = re.compile(r"^\d{1,3}$")
_FIELD = re.compile(r"\s(?=(?:DATE|TIME|VENUE|PLACE)\s*:)")
# PDF text of a spaced-out heading: "A G E N D A", "M I N U T E S".
_LETTER_SPACED = re.compile(r"(?<![\w.])(?:[A-Z] ){3,}[A-Z](?![\w.])")
# The stamp a report pack prints at the top of each report's pages ("Agenda Item 3"): a running header.
_ITEM_STAMP = re.compile(r"\s*\bAgenda\s+Item\s+\d{1,3}\b.*$", re.S)
_PRINTED_HEAD = re.compile(r"\b(?:minutes?|record)\s+of\s+.{0,200}?\bheld\b", re.I)


def layout_agenda_pack(lines: list[Line]) -> RawDoc | None:
    """Lay out an agenda (or printed minutes) whose numbered list was flattened onto one long line.

    PDF text saved by document sites runs a whole cover page, agenda and minutes together:
    "… A G E N D A 1. Apologies for Absence To receive … 2. MINUTES The minutes …". Entries
    are the numbers 1., 2., 3., … in order after the word AGENDA; None if there are not three.
    """
    for idx, ln in enumerate(lines):
        text = ln.text
        if len(text) < 200:
            continue
        if "AGENDA" not in text:
            if "A G E N D A" not in text:
                continue
            text = _LETTER_SPACED.sub(lambda m: m.group().replace(" ", ""), text)
        a = _AGENDA_WORD.search(text)
        if not a:
            continue
        entries = _sequential_entries(text, a.end())
        if len(entries) < 3 and not (len(entries) == 2 and idx == len(lines) - 1):
            continue
        head = [x.text for x in lines[:idx]] + [p.strip() for p in _FIELD.split(text[: a.start()]) if p.strip()]
        printed = any(_PRINTED_HEAD.search(h) for h in head)
        doc = RawDoc("printed_minutes" if printed else "agenda_only", head=head)
        for k, (num, start) in enumerate(entries):
            last = k + 1 == len(entries)
            end = entries[k + 1][1] if not last else len(text)
            chunk = text[start:end]
            chunk = chunk[chunk.index(".") + 1 :].strip()
            title, rest = _pack_title(chunk) if _is_upper_word(chunk.split()[0]) else _mixed_title(chunk)
            if not title:
                continue
            tail = [Line(rest)] if rest else []
            if last:
                tail += lines[idx + 1 :]
                if not tail and k:
                    continue  # the excerpt ends on this title: cut off, not an item
            doc.items.append(RawItem(title, num, lines_to_blocks(tail)))
        return doc
    return None


def _mixed_title(chunk: str) -> tuple[str, str]:
    """Split "Apologies for Absence To receive …" (a title in mixed case) into title and rest."""
    title, rest = split_title_blurb(chunk)
    stamp = _ITEM_STAMP.search(title)
    if stamp:  # "Date of Next Meeting Agenda Item 3 MINUTES of …": the next report's pages begin
        title, rest = title[: stamp.start()].strip(), f"{title[stamp.start():].strip()} {rest}".strip()
    return title, rest


def _sequential_entries(text: str, pos: int) -> list[tuple[str, int]]:
    """Numbered entries 1., 2., 3., … in order after ``pos`` (start offsets)."""
    found: list[tuple[str, int]] = []
    want = 1
    for m in _ENTRY.finditer(text, pos):
        if int(m.group(1)) == want:
            found.append((m.group(1), m.start()))
            want += 1
    return found


def _pack_title(chunk: str) -> tuple[str, str]:
    """Split "TITLE 11 - 20 MORE Report of …" into its upper-case title and the rest."""
    words = chunk.split()
    title: list[str] = []
    after_range: list[str] = []
    i = 0
    in_range = False
    while i < len(words):
        w = words[i]
        if _PAGE_RANGE.match(w) and i + 2 < len(words) and words[i + 1] in "-–" and _PAGE_RANGE.match(words[i + 2]):
            in_range = True
            i += 3
            continue
        if not _is_upper_word(w):
            break
        (after_range if in_range else title).append(w)
        i += 1
    # A title wrapped around its page-number column keeps a word or three after the range;
    # a longer upper-case run there is other text (a list of districts, a heading).
    if after_range and len(after_range) <= 3:
        title += after_range
        rest = words[i:]
    else:
        rest = after_range + words[i:]
    return clean_title(" ".join(title)), " ".join(rest)


def _is_upper_word(w: str) -> bool:
    letters = [c for c in w if c.isalpha()]
    return (not letters and not w.isdigit()) or (bool(letters) and all(c.isupper() for c in letters))


__all__ = ["is_table_flattened", "layout_table", "layout_agenda_pack"]


# PDF text kept in its layout ("pdftotext -layout"): printed minutes set as a table whose header row names
# the columns ("Minute   Subject   Decision", "Item No.   Title   Minutes"), each cell wrapped within its
# column. District and parish councils' printed minutes; the header row is the cue, so other text pays
# one search.
_COLUMN_HEADER = re.compile(
    r"^[ \t]*(?:Minute(?:\s+No\.?)?|Item(?:\s+No\.?)?|No\.?|Ref\.?|Agenda\s+Item)[ \t]{3,}"
    r"(?:Subject|Title|Item|Business|Matter)[ \t]{3,}(?:Decisions?|Minutes?|Resolutions?|Discussion|Notes|Action)[ \t]*$",
    re.I | re.M,
)
# the cue: the second column's heading after a run of spaces (substring tests, no scan of the text per character)
_COLUMN_CUES = tuple(f"   {w}" for word in ("Subject", "Title", "Item", "Business", "Matter") for w in (word, word.upper()))


def unfold_columns(text: str) -> str:
    """Rewrite a layout-preserving table of minutes as numbered headings, each followed by its minute.

    Returns ``text`` unchanged when it has no column header row. Each row starts where the first
    column has text; a cell's wrapped lines are joined; the row becomes "<number> <title>" over its
    last column's text, as printed minutes without a table read.
    """
    if not any(cue in text for cue in _COLUMN_CUES):
        return text
    m = _COLUMN_HEADER.search(text)
    if m is None:
        return text
    header = m.group().rstrip()
    cuts = [w.start() for w in re.finditer(r"(?<!\S)\S+(?:\s\S+)*", header)]  # where each column's heading starts
    if len(cuts) != 3:
        return text
    rows: list[list[list[str]]] = []
    tail: list[str] = []
    for raw in text[m.end() :].split("\n"):
        if not raw.strip():
            continue
        cells = [raw[a:b].strip() for a, b in zip(cuts, cuts[1:] + [len(raw) + 1])]
        if raw[: cuts[0]].strip() or (cells[0] and " " in cells[0] and not ITEM_NUMBER.match(cells[0])):
            tail.append(raw)  # text outside the table (a footer, a closing line) ends it
            break
        if cells[0]:
            if not ITEM_NUMBER.match(cells[0]):
                return text  # not a table of numbered minutes
            rows.append([[c] if c else [] for c in cells])
        elif rows:
            for k, c in enumerate(cells):
                if c:
                    rows[-1][k].append(c)
        else:
            return text
    if len(rows) < 2:
        return text
    rest = text[m.end() :].split("\n")
    after = rest[rest.index(tail[0]) :] if tail else []
    body = [f"{' '.join(r[0])} {' '.join(r[1])}\n{' '.join(r[2])}\n" for r in rows]
    return text[: m.start()] + "\n".join(body) + ("\n" + "\n".join(after) if after else "")
