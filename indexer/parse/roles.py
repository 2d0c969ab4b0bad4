"""Who is who: the titles minutes use for people, mapped to speaker roles, and names.

"The Commissioner", "PCC", "PFCC" and "Police, Crime and Victims' Commissioner" are all the
commissioner; "Deputy Chief Constable" is a police officer; "Chairman of the Select
Committee" is a councillor, not the meeting's chair. :func:`build_cast` learns from a whole
document who holds which title ("Alison Hernandez, Devon and Cornwall Police and Crime
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
    (rf"Deputy\s+(?:Police,?\s+(?:Fire\s+)?and\s+Crime\s+Commissioner|PCC|PFCC|Commissioner|Mayor\s+(?:for|of)\s+Policing(?:,?\s+Fire\s+and\s+Crime)?)|DPCC|DPFCC", "deputy_commissioner"),
    (rf"{_PLACE}(?:Police,?\s+(?:Fire\s+)?and\s+Crime\s+Commissioner|Police,\s+Crime\s+and\s+Victims'?\s+Commissioner|Policing,?\s+Fire\s+and\s+Crime\s+Commissioner)(?:\s+for\s+[A-Z][\w-]+(?:\s+and\s+[A-Z][\w-]+)?)?|PCC|PFCC|PCVC|P&CC|Commissioner|Mayor\s+for\s+Policing", "commissioner"),
    (r"(?:Temporary\s+|Acting\s+)?(?:Deputy|Assistant)\s+Chief\s+Constable|(?:Deputy\s+)?Assistant\s+Commissioner|DCC|ACC|(?:Chief\s+)?Superintendent|(?:Detective\s+)?(?:Chief\s+)?Inspector|Sergeant|Police\s+Constable|Commander|police\s+officers?", "police_officer"),
    (r"(?:Temporary\s+|Acting\s+)?Chief\s+Constable", "chief_constable"),
    (r"(?:Assistant|Deputy|Acting\s+Deputy|Interim\s+Deputy)\s+Chief\s+Executive|Monitoring\s+Officer|(?:Overview\s+and\s+)?Scrutiny\s+(?:Officer|Manager|Support\s+Officer|Lead|Adviser|Advisor)|Democratic\s+Services\s+(?:Officer|Manager|Adviser)|Committee\s+(?:Officer|Clerk|Administrator|Manager)|(?:Panel\s+)?Clerk|Solicitor|Legal\s+(?:Adviser|Advisor|Officer)|Head\s+of\s+[A-Z][\w&]*(?:\s+(?:and\s+)?[A-Z][\w&]*){0,3}|(?:Service\s+|Strategic\s+|Corporate\s+|Executive\s+)?Director(?:\s+of\s+[A-Z][\w&]*(?:\s+(?:and\s+)?[A-Z][\w&]*){0,3})?|(?:[A-Z][a-z]+\s+){0,3}Manager(?:\s*[-–]\s*[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})?|(?:Planning|Policy|Principal|Senior|Finance|Support)\s+Officer|Chief\s+Finance\s+Officer|Section\s+151\s+Officer|Treasurer|Secretary|Officers", "council_officer"),
    (r"Chief\s+Executive|CEO", "chief_executive"),
    (r"(?:officers?|staff|representatives?)\s+(?:from|of)\s+the\s+(?:OPCC|OSPCC|OPFCC|Office\s+of\s+the\s+(?:Police\s+and\s+Crime\s+)?Commissioner)|OPCC\s+(?:officers?|staff|representatives?)", "opcc_officer"),
    (r"(?:Worshipful\s+the\s+)?Mayor", "mayor"),
    (r"(?:Vice[- ]?)?Chair(?:man|woman|person)?", "chair"),
    (r"Leader\s+of\s+the\s+Council|(?:Deputy\s+)?Leader|Cabinet\s+Member(?:\s+for\s+[A-Z][\w&]*(?:\s+(?:and\s+)?[A-Z][\w&]*){0,3})?|Executive\s+(?:Member|Councillor)|Lead\s+Member|Portfolio\s+Holder", "councillor"),
    (r"(?:member\s+of\s+the\s+public|members\s+of\s+the\s+public|resident|objector|supporter|petitioner|applicant|public\s+speaker)s?", "public"),
]
_TITLE_RES = [(re.compile(rf"\b(?:the\s+|The\s+)?(?:{p})\b"), role) for p, role in _TITLES]
# All titles in one pass. The look-ahead on the first character lets the regex engine skip
# most positions without trying every branch, which makes speaker finding several times faster.
TITLE_ROLES = [role for _, role in _TITLES]
# Scanning drops the optional words before a title ("Devon and Cornwall", "Southern Area"):
# trying them at every capital letter is what made the scan slow, and they name no role.
_SCAN_TITLES = [p.replace(_PLACE, "").replace(r"(?:[A-Z][a-z]+\s+){0,3}Manager", "Manager") for p, _ in _TITLES]
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
    r"\s*(?:\(([^()]{1,80})\)|,\s*(?:the\s+|a\s+|an\s+)?((?:Police,\s+(?:Fire|Crime)\s+and\s+[A-Z][\w']*\s+Commissioner|[A-Z][\w'&.-]*|of|the|and|for|to|on|&|-|–)(?:\s+(?:[A-Z][\w'&.-]*|of|the|and|for|to|on|&|-|–))*))"
)
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
    r"Clerk|Chair|Mayor|OPCC|OSPCC|Office\s+of|Manager|Director|Solicitor|Secretary|Head\s+of|Adviser|Advisor|Treasurer)"
)


@dataclass(slots=True)
class Cast:
    """The people a document names with their roles ("Alison Hernandez, … Commissioner")."""

    names: dict[str, str] = field(default_factory=dict)
    mayor_role: str = "chair"


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
            role = title_role(m.group("title"))
            if role == "chair" and re.fullmatch(r"(?:the\s+)?Chair(?:man|woman|person)?", m.group("title").strip(), re.I):
                if "(" in m.group(0) and valid_name(m.group("name")):  # "Councillor Ann Brook (Chair)"
                    cast.names.setdefault("chair", clean_name(m.group("name")))
            elif role and role not in ("members", "chair") and valid_name(m.group("name")):
                cast.names.setdefault(role, clean_name(m.group("name")))
        for m in _TITLE_THEN_NAME.finditer(text):
            role = title_role(m.group("title"))
            if role and role not in ("members",) and valid_name(m.group("name")):
                cast.names.setdefault(role, clean_name(m.group("name")))
        for m in _FROM_OPCC.finditer(text):
            if valid_name(m.group("name")):
                cast.names.setdefault("opcc_officer", clean_name(m.group("name")))
        for rx in (_IN_CHAIR, _ELECTED_CHAIR):
            for m in rx.finditer(text):
                if "vice" not in m.group(0).lower() and valid_name(m.group("name")):
                    cast.names["chair"] = clean_name(m.group("name"))
    return cast


def title_role(title: str) -> str | None:
    """The role a job title or description names ("Devon and Cornwall Police and Crime Commissioner")."""
    t = title.strip()
    staff = re.match(r"(?:the\s+)?(?:Police,?\s+(?:Fire\s+)?and\s+Crime\s+)?(?:Commissioner|PCC|PFCC|PCVC)'s\s+(.+)", t, re.I)
    if staff:  # "the Commissioner's Chief Finance Officer": the Commissioner's staff
        role = title_role(staff.group(1))
        return "opcc_officer" if role in (None, "council_officer", "commissioner", "members") else role
    if re.search(r"\b(?:objector|supporter|resident|applicant|member\s+of\s+the\s+public|petitioner)\b", t, re.I):
        return "public"
    if re.search(r"\b(?:OPCC|OSPCC|OPFCC)\b|\bOffice\s+of\s+the\s+(?:Police\s+and\s+Crime\s+)?Commissioner\b", t) and not re.match(
        r"(?:the\s+)?(?:Chief\s+Executive|Commissioner)\b", t
    ):
        return "opcc_officer"
    if re.search(r"\bChair(?:man|woman|person)?\s+of\s+the\s+(?!Panel\b|Committee\b|Council\b|Cabinet\b)", t):
        return "councillor"
    for rx, role in _TITLE_RES:
        if rx.match(t):
            return "chair" if role == "mayor" else role
    if re.search(r"\b(?:Councillor|Co-opted|Independent\s+Member|Member)\b", t):
        return "councillor"
    return None


def clean_name(name: str) -> str:
    """Drop honorifics and surrounding punctuation from a printed name."""
    name = re.sub(rf"^(?:{CLLR}|{HONORIFIC})\s+", "", name.strip())
    return re.sub(r"\s+", " ", name).strip(" ,.")


