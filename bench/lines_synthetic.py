"""Invented documents with their line labels, for training the line labeller.

Every line here is made up for this project (no council's text). The generator writes the shapes
that the issue lists for documents the rules have not seen: printed minutes as PDF text (a heading
naming the body, "Held on …", running headers and page numbers, numbering such as "23/045",
"Minute 12 – …", "A4", titles ending in a full stop), agenda packs (crawler residue such as
"File Type:pdf, Size:…Kb", a cover page with "Date: <weekday>, <ordinal> <month>, <year>", page
references) and meeting pages as crawler text. A seeded random choice per document makes them differ.
"""

from __future__ import annotations

import random

from indexer.parse.layout import layout_text
from indexer.parse.lines import rule_labels
from indexer.parse.lines.labels import (
    BLURB, BODY, HEADER, HEADER_BODY, HEADER_DATE, ITEM_NUMBER, ITEM_TITLE, MINUTES_LABEL, PAGE_NUMBER, RESIDUE,
    RESOLUTION_LEAD, RUNNING_HEADER,
)
from indexer.parse.lines.segment import segment
from indexer.parse.text import Line

PLACES = ["Harrowdene", "Wexcombe", "Linfield Vale", "Stannington Moor", "Corrabury", "Eastmere", "Tolvane", "Brightwick"]
BODIES = ["Planning Committee", "Licensing Committee", "Cabinet", "Full Council", "Police and Crime Panel",
          "Audit and Governance Committee", "Parish Council", "Fire and Rescue Authority", "Executive Board",
          "Overview and Scrutiny Committee", "Town Council", "Health and Wellbeing Board"]
OPENING = ["Apologies for Absence", "Declarations of Interest", "Minutes of the Previous Meeting", "Public Questions",
           "Chairman's Announcements", "Urgent Business", "Matters Arising"]
TOPICS = ["Revenue Budget Monitoring Quarter 2", "Allotment Rents Review", "Street Lighting Replacement Programme",
          "Community Safety Partnership Update", "Play Area Inspection Report", "Treasury Management Strategy",
          "Car Park Charges Consultation", "Annual Governance Statement", "Housing Allocations Policy",
          "Local Plan Examination Timetable", "Flood Resilience Works", "Grant Applications", "Village Hall Lease",
          "Precept Proposal", "Estates Rationalisation", "Risk Register", "Any Other Business", "Date of Next Meeting"]
