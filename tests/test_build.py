"""Index builds: what gets indexed, what gets skipped, and atomic switching."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from indexer import store
from indexer.build import add_files, build_index, find_sources, item_metas, passage_fields, update_index
from indexer.errors import BuildError, IndexMissingError, StaleIndexError
from indexer.model import Document, Item, Meeting, Passage
from indexer.schema import StoredPassage
from indexer.search import SearchEngine, SearchRequest

from .conftest import CORPUS


def test_sources_leave_out_manifests_readmes_and_hidden_files(tmp_path):
    for name in ("a.txt", "README.md", "manifest.json", ".hidden.txt", "sub/b.html", ".git/c.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    assert [p.relative_to(tmp_path).as_posix() for p in find_sources(tmp_path)] == ["a.txt", "sub/b.html"]


def test_report_counts_and_skips_the_corrupt_file(build_report):
    r = build_report
    assert (r.files, r.items) == (4, 5)
    assert [(s.path, s.reason) for s in r.skipped] == [("vale-council/minutes-scan.pdf", "damaged PDF (PdfStreamError)")]
    assert r.passages == 27  # every paragraph and bullet of the four files; residue and bare lead-ins dropped


def test_meta_records_the_build(index_dir, build_report):
    gen = store.current(index_dir)
    assert gen.name == build_report.generation
    assert {k: gen.meta[k] for k in ("files", "items", "passages")} == {
        "files": build_report.files, "items": build_report.items, "passages": build_report.passages,
    }
    assert gen.meta["skipped"] == [{"path": s.path, "reason": s.reason} for s in build_report.skipped]


def test_rebuild_switches_atomically_and_keeps_previous(tmp_path):
    root = tmp_path / "index"
    first = build_index(CORPUS, root)
    second = build_index(CORPUS, root)
    assert first.generation != second.generation
    assert (root / "CURRENT").read_text().strip() == second.generation
    assert sorted(p.name for p in root.glob("gen-*")) == sorted([first.generation, second.generation])


def test_failed_build_leaves_previous_index_serving(tmp_path, request):
    root = tmp_path / "index"
    good = build_index(CORPUS, root)
    engine = SearchEngine(root)
    request.addfinalizer(engine.close)
    before = engine.search(SearchRequest(q="precept")).total
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "broken.pdf").write_bytes(b"%PDF-1.4 truncated")
    (bad / "empty.txt").write_bytes(b"")
    with pytest.raises(BuildError) as exc:
        build_index(bad, root)
    assert str(exc.value) == f"Nothing to index in {bad}: 2 files found, none readable as minutes."
    assert (root / "CURRENT").read_text().strip() == good.generation
    assert [p.name for p in root.glob("gen-*")] == [good.generation]  # the failed one is gone
    assert engine.search(SearchRequest(q="precept")).total == before


def test_refuses_to_build_into_a_folder_that_is_not_an_index(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(BuildError) as exc:
        build_index(CORPUS, tmp_path)
    assert str(exc.value) == (
        f"{tmp_path} is not an index folder (it holds notes.txt); refusing to write there. "
        "Choose an empty or new --index folder."
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_missing_corpus_is_a_clear_error(tmp_path):
    with pytest.raises(BuildError) as exc:
        build_index(tmp_path / "nope", tmp_path / "index")
    assert str(exc.value) == f"Corpus folder {tmp_path / 'nope'} does not exist or is not a folder."


def test_missing_index_is_a_clear_error(tmp_path):
    with pytest.raises(IndexMissingError) as exc:
        SearchEngine(tmp_path)
    assert str(exc.value) == f"No index found in {tmp_path}. Build one with: minutes index CORPUS --index {tmp_path}"


def test_stale_index_is_refused(tmp_path):
    root = tmp_path / "index"
    report = build_index(CORPUS, root)
    meta_path = root / report.generation / store.META
    meta = json.loads(meta_path.read_text())
    meta["format"] = "schema-0.analyzer-0"
    meta_path.write_text(json.dumps(meta))
    with pytest.raises(StaleIndexError) as exc:
        SearchEngine(root)
    assert "was built by another version of minutes-search (format 'schema-0.analyzer-0'" in str(exc.value)
    assert str(exc.value).endswith("Rebuild it with: minutes index")


def test_item_without_passages_is_still_findable_by_title():
    doc = Document("x.txt", "agenda_only", (Item("Work Programme", "7.", meeting=Meeting("P", None)),))
    [f] = list(passage_fields(doc))
    assert (StoredPassage.unpack(f["p"])[1:], f["title"], f["section"], f["item_key"], f["text"]) == (
        (0, "summary", None, None, ""), "Work Programme", "summary", "7", []
    )


def test_passage_fields_are_structured_not_baked_into_text():
    import datetime as dt

    doc = Document(
        "a/b.txt",
        "agenda_item",
        (Item("Precept", "54.", (Passage("Intro.", "summary"), Passage("We agree.", "resolution", "chair", "Cllr Oak")),
              meeting=Meeting("Wessex  Panel", dt.date(2018, 2, 2), "https://x.example/1")),),
    )
    first, second = passage_fields(doc)
    item_id = first["item_id"]
    assert StoredPassage.unpack(second["p"]) == (item_id, 1, "resolution", "chair", "Cllr Oak", "We agree.")
    assert {k: v for k, v in second.items() if k != "p"} == {
        "item_id": item_id, "item_no": int(item_id, 16),
        "item_key": "54", "committee_key": "Wessex Panel", "date": 20180202,
        "ordinal": 1, "section": "resolution", "speaker": "chair", "speaker_name": "Cllr Oak",
        "text": [("Cllr Oak", 1.0), ("We agree.", 1.0)],  # no title or committee in the text
        "exact": [("Cllr Oak", 1.0), ("We agree.", 1.0)],  # the same words, unstemmed
    }
    assert first["text"] == [("Intro.", 1.0)]
    assert (first["title"], "title" in second) == ("Precept", False)  # the title is indexed on the lead only
    [meta] = item_metas(doc)
    assert (meta.item_id, meta.title, meta.number, meta.committee, meta.date, meta.url, meta.passages) == (
        item_id, "Precept", "54.", "Wessex Panel", dt.date(2018, 2, 2), "https://x.example/1", 2
    )


@pytest.mark.parametrize(
    ("item_url", "meeting_url", "expected"),
    [
        ("https://d.example/mgAi.aspx?ID=9", "https://d.example/ieListDocuments.aspx?MId=1", "https://d.example/mgAi.aspx?ID=9"),
        ("mgAi.aspx?ID=9", "https://d.example/ieListDocuments.aspx?MId=1", "https://d.example/mgAi.aspx?ID=9"),
        ("documents/s12/Report.pdf", "https://d.example/x/ieListDocuments.aspx", "https://d.example/x/documents/s12/Report.pdf"),
        ("documents/s12/Report.pdf", None, None),
        (None, "https://d.example/mgAi.aspx?ID=3", "https://d.example/mgAi.aspx?ID=3"),
        ("javascript:alert(1)", None, None),
        (None, "javascript:alert(1)", None),
    ],
)
def test_citation_url(item_url, meeting_url, expected):
    from indexer.build import citation_url

    assert citation_url(item_url, meeting_url) == expected


def _all_hits(engine: SearchEngine, q: str) -> list[tuple[str, str]]:
    result = engine.search(SearchRequest(q=q, per_item=0, per_page=100))
    return sorted((h.passage_id, h.title) for h in result.hits)


def test_parallel_build_indexes_the_same_passages(tmp_path, request):
    one = build_index(CORPUS, tmp_path / "one", processes=1)
    two = build_index(CORPUS, tmp_path / "two", processes=2)
    assert (two.processes, two.files, two.items, two.passages) == (2, one.files, one.items, one.passages)
    assert two.skipped == one.skipped
    a, b = SearchEngine(tmp_path / "one"), SearchEngine(tmp_path / "two")
    request.addfinalizer(a.close)
    request.addfinalizer(b.close)
    for q in ("police", "county lines", "section:resolution", "speaker:chief_constable", "date:2019"):
        assert _all_hits(a, q) == _all_hits(b, q)
    # two workers, two segments
    with store.open_generation(store.current(tmp_path / "two")).reader() as reader:
        assert len(reader.leaf_readers()) == 2


def test_a_full_writer_closes_its_segment_and_starts_another(tmp_path, monkeypatch, request):
    """Segments are closed before Whoosh would spill postings to disk; the result is the
    same index, in more segments."""
    import indexer.build as build

    one = build_index(CORPUS, tmp_path / "one", processes=1)
    monkeypatch.setattr(build, "SEGMENT_MB", 0.0001)  # a few postings: one file per segment
    many = build_index(CORPUS, tmp_path / "many", processes=2)
    assert (many.files, many.items, many.passages) == (one.files, one.items, one.passages)
    with store.open_generation(store.current(tmp_path / "many")).reader() as reader:
        assert len(reader.leaf_readers()) == one.files
        assert reader.doc_count() == one.passages
    assert not list((tmp_path / "many").glob("*/*.tmp"))  # temporary runs cleaned up
    a, b = SearchEngine(tmp_path / "one"), SearchEngine(tmp_path / "many")
    request.addfinalizer(a.close)
    request.addfinalizer(b.close)
    for q in ("police", '"county lines"', "section:resolution", "speaker:chief_constable", "date:2019"):
        assert _all_hits(a, q) == _all_hits(b, q)


def test_update_adds_changes_and_removes_files_in_place(tmp_path, corpus_copy, request):
    root = tmp_path / "index"
    full = build_index(corpus_copy, root)
    engine = SearchEngine(root)
    request.addfinalizer(engine.close)
    assert engine.search(SearchRequest(q="cuckooing")).total == 1

    # nothing changed: nothing re-indexed
    same = update_index(corpus_copy, root)
    assert (same.files, same.unchanged, same.removed, same.generation) == (0, 4, 0, full.generation)

    # one file changed, one added, one removed
    plan = corpus_copy / "wessex-pcp" / "2019-06-14-plan-delivery.txt"
    plan.write_text(plan.read_text().replace("Knife crime had fallen", "Hare coursing had fallen"))
    (corpus_copy / "wessex-pcp" / "2021-01-29-meeting.html").unlink()
    added = corpus_copy / "vale-council" / "2021-05-04-cabinet.txt"
    added.write_text((corpus_copy / "vale-council" / "2020-03-10-cabinet.txt").read_text().replace("Road Safety", "Zebra Crossing"))
    report = update_index(corpus_copy, root)
    assert (report.files, report.unchanged, report.removed) == (2, 2, 1)
    assert [(s.path, s.reason) for s in report.skipped] == [("vale-council/minutes-scan.pdf", "damaged PDF (PdfStreamError)")]
    # a new state of the index, published at once: the build's segments are shared, not copied
    assert report.generation != full.generation
    assert store.current(root).name == report.generation
    shared = [f for f in (root / full.generation).iterdir() if f.suffix == ".trm"]
    assert shared and all((root / report.generation / f.name).stat().st_ino == f.stat().st_ino
                          for f in shared if (root / report.generation / f.name).exists())

    assert engine.refresh() is True  # a server notices within a second, in the background
    assert engine.search(SearchRequest(q="hare coursing", exact=True)).total == 1
    assert engine.search(SearchRequest(q='"knife crime"')).total == 0
    assert engine.search(SearchRequest(q="cuckooing")).total == 0
    assert {h.title for h in engine.search(SearchRequest(q="zebra crossing")).hits} == {"Zebra Crossing Strategy"}
    meta = engine.info
    assert (meta["files"], meta["items"]) == (4, 4)
    assert meta["passages"] == full.passages - 6 + 5  # removed the 6-passage meeting page, added a 5-passage file


def test_update_without_an_index_builds_one(tmp_path):
    report = update_index(CORPUS, tmp_path / "index")
    assert (report.files, report.items) == (4, 5)
    assert (tmp_path / "index" / "CURRENT").exists()


def test_update_rereads_only_what_changed(tmp_path, corpus_copy):
    import os

    root = tmp_path / "index"
    build_index(corpus_copy, root)
    precept = corpus_copy / "wessex-pcp" / "2018-02-02-precept.txt"
    os.utime(precept, ns=(1, 1))  # touched, not changed
    report = update_index(corpus_copy, root)
    assert (report.files, report.unchanged) == (0, 4)
    again = update_index(corpus_copy, root)  # the new modification time was recorded
    assert (again.files, again.unchanged) == (0, 4)
    # a manifest change re-indexes the files it describes, though their bytes are the same
    manifest = corpus_copy / "manifest.json"
    manifest.write_text(manifest.read_text().replace('"2019-06-14"', '"2019-06-15"'))
    changed = update_index(corpus_copy, root)
    assert (changed.files, changed.unchanged) == (1, 3)
    with SearchEngine(root) as engine:
        assert {h.date.isoformat() for h in engine.search(SearchRequest(q="cuckooing OR exploiting")).hits} == {
            "2019-06-15", "2021-01-29"
        }


def test_add_files_indexes_just_those_files(tmp_path, corpus_copy):
    root = tmp_path / "index"
    build_index(corpus_copy, root)
    new = corpus_copy / "vale-council" / "2021-05-04-cabinet.txt"
    new.write_text((corpus_copy / "vale-council" / "2020-03-10-cabinet.txt").read_text().replace("Road Safety", "Zebra Crossing"))
    (corpus_copy / "wessex-pcp" / "2018-02-02-precept.txt").unlink()  # not looked at: stays indexed
    report = add_files(corpus_copy, root, [new])
    assert (report.files, report.items, report.removed) == (1, 1, 0)
    with SearchEngine(root) as engine:
        assert engine.search(SearchRequest(q='"zebra crossing"')).total == 5
        assert engine.search(SearchRequest(q="precept")).total > 0
        assert engine.info["files"] == 5


def test_add_files_takes_paths_from_here_or_names_in_the_corpus(tmp_path, corpus_copy, monkeypatch):
    root = tmp_path / "index"
    build_index(corpus_copy, root)
    source = (corpus_copy / "vale-council" / "2020-03-10-cabinet.txt").read_text()
    for name, word in (("a.txt", "Zebra"), ("b.txt", "Pelican"), ("c.txt", "Toucan")):
        (corpus_copy / "vale-council" / name).write_text(source.replace("Road Safety", f"{word} Crossing"))
    monkeypatch.chdir(tmp_path)
    report = add_files(corpus_copy, root, [
        Path("corpus/vale-council/a.txt"),  # from the current directory
        "vale-council/b.txt",  # a name in the corpus
        corpus_copy / "vale-council" / "c.txt",  # absolute
    ])
    assert (report.files, report.passages, report.skipped) == (3, 15, [])
    with SearchEngine(root) as engine:
        assert [engine.search(SearchRequest(q=f'"{w} crossing"')).total for w in ("zebra", "pelican", "toucan")] == [5, 5, 5]
    with pytest.raises(ValueError, match="is not in the corpus folder"):
        add_files(corpus_copy, root, [tmp_path / "elsewhere.txt"])
