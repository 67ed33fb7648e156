"""Literal pre-filters for the extraction patterns: skip a regex scan that cannot match.

Most patterns look for words ("horsepower", "discontinued", "according to") that most
sentences lack, yet Python's ``re`` tries every position of the sentence before it
gives up. :func:`gated` reads a pattern's syntax tree once and derives the literal
strings every match must contain (an any-of set per required part, as RE2's and
codesearch's pre-filters do); a scan runs only when the lower-cased sentence holds one
of each set. Every literal of every gate is one bit of an int; one Aho-Corasick pass per
sentence (cached per text) yields the text's mask, so each gate is a few ``&`` tests, a
:class:`GateGroup` skips a whole component's scans with one, and :func:`search_part` gates a
window on its (already scanned) sentence. The pattern that does run carries a first-character
guard (:mod:`autodossier.extract.firstchars`), so ``re`` rejects impossible starts after one test.

The filter is a necessary condition by construction: it never skips a text the pattern
matches (``tests/test_prefilter.py`` checks this over the bench corpus and the seed
articles, and the whole extraction with and without the filters).
"""
from __future__ import annotations

import functools
import re
from contextlib import contextmanager
from typing import Iterable, Iterator

from autodossier.extract.firstchars import with_first_guard

try:  # re's own parser: private, but stable since Python 2 (as sre_parse / sre_constants)
    from re import _constants as C  # noqa: N812  (the sre opcodes)
    from re import _parser
except ImportError:  # a Python without them: every pattern runs unfiltered, output unchanged
    C = _parser = None
try:  # one pass finds every literal; without it each literal is an ``in`` test (slower, same result)
    import ahocorasick as _ahocorasick
except ImportError:
    _ahocorasick = None

# Exact string sets larger than this are dropped: past it the product of alternatives
# grows fast while the filter gets no more selective.
MAX_EXACT = 64
# A character class of at most this many characters is expanded to its members.
MAX_CLASS = 16
# Repeats up to this many copies are expanded exactly ("\d{1,2}" style counts).
MAX_REPEAT_EXPAND = 4
# Required sets kept per pattern: each costs a few ``in`` tests; three catch nearly all misses.
MAX_REQUIREMENTS = 3

# Stands for "some decimal digit" in a required set (``\d`` cannot be listed literally).
DIGIT = "\\d"
_ANY_DIGIT = re.compile(r"\d")
# With IGNORECASE an ASCII letter in a pattern also matches these; ``str.lower`` leaves
# them (or, for "İ", a combining dot after the "i"), so fold them after lowering.
_FOLD = str.maketrans({"ı": "i", "ſ": "s", "\u0307": None})

ENABLED = True  # tests turn the filters off to compare against unfiltered extraction

# The bit of a text's literal mask that says "has a digit".
DIGIT_BIT = 1
# Literal masks kept per text: a sentence and the windows cut from it while it is processed;
# past this the cache starts over (a re-scan costs microseconds).
MAX_CACHED_TEXTS = 256


def fold(text: str) -> str:
    """``text`` lower-cased the way the filters compare it (ASCII letters as IGNORECASE matches them)."""
    low = text.lower()
    return low if low.isascii() else low.translate(_FOLD)


class _Info:
    """What a parsed node can match: ``exact`` (every string it matches, when few and
    known) and ``reqs`` (sets of which each match contains one member of each)."""

    __slots__ = ("exact", "reqs")

    def __init__(self, exact: frozenset[str] | None = None, reqs: list[frozenset[str]] | None = None):
        self.exact = exact
        self.reqs = reqs or []


_EMPTY = frozenset({""})


def _product(a: frozenset[str], b: frozenset[str]) -> frozenset[str] | None:
    if len(a) * len(b) > MAX_EXACT:
        return None
    return frozenset(x + y for x in a for y in b)


def _useful(exact: frozenset[str] | None) -> bool:
    return bool(exact) and "" not in exact


def _class(items, flags: int) -> _Info:
    """A character class ``[...]``: its members when few and ASCII, or "a digit"."""
    if items == [(C.CATEGORY, C.CATEGORY_DIGIT)]:
        return _Info(reqs=[frozenset({DIGIT})])
    chars: set[str] = set()
    for op, av in items:
        if op is C.LITERAL and av < 128:
            chars.add(chr(av).lower())
        elif op is C.RANGE and av[1] < 128 and av[1] - av[0] < MAX_CLASS:
            chars.update(chr(c).lower() for c in range(av[0], av[1] + 1))
        else:
            return _Info()
    return _Info(exact=frozenset(chars)) if len(chars) <= MAX_CLASS else _Info()


