"""Blocks of one item → passages with sections, and the item's decisions.

Reads an item the way a clerk does: the agenda blurb (summary) comes before "Minutes:";
a presentation is introduced and its points listed; questions and answers follow
"In response to questions…"; decisions follow "RESOLVED"; apologies, declarations and
the like are procedural.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .cues import cued
from .blocks import mark_headings
from .ir import BULLET, HEADING, LABEL, LABEL_DECISION, LABEL_DOCS, LABEL_MINUTES, PARA, POINT, ROW, Block, RawItem
from .titles import is_blurb

# --- what sections look like -----------------------------------------------------------

RESOLUTION_LEAD = re.compile(
    r"^(?:(?i:it\s+was\s+(?:therefore\s+|further\s+)?)|(?:The|the)\s+(?:Panel|Committee|Sub-Committee|Council|Cabinet|Board|Authority)\s+)?"
    r"(?:(?i:unanimously|further|accordingly|therefore|then)\s+)?"
    # Welsh bodies print the Welsh word first: "PENDERFYNWYD / RESOLVED:"
    r"(?P<word>(?:PENDERFYNWYD|Penderfynwyd)(?:\s*/\s*(?:RESOLVED|Resolved))?"
    r"|RESOLVED|Resolved|resolved|AGREED|Agreed|RECOMMENDED|Recommended|DECIDED|Decided|DECISION|Decision)"
    r"(?:\s*\((?:unanimously|by\s+[^)]{1,40})\))?"
    r"(?P<sep>\s*(?:[:;,.–—-]+\s*)*)(?=$|[Tt]hat\b|[Tt]o\b|not\s+[a-z]|\(\w{1,4}\)|\d{1,2}[.)]|[A-Z(\"'])",
)
# "3.3 ", "12.1." before a paragraph: printed minutes numbering each paragraph of a minute (PDF text)
_PARAGRAPH_NUMBER = re.compile(r"^\d{1,3}\.\d{1,3}\.?\s+(?=[A-Z])")


def _without_paragraph_number(text: str) -> str:
    m = _PARAGRAPH_NUMBER.match(text)
    return text[m.end() :] if m else text


# (Scottish boards' "… since the last meeting. DECISION NOTED." in PDF text whose lines ran together)
_SPLIT_BEFORE_LEAD = re.compile(r"(?<=[.!?])\s+(?=(?:UNANIMOUSLY\s+)?RESOLVED\b|Resolved\s*[:–—-]|RECOMMENDED\b|DECISION\s+[A-Z]{4})")
_SPLIT_BEFORE_LEAD = cued(_SPLIT_BEFORE_LEAD)
_THAT = re.compile(r"^(?:that|to)\b", re.I)
_LEADING_MARKER = re.compile(r"^\(?(?:\d{1,2}|[a-z]|[ivx]{1,5})[.)]\s+")
# "That the update be noted.", "That … the public be excluded from the meeting": a decision
# whose "RESOLVED" was lost. Any passive ("be noted", "be asked", "be given") will do.
_IMPLICIT_THAT = re.compile(
    r"^That\b.{0,400}?\b(?:be|is|are)\s+(?:\w+\s+){0,2}?"
    r"(?:\w+ed|made|given|taken|sent|held|brought|put|set|kept|written|undertaken|drawn|shown|known|chosen)\b",
    re.S,
)
# "RESOLVED: The Officer gave a verbal update…": narrative under a misplaced label, not a decision.
_NARRATIVE = re.compile(
    r"^(?:The|A|An)\s+[\w ,'()-]{0,80}?\b(?:gave|explained|reported|advised|informed|presented|introduced|said|stated|outlined|provided)\b"
)
_IMPLICIT = (
    # the minutes of a previous meeting approved
    re.compile(
        r"(?:\bminutes|\b(?-i:Minute))\b[^.]{0,250}?\b(?:were|was)\s+(?:\w+\s+){0,3}?"  # Scottish bodies: "The Minute of …"
        r"(?:agreed|confirmed|approved|signed|accepted|adopted)\b",
        re.I,
    ),
    # "… and after discussion it was resolved that the grant be paid": a decision told mid-sentence
    re.compile(r"\bit\s+was\s+(?:unanimously\s+|further\s+)?resolved\s+(?:that|to)\b", re.I),
    # the minutes approved the other way round ("The meeting agreed the minutes as a correct record")
    re.compile(r"\b(?:meeting|members|council|committee|panel)\s+(?:unanimously\s+)?(?:agreed|approved|accepted)\s+(?:that\s+)?the\s+minutes\b", re.I),
    # a motion moved and seconded, as parish and community councils record their decisions
    re.compile(r"\b(?:proposed|moved)\s+by\b.{0,120}?\bseconded\s+by\b.{0,120}?\bthat\b.{0,300}?\bbe\s+(?:\w+ed|given|taken|made)\b", re.I | re.S),
        # a vote taken
    re.compile(r"\b(?:named\s+|recorded\s+|card\s+)?vote\s+was\s+(?:taken|held|carried)\b", re.I),
    # an appointment or election made
    re.compile(r"\b(?:was|were)\s+(?:duly\s+|unanimously\s+)?(?:re-?)?(?:appointed|elected)\s+(?:as\s+)?(?:the\s+)?(?:(?:Vice|Deputy)[- ]?)?Chair", re.I),
    # the body agreed, as a main clause ("Following a request… the Committee agreed that item 9 be heard first")
    re.compile(
        r"(?:^|[.,;:]\s+|\b(?:discussion|suggestion|request|debate)\b[^.]{0,60}?\s)"
        r"(?:the\s+)?(?:Panel|Committee|Council|Cabinet|Board|Sub-Committee|Members)\s+(?:unanimously\s+)?agreed\b"
        r"(?:,[^,.]{0,80},)?\s*(?:that|to)\b",
        re.I,
    ),
    # the minutes approved in a clause without a subject: "Agreed as a correct record." (joint committees, parish
    # and town councils under a "Minutes of the previous meeting" heading)
    cued(re.compile(r"(?:^|[.;]\s+)(?:Agreed|Approved|Confirmed|Accepted|Adopted)(?:\s+and\s+signed)?\s+as\s+(?:a\s+)?(?:correct|true|accurate)\s+record\b", re.I)),
    # something agreed or approved, not "it was agreed that …" (an intention)
    re.compile(r"\b(?!it\b|It\b)\w+\s+(?:were|was)\s+(?:unanimously\s+)?(?:agreed|approved|adopted|endorsed)\b(?!\s+(?:that|to)\b)"),
)
_NOT_IMPLICIT = re.compile(r"\b(?:recommended|proposed|suggested|asked)\s+that\b[^.]*\bagreed\b|\bit\s+was\s+agreed\b", re.I)

PRESENTATION = re.compile(
    r"(?=[pPiIoOsSgGrRcChHfFkKtTaAmM])\b(?:presentations?|presented|(?:introduced|outlined|summarised)\s+(?:the|this|his|her|their|a)\s+(?:report|item|update|paper|plan|proposals?)|"
    r"gave\s+(?:an?\s+)?(?:verbal\s+|brief\s+|short\s+)?(?:update|overview|report|summary)|"
    r"provided\s+(?:an?\s+)?(?:verbal\s+|brief\s+)?(?:update|overview|summary|introduction)|"
    r"(?:received|considered)\s+(?:an?\s+|the\s+)?(?:verbal\s+|written\s+|brief\s+|draft\s+)?(?:copy\s+of\s+)?(?:report|update|overview|paper)|"
    r"highlight(?:ed|ing)\s+the\s+following|following\s+key\s+points|key\s+points\s+(?:were|included)|"
    r"(?:the\s+)?report\s+(?:set\s+out|provided|highlighted|contained|detailed|outlined)|an\s+overview\s+(?:of|was)|"
    r"(?:Members|the\s+Panel|the\s+Committee)\s+heard\s*:)",
    re.I,
)
QUESTIONS = re.compile(
    r"(?=[iIqQaAeEmMtTcCrRAa])\b(?:in\s+(?:response|reply|answer)\s+to\s+(?:a\s+|the\s+|further\s+|members'?\s+|Members'?\s+)?(?:questions?|queries|query)|"
    r"questions?\s+(?:from|by|were\s+asked|raised)|(?:asked|enquired)\s+(?:about|whether|if|how|what|why|when|for)|queried|"
    r"(?:Members|the\s+Panel|Councillors?)\s+(?:asked|questioned|queried)|question(?:ed|s)\s+(?:and\s+answers?|the)|"
    r"\b(?:replied|responded)\s+(?:that|to)\b|^Q\d{1,3}\b|^A\d{1,3}\b)",
    re.I,
)
PROCEDURAL = re.compile(
    r"(?=[aAjJlLwWiIdDnNtTsSmMoOpPrReE])\b(?:apolog(?:y|ies)\s+(?:for\s+absence\s+)?(?:were|was|had\s+been)\s+(?:received|submitted|noted|given|tendered)|"
    r"apologies\s+(?:were\s+)?(?:received|noted)\s+from|joined\s+the\s+meeting|left\s+the\s+meeting|arrived\s+(?:at|late)|"
    r"(?:was|were)\s+in\s+attendance|in\s+attendance\s+as|declared\s+(?:an?\s+|no\s+|any\s+|the\s+following\s+)?(?:\w+\s+){0,2}interests?|"
    r"declarations?\s+of\s+interests?\s+(?:was|were)\s+made|no\s+declarations|there\s+were\s+no\s+(?:declarations|apologies|public\s+questions|questions|matters)|"
    r"substitut(?:ed|ing)\s+for|(?:as|was)\s+(?:a\s+|the\s+)?(?:substitute|deputy)\b|substitutions?\b|adjourn(?:ed|ment)|webcast|withdrew\s+from\s+the\s+meeting|took\s+the\s+chair|in\s+the\s+chair|"
    r"re-?join(?:ed)?\s+the\s+meeting|excluded\s+from\s+the\s+meeting|"
    r"meeting\s+(?:closed|ended|finished|concluded|commenced|started|began)\s+at|welcomed\s+(?:everyone|all|members)\s+to\s+the\s+meeting|"
    r"^(?:also\s+)?(?:present|in\s+attendance)\s*:|^(?:officers?|members)\s+(?:present|in\s+attendance)\s*:|^apologies\s*:)",
    re.I,
)
_BARE_PROCEDURAL = re.compile(r"^(?:there\s+were\s+none|none(?:\s+received)?|no\s+(?:apologies|declarations)(?:\s+\w+){0,4})\.?$", re.I)
PROCEDURAL_TITLE = re.compile(
    r"^(?:\d+\.?\s+)?(?:apolog|substitut|named\s+substitutes|declarations?\b|disclosures?\s+of|code\s+of\s+conduct|"
    r"(?:approval\s+of\s+|confirmation\s+of\s+|signing\s+of\s+)?(?:the\s+)?minutes\b|to\s+(?:sign|approve|confirm|agree)\b.*\bminutes|"
    r"welcome|exclusion\s+of|consideration\s+of\s+exclusion|"
    r"variation\s+of\s+business|order\s+of\s+business|dates?\s+of\s+(?:the\s+)?(?:next|future)|date\s+of\s+next|"
    r"(?:members'?\s+)?declarations?\s+(?:of|under)\b|"
    r"(?:election|appointment)\s+of\s+(?:the\s+)?(?:panel\s+)?(?:(?:vice|deputy)[- ]?)?chair)",
    re.I,
)


_PROCEDURAL_WORDS = re.compile(r"\b(?:apolog\w*|substitut\w*|declarations?\s+of\s+(?:\w+\s+){0,2}interests?|dispensations?)\b", re.I)


# "During the presentation Members heard:", "In response to questions, the Panel heard:":
# signposts whose meaning (section, speaker) passes to the points after them. They are
# not passages of their own: on their own they would match every search for "heard".
_BARE_LEAD_IN = re.compile(
    r"^(?:(?:During|Following|After|In\s+the\s+course\s+of)\s+(?:the\s+|his\s+|her\s+|their\s+|this\s+)?"
    r"(?:verbal\s+)?(?:presentations?|discussions?|debate|report|update)(?:\s+and\s+(?:the\s+)?discussion)?,?\s+)?"
    r"(?:In\s+(?:response|reply|answer)\s+to\s+(?:the\s+|further\s+|Members'?\s+|a\s+number\s+of\s+)?"
    r"(?:questions?|queries|comments)(?:\s+(?:from|by)\s+(?:the\s+)?(?:Members|Panel|Committee))?,?\s+)?"
    r"(?:(?:Members|the\s+Panel|the\s+Committee|Councillors)\s+(?:heard|noted|were\s+(?:told|informed|advised))(?:\s+that)?"
    r"|Reference\s+was\s+made\s+to"
    r"|The\s+following\s+(?:points|issues|comments|questions)\s+were\s+(?:made|raised|noted|discussed))"
    r"\s*(?::\s*[-–]?|:?\s*[-–])$",
    re.I,
)


# The signature block closing printed minutes: "Chairman", "Signed ……", "Date: ……".
_SIGNATURE = re.compile(
    r"^(?:(?:Signed|Date[d]?)\b[\s:._…-]*(?:\(?(?:Vice[- ])?Chair(?:man|woman|person)?\)?)?"
    r"|\(?(?:Vice[- ])?Chair(?:man|woman|person)?\)?)[\s:._…-]*$",
    re.I,
)


def is_bare_lead_in(text: str) -> bool:
    """True for a lead-in with no content of its own ("In response to questions, the Panel heard:")."""
    return bool(_BARE_LEAD_IN.match(text.strip()))


def is_signature(text: str) -> bool:
    """True for a line of the signature block that closes printed minutes ("Chairman")."""
    return bool(_SIGNATURE.match(text.strip()))


def is_procedural_title(title: str) -> bool:
    """True for wholly procedural business: apologies, declarations, previous minutes, …"""
    if not title:
        return False
    if PROCEDURAL_TITLE.match(title):
        return True
    # "Membership, Apologies, Substitutions and Declarations of Interest"
    rest = _PROCEDURAL_WORDS.sub("", title)
    return rest != title and not re.search(r"[A-Za-z]{3,}", re.sub(r"\b(?:and|of|for|the|membership|personal|matters|absence|members?)\b", "", rest, flags=re.I))


@dataclass(slots=True)
class Draft:
    """A passage before speakers are attributed."""

    text: str
    section: str
    kind: str = PARA
    lead: bool = False  # introduces the bullets or points that follow ("Members heard:")


@dataclass(slots=True)
class Shaped:
    """An item's passages-to-be and decisions."""

    drafts: list[Draft]
    resolutions: list[str]
    procedural: bool


