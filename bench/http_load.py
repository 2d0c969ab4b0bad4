"""HTTP benchmark through the real server: start-up to first answer, then a bounded load.

The server is ``python -m indexer.cli serve`` (gunicorn, threaded workers) on a free
loopback port. The client is a pool of threads, each holding one keep-alive
``http.client`` connection, sending a fixed number of ``/search.json`` requests (and
never more than ``max_seconds``): a closed loop, so throughput is what the server
sustains at that concurrency. The client runs on the same 2-core machine and its CPU
time is reported, since it competes with the server for the cores.
"""

from __future__ import annotations

import http.client
import importlib.util
import json
import os
import resource
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent


def server_status() -> str | None:
    """Return None if the repo has a server to start, else why not."""
    for module in ("webui.server", "indexer.serve"):
        try:
            if importlib.util.find_spec(module) is not None:
                return None
        except ModuleNotFoundError:
            continue
    return "no server module (webui.server) yet: `minutes serve` cannot start"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def search_path(spec: dict[str, Any], per_page: int = 10) -> str:
    params = {"q": spec["ours_q"], "page": 1, "per_page": per_page, "sort": spec.get("sort", "relevance")}
    return "/search.json?" + urllib.parse.urlencode(params)


def _get(conn: http.client.HTTPConnection, path: str) -> tuple[int, bytes]:
    conn.request("GET", path, headers={"Connection": "keep-alive"})
    resp = conn.getresponse()
    return resp.status, resp.read()


class Server:
    """A ``minutes serve`` process in its own session, stopped by its own process group id."""

    def __init__(self, index: Path, workers: int = 2, threads: int = 4, log_file: Path | None = None) -> None:
        self.port = free_port()
        self.index = index
        self.workers, self.threads = workers, threads
        self.log_file = log_file
        self.proc: subprocess.Popen[bytes] | None = None
        self.started = 0.0

    def start(self) -> None:
        cmd = [sys.executable, "-m", "indexer.cli", "serve", "--index", str(self.index), "--host", "127.0.0.1",
               "--port", str(self.port), "--workers", str(self.workers), "--threads", str(self.threads)]
        self._log = open(self.log_file, "wb") if self.log_file else None  # noqa: SIM115 - closed in stop()
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(cmd, cwd=REPO, stdout=self._log or subprocess.DEVNULL, stderr=subprocess.STDOUT,
                                     start_new_session=True)

    def first_answer(self, path: str, timeout: float = 60.0) -> float:
        """Poll ``path`` until it answers 200; return seconds since the process was started."""
        deadline = self.started + timeout
        while time.perf_counter() < deadline:
            if self.proc is not None and self.proc.poll() is not None:
                raise RuntimeError(f"server exited with code {self.proc.returncode} (see {self.log_file})")
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
                status, _ = _get(conn, path)
                conn.close()
                if status == 200:
                    return time.perf_counter() - self.started
            except OSError:
                pass
            time.sleep(0.005)
        raise TimeoutError(f"server gave no 200 for {path} within {timeout}s")

    def stop(self) -> None:
        try:
            if self.proc is not None and self.proc.poll() is None:
                os.killpg(self.proc.pid, signal.SIGTERM)  # our own process group only
                try:
                    self.proc.wait(10)
                except subprocess.TimeoutExpired:
                    os.killpg(self.proc.pid, signal.SIGKILL)
                    self.proc.wait(5)
        finally:
            if getattr(self, "_log", None) is not None:
                self._log.close()
                self._log = None


def load(port: int, paths: list[str], clients: int, requests: int, max_seconds: float) -> dict[str, Any]:
    """Send ``requests`` GETs over ``clients`` keep-alive connections; return latencies and rate."""
    lock = threading.Lock()
    next_i = [0]
    latencies: list[float] = []
    errors: list[str] = []
    deadline = time.perf_counter() + max_seconds

    def worker() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while True:
            with lock:
                i = next_i[0]
                next_i[0] += 1
            if i >= requests or time.perf_counter() > deadline:
                break
            path = paths[i % len(paths)]
            t = time.perf_counter()
            try:
                status, body = _get(conn, path)
                ok = status == 200 and b'"total"' in body
            except (OSError, http.client.HTTPException) as exc:
                ok, status = False, f"{type(exc).__name__}"
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            dt_ = time.perf_counter() - t
            with lock:
                if ok:
                    latencies.append(dt_)
                else:
                    errors.append(str(status))
        conn.close()

    ru0 = resource.getrusage(resource.RUSAGE_SELF)
    t0 = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    ru1 = resource.getrusage(resource.RUSAGE_SELF)
    return {
        "clients": clients,
        "requests_sent": len(latencies) + len(errors),
        "ok": len(latencies),
        "errors": len(errors),
        "error_examples": errors[:5],
        "seconds": wall,
        "throughput_rps": len(latencies) / wall if wall else 0.0,
        "latencies": latencies,
        "client_cpu_seconds": (ru1.ru_utime - ru0.ru_utime) + (ru1.ru_stime - ru0.ru_stime),
    }


def run_http(index: Path, specs: list[dict[str, Any]], *, clients: int = 8, requests: int = 3000,
             warmup: int = 200, max_seconds: float = 180.0, log_file: Path | None = None,
             startups: int = 9) -> dict[str, Any]:
    """Time the server's first answer over ``startups`` fresh starts (the median is the
    figure: one start on a shared machine is noisy), then warm the last one up and
    measure a bounded load."""
    why = server_status()
    if why:
        return {"supported": False, "reason": why}
    paths = [search_path(s) for s in specs]
    try:
        first_pass = _first_pass(index, paths, clients, max_seconds, log_file)
    except (RuntimeError, TimeoutError) as exc:
        return {"supported": False, "reason": f"server did not answer: {exc}"}
    firsts: list[float] = []
    server: Server | None = None
    try:
        for _ in range(max(1, startups)):
            if server is not None:
                server.stop()  # only the last start serves the load
            server = Server(index, log_file=log_file)
            server.start()
            firsts.append(server.first_answer(paths[0]))
        health = server.first_answer("/healthz", timeout=5)
    except (RuntimeError, TimeoutError) as exc:
        if server is not None:
            server.stop()
        return {"supported": False, "reason": f"server did not answer: {exc}"}
    try:
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        status, body = _get(conn, paths[0])
        conn.close()
        sample = json.loads(body) if status == 200 else {}
        warm = load(server.port, paths, clients, warmup, max_seconds)
        measured = load(server.port, paths, clients, requests, max_seconds)
    finally:
        server.stop()
    return {
        "supported": True,
        "workers": server.workers,
        "threads": server.threads,
        "startup_to_first_answer_seconds": statistics.median(firsts),
        "startup_runs_seconds": firsts,
        "healthz_answered_after_seconds": health,
        "first_query": paths[0],
        "first_total": sample.get("total"),
        "warmup_requests": warm["ok"],
        "first_pass": first_pass,
        **measured,
    }


def _first_pass(index: Path, paths: list[str], clients: int, max_seconds: float,
                log_file: Path | None) -> dict[str, Any]:
    """The rate over each distinct request once, on a fresh server with cold caches (its
    own start, so the load measured after it is unchanged): the server keeps recent
    answers, and the measured load repeats its requests."""
    server = Server(index, log_file=log_file)
    server.start()
    try:
        server.first_answer("/healthz")  # a probe search of its own, none of ``paths``
        distinct = list(dict.fromkeys(paths))
        return load(server.port, distinct, clients, len(distinct), max_seconds)
    finally:
        server.stop()
