"""Calibration: fit the physics parameters, a small residual correction, shrunken
per-maker offsets and the interval.

Used by ``bench/fit_estimate.py`` (fit on all measured cars, write ``params.json``)
and ``bench/estimate_accuracy.py`` (fit on training folds only, score the held-out fold).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
from scipy.optimize import least_squares

from autodossier.estimate import physics
from autodossier.estimate.dataset import Dataset
from autodossier.estimate.priors import DEFAULT_FRONTAL_M

PARAMS_PATH = Path(__file__).with_name("params.json")
# Top-speed errors are divided by this before they join the 0-100 errors in one loss:
# 10 mph of top speed weighs like 1 s of acceleration (both ~2x their target MAE).
TOP_SPEED_SCALE_MPH = 10.0
# soft_l1 turns quadratic loss into absolute loss beyond this residual (scaled units):
# close to fitting the mean absolute error we are judged on, robust to odd cars.
ROBUST_SCALE = 0.3
# Ridge penalty of the residual correction: keeps a 10-coefficient linear fit on
# ~200 cars from chasing noise.
RIDGE = 2.0
IRLS_ITERATIONS = 30  # reweighting rounds; the L1 fit has settled well before
IRLS_FLOOR = 0.01  # residuals below 1% count as 1%, so no car gets infinite weight
INNER_FOLDS = 5  # folds used to measure out-of-sample residuals for the interval
INTERVAL = (0.10, 0.90)  # an 80% interval
# Per-maker offsets are fitted on log residuals clipped to this: about twice their
# typical spread, so one mistyped car cannot set its maker's offset.
MAKE_RESIDUAL_CLIP = 0.15
# Maker names as news writes them -> as the calibration data writes them.
MAKE_ALIASES = {"mercedes": "mercedes-benz", "vw": "volkswagen", "chevy": "chevrolet"}
# Parameter bounds: physically plausible ranges, so the fit cannot trade one
# parameter's nonsense against another's.
BOUNDS = {
    "frac_petrol_na": (0.4, 1.0), "frac_petrol_turbo": (0.4, 1.0), "frac_diesel": (0.4, 1.0),
    "frac_ev": (0.4, 1.0), "mu": (0.6, 1.6), "cd": (0.2, 0.5), "eta_top": (0.6, 1.0),
    "shift_manual_s": (0.0, 1.2), "shift_auto_s": (0.0, 1.0), "first_gear_frac": (0.15, 0.6),
    "launch_s": (0.0, 1.0), "torque_speed_frac": (0.0, 0.9),
}


def features(v: physics.Vehicles) -> np.ndarray:
    """Residual-correction features: what the physics may systematically miss."""
    pw = np.log(v.power_w / 1000 / v.mass_kg) - np.log(0.1)  # kW/kg, centred near 100 kW/t
    eng = v.engine
    tall = v.height_m - DEFAULT_FRONTAL_M[1]
    return np.column_stack([
        np.ones(len(v)), pw, pw**2, v.drive == 2, v.drive == 0, v.transmission > 0,
        tall, tall * (v.drive == 2),  # tall cars and off-roaders are geared for load
        eng == physics.ENGINES.index("petrol_turbo"), eng == physics.ENGINES.index("diesel"),
    ]).astype(float)


@dataclass
class Calibration:
    """Everything fitted: physics, residual corrections, interval widths, weight prior."""

    physics: physics.PhysicsParams = field(default_factory=physics.PhysicsParams)
    accel_coef: list[float] = field(default_factory=list)  # log-residual correction
    top_coef: list[float] = field(default_factory=list)  # applied to unlimited cars only
    accel_quantiles: tuple[float, float] = (-0.12, 0.12)  # log(measured/predicted)
    top_quantiles: tuple[float, float] = (-0.05, 0.05)
    weight_prior: dict = field(default_factory=lambda: {
        "intercept": 6.0, "slope": 0.25, "sigma": 0.15})
    n_cars: int = 0
    accel_make: dict[str, float] = field(default_factory=dict)  # maker -> log offset
    top_make: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict:
        """JSON-ready form (what ``params.json`` holds)."""
        return {"physics": self.physics.to_dict(), "accel_coef": list(self.accel_coef),
                "top_coef": list(self.top_coef), "accel_quantiles": list(self.accel_quantiles),
                "top_quantiles": list(self.top_quantiles), "weight_prior": self.weight_prior,
                "n_cars": self.n_cars, "accel_make": dict(self.accel_make),
                "top_make": dict(self.top_make)}

    @classmethod
    def from_dict(cls, d: dict) -> "Calibration":
        """Inverse of :meth:`to_dict` (files without maker offsets read as having none)."""
        return cls(physics.PhysicsParams.from_dict(d["physics"]), list(d["accel_coef"]),
                   list(d["top_coef"]), tuple(d["accel_quantiles"]), tuple(d["top_quantiles"]),
                   dict(d["weight_prior"]), int(d.get("n_cars", 0)),
                   {k: float(x) for k, x in d.get("accel_make", {}).items()},
                   {k: float(x) for k, x in d.get("top_make", {}).items()})


def load_calibration(path: Path = PARAMS_PATH) -> Calibration:
    """The shipped calibration (defaults if the file has not been fitted yet)."""
    if not path.exists():
        return Calibration()
    return Calibration.from_dict(json.loads(path.read_text(encoding="utf-8")))


def make_key(cal: Calibration, subject: str | None) -> str:
    """The calibration's maker name for a model name ("Infiniti Q50" -> "infiniti"), or ""."""
    words = (subject or "").lower().split()
    known = set(cal.accel_make) | set(cal.top_make)
    for k in (2, 1, 3):  # "land rover", then "bmw", then three-word makers
        name = " ".join(words[:k])
        name = MAKE_ALIASES.get(name, name)
        if len(words) >= k and name in known:
            return name
    return ""


