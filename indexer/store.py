"""The on-disk layout of an index folder: generations, the one commit point, the writer
lock, reader pins and garbage collection.

An index folder holds whole states of the index ("generations") side by side and a
``CURRENT`` file naming the live one::

    index/
      CURRENT                    → "gen-20261123T101500-4242-01234"
      .writer.lock               (held by the one build or update at work; says who)
      gen-20261123T101500-4242-01234/
        _MAIN_1.toc, MAIN_*.*      (the Whoosh index: segments, hot lists)
        items.sqlite               (the item store)
        minutes-index.json         (the manifest: format, counts, every file's size and CRC)
        .pin                       (readers hold a shared lock on it while they use the state)

A generation is written once and never changed after it is published. A build writes a
new one from scratch; an update writes a new one too, from hard links to the live one's
segment files, a copy of its item store and the new segments. Either way the new state
is flushed to disk (fsync), its manifest written last, and it is published by replacing
``CURRENT`` with ``os.replace``: that rename is the one commit point. A process killed
at any moment leaves the old state live (and a folder that the next writer removes) or
the new one, never a mix.

One writer at a time: builds and updates hold an exclusive ``flock`` on ``.writer.lock``
(released by the OS if the process dies). Readers pin the generation they use with a
shared ``flock`` on its ``.pin`` file; a generation is removed only by a writer holding
the writer lock, only when it is neither live nor the previous one, and only when no
reader pins it.
"""

from __future__ import annotations

import datetime as dt
import errno
import fcntl
import json
import logging
import os
import shutil
import signal
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from whoosh import index as whoosh_index
from whoosh.index import Index

from .errors import BuildError, IndexBusyError, IndexDamagedError, IndexMissingError, StaleIndexError
from .schema import INDEX_FORMAT

log = logging.getLogger(__name__)

CURRENT = "CURRENT"
META = "minutes-index.json"
PIN = ".pin"
LOCK = ".writer.lock"
_PREFIX = "gen-"
_TRASH = ".trash-"
#: Set to a step name (see :func:`crash_point`) to make a writer kill itself there: tests
#: use it to check that a crash at every step of a build or update loses nothing.
KILL_ENV = "MINUTES_KILL_AT"
#: Set to ``step=FILE`` to make a writer pause at a step: it writes its pid to FILE and
#: waits (up to a minute) until FILE is removed. Tests use it to line writers up.
PAUSE_ENV = "MINUTES_PAUSE_AT"


@dataclass(frozen=True, slots=True)
class Generation:
    """One published state inside an index folder."""

    path: Path
    meta: dict[str, Any]

    @property
    def name(self) -> str:
        return self.path.name


def crash_point(step: str) -> None:
    """Kill this process (SIGKILL, as the OOM killer or a power cut would) if the
    :data:`KILL_ENV` environment variable names ``step``, or pause it if
    :data:`PAUSE_ENV` does. Writers call it at each named step of a build or update
    (see :data:`BUILD_STEPS` and :data:`UPDATE_STEPS`)."""
    if os.environ.get(KILL_ENV) == step:
        os.kill(os.getpid(), signal.SIGKILL)
    pause = os.environ.get(PAUSE_ENV)
    if pause and pause.partition("=")[0] == step:
        flag = Path(pause.partition("=")[2])
        flag.write_text(str(os.getpid()))
        deadline = time.monotonic() + 60
        while flag.exists() and time.monotonic() < deadline:
            time.sleep(0.02)


#: The named steps of a build and of an update, in order.
BUILD_STEPS = ("build:listed", "build:segments", "build:item-store", "build:sealed", "build:published")
UPDATE_STEPS = ("update:parsed", "update:linked", "update:added", "update:segments", "update:hot-lists",
                "update:item-store", "update:sealed", "update:published")


def rebuild_hint(root: Path) -> str:
    return f"Rebuild it with: minutes index CORPUS --index {root}"


# ---------------------------------------------------------------------- the writer lock

_HELD: set[int] = set()


def _close_held_in_child() -> None:
    # A forked indexing worker must not keep the writer lock alive if its parent dies.
    for fd in list(_HELD):
        try:
            os.close(fd)
        except OSError:
            pass
    _HELD.clear()


os.register_at_fork(after_in_child=_close_held_in_child)


