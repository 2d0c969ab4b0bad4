"""Harvesting from ModernGov-shaped sites served on loopback (tests/harvest_site.py)."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from indexer.build import update_index
from indexer.cli import main
from indexer.harvest import HarvestError, HarvestOptions, Politeness, harvest
from indexer.harvest.http import PROJECT_URL
from indexer.search import SearchEngine, SearchRequest

from .harvest_site import Site, fernhollow, kestrelmoor, serving
from .servers import quiet_env, running_server

FAST = Politeness(delay=0, timeout=0.5, backoff=0.01, max_bytes=1024 * 1024)
TODAY = dt.date(2025, 6, 1)
EARLIER = [f"meeting:{m}" for m in (1201, 1202, 1203, 1205, 1206)]
CABINET_A = [f"meeting:{m}" for m in (1201, 1202, 1203, 1205, 1206, 1207, 1208, 1209, 1210, 1211, 1212)]


def run(base: str, tmp: Path, committee: str = "Cabinet", *, index: bool = True, sleeps: list[float] | None = None,
        politeness: Politeness = FAST, **kw):
    options = HarvestOptions(committee=committee, corpus=tmp / "corpus", index=tmp / "index" if index else None,
                             politeness=politeness, today=TODAY, durable=False, **kw)
    return harvest(base, options, sleep=(sleeps.append if sleeps is not None else time.sleep))


def hits_of(index: Path, q: str) -> list[tuple[str | None, str | None, str]]:
    with SearchEngine(index) as engine:
        page = engine.search(SearchRequest(q=q, per_page=50))
    return sorted({(h.committee, h.date.isoformat() if h.date else None, h.title) for h in page.hits})


def site_dir(tmp: Path, base: str) -> Path:
    return tmp / "corpus" / ("127.0.0.1-" + base.rsplit(":", 1)[1])


@pytest.fixture()
def site_a():
    site = fernhollow()
    with serving(site) as base:
        yield site, base


def test_first_harvest_fetches_and_indexes_a_multi_year_archive(site_a, tmp_path):
    site, base = site_a
    report = run(base, tmp_path)
    assert report.failures == []
    assert (report.discovery, report.body) == ("web service", "Fernhollow District Council")
    assert (report.seen, report.new, report.changed, report.unchanged, report.cancelled, report.future) == (11, 11, 0, 0, 1, 1)
    # robots.txt first; the Disallowed printed minutes (documents/g1208/) never asked for
    assert site.hits[0].kind == "robots"
    assert not [h for h in site.hits if "/documents/g1208/" in urllib.parse.unquote(h.path)]
    assert any("robots.txt forbids" in n and "g1208" in n for n in report.notes)
    # every meeting page of the committee, the two cut items of each cut meeting, printed minutes
    assert site.served("meeting") == CABINET_A
    assert site.served("item") == ["item:5013", "item:5014", "item:5093", "item:5094"]
    assert site.served("printed") == ["printed:1201", "printed:1203", "printed:1205", "printed:1207"]
    # the other committees are left out
    assert not [h for h in site.hits if h.key.startswith(("meeting:13", "list:102", "ws:meetings:102"))]
    assert sorted(p.name for p in site_dir(tmp_path, base).iterdir()) == [".harvest-state.json", "cabinet"]
    assert site.user_agents == {f"minutes-search/{_version()} (+{PROJECT_URL}; harvests public minutes for local search)"}
    # the index holds the years 2019-2024, the text past a cut, and minutes only printed as PDF
    index = tmp_path / "index"
    with SearchEngine(index) as engine:
        assert engine.committees() == [("Cabinet (Fernhollow District Council)", 96)]
    assert hits_of(index, "heronsgate") == [
        ("Cabinet (Fernhollow District Council)", "2019-06-18", "Leisure Centre Contract"),
        ("Cabinet (Fernhollow District Council)", "2023-07-11", "Leisure Centre Contract"),
    ]
    assert hits_of(index, "brackenford") == [("Cabinet (Fernhollow District Council)", "2019-02-12",
                                              "The Brackenford Footbridge Scheme")]
    years = {d[:4] for _, d, _ in hits_of(index, "apologies")}
    assert years == {"2019", "2020", "2021", "2022", "2023", "2024"}


def test_meeting_folder_and_manifest(site_a, tmp_path):
    site, base = site_a
    run(base, tmp_path, index=False)
    folder = site_dir(tmp_path, base) / "cabinet"
    assert sorted(p.name for p in folder.iterdir())[:3] == ["2019-02-12-m1201", "2019-06-18-m1202", "2019-11-05-m1203"]
    cut = folder / "2019-06-18-m1202"
    assert sorted(str(p.relative_to(cut)) for p in cut.rglob("*")) == [
        ".sources", ".sources/meeting.html", ".sources/mgAi-5013.html", ".sources/mgAi-5014.html",
        "manifest.json", "minutes.html"]
    manifest = json.loads((cut / "manifest.json").read_text())
    url = f"{base}/ieListDocuments.aspx?CId=101&MId=1202&Ver=4"
    assert manifest["defaults"] == {"committee": "Cabinet", "body": "Fernhollow District Council",
                                    "meeting_date": "2019-06-18", "url": url}
    item = manifest["files"][".sources/mgAi-5014.html"]
    assert (item["url"], item["role"], item["item"], item["bytes"]) == (
        f"{base}/mgAi.aspx?ID=5014", "item", "113", len((cut / ".sources/mgAi-5014.html").read_bytes()))
    assert "etag" not in item  # item pages come without validators on this site
    assert manifest["files"][".sources/meeting.html"]["etag"].startswith('"')
    assert manifest["files"]["minutes.html"]["from"] == [".sources/meeting.html", ".sources/mgAi-5013.html",
                                                         ".sources/mgAi-5014.html"]
    # the indexed page holds each cut item whole, and no "view the full minutes text" stub
    text = (cut / "minutes.html").read_text()
    assert "heronsgate" in text and "view the full minutes text" not in text
    # printed minutes: indexed when the page has no minutes, kept aside when it has
    assert sorted(p.name for p in (folder / "2019-02-12-m1201").iterdir()) == [".sources", "manifest.json", "printed-minutes.pdf"]
    assert sorted(p.name for p in (folder / "2020-09-15-m1205").iterdir()) == [".sources", "manifest.json", "minutes.html"]
    assert (folder / "2020-09-15-m1205" / ".sources" / "printed-minutes.pdf").read_bytes().startswith(b"%PDF-")
    lm = json.loads((folder / "2020-09-15-m1205" / "manifest.json").read_text())["files"][".sources/printed-minutes.pdf"]
    assert lm["last_modified"].endswith(" GMT") and "etag" not in lm
    # `minutes index --update` on the corpus reads the meeting files, not the sources beside them
    built = update_index(tmp_path / "corpus", tmp_path / "index")
    assert (built.files, built.skipped, built.warnings) == (11, [], [])


def test_minutes_printed_in_two_parts_are_both_kept_and_indexed(tmp_path):
    site = fernhollow()
    site.meetings[1201].printed_parts = 2  # its page shows the agenda only
    with serving(site) as base:
        report = run(base, tmp_path)
        assert report.failures == []
        assert site.served("printed") == ["printed:1201", "printed:1201-2", "printed:1203", "printed:1205",
                                          "printed:1207"]
        meeting = site_dir(tmp_path, base) / "cabinet" / "2019-02-12-m1201"
        assert sorted(p.name for p in meeting.iterdir()) == [".sources", "manifest.json", "printed-minutes-2.pdf",
                                                             "printed-minutes.pdf"]
        # part 1 holds the apologies and declarations, part 2 the footbridge item: both searchable
        index = tmp_path / "index"
        assert hits_of(index, "brackenford") == [("Cabinet (Fernhollow District Council)", "2019-02-12",
                                                  "The Brackenford Footbridge Scheme")]
        assert ("Cabinet (Fernhollow District Council)", "2019-02-12", "Declarations of Interest") in hits_of(
            index, "declarations")
        site.hits.clear()
        again = run(base, tmp_path)
        assert (again.changed, again.failed) == (0, 0)
        assert site.served("printed") == []


def test_second_run_downloads_no_unchanged_meeting_or_item_page(site_a, tmp_path):
    site, base = site_a
    run(base, tmp_path)
    site.hits.clear()
    report = run(base, tmp_path)
    assert (report.seen, report.new, report.changed, report.unchanged, report.failed) == (11, 0, 0, 11, 0)
    assert site.served("meeting") == [] and site.served("item") == [] and site.served("printed") == []
    assert site.served("meeting", status=304) == CABINET_A  # asked conditionally, answered "not modified"
    assert report.not_modified == 11 and report.index is not None
    assert (report.index.files, report.index.unchanged) == (0, 11)


def test_get_meeting_gives_cut_items_whole_in_one_request(site_a, tmp_path):
    site, base = site_a
    site.get_meeting = True
    report = run(base, tmp_path)
    assert report.failures == []
    # one GetMeeting per meeting with cut items instead of one mgAi page per cut item
    assert site.served("ws") == ["ws:committees", "ws:meetings:101", "ws:meeting:1202", "ws:meeting:1210"]
    assert site.served("item") == []
    cut = site_dir(tmp_path, base) / "cabinet" / "2019-06-18-m1202"
    manifest = json.loads((cut / "manifest.json").read_text())
    assert manifest["files"]["minutes.html"]["from"] == [".sources/getmeeting.xml", ".sources/meeting.html"]
    assert manifest["files"][".sources/getmeeting.xml"]["role"] == "meeting-ws"
    text = (cut / "minutes.html").read_text()
    assert "heronsgate" in text and "view the full minutes text" not in text
    assert hits_of(tmp_path / "index", "heronsgate") == [
        ("Cabinet (Fernhollow District Council)", "2019-06-18", "Leisure Centre Contract"),
        ("Cabinet (Fernhollow District Council)", "2023-07-11", "Leisure Centre Contract"),
    ]
    # a second run asks for nothing but the meeting pages, conditionally
    site.hits.clear()
    again = run(base, tmp_path)
    assert (again.unchanged, again.failed) == (11, 0)
    assert site.served("ws") == ["ws:committees", "ws:meetings:101"] and site.served("item") == []


def test_items_the_web_service_withholds_are_read_from_their_own_pages(site_a, tmp_path):
    site, base = site_a
    site.get_meeting = True
    site.restricted = {5014}
    report = run(base, tmp_path, index=False)
    assert report.failures == []
    assert site.served("ws")[2:] == ["ws:meeting:1202", "ws:meeting:1210"]
    assert site.served("item") == ["item:5014"]
    text = (site_dir(tmp_path, base) / "cabinet" / "2019-06-18-m1202" / "minutes.html").read_text()
    assert "heronsgate" in text and "view the full minutes text" not in text


def test_a_site_without_get_meeting_falls_back_to_item_pages_after_one_try(site_a, tmp_path):
    site, base = site_a  # GetMeetings works here, GetMeeting answers 500
    report = run(base, tmp_path, index=False)
    assert report.failures == [] and report.notes == [n for n in report.notes if "GetMeeting" not in n]
    assert site.served("ws", status=500) == ["ws"]  # asked once, not again for the second cut meeting
    assert site.served("item") == ["item:5013", "item:5014", "item:5093", "item:5094"]
    folder = site_dir(tmp_path, base) / "cabinet" / "2019-06-18-m1202" / ".sources"
    assert not (folder / "getmeeting.xml").exists()


def test_site_without_validators_is_compared_by_hash_and_approved_minutes_are_not_asked_again(tmp_path):
    site = kestrelmoor()
    with serving(site) as base:
        first = run(base, tmp_path, index=False)
        assert (first.discovery, first.seen, first.new) == ("pages", 4, 4)
        site.hits.clear()
        second = run(base, tmp_path, index=False)
        # approved minutes are settled; the draft is fetched again and found unchanged by its hash
        assert site.served("meeting") == ["meeting:2104"]
        assert (second.new, second.changed, second.unchanged) == (0, 0, 4)
        site.hits.clear()
        third = run(base, tmp_path, index=False, recheck=True)
        assert site.served("meeting") == ["meeting:2101", "meeting:2102", "meeting:2103", "meeting:2104"]
        assert third.unchanged == 4


def test_changed_minutes_are_refetched_and_searchable_in_the_running_server(site_a, tmp_path):
    site, base = site_a
    run(base, tmp_path)
    (tmp_path / "home").mkdir()
    with running_server(tmp_path / "index", tmp_path / "home", workers=1, threads=2) as (server, _log):
        assert _search(server, "zanderwick") == 0
        site.hits.clear()
        site.approve(1211, "The Leader thanked the zanderwick volunteers for their work on the footbridge.")
        report = run(base, tmp_path)
        assert (report.new, report.changed, report.unchanged) == (0, 1, 10)
        assert site.served("meeting") == ["meeting:1211"]
        state = json.loads((site_dir(tmp_path, base) / ".harvest-state.json").read_text())
        assert state["meetings"]["1211"]["status"] == "minutes"
        deadline = time.monotonic() + 10
        while _search(server, "zanderwick") == 0 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert _search(server, "zanderwick") == 1


def _search(server: str, q: str) -> int:
    with urllib.request.urlopen(f"{server}/search.json?q={q}", timeout=10) as r:
        return json.loads(r.read())["total"]


def test_503_twice_then_ok_429_with_retry_after_and_a_slow_answer_are_retried(site_a, tmp_path):
    site, base = site_a
    site.fail("meeting:1206", "503", "503")
    site.fail("item:5013", "429:1")
    site.fail("meeting:1209", "slow:2.5")
    sleeps: list[float] = []
    # a timeout well above any answer of a loaded machine, well below the slow one's
    patient = Politeness(delay=0, timeout=1.5, backoff=0.01, max_bytes=1024 * 1024)
    report = run(base, tmp_path, index=False, sleeps=sleeps, politeness=patient)
    assert report.failures == [] and report.new == 11 and report.retries == 4
    assert [h.status for h in site.hits if h.key == "meeting:1206"] == [503, 503, 200]
    assert [h.status for h in site.hits if h.key == "item:5013"] == [429, 200]
    assert 1.0 in sleeps  # Retry-After honoured
    assert sorted(s for s in sleeps if s != 1.0) == pytest.approx([0.01, 0.01, 0.02], abs=0.006)  # backoff doubles


def test_a_page_that_keeps_failing_is_reported_then_finished_by_the_next_run(site_a, tmp_path):
    site, base = site_a
    site.fail("meeting:1207", "503", "503", "503", "503")
    report = run(base, tmp_path, index=False)
    assert (report.seen, report.new, report.failed) == (11, 10, 1)
    assert report.summary()[0] == ("Harvested Cabinet (Fernhollow District Council) through the web service: "
                                   "11 meetings seen, 10 new, 0 changed, 0 unchanged, 1 failed.")
    assert report.summary()[-1] == (f"failed: Cabinet 2021-10-12 (meeting 1207): the server answered HTTP 503 4 times "
                                    f"({base}/ieListDocuments.aspx?CId=101&MId=1207&Ver=4)")
    again = run(base, tmp_path, index=False)
    assert (again.new, again.unchanged, again.failed) == (1, 10, 0)


def test_cli_summary_and_exit_status(site_a, tmp_path, runner):
    site, base = site_a
    site.fail("meeting:1207", "404")
    args = ["harvest", base, "--committee", "Cabinet", "--corpus", str(tmp_path / "corpus"), "--no-index",
            "--delay", "0", "--quiet"]
    result = runner.invoke(main, args)
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == ("Harvested Cabinet (Fernhollow District Council) through the web service: "
                                             "11 meetings seen, 10 new, 0 changed, 0 unchanged, 1 failed.")
    assert result.stderr.splitlines()[-1] == (f"failed: Cabinet 2021-10-12 (meeting 1207): the page does not exist "
                                              f"(HTTP 404) ({base}/ieListDocuments.aspx?CId=101&MId=1207&Ver=4)")
    assert "Traceback" not in result.output
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].endswith("11 meetings seen, 1 new, 0 changed, 10 unchanged, 0 failed.")


def test_list_committees(runner):
    for make, expected in ((fernhollow, ["3 committees (from the site's web service):", "  101  Cabinet",
                                         "  102  Planning Committee", "  103  Licensing Committee (expired)"]),
                           (kestrelmoor, ["2 committees (from the site's pages):", "  201  Cabinet",
                                          "  202  Overview and Scrutiny Committee"])):
        site = make()
        with serving(site) as base:
            result = runner.invoke(main, ["harvest", base + "/mgListCommittees.aspx?bcr=1", "--list", "--delay", "0"])
        assert result.exit_code == 0, result.output
        assert result.output.splitlines() == expected


def test_pages_fallback_follows_earlier_and_later_links_and_stops_at_since(tmp_path):
    site = fernhollow()
    site.web_service = False
    with serving(site) as base:
        report = run(base, tmp_path, index=False)
        assert (report.discovery, report.seen, report.new, report.cancelled, report.future) == ("pages", 11, 11, 1, 1)
        assert site.served("list") == ["list:101:", "list:101:earlier202307111000", "list:101:earlier202104201000",
                                       "list:101:earlier201906181000", "list:101:earlier201902121000",
                                       "list:101:later209901011000"]
        assert site.served("meeting") == CABINET_A
    site = fernhollow()
    site.web_service = False
    with serving(site) as base:
        report = run(base, tmp_path / "since", index=False, since=dt.date(2022, 6, 1))
        assert site.served("list") == ["list:101:", "list:101:earlier202307111000", "list:101:later209901011000"]
        assert site.served("meeting") == ["meeting:1209", "meeting:1210", "meeting:1211", "meeting:1212"]


def test_year_selector_session_addresses_and_upper_case_keys(tmp_path):
    site = kestrelmoor()
    with serving(site) as base:
        report = run(base, tmp_path, index=False)
        assert report.failures == [] and report.seen == 4
        assert site.served("list") == ["list:201:", "list:201:2022", "list:201:2023"]
        # redirected into a session once, then asked there directly
        assert [h.key for h in site.hits if h.status == 302] == ["session"]
        assert all(h.path.startswith("/(S(") for h in site.hits if h.kind in ("meeting", "list", "details"))
    state = json.loads((site_dir(tmp_path, base) / ".harvest-state.json").read_text())
    assert state["meetings"]["2101"]["url"] == f"{base}/ieListDocuments.aspx?CID=201&MID=2101&Ver=4"


def test_resume_after_the_harvester_is_killed(site_a, tmp_path):
    site, base = site_a
    site.fail("meeting:1207", "hang")
    proc = subprocess.Popen(
        [sys.executable, "-m", "indexer.cli", "harvest", base, "--committee", "Cabinet", "--corpus",
         str(tmp_path / "corpus"), "--index", str(tmp_path / "index"), "--delay", "0", "--quiet"],
        env=quiet_env(tmp_path / "home"), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert site.hanging.wait(30)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
    finally:
        site.hang.set()
        if proc.poll() is None:
            proc.kill()
    deadline = time.monotonic() + 10
    while "meeting:1207" not in site.served("meeting", status=None) and time.monotonic() < deadline:
        time.sleep(0.05)  # the released request finishes (to a closed socket)
    assert not (tmp_path / "index").exists()  # killed before it indexed anything
    site.hits.clear()
    report = run(base, tmp_path)
    assert site.served("meeting", status=304) == EARLIER       # done before the kill: not downloaded again
    assert site.served("meeting") == CABINET_A[5:]               # from the one it was fetching onwards
    assert (report.new, report.unchanged, report.failed) == (6, 5, 0)
    assert hits_of(tmp_path / "index", "brackenford")  # written before the kill, indexed by the resumed run


def test_size_limit(site_a, tmp_path):
    site, base = site_a
    site.fail("printed:1201", "huge")
    report = run(base, tmp_path, index=False)
    [failure] = report.failures
    assert failure.what == "Cabinet 2019-02-12 (meeting 1201)"
    assert failure.reason.startswith("the printed minutes could not be fetched: the answer is 3,072 KB, over the 1,024 KB limit")
    assert [h.key for h in site.hits].count("printed:1201") == 1  # not retried


def test_links_and_redirects_off_the_site_are_not_followed(site_a, tmp_path):
    site, base = site_a
    elsewhere = kestrelmoor()
    with serving(elsewhere) as other:
        site.meetings[1206].printed = "pdf"
        site.meetings[1206].printed_host = other
        site.fail("item:5093", f"moved:{other}/mgAi.aspx?ID=5093")
        report = run(base, tmp_path, index=False)
        assert elsewhere.hits == []
    assert any(n.startswith(f"link off the site not followed: {other}/documents/g1206/") for n in report.notes)
    [failure] = report.failures
    assert failure.reason == (f"the full minutes of item 192 could not be fetched: {other}/mgAi.aspx?ID=5093 is not on "
                              f"{base}/; the harvester never leaves the site ({base}/mgAi.aspx?ID=5093)")


def test_two_sites_in_one_corpus_keep_their_committees_apart(site_a, tmp_path):
    site, base = site_a
    run(base, tmp_path)
    other = kestrelmoor()
    with serving(other) as base_b:
        report = run(base_b, tmp_path)
    assert report.failures == []
    with SearchEngine(tmp_path / "index") as engine:
        assert engine.committees() == [("Cabinet (Fernhollow District Council)", 96), ("Cabinet (Kestrelmoor Borough Council)", 36)]
        page = engine.search(SearchRequest(q="apologies", committee="Cabinet (Kestrelmoor Borough Council)", per_page=50))
    assert {h.committee for h in page.hits} == {"Cabinet (Kestrelmoor Borough Council)"}


def test_robots_txt_that_cannot_be_read_stops_the_run(tmp_path):
    site = fernhollow()
    site.fail("robots", "503", "503", "503", "503")
    with serving(site) as base:
        with pytest.raises(HarvestError, match=r"Could not read http://127\.0\.0\.1:\d+/robots\.txt \(the server answered "
                                               r"HTTP 503 4 times\); nothing was fetched\. Try again later\."):
            run(base, tmp_path, index=False)
        assert {h.kind for h in site.hits} == {"robots"}


def test_cli_errors_are_sentences(runner, tmp_path):
    site = fernhollow()
    with serving(site) as base:
        result = runner.invoke(main, ["harvest", base, "--committee", "Cabnet", "--corpus", str(tmp_path), "--delay", "0"])
        assert (result.exit_code, result.output) == (1, "Error: This site has no committee called 'Cabnet'. Did you mean: Cabinet?\n")
        result = runner.invoke(main, ["harvest", base, "--committee", "Committee", "--corpus", str(tmp_path), "--delay", "0"])
        assert result.output == ("Error: 2 committees match 'Committee': Planning Committee (id 102); "
                                 "Licensing Committee (id 103). Give the id to choose one.\n")
    result = runner.invoke(main, ["harvest", "ftp://example.org/", "--list"])
    assert result.output == "Error: 'ftp://example.org/' is not a web address (expected something like https://democracy.example.gov.uk/).\n"


def _version() -> str:
    from importlib.metadata import version

    return version("minutes-search")


_ = Site  # re-exported for readers of this module
