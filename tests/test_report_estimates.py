"""Which claims feed an estimate: the model's own, plus those of models sharing its parts."""
from __future__ import annotations

import pytest

from autodossier.claims import Claim
from autodossier.ingest.document import Document
from autodossier.report.estimates import gather_claims


def _claim(subject: str, attribute: str, value, doc: str = "d1") -> Claim:  # noqa: ANN001
    return Claim(doc=doc, subject=subject, attribute=attribute, value=value, status="reported",
                 evidence=f"The {subject} {attribute} {value}.")


@pytest.fixture
def store(kb):  # noqa: ANN001, ANN201
    text = "The new Coupe X shares its platform with the Sedan Y and replaces the Old Z. " * 3
    kb.ingest(Document(doc="d1", text=text, date="2025-01-01"), [
        _claim("Acme Coupe X", "shares_platform_with", "Acme Sedan Y"),
        _claim("Acme Coupe X", "replaces", "Acme Old Z"),
        _claim("Acme Coupe X", "power_hp", 300),
    ])
    kb.ingest(Document(doc="d2", text="The Sedan Y weighs 1,600 kg; the Old Z weighed 1,400 kg. " * 3,
                       date="2025-02-01"), [
        _claim("Acme Sedan Y", "curb_weight_kg", 1600, doc="d2"),
        _claim("Acme Old Z", "curb_weight_kg", 1400, doc="d2"),
    ])
    return kb


def test_models_sharing_parts_lend_claims_but_a_predecessor_does_not(store):
    claims, related = gather_claims(store, "Acme Coupe X")
    assert {c["attribute"] for c in claims} == {"shares_platform_with", "replaces", "power_hp"}
    assert set(related) == {"Acme Sedan Y"}
    assert [c["value"] for c in related["Acme Sedan Y"]] == [1600]


def test_as_of_leaves_out_later_related_claims(store):
    _, related = gather_claims(store, "Acme Coupe X", as_of="2025-01-15")
    assert related == {"Acme Sedan Y": []}
