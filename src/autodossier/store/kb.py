"""The knowledge base: documents, outlets, entities with aliases, claims with provenance.

One code path for an embedded SQLite file and a shared PostgreSQL server (SQLAlchemy
Core). Each document is written in its own transaction (or savepoint, in a batch), so an
interrupted ingest leaves a consistent store and a rerun finishes the job.
"""
from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from itertools import islice
from operator import attrgetter

from sqlalchemy import Connection, create_engine, delete, event, exists, func, insert, select, update
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError

from autodossier import stories
from autodossier.claims import CERTAINTY_RANK, FIELD_ORDER, Claim
from autodossier.errors import AutodossierError
from autodossier.ingest.document import Document
from autodossier.settings import Settings
from autodossier.store import schema as s
from autodossier.store.entities import aliases_of, make_of, normalize
from autodossier.store.queries import QueryMixin
from autodossier.store.watchlist import WatchlistMixin
from autodossier.urls import public_url

# Documents per transaction in ingest_many: large enough that commit (fsync) cost is
# spread thin, small enough that a kill loses little work and the write lock is not
# held for long by one process.
DEFAULT_BATCH = 200
# SQLite waits this long for another writer instead of failing at once (milliseconds):
# longer than any one batch holds the lock (200 documents, well under a second), short
# enough that a stuck writer is reported rather than waited on forever.
SQLITE_BUSY_TIMEOUT_MS = 30_000
# Pause between tries to open a store another process is setting up (seconds): its schema
# transaction takes milliseconds, so a short pause finds it done without spinning.
OPEN_RETRY_S = 0.05


class StoreBusyError(AutodossierError):
    """Another writer held the store's write lock for longer than the busy timeout.

    Faces show it as one line; the web API answers 503 with ``Retry-After``.
    """

    http_status = 503
    retry_after_s = 5  # seconds a client should wait before trying again


def is_busy(exc: BaseException) -> bool:
    """Whether a database error means "locked by another writer" (SQLite) rather than a fault."""
    if not isinstance(exc, OperationalError):
        return False
    text = str(getattr(exc, "orig", exc)).lower()
    return "database is locked" in text or "database is busy" in text or "database table is locked" in text


class UnknownModelError(AutodossierError):
    """A model name that matches no entity in the store (the message suggests close names)."""


@dataclass
class IngestResult:
    """What happened to one document in :meth:`KnowledgeBase.ingest_many`."""

    doc: str
    status: str  # "new" | "unchanged" | "replaced" | "failed"
    claims_added: int = 0
    error: str | None = None


def _driver_url(url: str) -> str:
    """Plain ``postgresql://`` (and ``postgres://``) URLs use psycopg 3, the driver we ship."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def _safe_url(url: str) -> str:
    """The URL for messages, password hidden."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def _first_line(exc: BaseException) -> str:
    """The first line of the underlying driver's message (SQLAlchemy appends SQL and links)."""
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).strip().splitlines()
    return text[0] if text else type(orig).__name__


def _dedupe(claims: Iterable[Claim]) -> list[Claim]:
    """One claim per contract key, keeping the most certain status (order of first appearance)."""
    kept: dict[tuple, Claim] = {}
    for claim in claims:
        prev = kept.get(claim.key)
        if prev is None or CERTAINTY_RANK[claim.status] > CERTAINTY_RANK[prev.status]:
            kept[claim.key] = claim
    return list(kept.values())


_contract_fields = attrgetter(*FIELD_ORDER)  # a claim's contract fields as one tuple


def _claims_hash(claims: list[Claim]) -> str:
    """Fingerprint of a document's claims: an improved extractor makes the document 'replaced'."""
    h = hashlib.sha256()
    # repr of the field tuple: stable, and far cheaper than JSON of dataclasses.asdict per claim.
    for line in sorted(repr(_contract_fields(c)) for c in claims):
        h.update(line.encode("utf-8", "surrogatepass"))
        h.update(b"\n")
    return h.hexdigest()


# The per-document statements of the write path, as plain SQL run through the DB-API
# cursor: SQLAlchemy's per-execute work (statement coercion, cache key, result setup)
# cost more than SQLite's own work on these small statements. "{p}" is the driver's
# positional placeholder ("?" for sqlite3, "%s" for psycopg); columns as in schema.py.
_DOC_COLUMNS = ("doc", "title", "date", "outlet_id", "url", "path", "content_hash", "claims_hash",
                "text", "story", "minhash", "ingested_at")
