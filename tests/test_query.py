"""The query language: what each query means, and the advice a malformed one gets."""

import pytest

from indexer.errors import QueryError
from indexer.query import MAX_QUERY_CHARS, date_filter, parse_query
from indexer.synonyms import build_synonyms


@pytest.mark.parametrize(
    ("q", "terms", "phrases", "prefixes", "ignored", "words"),
    [
        ("county lines", {"counti", "line"}, (), (), (), ("county", "lines")),
        ('"modern slavery" -fraud', set(), ((("modern", 0), ("slaveri", 1)),), (), (), ('"modern slavery"',)),
        ('"police and crime plan"', set(), ((("polic", 0), ("crime", 2), ("plan", 3)),), (), (),
         ('"police and crime plan"',)),  # the stop word leaves a gap, as in the index
        ("Police and Crime Plan 2016-2021", {"polic", "crime", "plan"}, ((("2016", 0), ("2021", 1)),), (), ("and",),
         ("Police", "Crime", "Plan", "2016-2021")),
        ("polic* section:decision", set(), (), ("polic",), (), ("polic*",)),
        ("how can residents ask the panel a question", {"resid", "ask", "panel", "question"}, (), (),
         ("how", "can", "the", "a"), ("residents", "ask", "panel", "question")),
        ("“modern slavery”", set(), ((("modern", 0), ("slaveri", 1)),), (), (), ('"modern slavery"',)),
    ],
)
def test_what_gets_highlighted(q, terms, phrases, prefixes, ignored, words):
    p = parse_query(q)
    assert (set(p.terms), p.phrases, p.prefixes, p.ignored, p.words) == (terms, phrases, prefixes, ignored, words)


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("speaker:pcc", "speaker:commissioner"),
        ('speaker:"Chief Constable"', "speaker:chief_constable"),
        ("role:chairman", "speaker:chair"),
        ("section:decision", "section:resolution"),
        ("section:Questions", "section:questions"),
        ("item:9.", "item_key:9"),
        ("item:FC1/22", "item_key:fc1/22"),
        ("speaker:(pcc OR chief_constable)", "(speaker:commissioner OR speaker:chief_constable)"),
        ("title:precept", "title:precept"),
        ('title:"crime plan"', 'title:"crime plan"'),  # titles are phrases too
        ('committee:"Surrey Police"', 'committee:"surrey polic"'),
        ("name:Warwick", "speaker_name:warwick"),
        # plain words search the passage and its item title (combined)
        ("knife OR gun", "(combined(text:knife) OR combined(text:gun))"),
        ("precept NOT fire", "(combined(text:precept) AND NOT combined(text:fire))"),
        ("county lines", "(combined(text:counti) AND combined(text:line))"),
        ('"modern slavery" 2016-2021', '(combined(text:"modern slaveri") AND combined(text:"2016 2021"))'),
        ("police title:plan", "(combined(text:polic) AND title:plan)"),
        ("polic*", "combined(text:polic*)"),
        ("chairman", "combined(text:chair)"),  # chairman, chairperson, chair: one word
        # a hyphenated word also finds it written solid (the index holds both for it)
        ("co-operation", 'combined(synonym(text:"co oper" | text:cooper))'),
        ("call-in", "combined(text:call)"),  # "in" is a stop word: "call" finds "callin" too
        ("2016-2021", 'combined(text:"2016 2021")'),  # numbers are never joined
    ],
)
def test_compiled_query(q, expected):
    assert str(parse_query(q).query) == expected


def test_filters_only_query_has_no_text():
    p = parse_query("speaker:commissioner section:resolution")
    assert (p.has_text, p.concepts) == (False, ())
    assert str(p.query) == str(p.filters) == "(speaker:commissioner AND section:resolution)"


