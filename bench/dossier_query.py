"""Dossier query latency on a store of 1M claims (target: p95 under 50 ms).

Builds once, and caches under bench/corpus/ (git-ignored), a SQLite store with
1,000,000 synthetic claims over ~20,000 models in 50,000 documents, then times 200
random ``kb.claims(subject=...)`` queries and, when the report stage exists, 200
``build_dossier`` calls. Prints p50 / p95 / max in milliseconds.

Usage: .venv/bin/python bench/dossier_query.py [--rebuild] [--queries N]
"""
from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import time
from pathlib import Path

from autodossier.claims import ATTRIBUTES, ENTITY_ATTRIBUTES, STATUSES
from autodossier.store import KnowledgeBase
from autodossier.store import schema as s

CORPUS = Path(__file__).resolve().parent / "corpus"
DB_PATH = CORPUS / "dossier_1m.db"
N_CLAIMS = 1_000_000
N_MODELS = 20_000
N_DOCS = 50_000  # 20 claims per document, about what a long news article yields
N_MAKES = 150
N_OUTLETS = 200
# A fifth of the claims go to the 200 most-covered models (news coverage is skewed), so
# the slowest queries return ~1,000 claims; the rest spread evenly (~40 per model).
HOT_MODELS = 200
HOT_SHARE = 0.2
SEED = 20240101
TARGET_P95_MS = 50.0


def build(path: Path) -> None:
    """Create the store with the real schema, then bulk-insert synthetic rows with sqlite3."""
    path.parent.mkdir(parents=True, exist_ok=True)
    for p in path.parent.glob(path.name + "*"):
        p.unlink()
    KnowledgeBase(f"sqlite:///{path}").close()  # schema and migrations, as in real use
    rng = random.Random(SEED)
    con = sqlite3.connect(path)
    con.execute("PRAGMA synchronous=OFF")
    con.execute("PRAGMA journal_mode=OFF")  # a throwaway build: rebuilt from scratch on failure
    # Index maintenance row by row is the slowest part of a bulk load: drop, load, recreate.
    claim_indexes = [ix for ix in s.claims.indexes]
    for ix in claim_indexes:
        con.execute(f"DROP INDEX {ix.name}")
    makes = [f"Make{m}" for m in range(N_MAKES)]
    con.executemany("INSERT INTO outlets (id, name) VALUES (?, ?)",
                    [(i + 1, f"Outlet {i}") for i in range(N_OUTLETS)])
    entity_rows, alias_rows = [], []
    for e in range(N_MODELS):
        make = makes[e % N_MAKES]
        model = f"M{e}"
        subject = f"{make} {model}"
        entity_rows.append((e + 1, subject.lower(), subject, make))
        alias_rows += [(subject.lower(), e + 1), (model.lower(), e + 1)]
    con.executemany("INSERT INTO entities (id, key, subject, make) VALUES (?, ?, ?, ?)", entity_rows)
    con.executemany("INSERT INTO aliases (alias, entity_id) VALUES (?, ?)", alias_rows)

    def documents():
        for d in range(N_DOCS):
            date = f"20{rng.randint(15, 25):02d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            yield (d + 1, f"doc{d:06d}", f"Title {d}", date, rng.randint(1, N_OUTLETS),
                   f"https://example.com/{d}", None, f"{d:064x}", f"{d:064x}", f"Text of document {d}.",
                   f"doc{d:06d}", None, "2025-01-01T00:00:00+00:00")

    con.executemany("INSERT INTO documents (id, doc, title, date, outlet_id, url, path, content_hash, "
                    "claims_hash, text, story, minhash, ingested_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", documents())
    attrs = list(ATTRIBUTES)

    def claims():
        for i in range(N_CLAIMS):
            if rng.random() < HOT_SHARE:
                entity = rng.randint(1, HOT_MODELS)
            else:
                entity = rng.randint(1, N_MODELS)
            attr = rng.choice(attrs)
            value, value_key = rng.randint(1, 999), None
            if attr in ENTITY_ATTRIBUTES:  # relations name another model
                value = entity_rows[rng.randint(0, N_MODELS - 1)][2]
                value_key = value.lower()
            yield (i // (N_CLAIMS // N_DOCS) + 1, entity, attr, json.dumps(value), ATTRIBUTES[attr], "=",
                   0, rng.choice(STATUSES), None, None, None, f"Evidence sentence {i} about {attr}.",
                   value_key)

    con.executemany("INSERT INTO claims (document_id, entity_id, attribute, value, unit, qualifier, "
                    "negated, status, source, period, region, evidence, value_key) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", claims())
    for ix in claim_indexes:
        cols = ", ".join(c.name for c in ix.columns)
        con.execute(f"CREATE INDEX {ix.name} ON claims ({cols})")
    con.execute("ANALYZE")
    con.commit()
    con.close()


