"""Damaged indexes, full disks and read-only folders get sentences, never tracebacks
(issue 15, failure 7): each names the file and the next step."""

from __future__ import annotations

import os
import random
import shutil
import subprocess

import pytest

from indexer import store
from indexer.build import build_index

from .servers import free_port
from .writers import Corpus, indexed, minutes


@pytest.fixture()
def index_copy(tmp_path, index_dir):
    root = tmp_path / "index"
    shutil.copytree(index_dir, root)
    return root


def _damage(root, kind: str):
    """Damage one file of the live state; return its path."""
    if kind == "CURRENT":
        path = root / store.CURRENT
        path.write_bytes(b"\xff\xfe\x00gen")
        return path
    gen = root / store.current_name(root)
    (path,) = [p for p in gen.iterdir() if p.name.endswith(kind) and not p.name.startswith(".")]
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    return path


def check_index(root):
    from indexer.check import check_index

    return check_index(root)


KINDS = [".trm", ".pst", ".p.col", ".toc", "items.sqlite", "CURRENT"]


@pytest.mark.parametrize("kind", KINDS)
def test_search_and_serve_say_which_file_is_damaged(index_copy, kind):
    path = _damage(index_copy, kind)
    for args in (("search", "police"), ("serve", "--port", str(free_port()))):
        r = minutes(*args, "--index", str(index_copy), timeout=60)
        assert r.returncode == 1, r.stdout
        assert "Traceback" not in r.stderr
        assert r.stderr.startswith(f"Error: The index in {index_copy} is damaged: {path}")
        assert r.stderr.endswith(f"Rebuild it with: minutes index CORPUS --index {index_copy}\n")
        assert r.stderr.count("\n") == 1


@pytest.mark.parametrize("kind", KINDS)
def test_the_web_ui_answers_503_and_healthz_says_degraded(index_copy, kind):
    from webui import create_app

    path = _damage(index_copy, kind)
    app = create_app({"TESTING": True, "INDEX_DIR": str(index_copy)})
    try:
        client = app.test_client()
        health = client.get("/healthz")
        assert health.status_code == 503
        assert health.json["status"] == "degraded"
        assert str(path) in health.json["reason"]
        for url in ("/search?q=police", "/search.json?q=police", "/"):
            assert client.get(url).status_code == 503
    finally:
        app.extensions["minutes"].close()


def test_healthz_notices_a_file_damaged_under_a_running_server(index_copy):
    from webui import create_app

    app = create_app({"TESTING": True, "INDEX_DIR": str(index_copy)})
    try:
        client = app.test_client()
        ok = client.get("/healthz")
        assert (ok.status_code, ok.json["status"], ok.json["reason"]) == (200, "ok", None)
        path = _damage(index_copy, ".pst")
        health = client.get("/healthz")
        assert health.status_code == 503
        assert health.json["reason"].startswith(f"The index in {index_copy} is damaged: {path} is ")
    finally:
        app.extensions["minutes"].close()


def test_healthz_runs_a_real_search_against_an_emptied_item_store(index_copy):
    """Failure 7's last case: with an empty item store /healthz said "ok" while every
    search failed. An index without a manifest (written before them) is caught by the
    search it runs."""
    import json

    from webui import create_app

    gen = index_copy / store.current_name(index_copy)
    meta = json.loads((gen / store.META).read_text())
    del meta["contents"]
    (gen / store.META).write_text(json.dumps(meta))
    (gen / "items.sqlite").write_bytes(b"")
    app = create_app({"TESTING": True, "INDEX_DIR": str(index_copy)})
    try:
        health = app.test_client().get("/healthz")
        assert health.status_code == 503
        assert health.json["status"] == "degraded"
        assert f"{gen}" in health.json["reason"]
    finally:
        app.extensions["minutes"].close()


