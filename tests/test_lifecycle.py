"""Dated events: which words name a launch, a reveal or the end of production, and which date they take."""
from datetime import date

import pytest

from autodossier.extract.lifecycle import find_lifecycle
from autodossier.extract.pipeline import Sentence

PUB = date(2024, 6, 12)


def _events(text: str, pub=PUB) -> set:
    return {(f.attribute, f.value, f.negated) for f in find_lifecycle(Sentence(text, 0, len(text), 0), pub)
            if f.attribute != "market"}


@pytest.mark.parametrize("text, event", [
    ("The van is due spring 2026.", ("on_sale", "2026", False)),
    ("Its arrival in showrooms last year lifted sales.", ("on_sale", "2023", False)),
    ("Retailers are gearing up, with sales getting under way in 2026.", ("on_sale", "2026", False)),
    ("The maker is looking to introduce the hatch by early next year.", ("on_sale", "2025-H1", False)),
    ("Honda brought the Jazz to the Thai market in 2009.", ("on_sale", "2009", False)),
    ("The coupe made its first appearance back in 2012.", ("reveal", "2012", False)),
    ("The roadster bows out of production next year.", ("production_end", "2025", False)),
    ("Ford will end Fiesta production in July 2023.", ("production_end", "2023-07", False)),
    ("Just 300 were made between 1990 and 1994.", ("production_start", "1990", False)),
    ("Just 300 were made between 1990 and 1994.", ("production_end", "1994", False)),
    ("The pickup goes on sale once the new engine lands, possibly by mid-2025.", ("on_sale", "2025", False)),
    ("A concept gave a preview of the car earlier this year.", ("reveal", "2024", False)),
    ("Insiders believe it will make its debut as a 2026 model by next summer.", ("reveal", "2025", False)),
    ("Last year the firm stopped building the hatch at its old plant, readying the site to make vans from 2026.",
     ("production_end", "2023", False)),
])
def test_event_phrasings(text, event):
    assert event in _events(text)


@pytest.mark.parametrize("text", [
    "Only the estate and the SUV stay on sale through 2025.",
    "The group unveiled a goal of building 200,000 cars in 2026.",
])
def test_not_events(text):
    assert not {e for e in _events(text) if e[0] in ("on_sale", "reveal")}


@pytest.mark.parametrize("text, event", [
    ("The wagon had been scheduled to debut in 2026, but the plan was shelved.", ("reveal", "2026", True)),
    ("Toyota confirmed the SUV would not arrive in 2023.", ("on_sale", "2023", True)),
    ("The coupe won't reach showrooms before 2027.", ("on_sale", "2027", False)),
])
def test_negated_events(text, event):
    assert event in _events(text)


def test_a_date_belongs_to_the_nearer_event_word():
    got = _events("Revealed last year, the entry version was originally due to enter production early in 2025.")
    assert ("reveal", "2023", False) in got
    assert not [e for e in got if e[0] == "reveal" and e[1] == "2025"]


def test_deliveries_of_two_models_take_the_date_after_both():
    got = _events("First deliveries of the 001 estate and the X crossover are scheduled for the autumn.")
    assert ("on_sale", "2024", False) in got


def test_on_sale_from_a_due_date_is_expected():
    [f] = [f for f in find_lifecycle(Sentence("The van: due June 2026", 0, 22, 0), PUB) if f.attribute == "on_sale"]
    assert f.status == "expected"


def _states(text: str) -> set:
    return {f.value for f in find_lifecycle(Sentence(text, 0, len(text), 0), PUB) if f.attribute == "lifecycle"}


@pytest.mark.parametrize("text, state", [
    ("The diesel variant is likely to be dropped from the range.", "discontinued"),
    ("Nissan has teased its soon-to-return pickup.", "planned"),
    ("A smaller crossover is also in the pipeline.", "planned"),
])
def test_lifecycle_phrasings(text, state):
    assert state in _states(text)


@pytest.mark.parametrize("text", [
    "Floods stopped production at the Chennai, India factory for days.",
    "Output was paused for equipment upgrades in December.",
    "We do not know when growth will return.",
    "The coupe was revived in 2008 and built in Canada ever since.",
    "The company is dropping the range's entry-level model before it went on sale.",
    "It may gain an engine that the hatch once offered but that was dropped last year.",
])
def test_not_lifecycle_states(text):
    assert not _states(text) & {"discontinued", "on-hold", "planned"}


@pytest.mark.parametrize("text", ["Growth hinges on what the upcoming Budget announces.",
                                  "Prices may rise in the forthcoming quarter."])
def test_upcoming_events_that_are_not_cars(text):
    assert "planned" not in _states(text)