def cached_ok(path: Path) -> bool:
    """The cached store exists, is complete and has the current schema."""
    if not path.exists():
        return False
    try:
        con = sqlite3.connect(path)
        version = con.execute("SELECT version FROM schema_version").fetchone()[0]
        n = con.execute("SELECT max(id) FROM claims").fetchone()[0]
        con.close()
    except sqlite3.Error:
        return False
    return version == s.CURRENT_VERSION and n == N_CLAIMS


def percentiles(ms: list[float]) -> str:
    q = statistics.quantiles(ms, n=100)
    return f"p50 {q[49]:.1f} ms  p95 {q[94]:.1f} ms  max {max(ms):.1f} ms"


# Wall-clock cap per timed series, so a slow stage still yields figures (on fewer calls).
SERIES_BUDGET_S = 60.0


def time_calls(fn, subjects: list[str]) -> list[float]:  # noqa: ANN001
    """Milliseconds per call, stopping early once SERIES_BUDGET_S is spent."""
    out = []
    start = time.perf_counter()
    for subject in subjects:
        if out and time.perf_counter() - start > SERIES_BUDGET_S and len(out) >= 2:
            break
        t0 = time.perf_counter()
        fn(subject)
        out.append((time.perf_counter() - t0) * 1000)
    return out


def estimate_share(kb: KnowledgeBase, subjects: list[str]) -> None:
    """Print how long the dossier's estimate alone takes on the same subjects (inputs read beforehand)."""
    try:
        from autodossier.estimate import estimate_model
        from autodossier.report.dossier import build_dossier, related_records
    except ImportError:
        return
    inputs = []
    for sub in subjects:
        related = related_records(kb, build_dossier(kb, sub).related, None)
        inputs.append((kb.claims(subject=sub), related or None))
    ms = time_calls(lambda args: estimate_model(*args), inputs)
    print(f"  of which estimate_model alone  n={len(ms)}  {percentiles(ms)}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rebuild", action="store_true", help="rebuild the cached store")
    ap.add_argument("--queries", type=int, default=200, help="queries to time (default 200)")
    args = ap.parse_args()
    if args.rebuild or not cached_ok(DB_PATH):
        print(f"building {DB_PATH} ({N_CLAIMS:,} claims, {N_MODELS:,} models) ...", flush=True)
        t0 = time.perf_counter()
        build(DB_PATH)
        print(f"built in {time.perf_counter() - t0:.1f} s", flush=True)
    kb = KnowledgeBase(f"sqlite:///{DB_PATH}")
    rng = random.Random(1)
    subjects = [f"Make{(e - 1) % N_MAKES} M{e - 1}" for e in
                (rng.randint(1, N_MODELS) for _ in range(args.queries))]
    kb.claims(subject=subjects[0])  # warm the connection pool and statement cache
    ms = time_calls(lambda sub: kb.claims(subject=sub), subjects)
    sizes = [len(kb.claims(subject=sub)) for sub in subjects[:20]]
    print(f"kb.claims(subject=...)  n={len(ms)}  {percentiles(ms)}  "
          f"(~{statistics.mean(sizes):.0f} claims per answer)")
    hot = [f"Make{(e - 1) % N_MAKES} M{e - 1}" for e in (rng.randint(1, HOT_MODELS) for _ in range(args.queries))]
    ms_hot = time_calls(lambda sub: kb.claims(subject=sub), hot)
    print(f"kb.claims(subject=...) on the {HOT_MODELS} most-covered models  n={len(ms_hot)}  "
          f"{percentiles(ms_hot)}")
    worst = max(statistics.quantiles(ms, n=100)[94], statistics.quantiles(ms_hot, n=100)[94])
    try:
        from autodossier.report.dossier import build_dossier
    except ImportError:
        print("build_dossier: not available (autodossier.report.dossier not written yet)")
    else:
        build_dossier(kb, subjects[0])
        ms_d = time_calls(lambda sub: build_dossier(kb, sub), subjects)
        print(f"build_dossier  n={len(ms_d)}  {percentiles(ms_d)}")
        worst = max(worst, statistics.quantiles(ms_d, n=100)[94])
        estimate_share(kb, subjects[:len(ms_d)])
    kb.close()
    print(f"target p95 < {TARGET_P95_MS:.0f} ms: {'met' if worst < TARGET_P95_MS else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
