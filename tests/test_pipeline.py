"""Ingest pipeline and the ``ingest`` / ``stories`` commands.

The pipeline tests inject a reader and an extractor, so they hold whatever the real
extractor's quality; the CLI tests run the real reader on files written here.
"""
from __future__ import annotations

import random

import pytest
from typer.testing import CliRunner

from autodossier.claims import Claim
from autodossier.errors import InputError
from autodossier.ingest.document import Document
from autodossier.pipeline import ingest_paths
from autodossier.settings import Settings
from autodossier.store import KnowledgeBase

WORDS = [f"tok{i}" for i in range(1500)]


def text_for(seed: int) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(80))


def fake_reader(items):
    def read(paths, settings):  # noqa: ANN001, ARG001 - the read_paths signature
        yield from items
    return read


def fake_extract(doc: Document) -> list[Claim]:
    """One claim per 'Make Model' marker the test put in the title."""
    if doc.title == "boom":
        raise RuntimeError("extractor bug")
    return [Claim(doc=doc.doc, subject=s, attribute="power_hp", value=300, status="reported",
                  evidence=doc.text[:20]) for s in (doc.title or "").split(";") if s]


def docs(n: int, subjects: str = "Nissan Z;Infiniti Q50") -> list[Document]:
    return [Document(doc=f"d{i}", text=text_for(i), title=subjects) for i in range(n)]


@pytest.mark.parametrize("batch_size", [1, 3, 100])
def test_summary_counts_new_unchanged_replaced_and_failed(kb, batch_size):
    first = docs(5)
    s1 = ingest_paths(kb, [], Settings(), reader=fake_reader(first), extractor=fake_extract,
                      batch_size=batch_size)
    assert (s1.new, s1.unchanged, s1.replaced, s1.failed, s1.claims_added) == (5, 0, 0, 0, 10)

    changed = Document(doc="d1", text=first[1].text + " more", title="Nissan Z")
    items = first[:1] + [changed, InputError("gone.txt", "no such file"),
                         Document(doc="bad", text="x", title="boom")] + first[2:]
    seen = []
    s2 = ingest_paths(kb, [], Settings(), progress=lambda name, status: seen.append(status),
                      reader=fake_reader(items), extractor=fake_extract, batch_size=batch_size)
    assert (s2.new, s2.unchanged, s2.replaced, s2.failed, s2.claims_added) == (0, 4, 1, 2, 1)
    assert len(s2.errors) == 2 and all("\n" not in e for e in s2.errors)
    assert any("gone.txt" in e for e in s2.errors) and any("extractor bug" in e for e in s2.errors)
    assert sorted(seen) == sorted(["unchanged"] * 4 + ["replaced"] + ["failed"] * 2)
    assert [r["subject"] for r in kb.claims(doc="d1")] == ["Nissan Z"]
    assert kb.document("bad") is None


def test_ingest_command_stores_files_and_reports_bad_ones(tmp_path, monkeypatch):
    from autodossier.cli import app

    monkeypatch.setattr("autodossier.extract.extract", fake_extract)
    arts = tmp_path / "arts"
    arts.mkdir()
    for i in range(3):
        (arts / f"a{i}.txt").write_text(f"title: Nissan Z\noutlet: Outlet {i}\ndate: 2024-01-0{i + 1}\n\n"
                                        f"{text_for(i)}\n")
    (arts / "a0copy.txt").write_text("title: Nissan Z\noutlet: Wire\n\n" + text_for(0) + "\n")
    db = tmp_path / "kb.db"
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", str(arts), str(tmp_path / "missing.txt"), "--db", str(db)])
    assert result.exit_code == 1
    assert "4 new" in result.stdout and "1 failed" in result.stdout
    assert "missing.txt" in result.stderr and "Traceback" not in result.output

    again = runner.invoke(app, ["ingest", str(arts), "--db", str(db)])
    assert again.exit_code == 0 and "4 unchanged" in again.stdout

    kb = KnowledgeBase(f"sqlite:///{db}")
    try:
        assert kb.count_claims() == 4
        assert [len(s["documents"]) for s in kb.stories()] == [2, 1, 1]
    finally:
        kb.close()
    listed = runner.invoke(app, ["stories", "--db", str(db)])
    assert listed.exit_code == 0
    assert "a0copy" in listed.stdout and "Wire" in listed.stdout and "a1" not in listed.stdout


def test_ingest_command_unreachable_database_is_one_line(tmp_path):
    from autodossier.cli import app

    result = CliRunner().invoke(app, ["ingest", str(tmp_path), "--db", str(tmp_path / "no" / "dir.db")])
    assert result.exit_code != 0
    assert "cannot open database" in str(result.exception)
