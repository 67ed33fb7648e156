"""The follow-up commands (sources, watch, changes --watchlist) through the Typer app."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import follow_corpus
from autodossier.cli import app
from autodossier.store import KnowledgeBase


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "kb.db"
    kb = KnowledgeBase(f"sqlite:///{path}")
    follow_corpus.build(kb)
    kb.close()
    return str(path)


def run(*args):
    return CliRunner().invoke(app, list(args))


def test_sources_table_and_json(db):
    table = run("sources", "--db", db)
    assert table.exit_code == 0, table.output
    assert "Best Car" in table.stdout and "60%" in table.stdout
    data = json.loads(run("sources", "--db", db, "--json", "--kind", "outlet", "--sort", "name").stdout)
    names = [r["name"] for r in data["sources"]]
    assert names == sorted(names, key=str.lower) and "Best Car" in names
    assert all(r["kind"] == "outlet" for r in data["sources"])


@pytest.mark.parametrize("args, message", [
    (["--sort", "bogus"], "unknown sort"), (["--family", "engines"], "unknown family"),
    (["--as-of", "yesterday"], "not"),
])
def test_sources_bad_options_are_one_line_errors(db, args, message):
    result = run("sources", "--db", db, *args)
    assert result.exit_code != 0
    assert message in str(result.exception)


def test_sources_without_store_is_an_error(tmp_path):
    result = run("sources", "--db", str(tmp_path / "none.db"))
    assert result.exit_code != 0 and "no knowledge base" in str(result.exception)


def test_watch_add_list_remove_and_errors(db):
    assert "now watching model Infiniti Q50" in run("watch", "add", "Q50", "--db", db).stdout
    assert "already watching" in run("watch", "add", "infiniti q50", "--db", db).stdout
    bad = run("watch", "add", "Q5O", "--db", db)
    assert bad.exit_code != 0 and "did you mean: Infiniti Q50" in str(bad.exception)
    listed = json.loads(run("watch", "list", "--json", "--db", db).stdout)
    assert [w["name"] for w in listed] == ["Infiniti Q50"]
    assert "no longer watching" in run("watch", "remove", "Q50", "--db", db).stdout
    assert "empty" in run("watch", "list", "--db", db).stdout
    missing = run("watch", "remove", "Q50", "--db", db)
    assert missing.exit_code != 0 and "not on the watchlist" in str(missing.exception)


def test_changes_watchlist_shows_sequence_with_evidence_then_nothing_new(db):
    empty = run("changes", "--watchlist", "--db", db)
    assert empty.exit_code != 0 and "watchlist is empty" in str(empty.exception)
    run("watch", "add", "Infiniti Q50", "--db", db)
    data = json.loads(run("changes", "--watchlist", "--json", "--db", db).stdout)
    kinds = [c["kind"] for c in data["changes"]]
    assert kinds == ["new value", "new value", "retired", "status upgrade", "new sales figure"]
    upgrade = data["changes"][3]
    assert upgrade["summary"] == "Infiniti Q50 · Power: 400 hp now confirmed (was reported)"
    assert upgrade["evidence"][0]["evidence"] == "Infiniti confirmed the Q50 makes 400 hp."
    again = run("changes", "--watchlist", "--db", db)
    assert "no changes to watched models since the last look" in again.stdout
    dated = run("changes", "--watchlist", "--since", "2023-08-01", "--db", db)
    assert "now confirmed" in dated.stdout and "2 changes" in dated.stdout
    bad = run("changes", "--watchlist", "--since", "soon", "--db", db)
    assert bad.exit_code != 0 and "is not a date" in str(bad.exception)
    plain = run("changes", "--db", db)
    assert plain.exit_code == 2 and "--since" in plain.output


def test_ingest_ends_with_watchlist_summary(db, tmp_path):
    run("watch", "add", "Nissan", "--db", db)
    article = tmp_path / "z.txt"
    article.write_text("title: Nissan Z news\noutlet: Test Desk\ndate: 2024-05-01\n\n"
                       "Nissan has confirmed that the Nissan Z makes 400 hp from its twin-turbo V6.\n")
    result = run("ingest", str(article), "--db", db)
    assert result.exit_code == 0, result.output
    last = result.stdout.strip().splitlines()[-1]
    assert last.startswith("watchlist: ") and "watched models" in last
    shown = json.loads(run("changes", "--watchlist", "--json", "--db", db).stdout)["changes"]
    assert last.startswith(f"watchlist: {len(shown)} new changes")
    assert any(c["subject"] == "Nissan Z" and c["doc"] == "z" for c in shown)
    again = run("ingest", str(article), "--db", db)
    assert again.stdout.strip().splitlines()[-1] == "watchlist: no new changes to watched models"
