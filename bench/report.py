"""Render ``bench/results/README.md`` from the raw ``bench/results/<size>.json`` files."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any

from .generate import parse_size

_SIZE_FILE = re.compile(r"^\d+[km]?(-long)?\.json$")
MB = 1e6


def load_results(results: Path) -> list[dict[str, Any]]:
    out = [json.loads(p.read_text()) for p in results.glob("*.json") if _SIZE_FILE.match(p.name)]
    return sorted(out, key=lambda r: (r["passages"], r["size"]))


def _num(x: Any, fmt: str = "{:,.0f}") -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    return fmt.format(x)


def _ratio(a: Any, b: Any) -> str:
    if not isinstance(a, (int, float)) or not isinstance(b, (int, float)) or not b or math.isnan(a) or math.isnan(b):
        return "–"
    return f"{a / b:.2f}×"


def _get(d: dict[str, Any] | None, *keys: str) -> Any:
    for k in keys:
        if not isinstance(d, dict) or k not in d:
            return None
        d = d[k]
    return d


def size_section(r: dict[str, Any]) -> list[str]:
    b = r.get("build", {})
    cs = r.get("cold_start", {})
    q = r.get("queries", {})
    m = r["machine"]
    lines = [
        f"## {r['size']} passages",
        "",
        f"Run {r['date']} at commit `{r['git']['commit'][:10]}`{' (dirty)' if r['git'].get('dirty') else ''}, "
        f"seed {r['seed']}, {r['runtime_seconds'] / 60:.1f} min. Machine: {m['cpu'] or 'unknown CPU'}, "
        f"{m['cores']} cores, {m['memory_bytes'] / 2**30:.0f} GiB; Python {m['python']}, SQLite {m['sqlite']}, "
        f"Whoosh {m['whoosh']}.",
        "",
        f"Archive: {r['corpus']['files']:,} files, {r['corpus']['meetings']:,} meetings, "
        f"{r['corpus']['committees']} committees, {r['corpus']['first_date']}–{r['corpus']['last_date']}; raw text "
        f"{r['corpus']['corpus_bytes'] / MB:.1f} MB of minute files ({r['corpus']['passage_text_bytes'] / MB:.1f} MB "
        f"of passage text). Records indexed by both engines: **{r['source']}** ({r['parser_status']}); "
        f"passages indexed: {_indexed(r)}.",
        "",
        "| measure | ours | FTS5 | ours ÷ FTS5 |",
        "|---|---:|---:|---:|",
    ]

    def row(name: str, a: Any, f: Any, fmt: str = "{:,.0f}") -> None:
        lines.append(f"| {name} | {_num(a, fmt)} | {_num(f, fmt)} | {_ratio(a, f)} |")

    o, f = b.get("ours", {}), b.get("fts5", {})
    row("indexing rate, end to end incl. parsing (passages/s)", o.get("passages_per_second"), f.get("passages_per_second"))
    row("indexing rate without parsing (passages/s)", o.get("passages_per_second_without_parsing"),
        f.get("passages_per_second_without_parsing"))
    row("build time, end to end (s)", o.get("seconds"), f.get("seconds"), "{:,.1f}")
    row("… of which producing records / parsing (s)", o.get("parse_seconds"), f.get("parse_seconds"), "{:,.1f}")
    parse_cpu = f.get("parse_only_cpu_seconds")
    if parse_cpu:
        row("… of which the parser alone, one process (CPU s)", None, parse_cpu, "{:,.1f}")
        row("parser alone: MB of minute files per CPU second (per core)", None,
            r["corpus"]["corpus_bytes"] / MB / parse_cpu, "{:.2f}")
    row("index size on disk (MB)", _div(o.get("index_bytes"), MB), _div(f.get("index_bytes"), MB), "{:,.1f}")
    row("index size ÷ raw minute files", o.get("index_to_raw_ratio"), f.get("index_to_raw_ratio"), "{:.2f}×")
    row("peak memory of the build process (MB)", _div(o.get("peak_rss_bytes"), MB), _div(f.get("peak_rss_bytes"), MB))
    for mode, label in (("os_cache_warm", "OS cache warm"), ("os_cache_evicted", "index evicted from OS cache")):
        row(f"cold start: import + open + first query, {label} (ms)",
            _ms(_get(cs, "ours", mode, "in_process_seconds")), _ms(_get(cs, "fts5", mode, "in_process_seconds")))
    row("cold start incl. interpreter start, OS cache warm (ms)",
        _ms(_get(cs, "ours", "os_cache_warm", "process_wall_seconds")),
        _ms(_get(cs, "fts5", "os_cache_warm", "process_wall_seconds")))
    has_default = "ours_default" in q.get("runners", [])
    for cls, entry in q.get("classes", {}).items():
        for p in ("p50", "p95"):
            a, c = _get(entry, "ours", f"{p}_ms"), _get(entry, "fts5", f"{p}_ms")
            err = _get(entry, "ours", "errors")
            name = f"query `{cls}` {p} (ms)" + (f" — ours: {err} errors" if err and p == "p50" else "")
            row(name, a, c, "{:,.1f}")
    for p in ("p50", "p95"):
        row(f"**query, all classes pooled, {p} (ms)**", _get(q, "all", "ours", f"{p}_ms"), _get(q, "all", "fts5", f"{p}_ms"),
            "{:,.1f}")
    if has_default:
        for p in ("p50", "p95"):
            row(f"query, all classes pooled, {p}, ours' default request (2 per item) (ms)",
                _get(q, "all", "ours_default", f"{p}_ms"), _get(q, "all", "fts5", f"{p}_ms"), "{:,.1f}")
        for cls, entry in q.get("classes", {}).items():
            row(f"query `{cls}` p95, ours' default request (ms)", _get(entry, "ours_default", "p95_ms"),
                _get(entry, "fts5", "p95_ms"), "{:,.1f}")
    # Each query's first asking (the untimed-before warm-up pass, timed): what a query no one
    # asked before costs, without the engine's per-index caches answering part of it.
    who = "ours_default" if has_default else "ours"
    if _get(q, "all_first_asked", who, "p95_ms") is not None:
        for p in ("p50", "p95"):
            row(f"query, all classes pooled, {p}, the first time each query is asked ({who}) (ms)",
                _get(q, "all_first_asked", who, f"{p}_ms"), _get(q, "all_first_asked", "fts5", f"{p}_ms"), "{:,.1f}")
        for cls, entry in q.get("classes", {}).items():
            row(f"query `{cls}` p95, the first time each query is asked ({who}) (ms)",
                _get(entry, who, "first_asked", "p95_ms"), _get(entry, "fts5", "first_asked", "p95_ms"), "{:,.1f}")
    inc = r.get("incremental")
    if inc:
        lines.append(
            f"| incremental add of one meeting ({inc['passages']} passages) (s) | "
            f"{_num(_get(inc, 'ours', 'seconds'), '{:.3f}') if _get(inc, 'ours', 'supported') else 'not supported'} | "
            f"{_num(_get(inc, 'fts5', 'seconds'), '{:.3f}')} | "
            f"{_ratio(_get(inc, 'ours', 'seconds'), _get(inc, 'fts5', 'seconds'))} |"
        )
        if _get(inc, "ours", "stemmer_load_seconds") is not None:
            lines.append(f"| … loading NLTK's stemmer first, once per adding process (s) | "
                         f"{inc['ours']['stemmer_load_seconds']:.3f} | – | – |")
        live = _get(inc, "ours", "queries")
        if live:
            lines.append(f"| … new passages searchable by a running engine, after the commit (s) | "
                         f"{_num(_get(inc, 'ours', 'visible_after_seconds'), '{:.2f}')} | – | – |")
            for key, what in (("before", "before the add (warm)"), ("during_add", "while the add runs"),
                              ("first_pass_after_switch", "first pass after the switch"),
                              ("cold_engine_first_pass", "a cold engine's first pass (for comparison)")):
                lines.append(f"| … query p50 / p95 / max, {what} (ms) | "
                             f"{_num(_get(live, key, 'p50_ms'), '{:.1f}')} / {_num(_get(live, key, 'p95_ms'), '{:.1f}')}"
                             f" / {_num(_get(live, key, 'max_ms'), '{:.1f}')} | – | – |")
    h = r.get("http")
    if h is not None:
        if h.get("supported"):
            lines.append(f"| HTTP, {h['clients']} clients, {h['ok']:,} requests: throughput (req/s) | "
                         f"{h['throughput_rps']:,.0f} | – | – |")
            lines.append(f"| HTTP p50 / p95 (ms) | {h['p50_ms']:.1f} / {h['p95_ms']:.1f} | – | – |")
            fp = h.get("first_pass")
            if fp and fp.get("p50_ms") is not None:  # runs before the first pass was measured have none
                lines.append(f"| HTTP first pass, {fp['ok']:,} distinct requests on a fresh server (caches cold): "
                             f"throughput (req/s), p50 / p95 (ms) | {fp['throughput_rps']:,.0f}, "
                             f"{fp['p50_ms']:.1f} / {fp['p95_ms']:.1f} | – | – |")
            runs = h.get("startup_runs_seconds") or [h["startup_to_first_answer_seconds"]]
            spread = f" (median of {len(runs)} starts; {min(runs):.2f}–{max(runs):.2f})" if len(runs) > 1 else ""
            lines.append(f"| HTTP start-up to first answered search (s){spread} | "
                         f"{h['startup_to_first_answer_seconds']:.2f} | – | – |")
        else:
            lines.append(f"| HTTP | not measured: {h['reason']} | – | – |")
    lines.append("")
    agr = q.get("count_agreement", {})
    if agr.get("compared"):
        lines.append(
            f"Match counts agree (ours `ResultPage.complete`, the passages with every word, = FTS5 `count(*)`; an acronym such as PCC also finds its long form in ours) on **{agr['agree']}/{agr['compared']}** "
            f"queries ({agr['rate']:.1%})"
            + ("; disagreements: " + "; ".join(
                f"`{d['ours_q']}` {d['ours_total']} vs {d['fts5_total']}" for d in agr["disagreements"][:5])
               if agr["disagreements"] else "")
            + "."
        )
    ta = q.get("tokeniser_agreement")
    if ta:
        lines.append(
            f"Query words are drawn only from the {ta['agreeing_words']:,} of {ta['vocabulary_words']:,} alphabetic "
            f"vocabulary words whose Snowball class equals their SQLite Porter class and that are not stop words "
            f"({ta['excluded_stem_class_differs']} excluded for stemming, e.g. "
            + ", ".join(f"{e['word']} ({'/'.join(e['snowball_class'])} vs {'/'.join(e['porter_class'])})"
                        for e in ta["examples_stem_class_differs"][:3])
            + f"; {ta['excluded_stop_words']} stop words)."
        )
    errs = [(cls, _get(e, "ours", "error_examples")) for cls, e in q.get("classes", {}).items() if _get(e, "ours", "errors")]
    for cls, ex in errs:
        lines.append(f"Our engine failed every `{cls}` query: `{ex[0] if ex else '?'}`.")
    lines.append("")
    return lines


def _indexed(r: dict[str, Any]) -> str:
    counts = {e: b.get("passages") for e, b in r.get("build", {}).items()}
    shown = ", ".join(f"{e} {n:,}" for e, n in counts.items() if n is not None)
    return (shown or "–") + f" (the generator wrote {r['passages']:,}; the real parser may split them differently)"


def _div(x: Any, d: float) -> Any:
    return x / d if isinstance(x, (int, float)) else None


def _ms(x: Any) -> Any:
    return x * 1000 if isinstance(x, (int, float)) else None


def targets(results: list[dict[str, Any]]) -> list[str]:
    by = {r["size"]: r for r in results}
    rows: list[tuple[str, str, str]] = []

    def check(name: str, size: str, value: Any, ok: Any, fmt: str) -> None:
        if size not in by:
            rows.append((name, "not run", "–"))
        elif value is None:
            rows.append((name, "not measured", "–"))
        else:
            rows.append((name, fmt.format(value), "**pass**" if ok else "**FAIL**"))

    for size in ("100k", "1m"):
        v = _get(by.get(size), "build", "ours", "passages_per_second")
        check(f"{size}: indexing ≥ 1,500 passages/s (end to end)", size, v, v is not None and v >= 1500, "{:,.0f}/s")
    r = by.get("100k-long")
    secs, raw = _get(r, "build", "ours", "seconds"), _get(r, "corpus", "corpus_bytes")
    rate = raw / MB / secs if secs and raw else None
    check("100k-long: indexing ≥ 1.5 MB/s of minute files, end to end, 2 processes (issue 15)", "100k-long", rate,
          rate is not None and rate >= 1.5, "{:.2f} MB/s")
    for size in ("100k", "100k-long", "1m"):
        cpu, raw = _get(by.get(size), "build", "fts5", "parse_only_cpu_seconds"), _get(by.get(size), "corpus", "corpus_bytes")
        rate = raw / MB / cpu if cpu and raw else None
        check(f"{size}: parsing alone ≥ 1 MB/s of minute files per core (issue 12)", size, rate,
              rate is not None and rate >= 1.0, "{:.2f} MB/s")
    r = by.get("100k")
    who = "ours_default" if "ours_default" in (_get(r, "queries", "runners") or []) else "ours"
    p50 = _get(r, "queries", "all", who, "p50_ms")
    check(f"100k: query p50 ≤ 25 ms (all classes pooled; {who})", "100k", p50, p50 is not None and p50 <= 25, "{:.1f} ms")
    p95, f95 = _get(r, "queries", "all", who, "p95_ms"), _get(r, "queries", "all", "fts5", "p95_ms")
    check(f"100k: query p95 below FTS5's p95 in the same run ({who})", "100k",
          None if p95 is None or f95 is None else (p95, f95), p95 is not None and f95 is not None and p95 < f95,
          "{0[0]:.1f} ms vs {0[1]:.1f} ms")
    r = by.get("1m")
    v = _get(r, "build", "ours", "seconds")
    check("1m: build ≤ 15 min", "1m", _div(v, 60), v is not None and v <= 900, "{:.1f} min")
    v = _get(r, "build", "ours", "index_to_raw_ratio")
    check("1m: index ≤ 2.5× the raw text", "1m", v, v is not None and v <= 2.5, "{:.2f}×")
    v = _get(r, "build", "ours", "peak_rss_bytes")
    check("1m: peak build memory ≤ 2 GB", "1m", _div(v, 1e9), v is not None and v <= 2e9, "{:.2f} GB")
    who = "ours_default" if "ours_default" in (_get(r, "queries", "runners") or []) else "ours"
    v = _get(r, "queries", "all", who, "p95_ms")
    check(f"1m: query p95 ≤ 500 ms ({who})", "1m", v, v is not None and v <= 500, "{:.1f} ms")
    h = _get(by.get("100k"), "http")
    if h is not None and h.get("supported"):
        ok = h["throughput_rps"] >= 200 and h["p95_ms"] <= 100
        check("100k HTTP: ≥ 200 req/s at 8 clients with p95 ≤ 100 ms", "100k", (h["throughput_rps"], h["p95_ms"]), ok,
              "{0[0]:.0f} req/s, p95 {0[1]:.1f} ms")
        v = h["startup_to_first_answer_seconds"]
        check("100k: first user request answered ≤ 0.5 s after start", "100k", v, v <= 0.5, "{:.2f} s")
    else:
        check("100k HTTP: ≥ 200 req/s at 8 clients with p95 ≤ 100 ms", "100k", None, False, "")
        v = _get(by.get("100k"), "cold_start", "ours", "os_cache_warm", "process_wall_seconds")
        rows.append(("100k: first user request answered ≤ 0.5 s after start",
                     "no server; library cold start incl. interpreter "
                     + (f"{v:.2f} s" if v is not None else "not measured"), "not measured"))
    inc = _get(by.get("100k"), "incremental", "ours")
    if inc is not None and inc.get("supported"):
        check("100k: incremental add of one meeting ≤ 2 s", "100k", inc["seconds"], inc["seconds"] <= 2, "{:.2f} s")
        live = inc.get("queries")
        if live:
            base = live["before"]["p95_ms"]
            worst = max(live["during_add"].get("p95_ms", 0.0), live["first_pass_after_switch"]["p95_ms"])
            ok = inc["searchable_passages"] == inc["passages"] and worst <= max(2 * base, base + 5)
            check("100k: … searchable right after by the running engine, query p95 during and after within "
                  "2× (or +5 ms of) the warm p95", "100k",
                  (inc["visible_after_seconds"], inc["searchable_passages"], inc["passages"], base, worst), ok,
                  "{0[0]:.2f} s after the commit, {0[1]}/{0[2]} passages found; p95 {0[3]:.1f} → {0[4]:.1f} ms")
    else:
        rows.append(("100k: incremental add of one meeting ≤ 2 s",
                     "not supported by the engine" if inc is not None else "not run", "–"))
    # Issue 11: the soft AND model keeps query speed ahead of FTS5, on short and long passages.
    for size in ("100k", "100k-long"):
        r = by.get(size)
        who = "ours_default" if "ours_default" in (_get(r, "queries", "runners") or []) else "ours"
        v = _get(r, "queries", "all", who, "p95_ms")
        check(f"{size}: query p95 ≤ 10 ms (all classes pooled; {who}; issue 11)", size, v, v is not None and v <= 10,
              "{:.1f} ms")
        for cls in _get(r, "queries", "classes") or []:
            ours, fts = _get(r, "queries", "classes", cls, who, "p95_ms"), _get(r, "queries", "classes", cls, "fts5", "p95_ms")
            check(f"{size}: `{cls}` p95 below FTS5's ({who}; issue 11)", size,
                  None if ours is None or fts is None else (ours, fts), ours is not None and fts is not None and ours < fts,
                  "{0[0]:.1f} ms vs {0[1]:.1f} ms")
    r = by.get("1m")
    who = "ours_default" if "ours_default" in (_get(r, "queries", "runners") or []) else "ours"
    v = _get(r, "queries", "all", who, "p95_ms")
    check(f"1m: query p95 ≤ 50 ms ({who}; issue 11)", "1m", v, v is not None and v <= 50, "{:.1f} ms")
    h = _get(r, "http")
    measured = h is not None and bool(h.get("supported"))
    check("1m HTTP: ≥ 300 req/s at 8 clients (issue 11)", "1m",
          (h["throughput_rps"], h["clients"], h["p95_ms"]) if measured else None,
          measured and h["clients"] >= 8 and h["throughput_rps"] >= 300, "{0[0]:.0f} req/s at {0[1]} clients, p95 {0[2]:.1f} ms")
    out = ["## Targets (issue)", "", "| target | measured | result |", "|---|---|---|"]
    out += [f"| {a} | {b} | {c} |" for a, b, c in rows]
    return out + [""]


def write_readme(results: Path) -> Path:
    res = load_results(results)
    lines = [
        "# Benchmark results: minutes-search vs SQLite FTS5",
        "",
        "Generated by `python -m bench.run` (see `bench/README.md` for method and fairness notes); "
        "raw figures per size in `<size>.json`. Ratios are ours ÷ FTS5: below 1× is better for times, "
        "sizes and memory, above 1× is better for rates.",
        "",
        "`ours` = `SearchEngine.search` with `per_item=0`: a plain top 10 with the full match count, the same "
        "work as FTS5's page. `ours_default` = the engine's default request (at most 2 passages per agenda "
        "item, as the web UI asks); the query targets are judged on it (FTS5 does not collapse).",
        "",
        "Query times are of timed passes after a warm-up pass over the same queries, so ours' per-index "
        "caches (parsed queries, posting lists of common and small words, stored passages, snippets) answer "
        "part of each repeated query, as they do for a user paging or filtering; SQLite has only its page "
        "cache. The rows \"the first time each query is asked\" time that warm-up pass: the cost of a "
        "query no one asked before.",
        "",
    ]
    lines += targets(res)
    for r in res:
        lines += size_section(r)
    path = results / "README.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


if __name__ == "__main__":
    print(write_readme(Path(__file__).resolve().parent / "results"))
