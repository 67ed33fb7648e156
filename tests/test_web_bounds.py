"""Bad input never gives a 500: bounded parameters (422), lone surrogates, huge numbers; dossier
answers bounded (citations capped, the rest paged) and cached until the store changes.
"""
from __future__ import annotations

import json

import pytest

from autodossier.claims import Claim
from autodossier.ingest.document import Document
from autodossier.report.summary import MAX_CITATIONS, summarize
from autodossier.store import KnowledgeBase
from test_web_security import TOKEN, client, kb  # noqa: F401 (the same store and app fixtures)

AUTH = {"Authorization": f"Bearer {TOKEN}"}


LONG = "Q" * 60_000


@pytest.mark.parametrize(("path", "params"), [
    ("/api/models", {"q": LONG}), ("/api/models", {"make": LONG}), ("/api/models", {"lifecycle": LONG}),
    ("/api/claims", {"offset": "99999999999999999999999"}), ("/api/claims", {"offset": -1}),
    ("/api/claims", {"limit": 0}), ("/api/claims", {"limit": 1001}), ("/api/claims", {"limit": "x"}),
    ("/api/claims", {"subject": LONG}), ("/api/claims", {"source": LONG}), ("/api/claims", {"since": "2024-13-01"}),
    ("/api/claims", {"doc": "d" * 501}), (f"/api/models/{'Q' * 201}/dossier", {}), (f"/api/models/{'Q' * 201}", {}),
    ("/api/models/Q50/claims", {"offset": 10**12}), ("/api/models/Q50/dossier", {"as_of": "yesterday"}),
    ("/api/changes", {}), ("/api/changes", {"since": "2024-01-01", "subject": LONG}),
    ("/api/sales", {"subject": LONG}), ("/api/timeline", {"make": LONG}), ("/api/conflicts", {"make": LONG}),
    (f"/api/documents/{'d' * 501}", {}),
])
def test_out_of_bounds_parameters_are_422(client, path, params):
    r = client.get(path, params=params)
    assert r.status_code == 422, (path, r.status_code, r.text[:200])
    assert r.json()["detail"].startswith("invalid ")


def test_long_search_on_pages_is_an_error_page_not_500(client):
    r = client.get("/search", params={"q": LONG}, headers={"accept": "text/html"})
    assert r.status_code == 422 and "<html" in r.text


def test_store_refuses_absurd_names_cheaply(kb):
    assert kb.search_models(LONG) == []
    with pytest.raises(Exception, match="unknown model"):
        kb.resolve_model(LONG)


@pytest.mark.parametrize("field", ["text", "title", "outlet", "url", "doc"])
def test_lone_surrogates_in_a_posted_article_are_422(client, field):
    body = {"text": "The Nissan Z makes 400 hp.", field: "bad \ud800 text" if field != "doc" else "a\ud800"}
    raw = json.dumps(body).encode()  # "\ud800" escaped: valid JSON, invalid Unicode
    r = client.post("/api/articles", content=raw, headers={**AUTH, "content-type": "application/json"})
    assert r.status_code == 422, r.text
    # The connection and the server carry on.
    assert client.get("/api/models").status_code == 200


def test_unknown_vocabulary_is_422_and_echo_is_bounded(client):
    r = client.get("/api/claims", params={"attribute": "x" * 200})
    assert r.status_code == 422 and "power_hp" in r.json()["detail"] and len(r.text) < 3000


# --- bounded, paged, cached dossiers -----------------------------------------------------

def _many_sources(kb, n: int) -> None:
    """``n`` articles all saying the Nissan Z makes 400 hp (one fused value, n citations)."""
    pairs = []
    for i in range(n):
        text = f"Report {i}: the Nissan Z makes 400 hp, outlet {i} says in its own words number {i}."
        doc = Document(f"z{i:03d}", text, date=f"2024-02-{i % 28 + 1:02d}", outlet=f"Outlet {i}")
        pairs.append((doc, [Claim(doc=doc.doc, subject="Nissan Z", attribute="power_hp", value=400,
                                  status="confirmed", evidence=text)]))
    kb.ingest_many(pairs)


