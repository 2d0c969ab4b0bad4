"""The NumPy evaluator finds exactly the documents Whoosh's own matchers find."""

from __future__ import annotations

import numpy as np
import pytest

from indexer import store
from indexer.executor import Evaluator, IndexArrays
from indexer.query import SpacedPhrase, parse_query, resolve_committees
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
def hot_folder(tmp_path_factory, searcher):
    """Hot-list files of every list in the test index (the build's threshold leaves the
    small test index's files empty), to evaluate from them instead of Whoosh's blocks."""
    from indexer.postings import write_hot_lists

    folder = tmp_path_factory.mktemp("hot")
    for leaf, _ in searcher.reader().leaf_readers():
        assert write_hot_lists(folder, leaf, min_postings=1) > 0
    return folder


@pytest.fixture(params=["whoosh blocks", "hot lists"])
def arrays(request, searcher):
    folder = request.getfixturevalue("hot_folder") if request.param == "hot lists" else None
    arrays = IndexArrays(searcher.reader(), SCORED_FIELDS, CompactPositions.decode_many, folder)
    assert len(arrays.hot) == (len(searcher.reader().leaf_readers()) if folder else 0)
    return arrays


@pytest.fixture(scope="module")
def searcher(index_dir):
    from whoosh.scoring import BM25F

    ix = store.open_generation(store.current(index_dir))
    with ix.searcher(weighting=BM25F()) as s:
        yield s


def _spaced_phrase_docs(searcher, q: SpacedPhrase) -> list[int]:
    """Reference: documents with every word (Whoosh's matcher), then each word at its
    offset, read one posting at a time through Whoosh's reader."""
    from whoosh import query as wq

    reader = searcher.reader()
    found = []
    for doc in sorted(searcher.docs_for_query(wq.And([wq.Term(q.fieldname, w) for w in q.words]))):
        positions = []
        for word in q.words:
            m = reader.postings(q.fieldname, word)
            m.skip_to(doc)
            positions.append(set(m.value_as("positions")))
        if any(all(p + off in ps for off, ps in zip(q.offsets, positions)) for p in positions[0]):
            found.append(doc)
    return found


def _plain(q):
    """``q`` with every passage-and-title search reduced to its passage part: the query
    Whoosh's own matchers can evaluate."""
    from indexer.query import Combined

    return q.accept(lambda node: node.child if isinstance(node, Combined) else node)


@pytest.mark.parametrize("q", QUERIES)
def test_same_documents_as_whoosh(searcher, engine, arrays, q):
    parsed = parse_query(q)
    committees = engine._current().committee_terms
    evaluate = Evaluator(arrays, searcher.reader()).run
    queries = [parsed.query] + [c.query for c in parsed.concepts]
    for query in queries:
        query = _plain(resolve_committees(query, committees))
        if isinstance(query, SpacedPhrase) and query.offsets != tuple(range(len(query.words))):
            expected = _spaced_phrase_docs(searcher, query)  # Whoosh's phrases have no gaps
        else:
            expected = sorted(searcher.docs_for_query(query))
        got = evaluate(query).ids.tolist()
        assert got == expected, (q, str(query))


def _reference_combined(searcher, alternatives) -> dict[int, float]:
    """BM25F over a passage and its item title, posting by posting through Whoosh's reader:
    the documents and scores Evaluator.combined must give (term alternatives only)."""
    from math import log

    from indexer.executor import COMBINED_B, K1, TITLE_WEIGHT

    reader = searcher.reader()
    # Passages of each item, by Whoosh's item_id field.
    by_item: dict[str, list[int]] = {}
    for iid in reader.lexicon("item_id"):
        iid = iid.decode() if isinstance(iid, bytes) else iid
        by_item[iid] = list(searcher.document_numbers(item_id=iid))
    item_of_doc = {d: iid for iid, docs in by_item.items() for d in docs}
    tf: dict[int, float] = {}
    title_len: dict[str, float] = {}
    for d in range(reader.doc_count_all()):
        if reader.is_deleted(d):
            continue
        length = reader.doc_field_length(d, "title", 0)
        if length:
            title_len[item_of_doc[d]] = length
    for word in alternatives:
        if ("text", word) in reader:
            m = reader.postings("text", word)
            while m.is_active():
                tf[m.id()] = tf.get(m.id(), 0.0) + m.weight()
                m.next()
        if ("title", word) in reader:
            m = reader.postings("title", word)
            while m.is_active():
                for d in by_item[item_of_doc[m.id()]]:
                    tf[d] = tf.get(d, 0.0) + TITLE_WEIGHT * m.weight()
                m.next()
    live = [d for d in range(reader.doc_count_all()) if not reader.is_deleted(d)]
    lengths = {d: reader.doc_field_length(d, "text", 0) + TITLE_WEIGHT * title_len.get(item_of_doc[d], 0) for d in live}
    avg = sum(lengths.values()) / len(live)
    idf = log(reader.doc_count_all() / (len(tf) + 1)) + 1
    return {d: idf * f * (K1 + 1) / (f + K1 * ((1 - COMBINED_B) + COMBINED_B * lengths[d] / avg))
            for d, f in tf.items()}


