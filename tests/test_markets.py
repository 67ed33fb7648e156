"""The article's home market and the launches and local words that name it."""
from datetime import date

import pytest
from extract_helpers import facts

from autodossier.extract import extract
from autodossier.extract.lifecycle import find_lifecycle
from autodossier.extract.markets import Home, find_local_markets, home_market, launch_region
from autodossier.extract.pipeline import Sentence
from autodossier.ingest.document import Document


def _sentence(text: str) -> Sentence:
    return Sentence(text, 0, len(text), 0)


@pytest.mark.parametrize("title, text, outlet, code", [
    ("New hatch headed to Australia next year", "The car gets a new face.", None, "AU"),
    ("Compact SUV launched in India", "The car gets a new face.", None, "IN"),
    (None, "Volvo South Africa says the XC40 gets a new engine.", None, "ZA"),
    (None, "The sedan costs Rs 12.5 lakh before taxes.", None, "IN"),
    (None, "The sedan gets a bigger boot.", "Motoring Weekly (motoring.co.nz)", "NZ"),
])
def test_home_market_from_title_distributor_currency_and_domain(title, text, outlet, code):
    home = home_market(title, text, outlet)
    assert home is not None and home.code == code


def test_american_articles_have_no_home_market():
    assert home_market("Pickup goes on sale in the US this fall", "Ford USA confirmed it.") is None


def test_testing_location_in_a_title_is_not_stated_outright():
    home = home_market("Spy shots: new SUV caught testing in Sweden", "The prototype wore camouflage.")
    assert home is None or not home.strong


def test_a_pound_price_alone_does_not_state_the_home_outright():
    home = home_market(None, "The coupe should cost around £60,000 when it arrives.")
    assert home is not None and home.code == "GB" and not home.strong


@pytest.mark.parametrize("text, negated", [
    ("The wagon will reach local showrooms in March.", False),
    ("Only 20 examples are headed here.", False),
    ("The diesel is offered locally with a manual.", False),
    ("The hybrid will not be sold here.", True),
    ("The distributor chose to import the brand new Kia Sorento and Kia Carnival here.", False),
])
def test_local_words_name_the_home_market(text, negated):
    found = find_local_markets(_sentence(text), Home("AU", False))
    assert [(f.value, f.negated) for f in found] == [("AU", negated)]


def test_local_words_need_a_home_market():
    assert find_local_markets(_sentence("It will reach local showrooms in March."), None) == []


@pytest.mark.parametrize("text, home, region", [
    ("It goes on sale in India in May.", None, "IN"),
    ("Australian showroom arrivals follow in May.", Home("GB", True), "AU"),
    ("It reaches local dealers in May.", Home("ZA", False), "ZA"),
    ("Sales start in May.", Home("ZA", True), "ZA"),
    ("Sales start in May.", Home("ZA", False), None),
    ("It arrives as an import from Japan in May.", Home("MY", True), "MY"),
    ("Due in May, it will be built in Zaragoza, Spain.", None, None),
])
def test_launch_region(text, home, region):
    at = text.index("in May") if "arriv" not in text.lower() else text.lower().index("arriv")
    at = text.index("Due") if text.startswith("Due") else at
    assert launch_region(text, at, at + 3, home) == region


def test_a_launch_in_a_market_is_also_a_market_claim():
    got = find_lifecycle(_sentence("The Tucson goes on sale in Brazil in March 2026."), date(2025, 10, 1))
    assert ("on_sale", "2026-03", "BR") in [(f.attribute, f.value, f.region) for f in got]
    assert ("market", "BR") in [(f.attribute, f.value) for f in got]


def test_a_launch_that_will_not_happen_is_a_negated_market():
    got = find_lifecycle(_sentence("Toyota said the bZ4X would not arrive in Chile in 2024."), date(2023, 5, 1))
    assert {(f.attribute, f.negated) for f in got} >= {("on_sale", True), ("market", True)}


def test_local_launch_end_to_end():
    doc = Document(doc="t", title="Kia EV3 confirmed for Australia", date="2025-02-01",
                   text="Kia has confirmed the Kia EV3 will reach local showrooms in June.")
    got = {(c.subject, c.attribute, c.value) for c in extract(doc)}
    assert {("Kia EV3", "market", "AU"), ("Kia EV3", "on_sale", "2025-06")} <= got


