"""The one place text becomes index terms.

The analyzer is a Whoosh pipeline: a regular-expression tokenizer (:data:`TOKEN_PATTERN`,
applied exactly as NLTK's ``RegexpTokenizer`` applies it; a test holds the two to the
same spans), then one filter that normalises each token, drops stop words and stems the
rest with NLTK's Snowball English stemmer.

Stems are cached: each distinct word is worked out once per process, and an index keeps
the stems of every word it holds (see :func:`recording_stems` and :func:`learn_stems`).
A process that searches an index primes its cache from that table, so NLTK itself, whose
package import costs about half a second, is loaded only when a word the index has never
seen needs stemming (or ahead of time, by :func:`load_stemmer`). The cache only ever
holds what NLTK's stemmer returns for the word, so results never depend on it.

Index and query text both go through the analyzer, so nothing else in the project stems
or lower-cases by hand.

Whoosh pickles the analyzer into the index, so every class and function here must stay
importable at module level (no lambdas, no closures). Changing what this module does to
text means bumping :data:`ANALYZER_VERSION`, which makes existing indexes refuse to open
until they are rebuilt.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from array import array
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from whoosh.analysis import Analyzer, Filter, Token, Tokenizer

#: Bump whenever the terms produced for the same text change.
ANALYZER_VERSION = 5

_APOSTROPHES = "'’‘`´ʼ"
HYPHENS = "-‐‑‒–"  # hyphen-minus, hyphen, non-breaking hyphen, figure dash, en dash
_JOINERS = HYPHENS + "/"

#: A token: a decimal number ("1.5", "1,000"), or a word with internal apostrophes
#: ("Panel’s", "don't"), optionally joined to more words by hyphens or slashes
#: ("2016-2021", "co-opted", "39/20"). NBSP and other spaces are separators.
TOKEN_PATTERN = (
    r"\d+(?:[.,]\d+)+"
    rf"|\w+(?:[{_APOSTROPHES}]\w+)*(?:[{_JOINERS}]\w+(?:[{_APOSTROPHES}]\w+)*)*"
)
_PART = re.compile(rf"\w+(?:[{_APOSTROPHES}]\w+)*")
_POSSESSIVE = re.compile(rf"[{_APOSTROPHES}]s$")
_APOSTROPHE_RE = re.compile(rf"[{_APOSTROPHES}]")
#: "CSPs", "PCCs": the stemmer keeps an "s" after a vowel-less stem, so strip it here.
_ACRONYM_PLURAL = re.compile(r"^([A-Z]{2,})s$")

#: Function words dropped from index and queries. Based on the common English list,
#: minus words that carry meaning in minutes ("against", "not", "up", "before", …), plus
#: question words residents type ("how", "why", "did").
STOP_WORDS = frozenset(
    """
    a about again all am an and any are as at be because been being both but by can
    could did do does doing each for from further had has have having he her here hers
    herself him himself his how i if in into is it its itself just me my myself now of
    on only or other our ours ourselves own same she should so some such than that the
    their theirs them themselves then there these they this those through to too until
    very was we were what when where which while who whom why will with would you your
    yours yourself yourselves also shall might must whether
    """.split()
)

#: Words indexed and searched as another word: minutes and residents use these names of
#: the one who chairs a meeting interchangeably ("the Chairman", "the Chair", "the
#: Chairperson"), so each finds the others.
SAME_WORDS = {
    "chairman": "chair",
    "chairmen": "chair",
    "chairperson": "chair",
    "chairpersons": "chair",
    "chairwoman": "chair",
    "chairwomen": "chair",
}

#: Stemmer overrides (Lucene's ``StemmerOverrideFilter``, Xapian's stem exceptions): words
#: whose Snowball stem is shared with words of an unrelated meaning, each group of forms
#: given a stem of its own. Snowball gives "divers" to "diversion" and "diversity", so
#: "youth diversion" would find every "diverse"; "park" to "parking" and "parks".
#: The rule for adding one: the conflated words must both occur in public-body minutes
#: with meanings a resident would not accept for each other (not inflections or close
#: derivations, such as "plan"/"planning" or "police"/"policing", which stay together);
#: list every form that should move (plural, adjective), keep the group that stays with
#: Snowball's stem, and pick a stem no Snowball stem can equal (the word itself, "y" kept).
#: Candidates were found by grouping the bundled corpus', the real excerpts' and the
#: bench vocabulary's words by Snowball stem. Changing this table changes the index
#: (bump ANALYZER_VERSION).
_STEM_GROUPS: dict[str, tuple[str, ...]] = {
    "diversion": ("diversion", "diversions", "diversionary"),  # not diverse, diversity
    "university": ("university", "universities"),  # not universal (credit), universe
    "hospitality": ("hospitality",),  # gifts and hospitality; not hospital
    "conservative": ("conservative", "conservatives"),  # the party; not conservation
    "informal": ("informal", "informally"),  # not information, inform
    "initiative": ("initiative", "initiatives"),  # not initial, initially
    "international": ("international", "internationally"),  # not internal
    "parking": ("parking",),  # car parking; not park, parks (open spaces)
    "evening": ("evening", "evenings"),  # not even
    "coursing": ("coursing",),  # hare coursing; not course
    "authority": ("authority", "authorities"),  # not author (of a report)
    "objective": ("objective", "objectives"),  # not object, objection (planning)
    "organisation": ("organisation", "organisations", "organisational",
                     "organization", "organizations", "organizational"),  # not organised (crime)
    "secondment": ("secondment", "secondments"),  # not second, seconded (a motion)
    "several": ("several",),  # not severe, severity
    "probation": ("probation",),  # not probate
    "positive": ("positive", "positively", "positives"),  # not position
    "responsibility": ("responsibility", "responsibilities", "responsible"),  # not response
    "designated": ("designated", "designate", "designation", "designations"),  # not design
}
STEM_OVERRIDES: dict[str, str] = {w: stem for stem, forms in _STEM_GROUPS.items() for w in forms}

#: The flags NLTK's ``RegexpTokenizer`` compiles its pattern with.
TOKEN_FLAGS = re.UNICODE | re.MULTILINE | re.DOTALL
_token_matches = re.compile(TOKEN_PATTERN, TOKEN_FLAGS).finditer

#: word → stem: learned from indexes' stem tables and from NLTK in this process.
_stems: dict[str, str] = {}
#: Words stemmed by NLTK are remembered up to this many entries in all (queries can
#: bring any number of new words; an index's own table is always learned in full).
STEM_CACHE_LIMIT = 1_000_000
#: While a build records, the words it stems and their stems (see recording_stems).
_recorders: list[dict[str, str]] = []
_stemmer: Any = None
_stemmer_lock = threading.Lock()


def token_spans(text: str) -> Iterator[tuple[int, int]]:
    """Yield the (start, end) of each raw token, as ``RegexpTokenizer(TOKEN_PATTERN)``
    would (before compounds are split)."""
    for match in _token_matches(text):
        yield match.span()


def load_stemmer() -> Any:
    """Import NLTK and return its Snowball English stemmer (once per process)."""
    global _stemmer
    if _stemmer is None:
        with _stemmer_lock:
            if _stemmer is None:
                from nltk.stem.snowball import SnowballStemmer

                _stemmer = SnowballStemmer("english")
    return _stemmer


def snowball_stem(word: str) -> str:
    """Stem one normalised word with NLTK's Snowball English stemmer (cached)."""
    stem = _stems.get(word)
    if stem is None:
        stem = load_stemmer().stem(word)
        if len(_stems) < STEM_CACHE_LIMIT:
            _stems[word] = stem
    for recorder in _recorders:
        recorder[word] = stem
    return stem


