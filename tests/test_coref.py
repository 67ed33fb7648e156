"""Reference resolution: which model "the car", an edition name or a sentence naming no model is about."""
import pytest

from autodossier.extract import annotate, extract
from autodossier.ingest.document import Document


def _facts(text: str, title: str | None = None) -> set:
    doc = Document(doc="t", text=text, title=title, date="2025-06-15")
    return {(c.subject, c.attribute, c.value) for c in extract(doc)}


def test_the_car_after_a_passing_mention_is_the_title_model():
    text = ("Toyota will launch the Hilux in India next month. "
            "The Fortuner's 2.8-litre diesel will power the Hilux as well. "
            "The car will have 204 hp.")
    got = _facts(text, title="Toyota Hilux coming to India")
    assert ("Toyota Hilux", "power_hp", 204) in got
    assert ("Toyota Fortuner", "power_hp", 204) not in got


def test_without_a_title_the_car_stays_with_the_last_topic():
    text = ("Toyota will launch the Hilux in India next month. "
            "The Fortuner's 2.8-litre diesel will power the Hilux as well. "
            "The car will have 204 hp.")
    got = _facts(text)
    assert ("Toyota Fortuner", "power_hp", 204) in got or ("Toyota Hilux", "power_hp", 204) in got


def test_a_new_edition_name_belongs_to_the_model_named_with_it():
    text = ("The Hyundai Ioniq 5 is a hatchback with 320 hp. "
            "In Launch Edition form, the Kia EV6 is priced at $60,000.")
    got = _facts(text)
    assert ("Kia EV6", "price", 60000) in got
    assert ("Hyundai Ioniq 5", "price", 60000) not in got


@pytest.mark.parametrize("cue", ["Aimed squarely at the", "In the mould of the", "Targeting the",
                                 "To take on the"])
def test_a_rival_named_in_a_targeting_phrase_is_not_the_subject(cue):
    text = f"Renault is readying the Alpine A110. {cue} Porsche Cayman, the newcomer makes 300 hp."
    got = _facts(text)
    assert ("Alpine A110", "power_hp", 300) in got or ("Renault Alpine", "power_hp", 300) in got
    assert ("Porsche Cayman", "power_hp", 300) not in got


def test_the_newcomer_refers_to_the_article_topic():
    art = annotate(Document(doc="t", text="Mazda has revealed the CX-80. The newcomer seats seven.",
                            date="2025-06-15"))
    subjects = [m.subject for m in art.mentions[1]]
    assert "Mazda CX-80" in subjects


def test_without_a_title_model_the_most_named_model_stays_the_topic():
    text = ("Renault is readying the Alpine A110. The Alpine A110 is due in 2017. "
            "The Lotus Exige lends its body panels as camouflage. The newcomer makes 300 hp.")
    got = _facts(text, title="Spy photos of the month")
    assert ("Alpine A110", "power_hp", 300) in got or ("Renault Alpine", "power_hp", 300) in got
    assert ("Lotus Exige", "power_hp", 300) not in got


def test_its_after_a_make_refers_to_that_makes_model():
    text = ("The Lucid Air goes on sale in May. "
            "It beats the Tesla Model S, which has a 100kWh battery. "
            "According to Lucid, its battery holds 113kWh.")
    got = _facts(text)
    assert ("Lucid Air", "battery_kwh", 113) in got
    assert ("Tesla Model S", "battery_kwh", 113) not in got


@pytest.mark.parametrize("phrase", ["the next-gen pickups", "the new trucks", "both models"])
def test_a_plural_reference_covers_the_models_the_title_names_together(phrase):
    text = ("The Chevrolet Silverado and GMC Sierra sell well. GM boss Mary Barra spoke at an investor event. "
            f"She said {phrase} will go on sale in 2026.")
    got = _facts(text, title="Chevrolet Silverado and GMC Sierra to get new V8 engines")
    assert ("Chevrolet Silverado", "on_sale", "2026") in got
    assert ("GMC Sierra", "on_sale", "2026") in got


@pytest.mark.parametrize("anaphor", ["It", "The car"])
def test_after_a_sentence_about_another_maker_it_is_not_the_earlier_model(anaphor):
    text = ("The Hyundai Venue got a new engine last week. "
            "Mahindra's veteran workhorse has been updated too. "
            f"{anaphor} has a 1.5-litre engine making 75 bhp.")
    got = _facts(text)
    assert ("Hyundai Venue", "power_hp", 75) not in got



@pytest.mark.parametrize("modifier", ["Bentley Bentayga-style", "Land Rover Defender-inspired"])
def test_a_model_used_as_a_compound_modifier_is_not_the_subject(modifier):
    text = f"Jaguar will follow the GT with a {modifier} luxury SUV making 600bhp."
    got = _facts(text)
    assert not any(s.startswith(("Bentley", "Land Rover")) for s, _, _ in got)


def test_models_given_as_examples_are_subjects_but_rivals_are_not():
    got = _facts("Nissan said larger models such as the Nissan Maxima and Nissan Murano have been discontinued.")
    assert ("Nissan Maxima", "lifecycle", "discontinued") in got
    got = _facts("The Kia EV3 arrives in May. It takes on rivals such as the Volvo EX30, which makes 268 hp.")
    assert ("Volvo EX30", "power_hp", 268) not in got or ("Kia EV3", "power_hp", 268) not in got


def test_a_sentence_led_by_another_maker_is_not_about_the_topic():
    text = ("The Toyota Wigo sold well last year. "
            "Suzuki, however, opted to beat Toyota by fitting a 1.2-litre engine with 90 horsepower.")
    got = _facts(text)
    assert ("Toyota Wigo", "power_hp", 90) not in got


