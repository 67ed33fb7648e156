"""Following models: change events over a history, the watchlist in the store, its changes."""
from __future__ import annotations

import itertools

import pytest

import follow_corpus
from autodossier.errors import AutodossierError
from autodossier.fuse.history import CONTRADICTION, NEW_SALES, NEW_VALUE, RETIRED, UPGRADE, events
from autodossier.report import follow

_ids = itertools.count(1)


def rec(value, status, date, doc=None, attribute="power_hp", subject="Infiniti Q50", **extra) -> dict:
    n = next(_ids)
    out = {"id": n, "doc": doc or f"d{n}", "subject": subject, "attribute": attribute, "value": value,
           "unit": "hp", "qualifier": "=", "negated": False, "status": status, "source": None,
           "evidence": f"sentence {n}", "doc_title": "t", "doc_date": date, "outlet": f"Outlet {n}",
           "url": None, "story": n}
    out.update(extra)
    return out


def test_history_reports_new_values_upgrades_retirements_and_sales_with_evidence():
    records = [rec(450, "rumored", "2023-01-01", qualifier=">"), rec(400, "reported", "2023-05-01"),
               rec(400, "confirmed", "2023-09-01"),
               rec(15000, "confirmed", "2024-01-01", attribute="sales_units", period="2023")]
    found = [(e.date, e.kind, e.value, e.before) for e in events(records)]
    assert found == [
        ("2023-01-01", NEW_VALUE, "> 450 hp", None),
        ("2023-05-01", NEW_VALUE, "400 hp", None),
        ("2023-05-01", RETIRED, "> 450 hp", "400 hp"),
        ("2023-09-01", UPGRADE, "400 hp", "reported"),
        ("2024-01-01", NEW_SALES, "15000 hp", None),
    ]
    upgrade = events(records)[3]
    assert [c["evidence"] for c in upgrade.evidence] == [records[2]["evidence"]]
    assert upgrade.doc == records[2]["doc"]


def test_unresolved_disagreement_is_a_contradiction():
    records = [rec(400, "reported", "2023-01-01"), rec(450, "rumored", "2023-02-01")]
    last = events(records)[-1]
    assert (last.kind, last.value, last.before) == (CONTRADICTION, "450 hp", "400 hp")


def test_event_ids_depend_on_content_not_on_claim_ids_or_order():
    records = [rec(400, "reported", "2023-01-01", doc="a"), rec(400, "confirmed", "2023-02-01", doc="b")]
    again = [dict(r, id=r["id"] + 1000) for r in reversed(records)]
    assert [e.id for e in events(records)] == [e.id for e in events(again)]
    changed = [records[0], dict(records[1], value=410)]
    assert events(changed)[-1].id != events(records)[-1].id


def test_replay_follows_the_given_arrival_order_for_undated_documents():
    records = [rec(400, "confirmed", None, doc="late"), rec(400, "rumored", None, doc="early")]
    found = events(records, order={"early": 0, "late": 1}, dates={"early": "2024-01-01", "late": "2024-02-01"})
    assert [(e.kind, e.date) for e in found] == [(NEW_VALUE, "2024-01-01"), (UPGRADE, "2024-02-01")]


def test_watchlist_add_list_remove_on_each_backend(kb):
    follow_corpus.build(kb)
    added = follow.watch_add(kb, ["q50", "infiniti"])
    assert [(a["kind"], a["name"], a["added"]) for a in added] == [
        ("model", "Infiniti Q50", True), ("make", "Infiniti", True)]
    assert follow.watch_add(kb, ["Infiniti Q50"])[0]["added"] is False
    assert [(w["kind"], w["name"]) for w in kb.watchlist()] == [("make", "Infiniti"), ("model", "Infiniti Q50")]
    assert set(follow.watched_subjects(kb)) == {"Infiniti Q50", "Infiniti QX60"}
    assert follow.watch_remove(kb, ["INFINITI"])[0]["removed"]
    assert [w["name"] for w in kb.watchlist()] == ["Infiniti Q50"]
    with pytest.raises(AutodossierError, match="not on the watchlist"):
        follow.watch_remove(kb, ["Nissan"])


