"""Features of each line for the line labeller: layout, shape and a small fixed vocabulary.

A feature never holds a raw word of the document except those of :data:`VOCAB` (words any
clerk's minutes use: structure, months, weekdays, body types), so a model trained on real
minutes holds no sentence, name or place of them: only shapes, flags and those words.

Each line gets its own features plus a subset of its neighbours' (prefixed ``-1:``, ``+1:``,
``-2:``, ``+2:``), as GROBID's line models do.
"""

from __future__ import annotations

import re

from .. import meta
from ..blocks import CHROME, PAGE_TYPE, is_residue_line, label_of
from ..text import RESIDUE_INLINE, Line, list_marker, strip_bullet
from ..titles import ITEM_NUMBER, NUMBER_AND_TITLE, is_blurb, is_title_like
from .segment import repeats

#: The only words that appear in features as themselves.
VOCAB = frozenset(
    """minutes minute resolved resolution resolutions recommended recommendation agreed apologies absence
    declarations declaration interest interests item items agenda meeting held present attendance chair
    chairman chairwoman chairperson vice councillor councillors cllr report reports update questions question
    public panel committee sub-committee subcommittee council cabinet board authority forum commission executive
    date time venue place contact page pages pdf kb that noted received receive consider exempt business urgent
    previous confirmed signed welcome introductions close closed next substitutes substitute notes action
    actions decision decisions documents document additional supporting appendix annex share view pack part
    open session hearing application applications planning precept plan budget membership announcements
    order members member officers officer commissioner police crime fire scrutiny annual general special
    extraordinary any other matters arising record proceedings summary purpose recommendations note
    am pm at on of the to and in for by with from
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    monday tuesday wednesday thursday friday saturday sunday""".split()
)

_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")
_SHAPE_SUBS = ((re.compile(r"[A-Z]"), "X"), (re.compile(r"[a-z]"), "x"), (re.compile(r"\d"), "d"))
_REPEATS = re.compile(r"(.)\1+")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_TIME = re.compile(r"\b\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)", re.I)
_SENTENCE = re.compile(r"[a-z]{2}[.!?]\s+[A-Z]")
_DECISION = re.compile(r"^(?:UNANIMOUSLY\s+|Unanimously\s+)?(?:RESOLVED|Resolved|RECOMMENDED|AGREED)\b")
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?[-–(]?\s*\d{1,4}\s*[-–)]?(?:\s*(?:of|/)\s*\d{1,4})?$|^[ivxlc]{1,6}$", re.I)
_LEAD_NUMBER = re.compile(r"^(?:(?:Minute|Item|Min\.?)\s+(?:No\.?\s*)?)?[A-Z]{0,6}[./-]?(\d{1,3})\b")
_PRINTED = re.compile(r"^(?:minutes?|record)\s+of\b.{0,300}\bheld\b", re.I)


_SHAPE_TABLE = str.maketrans(
    {**{c: "X" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}, **{c: "x" for c in "abcdefghijklmnopqrstuvwxyz"}, **{c: "d" for c in "0123456789"}}
)


def shape(token: str) -> str:
    """A token's shape with runs collapsed: "Apologies" → "Xx", "39/20" → "d/d", "(a)" → "(x)"."""
    return _REPEATS.sub(r"\1", token[:12].translate(_SHAPE_TABLE))


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return f">{edges[-1]}"


def _ratio(x: float) -> str:
    return "0" if x == 0 else "lo" if x < 0.25 else "mid" if x < 0.6 else "hi" if x < 1 else "all"


#: Lines with more words than this are paragraphs: only their opening is read (speed: most of a
#: document's text is in them, and no title, date line or heading is this long).
LONG = 30


