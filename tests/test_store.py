"""Knowledge base store: idempotent ingest, replacement, queries, entities, failures.

Every test runs on SQLite and on PostgreSQL (the ``kb`` fixture); data is hand-made
Documents and Claims, independent of extraction.
"""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from autodossier.claims import Claim
from autodossier.errors import AutodossierError
from autodossier.ingest.document import Document
from autodossier.store import KnowledgeBase, UnknownModelError

VOCAB = [f"word{i}" for i in range(2000)]


def article_text(seed: int, words: int = 120) -> str:
    """A distinct pseudo-article per seed (unrelated seeds are never near-duplicates)."""
    rng = random.Random(seed)
    return " ".join(rng.choice(VOCAB) for _ in range(words)) + "."


def make_doc(doc: str, seed: int | None = None, **meta) -> Document:
    text = meta.pop("text", None) or article_text(seed if seed is not None else hash(doc) % 10**6)
    return Document(doc=doc, text=text, **meta)


def claim(doc: str, subject: str, attribute: str = "power_hp", value=400, status: str = "reported",
          **extra) -> Claim:
    return Claim(doc=doc, subject=subject, attribute=attribute, value=value, status=status,
                 evidence=extra.pop("evidence", f"{subject} {attribute} {value}"), **extra)


@pytest.fixture
def corpus(kb):
    """A small varied store: (kb, list of (doc, claims)) for filter tests."""
    rng = random.Random(7)
    subjects = ["Infiniti Q50", "Nissan Z", "Land Rover Defender", "Nissan Patrol", "Infiniti"]
    statuses = ["confirmed", "reported", "expected", "rumored"]
    sources = [None, "Automotive News", "Motor1"]
    dates = [None, "2021-03-04", "2022-06-30", "2022-11-07", "2023-01-15"]
    pairs = []
    for i in range(12):
        name = f"d{i:02d}"
        doc = make_doc(name, seed=i, title=f"Title {i}", date=dates[i % len(dates)],
                       outlet=["Motor1", "Road & Track", None][i % 3], url=f"https://x/{i}")
        claims = [claim(name, rng.choice(subjects), rng.choice(["power_hp", "price", "cylinders"]),
                        value=v, status=rng.choice(statuses), source=rng.choice(sources))
                  for v in rng.sample(range(100, 999), 4)]
        pairs.append((doc, claims))
    assert [r.status for r in kb.ingest_many(pairs)] == ["new"] * len(pairs)
    return kb, pairs


def test_reingest_same_content_adds_nothing(kb):
    doc = make_doc("a", seed=1, outlet="Motor1", date="2024-01-02")
    claims = [claim("a", "Infiniti Q50"), claim("a", "Nissan Z", "cylinders", 6)]
    assert kb.ingest(doc, claims) == "new"
    before = kb.claims()
    assert kb.ingest(doc, claims) == "unchanged"
    assert kb.claims() == before
    assert len(kb.documents()) == 1


@pytest.mark.parametrize("change", ["text", "claims", "date"])
def test_changed_document_replaces_only_its_own_claims(kb, change):
    kb.ingest(make_doc("other", seed=2), [claim("other", "Nissan Z")])
    doc = make_doc("a", seed=1, date="2024-01-02")
    kb.ingest(doc, [claim("a", "Infiniti Q50", value=400), claim("a", "Infiniti Q50", "cylinders", 6)])
    if change == "text":
        doc2 = make_doc("a", text=doc.text + " An extra sentence.", date=doc.date)
    elif change == "date":
        doc2 = make_doc("a", text=doc.text, date="2024-02-02")
    else:
        doc2 = doc
    assert kb.ingest(doc2, [claim("a", "Infiniti Q50", value=405)]) == "replaced"
    mine = kb.claims(doc="a")
    assert [(r["attribute"], r["value"]) for r in mine] == [("power_hp", 405)]
    assert mine[0]["doc_date"] == doc2.date
    assert [r["subject"] for r in kb.claims(doc="other")] == ["Nissan Z"]


def test_replacement_drops_entities_no_longer_mentioned(kb):
    kb.ingest(make_doc("a", seed=1), [claim("a", "Infiniti Q60")])
    kb.ingest(make_doc("a", seed=9), [claim("a", "Infiniti Q50")])
    assert [m["subject"] for m in kb.models()] == ["Infiniti Q50"]
    with pytest.raises(UnknownModelError):
        kb.resolve_model("Infiniti Q60")


