"""End to end: articles in, contract claims out; the seed quality gate; the extract command."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from extract_helpers import claims_of, facts
from typer.testing import CliRunner

from autodossier.cli import app

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"
# Floors of the seed quality gate (issue 2): a regression below these fails CI.
F1_FLOOR = 0.90
STATUS_TIER_FLOOR = 0.95
# The real dev set (../shared/corpus/dev, 30 real articles, independent gold) is the main gate.
# It reaches F1 0.892, tier 0.897 with the shipped attachment model (0.888 by 5-fold CV over its
# articles, scripts/train_attach.py): floors a little under, so any regression fails.
DEV_F1_FLOOR = 0.87
DEV_TIER_FLOOR = 0.88
# Our own held-out-style articles (hand-written gold in the rules' voice): kept as regression
# checks, but they no longer decide (real text does). As (articles, gold, F1 floor, tier floor):
# set 1 reaches F1 0.913, tier 0.976; set 2 F1 0.825, tier 0.993; set 3 F1 0.888, tier 0.990;
# set 4 (long web pages with debris) F1 0.838, tier 0.965.
HELD_OUT = Path(__file__).resolve().parent / "data"
HELD_OUT_SETS = [
    ("articles", "gold.jsonl", 0.85, 0.95),
    ("articles2", "gold2.jsonl", 0.77, 0.96),
    ("articles3", "gold3.jsonl", 0.80, 0.95),
    ("articles4", "gold4.jsonl", 0.77, 0.92),
]


def test_spec_roundup_binds_figures_to_their_models():
    text = ("The next Toyota GR Supra will reportedly use a 3.0-liter turbocharged inline-six. "
            "It is expected to make 400 hp, more than the current car's 382 hp, and a six-speed manual "
            "will remain available.")
    got = facts(text)
    assert ("Toyota GR Supra", "displacement_l", 3) in got
    assert ("Toyota GR Supra", "power_hp", 400) in got
    assert ("Toyota GR Supra", "transmission", "manual") in got


def test_coreference_carries_the_model_into_following_sentences():
    text = ("Honda has confirmed the Prelude will return. The coupe goes on sale in the second half "
            "of 2026. It will use a hybrid powertrain.")
    got = facts(text)
    assert ("Honda Prelude", "on_sale", "2026-H2") in got
    assert ("Honda Prelude", "powertrain", "hybrid") in got


def test_discontinuation_news_with_dates():
    text = "Ford has discontinued the Fiesta after the 2023 model year."
    got = facts(text)
    assert ("Ford Fiesta", "lifecycle", "discontinued") in got
    assert ("Ford Fiesta", "production_end", "2023") in got


def test_sales_report_with_brand_subject_and_signed_change():
    text = ("Mazda sold 12,450 vehicles in Canada in 2024, a 6.2 percent decline compared to 2023.")
    claims = claims_of(text)
    units = [c for c in claims if c.attribute == "sales_units"]
    change = [c for c in claims if c.attribute == "sales_change_pct"]
    assert units and units[0].value == 12450 and units[0].period == "2024" and units[0].subject == "Mazda"
    assert change and change[0].value == -6.2


def test_relation_and_rumor_status():
    text = "Rumour has it that the next Lexus IS will be a rebadge of the Toyota Crown."
    [c] = [c for c in claims_of(text) if c.attribute == "shares_platform_with"]
    assert (c.subject, c.value) == ("Lexus IS", "Toyota Crown")


def test_negated_market():
    text = "The Chevrolet Corvette E-Ray won't be sold in Europe, GM said."
    [c] = [c for c in claims_of(text) if c.attribute == "market"]
    assert (c.subject, c.value, c.negated) == ("Chevrolet Corvette", "EU", True)


@pytest.mark.parametrize("text", [
    "The weather at the Geneva show was awful this year.",
    "Executives discussed the future of electric vehicles at length.",
    "Torque, acceleration and top speed figures have not been released.",
    "",
])
def test_no_claims_without_a_vehicle_statement(text):
    assert claims_of(text) == []


def test_relative_date_without_publication_date_yields_no_date_claim():
    text = "Nissan revealed the new Leaf at the end of last year."
    assert not [c for c in claims_of(text, date=None) if c.attribute == "reveal"]
    assert [c.value for c in claims_of(text, date="2025-03-01") if c.attribute == "reveal"] == ["2024-12"]


def test_evidence_is_verbatim_and_claims_follow_the_contract():
    text = "The Porsche 911 GT3 gets a 4.0-liter flat-six with 502 hp. It costs $222,500 before options."
    for c in claims_of(text):
        d = c.to_dict()
        assert d["evidence"] in text
        assert {"doc", "subject", "attribute", "value", "status", "evidence"} <= set(d)


def _gate(tmp_path, articles: Path, gold: Path, f1_floor: float, tier_floor: float) -> None:
    """Extract ``articles``, score against ``gold`` with the shared scorer, hold the floors.

    Skipped on a checkout without ``../shared`` beside it, but never in CI (``AUTODOSSIER_CI``):
    there a missing gate must fail, not pass silently.
    """
    if not (SHARED / "score.py").exists() or not articles.exists():
        if os.environ.get("AUTODOSSIER_CI"):
            pytest.fail(f"the quality gate needs {SHARED} (the shared scorer, corpora and gold)")
        pytest.skip("../shared is not beside the repository")
    out = tmp_path / "pred.jsonl"
    result = CliRunner().invoke(app, ["extract", str(articles), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    out.write_text(result.stdout)
    scored = subprocess.run(
        [sys.executable, str(SHARED / "score.py"), str(gold), str(out), "--docs", str(articles), "--json"],
        capture_output=True, text=True, check=True)
    report = json.loads(scored.stdout)
    assert report["f1"] >= f1_floor, report
    assert report["status_tier"] >= tier_floor, report
    assert report["evidence_verbatim"] == 1.0


def test_seed_quality_gate(tmp_path):
    """The gold claims of the seed corpus stay above the floors."""
    _gate(tmp_path, SHARED / "corpus" / "seeds", SHARED / "gold" / "seeds.jsonl", F1_FLOOR, STATUS_TIER_FLOOR)


def test_dev_quality_gate(tmp_path):
    """The real dev articles, against their independent gold, stay above the floors (the main gate)."""
    _gate(tmp_path, SHARED / "corpus" / "dev", SHARED / "gold" / "dev.jsonl", DEV_F1_FLOOR, DEV_TIER_FLOOR)


@pytest.mark.parametrize("articles, gold, f1_floor, tier_floor", HELD_OUT_SETS)
def test_held_out_quality_gate(tmp_path, articles, gold, f1_floor, tier_floor):
    """Our own articles in many outlets' styles, against their hand-written gold, stay above the floors."""
    _gate(tmp_path, HELD_OUT / articles, HELD_OUT / gold, f1_floor, tier_floor)


