"""Measure the parser against the gold labels of the real-world excerpts.

Usage::

    python -m bench.eval_parser [--realworld DIR] [--heldout DIR] [--out-dir bench/results]
                                [--misses] [--update-ratchet]

Parses every file listed in ``DIR/labels.json`` through the same code path as
``minutes parse --json`` (:func:`indexer.parse.parse_file` then
:func:`indexer.model.item_record`) and compares it with the labels.

The protocol
------------
* The labelled files are split once, by body, into a development part and a test part
  (``bench/parser_split.json``; all files of one council or panel on the same side). Rules and
  models are developed against the development part only; a file the split does not list
  (a new or kept-back excerpt) counts as test.
* The report prints both parts' scores. Only the development part's misses are ever shown
  (``--misses``, to the terminal, and always to the git-ignored ``bench/work/parser-dev-misses.md``): the test part is
  scored, not read.
* ``bench/parser_ratchet.json`` holds the test part's last recorded scores. The exit status
  is 1 on any crash or when a test-part score falls below its ratchet, 0 otherwise (and 0,
  with a message, when DIR does not exist). ``--update-ratchet`` records the current scores,
  and refuses to lower any.
* The issue's targets are shown beside the scores; missing one is reported, not an error.

The committed report (``parser-eval.md`` / ``.json`` in the output directory) holds scores and
per-file counts only, never the excerpts' text or the names in them.

The report has a second section for the held-out set (``tests/data/parse/heldout``:
documents written for this project in other councils' styles). It is scored the same way
but does not decide the exit status.

Field definitions
-----------------
* meeting date: exact ISO date match; null == null counts as a match.
* committee: match after folding case and whitespace, "&" to "and", and dropping a
  leading "The", a parenthetical suffix ("(Statutory Joint Committee)") and punctuation;
  null == null counts as a match.
* item titles: precision and recall over all files (micro), titles compared after folding
  case and whitespace; an item the parser could not title (empty title, e.g. text before
  the first item) is not a title prediction.
* item numbers: over every gold item, the number of the predicted item with the same title
  must equal the gold number exactly (null == null); a gold item not found is a miss.
* resolution count: per file, total decisions over all items equals the gold count.
* speaker roles: micro F1 over files of the sets of roles speaking in each file.
* crashes: files on which parsing raised any exception (ParseError included).
* no record: files that parsed without an exception but gave no item at all.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import traceback
from collections import Counter
from pathlib import Path
from typing import Any

from indexer.model import item_record
from indexer.parse import parse_file

REPO = Path(__file__).resolve().parent.parent
DEFAULT_REALWORLD = (REPO / ".." / "shared" / "realworld").resolve()
DEFAULT_HELDOUT = REPO / "tests" / "data" / "parse" / "heldout"
SPLIT_FILE = REPO / "bench" / "parser_split.json"
RATCHET_FILE = REPO / "bench" / "parser_ratchet.json"

TARGETS = {
    "crashes": 0,
    "no_record": 0,
    "meeting_date": 0.98,
    "committee": 0.95,
    "title_precision": 0.95,
    "title_recall": 0.95,
    "item_number": 0.95,
    "resolution_count": 0.90,
    "speaker_role_f1": 0.90,
}


# Typographic variants a labeller may or may not have typed as printed.
_FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})


def norm_title(title: str | None) -> str:
    return " ".join((title or "").translate(_FOLD).split()).casefold()


def norm_committee(name: str | None) -> str | None:
    if not name:
        return None
    n = name.casefold().replace("&", " and ")
    n = re.sub(r"\([^)]*\)\s*$", "", n.strip())
    n = re.sub(r"^the\s+", "", n.strip())
    n = re.sub(r"[^\w\s]", " ", n)
    return " ".join(n.split()) or None


def load_split(path: Path = SPLIT_FILE) -> dict[str, str]:
    """File name -> "dev" or "test", as recorded in ``path``."""
    files = json.loads(path.read_text(encoding="utf-8"))["files"]
    return {name: entry["part"] for name, entry in files.items()}


def part_of(name: str, split: dict[str, str]) -> str:
    """The part a labelled file belongs to: a file the split does not list is unseen, so test."""
    return split.get(name, "test")


def evaluate_file(path: Path, gold: dict[str, Any], part: str = "test", parse: Any = parse_file) -> dict[str, Any]:
    """Parse one file (with ``parse``, default the parser) and compare it with its gold labels."""
    out: dict[str, Any] = {"file": path.name, "part": part}
    try:
        doc = parse(path, source=path.name)
    except Exception as exc:  # a crash is a result here, not a reason to stop
        out["crash"] = f"{type(exc).__name__}: {exc}"
        out["traceback"] = traceback.format_exc(limit=3)
        return out
    records = [item_record(doc, it) for it in doc.items]
    dates = Counter(r["meeting_date"] for r in records)
    committees = Counter(r["committee"] for r in records)
    date = dates.most_common(1)[0][0] if records else (doc.meeting.date.isoformat() if doc.meeting.date else None)
    committee = committees.most_common(1)[0][0] if records else doc.meeting.committee
    out["kind"] = doc.kind
    out["meeting_date"] = date
    out["committee"] = committee
    out["items"] = [{"number": r["item_number"], "title": r["item_title"]} for r in records if r["item_title"]]
    out["resolutions"] = sum(len(r["resolutions"]) for r in records)
    out["speaker_roles"] = sorted({role for r in records for role in r["speaker_roles"]})
    out["speaker_names"] = sorted({n for r in records for n in r["speaker_names"]})
    out["passages"] = sum(len(r["passages"]) for r in records)
    out["no_record"] = not records

    out["date_ok"] = date == gold.get("meeting_date")
    out["committee_ok"] = norm_committee(committee) == norm_committee(gold.get("committee"))
    out["kind_ok"] = doc.kind == gold.get("kind")
    pred_titles = Counter(norm_title(i["title"]) for i in out["items"])
    gold_titles = Counter(norm_title(i["title"]) for i in gold.get("items", []))
    out["title_tp"] = sum((pred_titles & gold_titles).values())
    out["title_pred"] = sum(pred_titles.values())
    out["title_gold"] = sum(gold_titles.values())
    by_title: dict[str, list[str | None]] = {}
    for i in out["items"]:
        by_title.setdefault(norm_title(i["title"]), []).append(i["number"])
    numbers_ok = 0
    for g in gold.get("items", []):
        candidates = by_title.get(norm_title(g["title"]), [])
        if g["number"] in candidates:
            numbers_ok += 1
            candidates.remove(g["number"])
    out["number_ok"] = numbers_ok
    out["resolutions_ok"] = out["resolutions"] == gold.get("resolutions")
    gold_roles = set(gold.get("speaker_roles", []))
    pred_roles = set(out["speaker_roles"])
    out["role_tp"] = len(gold_roles & pred_roles)
    out["role_fp"] = len(pred_roles - gold_roles)
    out["role_fn"] = len(gold_roles - pred_roles)
    gold_names = set(gold.get("speaker_names", []))
    pred_names = set(out["speaker_names"])
    out["name_tp"], out["name_fp"], out["name_fn"] = (
        len(gold_names & pred_names),
        len(pred_names - gold_names),
        len(gold_names - pred_names),
    )
    out["misses"] = _misses(out, gold)
    return out


def load_labels(folder: Path) -> dict[str, dict[str, Any]] | None:
    """The gold labels of ``folder`` (``labels.json``: {"schema": 1, "files": {name: gold}}), or None."""
    path = folder / "labels.json"
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))["files"]


def evaluate_folder(folder: Path, split: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """Evaluate every labelled file of ``folder`` in name order, each tagged with its part."""
    labels = load_labels(folder) or {}
    return [evaluate_file(folder / name, labels[name], part_of(name, split or {})) for name in sorted(labels)]


def _misses(out: dict[str, Any], gold: dict[str, Any]) -> list[str]:
    misses = []
    if not out["date_ok"]:
        misses.append(f"date: got {out['meeting_date']}, want {gold.get('meeting_date')}")
    if not out["committee_ok"]:
        misses.append(f"committee: got {out['committee']!r}, want {gold.get('committee')!r}")
    pred = Counter(norm_title(i["title"]) for i in out["items"])
    want = Counter(norm_title(i["title"]) for i in gold.get("items", []))
    for t in (pred - want).elements():
        misses.append(f"title not in gold: {t!r}")
    for t in (want - pred).elements():
        misses.append(f"title missed: {t!r}")
    got_numbers = {norm_title(i["title"]): i["number"] for i in out["items"]}
    for g in gold.get("items", []):
        t = norm_title(g["title"])
        if t in got_numbers and got_numbers[t] != g["number"]:
            misses.append(f"number of {g['title']!r}: got {got_numbers[t]!r}, want {g['number']!r}")
    if not out["resolutions_ok"]:
        misses.append(f"resolutions: got {out['resolutions']}, want {gold.get('resolutions')}")
    pred_roles, gold_roles = set(out["speaker_roles"]), set(gold.get("speaker_roles", []))
    if pred_roles != gold_roles:
        extra, missing = sorted(pred_roles - gold_roles), sorted(gold_roles - pred_roles)
        misses.append(f"speaker roles: extra {extra}, missing {missing}")
    if not out["kind_ok"]:
        misses.append(f"kind (informational): got {out['kind']}, want {gold.get('kind')}")
    return misses


def summarise(results: list[dict[str, Any]]) -> dict[str, Any]:
    """Aggregate per-file results into the per-field scores."""
    ok = [r for r in results if "crash" not in r]
    n = len(results)

    def rate(key: str) -> float:
        return sum(1 for r in ok if r[key]) / n if n else 0.0

    tp = sum(r["title_tp"] for r in ok)
    pred = sum(r["title_pred"] for r in ok)
    gold = sum(r.get("title_gold", 0) for r in ok) + sum(r.get("title_gold", 0) for r in results if "crash" in r)
    gold_items = sum(r["title_gold"] for r in ok)
    rtp = sum(r["role_tp"] for r in ok)
    rfp = sum(r["role_fp"] for r in ok)
    rfn = sum(r["role_fn"] for r in ok)
    ntp = sum(r["name_tp"] for r in ok)
    nfp = sum(r["name_fp"] for r in ok)
    nfn = sum(r["name_fn"] for r in ok)
    return {
        "files": n,
        "crashes": n - len(ok),
        "no_record": sum(1 for r in ok if r["no_record"]),
        "meeting_date": rate("date_ok"),
        "committee": rate("committee_ok"),
        "title_precision": tp / pred if pred else 0.0,
        "title_recall": tp / gold if gold else 0.0,
        "item_number": sum(r["number_ok"] for r in ok) / gold_items if gold_items else 0.0,
        "resolution_count": rate("resolutions_ok"),
        "speaker_role_f1": _f1(rtp, rfp, rfn),
        "speaker_role_precision": rtp / (rtp + rfp) if rtp + rfp else 0.0,
        "speaker_role_recall": rtp / (rtp + rfn) if rtp + rfn else 0.0,
        "speaker_name_f1": _f1(ntp, nfp, nfn),
        "kind": rate("kind_ok"),
        "passages": sum(r["passages"] for r in ok),
        "gold_items": gold_items,
    }


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0


_COUNTS = ("crashes", "no_record")  # lower is better; every other scored field: higher is better


def failures(summary: dict[str, Any]) -> list[str]:
    """The issue's targets that ``summary`` misses."""
    out = []
    for key, target in TARGETS.items():
        value = summary[key]
        if key in _COUNTS:
            if value > target:
                out.append(f"{key}: {value} (target {target})")
        elif value < target:
            out.append(f"{key}: {value:.3f} (target {target})")
    return out


