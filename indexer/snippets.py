"""Highlighting: find the words a query matched in stored text, and pick the sentence.

Output is a list of ``(text, matched)`` segments rather than HTML, so the web UI can
render it with auto-escaping (no ``|safe`` on stored text), the CLI with terminal
bold, and JSON as plain text plus an escaped HTML form.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .analysis import ANALYZER, EXACT_ANALYZER, normalise_word

Segment = tuple[str, bool]

ELLIPSIS = "…"
_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+(?=[\"“‘'(\[A-Z0-9£•·-])")


@dataclass(frozen=True, slots=True)
class Marks:
    """What to mark in text: analysed terms, phrases and term prefixes. A phrase is a
    sequence of (term, position after the first term) pairs; a stop word leaves a gap."""

    terms: frozenset[str] = frozenset()
    phrases: tuple[tuple[tuple[str, int], ...], ...] = ()
    prefixes: tuple[str, ...] = ()
    #: words matched as written (exact-word searches): unstemmed forms and prefixes
    exact: frozenset[str] = frozenset()
    exact_prefixes: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.terms or self.phrases or self.prefixes or self.exact or self.exact_prefixes)


def match_spans(text: str, marks: Marks) -> list[tuple[int, int]]:
    """Return the sorted, merged character spans of ``text`` that the query matched.

    Terms match anywhere; phrases only where their terms stand at the phrase's offsets
    (as the search matched them); prefixes match terms that start with them.
    """
    if not marks:
        return []
    terms, phrases, prefixes = marks.terms, marks.phrases, marks.prefixes
    # Look the query's terms up in the text's words rather than every word in the terms
    # (a long passage has a hundred words, a query a few).
    tokens, where = _analysed(text)
    spans = [span for t in terms for span in where.get(t, ())]
    if prefixes:
        spans += [(s, e) for word, _, s, e in tokens if word.startswith(prefixes) and word not in terms]
    if marks.exact or marks.exact_prefixes:
        exact, exact_prefixes = marks.exact, marks.exact_prefixes
        for s, e in _exact_tokens(text):
            word = normalise_word(text[s:e])
            if word in exact or (exact_prefixes and word.startswith(exact_prefixes)):
                spans.append((s, e))
    if phrases:
        by_pos: dict[int, list[tuple[str, int, int]]] = {}
        for word, pos, s, e in tokens:
            by_pos.setdefault(pos, []).append((word, s, e))
        for phrase in phrases:
            first = phrase[0][0]
            for word, pos, s, _ in tokens:
                if word != first:
                    continue
                end = _phrase_end(by_pos, pos, phrase)
                if end is not None:
                    spans.append((s, end))
    return _merge(spans, text)


@lru_cache(maxsize=4096)
def _analysed(text: str) -> tuple[tuple[tuple[str, int, int, int], ...], dict[str, tuple[tuple[int, int], ...]]]:
    """A stored text's analysed tokens (word, position, start, end), and each word's
    character spans (the same passages come back for many searches, and their titles
    on every hit)."""
    tokens = tuple((t.text, t.pos, t.startchar, t.endchar) for t in ANALYZER(text, positions=True, chars=True, mode="index"))
    where: dict[str, list[tuple[int, int]]] = {}
    for word, _, s, e in tokens:
        where.setdefault(word, []).append((s, e))
    return tokens, {word: tuple(spans) for word, spans in where.items()}


@lru_cache(maxsize=4096)
def _sentence_bounds(text: str) -> tuple[int, ...]:
    """Where the sentences of a stored text start, and its length."""
    return (0, *(m.end() for m in _SENTENCE_END.finditer(text)), len(text))


@lru_cache(maxsize=1024)
def _exact_tokens(text: str) -> tuple[tuple[int, int], ...]:
    """The character spans of a stored text's words as the ``exact`` field has them."""
    return tuple((t.startchar, t.endchar) for t in EXACT_ANALYZER(text, chars=True, mode="query"))


