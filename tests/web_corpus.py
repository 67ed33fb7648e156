"""A small hand-made knowledge base for the web tests: three articles in the style of the
automotive press, with the claims an extractor would make of them (evidence verbatim).

Built by hand rather than through the extractor so the web tests check the web face, not
the extractor's recall; the seeds go through the real pipeline in the browser tests.
"""
from __future__ import annotations

from autodossier.claims import Claim
from autodossier.ingest.document import Document

ARTICLES = [
    Document(
        doc="web_q50_return",
        title="Infiniti Q50 will return with twin-turbo power",
        date="2024-03-12",
        outlet="Autocar Weekly",
        url="https://example.test/q50-return",
        text=(
            "Infiniti has confirmed that the Q50 sport sedan will return for a new generation.\n\n"
            "The Q50 Red Sport 400 makes 400 hp from its 3.0-litre twin-turbo V6.\n\n"
            "According to Car and Driver, the next Q50 is expected to go on sale in 2027.\n\n"
            "The sedan keeps the VR30DDTT engine it shares with the Nissan Z."
        ),
    ),
    Document(
        doc="web_q50_rumor",
        title="Hotter Q50 on the way?",
        date="2024-06-02",
        outlet="Motor Gossip",
        text=(
            "Rumor has it the Q50 Red Sport 400 will be tuned to 450 hp for its final run.\n\n"
            "Insiders say the sedan could also get an all-wheel-drive option in Europe."
        ),
    ),
    Document(
        doc="web_z_sales",
        title="Nissan Z sales climb",
        date="2023-02-01",
        outlet="Sales Desk",
        text=(
            "Nissan sold 5,000 examples of the Z in the US in 2022.\n\n"
            "The Nissan Z went into production in 2022 and is sold in Japan and North America."
        ),
    ),
]


def _claims(doc: Document) -> list[Claim]:
    """The claims of each article, as the contract says an extractor should write them."""
    q50, z = "Infiniti Q50", "Nissan Z"
    by_doc = {
        "web_q50_return": [
            (q50, "lifecycle", "planned", "confirmed", "Infiniti has confirmed that the Q50 sport sedan will return for a new generation.", {}),
            (q50, "power_hp", 400, "confirmed", "The Q50 Red Sport 400 makes 400 hp from its 3.0-litre twin-turbo V6.", {"variant": "Red Sport 400"}),
            (q50, "aspiration", "twin-turbo", "confirmed", "The Q50 Red Sport 400 makes 400 hp from its 3.0-litre twin-turbo V6.", {"variant": "Red Sport 400"}),
            (q50, "on_sale", "2027", "reported", "According to Car and Driver, the next Q50 is expected to go on sale in 2027.", {"source": "Car and Driver"}),
            (q50, "engine_code", "VR30DDTT", "confirmed", "The sedan keeps the VR30DDTT engine it shares with the Nissan Z.", {}),
            (q50, "shares_engine_with", z, "confirmed", "The sedan keeps the VR30DDTT engine it shares with the Nissan Z.", {}),
        ],
        "web_q50_rumor": [
            (q50, "power_hp", 450, "rumored", "Rumor has it the Q50 Red Sport 400 will be tuned to 450 hp for its final run.", {"variant": "Red Sport 400"}),
            (q50, "drivetrain", "awd", "speculative", "Insiders say the sedan could also get an all-wheel-drive option in Europe.", {"region": "EU"}),
        ],
        "web_z_sales": [
            (z, "sales_units", 5000, "confirmed", "Nissan sold 5,000 examples of the Z in the US in 2022.", {"period": "2022", "region": "US"}),
            (z, "production_start", "2022", "confirmed", "The Nissan Z went into production in 2022 and is sold in Japan and North America.", {}),
            (z, "lifecycle", "in-production", "confirmed", "The Nissan Z went into production in 2022 and is sold in Japan and North America.", {}),
            (z, "market", "JP", "confirmed", "The Nissan Z went into production in 2022 and is sold in Japan and North America.", {}),
        ],
    }
    return [Claim(doc=doc.doc, subject=s, attribute=a, value=v, status=st, evidence=ev,
                  as_of=doc.date, **extra) for s, a, v, st, ev, extra in by_doc[doc.doc]]


def build(kb) -> None:
    """Store the three articles and their claims in ``kb``."""
    for doc in ARTICLES:
        kb.ingest(doc, _claims(doc))
