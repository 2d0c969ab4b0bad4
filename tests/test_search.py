"""The search engine over the small test index: ranking, filters, fallback, pages, items."""

from __future__ import annotations

import datetime as dt
import functools

import pytest

from indexer import ranking
from indexer.build import build_index
from indexer.errors import NotFoundError, QueryError
from indexer.search import SearchEngine, SearchRequest
from indexer.snippets import to_text

from .conftest import CORPUS, one_file_index



PRECEPT = "Proposed Police and Crime Commissioner Precept 2018/19"
PLAN = "Police and Crime Plan Delivery"
EXPLOIT = "Child Exploitation and County Lines"
ROADS = "Road Safety Strategy"
APOLOGIES = "Apologies for Absence"


def items(engine, q: str, **kw) -> list[str]:
    """Titles of the hits, in rank order."""
    return [h.title for h in engine.search(SearchRequest(q=q, **kw)).hits]


def texts(engine, q: str, **kw) -> list[str]:
    return [to_text(h.snippet) for h in engine.search(SearchRequest(q=q, **kw)).hits]


# Judged queries: what a resident or researcher should see first.
@pytest.mark.parametrize(
    ("q", "expected"),
    [
        # the passages that discuss county lines first, then the item titled with it (its
        # passages do not say it), then a passage with only "county"; one card per item,
        # its best two passages together
        ("county lines", [PLAN, PLAN, EXPLOIT, EXPLOIT, ROADS]),
        # both say it; the strategy's passage has the words nearer together
        ("speed cameras on the A31", [ROADS, PRECEPT]),
        ('"modern slavery"', [PLAN]),
        # "rural crime" itself first; then items with one of the words (committee names
        # are not searched: "crime" in "Police and Crime Panel" does not count)
        ("rural crime", [PLAN, PLAN, ROADS, PRECEPT, PRECEPT, EXPLOIT]),
        ("precept", [PRECEPT, PRECEPT]),
        ("speaker:chief_constable county lines", [PLAN, PLAN, EXPLOIT, EXPLOIT]),
    ],
)
def test_judged_rankings(engine, q, expected):
    assert items(engine, q) == expected


def test_best_passage_of_an_item_comes_first_and_two_per_item(engine):
    result = engine.search(SearchRequest(q="county lines"))
    assert [to_text(h.snippet) for h in result.hits[:3]] == [
        "Members received a presentation from the Chief Constable on county lines and exploitation.",
        "County lines gangs were exploiting children from the cities to sell drugs in market towns.",
        # an item matched by its title alone shows its opening
        "To receive a report from the Chief Constable on child exploitation.",
    ]
    # one card per item: its passages share its rank; "more" is on the card's last passage
    assert [h.rank for h in result.hits] == [1, 1, 2, 2, 3]
    assert [[h.passage_id for h in card] for card in result.cards] == [
        [h.passage_id for h in result.hits[:2]], [h.passage_id for h in result.hits[2:4]], [result.hits[4].passage_id]]
    assert [h.more_in_item for h in result.hits] == [0, 1, 0, 3, 0]  # 3 + 5 + 1 matches, 2 + 2 + 1 shown
    assert (result.items, result.total, result.pages) == (3, 9, 1)


def test_pages_hold_whole_items(engine):
    """An item's card is on one page only, and every matching item is on some page."""
    pages = [engine.search(SearchRequest(q="police OR exploitation", per_page=1, page=p)) for p in range(1, 5)]
    cards = [[h.item_id for h in card] for r in pages for card in r.cards]
    assert [len(r.cards) for r in pages] == [1, 1, 1, 0]
    assert all(len(set(c)) == 1 for c in cards)
    assert len({c[0] for c in cards}) == len(cards) == pages[0].items == 3
    assert [r.has_next for r in pages] == [True, True, False, False]