@pytest.mark.parametrize("alternatives", [["precept"], ["counti"], ["exploit"], ["polic"], ["zebra"],
                                          ["slaveri", "cuckoo"]])
def test_combined_is_bm25f_over_passage_and_item_title(searcher, arrays, alternatives):
    from whoosh import query as wq

    from indexer.query import Combined, Synonym

    leaf = wq.Term("text", alternatives[0]) if len(alternatives) == 1 else Synonym(
        [wq.Term("text", w) for w in alternatives])
    got = Evaluator(arrays, searcher.reader()).run(Combined(leaf))
    expected = _reference_combined(searcher, alternatives)
    assert got.ids.tolist() == sorted(expected)
    assert np.allclose(got.scores, [expected[d] for d in got.ids.tolist()])
    # the passage's own part: zero exactly where only the title matched
    in_text = set()
    for w in alternatives:
        in_text |= set(searcher.docs_for_query(wq.Term("text", w)))
    assert [d for d, b in zip(got.ids.tolist(), got.body_scores().tolist()) if b > 0] == sorted(in_text)


def test_scores_are_whoosh_bm25f(searcher, arrays):
    from whoosh import query as wq

    mine = Evaluator(arrays, searcher.reader()).run(wq.Term("text", "precept"))
    whoosh = {h.docnum: h.score for h in searcher.search(wq.Term("text", "precept"), limit=None)}
    assert np.allclose([whoosh[d] for d in mine.ids.tolist()], mine.scores)


def _cached(arrays: IndexArrays) -> tuple[dict, dict]:
    return dict(arrays._postings.items()), dict(arrays._positions.items())


def _assert_same_arrays(got: dict, want: dict) -> None:
    assert got.keys() == want.keys()
    for key in want:
        for g, w in zip(got[key], want[key], strict=True):
            assert g.dtype.kind == w.dtype.kind, key
            assert g.tolist() == w.tolist(), key


@pytest.mark.parametrize("change", ["add", "update", "rebuild"])
def test_a_refresh_carries_decoded_posting_lists_over(tmp_path, corpus_copy, request, change):
    """After a commit, the new generation starts with the old one's cache, equal to a
    fresh decode of the new index (segments kept are reused, new ones read)."""
    from indexer.build import add_files, build_index, update_index
    from indexer.search import SearchEngine, SearchRequest

    root = tmp_path / "index"
    build_index(corpus_copy, root, processes=2)
    engine = SearchEngine(root)
    request.addfinalizer(engine.close)
    queries = ["police", "county lines", '"county lines"', '"police and crime"', "precept", "zebra"]
    before = {q: engine.search(SearchRequest(q=q)).total for q in queries}
    old = engine._current()
    assert len(old.arrays._postings) > 5 and len(old.arrays._positions) >= 2

    source = corpus_copy / "vale-council" / "2020-03-10-cabinet.txt"
    new = corpus_copy / "vale-council" / "2021-05-04-cabinet.txt"
    new.write_text(source.read_text().replace("Road Safety", "Zebra Crossing County Lines"))
    if change == "add":
        add_files(corpus_copy, root, [new])
    elif change == "rebuild":  # a new build: nothing shared, every list read again
        build_index(corpus_copy, root, processes=2)
    else:  # a changed file (deletions in a kept segment) and a new one
        plan = corpus_copy / "wessex-pcp" / "2019-06-14-plan-delivery.txt"
        plan.write_text(plan.read_text().replace("county lines", "drug lines"))
        update_index(corpus_copy, root)
    assert engine.refresh() is True
    live = engine._current()
    shared = {s for s in old.arrays.segments} & {s for s in live.arrays.segments}
    assert bool(shared) == (change != "rebuild")  # kept segments' parts were reused
    carried_postings, carried_positions = _cached(live.arrays)
    assert carried_postings.keys() == dict(old.arrays._postings.items()).keys()

    with store.open_generation(store.current(root)).searcher() as s:
        fresh = IndexArrays(s.reader(), SCORED_FIELDS, CompactPositions.decode_many)
        for field, text in carried_postings:
            fresh.postings(s.reader(), field, text)
        for field, text in carried_positions:
            fresh.positions(s.reader(), field, text)
    _assert_same_arrays(carried_postings, dict(fresh._postings.items()))
    _assert_same_arrays(carried_positions, dict(fresh._positions.items()))

    after = {q: engine.search(SearchRequest(q=q)).total for q in queries}
    with SearchEngine(root) as cold:
        assert after == {q: cold.search(SearchRequest(q=q)).total for q in queries}
    assert after["zebra"] == before["zebra"] + 5


