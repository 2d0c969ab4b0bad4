"""Generate a deterministic synthetic minutes archive of an exact number of passages.

The archive looks like a crawl of ModernGov agenda-item pages saved as text (the format
of ``shared/seeds``): one file per agenda item ("Agenda item", title, blurb, "Minutes:",
paragraphs, "During the presentation Members heard:" with "·" bullets, "In response to
questions, the Panel heard:", "RESOLVED:", "Supporting documents:"), one folder per
meeting with a ``manifest.json`` giving the committee and meeting date. Indexing it
therefore exercises the real parser, manifests and build, end to end.

Beside the corpus the generator writes what it meant each file to say:

- ``records.jsonl``: one line per file, in the order :func:`indexer.build.find_sources`
  visits them, in the ``minutes parse --json`` record format
  (:func:`indexer.model.item_record`). It is the ground truth the parser can be checked
  against, and what both engines load when the real parser is not available.
- ``vocab.json``: document frequencies of every surface word and of every Snowball
  stem, over the fields a plain query searches (body, title, speaker name, committee);
  :mod:`bench.queries` draws its query sets from it.
- ``meta.json`` (written last; its presence marks a complete corpus): seed, size,
  counts, sizes in bytes, a content hash and the generator version.

Usage: ``python -m bench.generate --size 10k --seed 1 [--out DIR]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import math
import random
import re
import shutil
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from indexer.model import distinct

from . import vocab as V

#: Bump whenever the output for a given seed and size changes (invalidates caches).
GENERATOR_VERSION = 4
#: Passage styles: "short" (1-3 sentences, 150-600 characters, as the sample minutes) or
#: "long" (80-150 words, as minutes that write a paragraph per speaker or topic). An
#: archive of long passages is named with this suffix: "100k-long".
STYLES = ("short", "long")
LONG_SUFFIX = "-long"
LONG_WORDS = (80, 150)

FIRST_YEAR, LAST_YEAR = 2012, 2025
#: Meetings a committee holds a year at most before the archive needs more committees.
MEETINGS_PER_YEAR = 7
WORK_DIR = Path(__file__).resolve().parent / "work"

NBSP = "\u00a0"
SPACER = NBSP  # the blank-looking paragraph Word exports between paragraphs
BULLET_WORD = "·" + (NBSP + " ") * 7 + NBSP + "  "  # "·" then Word's tab run (seed 001)
BULLET_HTML = "  • "  # a browser-rendered list (seed 000)

_WORD_RE = re.compile(r"[^\W_]+")


def parse_size(text: str) -> int:
    """Return the passage count of a size such as "10k", "1m", "2500"."""
    t = text.strip().lower()
    mult = {"k": 1_000, "m": 1_000_000}.get(t[-1:], 1)
    number = t[:-1] if t[-1:] in "km" else t
    try:
        value = int(float(number) * mult)
    except ValueError:
        raise ValueError(f"not a size: {text!r} (use e.g. 10k, 100k, 1m or a number)") from None
    if value < 1:
        raise ValueError(f"size must be at least 1 passage: {text!r}")
    return value


def parse_archive(text: str) -> tuple[int, str]:
    """Return (passages, style) of an archive name such as "100k" or "100k-long"."""
    t = text.strip().lower()
    if t.endswith(LONG_SUFFIX):
        return parse_size(t[: -len(LONG_SUFFIX)]), "long"
    return parse_size(t), "short"


def archive_label(n: int, style: str = "short") -> str:
    """Return the name of an archive ("100k", "100k-long")."""
    return size_label(n) + (LONG_SUFFIX if style == "long" else "")


def size_label(n: int) -> str:
    """Return the short label of a passage count (10000 → "10k")."""
    if n % 1_000_000 == 0:
        return f"{n // 1_000_000}m"
    if n % 1_000 == 0:
        return f"{n // 1_000}k"
    return str(n)


def corpus_dir(size: int, seed: int, work: Path = WORK_DIR, style: str = "short") -> Path:
    """Return the cache folder of the archive for ``size``, ``seed`` and ``style``."""
    return work / "corpus" / f"{archive_label(size, style)}-s{seed}-g{GENERATOR_VERSION}"


def ensure_corpus(size: int, seed: int, work: Path = WORK_DIR, log: Callable[[str], None] = print,
                  style: str = "short") -> Path:
    """Return a complete archive for ``size``/``seed``/``style``, generating it unless cached."""
    out = corpus_dir(size, seed, work, style)
    meta = out / "meta.json"
    if meta.exists():
        m = json.loads(meta.read_text())
        if (m.get("generator_version") == GENERATOR_VERSION and m.get("passages") == size and m.get("seed") == seed
                and m.get("style", "short") == style):
            log(f"corpus {out.name}: cached ({m['files']} files, {m['passages']} passages)")
            return out
    log(f"corpus {out.name}: generating {size} passages …")
    generate(size, seed, out, log=log, style=style)
    return out


# --------------------------------------------------------------------------- people


@dataclass
class Body:
    """One committee: its name, area and the people who appear in its minutes."""

    name: str
    slug: str
    area: str
    force: str
    towns: tuple[str, ...]
    commissioners: list[tuple[int, str]] = field(default_factory=list)  # (from year, name)
    councillors: list[str] = field(default_factory=list)

    def commissioner(self, year: int) -> str:
        name = self.commissioners[0][1]
        for since, who in self.commissioners:
            if year >= since:
                name = who
        return name


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


class Zipf:
    """Draw items with probability proportional to 1/rank**s."""

    def __init__(self, items: tuple[Any, ...] | list[Any], s: float = 1.1) -> None:
        self.items = list(items)
        weights = [1.0 / (r + 1) ** s for r in range(len(self.items))]
        total = 0.0
        self.cum = []
        for w in weights:
            total += w
            self.cum.append(total)
        self.total = total

    def draw(self, rng: random.Random) -> Any:
        x = rng.random() * self.total
        lo, hi = 0, len(self.cum) - 1
        while lo < hi:
            mid = (lo + hi) // 2
            if self.cum[mid] < x:
                lo = mid + 1
            else:
                hi = mid
        return self.items[lo]


# --------------------------------------------------------------------------- plans


@dataclass
class ItemPlan:
    kind: str  # "procedural" or "substantive"
    index: int  # which template in PROCEDURAL_ITEMS / SUBSTANTIVE_ITEMS
    topic: int
    n_intro: int = 0
    n_pres: int = 0
    n_q: int = 0
    n_joined: int = 0
    n_res: int = 0
    n_proc: int = 0

    @property
    def passages(self) -> int:
        # blurb (summary) + minutes
        return 1 + self.n_intro + self.n_pres + self.n_q + self.n_joined + self.n_res + self.n_proc


@dataclass
class MeetingPlan:
    body: int
    date: dt.date
    items: list[ItemPlan]

    @property
    def passages(self) -> int:
        return sum(i.passages for i in self.items)


class Generator:
    """Builds the archive; all randomness flows from one seeded RNG."""

    def __init__(self, size: int, seed: int, style: str = "short") -> None:
        if style not in STYLES:
            raise ValueError(f"unknown passage style {style!r}")
        self.size = size
        self.seed = seed
        self.style = style
        self.rng = random.Random(f"minutes-bench:{seed}:{size}" + ("" if style == "short" else f":{style}"))
        rng = self.rng
        self.topics = Zipf(tuple(range(len(V.TOPICS))), s=1.05)
        places = [h + t for h in V.PLACE_HEADS for t in V.PLACE_TAILS]
        rng.shuffle(places)
        self.places = Zipf(places, s=1.0)
        surnames = list(V.SURNAMES)
        rng.shuffle(surnames)
        self.surnames = Zipf(surnames, s=0.9)
        rare = list(V.RARE_WORDS)
        rng.shuffle(rare)
        self.rare = Zipf(rare, s=1.2)
        ops = list(V.OPERATIONS)
        rng.shuffle(ops)
        self.ops = Zipf(ops, s=1.0)
        tail = sorted({o + m + c for o in V.TAIL_ONSETS for m in V.TAIL_MIDDLES for c in V.TAIL_CODAS})
        rng.shuffle(tail)
        self.tail = Zipf(tail, s=1.0)  # ~30k made-up names: a real long tail with many hapaxes
        self.nouns = Zipf(list(V.NOUNS), s=0.8)
        self.adjectives = Zipf(list(V.ADJECTIVES), s=0.8)
        self.bodies = self._bodies()

    # ---- committees and people

    def surname(self) -> str:
        return self.surnames.draw(self.rng) if self.rng.random() < 0.7 else self.tail.draw(self.rng)

    def _person(self) -> str:
        return f"{self.rng.choice(V.FIRST_NAMES)} {self.surname()}"

    def _bodies(self) -> list[Body]:
        rng = self.rng
        meetings_needed = math.ceil(self.size / 95)
        capacity_per_body = (LAST_YEAR - FIRST_YEAR + 1) * MEETINGS_PER_YEAR
        n_bodies = max(len(V.BODIES), math.ceil(meetings_needed / capacity_per_body))
        bodies = []
        for i in range(n_bodies):
            name, area, force, towns = V.BODIES[i % len(V.BODIES)]
            if i >= len(V.BODIES):
                sub = V.SUBCOMMITTEES[(i // len(V.BODIES) - 1) % len(V.SUBCOMMITTEES)]
                rounds = (i // len(V.BODIES) - 1) // len(V.SUBCOMMITTEES)
                name = f"{name} {sub}" + (f" {rounds + 1}" if rounds else "")
            b = Body(name, _slug(name), area, force, towns)
            b.commissioners = [(y, self._person()) for y in (FIRST_YEAR, 2016, 2021, 2024)]
            b.councillors = [self._person() for _ in range(rng.randint(18, 30))]
            bodies.append(b)
        return bodies

    # ---- planning (structure only: exact passage counts before any text)

    def plan(self) -> list[MeetingPlan]:
        rng = self.rng
        per_body = self._meetings_per_body()
        meetings: list[MeetingPlan] = []
        for b, count in enumerate(per_body):
            for date in self._dates(count):
                meetings.append(MeetingPlan(b, date, self._plan_items(date)))
        self._adjust(meetings)
        return meetings

    def _meetings_per_body(self) -> list[int]:
        # Estimate from the mean size of a sample of meeting plans.
        probe = random.Random(f"probe:{self.seed}")
        saved, self.rng = self.rng, probe
        mean = sum(sum(i.passages for i in self._plan_items(dt.date(2018, m % 12 + 1, 10))) for m in range(120)) / 120
        self.rng = saved
        total = max(1, round(self.size / mean))
        n = len(self.bodies)
        weights = [3.0 if i < len(V.BODIES) else 1.0 for i in range(n)]
        raw = [total * w / sum(weights) for w in weights]
        counts = [int(x) for x in raw]
        for i in sorted(range(n), key=lambda i: raw[i] - counts[i], reverse=True)[: total - sum(counts)]:
            counts[i] += 1
        return counts

    def _dates(self, count: int) -> list[dt.date]:
        if count == 0:
            return []
        start = dt.date(FIRST_YEAR, 1, 1).toordinal()
        end = dt.date(LAST_YEAR, 12, 31).toordinal()
        step = (end - start) / count
        dates = set()
        for k in range(count):
            d = int(start + step * k + self.rng.random() * step * 0.8)
            while dt.date.fromordinal(d).weekday() >= 5 or d in dates:
                d += 1
            dates.add(d)
        return sorted(dt.date.fromordinal(d) for d in dates)

    def _plan_items(self, date: dt.date) -> list[ItemPlan]:
        rng = self.rng
        items = [ItemPlan("procedural", 0, 0, n_proc=rng.choice((1, 1, 1, 2))),
                 ItemPlan("procedural", 1, 0, n_proc=1),
                 ItemPlan("procedural", 2, 0, n_proc=rng.choice((1, 1, 2)))]
        if rng.random() < 0.4:
            items.append(ItemPlan("procedural", 3, self.topics.draw(rng), n_proc=rng.randint(1, 2)))
        candidates = [i for i, s in enumerate(V.SUBSTANTIVE_ITEMS) if s[4] is None or date.month in s[4]]
        n_sub = rng.randint(3, 6)
        chosen = []
        for idx in rng.sample(candidates, min(n_sub, len(candidates))):
            bias = V.SUBSTANTIVE_ITEMS[idx][3]
            chosen.append((idx, bias if bias is not None else self.topics.draw(rng)))
        chosen.sort()
        for idx, topic in chosen:
            items.append(ItemPlan(
                "substantive", idx, topic,
                n_intro=rng.choice((1, 1, 2, 2, 3)),
                n_pres=rng.choice((0, 3, 4, 5, 6, 8, 10)),
                n_q=rng.choice((0, 2, 3, 4, 5, 7)),
                n_joined=1 if rng.random() < 0.12 else 0,
                n_res=rng.choice((1, 1, 1, 2, 3)),
            ))
        if rng.random() < 0.5:
            items.append(ItemPlan("procedural", 4, self.topics.draw(rng), n_proc=1))
        return items

    def _adjust(self, meetings: list[MeetingPlan]) -> None:
        """Add or remove bullets until the archive has exactly ``size`` passages."""
        rng = self.rng
        total = sum(m.passages for m in meetings)
        subs = [(mi, ii) for mi, m in enumerate(meetings) for ii, it in enumerate(m.items) if it.kind == "substantive"]
        while total > self.size:
            if not subs:  # tiny archives: trim from the end, never below the size
                m = meetings[-1]
                last = m.items[-1]
                if len(meetings) > 1 and total - m.passages >= self.size:
                    total -= meetings.pop().passages
                elif len(m.items) > 1 and total - last.passages >= self.size:
                    total -= m.items.pop().passages
                elif last.n_proc > 0:
                    last.n_proc -= 1
                    total -= 1
                else:
                    total -= m.items.pop().passages
                continue
            mi, ii = rng.choice(subs)
            it = meetings[mi].items[ii]
            surplus = total - self.size
            for attr in ("n_q", "n_pres", "n_intro", "n_res"):
                floor = 1 if attr in ("n_intro", "n_res") else 0
                take = min(getattr(it, attr) - floor, surplus, 2)
                if take > 0:
                    setattr(it, attr, getattr(it, attr) - take)
                    total -= take
                    break
            else:
                if it.n_joined:
                    it.n_joined -= 1
                    total -= 1
                else:
                    subs.remove((mi, ii))
        grow = [(mi, ii) for mi, m in enumerate(meetings) for ii, it in enumerate(m.items) if it.kind == "substantive"]
        while total < self.size:
            if grow:
                mi, ii = rng.choice(grow)
                it = meetings[mi].items[ii]
                attr = "n_pres" if rng.random() < 0.55 else "n_q"
                setattr(it, attr, getattr(it, attr) + 1)
            else:
                meetings[-1].items[-1].n_proc += 1  # only procedural items left
            total += 1
        assert total == self.size == sum(m.passages for m in meetings)

    # ---- text

    def place(self, body: Body) -> str:
        r = self.rng.random()
        if r < 0.4:
            return self.rng.choice(body.towns)
        return self.places.draw(self.rng) if r < 0.85 else self.tail.draw(self.rng)

    def fill(self, frame: str, body: Body, ctx: dict[str, Any]) -> str:
        """Fill the slots of ``frame``; only the slots it uses draw random numbers."""
        if "{" not in frame:
            return frame
        return frame.format_map(_Slots(self, body, ctx))

    def topic_np(self, topic: int, body: Body, ctx: dict[str, Any]) -> str:
        np_ = self.rng.choice(V.TOPICS[topic][0])
        return self.fill(np_, body, ctx) if "{" in np_ else np_

    def fact(self, topic: int, body: Body, ctx: dict[str, Any]) -> str:
        return self.fill(self.rng.choice(V.TOPICS[topic][1]), body, ctx)

    def sentence(self, kind: str, topic: int, body: Body, ctx: dict[str, Any]) -> str:
        rng = self.rng
        # Stay on the item's topic most of the time, stray to another now and then.
        t = topic if rng.random() < 0.7 else self.topics.draw(rng)
        ctx["topic_np"] = self.topic_np(t, body, ctx)
        if kind == "fact" or (kind == "any" and rng.random() < 0.55):
            frame = rng.choice(V.FACT_FRAMES)
            return self.fill(frame.replace("{fact}", "\x00"), body, ctx).replace("\x00", self.fact(t, body, ctx))
        if kind == "question":
            frame = rng.choice(V.QUESTION_FRAMES)
            text = self.fill(frame.replace("{fact}", "\x00"), body, ctx).replace("\x00", self.fact(t, body, ctx))
            return text.replace(", The ", ", the ").replace("; The ", "; the ")
        if kind == "councillor":
            return self.fill(rng.choice(V.COUNCILLOR_FRAMES), body, ctx)
        return self.fill(rng.choice(V.OPINION_FRAMES), body, ctx)

    def passage_text(self, kind: str, topic: int, body: Body, ctx: dict[str, Any]) -> str:
        if self.style == "long":
            return self.long_passage_text(kind, topic, body, ctx)
        rng = self.rng
        r = rng.random()
        n = 1 if r < 0.35 else 2 if r < 0.85 else 3
        parts = []
        for k in range(n):
            parts.append(self.sentence(kind if k == 0 else "any", topic, body, ctx))
        if rng.random() < 0.3:
            parts.insert(rng.randrange(len(parts) + 1), self.fill(rng.choice(V.CLAUSE_FRAMES), body, ctx))
        text = " ".join(parts)
        while len(text) < 150 and len(parts) < 4:
            parts.append(self.sentence("any", topic, body, ctx))
            text = " ".join(parts)
        while len(text) > 600 and len(parts) > 1:
            parts.pop()
            text = " ".join(parts)
        return _capitalise(text)

    def long_passage_text(self, kind: str, topic: int, body: Body, ctx: dict[str, Any]) -> str:
        """A paragraph of 80-150 words (a last sentence may run past 150 to reach 80):
        sentences on the item's topic until the drawn length."""
        rng = self.rng
        target = rng.randint(*LONG_WORDS)
        parts = [self.sentence(kind, topic, body, ctx)]
        words = len(parts[0].split())
        while words < target:
            extra = (self.fill(rng.choice(V.CLAUSE_FRAMES), body, ctx) if rng.random() < 0.15
                     else self.sentence("any", topic, body, ctx))
            if words + len(extra.split()) > LONG_WORDS[1] and words >= LONG_WORDS[0]:
                break
            parts.append(extra)
            words += len(extra.split())
        return _capitalise(" ".join(parts))


