"""The web pages in a real headless Chromium (Debian's, driven by Playwright).

Skipped unless ``AUTODOSSIER_TEST_CHROMIUM`` names the browser (``scripts/services/chromium.sh``
sets it up; CI runs it). The app runs under uvicorn in a background thread on a free port.
"""
from __future__ import annotations

import os
import re

import pytest

import web_corpus
from autodossier.settings import Settings
from autodossier.store import KnowledgeBase
from autodossier.web import create_app
from autodossier.web.background import BackgroundServer

CHROMIUM = os.environ.get("AUTODOSSIER_TEST_CHROMIUM")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM, reason="AUTODOSSIER_TEST_CHROMIUM not set (scripts/services/chromium.sh)"),
]
# Flags that let Debian's chromium run as root in a container on a closed network: without
# the background-networking ones it tries to reach Google services and local pages fail.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
# Bounded waits: a local page renders in well under a second; this only catches hangs.
PAGE_TIMEOUT_MS = 15_000
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The web app over the hand-made corpus, served on a free local port."""
    db = tmp_path_factory.mktemp("web") / "kb.db"
    kb = KnowledgeBase(f"sqlite:///{db}")
    web_corpus.build(kb)
    with BackgroundServer(create_app(Settings(db=str(db)), kb=kb)) as server:
        yield server.url


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium for the module (Debian's binary; never a downloaded one)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh desktop-size page."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    p = context.new_page()
    p.set_default_timeout(PAGE_TIMEOUT_MS)
    yield p
    context.close()


def open_dossier_by_search(page, site: str, query: str) -> None:
    """Home page -> search box -> the model page the search leads to."""
    page.goto(site + "/")
    page.fill("#home-search input[name=q]", query)
    page.click("#home-search button")
    page.wait_for_selector("h1#subject")


def test_home_lists_makes_models_and_latest_changes(page, site):
    page.goto(site + "/")
    makes = page.locator("#makes h2").all_inner_texts()
    assert "Infiniti" in makes and "Nissan" in makes
    assert page.locator("#makes a", has_text="Infiniti Q50").count() == 1
    assert page.locator("#latest-changes li").count() >= 1


def test_search_q50_opens_its_dossier(page, site):
    open_dossier_by_search(page, site, "Q50")
    assert page.inner_text("h1#subject") == "Infiniti Q50"
    assert re.search(r"/models/Infiniti(%20| )Q50$", page.url)


def test_dossier_shows_every_section_with_status_badges(page, site):
    open_dossier_by_search(page, site, "Q50")
    for section in ("known", "expected", "rumored", "conflicts", "unanswered", "sources"):
        assert page.locator(f"section#{section} h2").is_visible(), section
    assert page.locator("#known .badge.confirmed").count() >= 1
    assert page.locator("#expected .badge.reported").count() >= 1
    # 400 hp (confirmed) against 450 hp (rumored): kept side by side as a conflict.
    conflict = page.inner_text("#conflicts")
    assert "400 hp" in conflict and "450 hp" in conflict


def test_evidence_link_jumps_to_the_highlighted_sentence(page, site):
    open_dossier_by_search(page, site, "Q50")
    fact = page.locator("#expected li.fact").first
    quoted = fact.locator(".evidence q").first.inner_text()
    fact.locator("a.evlink").first.click()
    page.wait_for_url(re.compile(r"/documents/[^#]+#ev-[0-9a-f]+$"))
    target = page.locator("mark.claim:target")
    assert target.count() == 1
    assert target.inner_text().strip() == quoted.strip()


def test_as_of_date_hides_later_reporting(page, site):
    open_dossier_by_search(page, site, "Q50")
    assert "450 hp" in page.inner_text("main")
    # The rumor of 450 hp came out in June 2024; in April only the confirmed 400 hp stood.
    page.fill("#as_of", "2024-04-01")
    page.click("#asof-form button")
    page.wait_for_selector("#asof-note")
    assert "as_of=2024-04-01" in page.url
    text = page.inner_text("main")
    assert "450 hp" not in text and "400 hp" in text
    assert page.locator("#conflicts .conflict").count() == 0


def test_timeline_page_draws_the_lineup(page, site):
    page.goto(site + "/")
    page.click("header.site >> text=Timeline")
    page.wait_for_selector("h1")
    assert page.locator(".chart svg").count() >= 1
    assert "Nissan Z" in page.inner_text("main")


def test_sales_page_has_chart_and_table(page, site):
    page.goto(site + "/sales")
    table = page.inner_text("table")
    assert "Nissan Z" in table and re.search(r"5,?000", table)


def test_conflicts_page_lists_open_disagreements(page, site):
    page.goto(site + "/conflicts")
    assert page.locator("section.conflict").count() == 1
    assert "Infiniti Q50" in page.inner_text("section.conflict h2")


@pytest.mark.parametrize("path", ["/", "/models/Infiniti%20Q50", "/documents/web_q50_return", "/conflicts"])
def test_pages_fit_a_phone_screen(browser, site, path):
    context = browser.new_context(viewport=PHONE, is_mobile=True)
    page = context.new_page()
    page.goto(site + path)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    context.close()
    assert overflow <= 1, f"{path} is {overflow}px wider than a phone screen"


def test_dossier_reads_without_javascript(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site + "/search?q=Q50")
    assert page.inner_text("h1#subject") == "Infiniti Q50"
    assert page.locator("#known li.fact").count() >= 1
    context.close()
