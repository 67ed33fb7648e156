"""Tables of the knowledge base and the ordered migrations that create and update them.

One schema for SQLite and PostgreSQL (SQLAlchemy Core). ``schema_version`` holds one
row: the number of migration steps applied. A new step is appended to :data:`MIGRATIONS`
and never edited once released, so every store walks the same path to the current schema.
"""
from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import (
    BigInteger, Boolean, Column, Connection, ForeignKey, Index, Integer, LargeBinary,
    MetaData, String, Table, Text, inspect, select,
)

from autodossier.errors import AutodossierError

metadata = MetaData()

schema_version = Table(
    "schema_version", metadata,
    Column("version", Integer, nullable=False),
)

# Outlets: the publications documents come from.
outlets = Table(
    "outlets", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(300), nullable=False, unique=True),
)

documents = Table(
    "documents", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc", String(500), nullable=False, unique=True),  # document id (file stem)
    Column("title", Text),
    Column("date", String(10)),  # ISO YYYY-MM-DD or NULL
    Column("outlet_id", Integer, ForeignKey("outlets.id")),
    Column("url", Text),
    Column("path", Text),
    Column("content_hash", String(64), nullable=False),
    Column("claims_hash", String(64), nullable=False),  # what the extractor made of it
    Column("text", Text, nullable=False),
    Column("story", String(500), nullable=False),  # doc id of the first document of its story
    Column("minhash", LargeBinary),  # stories.NUM_PERM uint32 values; NULL when too short
    Column("ingested_at", String(32), nullable=False),
    Index("ix_documents_story", "story"),
    Index("ix_documents_date", "date"),
)

# Entities: vehicle models (or bare makes) that claims are about.
entities = Table(
    "entities", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(300), nullable=False, unique=True),  # normalized subject
    Column("subject", String(300), nullable=False),  # display form, as first seen
    Column("make", String(100), nullable=False),
    Index("ix_entities_make", "make"),
)

# Names an entity goes by (normalized): its subject, the bare model name, variants.
aliases = Table(
    "aliases", metadata,
    Column("alias", String(300), primary_key=True),
    Column("entity_id", Integer, ForeignKey("entities.id"), primary_key=True),
    Index("ix_aliases_entity", "entity_id"),
)

claims = Table(
    "claims", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False),
    Column("entity_id", Integer, ForeignKey("entities.id"), nullable=False),
    Column("attribute", String(40), nullable=False),
    Column("value", Text, nullable=False),  # JSON, so numbers and strings round-trip
    Column("unit", String(20)),
    Column("qualifier", String(2), nullable=False),
    Column("negated", Boolean, nullable=False),
    Column("status", String(20), nullable=False),
    Column("source", String(300)),
    Column("period", String(40)),
    Column("region", String(20)),
    Column("evidence", Text, nullable=False),
    Column("as_of", String(10)),
    Column("qualifier_text", Text),
    Column("variant", String(300)),
    Column("generation", Integer),
    Column("start", Integer),
    # Normalized string value (step 2): finds the claims that name a given entity
    # ("which models share a platform with the Nissan Z?") through an index, not a scan.
    Column("value_key", String(300)),
    # A dossier reads all claims of one entity: this index makes that a range scan.
    Index("ix_claims_entity_attr", "entity_id", "attribute"),
    Index("ix_claims_document", "document_id"),
    Index("ix_claims_source", "source"),
    Index("ix_claims_value_key", "value_key", "attribute"),
)

# LSH band keys of each document's MinHash signature (see autodossier.stories):
# candidates for near-duplicates are the documents sharing any key.
story_bands = Table(
    "story_bands", metadata,
    Column("key", BigInteger, nullable=False),
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False),
    Index("ix_story_bands_key", "key"),
    Index("ix_story_bands_document", "document_id"),
)

# Names the user follows (step 3): a model's subject or a whole make, by normalized key.
watchlist = Table(
    "watchlist", metadata,
    Column("key", String(300), primary_key=True),  # "model:<subject>" or "make:<make>", normalized
    Column("kind", String(10), nullable=False),  # "model" | "make"
    Column("name", String(300), nullable=False),  # display form
    Column("added_at", String(32), nullable=False),
)

# Change events already shown by `changes --watchlist` (step 3): the next look shows the rest.
watch_seen = Table(
    "watch_seen", metadata,
    Column("event", String(64), primary_key=True),  # autodossier.fuse.history.Event.id
    Column("seen_at", String(32), nullable=False),
)


def _v1_initial(conn: Connection) -> None:
    """Step 1: every table of the first release."""
    metadata.create_all(conn, tables=[outlets, documents, entities, aliases, claims, story_bands])


def _v2_value_key(conn: Connection) -> None:
    """Step 2: ``claims.value_key`` (normalized string value) with its index, filled for old rows."""
    import json

    from autodossier.store.entities import normalize

    if "value_key" not in {c["name"] for c in inspect(conn).get_columns("claims")}:
        conn.exec_driver_sql("ALTER TABLE claims ADD COLUMN value_key VARCHAR(300)")
    ix = next(i for i in claims.indexes if i.name == "ix_claims_value_key")
    ix.create(conn, checkfirst=True)
    rows = conn.execute(select(claims.c.id, claims.c.value).where(claims.c.value.like('"%'))).all()
    for row in rows:
        conn.execute(claims.update().where(claims.c.id == row.id)
                     .values(value_key=normalize(json.loads(row.value))[:300]))


def _v3_watchlist(conn: Connection) -> None:
    """Step 3: the watchlist and the change events already seen."""
    metadata.create_all(conn, tables=[watchlist, watch_seen])


# Ordered migration steps; the store's version is how many of them have run.
MIGRATIONS: list[Callable[[Connection], None]] = [_v1_initial, _v2_value_key, _v3_watchlist]
CURRENT_VERSION = len(MIGRATIONS)


def current_version(conn: Connection) -> int:
    """The schema version of the database behind ``conn`` (0 for an empty database)."""
    if not inspect(conn).has_table("schema_version"):
        return 0
    return conn.execute(select(schema_version.c.version)).scalar() or 0


def migrate(conn: Connection) -> int:
    """Bring the schema up to date inside the caller's transaction; returns the version."""
    version = current_version(conn)
    if version > CURRENT_VERSION:
        raise AutodossierError(
            f"database schema version {version} is newer than this autodossier supports "
            f"({CURRENT_VERSION}); upgrade autodossier")
    if version == CURRENT_VERSION:
        return version
    schema_version.create(conn, checkfirst=True)
    for step in MIGRATIONS[version:]:
        step(conn)
    conn.execute(schema_version.delete())
    conn.execute(schema_version.insert().values(version=CURRENT_VERSION))
    return CURRENT_VERSION
