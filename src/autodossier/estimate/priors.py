"""Priors that stand in for inputs no claim gives: weight, size, drivetrain, gearbox, engine.

Each prior is a distribution drawn from by the Monte Carlo in
:mod:`autodossier.estimate.model`; the spreads are what makes an estimate
built on priors come with a wide interval.
"""
from __future__ import annotations

import numpy as np

from autodossier.estimate import physics

# Makers whose fast cars are electronically limited to 155 mph (250 km/h): the
# German "gentlemen's agreement" makers and the brands they own or supply.
LIMITED_MAKES = frozenset({
    "audi", "bmw", "mercedes-benz", "mercedes", "volkswagen", "vw", "opel", "vauxhall",
    "mini", "rolls-royce", "jaguar", "smart", "infiniti",
})
# Share of such makers' models that keep the limiter (the rest: track versions,
# "driver's packages" raising it to 170-190 mph).
LIMITER_SHARE = 0.85

# Curb weight of a car of body style X relative to a sedan of the same power
# (rough segment norms: SUVs and vans are tall and heavy, hatchbacks small).
BODY_WEIGHT_FACTOR = {
    "sedan": 1.0, "coupe": 0.95, "convertible": 1.03, "hatchback": 0.92, "wagon": 1.04,
    "crossover": 1.08, "suv": 1.2, "pickup": 1.25, "van": 1.2, "minivan": 1.15,
}
# Width and height (m) by body style: they set the frontal area and so the drag.
BODY_FRONTAL_M = {
    "sedan": (1.82, 1.45), "coupe": (1.85, 1.33), "convertible": (1.85, 1.32),
    "hatchback": (1.78, 1.47), "wagon": (1.82, 1.48), "crossover": (1.84, 1.62),
    "suv": (1.95, 1.75), "pickup": (2.0, 1.88), "van": (1.95, 1.95), "minivan": (1.9, 1.75),
}
# A curb weight below this is a data or extraction error, not a car: the lightest
# road cars (Caterham Seven, Morgan 3 Wheeler) weigh about 500 kg. Such a figure
# is treated as missing and the weight prior stands in for it.
MIN_CURB_WEIGHT_KG = 400.0
DEFAULT_FRONTAL_M = (1.82, 1.47)  # median of the calibration cars
FRONTAL_SPREAD = 0.03  # relative sd of width and height within a body style

# Drivetrain when no claim says: shares among recent cars of that kind.
DRIVE_PRIOR = {
    None: {"fwd": 0.45, "rwd": 0.25, "awd": 0.30},
    "suv": {"fwd": 0.2, "rwd": 0.1, "awd": 0.7},
    "pickup": {"fwd": 0.0, "rwd": 0.4, "awd": 0.6},
    "coupe": {"fwd": 0.2, "rwd": 0.55, "awd": 0.25},
    "convertible": {"fwd": 0.2, "rwd": 0.55, "awd": 0.25},
}
TRANSMISSION_PRIOR = {"manual": 0.15, "automatic": 0.65, "dct": 0.15, "cvt": 0.05}
# Specific torque above which a petrol engine counts as turbocharged (lb-ft per litre):
# naturally aspirated engines make ~70-85, turbocharged ones 100-150.
TURBO_LBFT_PER_L = 95.0
TURBO_SHARE = 0.75  # share of new petrol engines that are turbocharged (2020s)

# EV motors top out at a set speed; recent EVs are limited between these (mph).
EV_LIMIT_MPH = (90.0, 160.0)


def is_limited_make(make: str | None) -> bool:
    """Whether the maker usually limits its fast cars to 155 mph."""
    return bool(make) and make.strip().lower() in LIMITED_MAKES


def frontal_prior(body_style: str | None) -> tuple[float, float]:
    """Typical (width, height) in metres for a body style (or any car)."""
    return BODY_FRONTAL_M.get(body_style or "", DEFAULT_FRONTAL_M)


def ev_limit_point_ms() -> float:
    """The EV speed limit a point estimate uses: the geometric middle of the prior."""
    return float(np.sqrt(EV_LIMIT_MPH[0] * EV_LIMIT_MPH[1])) * physics.MPH


def sample_weight(rng: np.random.Generator, n: int, power_hp: np.ndarray,
                  body_style: str | None, weight_prior: dict) -> np.ndarray:
    """Curb weight (kg) from power and body style: a log-linear fit on measured cars."""
    log_w = weight_prior["intercept"] + weight_prior["slope"] * np.log(power_hp)
    factor = BODY_WEIGHT_FACTOR.get(body_style or "", 1.0)
    return np.exp(log_w + rng.normal(0.0, weight_prior["sigma"], n)) * factor


def sample_frontal(rng: np.random.Generator, n: int,
                   body_style: str | None) -> tuple[np.ndarray, np.ndarray]:
    """Width and height draws (m) around the body style's typical size."""
    w, h = frontal_prior(body_style)
    return (w * (1 + rng.normal(0, FRONTAL_SPREAD, n)),
            h * (1 + rng.normal(0, FRONTAL_SPREAD, n)))


def sample_choice(rng: np.random.Generator, n: int, shares: dict[str, float],
                  names: tuple[str, ...]) -> np.ndarray:
    """Draw category indices (into ``names``) with the given shares."""
    p = np.array([shares.get(k, 0.0) for k in names], dtype=float)
    return rng.choice(len(names), size=n, p=p / p.sum())
