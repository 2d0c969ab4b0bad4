"""The NumPy evaluator finds exactly the documents Whoosh's own matchers find."""

from __future__ import annotations

import numpy as np
import pytest

from indexer import store
from indexer.executor import Evaluator, IndexArrays
from indexer.query import parse_query, resolve_committees
from indexer.schema import CompactPositions
from indexer.search import SCORED_FIELDS

# Queries on posting lists alone. Dates (read from a column) and titles (indexed on each
# item's first passage and widened to the item) are the engine's own: see test_search.
QUERIES = [
    "police", "county lines", '"county lines"', '"police and crime plan"', "polic*", "exploit*",
    "knife OR cuckooing", "precept -speed", "precept NOT cameras", "(slavery OR cuckooing) vulnerable",
    "section:resolution", "speaker:chief_constable", "speaker:commissioner precept", "item:2", "name:birch",
    "committee:vale", 'committee:"police and crime panel" -police', "zebra", "-police section:resolution",
    "county lines toaster",
]


@pytest.fixture(scope="module")
def searcher(index_dir):
    from whoosh.scoring import BM25F

    ix = store.open_generation(store.current(index_dir))
    with ix.searcher(weighting=BM25F()) as s:
        yield s


@pytest.mark.parametrize("q", QUERIES)
def test_same_documents_as_whoosh(searcher, engine, q):
    parsed = parse_query(q)
    committees = engine._current().committee_terms
    arrays = IndexArrays(searcher.reader(), SCORED_FIELDS, CompactPositions.decode_many)
    evaluate = Evaluator(arrays, searcher.reader()).run
    for query in filter(None, (parsed.query, parsed.partial)):
        query = resolve_committees(query, committees)
        expected = sorted(searcher.docs_for_query(query))
        got = evaluate(query).ids.tolist()
        assert got == expected, (q, str(query))


def test_scores_are_whoosh_bm25f(searcher):
    from whoosh import query as wq

    arrays = IndexArrays(searcher.reader(), SCORED_FIELDS, CompactPositions.decode_many)
    mine = Evaluator(arrays, searcher.reader()).run(wq.Term("text", "precept"))
    whoosh = {h.docnum: h.score for h in searcher.search(wq.Term("text", "precept"), limit=None)}
    assert np.allclose([whoosh[d] for d in mine.ids.tolist()], mine.scores)
