"""Does weighing claims by their sources' track records give better beliefs? A seeded simulation.

Sources with known reliabilities report values (a power figure out of a few candidates) on
many questions over three years; some sources copy another source's report instead of
finding out themselves. Each question is settled by a confirmation at a random later date.
At a cut-off date, for every question not yet confirmed, the believed value is compared
with the truth under three rules:

- majority vote: the value most reports give;
- fused, status weights: ``autodossier.fuse.fuse`` as it is without track records;
- fused, track-record weights: ``fuse(..., weigh=source_weigher(track_record(...)))``, the
  records judged only from what was published by the cut-off.

It also prints the Spearman rank correlation between each source's estimated reliability
(its smoothed hit rate) and its true reliability. Every figure is the mean over the seeds.

Usage: .venv/bin/python bench/truth_discovery.py [--seeds 5] [--questions 800] [--sources 24]
"""
from __future__ import annotations

import argparse
import random
import statistics
from collections import Counter
from datetime import date, timedelta

from scipy.stats import spearmanr

from autodossier.fuse import fuse
from autodossier.fuse.belief import STATUS_WEIGHT
from autodossier.fuse.trackrecord import source_weigher, track_record

CANDIDATES = (300, 350, 400, 450, 500)  # the values a question can take (far enough apart to disagree)
START = date(2021, 1, 1)
DAYS = 3 * 365
# A source speaks on a question with this probability.
REPORT_PROBABILITY = 0.35
# A copier repeats its leader's report with this probability when the leader has one.
COPY_PROBABILITY = 0.8
# Share of sources that copy another (possibly unreliable) source.
COPIER_SHARE = 0.25
# Cut-offs, as a fraction of the timeline: beliefs are judged at each one.
CUTOFFS = (0.5, 0.65, 0.8)
UNCERTAIN = ("reported", "expected", "rumored", "speculative")


def simulate(seed: int, n_questions: int, n_sources: int) -> tuple[list[dict], dict[int, int], dict[str, float]]:
    """Claim records (reports and confirmations), the true value per question, true reliabilities."""
    rng = random.Random(seed)
    names = [f"Outlet {i:02d}" for i in range(n_sources)]
    reliability = {n: rng.uniform(0.15, 0.9) for n in names}
    habit = {n: rng.choice(UNCERTAIN) for n in names}  # how a source words its claims, unrelated to truth
    n_copiers = int(n_sources * COPIER_SHARE)
    copiers = {names[-1 - i]: names[rng.randrange(n_sources - n_copiers)] for i in range(n_copiers)}
    for copier, leader in copiers.items():
        reliability[copier] = reliability[leader] * COPY_PROBABILITY + (1 - COPY_PROBABILITY) * reliability[copier]
    truth: dict[int, int] = {}
    records: list[dict] = []
    ids = iter(range(1, 10**9))

    def add(q: int, value: int, status: str, outlet: str, day: int) -> dict:
        n = next(ids)
        rec = {"id": n, "doc": f"d{n}", "subject": f"Make Model{q}", "attribute": "power_hp", "value": value,
               "unit": "hp", "qualifier": "=", "negated": False, "status": status, "source": None,
               "evidence": "", "doc_title": "", "doc_date": (START + timedelta(days=day)).isoformat(),
               "outlet": outlet, "url": None, "story": f"s{n}"}
        records.append(rec)
        return rec

    for q in range(n_questions):
        truth[q] = rng.choice(CANDIDATES)
        settle = rng.randint(90, DAYS)
        said: dict[str, dict] = {}
        for name in names:
            if name in copiers or rng.random() >= REPORT_PROBABILITY:
                continue
            correct = rng.random() < reliability[name] if name not in copiers else None
            value = truth[q] if correct else rng.choice([v for v in CANDIDATES if v != truth[q]])
            said[name] = add(q, value, habit[name], name, rng.randint(0, settle - 1))
        for copier, leader in copiers.items():
            if leader in said and rng.random() < COPY_PROBABILITY:
                leader_day = (date.fromisoformat(said[leader]["doc_date"]) - START).days
                day = min(settle - 1, leader_day + rng.randint(1, 20))  # a copy follows within weeks
                add(q, said[leader]["value"], habit[copier], copier, day)
            elif rng.random() < REPORT_PROBABILITY:
                correct = rng.random() < reliability[copier]
                value = truth[q] if correct else rng.choice([v for v in CANDIDATES if v != truth[q]])
                add(q, value, habit[copier], copier, rng.randint(0, settle - 1))
        add(q, truth[q], "confirmed", "Maker", settle)
    return records, truth, reliability


