"""Values stated "respectively": the n-th value goes to the n-th model named before them."""
from __future__ import annotations

from autodossier.claims import ENTITY_ATTRIBUTES
from autodossier.extract.findings import Finding
from autodossier.extract.mentions import Mention


def respectively(pending: list, found: list[Finding], mentions: list[Mention]) -> list:
    """"The Golf R and WRX STI make 235kW and 295kW respectively": the values of one attribute go,
    in order, to the models named before them (a range each when there are twice as many values)."""
    by_attr: dict[str, list[Finding]] = {}
    for f in sorted(found, key=lambda f: f.start):
        if f.attribute not in ENTITY_ATTRIBUTES and f.value is not None:
            by_attr.setdefault(f.attribute, []).append(f)
    owners: dict[int, Mention] = {}
    for values in by_attr.values():
        models: list[Mention] = []
        for m in mentions:
            if m.model and m.kind == "explicit" and not m.parenthetical and m.end <= values[0].start:
                models = [x for x in models if x.subject != m.subject] + [m]
        n = len(values)
        k = next((k for k in (n, n // 2) if 2 <= k <= len(models) and n % k == 0), 0)
        if not k:
            continue
        for i, f in enumerate(values):
            owners[id(f)] = models[len(models) - k + i // (n // k)]
    if not owners:
        return pending
    out = [p for p in pending if id(p[0]) not in owners or p[2] is not None]
    done: set[int] = set()
    for f, subject, value_override, status in pending:
        if id(f) in owners and value_override is None and id(f) not in done:
            done.add(id(f))
            out.append((f, owners[id(f)], None, status))
    return out
