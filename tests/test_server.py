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
