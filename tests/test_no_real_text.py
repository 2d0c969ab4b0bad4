"""No real text in the repository: no sentence of a labelled real excerpt, no name of a person in one.

The labelled real excerpts in ``../shared/realworld/`` are read at run time only (``bench/eval_parser.py``,
tests that skip without them). This check reads them too, when the folder exists, and fails naming file
and line for

* a copied run of words of an excerpt in any file of the repository (tracked or about to be:
  ``git ls-files --cached --others --exclude-standard``; binary files skipped): any run of :data:`LONG`
  words, or a run of :data:`N` words holding a *rare* word, one found in the excerpts of fewer than
  :data:`RARE_BODIES` bodies (a name, a place, one clerk's turn of phrase); and
* a person's name from an excerpt (the labels' ``speaker_names`` and every name after a title such as
  "Councillor", "Mr" or "Inspector"): the full name anywhere, or the surname after a title.

What is allowed, and why:

* The project's own starting documents (``../shared/seeds/``, copied into ``corpus/hampshire-pcp/`` and
  ``tests/data/parse/seed_00*.txt``) may be quoted: their runs and names are not flagged.
* Boilerplate is not one body's text. A run found in the excerpts of :data:`COMMON_BODIES` or more bodies
  (as ``bench/parser_split.json`` groups them) is not flagged, and an 8-word run made only of words most
  clerks use ("resolved that the minutes of the meeting held", "to receive any questions from members
  of the") is not either: invented text of the same shape meets those by chance. :data:`ALLOWED` cuts out
  public law, statutory clauses and the standing agenda items every council uses, and the labels' body
  and committee names (public names) are cut out the same way.
* Surnames so common that invented text uses them anyway (:data:`COMMON_SURNAMES`) are only flagged as
  part of a full name.

Rerun alone with ``.venv/bin/python -m pytest -q tests/test_no_real_text.py`` (or
``.venv/bin/python -m tests.test_no_real_text`` to list every finding with the words it matched).
"""

from __future__ import annotations

import html
import json
import re
import subprocess
from collections import defaultdict
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
REALWORLD = (REPO / ".." / "shared" / "realworld").resolve()
SEEDS = (REPO / ".." / "shared" / "seeds").resolve()
SPLIT = REPO / "bench" / "parser_split.json"

#: Words in a run that counts as copied.
N = 8
#: Words in a run that counts as copied whatever its words.
LONG = 14
#: A word in the excerpts of fewer bodies than this is rare: a name, a place, one clerk's turn of phrase.
RARE_BODIES = 8
#: A run in the excerpts of this many bodies or more is boilerplate.
COMMON_BODIES = 3
#: Surnames flagged only as part of a full name: invented text uses them without copying anyone.
COMMON_SURNAMES = frozenset(
    """Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson Roberts Robinson Thompson Wright
    Walker White Edwards Hughes Green Hall Lewis Harris Clarke Patel Jackson Wood Turner Martin Cooper Hill Ward
    Morris Moore Clark Lee King Baker Harrison Morgan Allen James Scott Phillips Watson Davis Parker Price Bennett
    Young Griffiths Mitchell Kelly Cook Carter Richardson Bailey Collins Bell Shaw Murphy Miller Cox Richards
    Khan Marshall Anderson Simpson Ellis Adams Singh Begum Wilkinson Foster Chapman Powell Webb Rogers Gray Mason
    Ali Hunt Hussain Campbell Matthews Owen Palmer Holmes Mills Barnes Knight Lloyd Butler Russell Barker Fisher
    Stevens Jenkins Murray Dixon Harvey Graham Reid Fraser Bruce Boyd Baxter Birch Robertson Stewart Ross Grant
    Hunter""".split()
)
_TITLE = r"(?:Councillors?|Cllrs?\.?|Mr\.?|Mrs\.?|Ms\.?|Miss|Dr\.?|Sir|Dame|Lord|Lady|Professor|Superintendent|Inspector|Sergeant|Constable)"
#: Public law, the formal clauses councils are bound to use and the standing items every agenda opens with:
#: never one clerk's words. Each is cut out of both sides before comparing, so no run crosses it.
ALLOWED = (
    "police reform and social responsibility act 2011",
    "police reform and social responsibility act",
    "licensing act 2003",
    "local government act 1972",
    "of part 1 of schedule 12a to the",
    "on the grounds that it involved the likely disclosure of exempt information as defined in paragraph",
    "the likely disclosure of exempt information as defined in paragraph",
    # the standing items every agenda opens with
    "apologies for absence",
    "apologies and substitutions",
    "apologies were received from",
    "declarations of interest",
    "minutes of the previous meeting",
    "the minutes of the meeting held on",
    "as a correct record",
    "as a true record",
    "subject to the conditions set out in the",
    "subject to the following conditions",
    "for the reasons set out in the report",
    "planning permission be granted",
    "application for a premises licence",
    "stood in silence as a mark of respect",
    "to hold the chief constable to account",
    "in accordance with section 28",
)
_TAG = re.compile(r"<[^<>]{0,500}>")
_ESCAPE = re.compile(r"\\[ntr]")
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_EXCERPT_SKIP = frozenset({"labels.json", "SOURCES.md"})


