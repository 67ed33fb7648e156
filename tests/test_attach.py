"""The learned attachment layer and the real-text behaviours added with it (issue 9)."""
import json
from importlib import resources

import pytest

from autodossier.extract import annotate
from autodossier.extract.assemble import to_claims
from autodossier.extract.attach import FAMILY, candidates, decide, load_model, probability
from autodossier.extract.debris import debris_lines
from autodossier.extract.mentions import find_mentions
from autodossier.ingest.document import Document
from extract_helpers import claims_of, facts


def _doc(text, title=None):
    return Document(doc="t", text=text, date="2025-06-15", title=title)


def test_shipped_model_is_a_logistic_model_over_known_features():
    model = load_model()
    assert model is not None
    assert 0 < model["threshold"] < 1 and 0 < model["rule_threshold"] < 1
    assert model["weights"]["rule"] > 0  # the rules' own choice is evidence for a subject
    families = {"fam_" + f for f in FAMILY.values()}
    assert any(name in families for name in model["weights"])


@pytest.mark.parametrize("bias, expected", [(0.0, 0.5), (30.0, 1.0), (-30.0, 0.0)])
def test_probability_is_logistic_in_the_bias(bias, expected):
    assert probability({"weights": {}, "bias": bias}, {"rule": 1.0}) == pytest.approx(expected, abs=1e-6)


def test_without_a_model_the_rules_decide_alone():
    art = annotate(_doc("The Nissan Z makes 400 hp."))
    assert decide(art, None) == art.proposals


def test_a_model_that_refuses_everything_keeps_only_relations():
    art = annotate(_doc("The Infiniti Q50 shares its platform with the Nissan Skyline and makes 400 hp."))
    refuse = {"weights": {}, "bias": -30.0, "threshold": 0.5, "rule_threshold": 0.5}
    kept = to_claims(art, decide(art, refuse))
    assert {c.attribute for c in kept} == {"shares_platform_with"}


def test_title_models_are_candidates_with_the_title_feature():
    art = annotate(_doc("The new car makes 300 hp. Toyota also sells the Corolla.", title="Toyota Supra revealed"))
    subjects = {(c.subject.subject, c.features.get("title")) for c in candidates(art)
                if c.finding.attribute == "power_hp"}
    assert ("Toyota GR Supra", 1.0) in subjects or ("Toyota Supra", 1.0) in subjects


def test_every_candidate_value_comes_from_a_finding_of_its_sentence():
    art = annotate(_doc("The Kia EV3 has a 81.4 kWh battery. The Hyundai Kona is cheaper at $30,000."))
    for c in candidates(art):
        assert c.finding.sentence == c.sentence_index


@pytest.mark.parametrize("sentence, subject", [
    ("The vehicles concerned are the Dodge Stealth and the Chrysler Airflow.", "Dodge Stealth"),
    ("The Mahindra Marazzo EV gets a bigger battery.", "Mahindra Marazzo EV"),
    ("The Hyundai Casper Electric was launched.", "Hyundai Casper Electric"),
])
def test_unknown_models_are_recognised_by_shape_after_their_make(sentence, subject):
    assert subject in {m.subject for m in find_mentions(sentence, 0, set(), {})}


@pytest.mark.parametrize("sentence, subject", [
    ("The Maruti Dzire will launch next year.", "Suzuki Dzire"),
    ("The Chirey Tiggo 2 Pro sold well.", "Chirey Tiggo 2 Pro"),
    ("The Tata Tigor EV gets a bigger battery.", "Tata Tigor"),
])
def test_emerging_market_makes_and_models_are_known(sentence, subject):
    assert subject in {m.subject for m in find_mentions(sentence, 0, set(), {})}


@pytest.mark.parametrize("sentence", ["Toyota India said so.", "Hyundai Motor Group agreed.", "Ford Performance did it."])
def test_company_parts_and_places_after_a_make_are_not_models(sentence):
    assert all(m.model is None for m in find_mentions(sentence, 0, set(), {}))


def test_a_model_named_by_shape_is_found_again_when_named_alone():
    text = "Dodge has revealed the Dodge Stealth. The Stealth makes 500 hp."
    assert ("Dodge Stealth", "power_hp", 500) in facts(text)


def test_edition_name_after_a_model_is_kept_as_its_variant():
    claims = claims_of("The Infiniti Q50 Eau Rouge has 560 hp.")
    assert [(c.subject, c.variant) for c in claims if c.attribute == "power_hp"] == [("Infiniti Q50", "Eau Rouge")]


