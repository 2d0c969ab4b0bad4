"""Build an index from a corpus folder: parse every file, write passages, switch over.

A broken file is reported (path and reason) and skipped; the rest is indexed. The build
goes into a fresh generation folder that only becomes live when it is complete (see
:mod:`indexer.store`), so a failed build leaves the previous index serving.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from whoosh.index import create_in

from . import store
from .errors import BuildError, MinutesError, ParseError
from .manifest import MANIFEST_NAME, load_manifests
from .model import Document, Item
from .parse import SUPPORTED_SUFFIXES, parse_file
from .schema import build_schema, item_number_key, text_parts

log = logging.getLogger(__name__)

#: Called once per source file, after it has been handled, with its corpus-relative name.
ProgressFn = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file that was not indexed, and why."""

    path: str
    reason: str


@dataclass(slots=True)
class BuildReport:
    """What a build did, for the summary line and for tests."""

    corpus: Path
    index: Path
    generation: str = ""
    files: int = 0
    items: int = 0
    passages: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0


def find_sources(corpus: Path) -> list[Path]:
    """Return the files under ``corpus`` that look like minutes, in a stable order.

    Hidden files, manifests and READMEs are not minutes and are left out silently.
    """
    if not corpus.is_dir():
        raise BuildError(f"Corpus folder {corpus} does not exist or is not a folder.")
    found = []
    for path in sorted(corpus.rglob("*")):
        rel = path.relative_to(corpus)
        if any(part.startswith(".") for part in rel.parts) or not path.is_file():
            continue
        if path.name == MANIFEST_NAME or path.name.upper().startswith("README"):
            continue
        found.append(path)
    return found


def build_index(corpus: Path, index_root: Path, *, on_file: ProgressFn | None = None) -> BuildReport:
    """Index every minute file under ``corpus`` into a new generation under ``index_root``.

    Returns the report of the build; raises :class:`BuildError` (leaving any previous
    index live) when nothing could be indexed or the index could not be written.
    """
    started = time.perf_counter()
    report = BuildReport(corpus=corpus, index=index_root)
    sources = find_sources(corpus)
    manifests, manifest_errors = load_manifests(corpus)
    report.warnings.extend(str(e) for e in manifest_errors)

    gen = store.create_generation(index_root)
    try:
        ix = create_in(str(gen), build_schema())
        writer = ix.writer(limitmb=256)
        try:
            for path in sources:
                name = path.relative_to(corpus).as_posix()
                doc = _parse(path, name, report)
                if doc is not None:
                    doc = doc.with_defaults(manifests.meeting_for(path))
                    report.files += 1
                    report.items += len(doc.items)
                    for fields in passage_fields(doc):
                        writer.add_document(**fields)
                        report.passages += 1
                    report.warnings.extend(f"{name}: {w}" for w in doc.warnings)
                if on_file is not None:
                    on_file(name)
            if report.files == 0:
                raise BuildError(
                    f"Nothing to index in {corpus}: {len(sources)} files found, none readable as minutes."
                )
        except BaseException:
            writer.cancel()
            raise
        writer.commit()
        report.seconds = time.perf_counter() - started
        store.write_meta(gen, _meta(report))
        store.publish(index_root, gen)
    except MinutesError:
        store.discard(gen)
        raise
    except BaseException as exc:
        store.discard(gen)
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        raise BuildError(f"Index build failed ({type(exc).__name__}: {exc}); the previous index is unchanged.") from exc
    report.generation = gen.name
    return report


def _parse(path: Path, name: str, report: BuildReport) -> Document | None:
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        report.skipped.append(Skipped(name, f"unsupported file type {path.suffix or '(none)'}"))
        return None
    try:
        doc = parse_file(path, source=name)
    except ParseError as exc:
        report.skipped.append(Skipped(name, exc.reason))
        return None
    except Exception as exc:  # a parser bug must not lose the rest of the archive
        log.exception("unexpected error parsing %s", name)
        report.skipped.append(Skipped(name, f"unexpected parser error ({type(exc).__name__}: {exc})"))
        return None
    if not doc.items:
        report.skipped.append(Skipped(name, "no agenda items or minutes text found"))
        return None
    return doc


def passage_fields(doc: Document) -> Iterator[dict[str, Any]]:
    """Yield the index fields of every passage of ``doc`` (one document per passage).

    An item with no minutes text still gets one document, so its title can be found.
    """
    for index, item in enumerate(doc.items):
        item_id = _digest(f"{doc.source}#{index}")
        base = _item_fields(doc, item, item_id)
        committee = item.meeting.committee
        if not item.passages:
            yield {
                **base, "id": f"{item_id}-0", "ordinal": 0, "section": "summary", "body": "",
                "text": text_parts(item.title, None, committee, ""),
            }
            continue
        for ordinal, p in enumerate(item.passages):
            fields = {
                **base, "id": f"{item_id}-{ordinal}", "ordinal": ordinal, "section": p.section, "body": p.text,
                "text": text_parts(item.title, p.speaker_name, committee, p.text, lead=ordinal == 0),
            }
            if p.speaker_role:
                fields["speaker"] = p.speaker_role
            if p.speaker_name:
                fields["speaker_name"] = p.speaker_name
            yield fields


def _item_fields(doc: Document, item: Item, item_id: str) -> dict[str, Any]:
    meeting = item.meeting
    fields: dict[str, Any] = {
        "item_id": item_id,
        "meeting_id": meeting_id(meeting.committee, meeting.date, doc.source),
        "source": doc.source,
        "kind": doc.kind,
        "title": item.title,
        "procedural_item": "1" if getattr(item, "procedural", False) else "0",
    }
    url = citation_url(item.url, meeting.url)
    if url:
        fields["url"] = url
    if item.number:
        fields["item_number"] = item.number
        fields["item_key"] = item_number_key(item.number)
    if meeting.committee:
        fields["committee"] = meeting.committee
        fields["committee_key"] = " ".join(meeting.committee.split())
    if meeting.date:
        fields["date"] = dt.datetime(meeting.date.year, meeting.date.month, meeting.date.day)
    return fields


def citation_url(item_url: str | None, meeting_url: str | None) -> str | None:
    """Return the absolute link to cite for an item: its own page, else its meeting's.

    Pages link items relatively ("mgAi.aspx?ID=9", "documents/s1234/Report.pdf"); such a
    link is resolved against the meeting's address, and dropped if there is none to
    resolve it against (a relative link cannot be followed from our pages).
    """
    if item_url and urlsplit(item_url).scheme in ("http", "https"):
        return item_url
    if item_url and meeting_url and urlsplit(meeting_url).scheme in ("http", "https"):
        return urljoin(meeting_url, item_url)
    return meeting_url if meeting_url and urlsplit(meeting_url).scheme in ("http", "https") else None


def meeting_id(committee: str | None, date: dt.date | None, source: str) -> str:
    """Return a stable id for a meeting: by committee and date when both are known."""
    if committee and date:
        return _digest(f"{' '.join(committee.lower().split())}|{date.isoformat()}")
    return _digest(f"source:{source}")


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=6).hexdigest()


def _meta(report: BuildReport) -> dict[str, Any]:
    return {
        "built_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "corpus": str(report.corpus),
        "files": report.files,
        "items": report.items,
        "passages": report.passages,
        "skipped": [{"path": s.path, "reason": s.reason} for s in report.skipped],
        "seconds": round(report.seconds, 3),
    }
