"""From claim records to Monte Carlo draws of the model's inputs, and a record of what was used.

A model's own claims come first; an attribute it has no claim for is taken
from the models it shares an engine (power, torque, engine) or a platform
(weight, size, drivetrain) with, with a wider spread; what neither gives is
drawn from a prior (:mod:`autodossier.estimate.priors`).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

# How much a claim counts when claims disagree, by certainty: an official figure
# outweighs a rumour, a denied statement does not count at all.
STATUS_WEIGHT = {"confirmed": 1.0, "reported": 0.7, "expected": 0.7, "rumored": 0.4,
                 "speculative": 0.3, "denied": 0.0}
DEFAULT_STATUS_WEIGHT = 0.5  # a record without a known status
# "> 450 hp" reads as "somewhat more than 450": up to this share above (or below for "<").
BOUND_SPAN = 0.12
APPROX_SPAN = 0.05  # "~ 400 hp" means within this share either way
RELATED_SPREAD = 0.06  # relative sd when a figure is borrowed from a related model
# Which relation a borrowed attribute is most faithful under: engine numbers come
# from an engine-sharing model, body numbers from a platform-sharing one.
PREFERRED_RELATION = {"power_hp": "engine", "torque_lbft": "engine", "aspiration": "engine",
                      "displacement_l": "engine", "curb_weight_kg": "platform",
                      "drivetrain": "platform", "body_style": "platform"}
RELATION_ATTRIBUTES = {"shares_engine_with": "engine", "shares_platform_with": "platform"}


@dataclass
class EstimateInput:
    """One input the estimate used: a claim (own or a related model's) or a prior."""

    attribute: str
    value: Any
    source: str  # "claim", "related" or "prior"
    subject: str | None = None
    qualifier: str | None = None
    status: str | None = None
    weight: float | None = None  # share of the draws this input fed
    doc: str | None = None
    evidence: str | None = None
    note: str | None = None

    def to_dict(self) -> dict:
        """JSON-ready dict without empty fields."""
        return {k: v for k, v in asdict(self).items() if v is not None}


def _weight(rec: dict) -> float:
    return STATUS_WEIGHT.get(rec.get("status") or "", DEFAULT_STATUS_WEIGHT)


def _usable(rec: dict, attribute: str) -> bool:
    return (rec.get("attribute") == attribute and not rec.get("negated")
            and rec.get("value") is not None and _weight(rec) > 0)


def relations(claims: list[dict]) -> dict[str, str]:
    """Related model name -> "engine" or "platform", from the model's own claims."""
    out: dict[str, str] = {}
    for rec in claims:
        rel = RELATION_ATTRIBUTES.get(rec.get("attribute") or "")
        if rel and not rec.get("negated") and isinstance(rec.get("value"), str):
            out.setdefault(rec["value"], rel)
    return out


class InputSource:
    """Finds the records for each attribute: own claims, else related models' claims."""

    def __init__(self, claims: list[dict], related: dict[str, list[dict]] | None) -> None:
        self.claims = claims
        self.related = related or {}
        self.relation = relations(claims)
        self.used: list[EstimateInput] = []

    def records(self, attribute: str) -> tuple[list[dict], str]:
        """Usable records and where they come from ("claim", "related" or "" for none)."""
        own = [r for r in self.claims if _usable(r, attribute)]
        if own:
            return own, "claim"
        preferred = PREFERRED_RELATION.get(attribute)
        ranked = sorted(self.related, key=lambda name: self.relation.get(name) != preferred)
        for name in ranked:
            recs = [r for r in self.related[name] if _usable(r, attribute)]
            if recs:
                return recs, "related"
        return [], ""

    def note(self, attribute: str, recs: list[dict], source: str,
             total: float = 1.0) -> np.ndarray:
        """Record the records as used inputs; returns their weights, summing to ``total``."""
        w = np.array([_weight(r) for r in recs])
        w = total * w / w.sum()
        for rec, share in zip(recs, w):
            self.used.append(EstimateInput(
                attribute=attribute, value=rec.get("value"), source=source,
                subject=rec.get("subject"), qualifier=rec.get("qualifier") or "=",
                status=rec.get("status"), weight=round(float(share), 3), doc=rec.get("doc"),
                evidence=rec.get("evidence"),
                note=(f"from related model ({self.relation.get(rec.get('subject'), 'related')})"
                      if source == "related" else None)))
        return w

    def prior(self, attribute: str, value: Any, note: str) -> None:
        """Record that a prior stood in for an attribute."""
        self.used.append(EstimateInput(attribute=attribute, value=value, source="prior",
                                       note=note))

    def numeric(self, rng: np.random.Generator, n: int, attribute: str,
                minimum: float = 0.0) -> np.ndarray | None:
        """Draws of a numeric attribute (mixture over its claims), or None without claims.

        Values below ``minimum`` are implausible (an extraction or data error) and
        count as no claim.
        """
        recs, source = self.records(attribute)
        recs = [r for r in recs if (_to_float(r.get("value")) or 0.0) >= max(minimum, 1e-9)]
        if not recs:
            return None
        w = self.note(attribute, recs, source)
        pick = rng.choice(len(recs), size=n, p=w)
        values = np.array([_to_float(r["value"]) for r in recs])[pick]
        quals = np.array([r.get("qualifier") or "=" for r in recs])[pick]
        u = rng.random(n)
        factor = np.select(
            [np.isin(quals, [">", ">="]), np.isin(quals, ["<", "<="]), quals == "~"],
            [1 + BOUND_SPAN * u, 1 - BOUND_SPAN * u, 1 + APPROX_SPAN * (2 * u - 1)], 1.0)
        if source == "related":
            factor = factor * (1 + rng.normal(0, RELATED_SPREAD, n))
        return values * factor

    def categorical(self, rng: np.random.Generator, n: int, attribute: str,
                    names: tuple[str, ...],
                    prior: dict[str, float] | None = None) -> np.ndarray | None:
        """Draws (indices into ``names``) of a categorical attribute, or None without claims.

        With a ``prior``, claims short of certainty (a lone rumour) decide only their
        weight's share of the draws; the prior fills the rest.
        """
        recs, source = self.records(attribute)
        recs = [r for r in recs if str(r.get("value")).lower() in names]
        if not recs:
            return None
        claimed = min(1.0, max(_weight(r) for r in recs)) if prior else 1.0
        w = self.note(attribute, recs, source, claimed)
        idx = np.array([names.index(str(r["value"]).lower()) for r in recs])
        draws = idx[rng.choice(len(recs), size=n, p=w / w.sum())]
        if claimed < 1.0:
            self.prior(attribute, prior, f"claims short of certain: {1 - claimed:.0%} of draws "
                                         "from shares among recent cars")
            p = np.array([prior.get(k, 0.0) for k in names], dtype=float)
            from_prior = rng.choice(len(names), size=n, p=p / p.sum())
            draws = np.where(rng.random(n) < claimed, draws, from_prior)
        return draws

    def first_value(self, attribute: str) -> str | None:
        """The most certain value of a categorical attribute (own or related), unrecorded."""
        recs, _ = self.records(attribute)
        if not recs:
            return None
        return str(max(recs, key=_weight)["value"]).lower()


def _to_float(value: Any) -> float | None:
    """A positive number from a claim value (numbers may arrive as strings), else None."""
    if isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if np.isfinite(number) and number > 0 else None
