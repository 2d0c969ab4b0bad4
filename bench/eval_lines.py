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
from indexer.parse.lines import MODEL_USE, PARTS

FOLDS = 5
FIELDS = ("meeting_date", "committee", "title_precision", "title_recall", "item_number", "resolution_count",
          "speaker_role_f1", "crashes", "no_record")
#: The variants scored per file: the rules alone, the model for both parts, for one part each, and the
#: parser as wired (:data:`indexer.parse.lines.MODEL_USE`, with the committed model).
VARIANTS = {"rules": frozenset(), "model": PARTS, "items": frozenset({"items"}), "meeting": frozenset({"meeting"})}


def _evaluate(path: Path, gold: dict[str, Any], part: str, parts: frozenset[str], model: Path) -> dict[str, Any]:
    use = {kind: parts for kind in KINDS}
    return evaluate_file(path, gold, part, parse=lambda p, source: parse_file(p, source, use=use, model=model))


def _score(path: Path, gold: dict[str, Any], part: str, model: Path) -> dict[str, Any]:
    try:
        kind = parse_file(path, source=path.name, use={}).kind
    except Exception:
        kind = "crash"
    row: dict[str, Any] = {"part": part, "kind": kind, "file": path.name}
    for name, parts in VARIANTS.items():
        row[name] = _evaluate(path, gold, part, parts, model)
    row["wired"] = evaluate_file(path, gold, part)
    return row


def compare(realworld: Path, test: bool = True) -> dict[str, Any]:
    """Per file: each variant's result and the rules' kind, for both parts."""
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
                rows.append(_score(realworld / name, labels[name], "dev", model))
        model = train_model(list(dev_docs.values()) + invented, Path(tmp) / "all.crfsuite")
        for name in sorted(n for n in labels if test and split.get(n, ("test", ""))[0] != "dev"):
            rows.append(_score(realworld / name, labels[name], "test", model))
    return {"rows": rows, "seconds": time.perf_counter() - t0, "dev_trained": len(dev_docs), "invented": len(invented)}


def hybrid(rows: list[dict[str, Any]], kinds: frozenset[str], variant: str = "model") -> dict[str, Any]:
    """Scores when ``variant`` lays out ``kinds`` and the rules the rest."""
    return summarise([r[variant] if r["kind"] in kinds else r["rules"] for r in rows])


def _cells(h: dict[str, Any], base: dict[str, Any]) -> list[str]:
    cells = []
    for key in FIELDS:
        d = h[key] - base[key]
        cells.append("0" if abs(d) < 1e-9 else (f"{d:+d}" if key in ("crashes", "no_record") else f"{100 * d:+.1f}"))
    return cells


def report(result: dict[str, Any]) -> str:
    rows = result["rows"]
    lines = ["# Rules versus line model", ""]
    lines.append(
        f"Line model trained per fold on {result['dev_trained']} development files whose gold titles sit on lines "
        f"(cross-validated by body, {FOLDS} folds) plus {result['invented']} invented documents; the test part is "
        f"scored with a model trained on all of them (as `make train-lines` does). Wired: "
        f"`{dict(sorted((k, sorted(v)) for k, v in MODEL_USE.items()))}`. {result['seconds']:.0f} s."
    )
    lines.append("")
    cols = {}
    parts = [p for p in ("dev", "test") if any(r["part"] == p for r in rows)]
    for part in parts:
        sub = [r for r in rows if r["part"] == part]
        cv = " (CV)" if part == "dev" else ""
        cols[f"{part}: rules"] = summarise([r["rules"] for r in sub])
        cols[f"{part}: model{cv}"] = summarise([r["model"] for r in sub])
        cols[f"{part}: wired"] = summarise([r["wired"] for r in sub])
    lines.append("| Field | " + " | ".join(cols) + " |")
    lines.append("|---|" + "---|" * len(cols))
    for key in FIELDS:
        lines.append(f"| {key} | " + " | ".join(_fmt(key, c[key]) for c in cols.values()) + " |")
    lines.append("")
    lines.append("'model' takes items and meeting from the model for every kind; 'wired' is the parser as committed "
                 "(the committed model, so on dev it has seen the file's body: only test is a fair score for it).")
    lines.append("")
    lines.append("Per kind (as the rules classify it) and part taken from the model, rules on the rest: change against rules alone.")
    lines.append("")
    kinds = sorted({r["kind"] for r in rows})
    for part in parts:
        sub = [r for r in rows if r["part"] == part]
        base = summarise([r["rules"] for r in sub])
        lines.append(f"**{part}**")
        lines.append("")
        lines.append("| Kind (files) | model for | " + " | ".join(FIELDS) + " |")
        lines.append("|---|---|" + "---|" * len(FIELDS))
        for kind in kinds:
            n = sum(1 for r in sub if r["kind"] == kind)
            if not n:
                continue
            for variant in ("model", "items", "meeting"):
                h = hybrid(sub, frozenset({kind}), variant)
                lines.append(f"| {kind} ({n}) | {variant if variant != 'model' else 'both'} | " + " | ".join(_cells(h, base)) + " |")
        lines.append("")
    return "\n".join(lines)


__all__ = ["compare", "hybrid", "report", "FOLDS", "VARIANTS"]
