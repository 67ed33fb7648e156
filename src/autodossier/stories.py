"""Near-duplicate detection: syndicated and rewritten copies of one story.

Pure logic, no storage: text -> shingles -> MinHash signature -> LSH band keys.
Two documents whose band keys meet are candidates; a candidate joins a story when
the signatures estimate a Jaccard similarity of at least :data:`JACCARD_THRESHOLD`.
The store persists band keys in a table and asks it for candidates; :class:`StoryIndex`
is the same algorithm held in memory (for tests and one-off use).

A story id is the id of the first document of its cluster, so fusion can count one
vote per story rather than one per syndicated copy.
"""
from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Iterable

import numpy as np
from datasketch import MinHash

# 128 permutations: the standard error of a Jaccard estimate is ~1/sqrt(128) ~ 0.09,
# enough to tell a rewrite (~0.5+) from an unrelated article on the same car (< 0.15),
# and a signature stays small (512 bytes stored per document).
NUM_PERM = 128
# 32 bands of 4 rows: the LSH S-curve is at (1/32)^(1/4) ~ 0.42, below the threshold,
# so a pair at J = 0.5 becomes a candidate with probability ~0.88 and one at J = 0.7
# with ~0.9995; the false candidates this lets in are removed by the exact signature check.
BANDS = 32
ROWS = NUM_PERM // BANDS
# Word 3-shingles: long enough that two articles about the same car do not share most
# of them by vocabulary alone, short enough that light rewording (a changed word every
# sentence or two) leaves most shingles intact.
SHINGLE_WORDS = 3
# Jaccard over word 3-shingles: wire copies with a new headline or a trimmed last
# paragraph score 0.8-1.0; rewrites that keep the sentences but change some words and add
# a paragraph score ~0.4-0.7; independent reports on the same news share only names and
# numbers and stay under ~0.15. 0.5 keeps copies together with a wide margin from the
# independent reports, which fusion must count separately.
JACCARD_THRESHOLD = 0.5
# Texts shorter than this many shingles ("Read more", a one-line brief) are not clustered:
# a handful of shared phrases would make unrelated stubs look like copies.
MIN_SHINGLES = 8

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# CRC-32 as the base hash: the affine permutations on top supply the independence MinHash
# needs, collisions among an article's ~1000 shingles in 2^32 are negligible, and it is
# ~4x faster than datasketch's default SHA-1 (this runs once per ingested document).
_HASH = zlib.crc32
# Permutations are derived from a fixed seed (signatures must agree across runs and machines);
# computing them once saves most of the per-document cost.
_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=1, hashfunc=_HASH)


def shingles(text: str) -> set[bytes]:
    """The set of lower-cased word 3-grams of ``text`` (punctuation and case ignored)."""
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode()} if words else set()
    # SHINGLE_WORDS offset views zipped: the same strings as joining each slice, without
    # building a list per position (this runs over every word of every ingested article).
    grams = {" ".join(g) for g in zip(*(words[i:] for i in range(SHINGLE_WORDS)))}
    return {g.encode("utf-8", "surrogatepass") for g in grams}


def signature(text: str) -> np.ndarray | None:
    """MinHash signature (``NUM_PERM`` uint32 values) of ``text``; None when too short to cluster."""
    grams = shingles(text)
    if len(grams) < MIN_SHINGLES:
        return None
    mh = MinHash(num_perm=NUM_PERM, permutations=_TEMPLATE.permutations,
                 scheme=_TEMPLATE.scheme, hashfunc=_HASH)
    mh.update_batch(list(grams))
    return mh.hashvalues.astype(np.uint32)


def band_keys(sig: np.ndarray) -> list[int]:
    """One signed 64-bit key per LSH band (band number mixed in, so keys of different bands never meet)."""
    keys = []
    for band in range(BANDS):
        chunk = sig[band * ROWS:(band + 1) * ROWS].astype("<u4").tobytes()
        digest = hashlib.blake2b(band.to_bytes(2, "little") + chunk, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))  # fits a SQL BIGINT
    return keys


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures."""
    return float(np.count_nonzero(a == b)) / len(a)


def to_bytes(sig: np.ndarray) -> bytes:
    """A signature as stored (little-endian uint32)."""
    return sig.astype("<u4").tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    """A stored signature back as an array."""
    return np.frombuffer(data, dtype="<u4")


def best_match(sig: np.ndarray, candidates: Iterable[tuple[str, np.ndarray]]) -> str | None:
    """The id of the most similar candidate at or above the threshold, or None."""
    best, best_score = None, JACCARD_THRESHOLD
    for cand_id, cand_sig in candidates:
        score = similarity(sig, cand_sig)
        if score >= best_score:
            best, best_score = cand_id, score
    return best


class StoryIndex:
    """In-memory LSH index that assigns story ids as documents arrive.

    ``add(doc, text)`` returns the story of the most similar earlier document (at or above
    the threshold), or ``doc`` itself when it starts a new story.
    """

    def __init__(self) -> None:
        self._buckets: dict[int, list[str]] = {}
        self._sigs: dict[str, np.ndarray] = {}
        self.story: dict[str, str] = {}

    def add(self, doc: str, text: str) -> str:
        """Index one document and return its story id."""
        sig = signature(text)
        if sig is None:
            self.story[doc] = doc
            return doc
        keys = band_keys(sig)
        seen = {c for k in keys for c in self._buckets.get(k, ()) if c != doc}
        match = best_match(sig, ((c, self._sigs[c]) for c in sorted(seen)))
        story = self.story[match] if match else doc
        self.story[doc] = story
        self._sigs[doc] = sig
        for k in keys:
            self._buckets.setdefault(k, []).append(doc)
        return story
