"""The command line as a newcomer meets it: clear one-line errors, readable output, help."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from autodossier.cli import app
from autodossier.cli.store import advance, ingest_progress, input_total

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "articles"


def cli(*args: str, cwd: Path | None = None, columns: int | None = None) -> subprocess.CompletedProcess:
    """``python -m autodossier ARGS`` as a user runs it (output piped, not a terminal)."""
    env = dict(os.environ)
    env.pop("AUTODOSSIER_DB", None)
    if columns:
        env["COLUMNS"] = str(columns)
    return subprocess.run([sys.executable, "-m", "autodossier", *args], capture_output=True, text=True,
                          cwd=cwd, env=env, timeout=120)


@pytest.fixture(scope="module")
def examples_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("cli") / "kb.db"
    done = cli("ingest", str(EXAMPLES), "--db", str(db))
    assert done.returncode == 0, done.stderr
    return db


def one_line_error(done: subprocess.CompletedProcess, code: int = 1) -> str:
    assert done.returncode == code
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("autodossier: error:"), done.stderr
    assert "Traceback" not in done.stderr and "╭" not in done.stderr
    return lines[0]


def test_extract_writes_json_lines_when_piped():
    result = CliRunner().invoke(app, ["extract", str(EXAMPLES / "004_7abfec42001aefa5.txt")])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all({"subject", "attribute", "status", "evidence"} <= set(r) for r in rows)


def test_extract_explicit_format_wins_when_piped():
    result = CliRunner().invoke(app, ["extract", str(EXAMPLES / "004_7abfec42001aefa5.txt"), "--format", "csv"])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].startswith("doc,")


def test_dossier_piped_reads_at_80_columns(examples_db):
    done = cli("dossier", "Infiniti Q50", "--db", str(examples_db))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "# Infiniti Q50" and max(map(len, lines)) <= 80
    assert "discontinued 2024" in done.stdout


def test_dossier_html_is_a_standalone_page(examples_db):
    done = cli("dossier", "Infiniti Q50", "--format", "html", "--db", str(examples_db))
    page = done.stdout
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page and "@media print" in page
    assert "<link" not in page and "<script" not in page  # nothing to fetch: it prints as it is
    assert page.rstrip().endswith("</html>")


def test_impossible_dates_are_one_line_errors(examples_db):
    for args in (["claims", "--since", "2025-13-01"], ["claims", "--until", "2025-02-30"],
                 ["changes", "--since", "yesterday"], ["dossier", "Q50", "--as-of", "2022-13-01"]):
        line = one_line_error(cli(*args, "--db", str(examples_db)))
        assert "is not a date" in line or "not an ISO date" in line


def test_usage_errors_are_one_line_with_where_to_look(examples_db):
    line = one_line_error(cli("changes", "--db", str(examples_db)), code=2)
    assert "--since" in line and "autodossier changes --help" in line
    one_line_error(cli("no-such-command"), code=2)


def test_timeline_without_out_draws_lineup_svg(examples_db, tmp_path):
    done = cli("timeline", "--db", str(examples_db), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "lineup.svg").read_text().lstrip().startswith(("<?xml", "<svg"))


def test_help_is_not_hard_wrapped_mid_sentence():
    done = cli("--help", columns=200)
    assert "power, weight, drivetrain, gearbox and body claims" in done.stdout
    assert "conflicts side by side; unanswered questions" in done.stdout


def test_changes_lines_show_status(examples_db):
    result = CliRunner().invoke(app, ["changes", "--since", "2025-01-01", "--db", str(examples_db), "--json"])
    changed = json.loads(result.stdout)["changed"]
    assert changed and all(c["status"] for c in changed if c["after"])


def test_ingest_progress_has_a_total_and_an_eta():
    assert input_total([str(EXAMPLES)]) == len(list(EXAMPLES.glob("*.txt")))
    assert input_total(["-"]) is None
    out = io.StringIO()
    bar = ingest_progress(Console(file=out, force_terminal=True, width=120))
    with bar:
        task = bar.add_task("ingest", total=2, last="")
        for name in ("a", "b", "c"):  # a feed: more documents than files
            advance(bar, task, name)
        state = bar.tasks[0]
        assert state.completed == 3 and state.total == 3
        bar.refresh()
    assert "/3" in out.getvalue() and "ETA" in out.getvalue()


@pytest.mark.parametrize("width", [80, 100, 200])
def test_claims_table_keeps_every_header_and_value_readable(width):
    from rich.console import Console

    from autodossier.cli.report import claims_table

    rows = [{"doc_date": "2025-01-02", "subject": "Nissan Z", "variant": "Nismo", "attribute": "power_hp",
             "qualifier": ">", "value": 420, "unit": "hp", "negated": False, "status": "rumored",
             "outlet": "Car Weekly", "source": "Best Car", "doc": "d1"},
            {"doc_date": None, "subject": "Nissan Z", "attribute": "market", "value": "EU", "negated": True,
             "status": "confirmed", "doc": "d2"}]
    console = Console(width=width, record=True)
    console.print(claims_table(rows, width))
    text = console.export_text()
    header = text.splitlines()[1]
    assert "…" not in header and "attribute" in header and "status" in header
    assert "rumored" in text and "confirmed" in text
    if width < 160:  # folded: one phrase per value, negation spelled out
        assert "> 420 hp" in text and "NOT EU" in text and "Car Weekly" in text and "Best Car" in text
