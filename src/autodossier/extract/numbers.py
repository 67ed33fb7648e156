"""Numbers as journalists write them: "2,792", "3.0", "1.2 million", "450-plus", "six"."""
from __future__ import annotations

import re

WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "sixteen": 16,
}
SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9}

# A numeral with thousands separators or a decimal part, optionally scaled ("1.2 million").
NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
NUMBER_SCALED = NUMBER + r"(?:\s?(?:thousand|million|billion|mn|bn)\b|k\b)?"


# A numeral and its scale word, as ``parse_number`` reads them (compiled once: it runs per figure).
_NUMERAL = re.compile(r"([\d,]+(?:\.\d+)?)\s*([a-z]*)")


def parse_number(text: str) -> float:
    """The value of a numeral as written (``"1,916"`` -> 1916, ``"1.2 million"`` -> 1.2e6)."""
    text = text.strip().lower()
    if text in WORD_NUMBERS:
        return float(WORD_NUMBERS[text])
    m = _NUMERAL.match(text)
    if not m:
        raise ValueError(text)
    value = float(m.group(1).replace(",", ""))
    return value * SCALE.get(m.group(2), 1.0)


def tidy(value: float, digits: int = 2) -> float | int:
    """Round a converted value and drop a needless ``.0`` (400.0 -> 400)."""
    value = round(value, digits)
    return int(value) if float(value).is_integer() else value
