"""Benchmark our engine against SQLite FTS5 in one run: ``python -m bench.run``.

For each size: generate (or reuse) the archive, pick the query sets, build each
engine's index in a fresh process (always rebuilt), time the query classes in a fresh
process per engine, time cold starts, drive the real HTTP server (100k and 1m by default),
time an incremental add, then write ``bench/results/<size>.json`` and regenerate
``bench/results/README.md``.

    python -m bench.run --sizes 10k,100k [--engines ours,fts5] [--queries-per-class 50] [--seed 1]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from . import incremental, queries, report
from .generate import WORK_DIR, archive_label, ensure_corpus, parse_archive

REPO = Path(__file__).resolve().parent.parent
RESULTS_DIR = Path(__file__).resolve().parent / "results"


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


def percentile(values: list[float], pct: float) -> float:
    """Return the ``pct`` percentile of ``values`` (linear interpolation, as numpy's default)."""
    xs = sorted(values)
    if not xs:
        return float("nan")
    k = (len(xs) - 1) * pct / 100
    lo = int(k)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def latency_summary(samples: list[float]) -> dict[str, Any]:
    if not samples:
        return {"n": 0}
    return {
        "n": len(samples),
        "p50_ms": percentile(samples, 50) * 1000,
        "p95_ms": percentile(samples, 95) * 1000,
        "p99_ms": percentile(samples, 99) * 1000,
        "mean_ms": statistics.fmean(samples) * 1000,
        "max_ms": max(samples) * 1000,
    }


def worker(args: list[str], timeout: float | None = None) -> dict[str, Any]:
    """Run ``python -m bench.worker ARGS`` in a fresh process; return its JSON result."""
    cmd = [sys.executable, "-m", "bench.worker", *args]
    started = time.perf_counter()
    proc = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=timeout)
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["process_wall_seconds"] = wall
    return result


def evict(path: Path) -> None:
    """Drop ``path``'s files from the OS page cache (posix_fadvise DONTNEED; no root needed)."""
    files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
    for p in files:
        fd = os.open(p, os.O_RDONLY)
        try:
            os.fsync(fd)  # dirty pages cannot be dropped; a fresh build may still have some
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(fd)


def machine_info() -> dict[str, Any]:
    import sqlite3

    import whoosh

    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = 0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem = int(line.split()[1]) * 1024
    except OSError:
        pass
    return {
        "platform": platform.platform(),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_bytes": mem,
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "whoosh": whoosh.versionstring(),
    }


def git_info() -> dict[str, Any]:
    def git(*a: str) -> str:
        return subprocess.run(["git", *a], cwd=REPO, capture_output=True, text=True).stdout.strip()

    return {
        "commit": git("rev-parse", "HEAD"),
        "branch": git("rev-parse", "--abbrev-ref", "HEAD"),
        # the run's own output (bench/results) does not make the code it measured dirty
        "dirty": bool(git("status", "--porcelain", "--untracked-files=no", "--", ".", ":(exclude)bench/results")),
        "main_commit": git("rev-parse", "main"),
        "main_merged": subprocess.run(["git", "merge-base", "--is-ancestor", "main", "HEAD"], cwd=REPO).returncode == 0,
    }


# --------------------------------------------------------------------------- one size


