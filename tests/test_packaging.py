"""`pip install .` ships everything `minutes serve` needs (templates and static files)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).parent.parent


def test_wheel_contains_packages_templates_and_static(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--disable-pip-version-check", "-w", str(tmp_path), str(REPO)],
        check=True,
        capture_output=True,
    )
    [wheel] = tmp_path.glob("minutes_search-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    templates = {f"webui/templates/{p.name}" for p in (REPO / "webui" / "templates").glob("*.html")}
    modules = {p.relative_to(REPO).as_posix() for p in (REPO / "indexer").rglob("*.py")}
    assert templates <= names
    assert {"webui/static/style.css", "indexer/minutes.zdict"} <= names
    assert modules <= names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "minutes = indexer.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()
    assert not any(n.startswith(("tests/", "corpus/", "bench/")) for n in names)
