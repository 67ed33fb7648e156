"""Extraction engines: the Dask engine stores exactly what the serial engine stores.

The Dask tests start a real local cluster (two worker processes) once per module.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from autodossier.errors import AutodossierError
from autodossier.ingest.document import Document
from autodossier.pipeline import ingest_paths, open_engine
from autodossier.scale import extract_safely, serial_engine
from autodossier.settings import Settings
from autodossier.store import KnowledgeBase

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"

# Articles in the style of the trade press, plus a syndicated copy, so stories, claims of
# several kinds and a bad file all go through both engines.
ARTICLES = {
    "gr86.txt": "title: Toyota confirms GR86 manual\ndate: 2025-03-04\noutlet: Motor Weekly\n\n"
                "Toyota has confirmed that the next GR86 will keep a six-speed manual gearbox. "
                "The coupe is expected to go on sale in the second half of 2026, and insiders say "
                "it could get a turbocharged 2.4-liter engine making around 270 hp.",
    "gr86-copy.txt": "title: Toyota confirms GR86 manual\ndate: 2025-03-05\noutlet: Daily Drive\n\n"
                     "Toyota has confirmed that the next GR86 will keep a six-speed manual gearbox. "
                     "The coupe is expected to go on sale in the second half of 2026, and insiders say "
                     "it could get a turbocharged 2.4-liter engine making around 270 hp.",
    "sales.md": "title: Mazda sales slide\ndate: 2024-02-01\noutlet: Sales Desk\n\n"
                "Mazda sold 12,400 CX-5 crossovers in Europe last year, down 8 percent. "
                "The MX-5 was revealed in 2015 and makes 181 hp.",
    "broken.html": "\x00\x00\x00 not an article",
}


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(EXAMPLES, folder)
    for name, text in ARTICLES.items():
        (folder / name).write_text(text)
    return folder


def _snapshot(url: str) -> dict:
    """Everything a user can query, minus surrogate ids and ingest times."""
    kb = KnowledgeBase(url)
    try:
        claims = sorted((sorted((k, str(v)) for k, v in c.items() if k not in ("id", "doc_ingested"))
                         for c in kb.claims()),
                        key=repr)
        documents = sorted(repr({k: v for k, v in d.items() if k != "ingested_at"}) for d in kb.documents())
        return {"claims": claims, "documents": documents,
                "stories": kb.stories(min_size=1), "models": kb.models()}
    finally:
        kb.close()


@pytest.fixture(scope="module")
def dask_engine():
    from autodossier.scale.dask_engine import DaskEngine

    # Small chunks so a handful of documents still spans several in-flight tasks.
    with DaskEngine(workers=2, chunk_docs=2) as engine:
        yield engine


@pytest.mark.slow
def test_dask_ingest_stores_exactly_what_serial_ingest_stores(tmp_path, dask_engine):
    corpus = _corpus(tmp_path)
    settings = Settings()
    runs = {}
    for name, engine in [("serial", None), ("dask", dask_engine)]:
        url = f"sqlite:///{tmp_path / name}.db"
        kb = KnowledgeBase(url)
        summary = ingest_paths(kb, [str(corpus)], settings, engine=engine)
        kb.close()
        runs[name] = (summary, _snapshot(url))
    serial, dask = runs["serial"], runs["dask"]
    assert serial[0].new == dask[0].new == len(list(corpus.iterdir())) - 1
    assert serial[0].failed == dask[0].failed == 1
    assert serial[0].claims_added == dask[0].claims_added > 50
    assert serial[1] == dask[1]
    assert any(len(s["documents"]) == 2 for s in dask[1]["stories"])  # the syndicated copy


@pytest.mark.slow
def test_dask_engine_keeps_input_order_across_chunks(dask_engine):
    docs = [Document(doc=f"d{i}", text=f"The Honda Civic Type R makes {300 + i} hp.", date="2025-01-01")
            for i in range(9)]
    out = list(dask_engine(iter(docs)))
    assert [d.doc for d, _ in out] == [d.doc for d in docs]
    values = [next(c.value for c in claims if c.attribute == "power_hp") for _, claims in out]
    assert values == [300 + i for i in range(9)]


@pytest.mark.slow
def test_dask_ingest_with_postgres_matches_serial(tmp_path, dask_engine, pg_schema_url):
    corpus = _corpus(tmp_path)
    serial_url = f"sqlite:///{tmp_path / 'serial.db'}"
    for url, engine in [(serial_url, None), (pg_schema_url, dask_engine)]:
        kb = KnowledgeBase(url)
        ingest_paths(kb, [str(corpus)], Settings(), engine=engine)
        kb.close()
    assert _snapshot(pg_schema_url)["claims"] == _snapshot(serial_url)["claims"]


def test_extract_safely_turns_an_extractor_crash_into_one_line():
    def boom(doc: Document) -> list:
        raise ValueError("bad table")

    out = extract_safely(Document(doc="x1", text="The Kia EV6 makes 320 hp."), boom)
    assert isinstance(out, str) and "x1" in out and "ValueError: bad table" in out and "\n" not in out


def test_serial_engine_passes_every_document_through_in_order():
    docs = [Document(doc=f"s{i}", text="The Ford Mustang returns in 2027.") for i in range(3)]
    assert [d.doc for d, _ in serial_engine()(docs)] == ["s0", "s1", "s2"]


@pytest.mark.parametrize("settings, message", [
    (Settings(engine="spark"), "unknown engine"),
    (Settings(scheduler="tcp://10.0.0.1:8786"), "needs the dask engine"),
])
def test_open_engine_refuses_bad_settings(settings, message):
    with pytest.raises(AutodossierError, match=message):
        with open_engine(settings):
            pass


def test_unreachable_scheduler_is_one_clear_error():
    from autodossier.scale.dask_engine import DaskEngine

    with pytest.raises(AutodossierError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        with DaskEngine(scheduler="tcp://127.0.0.1:9", connect_timeout_s=1):
            pass


def test_cli_ingest_with_unreachable_scheduler_exits_1_without_creating_the_store(tmp_path, monkeypatch):
    from autodossier.cli import app
    from autodossier.scale import dask_engine

    monkeypatch.setattr(dask_engine, "CONNECT_TIMEOUT_S", 1)
    db = tmp_path / "kb.db"
    result = CliRunner().invoke(app, ["ingest", str(EXAMPLES), "--db", str(db), "--engine", "dask",
                                      "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 1
    assert not db.exists()