def shape_item(raw: RawItem, agenda_only: bool = False) -> Shaped:
    """Assign sections to an item's blocks and collect its decisions.

    The stages, in order: zone the blocks (agenda blurb, minutes, decision); then for each
    block of the minutes, the first stage that claims it wins: a decision lead ("RESOLVED"),
    a block continuing the open decision, a block of a "Decision:" zone, a decision whose lead
    was lost, and otherwise an ordinary passage. Last, an item with no explicit decision is
    searched for the paragraphs that record one.
    """
    zoned = zone_blocks(raw.blocks, agenda_only)
    has_lead = any(RESOLUTION_LEAD.match(_without_paragraph_number(b.text)) for _, b in zoned)
    state = _Shaping(procedural=is_procedural_title(raw.title), has_lead=has_lead)
    for zone, b in zoned:
        if zone == "agenda":
            state.drafts.append(Draft(b.text, "summary", b.kind))
            continue
        m, text = _decision_lead(b.text)
        if m is not None:
            state.open_decision(b, m, text)
        elif not (state.continue_decision(b, text) or state.decision_zone(zone, b, text) or state.lost_lead(b, text)):
            state.passage(b, text)
        state.prev = b
    return state.finish()


def zone_blocks(blocks: list[Block], agenda_only: bool) -> list[tuple[str, Block]]:
    """Stage 1: split paragraphs at a mid-paragraph "RESOLVED", mark headings, and pair each
    non-label block with its zone (agenda, minutes or decision)."""
    blocks = _split_leads(blocks)
    mark_headings(blocks)
    zoned = _zones(blocks, agenda_only)
    minutes = [b.text for z, b in zoned if z == "minutes"]
    if any(b.kind == LABEL and b.text == LABEL_MINUTES for b in blocks) and minutes and any(z == "decision" for z, _ in zoned):
        # "Agenda, decisions and minutes" pages print the decision twice; keep the minutes' copy, unless
        # the minutes were cut off mid-sentence (an excerpt's end) before recording it: the decision is
        # then the only record of it
        cut = not _ENDS_SENTENCE.search(minutes[-1]) and not any(_records_decision(t) for t in minutes)
        if not cut:
            zoned = [(z, b) for z, b in zoned if z != "decision"]
    return zoned


