"""Parse minute files (text, ModernGov HTML, PDF) into :mod:`indexer.model` records.

The pipeline, one module per stage:

* :mod:`.text` – decode bytes, normalise characters, split lines;
* :mod:`.html` / :mod:`.pdf` / :mod:`.layout` (+ :mod:`.tables`) – find the header and the
  agenda items of an HTML page, a PDF or crawler text, giving a :class:`.ir.RawDoc`;
* :mod:`.meta` – committee and meeting date;
* :mod:`.structure` – sections and decisions of each item;
* :mod:`.speakers` – who spoke.

:func:`parse_file` and :func:`parse_bytes` are the entry points; both raise only
:class:`indexer.errors.ParseError`.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from collections.abc import Mapping
from typing import Any

from ..errors import ParseError
from ..model import Document, Item, Meeting, Passage
from . import meta
from .blocks import lines_to_blocks
from .ir import LABEL, RawDoc, RawItem
from .layout import is_issue_page_line, layout_text
from .lines import MODEL_PATH, relayout
from .roles import build_cast, is_public_item
from .speakers import attribute
from .structure import is_bare_lead_in, is_signature, shape_item
from .text import Line, decode, normalise
from .titles import clean_title, is_title_like, output_title

SUPPORTED_SUFFIXES = frozenset({".txt", ".text", ".htm", ".html", ".pdf"})

#: Files larger than this are refused rather than parsed slowly.
MAX_BYTES = 64 * 1024 * 1024

_HTML_TAG = re.compile(rb"<(?:!doctype\s+html|html|head|body|div|p|table|tr|td|span|h[1-6]|ul|li|br|meta|title)\b", re.I)
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_LETTERS = re.compile(r"[^\W\d_]{2,}")


def parse_file(path: Path, source: str | None = None, **line_model: Any) -> Document:
    """Parse one minute file into a :class:`Document`.

    ``source`` is the name recorded for the file (defaults to ``str(path)``). Raises
    :class:`indexer.errors.ParseError` with a human reason when the file cannot be read.
    ``line_model`` (``use``, ``model``) overrides where the line labeller is used (see :func:`parse_bytes`).
    """
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ParseError(name, f"file too large ({size // (1024 * 1024)} MB)")
        data = path.read_bytes()
    except ParseError:
        raise
    except IsADirectoryError:
        raise ParseError(name, "is a directory, not a file") from None
    except FileNotFoundError:
        raise ParseError(name, "file not found") from None
    except PermissionError:
        raise ParseError(name, "permission denied") from None
    except OSError as exc:
        raise ParseError(name, f"cannot read file ({exc.strerror or exc})") from None
    return parse_bytes(data, name, source if source is not None else name, **line_model)


def parse_bytes(
    data: bytes, name: str, source: str | None = None, use: Mapping[str, frozenset[str]] | None = None, model: Any = None
) -> Document:
    """Parse the bytes of a file called ``name`` (its suffix is a hint; content decides).

    Text is laid out by the rules, then by the line labeller (:mod:`.lines`) for the kinds and parts
    ``use`` gives it (default :data:`.lines.MODEL_USE`), with ``model`` (default the committed one);
    the evaluation passes both to compare the two.
    """
    if not data.strip():
        raise ParseError(name, "empty file")
    if len(data) > MAX_BYTES:
        raise ParseError(name, f"file too large ({len(data) // (1024 * 1024)} MB)")
    kind = sniff(data, name)
    try:
        if kind == "pdf":
            from .pdf import layout_pdf

            raw = layout_pdf(data, name)
        elif kind == "html":
            from .html import layout_html

            raw = layout_html(data)
        elif kind == "binary":
            raise ParseError(name, "not a text, HTML or PDF file (binary data)")
        else:
            text = normalise(decode(data))
            raw = relayout(layout_text(text), text, use, model or MODEL_PATH)
        return assemble(raw, source if source is not None else name, name)
    except ParseError:
        raise
    except RecursionError:
        raise ParseError(name, "document too deeply nested to parse") from None
    except Exception as exc:  # a safety net: a parser bug must never reach the user as a traceback
        raise ParseError(name, f"could not be parsed ({type(exc).__name__}: {exc})") from exc


def sniff(data: bytes, name: str) -> str:
    """Return "pdf", "html", "text" or "binary", by content first and suffix second."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
        return "pdf"
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "html" if b"<\x00h\x00t\x00m\x00l" in data[:4096].lower() else "text"
    sample = data[:65536]
    if re.match(rb"\s*<(?:!doctype\s+html|html\b|\?xml)", head, re.I) or len(_HTML_TAG.findall(sample)) >= 3:
        return "html"
    if _CONTROL_BYTES.search(data[:8192]) and len(_CONTROL_BYTES.findall(data[:8192])) > max(2, len(data[:8192]) // 100):
        return "binary"
    suffix = Path(name).suffix.lower()
    if suffix in (".htm", ".html") and b"<" in sample:
        return "html"
    return "text"


def assemble(raw: RawDoc, source: str, name: str | None = None) -> Document:
    """Turn a laid-out document into the :class:`Document` the index stores."""
    texts = raw.head + [b.text for it in raw.items for b in it.blocks if b.kind != LABEL]
    if not any(_LETTERS.search(t) for t in texts + [it.title for it in raw.items]):
        raise ParseError(name or source, "no minutes text found")
    committee, date = raw.meeting.committee, raw.meeting.date
    kind = raw.kind
    guessed: list[str] = []
    if (committee is None or date is None) and kind != "issue_history":
        # an issue history spans meetings: each item carries its own
        c, d = meta.meeting_from_head(raw.head)
        committee, date = committee or c, date or d
        first = raw.items[0] if raw.items else None
        if first is not None and _titled_header(first, date):
            # the header's first line read as an unnumbered item's title ("<Body>" or "<BODY> <date> at 10am"
            # over its date and venue lines, numbered minutes below): the header all the same, no item
            c, d = meta.meeting_from_head(raw.head + [first.title] + [b.text for b in first.blocks[:12] if b.kind != LABEL])
            committee, date = committee or c, date or d
            first.title = ""
        heading = _printed_heading(first) if first is not None and not first.title else None
        if (committee is None or date is None) and first is not None and not first.title and (len(raw.items) > 1 or heading):
            # the header walk stopped early (a bilingual "Cofnodion / Minutes" line, a "Sederunt" list):
            # the lines before the first numbered item are the header all the same (Welsh, Scottish and
            # Northern Irish printed minutes, parish minutes)
            c, d = meta.meeting_from_head(raw.head + [b.text for b in first.blocks[:12] if b.kind != LABEL] + [heading or ""])
            committee, date = committee or c, date or d
        if date is None and first is not None and not first.title and len(raw.items) == 1 and first.blocks:
            # a document read as one text (PDF text run on in one line): its opening words are its header
            # ("CABINET 10.00 am on Wednesday 8 June 2016 MEETING PAPERS …"), a date there with its weekday,
            # time or "held on" the meeting's
            # (not an item's opening sentence: "To approve … the minutes of the meeting held on <date>")
            opening = first.blocks[0].text[:120]
            date = None if _MINUTES_WORD.search(opening) else _header_date(opening)
        if (committee is None or date is None) and first is not None:
            # an agenda pack's summons letter above its agenda, the first item's text when the letter's
            # lines ran together or its address line became a title ("To: all members of the council")
            # (read as one text: the letter's sentence may be wrapped over two blocks, its date in the second)
            found = meta.summons_meeting(" ".join(b.text[:1200] for b in first.blocks[:4] if b.kind != LABEL))
            if found:
                committee, date = committee or found[0], date or found[1]
    if _is_summary_page(raw):
        kind = "other"
        if date is None:
            date = meta.summary_date(" ".join(texts))
            guessed += ["meeting_date"] if date else []
    if committee is None and (kind != "issue_history" or not any(it.meeting and it.meeting.committee for it in raw.items)):
        # (an issue page whose decisions name no meeting: one body decided them, "That Cabinet approved …")
        titles = {it.title.lower() for it in raw.items if it.title}
        committee = meta.committee_from_text(texts + [it.title for it in raw.items], titles)
        guessed += ["committee"] if committee else []
    if not raw.items:
        raw.items.append(_whole_text_item(raw.head))  # no document is lost: its text is one item
        guessed.append("items")
    cast = build_cast(texts)
    agenda_only = kind == "agenda_only"
    items: list[Item] = []
    for r in raw.items:
        shaped = shape_item(r, agenda_only)
        passages = tuple(
            p
            for p in attribute(shaped.drafts, cast, is_public_item(r.title))
            if p.text and not is_bare_lead_in(p.text) and not is_signature(p.text)
        )
        if not r.title and not passages:
            continue
        procedural = shaped.procedural or (not r.title and all(p.section == "procedural" for p in passages))
        items.append(
            Item(
                title=output_title(r.title),
                number=r.number,
                passages=passages,
                resolutions=tuple(shaped.resolutions),
                meeting=r.meeting or Meeting(),
                url=r.url,
                procedural=procedural,
            )
        )
    if not items:  # every item was empty once shaped: keep the text as one record all the same
        whole = _whole_text_item(texts)
        shaped = shape_item(whole, agenda_only)
        passages = tuple(p for p in attribute(shaped.drafts, cast, False) if p.text)
        items.append(Item(title=whole.title, number=None, passages=passages, resolutions=tuple(shaped.resolutions)))
        guessed += [] if "items" in guessed else ["items"]
    # the prose before the first item (a whole text without items is one item already)
    # (an issue page's lines above its first "Meeting:" line are its page type and the issue's name, which the
    # items' titles repeat: no prose, however much the name reads like a sentence, "Minutes of the last meeting
    # held on (date to follow)", "Request to review a street trader's consent …" - district and borough issue pages)
    issue_page = raw.kind == "issue_history" and bool(raw.head) and is_issue_page_line(raw.head[0])
    preamble = _preamble(raw.head) if "items" not in guessed and not issue_page else []
    if preamble:
        items.insert(0, Item(title="", passages=tuple(Passage(t, "procedural") for t in preamble), procedural=True))
    warnings = list(raw.warnings)
    if items and not any(it.title for it in items):
        warnings.append("no agenda items found: the text is kept as one untitled item")
        if "items" not in guessed:
            guessed.append("items")
    last = next((p.text for it in reversed(items) for p in reversed(it.passages)), "")
    if last and not re.search(r"""[.!?:;)"'\]]$""", last):
        warnings.append("the text ends mid-sentence: the file may be truncated")
    return Document(
        source=source,
        kind=kind,
        items=tuple(items),
        meeting=Meeting(committee=committee, date=date, url=raw.meeting.url),
        warnings=tuple(warnings),
        guessed=tuple(guessed),
    )


#: A sentence of the text before the first item that is prose: five lowercase words in
#: a row (not a heading, a name list or a venue).
_PROSE = re.compile(r"(?:\b[a-z]{2,}\b\W+){5}")
#: A date or a time: a sentence with one before any prose is the meeting's heading
#: ("Minutes of the meeting held at the Town Hall on Tuesday, 12 March 2024 at 10.00 am").
_WHEN = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{4}\b"
    r"|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b"
    r"|\b\d{1,2}(?:[.:]\d{2})?\s*[ap]\.?m\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b",
    re.I,
)
#: Where a sentence ends (a full stop, then a capital).
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)][.!?])\s+(?=[A-Z])")
#: Sentences are joined into passages of about this many words, the size of the passages
#: of items (a whole page as one passage would match every query).
PREAMBLE_WORDS = 40


