"""The harvester's readers of ModernGov addresses, pages and web-service XML (no network)."""

from __future__ import annotations

import datetime as dt

import pytest

from indexer.harvest import moderngov, urls
from indexer.harvest.errors import SiteError
from indexer.harvest.store import site_folder, slug
from indexer.manifest import load_manifests
from indexer.model import Document, Item, Meeting

from .harvest_site import fernhollow, kestrelmoor

ROOT = "https://democracy.example.gov.uk/"


@pytest.mark.parametrize("given, root", [
    ("democracy.example.gov.uk", ROOT),
    ("https://democracy.example.gov.uk", ROOT),
    ("https://Democracy.Example.gov.uk/mgListCommittees.aspx?bcr=1", ROOT),
    ("https://democracy.example.gov.uk/(S(k2jd0fh3))/ieListDocuments.aspx?CId=1&MId=2", ROOT),
    ("https://www.example.gov.uk/moderngov", "https://www.example.gov.uk/moderngov/"),
    ("https://www.example.gov.uk/moderngov/mgCommitteeDetails.aspx?ID=3", "https://www.example.gov.uk/moderngov/"),
    ("http://127.0.0.1:8123/", "http://127.0.0.1:8123/"),
])
def test_site_root(given, root):
    assert urls.site_root(given) == root


@pytest.mark.parametrize("bad", ["ftp://example.org/", "mailto:clerk@example.org", "https://"])
def test_site_root_refuses_what_is_not_a_web_address(bad):
    with pytest.raises(SiteError, match="is not a web address"):
        urls.site_root(bad)


def test_links_as_pages_write_them():
    page = ROOT + "(S(abc123))/ieListDocuments.aspx?CId=5&MId=7&Ver=4"
    link = urls.absolute(page, "documents/g7/Printed minutes\r\n 12th-Mar-2024 10.00 Cabinet.pdf?T=1")
    assert link == ROOT + "(S(abc123))/documents/g7/Printed%20minutes%2012th-Mar-2024%2010.00%20Cabinet.pdf?T=1"
    assert urls.canonical(link) == ROOT + "documents/g7/Printed%20minutes%2012th-Mar-2024%2010.00%20Cabinet.pdf?T=1"
    assert urls.canonical(ROOT + "(X(1)S(q0w9))/mgAi.aspx?ID=9#top") == ROOT + "mgAi.aspx?ID=9"


@pytest.mark.parametrize("link, meeting, committee, item", [
    ("ieListDocuments.aspx?CId=711&MId=10337&Ver=4", "10337", "711", None),
    ("ieListDocuments.aspx?CID=185&MID=361", "361", "185", None),
    ("ieListDocuments.aspx?MeetingId=44&CommitteeId=9", "44", "9", None),
    ("mgCommitteeDetails.aspx?ID=711", None, "711", None),
    ("ieListMeetings.aspx?CommitteeId=711", None, "711", None),
    ("mgAi.aspx?ID=51902", None, None, "51902"),
    ("mgConvert2PDF.aspx?ID=60860", None, None, None),
])
def test_ids_in_links(link, meeting, committee, item):
    url = urls.absolute(ROOT, link)
    assert (urls.meeting_id(url), urls.committee_id(url), urls.item_id(url)) == (meeting, committee, item)


def test_same_site():
    assert urls.same_site("http://democracy.example.gov.uk/documents/s1/a.pdf", ROOT)  # http from the web service
    assert not urls.same_site("https://webcasts.example.net/x", ROOT)
    assert not urls.same_site("http://127.0.0.1:9000/x", "http://127.0.0.1:8000/")
    assert urls.on_site("http://democracy.example.gov.uk/a.pdf", ROOT) == "https://democracy.example.gov.uk/a.pdf"


def test_folder_names():
    assert site_folder(ROOT) == "democracy.example.gov.uk"
    assert site_folder("https://www.example.gov.uk/moderngov/") == "www.example.gov.uk-moderngov"
    assert site_folder("http://127.0.0.1:8123/") == "127.0.0.1-8123"
    assert slug("Planning Committee (North) – Café") == "planning-committee-north-cafe"


COMMITTEES_XML = b"""<?xml version="1.0" encoding="utf-8"?>
<committees>
  <committeescount> 3</committeescount>
  <committee><committeeid>312</committeeid><committeetitle>Appointments Sub-Committee</committeetitle>
    <committeedeleted>False</committeedeleted><committeeexpired>True</committeeexpired>
    <committeecategory>Governance</committeecategory></committee>
  <committee><committeeid>163</committeeid><committeetitle>Parks &amp;amp; Gardens Committee</committeetitle>
    <committeedeleted>False</committeedeleted><committeeexpired>False</committeeexpired>
    <committeecategory>Governance</committeecategory></committee>
  <committee><committeeid>144</committeeid><committeetitle>Old Panel</committeetitle>
    <committeedeleted>True</committeedeleted><committeeexpired>True</committeeexpired></committee>
</committees>"""


