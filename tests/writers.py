"""Helpers for the write-path tests: a corpus whose every file holds one unique word,
real `minutes index` processes (killed or paused at named steps), and a check that an
index holds exactly what a corpus says."""

from __future__ import annotations

import itertools
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from indexer.search import SearchEngine, SearchRequest

# Consonants only: a word without a vowel has no suffix the stemmer removes, so each
# word is its own stem and no two of them collide.
_LETTERS = "bcdfghjkmnpqrtvwxz"
_WORDS = ("zq" + "".join(t) for t in itertools.product(_LETTERS, repeat=4))

TEMPLATE = """Agenda item

{title}

To consider the {title_lower} report.

Minutes:

The Panel received the report on {title_lower} from the Chief Executive.

Members asked about the {word} arrangements and the timetable for the work.

RESOLVED:

That the report be noted.

Supporting documents:
"""

TITLES = ("Precept Proposal", "Annual Report", "Performance Update", "Complaints Review", "Estates Strategy",
          "Victims Services", "Rural Crime Plan", "Budget Monitoring", "Work Programme Review")


def new_word() -> str:
    return next(_WORDS)


@dataclass
class Corpus:
    """A corpus folder in which every file's one unique word says which file it is."""

    folder: Path
    words: dict[str, str] = field(default_factory=dict)  # file name → its word
    _count: int = 0

    @classmethod
    def make(cls, folder: Path, files: int) -> Corpus:
        corpus = cls(folder)
        folder.mkdir(parents=True, exist_ok=True)
        for _ in range(files):
            corpus.add()
        return corpus

    def write(self, name: str, word: str) -> None:
        path = self.folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        title = TITLES[sum(map(ord, name)) % len(TITLES)]
        path.write_text(TEMPLATE.format(title=title, title_lower=title.lower(), word=word), encoding="utf-8")
        self.words[name] = word

    def add(self) -> str:
        name = f"body-{self._count % 3}/{self._count:05d}-meeting.txt"
        self._count += 1
        self.write(name, new_word())
        return name

    def change(self, name: str) -> None:
        self.write(name, new_word())

    def remove(self, name: str) -> None:
        (self.folder / name).unlink()
        del self.words[name]

    def mutate(self, rng: random.Random, add: int = 3, change: int = 2, remove: int = 2) -> None:
        """Add, change and remove some files."""
        names = sorted(self.words)
        picked = rng.sample(names, min(len(names), change + remove))
        for name in picked[:change]:
            self.change(name)
        for name in picked[change:]:
            self.remove(name)
        for _ in range(add):
            self.add()

    def expected(self) -> dict[str, str]:
        """word → file, as an index of the corpus must answer."""
        return {w: n for n, w in self.words.items()}


def indexed(root: Path, words: set[str], engine: SearchEngine | None = None) -> dict[str, str]:
    """Search for each word; return word → the file it was found in (words found in no
    file are left out; a word found twice, or in several passages, is an error)."""
    own = engine is None
    engine = engine or SearchEngine(root)
    try:
        found: dict[str, str] = {}
        ordered = sorted(words)
        for i in range(0, len(ordered), 30):
            chunk = ordered[i:i + 30]
            page = engine.search(SearchRequest(q=" OR ".join(chunk), per_item=0, per_page=100))
            assert page.total == len(page.hits), "more hits than one page"
            for hit in page.hits:
                text = "".join(t for t, _ in hit.snippet)
                hit_words = [w for w in chunk if w in text]
                assert len(hit_words) == 1, (hit.source, text)
                assert hit_words[0] not in found, f"{hit_words[0]} found twice: {found[hit_words[0]]}, {hit.source}"
                found[hit_words[0]] = hit.source
        return found
    finally:
        if own:
            engine.close()


def minutes(*args: str, env: dict[str, str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run the `minutes` command in a fresh process."""
    return subprocess.run([sys.executable, "-m", "indexer.cli", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=timeout)


def start_minutes(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "indexer.cli", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, **(env or {})})


def kill_after(proc: subprocess.Popen[str], seconds: float) -> bool:
    """SIGKILL ``proc`` after ``seconds`` unless it ended first; True if it was killed."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    return True


def wait_for(path: Path, proc: subprocess.Popen[str] | None = None, timeout: float = 60) -> None:
    """Wait until ``path`` exists (a writer paused at a step)."""
    deadline = time.monotonic() + timeout
    while not path.exists():
        if proc is not None and proc.poll() is not None:
            raise AssertionError(f"the writer ended before pausing: {proc.stderr.read() if proc.stderr else ''}")
        assert time.monotonic() < deadline, f"{path} never appeared"
        time.sleep(0.01)
