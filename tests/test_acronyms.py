"""Acronym definitions mined from minutes text (Schwartz & Hearst), and their storage."""

from __future__ import annotations

import pytest

from indexer.acronyms import best_long_form, find_pairs, is_short_form, mine
from indexer.model import Document, Item, Passage


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("The Panel heard from the Independent Office for Police Conduct (IOPC) on complaints.",
         [("IOPC", "Independent Office for Police Conduct")]),
        ("A Public Spaces Protection Order (PSPO) was made for the town centre.",
         [("PSPO", "Public Spaces Protection Order")]),
        # a plural short form; a lower-case long form with a hyphen
        ("Police Community Support Officers (PCSOs) patrolled.", [("PCSO", "Police Community Support Officers")]),
        ("Reports of anti-social behaviour (ASB) fell.", [("ASB", "anti-social behaviour")]),
        # digits count as letters of the short form
        ("Contributions under Section 106 (S106) were agreed.", [("S106", "Section 106")]),
        # a long form does not start at a small word: "of the ..." is skipped for "Office ..."
        ("Staff of the Office of the Police and Crime Commissioner (OPCC) attended.",
         [("OPCC", "Office of the Police and Crime Commissioner")]),
        # the long form in the parenthesis
        ("HMSWF (His Majesty's Society of Wessex Foresters & Fellers) reported.",
         [("HMSWF", "His Majesty's Society of Wessex Foresters & Fellers")]),
        # the candidate stops at a clause break
        ("Items were noted. Medium Term Financial Strategy (MTFS) savings were agreed.",
         [("MTFS", "Medium Term Financial Strategy")]),
        # not acronyms: a year, a lower-case note, a role, a letter, a file size
        ("The meeting (2019) was held (see below) and the Chair (Chair) spoke on item (a) (PDF 200 KB).", []),
        # initials after a name in an attendance list are not acronyms
        ("Present: Alex Brown (AB), Casey Dunn (CD).", []),
        # the last letter must come from the last word: not "Commissioner, Jo Bloggs"
        ("The Police and Crime Commissioner, Jo Bloggs (PCC) spoke.", []),
        ("No definition here (XYZ).", []),
    ],
)
def test_find_pairs(text, pairs):
    assert list(find_pairs(text)) == pairs


@pytest.mark.parametrize(
    ("short", "candidate", "long"),
    [
        ("PCC", "the report of the Police and Crime Commissioner", "Police and Crime Commissioner"),
        ("CCW", "the Countryside Council for Wales", "Council for Wales"),  # the shortest match, as published
        ("ABC", "nothing matches here", None),
    ],
)
def test_best_long_form(short, candidate, long):
    assert best_long_form(short, candidate) == long


@pytest.mark.parametrize(("text", "ok"), [("IOPC", True), ("PCSOs", True), ("S106", True), ("Chair", False),
                                          ("2019", False), ("a", False), ("ABCDEFGHIJK", False), ("iOPC", False)])
def test_short_forms_look_like_acronyms(text, ok):
    assert is_short_form(text) is ok


def test_mine_counts_definitions_in_titles_and_passages():
    doc = Document("x.txt", "meeting", (
        Item("Violence Against Women and Girls (VAWG) Strategy", passages=(
            Passage("The Violence Against Women and Girls (VAWG) strategy was noted."),
            Passage("The Community Safety Partnership (CSP) met."),
        )),
    ))
    assert mine(doc) == {("VAWG", "Violence Against Women and Girls"): 2,
                         ("CSP", "Community Safety Partnership"): 1}


def test_build_stores_mined_pairs_and_search_uses_them(tmp_path):
    from indexer.build import add_files, build_index
    from indexer.itemstore import ItemStore
    from indexer.search import SearchEngine, SearchRequest
    from indexer.store import current

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "Agenda item\n\nFlood Resilience\n\nMinutes:\n\n"
        "The Local Resilience Forum (LRF) presented its flood plan.\n\nThe LRF would meet again in May.\n",
        encoding="utf-8")
    (corpus / "b.txt").write_text(
        "Agenda item\n\nWinter Planning\n\nMinutes:\n\nThe Local Resilience Forum had tested its winter plan.\n",
        encoding="utf-8")
    root = tmp_path / "index"
    build_index(corpus, root)
    store = ItemStore(current(root).path)
    assert store.acronyms() == {("LRF", "Local Resilience Forum"): 1}
    store.close()
    with SearchEngine(root) as engine:
        result = engine.search(SearchRequest(q="LRF plan"))
        # the acronym finds the file that only spells the name out, and says so
        assert {h.source for h in result.hits} == {"a.txt", "b.txt"}
        assert result.expanded == (("LRF", ("Local Resilience Forum",)),)
        assert result.complete == 2  # a passage in each file has both
    # an update adds to the counts
    (corpus / "c.txt").write_text(
        "Agenda item\n\nRecovery\n\nMinutes:\n\nThe Local Resilience Forum (LRF) led the recovery.\n", encoding="utf-8")
    add_files(corpus, root, ["c.txt"])
    store = ItemStore(current(root).path)
    assert store.acronyms() == {("LRF", "Local Resilience Forum"): 2}
    store.close()
