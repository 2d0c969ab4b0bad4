"""Where a harvest keeps things: meeting folders, their manifests, and the state file.

A site's harvest lives in one folder of the corpus, named after the site's address::

    corpus/democracy.example.gov.uk/
      .harvest-state.json            what was fetched, with validators and hashes (resumes, incremental runs)
      cabinet/2024-03-12-m1234/      one folder per meeting
        manifest.json                committee, body, date and address for the indexer; a row per file
        minutes.html                 indexed: the meeting page, with cut minutes filled in from item pages
        printed-minutes.pdf          indexed instead, when the meeting page holds no minutes text
        printed-minutes-2.pdf        … and each further printed-minutes document (parts, supplements)
        .sources/                    every page and document exactly as fetched (hidden: not indexed twice)

Every file is written to a temporary name and renamed into place, and the state file is
rewritten after each meeting, so a run that is killed leaves whole files and a state that
says which meetings are done.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..manifest import MANIFEST_NAME
from .errors import HarvestError

STATE_NAME = ".harvest-state.json"
SOURCES = ".sources"
STATE_VERSION = 1


def site_folder(root: str) -> str:
    """The corpus folder name for a site: its host (and port, and path for sites in a folder)."""
    parts = urlsplit(root)
    name = (parts.hostname or "site") + (f"-{parts.port}" if parts.port else "")
    path = parts.path.strip("/")
    if path:
        name += "-" + path.replace("/", "-")
    return slug(name, keep_dots=True)


def slug(text: str, *, keep_dots: bool = False) -> str:
    """A short, safe folder name for ``text`` ("Planning Committee (North)" → "planning-committee-north")."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"[^a-z0-9.]+" if keep_dots else r"[^a-z0-9]+", "-", text).strip("-.")
    return text[:60].rstrip("-.") or "unnamed"


@dataclass(slots=True)
class Source:
    """One fetched page or document, as the state and the manifest record it."""

    url: str
    path: str                      #: relative to the meeting folder
    role: str                      #: meeting, item, printed
    fetched: str = ""
    etag: str | None = None
    last_modified: str | None = None
    sha256: str = ""
    bytes: int = 0
    content_type: str = ""
    item: str | None = None        #: item number, for item pages


@dataclass(slots=True)
class MeetingState:
    """What the harvester knows about one meeting."""

    id: str
    committee_id: str
    folder: str                    #: relative to the site folder
    date: str | None = None
    url: str = ""
    status: str = ""               #: minutes, draft, agenda, cancelled
    label: str = ""                #: the meetings list's words beside it, last seen
    complete: bool = False         #: every document it needs was fetched and written
    checked: str = ""
    error: str | None = None
    sources: dict[str, Source] = field(default_factory=dict)   #: by canonical address
    files: list[str] = field(default_factory=list)             #: indexed files, relative to the folder

    @property
    def page(self) -> Source | None:
        return next((s for s in self.sources.values() if s.role == "meeting"), None)


@dataclass(slots=True)
class State:
    """A site's harvest state: the body's name, its committees, every meeting seen."""

    site: str
    body: str | None = None
    committees: dict[str, str] = field(default_factory=dict)   #: id → title
    meetings: dict[str, MeetingState] = field(default_factory=dict)
    discovery: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"version": STATE_VERSION, **asdict(self)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> State:
        meetings = {}
        for mid, m in data.get("meetings", {}).items():
            sources = {u: Source(**s) for u, s in m.pop("sources", {}).items()}
            meetings[mid] = MeetingState(**m, sources=sources)
        return cls(site=data["site"], body=data.get("body"), committees=dict(data.get("committees", {})),
                   meetings=meetings, discovery=data.get("discovery", ""))


