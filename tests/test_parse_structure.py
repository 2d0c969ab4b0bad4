"""Sections and decisions of an item, read the way a clerk reads minutes."""

from __future__ import annotations

import pytest

from indexer.model import Item
from indexer.parse import parse_bytes
from indexer.parse.structure import is_procedural_title


def item(body: str, title: str = "Police and Crime Plan Update") -> Item:
    doc = parse_bytes(f"Agenda item\n\n{title}\n\n{body}".encode(), "item.txt")
    [it] = doc.items
    return it


@pytest.mark.parametrize(
    ("body", "resolutions"),
    [
        ("Minutes:\n\nThe Panel discussed the plan.\n\nResolved:\n\n1. That the plan be noted.\n\n2. That a report come back.",
         ["1. That the plan be noted. 2. That a report come back."]),
        ("Minutes:\n\nResolved – that Lena Moy is elected Chairman.", ["That Lena Moy is elected Chairman."]),
        ("RESOLVED – (1) That approval be given.\n(2) That matters be delegated.\n(3) That the Constitution be amended.",
         ["(1) That approval be given. (2) That matters be delegated. (3) That the Constitution be amended."]),
        ("RESOLVED: That the report be noted.\n\nThe Panel then discussed rural crime.\n\nRESOLVED: That a visit be arranged.",
         ["That the report be noted.", "That a visit be arranged."]),
        ("It was moved, seconded and:\n\nResolved: That Carys Lind be appointed as Chair.",
         ["That Carys Lind be appointed as Chair."]),
        ("It was proposed and seconded that Cllr Jones be Chair. UNANIMOUSLY RESOLVED that Councillor Jones be appointed Chair.",
         ["That Councillor Jones be appointed Chair."]),
        ("RESOLVED:\n\nThe Panel, having considered the proposal, supports the Commissioner.\n\nThe meeting closed at noon.",
         ["The Panel, having considered the proposal, supports the Commissioner."]),
        ("Recommended - That the Minutes be accepted and approved as a correct record.",
         ["That the Minutes be accepted and approved as a correct record."]),
        ("AGREED: That the responses be noted.", ["That the responses be noted."]),
        ("That the verbal update be noted.", ["That the verbal update be noted."]),
        ("That under Section 100(A)(4) of the Act, the public be excluded from the meeting for the next item.",
         ["That under Section 100(A)(4) of the Act, the public be excluded from the meeting for the next item."]),
        ("Minutes:\n\nAgreed.", ["Agreed"]),
        # a stray label before narrative is not a decision
        ("Resolved: The Overview and Scrutiny Officer then gave a verbal report on the work plan.\n\n\n\nThat the verbal update be noted.",
         ["That the verbal update be noted."]),
        # decisions recorded without "RESOLVED": one per item
        ("The minutes of the meeting held on 30 June 2020 were agreed as a true record.",
         ["The minutes of the meeting held on 30 June 2020 were agreed as a true record."]),
        ("Councillor Lyn Hobbs was appointed Vice-Chairman of the Committee for the rest of the year.",
         ["Councillor Lyn Hobbs was appointed Vice-Chairman of the Committee for the rest of the year."]),
        ("Miss Ann Lee was elected as Deputy Chair for the Municipal Year.", ["Miss Ann Lee was elected as Deputy Chair for the Municipal Year."]),
        # several agreements recorded in one item are several decisions
        ("The Panel agreed to exclude the press and public.\n\nFollowing consideration, the Panel agreed to the proposed appointment.",
         ["The Panel agreed to exclude the press and public.", "Following consideration, the Panel agreed to the proposed appointment."]),
        # a decision introducing a list keeps all the list
        ("RESOLVED, that the minutes be approved, subject to the following amendments:\n\n\n· Item 4 be corrected.\n\n\n· Item 7 be corrected.",
         ["That the minutes be approved, subject to the following amendments: Item 4 be corrected. Item 7 be corrected."]),
        ("Following a request by the Chair the Committee agreed that item 9 be heard first.",
         ["Following a request by the Chair the Committee agreed that item 9 be heard first."]),
        ("Several small changes were agreed which would bring the terms of reference up to date.",
         ["Several small changes were agreed which would bring the terms of reference up to date."]),
        ("A recorded vote was taken on the election of the Leader.",
         ["A recorded vote was taken on the election of the Leader."]),
        # not decisions
        ("It was agreed that this would come back to the next Committee meeting.", []),
        ("It was recommended that the Committee agreed to co-opt three members.", []),
        ("The report was noted.", []),
        ("Agreed actions from the last meeting were reviewed.", []),
        ("The Chair requested Council to approve the Minutes, which would be signed at the end of the meeting.", []),
        # with an explicit decision, discussion outcomes are not counted again
        ("Minutes:\n\nThe Panel agreed that the task group would draft a protocol.\n\nResolved:\n\n1. That the data be received quarterly.",
         ["1. That the data be received quarterly."]),
        # numbered minute paragraphs: paragraph 3 is not part of the decision in paragraph 2
        ("Minutes:\n\n1.    The Panel proposed Lena Moy as Chairman.\n\n2.    Resolved – that Lena Moy is elected Chairman.\n\n"
         "3.    The Chairman welcomed members.", ["That Lena Moy is elected Chairman."]),
        # a lettered list after a wide gap ending the minutes: its "RESOLVED" was lost
        ("The Panel considered a report of the Assistant Chief Executive.\n\n\nCouncillor Brookes welcomed it.\n\n\n\n\n"
         "(a)          Regular items cover reports on:\n\n(i)      decisions of the PCC;\n\n(b)          sessions are arranged",
         ["(a) Regular items cover reports on: (i) decisions of the PCC; (b) sessions are arranged"]),
        # "Agenda, decisions and minutes": the decision is printed twice, counted once
        ("Decision:\n\nRESOLVED: That the Plan be approved.\n\nMinutes:\n\nCouncillor Lee introduced the report.\n\nRESOLVED:That the Plan be approved.",
         ["That the Plan be approved."]),
        ("Decision:\n\nCabinet approved additional expenditure of £1.2m.", ["Cabinet approved additional expenditure of £1.2m."]),
        # the body that resolved, named before the word
        ("The Panel RESOLVED to support both proposed precepts without qualification.",
         ["To support both proposed precepts without qualification."]),
        ("The Committee unanimously resolved that the report be noted.", ["That the report be noted."]),
    ],
)
def test_resolutions(body: str, resolutions: list[str]) -> None:
    assert list(item(body).resolutions) == resolutions