# a text's last character when it ends a sentence (or a list's lead-in): else it was cut off mid-sentence
_ENDS_SENTENCE = re.compile(r"[.!?:;)\"'\u201d\u2019]\s*$")
_NO_DECISION = re.compile(r"^(?:none|nil|n/?a|not\s+applicable|no\s+decisions?(?:\s+(?:was|were)\s+(?:made|taken|required))?)\.?$", re.I)


def _records_decision(text: str) -> bool:
    """True if ``text`` records a decision: a "RESOLVED"-like lead, a "That … be …" or an implicit decision."""
    text = _without_paragraph_number(text)
    return bool(RESOLUTION_LEAD.match(text) or _IMPLICIT_THAT.match(text) or any(p.search(text) for p in _IMPLICIT))


def _decision_lead(text: str) -> tuple[re.Match[str] | None, str]:
    """Stage 2a: the "RESOLVED"-like lead opening ``text``, if it is one, and the text to go on with
    (a paragraph number before the lead, or a stray label before narrative, removed)."""
    m = RESOLUTION_LEAD.match(text)
    if m is None and _PARAGRAPH_NUMBER.match(text):
        bare = _without_paragraph_number(text)  # "3.3 RESOLVED: That …" (minutes numbered by paragraph)
        m = RESOLUTION_LEAD.match(bare)
        text = bare if m else text
    if m and _NARRATIVE.match(text[m.end() :]):
        return None, text[m.end() :].strip()  # keep the narrative, drop the stray label
    if m and _false_lead(m, text):
        return None, text
    return m, text


