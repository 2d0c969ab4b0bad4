"""Who is who: the titles minutes use for people, mapped to speaker roles, and names.

The titles themselves and the role each names live in the role vocabulary
(:data:`indexer.vocab.TITLES`); this module compiles them and reads a document's cast.

"The Commissioner", "PCC", "PFCC" and "Police, Crime and Victims' Commissioner" are all the
commissioner; "Deputy Chief Constable" is a police officer; "Chairman of the Select
Committee" is a councillor, not the meeting's chair. :func:`build_cast` learns from a whole
document who holds which title ("Dana Quennell, Wessex and Avonmouth Police and Crime
Commissioner"), so that "the Commissioner" later on can be named, so that a name met alone
later ("Quennell said") keeps its role, and so that initials defined in an attendance list
("Jo Ames (JA)") stand for their person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..vocab import COUNCILLOR_TITLE, ELECTED_SUFFIX, TITLES
from .cues import cued

#: Sentences and texts are scanned up to this many characters: speakers are named early,
#: and a runaway "sentence" (a table, junk) is not prose.
MAX_SCAN = 2000

# A capitalised word with a lower-case letter ("Warwick", "McNally", "Lloyd-Jones") or an
# upper-case surname before punctuation ("Mr SMITH,"). Written so that no input can make the
# engine backtrack: word starts only, possessive runs.
_NAME_WORD = r"(?:\b[A-Z](?=[A-Za-z'-]*?[a-z])[a-zA-Z'-]*+|\b[A-Z]{2,}+(?=\s*[,.(]))"
NAME = rf"(?:(?:\b[A-Z]\.?\s+){{0,3}}{_NAME_WORD}(?:\s+(?:de\s+|van\s+|von\s+|da\s+|le\s+)?{_NAME_WORD}){{0,2}}|[A-Z]\.?(?:\s+[A-Z]\.?)*\s+{_NAME_WORD})"
HONORIFIC = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Professor|Prof|Colonel|Col|Sir|Dame|Lord|Lady|Rev|Reverend|Baroness|Baron)\.?"
CLLR = rf"(?:{COUNCILLOR_TITLE})"
# Words of a place or a department before a title ("Devon and Cornwall", "Southern Area"): a whole
# title read by :func:`title_role` may start with them.
_PLACE = r"(?:[A-Z][\w'-]+(?:\s+(?:and\s+)?[A-Z][\w'-]+){0,3}\s+)?"

#: The role of each title of the vocabulary, in its priority order (see :data:`indexer.vocab.TITLES`).
TITLE_ROLES = [t.role for t in TITLES]
# A whole title is read as it stands first, then after place words: "Assistant Commissioner" is a
# police officer, "Devon and Cornwall Police and Crime Commissioner" the commissioner.
_TITLE_RES = [(re.compile(rf"(?:the\s+|The\s+)?(?:{t.pattern})\b"), t.role) for t in TITLES] + [
    (re.compile(rf"(?:the\s+|The\s+)?{_PLACE}(?:{t.pattern})\b"), t.role) for t in TITLES
]
# Scanning a sentence drops the optional capitalised words before "Manager" and "Officer": trying them
# at every capital letter made the scan slow, and the speaker finder recovers them from the text.
_SCAN_TITLES = [
    t.pattern.replace(r"(?:[A-Z][a-z]+\s+){0,3}Manager", "Manager").replace(r"(?:[A-Z][\w'-]+\s+){1,3}Officer", "Officer")
    for t in TITLES
]
# The first word of every title written in lower case: a look-ahead on it lets the scan skip most
# words of a sentence without trying every title there (capitalised titles start with a capital).
_LOWER_HEADS = (
    "deputy commissioner police officers? representatives? staff assistant chief superintendent temporary acting "
    "external internal guest monitoring planning case licensing legal finance scrutiny democratic committee "
    "enforcement highways? principal senior section head service strategic corporate executive director clerk "
    "vice chair\\w* convener local ward members? residents? objectors? supporters? petitioners? applicants? agents? "
    "public registered premises licen[cs]e taxi hackney private driver appellants? complainants? parishioners? "
    "area group station watch crew aelod(?:au)? clerc"
).split()


def _by_first_letter(words: list[str]) -> str:
    """``words`` as one alternation grouped by first letter ("d(?:eputy|irector)|c(?:hief|lerk)"): the
    engine then tests one letter, not every word, at each position."""
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0], []).append(w[1:])
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())


#: All titles in one pass, each alternative a named group ``r<i>`` for ``TITLE_ROLES[i]``.
TITLE_ANY = re.compile(
    rf"\b(?=(?:[Tt]he\s+)?(?:[A-Z]|(?:{_by_first_letter(_LOWER_HEADS)})\b))(?:the\s+|The\s+)?(?:"
    + "|".join(f"(?P<r{i}>{p})" for i, p in enumerate(_SCAN_TITLES))
    + r")\b"
)
_BODY = r"(?:Panel|Committee|Sub-Committee|Cabinet|Board|Forum|Authority|Assembly|panel|committee|sub-committee|cabinet|board|forum)"
#: The members as a body: "Members", "A Member", "Members of the Committee", "the Panel", "Aelodau" (Welsh).
MEMBERS = re.compile(
    rf"\b(?=[AOSMTtPpCcBbFfIiEema])(?:(?:(?:A|One|Another|Several|Some|Many|Other|The|the|All|Individual)\s+)?(?:(?:{_BODY}|Elected|Independent|Co-opted|elected|independent|co-opted)\s+)?(?:Members?|members?)"
    rf"(?!\s+of\s+the\s+[Pp]ublic)(?:\s+of\s+the\s+(?:{_BODY}|Council|council))?\b"
    rf"|(?:The|the)\s+(?:{_BODY})\b(?!\s+(?:Members?|members|[Cc]lerk|[Oo]fficer|[Mm]anager|[Ss]ecretary|[Cc]hair))"
    r"|(?:(?:Several|Some|Many|All|The|the|Other)\s+)?[Cc]ouncillors\b(?!\s+[A-Z])"  # "Councillors asked", named ones are people
    r"|(?:A|One|Another|a|one|another)\s+[Cc]ouncillor\b(?!\s+[A-Z])"  # "A Councillor asked": unnamed, so the members
    r"|Aelodau\b)"
)
PERSON = re.compile(
    r"(?=[BCDEMLPRSTA])"
    rf"(?:(?:County|District|Borough|City|Town|Parish|Executive)\s+)?(?:Councillors|Cllrs|Cyng(?:horwyr)?|Aldermen|Bailies)\.?(?:\s*/\s*Cllrs?\.?)?\s+(?P<names>{NAME}(?:\s*,\s*{NAME}){{0,8}}(?:\s*,?\s+(?:and|a)\s+{NAME})?)"
    rf"|(?:(?:County|District|Borough|City|Town|Parish|Executive)\s+)?(?:Councillor|Cllr|Cyng(?:horydd)?|Alder(?:man|woman)|Bailie)\.?(?:\s*/\s*Cllrs?\.?)?\s+(?P<name>{NAME})"
    rf"|{HONORIFIC}\s+(?P<hname>{NAME})"
)
#: "Jo Ames AM", "Jo Ames MSP": an elected member named with the letters after the name.
ELECTED = re.compile(rf"(?=[A-Z])(?<![\w.])(?P<ename>{NAME})\s+{ELECTED_SUFFIX}\b")
ELECTED_CUE = re.compile(rf"\s{ELECTED_SUFFIX}\b")
#: A cheap test for :data:`PERSON`: a sentence without any of these names no person.
PERSON_CUE = re.compile(r"(?=[ABCDEMLPRST])(?:Cllr|Council|Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Col|Sir|Dame|Lord|Lady|Rev|Baron|Cyng|Alder|Bailie)")
# ", the Chairman of the Select Committee" / " (Panel Clerk)" after a name: what the person is.
APPOS_TITLE = re.compile(
    r"\s*(?:\(([^()]{1,80})\)"
    r"|,\s*((?:(?:the|a|an|his|her|their)\s+)?(?!(?:the|a|an|and|of)\b)[a-z][\w'-]*(?:\s+[\w'&-]+){0,7})\s*,"  # ", the agent for the applicant,"
    r"|,\s*(?:the\s+|a\s+|an\s+)?((?:Police,\s+(?:Fire|Crime)\s+and\s+[A-Z][\w']*\s+Commissioner|[A-Z][\w'&.-]*|of|the|and|for|to|on|&|-|–)(?:\s+(?:[A-Z][\w'&.-]*|of|the|and|for|to|on|&|-|–))*))"
)


def appositive(m: re.Match[str]) -> str:
    """The title an :data:`APPOS_TITLE` match found ("Panel Clerk", "the agent for the applicant")."""
    return next(g for g in m.groups() if g)


_NOT_NAME = frozenset(
    """The A An This That These Those It In On At For With From By As Members Member Panel Committee Council
    Cabinet Police Crime Commissioner Chief Chair Chairman Office Deputy Officers Officer OPCC PCC Apologies
    Minutes Resolved Following During Having When Through Also Both Councillor Councillors Cllr Cllrs
    Agenda Item Report Present Public Questions Declarations Decision Action There Some All Any Director Assistant
    Manager Secretary Clerk Treasurer Head Leader Mayor Inspector Superintendent Sergeant
    None Nil Nobody Neither Each Several No""".split()
)  # (quantifiers: "None declared." under a declarations item is nobody speaking - panels' and councils' minutes)


def valid_name(name: str) -> bool:
    """True if ``name`` looks like a person's name, not "The Panel" or "Police and Crime"."""
    words = name.split()
    while len(words) > 1 and len(words[0].strip(".")) == 1 and words[0][:1].isupper():
        words = words[1:]  # initials: "A Lyle", "J. R. Ames"
    return bool(words) and words[0].strip(",.") not in _NOT_NAME and not all(w.isupper() and len(w) > 1 for w in words)


