"""What researchers use (issue 13): facets, timelines, exact words, item series, exports,
feeds and tidy addresses, through the engine and through the Flask app, on the small
test index."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re

import feedparser
import pytest

from indexer.errors import QueryError
from indexer.search import SearchRequest
from indexer.series import series_key

WESSEX = "Wessex Police and Crime Panel"
VALE = "Vale District Council Cabinet"


# ------------------------------------------------------------------ facets and timeline


def facet(overview, name):
    return [(v.value, v.count, v.selected) for v in overview.facet(name)]


def test_facets_count_matching_items(engine):
    # "police" or "exploitation": a committee's name ("Wessex Police and Crime Panel") is
    # not searched text, so these are the items that say either word
    o = engine.overview(SearchRequest(q="police OR exploitation"))
    assert (o.items, o.passages) == (3, 21)
    assert facet(o, "committee") == [(WESSEX, 3, False)]
    assert facet(o, "year") == [("2021", 1, False), ("2019", 1, False), ("2018", 1, False)]
    assert facet(o, "section") == [("summary", 3, False), ("presentation", 3, False), ("questions", 3, False),
                                   ("resolution", 3, False), ("procedural", 1, False)]
    assert facet(o, "speaker") == [("commissioner", 1, False), ("chief_constable", 2, False)]
    assert [(p.label, p.count) for p in o.timeline] == [("2018", 1), ("2019", 1), ("2020", 0), ("2021", 1)]
    assert (o.timeline_unit, o.undated) == ("year", 0)


def test_a_facet_counts_under_the_other_filters_but_not_its_own(engine):
    o = engine.overview(SearchRequest(q="police", date_from=dt.date(2019, 1, 1), date_to=dt.date(2019, 12, 31),
                                      section="resolution"))
    assert o.items == 1
    # the years say what choosing another year instead would give (resolutions only: none in 2021)
    assert facet(o, "year") == [("2019", 1, True), ("2018", 1, False)]
    # the sections say what another section would give within 2019
    assert facet(o, "section") == [("summary", 1, False), ("presentation", 1, False), ("questions", 1, False),
                                   ("resolution", 1, True), ("procedural", 1, False)]
    assert facet(o, "speaker") == []  # no resolution in 2019 has a speaker


@pytest.mark.parametrize(
    ("request_kw", "items"),
    [
        ({"q": "police", "committee": WESSEX}, 2),
        ({"q": "police", "section": "decision"}, 2),  # aliases work as in the query language
        ({"q": "police", "speaker": "pcc"}, 1),
        ({"q": "police", "committee": "No Such Committee"}, 0),
        ({"q": "section:resolution"}, 4),
    ],
)
def test_facet_counts_agree_with_the_results(engine, request_kw, items):
    request = SearchRequest(**request_kw)
    assert engine.overview(request).items == engine.search(request).items == items


@pytest.mark.parametrize(
    "request_kw",
    [
        {"q": "police"},
        {"q": "police", "committee": WESSEX},
        {"q": "police crime", "section": "decision", "page": 2, "per_page": 2},
        {"q": "police", "speaker": "pcc", "date_from": dt.date(2019, 1, 1)},
        {"q": "county lines", "hide_procedural": True},
        {"q": "police", "committee": "No Such Committee"},
        {"q": "section:resolution"},
        {"q": "", "section": "resolution", "sort": "newest"},
        {"q": "county lines", "sort": "oldest", "per_item": 0},
    ],
)
def test_a_results_page_is_search_and_overview_from_one_evaluation(engine, request_kw):
    request = SearchRequest(**request_kw)
    page, overview = engine.results(request)

    def same(p):
        return {k: v for k, v in p.to_dict().items() if k != "seconds"}

    assert same(page) == same(engine.search(request))
    assert overview == engine.overview(request)


def test_a_short_span_is_drawn_by_month(engine):
    o = engine.overview(SearchRequest(q="county lines"))
    assert o.timeline_unit == "month"
    assert (o.timeline[0].label, o.timeline[-1].label, len(o.timeline)) == ("Jun 2019", "Jan 2021", 20)
    assert (o.timeline[0].start, o.timeline[0].end) == (dt.date(2019, 6, 1), dt.date(2019, 6, 30))
    assert sum(p.count for p in o.timeline) == o.items == 3  # the third has "county" only


def test_facet_filters_are_checked(engine):
    with pytest.raises(QueryError, match='There is no section "minutes"'):
        engine.overview(SearchRequest(q="police", section="minutes"))


# ------------------------------------------------------------------ exact words


def test_exact_words_are_not_stemmed(engine):
    stemmed = engine.search(SearchRequest(q="exploiting"))
    exact = engine.search(SearchRequest(q="exploiting", exact=True))
    assert (stemmed.total, exact.total) == (7, 1)
    assert {f for h in stemmed.hits for f in h.matched_forms} == {"exploitation", "exploiting"}
    assert [h.matched_forms for h in exact.hits] == [("exploiting",)]
    # the exact: syntax does the same for one word, or for a phrase
    assert engine.search(SearchRequest(q="exact:exploiting")).total == 1
    assert [h.matched_forms for h in engine.search(SearchRequest(q='exact:"county lines gangs"')).hits] == [
        ("county lines gangs",)]
    assert engine.search(SearchRequest(q='exact:"county line gangs"')).total == 0


def test_exact_prefix_matches_written_forms(engine):
    result = engine.search(SearchRequest(q="exploit*", exact=True, per_item=0))
    assert {f for h in result.hits for f in h.matched_forms} == {"exploitation", "exploiting"}


@pytest.mark.parametrize(
    ("title", "key"),
    [
        ("Police and Crime Commissioner - Proposed Precept 2019/20", "polic crime commission precept"),
        ("Proposed Precept 2020-21", "precept"),
        ("Serious Violence - Annual Update", "serious violenc"),
        ("Update on Serious Violence", "serious violenc"),
        ("Performance Report, Quarter 3 2018/19", "perform report"),
        ("Q4 Performance Report", "perform report"),
        ("Minutes of the meeting held on 10 March 2025", "minut meet held"),
        ("2019", ""),
    ],
)
def test_series_key_ignores_what_says_which_occurrence(title, key):
    assert series_key(title) == key


def test_item_series_and_agenda_numbers(engine):
    precept = engine.search(SearchRequest(q="title:precept")).hits[0]
    view = engine.item(precept.item_id)
    assert view.series == ()  # the test corpus has one precept item
    assert [(r.number, r.title) for r in view.siblings] == [(None, "Proposed Police and Crime Commissioner Precept 2018/19")]


# ------------------------------------------------------------------ counts agree


def test_cards_and_item_pages_count_the_same_passages(client):
    data = client.get("/search.json?q=county+lines").get_json()
    cards: dict[str, list] = {}
    for h in data["hits"]:
        cards.setdefault(h["item_id"], []).append(h)
    assert len(cards) == data["items"] == 3
    for item_id, hits in cards.items():
        matching = len(hits) + sum(h["more_in_item"] for h in hits)
        item = client.get(f"/item/{item_id}.json?q=county+lines").get_json()
        assert item["matches"] == sum(p["matched"] for p in item["passages"]) == matching
        html = client.get(f"/item/{item_id}?q=county+lines").get_data(as_text=True)
        assert f"<span>{matching} of {len(item['passages'])} passages match <strong>county lines</strong>:</span>" in html


# ------------------------------------------------------------------ web: facets, chips, addresses


def test_results_page_links_facets_and_chips(client):
    html = client.get(f"/search?q=police&committee={WESSEX}&section=resolution").get_data(as_text=True)
    assert '<h1 class="count" id="results" tabindex="-1">2 agenda items with 2 matching passages</h1>' in html
    chips = re.findall(r'<a class="chip" href="([^"]+)"><span>([^<]+)</span>', html)
    assert chips == [
        ("/search?q=police&amp;section=resolution", f"Committee: {WESSEX}"),
        ("/search?q=police&amp;committee=Wessex+Police+and+Crime+Panel", "Section: Resolution"),
    ]
    assert 'href="/search?q=police&amp;committee=Wessex+Police+and+Crime+Panel&amp;section=resolution' \
           '&amp;from=2019-01-01&amp;to=2019-12-31"><span>2019</span>' in html  # a year facet keeps the others
    assert '<a class="clear" href="/search?q=police">Clear all filters</a>' in html


@pytest.mark.parametrize(
    ("url", "location"),
    [
        ("/search?q=precept&committee=&section=&speaker=&from=&to=&sort=relevance", "/search?q=precept"),
        ("/search?q=precept&page=1&sort=newest", "/search?q=precept&sort=newest"),
        ("/search?q=&committee=", "/search"),
    ],
)
def test_empty_and_default_arguments_are_tidied_away(client, url, location):
    r = client.get(url)
    assert (r.status_code, r.headers["Location"]) == (302, location)


def test_no_link_has_spaces_or_empty_arguments(client):
    item_id = client.get("/search.json?q=cameras").get_json()["hits"][0]["item_id"]
    for url in ("/", "/help", "/search?q=county+lines", f"/search?q=police&committee={WESSEX}", f"/item/{item_id}?q=cameras"):
        html = client.get(url).get_data(as_text=True)
        links = re.findall(r'(?:href|action)="([^"]*)"', html)
        assert links and [u for u in links if re.search(r"\s|=(&|$)|=&amp;", u)] == [], url


def test_a_page_past_the_end_says_so(client):
    html = client.get("/search?q=police&page=999").get_data(as_text=True)
    assert "page 999 of" not in html.lower()
    assert '<p class="notice">There is no page 999: these results end at page 1.' in html


def test_skip_link_goes_to_the_results(client):
    html = client.get("/search?q=police").get_data(as_text=True)
    assert '<a class="skip" href="#results">Skip to results</a>' in html
    assert '<h1 class="count" id="results" tabindex="-1">' in html


@pytest.mark.parametrize("url", ["/", "/search?q=police", "/help", "/no/such/page"])
def test_every_page_has_a_search_box_in_its_header(client, url):
    html = client.get(url).get_data(as_text=True)
    header = html[html.index('<header class="site">'):html.index("</header>")]
    assert '<input id="q-top" name="q" type="search"' in header


def test_help_page_covers_every_filter_with_live_examples(client):
    from indexer.query import FILTERS

    html = client.get("/help").get_data(as_text=True)
    examples = re.findall(r'<a href="/search\?q=([^"]+)"><code>', html)
    used = {m.group(1).lower() for e in examples for m in re.finditer(r"(?:^|\+|%20)(\w+)(?::|%3A)", e)}
    assert set(FILTERS) - {"role", "panel", "year"} <= used  # aliases aside, every filter has an example
    assert "OR" in html and "polic*" in html and "exact=1" in html


# ------------------------------------------------------------------ export and feeds


def test_csv_export_has_every_passage(client):
    r = client.get("/export.csv?q=county+lines")
    assert (r.status_code, r.headers["Content-Type"]) == (200, "text/csv; charset=utf-8")
    assert r.headers["Content-Disposition"] == 'attachment; filename="minutes-county-lines.csv"'
    rows = list(csv.DictReader(io.StringIO(r.get_data(as_text=True))))
    assert len(rows) == int(r.headers["X-Export-Rows"]) == 9
    assert "X-Export-Truncated" not in r.headers
    first = rows[0]
    assert (first["committee"], first["date"], first["item_title"]) == (WESSEX, "2021-01-29",
                                                                       "Child Exploitation and County Lines")
    assert first["item_url"] == f"http://localhost/item/{first['item_id']}"


def test_export_stops_at_the_limit_and_says_so(index_dir):
    from webui import create_app

    app = create_app({"TESTING": True, "INDEX_DIR": str(index_dir), "EXPORT_MAX_ROWS": 3})
    try:
        client = app.test_client()
        r = client.get("/export.csv?q=county+lines")
        assert len(list(csv.DictReader(io.StringIO(r.get_data(as_text=True))))) == 3
        message = ("This export holds the first 3 of 9 matching passages (the export limit). Narrow the search by "
                   "committee, date, section or speaker to export the rest.")
        assert r.headers["X-Export-Truncated"] == message
        data = json.loads(client.get("/export.json?q=county+lines").get_data(as_text=True))
        assert (len(data["rows"]), data["total"], data["truncated"], data["message"]) == (3, 9, True, message)
        html = client.get("/search?q=county+lines").get_data(as_text=True)
        assert "Downloads hold the first 3 of these 9 passages (the export limit)." in html
    finally:
        app.extensions["minutes"].close()


def test_export_keeps_the_sort(client):
    rows = list(csv.DictReader(io.StringIO(client.get("/export.csv?q=police&sort=oldest").get_data(as_text=True))))
    dates = [r["date"] for r in rows]
    assert dates == sorted(dates) and len(rows) == 16


def test_feed_lists_items_newest_first_with_stable_ids(client):
    html = client.get("/search?q=police").get_data(as_text=True)
    assert ('<link rel="alternate" type="application/atom+xml" title="New agenda items matching this search" '
            'href="/feed.atom?q=police">') in html
    body = client.get("/feed.atom?q=police").get_data()
    feed = feedparser.parse(body)
    assert feed.bozo == 0 and feed.version == "atom10"
    assert [e.title for e in feed.entries] == [
        "Police and Crime Plan Delivery", "Proposed Police and Crime Commissioner Precept 2018/19"]
    assert [e.updated[:10] for e in feed.entries] == ["2019-06-14", "2018-02-02"]
    assert all(e.id == f"http://localhost/item/{e.link.split('/item/')[1].split('?')[0]}" for e in feed.entries)
    assert feedparser.parse(client.get("/feed.atom?q=police").get_data()).entries[0].id == feed.entries[0].id


def test_exports_and_feeds_need_a_search(client):
    for url in ("/export.csv", "/export.json", "/feed.atom"):
        r = client.get(url)
        assert r.status_code == 400, url