def test_an_opening_participle_phrase_describes_the_main_subject():
    from extract_helpers import facts
    got = facts("Arriving in March, the Kia Sonet will take on the Hyundai Venue and the Nissan Magnite.")
    assert ("Kia Sonet", "on_sale", "2025-03") in got
    assert not [f for f in got if f[1] == "on_sale" and f[0] != "Kia Sonet"]


def test_an_opening_phrase_about_an_unknown_name_gives_its_launch_to_no_rival():
    from extract_helpers import facts
    got = facts("Arriving in March, the Zorblax Q9 will take on the Hyundai Venue and the Nissan Magnite.")
    assert not [f for f in got if f[1] in ("on_sale", "market")]


@pytest.mark.parametrize("text, status", [
    ("The carmaker is looking to introduce the hatch by early next year.", "expected"),
    ("The diesel arrives once the new generation lands, possibly by mid-2025.", "speculative"),
])
def test_event_status_from_intent_and_hedges(text, status):
    got = [f.status for f in find_lifecycle(Sentence(text, 0, len(text), 0), PUB) if f.attribute == "on_sale"]
    assert got and got[-1] == status


def test_a_date_far_past_a_model_year_is_not_the_reveal():
    got = _events("Mazda has finally revealed the 2025 CX-50 Hybrid, the first hybrid it will sell here since the "
                  "Tribute Hybrid left in 2011.")
    assert ("reveal", "2011", False) not in got


def test_survivors_named_after_a_retirement_stay_in_production():
    got = _states("With the two saloons being retired, only the SUVs and the estate stay on sale through 2025.")
    assert "in-production" in got and "discontinued" not in got


@pytest.mark.parametrize("text, event", [
    ("The hatch will touch down in Australia in March 2025.", ("on_sale", "2025-03", False)),
    ("Order books open in April.", ("on_sale", "2024-04", False)),
    ("The wagon hits showrooms in July.", ("on_sale", "2024-07", False)),
    ("The SUV was launched at the Geneva motor show in March 2019.", ("reveal", "2019-03", False)),
    ("BMW pulled the covers off the coupe in March 2023.", ("reveal", "2023-03", False)),
    ("The sedan will make its public bow in October.", ("reveal", "2024-10", False)),
    ("Production is scheduled to begin in May 2026.", ("production_start", "2026-05", False)),
    ("The production run ended in 2019.", ("production_end", "2019", False)),
    ("The hot version will show up around late 2025.", ("on_sale", "2025-H2", False)),
    ("In March the maker introduced its new hatch at a price of Rs 9 lakh.", ("on_sale", "2024-03", False)),
    ("The cabriolet will be born at September's Frankfurt show.", ("reveal", "2024-09", False)),
    ("Production of the new wagon starts in Ohio in 2026.", ("production_start", "2026", False)),
    ("It is due in dealerships by the end of 2025.", ("on_sale", "2025-12", False)),
    ("The last examples rolled off the line in March.", ("production_end", "2024-03", False)),
    ("Bookings for the hatch open on 15 August.", ("on_sale", "2024-08", False)),
])
def test_more_event_phrasings(text, event):
    assert event in _events(text)


def test_a_launch_at_a_show_is_not_a_sales_start():
    assert not [e for e in _events("The SUV was launched at the Geneva motor show in March 2019.") if e[0] == "on_sale"]


def test_an_opening_phrase_about_the_articles_own_model_keeps_it():
    from extract_helpers import facts
    text = ("The Peugeot 208 is a supermini. Having debuted at the Paris event, the 208 was a star of the "
            "2024 Paris motor show.")
    assert ("Peugeot 208", "reveal", "2024") in facts(text)


def test_arriving_for_a_model_year_dates_the_sales_start_as_a_model_year():
    text = "The SUV arrived for the 2021 model year, and a facelift came later."
    [f] = [f for f in find_lifecycle(Sentence(text, 0, len(text), 0), PUB) if f.attribute == "on_sale"]
    assert (f.value, f.qualifier_text) == ("2021", "model year")


def test_dates_listed_respectively_give_one_event_each():
    found = _events("The architecture will underpin the Alpha and Beta in their next-generation forms, "
                    "which are scheduled for 2027 and 2028 respectively.")
    assert {("on_sale", "2027", False), ("on_sale", "2028", False), ("lifecycle", "planned", False)} <= found


def test_introducing_an_unnamed_car_dates_no_launch_of_the_model():
    assert not {e for e in _events("The new era kicks off in 2026, when it introduces an electric GT car.")
                if e[0] == "on_sale"}


def test_a_launch_in_a_since_clause_takes_no_date_from_before_it():
    found = _events("In April, the SUV climbed to second place, its best showing since it was launched.")
    assert not {e for e in found if e[0] == "on_sale"}
