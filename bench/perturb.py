"""Does the parser's answer survive changes that should not change it?

The labelled excerpts show each body's layout once. A different body prints the same
minutes with other line breaks, page furniture, date styles or letter case, and the hidden
kept-back set is made of such bodies. This check applies meaning-preserving changes of
that kind to every development excerpt and held-out document and reports, per change,
how often each field of the parse stays what it was without the change (stability) and
how often it matches the gold labels (accuracy). Both need no test-part file: the test part
is never read here.

Changes (each alone):

* ``no_blank_lines``  – empty lines removed (PDF text usually has none);
* ``crlf``            – Windows line ends;
* ``indent``          – every line indented by two spaces, with trailing spaces;
* ``double_spaces``   – every space doubled (PDF text spaces justified lines);
* ``page_furniture``  – a page footer ("Page K of N") and a running header (the file's first
  heading line) inserted between paragraphs every 30 lines, as PDF text of printed minutes has
  (printed documents only);
* ``site_chrome``     – web-site navigation lines above the text;
* ``extra_blank_lines`` – every run of empty lines made twice as long (PDF extraction often leaves several);
* ``page_numbers``    – a bare page number ("2") between paragraphs every 30 lines (printed
  documents only);
* ``upper_titles``    – every line that is a gold item title in capitals (titles are compared
  case-folded);
* ``date_style``      – the printed meeting date in another common style ("Tuesday 5 March
  2019" <-> "5th March, 2019");
* ``date_numeric``    – the printed meeting date as "05/03/2019";
* ``wrap``            – paragraphs longer than 100 characters hard-wrapped at 90 (titles are
  shorter and stay whole; not a page run on in a line or two);
* ``heading_caps``    – the heading lines naming the committee (in the first twelve lines) in capitals
  (printed documents only);
* ``heading_wrap``    – those lines, when longer than 60 characters, hard-wrapped in two (printed
  documents only);
* ``heading_two_lines`` – a web page's heading "<committee> - <date and time>" printed as two lines;
* ``heading_on_date`` – that heading printed "Meeting of <committee> on <date and time>";
* ``window_title``    – the page's window title ("Agenda for <committee> on <date>", "Agenda item -
  <title>") kept above it;
* ``residue_style``   – a link's residue "pdf icon PDF 119 KB" printed "(PDF, 119KB)", as other sites do;
* ``residue_own_line`` – that residue on a line of its own under the title;
* ``meeting_line_style`` – an item page's "Meeting: 07/03/2023 - <body> (Item 6.)" written with the month in
  words and "(Item 6:)";
* ``no_item_table_head`` – a meeting page without its "Items" / "No. Item" table heading;
* ``webcast_lines``   – a "View the webcast for this item" line under each item title of a web page;
* ``number_paren``    – numbered headings "3. Title" / "3 Title" printed "3) Title";
* ``number_own_line`` – the number on a line of its own above its title, as in ModernGov's item
  tables ("3." / "" / "Title");
* ``number_no_space`` – "3. Title" printed "3.Title", as PDF text that lost a space has it;
* ``number_spaced_stop`` – "3. Title" printed "3 . Title", as justified PDF text spaces it.
* ``one_line``        – a printed document's text with every line break lost (document sites' plain-text
  copies of PDFs run a whole document on in one line; printed documents only). Harder than the rest: where
  a title is not in capitals, only the words that start its minute's first sentence mark its end.

``python -m bench.perturb`` writes ``bench/results/parser-perturb.md`` (counts and file
names only) and, with ``--details``, the changed fields per file to
``bench/work/parser-perturb-details.md`` (git-ignored: it quotes the excerpts).
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from indexer.parse.text import decode

from bench.eval_parser import DEFAULT_HELDOUT, DEFAULT_REALWORLD, REPO, evaluate_file, load_labels, load_split, norm_committee, norm_title

Transform = Callable[[str, dict[str, Any]], str | None]

_MONTHS = "January February March April May June July August September October November December".split()
_WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_PRINTED = {"printed_minutes", "agenda_pack", "agenda_only"}
_ORD = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}


def _paragraph_ends(lines: list[str]) -> list[int]:
    """Indexes of lines followed by an empty line (or the end): safe places to insert furniture."""
    return [i for i, line in enumerate(lines) if line.strip() and (i + 1 == len(lines) or not lines[i + 1].strip())]


def no_blank_lines(text: str, gold: dict[str, Any]) -> str:
    return "\n".join(line for line in text.split("\n") if line.strip())


def crlf(text: str, gold: dict[str, Any]) -> str:
    return text.replace("\n", "\r\n")


def indent(text: str, gold: dict[str, Any]) -> str:
    return "\n".join(f"  {line}  " if line.strip() else line for line in text.split("\n"))


def double_spaces(text: str, gold: dict[str, Any]) -> str:
    return text.replace(" ", "  ")


def _at_page_breaks(text: str, gold: dict[str, Any], furniture: Callable[[int, int], list[str]]) -> str | None:
    """A printed document's ``text`` with ``furniture(page, pages)`` inserted after a paragraph every 30 lines
    or so, where its pages could have broken; None for a web page or a text too short to break."""
    if gold.get("kind") not in _PRINTED:
        return None  # web pages have no pages
    lines = text.split("\n")
    cuts, last = [], 0
    for i in _paragraph_ends(lines):
        if i - last >= 30 and i < len(lines) - 3:
            cuts.append(i)
            last = i
    if not cuts:
        return None
    out: list[str] = []
    for i, line in enumerate(lines):
        out.append(line)
        if i in cuts:
            out += furniture(cuts.index(i) + 1, len(cuts) + 1)
    return "\n".join(out)


def extra_blank_lines(text: str, gold: dict[str, Any]) -> str | None:
    if "\n\n" not in text:
        return None
    # every run of b empty lines becomes 2b: more space, spaced apart as before
    return re.sub(r"\n((?:[ \t]*\n)+)", lambda m: "\n" + "\n" * (2 * m.group(1).count("\n")), text)


def page_furniture(text: str, gold: dict[str, Any]) -> str | None:
    heading = next((ln.strip() for ln in text.split("\n") if ln.strip()), "")
    return _at_page_breaks(text, gold, lambda page, pages: ["", f"Page {page} of {pages}", "", heading, ""])


def page_numbers(text: str, gold: dict[str, Any]) -> str | None:
    return _at_page_breaks(text, gold, lambda page, pages: ["", str(page), ""])


def one_line(text: str, gold: dict[str, Any]) -> str | None:
    return " ".join(text.split()) if gold.get("kind") in _PRINTED else None


def site_chrome(text: str, gold: dict[str, Any]) -> str:
    chrome = ["Skip to main content", "", "Home", "Your council", "Councillors and committees", "Search", "", "Menu", ""]
    return "\n".join(chrome) + "\n" + text


def upper_titles(text: str, gold: dict[str, Any]) -> str | None:
    titles = {norm_title(i["title"]) for i in gold.get("items", []) if i.get("title")}
    changed = False
    out = []
    for line in text.split("\n"):
        if norm_title(line) in titles and line != line.upper():
            out.append(line.upper())
            changed = True
        else:
            out.append(line)
    return "\n".join(out) if changed else None


def _date_forms(iso: str) -> list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]]:
    import datetime as dt

    d = dt.date.fromisoformat(iso)
    month, day, year = _MONTHS[d.month - 1], d.day, d.year
    weekday = _WEEKDAYS[d.weekday()]
    ordinal = f"{day}{_ORD.get(day, 'th')}"
    # Printed with a weekday and ordinal ("Tuesday, 5th March, 2019") -> plain ("5 March 2019"), and back.
    rich = re.compile(rf"(?:(?:{'|'.join(_WEEKDAYS)}),?\s+)?{day}(?:st|nd|rd|th)?\s+{month},?\s+{year}", re.I)
    plain_out = f"{day} {month} {year}"
    rich_out = f"{weekday} {ordinal} {month}, {year}"
    return [(rich, lambda m: rich_out if m.group(0).lower() == plain_out.lower() else plain_out)]


def date_style(text: str, gold: dict[str, Any]) -> str | None:
    iso = gold.get("meeting_date")
    if not iso:
        return None
    for pattern, repl in _date_forms(iso):
        # (a date printed in capitals stays in capitals)
        new, n = pattern.subn(lambda m: repl(m).upper() if m.group(0).isupper() else repl(m), text, count=1)
        if n:
            return new
    return None


def date_numeric(text: str, gold: dict[str, Any]) -> str | None:
    iso = gold.get("meeting_date")
    if not iso:
        return None
    y, m, d = iso.split("-")
    month = _MONTHS[int(m) - 1]
    pattern = re.compile(rf"(?:\b(?:{'|'.join(_WEEKDAYS)}),?\s+)?(?:the\s+)?0?{int(d)}(?:st|nd|rd|th)?\s+(?:of\s+)?{month},?\s+{y}\b", re.I)
    new, n = pattern.subn(f"{d}/{m}/{y}", text, count=1)
    return new if n else None


def wrap(text: str, gold: dict[str, Any]) -> str | None:
    import textwrap

    if sum(1 for line in text.split("\n") if line.strip()) < 5:
        return None  # a page run on in one line (a document site's text): how it wraps is another layout
    out, changed = [], False
    for line in text.split("\n"):
        if len(line) > 100:
            out += textwrap.wrap(line, 90)
            changed = True
        else:
            out.append(line)
    return "\n".join(out) if changed else None


def _numbered_title_lines(text: str, gold: dict[str, Any]) -> list[tuple[int, re.Match[str]]]:
    """Lines "<number>. <gold title>" or "<number> <gold title>" whose number is the gold item's."""
    want = {(i.get("number"), norm_title(i["title"])) for i in gold.get("items", []) if i.get("title")}
    out = []
    for k, line in enumerate(text.split("\n")):
        m = _NUMBERED.match(line)
        if m and (m.group(2), norm_title(m.group(4))) in want:
            out.append((k, m))
    return out