def test_without_collapsing_every_passage_is_listed(engine):
    collapsed = engine.search(SearchRequest(q="county lines"))
    full = engine.search(SearchRequest(q="county lines", per_item=0))
    assert full.total == collapsed.total == 9
    assert full.complete == collapsed.complete == 8  # with both words (in the passage or its title)
    assert (len(collapsed.hits), len(full.hits)) == (5, 9)
    assert (collapsed.pages, full.pages) == (1, 1)
    assert [h.more_in_item for h in full.hits] == [0] * 9


@pytest.mark.parametrize(
    ("request_kw", "titles"),
    [
        ({"q": "section:resolution"}, [EXPLOIT, ROADS, PLAN, PRECEPT]),  # filters only: newest first
        ({"q": "", "section": "resolution", "sort": "oldest"}, [PRECEPT, PLAN, ROADS, EXPLOIT]),
        ({"q": "date:2019 exploiting"}, [PLAN, PLAN]),  # stemmed: "exploitation" too
        ({"q": "exploiting", "date_from": dt.date(2020, 1, 1)}, [EXPLOIT, EXPLOIT]),
        ({"q": "exploiting", "date_to": dt.date(2019, 6, 13)}, []),
        ({"q": "committee:vale cameras"}, [ROADS]),
        ({"q": "cameras", "committee": "Vale District Council Cabinet"}, [ROADS]),
        ({"q": "item:2 section:resolution"}, [EXPLOIT]),
        ({"q": "title:precept section:resolution"}, [PRECEPT]),
        ({"q": "apologies"}, [APOLOGIES]),
        ({"q": "apologies precept"}, [APOLOGIES, PRECEPT, PRECEPT]),  # procedural items rank on merit
        ({"q": "apologies", "hide_procedural": True}, []),
        ({"q": "speaker:councillor"}, [ROADS, ROADS]),
        ({"q": "name:birch"}, [ROADS, ROADS]),
        ({"q": "cameras -precept"}, [ROADS]),
        ({"q": "(slavery OR cuckooing) vulnerable"}, [EXPLOIT, PLAN]),
    ],
)
def test_filters(engine, request_kw, titles):
    assert items(engine, **request_kw) == titles


def test_partial_matches_fill_the_page_after_full_ones(engine):
    result = engine.search(SearchRequest(q="county lines toaster"))
    assert result.partial is True and result.complete == 0
    assert [h.words_matched for h in result.hits] == [2, 2, 2, 2, 1]
    assert [h.words_missing for h in result.hits] == [("toaster",)] * 4 + [("lines", "toaster")]
    assert result.words == ("county", "lines", "toaster")
    full = engine.search(SearchRequest(q="county lines"))
    assert [h.words_matched for h in full.hits] == [None, None, None, None, 1]  # full matches first
    assert full.partial is True
    assert engine.search(SearchRequest(q='"county lines"')).partial is False


def test_explicit_and_or_plus_is_strict(engine):
    assert engine.search(SearchRequest(q="county AND lines AND toaster")).total == 0
    assert engine.search(SearchRequest(q="+toaster county lines")).total == 0
    strict = engine.search(SearchRequest(q="county AND lines"))
    assert (strict.total, strict.complete, strict.partial) == (8, 8, False)
    # required words must match; the others still rank
    plus = engine.search(SearchRequest(q="+cameras speed toaster"))
    assert [h.title for h in plus.hits] == [ROADS, PRECEPT] and plus.total == 2


def test_partial_matching_never_relaxes_filters(engine):
    result = engine.search(SearchRequest(q="toaster zebra", section="resolution"))
    assert (result.total, result.partial) == (0, False)
    result = engine.search(SearchRequest(q="county lines cuckooing", section="resolution"))
    assert {h.section for h in result.hits} == {"resolution"}


def test_question_words_are_ignored_and_reported(engine):
    result = engine.search(SearchRequest(q="how did the reserves fall"))
    assert result.ignored == ("how", "did", "the")
    assert [to_text(h.snippet) for h in result.hits] == ["Reserves would fall to 3% of the budget by 2021."]


