"""Acronyms defined in the archive's own text: "Long Form (ABBR)" pairs, mined at build time.

The algorithm is Schwartz and Hearst's ("A simple algorithm for identifying abbreviation
definitions in biomedical text", PSB 2003): find a short form in parentheses after a run
of words (or, less often, a long form in parentheses after a short form), take at most
``min(len(SF) + 5, 2 * len(SF))`` words before it as the candidate, and match the short
form's characters right to left against it, the first one at the start of a word. The
shortest long form that matches is kept.

Minutes define their bodies and schemes this way ("the Independent Office for Police
Conduct (IOPC)", "a Public Spaces Protection Order (PSPO)"); the pairs found are stored
with the index and searched as synonyms beside the curated glossary (:mod:`indexer.glossary`).
Only short forms that look like acronyms are kept (2 to 10 characters, starting with a
capital, with at least two capitals or digits), which leaves out "(see below)", "(2019)",
"(a)" and "(Chair)"; and long forms of at least two words whose last word gives the short
form's last letter. Two capitals after two capitalised words are a person's initials in an
attendance list, not an acronym, and are left out. A long form does not start at a
small word in lower case: the original algorithm takes "of the Police and Crime
Commissioner" from "the Office of the Police and Crime Commissioner (OPCC)".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from .analysis import STOP_WORDS
from .model import Document

#: A parenthesis with one or two words in it, and the text before it on the same line.
_PAREN = re.compile(r"\(([^()\n]{1,120})\)")
_SHORT_FORM = re.compile(r"^[A-Z][A-Za-z0-9&]{1,9}$")
_WORD = re.compile(r"\S+")
#: The candidate long form stops at a clause break (as in the original algorithm, which
#: stops at a sentence boundary): a full stop, semicolon, colon or another parenthesis.
_CLAUSE_BREAK = re.compile(r"[.;:()\[\]]\s|[;:()\[\]]")


def is_short_form(text: str) -> bool:
    """True for an acronym-like short form: "IOPC", "PCSOs", "S106", "HMICFRS"."""
    if not _SHORT_FORM.match(text):
        return False
    return sum(c.isupper() or c.isdigit() for c in text) >= 2


def best_long_form(short: str, candidate: str) -> str | None:
    """Schwartz and Hearst's matching: the shortest end of ``candidate`` whose letters
    spell ``short`` right to left, its first letter at the start of a word (see
    :func:`_word_start`); or None."""
    s = len(short) - 1
    i = len(candidate) - 1
    last_word = candidate.rfind(" ") + 1
    while s >= 0:
        c = short[s].lower()
        if not c.isalnum():
            s -= 1
            continue
        while i >= 0 and (candidate[i].lower() != c or (s == 0 and not _word_start(candidate, i))):
            i -= 1
        if i < 0 or (s == _last_alnum(short) and i < last_word):
            return None  # the last letter must come from the last word: not "Commissioner, A Name (PCC)"
        i -= 1
        s -= 1
    start = candidate.rfind(" ", 0, i + 1) + 1
    return candidate[start:].strip()


def _last_alnum(short: str) -> int:
    return max(i for i, c in enumerate(short) if c.isalnum())


def _word_start(text: str, i: int) -> bool:
    """True if a long form may start at ``i``: the start of a word that is not a small word
    in lower case ("of the Police and Crime Commissioner (OPCC)" is not a long form; the
    search goes on to "Office of the …")."""
    if i > 0 and text[i - 1].isalnum():
        return False
    word = text[i:].split(maxsplit=1)[0]
    return not (word.islower() and word.strip(",") in STOP_WORDS)


def _plural_free(short: str) -> str:
    return short[:-1] if short.endswith("s") and short[:-1].isupper() and len(short) > 2 else short


def find_pairs(text: str) -> Iterable[tuple[str, str]]:
    """Yield the (short form, long form) definitions in ``text``."""
    for m in _PAREN.finditer(text):
        inside = m.group(1).strip()
        before = text[: m.start()]
        # The candidate runs back to the last clause break before the parenthesis.
        breaks = list(_CLAUSE_BREAK.finditer(before))
        before = before[breaks[-1].end():] if breaks else before
        words = _WORD.findall(before)
        inner_words = inside.split()
        if len(inner_words) <= 2 and is_short_form(inner_words[0].strip(",")) and words:
            short = _plural_free(inner_words[0].strip(","))
            limit = min(len(short) + 5, 2 * len(short))
            long = best_long_form(short, " ".join(words[-limit:]))
        elif len(inner_words) > 2 and words and is_short_form(words[-1].strip(",")):
            short = _plural_free(words[-1].strip(","))  # "SF (long form)"
            long = best_long_form(short, inside)
        else:
            continue
        if long is None:
            continue
        long = long.strip(" ,\"'“”‘’")
        long_words = long.split()
        if len(long_words) < 2 or len(long) <= len(short) or short.lower() in long.lower().split():
            continue
        if len(short) == 2 and len(long_words) == 2 and all(w[:1].isupper() for w in long_words):
            continue  # initials after a name in an attendance list: "(AB)"
        yield short, long


def mine(doc: Document) -> Counter[tuple[str, str]]:
    """Count the acronym definitions in a parsed document's titles and passages."""
    found: Counter[tuple[str, str]] = Counter()
    for item in doc.items:
        found.update(find_pairs(item.title))
        for p in item.passages:
            found.update(find_pairs(p.text))
    return found
