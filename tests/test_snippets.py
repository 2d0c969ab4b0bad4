"""Highlighting: exact marked segments and the sentence chosen for a snippet."""

import pytest

from indexer.query import parse_query
from indexer.snippets import ELLIPSIS, Marks, highlight, snippet, to_html, to_text


def marks(q: str) -> Marks:
    p = parse_query(q)
    return Marks(p.terms, p.phrases, p.prefixes)


def rendered(segs) -> str:
    return "".join(f"[{t}]" if m else t for t, m in segs)


@pytest.mark.parametrize(
    ("q", "text", "expected"),
    [
        ("county lines", "County lines is significant concern.", "[County lines] is significant concern."),
        # stemmed matches, adjacent words merge into one mark
        ("line", "Front line policing and county lines.", "Front [line] policing and county [lines]."),
        # a phrase is marked only where it occurs in order, stop words inside included
        ('"police and crime panel"', "The Police and Crime Panel met; crime and police panel.",
         "The [Police and Crime Panel] met; crime and police panel."),
        ('"modern slavery"', "Modern Slavery exists; slavery is modern.", "[Modern Slavery] exists; slavery is modern."),
        # prefixes
        ("polic*", "Police, policing and politics.", "[Police], [policing] and politics."),
        # curly apostrophes and NBSP in stored text
        ("panel", "The Panel’s\u00a0view", "The [Panel’s]\u00a0view"),
        ("gdpr", "no match here", "no match here"),
        ("email", "Send an e-mail today", "Send an [e-mail] today"),
    ],
)
def test_highlight(q, text, expected):
    assert rendered(highlight(text, marks(q))) == expected


def test_short_passage_is_shown_whole():
    text = "The Commissioner set out the precept. Members asked about reserves."
    assert rendered(snippet(text, marks("reserves"))) == (
        "The Commissioner set out the precept. Members asked about [reserves]."
    )


def test_snippet_picks_the_sentence_with_most_distinct_matches():
    text = (
        "The Panel heard about rural crime in the north of the county, including thefts of farm machinery. "
        "County lines remained a significant concern, and modern slavery was linked to county lines activity. "
        "The Chief Constable described the work of the neighbourhood teams over the summer months in detail."
    )
    out = snippet(text, marks("county lines slavery"), maxchars=150)
    assert rendered(out) == (
        f"{ELLIPSIS}[County lines] remained a significant concern, and modern [slavery] was linked to "
        f"[county lines] activity."  # a full stop ends it: no ".…"
    )


def test_a_cut_after_a_comma_ends_with_the_ellipsis_alone():
    text = "Members listed county lines, " + "drugs, " * 40 + "and weapons."
    out = snippet(text, marks("county lines"), maxchars=40)
    assert rendered(out) == f"Members listed [county lines], drugs, drugs{ELLIPSIS}"


def test_long_sentence_is_trimmed_around_the_first_match():
    text = ("word " * 80) + "precept " + ("tail " * 80)
    out = snippet(text.strip(), marks("precept"), maxchars=100)
    s = rendered(out)
    assert s.startswith(ELLIPSIS) and s.endswith(ELLIPSIS) and "[precept]" in s
    assert len(to_text(out)) <= 100 + 2 + 10  # ellipses and word snapping


def test_no_match_shows_the_opening():
    text = "First sentence here. " * 30
    out = snippet(text, marks("elsewhere"), maxchars=60)
    assert to_text(out) == "First sentence here."


def test_html_is_escaped_and_marked():
    segs = highlight("<script>alert('precept')</script> & precept", marks("precept"))
    assert to_html(segs) == (
        "&lt;script&gt;alert(&#x27;<mark>precept</mark>&#x27;)&lt;/script&gt; &amp; <mark>precept</mark>"
    )