class _Slots(dict):  # type: ignore[type-arg]
    """The values of a frame's slots, drawn when the frame asks for them."""

    def __init__(self, g: Generator, body: Body, ctx: dict[str, Any]) -> None:
        super().__init__()
        self.g, self.body, self.ctx = g, body, ctx

    def __missing__(self, key: str) -> str:
        g, body, ctx, rng = self.g, self.body, self.ctx, self.g.rng
        if key == "place":
            return g.place(body)
        if key == "town":
            return rng.choice(body.towns)
        if key == "n":
            return str(rng.randint(2, 20) if rng.random() < 0.5 else rng.randint(20, 400))
        if key == "pct":
            return str(rng.randint(2, 60))
        if key == "money":
            return str(rng.randint(2, 95)) if rng.random() < 0.5 else f"{rng.randint(1, 19)}.{rng.randint(1, 9)}"
        if key == "year":
            return str(ctx["year"] + rng.randint(0, 3))
        if key == "month":
            return rng.choice(V.MONTHS)
        if key == "surname":
            return g.surname()
        if key == "tailname":
            return f"{rng.choice(V.FIRST_NAMES)} {g.tail.draw(rng)}"
        if key == "firm":
            return f"{g.tail.draw(rng)} {rng.choice(('Associates', 'Consulting', 'Trust', 'Partnership', 'Housing'))}"
        if key == "street":
            return f"{g.tail.draw(rng)} {rng.choice(V.STREET_KINDS)}"
        if key in ("noun", "noun2"):
            return g.nouns.draw(rng)
        if key == "adj":
            return g.adjectives.draw(rng)
        if key in ("fullname", "fullname2"):
            return rng.choice(body.councillors)
        if key == "org":
            return rng.choice(V.ORGS)
        if key == "op":
            return g.ops.draw(rng)
        if key == "rare":
            return g.rare.draw(rng)
        if key in ("fy", "pfy", "prev"):
            return ctx[key]
        if key == "time":
            return f"{rng.randint(10, 12)}.{rng.choice(('00', '15', '30', '45'))}am"
        if key == "names":
            return ", ".join(rng.sample(body.councillors, 2)) + " and " + rng.choice(body.councillors)
        if key == "topic":
            return ctx["topic_np"]
        if key == "who":
            return ctx.get("who", "The Commissioner")
        raise KeyError(key)


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _fy(year: int) -> str:
    return f"{year}/{(year + 1) % 100:02d}"


