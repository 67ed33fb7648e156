"""Relation cues (shares platform / engine with, replaces) in the phrasings writers use."""
import pytest

from extract_helpers import claims_of, facts


@pytest.mark.parametrize("text, subject, attribute, partner", [
    ("The Skoda Elroq is built on the basis of the roomy Volkswagen ID.4.",
     "Skoda Elroq", "shares_platform_with", "Volkswagen ID.4"),
    ("The Cupra Born is essentially a twin of the battery-electric (BEV) Volkswagen ID.3.",
     "Cupra Born", "shares_platform_with", "Volkswagen ID.3"),
    ("The Audi A3 will be a sister model to the upcoming electric Volkswagen Golf.",
     "Audi A3", "shares_platform_with", "Volkswagen Golf"),
    ("The Subaru Solterra is expected to be a close relative of the Toyota bZ4X.",
     "Subaru Solterra", "shares_platform_with", "Toyota bZ4X"),
    ("Delays that beset its Toyota bZ4X twin are over, and the Subaru Solterra arrives in May.",
     "Subaru Solterra", "shares_platform_with", "Toyota bZ4X"),
    ("The Subaru BRZ, a car developed alongside the Toyota GR86, stays on sale.",
     "Subaru BRZ", "shares_platform_with", "Toyota GR86"),
    ("The Seat Ateca, whose underpinnings were shared with the Skoda Karoq, is gone.",
     "Seat Ateca", "shares_platform_with", "Skoda Karoq"),
    ("The Proton Perdana uses the architecture and engines of the Honda Accord.",
     "Proton Perdana", "shares_platform_with", "Honda Accord"),
    ("The Proton Perdana uses the architecture and engines of the Honda Accord.",
     "Proton Perdana", "shares_engine_with", "Honda Accord"),
    ("The Kia Stonic uses the Kia Rio as its basis.",
     "Kia Stonic", "shares_platform_with", "Kia Rio"),
    ("The Audi R8 GT looks new, but underneath it is essentially the current Lamborghini Huracan.",
     "Audi R8", "shares_platform_with", "Lamborghini Huracan"),
    ("The Lamborghini Temerario was introduced as the Huracan's replacement.",
     "Lamborghini Temerario", "replaces", "Lamborghini Huracan"),
    ("The Lamborghini Revuelto takes the V12 engine from the range-topping Lamborghini Aventador.",
     "Lamborghini Revuelto", "shares_engine_with", "Lamborghini Aventador"),
    ("The Lexus LM is the Toyota Alphard's sister car.", "Lexus LM", "shares_platform_with", "Toyota Alphard"),
    ("The Cupra Born rides on the Volkswagen ID.3's MEB platform.",
     "Cupra Born", "shares_platform_with", "Volkswagen ID.3"),
    ("The Toyota GR Corolla borrows the Toyota GR Yaris's three-cylinder engine.",
     "Toyota GR Corolla", "shares_engine_with", "Toyota GR Yaris"),
    ("The Perodua Myvi gets a 1.3-litre unit found in the Perodua Bezza.",
     "Perodua Myvi", "shares_engine_with", "Perodua Bezza"),
    ("The Lamborghini Revuelto replaced the Lamborghini Aventador in 2023.",
     "Lamborghini Revuelto", "replaces", "Lamborghini Aventador"),
    ("The Toyota Yaris is new; its predecessor, the Toyota Vitz, was sold for years.",
     "Toyota Yaris", "replaces", "Toyota Vitz"),
])
def test_relation_phrasings(text, subject, attribute, partner):
    assert (subject, attribute, partner) in facts(text)


@pytest.mark.parametrize("text", [
    "The Infiniti QX60 is new, and using the Nissan Pathfinder as a starting point seems odd.",
    "A coupe version of the Genesis GV80, in the vein of the Audi Q8, arrives next year.",
])
def test_weak_relation_cues_name_no_relation(text):
    assert not [f for f in facts(text) if f[1] == "shares_platform_with"]


def test_a_shared_engine_keeps_only_the_figures_before_its_partner():
    got = facts("The Proton Perdana uses the architecture and engines of the Honda Accord, "
                "and will get a new 2.0-litre turbocharged engine.")
    assert ("Honda Accord", "displacement_l", 2) not in got and ("Honda Accord", "displacement_l", 2.0) not in got


def test_a_platform_derived_from_anothers_is_not_shared():
    got = facts("The Audi Q6 e-tron is new. Derived from the J9 platform that underpins the Porsche Taycan, "
                "the PPE architecture is meant for large models.")
    assert ("Audi Q6 e-tron", "shares_platform_with", "Porsche Taycan") not in got


