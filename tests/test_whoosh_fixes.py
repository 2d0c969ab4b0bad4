"""Contract tests for indexer.whoosh_fixes, the one module that touches Whoosh's
internals: they fail loudly when the pinned Whoosh changes under it."""

from __future__ import annotations

from pathlib import Path

import pytest
import whoosh
from whoosh.index import create_in
from whoosh.writing import SegmentWriter

from indexer.analysis import TERMS, WORDS, exact_index_terms, index_arrays, index_terms, index_terms_and_words
from indexer.build import _read, add_passage, find_sources, new_builder, passage_fields
from indexer.build import _ShardResult as ShardResult
from indexer.manifest import load_manifests
from indexer.schema import ExactText, WeightedText, build_schema, text_and_exact_items
from indexer.whoosh_fixes import SegmentBuilder

from .conftest import BUNDLED_CORPUS, CORPUS


def test_the_pinned_whoosh():
    assert whoosh.versionstring() == "2.7.5"


def _documents(corpus: Path) -> list[dict]:
    manifests = load_manifests(corpus)[0]
    docs = []
    for path in find_sources(corpus):
        parsed = _read(corpus, path.relative_to(corpus).as_posix(), manifests, ShardResult())
        if parsed is not None:
            docs.extend(passage_fields(parsed[0]))
    return docs


def _segment_files(folder: Path, segment) -> dict[str, bytes]:
    prefix = segment.segment_id()
    return {p.name[len(prefix):]: p.read_bytes() for p in folder.iterdir() if p.name.startswith(prefix)}


@pytest.mark.parametrize("corpus", [CORPUS, BUNDLED_CORPUS], ids=["tests", "bundled"])
def test_segment_builder_writes_the_bytes_whooshs_writer_writes(tmp_path, corpus):
    docs = _documents(corpus)
    assert len(docs) > 20
    ours, theirs = tmp_path / "ours", tmp_path / "theirs"
    for folder in (ours, theirs):
        folder.mkdir()
        create_in(str(folder), build_schema())
    from whoosh.index import open_dir

    writer = SegmentWriter(open_dir(str(theirs)), _lk=False, compound=False)
    for fields in docs:
        writer.add_document(**fields)
    expected = _segment_files(theirs, writer._finalize_segment())
    writer._close_segment()

    builder, bulk = new_builder(open_dir(str(ours)))
    for fields in docs:
        add_passage(builder, bulk, fields)
    got = _segment_files(ours, builder.finish())
    assert sorted(got) == sorted(expected)
    for ext in expected:
        assert got[ext] == expected[ext], ext


def test_one_pass_analysis_gives_both_fields_terms():
    texts = [d["text"] for d in _documents(BUNDLED_CORPUS)]
    texts.append([("The e-mail, the 2016-2021 plan; don't re-use 1,000.5 ... — it's Worthing's!", 1.0),
                  ("  ", 0.3), ("'' -- the of and", 2.5), ("Police and Crime Panel", 0.2),
                  ("and/or co-operation's A-Z 3-D ‐ pre‑election Mid–Year CCTV's O'Neill ĳ ﬁnance 10,5 £1.5m", 1.0),
                  ("the-the of-and x--y -start end- 'quoted' naïve CAFÉ Straße İstanbul", 1.0),
                  # tokens that normalise to nothing (a modifier apostrophe, half-width
                  # sound marks) take no position, and shift the first one
                  ("\u02bc leading ﾞ the police ﾟ panel \u02bc", 1.0), ("co-ﾞ compound \u02bc-x ﾞ-ﾟ the-ﾞ-crime", 1.0)])
    for parts in texts:
        for text, _ in parts:
            assert index_terms_and_words(text) == (index_terms(text), exact_index_terms(text))
            terms, positions, words = index_arrays(text)  # the same, as arrays (indexer.bulk)
            assert [(TERMS[t], p) for t, p in zip(terms.tolist(), positions.tolist())] == list(index_terms(text))
            assert [WORDS[w] for w in words.tolist()] == list(exact_index_terms(text))
        text_items, exact_items = text_and_exact_items(parts)
        assert text_items == list(WeightedText().index(parts))
        assert exact_items == list(ExactText().index(parts))