@dataclass(slots=True)
class _Shaping:
    """One pass over an item's zoned blocks: the passages so far and the decision being collected."""

    procedural: bool
    has_lead: bool  # the item has a "RESOLVED" somewhere (no lost lead is guessed then)
    drafts: list[Draft] = field(default_factory=list)
    resolutions: list[str] = field(default_factory=list)
    decision: list[str] | None = None  # the decision being collected
    lead_block: Block | None = None
    lead_bare: bool = False
    context: Draft | None = None  # the lead-in the current bullets belong to
    explicit: bool = False
    decision_zone_text: list[str] = field(default_factory=list)
    prev: Block | None = None

    def _close_decision(self) -> None:
        if self.decision is not None:
            self.resolutions.append(_join(self.decision))
            self.decision, self.lead_block = None, None

    def open_decision(self, b: Block, m: re.Match[str], text: str) -> None:
        """Stage 2b: a decision lead starts a decision (and closes the one before)."""
        self._close_decision()
        rest = text[m.end() :].strip()
        self.decision = [_capital(rest)] if rest else []  # a lead's own number is a minute number
        self.lead_block, self.lead_bare, self.explicit = b, not rest, True
        self.context = None
        if not rest and "." in m.group("sep"):
            # "Agreed." on its own line is the whole decision, as some clerks record it
            self.drafts.append(Draft(text, "resolution", b.kind))
            self.resolutions.append(text.rstrip(". "))
            self.decision, self.lead_block = None, None
        elif rest:
            shown = _LEADING_MARKER.sub("", rest)  # "(1) That …": the marker stays in the decision only
            self.drafts.append(Draft(_capital(shown), "resolution", b.kind, lead=rest.endswith(":")))

    def continue_decision(self, b: Block, text: str) -> bool:
        """Stage 3: a block continuing the open decision joins it; any other block closes it."""
        if self.decision is not None and self.lead_block is not None and _joins_decision(b, self.lead_block, self.lead_bare, self.decision):
            self.decision.append(_with_marker(b, text))
            self.drafts.append(Draft(text, "resolution", b.kind))
            return True
        self._close_decision()
        return False

    def decision_zone(self, zone: str, b: Block, text: str) -> bool:
        """Stage 4: the text of a "Decision:" zone is the decision."""
        if zone != "decision":
            return False
        if _NO_DECISION.match(text):
            # "Decision: None", "Decision: N/A": the zone records that nothing was decided
            self.drafts.append(Draft(text, "procedural" if self.procedural else "discussion", b.kind))
            return True
        self.decision_zone_text.append(text)
        self.drafts.append(Draft(text, "resolution", b.kind))
        return True

    def lost_lead(self, b: Block, text: str) -> bool:
        """Stage 5: a decision whose "RESOLVED" was lost."""
        # "That … be adjourned" (a paragraph or the points of a list) records a decision whose
        # "RESOLVED" was lost; so does a lettered list after an unusually wide gap (_lost_lead)
        if not (
            (b.kind == PARA and _IMPLICIT_THAT.match(text))
            or (b.kind == POINT and _IMPLICIT_THAT.match(_capital(text)))
            or _lost_lead(b, self.prev, self.explicit or self.has_lead)
            or _lost_that_lead(b, self.prev, self.explicit or self.has_lead, text)
        ):
            return False
        self.decision = [_with_marker(b, text)]
        self.lead_block, self.lead_bare, self.explicit = b, False, True
        if b.kind == POINT:
            self.lead_block = Block("", PARA)  # points of a list whose "RESOLVED" was lost
            self.lead_bare = True
        self.drafts.append(Draft(text, "resolution", b.kind))
        self.context = None
        return True

    def passage(self, b: Block, text: str) -> None:
        """Stage 6: any other block is a passage, in the section its context gives it."""
        context = self.context
        section = _section(b, text, context, self.procedural)
        lead = b.kind in (PARA, POINT) and text.rstrip().endswith((":", ":-", ":–"))
        draft = Draft(text, section, b.kind, lead)
        self.drafts.append(draft)
        if lead or (b.kind in (PARA, POINT) and _TABLE_INTRO.search(text)) or (b.kind == HEADING and _ATTENDANCE.match(text)):
            self.context = draft
        elif b.kind == HEADING or (b.kind == PARA and not (context is not None and context.kind == HEADING and _PERSON_LINE.match(text))):
            self.context = None

    def finish(self) -> Shaped:
        """Stage 7: close the last decision; with no explicit one, look for implicit decisions."""
        self._close_decision()
        if self.decision_zone_text and not self.resolutions:
            self.resolutions.append(" ".join(self.decision_zone_text))
            self.explicit = True
        if not self.explicit:
            _implicit_decision(self.drafts, self.resolutions)
        return Shaped(self.drafts, [r for r in self.resolutions if r], self.procedural)