def test_sorting_by_date(engine):
    newest = engine.search(SearchRequest(q="police", sort="newest", per_item=1))
    oldest = engine.search(SearchRequest(q="police", sort="oldest", per_item=1))
    # the committee name ("Wessex Police and Crime Panel") is not searched: items that say "police"
    assert [(h.date.isoformat(), h.title) for h in newest.hits] == [("2019-06-14", PLAN), ("2018-02-02", PRECEPT)]
    assert [(h.date.isoformat(), h.title) for h in oldest.hits] == [("2018-02-02", PRECEPT), ("2019-06-14", PLAN)]


def test_pagination(engine):
    first = engine.search(SearchRequest(q="police", per_item=0, per_page=5))
    second = engine.search(SearchRequest(q="police", per_item=0, per_page=5, page=2))
    assert first.pages == -(-first.total // 5)
    assert [h.rank for h in second.hits] == [6, 7, 8, 9, 10]
    assert not {h.passage_id for h in first.hits} & {h.passage_id for h in second.hits}
    past = engine.search(SearchRequest(q="police", per_item=0, per_page=5, page=first.pages + 1))
    assert (past.hits, past.total, past.has_next) == ((), first.total, False)
    grouped = [engine.search(SearchRequest(q="police OR exploitation", per_page=2, page=p)) for p in (1, 2, 3)]
    # grouped: pages of agenda items (3 items, 2 to a page), each with up to two passages
    assert [(len(g.cards), len(g.hits), g.has_next, g.pages) for g in grouped] == [
        (2, 4, True, 2), (1, 2, False, 2), (0, 0, False, 2)]


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        ({"sort": "random"}, "Sort by one of: relevance, newest, oldest."),
        ({"page": 0}, "Page numbers run from 1 to 1000."),
        ({"per_page": 500}, "Show between 1 and 100 results per page."),
        ({"date_from": dt.date(2020, 1, 1), "date_to": dt.date(2019, 1, 1)},
         "The date range starts (2020-01-01) after it ends (2019-01-01)."),
        ({"section": "nonsense"}, 'There is no section "nonsense". Sections: summary, presentation, questions, '
                                   "discussion, resolution, procedural."),
    ],
)
def test_bad_requests(engine, kw, message):
    with pytest.raises(QueryError) as exc:
        engine.search(SearchRequest(q="police", **kw))
    assert str(exc.value) == message


def test_empty_request_returns_nothing(engine):
    result = engine.search(SearchRequest())
    assert (result.total, result.hits) == (0, ())


def test_item_view_marks_every_match(engine):
    hit = engine.search(SearchRequest(q="county lines", speaker="chief_constable")).hits[0]
    view = engine.item(hit.item_id, "county lines")
    assert (view.title, view.committee, view.date, view.item_number) == (PLAN, "Wessex Police and Crime Panel",
                                                                         dt.date(2019, 6, 14), None)
    assert view.url == "https://democracy.wessex.example/mgAi.aspx?ID=202"
    marked = [t for p in view.passages for t, m in p.text if m]
    assert marked == ["county lines", "County lines", "county lines"]
    assert view.matches == 3
    assert [p.section for p in view.passages][0] == "summary"


def test_item_siblings_are_the_meeting_agenda(engine):
    hit = engine.search(SearchRequest(q="cuckooing")).hits[0]
    siblings = engine.item(hit.item_id).siblings
    assert [(r.number, r.title) for r in siblings] == [("1", APOLOGIES), ("2", EXPLOIT)]  # the real item numbers


def test_unknown_item(engine):
    with pytest.raises(NotFoundError):
        engine.item("nope")


def test_committees_facet(engine):
    assert [name for name, _ in engine.committees()] == ["Vale District Council Cabinet", "Wessex Police and Crime Panel"]


def _engine_then_rebuild(tmp_path, request) -> tuple[SearchEngine, str]:
    """An engine on a fresh index, and the generation it opened, after a second build."""
    root = tmp_path / "index"
    build_index(CORPUS, root)
    engine = SearchEngine(root)
    request.addfinalizer(engine.close)
    first = engine.info["generation"]
    build_index(CORPUS, root)
    return engine, first


