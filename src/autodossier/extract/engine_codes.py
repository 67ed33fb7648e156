"""Engine designations recognised by their shape and by where they stand.

Makers name engines with short codes of letters and digits ("L84", "LS9", "NE01", "K12C",
"1NR-VE") or with hyphenated technology names ("i-VTEC", "TI-VCT"). Model names share that
shape ("X50", "GR86", "CX-5"), so a code counts only where the words around it say it is an
engine's: right after a displacement, layout or aspiration ("the 5.3L V8 L84", "a 2.0-litre
NE01 turbocharged engine", "Supercharged LS9 V8"), right before one ("1NR-VE 1.3 litre",
"the S58 inline-six"), before an engine noun when its shape is unlike a model's ("the K12C
engine"), or after words that name it ("known internally as the LT2", "a
designation such as LT7").
"""
from __future__ import annotations

import re
from typing import Callable, Iterator

from autodossier.extract.prefilter import gated, match_part, search_part

# A candidate: letters and digits, both present, upper case ("L84", "1NR-VE", "B58B30") ...
_MIXED = r"(?=[A-Z\d-]*[A-Z])(?=[A-Z\d-]*\d)[A-Z\d]+(?:-[A-Z\d]+){0,2}"
# ... or a hyphenated name with an upper-case part of three or more letters ("i-VTEC", "TI-VCT").
_NAMED = r"[A-Za-z]{1,3}-[A-Z]{3,6}"
CANDIDATE = re.compile(rf"(?<![\w.\-/])(?:{_MIXED}|{_NAMED})(?![\w\-/’'])")

# Sentences that can hold an engine's code: one test skips the candidate scan in all others.
CONTEXT = gated(r"\b(?:engine|motor|powerplant|unit|litre|liter|cylinder|V-?\d{1,2}|I[3-6]|inline|"
                r"straight|flat|turbo\w*|supercharged|aspirated|designation|known|code|petrol|diesel)"
                r"|\d\.\dL\b|\d\s?cc\b", re.I)

# Words a code follows: a displacement, a layout or an aspiration, with at most two such words
# in between ("5.3L V8 L84", "6.2L Supercharged LS9", "2.0-litre NE01").
_SPEC_WORD = (r"(?:\d\.\d\s?-?(?:L|litres?|liters?)|\d{3,4}\s?cc|V-?\d{1,2}|[IL][3-6]|"
              r"(?:inline|in-line|straight|flat)-\w+|supercharged|turbocharged|twin-turbo(?:charged)?|"
              r"naturally[\s-]aspirated)")
AFTER_SPEC = gated(rf"\b{_SPEC_WORD}\s+(?:{_SPEC_WORD}\s+){{0,2}}$", re.I)
# Words a code precedes: a displacement or a layout ("1NR-VE 1.3 litre", "LS9 V8", "S58 inline-six").
BEFORE_SPEC = gated(r"^\s+(?:\d\.\d\s?-?(?:L|litres?|liters?)\b|V-?\d{1,2}\b|W\d{2}\b|"
                    r"(?:inline|in-line|straight|flat)[\s-](?:three|four|five|six|eight|\d)\b|"
                    r"(?:three|four|five|six|eight|twelve)-cylinder\b)", re.I)
# An engine noun right after the code ("the K12C engine").
BEFORE_ENGINE = gated(r"^\s+(?:engines?|units?|motors?|mill|powerplant|petrol|diesel|turbo-?diesel)\b", re.I)
# A shape unlike a model name's: a digit before a letter, or a letter between digits ("K12C",
# "1NR-VE", "B58B30"), where model names run letters then digits ("X50", "CX-5", "GR86").
DISTINCT = re.compile(r"\d[A-Z]|[A-Z]\d+[A-Z]")
# Words that name a code ("known internally as the", "a designation such as").
NAMING = gated(r"(?:\b(?:known|referred\s+to|designated|dubbed|badged)\s+(?:[\w-]+\s+){0,4}?as\s+(?:the\s+)?"
               r"|\b(?:designation|engine\s+code|codename|code\s+name|code-?named)\s+(?:such\s+as\s+|of\s+)?(?:the\s+)?)$",
               re.I)
# An engine word shortly before a naming phrase: the name is an engine's, not a model's or a platform's.
ENGINE_BEFORE = gated(r"\b(?:engine|V-?\d{1,2}|motor|powerplant|unit|cylinder)", re.I)

# Shapes that are not engines: a layout ("V8", "W12", "I4"), a unit or count ("48V", "4WD",
# "4X4", "500X"), and technology words that describe rather than name an engine.
_NOT_CODE = re.compile(r"^(?:[VW]-?\d{1,2}|[IL]\d|\d+[A-Z]{1,3}|\d+X\d+|[A-Z]{1,3}-(?:POWER|HYBRID|LINE|SPORT|TECH|DRIVE))$")
# How far back an aspiration, layout or displacement may stand before a code.
SPEC_WINDOW = 40
# How far back an engine word may stand before the phrase that names a code.
NAMING_WINDOW = 80


def find_engine_codes(s: str, inside_name: Callable[[re.Match], bool]) -> Iterator[re.Match]:
    """Matches of engine designations in sentence ``s`` (``inside_name``: whether a match is part of a model name)."""
    if not CONTEXT.search(s):
        return
    for m in CANDIDATE.finditer(s):
        code = m.group()
        if _NOT_CODE.match(code) or inside_name(m):
            continue
        before, after = s[max(0, m.start() - SPEC_WINDOW):m.start()], s[m.end():m.end() + 30]
        if (search_part(AFTER_SPEC, before, s) or match_part(BEFORE_SPEC, after, s)
                or (DISTINCT.search(code) and match_part(BEFORE_ENGINE, after, s))):
            yield m
            continue
        naming = search_part(NAMING, s[max(0, m.start() - NAMING_WINDOW):m.start()], s)
        if naming and ENGINE_BEFORE.search(s, max(0, m.start() - NAMING_WINDOW - len(naming.group())), m.start()):
            yield m