def _phrase_end(
    by_pos: dict[int, list[tuple[str, int, int]]], pos: int, phrase: Sequence[tuple[str, int]]
) -> int | None:
    end = None
    for word, offset in phrase:
        found = [e for w, _, e in by_pos.get(pos + offset, ()) if w == word]
        if not found:
            return None
        end = max(found)
    return end


def _merge(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Sort spans and join those that overlap or are separated only by spaces."""
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and (s <= merged[-1][1] or text[merged[-1][1] : s].isspace()):
            if e > merged[-1][1]:
                merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def segments(text: str, spans: list[tuple[int, int]], start: int = 0, end: int | None = None) -> list[Segment]:
    """Cut ``text[start:end]`` into plain and matched segments."""
    end = len(text) if end is None else end
    out: list[Segment] = []
    pos = start
    for s, e in spans:
        if e <= start or s >= end:
            continue
        s, e = max(s, start), min(e, end)
        if s > pos:
            out.append((text[pos:s], False))
        out.append((text[s:e], True))
        pos = e
    if pos < end:
        out.append((text[pos:end], False))
    return out


def highlight(text: str, marks: Marks) -> list[Segment]:
    """Return all of ``text`` with every match marked (for the item page)."""
    return segments(text, match_spans(text, marks))


def snippet(text: str, marks: Marks, maxchars: int = 280) -> list[Segment]:
    """Return the sentence of ``text`` that best matches, trimmed to about ``maxchars``.

    A short passage is shown whole. With no match in the text (the item title or
    committee matched instead), the opening of the text is shown.
    """
    spans = match_spans(text, marks)
    if len(text) <= maxchars:
        return segments(text, spans)
    start, end = _best_sentence(text, spans)
    if end - start > maxchars:
        first = next((s for s, _ in spans if s >= start), start)
        start = max(start, _word_start(text, first - maxchars // 4))
        end = min(end, _word_end(text, start + maxchars))
    out = segments(text, spans, start, end)
    if start > 0:
        out.insert(0, (ELLIPSIS, False))
    if end < len(text.rstrip()):
        _end_with_ellipsis(out)
    return out


def _end_with_ellipsis(out: list[Segment]) -> None:
    """Mark a snippet cut short: after a full stop (or ! ?) the sentence is complete and
    needs no ellipsis; a comma, semicolon or colon gives way to it (no ".…" or ",…")."""
    text, hit = out[-1]
    stripped = text.rstrip()
    if stripped.endswith((".", "!", "?")):
        return
    if not hit and stripped.endswith((",", ";", ":")):
        out[-1] = (stripped[:-1], False)
    out.append((ELLIPSIS, False))


def _best_sentence(text: str, spans: list[tuple[int, int]]) -> tuple[int, int]:
    """The sentence with the most distinct matched words, then the most matches (the
    first of equals; the first sentence when nothing matched)."""
    bounds = _sentence_bounds(text)
    inside: dict[int, list[str]] = {}
    for a, b in spans:
        inside.setdefault(bisect_right(bounds, a) - 1, []).append(text[a:b].lower())
    best, best_key = 0, (0, 0)
    for i in sorted(inside):
        key = (len(set(inside[i])), len(inside[i]))
        if key > best_key:
            best, best_key = i, key
    return bounds[best], len(text[: bounds[best + 1]].rstrip())


def _word_start(text: str, pos: int) -> int:
    pos = max(pos, 0)
    while 0 < pos < len(text) and not text[pos - 1].isspace():
        pos -= 1
    return pos


def _word_end(text: str, pos: int) -> int:
    while pos < len(text) and not text[pos].isspace():
        pos += 1
    return pos


def to_html(segs: Iterable[Segment]) -> str:
    """Render segments as escaped HTML with ``<mark>`` around matches."""
    return "".join(f"<mark>{html.escape(t)}</mark>" if m else html.escape(t) for t, m in segs)


def to_text(segs: Iterable[Segment]) -> str:
    """Render segments as plain text."""
    return "".join(t for t, _ in segs)
