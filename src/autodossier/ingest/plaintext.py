"""Plain-text and Markdown articles: optional metadata header, then the body verbatim.

Two header styles are read (see ``shared/claims.md``):

* ``key: value`` lines at the top (``title``, ``date``, ``outlet``, ``url``), then a
  blank line, then the body;
* the looser seed style, a first line `` date 2022-11-07 Infiniti Q60 ...`` whose
  date is metadata and whose rest is already body text.

The body is a slice of the input, never rebuilt, so every sentence in it is verbatim
in the file.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from autodossier.ingest.dates import normalize_date

# Header keys and what they fill; a couple of common synonyms map onto the contract's four.
_HEADER_KEYS = {
    "title": "title",
    "date": "date",
    "published": "date",
    "outlet": "outlet",
    "url": "url",
    "link": "url",
}
_HEADER_LINE = re.compile(
    r"[ \t]*(" + "|".join(_HEADER_KEYS) + r")[ \t]*:[ \t]*(.*?)[ \t]*\r?", re.IGNORECASE
)
# Seed style: "date" without a colon, an all-numeric date, then body text on the same line.
_LOOSE_DATE = re.compile(
    r"[ \t]*date[ \t]+(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})(?:[ \t]+|[ \t]*\r?\n|[ \t]*$)",
    re.IGNORECASE,
)
# YAML-style front matter fence, common in Markdown exports.
_FENCE = re.compile(r"---[ \t]*\r?")
# Front matter longer than this is not a header block but a document that happens to
# start with a rule; stop looking so a huge file is not scanned line by line.
MAX_HEADER_LINES = 40
_UNKNOWN_VALUES = frozenset({"", "unknown", "n/a", "none", "null", "-"})


@dataclass(frozen=True)
class PlainArticle:
    """A parsed plain-text article: the body slice and what the header said."""

    text: str
    title: str | None = None
    date: str | None = None
    outlet: str | None = None
    url: str | None = None


def _lines(text: str, start: int = 0):
    """Yield ``(line_without_newline, next_line_start)`` from ``start`` on, splitting on ``\\n`` only.

    ``str.splitlines`` would also split on U+2028 and form feeds, which must stay body text.
    """
    pos = start
    n = len(text)
    while pos < n:
        end = text.find("\n", pos)
        if end == -1:
            yield text[pos:], n
            return
        yield text[pos:end], end + 1


def _known(value: str) -> str | None:
    """The header value, or None when it is empty or says ``unknown``."""
    return None if value.strip().lower() in _UNKNOWN_VALUES else value.strip()


def _read_key_values(text: str, start: int, fenced: bool) -> tuple[dict[str, str], int] | None:
    """Read ``key: value`` lines from ``start``; return the fields and where the body starts.

    Returns None when a fenced block never closes (then it was not front matter).
    """
    found: dict[str, str] = {}
    pos = start
    for count, (line, nxt) in enumerate(_lines(text, start)):
        if fenced:
            if _FENCE.fullmatch(line):
                return found, nxt
            if count >= MAX_HEADER_LINES:
                return None
            m = _HEADER_LINE.fullmatch(line)
            if m:
                found[_HEADER_KEYS[m.group(1).lower()]] = m.group(2)
            pos = nxt
            continue
        m = _HEADER_LINE.fullmatch(line)
        if not m:
            break
        found[_HEADER_KEYS[m.group(1).lower()]] = m.group(2)
        pos = nxt
    if fenced:
        return None
    return found, pos


def _skip_blank_lines(text: str, pos: int) -> int:
    """Move past the blank line(s) that separate a header from the body."""
    for line, nxt in _lines(text, pos):
        if line.strip():
            return pos
        pos = nxt
    return pos


def parse_plain(text: str) -> PlainArticle:
    """Split a plain-text or Markdown article into its header metadata and verbatim body."""
    if text.startswith("\ufeff"):
        text = text[1:]
    fields: dict[str, str] = {}
    body_start = 0
    first = next(_lines(text), ("", 0))
    if _FENCE.fullmatch(first[0]):
        block = _read_key_values(text, first[1], fenced=True)
        if block is not None and block[0]:
            fields, body_start = block
    if not fields:
        fields, body_start = _read_key_values(text, 0, fenced=False)  # type: ignore[misc]
    if fields:
        body_start = _skip_blank_lines(text, body_start)
    else:
        loose = _LOOSE_DATE.match(text)
        if loose:
            fields = {"date": loose.group(1)}
            body_start = loose.end()
    return PlainArticle(
        text=text[body_start:],
        title=_known(fields.get("title", "")),
        date=normalize_date(fields.get("date")),
        outlet=_known(fields.get("outlet", "")),
        url=_known(fields.get("url", "")),
    )
