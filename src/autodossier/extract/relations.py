"""Relations between models: shares platform / engine with, replaces, rebadge of.

Each pattern ends where the partner's name must begin; the assembly step
takes the mention found there as the value and the model before the
pattern (or the sentence's focus) as the subject.
"""
from __future__ import annotations

import re

from autodossier.extract.findings import Finding
from autodossier.extract.pipeline import Annotated, component
from autodossier.extract.prefilter import GateGroup, gated

_ADJ = r"(?:(?:sporty|current|latest|outgoing|standard|regular|related|hot|new|popular|humble|mechanically[\s-]related|" \
       r"Japanese|American|European|Chinese|larger|smaller|mainstream)\s+)*"
RELATIONS = [
    ("shares_platform_with", gated(
        r"\b(?:shar(?:es|ed|ing|e)|borrow(?:s|ed|ing)?|us(?:es|ed|ing))\s+(?:a\s+|its\s+|the\s+|their\s+)?(?:common\s+)?"
        r"(?:[A-Z][\w-]*\s+){0,2}"  # a named platform: "shares its MEB platform with"
        r"(?:structural\s+base|platform|underpinnings|architecture|chassis|bones|base|body\s?shell)"
        rf"(?:\s+\w+)?\s+(?:with|of)\s+(?:the\s+)?{_ADJ}"
        rf"|\b(?:rebadg(?:ed|ing)|rebadge)\s+(?:version\s+of\s+|of\s+)?(?:the\s+)?{_ADJ}"
        rf"|\b(?:luxury|luxurious|upmarket|posh|posh-ified|plusher|premium|badge-engineered|rebadged|"
        rf"sportier|high-riding|twin|sister|cheaper)\s+(?:\w+[\s-]){{0,1}}?(?:version|twin|sibling|cousin|"
        rf"counterpart|take)\s+(?:of|to|on)\s+(?:the\s+)?{_ADJ}"
        rf"|\b(?:sister\s+(?:car|model|vehicle)|twin|sibling)\s+(?:to|of)\s+(?:the\s+)?{_ADJ}"
        rf"|\bknown\s+(?:\w+\s+){{0,4}}?as\s+the\s+{_ADJ}"
        rf"|\b(?:based|built|riding|rides)\s+on\s+(?:the\s+)?(?:basis\s+of\s+the\s+)?{_ADJ}", re.I)),
    # Separate patterns, so each keeps a gate of its own (common words like "sold" would open the one above).
    # "the BT1 platform that also underpins the Chevrolet Silverado EV"
    ("shares_platform_with", gated(
        rf"\b(?:platform|architecture|underpinnings|chassis|base)\b[^.;]{{0,40}}?\b(?:that|which)\s+(?:also\s+|already\s+)?"
        rf"(?:underpins?|underpinned|underpinning|(?:is|are)\s+used\s+(?:by|in|for))\s+(?:the\s+)?{_ADJ}", re.I)),
    # "rides on the same E-GMP architecture as the EV9", "the MEB platform, which it will share with the Epiq"
    ("shares_platform_with", gated(
        r"\bsame\s+(?:[\w.-]+\s+){0,3}?(?:platform|architecture|underpinnings|chassis|structural\s+base|bones)\s+"
        rf"as\s+(?:the\s+)?{_ADJ}"
        r"|\b(?:platform|architecture|underpinnings)\b[^.;]{0,40}?\b(?:that|which)\s+(?:it|they)\s+(?:will\s+|also\s+|already\s+)*"
        rf"shares?\s+with\s+(?:the\s+)?{_ADJ}", re.I)),
    # "will also be sold by Toyota as the Urban Cruiser": a rebadge under another make
    ("shares_platform_with", gated(
        rf"\b(?:sold|offered|marketed|badged|rebadged)\s+(?:\w+\s+)?by\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+as\s+(?:the\s+)?{_ADJ}", re.I)),
    ("shares_engine_with", gated(
        r"\bsame\s+(?:[\w.-]+\s+){0,5}?(?:engine|powertrain|motor|powerplant|unit|drivetrain|V\d+|six|four)\s+"
        rf"(?:\w+\s+)?as\s+(?:the\s+)?(?:one\s+in\s+the\s+)?{_ADJ}"
        # "the 3.0-liter twin-turbo inline-six shared with the Jeep Wagoneer"
        r"|\b(?:(?:inline|straight|flat)-(?:three|four|five|six)|V-?\d+|four|six|eight)\s+(?:shared\s+with|"
        rf"sourced\s+from|borrowed\s+from|lifted\s+from)\s+(?:the\s+)?{_ADJ}"
        r"|\b(?:engine|powertrain|motor|powerplant|unit|V\d+|drivetrain)\s+(?:\([A-Z0-9]+\)\s+)?"
        rf"(?:shared\s+with|sourced\s+from|borrowed\s+from|lifted\s+from|from|of)\s+(?:the\s+)?{_ADJ}"
        rf"|\b(?:(?:that\s+is\s+|which\s+is\s+)?(?:currently|also|already)\s+)?used\s+in\s+(?:the\s+)?{_ADJ}"
        rf"|\bwith\s+an?\s+(?=(?:[A-Z][\w-]*\s){{1,2}}(?:drivetrain|engine|powertrain|V\d+))", re.I)),
    # "uses the same hybrid system as", "a dual-motor set-up shared with", "shares its hybrid drivetrain with",
    # "borrows its engine from": a drive unit named in other words than the pattern above
    ("shares_engine_with", gated(
        r"\bsame\s+(?:[\w.-]+\s+){0,5}?(?:hybrid\s+system|system|set-?up|e-?motors?|motors|drive\s+units?)\s+"
        rf"as\s+(?:the\s+)?{_ADJ}"
        r"|\b(?:set-?up|system|drive\s+units?|e-?motors?)\s+shared\s+with\s+"
        rf"(?:the\s+)?{_ADJ}"
        r"|\b(?:shar(?:es|ed|ing|e)|borrow(?:s|ed|ing)?)\s+(?:its|their|the|a)\s+(?:[\w.-]+\s+){0,3}?"
        r"(?:engine|powertrain|drivetrain|motors?|powerplant|hybrid\s+system|set-?up)\s+(?:with|from)\s+"
        rf"(?:the\s+)?{_ADJ}", re.I)),
    ("replaces", gated(
        rf"\b(?:successor\s+(?:to|of)|replac(?:es|ing|ement\s+for)|succeeds|takes\s+over\s+from|"
        rf"will\s+replace|to\s+replace|took\s+over\s+from)\s+(?:the\s+)?{_ADJ}", re.I)),
]
# "A version of that engine already powers the standard QX80": the partner is the model
# whose engine the article described last.
THAT_ENGINE = gated(
    rf"\b(?:that|this|the\s+same)\s+(?:engine|powertrain|unit|motor|V\d+)\s+(?:\w+\s+){{0,2}}?powers\s+(?:the\s+)?{_ADJ}",
    re.I,
)


