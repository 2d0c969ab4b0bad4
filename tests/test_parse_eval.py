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


@pytest.mark.parametrize(("name", "split"), [("002_x.txt", "B"), ("004_x.txt", "A"), ("112_x.txt", "A"), ("seed.txt", "B")])
def test_split_of(name: str, split: str) -> None:
    assert ev.split_of(name) == split


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


def test_main_writes_results_and_exits_on_targets(realworld: Path, tmp_path: Path) -> None:
    out = tmp_path / "results"
    code = ev.main(["--realworld", str(realworld), "--out-dir", str(out), "--quiet"])
    summary = json.loads((out / "parser-eval.json").read_text())["summary"]["all"]
    assert summary["files"] == 2 and summary["crashes"] == 0
    assert summary["title_recall"] == pytest.approx(3 / 4)
    assert code == 1  # recall and speaker roles are below target in this tiny set
    md = (out / "parser-eval.md").read_text()
    assert "| Item title recall | 75.0 % |" in md
    assert "`006_meeting.html`" in md


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
    without = ev.main(["--realworld", str(realworld), "--out-dir", str(out), "--quiet", "--no-heldout"])
    assert "## Held-out set" not in (out / "parser-eval.md").read_text()
    heldout = tmp_path / "heldout"
    heldout.mkdir()
    shutil.copy(DATA / "seed_001.txt", heldout / "seed.txt")
    gold = {"schema": 1, "files": {"seed.txt": {**GOLD["files"]["004_seed.txt"], "meeting_date": "1999-01-01"}}}
    (heldout / "labels.json").write_text(json.dumps(gold), encoding="utf-8")
    with_heldout = ev.main(["--realworld", str(realworld), "--heldout", str(heldout), "--out-dir", str(out), "--quiet"])
    assert with_heldout == without
    md = (out / "parser-eval.md").read_text()
    assert "## Held-out set" in md and "- `seed.txt`: date: got None, want 1999-01-01" in md
    payload = json.loads((out / "parser-eval.json").read_text())
    assert payload["heldout"]["summary"]["files"] == 1 and payload["heldout"]["summary"]["meeting_date"] == 0.0


@pytest.mark.parametrize(("a", "b"), [("Commissioner\u2019s Update", "Commissioner's update"), ("Review \u2013 Phase 2", "Review - Phase 2")])
def test_title_match_folds_typography(a: str, b: str) -> None:
    assert ev.norm_title(a) == ev.norm_title(b)
