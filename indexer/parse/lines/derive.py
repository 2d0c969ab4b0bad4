"""Training labels for a document's lines, derived from its gold labels (items, committee, date).

The gold says which items a document has (number and title), which body met and when; it does
not say which line is which. :func:`derive_labels` finds each gold title on a line, in order,
marks the number line above it, marks the header lines that hold the gold committee or date,
and labels the remaining lines with the rules that are simply true of them (a "Minutes:" label,
a "RESOLVED" lead, link residue, page numbers, a heading repeated on every page, a blurb
between a title and its minutes). Review the result with ``bench/train_lines.py --show FILE``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from .. import meta
from ..blocks import CHROME, PAGE_TYPE, is_residue_line, label_of
from ..text import Line, strip_bullet
from ..titles import ITEM_NUMBER, NUMBER_AND_TITLE, clean_title, is_blurb, item_number
from .assemble import split_glued
from .features import _DECISION, _PAGE_NUMBER
from .labels import (
    BLURB, BODY, HEADER, HEADER_BODY, HEADER_DATE, ITEM_NUMBER as L_NUMBER, ITEM_TITLE, MINUTES_LABEL,
    PAGE_NUMBER, RESIDUE, RESOLUTION_LEAD, RUNNING_HEADER,
)
from .segment import repeats

_FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})


def fold(text: str | None) -> str:
    """Case, space and dash folding, as the evaluation compares titles."""
    return " ".join((text or "").translate(_FOLD).split()).casefold()


def _fold_committee(name: str | None) -> str:
    n = fold(name).replace("&", " and ")
    n = re.sub(r"\([^)]*\)\s*$", "", n)
    n = re.sub(r"^the\s+", "", n)
    return " ".join(re.sub(r"[^\w\s]", " ", n).split())


def _title_of(text: str) -> tuple[str | None, str]:
    """(number, title) of a title line, with or without a number in front."""
    t = clean_title(text)
    m = NUMBER_AND_TITLE.match(t)
    if m:
        return item_number(m.group(1)), clean_title(m.group(2))
    return None, t


def _heading_sized(line: str, committee: str) -> bool:
    """A line that names the body as a heading does, not a sentence that mentions it."""
    return len(line.split()) <= len(committee.split()) + 12 and not re.search(r"[a-z]{2}\.$", line)


def derive_labels(lines: list[Line], gold: dict[str, Any]) -> tuple[list[str], int]:
    """Return (one label a line, gold items not found on any line)."""
    labels = [""] * len(lines)
    cursor = 0
    missing = 0
    for g in gold.get("items", []):
        want = fold(g["title"])
        found = None
        for i in range(cursor, len(lines)):
            number, title = _title_of(lines[i].text)
            if fold(title) == want or fold(clean_title(lines[i].text)) == want or fold(split_glued(lines[i].text)[1]) == want:
                found = i
                break
        if found is None:
            missing += 1
            continue
        labels[found] = ITEM_TITLE
        if found and ITEM_NUMBER.match(lines[found - 1].text) and labels[found - 1] == "":
            if g.get("number") and item_number(lines[found - 1].text) == g["number"]:
                labels[found - 1] = L_NUMBER
        cursor = found + 1
    first = next((i for i, lab in enumerate(labels) if lab), len(lines))
    date = dt.date.fromisoformat(gold["meeting_date"]) if gold.get("meeting_date") else None
    committee = _fold_committee(gold.get("committee"))
    last_head = -1
    for i in range(first):
        t = lines[i].text
        if committee and committee in _fold_committee(t) and _heading_sized(t, committee):
            labels[i], last_head = HEADER_BODY, i
        elif date and meta.parse_date(t) == date:
            labels[i], last_head = HEADER_DATE, i
    reps = repeats(lines)
    open_item = False  # between a title and its first minutes text: where blurbs sit
    for i, ln in enumerate(lines):
        t = ln.text
        if labels[i] in (ITEM_TITLE, L_NUMBER):
            open_item = labels[i] == ITEM_TITLE
            continue
        if labels[i]:
            continue
        if is_residue_line(t) or is_residue_line(strip_bullet(t)[1].strip() or t) or PAGE_TYPE.match(t) and i > first:
            labels[i] = RESIDUE
        elif _PAGE_NUMBER.match(t) and not ITEM_NUMBER.match(t):
            labels[i] = PAGE_NUMBER
        elif reps[i] >= 2 and i > first and (meta.header_meeting(t) or meta.is_committee_line(t)):
            labels[i] = RUNNING_HEADER
        elif i < first:
            labels[i] = HEADER if i < last_head or CHROME.match(t) or PAGE_TYPE.match(t) else BODY
        elif label_of(t)[0]:
            labels[i] = MINUTES_LABEL
            open_item = False
        elif _DECISION.match(t):
            labels[i] = RESOLUTION_LEAD
            open_item = False
        elif open_item and is_blurb(t):
            labels[i] = BLURB
        else:
            labels[i] = BODY
            open_item = False
    return labels, missing


__all__ = ["derive_labels", "fold"]
