"""Near-duplicate detection (pure): shingles, signatures, LSH band keys, story assignment."""
from __future__ import annotations

import random

import numpy as np
import pytest

from autodossier import stories

WORDS = [f"w{i}" for i in range(3000)]


def article(seed: int, n: int = 300) -> list[str]:
    rng = random.Random(seed)
    return [rng.choice(WORDS) for _ in range(n)]


def rewrite(words: list[str], share: float, seed: int) -> list[str]:
    """Replace roughly ``1 - share`` of the words with fresh ones."""
    rng = random.Random(seed)
    return [w if rng.random() < share else f"new{rng.randrange(10**6)}" for w in words]


def true_jaccard(a: str, b: str) -> float:
    sa, sb = stories.shingles(a), stories.shingles(b)
    return len(sa & sb) / len(sa | sb)


def test_signature_is_deterministic_and_ignores_case_and_punctuation():
    text = " ".join(article(1))
    sig = stories.signature(text)
    assert sig.shape == (stories.NUM_PERM,)
    assert np.array_equal(sig, stories.signature(text.upper().replace(" ", ", ")))
    assert np.array_equal(stories.from_bytes(stories.to_bytes(sig)), sig)


def test_short_texts_have_no_signature():
    assert stories.signature("Read more.") is None
    assert stories.signature("") is None


@pytest.mark.parametrize("share", [0.3, 0.7, 0.95])
def test_similarity_estimates_jaccard(share):
    a = " ".join(article(2, 600))
    b = " ".join(rewrite(a.split(), share, seed=3))
    est = stories.similarity(stories.signature(a), stories.signature(b))
    # Standard error of a 128-permutation estimate is <= 0.045; allow ~3 sigma.
    assert abs(est - true_jaccard(a, b)) < 0.14


def test_band_keys_are_per_band_and_fit_bigint():
    sig = stories.signature(" ".join(article(4)))
    keys = stories.band_keys(sig)
    assert len(keys) == stories.BANDS
    assert all(-(2**63) <= k < 2**63 for k in keys)
    twin = sig.copy()
    twin[0] += 1  # only the first band changes
    assert [a == b for a, b in zip(keys, stories.band_keys(twin))] == [False] + [True] * (stories.BANDS - 1)


def test_index_groups_copies_and_rewrites_but_not_other_stories():
    index = stories.StoryIndex()
    base = article(5)
    assert index.add("orig", " ".join(base)) == "orig"
    assert index.add("other", " ".join(article(6))) == "other"
    assert index.add("copy", "New headline. " + " ".join(base[:-20])) == "orig"
    assert index.add("rewrite", " ".join(rewrite(base, 0.93, seed=7))) == "orig"
    assert index.add("loose", " ".join(rewrite(base, 0.5, seed=8))) == "loose"
    assert index.add("copy-of-other", " ".join(article(6))) == "other"


@pytest.mark.parametrize("seed", range(5))
def test_best_match_respects_threshold(seed):
    sig = stories.signature(" ".join(article(seed)))
    close = sig.copy()
    far = sig.copy()
    n_far = int(stories.NUM_PERM * (1 - stories.JACCARD_THRESHOLD)) + 1
    close[: n_far - 2] += 1
    far[:n_far] += 1
    assert stories.best_match(sig, [("far", far)]) is None
    assert stories.best_match(sig, [("far", far), ("close", close)]) == "close"
