"""What the sources' track record costs on a store of 1M claims: time and memory of judging
every uncertain claim (done once, then cached until the store changes), the cached lookup,
and build_dossier with and without track-record weights (interleaved, so both see the same load).

Uses the 1M-claim SQLite store of ``bench/dossier_query.py`` (built and cached under
bench/corpus/ on first use). Prints seconds, peak RSS growth and the lookup time.

Usage: .venv/bin/python bench/track_record_cost.py
"""
from __future__ import annotations

import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import dossier_query  # noqa: E402 (the shared 1M-claim store)

from autodossier.report.trackrecord import source_track_record  # noqa: E402
from autodossier.store import KnowledgeBase  # noqa: E402


def rss_mb() -> float:
    """Peak resident set size of this process so far, in MB (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    if not dossier_query.cached_ok(dossier_query.DB_PATH):
        print(f"building {dossier_query.DB_PATH} ...", flush=True)
        dossier_query.build(dossier_query.DB_PATH)
    kb = KnowledgeBase(f"sqlite:///{dossier_query.DB_PATH}")
    before = rss_mb()
    t0 = time.perf_counter()
    record = source_track_record(kb)
    cold = time.perf_counter() - t0
    grew = rss_mb() - before
    warm = []
    for _ in range(50):
        t1 = time.perf_counter()
        source_track_record(kb)
        warm.append((time.perf_counter() - t1) * 1000)
    with_ms, without_ms = dossier_ab(kb)
    kb.close()
    print(f"judged {record.claims_judged:,} uncertain claims of {dossier_query.N_CLAIMS:,}, "
          f"{len(record.sources)} sources: {cold:.1f} s cold, peak RSS +{grew:.0f} MB")
    print(f"cached lookup (fingerprint check): p50 {statistics.median(warm):.2f} ms, max {max(warm):.2f} ms")
    for name, ms in (("with track-record weights", with_ms), ("without (status weights)", without_ms)):
        q = statistics.quantiles(ms, n=100)
        print(f"build_dossier {name}: p50 {q[49]:.1f} ms  p95 {q[94]:.1f} ms")
    return 0


def dossier_ab(kb: KnowledgeBase, n: int = 200) -> tuple[list[float], list[float]]:
    """Milliseconds per build_dossier with the weights and with them switched off, alternating."""
    import random

    from autodossier.report import trackrecord
    from autodossier.report.dossier import build_dossier

    rng = random.Random(1)
    subjects = [f"Make{(e - 1) % dossier_query.N_MAKES} M{e - 1}"
                for e in (rng.randint(1, dossier_query.N_MODELS) for _ in range(n))]
    real = trackrecord.weigher
    out: tuple[list[float], list[float]] = ([], [])
    try:
        for subject in subjects:
            for weigher, ms in ((real, out[0]), (lambda kb, as_of=None: None, out[1])):
                trackrecord.weigher = weigher
                t0 = time.perf_counter()
                build_dossier(kb, subject)
                ms.append((time.perf_counter() - t0) * 1000)
    finally:
        trackrecord.weigher = real
    return out


if __name__ == "__main__":
    sys.exit(main())