def load_ratchet(path: Path = RATCHET_FILE) -> dict[str, float]:
    """The test part's last recorded scores ({} when none are recorded)."""
    if not path.is_file():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))["test"]


def regressions(summary: dict[str, Any], ratchet: dict[str, float]) -> list[str]:
    """Scores of ``summary`` worse than their ratchet (a tiny tolerance absorbs float noise)."""
    out = []
    for key, floor in ratchet.items():
        value = summary[key]
        worse = value > floor if key in _COUNTS else value < floor - 1e-9
        if worse:
            out.append(f"{key}: {value:.4g} (recorded {floor:.4g})")
    return out


def update_ratchet(summary: dict[str, Any], path: Path = RATCHET_FILE) -> list[str]:
    """Record ``summary`` as the new ratchet; refuse (return the regressions) if any score is worse."""
    old = load_ratchet(path)
    worse = regressions(summary, old)
    if worse:
        return worse
    keys = list(TARGETS)
    payload = {
        "about": "Test-part parser scores that make eval must not fall below (bench/eval_parser.py --update-ratchet).",
        "test": {k: summary[k] for k in keys},
    }
    path.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    return []


_ROWS = [
    ("Meeting date exact match", "meeting_date", "≥ 98 %"),
    ("Committee match", "committee", "≥ 95 %"),
    ("Item title precision", "title_precision", "≥ 95 %"),
    ("Item title recall", "title_recall", "≥ 95 %"),
    ("Item number exact match", "item_number", "≥ 95 %"),
    ("Resolution count exact match", "resolution_count", "≥ 90 %"),
    ("Speaker-role F1 (micro)", "speaker_role_f1", "≥ 0.90"),
    ("Crashes", "crashes", "0"),
    ("Files without a record", "no_record", "0"),
    ("Speaker-role precision (info)", "speaker_role_precision", ""),
    ("Speaker-role recall (info)", "speaker_role_recall", ""),
    ("Speaker-name F1 (info)", "speaker_name_f1", ""),
    ("Document kind (info)", "kind", ""),
]


