"""Page debris in text extracted from web articles: lines that are not article prose.

An HTML-to-text extractor leaves navigation, bylines, "Related:" teasers, image captions,
pull quotes and "More from ..." link blocks in the body. Their headlines name other models
with figures ("... Revealed With 501 HP") and would otherwise become claims, or set the
topic that the next spec sentence is attributed to. Spec rows in "Label: value" form are
kept: they are data, not debris.
"""
from __future__ import annotations

import re

# A line led by one of these labels and a colon (or alone) is a teaser, caption, credit or
# page furniture; without the colon the word may open prose ("Rumor has it that ...").
_DEBRIS_LABEL = re.compile(
    r"^\s*(?:\[\d+/\d+\]|(?:related(?:\s+(?:stories|articles|news|content|reading))?|see\s+also|also\s+read"
    r"|read\s+(?:more|next|also)|more\s+from\b[^:]*|recommended|rumou?r|watch|video|gallery|photos?"
    r"|images?|(?:image|photo)\s+(?:caption|credit)|caption|credit|pull\s*quote|source|sponsored"
    r"|advertisement|tags|topics|suggested\s+topics|share(?:\s+this\s+story)?|comments?)\s*(?:[:|]|\(\d+\)|$))",
    re.I,
)
# A line that is only such a block header ("Related Stories:", "READ MORE", "More From Car
# and Driver", "More Mazda News"): the lines after it, up to a blank line, are link teasers.
_BLOCK_HEADER = re.compile(
    r"^\s*(?:related(?:\s+\w+)?|see\s+also|also\s+read|read\s+(?:more|next|also)|more\s+from\b.*"
    r"|more\s+\w+(?:\s+\w+)?\s+(?:news|stories|reviews)|recommended(?:\s+\w+)?|you\s+might\s+also\s+like"
    r"|trending(?:\s+now)?|popular(?:\s+now)?)\s*:?\s*$",
    re.I,
)
# Advertising and shopping prompts a page puts between paragraphs ("ADVERTISEMENT - Lease a new
# Ford Bronco", "Shop new Ford Bronco deals"): they name models but say nothing about them.
_PROMO = re.compile(
    r"^\s*(?:advertisement|advertising|sponsored(?:\s+content)?|promoted|paid\s+(?:content|partner)|ad)\b(?!\s+\w+\s+(?:is|are|was|were)\b)"
    r"|^\s*(?:lease|shop|buy|get|find|build|compare|see|check)\s+(?:a\s+|your\s+|the\s+|now\b|new\b|used\b|local\b|best\b)"
    r"(?:[\w\s&-]*)(?:deals?|offers?|prices?|quotes?|inventory|dealers?|lease|for\s+sale|near\s+you|now)?\s*$"
    r"|^\s*(?:lease|shop|buy)\s+(?:a\s+)?new\b",
    re.I,
)
# Small words a Title-Case headline leaves in lower case.
_MINOR_WORDS = frozenset("a an and as at but by for from in into of on or the to vs with is its".split())
# A headline has at least this many words; shorter capitalised lines are headings or spec
# labels ("Key specifications", "2025 BMW M5") that carry no claims anyway.
MIN_HEADLINE_WORDS = 5
# Share of the non-minor words that start with a capital or digit for a Title-Case line:
# prose sentences run far below it, headlines at or near 1.
TITLE_CASE_SHARE = 0.85
_WORD = re.compile(r"[\w#][\w'’.#+\-/]*")
_LABEL_ROW = re.compile(r"^[^:|]{1,40}:\s*\S")
# A price list's or a ranking's row ("Cooper S Coupe - $42,990", "1. Toyota RAV4 – 5,210 (up 3%)"):
# a name, a dash, an amount or count ending the line. It is data, like a spec row, though its
# words are all capitalised.
_PRICE_ROW = re.compile(r"\s[-–—]\s*(?:[A-Z]{0,3}\$|€|£|¥|Rs\.?\s?|₹\s?|RM\s?|R|P)?\s?\d[\d,.]*"
                        r"(?:\s?(?:lakh|crore|k|m|units))?\s*(?:\([^)]{1,40}\))?\s*$")


def _title_case(line: str) -> bool:
    """True for a Title-Case headline without sentence punctuation ("X Is Coming With 329 HP")."""
    if line.rstrip().endswith((".", "!", "\"", "”")) or _LABEL_ROW.match(line) or "|" in line \
            or _PRICE_ROW.search(line):
        return False
    words = _WORD.findall(line)
    if len(words) < MIN_HEADLINE_WORDS:
        return False
    major = [w for w in words if w.lower() not in _MINOR_WORDS]
    caps = sum(1 for w in major if w[0].isupper() or w[0].isdigit() or w[0] == "#")
    # Every lower-case word must be a minor word: one ordinary lower-case word means prose.
    return bool(major) and caps / len(major) >= TITLE_CASE_SHARE and caps == len(major)


def debris_lines(lines: list[str]) -> set[int]:
    """Indexes of the lines of an article body that are page debris rather than prose."""
    out: set[int] = set()
    in_block = False
    for i, line in enumerate(lines):
        body = line.strip()
        if not body:
            in_block = False
            continue
        if _BLOCK_HEADER.match(body):
            out.add(i)
            in_block = True
            continue
        if in_block and not body.endswith("."):
            out.add(i)  # a teaser headline inside a link block
            continue
        in_block = False
        if _DEBRIS_LABEL.match(body) or _PROMO.match(body) or _title_case(body):
            out.add(i)
    return out
