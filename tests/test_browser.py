"""A real browser (Debian's Chromium driven by Playwright) using the bundled corpus.

The journeys a resident or researcher takes run with JavaScript turned off (every page
must work without it); each step's screenshot is saved under ``test-artifacts/`` (or
``$MINUTES_TEST_ARTIFACTS``). The accessibility check injects axe-core, installed by
``make axe`` from the npm registry, into every kind of page at desktop and phone widths.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
from pathlib import Path

import pytest

from .servers import quiet_env, running_server

CHROMIUM = next(
    (p for p in (os.environ.get("CHROMIUM"), shutil.which("chromium"), shutil.which("chromium-browser")) if p), None
)
if CHROMIUM is None:
    if os.environ.get("CI") == "true":
        pytest.fail("Chromium is required for the browser test in CI (apt-get install chromium)", pytrace=False)
    pytest.skip("Chromium not installed: install Debian's chromium package to run the browser test", allow_module_level=True)

sync_api = pytest.importorskip("playwright.sync_api")
feedparser = pytest.importorskip("feedparser")

REPO = Path(__file__).parent.parent
ARTIFACTS = Path(os.environ.get("MINUTES_TEST_ARTIFACTS", REPO / "test-artifacts")) / "screenshots"
ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
WESSEX = "Wessex Police and Crime Panel"


def axe_script() -> Path | None:
    found = sorted((REPO / "tests" / ".axe").glob("*/node_modules/axe-core/axe.min.js"))
    return found[-1] if found else None


@pytest.fixture(scope="module")
def base_url(bundled_index, tmp_path_factory):
    with running_server(bundled_index, tmp_path_factory.mktemp("browser-server")) as (base, _):
        yield base


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    home = tmp_path_factory.mktemp("chromium-home")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, env=quiet_env(home))
        yield b
        b.close()


@pytest.fixture()
def page(browser, tmp_path):
    """A page with JavaScript off: what works here works for everyone."""
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False, accept_downloads=True)
    context.set_default_timeout(5000)
    pg = context.new_page()
    yield pg
    context.close()


@pytest.fixture()
def phone(browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, java_script_enabled=False)
    context.set_default_timeout(5000)
    pg = context.new_page()
    yield pg
    context.close()


def shot(pg, name: str) -> None:
    """Save a screenshot of what the page shows now, as a test artefact."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def count_heading(pg) -> str:
    return pg.locator("h1.count").inner_text()


def texts(locator) -> list[str]:
    """The text of each element, with its white space (layout line breaks) collapsed."""
    return [" ".join(t.split()) for t in locator.all_text_contents()]


def chip_labels(pg) -> list[str]:
    return [t.removesuffix(" × (remove this filter)") for t in texts(pg.locator(".chips a.chip"))]


def in_viewport(pg, selector: str) -> bool:
    box = pg.locator(selector).first.bounding_box()
    height = pg.viewport_size["height"]
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height


# ------------------------------------------------------------------ journeys


def test_type_county_lines_and_see_the_seed_item_highlighted(page, base_url):
    page.goto(base_url + "/")
    page.get_by_label("What are you looking for?").fill("county lines")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=county+lines")  # empty fields left out of the address
    # the first card, its words marked (the Hampshire seed item is 11th since related
    # terms count: a work programme's "county lines drug dealing" comes before it)
    first = page.locator("ol.hits > li").first
    assert first.locator("h3").inner_text() == "Police and Crime Plan Delivery Update - Protecting the Vulnerable from Harm"
    assert first.locator(".snippet mark").all_inner_texts() == ["county lines", "lines", "county lines", "county lines"]
    assert page.locator("ol.hits > li").filter(has_text="Hampshire Police and Crime Panel").count() == 0
    assert page.locator("p.also").inner_text() == "Related terms searched, counted for less: drug dealing, drug supply."
    # 17 items have both words; the page goes on with those that have one of them (or a
    # related term: one passage more than without them)
    assert count_heading(page) == "35 agenda items with 74 matching passages"
    shot(page, "01-search-county-lines")


