"""Rules versus the line labeller (:mod:`indexer.parse.lines`), field by field (``eval_parser --line-model``).

* Development part: cross-validated by body. The development bodies are dealt into :data:`FOLDS`
  folds; each fold's files are parsed with a model trained on the other folds (plus the invented
  documents), so no file is labelled by a model that saw its body.
* Test part: parsed with a model trained on the whole development part plus the invented documents
  (what ``make train-lines`` commits). Only scores are shown, never a test file's misses.
* Per kind: the parser may use the model only for the document kinds the rules recognise (meeting
  page, agenda item, printed minutes, agenda only, issue history…). For each kind the table gives
  the scores when the model lays out that kind alone and the rules the rest, so the kinds where the
  model wins can be chosen (:data:`indexer.parse.lines.MODEL_KINDS`).
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Any

from bench.eval_parser import _fmt, evaluate_file, load_labels, summarise
from bench.train_lines import dev_documents, invented_documents, load_split_bodies, train_model
from indexer.model import KINDS
from indexer.parse import parse_file

FOLDS = 5
FIELDS = ("meeting_date", "committee", "title_precision", "title_recall", "item_number", "resolution_count",
          "speaker_role_f1", "crashes", "no_record")
ALL_KINDS = frozenset(KINDS)


def _evaluate(path: Path, gold: dict[str, Any], part: str, model: Path | None) -> dict[str, Any]:
    if model is None:
        return evaluate_file(path, gold, part)
    return evaluate_file(path, gold, part, parse=lambda p, source: parse_file(p, source, kinds=ALL_KINDS, model=model))


def _rules_kind(path: Path) -> str:
    try:
        return parse_file(path, source=path.name).kind
    except Exception:
        return "crash"


def compare(realworld: Path, test: bool = True) -> dict[str, Any]:
    """Per file: rules result, model result and the rules' kind, for both parts."""
    labels = load_labels(realworld) or {}
    split = load_split_bodies()
    dev_docs, bodies = dev_documents(realworld)
    invented = list(invented_documents().values())
    body_list = sorted(set(bodies.values()))
    fold_of = {b: k % FOLDS for k, b in enumerate(body_list)}
    rows: list[dict[str, Any]] = []
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(FOLDS):
            train = [d for n, d in dev_docs.items() if fold_of[bodies[n]] != k] + invented
            model = train_model(train, Path(tmp) / f"fold{k}.crfsuite")
            for name in sorted(n for n in bodies if fold_of[bodies[n]] == k):
                path = realworld / name
                rows.append({"part": "dev", "kind": _rules_kind(path), "rules": _evaluate(path, labels[name], "dev", None),
                             "model": _evaluate(path, labels[name], "dev", model)})
        model = train_model(list(dev_docs.values()) + invented, Path(tmp) / "all.crfsuite")
        for name in sorted(n for n in labels if test and split.get(n, ("test", ""))[0] != "dev"):
            path = realworld / name
            rows.append({"part": "test", "kind": _rules_kind(path), "rules": _evaluate(path, labels[name], "test", None),
                         "model": _evaluate(path, labels[name], "test", model)})
    return {"rows": rows, "seconds": time.perf_counter() - t0, "dev_trained": len(dev_docs), "invented": len(invented)}


def hybrid(rows: list[dict[str, Any]], kinds: frozenset[str]) -> dict[str, Any]:
    """Scores when the model lays out ``kinds`` and the rules the rest."""
    return summarise([r["model"] if r["kind"] in kinds else r["rules"] for r in rows])


def report(result: dict[str, Any]) -> str:
    rows = result["rows"]
    lines = ["# Rules versus line model", ""]
    lines.append(
        f"Line model trained per fold on {result['dev_trained']} derivable development files (cross-validated by body, "
        f"{FOLDS} folds) plus {result['invented']} invented documents; test part scored with a model trained on all of them. "
        f"{result['seconds']:.0f} s."
    )
    lines.append("")
    cols = {}
    parts = [p for p in ("dev", "test") if any(r["part"] == p for r in rows)]
    for part in parts:
        sub = [r for r in rows if r["part"] == part]
        cols[f"{part}: rules"] = summarise([r["rules"] for r in sub])
        cols[f"{part}: model" + (" (CV)" if part == "dev" else "")] = hybrid(sub, ALL_KINDS)
    lines.append("| Field | " + " | ".join(cols) + " |")
    lines.append("|---|" + "---|" * len(cols))
    for key in FIELDS:
        lines.append(f"| {key} | " + " | ".join(_fmt(key, c[key]) for c in cols.values()) + " |")
    lines.append("")
    lines.append("Model on one kind (as the rules classify it), rules on the rest: change against rules alone.")
    lines.append("")
    kinds = sorted({r["kind"] for r in rows})
    for part in parts:
        sub = [r for r in rows if r["part"] == part]
        base = summarise([r["rules"] for r in sub])
        lines.append(f"**{part}**")
        lines.append("")
        lines.append("| Kind (files) | " + " | ".join(FIELDS) + " |")
        lines.append("|---|" + "---|" * len(FIELDS))
        for kind in kinds:
            n = sum(1 for r in sub if r["kind"] == kind)
            if not n:
                continue
            h = hybrid(sub, frozenset({kind}))
            cells = []
            for key in FIELDS:
                d = h[key] - base[key]
                cells.append("0" if abs(d) < 1e-9 else (f"{d:+d}" if key in ("crashes", "no_record") else f"{100 * d:+.1f}"))
            lines.append(f"| {kind} ({n}) | " + " | ".join(cells) + " |")
        lines.append("")
    return "\n".join(lines)


__all__ = ["compare", "hybrid", "report", "FOLDS"]