def _preamble(head: list[str]) -> list[str]:
    """The prose of the text before the first item (notes on webcasting and public
    speaking; a whole document the parser found no items in) as passages of a few
    sentences: minutes say things there that residents search for. The heading (dated),
    venues and name lists stay out."""
    out: list[str] = []
    words = 0
    for line in head:
        for sentence in _SENTENCE_END.split(line.strip()):
            if not _PROSE.search(sentence) or (not out and _WHEN.search(sentence)):
                continue  # not prose, or the heading before it
            n = len(sentence.split())
            if out and words + n <= PREAMBLE_WORDS:
                out[-1] += " " + sentence
                words += n
            else:
                out.append(sentence)
                words = n
    return out


# Printed minutes' heading inside a run-on line: "<Body> [<Welsh heading>] Minutes of the … held …" (a
# capital opener, not "the minutes of the meeting held on …" in a sentence).
_RUN_ON_OPENER = re.compile(rf"(?<![Tt]he )\b(?-i:MINUTES?|Minutes?)\s+(?i:of)\s")
_OTHER_MEETING = re.compile(r"^\S+\s+of\s+(?:the\s+)?(?:previous|last|next)\b", re.I)


# a header line's date comes with its weekday, its time or "held on" ("<BODY> Friday 2nd July 2021 at 10am",
# "<venue> at 10.00am on Friday March 13th 2020", "MEETING HELD ON 11 SEPTEMBER 2013"), one date, not a list of meetings
_HEADER_CUE = re.compile(
    r"^(?!.*\b(?:previous|last|next)\b).*\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|held\s+on|\d(?:[.:]\d\d)?\s*[ap]\.?m\b)", re.I
)