def test_facet_then_remove_it_then_item_jumps_and_back(page, base_url):
    page.goto(base_url + "/search?q=county+lines")
    committee = page.locator("#facet-committee + ul a").filter(has_text=WESSEX)
    assert texts(committee) == [f"{WESSEX} 23 items"]  # name, count, and what is counted
    committee.click()
    page.wait_for_url(f"**/search?q=county+lines&committee={WESSEX.replace(' ', '+')}")
    assert count_heading(page).startswith("23 agenda items with ")  # the facet's count, in the same words
    assert texts(page.locator(".chips a.chip")) == [f"Committee: {WESSEX} × (remove this filter)"]
    shot(page, "02-facet-committee")

    page.locator("#facet-year + ul a").filter(has_text="2020").click()  # a second facet combines with the first
    page.wait_for_url("**&from=2020-01-01&to=2020-12-31")
    assert count_heading(page).startswith("4 agenda items with ")
    assert chip_labels(page) == [f"Committee: {WESSEX}", "Year: 2020"]
    shot(page, "03-facet-committee-and-year")

    page.locator(".chips a.chip").filter(has_text="Committee").click()  # remove one filter, keep the other
    page.wait_for_url("**/search?q=county+lines&from=2020-01-01&to=2020-12-31")
    assert chip_labels(page) == ["Year: 2020"]
    assert count_heading(page).startswith("4 agenda items with ")
    shot(page, "04-facet-removed")

    results_url = page.url
    card = page.locator("ol.hits > li").filter(has_text="Exploitation, County Lines and Modern Slavery")
    assert card.count() == 1 and card.locator(".passage-hit").count() == 2  # one card, its best two passages
    more = int(card.locator(".more a").inner_text().split()[0])
    card.locator(".more a").click()  # "N more matching passages in this item"
    page.wait_for_url("**#match-1")
    assert page.locator("article.item h1").inner_text() == (
        "23 Police and Crime Plan Delivery - Exploitation, County Lines and Modern Slavery"
    )
    # it opens at the first match, with the title, committee and date still in view
    assert in_viewport(page, "article.item h1") and in_viewport(page, ".item-head .meta")
    assert in_viewport(page, "#match-1")
    assert texts(page.locator(".item-head .meta")) == [f"{WESSEX} 20 November 2020"]
    shot(page, "05-item-first-match")

    nav = page.locator(".hitnav")
    matches = nav.locator("li a").count()
    # the card's passages and its "more" add up to what the item page counts
    assert nav.locator("span").first.inner_text() == f"{matches} of 11 passages match county lines:"
    assert matches == more + 2
    page.locator("#match-1 a").filter(has_text="Next").click()
    page.wait_for_url("**#match-2")
    assert in_viewport(page, "#match-2") and in_viewport(page, "article.item h1")
    target = page.locator(".passage:has(.jump:target)")
    assert "matched" in target.get_attribute("class").split()
    assert target.locator(".jump > span").inner_text() == f"Match 2 of {matches}"
    shot(page, "06-item-second-match")
    page.locator("#match-2 a").filter(has_text="Previous").click()
    page.wait_for_url("**#match-1")

    page.locator(".crumbs a").click()  # back to the same results, filters and all
    page.wait_for_url(results_url)
    assert chip_labels(page) == ["Year: 2020"]
    shot(page, "07-back-to-results")


def test_sort_is_kept_across_facets_and_pages(page, base_url):
    page.goto(base_url + "/search?q=police&per_page=5")
    page.locator("nav.sort a").filter(has_text="Newest first").click()
    page.wait_for_url("**/search?q=police&sort=newest&per_page=5")
    dates = page.locator("ol.hits time").evaluate_all("els => els.map(e => e.getAttribute('datetime'))")
    assert dates == sorted(dates, reverse=True)
    page.locator("#facet-section + ul a").filter(has_text="Resolution").click()
    page.wait_for_url("**/search?q=police&section=resolution&sort=newest&per_page=5")
    page.locator("nav.pages a[rel=next]").click()
    page.wait_for_url("**/search?q=police&section=resolution&sort=newest&per_page=5&page=2")
    assert page.locator("nav.sort a[aria-current]").inner_text() == "Newest first"


def test_timeline_bar_narrows_to_its_year(page, base_url):
    page.goto(base_url + "/search?q=police")
    caption = page.locator("figure.timeline figcaption").inner_text()
    assert caption.startswith("Matching agenda items by year, 2016 to 2025: ")
    rows = page.locator("figure.timeline table tbody tr")
    assert rows.count() == 10  # the table holds the same numbers, one row per year
    bar = page.locator('svg.chart a[aria-label^="2020:"]')
    label = bar.get_attribute("aria-label")
    shot(page, "08-timeline-years")
    bar.click()
    page.wait_for_url("**/search?q=police&from=2020-01-01&to=2020-12-31")
    assert count_heading(page).startswith(label.split(": ")[1].replace("items", "agenda items"))
    assert page.locator("figure.timeline figcaption").inner_text().startswith(
        "Matching agenda items by month, Jan 2020 to Nov 2020: "
    )
    shot(page, "09-timeline-months")