@pytest.mark.parametrize("text", [
    "Infiniti's consideration of bringing back a manual transmission for the Q50 is welcome.",
    "Rumour has it that the Infiniti Q50 could get a manual gearbox.",
    "The Infiniti Q50 could be offered with a manual.",
])
def test_manual_from_consideration_rumour_or_could_is_never_confirmed(text):
    statuses = {c.status for c in claims_of(text) if c.attribute == "transmission"}
    assert statuses and "confirmed" not in statuses


def test_will_not_be_offered_is_a_negation():
    claims = claims_of("The Kia EV3 will not be offered with a manual gearbox.")
    assert [(c.value, c.negated) for c in claims if c.attribute == "transmission"] == [("manual", True)]


@pytest.mark.parametrize("line", [
    "ADVERTISEMENT - Lease a new Ford Bronco", "Advertisement", "Lease a new Ford Bronco",
    "Shop new Ford Bronco deals near you",
])
def test_advertising_lines_are_debris(line):
    assert debris_lines(["The Supra is fast.", line, "It has a manual."]) == {1}


def test_advertising_never_sets_the_topic():
    text = "The Toyota Supra makes 382 hp.\nADVERTISEMENT - Lease a new Ford Bronco\nIt has a six-speed manual."
    subjects = {c.subject for c in claims_of(text)}
    assert "Ford Bronco" not in subjects


@pytest.mark.parametrize("text, region, negated", [
    ("The Lexus RX will reach South Africa in 2026, the brand has confirmed.", "ZA", False),
    ("In Malaysia, the Mazda CX-30 got a facelift.", "MY", False),
    ("Customers in Belgium and Sweden can now order the Zeekr X.", "SE", False),
    ("The Honda Civic has now been discontinued in India.", "IN", True),
])
def test_markets_from_common_phrasings(text, region, negated):
    markets = {(c.value, c.negated) for c in claims_of(text) if c.attribute == "market"}
    assert (region, negated) in markets


def test_first_deliveries_give_an_on_sale_date():
    claims = claims_of("Tesla said the first deliveries of the Tesla Cybertruck will happen in the second quarter of 2026.")
    assert ("on_sale", "2026-Q2") in {(c.attribute, c.value) for c in claims}


@pytest.mark.parametrize("text, status", [
    ("BMW began work on the next-generation BMW M5.", "confirmed"),
    ("The next-generation Infiniti Q50, if it makes it to production, would be a sport sedan.", "speculative"),
])
def test_next_generation_model_is_planned_with_the_sentence_hedge(text, status):
    planned = [c for c in claims_of(text) if c.attribute == "lifecycle" and c.value == "planned"]
    assert planned and planned[0].status == status


def test_body_word_in_plural_right_after_a_model_is_its_body():
    assert ("Tesla Model 3", "body_style", "sedan") in facts("Tesla started making Model 3 sedans in Shanghai.")


def test_another_outlets_word_is_reported():
    claims = claims_of("The outlet also says that the Toyota RAV4 will be offered with hybrid power.")
    assert {c.status for c in claims if c.attribute == "powertrain"} == {"reported"}


def test_shipped_weights_are_plain_json():
    text = resources.files("autodossier.data").joinpath("attach_model.json").read_text("utf-8")
    assert set(json.loads(text)) >= {"weights", "bias", "threshold", "rule_threshold"}


@pytest.mark.parametrize("text, value, unit", [
    ("The Kia Seltos costs Rs 19.65 lakh (ex-showroom, Mumbai).", 1965000, "INR"),
    ("The Lamborghini Huracan EVO is priced at Rs 3.22 crore.", 32200000, "INR"),
    ("The Kia EV6 carries an ex-showroom price of INR 61 lakh.", 6100000, "INR"),
    ("The Toyota Wigo had a P448,000 starting price.", 448000, "PHP"),
    ("The Zeekr X costs R919,735 in South Africa.", 919735, "ZAR"),
])
def test_prices_in_emerging_market_currencies(text, value, unit):
    prices = {(c.value, c.unit) for c in claims_of(text) if c.attribute == "price"}
    assert (value, unit) in prices


@pytest.mark.parametrize("text", ["The engine revs to 7,000 rpm at R 4.", "It has 300 Nm at P2 gear."])
def test_bare_letters_before_numbers_are_not_prices(text):
    assert not [c for c in claims_of(text) if c.attribute == "price"]


def test_brand_market_from_a_sentence_naming_makes_only():
    claims = claims_of("The Zeekr X is an SUV. Zeekr hopes to arrive in Denmark and Norway during 2024.")
    markets = {(c.subject, c.value, c.status) for c in claims if c.attribute == "market"}
    assert ("Zeekr", "DK", "expected") in markets and ("Zeekr", "NO", "expected") in markets


