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
        ("The Chief Fire Officer presented a report on the consultation.", "other", None),
        ("The head of performance from the OPCC presented the data.", "opcc_officer", None),
        ("The RFO presented the accounts for the quarter.", "council_officer", None),
        ("The applicant's representative addressed the Sub-Committee.", "public", None),
        ("A Councillor asked how many appliances were available.", "members", None),
        ("The acting chief fire officer explained the response standards.", "other", None),
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


# Generic references that reported speech uses across bodies: chairs, the members as a body, the public,
# the commissioner's staff under other titles, officers by title, police ranks, councillors mid-sentence.
@pytest.mark.parametrize(
    ("sentence", "role", "name"),
    [
 # chair
 ("The Chairman, Councillor Ivo Lund, opened the meeting and welcomed those present.", "chair", "Ivo Lund"),
 ("The Chair moved to the next item of business.", "chair", None),
 ("On behalf of the Panel, the Chair thanked the Commissioner for attending.", "chair", None),
 ("The Vice-Chairman, in the Chair, said that the item had been deferred.", "chair", None),
 ("The Convenor ruled the amendment out of order.", "chair", None),
 ("The chair gave notice of two late items.", "chair", None),
 ("The Chair read the decision of the Sub-Committee with its reasons.", "chair", None),
 # members
 ("A member asked whether the figures included rural beats.", "members", None),
 ("Members made the following comments:", "members", None),
 ("Members sought assurance that the savings were deliverable.", "members", None),
 ("Members were concerned that response times had lengthened.", "members", None),
 ("Members noted that the review would report in the spring.", "members", None),
 ("During the discussion, Members asked about the cost of the scheme.", "members", None),
 ("The Sub-Committee asked questions of the applicant's agent.", "members", None),
 ("Members' questions related to staffing and overtime.", "members", None),
 ("The committee debated the merits of the scheme.", "members", None),
 # public
 ("A member of the public asked whether the footpath would stay open.", "public", None),
 ("Two objectors spoke against the application.", "public", None),
 ("The applicant's agent, Mr Dev Patil, spoke in support of the scheme.", "public", "Dev Patil"),
 ("The applicant addressed the Sub-Committee and answered Members' questions.", "public", None),
 ("The Sub-Committee heard from the licence holder and his solicitor.", "public", None),
 ("A local resident spoke in objection to the proposal.", "public", None),
 # OPCC staff
 ("The Chief Executive of the OPCC explained the commissioning intentions.", "chief_executive", None),
 ("The OPCC's Chief Finance Officer explained the reserves strategy.", "opcc_officer", None),
 ("The Head of Finance at the OPCC said that the budget was balanced.", "opcc_officer", None),
 ("The Head of Policy (OPCC) outlined the consultation results.", "opcc_officer", None),
 ("Nia Powys, Chief Finance Officer, OPCC, said that reserves would fall.", "opcc_officer", "Nia Powys"),
 ("The PCC's Head of Commissioning described the new victims' service.", "opcc_officer", None),
 # council officers
 ("The Head of Planning presented the report.", "council_officer", None),
 ("The Monitoring Officer advised that no interest needed to be declared.", "council_officer", None),
 ("The Clerk reported that the precept had been received.", "council_officer", None),
 ("The case officer outlined the main issues.", "council_officer", None),
 ("An officer responded that the scheme would be reviewed.", "council_officer", None),
 ("Officers explained that the consultation had closed.", "council_officer", None),
 ("Legal advice was given by the Legal Adviser to the Sub-Committee.", "council_officer", None),
 ("The Strategic Director for Place confirmed the timetable.", "council_officer", None),
 # police
 ("Chief Superintendent Ola Berg explained the new neighbourhood model.", "police_officer", "Ola Berg"),
 ("Inspector Lund outlined the operation against county lines.", "police_officer", "Lund"),
 ("The Assistant Chief Constable confirmed that recruitment was on track.", "police_officer", None),
 ("The Temporary Chief Constable said that the force would publish the data.", "chief_constable", None),
 ("The Force's Head of Contact Management explained the call-handling figures.", "police_officer", None),
 ("A representative from Wessex Police explained the licensing conditions.", "police_officer", None),
 # councillors mid-sentence
 ("In response, Councillor Asha Rai said that the ward had been consulted.", "councillor", "Asha Rai"),
 ("It was moved by Councillor Ben Okoro and seconded by Councillor Ida Lamb that the report be noted.", "councillor", "Ben Okoro"),
 ("Councillor Ida Lamb's question concerned the closure of the library.", "councillor", "Ida Lamb"),
 ("At the invitation of the Chair, Councillor Ben Okoro addressed the Committee as ward member.", "councillor", "Ben Okoro"),
    ("Una Dee AM asked about the use of stop and search.", "councillor", "Una Dee"),
        ("Alderman Rhys Orme said that the motion was premature.", "councillor", "Rhys Orme"),
        ("The Lord Mayor welcomed the delegation from the twin town.", "chair", None),
        ("Cynigiwyd gan Cyng. Eira Lloyd y dylid derbyn y cofnodion.", None, None),
        ("It was proposed by Cyng. / Cllr. Eira Lloyd that the minutes be accepted.", "councillor", "Eira Lloyd"),
        ("Councillors asked whether the grant could be spread over two years.", "members", None),
        ("The external auditor confirmed that the accounts would be signed by November.", "other", None),
        ("A guest speaker from the canal trust described the towpath works.", "other", None),
        # present, then speaking: "<person> was in attendance and indicated …"
        ("Sgt Rhona Dewar was in attendance and indicated that eleven incidents had been recorded.", "police_officer", "Rhona Dewar"),
        # the chair's title before the name; not a vice-chair's
        ("Chair Cllr Ewan Fyfe welcomed everyone to the meeting.", "chair", "Ewan Fyfe"),
        ("Vice Chair Cllr Ewan Fyfe welcomed everyone to the meeting.", "councillor", "Ewan Fyfe"),
        # Scottish minutes' reporting verb
        ("The Convener intimated that the item would be taken after the break.", "chair", None),
        ("Councillor Ewan Fyfe intimated that he had a connection with the applicant.", "councillor", "Ewan Fyfe"),
        # a motion typed in capitals: "PROPOSED by … Seconded by …"
        ("It was PROPOSED by Councillor Ewan Fyfe Seconded by Councillor Iona Bell, and RESOLVED that the minutes be approved.",
         "councillor", "Ewan Fyfe"),
    ],
)
def test_find_actor_generic_references(sentence: str, role: str | None, name: str | None) -> None:
    actor = find_actor(sentence, Cast())
    assert ((actor.role, actor.name) if actor else (None, None)) == (role, name)