def test_export_downloads_every_match_as_csv_and_json(page, base_url, tmp_path):
    page.goto(base_url + "/search?q=county+lines&committee=" + WESSEX.replace(" ", "+"))
    heading = count_heading(page)
    passages = int(re.search(r"with (\d+) matching passages", heading).group(1))
    with page.expect_download() as info:
        page.locator(".downloads a").filter(has_text="CSV").click()
    download = info.value
    assert download.suggested_filename == "minutes-county-lines.csv"
    path = tmp_path / "export.csv"
    download.save_as(path)
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == passages > 10  # every match, not just the page
    assert list(rows[0]) == ["committee", "date", "item_number", "item_title", "section", "speaker_role",
                             "speaker_name", "text", "item_url", "source_url", "item_id", "passage_id"]
    assert {r["committee"] for r in rows} == {WESSEX}
    assert all(r["item_url"] == f"{base_url}/item/{r['item_id']}" for r in rows)
    assert all(" " not in r["source_url"] for r in rows)
    with page.expect_download() as info:
        page.locator(".downloads a").filter(has_text="JSON").click()
    info.value.save_as(tmp_path / "export.json")
    data = json.loads((tmp_path / "export.json").read_text(encoding="utf-8"))
    assert (data["total"], data["truncated"], data["message"]) == (passages, False, None)
    assert [r["passage_id"] for r in data["rows"]] == [r["passage_id"] for r in rows]
    shot(page, "10-export-links")


def test_feed_is_linked_and_lists_newest_items_once(page, base_url):
    page.goto(base_url + "/search?q=precept")
    link = page.locator('link[rel=alternate][type="application/atom+xml"]')
    href = link.get_attribute("href")
    assert href == "/feed.atom?q=precept"
    assert page.locator(".downloads a").filter(has_text="Atom feed").get_attribute("href") == href
    first = feedparser.parse(page.request.get(base_url + href).body())
    again = feedparser.parse(page.request.get(base_url + href).body())
    assert first.bozo == 0 and first.version == "atom10"
    assert first.feed.title == "Minutes search: precept"
    ids = [e.id for e in first.entries]
    assert len(ids) == len(set(ids)) > 5  # one entry per item
    assert ids == [e.id for e in again.entries]  # stable: a reader never sees an entry twice
    dates = [e.updated_parsed for e in first.entries]
    assert dates == sorted(dates, reverse=True)  # newest meeting first
    assert first.entries[0].title == "Police and Crime Commissioner - Proposed Precept 2025/26"
    assert first.entries[0].link == f"{base_url}/item/{ids[0].rsplit('/', 1)[1]}?q=precept"


def test_item_page_lists_the_same_item_at_other_meetings(page, base_url):
    page.goto(base_url + "/search?q=title:precept&sort=oldest")
    page.locator("ol.hits h3 a").first.click()
    page.wait_for_selector("article.item")
    series = page.locator("nav.series li")
    titles = series.locator("a").all_inner_texts()
    assert len(titles) >= 8 and all("Proposed Precept" in t for t in titles)
    dates = series.locator("time").evaluate_all("els => els.map(e => e.getAttribute('datetime'))")
    assert dates == sorted(dates, reverse=True)
    shot(page, "11-item-series")
    series.locator("a").first.click()  # the newest occurrence, from a whole meeting's minutes
    page.wait_for_selector("nav.siblings")
    agenda = texts(page.locator("nav.siblings li"))
    assert [line.split(" ")[0] for line in agenda] == [str(n) for n in range(27, 36)]  # the real numbers
    assert page.locator("nav.siblings [aria-current=page]").inner_text().endswith("Proposed Precept 2025/26")


