"""The Flask app through its test client: pages, JSON, errors, escaping and headers."""

from __future__ import annotations

import re

import pytest

from webui import SECURITY_HEADERS, create_app


def marks(html: str) -> list[str]:
    return re.findall(r"<mark>(.*?)</mark>", html)


def test_home_page_has_a_labelled_search_form(client):
    r = client.get("/")
    html = r.get_data(as_text=True)
    assert r.status_code == 200
    assert '<label for="q">What are you looking for?</label>' in html
    assert 'role="search"' in html and '<main id="main"' in html


def test_search_results_are_ranked_and_highlighted(client):
    r = client.get("/search?q=county+lines")
    html = r.get_data(as_text=True)
    assert r.status_code == 200
    titles = re.findall(r'<h3 id="h-[^"]+"><a href="[^"]+">(.*?)</a></h3>', html)
    assert titles == [  # one card per agenda item
        "Police and Crime Plan Delivery",
        "Child Exploitation and <mark>County Lines</mark>",
        "Road Safety Strategy",
    ]
    assert marks(html) == ["county lines", "County lines", "County Lines", "county"]
    assert html.count('<div class="passage-hit">') == 5  # each card shows its best two passages
    assert "Wessex Police and Crime Panel" in html and "14 June 2019" in html and "29 January 2021" in html
    assert '<h1 class="count" id="results" tabindex="-1">3 agenda items with 9 matching passages</h1>' in html
    assert ">3 more matching passages in this item</a>" in html
    # the page is filled with a partial match after the full ones, labelled on its card
    assert "8 passages contain all of <strong>county lines</strong>;" in html
    assert re.findall(r'<span class="badge matched">(.*?)</span>', html) == ["matches 1 of 2 words; not “lines”"]


def test_partial_match_is_explained(client):
    html = client.get("/search?q=county+lines+toaster").get_data(as_text=True)
    assert "No passage contains all of <strong>county lines toaster</strong>" in html
    assert "matches 2 of 3 words; not “toaster”" in html


def test_did_you_mean_links_to_the_corrected_search(client):
    html = client.get("/search?q=county+lnes").get_data(as_text=True)
    assert 'Did you mean <a href="/search?q=county+lines" rel="nofollow">county lines</a>?' in html
    assert client.get("/search.json?q=county+lnes").get_json()["suggestion"] == "county lines"
    assert client.get("/search.json?q=county+lines").get_json()["suggestion"] is None


def test_no_results_page_helps(client):
    r = client.get("/search?q=zebra&speaker=commissioner")
    html = r.get_data(as_text=True)
    assert r.status_code == 200
    assert "No results" in html
    assert 'href="/search?q=zebra">Search again without the filters</a>' in html


@pytest.mark.parametrize(
    ("url", "status", "message"),
    [
        ("/search?q=%22county", 400, "is never closed"),
        ("/search?q=foo:bar", 400, "There is no filter called"),
        ("/search?q=x&page=abc", 400, "The page must be a whole number, not &#39;abc&#39;."),
        ("/search?q=x&page=0", 400, "Page numbers run from 1 to 1000."),
        ("/search?q=x&from=26/01/2018", 400, "The &#39;from&#39; date must look like 2018-06-21"),
        ("/search?q=x&sort=random", 400, "Sort by one of: relevance, newest, oldest."),
        ("/item/000000000000", 404, "There is no agenda item at this address."),
        ("/no/such/page", 404, "There is no page at this address."),
    ],
)
def test_errors_are_plain_sentences(client, url, status, message):
    r = client.get(url)
    html = r.get_data(as_text=True)
    assert r.status_code == status
    assert message in html
    assert "Traceback" not in html


def test_method_not_allowed(client):
    r = client.post("/search?q=x")
    assert r.status_code == 405
    assert "This address does not accept that kind of request." in r.get_data(as_text=True)


def test_query_is_escaped_everywhere(client):
    payload = '<script>alert(1)</script> "precept'
    html = client.get("/search", query_string={"q": payload}).get_data(as_text=True)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_security_headers_on_every_response(client):
    for url in ("/", "/search?q=precept", "/search.json?q=precept", "/nope", "/static/style.css"):
        with client.get(url) as r:
            for name, value in SECURITY_HEADERS.items():
                assert r.headers[name] == value, (url, name)


