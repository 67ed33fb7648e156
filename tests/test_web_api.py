"""The REST API and the server-rendered pages, in process (FastAPI TestClient)."""
from __future__ import annotations

import http.server
import re
import threading
from functools import partial

import pytest
from fastapi.testclient import TestClient

import web_corpus
from autodossier.claims import Claim
from autodossier.settings import Settings
from autodossier.store import KnowledgeBase
from autodossier.web import create_app
from autodossier.web.highlight import claim_anchor, highlight

TOKEN = "s3cret-test-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
HTML = {"accept": "text/html"}


@pytest.fixture
def kb(tmp_path):
    """A fresh store with the three hand-made articles."""
    store = KnowledgeBase(f"sqlite:///{tmp_path / 'kb.db'}")
    web_corpus.build(store)
    return store


def make_client(kb, **settings) -> TestClient:
    return TestClient(create_app(Settings(db="unused", **settings), kb=kb))


@pytest.fixture
def client(kb):
    """A read-write client (the server has a token)."""
    return make_client(kb, token=TOKEN)


@pytest.fixture
def fake_extract(monkeypatch):
    """An extractor that finds one power claim per sentence naming 'hp', so posts are checkable."""
    def extract(doc):
        out = []
        for sentence in re.split(r"(?<=\.)\s+", doc.text):
            m = re.search(r"(\d+) hp", sentence)
            if m:
                out.append(Claim(doc=doc.doc, subject="Lexus IS", attribute="power_hp", value=int(m.group(1)),
                                 status="confirmed", evidence=sentence.strip(), as_of=doc.date))
        return out

    monkeypatch.setattr("autodossier.extract.extract", extract)


# --- models, dossiers -------------------------------------------------------------------

@pytest.mark.parametrize("query, expected", [
    ({}, {"Infiniti Q50", "Nissan Z"}),
    ({"q": "q50"}, {"Infiniti Q50"}),
    ({"make": "nissan"}, {"Nissan Z"}),
    ({"lifecycle": "in-production"}, {"Nissan Z"}),
    ({"lifecycle": "planned"}, {"Infiniti Q50"}),
    ({"q": "no such car"}, set()),
])
def test_models_search_and_filters(client, query, expected):
    r = client.get("/api/models", params=query)
    assert r.status_code == 200
    assert {m["subject"] for m in r.json()} == expected


def test_unknown_model_is_404_with_suggestion(client):
    r = client.get("/api/models/Infinity Q5/dossier")
    assert r.status_code == 404
    assert "Infiniti Q50" in r.json()["detail"]


def test_dossier_sections_and_citations(client):
    d = client.get("/api/models/Q50/dossier").json()
    assert d["subject"] == "Infiniti Q50"
    assert {f["attribute"] for f in d["known"]} >= {"engine_code", "lifecycle"}
    assert [f["attribute"] for f in d["expected"]] == ["on_sale"]
    assert [c["attribute"] for c in d["conflicts"]] == ["power_hp"]
    assert all(c["evidence"] and c["doc"] for f in d["known"] for c in f["citations"])


def test_dossier_as_of_leaves_out_later_articles(client):
    before = client.get("/api/models/Q50/dossier", params={"as_of": "2024-04-01"}).json()
    assert before["as_of"] == "2024-04-01"
    assert before["conflicts"] == []  # the 450 hp rumor is from June
    assert {s["doc"] for s in before["sources"]} == {"web_q50_return"}


# --- claims, documents, sources -----------------------------------------------------------

@pytest.mark.parametrize("query, check", [
    ({"subject": "Q50"}, lambda c: c["subject"] == "Infiniti Q50"),
    ({"attribute": "power_hp"}, lambda c: c["attribute"] == "power_hp"),
    ({"status": "rumored"}, lambda c: c["status"] == "rumored"),
    ({"source": "Car and Driver"}, lambda c: "Car and Driver" in (c["source"], c["outlet"])),
    ({"since": "2024-01-01"}, lambda c: c["doc_date"] >= "2024-01-01"),
    ({"until": "2023-12-31"}, lambda c: c["doc_date"] <= "2023-12-31"),
    ({"doc": "web_z_sales"}, lambda c: c["doc"] == "web_z_sales"),
])
def test_claims_filters(client, query, check):
    items = client.get("/api/claims", params=query).json()["items"]
    assert items, query
    assert all(check(c) for c in items)


