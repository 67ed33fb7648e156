"""Dossier endpoint under load: 8 concurrent clients on a 1M-claim store (target: p95 < 200 ms).

Serves the store built by ``bench/dossier_query.py`` (1,000,000 synthetic claims over 20,000
models; built and cached under bench/corpus/ on first use) with ``autodossier serve`` in a
child process on 127.0.0.1, then sends ``GET /api/models/{name}/dossier`` from N client
threads. Readers look at some models far more than others: names are drawn Zipf-like
(s = 1) from a pool of models, half of them among the 200 most-covered ones. Bounded:
at most ``--requests`` requests and ``--seconds`` of wall time; loopback only.

Two phases: "cold" asks for every model of the pool once (each dossier is built, then
cached), then "steady state" sends the Zipf mix, as readers use a server that has been up
a while. Prints throughput, p50/p95/max latency and answer sizes of each phase, and the
verdict on the steady-state p95. Any write to the store empties the cache: right after an
ingest, answers cost what the cold phase shows.

Usage: .venv/bin/python bench/web_load.py [--clients 8] [--requests 2000] [--seconds 300]
       [--pool 300] [--store 1m|examples]
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

import httpx

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import dossier_query  # noqa: E402 - the 1M-claim store lives there

TARGET_P95_MS = 200.0
# Seconds the server gets to start (opening the store, importing the web stack).
START_TIMEOUT_S = 60
# Per-request limit: a request slower than this counts as a failure, not a hang.
REQUEST_TIMEOUT_S = 30


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def example_store() -> tuple[str, list[str]]:
    """A store of the bundled example articles (the small-store case), and its model names."""
    from autodossier.pipeline import ingest_paths
    from autodossier.settings import Settings
    from autodossier.store import KnowledgeBase

    db = Path(tempfile.mkdtemp(prefix="web_load_")) / "examples.db"
    with KnowledgeBase(f"sqlite:///{db}") as kb:
        ingest_paths(kb, [str(HERE.parent / "examples" / "articles")], Settings())
        names = [m["subject"] for m in kb.models()]
    return str(db), names


def big_store(pool: int, rng: random.Random) -> tuple[str, list[str]]:
    """The 1M-claim store, and a pool of model names (half among the most covered)."""
    if not dossier_query.cached_ok(dossier_query.DB_PATH):
        print(f"building {dossier_query.DB_PATH} ...", flush=True)
        dossier_query.build(dossier_query.DB_PATH)
    hot = [rng.randint(1, dossier_query.HOT_MODELS) for _ in range(pool // 2)]
    rest = [rng.randint(1, dossier_query.N_MODELS) for _ in range(pool - len(hot))]
    names = list(dict.fromkeys(f"Make{(e - 1) % dossier_query.N_MAKES} M{e - 1}" for e in hot + rest))
    rng.shuffle(names)
    return str(dossier_query.DB_PATH), names


def zipf_draws(names: list[str], n: int, rng: random.Random) -> list[str]:
    """``n`` names drawn with weight 1/rank: a few models get most of the traffic."""
    weights = [1 / (rank + 1) for rank in range(len(names))]
    return rng.choices(names, weights=weights, k=n)


def percentiles(ms: list[float]) -> str:
    if len(ms) < 2:
        return f"n={len(ms)}"
    q = statistics.quantiles(ms, n=100)
    return f"n={len(ms)}  p50 {q[49]:.1f} ms  p95 {q[94]:.1f} ms  max {max(ms):.1f} ms"


def run_phase(base: str, plan: list[str], clients: int, stop_at: float) -> tuple[list[tuple[float, int, int]], float]:
    """GET each name's dossier from ``clients`` threads; (ms, status, bytes) per request, and wall time."""
    results: list[tuple[float, int, int]] = []
    lock = threading.Lock()
    queue = iter(plan)

    def client() -> None:
        with httpx.Client(base_url=base, timeout=REQUEST_TIMEOUT_S) as http:
            while time.monotonic() < stop_at:
                with lock:
                    name = next(queue, None)
                if name is None:
                    return
                t0 = time.perf_counter()
                try:
                    r = http.get(f"/api/models/{quote(name)}/dossier")
                    status, size = r.status_code, len(r.content)
                except httpx.HTTPError:
                    status, size = 0, 0
                with lock:
                    results.append(((time.perf_counter() - t0) * 1000, status, size))

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results, time.perf_counter() - started


def report(title: str, results: list[tuple[float, int, int]], wall: float) -> None:
    ok = [r for r in results if r[1] == 200]
    print(f"{title}: {len(results)} requests in {wall:.1f} s = {len(results) / max(wall, 1e-9):.1f} req/s, "
          f"non-200: {len(results) - len(ok)}")
    print(f"  {percentiles([r[0] for r in results])}")
    if ok:
        print(f"  answer size: median {statistics.median(r[2] for r in ok) / 1024:.1f} KB, "
              f"max {max(r[2] for r in ok) / 1024:.1f} KB")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--requests", type=int, default=2000, help="requests at most (default 2000)")
    ap.add_argument("--seconds", type=float, default=300, help="wall-time bound (default 300)")
    ap.add_argument("--pool", type=int, default=300, help="models drawn for the pool (1m store; repeats merge)")
    ap.add_argument("--store", choices=["1m", "examples"], default="1m")
    args = ap.parse_args()
    rng = random.Random(7)
    db, names = big_store(args.pool, rng) if args.store == "1m" else example_store()
    plan = zipf_draws(names, args.requests, rng)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "autodossier", "serve", "--db", db, "--host", "127.0.0.1",
                               "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              env={**os.environ, "AUTODOSSIER_TOKEN": ""})
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            try:
                httpx.get(base + "/openapi.json", timeout=5)
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline or server.poll() is not None:
                    print("server did not start:", server.stderr.read().decode()[-500:] if server.stderr else "")
                    return 1
                time.sleep(0.2)
        stop_at = time.monotonic() + args.seconds
        # Phase 1, cold: every model of the pool once (each answer is built, then cached).
        cold, cold_wall = run_phase(base, names, args.clients, stop_at)
        # Phase 2, steady state: the Zipf mix, as readers use the site once it has been up a while.
        steady, steady_wall = run_phase(base, plan, args.clients, stop_at)
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
    print(f"store: {args.store} ({db}); {args.clients} clients; {len(names)} models in the pool")
    report("cold: first request per model (built)", cold, cold_wall)
    report("steady state: Zipf mix over the pool", steady, steady_wall)
    ms = [r[0] for r in steady]
    ok = all(r[1] == 200 for r in cold + steady) and len(steady) == len(plan)
    p95 = statistics.quantiles(ms, n=100)[94] if len(ms) >= 2 else float("inf")
    print(f"target p95 < {TARGET_P95_MS:.0f} ms under {args.clients} clients (steady state): "
          f"{'met' if p95 < TARGET_P95_MS and ok else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