def _repeat(lo: int, hi: int, child: _Info) -> _Info:
    reqs = []
    if lo > 0:  # an optional part promises nothing
        reqs = list(child.reqs) + ([child.exact] if _useful(child.exact) else [])
    exact = None
    if child.exact is not None and hi <= MAX_REPEAT_EXPAND:
        power, union = _EMPTY, set()
        for k in range(hi + 1):
            if k >= lo:
                union |= power
            if k < hi:
                power = _product(power, child.exact)
                if power is None:
                    union = None
                    break
        if union is not None and len(union) <= MAX_EXACT:
            exact = frozenset(union)
    return _Info(exact, reqs)


def _branch(branches: list[_Info]) -> _Info:
    exact = None
    if all(b.exact is not None for b in branches):
        union = frozenset().union(*(b.exact for b in branches))
        exact = union if len(union) <= MAX_EXACT else None
    # A digit every branch needs survives even where each branch's best set is a word.
    reqs = [frozenset({DIGIT})] if all(_needs_digit(b) for b in branches) else []
    # Every match comes from one branch and holds a member of each of that branch's sets, so the
    # union of one set per branch is required; the k-th best of each gives up to MAX_REQUIREMENTS
    # such unions (a branch short of sets repeats its last), not just the union of the best ones,
    # which one common word ("the") in one branch would make pass nearly every text.
    ranked = [_ranked(([b.exact] if _useful(b.exact) else []) + b.reqs) for b in branches]
    if all(ranked):
        for k in range(MAX_REQUIREMENTS):
            union = frozenset().union(*(r[min(k, len(r) - 1)] for r in ranked))
            if len(union) <= 2 * MAX_EXACT and union not in reqs:
                reqs.append(union)
    return _Info(exact, reqs)


def _needs_digit(info: _Info) -> bool:
    """Whether every match holds a digit: some required set has only members with digits."""
    sets = info.reqs + ([info.exact] if _useful(info.exact) else [])
    return any(all(a == DIGIT or any(c.isdigit() for c in a) for a in s) for s in sets)


def _sequence(nodes, flags: int) -> _Info:
    infos = [_node(op, av, flags) for op, av in nodes]
    reqs: list[frozenset[str]] = []
    run: frozenset[str] | None = None
    exact: frozenset[str] | None = _EMPTY
    for info in infos:
        reqs.extend(info.reqs)
        exact = _product(exact, info.exact) if exact is not None and info.exact is not None else None
        if info.exact is None:
            if _useful(run):
                reqs.append(run)
            run = None
            continue
        grown = _product(run if run is not None else _EMPTY, info.exact)
        if grown is None:  # too many combinations: keep what the run has, start again here
            if _useful(run):
                reqs.append(run)
            grown = info.exact
        run = grown
    if _useful(run):
        reqs.append(run)
    return _Info(exact, reqs)


def _node(op, av, flags: int) -> _Info:
    if op is C.LITERAL:
        return _Info(exact=frozenset({chr(av).lower()})) if av < 128 else _Info()
    if op is C.IN:
        return _class(av, flags)
    if op is C.ASSERT:
        # A lookaround consumes nothing, but what its body needs must be in the text for the
        # assertion to hold (the gates test the text, not the matched span).
        body = _sequence(av[1], flags)
        return _Info(exact=_EMPTY, reqs=body.reqs + ([body.exact] if _useful(body.exact) else []))
    if op in (C.AT, C.ASSERT_NOT):
        return _Info(exact=_EMPTY)  # zero-width: consumes nothing
    if op is C.SUBPATTERN:
        _, add, remove, body = av
        return _sequence(body, (flags | add) & ~remove)
    if op is C.BRANCH:
        return _branch([_sequence(b, flags) for b in av[1]])
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT)):
        lo, hi, body = av
        return _repeat(lo, hi, _sequence(body, flags))
    if op is getattr(C, "ATOMIC_GROUP", None):
        return _sequence(av, flags)
    return _Info()  # any character, negated classes, back-references: no constraint


