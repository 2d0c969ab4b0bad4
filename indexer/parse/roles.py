"""Who is who: the titles minutes use for people, mapped to speaker roles, and names.

"The Commissioner", "PCC", "PFCC" and "Police, Crime and Victims' Commissioner" are all the
commissioner; "Deputy Chief Constable" is a police officer; "Chairman of the Select
Committee" is a councillor, not the meeting's chair. :func:`build_cast` learns from a whole
document who holds which title ("Dana Quennell, Wessex and Avonmouth Police and Crime
Commissioner"), so that "the Commissioner" later on can be named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: Sentences and texts are scanned up to this many characters: speakers are named early,
#: and a runaway "sentence" (a table, junk) is not prose.
MAX_SCAN = 2000

# A capitalised word with a lower-case letter ("Warwick", "McNally", "Lloyd-Jones") or an
# upper-case surname before punctuation ("Mr SMITH,"). Written so that no input can make the
# engine backtrack: word starts only, possessive runs.
_NAME_WORD = r"(?:\b[A-Z](?=[A-Za-z'-]*?[a-z])[a-zA-Z'-]*+|\b[A-Z]{2,}+(?=\s*[,.(]))"
NAME = rf"(?:(?:[A-Z]\.?\s+){{0,3}}{_NAME_WORD}(?:\s+(?:de\s+|van\s+|von\s+|da\s+|le\s+)?{_NAME_WORD}){{0,2}}|[A-Z]\.?(?:\s+[A-Z]\.?)*\s+{_NAME_WORD})"
HONORIFIC = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Professor|Prof|Colonel|Col|Sir|Dame|Lord|Lady|Rev|Reverend|Baroness|Baron)\.?"
CLLR = r"(?:(?:County|District|Borough|City|Town|Parish|Executive)\s+)?(?:Councillors?|Cllrs?)\.?"
_PLACE = r"(?:[A-Z][\w'-]+(?:\s+(?:and\s+)?[A-Z][\w'-]+){0,3}\s+)?"

# (pattern, role) in priority order; the first that matches at a position wins.
_TITLES: list[tuple[str, str]] = [
    (rf"Deputy\s+(?:Police,?\s+(?:Fire\s+)?and\s+Crime\s+Commissioner|PCC|PFCC|Commissioner|Mayor\s+(?:for|of)\s+Policing(?:,?\s+(?:Fire\s+)?and\s+Crime)?)|DPCC|DPFCC", "deputy_commissioner"),
    (rf"{_PLACE}(?:Police,?\s+(?:Fire\s+)?and\s+Crime\s+Commissioner|Police,\s+Crime\s+and\s+Victims'?\s+Commissioner|Policing,?\s+Fire\s+and\s+Crime\s+Commissioner)(?:\s+for\s+[A-Z][\w-]+(?:\s+and\s+[A-Z][\w-]+)?)?|PCC|PFCC|PCVC|P&CC|Commissioner|Mayor\s+for\s+Policing(?:,?\s+(?:Fire\s+)?and\s+Crime)?", "commissioner"),
    (r"(?:Temporary\s+|Acting\s+)?(?:Deputy|Assistant)\s+Chief\s+Constable|(?:Deputy\s+)?Assistant\s+Commissioner|DCC|ACC|(?:Chief\s+)?Superintendent|(?:Detective\s+)?(?:Chief\s+)?Inspector|Sergeant|Police\s+Constable|Commander|police\s+officers?"
     r"|Police\s+(?:[A-Z][a-z]+\s+){0,2}Officers?|PCSO|PC|PS|Sgt|Insp|Supt|Ch\.?\s?Supt|DCI|DI|DS", "police_officer"),
    (r"(?:Temporary\s+|Acting\s+)?Chief\s+Constable", "chief_constable"),
    (r"(?:Assistant|Deputy|Acting\s+Deputy|Interim\s+Deputy)\s+Chief\s+Executive|Monitoring\s+Officer|(?:Overview\s+and\s+)?Scrutiny\s+(?:Officer|Manager|Support\s+Officer|Lead|Adviser|Advisor)|Democratic\s+Services\s+(?:Officer|Manager|Adviser)|Committee\s+(?:Officer|Clerk|Administrator|Manager)|(?:Panel\s+)?Clerk|Solicitor|Legal\s+(?:Adviser|Advisor|Officer)|Head\s+of\s+[A-Z][\w&']*(?:\s+(?:and\s+)?[A-Z][\w&']*){0,3}|(?:Service\s+|Strategic\s+|Corporate\s+|Executive\s+)?Director(?:\s+of\s+[A-Z][\w&']*(?:\s+(?:and\s+)?[A-Z][\w&']*){0,3})?|(?:[A-Z][a-z]+\s+){0,3}Manager(?:\s*[-–]\s*[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})?|(?:Planning|Policy|Principal|Senior|Finance|Support)\s+Officer|Chief\s+Finance\s+Officer|Section\s+151\s+Officer|Treasurer|Secretary|Officers|(?:[A-Z][\w'-]+\s+){1,3}Officer", "council_officer"),
    (r"Chief\s+Executive|CEO", "chief_executive"),
    (r"(?:officers?|staff|representatives?)\s+(?:from|of)\s+the\s+(?:OPCC|OSPCC|OPFCC|Office\s+of\s+the\s+(?:Police\s+and\s+Crime\s+)?Commissioner)|OPCC\s+(?:officers?|staff|representatives?)", "opcc_officer"),
    (r"Deputy\s+Mayor", "deputy_mayor"),
    (r"(?:Worshipful\s+the\s+)?Mayor", "mayor"),
    (r"(?:Vice[- ]?)?Chair(?:man|woman|person)?|(?:Vice[- ]?)?Conven[eo]r|(?:Lord\s+)?Provost|Presiding\s+Member", "chair"),
    (r"Leader\s+of\s+the\s+Council|(?:Deputy\s+)?Leader|Cabinet\s+Member(?:\s+for\s+[A-Z][\w&']*(?:\s+(?:and\s+)?[A-Z][\w&']*){0,3})?|Executive\s+(?:Member|Councillor)|Lead\s+Member|Portfolio\s+Holder", "councillor"),
    (r"(?:member\s+of\s+the\s+public|members\s+of\s+the\s+public|resident|objector|supporter|petitioner|applicant|public\s+speaker)s?", "public"),
]
_TITLE_RES = [(re.compile(rf"\b(?:the\s+|The\s+)?(?:{p})\b"), role) for p, role in _TITLES]
# All titles in one pass. The look-ahead on the first character lets the regex engine skip
# most positions without trying every branch, which makes speaker finding several times faster.
TITLE_ROLES = [role for _, role in _TITLES]
# Scanning drops the optional words before a title ("Devon and Cornwall", "Southern Area"):
# trying them at every capital letter is what made the scan slow, and they name no role.
_SCAN_TITLES = [
    p.replace(_PLACE, "").replace(r"(?:[A-Z][a-z]+\s+){0,3}Manager", "Manager").replace(r"(?:[A-Z][\w'-]+\s+){1,3}Officer", "Officer")
    for p, _ in _TITLES
]
TITLE_ANY = re.compile(
    r"(?=[A-Ztmropsa])\b(?:the\s+|The\s+)?(?:" + "|".join(f"(?P<r{i}>{p})" for i, p in enumerate(_SCAN_TITLES)) + r")\b"
)
MEMBERS = re.compile(
    r"(?=[AOSMTtPCBm])(?:(?:(?:A|One|Another|Several|Some|Many|Other|The|the)\s+)?(?:(?:Panel|Committee)\s+)?(?:Members?|members)(?:\s+of\s+the\s+(?:Panel|Committee|Council|Cabinet|Board))?\b"
    r"|(?:The|the)\s+(?:Panel|Committee|Cabinet|Board|Sub-Committee)\b)"
)
PERSON = re.compile(
    r"(?=[BCDEMLPRST])"
    rf"(?:(?:County|District|Borough|City|Town|Parish|Executive)\s+)?(?:Councillors|Cllrs)\.?\s+(?P<names>{NAME}(?:\s*,\s*{NAME}){{0,8}}(?:\s*,?\s+and\s+{NAME})?)"
    rf"|(?:(?:County|District|Borough|City|Town|Parish|Executive)\s+)?(?:Councillor|Cllr)\.?\s+(?P<name>{NAME})"
    rf"|{HONORIFIC}\s+(?P<hname>{NAME})"
)
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
    Minutes Resolved Following During Having When Through Also Both Councillor Councillors Cllr Cllrs""".split()
)


