"""What a newcomer meets in a real Chromium, on the bundled example corpus (examples/articles).

Skipped unless ``AUTODOSSIER_TEST_CHROMIUM`` names the browser, like tests/test_web_browser.py,
whose browser fixture and flags it shares. Only loopback is ever contacted: any other request
is aborted and fails the test that made it.
"""
from __future__ import annotations

from pathlib import Path

import pytest

import autodossier
from autodossier.report.render import render_dossier
from autodossier.settings import Settings
from autodossier.store import KnowledgeBase
from autodossier.web import create_app
from autodossier.web.background import BackgroundServer
from test_web_browser import CHROMIUM, PAGE_TIMEOUT_MS, PHONE, browser  # noqa: F401 (a fixture)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM, reason="AUTODOSSIER_TEST_CHROMIUM not set (scripts/services/chromium.sh)"),
]
EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "articles"
# Below this width a lineup chart's labels are too small to read.
MIN_CHART_PX = 600


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("newcomer") / "kb.db"
    with autodossier.open(str(path)) as ad:
        ad.ingest([str(EXAMPLES)])
    return path


@pytest.fixture(scope="module")
def site(db):
    kb = KnowledgeBase(f"sqlite:///{db}")
    with BackgroundServer(create_app(Settings(db=str(db)), kb=kb)) as server:
        yield server.url
    kb.close()


def _context(browser, site, outside: list, **options):  # noqa: F811 (the shared fixture's name)
    context = browser.new_context(**options)

    def route(r):
        if r.request.url.startswith(site) or r.request.url.startswith(("data:", "about:")):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    return context


@pytest.fixture
def offline(browser):  # noqa: F811
    """A page factory whose contexts may reach only the site; collects what tried to leave."""
    made, outside = [], []

    def make(site: str, **options):
        context = _context(browser, site, outside, **({"viewport": {"width": 1280, "height": 900}} | options))
        made.append(context)
        page = context.new_page()
        page.set_default_timeout(PAGE_TIMEOUT_MS)
        return page

    make.outside = outside
    yield make
    for context in made:
        context.close()


def test_docs_render_offline(offline, site):
    page = offline(site)
    page.goto(site + "/docs")
    page.wait_for_selector(".swagger-ui .opblock-summary")
    assert page.locator(".opblock-summary").count() > 5
    assert not offline.outside


def test_timeline_is_readable_on_a_phone(offline, site):
    page = offline(site, viewport=PHONE, is_mobile=True)
    page.goto(site + "/timeline")
    width = page.locator("#timeline-chart svg").bounding_box()["width"]
    assert width >= MIN_CHART_PX
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"] + 1  # the page itself fits
    assert page.evaluate("(() => { const c = document.querySelector('#timeline-chart');"
                         " return c.scrollWidth > c.clientWidth; })()")  # the chart scrolls in its box


def test_misspelled_search_offers_the_model(offline, site):
    page = offline(site)
    page.goto(site + "/")
    page.fill("header input[name=q]", "Infinti Q5")
    page.press("header input[name=q]", "Enter")
    page.locator("#no-results a", has_text="Infiniti Q50").click()
    assert page.locator("h1#subject").inner_text() == "Infiniti Q50"


def test_missing_document_shows_the_error_page(offline, site):
    page = offline(site)
    response = page.goto(site + "/documents/nope")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Not found" and page.locator("#error").is_visible()


def test_favicon_loads(offline, site):
    page = offline(site)
    page.goto(site + "/")
    href = page.evaluate("document.querySelector('link[rel=icon]').href")
    # fetched through the browser context's request API: the pages' CSP forbids script fetches
    assert page.request.get(href).status == 200, (href, offline.outside)
    assert page.request.get(site + "/favicon.ico").status == 200


def test_related_model_links_open_pages(offline, site):
    page = offline(site)
    page.goto(site + "/models/Infiniti%20Q50")
    links = page.locator("#related a:not(.evlink)")
    names = links.all_inner_texts()
    assert "Nissan Skyline" in names
    for name in names:
        page.goto(site + "/models/Infiniti%20Q50")
        with page.expect_navigation():
            page.locator("#related a:not(.evlink)", has_text=name).first.click()
        assert page.locator("h1#subject").inner_text() == name


def test_standalone_dossier_prints_with_its_own_style(offline, site, db):
    with autodossier.open(str(db)) as ad:
        html = render_dossier(ad.dossier("Infiniti Q50"), "html")
    page = offline(site)
    page.set_content(html)
    assert page.evaluate("getComputedStyle(document.body).maxWidth") != "none"
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.body).maxWidth") == "none"
    assert page.locator("#known li").count() >= 1 and not offline.outside
