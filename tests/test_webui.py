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
    titles = re.findall(r'<h2 id="h-[^"]+"><a href="[^"]+">(.*?)</a></h2>', html)
    assert titles[0] == "Police and Crime Plan Delivery"
    assert marks(html)[:1] == ["County lines"]
    assert "Wessex Police and Crime Panel" in html and "14 June 2019" in html


def test_partial_match_is_explained(client):
    html = client.get("/search?q=county+lines+toaster").get_data(as_text=True)
    assert "No passage contains all of <strong>county lines toaster</strong>" in html
    assert "matches 2 of 3 words" in html


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
        r = client.get(url)
        for name, value in SECURITY_HEADERS.items():
            assert r.headers[name] == value, (url, name)


def test_search_json_matches_the_page(client):
    data = client.get("/search.json?q=county+lines").get_json()
    assert data["query"] == "county lines"
    assert data["hits"][0]["title"] == "Police and Crime Plan Delivery"
    assert data["hits"][0]["snippet_html"].startswith("<mark>County lines</mark>")
    assert data["hits"][0]["date"] == "2019-06-14"
    assert set(data["hits"][0]) >= {"item_id", "passage_id", "committee", "section", "speaker_role", "url", "snippet"}


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
    assert marks(html) == ["County lines", "county lines"]
    assert "Cite as" in html and "https://democracy.wessex.example/mgAi.aspx?ID=202" in html
    item = client.get(f"/item/{item_id}.json").get_json()
    assert item["title"] == "Police and Crime Plan Delivery"
    assert [p["section"] for p in item["passages"]][-1] == "resolution"


def test_pagination_links(client):
    html = client.get("/search?q=police&per_page=2").get_data(as_text=True)
    assert 'rel="next"' in html
    assert 'aria-current="page" href="/search?q=police&amp;per_page=2">1</a>' in html


def test_missing_index_is_a_503_with_a_sentence(tmp_path):
    app = create_app({"TESTING": True, "INDEX_DIR": str(tmp_path / "none")})
    r = app.test_client().get("/search?q=x")
    assert r.status_code == 503
    assert "The search index is not ready." in r.get_data(as_text=True)


def test_config_from_environment(monkeypatch, index_dir):
    monkeypatch.setenv("MINUTES_INDEX_DIR", str(index_dir))
    monkeypatch.setenv("MINUTES_PER_PAGE", "3")
    app = create_app({"TESTING": True})
    assert (app.config["INDEX_DIR"], app.config["PER_PAGE"]) == (str(index_dir), 3)