def valid_name(name: str) -> bool:
    """True if ``name`` looks like a person's name, not "The Panel" or "Police and Crime"."""
    words = name.split()
    return bool(words) and words[0].strip(",.") not in _NOT_NAME and not all(w.isupper() and len(w) > 1 for w in words)


_CAST_CUE = re.compile(
    r"(?=[A-Z])(?:Commissioner|PCC|PFCC|PCVC|Constable|Superintendent|Inspector|Sergeant|Commander|Executive|Officer|"
    r"Clerk|Chair|Conven|Provost|Mayor|OPCC|OSPCC|Office\s+of|Manager|Director|Solicitor|Secretary|Head\s+of|Adviser|Advisor|Treasurer)"
)


#: Roles many people hold at once: a name learnt for one is no name for another.
SHARED_ROLES = frozenset({"council_officer", "police_officer", "opcc_officer", "councillor", "members", "public", "other"})


@dataclass(slots=True)
class Cast:
    """The people a document names with their roles ("Dana Quennell, … Commissioner")."""

    names: dict[str, str] = field(default_factory=dict)
    mayor_role: str = "chair"
    #: Officers' titles this document gives to the Commissioner's office ("Treasurer, OPCC"), lower case.
    opcc_titles: set[str] = field(default_factory=set)
    #: Who holds a title, by :func:`title_key` ("chief finance officer" → "Ruth Adeyemi").
    titled: dict[str, str] = field(default_factory=dict)

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
        if role == "council_officer" and title_key(title) in self.opcc_titles:
            return "opcc_officer"
        return role


