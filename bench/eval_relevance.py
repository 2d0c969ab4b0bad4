"""Relevance on judged queries: the engine against an SQLite FTS5 BM25 baseline.

Usage::

    python -m bench.eval_relevance [--realworld DIR] [--corpus DIR] [--judgments FILE ...]
                                   [--out-dir bench/results] [--details]

The protocol
------------
* ``bench/relevance/judgments.json`` holds queries written by an assessor (topic, question,
  acronym, decision), each graded 0/1/2 per document, and split once into a ``dev`` part
  (ranking is tuned on it) and an ``aside`` part (scored, never read while tuning).
  ``bench/relevance/judgments-dev2.json`` holds more queries by a second assessor, all
  ``dev``; ``judgments-dev3.json`` a third, topic-weighted set, all ``dev``. All are scored
  in one run, as parts ``dev1`` (the dev half of the first file), ``dev2`` (the second
  file), ``dev3`` (the third) and ``aside``; ``dev`` is the dev parts together.
  Documents are named ``realworld/<file>`` (the excerpts in ``../shared/realworld/``) and
  ``corpus/<relative path>`` (the bundled ``corpus/``).
* At run time both folders are linked into a temporary corpus (the excerpts are never copied
  into the repository), and a real index is built from it with the project's build code.
  Every query runs through :meth:`indexer.search.SearchEngine.search` with the default
  request (what the web UI and the JSON API ask), page after page; each hit is mapped to its
  source file, each file keeps its first (best) rank, and the list is cut at 10.
* The baseline, in the same run: SQLite FTS5 with ``tokenize='porter unicode61'``, one row
  per whole file (HTML turned into text as a crawler would), the query's words OR'ed,
  ranked by ``bm25()``.
* Scores: nDCG@10 with linear gains (0/1/2), a log2 discount and the ideal ranking taken
  from all the query's judged documents; recall@10 of the documents graded 1 or 2. Per
  kind and overall, for the engine and FTS5, for each part separately. Only the dev part's
  per-query figures are written out (``--details`` prints them); the aside part is reported
  per kind only.
* The report (``relevance-eval.md`` / ``.json``) holds queries, ids and scores, never the
  excerpts' text. The exit status is 1 on a crash, 0 otherwise (and 0, with a message,
  when the excerpts or the judgments are missing).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_REALWORLD = (REPO / ".." / "shared" / "realworld").resolve()
DEFAULT_CORPUS = REPO / "corpus"
DEFAULT_JUDGMENTS = (REPO / "bench" / "relevance" / "judgments.json",
                     REPO / "bench" / "relevance" / "judgments-dev2.json",
                     REPO / "bench" / "relevance" / "judgments-dev3.json")
KINDS = ("topic", "question", "acronym", "decision")
#: A query's part in its file.
FILE_PARTS = ("dev", "aside")
#: The parts reported: the dev queries of the n-th judgments file are ``dev<n>``.
PARTS = ("dev1", "dev2", "dev3", "aside")
#: Parts reported together as well: every development query.
DEV_PARTS = ("dev1", "dev2", "dev3")
K = 10
#: Result pages of the engine read at most, looking for K distinct files.
MAX_PAGES = 20
#: Files of the excerpt folder that are not excerpts.
NOT_EXCERPTS = frozenset({"labels.json", "SOURCES.md", "README.md"})

Ranker = Callable[[str], list[str]]


# ---------------------------------------------------------------- judgments


@dataclass(frozen=True, slots=True)
class Judged:
    """One judged query: its text, kind, part and grade per document id."""

    qid: str
    text: str
    kind: str
    part: str
    grades: Mapping[str, int] = field(default_factory=dict)


def load_judgments(path: Path, dev: str = "dev1") -> list[Judged]:
    """Read the judged queries from ``path`` (see the module docstring for the format);
    their ``dev`` part is named ``dev`` (``aside`` stays ``aside``)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    queries = data["queries"] if isinstance(data, dict) else data
    out = []
    for i, q in enumerate(queries):
        grades = q.get("judgments", q.get("grades", {}))
        if isinstance(grades, list):  # [{"doc": id, "grade": g}, ...]
            grades = {g["doc"]: g["grade"] for g in grades}
        kind, part = q["kind"], q["part"]
        if kind not in KINDS or part not in FILE_PARTS:
            raise ValueError(f"query {q.get('id', i)}: kind {kind!r} or part {part!r} unknown")
        out.append(Judged(str(q.get("id", i + 1)), q["query"], kind, dev if part == "dev" else part,
                          {d: int(g) for d, g in grades.items()}))
    return out