_NUMBERED = re.compile(r"^(\s*)(\d{1,3})(\.?)[ \t]+(\S.*)$")


def _rewrite_numbered(text: str, gold: dict[str, Any], rewrite: Callable[[re.Match[str]], list[str]], stopped_only: bool = False) -> str | None:
    """``text`` with each line "<number>. <gold title>" (``stopped_only``: with its stop) replaced by the lines
    ``rewrite`` makes of it, or None where there is none."""
    lines = text.split("\n")
    hits = [(k, m) for k, m in _numbered_title_lines(text, gold) if m.group(3) or not stopped_only]
    for k, m in reversed(hits):
        lines[k : k + 1] = rewrite(m)
    return "\n".join(lines) if hits else None


def number_paren(text: str, gold: dict[str, Any]) -> str | None:
    return _rewrite_numbered(text, gold, lambda m: [f"{m.group(1)}{m.group(2)}) {m.group(4)}"])


def number_no_space(text: str, gold: dict[str, Any]) -> str | None:
    return _rewrite_numbered(text, gold, lambda m: [f"{m.group(1)}{m.group(2)}.{m.group(4)}"], stopped_only=True)


def number_spaced_stop(text: str, gold: dict[str, Any]) -> str | None:
    return _rewrite_numbered(text, gold, lambda m: [f"{m.group(1)}{m.group(2)} . {m.group(4)}"], stopped_only=True)