@pytest.mark.parametrize(
    ("body", "sections"),
    [
        (
            "To receive a quarterly update from the Commissioner.\n\nMinutes:\n\n"
            "Members received a presentation from the Commissioner.\n\nDuring the presentation Members heard:\n\n"
            "· Crime had fallen.\n\n· Recruitment was on track.\n\nCouncillor Smith joined the meeting at this point.\n\n"
            "In response to questions, the Panel heard:\n\n· Response times had improved.\n\n"
            "The Panel discussed rural crime.\n\nRESOLVED: That the update be noted.",
            # the bare lead-ins ("During the presentation Members heard:") pass their section on and go
            ["summary", "presentation", "presentation", "presentation", "procedural",
             "questions", "discussion", "resolution"],
        ),
        # no "Minutes:" label: the blurb is what reads like an agenda
        (
            "To consider the attached report.\n\n\nThe report will be presented by Councillor Pask.\n\n\n"
            "Members were informed of the budget.",
            ["summary", "summary", "discussion"],
        ),
        # "Supporting documents:" closing an item page does not make the minutes a blurb
        ("The Panel noted the report.\n\nSupporting documents:", ["discussion"]),
        # link residue never becomes a passage
        ("Additional documents:\n\nAppendix A PDF 80 KB\n\nMinutes:\n\nThe Panel noted the report.\n\n• Share this item",
         ["discussion"]),
        # sub-headings inside minutes
        ("Minutes:\n\nElection of Vice-Chairman\n\nThe Panel proposed Wyn Bellamy.", ["discussion", "discussion"]),
        ("Minutes:\n\nApologies were received from Councillor Reed.\n\nThere were none.", ["procedural", "procedural"]),
        ("Minutes:\n\nCllr Palmer asked about youth services.\n\nThe Commissioner replied that funding was limited.",
         ["questions", "questions"]),
    ],
)
def test_sections(body: str, sections: list[str]) -> None:
    assert [p.section for p in item(body).passages] == sections