def title_key(title: str) -> str:
    """A title compared across a document: lower case, no article, one space."""
    return " ".join(re.sub(r"^the\s+", "", title.strip(" .,;:()"), flags=re.I).lower().split())


# A job title may itself hold a comma ("Police, Fire and Crime Commissioner").
_TITLE_TEXT = r"(?:Police,\s+(?:Fire|Crime)\s+and\s+[A-Z][\w']*\s+Commissioner|[^,()]){2,90}"
_APPOSITIVE_NAME = re.compile(
    rf"(?=[A-Z])(?:(?:{CLLR}|{HONORIFIC})\s+)?(?P<name>{NAME})\s*(?:,\s*(?:the\s+)?|\(\s*)(?P<title>{_TITLE_TEXT})\s*(?:[,()]|\s+(?:introduced|presented|gave|provided|from|who|was|attended)\b|\.|$)"
)
_TITLE_THEN_NAME = re.compile(
    rf"(?=[A-Z])(?P<title>(?:(?:[A-Z][\w'-]*|and|of)\s+){{0,8}}(?:Commissioner|Chief\s+Constable|Chief\s+Executive|Officer|Clerk|Superintendent|Inspector|Chairman|Chair)(?:\s+for\s+[A-Z][\w-]+)?)\s*,?\s+(?:(?:{HONORIFIC})\s+)?(?P<name>{NAME})\b"
)
_FROM_OPCC = re.compile(rf"(?=[A-Z])(?P<name>{NAME})\s+from\s+the\s+(?:OPCC|OSPCC|OPFCC|Office\s+of\s+the)")
_IN_CHAIR = re.compile(rf"(?=[A-Z])(?:{CLLR}\s+)?(?P<name>{NAME})\s+in\s+the\s+Chair\b")
_ELECTED_CHAIR = re.compile(
    rf"(?=[A-Z])(?:{CLLR}\s+|{HONORIFIC}\s+)?(?P<name>{NAME})\s+(?:be|is|was)\s+(?:duly\s+)?(?:appointed|elected)\s+(?:as\s+)?(?:the\s+)?(?:Panel\s+)?Chair(?:man|woman|person)?\b(?!\s+of\s+the\s+(?:Select|Task|Working|Budget))"
)


