"""Speakers: roles and names from reported speech, with the aliases minutes use."""

from __future__ import annotations

import pytest

from indexer.parse import parse_bytes
from indexer.parse.roles import Cast, build_cast
from indexer.parse.speakers import find_actor, split_sentences


@pytest.mark.parametrize(
    ("sentence", "role", "name"),
    [
        ("The Commissioner explained that the precept was essential.", "commissioner", None),
        ("The PCC undertook to take this forward.", "commissioner", None),
        ("The PFCC responded that response times had improved.", "commissioner", None),
        ("The Police, Crime and Victims' Commissioner outlined the plan.", "commissioner", None),
        ("Members received a verbal presentation from the Commissioner and Chief Executive.", "commissioner", None),
        ("The Panel was given a report of the PCC which set out the figures.", "commissioner", None),
        ("Dana Quennell (Police and Crime Commissioner) presented the item.", "commissioner", "Dana Quennell"),
        ("Dana Quennell, Wessex and Avonmouth Police and Crime Commissioner introduced this item.", "commissioner", "Dana Quennell"),
        ("The Deputy Police and Crime Commissioner gave an update.", "deputy_commissioner", None),
        ("The Chief Constable explained that crime had fallen.", "chief_constable", None),
        ("The Deputy Chief Constable, Julian Moss, explained the figures.", "police_officer", "Julian Moss"),
        ("Inspector Tom Ardwick outlined the operation.", "police_officer", "Tom Ardwick"),
        ("The Chief Constable was then invited by the Commissioner to give an operational update.", "chief_constable", None),
        ("The Chairman welcomed everyone to the meeting.", "chair", None),
        ("The Chairman, Mr Pellow, declared that he sat as an Independent Member.", "chair", "Pellow"),
        ("In reply to the Chairman's update the Commissioner confirmed her plans.", "chair", None),
        ("A ten-minute recess was called by the Chairman.", "chair", None),
        ("Mr Hartley-Vance, Chairman of the Select Committee presented its findings.", "councillor", "Hartley-Vance"),
        ("Councillor Rhona Pike, the Chairman of the Housing Task and Finish Group presented the report.", "councillor", "Rhona Pike"),
        ("Cllr Ferris asked about the effect of shorter library opening hours.", "councillor", "Ferris"),
        ("In reply to a question from Councillor Dunmore, it was confirmed that a course would follow.", "councillor", "Dunmore"),
        ("Cllrs Elton, Farrant and Hume advised that they had served on the old authority.", "councillor", "Elton"),
        ("Councillor Owen Tregear declared that he had retired from the police.", "councillor", "Owen Tregear"),
        ("Meera Joshi declared an interest in item 6.", "councillor", "Meera Joshi"),
        ("An interest was declared by Colonel Ian Carrow as a governor of the college.", "councillor", "Ian Carrow"),
        ("The Leader of the Council submitted a report.", "councillor", None),
        ("A Member made reference to an earlier debate on rural crime.", "members", None),
        ("The Panel raised concerns about the timing of the survey.", "members", None),
        ("A Member referred to a discussion where the PCC visited the Council.", "members", None),
        ("Members suggested the use of QR codes.", "members", None),
        ("The Panel proposed and seconded Lena Moy as Chairman.", "members", None),
        ("The Overview and Scrutiny Officer then gave an oral update.", "council_officer", None),
        ("The Panel considered a report of the Assistant Chief Executive.", "council_officer", None),
        ("Members received a report from the Democratic Services Officer to the Panel.", "council_officer", None),
        ("The Monitoring Officer to the Panel welcomed Members to the meeting.", "council_officer", None),
        ("Mr Paolo Ventresca (Panel Clerk) presented the report.", "council_officer", "Paolo Ventresca"),
        ("Hannah Kolade from the OPCC explained the data.", "opcc_officer", "Hannah Kolade"),
        ("Mr K Osei (objector) joined the meeting and addressed Members about the proposal.", "public", "K Osei"),
        ("In response to a comment, the Assistant Commissioner agreed to extend the invitation.", "police_officer", None),
        ("The Worshipful the Mayor said that the motion was in order.", "chair", None),
        ("The Licensing Officer, Mr Neil Barker, summarised the application.", "council_officer", "Neil Barker"),
        ("PC Sarah Bell, Police Licensing Officer, confirmed that the Police would withdraw.", "police_officer", "Sarah Bell"),
        ("The Chief Finance Officer of the OPCC reported that the plan assumed increases.", "opcc_officer", None),
        ("The Commissioner's Head of Policy explained the consultation.", "opcc_officer", None),
        ("The Director of Children's Services confirmed that an assessment had been completed.", "council_officer", None),
        ("The Chief Fire Officer presented a report on the consultation.", "council_officer", None),
        ("Ms Ruth Okafor, the agent for the applicant, addressed the Committee.", "public", "Ruth Okafor"),
        ("Councillor Tina Marsh, ward member, spoke against the application.", "councillor", "Tina Marsh"),
        ("Mr Alan Greaves spoke as an objector on behalf of the residents.", "public", "Alan Greaves"),
        ("Mr Peter Okon, a local resident, spoke in objection.", "public", "Peter Okon"),
        ("The Police, Fire and Crime Commissioner (PFCC), Mr Simon Keeling, outlined the process.", "commissioner", "Simon Keeling"),
        ("The Convener ruled that the item was urgent.", "chair", None),
        ("The OPCC Chief Finance Officer, Ms Ruth Adeyemi, explained the budget gap.", "opcc_officer", "Ruth Adeyemi"),
        ("The Chief Constable, Chris Vale, attended for this item and explained the new team.", "chief_constable", "Chris Vale"),
        ("The Deputy Mayor for Policing and Crime, Councillor Jasmine Reed, presented the update.", "deputy_commissioner", "Jasmine Reed"),
    ],
)
def test_find_actor(sentence: str, role: str, name: str | None) -> None:
    actor = find_actor(sentence, Cast())
    assert actor is not None
    assert (actor.role, actor.name) == (role, name)


