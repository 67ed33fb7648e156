"""Fit the estimate model on every measured car and write ``src/autodossier/estimate/params.json``.

Usage: .venv/bin/python bench/fit_estimate.py [--seed 0] [--csv data/topgear.csv] [--out PATH]

Deterministic: the optimiser starts from fixed defaults and the only randomness
(the inner folds that size the intervals) is seeded.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from autodossier.estimate import calibrate
from autodossier.estimate.dataset import load_topgear

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    """Fit, print the parameters and in-sample errors, write the JSON file."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--csv", default=str(ROOT / "data" / "topgear.csv"))
    ap.add_argument("--out", default=str(calibrate.PARAMS_PATH))
    args = ap.parse_args()

    ds, dropped = load_topgear(args.csv)
    cal = calibrate.fit_calibration(ds, seed=args.seed)
    out = calibrate.predict(cal, ds.vehicles)
    mae_a = np.nanmean(np.abs(out["accel_0_100_s"] - ds.accel_0_100_s))
    mae_t = np.nanmean(np.abs(out["top_speed_mph"] - ds.top_speed_mph))
    data = cal.to_dict()
    data["source"] = {"csv": Path(args.csv).name, "cars": len(ds), "dropped_rows": dropped,
                      "seed": args.seed, "in_sample_mae_0_100_s": round(float(mae_a), 4),
                      "in_sample_mae_top_mph": round(float(mae_t), 3)}
    Path(args.out).write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    for name, value in cal.physics.to_dict().items():
        print(f"{name:20s} {value:8.4f}")
    print(f"80% interval (log ratio): 0-100 {cal.accel_quantiles}, top {cal.top_quantiles}")
    for label, offsets in (("0-100", cal.accel_make), ("top speed", cal.top_make)):
        big = sorted(offsets.items(), key=lambda kv: -abs(kv[1]))[:3]
        print(f"maker offsets, {label}: {len(offsets)} makers; largest "
              + ", ".join(f"{k} {v:+.3f}" for k, v in big))
    print(f"in-sample MAE: 0-100 km/h {mae_a:.3f} s, top speed {mae_t:.2f} mph ({len(ds)} cars)")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