def test_claim_record_carries_contract_fields_and_provenance(kb):
    doc = make_doc("a", seed=1, title="Q50 returns", date="2024-01-02", outlet="Motor1",
                   url="https://example.com/q50")
    c = claim("a", "Infiniti Q50", "price", 45000, unit="USD", variant="Q50S", qualifier="~",
              source="Automotive News", region="US", as_of="2024-01-02", generation=2)
    kb.ingest(doc, [c])
    (rec,) = kb.claims(subject="Infiniti Q50")
    for field, value in c.to_dict().items():
        assert rec[field] == value, field
    assert isinstance(rec["id"], int)
    assert (rec["doc_title"], rec["doc_date"], rec["outlet"], rec["url"], rec["story"]) == (
        doc.title, doc.date, doc.outlet, doc.url, "a")
    assert Claim.from_dict(rec) == c


def test_repeated_claim_in_one_document_keeps_most_certain_status(kb):
    kb.ingest(make_doc("a", seed=1), [claim("a", "Nissan Z", status="rumored"),
                                      claim("a", "nissan z", status="confirmed"),
                                      claim("a", "Nissan Z", status="expected")])
    assert [r["status"] for r in kb.claims()] == ["confirmed"]


@pytest.mark.parametrize("filters", [
    {"subject": "infiniti q50"}, {"attribute": "price"}, {"status": "reported"},
    {"status": ["rumored", "expected"]}, {"source": "motor1"}, {"make": "land rover"},
    {"make": "Nissan", "attribute": "cylinders"}, {"doc": "d03"}, {"since": "2022-07"},
    {"until": "2022"}, {"as_of": "2022-06-30"}, {"since": "2022", "until": "2022-06"},
])
def test_claim_filters_match_a_plain_python_filter(corpus, filters):
    kb, pairs = corpus
    meta = {doc.doc: doc for doc, _ in pairs}
    got = kb.claims(**filters)
    everything = kb.claims()

    def keep(r: dict) -> bool:
        d = meta[r["doc"]]
        for key, want in filters.items():
            if key == "subject" and r["subject"].lower() != want:
                return False
            if key == "attribute" and r["attribute"] != want:
                return False
            if key == "status" and r["status"] not in ([want] if isinstance(want, str) else want):
                return False
            if key == "source" and want not in {(r["source"] or "").lower(), (d.outlet or "").lower()}:
                return False
            if key == "make" and not r["subject"].lower().startswith(want.lower()):
                return False
            if key == "doc" and r["doc"] != want:
                return False
            if key == "since" and (d.date is None or d.date[:len(want)] < want):
                return False
            if key in ("until", "as_of") and (d.date is None or d.date[:len(want)] > want):
                return False
        return True

    expected = [r for r in everything if keep(r)]
    assert got == expected
    assert kb.count_claims(**filters) == len(expected)


def test_limit_and_offset_page_through_all_claims(corpus):
    kb, _ = corpus
    everything = kb.claims()
    pages = [kb.claims(limit=5, offset=o) for o in range(0, len(everything), 5)]
    assert [r for page in pages for r in page] == everything
    assert all(len(p) <= 5 for p in pages)


def test_models_report_counts_and_dates(corpus):
    kb, pairs = corpus
    models = {m["subject"]: m for m in kb.models()}
    for subject, m in models.items():
        recs = kb.claims(subject=subject)
        dates = [r["doc_date"] for r in recs if r["doc_date"]]
        assert m["claims"] == len(recs)
        assert m["documents"] == len({r["doc"] for r in recs})
        assert (m["first_seen"], m["last_seen"]) == ((min(dates), max(dates)) if dates else (None, None))
    assert models["Land Rover Defender"]["make"] == "Land Rover"
    assert all(m["make"] == "Nissan" for m in kb.models(make="nissan"))
    assert "Land Rover" in kb.makes()


def test_search_and_resolve_by_alias(kb):
    kb.ingest(make_doc("a", seed=1), [claim("a", "Infiniti Q50", variant="Q50S"),
                                      claim("a", "Infiniti Q60"), claim("a", "Nissan Z")])
    assert kb.search_models("q50s") == ["Infiniti Q50"]
    assert kb.search_models("INFINITI")[:2] == ["Infiniti Q50", "Infiniti Q60"]
    assert set(kb.search_models("q")) >= {"Infiniti Q50", "Infiniti Q60"}
    assert kb.search_models("nothing-like-it") == []
    assert kb.resolve_model("q50s") == "Infiniti Q50"
    assert kb.resolve_model("  infiniti   q60 ") == "Infiniti Q60"
    assert kb.resolve_model("Z") == "Nissan Z"


