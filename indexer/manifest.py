"""Corpus manifests: meeting metadata that the minute files themselves do not state.

A ``manifest.json`` may sit in any folder of a corpus. It applies to the files in that
folder and below::

    {
      "defaults": {"committee": "Hampshire Police and Crime Panel"},
      "files": {
        "2018-01-26-precept.txt": {
          "meeting_date": "2018-01-26",
          "url": "https://democracy.hants.gov.uk/mgAi.aspx?ID=123"
        }
      }
    }

Keys of ``files`` are paths relative to the manifest's folder. Each entry (and
``defaults``) may give ``committee``, ``meeting_date`` (YYYY-MM-DD), ``url`` and ``body``.
A nearer manifest overrides a farther one, and a ``files`` entry overrides ``defaults``.
The manifest only fills gaps: what a file states about itself wins, except that a
manifest naming the ``body`` (the council or authority whose site published the file, as
``minutes harvest`` writes) also names the committee as that body lists it, and that
committee is taken, shown as "Committee (Body)" so several bodies' committees stay apart.

Entries may also carry a harvest record, kept for people and the harvester and ignored
by the indexer: ``item``, ``role``, ``fetched``, ``etag``, ``last_modified``, ``sha256``,
``bytes``, ``content_type``, ``from``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .errors import ManifestError
from .model import Meeting

MANIFEST_NAME = "manifest.json"
_KEYS = frozenset({"committee", "meeting_date", "url", "body"})
#: A harvest's record of where a file came from: kept in the manifest, not indexed.
RECORD_KEYS = frozenset({"item", "role", "fetched", "etag", "last_modified", "sha256", "bytes", "content_type", "from"})


@dataclass(frozen=True, slots=True)
class Manifests:
    """Every manifest under a corpus root, ready to answer per-file lookups."""

    root: Path
    #: folder (relative to root, "" for the root) → (defaults, files by relative path)
    folders: dict[str, tuple[Meeting, dict[str, Meeting]]]

    def meeting_for(self, path: Path | str) -> Meeting:
        """Return the manifest metadata for a file: a path under the root, or its
        root-relative POSIX name ("hampshire/2018-01-26.txt", the cheap form)."""
        if isinstance(path, Path):
            path = path.resolve().relative_to(self.root.resolve()).as_posix()
        parts = path.split("/")
        result = Meeting()
        # Walk from the nearest folder outwards; nearer values win.
        for depth in range(len(parts) - 1, -1, -1):
            found = self.folders.get("/".join(parts[:depth]))
            if found is None:
                continue
            defaults, files = found
            entry = files.get("/".join(parts[depth:]))
            if entry is not None:
                result = result.filled_from(entry)
            result = result.filled_from(defaults)
        return result


def load_manifests(root: Path, only: Iterable[str] | None = None) -> tuple[Manifests, list[ManifestError]]:
    """Read every manifest under ``root``; return them and the errors of broken ones.

    With ``only`` (root-relative POSIX names of files), read just the manifests that
    apply to those files, not the whole tree. A broken manifest is reported and
    ignored, so its files are still indexed, only without the metadata it would have
    given.
    """
    folders: dict[str, tuple[Meeting, dict[str, Meeting]]] = {}
    errors: list[ManifestError] = []
    if only is None:
        paths = sorted(root.rglob(MANIFEST_NAME))
    else:
        wanted = {"/".join(parts[:depth]) for parts in (name.split("/") for name in only)
                  for depth in range(len(parts))}
        paths = sorted(p for p in (root / f / MANIFEST_NAME if f else root / MANIFEST_NAME for f in wanted)
                       if p.is_file())
    for path in paths:
        if any(part.startswith(".") for part in path.relative_to(root).parts):
            continue
        try:
            folders[path.parent.relative_to(root).as_posix().strip(".")] = _read(path)
        except ManifestError as exc:
            errors.append(exc)
    return Manifests(root, folders), errors


def _read(path: Path) -> tuple[Meeting, dict[str, Meeting]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ManifestError(f"{path}: cannot read manifest ({exc})") from exc
    except json.JSONDecodeError as exc:
        raise ManifestError(f"{path}: not valid JSON (line {exc.lineno}: {exc.msg})") from exc
    if not isinstance(data, dict) or not set(data) <= {"defaults", "files"}:
        raise ManifestError(f"{path}: expected an object with 'defaults' and/or 'files'")
    defaults = _meeting(path, "defaults", data.get("defaults", {}))
    files_data = data.get("files", {})
    if not isinstance(files_data, dict):
        raise ManifestError(f"{path}: 'files' must map file names to metadata objects")
    files = {Path(name).as_posix(): _meeting(path, name, entry) for name, entry in files_data.items()}
    return defaults, files


def _meeting(path: Path, where: str, entry: object) -> Meeting:
    if not isinstance(entry, dict):
        raise ManifestError(f"{path}: entry {where!r} must be an object")
    unknown = set(entry) - _KEYS - RECORD_KEYS
    if unknown:
        raise ManifestError(
            f"{path}: entry {where!r} has unknown keys {sorted(unknown)}; allowed: {sorted(_KEYS | RECORD_KEYS)}"
        )
    for key, value in entry.items():
        if key in RECORD_KEYS:
            continue
        if value is not None and not isinstance(value, str):
            raise ManifestError(f"{path}: {where!r}.{key} must be a string")
    date = None
    if entry.get("meeting_date"):
        try:
            date = dt.date.fromisoformat(entry["meeting_date"])
        except ValueError as exc:
            raise ManifestError(
                f"{path}: {where!r}.meeting_date {entry['meeting_date']!r} is not a YYYY-MM-DD date"
            ) from exc
    return Meeting(committee=entry.get("committee") or None, date=date, url=entry.get("url") or None,
                   body=entry.get("body") or None)
