"""The vehicle gazetteer: known makes and model lines, loaded from package data.

``data/makes.csv`` (make, aliases, parent) and ``data/vehicles.csv`` (make, model, aliases,
first_year, last_year, body, ambiguous) are built by ``scripts/build_gazetteer.py``; see
``data/SOURCES.md`` for their origin. Lookups are by lower-case name; the text matcher
decides which spans to try.
"""
from __future__ import annotations

import csv
import functools
import io
import re
from dataclasses import dataclass, field
from importlib import resources

DATA_PACKAGE = "autodossier.data"
ALIAS_SEPARATOR = "|"
# Digits-only names (3, 208, 1500) and one- or two-letter names (Z, GT, RX) occur in any text,
# so an alias that looks like that is unsafe alone even when its line is not.
_SHORT_OR_NUMERIC = re.compile(r"^(?:[\d\s\-.#]+|[a-z]{1,2})$")


@dataclass(frozen=True)
class Gazetteer:
    """Makes and model lines, keyed by lower-case name or alias."""

    makes: dict[str, str]  # lower-case make name or alias -> canonical make
    models: dict[str, list[tuple[str, str]]]  # lower-case model name or alias -> [(make, model)]
    ambiguous: frozenset[tuple[str, str]]  # (make, model) lines that must not match alone
    # lower-case model names and aliases that must not match without their make
    ambiguous_names: frozenset[str] = frozenset()
    bodies: dict[tuple[str, str], str] = field(default_factory=dict)
    years: dict[tuple[str, str], tuple[int | None, int | None]] = field(default_factory=dict)
    parents: dict[str, str] = field(default_factory=dict)  # make -> group brand
    _by_make: dict[str, list[str]] = field(default_factory=dict)

    def make_of(self, name: str) -> str | None:
        """Canonical make for a make name or alias in any case, None when unknown."""
        return self.makes.get(name.strip().lower())

    def model_names(self, make: str) -> list[str]:
        """Canonical model lines of a make (name or alias), sorted; empty when unknown."""
        canonical = self.make_of(make)
        return list(self._by_make.get(canonical, [])) if canonical else []

    def resolve(self, make: str, model: str) -> tuple[str, str] | None:
        """The canonical (make, model) line for a make and a model name or alias, or None."""
        canonical = self.make_of(make)
        for line in self.models.get(model.strip().lower(), []):
            if line[0] == canonical:
                return line
        return None

    def canonical(self, make: str, model: str) -> str:
        """The claim subject ``"Make Model"`` for a make and model name or alias.

        Raises KeyError when the gazetteer has no such line.
        """
        line = self.resolve(make, model)
        if line is None:
            raise KeyError(f"unknown vehicle line: {make} {model}")
        return f"{line[0]} {line[1]}"

    def body(self, make: str, model: str) -> str | None:
        """The contract body style of a line when known, else None."""
        line = self.resolve(make, model)
        return self.bodies.get(line) if line else None


def _read_csv(name: str) -> list[dict[str, str]]:
    text = resources.files(DATA_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def _split(aliases: str) -> list[str]:
    return [a for a in aliases.split(ALIAS_SEPARATOR) if a]


def _year(text: str) -> int | None:
    return int(text) if text else None


@functools.lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer from the package data files, read once per process."""
    makes: dict[str, str] = {}
    parents: dict[str, str] = {}
    for row in _read_csv("makes.csv"):
        make = row["make"]
        for name in [make, *_split(row["aliases"])]:
            makes[name.lower()] = make
        if row["parent"]:
            parents[make] = row["parent"]

    models: dict[str, list[tuple[str, str]]] = {}
    ambiguous: set[tuple[str, str]] = set()
    ambiguous_names: set[str] = set()
    bodies: dict[tuple[str, str], str] = {}
    years: dict[tuple[str, str], tuple[int | None, int | None]] = {}
    by_make: dict[str, list[str]] = {}
    for row in _read_csv("vehicles.csv"):
        line = (row["make"], row["model"])
        by_make.setdefault(line[0], []).append(line[1])
        is_ambiguous = row["ambiguous"] == "1"
        if is_ambiguous:
            ambiguous.add(line)
        for name in [row["model"], *_split(row["aliases"])]:
            key = name.lower()
            entries = models.setdefault(key, [])
            if line not in entries:
                entries.append(line)
            # A one-word alias without digits shares its line's risk (a word stays a word).
            single_word = " " not in key and not any(c.isdigit() for c in key)
            if (is_ambiguous and (key == line[1].lower() or single_word)
                    or _SHORT_OR_NUMERIC.match(key)):
                ambiguous_names.add(key)
        if row["body"]:
            bodies[line] = row["body"]
        years[line] = (_year(row["first_year"]), _year(row["last_year"]))
    return Gazetteer(
        makes=makes,
        models=models,
        ambiguous=frozenset(ambiguous),
        ambiguous_names=frozenset(ambiguous_names),
        bodies=bodies,
        years=years,
        parents=parents,
        _by_make={make: sorted(names, key=str.lower) for make, names in by_make.items()},
    )
