import pytest

from autodossier.extract.pipeline import Sentence
from autodossier.extract.quantities import find_quantities


def q(text):
    return [(f.attribute, f.value, f.qualifier) for f in find_quantities(Sentence(text, 0, len(text), 0))]


@pytest.mark.parametrize("text, expected", [
    ("It makes 400 horsepower.", ("power_hp", 400, "=")),
    ("The 650bhp Track Spec.", ("power_hp", 650, "=")),
    ("Output is 300 kW.", ("power_hp", 402.31, "=")),
    ("A 150 PS diesel.", ("power_hp", 147.95, "=")),
    ("Tuned to exceed 450 horsepower.", ("power_hp", 450, ">")),
    ("A 450-plus hp rating.", ("power_hp", 450, ">")),
    ("Nearly 500 hp on tap.", ("power_hp", 500, "~")),
    ("With 475 lb-ft of torque.", ("torque_lbft", 475, "=")),
    ("It develops 600 Nm.", ("torque_lbft", 442.54, "=")),
    ("A 2.9-litre twin-turbo V6.", ("displacement_l", 2.9, "=")),
    ("The 1,998cc four.", ("displacement_l", 2.0, "=")),
    ("0-60 mph takes 3.9 seconds.", ("accel_0_60_s", 3.9, "=")),
    ("It hits 0-100km/h in 4.2sec.", ("accel_0_100_s", 4.2, "=")),
    ("Top speed is 250 km/h.", ("top_speed_mph", 155.34, "=")),
    ("It is priced from $45,990.", ("price", 45990, "=")),
    ("Prices start at £38,000.", ("price", 38000, "=")),
    ("It weighs 1,550kg.", ("curb_weight_kg", 1550, "=")),
    ("A WLTP range of 520 km.", ("range_km", 520, "=")),
    ("Its 100kWh battery pack.", ("battery_kwh", 100, "=")),
    ("The 310-horspower coupe.", ("power_hp", 310, "=")),  # a typo still names the unit
    ("The WLTP-rated range stands at 480km.", ("range_km", 480, "=")),
    ("Top speed: 174mph (with the track pack; otherwise 155mph)", ("top_speed_mph", 155, "=")),
])
def test_reads_quantities_in_contract_units(text, expected):
    assert expected in q(text)


def test_range_gives_both_bounds():
    assert q("Output between 400-450 hp.") == [("power_hp", 400, ">="), ("power_hp", 450, "<=")]


@pytest.mark.parametrize("text", [
    "Infiniti invested $1 billion in the plant.",  # money, but no price
    "The 2027 model year brings new paint.",
    "He walked 5 miles to the show.",
    "The dealership is 300 feet away.",
])
def test_no_quantity_claims_from_unrelated_numbers(text):
    assert q(text) == []


def test_every_quantity_pattern_needs_a_digit():
    """find_quantities skips sentences without a numeral; that is only sound while this holds."""
    from autodossier.extract import quantities as q
    from autodossier.extract.prefilter import DIGIT, requirements

    for rx in (q.POWER, q.TORQUE, q.DISPLACEMENT, q.ACCEL, q.TOP_SPEED, q.PRICE, q.WEIGHT, q.RANGE, q.BATTERY):
        regex = getattr(rx, "regex", rx)
        assert frozenset({DIGIT}) in requirements(regex, limit=None), regex.pattern[:40]


@pytest.mark.parametrize("text, attribute, value", [
    ("The S3 is quicker, reaching 62mph in 4.7sec.", "accel_0_100_s", 4.7),
    ("It hits 60 mph in 3.5 seconds.", "accel_0_60_s", 3.5),
])
def test_reads_acceleration_phrased_as_reaching_a_speed(text, attribute, value):
    assert (attribute, value) in {(f.attribute, f.value) for f in find_quantities(Sentence(text, 0, len(text), 0))}


@pytest.mark.parametrize("text", [
    "It charges from 10% to 80% in 24 minutes on a 350 kW DC fast charger.",
    "An 11kW onboard charger is standard.",
    "The vRS can charge at up to 185kW, allowing a 10-80% top-up in 26 minutes.",
])
def test_charging_power_is_not_engine_power(text):
    assert not [f for f in find_quantities(Sentence(text, 0, len(text), 0)) if f.attribute == "power_hp"]


