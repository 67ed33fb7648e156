"""Error analysis for extraction: every miss and spurious claim bucketed by cause.

usage: python bench/extract_errors.py GOLD.jsonl PRED.jsonl DOCS [--examples N] [--bucket NAME] [--tiers]
       [--scorer ../shared/score.py]

Matching is the shared scorer's own (imported from ``--scorer``), so the counts add up to
its tp/fp/fn. Each round of extraction work goes after the largest bucket.

Buckets for a missed gold claim (first that applies):
  negation          a prediction has subject, attribute and value but the other `negated`
  wrong subject     the value was extracted for this attribute, but on another subject
  wrong attribute   subject and value found, filed under another attribute
  value differs     subject and attribute found, with another value (mis-normalised or misread)
  subject not found no prediction names the subject in this document at all
  attribute missed  the subject was found, this attribute never extracted for it
Buckets for a spurious prediction:
  wrong subject     the gold has this attribute and value on another subject
  negation          the gold has it with the other `negated`
  value differs     the gold has subject and attribute with another value
  not in gold       nothing like it in the gold
Status: matched pairs whose tier differs, as a gold -> predicted confusion table.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

DEFAULT_SCORER = Path(__file__).resolve().parents[1] / ".." / "shared" / "score.py"


def load_scorer(path: Path):
    """Import the shared scorer as a module (it is a standalone script)."""
    spec = importlib.util.spec_from_file_location("shared_score", path)
    if spec is None or spec.loader is None:
        sys.exit(f"extract_errors: cannot load the scorer at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def miss_bucket(sc, gold: dict, preds: list[dict]) -> str:
    """The cause of one missed gold claim, from the document's predictions."""
    subs = sc.subjects(gold)
    attr = gold["attribute"]
    neg = bool(gold.get("negated", False))

    def same_val(p):
        return any(sc.same_value(attr, v, p["value"]) for v in sc.values(gold))

    for p in preds:
        if sc.key(p["subject"]) in subs and p["attribute"] == attr and same_val(p) \
                and bool(p.get("negated", False)) != neg:
            return "negation"
    for p in preds:
        if p["attribute"] == attr and same_val(p) and sc.key(p["subject"]) not in subs:
            return "wrong subject"
    for p in preds:
        if sc.key(p["subject"]) in subs and p["attribute"] != attr \
                and sc.key(p["value"]) == sc.key(gold["value"]):
            return "wrong attribute"
    for p in preds:
        if sc.key(p["subject"]) in subs and p["attribute"] == attr:
            return "value differs"
    if not any(sc.key(p["subject"]) in subs for p in preds):
        return "subject not found"
    return "attribute missed"


def spurious_bucket(sc, pred: dict, golds: list[dict]) -> str:
    """The cause of one spurious prediction, from the document's gold claims."""
    attr = pred["attribute"]
    neg = bool(pred.get("negated", False))
    for g in golds:
        if g["attribute"] == attr and sc.key(pred["subject"]) not in sc.subjects(g) \
                and any(sc.same_value(attr, v, pred["value"]) for v in sc.values(g)):
            return "wrong subject"
    for g in golds:
        if sc.key(pred["subject"]) in sc.subjects(g) and g["attribute"] == attr \
                and bool(g.get("negated", False)) != neg \
                and any(sc.same_value(attr, v, pred["value"]) for v in sc.values(g)):
            return "negation"
    for g in golds:
        if sc.key(pred["subject"]) in sc.subjects(g) and g["attribute"] == attr:
            return "value differs"
    return "not in gold"


def short(claim: dict) -> str:
    neg = " NOT" if claim.get("negated") else ""
    return (f"{claim['doc']}: {claim['subject']} | {claim['attribute']}{neg} = {claim['value']}"
            f" [{claim.get('status', '?')}]")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold")
    parser.add_argument("pred")
    parser.add_argument("docs")
    parser.add_argument("--examples", type=int, default=3, help="examples printed per bucket")
    parser.add_argument("--bucket", help="print every example of this bucket only")
    parser.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    parser.add_argument("--tiers", action="store_true",
                        help="print every matched claim whose status tier differs from the gold")
    args = parser.parse_args(argv)
    if not args.scorer.is_file():
        sys.exit(f"extract_errors: no scorer at {args.scorer} (use --scorer)")
    sc = load_scorer(args.scorer)
    gold, pred = sc.load(args.gold), sc.load(args.pred)
    per_attr, pairs, misses, spurious = sc.score(gold, pred)
    gold_by_doc, pred_by_doc = defaultdict(list), defaultdict(list)
    for g in gold:
        gold_by_doc[sc.doc_id(g["doc"])].append(g)
    for p in pred:
        pred_by_doc[sc.doc_id(p["doc"])].append(p)

    miss_groups: dict[str, list[dict]] = defaultdict(list)
    for g in misses:
        miss_groups[miss_bucket(sc, g, pred_by_doc[sc.doc_id(g["doc"])])].append(g)
    spur_groups: dict[str, list[dict]] = defaultdict(list)
    for p in spurious:
        spur_groups[spurious_bucket(sc, p, gold_by_doc[sc.doc_id(p["doc"])])].append(p)
    tiers = Counter((sc.TIERS.get(g.get("status"), "?"), sc.TIERS.get(p.get("status"), "?"))
                    for g, p in pairs if sc.TIERS.get(g.get("status")) != sc.TIERS.get(p.get("status")))

    tp, fp, fn = len(pairs), len(spurious), len(misses)
    p_, r_, f_ = sc.prf(tp, fp, fn)
    print(f"tp {tp}  fp {fp}  fn {fn}   P {p_:.3f}  R {r_:.3f}  F1 {f_:.3f}")
    for title, groups, total in (("missed (fn)", miss_groups, fn), ("spurious (fp)", spur_groups, fp)):
        print(f"\n{title}")
        print(f"  {'cause':<20}{'count':>6}{'share':>8}")
        for name, items in sorted(groups.items(), key=lambda kv: -len(kv[1])):
            print(f"  {name:<20}{len(items):>6}{len(items) / max(total, 1):>8.0%}")
    print(f"\nstatus tier errors on matched claims ({sum(tiers.values())} of {tp}): gold -> predicted")
    for (g, p), n in tiers.most_common():
        print(f"  {g:>9} -> {p:<9} {n}")

    if args.tiers:
        print("\n== STATUS TIER differs (gold -> predicted)")
        for g, p in pairs:
            gt, pt = sc.TIERS.get(g.get("status"), "?"), sc.TIERS.get(p.get("status"), "?")
            if gt != pt:
                print(f"  {short(g)}  ->  {p.get('status')} ({gt} -> {pt})")
                print("     " + json.dumps(str(p.get("evidence", ""))[:220]))
        return 0
    wanted = [args.bucket] if args.bucket else None
    for title, groups in (("MISSED", miss_groups), ("SPURIOUS", spur_groups)):
        for name, items in sorted(groups.items(), key=lambda kv: -len(kv[1])):
            if wanted and name not in wanted:
                continue
            limit = len(items) if wanted else args.examples
            print(f"\n== {title} / {name}")
            for claim in items[:limit]:
                print("  " + short(claim))
                print("     " + json.dumps(str(claim.get("evidence", ""))[:220]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
