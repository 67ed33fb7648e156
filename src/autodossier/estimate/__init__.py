"""Estimates of 0-60 mph, 0-100 km/h and top speed from a model's claims (pure, no I/O
besides reading the shipped calibration).

A physics-based longitudinal model (:mod:`.physics`) calibrated on measured cars
(:mod:`.calibrate`, ``bench/fit_estimate.py``), with missing inputs drawn from
priors (:mod:`.priors`) and propagated by a seeded Monte Carlo (:mod:`.model`).
"""
from autodossier.estimate.inputs import EstimateInput
from autodossier.estimate.model import Estimate, Quantity, estimate_model

__all__ = ["Estimate", "EstimateInput", "Quantity", "estimate_model"]
