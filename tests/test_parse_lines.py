"""The line labeller (indexer/parse/lines): segmenting, features, derived labels, assembly, and a
model trained here on invented documents labelling an invented document end to end.

All text here is invented for the project.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from bench.lines_synthetic import align, documents, synthetic_documents
from indexer.model import KINDS
from indexer.parse import parse_bytes
from indexer.parse.layout import layout_text
from indexer.parse.lines import MODEL_PATH, MODEL_USE, PARTS, label_lines, layout_lines, relayout
from indexer.parse.lines.assemble import assemble_lines, body_name, split_glued
from indexer.parse.lines.derive import derive_labels
from indexer.parse.lines.features import VOCAB, doc_features, own_features, shape
from indexer.parse.lines.labels import LABELS
from indexer.parse.lines.model import LineTagger, train
from indexer.parse.lines.segment import repeat_key, repeats, segment
from indexer.parse.text import Line

# Printed minutes of a body the rules have not seen: a heading without the word "meeting", parish-style
# minute numbers, a running header.
TOWN = """\
CORRABURY TOWN COUNCIL

Minutes of the Corrabury Town Council held on Tuesday, 4th March, 2025 at 7.00 pm.

Present: Councillors Ollerby (Chair), Vantock and Marrable

25/031 Apologies for Absence

Apologies were received from Councillor Drummock.

25/032 Declarations of Interest

There were no declarations of interest.

25/033 Allotment Rents Review

The Clerk presented the report on allotment rents and members asked about the waiting list.

RESOLVED that the rents be increased by five per cent from April.

25/034 Play Area Inspection Report

