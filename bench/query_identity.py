"""Query speed work: check that a change leaves every result page as it was.

    python -m bench.query_identity record --size 100k bench/work/query-pages.json   # before the change
    python -m bench.query_identity check --size 100k bench/work/query-pages.json    # after it

Runs every query of the benchmark's set (``bench/work/runs/<size>-s<seed>/queries.json``)
against the index the last ``bench.run`` built for that size: the default request and
``per_item=0``, pages 1 to 3, and ``results()`` with its overview. Each page is kept as its
JSON form (``ResultPage.to_dict``, less the time it took) plus every hit's rank, score
(exact float), marked title and snippet segments. ``check`` exits 1 and names the first
pages that differ.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from .generate import WORK_DIR, parse_size, size_label

VARIANTS: tuple[dict[str, int], ...] = ({}, {"per_item": 0}, {"page": 2}, {"per_item": 0, "page": 3})


def pages(index: Path, queries: Path) -> dict[str, Any]:
    """Every page of every benchmark query, by ``class/number/variant``."""
    from indexer.search import SearchEngine, SearchRequest

    sets = json.loads(queries.read_text(encoding="utf-8"))["classes"]
    out: dict[str, Any] = {}
    with SearchEngine(index) as engine:
        for cls, specs in sets.items():
            for i, spec in enumerate(specs):
                base = {"q": spec["ours_q"], "sort": spec.get("sort", "relevance"), "per_page": 10}
                for extra in VARIANTS:
                    key = f"{cls}/{i}/{json.dumps(extra, sort_keys=True)}"
                    try:
                        out[key] = _page(engine.search(SearchRequest(**base, **extra)))
                    except Exception as exc:  # noqa: BLE001 - an error is a result to compare too
                        out[key] = f"{type(exc).__name__}: {exc}"
                page, overview = engine.results(SearchRequest(**base))
                out[f"{cls}/{i}/results"] = {**_page(page), "overview": repr(overview)}
    return out


def _page(page: Any) -> dict[str, Any]:
    d = page.to_dict()
    d.pop("seconds")
    d["hits_exact"] = [[h.rank, h.passage_id, repr(h.score), h.title_marked, h.snippet, h.more_in_item,
                        h.words_matched, h.words_missing] for h in page.hits]
    return json.loads(json.dumps(d, default=repr))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.query_identity", description=__doc__.split("\n\n")[0])
    ap.add_argument("what", choices=("record", "check"))
    ap.add_argument("file", type=Path)
    ap.add_argument("--size", default="100k")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--work", type=Path, default=WORK_DIR)
    args = ap.parse_args(argv)
    size = args.size if args.size.endswith("-long") else size_label(parse_size(args.size))
    run_dir = args.work / "runs" / f"{size}-s{args.seed}"
    if not (run_dir / "ours-index").exists():
        print(f"No benchmark index in {run_dir}: run python -m bench.run --sizes {args.size} first.", file=sys.stderr)
        return 2
    now = pages(run_dir / "ours-index", run_dir / "queries.json")
    if args.what == "record":
        args.file.write_text(json.dumps(now, sort_keys=True), encoding="utf-8")
        print(f"{len(now)} pages recorded in {args.file}")
        return 0
    before = json.loads(args.file.read_text(encoding="utf-8"))
    differ = [k for k in sorted(set(before) | set(now)) if before.get(k) != now.get(k)]
    if differ:
        print(f"{len(differ)} of {len(now)} pages differ, e.g.: {', '.join(differ[:5])}")
        return 1
    print(f"all {len(now)} pages identical")
    return 0


if __name__ == "__main__":
    sys.exit(main())