def _prune(atoms: frozenset[str]) -> frozenset[str]:
    """Drop members that contain another member: finding the shorter one suffices."""
    return frozenset(a for a in atoms if not any(b != a and b in a for b in atoms if b != DIGIT))


def _score(atoms: frozenset[str]) -> tuple[int, int]:
    """Higher is more selective: long shortest member first, then few members."""
    return (min(len(a) if a != DIGIT else 1 for a in atoms), -len(atoms))


def _ranked(sets: list[frozenset[str]]) -> list[frozenset[str]]:
    """The distinct usable sets, most selective first."""
    unique = dict.fromkeys(_prune(s) for s in sets if s and "" not in s)
    return sorted(unique, key=_score, reverse=True)


def requirements(rx: re.Pattern, limit: int | None = MAX_REQUIREMENTS) -> list[frozenset[str]]:
    """The literal sets every match of ``rx`` contains a member of (lower-cased; ``DIGIT`` for
    any digit), most selective first, at most ``limit``; empty when the pattern promises none."""
    if _parser is None:
        return []
    try:
        info = _sequence(list(_parser.parse(rx.pattern, rx.flags)), rx.flags)
    except Exception:  # noqa: BLE001  (an unanalysable pattern simply runs unfiltered)
        return []
    sets = info.reqs + ([info.exact] if _useful(info.exact) else [])
    unique = {_prune(s) for s in sets if s and "" not in s}
    return sorted(unique, key=_score, reverse=True)[:limit]


class LiteralFinder:
    """Which of a fixed set of strings occur in a text, in one pass (Aho-Corasick, every occurrence,
    overlapping ones included), or with one ``in`` test per string without pyahocorasick."""

    def __init__(self, words: Iterable[str]):
        self.words = tuple(dict.fromkeys(w for w in words if w))
        self._automaton = None
        if _ahocorasick is not None and self.words:
            self._automaton = _ahocorasick.Automaton()
            for w in self.words:
                self._automaton.add_word(w, w)
            self._automaton.make_automaton()

    def found(self, text: str) -> set[str]:
        """The strings of the set that ``text`` contains (case-sensitive, as ``in`` is)."""
        if self._automaton is None:
            return {w for w in self.words if w in text}
        return {w for _, w in self._automaton.iter(text)}


class _LiteralIndex:
    """Every literal of every gate as one bit of an int, found in one pass over a text.

    A text's *mask* has the bit of each literal it contains (and ``DIGIT_BIT`` when it has a
    digit), so a gate's required set is one ``&``. One-character literals come from the text's
    character set, longer ones from one Aho-Corasick automaton (every occurrence, overlapping ones
    included), or from ``in`` tests when pyahocorasick is not installed.
    """

    def __init__(self) -> None:
        self.bits: dict[str, int] = {}
        self.single: dict[str, int] = {d: DIGIT_BIT for d in "0123456789"}
        self.automaton = None  # built on first use, again after new literals
        self.cache: dict[str, int] = {}
        self.last: tuple[str | None, int] = (None, 0)

    def bit(self, literal: str) -> int:
        """The bit that stands for ``literal`` (``DIGIT`` for any digit), assigned on first use."""
        if literal == DIGIT:
            return DIGIT_BIT
        found = self.bits.get(literal)
        if found is None:
            found = self.bits[literal] = 1 << (len(self.bits) + 1)  # bit 0 is DIGIT_BIT
            if len(literal) == 1:
                self.single[literal] = self.single.get(literal, 0) | found
            self.automaton = None
            self.cache.clear()
            self.last = (None, 0)
        return found

    def _build(self):
        multi = {lit: b for lit, b in self.bits.items() if len(lit) > 1}
        if _ahocorasick is None or not multi:
            self.automaton = tuple(multi.items())
            return
        automaton = _ahocorasick.Automaton()
        for lit, b in multi.items():
            automaton.add_word(lit, b)
        automaton.make_automaton()
        self.automaton = automaton

    def mask(self, text: str) -> int:
        """The bits of every literal ``text`` contains once lower-cased (cached per text)."""
        last = self.last
        if last[0] is text:
            return last[1]
        found = self.cache.get(text)
        if found is not None:
            self.last = (text, found)
            return found
        low = text.lower()
        if not low.isascii():
            low = low.translate(_FOLD)
        mask = 0
        single = self.single
        for c in single.keys() & set(low):
            mask |= single[c]
        automaton = self.automaton
        if automaton is None:
            self._build()
            automaton = self.automaton
        if isinstance(automaton, tuple):  # no pyahocorasick: one ``in`` test per literal
            for lit, b in automaton:
                if lit in low:
                    mask |= b
        else:
            for _, b in automaton.iter(low):
                mask |= b
        if len(self.cache) >= MAX_CACHED_TEXTS:
            self.cache.clear()
        self.cache[text] = mask
        self.last = (text, mask)
        return mask


