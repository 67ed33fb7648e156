"""Fusion throughput: fuse N synthetic claim records (many models, conflicts, copies).

Usage: .venv/bin/python bench/bench_fuse.py [N]   (default 100000)
Prints records/second for ``fuse`` and ``all_conflicts`` and the peak memory of the run.
"""
from __future__ import annotations

import random
import sys
import time
import tracemalloc

from autodossier.fuse import all_conflicts, fuse

STATUSES = ("confirmed", "reported", "expected", "rumored", "speculative")
# Realistic shape: a few hundred models, a dozen attributes each, several reports per fact.
MODELS = 500
ATTRIBUTES = {"power_hp": lambda r: r.choice([300, 400, 405, 450, 500]),
              "transmission": lambda r: r.choice(["manual", "automatic", "dct"]),
              "on_sale": lambda r: r.choice(["2026", "2027-H2", "2028"]),
              "market": lambda r: r.choice(["US", "EU", "CN", "JP"]),
              "drivetrain": lambda r: r.choice(["rwd", "awd"])}


def synthetic(n: int, seed: int = 0) -> list[dict]:
    """n claim records in the store's shape, reproducible from the seed."""
    r = random.Random(seed)
    out = []
    for i in range(n):
        attribute = r.choice(list(ATTRIBUTES))
        out.append({"id": i, "doc": f"d{i // 8}", "subject": f"Make Model{r.randrange(MODELS)}",
                    "attribute": attribute, "value": ATTRIBUTES[attribute](r), "status": r.choice(STATUSES),
                    "qualifier": r.choice(["=", "=", "=", ">", "~"]), "negated": r.random() < 0.05,
                    "evidence": "x", "doc_date": f"20{r.randrange(18, 26)}-0{r.randrange(1, 10)}-15",
                    "outlet": f"outlet{r.randrange(40)}", "story": r.randrange(n // 3 + 1)})
    return out


def main() -> None:
    """Run the benchmark and print its figures."""
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    records = synthetic(n)
    # CPU time as well as wall time: the machine is shared, and wall time swings with load.
    w0, c0 = time.perf_counter(), time.process_time()
    groups = fuse(records)
    w1, c1 = time.perf_counter(), time.process_time()
    conflicts = all_conflicts(records, as_of="2023-06-30")
    w2, c2 = time.perf_counter(), time.process_time()
    tracemalloc.start()  # a separate run: tracing slows Python several times over
    fuse(records)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"records: {n}, groups: {len(groups)}, conflicts as of 2023-06-30: {len(conflicts)}")
    print(f"fuse: {c1 - c0:.2f} s CPU, {w1 - w0:.2f} s wall ({n / (c1 - c0):,.0f} records per CPU second)")
    print(f"all_conflicts(as_of): {c2 - c1:.2f} s CPU, {w2 - w1:.2f} s wall")
    print(f"peak traced memory of fuse: {peak / 2**20:.0f} MiB")

if __name__ == "__main__":
    main()