def impute_mass(v: physics.Vehicles, weight_prior: dict) -> physics.Vehicles:
    """The cars with a missing (NaN) curb weight given the weight prior's median."""
    missing = np.isnan(v.mass_kg)
    if not missing.any():
        return v
    median = np.exp(weight_prior["intercept"]
                    + weight_prior["slope"] * np.log(v.power_w / physics.HP_W))
    return replace(v, mass_kg=np.where(missing, median, v.mass_kg))


def _make_factor(offsets: dict[str, float], v: physics.Vehicles) -> np.ndarray:
    if not offsets or v.make is None:
        return np.ones(len(v))
    # Look each distinct maker up once: an estimate's thousands of draws share one maker.
    makers, index = np.unique(np.asarray(v.make, dtype=object).astype(str), return_inverse=True)
    return np.exp(np.array([offsets.get(m, 0.0) for m in makers]))[index]


def predict(cal: Calibration, v: physics.Vehicles) -> dict[str, np.ndarray]:
    """Point predictions: physics, times the learned corrections where they are fitted."""
    v = impute_mass(v, cal.weight_prior)
    out = physics.simulate(cal.physics, v)
    x = features(v)
    if cal.accel_coef:
        factor = np.exp(x @ np.array(cal.accel_coef)) * _make_factor(cal.accel_make, v)
        out["accel_0_60_s"] = out["accel_0_60_s"] * factor
        out["accel_0_100_s"] = out["accel_0_100_s"] * factor
    if cal.top_coef:
        capped = _capped(out["top_speed_mph"], v)
        corrected = out["top_speed_mph"] * np.exp(x @ np.array(cal.top_coef))
        corrected = corrected * _make_factor(cal.top_make, v)
        if np.any(v.limited):  # a correction must not push a car past its limiter
            corrected = np.where(v.limited, np.minimum(corrected, physics.LIMITER_MPH), corrected)
        out["top_speed_mph"] = np.where(capped, out["top_speed_mph"], corrected)
    return out


