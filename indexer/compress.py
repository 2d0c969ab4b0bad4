"""Compact storage of passage text: zlib with a preset dictionary of minutes language.

A passage is a few hundred bytes, too short for zlib to find much to reuse on its own.
Seeded with a dictionary of the phrases minutes repeat ("the Police and Crime
Commissioner", "In response to questions", "RESOLVED that"), it stores about half the
bytes. The dictionary is part of the index format: changing it makes existing indexes
stale (see :data:`indexer.schema.INDEX_FORMAT`).

Regenerate the dictionary (from the bundled corpus) with ``python -m indexer.compress``.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections import Counter
from collections.abc import Iterable
from importlib.resources import files

DICTIONARY_FILE = "minutes.zdict"
ZDICT: bytes = (files("indexer") / DICTIONARY_FILE).read_bytes()
#: Identifies the dictionary in the index format string.
ZDICT_ID = hashlib.sha1(ZDICT).hexdigest()[:8]

_WORDS = re.compile(r"\S+")


def pack_text(text: str) -> bytes:
    """Compress ``text`` with the minutes dictionary."""
    # A copy of a compressor that has already taken in the dictionary: loading the
    # dictionary again for every passage costs more than compressing the passage.
    c = _PRIMED.copy()
    return c.compress(text.encode("utf-8")) + c.flush()


# memLevel 4: as small as level 6 output gets here, and a fraction of the set-up cost
_PRIMED = zlib.compressobj(6, zlib.DEFLATED, -15, 4, zlib.Z_DEFAULT_STRATEGY, ZDICT)


def unpack_text(data: bytes) -> str:
    """Decompress what :func:`pack_text` produced."""
    d = zlib.decompressobj(-15, zdict=ZDICT)
    return (d.decompress(data) + d.flush()).decode("utf-8")


def train_dictionary(texts: Iterable[str], size: int = 16 * 1024) -> bytes:
    """Build a preset dictionary from sample passages: their most valuable word n-grams.

    A phrase's value is how many bytes it could save (length × occurrences). The most
    valuable phrases go last, where zlib reaches them with the shortest distances.
    """
    counts: Counter[str] = Counter()
    for text in texts:
        words = _WORDS.findall(text)
        for n in (1, 2, 3, 4, 5):
            for i in range(len(words) - n + 1):
                counts[" ".join(words[i : i + n])] += 1
    ranked = sorted(((len(p) * c, p) for p, c in counts.items() if c > 2 and len(p) > 3), reverse=True)
    chosen: list[str] = []
    used = 0
    for _, phrase in ranked:
        if any(phrase in longer for longer in chosen[-200:]):
            continue
        if used + len(phrase) + 1 > size:
            break
        chosen.append(phrase)
        used += len(phrase.encode("utf-8")) + 1
    return " ".join(reversed(chosen)).encode("utf-8")[:size]


def _main() -> None:  # pragma: no cover - a maintenance command
    from pathlib import Path

    from .build import find_sources
    from .parse import parse_file

    root = Path(__file__).parent.parent / "corpus"
    texts = [p.text for path in find_sources(root) for item in parse_file(path).items for p in item.passages]
    out = Path(__file__).parent / DICTIONARY_FILE
    out.write_bytes(train_dictionary(texts))
    print(f"wrote {out} ({out.stat().st_size} bytes) from {len(texts)} passages")


if __name__ == "__main__":  # pragma: no cover
    _main()
