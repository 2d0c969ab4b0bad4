"""The minutes-search web UI: a thin Flask app over :mod:`indexer.search`."""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any, Mapping

from flask import Flask

from indexer.errors import MinutesError
from indexer.search import SearchEngine

log = logging.getLogger(__name__)

#: The most rows (matching passages) one export holds; set MINUTES_EXPORT_MAX_ROWS to change it.
EXPORT_MAX_ROWS = 10_000

#: Megabytes of recent searches' answers each server process keeps per index state (see
#: indexer.search.SearchEngine); set MINUTES_RESULT_CACHE_MB to change it (0: none).
RESULT_CACHE_MB = 48

#: Response headers set on every response. No JavaScript is served, so scripts are off.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
        "base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",  # queries can be personal ("domestic abuse"); never leak them
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    """Create the app. Config comes from defaults, then ``instance/config.py``, then
    ``MINUTES_*`` environment variables (e.g. ``MINUTES_INDEX_DIR``), then ``test_config``."""
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_mapping(INDEX_DIR="index", SITE_NAME="Minutes search", PER_PAGE=10,
                            EXPORT_MAX_ROWS=EXPORT_MAX_ROWS, RESULT_CACHE_MB=RESULT_CACHE_MB)
    app.config.from_pyfile("config.py", silent=True)
    app.config.from_prefixed_env("MINUTES")
    if test_config is not None:
        app.config.from_mapping(test_config)

    app.extensions["minutes"] = _EngineHolder(Path(app.config["INDEX_DIR"]),
                                              int(float(app.config["RESULT_CACHE_MB"]) * 1024 * 1024))

    from . import views

    app.register_blueprint(views.bp)
    views.register_error_handlers(app)

    @app.after_request
    def _security_headers(response):  # type: ignore[no-untyped-def]
        # as headers.setdefault for each, with one look at the response's headers (each
        # setdefault scans them all again: a few percent of a JSON search's time)
        headers = response.headers
        present = {name.lower() for name in headers.keys()}
        for name, value in SECURITY_HEADERS.items():
            if name.lower() not in present:
                headers.add(name, value)
        return response

    return app


class _EngineHolder:
    """Opens the search engine at start-up, or on first use if no index existed yet."""

    def __init__(self, index_dir: Path, result_cache_bytes: int = 0) -> None:
        self.index_dir = index_dir
        self.result_cache_bytes = result_cache_bytes
        self._lock = threading.Lock()
        self._watch = False  # set in a server worker (see reopen)
        self._engine: SearchEngine | None = None
        try:
            self._engine = SearchEngine(index_dir, result_cache_bytes)
        except MinutesError as exc:
            log.warning("%s", exc)

    def get(self) -> SearchEngine:
        if self._engine is None:
            with self._lock:
                if self._engine is None:
                    # raises a MinutesError the views turn into 503
                    self._engine = SearchEngine(self.index_dir, self.result_cache_bytes)
                    if self._watch:
                        self._engine.watch()
        return self._engine

    def reopen(self) -> None:
        """Reopen the index in a freshly forked worker process, and watch for new
        states in the background (an idle worker is current within a second)."""
        self._watch = True
        if self._engine is not None:
            self._engine.reopen()
            self._engine.watch()

    def detach(self) -> None:
        """Drop the pin on the index (a gunicorn master: it serves no requests)."""
        if self._engine is not None:
            self._engine.detach()

    def close(self) -> None:
        if self._engine is not None:
            self._engine.close()
