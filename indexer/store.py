"""The on-disk layout of an index folder, and atomic switching between builds.

An index folder holds whole builds ("generations") side by side and a ``CURRENT`` file
naming the live one::

    index/
      CURRENT                  → "gen-20261123T101500-4242"
      gen-20261123T101500-4242/  (a Whoosh index + minutes-index.json)

A build writes a new generation, then replaces ``CURRENT`` with ``os.replace`` (atomic
on POSIX), so readers see either the old index or the new one, never a half-built one,
and a failed build leaves the old one serving. Older generations are removed after a
grace period so that a server still reading one is not cut off mid-request.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.index import Index

from .errors import BuildError, IndexMissingError, StaleIndexError
from .schema import INDEX_FORMAT

CURRENT = "CURRENT"
META = "minutes-index.json"
_PREFIX = "gen-"
#: Generations older than the live one are kept this long for readers that still use them.
GRACE_SECONDS = 120.0


@dataclass(frozen=True, slots=True)
class Generation:
    """One complete build inside an index folder."""

    path: Path
    meta: dict[str, Any]

    @property
    def name(self) -> str:
        return self.path.name


def create_generation(root: Path) -> Path:
    """Make and return an empty folder for a new build under ``root``."""
    _check_root(root)
    root.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime())
    path = root / f"{_PREFIX}{stamp}-{os.getpid()}-{time.monotonic_ns() % 100000:05d}"
    path.mkdir()
    return path


def write_meta(gen: Path, meta: dict[str, Any]) -> None:
    """Record build metadata (and the index format) inside a generation."""
    data = {"format": INDEX_FORMAT, **meta}
    tmp = gen / (META + ".tmp")
    tmp.write_text(json.dumps(data, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(tmp, gen / META)


def read_meta(gen: Path) -> dict[str, Any]:
    """Return a generation's recorded build metadata."""
    data: dict[str, Any] = json.loads((gen / META).read_text(encoding="utf-8"))
    return data


def publish(root: Path, gen: Path) -> None:
    """Make ``gen`` the live generation atomically, then prune stale ones."""
    tmp = root / (CURRENT + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(gen.name + "\n")
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, root / CURRENT)
    prune(root)


def discard(gen: Path) -> None:
    """Remove a generation that failed to build."""
    shutil.rmtree(gen, ignore_errors=True)


def prune(root: Path, grace: float = GRACE_SECONDS) -> None:
    """Delete generations that are neither live nor the previous one, once past ``grace``."""
    live = _current_name(root)
    gens = sorted((p for p in root.glob(_PREFIX + "*") if p.is_dir()), key=lambda p: p.name)
    keep = {live}
    older = [p.name for p in gens if p.name != live and (root / p.name / META).exists()]
    if older:
        keep.add(older[-1])  # the previous build, for readers mid-switch
    now = time.time()
    for p in gens:
        if p.name not in keep and now - p.stat().st_mtime > grace:
            shutil.rmtree(p, ignore_errors=True)


def current(root: Path) -> Generation:
    """Return the live generation, checking that this version of the code can read it."""
    name = _current_name(root)
    if name is None:
        raise IndexMissingError(
            f"No index found in {root}. Build one with: minutes index CORPUS --index {root}"
        )
    path = root / name
    try:
        meta = read_meta(path)
    except (OSError, ValueError) as exc:
        raise IndexMissingError(f"The index in {root} is damaged ({exc}). Rebuild it with: minutes index") from exc
    if meta.get("format") != INDEX_FORMAT:
        raise StaleIndexError(
            f"The index in {root} was built by another version of minutes-search "
            f"(format {meta.get('format')!r}, this version reads {INDEX_FORMAT!r}). "
            "Rebuild it with: minutes index"
        )
    return Generation(path, meta)


def open_generation(gen: Generation) -> Index:
    """Open the Whoosh index of a generation."""
    try:
        return whoosh_index.open_dir(str(gen.path))
    except (OSError, whoosh_index.IndexError, ImportError, AttributeError, EOFError) as exc:
        # ImportError/AttributeError: the pickled analyzer no longer unpickles.
        raise StaleIndexError(f"Cannot open the index in {gen.path} ({exc}). Rebuild it with: minutes index") from exc


def current_name(root: Path) -> str | None:
    """Return the name of the live generation, or None (cheap: one small file read)."""
    return _current_name(root)


def _current_name(root: Path) -> str | None:
    try:
        name = (root / CURRENT).read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return name if name.startswith(_PREFIX) and (root / name).is_dir() else None


def _check_root(root: Path) -> None:
    """Refuse to build inside a folder that holds something other than an index."""
    if not root.exists():
        return
    if not root.is_dir():
        raise BuildError(f"{root} exists and is not a folder; choose another --index path.")
    foreign = [
        p.name
        for p in root.iterdir()
        if not (p.name.startswith(_PREFIX) or p.name.startswith(CURRENT) or p.name.startswith("."))
    ]
    if foreign:
        shown = ", ".join(sorted(foreign)[:3]) + (", …" if len(foreign) > 3 else "")
        raise BuildError(
            f"{root} is not an index folder (it holds {shown}); refusing to write there. "
            "Choose an empty or new --index folder."
        )