@contextmanager
def writer_lock(root: Path, *, wait: bool = False, what: str = "build") -> Iterator[None]:
    """Hold the one-writer lock of the index folder ``root`` for the block.

    If another build or update holds it, raise :class:`IndexBusyError` saying which
    process, or with ``wait`` wait for it to finish.
    """
    check_root(root)
    try:
        root.mkdir(parents=True, exist_ok=True)
        fd = os.open(root / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise write_error(exc, root, "the index folder") from exc
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(fd)
            if not wait:
                raise IndexBusyError(
                    f"Another build or update of the index in {root} is running ({holder}). "
                    "Wait for it to finish, or run this again with --wait."
                ) from None
            log.warning("waiting for another build or update of %s (%s) to finish", root, holder)
            fcntl.flock(fd, fcntl.LOCK_EX)
        stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, json.dumps({"pid": os.getpid(), "started": stamp, "what": what}).encode(), 0)
        except OSError:
            pass  # the lock holds without the note (e.g. a full disk)
        _HELD.add(fd)
        yield
    finally:
        _HELD.discard(fd)
        os.close(fd)  # releases the lock


def _holder(fd: int) -> str:
    try:
        note = json.loads(os.pread(fd, 4096, 0) or b"{}")
        return f"pid {int(note['pid'])}, started {note['started']}"
    except (OSError, ValueError, KeyError, TypeError):
        return "pid unknown"


def lock_holder(root: Path) -> str | None:
    """Return who holds the writer lock of ``root`` ("pid N, started …"), or None."""
    try:
        fd = os.open(root / LOCK, os.O_RDONLY)
    except OSError:
        return None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return _holder(fd)
        return None
    finally:
        os.close(fd)


# ---------------------------------------------------------------------- writing a generation


def create_generation(root: Path) -> Path:
    """Make and return an empty folder for a new state under ``root`` (writers only)."""
    check_root(root)
    try:
        root.mkdir(parents=True, exist_ok=True)
        stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime())
        path = root / f"{_PREFIX}{stamp}-{os.getpid()}-{time.monotonic_ns() % 100000:05d}"
        path.mkdir()
        (path / PIN).touch()
    except OSError as exc:
        raise write_error(exc, root, "the index folder") from exc
    return path


def link_generation(source: Path, dest: Path, item_store: str, skip: frozenset[str] = frozenset()) -> None:
    """Fill the new folder ``dest`` with the Whoosh files of ``source`` (hard links:
    segment files are never changed once written) and a copy of its item store (which
    the update will change); leave out the names in ``skip``."""
    for entry in os.scandir(source):
        name = entry.name
        if (name.startswith(".") or name in (META, item_store) or name in skip or name.endswith(".tmp")
                or "WRITELOCK" in name or not entry.is_file(follow_symlinks=False)):
            continue
        try:
            os.link(entry.path, dest / name)
        except OSError as exc:
            if exc.errno not in (errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP):
                raise
            shutil.copyfile(entry.path, dest / name)
    shutil.copyfile(source / item_store, dest / item_store)


def seal(gen: Path, meta: dict[str, Any], parent: Generation | None = None) -> dict[str, Any]:
    """Flush every file of the new state ``gen`` to disk and write its manifest (format,
    ``meta``, each file's size and CRC-32). Files hard-linked from ``parent`` keep its
    recorded checksums. Returns the manifest."""
    known = parent.meta.get("contents", {}) if parent is not None else {}
    files: dict[str, list[int]] = {}
    for entry in sorted(os.scandir(gen), key=lambda e: e.name):
        name = entry.name
        if name.startswith(".") or name == META or name.endswith(".tmp") or "WRITELOCK" in name or not entry.is_file():
            continue
        st = entry.stat()
        old = known.get(name)
        if parent is not None and old is not None and st.st_nlink > 1 and old[0] == st.st_size:
            try:
                same = os.stat(parent.path / name).st_ino == st.st_ino
            except OSError:
                same = False
            if same:
                files[name] = list(old)
                continue
        files[name] = [st.st_size, _crc_and_sync(Path(entry.path))]
    data = {**meta, "format": INDEX_FORMAT, "contents": files}
    tmp = gen / (META + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=1, sort_keys=True)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, gen / META)
    _sync_dir(gen)
    return data


def _crc_and_sync(path: Path) -> int:
    crc = 0
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            crc = zlib.crc32(chunk, crc)
        os.fsync(f.fileno())
    return crc


def _sync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def publish(root: Path, gen: Path) -> None:
    """Make the sealed state ``gen`` the live one: the commit point (one atomic rename)."""
    tmp = root / (CURRENT + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(gen.name + "\n")
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, root / CURRENT)
    _sync_dir(root)


def discard(gen: Path) -> None:
    """Remove a state that failed to build (it was never published)."""
    shutil.rmtree(gen, ignore_errors=True)


