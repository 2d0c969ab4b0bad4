"""What item numbers, item titles and agenda blurbs look like, as a clerk would recognise them."""

from __future__ import annotations

import re

from .text import RESIDUE_INLINE, strip_residue

# "9.", "149", "39/20", "FC1/22", "PL.41", "4.1", "3.1.", "4(a)", "(a)", "A5", "12a", "Minute 67" – alone on a line.
# A compound minute reference of three or four parts, letters or digits, one part the running number:
# "23-24/FRA/1" (the year, the body, the minute), "1-0607/8" (the minute, the year), "M/140/2006" (fire
# authorities', parish and Northern Irish councils' registers, "M/140/2006:-" on its own line), "2019/3)" (the year,
# the minute: parish meetings), "LCSC/7/24-25" (the committee, the minute, the municipal year), "1/20/BC" (the
# minute, the year, the committee: town councils' committees); never a date ("12/03/2024") nor a planning
# application's reference ("22/01877/FUL").
_COMPOUND = (
    r"(?:\d{1,2}-\d{2,4}/[A-Z0-9]{1,5}(?:/\d{1,3})?|[A-Z]{1,2}/\d{1,4}/(?:19|20)\d{2}|(?:19|20)\d{2}/\d{1,3}\)"
    r"|[A-Z]{2,6}/\d{1,3}/\d{2}-\d{2}|\d{1,3}/\d{2}/[A-Z]{1,4})(?![\w/-])(?::-?)?"  # "LCSC/7/24-25", "1/20/BC"
)
ITEM_NUMBER = re.compile(
    r"^(?:" + _COMPOUND + r"|\d{3,5}/\d{2}/\d{2}|\d{2}/\d{2}:\d{2}|\d{1,3}[a-z]?(?:\.\d{1,2}){0,2}\.?|\d{1,3}\s?\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)\.?|\d{1,3}/\d{2,4}"
    r"|[A-Z]{1,4}\s?\d{1,3}(?:/\d{2,4}|\.\d{1,2})?\.?|[A-Z]{1,6}[./-]\d{1,3}(?:[/-]\d{2,4})?\.?"
    r"|(?:Minute|(?:Agenda\s+)?[Ii]tem|Min\.?)\s+(?:[Nn]o\.?\s*)?\d{1,3}(?:[/.]\d{1,4})?\.?"
    r"|\([a-z0-9]{1,3}\)|[a-z]\)|[IVX]{1,5}\.)$"  # "IV." (community and parish councils number in roman capitals)
)
# "11 Establishment of …", "5. PUBLIC QUESTIONS", "39/20 Apologies", "PL.3 Appeals", "Minute 67 Minutes":
# a number and a title on one line; a parish's register number may precede the agenda number
# ("C048/23   1.   APOLOGIES"): the first is the minute's number. Northern Irish councils prefix the
# committee's letters to the minute's number and year ("PC.041/24 APOLOGIES", "C.34/24"); town councils
# write "Min 145/23", "PC 45/24" or "Agenda Item 4: Budget". A planning committee's title may
# open with the application's reference ("PL.47 22/01234/FUL - Land at Mill Lane").
NUMBER_AND_TITLE = re.compile(
    r"^(" + _COMPOUND + r"|\d{3,5}/\d{2}/\d{2}|\d{2}/(?:1[3-9]|[2-9]\d)/\d{2}|\d{2}/\d{2}:\d{2}|\d{1,3}(?:\.\d{1,2})?\.?|\d{4}\.\d{1,3}|[A-Z]{1,4}\s\d{1,3}/\d{2,4}|\d{1,3}\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)\.?|\d{1,3}/\d{1,4}|[A-Z]{1,4}\d{1,3}/\d{2,4}|[A-Z]{1,2}\d{1,3}\.?"
    r"|[A-Z]{1,6}[/-]\d{1,3}(?:[/-]\d{2,4})?\.?|[A-Z]{1,6}\.\d{1,3}(?:/\d{2,4})?\.?|(?:Minute|Min\.?|(?:Agenda\s+)?[Ii]tem)\s+(?:[Nn]o\.?\s*)?\d{1,3}(?:/\d{2,4})?\.?|[IVX]{1,5}\.|[IVX]{1,5}(?=\s+[A-Z][A-Z'’&,()/ -]{3,}$)|\d{1,2}\)|\(\d{1,3}\)(?=\s+[A-Z][A-Z]))"
    r"(?:(?:\s*[-–—:])?\s+|(?<=\d)(?=[A-Z][a-z]|[A-Z]{3,}))(?:\d{1,3}\.?\s+)?(?=[A-Z(\"']|\d{1,4}/\d{2,6}/\w)(.+)$"  # "Item 5 – Apologies"; PDF text: "A1Declarations", "380/01APOLOGIES"
)
# (The first three forms: a minute's running register number with the meeting's month and year, "20311/05/24",
# the month, the year and the minute, "03/17/01" (Shetland community councils; a year above 12, so no
# "12/04/24" date), or the year, the meeting and the item, "24/08:01": Welsh town and Northern Irish district
# councils.)
_NUMBER_WORD = re.compile(r"^(?:Minute|(?:Agenda\s+)?Item|Min\.?)\s+(?:No\.?\s*)?", re.I)


