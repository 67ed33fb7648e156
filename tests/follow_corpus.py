"""A small hand-made history for the track-record, watchlist and feed tests.

An outlet ("Best Car") whose power rumors on four models were later confirmed three times
and contradicted once, and the Infiniti Q50's story over a year: a > 450 hp rumor, a
400 hp report that disputes it, the maker's 400 hp confirmation (which retires the rumor)
and a sales figure. Made by hand (not extracted) so the tests check the follow-up logic.
"""
from __future__ import annotations

from autodossier.claims import Claim
from autodossier.ingest.document import Document

Q50 = "Infiniti Q50"

# (doc, date, outlet, [(subject, attribute, value, status, sentence, extra fields)])
HISTORY = [
    *[(f"bc_rumor_{i}", "2022-01-10", "Best Car",
       [(f"Nissan Alpha{i}", "power_hp", 300 + i, "rumored",
         f"Best Car hears the Alpha{i} will make {300 + i} hp.", {})]) for i in range(4)],
    *[(f"maker_{i}", "2022-06-01", "Nissan",
       [(f"Nissan Alpha{i}", "power_hp", 300 + i if i < 3 else 250, "confirmed",
         f"Nissan confirmed the Alpha{i} makes {300 + i if i < 3 else 250} hp.", {})]) for i in range(4)],
    ("q50_rumor", "2023-01-10", "Best Car",
     [(Q50, "power_hp", 450, "rumored", "The next Q50 could exceed 450 hp, insiders say.", {"qualifier": ">"})]),
    ("q50_report", "2023-05-01", "Autocar Weekly",
     [(Q50, "power_hp", 400, "reported", "The Q50 will make 400 hp, we understand.", {})]),
    ("q50_confirm", "2023-09-01", "Infiniti",
     [(Q50, "power_hp", 400, "confirmed", "Infiniti confirmed the Q50 makes 400 hp.", {})]),
    ("q50_sales", "2024-01-15", "Sales Desk",
     [(Q50, "sales_units", 15000, "confirmed", "Infiniti sold 15,000 Q50s in the US in 2023.",
       {"period": "2023", "region": "US"})]),
    ("qx60_news", "2023-06-01", "Autocar Weekly",
     [("Infiniti QX60", "on_sale", "2024", "expected", "The QX60 is expected to go on sale in 2024.", {})]),
]


def documents() -> list[tuple[Document, list[Claim]]]:
    """Every (document, claims) pair of the history, in publication order."""
    out = []
    for doc_id, date, outlet, claims in sorted(HISTORY, key=lambda h: (h[1], h[0])):
        text = "\n\n".join(sentence for _, _, _, _, sentence, _ in claims)
        doc = Document(doc=doc_id, text=text, title=f"{outlet} on {claims[0][0]}", date=date, outlet=outlet,
                       url=f"https://example.test/{doc_id}")
        out.append((doc, [Claim(doc=doc_id, subject=s, attribute=a, value=v, status=st, evidence=ev,
                                unit="hp" if a == "power_hp" else None, **extra)
                          for s, a, v, st, ev, extra in claims]))
    return out


def build(kb, upto: str | None = None) -> None:
    """Store the history (only documents dated on or before ``upto``, when given) in ``kb``."""
    for doc, claims in documents():
        if upto is None or doc.date <= upto:
            kb.ingest(doc, claims)