@pytest.mark.parametrize("text, attribute, pair", [
    ("Both the Chevrolet Silverado and GMC Sierra are going to share the new T1 platform.",
     "shares_platform_with", ("Chevrolet Silverado", "GMC Sierra")),
    ("The V10 engine shared by the Lamborghini Huracan and Audi R8 is gone.",
     "shares_engine_with", ("Lamborghini Huracan", "Audi R8")),
    ("The Toyota GR86 and Subaru BRZ, twin rear-drive coupes, may get hybrid power.",
     "shares_platform_with", ("Toyota GR86", "Subaru BRZ")),
])
def test_a_relation_stated_of_a_coordinated_pair_holds_both_ways(text, attribute, pair):
    got = {(c.subject, c.value) for c in claims_of(text) if c.attribute == attribute}
    assert pair in got and pair[::-1] in got


def test_a_relation_needs_two_named_models():
    assert not [c for c in claims_of("The Toyota GR86 will share a new platform.")
                if c.attribute == "shares_platform_with"]


@pytest.mark.parametrize("text, subject, value", [
    ("Tesla's overall tally came to 18,342 Model 3s and 44,127 Model Ys.", "Tesla Model Y", 44127),
    ("France's Renault managed to sell 95,412 Clios last year.", "Renault Clio", 95412),
    ("The Hyundai Tucson finished runner-up to the Toyota, with 39,205 sold.", "Hyundai Tucson", 39205),
])
def test_sales_figures_of_models_named_in_the_plural(text, subject, value):
    assert (subject, "sales_units", value) in facts(text)


def test_a_cited_sales_record_is_confirmed():
    claims = claims_of("According to the outlet, Renault managed to sell 95,412 Clios.")
    assert {c.status for c in claims if c.attribute == "sales_units"} == {"confirmed"}


@pytest.mark.parametrize("text, attribute, value", [
    ("Genesis is readying the Genesis GV90 for launch in 2025.", "on_sale", "2025"),
    ("Autocar reports the Alpine A390 is set to go into production in 2026.", "production_start", "2026"),
    ("The Audi TT, whose production finally came to an end last year, has a successor.", "production_end", "2024"),
])
def test_dated_events_in_common_phrasings(text, attribute, value):
    assert (attribute, value) in {(c.attribute, c.value) for c in claims_of(text, "2025-03-01")}


@pytest.mark.parametrize("text, subject", [
    ("Mahindra is launching its TUV300 next month. The TUV300 SUV has a 1.5-litre engine.", "Mahindra TUV300"),
    ("VinFast plans to introduce its compact crossover, the VF5, by early next year.", "VinFast VF5"),
    ("Hyundai has started teasing the Exter SUV, which launches in August.", "Hyundai Exter"),
])
def test_models_named_without_their_make_by_shape_and_context(text, subject):
    assert subject in {c.subject for c in claims_of(text)}


@pytest.mark.parametrize("text", [
    "BMW installed a V10 engine in the M5.", "Chevrolet is talking about the C8 generation of the Corvette.",
    "Mahindra has given the Bolero the BS6 treatment.", "Proton and Geely share the NE01 engine.",
])
def test_codes_engines_and_standards_are_not_bare_models(text):
    from autodossier.extract import annotate
    art = annotate(_doc(text))
    names = {m.model for ms in art.mentions.values() for m in ms if m.model}
    assert not names & {"V10", "C8", "BS6", "NE01"}


@pytest.mark.parametrize("text, expected", [
    ("The Hyundai Tucson and Kia Sportage crossovers already ride on it.",
     {("Hyundai Tucson", "crossover"), ("Kia Sportage", "crossover")}),
    ("The carmaker will concentrate on the Chevrolet Trailblazer compact SUV.", {("Chevrolet Trailblazer", "suv")}),
    ("The Ford Ranger, Isuzu D-Max and expected Mazda BT-50 utes are rivals.",
     {("Ford Ranger", "pickup"), ("Isuzu D-Max", "pickup"), ("Mazda BT-50", "pickup")}),
])
def test_body_word_after_a_model_or_a_list_of_models(text, expected):
    assert expected <= {(c.subject, c.value) for c in claims_of(text) if c.attribute == "body_style"}


@pytest.mark.parametrize("text, subject, value", [
    ("Audi is taking orders for a successor to its Audi TT, whose production finally came to an end last year.",
     "Audi TT", "discontinued"),
    ("The move follows the decision in September to drop the Chevrolet Spark.", "Chevrolet Spark", "discontinued"),
    ("There are rumors that Toyota will resurrect the Toyota Celica.", "Toyota Celica", "planned"),
    ("Tesla said that the Tesla Model S Standard Range will now not be produced.", "Tesla Model S", "cancelled"),
])
def test_lifecycle_from_event_phrasings(text, subject, value):
    assert (subject, "lifecycle", value) in facts(text)


