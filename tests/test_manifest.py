"""Manifests: metadata for files that do not state it, and clear errors for broken ones."""

import datetime as dt
import json
from pathlib import Path

import pytest

from indexer.manifest import load_manifests
from indexer.model import Meeting


def write(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")


def test_nearer_manifest_and_file_entries_win(tmp_path):
    write(tmp_path / "manifest.json", {"defaults": {"committee": "Outer Panel", "url": "https://x.example/"}})
    write(
        tmp_path / "pcp" / "manifest.json",
        {
            "defaults": {"committee": "Inner Panel"},
            "files": {"a.txt": {"meeting_date": "2018-01-26"}, "sub/b.txt": {"committee": "B Panel"}},
        },
    )
    m, errors = load_manifests(tmp_path)
    assert errors == []
    assert m.meeting_for(tmp_path / "pcp" / "a.txt") == Meeting("Inner Panel", dt.date(2018, 1, 26), "https://x.example/")
    assert m.meeting_for(tmp_path / "pcp" / "sub" / "b.txt") == Meeting("B Panel", None, "https://x.example/")
    assert m.meeting_for(tmp_path / "c.txt") == Meeting("Outer Panel", None, "https://x.example/")


def test_only_the_manifests_of_named_files_are_read(tmp_path):
    write(tmp_path / "manifest.json", {"defaults": {"url": "https://x.example/"}})
    write(tmp_path / "pcp" / "manifest.json", {"defaults": {"committee": "Inner Panel"}})
    write(tmp_path / "pcp" / "2020" / "manifest.json", {"files": {"a.txt": {"meeting_date": "2020-02-03"}}})
    write(tmp_path / "other" / "manifest.json", "{broken")  # not on the way to the named file: not read
    m, errors = load_manifests(tmp_path, ["pcp/2020/a.txt"])
    assert errors == []
    assert sorted(m.folders) == ["", "pcp", "pcp/2020"]
    assert m.meeting_for("pcp/2020/a.txt") == Meeting("Inner Panel", dt.date(2020, 2, 3), "https://x.example/")
    full, errors = load_manifests(tmp_path)
    assert full.meeting_for("pcp/2020/a.txt") == m.meeting_for("pcp/2020/a.txt")
    assert len(errors) == 1 and "other/manifest.json" in str(errors[0])


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("{not json", "not valid JSON (line 1: Expecting property name enclosed in double quotes)"),
        ('["a"]', "expected an object with 'defaults' and/or 'files'"),
        ('{"files": {"a.txt": {"date": "2018"}}}', "entry 'a.txt' has unknown keys ['date']; allowed: ['body', 'bytes', 'committee', 'content_type', 'etag', 'fetched', 'from', 'item', 'last_modified', 'meeting_date', 'role', 'sha256', 'url']"),
        ('{"files": {"a.txt": {"meeting_date": "26/01/2018"}}}', "'a.txt'.meeting_date '26/01/2018' is not a YYYY-MM-DD date"),
        ('{"defaults": {"committee": 5}}', "'defaults'.committee must be a string"),
        ('{"files": []}', "'files' must map file names to metadata objects"),
    ],
)
def test_broken_manifest_is_reported_and_ignored(tmp_path, content, reason):
    write(tmp_path / "manifest.json", content)
    m, errors = load_manifests(tmp_path)
    assert [str(e) for e in errors] == [f"{tmp_path / 'manifest.json'}: {reason}"]
    assert m.meeting_for(tmp_path / "a.txt") == Meeting()
