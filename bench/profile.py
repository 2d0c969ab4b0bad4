"""Profile our engine's query and indexing paths with cProfile.

    python -m bench.profile query --size 100k [--seed 1] [--cls common,phrase]
    python -m bench.profile build --size 100k [--seed 1]

``query`` runs the benchmark's query set against the index the last ``bench.run`` built
for that size (after one warm-up pass); ``build`` builds a fresh index of the cached archive
with the records the benchmark used. Each writes ``bench/work/profile-<what>-<size>.pstats``
and prints the top functions by own time and by cumulative time.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import shutil
import sys
import time
from pathlib import Path

from .generate import WORK_DIR, corpus_dir, parse_size, size_label


def _print(stats_path: Path, limit: int) -> str:
    out = io.StringIO()
    st = pstats.Stats(str(stats_path), stream=out)
    st.strip_dirs()
    out.write("\n==== by own time (tottime)\n")
    st.sort_stats("tottime").print_stats(limit)
    out.write("\n==== by cumulative time\n")
    st.sort_stats("cumulative").print_stats(limit)
    return out.getvalue()


def profile_queries(size: int, seed: int, classes: list[str] | None, work: Path, per_class: int = 1000) -> Path:
    from .worker import OursRunner

    run_dir = work / "runs" / f"{size_label(size)}-s{seed}"
    sets = json.loads((run_dir / "queries.json").read_text())["classes"]
    specs = [s for cls, ss in sets.items() if not classes or cls in classes for s in ss[:per_class]]
    r = OursRunner(run_dir / "ours-index", per_item=None)  # the default request, as the web UI sends it
    for s in specs:
        try:
            r.run(s)
        except Exception:  # noqa: BLE001 - known engine bugs (e.g. newest sort) are skipped
            pass
    prof = cProfile.Profile()
    started = time.perf_counter()
    prof.enable()
    for s in specs:
        try:
            r.run(s)
        except Exception:  # noqa: BLE001
            pass
    prof.disable()
    print(f"{len(specs)} queries in {time.perf_counter() - started:.2f}s under the profiler")
    path = work / f"profile-query-{size_label(size)}.pstats"
    prof.dump_stats(str(path))
    return path


def profile_build(size: int, seed: int, work: Path) -> Path:
    from indexer.build import build_index

    from .records import parser_status, records_shim

    root = corpus_dir(size, seed, work)
    target = work / "profile-build-index"
    shutil.rmtree(target, ignore_errors=True)
    prof = cProfile.Profile()
    generated = parser_status(root / "corpus") is not None
    started = time.perf_counter()
    prof.enable()
    if generated:
        with records_shim(root):
            build_index(root / "corpus", target)
    else:
        build_index(root / "corpus", target)
    prof.disable()
    print(f"build ({'generated records' if generated else 'real parser'}) in "
          f"{time.perf_counter() - started:.1f}s under the profiler")
    shutil.rmtree(target, ignore_errors=True)
    path = work / f"profile-build-{size_label(size)}.pstats"
    prof.dump_stats(str(path))
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.profile")
    ap.add_argument("what", choices=("query", "build"))
    ap.add_argument("--size", default="100k")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--cls", help="query classes to profile (default all)")
    ap.add_argument("--limit", type=int, default=30)
    ap.add_argument("--per-class", type=int, default=1000, help="profile at most this many queries per class")
    ap.add_argument("--work", type=Path, default=WORK_DIR)
    args = ap.parse_args(argv)
    size = parse_size(args.size)
    if args.what == "query":
        path = profile_queries(size, args.seed, args.cls.split(",") if args.cls else None, args.work, args.per_class)
    else:
        path = profile_build(size, args.seed, args.work)
    print(_print(path, args.limit))
    print(f"stats: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