def majority(reports: list[dict], rng: random.Random) -> int:
    """The most reported value (ties broken at random)."""
    counts = Counter(r["value"] for r in reports)
    top = max(counts.values())
    return rng.choice(sorted(v for v, c in counts.items() if c == top))


def evaluate(seed: int, n_questions: int, n_sources: int) -> dict[str, float]:
    """Accuracy of the three rules at each cut-off, and the Spearman of estimated reliabilities."""
    records, truth, reliability = simulate(seed, n_questions, n_sources)
    rng = random.Random(seed + 1)
    right = Counter()
    asked = 0
    rhos = []
    for fraction in CUTOFFS:
        cutoff = (START + timedelta(days=int(DAYS * fraction))).isoformat()
        seen = [r for r in records if r["doc_date"] <= cutoff]
        settled = {r["subject"] for r in seen if r["status"] == "confirmed"}
        open_reports: dict[str, list[dict]] = {}
        for r in seen:
            if r["subject"] not in settled:
                open_reports.setdefault(r["subject"], []).append(r)
        record = track_record(seen)
        weigh = source_weigher(record)
        pending = [r for reps in open_reports.values() for r in reps]
        plain = {g.subject: g.best.value for g in fuse(pending, reference=cutoff) if g.best}
        weighed = {g.subject: g.best.value for g in fuse(pending, reference=cutoff, weigh=weigh) if g.best}
        for subject, reports in open_reports.items():
            q = int(subject.rsplit("Model", 1)[1])
            asked += 1
            right["majority"] += majority(reports, rng) == truth[q]
            right["status"] += plain[subject] == truth[q]
            right["track"] += weighed[subject] == truth[q]
        estimated, true = [], []
        for name, rel in reliability.items():
            found = record.get("outlet", name)
            prior = STATUS_WEIGHT["rumored"]
            estimated.append(found.overall.smoothed(prior) if found else prior)
            true.append(rel)
        rhos.append(spearmanr(estimated, true).statistic)
    return {"majority": right["majority"] / asked, "status": right["status"] / asked,
            "track": right["track"] / asked, "spearman": statistics.mean(rhos), "questions": asked / len(CUTOFFS)}


def main() -> None:
    """Run the simulation over the seeds and print the mean figures as a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--questions", type=int, default=800)
    parser.add_argument("--sources", type=int, default=24)
    args = parser.parse_args()
    results = [evaluate(seed, args.questions, args.sources) for seed in range(args.seeds)]

    def mean(key: str) -> float:
        return statistics.mean(r[key] for r in results)

    print(f"{args.seeds} seeds, {args.questions} questions, {args.sources} sources "
          f"({int(args.sources * COPIER_SHARE)} copiers), cut-offs at {', '.join(f'{c:.0%}' for c in CUTOFFS)} "
          f"of the timeline; ~{mean('questions'):.0f} open questions judged per cut-off")
    print("| rule | belief accuracy (open questions) |")
    print("|---|---|")
    print(f"| majority vote | {mean('majority'):.3f} |")
    print(f"| fused, status weights (no track record) | {mean('status'):.3f} |")
    print(f"| fused, track-record weights | {mean('track'):.3f} |")
    print(f"Spearman(estimated, true reliability): {mean('spearman'):.3f} "
          f"(min {min(r['spearman'] for r in results):.3f} over seeds)")


if __name__ == "__main__":
    main()
