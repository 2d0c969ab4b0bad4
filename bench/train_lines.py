"""Train the line labeller (:mod:`indexer.parse.lines`) and show its derived training labels.

Usage::

    python -m bench.train_lines [--realworld DIR] [--out indexer/parse/lines/lines.crfsuite]
    python -m bench.train_lines --show FILE      # a development file's lines with their derived labels

Training documents, all read at run time (nothing derived from the real excerpts is written
to the repository except the model, whose features are shapes and a fixed vocabulary):

* the development part of ``DIR`` (``bench/parser_split.json``), labels derived from the gold items
  (:func:`indexer.parse.lines.derive.derive_labels`); a file where some gold title is on no line is left out;
* the invented held-out documents in ``tests/data/parse/heldout`` (text ones), derived the same way;
* the invented documents of :mod:`bench.lines_synthetic`.

Test-part files are never read here.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from bench.eval_parser import DEFAULT_HELDOUT, DEFAULT_REALWORLD, SPLIT_FILE, load_labels
from indexer.parse.layout import layout_text
from indexer.parse.lines import MODEL_PATH, rule_labels
from indexer.parse.lines.derive import derive_labels
from indexer.parse.lines.segment import segment
from indexer.parse.text import Line, decode, normalise
from indexer.parse import sniff

Doc = tuple[list[Line], list[str], list[str]]  # lines, labels, the rules' labels


def load_split_bodies(path: Path = SPLIT_FILE) -> dict[str, tuple[str, str]]:
    """File name -> (part, body)."""
    files = json.loads(path.read_text(encoding="utf-8"))["files"]
    return {n: (e["part"], e["body"]) for n, e in files.items()}


def text_of(path: Path) -> str | None:
    """The normalised text of a text file (None for HTML and PDF, which the line model does not read)."""
    data = path.read_bytes()
    if sniff(data, path.name) != "text":
        return None
    return normalise(decode(data))


def derived(folder: Path, names: list[str], labels: dict[str, dict[str, Any]]) -> dict[str, Doc]:
    """Derived training documents for ``names`` of ``folder`` (files with a missed gold title left out)."""
    out: dict[str, Doc] = {}
    for name in names:
        text = text_of(folder / name)
        if text is None:
            continue
        lines = segment(text)
        tags, missing = derive_labels(lines, labels[name])
        if missing == 0 and lines:
            out[name] = (lines, tags, rules_of(text, lines))
    return out


def rules_of(text: str, lines: list[Line]) -> list[str]:
    """The labels the rule layout implies for ``lines`` of ``text`` (a feature of the model)."""
    return rule_labels(lines, layout_text(text))


def dev_documents(realworld: Path) -> tuple[dict[str, Doc], dict[str, str]]:
    """Derived documents of the development part and each one's body."""
    labels = load_labels(realworld) or {}
    split = load_split_bodies()
    dev = sorted(n for n in labels if split.get(n, ("test", ""))[0] == "dev")
    return derived(realworld, dev, labels), {n: split[n][1] for n in dev}


def invented_documents(heldout: Path = DEFAULT_HELDOUT) -> dict[str, Doc]:
    """The invented held-out documents and synthetic documents, labelled."""
    from bench.lines_synthetic import synthetic_documents

    labels = load_labels(heldout) or {}
    out = derived(heldout, sorted(labels), labels)
    out.update(synthetic_documents())
    return out


def train_model(docs: list[Doc], out: Path) -> Path:
    from indexer.parse.lines.model import train

    return train(docs, out)


def show(realworld: Path, name: str) -> int:
    part = load_split_bodies().get(name, ("test", ""))[0]
    if part != "dev":
        print(f"train_lines: {name} is not a development file; its lines are not shown")
        return 1
    labels = load_labels(realworld) or {}
    text = text_of(realworld / name)
    if text is None:
        print("train_lines: not a text file")
        return 1
    lines = segment(text)
    tags, missing = derive_labels(lines, labels[name])
    for ln, tag, rule in zip(lines, tags, rules_of(text, lines)):
        print(f"{tag:16} {'' if rule == tag else rule:16} |{ln.text[:100]}")
    print(f"-- {missing} gold item(s) not found")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--realworld", type=Path, default=DEFAULT_REALWORLD)
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    ap.add_argument("--show", metavar="FILE", help="print a development file's lines with their derived labels")
    ap.add_argument("--invented-only", action="store_true", help="train on the invented documents only")
    args = ap.parse_args(argv)
    if args.show:
        return show(args.realworld, args.show)
    docs = invented_documents()
    n_dev = 0
    if not args.invented_only and load_labels(args.realworld) is not None:
        dev, _ = dev_documents(args.realworld)
        n_dev = len(dev)
        docs.update(dev)
    train_model(list(docs.values()), args.out)
    lines = sum(len(d[0]) for d in docs.values())
    print(f"train_lines: {len(docs)} documents ({n_dev} development, {len(docs) - n_dev} invented), {lines} lines -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