def test_engine_picks_up_a_new_build(tmp_path, monkeypatch, request):
    engine, first = _engine_then_rebuild(tmp_path, request)
    assert engine.info["generation"] == first  # until it looks again
    assert engine.refresh() is True
    assert engine.info["generation"] != first
    assert engine.refresh() is False
    assert engine.search(SearchRequest(q="cuckooing")).total == 1


def test_a_new_build_scores_the_common_words_again_once_live(tmp_path, monkeypatch, request):
    import time

    import indexer.executor as executor

    monkeypatch.setattr(executor, "CACHE_SCORED_MIN", 1)  # the test corpus is small
    root = tmp_path / "index"
    build_index(CORPUS, root)
    engine = SearchEngine(root)
    request.addfinalizer(engine.close)
    before = engine.search(SearchRequest(q="police budget"))
    assert engine._live.arrays.scored_count() == 2
    build_index(CORPUS, root)
    assert engine.refresh() is True
    deadline = time.monotonic() + 10
    while engine._live.arrays.scored_count() < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert engine._live.arrays.scored_count() == 2  # scored again in the background
    after = engine.search(SearchRequest(q="police budget"))
    assert [(h.passage_id, h.score) for h in after.hits] == [(h.passage_id, h.score) for h in before.hits]


@pytest.mark.parametrize("sort", ["relevance", "newest", "oldest"])
@pytest.mark.parametrize("per_item", [0, 1, 2])
def test_windowed_ranking_gives_the_same_pages(engine, monkeypatch, sort, per_item):
    def pages(q: str) -> list[tuple]:
        out = []
        for page in range(1, 8):
            r = engine.search(SearchRequest(q=q, sort=sort, per_item=per_item, per_page=2, page=page))
            out.append((r.total, r.pages, r.has_next, [(h.passage_id, h.more_in_item) for h in r.hits]))
        return out

    queries = ["police", "county lines", "section:resolution", "exploit*"]
    full = [pages(q) for q in queries]
    monkeypatch.setattr("indexer.search.MIN_WINDOW", 1)  # sort only the best few, widening as needed
    assert [pages(q) for q in queries] == full


def test_a_new_build_is_opened_in_the_background(tmp_path, monkeypatch, request):
    import time as _time

    engine, first = _engine_then_rebuild(tmp_path, request)
    monkeypatch.setattr("indexer.search.RECHECK_SECONDS", 0.0)
    assert engine.search(SearchRequest(q="cuckooing")).total == 1  # served while the new one opens
    deadline = _time.monotonic() + 10
    while engine.info["generation"] == first and _time.monotonic() < deadline:
        _time.sleep(0.02)
    assert engine.info["generation"] != first


def test_reopen_after_fork_keeps_arrays_but_not_files(engine):
    before = engine._current()
    engine.reopen()
    after = engine._current()
    assert after.arrays is before.arrays and after is not before
    assert after.idle and not before.idle  # fresh searchers; the inherited ones closed
    assert engine.search(SearchRequest(q="cuckooing")).total == 1


def test_a_stop_word_inside_a_phrase_counts_as_a_word(tmp_path):
    """Stop words keep their place: "crime commissioner said" is not found in "rural
    crime, the Commissioner said", and "police and crime panel" needs its gap filled."""
    index = one_file_index(
        tmp_path,
        "1. Rural crime\n\n"
        "Asked about rural crime, the Commissioner said that patrols had doubled.\n\n"
        "The Crime Commissioner said that the police and crime panel would be told.\n\n"
        "A member asked whether the Police or Crime Panel had met.\n\n"
        "Police crime panel notes were circulated.\n",
    )
    with SearchEngine(index) as engine:
        def bodies(q: str) -> list[str]:
            page = engine.search(SearchRequest(q=q, per_item=0))
            return sorted("".join(text for text, _ in h.snippet)[:20] for h in page.hits)

        assert bodies('"crime commissioner said"') == ["The Crime Commission"]
        assert bodies('"police and crime panel"') == ["A member asked wheth", "The Crime Commission"]
        assert bodies('"police crime panel"') == ["Police crime panel n"]