def _fmt(key: str, value: float | None) -> str:
    if value is None:
        return ""
    if key in _COUNTS:
        return str(value)
    if key.endswith("f1") or key.endswith("precision") and key.startswith("speaker") or key.endswith("recall") and key.startswith("speaker"):
        return f"{value:.3f}"
    return f"{100 * value:.1f} %"


def _table(summaries: dict[str, dict[str, Any]]) -> list[str]:
    cols = list(summaries)
    lines = ["| Field | " + " | ".join(cols) + " | Target |"]
    lines.append("|---|" + "---|" * len(cols) + "---|")
    for label, key, target in _ROWS:
        vals = " | ".join(_fmt(key, summaries[c][key]) for c in cols)
        lines.append(f"| {label} | {vals} | {target} |")
    return lines


def _miss_lines(results: list[dict[str, Any]]) -> list[str]:
    lines = []
    for r in results:
        if "crash" in r:
            lines.append(f"- `{r['file']}`: CRASH {r['crash']}")
        elif r["misses"]:
            lines.append(f"- `{r['file']}`: " + "; ".join(r["misses"]))
    return lines or ["None."]


def render_markdown(
    summaries: dict[str, dict[str, Any]],
    elapsed: float,
    ratchet: dict[str, float],
    heldout: tuple[dict[str, Any], list[dict[str, Any]]] | None = None,
) -> str:
    """The committed report: scores only for the real excerpts (their text stays out of the repository)."""
    lines = ["# Parser evaluation", ""]
    lines.append(
        f"{summaries['all']['files']} labelled real-world excerpts ({summaries['dev']['files']} development, "
        f"{summaries['test']['files']} test, split by body in `bench/parser_split.json`), "
        f"{summaries['all']['gold_items']} gold items, {summaries['all']['passages']} passages parsed in "
        f"{elapsed:.2f} s. Field definitions and the protocol: `bench/eval_parser.py`."
    )
    lines.append("")
    cols = dict(summaries)
    if ratchet:
        cols["test: recorded"] = {key: ratchet.get(key) for _, key, _ in _ROWS}
    lines += _table(cols)
    lines.append("")
    fails = failures(summaries["test"])
    lines.append("**Test part meets every target.**" if not fails else "**Test part below target:** " + "; ".join(fails))
    worse = regressions(summaries["test"], ratchet)
    if worse:
        lines.append("")
        lines.append("**Test part below its recorded scores:** " + "; ".join(worse))
    lines.append("")
    if heldout is not None:
        summary, held = heldout
        lines.append("## Held-out set")
        lines.append("")
        lines.append(
            f"{summary['files']} documents in other councils' styles written for this project "
            f"(`tests/data/parse/heldout`), {summary['gold_items']} gold items; scored the same way, "
            "not part of the exit status."
        )
        lines.append("")
        lines += _table({"all": summary})
        lines.append("")
        lines.append("### Held-out misses per file")
        lines.append("")
        lines += _miss_lines(held)
        lines.append("")
    return "\n".join(lines)


