"""Claims whose evidence names a model, on SQLite and PostgreSQL."""
from __future__ import annotations

from autodossier.claims import Claim
from autodossier.ingest.document import Document
from autodossier.store.mentions import mentioning_claims, search_terms


def _ingest(kb, doc: str, date: str | None, subject: str, sentence: str) -> None:
    kb.ingest(Document(doc=doc, text=sentence, date=date),
              [Claim(doc=doc, subject=subject, attribute="body_style", value="coupe", status="confirmed",
                     evidence=sentence)])


def test_mentions_find_the_name_as_a_word_and_respect_as_of(kb):
    _ingest(kb, "a", "2022-11-07", "Infiniti Q60",
            "The Q60 coupe ends, leaving only the Q50 in Infiniti's lineup.")
    _ingest(kb, "b", "2025-01-01", "Infiniti Q60", "A Q500 is not a Q50.")
    _ingest(kb, "c", "2024-05-01", "Infiniti Q60", "The Q60 coupe is gone; the Q500 concept is not a car.")
    _ingest(kb, "d", "2023-03-01", "Infiniti Q50", "The Q50 is a coupe now.")
    found = mentioning_claims(kb, "Infiniti Q50", exclude_subject="Infiniti Q50")
    assert [r["doc"] for r in found] == ["b", "a"]  # newest first; "Q500" alone is no mention; own claims left out
    assert [r["doc"] for r in mentioning_claims(kb, "Infiniti Q50", as_of="2022-12-31")] == ["a"]
    assert mentioning_claims(kb, "Infiniti Q50", as_of="2021-12-31") == []


def test_search_terms_are_the_name_and_the_bare_model():
    assert search_terms("Infiniti Q50") == ["Infiniti Q50", "Q50"]
    assert search_terms("Nissan GT-R") == ["Nissan GT-R", "GT-R"]
    assert search_terms("Z") == []
