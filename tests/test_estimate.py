"""Tests of the 0-60 / top-speed estimates: physics, claims -> inputs, Monte Carlo, CLI."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from autodossier.estimate import estimate_model, physics
from autodossier.estimate.calibrate import (Calibration, fit_physics, load_calibration,
                                            make_key, make_offsets, predict, PARAMS_PATH)
from autodossier.estimate.dataset import load_topgear

ROOT = Path(__file__).resolve().parents[1]
PARAMS = load_calibration().physics


def cars(n: int = 1, **over) -> physics.Vehicles:
    """n identical mid-size petrol sedans, with fields overridden (scalars or arrays)."""
    base = dict(power_w=200 * physics.HP_W, mass_kg=1500.0, drive=1, transmission=1, engine=1,
                width_m=1.82, height_m=1.45, limited=False, ev_limit_ms=np.inf)
    base.update(over)
    return physics.Vehicles(**{k: np.broadcast_to(np.asarray(v), (n,)).copy()
                               for k, v in base.items()})


def rec(attribute, value, status="confirmed", qualifier="=", subject="Acme Roadster", **kw):
    """A claim record as the store returns it."""
    return dict(subject=subject, attribute=attribute, value=value, qualifier=qualifier,
                status=status, negated=False, doc=kw.pop("doc", "doc-1"),
                evidence=kw.pop("evidence", f"The car has {value}."), **kw)


# --- physics -------------------------------------------------------------------------

@pytest.mark.parametrize("drive", [0, 1, 2])
@pytest.mark.parametrize("quantity", ["accel_0_60_s", "accel_0_100_s"])
def test_more_power_is_quicker_and_more_weight_is_slower(drive, quantity):
    power = np.linspace(60, 700, 30) * physics.HP_W
    t_power = physics.simulate(PARAMS, cars(30, power_w=power, drive=drive))[quantity]
    assert np.all(np.diff(t_power) <= 1e-9) and t_power[0] > t_power[-1]
    mass = np.linspace(800, 2800, 30)
    t_mass = physics.simulate(PARAMS, cars(30, mass_kg=mass, drive=drive))[quantity]
    assert np.all(np.diff(t_mass) >= -1e-9) and t_mass[-1] > t_mass[0]


@pytest.mark.parametrize("mu", [0.9, 1.1, PARAMS.mu])
def test_awd_launches_faster_than_rwd_when_traction_limited(mu):
    p = physics.PhysicsParams(**{**PARAMS.to_dict(), "mu": mu})
    # 1000 hp in 1600 kg: far more power than two tyres can put down.
    fast = cars(3, power_w=1000 * physics.HP_W, mass_kg=1600.0, drive=np.array([0, 1, 2]))
    fwd, rwd, awd = physics.time_to_speed(p, fast, physics.V60MPH)
    assert awd < rwd < fwd
    # ... whereas a weak car is mostly power-limited: its drive wheels matter far less.
    slow = cars(3, power_w=90 * physics.HP_W, mass_kg=1200.0, drive=np.array([0, 1, 2]))
    t_slow = physics.time_to_speed(p, slow, physics.V60MPH)
    assert np.ptp(t_slow) / t_slow.mean() < 0.5 * (fwd - awd) / awd


def test_top_speed_rises_with_power_and_falls_with_frontal_area():
    power = np.linspace(60, 900, 25) * physics.HP_W
    top = physics.simulate(PARAMS, cars(25, power_w=power))["top_speed_mph"]
    assert np.all(np.diff(top) > 0)
    tall = physics.simulate(PARAMS, cars(1, height_m=1.8))["top_speed_mph"][0]
    assert tall < top[np.argmin(np.abs(power - 200 * physics.HP_W))]


def test_limiter_caps_only_limited_makes_and_zero_to_sixty_beats_zero_to_hundred():
    out = physics.simulate(PARAMS, cars(2, power_w=600 * physics.HP_W,
                                        limited=np.array([True, False])))
    assert out["top_speed_mph"][0] == pytest.approx(physics.LIMITER_MPH)
    assert out["top_speed_mph"][1] > physics.LIMITER_MPH
    assert np.all(out["accel_0_60_s"] < out["accel_0_100_s"])


def test_a_speed_limiter_does_not_change_the_gearing_below_it():
    # Gears are laid out for the speed the engine could reach; the limiter only caps it.
    out = physics.simulate(PARAMS, cars(2, power_w=500 * physics.HP_W,
                                        limited=np.array([True, False])))
    assert out["top_speed_mph"][0] < out["top_speed_mph"][1]
    assert out["accel_0_100_s"][0] == pytest.approx(out["accel_0_100_s"][1])


def test_shipped_parameters_are_fitted_and_round_trip():
    data = json.loads(PARAMS_PATH.read_text())
    cal = Calibration.from_dict(data)
    assert cal.n_cars > 100 and len(cal.accel_coef) > 1
    assert Calibration.from_dict(cal.to_dict()) == cal
    assert cal.accel_quantiles[0] < 0 < cal.accel_quantiles[1]
    assert cal.accel_make and all(abs(x) < 0.2 for x in cal.accel_make.values())


def test_maker_offsets_shrink_makers_with_few_cars_and_vanish_when_makers_agree():
    rng = np.random.default_rng(1)
    makes = np.array(["big"] * 30 + ["small"] * 2 + ["other"] * 30)
    resid = np.concatenate([0.06 + rng.normal(0, 0.03, 30), [0.06, 0.06],
                            -0.06 + rng.normal(0, 0.03, 30)])
    off = make_offsets(resid, makes)
    assert 0.04 < off["big"] <= 0.07 and 0 < off["small"] < off["big"]
    assert off["other"] < -0.04
    same = make_offsets(rng.normal(0, 0.05, 62), makes)
    assert all(abs(x) < 0.02 for x in same.values())


def test_model_names_find_their_maker_in_the_calibration():
    cal = Calibration(accel_make={"mercedes-benz": 0.01, "land rover": 0.02, "bmw": -0.01})
    assert make_key(cal, "Mercedes C-Class") == "mercedes-benz"
    assert make_key(cal, "Land Rover Defender") == "land rover"
    assert make_key(cal, "BMW M3") == "bmw" and make_key(cal, "Acme Roadster") == ""


# --- estimate_model ------------------------------------------------------------------

def q50_claims() -> list[dict]:
    s = "Infiniti Q50"
    return [
        rec("power_hp", 400, "expected", subject=s, unit="hp",
            evidence="The sedan is expected to keep its 400 hp twin-turbo V6."),
        rec("power_hp", 450, "speculative", ">", subject=s, unit="hp",
            evidence="A hotter version could exceed 450 hp."),
        rec("drivetrain", "rwd", "expected", subject=s, evidence="Power goes to the rear wheels."),
        rec("transmission", "manual", "speculative", subject=s,
            evidence="Enthusiasts hope for a six-speed manual."),
        rec("body_style", "sedan", "confirmed", subject=s, evidence="The four-door sedan returns."),
    ]


def test_estimate_uses_the_power_drivetrain_and_gearbox_claims():
    est = estimate_model(q50_claims())
    assert est.available and est.subject == "Infiniti Q50"
    used = {(i.attribute, i.value, i.source) for i in est.inputs if i.source != "prior"}
    assert ("power_hp", 400, "claim") in used and ("power_hp", 450, "claim") in used
    assert ("drivetrain", "rwd", "claim") in used and ("transmission", "manual", "claim") in used
    assert any(i.attribute == "curb_weight_kg" and i.source == "prior" for i in est.inputs)
    power = [i for i in est.inputs if i.attribute == "power_hp"]
    assert {i.qualifier for i in power} == {"=", ">"}
    assert power[0].weight > power[1].weight  # expected outweighs speculative
    assert all(i.evidence for i in est.inputs if i.source == "claim")
    # A lone speculative gearbox claim decides only its share; the prior fills the rest.
    gearbox = [i for i in est.inputs if i.attribute == "transmission"]
    assert gearbox[0].weight < 0.5 and gearbox[-1].source == "prior"
    d = est.to_dict()
    assert set(d["quantities"]) == {"accel_0_60_s", "accel_0_100_s", "top_speed_mph"}
    json.dumps(d)


@pytest.mark.parametrize("claims", [
    [],
    [rec("drivetrain", "awd"), rec("curb_weight_kg", 1600)],
    [rec("power_hp", 300, status="denied")],
    [rec("power_hp", 300) | {"negated": True}],
])
def test_no_power_claim_means_no_numbers(claims):
    est = estimate_model(claims)
    assert not est.available and est.reason and est.quantities == {}


def test_intervals_contain_the_point_and_are_seeded():
    a = estimate_model(q50_claims(), seed=7).to_dict()
    b = estimate_model(q50_claims(), seed=7).to_dict()
    assert a == b
    for q in estimate_model(q50_claims(), seed=7).quantities.values():
        assert q.low <= q.point <= q.high
    c = estimate_model(q50_claims() + [rec("curb_weight_kg", 1780, subject="Infiniti Q50")],
                       seed=7)
    for q in c.quantities.values():
        assert q.low <= q.point <= q.high


def test_more_claimed_power_or_a_lower_bound_means_a_quicker_estimate():
    base = [rec("drivetrain", "awd"), rec("curb_weight_kg", 1700)]
    t = {}
    for label, power in (("300", rec("power_hp", 300)), ("400", rec("power_hp", 400)),
                         (">400", rec("power_hp", 400, qualifier=">"))):
        t[label] = estimate_model(base + [power]).quantities["accel_0_60_s"].point
    assert t["300"] > t["400"] > t[">400"]


def test_an_implausible_weight_claim_is_ignored():
    base = [rec("power_hp", 250), rec("drivetrain", "fwd"), rec("transmission", "automatic")]
    est = estimate_model(base + [rec("curb_weight_kg", 210)])
    assert any(i.attribute == "curb_weight_kg" and i.source == "prior" for i in est.inputs)
    assert not any(i.attribute == "curb_weight_kg" and i.source == "claim" for i in est.inputs)
    assert est.to_dict()["quantities"] == estimate_model(base).to_dict()["quantities"]


def test_a_weight_claim_narrows_the_interval():
    base = [rec("power_hp", 250), rec("drivetrain", "fwd"), rec("transmission", "automatic")]
    wide = estimate_model(base).quantities["accel_0_100_s"]
    narrow = estimate_model(base + [rec("curb_weight_kg", 1450)]).quantities["accel_0_100_s"]
    assert narrow.high - narrow.low < wide.high - wide.low


def test_related_model_supplies_missing_power_and_is_labelled():
    own = [rec("shares_engine_with", "Acme Coupe", subject="Acme Roadster"),
           rec("drivetrain", "rwd")]
    related = {"Acme Coupe": [rec("power_hp", 330, subject="Acme Coupe", doc="doc-9")]}
    est = estimate_model(own, related)
    assert est.available
    power = [i for i in est.inputs if i.attribute == "power_hp"]
    assert power and all(i.source == "related" and i.subject == "Acme Coupe" for i in power)
    alone = estimate_model(own + [rec("power_hp", 330)])
    assert alone.quantities["accel_0_60_s"].point == pytest.approx(
        est.quantities["accel_0_60_s"].point, rel=0.1)


def test_electric_powertrain_skips_the_gearbox_and_engine_priors():
    est = estimate_model([rec("power_hp", 280), rec("powertrain", "ev"),
                          rec("transmission", "automatic")])
    assert est.available
    assert not any(i.attribute == "aspiration" for i in est.inputs)
    top = est.quantities["top_speed_mph"]
    assert top.high <= 161  # EV motors are limited; the prior stops near 160 mph


# --- calibration data ----------------------------------------------------------------

def test_loader_drops_rows_without_weight_and_reads_zero_time_as_missing(tmp_path):
    header = ('"Make","Model","Type","Fuel","Cylinders","Displacement","DriveWheel","BHP",'
              '"Torque","Acceleration","TopSpeed","Weight","Width","Height","Automatic"\n')
    rows = ('"Acme","A","A 2.0 T","Petrol",4,1998,"Front",250,270,6.1,155,1400,1800,1440,"no"\n'
            '"Acme","B","B 1.0","Petrol",3,999,"Front",70,70,0,99,NA,1650,1500,"no"\n'
            '"Acme","C","C EV","NA",0,NA,"Rear",150,180,0,90,1500,NA,NA,"standard"\n')
    path = tmp_path / "cars.csv"
    path.write_text(header + rows)
    ds, dropped = load_topgear(path)
    assert dropped == 1 and len(ds) == 2
    assert np.isnan(ds.accel_0_100_s[1]) and ds.accel_0_100_s[0] == 6.1
    assert ds.vehicles.engine[0] == physics.ENGINES.index("petrol_turbo")
    assert ds.vehicles.engine[1] == physics.ENGINES.index("ev")
    assert ds.vehicles.transmission.tolist() == [0, 1]
    assert ds.vehicles.make.tolist() == ["acme", "acme"]


def test_implausible_weight_is_read_as_missing_and_imputed_from_the_prior(tmp_path):
    header = ('"Make","Model","Type","Fuel","Cylinders","Displacement","DriveWheel","BHP",'
              '"Torque","Acceleration","TopSpeed","Weight","Width","Height","Automatic"\n')
    row = '"Acme","B","B 1.0","Petrol",3,998,"Front",68,70,14.2,100,{kg},1630,1470,"no"\n'
    path = tmp_path / "cars.csv"
    path.write_text(header + row.format(kg=210))
    ds, dropped = load_topgear(path)
    assert dropped == 0 and np.isnan(ds.vehicles.mass_kg[0])
    cal = load_calibration()
    imputed = predict(cal, ds.vehicles)["accel_0_100_s"][0]
    prior_kg = np.exp(cal.weight_prior["intercept"] + cal.weight_prior["slope"] * np.log(68))
    path.write_text(header + row.format(kg=prior_kg))
    explicit = predict(cal, load_topgear(path)[0].vehicles)["accel_0_100_s"][0]
    assert imputed == pytest.approx(explicit) and 10 < imputed < 25


@pytest.mark.slow
def test_fitting_beats_the_default_parameters():
    ds, _ = load_topgear(ROOT / "data" / "topgear.csv")
    sub = ds.subset(np.arange(0, len(ds), 2))
    fitted = fit_physics(sub)

    def mae(p):
        out = physics.simulate(p, sub.vehicles)
        return np.nanmean(np.abs(out["accel_0_100_s"] - sub.accel_0_100_s))
    assert mae(fitted) < mae(physics.PhysicsParams())


# --- CLI -----------------------------------------------------------------------------

@pytest.fixture
def q50_db(tmp_path):
    from autodossier.claims import Claim
    from autodossier.ingest.document import Document
    from autodossier.store import KnowledgeBase

    url = tmp_path / "kb.db"
    text = ("Infiniti is expected to give the Q50 sedan 400 hp, sent to the rear wheels. "
            "A hotter version could exceed 450 hp. A six-speed manual is rumoured.")
    doc = Document(doc="q50-news", text=text, title="Q50 returns", date="2024-05-01",
                   outlet="Test Motoring")
    claims = [Claim.from_dict({"doc": "q50-news", **c}) for c in q50_claims()]
    with KnowledgeBase(f"sqlite:///{url}") as kb:
        kb.ingest(doc, claims)
    return url


def test_cli_prints_estimate_as_json_and_table(q50_db):
    from typer.testing import CliRunner
    from autodossier.cli import app

    runner = CliRunner()
    res = runner.invoke(app, ["estimate", "Infiniti Q50", "--db", str(q50_db), "-f", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["available"] and data["subject"] == "Infiniti Q50"
    assert {i["value"] for i in data["inputs"] if i["attribute"] == "power_hp"} == {400, 450}
    res = runner.invoke(app, ["estimate", "Infiniti Q50", "--db", str(q50_db)])
    assert res.exit_code == 0 and "0-60 mph" in res.stdout and "rwd" in res.stdout
    early = runner.invoke(app, ["estimate", "Infiniti Q50", "--db", str(q50_db),
                                "--as-of", "2020-01-01", "-f", "json"])
    assert early.exit_code == 0 and json.loads(early.stdout)["available"] is False


@pytest.mark.parametrize("args", [["Nonexistent Car"], ["Infiniti Q50", "--db", "missing.db"]])
def test_cli_user_errors_are_one_line(q50_db, args, tmp_path, monkeypatch):
    from typer.testing import CliRunner
    from autodossier.cli import app
    from autodossier.errors import AutodossierError

    monkeypatch.chdir(tmp_path)
    if "--db" not in args:
        args = args + ["--db", str(q50_db)]
    res = CliRunner().invoke(app, ["estimate", *args])
    assert res.exit_code != 0 and isinstance(res.exception, AutodossierError)
    assert "\n" not in str(res.exception)
