"""The claims an estimate needs: the model's own and those of models sharing its parts.

One place for every face (CLI, web, Python API), so they all estimate from the same inputs.
"""
from __future__ import annotations

from typing import Any

# Claims naming models whose figures can stand in for missing ones (as in estimate.inputs;
# not imported from there so that loading a face does not load numpy). "replaces" is not
# one: a successor often differs in exactly the figures an estimate needs.
RELATION_ATTRIBUTES = ("shares_platform_with", "shares_engine_with")


def gather_claims(kb: Any, subject: str, as_of: str | None = None) -> tuple[list[dict], dict[str, list[dict]]]:
    """The model's claim records and, per model sharing its platform or engine, that model's records."""
    claims = kb.claims(subject=subject, as_of=as_of)
    related: dict[str, list[dict]] = {}
    for rec in claims:
        name = rec.get("value")
        if rec.get("attribute") in RELATION_ATTRIBUTES and isinstance(name, str) \
                and not rec.get("negated") and name not in related and name != subject:
            related[name] = kb.claims(subject=name, as_of=as_of)
    return claims, related
