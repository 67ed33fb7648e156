"""A first-character guard for patterns ``re`` can only scan one position at a time.

``re.search`` jumps straight to candidate starts when a pattern begins with a literal or a
character class; a pattern that begins with an optional part (``(?:(?P<lo>\\d+)-)?(?P<num>\\d+)``),
an alternation of words under IGNORECASE, or a ``\\b`` instead runs its whole matcher at every
position of the sentence. :func:`with_first_guard` derives from the syntax tree the set of
characters any match can start with and puts a lookahead for that set in front
(``(?=[\\d])(?:...)``): at a position outside the set the matcher fails after one class test.

The lookahead only rules out starts at which no match can begin, and the wrapper group does
not capture, so every match (span, groups, group numbers) is the same as the plain pattern's.
"""
from __future__ import annotations

import re

try:  # re's own parser and the compiler's prefix analysis: private, stable since Python 2
    from re import _compiler
    from re import _constants as C  # noqa: N812  (the sre opcodes)
    from re import _parser
except ImportError:  # a Python without them: patterns stay as written, output unchanged
    _compiler = C = _parser = None

# Class escapes ``re`` accepts inside ``[...]`` for its category opcodes.
_CATEGORY = {} if C is None else {
    C.CATEGORY_DIGIT: r"\d", C.CATEGORY_NOT_DIGIT: r"\D", C.CATEGORY_SPACE: r"\s",
    C.CATEGORY_NOT_SPACE: r"\S", C.CATEGORY_WORD: r"\w", C.CATEGORY_NOT_WORD: r"\W",
}


class _Unbounded(Exception):
    """A match may start with any character (or with nothing): no guard helps."""


def _class_items(items) -> list[str]:
    out = []
    for op, av in items:
        if op is C.LITERAL:
            out.append(f"\\U{av:08x}")
        elif op is C.RANGE:
            out.append(f"\\U{av[0]:08x}-\\U{av[1]:08x}")
        elif op is C.CATEGORY and av in _CATEGORY:
            out.append(_CATEGORY[av])
        else:  # negated sets and anything unusual: give up rather than guess
            raise _Unbounded
    return out


def _first(seq) -> tuple[list[str], bool]:
    """The class items a match of ``seq`` can start with, and whether ``seq`` can match empty."""
    firsts: list[str] = []
    for op, av in seq:
        if op is C.LITERAL:
            return firsts + [f"\\U{av:08x}"], False
        if op is C.IN:
            return firsts + _class_items(av), False
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue  # zero-width: the start is the next element's
        if op is C.SUBPATTERN:
            _, add, remove, body = av
            if add or remove:  # local flags would change how the guard's class matches
                raise _Unbounded
            items, nullable = _first(body)
        elif op is C.BRANCH:
            items, nullable = [], False
            for alt in av[1]:
                alt_items, alt_nullable = _first(alt)
                items += alt_items
                nullable = nullable or alt_nullable
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            lo, _, body = av
            items, nullable = _first(body)
            nullable = nullable or lo == 0
        else:  # any character, negated literals, back-references, atomic groups: unbounded
            raise _Unbounded
        firsts += items
        if not nullable:
            return firsts, False
    return firsts, True


def _leads_with_char_repeat(seq) -> bool:
    """Whether ``seq`` starts with a repeat of one character or class (``\\d+``, ``[A-Z]{2,}``):
    ``re`` scans for those fast already, and a guard measured ~15% slower on them."""
    while seq and seq[0][0] is C.SUBPATTERN:
        seq = seq[0][1][3]
    if not seq or seq[0][0] not in (C.MAX_REPEAT, C.MIN_REPEAT):
        return False
    lo, _, body = seq[0][1]
    return lo >= 1 and len(body) == 1 and body[0][0] in (C.IN, C.LITERAL)


def with_first_guard(regex: re.Pattern) -> re.Pattern:
    """``regex`` with a lookahead for its possible first characters in front, when ``re`` has no
    fast start scan of its own for it and the set is bounded; otherwise ``regex`` itself."""
    if _parser is None or not isinstance(regex.pattern, str):
        return regex
    try:
        tree = _parser.parse(regex.pattern, regex.flags)
        if _compiler._get_literal_prefix(tree, tree.state.flags)[0] or _compiler._get_charset_prefix(
                tree, tree.state.flags) or _leads_with_char_repeat(tree.data):
            return regex  # re already jumps to candidate starts
        items, nullable = _first(tree.data)
        if nullable or not items:
            return regex
        guard = "".join(dict.fromkeys(items))  # ordered and without repeats: a readable pattern
        return re.compile(f"(?=[{guard}])(?:{regex.pattern})", regex.flags)
    except (_Unbounded, re.error, AttributeError, TypeError):
        return regex
