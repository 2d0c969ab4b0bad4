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
    text = text or ""
    if not text.isascii():  # str.translate with a dict is slow: only for the lines that need it
        text = text.translate(_FOLD)
    return " ".join(text.split()).casefold()


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


def _title_keys(text: str) -> tuple[str, ...]:
    """The folded titles a line could hold: as printed, without its number, without a glued code."""
    if len(text) > 400:
        return ()  # a paragraph, not a title line
    return (fold(_title_of(text)[1]), fold(clean_title(text)), fold(split_glued(text)[1]))


def _heading_sized(line: str, committee: str) -> bool:
    """A line that names the body as a heading does, not a sentence that mentions it."""
    return len(line.split()) <= len(committee.split()) + 12 and not re.search(r"[a-z]{3}\.$", line)  # "… at 7.00 pm." ends a heading too


def derive_labels(lines: list[Line], gold: dict[str, Any]) -> tuple[list[str], int]:
    """Return (one label a line, gold items not found on any line)."""
    labels = [""] * len(lines)
    cursor = 0
    missing = 0
    items = gold.get("items", [])
    folded = [fold(ln.text) for ln in lines] if items else []
    keys: dict[int, tuple[str, ...]] = {}  # title keys, worked out only for lines holding a title's words

    def holds(i: int, want: str) -> bool:
        if want not in folded[i]:
            return False
        if i not in keys:
            keys[i] = _title_keys(lines[i].text)
        return want in keys[i]

    for g in items:
        want = fold(g["title"])
        found = next((i for i in range(cursor, len(lines)) if holds(i, want)), None)
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
    seen_text = False  # a line of text before the first item: the header has ended
    for i, ln in enumerate(lines):
        t = ln.text
        if labels[i] in (ITEM_TITLE, L_NUMBER):
            open_item = labels[i] == ITEM_TITLE
            continue
        if labels[i]:
            continue
        if len(t) > 300 and i > first:  # a paragraph: minutes text, unless it opens with a label or a decision
            labels[i] = MINUTES_LABEL if label_of(t)[0] else RESOLUTION_LEAD if _DECISION.match(t) else BODY
            open_item = False
            continue
        if is_residue_line(t) or is_residue_line(strip_bullet(t)[1].strip() or t) or PAGE_TYPE.match(t) and i > first:
            labels[i] = RESIDUE
        elif _PAGE_NUMBER.match(t) and not ITEM_NUMBER.match(t):
            labels[i] = PAGE_NUMBER
        elif reps[i] >= 2 and i > first and (meta.header_meeting(t) or meta.is_committee_line(t)):
            labels[i] = RUNNING_HEADER
        elif label_of(t)[0]:
            labels[i] = MINUTES_LABEL
            open_item = False
        elif _DECISION.match(t):
            labels[i] = RESOLUTION_LEAD
            open_item = False
        elif i < first:
            # the header is the block at the top: lines up to the last naming the body or date, and
            # chrome (venue, contact, notes) until the first line of text
            top = i < last_head or not seen_text and bool(CHROME.match(t) or PAGE_TYPE.match(t))
            labels[i] = HEADER if top else BODY
            seen_text = seen_text or (not top and i > last_head)
        elif open_item and is_blurb(t):
            labels[i] = BLURB
        else:
            labels[i] = BODY
            open_item = False
    return labels, missing


__all__ = ["derive_labels", "fold"]