_INDEX = _LiteralIndex()


def literal_mask(text: str) -> int:
    """The literal bits of ``text``: what every gate's check reads (see :class:`_LiteralIndex`)."""
    return _INDEX.mask(text)


class GatedPattern:
    """A compiled pattern whose scans are skipped when its pre-filter rules a text out.

    Offers the scanning methods of ``re.Pattern`` (``finditer``, ``search``, ``match``,
    ``fullmatch``, ``findall``) and passes everything else to the pattern itself.
    """

    __slots__ = ("regex", "masks", "branches")

    def __init__(self, regex: re.Pattern, reqs: list[frozenset[str]],
                 branches: list[list[frozenset[str]]] | None = None):
        self.regex = regex
        # One int per required set: the bits of its members; a text passes when it shares a bit with each.
        self.masks = tuple(_or_bits(s) for s in reqs)
        # A pattern that is one alternation: each branch's own sets (masks as above); a text also
        # needs all of some branch's. The union sets above cannot say "this word and that one".
        self.branches = tuple(tuple(_or_bits(s) for s in b) for b in branches) if branches else None

    def _passes(self, mask: int) -> bool:
        for need in self.masks:
            if not mask & need:
                return False
        branches = self.branches
        if branches is None:
            return True
        for needs in branches:
            for need in needs:
                if not mask & need:
                    break
            else:
                return True
        return False

    def may_match(self, text: str) -> bool:
        """False only when no match of the pattern can occur anywhere in ``text``."""
        if not ENABLED:
            return True
        last = _INDEX.last  # the text just scanned, inline: the window helpers call this per match
        return self._passes(last[1] if last[0] is text else _INDEX.mask(text))

    # The scanning methods repeat may_match's check inline: they run ~70 times per sentence.
    def finditer(self, string: str, *args) -> Iterator[re.Match]:
        """``re.Pattern.finditer``, empty at once when the filter rules ``string`` out."""
        if ENABLED:
            last = _INDEX.last
            mask = last[1] if last[0] is string else _INDEX.mask(string)
            for need in self.masks:
                if not mask & need:
                    return iter(())
            if self.branches is not None and not self._passes(mask):
                return iter(())
        return self.regex.finditer(string, *args)

    def search(self, string: str, *args) -> re.Match | None:
        """``re.Pattern.search``, None at once when the filter rules ``string`` out."""
        if ENABLED:
            last = _INDEX.last
            mask = last[1] if last[0] is string else _INDEX.mask(string)
            for need in self.masks:
                if not mask & need:
                    return None
            if self.branches is not None and not self._passes(mask):
                return None
        return self.regex.search(string, *args)

    def match(self, string: str, *args) -> re.Match | None:
        """``re.Pattern.match``, None at once when the filter rules ``string`` out."""
        return self.regex.match(string, *args) if self.may_match(string) else None

    def fullmatch(self, string: str, *args) -> re.Match | None:
        """``re.Pattern.fullmatch``, None at once when the filter rules ``string`` out."""
        return self.regex.fullmatch(string, *args) if self.may_match(string) else None

    def findall(self, string: str, *args) -> list:
        """``re.Pattern.findall``, empty at once when the filter rules ``string`` out."""
        return self.regex.findall(string, *args) if self.may_match(string) else []

    def __getattr__(self, name: str):
        return getattr(self.regex, name)

    def __repr__(self) -> str:
        return f"gated({self.regex!r})"


def _or_bits(literals: frozenset[str]) -> int:
    bits = 0
    for lit in literals:
        bits |= _INDEX.bit(lit)
    return bits


def gated(pattern: str | re.Pattern, flags: int = 0) -> GatedPattern | re.Pattern:
    """``re.compile(pattern, flags)`` with a literal pre-filter in front of its scans; the plain
    compiled pattern when it promises no literal to look for."""
    regex = pattern if isinstance(pattern, re.Pattern) else re.compile(pattern, flags)
    reqs = requirements(regex)
    # Same matches, but positions no match can start at fail after one class test.
    scan = with_first_guard(regex)
    return GatedPattern(scan, reqs, branch_requirements(regex)) if reqs else scan