def test_claims_pages_cover_everything_once(client, kb):
    seen, offset = [], 0
    while offset is not None:
        page = client.get("/api/claims", params={"limit": 3, "offset": offset}).json()
        assert len(page["items"]) <= 3
        seen += [c["id"] for c in page["items"]]
        offset = page["next_offset"]
    assert sorted(seen) == sorted(c["id"] for c in kb.claims())


@pytest.mark.parametrize("query, status", [
    ({"status": "certain"}, 422),
    ({"attribute": "horsepower"}, 422),
    ({"since": "last week"}, 422),
    ({"limit": 0}, 422),
    ({"subject": "Tesla Model Q"}, 404),
])
def test_bad_claim_queries_get_clear_json_errors(client, query, status):
    r = client.get("/api/claims", params=query)
    assert r.status_code == status
    assert r.headers["content-type"].startswith("application/json")
    assert isinstance(r.json()["detail"], str) and r.json()["detail"]


def test_documents_and_one_document_with_claims(client):
    docs = client.get("/api/documents").json()
    assert {d["doc"] for d in docs} == {a.doc for a in web_corpus.ARTICLES}
    one = client.get("/api/documents/web_q50_rumor").json()
    assert one["text"].startswith("Rumor has it")
    assert {c["attribute"] for c in one["claims"]} == {"power_hp", "drivetrain"}
    assert client.get("/api/documents/missing").status_code == 404


def test_sources_count_outlets_and_attributed_sources(client):
    names = {(s["kind"], s["name"]) for s in client.get("/api/sources").json()}
    assert ("outlet", "Motor Gossip") in names and ("attributed", "Car and Driver") in names


def test_changes_since_a_date(client):
    r = client.get("/api/changes", params={"since": "2024-05-01"}).json()
    assert {c["doc"] for c in r["new_claims"]} == {"web_q50_rumor"}
    assert client.get("/api/changes").status_code == 422  # since is required


def test_conflicts_timeline_and_sales(client):
    conflicts = client.get("/api/conflicts").json()
    assert [(g["subject"], g["attribute"]) for g in conflicts] == [("Infiniti Q50", "power_hp")]
    timeline = client.get("/api/timeline", params={"make": "Nissan"}).json()
    assert [m["subject"] for m in timeline["models"]] == ["Nissan Z"]
    sales = client.get("/api/sales", params={"subject": "Nissan Z"}).json()["rows"]
    assert [(r["period"], r["region"], r["units"]) for r in sales] == [("2022", "US", 5000)]


def test_openapi_documents_every_api_route(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/models", "/api/models/{name}/dossier", "/api/claims", "/api/documents",
                 "/api/sources", "/api/changes", "/api/conflicts", "/api/timeline", "/api/sales",
                 "/api/articles", "/api/fetch"):
        assert path in paths
    assert client.get("/docs").status_code == 200


# --- writes: token, validation, limits -----------------------------------------------------

ARTICLE = {"text": "The new Lexus IS 500 makes 472 hp from its V8. It arrives next spring.",
           "title": "Lexus IS 500 tested", "date": "2024-09-01", "outlet": "Track Notes",
           "doc": "lexus_is500"}


def test_read_only_server_refuses_writes(kb):
    r = make_client(kb).post("/api/articles", json=ARTICLE)
    assert r.status_code == 403
    assert "read-only" in r.json()["detail"]


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"X-Autodossier-Token": "nope"}])
def test_writes_need_the_right_token(client, headers):
    assert client.post("/api/articles", json=ARTICLE, headers=headers).status_code == 401


def test_post_article_returns_and_stores_its_claims(client, kb, fake_extract):
    r = client.post("/api/articles", json=ARTICLE, headers=AUTH)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["doc"] == "lexus_is500" and body["result"] == "new"
    assert [(c["attribute"], c["value"]) for c in body["claims"]] == [("power_hp", 472)]
    stored = kb.claims(doc="lexus_is500")
    assert [c["evidence"] for c in stored] == ["The new Lexus IS 500 makes 472 hp from its V8."]
    assert kb.document("lexus_is500")["outlet"] == "Track Notes"
    again = client.post("/api/articles", json=ARTICLE, headers={"X-Autodossier-Token": TOKEN})
    assert again.json()["result"] == "unchanged"


