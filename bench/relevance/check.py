"""Validate the judged query sets in bench/relevance against the collection they were judged on.

Two files are checked:

* ``judgments.json``: 48 queries, 12 per kind, split 6 ``dev`` / 6 ``aside`` per kind exactly as the recorded
  seed reproduces;
* ``judgments-dev2.json``: a second set of 48 queries, 12 per kind, all ``dev``, with ids ``t2NN``, ``q2NN``,
  ``a2NN`` and ``d2NN`` by kind;
* ``judgments-dev3.json``: a third set, all ``dev``, weighted to topics (at least 16 queries, every kind
  present), with ids ``t3NN``, ``q3NN``, ``a3NN`` and ``d3NN`` by kind.

For each file: every judged document exists (real excerpts under ../shared/realworld, read at run
time; corpus files under corpus/), grades are 1 or 2 (0s are omitted), every query has at least one
relevant document, ids and query texts are unique, and no query, need or rule text repeats eight or
more consecutive words of a real excerpt. Across the two files: no query id and no query text
(ignoring case and spacing) appears twice. Prints per-kind and per-part counts for each file and
exits 1 on any problem.

    python bench/relevance/check.py [--realworld ../shared/realworld]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
KINDS = ("topic", "question", "acronym", "decision")
PER_KIND = 12
NGRAM = 8
#: Id prefix per kind in the second (all-dev) set.
DEV2_PREFIX = {"topic": "t2", "question": "q2", "acronym": "a2", "decision": "d2"}
#: Id prefix per kind in the third (all-dev, topic-weighted) set.
DEV3_PREFIX = {"topic": "t3", "question": "q3", "acronym": "a3", "decision": "d3"}
#: The third set's least size.
DEV3_MIN = 16


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def ngrams(tokens: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def normalise(query: str) -> str:
    return " ".join(query.lower().split())


def expected_split(queries: list[dict], seed: int) -> dict[str, str]:
    rng = random.Random(seed)
    part: dict[str, str] = {}
    for kind in KINDS:
        ids = sorted(q["id"] for q in queries if q["kind"] == kind)
        rng.shuffle(ids)
        for i, qid in enumerate(ids):
            part[qid] = "dev" if i < len(ids) // 2 else "aside"
    return part


class Collection:
    """The judged documents: real excerpts (read at run time) and the corpus files."""

    def __init__(self, realworld: Path) -> None:
        self.realworld = realworld
        self.excerpt_grams: set[tuple[str, ...]] = set()
        for path in sorted(realworld.glob("*.txt")):
            self.excerpt_grams |= ngrams(words(path.read_text(encoding="utf-8", errors="replace")), NGRAM)

    def exists(self, doc_id: str) -> bool:
        root, _, rel = doc_id.partition("/")
        if root == "realworld":
            return (self.realworld / rel).is_file()
        if root == "corpus":
            p = REPO / "corpus" / rel
            return p.is_file() and p.suffix in {".txt", ".html", ".htm"} and p.name != "README.md"
        return False


def check_queries(name: str, queries: list[dict], coll: Collection, per_kind: int | None = PER_KIND) -> list[str]:
    """Checks common to every file; problems are prefixed with the file name.

    ``per_kind``: the number of queries each kind must have (None: no fixed number)."""
    problems: list[str] = []
    ids = [q["id"] for q in queries]
    for qid, n in Counter(ids).items():
        if n > 1:
            problems.append(f"{name}: query id {qid} appears {n} times")
    for text, n in Counter(normalise(q["query"]) for q in queries).items():
        if n > 1:
            problems.append(f"{name}: query text {text!r} appears {n} times")
    for q in queries:
        qid = f"{name}: {q['id']}"
        if q["kind"] not in KINDS:
            problems.append(f"{qid}: unknown kind {q['kind']!r}")
        if q.get("part") not in ("dev", "aside"):
            problems.append(f"{qid}: part must be dev or aside")
        judged = q["judgments"]
        if not any(g in (1, 2) for g in judged.values()):
            problems.append(f"{qid}: no document graded 1 or 2")
        for doc_id, grade in judged.items():
            if grade not in (1, 2):
                problems.append(f"{qid}: {doc_id} has grade {grade!r} (store only 1 and 2)")
            if not coll.exists(doc_id):
                problems.append(f"{qid}: no such document {doc_id}")
        for field in ("query", "need", "rule"):
            copied = ngrams(words(q.get(field, "")), NGRAM) & coll.excerpt_grams
            if copied:
                problems.append(f"{qid}: {field} repeats excerpt words: {' '.join(sorted(copied)[0])}")
        for field in ("need", "rule"):
            if not q.get(field, "").strip():
                problems.append(f"{qid}: empty {field}")
    counts = Counter(q["kind"] for q in queries)
    for kind in KINDS:
        if per_kind is not None and counts[kind] != per_kind:
            problems.append(f"{name}: {kind}: {counts[kind]} queries, expected {per_kind}")
    return problems


def check_split(name: str, data: dict) -> list[str]:
    """The first set: half of each kind dev, half aside, as the recorded seed gives."""
    want = expected_split(data["queries"], data["split_seed"])
    return [
        f"{name}: {q['id']}: part {q.get('part')!r} but the seed gives {want.get(q['id'])!r}"
        for q in data["queries"]
        if want.get(q["id"]) != q.get("part")
    ]


def check_all_dev(name: str, data: dict, prefixes: dict[str, str]) -> list[str]:
    """An all-dev set: every query dev, ids made of the kind's prefix and two digits."""
    problems = []
    for q in data["queries"]:
        if q.get("part") != "dev":
            problems.append(f"{name}: {q['id']}: part {q.get('part')!r}, every query of this set is dev")
        prefix = prefixes.get(q["kind"], "?")
        if not re.fullmatch(rf"{prefix}\d\d", q["id"]):
            problems.append(f"{name}: {q['id']}: id should be {prefix} and two digits for kind {q['kind']}")
    return problems


