"""Extraction on a Dask cluster: documents go out in chunks, outcomes come back in order.

Why Dask: it is pure Python from PyPI (pinned with the rest), starts a local cluster in
this process with no extra service, and its scheduler runs on the clusters people
already have (SSH, Kubernetes, SLURM/PBS via dask-jobqueue, YARN). The work is a plain
map of one Python function over documents, which is what Dask futures do best; Ray
would add a heavier runtime and object store for no gain here.

The client reads the inputs and is the only writer to the store (SQLite allows one
writer; PostgreSQL would take several, but extraction, not writing, is the cost).
At most ``window`` chunks are in flight, so memory stays bounded on any corpus size.
"""
from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice

from autodossier.claims import Claim
from autodossier.errors import AutodossierError
from autodossier.ingest.document import Document
from autodossier.scale import extract_chunk

# Documents per task: at ~10-50 ms per article a chunk is a fraction of a second of
# work, large enough that Dask's per-task overhead (~1 ms) stays negligible, small
# enough that workers finish together at the end of a run.
CHUNK_DOCS = 32
# Chunks in flight per worker thread: two keeps every worker busy while the client
# collects the previous result, and bounds memory to a few chunks per worker.
CHUNKS_PER_THREAD = 3
# How long to wait for a remote scheduler before saying it cannot be reached.
CONNECT_TIMEOUT_S = 15


class DaskEngine:
    """A context manager that owns a Dask client (and a local cluster when no address is given)."""

    def __init__(self, scheduler: str | None = None, workers: int | None = None,
                 chunk_docs: int = CHUNK_DOCS, connect_timeout_s: float | None = None) -> None:
        self.connect_timeout_s = connect_timeout_s or CONNECT_TIMEOUT_S
        self.scheduler = scheduler
        self.workers = workers or os.cpu_count() or 1
        self.chunk_docs = chunk_docs
        self._client = None
        self._cluster = None

    def __enter__(self) -> "DaskEngine":
        from distributed import Client, LocalCluster

        try:
            if self.scheduler:
                self._client = Client(self.scheduler, timeout=f"{self.connect_timeout_s}s")
            else:
                # Processes, one thread each: extraction is pure Python and holds the GIL.
                self._cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1,
                                             processes=True, dashboard_address=None)
                self._client = Client(self._cluster)
        except (OSError, TimeoutError) as exc:
            self.close()
            where = self.scheduler or "a local cluster"
            raise AutodossierError(f"cannot reach the Dask scheduler at {where}: {exc}") from None
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Shut the client down, and the local cluster if this engine started one."""
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    @property
    def threads(self) -> int:
        """Worker threads the cluster offers now."""
        return max(1, sum(self._client.nthreads().values())) if self._client else 1

    def __call__(self, docs: Iterable[Document]) -> Iterator[tuple[Document, list[Claim] | str]]:
        """Outcomes for ``docs`` in input order, computed on the cluster."""
        if self._client is None:
            raise RuntimeError("DaskEngine used outside its with-block")
        window = self.threads * CHUNKS_PER_THREAD
        pending: deque = deque()
        it = iter(docs)
        while True:
            chunk = list(islice(it, self.chunk_docs))
            if chunk:
                # pure=False: identical chunks in two runs must still be computed, not shared.
                pending.append((chunk, self._client.submit(extract_chunk, chunk, pure=False)))
            while pending and (len(pending) >= window or not chunk):
                yield from self._collect(*pending.popleft())
            if not chunk:
                return

    @staticmethod
    def _collect(chunk: list[Document], future) -> Iterator[tuple[Document, list[Claim] | str]]:  # noqa: ANN001
        try:
            outcomes = future.result()
        except Exception as exc:  # noqa: BLE001 - a lost worker fails its chunk, not the run
            reason = f"worker failed: {type(exc).__name__}: {exc}"
            outcomes = [f"{doc.path or doc.doc}: {reason}" for doc in chunk]
        finally:
            future.release()
        yield from zip(chunk, outcomes)