def write_error(exc: BaseException, where: Path, what: str) -> BuildError:
    """Turn an operating-system error met while writing into a sentence naming the file
    and the next step."""
    if isinstance(exc, OSError):
        path = exc.filename or where
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            reason = f"the disk is full (writing {path})"
            step = "Free some space and run it again."
        elif exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            reason = f"{path} cannot be written ({exc.strerror})"
            step = f"Make {what} writable, or choose another --index folder."
        else:
            reason = f"{exc.strerror or exc} ({path})"
            step = "Check the disk and run it again."
    else:
        reason, step = f"{type(exc).__name__}: {exc}", "Run it again; if it fails again, run with -v and report it."
    return BuildError(f"Writing the index in {where} failed: {reason}. {step} The previous index is unchanged.")


# ---------------------------------------------------------------------- reading


def read_meta(gen: Path) -> dict[str, Any]:
    """Return a generation's manifest (build metadata, format, files)."""
    data: dict[str, Any] = json.loads((gen / META).read_text(encoding="utf-8"))
    return data


def current(root: Path) -> Generation:
    """Return the live generation, checking that this version of the code can read it."""
    name = _current_name(root, strict=True)
    if name is None:
        raise IndexMissingError(
            f"No index found in {root}. Build one with: minutes index CORPUS --index {root}"
        )
    path = root / name
    try:
        meta = read_meta(path)
    except FileNotFoundError as exc:
        raise IndexDamagedError(
            f"The index in {root} is damaged: {path / META} is missing. {rebuild_hint(root)}"
        ) from exc
    except (OSError, ValueError) as exc:
        raise IndexDamagedError(
            f"The index in {root} is damaged: {path / META} cannot be read ({exc}). {rebuild_hint(root)}"
        ) from exc
    if not isinstance(meta, dict):
        raise IndexDamagedError(f"The index in {root} is damaged: {path / META} is not a manifest. {rebuild_hint(root)}")
    if meta.get("format") != INDEX_FORMAT:
        raise StaleIndexError(
            f"The index in {root} was built by another version of minutes-search "
            f"(format {meta.get('format')!r}, this version reads {INDEX_FORMAT!r}). "
            "Rebuild it with: minutes index"
        )
    return Generation(path, meta)


class Problem(NamedTuple):
    """A file of an index state that is not as its manifest recorded."""

    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.path} {self.reason}"


def verify_files(gen: Generation, *, checksums: bool = False) -> list[Problem]:
    """Return what is wrong with the files of ``gen`` against its manifest (missing,
    wrong size, and with ``checksums`` wrong content), one per file. A state written
    before manifests recorded files is not checked."""
    problems = []
    for name, (size, crc) in sorted(gen.meta.get("contents", {}).items()):
        path = gen.path / name
        try:
            actual = os.stat(path).st_size
        except FileNotFoundError:
            problems.append(Problem(path, "is missing"))
            continue
        except OSError as exc:
            problems.append(Problem(path, f"cannot be read ({exc.strerror})"))
            continue
        if actual != size:
            problems.append(Problem(path, f"is {actual:,} bytes, not the {size:,} written"))
        elif checksums:
            try:
                with open(path, "rb") as f:
                    got = 0
                    while chunk := f.read(1 << 20):
                        got = zlib.crc32(chunk, got)
            except OSError as exc:
                problems.append(Problem(path, f"cannot be read ({exc.strerror})"))
                continue
            if got != crc:
                problems.append(Problem(path, "has changed since it was written (its checksum differs)"))
    return problems


def open_generation(gen: Generation) -> Index:
    """Open the Whoosh index of a generation."""
    try:
        return whoosh_index.open_dir(str(gen.path))
    except (ImportError, AttributeError) as exc:
        # the pickled analyzer no longer unpickles
        raise StaleIndexError(f"Cannot open the index in {gen.path} ({exc}). Rebuild it with: minutes index") from exc
    except Exception as exc:  # noqa: BLE001 - a damaged table of contents fails in many ways
        root = gen.path.parent
        raise IndexDamagedError(
            f"The index in {root} is damaged: its table of contents in {gen.path} cannot be read "
            f"({type(exc).__name__}: {exc}). {rebuild_hint(root)}"
        ) from exc


def current_name(root: Path) -> str | None:
    """Return the name of the live generation, or None (cheap: one small file read)."""
    return _current_name(root)


