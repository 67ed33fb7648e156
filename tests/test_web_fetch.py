"""``POST /api/fetch`` behind its SSRF guard, against servers this test starts on loopback.

The default guard refuses every non-public address, so the loopback servers stand in for
internal services: each refusal is proven by the server never seeing the request. The
non-refusal path uses a guard that exempts one (address, port) pair. No traffic leaves
loopback.
"""
from __future__ import annotations

import http.server
import threading
import time

import pytest
from fastapi.testclient import TestClient

from autodossier.settings import Settings
from autodossier.store import KnowledgeBase
from autodossier.web import create_app
from autodossier.web.outbound import UPSTREAM_FAILED, OutboundClient, is_public_address

TOKEN = "fetch-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
ARTICLE = (b"<html><head><title>Z news</title></head><body><article><p>The Nissan Z Nismo makes "
           b"420 hp from its twin-turbo V6, Nissan confirmed on Tuesday in Yokohama.</p></article></body></html>")


class Site:
    """A loopback HTTP server that records what it was asked and answers by path."""

    def __init__(self, routes: dict[str, tuple[int, dict, bytes]] | None = None, delay_s: float = 0) -> None:
        self.routes = routes or {}
        self.seen: list[tuple[str, dict]] = []
        site = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                site.seen.append((self.path, dict(self.headers)))
                if delay_s:
                    time.sleep(delay_s)
                status, headers, body = site.routes.get(self.path, (404, {}, b"no"))
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:  # noqa: ANN002
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def sites():
    made: list[Site] = []

    def make(*args, **kwargs) -> Site:
        made.append(Site(*args, **kwargs))
        return made[-1]

    yield make
    for site in made:
        site.close()


@pytest.fixture
def kb(tmp_path):
    store = KnowledgeBase(f"sqlite:///{tmp_path / 'kb.db'}")
    yield store
    store.close()


def client_for(kb, fetcher=None) -> TestClient:
    return TestClient(create_app(Settings(db="unused", token=TOKEN), kb=kb, fetcher=fetcher))


def fetch(client: TestClient, url: str):
    return client.post("/api/fetch", json={"url": url}, headers=AUTH)


# Every spelling of an internal address the guard must refuse ({port}: the internal server's).
INTERNAL_SPELLINGS = [
    "http://127.0.0.1:{port}/", "http://localhost:{port}/", "http://LOCALHOST.:{port}/", "http://127.1:{port}/",
    "http://2130706433:{port}/", "http://0x7f000001:{port}/", "http://0177.0.0.1:{port}/",
    "http://0x7f.1:{port}/", "http://[::ffff:127.0.0.1]:{port}/", "http://[::1]:{port}/",
    "http://[0:0:0:0:0:ffff:7f00:1]:{port}/", "http://0.0.0.0:{port}/", "http://0:{port}/",
    "http://[::]:{port}/", "http://user:pw@127.0.0.1:{port}/", "HTTP://127.0.0.1:{port}/",
]


@pytest.mark.parametrize("spelling", INTERNAL_SPELLINGS)
def test_internal_addresses_are_refused_in_every_spelling(kb, sites, spelling):
    internal = sites({"/": (200, {}, ARTICLE)})
    r = fetch(client_for(kb), spelling.format(port=internal.port))
    assert r.status_code == 400, r.text
    assert "not a public internet address" in r.json()["detail"]
    assert internal.seen == []  # refused before a byte was sent
    assert kb.documents() == []


@pytest.mark.parametrize("address", [
    "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0",
    "224.0.0.1", "240.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "ff02::1",
    "::ffff:10.0.0.1", "::ffff:169.254.169.254", "64:ff9b::a00:1", "2002:7f00:1::1", "2001:db8::1",
    "fe80::1%eth0", "not-an-ip",
])
def test_non_public_addresses(address):
    assert not is_public_address(address)


@pytest.mark.parametrize("address", ["93.184.215.14", "8.8.8.8", "2606:4700::6810:85e5"])
def test_public_addresses(address):
    assert is_public_address(address)