def _ranked(engine, q: str) -> list[tuple[str, str, float]]:
    """The default page's hits: title, section and score (to 3 places)."""
    return [(h.title, h.section, round(h.score, 3)) for h in engine.search(SearchRequest(q=q)).hits]


def test_a_decision_query_prefers_the_resolutions(engine, monkeypatch):
    # "approved" asks about a decision: the passages of the resolution section gain
    # ranking.RESOLUTION_PRIOR, so an item whose resolution matches shows it first.
    ranked = functools.partial(_ranked, engine)

    with_prior = ranked("precept approved")
    monkeypatch.setattr(ranking, "RESOLUTION_PRIOR", 0.0)
    without = ranked("precept approved")
    # (the road safety resolution, "That the road safety strategy be approved.", is a short
    # fragment: it takes ranking.SHORT_PASSAGE_PRIOR, and the precept item comes first)
    assert [(t, s) for t, s, _ in with_prior] == [(PRECEPT, "resolution"), (PRECEPT, "summary"),
                                                   (ROADS, "resolution")]
    assert [(t, s) for t, s, _ in without] == [(PRECEPT, "summary"), (PRECEPT, "questions"), (ROADS, "resolution")]
    assert round(with_prior[2][2] - without[2][2], 3) == 3.0
    # no decision word, no prior
    # (a keyword query: its rarity is the IDF over items, times ranking.KEYWORD_RARITY; the
    # item's "council tax", precept's related term, adds glossary.RELATED_WEIGHT of its
    # occurrences: 100011.23 without it)
    assert ranked("precept agreement") == [(PRECEPT, "summary", 100011.346), (PRECEPT, "questions", 100011.346)]


def test_a_hyphenated_word_finds_it_written_solid_and_spaced(tmp_path):
    index = one_file_index(
        tmp_path,
        "1. Partners\n\n"
        "Cooperation with the fire service had improved.\n\n"
        "Co-operation with the health board was discussed.\n\n"
        "The co operation agreement was signed.\n\n"
        "The operation of the depot was reviewed.\n",
    )
    with SearchEngine(index) as engine:
        def bodies(q: str) -> list[str]:
            page = engine.search(SearchRequest(q=q, per_item=0))
            return sorted("".join(text for text, _ in h.snippet)[:16] for h in page.hits)

        solid_hyphened_spaced = ["Co-operation wit", "Cooperation with", "The co operation"]
        assert bodies("co-operation") == solid_hyphened_spaced
        assert bodies("cooperation") == ["Co-operation wit", "Cooperation with"]


def test_procedural_business_takes_the_boilerplate_prior(engine, monkeypatch):
    # The procedural passages of a wholly procedural item (apologies, declarations, the
    # last minutes) score ranking.BOILERPLATE_PRIOR less: a word there is mostly in a name
    # or a formula. The item still matches and is shown.
    ranked = functools.partial(_ranked, engine)

    with_prior = ranked("apologies")
    monkeypatch.setattr(ranking, "BOILERPLATE_PRIOR", 0.0)
    without = ranked("apologies")
    assert [(t, s) for t, s, _ in with_prior] == [(t, s) for t, s, _ in without] == [(APOLOGIES, "procedural")]
    assert round(without[0][2] - with_prior[0][2], 3) == 1.0