def test_rules_give_roundup_figures_to_the_nearest_model():
    art = annotate(_doc("Honda gave a preview of its new Honda Jazz, while Skoda said its 1.0-litre "
                        "turbo Skoda Fabia is due soon."))
    proposed = {(p.subject.subject, p.finding.attribute) for p in art.proposals}
    assert ("Skoda Fabia", "displacement_l") in proposed
    assert ("Honda Jazz", "displacement_l") not in proposed


def test_an_engine_code_after_a_make_is_not_a_model():
    from autodossier.extract import annotate
    art = annotate(_doc("The Infiniti Q50 gets a VR30 twin-turbo engine."))
    assert "VR30" not in {m.model for ms in art.mentions.values() for m in ms}


@pytest.mark.parametrize("text", ["It uses the 2.7L TurboMax I4 gas engine.", "The Blackwing TTV8 LT7 is new."])
def test_engine_layouts_and_code_pairs_are_not_models(text):
    from autodossier.extract import annotate
    art = annotate(_doc("Chevrolet sells the Chevrolet Silverado. " + text))
    assert {m.subject for ms in art.mentions.values() for m in ms if m.model} == {"Chevrolet Silverado"}


@pytest.mark.parametrize("text, attribute, value, negated", [
    ("Six trim levels of the Ford Focus remain: Studio (from £13,995) and Style (£16,795).", "price", 16795, False),
    ("The Honda Civic has a 1.6-litre diesel mated to a 6-speed MT.", "transmission", "manual", False),
    ("The Volkswagen Golf R pairs its engine to a six-speed manual; there is no automatic.",
     "transmission", "automatic", True),
    ("The Chevrolet Bolt maxes out at 259 miles.", "range_km", 416.8, False),
    ("In October, Maruti Suzuki dispatched 17,832 units of the Suzuki Swift.", "sales_units", 17832, False),
])
def test_more_spec_price_and_sales_phrasings(text, attribute, value, negated):
    got = {(c.value, c.negated) for c in claims_of(text) if c.attribute == attribute}
    assert any((v == value or isinstance(v, float) and abs(v - value) < 0.5) and n == negated for v, n in got), got


def test_a_bracketed_amount_after_a_price_is_still_a_conversion():
    prices = [c.value for c in claims_of("The Kia EV3 is priced at 22,990 euros ($26,100).") if c.attribute == "price"]
    assert prices == [22990]


def test_news_of_a_reveal_is_dated_by_its_publication():
    claims = claims_of("Genesis has unveiled the Genesis GV60, a new crossover.", "2021-08-18")
    assert ("reveal", "2021-08") in {(c.attribute, c.value) for c in claims}


def test_a_dated_event_after_a_relation_partner_stays_with_the_model():
    text = ("Genesis has unveiled the Genesis GV70, which shares its platform with the Hyundai Tucson "
            "and Kia Sportage – German sales are expected to start in 2022.")
    art = annotate(Document(doc="t", text=text, date="2021-08-18"))
    proposed = {(p.subject.subject, p.finding.attribute) for p in art.proposals}
    assert ("Genesis GV70", "on_sale") in proposed and ("Kia Sportage", "on_sale") not in proposed


@pytest.mark.parametrize("text", [
    "For its entry powertrain, the new Toyota RAV4 is likely to hold on to its current 2.0-litre engine.",
    "The Nissan Navara Pro-4X, due to arrive later this year, uses the pickup's usual 2.3-litre turbo-diesel.",
])
def test_specs_of_what_exists_today_are_facts_in_a_hedged_sentence(text):
    statuses = {c.status for c in claims_of(text) if c.attribute == "displacement_l"}
    assert statuses == {"confirmed"}


@pytest.mark.parametrize("text", [
    "Pricing for the BYD Dolphin should be revealed in early November.",
    "The Nissan GT-R will bow out of production in 2025, Nissan has announced, with a T-spec version.",
    "In spite of problems with deliveries last year, the Ford Ranger beat its rivals.",
])
def test_statements_prices_and_generic_deliveries_are_no_dated_events(text):
    assert not [c for c in claims_of(text, "2021-08-18") if c.attribute in ("reveal", "on_sale")]