def _current_name(root: Path, strict: bool = False) -> str | None:
    try:
        raw = (root / CURRENT).read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        if strict:
            raise IndexDamagedError(f"{root / CURRENT} cannot be read ({exc.strerror}). {rebuild_hint(root)}") from exc
        return None
    try:
        name = raw.decode("utf-8").strip()
    except UnicodeDecodeError:
        name = ""
    if not name.startswith(_PREFIX) or "/" in name:
        if strict:
            raise IndexDamagedError(
                f"The index in {root} is damaged: {root / CURRENT} does not name a generation "
                f"(it holds {raw[:40]!r}). {rebuild_hint(root)}"
            )
        return None
    if not (root / name).is_dir():
        if strict:
            raise IndexDamagedError(
                f"The index in {root} is damaged: {root / CURRENT} names {name}, which is missing. {rebuild_hint(root)}"
            )
        return None
    return name


# ---------------------------------------------------------------------- reader pins


class Pin:
    """A shared lock on a generation's ``.pin`` file: while held, no writer removes it."""

    def __init__(self, fd: int | None) -> None:
        self._fd = fd

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            os.close(fd)

    def forget(self) -> None:
        """Drop this process's copy without unlocking (after a fork: the parent keeps it)."""
        fd, self._fd = self._fd, None
        if fd is not None:
            try:
                os.close(fd)
            except OSError:
                pass


def pin(gen: Path) -> Pin | None:
    """Pin the generation in ``gen`` for reading; None if it has been removed (read
    ``CURRENT`` again). A folder a reader may not write to is read unpinned."""
    path = gen / PIN
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        if not gen.is_dir():
            return None
        try:  # a state written before pins: make its pin file
            fd = os.open(path, os.O_RDONLY | os.O_CREAT, 0o644)
        except OSError:
            return Pin(None) if gen.is_dir() else None
    except OSError:
        return Pin(None)
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        if os.fstat(fd).st_ino != os.stat(path).st_ino:
            raise FileNotFoundError
    except (BlockingIOError, FileNotFoundError):  # being removed, or already gone
        os.close(fd)
        return None
    return Pin(fd)


# ---------------------------------------------------------------------- garbage collection


@dataclass(slots=True)
class GcReport:
    """What :func:`collect_garbage` removed (and left because a reader still uses it)."""

    removed: list[str] = field(default_factory=list)
    freed_bytes: int = 0
    in_use: list[str] = field(default_factory=list)


def collect_garbage(root: Path, keep: tuple[Path, ...] = ()) -> GcReport:
    """Remove the generations no one needs: neither live nor the previous one, not
    pinned by a reader, and not in ``keep`` (the caller's own work in progress). Call
    only while holding the writer lock: every other unpublished folder was left by a
    killed or failed writer."""
    report = GcReport()
    if not root.is_dir():
        return report
    live = _current_name(root)
    keep_names = {live, *(p.name for p in keep)}
    try:
        previous = read_meta(root / live).get("previous", "") if live is not None else ""
    except (OSError, ValueError, AttributeError):
        previous = ""
    if previous == "":
        # A state written before manifests named its predecessor, or no readable CURRENT:
        # keep the newest other sealed state.
        older = sorted(p.name for p in root.glob(_PREFIX + "*")
                       if (live is None or p.name < live) and (p / META).exists())
        previous = older[-1] if older else None
    keep_names.add(previous)
    for entry in sorted(os.scandir(root), key=lambda e: e.name):
        name = entry.name
        if name.startswith(_TRASH):  # a removal that was itself killed
            report.freed_bytes += _unshared_bytes(Path(entry.path))
            shutil.rmtree(entry.path, ignore_errors=True)
            continue
        if name == CURRENT + ".tmp":
            Path(entry.path).unlink(missing_ok=True)
            continue
        if not name.startswith(_PREFIX) or name in keep_names or not entry.is_dir():
            continue
        gen = Path(entry.path)
        try:
            fd = os.open(gen / PIN, os.O_RDONLY | os.O_CREAT, 0o644)
        except OSError:
            fd = None
        try:
            if fd is not None:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    report.in_use.append(name)
                    continue
            # Rename first, so a reader that opens the pin file from now on finds nothing.
            trash = root / (_TRASH + name)
            try:
                os.rename(gen, trash)
            except OSError as exc:
                log.warning("could not remove %s (%s)", gen, exc)
                continue
            freed = _unshared_bytes(trash)
            shutil.rmtree(trash, ignore_errors=True)
            report.removed.append(name)
            report.freed_bytes += freed
        finally:
            if fd is not None:
                os.close(fd)
    return report


def _unshared_bytes(folder: Path) -> int:
    """Bytes that removing ``folder`` frees: files not hard-linked from elsewhere."""
    total = 0
    for dirpath, _, files in os.walk(folder):
        for f in files:
            try:
                st = os.stat(os.path.join(dirpath, f))
            except OSError:
                continue
            if st.st_nlink == 1:
                total += st.st_blocks * 512
    return total


def check_root(root: Path) -> None:
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
