"""Invented documents with hand-set line labels, for training the line labeller.

Every line here is made up for this project (no council's text): the shapes of printed minutes,
agenda packs and crawler text that the real excerpts show, with made-up bodies and words.
"""

from __future__ import annotations

from indexer.parse.lines.segment import segment
from indexer.parse.text import Line

# (label, line) pairs; "" lines are blank lines.
_DOCS: dict[str, list[tuple[str, str]]] = {}


def synthetic_documents() -> dict[str, tuple[list[Line], list[str]]]:
    """name -> (lines, labels), segmented the way the model sees text."""
    out = {}
    for name, pairs in _DOCS.items():
        text = "\n".join(t for _, t in pairs)
        lines = segment(text)
        wanted = [lab for lab, t in pairs if t.strip()]
        if len(lines) != len(wanted):
            raise ValueError(f"{name}: segmentation joined lines; write it unwrapped")
        out[name] = (lines, wanted)
    return out