def test_post_html_article_reads_the_page(client, kb, fake_extract):
    paragraphs = "".join(f"<p>Paragraph {i} of the long review says the IS 500 makes {400 + i} hp.</p>"
                         for i in range(6))
    html = f"<html><head><title>IS 500 review</title></head><body><nav>Menu</nav><article>{paragraphs}</article></body></html>"
    r = client.post("/api/articles", json={"html": html, "date": "2024-09-02"}, headers=AUTH)
    assert r.status_code == 201, r.text
    doc = kb.document(r.json()["doc"])
    assert "Paragraph 3" in doc["text"] and "<p>" not in doc["text"]
    assert len(r.json()["claims"]) == 6


@pytest.mark.parametrize("body", [
    {"title": "no body"},
    {"text": "   "},
    {"text": "both", "html": "<p>both</p>"},
    {"text": "bad date", "date": "yesterday"},
    {"text": "bad id", "doc": "../etc/passwd"},
])
def test_bad_article_bodies_are_422_with_a_reason(client, body):
    r = client.post("/api/articles", json=body, headers=AUTH)
    assert r.status_code == 422
    assert r.json()["detail"].startswith("invalid")


def test_non_json_body_is_rejected(client):
    r = client.post("/api/articles", content=b"just text", headers={**AUTH, "content-type": "text/plain"})
    assert r.status_code == 422


def test_oversized_request_is_413(kb):
    small = make_client(kb, token=TOKEN, max_request_bytes=2000)
    big = {**ARTICLE, "text": "The IS 500 makes 472 hp. " * 200}
    declared = small.post("/api/articles", json=big, headers=AUTH)
    assert declared.status_code == 413 and "limit" in declared.json()["detail"]
    # Without a Content-Length the body is counted as it streams in.
    chunks = (b'{"text": "' + b"x" * 500 for _ in range(10))
    streamed = small.post("/api/articles", content=chunks, headers={**AUTH, "content-type": "application/json"})
    assert streamed.status_code == 413