def run_size(size: int, args: argparse.Namespace, style: str = "short") -> dict[str, Any]:
    from .records import parser_status

    label = archive_label(size, style)
    started = time.perf_counter()
    corpus_root = ensure_corpus(size, args.seed, work=args.work, log=log, style=style)
    corpus = corpus_root / "corpus"
    meta = json.loads((corpus_root / "meta.json").read_text())
    run_dir = args.work / "runs" / f"{label}-s{args.seed}"
    run_dir.mkdir(parents=True, exist_ok=True)
    incremental.unstage(corpus_root)

    why = parser_status(corpus)
    if args.source == "auto":
        source = "generated" if why else "parsed"
    else:
        source = args.source
        if source == "parsed" and why:
            raise SystemExit(f"--source parsed: {why}")
    log(f"{label}: records source = {source}" + (f" ({why})" if why else " (real parser)"))

    qs = queries.build_queries(corpus_root, args.queries_per_class, args.seed)
    qfile = run_dir / "queries.json"
    qfile.write_text(json.dumps(qs, indent=1), encoding="utf-8")
    log(f"{label}: {sum(len(v) for v in qs['classes'].values())} queries; tokenisers agree on "
        f"{qs['tokeniser_agreement']['agreeing_words']}/{qs['tokeniser_agreement']['vocabulary_words']} words")

    result: dict[str, Any] = {
        "size": label,
        "passages": size,
        "seed": args.seed,
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "git": git_info(),
        "machine": machine_info(),
        "corpus": meta,
        "source": source,
        "parser_status": why or "indexer.parse.parse_file (real parser)",
        "engines": args.engines,
        "build": {},
        "cold_start": {},
        "queries": {"per_class": args.queries_per_class, "repeat": args.repeat,
                    "tokeniser_agreement": qs["tokeniser_agreement"], "classes": {}},
    }
    targets = {"ours": run_dir / "ours-index", "fts5": run_dir / "fts5.db"}
    for path in targets.values():
        _remove(path)

    # -- builds (fresh process each, always rebuilt)
    for engine in args.engines:
        log(f"{label}: building {engine} index …")
        r = worker([f"build-{engine}", str(corpus_root), str(targets[engine]), "--source", source])
        r["passages_per_second"] = r["passages"] / r["seconds"]
        r["passages_per_second_without_parsing"] = (
            r["passages"] / r["index_only_seconds"] if r.get("index_only_seconds") else None)
        r["index_to_raw_ratio"] = r["index_bytes"] / meta["corpus_bytes"]
        result["build"][engine] = r
        log(f"{label}: {engine} built {r['passages']} passages in {r['seconds']:.1f}s "
            f"({r['passages_per_second']:.0f}/s, {r.get('processes', 1)} process(es); parse "
            f"{'n/a' if r['parse_seconds'] is None else format(r['parse_seconds'], '.1f') + 's'}), "
            f"{r['index_bytes'] / 1e6:.1f} MB, peak RSS {r['peak_rss_bytes'] / 1e6:.0f} MB")
    index_paths = {"ours": targets["ours"], "fts5": targets["fts5"]}

    # -- query latency per class (fresh process per runner, warm-up first). "ours" is a plain
    # top 10 with the full count (the same work as FTS5's page); "ours_default" is the
    # engine's default request (at most 2 passages per item, as the web UI asks).
    runners = [r for e in args.engines for r in ((e, "ours_default") if e == "ours" and args.ours_default else (e,))]
    raw: dict[str, Any] = {}
    for engine in runners:
        log(f"{label}: timing {engine} queries …")
        idx = index_paths["ours" if engine.startswith("ours") else engine]
        raw[engine] = worker(["query", engine, str(idx), str(qfile), "--repeat", str(args.repeat), "--warmup", "1"])
    result["queries"]["runners"] = runners
    result["queries"]["classes"] = _query_summary(qs, raw, runners)
    result["queries"]["all"] = {
        e: latency_summary([s for c in raw[e]["classes"].values() for row in c if "seconds" in row
                            for s in row["seconds"]]) for e in runners
    }
    result["queries"]["all_first_asked"] = {
        e: latency_summary([row["first_seconds"] for c in raw[e]["classes"].values() for row in c
                            if "first_seconds" in row]) for e in runners
    }
    result["queries"]["count_agreement"] = _agreement_summary(result["queries"]["classes"], runners)
    for cls, c in result["queries"]["classes"].items():
        line = ", ".join(f"{e} p50 {c[e].get('p50_ms', float('nan')):.1f} p95 {c[e].get('p95_ms', float('nan')):.1f}"
                         + (f" ({c[e]['errors']} errors)" if c[e].get("errors") else "") for e in runners)
        log(f"{label}:   {cls:8s} {line} (ms)")
    agr = result["queries"]["count_agreement"]
    if agr.get("compared"):
        log(f"{label}: match counts agree on {agr['agree']}/{agr['compared']} queries")

    # -- cold start: fresh process, import + open + first query with snippets
    first_spec = qs["classes"]["and2"][0] if qs["classes"]["and2"] else qs["classes"]["common"][0]
    for engine in args.engines:
        runs: dict[str, list[dict[str, Any]]] = {"os_cache_warm": [], "os_cache_evicted": []}
        job = "ours_default" if engine == "ours" else engine  # the request a user's first search makes
        for mode in runs:
            for _ in range(args.cold_runs):
                if mode == "os_cache_evicted":
                    evict(_live(index_paths[engine]))
                runs[mode].append(worker(["cold", job, str(index_paths[engine]), json.dumps(first_spec)]))
        result["cold_start"][engine] = {
            "query": first_spec["ours_q"],
            **{mode: _median_fields(rs) for mode, rs in runs.items()},
            "runs": runs,
        }
        c = result["cold_start"][engine]
        log(f"{label}: {engine} cold start {c['os_cache_warm']['in_process_seconds'] * 1000:.0f} ms in-process "
            f"({c['os_cache_warm']['process_wall_seconds'] * 1000:.0f} ms with interpreter); "
            f"evicted cache {c['os_cache_evicted']['in_process_seconds'] * 1000:.0f} ms")

    # -- HTTP through the real server
    if "ours" in args.engines and label in args.http_sizes:
        from .http_load import run_http

        specs = [s for cls in queries.CLASSES for s in qs["classes"][cls]]
        specs = [specs[i] for i in sorted(range(len(specs)), key=lambda i: (i % args.queries_per_class, i))]
        log(f"{label}: HTTP load ({args.http_clients} clients, {args.http_requests} requests) …")
        h = run_http(index_paths["ours"], specs, clients=args.http_clients, requests=args.http_requests,
                     log_file=run_dir / "server.log", startups=args.http_startups)
        if h.get("supported"):
            lat = h.pop("latencies")
            h.update(latency_summary(lat))
            h["first_pass"].update(latency_summary(h["first_pass"].pop("latencies")))
            log(f"{label}: HTTP {h['throughput_rps']:.0f} req/s, p50 {h['p50_ms']:.1f} ms, p95 {h['p95_ms']:.1f} ms, "
                f"{h['errors']} errors; first answer {h['startup_to_first_answer_seconds']:.2f}s after start; "
                f"first pass of {h['first_pass']['ok']} distinct requests {h['first_pass']['throughput_rps']:.0f} req/s")
        else:
            log(f"{label}: HTTP not measured: {h['reason']}")
        result["http"] = h

    # -- incremental add of one meeting
    if label in args.incremental_sizes:
        meeting, n = incremental.pick_meeting(corpus_root)
        files = incremental.stage_meeting(corpus_root, meeting)
        inc: dict[str, Any] = {"meeting": str(meeting.relative_to(corpus)), "passages": n}
        try:
            if "ours" in args.engines:
                inc["ours"] = worker(["live-add", str(index_paths["ours"]), str(corpus_root / "corpus"), str(qfile),
                                      incremental.NEW_COMMITTEE, *map(str, files)])
            if "fts5" in args.engines:
                inc["fts5"] = incremental.run_fts5(index_paths["fts5"], corpus_root, meeting, files, source)
        finally:
            incremental.unstage(corpus_root)
        result["incremental"] = inc
        log(f"{label}: incremental add of {n} passages: " + "; ".join(
            f"{e} " + (f"{inc[e]['seconds']:.3f}s" if inc[e].get("supported") else "not supported")
            for e in args.engines if e in inc))

    result["runtime_seconds"] = time.perf_counter() - started
    return result


