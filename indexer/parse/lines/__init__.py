"""Flattened text and PDF text → labelled lines → :class:`..ir.RawDoc`: a sequence labeller over lines.

The stages, one module each, as GROBID's line models:

* :mod:`.segment` – text to lines (the rules' segmentation, so both paths see the same lines);
* :mod:`.features` – layout, shape and a fixed structural vocabulary per line, with its neighbours';
* :mod:`.model` – a CRF (python-crfsuite) tags each line with one of :data:`.labels.LABELS`;
* :mod:`.assemble` – labelled lines to the items, head and meeting the rule layout also gives;
* :mod:`.derive` – training labels from a document's gold items (``bench/train_lines.py``).

:func:`layout_lines` is the entry point; :data:`MODEL_KINDS` says for which document kinds (as the
rules classify them) the parser uses it instead of the rules (see ``bench/train_lines.py`` for the
comparison that decided it).
"""

from __future__ import annotations

from pathlib import Path

from ..ir import RawDoc
from .assemble import assemble_lines
from .labels import LABELS

MODEL_PATH = Path(__file__).with_name("lines.crfsuite")  # the committed model (make train-lines)
from .segment import segment

#: Kinds the parser lays out with the model rather than the rules (decided on the test part).
MODEL_KINDS: frozenset[str] = frozenset()


def label_lines(text: str, model: Path | object = MODEL_PATH) -> list[tuple[str, str]]:
    """(label, line text) for each line of normalised ``text``."""
    lines = segment(text)
    t = _tagger(model)
    return list(zip(t.tag(lines), (ln.text for ln in lines)))


def layout_lines(text: str, kind: str = "meeting", model: Path | object = MODEL_PATH) -> RawDoc:
    """Lay out normalised ``text`` as a :class:`RawDoc` from the model's line labels."""
    lines = segment(text)
    t = _tagger(model)
    return assemble_lines(lines, t.tag(lines), kind)





def relayout(raw: RawDoc, text: str, kinds: frozenset[str] | None = None, model: Path | object = MODEL_PATH) -> RawDoc:
    """The model's layout of ``text`` when the rules' layout ``raw`` is of a kind in ``kinds``
    (default :data:`MODEL_KINDS`), else ``raw``. The rules' kind and warnings are kept."""
    if raw.kind not in (MODEL_KINDS if kinds is None else kinds):
        return raw
    doc = layout_lines(text, raw.kind, model)
    doc.warnings.extend(raw.warnings)
    return doc

__all__ = ["LABELS", "MODEL_KINDS", "MODEL_PATH", "label_lines", "layout_lines", "relayout"]


def _tagger(model: Path | object):
    """A tagger for ``model`` (a path, opened once per process, or an open tagger); imports
    python-crfsuite only when a model is used."""
    if isinstance(model, Path):
        from .model import tagger

        return tagger(model)
    return model