Members noted the inspection report and the repairs planned for the summer.
"""

TOWN_LABELS = [
    "header-body", "header-body", "body",
    "item-title", "body", "item-title", "body", "item-title", "body", "resolution-lead", "item-title", "body",
]


def test_segment_counts_blank_lines_and_keeps_rules_segmentation():
    lines = segment("Tolvane Cabinet\n\n\n1. Apologies\nNone were received.\n\nPage 2 of 3\n")
    assert [(ln.text, ln.gap) for ln in lines] == [("Tolvane Cabinet", 0), ("1. Apologies", 2), ("None were received.", 0)]


def test_repeats_mask_page_numbers():
    lines = [Line("Tolvane Cabinet - Page 3"), Line("Text."), Line("TOLVANE CABINET - Page 4")]
    assert repeat_key(lines[0].text) == "tolvane cabinet - page #"
    assert repeats(lines) == [2, 1, 2]


@pytest.mark.parametrize(
    "token, want",
    [("Apologies", "Xx"), ("APOLOGIES", "X"), ("39/20", "d/d"), ("(a)", "(x)"), ("2307.08", "d.d"), ("C048/23", "Xd/d")],
)
def test_shape(token, want):
    assert shape(token) == want


def test_own_features_of_a_numbered_title():
    f = own_features(Line("25/031 Apologies for Absence", 0, 1), 3, 12, 1)
    assert {"numtitle", "ns:d/d", "numtitle_tl", "w0=apologies", "v=apologies", "v=absence", "v=for", "g:1", "title"} <= set(f)
    assert "sentence" not in f and "date" not in f


def test_own_features_of_a_date_line_and_a_paragraph():
    date = own_features(Line("Date: Tuesday, 4th March, 2025"), 2, 20, 1)
    assert {"date", "year", "chrome", "w0=date", "v=tuesday", "v=march"} <= set(date)
    para = own_features(Line(" ".join(["The panel discussed the budget."] * 10)), 9, 20, 1)
    assert "long" in para and "title" not in para and "sentence" in para


def test_features_hold_only_vocabulary_words():
    feats = {x for fs in doc_features(segment(TOWN)) for x in fs}
    words = {w.lower() for x in feats if x.startswith(("v=", "w0=", "w1=", "-1:w0=", "+1:w0="))
             for w in [x.split("=", 1)[1]]}
    assert words <= VOCAB
    assert not any("corrabury" in x.lower() or "ollerby" in x.lower() for x in feats)


def test_neighbour_features_are_prefixed():
    fs = doc_features(segment(TOWN))
    assert "BOD" in fs[0] and "EOD" in fs[-1]
    assert "+1:numtitle" in fs[2] and "-1:numtitle" in fs[4]


def test_derive_labels_from_gold_items():
    gold = {
        "committee": "Corrabury Town Council",
        "meeting_date": "2025-03-04",
        "items": [{"number": "25/031", "title": "Apologies for Absence"}, {"number": "25/032", "title": "Declarations of Interest"},
                  {"number": "25/033", "title": "Allotment Rents Review"}, {"number": "25/034", "title": "Play Area Inspection Report"}],
    }
    labels, missing = derive_labels(segment(TOWN), gold)
    assert missing == 0
    assert labels == TOWN_LABELS


def test_derive_labels_reports_titles_on_no_line():
    labels, missing = derive_labels(segment("Tolvane Cabinet\n\n1. Apologies\n"), {"items": [{"number": "2", "title": "Budget"}]})
    assert missing == 1
    assert "item-title" not in labels


def test_assemble_lines_builds_items_head_and_meeting():
    lines = segment(TOWN)
    raw = assemble_lines(lines, TOWN_LABELS, "printed_minutes")
    assert raw.kind == "printed_minutes"
    assert raw.meeting.committee == "Corrabury Town Council"
    assert raw.meeting.date == dt.date(2025, 3, 4)
    assert [(it.number, it.title) for it in raw.items] == [
        (None, ""), ("25/031", "Apologies for Absence"), ("25/032", "Declarations of Interest"),
        ("25/033", "Allotment Rents Review"), ("25/034", "Play Area Inspection Report"),
    ]
    assert [b.text for b in raw.items[0].blocks] == ["Present: Councillors Ollerby (Chair), Vantock and Marrable"]


def test_assemble_lines_number_line_then_title_and_dropped_residue():
    lines = [Line("Items"), Line("7."), Line("Budget Monitoring pdf icon PDF 80 KB"), Line("Share this item"), Line("Minutes:"), Line("Noted.")]
    raw = assemble_lines(lines, ["residue", "item-number", "item-title", "residue", "minutes-label", "body"])
    assert [(it.number, it.title) for it in raw.items] == [("7", "Budget Monitoring")]
    assert [(b.kind, b.text) for b in raw.items[0].blocks] == [("label", "minutes"), ("para", "Noted.")]


@pytest.mark.parametrize(
    "line, want",
    [
        ("Minutes of Harrowdene Parish Council 22 November 2023", "Harrowdene Parish Council"),
        ("Tolvane Procedures Committee, 14 Dec 1999", "Tolvane Procedures Committee"),
        ("Minutes of the Licensing Committee held on Monday, 5 June 2023", "Licensing Committee"),
        ("Cabinet - Monday, 5th June, 2023 10.00 am", "Cabinet"),
        ("WEXCOMBE TOWN COUNCIL", "Wexcombe Town Council"),
    ],
)
def test_body_name(line, want):
    assert body_name(line) == want


@pytest.mark.parametrize(
    "line, want",
    [
        ("A1Declarations of interest", ("A1", "Declarations of interest")),
        ("2307.08 Grant Applications", ("2307.08", "Grant Applications")),
        ("C048/23 APOLOGIES FOR ABSENCE.", ("C048/23", "APOLOGIES FOR ABSENCE.")),
        ("C054/23 7. TO NOTE THE MINUTES OF THE ALLOTMENT COMMITTEE", ("C054/23", "TO NOTE THE MINUTES OF THE ALLOTMENT COMMITTEE")),
        ("Budget Monitoring", (None, "Budget Monitoring")),
    ],
)
def test_split_glued(line, want):
    assert split_glued(line) == want


def test_synthetic_documents_align_every_line():
    text, lines, labels = align(documents(3)["synthetic-00-printed_minutes"])
    assert len(lines) == len(labels) and set(labels) <= set(LABELS)
    assert labels[0].startswith("header")


@pytest.fixture(scope="module")
def invented_model(tmp_path_factory):
    """A model trained here, on the invented documents only (deterministic)."""
    return LineTagger(train(list(synthetic_documents().values()), tmp_path_factory.mktemp("lines") / "m.crfsuite"))


def test_invented_model_labels_an_unseen_invented_document(invented_model):
    assert [lab for lab, _ in label_lines(TOWN, invented_model)] == TOWN_LABELS


def test_invented_model_layout_end_to_end(invented_model):
    raw = layout_lines(TOWN, layout_text(TOWN), invented_model)
    assert (raw.meeting.committee, raw.meeting.date) == ("Corrabury Town Council", dt.date(2025, 3, 4))
    assert [(it.number, it.title) for it in raw.items if it.title] == [
        ("25/031", "Apologies for Absence"), ("25/032", "Declarations of Interest"),
        ("25/033", "Allotment Rents Review"), ("25/034", "Play Area Inspection Report"),
    ]


def test_parse_bytes_with_the_model_for_every_kind(invented_model):
    doc = parse_bytes(TOWN.encode(), "town.txt", use={k: PARTS for k in KINDS}, model=invented_model)
    assert doc.meeting.committee == "Corrabury Town Council"
    assert [it.title for it in doc.items if it.title] == [
        "Apologies for Absence", "Declarations of Interest", "Allotment Rents Review", "Play Area Inspection Report",
    ]
    assert [len(it.resolutions) for it in doc.items if it.title] == [0, 0, 1, 0]


def test_relayout_keeps_the_rules_where_not_asked(invented_model):
    rules = layout_text(TOWN)
    assert relayout(rules, TOWN, {}, invented_model) is rules
    meeting_only = relayout(layout_text(TOWN), TOWN, {rules.kind: frozenset({"meeting"})}, invented_model)
    assert [it.title for it in meeting_only.items] == [it.title for it in rules.items]


def test_relayout_leaves_table_rows_to_the_rules(invented_model):
    text = "Tolvane Cabinet - Monday, 5th June, 2023\n\nNo. | Item |\n---|---|\n1. | Apologies |\n2. | Budget |\n"
    rules = layout_text(text)
    assert layout_lines(text, rules, invented_model) is rules


_FLAGS = frozenset(
    """BOD EOD bias blurb bodyline bullet chrome date dateline datestart decision hdrmeeting in noin itemmeeting itemnum
    listed listmark long meetingof numseq numtitle numtitle_tl pagenum pagetype printedhead resinline resline sentence
    time title title_loose year""".split()
)
# shape and bucket features: no run of three lower-case letters (a word) in their value
_SHAPED = re.compile(r"^(?:w|g|pos|end|rep|f|l|ns|c0|cz):(?!.*[a-z]{3})")
_RATIO = re.compile(r"^(?:caps|tc):(?:0|lo|mid|hi|all)$")


def test_committed_model_holds_no_document_words():
    """Every feature of the committed model is a shape, a flag, a label or a VOCAB word: no text of any document."""
    feats = LineTagger(MODEL_PATH).features()
    assert len(feats) > 100
    for f in feats:
        name = re.sub(r"^[-+]\d:", "", f)
        key, _, value = name.partition("=")
        ok = (
            (key in ("v", "w0", "w1") and value in VOCAB)
            or (key == "r" and (value in LABELS or value == "none"))
            or name in _FLAGS
            or name in ("label:minutes", "label:decision", "label:documents")
            or bool(_SHAPED.match(name) or _RATIO.match(name))
        )
        assert ok, f


def test_the_parser_as_wired_is_the_rules():
    """MODEL_USE is empty (the model beats the rules nowhere): the parser is the rules', and they read
    the heading without "meeting"."""
    assert MODEL_USE == {}
    rules = parse_bytes(TOWN.encode(), "town.txt", use={})
    wired = parse_bytes(TOWN.encode(), "town.txt")
    assert wired == rules
    assert (wired.meeting.committee, wired.meeting.date) == ("Corrabury Town Council", dt.date(2025, 3, 4))


def test_item_markers_stay_with_the_rules(invented_model):
    text = "Tolvane Cabinet\n\nMinutes of the meeting held on Monday, 5 June 2023.\n\n<AI1>\n\n4\n\nBudget\n\nNoted.\n\n</AI1>\n"
    rules = layout_text(text)
    assert layout_lines(text, rules, invented_model) is rules


def test_a_damaged_model_file_leaves_the_rules_layout(tmp_path):
    bad = tmp_path / "bad.crfsuite"
    bad.write_bytes(b"not a model" * 10)
    doc = parse_bytes(TOWN.encode(), "town.txt", use={k: PARTS for k in KINDS}, model=bad)
    rules = parse_bytes(TOWN.encode(), "town.txt", use={})
    assert [it.title for it in doc.items] == [it.title for it in rules.items]
    assert "line model not used (ValueError): the rules laid out this document" in doc.warnings


def test_comparison_rows_mix_model_and_rules_by_kind(tmp_path):
    """bench/eval_lines: a kind given to the model takes the model's result, the rest the rules'."""
    from bench import eval_lines
    from bench import eval_parser as ev

    (tmp_path / "town.txt").write_text(TOWN, encoding="utf-8")
    gold = {"committee": "Corrabury Town Council", "meeting_date": "2025-03-04", "items": [], "resolutions": 1}
    rules = ev.evaluate_file(tmp_path / "town.txt", gold, parse=lambda p, source: parse_bytes(p.read_bytes(), source, use={}))
    # a model that named another body: its row must not count where the rules are used
    named_other = lambda p, source: parse_bytes(p.read_bytes().replace(b"Corrabury", b"Tolvane"), source, use={})
    model = ev.evaluate_file(tmp_path / "town.txt", gold, parse=named_other)
    row = {"part": "test", "kind": "agenda_item", "rules": model, "model": rules}
    assert (model["committee_ok"], rules["committee_ok"]) == (False, True)
    assert eval_lines.hybrid([row], frozenset({"agenda_item"}))["committee"] == 1.0
    assert eval_lines.hybrid([row], frozenset({"meeting"}))["committee"] == 0.0
