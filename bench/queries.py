"""Seeded query sets, one per query class, that both engines understand the same way.

Each query is a spec: ``{"cls", "terms", "phrases", "speaker", "sort"}``. :func:`ours_q`
renders it in our query language, :func:`bench.fts5.translate` as an FTS5 MATCH.

Fair comparison needs queries whose words both engines match the same way. Our engine
stems with Snowball and drops stop words; FTS5 stems with Porter and keeps every word.
So a query word is only used when, over the whole vocabulary of the archive, the set of
corpus words that Snowball puts in its class equals the set that SQLite's own Porter
tokenizer puts in its class (e.g. "police"/"policing" may differ; "precept"/"precepts"
agree), it is not a stop word, and no word of its class is a stop word ("toing" stems to
"to": FTS5 would match every "to", which ours never indexes). Phrases are runs of such words with nothing but a
space between them. How many words this rules out is reported with examples.

Classes (``N`` passages):

- ``common``: one word in more than half of the passages (e.g. "police"); if fewer than
  three such words exist, the five most frequent words.
- ``rare``: one word in at most 0.1 % of passages (names, places, rare words).
- ``and2``: two words taken from the same passage, each in 0.1–30 % of passages.
- ``phrase``: a 2–3 word run from a passage, one word in under 20 % of passages.
- ``speaker``: ``speaker:<role> word``, role and word from the same passage.
- ``newest``: one word in 1–50 % of passages, sorted by date, newest first.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path
from typing import Any

from indexer.analysis import STOP_WORDS

from . import fts5

CLASSES = ("common", "rare", "and2", "phrase", "speaker", "newest")
_ALPHA = re.compile(r"^[a-z]{3,}$")


def ours_q(spec: dict[str, Any]) -> str:
    """Render a spec in our query language."""
    parts = list(spec.get("terms", ()))
    parts += ['"' + " ".join(p) + '"' for p in spec.get("phrases", ())]
    if spec.get("speaker"):
        parts.insert(0, f"speaker:{spec['speaker']}")
    return " ".join(parts)


def agreement(vocab: dict[str, Any]) -> tuple[set[str], dict[str, Any]]:
    """Return the words both tokenisers class alike, and a summary of those that differ."""
    df_word: dict[str, int] = vocab["df_word"]
    stem_of: dict[str, str] = vocab["stem_of"]
    # Classes are built over every alphabetic word (stop words and 2-letter words included),
    # candidates are words of 3+ letters.
    every = [w for w in df_word if w.isascii() and w.isalpha()]
    words = [w for w in every if _ALPHA.match(w)]
    porter = fts5.porter_terms(every)
    snow_groups: dict[str, set[str]] = {}
    porter_groups: dict[str, set[str]] = {}
    for w in every:
        snow_groups.setdefault(stem_of[w], set()).add(w)
        p = porter[w]
        porter_groups.setdefault(p[0] if len(p) == 1 else " ".join(p), set()).add(w)
    good: set[str] = set()
    stop_class: list[str] = []
    bad: list[tuple[int, str, list[str], list[str]]] = []
    for w in words:
        p = porter[w]
        sg = snow_groups[stem_of[w]]
        pg = porter_groups[p[0] if len(p) == 1 else " ".join(p)]
        if w in STOP_WORDS or len(p) != 1:
            continue
        if (sg | pg) & STOP_WORDS:
            # e.g. "toing" stems to "to": FTS5 matches every "to", ours never indexes "to".
            stop_class.append(w)
            continue
        if sg == pg:
            good.add(w)
        else:
            bad.append((df_word[w], w, sorted(sg), sorted(pg)))
    bad.sort(reverse=True)
    stops = sorted((w for w in words if w in STOP_WORDS), key=lambda w: -df_word[w])
    summary = {
        "vocabulary_words": len(words),
        "agreeing_words": len(good),
        "excluded_stop_words": len(stops),
        "excluded_stem_class_differs": len(bad),
        "examples_stem_class_differs": [
            {"word": w, "df": df, "snowball_class": sg[:6], "porter_class": pg[:6]} for df, w, sg, pg in bad[:12]
        ],
        "examples_stop_words": stops[:10],
        "excluded_stem_class_has_stop_word": len(stop_class),
        "examples_stem_class_has_stop_word": sorted(stop_class)[:10],
    }
    return good, summary


def _sample_records(corpus_root: Path, want: int, rng: random.Random) -> list[dict[str, Any]]:
    """Return about ``want`` records spread evenly over records.jsonl."""
    meta = json.loads((corpus_root / "meta.json").read_text())
    stride = max(1, meta["files"] // max(want, 1))
    offset = rng.randrange(stride)
    out = []
    with open(corpus_root / "records.jsonl", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i % stride == offset:
                out.append(json.loads(line))
    return out


def build_queries(corpus_root: Path, per_class: int, seed: int) -> dict[str, Any]:
    """Return the query sets for the archive in ``corpus_root`` (deterministic for a seed)."""
    vocab = json.loads((corpus_root / "vocab.json").read_text(encoding="utf-8"))
    n = vocab["passages"]
    good, summary = agreement(vocab)
    df_stem: dict[str, int] = vocab["df_stem"]
    stem_of: dict[str, str] = vocab["stem_of"]

    def frac(w: str) -> float:
        return df_stem[stem_of[w]] / n

    rng = random.Random(f"queries:{seed}:{n}")
    ordered = sorted(good)  # a stable order before any random choice
    sets: dict[str, list[dict[str, Any]]] = {c: [] for c in CLASSES}

    def spec(cls: str, terms: list[str] = (), phrases: list[list[str]] = (), speaker: str | None = None,
             sort: str = "relevance") -> dict[str, Any]:
        return {"cls": cls, "terms": list(terms), "phrases": [list(p) for p in phrases], "speaker": speaker,
                "sort": sort}

    by_df = sorted(ordered, key=lambda w: (-frac(w), w))
    common = [w for w in by_df if frac(w) > 0.5]
    if len(common) < 3:
        # No word is in half the passages (committee names count on lead passages only):
        # take the most frequent words; their real match rates are in the results.
        common = by_df[:5]
    for i in range(per_class if common else 0):
        sets["common"].append(spec("common", [common[i % len(common)]]))
    rare = [w for w in ordered if df_stem[stem_of[w]] <= max(2, 0.001 * n)]
    for w in _pick(rng, rare, per_class):
        sets["rare"].append(spec("rare", [w]))
    newest = [w for w in ordered if 0.01 <= frac(w) <= 0.5]
    for w in _pick(rng, newest, per_class):
        sets["newest"].append(spec("newest", [w], sort="newest"))

    records = _sample_records(corpus_root, 4 * per_class + 50, rng)
    passages = [(r, p) for r in records for p in r["passages"]]
    rng.shuffle(passages)
    seen: set[tuple[Any, ...]] = set()
    for _rec, p in passages:
        words = [w.lower() for w in re.findall(r"[A-Za-z]+", p["text"])]
        usable = sorted({w for w in words if w in good and 0.001 < frac(w) <= 0.3})
        if len(sets["and2"]) < per_class and len(usable) >= 2:
            a, b = rng.sample(usable, 2)
            if stem_of[a] != stem_of[b] and ("and2", a, b) not in seen:
                seen.add(("and2", a, b))
                sets["and2"].append(spec("and2", [a, b]))
        if len(sets["phrase"]) < per_class:
            runs = _phrase_runs(p["text"], good)
            runs = [r for r in runs if min(frac(w) for w in r) < 0.2]
            if runs:
                run = rng.choice(runs)
                if ("phrase", *run) not in seen:
                    seen.add(("phrase", *run))
                    sets["phrase"].append(spec("phrase", phrases=[run]))
        role = p.get("speaker_role")
        if len(sets["speaker"]) < per_class and role and p["section"] != "summary":
            cands = sorted({w for w in words if w in good and 0.005 <= frac(w) <= 0.4})
            if cands:
                w = rng.choice(cands)
                if ("speaker", role, w) not in seen:
                    seen.add(("speaker", role, w))
                    sets["speaker"].append(spec("speaker", [w], speaker=role))
        if all(len(sets[c]) >= per_class for c in ("and2", "phrase", "speaker")):
            break
    for c in CLASSES:
        for s in sets[c]:
            s["ours_q"] = ours_q(s)
            s["fts5_match"] = fts5.translate(s).match
    return {"per_class": per_class, "seed": seed, "tokeniser_agreement": summary,
            "classes": {c: sets[c] for c in CLASSES}}


def _pick(rng: random.Random, pool: list[str], k: int) -> list[str]:
    if not pool:
        return []
    if len(pool) >= k:
        return rng.sample(pool, k)
    return [pool[i % len(pool)] for i in range(k)]


def _phrase_runs(text: str, good: set[str]) -> list[list[str]]:
    """Return runs of 2-3 agreeing words separated by single spaces only."""
    tokens = text.split(" ")
    runs = []
    for i in range(len(tokens)):
        for length in (2, 3):
            chunk = tokens[i : i + length]
            if len(chunk) < length:
                continue
            words = [t.lower() for t in chunk]
            if all(_ALPHA.match(w) and w in good for w in words) and len(set(words)) == length:
                runs.append(words)
    return runs