def test_procedural_item_passages_are_procedural() -> None:
    it = item("Minutes:\n\nApologies were received from Councillor Reed.\n\nCouncillor Hill substituted.", title="Apologies for Absence")
    assert it.procedural is True
    assert [p.section for p in it.passages] == ["procedural", "procedural"]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("APOLOGIES FOR ABSENCE", True),
        ("Apologies and Substitutes", True),
        ("Membership, Apologies, Substitutions and Declarations of Interest", True),
        ("Declarations of Interests by Members in Items on the Agenda for this Meeting", True),
        ("Code of Conduct - Declaration of Interests", True),
        ("MINUTES OF THE PREVIOUS MEETING: 30 JUNE 2021", True),
        ("Minutes", True),
        ("TO SIGN AS A CORRECT RECORD THE MINUTES OF THE MEETING HELD ON THE", True),
        ("Welcome and Introductions", True),
        ("Consideration of Exclusion of the Public", True),
        ("Election of Vice Chair", True),
        ("Date of Next Meeting", True),
        ("Appointment of Deputy Chair for the 2024/25 Municipal Year", True),
        ("MEMBERS' DECLARATIONS UNDER THE CODE OF CONDUCT ON ITEMS OF THIS AGENDA", True),
        ("Any other business that the Chairman considers urgent", False),
        ("Public Questions", False),
        ("Chairman's Announcements", False),
        ("Police and Crime Commissioner - Annual Report 2022", False),
        ("Matters Arising from the Minutes (If Any)", False),
        ("", False),
    ],
)
def test_is_procedural_title(title: str, expected: bool) -> None:
    assert is_procedural_title(title) is expected


def test_attendance_list_is_procedural() -> None:
    doc = parse_bytes(
        b"Agenda and minutes\n\nItems\nNo. Item\n\nAlso in attendance\n\n"
        b"\xc2\xb7  Mr I Fisher, County Secretary - Westshire County Council\n\n"
        b"\xc2\xb7  Mr C Grant, Police and Crime Commissioner for Westshire.\n\n"
        b"1.\n\nApologies\n\nMinutes:\n\nApologies were presented on behalf of Councillor M Thomas.",
        "meeting.txt",
    )
    preamble = doc.items[0]
    assert (preamble.title, preamble.procedural) == ("", True)
    assert [(p.section, p.speaker_role) for p in preamble.passages] == [
        ("procedural", None),
        ("procedural", None),
        ("procedural", None),
    ]


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        ("During the presentation Members heard:", True),
        ("During the presentations Members heard:", True),
        ("In response to questions, the Panel heard:", True),
        ("In response to Members' questions the Committee heard that:", True),
        ("Members heard:", True),
        ("Reference was made to:-", True),
        ("The following points were raised:", True),
        # lead-ins that say something stay
        ("Members received a presentation from the Chief Constable, during which they heard:", False),
        ("Apologies were received from:", False),
        ("The Commissioner explained that:", False),
        ("Members heard that crime had fallen.", False),
    ],
)
def test_bare_lead_ins(text: str, bare: bool) -> None:
    from indexer.parse.structure import is_bare_lead_in

    assert is_bare_lead_in(text) is bare


@pytest.mark.parametrize(
    ("text", "signature"),
    [("Chairman", True), ("Chair", True), ("(Vice-Chairman)", True), ("Signed ……………… Chair", True),
     ("Date: ………", True), ("Chairman's announcements", False), ("The Chair thanked officers.", False)],
)
def test_signature_lines(text: str, signature: bool) -> None:
    from indexer.parse.structure import is_signature

    assert is_signature(text) is signature


def test_a_paragraph_numbered_resolution() -> None:
    # printed minutes numbering each paragraph of a minute: "3.3 RESOLVED: That …"
    data = (
        b"Minutes of the Finance Committee held on 5 March 2024\n\n3 Car Park Charges\n"
        b"3.1 The Head of Parking introduced the report.\n3.2 RESOLVED: That the tariff be approved.\n"
        b"4 Grants\n4.1 RESOLVED: That the grants be paid.\n"
    )
    doc = parse_bytes(data, "x.txt")
    assert [(i.number, i.resolutions) for i in doc.items] == [
        ("3", ("That the tariff be approved.",)),
        ("4", ("That the grants be paid.",)),
    ]


def test_a_decision_run_into_the_text_before_it() -> None:
    data = b"Agenda item\n\nOccasional Licences\n\nMinutes:\n\nEleven licences had been granted under delegated powers. DECISION NOTED.\n"
    [item] = parse_bytes(data, "x.txt").items
    assert item.resolutions == ("NOTED.",)


# --- the stages of shape_item, each on its own ---------------------------------------------


