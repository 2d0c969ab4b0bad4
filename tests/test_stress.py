"""Long write-path runs (``make stress``; issue 15): SIGKILL at random moments of builds
and updates while a real server answers, a file-size limit standing in for a full disk,
overlapping writers, a build racing an update, and 16 clients for 60 s while builds and
updates publish and the server reloads. Each prints its figures.

After every kill the server must serve exactly the old or the new state (every file's
unique word found in that file, no word of another state), and the next ``--update``
must make the index match the corpus exactly.
"""

from __future__ import annotations

import http.client
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

import pytest

from indexer import store
from indexer.build import update_index

from .servers import PIDS, running_server
from .writers import Corpus, indexed, kill_after, minutes, start_minutes

pytestmark = pytest.mark.stress

KILLS = int(os.environ.get("MINUTES_STRESS_KILLS", "20"))
FIGURES: dict[str, object] = {}


def _report(name: str, value: object) -> None:
    FIGURES[name] = value
    sys.__stdout__.write(f"\n[stress] {name}: {value}\n")
    sys.__stdout__.flush()


def _get(base: str, path: str) -> tuple[int, bytes]:
    url = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def served(base: str, words: set[str], states: list[dict[str, str]] | None = None) -> dict[str, str]:
    """What the server answers: word → the file it is found in. With ``states``, check
    that each answer (one request; requests may go to workers a moment apart in
    switching) is all of one of them."""
    found: dict[str, str] = {}
    ordered = sorted(words)
    for i in range(0, len(ordered), 30):
        chunk = ordered[i:i + 30]
        status, body = _get(base, "/search.json?" + urllib.parse.urlencode(
            {"q": " OR ".join(chunk), "per_item": 0, "per_page": 100}))
        assert status == 200, body[:300]
        answer: dict[str, str] = {}
        for hit in json.loads(body)["hits"]:
            (word,) = [w for w in chunk if w in hit["snippet"]]
            assert word not in answer
            answer[word] = hit["source"]
        if states is not None:
            wants = [{w: st[w] for w in chunk if w in st} for st in states]
            assert any(answer == want for want in wants), (
                "the server served a mix of states; per state, word: (served, expected) where they differ",
                [{w: (answer.get(w), want.get(w)) for w in sorted(set(answer) | set(want))
                  if answer.get(w) != want.get(w)} for want in wants])
        found.update(answer)
    return found


def _settled(base: str, root: Path, words: set[str], states: list[dict[str, str]], seconds: float = 6.0,
             steady: float = 0.0) -> dict[str, str]:
    """Check the server serves one of ``states`` now and, within ``seconds``, the live one.
    With ``steady``, from every worker: only once every answer for ``steady`` seconds (dozens
    of requests, which the workers share) is the live state. Before the corpus changes again,
    a worker still opening the new state while another already serves it would otherwise
    serve the state before that at the next check, which is neither of the next two."""
    now = served(base, words, states)
    live = indexed(root, words)
    assert live in states
    deadline = time.monotonic() + seconds
    since = time.monotonic() if now == live else None
    while since is None or time.monotonic() - since < steady:
        assert time.monotonic() < deadline, "the server did not switch to the live state"
        time.sleep(0.1)
        now = served(base, words, states)
        if now != live:
            since = None
        elif since is None:
            since = time.monotonic()
    return live


def _kill_run(kind: str, corpus: Corpus, root: Path, base: str, rng: random.Random, duration: float) -> bool:
    old = corpus.expected()
    if kind == "build":
        corpus.mutate(rng, add=4, change=3, remove=2)
        args = ("index", str(corpus.folder), "--index", str(root), "-q", "-j", "2")
    else:
        corpus.mutate(rng, add=6, change=4, remove=3)
        args = ("index", str(corpus.folder), "--index", str(root), "-q", "--update")
    new = corpus.expected()
    every = set(old) | set(new)
    proc = start_minutes(*args)
    killed = kill_after(proc, rng.uniform(0.0, duration))
    proc.communicate()
    if not killed:
        assert proc.returncode == 0
    _settled(base, root, every, [old, new])
    update_index(corpus.folder, root)  # in this process: the import is paid once
    assert _settled(base, root, every, [old, new], steady=1.0) == new  # the server may take a moment to switch
    return killed


def _timed(*args: str) -> float:
    started = time.monotonic()
    r = minutes(*args)
    assert r.returncode == 0, r.stderr
    return time.monotonic() - started