_INSIDE_TITLE = re.compile(r"\b(?:of|for|and|to)\s+$")
_ASKED_BY = re.compile(r"\b(?:questions?|quer(?:y|ies)|comments?)\s+(?:from|by)\s+$")
#: The commissioner's office, however a document names it.
OPCC_OFFICE = r"(?:OPCC|OSPCC|OPFCC|Office\s+of\s+the\s+(?:Police,?\s+(?:Fire\s+)?and\s+Crime\s+)?Commissioner)"
_OPCC_AFTER = re.compile(rf"\s*[,–-]\s*(?:the\s+)?{OPCC_OFFICE}\b")


def build_cast(texts: list[str]) -> Cast:
    """Collect who holds which title from anywhere in the document."""
    cast = Cast()
    texts = [t[:MAX_SCAN] for t in texts]
    joined = "\n".join(texts)
    if re.search(r"Mayor\s+for\s+Policing|Mayoral\s+Combined\s+Authority|Policing,\s+Fire\s+and\s+Crime", joined):
        cast.mayor_role = "commissioner"
    for text in texts:
        if not _CAST_CUE.search(text):
            continue
        for m in _APPOSITIVE_NAME.finditer(text):
            if _INSIDE_TITLE.search(text, max(0, m.start() - 8), m.start()):
                continue  # "Director of Finance (Section 151 Officer)": "Finance" ends a title, not a name
            if "(" not in m.group(0) and _ASKED_BY.search(text, max(0, m.start() - 30), m.start()):
                continue  # "a question from Councillor Ogden, the Commissioner said": a new clause
            role = title_role(m.group("title"))
            if role == "council_officer" and _OPCC_AFTER.match(text, m.end("title")):
                role = "opcc_officer"  # "Richard Kemp (Treasurer, OPCC)"
                cast.opcc_titles.add(title_key(m.group("title")))
            if role == "chair" and re.fullmatch(r"(?:the\s+)?(?:Chair(?:man|woman|person)?|Conven[eo]r)", m.group("title").strip(), re.I):
                if "(" in m.group(0) and valid_name(m.group("name")):  # "Councillor Ann Brook (Chair)"
                    cast.names.setdefault("chair", clean_name(m.group("name")))
            elif role and role not in ("members", "chair") and valid_name(m.group("name")):
                cast.names.setdefault(role, clean_name(m.group("name")))
                cast.titled.setdefault(title_key(m.group("title")), clean_name(m.group("name")))
        for m in _TITLE_THEN_NAME.finditer(text):
            title = m.group("title")
            if " of " in title and title_role(title.rsplit(" of ", 1)[1]):
                title = title.rsplit(" of ", 1)[1]  # "appointment by the Commissioner of Deputy Chief Constable X"
            role = title_role(title)
            if role and role not in ("members",) and valid_name(m.group("name")):
                cast.names.setdefault(role, clean_name(m.group("name")))
                cast.titled.setdefault(title_key(title), clean_name(m.group("name")))
        for m in _FROM_OPCC.finditer(text):
            if valid_name(m.group("name")):
                cast.names.setdefault("opcc_officer", clean_name(m.group("name")))
        for rx in (_IN_CHAIR, _ELECTED_CHAIR):
            for m in rx.finditer(text):
                if "vice" not in m.group(0).lower() and valid_name(m.group("name")):
                    cast.names["chair"] = clean_name(m.group("name"))
    return cast