@pytest.mark.parametrize(
    "sentence",
    [
        "Members' comments are sought on the draft statement.",  # an agenda's request, not speech
        "The Panel noted that the next meeting would be held on 4 March.",
        "What the panel discussed last time",
        "The Planning Inspector's decision letter was circulated.",
        "At the invitation of the Chair the meeting stood for a minute's silence.",
    ],
)
def test_no_speaker_in_generic_references(sentence: str) -> None:
    assert find_actor(sentence, Cast()) is None


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
    assert [(officer.role, officer.name), (clerk.role, clerk.name)] == [("other", None), ("council_officer", "Mo Ibrahim")]


def test_verbatim_turns_run_on_until_the_next_label() -> None:
    got = passages(
        "The Convener:\n\nThe next item is the petition. Are we agreed that we hear the petitioners?\n\n"
        "Moira Kerr (Eastfield) (Lab):\n\nI am content with that, but we settled the matter in May.\n\n"
        "The Convener:\n\nThat is a fair point. We should still hear them.\n\nMembers indicated agreement."
    )
    assert [(r, n) for _, r, n, _ in got] == [
        ("chair", None), ("chair", None),
        ("councillor", "Moira Kerr"), ("councillor", "Moira Kerr"),
        ("chair", None), ("chair", None),
        ("members", None),
    ]


