"""Reader-facing names of attributes and statuses, shared by every renderer."""
from __future__ import annotations

ATTRIBUTE_LABELS = {
    "power_hp": "Power", "torque_lbft": "Torque", "displacement_l": "Displacement",
    "cylinders": "Cylinders", "engine_layout": "Engine layout", "aspiration": "Aspiration",
    "engine_code": "Engine", "powertrain": "Powertrain", "drivetrain": "Drivetrain",
    "transmission": "Transmission", "gears": "Gears", "body_style": "Body style",
    "shares_platform_with": "Shares platform with", "shares_engine_with": "Shares engine with",
    "replaces": "Replaces", "lifecycle": "Lifecycle", "reveal": "Reveal", "on_sale": "On sale",
    "production_start": "Production start", "production_end": "Production end", "price": "Price",
    "sales_units": "Sales (units)", "sales_change_pct": "Sales change", "accel_0_60_s": "0-60 mph",
    "accel_0_100_s": "0-100 km/h", "top_speed_mph": "Top speed", "market": "Market",
    "curb_weight_kg": "Curb weight", "range_km": "Range", "battery_kwh": "Battery",
}

# The reverse reading of a relation claimed by another model about this one.
REVERSE_RELATION = {
    "shares_platform_with": "Shares platform with",
    "shares_engine_with": "Shares engine with",
    "replaces": "Replaced by",
}


def label(attribute: str) -> str:
    """The reader's name for an attribute ("accel_0_60_s" -> "0-60 mph")."""
    return ATTRIBUTE_LABELS.get(attribute, attribute.replace("_", " ").capitalize())
