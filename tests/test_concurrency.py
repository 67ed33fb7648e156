"""Two writers on one SQLite file: real ``autodossier ingest`` processes and the REST API.

Writes start with BEGIN IMMEDIATE and wait (bounded) for the lock, so concurrent writers
queue instead of failing; when the wait runs out the user gets one line (CLI) or a 503
with Retry-After (API).
"""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from autodossier.ingest.document import Document
from autodossier.settings import Settings
from autodossier.store import KnowledgeBase, StoreBusyError
from autodossier.web import create_app

MODELS = ["Nissan Z", "Infiniti Q50", "Toyota Supra", "Mazda MX-5", "Honda Civic Type R"]
TOKEN = "concurrency-token"


def write_articles(folder: Path, prefix: str, count: int) -> Path:
    """``count`` distinct short articles (each names a model and a power figure)."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        model = MODELS[i % len(MODELS)]
        (folder / f"{prefix}{i:04d}.txt").write_text(
            f"title: {prefix} {i}\ndate: 2024-01-{i % 28 + 1:02d}\n\n"
            f"The {model} makes {200 + i} hp, the company confirmed in note {prefix}{i}.\n")
    return folder


def ingest_process(db: Path, *paths: Path, batch_env: dict | None = None) -> subprocess.Popen:
    env = {**os.environ, **(batch_env or {})}
    return subprocess.Popen([sys.executable, "-m", "autodossier", "ingest", *map(str, paths), "--db", str(db)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def stored_docs(db: Path) -> set[str]:
    with sqlite3.connect(db) as con:
        return {row[0] for row in con.execute("SELECT doc FROM documents")}


@pytest.mark.slow
def test_two_ingest_processes_store_every_document(tmp_path):
    left = write_articles(tmp_path / "left", "l", 300)
    right = write_articles(tmp_path / "right", "r", 300)
    db = tmp_path / "fresh.db"  # a fresh file: both processes create the schema at once
    procs = [ingest_process(db, left, right), ingest_process(db, right, left)]
    outs = [p.communicate(timeout=240) for p in procs]
    for proc, (out, err) in zip(procs, outs):
        assert proc.returncode == 0, err
        assert "locked" not in err and "failed" not in err
    assert len(stored_docs(db)) == 600
    # Each document went in once: one process stored it, the other found it unchanged.
    new = sum(int(out.split(" new")[0].split()[-1]) for out, _ in outs)
    assert new == 600


def test_busy_store_is_one_clear_error_after_the_timeout(tmp_path):
    db = tmp_path / "kb.db"
    KnowledgeBase(f"sqlite:///{db}").close()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer keeps the lock
    try:
        kb = KnowledgeBase(f"sqlite:///{db}", busy_timeout_ms=200)
        started = time.monotonic()
        with pytest.raises(StoreBusyError, match="busy: another process kept the write lock for over 0.2 s"):
            kb.ingest(Document("d1", "The Nissan Z makes 400 hp."), [])
        assert time.monotonic() - started >= 0.19  # it waited, bounded
        assert kb.document("d1") is None
        kb.close()
        article = write_articles(tmp_path / "one", "x", 1)
        proc = subprocess.run([sys.executable, "-m", "autodossier", "ingest", str(article), "--db", str(db)],
                              capture_output=True, text=True, timeout=60,
                              env={**os.environ, "AUTODOSSIER_BUSY_TIMEOUT_MS": "300"})
        assert proc.returncode == 1
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and "is busy" in lines[0] and "Traceback" not in proc.stderr
    finally:
        holder.rollback()
        holder.close()
    # Once the lock is free the same write goes through.
    with KnowledgeBase(f"sqlite:///{db}") as kb:
        assert kb.ingest(Document("d1", "The Nissan Z makes 400 hp."), []) == "new"


def test_api_answers_503_with_retry_after_while_the_store_is_locked(tmp_path):
    db = tmp_path / "kb.db"
    kb = KnowledgeBase(f"sqlite:///{db}", busy_timeout_ms=100)
    client = TestClient(create_app(Settings(db=str(db), token=TOKEN), kb=kb))
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        r = client.post("/api/articles", json={"text": "The Nissan Z makes 400 hp."},
                        headers={"Authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 503 and r.headers["Retry-After"].isdigit()
        assert "busy" in r.json()["detail"]
        assert client.get("/api/documents").status_code == 200  # readers are not blocked (WAL)
    finally:
        holder.rollback()
        holder.close()
    r = client.post("/api/articles", json={"text": "The Nissan Z makes 400 hp."},
                    headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 201
    kb.close()


@pytest.mark.slow
def test_ingest_process_and_concurrent_posts_lose_nothing(tmp_path):
    db = tmp_path / "kb.db"
    folder = write_articles(tmp_path / "batch", "b", 400)
    kb = KnowledgeBase(f"sqlite:///{db}")
    client = TestClient(create_app(Settings(db=str(db), token=TOKEN), kb=kb))
    proc = ingest_process(db, folder)
    answers: list[int] = []

    def post(i: int) -> None:
        body = {"text": f"The Mazda MX-5 makes {150 + i} hp, says posted note {i}.", "doc": f"post{i}"}
        for _ in range(20):  # a well-behaved client retries a 503 after Retry-After
            r = client.post("/api/articles", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
            if r.status_code != 503:
                break
            time.sleep(min(float(r.headers["Retry-After"]), 0.5))
        answers.append(r.status_code)

    threads = []
    for i in range(25):
        t = threading.Thread(target=post, args=(i,))
        t.start()
        threads.append(t)
        time.sleep(0.05)
    for t in threads:
        t.join(timeout=120)
    out, err = proc.communicate(timeout=240)
    assert proc.returncode == 0, err
    assert answers == [201] * 25
    docs = stored_docs(db)
    assert {f"post{i}" for i in range(25)} <= docs
    assert len(docs) == 425
    kb.close()


def test_change_token_moves_on_every_commit_by_anyone(kb):
    """On both backends: the token stays put without writes and moves after any writer's commit."""
    first = kb.change_token()
    assert kb.change_token() == first
    kb.claims(subject="Nissan Z")  # reads change nothing
    assert kb.change_token() == first
    kb.ingest(Document("own", "The Nissan Z makes 400 hp."), [])
    second = kb.change_token()
    assert second != first
    with KnowledgeBase(kb.url) as other:  # another writer, its own connections
        other.ingest(Document("other", "The Mazda MX-5 makes 181 hp."), [])
    assert kb.change_token() != second


