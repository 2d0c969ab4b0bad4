"""A real browser (Debian's Chromium driven by Playwright) searching the bundled corpus."""

from __future__ import annotations

import os
import shutil

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

ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
]


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
def page(browser):
    context = browser.new_context()
    pg = context.new_page()
    yield pg
    context.close()


def test_type_county_lines_and_see_the_seed_item_highlighted(page, base_url):
    page.goto(base_url + "/")
    page.get_by_label("What are you looking for?").fill("county lines")
    page.locator("details.filters summary").click()
    page.get_by_label("Committee").select_option("Hampshire Police and Crime Panel")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**/search?q=county+lines**")
    cards = page.locator("ol.hits > li")  # one card per agenda item
    assert cards.filter(has_text="Hampshire Police and Crime Panel").count() == cards.count() == 2  # the seeds
    seed = cards.first  # the item whose passage says it, first
    assert seed.locator("h2").inner_text() == "Police and Crime Commissioner - Police and Crime Plan Delivery"
    assert seed.locator(".snippet mark").all_inner_texts() == ["County lines"]
    assert cards.nth(1).locator(".badge.matched").inner_text() == "matches 1 of 2 words; not “county”"
    assert page.locator("h1.count").inner_text() == "3 matching passages"


def test_result_opens_the_item_with_every_match_marked(page, base_url):
    page.goto(base_url + "/search?q=county+lines+committee:hampshire")
    page.locator("ol.hits > li h2 a").first.click()
    page.wait_for_selector("article.item")
    assert page.locator("article.item h1").inner_text() == "Police and Crime Commissioner - Police and Crime Plan Delivery"
    assert page.locator(".passage.matched mark").all_inner_texts() == ["County lines"]
    target = page.locator(".passage:target")  # the link's anchor lands on the matching passage
    assert target.locator("mark").all_inner_texts() == ["County lines"]


def test_filters_work_without_javascript(page, base_url):
    page.goto(base_url + "/search?q=precept")
    page.locator("details.filters summary").click()
    page.get_by_label("Speaker").select_option("commissioner")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**speaker=commissioner**")
    badges = page.locator("ol.hits .badge.speaker").all_inner_texts()
    assert badges and all(b.startswith("Commissioner") for b in badges)


def test_bad_query_shows_advice(page, base_url):
    response = page.goto(base_url + '/search?q="county')
    assert response is not None and response.status == 400
    assert "is never closed" in page.get_by_role("alert").inner_text()


def test_readable_on_a_phone(browser, base_url):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    pg = context.new_page()
    pg.goto(base_url + "/search?q=county+lines")
    overflow = pg.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    context.close()
    assert overflow == 0
