"""Subject proposals from the grammar of one sentence."""
import pytest

from extract_helpers import claims_of


@pytest.mark.parametrize("values, first, second", [
    ("300 hp and 400 hp", 300, 400),
    ("220kW and 290kW", 295.0, 388.9),
])
def test_respectively_pairs_values_with_models_in_order(values, first, second):
    text = f"The Volkswagen Golf R and the Subaru WRX make {values} respectively."
    claims = claims_of(text)
    power = {(c.subject, round(c.value, 1)) for c in claims if c.attribute == "power_hp"}
    assert ("Volkswagen Golf", round(first, 1)) in power
    assert ("Subaru WRX", round(second, 1)) in power
    assert ("Volkswagen Golf", round(second, 1)) not in power
    assert ("Subaru WRX", round(first, 1)) not in power


def test_the_gearbox_of_an_engine_a_car_will_get_is_as_hedged_as_the_engine():
    text = ("The Ford Ranger will launch in India next year. "
            "The 2.0-litre diesel of the Ford Everest is expected to power the Ford Ranger as well. "
            "Mated to the ten-speed auto, this engine makes 210 hp.")
    claims = claims_of(text)
    gears = [c for c in claims if c.subject == "Ford Ranger" and c.attribute == "gears"]
    assert gears and all(c.status == "expected" for c in gears)


def test_a_round_up_gives_each_model_the_powertrain_named_next_to_it():
    text = ("The Kia Sportage is on the schedule, as are a Kia Sorento in plug-in hybrid form "
            "and a Kia EV4, an electric saloon.")
    claims = claims_of(text)
    got = {(c.subject, c.value) for c in claims if c.attribute == "powertrain"}
    assert ("Kia Sorento", "phev") in got
    assert ("Kia Sportage", "phev") not in got


def test_a_powertrain_word_right_before_a_rival_describes_that_rival():
    text = "The Rimac Nevera raced against the new hybrid Ferrari SF90 on a drag strip."
    claims = claims_of(text)
    got = {(c.subject, c.value) for c in claims if c.attribute == "powertrain"}
    assert ("Ferrari SF90 Stradale", "hybrid") in got or ("Ferrari SF90", "hybrid") in got


@pytest.mark.parametrize("sentence", [
    "The Audi RS3 will get a 2.5-litre engine used in the Audi TT RS and the Audi Q3.",
    "The Audi RS3 will get the 2.5-litre unit found in the Audi TT RS and the Audi Q3.",
])
def test_an_engine_described_by_the_models_it_is_in_is_theirs_too(sentence):
    claims = claims_of(sentence)
    got = {c.subject for c in claims if c.attribute == "displacement_l"}
    assert {"Audi TT", "Audi Q3"} <= got


def test_an_engine_a_model_gives_up_is_not_its_own():
    text = ("The Ferrari 849 swaps the 4.0-litre V8 used in the Ferrari SF90 for a new engine. "
            "The Ferrari 849 is fast.")
    claims = claims_of(text)
    got = {(c.subject, c.value) for c in claims if c.attribute == "displacement_l"}
    assert ("Ferrari SF90", 4.0) in got
    assert not any(s == "Ferrari 849" for s, _ in got)


def test_a_drivetrain_word_right_before_a_model_describes_that_model():
    text = ("The Kia Sorento costs $50,000. That money also buys a well-equipped Honda Pilot "
            "or a brand-new AWD Mazda CX-90.")
    claims = claims_of(text)
    got = {c.subject for c in claims if c.attribute == "drivetrain"}
    assert "Mazda CX-90" in got


def test_a_powertrain_word_before_a_partner_describes_the_partner():
    text = "The Bentley Bentayga will be built as a close twin of the plug-in hybrid Porsche Cayenne."
    claims = claims_of(text)
    got = {(c.subject, c.value) for c in claims if c.attribute == "powertrain"}
    assert ("Porsche Cayenne", "phev") in got


def test_a_second_relation_verb_keeps_the_first_verbs_subject():
    text = "Next year brings the Skoda Elroq, which replaces the Skoda Enyaq and uses the Volkswagen ID.3 as its basis."
    claims = claims_of(text)
    got = {(c.subject, c.value) for c in claims if c.attribute == "shares_platform_with"}
    assert ("Skoda Elroq", "Volkswagen ID.3") in got
    assert ("Skoda Enyaq", "Volkswagen ID.3") not in got


def test_an_aside_after_a_list_of_models_describes_every_model_of_it():
    text = "The next Mazda MX-5 and Toyota GR86 – twin rear-drive roadsters – will arrive in 2027."
    claims = claims_of(text)
    got = {c.subject for c in claims if c.attribute == "drivetrain"}
    assert {"Mazda MX-5", "Toyota GR86"} <= got


def test_a_powertrain_word_bound_to_one_model_is_not_given_to_the_sentences_subject():
    text = ("The Kia EV9 is big. After that, the plant will build both the Kia EV9 and the "
            "gasoline-powered Kia Telluride on one line.")
    claims = claims_of(text)
    got = {(c.subject, c.value) for c in claims if c.attribute == "powertrain"}
    assert ("Kia Telluride", "ice") in got
    assert ("Kia EV9", "ice") not in got


@pytest.mark.parametrize("sentence", [
    "The new Ford Puma could get a new engine, given how much the firm has put into hybridised powertrains "
    "(witness the Ford Kuga and Ford Ranger).",
    "The Ford Puma takes on a field of plug-in hybrid crossovers, among them the Ford Kuga and the Ford Ranger.",
])
def test_models_given_as_examples_of_a_powertrain_have_it(sentence):
    claims = claims_of(sentence)
    got = {c.subject for c in claims if c.attribute == "powertrain" and c.value in ("phev", "hybrid")}
    assert {"Ford Kuga", "Ford Ranger"} <= got


@pytest.mark.parametrize("sentence, owner, other", [
    ("The new Volkswagen Golf R keeps its turbocharged four-cylinder, whereas no Volkswagen Polo R is planned.",
     "Volkswagen Golf", "Volkswagen Polo"),
    ("The Kia Sportage keeps its 1.6-litre four-cylinder; the Kia Seltos gets a 2.0-litre.",
     "Kia Sportage", "Kia Seltos"),
])
def test_its_before_a_figure_points_back_past_a_clause_break(sentence, owner, other):
    claims = claims_of(sentence)
    got = {c.subject for c in claims if c.attribute == "cylinders"}
    assert owner in got
    assert other not in got


@pytest.mark.parametrize("sentence", [
    "The Ineos Grenadier would be priced close to the pickup that currently sells best, the Toyota Hilux.",
    "The Kia EV9 is big, but the brand's best-selling SUV, the Kia Sportage, is far more common.",
])
def test_a_body_word_named_in_apposition_is_that_models(sentence):
    claims = claims_of(sentence)
    got = {c.subject for c in claims if c.attribute == "body_style"}
    assert got and got <= {"Toyota Hilux", "Kia Sportage"}


@pytest.mark.parametrize("sentence, expected", [
    ("The Kia EV9 is new. Back in 2019, the brand showed its first models – a compact hatch plus a large SUV.",
     set()),
    ("The Kia EV9 is a large SUV.", {"Kia EV9"}),
    ("Once again, an estate will be derived from the new Skoda Octavia.", {"Skoda Octavia"}),
])
def test_a_body_word_of_an_unnamed_car_is_no_models(sentence, expected):
    claims = claims_of(sentence)
    assert {c.subject for c in claims if c.attribute == "body_style"} == expected
