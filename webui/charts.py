"""The timeline of a search, laid out for an SVG drawn by the template (no JavaScript).

Bars are links to the search narrowed to their year or month. The chart comes with a
sentence that says what it shows (its text alternative) and the same numbers as a table.
"""

from __future__ import annotations

from dataclasses import dataclass

from indexer.search import Overview

from .links import search_url

WIDTH = 640
HEIGHT = 170
TOP = 28  # room for the count above the tallest bar
AXIS = 30  # room for the period labels under the bars
#: Width of a label character, in chart units, at the font sizes style.css gives labels
#: on wide screens (13) and on phones (24, the chart being drawn about half size there).
CHAR_WIDE, CHAR_NARROW = 8.0, 14.5


@dataclass(frozen=True, slots=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str  # "2019" or "Jun 2019"
    count: int
    href: str
    #: "wide", "narrow", both or neither: on which screens this bar's label is shown
    #: (every n-th bar is labelled, so that labels do not overlap)
    label_on: str


@dataclass(frozen=True, slots=True)
class Chart:
    bars: tuple[Bar, ...]
    unit: str
    summary: str  # the text alternative: what the chart shows in one sentence
    #: more bars than there is room for their counts on a phone
    many: bool = False
    width: int = WIDTH
    height: int = HEIGHT
    baseline: float = HEIGHT - AXIS


def timeline_chart(overview: Overview) -> Chart | None:
    """Lay out ``overview``'s timeline, or None when it has fewer than two periods."""
    periods = overview.timeline
    if len(periods) < 2:
        return None
    top = max(p.count for p in periods) or 1
    slot = WIDTH / len(periods)
    gap = min(6.0, slot * 0.2)
    usable = HEIGHT - AXIS - TOP
    longest = max(len(p.label) for p in periods) + 1
    every_wide = max(1, -(-int(longest * CHAR_WIDE) // int(slot)))
    every_narrow = max(1, -(-int(longest * CHAR_NARROW) // int(slot)))
    bars = []
    for i, p in enumerate(periods):
        h = usable * p.count / top if p.count else 0.0
        bars.append(Bar(
            x=round(i * slot + gap / 2, 2),
            y=round(HEIGHT - AXIS - h, 2),
            width=round(slot - gap, 2),
            height=round(h, 2),
            label=p.label,
            count=p.count,
            href=search_url(from_=p.start, to=p.end),
            label_on=" ".join(name for name, every in (("wide", every_wide), ("narrow", every_narrow))
                              if i % every == 0),
        ))
    busiest = max(periods, key=lambda p: p.count)
    unit = "year" if overview.timeline_unit == "year" else "month"
    summary = (
        f"Matching agenda items by {unit}, {periods[0].label} to {periods[-1].label}: "
        f"{overview.items - overview.undated} with a meeting date, the most in {busiest.label} "
        f"({busiest.count} item{'' if busiest.count == 1 else 's'})."
    )
    if overview.undated:
        summary += f" {overview.undated} more {'has' if overview.undated == 1 else 'have'} no meeting date."
    return Chart(tuple(bars), unit, summary, many=len(bars) > 12)