def allowed_phrases() -> tuple[str, ...]:
    """:data:`ALLOWED` and the names of the labelled bodies and committees (public names, not anyone's text)."""
    labels = json.loads((REALWORLD / "labels.json").read_text(encoding="utf-8"))["files"]
    names = {" ".join(_WORD.findall((g.get("committee") or "").lower())) for g in labels.values()}
    return tuple(sorted((p for p in names | set(ALLOWED) if len(p.split()) >= 3), key=len, reverse=True))


def words(text: str, allowed: tuple[str, ...] = ALLOWED) -> list[str]:
    """The lower-case words of ``text``, HTML tags and ``\\n`` escapes dropped, entities decoded.

    Each phrase of ``allowed`` becomes "|", a word no run is made of.
    """
    text = html.unescape(_ESCAPE.sub(" ", _TAG.sub(" ", text))).replace("\u2019", "'")
    return [word for word, _ in cut(_WORD.findall(text.lower()), allowed)]


def cut(w: list[str], allowed: tuple[str, ...]) -> list[tuple[str, int]]:
    """``w`` with each phrase of ``allowed`` (longest first) replaced by "|", each word with its index in ``w``."""
    by_first: dict[str, list[list[str]]] = defaultdict(list)
    for phrase in sorted(allowed, key=len, reverse=True):
        by_first[phrase.split()[0]].append(phrase.split())
    out: list[tuple[str, int]] = []
    i = 0
    while i < len(w):
        hit = next((p for p in by_first.get(w[i], ()) if w[i : i + len(p)] == p), None)
        out.append(("|" if hit else w[i], i))
        i += len(hit) if hit else 1
    return out


def runs(text: str, n: int, allowed: tuple[str, ...] = ALLOWED) -> set[tuple[str, ...]]:
    w = words(text, allowed)
    return {tuple(w[i : i + n]) for i in range(len(w) - n + 1)}


def _read(path: Path) -> str | None:
    data = path.read_bytes()
    if b"\0" in data[:8192]:
        return None  # binary (a PDF, an image): not text anyone reads
    return data.decode("utf-8", errors="replace")


def _body_of(name: str, split: dict[str, dict[str, str]]) -> str:
    entry = split.get(name)
    return entry["body"] if entry else name.split("_", 2)[1] if name.count("_") >= 2 else name


def excerpt_runs() -> dict[tuple[str, ...], str]:
    """The runs of the excerpts that count as copied → one file holding each.

    A run of :data:`LONG` words counts, and so does a run of :data:`N` words holding a rare word (found in
    the excerpts of fewer than :data:`RARE_BODIES` bodies: a name, a place, one clerk's turn of phrase);
    never a run the seeds hold or :data:`COMMON_BODIES` bodies share.
    """
    split = json.loads(SPLIT.read_text(encoding="utf-8"))["files"] if SPLIT.is_file() else {}
    allowed = allowed_phrases()
    texts: dict[str, list[str]] = {}
    for path in sorted(REALWORLD.iterdir()):
        text = _read(path) if path.is_file() and path.name not in _EXCERPT_SKIP else None
        if text is not None:
            texts[path.name] = words(text, allowed)
    bodies_of_word: dict[str, set[str]] = defaultdict(set)
    bodies_of_run: dict[tuple[str, ...], set[str]] = defaultdict(set)
    where: dict[tuple[str, ...], str] = {}
    for name, w in texts.items():
        body = _body_of(name, split)
        for word in w:
            bodies_of_word[word].add(body)
        for n in (N, LONG):
            for i in range(len(w) - n + 1):
                run = tuple(w[i : i + n])
                bodies_of_run[run].add(body)
                where.setdefault(run, name)
    seeds: set[tuple[str, ...]] = set()
    for p in SEEDS.glob("*.txt") if SEEDS.is_dir() else ():
        seeds |= runs(_read(p) or "", N, allowed) | runs(_read(p) or "", LONG, allowed)

    def rare(run: tuple[str, ...]) -> bool:
        return len(run) == LONG or any(len(bodies_of_word[w]) < RARE_BODIES for w in run if not w.isdigit())

    return {
        r: where[r]
        for r, b in bodies_of_run.items()
        if len(b) < COMMON_BODIES and r not in seeds and "|" not in r and rare(r)
    }


# A name after a title in an excerpt: "Councillor Jo Bloggs", "Mr J. Bloggs", "Inspector Bloggs".
_TITLED_NAME = re.compile(
    rf"\b{_TITLE}\s+((?:[A-Z]\.?\s+)?[A-Z][a-z]+(?:['-][A-Z]?[a-z]+)*(?:\s+[A-Z][a-z]+(?:['-][A-Z]?[a-z]+)*)?)"
)
#: Capitalised words that follow a title without being a name.
_NOT_A_NAME = frozenset(
    "The And Chair Chairman Members Member Panel Council Committee Commissioner Mayor Mayoress Provost Lieutenant".split()
)


