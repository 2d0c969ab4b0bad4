"""Speed only: skip a regular expression on text that lacks the words every match must contain.

Python's ``re`` tries a pattern at every character of a text, which costs the parser most of its
time on patterns that rarely match (a cue list, an alternation of phrases). :func:`cued` reads a
compiled pattern's structure and finds literal strings one of which every match contains (for
``(?:questions?\\s+from|queried)`` that is "question" or "queried"); the returned pattern answers
"no match" at once when the text holds none of them, and otherwise runs the pattern itself. The
strings are derived from the pattern at import, so a rule edited later keeps a correct cue; a
pattern with no such strings (one that can match without any fixed text) is returned unchanged.
Results are always exactly those of the pattern.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

try:  # the parser of ``re`` (Python 3.11+ names it re._parser; earlier releases sre_parse)
    from re import _parser as _sre  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_parse as _sre  # type: ignore[no-redef]

#: More strings than this make the test cost more than the search it avoids.
MAX_WORDS = 24
_REPEATS = {_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", _sre.MAX_REPEAT)}


def _needed(seq: Any, ignore_case: bool) -> frozenset[str] | None:
    """Strings one of which every match of the parsed sequence ``seq`` contains, or None."""
    options: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            options.append(frozenset({"".join(run)}))
            run.clear()

    for op, av in seq:
        if op is _sre.LITERAL:
            run.append(chr(av))
            continue
        flush()
        found: frozenset[str] | None = None
        if op is _sre.SUBPATTERN:
            _group, add, remove, sub = av
            if not (add | remove) & re.I:
                found = _needed(sub, ignore_case)
        elif op is _sre.BRANCH:
            alternatives = [_needed(alt, ignore_case) for alt in av[1]]
            if all(alternatives):
                found = frozenset().union(*alternatives)  # type: ignore[arg-type]
        elif op in _REPEATS:
            low, _high, body = av
            if low >= 1:
                found = _needed(body, ignore_case)
        elif op is _sre.IN and all(kind is _sre.LITERAL for kind, _ in av):
            found = frozenset(chr(c) for _, c in av)  # one of a few characters: "[·•▪]"
        elif op is _sre.ASSERT:  # a look-ahead or look-behind that must hold: its text is in the text too
            found = _needed(av[1], ignore_case)
        elif op is getattr(_sre, "ATOMIC_GROUP", None):
            found = _needed(av, ignore_case)
        if found:
            options.append(found)
    flush()
    if ignore_case:  # compared with the lower-cased text: only ASCII strings have a simple lower case
        options = [frozenset(w.lower() for w in o) for o in options if all(w.isascii() for w in o)]
    # a string holding another of the set adds nothing ("doc" covers "docx")
    options = [frozenset(w for w in o if not any(v != w and v in w for v in o)) for o in options]
    options = [o for o in options if len(o) <= MAX_WORDS and all(o)]
    if not options:
        return None
    # the most selective: the longest shortest string, then the fewest strings
    return max(options, key=lambda o: (min(len(w) for w in o), -len(o)))


def needed_words(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Strings one of which every match of ``pattern`` contains (lower case when it ignores case), or None."""
    if not isinstance(pattern.pattern, str):
        return None
    try:
        parsed = _sre.parse(pattern.pattern, pattern.flags & ~re.U)
    except Exception:  # noqa: BLE001 - an unexpected structure: no cue, the pattern runs as it is
        return None
    return _needed(parsed, bool(pattern.flags & re.I))


#: The text lowered last and its lower case, one tuple (replaced whole, so threads never see a mix):
#: a line meets several patterns in a row.
_last: tuple[str, str] = ("", "")


def _lower(text: str) -> str:
    """``text`` lower-cased so that every character ``re`` matches to an ASCII letter ignoring case
    becomes that letter ("K" Kelvin sign, dotted and dotless i, long s)."""
    global _last
    last = _last
    if text is last[0]:
        return last[1]
    low = text.lower()
    if not text.isascii():
        low = low.replace("\u0307", "").replace("\u0131", "i").replace("\u017f", "s")
    _last = (text, low)
    return low


class CuedPattern:
    """A compiled pattern behind a test for the words its matches need (see the module)."""

    __slots__ = ("_rx", "_words", "_has", "pattern", "flags", "groups", "groupindex")

    def __init__(self, rx: re.Pattern[str], words: frozenset[str]) -> None:
        self._rx = rx
        self._words = tuple(sorted(words))
        self._has: Callable[[str], bool] = self._has_lower if rx.flags & re.I else self._has_exact
        self.pattern, self.flags, self.groups, self.groupindex = rx.pattern, rx.flags, rx.groups, rx.groupindex

    def _has_exact(self, text: str) -> bool:
        for w in self._words:
            if w in text:
                return True
        return False

    def _has_lower(self, text: str) -> bool:
        low = _lower(text)
        for w in self._words:
            if w in low:
                return True
        return False

    def search(self, text: str, *args: int) -> re.Match[str] | None:
        return self._rx.search(text, *args) if self._has(text) else None

    def match(self, text: str, *args: int) -> re.Match[str] | None:
        return self._rx.match(text, *args) if self._has(text) else None

    def fullmatch(self, text: str, *args: int) -> re.Match[str] | None:
        return self._rx.fullmatch(text, *args) if self._has(text) else None

    def finditer(self, text: str, *args: int) -> Iterator[re.Match[str]]:
        return self._rx.finditer(text, *args) if self._has(text) else iter(())

    def findall(self, text: str, *args: int) -> list[Any]:
        return self._rx.findall(text, *args) if self._has(text) else []

    def sub(self, repl: Any, text: str, count: int = 0) -> str:
        return self._rx.sub(repl, text, count) if self._has(text) else text

    def split(self, text: str, maxsplit: int = 0) -> list[str]:
        return self._rx.split(text, maxsplit) if self._has(text) else [text]


def end_window(rx: re.Pattern[str]) -> int | None:
    """How many trailing characters of a text decide whether ``rx`` finds a match in it, for a
    pattern anchored at the end (``…$``, matches of bounded length, no look-behind); None otherwise.

    The window holds the longest match, a newline ``$`` may stand before, and one character for ``\\b``.
    """
    if rx.flags & re.M or "(?<" in rx.pattern or not isinstance(rx.pattern, str):
        return None
    try:
        parsed = _sre.parse(rx.pattern, rx.flags & ~re.U)
    except Exception:  # noqa: BLE001
        return None
    if not parsed.data or parsed.data[-1] != (_sre.AT, _sre.AT_END):
        return None
    widest = parsed.getwidth()[1]
    return widest + 2 if widest < 1 << 16 else None


def cued(rx: re.Pattern[str]) -> Any:
    """``rx``, or a drop-in :class:`CuedPattern` that skips texts lacking the words its matches need."""
    words = needed_words(rx)
    return CuedPattern(rx, words) if words else rx


__all__ = ["cued", "needed_words", "end_window", "CuedPattern"]