def learn_stems(stems: Mapping[str, str]) -> None:
    """Add word → stem pairs that NLTK's stemmer gave (an index's stem table) to the cache."""
    _stems.update(stems)


@contextmanager
def recording_stems() -> Iterator[dict[str, str]]:
    """Record every word the analyzer stems while the block runs, with its stem.

    An index build wraps its analysis in this and stores the result beside the index,
    so that searches can stem without NLTK. Per-token caches are cleared first, so that
    words analysed before the block are recorded too.
    """
    recorded: dict[str, str] = {}
    _resolve.cache_clear()
    _short_index_terms.cache_clear()
    _short_both.cache_clear()
    _FUSED.clear()
    _clear_codes()
    _recorders.append(recorded)
    try:
        yield recorded
    finally:
        _recorders.remove(recorded)


def normalise_word(text: str) -> str:
    """Fold a raw token to its searchable form: NFKC, no accents, lower case, no apostrophes."""
    text = _ACRONYM_PLURAL.sub(r"\1", text)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _POSSESSIVE.sub("", text)
    text = _APOSTROPHE_RE.sub("", text)
    return text.replace(",", "")


class MinutesTokenizer(Tokenizer):
    """Split text into :data:`TOKEN_PATTERN` matches and break compounds into their parts.

    "2016-2021" gives "2016" and "2021" at consecutive positions, so a query for
    "2016-2021" (which the query side turns into a phrase) matches it. In index mode an
    alphabetic hyphenated compound is also indexed joined ("e-mail" → "email"), at the
    position of its last part, so either spelling finds it.
    """

    def __eq__(self, other: object) -> bool:
        return isinstance(other, MinutesTokenizer)

    def __call__(  # type: ignore[override]
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: object,
    ) -> Iterator[Token]:
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            t.original = t.text = value
            t.boost = 1.0
            if positions:
                t.pos = start_pos
            if chars:
                t.startchar, t.endchar = start_char, start_char + len(value)
            yield t
            return
        pos = start_pos
        for match in _token_matches(value):
            start, end = match.span()
            raw = value[start:end]
            if raw.isalnum():  # a plain word or number, the usual case: one part
                yield _fill(t, raw, pos, start, end, positions, chars, keeporiginal, start_char)
                pos += 1
                continue
            if "." in raw or "," in raw:
                parts = [(start, end)]  # a decimal number ("1.5", "1,000") stays whole
            else:
                parts = [(start + m.start(), start + m.end()) for m in _PART.finditer(raw)]
            for s, e in parts:
                yield _fill(t, value[s:e], pos, s, e, positions, chars, keeporiginal, start_char)
                pos += 1
            if mode == "index" and len(parts) > 1 and is_alpha_compound(raw):
                joined = "".join(value[s:e] for s, e in parts)
                yield _fill(t, joined, pos - 1, start, end, positions, chars, keeporiginal, start_char)