def _split_leads(blocks: list[Block]) -> list[Block]:
    """Split a paragraph where "RESOLVED" starts mid-paragraph ("… seconded. UNANIMOUSLY RESOLVED that …"),
    or ends a bullet that a flattened table row ran into it."""
    out: list[Block] = []
    for b in blocks:
        if b.kind in (PARA, POINT, BULLET) and _SPLIT_BEFORE_LEAD.search(b.text):
            parts = _SPLIT_BEFORE_LEAD.split(b.text)
            out.append(Block(parts[0], b.kind, b.gap, b.marker))
            out.extend(Block(p, PARA) for p in parts[1:])
        else:
            out.append(b)
    return out


def _zones(blocks: list[Block], agenda_only: bool) -> list[tuple[str, Block]]:
    """Pair each non-label block with its zone: agenda (the blurb), minutes or decision."""
    labels = {b.text for b in blocks if b.kind == LABEL}
    has_minutes = LABEL_MINUTES in labels or LABEL_DECISION in labels
    # "Supporting documents:" closing an mgAi page says nothing about where the blurb ends.
    docs_inside = any(b.kind == LABEL and b.text == LABEL_DOCS for b in blocks[:-1]) and any(
        b.kind != LABEL for b in blocks[next(i for i, b in enumerate(blocks) if b.kind == LABEL and b.text == LABEL_DOCS) :]
    )
    # a "Decision:" label with no "Minutes:" label, closing the item's text, follows minutes (joint committees',
    # parish and town minutes: "… Cllr X asked …" then "Decision: That …"); before it, only a blurb is agenda
    closing = has_minutes and LABEL_MINUTES not in labels and blocks[0].kind != LABEL and not any(
        b.kind != LABEL and is_blurb(b.text) for b in blocks[:1]
    )
    zone = "agenda" if ((has_minutes and not closing) or docs_inside or agenda_only) else "auto"
    out: list[tuple[str, Block]] = []
    for b in blocks:
        if b.kind == LABEL:
            if agenda_only:
                continue
            if b.text == LABEL_MINUTES:
                zone = "minutes"
            elif b.text == LABEL_DECISION:
                zone = "decision"
            elif not has_minutes:
                zone = "minutes"
            continue
        if zone == "auto":
            if is_blurb(b.text) and (not out or out[-1][0] == "agenda"):
                out.append(("agenda", b))
                continue
            zone = "minutes"
        out.append((zone, b))
    return out