def branch_requirements(rx: re.Pattern) -> list[list[frozenset[str]]] | None:
    """For a pattern that is one top-level alternation (after a start its branches share), every
    branch's required sets (all of them, most selective first); None for any other pattern or when
    some branch promises no literal."""
    if _parser is None:
        return None
    try:
        nodes = list(_parser.parse(rx.pattern, rx.flags))
        if not nodes or nodes[-1][0] is not C.BRANCH:
            return None
        # re's parser moves a start all branches share ("\b") in front of the alternation
        shared = _sequence(nodes[:-1], rx.flags)
        shared_sets = shared.reqs + ([shared.exact] if _useful(shared.exact) else [])
        out = []
        for body in nodes[-1][1][1]:
            info = _sequence(body, rx.flags)
            sets = _ranked(info.reqs + ([info.exact] if _useful(info.exact) else []) + shared_sets)
            if not sets:
                return None
            out.append(sets)
    except Exception:  # noqa: BLE001  (an unanalysable pattern keeps its plain gate)
        return None
    return out


class GateGroup:
    """One check for a whole set of patterns: False only when none of them can match a text.

    Each pattern needs a member of its most selective required set; a text with none of the
    members of any pattern's set (the union of those sets, one ``&``) lets a component skip
    every scan of those patterns with one test instead of one per pattern.
    """

    __slots__ = ("union",)

    def __init__(self, patterns: Iterable[GatedPattern | re.Pattern]):
        union = 0
        for rx in patterns:
            if not isinstance(rx, GatedPattern) or not rx.masks:
                union = -1  # an ungated pattern may match anything: the group always runs
                break
            union |= rx.masks[0]
        self.union = union

    def may_match(self, text: str) -> bool:
        """False only when no pattern of the group can match anywhere in ``text``."""
        if not ENABLED or self.union == -1:
            return True
        last = _INDEX.last  # the text just scanned, inline as in GatedPattern.may_match
        return bool((last[1] if last[0] is text else _INDEX.mask(text)) & self.union)


def search_part(rx: GatedPattern | re.Pattern, part: str, whole: str) -> re.Match | None:
    """``rx.search(part)`` for a slice ``part`` of ``whole`` (a window around a match), gated on
    ``whole``: a literal in the slice is in the whole, and the whole's mask is already cached,
    whereas the fresh slice would need a scan of its own."""
    if isinstance(rx, GatedPattern):
        return rx.regex.search(part) if rx.may_match(whole) else None
    return rx.search(part)


def match_part(rx: GatedPattern | re.Pattern, part: str, whole: str) -> re.Match | None:
    """``rx.match(part)`` for a slice ``part`` of ``whole``, gated on ``whole`` (see :func:`search_part`)."""
    if isinstance(rx, GatedPattern):
        return rx.regex.match(part) if rx.may_match(whole) else None
    return rx.match(part)


def finditer_part(rx: GatedPattern | re.Pattern, part: str, whole: str) -> Iterator[re.Match]:
    """``rx.finditer(part)`` for a slice ``part`` of ``whole``, gated on ``whole`` (see :func:`search_part`)."""
    if isinstance(rx, GatedPattern):
        return rx.regex.finditer(part) if rx.may_match(whole) else iter(())
    return rx.finditer(part)


def per_sentence_cache(max_entries: int):
    """Decorator: remember a pure function's answer per arguments (a sentence's text and what
    goes with it), since several components ask the same of each sentence. Past ``max_entries``
    the cache starts over; with the filters off every call scans afresh, so the filters' own test
    compares fresh scans. Callers get the same object for the same arguments: read it only."""
    def wrap(func):
        cache: dict = {}

        @functools.wraps(func)
        def cached(*args):
            if not ENABLED:
                return func(*args)
            found = cache.get(args, cache)
            if found is cache:
                if len(cache) >= max_entries:
                    cache.clear()
                found = cache[args] = func(*args)
            return found
        return cached
    return wrap


@contextmanager
def disabled() -> Iterator[None]:
    """Run the block with every pre-filter off (each scan runs), to compare outputs."""
    global ENABLED
    saved, ENABLED = ENABLED, False
    try:
        yield
    finally:
        ENABLED = saved
