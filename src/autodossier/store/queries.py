"""Read side of the knowledge base: claim records, models, sources, stories."""
from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterator
from datetime import date
from typing import Any

from sqlalchemy import Select, and_, distinct, func, or_, select

from autodossier.errors import AutodossierError
from autodossier.store import schema as s
from autodossier.store.entities import normalize
from autodossier.urls import public_url

_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
# How many near names resolve_model suggests, and how close they must be (difflib ratio):
# 0.6 is difflib's own default, loose enough for "Q-50" -> "q50", tight enough to skip noise.
SUGGESTIONS = 5
SUGGESTION_CUTOFF = 0.6
# Rows fetched per round trip when streaming every claim (PostgreSQL uses a server-side cursor).
STREAM_ROWS = 10_000
# Entity keys and aliases are at most this long (their columns in schema.py).
MAX_NAME_CHARS = 300

_C, _D, _E, _O = s.claims.c, s.documents.c, s.entities.c, s.outlets.c

# Columns of a claim record, in contract order, then provenance.
_RECORD_COLUMNS = (
    _C.id, _D.doc, _E.subject, _C.variant, _C.generation, _C.attribute, _C.value, _C.unit,
    _C.qualifier, _C.negated, _C.status, _C.source, _C.period, _C.region, _C.evidence,
    _C.as_of, _C.qualifier_text, _C.start, _D.title.label("doc_title"),
    _D.date.label("doc_date"), _O.name.label("outlet"), _D.url, _D.story,
    _D.ingested_at.label("doc_ingested"),
)


