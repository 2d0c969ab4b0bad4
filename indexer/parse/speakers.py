"""Who said it: speaker roles and names from reported speech.

Minutes report speech as "<actor> <verb>" ("The Commissioner explained…", "Cllr Ferris
asked…"), as "<noun> from <actor>" ("a presentation from the Commissioner", "In reply to a
question from Councillor Dunmore") or as "<verb> by <actor>" ("was provided by Cllr Jo
Penhale"). Bullets listed after "Members heard:" come from whoever was presenting. A
paragraph reporting two speakers is split where the speaker changes. Attendance,
apologies and "joined the meeting" are not speech; agenda blurbs have no speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Passage
from .ir import BULLET, POINT, ROW
from .roles import APPOS_TITLE as _APPOS_TITLE
from .roles import OF_THE_COMMISSIONER as _OF_THE_COMMISSIONER
from .roles import CLLR as _CLLR
from .roles import HONORIFIC as _HONORIFIC
from .roles import MAX_SCAN as _MAX_SCAN
from .roles import MEMBERS as _MEMBERS
from .roles import NAME, OPCC_OFFICE, Cast, appositive, clean_name, title_role, valid_name
from .roles import PERSON as _PERSON
from .roles import TITLE_ANY as _TITLE_ANY
from .roles import TITLE_ROLES as _TITLE_ROLES
from .structure import Draft

_SPEECH = (
    r"explained|said|stated|noted|confirmed|reported|advised|informed|highlighted|outlined|presented|introduced|"
    r"emphasi[sz]ed|acknowledged|expressed|commented|asked|queried|questioned|raised|replied|responded|answered|added|"
    r"welcomed|thanked|suggested|proposed|requested|urged|undertook|considered|declared|indicated|referred|remarked|"
    r"clarified|praised|addressed|updated|recogni[sz]ed|recommended|invited|assured|accepted|believed|felt|hoped|"
    r"concluded|summari[sz]ed|spoke|observed|wished|sought|announced|reminded|congratulated|submitted|described|"
    r"detailed|identified|mentioned|pointed\s+out|discussed|challenged|moved|seconded|expanded|reiterated|committed|"
    r"stressed|underlined|warned|argued|disagreed|supported|opposed|tabled|put\s+forward|shared|drew|agreed|"
    r"extended|voiced|called\s+for|offered|enquired|conveyed|accepted|apologised|updated|read\s+out|set\s+out|"
    r"made\s+(?:reference|a\s+statement|comments?|a\s+declaration|representations?|the\s+point|an?\s+(?:short\s+|brief\s+)?presentation|a\s+suggestion)|"
    r"gave\s+(?:an?\s+|his\s+|her\s+|their\s+|the\s+)?(?:following\s+|further\s+)?(?:verbal\s+|oral\s+|written\s+|brief\s+|short\s+)?(?:updates?|presentations?|reports?|overview|answers?|responses?|assurances?|evidence)|"
    r"provided\s+(?:an?\s+|the\s+)?(?:verbal\s+|oral\s+|written\s+|brief\s+)?(?:update|overview|outline|explanation|presentation|context|assurances?|clarification|information|details|answer|the\s+Panel|Members|the\s+Committee)|"
    r"(?:was|were)\s+(?:satisfied|content|concerned|disappointed)\s+(?:that|with)|ruled|"
    r"took\s+the\s+opportunity|led\s+(?:the\s+)?(?:discussion|presentation)"
)
_MEMBER_SPEECH = (
    r"raised|asked|queried|questioned|suggested|commented|welcomed|expressed|observed|recogni[sz]ed|thanked|"
    r"congratulated|extended|proposed|discussed|made\s+reference|challenged|sought|requested|declared|emphasi[sz]ed|"
    r"praised|stressed|voiced|highlighted|noted\s+(?:their\s+|its\s+)?concerns?|felt|urged|debated|remarked|referred|enquired|"
    r"held\s+(?:an?\s+)?(?:exempt\s+|private\s+|closed\s+|detailed\s+)?discussions?"
)
_BETWEEN = (
    r"(?:\s*\([^()]{1,80}\))?"  # "(Panel Clerk)"
    r"(?:\s*,\s*(?:the\s+|a\s+|an\s+)?(?:[A-Z][\w'&.-]*|of|the|and|for|to|on|&|-|–|\([^)]*\))(?:\s+(?:[A-Z][\w'&.-]*|of|the|and|for|to|on|&|-|–|\([^)]*\))){0,12}\s*,?"
    r"|\s*,\s*(?:(?:the|a|an|his|her|their)\s+)?[a-z][\w'-]*(?:\s+[\w'&-]+){0,7}\s*,)?"  # ", the agent for the applicant,"
    r"(?:\s+(?:to|of|for)\s+the\s+(?:Panel|Committee|Council|Board|Cabinet|OPCC|Commissioner|Force|Constabulary)\b)?"
    r"(?:\s+and\s+(?:the\s+)?(?:[A-Z][\w'-]*)(?:\s+[A-Z][\w'-]*){0,5})?"
    r"(?:\s+(?:attended|joined|came\s+to)\s+(?:the\s+meeting|(?:for\s+)?(?:this|the)\s+item)\s+and)?"
    r"(?:\s+(?:also|further|then|briefly|again|subsequently|additionally|later|both|jointly|each|formally|kindly))*\s+"
)
_VERB_AFTER = re.compile(rf"{_BETWEEN}(?:{_SPEECH})\b")
# "Inspector Tom Ardwick outlined…", "Chief Constable Chris Vale explained…"
_NAMED_TITLE_VERB = re.compile(rf"\s+(?P<name>{NAME}){_BETWEEN}(?:{_SPEECH})\b")
# "The Chief Constable was then invited (by the Commissioner) to give…": about to speak.
_INVITED = re.compile(r"\s+(?:was|were)\s+(?:then\s+)?invited\s+(?:by\s+(?:the\s+)?[A-Z][\w ]{0,60}?\s+)?to\s+(?:provide|give|present|update|outline|address|introduce|speak|report|explain|respond|answer)\b")
_MEMBER_VERB_AFTER = re.compile(rf"{_BETWEEN}(?:{_MEMBER_SPEECH})\b")
_AGENT_NOUN = re.compile(
    r"\b(?:presentations?|report|update|overview|statements?|questions?|explanation|comments?|announcements?|response|"
    r"suggestion|notification|submission|representations?|declaration(?:\s+of\s+interest)?|briefing|address|introduction)\s+"
    r"(?:(?:was|were)\s+(?:made|given|read\s+out|received)\s+)?(?:from|by|of)\s+$|"
    r"\b(?:provided|given|presented|introduced|read\s+out|raised|asked|called|moved|seconded|proposed|"
    r"delivered|led|invited|explained|outlined|requested|declared)\s+by\s+$"
)
# Members speak as agents only when they raise or ask something ("a question raised by the Panel").
_MEMBER_AGENT = re.compile(
    r"\b(?:(?:questions?|comments?|concerns?|suggestions?|queries|query)\s+(?:from|by)|"
    r"(?:raised|asked|proposed|suggested|put|queried)\s+by)\s+$"
)
# Speech at an earlier meeting is not speech at this one.
_EARLIER_MEETING = re.compile(r"^(?:At|During)\s+(?:its|the|their)\s+(?:last\s+|previous\s+)?meeting\s+(?:on|held|in)\b")
# "There were no questions from members of the public": nobody spoke.
_NOTHING_SAID = re.compile(r"^\s*(?:There\s+(?:was|were)\s+no|No\s+(?:questions?|deputations?|statements?|declarations?|comments?)\b)", re.I)
_NOT_SUBJECT_BEFORE = re.compile(r"\b(?:to|of|for|from|by|with|at|on|in|about|and)\s+$")
_POSSESSIVE_AFTER = re.compile(r"'s\s+(?:announcements?|presentation|report|update|comments?|questions?|introduction|statement|remarks)\b")
_BARE_NAME = re.compile(
    rf"(?=[A-Z])(?:^|(?<=[.;:]\s))(?P<name>{NAME})(?=\s*(?:\(|,\s*(?:the\s+)?[A-Z]|\s+declared\b|\s+from\s+the\s+(?:OPCC|OSPCC|OPFCC|Office\s+of\s+the)\b))"
)
_FROM_OFFICE = re.compile(rf"\s+from\s+the\s+{OPCC_OFFICE}")
_AGENT_NAME = re.compile(rf"(?=[A-Z])(?<=\s)(?P<name>{NAME})(?=\s*(?:\(|,\s*(?:the\s+)?[A-Z]))")
_REACTIVE = re.compile(
    r"\b(?:Members|the\s+Panel|The\s+Panel|the\s+Committee|The\s+Committee)\s+(?:also\s+|then\s+|further\s+)?(?:heard|were\s+(?:informed|advised|told|reminded)|was\s+(?:informed|advised|told))\b"
    r"|\bit\s+was\s+(?:heard|explained|reported|noted|confirmed|advised|clarified)\b|^(?:It\s+was\s+heard)",
    re.I,
)
_COMMISSIONERS = re.compile(r"\b(?:(?:Commissioner|PCC|PFCC|OPCC)'s|OPCC|OSPCC|OPFCC)\s+$")
_PRONOUN = re.compile(r"^(?:He|She|They)\s+(?:also\s+|further\s+|then\s+)?[a-z]+ed\b")
_SENTENCE = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[A-Z(\"'])")
_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Cllr|No|St|Prof|Rev|Col|Lt|Sgt|Insp|Supt|Co|Ltd|etc|e\.g|i\.e|approx|para|cf)|\b[A-Z])\.$")


_HONORIFIC_WORDS = re.compile(r"(?=[BCDEMLPRST])(?:Cllr|Council|Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Col|Sir|Dame|Lord|Lady|Rev|Baron)")
_BODY_WORDS = re.compile(r"(?=[mMPCB])(?:[mM]ember|Panel|Committee|Cabinet|Board)")
# Every way of reporting speech needs one of these words; a sentence without any is skipped
# cheaply (a bullet of facts, a figure).
_CUE = re.compile(
    rf"(?=[a-zA-Z'])(?:\b(?:{_SPEECH}|{_MEMBER_SPEECH}|by|from|invited|presentations?|report|update|overview|statements?|"
    r"questions?|explanation|comments?|announcements?|response|suggestion|notification|submission|representations?|"
    r"declaration|briefing|address|introduction)\b|'s\b)"
)


@dataclass(slots=True)
class _Actor:
    start: int
    role: str
    name: str | None
    title: str | None = None  # the title it was found by ("the Chief Fire Officer")


# What a speaker spoke as: "spoke as an objector", "on behalf of the applicant", "in support", "as ward member".
_AS_ROLE = re.compile(
    r"\s+(?:(?:as|for)\s+(?:an?\s+|the\s+)?(?:objector|supporter|applicant|agent|resident|petitioner|ward\s+(?:councillor|member)|local\s+(?:member|councillor))\b"
    r"|on\s+behalf\s+of\s+(?:the\s+)?(?:applicant|objectors?|residents?|petitioners?)\b|in\s+(?:objection|support)\b)",
    re.I,
)


def find_actor(sentence: str, cast: Cast, public: bool = False) -> _Actor | None:
    """The first person or body in ``sentence`` reported as speaking.

    ``public`` says the item is one where the public speaks (questions, deputations,
    applications), so that "Mr X" without a title is a member of the public.
    """
    sentence = sentence[:_MAX_SCAN]  # speakers are named early; a runaway "sentence" is not prose
    if _EARLIER_MEETING.match(sentence) or _NOTHING_SAID.match(sentence) or not _CUE.search(sentence):
        return None
    found: list[_Actor] = []
    persons = _PERSON.finditer(sentence) if _HONORIFIC_WORDS.search(sentence) else ()
    for m in persons:
        if _speaking(sentence, m.start(), m.end(), _VERB_AFTER):
            # "Mr"/"Ms" without "Councillor": a member in some councils' style, the public where the
            # public takes part (questions, deputations, applications)
            role = "public" if public and m.group("hname") else "councillor"
            appos = _APPOS_TITLE.match(sentence, m.end())
            if appos and not appos.group(1) and _agent(sentence, m.start()) and not sentence[appos.end() :].lstrip().startswith(","):
                appos = None  # "a question from Councillor Ogden, the Commissioner said": a new clause, not his title
            if appos:
                role = title_role(appositive(appos)) or role
                role = "councillor" if role == "members" else role
            verb = _VERB_AFTER.match(sentence, m.end())
            as_role = _AS_ROLE.match(sentence, verb.end()) if verb else None
            if as_role:  # "Mr Greaves spoke as an objector", "… spoke in support"
                role = "councillor" if re.search(r"(?i)ward|local\s+member|councillor", as_role.group(0)) else "public"
            raw = m.group("name") or m.group("hname") or m.group("names")
            first = re.split(r"\s*,\s*|\s+and\s+", raw)[0]
            found.append(_Actor(m.start(), role, clean_name(first) if valid_name(first) else None))
    for m in _TITLE_ANY.finditer(sentence):
        role = _TITLE_ROLES[int(m.lastgroup[1:])]  # type: ignore[index]
        if True:
            if _inside_person(sentence, m.start()):
                continue
            r = cast.role_of(role, m.group())
            if r == "council_officer" and (
                _OF_THE_COMMISSIONER.match(sentence, m.end()) or _COMMISSIONERS.search(sentence, max(0, m.start() - 20), m.start())
            ):
                r = "opcc_officer"  # "the Chief Finance Officer of the OPCC", "the Commissioner's Head of Policy"
            if r == "chair":
                after = sentence[m.end() : m.end() + 60]
                if re.match(r"\s+of\s+the\s+(?!Panel\b|Committee\b|Council\b|Cabinet\b|meeting\b)", after):
                    r = "councillor"
                if re.match(r"\s+to\s+report\b", after):
                    continue
            if _speaking(sentence, m.start(), m.end(), _VERB_AFTER) or _possessive(sentence, m.end()) or _INVITED.match(sentence, m.end()):
                found.append(_Actor(m.start(), r, _appositive_name(sentence, m.end()), _full_title(sentence, m)))
            else:
                named = _NAMED_TITLE_VERB.match(sentence, m.end())
                if named and valid_name(named.group("name")):
                    found.append(_Actor(m.start(), r, clean_name(named.group("name"))))
    members = _MEMBERS.finditer(sentence) if _BODY_WORDS.search(sentence) else ()
    for m in members:
        before = sentence[max(0, m.start() - 40) : m.start()]
        if _MEMBER_AGENT.search(re.sub(r"(?:the|The)\s+$", "", before)):
            found.append(_Actor(m.start(), "members", None))
        elif not _NOT_SUBJECT_BEFORE.search(before) and _speaking(sentence, m.start(), m.end(), _MEMBER_VERB_AFTER, agent=False):
            found.append(_Actor(m.start(), "members", None))
    for m in _AGENT_NAME.finditer(sentence):
        # "a report from Roger Hirst, the Police, Fire and Crime Commissioner"
        if _agent(sentence, m.start()) and valid_name(m.group("name")):
            appos = _APPOS_TITLE.match(sentence, m.end())
            role = title_role(appositive(appos)) if appos else None
            if role and role != "members":
                found.append(_Actor(m.start(), role, clean_name(m.group("name"))))
    for m in _BARE_NAME.finditer(sentence):
        name = m.group("name")
        if not valid_name(name):
            continue
        if re.match(r"\s+declared\b", sentence[m.end() : m.end() + 12]):
            found.append(_Actor(m.start(), "councillor", clean_name(name)))
            continue
        office = _FROM_OFFICE.match(sentence, m.end())
        if office and _speaking(sentence, m.start(), office.end(), _VERB_AFTER, agent=False):
            found.append(_Actor(m.start(), "opcc_officer", clean_name(name)))
            continue
        appos = _APPOS_TITLE.match(sentence, m.end())
        if appos and _speaking(sentence, m.start(), m.end(), _VERB_AFTER, agent=False):
            role = title_role(appositive(appos))
            if role:
                found.append(_Actor(m.start(), "councillor" if role == "members" else role, clean_name(name)))
    if not found:
        return None
    actor = min(found, key=lambda a: a.start)
    if actor.name is None:
        actor.name = cast.name_for(actor.role, actor.title)
    return actor


def _speaking(sentence: str, start: int, end: int, verbs: re.Pattern[str], agent: bool = True) -> bool:
    """True if the mention at [start, end) is the subject of a speech verb, or its agent.

    Only adverbs and appositives may stand between subject and verb, so "had raised" or
    "would provide" (background, intentions) never count as speech at the meeting.
    """
    if verbs.match(sentence, end):
        return True
    return agent and _agent(sentence, start)


def _agent(sentence: str, start: int) -> bool:
    """True if the mention at ``start`` follows "a presentation from", "provided by", …"""
    words = sentence[max(0, start - 100) : start].split()
    # drop "the" and up to four capitalised words of the title itself ("the Southern Area Manager")
    dropped = 0
    while words and dropped < 5 and (words[-1][:1].isupper() or words[-1] in ("the", "and")):
        words.pop()
        dropped += 1
    if not words or words[-1] not in ("from", "by", "of"):
        return False
    return bool(_AGENT_NOUN.search(" ".join(words[-6:]) + " "))


def _possessive(sentence: str, end: int) -> bool:
    return bool(_POSSESSIVE_AFTER.match(sentence, end))


_CLLR_END = re.compile(rf"{_CLLR}\s*$")


def _inside_person(sentence: str, pos: int) -> bool:
    """True if a title at ``pos`` is part of "(Police and Crime Commissioner)" after a name, etc."""
    before = sentence[max(0, pos - 15) : pos]
    return before.rstrip().endswith("(") or ("C" in before and bool(_CLLR_END.search(before)))


_TITLE_WORDS_BEFORE = re.compile(r"(?:[A-Z][\w'&-]*\s+(?:(?:of|and|for)\s+)?){1,4}$")


def _full_title(sentence: str, m: re.Match[str]) -> str:
    """The whole title a scan found by its last word ("Chief Fire Officer" for "Officer")."""
    title = m.group()
    if title[:1].isupper() and not title.lower().startswith("the "):
        before = _TITLE_WORDS_BEFORE.search(sentence, max(0, m.start() - 60), m.start())
        if before:
            title = re.sub(r"^(?:The|the)\s+", "", before.group()) + title
    return title


def _appositive_name(sentence: str, end: int) -> str | None:
    m = re.match(rf"(?:\s*\([^()]{{1,20}}\))?\s*,\s*(?:{_HONORIFIC}\s+|{_CLLR}\s+)?(?P<name>{NAME})\s*,", sentence[end : end + 80])
    return clean_name(m.group("name")) if m and valid_name(m.group("name")) else None


def split_sentences(text: str) -> list[str]:
    """Split ``text`` into sentences, not after "Mr." or an initial."""
    out: list[str] = []
    start = 0
    for m in _SENTENCE.finditer(text):
        chunk = text[start : m.start()]
        if _ABBREV.search(chunk.rstrip("\"')]")):
            continue
        out.append(chunk.strip())
        start = m.end()
    out.append(text[start:].strip())
    return [s for s in out if s]


def attribute(drafts: list[Draft], cast: Cast, public: bool = False) -> list[Passage]:
    """Give each draft its speaker, splitting paragraphs where the speaker changes.

    ``public`` marks an item where the public speaks (see :func:`find_actor`).
    """
    out: list[Passage] = []
    lead_speaker: tuple[str | None, str | None] = (None, None)
    presenter: tuple[str | None, str | None] = (None, None)
    previous: tuple[str | None, str | None] = (None, None)
    declaring = False
    for d in drafts:
        if d.section == "summary":
            out.append(Passage(d.text, "summary"))
            continue
        in_list = d.kind in (BULLET, POINT, ROW) and lead_speaker != (None, None)
        if d.kind in (BULLET, POINT, ROW) and declaring:
            # "Aled Pryce was a retired Police Officer…", "Les Broome | Governor of …": a member declaring
            m = re.match(rf"(?:(?:{_CLLR}|{_HONORIFIC})\s+)?(?P<name>{NAME})\s*(?:\b(?:was|is|had|has|declared)\b|[|(])", d.text)
            if m and valid_name(m.group("name")):
                out.append(Passage(d.text, d.section, "councillor", clean_name(m.group("name"))))
                continue
        if in_list:
            # a list entry is the clerk's unit: it keeps the presenter of its lead-in unless its
            # first sentence names its own speaker ("In response to a question, the Chief Constable confirmed")
            first = split_sentences(d.text)[:1]
            actor = find_actor(first[0], cast, public) if first else None
            if actor is not None and first[0][: actor.start].strip() and not first[0][: actor.start].rstrip().endswith(","):
                actor = None  # named inside the point ("concerns raised by Members"), not its subject
            groups = [(d.text, actor)]
        else:
            groups = _speaker_groups(d, cast, public)
        for text, actor in groups:
            if actor is not None:
                speaker = (actor.role, actor.name)
            elif in_list:
                speaker = lead_speaker
            elif _PRONOUN.match(text) and previous != (None, None):
                speaker = previous
            elif (_REACTIVE.search(text) or (d.lead and d.section in ("presentation", "questions"))) and d.section not in (
                "procedural",
                "resolution",
            ):
                speaker = presenter
            else:
                speaker = (None, None)
            out.append(Passage(text, d.section, speaker[0], speaker[1]))
            if speaker != (None, None):
                previous = speaker
                if speaker[0] not in ("members", "chair", "public"):
                    presenter = speaker
        if d.kind in (BULLET, ROW) or (d.kind == POINT and in_list and not d.lead):
            continue  # list entries keep the lead-in they belong to
        if d.lead:
            lead_speaker = (out[-1].speaker_role, out[-1].speaker_name)
        else:
            lead_speaker = (None, None)
        declaring = bool(re.search(r"\bdeclar|\binterests\b", d.text, re.I)) and d.section == "procedural"
    return out


def _speaker_groups(d: Draft, cast: Cast, public: bool = False) -> list[tuple[str, _Actor | None]]:
    """Split a paragraph into runs of sentences with one speaker each."""
    if d.section == "resolution":
        return [(d.text, None if re.match(r"(?:\(?\w{1,3}[.)]\s*)?(?:That|To)\b", d.text) else find_actor(d.text, cast, public))]
    groups: list[tuple[list[str], _Actor | None]] = []
    for s, actor in _with_actors(split_sentences(d.text), cast, public):
        if groups and (actor is None or (groups[-1][1] is not None and _same_speaker(actor, groups[-1][1]))):
            groups[-1][0].append(s)
            continue
        if groups and groups[-1][1] is None and actor is not None and len(groups) == 1 and not _REACTIVE.search(" ".join(groups[-1][0])):
            # the opening sentences had no speaker: the paragraph belongs to the first one named
            groups[-1] = (groups[-1][0] + [s], actor)
            continue
        groups.append(([s], actor))
    return [(" ".join(ss), a) for ss, a in groups]


def _same_speaker(a: _Actor, b: _Actor) -> bool:
    """Same role, and not two different names ("Councillor Lyle asked … Councillor Ashby responded")."""
    return a.role == b.role and (a.name is None or b.name is None or a.name.split()[-1] == b.name.split()[-1])


# "In response to a question from Councillor Ogden, the Commissioner said …": two speakers in one sentence.
_IN_RESPONSE = re.compile(r"^(In\s+(?:response|reply|answer)\s+to\s+[^,;]{0,120}?\b(?:from|by)\s+[^,;]{2,80}?,)\s+(?=\S)")


def _with_actors(sentences: list[str], cast: Cast, public: bool) -> list[tuple[str, _Actor | None]]:
    """Each sentence with its speaker; a question put by one speaker and answered by another in
    the same sentence is split where the answer starts, so that each keeps its speaker."""
    out: list[tuple[str, _Actor | None]] = []
    for s in sentences:
        actor = find_actor(s, cast, public)
        m = _IN_RESPONSE.match(s) if actor is not None else None
        if m:
            answer = s[m.end() :]
            responder = find_actor(answer, cast, public)
            if responder is not None and responder.role != actor.role:  # type: ignore[union-attr]
                out += [(m.group(1), actor), (answer, responder)]
                continue
        out.append((s, actor))
    return out
