"""Store write throughput: documents/s that ``kb.ingest_many`` writes into SQLite.

Extraction is done first and not timed (``bench/extract_throughput.py`` measures it), so
the figure is the store's own cost per article: MinHash story lookup, document row,
entities, aliases and claims, one savepoint per document, a commit per batch. Then the
same corpus is ingested again, which must be fast (unchanged documents are skipped).
Target: >= 300 articles/s into SQLite on one core.

Usage: .venv/bin/python bench/store_throughput.py [N] [--profile]
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from extract_throughput import make_corpus  # noqa: E402 (bench helper beside this file)

from autodossier.extract import extract  # noqa: E402
from autodossier.store import KnowledgeBase  # noqa: E402

TARGET_PER_S = 300


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=2000, help="articles (default 2000)")
    parser.add_argument("--profile", action="store_true", help="print the top 25 functions of the first ingest")
    args = parser.parse_args()
    docs = make_corpus(args.n)
    pairs = [(d, extract(d)) for d in docs]
    n_claims = sum(len(c) for _, c in pairs)
    with tempfile.TemporaryDirectory() as tmp:
        kb = KnowledgeBase(f"sqlite:///{Path(tmp) / 'kb.db'}")
        profiler = cProfile.Profile() if args.profile else None
        start, cpu_start = time.perf_counter(), time.process_time()
        if profiler:
            profiler.enable()
        results = kb.ingest_many(pairs)
        if profiler:
            profiler.disable()
        first, cpu = time.perf_counter() - start, time.process_time() - cpu_start
        start = time.perf_counter()
        again = kb.ingest_many(pairs)
        second = time.perf_counter() - start
        kb.close()
    assert all(r.status == "new" for r in results) and all(r.status == "unchanged" for r in again)
    print(f"articles: {args.n}  claims: {n_claims}")
    print(f"first ingest:  {args.n / first:7.0f} articles/s, {n_claims / first:7.0f} claims/s "
          f"(target >= {TARGET_PER_S} articles/s); {args.n / cpu:.0f} articles per CPU second")
    print(f"re-ingest (all unchanged): {args.n / second:7.0f} articles/s")
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