@pytest.mark.parametrize(
    ("q", "concepts", "filters"),
    [
        # each word, phrase or alternative is a concept; filters and exclusions are not
        ("speaker:commissioner county lines", [("county", False), ("lines", False)], "speaker:commissioner"),
        ('"modern slavery" -fraud', [('"modern slavery"', False)], "NOT combined(text:fraud)"),
        ("(knife OR gun) crime", [("knife OR gun", False), ("crime", False)], None),
        ("knife OR gun", [("knife OR gun", False)], None),
        ("police title:plan", [("police", False)], "title:plan"),
        # an explicit AND or a + makes words required
        ("county AND lines exploitation", [("county", True), ("lines", True), ("exploitation", False)], None),
        ("+precept reserves", [("precept", True), ("reserves", False)], None),
        ("precept +(reserves OR savings)", [("precept", False), ("reserves OR savings", True)], None),
        ("speaker:(pcc OR chief_constable) precept", [("precept", False)],
         "(speaker:commissioner OR speaker:chief_constable)"),
        ("the precept", [("precept", False)], None),  # stop words are no concepts
    ],
)
def test_concepts_and_filters(q, concepts, filters):
    p = parse_query(q)
    assert [(c.label, c.required) for c in p.concepts] == concepts
    assert p.words == tuple(label for label, _ in concepts)
    assert (str(p.filters) if p.filters is not None else None) == filters


def test_question_words_are_searched_but_weak():
    p = parse_query("how much will the precept rise")
    assert [(c.label, c.weak) for c in p.concepts] == [("much", True), ("precept", False), ("rise", False)]
    assert p.ignored == ("how", "will", "the")
    assert [c.weak for c in parse_query("+much precept").concepts] == [False, False]  # required: not weak
    # every passage of minutes is from a meeting: the word says nothing about which
    assert [(c.label, c.weak) for c in parse_query("speak at planning meetings").concepts] == [
        ("speak", False), ("planning", False), ("meetings", True)]
    assert [c.weak for c in parse_query('"council meeting"').concepts] == [False]  # a phrase: not weak
    # prepositions relate concepts; "against" names what a vote or decision was against
    assert [(c.label, c.weak) for c in parse_query("police cope during the lockdown").concepts] == [
        ("police", False), ("cope", False), ("during", True), ("lockdown", False)]
    assert [(c.label, c.weak) for c in parse_query("after the fire before approval").concepts] == [
        ("after", True), ("fire", False), ("before", True), ("approval", False)]
    assert [(c.label, c.weak) for c in parse_query("decision against recommendation").concepts] == [
        ("decision", False), ("against", False), ("recommendation", False)]


def test_proximity_terms_of_each_concept():
    p = parse_query('county lines "modern slavery" polic*')
    assert [c.terms for c in p.concepts] == [("counti",), ("line",), ("modern",), ()]


@pytest.mark.parametrize(
    ("value", "start", "end"),
    [
        ("2018", 20180101, 20181231),
        ("2018-02", 20180201, 20180228),
        ("2020-02", 20200201, 20200229),
        ("2018-12", 20181201, 20181231),
        ("2018-01-26", 20180126, 20180126),
        ("2016..2018", 20160101, 20181231),
        ("2019..", 20190101, None),
        ("..2018-06", None, 20180630),
    ],
)
def test_date_filter(value, start, end):
    q = date_filter("date", value)
    assert (q.fieldname, q.start, q.end) == ("date", start, end)


def test_before_and_after_are_exclusive_of_the_period():
    assert (date_filter("before", "2019").start, date_filter("before", "2019").end) == (None, 20181231)
    assert (date_filter("after", "2018-06").start, date_filter("after", "2018-06").end) == (20180701, None)


