"""Rank a few matches and cut their page out in plain Python.

A search whose words match a few passages (a rare name, a place, an operation) spends
most of its time in NumPy's fixed cost per call: ranking, grouping by item and cutting
the page take a hundred or so array operations on arrays of a handful of elements,
about a microsecond each. Below :data:`FEW_MATCHES` matches, this module does the same
arithmetic on Python floats instead, operation for operation and in the same order
(IEEE doubles either way), so it gives exactly what :func:`indexer.ranking.rank`,
``search._rank`` and :func:`indexer.ranking.label_bits` give: the same hits in the same
order with the same scores (``tests/test_fewpage.py`` compares both on random matches).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from . import ranking

#: At most this many matching passages are ranked here rather than with NumPy (measured
#: on one word's matches in as many items: 32 matches 43 µs here against 92 µs; both
#: about 100 µs at 96 matches).
FEW_MATCHES = 80


@dataclass(slots=True)
class FewRanking:
    """:class:`indexer.ranking.Ranking` as lists (per match, in the order of the matches)."""

    item_key: list[float]
    passage_key: list[float]
    alone_key: list[float]
    near_bits: list[int]
    near: list[float]
    own: list[float]


@dataclass(slots=True)
class FewPage:
    """One page of a few matches: the fields of ``search._Page``, and the concepts each
    hit's item is ranked by (for "matches 2 of 3 words")."""

    docnums: list[int]
    positions: list[int]
    scores: list[float]
    more: list[int]
    cards: list[int]
    total: int
    pages: int
    has_next: bool
    items: int
    matched: list[int]


def _table(weights: Sequence[float]) -> list[float]:
    """The summed weights of every combination of concepts (as ``ranking.weighted``
    adds them: concept by concept, from 0.0)."""
    k = len(weights)
    table = [0.0] * (1 << k)
    for j, w in enumerate(weights):
        for mask in range(1 << k):
            table[mask] += w * ((mask >> j) & 1)
    return table


def _weigher(weights: Sequence[float]) -> Callable[[list[int]], list[float]]:
    """``ranking.weighted`` with these weights, for lists of masks."""
    if len(weights) <= 12:
        table = _table(weights)
        return lambda bits: [table[b] for b in bits]

    def weigh(bits: list[int]) -> list[float]:
        out = [0.0] * len(bits)
        for j, w in enumerate(weights):
            for i, b in enumerate(bits):
                out[i] += w * ((b >> j) & 1)
        return out

    return weigh


def rank(
    codes: list[int],
    bits: list[int],
    body_bits: list[int],
    scores: list[float],
    body: list[float],
    weights: list[float],
    proximity: list[float] | None = None,
    rarity: list[float] | None = None,
) -> FewRanking:
    """:func:`indexer.ranking.rank` for a few passages (item codes ``codes``)."""
    assert ranking.COVERAGE_WINDOW == 0, "the window of passages is not implemented here"
    if proximity is None:
        own, own_body = scores, body
    else:
        w = ranking.PROXIMITY_WEIGHT
        own = [s + w * p for s, p in zip(scores, proximity)]
        own_body = [s + w * p for s, p in zip(body, proximity)]
    weigh = _weigher(weights)
    near = weigh(bits)
    if rarity is None:
        ranked = near
    else:
        share = ranking.RARITY / ranking.TIER
        ranked = _weigher([w + share * r for w, r in zip(weights, rarity)])(bits)
    # Per item, in one pass: [best own, best own body, sum of own body, best ranked coverage]
    # (np.maximum keeps the value it has on a tie, as these do).
    inf = float("inf")
    state: dict[int, list[float]] = {}
    for c, o, ob, r in zip(codes, own, own_body, ranked):
        st = state.get(c)
        if st is None:
            state[c] = [o if o > -inf else -inf, ob if ob > 0.0 else 0.0, 0.0 + ob, r if r > 0.0 else 0.0]
        else:
            if o > st[0]:
                st[0] = o
            if ob > st[1]:
                st[1] = ob
            st[2] += ob
            if r > st[3]:
                st[3] = r
    tier, other = ranking.TIER, ranking.OTHER_PASSAGES
    keys = {c: cov * tier + (b + other * (total - bb)) for c, (b, bb, total, cov) in state.items()}
    item_key = [keys[c] for c in codes]
    passage_key = [w * tier + o for w, o in zip(weigh(body_bits), own_body)]
    alone_key = [w * tier + o for w, o in zip(near, own)]  # near is weighted(bits) (no window)
    return FewRanking(item_key, passage_key, alone_key, list(bits), near, list(own))