def _false_lead(m: re.Match[str], text: str) -> bool:
    """Sentence-case "Agreed"/"Decision" starting ordinary prose is not a decision lead."""
    word = m.group("word")
    if word.isupper() or word.lower() == "resolved":
        return False
    sep = m.group("sep")
    rest = text[m.end() :]
    return not (sep.strip() or rest[:4].lower().startswith(("that", "to ")) or not rest)


def _family(marker: str) -> str:
    core = marker.strip("().")
    if core.isdigit():
        return "(n)" if marker.startswith("(") else "n."
    if re.fullmatch(r"[ivx]+", core):
        return "roman"
    return "(a)" if marker.startswith("(") else "a)"


def _joins_decision(b: Block, lead: Block, bare: bool, decision: list[str]) -> bool:
    """True if block ``b`` continues the decision begun by ``lead``."""
    if RESOLUTION_LEAD.match(b.text) or b.kind == HEADING:
        return False
    if bare and not decision:
        return True  # the first paragraph after a bare "RESOLVED:"
    if b.kind == POINT and lead.kind == POINT and _family(b.marker) == _family(lead.marker):
        return False  # the next numbered minute paragraph, not a point of this decision
    if b.kind in (POINT, BULLET):
        listed = any(part.rstrip().endswith((":", ":-")) for part in decision)  # "… subject to the following:"
        return bare or listed or decision[-1].rstrip().endswith((";", "-")) or bool(_THAT.match(b.text)) or b.gap <= 1
    return b.kind == PARA and b.text.startswith("That")