@pytest.mark.parametrize("name, hint", [("Infiniti Q5O", "Infiniti Q50"), ("Nisan Z", "Nissan Z"),
                                        ("zzzzzz", None)])
def test_unknown_model_suggests_close_names(kb, name, hint):
    kb.ingest(make_doc("a", seed=1), [claim("a", "Infiniti Q50"), claim("a", "Nissan Z")])
    with pytest.raises(UnknownModelError) as err:
        kb.resolve_model(name)
    assert isinstance(err.value, AutodossierError)
    assert "\n" not in str(err.value)
    assert (hint in str(err.value)) if hint else ("did you mean" not in str(err.value))


def test_sources_count_outlets_and_attributed_sources(corpus):
    kb, pairs = corpus
    got = {(r["kind"], r["name"]): (r["documents"], r["claims"]) for r in kb.sources()}
    for (kind, name), (n_docs, n_claims) in got.items():
        recs = [r for r in kb.claims() if (r["outlet"] if kind == "outlet" else r["source"]) == name]
        assert n_claims == len(recs)
        if kind == "attributed":
            assert n_docs == len({r["doc"] for r in recs})
    assert ("outlet", "Road & Track") in got


def test_documents_and_document_text(kb):
    doc = make_doc("a", seed=1, title="T", outlet="Motor1")
    kb.ingest(doc, [claim("a", "Nissan Z"), claim("a", "Nissan Z", "cylinders", 6)])
    kb.ingest(make_doc("b", seed=2), [])
    listed = kb.documents()
    assert [d["doc"] for d in listed] == ["a", "b"]
    assert [d["claims"] for d in listed] == [2, 0]
    assert kb.count_documents() == 2
    assert "text" not in listed[0]
    assert kb.document("a")["text"] == doc.text
    assert kb.document("missing") is None


def test_batch_keeps_good_documents_when_one_fails(kb):
    bad = claim("b", "Nissan Z")
    bad.subject = "   "  # no entity to file it under
    results = kb.ingest_many([(make_doc("a", seed=1), [claim("a", "Nissan Z")]),
                              (make_doc("b", seed=2), [bad]),
                              (make_doc("c", seed=3), [claim("c", "Infiniti Q50")])], batch_size=10)
    assert [r.status for r in results] == ["new", "failed", "new"]
    assert results[1].error
    assert [d["doc"] for d in kb.documents()] == ["a", "c"]
    assert kb.resolve_model("Infiniti Q50") == "Infiniti Q50"


def test_syndicated_copies_share_a_story(kb):
    base = article_text(11, words=300)
    kb.ingest(make_doc("orig", text=base, outlet="Wire"), [])
    kb.ingest(make_doc("other", seed=12, outlet="Blog"), [])
    kb.ingest(make_doc("copy", text="Headline changed. " + base[: int(len(base) * 0.9)], outlet="Paper"), [])
    stories = {s["story"]: s for s in kb.stories()}
    assert stories["orig"]["documents"] == ["orig", "copy"]
    assert stories["orig"]["outlets"] == ["Wire", "Paper"]
    assert stories["other"]["documents"] == ["other"]
    assert [s["story"] for s in kb.stories(min_size=2)] == ["orig"]
    kb.ingest(make_doc("c2", seed=13), [claim("c2", "Nissan Z")])
    assert kb.claims(doc="c2")[0]["story"] == "c2"


@pytest.mark.parametrize("url", ["sqlite:////nonexistent-dir/x/kb.db", "mysql://u@h/db",
                                 "postgresql://u:secret@127.0.0.1:1/db"])
def test_unreachable_database_is_one_line_error(url):
    with pytest.raises(AutodossierError) as err:
        KnowledgeBase(url)
    msg = str(err.value)
    assert msg.startswith("cannot open database") and "\n" not in msg
    assert "secret" not in msg