def _live(index: Path) -> Path:
    """Return the files a search opens: the live generation of our index, or the FTS5 file."""
    if index.is_file():
        return index
    name = (index / "CURRENT").read_text().strip()
    return index / name


def _remove(path: Path) -> None:
    import shutil

    if path.is_dir():
        shutil.rmtree(path)
    elif path.exists():
        path.unlink()


def _median_fields(runs: list[dict[str, Any]]) -> dict[str, Any]:
    keys = [k for k, v in runs[0].items() if isinstance(v, float)]
    return {k: statistics.median(r[k] for r in runs) for k in keys}


def _query_summary(qs: dict[str, Any], raw: dict[str, Any], engines: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for cls, specs in qs["classes"].items():
        entry: dict[str, Any] = {"queries": []}
        for e in engines:
            rows = raw[e]["classes"][cls]
            samples = [s for row in rows if "seconds" in row for s in row["seconds"]]
            errors = [row["error"] for row in rows if "error" in row]
            entry[e] = {**latency_summary(samples), "errors": len(errors), "error_examples": errors[:2]}
            firsts = [row["first_seconds"] for row in rows if "first_seconds" in row]
            if firsts:
                entry[e]["first_asked"] = latency_summary(firsts)
        for i, spec in enumerate(specs):
            q: dict[str, Any] = {"ours_q": spec["ours_q"], "fts5_match": spec["fts5_match"],
                                 "speaker": spec.get("speaker"), "sort": spec.get("sort")}
            for e in engines:
                row = raw[e]["classes"][cls][i]
                q[e] = {k: row[k] for k in ("total", "hits", "partial", "error") if k in row}
                if "seconds" in row:
                    q[e]["ms"] = [round(s * 1000, 3) for s in row["seconds"]]
            entry["queries"].append(q)
        out[cls] = entry
    return out


def _agreement_summary(classes: dict[str, Any], engines: list[str]) -> dict[str, Any]:
    if not {"ours", "fts5"} <= set(engines):
        return {"compared": 0}
    compared = agree = 0
    examples = []
    per_class = {}
    for cls, entry in classes.items():
        c = a = 0
        for q in entry["queries"]:
            if "total" not in q["ours"] or "total" not in q["fts5"]:
                continue
            c += 1
            # ours' total is the passages with every word (ResultPage.complete): the page may
            # go on with passages that have some of them, which FTS5's AND never lists
            if q["ours"]["total"] == q["fts5"]["total"]:
                a += 1
            elif len(examples) < 12:
                examples.append({"class": cls, "ours_q": q["ours_q"], "fts5_match": q["fts5_match"],
                                 "ours_total": q["ours"]["total"], "fts5_total": q["fts5"]["total"]})
        per_class[cls] = {"compared": c, "agree": a}
        compared += c
        agree += a
    return {"compared": compared, "agree": agree, "rate": agree / compared if compared else None,
            "per_class": per_class, "disagreements": examples}


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10k,100k",
                    help="comma-separated: 10k,100k,1m, and 100k-long for passages of 80-150 words (default 10k,100k)")
    ap.add_argument("--engines", default="ours,fts5")
    ap.add_argument("--queries-per-class", type=int, default=50)
    ap.add_argument("--no-ours-default", dest="ours_default", action="store_false",
                    help="time only ours' plain top 10, not also its default collapsed request")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=3, help="timed passes over the query set (after one warm-up)")
    ap.add_argument("--cold-runs", type=int, default=3)
    ap.add_argument("--source", choices=("auto", "parsed", "generated"), default="auto",
                    help="records for both engines: the real parser, or the generator's (auto: parser if it works)")
    ap.add_argument("--http-sizes", default="100k,1m",
                    help="sizes to run the HTTP benchmark at, when they are among --sizes (default 100k,1m)")
    ap.add_argument("--http-clients", type=int, default=8)
    ap.add_argument("--http-startups", type=int, default=9, help="fresh server starts timed (the median is reported)")
    ap.add_argument("--http-requests", type=int, default=3000)
    ap.add_argument("--incremental-sizes", default="10k,100k,1m")
    ap.add_argument("--results", type=Path, default=RESULTS_DIR)
    ap.add_argument("--work", type=Path, default=WORK_DIR, help="cache of archives and indexes (default bench/work)")
    args = ap.parse_args(argv)
    args.engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    if not set(args.engines) <= {"ours", "fts5"} or not args.engines:
        ap.error("--engines takes ours, fts5 or both")
    archives = [parse_archive(s) for s in args.sizes.split(",") if s.strip()]
    args.http_sizes = {archive_label(*parse_archive(s)) for s in args.http_sizes.split(",") if s.strip()}
    args.incremental_sizes = {archive_label(*parse_archive(s)) for s in args.incremental_sizes.split(",") if s.strip()}
    args.results.mkdir(parents=True, exist_ok=True)
    for size, style in archives:
        result = run_size(size, args, style)
        label = archive_label(size, style)
        out = args.results / f"{label}.json"
        out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
        log(f"{label}: wrote {out} ({result['runtime_seconds']:.0f}s)")
    readme = report.write_readme(args.results)
    log(f"wrote {readme}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