_CAST_CUE = re.compile(
    r"(?=[A-Z])(?:Commissioner|Auditor|PCC|PFCC|PCVC|Constable|Superintendent|Inspector|Sergeant|Commander|Executive|Officer|"
    r"Clerk|Chair|Conven|Provost|Mayor|OPCC|OSPCC|Office\s+of|Manager|Director|Solicitor|Secretary|Head\s+of|Adviser|Advisor|"
    r"Treasurer|Auditor|Assistant)|\b(?:[Cc]hair|[Aa]uditors?|[Ss]ecretary|[Dd]irector|[Hh]ead\s+of|officer)\b|\([A-Z]{2,4}\)"
)


#: Roles many people hold at once: a name learnt for one is no name for another.
SHARED_ROLES = frozenset({"council_officer", "police_officer", "opcc_officer", "councillor", "members", "public", "other"})


@dataclass(slots=True)
class Cast:
    """The people a document names with their roles ("Dana Quennell, … Commissioner")."""

    names: dict[str, str] = field(default_factory=dict)
    mayor_role: str = "chair"
    #: The document is a fire and rescue authority's: its service's staff are 'other'.
    fire: bool = False
    #: Officers' titles this document gives to the Commissioner's office ("Treasurer, OPCC"), lower case.
    opcc_titles: set[str] = field(default_factory=set)
    #: Who holds a title, by :func:`title_key` ("chief finance officer" → "Ruth Adeyemi").
    titled: dict[str, str] = field(default_factory=dict)
    #: The role of each person named with a title, by name and by surname ("Quennell" → "commissioner").
    known: dict[str, str] = field(default_factory=dict)
    #: Initials an attendance list defines ("JA" → ("Jo Ames", "chair")).
    initials: dict[str, tuple[str, str]] = field(default_factory=dict)
    def strangers(self, words: list[str]) -> bool:
        """True if none of ``words`` is a name, surname or initials this document defined (a quick test)."""
        return not any(w in self.known or w in self.initials or w.split()[-1] in self.known for w in words)

    def role_and_name(self, word: str) -> tuple[str, str] | None:
        """The role and name of the person ``word`` (a name, surname or initials) stands for."""
        if word in self.initials:
            name, role = self.initials[word]
            return role, name
        role = self.role_of_name(word)
        return (role, word) if role else None

    def name_for(self, role: str, title: str | None = None) -> str | None:
        """The name of whoever holds ``title``; failing that, of the one person holding ``role``."""
        if title and title_key(title) in self.titled:
            return self.titled[title_key(title)]
        return None if role in SHARED_ROLES else self.names.get(role)

    def role_of(self, role: str, title: str) -> str:
        """``role`` as this document uses ``title``: a mayor who is the Commissioner, an OPCC treasurer."""
        if role in ("mayor", "deputy_mayor"):
            if self.mayor_role == "commissioner":
                return "commissioner" if role == "mayor" else "deputy_commissioner"
            return "chair" if role == "mayor" else "councillor"
        if self.mayor_role == "commissioner" and role in ("commissioner", "deputy_commissioner") and _FORCE_COMMISSIONER.search(title):
            # where a mayor holds the commissioner's powers, "the Commissioner" heads the force (London)
            return "chief_constable" if role == "commissioner" else "police_officer"
        if role == "fire_rank":
            return "other" if self.fire else "council_officer"
        if role == "council_officer" and title_key(title) in self.opcc_titles:
            return "opcc_officer"
        return role

    def role_of_name(self, name: str) -> str | None:
        """The role of a person this document has named with a title, looked up by full name or surname."""
        return self.known.get(name) or self.known.get(name.split()[-1]) if name else None

    def learn(self, name: str, role: str, title: str | None = None) -> None:
        """Remember that ``name`` holds ``role`` (and ``title``); the first title a document gives counts."""
        name = clean_name(name)
        if not valid_name(name):
            return
        self.known.setdefault(name, role)
        self.known.setdefault(name.split()[-1], role)
        if role not in ("members", "chair"):
            self.names.setdefault(role, name)
        if title and role not in ("members",):
            self.titled.setdefault(title_key(title), name)


