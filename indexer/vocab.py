"""The controlled vocabularies: passage sections and speaker roles.

One source of truth for the parser (which assigns them), the index (which stores them),
the query language (``section:``/``speaker:`` filters and their aliases) and the web UI
(labels and select boxes).
"""

from __future__ import annotations

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

#: Speaker role → human label.
ROLES: Mapping[str, str] = MappingProxyType(
    {
        "commissioner": "Commissioner",
        "deputy_commissioner": "Deputy Commissioner",
        "chief_constable": "Chief Constable",
        "police_officer": "Police officer",
        "chief_executive": "Chief Executive",
        "opcc_officer": "OPCC officer",
        "chair": "Chair",
        "councillor": "Councillor",
        "members": "Members",
        "council_officer": "Council officer",
        "public": "Member of the public",
        "other": "Other",
    }
)

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

_ROLE_ALIASES = {
    "pcc": "commissioner",
    "pfcc": "commissioner",
    "pcvc": "commissioner",
    "police_and_crime_commissioner": "commissioner",
    "mayor": "commissioner",
    "dpcc": "deputy_commissioner",
    "deputy": "deputy_commissioner",
    "deputy_pcc": "deputy_commissioner",
    "deputy_mayor": "deputy_commissioner",
    "cc": "chief_constable",
    "constable": "chief_constable",
    "police": "police_officer",
    "officer": "police_officer",
    "ceo": "chief_executive",
    "opcc": "opcc_officer",
    "chairman": "chair",
    "chairwoman": "chair",
    "chairperson": "chair",
    "vice_chair": "chair",
    "cllr": "councillor",
    "councillors": "councillor",
    "member": "members",
    "panel": "members",
    "committee": "members",
    "officers": "council_officer",
    "council_officers": "council_officer",
    "resident": "public",
    "residents": "public",
    "objector": "public",
    "speaker": "public",
}


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
