"""Project hygiene: the shared real articles stay in ../shared and are never copied into the project.

The real article sets (../shared/corpus/dev and ../shared/corpus/train) are referenced from there,
never pasted here: not as test sentences, not as examples in comments or docstrings. A line of
code, tests, benchmarks or scripts that shares a run of N words with one of those articles is
treated as a copy. Tests that need a construction seen in real text use their own wording of it
(other models, other figures, other clauses).
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
ARTICLE_SETS = ("dev", "train")
ARTICLE_SUFFIXES = {".txt", ".md", ".html"}
# Words in a row that make a line a copy. At 7, stock phrasing any writer would use (a sales start
# "in the second half of" a year, a model "expected to be revealed" in some month) starts to match
# too; at 8, what matches is a copied clause.
N = 8
PROJECT_GLOBS = ("src/**/*.py", "tests/**/*.py", "bench/*.py", "scripts/*.py")
_WORD = re.compile(r"[A-Za-z0-9']+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _article_grams() -> dict[tuple[str, ...], str]:
    """Every N-word run of the shared articles, with the article it comes from."""
    grams: dict[tuple[str, ...], str] = {}
    for name in ARTICLE_SETS:
        folder = SHARED / "corpus" / name
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if path.suffix.lower() not in ARTICLE_SUFFIXES or not path.is_file():
                continue
            words = _words(path.read_text(encoding="utf-8", errors="ignore"))
            where = f"{name}/{path.relative_to(folder)}"
            for i in range(len(words) - N + 1):
                grams.setdefault(tuple(words[i:i + N]), where)
    return grams


def _project_files() -> list[Path]:
    files: set[Path] = set()
    for pattern in PROJECT_GLOBS:
        files.update(p for p in ROOT.glob(pattern) if p.is_file())
    return sorted(files)


def test_no_shared_article_text_in_the_project():
    if not (SHARED / "corpus").is_dir():
        pytest.skip(f"no shared article sets at {SHARED / 'corpus'}")
    grams = _article_grams()
    if not grams:
        pytest.skip(f"no articles under {SHARED / 'corpus'}/{{{','.join(ARTICLE_SETS)}}}")
    offenders = []
    for path in _project_files():
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="ignore").splitlines(), 1):
            words = _words(line)
            for i in range(len(words) - N + 1):
                source = grams.get(tuple(words[i:i + N]))
                if source:
                    offenders.append(f"{path.relative_to(ROOT)}:{number}: [{source}] "
                                     f"{' '.join(words[i:i + N])!r} in: {line.strip()[:120]}")
                    break
    if offenders:
        pytest.fail(f"{len(offenders)} line(s) share {N} words in a row with a shared article "
                    f"(reword them; reference ../shared instead of copying):\n" + "\n".join(offenders),
                    pytrace=False)
