"""Hot-list files hold exactly the posting lists Whoosh's blocks hold, and every segment
an index build or update writes gets one."""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
import pytest
from whoosh import fields, index

from indexer import store
from indexer.postings import (
    HOT_EXT,
    HOT_MIN_POSTINGS,
    MAGIC,
    HotLists,
    decode,
    unfiltered,
    write_hot_lists,
    write_missing_hot_lists,
)


def _segment_files(gen_path: Path, ext: str) -> set[str]:
    return {p.name[: -len(ext)] for p in gen_path.iterdir() if p.name.endswith(ext)}


def _segment_ids(ix) -> set[str]:
    return {s.segment_id() for s in ix._segments()}


@pytest.fixture(scope="module")
def reader(index_dir):
    ix = store.open_generation(store.current(index_dir))
    with ix.reader() as r:
        yield r


def _all_text_terms(leaf, min_postings: int) -> set[tuple[str, str]]:
    found = set()
    for field, btext in leaf.all_terms():
        text = leaf.schema[field].from_bytes(btext)
        if isinstance(text, str) and leaf.doc_frequency(field, btext) >= min_postings:
            found.add((field, text))
    return found


@pytest.mark.parametrize("min_postings", [1, 3, 10])
def test_the_file_holds_every_long_list_exactly_as_whoosh_decodes_it(tmp_path, reader, min_postings):
    checked = 0
    for leaf, _ in reader.leaf_readers():
        count = write_hot_lists(tmp_path, leaf, min_postings=min_postings)
        hot = HotLists.open(tmp_path, leaf.segment().segment_id())
        expected = _all_text_terms(leaf, min_postings)
        assert count == len(hot) == len(expected) > 0
        for field, text in expected:
            ids, weights = hot.get(field, text)
            want_ids, want_weights = decode(unfiltered(leaf, field, text))
            assert ids.dtype == np.int64 and weights.dtype == np.float64
            assert ids.tolist() == want_ids.tolist(), (field, text)
            assert weights.tolist() == want_weights.tolist(), (field, text)
            checked += 1
        rare = next(iter(_all_text_terms(leaf, 1) - expected), None)
        if rare is not None:
            assert hot.get(*rare) is None
    assert checked > 0


def test_the_build_writes_one_per_segment_and_skips_short_lists(index_dir):
    gen = store.current(index_dir)
    ix = store.open_generation(gen)
    assert _segment_files(gen.path, HOT_EXT) == _segment_ids(ix)
    with ix.reader() as r:
        longest = max(r.doc_frequency(f, t) for f, t in r.all_terms())
        for leaf, _ in r.leaf_readers():
            hot = HotLists.open(gen.path, leaf.segment().segment_id())
            assert len(hot) == len(_all_text_terms(leaf, HOT_MIN_POSTINGS))
    assert longest < HOT_MIN_POSTINGS  # the test corpus is small: its files are empty


def _tiny_index(folder: Path, docs: list[str]):
    ix = index.create_in(str(folder), fields.Schema(t=fields.TEXT(phrase=False)))
    with ix.writer() as w:
        for text in docs:
            w.add_document(t=text)
    return ix


def test_many_distinct_weights_are_stored_as_floats(tmp_path):
    # "word" said 1..300 times: more distinct weights than a one-byte table can number
    ix = _tiny_index(tmp_path, [" ".join(["word"] * k) + " extra" for k in range(1, 301)])
    with ix.reader() as r:
        (leaf, _), = r.leaf_readers()
        assert write_hot_lists(tmp_path, leaf, min_postings=2) == 2
        hot = HotLists.open(tmp_path, leaf.segment().segment_id())
        assert hot._lists[("t", "word")][3] == 0  # no table: raw f4 weights
        assert hot._lists[("t", "extra")][3] == 1  # one value, 1.0, for every posting
        ids, weights = hot.get("t", "word")
        assert ids.tolist() == list(range(300))
        assert weights.tolist() == [float(k) for k in range(1, 301)]
        assert hot.get("t", "extra")[1].tolist() == [1.0] * 300


