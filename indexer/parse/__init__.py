"""Parse minute files (text, ModernGov HTML, PDF) into :mod:`indexer.model` records."""

from __future__ import annotations

from pathlib import Path

from ..model import Document

SUPPORTED_SUFFIXES = frozenset({".txt", ".text", ".htm", ".html", ".pdf"})


def parse_file(path: Path, source: str | None = None) -> Document:
    """Parse one minute file into a :class:`Document`.

    ``source`` is the name recorded for the file (defaults to ``str(path)``). Raises
    :class:`indexer.errors.ParseError` with a human reason when the file cannot be read.
    """
    raise NotImplementedError
