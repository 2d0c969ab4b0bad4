"""The benchmark harness: statistics, the HTTP load client, and one tiny end-to-end run."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from bench import http_load, incremental, report, run


@pytest.mark.parametrize(
    ("values", "pct", "expected"),
    [([1.0], 50, 1.0), ([1.0, 2.0, 3.0, 4.0], 50, 2.5), ([1.0, 2.0, 3.0, 4.0, 5.0], 95, 4.8), (list(range(101)), 95, 95.0)],
)
def test_percentile(values: list[float], pct: float, expected: float) -> None:
    assert run.percentile(values, pct) == pytest.approx(expected)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, like gunicorn

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        body = json.dumps({"total": 1, "path": self.path}).encode()
        self.send_response(200 if self.path.startswith("/search.json") else 404)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


def test_load_client_sends_exactly_the_requests_asked() -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    try:
        paths = [http_load.search_path({"ours_q": q}) for q in ("police", '"county lines"', "speaker:commissioner precept")]
        r = http_load.load(server.server_address[1], paths, clients=4, requests=57, max_seconds=30)
    finally:
        server.shutdown()
        server.server_close()
    assert (r["ok"], r["errors"], r["requests_sent"]) == (57, 0, 57)
    assert len(r["latencies"]) == 57 and r["throughput_rps"] > 0


def test_search_path_encodes_the_query() -> None:
    path = http_load.search_path({"ours_q": 'speaker:commissioner "county lines"', "sort": "newest"})
    assert path == "/search.json?q=speaker%3Acommissioner+%22county+lines%22&page=1&per_page=10&sort=newest"


def test_tiny_end_to_end_run(tmp_path: Path) -> None:
    """The whole run at 400 passages: every phase produces figures and the report renders."""
    results, work = tmp_path / "results", tmp_path / "work"
    assert run.main(["--sizes", "400", "--queries-per-class", "3", "--repeat", "1", "--cold-runs", "1",
                     "--http-sizes", "400", "--http-requests", "30", "--http-startups", "2", "--incremental-sizes", "400", "--results", str(results),
                     "--work", str(work)]) == 0
    r = json.loads((results / "400.json").read_text())
    assert r["passages"] == 400
    # the real parser may split the generator's 400 passages differently; both engines get the same
    assert r["build"]["ours"]["passages"] == r["build"]["fts5"]["passages"] > 0
    assert r["queries"]["runners"] == ["ours", "ours_default", "fts5"]
    for cls, entry in r["queries"]["classes"].items():
        assert entry["fts5"]["n"] == 3, cls
        assert entry["ours"]["errors"] == 0, (cls, entry["ours"]["error_examples"])
        # each query's first asking is timed apart from the repeated passes
        assert entry["ours_default"]["first_asked"]["n"] == entry["fts5"]["first_asked"]["n"] == 3, cls
    assert r["queries"]["all_first_asked"]["ours_default"]["n"] == 18
    assert r["queries"]["count_agreement"]["compared"] == 18
    assert r["cold_start"]["ours"]["os_cache_warm"]["in_process_seconds"] > 0
    if r["http"]["supported"]:
        assert r["http"]["errors"] == 0 and r["http"]["ok"] == 30
        runs = r["http"]["startup_runs_seconds"]
        assert len(runs) == 2 and r["http"]["startup_to_first_answer_seconds"] == (min(runs) + max(runs)) / 2
        # the 18 distinct requests once each, on a fresh server of their own, before the load
        first = r["http"]["first_pass"]
        assert (first["ok"], first["errors"], first["n"]) == (18, 0, 18) and first["throughput_rps"] > 0
        assert "| HTTP first pass, 18 distinct requests on a fresh server (caches cold)" in (
            results / "README.md").read_text()
    assert r["incremental"]["fts5"]["supported"]
    ours = r["incremental"]["ours"]
    assert ours["passages"] == ours["searchable_passages"] == r["incremental"]["fts5"]["passages"] > 0
    assert ours["visible_after_seconds"] > 0
    assert ours["stemmer_load_seconds"] > 0
    assert ours["queries"]["before"]["n"] == ours["queries"]["first_pass_after_switch"]["n"] == 18
    assert "first pass after the switch" in (results / "README.md").read_text()
    assert "loading NLTK's stemmer first" in (results / "README.md").read_text()
    readme = (results / "README.md").read_text()
    assert "## 400 passages" in readme and "| target | measured | result |" in readme
    assert "| query `rare` p95, the first time each query is asked (ours_default) (ms) |" in readme
    assert report.load_results(results)[0]["size"] == "400"
