"""Atom feeds of changes (per model, per make, watchlist), parsed back with feedparser."""
from __future__ import annotations

import feedparser
import pytest
from fastapi.testclient import TestClient

import follow_corpus
from autodossier.settings import Settings
from autodossier.web import create_app


@pytest.fixture
def client(kb):
    follow_corpus.build(kb)
    return TestClient(create_app(Settings(db="unused"), kb=kb))


def parse(response):
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


def test_model_feed_has_one_entry_per_change_with_evidence_and_links(client):
    feed = parse(client.get("/models/Q50/feed.atom"))  # an alias works
    assert feed.feed.title == "Infiniti Q50: changes"
    titles = [e.title for e in feed.entries]
    assert titles[0] == "Infiniti Q50 · Sales (units) (2023, US): 15000 (confirmed)"  # newest first
    assert "Infiniti Q50 · Power: 400 hp now confirmed (was reported)" in titles
    assert len(feed.entries) == 5 and len({e.id for e in feed.entries}) == 5
    upgrade = next(e for e in feed.entries if "now confirmed" in e.title)
    assert upgrade.updated.startswith("2023-09-01")
    assert "Infiniti confirmed the Q50 makes 400 hp." in upgrade.content[0].value
    assert upgrade.link.startswith("http://testserver/documents/q50_confirm#ev-")
    page = client.get(upgrade.link.replace("http://testserver", ""), headers={"accept": "text/html"})
    assert page.status_code == 200 and upgrade.link.split("#")[1] in page.text


def test_feed_ids_stay_stable_across_reingest(client, kb):
    before = client.get("/models/Infiniti%20Q50/feed.atom").content
    ids = [e.id for e in parse(client.get("/models/Infiniti%20Q50/feed.atom")).entries]
    follow_corpus.build(kb)  # the same articles again
    assert [e.id for e in parse(client.get("/models/Infiniti%20Q50/feed.atom")).entries] == ids
    assert client.get("/models/Infiniti%20Q50/feed.atom").content == before


def test_make_feed_covers_every_model_of_the_make(client):
    feed = parse(client.get("/makes/infiniti/feed.atom"))
    subjects = {e.title.split(" · ")[0] for e in feed.entries}
    assert subjects == {"Infiniti Q50", "Infiniti QX60"}
    missing = client.get("/makes/Nope/feed.atom")
    # a feed sits outside /api: its 404 is the HTML error page, with the same message
    assert missing.status_code == 404 and "unknown make" in missing.text


def test_watchlist_feed_follows_the_watchlist(client, kb):
    assert parse(client.get("/watchlist/feed.atom")).entries == []
    kb.watch_add("model", "Infiniti QX60")
    feed = parse(client.get("/watchlist/feed.atom"))
    assert [e.title for e in feed.entries] == ["Infiniti QX60 · On sale: 2024 (expected)"]


def test_unknown_model_feed_is_404_with_suggestion(client):
    response = client.get("/models/Q5O/feed.atom")
    assert response.status_code == 404 and "Infiniti Q50" in response.text


def test_model_page_links_its_feed(client):
    page = client.get("/models/Infiniti%20Q50", headers={"accept": "text/html"}).text
    assert '<link rel="alternate" type="application/atom+xml"' in page
    assert 'href="http://testserver/models/Infiniti%20Q50/feed.atom"' in page
