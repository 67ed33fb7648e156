"""Train the attachment model (extract/attach.py) on the shared gold, seeded and reproducible.

usage: python scripts/train_attach.py [--shared ../shared] [--out src/autodossier/data/attach_model.json]
       [--no-write]

Every (finding, candidate subject) pair the rules and the discourse propose is labelled
true when the gold of its article holds that subject, attribute and value (the shared
scorer's own matching), and a logistic regression learns from their features.

Honest figures: the dev set is scored by 5-fold cross-validation over its articles
(each fold's model never saw that fold's articles); the decision thresholds (for any candidate,
for the rules' own choice, for the best candidate of a value) are chosen on out-of-fold predictions of the seeds and training articles only. The shipped model is then
fitted on all three sets. Prints the figures and writes the weights as JSON.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import random
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from autodossier.extract import annotate
from autodossier.extract.assemble import to_claims
from autodossier.extract.attach import candidates, decide
from autodossier.ingest.reader import read_file

ROOT = Path(__file__).resolve().parents[1]
SEED = 13
FOLDS = 5
# Strong enough regularisation that a feature seen in a handful of articles cannot dominate.
C = 0.5
SETS = ("seeds", "train", "dev")


def load_scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("shared_score", shared / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_set(shared: Path, name: str, sc) -> list[dict]:
    """Annotated articles of one shared set, with their gold claims and labelled candidates."""
    gold_by_doc: dict[str, list[dict]] = {}
    for g in sc.load(shared / "gold" / f"{name}.jsonl"):
        gold_by_doc.setdefault(sc.doc_id(g["doc"]), []).append(g)
    out = []
    for path in sorted((shared / "corpus" / name).iterdir()):
        for doc in read_file(str(path), 50_000_000):
            if not hasattr(doc, "text"):
                continue
            art = annotate(doc)
            golds = gold_by_doc.get(doc.doc, [])
            cands = candidates(art)
            labels = []
            for c in cands:
                pred = {"subject": c.subject.subject, "attribute": c.finding.attribute,
                        "value": c.finding.value, "negated": c.finding.negated}
                labels.append(int(any(sc.matches(g, pred) for g in golds)))
            out.append({"set": name, "doc": doc.doc, "art": art, "cands": cands, "labels": labels,
                        "gold": golds})
    return out


def fit(articles: list[dict], names: list[str]) -> dict:
    """A logistic model over the candidates of ``articles``, as the JSON the package ships."""
    rows = [c.features for a in articles for c in a["cands"]]
    y = np.array([l for a in articles for l in a["labels"]])
    index = {n: i for i, n in enumerate(names)}
    X = np.zeros((len(rows), len(names)))
    for i, r in enumerate(rows):
        for k, v in r.items():
            if k in index:
                X[i, index[k]] = v
    clf = LogisticRegression(C=C, max_iter=2000, random_state=SEED)
    clf.fit(X, y)
    return {"weights": {n: round(float(w), 5) for n, w in zip(names, clf.coef_[0]) if abs(w) > 1e-6},
            "bias": round(float(clf.intercept_[0]), 5), "threshold": 0.5}


def claims_for(article: dict, model: dict) -> list[dict]:
    return [c.to_dict() for c in to_claims(article["art"], decide(article["art"], model))]


def score(sc, articles: list[dict], preds: list[dict]) -> tuple[float, float, float, float]:
    gold = [g for a in articles for g in a["gold"]]
    per_attr, pairs, misses, spurious = sc.score(gold, preds)
    p, r, f = sc.prf(len(pairs), len(spurious), len(misses))
    tier = sum(sc.TIERS.get(g.get("status")) == sc.TIERS.get(q.get("status")) for g, q in pairs) / max(len(pairs), 1)
    return p, r, f, tier


def folds(articles: list[dict], k: int) -> list[list[dict]]:
    shuffled = list(articles)
    random.Random(SEED).shuffle(shuffled)
    return [shuffled[i::k] for i in range(k)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT / ".." / "shared")
    parser.add_argument("--out", type=Path, default=ROOT / "src" / "autodossier" / "data" / "attach_model.json")
    parser.add_argument("--no-write", action="store_true", help="print the figures only")
    args = parser.parse_args(argv)
    if not (args.shared / "score.py").is_file():
        sys.exit(f"train_attach: no shared scorer under {args.shared}")
    sc = load_scorer(args.shared)
    data = {name: load_set(args.shared, name, sc) for name in SETS}
    everything = [a for name in SETS for a in data[name]]
    names = sorted({k for a in everything for c in a["cands"] for k in c.features})
    print(f"{len(everything)} articles, {sum(len(a['cands']) for a in everything)} candidates, "
          f"{sum(sum(a['labels']) for a in everything)} true, {len(names)} features")

    # Threshold from out-of-fold predictions on seeds + train only (dev never chooses it).
    base = data["seeds"] + data["train"]
    oof: list[tuple[dict, dict]] = []
    for held in folds(base, FOLDS):
        held_ids = {id(a) for a in held}
        model = fit([a for a in base if id(a) not in held_ids] + data["dev"], names)
        oof += [(a, model) for a in held]
    best = (0.0, 0.5, 0.5, 0.5)
    for rule_t in (0.2, 0.3, 0.4, 0.5):
        for t in (0.6, 0.7, 0.8):
            for best_t in (0.15, 0.25, 0.35, 0.5, 1.01):  # 1.01: no special case for the best
                decision = {"threshold": t, "rule_threshold": rule_t, "best_threshold": best_t}
                preds = [c for a, m in oof for c in claims_for(a, {**m, **decision})]
                f = score(sc, [a for a, _ in oof], preds)[2]
                best = max(best, (f, t, rule_t, best_t))
    _, threshold, rule_threshold, best_threshold = best
    thresholds = {"threshold": threshold, "rule_threshold": rule_threshold, "best_threshold": best_threshold}
    print(f"thresholds: {thresholds} (out-of-fold F1 on seeds+train {best[0]:.3f})")

    for name in ("dev", "train", "seeds"):
        arts = data[name]
        rule_preds = [c.to_dict() for a in arts for c in to_claims(a["art"], a["art"].proposals)]
        cv_preds = []
        for held in folds(arts, FOLDS):
            held_ids = {id(a) for a in held}
            model = fit([a for a in everything if id(a) not in held_ids], names)
            model.update(thresholds)
            cv_preds += [c for a in held for c in claims_for(a, model)]
        rp, rr, rf, rt = score(sc, arts, rule_preds)
        p, r, f, t = score(sc, arts, cv_preds)
        print(f"{name:>6}: rules alone P {rp:.3f} R {rr:.3f} F1 {rf:.3f} tier {rt:.3f} | "
              f"learned, {FOLDS}-fold CV over articles: P {p:.3f} R {r:.3f} F1 {f:.3f} tier {t:.3f}")

    final = fit(everything, names)
    final.update(thresholds)
    final["trained_on"] = {name: len(data[name]) for name in SETS}
    if not args.no_write:
        args.out.write_text(json.dumps(final, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
