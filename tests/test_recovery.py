"""The write path under crashes and overlapping writers (issue 15, failures 1–4 and 6).

Real `minutes index` processes, killed (SIGKILL) or paused at the named steps of a build
or update. After each, the index serves exactly the old or the new state, and the next
update makes it match the corpus exactly: every file's unique word is found in that file
and no other, and no word of a removed or changed file is found.
"""

from __future__ import annotations

import random
import signal

import pytest

from indexer import store
from indexer.build import build_index, update_index
from indexer.search import SearchEngine

from .writers import Corpus, indexed, minutes, start_minutes, wait_for


# The named steps a writer can be killed or paused at (indexer.store), spelled out here so
# that these tests run, and fail, against code that has none.
UPDATE_STEPS = ("update:parsed", "update:linked", "update:added", "update:segments", "update:hot-lists",
                "update:item-store", "update:sealed", "update:published")
BUILD_STEPS = ("build:listed", "build:segments", "build:item-store", "build:sealed", "build:published")
KILL = "MINUTES_KILL_AT"
PAUSE = "MINUTES_PAUSE_AT"


def test_the_named_steps_are_the_writers_steps():
    assert (store.UPDATE_STEPS, store.BUILD_STEPS, store.KILL_ENV, store.PAUSE_ENV) == (UPDATE_STEPS, BUILD_STEPS, KILL, PAUSE)


@pytest.fixture()
def setup(tmp_path):
    corpus = Corpus.make(tmp_path / "corpus", 12)
    root = tmp_path / "index"
    build_index(corpus.folder, root)
    return corpus, root


def check_index(root):
    from indexer.check import check_index

    return check_index(root)


def _generations(root):
    return sorted(p.name for p in root.glob("gen-*"))


@pytest.mark.parametrize("step", UPDATE_STEPS)
def test_an_update_killed_at_any_step_loses_nothing(setup, step):
    corpus, root = setup
    old = corpus.expected()
    corpus.mutate(random.Random(step))
    new = corpus.expected()
    every = set(old) | set(new)
    r = minutes("index", str(corpus.folder), "--index", str(root), "--update", "-q", env={KILL: step})
    assert r.returncode == -signal.SIGKILL, r.stderr
    assert indexed(root, every) == (new if step == "update:published" else old)  # all of one state
    report = update_index(corpus.folder, root)
    assert indexed(root, every) == new
    assert (report.unchanged, report.files) == ((len(new), 0) if step == "update:published" else (8, 5))
    assert check_index(root).problems == []
    assert len(_generations(root)) <= 3  # live, previous, and at most the killed one's predecessor chain


@pytest.mark.stress
@pytest.mark.parametrize("step", BUILD_STEPS)
def test_a_build_killed_at_any_step_leaves_the_old_index_serving(setup, step):
    corpus, root = setup
    old = corpus.expected()
    corpus.mutate(random.Random(step))
    new = corpus.expected()
    every = set(old) | set(new)
    r = minutes("index", str(corpus.folder), "--index", str(root), "-q", env={KILL: step})
    assert r.returncode == -signal.SIGKILL, r.stderr
    assert indexed(root, every) == (new if step == "build:published" else old)
    update_index(corpus.folder, root)
    assert indexed(root, every) == new
    assert check_index(root).problems == []


def test_an_update_that_fails_writing_loses_nothing(setup, tmp_path):
    """An update that cannot write (here: its state folder is taken away mid-way) fails
    with a sentence, and the next update re-indexes what it had not published."""
    corpus, root = setup
    old = corpus.expected()
    corpus.mutate(random.Random(7))
    new = corpus.expected()
    flag = tmp_path / "paused"
    proc = start_minutes("index", str(corpus.folder), "--index", str(root), "--update", "-q",
                         env={PAUSE: f"update:linked={flag}"})
    wait_for(flag, proc)
    live = store.current_name(root)
    (working,) = [p for p in root.glob("gen-*") if p.name != live and p.name != store.read_meta(root / live).get("previous")]
    for f in working.iterdir():
        if f.name.endswith(".toc"):
            f.unlink()  # the update cannot open what it linked
    flag.unlink()
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 1
    assert "Traceback" not in err
    assert "The previous index is unchanged." in err
    assert indexed(root, set(old) | set(new)) == old
    update_index(corpus.folder, root)
    assert indexed(root, set(old) | set(new)) == new