def _fill(
    t: Token,
    text: str,
    pos: int,
    start: int,
    end: int,
    positions: bool,
    chars: bool,
    keeporiginal: bool,
    start_char: int,
) -> Token:
    t.text = text
    t.boost = 1.0
    t.stopped = False
    if keeporiginal:
        t.original = text
    if positions:
        t.pos = pos
    if chars:
        t.startchar, t.endchar = start_char + start, start_char + end
    return t


def is_alpha_compound(raw: str) -> bool:
    """Whether ``raw`` is words of letters joined by hyphens ("call-in", not "2016-2021")."""
    return "/" not in raw and all(p.isalpha() for p in re.split(rf"[{HYPHENS}]", raw))


@lru_cache(maxsize=300_000)
def _resolve(raw: str) -> tuple[str, bool]:
    """Return (term, is stop word) for a raw token: normalised, then stemmed unless a
    stop word. An empty term means the token is dropped."""
    norm = normalise_word(raw)
    if not norm or norm in STOP_WORDS:
        return norm, bool(norm)
    word = SAME_WORDS.get(norm, norm)
    return STEM_OVERRIDES.get(word) or snowball_stem(word), False


class TermFilter(Filter):
    """Normalise each token, drop stop words, stem the rest: one cached step per token.

    A dropped stop word keeps its position (as in Lucene), so the phrase "crime
    commissioner" does not match "crime, the Commissioner", while "police and crime
    panel" (whose query keeps the gap too) matches the same words in the index. Tokens
    that shared a position (a joined compound and its last part) keep sharing one;
    tokens that normalise to nothing leave no gap. With ``removestops=False``
    (highlighting) stop words stay, marked as stopped.
    """

    def __eq__(self, other: object) -> bool:
        return isinstance(other, TermFilter)

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        new_pos: int | None = None
        last_old = None
        for t in tokens:
            term, stop = _resolve(t.text)
            if not term:
                continue
            if t.positions:
                if new_pos is None:  # start from the tokenizer's start_pos
                    new_pos = t.pos - 1
                if t.pos != last_old:
                    new_pos += 1
                    last_old = t.pos
                t.pos = new_pos
            if stop:
                if t.removestops:
                    continue
                t.text = term
                t.stopped = True
                yield t
                continue
            t.text = term
            t.stopped = False
            yield t


def minutes_analyzer() -> Analyzer:
    """Return the analyzer used for every text field, at index and at query time."""
    return MinutesTokenizer() | TermFilter()


@lru_cache(maxsize=300_000)
def _exact(raw: str) -> tuple[str, bool]:
    """Return (word, is stop word) for a raw token, normalised but not stemmed."""
    norm = normalise_word(raw)
    return norm, norm in STOP_WORDS


