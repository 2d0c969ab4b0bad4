"""The analyzer: exact term lists for the text shapes minutes contain."""

import pytest

from indexer.analysis import minutes_analyzer, normalise_word, terms


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # acronyms, plurals of acronyms
        ("GDPR and the ICVs", ["gdpr", "icv"]),
        ("the OPCC’s CSPs", ["opcc", "csp"]),
        # hyphenated and numeric tokens stay searchable; stop words go, numbers stay
        ("Police and Crime Plan 2016-2021 (see Item 9 in the Minute Book)",
         ["polic", "crime", "plan", "2016", "2021", "see", "item", "9", "minut", "book"]),
        ("2016–2021", ["2016", "2021"]),  # en dash
        ("minute 39/20", ["minut", "39", "20"]),
        # possessives with straight and curly apostrophes, and NBSP as a space
        ("the Panel’s Rural Crime", ["panel", "rural", "crime"]),
        ("the Panel's rural\u00a0crime", ["panel", "rural", "crime"]),
        ("Members’ questions", ["member", "question"]),
        ("don't O'Brien", ["dont", "obrien"]),
        # decimals and thousands separators
        ("£1,000.50 and 1.5%", ["1000.50", "1.5"]),
        # ligatures and accents fold
        ("ﬁnance Zoë", ["financ", "zoe"]),
        # Snowball, not Porter: "planning" → "plan"
        ("planning councillors residents", ["plan", "councillor", "resid"]),
        # question words residents type are dropped
        ("How can residents ask the panel a question?", ["resid", "ask", "panel", "question"]),
        ("A31 speed cameras", ["a31", "speed", "camera"]),
        ("", []),
        ("• · –", []),
    ],
)
def test_query_terms(text, expected):
    assert terms(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # at index time an alphabetic compound is also indexed joined
        ("co-opted e-mail", ["co", "opt", "coopt", "e", "mail", "email"]),
        # but numbers and slashes are not joined
        ("2016-2021 and/or", ["2016", "2021"]),
    ],
)
def test_index_terms(text, expected):
    assert terms(text, mode="index") == expected


def test_stop_words_keep_their_positions_and_compounds_share_one():
    tokens = [(t.text, t.pos, t.startchar, t.endchar)
              for t in minutes_analyzer()("send an e-mail to the PCC", positions=True, chars=True, mode="index")]
    assert tokens == [
        ("send", 0, 0, 4),
        ("e", 2, 8, 9),  # "an" was 1
        ("mail", 3, 10, 14),
        ("email", 3, 8, 14),
        ("pcc", 6, 22, 25),  # "to" and "the" were 4 and 5
    ]


def test_stopped_tokens_kept_for_highlighting_when_asked():
    tokens = [(t.text, t.stopped) for t in minutes_analyzer()("the precept", removestops=False)]
    assert tokens == [("the", True), ("precept", False)]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("Panel’s", "panel"), ("ICVs", "icv"), ("PCCs", "pcc"), ("Cllrs", "cllrs"), ("Zoë", "zoe"), ("1,000", "1000"), ("ＧＤＰＲ", "gdpr")],
)
def test_normalise_word(raw, expected):
    assert normalise_word(raw) == expected


def test_analyzer_pickles():
    import pickle

    a = minutes_analyzer()
    b = pickle.loads(pickle.dumps(a))
    assert [t.text for t in b("Restorative Justice")] == ["restor", "justic"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Snowball gives "divers" to all three; the override keeps the schemes apart
        ("youth diversion diversions diversity diverse",
         ["youth", "diversion", "diversion", "divers", "divers"]),
        ("car parking in the parks", ["car", "parking", "park"]),
        ("gifts and hospitality at the hospital", ["gift", "hospitality", "hospit"]),
        ("Conservative group conservation area", ["conservative", "group", "conserv", "area"]),
        ("informal briefing information", ["informal", "brief", "inform"]),
        ("university universal credit", ["university", "univers", "credit"]),
        ("the Authority's report author", ["authority", "report", "author"]),
        ("response times responsibility", ["respons", "time", "responsibility"]),
        # SAME_WORDS first, then the stemmer: unchanged words keep Snowball's stem
        ("Chairman planning", ["chair", "plan"]),
    ],
)
def test_stemmer_overrides(text, expected):
    assert terms(text) == expected
    assert terms(text, mode="index") == expected


def test_every_override_stem_is_its_own():
    """No override stem is a stem Snowball gives any word of its group, nor another
    group's: each group is a term of its own."""
    from nltk.stem.snowball import SnowballStemmer

    from indexer.analysis import STEM_OVERRIDES

    stemmer = SnowballStemmer("english")
    assert not {stemmer.stem(w) for w in STEM_OVERRIDES} & set(STEM_OVERRIDES.values())


def test_an_override_keeps_distinct_words_apart_in_a_real_index(tmp_path):
    from indexer.search import SearchEngine, SearchRequest

    from .conftest import one_file_index

    index = one_file_index(
        tmp_path,
        "1. Youth justice\n\n"
        "The youth diversion scheme kept first-time offenders out of court.\n\n"
        "2. Workforce\n\n"
        "The diversity of the workforce was reported.\n\n"
        "A diverse panel of members was welcomed.\n",
    )
    with SearchEngine(index) as engine:
        def found(q: str) -> list[str]:
            page = engine.search(SearchRequest(q=q, per_item=0))
            return sorted("".join(text for text, _ in h.snippet)[:20] for h in page.hits)

        assert found("diversion") == ["The youth diversion "]
        assert found("diversions") == ["The youth diversion "]
        assert found("diversity") == ["A diverse panel of m", "The diversity of the"]
