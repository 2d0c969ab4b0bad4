"""Flattened text and PDF text → labelled lines → :class:`..ir.RawDoc`: a sequence labeller over lines.

The stages, one module each, as GROBID's line models:

* :mod:`.segment` – text to lines (the rules' segmentation, so both paths see the same lines);
* :mod:`.features` – layout, shape and a fixed structural vocabulary per line, with its neighbours';
* :mod:`.model` – a CRF (python-crfsuite) tags each line with one of :data:`.labels.LABELS`;
* :mod:`.assemble` – labelled lines to the items, head and meeting the rule layout also gives;
* :mod:`.derive` – training labels from a document's gold items (``bench/train_lines.py``).

:func:`layout_lines` is the entry point; :func:`relayout` is the parser's hook, and :data:`MODEL_USE`
says for which document kinds (as the rules classify them) and which parts the parser uses the model
instead of the rules (``bench/eval_lines.py`` holds the comparison that decided it).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from ...model import Meeting
from ..ir import RawDoc
from .assemble import assemble_lines
from .labels import LABELS
from .segment import segment

MODEL_PATH = Path(__file__).with_name("lines.crfsuite")  # the committed model (make train-lines)

#: What the model may decide: the items (titles, numbers and the lines of each), the meeting (committee, date).
PARTS = frozenset({"items", "meeting"})

#: Document kind (as the rules classify it) -> the parts the parser takes from the model for it.
#: A part is given to the model only where it beats the rules on both the development part
#: (cross-validated by body) and the test part (``make eval-lines``, bench/results/parser-lines.md).
#: With the generalised rules (after the merge of the rules' work, the model retrained on them), it
#: beats them nowhere: equal on every field as wired before, and worse on items (test title
#: precision -1.4) and on printed minutes' committee (-1.7 on both parts). So the rules decide
#: everything, and the model costs parsing nothing.
MODEL_USE: dict[str, frozenset[str]] = {}


def label_lines(text: str, model: Path | object = MODEL_PATH) -> list[tuple[str, str]]:
    """(label, line text) for each line of normalised ``text``."""
    from .. import layout

    lines = segment(text)
    t = _tagger(model)
    return list(zip(t.tag(lines, rule_labels(lines, layout.layout_text(text))), (ln.text for ln in lines)))


#: Lines read when only the meeting (committee, date) is wanted: a header is at the top.
HEAD_LINES = 40
#: Lines read past the rules' first item when only the meeting is wanted.
HEAD_CONTEXT = 5


def layout_lines(text: str, rules: RawDoc, model: Path | object = MODEL_PATH, head_only: bool = False) -> RawDoc:
    """Lay out normalised ``text`` as a :class:`RawDoc` from the model's line labels.

    ``rules`` is the rules' layout of the same text: which line they took for a title, a number,
    the body's name or the date is one of the model's features (stacking, so the model learns where
    the rules are right), and their kind is kept. ``head_only`` labels only the top (to the rules'
    first item and :data:`HEAD_CONTEXT` lines more, at most :data:`HEAD_LINES`), for the meeting
    alone (the items of the result are then partial). Returns ``rules`` itself where the rules'
    layout stands (table rows, item markers, items not on lines of their own, issue pages).
    """
    from ..tables import is_table_flattened

    if any(it.meeting is not None for it in rules.items):
        return rules  # meetings per item (an issue history): the rules read each item's own
    if head_only:
        # With no year and no body's name above the rules' first item or in its title (where they
        # may have taken a heading for a title), there is no meeting for the model to find.
        if not _may_name_meeting(rules):
            return rules
        text = _top(text, 4 * HEAD_LINES)  # segment only the top: most of a long document's cost is in its lines
    lines = segment(text)
    if is_table_flattened(lines) or any(_AI_MARKER.match(ln.text) for ln in lines):
        # rows of a flattened table (the rules read them cell by cell) or <AI1> item markers (the
        # format itself says where items are): the rules' layout stands
        return rules
    if head_only:
        # the header ends at the rules' first item, or soon after it when they took a heading for one
        lines = lines[:HEAD_LINES]
        lines = lines[: _first_title(lines, rules) + HEAD_CONTEXT]
    implied, placed = _rule_labels(lines, rules)
    if not (placed or head_only):
        # the rules read items that are not lines of their own (a flattened page): there is no
        # line layout to relabel, so theirs stands
        return rules
    doc = assemble_lines(lines, _tagger(model).tag(lines, implied), rules.kind)
    if doc.meeting.committee is None or doc.meeting.date is None:
        committee, date = _rules_meeting(rules)
        doc.meeting = Meeting(committee=doc.meeting.committee or committee, date=doc.meeting.date or date)
    return doc


_AI_MARKER = re.compile(r"^</?AI\d+>$", re.I)

# A year, or a word naming a kind of body: a line that could name the meeting or date it.
_MEETING_WORDS = re.compile(
    r"\b(?:19|20)\d\d\b|\b(?:Panel|Committee|Sub-Committee|Board|Cabinet|Council|Forum|Commission|Assembly|"
    r"Executive|Authority|Partnership|Meeting)\b",
    re.I,
)


def _may_name_meeting(rules: RawDoc) -> bool:
    """True if a line above the rules' first item holds a year or a body's kind, or their first title
    reads as a body's name or a date (a heading they took for a title)."""
    from .. import meta

    for it in rules.items:
        if it.title:
            return bool(meta.is_committee_line(it.title) or meta.parse_date(it.title)) or _search_top(rules.head)
        if _search_top([b.text for b in it.blocks[:HEAD_LINES]]):
            return True
    return _search_top(rules.head)


