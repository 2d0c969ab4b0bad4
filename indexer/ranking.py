"""The retrieval model: how agenda items and their passages are ordered for a query.

Given the passages that match any concept of a query (:class:`indexer.executor.Coverage`),
rank *agenda items* (one card each on the results page), then the passages within each:

1. **Coverage first** (a soft AND, as Lucene's ``minimum_should_match`` and Xapian's
   ``OP_AND_MAYBE``): an item is ranked by the concepts of the query it matches, in its
   title or its passages, before anything else. A concept counts for its
   :func:`coverage_weights`: a match on a rare word counts more than one on a word in
   most passages. Items that match every concept come first; the page is then filled
   with those that match fewer.
2. **Then evidence** (MaxP/SumP): the item's best passage's BM25F score (passage and
   title as one field; see :meth:`indexer.executor.Evaluator.combined`), plus the
   proximity of the concepts' words in that passage (a window, any order), plus a
   damped share (:data:`OTHER_PASSAGES`) of what its other passages earn on their own,
   plus the IDF of the concepts its best window matches (:data:`RARITY`): among items
   matching as many concepts, those matching the rarer ones ("flooding" rather than
   "developments") come first, however long the passage that holds them.
3. **Passages within an item**: those that have the most concepts in their own text
   first, then by their own score, so the snippet shown is a passage with the words; an
   item that matched by its title alone shows its opening.

The functions work on NumPy arrays aligned with ``Coverage.ids``; nothing here touches
the index.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from math import log

import numpy as np

from .analysis import normalise_word

#: Share of an item's other matching passages' own scores added to its best passage's.
OTHER_PASSAGES = 0.1
#: Weight of the proximity score (see :meth:`indexer.executor.Evaluator.proximity`).
PROXIMITY_WEIGHT = 1.0
#: Concept occurrences at most this many positions apart count as near.
PROXIMITY_WINDOW = 8
#: Items whose best passages are re-scored for proximity: enough for the first pages.
PROXIMITY_ITEMS = 200
#: A concept's coverage weight reaches 1 at this IDF (see coverage_weights); below, it
#: falls with the IDF, so a word found in most passages counts for little.
FULL_WEIGHT_IDF = 2.0
#: Share of the IDF of the concepts an item's best window matches added to its evidence
#: (Lucene's classic coordination, weighted by IDF, inside a coverage tier).
RARITY = 1.0
#: For a keyword query (not a question, see asks_question), the rarity above is the IDF
#: of each concept over agenda items, the units ranked, times this weight: among items
#: matching as many of "flooding and drainage on new developments", one with "flooding"
#: comes before ten that say "development" (in "Development Management", "developing
#: the plan"), however often they say it. Over items, not passages: a topic word is
#: repeated in the few items about it ("speeding" in every passage of a speed camera
#: item) and an incidental one is spread thinly ("money" once in many items), so their
#: IDF over passages can rank the incidental word as the rarer. Questions keep the IDF
#: over passages at weight 1: their generic words ("extra", "help", "seized") are rare
#: too, and a question's answer is told by BM25 and proximity (dev, 114 queries: topics
#: 0.848 → 0.858, decisions 0.780 → 0.797, acronyms 0.815 → 0.817, questions unchanged at
#: weight 3; weight 2: 0.850/0.783; applied to questions as well: questions 0.825 →
#: 0.808). With SHORT_PASSAGE_PRIOR, weight 4: topics 0.869, decisions 0.804 ("flooding
#: and drainage on new developments" +0.123 against 3; 3: topics 0.864, decisions 0.808;
#: 5: 0.871/0.805; 6: decisions 0.801 at SHORT_PASSAGE 12).
KEYWORD_RARITY = 4.0
#: First words that make a query a question (most are stop words, so the concepts
#: cannot tell): "how much …", "what happens …", "can I …", "are the police …".
QUESTION_OPENERS = frozenset(
    "how what why who whom whose when where which can could do does did is are was were will would"
    " should shall has have may might".split()
)
#: Added to the score of a passage in a meeting's resolutions (section "resolution")
#: when the query asks about a decision (see asks_decision): "council agreed to …" is
#: answered by what was resolved more than by the debate that led to it. About the
#: IDF of one more matching word, so it orders passages of like evidence, no more.
RESOLUTION_PRIOR = 3.0
#: Added to the score of a passage of a meeting's procedural business (its section is
#: "procedural" and its whole item is: apologies, attendance, declarations of interest,
#: approval of the last minutes, see :data:`BOILERPLATE`), a document prior (as on the
#: type of a web page): a word of the query there is most often in a name, a job title or
#: a formula ("Development Management", "declared an interest as a member of …"). About
#: a third of a word's IDF, so it orders items of like coverage and evidence, never
#: across coverage tiers; elections and appointments stay visible on their merits (dev
#: 0.829 → 0.831: 3 queries gain, 1 loses 0.003; no kind of query loses).
BOILERPLATE_PRIOR = -1.0
#: The (field, term) pairs a passage matches to take :data:`BOILERPLATE_PRIOR`.
BOILERPLATE = (("section", "procedural"), ("procedural_item", "1"))
#: Added to the score of a passage of fewer than :data:`SHORT_PASSAGE` indexed words
#: (stop words are not indexed: about ten words of text) that is not its item's opening:
#: a passage length prior (as on the length of a web page). Such fragments are list lines
#: and one-line notes ("Priority three: burglary and theft", "Nothing was received under
#: this item"), and BM25 with the small b these short passages need scores
#: a word in them as if it were what they are about. An item's opening is read with its
#: title (often its purpose, "To receive a report on …"), and an item matched by its title
#: alone keeps showing it. The size of BOILERPLATE_PRIOR: it orders items of like coverage
#: and evidence, never across tiers (dev, 114 queries, against no prior: topics 0.863 →
#: 0.872, decisions 0.791 → 0.806, questions 0.825 → 0.826, acronyms unchanged; openings
#: included, where a word is in the passage's own text: 0.869/0.804/0.824; under 12 words:
#: topics 0.872, decisions 0.809, but a sentence of nine indexed words, "County lines is
#: significant concern and resource commitment …", is not a fragment).
SHORT_PASSAGE_PRIOR = -1.0
SHORT_PASSAGE = 7
#: Typed words that make a query ask about a decision (all inflections listed: matched
#: on the typed word, so no stemmer is needed to tell).
DECISION_WORDS = frozenset(
    "agree agreed agrees approve approved approves approval resolve resolved resolves resolution"
    " decide decided decides decision decisions refuse refused refuses refusal reject rejected"
    " rejects rejection defer deferred defers deferral elect elected elects appoint appointed"
    " appoints appointment back backed backs dismiss dismissed accept accepted accepts adopt"
    " adopted adopts vote voted votes endorse endorsed endorses grant granted grants".split()
)
#: Coverage ranks before evidence: keys are coverage * TIER + evidence.
TIER = 1e5
#: Concepts count as matched together when they are in passages at most this many
#: places apart in one item (with the item's title); None: anywhere in the item.
COVERAGE_WINDOW: int | None = 0


@dataclass(slots=True)
class Ranking:
    """Sort keys for matching passages: items by ``item_key``, passages within an item by
    ``passage_key``, and ``alone_key`` for passages listed without grouping."""

    item_key: np.ndarray
    passage_key: np.ndarray
    alone_key: np.ndarray
    #: per passage: the concepts of its coverage window, their weight, and its own score
    #: (see :func:`label_bits`)
    near_bits: np.ndarray
    near: np.ndarray
    own: np.ndarray
    #: what :func:`with_proximity` takes over: per item its best passage's score with and
    #: without the title and its passages' own scores summed; per passage the coverage
    #: parts of ``item_key``, ``passage_key`` and ``alone_key``
    parts: tuple[np.ndarray, ...] | None = None


def asks_decision(words: Iterable[str]) -> bool:
    """Whether a query whose concepts are labelled ``words`` (as typed) asks about a
    decision: it has one of :data:`DECISION_WORDS`."""
    return any(_decision_word(w) for w in words)


@lru_cache(maxsize=4096)
def _decision_word(word: str) -> bool:
    return normalise_word(word) in DECISION_WORDS


def asks_question(text: str) -> bool:
    """Whether the query ``text`` (as typed) is a natural-language question: it ends with
    a question mark or its first word (of those that are not ``field:value`` filters) is
    one of :data:`QUESTION_OPENERS`."""
    if text.rstrip().endswith("?"):
        return True
    words = [w for w in text.split() if ":" not in w]
    return bool(words) and normalise_word(words[0].strip("\"'(+-")) in QUESTION_OPENERS


def resolution_prior(ids: np.ndarray, resolutions: np.ndarray) -> np.ndarray:
    """:data:`RESOLUTION_PRIOR` for each passage of ``ids`` that is one of ``resolutions``
    (the passages of the resolution section), 0 for the others."""
    return RESOLUTION_PRIOR * np.isin(ids, resolutions)


def boilerplate_prior(boilerplate: np.ndarray) -> np.ndarray:
    """:data:`BOILERPLATE_PRIOR` for each passage that ``boilerplate`` (a boolean per
    matching passage) marks as procedural business, 0 for the others."""
    return BOILERPLATE_PRIOR * boilerplate


def short_passage_prior(lengths: np.ndarray, ordinals: np.ndarray) -> np.ndarray:
    """:data:`SHORT_PASSAGE_PRIOR` for each passage whose length (indexed words of its
    text, ``lengths``) is below :data:`SHORT_PASSAGE` and that is not its item's opening
    (``ordinals``, its place in its item, is not 0), 0 for the others."""
    return SHORT_PASSAGE_PRIOR * ((lengths < SHORT_PASSAGE) & (ordinals != 0))


def concept_idf(df: list[int], doc_count: int) -> np.ndarray:
    """Each concept's IDF over passages, from the number of passages it matches (0 for
    none)."""
    return np.array(_idf(df, doc_count), dtype=np.float64)


def _idf(df: list[int], doc_count: int) -> list[float]:
    return [log(doc_count / (d + 1)) + 1 if d else 0.0 for d in df]


def coverage_weights(df: list[int], doc_count: int) -> np.ndarray:
    """How much matching each concept counts: min(1, idf / FULL_WEIGHT_IDF), the IDF
    over passages, so that common words ("council" in half the minutes) count for less
    than the rare words a query is really about."""
    # a few concepts: Python floats (the same IEEE arithmetic as NumPy's, without its cost per call)
    return np.array([min(1.0, idf / FULL_WEIGHT_IDF) if idf > 0 else 1.0 for idf in _idf(df, doc_count)],
                    dtype=np.float64)


def weighted(bits: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """The sum of the weights of the concepts set in each bit mask."""
    k = len(weights)
    if k == 1:  # one concept: the bits are 0 or 1, and this is what the table gives, at half its cost
        return bits * float(weights[0])
    if k <= 12:  # a lookup table of every combination
        masks = np.arange(1 << k)
        table = np.zeros(1 << k)
        for j, w in enumerate(weights):
            table += w * ((masks >> j) & 1)
        return table[bits]
    out = np.zeros(len(bits))
    for j, w in enumerate(weights):
        out += w * ((bits >> j) & 1)
    return out


def popcount(bits: np.ndarray, concepts: int) -> np.ndarray:
    """The number of concepts (of the first ``concepts``) set in each bit mask."""
    return weighted(bits & ((1 << concepts) - 1), np.ones(concepts))


def window_bits(codes: np.ndarray, ordinals: np.ndarray, bits: np.ndarray, window: int) -> np.ndarray:
    """For each passage, the concepts matched by it or by a passage of its item at most
    ``window`` places away (of those in ``bits``' passages)."""
    order = np.lexsort((ordinals, codes))
    c, o, b = codes[order], ordinals[order], bits[order]
    out = b.copy()
    for d in range(1, window + 1):
        # neighbours d places along the sorted list, within the window in the same item
        near = (c[d:] == c[:-d]) & (o[d:] - o[:-d] <= window)
        out[d:][near] |= b[:-d][near]
        out[:-d][near] |= b[d:][near]
    result = np.empty_like(out)
    result[order] = out
    return result


def rank(
    codes: np.ndarray,
    item_count: int,
    bits: np.ndarray,
    body_bits: np.ndarray,
    scores: np.ndarray,
    body: np.ndarray,
    weights: np.ndarray,
    proximity: np.ndarray | None = None,
    ordinals: np.ndarray | None = None,
    rarity: np.ndarray | None = None,
) -> Ranking:
    """Rank passages (with item codes ``codes``) by the model above.

    ``bits``/``body_bits`` say which concepts each passage matches with or without its
    item's title; ``scores``/``body`` are its BM25F scores with and without the title;
    ``proximity`` (optional) its proximity scores; ``rarity`` (optional) each concept's
    IDF (0 for those that do not count, such as question words).
    """
    if not len(codes):
        empty = np.zeros(0)
        return Ranking(empty, empty, empty, np.zeros(0, dtype=np.int64), empty, empty)
    own = scores if proximity is None else scores + PROXIMITY_WEIGHT * proximity
    own_body = body if proximity is None else body + PROXIMITY_WEIGHT * proximity
    best = np.full(item_count, -np.inf)
    np.maximum.at(best, codes, own)
    best_body = np.zeros(item_count)
    np.maximum.at(best_body, codes, own_body)
    body_sum = np.bincount(codes, weights=own_body, minlength=item_count)
    evidence = best + OTHER_PASSAGES * (body_sum - best_body)
    if COVERAGE_WINDOW is None or ordinals is None:
        item_bits = np.zeros(item_count, dtype=np.int64)
        np.bitwise_or.at(item_bits, codes, bits)
        near_bits = item_bits[codes]
        near = item_cov = weighted(near_bits, weights)
    else:
        # The item's best window: the most concepts.
        near_bits = bits if COVERAGE_WINDOW == 0 else window_bits(codes, ordinals, bits, COVERAGE_WINDOW)
        near = weighted(near_bits, weights)
        # The best window: the most concepts, then the rarest.
        ranked = near if rarity is None else weighted(near_bits, weights + RARITY / TIER * rarity)
        best_cov = np.zeros(item_count)
        np.maximum.at(best_cov, codes, ranked)
        item_cov = best_cov[codes]
    item_tier = item_cov * TIER
    passage_tier = weighted(body_bits, weights) * TIER
    alone_tier = (near if near_bits is bits else weighted(bits, weights)) * TIER
    return Ranking(item_tier + evidence[codes], passage_tier + own_body, alone_tier + own, near_bits, near, own,
                   (best, best_body, body_sum, item_tier, passage_tier, alone_tier))


def with_proximity(r: Ranking, codes: np.ndarray, item_count: int, scores: np.ndarray, body: np.ndarray,
                   proximity: np.ndarray, changed: np.ndarray) -> Ranking:
    """:func:`rank` again with ``proximity`` (zero but at positions ``changed``), from the
    ranking ``r`` made without it: the same keys to the last bit, recomputing only the
    items of the changed passages (proximity touches a few hundred passages; the matches
    can be half the index)."""
    assert r.parts is not None
    best, best_body, body_sum, item_tier, passage_tier, alone_tier = r.parts
    own = scores + PROXIMITY_WEIGHT * proximity
    own_body = body + PROXIMITY_WEIGHT * proximity
    touched = np.unique(codes[changed])
    members = _members_of(codes, touched)  # ascending: sums add up in the order rank's do
    member_codes = codes[members]
    best, best_body, body_sum = best.copy(), best_body.copy(), body_sum.copy()
    best[touched] = -np.inf
    np.maximum.at(best, member_codes, own[members])
    best_body[touched] = 0.0
    np.maximum.at(best_body, member_codes, own_body[members])
    body_sum[touched] = np.bincount(member_codes, weights=own_body[members], minlength=item_count)[touched]
    evidence = best + OTHER_PASSAGES * (body_sum - best_body)
    item_key, passage_key, alone_key = r.item_key.copy(), r.passage_key.copy(), r.alone_key.copy()
    item_key[members] = item_tier[members] + evidence[member_codes]
    passage_key[changed] = passage_tier[changed] + own_body[changed]
    alone_key[changed] = alone_tier[changed] + own[changed]
    return Ranking(item_key, passage_key, alone_key, r.near_bits, r.near, own,
                   (best, best_body, body_sum, item_tier, passage_tier, alone_tier))


def label_bits(r: Ranking, codes: np.ndarray, positions: list[int]) -> list[int]:
    """The concepts each passage at ``positions`` is ranked by: those of its item's best
    window (the most concepts, then the best score), for "matches 2 of 3 words"."""
    if not positions:
        return []
    wanted = codes[positions]
    sub = _members_of(codes, wanted)
    order = sub[np.lexsort((-r.own[sub], -r.near[sub], codes[sub]))]
    first = order[np.r_[True, codes[order][1:] != codes[order][:-1]]]
    best = dict(zip(codes[first].tolist(), r.near_bits[first].tolist()))
    return [best[c] for c in wanted.tolist()]


def item_bits(codes: np.ndarray, bits: np.ndarray, positions: list[int]) -> list[int]:
    """The concepts matched anywhere in the items of the passages at ``positions`` (for
    results sorted by date, which have no ranking)."""
    if not positions:
        return []
    wanted = codes[positions]
    sub = _members_of(codes, wanted)
    union: dict[int, int] = {}
    for c, b in zip(codes[sub].tolist(), bits[sub].tolist()):
        union[c] = union.get(c, 0) | b
    return [union[c] for c in wanted.tolist()]


def _members_of(codes: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """Positions of the passages whose item is one of ``wanted`` (a few items)."""
    hit = np.zeros(int(codes.max()) + 1, dtype=bool)
    hit[wanted] = True
    return np.flatnonzero(hit[codes])
