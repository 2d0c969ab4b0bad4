"""The stem table: an index keeps the NLTK stem of every word it holds, so searching
needs no NLTK (whose import costs about half a second) until a new word comes along."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from nltk.stem.snowball import SnowballStemmer
from nltk.tokenize import RegexpTokenizer
from whoosh.filedb.filestore import RamStorage

from indexer import analysis, store
from indexer.analysis import TOKEN_PATTERN, recording_stems, token_spans
from indexer.series import series_stems
from indexer.synonyms import glossary_stems
from indexer.build import add_files, build_index, committee_terms, passage_fields, source_names
from indexer.errors import ParseError
from indexer.executor import _distinct, _members
from indexer.itemstore import FILENAME, ItemStore
from indexer.manifest import load_manifests
from indexer.parse import parse_bytes
from indexer.schema import build_schema
from indexer.search import SearchEngine, SearchRequest

from .conftest import BUNDLED_CORPUS, CORPUS, REPO

NLTK_STEMMER = SnowballStemmer("english")

TRICKY = [
    "Panel’s co-opted members met on 1.5.2024 (item 39/20) — e-mail PCC’s office;",
    "£1,000,000 precept: 2016-2021, 2nd\u00a0line\u2011of\u2011sight",
    "Ms O'Neill's don't-care re-re-use\n\tL'Oréal naïve Æsir ﬁnance",
    "", "   ", "---", "a-", "-a", "'quoted'", "x/y/z 3.14.15 ,1,2,",
]


def _stem_table(index_dir: Path, after: int = 0) -> tuple[int, dict[str, str]]:
    db = ItemStore(store.current(index_dir).path)
    try:
        return db.stems(after)
    finally:
        db.close()


def _indexed_words(corpus: Path, names: list[str] | None = None) -> dict[str, str]:
    """Index ``names`` (default: every readable file) into memory, recording the stems."""
    manifests = load_manifests(corpus)[0]
    ix = RamStorage().create_index(build_schema())
    writer = ix.writer()
    with recording_stems() as seen:
        for name in names or source_names(corpus):
            try:
                doc = parse_bytes((corpus / name).read_bytes(), name)
            except ParseError:  # the corpus has a deliberately damaged file
                continue
            doc = doc.with_defaults(manifests.meeting_for(name))
            for fields in passage_fields(doc):
                writer.add_document(**fields)
            committee_terms(doc)
    writer.cancel()
    return seen


def _corpus_texts(root: Path) -> list[str]:
    return [p.read_text(encoding="utf-8", errors="replace") for p in sorted(root.rglob("*")) if p.is_file()]


@pytest.mark.parametrize("text", TRICKY)
def test_token_spans_are_nltk_regexp_tokenizer_spans(text):
    assert list(token_spans(text)) == list(RegexpTokenizer(TOKEN_PATTERN).span_tokenize(text))


def test_token_spans_match_nltk_over_the_bundled_corpus():
    texts = _corpus_texts(BUNDLED_CORPUS)
    assert len(texts) >= 20
    nltk_tokenizer = RegexpTokenizer(TOKEN_PATTERN)
    for text in texts:
        assert list(token_spans(text)) == list(nltk_tokenizer.span_tokenize(text))


def test_the_table_holds_exactly_the_indexed_words_with_nltk_stems(index_dir):
    last, table = _stem_table(index_dir)
    assert last == 1  # one batch, written by the build
    # Every stem is NLTK's.
    assert {w: NLTK_STEMMER.stem(w) for w in table} == table
    # And the words are exactly those that indexing the corpus stems, with the words of
    # its committee names, of the acronym glossary (which searches analyse) and of the
    # words series keys drop (which builds analyse).
    assert table == {**_indexed_words(CORPUS), **glossary_stems(), **series_stems()}
    assert {"precept", "commissioner", "lines"} <= table.keys()
    assert "the" not in table  # stop words are not stemmed


def test_recording_includes_words_the_process_had_already_stemmed():
    analysis.terms("Burglaries in the villages")  # cached before the recording starts
    with recording_stems() as seen:
        assert analysis.terms("burglaries villages") == ["burglari", "villag"]
    assert seen == {"burglaries": "burglari", "villages": "villag"}


def test_an_update_appends_only_the_new_words(corpus_copy, tmp_path):
    root = tmp_path / "index"
    build_index(corpus_copy, root)
    first_last, first = _stem_table(root)
    new = corpus_copy / "wessex-pcp" / "zz-new.txt"
    new.write_text(
        "Wessex Police and Crime Panel\nMinutes of the meeting held on 3 March 2025\n\n"
        "1. Quadricycles\nMinutes:\nThe Panel discussed quadricycles and precept.\n",
        encoding="utf-8",
    )
    add_files(corpus_copy, root, [new])
    last, added = _stem_table(root, after=first_last)
    assert last == first_last + 1
    # Exactly the new file's words that the table did not have yet.
    expected = {w: stem for w, stem in _indexed_words(corpus_copy, ["wessex-pcp/zz-new.txt"]).items() if w not in first}
    assert added == expected
    assert added["quadricycles"] == "quadricycl" and "precept" not in added
    # The plural the file holds and a singular it does not both find it.
    with SearchEngine(root) as engine:
        # one passage: "1. Quadricycles" under the dated heading is the item's title (the parser once took
        # the panel's name for the title and this line for a second passage)
        assert engine.search(SearchRequest(q="quadricycle")).total == 1


def test_an_index_without_a_stem_table_still_searches(index_dir, tmp_path):
    copy = tmp_path / "index"
    shutil.copytree(index_dir, copy)
    db = sqlite3.connect(store.current(copy).path / FILENAME)
    db.execute("DROP TABLE stems")
    db.commit()
    db.close()
    assert _stem_table(copy) == (0, {})
    with SearchEngine(copy) as old, SearchEngine(index_dir) as new:
        for q in ("precept", "precepts", '"county lines"', "commissioner police"):
            assert old.search(SearchRequest(q=q)).total == new.search(SearchRequest(q=q)).total


_PROBE = r"""
import json, sys
from indexer.search import SearchEngine, SearchRequest
out = {}
with SearchEngine(sys.argv[1]) as engine:
    for q in sys.argv[2:]:
        page = engine.search(SearchRequest(q=q))
        marked = sorted({t for h in page.hits for t, m in h.snippet if m})
        out[q] = [page.total, marked, "nltk" in sys.modules, "numpy.ma" in sys.modules]
