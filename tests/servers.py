"""Start the real `minutes serve` (gunicorn) on a free loopback port for tests."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def quiet_env(home: Path) -> dict[str, str]:
    """Environment that keeps gunicorn and Chromium out of the real home directory."""
    env = dict(os.environ)
    for var in ("HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_RUNTIME_DIR"):
        path = home / var.lower()
        path.mkdir(parents=True, exist_ok=True)
        env[var] = str(path)
    return env


#: base URL → process id of each server running_server started (for signals)
PIDS: dict[str, int] = {}


@contextlib.contextmanager
def running_server(index_dir: Path, home: Path, workers: int = 1, threads: int = 4) -> Iterator[tuple[str, Path]]:
    """Run `minutes serve` until the block ends; yield its base URL and its log file."""
    port = free_port()
    log = home / "server.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "indexer.cli", "serve", "--index", str(index_dir), "--port", str(port),
             "--workers", str(workers), "--threads", str(threads)],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=quiet_env(home),
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(base + "/healthz", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"server did not start:\n{log.read_text(errors='replace')}") from None
                time.sleep(0.1)
        PIDS[base] = proc.pid
        yield base, log
    finally:
        PIDS.pop(base, None)
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