# Per-file fields safe to commit: counts and verdicts, never a title, name or other text of an excerpt.
_PUBLIC_FIELDS = (
    "file", "part", "crash", "kind", "meeting_date", "date_ok", "committee_ok", "kind_ok", "no_record",
    "title_tp", "title_pred", "title_gold", "number_ok", "resolutions", "resolutions_ok",
    "role_tp", "role_fp", "role_fn", "name_tp", "name_fp", "name_fn", "passages",
)


def public(result: dict[str, Any]) -> dict[str, Any]:
    """``result`` without the excerpt's text (titles, names, committee, misses)."""
    out = {k: result[k] for k in _PUBLIC_FIELDS if k in result}
    if "crash" in out:
        out["crash"] = out["crash"].split(":", 1)[0]  # the exception's type; its message may quote the text
    return out


def synthetic_meeting(items: int = 300) -> bytes:
    """A large meeting page in the crawler-text format: ``items`` numbered copies of the body of
    the seed agenda item (tests/data/parse/seed_001.txt), so passage lengths are realistic."""
    seed = (REPO / "tests" / "data" / "parse" / "seed_001.txt").read_text(encoding="utf-8")
    lines = seed.split("\n")
    body = "\n".join(lines[3:])  # after "Agenda item" and the title
    head = "Agenda and minutes\n\nWestshire Police and Crime Panel - Friday, 26th January, 2018 10.00 am\n\nItems\nNo. Item\n"
    parts = [head] + [f"\n{k}.\n\nPolice and Crime Plan Delivery - Quarter {k}\n\n{body}\n" for k in range(1, items + 1)]
    return "".join(parts).encode("utf-8")