# A bare "Commissioner" (or "of Police", "of the Metropolis"), not a police and crime commissioner.
_FORCE_COMMISSIONER = re.compile(r"^(?:the\s+|The\s+)?(?:Deputy\s+)?[Cc]ommissioner\b(?!\s*['’]s\s+Office)")


def title_key(title: str) -> str:
    """A title compared across a document: lower case, no article, one space."""
    return " ".join(_ARTICLE.sub("", title.strip(" .,;:()")).lower().split())


_ARTICLE = re.compile(r"^the\s+", re.I)
# A job title may itself hold a comma ("Police, Fire and Crime Commissioner").
_TITLE_TEXT = r"(?:Police,\s+(?:Fire|Crime)\s+and\s+[A-Z][\w']*\s+Commissioner|[^,()]){2,90}"
_APPOSITIVE_NAME = re.compile(
    rf"(?=[A-Z])(?:(?:{CLLR}|{HONORIFIC})\s+)?(?P<name>{NAME})\s*(?:,\s*(?:as\s+)?(?:the\s+)?|\(\s*|\s+[–-]\s+)(?P<title>{_TITLE_TEXT})\s*(?:[,()]|\s+(?:introduced|presented|gave|provided|from|who|was|attended)\b|\.|$)"
)
_TITLE_THEN_NAME = re.compile(
    rf"(?=[A-Z])(?P<title>(?:(?:[A-Z][\w'-]*|and|of)\s+){{0,8}}(?:Commissioner|Chief\s+Constable|Chief\s+Executive|Officer|Clerk|Superintendent|Inspector|Chairman|Chair)(?:\s+for\s+[A-Z][\w-]+)?)\s*,?\s+(?:(?:{HONORIFIC})\s+)?(?P<name>{NAME})\b"
)
# "the council's external auditors, Grant Thornton": a title in lower case, then the name.
_LOWER_TITLE_THEN_NAME = re.compile(
    rf"(?<![\w'’])(?P<title>(?:[a-z]+\s+){{0,3}}(?:auditors?|officer|manager|director|clerk|secretary|adviser|advisor|solicitor))\s*,\s*(?:{HONORIFIC}\s+)?(?P<name>{NAME})\b"
)
_FROM_OPCC = re.compile(rf"(?=[A-Z])(?P<name>{NAME})\s+from\s+the\s+(?:OPCC|OSPCC|OPFCC|MOPAC|Office\s+of\s+the)")
# "Councillor Jo Ames in the Chair", "Cllr Jo Ames took the chair", "Mrs J Ames – in the Chair"
_IN_CHAIR = re.compile(rf"(?=[A-Z])(?:{CLLR}\s+|{HONORIFIC}\s+)?(?P<name>{NAME})\s+(?:[–-]\s+)?(?:in|took|was\s+in|assumed)\s+the\s+[Cc]hair\b")
_ELECTED_CHAIR = re.compile(
    rf"(?=[A-Z])(?:{CLLR}\s+|{HONORIFIC}\s+)?(?P<name>{NAME})\s+(?:be|is|was)\s+(?:duly\s+)?(?:appointed|elected)\s+(?:as\s+)?(?:the\s+)?(?:Panel\s+)?Chair(?:man|woman|person)?\b(?!\s+of\s+the\s+(?:Select|Task|Working|Budget))"
)
# "Jo Ames (JA)" or "E. Ames (EA)(Chairman)" in an attendance list: initials used later as names.
_INITIALS = re.compile(rf"(?=[A-Z])(?P<name>{NAME})\s*\((?P<initials>[A-Z]{{2,4}})\)\s*(?:\((?P<title>[^()]{{2,40}})\))?")
# What an attendance list calls the group its names belong to.
_GROUP = re.compile(
    r"\b(?P<group>Chair(?:man|person)?|Secretary|Clerk|Councillors?|Members?|Present|Officers?|In\s+attendance|Observers?|Guests?|Also\s+present)\b\s*:?-?\s*$",
    re.I,
)
_GROUP_ROLE = {
    "chair": "chair", "chairman": "chair", "chairperson": "chair", "secretary": "council_officer", "clerk": "council_officer",
    "councillor": "councillor", "councillors": "councillor", "member": "councillor", "members": "councillor",
    "present": "councillor", "officer": "council_officer", "officers": "council_officer",
    "in attendance": "council_officer", "observer": "other", "observers": "other", "guest": "other", "guests": "other",
    "also present": "other",
}


