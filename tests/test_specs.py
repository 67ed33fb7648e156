import pytest

from autodossier.extract.pipeline import Sentence
from autodossier.extract.specs import find_specs


def specs(text):
    return {(f.attribute, f.value) for f in find_specs(Sentence(text, 0, len(text), 0))}


@pytest.mark.parametrize("text, expected", [
    ("It uses a twin-turbo V6.", {("cylinders", 6), ("engine_layout", "V"), ("aspiration", "twin-turbo")}),
    ("A flat-six sits behind the axle.", {("cylinders", 6), ("engine_layout", "flat")}),
    ("The inline-four is turbocharged.", {("cylinders", 4), ("engine_layout", "inline"), ("aspiration", "turbo")}),
    ("Power comes from a turbo four.", {("cylinders", 4), ("aspiration", "turbo")}),
    ("A supercharged V8 remains.", {("aspiration", "supercharged"), ("cylinders", 8)}),
    ("It gets the VR30DDTT engine.", {("engine_code", "VR30DDTT")}),
    ("It is a rear-wheel-drive sedan.", {("drivetrain", "rwd"), ("body_style", "sedan")}),
    ("All-wheel drive is standard.", {("drivetrain", "awd")}),
    ("A six-speed manual gearbox is offered.", {("gears", 6), ("transmission", "manual")}),
    ("An eight-speed dual-clutch handles shifts.", {("gears", 8), ("transmission", "dct")}),
    ("It arrives as a plug-in hybrid.", {("powertrain", "phev")}),
    ("The fully electric sedan is coming.", {("powertrain", "ev"), ("body_style", "sedan")}),
])
def test_reads_specs(text, expected):
    assert expected <= specs(text)


@pytest.mark.parametrize("text", [
    "Demand for electric vehicles has slowed.",
    "The luxury sedan segment is shrinking.",
    "Buyers want SUVs and crossovers now.",
    "Torque and transmission details are unknown.",
    "The 2025 model ditches the V6 entirely.",
])
def test_generic_or_unknown_mentions_give_no_specs(text):
    assert not (specs(text) & {("powertrain", "ev"), ("body_style", "sedan"), ("body_style", "suv"),
                               ("cylinders", 6), ("transmission", "manual")})


@pytest.mark.parametrize("text, expected", [
    ("Its twin-turbo 4.4-liter V-8 pairs with a motor.", {("cylinders", 8), ("engine_layout", "V")}),
    ("A 2.5-liter boxer engine sits up front.", {("engine_layout", "flat")}),
    ("Power goes through an eight-speed automatic to all four wheels.", {("drivetrain", "awd")}),
    ("The plug-in-hybrid wagon arrives first.", {("powertrain", "phev")}),
    ("Its 1.6-litre G16E-GTS engine is carried over.", {("engine_code", "G16E-GTS")}),
])
def test_reads_spec_spellings_of_other_outlets(text, expected):
    assert expected <= specs(text)


@pytest.mark.parametrize("text, absent", [
    ("A twin-turbo 4.4-liter unit does the work.", ("cylinders", 4)),
    ("A 2.0-litre engine works with two electric motors.", ("powertrain", "ev")),
    ("Its small pack feeds two electric motors for 12 km of EV-only range.", ("powertrain", "ev")),
])
def test_no_spec_from_numbers_or_a_hybrids_motors(text, absent):
    assert absent not in specs(text)


def negated_powertrains(text):
    return {(f.value, f.negated) for f in find_specs(Sentence(text, 0, len(text), 0)) if f.attribute == "powertrain"}


@pytest.mark.parametrize("text, expected", [
    ("The hatchback will not be offered with a plug-in hybrid powertrain.", ("phev", True)),
    ("A plug-in version of the crossover is not planned for Europe.", ("phev", True)),
    ("The maker says it has no plans for a combustion-engined version.", ("ice", True)),
    ("The saloon gets a plug-in hybrid powertrain next year.", ("phev", False)),
    ("It isn't the sole Acme EV on the way, since the crossover follows.", ("ev", False)),
])
def test_powertrain_the_model_will_not_get_is_negated(text, expected):
    assert expected in negated_powertrains(text)