def test_a_keyword_query_ranks_partial_matches_by_their_words_rarity_over_items(tmp_path):
    """Among items matching one word of "speeding money", a keyword query puts the item
    about speeding first: "speeding" is in nine passages of one item, "money" once in each
    of three, so it is rarer over items though not over passages. A question with the same
    words keeps the IDF over passages (weight 1): the "money" items first."""
    speed = "".join(
        f"Residents along the main road through the village said that speeding at night was a long standing "
        f"worry for families living near junction number {i} and the shops, the school, the surgery and the "
        f"church, and asked the parish council to write again to the county highways team about signs, "
        f"markings, a crossing by the green and the hedges that hid the bend from drivers coming down the hill "
        f"from the farm towards the river bridge.\n\n" for i in range(9))
    money = "".join(f"{n}. {t}\n\nThe money that had been set aside for the year was noted by members.\n\n"
                    for n, t in enumerate(["Budget monitoring", "Youth grants", "Accounts"], 2))
    other = "".join(f"{n}. Item {n}\n\nReport {n} on the {w} was received.\n\n" for n, w in enumerate(
        ["hall", "roof", "website", "allotments", "footpaths", "shelters", "verges", "lights", "benches", "bins"] * 4, 5))
    index = one_file_index(tmp_path, "1. Average cameras report\n\n" + speed + money + other)
    with SearchEngine(index) as engine:
        def ranked(q: str) -> list[tuple[str, float]]:
            return [(h.title, round(h.score, 3)) for h in engine.search(SearchRequest(q=q, per_item=1)).hits]

        assert ranked("speeding money") == [("Average cameras report", 100019.545), ("Accounts", 100017.578),
                                            ("Budget monitoring", 100017.456), ("Youth grants", 100017.456)]
        assert [t for t, _ in ranked("where does the money from speeding go")] == [
            "Accounts", "Budget monitoring", "Youth grants", "Average cameras report"]


def test_a_short_passage_takes_the_short_passage_prior(tmp_path, monkeypatch):
    """A passage of fewer than ranking.SHORT_PASSAGE words (a line of a list, not its
    item's opening) scores ranking.SHORT_PASSAGE_PRIOR less, so the report about burglary
    comes before the list line that names it; without the prior, BM25 puts the short line
    first."""
    index = one_file_index(
        tmp_path,
        "1. Plan priorities\n\nThe Commissioner listed the priorities of the plan in the order of the survey.\n\n"
        "Priority three: burglary and theft.\n\n"
        "2. Performance report\n\nThe Chief Constable reported that burglary had fallen by a fifth over the "
        "year after patrols were moved to the estates where most break-ins happened.\n\n"
        + "".join(f"{n}. Item {n}\n\nReport {n} on the {w} was received.\n\n" for n, w in enumerate(
            ["hall", "roof", "website", "allotments", "footpaths", "shelters", "verges", "lights"], 3)))
    with SearchEngine(index) as engine:
        def ranked() -> list[tuple[str, float]]:
            return [(h.title, round(h.score, 3)) for h in engine.search(SearchRequest(q="burglary")).hits]

        with_prior = ranked()
        monkeypatch.setattr(ranking, "SHORT_PASSAGE_PRIOR", 0.0)
        without = ranked()
    assert [t for t, _ in with_prior] == ["Performance report", "Plan priorities"]
    assert [t for t, _ in without] == ["Plan priorities", "Performance report"]
    # the short line's item lost exactly the prior; the report's score is unchanged
    assert round(dict(without)["Plan priorities"] - dict(with_prior)["Plan priorities"], 3) == 1.0
    assert dict(without)["Performance report"] == dict(with_prior)["Performance report"]


def test_related_terms_count_for_less_than_the_typed_words(tmp_path):
    """A related term of the field's thesaurus (glossary.RELATED: "online fraud" for
    "cyber crime") is searched as part of the concept, below the words typed; never
    inside quotes or in exact mode."""
    index = one_file_index(
        tmp_path,
        "1. Economic crime\n\n"
        "Cyber crime reported by residents had risen this year.\n\n"
        "Online fraud reported by residents had risen this year.\n\n"
        "2. Roads\n\n"
        "Crime on the roads was discussed with residents this year.\n\n"
        "3. Parks\n\n"
        "The parks were tidied before the summer fete.\n",
    )
    with SearchEngine(index) as engine:
        def found(q: str, exact: bool = False) -> list[tuple[str, float, int | None]]:
            page = engine.search(SearchRequest(q=q, per_item=0, exact=exact))
            return [("".join(text for text, _ in h.snippet)[:12], round(h.score, 3), h.words_matched)
                    for h in page.hits]

        # typed words first; the related term's passage next (each concept counts
        # RELATED_WEIGHT of its coverage weight there, and its occurrences RELATED_WEIGHT
        # of a typed word's); then the passage with one of the two typed words
        assert found("cyber crime") == [("Cyber crime ", 134661.53, None), ("Online fraud", 92330.176, None),
                                        ("Crime on the", 50001.04, 1)]
        page = engine.search(SearchRequest(q="cyber crime"))
        assert page.related == (("cyber crime", ("cybercrime", "online crime", "online fraud", "computer misuse",
                                                 "cyber fraud")),)
        assert page.expanded == ()
        # each way round
        assert found("online fraud") == [("Online fraud", 169317.979, None), ("Cyber crime ", 84659.446, None)]
        # never inside quotes, never in exact mode
        assert found('"cyber crime"') == [("Cyber crime ", 84658.989, None)]
        assert engine.search(SearchRequest(q='"cyber crime"')).related == ()
        assert found("cyber crime", exact=True) == [("Cyber crime ", 149044.938, None), ("Crime on the", 64385.433, 1)]
        assert engine.search(SearchRequest(q="cyber crime", exact=True)).related == ()