@pytest.mark.parametrize(
    ("labels", "zones"),
    [
        # "Agenda, decisions and minutes" pages print the decision twice: the minutes' copy is kept
        ((True, True), [("agenda", "To receive the report."), ("minutes", "The Treasurer presented it.")]),
        # a closing "Decision:" after a blurb: everything before the label is agenda
        ((False, True), [("agenda", "To receive the report."), ("agenda", "The Treasurer presented it."), ("decision", "That it be noted.")]),
        ((True, False), [("agenda", "To receive the report."), ("minutes", "The Treasurer presented it."), ("minutes", "That it be noted.")]),
    ],
)
def test_zone_blocks_stage(labels: tuple[bool, bool], zones: list[tuple[str, str]]) -> None:
    from indexer.parse.ir import LABEL, LABEL_DECISION, LABEL_MINUTES, PARA, Block
    from indexer.parse.structure import zone_blocks

    minutes, decision = labels
    blocks = [Block("To receive the report.", PARA)]
    blocks += [Block(LABEL_MINUTES, LABEL)] if minutes else []
    blocks += [Block("The Treasurer presented it.", PARA)]
    blocks += [Block(LABEL_DECISION, LABEL)] if decision else []
    blocks += [Block("That it be noted.", PARA)]
    assert [(z, b.text) for z, b in zone_blocks(blocks, agenda_only=False)] == zones


@pytest.mark.parametrize(
    ("text", "lead", "rest"),
    [
        ("RESOLVED: That the plan be noted.", "RESOLVED: ", "RESOLVED: That the plan be noted."),
        ("3.3 RESOLVED: That the plan be noted.", "RESOLVED: ", "RESOLVED: That the plan be noted."),
        ("Agreed with the officers that the hedge is trimmed.", None, "Agreed with the officers that the hedge is trimmed."),
        ("The Panel discussed the plan.", None, "The Panel discussed the plan."),
    ],
)
def test_decision_lead_stage(text: str, lead: str | None, rest: str) -> None:
    from indexer.parse.structure import _decision_lead

    m, out = _decision_lead(text)
    assert (m.group(0) if m else None, out) == (lead, rest)


@pytest.mark.parametrize(
    ("minutes", "resolutions"),
    [
        # the excerpt ends mid-sentence before the minutes record the decision: the "Decision:" copy is the record
        ("Members had the draft plan before them and heard that the timetable", ["(i) To approve the plan. (ii) To review it in June."]),
        # minutes complete and recording the decision: their copy is kept, the decision's copy dropped
        ("Members had the draft plan before them.\n\nRESOLVED that the plan be approved.", ["That the plan be approved."]),
    ],
)
def test_decision_copy_kept_when_minutes_cut_off(minutes: str, resolutions: list[str]) -> None:
    body = f"Decision:\n\nThe Panel resolved :-\n\n(i) to approve the plan.\n\n(ii) to review it in June.\n\nMinutes:\n\n{minutes}"
    assert list(item(body, title="Draft Plan").resolutions) == resolutions


def test_no_decision_is_no_resolution() -> None:
    it = item("Decision:\n\nNone\n\nMinutes:\n\nNone were made", title="Declarations of Interest")
    assert (list(it.resolutions), [p.text for p in it.passages]) == ([], ["None", "None were made"])


@pytest.mark.parametrize(
    ("decision", "gap", "count"),
    [
        ("the proposals in the rent report be agreed.", 4, 1),  # its "RESOLVED – That" was lost
        ("The revised garage rents, as listed in the schedule, be adopted;", 4, 1),
        ("The Leader explained why the increase had to be approved.", 4, 0),  # a report, not a decision
        ("The Chair asked that the recommendations be approved.", 4, 0),  # a clause under another verb
        ("The Chair said the plan should be approved.", 4, 0),
        ("the proposals in the rent report be agreed.", 2, 0),  # no wider gap than the paragraphs before
    ],
)
def test_a_subjunctive_decision_after_a_wide_gap_lost_its_lead(decision: str, gap: int, count: int) -> None:
    text = ("Agenda item\n\nRent Setting\n\nThe Council considered the recommendations of the Executive.\n\n\n"
            "The Portfolio Holder explained the proposed increase.\n" + "\n" * gap + decision + "\n")
    doc = parse_bytes(text.encode(), "item.txt")
    assert sum(len(i.resolutions) for i in doc.items) == count