def item_number(text: str) -> str:
    """The number of an item as printed, without a trailing dot or a "Minute"/"Item" prefix."""
    number = _NUMBER_WORD.sub("", text.strip()).removesuffix(":-").removesuffix(":").rstrip(".").strip()  # "M/140/2006:-"
    # "4)": parish minutes' "4) Apologies"; "(201)": district councils' printed minutes' "(201) APOLOGIES"
    m = re.fullmatch(r"\(?(\d{1,3})\)", number)
    if m:
        return m.group(1)
    return number[:-1] if number.endswith(")") and "(" not in number else number  # "2019/3)"


_ENDS_SENTENCE = re.compile(r"""[.:;,!]["')\]]*$""")
_ENDS_WITH_WORD = re.compile(r"\b(\w+)$")
_TRAILING_FUNCTION_WORDS = frozenset(
    "a an and or of to for in on at by with from as that which who his her their its our is was were be the".split()
)
# ("APPROVED the Minute.": a decision in capitals as Scottish bodies print them, its "DECISION" label lost.
# "Councillor Smith …" opens a sentence or an attendance line; "Councillor vacancies" is a title: the
# name's capital is matched case-sensitively)
_NOT_TITLE_START = re.compile(
    r"""^(?:that\b|resolved\b|unanimously\b|recommended\b|agreed\b|it\ was\b|(?-i:(?:APPROVED|NOTED|DECIDED)\ (?:the|that|to)\b)|note\b\s*:|venue\b|contact\b|
    date\b\s*:|time\b\s*:|place\b\s*:|start\b\s*:|finish\b\s*:|meeting\ (?:commenced|started|ended|closed|finished)\b|tel\b|email\b|present\b|also\ present|in\ attendance|also\ in\ attendance|
    officers?\ (?:in\ attendance|present)|members?\ present|committee\ members\ present|apologies\s*:|
    (?:county\ |district\ |borough\ )?councillors?\ (?-i:[A-Z])|cllrs?\.?\ (?-i:[A-Z])|mr\.?\ |mrs\.?\ |ms\.?\ |dr\.?\ )""",
    re.I | re.X,
)
_PAST_TENSE = re.compile(r"\b(?:was|were|had|has been|have been|would|did|declared|welcomed|received|noted|agreed)\b")

# How an agenda blurb (the purpose printed under a title) begins.
BLURB_START = re.compile(
    r"""^(?:To\ (?!date\b|be\b)[a-z]+\b | The\ report\ will\b | Members\ (?:are|will\ be|to)\b |
    All\ Members\b | Members\ of\ the\ public\ (?:wishing|are|may)\b | Any\ (?:member|Member)\b |
    (?:The|This)\ (?:[A-Z][\w'&-]*\ ){0,5}?(?:is|are|will|to|has\ been|may|shall)\ (?:asked|invited|requested|recommended|receive|consider|report|be\ presented|present|provide|note)\b |
    (?:Verbal|Oral)\ (?:[Uu]pdate|[Rr]eport)\b | Questions\ (?:should|must|may)\b | A\ total\ period\b |
    Guidance\ note\b | Notice\ of\ (?:any\ )?items?\ which\b | Following\ notification\b.{0,200}\bfor\ the\ (?:Panel|Committee)\ to\b |
    Purpose\ of\ (?:the\ )?report\b | This\ item\b | This\ report\b | Attached\b | Enclosed\b )""",
    re.X,
)


# the pages an agenda pack's item starts on, left at its title's end without brackets ("… Pages 7 to 18",
# "… 1 - 8"; bracketed "(Pages 5 - 12)" is link residue): a range going up, or "Page(s) N"
_PAGES_AT_END = re.compile(r"(?<=\S)\s+(?:(?i:pages?)\s+(?P<p>\d{1,3})(?:\s*(?:[-–]|to)\s*(?P<pto>\d{1,3}))?|(?P<from>\d{1,3})\s*[-–]\s*(?P<to>\d{1,3}))$")


def clean_title(text: str) -> str:
    """Strip link residue ("pdf icon PDF 238 KB") and surrounding punctuation. A heading's printed
    full stop ("PUBLIC QUESTIONS.") stays: titles are kept as printed, as people quoting them do."""
    title = strip_residue(text).strip(" |-–")
    page = _PAGES_AT_END.search(title)
    if page and (page.group("to") is None or int(page.group("to")) > int(page.group("from"))):
        title = title[: page.start()].rstrip()  # an agenda pack's page column: "Minutes of previous meeting Pages 7 to 18"
    if title.endswith(" :"):  # a heading over its sub-items, colon spaced off ("To consider the following reports :")
        title = title[:-2].rstrip()
    return title