@pytest.mark.parametrize("text, attribute", [
    ("The Ford Ranger, Australia's best-selling vehicle, started from $36,880 plus on-road costs.", "sales_units"),
    ("The Renault Clio outsold the Peugeot 208 by 2,100 units last month.", "sales_units"),
    ("The Porsche Taycan can add 15 miles of range for each minute of fast-charging.", "range_km"),
    ("Data from the SMMT show 1.9 million new cars found buyers in Britain last year, up 18% on 2022.", "reveal"),
])
def test_money_differences_charge_rates_and_data_are_not_claims(text, attribute):
    assert not [c for c in claims_of(text) if c.attribute == attribute]


@pytest.mark.parametrize("text, pair", [
    ("In October, Maruti Suzuki dispatched 17,832 units of the Suzuki Swift.", ("Suzuki Swift", 17832)),
    ("BYD's sales came to 34,621 BYD Song Plus SUVs and 14,372 BYD Seal sedans.", ("BYD Seal", 14372)),
])
def test_sales_figures_bind_to_the_model_they_count(text, pair):
    assert pair in {(c.subject, c.value) for c in claims_of(text) if c.attribute == "sales_units"}


@pytest.mark.parametrize("text, attribute, value", [
    ("The Volkswagen Golf R. Weight: 1,508 kg", "curb_weight_kg", 1508),
    ("The Honda Civic gets a 1.5-litre with a seven-speed auto.", "transmission", "automatic"),
    ("The Alpine A110 sends drive to the rear wheels.", "drivetrain", "rwd"),
    ("The Ferrari SF90's 7.9-kWh battery gives 25 km of combined EV-only range.", "battery_kwh", 7.9),
    ("The Ferrari SF90's 7.9-kWh battery gives 25 km of combined EV-only range.", "range_km", 25),
])
def test_spec_rows_short_gearbox_words_rear_wheels_and_plug_in_figures(text, attribute, value):
    assert value in {c.value for c in claims_of(text) if c.attribute == attribute}


def test_an_engine_named_for_the_car_it_will_power_carries_its_figures_there():
    text = ("The 2.0-litre four-pot turbo-diesel of the updated Ford Everest is expected to power "
            "the Thai-spec Ford Ranger as well. Mated to the ten-speed auto, this engine makes 207 hp.")
    art = annotate(_doc(text))
    proposed = {(p.subject.subject, p.finding.attribute, p.status) for p in art.proposals}
    assert ("Ford Ranger", "displacement_l", "expected") in proposed
    # the engine exists in the Everest today: its figures are the Everest's as a fact
    assert ("Ford Everest", "displacement_l", "confirmed") in proposed
    assert ("Ford Ranger", "power_hp", "expected") in proposed


@pytest.mark.parametrize("sentence, absent", [
    ("The Mini Clubman and Mini Paceman now make up the 3rd and 4th models of the Mini range.", "4"),
    ("The MINI Roadster can be specified with the MINI Connected suite of features.", "Connected"),
])
def test_ordinals_and_participles_are_not_models(sentence, absent):
    assert absent not in {m.model for m in find_mentions(sentence, 0, {"MINI"}, {})}


def test_a_name_only_one_make_uses_is_its_model_before_a_body_word():
    assert ("Chevrolet Trax", "body_style", "suv") in facts("The factory had been building the company's Trax SUV.")


def test_a_relative_clause_event_is_about_the_model_it_follows():
    text = ("The next Mitsubishi Pajero Sport will be developed on the basis of the Mitsubishi Triton, which is "
            "already confirmed for a launch in the second half of 2025.")
    art = annotate(_doc(text))
    proposed = {(p.subject.subject, p.finding.attribute, p.finding.value) for p in art.proposals}
    assert ("Mitsubishi Triton", "on_sale", "2025-H2") in proposed


@pytest.mark.parametrize("text, attribute, value", [
    ("It also leaves the Mercedes-AMG C63 with a hefty 2,165kg kerb weight.", "curb_weight_kg", 2165),
    ("The BMW M5 gets an 18.6kWh battery, giving a handy 42-mile electric range.", "range_km", 67.59),
    ("The Vauxhall Corsa Electric costs £26,895, for which you get a 246-mile zero-emissions range.", "range_km", 395.9),
    ("Once production gets under way, likely in 2021, the Ineos Grenadier will be built in Wales.",
     "production_start", "2021"),
    ("A report says the future BMW M5 will land in 2024.", "on_sale", "2024"),
])
def test_weights_ranges_and_dates_in_more_phrasings(text, attribute, value):
    got = {c.value for c in claims_of(text) if c.attribute == attribute}
    assert any(v == value or isinstance(v, float) and abs(v - value) < 0.5 for v in got), got
