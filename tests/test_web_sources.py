"""The sources' track-record page and API, in process."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

import follow_corpus
from autodossier.settings import Settings
from autodossier.store import KnowledgeBase
from autodossier.web import create_app


@pytest.fixture
def client(tmp_path):
    kb = KnowledgeBase(f"sqlite:///{tmp_path / 'kb.db'}")
    follow_corpus.build(kb)
    yield TestClient(create_app(Settings(db="unused"), kb=kb))
    kb.close()


def test_track_record_api_reports_counts_rate_interval_and_lead(client):
    data = client.get("/api/sources/track-record").json()
    best = next(r for r in data["sources"] if r["name"] == "Best Car")
    # Three power rumors borne out, one contradicted; the Q50's "> 450 hp" contradicted by 400 hp.
    assert (best["borne_out"], best["contradicted"], best["open"]) == (3, 2, 0)
    assert best["hit_rate"] == 0.6 and best["ci_low"] < 0.6 < best["ci_high"]
    assert best["median_lead_days"] == 142
    assert best["families"]["specs"]["resolved"] == 5
    autocar = next(r for r in data["sources"] if r["name"] == "Autocar Weekly")
    assert (autocar["borne_out"], autocar["open"]) == (1, 1)


def test_track_record_api_filters_and_sorts(client):
    by_name = [r["name"] for r in client.get("/api/sources/track-record?sort=name").json()["sources"]]
    assert by_name == sorted(by_name, key=str.lower)
    dates = client.get("/api/sources/track-record?family=dates").json()["sources"]
    assert [r["name"] for r in dates] == ["Autocar Weekly"] and dates[0]["open"] == 1
    early = client.get("/api/sources/track-record?as_of=2022-03-01").json()["sources"]
    assert all(r["resolved"] == 0 for r in early)


@pytest.mark.parametrize("query", ["sort=bogus", "family=engines", "kind=blog", "as_of=2022-13-01", "min_resolved=-1"])
def test_track_record_api_rejects_bad_parameters(client, query):
    response = client.get(f"/api/sources/track-record?{query}")
    assert 400 <= response.status_code < 500
    assert response.json()["detail"]


def test_sources_page_has_sortable_table_and_chart(client):
    page = client.get("/sources", headers={"accept": "text/html"})
    assert page.status_code == 200
    assert 'id="track-record"' in page.text and "<svg" in page.text
    assert "Best Car: 3 of 5 borne out" in page.text
    assert 'href="?sort=hit_rate"' in page.text
    by_rate = client.get("/sources?sort=hit_rate", headers={"accept": "text/html"}).text
    body = by_rate.split('id="track-record"')[1]
    assert body.index("Autocar Weekly") < body.index("Best Car")  # 100% before 60%
    bad = client.get("/sources?sort=bogus", headers={"accept": "text/html"})
    assert bad.status_code == 400 and "unknown sort" in bad.text


def test_dossier_page_explains_weights_by_track_record(client):
    page = client.get("/models/Infiniti%20Q50", headers={"accept": "text/html"}).text
    assert "Best Car: 3 of 5 power claims borne out" in page
    assert "Autocar Weekly: 1 of 1 uncertain claims borne out" in page