def test_search_json_matches_the_page(client):
    data = client.get("/search.json?q=county+lines").get_json()
    assert (data["query"], data["total"], data["pages"], data["has_next"]) == ("county lines", 9, 1, False)
    assert (data["complete"], data["partial"], data["words"]) == (8, True, ["county", "lines"])
    assert [(h["words_matched"], h["words_missing"]) for h in data["hits"]][-2:] == [(None, []), (1, ["lines"])]
    hit = data["hits"][0]
    assert (hit["title"], hit["date"], hit["section"], hit["speaker_role"]) == (
        "Police and Crime Plan Delivery", "2019-06-14", "presentation", "chief_constable"
    )
    assert hit["snippet_html"] == (
        "Members received a presentation from the Chief Constable on <mark>county lines</mark> and exploitation."
    )
    assert data["hits"][2]["title_html"] == "Child Exploitation and <mark>County Lines</mark>"
    assert data["hits"][2]["title"] == "Child Exploitation and County Lines"
    assert set(hit) >= {"item_id", "passage_id", "committee", "section", "speaker_role", "item_url", "source_url", "snippet", "more_in_item"}
    assert (data["items"], data["facets"]["committee"]) == (
        3, [{"value": "Vale District Council Cabinet", "label": "Vale District Council Cabinet", "items": 1,
             "selected": False},
            {"value": "Wessex Police and Crime Panel", "label": "Wessex Police and Crime Panel", "items": 2,
             "selected": False}])
    assert data["timeline"]["unit"] == "month" and data["timeline"]["undated_items"] == 0
    full = client.get("/search.json?q=county+lines&per_item=0").get_json()
    assert (full["total"], len(full["hits"]), full["pages"]) == (9, 9, 1)


def test_also_searched_is_shown_for_acronyms(client):
    html = client.get("/search?q=PCC+precept").get_data(as_text=True)
    assert ("Also searched: <strong>PFCC</strong>, <strong>Police and Crime Commissioner</strong>, "
            "<strong>Police, Fire and Crime Commissioner</strong> (for “PCC”).") in html
    assert "Police and Crime Commissioner Precept" in marks(html)  # the long form is highlighted
    data = client.get("/search.json?q=PCC+precept").get_json()
    assert data["also_searched"] == [{"typed": "PCC", "also": [
        "PFCC", "Police and Crime Commissioner", "Police, Fire and Crime Commissioner"]}]
    quoted = client.get('/search.json?q="PCC"+precept').get_json()
    assert quoted["also_searched"] == []  # quoted text is never expanded


def test_related_terms_searched_are_shown(client):
    html = client.get("/search?q=PCC+precept").get_data(as_text=True)
    assert "Related terms searched, counted for less: <strong>council tax</strong>." in html
    data = client.get("/search.json?q=county+lines+precept").get_json()
    assert data["related_searched"] == [{"typed": "county lines", "related": ["drug dealing", "drug supply"]},
                                        {"typed": "precept", "related": ["council tax"]}]
    html = client.get("/search?q=county+lines+precept").get_data(as_text=True)
    assert ("Related terms searched, counted for less: <strong>drug dealing</strong>, <strong>drug supply</strong> "
            "(for “county lines”); <strong>council tax</strong> (for “precept”).") in html
    for q in ('"county lines"', "county+lines&exact=1"):
        assert client.get(f"/search.json?q={q}").get_json()["related_searched"] == []


def test_search_json_errors_are_json(client):
    r = client.get("/search.json")
    assert (r.status_code, r.get_json()) == (
        400, {"error": "Give a query with ?q=… (or a filter such as ?section=resolution).", "status": 400}
    )


