"""Text → lines: the unit the line labeller tags.

Uses the same segmentation as the rules (:func:`..text.split_lines`, then :func:`..printed.reflow`,
which drops page footers and rejoins paragraphs hard-wrapped to a page's measure), so the two paths
see the same lines and can be compared line for line.
"""

from __future__ import annotations

import re
from collections import Counter

from ..printed import reflow
from ..text import Line, split_lines

_DIGITS = re.compile(r"\d+")


def segment(text: str) -> list[Line]:
    """Split normalised ``text`` into the lines to label (blank lines counted in ``gap``)."""
    return reflow(split_lines(text))


def repeat_key(text: str) -> str:
    """A line's text with numbers masked and case folded: running headers differ only in page numbers."""
    return _DIGITS.sub("#", text.casefold())


def repeats(lines: list[Line]) -> list[int]:
    """How often each line's :func:`repeat_key` occurs in the document."""
    keys = [repeat_key(ln.text) for ln in lines]
    counts = Counter(keys)
    return [counts[k] for k in keys]


__all__ = ["segment", "repeat_key", "repeats"]