def test_a_name_resolving_to_an_internal_address_is_refused(kb, sites):
    internal = sites({"/": (200, {}, ARTICLE)})
    # A public-looking name whose DNS answer (one of several) points inside.
    fetcher = OutboundClient(resolver=lambda host, port: ["93.184.215.14", "127.0.0.1"])
    r = fetch(client_for(kb, fetcher), f"http://news.example:{internal.port}/")
    assert r.status_code == 400 and internal.seen == []


def test_redirects_to_internal_addresses_are_refused(kb, sites):
    internal = sites({"/admin": (200, {}, ARTICLE)})
    targets = [f"http://127.0.0.1:{internal.port}/admin", f"http://localhost:{internal.port}/admin",
               f"http://[::1]:{internal.port}/admin", f"http://2130706433:{internal.port}/admin"]
    public = sites({f"/r{i}": (302, {"Location": t}, b"") for i, t in enumerate(targets)}
                   | {"/chain": (301, {"Location": "/r0"}, b"")})
    fetcher = OutboundClient(exempt={("127.0.0.1", public.port)})
    client = client_for(kb, fetcher)
    for path in [f"/r{i}" for i in range(len(targets))] + ["/chain"]:
        r = fetch(client, public.url + path)
        assert r.status_code == 400, (path, r.text)
    assert internal.seen == [] and kb.documents() == []


def test_an_allowed_fetch_follows_redirects_strips_credentials_and_hides_them(kb, sites):
    site = sites({"/old": (301, {"Location": "/story"}, b""), "/story": (200, {}, ARTICLE)})
    client = client_for(kb, OutboundClient(exempt={("127.0.0.1", site.port)}))
    r = fetch(client, f"http://reader:hunter2@127.0.0.1:{site.port}/old")
    assert r.status_code == 201, r.text
    assert [path for path, _ in site.seen] == ["/old", "/story"]
    assert all("Authorization" not in headers for _, headers in site.seen)
    (doc,) = r.json()
    public = client.get(f"/api/documents/{doc['doc']}").json()
    listed = client.get("/api/documents").text
    assert "hunter2" not in str(public) and "hunter2" not in listed and "reader:" not in listed
    assert public["url"] == f"http://127.0.0.1:{site.port}/old" and "path" not in public


def test_every_upstream_failure_is_one_generic_502(kb, sites):
    slow = sites({"/": (200, {}, ARTICLE)}, delay_s=2)
    broken = sites({"/500": (500, {}, b"boom"), "/loop": (302, {"Location": "/loop"}, b"")})
    closed = Site()
    closed_port = closed.port
    closed.close()  # nothing listens there any more: connection refused
    fetcher = OutboundClient(timeout_s=0.5, exempt={("127.0.0.1", p) for p in (slow.port, broken.port, closed_port)})
    client = client_for(kb, fetcher)
    answers = [fetch(client, url) for url in (slow.url + "/", broken.url + "/500", broken.url + "/missing",
                                              broken.url + "/loop", f"http://127.0.0.1:{closed_port}/")]
    assert {(r.status_code, r.json()["detail"]) for r in answers} == {(502, UPSTREAM_FAILED)}


def test_unresolvable_names_are_the_same_generic_502(kb):
    def no_dns(host, port):
        raise OSError("no such host")

    r = fetch(client_for(kb, OutboundClient(resolver=no_dns)), "http://nowhere.invalid/")
    assert (r.status_code, r.json()["detail"]) == (502, UPSTREAM_FAILED)


def test_oversized_answers_are_413(kb, sites):
    big = sites({"/big": (200, {}, b"x" * 5000)})
    client = client_for(kb, OutboundClient(max_bytes=1000, exempt={("127.0.0.1", big.port)}))
    r = fetch(client, big.url + "/big")
    assert r.status_code == 413 and "larger than" in r.json()["detail"]


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/", "gopher://x/", "javascript:alert(1)"])
def test_other_schemes_are_rejected(kb, url):
    assert fetch(client_for(kb), url).status_code == 422
