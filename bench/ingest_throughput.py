"""Ingest throughput and memory on one core: files/s and MB/s of ``read_paths`` per format.

Writes a temporary corpus (default 2,000 articles per format) of plain-text
articles with header lines, seed-style ``date`` lines, HTML pages and RSS feeds
(20 entries each), built from the example articles' prose, then reads each
format's folder through ``read_paths`` and prints articles/s, MB/s and the
peak traced Python memory, which must stay flat (streaming, one file at a time).
It also times the refusal of a 50 MB sparse file, which must not read it.
Usage: python bench/ingest_throughput.py [N]
"""
from __future__ import annotations

import random
import sys
import tempfile
import time
import tracemalloc
from html import escape
from pathlib import Path

from autodossier.errors import InputError
from autodossier.ingest import read_paths
from autodossier.settings import Settings

# Prose to cut articles from: the example articles ship with the repository.
EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"
# Entries per generated feed: a typical outlet feed carries 10-50.
FEED_ENTRIES = 20
# Paragraphs per generated article: ~400-600 words, a usual news story.
PARAGRAPHS = 6


def _paragraphs() -> list[str]:
    """Non-empty paragraphs of the example articles."""
    paras = []
    for path in sorted(EXAMPLES.glob("*.txt")):
        paras += [p.strip() for p in path.read_text(encoding="utf-8").split("\n") if len(p.strip()) > 80]
    return paras


def write_corpus(root: Path, n: int, seed: int = 11) -> dict[str, Path]:
    """``n`` articles per format under ``root``; returns each format's folder."""
    rng = random.Random(seed)
    paras = _paragraphs()
    folders = {fmt: root / fmt for fmt in ("txt-header", "txt-loose", "html", "feed")}
    for folder in folders.values():
        folder.mkdir(parents=True)
    for i in range(n):
        body = "\n\n".join(rng.sample(paras, PARAGRAPHS)) + "\n"
        day = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        (folders["txt-header"] / f"a{i:06d}.txt").write_text(
            f"title: Story {i}\noutlet: Motor Digest\ndate: {day}\nurl: https://example.test/{i}\n\n{body}",
            encoding="utf-8",
        )
        (folders["txt-loose"] / f"b{i:06d}.txt").write_text(f" date {day} {body}", encoding="utf-8")
        html_body = "".join(f"<p>{escape(p)}</p>" for p in body.split("\n\n"))
        (folders["html"] / f"c{i:06d}.html").write_text(
            f"<!DOCTYPE html><html><head><title>Story {i}</title>"
            f'<meta property="article:published_time" content="{day}T09:00:00Z">'
            f'<meta property="og:site_name" content="Motor Digest"></head>'
            f"<body><nav>Home | News</nav><article><h1>Story {i}</h1>{html_body}</article>"
            f"<footer>Copyright</footer></body></html>",
            encoding="utf-8",
        )
    for f in range(max(1, n // FEED_ENTRIES)):
        items = "".join(
            f"<item><title>Entry {j}</title><link>https://example.test/{f}/{j}</link>"
            f"<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>"
            f"<description>{escape(''.join(f'<p>{p}</p>' for p in rng.sample(paras, PARAGRAPHS)))}</description></item>"
            for j in range(FEED_ENTRIES)
        )
        (folders["feed"] / f"d{f:05d}.rss").write_text(
            f"<?xml version='1.0'?><rss version='2.0'><channel><title>Carscoop</title>{items}</channel></rss>",
            encoding="utf-8",
        )
    return folders


def _drain(folder: Path) -> tuple[int, int]:
    """Stream ``folder`` through ``read_paths``; count documents and errors."""
    docs = errors = 0
    for item in read_paths([str(folder)], Settings()):
        if isinstance(item, InputError):
            errors += 1
        else:
            docs += 1
    return docs, errors


def measure(folder: Path) -> None:
    """Print docs/s and MB/s of streaming ``folder``, and the peak traced memory of a second pass.

    Time and memory are taken in separate passes: tracing allocations slows
    Python code severalfold and would spoil the timing.
    """
    size = sum(p.stat().st_size for p in folder.iterdir())
    start = time.process_time()
    docs, errors = _drain(folder)
    elapsed = time.process_time() - start
    tracemalloc.start()
    _drain(folder)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(
        f"{folder.name:11s} docs: {docs:6d}  errors: {errors}  cpu: {elapsed:6.2f} s  "
        f"{docs / elapsed:7.0f} docs/s  {size / elapsed / 1e6:6.2f} MB/s  peak memory: {peak / 1e6:5.1f} MB"
    )


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    with tempfile.TemporaryDirectory() as tmp:
        folders = write_corpus(Path(tmp), n)
        list(read_paths([str(next(folders["html"].iterdir()))], Settings()))  # warm trafilatura
        print(f"articles per format: {n} (feeds: {FEED_ENTRIES} entries each); CPU time of one process")
        for folder in folders.values():
            measure(folder)
        big = Path(tmp) / "huge.txt"
        with big.open("wb") as handle:
            handle.write(b"The Nissan Z Nismo returns. ")
            handle.truncate(50 * 1024 * 1024)  # sparse: the refusal must not read it
        start = time.perf_counter()
        (error,) = read_paths([str(big)], Settings())
        print(f"50 MB file refused in {(time.perf_counter() - start) * 1e3:.2f} ms: {error.reason}")


if __name__ == "__main__":
    main()