@pytest.mark.parametrize("text, subject, attribute, value", [
    ("Honda is readying a new Civic, while the Prelude, which went on sale in Japan last month, "
     "gets a new trim.", "Honda Prelude", "market", "JP"),
    ("The R2 sits below the Rivian R1S, which is priced from $77,700.", "Rivian R1S", "price", 77700),
])
def test_relative_clause_is_about_the_model_it_follows(text, subject, attribute, value):
    assert (subject, attribute, value) in facts(text)


def test_sentence_about_another_maker_does_not_inherit_the_topic():
    text = ("Nissan has denied reports that the GT-R will be discontinued. "
            "Meanwhile, Mazda is considering a rotary-powered sports car.")
    assert not [c for c in claims_of(text) if c.subject == "Nissan GT-R" and c.attribute == "engine_layout"]


def test_cli_reports_bad_inputs_and_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("title: Test\ndate: 2025-01-02\n\nThe Mazda MX-5 makes 181 hp.\n")
    (tmp_path / "bad.bin").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "empty.txt").write_text("")
    result = CliRunner().invoke(app, ["extract", str(good), str(tmp_path / "bad.bin"),
                                      str(tmp_path / "empty.txt"), str(tmp_path / "missing.txt"),
                                      "--format", "jsonl"])
    assert result.exit_code == 1
    lines = [json.loads(x) for x in result.stdout.splitlines() if x.startswith("{")]
    assert any(c["subject"] == "Mazda MX-5" and c["value"] == 181 for c in lines)
    assert "Traceback" not in result.output