class ExactFilter(Filter):
    """Like :class:`TermFilter`, but without stemming: the word forms as written
    (normalised: case, accents, apostrophes), for exact-word searches ("worthing" must
    not find "worth"). Stop words are dropped as in the stemmed field, keeping their
    positions."""

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ExactFilter)

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        new_pos: int | None = None
        last_old = None
        for t in tokens:
            word, stop = _exact(t.text)
            if not word:
                continue
            if t.positions:
                if new_pos is None:
                    new_pos = t.pos - 1
                if t.pos != last_old:
                    new_pos += 1
                    last_old = t.pos
                t.pos = new_pos
            t.text = word
            t.stopped = stop
            if stop and t.removestops:
                continue
            yield t


def exact_analyzer() -> Analyzer:
    """Return the analyzer of the unstemmed ``exact`` field (index and query time)."""
    return MinutesTokenizer() | ExactFilter()


#: Texts up to this long (titles, names, committee names) have their index terms cached.
SHORT_TEXT = 200


def index_terms(text: str) -> tuple[tuple[str, int], ...]:
    """Return the (term, position) pairs ``text`` is indexed as. Titles and committee
    names repeat on every passage of an item, so short texts are analysed once."""
    return _short_index_terms(text) if len(text) <= SHORT_TEXT else _index_terms(text)


def _index_terms(text: str) -> tuple[tuple[str, int], ...]:
    return tuple((t.text, t.pos) for t in ANALYZER(text, positions=True, mode="index"))


_short_index_terms = lru_cache(maxsize=8192)(_index_terms)


def terms(text: str, mode: str = "query") -> list[str]:
    """Return the terms ``text`` analyses to (a convenience for tests, CLI and debugging)."""
    return [t.text for t in ANALYZER(text, mode=mode)]


def exact_index_terms(text: str) -> tuple[str, ...]:
    """Return the unstemmed words ``text`` is indexed as in the ``exact`` field."""
    return _short_exact_terms(text) if len(text) <= SHORT_TEXT else _exact_terms(text)


def _exact_terms(text: str) -> tuple[str, ...]:
    return tuple(t.text for t in EXACT_ANALYZER(text, mode="index"))


_short_exact_terms = lru_cache(maxsize=8192)(_exact_terms)


def index_terms_and_words(text: str) -> tuple[tuple[tuple[str, int], ...], tuple[str, ...]]:
    """Return :func:`index_terms` and :func:`exact_index_terms` of ``text`` together, from
    one pass of the tokenizer (an index build needs both for every passage)."""
    return _short_both(text) if len(text) <= SHORT_TEXT else _both(text)


def _both(text: str) -> tuple[tuple[tuple[str, int], ...], tuple[str, ...]]:
    # MinutesTokenizer's splitting (mode "index") and the position rules of TermFilter and
    # ExactFilter, inlined without Token objects; the two filters agree on what they drop
    # (both normalise alike, so a token empty for one is empty for the other, and both
    # drop stop words keeping their positions). tests/test_whoosh_fixes.py checks this
    # gives what the analyzers give. A build runs this on every passage: plain words
    # (nearly every token) take one dictionary look-up (see _fused).
    stemmed: list[tuple[str, int]] = []
    exact: list[str] = []
    new_pos = -1  # TermFilter's renumbered position of the last token kept
    started = False
    last_old = -1
    pos = 0
    get = _FUSED.get
    for raw in _token_findall(text):
        if raw.isalnum():  # one token at a new position
            found = get(raw)
            if found is None:
                found = _fuse(raw)
            if found:
                if started:
                    new_pos += 1
                else:
                    new_pos, started = pos, True
                last_old = pos
                if found[0]:
                    stemmed.append((found[0], new_pos))
                    exact.append(found[1])
            pos += 1
            continue
        if "." in raw or "," in raw:
            parts = [raw]  # a decimal number stays whole
        else:
            parts = _PART.findall(raw)
        tokens = [(part, pos + i) for i, part in enumerate(parts)]
        pos += len(parts)
        if len(parts) > 1 and is_alpha_compound(raw):
            tokens.append(("".join(parts), pos - 1))
        for token, token_pos in tokens:
            found = get(token)
            if found is None:
                found = _fuse(token)
            if not found:
                continue
            if not started:
                new_pos, started = token_pos - 1, True
            if token_pos != last_old:
                new_pos += 1
                last_old = token_pos
            if found[0]:
                stemmed.append((found[0], new_pos))
                exact.append(found[1])
    return tuple(stemmed), tuple(exact)


