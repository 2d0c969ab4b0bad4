"""Who said it: speaker roles and names from reported speech.

Minutes report speech as "<actor> <verb>" ("The Commissioner explained…", "Cllr Ferris
asked…", "Members noted that…"), as "<noun> from <actor>" ("a presentation from the
Commissioner", "In reply to a question from Councillor Dunmore") or as "<verb> by <actor>"
("was provided by Cllr Jo Penhale"); verbatim reports give each turn a label ("The Convener:",
"Cllr Ames: …"). Bullets listed after "Members heard:" come from whoever was presenting. A
paragraph reporting two speakers is split where the speaker changes. Attendance, apologies and
"joined the meeting" are not speech; agenda blurbs have no speaker.

Finding the speaker of a sentence runs in three named stages:

1. :func:`mentions` finds the candidates: people named with a title ("Councillor X", "Mr X"),
   titles ("the Head of Planning", "the PCC"), the members as a body ("Members", "the Panel"),
   names the document has introduced ("Quennell", initials from an attendance list);
2. :func:`speaks` decides whether a candidate is reported as speaking: the subject of a verb of
   speech, the agent of a noun of speech ("a report of the Director"), a possessive ("the
   Chairman's announcements"), or invited to speak;
3. the role of each candidate comes from the role vocabulary (:data:`indexer.vocab.TITLES`,
   through :func:`.roles.title_role` and :meth:`.roles.Cast.role_of`), refined by the document's
   cast and the item ("Mr X" is the public where the public speaks).

:func:`find_actor` returns the first candidate that speaks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Passage
from ..vocab import ELECTED_SUFFIX
from .cues import cued, end_window
from .ir import BULLET, POINT, ROW
from .roles import APPOS_TITLE as _APPOS_TITLE
from .roles import CLLR as _CLLR
from .roles import HONORIFIC as _HONORIFIC
from .roles import MAX_SCAN as _MAX_SCAN
from .roles import MEMBERS as _MEMBERS
from .roles import NAME, OPCC_OFFICE, Cast, appositive, clean_name, title_role, valid_name
from .roles import OF_THE_COMMISSIONER as _OF_THE_COMMISSIONER
from .roles import PERSON as _PERSON
from .roles import ELECTED as _ELECTED
from .roles import ELECTED_CUE as _ELECTED_CUE
from .roles import PERSON_CUE as _PERSON_CUE
from .roles import TITLE_ANY as _TITLE_ANY
from .roles import TITLE_ROLES as _TITLE_ROLES
from .structure import Draft

# Verbs that report what someone said at the meeting.
_SPEECH = (
    r"explained|said|stated|noted|confirmed|reported|advised|informed|intimated|highlighted|outlined|presented|introduced|"
    r"emphasi[sz]ed|acknowledged|expressed|commented|asked|queried|questioned|raised|replied|responded|answered|added|"
    r"welcomed|thanked|suggested|proposed|requested|urged|undertook|considered|declared|indicated|referred|remarked|"
    r"clarified|praised|addressed|updated|recogni[sz]ed|recommended|invited|assured|accepted|believed|felt|hoped|"
    r"concluded|summari[sz]ed|spoke|objected|observed|wished|sought|announced|reminded|congratulated|submitted|described|"
    r"detailed|identified|mentioned|pointed\s+out|discussed|challenged|moved|seconded|expanded|reiterated|committed|"
    r"stressed|underlined|warned|argued|disagreed|supported|opposed|tabled|put\s+forward|shared|drew|agreed|"
    r"extended|voiced|called\s+for|offered|enquired|conveyed|apologised|read(?:\s+out)?|set\s+out|briefed|"
    r"gave\s+notice|opened\s+the\s+(?:meeting|debate|discussion|item)|summed\s+up|insisted|contended|"
    r"made\s+(?:reference|a\s+statement|comments?|a\s+declaration|representations?|the\s+point|an?\s+(?:short\s+|brief\s+)?presentation|a\s+suggestion)|"
    r"gave\s+(?:(?:the\s+)?(?:Panel|Committee|Board|Council|Cabinet|Members?|members)\s+)?(?:an?\s+|his\s+|her\s+|their\s+|the\s+)?(?:following\s+|further\s+)?(?:verbal\s+|oral\s+|written\s+|brief\s+|short\s+)?(?:updates?|presentations?|reports?|overview|answers?|responses?|assurances?|evidence|details|background)|"
    r"provided\s+(?:an?\s+|the\s+)?(?:verbal\s+|oral\s+|written\s+|brief\s+)?(?:update|overview|outline|explanation|presentation|context|assurances?|clarification|information|details|answer|the\s+Panel|Members|the\s+Committee)|"
    r"(?:was|were)\s+(?:satisfied|content|concerned|disappointed)\s+(?:that|with)|ruled|"
    r"took\s+the\s+opportunity|led\s+(?:the\s+)?(?:discussion|presentation)|paid\s+(?:tribute|thanks)|"
    r"told|talked|delivered|elaborated|went\s+on\s+to|reassured|cited|conceded|reflected|commended|"
    r"(?:took|talked|walked|guided)\s+(?:Members|members|the\s+(?:Panel|Committee|Board|Council|Cabinet|meeting))\s+through|"
    r"(?:was|were)\s+(?:pleased|keen|happy|delighted)\s+to"
)
# Verbs that report the members as a body speaking ("Members asked", "the Panel noted that").
_MEMBER_SPEECH = (
    r"raised|asked|queried|questioned|suggested|commented|welcomed|expressed|observed|recogni[sz]ed|thanked|"
    r"congratulated|extended|proposed|discussed|made\s+reference|challenged|sought|requested|declared|emphasi[sz]ed|"
    r"praised|stressed|voiced|highlighted|noted\s+(?:their\s+|its\s+)?concerns?|felt|urged|debated|remarked|referred|enquired|"
    r"noted\s+that(?!\s+the\s+(?:next|date|minutes|meeting)\b)|indicated|acknowledged|considered\s+that|"
    r"made\s+(?:the\s+following\s+|a\s+number\s+of\s+|several\s+|some\s+)?(?:comments?|points?|observations?)|sought\s+clarification|questioned|were\s+concerned|was\s+concerned|"
    r"held\s+(?:an?\s+)?(?:exempt\s+|private\s+|closed\s+|detailed\s+)?discussions?"
)
# What may stand between a speaker and the verb: a title in brackets, an appositive, a partner.
# Whose officer a title names: "the Monitoring Officer to the Panel", "the Treasurer of the OPCC".
_OF_BODY = (
    r"(?:\s+(?:to|of|for|at|from|in)\s+the\s+(?:Panel|Committee|Council|Board|Cabinet|OPCC|OSPCC|OPFCC|MOPAC|PCC|Commissioner|Force|Constabulary|Authority"
    r"|Office\s+of\s+the\s+(?:Police,?\s+(?:Fire\s+)?and\s+Crime\s+)?Commissioner)\b)?"
)
_BETWEEN = (
    r"(?:\s*\([^()]{1,80}\))*"  # "(Panel Clerk)", "(Glasgow Govan) (Lab)"
    + _OF_BODY
    + r"(?:\s*,\s*(?:the\s+|a\s+|an\s+)?(?:[A-Z][\w'&.-]*|of|the|and|for|to|on|&|-|–|\([^)]*\))(?:\s+(?:[A-Z][\w'&.-]*|of|the|and|for|to|on|&|-|–|\([^)]*\))){0,12}"
    r"(?:\s*,\s*[A-Z][\w'&.-]*(?:\s+[A-Z][\w'&.-]*){0,3}(?=\s*,))?\s*,?"
    r"|\s*,\s*(?:(?:the|a|an|his|her|their|its)\s+)?[\w'&-]+(?:\s+[\w'&().-]+){0,10}\s*,)?"  # ", the agent for the applicant,"
    + _OF_BODY
    + r"(?:\s+and\s+(?:the\s+)?(?:[A-Z][\w'-]*)(?:\s+(?:(?:of|for|and|&)\s+)?[A-Z][\w'-]*){0,5}"
    # a partner in lower case: "the deputy chief fire officer and chair of the Authority thanked"
    r"|\s+and\s+(?:the\s+)?(?:vice[- ]?)?(?:chair(?:man|woman|person)?|chief\s+executive|(?:[a-z]+\s+){0,2}officer)"
    r"(?:\s+(?:of|to|for)\s+the\s+[A-Z][\w'-]*)?)?"
    r"(?:\s+and\s+(?:his|her|their)\s+(?:solicitor|representative|agent|barrister|legal\s+representative))?"
    r"(?:\s+(?:attended|joined|came\s+to)\s+(?:the\s+meeting|(?:for\s+)?(?:this|the)\s+item)\s+and|\s+(?:was|were)\s+(?:present|in\s+attendance)\s+and)?"
    # "… were present and, with the permission of the Chairman, spoke" (hearings and public speaking)
    r"(?:\s*,?\s*(?:with|at)\s+the\s+(?:consent|permission|agreement|invitation|discretion)\s+of\s+the\s+[\w-]+\s*,)?"
    r"(?:\s+(?:also|further|then|again|subsequently|later|both|jointly|each|duly|[a-z]{3,}ly))*\s+"
)
_VERB_AFTER = re.compile(rf"{_BETWEEN}(?:{_SPEECH})\b")
# After a job title, its remit may follow: "the Strategic Director for Place explained".
_TITLE_VERB_AFTER = re.compile(
    rf"(?:\s+for\s+[A-Z][\w&']*(?:\s+(?:and\s+|&\s+)?[A-Z][\w&']*){{0,3}}"  # "the Strategic Director for Place"
    rf"|\s+from\s+(?:the\s+|a\s+)?(?:[\w'&-]+\s+){{0,3}}?[\w'&-]+(?=\s+(?:{_SPEECH})\b))?"  # "a guest speaker from the canal trust"
    rf"{_BETWEEN}(?:{_SPEECH})\b"
)
# "Inspector Tom Ardwick outlined…", "Chief Constable Chris Vale explained…"
_NAMED_TITLE_VERB = re.compile(rf"\s+(?P<name>{NAME}){_BETWEEN}(?:{_SPEECH})\b")
# "The Chief Constable was then invited (by the Commissioner) to give…": about to speak.
_INVITED = re.compile(
    r"\s+(?:was|were)\s+(?:then\s+)?invited\s+(?:by\s+(?:the\s+)?[A-Z][\w ]{0,60}?\s+)?to\s+"
    r"(?:provide|give|present|update|outline|address|introduce|speak|report|explain|respond|answer)\b"
)
_MEMBER_VERB_AFTER = re.compile(rf"{_BETWEEN}(?:{_MEMBER_SPEECH})\b")
# "Members' comments included:", "Members questions were": what the members said.
_MEMBERS_SAID = re.compile(
    r"['’]?\s+(?:comments|questions|queries|concerns|views|observations)\s+(?:\w+\s+){0,3}?"
    r"(?:included|were|related|covered|focused|focussed|centred|concerned|raised|touched)\b"
)
# A noun of speech and its agent: "a presentation from", "a report of", "questions from", "heard from".
_AGENT_NOUN = re.compile(
    r"\b(?:presentations?|report|update|overview|statements?|questions?|explanation|comments?|announcements?|response|"
    r"suggestion|notification|submission|representations?|declaration(?:\s+of\s+interest)?|briefing|address|introduction|"
    r"evidence|advice|deputation|speech|contributions?)\s+"
    r"(?:(?:was|were)\s+(?:made|given|read\s+out|received)\s+)?(?:from|by|of)\s+$|"
    r"\b(?:questions?|statements?)\s+(?:had|has|have)\s+been\s+(?:received|submitted|asked|put)\s+(?:from|by)\s+$|"
    # (in any case: "It was PROPOSED by Councillor X Seconded by Councillor Y", as clerks type motions)
    r"\b(?i:(?:provided|given|presented|introduced|read\s+out|raised|asked|called|moved|seconded|proposed|"
    r"delivered|led|invited|explained|outlined|requested|declared|answered|confirmed|reported|advised|clarified|"
    r"highlighted|noted|stated|responded\s+to|addressed|summari[sz]ed|emphasi[sz]ed|agreed|acknowledged|informed|briefed|"
    r"told|reminded|assured|updated|shown|(?:taken|led|guided|talked)\s+through)\s+by)\s+$|"
    r"\bheard\s+(?:(?:a\s+|an\s+)?(?:presentation|statement|representations?|evidence|update|report)\s+)?from\s+$"
)
# Members speak as agents only when they raise or ask something ("a question raised by the Panel").
_MEMBER_AGENT = re.compile(
    r"\b(?:(?:questions?|comments?|concerns?|suggestions?|queries|query)\s+(?:from|by)|"
    r"(?:raised|asked|proposed|suggested|put|queried)\s+by)\s+$"
)
# Speech at an earlier meeting is not speech at this one.
_EARLIER_MEETING = re.compile(r"^(?:At|During)\s+(?:its|the|their)\s+(?:last\s+|previous\s+)?meeting\s+(?:on|held|in)\b")
# "There were no questions from members of the public": nobody spoke.
_NOTHING_SAID = re.compile(
    r"^\s*(?:There\s+(?:was|were)\s+no|No\s+(?:questions?|deputations?|statements?|declarations?|comments?)\b)"
    r"(?![^.;]*\b(?:however|but)\b)",  # "There were no late items, however the Clerk advised …"
    re.I,
)
_PREPOSITION_BEFORE = re.compile(r"\b(?:to|of|for|from|with|at|on|in|about|after|before|under|between|by)\s+$")
_NOT_SUBJECT_BEFORE = re.compile(r"\b(?:to|of|for|from|by|with|at|on|in|about|and|what|which|how|when|where|why)\s+$", re.I)
_POSSESSIVE_AFTER = re.compile(
    r"['’]s\s+(?:(?:opening|closing|verbal|oral)\s+)?(?:announcements?|presentation|report|update|comments?|questions?|"
    r"introduction|statement|remarks|address|response|summary)\b"
)
_BARE_NAME = re.compile(
    rf"(?=[A-Z])(?:^|(?<=[.;:]\s))(?P<name>{NAME})(?=\s*(?:\(|,\s*(?:the\s+)?[A-Z]|\s+declared\b|\s+from\s+the\s+(?:OPCC|OSPCC|OPFCC|MOPAC|Office\s+of\s+the)\b))"
)
_FROM_OFFICE = re.compile(rf"\s+from\s+the\s+{OPCC_OFFICE}")
_AGENT_NAME = re.compile(rf"(?=[A-Z])(?<=\s)(?P<name>{NAME})(?=\s*(?:\(|,\s*(?:the\s+)?[A-Z]))")
_OWNER = re.compile(r"['’]s\s+")
_CAPITAL_WORD = re.compile(r"\b[A-Z][\w'’-]*")
_CAPITALISED = re.compile(r"\b([A-Z][\w'’-]*)(?=(\s+[A-Z][\w'’-]*)?)")
_PUBLIC_NOUN_BEFORE = re.compile(r"\b(?:questions?|statements?|deputations?|petitions?|representations?)\s+(?:from|by)\s+$", re.I)
# "A deputation was received from Mr Osei": whoever makes a deputation or presents a petition is the public,
# whatever the item (councils hear deputations under their declarations or their reports too)
_DEPUTATION_FROM = re.compile(r"\b(?:deputations?|petitions?)\s+(?:(?:was|were|had\s+been)\s+(?:received|made|presented|heard)\s+)?(?:from|by)\s+$", re.I)
_AGENT_CUE = re.compile(r"\b(?:from|by|of)\s+(?:the\s+)?[A-Z]")
_PUBLIC_AGENT_CUE = re.compile(r"\b(?:questions?|statements?|deputations?|petitions?|representations?)\s+(?:from|by)\s+[A-Z]", re.I)
_PUBLIC_AGENT_NAME = re.compile(rf"(?=[A-Z])(?<=\s)(?P<name>{NAME})")
_REACTIVE = re.compile(
    r"\b(?:Members|the\s+Panel|The\s+Panel|the\s+Committee|The\s+Committee)\s+(?:also\s+|then\s+|further\s+)?(?:heard|were\s+(?:informed|advised|told|reminded)|was\s+(?:informed|advised|told))\b"
    r"|\bit\s+was\s+(?:heard|explained|reported|noted|confirmed|advised|clarified)\b|^(?:It\s+was\s+heard)",
    re.I,
)
_FORCES = re.compile(r"\b(?:Force|force|Constabulary|Police)['’]s\s+$")
_COMMISSIONERS = re.compile(r"\b(?:(?:Commissioner|PCC|PFCC|OPCC|MOPAC)['’]s|OPCC|OSPCC|OPFCC|MOPAC)\s+$")
_PRONOUN_SPEAKS = re.compile(rf"^(?:He|She)\s+(?:also\s+|then\s+|further\s+)?(?:{_SPEECH})\b")
_TITLE_START = re.compile(r"^(?:The\s+)?(?:Deputy\s+|Vice[- ]?)?[A-Z]")
_PRONOUN = re.compile(r"^(?:He|She|They)\s+(?:also\s+|further\s+|then\s+)?[a-z]+ed\b")
_SENTENCE = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[A-Z(\"'])")
_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Cllr|Cyng|No|St|Prof|Rev|Col|Lt|Sgt|Insp|Supt|Co|Ltd|etc|e\.g|i\.e|approx|para|cf)|\b[A-Z])\.$")
_ABBREV_WINDOW = end_window(_ABBREV) or 0  # the end of a sentence that decides (0: all of it, as [-0:] is the whole)
# A minute paragraph's number or a clerk's "Note:" before a sentence: "18.4 ", "(b) ", "Note: ".
_PARAGRAPH_MARK = re.compile(r"^(?:\(?\d{1,3}(?:\.\d{1,3}){0,2}\)?[.)]?|\([a-z]{1,4}\)|[a-z]\)|Note:|NOTE:)\s+")

_BODY_WORDS = re.compile(r"\b(?:[mM]ember|[Pp]anel|[Cc]ommittee|[Cc]abinet|[Bb]oard|[Ff]orum|[Aa]uthority|[Cc]ouncillor|Aelodau)")
# Every way of reporting speech needs one of these: a reporting verb, "by"/"from" (an agent), a noun
# of speech with "of" ("a report of the Director"), a possessive of speech ("the Chair's
# announcements") or the members' comments. A sentence without any (a bullet of facts, a figure) is
# skipped without trying the patterns that find people.
_CUE = re.compile(
    rf"\b(?:{_SPEECH}|{_MEMBER_SPEECH}|by|from|invited|Dywedodd|Gofynnodd|Eglurodd|Cyflwynodd|Atebodd|Diolchodd|Croesawodd|"
    r"Nododd|Cadarnhaodd|Adroddodd|Holodd|Awgrymodd|Cynigiodd|Eiliodd|Pwysleisiodd|Amlinellodd)\b"
    r"|\b(?:presentations?|report|update|overview|statements?|questions?|explanation|comments?|announcements?|response|"
    r"suggestion|notification|submission|representations?|declaration|briefing|address|introduction|evidence|advice|"
    r"deputation|speech|contributions?)\s+(?:\w+\s+){0,4}?of\b"
    r"|['’]s\s+(?:(?:opening|closing|verbal|oral)\s+)?(?:announcements?|presentation|report|update|comments?|questions?|"
    r"introduction|statement|remarks|address|response|summary|question|query)\b"
    r"|\b[Mm]embers['’]?\s+(?:comments|questions|queries|concerns|views|observations)\b"
)
# What a speaker spoke as: "spoke as an objector", "on behalf of the applicant", "in support", "as ward member".
_AS_ROLE = re.compile(
    r"\s+(?:(?:as|for)\s+(?:an?\s+|the\s+)?(?:objector|supporter|applicant|agent|resident|petitioner|ward\s+(?:councillor|member)|local\s+(?:member|councillor))\b"
    r"|on\s+behalf\s+of\s+(?:the\s+)?(?:applicant|objectors?|residents?|petitioners?)\b|in\s+(?:objection|support)\b)",
    re.I,
)
_AS_COUNCILLOR = re.compile(r"(?i)ward|local\s+member|councillor")
_POSSESSIVE_NAME = re.compile(r"['’]s$")
_NAME_LIST_SEP = re.compile(r"\s*,\s*|\s+(?:and|a)\s+")
_DECLARED_AFTER = re.compile(r"\s+declared\b")
_TO_REPORT_AFTER = re.compile(r"\s+to\s+report\b")
_CHAIR_OF_OTHER_AFTER = re.compile(r"\s+of\s+the\s+(?!Panel\b|Committee\b|Council\b|Cabinet\b|[Mm]eeting\b|[Aa]uthority\b)")
_LEADING_ARTICLE = re.compile(r"(?:the|The)\s+$")
_CLLR_END = re.compile(rf"(?:{_CLLR})\s*$")
_TITLE_WORDS_BEFORE = re.compile(r"(?:[A-Z][\w'&-]*\s+(?:(?:of|and|for)\s+)?){1,4}$")
_ARTICLE_START = re.compile(r"^(?:The|the)\s+")
_APPOSITIVE_NAME = re.compile(rf"(?:\s*\([^()]{{1,20}}\))?\s*,\s*(?:{_HONORIFIC}\s+|{_CLLR}\s+)?(?P<name>{NAME})\s*,")


@dataclass(slots=True)
class Mention:
    """A person or body named in a sentence, the role it names, and whether it is reported speaking."""

    start: int
    end: int
    role: str
    name: str | None
    kind: str  # "person", "title", "members", "name"
    title: str | None = None  # the title it was found by ("the Chief Fire Officer")
    #: The role is a default ("Mr X" without a title is a councillor, or the public where it speaks).
    guessed: bool = False
    #: Roles of people reported speaking jointly with it ("the Commissioner and the Chief Executive presented").
    partners: tuple[str, ...] = ()


# Stage 1: candidate mentions ---------------------------------------------------------------------


def mentions(sentence: str, cast: Cast, public: bool = False, bound: list[int] | None = None) -> Iterator[Mention]:
    """Every person or body ``sentence`` names, with the role the name or title gives it.

    ``bound`` (a one-item list the caller may lower as it goes) stops each scan at mentions
    starting after it: once a speaker is found, nobody later in the sentence can come first.
    """
    bound = bound if bound is not None else [len(sentence)]
    if _PERSON_CUE.search(sentence) or _ELECTED_CUE.search(sentence):
        yield from _person_mentions(sentence, public, bound)
    yield from _title_mentions(sentence, cast, bound)
    if _BODY_WORDS.search(sentence):
        for m in _MEMBERS.finditer(sentence):
            if m.start() > bound[0]:
                break
            yield Mention(m.start(), m.end(), "members", None, "members")
    yield from _name_mentions(sentence, cast, public, bound)


def _person_mentions(sentence: str, public: bool, bound: list[int]) -> Iterator[Mention]:
    """ "Councillor Jo Ames", "Cllrs Ames, Bell and Cox", "Mr Osei (objector)", "Jo Ames AM"."""
    found = list(_PERSON.finditer(sentence))
    if _ELECTED_CUE.search(sentence):
        found = sorted(found + list(_ELECTED.finditer(sentence)), key=lambda m: m.start())
    for m in found:
        if m.start() > bound[0]:
            break
        groups = m.groupdict()
        # "Mr"/"Ms" without "Councillor": a member in some councils' style, the public where the
        # public takes part (questions, deputations, applications)
        role = "public" if groups.get("hname") and (public or _DEPUTATION_FROM.search(sentence, max(0, m.start() - 50), m.start())) else "councillor"
        appos = _APPOS_TITLE.match(sentence, m.end())
        if appos and not appos.group(1) and _agent(sentence, m.start()) and not sentence[appos.end() :].lstrip().startswith(","):
            appos = None  # "a question from Councillor Ogden, the Commissioner said": a new clause, not his title
        titled = _appositive_role(sentence, appos)
        if titled:
            role = "councillor" if titled == "members" else titled
        elif _CHAIR_BEFORE.search(sentence, max(0, m.start() - 12), m.start()):
            role = "chair"  # "Chair Cllr Jo Ames welcomed …": the chair's title before the name
        raw = groups.get("name") or groups.get("hname") or groups.get("names") or groups["ename"]
        first = _NAME_LIST_SEP.split(raw)[0]
        possessive = _POSSESSIVE_NAME.search(first)
        if possessive:  # "Councillor Lamb's question": the name ends before "'s"
            first = first[: possessive.start()]
        name = clean_name(first) if valid_name(first) else None
        kind = "honorific" if groups.get("hname") else "person"
        if name is None and groups.get("hname"):
            continue  # "Lord Mayor", "Sir or Madam": a title or a form of address, not a person
        mention = Mention(m.start(), m.end(), role, name, kind, guessed=kind == "honorific" and titled is None)
        if possessive:
            mention.end = m.start() + m.group().rfind(possessive.group())
        yield mention


_CHAIR_BEFORE = re.compile(r"(?<![\w-])(?<!Vice )(?<!Vice-)(?:Chair(?:man|woman|person)?|CHAIR(?:MAN)?)\s*:?\s+$")


def _appositive_role(sentence: str, appos: re.Match[str] | None) -> str | None:
    """The role an appositive title gives ("Chief Finance Officer, OPCC" is the Commissioner's staff)."""
    if appos is None:
        return None
    role = title_role(appositive(appos))
    if role == "council_officer" and _OF_THE_COMMISSIONER.match(sentence, appos.end()):
        return "opcc_officer"
    return role


def _title_mentions(sentence: str, cast: Cast, bound: list[int]) -> Iterator[Mention]:
    """ "The Commissioner", "the Head of Planning", "an officer", "PC Sarah Bell"."""
    for m in _TITLE_ANY.finditer(sentence):
        if m.start() > bound[0]:
            break
        if _inside_person(sentence, m.start()):
            continue
        owner = _OWNER.match(sentence, m.end())
        if owner and _TITLE_ANY.match(sentence, owner.end()):
            continue  # "the Commissioner's Chief Finance Officer": the officer is the one named
        role = cast.role_of(_TITLE_ROLES[int(m.lastgroup[1:])], m.group())  # type: ignore[index]
        if role == "council_officer" and (
            _OF_THE_COMMISSIONER.match(sentence, m.end()) or _COMMISSIONERS.search(sentence, max(0, m.start() - 20), m.start())
        ):
            role = "opcc_officer"  # "the Chief Finance Officer of the OPCC", "the Commissioner's Head of Policy"
        elif role == "council_officer" and _FORCES.search(sentence, max(0, m.start() - 20), m.start()):
            role = "police_officer"  # "the Force's Head of Contact Management": police staff
        if role == "chief_executive" and _OF_THE_COMMISSIONER.match(sentence, m.end()):
            role = "chief_executive"  # the commissioner's chief executive keeps the role
        if role == "chair":
            if _CHAIR_OF_OTHER_AFTER.match(sentence, m.end()):
                role = "councillor"  # "the Chairman of the Select Committee"
            elif _TO_REPORT_AFTER.match(sentence, m.end()):
                continue  # "The Chairman to report apologies": an agenda blurb
        yield Mention(m.start(), m.end(), role, None, "title", _full_title(sentence, m))


def _name_mentions(sentence: str, cast: Cast, public: bool, bound: list[int]) -> Iterator[Mention]:
    """Names without a title: introduced by an appositive, known to the cast, or initials."""
    agents = _PUBLIC_AGENT_NAME if public and _PUBLIC_AGENT_CUE.search(sentence) else _AGENT_NAME
    for m in agents.finditer(sentence) if _AGENT_CUE.search(sentence) else ():
        if m.start() > bound[0]:
            break
        # "a report from Dana Quennell, the Police, Fire and Crime Commissioner"; where the public
        # speaks, "a question from Jo Ames" needs no title
        if valid_name(m.group("name")):
            appos = _APPOS_TITLE.match(sentence, m.end())
            role = title_role(appositive(appos)) if appos else None
            if role is None and public and _PUBLIC_NOUN_BEFORE.search(sentence, max(0, m.start() - 40), m.start()):
                role = "public"  # "a question from Jo Ames", "a deputation from Jo Ames"
            if role and role != "members":
                yield Mention(m.start(), m.end(), role, clean_name(m.group("name")), "agent_name")
    for m in _BARE_NAME.finditer(sentence):
        if m.start() > bound[0]:
            break
        name = m.group("name")
        if not valid_name(name):
            continue
        if _DECLARED_AFTER.match(sentence, m.end()):
            yield Mention(m.start(), m.end(), "councillor", clean_name(name), "declaring")
            continue
        office = _FROM_OFFICE.match(sentence, m.end())
        if office:
            yield Mention(m.start(), office.end(), "opcc_officer", clean_name(name), "name")
            continue
        role = _appositive_role(sentence, _APPOS_TITLE.match(sentence, m.end()))
        if role:
            yield Mention(m.start(), m.end(), "councillor" if role == "members" else role, clean_name(name), "name")
    if (cast.known or cast.initials) and not cast.strangers(_CAPITAL_WORD.findall(sentence)):
        # a capitalised word, with the next one: "Grant Thornton", "Quennell", "JA"
        for m in _CAPITALISED.finditer(sentence):
            if m.start() > bound[0]:
                break
            word, pair = m.group(1), m.group(1) + (m.group(2) or "")
            if m.group(2) and cast.role_and_name(pair):
                role, name = cast.role_and_name(pair)  # type: ignore[misc]
                yield Mention(m.start(), m.start() + len(pair), role, name, "name")
            elif cast.role_and_name(word):
                role, name = cast.role_and_name(word)  # type: ignore[misc]
                yield Mention(m.start(), m.end(1), role, name, "name")


# Stage 2: is the mention reported as speaking? -----------------------------------------------------


# Welsh reports the verb first: "Dywedodd y Prif Weithredwr …" (said the Chief Executive), "Gofynnodd
# aelod o'r cyhoedd …" (a member of the public asked): Welsh-language minutes of Welsh bodies.
_WELSH_SPEECH = (
    r"Dywedodd|Gofynnodd|Eglurodd|Cyflwynodd|Atebodd|Diolchodd|Croesawodd|Nododd|Cadarnhaodd|Adroddodd|Holodd|"
    r"Awgrymodd|Cynigiodd|Eiliodd|Pwysleisiodd|Amlinellodd"
)
_WELSH_VERB_BEFORE = re.compile(rf"(?:^|[.;]\s+)(?:{_WELSH_SPEECH})\s+(?:y\s+|yr\s+)?$")


def speaks(sentence: str, m: Mention) -> bool:
    """True if ``m`` is reported as speaking in ``sentence``."""
    if _WELSH_VERB_BEFORE.search(sentence, max(0, m.start - 24), m.start):
        return True
    if m.kind == "members":
        before = sentence[max(0, m.start - 40) : m.start]
        if _MEMBER_AGENT.search(_LEADING_ARTICLE.sub("", before)):
            return True
        return not _NOT_SUBJECT_BEFORE.search(before) and bool(
            _MEMBER_VERB_AFTER.match(sentence, m.end) or _MEMBERS_SAID.match(sentence, m.end)
        )
    if m.kind == "declaring":
        return True
    if m.kind == "agent_name":
        return _agent(sentence, m.start)
    if m.kind == "name":
        return bool(_VERB_AFTER.match(sentence, m.end))
    if m.kind == "title":
        return (
            _speaking(sentence, m.start, m.end, verbs=_TITLE_VERB_AFTER)
            or bool(_POSSESSIVE_AFTER.match(sentence, m.end))
            or bool(_INVITED.match(sentence, m.end))
            or _named_title_speaks(sentence, m)
        )
    return _speaking(sentence, m.start, m.end)


def _named_title_speaks(sentence: str, m: Mention) -> bool:
    """ "Inspector Tom Ardwick outlined…": the name after the title is the speaker's."""
    named = _NAMED_TITLE_VERB.match(sentence, m.end)
    if named and valid_name(named.group("name")):
        m.name = clean_name(named.group("name"))
        return True
    return False


def _speaking(sentence: str, start: int, end: int, agent: bool = True, verbs: re.Pattern[str] = _VERB_AFTER) -> bool:
    """True if the mention at [start, end) is the subject of a speech verb, or its agent.

    Only adverbs and appositives may stand between subject and verb, so "had raised" or
    "would provide" (background, intentions) never count as speech at the meeting; and a
    mention after a preposition ("At the invitation of the Chair, Councillor X said") is no
    subject.
    """
    if (verbs.match(sentence, end) or _POSSESSIVE_AFTER.match(sentence, end)) and not _PREPOSITION_BEFORE.search(
        sentence, max(0, start - 12), start
    ):
        return True
    return agent and _agent(sentence, start)


def _agent(sentence: str, start: int) -> bool:
    """True if the mention at ``start`` follows "a presentation from", "provided by", …"""
    words = sentence[max(0, start - 100) : start].split()
    # drop "the"/"an" and up to four capitalised words of the title itself ("the Southern Area Manager")
    dropped = 0
    while words and dropped < 5 and (words[-1][:1].isupper() or words[-1] in ("the", "and", "a", "an")):
        words.pop()
        dropped += 1
    if not words or words[-1] not in ("from", "by", "of"):
        return False
    window = " ".join(words[-6:])
    if len(words) <= 6:  # the sentence's first word: "Proposed by Councillor Ames, seconded by …" (motions as minuted)
        window = window[:1].lower() + window[1:]
    return bool(_AGENT_NOUN.search(window + " "))


def _inside_person(sentence: str, pos: int) -> bool:
    """True if a title at ``pos`` is part of "(Police and Crime Commissioner)" after a name, etc."""
    before = sentence[max(0, pos - 15) : pos]
    return before.rstrip().endswith("(") or (("C" in before) and bool(_CLLR_END.search(before)))


def _full_title(sentence: str, m: re.Match[str]) -> str:
    """The whole title a scan found by its last word ("Chief Fire Officer" for "Officer")."""
    title = m.group()
    if title[:1].isupper() and not title.lower().startswith("the "):
        before = _TITLE_WORDS_BEFORE.search(sentence, max(0, m.start() - 60), m.start())
        if before:
            title = _ARTICLE_START.sub("", before.group()) + title
    return title


def _appositive_name(sentence: str, end: int) -> str | None:
    m = _APPOSITIVE_NAME.match(sentence[end : end + 80])
    return clean_name(m.group("name")) if m and valid_name(m.group("name")) else None


# The three stages together ---------------------------------------------------------------------------


def find_actor(sentence: str, cast: Cast, public: bool = False, leading: bool = False) -> Mention | None:
    """The first person or body in ``sentence`` reported as speaking.

    ``public`` says the item is one where the public speaks (questions, deputations,
    applications), so that "Mr X" without a title is a member of the public. ``leading`` looks
    only for a speaker opening the sentence or its first clause (a list entry's own speaker).
    """
    # speakers are named early, and a runaway "sentence" is not prose; typographic apostrophes
    # become plain ones (same length: the offsets found hold for the sentence as given)
    sentence = sentence[:_MAX_SCAN].replace("\u2019", "'").replace("\u2018", "'")
    mark = _PARAGRAPH_MARK.match(sentence)
    offset = mark.end() if mark else 0
    text = sentence[offset:]
    if _EARLIER_MEETING.match(text) or _NOTHING_SAID.match(text) or not _CUE.search(text):
        return None
    actor = None
    if leading:
        comma = text.find(", ", 0, 160)
        bound = [comma + 2 if comma >= 0 else 0]
    else:
        bound = [len(text)]
    for m in mentions(text, cast, public, bound):
        if (actor is None or m.start < actor.start) and speaks(text, m):
            actor = m
            bound[0] = m.start  # the first speaker so far: later mentions cannot come first
    if actor is None:
        return None
    _refine(text, actor, cast)
    actor.partners = _partners(text, actor, cast, public) + _askers(text, actor, cast, public)
    actor.start += offset
    actor.end += offset
    return actor


def _refine(sentence: str, actor: Mention, cast: Cast) -> None:
    """Stage 3's last step: what the speaker spoke as, and their name from the document's cast."""
    if actor.kind in ("person", "honorific"):
        verb = _VERB_AFTER.match(sentence, actor.end)
        as_role = _AS_ROLE.match(sentence, verb.end()) if verb else None
        if as_role:  # "Mr Greaves spoke as an objector", "… spoke in support"
            actor.role = "councillor" if _AS_COUNCILLOR.search(as_role.group(0)) else "public"
            actor.guessed = False
        elif actor.guessed and actor.name:
            known = cast.role_of_name(actor.name)
            if known:
                actor.role, actor.guessed = known, False  # "Mr Tamm" whom the document introduced as its Commissioner
    if actor.kind == "title" and actor.name is None:
        actor.name = _appositive_name(sentence, actor.end)
    if actor.name is None:
        actor.name = cast.name_for(actor.role, actor.title)


# A second subject joined to the speaker: "The Commissioner and the Chief Executive presented …".
_AND_PARTNER = re.compile(r"(?:\s*\([^()]{1,80}\))?\s+and\s+")


def _partners(sentence: str, actor: Mention, cast: Cast, public: bool) -> tuple[str, ...]:
    """The roles of people joined to ``actor`` by "and" as the subject of the same verb of speech
    (police and crime panels: the commissioner with the chief constable or the office's chief
    executive; councils: a cabinet member with a director)."""
    joint = _AND_PARTNER.match(sentence, actor.end)
    if joint is None or actor.kind == "members":
        return ()
    for m in mentions(sentence, cast, public, [joint.end() + 4]):
        if joint.end() <= m.start <= joint.end() + 4 and m.kind != "members" and speaks(sentence, m):
            role = m.role
            if role == "council_officer" and actor.role in ("commissioner", "deputy_commissioner"):
                role = "opcc_officer"  # "the Commissioner and the Chief Finance Officer": an officer of the commissioner's
            return (role,) if role != actor.role else ()
    return ()


# "The Commissioner addressed a question raised by the Panel", "… answered questions from Councillor X":
# whoever put the question spoke too, later in the sentence than its subject.
_ASKED_BY_CUE = re.compile(
    r"\b(?:raised|asked|put|posed|queried|submitted)\s+by\b|\b(?:questions?|quer(?:y|ies)|comments?|concerns?)\s+(?:from|by)\b"
)


def _askers(sentence: str, actor: Mention, cast: Cast, public: bool) -> tuple[str, ...]:
    """The roles of those who put the questions the speaker answers in the same sentence."""
    if actor.kind == "members" or not _ASKED_BY_CUE.search(sentence, actor.end):
        return ()
    roles: list[str] = []
    for m in mentions(sentence, cast, public):
        if m.start >= actor.end and m.role != actor.role and m.role not in roles and speaks(sentence, m):
            roles.append(m.role)
    return tuple(roles)


def split_sentences(text: str) -> list[str]:
    """Split ``text`` into sentences, not after "Mr." or an initial."""
    out: list[str] = []
    start = 0
    for m in _SENTENCE.finditer(text):
        chunk = text[start : m.start()]
        if _ABBREV.search(chunk.rstrip("\"')]")[-_ABBREV_WINDOW:]):  # speed: only the end can match
            continue
        out.append(chunk.strip())
        start = m.end()
    out.append(text[start:].strip())
    return [s for s in out if s]


# Verbatim reports: a turn's label on its own line or before its words ("The Convener:", "Cllr Ames: …").
_PARTY = r"(?:Lab|Con|LD|Lib\s+Dem|SNP|Green|Ind|Independent|Plaid|PC|Reform|UKIP|SLD|SSP|Alliance|DUP|SF|SDLP|UUP)"
_TURN = re.compile(
    rf"^(?P<who>(?:The\s+)?(?:Deputy\s+|Vice[- ]?)?(?:Convener|Chair(?:man|woman|person)?|Provost|Presiding\s+Officer|Mayor|Leader|"
    rf"Commissioner|PCC|PFCC|DPCC|Chief\s+Constable|Chief\s+Executive|Chief\s+Fire\s+Officer|Monitoring\s+Officer|Clerk|Cadeirydd|Prif\s+Weithredwr)"
    rf"|(?:{_CLLR}|{_HONORIFIC})\s+{NAME}(?:\s*\([^()]{{1,60}}\))*"
    # police ranks abbreviated, with or without a name ("CC:", "ACC Dutton:", "Supt Kerr:"): panels' transcripts
    rf"|(?:CC|DCC|ACC|T/ACC|DCI|DI|DS|Ch\.?\s?Supt|Supt|Insp|Sgt|PC)(?:\s+{NAME})?"
    rf"|{NAME}(?:\s+{ELECTED_SUFFIX}\b)?(?:\s*\([^()]{{1,60}}\))+|{NAME}\s+{ELECTED_SUFFIX}\b)\s*:\s*(?P<rest>.*)$",
    re.S,
)
_PARTY_LAST = re.compile(rf"\({_PARTY}\)\s*$")
# Words that are only who held a post, not what was said: "Vice Chair: Ald X, Deputy Mayor", "Chair: Cllr X"
# (printed minutes' attendance lines of Northern Irish, Welsh and Scottish councils)
_ONLY_WHO = re.compile(rf"(?:{_CLLR}|{_HONORIFIC}|Ald(?:erman)?\.?|Bailie)\s+[^.:;?!]{{1,60}}")
_FROM_PAREN = re.compile(r"\s*\(.*$", re.S)


def turn_speaker(text: str, cast: Cast, public: bool) -> tuple[str, str | None, str] | None:
    """The speaker a verbatim turn's label names, with the words after the label; None if no label."""
    m = _TURN.match(text)
    if not m:
        return None
    who = m.group("who")
    rest = m.group("rest").strip()
    if _ONLY_WHO.fullmatch(rest) and len(rest.split()) <= 8:
        return None
    if _PARTY_LAST.search(who):  # "Jo Ames (Northtown) (Lab):": an elected member
        return "councillor", clean_name(_FROM_PAREN.sub("", who)), m.group("rest")
    if who == "CC":  # a transcript's label only: running text's "CC" is as often a county council
        who = "Chief Constable"
    actor = find_actor(who + " said.", cast, public)
    if actor is None:
        return None
    return actor.role, actor.name, m.group("rest")


Speaker = tuple[str | None, str | None]
NOBODY: Speaker = (None, None)
#: Roles that present and answer: a lead-in's bullets and "It was explained…" keep to them.
_PRESENTING = frozenset({"commissioner", "deputy_commissioner", "chief_constable", "police_officer", "chief_executive",
                         "opcc_officer", "councillor", "council_officer", "other"})
#: Roles an officer or guest introduced by title may hold when the minutes go on by name ("Mr X said").
_STAFF = frozenset({"chief_constable", "police_officer", "chief_executive", "opcc_officer", "council_officer", "other"})


@dataclass(slots=True)
class _Context:
    """What the passages so far of one item say about who is speaking."""

    lead: Speaker = NOBODY  # the speaker of the lead-in a list belongs to
    presenter: Speaker = NOBODY  # the last one presenting or answering
    previous: Speaker = NOBODY  # the last speaker of any kind
    previous_by_title: bool = False  # … found by a title alone ("the Director"), not a name
    turn: Speaker = NOBODY  # the current turn of a verbatim report
    verbatim: bool = False  # the item is a verbatim report: a turn runs on until the next label
    declaring: bool = False  # a list of declarations of interest follows
    public_speakers: bool = False  # a list of public speakers follows ("Members of the public who spoke:")


def attribute(drafts: list[Draft], cast: Cast, public: bool = False) -> list[Passage]:
    """Give each draft its speaker, splitting paragraphs where the speaker changes.

    ``public`` marks an item where the public speaks (see :func:`find_actor`).
    """
    out: list[Passage] = []
    labels = [turn_speaker(d.text, cast, public) if d.section != "summary" else None for d in drafts]
    ctx = _Context(verbatim=sum(label is not None for label in labels) >= 2)
    for d, label in zip(drafts, labels):
        if d.section == "summary":
            out.append(Passage(d.text, "summary"))
            continue
        if label is not None:
            ctx.turn = (label[0], label[1])
            if not label[2].strip():  # the label alone: its words follow
                out.append(Passage(d.text, d.section, *ctx.turn))
                continue
        elif not ctx.verbatim:
            ctx.turn = NOBODY
        listed = _listed_speaker(d, ctx)
        if listed is not None:
            out.append(Passage(d.text, d.section, *listed))
            continue
        in_list = d.kind in (BULLET, POINT, ROW) and ctx.lead != NOBODY
        for text, actor in _draft_groups(d, cast, public, in_list):
            speaker = _speaker_of(text, d, actor, ctx, in_list, public)
            also = actor.partners if actor is not None and speaker[0] == actor.role else ()
            out.append(Passage(text, d.section, speaker[0], speaker[1], also))
            if speaker != NOBODY:
                ctx.previous = speaker
                ctx.previous_by_title = actor is not None and actor.kind == "title" and actor.name is None
                if speaker[0] in _PRESENTING:
                    ctx.presenter = speaker
        _after_draft(d, ctx, out, in_list)
    return out


def _listed_speaker(d: Draft, ctx: _Context) -> Speaker | None:
    """The speaker of an entry in a list of declarations or of public speakers, if ``d`` is one."""
    if ctx.declaring and d.kind in (BULLET, POINT, ROW):
        # "Aled Pryce was a retired Police Officer…", "Les Broome | Governor of …": a member declaring
        m = _DECLARER.match(d.text)
        if m and valid_name(m.group("name")):
            return "councillor", clean_name(m.group("name"))
    if ctx.public_speakers:
        m = _LISTED_PERSON.search(d.text)
        name = _AS_WORDS.sub("", m.group("name")) if m else ""
        if m and valid_name(name):
            return ("councillor" if m.group("cllr") else "public"), clean_name(name)
    return None


def _draft_groups(d: Draft, cast: Cast, public: bool, in_list: bool) -> list[tuple[str, Mention | None]]:
    """The runs of ``d`` with one speaker each; a list entry is one run."""
    if not in_list:
        return _speaker_groups(d, cast, public)
    # a list entry is the clerk's unit: it keeps the presenter of its lead-in unless its
    # first sentence names its own speaker ("In response to a question, the Chief Constable confirmed")
    first = split_sentences(d.text)[:1]
    actor = find_actor(first[0], cast, public, leading=True) if first else None
    if actor is not None and first[0][: actor.start].strip() and not first[0][: actor.start].rstrip().endswith(","):
        actor = None  # named inside the point ("concerns raised by Members"), not its subject
    return [(d.text, actor)]


def _speaker_of(text: str, d: Draft, actor: Mention | None, ctx: _Context, in_list: bool, public: bool) -> Speaker:
    """The speaker of one run: its own actor, else the one the context hands on."""
    if actor is not None:
        if actor.guessed and not public and ctx.previous_by_title and ctx.previous[0] in _STAFF and not _asks(text, actor):
            return ctx.previous[0], actor.name  # "the Director of Housing … Mr Okafor advised": the same person
        return actor.role, actor.name
    if ctx.turn != NOBODY and d.section != "resolution":
        return ctx.turn
    if in_list:
        return ctx.lead
    if _PRONOUN.match(text) and ctx.previous != NOBODY:
        return ctx.previous
    if (_REACTIVE.search(text) or (d.lead and d.section in ("presentation", "questions"))) and d.section not in (
        "procedural",
        "resolution",
    ):
        return ctx.presenter
    return NOBODY


_ASKING = re.compile(r"\s+(?:also\s+|then\s+)?(?:asked|queried|questioned|enquired|sought)\b")


def _asks(text: str, actor: Mention) -> bool:
    """True if ``actor`` asks: "Mrs Cameron asked …" after an officer spoke is a member (Scottish and
    other minutes that title members "Mr"/"Mrs"), not the officer named again."""
    return bool(actor.name) and any(_ASKING.match(text, m.end()) for m in re.finditer(re.escape(actor.name.split()[-1]), text))


def _after_draft(d: Draft, ctx: _Context, out: list[Passage], in_list: bool) -> None:
    """Carry what ``d`` says about the drafts after it: a lead-in, a list of declarations or of speakers."""
    if _PUBLIC_SPEAKERS.search(d.text):
        ctx.public_speakers = True
    elif ctx.public_speakers and (len(d.text) > 160 or d.kind not in (BULLET, POINT, ROW) and _CLOSED.search(d.text)):
        ctx.public_speakers = False
    if d.kind in (BULLET, ROW) or (d.kind == POINT and in_list and not d.lead):
        return  # list entries keep the lead-in they belong to
    ctx.lead = (out[-1].speaker_role, out[-1].speaker_name) if d.lead and out else NOBODY
    ctx.declaring = bool(_DECLARING.search(d.text)) and d.section == "procedural"


_DECLARER = re.compile(rf"(?:(?:{_CLLR}|{_HONORIFIC})\s+)?(?P<name>{NAME})\s*(?:\b(?:was|is|had|has|declared)\b|[|(])")
# "Members of the public who spoke:", "Public speakers:", "Registered speakers": a list of the public speaking.
_PUBLIC_SPEAKERS = re.compile(
    r"^(?:(?:Members?\s+of\s+the\s+public|Public\s+speakers?|Registered\s+speakers?|Speakers)\b[^.]{0,60}?(?:\bwho\s+(?:spoke|addressed)\b[^.]{0,30})?)\s*:?\s*$",
    re.I,
)
_LISTED_PERSON = re.compile(rf"(?:(?P<cllr>{_CLLR})|{_HONORIFIC})\s+(?P<name>{NAME})")
_CLOSED = re.compile(r"[.!?]$")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'"})
# What a listed speaker spoke as, printed after the name: "Mr T Vane Agent for applicant".
_AS_WORDS = re.compile(r"(?:\s+(?:Agent|Applicant|Objector|Supporter|Resident|Petitioner|Ward))+$")
_DECLARING = re.compile(r"\bdeclar|\binterests\b", re.I)
_DECLARING = cued(_DECLARING)
_RESOLUTION_OPENING = re.compile(r"(?:\(?\w{1,3}[.)]\s*)?(?:That|To)\b")


def _speaker_groups(d: Draft, cast: Cast, public: bool = False) -> list[tuple[str, Mention | None]]:
    """Split a paragraph into runs of sentences with one speaker each."""
    if d.section == "resolution":
        return [(d.text, None if _RESOLUTION_OPENING.match(d.text) else find_actor(d.text, cast, public))]
    groups: list[tuple[list[str], Mention | None]] = []
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


def _same_speaker(a: Mention, b: Mention) -> bool:
    """Same role, and not two different names ("Councillor Lyle asked … Councillor Ashby responded")."""
    return a.role == b.role and (a.name is None or b.name is None or a.name.split()[-1] == b.name.split()[-1])


# "In response to a question from Councillor Ogden, the Commissioner said …": two speakers in one sentence.
_IN_RESPONSE = re.compile(r"^(In\s+(?:response|reply|answer)\s+to\s+[^,;]{0,120}?\b(?:from|by)\s+[^,;]{2,80}?,)\s+(?=\S)")
# "In response to the Chair, the Chief Constable …", "Following a question from Councillor Ogden, the
# Director …", "Responding to Members, …": whoever is answered spoke first, even after a preposition.
_ANSWERING = re.compile(
    r"^((?:In\s+(?:response|reply|answer)\s+to|Responding\s+to|Replying\s+to|Answering)\s+(?:the\s+)?(?=[A-Z])[^,;]{2,80}?,"
    r"|(?:Following|After)\s+(?:a\s+|the\s+)?(?:questions?|quer(?:y|ies)|comments?|concerns?)\s+(?:from|by)\s+[^,;]{2,80}?,)\s+(?=\S)"
)


def _subject(sentence: str, cast: Cast, public: bool) -> Mention | None:
    """The person a sentence opens with, speaking or not ("Cllr Ames took the chair")."""
    if not _PERSON_CUE.match(sentence) and not _TITLE_START.match(sentence):
        return None
    first = min(mentions(sentence, cast, public), key=lambda m: m.start, default=None)
    if first is None or first.start > 4 or first.kind == "members":
        return None
    if first.name and cast.role_of_name(first.name):
        first.role = cast.role_of_name(first.name)  # type: ignore[assignment]
    elif first.name is None:
        first.name = cast.name_for(first.role, first.title)
    return first


def _with_actors(sentences: list[str], cast: Cast, public: bool) -> list[tuple[str, Mention | None]]:
    """Each sentence with its speaker; a question put by one speaker and answered by another in
    the same sentence is split where the answer starts, so that each keeps its speaker."""
    out: list[tuple[str, Mention | None]] = []
    before: tuple[str, Mention | None] | None = None  # the last sentence and its speaker
    for s in sentences:
        actor = find_actor(s, cast, public)
        if actor is None and before is not None and _PRONOUN_SPEAKS.match(s):
            # "Cllr Ames took the chair. She welcomed Members …": the last sentence's subject speaks
            actor = before[1] or _subject(before[0], cast, public)
        before = (s, actor)
        m = _IN_RESPONSE.match(s) if actor is not None else None
        if m:
            answer = s[m.end() :]
            responder = find_actor(answer, cast, public)
            if responder is not None and responder.role != actor.role:  # type: ignore[union-attr]
                out += [(m.group(1), actor), (answer, responder)]
                continue
        answered = _answered(s, actor, cast, public)
        if answered is not None:
            out += answered
            continue
        out += _clauses(s, actor, cast, public)
    return out


def _answered(s: str, actor: Mention | None, cast: Cast, public: bool) -> list[tuple[str, Mention | None]] | None:
    """ "In response to the Chair, the Chief Constable said …": the opening clause is the answered
    speaker's, the rest the responder's; None unless both are found with different roles."""
    m = _ANSWERING.match(s) if actor is not None else None
    if m is None:
        return None
    opening, answer = m.group(1), s[m.end() :]
    asker = min(mentions(opening, cast, public), key=lambda x: x.start, default=None)
    responder = find_actor(answer, cast, public)
    if asker is None or responder is None or asker.role == responder.role:
        return None
    if asker.name is None:
        asker.name = cast.name_for(asker.role, asker.title)
    return [(opening, asker), (answer, responder)]


# Where a sentence's next clause may start with a new subject: "…, and the Chief Constable said …".
_SPEECH_WORD = re.compile(rf"\b(?:{_SPEECH}|{_MEMBER_SPEECH})\b")
_CLAUSE = re.compile(r",\s*(?:and|but|while|whilst|whereas)\s+|;\s+(?:and\s+)?")


def _clauses(s: str, actor: Mention | None, cast: Cast, public: bool) -> list[tuple[str, Mention | None]]:
    """``s`` split where a later clause has a speaker of its own ("Members asked …, and the
    Commissioner replied …"), each part with its speaker."""
    if actor is None or len(s) > 600:
        return [(s, actor)]
    for m in _CLAUSE.finditer(s, actor.end):
        if not _SPEECH_WORD.search(s, actor.end, m.start()) and not _agent(s, actor.start):
            continue  # "The Commissioner, Jo Ames, and the Chief Constable presented": one subject of two people
        rest = s[m.end() :]
        responder = find_actor(rest, cast, public)
        if responder is not None and responder.start == 0 and responder.role != actor.role:
            # the first part keeps its comma, the second its conjunction: "…, | and the Chief Constable replied"
            cut = m.start() + 1
            rest_text = s[cut:].lstrip()
            offset = len(rest_text) - len(rest)
            responder.start += offset
            responder.end += offset
            return [(s[:cut], actor)] + _clauses(rest_text, responder, cast, public)
    return [(s, actor)]
