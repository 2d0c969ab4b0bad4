"""Validate bench/relevance/judgments.json against the collection it was judged on.

Checks that every judged document exists (real excerpts under ../shared/realworld, read at run
time; corpus files under corpus/), that grades are 1 or 2 (0s are omitted), that every query has
at least one relevant document, that each kind has 12 queries split 6 dev / 6 aside exactly as the
recorded seed reproduces, and that no query, need or rule text repeats eight or more consecutive
words of a real excerpt. Prints per-kind and per-part counts and exits 1 on any problem.

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


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def ngrams(tokens: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def expected_split(queries: list[dict], seed: int) -> dict[str, str]:
    rng = random.Random(seed)
    part: dict[str, str] = {}
    for kind in KINDS:
        ids = sorted(q["id"] for q in queries if q["kind"] == kind)
        rng.shuffle(ids)
        for i, qid in enumerate(ids):
            part[qid] = "dev" if i < len(ids) // 2 else "aside"
    return part


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--realworld", type=Path, default=REPO.parent / "shared" / "realworld")
    ap.add_argument("--judgments", type=Path, default=HERE / "judgments.json")
    args = ap.parse_args(argv)

    data = json.loads(args.judgments.read_text(encoding="utf-8"))
    queries = data["queries"]
    problems: list[str] = []

    if not args.realworld.is_dir():
        print(f"error: real excerpts not found at {args.realworld}", file=sys.stderr)
        return 1
    excerpt_grams: set[tuple[str, ...]] = set()
    for path in sorted(args.realworld.glob("*.txt")):
        excerpt_grams |= ngrams(words(path.read_text(encoding="utf-8", errors="replace")), NGRAM)

    def exists(doc_id: str) -> bool:
        root, _, rel = doc_id.partition("/")
        if root == "realworld":
            return (args.realworld / rel).is_file()
        if root == "corpus":
            p = REPO / "corpus" / rel
            return p.is_file() and p.suffix in {".txt", ".html", ".htm"} and p.name != "README.md"
        return False

    ids = [q["id"] for q in queries]
    if len(ids) != len(set(ids)):
        problems.append("duplicate query ids")
    texts = [q["query"].lower() for q in queries]
    if len(texts) != len(set(texts)):
        problems.append("duplicate query texts")

    for q in queries:
        if q["kind"] not in KINDS:
            problems.append(f"{q['id']}: unknown kind {q['kind']!r}")
        if q.get("part") not in ("dev", "aside"):
            problems.append(f"{q['id']}: part must be dev or aside")
        judged = q["judgments"]
        if not any(g in (1, 2) for g in judged.values()):
            problems.append(f"{q['id']}: no document graded 1 or 2")
        for doc_id, grade in judged.items():
            if grade not in (1, 2):
                problems.append(f"{q['id']}: {doc_id} has grade {grade!r} (store only 1 and 2)")
            if not exists(doc_id):
                problems.append(f"{q['id']}: no such document {doc_id}")
        for field in ("query", "need", "rule"):
            copied = ngrams(words(q[field]), NGRAM) & excerpt_grams
            if copied:
                problems.append(f"{q['id']}: {field} repeats excerpt words: {' '.join(sorted(copied)[0])}")

    per_kind = Counter(q["kind"] for q in queries)
    for kind in KINDS:
        if per_kind[kind] != PER_KIND:
            problems.append(f"{kind}: {per_kind[kind]} queries, expected {PER_KIND}")
    want = expected_split(queries, data["split_seed"])
    for q in queries:
        if want.get(q["id"]) != q.get("part"):
            problems.append(f"{q['id']}: part {q.get('part')!r} but the seed gives {want.get(q['id'])!r}")

    print(f"{'kind':<9} {'part':<6} {'queries':>7} {'grade 2':>8} {'grade 1':>8} {'rel/query':>9}")
    for kind in (*KINDS, "all"):
        for part in ("dev", "aside", "both"):
            sel = [
                q
                for q in queries
                if (kind == "all" or q["kind"] == kind) and (part == "both" or q["part"] == part)
            ]
            g2 = sum(v == 2 for q in sel for v in q["judgments"].values())
            g1 = sum(v == 1 for q in sel for v in q["judgments"].values())
            print(f"{kind:<9} {part:<6} {len(sel):>7} {g2:>8} {g1:>8} {(g1 + g2) / max(len(sel), 1):>9.2f}")

    if problems:
        for p in problems:
            print("problem:", p, file=sys.stderr)
        return 1
    print(f"ok: {len(queries)} queries, every judged document exists, split matches seed {data['split_seed']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
