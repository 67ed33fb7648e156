"""The calibration set: measured cars from ``data/topgear.csv`` as model inputs and targets.

The file is the BBC Top Gear car table (2014) as shipped with robustHD / robpy;
see ``data/README.md``. Units there: BHP, torque in lb-ft, weight in kg,
dimensions in mm, ``Acceleration`` 0-62 mph (= 0-100 km/h) in s, ``TopSpeed`` mph.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from autodossier.estimate import physics
from autodossier.estimate.priors import (MIN_CURB_WEIGHT_KG, TURBO_LBFT_PER_L,
                                         ev_limit_point_ms, frontal_prior, is_limited_make)


@dataclass
class Dataset:
    """Cars with their inputs and measured targets (NaN where a target is missing;
    NaN curb weight where the source's figure is implausible, see :func:`load_topgear`)."""

    names: list[str]
    vehicles: physics.Vehicles
    torque_lbft: np.ndarray
    accel_0_100_s: np.ndarray
    top_speed_mph: np.ndarray

    def __len__(self) -> int:
        return len(self.names)

    def subset(self, idx: np.ndarray) -> "Dataset":
        """The cars at positions ``idx``."""
        return Dataset([self.names[i] for i in idx], self.vehicles.subset(idx),
                       self.torque_lbft[idx], self.accel_0_100_s[idx], self.top_speed_mph[idx])


def _num(text: str) -> float:
    try:
        return float(text)
    except ValueError:  # "NA"
        return float("nan")


def load_topgear(path: str | Path) -> tuple[Dataset, int]:
    """Read the CSV; returns the usable cars and how many rows were dropped.

    A row is usable when it has power, weight and drive wheels (the inputs no
    prior can stand in for when judging accuracy). A 0-62 time of 0 is a
    missing value in the source (Renault Twizy), read as NaN. A weight below
    ``MIN_CURB_WEIGHT_KG`` (a 210 kg Peugeot 107) is read as NaN: the car stays
    in, and the calibration imputes its weight from the fitted weight prior, as
    an estimate without a weight claim does.
    """
    names, cols, dropped = [], {k: [] for k in (
        "power_w", "mass_kg", "drive", "transmission", "engine", "width_m", "height_m",
        "limited", "ev_limit_ms", "make", "torque", "accel", "top")}, 0
    drive_map = {"Front": 0, "Rear": 1, "4WD": 2}
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            bhp, kg = _num(row["BHP"]), _num(row["Weight"])
            if not (bhp > 0 and kg > 0) or row["DriveWheel"] not in drive_map:
                dropped += 1
                continue
            torque, disp = _num(row["Torque"]), _num(row["Displacement"])
            if row["Fuel"] == "Diesel":
                engine = "diesel"
            elif row["Fuel"] == "Petrol":
                turbo = disp > 0 and torque / (disp / 1000) > TURBO_LBFT_PER_L
                engine = "petrol_turbo" if turbo else "petrol_na"
            else:  # the source leaves Fuel empty for its five electric cars
                engine = "ev"
            width, height = _num(row["Width"]) / 1000, _num(row["Height"]) / 1000
            default_w, default_h = frontal_prior(None)
            accel = _num(row["Acceleration"])
            names.append(f'{row["Make"]} {row["Type"]}')
            cols["power_w"].append(bhp * physics.HP_W)
            cols["mass_kg"].append(kg if kg >= MIN_CURB_WEIGHT_KG else float("nan"))
            cols["drive"].append(drive_map[row["DriveWheel"]])
            # "standard" automatic: the quoted figures are for the automatic car.
            cols["transmission"].append(1 if row["Automatic"] == "standard" else 0)
            cols["engine"].append(physics.ENGINES.index(engine))
            cols["width_m"].append(width if width > 0 else default_w)
            cols["height_m"].append(height if height > 0 else default_h)
            cols["limited"].append(is_limited_make(row["Make"]))
            cols["ev_limit_ms"].append(ev_limit_point_ms() if engine == "ev" else np.inf)
            cols["make"].append(row["Make"].strip().lower())
            cols["torque"].append(torque)
            cols["accel"].append(accel if accel > 0 else float("nan"))
            cols["top"].append(_num(row["TopSpeed"]))
    arr = {k: np.array(v) for k, v in cols.items()}
    vehicles = physics.Vehicles(
        power_w=arr["power_w"], mass_kg=arr["mass_kg"], drive=arr["drive"].astype(int),
        transmission=arr["transmission"].astype(int), engine=arr["engine"].astype(int),
        width_m=arr["width_m"], height_m=arr["height_m"], limited=arr["limited"].astype(bool),
        ev_limit_ms=arr["ev_limit_ms"], make=arr["make"])
    return Dataset(names, vehicles, arr["torque"], arr["accel"], arr["top"]), dropped