@pytest.mark.parametrize("name, hint", [("Q5O", "Infiniti Q50"), ("Infinitty", "Infiniti"), ("Zzzzzz", "unknown")])
def test_unknown_watch_names_are_refused_with_suggestions(kb, name, hint):
    follow_corpus.build(kb)
    with pytest.raises(AutodossierError, match=hint):
        follow.watch_add(kb, ["Q50", name])
    assert kb.watchlist() == []  # nothing added when one name is bad


def test_watch_changes_since_last_look_and_since_a_date(kb):
    follow_corpus.build(kb, upto="2023-05-31")
    follow.watch_add(kb, ["Infiniti Q50"])
    first = follow.watch_changes(kb)
    assert [e.kind for e in first] == [NEW_VALUE, NEW_VALUE, RETIRED]
    assert follow.watch_changes(kb) == []  # nothing new since that look
    assert "no new changes" in follow.pending_line(kb)
    follow_corpus.build(kb)  # the rest of the history arrives
    assert "2 new changes" in follow.pending_line(kb) and "Infiniti Q50 2" in follow.pending_line(kb)
    later = follow.watch_changes(kb)
    assert [(e.kind, e.date) for e in later] == [(UPGRADE, "2023-09-01"), (NEW_SALES, "2024-01-15")]
    assert later[0].evidence[0]["outlet"] == "Infiniti" and "400 hp" in later[0].evidence[0]["evidence"]
    dated = follow.watch_changes(kb, since="2023-04-30")
    assert [e.kind for e in dated] == [NEW_VALUE, RETIRED, UPGRADE, NEW_SALES]
    with pytest.raises(AutodossierError, match="not an ISO date"):
        follow.watch_changes(kb, since="last week")


def test_event_ids_stay_stable_across_reingest(kb):
    follow_corpus.build(kb)
    ids = [e.id for e in follow.model_events(kb, ["Infiniti Q50"])]
    follow_corpus.build(kb)  # unchanged documents: nothing new
    assert [e.id for e in follow.model_events(kb, ["Infiniti Q50"])] == ids
    assert len(set(ids)) == len(ids) == 5


def test_summaries_say_what_changed():
    records = [rec(400, "reported", "2023-01-01"), rec(400, "confirmed", "2023-02-01")]
    assert follow.summary(events(records)[-1]) == "Infiniti Q50 · Power: 400 hp now confirmed (was reported)"


def test_migration_from_version_2_adds_the_watchlist(kb_url):
    from sqlalchemy import create_engine, text

    from autodossier.store import KnowledgeBase

    store = KnowledgeBase(kb_url)
    follow_corpus.build(store)
    store.close()
    engine = create_engine(kb_url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as conn:  # turn the store back into a version-2 store
        conn.execute(text("DROP TABLE watchlist"))
        conn.execute(text("DROP TABLE watch_seen"))
        conn.execute(text("UPDATE schema_version SET version = 2"))
    engine.dispose()
    store = KnowledgeBase(kb_url)
    try:
        assert follow.watch_add(store, ["Q50"])[0]["added"]
        assert len(follow.watch_changes(store)) == 5
        assert store.count_claims() > 0  # the old rows are untouched
    finally:
        store.close()


def test_python_api_follows_models(tmp_path):
    import autodossier
    from autodossier.store import KnowledgeBase

    db = tmp_path / "kb.db"
    with KnowledgeBase(f"sqlite:///{db}") as store:
        follow_corpus.build(store)
    with autodossier.open(str(db)) as ad:
        assert ad.watch("Q50")[0]["name"] == "Infiniti Q50"
        assert [e.kind for e in ad.watch_changes(since="2023-08-31")] == [UPGRADE, NEW_SALES]
        assert len(ad.watch_changes()) == 5 and ad.watch_changes() == []
        best = ad.track_record().get("outlet", "Best Car")
        assert (best.overall.borne_out, best.overall.contradicted) == (3, 2)


def test_news_arriving_already_outdated_is_no_change():
    confirmed = rec(400, "confirmed", "2023-05-01", doc="new")
    late_rumor = rec(450, "rumored", "2023-01-01", doc="old")  # published earlier, ingested later
    found = events([confirmed, late_rumor], order={"new": 0, "old": 1})
    assert [(e.kind, e.value) for e in found] == [(NEW_VALUE, "400 hp")]