_MINUTES_WORD = re.compile(r"\bminutes?\b", re.I)


def _header_date(line: str) -> dt.date | None:
    """The meeting's date on a header line: one date (however often written) with its weekday, its time or
    "held on" (see ``_HEADER_CUE``)."""
    dates = meta.dates_in(line) if _HEADER_CUE.search(line) else set()
    return next(iter(dates)) if len(dates) == 1 else None


def _titled_header(first: RawItem, date: dt.date | None) -> bool:
    """True when an unnumbered first item is the document's header: its title is a body's name alone, or a
    line giving the meeting's date (printed minutes whose header lines were not told apart). Not an item
    with its papers' links ("Additional documents:"), nor a line dated otherwise than the meeting ``date``
    found so far ("Confirmation of the Minutes of the Council meeting held on <an earlier date>")."""
    if first.number is not None or not first.title or any(b.kind == LABEL for b in first.blocks):
        return False
    own = meta.meeting_from_head([first.title])  # the body and date the title gives alone
    if date is not None and own[1] not in (None, date):
        return False
    if not (meta.is_committee_line(first.title) or _header_date(first.title) or None not in own):
        return False
    # (and the title with the lines below it gives the meeting's date: "<Body>" over "7th December 2010"; an
    # item called "Open Forum" over its text does not)
    return meta.meeting_from_head([first.title] + [b.text for b in first.blocks[:3] if b.kind != LABEL])[1] is not None


