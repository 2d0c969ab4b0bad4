"""The NumPy evaluator against Whoosh's own searcher, at scale, on random indexes and queries.

Seeded random archives are written with the build's own passage fields into several
segments (separate commits, no merging), some items are then deleted (in older
segments), and common words have posting lists of many of Whoosh's 128-posting blocks.
Random boolean queries (words, phrases, prefixes, section filters; AND, OR, NOT, nested)
must find exactly the documents Whoosh finds, and, where Whoosh's scores are BM25F sums
(no phrases, prefixes or exclusions, which Whoosh scores its own way), the same scores. Evaluated
from Whoosh's blocks and from hot-list files.
"""

from __future__ import annotations

import random
from math import log

import numpy as np
import pytest
from whoosh import query as wq
from whoosh.index import create_in
from whoosh.scoring import BM25F

from indexer.build import passage_fields
from indexer.executor import Evaluator, IndexArrays
from indexer.model import Document, Item, Meeting, Passage
from indexer.postings import write_hot_lists
from indexer.query import SpacedPhrase
from indexer.schema import CompactPositions, build_schema
from indexer.search import SCORED_FIELDS

# Stems of these words are the words themselves (Snowball leaves them alone), so the
# generator can write queries in index terms directly.
WORDS = ("police crime panel budget report member council plan road safety fund rural town "
         "youth centre knife camera speed grant audit risk staff court drug bus park school "
         "flood waste noise tree field river bridge market harbour castle").split()
SECTIONS = ("summary", "presentation", "questions", "discussion", "resolution")
SEEDS = (1, 2)


def _zipf_words(rng: random.Random, n: int) -> list[str]:
    weights = [1 / (k + 1) ** 1.1 for k in range(len(WORDS))]
    return rng.choices(WORDS, weights=weights, k=n)


def _document(rng: random.Random, number: int) -> Document:
    items = []
    for i in range(rng.randint(1, 4)):
        passages = tuple(
            Passage(" ".join(_zipf_words(rng, rng.randint(3, 25))) + ".", rng.choice(SECTIONS))
            for _ in range(rng.randint(1, 8))
        )
        items.append(Item(" ".join(_zipf_words(rng, rng.randint(1, 4))).title(), str(i + 1), passages,
                          meeting=Meeting("Test Panel")))
    return Document(f"doc{number:05d}.txt", "meeting", tuple(items))


