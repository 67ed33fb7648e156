"""``estimate_model``: 0-60 mph, 0-100 km/h and top speed of a model from its claims.

Inputs the claims leave open are drawn from priors, claims that disagree or
only bound a value ("> 450 hp") become mixtures and ranges, and the whole
spread is carried through the calibrated physics by a seeded Monte Carlo; the
calibrated model error is added on top. The result is a median and an 80%
interval per quantity, and the list of claims and priors that went in.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from autodossier.estimate import physics, priors
from autodossier.estimate.calibrate import Calibration, load_calibration, make_key, predict
from autodossier.estimate.inputs import EstimateInput, InputSource

DRAWS = 4000  # Monte Carlo draws: percentiles stable to ~0.01 s, still a few ms to run
DEFAULT_SEED = 0
Z80 = 1.2816  # standard-normal quantile of 90%: half-width of an 80% interval in sds
QUANTITIES = {  # name -> unit
    "accel_0_60_s": "s", "accel_0_100_s": "s", "top_speed_mph": "mph",
}


@dataclass
class Quantity:
    """One estimated figure: the median and an 80% interval."""

    point: float
    low: float
    high: float
    unit: str

    def to_dict(self) -> dict:
        """JSON-ready dict (values rounded to what the model can resolve)."""
        def rounded(x: float) -> float | int:  # tenths of a second, whole mph
            return round(x, 1) if self.unit == "s" else int(round(x))
        return {"point": rounded(self.point), "low": rounded(self.low),
                "high": rounded(self.high), "unit": self.unit, "interval": 0.8}


@dataclass
class Estimate:
    """Estimates for one model, or the reason there are none."""

    subject: str | None
    available: bool
    reason: str | None = None
    quantities: dict[str, Quantity] = field(default_factory=dict)
    inputs: list[EstimateInput] = field(default_factory=list)
    draws: int = 0
    seed: int = DEFAULT_SEED

    def to_dict(self) -> dict:
        """JSON-ready form, as the REST API and dossiers show it."""
        return {"subject": self.subject, "available": self.available, "reason": self.reason,
                "quantities": {k: q.to_dict() for k, q in self.quantities.items()},
                "inputs": [i.to_dict() for i in self.inputs], "draws": self.draws,
                "seed": self.seed}


def _subject(claims: list[dict]) -> str | None:
    subjects = [c.get("subject") for c in claims if c.get("subject")]
    return max(set(subjects), key=subjects.count) if subjects else None


def _make_is_limited(subject: str | None) -> bool:
    words = (subject or "").split()
    return any(priors.is_limited_make(" ".join(words[:k])) for k in (1, 2))


def _engine_class(src: InputSource, rng: np.random.Generator, n: int) -> np.ndarray:
    """Engine class index per draw: EV, turbo or naturally aspirated petrol."""
    ev, turbo, na = (physics.ENGINES.index(k) for k in ("ev", "petrol_turbo", "petrol_na"))
    powertrain = src.categorical(rng, n, "powertrain", ("ice", "hybrid", "phev", "ev", "fcev"))
    is_ev = np.zeros(n, bool) if powertrain is None else np.isin(powertrain, [3, 4])
    if is_ev.all():
        return np.full(n, ev)
    asp = src.categorical(rng, n, "aspiration",
                          ("naturally-aspirated", "turbo", "twin-turbo", "supercharged"))
    if asp is not None:
        engine = np.where(asp == 0, na, turbo)
    elif src.records("torque_lbft")[0] and src.records("displacement_l")[0]:
        specific = src.numeric(rng, n, "torque_lbft") / src.numeric(rng, n, "displacement_l")
        engine = np.where(specific > priors.TURBO_LBFT_PER_L, turbo, na)
    else:
        src.prior("aspiration", f"turbo with p={priors.TURBO_SHARE}",
                  "no aspiration claim: share of turbocharged new petrol engines")
        engine = np.where(rng.random(n) < priors.TURBO_SHARE, turbo, na)
    return np.where(is_ev, ev, engine)


def _draw_vehicles(src: InputSource, rng: np.random.Generator, n: int, power_hp: np.ndarray,
                   cal: Calibration, subject: str | None) -> physics.Vehicles:
    body = src.first_value("body_style")
    if body is not None:
        src.categorical(rng, n, "body_style", tuple(priors.BODY_WEIGHT_FACTOR))  # records it
    mass = src.numeric(rng, n, "curb_weight_kg", minimum=priors.MIN_CURB_WEIGHT_KG)
    if mass is None:
        mass = priors.sample_weight(rng, n, power_hp, body, cal.weight_prior)
        src.prior("curb_weight_kg", f"~{np.median(mass):.0f}",
                  f"no weight claim: measured cars of this power, {body or 'any body style'}")
    width, height = priors.sample_frontal(rng, n, body)
    src.prior("frontal_size_m", f"{np.median(width):.2f} x {np.median(height):.2f}",
              f"typical width x height of a {body or 'car'}")
    shares = priors.DRIVE_PRIOR.get(body, priors.DRIVE_PRIOR[None])
    drive = src.categorical(rng, n, "drivetrain", ("fwd", "rwd", "awd", "4wd"), shares)
    if drive is None:
        drive = priors.sample_choice(rng, n, shares, physics.DRIVES)
        src.prior("drivetrain", shares, "no drivetrain claim: shares among recent cars")
    drive = np.minimum(drive, 2)  # 4wd launches like awd
    trans = src.categorical(rng, n, "transmission", physics.TRANSMISSIONS,
                            priors.TRANSMISSION_PRIOR)
    if trans is None:
        trans = priors.sample_choice(rng, n, priors.TRANSMISSION_PRIOR, physics.TRANSMISSIONS)
        src.prior("transmission", priors.TRANSMISSION_PRIOR,
                  "no transmission claim: shares among new cars")
    engine = _engine_class(src, rng, n)
    lo, hi = (m * physics.MPH for m in priors.EV_LIMIT_MPH)
    ev_limit = np.where(engine == physics.ENGINES.index("ev"),
                        np.exp(rng.uniform(np.log(lo), np.log(hi), n)), np.inf)
    return physics.Vehicles(
        power_w=power_hp * physics.HP_W, mass_kg=mass, drive=drive, transmission=trans,
        engine=engine, width_m=width, height_m=height,
        limited=_make_is_limited(subject) & (rng.random(n) < priors.LIMITER_SHARE),
        ev_limit_ms=ev_limit, make=np.full(n, make_key(cal, subject)))


def _model_error(rng: np.random.Generator, n: int, quantiles: tuple[float, float]) -> np.ndarray:
    """Multiplicative model error with the calibrated 80% log-residual interval."""
    mid = (quantiles[0] + quantiles[1]) / 2
    sd = (quantiles[1] - quantiles[0]) / (2 * Z80)
    return np.exp(rng.normal(mid, sd, n))


def estimate_model(claims: list[dict], related: dict[str, list[dict]] | None = None, *,
                   seed: int = DEFAULT_SEED, draws: int = DRAWS,
                   calibration: Calibration | None = None) -> Estimate:
    """Estimate 0-60 mph, 0-100 km/h and top speed of one model from its claim records.

    ``claims`` are the model's claim records (contract fields: subject, attribute,
    value, unit, qualifier, status, evidence, doc, ...); ``related`` maps models
    it shares a platform or engine with to their records. Without any power
    claim (own or related) the Estimate says so and holds no numbers. Seeded:
    the same claims give the same numbers.
    """
    cal = calibration or load_calibration()
    subject = _subject(claims)
    rng = np.random.default_rng(seed)
    src = InputSource(claims, related)
    power_hp = src.numeric(rng, draws, "power_hp")
    if power_hp is None:
        return Estimate(subject, False, "no power claim for this model or a related one",
                        seed=seed)
    vehicles = _draw_vehicles(src, rng, draws, power_hp, cal, subject)
    out = predict(cal, vehicles)
    capped = vehicles.limited & np.isclose(out["top_speed_mph"], physics.LIMITER_MPH)
    capped |= np.isclose(out["top_speed_mph"] * physics.MPH, vehicles.ev_limit_ms)
    accel_err = _model_error(rng, draws, cal.accel_quantiles)
    top_err = np.where(capped, 1.0, _model_error(rng, draws, cal.top_quantiles))
    samples = {"accel_0_60_s": out["accel_0_60_s"] * accel_err,
               "accel_0_100_s": out["accel_0_100_s"] * accel_err,
               "top_speed_mph": out["top_speed_mph"] * top_err}
    quantities = {}
    for name, unit in QUANTITIES.items():
        values = samples[name][np.isfinite(samples[name])]
        if len(values) < draws / 2:  # most draws cannot even reach the speed
            continue
        low, point, high = np.quantile(values, [0.1, 0.5, 0.9])
        quantities[name] = Quantity(float(point), float(low), float(high), unit)
    return Estimate(subject, True, None, quantities, src.used, draws, seed)