def _date_bound(value: str | date | None, upper: bool) -> str | None:
    """An ISO prefix ("2022", "2022-05", "2022-05-07") as a full date: the first or last day it covers.

    Full-length strings compare the same under every database collation.
    """
    if value is None:
        return None
    text = value.isoformat() if isinstance(value, date) else str(value).strip()
    m = _DATE.match(text)
    if not m:
        raise AutodossierError(f"not a date: {text!r} (expected YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = m.groups()
    month = month or ("12" if upper else "01")
    day = day or ("31" if upper else "01")  # "-31" sorts after every real day of the month
    return f"{year}-{month}-{day}"


def _as_list(value: str | list[str] | tuple[str, ...]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


class QueryMixin:
    """Queries over the store; mixed into :class:`~autodossier.store.KnowledgeBase`."""

    _engine: Any

    def _claim_select(self, columns, subject=None, attribute=None, status=None, source=None,  # noqa: ANN001
                      make=None, since=None, until=None, as_of=None, doc=None, value=None) -> Select:
        """SELECT over claims joined to their document, outlet and entity, with the filters applied."""
        q = (select(*columns).select_from(s.claims)
             .join(s.documents, _D.id == _C.document_id)
             .join(s.entities, _E.id == _C.entity_id)
             .outerjoin(s.outlets, _O.id == _D.outlet_id))
        if subject is not None:
            keys = [normalize(x) for x in _as_list(subject)]
            q = q.where(_E.key == keys[0]) if len(keys) == 1 else q.where(_E.key.in_(keys))
        if attribute is not None:
            q = q.where(_C.attribute.in_(_as_list(attribute)))
        if status is not None:
            q = q.where(_C.status.in_(_as_list(status)))
        if source is not None:
            # A source is who a claim is attributed to, or the outlet that published it.
            key = normalize(source)
            q = q.where(or_(func.lower(_C.source) == key, func.lower(_O.name) == key))
        if make is not None:
            q = q.where(func.lower(_E.make) == normalize(make))
        if doc is not None:
            q = q.where(_D.doc == doc)
        if value is not None:  # string values, case- and spacing-insensitive (indexed)
            q = q.where(_C.value_key == normalize(str(value)))
        if since is not None:
            q = q.where(_D.date >= _date_bound(since, upper=False))
        if until is not None:
            q = q.where(_D.date <= _date_bound(until, upper=True))
        if as_of is not None:
            # an undated document counts from the day it was read into the store: by then it was known
            bound = _date_bound(as_of, upper=True)
            q = q.where(or_(_D.date <= bound, and_(_D.date.is_(None), _D.ingested_at <= bound + "T99")))
        return q

    def claims(self, subject: str | list[str] | None = None, attribute: str | list[str] | None = None,
               status: str | list[str] | None = None, source: str | None = None,
               make: str | None = None, since: str | None = None, until: str | None = None,
               as_of: str | None = None, doc: str | None = None, limit: int | None = None,
               offset: int = 0, value: str | None = None) -> list[dict]:
        """Claim records matching every given filter, in the order they were stored.

        ``subject``, ``attribute`` and ``status`` take one value or a list (any of them).

        A record has the contract fields of the claim plus ``id, doc_title, doc_date,
        outlet, url, story``. ``since``/``until`` bound the publication date; ``as_of``
        keeps only claims published on or before a date (undated documents excluded).
        ``value`` matches string values case-insensitively: with an entity attribute it finds
        the claims that name a model (``attribute=[...relations], value="Nissan Z"``).
        """
        q = self._claim_select(_RECORD_COLUMNS, subject, attribute, status, source, make,
                               since, until, as_of, doc, value).order_by(_C.id)
        if limit is not None:
            q = q.limit(limit)
        if offset:
            q = q.offset(offset)
        with self._engine.connect() as conn:
            result = conn.execute(q)
            names = tuple(result.keys())
            rows = result.all()
        # Plain tuples zipped with the column names: building RowMapping dicts cost more than
        # the query itself for a well-covered model's ~1,000 claims.
        out = []
        loads = json.loads
        for row in rows:
            rec = dict(zip(names, row))
            rec["value"] = loads(rec["value"])
            rec["negated"] = bool(rec["negated"])
            rec["url"] = public_url(rec["url"])  # stores written before URLs were checked
            out.append(rec)
        return out

    def count_claims(self, **filters: Any) -> int:
        """How many claims :meth:`claims` would return for the same filters (without limit)."""
        filters.pop("limit", None)
        filters.pop("offset", None)
        q = self._claim_select([func.count(_C.id)], **filters)
        with self._engine.connect() as conn:
            return conn.execute(q).scalar_one()

    def models(self, make: str | None = None) -> list[dict]:
        """Every entity with claims: subject, make, claim and document counts, first/last seen date."""
        q = (select(_E.subject, _E.make, func.count(_C.id).label("claims"),
                    func.count(distinct(_C.document_id)).label("documents"),
                    func.min(_D.date).label("first_seen"), func.max(_D.date).label("last_seen"))
             .select_from(s.entities).join(s.claims, _C.entity_id == _E.id)
             .join(s.documents, _D.id == _C.document_id)
             .group_by(_E.id, _E.subject, _E.make).order_by(_E.subject))
        if make is not None:
            q = q.where(func.lower(_E.make) == normalize(make))
        with self._engine.connect() as conn:
            return [dict(r) for r in conn.execute(q).mappings()]

    def makes(self) -> list[str]:
        """Every make some stored claim is about, sorted."""
        with self._engine.connect() as conn:
            return list(conn.execute(select(_E.make).distinct().order_by(_E.make)).scalars())

    def search_models(self, query: str, limit: int = 10) -> list[str]:
        """Subjects whose name or an alias contains ``query`` (case-insensitive); exact and prefix first."""
        key = normalize(query)
        if not key or len(key) > MAX_NAME_CHARS:  # longer than any stored alias: no match
            return []
        pattern = "%" + key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        a = s.aliases.c
        q = (select(_E.subject, _E.key, a.alias).select_from(s.entities)
             .join(s.aliases, a.entity_id == _E.id)
             .where(a.alias.like(pattern, escape="\\")))
        best: dict[str, tuple] = {}
        with self._engine.connect() as conn:
            for subject, ekey, alias in conn.execute(q):
                rank = (alias != key, not alias.startswith(key), len(ekey), ekey)
                if subject not in best or rank < best[subject]:
                    best[subject] = rank
        return sorted(best, key=best.__getitem__)[:limit]

    def resolve_model(self, name: str) -> str:
        """The canonical subject for a name or alias; :class:`UnknownModelError` with suggestions if none."""
        from autodossier.store.kb import UnknownModelError  # the error lives with the class

        key = normalize(name)
        if len(key) > MAX_NAME_CHARS:  # no stored name is that long; difflib on it would cost seconds
            raise UnknownModelError(f"unknown model {name[:60]!r}...: longer than any model name")
        a = s.aliases.c
        with self._engine.connect() as conn:
            exact = conn.execute(select(_E.subject).where(_E.key == key)).scalar()
            if exact:
                return exact
            by_alias = list(conn.execute(
                select(_E.subject).join(s.aliases, a.entity_id == _E.id)
                .where(a.alias == key).distinct().order_by(_E.subject)).scalars())
            if len(by_alias) == 1:
                return by_alias[0]
            if by_alias:
                error = UnknownModelError(
                    f"{name!r} is ambiguous; did you mean: {', '.join(by_alias[:SUGGESTIONS])}?")
                error.suggestions = by_alias[:SUGGESTIONS]  # for faces that link them (web search)
                raise error
            names = dict(conn.execute(select(a.alias, _E.subject)
                                      .join(s.entities, a.entity_id == _E.id)).all())
        close = difflib.get_close_matches(key, list(names), n=SUGGESTIONS * 2, cutoff=SUGGESTION_CUTOFF)
        suggestions = list(dict.fromkeys(names[c] for c in close))[:SUGGESTIONS]
        hint = f"; did you mean: {', '.join(suggestions)}?" if suggestions else ""
        error = UnknownModelError(f"unknown model {name!r}{hint}")
        error.suggestions = suggestions
        raise error

    def documents(self, limit: int | None = None, offset: int = 0) -> list[dict]:
        """Stored documents (without text) in ingest order: metadata, story and claim count."""
        n_claims = (select(func.count(_C.id)).where(_C.document_id == _D.id)
                    .correlate(s.documents).scalar_subquery())
        q = (select(_D.doc, _D.title, _D.date, _O.name.label("outlet"), _D.url, _D.path,
                    _D.story, _D.content_hash, _D.ingested_at, n_claims.label("claims"))
             .select_from(s.documents).outerjoin(s.outlets, _O.id == _D.outlet_id)
             .order_by(_D.id).offset(offset))
        if limit is not None:
            q = q.limit(limit)
        with self._engine.connect() as conn:
            return [dict(r) for r in conn.execute(q).mappings()]

    def count_documents(self) -> int:
        """How many documents are stored."""
        with self._engine.connect() as conn:
            return conn.execute(select(func.count(_D.id))).scalar_one()

    def document(self, doc_id: str) -> dict | None:
        """One document with its text, or None when it is not stored."""
        q = (select(_D.doc, _D.title, _D.date, _O.name.label("outlet"), _D.url, _D.path,
                    _D.story, _D.content_hash, _D.ingested_at, _D.text)
             .select_from(s.documents).outerjoin(s.outlets, _O.id == _D.outlet_id)
             .where(_D.doc == doc_id))
        with self._engine.connect() as conn:
            row = conn.execute(q).mappings().first()
        return dict(row) if row else None

    def sources(self) -> list[dict]:
        """Outlets (``kind: "outlet"``) and attributed sources (``kind: "attributed"``) with counts."""
        outlet_q = (select(_O.name, func.count(distinct(_D.id)).label("documents"),
                           func.count(_C.id).label("claims"))
                    .select_from(s.outlets).join(s.documents, _D.outlet_id == _O.id)
                    .outerjoin(s.claims, _C.document_id == _D.id).group_by(_O.id, _O.name))
        source_q = (select(_C.source.label("name"),
                           func.count(distinct(_C.document_id)).label("documents"),
                           func.count(_C.id).label("claims"))
                    .where(_C.source.is_not(None)).group_by(_C.source))
        with self._engine.connect() as conn:
            out = [{"kind": "outlet", **r} for r in conn.execute(outlet_q).mappings()]
            out += [{"kind": "attributed", **r} for r in conn.execute(source_q).mappings()]
        return sorted(out, key=lambda r: (-r["claims"], r["name"].lower(), r["kind"]))

    def stories(self, min_size: int = 1) -> list[dict]:
        """Story clusters, largest first: ``{"story", "documents": [doc ids], "outlets": [names]}``."""
        q = (select(_D.story, _D.doc, _O.name).select_from(s.documents)
             .outerjoin(s.outlets, _O.id == _D.outlet_id).order_by(_D.id))
        groups: dict[str, dict] = {}
        with self._engine.connect() as conn:
            for story, doc, outlet in conn.execute(q):
                g = groups.setdefault(story, {"story": story, "documents": [], "outlets": []})
                g["documents"].append(doc)
                if outlet and outlet not in g["outlets"]:
                    g["outlets"].append(outlet)
        out = [g for g in groups.values() if len(g["documents"]) >= min_size]
        return sorted(out, key=lambda g: -len(g["documents"]))

    def claims_fingerprint(self) -> tuple[int, int]:
        """(highest claim id, highest document id): changes when documents or claims are added or
        replaced (replacing re-inserts a document's claims), so results computed over every claim
        can be cached until it does. Both are index lookups, cheap at any size."""
        with self._engine.connect() as conn:
            row = conn.execute(select(select(func.max(_C.id)).scalar_subquery(),
                                      select(func.max(_D.id)).scalar_subquery())).one()
        return int(row[0] or 0), int(row[1] or 0)

    def judged_claims_by_make(self, as_of: str | None = None) -> Iterator[list[dict]]:
        """Every claim as a slim record for judging track records, one make's claims at a time.

        A record has the fields that identify the question, value, status and source, and the
        document's date and outlet (no evidence text). Rows stream from the database, so memory
        holds one make's claims, not the whole store.
        """
        cols = (_E.make, _C.id, _D.doc, _E.subject, _C.variant, _C.generation, _C.attribute, _C.value,
                _C.unit, _C.qualifier, _C.negated, _C.status, _C.source, _C.period, _C.region,
                _D.date.label("doc_date"), _O.name.label("outlet"), _D.story)
        q = self._claim_select(cols, as_of=as_of).order_by(_E.make, _C.entity_id, _C.id)
        loads = json.loads
        with self._engine.connect() as conn:
            result = conn.execution_options(yield_per=STREAM_ROWS).execute(q)
            names = tuple(result.keys())
            chunk: list[dict] = []
            make = None
            for row in result:
                rec = dict(zip(names, row))
                if rec["make"] != make and chunk:
                    yield chunk
                    chunk = []
                make = rec.pop("make")
                rec["value"] = loads(rec["value"])
                rec["negated"] = bool(rec["negated"])
                chunk.append(rec)
            if chunk:
                yield chunk