class SiteStore:
    """The corpus folder of one harvested site."""

    def __init__(self, corpus: Path, root: str, *, durable: bool = True) -> None:
        self.corpus = corpus
        self.root = root
        self.durable = durable
        self.folder = corpus / site_folder(root)
        self.state_path = self.folder / STATE_NAME

    def load(self) -> State:
        """The saved state, or a fresh one. A damaged state file starts afresh (said so)."""
        try:
            data = json.loads(self.state_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return State(site=self.root)
        except (OSError, ValueError) as exc:
            raise HarvestError(
                f"The harvest state file {self.state_path} cannot be read ({exc}). Move it aside to start afresh; "
                "pages already harvested will then be fetched again."
            ) from exc
        if not isinstance(data, dict) or data.get("version") != STATE_VERSION:
            raise HarvestError(f"The harvest state file {self.state_path} was written by another version; "
                               "move it aside to start afresh.")
        try:
            return State.from_json(data)
        except (TypeError, KeyError) as exc:
            raise HarvestError(f"The harvest state file {self.state_path} is damaged ({exc}); "
                               "move it aside to start afresh.") from exc

    def save(self, state: State) -> None:
        """Write the state file (atomically); a failure is a sentence, and the old file stays."""
        try:
            self._save(state)
        except OSError as exc:
            raise HarvestError(f"Could not write the harvest state file {self.state_path} ({exc.strerror or exc}); "
                               "the meetings fetched so far are on disk and the next run finishes the rest.") from exc

    def _save(self, state: State) -> None:
        write_atomic(self.state_path, (json.dumps(state.to_json(), indent=1, sort_keys=True) + "\n").encode("utf-8"),
                     durable=self.durable)

    def meeting_dir(self, meeting: MeetingState) -> Path:
        return self.folder / meeting.folder

    def read_source(self, meeting: MeetingState, source: Source) -> bytes | None:
        try:
            return (self.meeting_dir(meeting) / source.path).read_bytes()
        except OSError:
            return None

    def write_file(self, meeting: MeetingState, rel: str, data: bytes) -> None:
        write_atomic(self.meeting_dir(meeting) / rel, data, durable=self.durable)

    def remove_file(self, meeting: MeetingState, rel: str) -> None:
        try:
            (self.meeting_dir(meeting) / rel).unlink()
        except FileNotFoundError:
            pass

    def corpus_name(self, meeting: MeetingState, rel: str) -> str:
        """A meeting file's name relative to the corpus (what the indexer calls it)."""
        return (self.meeting_dir(meeting) / rel).relative_to(self.corpus).as_posix()

    def write_manifest(self, meeting: MeetingState, committee: str, body: str | None,
                       visible: dict[str, dict[str, Any]]) -> None:
        """Write the meeting's manifest: what the indexer needs, then a row per file."""
        defaults: dict[str, Any] = {"committee": committee}
        if body:
            defaults["body"] = body
        if meeting.date:
            defaults["meeting_date"] = meeting.date
        defaults["url"] = meeting.url
        files: dict[str, Any] = {}
        for rel, extra in sorted(visible.items()):
            files[rel] = extra
        for s in sorted(meeting.sources.values(), key=lambda s: s.path):
            row: dict[str, Any] = {"url": s.url, "role": s.role, "fetched": s.fetched, "sha256": s.sha256,
                                   "bytes": s.bytes}
            for key in ("etag", "last_modified", "content_type", "item"):
                if getattr(s, key):
                    row[key] = getattr(s, key)
            files[s.path] = row
        data = {"defaults": defaults, "files": files}
        write_atomic(self.meeting_dir(meeting) / MANIFEST_NAME,
                     (json.dumps(data, indent=1, ensure_ascii=False) + "\n").encode("utf-8"), durable=self.durable)

    def indexed_names(self, state: State) -> Iterator[str]:
        """Every indexed file of the site, by corpus name."""
        for m in state.meetings.values():
            for rel in m.files:
                yield self.corpus_name(m, rel)


def write_atomic(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never half.

    ``durable`` also flushes it to disk before the rename, so a power cut cannot leave an
    empty file under the new name (tests, which only kill processes, turn it off).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            if durable:
                f.flush()
                os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