def test_a_second_writer_is_told_who_holds_the_index_or_waits(setup, tmp_path):
    corpus, root = setup
    corpus.mutate(random.Random(1))
    new = corpus.expected()
    flag = tmp_path / "paused"
    first = start_minutes("index", str(corpus.folder), "--index", str(root), "--update", "-q",
                          env={PAUSE: f"update:segments={flag}"})
    wait_for(flag, first)
    second = minutes("index", str(corpus.folder), "--index", str(root), "--update", "-q")
    assert second.returncode == 1
    assert second.stderr.startswith(
        f"Error: Another build or update of the index in {root} is running (pid {first.pid}, started "
    )
    assert second.stderr.rstrip().endswith("UTC). Wait for it to finish, or run this again with --wait.")
    assert "Traceback" not in second.stderr
    assert store.lock_holder(root).startswith(f"pid {first.pid}, started ")
    build = minutes("index", str(corpus.folder), "--index", str(root), "-q")  # a build is refused too
    assert build.returncode == 1 and "Another build or update" in build.stderr
    waiting = start_minutes("index", str(corpus.folder), "--index", str(root), "--update", "--wait")
    flag.unlink()
    first.communicate(timeout=60)
    assert first.returncode == 0
    out, err = waiting.communicate(timeout=60)
    assert waiting.returncode == 0, err
    assert "0 files re-indexed" in out and f"{len(new)} unchanged" in out
    assert indexed(root, set(new)) == new
    assert store.lock_holder(root) is None


def test_a_build_that_listed_the_corpus_first_is_followed_by_the_waiting_update(setup, tmp_path):
    """The build holds the lock from before it reads the corpus: an update of a file
    added meanwhile runs after the build publishes, so the file is not lost."""
    corpus, root = setup
    flag = tmp_path / "paused"
    build = start_minutes("index", str(corpus.folder), "--index", str(root), "-q",
                          env={PAUSE: f"build:listed={flag}"})
    wait_for(flag, build)
    added = corpus.add()  # after the build listed the corpus
    refused = minutes("index", str(corpus.folder), "--index", str(root), "--update", "-q")
    assert refused.returncode == 1 and "Another build or update" in refused.stderr
    update = start_minutes("index", str(corpus.folder), "--index", str(root), "--update", "-q", "--wait")
    flag.unlink()
    build.communicate(timeout=60)
    assert build.returncode == 0
    out, err = update.communicate(timeout=60)
    assert update.returncode == 0, err
    assert "1 files re-indexed" in out
    assert indexed(root, set(corpus.expected()))[corpus.words[added]] == added
    assert indexed(root, set(corpus.expected())) == corpus.expected()


def test_killed_builds_leave_nothing_behind_that_gc_does_not_free(setup):
    corpus, root = setup
    live = store.current_name(root)
    for _ in range(3):  # each writer first removes what the one before it left
        r = minutes("index", str(corpus.folder), "--index", str(root), "-q", env={KILL: "build:sealed"})
        assert r.returncode == -signal.SIGKILL
        assert len(_generations(root)) == 2  # the live one and the killed build's folder
    r = minutes("index", "--gc", "--index", str(root))
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith(f"Removed 1 unneeded index states from {root}, freeing ")
    assert float(r.stdout.split("freeing ")[1].split(" MB")[0]) > 0.05
    assert _generations(root) == [live]
    again = minutes("index", "--gc", "--index", str(root))
    assert again.stdout == f"Removed 0 unneeded index states from {root}, freeing 0.0 MB.\n"


