"""The one place text becomes index terms.

The analyzer is a Whoosh pipeline: an NLTK regexp tokenizer wrapped as a Whoosh
``Tokenizer``, then one filter that normalises each token, drops stop words and stems
the rest with NLTK's Snowball English stemmer (cached: each distinct word is worked out
once).
Index and query text both go through it, so nothing else in the project stems or
lower-cases by hand.

Whoosh pickles the analyzer into the index, so every class and function here must stay
importable at module level (no lambdas, no closures). Changing what this module does to
text means bumping :data:`ANALYZER_VERSION`, which makes existing indexes refuse to open
until they are rebuilt.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from collections.abc import Iterator

from nltk.stem.snowball import SnowballStemmer
from nltk.tokenize import RegexpTokenizer
from whoosh.analysis import Analyzer, Filter, Token, Tokenizer

#: Bump whenever the terms produced for the same text change.
ANALYZER_VERSION = 3

_APOSTROPHES = "'’‘`´ʼ"
_HYPHENS = "-‐‑‒–"  # hyphen-minus, hyphen, non-breaking hyphen, figure dash, en dash
_JOINERS = _HYPHENS + "/"

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

_tokenizer = RegexpTokenizer(TOKEN_PATTERN)
_stemmer = SnowballStemmer("english")


def snowball_stem(word: str) -> str:
    """Stem one lower-case word with NLTK's Snowball English stemmer."""
    return _stemmer.stem(word)


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
    """Split text with NLTK's ``RegexpTokenizer`` and break compounds into their parts.

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
        for start, end in _tokenizer.span_tokenize(value):
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
            if mode == "index" and len(parts) > 1 and _is_alpha_compound(raw):
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


def _is_alpha_compound(raw: str) -> bool:
    return "/" not in raw and all(p.isalpha() for p in re.split(rf"[{_HYPHENS}]", raw))


@lru_cache(maxsize=300_000)
def _resolve(raw: str) -> tuple[str, bool]:
    """Return (term, is stop word) for a raw token: normalised, then stemmed unless a
    stop word. An empty term means the token is dropped."""
    norm = normalise_word(raw)
    if not norm or norm in STOP_WORDS:
        return norm, bool(norm)
    return snowball_stem(norm), False


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


def terms(text: str, mode: str = "query") -> list[str]:
    """Return the terms ``text`` analyses to (a convenience for tests, CLI and debugging)."""
    return [t.text for t in minutes_analyzer()(text, mode=mode)]
