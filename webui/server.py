"""Run the web UI under gunicorn with threaded workers (``minutes serve``)."""

from __future__ import annotations

import gc
import threading
from pathlib import Path
from typing import Any

from gunicorn.app.base import BaseApplication

from indexer import store
from indexer.errors import IndexDamagedError
from indexer.analysis import load_stemmer


class _Gunicorn(BaseApplication):  # type: ignore[misc]
    def __init__(self, index_dir: Path, options: dict[str, Any]) -> None:
        self.index_dir = index_dir
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        from . import create_app

        app = create_app({"INDEX_DIR": str(self.index_dir)})
        app.extensions["minutes"].detach()  # each worker pins the state it serves; the master serves none
        settle_heap()
        return app


def settle_heap() -> None:
    """Move every object allocated so far out of the garbage collector's view, and turn
    collection (back) on.

    Called once the app and its index are loaded, before the workers fork. ``minutes
    serve`` turns collection off while it starts: importing Flask, NumPy and Whoosh and
    opening the index allocate a few hundred thousand objects that live as long as the
    server, and scanning them again and again was about a tenth of the time to the first
    answer. Frozen, they are never scanned again, and the forked workers keep sharing
    their memory pages instead of copying the ones a collection would touch.
    """
    gc.freeze()
    gc.enable()


#: Seconds after a worker starts before it loads NLTK's stemmer in the background.
STEMMER_DELAY = 1.0


def _post_fork(server: Any, worker: Any) -> None:
    """Give each worker its own open searchers (forked processes share file offsets), and
    load NLTK's stemmer once the first requests have had the CPU.

    Words the index holds are stemmed from its stem table, so a worker answers without
    NLTK; loading it early means a later query word the index has never seen does not
    wait half a second for the import. (A request that needs it sooner loads it then.)
    """
    server.app.wsgi().extensions["minutes"].reopen()
    loader = threading.Timer(STEMMER_DELAY, load_stemmer)
    loader.name, loader.daemon = "minutes-load-stemmer", True
    loader.start()


def bind_address(host: str, port: int) -> str:
    """Return gunicorn's bind string, bracketing IPv6 addresses."""
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def serve(index_dir: Path, host: str = "127.0.0.1", port: int = 8000, workers: int = 2, threads: int = 4) -> None:
    """Serve the UI for the index in ``index_dir`` until interrupted."""
    gen = store.current(index_dir)  # fail now, with a clear message, if there is no usable index
    problems = store.verify_files(gen)
    if problems:
        raise IndexDamagedError(f"The index in {index_dir} is damaged: {problems[0]}. {store.rebuild_hint(index_dir)}")
    options = {
        "bind": bind_address(host, port),
        "workers": workers,
        "worker_class": "gthread",
        "threads": threads,
        "preload_app": True,  # import and open the index before forking: no request pays for warm-up
        "post_fork": _post_fork,
        "control_socket_disable": True,  # gunicorn would otherwise create a socket in $HOME
        "accesslog": "-",
        "errorlog": "-",
        "loglevel": "info",
        "timeout": 30,
        "graceful_timeout": 10,
        "proc_name": "minutes-search",
    }
    print(f"Serving {index_dir} on http://{bind_address(host, port)}/ (Ctrl+C to stop)", flush=True)
    _Gunicorn(index_dir, options).run()
