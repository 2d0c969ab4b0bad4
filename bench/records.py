"""The logical records both engines index, from the real parser or from the generator.

Two sources of the same records:

- ``parsed``: run the engine's own pipeline up to the index writer: find the corpus
  files, parse each with :func:`indexer.parse.parse_file`, apply the manifests, and turn
  the document into index fields with :func:`indexer.build.passage_fields`. That is
  exactly what :func:`indexer.build.build_index` writes, so SQLite FTS5 loads the same
  passages with the same field values as our engine.
- ``generated``: the generator's ground truth (``records.jsonl``), turned into the same
  :class:`indexer.model.Document` objects and the same fields. Used while the real
  parser is not available, and to measure our engine's indexing without parsing.

:func:`records_shim` swaps the parser inside :mod:`indexer.build` for a reader of the
generator's records, so ``build_index`` can run unchanged (manifests, writer, commit,
atomic publish) when the real parser cannot.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from indexer import build as ix_build
from indexer.model import Document, Item, Meeting, Passage


def parser_status(corpus: Path) -> str | None:
    """Return None if the real parser can parse a file of ``corpus``, else why not."""
    from indexer.parse import parse_file

    sample = next(p for p in ix_build.find_sources(corpus) if p.suffix == ".txt")
    try:
        doc = parse_file(sample, source=sample.name)
    except NotImplementedError:
        return "indexer.parse.parse_file raises NotImplementedError (parser not merged yet)"
    except Exception as exc:  # noqa: BLE001 - report any parser failure as unavailability
        return f"indexer.parse.parse_file failed on {sample.name}: {type(exc).__name__}: {exc}"
    if not doc.items:
        return f"indexer.parse.parse_file found no items in {sample.name}"
    return None


def document_from_record(rec: dict[str, Any]) -> Document:
    """Rebuild the :class:`Document` a ``records.jsonl`` line describes."""
    meeting = Meeting(
        committee=rec.get("committee"),
        date=dt.date.fromisoformat(rec["meeting_date"]) if rec.get("meeting_date") else None,
        url=rec.get("meeting_url"),
    )
    passages = tuple(
        Passage(p["text"], p["section"], p.get("speaker_role"), p.get("speaker_name")) for p in rec["passages"]
    )
    item = Item(
        title=rec["item_title"],
        number=rec.get("item_number"),
        passages=passages,
        resolutions=tuple(rec.get("resolutions", ())),
        meeting=meeting,
        url=rec.get("item_url"),
    )
    return Document(source=rec["source"], kind=rec.get("kind", "agenda_item"), items=(item,), meeting=meeting)


def iter_generated(corpus_root: Path) -> Iterator[Document]:
    """Yield the generator's documents in corpus order (``corpus_root`` holds records.jsonl)."""
    with open(corpus_root / "records.jsonl", encoding="utf-8") as f:
        for line in f:
            yield document_from_record(json.loads(line))


def iter_parsed(corpus: Path, parse: Any = None) -> Iterator[Document]:
    """Yield the real parser's documents, with manifest defaults, in build order."""
    yield from iter_parsed_files(corpus, ix_build.find_sources(corpus), parse)


def iter_parsed_files(corpus: Path, paths: list[Path], parse: Any = None) -> Iterator[Document]:
    """Yield the real parser's documents for ``paths`` (files under ``corpus``), parsed by
    ``parse`` (default :func:`indexer.parse.parse_file`; the bench passes a timed one)."""
    from indexer.manifest import load_manifests
    from indexer.parse import parse_file

    parse_file = parse or parse_file
    manifests, _ = load_manifests(corpus)
    for path in paths:
        name = path.relative_to(corpus).as_posix()
        try:
            doc = parse_file(path, source=name)
        except Exception:  # noqa: BLE001 - build_index skips such files too
            continue
        if doc.items:
            yield doc.with_defaults(manifests.meeting_for(path))


def iter_rows(docs: Iterator[Document]) -> Iterator[dict[str, Any]]:
    """Yield the logical fields of every passage (one row per passage, as our index has).

    Built from the documents directly (not from the engine's packed index fields), with
    the engine's own item ids, so both engines hold the same passages and values.
    """
    for doc in docs:
        for position, item in enumerate(doc.items):
            iid = ix_build.item_id(doc.source, position)
            meeting = item.meeting
            date = dt.datetime(meeting.date.year, meeting.date.month, meeting.date.day) if meeting.date else None
            base = {
                "item_id": iid,
                "meeting_id": ix_build.meeting_id(meeting.committee, meeting.date, doc.source),
                "source": doc.source,
                "kind": doc.kind,
                "url": item.url or meeting.url,
                "title": item.title,
                "item_number": item.number,
                "committee": meeting.committee or "",
                "committee_key": " ".join(meeting.committee.split()) if meeting.committee else None,
                "date": date,
                "procedural_item": "0",
            }
            for ordinal, p in enumerate(item.passages or (None,)):
                yield {
                    **base,
                    "id": f"{iid}-{ordinal}",
                    "ordinal": ordinal,
                    "section": p.section if p else "summary",
                    "body": p.text if p else "",
                    "speaker": p.speaker_role if p else None,
                    "speaker_name": (p.speaker_name if p else None) or "",
                }


class _RecordReader:
    """Stand-in for ``parse_bytes`` that returns the generator's document for a source.

    Reads ``records.jsonl`` as a stream: build_index asks for files in the same sorted
    order the generator wrote them, so only a handful of records are ever held.
    """

    def __init__(self, corpus_root: Path) -> None:
        self._it = iter_generated(corpus_root)
        self._pending: dict[str, Document] = {}

    def __call__(self, data: bytes, name: str, source: str | None = None) -> Document:
        key = source or name
        while key not in self._pending:
            try:
                doc = next(self._it)
            except StopIteration:
                raise KeyError(f"{key} is not in records.jsonl") from None
            self._pending[doc.source] = doc
        doc = self._pending.pop(key)
        # Like the real parser, leave committee/date to the manifest.
        return Document(doc.source, doc.kind, tuple(_strip_meeting(i) for i in doc.items))


def _strip_meeting(item: Item) -> Item:
    return Item(item.title, item.number, item.passages, item.resolutions, Meeting(), item.url)


@contextlib.contextmanager
def records_shim(corpus_root: Path) -> Iterator[None]:
    """Make ``indexer.build.build_index`` read the generator's records instead of parsing."""
    saved = ix_build.parse_bytes
    ix_build.parse_bytes = _RecordReader(corpus_root)  # type: ignore[assignment]
    try:
        yield
    finally:
        ix_build.parse_bytes = saved  # type: ignore[assignment]
