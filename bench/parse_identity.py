"""Check that the parser's output is unchanged, and time parsing alone.

    python -m bench.parse_identity --record   # digest every Document now (before a change)
    python -m bench.parse_identity            # parse again and compare with the recorded digests
    python -m bench.parse_identity --time 3   # parse-only CPU time per set, best of 3

The sets: a sample of the bench archive (every 8th meeting folder of ``100k-long``, generated
by :mod:`bench.generate` when missing), ``corpus/``, ``tests/data/parse/heldout`` and, when
present, ``../shared/realworld`` (read at run time; only digests are written, to
``bench/work/parse-identity.json``, which git ignores). A digest covers the whole
:class:`~indexer.model.Document` (its ``repr``: items, titles, numbers, passages, sections,
roles, names, resolutions, meetings, kind, warnings, guessed) or the error a file gives.

Timing uses CPU time of this process (``time.process_time``), not wall time: the machine
is shared, so wall time measures the neighbours.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

from indexer.errors import ParseError
from indexer.parse import SUPPORTED_SUFFIXES, parse_bytes

from .generate import WORK_DIR, ensure_corpus, parse_archive

ROOT = Path(__file__).resolve().parent.parent
RECORD = WORK_DIR / "parse-identity.json"


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)


def _archive(size: str) -> Path:
    n, style = parse_archive(size)
    return ensure_corpus(n, 1, style=style, log=lambda _msg: None) / "corpus"


def bench_sample(size: str = "100k-long", every: int = 8) -> list[Path]:
    """Every ``every``-th meeting folder of the bench archive ``size`` (generated if missing)."""
    root = _archive(size)
    meetings = sorted({p.parent for p in _files(root)})
    return [p for m in meetings[::every] for p in _files(m)]


def sets() -> dict[str, tuple[Path, list[Path]]]:
    """The named sets of files to parse, each with the folder its names are relative to."""
    out: dict[str, tuple[Path, list[Path]]] = {}
    out["bench"] = (_archive("100k-long"), bench_sample())
    out["corpus"] = (ROOT / "corpus", _files(ROOT / "corpus"))
    out["heldout"] = (ROOT / "tests/data/parse/heldout", _files(ROOT / "tests/data/parse/heldout"))
    real = ROOT.parent / "shared" / "realworld"
    if real.is_dir():
        out["realworld"] = (real, _files(real))
    return out


def digest(data: bytes, name: str) -> str:
    """A digest of everything the parser returns for ``data`` (or of its error)."""
    try:
        doc = repr(parse_bytes(data, name))
    except ParseError as exc:
        doc = f"ParseError: {exc}"
    return hashlib.sha256(doc.encode("utf-8", "surrogatepass")).hexdigest()[:24]


def digests() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for label, (root, files) in sets().items():
        out[label] = {str(p.relative_to(root)): digest(p.read_bytes(), str(p.relative_to(root))) for p in files}
    return out


def timing(repeats: int) -> None:
    """Print parse-only CPU seconds and MB/s per core per set, best of ``repeats``."""
    for label, (root, files) in sets().items():
        blobs = [(p.read_bytes(), str(p.relative_to(root))) for p in files]
        mb = sum(len(b) for b, _ in blobs) / 1e6
        best = float("inf")
        for _ in range(repeats):
            started = time.process_time()
            for data, name in blobs:
                try:
                    parse_bytes(data, name)
                except ParseError:
                    pass
            best = min(best, time.process_time() - started)
        print(f"{label:10s} {len(blobs):5d} files {mb:6.2f} MB  CPU {best:6.2f} s  {mb / best:5.2f} MB/s per core")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--record", action="store_true", help="record the digests of the parser as it is now")
    ap.add_argument("--time", type=int, metavar="N", help="time parsing (CPU seconds, best of N) instead")
    args = ap.parse_args(argv)
    if args.time:
        timing(args.time)
        return 0
    now = digests()
    if args.record:
        RECORD.parent.mkdir(parents=True, exist_ok=True)
        RECORD.write_text(json.dumps(now, indent=0, sort_keys=True))
        print(f"recorded {sum(len(d) for d in now.values())} digests in {RECORD}")
        return 0
    before = json.loads(RECORD.read_text())
    bad = 0
    for label, files in now.items():
        old = before.get(label, {})
        diff = sorted(n for n in files.keys() | old.keys() if files.get(n) != old.get(n))
        bad += len(diff)
        print(f"{label:10s} {len(files):5d} files, {len(diff)} differ" + "".join(f"\n    {n}" for n in diff[:20]))
    print("identical" if not bad else f"{bad} files differ")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
