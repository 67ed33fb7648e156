"""Dump dossiers for a fixed sample of subjects, to check that a speed-up changes no result.

Builds ``build_dossier(...).to_dict()`` for a fixed sample of ~60 subjects of the 1M-claim
bench store (hot and cold models, some with ``as_of`` dates; see ``bench/dossier_query.py``)
and for every model of a small store ingested from the seed corpus, and writes them as one
sorted JSON document. Run it before and after a change and diff the two files.

Usage: .venv/bin/python bench/dossier_equivalence.py OUT.json [--seeds-db /tmp/seeds.db]
       (ingest the seeds first: .venv/bin/autodossier ingest ../shared/corpus/seeds --db /tmp/seeds.db)
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

from autodossier.report.dossier import build_dossier
from autodossier.store import KnowledgeBase

BENCH_DB = Path(__file__).resolve().parent / "corpus" / "dossier_1m.db"
# Match the bench store's shape (bench/dossier_query.py): 20,000 models over 150 makes, the
# first 200 of them "hot" (~1,000 claims each).
N_MODELS = 20_000
N_MAKES = 150
HOT_MODELS = 200
# Fixed sample sizes: enough hot models to exercise large groups, cold ones for the common case.
N_HOT, N_COLD = 25, 25
# Cut-off dates spanning the bench documents' 2015-2025 range, in every ISO prefix form.
AS_OF_DATES = ("2016", "2019-06-30", "2021-H1", "2023-Q3", "2024-11")
SEED = 7


def bench_subject(entity: int) -> str:
    """The bench store's subject name of entity number ``entity`` (1-based)."""
    return f"Make{(entity - 1) % N_MAKES} M{entity - 1}"


def bench_sample() -> list[tuple[str, str | None]]:
    """A fixed mix of (subject, as_of): hot and cold models, some seen as of a date."""
    rng = random.Random(SEED)
    hot = [bench_subject(rng.randint(1, HOT_MODELS)) for _ in range(N_HOT)]
    cold = [bench_subject(rng.randint(HOT_MODELS + 1, N_MODELS)) for _ in range(N_COLD)]
    sample: list[tuple[str, str | None]] = [(s, None) for s in hot + cold]
    for i, as_of in enumerate(AS_OF_DATES):  # a hot and a cold model at every cut-off date
        sample += [(hot[i], as_of), (cold[i], as_of)]
    return sample


def dossiers(db: Path, sample: list[tuple[str, str | None]]) -> dict[str, dict]:
    """``to_dict()`` of each sampled dossier, keyed "subject @ as_of"."""
    kb = KnowledgeBase(f"sqlite:///{db}")
    try:
        return {f"{subject} @ {as_of}": build_dossier(kb, subject, as_of=as_of).to_dict()
                for subject, as_of in sample}
    finally:
        kb.close()


def seed_sample(db: Path) -> list[tuple[str, str | None]]:
    """Every model of the seed store, plus each as of the end of 2022 (mid-coverage)."""
    kb = KnowledgeBase(f"sqlite:///{db}")
    try:
        subjects = [m["subject"] for m in kb.models()]
    finally:
        kb.close()
    return [(s, None) for s in subjects] + [(s, "2022-12-31") for s in subjects]


def main() -> int:
    """Write the dossiers of both stores to OUT as sorted JSON."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--seeds-db", type=Path, default=Path("/tmp/seeds.db"))
    args = ap.parse_args()
    t0 = time.perf_counter()
    out = {"bench": dossiers(BENCH_DB, bench_sample())}
    if args.seeds_db.exists():
        out["seeds"] = {}
        for key, d in dossiers(args.seeds_db, seed_sample(args.seeds_db)).items():
            out["seeds"][key] = d
    else:
        print(f"no seed store at {args.seeds_db}: seeds skipped", file=sys.stderr)
    args.out.write_text(json.dumps(out, sort_keys=True, indent=1, default=str) + "\n")
    print(f"{sum(len(v) for v in out.values())} dossiers -> {args.out} "
          f"({time.perf_counter() - t0:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