_LOWER_TITLE_CUE = re.compile(r"(?:auditors?|officer|manager|director|clerk|secretary|adviser|advisor|solicitor)\s*,")
_IN_CHAIR_CUE = re.compile(r"\bthe\s+[Cc]hair\b")
_ELECTED_CUE = re.compile(r"\b(?:appointed|elected)\b")
_IN_CHAIR_CUE, _ELECTED_CUE = cued(_IN_CHAIR_CUE), cued(_ELECTED_CUE)  # speed: cheap tests before the cues
_INITIALS_CUE = re.compile(r"\([A-Z]{2,4}\)")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'"})
_ONE_PERSON = frozenset({"chair", "chairman", "chairperson", "secretary", "clerk"})


# "Director of Finance (…)", "Clerk to the Board, Licensing Standards Officer": the word before the
# comma ends a title or names a body (Scottish boards' and NI councils' attendance lists), not a person
_INSIDE_TITLE = re.compile(r"\b(?:of|for|and|to)\s+(?:the\s+)?$|\bthe\s+$")
_ASKED_BY = re.compile(r"\b(?:questions?|quer(?:y|ies)|comments?)\s+(?:from|by)\s+$")
#: The commissioner's office, however a document names it.
OPCC_OFFICE = r"(?:OPCC|OSPCC|OPFCC|MOPAC|Office\s+of\s+the\s+(?:Police,?\s+(?:Fire\s+)?and\s+Crime\s+)?Commissioner)"
_OPCC_AFTER = re.compile(rf"\s*[,–-]\s*(?:the\s+)?{OPCC_OFFICE}\b")
# A mayor holds the commissioner's powers: London (MOPAC), Greater Manchester, West Yorkshire.
_MAYORAL = re.compile(r"Mayor\s+for\s+Policing|Mayoral\s+Combined\s+Authority|Mayor['’]?s\s+Office\s+for\s+Policing|MOPAC")
_FIRE = re.compile(r"Fire\s+(?:and\s+Rescue|Authority)|Chief\s+Fire\s+Officer")
_JUST_CHAIR = re.compile(r"(?:the\s+)?(?:Chair(?:man|woman|person)?|Conven[eo]r)", re.I)
_OF_TITLE = re.compile(r"^(?P<name>.+?)\s+of\s+")