def test_dossier_caps_citations_and_pages_the_rest(kb, client):
    _many_sources(kb, 40)
    d = client.get("/api/models/Nissan Z/dossier").json()
    (power,) = [f for f in d["known"] if f["attribute"] == "power_hp"]
    assert len(power["citations"]) == MAX_CITATIONS and power["citations_total"] == 40
    assert d["sources_total"] >= 40
    seen, offset = [], 0
    while offset is not None:
        page = client.get("/api/models/Z/claims", params={"attribute": "power_hp", "limit": 15,
                                                          "offset": offset}).json()
        seen += [c["doc"] for c in page["items"]]
        offset = page["next_offset"]
    assert len(seen) == 40 and {c["doc"] for c in power["citations"]} <= set(seen)
    page = client.get("/models/Nissan Z", headers={"accept": "text/html"}).text
    assert f"and {40 - MAX_CITATIONS} more" in page and "/claims?attribute=power_hp" in page


def test_model_claims_unknown_model_and_vocabulary(client):
    assert client.get("/api/models/Nope 9/claims").status_code == 404
    assert client.get("/api/models/Q50/claims", params={"attribute": "nope"}).status_code == 422


def test_summary_keeps_everything_small_dossiers_have():
    d = {"known": [{"citations": [1, 2]}], "expected": [], "rumored": [], "superseded": [], "related": [],
         "timeline": [], "conflicts": [{"sides": [{"citations": list(range(9))}]}], "sources": [1, 2, 3]}
    s = summarize(d, max_citations=5)
    assert s["known"][0] == {"citations": [1, 2], "citations_total": 2}
    assert s["conflicts"][0]["sides"][0]["citations"] == [0, 1, 2, 3, 4]
    assert s["conflicts"][0]["sides"][0]["citations_total"] == 9 and s["sources_total"] == 3


def test_cached_dossier_is_fresh_after_any_write(kb, client, tmp_path):
    from autodossier.web.dossier_cache import cache_for

    first = client.get("/api/models/Nissan Z/dossier").json()
    cache = cache_for(kb)
    hits = cache.hits
    assert client.get("/api/models/Nissan Z/dossier").json() == first
    assert cache.hits == hits + 1
    # A write by another process (its own connection) makes the cached answer stale.
    with KnowledgeBase(kb.url) as other:
        _many_sources(other, 3)
    after = client.get("/api/models/Nissan Z/dossier").json()
    assert after["headline"]["claims"] == first["headline"]["claims"] + 3
    # And a write through the server itself.
    r = client.post("/api/articles", json={"text": "The Nissan Z makes 420 hp.", "doc": "z-post"}, headers=AUTH)
    assert r.status_code == 201 and r.json()["claims"]
    assert "z-post" in {s["doc"] for s in client.get("/api/models/Nissan Z/dossier").json()["sources"]}


def test_model_page_says_when_a_section_is_cut(kb, client):
    pairs = []
    for i in range(130):  # 130 trims, each with its price: 130 values in one section
        text = f"Note {i}: the Nissan Z costs ${30000 + i * 10}, dealer {i} said, in words of its own {i}."
        doc = Document(f"p{i:03d}", text, date="2024-03-01")
        pairs.append((doc, [Claim(doc=doc.doc, subject="Nissan Z", attribute="price", value=30000 + i * 10,
                                  unit="USD", status="reported", evidence=text, variant=f"Trim{i}")]))
    kb.ingest_many(pairs)
    d = client.get("/api/models/Nissan Z/dossier").json()
    section = max(("known", "expected", "rumored"), key=lambda k: d[f"{k}_total"])
    assert d[f"{section}_total"] > len(d[section]) == 100
    page = client.get("/models/Nissan Z", headers={"accept": "text/html"}).text
    assert f"The first 100 of {d[f'{section}_total']}" in page