# After an officer's title: whose officer ("Chief Finance Officer of the OPCC", "… to the Commissioner").
OF_THE_COMMISSIONER = re.compile(
    r"\s+(?:of|from|at|in|to|for)\s+the\s+(?:OPCC|OSPCC|OPFCC|Office\s+of\s+the\b|PCC\b|PFCC\b|"
    r"(?:Police,?\s+(?:Fire\s+)?and\s+Crime\s+)?Commissioner\b(?!'))"
)


def title_role(title: str) -> str | None:
    """The role a job title or description names ("Devon and Cornwall Police and Crime Commissioner")."""
    t = title.strip()
    staff = re.match(r"(?:the\s+)?(?:Police,?\s+(?:Fire\s+)?and\s+Crime\s+)?(?:Commissioner|PCC|PFCC|PCVC)'s\s+(.+)", t, re.I)
    if staff:  # "the Commissioner's Chief Finance Officer": the Commissioner's staff
        role = title_role(staff.group(1))
        return "opcc_officer" if role in (None, "council_officer", "commissioner", "members") else role
    if re.search(r"\b(?:(?:objector|supporter|resident|applicant|petitioner)s?|agent|members?\s+of\s+the\s+public)\b", t, re.I):
        return "public"
    if re.search(r"\b(?:OPCC|OSPCC|OPFCC)\b|\bOffice\s+of\s+the\s+(?:Police\s+and\s+Crime\s+)?Commissioner\b", t) and not re.match(
        r"(?:the\s+)?(?:Chief\s+Executive|Commissioner)\b", t
    ):
        return "opcc_officer"
    if re.search(r"\bChair(?:man|woman|person)?\s+of\s+the\s+(?!Panel\b|Committee\b|Council\b|Cabinet\b)", t):
        return "councillor"
    for rx, role in _TITLE_RES:
        if rx.match(t):
            if role == "council_officer" and OF_THE_COMMISSIONER.match(t, rx.match(t).end()):  # type: ignore[union-attr]
                return "opcc_officer"  # "Chief Finance Officer to the PCC"
            return {"mayor": "chair", "deputy_mayor": "councillor"}.get(role, role)
    if re.search(r"\b(?:Councillor|Co-opted|Independent\s+Member|Member)\b", t):
        return "councillor"
    return None


# Items where the public speaks: questions and statements from the public, deputations, petitions,
# and applications decided in public (planning, licensing) with their reference numbers.
_PUBLIC_ITEM = re.compile(
    r"\b(?:public\s+(?:questions?|participation|speaking|speakers?|forum|statements?|question\s+time)"
    r"|questions?\s+(?:from|by)\s+(?:(?:members\s+of\s+)?the\s+public|(?:Mr|Mrs|Ms|Miss|Mx|Dr)\b)|deputations?|petitions?"
    r"|planning\s+applications?|applications?\s+for\s+(?:a\s+|the\s+)?(?:new\s+|variation\s+)?(?:premises|planning|licen[cs]e|permission)"
    r"|premises\s+licen[cs]e|licen[cs]ing\s+act|licen[cs]e\s+(?:applications?|reviews?|hearings?))\b"
    r"|\b(?:[A-Z]{1,4}/\d{2,4}/\d{3,6}|(?:[A-Z]{1,4}/)?\d{1,4}/\d{3,5}/[A-Z]{2,6})\b",
    re.I,
)


def is_public_item(title: str) -> bool:
    """True if members of the public speak at this item ("Public Questions", "22/01877/FUL - Land at …")."""
    return bool(title and _PUBLIC_ITEM.search(title))


def clean_name(name: str) -> str:
    """Drop honorifics and surrounding punctuation from a printed name."""
    name = re.sub(rf"^(?:{CLLR}|{HONORIFIC})\s+", "", name.strip())
    return re.sub(r"\s+", " ", name).strip(" ,.")