def test_inline_turn_labels() -> None:
    got = passages("Cllr Ames: I welcome the report.\n\nCommissioner: Thank you, Chair.")
    assert [(r, n) for _, r, n, _ in got] == [("councillor", "Ames"), ("commissioner", None)]


def test_one_label_like_line_is_no_verbatim_report() -> None:
    got = passages("Councillor Ann Brook (Chair):\n\nThe report was noted.\n\nIt was agreed to defer the item.")
    assert [r for _, r, _, _ in got] == ["chair", None, None]


def test_initials_from_the_attendance_list() -> None:
    doc = parse_bytes(
        "Agenda item\n\nWelcome\n\nPresent Chairman:- Jo Ames (JA) Secretary:- Rob Bly (RB)\n\nKit Cole (KC) Lin Dray (LD)\n\n"
        "Observers: Sam Eve (SE) Trails Officer\n\nJA welcomed members. RB explained the papers. SE described the new route.".encode(),
        "x.txt",
    )
    assert [(p.speaker_role, p.speaker_name) for p in doc.items[0].passages if p.speaker_role] == [
        ("chair", "Jo Ames"), ("council_officer", "Rob Bly"), ("other", "Sam Eve"),
    ]


def test_a_name_the_document_gave_a_title_keeps_its_role() -> None:
    doc = parse_bytes(
        b"Agenda item\n\nAudit Progress\n\nThe report of the council's external auditors, Fenwick Hale, was considered.\n\n"
        b"Fenwick Hale confirmed that the opinion would be issued in November.",
        "x.txt",
    )
    assert [(p.speaker_role, p.speaker_name) for p in doc.items[0].passages][-1] == ("other", "Fenwick Hale")


def test_an_officer_introduced_by_title_then_named() -> None:
    got = passages(
        "Minutes:\n\nMembers heard from the Director of Housing in relation to the repairs.\n\n"
        "Mr Okafor advised that the scaffolding would come down in May."
    )
    assert [(r, n) for _, r, n, _ in got] == [("council_officer", None), ("council_officer", "Okafor")]


def test_the_subject_of_took_the_chair_speaks_as_he_or_she() -> None:
    got = passages("Minutes:\n\nCllr Ivo Lund took the chair in the absence of the Chair. He welcomed members and officers.")
    assert [(r, n) for _, r, n, _ in got] == [("chair", "Ivo Lund")]


def test_a_list_of_public_speakers() -> None:
    got = passages(
        "Minutes:\n\nMembers of the public who spoke:\n\n22/0145/FUL Land at Mill Lane\n\nMr T Vane Agent for applicant\n\n"
        "Mrs P Orr\n\nCouncillor R Dyer Ward member\n\nThe Chairman welcomed everyone to the meeting and explained the procedure."
    )
    assert [(r, n) for _, r, n, _ in got] == [
        (None, None), (None, None), ("public", "T Vane"), ("public", "P Orr"), ("councillor", "R Dyer"), ("chair", None),
    ]


def test_a_paragraph_number_before_the_speaker() -> None:
    assert passages("Minutes:\n\n18.4 Dana Quennell, PCC, informed the Panel that she would be open with it.")[0][1:3] == (
        "commissioner",
        "Dana Quennell",
    )


