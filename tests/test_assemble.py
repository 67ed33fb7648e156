"""Subject proposals from the grammar of one sentence."""
import pytest

from autodossier.extract import extract
from autodossier.ingest.document import Document


@pytest.mark.parametrize("values, first, second", [
    ("300 hp and 400 hp", 300, 400),
    ("220kW and 290kW", 295.0, 388.9),
])
def test_respectively_pairs_values_with_models_in_order(values, first, second):
    text = f"The Volkswagen Golf R and the Subaru WRX make {values} respectively."
    claims = extract(Document(doc="t", text=text, date="2025-06-15"))
    power = {(c.subject, round(c.value, 1)) for c in claims if c.attribute == "power_hp"}
    assert ("Volkswagen Golf", round(first, 1)) in power
    assert ("Subaru WRX", round(second, 1)) in power
    assert ("Volkswagen Golf", round(second, 1)) not in power
    assert ("Subaru WRX", round(first, 1)) not in power