def test_a_replaced_by_is_not_the_subject_replacing():
    assert ("Lamborghini Huracan", "replaces", "Lamborghini Temerario") not in facts(
        "The Lamborghini Huracan was replaced by the Lamborghini Temerario.")


def test_an_engine_set_aside_as_unrelated_is_a_negated_share():
    got = {(c.subject, c.attribute, c.value, bool(c.negated)) for c in claims_of(
        "The Lamborghini Temerario is new. Unrelated to the V8 found in the Lamborghini Urus, its engine is light.")}
    assert ("Lamborghini Temerario", "shares_engine_with", "Lamborghini Urus", True) in got


def test_a_share_after_an_unlike_phrase_stands():
    got = {(c.subject, c.attribute, c.value, bool(c.negated)) for c in claims_of(
        "Unlike its predecessor, the Audi A3 shares its platform with the Volkswagen Golf.")}
    assert ("Audi A3", "shares_platform_with", "Volkswagen Golf", False) in got


@pytest.mark.parametrize("text, subject, attribute, partner", [
    ("The Toyota bZ4X is twinned with the Subaru Solterra.", "Toyota bZ4X", "shares_platform_with", "Subaru Solterra"),
    ("The Mercedes-Benz Citan is a re-badged Renault Kangoo.",
     "Mercedes-Benz Citan", "shares_platform_with", "Renault Kangoo"),
    ("The Honda Prelude will take the place of the Honda Civic in the line-up.", "Honda Prelude", "replaces", "Honda Civic"),
    ("The Cupra Formentor is powered by the Audi RS3's 2.5-litre five-cylinder engine.",
     "Cupra Formentor", "shares_engine_with", "Audi RS3"),
    ("The Lamborghini Temerario, the Lamborghini Huracan's successor, makes 907hp.",
     "Lamborghini Temerario", "replaces", "Lamborghini Huracan"),
    ("The Lexus LM, the Toyota Alphard's posh twin, arrives in May.", "Lexus LM", "shares_platform_with", "Toyota Alphard"),
])
def test_more_relation_phrasings(text, subject, attribute, partner):
    assert (subject, attribute, partner) in facts(text)


def test_an_engine_that_will_go_into_other_models_is_shared_with_them():
    got = facts("Sources say the 1.6-litre engine from the Toyota GR Yaris will go into the next Subaru BRZ "
                "and Toyota GR86.")
    assert ("Subaru BRZ", "shares_engine_with", "Toyota GR Yaris") in got
    assert ("Toyota GR86", "shares_engine_with", "Toyota GR Yaris") in got


def test_a_turbo_diesel_of_one_model_expected_to_power_another():
    got = facts("The 2.0-litre turbo-diesel of the Ford Everest is expected to power the Ford Ranger as well.")
    assert ("Ford Ranger", "shares_engine_with", "Ford Everest") in got


def test_based_on_another_models_engine():
    got = facts("The Toyota Prado could be based on the Toyota Land Cruiser 300 Series' 3.3-litre V6.")
    assert ("Toyota Land Cruiser Prado", "shares_engine_with", "Toyota Land Cruiser") in got


def test_based_on_another_models_engine_is_no_platform_share():
    got = facts("The Mazda CX-60 could be based on the Mazda CX-90's 3.3-litre V6.")
    assert ("Mazda CX-60", "shares_engine_with", "Mazda CX-90") in got
    assert ("Mazda CX-60", "shares_platform_with", "Mazda CX-90") not in got


def test_a_relative_clause_about_an_unnamed_model_gives_no_relation():
    got = facts("The Fiat 500X arrives early next year, and a roadster will follow at year's end, which is "
                "expected to be a twin of the Toyota GR86.")
    assert ("Fiat 500X", "shares_platform_with", "Toyota GR86") not in got


def test_a_relative_clause_right_after_a_model_is_about_it():
    got = facts("The Proton Perdana, which currently uses the platform of the Honda Accord, gets a new engine.")
    assert ("Proton Perdana", "shares_platform_with", "Honda Accord") in got


@pytest.mark.parametrize("text, subject, partner", [
    ("The Lamborghini Huracan was replaced by the Lamborghini Temerario.", "Lamborghini Temerario", "Lamborghini Huracan"),
    ("Ford will not replace the Ford Focus directly; its place in the range will be taken by the Ford Puma.",
     "Ford Puma", "Ford Focus"),
])
def test_a_replacement_in_the_passive(text, subject, partner):
    got = facts(text)
    assert (subject, "replaces", partner) in got and (partner, "replaces", subject) not in got