# Every title minutes also write in lower case is found in a sentence (the title scan skips words that
# start no title: a lower-case title missing from its look-ahead would never be found).
@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("the deputy commissioner", "deputy_commissioner"),
        ("the commissioner", "commissioner"),
        ("the deputy chief constable", "police_officer"),
        ("the chief inspector", "police_officer"),
        ("police officers", "police_officer"),
        ("officers from Wessex Police", "police_officer"),
        ("the chief constable", "chief_constable"),
        ("the acting chief fire officer", "other"),
        ("the external auditor", "other"),
        ("the chief finance officer", "council_officer"),
        ("the head of legal services", "council_officer"),
        ("the director of public health", "council_officer"),
        ("the case officer", "council_officer"),
        ("the clerk", "council_officer"),
        ("officers", "council_officer"),
        ("the chief executive", "chief_executive"),
        ("officers from the OPCC", "opcc_officer"),
        ("the vice-chair", "chair"),
        ("the convener", "chair"),
        ("the ward councillor", "councillor"),
        ("a member of the public", "public"),
        ("the applicant's agent", "public"),
        ("the licence holder", "public"),
        ("the driver", "public"),
        ("registered speakers", "public"),
    ],
)
def test_titles_in_lower_case(title: str, role: str) -> None:
    actor = find_actor(f"In reply, {title} said that the matter was in hand.", Cast())
    assert actor is not None and actor.role == role


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        ("The Commissioner said that stop and search had fallen.", "chief_constable"),
        ("The Deputy Commissioner explained the vetting backlog.", "police_officer"),
        ("The Deputy Mayor for Policing and Crime said that it was a priority.", "deputy_commissioner"),
        ("The Police and Crime Commissioner for Wessex said that he agreed.", "commissioner"),
        ("MOPAC's Chief of Staff explained the oversight arrangements.", "opcc_officer"),
        ("Assembly Members asked about the custody estate.", "members"),
    ],
)
def test_where_a_mayor_holds_the_commissioners_powers(sentence: str, role: str) -> None:
    cast = build_cast(["Questions to the Deputy Mayor for Policing and Crime and the Commissioner of Police."])
    actor = find_actor(sentence, cast)
    assert actor is not None and actor.role == role


def test_a_police_fire_and_crime_commissioner_is_no_mayor() -> None:
    cast = build_cast(["The Police, Fire and Crime Commissioner presented the precept."])
    actor = find_actor("The Commissioner said that the fire precept would rise.", cast)
    assert actor is not None and actor.role == "commissioner"


def test_a_clause_with_a_speaker_of_its_own_is_its_own_passage() -> None:
    got = passages(
        "Minutes:\n\nMembers asked about the backlog of cases, and the Chief Constable replied that it would clear by May."
    )
    assert [(r, t) for _, r, _, t in got] == [
        ("members", "Members asked about the backlog of cases,"),
        ("chief_constable", "and the Chief Constable replied that it would clear by May."),
    ]


@pytest.mark.parametrize(
    ("sentence", "role", "name"),
    [
        ("Note: Mr A Lyle, the applicant\u2019s agent, explained that the mast would fill a gap.", "public", "A Lyle"),
        ("Sam Orde, Liaison Officer for the County Council as highway authority, confirmed there was no objection.",
         "council_officer", "Sam Orde"),
        ("Councillor Jo Lusk, the local Member for Kingsbere, strongly supported the petition.", "councillor", "Jo Lusk"),
        ("One question had been received from Mr Rob Blane, a farmer from Hintock, who asked:", "public", "Rob Blane"),
        ("Members acknowledged the benefits of better coverage.", "members", None),
        ("The Chief Constable, Kay Holt, paid tribute to the officers involved.", "chief_constable", "Kay Holt"),
    ],
)
def test_find_actor_in_public_items(sentence: str, role: str, name: str | None) -> None:
    actor = find_actor(sentence, Cast(), public=True)
    assert actor is not None and (actor.role, actor.name) == (role, name)


def test_a_deputation_received_but_not_heard_is_no_speech() -> None:
    sentence = "A deputation had been received from Mr Tom Vane but it could not be heard."
    assert find_actor(sentence, Cast()) is None


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        ("Bailie Ross Innes asked about the cost of the festival.", "councillor"),
        ("The Depute Chief Executive explained the restructure.", "council_officer"),
        ("The Team Leader Development Management presented the report.", "council_officer"),
        ("The Local Member, Councillor Ann Rhys, spoke against the application.", "councillor"),
        ("A parishioner asked whether the bus shelter would be replaced.", "public"),
        ("Officers from the PSNI outlined the operation.", "police_officer"),
        ("The Group Manager for Planning said that the appeal had been lodged.", "council_officer"),
    ],
)
def test_more_titles(sentence: str, role: str) -> None:
    actor = find_actor(sentence, Cast())
    assert actor is not None and actor.role == role


