"""The Python API (``autodossier.open``) and the read commands of the CLI."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import autodossier
from autodossier.cli import app
from autodossier.errors import AutodossierError

pytest.importorskip("autodossier.store")

from test_report import _kb  # noqa: E402 (the hand-made knowledge base of the report tests)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    """A store file for the module (the tests only read it)."""
    path = tmp_path_factory.mktemp("api") / "kb.db"
    _kb(path).close()
    return str(path)


def test_open_is_a_context_manager_answering_queries(db):
    with autodossier.open(db) as ad:
        assert {m["subject"] for m in ad.models()} >= {"Meridian GT", "Meridian Coupe"}
        d = ad.dossier("Meridian GT")
        assert d.subject == "Meridian GT" and d.conflicts
        assert {r["attribute"] for r in ad.claims(subject="Meridian GT", status="speculative")} == {
            "power_hp", "transmission", "powertrain"}
        changed = {c.attribute for c in ad.changes("2024-12-31").changed}
        assert "on_sale" in changed and "production_start" not in changed
        assert ad.sales()[0]["units"] == 2792
        assert any(r["subject"] == "Meridian GT" for r in ad.timeline())


def test_dossier_as_of_through_the_api(db):
    with autodossier.open(db) as ad:
        assert not ad.dossier("Meridian GT", as_of="2022-12-31").expected


def test_unknown_model_suggests_close_names(db):
    with autodossier.open(db) as ad, pytest.raises(AutodossierError, match="Meridian GT"):
        ad.dossier("Meridian GTT")


def test_ingest_reads_files_and_skips_bad_ones(tmp_path):
    article = tmp_path / "note.txt"
    article.write_text("title: A note\ndate: 2025-01-02\n\nThe Meridian GT is said to make 400 hp.\n")
    with autodossier.open(str(tmp_path / "new.db")) as ad:
        summary = ad.ingest([str(article), str(tmp_path / "missing.txt")])
        assert len(ad.kb.documents()) == 1
    text = json.dumps(summary, default=lambda o: getattr(o, "__dict__", str(o)))
    assert "missing.txt" in text


runner = CliRunner()


@pytest.mark.parametrize("fmt, marker", [("md", "## Conflicts"), ("html", "<article"), ("json", '"conflicts"')])
def test_cli_dossier_formats(db, fmt, marker):
    result = runner.invoke(app, ["dossier", "Meridian GT", "--db", db, "--format", fmt])
    assert result.exit_code == 0, result.output
    assert marker in result.output and "Wheels Weekly" in result.output


def test_cli_claims_jsonl_and_filters(db):
    result = runner.invoke(app, ["claims", "--db", db, "--subject", "Meridian GT", "--attribute", "power_hp",
                                 "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert sorted(r["value"] for r in rows) == [400, 450]


@pytest.mark.parametrize("args", [
    ["dossier", "Nothing Like It"], ["claims", "--attribute", "horsepower"], ["timeline", "--out", "x.pdf"],
])
def test_cli_user_errors_are_one_line(db, args):
    result = runner.invoke(app, args + ["--db", db])
    assert result.exit_code != 0
    assert isinstance(result.exception, (AutodossierError, SystemExit))


def test_cli_read_command_refuses_missing_database(tmp_path):
    result = runner.invoke(app, ["models", "--db", str(tmp_path / "absent.db")])
    assert isinstance(result.exception, AutodossierError) and not (tmp_path / "absent.db").exists()


def test_cli_charts_write_files(db, tmp_path):
    out = tmp_path / "lineup.svg"
    assert runner.invoke(app, ["timeline", "--db", db, "--out", str(out)]).exit_code == 0
    assert out.read_text().lstrip().startswith(("<?xml", "<svg"))
    result = runner.invoke(app, ["sales", "--db", db, "--out", str(tmp_path / "s.png")])
    assert result.exit_code == 0 and "2,792" in result.output


def test_cli_changes_and_models(db):
    result = runner.invoke(app, ["changes", "--db", db, "--since", "2024-12-31", "--json"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["since"] == "2024-12-31" and data["new_claims"]
    assert "Meridian GT" in runner.invoke(app, ["models", "--db", db]).output
