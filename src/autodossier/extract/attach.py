"""Learned attachment: which subjects a found value is about (Fonduer-style).

The grammar rules in ``assemble`` propose a subject for each finding. Real articles
defeat them often (a value lands on the last model named instead of the car the
article is about, or on a rival in a comparison), so this component widens each
finding into candidates (the rules' choice, every model named in the sentence, the
models of the title, the previous sentence's focus, the article's most-named model)
and a small logistic model scores every (finding, candidate) pair from features of
the article's discourse: distance, intervening mentions, topic salience, the title,
comparison and partner cues, attribute family. Candidates above the threshold become
claims. The weights ship in ``data/attach_model.json``; ``scripts/train_attach.py``
reproduces them (seeded) and reports the dev figure by cross-validation over articles.

Relations (entity values) stay with the rules: their subject and partner are both
named in the sentence and the rules read them from the phrasing.
"""
from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from autodossier.claims import ENTITY_ATTRIBUTES
from autodossier.extract.assemble import MODEL_ONLY, Proposal, _clause_start, to_claims
from autodossier.extract.certainty import cues, source_of, status_for
from autodossier.extract.findings import Finding
from autodossier.extract.mentions import Mention, find_mentions
from autodossier.extract.pipeline import Annotated, component

# Attribute families: the same cue means different things for a spec, a date or a sales figure.
FAMILY = {
    "power_hp": "perf", "torque_lbft": "perf", "accel_0_60_s": "perf", "accel_0_100_s": "perf",
    "top_speed_mph": "perf", "curb_weight_kg": "perf", "range_km": "ev", "battery_kwh": "ev",
    "displacement_l": "engine", "cylinders": "engine", "engine_layout": "engine", "aspiration": "engine",
    "engine_code": "engine", "powertrain": "drive", "drivetrain": "drive", "transmission": "drive",
    "gears": "drive", "body_style": "body", "lifecycle": "life", "reveal": "date", "on_sale": "date",
    "production_start": "date", "production_end": "date", "price": "price", "sales_units": "sales",
    "sales_change_pct": "sales", "market": "market",
}
# Features crossed with the attribute family: where a value's owner usually stands differs
# by family (a sales figure's model is named next to it; an engine spec follows the topic).
CROSSED = ("rule", "title", "in_sent", "nearest_before", "top_salient")
# Mentions that own none of a sentence's values unless the rules say so (see candidates).
_RIVAL_WORDS = frozenset({"comparative", "partner"})


@dataclass
class Candidate:
    """One (finding, subject) pair the model decides on."""

    finding: Finding
    subject: Mention
    status: str
    sentence_index: int
    features: dict[str, float]
    rule: bool