def test_keyboard_only(browser, base_url):
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    pg = context.new_page()
    pg.goto(base_url + "/search?q=county+lines")
    pg.keyboard.press("Tab")
    assert pg.evaluate("document.activeElement.textContent") == "Skip to results"
    shot(pg, "12-keyboard-skip-link")
    pg.keyboard.press("Enter")
    assert pg.evaluate("document.activeElement.id") == "results"  # lands on the results, not the search box
    pg.keyboard.press("Tab")
    focused = pg.evaluate("""() => { const e = document.activeElement, s = getComputedStyle(e);
        return [e.textContent.trim(), s.backgroundColor, s.boxShadow, s.color]; }""")
    assert focused[1] == "rgb(255, 221, 0)" and "rgb(11, 12, 12)" in focused[2]  # yellow fill, dark underline
    assert contrast((255, 255, 255), (11, 12, 12)) >= 3 and contrast((255, 221, 0), (11, 12, 12)) >= 3
    shot(pg, "13-keyboard-focus")
    # Tab on to the first facet link and choose it with Enter
    for _ in range(60):
        pg.keyboard.press("Tab")
        if pg.evaluate("document.activeElement.closest('.facet') !== null"):
            break
    pg.keyboard.press("Enter")
    pg.wait_for_url("**committee=**")
    assert pg.locator(".chips a.chip").count() == 1
    context.close()


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    def lum(c: tuple[int, int, int]) -> float:
        ch = [x / 255 for x in c]
        ch = [x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4 for x in ch]
        return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2]

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_bad_query_shows_advice(page, base_url):
    response = page.goto(base_url + '/search?q="county')
    assert response is not None and response.status == 400
    assert "is never closed" in page.get_by_role("alert").inner_text()


def test_phone_shows_results_first_with_filters_as_chips(phone, base_url):
    phone.goto(base_url + "/search?q=county+lines&committee=" + WESSEX.replace(" ", "+") + "&section=discussion")
    assert chip_labels(phone) == [f"Committee: {WESSEX}", "Section: Discussion"]
    # a result begins on the first screen, a line of its heading at least (below the note
    # of related terms searched, which takes two lines)
    assert phone.locator("ol.hits > li h3").first.bounding_box()["y"] + 24 <= phone.viewport_size["height"]
    assert phone.locator("aside.refine").bounding_box()["y"] > phone.locator("ol.hits").bounding_box()["y"]
    shot(phone, "14-phone-results-with-chips")


PAGES = {
    "home": "/",
    "search": "/search?q=county+lines&committee=Wessex+Police+and+Crime+Panel",
    "search-months": "/search?q=police&from=2020-01-01&to=2020-12-31&exact=1",
    "no-results": "/search?q=zebra+giraffe",
    "bad-query": '/search?q="county',
    "help": "/help",
    "not-found": "/no/such/page",
}


@pytest.fixture(scope="module")
def axe_tabs(browser):
    """One tab per screen size, JavaScript on (axe needs it; the pages bring none)."""
    axe = axe_script()
    if axe is None:
        if os.environ.get("CI") == "true":
            pytest.fail("axe-core is required in CI: run make axe", pytrace=False)
        pytest.skip("axe-core not installed: run make axe")
    tabs = {}
    contexts = []
    for name, size in (("desktop", DESKTOP), ("phone", PHONE)):
        context = browser.new_context(viewport=size, is_mobile=name == "phone")
        context.set_default_timeout(10000)
        contexts.append(context)
        tab = context.new_page()
        tab.console_errors = []
        tab.on("console", lambda m, tab=tab: tab.console_errors.append(m.text) if m.type == "error" else None)
        tabs[name] = tab
    yield tabs, axe.read_text(encoding="utf-8")
    for context in contexts:
        context.close()


@pytest.mark.parametrize("name", [*PAGES, "item"])
@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_every_page_is_accessible_and_fits(axe_tabs, base_url, name, viewport):
    """axe-core finds no serious or critical problem (nor any other we know of); nothing is
    wider than the screen; no script is on the page and the CSP blocks nothing."""
    tabs, axe = axe_tabs
    pg = tabs[viewport]
    url = PAGES.get(name)
    if url is None:  # an item page opened from a search, with its matches marked
        pg.goto(base_url + "/search?q=county+lines")
        url = pg.locator("ol.hits h3 a").first.get_attribute("href")
    pg.console_errors.clear()
    response = pg.goto(base_url + url)
    assert response is not None
    csp = response.headers["content-security-policy"]
    assert "script-src" not in csp and "'unsafe-inline'" not in csp and csp.startswith("default-src 'none'")
    assert pg.locator("script").count() == 0
    # The test's own injection (through the DevTools protocol, which the CSP does not
    # govern; a <script> tag would be refused, as it should be). Pages carry no scripts.
    pg.evaluate(axe)
    violations = pg.evaluate("""async () => {
        const r = await axe.run(document, {resultTypes: ['violations']});
        return r.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' '))}));
    }""")
    overflow = pg.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    shot(pg, f"a11y-{name}-{viewport}")
    assert [v for v in violations if v["impact"] in ("serious", "critical")] == []
    assert violations == []  # moderate and minor ones too, as far as axe can tell
    assert overflow == 0
    assert [e for e in pg.console_errors if "Content Security Policy" in e] == []