def _write_index(folder, seed: int) -> list[str]:
    """Write an index of four segments with deletions; return the deleted item ids."""
    rng = random.Random(seed)
    ix = create_in(str(folder), build_schema())
    item_ids: list[str] = []
    number = 0
    for segment in range(4):
        writer = ix.writer()
        for _ in range(rng.randint(50, 90) if segment < 3 else 20):
            for fields in passage_fields(_document(rng, number)):
                if fields["ordinal"] == 0:
                    item_ids.append(fields["item_id"])
                writer.add_document(**fields)
            number += 1
        deleted = []
        if segment >= 1:  # delete items written earlier (in older segments)
            deleted = rng.sample(item_ids[: len(item_ids) // 2], 15)
            for iid in deleted:
                writer.delete_by_term("item_id", iid)
        writer.commit(merge=False)
    return item_ids


@pytest.fixture(scope="module", params=SEEDS)
def random_index(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp(f"random{request.param}")
    _write_index(folder, request.param)
    from whoosh.index import open_dir

    ix = open_dir(str(folder))
    searcher = ix.searcher(weighting=BM25F())
    reader = searcher.reader()
    assert len(reader.leaf_readers()) == 4
    assert reader.doc_count() < reader.doc_count_all()  # deletions
    assert max(reader.doc_frequency("text", w) for w in WORDS) > 4 * 128  # many blocks
    yield request.param, folder, searcher
    searcher.close()


def _leaf(rng: random.Random) -> tuple[wq.Query, bool]:
    """A random leaf query and whether Whoosh scores it as we do (BM25F of terms)."""
    r = rng.random()
    if r < 0.6:
        return wq.Term("text", rng.choice(WORDS[:20])), True
    if r < 0.75:
        words = [rng.choice(WORDS[:10]) for _ in range(rng.randint(2, 3))]
        return wq.Phrase("text", words), False
    if r < 0.85:
        return wq.Prefix("text", rng.choice(("po", "ro", "sa", "ca", "ri"))), False
    return wq.Term("section", rng.choice(SECTIONS)), True


def _query(rng: random.Random, depth: int = 0) -> tuple[wq.Query, bool]:
    if depth >= 2 or rng.random() < 0.35:
        return _leaf(rng)
    parts = [_query(rng, depth + 1) for _ in range(rng.randint(2, 3))]
    comparable = all(c for _, c in parts)
    queries = [q for q, _ in parts]
    if rng.random() < 0.5:
        if rng.random() < 0.4:  # AND NOT (Whoosh adds 1 to the score for each: sets only)
            queries[-1] = wq.Not(queries[-1])
            comparable = False
        return wq.And(queries), comparable
    return wq.Or(queries), comparable


def _whoosh_docs(searcher, q: wq.Query) -> list[int]:
    return sorted(searcher.docs_for_query(q))


def _read_postings(reader, field: str, word: str, positions: bool = False) -> dict[int, object]:
    """Live document → weight (or positions) of a term, posting by posting through Whoosh."""
    out: dict[int, object] = {}
    if (field, word) not in reader:
        return out
    m = reader.postings(field, word)
    while m.is_active():
        out[m.id()] = set(m.value_as("positions")) if positions else m.weight()
        m.next()
    return out


@pytest.mark.parametrize("hot", [False, True], ids=["whoosh blocks", "hot lists"])
def test_random_queries_find_and_score_what_whoosh_does(random_index, tmp_path, hot):
    seed, folder, searcher = random_index
    hot_folder = None
    if hot:
        hot_folder = tmp_path / "hot"
        hot_folder.mkdir()
        for leaf, _ in searcher.reader().leaf_readers():
            write_hot_lists(hot_folder, leaf, min_postings=100)
    arrays = IndexArrays(searcher.reader(), SCORED_FIELDS, CompactPositions.decode_many, hot_folder)
    evaluator = Evaluator(arrays, searcher.reader())
    rng = random.Random(1000 + seed)
    compared = scored = 0
    for _ in range(90):
        q, comparable = _query(rng)
        if isinstance(q, wq.Not):
            continue
        got = evaluator.run(q)
        expected = _whoosh_docs(searcher, q)
        assert got.ids.tolist() == expected, str(q)
        compared += 1
        if comparable and expected:
            whoosh = {h.docnum: h.score for h in searcher.search(q, limit=None)}
            assert np.allclose(got.scores, [whoosh[d] for d in got.ids.tolist()]), str(q)
            scored += 1
    assert compared >= 75 and scored >= 20


def test_spaced_phrases_match_word_by_word_positions(random_index):
    """Phrases with gaps (a stop word inside): checked against positions read one posting
    at a time through Whoosh's reader."""
    seed, _, searcher = random_index
    arrays = IndexArrays(searcher.reader(), SCORED_FIELDS, CompactPositions.decode_many)
    evaluator = Evaluator(arrays, searcher.reader())
    reader = searcher.reader()
    rng = random.Random(2000 + seed)
    positions = {w: _read_postings(reader, "text", w, positions=True) for w in WORDS[:8]}
    for _ in range(25):
        words = [rng.choice(WORDS[:8]) for _ in range(2)]
        gap = rng.choice((1, 2, 3))
        q = SpacedPhrase("text", words, (0, gap))
        first, second = (positions[w] for w in words)
        expected = sorted(d for d in first.keys() & second.keys() if any(p + gap in second[d] for p in first[d]))
        assert evaluator.run(q).ids.tolist() == expected, (words, gap)


def test_combined_passage_and_title_at_scale(random_index):
    """Words searched in passages and item titles: every passage with the word, and every
    live passage of an item whose title has it; BM25F over both (see test_executor)."""
    from indexer.executor import COMBINED_B, K1, TITLE_WEIGHT
    from indexer.query import Combined

    _, _, searcher = random_index
    reader = searcher.reader()
    arrays = IndexArrays(reader, SCORED_FIELDS, CompactPositions.decode_many)
    evaluator = Evaluator(arrays, reader)
    live = [d for d in range(reader.doc_count_all()) if not reader.is_deleted(d)]
    by_item: dict[str, list[int]] = {}
    for iid in reader.lexicon("item_id"):
        iid = iid.decode() if isinstance(iid, bytes) else iid
        docs = [d for d in searcher.document_numbers(item_id=iid) if not reader.is_deleted(d)]
        if docs:
            by_item[iid] = docs
    item_of_doc = {d: iid for iid, docs in by_item.items() for d in docs}
    title_len = {item_of_doc[d]: reader.doc_field_length(d, "title", 0) for d in live
                 if reader.doc_field_length(d, "title", 0)}
    lengths = {d: reader.doc_field_length(d, "text", 0) + TITLE_WEIGHT * title_len.get(item_of_doc[d], 0) for d in live}
    avg = sum(lengths.values()) / len(live)
    for word in WORDS[:12]:
        tf: dict[int, float] = dict(_read_postings(reader, "text", word))
        for d, weight in _read_postings(reader, "title", word).items():
            for p in by_item[item_of_doc[d]]:
                tf[p] = tf.get(p, 0.0) + TITLE_WEIGHT * weight
        idf = log(reader.doc_count_all() / (len(tf) + 1)) + 1
        expected = {d: idf * f * (K1 + 1) / (f + K1 * ((1 - COMBINED_B) + COMBINED_B * lengths[d] / avg))
                    for d, f in tf.items()}
        got = evaluator.run(Combined(wq.Term("text", word)))
        assert got.ids.tolist() == sorted(expected), word
        assert np.allclose(got.scores, [expected[d] for d in got.ids.tolist()]), word
