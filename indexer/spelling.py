"""Did you mean: corrections from the index's own vocabulary.

A typed word the index has never seen ("lnes") is compared, by edit distance, with the
words it holds (the item store keeps every indexed word, see
:func:`indexer.itemstore.ItemStore.stems`), and replaced by the closest one; among
equally close ones, the one found most often with the query's other words, then the
most frequent: "county lnes" → "county lines". When a search finds few results, a rare
word that is never found with the other words is corrected too, to a far more frequent
neighbour that is.

The vocabulary is grouped by word length on first use (a search that needs no
correction never pays for it); :mod:`rapidfuzz` computes the distances.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass

#: Edits allowed: one for words of up to four letters, two for longer ones.
SHORT_WORD = 4
#: Candidates compared by frequency after the distance cut.
CANDIDATES = 12
#: With few results, a known word is corrected only if it is this rare (documents) …
RARE = 2
#: … and its correction this many times more frequent.
MORE_FREQUENT = 20


@dataclass(frozen=True, slots=True)
class Correction:
    """A typed word and its replacement."""

    typed: str
    word: str


#: A word's document frequency in the index (0: not indexed).
Frequency = Callable[[str], int]
#: How often a candidate word stands with the query's other words (passages).
Context = Callable[[str], int]


class Speller:
    """Corrects words against a vocabulary (the words an index holds)."""

    def __init__(self, words: Iterable[str]) -> None:
        self._words = words
        self._by_length: dict[int, list[str]] | None = None
        self._lock = threading.Lock()

    def _groups(self) -> dict[int, list[str]]:
        if self._by_length is None:
            with self._lock:
                if self._by_length is None:
                    groups: dict[int, list[str]] = {}
                    for w in self._words:
                        if w.isalpha():
                            groups.setdefault(len(w), []).append(w)
                    self._by_length = groups
        return self._by_length

    def best(self, word: str, frequency: Frequency, at_least: int = 1,
             context: Context | None = None) -> str | None:
        """The closest vocabulary word to ``word`` found in at least ``at_least`` documents;
        among equally close ones, the one found most often with the query's other words
        (``context``), then the most frequent; or None."""
        word = word.lower()
        if not word.isalpha() or len(word) < 3:
            return None
        from rapidfuzz import process  # imported on first use: most searches need no correction
        from rapidfuzz.distance import Levenshtein

        limit = 1 if len(word) <= SHORT_WORD else 2
        groups = self._groups()
        found: list[tuple[int, str]] = []
        for n in range(len(word) - limit, len(word) + limit + 1):
            pool = groups.get(n)
            if not pool:
                continue
            for candidate, distance, _ in process.extract(word, pool, scorer=Levenshtein.distance,
                                                          score_cutoff=limit, limit=CANDIDATES):
                if candidate != word:
                    found.append((int(distance), candidate))
        scored = [(d, frequency(c), c) for d, c in found]
        scored = [x for x in scored if x[1] >= at_least]
        if not scored:
            return None
        closest = min(d for d, _, _ in scored)
        ties = [(f, c) for d, f, c in scored if d == closest]
        with_others = {c: context(c) for _, c in ties} if context is not None and len(ties) > 1 else {}
        return min(ties, key=lambda fc: (-with_others.get(fc[1], 0), -fc[0], fc[1]))[1]

    def corrections(self, words: Iterable[str], frequency: Frequency, few_results: bool,
                    context: Callable[[str, str], int] | None = None) -> list[Correction]:
        """Corrections for the typed ``words``: unknown ones, and rare ones when
        ``few_results``. ``context(typed, candidate)`` counts the passages where a
        candidate stands with the query's other words."""
        out = []
        for typed in words:
            near = None if context is None else lambda c, t=typed: context(t, c)
            freq = frequency(typed.lower())
            if freq == 0:
                word = self.best(typed, frequency, context=near)
            elif few_results and freq <= RARE and near is not None and near(typed.lower()) == 0:
                # A rare word never found with the others; its frequent neighbour must be.
                word = self.best(typed, frequency, at_least=freq * MORE_FREQUENT, context=near)
                if word is not None and near(word) == 0:
                    word = None
            else:
                word = None
            if word is not None:
                out.append(Correction(typed, word))
        return out


def corrected_query(query: str, corrections: Iterable[Correction]) -> str:
    """``query`` with each corrected word replaced (whole words, outside quotes too)."""
    for c in corrections:
        query = re.sub(rf"(?<![\w*]){re.escape(c.typed)}(?![\w*])", c.word, query, count=1)
    return query
