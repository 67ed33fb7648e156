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
# is some tens of KB, so the cache stays within tens of MB.
CACHE_SIZE = 512


class DossierCache:
    """An LRU of dossier summaries (dict and JSON bytes) for one store."""

    def __init__(self, size: int = CACHE_SIZE) -> None:
        self.size = size
        self._entries: OrderedDict[tuple, tuple[dict[str, Any], bytes]] = OrderedDict()
        self._token: tuple | None = None
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, kb, name: str, as_of: str | None) -> tuple[dict[str, Any], bytes]:  # noqa: ANN001
        """The summary of ``name``'s dossier as of a date, and its JSON (built on a miss)."""
        token = kb.change_token()
        key = (name, as_of)
        with self._lock:
            if token != self._token:
                self._entries.clear()
                self._token = token
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
                self.hits += 1
                return found
            self.misses += 1
        from autodossier.web import backend

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