def _search_top(texts: list[str]) -> bool:
    return any(_MEETING_WORDS.search(t) for t in texts if len(t) < 300)


def _first_title(lines: list, rules: RawDoc) -> int:
    """The index of the line holding the rules' first item title (len(lines) if none is there)."""
    from .derive import fold

    title = next((fold(it.title) for it in rules.items if it.title), None)
    if title:
        for i, ln in enumerate(lines):
            if title in fold(ln.text):
                return i
    return len(lines)


def _meeting_heading(raw: RawDoc) -> bool:
    """True when the rules' header holds a "Committee - Monday, 5th June, 2023" heading."""
    from .. import meta

    return any(meta.header_meeting(line) for line in raw.head)


def _top(text: str, n: int) -> str:
    """The first ``n`` lines of ``text``."""
    end = -1
    for _ in range(n):
        end = text.find("\n", end + 1)
        if end < 0:
            return text
    return text[:end]


def rule_labels(lines: list, rules: RawDoc) -> list[str]:
    """The label the rules' layout implies for each line (derived as training labels are from gold)."""
    return _rule_labels(lines, rules)[0]


def _rules_meeting(rules: RawDoc) -> tuple:
    from .. import meta

    committee, date = rules.meeting.committee, rules.meeting.date
    if committee is None or date is None:
        c, d = meta.meeting_from_head(rules.head)
        committee, date = committee or c, date or d
    return committee, date


def _rule_labels(lines: list, rules: RawDoc) -> tuple[list[str], bool]:
    """(implied labels, whether every title of the rules sits on a line of its own)."""
    from .derive import derive_labels

    committee, date = _rules_meeting(rules)
    gold = {
        "items": [{"number": it.number, "title": it.title} for it in rules.items if it.title],
        "committee": committee,
        "meeting_date": date.isoformat() if date else None,
    }
    labels, missing = derive_labels(lines, gold)
    return labels, missing == 0





def relayout(raw: RawDoc, text: str, use: Mapping[str, frozenset[str]] | None = None, model: Path | object = MODEL_PATH) -> RawDoc:
    """The rules' layout ``raw`` of ``text`` with the parts (:data:`PARTS`) that ``use`` (default
    :data:`MODEL_USE`) gives the model for ``raw``'s kind taken from the model's layout.

    "items" takes the model's items (and the head lines they leave), "meeting" its committee and date.
    The rules' kind and warnings are kept.
    """
    parts = (MODEL_USE if use is None else use).get(raw.kind, frozenset())
    if parts == {"meeting"} and _meeting_heading(raw):
        return raw  # a "Committee - date" heading: the rules read it exactly, and most pages have one
    if not parts:
        return raw
    try:
        doc = layout_lines(text, raw, model, head_only="items" not in parts)
    except (OSError, ValueError) as exc:  # a missing or damaged model file: the rules' layout loses nothing
        raw.warnings.append(f"line model not used ({type(exc).__name__}): the rules laid out this document")
        return raw
    if doc is raw:
        return raw
    if "items" not in parts:
        raw.meeting = Meeting(committee=doc.meeting.committee, date=doc.meeting.date, url=raw.meeting.url)
        return raw
    if not doc.items and raw.items:
        return raw  # the model found no item where the rules found some: no document is lost
    if "meeting" not in parts:
        committee, date = _rules_meeting(raw)
        doc.head = raw.head + [t for t in doc.head if t not in raw.head]  # keep every line's text
        doc.meeting = Meeting(committee=committee, date=date, url=raw.meeting.url)
    doc.warnings.extend(raw.warnings)
    return doc


__all__ = ["LABELS", "PARTS", "MODEL_USE", "MODEL_PATH", "label_lines", "layout_lines", "relayout"]


def _tagger(model: Path | object):
    """A tagger for ``model`` (a path, opened once per process, or an open tagger); imports
    python-crfsuite only when a model is used."""
    if isinstance(model, Path):
        from .model import tagger

        return tagger(model)
    return model
