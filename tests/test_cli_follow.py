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