_SQL_SELECT_OLD = "SELECT id, content_hash, claims_hash FROM documents WHERE doc = {p}"
_SQL_INSERT_DOC = (f"INSERT INTO documents ({', '.join(_DOC_COLUMNS)}) "
                   f"VALUES ({', '.join(['{p}'] * len(_DOC_COLUMNS))}) RETURNING id")
_SQL_STORY_CANDIDATES = (
    "SELECT doc, minhash, story FROM documents WHERE id IN "
    "(SELECT document_id FROM story_bands WHERE key IN ({keys})) "
    "AND doc <> {p} AND minhash IS NOT NULL ORDER BY id")
_PLACEHOLDERS = {"qmark": "?", "format": "%s", "pyformat": "%s"}


def _install_sqlite_pragmas(engine: Engine, busy_timeout_ms: int) -> None:
    """WAL and explicit BEGIN for SQLite: crash-safe, readers never block, savepoints work.

    Write transactions (connections with the ``immediate`` execution option) start with
    ``BEGIN IMMEDIATE``: they take the write lock up front, where the busy timeout applies,
    instead of upgrading a read transaction midway, which fails at once when another
    process writes ("database is locked" regardless of the timeout).
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:  # noqa: ANN001 (DB-API objects)
        # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin, so
        # SAVEPOINT works (SQLAlchemy's documented recipe for pysqlite).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        # The timeout first: switching a fresh file to WAL needs a lock another process may hold.
        cur.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cur.execute("PRAGMA journal_mode=WAL")
        # NORMAL in WAL mode: a killed process never corrupts the file or loses a commit;
        # only an OS crash may lose the last transactions, which a rerun re-ingests.
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # noqa: ANN001
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("immediate") else "BEGIN")


class KnowledgeBase(QueryMixin, WatchlistMixin):
    """The store. ``KnowledgeBase(url)`` opens (and creates or migrates) the database at ``url``."""

    def __init__(self, url: str, busy_timeout_ms: int = SQLITE_BUSY_TIMEOUT_MS) -> None:
        self.url = url
        self.busy_timeout_ms = busy_timeout_ms
        try:
            self._engine = create_engine(_driver_url(url))
        except (ArgumentError, SQLAlchemyError, ImportError, ValueError) as exc:
            raise AutodossierError(f"cannot open database {_safe_url(url)}: {_first_line(exc)}") from None
        self.dialect = self._engine.dialect.name
        if self.dialect == "sqlite":
            _install_sqlite_pragmas(self._engine, busy_timeout_ms)
        elif self.dialect != "postgresql":
            self._engine.dispose()
            raise AutodossierError(
                f"cannot open database {_safe_url(url)}: only SQLite and PostgreSQL are supported")
        # Writes go through this view of the engine: same pool, BEGIN IMMEDIATE on SQLite
        # (PostgreSQL keeps its own row locking; the option means nothing there).
        self._write_engine = self._engine.execution_options(immediate=True)
        # One writer per process at a time: the id caches below are shared by the web
        # server's threads, and SQLite takes one writer per file anyway.
        self._write_lock = threading.Lock()
        self._local_commits = 0  # write transactions committed through this object
        self._token_lock = threading.Lock()
        self._token_conn = None  # SQLite: a connection kept only to read PRAGMA data_version
        self._open_schema(url)
        self._placeholder = _PLACEHOLDERS[self._engine.dialect.paramstyle]
        # Statement caches: pure functions of the schema and dialect, kept across rollbacks.
        self._fast_sql: dict[str, str] = {}
        self._ignore_stmts: dict[str, object] = {}
        self._subject_keys: dict[str, str] = {}  # subject as written -> entity key
        self._bulk_sql: dict[tuple[str, tuple[str, ...]], tuple[str, tuple[str, ...] | None]] = {}
        self._reset_caches()

    def _open_schema(self, url: str) -> None:
        """Check the schema version and migrate when behind, waiting out another opener.

        Two processes creating one fresh SQLite file at once can get "database is locked" at
        once, not after the busy timeout (SQLite skips its busy handler where waiting could
        deadlock, as when one switches the file to WAL while the other reads it), so such a
        failure is retried with fresh connections until the timeout has passed.
        """
        deadline = time.monotonic() + self.busy_timeout_ms / 1000
        while True:
            try:
                # Read the version first: a store that is up to date needs no write lock to
                # open, so readers never queue behind a long ingest.
                with self._engine.connect() as conn:
                    up_to_date = s.current_version(conn) == s.CURRENT_VERSION
                if not up_to_date:
                    with self._write_engine.begin() as conn:
                        s.migrate(conn)
                return
            except (SQLAlchemyError, OSError) as exc:
                self._engine.dispose()  # the next try connects afresh (and sets WAL again)
                if is_busy(exc) and time.monotonic() < deadline:
                    time.sleep(OPEN_RETRY_S)
                    continue
                if is_busy(exc):
                    raise self._busy_error() from None
                raise AutodossierError(f"cannot open database {_safe_url(url)}: {_first_line(exc)}") from None

    @classmethod
    def open(cls, settings: Settings) -> "KnowledgeBase":
        """The store the settings name (``settings.db_url``)."""
        return cls(settings.db_url, busy_timeout_ms=settings.busy_timeout_ms)

    def _busy_error(self) -> StoreBusyError:
        return StoreBusyError(
            f"database {_safe_url(self.url)} is busy: another process kept the write lock for over "
            f"{self.busy_timeout_ms / 1000:g} s; try again when it has finished")

    def close(self) -> None:
        """Release the database connections."""
        with self._token_lock:
            if self._token_conn is not None:
                self._token_conn.close()
                self._token_conn = None
        self._engine.dispose()

    def change_token(self) -> tuple:
        """A value that differs after any writer, in this process or another, has committed.

        Caches of derived data (the web's dossiers) compare it to know they are stale. On
        SQLite it is ``PRAGMA data_version`` of a connection kept for the purpose (it changes
        when any other connection commits); on PostgreSQL the newest claim and document ids
        and ingest time (ids only grow; a replaced document gets new claim ids and time).
        """
        if self.dialect == "sqlite":
            database = self._engine.url.database
            if database and database != ":memory:" and not database.startswith("file:"):
                with self._token_lock:
                    if self._token_conn is None:
                        import sqlite3

                        self._token_conn = sqlite3.connect(database, check_same_thread=False)
                    version = self._token_conn.execute("PRAGMA data_version").fetchone()[0]
                return (self._local_commits, version)
            return (self._local_commits,)
        c, d = s.claims.c, s.documents.c
        with self._engine.connect() as conn:
            row = conn.execute(select(select(func.max(c.id)).scalar_subquery(),
                                      select(func.max(d.id)).scalar_subquery(),
                                      select(func.max(d.ingested_at)).scalar_subquery())).one()
        return (self._local_commits, *row)

    def __enter__(self) -> "KnowledgeBase":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _reset_caches(self) -> None:
        # Ids of rows known to exist; cleared whenever a transaction rolls back, since
        # an id cached inside it may have been rolled back with it.
        self._outlet_ids: dict[str, int] = {}
        self._entity_ids: dict[str, int] = {}
        self._alias_pairs: set[tuple[str, int]] = set()  # (variant key, entity id) done

    # ---- writing -------------------------------------------------------------------

    def ingest(self, doc: Document, claims: list[Claim]) -> str:
        """Store one document and its claims in one transaction: "new", "unchanged" or "replaced"."""
        result = self.ingest_many([(doc, claims)])[0]
        if result.status == "failed":
            raise AutodossierError(f"cannot store {doc.doc}: {result.error}")
        return result.status

    def ingest_many(self, pairs: Iterable[tuple[Document, list[Claim]]],
                    batch_size: int = DEFAULT_BATCH) -> list[IngestResult]:
        """Store many documents, committing every ``batch_size``; each document stays atomic.

        A document whose write fails is rolled back alone (a savepoint) and reported with
        status "failed"; the others in its batch are kept. ``pairs`` may be a lazy iterator.
        """
        return list(self.iter_ingest(pairs, batch_size))

    def iter_ingest(self, pairs: Iterable[tuple[Document, list[Claim]]],
                    batch_size: int = DEFAULT_BATCH) -> Iterator[IngestResult]:
        """Like :meth:`ingest_many`, yielding each result once its batch is committed.

        Raises :class:`StoreBusyError` when another process holds the write lock for longer
        than the busy timeout: what was committed before stays, a rerun finishes the job.
        """
        it = iter(pairs)
        while True:
            batch = list(islice(it, batch_size))
            if not batch:
                return
            with self._write_lock:
                results = self._commit_batch(batch)
            yield from results

    def _commit_batch(self, batch: list[tuple[Document, list[Claim]]]) -> list[IngestResult]:
        """One batch in one transaction; a failing document alone is rolled back."""
        try:
            try:
                results = self._write_batch(batch, savepoints=False)
                self._local_commits += 1
                return results
            except (SQLAlchemyError, ValueError, TypeError) as exc:
                if is_busy(exc):
                    raise
                # A document failed and the batch rolled back whole: redo it with a
                # savepoint per document, so only the bad one is lost. Failures are
                # rare, and savepoints on every document cost ~7% of the write time.
                self._reset_caches()
                results = self._write_batch(batch, savepoints=True)
                self._local_commits += 1
                return results
        except SQLAlchemyError as exc:
            self._reset_caches()
            if is_busy(exc):
                raise self._busy_error() from None
            reason = f"batch not committed: {_first_line(exc)}"
            return [IngestResult(d.doc, "failed", 0, reason) for d, _ in batch]

    def _write_batch(self, batch: list[tuple[Document, list[Claim]]], savepoints: bool) -> list[IngestResult]:
        """One transaction for the batch; with ``savepoints``, a failing document is rolled back alone."""
        with self._write_engine.begin() as conn:
            if savepoints:
                return [self._ingest_savepoint(conn, doc, claims) for doc, claims in batch]
            return [self._write_document(conn, doc, claims) for doc, claims in batch]

    def _ingest_savepoint(self, conn: Connection, doc: Document, claims: list[Claim]) -> IngestResult:
        """One document inside a savepoint of the batch transaction."""
        try:
            with conn.begin_nested():
                return self._write_document(conn, doc, claims)
        except (SQLAlchemyError, ValueError, TypeError) as exc:
            self._reset_caches()
            return IngestResult(doc.doc, "failed", 0, _first_line(exc))

    def _write_document(self, conn: Connection, doc: Document, claims: list[Claim]) -> IngestResult:
        claims = _dedupe(claims)
        content_hash, claims_hash = doc.content_hash, _claims_hash(claims)
        d = s.documents.c
        old = conn.exec_driver_sql(self._sql(_SQL_SELECT_OLD), (doc.doc,)).first()
        if old is not None and old.content_hash == content_hash and old.claims_hash == claims_hash:
            return IngestResult(doc.doc, "unchanged")
        row = {
            "title": doc.title, "date": doc.date, "outlet_id": self._outlet_id(conn, doc.outlet),
            "url": public_url(doc.url), "path": doc.path, "content_hash": content_hash,
            "claims_hash": claims_hash, "text": doc.text,
            "ingested_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        }
        sig = stories.signature(doc.text)
        keys = stories.band_keys(sig) if sig is not None else []
        row["minhash"] = stories.to_bytes(sig) if sig is not None else None
        row["story"] = self._find_story(conn, doc.doc, sig, keys)
        if old is None:
            status = "new"
            row["doc"] = doc.doc
            doc_id = conn.exec_driver_sql(self._sql(_SQL_INSERT_DOC),
                                          tuple(row[c] for c in _DOC_COLUMNS)).scalar_one()
            old_entities: set[int] = set()
        else:
            status, doc_id = "replaced", old.id
            old_entities = set(conn.execute(select(s.claims.c.entity_id).distinct()
                                            .where(s.claims.c.document_id == doc_id)).scalars())
            conn.execute(delete(s.claims).where(s.claims.c.document_id == doc_id))
            conn.execute(delete(s.story_bands).where(s.story_bands.c.document_id == doc_id))
            conn.execute(update(s.documents).where(d.id == doc_id).values(**row))
        if keys:
            self._bulk_insert(conn, s.story_bands, [{"key": k, "document_id": doc_id} for k in keys])
        added = self._insert_claims(conn, doc_id, claims)
        if old_entities:
            self._drop_orphans(conn, old_entities)
        return IngestResult(doc.doc, status, added)

    def _find_story(self, conn: Connection, doc: str, sig, keys: list[int]) -> str:  # noqa: ANN001
        """The story of the most similar stored document (LSH candidates, then signature check), or ``doc``."""
        if sig is None:
            return doc
        sql = self._sql(_SQL_STORY_CANDIDATES.replace("{keys}", ", ".join(["{p}"] * len(keys))))
        cands = conn.exec_driver_sql(sql, (*keys, doc)).all()
        if not cands:
            return doc
        match = stories.best_match(sig, ((c.doc, stories.from_bytes(c.minhash)) for c in cands))
        return next(c.story for c in cands if c.doc == match) if match is not None else doc

    def _insert_claims(self, conn: Connection, doc_id: int, claims: list[Claim]) -> int:
        rows = []
        for c in claims:
            entity_id = self._entity_id(conn, c.subject, c.variant)
            rows.append({
                "document_id": doc_id, "entity_id": entity_id, "attribute": c.attribute,
                "value": json.dumps(c.value), "unit": c.unit, "qualifier": c.qualifier,
                "negated": bool(c.negated), "status": c.status, "source": c.source,
                "period": c.period, "region": c.region, "evidence": c.evidence,
                "as_of": c.as_of, "qualifier_text": c.qualifier_text, "variant": c.variant,
                "generation": c.generation, "start": c.start,
                "value_key": normalize(c.value)[:300] if isinstance(c.value, str) else None,
            })
        if rows:
            self._bulk_insert(conn, s.claims, rows)
        return len(rows)

    def _sql(self, template: str) -> str:
        """``template`` with the driver's positional placeholder in place of ``{p}``."""
        sql = self._fast_sql.get(template)
        if sql is None:
            sql = self._fast_sql[template] = template.replace("{p}", self._placeholder)
        return sql

    def _bulk_insert(self, conn: Connection, table, rows: list[dict]) -> None:  # noqa: ANN001
        """Many rows of plain values (no type processing needed) in one DB-API executemany.

        The statement is compiled once per table and column set; per call this skips
        SQLAlchemy's per-statement coercion and cache-key work, which dominated the
        write cost of a document's ~30 claims. Only for columns whose Python values the
        driver takes as they are (str, int, bool, bytes, None).
        """
        cols = tuple(rows[0])
        cached = self._bulk_sql.get((table.name, cols))
        if cached is None:
            compiled = insert(table).compile(dialect=self._engine.dialect, column_keys=list(cols))
            order = tuple(compiled.positiontup) if compiled.positional else None
            cached = self._bulk_sql[(table.name, cols)] = (compiled.string, order)
        sql, order = cached
        params = [tuple(r[k] for k in order) for r in rows] if order else rows
        conn.exec_driver_sql(sql, params)

    def _insert_ignore(self, conn: Connection, table, values: dict | list[dict]) -> None:  # noqa: ANN001
        """INSERT of one row (or many) that skips rows whose unique key exists (races with other writers)."""
        if not values:
            return
        stmt = self._ignore_stmts.get(table.name)
        if stmt is None:
            if self.dialect == "postgresql":
                from sqlalchemy.dialects.postgresql import insert as dialect_insert
            else:
                from sqlalchemy.dialects.sqlite import insert as dialect_insert
            stmt = self._ignore_stmts[table.name] = dialect_insert(table).on_conflict_do_nothing()
        conn.execute(stmt, values)

    def _outlet_id(self, conn: Connection, name: str | None) -> int | None:
        if not name or not name.strip():
            return None
        name = " ".join(name.split())
        if name not in self._outlet_ids:
            self._insert_ignore(conn, s.outlets, {"name": name})
            self._outlet_ids[name] = conn.execute(
                select(s.outlets.c.id).where(s.outlets.c.name == name)).scalar_one()
        return self._outlet_ids[name]

    def _entity_id(self, conn: Connection, subject: str, variant: str | None) -> int:
        key = self._subject_keys.get(subject)
        if key is None:
            key = self._subject_keys[subject] = normalize(subject)
        if not key:
            raise ValueError("claim with an empty subject")
        entity_id = self._entity_ids.get(key)
        if entity_id is None:
            subject = " ".join(subject.split())
            self._insert_ignore(conn, s.entities, {"key": key, "subject": subject,
                                                   "make": make_of(subject)})
            entity_id = conn.execute(select(s.entities.c.id).where(s.entities.c.key == key)).scalar_one()
            self._entity_ids[key] = entity_id
        # Aliases come from (subject, variant); each pair is written once per session.
        marker = (normalize(variant or ""), entity_id)
        if marker not in self._alias_pairs:
            self._insert_ignore(conn, s.aliases, [{"alias": alias, "entity_id": entity_id}
                                                  for alias in aliases_of(subject, make_of(subject), variant)])
            self._alias_pairs.add(marker)
        return entity_id

    def _drop_orphans(self, conn: Connection, entity_ids: set[int]) -> None:
        """Remove entities a replaced document was the last to mention."""
        e, c = s.entities.c, s.claims.c
        orphans = list(conn.execute(select(e.id).where(
            e.id.in_(entity_ids), ~exists().where(c.entity_id == e.id))).scalars())
        if orphans:
            conn.execute(delete(s.aliases).where(s.aliases.c.entity_id.in_(orphans)))
            conn.execute(delete(s.entities).where(e.id.in_(orphans)))
            self._entity_ids = {k: v for k, v in self._entity_ids.items() if v not in orphans}
            self._alias_pairs = {p for p in self._alias_pairs if p[1] not in orphans}
