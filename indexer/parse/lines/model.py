"""The CRF over lines (python-crfsuite): train on labelled documents, tag a document's lines."""

from __future__ import annotations

import threading
from pathlib import Path

import pycrfsuite

from ..text import Line
from . import MODEL_PATH  # the committed model (make train-lines)
from .features import doc_features


#: Training parameters: L1 keeps the model small, L2 smooths; fixed so training is reproducible.
PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 200, "feature.possible_transitions": True}


def train(docs: list[tuple[list[Line], list[str], list[str]]], path: Path, params: dict | None = None) -> Path:
    """Train a model on (lines, labels, rules' labels) documents and write it to ``path``."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for lines, labels, rules in docs:
        if lines:
            trainer.append(doc_features(lines, rules), labels)
    trainer.set_params({**PARAMS, **(params or {})})
    path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(path))
    return path


class LineTagger:
    """A trained model, opened once; :meth:`tag` labels the lines of a document."""

    def __init__(self, path: Path = MODEL_PATH) -> None:
        self.path = path
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(path))

    def tag(self, lines: list[Line], rules: list[str]) -> list[str]:
        """One label a line, given the label the rules imply for each."""
        if not lines:
            return []
        return list(self._tagger.tag(doc_features(lines, rules)))

    def features(self) -> list[str]:
        """Every feature name the model holds (to check that no document text is in it)."""
        info = self._tagger.info()
        return sorted({name for (name, _label) in info.state_features})


_LOCAL = threading.local()


def tagger(path: Path = MODEL_PATH) -> LineTagger:
    """The tagger of the model at ``path``, opened once per thread (a CRFsuite tagger holds the
    sequence it is tagging, so threads must not share one)."""
    cache = _LOCAL.__dict__.setdefault("taggers", {})
    if path not in cache:
        cache[path] = LineTagger(path)
    return cache[path]


__all__ = ["MODEL_PATH", "PARAMS", "train", "LineTagger", "tagger"]