def build_cast(texts: list[str]) -> Cast:
    """Collect who holds which title from anywhere in the document."""
    cast = Cast()
    texts = [t[:MAX_SCAN].replace("\u2019", "'").replace("\u2018", "'") for t in texts]
    joined = "\n".join(texts)
    if _MAYORAL.search(joined):
        cast.mayor_role = "commissioner"
    cast.fire = bool(_FIRE.search(joined))
    for text in texts:
        if not _CAST_CUE.search(text):
            continue
        _learn_appositives(cast, text)
        for m in _TITLE_THEN_NAME.finditer(text):
            title = m.group("title")
            if " of " in title and title_role(title.rsplit(" of ", 1)[1]):
                title = title.rsplit(" of ", 1)[1]  # "appointment by the Commissioner of Deputy Chief Constable X"
            role = title_role(title)
            if role and role not in ("members",):
                cast.learn(m.group("name"), role, title)
        # each pattern below tries a name at every capital letter: cheap cues skip texts that cannot match
        if _LOWER_TITLE_CUE.search(text):
            for m in _LOWER_TITLE_THEN_NAME.finditer(text):
                role = title_role(m.group("title"))
                if role:
                    cast.learn(m.group("name"), role, m.group("title"))
        if "from the" in text:
            for m in _FROM_OPCC.finditer(text):
                cast.learn(m.group("name"), "opcc_officer")
        for rx, cue in ((_IN_CHAIR, _IN_CHAIR_CUE), (_ELECTED_CHAIR, _ELECTED_CUE)):
            if not cue.search(text):
                continue
            for m in rx.finditer(text):
                if "vice" not in m.group(0).lower() and valid_name(m.group("name")):
                    cast.names["chair"] = clean_name(m.group("name"))
                    cast.known.setdefault(clean_name(m.group("name")).split()[-1], "chair")
        if _INITIALS_CUE.search(text):
            _learn_initials(cast, text)
    return cast