def output_title(title: str) -> str:
    """An item's title as the index stores it. A heading in mixed case loses the full stop or semicolon
    that ends it ("Declarations of interest.", "To receive apologies;"), as the real excerpts' labels print
    such titles; a heading in capitals keeps its printed stop ("PUBLIC QUESTIONS."), as they print those.
    (Layout reads the title with its stop: the stop still tells a heading from a sentence there.)"""
    if title.endswith((".", ";")) and not title.endswith("..") and not title.isupper() and len(title) > 2:
        return title[:-1].rstrip()
    return title


def drop_numbered_stop(text: str) -> str:
    """A numbered heading in sentence case with a full stop ("3. Street trading policy review."): the
    number makes it a heading when it is short and has no verb; otherwise ``text`` unchanged."""
    body = text.rstrip()
    if not body.endswith(".") or body.endswith("..") or re.search(r"[.!?;:]\s", body[:-1]):
        return text
    if len(body.split()) > 8 or _PAST_TENSE.search(body) or _VERBISH.search(body):
        return text
    return body[:-1]


_VERBISH = re.compile(r"\b(?:is|are|be|will|shall|should|can|may|must|noted|asked|said|thanked|agreed|resolved)\b", re.I)
_SMALL_WORDS = frozenset("a an and as at by for from in into of on or the to with".split())


def heading_with_stop(text: str) -> bool:
    """True for a heading some clerks end with a full stop ("PUBLIC QUESTIONS.", "Declarations of
    Interest."): one stop at the end, none inside, in capitals or with its main words capitalised."""
    body = text.rstrip()[:-1]
    if not text.rstrip().endswith(".") or body.endswith(".") or re.search(r"[.!?;:]\s", body):
        return False
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", body)]
    if not words or len(words) > 20:
        return False
    if body.isupper():
        return True
    main = [w for w in words if w.lower() not in _SMALL_WORDS]
    return bool(main) and sum(1 for w in main if w[0].isupper()) >= 0.75 * len(main) and len(words) <= 12


def is_title_like(text: str, strict: bool = True) -> bool:
    """True if ``text`` could be an agenda item title.

    ``strict`` (used where no number marks the item) also rejects lines ending in a
    function word and lines in the past tense, which are wrapped or reported sentences.
    """
    had_residue = bool(RESIDUE_INLINE.search(text))
    t = clean_title(text)
    if t.endswith(".") and heading_with_stop(t):
        t = t[:-1].rstrip()  # a heading's printed stop ("PUBLIC QUESTIONS.") does not make it a sentence
    if not t or len(t) > 200:
        return False
    words = t.split()
    if len(words) > (30 if had_residue or not strict else 22):
        return False  # a number or link marking the line lets an agenda's long wording be its title
    first = t[0]
    if not (first.isupper() or first.isdigit() or first in "\"'"):
        return False
    if _ENDS_SENTENCE.search(t) and not had_residue:
        return False
    if _NOT_TITLE_START.match(t):
        return False
    if strict:
        m = _ENDS_WITH_WORD.search(t)
        if m and m.group(1).lower() in _TRAILING_FUNCTION_WORDS and not t.isupper():
            return False
        if _PAST_TENSE.search(t) and not had_residue and not t.isupper():
            return False
    return True


# "Report of the Chief Executive on …", "Update on the precept": a blurb when it reads as
# a sentence, but as often the item's own title ("Update on the precept"), so only then.
_REPORT_START = re.compile(r"^(?:Report|Reports|Paper|Presentation|Update|Verbal [Uu]pdate|Oral [Uu]pdate|Verbal [Rr]eport) (?:of|from|by|on)\b")


def is_blurb(text: str) -> bool:
    """True if ``text`` reads like an agenda blurb: the purpose of an item, not its minutes."""
    if BLURB_START.match(text):
        return True
    stripped = text.rstrip()
    return bool(_REPORT_START.match(stripped)) and (stripped.endswith((".", ":")) or len(stripped.split()) > 16)


# Where a title run together with its blurb ends ("Public Participation To receive questions…").
_TITLE_END = re.compile(
    r"""\s(?=(?:To\ (?!date\b|be\b)[a-z]+\b | Members\ (?:are|will|to|should|must|may)\b | All\ Members\b |
    (?:The|This)\ [^.|]{0,80}?\b(?:is|are|to|will|has|have|may|shall|should|must)\b\ [a-z] |
    Report\ (?:of|from|by)\b | (?:Report|Reports|Papers?)\ attached\b | See\ attached\b | \d{1,2}\.\ [A-Z] | \(?[a-z]\)\ [A-Z] | Following\ [a-z] | Questions\ (?:should|must)\b | Notice\ of\ (?:any\ )?items?\ which\b ))""",
    re.X,
)


def split_title_blurb(text: str) -> tuple[str, str]:
    """Split a flattened "Title blurb…" run into (title, blurb)."""
    m = RESIDUE_INLINE.search(text)
    if m:
        head, rest = text[: m.start()], text[m.end() :]
        if head.strip():
            return clean_title(head), rest.strip()
    for m in _TITLE_END.finditer(text):
        if m.start() > 0:
            head = text[: m.start()]
            if len(head.split()) >= 1:
                return clean_title(head), text[m.end() :].strip()
    return clean_title(text), ""