@pytest.mark.parametrize("text, attribute, value, negated", [
    ("BMW M has ruled out a manual gearbox for the M5.", "transmission", "manual", True),
    ("The coupe will not be offered with all-wheel drive.", "drivetrain", "awd", True),
    ("Power goes to all four wheels through an eight-speed automatic.", "transmission", "automatic", False),
])
def test_ruled_out_or_withheld_specs_are_negated(text, attribute, value, negated):
    found = {(f.attribute, f.value, f.negated) for f in find_specs(Sentence(text, 0, len(text), 0))}
    assert (attribute, value, negated) in found


def test_van_as_a_name_particle_is_no_body_style():
    assert ("body_style", "van") not in specs('"The M5 is our best car," said Frank van Meel, the M boss.')


@pytest.mark.parametrize("text, code", [
    ("The V8, codenamed S63, gains a hybrid module.", "S63"),
    ("Its new four-cylinder engine, code-named B48, is lighter.", "B48"),
])
def test_short_engine_codes_after_codenamed(text, code):
    assert ("engine_code", code) in specs(text)


def test_short_codes_without_codenamed_are_not_engine_codes():
    assert not [v for a, v in specs("The X50 engine is new.") if a == "engine_code"]


@pytest.mark.parametrize("text, code", [
    ("The pickup keeps its 6.2L V8 L87 gas engine.", "L87"),
    ("It uses a 2.0-litre XB03 turbocharged engine.", "XB03"),
    ("Power comes from a supercharged LS7 V8.", "LS7"),
    ("Under the bonnet sits the 2GR-FKS 3.5 litre unit.", "2GR-FKS"),
    ("The hatch keeps the existing K15C engine.", "K15C"),
    ("The sedan offers a 1.5-litre i-VTEC petrol.", "I-VTEC"),
    ("The V8 (known internally as the LT9) revs to 8,000rpm.", "LT9"),
    ("The new engine will take a designation such as LT8.", "LT8"),
])
def test_engine_codes_by_shape_and_place(text, code):
    assert ("engine_code", code) in specs(text)


@pytest.mark.parametrize("text", [
    "The X50 engine is new.",
    "The 2.0-litre engine of the GT-Line is carried over.",
    "It has a V8 and a 48V mild-hybrid system with 4WD.",
    "The 1.5-litre engine is also fitted to the AB12 concept.",
    "The platform, known internally as the ZX1, underpins both cars.",
])
def test_model_and_unit_shapes_are_not_engine_codes(text):
    assert not [v for a, v in specs(text) if a == "engine_code"]


@pytest.mark.parametrize("text", [
    "It is a hybrid-electric edition of the coupe.",
    "The car is a petrol-electric hybrid with three motors.",
    "It will be sold as a hybrid electric car.",
    "Its pure electric range is short.",
    "The firm will launch ten more EV models by 2030.",
    "Chinese EV makers are arriving in Europe.",
    "EV buyers get a discount this month.",
    "Battery-electric and plug-in hybrid models (BEV and PHEV) took a third of sales.",
])
def test_hybrids_and_ev_talk_in_general_name_no_ev(text):
    assert not {v for a, v in specs(text) if a == "powertrain"} & {"ev", "phev"}


@pytest.mark.parametrize("text, value", [
    ("It will also be hybridised.", "hybrid"),
    ("The next model is hybridized, its maker says.", "hybrid"),
    ("The battery-powered SUV arrives next year.", "ev"),
])
def test_powertrain_words(text, value):
    assert ("powertrain", value) in specs(text)


def test_a_non_hybridised_engine_is_no_hybrid():
    assert ("powertrain", "hybrid") not in specs("Several rivals use a non-hybridised 2.0-litre turbo.")


def test_no_diesel_engine_does_not_rule_out_combustion():
    assert not [f for f in find_specs(Sentence("There is no diesel engine for the SUV.", 0, 38, 0))
                if f.attribute == "powertrain" and f.value == "ice"]


def test_non_turbo_is_not_turbo():
    assert ("aspiration", "turbo") not in specs("The non-turbo 2.0-litre boxer engine stays.")


@pytest.mark.parametrize("text", [
    "Competitors turn to automatic transmissions to broaden their appeal.",
    "Few makers still offer manual gearboxes.",
])
def test_gearboxes_in_general_are_no_transmission(text):
    assert not [v for a, v in specs(text) if a == "transmission"]