@pytest.mark.parametrize(("gap", "dtype"), [(1, "<u1"), (255, "<u1"), (256, "<u2"), (65535, "<u2"), (65536, "<u4")])
def test_gaps_are_stored_in_the_narrowest_type(gap, dtype):
    from indexer.postings import _id_dtype

    assert _id_dtype(gap) == dtype


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"",
        lambda data: b"NOTHOT\n" + data[7:],
        lambda data: data[:-5],  # the last list cut short
        lambda data: data[:12] + b"{" + data[13:],  # broken directory
    ],
    ids=["empty", "magic", "truncated", "directory"],
)
def test_a_damaged_file_is_ignored_with_a_warning(tmp_path, reader, caplog, damage):
    leaf, _ = reader.leaf_readers()[0]
    write_hot_lists(tmp_path, leaf, min_postings=1)
    segment_id = leaf.segment().segment_id()
    path = tmp_path / (segment_id + HOT_EXT)
    assert path.read_bytes().startswith(MAGIC)
    path.write_bytes(damage(path.read_bytes()))
    with caplog.at_level(logging.WARNING, logger="indexer.postings"):
        assert HotLists.open(tmp_path, segment_id) is None
    assert f"ignoring the hot-list file {path}" in caplog.text


def test_a_missing_file_is_no_error(tmp_path, caplog):
    with caplog.at_level(logging.WARNING):
        assert HotLists.open(tmp_path, "MAIN_none") is None
    assert caplog.text == ""


def test_updates_add_files_for_new_segments_and_merges_drop_old_ones(tmp_path, corpus_copy):
    from indexer.build import add_files, build_index

    root = tmp_path / "index"
    build_index(corpus_copy, root, processes=2)
    gen = store.current(root)
    before = _segment_ids(store.open_generation(gen))
    assert len(before) >= 2 and _segment_files(gen.path, HOT_EXT) == before

    new = corpus_copy / "vale-council" / "2021-05-04-cabinet.txt"
    new.write_text((corpus_copy / "vale-council" / "2020-03-10-cabinet.txt").read_text())
    add_files(corpus_copy, root, [new])
    gen = store.current(root)  # the update's new state
    after = _segment_ids(store.open_generation(gen))
    assert after > before
    assert _segment_files(gen.path, HOT_EXT) == after

    ix = store.open_generation(gen)
    ix.optimize()  # Whoosh merges every segment into one, deleting the old segments' files
    merged = _segment_ids(store.open_generation(gen))
    assert len(merged) == 1 and not merged & after
    assert _segment_files(gen.path, HOT_EXT) == set()
    with store.open_generation(gen).reader() as r:
        assert write_missing_hot_lists(gen.path, r) == 1
        assert write_missing_hot_lists(gen.path, r) == 0
    assert _segment_files(gen.path, HOT_EXT) == merged


def test_an_update_writes_the_hot_lists_a_state_lacks(tmp_path, corpus_copy):
    """The files only speed searches up: one missing from the live state (deleted, or
    written by an older version) is written by the next update, instead of the update
    refusing the index as damaged."""
    from indexer.build import add_files, build_index
    from indexer.search import SearchEngine, SearchRequest

    root = tmp_path / "index"
    build_index(corpus_copy, root)
    gen = store.current(root)
    (segment,) = _segment_ids(store.open_generation(gen))
    (gen.path / (segment + HOT_EXT)).unlink()

    new = corpus_copy / "vale-council" / "2021-05-04-cabinet.txt"
    new.write_text((corpus_copy / "vale-council" / "2020-03-10-cabinet.txt").read_text().replace("Road", "Zebra"))
    report = add_files(corpus_copy, root, [new])
    assert (report.files, report.items, report.passages) == (1, 1, 5)
    with SearchEngine(root) as engine:
        assert engine.search(SearchRequest(q="zebra")).total == 5  # the item's passages, by its title
    updated = store.current(root)
    assert _segment_files(updated.path, HOT_EXT) == _segment_ids(store.open_generation(updated))
    assert store.verify_files(updated, checksums=True) == []
