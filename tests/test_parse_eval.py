"""The parser evaluation harness (bench/eval_parser.py): field definitions and exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bench import eval_parser as ev

DATA = Path(__file__).parent / "data" / "parse"


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Hampshire Police and Crime Panel (Statutory Joint Committee)", "Hampshire Police and Crime Panel", True),
        ("The Cabinet", "cabinet", True),
        ("Thames Valley Police & Crime Panel", "Thames  Valley Police and Crime Panel", True),
        ("Dyfed-Powys Police and Crime Panel", "Dyfed Powys Police and Crime Panel", True),
        ("Surrey Police and Crime Panel", "Sussex Police and Crime Panel", False),
        (None, None, True),
        (None, "Council", False),
    ],
)
def test_committee_match(a: str | None, b: str | None, same: bool) -> None:
    assert (ev.norm_committee(a) == ev.norm_committee(b)) is same


def test_recorded_split_is_by_body_and_at_least_40_percent_test() -> None:
    files = json.loads(ev.SPLIT_FILE.read_text(encoding="utf-8"))["files"]
    parts_of_body: dict[str, set[str]] = {}
    for entry in files.values():
        parts_of_body.setdefault(entry["body"], set()).add(entry["part"])
    assert all(len(parts) == 1 for parts in parts_of_body.values())
    split = ev.load_split()
    assert sum(p == "test" for p in split.values()) / len(split) >= 0.40
    assert set(split.values()) == {"dev", "test"}


@pytest.mark.parametrize(("name", "part"), [("a.txt", "dev"), ("b.txt", "test"), ("never-seen.txt", "test")])
def test_part_of_counts_unlisted_files_as_test(name: str, part: str) -> None:
    assert ev.part_of(name, {"a.txt": "dev", "b.txt": "test"}) == part


GOLD = {
    "schema": 1,
    "files": {
        "004_seed.txt": {
            "kind": "agenda_item",
            "committee": None,
            "meeting_date": None,
            "items": [{"number": None, "title": "POLICE AND CRIME COMMISSIONER - POLICE AND CRIME PLAN DELIVERY"}],
            "resolutions": 1,
            "speaker_roles": ["commissioner"],
            "speaker_names": [],
        },
        "006_meeting.html": {
            "kind": "meeting",
            "committee": "The Police and Crime Panel (Statutory Joint Committee)",
            "meeting_date": "2018-01-26",
            "items": [
                {"number": "54", "title": "Apologies for Absence"},
                {"number": "55", "title": "Minutes of the Previous Meeting"},
                {"number": "99", "title": "An item the parser will not find"},
            ],
            "resolutions": 2,
            "speaker_roles": ["commissioner", "councillor", "chief_constable", "chair"],
            "speaker_names": [],
        },
    },
}


@pytest.fixture
def realworld(tmp_path: Path) -> Path:
    shutil.copy(DATA / "seed_001.txt", tmp_path / "004_seed.txt")
    shutil.copy(DATA / "moderngov_meeting.html", tmp_path / "006_meeting.html")
    (tmp_path / "labels.json").write_text(json.dumps(GOLD), encoding="utf-8")
    return tmp_path


def test_evaluate_file(realworld: Path) -> None:
    got = ev.evaluate_file(realworld / "006_meeting.html", GOLD["files"]["006_meeting.html"])
    assert (got["date_ok"], got["committee_ok"], got["resolutions_ok"]) == (True, True, True)
    assert (got["title_tp"], got["title_pred"], got["title_gold"], got["number_ok"]) == (2, 3, 3, 2)
    assert (got["role_tp"], got["role_fp"], got["role_fn"]) == (3, 0, 1)
    assert "title missed: 'an item the parser will not find'" in got["misses"]


def _args(realworld: Path, tmp_path: Path, *extra: str) -> list[str]:
    split = tmp_path / "split.json"
    if not split.exists():
        split.write_text(json.dumps({"files": {"004_seed.txt": {"body": "x", "part": "dev"},
                                               "006_meeting.html": {"body": "y", "part": "test"}}}))
    return ["--realworld", str(realworld), "--out-dir", str(tmp_path / "results"), "--split-file", str(split),
            "--ratchet", str(tmp_path / "ratchet.json"), "--quiet", *extra]


def test_main_reports_dev_and_test_and_keeps_the_excerpts_text_out(realworld: Path, tmp_path: Path) -> None:
    assert ev.main(_args(realworld, tmp_path, "--no-heldout")) == 0  # no crash, no ratchet: targets never fail
    payload = json.loads((tmp_path / "results" / "parser-eval.json").read_text())
    summary = payload["summary"]
    assert (summary["all"]["files"], summary["dev"]["files"], summary["test"]["files"]) == (2, 1, 1)
    assert summary["all"]["title_recall"] == pytest.approx(3 / 4)
    assert summary["test"]["title_recall"] == pytest.approx(2 / 3)
    md = (tmp_path / "results" / "parser-eval.md").read_text()
    assert "| Item title recall | 75.0 % | 100.0 % | 66.7 % | ≥ 95 % |" in md
    committed = md + json.dumps(payload["files"])
    assert "Apologies" not in committed and "parser will not find" not in committed and "misses" not in committed
    assert [f["file"] for f in payload["files"]] == ["004_seed.txt", "006_meeting.html"]


def test_ratchet_records_then_fails_on_a_worse_test_part(realworld: Path, tmp_path: Path) -> None:
    assert ev.main(_args(realworld, tmp_path, "--update-ratchet")) == 0
    recorded = ev.load_ratchet(tmp_path / "ratchet.json")
    assert recorded["title_recall"] == pytest.approx(2 / 3) and recorded["crashes"] == 0
    assert ev.main(_args(realworld, tmp_path)) == 0
    gold = json.loads((realworld / "labels.json").read_text())
    gold["files"]["006_meeting.html"]["meeting_date"] = "1999-01-01"  # the test part now scores worse
    (realworld / "labels.json").write_text(json.dumps(gold))
    assert ev.main(_args(realworld, tmp_path)) == 1
    assert ev.main(_args(realworld, tmp_path, "--update-ratchet")) == 1  # never lowers a recorded score
    assert ev.load_ratchet(tmp_path / "ratchet.json") == recorded


def test_a_crash_fails_the_run(realworld: Path, tmp_path: Path) -> None:
    (realworld / "004_seed.txt").write_bytes(b"%PDF-1.4 not really a pdf")
    (realworld / "004_seed.txt").rename(realworld / "004_seed.pdf")
    gold = json.loads((realworld / "labels.json").read_text())
    gold["files"]["004_seed.pdf"] = gold["files"].pop("004_seed.txt")
    (realworld / "labels.json").write_text(json.dumps(gold))
    assert ev.main(_args(realworld, tmp_path)) == 1
    summary = json.loads((tmp_path / "results" / "parser-eval.json").read_text())["summary"]
    assert summary["test"]["crashes"] == 1 and summary["dev"]["files"] == 0  # unlisted in the split: test


@pytest.mark.parametrize(
    ("summary", "ratchet", "worse"),
    [
        ({"crashes": 0, "meeting_date": 0.9}, {"crashes": 0, "meeting_date": 0.9}, []),
        ({"crashes": 1, "meeting_date": 0.95}, {"crashes": 0, "meeting_date": 0.9}, ["crashes: 1 (recorded 0)"]),
        ({"crashes": 0, "meeting_date": 0.85}, {"crashes": 0, "meeting_date": 0.9}, ["meeting_date: 0.85 (recorded 0.9)"]),
    ],
)
def test_regressions(summary: dict[str, float], ratchet: dict[str, float], worse: list[str]) -> None:
    assert ev.regressions(summary, ratchet) == worse


def test_main_without_realworld_folder_exits_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert ev.main(["--realworld", str(tmp_path / "missing"), "--out-dir", str(tmp_path)]) == 0
    assert "not found; skipping" in capsys.readouterr().out


def test_synthetic_meeting_is_large_and_parses() -> None:
    data = ev.synthetic_meeting(items=3)
    assert data.count(b"Police and Crime Plan Delivery - Quarter") == 3
    speed = ev.measure_speed(repeats=1)
    assert speed["passages"] == 300 * 14  # seed 001: 16 passages less its two bare lead-ins


def test_heldout_section_is_reported_but_not_a_target(realworld: Path, tmp_path: Path) -> None:
    out = tmp_path / "results"
    without = ev.main(_args(realworld, tmp_path, "--no-heldout"))
    assert "## Held-out set" not in (out / "parser-eval.md").read_text()
    heldout = tmp_path / "heldout"
    heldout.mkdir()
    shutil.copy(DATA / "seed_001.txt", heldout / "seed.txt")
    gold = {"schema": 1, "files": {"seed.txt": {**GOLD["files"]["004_seed.txt"], "meeting_date": "1999-01-01"}}}
    (heldout / "labels.json").write_text(json.dumps(gold), encoding="utf-8")
    with_heldout = ev.main(_args(realworld, tmp_path, "--heldout", str(heldout)))
    assert with_heldout == without
    md = (out / "parser-eval.md").read_text()
    assert "## Held-out set" in md and "- `seed.txt`: date: got None, want 1999-01-01" in md
    payload = json.loads((out / "parser-eval.json").read_text())
    assert payload["heldout"]["summary"]["files"] == 1 and payload["heldout"]["summary"]["meeting_date"] == 0.0


@pytest.mark.parametrize(("a", "b"), [("Commissioner\u2019s Update", "Commissioner's update"), ("Review \u2013 Phase 2", "Review - Phase 2")])
def test_title_match_folds_typography(a: str, b: str) -> None:
    assert ev.norm_title(a) == ev.norm_title(b)