def excerpt_names() -> set[str]:
    """The people's names of the excerpts: every ``speaker_names`` label and every name after a title."""
    labels = json.loads((REALWORLD / "labels.json").read_text(encoding="utf-8"))["files"]
    names = {n for gold in labels.values() for n in gold.get("speaker_names") or []}
    for path in REALWORLD.iterdir():
        text = _read(path) if path.is_file() and path.name not in _EXCERPT_SKIP else None
        for m in _TITLED_NAME.finditer(html.unescape(_TAG.sub(" ", text or ""))):
            parts = [w for w in m.group(1).split() if w not in _NOT_A_NAME]
            names.add(" ".join(parts))
    return {n for n in names if n}


def name_patterns() -> list[tuple[re.Pattern[str], str]]:
    """Patterns for the excerpts' names: full names, and uncommon surnames after a title."""
    seed_text = " ".join(_read(p) or "" for p in SEEDS.glob("*.txt")) if SEEDS.is_dir() else ""
    full: set[str] = set()
    surnames: set[str] = set()
    for name in excerpt_names():
        parts = name.replace(".", " ").split()
        if not parts or re.search(rf"\b{re.escape(parts[-1])}\b", seed_text):
            continue  # named in the project's own starting documents
        if len(parts) > 1 and len(parts[0]) > 1:
            full.add(" ".join(parts))
        if parts[-1] not in COMMON_SURNAMES and len(parts[-1]) > 2:
            surnames.add(parts[-1])
    out = [(re.compile(r"\b" + r"\.?\s+".join(map(re.escape, n.split())) + r"\b"), n) for n in sorted(full)]
    out += [(re.compile(rf"\b{_TITLE}\s+(?:[A-Z]\.?\s+)?{re.escape(s)}\b"), s) for s in sorted(surnames)]
    return out


def repository_files() -> list[Path]:
    try:
        listed = subprocess.run(
            ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
            cwd=REPO, capture_output=True, check=True,
        ).stdout.decode().split("\0")
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout: cannot list the repository's files")
    return [REPO / f for f in listed if f and (REPO / f).is_file()]


def findings() -> list[str]:
    """Every copied run and real name in the repository, as "path:line: what"."""
    copied = excerpt_runs()
    allowed = allowed_phrases()
    split = json.loads(SPLIT.read_text(encoding="utf-8"))["files"] if SPLIT.is_file() else {}
    dev_part = {name: entry["part"] for name, entry in split.items()}
    names = name_patterns()
    seeds = {p.read_bytes() for p in SEEDS.glob("*.txt")} if SEEDS.is_dir() else set()
    out: list[str] = []
    for path in repository_files():
        if path.read_bytes() in seeds:
            continue
        text = _read(path)
        if text is None:
            continue
        rel = path.relative_to(REPO)
        # only the patterns whose every word the file holds (a cheap set test instead of a regex scan each)
        present = set(re.findall(r"[^\W\d_]+", text))
        candidates = [(p, n) for p, n in names if present.issuperset(re.findall(r"[^\W\d_]+", n))]
        for lineno, line in enumerate(text.splitlines(), 1) if candidates else ():
            for pattern, name in candidates:
                if pattern.search(line):
                    out.append(f"{rel}:{lineno}: a name from an excerpt ({name})")
        # runs may cross line ends: map each word back to its line
        line_of: list[int] = []
        all_words: list[str] = []
        for lineno, line in enumerate(text.splitlines(), 1):
            w = words(line, ())
            all_words += w
            line_of += [lineno] * len(w)
        kept = cut(all_words, allowed)
        all_words = [word for word, _ in kept]
        reported: set[int] = set()
        for i in range(len(all_words) - N + 1):
            run = next((r for r in (tuple(all_words[i : i + N]), tuple(all_words[i : i + LONG])) if r in copied), None)
            line = line_of[kept[i][1]]
            if run is not None and line not in reported:
                reported.add(line)
                # the words themselves only for development excerpts: the test part is scored, never read
                shown = f": \"{' '.join(run)}\"" if dev_part.get(copied[run]) == "dev" else " (test part: words not shown)"
                out.append(f"{rel}:{line}: {N} words of {copied[run]}{shown}")
    return out


@pytest.mark.skipif(not (REALWORLD / "labels.json").is_file(), reason="../shared/realworld is not here")
def test_no_sentence_or_name_of_a_real_excerpt_in_the_repository() -> None:
    found = findings()
    assert not found, "real text in the repository:\n" + "\n".join(found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<p>Members &amp; officers</p>", ["members", "officers"]),
        ("'Chair\\nsaid' the Commissioner\u2019s", ["chair", "said", "the", "commissioner's"]),
    ],
)
def test_words_fold_markup_escapes_and_quotes(text: str, expected: list[str]) -> None:
    assert words(text) == expected


if __name__ == "__main__":
    print("\n".join(findings()) or "no real text found")