def test_web_service_committees_and_meetings():
    assert moderngov.committees_from_xml(COMMITTEES_XML) == [
        moderngov.Committee("312", "Appointments Sub-Committee", "Governance", True),
        moderngov.Committee("163", "Parks & Gardens Committee", "Governance", False),
    ]
    assert moderngov.committees_from_xml(b"<html><body>Not found</body></html>") is None
    xml = fernhollow().ws_meetings(101)
    found = moderngov.meetings_from_xml(xml, ROOT, "101")
    assert found is not None and len(found) == 13
    assert found[3] == moderngov.MeetingRef("1204", "101", ROOT + "ieListDocuments.aspx?CId=101&MId=1204&Ver=4",
                                            dt.date(2020, 3, 10), "Cancelled", True)


def test_meetings_list_page():
    site = fernhollow()
    page = moderngov.meetings_from_html(site.meetings_list(101, {}), ROOT, "101")
    assert [(m.id, m.date, m.label, m.cancelled) for m in page.meetings] == [
        ("1213", dt.date(2099, 1, 1), "Agenda", False),
        ("1212", dt.date(2024, 3, 19), "Agenda", False),
        ("1211", dt.date(2024, 1, 16), "Agenda, Draft minutes", False),
        ("1210", dt.date(2023, 7, 11), "Agenda, Minutes", False),
    ]
    assert page.earlier == ROOT + "ieListMeetings.aspx?Act=earlier&CId=101&D=202307111000&MD=ielistmeetings"
    assert page.later == ROOT + "ieListMeetings.aspx?Act=later&CId=101&D=209901011000&MD=ielistmeetings"
    assert page.years == [2019, 2020, 2021, 2022, 2023, 2024, 2099]
    older = moderngov.meetings_from_html(site.meetings_list(101, {"act": "earlier", "d": "202104201000"}), ROOT, "101")
    assert [(m.id, m.cancelled) for m in older.meetings][-1] == ("1202", False)
    assert ("1204", True) in [(m.id, m.cancelled) for m in older.meetings]
    assert moderngov.year_url(page.earlier, 2021) == ROOT + "ieListMeetings.aspx?CId=101&MD=ielistmeetings&Year=2021"


def test_committee_list_and_details_pages():
    site = kestrelmoor()
    assert moderngov.committees_from_html(site.committee_list(), ROOT) == [
        moderngov.Committee("201", "Cabinet", "Executive"),
        moderngov.Committee("202", "Overview and Scrutiny Committee", "Scrutiny"),
    ]
    assert moderngov.meetings_link(site.details(201), ROOT, "201") == ROOT + "ieListMeetings.aspx?CID=201"
    assert moderngov.body_name(site.committee_list()) == "Kestrelmoor Borough Council"
    generic = b"<html><head><title>Committee structure - Modern Council</title></head><body>" \
              b"<footer><small>&copy; 2024 Upper Fenwick Parish Council. All Rights Reserved.</small></footer></body></html>"
    assert moderngov.body_name(generic) == "Upper Fenwick Parish Council"


def test_meeting_page_cut_items_printed_minutes_and_drafts():
    site = fernhollow()
    cut = moderngov.read_meeting_page(site.meeting_page(site.meetings[1202]), ROOT)
    assert (cut.heading, cut.draft, cut.has_minutes, cut.printed) == ("Agenda and minutes", False, True, [])
    assert cut.cut == [moderngov.CutItem("5013", ROOT + "mgAi.aspx?ID=5013", "112"),
                       moderngov.CutItem("5014", ROOT + "mgAi.aspx?ID=5014", "113")]
    printed = moderngov.read_meeting_page(site.meeting_page(site.meetings[1201]), ROOT)
    assert (printed.has_minutes, [p.label for p in printed.printed]) == (False, ["Printed minutes"])
    assert printed.printed[0].url == ROOT + "documents/g1201/Printed%20minutes%20Tuesday%2012-Feb-2019%2010.00%20Cabinet.pdf?T=1"
    draft = moderngov.read_meeting_page(site.meeting_page(site.meetings[1211]), ROOT)
    assert (draft.heading, draft.draft, draft.has_minutes) == ("Agenda and draft minutes", True, True)
    agenda = moderngov.read_meeting_page(site.meeting_page(site.meetings[1212]), ROOT)
    assert (agenda.heading, agenda.has_minutes, agenda.draft) == ("Agenda", False, False)


def test_splice_puts_the_whole_minutes_in_place_of_the_cut():
    site = fernhollow()
    m = site.meetings[1202]
    full = {it.ai and str(it.ai): moderngov.item_minutes(site.item_page(m, it)) for it in m.items if it.cut_after}
    page, done = moderngov.splice(site.meeting_page(m), full)
    assert done == ["5013", "5014"]
    text = page.decode()
    assert "view the full minutes text" not in text
    assert text.count("heronsgate") == 1 and text.count("RESOLVED: That the contract be awarded") == 1
    assert moderngov.splice(site.meeting_page(m), {})[1] == []


