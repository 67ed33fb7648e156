"""How much to believe a value: status weights, independent sources and age, with a reason.

Each independent source contributes the weight of its most certain report, discounted by
age; sources combine as independent evidence (noisy-OR), so two rumors from unrelated
outlets outrank one, but no pile of rumors reaches a confirmation from the maker quickly.
Copies of one story (same ``story`` id from the store) and several articles of one outlet
count as one source.
"""
from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Callable, Iterable

from autodossier.claims import CERTAINTY_RANK
from autodossier.fuse.tiers import ceiling

# How far a single source's report of each status is to be trusted, in [0, 1].
# A maker's confirmation is near-certain; an official denial is equally strong (for the
# opposite statement); press reports and expectations are usually right but are revised;
# rumors and speculation come true perhaps a third of the time.
STATUS_WEIGHT = {
    "confirmed": 0.9,
    "denied": 0.85,
    "reported": 0.6,
    "expected": 0.55,
    "rumored": 0.3,
    "speculative": 0.2,
}
# News goes stale: the weight halves every this many years before the reference date...
HALF_LIFE_YEARS = 3.0
# ...but an old confirmation (a production start in 2016) stays worth this much of itself.
MIN_AGE_FACTOR = 0.4
# A report whose publication date is unknown cannot be aged; discount it a little for that.
UNDATED_FACTOR = 0.85


def record_date(record: dict) -> str | None:
    """The publication date of the article a claim record comes from (ISO), if known."""
    return record.get("doc_date") or record.get("as_of") or None


def asserts(record: dict) -> bool:
    """Whether the record says the value holds (True) or does not (False).

    A ``negated`` claim says it does not; a ``denied`` claim is the maker denying the
    statement as written, so it flips the polarity once more.
    """
    positive = not record.get("negated", False)
    return (not positive) if record.get("status") == "denied" else positive


def certainty(record: dict) -> int:
    """The rank of the record's status, higher is more certain (a denial ranks as official)."""
    status = record.get("status", "speculative")
    return CERTAINTY_RANK["confirmed"] if status == "denied" else CERTAINTY_RANK.get(status, 0)


def _source_keys(record: dict) -> list[str]:
    keys = []
    if record.get("story") is not None:
        keys.append(f"story:{record['story']}")
    if record.get("outlet"):
        keys.append(f"outlet:{str(record['outlet']).strip().lower()}")
    if not keys:
        keys.append(f"doc:{record.get('doc')}")
    return keys


def independent_sources(records: Iterable[dict]) -> list[list[dict]]:
    """Partition records into independent sources: linked by a shared story or outlet."""
    records = list(records)
    if len(records) < 2:  # most values are reported once: nothing to link
        return [records] if records else []
    parent = list(range(len(records)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[str, int] = {}
    for i, rec in enumerate(records):
        for key in _source_keys(rec):
            if key in owner:
                parent[find(i)] = find(owner[key])
            else:
                owner[key] = i
    groups: dict[int, list[dict]] = {}
    for i, rec in enumerate(records):
        groups.setdefault(find(i), []).append(rec)
    return list(groups.values())


def age_factor(published: str | None, reference: str | None) -> float:
    """The discount for a report published at ``published`` as seen at ``reference``."""
    if not published:
        return UNDATED_FACTOR
    if not reference:
        return 1.0
    try:
        return _dated_age_factor(published[:10], reference[:10])
    except ValueError:
        return UNDATED_FACTOR


@lru_cache(maxsize=1 << 16)  # a group of reports shares few dates and one reference date
def _dated_age_factor(published: str, reference: str) -> float:
    days = (date.fromisoformat(reference) - date.fromisoformat(published)).days
    years = max(days, 0) / 365.25
    return max(MIN_AGE_FACTOR, 0.5 ** (years / HALF_LIFE_YEARS))


def belief(records: list[dict], reference: str | None = None,
           weigh: Callable[[dict], tuple[float, str] | None] | None = None) -> tuple[float, str]:
    """Belief in [0, 1] that what these records jointly say is true, and why, in a short string.

    ``weigh`` (optional, e.g. :func:`autodossier.fuse.trackrecord.source_weigher`) may give a
    record a weight of its own, with a note for the reason, instead of its status weight.
    """
    if not records:
        return 0.0, "no reports"
    sources = independent_sources(records)
    doubt = 1.0
    notes: list[str] = []
    for group in sources:
        if weigh is None:
            best = max(STATUS_WEIGHT.get(r.get("status"), 0.1) * age_factor(record_date(r), reference) for r in group)
        else:
            best, note = _weighed_best(group, reference, weigh)
            if note and note not in notes:
                notes.append(note)
        doubt *= 1.0 - best
    top = max(records, key=certainty)["status"]
    # Corroboration raises belief within the tier of the best evidence, never across it.
    value = round(min(1.0 - doubt, ceiling(top)), 3)
    dates = sorted(d for d in (record_date(r) for r in records) if d)
    n = len(sources)
    parts = [top, f"{n} independent source{'s' if n != 1 else ''}"]
    if len(records) > n:
        parts[-1] += f" ({len(records)} reports)"
    parts.append(f"latest {dates[-1]}" if dates else "undated")
    return value, "; ".join(parts + notes)


def _weighed_best(group: list[dict], reference: str | None,
                  weigh: Callable[[dict], tuple[float, str] | None]) -> tuple[float, str | None]:
    """The heaviest record of one source under ``weigh`` (status weight where it abstains)."""
    best, best_note = 0.0, None
    for r in group:
        given = weigh(r)
        base, note = given if given is not None else (STATUS_WEIGHT.get(r.get("status"), 0.1), None)
        w = base * age_factor(record_date(r), reference)
        if w > best or best_note is None and note and w == best:
            best, best_note = w, note
    return best, best_note