def test_check_finds_each_kind_of_damage(index_copy):
    assert check_index(index_copy).problems == []
    r = minutes("check", "--index", str(index_copy))
    assert r.returncode == 0 and r.stdout.startswith(f"{index_copy} is sound: ")
    gen = index_copy / store.current_name(index_copy)
    (col,) = gen.glob("*.p.col")
    data = bytearray(col.read_bytes())
    data[len(data) // 2] ^= 0xFF  # one flipped byte, same size: only the checksum shows it
    col.write_bytes(bytes(data))
    r = minutes("check", "--index", str(index_copy))
    assert r.returncode == 1
    assert f"damaged: {col} has changed since it was written (its checksum differs)" in r.stderr
    assert r.stderr.endswith(f"Rebuild it with: minutes index CORPUS --index {index_copy}\n")
    assert "Traceback" not in r.stderr


# ---------------------------------------------------------------------- full disks, read-only folders


@pytest.fixture()
def small_disk(tmp_path):
    """A 6 MB file system of its own (tmpfs; needs root), unmounted afterwards."""
    mnt = tmp_path / "disk"
    mnt.mkdir()
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", str(mnt)], capture_output=True)
    if r.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({r.stderr.decode().strip()}); tests/stress covers it with a file-size limit")
    yield mnt
    subprocess.run(["umount", "-l", str(mnt)], check=False)


def _fill(disk, leave: int) -> None:
    st = os.statvfs(disk)
    free = st.f_bavail * st.f_frsize
    with open(disk / "filler", "wb") as f:
        f.write(b"\0" * max(0, free - leave))


def test_an_update_that_fills_the_disk_loses_nothing(tmp_path, small_disk):
    """Failure 1: an update that ran out of disk during its commit had recorded its files
    as indexed: they were never searchable, and later updates said "unchanged"."""
    corpus = Corpus.make(tmp_path / "corpus", 12)
    root = small_disk / "index"
    build_index(corpus.folder, root)
    old = corpus.expected()
    for _ in range(200):
        corpus.add()
    new = corpus.expected()
    _fill(small_disk, 96 * 1024)
    r = minutes("index", str(corpus.folder), "--index", str(root), "--update", "-q")
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    assert r.stderr.startswith(f"Error: Writing the index in {root} failed: the disk is full (writing {root}")
    assert r.stderr.endswith("Free some space and run it again. The previous index is unchanged.\n")
    assert [p.name for p in root.glob("gen-*")] == [store.current_name(root)]  # its partial state is gone
    assert indexed(root, set(new)) == old
    (small_disk / "filler").unlink()
    r = minutes("index", str(corpus.folder), "--index", str(root), "--update", "-q")
    assert r.returncode == 0, r.stderr
    assert "200 files re-indexed" in r.stdout
    assert indexed(root, set(new)) == new


def test_a_parallel_build_that_fills_the_disk_says_so(tmp_path, small_disk):
    """Failure 7: "Indexing failed in a worker process" came with the worker's traceback."""
    corpus = Corpus.make(tmp_path / "corpus", 240)
    root = small_disk / "index"
    (root).mkdir()
    _fill(small_disk, 64 * 1024)
    r = minutes("index", str(corpus.folder), "--index", str(root), "-q", "-j", "2")
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    assert "the disk is full (writing " in r.stderr
    assert r.stderr.rstrip().endswith("Free some space and run it again. The previous index is unchanged.")
    assert r.stderr.count("\n") == 1
    assert list(root.glob("gen-*")) == []


def test_a_read_only_index_folder_is_searched_but_not_written(tmp_path, small_disk):
    corpus = Corpus.make(tmp_path / "corpus", 6)
    root = small_disk / "index"
    build_index(corpus.folder, root)
    corpus.mutate(random.Random(3), add=1, change=1, remove=1)
    old = {w: n for w, n in indexed(root, set(corpus.expected()) | set(corpus.words.values())).items()}
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    for args in (("index", str(corpus.folder), "--update"), ("index", str(corpus.folder)), ("index", "--gc")):
        r = minutes(*args, "--index", str(root), "-q")
        assert r.returncode == 1
        assert "Traceback" not in r.stderr
        assert r.stderr == (
            f"Error: Writing the index in {root} failed: {root / store.LOCK} cannot be written (Read-only file "
            "system). Make the index folder writable, or choose another --index folder. The previous index is unchanged.\n"
        )
    r = minutes("search", next(iter(old)), "--index", str(root))
    assert r.returncode == 0, r.stderr
    assert "1 agenda item with 1 matching passage" in r.stdout