def check_dev2(name: str, data: dict) -> list[str]:
    """The second set: every query dev, ids t2NN/q2NN/a2NN/d2NN by kind."""
    return check_all_dev(name, data, DEV2_PREFIX)


def check_dev3(name: str, data: dict) -> list[str]:
    """The third set: every query dev, ids t3NN/q3NN/a3NN/d3NN, at least DEV3_MIN queries,
    every kind present and topics the largest kind."""
    problems = check_all_dev(name, data, DEV3_PREFIX)
    counts = Counter(q["kind"] for q in data["queries"])
    if sum(counts.values()) < DEV3_MIN:
        problems.append(f"{name}: {sum(counts.values())} queries, expected at least {DEV3_MIN}")
    if any(counts[k] == 0 for k in KINDS) or counts["topic"] < max(counts.values()):
        problems.append(f"{name}: every kind must be present and topics the largest kind: {dict(counts)}")
    return problems


def print_table(name: str, queries: list[dict]) -> None:
    parts = [p for p in ("dev", "aside") if any(q["part"] == p for q in queries)]
    if len(parts) > 1:
        parts.append("both")
    print(name)
    print(f"{'kind':<9} {'part':<6} {'queries':>7} {'grade 2':>8} {'grade 1':>8} {'rel/query':>9}")
    for kind in (*KINDS, "all"):
        for part in parts:
            sel = [
                q
                for q in queries
                if (kind == "all" or q["kind"] == kind) and (part == "both" or q["part"] == part)
            ]
            g2 = sum(v == 2 for q in sel for v in q["judgments"].values())
            g1 = sum(v == 1 for q in sel for v in q["judgments"].values())
            print(f"{kind:<9} {part:<6} {len(sel):>7} {g2:>8} {g1:>8} {(g1 + g2) / max(len(sel), 1):>9.2f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--realworld", type=Path, default=REPO.parent / "shared" / "realworld")
    ap.add_argument("--judgments", type=Path, default=HERE / "judgments.json", help="first (dev/aside) set")
    ap.add_argument("--dev2", type=Path, default=HERE / "judgments-dev2.json", help="second (all dev) set")
    ap.add_argument("--dev3", type=Path, default=HERE / "judgments-dev3.json", help="third (all dev, topics) set")
    args = ap.parse_args(argv)

    if not args.realworld.is_dir():
        print(f"error: real excerpts not found at {args.realworld}", file=sys.stderr)
        return 1
    coll = Collection(args.realworld)

    problems: list[str] = []
    files = [(args.judgments, check_split, PER_KIND), (args.dev2, check_dev2, PER_KIND), (args.dev3, check_dev3, None)]
    loaded: list[tuple[str, list[dict]]] = []
    for path, specific, per_kind in files:
        name = path.name
        if not path.is_file():
            problems.append(f"{name}: not found at {path}")
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        problems += check_queries(name, data["queries"], coll, per_kind)
        problems += specific(name, data)
        loaded.append((name, data["queries"]))

    # Across files: an id or a query text may appear in only one of them.
    seen_ids: dict[str, str] = {}
    seen_texts: dict[str, str] = {}
    for name, queries in loaded:
        for q in queries:
            for key, seen in ((q["id"], seen_ids), (normalise(q["query"]), seen_texts)):
                other = seen.get(key)
                if other is not None and other != name:
                    problems.append(f"{name}: {key!r} is also in {other}")
                seen.setdefault(key, name)

    for i, (name, queries) in enumerate(loaded):
        if i:
            print()
        print_table(name, queries)

    if problems:
        for p in problems:
            print("problem:", p, file=sys.stderr)
        return 1
    total = sum(len(queries) for _, queries in loaded)
    print(f"ok: {total} queries in {len(loaded)} files, every judged document exists, splits as recorded")
    return 0


if __name__ == "__main__":
    sys.exit(main())