def _after_wide_gap(b: Block, prev: Block | None) -> bool:
    """``b`` stands after an unusually wide gap below a paragraph that does not introduce it (no colon)."""
    return prev is not None and prev.kind == PARA and b.gap >= 3 and b.gap > prev.gap and not prev.text.rstrip().endswith(":")


def _lost_lead(b: Block, prev: Block | None, explicit: bool) -> bool:
    """A lettered list after an unusually wide gap, ending the minutes: its "RESOLVED" was lost."""
    return not explicit and b.kind == POINT and _after_wide_gap(b, prev)


# "the proposals in the report be agreed.", "The revised fees … be adopted;": a decision in the
# subjunctive with no "That" before it. Neither a report ("was approved") nor a clause under another verb ("asked
# that it be approved", "should be approved") reads so.
_SUBJUNCTIVE = re.compile(
    r"^[Tt]he\s+(?:(?!\b(?:that|should|would|could|must|will|shall|may|might|can|was|were|is|are|had|has|have)\b)[^.;:!?])*?"
    r"(?<!\bto )\bbe\s+(?:\w+ly\s+)?(?:\w+ed|made|given|taken|sent|held|brought|put|set|kept|written|undertaken|drawn|shown|known|chosen)\b"
    r"[^.;:!?]*[.;]$"
)