def own_features(line: Line, index: int, total: int, repeat: int) -> list[str]:
    """The features of one line on its own (no neighbours)."""
    t = line.text
    words = t.split(None, LONG + 1)
    long = len(words) > LONG
    head = t[:240]
    f = [
        "w:" + _bucket(len(words), (1, 2, 3, 5, 8, 12, 20, LONG)),
        "g:" + _bucket(line.gap, (0, 1, 2)),
        "in" if line.indent else "noin",
        "pos:" + _bucket(index, (0, 1, 2, 3, 5, 9, 19, 49)),
        "end:" + _bucket(total - 1 - index, (0, 1, 3)),
        "rep:" + _bucket(repeat, (1, 2)),
        "f:" + shape(words[0]),
        "l:" + shape(t.rsplit(None, 1)[-1]),
        "c0:" + (t[0] if not t[0].isalnum() else "A" if t[0].isupper() else "a" if t[0].isalpha() else "9"),
        "cz:" + (t[-1] if not t[-1].isalnum() else "a" if t[-1].isalpha() else "9"),
    ]
    found = _WORD.findall(head)
    if found:
        f.append("caps:" + _ratio(sum(1 for w in found if w.isupper()) / len(found)))
    lower = [w.lower() for w in found]
    long_words = [w for w in found if len(w) > 3]
    if long_words:
        f.append("tc:" + _ratio(sum(1 for w in long_words if w[0].isupper()) / len(long_words)))
    if lower and lower[0] in VOCAB:
        f.append("w0=" + lower[0])
    if len(lower) > 1 and lower[1] in VOCAB:
        f.append("w1=" + lower[1])
    f.extend("v=" + w for w in sorted(set(lower[:40]) & VOCAB))
    m = NUMBER_AND_TITLE.match(head)
    if m:
        f.append("numtitle")
        f.append("ns:" + shape(m.group(1)))
        if not long and is_title_like(m.group(2)):
            f.append("numtitle_tl")
    if list_marker(head)[0]:
        f.append("listmark")
    if strip_bullet(head)[0]:
        f.append("bullet")
    name = label_of(head)[0]
    if name:
        f.append("label:" + name)
    if _DECISION.match(head):
        f.append("decision")
    if is_blurb(head if long else t):
        f.append("blurb")
    if _SENTENCE.search(head):
        f.append("sentence")
    if _YEAR.search(head):
        f.append("year")
        if meta.parse_date(head):
            f.append("date")
    low = head.lower()
    if ("am" in low or "pm" in low or "a.m" in low or "p.m" in low) and _TIME.search(head):
        f.append("time")
    if _PRINTED.match(t[:400]):
        f.append("printedhead")
    residue = bool(RESIDUE_INLINE.search(head))
    if residue:
        f.append("resinline")
    if long:
        f.append("long")
        return f
    # short lines: the shapes of titles, numbers, header lines and residue
    if ITEM_NUMBER.match(t):
        f.append("itemnum")
    if "date" in f:
        if meta.is_date_line(t):
            f.append("dateline")
        if meta.starts_with_date(t):
            f.append("datestart")
    if meta.is_committee_line(t):
        f.append("bodyline")
    if meta.header_meeting(t):
        f.append("hdrmeeting")
    if meta.item_meeting_line(t):
        f.append("itemmeeting")
    if meta.meeting_of_line(t):
        f.append("meetingof")
    if is_residue_line(t):
        f.append("resline")
    if CHROME.match(t):
        f.append("chrome")
    if PAGE_TYPE.match(t):
        f.append("pagetype")
    if _PAGE_NUMBER.match(t):
        f.append("pagenum")
    # is_title_like is False for a line opening in lower case or ending a sentence without link
    # residue; checking that first saves its cost on most lines of minutes
    if (t[0].isupper() or t[0].isdigit() or t[0] in "\"'|-–") and (residue or t[-1] not in ".:;,!"):
        if is_title_like(t):
            f.append("title")
        elif is_title_like(t, strict=False):
            f.append("title_loose")
    return f


# Own features also given to the neighbours (the vocabulary bag and positions stay on the line itself).
_SHARED = ("r=", "w:", "g:", "c0:", "cz:", "caps:", "itemnum", "numtitle", "date", "bodyline", "hdrmeeting", "resline",
           "resinline", "label:", "decision", "blurb", "title", "sentence", "listmark", "bullet", "pagenum", "w0=", "chrome")
_NEAR = ("r=", "itemnum", "numtitle", "label:", "title", "blurb", "resline", "w:")


def _number_value(text: str) -> int | None:
    m = _LEAD_NUMBER.match(text)
    return int(m.group(1)) if m else None


def doc_features(lines: list[Line], rules: list[str] | None = None) -> list[list[str]]:
    """The feature lists of every line of a document, neighbours included; ``rules`` (one label a
    line, "" for none) is what the rule layout made of each line."""
    total = len(lines)
    reps = repeats(lines)
    own = [own_features(ln, i, total, reps[i]) for i, ln in enumerate(lines)]
    if rules:
        for fs, r in zip(own, rules):
            fs.append("r=" + (r or "none"))
    shared = [[x for x in fs if x.startswith(_SHARED)] for fs in own]
    near = [[x for x in fs if x.startswith(_NEAR)] for fs in own]
    # numbering in sequence: this line's leading number is one more than the last numbered item-like line's
    last: int | None = None
    seq = [False] * total
    for i, fs in enumerate(own):
        if "itemnum" in fs or "numtitle" in fs:
            v = _number_value(lines[i].text)
            if v is not None:
                seq[i] = last is not None and v == last + 1
                last = v
    # a numbered line in a list a sentence introduced ("… subject to the following conditions:")
    listed = [False] * total
    lead = ""
    for i, fs in enumerate(own):
        numbered = "numtitle" in fs or "listmark" in fs or "itemnum" in fs
        if not numbered:
            lead = lines[i].text
        listed[i] = numbered and lead.rstrip().endswith((":", ":-"))
    out = []
    for i in range(total):
        fs = ["bias"] + own[i]
        if seq[i]:
            fs.append("numseq")
        if listed[i]:
            fs.append("listed")
        if i == 0:
            fs.append("BOD")
        else:
            fs += ["-1:" + x for x in shared[i - 1]]
            if i > 1:
                fs += ["-2:" + x for x in near[i - 2]]
        if i == total - 1:
            fs.append("EOD")
        else:
            fs += ["+1:" + x for x in shared[i + 1]]
            if i + 2 < total:
                fs += ["+2:" + x for x in near[i + 2]]
        out.append(fs)
    return out


__all__ = ["VOCAB", "shape", "own_features", "doc_features"]
