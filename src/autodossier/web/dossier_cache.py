"""Dossier summaries for the web face, cached until the store changes.

Building a well-covered model's dossier reads and fuses a thousand claims (tens of
milliseconds); eight clients asking at once would queue behind each other. The summary
and its JSON are kept per (name, as-of date) and reused while the store's change token
(:meth:`KnowledgeBase.change_token`) stays the same: any commit, by this server or by an
``autodossier ingest`` in another process, makes every entry stale.
"""
from __future__ import annotations

import json
import threading
import weakref
from collections import OrderedDict
from typing import Any

from autodossier.report.summary import summarize

# Dossiers kept per store: a few hundred models cover what readers look at; each summary
# is some tens of KB (a few hundred at most), so the cache stays within tens of MB.
CACHE_SIZE = 512
# Dossier builds running at once. Building is CPU-bound Python under one GIL: more at once
# only slows each other and starves the cheap cached answers of the interpreter; two keep
# one build's database reads overlapped with another's fusing.
BUILD_SLOTS = 2


class DossierCache:
    """An LRU of dossier summaries (dict and JSON bytes) for one store."""

    def __init__(self, size: int = CACHE_SIZE) -> None:
        self.size = size
        self._entries: OrderedDict[tuple, tuple[dict[str, Any], bytes]] = OrderedDict()
        self._token: tuple | None = None
        self._lock = threading.Lock()
        # One build per key at a time: clients asking for the same cold dossier at once wait
        # for the first one's build instead of each building it (CPU-bound, under one GIL).
        self._building: dict[tuple, threading.Lock] = {}
        self._slots = threading.BoundedSemaphore(BUILD_SLOTS)
        self.hits = self.misses = 0

    def get(self, kb, name: str, as_of: str | None) -> tuple[dict[str, Any], bytes]:  # noqa: ANN001
        """The summary of ``name``'s dossier as of a date, and its JSON (built on a miss)."""
        token = kb.change_token()
        key = (name, as_of)
        found = self._lookup(key, token)
        if found is not None:
            return found
        with self._lock:
            building = self._building.setdefault(key, threading.Lock())
        with building:
            found = self._lookup(key, token)  # built by another thread while this one waited
            if found is not None:
                return found
            with self._lock:
                self.misses += 1
            try:
                with self._slots:
                    return self._build(kb, key, token)
            finally:
                with self._lock:
                    self._building.pop(key, None)

    def _lookup(self, key: tuple, token: tuple) -> tuple[dict[str, Any], bytes] | None:
        with self._lock:
            if token != self._token:
                self._entries.clear()
                self._token = token
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
                self.hits += 1
            return found

    def _build(self, kb, key: tuple, token: tuple) -> tuple[dict[str, Any], bytes]:  # noqa: ANN001
        from autodossier.web import backend

        name, as_of = key
        data = summarize(backend.dossier(kb, name, as_of).to_dict())
        body = json.dumps(data, ensure_ascii=False, allow_nan=False, default=str).encode("utf-8")
        with self._lock:
            if token == self._token:  # not stale already
                self._entries[key] = (data, body)
                while len(self._entries) > self.size:
                    self._entries.popitem(last=False)
        return data, body


_caches: "weakref.WeakKeyDictionary[Any, DossierCache]" = weakref.WeakKeyDictionary()
_caches_lock = threading.Lock()


def cache_for(kb) -> DossierCache:  # noqa: ANN001
    """The cache of one open store (made on first use, gone with the store)."""
    with _caches_lock:
        cache = _caches.get(kb)
        if cache is None:
            cache = _caches[kb] = DossierCache()
        return cache
