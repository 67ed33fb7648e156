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


def test_the_gearbox_of_an_engine_a_car_will_get_is_as_hedged_as_the_engine():
    text = ("The Ford Ranger will launch in India next year. "
            "The 2.0-litre diesel of the Ford Everest is expected to power the Ford Ranger as well. "
            "Mated to the ten-speed auto, this engine makes 210 hp.")
    claims = extract(Document(doc="t", text=text, date="2025-06-15"))
    gears = [c for c in claims if c.subject == "Ford Ranger" and c.attribute == "gears"]
    assert gears and all(c.status == "expected" for c in gears)


def test_a_round_up_gives_each_model_the_powertrain_named_next_to_it():
    text = ("The Kia Sportage is on the schedule, as are a Kia Sorento in plug-in hybrid form "
            "and a Kia EV4, an electric saloon.")
    claims = extract(Document(doc="t", text=text, date="2025-06-15"))
    got = {(c.subject, c.value) for c in claims if c.attribute == "powertrain"}
    assert ("Kia Sorento", "phev") in got
    assert ("Kia Sportage", "phev") not in got


def test_a_powertrain_word_right_before_a_rival_describes_that_rival():
    text = "The Rimac Nevera raced against the new hybrid Ferrari SF90 on a drag strip."
    claims = extract(Document(doc="t", text=text, date="2025-06-15"))
    got = {(c.subject, c.value) for c in claims if c.attribute == "powertrain"}
    assert ("Ferrari SF90 Stradale", "hybrid") in got or ("Ferrari SF90", "hybrid") in got