def _capped(top_mph: np.ndarray, v: physics.Vehicles) -> np.ndarray:
    at_limiter = v.limited & np.isclose(top_mph, physics.LIMITER_MPH)
    return at_limiter | np.isclose(top_mph * physics.MPH, v.ev_limit_ms)


def fit_physics(ds: Dataset, start: physics.PhysicsParams | None = None) -> physics.PhysicsParams:
    """Robust least squares of 0-100 km/h and top speed over the measured cars."""
    start = start or physics.PhysicsParams()
    names = list(start.to_dict())
    lo = np.array([BOUNDS[n][0] for n in names])
    hi = np.array([BOUNDS[n][1] for n in names])
    has_a = ~np.isnan(ds.accel_0_100_s)
    has_t = ~np.isnan(ds.top_speed_mph)

    def residuals(x: np.ndarray) -> np.ndarray:
        out = physics.simulate(physics.PhysicsParams.from_vector(x), ds.vehicles)
        ra = np.nan_to_num(out["accel_0_100_s"][has_a] - ds.accel_0_100_s[has_a], nan=5.0)
        rt = (out["top_speed_mph"][has_t] - ds.top_speed_mph[has_t]) / TOP_SPEED_SCALE_MPH
        return np.concatenate([ra, rt])

    x0 = np.clip(start.vector(), lo + 1e-6, hi - 1e-6)
    fit = least_squares(residuals, x0, bounds=(lo, hi), loss="soft_l1", f_scale=ROBUST_SCALE,
                        diff_step=1e-3)
    return physics.PhysicsParams.from_vector(fit.x)


def _robust_ridge(x: np.ndarray, y: np.ndarray, scale: np.ndarray) -> list[float]:
    """Ridge-penalised least absolute deviations by iteratively reweighted least squares.

    ``y`` is a log ratio; weighting each car by ``scale`` (its measured value)
    makes the fit minimise absolute errors in seconds or mph, the figure judged.
    """
    penalty = RIDGE * np.eye(x.shape[1])
    penalty[0, 0] = 0.0  # the intercept is not shrunk
    w = scale / scale.mean()
    for _ in range(IRLS_ITERATIONS):
        xw = x * w[:, None]
        coef = np.linalg.solve(x.T @ xw + penalty, xw.T @ y)
        w = scale / scale.mean() / np.maximum(np.abs(y - x @ coef), IRLS_FLOOR)
    return coef.tolist()


def make_offsets(log_resid: np.ndarray, makes: np.ndarray) -> dict[str, float]:
    """Per-maker log offsets, shrunk to zero by empirical Bayes.

    The figures are makers' own claims, and makers quote differently (launch
    control or not, optimistic or cautious). Each maker's mean residual is
    shrunk by ``n / (n + k)``, with ``k`` = within-maker / between-maker variance
    estimated by the method of moments: a maker with few cars, or makers that
    do not really differ, get (almost) no offset.
    """
    ok = ~np.isnan(log_resid) & (makes != "")
    r, m = np.clip(log_resid[ok], -MAKE_RESIDUAL_CLIP, MAKE_RESIDUAL_CLIP), makes[ok]
    names, inverse, counts = np.unique(m, return_inverse=True, return_counts=True)
    if len(names) < 2:
        return {}
    means = np.bincount(inverse, weights=r) / counts
    within = float(np.var(r))
    between = float(np.var(means)) - within * float(np.mean(1 / counts))
    if between <= 0:
        return {}
    k = within / between
    return {str(name): float(c * mu / (c + k)) for name, c, mu in zip(names, counts, means)}


