import pytest

from autodossier.extract import extract
from autodossier.extract.mentions import find_mentions
from autodossier.ingest.document import Document


def subjects(text, makes=()):
    return [(m.subject, m.variant) for m in find_mentions(text, 0, set(makes))]


@pytest.mark.parametrize("text, subject", [
    ("The Ford Mustang returns.", "Ford Mustang"),
    ("We drove the new Nissan Z last week.", "Nissan Z"),
    ("Honda's updated CR-V arrives soon.", "Honda CR-V"),
    ("The Q50 will return.", "Infiniti Q50"),
    ("A facelifted RAV4 is due.", "Toyota RAV4"),
])
def test_finds_makes_and_models(text, subject):
    assert subject in [s for s, _ in subjects(text)]


def test_suffix_designation_maps_to_line_with_variant():
    assert ("Infiniti Q50", "Q50S") in subjects("It will be designated the Q50S.")


def test_trim_after_model_is_variant():
    assert ("Infiniti QX80", "Track Spec") in subjects("The Infiniti QX80 Track Spec concept is huge.")


def test_ordinary_word_model_needs_its_make_in_the_article():
    text = "Sold in the US as the Armada, it gets a V8."
    assert ("Nissan Armada", None) in subjects(text, makes={"Nissan"})
    assert not any(s == "Nissan Armada" for s, _ in subjects(text))


@pytest.mark.parametrize("text", [
    "Focus on the road ahead, the designer said.",
    "The journey took twelve hours.",
    "An edge case in the law.",
])
def test_common_words_are_not_models(text):
    assert subjects(text) == []


def test_generation_before_model():
    [m] = [m for m in find_mentions("The second-generation Q50 arrives.", 0, set()) if m.model]
    assert m.generation == 2


@pytest.mark.parametrize("text, expected", [
    ("Tesla's sales in Europe fell sharply.", [("Tesla", None)]),
    ("Tesla’s deliveries rose.", [("Tesla", None)]),
    ("Tesla's Model Y sold well.", [("Tesla", None), ("Tesla Model Y", None)]),
])
def test_possessive_s_names_no_model(text, expected):
    assert subjects(text, ["Tesla"]) == expected


@pytest.mark.parametrize("text, makes", [
    ("Kerb weight: 2,200kg", ()),
    ("It weighs 1,300kg with a full tank.", ()),
])
def test_numbers_glued_to_units_are_never_models(text, makes):
    assert subjects(text, makes) == []


@pytest.mark.parametrize("text, makes, absent", [
    ("Internally known as the G90, the sedan replaces the F90.", {"BMW"}, "Genesis G90"),
    ("At 2,400kg, the G80 wagon is heavy.", {"BMW"}, "Genesis G80"),
])
def test_chassis_codes_are_not_another_makes_model(text, makes, absent):
    assert absent not in [s for s, _ in subjects(text, makes)]


@pytest.mark.parametrize("text, makes, subject", [
    ("The G90 is a large luxury sedan.", {"Genesis"}, "Genesis G90"),
    ("The G90 is a large luxury sedan.", set(), "Genesis G90"),
])
def test_designations_of_named_makes_still_count(text, makes, subject):
    assert subject in [s for s, _ in subjects(text, makes)]


def test_a_model_the_title_names_is_found_bare_in_the_text():
    doc = Document(doc="t", title="The 217mph Lamborghini Zorvane revealed", date="2025-06-15",
                   text="Lamborghini has shown a new hybrid. The Zorvane makes 808 bhp.")
    got = {(c.subject, c.attribute, c.value) for c in extract(doc)}
    assert ("Lamborghini Zorvane", "power_hp", 808) in got


@pytest.mark.parametrize("text, makes, subject", [
    ("Later, the Swift gets a hybrid.", {"Suzuki"}, "Suzuki Swift"),
    ("Buyers still like the Up for its size.", {"Volkswagen"}, "Volkswagen Up"),
])
def test_a_common_word_name_spelled_several_ways_resolves_once_its_make_is_named(text, makes, subject):
    assert subject in [s for s, _ in subjects(text, makes)]


@pytest.mark.parametrize("text, absent", [
    ("Makers on sale there include Chirey, JAC and Changan.", "Chirey JAC"),
    ("Rivals such as BAIC, JMC and Geely are growing fast.", "BAIC JMC"),
])
def test_a_comma_after_a_make_ends_its_mention(text, absent):
    got = [s for s, _ in subjects(text)]
    assert absent not in got
    assert absent.split()[0] in got


@pytest.mark.parametrize("text, expected", [
    ("A Toyota TRD Corolla is coming.", ("Toyota Corolla", "TRD")),
    ("A Nissan NISMO Z was shown.", ("Nissan Z", "NISMO")),
])
def test_a_badge_between_a_make_and_its_line_is_the_lines_variant(text, expected):
    assert expected in subjects(text)


def test_a_designation_followed_by_variant_is_no_model():
    text = "Mazda updated its range. The Mazda 3 gained a new SP25 variant with a 2.5-litre engine."
    claims = extract(Document(doc="t", text=text, date="2025-06-15"))
    assert {c.subject for c in claims if c.attribute == "displacement_l"} == {"Mazda 3"}


def test_a_common_word_name_of_the_make_the_sentence_just_named_is_that_model():
    got = [s for s, _ in subjects("The plant built the Chevrolet Trax SUV and Malibu sedan.")]
    assert "Chevrolet Malibu" in got


@pytest.mark.parametrize("text, subject", [
    ("The new Range Rover Sport is here.", "Land Rover Range Rover Sport"),
    ("It rivals the forthcoming battery-powered Range Rover.", "Land Rover Range Rover"),
])
def test_a_name_of_several_capitalised_words_needs_no_make(text, subject):
    assert subject in [s for s, _ in subjects(text)]


@pytest.mark.parametrize("text", [
    "Jane Doe, Executive Vice President, Acura National Sales, told us the car sold well.",
    "Kia Marketing Director John Smith spoke.",
])
def test_a_department_or_title_after_a_make_is_no_model(text):
    assert all(s in ("Acura", "Kia") for s, _ in subjects(text))