def test_newer_schema_is_refused(kb_url):
    from sqlalchemy import create_engine, text

    KnowledgeBase(kb_url).close()
    engine = create_engine(kb_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE schema_version SET version = 999"))
    engine.dispose()
    with pytest.raises(AutodossierError, match="newer"):
        KnowledgeBase(kb_url)


BATCH = 7  # documents per transaction in the killed ingest
def test_claims_naming_a_model_are_found_by_value(kb):
    kb.ingest(make_doc("a", seed=1), [
        claim("a", "Infiniti Q50", "shares_engine_with", "Nissan Z"),
        claim("a", "Nissan Skyline", "shares_platform_with", "nissan  z"),
        claim("a", "Nissan Z", "shares_engine_with", "Infiniti Q50"),
        claim("a", "Nissan Z", "power_hp", 400)])
    got = kb.claims(value="Nissan Z", attribute=["shares_engine_with", "shares_platform_with"])
    assert [r["subject"] for r in got] == ["Infiniti Q50", "Nissan Skyline"]
    assert kb.count_claims(value="NISSAN Z") == 2


def test_migration_from_version_1_fills_value_key(kb_url):
    from sqlalchemy import create_engine, text

    kb = KnowledgeBase(kb_url)
    kb.ingest(make_doc("a", seed=1), [claim("a", "Infiniti Q50", "replaces", "Infiniti G37")])
    kb.close()
    engine = create_engine(kb_url)
    with engine.begin() as conn:  # turn the store back into a version-1 store
        conn.execute(text("DROP INDEX ix_claims_value_key"))
        conn.execute(text("ALTER TABLE claims DROP COLUMN value_key"))
        conn.execute(text("UPDATE schema_version SET version = 1"))
    engine.dispose()
    kb = KnowledgeBase(kb_url)
    try:
        assert [r["subject"] for r in kb.claims(value="infiniti g37")] == ["Infiniti Q50"]
    finally:
        kb.close()


KILL_SCRIPT = textwrap.dedent("""
    import sys, time
    from autodossier.claims import Claim
    from autodossier.ingest.document import Document
    from autodossier.store import KnowledgeBase

    def pairs(n):
        for i in range(n):
            name = f"k{i:04d}"
            text = " ".join(f"w{i}x{j}" for j in range(60))
            claims = [Claim(doc=name, subject=f"Make{i % 17} M{j}", attribute="power_hp",
                            value=100 + j, status="reported", evidence="e") for j in range(i % 5 + 1)]
            yield Document(doc=name, text=text), claims

    kb = KnowledgeBase(sys.argv[1])
    if len(sys.argv) > 3:  # stall inside the transaction, right after this document's rows are written
        stall_at = sys.argv[3]
        write = kb._write_document
        def stalling(conn, doc, claims):
            result = write(conn, doc, claims)
            if doc.doc == stall_at:
                print("STALLED", flush=True)
                time.sleep(120)
            return result
        kb._write_document = stalling
    statuses = [r.status for r in kb.ingest_many(pairs(int(sys.argv[2])), batch_size=__BATCH__)]
    print("DONE", statuses.count("new"), statuses.count("unchanged"), flush=True)
""")


@pytest.mark.slow
def test_killed_ingest_leaves_consistent_store_and_rerun_finishes(kb_url, tmp_path):
    script = tmp_path / "ingest.py"
    script.write_text(KILL_SCRIPT.replace("__BATCH__", str(BATCH)))
    n = 160
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    stall = 30  # killed mid-batch: the batch holding documents 28-34 is open when it dies
    proc = subprocess.Popen([sys.executable, str(script), kb_url, str(n), f"k{stall:04d}"],
                            stdout=subprocess.PIPE, text=True, env=env)
    assert proc.stdout.readline().strip() == "STALLED"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    proc.stdout.close()

    kb = KnowledgeBase(kb_url)
    try:
        stored = kb.documents()
        assert len(stored) == stall - stall % BATCH  # whole batches before the open one, no more
        for d in stored:  # every stored document has all its claims
            assert d["claims"] == int(d["doc"][1:]) % 5 + 1
        assert kb.count_claims() == sum(d["claims"] for d in stored)
    finally:
        kb.close()

    out = subprocess.run([sys.executable, str(script), kb_url, str(n)], capture_output=True,
                         text=True, env=env, check=True).stdout
    done = out.strip().splitlines()[-1].split()
    assert done == ["DONE", str(n - len(stored)), str(len(stored))]
    kb = KnowledgeBase(kb_url)
    try:
        assert len(kb.documents()) == n
        assert kb.count_claims() == sum(i % 5 + 1 for i in range(n))
    finally:
        kb.close()


def test_claims_for_several_subjects_is_the_union_of_each(corpus):
    kb, _ = corpus
    subjects = sorted({r["subject"] for r in kb.claims()})[:3]
    union = sorted(r["id"] for s in subjects for r in kb.claims(subject=s))
    assert union and sorted(r["id"] for r in kb.claims(subject=subjects)) == union
    assert kb.claims(subject=[]) == []