#: raw token → (stemmed term, exact word) for a word that is indexed, ("", "") for a
#: stop word (it keeps its position), () for a token that normalises to nothing. Cleared
#: by recording_stems, like the other caches, so a recording build stems every word.
_FUSED: dict[str, tuple[str, str] | tuple[()]] = {}
_FUSED_LIMIT = 300_000
_token_findall = re.compile(TOKEN_PATTERN, TOKEN_FLAGS).findall


def _fuse(raw: str) -> tuple[str, str] | tuple[()]:
    term, stop = _resolve(raw)
    found: tuple[str, str] | tuple[()] = () if not term else ("", "") if stop else (term, _exact(raw)[0])
    if len(_FUSED) >= _FUSED_LIMIT:
        _FUSED.clear()
    _FUSED[raw] = found
    return found


_short_both = lru_cache(maxsize=8192)(_both)


# ---------------------------------------------------------------------- bulk analysis


#: Every distinct stemmed term and exact word a build meets gets a number, for the life of
#: the process (see index_arrays); TERMS[n] / WORDS[n] give the text back.
TERM_IDS: dict[str, int] = {}
TERMS: list[str] = []
WORD_IDS: dict[str, int] = {}
WORDS: list[str] = []

#: raw token → its code: the tokens it gives, as rows of the _SUB_* arrays from
#: _START[code] (_LEN[code] of them), each at a position _SUB_REL after the token's
#: first; a row's term is -1 for a stop word (it keeps its position) and -2 for a part
#: that normalises to nothing (it takes none). KEPT[code]: the tokens indexed. Cleared
#: with the other caches by recording_stems (the term and word numbers stay).
_CODE: dict[str, int] = {}
_CODE_LIMIT = 1_000_000
_START: array[int] = array("q")
_LEN: array[int] = array("q")
KEPT: list[int] = []
_SUB_TERM: array[int] = array("q")
_SUB_WORD: array[int] = array("q")
_SUB_REL: array[int] = array("q")
_np: dict[str, Any] = {}


def _id(ids: dict[str, int], names: list[str], text: str) -> int:
    found = ids.get(text)
    if found is None:
        found = ids[text] = len(names)
        names.append(text)
    return found


def _new_code(raw: str) -> int:
    """Work out a raw token's tokens once, as MinutesTokenizer (mode "index") and
    TermFilter / ExactFilter do, and give it a code."""
    if raw.isalnum() or "." in raw or "," in raw:
        parts = [raw]  # a plain word, or a decimal number, which stays whole
    else:
        parts = _PART.findall(raw)
    tokens = [(part, i) for i, part in enumerate(parts)]
    if len(parts) > 1 and is_alpha_compound(raw):
        tokens.append(("".join(parts), len(parts) - 1))
    code = len(_LEN)
    _START.append(len(_SUB_TERM))
    _LEN.append(len(tokens))
    kept = 0
    for token, rel in tokens:
        term, stop = _resolve(token)
        indexed = term and not stop
        _SUB_TERM.append(_id(TERM_IDS, TERMS, term) if indexed else -1 if term else -2)
        _SUB_WORD.append(_id(WORD_IDS, WORDS, _exact(token)[0]) if indexed else -1)
        _SUB_REL.append(rel)
        kept += bool(indexed)
    KEPT.append(kept)
    _CODE[raw] = code
    _np.clear()
    return code


def _clear_codes() -> None:
    _CODE.clear()
    for table in (_START, _LEN, _SUB_TERM, _SUB_WORD, _SUB_REL):
        del table[:]
    del KEPT[:]
    _np.clear()
    _short_codes.cache_clear()


def _tables() -> dict[str, Any]:
    if not _np:
        import numpy as np

        _np.update(start=np.array(_START, dtype=np.int32), length=np.array(_LEN, dtype=np.int32),
                   term=np.array(_SUB_TERM, dtype=np.int32), word=np.array(_SUB_WORD, dtype=np.int32),
                   rel=np.array(_SUB_REL, dtype=np.int32))
    return _np


def raw_codes(text: str) -> list[int]:
    """Return the codes of ``text``'s raw tokens (see :func:`expand`); a list shared for
    short texts: do not change it."""
    return _short_codes(text) if len(text) <= SHORT_TEXT else _codes(text)