def test_a_manifest_naming_the_body_names_the_committee(tmp_path):
    (tmp_path / "manifest.json").write_text(
        '{"defaults": {"committee": "Cabinet", "body": "Fernhollow District Council", "meeting_date": "2020-03-10"},'
        ' "files": {"m.html": {"url": "https://x.example/m", "etag": "\\"1\\"", "bytes": 12, "from": ["a"]}}}')
    manifests, errors = load_manifests(tmp_path)
    assert errors == []
    meeting = manifests.meeting_for("m.html")
    assert meeting == Meeting("Cabinet", dt.date(2020, 3, 10), "https://x.example/m", "Fernhollow District Council")
    doc = Document("m.html", "meeting", (Item("Budget", meeting=Meeting("Executive Cabinet")),),
                   meeting=Meeting("Executive Cabinet", None))
    filled = doc.with_defaults(meeting)
    assert filled.meeting.committee == "Cabinet (Fernhollow District Council)"
    assert filled.items[0].meeting == Meeting("Cabinet (Fernhollow District Council)", dt.date(2020, 3, 10),
                                              "https://x.example/m", "Fernhollow District Council")
    # without a body the file's own committee still wins, and the repr (hashed to spot
    # manifest changes) is what it was before bodies existed
    assert Document("m.html", "meeting", meeting=Meeting("Executive Cabinet")).with_defaults(
        Meeting("Cabinet")).meeting.committee == "Executive Cabinet"
    assert repr(Meeting("P", None, "u")) == "Meeting(committee='P', date=None, url='u')"


def test_printed_minutes_are_the_meetings_not_an_items_report_called_minutes():
    page = b"""<html><body><div id="modgov"><h1 class="mgMainTitleTxt">Agenda and minutes</h1>
<ul class="mgActionList"><li><a href="documents/g88/Printed minutes 01st-Feb-2023 10.00 Cabinet.pdf?T=1">Printed minutes
<span class="mgFileSize">PDF 111 KB</span></a></li>
<li><a href="documents/g88/Decisions 01st-Feb-2023 10.00 Cabinet.pdf?T=2">Printed decisions</a></li></ul>
<table class="mgItemTable" id="mgItemTable"><tr><td class="mgItemNumberCell"><p class="mgAiTitleTxt">4.</p></td>
<td><p class="mgAiTitleTxt"><a class="mgAiTitleLnk" href="documents/s901/Minutes of Previous Meeting.pdf">Minutes
<span class="mgFileSize">PDF 99 KB</span></a></p><p class="mgSubItemTitleTxt">Minutes:</p>
<div class="mgWordPara"><p>The minutes were agreed.</p></div></td></tr></table></div></body></html>"""
    info = moderngov.read_meeting_page(page, ROOT)
    assert [(p.url, p.label) for p in info.printed] == [
        (ROOT + "documents/g88/Printed%20minutes%2001st-Feb-2023%2010.00%20Cabinet.pdf?T=1", "Printed minutes")]


def test_every_printed_minutes_document_once_in_whichever_format_is_listed_first():
    page = b"""<html><body><div id="modgov"><h1 class="mgMainTitleTxt">Agenda and minutes</h1>
<ul class="mgActionList">
<li><a href="documents/g91/Printed minutes 07th-Mar-2023 18.30 Full Council.pdf?T=1">Printed minutes
<span class="mgFileSize">PDF 240 KB</span></a></li>
<li><a href="documents/g91/Printed minutes 07th-Mar-2023 18.30 Full Council.htm?T=9">Printed minutes
<span class="mgFileSize">HTML 60 KB</span></a></li>
<li><a href="documents/g91/Printed minutes part 2 07th-Mar-2023 18.30 Full Council.pdf?T=1">Printed minutes part 2
<span class="mgFileSize">PDF 80 KB</span></a></li>
<li><a href="ieListDocuments.aspx?CId=4&amp;MId=91&amp;Info=1">Printed minutes</a></li></ul>
</div></body></html>"""
    info = moderngov.read_meeting_page(page, ROOT)
    assert [(p.url, p.label) for p in info.printed] == [
        (ROOT + "documents/g91/Printed%20minutes%2007th-Mar-2023%2018.30%20Full%20Council.pdf?T=1", "Printed minutes"),
        (ROOT + "documents/g91/Printed%20minutes%20part%202%2007th-Mar-2023%2018.30%20Full%20Council.pdf?T=1",
         "Printed minutes part 2"),
        (ROOT + "ieListDocuments.aspx?CId=4&MId=91&Info=1", "Printed minutes"),
    ]


def test_web_service_meetings_of_other_committees_are_left_out():
    xml = b"""<?xml version="1.0"?><getmeetings><committee><committeeid>7</committeeid><committeemeetings>
<meeting><meetingid>70</meetingid><meetingdate>01/02/2023</meetingdate></meeting></committeemeetings></committee>
<committee><committeeid>8</committeeid><committeemeetings>
<meeting><meetingid>80</meetingid><meetingdate>03/02/2023</meetingdate></meeting></committeemeetings></committee>
</getmeetings>"""
    assert [m.id for m in moderngov.meetings_from_xml(xml, ROOT, "8") or []] == ["80"]