@pytest.mark.parametrize("kind", ["build", "update"])
def test_random_kills_while_serving(tmp_path, kind):
    rng = random.Random(f"kills-{kind}")
    corpus = Corpus.make(tmp_path / "corpus", 150)
    root = tmp_path / "index"
    (tmp_path / "home").mkdir()
    build_time = _timed("index", str(corpus.folder), "--index", str(root), "-q", "-j", "2")
    with running_server(root, tmp_path / "home", workers=2) as (base, log):
        duration = build_time
        if kind == "update":  # how long an update of the size _kill_run makes takes
            before = corpus.expected()
            corpus.mutate(rng, add=6, change=4, remove=3)
            duration = _timed("index", str(corpus.folder), "--index", str(root), "-q", "--update")
            _settled(base, root, set(before) | set(corpus.expected()), [before, corpus.expected()], steady=1.0)
        killed = tried = 0
        while killed < KILLS:
            tried += 1
            if _kill_run(kind, corpus, root, base, rng, duration * 1.2):
                killed += 1
            else:  # it finished first: aim earlier (the one timing above may have met a busy moment)
                duration *= 0.85
            assert tried < KILLS * 4, "the writer kept finishing before the kill"
        assert b'" 500 ' not in log.read_bytes()
    _report(f"{kind}s killed at random moments (survived)", f"{killed} of {tried} runs killed, all {killed} survived")


def test_a_kill_at_every_named_step_while_serving(tmp_path):
    rng = random.Random("steps")
    corpus = Corpus.make(tmp_path / "corpus", 60)
    root = tmp_path / "index"
    (tmp_path / "home").mkdir()
    minutes("index", str(corpus.folder), "--index", str(root), "-q")
    steps = [(s, ("--update",)) for s in store.UPDATE_STEPS] + [(s, ()) for s in store.BUILD_STEPS]
    with running_server(root, tmp_path / "home", workers=2) as (base, _):
        for step, extra in steps:
            old = corpus.expected()
            corpus.mutate(rng)
            new = corpus.expected()
            every = set(old) | set(new)
            r = minutes("index", str(corpus.folder), "--index", str(root), "-q", *extra, env={store.KILL_ENV: step})
            assert r.returncode == -signal.SIGKILL, (step, r.stderr)
            state = _settled(base, root, every, [old, new])
            assert state == (new if step.endswith(":published") else old), step
            assert minutes("index", str(corpus.folder), "--index", str(root), "-q", "--update").returncode == 0
            assert _settled(base, root, every, [old, new], steady=1.0) == new
    _report("kills at named steps (survived)", f"{len(steps)} of {len(steps)}")


def _limit_file_size(limit: int):
    def apply() -> None:
        import resource

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def test_a_write_failure_injected_by_the_os_loses_nothing(tmp_path):
    """Where no small file system can be mounted: a file-size limit makes the kernel fail
    the update's writes (EFBIG), as a full disk would (ENOSPC)."""
    corpus = Corpus.make(tmp_path / "corpus", 20)
    root = tmp_path / "index"
    minutes("index", str(corpus.folder), "--index", str(root), "-q")
    old = corpus.expected()
    for _ in range(300):
        corpus.add()
    new = corpus.expected()
    r = subprocess.run([sys.executable, "-m", "indexer.cli", "index", str(corpus.folder), "--index", str(root), "-q",
                        "--update"], capture_output=True, text=True, preexec_fn=_limit_file_size(48 * 1024))
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    assert r.stderr.startswith(f"Error: Writing the index in {root} failed: File too large (")
    assert r.stderr.endswith("Check the disk and run it again. The previous index is unchanged.\n")
    assert indexed(root, set(new)) == old
    assert minutes("index", str(corpus.folder), "--index", str(root), "-q", "--update").returncode == 0
    assert indexed(root, set(new)) == new


def test_overlapping_writers_take_turns(tmp_path):
    """Eight writers at once (updates and builds, half of them waiting, half not): each
    either finishes or says another is running; none loses a file."""
    rng = random.Random("overlap")
    corpus = Corpus.make(tmp_path / "corpus", 200)
    root = tmp_path / "index"
    minutes("index", str(corpus.folder), "--index", str(root), "-q")
    outcomes = {"finished": 0, "told busy": 0}
    for _ in range(3):
        corpus.mutate(rng, add=10, change=5, remove=5)
        procs = []
        for i in range(8):
            args = ["index", str(corpus.folder), "--index", str(root), "-q"]
            args += ["--update"] if i % 2 == 0 else []
            args += ["--wait"] if i % 4 < 2 else []
            procs.append(start_minutes(*args))
        for p in procs:
            _, err = p.communicate(timeout=300)
            assert "Traceback" not in err
            if p.returncode == 0:
                outcomes["finished"] += 1
            else:
                assert "Another build or update of the index" in err, err
                outcomes["told busy"] += 1
        assert indexed(root, set(corpus.expected())) == corpus.expected()
    _report("overlapping writers", outcomes)


