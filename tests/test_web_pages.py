"""The pages a newcomer meets, in process, on the bundled example corpus (examples/articles)."""
from __future__ import annotations

import re
from collections import deque
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from fastapi.testclient import TestClient

import autodossier
from autodossier.settings import Settings
from autodossier.web import create_app

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "articles"
# Pages the crawl visits at most: the example corpus has a few dozen.
MAX_CRAWL = 400
_HREF = re.compile(r'(?:href|src)="([^"#]*)')


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = tmp_path_factory.mktemp("pages") / "kb.db"
    with autodossier.open(str(db)) as ad:
        ad.ingest([str(EXAMPLES)])
    from autodossier.store import KnowledgeBase

    kb = KnowledgeBase(f"sqlite:///{db}")
    yield TestClient(create_app(Settings(db=str(db)), kb=kb))
    kb.close()


def test_docs_are_served_from_the_package(client):
    page = client.get("/docs")
    assert page.status_code == 200
    scripts = re.findall(r'<script src="([^"]+)"', page.text) + re.findall(r'<link[^>]+href="([^"]+)"', page.text)
    assert scripts and all(s.startswith("/") for s in scripts), scripts  # nothing from a CDN
    for asset in scripts:
        assert client.get(asset).status_code == 200, asset
    assert client.get("/openapi.json").json()["openapi"].startswith("3.")


def test_search_suggests_close_names_for_a_misspelling(client):
    page = client.get("/search", params={"q": "Infinti Q5"})
    assert page.status_code == 200
    assert re.search(r'href="[^"]*/models/Infiniti(?:%20| )Q50"', page.text) and "Did you mean" in page.text


def test_empty_sections_say_so_in_words(client):
    page = client.get("/models/Nissan Patrol").text
    assert "No value rests on rumor or speculation alone." in page
    assert "Nothing rumored" not in page


def test_favicon_is_served_and_linked(client):
    icon = client.get("/favicon.ico")
    assert icon.status_code == 200 and icon.headers["content-type"].startswith("image/svg+xml")
    assert 'rel="icon"' in client.get("/").text


@pytest.mark.parametrize("path", ["/documents/nope", "/models/Nope%20Nope", "/no/such/page"])
def test_page_404s_are_html_error_pages(client, path):
    for accept in ("*/*", "text/html"):
        page = client.get(path, headers={"accept": accept})
        assert page.status_code == 404
        assert page.headers["content-type"].startswith("text/html") and 'id="error"' in page.text


def test_api_404s_stay_json(client):
    answer = client.get("/api/documents/nope")
    assert answer.status_code == 404 and "detail" in answer.json()


def test_home_and_changes_lines_show_status(client):
    home = client.get("/").text
    section = home.split('id="latest-changes"')[1].split("</section>")[0]
    lines = re.findall(r"<li>(.*?)</li>", section, re.S)
    assert lines and all('class="badge' in line for line in lines)
    changes = client.get("/changes", params={"since": "2025-01-01"}).text
    changed = changes.split('id="changed"')[1].split("</ul>")[0]
    assert all('class="badge' in line for line in re.findall(r"<li>(.*?)</li>", changed, re.S))


def test_q50_page_tells_the_lifecycle_story(client):
    page = client.get("/models/Infiniti Q50").text
    story = re.search(r'id="lifecycle-story">([^<]+)<', page).group(1)
    assert story.index("discontinued 2024") < story.index("return planned")
    assert 'id="conflicts"' in page and "Lifecycle</strong>" not in page.split('id="conflicts"')[1].split("</section>")[0]


def test_as_of_page_shows_what_2022_said(client):
    page = client.get("/models/Infiniti Q50", params={"as_of": "2022-12-31"}).text
    assert 'id="mentions"' in page and "leaving only the Q50" in page


def test_mentioned_only_model_has_a_page(client):
    page = client.get("/models/Nissan Skyline")
    assert page.status_code == 200
    assert 'id="mentioned-only"' in page.text and "Skyline" in page.text.split('id="mentions"')[1]


def test_no_link_reachable_from_home_is_broken(client):
    seen, queue, broken = {"/"}, deque(["/"]), []
    while queue and len(seen) < MAX_CRAWL:
        path = queue.popleft()
        answer = client.get(path, headers={"accept": "text/html"})
        if answer.status_code >= 400:
            broken.append((path, answer.status_code))
            continue
        if not answer.headers.get("content-type", "").startswith("text/html"):
            continue
        for link in _HREF.findall(answer.text):
            url = urljoin("http://testserver" + path, link.replace("&amp;", "&"))
            parts = urlsplit(url)
            if parts.netloc != "testserver":
                continue  # article links point elsewhere; never fetched in tests
            target = parts.path + (f"?{parts.query}" if parts.query else "")
            if target not in seen:
                seen.add(target)
                queue.append(target)
    assert len(seen) > 20  # the crawl reached models, documents and charts
    assert not broken, broken