def test_item_page_marks_every_match_and_cites(client):
    data = client.get("/search.json?q=county+lines").get_json()
    item_id = data["hits"][0]["item_id"]
    r = client.get(f"/item/{item_id}?q=county+lines")
    html = r.get_data(as_text=True)
    assert r.status_code == 200
    assert marks(html) == ["county lines", "County lines", "county lines"]
    assert "<span>3 of 8 passages match <strong>county lines</strong>:</span>" in html
    assert "Cite as" in html and "https://democracy.wessex.example/mgAi.aspx?ID=202" in html
    item = client.get(f"/item/{item_id}.json").get_json()
    assert item["title"] == "Police and Crime Plan Delivery"
    assert [p["section"] for p in item["passages"]][-1] == "resolution"


def test_pagination_links(client):
    html = client.get("/search?q=county+lines&per_page=2").get_data(as_text=True)
    assert 'href="/search?q=county+lines&amp;per_page=2&amp;page=2" rel="next"' in html
    assert 'aria-current="page" href="/search?q=county+lines&amp;per_page=2">1</a>' in html
    assert 'rel="prev"' not in html
    html = client.get("/search?q=county+lines&per_page=2&page=2").get_data(as_text=True)
    assert 'href="/search?q=county+lines&amp;per_page=2" rel="prev"' in html
    assert 'rel="next"' not in html  # 3 agenda items, two to a page: page 2 is the last


def test_missing_index_is_a_503_with_a_sentence(tmp_path):
    app = create_app({"TESTING": True, "INDEX_DIR": str(tmp_path / "none")})
    r = app.test_client().get("/search?q=x")
    assert r.status_code == 503
    assert "The search index is not ready." in r.get_data(as_text=True)


def test_config_from_environment(monkeypatch, index_dir):
    monkeypatch.setenv("MINUTES_INDEX_DIR", str(index_dir))
    monkeypatch.setenv("MINUTES_PER_PAGE", "3")
    app = create_app({"TESTING": True})
    app.extensions["minutes"].close()
    assert (app.config["INDEX_DIR"], app.config["PER_PAGE"]) == (str(index_dir), 3)


@pytest.mark.parametrize("item_id", ["0a1b2c3d4e5f", "a b/c?d#e%f", "é-ü", "x:y@z", "a+b&c=d", "[x]"])
def test_item_url_is_what_url_for_builds(app, item_id: str) -> None:
    from flask import url_for

    from webui.views import item_url

    with app.test_request_context("/search?q=x", base_url="https://example.org:8443/minutes"):
        assert item_url(item_id) == url_for("search.item", item_id=item_id, _external=True)
        assert item_url(item_id, q="a b") == url_for("search.item", item_id=item_id, q="a b", _external=True)


def test_kept_answers_belong_to_one_index_state(corpus_copy, tmp_path):
    """The server keeps recent answers per index state: a search asked again is not
    evaluated again, and an update is seen by the very next request after the switch."""
    from indexer.build import build_index, update_index

    root = tmp_path / "index"
    build_index(corpus_copy, root)
    app = create_app({"TESTING": True, "INDEX_DIR": str(root)})
    try:
        client = app.test_client()
        engine = app.extensions["minutes"].get()
        url = "/search.json?q=%22hare+coursing%22&per_item=0"
        first = client.get(url).get_json()
        assert (first["total"], first["hits"]) == (0, [])
        kept = engine._current().cache.results
        assert len(kept) == 1
        again = client.get(url).get_json()
        assert again["total"] == 0 and len(kept) == 1  # answered from the kept entry

        plan = corpus_copy / "wessex-pcp" / "2019-06-14-plan-delivery.txt"
        plan.write_text(plan.read_text().replace("Knife crime had fallen", "Hare coursing had fallen"))
        update_index(corpus_copy, root)
        assert engine.refresh() is True  # what a server worker's watcher does within a second
        after = client.get(url).get_json()
        assert after["total"] == 1
        assert [h["snippet_html"].count("<mark>") for h in after["hits"]] == [1]
        assert engine._current().cache.results is not kept
    finally:
        app.extensions["minutes"].close()


def test_no_answers_are_kept_when_the_cache_is_off(index_dir):
    app = create_app({"TESTING": True, "INDEX_DIR": str(index_dir), "RESULT_CACHE_MB": 0})
    try:
        assert app.test_client().get("/search.json?q=precept").status_code == 200
        assert app.extensions["minutes"].get()._current().cache.results is None
    finally:
        app.extensions["minutes"].close()
