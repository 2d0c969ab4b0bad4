"""A real server (gunicorn) while builds and updates publish (issue 15, failure 5): no
HTTP 500 for a generation removed under it, and an idle server is current within a
second."""

from __future__ import annotations

import json
import os
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from indexer import store
from indexer.build import build_index, update_index

from .servers import running_server
from .writers import Corpus


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def _total(base: str, word: str) -> int:
    status, body = _get(f"{base}/search.json?" + urllib.parse.urlencode({"q": word, "per_item": 0}))
    assert status == 200, body
    return int(json.loads(body)["total"])


def test_an_idle_server_never_answers_500_and_is_current_within_a_second(tmp_path):
    corpus = Corpus.make(tmp_path / "corpus", 12)
    root = tmp_path / "index"
    build_index(corpus.folder, root)
    first = store.current_name(root)
    (tmp_path / "home").mkdir()
    with running_server(root, tmp_path / "home", workers=2, threads=4) as (base, log):
        word = next(iter(corpus.words.values()))
        assert _total(base, word) == 1
        # Age the folder the workers have open: cleanup by age would remove it at the
        # next publish but one.
        os.utime(root / first, (1, 1))
        build_index(corpus.folder, root)
        build_index(corpus.folder, root)
        time.sleep(1.0)  # idle: no request tells the workers to look
        with ThreadPoolExecutor(10) as pool:
            answers = list(pool.map(lambda _: _get(f"{base}/search.json?q={word}"), range(40)))
        assert [s for s, _ in answers] == [200] * 40
        status, body = _get(f"{base}/healthz")
        assert status == 200 and json.loads(body)["generation"] == store.current_name(root)

        # An idle server serves an update within a second of its commit.
        added = corpus.add()
        update_index(corpus.folder, root)
        time.sleep(1.0)
        with ThreadPoolExecutor(4) as pool:  # the first request to each worker, at once
            totals = list(pool.map(lambda _: _total(base, corpus.words[added]), range(8)))
        assert totals == [1] * 8
    assert b" 500 " not in log.read_bytes()