def test_fire_service_ranks_are_other_in_a_fire_authority() -> None:
    cast = build_cast(["Minutes of the meeting of the Northmarch Fire and Rescue Authority"])
    actor = find_actor("The Group Manager explained the new on-call contracts.", cast)
    assert actor is not None and actor.role == "other"


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        ("Members were informed by the Head of Housing that the scheme had slipped.", "council_officer"),
        ("The Committee was updated by the Chief Inspector on the operation.", "police_officer"),
        ("It was confirmed by the Clerk that the precept had been paid.", "council_officer"),
        ("The questions were answered by the Commissioner's Chief Finance Officer.", "opcc_officer"),
    ],
)
def test_passive_reporting_verbs_name_their_agent(sentence: str, role: str) -> None:
    actor = find_actor(sentence, Cast())
    assert actor is not None and actor.role == role


def test_a_list_entry_keeps_the_lead_in_speaker_unless_it_opens_with_its_own() -> None:
    got = passages(
        "Minutes:\n\nThe Commissioner presented the report. Members heard that:\n\n"
        "· Calls had been answered faster, as confirmed by the Chief Constable.\n\n"
        "· In response to a question, the Chief Constable said that staffing was stable."
    )
    assert [r for _, r, _, _ in got] == ["commissioner", "commissioner", "chief_constable"]


@pytest.mark.parametrize(
    ("sentence", "role", "partners"),
    [
        ("The Commissioner and the Chief Executive presented the report.", "commissioner", ("chief_executive",)),
        ("The Commissioner and Chief Constable presented the report.", "commissioner", ("chief_constable",)),
        ("The Chief Executive and Head of Finance presented the budget.", "chief_executive", ("council_officer",)),
        ("Councillor Hale and the Director of Place presented the report.", "councillor", ("council_officer",)),
        ("The Chair and Vice-Chair welcomed the new members.", "chair", ()),
        ("The Commissioner thanked the Chief Executive and the Panel.", "commissioner", ()),
    ],
)
def test_joint_subjects(sentence: str, role: str, partners: tuple[str, ...]) -> None:
    actor = find_actor(sentence, Cast())
    assert actor is not None
    assert (actor.role, actor.partners) == (role, partners)


def test_joint_subject_counts_both_roles_in_the_item() -> None:
    text = (
        "Minutes of the Police and Crime Panel held on 4 March 2024\n\n"
        "1. Budget monitoring\n\n"
        "The Commissioner and the Chief Executive presented the report on spending to date.\n"
    )
    doc = parse_bytes(text.encode(), "joint.txt")
    item = next(i for i in doc.items if i.title)
    assert item.speaker_roles == ["commissioner", "chief_executive"]


@pytest.mark.parametrize(
    ("sentence", "roles"),
    [
        ("In response to the Chair, the Chief Constable addressed the backlog.", ["chair", "chief_constable"]),
        ("Following a question from Councillor Patel, the Director confirmed the timetable.", ["councillor", "council_officer"]),
        ("Responding to Members, the Chief Constable said that the figures were provisional.", ["members", "chief_constable"]),
        ("In response, the Commissioner said it would.", ["commissioner"]),
        ("In the absence of the Chair, the Vice-Chair presided.", [None]),
    ],
)
def test_the_answered_speaker_opens_the_sentence(sentence: str, roles: list[str | None]) -> None:
    from indexer.parse.speakers import _with_actors

    assert [a.role if a else None for _, a in _with_actors([sentence], Cast(), False)] == roles


@pytest.mark.parametrize(
    ("label", "role"),
    [("DPCC: The plan is on track.", "deputy_commissioner"), ("Chief Executive: The budget is balanced.", "chief_executive"),
     ("Cllr Smith (Con): Will the station stay open?", "councillor")],
)
def test_more_turn_labels(label: str, role: str) -> None:
    from indexer.parse.speakers import turn_speaker

    found = turn_speaker(label, Cast(), False)
    assert found is not None and found[0] == role


