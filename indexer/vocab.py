"""The controlled vocabularies: passage sections and speaker roles.

One source of truth for the parser (which assigns them), the index (which stores them),
the query language (``section:``/``speaker:`` filters and their aliases) and the web UI
(labels and select boxes).

The speaker roles are documented here in full: each role (:data:`ROLE_SPECS`) with its label, who
holds it and the words users type for it, and every title minutes use for its holders
(:data:`TITLES`), with the kinds of documents that need it. :mod:`indexer.parse.roles` compiles the
titles; :mod:`indexer.parse.speakers` finds them in reported speech.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping

#: Section name → human label, in the order an item usually runs.
SECTIONS: Mapping[str, str] = MappingProxyType(
    {
        "summary": "Summary",
        "presentation": "Presentation",
        "questions": "Questions",
        "discussion": "Discussion",
        "resolution": "Resolution",
        "procedural": "Procedural",
    }
)

@dataclass(frozen=True, slots=True)
class Role:
    """A speaker role: who holds it, how the UI labels it, and the words users type for it."""

    name: str
    label: str
    holders: str
    aliases: tuple[str, ...] = ()


#: The speaker roles, in the order the index stores them (never reorder: the index keeps their positions).
ROLE_SPECS: tuple[Role, ...] = (
    Role("commissioner", "Commissioner",
         "the Police (Fire) and Crime Commissioner (PCC, PFCC, PCVC); a mayor who holds those powers",
         ("pcc", "pfcc", "pcvc", "police_and_crime_commissioner", "mayor")),
    Role("deputy_commissioner", "Deputy Commissioner",
         "the deputy commissioner (DPCC); a deputy mayor for policing",
         ("dpcc", "deputy", "deputy_pcc", "deputy_mayor")),
    Role("chief_constable", "Chief Constable", "the force's chief constable, acting or temporary",
         ("cc", "constable")),
    Role("police_officer", "Police officer",
         "every other police officer: deputy and assistant chief constables, superintendents, inspectors, "
         "sergeants, constables, PCSOs, officers from the force",
         ("police", "officer")),
    Role("chief_executive", "Chief Executive", "a chief executive: the council's or the commissioner's office's",
         ("ceo",)),
    Role("opcc_officer", "OPCC officer",
         "staff of the commissioner's office (OPCC) under any other title: finance officer, treasurer, heads of service",
         ("opcc",)),
    Role("chair", "Chair",
         "whoever chairs the meeting: Chair(man), Vice-Chair in the chair, Convener, Provost, a civic Mayor, "
         "the Presiding Member, the Cadeirydd",
         ("chairman", "chairwoman", "chairperson", "vice_chair", "convener", "provost")),
    Role("councillor", "Councillor",
         "a named member of the body or of the council: councillors, the Leader, cabinet members, co-opted "
         "and independent members, the chair of another committee, ward members",
         ("cllr", "councillors")),
    Role("members", "Members", 'the members as a body: "Members asked", "the Panel noted that"',
         ("member", "panel", "committee")),
    Role("council_officer", "Council officer",
         "officers of the council or body: clerks, the monitoring officer, heads of service, directors, planning "
         "and licensing officers, scrutiny and democratic services officers",
         ("officers", "council_officers", "clerk")),
    Role("public", "Member of the public",
         "the public: residents, objectors, supporters, applicants and their agents, petitioners, licence "
         "holders and drivers with their representatives, public speakers",
         ("resident", "residents", "objector", "speaker", "applicant", "agent")),
    Role("other", "Other",
         "everyone else who speaks: external auditors, fire and rescue service staff, guest speakers",
         ("guest", "auditor")),
)

#: Speaker role → human label.
ROLES: Mapping[str, str] = MappingProxyType({r.name: r.label for r in ROLE_SPECS})


@dataclass(frozen=True, slots=True)
class Title:
    """One way minutes name the holder of a role, and the documents that need it.

    ``role`` is a role of :data:`ROLES`, or "mayor"/"deputy_mayor"/"fire_rank", which each document
    resolves (a mayor is the commissioner where a mayor holds policing powers, otherwise the civic
    chair; a fire service rank is 'other' in a fire authority's minutes, otherwise a council officer).
    ``pattern`` is a regular expression matched case-sensitively, so that acronyms ("PC", "DI") never
    match ordinary words; a title minutes also write in lower case ("the chief finance officer") has a
    lower-case alternative of its own.
    """

    role: str
    pattern: str
    seen_in: str


# A capitalised word of a title ("Head of Legal and Democratic Services"), and up to four of them.
_CAP = r"[A-Z][\w&'’]*"
_CAPS = rf"{_CAP}(?:\s+(?:and\s+|&\s+)?{_CAP}){{0,3}}"
# A lower-case word of a title, never a verb of speech: "the head of corporate governance reiterated".
_LOW = (
    r"(?!(?:said|asked|noted|explained|reported|advised|confirmed|stated|presented|introduced|outlined|responded|"
    r"replied|informed|added|reiterated|highlighted|clarified|agreed|gave|provided|and|who|was|were|had|has|is"
    # nor a preposition or article after the title: "the head of performance from the OPCC presented"
    r"|from|the|at|to|for|with|on|by|in|about)\b)[a-z][\w'’]*"
)
_LOWS = rf"{_LOW}(?:\s+(?:and\s+)?{_LOW}){{0,2}}"

#: Every title the parser maps to a role, in priority order: at one position the first that matches
#: wins, so "Deputy Chief Constable" is a police officer before "Chief Constable" can match and "Chief
#: Fire Officer" is fire service staff before "Officer" makes a council officer.
TITLES: tuple[Title, ...] = (
    Title("deputy_commissioner",
          r"Deputy\s+(?:Police,?\s+(?:Fire\s+)?and\s+Crime\s+Commissioner|PCC|PFCC|Commissioner"
          r"|Mayor\s+(?:for|of)\s+Policing(?:,?\s+(?:Fire\s+)?and\s+Crime)?)|DPCC|DPFCC"
          r"|deputy\s+(?:police\s+and\s+crime\s+)?commissioner",
          "police and crime panels; London's and Greater Manchester's deputy mayors for policing"),
    Title("commissioner",
          r"(?:Police,?\s+(?:Fire\s+)?and\s+Crime\s+Commissioner|Police,\s+Crime\s+and\s+Victims'?\s+Commissioner"
          r"|Policing,?\s+Fire\s+and\s+Crime\s+Commissioner)(?:\s+for\s+[A-Z][\w-]+(?:\s+and\s+[A-Z][\w-]+)?)?"
          r"|PCC|PFCC|PCVC|P&CC|Commissioner|commissioner|Mayor\s+for\s+Policing(?:,?\s+(?:Fire\s+)?and\s+Crime)?"
          r"|Comisiynydd(?:\s+Heddlu\s+a\s+Throseddu)?",
          "police and crime panels of every force area; Welsh panels' 'Comisiynydd'"),
    Title("police_officer",
          r"(?:Temporary\s+|Acting\s+|T/)?(?:Deputy|Assistant)\s+Chief\s+Constable|(?:Deputy\s+)?Assistant\s+Commissioner"
          r"|(?:Detective\s+)?(?:Chief\s+)?Superintendent|(?<!Planning\s)(?:Detective\s+)?(?:Chief\s+)?Inspector"
          r"|(?:Detective\s+)?Sergeant|Police\s+Constable|Commander|police\s+officers?|Police\s+(?:[A-Z][a-z]+\s+){0,2}Officers?"
          r"|(?:[Oo]fficers?|[Rr]epresentatives?)\s+(?:from|of)\s+(?:the\s+)?(?:(?:[A-Z][\w&-]*\s+){0,3}(?:Police|Constabulary)|PSNI|MPS)\b"
          r"|(?:deputy|assistant)\s+chief\s+constable|(?:chief\s+)?superintendent|chief\s+inspector"
          r"|DCC|ACC|PCSO|PC|PS|Sgt|Insp|Supt|Ch\.?\s?Supt|DCI|DI|DS",
          "police and crime panels, community safety scrutiny, licensing hearings (police licensing officers)"),
    Title("chief_constable",
          r"(?:Temporary\s+|Acting\s+)?Chief\s+Constable|(?:temporary\s+|acting\s+)?chief\s+constable|Prif\s+Gwnstabl",
          "police and crime panels of every force area"),
    Title("other",
          r"(?:Acting\s+|Deputy\s+|Assistant\s+)?Chief\s+Fire\s+Officer|(?:acting\s+|deputy\s+|assistant\s+)?chief\s+fire\s+officer"
          r"|(?:External|Internal)\s+Auditors?|(?:external|internal)\s+auditors?|[Gg]uest\s+[Ss]peakers?|Independent\s+Persons?"
          # a partner organisation's representative: "A representative of the Environment Agency explained"
          r"|[Rr]epresentatives?\s+(?:from|of)\s+(?:the\s+)?(?!OPCC|OSPCC|OPFCC|MOPAC|Office\s+of|Commissioner|Police|Constabulary"
          r"|[Aa]pplicants?|[Oo]bjectors?|[Aa]ppellants?|[Pp]etitioners?|[Rr]esidents?|[Cc]ouncil\b|Panel\b|Committee\b)[A-Z][\w&'-]*"
          r"(?:\s+(?:and\s+|&\s+|of\s+)?[A-Z][\w&'-]*){0,5}",
          "fire authorities (their service's staff), audit committees (external auditors), forums' guest speakers, "
          "standards committees (the Independent Person), any body hearing a partner organisation's representatives"),
    Title("fire_rank", r"(?:Area|Group|Station|Watch|Crew)\s+Manager|(?:area|group|station|watch|crew)\s+manager",
          "fire authorities: the service's ranks (other); elsewhere the same words name a council manager"),
    Title("council_officer",
          r"(?:Assistant|Deputy|Depute|Acting\s+Deputy|Interim\s+Deputy)\s+Chief\s+Executive|Monitoring\s+Officer|Team\s+Leader"
          r"|(?:Overview\s+and\s+)?Scrutiny\s+(?:Officer|Manager|Support\s+Officer|Lead|Adviser|Advisor)"
          r"|Democratic\s+Services\s+(?:Officer|Manager|Adviser)|Committee\s+(?:Officer|Clerk|Administrator|Manager)"
          r"|(?:Panel\s+|Parish\s+|Town\s+)?Clerk|Solicitor|Legal\s+(?:Adviser|Advisor|Officer)"
          rf"|Head\s+of\s+(?:the\s+)?{_CAPS}|(?:Service\s+|Strategic\s+|Corporate\s+|Executive\s+)?Director(?:\s+of\s+{_CAPS})?"
          r"|(?:[A-Z][a-z]+\s+){0,3}Manager(?:\s*[-–]\s*[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})?"
          r"|(?:Planning|Policy|Principal|Senior|Finance|Support)\s+Officer|Chief\s+Finance\s+Officer|Section\s+151\s+Officer"
          r"|Treasurer|Secretary|Chief\s+of\s+Staff|RFO|(?:Strategic|Service|Programme|Policy|Senior)\s+Lead|"
          r"Officers|(?:[A-Z][\w'-]+\s+){1,3}Officer"
          r"|(?:chief\s+finance|monitoring|planning|case|licensing|legal|finance|scrutiny|democratic\s+services|committee"
          r"|enforcement|highways?|principal|senior|section\s+151)\s+officers?"
          rf"|head\s+of\s+{_LOWS}|(?:service\s+|strategic\s+|corporate\s+|executive\s+)?director\s+of\s+{_LOWS}|officers?|clerk"
          r"|Swyddog(?:ion)?(?:\s+Monitro)?|[Cc]lerc(?:\s+y\s+(?:Dref|Cyngor))?",  # Welsh: officer(s), monitoring officer, clerk
          "every council: officers by title, capitalised or not ('the Head of Planning', 'the chief finance officer'); "
          "parish and town councils' clerk and RFO (responsible financial officer)"),
    Title("chief_executive",
          r"Chief\s+Executive(?:\s+Officer)?|CEO|chief\s+executive|Prif\s+Weithredwr",
          "councils, and commissioners' offices whose chief executive presents with the commissioner"),
    Title("opcc_officer",
          r"(?:[Oo]fficers?|[Ss]taff|[Rr]epresentatives?)\s+(?:from|of)\s+the\s+(?:OPCC|OSPCC|OPFCC|MOPAC|Office\s+of\s+the\s+"
          r"(?:Police\s+and\s+Crime\s+)?Commissioner)|OPCC\s+(?:officers?|staff|representatives?)",
          "police and crime panels: the commissioner's staff"),
    Title("deputy_mayor", r"Deputy\s+(?:Lord\s+)?Mayor|Dirprwy\s+Faer", "civic deputy mayors (a councillor); deputy mayors for policing"),
    Title("mayor", r"(?:(?:Right\s+)?Worshipful\s+the\s+)?(?:Lord\s+)?Mayor|(?:Y\s+)?Maer",
          "civic mayors and lord mayors chairing council (Welsh 'Maer'); mayors with policing powers"),
    Title("chair",
          r"(?:Vice[- ]?|Deputy\s+)?Chair(?:man|woman|person)?|(?:Vice[- ]?)?Conven[eo]r|(?:Lord\s+)?Provost|Presiding\s+Member"
          r"|(?:vice[- ]?)?chair(?:man|woman|person)?|convener|Cadeirydd|Is-?[Gg]adeirydd",
          "every body: chairs, Scottish conveners and provosts, national parks' and Welsh bodies' presiding members"),
    Title("councillor",
          r"Leader\s+of\s+the\s+(?:Council|Opposition)|(?:Deputy\s+)?Leader|Cabinet\s+Member(?:\s+for\s+[A-Z][\w&']*(?:\s+(?:and\s+)?[A-Z][\w&']*){0,3})?"
          r"|Executive\s+(?:Member|Councillor)|Lead\s+Member|Portfolio\s+Holder"
          r"|(?:[Ll]ocal\s+)?[Ww]ard\s+(?:[Cc]ouncillor|[Mm]ember)s?|[Ll]ocal\s+(?:[Cc]ouncillor|[Mm]ember)s?",
          "councils with an executive (leaders, cabinet members); planning committees (ward councillors)"),
    Title("public",
          r"[Mm]embers?\s+of\s+the\s+[Pp]ublic"
          r"|(?:[Aa]pplicant|[Oo]bjector|[Aa]ppellant|(?:premises\s+)?[Ll]icen[cs]e\s+[Hh]older|[Ll]icensee|[Dd]river)['’]s\s+"
          r"(?:agent|representative|solicitor|barrister|legal\s+representative)|[Rr]esidents?|[Oo]bjectors?|[Ss]upporters?|[Pp]etitioners?"
          r"|[Aa]pplicants?|agents?\s+(?:for|on\s+behalf\s+of)\s+the\s+applicants?|(?:[Pp]ublic|[Rr]egistered)\s+[Ss]peakers?"
          r"|(?:premises\s+)?licen[cs]e\s+holders?|(?:taxi\s+|hackney\s+carriage\s+|private\s+hire\s+)?driver|appellants?|complainants?"
          r"|[Pp]arishioners?|[Aa]elod(?:au)?\s+o['’]r\s+[Cc]yhoedd|[Rr]epresentatives?\s+(?:of|for)\s+the\s+(?:applicants?|objectors?|appellants?|petitioners?|residents?)",
          "planning and licensing committees (objectors, applicants and their agents or lawyers, licence holders, drivers); "
          "public question time"),
)

#: A councillor's title before a name, in English and Welsh ("Cllr", "Councillors", "Cyng.", "Cyng./Cllrs.",
#: "Alderman" in Northern Ireland and the City of London, "Bailie" in Scottish cities).
COUNCILLOR_TITLE = (
    r"(?:(?:County|District|Borough|City|Town|Parish|Executive)\s+)?(?:Councillors?|Cllrs?)\.?"
    r"|Cyng(?:horwyr|horydd)?\.?(?:\s*/\s*Cllrs?\.?)?|Alder(?:man|men|woman)|Bailies?"
)
#: Letters after an elected member's name: Assembly Members, MPs, MSPs, Members of the Senedd, MLAs.
ELECTED_SUFFIX = r"(?:AM|MP|MSP|MS|MLA)"


# Words a user may type after ``section:`` or ``speaker:``, normalised by
# :func:`normalise_key`. Canonical names map to themselves.
_SECTION_ALIASES = {
    "purpose": "summary",
    "overview": "summary",
    "intro": "summary",
    "presentations": "presentation",
    "report": "presentation",
    "question": "questions",
    "qa": "questions",
    "debate": "discussion",
    "resolutions": "resolution",
    "resolved": "resolution",
    "decision": "resolution",
    "decisions": "resolution",
    "agreed": "resolution",
    "procedure": "procedural",
}

_ROLE_ALIASES = {alias: role.name for role in ROLE_SPECS for alias in role.aliases}


def normalise_key(value: str) -> str:
    """Lower-case ``value`` and join its words with underscores ("Chief Constable" → "chief_constable")."""
    return "_".join(value.replace("-", " ").replace("_", " ").lower().split())


def resolve_section(value: str) -> str | None:
    """Return the section a user-typed ``value`` names, or None if it names none."""
    key = normalise_key(value)
    return key if key in SECTIONS else _SECTION_ALIASES.get(key)


def resolve_role(value: str) -> str | None:
    """Return the speaker role a user-typed ``value`` names, or None if it names none."""
    key = normalise_key(value)
    return key if key in ROLES else _ROLE_ALIASES.get(key)