def fit_corrections(cal: Calibration, ds: Dataset) -> None:
    """Fit the log-residual corrections of the physics, then the maker offsets (in place)."""
    raw = physics.simulate(cal.physics, ds.vehicles)
    x = features(ds.vehicles)
    ok = ~np.isnan(ds.accel_0_100_s) & ~np.isnan(raw["accel_0_100_s"])
    y = ds.accel_0_100_s[ok]
    cal.accel_coef = _robust_ridge(x[ok], np.log(y / raw["accel_0_100_s"][ok]), y)
    ok = ~np.isnan(ds.top_speed_mph) & ~_capped(raw["top_speed_mph"], ds.vehicles)
    y = ds.top_speed_mph[ok]
    cal.top_coef = _robust_ridge(x[ok], np.log(y / raw["top_speed_mph"][ok]), y)
    if ds.vehicles.make is None:
        return
    out = predict(cal, ds.vehicles)
    cal.accel_make = make_offsets(np.log(ds.accel_0_100_s / out["accel_0_100_s"]),
                                  ds.vehicles.make)
    # Cars at their limiter say nothing about how their maker quotes top speeds.
    top_resid = np.where(_capped(out["top_speed_mph"], ds.vehicles), np.nan,
                         np.log(ds.top_speed_mph / out["top_speed_mph"]))
    cal.top_make = make_offsets(top_resid, ds.vehicles.make)


def fit_weight_prior(ds: Dataset) -> dict:
    """log(curb weight) = a + b log(power hp): what a car of known power probably weighs."""
    ok = ~np.isnan(ds.vehicles.mass_kg)
    hp = ds.vehicles.power_w[ok] / physics.HP_W
    x = np.column_stack([np.ones(len(hp)), np.log(hp)])
    y = np.log(ds.vehicles.mass_kg[ok])
    coef, *_ = np.linalg.lstsq(x, y, rcond=None)
    sigma = float(np.std(y - x @ coef, ddof=2))
    return {"intercept": float(coef[0]), "slope": float(coef[1]), "sigma": sigma}


def _fit_point(ds: Dataset, start: physics.PhysicsParams | None) -> Calibration:
    """Weight prior, physics and corrections, all from ``ds`` alone."""
    prior = fit_weight_prior(ds)
    ds = replace(ds, vehicles=impute_mass(ds.vehicles, prior))
    cal = Calibration(physics=fit_physics(ds, start), weight_prior=prior)
    fit_corrections(cal, ds)
    return cal


def fold_indices(n: int, k: int, seed: int) -> list[np.ndarray]:
    """Split ``range(n)`` into ``k`` shuffled folds (seeded)."""
    order = np.random.default_rng(seed).permutation(n)
    return [np.sort(f) for f in np.array_split(order, k)]


def fit_calibration(ds: Dataset, seed: int = 0,
                    start: physics.PhysicsParams | None = None) -> Calibration:
    """Fit everything on ``ds``. Interval widths come from inner cross-validation,
    so they reflect errors on cars the fit has not seen."""
    cal = _fit_point(ds, start)
    log_a, log_t = [], []
    for fold in fold_indices(len(ds), INNER_FOLDS, seed):
        train = np.setdiff1d(np.arange(len(ds)), fold)
        inner = _fit_point(ds.subset(train), cal.physics)
        held = ds.subset(fold)
        pred = predict(inner, held.vehicles)
        log_a.append(np.log(held.accel_0_100_s / pred["accel_0_100_s"]))
        log_t.append(np.log(held.top_speed_mph / pred["top_speed_mph"]))
    la, lt = np.concatenate(log_a), np.concatenate(log_t)
    cal.accel_quantiles = tuple(float(q) for q in np.nanquantile(la, INTERVAL))
    cal.top_quantiles = tuple(float(q) for q in np.nanquantile(lt, INTERVAL))
    cal.n_cars = len(ds)
    return cal


def interval(point: np.ndarray, quantiles: tuple[float, float]) -> tuple[np.ndarray, np.ndarray]:
    """80% interval around point predictions from log-residual quantiles."""
    return point * np.exp(quantiles[0]), point * np.exp(quantiles[1])
