"""The FTS5 baseline loads the same records as our engine and counts matches exactly."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bench import fts5, queries, records
from bench.generate import generate

# A hand-made archive whose match counts are known. Titles are searched too, so a word in
# an item title matches every passage of that item; committee names are not searched.
ITEMS: list[dict[str, Any]] = [
    {
        "source": "surrey/2018-01-26/01-precept.txt",
        "committee": "Surrey Police and Crime Panel",
        "meeting_date": "2018-01-26",
        "item_title": "Proposed Precept 2018/19",
        "passages": [
            ("summary", None, None, "To review the proposed precept for 2018/19."),
            ("presentation", "commissioner", None, "The Commissioner explained that the precept would rise by five per cent."),
            ("questions", "chief_constable", None, "County lines drug dealing had been disrupted in Woking."),
            ("resolution", None, None, "That the Panel supports the proposed precept."),
        ],
    },
    {
        "source": "kent/2020-06-12/01-county-lines.txt",
        "committee": "Kent and Medway Police and Crime Panel",
        "meeting_date": "2020-06-12",
        "item_title": "Update on County Lines",
        "passages": [
            ("summary", None, None, "To receive an update on county lines."),
            ("presentation", "commissioner", None, "Knife crime and county lines remained priorities for the Commissioner."),
            ("discussion", "councillor", "Jan Warwick", "Councillor Jan Warwick raised concern about rural crime in Ashford."),
        ],
    },
    {
        "source": "surrey/2022-03-01/01-rural-crime.txt",
        "committee": "Surrey Police and Crime Panel",
        "meeting_date": "2022-03-01",
        "item_title": "Rural Crime",
        "passages": [
            ("summary", None, None, "To consider rural crime."),
            ("questions", "commissioner", None, "Precepts in rural areas were discussed."),
        ],
    },
]

#: spec → expected total (identical for both engines on this archive)
EXPECTED = [
    ({"terms": ["precept"]}, 5),  # item 1 by title (4) + "Precepts" (stemmed) in item 3
    ({"phrases": [["county", "lines"]]}, 4),  # item 2 by title (3) + one body in item 1
    ({"terms": ["precept"], "speaker": "commissioner"}, 2),
    ({"terms": ["warwick"]}, 1),  # body and speaker_name of one passage
    ({"terms": ["surrey"]}, 0),  # committee names are filters, not searched words
    ({"terms": ["rural", "crime"]}, 3),
    ({"terms": ["crime"]}, 4),  # title "Rural Crime" (2 passages), two bodies
    ({"terms": ["ashford", "precept"]}, 0),
]


def write_archive(root: Path) -> Path:
    """Write ITEMS as a corpus (files + manifests) with a records.jsonl beside it."""
    corpus = root / "corpus"
    lines = []
    for it in ITEMS:
        path = corpus / it["source"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"Agenda item\n\n{it['item_title']}\n", encoding="utf-8")
        manifest = {"defaults": {"committee": it["committee"], "meeting_date": it["meeting_date"]}}
        (path.parent / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
        rec = {
            "source": it["source"], "kind": "agenda_item", "committee": it["committee"],
            "meeting_date": it["meeting_date"], "item_title": it["item_title"], "item_number": None,
            "passages": [{"section": s, "speaker_role": r, "speaker_name": n, "text": t} for s, r, n, t in it["passages"]],
        }
        lines.append(json.dumps(rec))
    (root / "records.jsonl").write_text("\n".join(sorted(lines, key=lambda l: json.loads(l)["source"])) + "\n")
    return root


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_archive(tmp_path_factory.mktemp("fts5"))


@pytest.fixture(scope="module")
def db(archive: Path) -> Any:
    path = archive / "f.db"
    conn = fts5.create(path)
    n = fts5.load(conn, records.iter_rows(records.iter_generated(archive)))
    conn.close()
    assert n == 9
    conn = fts5.open_db(path)
    yield conn
    conn.close()


@pytest.fixture(scope="module")
def ours(archive: Path) -> Any:
    from indexer.build import build_index
    from indexer.search import SearchEngine

    with records.records_shim(archive):
        report = build_index(archive / "corpus", archive / "index")
    assert report.passages == 9
    with SearchEngine(archive / "index") as engine:
        yield engine


def _spec(d: dict[str, Any]) -> dict[str, Any]:
    s = {"terms": [], "phrases": [], "speaker": None, "sort": "relevance", **d}
    s["ours_q"] = queries.ours_q(s)
    return s


@pytest.mark.parametrize(("spec", "expected"), EXPECTED)
def test_fts5_counts(db: Any, spec: dict[str, Any], expected: int) -> None:
    q = fts5.translate(_spec(spec))
    assert fts5.count(db, q) == expected
    page = fts5.search(db, q)
    assert page.total == expected
    assert len(page.hits) == min(expected, 10)


@pytest.mark.parametrize(("spec", "expected"), EXPECTED)
def test_ours_counts_agree(ours: Any, spec: dict[str, Any], expected: int) -> None:
    from indexer.search import SearchRequest

    page = ours.search(SearchRequest(q=_spec(spec)["ours_q"], per_item=0))
    assert page.complete == expected


@pytest.mark.parametrize(
    ("spec", "match", "q"),
    [
        ({"terms": ["precept"]}, '"precept"', "precept"),
        ({"terms": ["rural", "crime"]}, '"rural" AND "crime"', "rural crime"),
        ({"phrases": [["county", "lines"]]}, '"county lines"', '"county lines"'),
        ({"terms": ["precept"], "speaker": "commissioner"}, '"precept"', "speaker:commissioner precept"),
    ],
)
def test_translation(spec: dict[str, Any], match: str, q: str) -> None:
    s = _spec(spec)
    assert fts5.translate(s).match == match
    assert s["ours_q"] == q


def test_fields_and_snippets(db: Any) -> None:
    page = fts5.search(db, fts5.translate(_spec({"terms": ["warwick"]})))
    hit = page.hits[0]
    assert (hit["committee_key"], hit["date"], hit["section"], hit["speaker"], hit["speaker_name"]) == (
        "Kent and Medway Police and Crime Panel", "2020-06-12", "discussion", "councillor", "Jan Warwick")
    assert "<mark>Warwick</mark>" in hit["snippet"]


def test_newest_sort(db: Any) -> None:
    page = fts5.search(db, fts5.translate(_spec({"terms": ["crime"], "sort": "newest"})))
    assert [h["date"] for h in page.hits[:3]] == ["2022-03-01", "2022-03-01", "2020-06-12"]
    assert page.hits[0]["item_title"] == "Rural Crime"


def test_title_weight_ranks_title_matches_first(db: Any) -> None:
    page = fts5.search(db, fts5.translate(_spec({"terms": ["rural"]})))
    assert page.hits[0]["item_title"] == "Rural Crime"


def test_porter_terms() -> None:
    assert fts5.porter_terms(["precepts", "policing", "county"]) == {
        "precepts": ["precept"], "policing": ["polic"], "county": ["counti"]}


def test_query_sets_on_generated_archive(tmp_path: Path) -> None:
    generate(600, 5, tmp_path / "g", log=lambda _m: None)
    qs = queries.build_queries(tmp_path / "g", 4, 1)
    assert set(qs["classes"]) == set(queries.CLASSES)
    for cls in ("common", "rare", "and2", "phrase", "speaker", "newest"):
        assert len(qs["classes"][cls]) == 4, cls
    assert all(s["fts5_match"] for specs in qs["classes"].values() for s in specs)
    again = queries.build_queries(tmp_path / "g", 4, 1)
    assert again == qs  # deterministic for a seed
    ta = qs["tokeniser_agreement"]
    assert 0 < ta["agreeing_words"] <= ta["vocabulary_words"]


def test_loader_loads_every_generated_passage(tmp_path: Path) -> None:
    meta = generate(250, 2, tmp_path / "g", log=lambda _m: None)
    conn = fts5.create(tmp_path / "f.db")
    n = fts5.load(conn, records.iter_rows(records.iter_generated(tmp_path / "g")))
    assert n == meta["passages"] == 250
    (count,) = conn.execute("SELECT count(*) FROM passages WHERE date != '' AND committee_key != ''").fetchone()
    conn.close()
    assert count == 250