def test_a_build_removes_what_killed_builds_left(setup):
    corpus, root = setup
    for _ in range(2):
        minutes("index", str(corpus.folder), "--index", str(root), "-q", env={KILL: "build:item-store"})
    before = store.current_name(root)
    report = build_index(corpus.folder, root)
    assert _generations(root) == sorted([before, report.generation])  # the new one and the previous


def test_a_long_build_is_never_cleaned_up_under_it(setup, tmp_path):
    """Cleanup goes by liveness, not age: a build whose folder has not changed for an
    hour is still at work, and no other writer removes it."""
    import os

    corpus, root = setup
    flag = tmp_path / "paused"
    long = start_minutes("index", str(corpus.folder), "--index", str(root), "-q",
                         env={PAUSE: f"build:segments={flag}"})
    wait_for(flag, long)
    live = store.current_name(root)
    (working,) = [p for p in root.glob("gen-*") if p.name != live]
    os.utime(working, (1, 1))  # untouched "for an hour" and more
    assert "Another build or update" in minutes("index", str(corpus.folder), "--index", str(root), "-q").stderr
    assert "Another build or update" in minutes("index", "--gc", "--index", str(root)).stderr
    assert working.is_dir()
    flag.unlink()
    out, err = long.communicate(timeout=60)
    assert long.returncode == 0, err
    assert store.current_name(root) == working.name


def test_a_generation_a_reader_uses_is_kept_until_it_moves_on(setup, monkeypatch):
    corpus, root = setup
    monkeypatch.setattr("indexer.search.RECHECK_SECONDS", 3600)  # it moves on when told to
    first = store.current_name(root)
    engine = SearchEngine(root)
    try:
        build_index(corpus.folder, root)
        build_index(corpus.folder, root)  # first is now neither live nor previous
        assert first in _generations(root)  # pinned by the engine
        report = minutes("index", "--gc", "--index", str(root))
        assert "1 still in use by a server, kept" in report.stdout
        assert indexed(root, set(corpus.words.values()), engine) == corpus.expected()  # still answers from it
        assert engine.refresh() is True  # moves on, and lets go of it
        assert engine.info["generation"] != first
    finally:
        engine.close()
    assert minutes("index", "--gc", "--index", str(root)).stdout.startswith(f"Removed 1 unneeded index states")
    assert first not in _generations(root)


def test_an_update_refuses_an_index_whose_item_store_was_emptied(setup):
    """Failure 6: an empty items.sqlite made every later update re-add every file beside
    its old passages (every result twice)."""
    corpus, root = setup
    expected = corpus.expected()
    gen = root / store.current_name(root)
    (gen / "items.sqlite").write_bytes(b"")
    r = minutes("index", str(corpus.folder), "--index", str(root), "--update", "-q")
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    assert r.stderr == (
        f"Error: The index in {root} is damaged: {gen / 'items.sqlite'} is 0 bytes, not the "
        f"{store.read_meta(gen)['contents']['items.sqlite'][0]:,} written. An update cannot repair it; "
        f"rebuild it with: minutes index CORPUS --index {root}\n"
    )
    assert minutes("index", str(corpus.folder), "--index", str(root), "-q").returncode == 0  # the rebuild
    assert indexed(root, set(expected)) == expected


def test_an_update_refuses_an_index_whose_counts_disagree(setup):
    """Without a manifest to compare sizes with (an index written before them), the
    counts of item store and segments still give the damage away."""
    import json
    import sqlite3

    corpus, root = setup
    gen = root / store.current_name(root)
    meta = json.loads((gen / store.META).read_text())
    del meta["contents"]
    (gen / store.META).write_text(json.dumps(meta))
    with sqlite3.connect(gen / "items.sqlite") as db:
        db.execute("DELETE FROM sources WHERE source = (SELECT min(source) FROM sources)")
    r = minutes("index", str(corpus.folder), "--index", str(root), "--update", "-q")
    assert r.returncode == 1
    assert f"{gen / 'items.sqlite'} lists 12 passages but the segments hold 13" in r.stderr or \
        "passages but the segments hold" in r.stderr
    assert "rebuild it with: minutes index CORPUS --index" in r.stderr
