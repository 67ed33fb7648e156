"""Date expressions, absolute and relative, resolved against the publication date.

"second half of 2027" -> 2027-H2; "end of last year" (published 2025-03-01) ->
2024-12; "back in the summertime" -> the publication year; "in March" ->
that March. A relative expression with no publication date yields nothing:
no date is invented.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from autodossier.extract.prefilter import GatedPattern, finditer_part, gated, search_part

MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
_MONTH = r"(?P<month>january|february|march|april|may|june|july|august|september|october|november|december|" \
         r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_YEAR_WORDS = r"(?P<year>(?:19[5-9]\d|20[0-6]\d)|(?:the|this|last|next|the following|the previous) year)"
_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "summertime": (6, 8), "autumn": (9, 11),
                 "fall": (9, 11), "winter": (12, 2)}


@dataclass
class DateExpr:
    start: int
    end: int
    value: str  # ISO prefix: 2027, 2027-H2, 2027-Q3, 2022-03
    text: str
    model_year: bool = False
    range_end: str | None = None  # "from 2016 to 2022": value 2016, range_end 2022


def _year(token: str, pub: date | None) -> int | None:
    token = token.lower()
    if token[:2] in ("19", "20") and token.isdigit():
        return int(token)
    if pub is None:
        return None
    if token in ("the year", "this year"):
        return pub.year
    if token in ("last year", "the previous year"):
        return pub.year - 1
    if token in ("next year", "the following year"):
        return pub.year + 1
    return None


PATTERNS: list[tuple[GatedPattern | re.Pattern, str]] = [
    (gated(rf"\b(?P<ord>first|second|1st|2nd)[\s-]half(?: of)?\s+{_YEAR_WORDS}", re.I), "half"),
    (gated(rf"\b(?P<h>[12])H\s?(?P<year>20\d\d)\b|\bH(?P<h2>[12])\s?(?P<year2>20\d\d)\b"), "half_short"),
    (gated(rf"\b(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th) quarter(?: of)?\s+{_YEAR_WORDS}", re.I), "quarter"),
    (gated(r"\bQ(?P<q>[1-4])\s?(?P<year>20\d\d)\b"), "quarter_short"),
    (gated(rf"\b(?P<edge>(?:the )?end of|(?:the )?beginning of|(?:the )?start of|early|late|mid|"
           rf"the middle of|the latter part of)[\s-]+{_YEAR_WORDS}", re.I), "edge"),
    (gated(rf"\b{_MONTH}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?,?)?(?:\s+(?:of\s+)?{_YEAR_WORDS})?(?![\w-])", re.I), "month"),
    # "this year's fourth quarter", "2024's second half"
    (gated(r"\b(?P<year>(?:19|20)\d\d|(?:this|last|next) year)['’]s\s+(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)"
           r"\s+(?P<part>quarter|half)\b", re.I), "possessive_part"),
    # "next summer", "this autumn", "last spring"
    (gated(r"\b(?P<which>this|last|next|this coming|this past)\s+(?P<season>spring|summer(?:time)?|autumn|fall|winter)\b",
           re.I), "relative_season"),
    (gated(r"\b(?:in |during |over )?(?:the )?(?P<season>spring|summer(?:time)?|autumn|fall|winter)"
           r"(?:\s+(?:of\s+)?(?P<year>(?:19|20)\d\d|this year|last year|next year))?\b", re.I), "season"),
    (gated(r"\b(?:from|between)\s+(?P<a>(?:19|20)\d\d)\s+(?:to|and|until|through)\s+(?P<b>(?:19|20)\d\d)\b", re.I), "range"),
    (gated(r"\b(?P<a>(?:19|20)\d\d)\s?[-–]\s?(?P<b>(?:19|20)\d\d)\b"), "range"),
    (gated(r"\b(?:the\s+)?(?P<year>(?:19|20)\d\d)\s+model[\s-]year\b", re.I), "model_year"),
    (gated(r"\b(?:earlier|later)\s+this\s+year\b|\b(?:this|last|next)\s+year\b", re.I), "relative_year"),
    (gated(r"\b(?:(?:earlier|later)\s+)?(?P<which>this|last|next|the following|the previous)\s+month\b"
           # "early in the month", "late in the month": the publication's month
           r"|\b(?:early|late|earlier|later)\s+in\s+(?P<which2>the)\s+month\b", re.I),
     "relative_month"),
    # "this week", "earlier this week", "today", "within weeks": the publication's own month
    (gated(r"\b(?:(?:earlier|later)\s+)?(?P<wk>this|last|next|the coming|the past|this past)\s+week\b|\b(?P<day>today|yesterday|tonight)\b"
           r"|\b(?:with)?in\s+(?:the\s+)?(?:coming\s+|next\s+few\s+|a\s+few\s+)?weeks\b", re.I), "relative_week"),
    # "three years ago", "a year ago", "two years later" (after the publication: ahead)
    (gated(r"\b(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+years?\s+(?P<dir>ago|earlier|before)\b",
           re.I), "years_ago"),
    (gated(r"\b(?:on|last|this past|next|this)\s+(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
           re.I), "weekday"),
    (gated(r"\b(?P<year>(?:19[5-9]|20[0-6])\d)\b(?![\s-]?(?:hp|bhp|km|mph|units|cc|miles|lb|nm|kg|%))"), "year"),
]


def find_dates(text: str, pub: date | None, offset: int = 0) -> list[DateExpr]:
    """Date expressions in ``text``, left to right, without overlaps (the first pattern wins)."""
    found: list[DateExpr] = []
    taken: list[tuple[int, int]] = []
    for rx, kind in PATTERNS:
        for m in rx.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            expr = _resolve(m, kind, pub, text)
            if expr is None:
                continue
            expr.start += offset
            expr.end += offset
            found.append(expr)
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


def _resolve(m: re.Match, kind: str, pub: date | None, text: str) -> DateExpr | None:
    g = m.groupdict()
    value = None
    range_end = None
    if kind == "half":
        y = _year(g["year"], pub)
        value = y and f"{y}-H{_ORD[g['ord'].lower()]}"
    elif kind == "half_short":
        value = f"{g['year'] or g['year2']}-H{g['h'] or g['h2']}"
    elif kind == "quarter":
        y = _year(g["year"], pub)
        value = y and f"{y}-Q{_ORD[g['ord'].lower()]}"
    elif kind == "quarter_short":
        value = f"{g['year']}-Q{g['q']}"
    elif kind == "edge":
        y = _year(g["year"], pub)
        edge = g["edge"].lower()
        if y:
            if "end" in edge:
                value = f"{y}-12"
            elif "beginning" in edge or "start" in edge:
                value = f"{y}-01"
            elif edge == "early":
                value = f"{y}-H1"
            elif edge in ("late", "the latter part of"):
                value = f"{y}-H2"
            else:
                value = str(y)
    elif kind == "month":
        month = MONTHS[g["month"].lower().rstrip(".")]
        word = g["month"].lower()
        if word == "may" and not g.get("year") and not _MAY_MONTH_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            return None  # the modal verb, far more often than the month (not after "in", "for", "last": "sales in May")
        if word in ("mar", "jun", "jul", "aug", "oct", "nov", "dec", "jan", "feb", "apr", "sep") and not g.get("year"):
            return None
        if not m.group()[0].isupper():
            return None  # months are capitalised; "march" is a verb
        y = _year(g["year"], pub) if g.get("year") else (pub.year if pub else None)
        which = _WHICH_MONTH.search(text, max(0, m.start() - 6), m.start()) if y and not g.get("year") and pub else None
        if which:
            # "this December": the publication's year; "last March", "next March": the one before or after it
            step = which.group(1).lower()
            if step == "last" and month >= pub.month:
                y -= 1
            elif step == "next" and month <= pub.month:
                y += 1
        elif y and not g.get("year") and pub and month > pub.month and _past_context(text, m.start()):
            y -= 1
        value = y and f"{y}-{month:02d}"
    elif kind == "season":
        y = _year(g["year"], pub) if g.get("year") else (pub.year if pub else None)
        if y and not g.get("year") and pub:
            first, _ = SEASON_MONTHS[g["season"].lower()]
            if first > pub.month and _past_context(text, m.start()):
                y -= 1
        value = y and str(y)
    elif kind == "possessive_part":
        y = _year(g["year"], pub)
        n = _ORD[g["ord"].lower()]
        if g["part"].lower() == "half" and n > 2:
            return None
        value = y and f"{y}-{'H' if g['part'].lower() == 'half' else 'Q'}{n}"
    elif kind == "relative_season":
        if pub is None:
            return None
        first, _ = SEASON_MONTHS[g["season"].lower()]
        which = g["which"].lower()
        if which == "next":  # the next one to begin: this year's while it is still ahead
            y = pub.year if first > pub.month else pub.year + 1
        elif which in ("last", "this past"):
            y = pub.year if first < pub.month else pub.year - 1
        else:
            y = pub.year
        value = str(y)
    elif kind == "range":
        value, range_end = g["a"], g["b"]
        if int(range_end) < int(value):
            return None
    elif kind == "model_year":
        return DateExpr(m.start(), m.end(), g["year"], m.group(), model_year=True)
    elif kind == "relative_month":
        if pub is None:
            return None
        step = {"this": 0, "the": 0, "last": -1, "the previous": -1, "next": 1, "the following": 1}[
            " ".join((g["which"] or g["which2"]).lower().split())]
        index = pub.year * 12 + pub.month - 1 + step
        value = f"{index // 12}-{index % 12 + 1:02d}"
    elif kind == "weekday":
        if pub is None:
            return None
        wd = WEEKDAYS.index(g["wd"].lower())
        # "revealed on Wednesday": the last such day up to publication; "will ... on Friday", "next Friday": the coming one.
        ahead = m.group().lower().startswith("next") or bool(search_part(_FUTURE, text[max(0, m.start() - 60):m.start()], text))
        step = (wd - pub.weekday()) % 7 if ahead else -((pub.weekday() - wd) % 7)
        value = date.fromordinal(pub.toordinal() + step).isoformat()
    elif kind == "relative_week":
        if pub is None:
            return None
        day = pub.toordinal()
        which = (g.get("wk") or "").lower()
        if which in ("last", "the past", "this past") or (g.get("day") or "").lower() == "yesterday":
            day -= 7 if which else 1
        elif which in ("next", "the coming") or not (g.get("wk") or g.get("day")):
            day += 7 if which else 21  # "within weeks": about three weeks on
        when = date.fromordinal(day)
        value = f"{when.year}-{when.month:02d}"
    elif kind == "years_ago":
        if pub is None:
            return None
        n = g["n"].lower()
        count = 1 if n in ("a", "one") else int(n) if n.isdigit() else _WORD_COUNT.index(n) + 2
        value = str(pub.year - count)
    elif kind == "relative_year":
        y = _year(" ".join(m.group().lower().split()[-2:]), pub)
        value = y and str(y)
    elif kind == "year":
        # "2025 Infiniti QX60": a model year naming a car, not a date of an event.
        if re.match(r"\s+model\b", text[m.end():]):
            return DateExpr(m.start(), m.end(), g["year"], m.group(), model_year=True)
        after = text[m.end():m.end() + 2]
        if after[:1] == " " and after[1:2].isupper() and not re.match(r"\s(?:[A-Z][a-z]+ )?(?:and|to)\b", text[m.end():m.end() + 12]):
            nxt = re.match(r"\s+([A-Z][\w-]+)", text[m.end():])
            if nxt and nxt.group(1) not in ("In", "At", "And", "The", "When", "After", "Before", "But") \
                    and not _SHOW_AFTER.match(text, m.end()):
                return DateExpr(m.start(), m.end(), g["year"], m.group(), model_year=True)
        value = g["year"]
    if not value:
        return None
    return DateExpr(m.start(), m.end(), value, m.group(), range_end=range_end)


# A show named after its year: "the 2019 Geneva motor show", "the 2023 Tokyo Auto Salon" (a date, not a model year).
_SHOW_AFTER = re.compile(r"\s+(?:[A-Z][\w-]+\s+){1,3}?(?:motor\s+show|auto\s+show|show|salon|expo|motor\s+expo|"
                         r"auto\s+salon)\b", re.I)
# Words before "May" that make it the month: "in May", "for May", "last May", "early May".
_MAY_MONTH_BEFORE = re.compile(r"\b(?:in|for|during|since|until|till|through|by|of|from|last|this|next|early|late|mid|"
                               r"end\s+of|start\s+of)[\s-]+$", re.I)
# "this", "last" or "next" right before a month name.
_WHICH_MONTH = re.compile(r"\b(this|last|next)\s+$", re.I)
_WORD_COUNT = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_FUTURE = gated(r"\b(?:will|'ll|is due|are due|set to|scheduled|slated|to be)\b", re.I)
_PAST = gated(r"\b(?:was|were|had|did|showed|launched|revealed|unveiled|debuted|removed|sold|"
              r"introduced|announced|back in|ago|earlier)\b", re.I)


_FUTURE_AUX_BEFORE = re.compile(r"\b(?:will|'ll|to|would|should|could|may|might|must)\s+(?:(?:also|then|now|first|"
                                r"officially|finally|only)\s+)?be\s+(?:\w+ly\s+)?$", re.I)


def _past_context(text: str, pos: int) -> bool:
    """Whether the clause around ``pos`` speaks of the past (a month after publication is last year's)."""
    window = text[max(0, pos - 80):pos + 40]
    # "will be unveiled on 14 July", "is set to be revealed in October": a participle after a
    # future auxiliary speaks of the future
    return any(not _FUTURE_AUX_BEFORE.search(window, max(0, m.start() - 30), m.start())
               for m in finditer_part(_PAST, window, text))


def parse_pub_date(value: str | None) -> date | None:
    """The publication date of a document as a ``date`` (None when unknown or unreadable)."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