def number_own_line(text: str, gold: dict[str, Any]) -> str | None:
    return _rewrite_numbered(text, gold, lambda m: [f"{m.group(1)}{m.group(2)}{m.group(3)}", "", m.group(4)])


def _heading_lines(text: str, gold: dict[str, Any]) -> list[int]:
    """Indexes of the lines near the top (first 12 non-empty) that name the gold committee."""
    name = (gold.get("committee") or "").casefold()
    if not name:
        return []
    out, seen = [], 0
    for k, line in enumerate(text.split("\n")):
        if not line.strip():
            continue
        seen += 1
        if seen > 12:
            break
        if re.search(rf"\b{re.escape(name)}\b", line.casefold()) and len(line) <= 200:  # a heading, not a run-on page
            out.append(k)
    return out


def heading_caps(text: str, gold: dict[str, Any]) -> str | None:
    if gold.get("kind") not in _PRINTED:
        return None  # web pages print the name as the site has it
    lines = text.split("\n")
    hits = [k for k in _heading_lines(text, gold) if lines[k] != lines[k].upper()]
    for k in hits:
        lines[k] = lines[k].upper()
    return "\n".join(lines) if hits else None


def heading_wrap(text: str, gold: dict[str, Any]) -> str | None:
    import textwrap

    if gold.get("kind") not in _PRINTED:
        return None
    lines = text.split("\n")
    hits = [k for k in _heading_lines(text, gold) if len(lines[k]) > 60]
    for k in reversed(hits):
        lines[k : k + 1] = textwrap.wrap(lines[k], max(40, len(lines[k]) // 2 + 5))
    return "\n".join(lines) if hits else None


def _dash_heading(text: str, gold: dict[str, Any]) -> tuple[list[str], int, re.Match[str]] | None:
    """The ModernGov-style heading "<committee> - <weekday, date, time>" among the top lines."""
    name = gold.get("committee")
    if not name:
        return None
    pattern = re.compile(rf"^\s*({re.escape(name)})\s+[-–]\s+(.+)$", re.I)
    lines = text.split("\n")
    for k in _heading_lines(text, gold):
        m = pattern.match(lines[k])
        if m:
            return lines, k, m
    return None


def heading_two_lines(text: str, gold: dict[str, Any]) -> str | None:
    found = _dash_heading(text, gold)
    if found is None:
        return None
    lines, k, m = found
    lines[k : k + 1] = [m.group(1), m.group(2)]
    return "\n".join(lines)


def window_title(text: str, gold: dict[str, Any]) -> str | None:
    found = _dash_heading(text, gold)
    if found is None:
        items = gold.get("items") or []
        if gold.get("kind") == "agenda_item" and len(items) == 1 and items[0].get("title"):
            return f"Agenda item - {items[0]['title']}\n\n{text}"  # an agenda item page's window title
        return None
    _, _, m = found
    return f"Agenda for {m.group(1)} on {m.group(2)}\n\n{text}"


def heading_on_date(text: str, gold: dict[str, Any]) -> str | None:
    found = _dash_heading(text, gold)
    if found is None:
        return None
    lines, k, m = found
    lines[k] = f"Meeting of {m.group(1)} on {m.group(2)}"
    return "\n".join(lines)


_RESIDUE = re.compile(r"pdf icon PDF (\d+) ([KM]B)")


def residue_style(text: str, gold: dict[str, Any]) -> str | None:
    new, n = _RESIDUE.subn(lambda m: f"(PDF, {m.group(1)}{m.group(2)})", text)
    return new if n else None


def residue_own_line(text: str, gold: dict[str, Any]) -> str | None:
    new, n = re.subn(r"[ \t]+(pdf icon PDF \d+ [KM]B)[ \t]*$", r"\n\1", text, flags=re.M)
    return new if n else None


_MEETING_LINE = re.compile(r"^(Meeting:\s*)(\d{2})/(\d{2})/(\d{4})(\s+-\s+.+?)\s*\(Item\s+(\w+)\.?\)\s*$", re.M)


def meeting_line_style(text: str, gold: dict[str, Any]) -> str | None:
    """An item page's "Meeting: 07/03/2023 - <body> (Item 6.)" written "Meeting: 7 March 2023 - <body> (Item 6:)"."""
    def repl(m: re.Match[str]) -> str:
        return f"{m.group(1)}{int(m.group(2))} {_MONTHS[int(m.group(3)) - 1]} {m.group(4)}{m.group(5)} (Item {m.group(6)}:)"

    new, n = _MEETING_LINE.subn(repl, text)
    return new if n else None


def no_item_table_head(text: str, gold: dict[str, Any]) -> str | None:
    lines = text.split("\n")
    kept = [ln for ln in lines if ln.strip() not in ("Items", "No. Item", "No.", "Item")]
    return "\n".join(kept) if len(kept) < len(lines) else None


def webcast_lines(text: str, gold: dict[str, Any]) -> str | None:
    titles = {norm_title(i["title"]) for i in gold.get("items", []) if i.get("title")}
    if gold.get("kind") not in ("meeting", "agenda_item") or not titles:
        return None
    out, changed = [], False
    for line in text.split("\n"):
        out.append(line)
        if norm_title(_RESIDUE.sub("", line).strip()) in titles:
            out += ["", "View the webcast for this item"]
            changed = True
    return "\n".join(out) if changed else None


TRANSFORMS: dict[str, Transform] = {
    "no_blank_lines": no_blank_lines,
    "crlf": crlf,
    "indent": indent,
    "double_spaces": double_spaces,
    "page_furniture": page_furniture,
    "site_chrome": site_chrome,
    "extra_blank_lines": extra_blank_lines,
    "page_numbers": page_numbers,
    "upper_titles": upper_titles,
    "date_style": date_style,
    "date_numeric": date_numeric,
    "wrap": wrap,
    "heading_caps": heading_caps,
    "heading_wrap": heading_wrap,
    "heading_two_lines": heading_two_lines,
    "heading_on_date": heading_on_date,
    "window_title": window_title,
    "residue_style": residue_style,
    "residue_own_line": residue_own_line,
    "meeting_line_style": meeting_line_style,
    "no_item_table_head": no_item_table_head,
    "webcast_lines": webcast_lines,
    "number_paren": number_paren,
    "number_own_line": number_own_line,
    "number_no_space": number_no_space,
    "number_spaced_stop": number_spaced_stop,
    "one_line": one_line,
}

FIELDS = ("date", "committee", "items", "resolutions", "roles")


def _fields(result: dict[str, Any]) -> dict[str, Any]:
    if "crash" in result:
        return {f: "CRASH" for f in FIELDS}
    return {
        "date": result["meeting_date"],
        "committee": norm_committee(result["committee"]),
        "items": [(i["number"], norm_title(i["title"])) for i in result["items"]],
        "resolutions": result["resolutions"],
        "roles": result["speaker_roles"],
    }


def _correct(result: dict[str, Any], gold: dict[str, Any]) -> dict[str, bool]:
    if "crash" in result:
        return {f: False for f in FIELDS}
    want_items = [(i["number"], norm_title(i["title"])) for i in gold.get("items", [])]
    return {
        "date": result["date_ok"],
        "committee": result["committee_ok"],
        "items": sorted(_fields(result)["items"], key=str) == sorted(want_items, key=str),
        "resolutions": result["resolutions_ok"],
        "roles": result["role_fp"] == 0 and result["role_fn"] == 0,
    }


def run(folders: list[tuple[str, Path, set[str] | None]], names: list[str]) -> dict[str, Any]:
    """Parse every labelled file of ``folders`` as is and under each transform in ``names``."""
    out: dict[str, Any] = {"transforms": {}, "files": 0}
    with tempfile.TemporaryDirectory(prefix="perturb-") as tmp:
        work = Path(tmp)
        cases = []
        for label, folder, only in folders:
            labels = load_labels(folder) or {}
            for name, gold in sorted(labels.items()):
                if only is not None and name not in only:
                    continue
                path = folder / name
                if path.suffix != ".txt" or not path.exists():
                    continue
                text = decode(path.read_bytes())
                cases.append((label, name, text, gold, evaluate_file(path, gold, label)))
        out["files"] = len(cases)
        for tname in names:
            fn = TRANSFORMS[tname]
            stats = {"applied": 0, "stable": {f: 0 for f in FIELDS}, "correct_before": {f: 0 for f in FIELDS},
                     "correct_after": {f: 0 for f in FIELDS}, "changed": []}
            for label, name, text, gold, base in cases:
                new = fn(text, gold)
                if new is None or new == text:
                    continue
                stats["applied"] += 1
                path = work / name
                path.write_bytes(new.encode("utf-8"))
                res = evaluate_file(path, gold, label)
                before, after = _fields(base), _fields(res)
                cb, ca = _correct(base, gold), _correct(res, gold)
                diff = {}
                for f in FIELDS:
                    stats["stable"][f] += before[f] == after[f]
                    stats["correct_before"][f] += cb[f]
                    stats["correct_after"][f] += ca[f]
                    if before[f] != after[f]:
                        diff[f] = (before[f], after[f], cb[f], ca[f])
                if diff:
                    stats["changed"].append({"part": label, "file": name, "diff": diff})
            out["transforms"][tname] = stats
    return out


def render(result: dict[str, Any]) -> str:
    lines = ["# Parser stability under layout changes", ""]
    lines.append(
        f"{result['files']} text files (development part of the real excerpts and the held-out set; the test part is "
        "not read). Each change keeps the meaning; *stable* counts files whose field is what it was without the change, "
        "*right* counts files whose field matches the gold labels before → after. Definitions: `bench/perturb.py`."
    )
    lines.append("")
    lines.append("| change | files | " + " | ".join(f"{f} stable" for f in FIELDS) + " | " + " | ".join(f"{f} right" for f in FIELDS) + " |")
    lines.append("|---|---|" + "---|" * (2 * len(FIELDS)))
    for tname, s in result["transforms"].items():
        n = s["applied"]
        st = " | ".join(f"{s['stable'][f]}" for f in FIELDS)
        ok = " | ".join(f"{s['correct_before'][f]} → {s['correct_after'][f]}" for f in FIELDS)
        lines.append(f"| {tname} | {n} | {st} | {ok} |")
    lines.append("")
    lines.append("## Files whose parse changed")
    lines.append("")
    any_changed = False
    for tname, s in result["transforms"].items():
        for c in s["changed"]:
            any_changed = True
            lines.append(f"- {tname}: `{c['file']}` ({c['part']}): " + ", ".join(sorted(c["diff"])))
    if not any_changed:
        lines.append("None.")
    lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--realworld", type=Path, default=DEFAULT_REALWORLD)
    ap.add_argument("--heldout", type=Path, default=DEFAULT_HELDOUT)
    ap.add_argument("--only", action="append", choices=sorted(TRANSFORMS), help="run only this change (repeatable)")
    ap.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "parser-perturb.md")
    ap.add_argument("--details", action="store_true", help="write the changed fields to bench/work/parser-perturb-details.md")
    args = ap.parse_args(argv)
    folders: list[tuple[str, Path, set[str] | None]] = []
    if load_labels(args.realworld) is not None:
        dev = {n for n, part in load_split().items() if part == "dev"}
        folders.append(("dev", args.realworld, dev))
    folders.append(("heldout", args.heldout, None))
    result = run(folders, args.only or list(TRANSFORMS))
    args.out.write_text(render(result), encoding="utf-8")
    for tname, s in result["transforms"].items():
        n = s["applied"]
        unstable = len(s["changed"])
        print(f"perturb {tname}: {n} files, {unstable} changed; " + ", ".join(
            f"{f} {s['correct_before'][f]}→{s['correct_after'][f]}" for f in FIELDS))
    if args.details:
        work = REPO / "bench" / "work"
        work.mkdir(exist_ok=True)
        lines = []
        for tname, s in result["transforms"].items():
            for c in s["changed"]:
                lines.append(f"## {tname}: {c['file']} ({c['part']})")
                for f, (b, a, cb, ca) in c["diff"].items():
                    lines.append(f"- {f} ({'right' if cb else 'wrong'} → {'right' if ca else 'wrong'}):")
                    lines.append(f"  - before: {json.dumps(b, ensure_ascii=False)}")
                    lines.append(f"  - after:  {json.dumps(a, ensure_ascii=False)}")
                lines.append("")
        (work / "parser-perturb-details.md").write_text("\n".join(lines), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
