"""The literal pre-filters must never skip a text their pattern matches."""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from autodossier.extract import (
    certainty, coref, dates, extract, lifecycle, prefilter, quantities, regions, relations, sales, specs,
)
from autodossier.extract.firstchars import with_first_guard
from autodossier.extract.prefilter import (DIGIT, GatedPattern, GateGroup, LiteralFinder, branch_requirements, gated,
                                          requirements, search_part)
from autodossier.extract.sentences import split_sentences
from autodossier.ingest.document import Document

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "articles"
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
# Enough generated articles to cover every bench template several times, in about a second.
BENCH_ARTICLES = 40
# Texts that trip naive lower-casing: IGNORECASE matches "ſ" as "s", "ı"/"İ" as "i", "K" (Kelvin) as "k".
TRICKY = ["The car ſold well.", "İt is fast.", "It makes 400 hp and 300 lb-ft.", "A 3.0-liter V6 with 500 K\u212aW",
          "ıt was discontinued in 2024.", "Sales fell 12 percent in the US.", "\u00a3 45,000 price"]


def _bench_docs(monkeypatch) -> list[Document]:
    spec = importlib.util.spec_from_file_location("extract_throughput", ROOT / "bench" / "extract_throughput.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.chdir(ROOT)  # the bench reads its filler prose from examples/ relative to the repo
    return module.make_corpus(BENCH_ARTICLES)


def _real_docs() -> list[Document]:
    paths = sorted(EXAMPLES.glob("*.txt")) + (sorted(SEEDS.glob("*")) if SEEDS.is_dir() else [])
    return [Document(doc=p.name, text=p.read_text(encoding="utf-8", errors="replace"), date="2025-06-01")
            for p in paths if p.is_file()]


def _gated_patterns() -> list[tuple[str, GatedPattern]]:
    found = []
    for module in (certainty, coref, dates, lifecycle, quantities, regions, relations, sales, specs):
        for name, value in vars(module).items():
            items = value if isinstance(value, list) else [value]
            for k, item in enumerate(items):
                for obj in item if isinstance(item, tuple) else (item,):
                    if isinstance(obj, GatedPattern):
                        found.append((f"{module.__name__}.{name}[{k}]", obj))
    return found


def test_gate_never_skips_a_text_its_pattern_matches(monkeypatch):
    texts = [s.text for d in _bench_docs(monkeypatch) + _real_docs() for s in split_sentences(d.text)] + TRICKY
    patterns = _gated_patterns()
    assert len(patterns) > 50  # the extraction patterns are gated at all
    for name, pattern in patterns:
        for text in texts:
            if pattern.regex.search(text):
                assert pattern.may_match(text), (name, text)


def test_gates_skip_most_scans(monkeypatch):
    texts = [s.text for d in _bench_docs(monkeypatch) for s in split_sentences(d.text)]
    pairs = [(p, t) for _, p in _gated_patterns() for t in texts]
    assert sum(p.may_match(t) for p, t in pairs) < 0.5 * len(pairs)


def test_extraction_is_the_same_without_the_filters(monkeypatch):
    docs = _bench_docs(monkeypatch)[:15] + _real_docs()
    gated_claims = [[c.to_dict() for c in extract(d)] for d in docs]
    with prefilter.disabled():
        plain_claims = [[c.to_dict() for c in extract(d)] for d in docs]
    assert gated_claims == plain_claims
    assert sum(map(len, gated_claims)) > 100


@pytest.mark.parametrize("pattern, flags, wanted", [
    (r"\bturbo(?:charged)?\b", re.I, {"turbo"}),
    (r"\b(?:sold|sales)\b", re.I, {"sold", "sales"}),
    (r"(?P<num>\d+)\s?hp", 0, {"hp"}),
    (r"\d+ (?:km|miles)", 0, {DIGIT}),
    # a lookahead's body must be in the text too
    (r"\bthe\s+(?=\w+\s+engine)", re.I, {"engine"}),
    # the second-best set of each branch makes a second required union
    (r"\b(?:sold\s+the\b|units)", re.I, {"the", "units"}),
])
def test_requirements_name_what_every_match_contains(pattern, flags, wanted):
    assert wanted in [set(r) for r in requirements(re.compile(pattern, flags))]


def test_each_branch_of_an_alternation_keeps_all_its_sets():
    assert branch_requirements(re.compile(r"\bsold\s+in\b|\bmarket\b")) == [
        [frozenset({"sold"}), frozenset({"in"})], [frozenset({"market"})]]
    assert branch_requirements(re.compile(r"\bsold\b")) is None
    # a word of each union set, but all the words of no branch: ruled out
    rx = gated(r"\bsold\s+in\b|\bmarket\s+to\b")
    assert rx.branches is not None and not rx.may_match("It was sold to us.")
    assert rx.search("It was sold in Spain.") and rx.search("It came to market to stay.")


def test_ignorecase_lookalikes_still_match():
    assert gated(r"\bsold\b", re.I).search("The car ſold well.")
    assert gated(r"\bit\b", re.I).search("İt is here.")
    assert gated(r"\bkw\b", re.I).search("500 \u212aW")


def test_pattern_without_literals_runs_unfiltered():
    assert isinstance(gated(r"[\s,]*(?:the\s+)?$"), re.Pattern)
    assert isinstance(gated(r"(?:abc)?x?"), re.Pattern)


def test_disabled_filters_let_every_text_through():
    pattern = gated(r"\bhorsepower\b", re.I)
    assert not pattern.may_match("no power words here")
    with prefilter.disabled():
        assert pattern.may_match("no power words here")
    assert not pattern.may_match("no power words here")


def test_literal_finder_reports_overlapping_and_nested_literals():
    finder = LiteralFinder(["turbo", "turbocharged", "rbo", "charge"])
    assert finder.found("a twin-turbocharged v6") == {"turbo", "turbocharged", "rbo", "charge"}
    assert finder.found("no match here") == set()


def test_gate_group_never_skips_a_text_one_of_its_patterns_matches(monkeypatch):
    texts = [s.text for d in _bench_docs(monkeypatch) + _real_docs() for s in split_sentences(d.text)] + TRICKY
    patterns = [p for _, p in _gated_patterns()]
    groups = [(GateGroup(patterns[k:k + 7]), patterns[k:k + 7]) for k in range(0, len(patterns), 7)]
    skipped = 0
    for text in texts:
        for group, members in groups:
            if not group.may_match(text):
                skipped += 1
                assert not any(p.regex.search(text) for p in members), text
    assert skipped > len(texts)  # the groups do rule sentences out


def test_part_search_gated_on_the_whole_finds_what_a_plain_search_finds():
    rx = gated(r"\b(?:more than|over)\s*$", re.I)
    text = "It makes more than 400 hp, over 300 lb-ft."
    for end in range(len(text) + 1):
        window = text[max(0, end - 30):end]
        assert bool(search_part(rx, window, text)) == bool(rx.regex.search(window))


def test_pruned_cue_pattern_finds_the_same_cues_as_the_full_one(monkeypatch):
    texts = [s.text for d in _bench_docs(monkeypatch) + _real_docs() for s in split_sentences(d.text)] + TRICKY
    with_pruning = [certainty.cues(t) for t in texts]
    with prefilter.disabled():
        full = [certainty.cues(t) for t in texts]
    assert with_pruning == full
    assert sum(map(len, full)) > 100


def _unguarded(rx: re.Pattern) -> re.Pattern:
    """The pattern as written, from a guarded one ``(?=[...])(?:PATTERN)``."""
    text = rx.pattern
    return re.compile(text[text.index("])(?:") + len("])(?:"):-1], rx.flags)


def test_first_guard_finds_the_same_matches_as_the_plain_pattern(monkeypatch):
    texts = [s.text for d in _bench_docs(monkeypatch) + _real_docs() for s in split_sentences(d.text)] + TRICKY
    guarded = [(name, p.regex) for name, p in _gated_patterns() if p.regex.pattern.startswith("(?=[")]
    assert len(guarded) > 30  # most extraction patterns need the guard
    for name, rx in guarded:
        plain = _unguarded(rx)
        for text in texts:
            got = [(m.span(), m.groups()) for m in rx.finditer(text)]
            assert got == [(m.span(), m.groups()) for m in plain.finditer(text)], (name, text)
        for text in TRICKY:
            for pos in range(len(text)):  # match at a position, as the window helpers do
                got, want = rx.match(text, pos), plain.match(text, pos)
                assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups())), (name, text)


def test_first_guard_leads_patterns_that_re_scans_one_position_at_a_time():
    rx = with_first_guard(re.compile(r"(?:(?P<lo>\d+)-)?(?P<num>\d+)\s?hp", re.I))
    assert rx.pattern.startswith("(?=[\\d])")
    assert rx.search("from 400-450 hp").group("lo", "num") == ("400", "450")
    word_led = with_first_guard(re.compile(r"\b(?:sold|sales)\b", re.I))
    assert word_led.pattern.startswith("(?=[") and word_led.search("The car ſold well.")  # IGNORECASE lookalike


@pytest.mark.parametrize("pattern, flags", [
    (r"horsepower", 0),  # re already jumps to its literal prefix
    (r"[0-9] hp", 0),  # ... or to its leading class
    (r"(?P<num>\d+(?:\.\d+)?) hp", 0),  # ... or to a repeat of a class, fast as it is
    (r".*hp", 0),  # a match may start anywhere
    (r"(?:abc)?x?", 0),  # a match may be empty
    (r"(?i:abc)d", 0),  # local flags would change the guard's class
])
def test_first_guard_leaves_patterns_it_cannot_help_alone(pattern, flags):
    rx = re.compile(pattern, flags)
    assert with_first_guard(rx) is rx
