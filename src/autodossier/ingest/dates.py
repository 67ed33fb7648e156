"""Reading publication dates written any which way into ISO ``YYYY-MM-DD``."""
from __future__ import annotations

import re
from datetime import datetime
from email.utils import parsedate_tz

from dateutil import parser as date_parser

# Values a header may carry to say "no value": the contract names ``unknown``;
# the others turn up in scraped metadata and mean the same.
NO_VALUE = frozenset({"", "unknown", "none", "null", "n/a", "na", "-"})

# Two defaults that differ in every field dateutil may fill in: a date string that
# parses to different results under them lacks a day or month, so it is no full date.
_DEFAULT_A = datetime(2000, 1, 1)
_DEFAULT_B = datetime(2001, 2, 2)

# A real date string is short; anything longer is prose that dateutil might
# still squeeze a date out of, which would be a guess, not a reading.
_MAX_DATE_CHARS = 64

# Plain ISO dates are by far the most common; reading them without dateutil keeps
# a million-article batch fast.
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")

# RSS dates are RFC 822 (``Tue, 05 Mar 2024 23:30:00 -0800``): the standard library
# reads them ~25x faster than dateutil, which matters at one date per feed entry.
_RFC822_DATE = re.compile(r"(?:[A-Za-z]{3},[ \t]*)?\d{1,2}[ \t]+[A-Za-z]{3}[ \t]+\d{4}\b")

# News dates outside this span are typos or epoch placeholders (1970-01-01).
_MIN_YEAR = 1980
_MAX_YEAR = 2100


def normalize_date(value: str | None) -> str | None:
    """Return ``value`` as ISO ``YYYY-MM-DD``, or None when it is missing or cannot be read.

    Accepts ISO dates and timestamps (the date as written is kept, not shifted to
    UTC) and the usual written forms (``7 November 2022``, ``Nov 7, 2022``).
    A date without a day or month counts as no date. An all-numeric ``03/04/2022``
    is read month first, as dateutil does by default (US usage, as most feeds).
    """
    if value is None:
        return None
    text = value.strip()
    if text.lower() in NO_VALUE or len(text) > _MAX_DATE_CHARS:
        return None
    iso = _ISO_DATE.match(text)
    if iso and (len(text) == 10 or not text[10].isdigit()):
        try:
            parsed = datetime(int(iso[1]), int(iso[2]), int(iso[3]))
        except ValueError:
            return None
    elif _RFC822_DATE.match(text) and (rfc := parsedate_tz(text)) is not None:
        try:
            parsed = datetime(*rfc[:3])  # the date as written, before any zone offset
        except ValueError:
            return None
    else:
        try:
            parsed = date_parser.parse(text, default=_DEFAULT_A)
            if parsed.date() != date_parser.parse(text, default=_DEFAULT_B).date():
                return None
        except (ValueError, OverflowError, TypeError):
            return None
    if not _MIN_YEAR <= parsed.year <= _MAX_YEAR:
        return None
    return parsed.strftime("%Y-%m-%d")
