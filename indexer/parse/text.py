"""Text hygiene: decode bytes robustly, normalise characters, split into lines.

Everything downstream sees text that went through :func:`normalise`: one kind of space,
straight quotes, no ligatures, no soft hyphens or zero-width characters, ``\\n`` line ends.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from .cues import cued

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)

# Characters a crawler or Word leaves behind, mapped to what a reader sees.
_TRANSLATE = {
    **{ord(c): " " for c in "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\x0b\x0c"},
    **{ord(c): None for c in "\u00ad\u200b\u200c\u200d\u2060\ufeff\x00"},
    ord("\u2018"): "'",
    ord("\u2019"): "'",
    ord("\u201a"): "'",
    ord("\u201b"): "'",
    ord("\u2032"): "'",
    ord("\u201c"): '"',
    ord("\u201d"): '"',
    ord("\u201e"): '"',
    ord("\u2033"): '"',
    ord("\u2010"): "-",
    ord("\u2011"): "-",
    ord("\u2212"): "-",
    ord("\ufb00"): "ff",
    ord("\ufb01"): "fi",
    ord("\ufb02"): "fl",
    ord("\ufb03"): "ffi",
    ord("\ufb04"): "ffl",
    ord("\ufb05"): "st",
    ord("\ufb06"): "st",
    # Word's Symbol/Wingdings bullets come out of PDFs as private-use characters.
    **{ord(c): "•" for c in "\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf0e0\uf06e\uf0a8"},
    ord("\u2028"): "\n",
    ord("\u2029"): "\n",
    ord("\x85"): "\n",
}
_SPECIAL = re.compile("[" + re.escape("".join(chr(c) for c in _TRANSLATE)) + "]")
_SPECIAL_PAIRS = tuple((chr(c), r or "") for c, r in _TRANSLATE.items())
# C0/C1 control characters other than newline become spaces (binary junk, form feeds).
_CONTROL = re.compile(r"[\x01-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
# UTF-8 read as cp1252 somewhere upstream ("Commissionerâ€™s").
_MOJIBAKE = re.compile("[\u00c2\u00c3\u00e2][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2122]")


def decode(data: bytes, declared: str | None = None) -> str:
    """Decode ``data``: BOM first, then strict UTF-8, then a declared charset, then cp1252.

    UTF-8 goes before the declared charset because pages often declare ISO-8859-1 while
    sending UTF-8, and valid UTF-8 is very unlikely to be anything else.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(enc, errors="replace")
    if declared is None:
        m = _META_CHARSET.search(data[:4096])
        if m:
            declared = m.group(1).decode("ascii", "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        enc = _codec(declared)
        if enc and enc not in ("utf-8", "utf_8"):
            try:
                return data.decode(enc)
            except (UnicodeDecodeError, LookupError):
                pass
    # cp1252 leaves five bytes undefined; fall back to Latin-1 for those.
    return "".join(
        chunk.decode("cp1252", errors="strict") if _is_cp1252(chunk) else chunk.decode("latin-1")
        for chunk in _split_undefined(data)
    )


def _codec(name: str) -> str | None:
    try:
        enc = codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None
    # Browsers treat Latin-1 labels as cp1252; so do we (curly quotes in 0x80-0x9f).
    return "cp1252" if enc in ("latin_1", "iso8859-1", "ascii") else enc


_CP1252_UNDEFINED = re.compile(rb"[\x81\x8d\x8f\x90\x9d]+")


def _split_undefined(data: bytes) -> list[bytes]:
    parts: list[bytes] = []
    pos = 0
    for m in _CP1252_UNDEFINED.finditer(data):
        parts.append(data[pos : m.start()])
        parts.append(m.group())
        pos = m.end()
    parts.append(data[pos:])
    return [p for p in parts if p]


def _is_cp1252(chunk: bytes) -> bool:
    return not _CP1252_UNDEFINED.fullmatch(chunk)


def normalise(text: str) -> str:
    """Return ``text`` with uniform spaces, quotes, ligatures and line ends."""
    if _MOJIBAKE.search(text):
        text = _fix_mojibake(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    if not text.isascii():
        # str.translate looks every character up in a dict; a test per special character and
        # str.replace for the few present run in C (no replacement is itself special, so the
        # order does not matter: the same text as _SPECIAL.sub(_replace_special, text)).
        for char, repl in _SPECIAL_PAIRS:
            if char in text:
                text = text.replace(char, repl)
        text = unicodedata.normalize("NFC", text)
    return _CONTROL.sub(" ", text)


def _replace_special(m: re.Match[str]) -> str:
    return _TRANSLATE[ord(m.group())] or ""


def _fix_mojibake(text: str) -> str:
    try:
        return text.encode("cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


_SPACES = re.compile(r"\s+")


def squash(text: str) -> str:
    """Collapse runs of whitespace to one space and strip the ends."""
    return " ".join(text.split())  # what _SPACES.sub(" ", text).strip() gives (\s is str.isspace), faster


# Bullet glyphs Word, browsers and PDF extractors produce at the start of a list line.
BULLET_GLYPHS = "•·▪▫■□●○◦‣⁃∙–—-*>§➢➤►▶✓✔o"
_BULLET = re.compile(r"^\s*([•·▪▫■□●○◦‣⁃∙➢➤►▶✓✔]|[-–—*](?=\s)|o(?=\s{2,}))\s*")
# Numbered/lettered/roman list markers: "1.", "1)", "(1)", "a)", "(a)", "(iv)", "iv."
_LIST_MARKER = re.compile(
    r"^\s*(\((?:\d{1,2}|[a-z]|[ivx]{1,5})\)\.?|(?:\d{1,2}|[a-z]|[ivx]{1,5})[.)])(?=\s)\s*(?=\S)"
)


def strip_bullet(text: str) -> tuple[str, str]:
    """Split a leading bullet glyph off ``text``: return (glyph, rest); glyph is '' if none."""
    m = _BULLET.match(text)
    if not m:
        return "", text
    return m.group(1), text[m.end() :]


def list_marker(text: str) -> tuple[str, str]:
    """Split a leading list marker ("1.", "(a)", "iv)") off ``text``: return (marker, rest)."""
    m = _LIST_MARKER.match(text)
    if not m:
        return "", text
    return m.group(1), text[m.end() :]


# Link text left in place by crawlers: "pdf icon PDF 238 KB", "PDF 27 KB", "(PDF, 132 KB)"; and the page
# reference a printed agenda puts after a title: "(Pages 5 - 12)".
RESIDUE_INLINE = re.compile(
    r"(?=[(pPdDxXrR])(?:(?:\(\s*)?(?:\bpdf\s+icon\s+)?\b(?:PDF|DOC|DOCX|XLS|XLSX|PPT|PPTX|RTF)\b,?\s*[\d.,]+\s*[KMG]B\b(?:\s*\))?"
    r"|\(\s*pages?\s+\d{1,4}(?:\s*[-–]\s*\d{1,4})?\s*\))",
    re.I,
)
RESIDUE_INLINE = cued(RESIDUE_INLINE)  # speed: most lines name no file type or page


# CMIS pages (any council's): a link's file type before its title and its size after it ("Pdf Minutes (64Kb)",
# "pdf Appendix A (18Kb)"). Cleaned from titles only: unlike "PDF 238 KB" it marks attachments as often as items.
# ModernGov's older document lists ("CeListDocuments", any council's) the same way: "5. word icon Initial
# Assessments [51kb]", "pdf icon Minutes [94kb]".
_FILE_LINK = re.compile(
    r"(?<![^\s\d.])pdf\s+(?=\w[^()]{0,120}\(\s*[\d.,]+\s*[KMG]b\s*\))|\(\s*[\d.,]+\s*[KMG]b\s*\)"
    r"|(?<![^\s\d.])(?:pdf|word|excel|powerpoint)\s+icon\s+(?=[^\[\]]{1,200}\[\s*[\d.,]+\s*[KMG]b\s*\])|\[\s*[\d.,]+\s*[KMG]b\s*\]",
    re.I,
)


_ICON_LINK_END = re.compile(r"(\[\s*[\d.,]+\s*[KMG]b\s*\])(?=.*\bicon\b).*$", re.I)


def _has_file_link(text: str) -> bool:
    return "b)" in text or "B)" in text or "b]" in text or "B]" in text


def strip_file_link(text: str) -> str:
    """Remove a CMIS link's file type and size ("3 pdf Minutes (64Kb)" → "3 Minutes"), nothing else."""
    if not _has_file_link(text):
        return text
    if _ICON_LINK_END.search(text):
        text = _ICON_LINK_END.sub(r"\1", text)  # "Title [51kb]- pdf icon Appendix A [27kb]": the item's paper, then its appendices
    return squash(_FILE_LINK.sub(" ", text))


def strip_residue(text: str) -> str:
    """Remove link residue such as "pdf icon PDF 238 KB" from a line and tidy spaces."""
    text = RESIDUE_INLINE.sub(" ", text)
    if _has_file_link(text):
        text = _FILE_LINK.sub(" ", text)
    return squash(text)


_WORD_SUB_BULLET = re.compile(r"^[o§Øq](?:\s{2,}|\t)(?=\S)")


@dataclass(slots=True)
class Line:
    """One non-blank source line: its text (stripped), indent, and blank lines before it."""

    text: str
    indent: int = 0
    gap: int = 0


def split_lines(text: str) -> list[Line]:
    """Split normalised ``text`` into non-blank :class:`Line` records."""
    out: list[Line] = []
    gap = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if not stripped:
            gap += 1
            continue
        indent = len(raw) - len(raw.lstrip())
        m = _WORD_SUB_BULLET.match(stripped)
        if m:  # Word's "o" and Wingdings "§"/"Ø" sub-bullets, only recognisable before squashing
            stripped = "◦ " + stripped[m.end() :]
        out.append(Line(squash(stripped) if "  " in stripped else stripped, indent, gap))
        gap = 0
    return out
