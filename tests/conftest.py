"""Shared fixtures: one small real index, built once per session from tests/data/corpus."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from indexer.build import BuildReport, build_index
from indexer.search import SearchEngine

DATA = Path(__file__).parent / "data"
CORPUS = DATA / "corpus"


def one_file_index(tmp_path: Path, text: str) -> Path:
    """Build an index of one minutes file holding ``text`` (a test panel's meeting of
    1 May 2024) under ``tmp_path``; return the index's folder."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "manifest.json").write_text('{"defaults": {"committee": "Test Panel", "meeting_date": "2024-05-01"}}')
    (corpus / "minutes.txt").write_text(text, encoding="utf-8")
    build_index(corpus, tmp_path / "index")
    return tmp_path / "index"


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildReport]:
    root = tmp_path_factory.mktemp("ix") / "index"
    return root, build_index(CORPUS, root)


@pytest.fixture(scope="session")
def index_dir(built: tuple[Path, BuildReport]) -> Path:
    return built[0]


@pytest.fixture(scope="session")
def build_report(built: tuple[Path, BuildReport]) -> BuildReport:
    return built[1]


@pytest.fixture(scope="session")
def engine(index_dir: Path):
    with SearchEngine(index_dir) as eng:
        yield eng


@pytest.fixture()
def corpus_copy(tmp_path: Path) -> Path:
    """A private, writable copy of the test corpus."""
    dest = tmp_path / "corpus"
    shutil.copytree(CORPUS, dest)
    return dest


@pytest.fixture()
def app(index_dir: Path):
    from webui import create_app

    app = create_app({"TESTING": True, "INDEX_DIR": str(index_dir)})
    yield app
    app.extensions["minutes"].close()


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


REPO = Path(__file__).parent.parent
BUNDLED_CORPUS = REPO / "corpus"


@pytest.fixture(scope="session")
def bundled_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index of the bundled corpus/ (the seeds and the sample archive)."""
    root = tmp_path_factory.mktemp("bundled") / "index"
    build_index(BUNDLED_CORPUS, root)
    return root
