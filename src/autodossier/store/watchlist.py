"""The watchlist in the knowledge base: followed models and makes, and change events already seen."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import delete, select

from autodossier.store import schema as s
from autodossier.store.entities import normalize

_W, _S = s.watchlist.c, s.watch_seen.c
# Event ids per IN (...) query: well under every database's parameter limit.
ID_CHUNK = 500


def watch_key(kind: str, name: str) -> str:
    """The stored key of a followed model or make: ``"model:infiniti q50"``, ``"make:infiniti"``."""
    return f"{kind}:{normalize(name)}"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class WatchlistMixin:
    """Watchlist storage; mixed into :class:`~autodossier.store.KnowledgeBase`."""

    _engine: Any
    _write_engine: Any  # writes take the write lock up front (BEGIN IMMEDIATE on SQLite)

    def watch_add(self, kind: str, name: str) -> bool:
        """Follow a model (``kind`` "model", its canonical subject) or a make; False if already followed."""
        if kind not in ("model", "make"):
            raise ValueError(f"kind must be 'model' or 'make', not {kind!r}")
        key = watch_key(kind, name)
        with self._write_engine.begin() as conn:
            if conn.execute(select(_W.key).where(_W.key == key)).first() is not None:
                return False
            conn.execute(s.watchlist.insert().values(key=key, kind=kind, name=" ".join(name.split()),
                                                     added_at=_now()))
        return True

    def watch_remove(self, kind: str, name: str) -> bool:
        """Stop following a model or make; False when it was not followed."""
        with self._write_engine.begin() as conn:
            return conn.execute(delete(s.watchlist).where(_W.key == watch_key(kind, name))).rowcount > 0

    def watchlist(self) -> list[dict]:
        """Followed models and makes: ``{"kind", "name", "added_at"}``, makes first, then by name."""
        with self._engine.connect() as conn:
            rows = conn.execute(select(_W.kind, _W.name, _W.added_at)).mappings().all()
        return sorted((dict(r) for r in rows), key=lambda r: (r["kind"] != "make", r["name"].lower()))

    def seen_events(self, ids: Iterable[str]) -> set[str]:
        """Which of these change-event ids were already shown."""
        ids = list(dict.fromkeys(ids))
        found: set[str] = set()
        with self._engine.connect() as conn:
            for i in range(0, len(ids), ID_CHUNK):
                chunk = ids[i:i + ID_CHUNK]
                found.update(conn.execute(select(_S.event).where(_S.event.in_(chunk))).scalars())
        return found

    def mark_seen(self, ids: Iterable[str]) -> int:
        """Record change events as shown (ids already recorded are skipped); how many were new."""
        ids = list(dict.fromkeys(ids))
        new = [i for i in ids if i not in self.seen_events(ids)]
        if new:
            now = _now()
            with self._write_engine.begin() as conn:
                conn.execute(s.watch_seen.insert(), [{"event": i, "seen_at": now} for i in new])
        return len(new)
