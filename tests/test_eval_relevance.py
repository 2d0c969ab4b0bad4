"""The relevance evaluation harness (bench/eval_relevance.py): metrics, baseline, engine, report."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from bench import eval_relevance as ev

# ---------------------------------------------------------------- metrics


@pytest.mark.parametrize(
    ("ranked", "grades", "expected"),
    [
        # the ideal order itself
        (["a", "b", "c"], {"a": 2, "b": 1, "c": 0}, 1.0),
        # relevant documents swapped: (1 + 2/log2 3) / (2 + 1/log2 3)
        (["b", "a"], {"a": 2, "b": 1}, (1 + 2 / math.log2(3)) / (2 + 1 / math.log2(3))),
        # an unjudged document counts as 0; the ideal uses every judged document
        (["x", "a"], {"a": 1, "b": 1}, (1 / math.log2(3)) / (1 + 1 / math.log2(3))),
        # nothing found
        (["x", "y"], {"a": 2}, 0.0),
        # no document graded above 0: not scored
        (["a"], {"a": 0}, None),
    ],
)
def test_ndcg(ranked, grades, expected):
    got = ev.ndcg_at(ranked, grades)
    assert got == pytest.approx(expected) if expected is not None else got is None


def test_ndcg_cuts_at_k_on_both_sides():
    grades = {f"d{i}": 1 for i in range(12)}
    ranked = [f"d{i}" for i in range(12)]
    assert ev.ndcg_at(ranked, grades) == pytest.approx(1.0)
    # a relevant document at rank 11 earns nothing
    assert ev.ndcg_at(["x"] * 10 + ["d0"], grades) == 0.0
    assert ev.ndcg_at(ranked[:5], grades, k=5) == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("ranked", "grades", "expected"),
    [
        (["a", "x", "b"], {"a": 2, "b": 1, "c": 1, "d": 0}, 2 / 3),
        (["d"], {"a": 2, "d": 0}, 0.0),
        (["a"], {"d": 0}, None),
    ],
)
def test_recall(ranked, grades, expected):
    assert ev.recall_at(ranked, grades) == (pytest.approx(expected) if expected is not None else None)


def test_first_ranks_keeps_each_document_once_and_cuts():
    assert ev.first_ranks(["a", "b", "a", "c", "b", "d"], k=3) == ["a", "b", "c"]
    assert ev.first_ranks([], k=3) == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("county lines", '"county" OR "lines"'),
        ('how much "will" I pay?', '"how" OR "much" OR "will" OR "I" OR "pay"'),
        ("AND OR NOT", '"AND" OR "OR" OR "NOT"'),  # operators are words to FTS5 here
        ("?!", None),
    ],
)
def test_fts5_match_expression_ors_quoted_words(query, expected):
    assert ev.Fts5Files.match_expression(query) == expected


def test_file_text_extracts_html_as_a_crawler_would(tmp_path):
    page = tmp_path / "p.html"
    page.write_text("<html><head><style>p{color:red}</style><script>var x = 'cameras';</script></head>"
                    "<body><h1>Speed</h1><p>Average <b>speed</b> cameras</p></body></html>")
    words = ev.file_text(page).split()
    assert words == ["Speed", "Average", "speed", "cameras"]


# ---------------------------------------------------------------- a tiny invented collection

ITEM = """Agenda item

{title}

Minutes:

{body}

RESOLVED:

That the report be noted.
"""

EXCERPTS = {
    "01_allotments.txt": ITEM.format(
        title="Allotment Rents", body="The Clerk reported that allotment rents would rise by two pounds a plot."),
    "02_precept.txt": ITEM.format(
        title="Proposed Precept 2024/25",
        body="The Commissioner proposed a precept rise of ten pounds for a Band D property."),
    "03_cameras.txt": ITEM.format(
        title="Road Safety", body="Members asked when average speed cameras would be installed on the bypass."),
}
HTML = ("<html><body><h1>Agenda item</h1><h2>Speed Cameras on the High Street</h2><p>Minutes:</p>"
        "<p>Residents had asked for speed cameras near the school; the Cabinet agreed to consult.</p></body></html>")


@pytest.fixture()
def collection(tmp_path):
    realworld = tmp_path / "excerpts"
    realworld.mkdir()
    for name, text in EXCERPTS.items():
        (realworld / name).write_text(text, encoding="utf-8")
    (realworld / "labels.json").write_text("{}")  # not an excerpt
    (realworld / "SOURCES.md").write_text("# sources\n")
    corpus = tmp_path / "bundled"
    (corpus / "cabinet").mkdir(parents=True)
    (corpus / "cabinet" / "2021-05-04-cabinet.html").write_text(HTML, encoding="utf-8")
    (corpus / "cabinet" / "manifest.json").write_text(json.dumps({"defaults": {"committee": "Vale Cabinet"}}))
    (corpus / "README.md").write_text("not minutes\n")
    return realworld, corpus


QUERIES = [
    ev.Judged("1", "speed cameras", "topic", "dev1",
              {"corpus/cabinet/2021-05-04-cabinet.html": 2, "realworld/03_cameras.txt": 1, "realworld/01_allotments.txt": 0}),
    ev.Judged("2", "how much will the precept rise", "question", "dev1", {"realworld/02_precept.txt": 2}),
    ev.Judged("3", "allotment rents", "decision", "aside",
              {"realworld/01_allotments.txt": 2, "realworld/02_precept.txt": 1}),
]


def test_stage_collection_links_files_not_text(collection, tmp_path):
    realworld, corpus = collection
    root = ev.stage_collection(realworld, corpus, tmp_path / "staged")
    from indexer.build import source_names

    assert source_names(root) == [
        "corpus/cabinet/2021-05-04-cabinet.html",
        "realworld/01_allotments.txt",
        "realworld/02_precept.txt",
        "realworld/03_cameras.txt",
    ]
    assert all(p.is_symlink() for p in (root / "realworld").iterdir())
    assert (root / "corpus" / "cabinet" / "manifest.json").is_symlink()


def test_evaluate_runs_engine_and_fts5_on_the_same_files(collection, tmp_path):
    realworld, corpus = collection
    results = ev.evaluate(realworld, corpus, QUERIES, tmp_path / "work")
    assert (results["files"], results["indexed_files"], results["skipped_files"]) == (4, 4, 0)
    rows = {r["id"]: r for r in results["rows"]}
    # FTS5: the HTML page says "speed cameras" twice and is shorter than the excerpt with both words once
    assert rows["1"]["fts5"]["ranked"] == ["corpus/cabinet/2021-05-04-cabinet.html", "realworld/03_cameras.txt"]
    assert rows["1"]["fts5"]["ndcg"] == pytest.approx(1.0)
    assert rows["1"]["engine"]["ranked"][:2] == ["corpus/cabinet/2021-05-04-cabinet.html", "realworld/03_cameras.txt"]
    # the question's words OR'ed: "the" finds every file in FTS5, "rise" the allotments too
    assert rows["2"]["fts5"]["ranked"] == ["realworld/02_precept.txt", "realworld/01_allotments.txt",
                                           "corpus/cabinet/2021-05-04-cabinet.html", "realworld/03_cameras.txt"]
    assert rows["2"]["engine"]["ranked"][0] == "realworld/02_precept.txt"
    assert rows["3"]["engine"]["ranked"][0] == rows["3"]["fts5"]["ranked"][0] == "realworld/01_allotments.txt"
    # the ideal puts the precept (graded 1) second: 2 / (2 + 1/log2 3)
    assert rows["3"]["fts5"]["ndcg"] == pytest.approx(2 / (2 + 1 / math.log2(3)))
    summary = results["summary"]
    assert list(summary) == ["dev1", "aside"]  # no second dev part: no "dev" total either
    assert summary["dev1"]["all"]["queries"] == 2 and summary["aside"]["all"]["queries"] == 1
    assert summary["dev1"]["topic"]["fts5"]["ndcg"] == pytest.approx(1.0)
    assert summary["dev1"]["acronym"] == {"queries": 0, "engine": {"ndcg": None, "recall": None},
                                         "fts5": {"ndcg": None, "recall": None}}
    assert summary["aside"]["decision"]["engine"]["recall"] == pytest.approx(
        rows["3"]["engine"]["recall"])


def test_main_writes_reports_without_excerpt_text(collection, tmp_path, capsys):
    realworld, corpus = collection
    judgments = tmp_path / "judgments.json"
    judgments.write_text(json.dumps({"queries": [
        {"id": q.qid, "query": q.text, "kind": q.kind, "part": q.part.rstrip("1"), "judgments": dict(q.grades)}
        for q in QUERIES
    ]}))
    second = tmp_path / "judgments-dev2.json"
    second.write_text(json.dumps({"queries": [
        {"id": "t201", "query": "allotments", "kind": "topic", "part": "dev",
         "judgments": {"realworld/01_allotments.txt": 2}},
    ]}))
    out = tmp_path / "results"
    code = ev.main(["--realworld", str(realworld), "--corpus", str(corpus), "--judgments", str(judgments),
                    str(second), "--out-dir", str(out)])
    assert code == 0
    md = (out / "relevance-eval.md").read_text()
    data = json.loads((out / "relevance-eval.json").read_text())
    # dev1 (2 queries), dev2 (1), both dev parts (3), aside (1), in that order
    alls = [line.split("|")[2].strip() for line in md.splitlines() if line.startswith("| **all** |")]
    assert alls == ["2", "1", "3", "1"]
    assert list(data["summary"]) == ["dev1", "dev2", "dev", "aside"]
    assert data["summary"]["dev2"]["topic"]["engine"]["ndcg"] == pytest.approx(1.0)
    # the aside part: per kind only
    assert [(q["id"], q["part"]) for q in data["dev_queries"]] == [("1", "dev1"), ("2", "dev1"), ("t201", "dev2")]
    for text in (md, json.dumps(data)):
        assert "Band D" not in text and "bypass" not in text
    printed = capsys.readouterr().out
    for part in ("dev1", "dev2", "dev", "aside"):
        assert f"relevance {part} nDCG@10 engine/FTS5" in printed


def test_load_all_names_dev_parts_by_file_and_refuses_repeated_ids(tmp_path):
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    first.write_text(json.dumps({"queries": [
        {"id": "t01", "query": "q one", "kind": "topic", "part": "dev", "judgments": {"x": 1}},
        {"id": "t02", "query": "q two", "kind": "topic", "part": "aside", "judgments": {"x": 2}},
    ]}))
    second.write_text(json.dumps({"queries": [
        {"id": "t201", "query": "q three", "kind": "decision", "part": "dev", "judgments": {"y": 1}},
    ]}))
    got = ev.load_all([first, second])
    assert [(q.qid, q.part, q.kind) for q in got] == [("t01", "dev1", "topic"), ("t02", "aside", "topic"),
                                                      ("t201", "dev2", "decision")]
    with pytest.raises(ValueError, match="repeat"):
        ev.load_all([first, first])


def test_main_exits_1_on_a_crash_and_0_without_data(collection, tmp_path):
    realworld, corpus = collection
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"queries": [{"id": "x", "query": "q", "kind": "poem", "part": "dev", "judgments": {}}]}))
    args = ["--realworld", str(realworld), "--corpus", str(corpus), "--out-dir", str(tmp_path / "o")]
    assert ev.main([*args, "--judgments", str(bad)]) == 1
    assert ev.main([*args, "--judgments", str(tmp_path / "missing.json")]) == 0
    assert ev.main(["--realworld", str(tmp_path / "nowhere"), "--judgments", str(bad)]) == 0
    assert not (tmp_path / "o").exists()
