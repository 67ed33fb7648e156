"""Sales figures in ranked lists and tables: rows that name a model and a count with no sales
word of their own ("1. Toyota RAV4 – 5,210", "| Isuzu D-Max | 2,980 | -3.1% |").

A row is read as a sales figure only under a line that speaks of sales ("Here are the top
sellers for May", "| Model | Sales | Change |") and only while the rows run on: the first
prose sentence without a sales word ends the list.
"""
from __future__ import annotations

import re

from autodossier.extract.findings import Finding
from autodossier.extract.numbers import parse_number, tidy

# A count: "5,210", "980" (not a year: checked on the value).
_COUNT = r"(?P<num>\d{1,3}(?:,\d{3})+|\d{2,6})"
# A ranked list's row: an optional rank, a name, a dash or colon, the count, an optional change
# in brackets ("2. Ford Ranger – 4,890 (up 12.4%)", "Toyota HiLux: 4,120 units").
_LIST_ROW = re.compile(
    r"^\s*(?:\d{1,2}[.)]\s+)?(?P<name>[A-Z][^|:–—\d]{1,40}?(?:\s[\w-]*\d[\w-]*)?)\s?[-–—:]\s*" + _COUNT
    + r"(?:\s+(?:units|sales|registrations|deliveries|sold))?\s*(?:\((?P<aside>[^)]{1,40})\))?\s*$")
# A plain-text table's row: "| Isuzu D-Max | 2,980 | -3.1% |" (the count in the second cell).
_TABLE_ROW = re.compile(
    r"^\s*\|?\s*(?:\d{1,2}\s*\|\s*)?(?P<name>[A-Z][^|]{1,40}?)\s*\|\s*" + _COUNT
    + r"\s*\|(?:\s*(?P<chg>[+\-−–]?\d+(?:\.\d+)?)\s?%\s*\|?)?")
# A signed change in a row's bracket: "(up 12.4%)", "(-3%)", "(down 8 per cent)".
_ASIDE_CHANGE = re.compile(r"^(?P<dir>up|down|\+|-|−|–)?\s*(?P<num>\d+(?:\.\d+)?)\s?(?:%|per\s?cent|percent)$", re.I)
# A line that puts the rows under it in a sales list: "top sellers", "best-selling", a "Sales" column.
SALES_HEADER = re.compile(r"\b(?:sales|sold|sellers?|best-?sellers?|best-?selling|registrations|deliveries|"
                          r"registered|units)\b", re.I)


def _sign(direction: str | None) -> int:
    return -1 if direction and direction.lower() in ("down", "-", "−", "–") else 1


def row_findings(sent, period: str | None) -> list[Finding]:
    """The sales units (and change) of one list or table row, or none when it is not one."""
    s, off, i = sent.text, sent.start, sent.index
    m = _TABLE_ROW.match(s) if "|" in s else _LIST_ROW.match(s)
    if not m:
        return []
    value = parse_number(m.group("num"))
    if value < 10 or (1900 <= value <= 2100 and "," not in m.group("num")):
        return []
    out = [Finding(i, off + m.start("num"), off + m.end("num"), "sales_units", tidy(value),
                   period=period, brand=True)]
    chg = m.groupdict().get("chg")
    if chg:
        sign = -1 if chg[0] in "-−–" else 1
        out.append(Finding(i, off + m.start("chg"), off + m.end("chg"), "sales_change_pct",
                           tidy(sign * float(chg.lstrip("+-−–"))), unit="%", period=period, brand=True))
    aside = m.groupdict().get("aside")
    if aside and (a := _ASIDE_CHANGE.match(aside.strip())):
        out.append(Finding(i, off + m.start("aside"), off + m.end("aside"), "sales_change_pct",
                           tidy(_sign(a.group("dir")) * float(a.group("num"))), unit="%", period=period, brand=True))
    return out


# How a row ends: a count, a bracketed change, a table rule, or a unit word.
_ROW_ENDS = tuple("0123456789)|") + ("units", "sales", "registrations", "deliveries", "sold")
_RANK_ALONE = re.compile(r"\s*\d{1,2}[.)]\s*")


def is_row(text: str) -> bool:
    """Whether a sentence has the shape of a list or table row (or a rank number alone, "2.")."""
    t = text.rstrip()
    if len(t) <= 4:
        return bool(_RANK_ALONE.fullmatch(t))
    if not t.endswith(_ROW_ENDS):
        return False  # most sentences end with a full stop: no regex for them
    return bool(_TABLE_ROW.match(t) if "|" in t else _LIST_ROW.match(t))
