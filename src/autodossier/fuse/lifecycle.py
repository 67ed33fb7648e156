"""A model's lifecycle as a dated, generation-aware sequence of events, not one value.

A line is planned, revealed, put on sale, built, discontinued, and sometimes planned again
for a new generation. "Planned" and "discontinued" are then both true, of different times:
the old generation ended and a new one is coming. :func:`stages_compatible` tells fusion
which lifecycle values can both hold (so they are not a conflict); :func:`lifecycle_story`
orders what the claims say into the story a reader follows, e.g.
``in production -> discontinued 2024 -> return planned, on sale 2027-H2``.

Pure: claim records in, plain dicts out.
"""
from __future__ import annotations

from typing import Any

from autodossier.fuse.belief import asserts, certainty, record_date
from autodossier.fuse.values import date_span, normalize_text

# Lifecycle values that cannot both hold of one line at one time. Every other pair is a
# sequence (discontinued, then a return planned; in production while a successor is
# planned; a concept shown of a model on sale) and both stay believed.
CONTRADICTIONS = frozenset({
    frozenset({"inproduction", "discontinued"}),
    frozenset({"planned", "cancelled"}),
    frozenset({"planned", "onhold"}),
})
# The order of stages within one generation's life, used where dates do not decide.
STAGE_RANK = {"concept": 0, "planned": 1, "on-hold": 2, "cancelled": 2, "revealed": 3,
              "on sale": 4, "in production": 5, "discontinued": 6}
# Lifecycle values (contract vocabulary) as stage names.
_STAGE_OF_VALUE = {"concept": "concept", "planned": "planned", "inproduction": "in production",
                   "discontinued": "discontinued", "cancelled": "cancelled", "onhold": "on-hold"}
# Date attributes as stages.
_STAGE_OF_DATE = {"production_start": "in production", "production_end": "discontinued",
                  "on_sale": "on sale", "reveal": "revealed"}
# The attributes a lifecycle story is told from.
STORY_ATTRIBUTES = ("lifecycle", "production_start", "production_end", "on_sale", "reveal")
# Stages that look forward: after a discontinuation they belong to the next generation.
_FORWARD = frozenset({"concept", "planned", "on-hold", "cancelled", "revealed", "on sale"})


def stages_compatible(a: Any, b: Any) -> bool:
    """Whether two lifecycle positions (``.value``, ``.holds``) can both be true of one line."""
    if not (a.holds and b.holds):
        return False
    pair = frozenset({normalize_text(a.value), normalize_text(b.value)})
    return len(pair) > 1 and pair not in CONTRADICTIONS


def _event_date(rec: dict) -> str | None:
    """When the event happened: a date attribute's value, else when it was reported."""
    if rec["attribute"] in _STAGE_OF_DATE and date_span(str(rec["value"])):
        return str(rec["value"])
    return None


def _span_start(value: str | None) -> str:
    span = date_span(value) if value else None
    return span[0].isoformat() if span else ""


def _span_end(value: str | None) -> str:
    span = date_span(value) if value else None
    return span[1].isoformat() if span else ""


def _events(records: list[dict]) -> list[dict]:
    """One event per (stage, date, generation), with its records, from the lifecycle claims."""
    from autodossier.fuse.groups import scope_variant  # groups imports this module

    events: dict[tuple, dict] = {}
    for rec in records:
        if not asserts(rec) or scope_variant(rec):
            continue  # a trim's or concept edition's state is not the line's (a new name is)
        attribute = rec["attribute"]
        if attribute == "lifecycle":
            stage = _STAGE_OF_VALUE.get(normalize_text(rec["value"]))
        else:
            stage = _STAGE_OF_DATE.get(attribute)
        if stage is None:
            continue
        when = _event_date(rec)
        key = (stage, when, rec.get("generation") or 0)
        event = events.setdefault(key, {"stage": stage, "date": when, "generation": rec.get("generation"),
                                        "records": []})
        event["records"].append(rec)
    out = list(events.values())
    # Reports of one stage are one event when their dates agree (2022 and 2022-12), when one
    # is undated ("discontinued" and "production ended 2024"), or when one names a generation
    # the other leaves unsaid. The most certain report's date stands; a named generation stays.
    merged: list[dict] = []
    for event in sorted(out, key=lambda e: (e["date"] is None, -max(map(certainty, e["records"])))):
        for other in merged:
            if other["stage"] == event["stage"] and _same_time(other, event) and _same_generation(other, event):
                other["records"].extend(event["records"])
                other["generation"] = other["generation"] or event["generation"]
                break
        else:
            merged.append(event)
    return merged


def _same_time(a: dict, b: dict) -> bool:
    if a["date"] is None or b["date"] is None:
        return True
    sa, sb = date_span(a["date"]), date_span(b["date"])
    return sa[0] <= sb[1] and sb[0] <= sa[1]


def _same_generation(a: dict, b: dict) -> bool:
    return not a["generation"] or not b["generation"] or a["generation"] == b["generation"]


