"""PDF minutes → text → :class:`RawDoc`, via pypdf.

A PDF's text comes out page by page with hard line ends, running headers and footers,
page numbers and words hyphenated across lines. This module removes the furniture,
rejoins wrapped lines into paragraphs and hands the result to :mod:`.layout`, which reads
it like any other minutes text.
"""

from __future__ import annotations

import io
import logging
import re
import warnings as _warnings
from collections import Counter

from ..errors import ParseError
from .ir import RawDoc
from .layout import layout_text
from .lines import relayout
from .printed import join, joins
from .text import normalise

_PAGE_NUMBER = re.compile(r"^(?:page\s+)?[-–(]?\s*\d{1,4}\s*[-–)]?(?:\s*(?:of|/)\s*\d{1,4})?$|^[ivxlc]{1,6}$", re.I)
_DIGITS = re.compile(r"\d+")

# pypdf logs warnings for every malformed object; a damaged PDF is reported once, by us.
logging.getLogger("pypdf").setLevel(logging.ERROR)


def layout_pdf(data: bytes, name: str) -> RawDoc:
    """Lay out the text of a PDF as a :class:`RawDoc`; raise ParseError if it has none."""
    with _warnings.catch_warnings():
        # pypdf warns about every oddity of a damaged file; what matters is reported as ParseError
        _warnings.simplefilter("ignore")
        pages, warnings = extract_pages(data, name)
    text = pages_to_text(pages)
    if not re.search(r"[^\W\d_]{2,}", text):
        raise ParseError(name, "no text in PDF (a scanned image?)")
    doc = relayout(layout_text(text), text)  # the line labeller for the kinds it reads better (.lines)
    doc.warnings.extend(warnings)
    return doc


def extract_pages(data: bytes, name: str) -> tuple[list[list[str]], list[str]]:
    """Return the text lines of each page and any warnings about unreadable pages."""
    try:
        from pypdf import PdfReader
        from pypdf.errors import FileNotDecryptedError, PdfReadError
    except ImportError:  # pragma: no cover - pypdf is a declared dependency
        raise ParseError(name, "PDF support is not installed (pypdf)") from None
    if not data.lstrip()[:5] == b"%PDF-" and b"%PDF-" not in data[:1024]:
        raise ParseError(name, "not a PDF file (bad header)")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception:
                ok = 0
            if not ok:
                raise ParseError(name, "encrypted PDF (a password is needed to read it)")
        pages = list(reader.pages)
    except ParseError:
        raise
    except FileNotDecryptedError:
        raise ParseError(name, "encrypted PDF (a password is needed to read it)") from None
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError, RecursionError) as exc:
        raise ParseError(name, f"damaged PDF ({type(exc).__name__})") from None
    except Exception as exc:  # pypdf raises a wide variety of errors on broken files
        raise ParseError(name, f"damaged PDF ({type(exc).__name__})") from None
    if not pages:
        raise ParseError(name, "PDF has no pages")
    out: list[list[str]] = []
    warnings: list[str] = []
    for number, page in enumerate(pages, 1):
        try:
            raw = page.extract_text() or ""
        except Exception as exc:  # one bad page should not lose the rest
            warnings.append(f"page {number}: text could not be extracted ({type(exc).__name__})")
            raw = ""
        out.append([ln.strip() for ln in normalise(raw).split("\n")])
    return out, warnings


def pages_to_text(pages: list[list[str]]) -> str:
    """Join pages into paragraphs separated by blank lines, without running headers/footers."""
    pages = [[ln for ln in page if ln] for page in pages]
    furniture = _running_lines(pages)
    lines: list[str] = []
    for page in pages:
        body = [ln for k, ln in enumerate(page) if not _is_furniture(ln, k, len(page), furniture)]
        lines.extend(body)
    return "\n\n".join(_paragraphs(lines))


def _key(line: str) -> str:
    return _DIGITS.sub("#", " ".join(line.lower().split()))


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Lines that head or foot most pages (after numbers are masked): "Page # of #", titles."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for page in pages:
        edge = set(_key(ln) for ln in page[:3] + page[-3:])
        counts.update(edge)
    need = max(2, (len(pages) + 1) // 2)
    return {k for k, c in counts.items() if c >= need}


def _is_furniture(line: str, index: int, length: int, running: set[str]) -> bool:
    at_edge = index < 3 or index >= length - 3
    if at_edge and _key(line) in running:
        return True
    return at_edge and bool(_PAGE_NUMBER.match(line))


def _paragraphs(lines: list[str]) -> list[str]:
    """Rejoin hard-wrapped lines: a line filling the measure continues on the next."""
    if not lines:
        return []
    lengths = sorted(len(ln) for ln in lines)
    measure = lengths[int(len(lengths) * 0.9) - 1 if len(lengths) >= 10 else -1]
    out: list[str] = []
    current = lines[0]
    for prev, line in zip(lines, lines[1:]):
        if joins(prev, line, measure):
            current = join(current, line)  # "organi-" + "sation"
        else:
            out.append(current)
            current = line
    out.append(current)
    return out