SURNAMES = ["Tressider", "Ollerby", "Vantock", "Pellingham", "Marrable", "Quenton", "Faversley", "Drummock"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday"]
MONTHS = ["January", "March", "June", "July", "September", "November"]
SENTENCES = [
    "The {role} presented the report and answered questions from members about the costs involved.",
    "Members noted that the contract had been extended for a further twelve months while options were reviewed.",
    "Councillor {name} asked whether the figures included the works planned for the spring.",
    "The {role} explained that the figures would be brought back to the next meeting with a full breakdown.",
    "There were no declarations of interest.",
    "Apologies were received from Councillors {name} and {name2}.",
    "It was noted that the consultation would close at the end of the month and that responses so far were positive.",
    "A member of the public spoke about the condition of the footpath near the school and asked for it to be inspected.",
]
ROLES = ["Clerk", "Head of Finance", "Chief Executive", "Monitoring Officer", "Planning Manager"]


def _ordinal(day: int) -> str:
    return f"{day}{'th' if 11 <= day <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th')}"


class _Doc:
    def __init__(self) -> None:
        self.pairs: list[tuple[str, str]] = []

    def add(self, label: str, text: str, gap: int = 1) -> None:
        self.pairs.extend(("", "") for _ in range(gap))
        self.pairs.append((label, text))


def _sentence(r: random.Random) -> str:
    a, b = r.sample(SURNAMES, 2)
    return r.choice(SENTENCES).format(role=r.choice(ROLES), name=a, name2=b)


def _number(style: str, k: int, year: int) -> str:
    return {
        "slash": f"{k + 40}/{year % 100:02d}",
        "minute": f"Minute {k + 60}",
        "dot": f"{k}.",
        "plain": f"{k}",
        "letter": f"A{k}",
        "parish": f"{year % 100:02d}/{k + 100:03d}",
    }[style]


def printed_minutes(r: random.Random) -> list[tuple[str, str]]:
    """Printed minutes as PDF text: heading, "held on" line, numbered items, running headers, page numbers."""
    d = _Doc()
    place, body = r.choice(PLACES), r.choice(BODIES)
    day, month, year, wd = r.randint(1, 28), r.choice(MONTHS), r.randint(2012, 2025), r.choice(WEEKDAYS)
    name = f"{place} {body}"
    if r.random() < 0.5:  # the body's name as a heading of its own
        d.add(HEADER_BODY, name.upper() if r.random() < 0.6 else name, 0)
    heading = r.choice(["meeting-of", "held", "minutes-of", "minutes-of-stop"])
    if heading == "meeting-of":
        d.add(HEADER_BODY, f"MINUTES of the meeting of the {name} held at the Civic Centre, {place} on {wd}, {_ordinal(day)} {month}, {year} at 7.00 pm.")
    elif heading == "held":
        d.add(HEADER_BODY, f"Minutes of the {body} of {place}")
        d.add(HEADER_DATE, f"Held on {wd} {day} {month} {year} at 10.00 am", 0)
    elif heading == "minutes-of":
        d.add(HEADER_BODY, f"Minutes of the {name} held on {wd}, {day} {month} {year}")
    else:
        d.add(HEADER_BODY, f"Minutes of the {name} held on {wd}, {_ordinal(day)} {month}, {year} at 7.00 pm.")
    d.add(BODY, f"Present: Councillors {', '.join(r.sample(SURNAMES, 4))} (Chair)")
    style = r.choice(["slash", "minute", "dot", "plain", "letter", "parish"])
    alone = style in ("slash", "plain") and r.random() < 0.4  # the number on a line of its own
    stop = r.random() < 0.3  # titles ending in a full stop
    caps = r.random() < 0.5
    running = f"{place} {body} - {day} {month} {year}"
    titles = r.sample(OPENING, 3) + r.sample(TOPICS, r.randint(3, 6))
    page = 1
    for k, title in enumerate(titles, 1):
        t = title.upper() if caps else title
        t = t + "." if stop else t
        num = _number(style, k, year)
        sep = " – " if style == "minute" else " "
        if alone:
            d.add(ITEM_NUMBER, num)
            d.add(ITEM_TITLE, t, 0)
        else:
            d.add(ITEM_TITLE, f"{num}{sep}{t}")
        for _ in range(r.randint(1, 3)):
            d.add(BODY, _sentence(r))
        if r.random() < 0.5:
            d.add(RESOLUTION_LEAD, r.choice(["RESOLVED that the report be noted.", "RESOLVED – that the recommendations be approved.",
                                             "Resolved: that the minutes be signed as a correct record."]))
        if r.random() < 0.35:
            page += 1
            d.add(PAGE_NUMBER, r.choice([f"{page - 1}", f"- {page - 1} -", f"Page {page - 1}"]))
            d.add(RUNNING_HEADER, running)
    return d.pairs


def agenda_pack(r: random.Random) -> list[tuple[str, str]]:
    """An agenda pack as crawler text: site residue, a cover page, items with blurbs and page references."""
    d = _Doc()
    place, body = r.choice(PLACES), r.choice(BODIES)
    day, month, year, wd = r.randint(1, 28), r.choice(MONTHS), r.randint(2012, 2025), r.choice(WEEKDAYS)
    d.add(RESIDUE, f"File Type:pdf, Size:{r.randint(100, 2000)}Kb", 0)
    d.add(HEADER, "Public Document Pack")
    d.add(HEADER_BODY, f"{place} {body}")
    d.add(HEADER_DATE, f"Date: {wd}, {_ordinal(day)} {month}, {year}")
    d.add(HEADER, "Time: 2.00 pm", 0)
    d.add(HEADER, f"Venue: Council Chamber, {place} House", 0)
    d.add(BODY, f"Membership: Councillors {', '.join(r.sample(SURNAMES, 5))}")
    d.add(HEADER, "AGENDA")
    titles = r.sample(OPENING, 3) + r.sample(TOPICS, r.randint(3, 6))
    pages = 3
    for k, title in enumerate(titles, 1):
        span = r.randint(2, 20)
        ref = f" (Pages {pages} - {pages + span})" if r.random() < 0.6 else ""
        pages += span + 1
        d.add(ITEM_TITLE, f"{k}. {title}{ref}")
        if r.random() < 0.7:
            d.add(BLURB, r.choice([f"To receive the report of the {r.choice(ROLES)}.", "To consider the attached report.",
                                   "Members are asked to note the update.", "To approve the minutes of the last meeting as a correct record."]))
    return d.pairs


def meeting_page(r: random.Random) -> list[tuple[str, str]]:
    """A meeting page as crawler text: header, "Items", numbers, titles with link residue, "Minutes:"."""
    d = _Doc()
    place, body = r.choice(PLACES), r.choice(BODIES)
    day, month, year, wd = r.randint(1, 28), r.choice(MONTHS), r.randint(2012, 2025), r.choice(WEEKDAYS)
    d.add(HEADER, "Agenda and minutes", 0)
    d.add(HEADER_BODY, f"{place} {body} - {wd}, {_ordinal(day)} {month}, {year} 10.00 am")
    d.add(HEADER, f"Venue: {place} Town Hall. View directions")
    d.add(HEADER, f"Contact: Democratic Services, {place}")
    d.add(RESIDUE, "Media")
    d.add(RESIDUE, "Items")
    d.add(RESIDUE, "No. Item", 0)
    titles = r.sample(OPENING, 3) + r.sample(TOPICS, r.randint(2, 5))
    for k, title in enumerate(titles, 1):
        d.add(ITEM_NUMBER, f"{k + 20}.")
        d.add(ITEM_TITLE, title + (f" pdf icon PDF {r.randint(50, 900)} KB" if r.random() < 0.5 else ""))
        d.add(RESIDUE, "Share this item")
        if r.random() < 0.6:
            d.add(BLURB, r.choice(["To receive the report of the Chief Executive.", "Members are asked to consider the report."]))
        d.add(MINUTES_LABEL, "Minutes:")
        for _ in range(r.randint(1, 3)):
            d.add(BODY, _sentence(r))
        if r.random() < 0.4:
            d.add(RESOLUTION_LEAD, "RESOLVED: That the report be noted.")
    return d.pairs


STYLES = (printed_minutes, agenda_pack, meeting_page)


def documents(count: int = 30, seed: int = 12) -> dict[str, list[tuple[str, str]]]:
    """``count`` invented documents as (label, line) pairs ("" for blank lines), deterministic for ``seed``."""
    r = random.Random(seed)
    return {f"synthetic-{k:02d}-{STYLES[k % len(STYLES)].__name__}": STYLES[k % len(STYLES)](r) for k in range(count)}


def align(pairs: list[tuple[str, str]]) -> tuple[str, list[Line], list[str]]:
    """(text, segmented lines, their labels): each segmented line takes the label of the source line
    it starts with (segmentation drops page furniture and may rejoin lines)."""
    text = "\n".join(t for _, t in pairs)
    lines = segment(text)
    source = [(lab, " ".join(t.split())) for lab, t in pairs if t.strip()]
    labels, j = [], 0
    for ln in lines:
        while j < len(source) and not ln.text.startswith(source[j][1][:20]):
            j += 1
        if j == len(source):
            raise ValueError(f"segmented line not found in the source: {ln.text!r}")
        labels.append(source[j][0])
        j += 1
    return text, lines, labels


def synthetic_documents(count: int = 30) -> dict[str, tuple[list[Line], list[str], list[str]]]:
    """name -> (lines, labels, the rules' labels), segmented the way the model sees text."""
    out = {}
    for name, pairs in documents(count).items():
        text, lines, labels = align(pairs)
        out[name] = (lines, labels, rule_labels(lines, layout_text(text)))
    return out
