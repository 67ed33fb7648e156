"""Sentence segmentation tuned for automotive journalism.

Rule-based: a boundary is a line break or sentence punctuation followed by
space and a plausible sentence start. It survives decimals and model
designations ("3.0-liter", "0.98"), abbreviations ("U.S.", "approx."),
model names that end a sentence ("...designated the Q50S."), run-together
units ("650bhp") and plain-text tables, whose rows become one sentence each.
"""
from __future__ import annotations

import re

from autodossier.extract.debris import debris_lines
from autodossier.extract.pipeline import Annotated, Sentence, component

# Abbreviations after which a period does not end a sentence (lower-case, without the dot).
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof sr jr st vs etc e.g i.e approx est inc ltd co corp no nos fig "
    "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.s.a e.u gov dept mt "
    "rev mfg ca cf al ed vol pp hr min sec".split()
)
# Sentence-final punctuation, including the ideographic full stop of translated articles.
_END = re.compile(r"[.!?。！？]+[\"'”’)\]]*")
_START_OK = re.compile(r"[\"'“‘(\[]?[A-Z0-9À-Ý•\-–—|*#]")
# A line that is only markup (table rules, rules, empty bullets) carries no sentence.
_NOISE_LINE = re.compile(r"^[\s|:\-–—=*#_>•]*$")


def _split_line(line: str, offset: int) -> list[tuple[int, int]]:
    """Spans of the sentences inside one line of text."""
    spans = []
    start = 0
    for m in _END.finditer(line):
        end = m.end()
        if end >= len(line):
            break
        if "。" in m.group() or "！" in m.group() or "？" in m.group():
            # Ideographic punctuation ends a sentence with or without a following space.
            spans.append((start, end))
            start = end
            continue
        if not line[end].isspace():
            continue
        rest = line[end:].lstrip()
        if not rest or not _START_OK.match(rest):
            continue
        if m.group().startswith("."):
            word = re.search(r"(\S+)$", line[start:m.start()])
            token = word.group(1).lower().lstrip("(\"'“") if word else ""
            if token in ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)+[a-z]?", token):
                continue
            if len(token) == 1 and token.isalpha():  # an initial: "J. Smith"
                continue
        spans.append((start, end))
        start = end + (len(line[end:]) - len(rest))
    spans.append((start, len(line)))
    return [(offset + a, offset + b) for a, b in spans]


def split_sentences(text: str) -> list[Sentence]:
    """All sentences of ``text`` with offsets; every sentence text is verbatim ``text[start:end]``."""
    out: list[Sentence] = []
    pos = 0
    paragraph = 0
    lines = text.splitlines(keepends=True)
    debris = debris_lines(lines)
    for number, line in enumerate(lines):
        body = line.rstrip("\r\n")
        if number in debris or _NOISE_LINE.match(body):
            paragraph += 1
            pos += len(line)
            continue
        for a, b in _split_line(body, pos):
            seg = text[a:b]
            stripped = seg.strip()
            if not stripped or _NOISE_LINE.match(stripped):
                continue
            lead = len(seg) - len(seg.lstrip())
            s = a + lead
            e = s + len(stripped)
            out.append(Sentence(text[s:e], s, e, len(out), paragraph))
        paragraph += 1
        pos += len(line)
    return out


@component("sentences", provides=("sentences",))
def sentences(art: Annotated) -> None:
    """Split the article body into sentences."""
    art.sentences = split_sentences(art.doc.text)