def test_a_build_racing_an_update_keeps_the_updates_file(tmp_path):
    """Failure 3: a file an update indexed while a full build ran vanished when the
    build published (the build had read the corpus before the update)."""
    corpus = Corpus.make(tmp_path / "corpus", 300)
    root = tmp_path / "index"
    minutes("index", str(corpus.folder), "--index", str(root), "-q")
    survived = 0
    for attempt in range(3):
        build = start_minutes("index", str(corpus.folder), "--index", str(root), "-q", "-j", "2")
        time.sleep(0.3 + 0.2 * attempt)
        added = corpus.add()
        update = minutes("index", str(corpus.folder), "--index", str(root), "-q", "--update", "--wait")
        build.communicate(timeout=300)
        assert build.returncode == 0 and update.returncode == 0, update.stderr
        assert indexed(root, {corpus.words[added]}) == {corpus.words[added]: added}  # no further update needed
        survived += 1
    _report("builds racing an update", f"{survived} of 3 kept the update's file")


def test_load_while_writers_publish_and_the_server_reloads(tmp_path):
    """16 clients for 60 s while builds and updates publish and gunicorn reloads its
    workers (SIGHUP): every request answered 200 (400 for the deliberately bad ones)."""
    corpus = Corpus.make(tmp_path / "corpus", 200)
    root = tmp_path / "index"
    (tmp_path / "home").mkdir()
    minutes("index", str(corpus.folder), "--index", str(root), "-q")
    seconds = float(os.environ.get("MINUTES_LOAD_SECONDS", "60"))
    stats = {"requests": 0, "errors": 0, "5xx": 0, "builds": 0, "updates": 0, "reloads": 0}
    problems: list[str] = []
    lock = threading.Lock()
    stop = threading.Event()
    words = [list(corpus.words.values())]  # replaced (never changed) by the writer

    with running_server(root, tmp_path / "home", workers=2, threads=4) as (base, log):
        master = PIDS[base]

        def client(seed: int) -> None:
            rng = random.Random(seed)
            while not stop.is_set():
                q = rng.choice([rng.choice(words[0]), "report", "panel OR timetable",
                                '"chief executive"', "section:resolution noted", 'bad "quote'])
                path = rng.choice(["/search.json?", "/search?"]) + urllib.parse.urlencode({"q": q})
                if rng.random() < 0.05:
                    path = "/healthz"
                try:
                    status, _ = _get(base, path)
                except OSError as exc:
                    with lock:
                        stats["requests"] += 1
                        stats["errors"] += 1
                        problems.append(f"{path}: {exc}")
                    continue
                with lock:
                    stats["requests"] += 1
                    if status >= 500:
                        stats["5xx"] += 1
                        problems.append(f"{path}: {status}")
                    elif status not in (200, 400):
                        stats["errors"] += 1
                        problems.append(f"{path}: {status}")

        def writer() -> None:
            rng = random.Random("writer")
            n = 0
            while not stop.is_set():
                n += 1
                corpus.mutate(rng, add=3, change=2, remove=2)
                full = n % 3 == 2
                r = minutes("index", str(corpus.folder), "--index", str(root), "-q", "--wait",
                            *(() if full else ("--update",)))
                if r.returncode != 0:
                    problems.append(f"writer: {r.stderr}")
                words[0] = list(corpus.words.values())
                stats["builds" if full else "updates"] += 1

        threads = [threading.Thread(target=client, args=(i,)) for i in range(16)] + [threading.Thread(target=writer)]
        for t in threads:
            t.start()
        time.sleep(seconds / 2)
        os.kill(master, signal.SIGHUP)  # gunicorn replaces every worker, gracefully
        stats["reloads"] += 1
        time.sleep(seconds / 2)
        stop.set()
        for t in threads:
            t.join(timeout=120)
        expected = corpus.expected()
        assert indexed(root, set(expected)) == expected
        deadline = time.monotonic() + 3
        while served(base, set(expected)) != expected:  # the last write's state, within a moment
            assert time.monotonic() < deadline
            time.sleep(0.1)
    _report("load", stats)
    assert problems == []
    assert stats["errors"] == 0 and stats["5xx"] == 0
    assert stats["requests"] > 1000 and stats["builds"] >= 1 and stats["updates"] >= 2
