"""Dump the claims of the generated bench corpus as sorted JSON lines, to check that an
optimisation of ``extract`` leaves its output unchanged.

Usage: python bench/extract_equivalence.py OUT.jsonl [N]   (N articles, default 300), then
``diff`` the file against one written before the change: any difference is a behaviour change.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from extract_throughput import make_corpus  # noqa: E402  (bench/ is not a package)

from autodossier.extract import extract  # noqa: E402

# Enough articles to cover every template with many makes and models, yet a few seconds to run.
DEFAULT_ARTICLES = 300


def dump(path: str, n: int = DEFAULT_ARTICLES) -> int:
    """Write every claim of ``n`` bench articles to ``path`` as sorted JSON lines; the line count."""
    lines = sorted(
        json.dumps(claim.to_dict(), sort_keys=True, ensure_ascii=False)
        for doc in make_corpus(n) for claim in extract(doc)
    )
    Path(path).write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return len(lines)


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit("usage: extract_equivalence.py OUT.jsonl [N]")
    n = int(sys.argv[2]) if len(sys.argv) > 2 else DEFAULT_ARTICLES
    print(f"{dump(sys.argv[1], n)} claims from {n} articles -> {sys.argv[1]}")


if __name__ == "__main__":
    main()
