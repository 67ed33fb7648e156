"""The README's commands and Python snippet, run as a newcomer would, on the example corpus.

The first command (minus the venv and pip steps, which the test environment has done) and
the demo run as written; the Python snippet runs verbatim; every ``autodossier`` command
line the README shows must name a real command and real options.
"""
from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from autodossier.cli import app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
SETUP_STEPS = ("python3 -m venv .venv", ".venv/bin/pip install -q -e .")
SCRIPT = ".venv/bin/autodossier"


def code_blocks(text: str) -> list[list[str]]:
    """The README's indented code blocks, as lists of lines without the indent."""
    blocks, current, previous_blank = [], [], True
    for line in text.splitlines():
        if line.startswith("    ") and (current or previous_blank):
            current.append(line[4:])
        elif line.strip() == "" and current:
            current.append("")
        else:
            if current:
                blocks.append(current)
            current = []
        previous_blank = line.strip() == ""
    if current:
        blocks.append(current)
    return [[ln for ln in b] for b in blocks]


BLOCKS = code_blocks(README)


@pytest.fixture
def checkout(tmp_path) -> Path:
    """A working folder that looks like the checkout to the commands: examples/ is there."""
    (tmp_path / "examples").symlink_to(ROOT / "examples", target_is_directory=True)
    return tmp_path


def run_command(command: str, cwd: Path) -> subprocess.CompletedProcess:
    """One README command, with the venv's script run by this interpreter."""
    argv = shlex.split(command)
    assert argv[0] == SCRIPT, command
    env = {k: v for k, v in os.environ.items() if k != "AUTODOSSIER_DB"}
    return subprocess.run([sys.executable, "-m", "autodossier", *argv[1:]], cwd=cwd, capture_output=True,
                          text=True, timeout=300, env=env)


def test_first_command_sets_up_and_shows_the_q50_dossier(checkout):
    first = next(line for b in BLOCKS for line in b if line.startswith("python3 -m venv"))
    steps = [s.strip() for s in first.split("&&")]
    assert tuple(steps[:2]) == SETUP_STEPS
    assert steps[2:], "the first command should go on to show the product"
    for step in steps[2:]:
        done = run_command(step, checkout)
        assert done.returncode == 0, (step, done.stderr)
    lines = done.stdout.splitlines()
    assert lines[0] == "# Infiniti Q50" and max(map(len, lines)) <= 80
    assert "discontinued 2024" in done.stdout and "## Known (confirmed)" in done.stdout


def test_demo_commands_run(checkout):
    demo = [line.split("#")[0].strip() for b in BLOCKS for line in b if line.startswith(SCRIPT + " ")]
    ran = 0
    for command in demo:
        if " serve" in command:
            continue  # a server: its options are checked below, it is not started here
        done = run_command(command, checkout)
        assert done.returncode == 0, (command, done.stderr)
        ran += 1
    assert ran >= 2


def test_python_snippet_runs_verbatim(checkout):
    block = next(b for b in BLOCKS if b and b[0] == "import autodossier")
    (checkout / "snippet.py").write_text("\n".join(block) + "\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "AUTODOSSIER_DB"}
    done = subprocess.run([sys.executable, "snippet.py"], cwd=checkout, capture_output=True, text=True,
                          timeout=300, env=env)
    assert done.returncode == 0, done.stderr
    assert "discontinued 2024" in done.stdout


def _shown_commands() -> list[str]:
    out = []
    for block in BLOCKS:
        for line in block:
            line = line.split("  #")[0].strip()
            if line.startswith(("autodossier ", SCRIPT + " ")):
                out.append(line)
    return out


@pytest.mark.parametrize("line", _shown_commands())
def test_every_command_line_shown_exists_with_its_options(line):
    words = line.split()
    command = words[1]
    result = CliRunner().invoke(app, [command, "--help"], env={"COLUMNS": "200"}, terminal_width=200)
    assert result.exit_code == 0, f"no command {command!r}"
    for option in re.findall(r"(?<![\w-])(--[a-z][a-z-]*)", line):
        assert option in result.stdout, f"{command} has no {option}"
