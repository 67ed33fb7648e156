"""Following models over time: the watchlist, its changes, and one-line summaries of each.

Thin over the store (``kb.watch_add``/``watchlist``/``seen_events``) and
:func:`autodossier.fuse.history.events`; every face (CLI, web feeds) calls these.
"""
from __future__ import annotations

import difflib
from collections import Counter
from typing import Any

from autodossier.errors import AutodossierError
from autodossier.fuse.groups import as_of_limit
from autodossier.fuse.history import CONTRADICTION, RETIRED, UPGRADE, Event, events
from autodossier.report.labels import label

# How many close makes an unknown name suggests; difflib's default closeness.
MAKE_SUGGESTIONS = 3
MAKE_CUTOFF = 0.6
# Models named in the ingest summary line before "and N more".
SUMMARY_MODELS = 3


class UnknownWatchNameError(AutodossierError):
    """A name that is neither a stored model (or alias) nor a make."""

    http_status = 404


def _make_named(kb: Any, name: str) -> str | None:
    key = " ".join(name.split()).lower()
    return next((m for m in kb.makes() if m.lower() == key), None)


def resolve_watch_name(kb: Any, name: str) -> tuple[str, str]:
    """``("make", make)`` or ``("model", subject)`` for a make, model or alias; else an error
    naming the closest models and makes."""
    from autodossier.store import UnknownModelError

    if not name.strip():
        raise UnknownWatchNameError("empty name: give a model, an alias or a make")
    make = _make_named(kb, name)
    if make:
        return "make", make
    try:
        return "model", kb.resolve_model(name)
    except UnknownModelError as exc:
        makes = difflib.get_close_matches(name.lower(), [m.lower() for m in kb.makes()],
                                          n=MAKE_SUGGESTIONS, cutoff=MAKE_CUTOFF)
        if not makes:
            raise
        canonical = {m.lower(): m for m in kb.makes()}
        message = str(exc).rstrip("?")
        joiner = ", " if "did you mean" in message else "; did you mean: "
        raise UnknownWatchNameError(f"{message}{joiner}{', '.join(canonical[m] for m in makes)}?") from None


def watch_add(kb: Any, names: list[str]) -> list[dict[str, Any]]:
    """Follow each name (all are checked before any is added); what each became."""
    resolved = [resolve_watch_name(kb, n) for n in names]
    return [{"kind": kind, "name": name, "added": kb.watch_add(kind, name)} for kind, name in resolved]


def watch_remove(kb: Any, names: list[str]) -> list[dict[str, Any]]:
    """Stop following each name; a name not on the watchlist is an error naming what is."""
    followed = {(w["kind"], w["name"].lower()): w for w in kb.watchlist()}
    targets = []
    for name in names:
        key = " ".join(name.split()).lower()
        hit = followed.get(("make", key)) or followed.get(("model", key))
        if hit is None:
            try:
                kind, canonical = resolve_watch_name(kb, name)
                hit = followed.get((kind, canonical.lower()))
            except AutodossierError:
                hit = None
        if hit is None:
            listed = ", ".join(w["name"] for w in followed.values()) or "nothing"
            raise AutodossierError(f"{name!r} is not on the watchlist (watching: {listed})")
        targets.append(hit)
    return [{"kind": t["kind"], "name": t["name"], "removed": kb.watch_remove(t["kind"], t["name"])}
            for t in targets]


def watched_subjects(kb: Any) -> list[str]:
    """The models the watchlist covers: followed models and every model of followed makes."""
    subjects: dict[str, None] = {}
    for item in kb.watchlist():
        if item["kind"] == "make":
            for row in kb.models(make=item["name"]):
                subjects[row["subject"]] = None
        else:
            subjects[item["name"]] = None
    return list(subjects)


def model_events(kb: Any, subjects: list[str]) -> list[Event]:
    """Every change in the history of these models, in the order the news arrived.

    Documents are replayed in the order they were ingested (ingest an archive in date order);
    an event is dated by its document's publication date, else the day it was ingested.
    """
    if not subjects:
        return []
    records = kb.claims(subject=subjects)
    if not records:
        return []
    docs = {r["doc"] for r in records}
    order: dict[str, int] = {}
    dates: dict[str, str | None] = {}
    for n, d in enumerate(kb.documents()):
        if d["doc"] in docs:
            order[d["doc"]] = n
            dates[d["doc"]] = d.get("date") or (d.get("ingested_at") or "")[:10] or None
    return events(records, order, dates)


def watch_changes(kb: Any, since: str | None = None, mark: bool = True) -> list[Event]:
    """Changes to watched models: published after ``since``, or (without it) not yet seen.

    Without ``since`` and with ``mark``, the changes returned count as seen from now on.
    """
    found = model_events(kb, watched_subjects(kb))
    if since is not None:
        limit = as_of_limit(since)
        return [e for e in found if e.date and e.date > limit]
    seen = kb.seen_events(e.id for e in found)
    fresh = [e for e in found if e.id not in seen]
    if mark and fresh:
        kb.mark_seen(e.id for e in fresh)
    return fresh


def summary(event: Event) -> str:
    """One line saying what changed: "Infiniti Q50 · Power: 400 hp now confirmed (was reported)"."""
    what = f"{event.subject} · {label(event.attribute)}" + (f" ({event.scope})" if event.scope else "")
    if event.kind == UPGRADE:
        return f"{what}: {event.value} now {event.status} (was {event.before})"
    if event.kind == CONTRADICTION:
        return f"{what}: {event.value} ({event.status}) disputes {event.before}"
    if event.kind == RETIRED:
        return f"{what}: {event.value} retired by {event.before}"
    return f"{what}: {event.value} ({event.status})"


def cited_by(cite: dict[str, Any]) -> str:
    """Who one citation is from: its outlet, and the source it cites ("Autocar (citing Best Car)")."""
    who = cite.get("outlet") or ""
    if cite.get("source") and cite["source"] != who:
        who = f"{who} (citing {cite['source']})" if who else cite["source"]
    return who


def source_of(event: Event) -> str:
    """Who said it: the outlets (and attributed sources) of the event's evidence."""
    names = []
    for c in event.evidence:
        who = cited_by(c) or c.get("doc") or ""
        if who and who not in names:
            names.append(who)
    return ", ".join(names)


def pending_line(kb: Any) -> str | None:
    """The ingest summary of unseen changes to watched models (None without a watchlist)."""
    if not kb.watchlist():
        return None
    fresh = watch_changes(kb, mark=False)
    if not fresh:
        return "watchlist: no new changes to watched models"
    per_model = Counter(e.subject for e in fresh)
    named = ", ".join(f"{s} {n}" for s, n in per_model.most_common(SUMMARY_MODELS))
    more = len(per_model) - SUMMARY_MODELS
    extra = f" and {more} more model{'s' if more != 1 else ''}" if more > 0 else ""
    return (f"watchlist: {len(fresh)} new change{'s' if len(fresh) != 1 else ''} to watched models "
            f"({named}{extra}); see: autodossier changes --watchlist")