@pytest.mark.parametrize(
    "values",
    [
        [],
        [7],
        [3, 3, 1, 1, 3, 2, 2, 3],  # an item split into runs (it can be, after updates)
        [2**62, 5, 5, 2**62, -1],
        "runs",
        "shuffled",
    ],
)
def test_dense_codes_number_values_as_numpy_unique_does(values):
    from indexer.executor import dense_codes

    rng = np.random.default_rng(7)
    if values == "runs":  # items' passages standing together, as written
        arr = np.repeat(rng.integers(-(2**62), 2**62, 3000), rng.integers(1, 12, 3000))
    elif values == "shuffled":
        arr = rng.integers(0, 40, 5000)
    else:
        arr = np.array(values, dtype=np.int64)
    expected = np.unique(arr, return_inverse=True)[1]
    got = dense_codes(arr)
    assert got.dtype == expected.dtype
    assert got.tolist() == expected.tolist()


def test_scored_matches_are_kept_shared_read_only_and_scored_again_for_a_new_state(searcher, monkeypatch):
    import indexer.executor as executor
    from indexer.query import Combined

    monkeypatch.setattr(executor, "CACHE_SCORED_MIN", 1)  # the test index is small
    reader = searcher.reader()
    old = IndexArrays(reader, SCORED_FIELDS, CompactPositions.decode_many)
    concepts = [c.query for c in parse_query("police precept").concepts]
    assert all(isinstance(q, Combined) for q in concepts)
    ev = Evaluator(old, reader)
    first = [ev.eval(q) for q in concepts]
    again = [ev.eval(q) for q in concepts]
    assert all(a is b for a, b in zip(first, again))  # the same arrays, not scored twice
    assert not first[0].scores.flags.writeable
    fresh = [Evaluator(IndexArrays(reader, SCORED_FIELDS, CompactPositions.decode_many), reader).combined(q.child)
             for q in concepts]
    new = IndexArrays(reader, SCORED_FIELDS, CompactPositions.decode_many)
    assert new.rescore(old, reader, seconds=60) == len(concepts)
    for q, f in zip(concepts, fresh):
        kept = new.scored(q.child)
        assert kept is not None
        assert kept.ids.tolist() == f.ids.tolist() and kept.scores.tolist() == f.scores.tolist()


def test_mask_marks_the_documents_matching_every_term(searcher, arrays):
    from whoosh import query as wq

    terms = (("section", "procedural"), ("procedural_item", "1"))
    mask = arrays.mask(searcher.reader(), terms)
    expected = sorted(searcher.docs_for_query(wq.And([wq.Term(f, t) for f, t in terms])))
    assert expected and np.flatnonzero(mask).tolist() == expected
    assert arrays.mask(searcher.reader(), terms) is mask  # built once
    assert not mask.flags.writeable
    assert not arrays.mask(searcher.reader(), (("section", "no such section"),)).any()


@pytest.mark.parametrize("q, df, item_df", [
    ("police precept cuckooing", [16, 8, 1], [2, 1, 1]),
    ("county lines", [9, 8], [3, 2]),
    ("zebra police", [0, 16], [0, 2]),
])
@pytest.mark.parametrize("in_runs", [True, False])
def test_coverage_counts_the_items_each_concept_matches(arrays, searcher, q, df, item_df, in_runs):
    # the items' passages are consecutive in document order, so their changes count them;
    # the count over every item (for an index where they are not) gives the same
    assert arrays.items_in_runs
    arrays.items_in_runs = in_runs
    cov = Evaluator(arrays, searcher.reader()).coverage([c.query for c in parse_query(q).concepts])
    codes = arrays.item_code[cov.ids]
    assert [len(set(codes[(cov.bits >> k) & 1 == 1].tolist())) for k in range(len(df))] == item_df
    assert (cov.df, cov.item_df) == (df, item_df)


def test_the_item_count_of_a_long_list_is_kept_per_query(arrays, searcher, monkeypatch):
    import indexer.executor as executor

    monkeypatch.setattr(executor, "CACHE_SCORED_MIN", 1)  # every list counts as long
    ev = Evaluator(arrays, searcher.reader())
    concepts = [c.query for c in parse_query("county lines").concepts]
    assert ev.coverage(concepts).item_df == [3, 2]
    assert [arrays._item_counts.get(q) for q in concepts] == [3, 2]
    monkeypatch.setattr(arrays, "distinct_items", lambda ids: pytest.fail("counted again"))
    assert ev.coverage(concepts).item_df == [3, 2]
