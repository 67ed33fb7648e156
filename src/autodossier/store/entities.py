"""Entity naming: the normalized key of a subject, its make, and the aliases it is found by."""
from __future__ import annotations

from functools import lru_cache

# Makes of more than one word, used when the gazetteer is not available; without them
# "Land Rover Defender" would be filed under a make "Land".
FALLBACK_MULTIWORD_MAKES = {
    "alfa romeo": "Alfa Romeo",
    "aston martin": "Aston Martin",
    "land rover": "Land Rover",
    "range rover": "Land Rover",
    "rolls royce": "Rolls-Royce",
    "great wall": "Great Wall",
    "lynk & co": "Lynk & Co",
    "mercedes benz": "Mercedes-Benz",
    "mercedes-amg": "Mercedes-AMG",
}
# The longest make name we look for, in words ("Lynk & Co").
MAX_MAKE_WORDS = 3


def normalize(name: str) -> str:
    """Lookup key of a name: lower case, runs of white space as one space."""
    return " ".join(name.split()).lower()


@lru_cache(maxsize=1)
def _gazetteer_makes() -> dict[str, str]:
    """Lower-case make name -> canonical make, from the gazetteer when it is installed."""
    try:
        from autodossier.extract.gazetteer import load_gazetteer  # written by another stage
    except ImportError:
        return dict(FALLBACK_MULTIWORD_MAKES)
    try:
        makes = dict(load_gazetteer().makes)
    except (OSError, ValueError, AttributeError):
        return dict(FALLBACK_MULTIWORD_MAKES)
    return {**FALLBACK_MULTIWORD_MAKES, **{normalize(k): v for k, v in makes.items()}}


def make_of(subject: str) -> str:
    """The canonical make of a subject: the longest known make its words start with, else the first word."""
    words = subject.split()
    if not words:
        return ""
    makes = _gazetteer_makes()
    for n in range(min(MAX_MAKE_WORDS, len(words)), 0, -1):
        canonical = makes.get(normalize(" ".join(words[:n])))
        if canonical:
            return canonical
    return words[0]


def aliases_of(subject: str, make: str, variant: str | None = None) -> set[str]:
    """Normalized names a subject is found by: itself, the bare model name, and its variant.

    ``"Infiniti Q50"`` with variant ``"Q50S"`` gives ``{"infiniti q50", "q50", "q50s",
    "infiniti q50s"}``.
    """
    key = normalize(subject)
    names = {key}
    make_key = normalize(make)
    if make_key and key.startswith(make_key + " "):
        names.add(key[len(make_key) + 1:])
    elif " " in key and make_key == key.split(" ", 1)[0]:
        names.add(key.split(" ", 1)[1])
    if variant and variant.strip():
        v = normalize(variant)
        names.add(v)
        if make_key and not v.startswith(make_key):
            names.add(f"{make_key} {v}")
    return {n for n in names if n}
