"""Vocabularies: the aliases users type resolve to the stored names."""

import pytest

from indexer.vocab import ROLES, SECTIONS, resolve_role, resolve_section


@pytest.mark.parametrize(
    ("typed", "role"),
    [("commissioner", "commissioner"), ("PCC", "commissioner"), ("Chief Constable", "chief_constable"),
     ("chief-constable", "chief_constable"), ("DPCC", "deputy_commissioner"), ("Chairman", "chair"),
     ("cllr", "councillor"), ("objector", "public"), ("wizard", None)],
)
def test_resolve_role(typed, role):
    assert resolve_role(typed) == role


@pytest.mark.parametrize(
    ("typed", "section"),
    [("resolution", "resolution"), ("Decisions", "resolution"), ("Q&A", None), ("qa", "questions"),
     ("purpose", "summary"), ("procedure", "procedural"), ("", None)],
)
def test_resolve_section(typed, section):
    assert resolve_section(typed) == section


def test_every_name_resolves_to_itself():
    assert [resolve_role(r) for r in ROLES] == list(ROLES)
    assert [resolve_section(s) for s in SECTIONS] == list(SECTIONS)