def test_no_market_claim_without_a_home_or_a_named_country():
    assert not [f for f in facts("The Mazda CX-5 goes on sale in March.") if f[1] == "market"]


@pytest.mark.parametrize("text, code", [
    ("The Chinese brands now present in Chile include Haval and Changan.", "CL"),
    ("Two more brands plan to move into Peru's automotive market next year.", "PE"),
    ("Kia cut the prices of its EV6 and EV9 crossovers in Korea on Monday.", "KR"),
    ("Ford will bring the Ranger Raptor to Europe next year.", "EU"),
    ("The estate is expected on the Old Continent in late 2025.", "EU"),
    ("The hatch is expected in Japan next spring.", "JP"),
])
def test_presence_and_possessive_markets(text, code):
    from autodossier.extract.sales import find_sales
    assert code in [f.value for f in find_sales(_sentence(text), None) if f.attribute == "market"]


def test_a_market_the_model_has_left_is_only_negated():
    doc = Document(doc="t", date="2024-05-01", text=(
        "The Honda Jazz was launched in Thailand in 2019. "
        "The Honda Jazz has now been discontinued in Thailand."))
    got = {(c.subject, c.attribute, c.value, c.negated) for c in extract(doc) if c.attribute == "market"}
    assert ("Honda Jazz", "market", "TH", True) in got
    assert ("Honda Jazz", "market", "TH", False) not in got


def test_a_year_between_listed_regions_and_an_excepted_region():
    from autodossier.extract.sales import find_sales
    got = find_sales(_sentence("The wagon was withdrawn from sale in Germany in 2021, and in France in 2023."), None)
    assert {(f.value, f.negated) for f in got if f.attribute == "market"} == {("DE", True), ("FR", True)}
    got = find_sales(_sentence("It is sold in Japan and Korea, though not Australia."), None)
    assert {(f.value, f.negated) for f in got if f.attribute == "market"} == {("JP", False), ("KR", False),
                                                                              ("AU", True)}


def test_a_bracketed_aside_about_markets_is_the_preceding_models():
    got = facts("The Toyota GR86 may borrow the hybrid of the Toyota Crown (a model sold in Japan and Korea).")
    assert ("Toyota Crown", "market", "JP") in got
    assert ("Toyota GR86", "market", "JP") not in got


def test_a_makers_country_is_not_where_it_launches():
    text = "China's BYD will launch its cheapest model in Europe next month."
    at = text.index("launch")
    assert launch_region(text, at, at + 6, None) == "EU"


@pytest.mark.parametrize("text, code", [
    ("The pair of crossovers will open the marque's India innings.", "IN"),
    ("The hatch leads its European expansion.", "EU"),
    ("The crossover spearheads the brand's Brazil entry.", "BR"),
])
def test_market_entry_nouns(text, code):
    from autodossier.extract.sales import find_sales
    assert code in [f.value for f in find_sales(_sentence(text), None) if f.attribute == "market"]


def test_an_outlet_named_for_its_country_leans_the_home():
    home = home_market(None, "The hatch gets a new engine.", "Top Gear Philippines")
    assert home is not None and home.code == "PH" and not home.strong


@pytest.mark.parametrize("text", ["Full specifications are available here.", "Our video review is available here."])
def test_link_text_is_not_a_local_market(text):
    assert find_local_markets(_sentence(text), Home("AU", True)) == []


def test_a_makers_nationality_after_a_market_is_no_listed_region():
    from autodossier.extract.sales import find_sales
    got = find_sales(_sentence("Having said it would return to Australia, Korean carmaker Acme showed its range."), None)
    assert {f.value for f in got if f.attribute == "market"} == {"AU"}


def test_no_plans_to_bring_a_model_is_a_negated_market():
    from autodossier.extract.sales import find_sales
    got = find_sales(_sentence("There are no plans to bring the wagon to the US."), None)
    assert [(f.value, f.negated) for f in got if f.attribute == "market"] == [("US", True)]