def load_all(paths: Sequence[Path]) -> list[Judged]:
    """Read several judgments files; the dev queries of the n-th are part ``dev<n>``.

    Query ids must be unique across the files."""
    out: list[Judged] = []
    for n, path in enumerate(paths, 1):
        out.extend(load_judgments(path, f"dev{n}"))
    ids = [q.qid for q in out]
    if len(set(ids)) != len(ids):
        raise ValueError("query ids repeat across the judgments files")
    return out


# ---------------------------------------------------------------- metrics


def dcg(gains: Iterable[float]) -> float:
    """Discounted cumulative gain: the i-th gain (from 1) divided by log2(i + 1)."""
    return sum(g / math.log2(i + 2) for i, g in enumerate(gains))


def ndcg_at(ranked: Sequence[str], grades: Mapping[str, int], k: int = K) -> float | None:
    """nDCG@k with linear gains; the ideal is all judged documents sorted by grade.

    None when no document is graded above 0 (the query cannot be scored).
    """
    ideal = dcg(sorted((g for g in grades.values() if g > 0), reverse=True)[:k])
    if ideal == 0:
        return None
    return dcg(grades.get(d, 0) for d in ranked[:k]) / ideal


def recall_at(ranked: Sequence[str], grades: Mapping[str, int], k: int = K) -> float | None:
    """The share of the documents graded 1 or 2 found in the first k; None if there are none."""
    relevant = {d for d, g in grades.items() if g >= 1}
    if not relevant:
        return None
    return len(relevant.intersection(ranked[:k])) / len(relevant)


def first_ranks(doc_ids: Iterable[str], k: int = K) -> list[str]:
    """Keep each document's first (best) rank and cut at ``k``."""
    out: list[str] = []
    seen: set[str] = set()
    for d in doc_ids:
        if d not in seen:
            seen.add(d)
            out.append(d)
            if len(out) == k:
                break
    return out


def mean(values: Iterable[float | None]) -> float | None:
    scored = [v for v in values if v is not None]
    return sum(scored) / len(scored) if scored else None


# ---------------------------------------------------------------- the collection


def stage_collection(realworld: Path, corpus: Path, dest: Path) -> Path:
    """Link the excerpts and the bundled corpus into ``dest`` as ``realworld/`` and ``corpus/``.

    File by file (the build does not follow linked folders), as links, not copies: the
    excerpts stay outside the repository. Returns ``dest``.
    """
    (dest / "realworld").mkdir(parents=True)
    for f in sorted(realworld.iterdir()):
        if f.is_file() and f.name not in NOT_EXCERPTS:
            (dest / "realworld" / f.name).symlink_to(f.resolve())
    for f in sorted(corpus.rglob("*")):
        if f.is_file() and not any(part.startswith(".") for part in f.relative_to(corpus).parts):
            target = dest / "corpus" / f.relative_to(corpus)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.symlink_to(f.resolve())
    return dest


def file_text(path: Path) -> str:
    """The text of a file as a crawler would extract it: HTML to text, PDF to text."""
    data = path.read_bytes()
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        from bs4 import BeautifulSoup

        soup = BeautifulSoup(data, "html.parser")
        for tag in soup(["script", "style"]):
            tag.decompose()
        return soup.get_text("\n")
    if suffix == ".pdf":
        import io

        from pypdf import PdfReader

        return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)
    return data.decode("utf-8", errors="replace")


# ---------------------------------------------------------------- the FTS5 baseline


class Fts5Files:
    """SQLite FTS5, one row per whole file, ``porter unicode61``, words OR'ed, ``bm25()``."""

    def __init__(self, root: Path, names: Iterable[str]) -> None:
        self.db = sqlite3.connect(":memory:")
        self.db.execute("CREATE VIRTUAL TABLE files USING fts5(doc UNINDEXED, body, tokenize='porter unicode61')")
        self.db.executemany("INSERT INTO files VALUES (?, ?)", ((n, file_text(root / n)) for n in names))
        self.db.commit()

    @staticmethod
    def match_expression(query: str) -> str | None:
        """The query's words, each quoted, OR'ed (None if it has no words)."""
        words = re.findall(r"\w+", query)
        return " OR ".join(f'"{w}"' for w in words) if words else None

    def search(self, query: str, k: int = K) -> list[str]:
        expr = self.match_expression(query)
        if expr is None:
            return []
        rows = self.db.execute(
            "SELECT doc FROM files WHERE files MATCH ? ORDER BY bm25(files) LIMIT ?", (expr, k)
        ).fetchall()
        return [r[0] for r in rows]

    def close(self) -> None:
        self.db.close()


# ---------------------------------------------------------------- the engine