# --------------------------------------------------------------------------- writing


def _render_item(g: Generator, body: Body, plan: ItemPlan, ctx: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """Return the file text of one agenda item and its ground-truth record."""
    rng = g.rng
    passages: list[dict[str, Any]] = []
    resolutions: list[str] = []
    ctx["topic_np"] = g.topic_np(plan.topic, body, ctx)
    html_style = rng.random() < 0.2
    bullet = BULLET_HTML if html_style else BULLET_WORD
    gap = "\n\n\n" if html_style else f"\n\n{SPACER}\n\n"

    def add(section: str, text: str, role: str | None = None, name: str | None = None) -> None:
        passages.append({"section": section, "speaker_role": role, "speaker_name": name, "text": text})

    if plan.kind == "procedural":
        title, blurb, frames = V.PROCEDURAL_ITEMS[plan.index]
        blurb = g.fill(blurb, body, ctx)
        add("summary", blurb)
        body_lines = []
        for _ in range(plan.n_proc):
            text = g.fill(rng.choice(frames), body, ctx)
            name = None
            m = re.match(r"Councillor ([A-Z][a-z]+ [A-Z][a-z]+) declared", text)
            add("procedural", text, "councillor" if m else None, m.group(1) if m else None)
            body_lines.append(text)
        minutes = gap.join(body_lines)
    else:
        title_f, blurb_f, role, _, _ = V.SUBSTANTIVE_ITEMS[plan.index]
        title = g.fill(title_f, body, ctx)
        title = title[:1].upper() + title[1:]
        blurb = g.fill(blurb_f, body, ctx)
        add("summary", blurb)
        who_options = V.ROLE_WHO.get(role, ("The Commissioner",))
        ctx["who"] = rng.choice(who_options)
        chunks = []
        for k in range(plan.n_intro):
            if k == 0 and plan.n_pres:
                text = (f"Members received a presentation from {ctx['who'][0].lower() + ctx['who'][1:]} "
                        f"setting out an update on {ctx['topic_np']}. ")
                text += g.passage_text("any", plan.topic, body, ctx)
                add("presentation", text, role)
            elif rng.random() < 0.35:
                name = rng.choice(body.councillors)
                ctx_name = dict(ctx)
                text = g.fill(rng.choice(V.COUNCILLOR_FRAMES).replace("{fullname}", name), body, ctx_name)
                text += " " + g.passage_text("any", plan.topic, body, ctx)
                add("discussion", text, "councillor", name)
            else:
                add("discussion", g.passage_text("any", plan.topic, body, ctx))
            chunks.append(passages[-1]["text"])
        if plan.n_pres:
            lead = rng.choice(("During the presentation Members heard:", "During the presentations Members heard:"))
            bullets = []
            for _ in range(plan.n_pres):
                text = g.passage_text("fact", plan.topic, body, ctx)
                add("presentation", text, role)
                bullets.append(bullet + text)
            chunks.append(lead + gap + gap.join(bullets))
        for _ in range(plan.n_joined):
            text = g.fill(rng.choice(V.JOINED_FRAMES), body, ctx)
            add("procedural", text)
            chunks.append(text)
        if plan.n_q:
            lead = "In response to questions, the Panel heard:"
            bullets = []
            for _ in range(plan.n_q):
                answer_role = role if rng.random() < 0.7 else rng.choice(("chief_constable", "chief_executive", "opcc_officer"))
                ctx["who"] = rng.choice(V.ROLE_WHO[answer_role])
                text = g.passage_text("question" if rng.random() < 0.4 else "fact", plan.topic, body, ctx)
                add("questions", text, answer_role)
                bullets.append(bullet + text)
            chunks.append(lead + gap + gap.join(bullets))
        res = []
        for k in range(plan.n_res):
            text = g.fill(rng.choice(V.RESOLUTION_FRAMES), body, ctx)
            add("resolution", text)
            resolutions.append(text)
            res.append(f"{k + 1}.     {text}" if plan.n_res > 1 else text)
        head = "RESOLVED:" if rng.random() < 0.8 else "Resolved:"
        chunks.append(head + gap + gap.join(res))
        minutes = gap.join(chunks)
    text = f"Agenda item\n\n{title}\n\n{blurb}\n\nMinutes:\n\n{minutes}\n\n{SPACER}\n\nSupporting documents:\n"
    record = {
        "kind": "agenda_item",
        "committee": body.name,
        "meeting_date": ctx["date"].isoformat(),
        "meeting_url": None,
        "item_number": None,
        "item_title": title,
        "item_url": None,
        "resolutions": resolutions,
        "speaker_roles": distinct(p["speaker_role"] for p in passages),
        "speaker_names": distinct(p["speaker_name"] for p in passages),
        "passages": passages,
    }
    assert len(passages) == plan.passages, (len(passages), plan)
    return text, record


def generate(size: int, seed: int, out: Path, log: Callable[[str], None] = print, style: str = "short") -> dict[str, Any]:
    """Write the archive for ``size``/``seed``/``style`` into ``out`` (replacing it); return its meta."""
    started = time.perf_counter()
    if out.exists():
        shutil.rmtree(out)
    corpus = out / "corpus"
    corpus.mkdir(parents=True)
    g = Generator(size, seed, style)
    plans = g.plan()
    by_body: dict[int, list[MeetingPlan]] = {}
    for m in plans:
        by_body.setdefault(m.body, []).append(m)
    digest = hashlib.sha256()
    df_word: Counter[str] = Counter()
    df_stem: Counter[str] = Counter()
    stem_of: dict[str, str] = {}
    from indexer.analysis import normalise_word, snowball_stem  # the engine's own stemmer, for query picking

    def stems(words: set[str]) -> set[str]:
        out_ = set()
        for w in words:
            s = stem_of.get(w)
            if s is None:
                s = stem_of[w] = snowball_stem(normalise_word(w))
            out_.add(s)
        return out_

    files = items = passages = 0
    corpus_bytes = text_bytes = 0
    next_log = time.perf_counter() + 5
    with open(out / "records.jsonl", "w", encoding="utf-8") as rec_out:
        for b in sorted(by_body, key=lambda i: g.bodies[i].slug):
            body = g.bodies[b]
            prev = None
            for m in by_body[b]:
                folder = corpus / body.slug / m.date.isoformat()
                folder.mkdir(parents=True)
                manifest = {"defaults": {"committee": body.name, "meeting_date": m.date.isoformat()}}
                (folder / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
                fy_year = m.date.year if m.date.month >= 4 else m.date.year - 1
                ctx: dict[str, Any] = {
                    "year": m.date.year,
                    "date": m.date,
                    "fy": _fy(fy_year + 1 if m.date.month <= 3 else fy_year),
                    "pfy": _fy(fy_year - 1),
                    "prev": _long_date(prev or (m.date - dt.timedelta(days=91))),
                }
                for n, plan in enumerate(m.items, 1):
                    text, record = _render_item(g, body, plan, ctx)
                    name = f"{n:02d}-{_slug(record['item_title'])[:60]}.txt"
                    rel = f"{body.slug}/{m.date.isoformat()}/{name}"
                    data = text.encode("utf-8")
                    (folder / name).write_bytes(data)
                    digest.update(rel.encode() + b"\0" + data + b"\0")
                    record = {"source": rel, **record}
                    rec_out.write(json.dumps(record, ensure_ascii=False) + "\n")
                    files += 1
                    items += 1
                    corpus_bytes += len(data)
                    title_words = set(_WORD_RE.findall(record["item_title"].lower()))
                    for p in record["passages"]:
                        passages += 1
                        text_bytes += len(p["text"].encode("utf-8"))
                        # as a plain query searches: the passage, its speaker's name and its item
                        # title (committee names are filters, not searched)
                        words = set(_WORD_RE.findall(p["text"].lower())) | title_words
                        if p["speaker_name"]:
                            words |= set(_WORD_RE.findall(p["speaker_name"].lower()))
                        df_word.update(words)
                        df_stem.update(stems(words))
                prev = m.date
                if time.perf_counter() > next_log:
                    next_log = time.perf_counter() + 5
                    log(f"  … {passages}/{size} passages ({time.perf_counter() - started:.0f}s)")
    assert passages == size, (passages, size)
    (out / "vocab.json").write_text(
        json.dumps({"passages": passages, "df_word": dict(df_word.most_common()),
                    "df_stem": dict(df_stem.most_common()), "stem_of": stem_of}, ensure_ascii=False),
        encoding="utf-8",
    )
    meta = {
        "generator_version": GENERATOR_VERSION,
        "seed": seed,
        "size": archive_label(size, style),
        "style": style,
        "passages": passages,
        "items": items,
        "files": files,
        "meetings": len(plans),
        "committees": len(by_body),
        "first_date": min(m.date for m in plans).isoformat(),
        "last_date": max(m.date for m in plans).isoformat(),
        "corpus_bytes": corpus_bytes,
        "passage_text_bytes": text_bytes,
        "content_sha256": digest.hexdigest(),
        "seconds": round(time.perf_counter() - started, 2),
    }
    (out / "meta.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    log(f"  generated {files} files, {passages} passages, {corpus_bytes / 1e6:.1f} MB in {meta['seconds']}s")
    return meta


def _long_date(d: dt.date) -> str:
    return f"{d.day} {V.MONTHS[d.month - 1]} {d.year}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", default="10k",
                    help="passages: 10k, 100k, 1m or a number, with -long for passages of 80-150 words (default 10k)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, help="output folder (default: the cache under bench/work/corpus)")
    args = ap.parse_args(argv)
    size, style = parse_archive(args.size)
    if args.out:
        generate(size, args.seed, args.out, style=style)
    else:
        ensure_corpus(size, args.seed, style=style)
    return 0


if __name__ == "__main__":
    sys.exit(main())