def page(
    ids: list[int], codes: list[int], r: FewRanking, page_no: int, per_page: int, per_item: int
) -> FewPage:
    """``search._rank`` by relevance, then :func:`indexer.ranking.label_bits`, for a few
    matches ``ids`` (sorted, distinct) of items ``codes``, ranked by ``r``."""
    n = len(ids)
    key = r.item_key if per_item else r.alone_key
    wanted = page_no * per_page
    start = wanted - per_page
    member_key = r.passage_key
    # lexsort((ids, member_key, key)) on negated keys: ids are distinct, so no ties are
    # left and the position (last) is never compared
    order = [t[3] for t in sorted(zip([-k for k in key], [-m for m in member_key], ids, range(n)))]
    if not per_item:
        chosen = order[start:wanted]
        return FewPage(
            docnums=[ids[i] for i in chosen],
            positions=chosen,
            scores=[key[i] for i in chosen],
            more=[0] * len(chosen),
            cards=list(range(len(chosen))),
            total=n,
            pages=-(-n // per_page),
            has_next=wanted < n,
            items=0,
            matched=_label_bits(r, codes, chosen),
        )
    counts = Counter(codes)
    firsts: dict[int, int] = {}  # item → its best passage, in rank order, up to this page's last
    for i in order:
        c = codes[i]
        if c not in firsts:
            firsts[c] = i
            if len(firsts) == wanted:
                break
    page_items = [codes[i] for i in list(firsts.values())[start:wanted]]
    card_of = {c: k for k, c in enumerate(page_items)}
    members = sorted((card_of[c], -member_key[i], ids[i], i) for i, c in enumerate(codes) if c in card_of)
    taken: dict[int, int] = {}
    kept = []
    for _, _, _, i in members:
        c = codes[i]
        seen = taken.get(c, 0)
        if seen < per_item:
            kept.append(i)
        taken[c] = seen + 1
    cards = [card_of[codes[i]] for i in kept]
    shown = [0] * len(page_items)
    for k in cards:
        shown[k] += 1
    more = [counts[codes[i]] - shown[cards[j]] if j == len(kept) - 1 or cards[j + 1] != cards[j] else 0
            for j, i in enumerate(kept)]
    items = len(counts)
    return FewPage(
        docnums=[ids[i] for i in kept],
        positions=kept,
        scores=[key[i] for i in kept],
        more=more,
        cards=cards,
        total=n,
        pages=-(-items // per_page),
        has_next=wanted < items,
        items=items,
        matched=_label_bits(r, codes, kept),
    )


def _label_bits(r: FewRanking, codes: list[int], positions: list[int]) -> list[int]:
    """:func:`indexer.ranking.label_bits`: per position, the concepts of its item's best
    passage by (most concepts, best score, first)."""
    if not positions:
        return []
    wanted = {codes[i] for i in positions}
    best: dict[int, int] = {}
    for i, c in enumerate(codes):
        if c not in wanted:
            continue
        j = best.get(c)
        if j is None or (-r.near[i], -r.own[i]) < (-r.near[j], -r.own[j]):
            best[c] = i
    return [r.near_bits[best[codes[i]]] for i in positions]
