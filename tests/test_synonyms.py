"""Acronyms and long forms as one concept: the glossary, groups, and how queries use them."""

from __future__ import annotations

import pytest

from indexer.glossary import AMBIGUOUS, GLOSSARY, GROUPS, RELATED_WEIGHT
from indexer.query import parse_query
from indexer.synonyms import Synonyms, analyse, build_synonyms, variants

SYN = build_synonyms()


def _group(word: str) -> tuple[list[str], list[str]] | None:
    g = SYN.for_acronym(word)
    return None if g is None else ([a.text for a in g.acronyms], [lf.text for lf in g.long_forms])


def test_the_glossary_covers_the_issue_list():
    wanted = ("PCC OPCC DPCC PFCC PCP PCSO HMIC HMICFRS IOPC IPCC ASB VAWG CSE CSP FGM ICV RJ NPCC APCC MTFS "
              "S106 CIL TPO HMO LDP SPD NPPF ANPR CCTV SEND EHCP MRP RSG NNDR").split()
    assert [a for a in wanted if a not in GLOSSARY] == []
    assert all(a in GLOSSARY for group in GROUPS for a in group) and AMBIGUOUS <= GLOSSARY.keys()


@pytest.mark.parametrize(
    ("typed", "group"),
    [
        ("IOPC", (["IOPC", "IPCC"], ["Independent Office for Police Conduct", "Independent Police Complaints Commission"])),
        ("iopc", (["IOPC", "IPCC"], ["Independent Office for Police Conduct", "Independent Police Complaints Commission"])),
        ("PCSOs", (["PCSO"], ["Police Community Support Officer"])),  # plural acronym
        ("ASB", (["ASB"], ["anti-social behaviour", "antisocial behaviour"])),
        ("S106", (["S106"], ["Section 106"])),
        ("SEND", (["SEND", "SEN"], ["Special Educational Needs and Disabilities", "Special Educational Needs"])),
        # a PFCC is a kind of PCC: "PCC" finds both, "PFCC" only itself (NARROWER)
        ("PCC", (["PCC", "PFCC"], ["Police and Crime Commissioner", "Police, Fire and Crime Commissioner"])),
        ("PFCC", (["PFCC"], ["Police, Fire and Crime Commissioner"])),
        ("KSI", (["KSI"], ["killed or seriously injured"])),  # "killed and seriously injured" too
        ("send", None),  # an everyday word unless typed in capitals
        ("precept", None),
    ],
)
def test_for_acronym(typed, group):
    assert _group(typed) == group


def test_long_forms_are_found_in_typed_words():
    terms = list(analyse("how many complaints did the independent office for police conduct get").terms)
    found = [(k, SYN.long_form_at(terms, k)) for k in range(len(terms))]
    hits = [(k, n, [a.text for a in g.acronyms]) for k, f in found if f for n, g in [f]]
    assert hits == [(2, 4, ["IOPC", "IPCC"])]


def test_variants_drop_the_gaps_small_words_leave():
    form = analyse("Police and Crime Commissioner")
    assert (form.terms, form.offsets) == (("polic", "crime", "commission"), (0, 2, 3))
    assert [v.offsets for v in variants(form)] == [(0, 2, 3), (0, 1, 2)]  # "Police & Crime Commissioner"
    assert variants(analyse("Community Safety Partnership")) == [analyse("Community Safety Partnership")]


def test_mined_pairs_join_the_glossary_but_never_override_it():
    syn = build_synonyms({("RJ", "Ryland Jobs"): 3, ("LRF", "Local Resilience Forum"): 2,
                          ("LRF", "Lower Road Footway"): 1, ("PCC", "Police & Crime Commissioner"): 4})
    assert [lf.text for lf in syn.for_acronym("RJ").long_forms] == ["restorative justice"]
    assert [lf.text for lf in syn.for_acronym("LRF").long_forms] == ["Local Resilience Forum", "Lower Road Footway"]
    # a mined long form that analyses like a curated one adds nothing new
    assert [lf.text for lf in syn.for_acronym("PCC").long_forms] == [
        "Police and Crime Commissioner", "Police, Fire and Crime Commissioner"]


def test_pairs_sharing_a_long_form_are_one_group():
    syn = Synonyms([("AB", "Alpha Bravo"), ("ABX", "Alpha Bravo"), ("CD", "Charlie Delta")])
    assert [a.text for a in syn.for_acronym("ab").acronyms] == ["AB", "ABX"]
    assert [a.text for a in syn.for_acronym("cd").acronyms] == ["CD"]


