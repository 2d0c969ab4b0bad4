"""webui.server: what `minutes serve` does before gunicorn forks its workers."""

from __future__ import annotations

import gc

import pytest

from webui.server import _Gunicorn, bind_address


def test_loading_the_app_freezes_the_start_up_heap_and_turns_collection_back_on(index_dir):
    gc.disable()  # as `minutes serve` does before its imports
    app = None
    try:
        assert gc.get_freeze_count() == 0
        app = _Gunicorn(index_dir, {"workers": 1}).load()
        assert gc.isenabled()
        # the modules, the app and the open index are out of the collector's view
        assert gc.get_freeze_count() > 50_000
        assert app.extensions["minutes"].get().root == index_dir
    finally:
        gc.unfreeze()
        gc.enable()
        if app is not None:
            app.extensions["minutes"].close()


@pytest.mark.parametrize(
    ("host", "port", "expected"),
    [("127.0.0.1", 8000, "127.0.0.1:8000"), ("::1", 8080, "[::1]:8080"), ("localhost", 0, "localhost:0")],
)
def test_bind_address(host, port, expected):
    assert bind_address(host, port) == expected


def test_a_refresh_after_the_heap_is_frozen_frees_the_old_generation(tmp_path, corpus_copy):
    """Frozen objects are never collected as cyclic garbage: the old generation's arrays
    (the engine's big allocation) must be freed by reference counting alone, or every
    commit would leak one copy in each worker."""
    import weakref

    from indexer.build import add_files, build_index
    from indexer.search import SearchEngine, SearchRequest

    root = tmp_path / "index"
    build_index(corpus_copy, root, processes=2)
    with SearchEngine(root) as engine:
        assert engine.search(SearchRequest(q="police")).total > 0
        old = engine._current()
        arrays, ix = weakref.ref(old.arrays), weakref.ref(old.ix)
        del old
        gc.freeze()
        try:
            new = corpus_copy / "vale-council" / "2021-05-04-cabinet.txt"
            new.write_text((corpus_copy / "vale-council" / "2020-03-10-cabinet.txt").read_text())
            add_files(corpus_copy, root, [new])
            assert engine.refresh() is True
            assert engine.search(SearchRequest(q="police")).total > 0
            assert arrays() is None
            assert ix() is None
        finally:
            gc.unfreeze()