def _printed_heading(item: RawItem) -> str | None:
    """The printed minutes' heading ("MINUTE OF MEETING OF … held …") an untitled item's text opens with,
    after an agenda pack's item stamp at most, or that follows the body's name (and its Welsh heading) in
    the first 400 characters of a run-on line: PDF text whose lines ran together (document sites' copies
    of Welsh community councils' and national parks' minutes)."""
    first = meta.without_item_stamp(next((b.text for b in item.blocks if b.kind != LABEL), ""))
    if meta.is_printed_heading(first[:400]):
        return first[:400]
    for m in _RUN_ON_OPENER.finditer(first[:400]):
        rest = first[m.start() : m.start() + 400]
        if not _OTHER_MEETING.match(rest) and meta.is_printed_heading(rest):
            return rest
    return None


def _whole_text_item(head: list[str]) -> RawItem:
    """The item a document whose structure was not recognised becomes: all its text, titled by its
    first heading-like line when it has one."""
    title = next((clean_title(h) for h in head[:5] if is_title_like(h) and len(h.split()) <= 12), "")
    lines = [Line(h) for h in head if clean_title(h) != title or not title]
    return RawItem(title, None, lines_to_blocks(lines))


#: A header line saying the text is minutes ("Minutes of Meeting on <date>", "Minutes of the meeting at …").
_MINUTES_HEADING = re.compile(r"^(?:(?:draft|confirmed|unconfirmed|approved)\s+)?minutes?\s+of\b", re.I)


def _is_summary_page(raw: RawDoc) -> bool:
    """A web page about a body (its role, its last meeting in plain English), not minutes."""
    if raw.kind != "agenda_item" or len(raw.items) != 1 or raw.items[0].title:
        return False
    if not any(meta.is_committee_line(h) for h in raw.head) or any(
        meta.is_printed_heading(h) or meta.meeting_of_line(h) or _MINUTES_HEADING.match(h) for h in raw.head
    ):
        return False  # printed minutes name their meeting in a heading; a page about a body does not
    return not any(b.kind == LABEL for b in raw.items[0].blocks)


__all__ = ["parse_file", "parse_bytes", "sniff", "assemble", "SUPPORTED_SUFFIXES"]