@pytest.mark.parametrize(
    ("q", "concepts", "expanded"),
    [
        # one concept: the acronym, its group's other acronym and their long forms
        ("IOPC complaints", [
            ("IOPC", 'combined(synonym(text:iopc | text:ipcc | text:"independ offic polic conduct" '
                     '| text:"independ offic polic conduct" | text:"independ polic complaint commiss"))'),
            ("complaints", "combined(text:complaint)"),
        ], [("IOPC", ("IPCC", "Independent Office for Police Conduct", "Independent Police Complaints Commission"))]),
        # typed long form: each word stays a concept, and the acronym matches each
        # a police, fire and crime panel (PFCP) is a kind of police and crime panel (NARROWER)
        ("police and crime panel meetings", [
            ("police", "combined(synonym(text:polic | text:pcp | text:pfcp))"),
            ("crime", "combined(synonym(text:crime | text:pcp | text:pfcp))"),
            ("panel", "combined(synonym(text:panel | text:pcp | text:pfcp))"),
            ("meetings", "combined(text:meet)"),
        ], [("police and crime panel", ("PCP", "PFCP"))]),
        # words of one decision (WORD_SYNONYMS) are one concept; quoted, never expanded
        # ("refuse" as in refuse collection is not a form that expands)
        ('application refused "refused" deferred refuse', [
            ("application", "combined(text:applic)"),
            ("refused", "combined(synonym(text:refus | text:declin | text:reject))"),
            ('"refused"', "combined(text:refus)"),
            ("deferred", "combined(synonym(text:defer | text:deferr | text:postpon))"),
            ("refuse", "combined(text:refus)"),
        ], [("refused", ("declined", "rejected")), ("deferred", ("deferral", "postponed"))]),
        # an everyday word and the official names (EVERYDAY); British spellings of licence
        ("taxi licence", [
            ("taxi", 'combined(synonym(text:taxi | text:"hackney carriag" | text:"privat hire"))'),
            ("licence", "combined(synonym(text:licenc | text:licens))"),
        ], [("taxi", ("hackney carriage", "private hire")), ("licence", ("licensing",))]),
        ("hackney carriage", [
            ("hackney", "combined(synonym(text:hackney | text:taxi))"),
            ("carriage", "combined(synonym(text:carriag | text:taxi))"),
        ], [("hackney carriage", ("taxi",))]),
        # one way only (ALSO_SEARCH): "yearly" (stemmed "year") also searches "annual"
        ("yearly report", [
            ("yearly", "combined(synonym(text:year | text:annual))"),
            ("report", "combined(text:report)"),
        ], [("yearly", ("annual",))]),
        ("annual report", [("annual", "combined(text:annual)"), ("report", "combined(text:report)")], []),
        # quoted text is never expanded
        ('"IOPC" complaints', [('"IOPC"', "combined(text:iopc)"), ("complaints", "combined(text:complaint)")], []),
        ('"police and crime panel"', [('"police and crime panel"', 'combined(text:"polic crime panel")')], []),
        # an everyday word in lower case is not an acronym
        ("send a letter", [("send", "combined(text:send)"), ("letter", "combined(text:letter)")], []),
    ],
)
def test_queries_expand_acronyms_and_long_forms(q, concepts, expanded):
    p = parse_query(q, synonyms=SYN)
    assert [(c.label, str(c.query)) for c in p.concepts] == concepts
    assert list(p.expanded) == expanded


def test_expansions_are_highlighted():
    p = parse_query("ASB", synonyms=SYN)
    assert {"asb"} <= p.terms
    assert (("anti", 0), ("social", 1), ("behaviour", 2)) in p.phrases
    assert (("antisoci", 0), ("behaviour", 1)) in p.phrases


def test_narrower_acronyms_widen_the_broad_group_only():
    syn = Synonyms([("AB", "Alpha Bravo"), ("AXB", "Alpha X-ray Bravo")], narrower=[("AB", "AXB")])
    assert [a.text for a in syn.for_acronym("AB").acronyms] == ["AB", "AXB"]
    assert [a.text for a in syn.for_acronym("AXB").acronyms] == ["AXB"]
    terms = list(analyse("alpha bravo").terms)
    assert [a.text for a in syn.long_form_at(terms, 0)[1].acronyms] == ["AB", "AXB"]


@pytest.mark.parametrize(
    ("q", "concepts", "related"),
    [
        # a typed run that spells a related term (glossary.RELATED) also searches the
        # line's other terms, at RELATED_WEIGHT ("^0.5"; phrases carry it too); each
        # typed word stays a concept, its typed form kept for coverage
        ("rape", [
            ("rape", 'combined(synonym(text:rape | text:"sexual violenc" | text:"sexual offenc" '
                     '| text:"sexual assault" | text:"sexual abus"))', "combined(text:rape)"),
        ], [("rape", ("sexual violence", "sexual offences", "sexual assault", "sexual abuse"))]),
        ("cyber crime", [
            ("cyber", 'combined(synonym(text:cyber | text:cybercrim^0.5 | text:"onlin crime" | text:"onlin fraud" '
                      '| text:"comput misus" | text:"cyber fraud"))', "combined(text:cyber)"),
            ("crime", 'combined(synonym(text:crime | text:cybercrim^0.5 | text:"onlin crime" | text:"onlin fraud" '
                      '| text:"comput misus" | text:"cyber fraud"))', "combined(text:crime)"),
        ], [("cyber crime", ("cybercrime", "online crime", "online fraud", "computer misuse", "cyber fraud"))]),
        # a related term typed out anyway is searched as typed, not again
        ("council tax precept", [("council", "combined(text:council)", "None"), ("tax", "combined(text:tax)", "None"),
                                 ("precept", "combined(text:precept)", "None")], []),
        # never inside quotes, never for a word left out
        ('"cyber crime"', [('"cyber crime"', 'combined(text:"cyber crime")', "None")], []),
        ("violence -rape", [("violence", "combined(text:violenc)", "None")], []),
        # only whole typed words: "night-time economy" as typed, not "night" alone
        ("night shift", [("night", "combined(text:night)", "None"), ("shift", "combined(text:shift)", "None")], []),
    ],
)
def test_queries_search_related_terms_at_a_reduced_weight(q, concepts, related):
    p = parse_query(q, synonyms=SYN)
    assert [(c.label, str(c.query), str(c.typed)) for c in p.concepts] == concepts
    assert list(p.related) == related
    assert p.expanded == ()
    weights = {a.boost for c in p.concepts for a in getattr(c.query.child, "subqueries", [])}
    assert weights <= {1.0, RELATED_WEIGHT} and (RELATED_WEIGHT in weights) == bool(related)


def test_exact_mode_searches_no_related_terms():
    p = parse_query("cyber crime", exact=True, synonyms=SYN)
    assert p.related == () and all(c.typed is None for c in p.concepts)
