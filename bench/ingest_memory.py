"""Memory of a long ingest stays flat: resident memory sampled as ``ingest`` goes on.

Writes N generated articles (``bench/extract_throughput.py``'s corpus, default 2,000) as
files into a temporary folder, ingests the folder into a fresh SQLite store through the
same path as ``autodossier ingest`` (streaming reader -> extraction engine -> batched
writes), and prints the process's resident memory (RSS) every 10% of the run. Bounded
memory means the last figures are no higher than the early ones plus noise: nothing
per article or per claim is kept once it is written.

Usage: .venv/bin/python bench/ingest_memory.py [N] [--engine serial|dask]
"""
from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from extract_throughput import make_corpus  # noqa: E402 (bench helper beside this file)

from autodossier.pipeline import ingest_paths, open_engine  # noqa: E402
from autodossier.settings import Settings  # noqa: E402
from autodossier.store import KnowledgeBase  # noqa: E402


def rss_mb() -> float:
    """Current resident set size of this process in MB (Linux /proc)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=2000, help="articles (default 2000)")
    parser.add_argument("--engine", default="serial", choices=["serial", "dask"])
    args = parser.parse_args()
    logging.getLogger("distributed").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        for doc in make_corpus(args.n):
            (folder / f"{doc.doc}.txt").write_text(f"date: {doc.date}\n\n{doc.text}")
        settings = Settings(db=str(Path(tmp) / "kb.db"), engine=args.engine, workers=2)
        samples: list[tuple[int, float]] = []
        step = max(1, args.n // 10)
        done = 0

        def progress(_name: str, _status: str) -> None:
            nonlocal done
            done += 1
            if done % step == 0:
                samples.append((done, rss_mb()))

        start = time.perf_counter()
        with open_engine(settings) as engine:
            kb = KnowledgeBase(settings.db_url)
            summary = ingest_paths(kb, [str(folder)], settings, progress=progress, engine=engine)
            kb.close()
        elapsed = time.perf_counter() - start
    print(f"articles: {summary.new} new, {summary.failed} failed, {summary.claims_added} claims "
          f"in {elapsed:.1f} s ({summary.new / elapsed:.0f} articles/s end to end, engine {args.engine})")
    print("RSS after N articles: " + ", ".join(f"{n}: {mb:.0f} MB" for n, mb in samples))
    growth = samples[-1][1] - samples[0][1] if len(samples) > 1 else 0.0
    print(f"growth from first to last sample: {growth:+.0f} MB")


if __name__ == "__main__":
    main()
