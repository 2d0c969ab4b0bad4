"""Measurements that need a fresh process; :mod:`bench.run` starts one per measurement.

Each command prints one JSON object on its last stdout line. Builds and cold starts
run here so that peak memory (``VmHWM``) and start-up time belong to that one job.

    python -m bench.worker build-ours  CORPUS_ROOT INDEX_DIR --source parsed|generated
    python -m bench.worker build-fts5  CORPUS_ROOT DB_FILE   --source parsed|generated
    python -m bench.worker query  ours|ours_default|fts5 INDEX QUERIES_JSON [--repeat 3]
    python -m bench.worker cold   ours|ours_default|fts5 INDEX QUERY_SPEC_JSON
    python -m bench.worker live-add INDEX CORPUS QUERIES_JSON COMMITTEE FILE...
"""

from __future__ import annotations

import time

T0 = time.perf_counter()  # before any heavy import: the cold-start clock starts here

import argparse  # noqa: E402
import gc  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402


def peak_rss_bytes() -> int:
    """Return this process's peak resident set size (VmHWM) in bytes."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return 0


class TreeRss:
    """Sample the resident memory of this process and all its descendants (parallel builds).

    The peak of the sum is what the machine must hold; ``VmHWM`` alone misses child processes.
    """

    def __init__(self, interval: float = 0.1) -> None:
        import threading

        self.peak = 0
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, args=(interval,), daemon=True)
        self._t.start()

    @staticmethod
    def _tree_rss() -> int:
        import os

        me = os.getpid()
        parents: dict[int, int] = {}
        rss: dict[int, int] = {}
        for d in os.listdir("/proc"):
            if not d.isdigit():
                continue
            try:
                with open(f"/proc/{d}/stat") as f:
                    parents[int(d)] = int(f.read().rsplit(")", 1)[1].split()[1])
                with open(f"/proc/{d}/statm") as f:
                    rss[int(d)] = int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            except (OSError, ValueError, IndexError):
                continue
        tree, frontier = {me}, [me]
        while frontier:
            pid = frontier.pop()
            kids = [c for c, pp in parents.items() if pp == pid and c not in tree]
            tree.update(kids)
            frontier.extend(kids)
        return sum(rss.get(p, 0) for p in tree)

    def _run(self, interval: float) -> None:
        while not self._stop.wait(interval):
            self.peak = max(self.peak, self._tree_rss())

    def stop(self) -> int:
        self._stop.set()
        self._t.join()
        return max(self.peak, peak_rss_bytes())


def dir_bytes(path: Path) -> int:
    """Return the total size of the files under ``path`` (or of the file itself)."""
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


class _Timed:
    """Wrap an iterator or callable and add up the time spent inside it, by ``clock``
    (wall time; ``time.process_time`` for this process's CPU seconds: parsing is
    single-threaded here, so that is the parser's cost per core, whatever else the
    machine is doing)."""

    def __init__(self, fn: Any, clock: Any = time.perf_counter) -> None:
        self.fn = fn
        self.clock = clock
        self.seconds = 0.0
        self.calls = 0

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        t = self.clock()
        try:
            return self.fn(*args, **kwargs)
        finally:
            self.seconds += self.clock() - t
            self.calls += 1


def _timed_iter(it: Any, timer: _Timed) -> Any:
    while True:
        t = time.perf_counter()
        try:
            item = next(it)
        except StopIteration:
            timer.seconds += time.perf_counter() - t
            return
        timer.seconds += time.perf_counter() - t
        yield item


def build_ours(corpus_root: Path, index_dir: Path, source: str) -> dict[str, Any]:
    """Build our index end to end with build_index; time the parser calls inside it."""
    import resource

    from indexer import build as ix_build

    from .records import records_shim

    corpus = corpus_root / "corpus"
    rss = TreeRss()
    started = time.perf_counter()
    timer = _Timed(ix_build.parse_bytes)
    if source == "generated":
        with records_shim(corpus_root):
            timer = _Timed(ix_build.parse_bytes)
            ix_build.parse_bytes = timer
            report = ix_build.build_index(corpus, index_dir)
    else:
        ix_build.parse_bytes = timer
        report = ix_build.build_index(corpus, index_dir)
    wall = time.perf_counter() - started
    tree_peak = rss.stop()
    processes = getattr(report, "processes", 1) or 1
    gen = index_dir / report.generation
    # With a parallel build the parser runs in child processes, out of this timer's sight.
    parse_seconds = timer.seconds if processes == 1 else None
    return {
        "engine": "ours",
        "source": source,
        "processes": processes,
        "files": report.files,
        "items": report.items,
        "passages": report.passages,
        "skipped": len(report.skipped),
        "skipped_examples": [f"{s.path}: {s.reason}" for s in report.skipped[:5]],
        "seconds": wall,
        "build_index_seconds": report.seconds,
        "parse_seconds": parse_seconds,
        "index_only_seconds": wall - parse_seconds if parse_seconds is not None else None,
        "index_bytes": dir_bytes(gen),
        "peak_rss_bytes": tree_peak,
        "peak_rss_main_process_bytes": peak_rss_bytes(),
        "peak_rss_largest_child_bytes": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024,
    }


def build_fts5(corpus_root: Path, db: Path, source: str) -> dict[str, Any]:
    """Load FTS5 with the same records; time record production (parsing) separately."""
    from . import fts5, records

    rss = TreeRss()
    started = time.perf_counter()
    from indexer.parse import parse_file

    timer = _Timed(None)
    parse_cpu = _Timed(parse_file, time.process_time)
    docs = (records.iter_parsed(corpus_root / "corpus", parse_cpu) if source == "parsed"
            else records.iter_generated(corpus_root))
    rows = _timed_iter(records.iter_rows(docs), timer)
    conn = fts5.create(db)
    n = fts5.load(conn, rows, optimize=False)
    t_opt = time.perf_counter()
    conn.execute("INSERT INTO passages(passages) VALUES('optimize')")
    optimize_seconds = time.perf_counter() - t_opt
    conn.close()
    wall = time.perf_counter() - started
    return {
        "engine": "fts5",
        "source": source,
        "passages": n,
        "seconds": wall,
        "parse_seconds": timer.seconds,
        # the parser alone (parse_file: reading and parsing each file), CPU seconds
        "parse_only_cpu_seconds": parse_cpu.seconds if source == "parsed" else None,
        "index_only_seconds": wall - timer.seconds,
        "optimize_seconds": optimize_seconds,
        "index_bytes": dir_bytes(db),
        "processes": 1,
        "peak_rss_bytes": rss.stop(),
        "sqlite_version": __import__("sqlite3").sqlite_version,
    }


# --------------------------------------------------------------------------- queries


class OursRunner:
    """Our engine's result page. ``per_item=0`` is a plain top 10 with the full match count
    (the same work as FTS5's page); ``per_item=None`` is the engine's default request (what
    the web UI sends: at most 2 passages per item, total counted after collapsing)."""

    def __init__(self, index: Path, per_item: int | None = 0) -> None:
        from indexer.search import SearchEngine

        self.engine = SearchEngine(index)
        self.per_item = per_item

    def run(self, spec: dict[str, Any]) -> tuple[int, int, bool]:
        from indexer.search import SearchRequest

        extra = {} if self.per_item is None else {"per_item": self.per_item}
        page = self.engine.search(
            SearchRequest(q=spec["ours_q"], sort=spec.get("sort", "relevance"), per_page=10, **extra)
        )
        # Touch what a results page shows, so nothing is left lazily uncomputed.
        for h in page.hits:
            _ = (h.title, h.snippet, h.committee, h.date, h.speaker_name)
        # Passages with every word: what FTS5's AND query counts (the page also lists
        # passages with some of the words after them).
        return page.complete, len(page.hits), page.partial


class Fts5Runner:
    def __init__(self, index: Path) -> None:
        from . import fts5

        self.fts5 = fts5
        self.conn = fts5.open_db(index)

    def run(self, spec: dict[str, Any]) -> tuple[int, int, bool]:
        page = self.fts5.search(self.conn, self.fts5.translate(spec), per_page=10)
        return page.total, len(page.hits), False


def runner(engine: str, index: Path) -> Any:
    """``ours``: plain top 10 (per_item=0); ``ours_default``: the engine's default request."""
    if engine == "ours":
        return OursRunner(index, per_item=0)
    if engine == "ours_default":
        return OursRunner(index, per_item=None)
    return Fts5Runner(index)


def query_bench(engine: str, index: Path, queries_file: Path, repeat: int, warmup: int) -> dict[str, Any]:
    """Run every query ``warmup`` times, then ``repeat`` times timed. The first warm-up pass
    is timed too, as each query's first asking (``first_seconds``): the timed passes repeat
    queries an engine has seen, which its per-index caches (parsed queries, posting lists,
    stored passages, snippets) then answer in part; the first asking shows the cost without."""
    sets = json.loads(queries_file.read_text(encoding="utf-8"))["classes"]
    r = runner(engine, index)
    flat = [(cls, i, spec) for cls, specs in sets.items() for i, spec in enumerate(specs)]
    errors: dict[tuple[str, int], str] = {}
    first: dict[tuple[str, int], float] = {}
    for n in range(warmup):
        for cls, i, spec in flat:
            t = time.perf_counter()
            try:
                r.run(spec)
            except Exception as exc:  # noqa: BLE001 - an engine bug is a result, not a harness crash
                errors[(cls, i)] = f"{type(exc).__name__}: {exc}"
                continue
            if n == 0:
                first[(cls, i)] = time.perf_counter() - t
    out: dict[str, Any] = {cls: [None] * len(specs) for cls, specs in sets.items()}
    samples: dict[tuple[str, int], list[float]] = {}
    for rep in range(repeat):
        order = flat if rep % 2 == 0 else list(reversed(flat))
        for cls, i, spec in order:
            if (cls, i) in errors:
                out[cls][i] = {"error": errors[(cls, i)]}
                continue
            t = time.perf_counter()
            try:
                total, nhits, partial = r.run(spec)
            except Exception as exc:  # noqa: BLE001
                errors[(cls, i)] = f"{type(exc).__name__}: {exc}"
                out[cls][i] = {"error": errors[(cls, i)]}
                continue
            samples.setdefault((cls, i), []).append(time.perf_counter() - t)
            if out[cls][i] is None:
                out[cls][i] = {"total": total, "hits": nhits, "partial": partial}
    for cls, rows in out.items():
        for i, row in enumerate(rows):
            if row is not None and "error" not in row:
                row["seconds"] = samples[(cls, i)]
                if (cls, i) in first:
                    row["first_seconds"] = first[(cls, i)]
    return {"engine": engine, "repeat": repeat, "warmup": warmup, "classes": out, "peak_rss_bytes": peak_rss_bytes()}


def cold(engine: str, index: Path, spec: dict[str, Any]) -> dict[str, Any]:
    """Import, open the index and answer one query with snippets, timing each step."""
    t_start = T0
    if engine.startswith("ours"):
        import indexer.search  # noqa: F401  (the import is part of start-up)
    else:
        from . import fts5  # noqa: F401
    t_import = time.perf_counter()
    r = runner(engine, index)
    t_open = time.perf_counter()
    total, nhits, _ = r.run(spec)
    t_query = time.perf_counter()
    return {
        "engine": engine,
        "import_seconds": t_import - t_start,
        "open_seconds": t_open - t_import,
        "first_query_seconds": t_query - t_open,
        "in_process_seconds": t_query - t_start,
        "total": total,
        "hits": nhits,
    }


#: Adds files to an index in a separate process, as a harvester would, timing add_files.
#: The add is timed in a process that has loaded the library and NLTK's stemmer, as a
#: harvester has after its first meeting; loading NLTK (once per process) is timed apart.
_ADD_FILES = """
import json, sys, time
from pathlib import Path
from indexer.analysis import load_stemmer
from indexer.build import add_files
t = time.perf_counter()
load_stemmer()
stemmer = time.perf_counter() - t
t = time.perf_counter()
r = add_files(Path(sys.argv[1]), Path(sys.argv[2]), [Path(p) for p in sys.argv[3:]])
print(json.dumps({"seconds": time.perf_counter() - t, "stemmer_load_seconds": stemmer, "passages": r.passages,
                  "files": r.files}))
"""


def _timed_pass(r: Any, specs: list[dict[str, Any]]) -> list[float]:
    """Run every query once; return each one's seconds."""
    out = []
    for spec in specs:
        t = time.perf_counter()
        r.run(spec)
        out.append(time.perf_counter() - t)
    return out


def live_add(index: Path, corpus: Path, queries_file: Path, committee: str, files: list[Path]) -> dict[str, Any]:
    """Add ``files`` to the index from another process while this one serves queries.

    A warm engine answers the query set in a loop on a thread (as a server would) while
    a separate process runs ``add_files``; the engine notices the commit by itself (it
    looks once a second, opening the new commit in the background). Measures: the add,
    the delay until the new passages are searchable, and query latency before, during
    and in the first pass after the switch, beside a cold engine's first pass (what the
    switch would cost if it started with empty caches).
    """
    import subprocess
    import threading

    from indexer.search import SearchEngine, SearchRequest

    from .run import REPO, latency_summary

    sets = json.loads(queries_file.read_text(encoding="utf-8"))["classes"]
    flat = [spec for specs in sets.values() for spec in specs]
    r = OursRunner(index, per_item=None)
    engine = r.engine
    _timed_pass(r, flat)  # warm-up
    baseline = _timed_pass(r, flat)
    before = engine._current()
    samples: list[tuple[float, float, bool]] = []  # (start, seconds, answered by the new commit)
    stop, switched, enough = threading.Event(), threading.Event(), threading.Event()

    def serve() -> None:
        i = after = 0
        while not stop.is_set():
            spec = flat[i % len(flat)]
            i += 1
            t = time.perf_counter()
            r.run(spec)
            new = engine._live is not before
            samples.append((t, time.perf_counter() - t, new))
            if new:
                switched.set()
                after += 1
                if after >= len(flat):
                    enough.set()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    t_start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _ADD_FILES, str(corpus), str(index), *map(str, files)],
                          cwd=REPO, capture_output=True, text=True, check=True)
    t_added = time.perf_counter()
    added = json.loads(proc.stdout.strip().splitlines()[-1])
    # Block (no polling: a polling thread would take the GIL from the one answering).
    visible = switched.wait(60) if added["passages"] else False
    t_visible = time.perf_counter()
    if visible:
        enough.wait(300)
    stop.set()
    thread.join()
    found = engine.search(SearchRequest(q=f'committee:"{committee}"', per_item=0)).total
    during = [d for t, d, new in samples if t_start <= t and not new]
    after = [d for _, d, new in samples if new][: len(flat)]
    engine.close()
    cold_pass = _timed_pass(OursRunner(index, per_item=None), flat)
    return {
        "supported": True,
        "api": "add_files (separate process)",
        "seconds": added["seconds"],
        "stemmer_load_seconds": added["stemmer_load_seconds"],
        "passages": added["passages"],
        "add_process_seconds": t_added - t_start,
        "visible_after_seconds": t_visible - t_added if visible else None,
        "searchable_passages": found,
        "queries": {
            "before": latency_summary(baseline),
            "during_add": latency_summary(during),
            "first_pass_after_switch": latency_summary(after),
            "cold_engine_first_pass": latency_summary(cold_pass),
        },
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.worker")
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name in ("build-ours", "build-fts5"):
        p = sub.add_parser(name)
        p.add_argument("corpus_root", type=Path)
        p.add_argument("target", type=Path)
        p.add_argument("--source", choices=("parsed", "generated"), required=True)
    p = sub.add_parser("query")
    p.add_argument("engine", choices=("ours", "ours_default", "fts5"))
    p.add_argument("index", type=Path)
    p.add_argument("queries", type=Path)
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--warmup", type=int, default=1)
    p.add_argument("--profile", type=Path, help="write cProfile stats of the timed passes here")
    p = sub.add_parser("cold")
    p.add_argument("engine", choices=("ours", "ours_default", "fts5"))
    p.add_argument("index", type=Path)
    p.add_argument("spec", help="query spec as JSON")
    p = sub.add_parser("live-add")
    p.add_argument("index", type=Path)
    p.add_argument("corpus", type=Path)
    p.add_argument("queries", type=Path)
    p.add_argument("committee")
    p.add_argument("files", type=Path, nargs="+")
    args = ap.parse_args(argv)
    if args.cmd == "build-ours":
        result = build_ours(args.corpus_root, args.target, args.source)
    elif args.cmd == "build-fts5":
        result = build_fts5(args.corpus_root, args.target, args.source)
    elif args.cmd == "query":
        gc.collect()
        result = query_bench(args.engine, args.index, args.queries, args.repeat, args.warmup)
    elif args.cmd == "live-add":
        result = live_add(args.index, args.corpus, args.queries, args.committee, args.files)
    else:
        result = cold(args.engine, args.index, json.loads(args.spec))
    sys.stdout.write("\n" + json.dumps(result) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