# A relation stated of a coordinated group ("the Silverado and Sierra are going to share the new
# T1-2 platform", "the V10 shared by the Huracan and R8", "twin sports coupes"): every model of
# the group shares it with every other one.
MUTUAL = [
    ("shares_platform_with", gated(
        r"\b(?:share|sharing)\s+(?:the\s+|a\s+|their\s+|an?\s+)?(?:same\s+|common\s+|new\s+)?(?:[\w.-]+\s+){0,2}?"
        r"(?:platform|architecture|underpinnings|chassis|structural\s+base)\b"
        r"|\b(?:platform|architecture|underpinnings|chassis)\s+(?:that|which)\s+(?:also\s+)?underpins\b"
        r"|\b(?:twins|twin\s+(?:[\w-]+\s+){0,2}(?:cars|coupes|models|SUVs|sedans|utes|pickups)|siblings|sister\s+models|"
        r"clones\s+of\s+each\s+other|badge-engineered\s+(?:twins|copies|versions)|developed\s+alongside)\b", re.I)),
    ("shares_engine_with", gated(
        r"\b(?:engine|V\d+|powertrain|motor|unit)\s+shared\s+by\b"
        r"|\b(?:share|sharing)\s+(?:the\s+same\s+|an?\s+|their\s+)?(?:[\w.-]+\s+){0,2}?(?:engine|powertrain|V\d+|motors?)\b", re.I)),
]

# Most sentences state no relation: one test skips all four scans.
_ANY_RELATION = GateGroup([rx for _, rx in RELATIONS] + [THAT_ENGINE] + [rx for _, rx in MUTUAL])


def find_relations(sent) -> list[Finding]:
    """Relation cues of one sentence; ``end`` marks where the partner name begins."""
    s, off, i = sent.text, sent.start, sent.index
    out = []
    if not _ANY_RELATION.may_match(s):
        return out
    for attribute, rx in RELATIONS:
        for m in rx.finditer(s):
            out.append(Finding(i, off + m.start(), off + m.end(), attribute, None))
    for attribute, rx in MUTUAL:
        for m in rx.finditer(s):
            out.append(Finding(i, off + m.start(), off + m.end(), attribute, None, qualifier_text="mutual"))
    for m in THAT_ENGINE.finditer(s):
        out.append(Finding(i, off + m.start(), off + m.end(), "shares_engine_with", None,
                           qualifier_text="that-engine"))
    return out


@component("relations", requires=("sentences",), provides=("findings",))
def relations(art: Annotated) -> None:
    """Find relation cues in every sentence."""
    for sent in art.sentences:
        art.findings.extend(find_relations(sent))