def engine_ranker(engine: Any, k: int = K) -> Ranker:
    """Rank files by their first hit in the engine's default search, page after page."""
    from indexer.search import SearchRequest

    def rank(query: str) -> list[str]:
        docs: list[str] = []
        for page in range(1, MAX_PAGES + 1):
            result = engine.search(SearchRequest(q=query, page=page))
            docs.extend(h.source for h in result.hits)
            if len(first_ranks(docs, k)) >= k or not result.has_next:
                break
        return first_ranks(docs, k)

    return rank


# ---------------------------------------------------------------- evaluation


def run_queries(queries: Sequence[Judged], rankers: Mapping[str, Ranker]) -> list[dict[str, Any]]:
    """Run every query through every ranker; return per-query rankings, scores and times."""
    out = []
    for q in queries:
        row: dict[str, Any] = {"id": q.qid, "query": q.text, "kind": q.kind, "part": q.part,
                               "judged": len(q.grades), "relevant": sum(g >= 1 for g in q.grades.values())}
        for name, rank in rankers.items():
            started = time.perf_counter()
            ranked = rank(q.text)
            row[name] = {
                "ranked": ranked,
                "ndcg": ndcg_at(ranked, q.grades),
                "recall": recall_at(ranked, q.grades),
                "ms": (time.perf_counter() - started) * 1000,
            }
        out.append(row)
    return out


def reported_parts(rows: Sequence[dict[str, Any]]) -> list[str]:
    """The parts to report: those present, then ``dev`` (every dev query) when there
    are several dev parts."""
    devs = [p for p in DEV_PARTS if any(r["part"] == p for r in rows)]
    others = [p for p in PARTS if p not in DEV_PARTS and any(r["part"] == p for r in rows)]
    return devs + (["dev"] if len(devs) > 1 else []) + others


def summarise(rows: Sequence[dict[str, Any]], systems: Sequence[str]) -> dict[str, Any]:
    """Mean nDCG@10 and recall@10 per part, kind and system (plus "all" kinds)."""
    summary: dict[str, Any] = {}
    for part in reported_parts(rows):
        members = DEV_PARTS if part == "dev" else (part,)
        summary[part] = {}
        for kind in (*KINDS, "all"):
            chosen = [r for r in rows if r["part"] in members and (kind == "all" or r["kind"] == kind)]
            entry: dict[str, Any] = {"queries": len(chosen)}
            for s in systems:
                entry[s] = {
                    "ndcg": mean(r[s]["ndcg"] for r in chosen),
                    "recall": mean(r[s]["recall"] for r in chosen),
                }
            summary[part][kind] = entry
    return summary


def evaluate(realworld: Path, corpus: Path, queries: Sequence[Judged], work: Path) -> dict[str, Any]:
    """Stage the collection in ``work``, build the index, run both systems; return the results."""
    from indexer.build import build_index, source_names
    from indexer.search import SearchEngine

    root = stage_collection(realworld, corpus, work / "collection")
    started = time.perf_counter()
    report = build_index(root, work / "index")
    build_seconds = time.perf_counter() - started
    names = source_names(root)
    fts = Fts5Files(root, names)
    try:
        with SearchEngine(work / "index") as engine:
            rows = run_queries(queries, {"engine": engine_ranker(engine), "fts5": fts.search})
    finally:
        fts.close()
    return {
        "files": len(names),
        "indexed_files": report.files,
        "skipped_files": len(report.skipped),
        "items": report.items,
        "passages": report.passages,
        "build_seconds": round(build_seconds, 2),
        "rows": rows,
        "summary": summarise(rows, ("engine", "fts5")),
    }


# ---------------------------------------------------------------- report


def _f(v: float | None) -> str:
    return "–" if v is None else f"{v:.3f}"