@pytest.mark.parametrize("locked_tries, opens", [(2, True), (10_000, False)])
def test_opening_a_store_another_process_is_setting_up_waits_for_it(tmp_path, monkeypatch, locked_tries, opens):
    """A fresh file being created by another process can answer "locked" at once; opening retries
    until the busy timeout, then reports the store busy in one line."""
    from sqlalchemy.exc import OperationalError

    from autodossier.store import schema

    real = schema.current_version
    calls = {"n": 0}

    def flaky(conn):
        calls["n"] += 1
        if calls["n"] <= locked_tries:
            raise OperationalError("SELECT 1", {}, sqlite3.OperationalError("database is locked"))
        return real(conn)

    monkeypatch.setattr(schema, "current_version", flaky)
    url = f"sqlite:///{tmp_path / 'kb.db'}"
    if opens:
        with KnowledgeBase(url, busy_timeout_ms=2_000) as kb:
            assert kb.ingest(Document("d1", "The Nissan Z makes 400 hp."), []) == "new"
        assert calls["n"] > locked_tries  # it kept trying past the locked answers
    else:
        started = time.monotonic()
        with pytest.raises(StoreBusyError):
            KnowledgeBase(url, busy_timeout_ms=300)
        assert 0.29 <= time.monotonic() - started < 5


def test_watchlist_writes_take_the_write_lock_up_front(tmp_path):
    db = tmp_path / "kb.db"
    KnowledgeBase(f"sqlite:///{db}").close()
    holder = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")  # another writer holds the lock briefly
    threading.Timer(0.3, holder.rollback).start()
    with KnowledgeBase(f"sqlite:///{db}", busy_timeout_ms=5_000) as kb:
        assert kb.watch_add("model", "Nissan Z")  # waited for the lock instead of failing at once
        assert [w["name"] for w in kb.watchlist()] == ["Nissan Z"]
    holder.close()