def test_a_long_form_word_that_is_a_compound_is_searched(tmp_path):
    """"anti-social" is already a synonym (its phrase and its joined word); the long
    form's acronym joins it as one more alternative, not as a nested synonym."""
    index = one_file_index(
        tmp_path,
        "1. Community safety\n\n"
        "Anti-social behaviour in the town centre had fallen.\n\n"
        "ASB patrols continued at weekends.\n",
    )
    with SearchEngine(index) as engine:
        page = engine.search(SearchRequest(q="anti-social behaviour", per_item=0))
        assert sorted("".join(text for text, _ in h.snippet)[:12] for h in page.hits) == ["ASB patrols ", "Anti-social "]


def test_kept_answers_stay_within_their_byte_limit(index_dir):
    """With ``result_cache_bytes``, whole answers are kept, least recently used going past
    the limit (weighed by their estimated size)."""
    from indexer.search import _result_bytes

    queries = [SearchRequest(q=q) for q in ("police", "county lines", "precept")]
    with SearchEngine(index_dir) as plain:
        weights = [_result_bytes(plain.results(r)) for r in queries]
        assert plain._current().cache.results is None  # the library keeps none by default
    limit = weights[0] + weights[1]
    assert weights[2] > 0 and limit + weights[2] > limit
    with SearchEngine(index_dir, result_cache_bytes=limit) as engine:
        kept = engine._current().cache.results
        first = [engine.results(r) for r in queries[:2]]
        assert [engine.results(r)[0].hits is page.hits for r, (page, _) in zip(queries, first)] == [True, True]
        assert kept.weight == limit and len(kept) == 2
        third, _ = engine.results(queries[2])  # the least recently used (the first) goes
        assert kept.weight <= limit and [k[0].q for k, _ in kept.items()] == ["county lines", "precept"]
        assert engine.results(queries[2])[0].hits is third.hits
        again, _ = engine.results(queries[0])  # evaluated again: equal, not the same objects
        assert again.hits == first[0][0].hits and again.hits is not first[0][0].hits


def test_a_hyphenated_word_with_an_acronym_counts_its_spellings_as_one(tmp_path):
    """"body-worn" is a synonym of its own (the phrase "body worn" or "bodyworn") inside
    the glossary's synonym with "BWV": every spelling counts toward the one concept (this
    query once failed with a server error)."""
    index = one_file_index(
        tmp_path,
        "1. Cameras\n\n"
        "Officers on patrol now wear body-worn video cameras at all times.\n\n"
        "Footage from BWV was reviewed by the panel in private.\n\n"
        "The bodyworn camera trial in the north of the county ended in March.\n",
    )
    with SearchEngine(index) as engine:
        page = engine.search(SearchRequest(q="body-worn video", per_item=0))
        assert (page.total, page.complete) == (3, 2)
        assert sorted(to_text(h.snippet)[:12] for h in page.hits[:2]) == ["Footage from", "Officers on "]
        assert page.hits[2].snippet[1] == ("bodyworn", True)