def _lost_that_lead(b: Block, prev: Block | None, explicit: bool, text: str) -> bool:
    """A paragraph deciding in the subjunctive after an unusually wide gap: its "RESOLVED – That" was lost
    (ModernGov pages whose decision label and its "That" sat in a formatted element the text dropped)."""
    return not explicit and b.kind == PARA and _after_wide_gap(b, prev) and bool(_SUBJUNCTIVE.match(text))


def _capital(text: str) -> str:
    """"RESOLVED that the update be noted" leaves "that …": a decision reads "That …"."""
    return text[0].upper() + text[1:] if re.match(r"(?:that|to)\b", text) else text


def _with_marker(b: Block, text: str) -> str:
    text = _capital(text)
    return f"{b.marker} {text}" if b.kind == POINT and b.marker else text


def _join(parts: list[str]) -> str:
    return " ".join(p for p in parts if p).strip()


# "Mr I Fisher, County Secretary…": an entry of an attendance list.
_PERSON_LINE = re.compile(r"^(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|County\s+Councillor|Professor)\.?\s+)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}\s*[,–-]")
_TABLE_INTRO = re.compile(r"\b(?:table\s+below|following\s+table|set\s+out\s+below)\b", re.I)
_TABLE_INTRO = cued(_TABLE_INTRO)


_ATTENDANCE = re.compile(
    r"^(?:also\s+)?(?:present|in\s+attendance)\b|^(?:officers?|members|councillors|officials)\s+(?:present|in\s+attendance)\b|^apologies\b",
    re.I,
)


def _section(b: Block, text: str, context: Draft | None, procedural: bool) -> str:
    if b.kind == HEADING and _ATTENDANCE.match(text):
        return "procedural"
    if b.kind in (BULLET, POINT, ROW, PARA) and context is not None and context.kind == HEADING:
        return "procedural"  # the list under an attendance heading
    if b.kind in (BULLET, POINT, ROW) and context is not None:
        if QUESTIONS.search(text) and context.section != "questions":
            return "questions"
        return context.section
    if procedural or _BARE_PROCEDURAL.match(text):
        return "procedural"
    if b.kind == HEADING:
        return "discussion"
    if QUESTIONS.search(text):
        return "questions"
    if PROCEDURAL.search(text):
        return "procedural"
    if PRESENTATION.search(text):
        return "presentation"
    return "discussion"


def _implicit_decision(drafts: list[Draft], resolutions: list[str]) -> None:
    """With no "RESOLVED" in an item, find the paragraphs that record its decisions."""
    for d in drafts:
        if d.section in ("summary", "resolution") or _NOT_IMPLICIT.search(d.text) and not _IMPLICIT[0].search(d.text):
            continue
        for pattern in _IMPLICIT:
            if pattern.search(d.text):
                d.section = "resolution"
                resolutions.append(d.text)
                break
