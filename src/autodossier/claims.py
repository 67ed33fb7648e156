"""The claim contract (``../shared/claims.md``, v1) as Python types.

A :class:`Claim` is one statement an article makes about one vehicle model (or
a make), in one attribute, with one value and the certainty the article gives
it. Every stage after extraction consumes claims in this shape; ``to_dict``
gives the JSON Lines object of the contract, field for field.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# Statuses and the scoring tiers they fold into (contract, "Status").
STATUSES = ("confirmed", "reported", "expected", "rumored", "speculative", "denied")
TIERS = {
    "confirmed": "fact",
    "reported": "likely",
    "expected": "likely",
    "rumored": "uncertain",
    "speculative": "uncertain",
    "denied": "negated",
}
# Higher is more certain; used to keep "the most certain status" of a repeated fact.
CERTAINTY_RANK = {
    "denied": 0, "speculative": 1, "rumored": 2, "expected": 3, "reported": 4, "confirmed": 5,
}

# Attribute vocabulary: name -> unit (None where the value carries no unit).
ATTRIBUTES: dict[str, str | None] = {
    "power_hp": "hp",
    "torque_lbft": "lb-ft",
    "displacement_l": "L",
    "cylinders": None,
    "engine_layout": None,
    "aspiration": None,
    "engine_code": None,
    "powertrain": None,
    "drivetrain": None,
    "transmission": None,
    "gears": None,
    "body_style": None,
    "shares_platform_with": None,
    "shares_engine_with": None,
    "replaces": None,
    "lifecycle": None,
    "reveal": None,
    "on_sale": None,
    "production_start": None,
    "production_end": None,
    "price": None,  # the currency code is the unit
    "sales_units": None,
    "sales_change_pct": "%",
    "accel_0_60_s": "s",
    "accel_0_100_s": "s",
    "top_speed_mph": "mph",
    "market": None,
    "curb_weight_kg": "kg",
    "range_km": "km",
    "battery_kwh": "kWh",
}
DATE_ATTRIBUTES = frozenset({"reveal", "on_sale", "production_start", "production_end"})
ENTITY_ATTRIBUTES = frozenset({"shares_platform_with", "shares_engine_with", "replaces"})
NUMERIC_ATTRIBUTES = frozenset({
    "power_hp", "torque_lbft", "displacement_l", "cylinders", "gears", "price",
    "sales_units", "sales_change_pct", "accel_0_60_s", "accel_0_100_s",
    "top_speed_mph", "curb_weight_kg", "range_km", "battery_kwh",
})
QUALIFIERS = ("=", ">", ">=", "<", "<=", "~")

# Field order of the JSON Lines output (contract table order).
FIELD_ORDER = (
    "doc", "subject", "variant", "generation", "attribute", "value", "unit",
    "qualifier", "negated", "status", "source", "period", "region", "evidence",
    "as_of", "qualifier_text",
)


@dataclass
class Claim:
    """One claim of the contract. Optional fields left at their default are omitted on output."""

    doc: str
    subject: str
    attribute: str
    value: Any
    status: str
    evidence: str
    variant: str | None = None
    generation: int | None = None
    unit: str | None = None
    qualifier: str = "="
    negated: bool = False
    source: str | None = None
    period: str | None = None
    region: str | None = None
    as_of: str | None = None
    qualifier_text: str | None = None
    # Character offset of the evidence in the document text (not part of the contract output).
    start: int | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.attribute not in ATTRIBUTES:
            raise ValueError(f"unknown attribute {self.attribute!r}")
        if self.status not in STATUSES:
            raise ValueError(f"unknown status {self.status!r}")
        if self.qualifier not in QUALIFIERS:
            raise ValueError(f"unknown qualifier {self.qualifier!r}")
        if self.unit is None and ATTRIBUTES[self.attribute]:
            self.unit = ATTRIBUTES[self.attribute]

    @property
    def key(self) -> tuple:
        """Identity of a claim within a document (contract: "what counts as one claim")."""
        value = self.value
        if isinstance(value, str):
            value = value.lower()
        elif isinstance(value, float) and value.is_integer():
            value = int(value)
        return (self.doc, self.subject.lower(), self.attribute, value, self.negated)

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON object: required fields always, optional ones when set."""
        raw = asdict(self)
        out: dict[str, Any] = {}
        for name in FIELD_ORDER:
            value = raw.get(name)
            if name == "qualifier" and value == "=":
                continue
            if name == "negated" and not value:
                continue
            if value is None and name not in ("doc", "subject", "attribute", "value", "status", "evidence"):
                continue
            out[name] = value
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Claim":
        """Build a claim from a contract object (unknown keys such as gold's ``optional`` are ignored)."""
        names = set(FIELD_ORDER)
        return cls(**{k: v for k, v in data.items() if k in names and v is not None})
