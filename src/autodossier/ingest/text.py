"""Plain-text articles (``.txt``, ``.md``): header lines are metadata, the rest is the body.

The body is a slice of the decoded file, never rebuilt: evidence sentences the
extractor cuts from ``Document.text`` must be found verbatim in the file.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from autodossier.ingest.dates import NO_VALUE, normalize_date

# The header keys of the contract (``../shared/claims.md``, "Plain-text documents").
HEADER_KEYS = frozenset({"title", "date", "outlet", "url"})

# One ``key: value`` header line. Keys are short single words; a longer "key" is a
# sentence that happens to hold a colon ("Update: Nissan confirmed ...").
_HEADER_LINE = re.compile(r"[ \t]*([A-Za-z][A-Za-z_-]{0,19})[ \t]*:[ \t]*(.*?)[ \t]*\r?\n?\Z")

# The seed corpus's loose style: a first line `` date 2022-11-07 Infiniti Q60 ...``
# where the date is metadata and the rest of that line is already body text. A
# colon after ``date`` is tolerated, so ``date: <date> <prose>`` keeps its prose
# instead of losing the whole line to an unreadable header value.
_DATE_TOKEN = r"(\d{4}[-/.]\d{1,2}[-/.]\d{1,2})"
# The prose must start with a letter, so a header ``date: 2024-03-05 09:30`` stays a header.
_LOOSE_DATE = re.compile(r"[ \t]?date(?::[ \t]*|[ \t]+)" + _DATE_TOKEN + r"[ \t]+(?=[^\W\d_])", re.IGNORECASE)
# The same without prose after the date: a date line of its own, no colon (with
# a colon it is an ordinary header line).
_LOOSE_DATE_LINE = re.compile(r"[ \t]?date[ \t]+" + _DATE_TOKEN + r"[ \t]*(?:\r?\n|\Z)", re.IGNORECASE)

# A header longer than this is no header but a document of ``key: value`` lines;
# stopping there also keeps a huge file from being scanned line by line.
MAX_HEADER_LINES = 30

_BLANK = re.compile(r"[ \t]*\r?\n?\Z")


@dataclass(frozen=True)
class ParsedText:
    """A plain-text article split into metadata and the verbatim body."""

    body: str
    title: str | None = None
    date: str | None = None
    outlet: str | None = None
    url: str | None = None


def _value(raw: str) -> str | None:
    """A header value, or None for an empty or ``unknown`` one."""
    return None if raw.strip().lower() in NO_VALUE else raw.strip()


def parse_text(text: str) -> ParsedText:
    """Split ``text`` into header metadata and body.

    Header lines (``title:``, ``date:``, ``outlet:``, ``url:``) are taken from the
    top up to a blank line; other ``key: value`` lines may sit among them when a
    blank line closes the block. Without a closing blank line the header is the
    leading run of known-key lines, so prose that merely starts with ``Word:``
    stays body. A loose first line `` date 2022-11-07 <prose>`` gives the date and
    keeps the prose as body. The body starts at its first non-blank line.
    """
    loose = _LOOSE_DATE.match(text) or _LOOSE_DATE_LINE.match(text)
    if loose:
        meta: dict[str, str | None] = {"date": loose[1]}
        body_start = loose.end()
    else:
        meta, body_start = _header(text)
    body = _skip_blank_lines(text, body_start)
    return ParsedText(
        body=body,
        title=meta.get("title"),
        date=normalize_date(meta.get("date")),
        outlet=meta.get("outlet"),
        url=meta.get("url"),
    )


def _lines(text: str) -> Iterator[str]:
    """Lines of ``text`` with their ``\n``, lazily, split on ``\n`` only.

    ``str.splitlines`` would also split on form feeds and U+2028, which are body text.
    """
    pos = 0
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end == -1 else end + 1
        yield text[pos:end]
        pos = end


def _header(text: str) -> tuple[dict[str, str | None], int]:
    """The header's known values and the offset where it ends (0 and {} when there is none)."""
    block: dict[str, str | None] = {}
    known: dict[str, str | None] = {}  # the leading run of lines with known keys only
    offset = known_offset = 0
    closed = False
    for count, line in enumerate(_lines(text)):
        match = _HEADER_LINE.match(line) if count < MAX_HEADER_LINES else None
        if not match:
            closed = _BLANK.match(line) is not None
            break
        key = match[1].lower()
        offset += len(line)
        if key in HEADER_KEYS:
            block.setdefault(key, _value(match[2]))
            if known_offset == offset - len(line):
                known.setdefault(key, _value(match[2]))
                known_offset = offset
    if block and closed:
        return block, offset
    return known, known_offset


def _skip_blank_lines(text: str, start: int) -> str:
    """``text`` from ``start``, without the blank lines that open it (an offset, not a strip)."""
    pos = start
    while True:
        newline = text.find("\n", pos)
        if newline == -1 or text[pos:newline].strip():
            break
        pos = newline + 1
    if not text[pos:].strip():
        return ""
    return text[pos:]
