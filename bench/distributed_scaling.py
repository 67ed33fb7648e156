"""Extraction on a local Dask cluster: articles/s with 1 and 2 workers vs the serial engine.

Uses the generated corpus of ``bench/extract_throughput.py`` (default 1,000 articles of
about 450 words), runs it through the serial engine and through a local cluster of 1
and then 2 worker processes, checks that every run yields exactly the serial claims,
and prints articles/s and the speed-up over one worker. The cluster's start-up is timed
apart from the run: it is paid once per ingest, not per article.

Usage: .venv/bin/python bench/distributed_scaling.py [N] [--workers 1,2]
"""
from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from extract_throughput import make_corpus  # noqa: E402 (bench helper beside this file)

from autodossier.scale import serial_engine  # noqa: E402
from autodossier.scale.dask_engine import DaskEngine  # noqa: E402


def run(engine, docs) -> tuple[float, list]:  # noqa: ANN001
    """Seconds to push ``docs`` through ``engine``, and the outcomes in order."""
    start = time.perf_counter()
    outcomes = [[c.to_dict() for c in claims] if isinstance(claims, list) else claims
                for _, claims in engine(iter(docs))]
    return time.perf_counter() - start, outcomes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=1000, help="articles (default 1000)")
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts (default 1,2)")
    args = parser.parse_args()
    logging.getLogger("distributed").setLevel(logging.ERROR)
    docs = make_corpus(args.n)
    serial_s, reference = run(serial_engine(), docs)
    print(f"articles: {args.n}")
    print(f"serial engine:   {args.n / serial_s:7.1f} articles/s ({serial_s:.1f} s)")
    base = None
    for workers in (int(w) for w in args.workers.split(",")):
        start = time.perf_counter()
        with DaskEngine(workers=workers) as engine:
            startup = time.perf_counter() - start
            run(engine, docs[:50])  # warm every worker: imports and the gazetteer load once
            elapsed, outcomes = run(engine, docs)
        same = "identical to serial" if outcomes == reference else "DIFFERENT FROM SERIAL"
        rate = args.n / elapsed
        base = base or rate
        print(f"dask {workers} worker(s): {rate:7.1f} articles/s ({elapsed:.1f} s, start-up {startup:.1f} s), "
              f"x{rate / base:.2f} vs 1 worker, {same}")


if __name__ == "__main__":
    main()
