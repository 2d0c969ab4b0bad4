"""Labelled lines → :class:`..ir.RawDoc`, the record structure the rule layout also produces.

Only the numbering rules that are simply true stay here: a number alone on a line is the
number of the title that follows; "5. Title" splits into number and title.
"""

from __future__ import annotations

import re

from .. import meta
from ...model import Meeting
from ..blocks import lines_to_blocks
from ..ir import LABEL, RawDoc, RawItem
from ..text import Line
from ..titles import NUMBER_AND_TITLE, clean_title, item_number
from .labels import DROPPED, HEAD_LABELS, HEADER_BODY, HEADER_DATE, ITEM_NUMBER, ITEM_TITLE


# "A1Declarations of interest": PDF text that lost the tab between a minute code and its title.
_GLUED = re.compile(r"^([A-Z]{1,3}\d{1,3}|\d{1,3}(?:/\d{2,4}))(?=[A-Z][a-z])")
# Codes before a title that the model found on a title line: "2307.08 …" (year-month and minute,
# parish councils), "23/045 …", "C048/23 …"; a number is digits with at most three separators.
_CODE = re.compile(r"^((?:[A-Z]{1,4}[./-]?)?\d{1,4}(?:[./-]\d{1,4}){0,2}[.)]?)(?:\s*[-–—:])?\s+(?=[A-Z(\"']|\d{1,2}[.)]\s)")


_AGENDA_NUMBER = re.compile(r"^\d{1,2}[.)]\s+(?=[A-Z(\"'])")


def split_glued(text: str) -> tuple[str | None, str]:
    """(number, title) of a title line whose number is glued to its first word or stands before it
    in a shape the rules' patterns lack, else (None, title)."""
    title = clean_title(text)
    m = _GLUED.match(title) or _CODE.match(title)
    if not m:
        return None, title
    rest = _AGENDA_NUMBER.sub("", title[m.end() :])  # "C054/23 7. Title": the minute's reference, then the agenda's number
    return m.group(1).rstrip(".)"), clean_title(rest)


_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
# Where a heading naming the body goes on to say when it met: ", 14 Dec 1999", " held on Monday, …", " - 5 June".
_WHEN = re.compile(
    rf"(?:[,–—-]\s*|\s+)(?:held\b|on\s+(?:[A-Z][a-z]+day\b|\d)|[A-Z][a-z]+day\b,?\s+\d|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}\b|{_MONTHS}\s+\d).*$"
)
_MINUTES_OF = re.compile(r"^(?:(?:draft\s+|confirmed\s+)?minutes|record)\s+of\s+(?:the\s+|a\s+)?", re.I)


def body_name(line: str) -> str | None:
    """The body a header line names, without the "Minutes of" before it or the date after it
    ("Minutes of Harrowdene Parish Council 22 November 2023" → "Harrowdene Parish Council")."""
    name = _WHEN.sub("", _MINUTES_OF.sub("", line.strip()))
    return meta.clean_committee(name) if name else None


def assemble_lines(lines: list[Line], labels: list[str], kind: str = "meeting") -> RawDoc:
    """Build a :class:`RawDoc` from ``lines`` tagged with ``labels`` (one label a line)."""
    doc = RawDoc(kind)
    head: list[tuple[str, str]] = []
    current: RawItem | None = None
    body: list[Line] = []
    pending_number: str | None = None

    def close() -> None:
        blocks = lines_to_blocks(body)
        if current is not None:
            current.blocks = blocks
            doc.items.append(current)
        elif any(b.kind != LABEL for b in blocks):
            doc.items.append(RawItem("", None, [b for b in blocks if b.kind != LABEL]))  # the preamble

    for ln, label in zip(lines, labels):
        if label in DROPPED:
            continue
        if label == ITEM_NUMBER:
            pending_number = item_number(ln.text)
            continue
        if label == ITEM_TITLE:
            close()
            number, title = pending_number, clean_title(ln.text)
            m = NUMBER_AND_TITLE.match(title)
            if m:
                number, title = number or item_number(m.group(1)), clean_title(m.group(2))
            else:
                glued, title = split_glued(title)
                number = number or glued
            current, body, pending_number = RawItem(title, number), [], None
            continue
        if pending_number is not None:  # a number not followed by a title was text after all
            body.append(Line(pending_number, 0, ln.gap))
            pending_number = None
        if label in HEAD_LABELS and current is None and not body:
            head.append((label, ln.text))
            continue
        body.append(ln)
    close()
    # the lines the model says name the body or date go first: meeting_from_head takes the first evidence
    ranked = [t for lab, t in head if lab in (HEADER_BODY, HEADER_DATE)] + [t for lab, t in head if lab not in (HEADER_BODY, HEADER_DATE)]
    doc.head = ranked
    committee, date = meta.meeting_from_head(ranked)
    if committee is None:
        names = [body_name(t) for lab, t in head if lab == HEADER_BODY]
        committee = next((n for n in names if n), None)
    if date is None:
        date = next((d for d in (meta.parse_date(t) for lab, t in head if lab == HEADER_DATE) if d), None)
    doc.meeting = Meeting(committee=committee, date=date)
    return doc


__all__ = ["assemble_lines"]