def trim_codes() -> None:
    """Forget the raw token codes if there are many (codes given out before are then
    meaningless: call this only when none are held, as a new segment starts)."""
    if len(_CODE) >= _CODE_LIMIT:
        _clear_codes()


def _codes(text: str) -> list[int]:
    raws = _token_findall(text)
    codes = list(map(_CODE.get, raws))
    if None in codes:
        codes = [_new_code(raw) if code is None else code for raw, code in zip(raws, codes)]
    return codes


_short_codes = lru_cache(maxsize=8192)(_codes)


def expand(codes: Any, part_lengths: Any) -> tuple[Any, Any, Any, Any]:
    """Turn the raw token codes of consecutive texts (parts; ``part_lengths`` codes each)
    into their indexed tokens: NumPy arrays of term numbers (see :data:`TERMS`), exact
    word numbers (:data:`WORDS`), positions within the part, and part numbers, with
    the positions TermFilter gives (stop words keep theirs; a token that normalises to
    nothing takes none). A build analyses a whole segment's passages at once this way,
    instead of one Python step per token."""
    import numpy as np

    t = _tables()
    if len(t["length"]) < len(_LEN):  # codes made since the tables were copied
        _np.clear()
        t = _tables()
    # 32-bit arrays, worked on in place where possible: a segment's build holds one entry
    # per token in each (a segment's tokens and positions stay far below 2**31)
    i4 = np.int32
    codes = np.asarray(codes, dtype=i4)
    part_lengths = np.asarray(part_lengths, dtype=i4)
    raw_part = np.repeat(np.arange(len(part_lengths), dtype=i4), part_lengths)
    lengths = t["length"][codes]
    first = t["start"][codes]
    del codes
    # positions a raw token takes: its parts' (a joined compound shares its last part's)
    width = first + lengths
    width -= 1
    width = t["rel"][width]
    width += 1
    before = np.cumsum(width, dtype=i4)
    before -= width
    del width
    part_first = np.cumsum(part_lengths, dtype=i4) - part_lengths
    base = np.zeros(len(part_lengths), dtype=i4)
    has = part_lengths > 0
    base[has] = before[part_first[has]]
    raw_pos = before
    raw_pos -= base[raw_part]
    del before
    ends = np.cumsum(lengths, dtype=i4)
    total = int(ends[-1]) if len(ends) else 0
    ends -= lengths  # where each raw token's indexed tokens begin
    first -= ends
    del ends
    rows = np.repeat(first, lengths)
    del first
    rows += np.arange(total, dtype=i4)
    positions = np.repeat(raw_pos, lengths)
    positions += t["rel"][rows]
    part = np.repeat(raw_part, lengths)
    del raw_pos, raw_part, lengths
    terms = t["term"][rows]
    words = t["word"][rows]
    del rows
    if (terms == -2).any():
        # Parts that normalise to nothing take no position: positions are renumbered
        # from the part's first other token (as TermFilter does, which starts from that
        # token's position and counts each new position after it).
        keep = terms != -2
        terms, words, positions, part = _take(keep, terms, words, positions, part)
        del keep
        if len(part):
            new = np.r_[True, (positions[1:] != positions[:-1]) | (part[1:] != part[:-1])]
            starts = np.flatnonzero(np.r_[True, part[1:] != part[:-1]])
            run = np.cumsum(np.r_[True, part[1:] != part[:-1]], dtype=i4) - 1
            rank = np.cumsum(new, dtype=i4) - 1
            del new
            positions = positions[starts][run] + rank - rank[starts][run]
    return _take(terms >= 0, terms, words, positions, part)


def _take(mask: Any, *arrays: Any) -> tuple[Any, ...]:
    """The arrays' entries where ``mask`` is true; the arrays themselves (no copies) when
    it is true everywhere, as it is for most segments."""
    if mask.all():
        return arrays
    return tuple(a[mask] for a in arrays)


def index_arrays(text: str) -> tuple[Any, Any, Any]:
    """Return :func:`index_terms_and_words` of ``text`` as NumPy arrays: term numbers,
    positions and exact word numbers (see :func:`expand`)."""
    codes = raw_codes(text)
    terms, words, positions, _ = expand(codes, [len(codes)])
    return terms, positions, words


#: The one analyzer instance (it keeps no state between calls), shared by the schema,
#: the query parser and the highlighter.
ANALYZER = minutes_analyzer()
#: The unstemmed analyzer of exact-word searches (see :func:`exact_analyzer`).
EXACT_ANALYZER = exact_analyzer()