def _learn_appositives(cast: Cast, text: str) -> None:
    """ "Name, Title" and "Name (Title)": who holds which title."""
    for m in _APPOSITIVE_NAME.finditer(text):
        if _INSIDE_TITLE.search(text, max(0, m.start() - 8), m.start()):
            continue  # "Director of Finance (Section 151 Officer)": "Finance" ends a title, not a name
        if "(" not in m.group(0) and _ASKED_BY.search(text, max(0, m.start() - 30), m.start()):
            continue  # "a question from Councillor Ogden, the Commissioner said": a new clause
        title = m.group("title")
        role = title_role(title)
        if role == "council_officer" and _OPCC_AFTER.match(text, m.end("title")):
            role = "opcc_officer"  # "Richard Kemp (Treasurer, OPCC)"
            cast.opcc_titles.add(title_key(title))
        if role == "chair" and _JUST_CHAIR.fullmatch(title.strip()):
            if "(" in m.group(0) and valid_name(m.group("name")):  # "Councillor Ann Brook (Chair)"
                cast.names.setdefault("chair", clean_name(m.group("name")))
                cast.known.setdefault(clean_name(m.group("name")).split()[-1], "chair")
        elif role and role not in ("members", "chair"):
            cast.learn(m.group("name"), role, title)


def _learn_initials(cast: Cast, text: str) -> None:
    """Initials an attendance list gives ("Chairman:- Jo Ames (JA)", "E. Ames (EA)(Chairman)")."""
    group = None
    singular = False
    last = 0
    for m in _INITIALS.finditer(text):
        between = _GROUP.search(text, last, m.start())
        if between:
            label = " ".join(between.group("group").lower().split())
            group, singular = _GROUP_ROLE.get(label), label in _ONE_PERSON
        elif singular:
            group = None  # "Chairman:- Jo Ames (JA)" names one person; the names after it are members
        last = m.end()
        title = m.group("title")
        role = (title_role(title) if title else None) or group or "councillor"
        name = clean_name(m.group("name"))
        if valid_name(name):
            cast.initials.setdefault(m.group("initials"), (name, role))
            if role == "chair":
                cast.names.setdefault("chair", name)