def measure_speed(repeats: int = 3) -> dict[str, Any]:
    """Parse the synthetic meeting page; return passages per second of CPU time (best of ``repeats``)."""
    from indexer.parse import parse_bytes

    data = synthetic_meeting()
    best = float("inf")
    passages = 0
    for _ in range(repeats):
        t0 = time.process_time()
        doc = parse_bytes(data, "synthetic.txt")
        best = min(best, time.process_time() - t0)
        passages = sum(len(i.passages) for i in doc.items)
    return {"bytes": len(data), "passages": passages, "cpu_seconds": round(best, 3), "passages_per_second": round(passages / best)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--realworld", type=Path, default=DEFAULT_REALWORLD, help="folder with labels.json and the excerpts")
    ap.add_argument("--heldout", type=Path, default=DEFAULT_HELDOUT, help="held-out folder with labels.json (reported, not a target)")
    ap.add_argument("--no-heldout", action="store_true", help="skip the held-out section")
    ap.add_argument("--out-dir", type=Path, default=REPO / "bench" / "results", help="where to write parser-eval.*")
    ap.add_argument("--split-file", type=Path, default=SPLIT_FILE, help="the recorded dev/test split")
    ap.add_argument("--ratchet", type=Path, default=RATCHET_FILE, help="the test part's recorded scores")
    ap.add_argument("--update-ratchet", action="store_true", help="record the test part's scores (never lowers one)")
    ap.add_argument("--misses", action="store_true", help="print the development part's misses per file")
    ap.add_argument("--quiet", action="store_true", help="print only the summary lines")
    ap.add_argument("--speed", action="store_true", help="also measure parse speed on a large synthetic file")
    ap.add_argument("--line-model", action="store_true", help="compare the rules with the line labeller (bench/eval_lines.py)")
    ap.add_argument("--dev-only", action="store_true", help="with --line-model: the development part only (while developing)")
    args = ap.parse_args(argv)
    if args.line_model:
        from bench.eval_lines import compare, report

        if load_labels(args.realworld) is None:
            print(f"eval_parser: {args.realworld / 'labels.json'} not found; nothing to compare")
            return 0
        text = report(compare(args.realworld, test=not args.dev_only))
        args.out_dir.mkdir(parents=True, exist_ok=True)
        (args.out_dir / "parser-lines.md").write_text(text + "\n", encoding="utf-8")
        print(text)
        return 0
    if args.speed:
        speed = measure_speed()
        print(
            f"eval_parser: parse speed {speed['passages_per_second']} passages/s "
            f"({speed['passages']} passages, {speed['bytes'] // 1024} KB, {speed['cpu_seconds']} s CPU, one core)"
        )
    if load_labels(args.realworld) is None:
        print(f"eval_parser: {args.realworld / 'labels.json'} not found; skipping the parser evaluation")
        return 0
    split = load_split(args.split_file)
    t0 = time.perf_counter()
    results = evaluate_folder(args.realworld, split)
    elapsed = time.perf_counter() - t0
    summaries = {"all": summarise(results)}
    for part in ("dev", "test"):
        summaries[part] = summarise([r for r in results if r["part"] == part])
    heldout = None
    if not args.no_heldout and load_labels(args.heldout) is not None:
        held = evaluate_folder(args.heldout)
        heldout = (summarise(held), held)
    ratchet = load_ratchet(args.ratchet)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    md = render_markdown(summaries, elapsed, ratchet, heldout)
    (args.out_dir / "parser-eval.md").write_text(md, encoding="utf-8")
    payload: dict[str, Any] = {
        "summary": summaries, "targets": TARGETS, "ratchet": ratchet,
        "files": [public(r) for r in results], "seconds": round(elapsed, 3),
    }
    if heldout is not None:
        payload["heldout"] = {"summary": heldout[0], "files": heldout[1]}
    (args.out_dir / "parser-eval.json").write_text(json.dumps(payload, indent=1, default=str) + "\n", encoding="utf-8")
    dev_misses = "\n".join(["# Development part: misses per file", ""] + _miss_lines([r for r in results if r["part"] == "dev"]))
    work = args.out_dir.parent / "work"  # git-ignored beside the results: bench/work by default
    work.mkdir(parents=True, exist_ok=True)
    (work / "parser-dev-misses.md").write_text(dev_misses + "\n", encoding="utf-8")
    if not args.quiet:
        print(md)
        if args.misses:
            print(dev_misses)
    if args.update_ratchet:
        refused = update_ratchet(summaries["test"], args.ratchet)
        if refused:
            print("eval_parser: ratchet not updated; the test part is worse on: " + "; ".join(refused))
            return 1
        print(f"eval_parser: recorded the test part's scores in {args.ratchet}")
        ratchet = load_ratchet(args.ratchet)
    fails = failures(summaries["test"])
    print("eval_parser: test part " + ("meets every target" if not fails else "below target: " + "; ".join(fails)))
    crashes = summaries["all"]["crashes"]
    worse = regressions(summaries["test"], ratchet)
    if crashes:
        print(f"eval_parser: FAIL: {crashes} file(s) crashed the parser")
    if worse:
        print("eval_parser: FAIL: the test part fell below its recorded scores: " + "; ".join(worse))
    return 1 if crashes or worse else 0


if __name__ == "__main__":
    sys.exit(main())
