"""The track-record page and the model page's feed link in a real headless Chromium.

Skipped unless ``AUTODOSSIER_TEST_CHROMIUM`` names the browser (see tests/test_web_browser.py).
"""
from __future__ import annotations

import feedparser
import httpx
import pytest

import follow_corpus
from autodossier.settings import Settings
from autodossier.store import KnowledgeBase
from autodossier.web import create_app
from autodossier.web.background import BackgroundServer
from test_web_browser import CHROMIUM, CHROMIUM_ARGS, PAGE_TIMEOUT_MS, PHONE, browser, page  # noqa: F401 (fixtures)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM, reason="AUTODOSSIER_TEST_CHROMIUM not set (scripts/services/chromium.sh)"),
]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    db = tmp_path_factory.mktemp("follow") / "kb.db"
    kb = KnowledgeBase(f"sqlite:///{db}")
    follow_corpus.build(kb)
    with BackgroundServer(create_app(Settings(db=str(db)), kb=kb)) as server:
        yield server.url
    kb.close()


def _names(page) -> list[str]:
    return page.locator("#track-record tbody tr td:first-child").all_inner_texts()


def test_sources_page_sorts_by_clicked_header_and_draws_chart(page, site):
    page.goto(site + "/")
    page.click("header nav a:has-text('Sources')")
    page.wait_for_selector("#track-record")
    assert _names(page)[0] == "Best Car"  # most resolved claims first
    bars = page.locator("#hit-rate-chart svg g.bar")
    assert bars.count() == 2  # the two sources with resolved claims
    dots = {bars.nth(i).locator("title").text_content().split(":")[0]: float(bars.nth(i).locator("circle").get_attribute("cx"))
            for i in range(2)}
    assert dots["Autocar Weekly"] > dots["Best Car"]  # 100% right of 60%
    page.click("#track-record th a:has-text('Hit rate')")
    page.wait_for_url("**sort=hit_rate**")
    names = _names(page)
    assert names.index("Autocar Weekly") < names.index("Best Car")
    page.click("#track-record th a:has-text('Source')")
    page.wait_for_url("**sort=name**")
    assert _names(page) == sorted(_names(page), key=str.lower)


def test_sources_page_filters_by_family(page, site):
    page.goto(site + "/sources")
    page.select_option("#family", "dates")
    page.click("#sources-filter button")
    page.wait_for_url("**family=dates**")
    assert _names(page) == ["Autocar Weekly"]


def test_sources_page_fits_a_phone(browser, site):
    context = browser.new_context(viewport=PHONE, is_mobile=True)
    p = context.new_page()
    p.goto(site + "/sources")
    assert p.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    context.close()


def test_model_page_advertises_a_valid_atom_feed(page, site):
    page.goto(site + "/models/Infiniti%20Q50")
    href = page.locator('head link[rel="alternate"][type="application/atom+xml"]').get_attribute("href")
    feed = feedparser.parse(httpx.get(href if href.startswith("http") else site + href).content)
    assert not feed.bozo and len(feed.entries) == 5
    page.click("#feed-link")  # the visible link leads to the same feed
    assert page.url.endswith("/models/Infiniti%20Q50/feed.atom")
