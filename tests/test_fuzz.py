"""Property-based fuzzing (hypothesis) of the query parser and the web endpoints: any
query gives results or a helpful QueryError, any request a 200 or a 400, never a 500 or
a traceback.

``make test`` runs a few hundred cases of each; ``make stress`` sets
``MINUTES_FUZZ_EXAMPLES`` for thousands (the counts it ran are printed).
"""

from __future__ import annotations

import os
import urllib.parse

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indexer.errors import QueryError
from indexer.query import parse_query
from indexer.search import SearchRequest

pytestmark = pytest.mark.fuzz

EXAMPLES = int(os.environ.get("MINUTES_FUZZ_EXAMPLES", "200"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

# Words the test index holds, the query language's own syntax, and the odd characters
# people paste into search boxes.
WORDS = ["police", "precept", "crime", "county", "lines", "knife", "cuckooing", "road", "safety", "panel",
         "commissioner", "the", "and", "of", "a", "zebra", "2019", "101", "Chief", "Constable"]
SYNTAX = ['"', "(", ")", "-", "+", "*", "?", ":", "..", "OR", "AND", "NOT", "or", "not", "~", "^", "\\", "/",
          "'", "section:", "speaker:", "committee:", "date:", "before:", "after:", "title:", "name:", "item:",
          "section:resolution", "speaker:pcc", "date:2018..2019", "date:2018-06", "after:2099", "date:0000",
          "date:2019-13", "\u00a0", "\u200b", "\x00", "é", "ß", "İ", "ﬁ", "𝔭𝔬𝔩𝔦𝔠𝔢", "٣", "<script>", "&amp;", "%"]
token = st.one_of(st.sampled_from(WORDS), st.sampled_from(SYNTAX), st.text(max_size=12))
query = st.one_of(
    st.lists(token, max_size=14).map(" ".join),
    st.lists(token, max_size=8).map("".join),
    st.text(max_size=200),
)

COUNTS = {"parser": 0, "web": 0}


@pytest.fixture(scope="module")
def built_item(engine) -> str:
    return engine.search(SearchRequest(q="police")).hits[0].item_id


@FUZZ
@given(query)
def test_any_query_parses_or_says_why_not(q):
    COUNTS["parser"] += 1
    try:
        parsed = parse_query(q)
    except QueryError as exc:
        assert str(exc) and "Traceback" not in str(exc)
        return
    assert isinstance(parsed.words, tuple)


ARGS = {
    "section": st.one_of(st.sampled_from(["", "resolution", "questions", "summary", "nope"]), st.text(max_size=10)),
    "speaker": st.one_of(st.sampled_from(["", "pcc", "chief_constable", "chair", "x"]), st.text(max_size=10)),
    "committee": st.one_of(st.sampled_from(["", "Wessex Police and Crime Panel"]), st.text(max_size=20)),
    "from": st.one_of(st.sampled_from(["", "2018-01-01", "2019-02-30", "1-1-1", "9999-12-31"]), st.text(max_size=12)),
    "to": st.one_of(st.sampled_from(["", "2020-12-31", "0001-01-01"]), st.text(max_size=12)),
    "sort": st.one_of(st.sampled_from(["relevance", "newest", "oldest", "", "sideways"]), st.text(max_size=8)),
    "page": st.one_of(st.integers(-5, 10**12).map(str), st.text(max_size=6)),
    "per_page": st.one_of(st.integers(-5, 10**6).map(str), st.text(max_size=6)),
    "per_item": st.one_of(st.integers(-5, 1000).map(str), st.text(max_size=6)),
    "hide_procedural": st.sampled_from(["", "1", "on", "true", "0"]),
}
request_args = st.fixed_dictionaries({"q": query}, optional=ARGS)
path = st.sampled_from(["/search", "/search.json", "/item/{}", "/item/{}.json", "/", "/help"])
item_id = st.one_of(st.just("ITEM"), st.text(max_size=16), st.sampled_from(["", "..", "%2e%2e", "0" * 12]))


@FUZZ
@given(path, request_args, item_id)
def test_every_request_gets_a_200_or_a_400(client, built_item, path, args, item):
    COUNTS["web"] += 1
    target = path.format(urllib.parse.quote(built_item if item == "ITEM" else item, safe=""))
    # (an untidy search address is redirected to its tidy form first: follow it)
    response = client.get(target + "?" + urllib.parse.urlencode(args), follow_redirects=True)
    expected = {200, 400} if not path.startswith("/item/") else {200, 400, 404}
    assert response.status_code in expected, (target, args, response.status_code, response.data[:300])
    assert b"Traceback" not in response.data


def test_report_fuzz_counts(capsys):
    with capsys.disabled():
        print(f"\nfuzz cases run: parser {COUNTS['parser']}, web {COUNTS['web']}")