def test_module_entry_point_runs_on_examples():
    env = dict(os.environ)
    proc = subprocess.run([sys.executable, "-m", "autodossier", "extract", str(EXAMPLES), "--format", "csv"],
                          capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[0].startswith("doc,subject")
    assert len(proc.stdout.splitlines()) > 20


@pytest.mark.parametrize("text, present, absent", [
    # a relation's partner in an aside does not take the next sentence's "its"
    ("Lamborghini's answer is the Temerario, which replaces the Huracan. Its new 4.0-litre V8 makes 907 hp.",
     ("Lamborghini Temerario", "power_hp", 907), ("Lamborghini Huracan", "power_hp", 907)),
    ("McLaren said the W1 hypercar, successor to the P1, makes 1,275PS.",
     ("McLaren W1", "replaces", "McLaren P1"), ("McLaren P1", "power_hp", 1257.56)),
    # "that also underpins", every partner of a listed pair
    ("The Volvo EX30 rides on the SEA platform, which also underpins the Zeekr X and the Smart #1.",
     ("Volvo EX30", "shares_platform_with", "Smart #1"), ("Volvo EX30", "shares_platform_with", "Volvo EX30")),
    ("The Suzuki e Vitara will also be sold by Toyota as the Urban Cruiser.",
     ("Suzuki e Vitara", "shares_platform_with", "Toyota Urban Cruiser"), ("Suzuki Vitara", "powertrain", "ev")),
    # a month is not the Nissan March; a paused factory is not a paused model
    ("Nissan's sales fell in the year that ended in March. The Nissan Leaf is new. Nissan paused construction "
     "of its battery factory.", ("Nissan Leaf", "on_sale", None), ("Nissan Leaf", "lifecycle", "on-hold")),
    # "is coming to" a market is no plan to build a model
    ("The Cadillac Escalade IQ is coming to the Middle East in 2026.",
     ("Cadillac Escalade IQ", "market", "ME"), ("Cadillac Escalade IQ", "lifecycle", "planned")),
])
def test_relations_and_events_stay_with_their_model(text, present, absent):
    got = facts(text)
    if present[2] is not None:
        assert present in got
    assert absent not in got
    assert not any(s == "Nissan March" for s, _, _ in got)


@pytest.mark.parametrize("text, subject, value, negated, status", [
    ("Nissan also said it had no plans to sell the Nissan Patrol in Europe.", "Nissan Patrol", "EU", True, None),
    ("The Mitsubishi Triton is not expected to be sold in the United States.", "Mitsubishi Triton", "US", True,
     "expected"),
    ("Xpeng is weighing a European debut for the Xpeng Mona M03.", "Xpeng Mona M03", "EU", False, "expected"),
    ("Polestar hasn't confirmed whether the Polestar 4 will be sold in the US.", "Polestar 4", "US", False,
     "speculative"),
])
def test_market_negation_and_hedges(text, subject, value, negated, status):
    got = [c for c in claims_of(text) if c.attribute == "market" and c.subject == subject]
    assert [(c.value, bool(c.negated)) for c in got] == [(value, negated)]
    if status:
        assert got[0].status == status


@pytest.mark.parametrize("text, date, value", [
    ("The new Mazda CX-5 was revealed on Wednesday in Barcelona.", "2025-07-10", "2025-07-09"),
    ("The new Mazda CX-5 will be revealed on Friday in Barcelona.", "2025-07-10", "2025-07-11"),
])
def test_weekday_dates_resolve_against_publication(text, date, value):
    assert ("Mazda CX-5", "reveal", value) in facts(text, date)


@pytest.mark.parametrize("text, present, absent", [
    # a plug-in hybrid's electric motor and electric range name no EV
    ("The Kia Sorento plug-in hybrid pairs a 1.6-litre petrol engine with an electric motor and offers an "
     "all-electric range of 50 km.", ("Kia Sorento", "powertrain", "phev"), ("Kia Sorento", "powertrain", "ev")),
    ("The Dacia Bigster gets a mild-hybrid petrol engine.", ("Dacia Bigster", "powertrain", "hybrid"),
     ("Dacia Bigster", "powertrain", "ice")),
    # a distance on a tank of fuel is no electric range
    ("The Toyota Hilux covers a range of 1,000 km from a tank of diesel.", ("Toyota Hilux", "body_style", None),
     ("Toyota Hilux", "range_km", 1000)),
    ("The Skoda Elroq is good for 350 miles on the WLTP cycle.", ("Skoda Elroq", "range_km", 563.27), None),
    # a bare numeric model after a determiner and before a body word, its make named in the article
    ("Over at Ram, the 3.0-liter Hurricane six returns to the 1500 pickup with 420 hp.",
     ("Ram 1500", "power_hp", 420), None),
    ("Ram says the engine revs to 1500 rpm at idle.", ("Ram", "power_hp", None), ("Ram 1500", "power_hp", None)),
    # a model's figure in a list goes to that model, not the brand
    ("Dacia sold 600,000 cars in Europe last year, led by the Sandero (250,000) and the Jogger (70,000).",
     ("Dacia Jogger", "sales_units", 70000), ("Dacia Sandero", "sales_units", 70000)),
    # an event and a market in a list apply to every item
    ("Maserati has stopped building the Ghibli and the Levante.", ("Maserati Levante", "lifecycle", "discontinued"),
     None),
    ("The Mazda CX-60 is sold in Europe, Japan and Australia.", ("Mazda CX-60", "market", "AU"), None),
])
def test_general_weaknesses_of_round_three(text, present, absent):
    got = facts(text)
    if present[2] is not None:
        assert present in got, got
    if absent is not None:
        if absent[2] is None:
            assert not any(s == absent[0] and a == absent[1] for s, a, _ in got), got
        else:
            assert absent not in got, got


@pytest.mark.parametrize("text, subject, attribute, partner", [
    ("The Genesis GV70 rides on the same platform as the Hyundai Tucson.",
     "Genesis GV70", "shares_platform_with", "Hyundai Tucson"),
    ("The Kia EV3, which uses the same E-GMP architecture as the Kia EV6, is cheap.",
     "Kia EV3", "shares_platform_with", "Kia EV6"),
    ("The Cupra Tavascan has the same underpinnings as the Volkswagen ID.5.",
     "Cupra Tavascan", "shares_platform_with", "Volkswagen ID.5"),
    ("The Renault 5 sits on the AmpR Small platform, which it will share with the Nissan Micra.",
     "Renault 5", "shares_platform_with", "Nissan Micra"),
    ("The Cupra Born uses a dual-motor set-up shared with the Volkswagen ID.3.",
     "Cupra Born", "shares_engine_with", "Volkswagen ID.3"),
    ("The Porsche Cayenne is new. It shares its plug-in hybrid drivetrain with the Bentley Bentayga.",
     "Porsche Cayenne", "shares_engine_with", "Bentley Bentayga"),
    ("The Lexus NX uses the same 2.5-litre hybrid system as the Toyota RAV4.",
     "Lexus NX", "shares_engine_with", "Toyota RAV4"),
    ("The Toyota GR86 borrows its flat-four engine from the Subaru BRZ.",
     "Toyota GR86", "shares_engine_with", "Subaru BRZ"),
])
def test_sharing_phrasings(text, subject, attribute, partner):
    assert (subject, attribute, partner) in facts(text)


@pytest.mark.parametrize("text, subject, region, negated", [
    ("Peugeot ruled out a US launch for the Peugeot 3008.", "Peugeot 3008", "US", True),
    ("The Kia EV3 will not be sold in the US, where the brand sells the EV9.", "Kia EV3", "US", True),
    ("Hyundai confirmed the Hyundai Ioniq 5 will reach European customers next year.",
     "Hyundai Ioniq 5", "EU", False),
    ("The Dacia Bigster will reach dealers across Europe in the autumn.", "Dacia Bigster", "EU", False),
    ("The Renault Clio is priced from £19,000 in the UK.", "Renault Clio", "GB", False),
    ("The Fiat Panda is new. In Germany, Fiat charges €29,990.", "Fiat Panda", "DE", False),
    ("The Kia EV3 is new. In Britain it will cost 32,995 pounds.", "Kia EV3", "GB", False),
    ("The Mazda CX-5 currently costs 35,990 euros in France.", "Mazda CX-5", "FR", False),
])
def test_markets_from_launch_delivery_and_price_phrasings(text, subject, region, negated):
    got = {(c.subject, c.value, bool(c.negated)) for c in claims_of(text) if c.attribute == "market"}
    assert (subject, region, negated) in got


@pytest.mark.parametrize("text, subject", [
    ("A colleague raced the Pininfarina Battista against the new hybrid McLaren Artura.", "McLaren Artura"),
    ("The Lucid Air was compared with an all-electric Porsche Taycan.", "Porsche Taycan"),
])
def test_a_powertrain_word_right_before_a_model_is_that_models(text, subject):
    got = {(c.subject, c.value) for c in claims_of(text) if c.attribute == "powertrain"}
    assert any(s == subject for s, _ in got), got


def test_a_gearbox_mated_to_this_engine_goes_with_it():
    got = facts("The 2.0-litre turbo of the Kia Seltos is expected to power the new Kia Sportage too. "
                "Mated to the seven-speed auto, this engine produces 180 hp.")
    assert ("Kia Sportage", "gears", 7) in got and ("Kia Sportage", "transmission", "automatic") in got


def test_a_generic_word_that_starts_a_models_name_is_the_name():
    got = facts("Dodge has updated its line-up. The electric Charger Daytona continues with 670 hp.")
    assert ("Dodge Charger", "powertrain", "ev") in got


def test_a_powertrain_stated_as_the_form_of_listed_models():
    got = facts("The factory will produce Ford F-150 and Ram 1500 pickups in electric form from 2027.")
    assert ("Ford F-150", "powertrain", "ev") in got and ("Ram 1500", "powertrain", "ev") in got


def test_a_powertrain_in_form_goes_to_its_model():
    got = facts("The Kia Sportage is due, as is a Kia Sorento in plug-in hybrid form.")
    assert ("Kia Sorento", "powertrain", "phev") in got


def test_an_engine_code_before_its_size_is_no_model():
    got = facts("Power for the Volkswagen Golf comes from the EA888 2.0-litre turbocharged four-cylinder.")
    assert ("Volkswagen Golf", "engine_code", "EA888") in got


def test_a_powertrain_after_a_list_of_models_is_each_ones():
    got = facts("Tesla cut the prices of its Tesla Model Y and Tesla Model 3 electric vehicles in China on Friday.")
    assert ("Tesla Model Y", "powertrain", "ev") in got and ("Tesla Model 3", "powertrain", "ev") in got


@pytest.mark.parametrize("text, subject, value", [
    ("The BMW 3 Series Touring is new.", "BMW 3 Series", "wagon"),
    ("The Porsche 911 Cabriolet is new.", "Porsche 911", "convertible"),
])
def test_a_body_word_that_ends_a_models_name(text, subject, value):
    assert (subject, "body_style", value) in facts(text)


@pytest.mark.parametrize("subject, status", [("Ford Everest", "confirmed"), ("Ford Ranger", "expected")])
def test_engine_of_one_model_expected_in_another(subject, status):
    """The engine's figures are a fact for the model that has it and an expectation for the one it goes to."""
    text = "The 2.0-litre bi-turbo of the Ford Everest is expected to power the Ford Ranger."
    got = [c for c in claims_of(text) if c.subject == subject and c.attribute == "displacement_l"]
    assert [c.status for c in got] == [status]