@pytest.mark.parametrize("text, prices", [
    ("The sedan starts at $120,675 in the US, plus a $1,175 destination fee.", {120675}),
    ("It is priced from £43,000, which undercuts its closest rival by around £5000.", {43000}),
    ("It will go on sale priced from 22,990 euros ($26,100), BYD said.", {22990}),
    ("Pricing starts at $33,970 and tops out at $39,970.", {33970, 39970}),
    ("Its entry price is $38,500 before the $3,750 federal EV tax credit.", {38500}),
    ("The maker will cut US$4000 from the flagship's price.", set()),
    ("The base car was priced at $45,000, some $9,000 below the dual-motor one.", {45000}),
    ("The hybrids will cost Rs 1.2 lakh-Rs 1.7 lakh more than the diesel versions.", set()),
    ("The price gap between the petrol and diesel versions stands at about Rs 1.8 lakh.", set()),
])
def test_fees_differences_and_conversions_are_not_prices(text, prices):
    found = {f.value for f in find_quantities(Sentence(text, 0, len(text), 0)) if f.attribute == "price"}
    assert found == prices


@pytest.mark.parametrize("text, expected", [
    ("Civic Sport 1.5 VTEC: 180bhp, from £31,500", ("price", 31500, "=")),
    ("In France, Peugeot charges €39,990 for it.", ("price", 39990, "=")),
    ("Corolla GR: from around $38,000", ("price", 38000, "~")),
    ("Fiesta ST Three Door Hatch - $31,490", ("price", 31490, "=")),
    ("Kwid 1.0 RXT – Rs 5.5 lakh", ("price", 550000, "=")),
    ("Budget well over £95k for the coupe.", ("price", 95000, ">")),
    ("Only 20 are coming, at $450,000 each.", ("price", 450000, "=")),
    ("It arrives in $61,990 2.0 TSI and $72,990 3.0 TDI guise.", ("price", 72990, "=")),
    ("The range kicks off at $41,990 drive-away.", ("price", 41990, "=")),
    ("Expect to pay around £38,000 when it lands.", ("price", 38000, "~")),
    ("The base car is listed at 189,900 yuan.", ("price", 189900, "=")),
    ("It's a $65,000 car.", ("price", 65000, "=")),
])
def test_price_after_from_or_charges(text, expected):
    assert expected in q(text)


@pytest.mark.parametrize("text", [
    "Revenue rose from $1,200 million to more, it charges customers less.",
    "Spare keys come from Germany and charges apply.",
])
def test_money_that_is_no_price_after_from(text):
    assert not [v for a, v, _ in q(text) if a == "price"]


@pytest.mark.parametrize("text, litres", [
    ("The Leon 1.5 TSI is the pick.", 1.5),
    ("A 2.0 TFSI drives the front wheels.", 2.0),
    ("The Sorento gets a 2.5T with 281 hp.", 2.5),
    ("A 2.3 EcoBoost four sits up front.", 2.3),
])
def test_displacement_in_engine_names(text, litres):
    assert ("displacement_l", litres, "=") in q(text)


@pytest.mark.parametrize("text", [
    "The K5 GT 2.5 T trim is gone.",  # a spaced T is a trim letter
    "Version 2.0 TSIX of the software.",
])
def test_engine_name_forms_need_the_engine_suffix(text):
    assert not [v for a, v, _ in q(text) if a == "displacement_l"]