# After an officer's title: whose officer ("Chief Finance Officer of the OPCC", "… to the Commissioner").
OF_THE_COMMISSIONER = re.compile(
    r"\s+(?:of|from|at|in|to|for|with)\s+the\s+(?:OPCC|OSPCC|OPFCC|MOPAC|Office\s+of\s+the\b|PCC\b|PFCC\b|"
    r"(?:Police,?\s+(?:Fire\s+)?and\s+Crime\s+)?Commissioner\b(?!'))"
    r"|\s*\((?:OPCC|OSPCC|OPFCC|MOPAC)\)|\s*[,–-]\s*(?:the\s+)?(?:OPCC|OSPCC|OPFCC|MOPAC)\b"
)
# Words before a title that say whose or how appointed: "the Council's appointed External Auditors".
_QUALIFIER = re.compile(
    r"^(?:as\s+)?(?:the\s+)?(?:(?:Council|Authority|County|City|Panel|Committee|council|authority)['’]s\s+)?"
    r"(?:(?:appointed|new|interim|newly\s+appointed)\s+)?(?=\S)"
)
_STAFF_OF = re.compile(r"(?:the\s+)?(?:Police,?\s+(?:Fire\s+)?and\s+Crime\s+)?(?:Commissioner|PCC|PFCC|PCVC)'s\s+(.+)", re.I)
_PUBLIC_WORDS = re.compile(
    r"\b(?:(?:objector|supporter|resident|applicant|petitioner)s?|agent|members?\s+of\s+the\s+public)\b", re.I
)
_OPCC_WORDS = re.compile(r"\b(?:OPCC|OSPCC|OPFCC|MOPAC)\b|\bOffice\s+of\s+the\s+(?:Police\s+and\s+Crime\s+)?Commissioner\b")
_LEADS_OFFICE = re.compile(r"(?:the\s+)?(?:Chief\s+Executive|Commissioner)\b")
_CHAIR_OF_OTHER = re.compile(r"\b[Cc]hair(?:man|woman|person)?\s+of\s+the\s+(?!Panel\b|Committee\b|Council\b|Cabinet\b|[Mm]eeting\b)")
# "chair of trustees", "Chairman of Wessex Rail Users": an office in another organisation, no role here.
_CHAIR_ELSEWHERE = re.compile(r"\b[Cc]hair(?:man|woman|person)?\s+of\s+(?!the\b)")
_MEMBER_WORDS = re.compile(r"\b(?:Councillor|Co-opted|Independent\s+Member|Member)\b")