@lru_cache(maxsize=1)
def load_model() -> dict | None:
    """The shipped weights, or None when the package has none (then the rules decide alone)."""
    try:
        text = resources.files("autodossier.data").joinpath("attach_model.json").read_text("utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return None
    return json.loads(text)


def probability(model: dict, features: dict[str, float]) -> float:
    """The logistic model's probability that a candidate is a true claim."""
    weights = model["weights"]
    # Only non-zero terms, in the same order: adding a zero leaves a float sum exactly as it was.
    z = model["bias"] + sum(weights[name] * value for name, value in features.items() if value and name in weights)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _doc_context(art: Annotated) -> dict:
    """Discourse facts of the whole article: title models, salience, first model, foci."""
    counts: Counter = Counter()
    first: str | None = None
    firsts: dict[str, Mention] = {}
    for sent in art.sentences:
        for m in art.mentions.get(sent.index, []):
            if m.model and m.kind == "explicit" and "comparative" not in m.words:
                counts[m.subject] += 1
                firsts.setdefault(m.subject, m)
                if first is None:
                    first = m.subject
    title_models: list[Mention] = []
    if art.doc.title:
        makes = {m.make for ms in art.mentions.values() for m in ms}
        title_models = [m for m in find_mentions(art.doc.title, 0, makes) if m.model]
    total = sum(counts.values()) or 1
    top = counts.most_common(1)[0][0] if counts else None
    return {"counts": counts, "total": total, "top": top, "first": first, "firsts": firsts,
            "title": [m.subject for m in title_models], "title_mentions": title_models}


class _SentenceMentions:
    """What _features reads from a sentence's mentions, worked out once per sentence rather than
    once per (finding, candidate) pair."""

    __slots__ = ("named", "any", "own", "n_named", "n_any", "facts")

    def __init__(self, ms: list[Mention]):
        self.any = [m for m in ms if m.kind != "carried"]
        self.named = [m for m in self.any if m.model]
        own: dict[str, list[Mention]] = {}
        for m in self.any:
            own.setdefault(m.subject, []).append(m)
        self.own = own
        self.n_any = 1.0 / (1 + len({m.subject for m in self.any}))
        self.n_named = 1.0 / (1 + len({m.subject for m in self.named}))
        self.facts: dict[tuple[str, bool], tuple] = {}  # (subject, brand candidate) -> _own_facts


def _own_facts(own, models, subject: str, text: str, sent_start: int) -> tuple:
    """The features a candidate's own mentions give whatever the finding: (explicit, anaphor) and,
    when it has some, (first_in_sent, comparative, partner, parenthetical, possessive, of_before)."""
    head = (float(any(m.kind == "explicit" for m in own)), float(any(m.kind in ("anaphor", "plural") for m in own)))
    if not own:
        return head, None
    m = own[0]
    tail = text[m.end:m.end + 3]
    before = text[max(sent_start, m.start - 12):m.start].lower()
    return head, (
        float(models[0].subject == subject),
        float(any("comparative" in m.words for m in own)),
        float(any("partner" in m.words for m in own)),
        float(all(m.parenthetical for m in own)),
        float(tail.startswith(("'s", "’s"))),
        float(before.rstrip().endswith(("of the", "from the", "as the", "with the", "than the"))),
    )


def _features(f: Finding, cand: Mention, sm: _SentenceMentions, ctx: dict, prev_focus: Mention | None,
              rule: bool, text: str, sent_start: int, n_sent: int, sent_index: int) -> dict[str, float]:
    subject = cand.subject
    own = sm.own.get(subject, ())
    # a brand candidate competes with every mention, a model candidate with the named models
    if cand.model is None:
        models, n_models = sm.any, sm.n_any
    else:
        models, n_models = sm.named, sm.n_named
    key = (subject, cand.model is None)
    facts = sm.facts.get(key)
    if facts is None:
        facts = sm.facts[key] = _own_facts(own, models, subject, text, sent_start)
    (explicit, anaphor), own_tail = facts
    feats: dict[str, float] = {
        "rule": float(rule),
        "in_sent": float(bool(own)),
        "explicit": explicit,
        "anaphor": anaphor,
        "carried": float(cand.kind == "carried"),
        "title": float(subject in ctx["title"]),
        "title_first": float(bool(ctx["title"]) and ctx["title"][0] == subject),
        "no_title": float(not ctx["title"]),
        "salience": ctx["counts"].get(subject, 0) / ctx["total"],
        "top_salient": float(subject == ctx["top"]),
        "first_model": float(subject == ctx["first"]),
        "prev_focus": float(prev_focus is not None and prev_focus.subject == subject),
        "brand": float(cand.model is None),
        "n_models": n_models,
        "variant": float(cand.variant is not None),
        "sent_pos": sent_index / max(n_sent, 1),
    }
    if own:
        bef = [m for m in own if m.end <= f.start]
        aft = [m for m in own if m.start >= f.end]
        if bef:
            m = bef[-1]
            before = [o for o in models if o.end <= f.start]
            feats["has_before"] = 1.0
            feats["dist_before"] = math.log1p(f.start - m.end) / 6
            feats["between_before"] = float(sum(1 for o in before if o.start > m.end and o.subject != subject))
            feats["nearest_before"] = float(before[-1].subject == subject)
        if aft:
            m = aft[0]
            after = [o for o in models if o.start >= f.end]
            feats["has_after"] = 1.0
            feats["dist_after"] = math.log1p(m.start - f.end) / 6
            feats["nearest_after"] = float(after[0].subject == subject)
        (feats["first_in_sent"], feats["comparative"], feats["partner"], feats["parenthetical"],
         feats["possessive"], feats["of_before"]) = own_tail
    family = FAMILY.get(f.attribute, "other")
    feats["fam_" + family] = 1.0
    for name in CROSSED:
        if feats.get(name):
            feats[f"{name}*{family}"] = feats[name]
    return feats


def candidates(art: Annotated) -> list[Candidate]:
    """Every (finding, subject) pair worth deciding on, with its features."""
    ctx = _doc_context(art)
    by_finding: dict[int, list[Proposal]] = {}
    for p in art.proposals:
        by_finding.setdefault(id(p.finding), []).append(p)
    text = art.doc.text
    out: list[Candidate] = []
    prev_focus: Mention | None = None
    focus_by_sentence = art.focus
    n_sent = len(art.sentences)
    findings_by_sentence: dict[int, list[Finding]] = {}
    for f in art.findings:
        findings_by_sentence.setdefault(f.sentence, []).append(f)
    for sent in art.sentences:
        found = findings_by_sentence.get(sent.index, [])
        ms = art.mentions.get(sent.index, [])
        sm = None  # built on the sentence's first candidate
        sent_cues = None
        for f in found:
            if f.attribute in ENTITY_ATTRIBUTES:
                continue
            props = [p for p in by_finding.get(id(f), []) if p.value_override is None]
            pool: dict[str, tuple[Mention, bool, str | None]] = {}
            for p in props:
                pool.setdefault(p.subject.subject, (p.subject, True, p.status))
            for m in ms:
                # a rival in a comparison or a relation's partner owns none of the sentence's values
                # unless the rules say so ("more power than the Nissan Z", "successor to the P1")
                if (m.model or f.brand) and m.words.isdisjoint(_RIVAL_WORDS):
                    pool.setdefault(m.subject, (m, False, None))
            # (a carried mention is only built for a subject not in the pool yet: most are)
            for m in ctx["title_mentions"]:
                if m.subject not in pool:
                    pool[m.subject] = (Mention(sent.start, sent.start, m.make, m.model, m.variant,
                                               m.generation, kind="carried"), False, None)
            extra = [prev_focus, focus_by_sentence.get(sent.index)]
            if ctx["top"]:
                extra.append(ctx["firsts"][ctx["top"]])
            for m in extra:
                if m is not None and m.model and m.subject not in pool:
                    pool[m.subject] = (Mention(sent.start, sent.start, m.make, m.model, None,
                                               kind="carried"), False, None)
            base_status: str | None = None  # the finding's own status, worked out once for all candidates
            for subject, (mention, rule, status) in pool.items():
                if mention.model is None and f.attribute in MODEL_ONLY:
                    continue
                if status is None:
                    if base_status is None:
                        if sent_cues is None:
                            sent_cues = cues(sent.text, [m.end - sent.start for m in ms if not m.model])
                        rel = f.start - sent.start
                        base_status = f.status or status_for(sent.text, rel, sent_cues,
                                                             _clause_start(sent.text, rel))
                    status = base_status
                if sm is None:
                    sm = _SentenceMentions(ms)
                feats = _features(f, mention, sm, ctx, prev_focus, rule, text, sent.start, n_sent, sent.index)
                out.append(Candidate(f, mention, status or "confirmed", sent.index, feats, rule))
        if focus_by_sentence.get(sent.index) is not None:
            prev_focus = focus_by_sentence[sent.index]
    return out


def decide(art: Annotated, model: dict | None) -> list[Proposal]:
    """The proposals the model keeps (relations and value overrides pass through as the rules made them)."""
    # an exclusive proposal naming no model blocks the finding ("a mid-size sedan": an unnamed car)
    kept = [p for p in art.proposals if p.finding.attribute in ENTITY_ATTRIBUTES or p.value_override is not None
            or p.exclusive and p.subject.model]
    exclusive = {id(p.finding) for p in art.proposals if p.exclusive}
    if model is None:
        return art.proposals
    threshold = model["threshold"]
    # The rules' own choice needs less evidence to stay than a new subject needs to be added.
    rule_threshold = model.get("rule_threshold", threshold)
    # The best candidate of a finding needs least: a value found is usually about someone.
    best_threshold = model.get("best_threshold", threshold)
    sentences = {s.index: s for s in art.sentences}
    sources: dict[int, str | None] = {}
    scored = [(c, probability(model, c.features)) for c in candidates(art) if id(c.finding) not in exclusive]
    best: dict[int, float] = {}
    for c, p in scored:
        best[id(c.finding)] = max(best.get(id(c.finding), 0.0), p)
    for c, p in scored:
        if p >= threshold or (c.rule and p >= rule_threshold) or (p == best[id(c.finding)] and p >= best_threshold):
            sent = sentences[c.sentence_index]
            if sent.index not in sources:
                sources[sent.index] = source_of(sent.text)
            kept.append(Proposal(c.finding, c.subject, None, c.status, sent, sources[sent.index]))
    return kept


@component("attach", requires=("sentences", "mentions", "focus", "findings", "proposals"), provides=("claims",))
def attach(art: Annotated) -> None:
    """Decide each finding's subjects with the learned model and build the claims."""
    art.claims = to_claims(art, decide(art, load_model()))