@pytest.mark.parametrize(
    "sentence",
    [
        "Apologies were received from Councillors Ada Brennan and Colm Fitch.",
        "An apology for absence was sent by Councillor Leo Varga.",
        "Councillor Nell Ruddock joined the meeting at 11.05am.",
        "Cllr Ravi Mistry was in attendance as Deputy for Northwold District Council.",
        "The Chief Constable had given her backing to the increase.",  # reported, not said here
        "The Commissioner would provide a written answer.",
        "Members heard that crime had fallen.",
        "The Panel noted the information provided.",
        "The minutes were signed by the Chairman.",
        "The Committee agreed, at the Chair's request, to take item 7 before item 5.",
        "At its meeting on 13 March 2024 the Panel requested an item on inspections.",
        "It was explained that a deputation had been received.",
        "Councillor Bea Lindqvist be appointed as Chairman of the Panel.",
        "The Committee considered a report on the above planning application.",
    ],
)
def test_no_speaker(sentence: str) -> None:
    assert find_actor(sentence, Cast()) is None


def test_split_sentences_keeps_abbreviations() -> None:
    assert split_sentences("Mr. Quill spoke. Cllr. A. Smith asked a question. Dr Jones replied.") == [
        "Mr. Quill spoke.",
        "Cllr. A. Smith asked a question.",
        "Dr Jones replied.",
    ]


def passages(body: str) -> list[tuple]:
    doc = parse_bytes(f"Agenda item\n\nPrecept\n\n{body}".encode(), "item.txt")
    return [(p.section, p.speaker_role, p.speaker_name, p.text) for p in doc.items[0].passages]


def test_paragraph_split_where_speaker_changes() -> None:
    assert passages(
        "Minutes:\n\nCllr Ferris asked about youth services. He was concerned about cuts. "
        "The Commissioner agreed that the police could not solve this alone."
    ) == [
        ("questions", "councillor", "Ferris", "Cllr Ferris asked about youth services. He was concerned about cuts."),
        ("questions", "commissioner", None, "The Commissioner agreed that the police could not solve this alone."),
    ]


def test_list_points_come_from_the_presenter() -> None:
    got = passages(
        "Minutes:\n\nAn overview was provided by Cllr Jo Penhale.\n\n"
        "The Chief Constable was invited to give an operational update. Members heard that:\n\n"
        "· The force had been shortlisted for awards.\n\n· The Chief Constable welcomed the report.\n\n"
        "It was heard that crime was stable."
    )
    assert [(s, r, n) for s, r, n, _ in got] == [
        ("presentation", "councillor", "Jo Penhale"),
        ("discussion", "chief_constable", None),  # invited to speak: the lead-in of what follows
        ("discussion", "chief_constable", None),
        ("discussion", "chief_constable", None),
        ("discussion", "chief_constable", None),  # "It was heard…": from whoever was presenting
    ]