@pytest.mark.parametrize(
    ("q", "message"),
    [
        ('"county lines', 'The quotation mark before "county lines" is never closed: add a closing " to search for the phrase.'),
        ("foo:bar", 'There is no filter called "foo:". Filters you can use: section:, speaker:, committee:, date:, before:, after:, title:, name:, item:, exact:'),
        ("speaker:", 'The filter "speaker:" needs a value, as in: speaker:commissioner'),
        ("section:nope", 'There is no section "nope". Sections: summary, presentation, questions, discussion, resolution, procedural.'),
        ("speaker:wizard", 'There is no speaker role "wizard". Roles: commissioner, deputy_commissioner, chief_constable, police_officer, chief_executive, opcc_officer, chair, councillor, members, council_officer, public, other.'),
        ("date:2018-13", '"2018-13" is not a real date (month must be in 1..12).'),
        ("date:last-week", '"last-week" is not a date. Dates look like 2018, 2018-06 or 2018-06-21; ranges like date:2016..2018.'),
        ("date:2019..2018", "The date range starts (2019-01-01) after it ends (2018-12-31)."),
        ("date:..", "Give at least one end of the date range, as in: date:2016..2018"),
        ("knife OR", "OR needs something to search for on both sides, as in: knife OR gun"),
        ("OR knife", "OR needs something to search for on both sides, as in: knife OR gun"),
        ("(knife OR gun", 'A parenthesis "(" is never closed: add ")" after the grouped words.'),
        ("knife) gun", 'There is a closing parenthesis ")" without an opening one; remove it or add "(".'),
        ("()", "Empty parentheses: put words inside them, as in: (knife OR gun) crime"),
        ("-police", "The search only says what to leave out; add a word or filter to look for."),
        ("precept NOT", '"NOT" must be followed by what to leave out, as in: -firearms'),
        ("the of", "Every word in this search is too common to search for on its own (the, of); add a more specific word."),
        ("*ing", "Put * only at the end of a word of at least 3 letters, as in: polic* (finds police, policing)."),
        ("po*", "Put * only at the end of a word of at least 3 letters, as in: polic* (finds police, policing)."),
        ("x" * (MAX_QUERY_CHARS + 1), f"The search is too long ({MAX_QUERY_CHARS + 1} characters); keep it under {MAX_QUERY_CHARS}."),
        (" ".join(["w"] * 41), "The search has too many parts (41); use at most 40."),
        ("+OR precept", '"+" must be followed by a word that must match, as in: +precept'),
    ],
)
def test_malformed_queries_get_advice(q, message):
    with pytest.raises(QueryError) as exc:
        parse_query(q)
    assert str(exc.value) == message


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        # text pasted from minutes and URLs are words, not filters
        ("Note: precept", "(combined(text:note) AND combined(text:precept))"),
        ("10:30", 'combined(text:"10 30")'),
        ("https://democracy.example.gov.uk/", 'combined(text:"https democraci exampl gov uk")'),
        ("C++ precept", "(combined(text:c) AND combined(text:precept))"),  # a + inside a word is no operator
    ],
)
def test_lenient_inputs(q, expected):
    assert str(parse_query(q).query) == expected


def test_empty_query_is_not_an_error():
    p = parse_query("   ")
    assert (p.query, p.has_text) == (None, False)


def test_committee_words_resolve_against_the_index_names():
    from indexer.query import analysed_name, resolve_committees

    names = {n: analysed_name(n) for n in ("Surrey Police and Crime Panel", "Surrey County Council Cabinet",
                                           "Hampshire Police and Crime Panel")}
    resolve = lambda q: str(resolve_committees(parse_query(q).query, names))  # noqa: E731
    assert resolve("committee:surrey") == (
        "(committee_key:Surrey Police and Crime Panel OR committee_key:Surrey County Council Cabinet)"
    )
    assert resolve('committee:"police and crime panel"') == (
        "(committee_key:Surrey Police and Crime Panel OR committee_key:Hampshire Police and Crime Panel)"
    )
    assert resolve('committee:"crime police"') == "<_NullQuery>"  # words must be in order
    assert resolve("precept committee:hampshire") == (
        "(combined(text:precept) AND committee_key:Hampshire Police and Crime Panel)"
    )