def _ms(rows: Sequence[dict[str, Any]], system: str) -> tuple[float, float]:
    times = sorted(r[system]["ms"] for r in rows)
    if not times:
        return 0.0, 0.0
    return times[len(times) // 2], times[min(len(times) - 1, math.ceil(0.95 * len(times)) - 1)]


PART_TITLES = {
    "dev1": "Development part 1: the dev half of judgments.json (tuned on)",
    "dev2": "Development part 2: judgments-dev2.json (tuned on)",
    "dev3": "Development part 3: judgments-dev3.json, topic-weighted (tuned on)",
    "dev": "Development parts together (tuned on)",
    "aside": "Aside part of judgments.json (never tuned on)",
}


def render_markdown(results: dict[str, Any], commit: str) -> str:
    s = results["summary"]
    lines = [
        "# Relevance: the engine against SQLite FTS5 BM25 on judged queries",
        "",
        f"Generated by `make eval` (`python -m bench.eval_relevance`) at commit `{commit}`, "
        f"{dt.date.today().isoformat()}. Method: see the module docstring of `bench/eval_relevance.py`.",
        "",
        f"Collection: {results['files']} files ({results['indexed_files']} indexed by the engine, "
        f"{results['skipped_files']} skipped; {results['items']} agenda items, {results['passages']} passages; "
        f"built in {results['build_seconds']} s). Engine: `SearchEngine.search` with the default request, "
        "hits mapped to files (first rank kept), cut at 10. FTS5: one row per file, words OR'ed, `bm25()`.",
        "",
    ]
    for part in s:
        title = PART_TITLES[part]
        lines += [f"## {title}", "", "| kind | queries | nDCG@10 engine | nDCG@10 FTS5 | recall@10 engine | recall@10 FTS5 |",
                  "|---|---:|---:|---:|---:|---:|"]
        for kind in (*KINDS, "all"):
            e = s[part][kind]
            name = f"**{kind}**" if kind == "all" else kind
            lines.append(f"| {name} | {e['queries']} | {_f(e['engine']['ndcg'])} | {_f(e['fts5']['ndcg'])} | "
                         f"{_f(e['engine']['recall'])} | {_f(e['fts5']['recall'])} |")
        lines.append("")
    rows = results["rows"]
    (e50, e95), (f50, f95) = _ms(rows, "engine"), _ms(rows, "fts5")
    lines += [
        f"Time per query over all {len(rows)} queries (engine: every page read; a small collection, for "
        f"orientation only; see `bench/` for speed): engine p50 {e50:.1f} ms, p95 {e95:.1f} ms; "
        f"FTS5 p50 {f50:.1f} ms, p95 {f95:.1f} ms.",
        "",
    ]
    return "\n".join(lines)


def public(results: dict[str, Any]) -> dict[str, Any]:
    """What the committed JSON holds: summaries, and per-query figures of the dev parts only."""
    out = {k: v for k, v in results.items() if k != "rows"}
    out["dev_queries"] = [
        {k: v for k, v in r.items()} for r in results["rows"] if r["part"] in DEV_PARTS
    ]
    return out


def _details(rows: Sequence[dict[str, Any]]) -> list[str]:
    lines = ["dev queries (nDCG@10 engine / FTS5):"]
    for r in rows:
        if r["part"] in DEV_PARTS:
            lines.append(f"  {r['id']:>4} {r['part']} {r['kind']:<9} {_f(r['engine']['ndcg'])} / "
                         f"{_f(r['fts5']['ndcg'])}  {r['query']}")
    return lines


def _commit() -> str:
    try:
        sha = subprocess.run(["git", "rev-parse", "--short=10", "HEAD"], cwd=REPO, capture_output=True,
                             text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no", "--", "indexer", "bench"],
                               cwd=REPO, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return sha + ("+dirty" if dirty else "")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--realworld", type=Path, default=DEFAULT_REALWORLD, help="the real excerpts' folder")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="the bundled corpus folder")
    ap.add_argument("--judgments", type=Path, nargs="+", default=list(DEFAULT_JUDGMENTS),
                    help="the judged queries: files whose dev queries are parts dev1, dev2, …")
    ap.add_argument("--out-dir", type=Path, default=REPO / "bench" / "results", help="where to write relevance-eval.*")
    ap.add_argument("--details", action="store_true", help="print the dev part's per-query scores")
    args = ap.parse_args(argv)
    if not args.realworld.is_dir():
        print(f"relevance eval: {args.realworld} not present; skipped")
        return 0
    missing = [str(p) for p in args.judgments if not p.is_file()]
    if missing:
        print(f"relevance eval: no judgments at {', '.join(missing)}; skipped")
        return 0
    try:
        queries = load_all(args.judgments)
        with tempfile.TemporaryDirectory(prefix="minutes-relevance-") as tmp:
            results = evaluate(args.realworld, args.corpus, queries, Path(tmp))
    except Exception:  # noqa: BLE001 - a crash is reported and fails the run
        traceback.print_exc()
        print("relevance eval: crashed", file=sys.stderr)
        return 1
    commit = _commit()
    args.out_dir.mkdir(parents=True, exist_ok=True)
    (args.out_dir / "relevance-eval.md").write_text(render_markdown(results, commit), encoding="utf-8")
    (args.out_dir / "relevance-eval.json").write_text(
        json.dumps({"commit": commit, **public(results)}, indent=1) + "\n", encoding="utf-8")
    s = results["summary"]
    for part in s:
        line = ", ".join(
            f"{kind} {_f(s[part][kind]['engine']['ndcg'])}/{_f(s[part][kind]['fts5']['ndcg'])}" for kind in (*KINDS, "all")
        )
        print(f"relevance {part} nDCG@10 engine/FTS5: {line}")
    if args.details:
        print("\n".join(_details(results["rows"])))
    print(f"relevance eval: {len(queries)} queries; report in {args.out_dir / 'relevance-eval.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
