"""Cross-validated accuracy of the 0-62 mph / top-speed estimates on measured cars.

Usage: .venv/bin/python bench/estimate_accuracy.py [--folds 5] [--seed 0] [--csv data/topgear.csv]

Every figure for the physics model is out-of-sample: each fold's parameters,
residual correction, maker offsets, weight prior (which stands in for an
implausible source weight) and interval widths are fitted on the other folds only.
Baselines are printed beside it: the power-to-weight power law (in-sample, as
usually quoted, and cross-validated) and a linear kg-per-kW rule.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np

from autodossier.estimate import calibrate, physics
from autodossier.estimate.dataset import Dataset, load_topgear

ROOT = Path(__file__).resolve().parents[1]
TARGET_ACCEL_MAE_S = 0.5
TARGET_TOP_MAE_MPH = 6.0
TARGET_COVERAGE = (0.75, 0.85)


def _mae(pred: np.ndarray, true: np.ndarray) -> float:
    ok = ~np.isnan(pred) & ~np.isnan(true)
    return float(np.mean(np.abs(pred[ok] - true[ok])))


def _coverage(lo: np.ndarray, hi: np.ndarray, true: np.ndarray) -> float:
    ok = ~np.isnan(lo) & ~np.isnan(true)
    return float(np.mean((lo[ok] <= true[ok]) & (true[ok] <= hi[ok])))


def _power_law_fit(kw_per_kg: np.ndarray, y: np.ndarray) -> np.ndarray:
    """y = a (P/W)^b, fitted in log space."""
    ok = ~np.isnan(y)
    x = np.column_stack([np.ones(ok.sum()), np.log(kw_per_kg[ok])])
    coef, *_ = np.linalg.lstsq(x, np.log(y[ok]), rcond=None)
    return coef


def _kw_per_kg(train: Dataset, vehicles: physics.Vehicles) -> np.ndarray:
    """Power-to-weight, an implausible (NaN) weight imputed as the physics model does."""
    v = calibrate.impute_mass(vehicles, calibrate.fit_weight_prior(train))
    return v.power_w / 1000 / v.mass_kg


def _linear_fit(kg_per_kw: np.ndarray, y: np.ndarray) -> np.ndarray:
    ok = ~np.isnan(y)
    x = np.column_stack([np.ones(ok.sum()), kg_per_kw[ok]])
    coef, *_ = np.linalg.lstsq(x, y[ok], rcond=None)
    return coef


def main() -> None:
    """Run the cross-validation and print every figure beside its target."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--csv", default=str(ROOT / "data" / "topgear.csv"))
    args = ap.parse_args()

    ds, dropped = load_topgear(args.csv)
    n = len(ds)
    accel, top = ds.accel_0_100_s, ds.top_speed_mph
    pred = {k: np.full(n, np.nan) for k in ("phys_a", "a", "a_lo", "a_hi", "phys_t", "t",
                                           "t_lo", "t_hi", "pl_a", "pl_t")}
    kw_kg = _kw_per_kg(ds, ds.vehicles)  # in-sample baselines: imputed from all cars
    started = time.perf_counter()
    for fold in calibrate.fold_indices(n, args.folds, args.seed):
        train = np.setdiff1d(np.arange(n), fold)
        cal = calibrate.fit_calibration(ds.subset(train), seed=args.seed)
        held = ds.subset(fold).vehicles
        raw = physics.simulate(cal.physics, calibrate.impute_mass(held, cal.weight_prior))
        out = calibrate.predict(cal, held)
        pred["phys_a"][fold], pred["phys_t"][fold] = raw["accel_0_100_s"], raw["top_speed_mph"]
        pred["a"][fold], pred["t"][fold] = out["accel_0_100_s"], out["top_speed_mph"]
        pred["a_lo"][fold], pred["a_hi"][fold] = calibrate.interval(
            out["accel_0_100_s"], cal.accel_quantiles)
        pred["t_lo"][fold], pred["t_hi"][fold] = calibrate.interval(
            out["top_speed_mph"], cal.top_quantiles)
        fold_kw_kg = _kw_per_kg(ds.subset(train), ds.vehicles)  # imputed from training cars
        for key, y in (("pl_a", accel), ("pl_t", top)):
            c = _power_law_fit(fold_kw_kg[train], y[train])
            pred[key][fold] = np.exp(c[0] + c[1] * np.log(fold_kw_kg[fold]))
    elapsed = time.perf_counter() - started

    pl_in = _power_law_fit(kw_kg, accel)
    pl_in_t = _power_law_fit(kw_kg, top)
    lin = _linear_fit(1 / kw_kg, accel)
    n_a, n_t = int((~np.isnan(accel)).sum()), int((~np.isnan(top)).sum())
    n_imputed = int(np.isnan(ds.vehicles.mass_kg).sum())
    print(f"cars: {n} usable ({dropped} rows dropped for missing power, weight or drive;"
          f" {n_imputed} implausible weight imputed from the training folds' weight prior);"
          f" {n_a} with 0-62 mph, {n_t} with top speed; {args.folds}-fold CV, seed {args.seed}")
    print(f"{'model':58s} {'0-62 MAE s':>11s} {'top MAE mph':>12s}")
    rows = [
        ("power-to-weight power law, in-sample", _mae(np.exp(pl_in[0] + pl_in[1] * np.log(kw_kg)),
                                                      accel),
         _mae(np.exp(pl_in_t[0] + pl_in_t[1] * np.log(kw_kg)), top)),
        ("power-to-weight power law, cross-validated", _mae(pred["pl_a"], accel),
         _mae(pred["pl_t"], top)),
        ("linear kg/kW rule (t = a + b kg/kW), in-sample", _mae(lin[0] + lin[1] / kw_kg, accel),
         float("nan")),
        ("physics only, cross-validated", _mae(pred["phys_a"], accel), _mae(pred["phys_t"], top)),
        ("physics + residual correction, cross-validated  <- shipped", _mae(pred["a"], accel),
         _mae(pred["t"], top)),
    ]
    for name, a, t in rows:
        print(f"{name:58s} {a:11.3f} {t:12.2f}")
    cov_a = _coverage(pred["a_lo"], pred["a_hi"], accel)
    cov_t = _coverage(pred["t_lo"], pred["t_hi"], top)
    mae_a, mae_t = _mae(pred["a"], accel), _mae(pred["t"], top)
    print(f"80% interval coverage, cross-validated: 0-62 {cov_a:.1%}, top speed {cov_t:.1%}")
    print("targets: 0-62 MAE <= %.1f s: %s (%.3f); top MAE <= %.0f mph: %s (%.2f); "
          "coverage 75-85%%: %s / %s" % (
              TARGET_ACCEL_MAE_S, "met" if mae_a <= TARGET_ACCEL_MAE_S else "NOT met", mae_a,
              TARGET_TOP_MAE_MPH, "met" if mae_t <= TARGET_TOP_MAE_MPH else "NOT met", mae_t,
              "met" if TARGET_COVERAGE[0] <= cov_a <= TARGET_COVERAGE[1] else "NOT met",
              "met" if TARGET_COVERAGE[0] <= cov_t <= TARGET_COVERAGE[1] else "NOT met"))
    bands = [(0, 6), (6, 9), (9, 12), (12, 99)]
    parts = []
    for lo, hi in bands:
        sel = (accel >= lo) & (accel < hi)
        parts.append(f"{lo}-{hi if hi < 99 else ''} s: {_mae(pred['a'][sel], accel[sel]):.2f}"
                     f" (n={int(sel.sum())})")
    print("shipped 0-62 MAE by measured time: " + "; ".join(parts))
    print(f"median abs error 0-62: {np.nanmedian(np.abs(pred['a'] - accel)):.3f} s;"
          f" cross-validation took {elapsed:.1f} s")
    print("note: the data has no 0-60 mph times; 0-60 estimates reuse the 0-62 calibration.")
    print("note: the issue's 'AutoSpeed formula' anchor could not be verified offline;"
          " the linear kg/kW rule stands in for it and is not that formula.")


if __name__ == "__main__":
    main()
