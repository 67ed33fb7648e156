"""Hostile input on the web face: unsafe URLs never become links, security headers on every
response, public document fields without local paths or credentials, bounded parameters.
"""
from __future__ import annotations

import os

import pytest
from fastapi.testclient import TestClient

import web_corpus
from autodossier.claims import Claim
from autodossier.ingest import read_paths
from autodossier.ingest.document import Document
from autodossier.settings import Settings
from autodossier.store import KnowledgeBase
from autodossier.urls import public_url
from autodossier.web import create_app
from autodossier.web.security import CHART_CSP, DOCS_CSP, STRICT_CSP

HTML = {"accept": "text/html"}
TOKEN = "sec-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
HOSTILE_URLS = ["javascript:alert(document.cookie)", "JaVaScRiPt:alert(1)", " javascript:alert(1)",
                "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "file:///etc/passwd",
                "//evil.example/x", "java\tscript:alert(1)"]


@pytest.fixture
def kb(tmp_path):
    store = KnowledgeBase(f"sqlite:///{tmp_path / 'kb.db'}")
    web_corpus.build(store)
    yield store
    store.close()


@pytest.fixture
def client(kb):
    return TestClient(create_app(Settings(db="unused", token=TOKEN), kb=kb))


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_only_http_urls_are_links(url):
    assert public_url(url) is None


@pytest.mark.parametrize(("url", "shown"), [
    ("https://news.example/a?b=1", "https://news.example/a?b=1"),
    ("HTTP://news.example/", "HTTP://news.example/"),
    ("https://me:secret@news.example/a", "https://news.example/a"),
])
def test_http_urls_stay_without_credentials(url, shown):
    assert public_url(url) == shown


def _store(kb, doc: Document) -> None:
    kb.ingest(doc, [Claim(doc=doc.doc, subject="Nissan Z", attribute="power_hp", value=400,
                          status="confirmed", evidence=doc.text)])


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_hostile_url_header_is_no_link_on_any_page(kb, client, tmp_path, url):
    article = tmp_path / "evil.txt"
    article.write_text(f"title: Evil\nurl: {url}\ndate: 2024-01-01\n\nThe Nissan Z makes 400 hp.\n")
    (doc,) = read_paths([str(article)], Settings())
    _store(kb, doc)
    pages = [client.get(p, headers=HTML).text for p in ("/documents/evil", "/models/Nissan Z", "/documents")]
    for text in pages:
        assert "javascript:" not in text.lower() and "vbscript:" not in text and "data:text" not in text
        assert 'href="//evil' not in text and "file:///" not in text
    assert client.get("/api/documents/evil").json()["url"] is None
    dossier = client.get("/api/models/Nissan Z/dossier").json()
    assert all(s["url"] is None for s in dossier["sources"] if s["doc"] == "evil")


def test_hostile_feed_link_is_no_link(kb, client, tmp_path):
    feed = tmp_path / "evil.xml"
    feed.write_text("<rss version='2.0'><channel><title>Evil</title><item><title>x</title>"
                    "<link>javascript:alert(1)</link><description>The Nissan Z makes 400 hp.</description>"
                    "</item></channel></rss>")
    (doc,) = read_paths([str(feed)], Settings())
    _store(kb, doc)
    page = client.get(f"/documents/{doc.doc}", headers=HTML).text
    assert "javascript:" not in page and ">original</a>" not in page


def test_html_in_stored_text_is_escaped(kb, client):
    _store(kb, Document("xss", "The Nissan Z <script>alert(1)</script> makes 400 hp.",
                        title="<img src=x onerror=alert(1)>", outlet="<b>bold</b>"))
    for path in ("/documents/xss", "/documents", "/models/Nissan Z"):
        text = client.get(path, headers=HTML).text
        assert "<script>alert" not in text and "<img src=x" not in text and "<b>bold" not in text


def test_public_document_fields_have_no_local_path_or_credentials(kb, client, tmp_path):
    article = tmp_path / "secret-folder" / "story.txt"
    article.parent.mkdir()
    article.write_text("url: https://reader:hunter2@news.example/z\n\nThe Nissan Z makes 400 hp.\n")
    (doc,) = read_paths([str(article)], Settings())
    _store(kb, doc)
    for path in ("/api/documents", "/api/documents/story", "/api/models/Nissan Z/dossier",
                 "/api/claims?doc=story", "/documents/story", "/documents"):
        text = client.get(path, headers=HTML if not path.startswith("/api") else {}).text
        assert "secret-folder" not in text and "hunter2" not in text, path
    assert client.get("/api/documents/story").json()["url"] == "https://news.example/z"


@pytest.mark.parametrize(("path", "csp"), [
    ("/", STRICT_CSP), ("/models/Nissan Z", STRICT_CSP), ("/api/models", STRICT_CSP),
    ("/api/models/nope", STRICT_CSP), ("/nope", STRICT_CSP), ("/static/style.css", STRICT_CSP),
    ("/timeline", CHART_CSP), ("/sales", CHART_CSP), ("/docs", DOCS_CSP), ("/openapi.json", STRICT_CSP),
])
def test_security_headers_on_every_response(client, path, csp):
    r = client.get(path, headers=HTML)
    assert r.headers["content-security-policy"] == csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "no-referrer"
    assert r.headers["x-frame-options"] == "DENY"
    assert "script-src" not in csp or path == "/docs"  # pages run no script at all


def test_security_headers_on_refused_bodies(kb):
    small = TestClient(create_app(Settings(db="unused", token=TOKEN, max_request_bytes=100), kb=kb))
    r = small.post("/api/articles", json={"text": "x" * 500}, headers=AUTH)
    assert r.status_code == 413 and r.headers["content-security-policy"] == STRICT_CSP


@pytest.mark.skipif(not os.environ.get("AUTODOSSIER_TEST_CHROMIUM"), reason="AUTODOSSIER_TEST_CHROMIUM not set")
@pytest.mark.browser
def test_pages_render_under_the_policy_in_chromium(kb, tmp_path):
    """Real Chromium: stylesheet and charts load under the policy, a hostile link runs nothing."""
    from playwright.sync_api import sync_playwright

    from autodossier.web.background import BackgroundServer
    from test_web_browser import CHROMIUM_ARGS

    article = tmp_path / "evil.txt"
    article.write_text("title: Evil\nurl: javascript:alert(1)\n\n<script>alert(2)</script> The Nissan Z makes 400 hp.\n")
    (doc,) = read_paths([str(article)], Settings())
    _store(kb, doc)
    with BackgroundServer(create_app(Settings(db="unused"), kb=kb)) as server, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=os.environ["AUTODOSSIER_TEST_CHROMIUM"], args=CHROMIUM_ARGS)
        page = browser.new_page()
        violations, dialogs = [], []
        page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for path in ("/", "/models/Infiniti Q50", "/documents/evil", "/timeline", "/sales"):
            page.goto(server.url + path)
            # The site's stylesheet applied (its header is not the browser default).
            assert page.eval_on_selector("header.site", "e => getComputedStyle(e).display") == "flex"
        assert page.locator("a", has_text="original").count() == 0
        assert violations == [] and dialogs == []
        browser.close()