def test_declarations_list_names_the_declaring_members() -> None:
    got = passages(
        "Minutes:\n\nDeclarations of interest were made as follows:\n\n"
        "· Aled Pryce was a retired Police Officer.\n\n· Dawn Keating was a retired Police Officer."
    )
    assert [(r, n) for _, r, n, _ in got] == [(None, None), ("councillor", "Aled Pryce"), ("councillor", "Dawn Keating")]


def test_blurbs_have_no_speaker() -> None:
    got = passages("The Chairman to report apologies for absence.\n\nMinutes:\n\nThe Chairman reported none.")
    assert [(s, r) for s, r, _, _ in got] == [("summary", None), ("discussion", "chair")]


def test_named_commissioner_from_elsewhere_in_the_document() -> None:
    got = passages(
        "Minutes:\n\nFollowing notification from the Commissioner, Mr. Rufus Tamm, the Panel held a hearing.\n\n"
        "The Commissioner said he was pleased to put the candidate forward."
    )
    assert [(r, n) for _, r, n, _ in got] == [("commissioner", "Rufus Tamm"), ("commissioner", "Rufus Tamm")]


def test_chair_gives_updates_as_a_list() -> None:
    got = passages("Minutes:\n\nThe Chairman gave the following updates:-\n\n· He referred to the new regulations.\n\n· Future dates included a visit.")
    assert [(r, t) for _, r, _, t in got] == [
        ("chair", "The Chairman gave the following updates:-"),
        ("chair", "He referred to the new regulations."),
        ("chair", "Future dates included a visit."),
    ]


def test_mr_and_ms_are_the_public_where_the_public_speaks() -> None:
    body = "Mr Derek Hollis asked the following question of the Leader of the Council.\n\nMr Price asked about the budget."
    data = f"Agenda and minutes\n\nItems\nNo. Item\n\n4.\n\nQuestions from Members of the Public\n\nMinutes:\n\n{body}\n\n5.\n\nBudget\n\nMinutes:\n\n{body}\n"
    doc = parse_bytes(data.encode(), "x.txt")
    assert [[p.speaker_role for p in i.passages] for i in doc.items] == [["public", "public"], ["councillor", "councillor"]]


def test_titles_the_document_gives_to_the_commissioners_office() -> None:
    doc = parse_bytes(
        b"Agenda item\n\nPrecept\n\nAlso present: Sophie Marsh (Police and Crime Commissioner), Richard Kemp (Treasurer, OPCC)\n\n"
        b"The Treasurer explained the assumptions in the financial plan.\n\nThe Mayor for Policing and Crime said that she agreed. "
        b"The Deputy Mayor added that 101 calls would be answered faster.",
        "item.txt",
    )
    assert [(p.speaker_role, p.speaker_name) for p in doc.items[0].passages][1:] == [
        ("opcc_officer", "Richard Kemp"),
        ("commissioner", "Sophie Marsh"),
        ("deputy_commissioner", None),
    ]


def test_a_civic_deputy_mayor_is_a_councillor() -> None:
    actor = find_actor("The Deputy Mayor thanked everyone who had attended the civic service.", Cast())
    assert actor is not None and actor.role == "councillor"


def test_a_question_and_its_answer_keep_their_speakers() -> None:
    assert [p[1:] for p in passages(
        "Minutes:\n\nIn response to a question from Councillor Ogden, the Commissioner said that all of it would be spent locally."
    )] == [
        ("councillor", "Ogden", "In response to a question from Councillor Ogden,"),
        ("commissioner", None, "the Commissioner said that all of it would be spent locally."),
    ]


def test_two_councillors_in_one_paragraph_are_two_passages() -> None:
    got = passages(
        "Minutes:\n\nCouncillor Gareth Lyle asked whether an assessment had been made. "
        "The Leader of the Council, Councillor Martin Ashby, responded that it would be published."
    )
    assert [(p[1], p[2]) for p in got] == [("councillor", "Gareth Lyle"), ("councillor", "Martin Ashby")]


def test_names_of_officers_follow_their_titles() -> None:
    cast = build_cast(["Contact: Mo Ibrahim, Senior Democratic Services Officer"])
    officer = find_actor("The Chief Fire Officer said that all stations would stay open.", cast)
    clerk = find_actor("The Senior Democratic Services Officer explained the procedure.", cast)
    assert officer is not None and clerk is not None
    assert [(officer.role, officer.name), (clerk.role, clerk.name)] == [("council_officer", None), ("council_officer", "Mo Ibrahim")]