def title_role(title: str) -> str | None:
    """The role a job title or description names ("Devon and Cornwall Police and Crime Commissioner")."""
    t = _QUALIFIER.sub("", title.strip()).replace(" & ", " and ")  # "Police & Crime Commissioner"
    staff = _STAFF_OF.match(t)
    if staff:  # "the Commissioner's Chief Finance Officer": the Commissioner's staff
        role = title_role(staff.group(1))
        return "opcc_officer" if role in (None, "council_officer", "commissioner", "members") else role
    if _PUBLIC_WORDS.search(t):
        return "public"
    if _OPCC_WORDS.search(t) and not _LEADS_OFFICE.match(t):
        return "opcc_officer"
    if _CHAIR_OF_OTHER.search(t):
        return "councillor"
    if _CHAIR_ELSEWHERE.search(t):
        return None
    for rx, role in _TITLE_RES:
        m = rx.match(t)
        if m:
            if role == "council_officer" and OF_THE_COMMISSIONER.match(t, m.end()):
                return "opcc_officer"  # "Chief Finance Officer to the PCC"
            return {"mayor": "chair", "deputy_mayor": "councillor", "fire_rank": "council_officer"}.get(role, role)
    if _MEMBER_WORDS.search(t):
        return "councillor"
    return None


# Items where the public speaks: questions and statements from the public, deputations, petitions,
# and applications decided in public (planning, licensing) with their reference numbers.
_PUBLIC_ITEM = re.compile(
    r"\b(?:public\s+(?:questions?|participation|speaking|speakers?|forum|statements?|question\s+time)"
    r"|questions?\s+(?:from|by)\s+(?:(?:members\s+of\s+)?the\s+public|(?:Mr|Mrs|Ms|Miss|Mx|Dr)\b)|deputations?|petitions?"
    r"|planning\s+applications?|applications?\s+for\s+(?:a\s+|the\s+)?(?:new\s+|variation\s+)?(?:premises|planning|licen[cs]e|permission)"
    r"|premises\s+licen[cs]e|licen[cs]ing\s+act|licen[cs]e\s+(?:applications?|reviews?|hearings?)"
    r"|hackney\s+carriage|private\s+hire|taxi)\b"
    r"|\b(?:[A-Z]{1,4}/\d{2,4}/\d{3,6}|(?:[A-Z]{1,4}/)?\d{1,4}/\d{3,5}/[A-Z]{2,6})\b",
    re.I,
)


def is_public_item(title: str) -> bool:
    """True if members of the public speak at this item ("Public Questions", "22/01877/FUL - Land at …")."""
    return bool(title and _PUBLIC_ITEM.search(title))


_LEADING_TITLE = re.compile(rf"^(?:{CLLR}|{HONORIFIC})\s+")
_SPACES = re.compile(r"\s+")


# a motion's capitalised word run on after a name ("Councillor Jo Ames Seconded by …"): not part of it
_TRAILING_MOTION_WORD = re.compile(r"\s+(?:Seconded|Proposed|Moved|Resolved|Agreed|Declared|SECONDED|PROPOSED|MOVED|RESOLVED|AGREED)$")


def clean_name(name: str) -> str:
    """Drop honorifics, a motion's word run on after the name and surrounding punctuation from a printed name."""
    name = _TRAILING_MOTION_WORD.sub("", _LEADING_TITLE.sub("", name.strip()))
    return _SPACES.sub(" ", name).strip(" ,.")
