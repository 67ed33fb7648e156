"""Shared fixtures.

``kb`` is a fresh, empty knowledge base, once on SQLite and once on PostgreSQL. The
PostgreSQL run needs ``AUTODOSSIER_TEST_PG`` (printed by scripts/services/postgres.sh,
which scripts/test.sh runs) and is skipped without it. Each PostgreSQL test gets a
schema of its own, dropped afterwards, so tests never see each other's rows.
"""
from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest

PG_ENV = "AUTODOSSIER_TEST_PG"


def _pg_url() -> str | None:
    return os.environ.get(PG_ENV) or None


@pytest.fixture
def pg_schema_url() -> Iterator[str]:
    """A PostgreSQL URL whose search_path is a new, empty schema (dropped after the test)."""
    url = _pg_url()
    if not url:
        pytest.skip(f"{PG_ENV} not set (run scripts/services/postgres.sh)")
    import sqlalchemy as sa

    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    except sa.exc.OperationalError as exc:
        admin.dispose()
        pytest.skip(f"PostgreSQL at {PG_ENV} unreachable: {exc.orig}")
    sep = "&" if "?" in url else "?"
    try:
        yield f"{url}{sep}options=-csearch_path%3D{schema}"
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def kb_url(request: pytest.FixtureRequest, tmp_path) -> str:  # noqa: ANN001
    """URL of an empty store: a SQLite file under tmp_path, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'kb.db'}"
    return request.getfixturevalue("pg_schema_url")


@pytest.fixture
def kb(kb_url: str):  # noqa: ANN201
    """An open, empty KnowledgeBase on each backend (closed after the test)."""
    from autodossier.store import KnowledgeBase

    store = KnowledgeBase(kb_url)
    yield store
    store.close()