print(json.dumps(out))
"""


def _probe(index_dir: Path, *queries: str) -> dict[str, list]:
    done = subprocess.run([sys.executable, "-c", _PROBE, str(index_dir), *queries], cwd=REPO,
                          capture_output=True, text=True, check=True, timeout=120)
    return json.loads(done.stdout)


def test_a_search_process_stems_indexed_words_without_nltk(index_dir):
    out = _probe(index_dir, "precept", '"county lines"', "precepts")
    # Words the index holds: answered (phrase included) before NLTK or numpy.ma is loaded.
    assert out["precept"][0] == 8 and out["precept"][2:] == [False, False]
    assert out['"county lines"'][0] == 8 and out['"county lines"'][2:] == [False, False]
    assert [w.lower() for w in out["precept"][1]] == ["precept"]
    # A word the index never saw is stemmed by NLTK, loaded then, and finds the same.
    assert out["precepts"][0] == 8 and out["precepts"][2] is True


@pytest.mark.parametrize("seed", range(5))
def test_members_and_distinct_agree_with_numpy(seed):
    rng = np.random.default_rng(seed)
    a = np.sort(rng.integers(0, 200, size=rng.integers(0, 300)))
    b = np.sort(rng.integers(0, 200, size=rng.integers(0, 300)))
    assert _members(a, b).tolist() == np.isin(a, b).tolist()
    if len(a):
        assert _distinct(a).tolist() == np.unique(a).tolist()
