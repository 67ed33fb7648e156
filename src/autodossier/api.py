"""The Python API: one object over a knowledge base, the same operations as the CLI.

    import autodossier
    with autodossier.open("cars.db") as ad:
        ad.ingest(["articles/"])
        print(ad.dossier("Infiniti Q50").to_dict()["conflicts"])

``autodossier.open(db)`` takes a SQLite path, a ``sqlite:///`` or ``postgresql://`` URL (None:
``$AUTODOSSIER_DB``, else ``autodossier.db``) and returns an :class:`Autodossier`.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from autodossier.errors import AutodossierError, InputError
from autodossier.fuse import Changes, changes_since, filter_as_of
from autodossier.fuse.groups import as_of_limit
from autodossier.report.charts import sales_data, timeline_data
from autodossier.report.dossier import Dossier, build_dossier, related_records
from autodossier.settings import Settings


class Autodossier:
    """A knowledge base and the questions it answers; close it (or use ``with``) when done."""

    def __init__(self, settings: Settings) -> None:
        from autodossier.store import KnowledgeBase

        self.settings = settings
        self.kb = KnowledgeBase.open(settings)

    def __enter__(self) -> "Autodossier":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Release the database."""
        self.kb.close()

    def ingest(self, paths: str | Path | Iterable[str | Path],
               progress: Callable[..., Any] | None = None) -> Any:
        """Read, extract and store articles from files, folders, globs or feeds.

        Returns the pipeline's summary (documents new / unchanged / replaced, claims, and the
        inputs that could not be read, which are skipped).
        """
        if isinstance(paths, (str, Path)):
            paths = [paths]
        paths = [str(p) for p in paths]
        try:
            from autodossier.pipeline import ingest_paths
        except ImportError:  # the pipeline module is not there yet: the plain sequential path
            return _ingest_sequential(self.kb, paths, self.settings)
        return ingest_paths(self.kb, paths, self.settings, progress=progress)

    def dossier(self, name: str, as_of: str | None = None) -> Dossier:
        """The dossier on a model (``.to_dict()`` for data); unknown names raise with suggestions."""
        return build_dossier(self.kb, name, as_of=as_of)

    def claims(self, **filters: Any) -> list[dict]:
        """Claim records with provenance; filters as ``KnowledgeBase.claims`` (subject, attribute,
        status, source, make, since, until, as_of, doc, limit, offset)."""
        if filters.get("subject"):
            filters["subject"] = self.kb.resolve_model(filters["subject"])
        return self.kb.claims(**filters)

    def models(self, make: str | None = None) -> list[dict]:
        """Every model with claims: subject, make, claim and document counts, first/last seen."""
        return self.kb.models(make=make)

    def changes(self, since: str, as_of: str | None = None) -> Changes:
        """Claims first published after ``since`` and the beliefs that changed since then."""
        records = self.kb.claims(as_of=as_of_limit(as_of)) if as_of else self.kb.claims()
        return changes_since(records, since, as_of=as_of)

    def timeline(self, make: str | None = None, as_of: str | None = None) -> list[dict]:
        """Lineup data (production spans, reveals, launches with certainty) for a chart."""
        return timeline_data(self.kb, make=make, as_of=as_of)

    def sales(self, make: str | None = None, as_of: str | None = None) -> list[dict]:
        """Believed unit sales per model, period and region, with citations."""
        return sales_data(self.kb, make=make, as_of=as_of)

    def estimate(self, name: str, as_of: str | None = None) -> Any:
        """0-60 mph / top-speed estimates with intervals for a model, from its claims and its
        related models' claims; never mixed with claims."""
        try:
            from autodossier.estimate import estimate_model
        except ImportError:
            raise AutodossierError("estimates are not available in this installation") from None
        dossier = build_dossier(self.kb, name, as_of=as_of)
        as_of = as_of_limit(as_of)
        records = filter_as_of(self.kb.claims(subject=dossier.subject, as_of=as_of), as_of)
        related = related_records(self.kb, dossier.related, as_of)
        return estimate_model(records, related=related or None)

    def track_record(self, as_of: str | None = None) -> Any:
        """Each outlet's and named source's record: uncertain claims later borne out or
        contradicted (``.to_dict()`` for data; see ``autodossier.fuse.trackrecord``)."""
        from autodossier.report.trackrecord import source_track_record

        return source_track_record(self.kb, as_of)

    def watch(self, *names: str) -> list[dict]:
        """Follow models, aliases or makes (unknown names raise with suggestions)."""
        from autodossier.report.follow import watch_add

        return watch_add(self.kb, list(names))

    def watch_changes(self, since: str | None = None, mark: bool = True) -> list:
        """Changes to watched models since a date, or not yet seen (then marked seen if ``mark``)."""
        from autodossier.report.follow import watch_changes

        return watch_changes(self.kb, since=since, mark=mark)


def _ingest_sequential(kb: Any, paths: list[str], settings: Settings) -> dict[str, Any]:
    """Read, extract, store one document at a time; unreadable inputs are listed and skipped."""
    from autodossier.extract import extract
    from autodossier.ingest import read_paths

    summary: dict[str, Any] = {"new": 0, "unchanged": 0, "replaced": 0, "claims": 0, "errors": []}
    for item in read_paths(paths, settings):
        if isinstance(item, InputError):
            summary["errors"].append(str(item))
            continue
        claims = extract(item)
        result = kb.ingest(item, claims)
        status = getattr(result, "status", result)
        summary[status] = summary.get(status, 0) + 1
        summary["claims"] += len(claims)
    return summary


def open(db: str | None = None, **settings: Any) -> Autodossier:  # noqa: A001 (the API's name)
    """Open (creating if needed) the knowledge base ``db`` and return the API object."""
    return Autodossier(Settings.from_env(db=db, **settings))