@pytest.mark.parametrize(
    ("sentence", "role"),
    [("Speaking as the local ward member, Councillor Patel objected to the scheme.", "councillor"),
     ("Representatives of the applicant addressed the Committee.", "public"),
     ("The Strategic Lead for Community Safety presented the report.", "council_officer"),
     ("A representative of the Environment Agency explained the flood scheme.", "other"),
     ("The Independent Person reported on complaints.", "other"),
     ("Representatives of the OPCC explained the plan.", "opcc_officer"),
     ("A representative of the applicant spoke in support.", "public")],
)
def test_more_generic_speakers(sentence: str, role: str) -> None:
    actor = find_actor(sentence, Cast())
    assert actor is not None and actor.role == role


@pytest.mark.parametrize(
    ("sentence", "role", "partners"),
    [
        ("The Commissioner addressed a question raised by the Panel before the meeting.", "commissioner", ("members",)),
        ("The Director answered questions from Councillor Patel and the Chair.", "council_officer", ("councillor", "chair")),
        ("The deputy chief fire officer and chair of the Authority thanked the team.", "other", ("chair",)),
        ("The Commissioner said that the survey had been repeated.", "commissioner", ()),
    ],
)
def test_second_speakers_in_a_sentence(sentence: str, role: str, partners: tuple[str, ...]) -> None:
    actor = find_actor(sentence, Cast())
    assert actor is not None and (actor.role, actor.partners) == (role, partners)


def test_a_speaker_addressing_the_meeting_with_the_chairs_consent() -> None:
    sentence = "The licence holder and her representative were present and with the permission of the Chairman, spoke to the Sub-Committee."
    actor = find_actor(sentence, Cast(), public=True)
    assert actor is not None and actor.role == "public"


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        ("Dywedodd y Prif Weithredwr fod y gyllideb yn gytbwys.", "chief_executive"),
        ("Gofynnodd aelod o'r cyhoedd am y llyfrgell.", "public"),
        ("Diolchodd y Cadeirydd i'r swyddogion.", "chair"),
        ("Atebodd y Clerc fod y grant wedi ei dalu.", "council_officer"),
        ("During the item the area manager explained the rota.", "council_officer"),
    ],
)
def test_welsh_verb_first_speech_and_lower_case_titles(sentence: str, role: str) -> None:
    actor = find_actor(sentence, Cast())
    assert actor is not None and actor.role == role


@pytest.mark.parametrize(
    ("sentence", "role", "name"),
    [
        # a motion minuted with its mover first
        ("Proposed by Councillor Ferris, Seconded by Councillor Hale, That the hall be let.", "councillor", "Ferris"),
        ("Moved by Councillor Ferris and seconded by Councillor Hale.", "councillor", "Ferris"),
        # whoever makes a deputation is the public, whatever the item
        ("A deputation was received from Mr Anton Brisk in relation to the car park.", "public", "Anton Brisk"),
        # "There were no …" says nobody spoke only when the sentence does not go on
        ("There were no late items, however the Clerk advised that an appendix had been tabled.", "council_officer", None),
        ("There were no questions from the public.", None, None),
    ],
)
def test_generic_minutes_speakers(sentence: str, role: str | None, name: str | None) -> None:
    data = f"Agenda item\n\nDeclarations of Interest\n\nMinutes:\n\n{sentence}\n".encode()
    [item] = parse_bytes(data, "x.txt").items
    assert [(p.speaker_role, p.speaker_name) for p in item.passages] == [(role, name)]


@pytest.mark.parametrize(
    ("label", "role"),
    [
        # who held the post, in printed minutes' attendance: no turn of speech
        ("Vice Chair: Ald B Example, Deputy Mayor", None),
        ("Chair: Cllr A Sample", None),
        ("Chairman: Councillor Jo Example (Northtown)", None),
        # a turn's words, even when they open with a name
        ("The Chair: Councillor Sample, you have the floor.", "chair"),
        ("Chair: Cllr Sample has asked to speak first on this item and I agree", "chair"),
    ],
)
def test_an_attendance_line_is_no_turn(label: str, role: str | None) -> None:
    from indexer.parse.speakers import turn_speaker

    found = turn_speaker(label, Cast(), False)
    assert (found[0] if found else None) == role