def _assign_cycles(events: list[dict]) -> None:
    """Mark each event ``previous`` (the generation that ended) or ``next`` (what follows)."""
    ended = [e for e in events if e["stage"] == "discontinued"]
    if not ended:
        for e in events:
            e["cycle"] = "current"
        return
    end = max((_span_end(e["date"]) for e in ended if e["date"]), default="")
    ended_gen = min((e["generation"] for e in ended if e["generation"]), default=None)
    for e in events:
        if e["stage"] == "discontinued":
            e["cycle"] = "previous"
        elif e["generation"] and ended_gen and e["generation"] > ended_gen:
            e["cycle"] = "next"
        elif e["stage"] not in _FORWARD:
            # Built before the end, unless dated after it.
            e["cycle"] = "next" if end and e["date"] and _span_start(e["date"]) > end else "previous"
        elif e["date"]:
            e["cycle"] = "next" if not end or _span_start(e["date"]) > end else "previous"
        else:
            # An undated plan: reported before the end it was the old plan, else a return.
            reported = max((d for d in map(record_date, e["records"]) if d), default="")
            e["cycle"] = "previous" if end and reported and reported[:10] < _span_start(end[:4]) else "next"


def _sort_date(e: dict) -> str:
    """Dated events by date (an ending at the end of its span); undated ones by their stage:
    plans first, then launches and production, endings last."""
    if e["date"]:
        return _span_end(e["date"]) if e["stage"] == "discontinued" else _span_start(e["date"])
    return "9999" if e["stage"] == "discontinued" else f"000{min(STAGE_RANK[e['stage']], 9)}"


def _label(e: dict, returning: bool) -> str:
    stage = e["stage"]
    if stage == "planned" and returning:
        text = "return planned"
    elif stage == "in production" and e.get("inferred"):
        text = "in production"
    else:
        text = stage
    if e["date"]:
        text += f" {e['date']}" if stage != "in production" else f" from {e['date']}"
    if e["generation"]:
        text += f" (gen {e['generation']})"
    return text


def lifecycle_story(records: list[dict]) -> list[dict[str, Any]]:
    """The lifecycle events of one model's claim records, in the order they happened.

    Each event: ``stage``, ``date`` (the event's own date, or None), ``generation``,
    ``cycle`` (``previous``/``next`` around a discontinuation, else ``current``),
    ``label`` ("discontinued 2024", "return planned"), ``status`` (the most certain
    report), ``reported`` (first publication date), ``inferred`` and ``records``.
    A discontinued line with no report of its production gets an inferred "in production"
    event first: it was built before it ended.
    """
    events = _events(records)
    if not events:
        return []
    _assign_cycles(events)
    previous = [e for e in events if e["cycle"] == "previous"]
    if previous and not any(e["stage"] == "in production" for e in previous):
        end = next(e for e in previous if e["stage"] == "discontinued")
        previous.append({"stage": "in production", "date": None, "generation": end["generation"],
                         "cycle": "previous", "records": end["records"], "inferred": True})
        events.append(previous[-1])
    cycle_rank = {"previous": 0, "current": 1, "next": 2}
    events.sort(key=lambda e: (cycle_rank[e["cycle"]], _sort_date(e),
                               STAGE_RANK[e["stage"]]))
    returning = bool(previous)
    out = []
    for e in events:
        best = max(e["records"], key=certainty)
        dates = sorted(d for d in map(record_date, e["records"]) if d)
        out.append({
            "stage": e["stage"], "date": e["date"], "generation": e["generation"], "cycle": e["cycle"],
            "label": _label(e, returning and e["cycle"] == "next"),
            "status": best.get("status"), "reported": dates[0] if dates else None,
            "inferred": bool(e.get("inferred")), "records": e["records"],
        })
    return out


def story_text(story: list[dict[str, Any]]) -> str:
    """The story on one line: stages of one cycle joined by arrows, the next cycle by commas.

    Stages not confirmed carry their status: "return planned, on sale 2027-H2 (expected)".
    """
    parts: list[str] = []
    nxt: list[str] = []
    for e in story:
        text = e["label"] + ("" if e["status"] in ("confirmed", None) or e["inferred"] else f" ({e['status']})")
        (nxt if e["cycle"] == "next" else parts).append(text)
    if nxt:
        parts.append(", ".join(nxt))
    return " -> ".join(parts)


def current_stage(story: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The stage the line is in now: the last of its story (None when nothing is said)."""
    return story[-1] if story else None


# Stages that are states of the line (what a lineup filter asks), as contract values; dated
# milestones (revealed, on sale) are not states.
STATE_VALUES = {"concept": "concept", "planned": "planned", "in production": "in-production",
                "discontinued": "discontinued", "cancelled": "cancelled", "on-hold": "on-hold"}
# Statuses too weak to move a line's state on their own: a speculated return does not make a
# discontinued line "planned".
_HEARSAY = frozenset({"rumored", "speculative"})


def lineup_status(story: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The line's state now: the last state event of its story that is more than hearsay
    (else the last state event at all); ``value`` is the contract's lifecycle value."""
    states = [e for e in story if e["stage"] in STATE_VALUES]
    firm = [e for e in states if e["status"] not in _HEARSAY]
    chosen = (firm or states or [None])[-1]
    return None if chosen is None else {**chosen, "value": STATE_VALUES[chosen["stage"]]}
