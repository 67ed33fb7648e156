"""One typed settings object for every face (CLI, web, Python API).

Values come from, in rising priority: defaults, environment variables
(``AUTODOSSIER_*``), then explicit overrides (CLI flags, function arguments).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace

# The embedded default store: a SQLite file in the working folder, like datasette's *.db.
DEFAULT_DB = "autodossier.db"


@dataclass(frozen=True)
class Settings:
    """Everything that can be configured, in one place."""

    db: str = DEFAULT_DB  # SQLite path, sqlite:/// URL or postgresql:// URL
    token: str | None = None  # write token for the REST API; None makes the server read-only
    as_of: str | None = None  # publication date given to documents that have none
    host: str = "127.0.0.1"
    port: int = 8000
    # A single article larger than this is refused: no real news story comes near it,
    # and reading it whole would cost the memory a batch needs for everything else.
    max_article_bytes: int = 20 * 1024 * 1024
    # REST request bodies above this are refused with 413 (an article is ~10-100 KB).
    max_request_bytes: int = 5 * 1024 * 1024
    # Where extraction runs during ingest: "serial" (this process) or "dask" (a cluster).
    engine: str = "serial"
    scheduler: str | None = None  # a Dask scheduler address; None starts a local cluster
    workers: int | None = None  # local-cluster worker processes; None means one per core
    # How long a SQLite write waits for another process's write lock before giving up with a
    # one-line error (milliseconds): far longer than one ingest batch holds it (< 1 s).
    busy_timeout_ms: int = 30_000
    # Document id for an article read from standard input; None derives it from the content.
    stdin_doc: str | None = None

    @classmethod
    def from_env(cls, **overrides: object) -> "Settings":
        """Defaults, then ``AUTODOSSIER_<FIELD>`` environment variables, then non-None overrides."""
        values: dict[str, object] = {}
        for f in fields(cls):
            env = os.environ.get(f"AUTODOSSIER_{f.name.upper()}")
            if env is not None and env != "":
                values[f.name] = int(env) if f.type in ("int", int, "int | None") else env
        base = cls(**values)
        return replace(base, **{k: v for k, v in overrides.items() if v is not None})

    @property
    def db_url(self) -> str:
        """The database as an SQLAlchemy URL (a bare path means a SQLite file)."""
        if "://" in self.db:
            return self.db
        return f"sqlite:///{self.db}"