def test_the_vehicle_to_be_named_x_is_x():
    text = ("Mahindra has gone with a new naming scheme, as it did with the Mahindra Scorpio. "
            "The vehicle is to be named KUV100 and will reach showrooms in March 2016.")
    got = _facts(text)
    assert ("Mahindra KUV100", "on_sale", "2016-03") in got
    assert ("Mahindra Scorpio", "on_sale", "2016-03") not in got


@pytest.mark.parametrize("opening", ["It may not be feasible", "It would be hard", "It is not clear whether"])
def test_an_impersonal_it_does_not_refer_to_the_last_model(opening):
    art = annotate(Document(doc="t", date="2025-06-15",
                            text=f"The BMW XM will use the same powertrain. {opening} to build an electric version."))
    assert not any(m.kind == "anaphor" for m in art.mentions[1])


@pytest.mark.parametrize("which, owner, other", [("latter", "Kia EV6", "Hyundai Ioniq 5"),
                                                 ("former", "Hyundai Ioniq 5", "Kia EV6")])
def test_the_latter_and_the_former_pick_from_the_models_just_named(which, owner, other):
    text = f"Hyundai showed the Hyundai Ioniq 5 next to the Kia EV6. The {which} makes 320 hp."
    got = _facts(text)
    assert (owner, "power_hp", 320) in got
    assert (other, "power_hp", 320) not in got


@pytest.mark.parametrize("opening", ["After the delays that beset its Toyota bZ4X twin",
                                     "Joining the Toyota bZ4X and Subaru Solterra",
                                     "Unlike the Toyota bZ4X"])
def test_models_in_an_opening_clause_are_not_the_sentence_focus(opening):
    art = annotate(Document(doc="t", date="2025-06-15",
                            text=f"{opening}, the Lexus RZ will reach Australia in 2025."))
    assert art.focus[0].subject == "Lexus RZ"


def test_a_model_the_text_goes_on_to_describe_keeps_the_topic_over_the_title_model():
    text = ("The Audi R8 will return in 2027. "
            "Last year Lamborghini launched the Lamborghini Temerario, which swapped the V10 for a hybrid V8. "
            "This yields a system capable of 677kW.")
    got = _facts(text, title="Audi R8 to return as a hybrid")
    assert any(s == "Lamborghini Temerario" and a == "power_hp" for s, a, _ in got)
    assert not any(s == "Audi R8" and a == "power_hp" for s, a, _ in got)


def test_models_a_new_one_will_sit_beneath_are_not_what_is_planned():
    got = _facts("Honda is working on a concept to revive the badge, which would sit below the Honda Civic "
                 "and Honda HR-V.")
    assert not any(s in ("Honda Civic", "Honda HR-V") and a == "lifecycle" for s, a, _ in got)


def test_a_figure_neither_rival_can_match_is_not_theirs():
    text = ("The Kia EV3 offers something that neither the Tesla Model 3 nor the Polestar 2 can match: "
            "a price of $30,000.")
    got = _facts(text)
    assert not any(s in ("Tesla Model 3", "Polestar 2") and a == "price" for s, a, _ in got)


def test_after_a_whereas_clause_the_models_of_the_main_clause_are_its_focus():
    text = ("Whereas the Honda City is now built at another plant, models such as the Honda Civic and "
            "Honda Accord have been discontinued in India.")
    got = _facts(text)
    assert any(s == "Honda Civic" and a == "market" for s, a, _ in got)
    assert not any(s == "Honda City" and a == "market" for s, a, _ in got)


def test_the_models_are_the_two_the_sentence_before_named():
    text = ("Kia said on Monday it will shut its old plant. The plant had been building the Kia Rio and Kia Ceed. "
            "As the models are discontinued this month, the plant will close.")
    got = _facts(text)
    assert ("Kia Ceed", "lifecycle", "discontinued") in got
    assert ("Kia Rio", "lifecycle", "discontinued") in got


@pytest.mark.parametrize("turn", [
    "Beyond the Genesis GV90, the Genesis GV80 facelift is due in October.",
    "Beyond the Genesis GV90, the magazine says the Genesis GV80 facelift is due in October.",
])
def test_after_an_opening_clause_turns_to_another_model_the_text_stays_with_it(turn):
    text = ("The Genesis GV90 is a large electric SUV. " + turn +
            " The first cars should arrive in Australian showrooms early next year.")
    got = _facts(text, title="Genesis GV90 electric SUV set for 2026")
    assert ("Genesis GV80", "market", "AU") in got
    assert ("Genesis GV90", "market", "AU") not in got


def test_a_model_something_differs_from_does_not_own_its_figures():
    text = "The Ferrari 849 has a new engine. Its V8 uses a crank design that differs from the Ferrari SF90's."
    got = _facts(text)
    assert not any(s == "Ferrari SF90" and a == "cylinders" for s, a, _ in got)


def test_the_trim_versions_are_the_two_models_just_named():
    text = ("The next Alfa Romeo Giulia and Alfa Romeo Stelvio will be electric. "
            "What's more, word is that the Quadrifoglio versions could approach 900 PS.")
    got = {s for s, a, _ in _facts(text) if a == "power_hp"}
    assert {"Alfa Romeo Giulia", "Alfa Romeo Stelvio"} <= got


def test_two_of_its_cars_are_the_pair_just_named():
    text = ("The Polestar 3 and Polestar 4 are new. "
            "Polestar said that customers in Sweden can now order two of its fully electric family cars.")
    got = _facts(text, title="Polestar 3 and Polestar 4 go on sale in Sweden")
    assert ("Polestar 3", "market", "SE") in got and ("Polestar 4", "market", "SE") in got
    assert ("Polestar 4", "powertrain", "ev") in got
