"""When do two claimed values agree? Numbers as intervals, dates as spans, strings normalized.

A claimed value with its qualifier is read as the set of true values it allows:
``=400 hp`` allows 400 within :data:`NUMERIC_TOLERANCE`, ``>450`` allows anything above
450, ``~460`` allows 460 within :data:`APPROX_TOLERANCE`. Two claims agree when their sets
overlap, so ">450" agrees with "~460" while "=400" disagrees with ">450". A date such as
``"2027-H2"`` is the span of days it names; ``"2027"`` and ``"2027-H2"`` agree because one
span lies inside the other.
"""
from __future__ import annotations

import math
import re
from datetime import date
from functools import lru_cache
from typing import Any

from autodossier.claims import DATE_ATTRIBUTES

# Reporters round: 400 hp and 405 hp (metric vs SAE, press kit vs test) are the same claim.
NUMERIC_TOLERANCE = 0.02
# "About 460" is looser than a stated figure: allow the usual rounding to the nearest ten
# or so on figures in the hundreds.
APPROX_TOLERANCE = 0.05

_DATE_RE = re.compile(r"^(\d{4})(?:-(H[12]|Q[1-4]|\d{2})(?:-(\d{2}))?)?$")


_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


@lru_cache(maxsize=1 << 16)  # names and values recur across thousands of records
def _normalize_str(text: str) -> str:
    return _NOT_ALNUM.sub("", text.lower())


def normalize_text(value: Any) -> str:
    """Case-, space- and punctuation-insensitive form of a string value ("GT-R" == "gt r")."""
    return _normalize_str(str(value))


def as_number(value: Any) -> float | None:
    """The value as a float, or None when it is not numeric (booleans are not numbers)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    try:
        return float(str(value).replace(",", ""))
    except ValueError:
        return None


def numeric_interval(value: float, qualifier: str = "=") -> tuple[float, float, bool, bool]:
    """The values a qualified number allows: (low, high, low_open, high_open)."""
    width = abs(value) * (APPROX_TOLERANCE if qualifier == "~" else NUMERIC_TOLERANCE)
    if qualifier == ">":
        return value, math.inf, True, True
    if qualifier == ">=":
        return value - width, math.inf, False, True
    if qualifier == "<":
        return -math.inf, value, True, True
    if qualifier == "<=":
        return -math.inf, value + width, True, False
    return value - width, value + width, False, False


def _intervals_overlap(a: tuple[float, float, bool, bool], b: tuple[float, float, bool, bool]) -> bool:
    lo = max(a[0], b[0])
    hi = min(a[1], b[1])
    if lo < hi:
        return True
    if lo > hi:
        return False
    # Touching end points: they overlap only if neither side excludes the shared point.
    lo_open = a[2] if a[0] >= b[0] else b[2]
    hi_open = a[3] if a[1] <= b[1] else b[3]
    return not (lo_open or hi_open)


def date_span(value: Any) -> tuple[date, date] | None:
    """The first and last day an ISO date prefix names ("2027-H2" -> Jul 1 .. Dec 31), or None."""
    m = _DATE_RE.match(str(value).strip())
    if not m:
        return None
    year = int(m.group(1))
    part, day = m.group(2), m.group(3)
    try:
        if part is None:
            return date(year, 1, 1), date(year, 12, 31)
        if part.startswith("H"):
            half = int(part[1])
            return (date(year, 1, 1), date(year, 6, 30)) if half == 1 else (date(year, 7, 1), date(year, 12, 31))
        if part.startswith("Q"):
            q = int(part[1])
            start = date(year, 3 * q - 2, 1)
            end = date(year + 1, 1, 1) if q == 4 else date(year, 3 * q + 1, 1)
            return start, date.fromordinal(end.toordinal() - 1)
        month = int(part)
        if day is not None:
            d = date(year, month, int(day))
            return d, d
        end = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
        return date(year, month, 1), date.fromordinal(end.toordinal() - 1)
    except ValueError:
        return None


def date_to_year(value: Any, end: bool = False) -> float | None:
    """A date prefix as a fractional year (its first day, or its last with ``end``), for charts."""
    span = date_span(value)
    if span is None:
        return None
    d = span[1] if end else span[0]
    start = date(d.year, 1, 1).toordinal()
    length = date(d.year + 1, 1, 1).toordinal() - start
    return d.year + (d.toordinal() - start + (1 if end else 0)) / length


def _parse(attribute: str, value: Any) -> tuple[str, Any]:
    if attribute in DATE_ATTRIBUTES:
        span = date_span(value)
        if span is not None:
            return "date", span
    else:  # numbers, or strings that happen to be numeric
        number = as_number(value)
        if number is not None:
            return "num", number
    return "text", normalize_text(value)


# The same few values recur across thousands of records: parse each once.
_parse_cached = lru_cache(maxsize=1 << 16)(_parse)


def parsed(attribute: str, value: Any) -> tuple[str, Any]:
    """A value as ("num", float), ("date", (first, last)) or ("text", normalized string)."""
    try:
        return _parse_cached(attribute, value)
    except TypeError:  # an unhashable value (a list from a malformed record): parse uncached
        return _parse(attribute, value)


def agreement_form(attribute: str, value: Any, qualifier: str = "=") -> tuple[str, Any, str]:
    """A qualified value read once for many agreement tests: (kind, comparable, normalized text).

    The comparable is the allowed interval of a number, the day span of a date, or the
    normalized text; the normalized text also decides values of different kinds. Forms are
    hashable, so equal values can be tested once.
    """
    kind, value_read = parsed(attribute, value)
    if kind == "text":
        return kind, value_read, value_read
    comparable = numeric_interval(value_read, qualifier) if kind == "num" else value_read
    return kind, comparable, normalize_text(value)


def forms_agree(a: tuple[str, Any, str], b: tuple[str, Any, str]) -> bool:
    """:func:`values_agree` on two :func:`agreement_form` results (in the same argument order)."""
    if a[0] == b[0] == "num":
        return _intervals_overlap(a[1], b[1])
    if a[0] == b[0] == "date":
        return a[1][0] <= b[1][1] and b[1][0] <= a[1][1]
    return a[2] == b[2]


def values_agree(attribute: str, a: Any, b: Any, qa: str = "=", qb: str = "=") -> bool:
    """Whether two claimed values of one attribute can both be true of the same thing."""
    return forms_agree(agreement_form(attribute, a, qa), agreement_form(attribute, b, qb))


def display_value(value: Any, qualifier: str = "=", unit: str | None = None) -> str:
    """A claimed value as a reader sees it: "> 450 hp", "~460 hp", "VR30DDTT", "2027-H2"."""
    if unit == "L" and isinstance(value, (int, float)):
        value = f"{value:.1f}"  # engines are named by litres to one decimal: "3.0 L", not "3 L"
    elif isinstance(value, float) and value.is_integer():
        value = int(value)
    prefix = {"=": "", ">": "> ", ">=": ">= ", "<": "< ", "<=": "<= ", "~": "~"}.get(qualifier or "=", "")
    text = f"{prefix}{value}"
    return f"{text} {unit}" if unit else text
