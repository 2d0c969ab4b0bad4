"""End to end: the real `minutes serve` (gunicorn, threaded workers) answering over HTTP."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from .servers import running_server


@pytest.fixture(scope="module")
def server(bundled_index, tmp_path_factory):
    with running_server(bundled_index, tmp_path_factory.mktemp("e2e"), workers=2, threads=4) as (base, log):
        yield base, log


def get(url: str) -> tuple[int, dict[str, str], str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.status, dict(r.headers), r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read().decode("utf-8")


def test_binds_to_loopback_only(server):
    base, log = server
    assert f"Listening at: {base}" in log.read_text()


def test_search_page_highlights_county_lines(server):
    base, _ = server
    status, headers, body = get(base + "/search?q=county+lines")
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert "<mark>County lines</mark>" in body
    assert "Police and Crime Commissioner - Police and Crime Plan Delivery" in body


def test_json_and_filters(server):
    base, _ = server
    status, headers, body = get(base + "/search.json?q=speaker:commissioner+county+lines")
    assert (status, headers["Content-Type"]) == (200, "application/json")
    data = json.loads(body)
    assert data["total"] >= 1
    assert {h["speaker_role"] for h in data["hits"]} == {"commissioner"}


def test_bad_query_is_a_400_with_advice_not_a_traceback(server):
    base, _ = server
    status, _, body = get(base + "/search?q=%22county+lines")
    assert status == 400
    assert "is never closed" in body and "Traceback" not in body
    status, _, body = get(base + "/search.json?q=foo:bar")
    assert (status, json.loads(body)) == (400, {
        "error": 'There is no filter called "foo:". Filters you can use: section:, speaker:, committee:, date:, '
                 "before:, after:, title:, name:, item:, exact:",
        "status": 400,
    })


@pytest.mark.parametrize("path", ["/static/../pyproject.toml", "/static/%2e%2e/%2e%2e/pyproject.toml", "/item/nope", "/../../etc/passwd"])
def test_no_files_outside_static_and_no_unknown_items(server, path):
    base, _ = server
    status, _, body = get(base + path)
    assert status == 404
    assert "[project]" not in body and "root:" not in body


def test_security_headers(server):
    base, _ = server
    _, headers, _ = get(base + "/")
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["Content-Security-Policy"].startswith("default-src 'none'")


def test_concurrent_requests_all_succeed(server):
    base, _ = server
    queries = ["county+lines", "precept", "modern+slavery", "speaker:chief_constable", "section:resolution"] * 8
    with ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(lambda q: get(f"{base}/search.json?q={q}")[0], queries))
    assert statuses == [200] * len(queries)