@pytest.mark.parametrize("text", [
    "Later an electric model can take over from it in the US.",
    "An electric sports car is likely to take its place.",
])
def test_powertrain_of_an_unnamed_successor_is_not_the_models(text):
    assert not [v for a, v in specs(text) if a == "powertrain"]


def test_minus_a_feature_is_not_having_it():
    got = find_specs(Sentence("It arrives here minus a turbo.", 0, 30, 0))
    assert [(f.value, f.negated) for f in got if f.attribute == "aspiration"] == [("turbo", True)]


def test_normally_aspirated_is_naturally_aspirated():
    assert ("aspiration", "naturally-aspirated") in specs("One version is normally aspirated.")


@pytest.mark.parametrize("text", [
    "The new engine substitutes for the naturally aspirated V10.",
    "It arrives in place of the naturally aspirated unit.",
])
def test_what_a_new_engine_substitutes_for_is_not_the_models(text):
    assert ("aspiration", "naturally-aspirated") not in specs(text)


@pytest.mark.parametrize("text", [
    "Body type: four-door saloon",
    "It is dressed as an everyday ol' four-door saloon.",
])
def test_body_style_after_a_label_or_a_quirky_determiner(text):
    assert ("body_style", "sedan") in specs(text)


def test_minus_the_choice_of_a_turbo_is_a_negated_turbo():
    got = [(f.value, f.negated) for f in find_specs(Sentence("It arrives minus the choice of turbo power.", 0, 43, 0))
           if f.attribute == "aspiration"]
    assert got == [("turbo", True)]


@pytest.mark.parametrize("text, expected", [
    ("The 1.0 three-pot petrol stays.", ("cylinders", 3)),
    ("It sends 590 hp through both axles.", ("drivetrain", "awd")),
    ("A dual-motor version tops the range.", ("drivetrain", "awd")),
    ("Its rear-wheel-driven chassis is praised.", ("drivetrain", "rwd")),
    ("The estate comes with front- or all-wheel drive.", ("drivetrain", "fwd")),
    ("It comes in rear- and all-wheel-drive forms.", ("drivetrain", "rwd")),
])
def test_more_layout_and_drive_phrasings(text, expected):
    assert expected in specs(text)


@pytest.mark.parametrize("text, expected", [
    ("Both engines use a twin-scroll turbocharger.", ("aspiration", "turbo")),
    ("Its power comes from a 1.5-litre petrol unit.", ("powertrain", "ice")),
    ("It replaces its 710bhp, 212mph coupé.", ("body_style", "coupe")),
    ("Under the bonnet sits a 3.0-litre turbodiesel V6.", ("aspiration", "turbo")),
])
def test_more_engine_and_body_phrasings(text, expected):
    assert expected in specs(text)


def test_electric_hardware_is_not_an_ev():
    assert ("powertrain", "ev") not in specs("It makes 800hp before the electric hardware is added.")


def test_a_liftback_is_a_hatchback():
    assert ("body_style", "hatchback") in specs("It is a five-door liftback.")


def test_a_six_speed_stick_is_a_manual():
    assert ("transmission", "manual") in specs("A six-speed stick is available.")


@pytest.mark.parametrize("text, spans, expected", [
    ("Buyers of the Kona Electric get a heat pump.", [(14, 27)], {("powertrain", "ev")}),
    ("Dealers will stock the Bolt EV next year.", [(23, 30)], {("powertrain", "ev")}),
    ("The Acme Volt EV platform underpins it.", [(4, 16)], set()),  # a platform, not a car
])
def test_a_powertrain_word_that_ends_a_models_name(text, spans, expected):
    found = {(f.attribute, f.value) for f in find_specs(Sentence(text, 0, len(text), 0), spans)}
    assert {x for x in found if x[0] == "powertrain"} == expected


def test_a_plural_body_word_in_an_apposition_to_a_pair_of_models():
    text = "The newcomers are the Acme Alpha and the Acme Beta, a pair of compact SUVs for families."
    spans = [(22, 32), (41, 50)]
    found = {(f.attribute, f.value) for f in find_specs(Sentence(text, 0, len(text), 0), spans)}
    assert ("body_style", "suv") in found