@pytest.fixture
def local_site(tmp_path):
    """A local HTTP server with a two-entry RSS feed (no internet in tests)."""
    items = "".join(
        f"<item><title>Item {i}</title><link>http://example.test/{i}</link>"
        f"<pubDate>Mon, 0{i + 1} Jul 2024 10:00:00 GMT</pubDate>"
        f"<description>The facelifted Lexus IS makes {300 + i} hp, the maker confirmed.</description></item>"
        for i in range(2))
    (tmp_path / "feed.xml").write_text(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Lexus Wire</title>{items}</channel></rss>')
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def site_client(kb, local_site):
    """A read-write client whose fetch guard lets through the local site (and nothing else local)."""
    from autodossier.web.outbound import OutboundClient

    port = int(local_site.rsplit(":", 1)[1])
    app = create_app(Settings(db="unused", token=TOKEN), kb=kb, fetcher=OutboundClient(exempt={("127.0.0.1", port)}))
    return TestClient(app)


def test_fetch_feed_ingests_each_entry(site_client, kb, fake_extract, local_site):
    client = site_client
    r = client.post("/api/fetch", json={"url": local_site + "/feed.xml"}, headers=AUTH)
    assert r.status_code == 201, r.text
    assert sorted(c["value"] for d in r.json() for c in d["claims"]) == [300, 301]
    assert all(kb.document(d["doc"])["outlet"] == "Lexus Wire" for d in r.json())


def test_fetch_unreachable_url_is_a_gateway_error(site_client, local_site):
    client = site_client
    r = client.post("/api/fetch", json={"url": local_site + "/missing.html"}, headers=AUTH)
    assert r.status_code == 502 and "could not fetch" in r.json()["detail"]
    assert client.post("/api/fetch", json={"url": "file:///etc/passwd"}, headers=AUTH).status_code == 422


# --- pages -------------------------------------------------------------------------------

def test_home_page_lists_models_and_search_redirects(client):
    home = client.get("/", headers=HTML)
    assert home.status_code == 200 and "Infiniti Q50" in home.text and "Nissan Z" in home.text
    r = client.get("/search", params={"q": "Q50"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].endswith("/models/Infiniti%20Q50")


def test_unknown_model_page_is_a_404_page(client):
    r = client.get("/models/Q70", headers=HTML)
    assert r.status_code == 404 and "text/html" in r.headers["content-type"]
    assert "Infiniti Q50" in r.text  # the store's suggestion


def test_every_evidence_link_lands_on_a_highlighted_sentence(client):
    page = client.get("/models/Infiniti Q50", headers=HTML).text
    links = set(re.findall(r'href="[^"]*/documents/([^"#]+)#(ev-[0-9a-f]+)"', page))
    assert len(links) >= 5
    for doc, anchor in links:
        html = client.get(f"/documents/{doc}", headers=HTML).text
        assert re.search(rf'id="{anchor}"', html), (doc, anchor)


@pytest.mark.parametrize("path", ["/timeline", "/timeline?make=Nissan", "/sales", "/conflicts",
                                  "/documents", "/changes?since=2024-01-01",
                                  "/models/Infiniti Q50?as_of=2024-04-01"])
def test_pages_render(client, path):
    r = client.get(path, headers=HTML)
    assert r.status_code == 200 and "<h1" in r.text


def test_bad_as_of_on_model_page_is_400(client):
    assert client.get("/models/Q50?as_of=soon", headers=HTML).status_code == 400


# --- highlighting ------------------------------------------------------------------------

def test_highlight_keeps_text_and_marks_each_sentence():
    text = "The GT-R is gone. Nissan confirmed it. A successor is rumored."
    claims = [{"evidence": "Nissan confirmed it."}, {"evidence": "A successor is rumored."},
              {"evidence": "Not in the text."}]
    segments, missing = highlight(text, claims)
    assert "".join(s.text for s in segments) == text
    assert [s.text for s in segments if s.anchor] == ["Nissan confirmed it.", "A successor is rumored."]
    assert missing == [claims[2]]


def test_overlapping_evidence_merges_and_keeps_both_anchors():
    text = "Power rises to 420 hp and torque to 400 lb-ft."
    a, b = {"evidence": "Power rises to 420 hp"}, {"evidence": "420 hp and torque to 400 lb-ft."}
    segments, _ = highlight(text, [a, b])
    marked = [s for s in segments if s.anchor]
    assert len(marked) == 1 and marked[0].text == text
    assert {marked[0].anchor, *marked[0].extra_anchors} == {claim_anchor(a), claim_anchor(b)}


def test_estimate_endpoint_gives_intervals_with_their_inputs(client):
    est = client.get("/api/models/Q50/estimate").json()
    assert est["subject"] == "Infiniti Q50" and est["available"]
    sixty = est["quantities"]["accel_0_60_s"]
    assert sixty["low"] <= sixty["point"] <= sixty["high"]
    assert any(i["attribute"] == "power_hp" for i in est["inputs"])


# --- the serve command -------------------------------------------------------------------

def run_cli(*args: str):
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "autodossier", *args], capture_output=True,
                          text=True, timeout=60)


def test_serve_help_explains_itself():
    r = run_cli("serve", "--help")
    assert r.returncode == 0
    assert "--db" in r.stdout and "--port" in r.stdout and "AUTODOSSIER_TOKEN" in r.stdout


@pytest.mark.parametrize("args", [["--db", "nosuchdriver://x"], ["--port", "0"]])
def test_serve_bad_options_fail_in_one_line(args):
    r = run_cli("serve", *args)
    assert r.returncode != 0
    assert "Traceback" not in r.stderr and r.stderr.strip()


@pytest.mark.slow
def test_demo_corpus_dossier_links_all_land(tmp_path):
    """The README demo: the example articles through the real pipeline, then the pages."""
    from pathlib import Path

    from autodossier.pipeline import ingest_paths

    articles = Path(__file__).resolve().parent.parent / "examples" / "articles"
    settings = Settings(db=str(tmp_path / "demo.db"))
    store = KnowledgeBase(settings.db_url)
    ingest_paths(store, [str(articles)], settings)
    client = make_client(store)
    r = client.get("/search", params={"q": "Q50"}, headers=HTML)
    assert r.status_code == 200 and 'id="subject"' in r.text
    links = set(re.findall(r'href="[^"]*/documents/([^"#]+)#(ev-[0-9a-f]+)"', r.text))
    assert links
    pages = {doc: client.get(f"/documents/{doc}", headers=HTML).text for doc, _ in links}
    missing = [(doc, a) for doc, a in links if f'id="{a}"' not in pages[doc]]
    assert not missing