@pytest.mark.parametrize("text, expected", [
    ("It runs 0-96km/h in 5.1 seconds.", ("accel_0_60_s", 5.1, "=")),
    ("It goes from 0 to 60 in under four seconds.", ("accel_0_60_s", 4, "<")),
    ("It needs only 2.3 seconds for 0-100km/h.", ("accel_0_100_s", 2.3, "=")),
    ("It takes 3.8 secs to get from 0 to 100 kph.", ("accel_0_100_s", 3.8, "=")),
    ("It needs 2.7 seconds to sprint from zero to 100kph.", ("accel_0_100_s", 2.7, "=")),
    ("It will top out beyond 190 miles per hour.", ("top_speed_mph", 190, ">")),
    ("Its maximum speed is 300 km/hr.", ("top_speed_mph", 186.41, "=")),
    ("The maker says it is capable of speeds beyond 210mph.", ("top_speed_mph", 210, ">")),
    ("The cars can take 64- and 77.4kWh batteries.", ("battery_kwh", 64, "=")),
    ("The cars can take 64- and 77.4kWh batteries.", ("battery_kwh", 77.4, "=")),
    ("It uses the brand's 2.0 inline-four.", ("displacement_l", 2.0, "=")),
    ("It has a hybridised 2.5 turbo.", ("displacement_l", 2.5, "=")),
])
def test_reads_more_phrasings_of_performance_and_size(text, expected):
    assert expected in q(text)


@pytest.mark.parametrize("text, attribute", [
    ("Some versions can charge at a rate of 270kW.", "power_hp"),
    ("Version 2.0 of the software arrives soon.", "displacement_l"),
    ("It does 0-60mph in 4.0 seconds.", "accel_0_100_s"),
])
def test_figures_that_are_not_the_attribute(text, attribute):
    assert not [a for a, _, _ in q(text) if a == attribute]


@pytest.mark.parametrize("text, attribute", [
    ("It has about 150 lb-ft more torque than the base car.", "torque_lbft"),
    ("A small motor chips in an extra 30bhp.", "power_hp"),
    ("Output was raised by 25hp.", "power_hp"),
])
def test_differences_are_not_outputs(text, attribute):
    assert not [a for a, _, _ in q(text) if a == attribute]


def test_a_motor_figure_gives_way_to_the_combined_output():
    got = q("It pairs a V8 with a 120bhp axial-flux e-motor, giving a combined 780bhp.")
    assert [v for a, v, _ in got if a == "power_hp"] == [780]


def test_a_motor_figure_alone_is_kept():
    assert ("power_hp", 200, "=") in q("Its 200hp electric motor drives the rear wheels.")


@pytest.mark.parametrize("text, expected", [
    ("It sits beside the 1,160-horse hypercar.", ("power_hp", 1160, "=")),
    ("It came in 2.8 FSI and 3.0 TDI guise.", ("displacement_l", 2.8, "=")),
    ("The 1.0 three-pot petrol stays.", ("displacement_l", 1.0, "=")),
    ("Its range is expected to exceed 300 miles.", ("range_km", 482.8, ">")),
    ("Its driving range will be more than 650km.", ("range_km", 650, ">")),
])
def test_reads_power_size_and_range_phrasings(text, expected):
    assert expected in q(text)


@pytest.mark.parametrize("text, expected", [
    ("It offers 610km or 480km of range on the WLTP cycle.", ("range_km", 610, "=")),
    ("It offers 610km or 480km of range on the WLTP cycle.", ("range_km", 480, "=")),
    ("Its certified driving range is 600+ km.", ("range_km", 600, "=")),
    ("With bigger wheels its range falls to 450 miles.", ("range_km", 724.2, "=")),
    ("The 500-mile Lucid Air costs more.", ("range_km", 804.67, "=")),
    ("It replaces the 710bhp, 212mph coupé.", ("top_speed_mph", 212, "=")),
    ("It is a 200mph supercar.", ("top_speed_mph", 200, "=")),
])
def test_reads_range_and_speed_phrasings(text, expected):
    assert expected in q(text)


@pytest.mark.parametrize("text, attribute", [
    ("The crash test hit a 40mph car.", "top_speed_mph"),
    ("We drove a 1,000-mile loop in it.", "range_km"),
])
def test_speeds_and_distances_that_name_no_spec(text, attribute):
    assert not [a for a, _, _ in q(text) if a == attribute]


@pytest.mark.parametrize("text, negated", [
    ("The 1.6-litre turbo is unlikely to be sold here.", True),
    ("The 2.0-litre diesel won't be available at launch.", True),
    ("The 2.0-litre diesel will be available at launch.", False),
])
def test_an_engine_ruled_out_is_a_negated_size(text, negated):
    found = [f for f in find_quantities(Sentence(text, 0, len(text), 0)) if f.attribute == "displacement_l"]
    assert [f.negated for f in found] == [negated]
