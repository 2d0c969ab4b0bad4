"""Recurring agenda items: the key that ties "the same item at other meetings" together.

A committee takes the same business again and again: the precept each January, the
police and crime plan's delivery each quarter, the complaints report at every meeting.
Clerks title each occurrence a little differently ("Proposed Precept 2018/19", "Proposed
Precept 2019/20"; "Serious Violence - Update", "Serious Violence - Annual Update";
"Update on the Work Programme"), so items are grouped by a normalised title: its
stemmed words (the one analyzer, :mod:`indexer.analysis`) without years, dates, numbers,
quarters and the words that only say which occurrence it is (update, annual, draft, …).
Two items of one committee with the same key are one series.
"""

from __future__ import annotations

import re
from functools import cache

from .analysis import recording_stems, terms

#: Words that say which occurrence of recurring business an item is, not what it is.
#: Seen across council, panel and committee minutes alike: "… - Update", "Annual Report
#: …", "Draft … Plan", "Proposed Precept …", "Quarter 3 Performance".
OCCURRENCE_WORDS = (
    "update updates updated progress latest draft final proposed revised annual quarterly monthly "
    "quarter half year yearly interim mid first second third fourth"
)
MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
_NUMBERISH = re.compile(r"^(?:\d+(?:st|nd|rd|th)?|q[1-4]|[ivx]+)$")


def series_key(title: str) -> str:
    """Return the key a title's series is matched by ("" when nothing is left of it).

    >>> series_key("Police and Crime Commissioner - Proposed Precept 2019/20")
    'polic crime commission precept'
    """
    words = [w for w in terms(title) if not _dropped(w)]
    return " ".join(words)


@cache
def _drop() -> frozenset[str]:
    """The stems of the occurrence words and month names (stemmed on first use, so that
    importing this module does not load the stemmer)."""
    return frozenset(terms(OCCURRENCE_WORDS)) | frozenset(terms(MONTHS))


def series_stems() -> dict[str, str]:
    """The words series keys drop, with their stems, for an index's stem table (as
    :func:`indexer.synonyms.glossary_stems`): the table then holds them whichever build of
    the process first stemmed them."""
    with recording_stems() as stems:
        terms(OCCURRENCE_WORDS)
        terms(MONTHS)
    return dict(stems)


def _dropped(word: str) -> bool:
    return word in _drop() or bool(_NUMBERISH.match(word))
