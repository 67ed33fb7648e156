"""Extraction throughput on one core: articles/s and MB/s of ``extract``.

The corpus (default 2,000 articles, ~450 words each) is generated from varied
templates: spec roundups, rumor pieces, sales reports, discontinuation news and
reveals, with makes and models drawn from the gazetteer and numbers, dates and
hedges drawn at random (seeded), plus the seed articles' prose as filler so
sentence shapes stay realistic. Usage: python bench/extract_throughput.py [N] [--profile]
(``--profile``: also a cProfile of the run, top 20 functions by own time and by cumulative time).
"""
from __future__ import annotations

import cProfile
import pstats
import random
import sys
import time
from pathlib import Path

from autodossier.extract import extract
from autodossier.extract.gazetteer import load_gazetteer
from autodossier.ingest.document import Document

# Issue 5: articles per second that one core should extract.
TARGET_ARTICLES_PER_S = 1000
# Rows of the profile summary: enough to show every pipeline component and the hot helpers.
PROFILE_ROWS = 20

TEMPLATES = [
    "According to {outlet}, the next-generation {make} {model} is expected to use a {disp}-liter twin-turbo V6 "
    "with more than {hp} horsepower. Sales are expected in the second half of {year}.",
    "Rumour has it that the {make} {model} will return with a six-speed manual gearbox and rear-wheel drive.",
    "{make} sold {units:,} vehicles in {region} in {year0}, a {pct} percent decline compared to {year1}.",
    "{make} has discontinued the {model} after the {year0} model year.",
    "The {make} {model} was revealed at the {show} show. It makes {hp} hp and {tq} lb-ft, and costs ${price:,}.",
    "The new {model} could be built on the same platform as the {make2} {model2}, the source said.",
    "Executives talked at length about the brand's future and the state of the industry in {region}.",
    "The cabin gets a larger touchscreen, new trim materials and a revised steering wheel.",
]


def make_corpus(n: int, seed: int = 7) -> list[Document]:
    """``n`` synthetic articles of about 450 words each."""
    rng = random.Random(seed)
    gaz = load_gazetteer()
    lines = sorted({(mk, md) for pairs in gaz.models.values() for mk, md in pairs if (mk, md) not in gaz.ambiguous})
    filler = " ".join(p.read_text() for p in sorted(Path("examples/articles").glob("*.txt")))[:6000].split(". ")
    docs = []
    for i in range(n):
        make, model = rng.choice(lines)
        make2, model2 = rng.choice(lines)
        parts = []
        while sum(len(p.split()) for p in parts) < 450:
            t = rng.choice(TEMPLATES + ["{filler}"] * 3)
            parts.append(t.format(
                outlet=rng.choice(["Automotive News", "Autocar", "Motor1", "Car and Driver"]),
                make=make, model=model, make2=make2, model2=model2, disp=rng.choice(["2.0", "3.0", "3.5"]),
                hp=rng.randint(150, 700), tq=rng.randint(150, 600), year=rng.randint(2025, 2029),
                year0=rng.randint(2015, 2024), year1=rng.randint(2014, 2023), units=rng.randint(500, 90000),
                pct=round(rng.uniform(1, 40), 1), region=rng.choice(["China", "Europe", "the US", "Japan"]),
                show=rng.choice(["Geneva", "Detroit", "Guangzhou"]), price=rng.randint(20000, 150000),
                filler=rng.choice(filler).strip() + ".",
            ))
        docs.append(Document(doc=f"bench-{i}", text="\n\n".join(parts), date="2025-06-01"))
    return docs


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    profile = "--profile" in sys.argv[1:]
    n = int(args[0]) if args else 2000
    docs = make_corpus(n)
    size = sum(len(d.text.encode()) for d in docs)
    extract(docs[0])  # warm the gazetteer and compiled patterns
    start, cpu_start = time.perf_counter(), time.process_time()
    claims = sum(len(extract(d)) for d in docs)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    words = sum(len(d.text.split()) for d in docs) / n
    print(f"articles: {n}  mean words/article: {words:.0f}  claims: {claims}")
    # CPU seconds too: on a shared machine wall time swings with other load, CPU time far less.
    print(f"elapsed: {elapsed:.2f} s on one core ({cpu:.2f} s CPU: {n / cpu:.0f} articles per CPU second)")
    print(f"throughput: {n / elapsed:.0f} articles/s, {size / elapsed / 1e6:.2f} MB/s "
          f"(target >= {TARGET_ARTICLES_PER_S:,} articles/s)")
    if profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for d in docs:
            extract(d)
        profiler.disable()
        stats = pstats.Stats(profiler, stream=sys.stdout).strip_dirs()
        print("\nprofile (cProfile adds overhead per call; compare shares, not seconds):")
        stats.sort_stats("tottime").print_stats(PROFILE_ROWS)
        stats.sort_stats("cumulative").print_stats(PROFILE_ROWS)


if __name__ == "__main__":
    main()
