"""Relations between models: shares platform / engine with, replaces, rebadge of.

Each pattern ends where the partner's name must begin; the assembly step
takes the mention found there as the value and the model before the
pattern (or the sentence's focus) as the subject.
"""
from __future__ import annotations

import re

from autodossier.extract.findings import Finding
from autodossier.extract.pipeline import Annotated, component
from autodossier.extract.prefilter import GateGroup, gated, per_sentence_cache, search_part

# Words between a relation's cue and its partner: any lower-case words ("the boxy Lexus GX",
# "the range-topping Aventador", "the anticipated electric Porsche Macan"), a year, or an
# abbreviation in brackets ("the plug-in hybrid (PHEV) Temerario"); not a function word, which
# would carry the cue past its partner.
_FUNCTION_WORD = (r"(?:the|a|an|and|or|but|that|which|who|with|is|are|was|were|will|would|has|have|had|to|in|on|"
                  r"for|of|as|by|at|its|it|from|than|not|be|been|this|these|those|their|his|her)")
# Case-sensitive inside patterns compiled with re.I: a capital starts the partner's name.
_ADJ = rf"(?-i:(?:(?:(?!{_FUNCTION_WORD}\b)[a-z][a-z]*(?:-[a-z0-9]+)*|\d{{4}}|\([A-Z]{{2,5}}\))\s+){{0,3}})"
RELATIONS = [
    ("shares_platform_with", gated(
        r"\b(?:shar(?:es|ed|ing|e)|borrow(?:s|ed|ing)?|us(?:es|ed|ing))\s+(?:a\s+|its\s+|the\s+|their\s+)?(?:common\s+)?"
        r"(?:[A-Z][\w-]*\s+){0,2}"  # a named platform: "shares its MEB platform with"
        r"(?:structural\s+base|platform|underpinnings|architecture|chassis|bones|base|body\s?shell)"
        rf"(?:\s+\w+|\s+and\s+(?:powertrains?|engines?|mechanicals|running\s+gear))?\s+(?:with|of)\s+(?:the\s+)?{_ADJ}"
        rf"|\b(?:re-?badg(?:ed|ing)|re-?badge)\s+(?:version\s+of\s+|of\s+)?(?:the\s+)?{_ADJ}"
        # "is twinned with the Solterra", "forms the basis of the 124 Spider"
        rf"|\btwinned\s+with\s+(?:the\s+)?{_ADJ}"
        rf"|\b(?:forms?|formed|forming|provides?|provided|serves?|served)\s+(?:as\s+)?the\s+basis\s+(?:of|for)\s+(?:the\s+)?{_ADJ}"
        rf"|\b(?:luxury|luxurious|upmarket|posh|posh-ified|plusher|premium|badge-engineered|rebadged|"
        rf"sportier|high-riding|twin|sister|cheaper)\s+(?:\w+[\s-]){{0,1}}?(?:version|twin|sibling|cousin|"
        rf"counterpart|take)\s+(?:of|to|on)\s+(?:the\s+)?{_ADJ}"
        rf"|\b(?:sister\s+(?:cars?|models?|vehicles?)|twin|sibling|(?:close\s+)?relative|cousin|clone)\s+(?:to|of)\s+(?:the\s+)?{_ADJ}"
        rf"|\bknown\s+(?:\w+\s+){{0,4}}?as\s+the\s+{_ADJ}"
        rf"|\b(?:based|built|riding|rides)\s+on\s+(?:the\s+)?(?:basis\s+of\s+the\s+)?{_ADJ}"
        # not "based on the Land Cruiser's V6": that is the engine
        rf"(?!(?:[\w.-]+\s+){{0,4}}?[\w.-]+['’]s?\s+(?:[\w.-]+\s+){{0,3}}?(?:engine|V-?\d+|powertrain|motors?|unit)\b)", re.I)),
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
    # "uses the Kia Rio as its basis", "will use the Suzuki Swift as its base": the partner
    # stands between the verb and the words that make it a base
    ("shares_platform_with", gated(
        rf"\b(?:us(?:es|ed|ing|e)|tak(?:es|en|ing|e)|took|adopts?)\s+(?:the\s+)?{_ADJ}"
        r"(?=(?-i:[A-Z][\w.-]*)(?:\s+[A-Za-z0-9][\w.-]*){0,3}\s+as\s+(?:its|their)\s+"
        r"(?:basis|base|starting\s+point|foundation|donor(?:\s+car)?)\b)"
        # "its Toyota bZ4X twin", "its Skoda sibling": the partner named before the kinship word
        r"|\b(?:its|their)\s+(?=(?-i:[A-Z][\w.-]*)(?:\s+[A-Za-z0-9][\w.-]*){0,2}\s+"
        r"(?:twin|sibling|sister\s+(?:car|model)|cousin|counterpart|clone)\b)"
        # "the Toyota Rush, along with its derivatives the Daihatsu Terios": the partners after the kinship word
        r"|\b(?:its|their)\s+(?:\w+\s+)?(?:derivatives|twins|siblings|sister\s+models|rebadged\s+versions|clones)\s*,?\s+(?:the\s+)?"
        # "underneath it is essentially the current Huracan"
        rf"|\bunderneath\s+(?:it\s+|this\s+|the\s+\w+\s+)?(?:is|lies|sits)\s+(?:\w+ly\s+)?(?:the\s+)?{_ADJ}"
        # "a car developed alongside the GR86"
        rf"|\b(?:developed|engineered|designed)\s+(?:alongside|together\s+with|jointly\s+with)\s+(?:the\s+)?{_ADJ}"
        # "whose underpinnings were shared with the Skoda Karoq"
        r"|\b(?:platform|architecture|underpinnings|chassis)\s+(?:is|are|was|were|will\s+be)\s+(?:also\s+)?"
        rf"(?:shared\s+with|borrowed\s+from|taken\s+from|derived\s+from)\s+(?:the\s+)?{_ADJ}", re.I)),
    # The partner named before a possessive: "is the Golf's sister car", "rides on the Golf's MQB platform"
    ("shares_platform_with", gated(
        r"(?:\b(?:as|is|was|be|becomes?|became)|,)\s+the\s+(?=(?-i:[A-Z][\w.-]*)(?:\s+[A-Za-z0-9][\w.-]*){0,2}['’]s\s+"
        r"(?:\w+\s+)?(?:twin|sibling|sister(?:\s+(?:car|model))?|cousin|counterpart|clone)\b)"
        r"|\b(?:rides?|riding|sits?|sitting|built|based|underpinned)\s+(?:on|by)\s+the\s+"
        r"(?=(?-i:[A-Z][\w.-]*)(?:\s+[A-Za-z0-9][\w.-]*){0,2}['’]s\s+(?:[\w.-]+\s+){0,2}?"
        r"(?:platform|underpinnings|architecture|chassis)\b)", re.I)),
    # "will also be sold by Toyota as the Urban Cruiser": a rebadge under another make
    ("shares_platform_with", gated(
        rf"\b(?:sold|offered|marketed|badged|rebadged)\s+(?:\w+\s+)?by\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+as\s+(?:the\s+)?{_ADJ}", re.I)),
    ("shares_engine_with", gated(
        r"\bsame\s+(?:[\w.-]+\s+){0,5}?(?:engine|powertrain|motor|powerplant|unit|drivetrain|V\d+|six|four)\s+"
        rf"(?:\w+\s+)?as\s+(?:the\s+)?(?:one\s+in\s+the\s+)?{_ADJ}"
        # "the 3.0-liter twin-turbo inline-six shared with the Jeep Wagoneer"
        r"|\b(?:(?:inline|straight|flat)-(?:three|four|five|six)|V-?\d+|four|six|eight)\s+(?:shared\s+with|"
        rf"sourced\s+from|borrowed\s+from|lifted\s+from)\s+(?:the\s+)?{_ADJ}"
        r"|\b(?:engine|powertrain|motor|powerplant|unit|V\d+|drivetrain|turbo-?diesel|(?:three|four|six)-cylinder)\s+"
        r"(?:\([A-Z0-9]+\)\s+)?"
        rf"(?:shared\s+with|sourced\s+from|borrowed\s+from|lifted\s+from|from|of)\s+(?:the\s+)?{_ADJ}"
        rf"|\b(?:(?:that\s+is\s+|which\s+is\s+)?(?:currently|also|already)\s+)?used\s+in\s+(?:the\s+)?{_ADJ}"
        rf"|\bwith\s+an?\s+(?=(?:[A-Z][\w-]*\s){{1,2}}(?:drivetrain|engine|powertrain|V\d+))", re.I)),
    # "borrows the GR Yaris's three-cylinder engine": the partner before a possessive; "the 1.3-litre unit
    # found in the Bezza": an engine named, then the model it is found in
    ("shares_engine_with", gated(
        r"\b(?:borrow(?:s|ed|ing)?|us(?:es|ed|ing|e)|gets?|getting|takes?|taking|took|shares?|sharing|inherits?|"
        r"gains?|adopts?|powered\s+by|driven\s+by|based\s+on)\s+the\s+"
        r"(?=(?-i:[A-Z][\w.-]*)(?:\s+[A-Za-z0-9][\w.-]*){0,4}['’]s?\s+(?:[\w.-]+\s+){0,4}?"
        r"(?:engine|powertrain|drivetrain|V-?\d+|motors?|powerplant|hybrid\s+system|unit)\b)"
        r"|\b(?:engine|unit|powertrain|powerplant|motor|V-?\d+|(?:inline|straight|flat)-(?:three|four|six)|"
        r"(?:three|four|six|eight)-cylinder)\b[^.;]{0,40}?\b(?:found|fitted|seen|offered)\s+(?:in|to|on|under)\s+"
        rf"(?:the\s+)?{_ADJ}", re.I)),
    # "uses the architecture and engines of the Honda Accord": the engines come with the base
    ("shares_engine_with", gated(
        r"\b(?:platform|underpinnings|architecture)\s+and\s+(?:powertrains?|engines?)\s+(?:of|from)\s+"
        rf"(?:the\s+)?{_ADJ}", re.I)),
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
        rf"\b(?:successor\s+(?:to|of)|replac(?:es|ing|ement\s+for)|replaced(?!\s+by)|succeeds|supersed(?:es|ing)|"
        rf"takes\s+over\s+from|taking\s+over\s+from|will\s+replace|to\s+replace|took\s+over\s+from|"
        rf"(?:take|takes|taking|took)\s+the\s+place\s+of)\s+(?:the\s+)?{_ADJ}"
        # "its predecessor, the Vitz"
        r"|\b(?:its|their)\s+predecessor,?\s+(?:the\s+)?"
        # "introduced as the Huracan's replacement": the partner named before the word
        # "... as the Huracan's replacement", "the Temerario, the Huracan's successor, ..."
        r"|(?:\b(?:as|is|was|becomes?|became)|,)\s+the\s+(?=(?-i:[A-Z][\w.-]*)(?:\s+[A-Za-z0-9][\w.-]*){0,2}['’]s\s+"
        r"(?:(?:\w+\s+)?replacement|(?:\w+\s+)?successor)\b)", re.I)),
]
# A replacement in the passive ("the Huracan was replaced by the Temerario", "its place will be taken
# by the Puma Gen-E"): the partner replaces the subject.
PASSIVE_REPLACES = gated(
    r"\b(?:was|were|is|are|will\s+be|would\s+be|has\s+been|have\s+been|being|to\s+be)\s+(?:\w+ly\s+)?"
    rf"(?:replaced|succeeded|superseded)\s+by\s+(?:the\s+)?{_ADJ}"
    r"|\b(?:its|their)\s+place\s+(?:in\s+the\s+(?:range|line-?up)\s+)?(?:will\s+be|would\s+be|is\s+being|is|was|has\s+been)\s+"
    rf"taken\s+by\s+(?:the\s+)?{_ADJ}",
    re.I,
)
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

# Before a platform that underpins the partner: the subject's platform only comes from it
# ("Derived from the MEB platform that underpins the ID.4, the new architecture ...").
_DERIVED_BEFORE = gated(r"\b(?:derived|developed|evolved|adapted|spun\s+off)\s+from\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,2}$", re.I)

# A relation the text sets aside: "Unrelated to the V8 that is found in the Urus, ..." (within the
# phrase: "Unlike its predecessor, the Golf shares its platform with ..." still states the share).
_UNLIKE_BEFORE = gated(r"\b(?:unrelated\s+to|not\s+related\s+to|unlike|different\s+from)\b[^;:,]{0,120}$", re.I)

# Most sentences state no relation: one test skips all four scans.
_ANY_RELATION = GateGroup([rx for _, rx in RELATIONS] + [THAT_ENGINE, PASSIVE_REPLACES] + [rx for _, rx in MUTUAL])


# The RELATIONS matches of a sentence, by its text: coref reads them (a relation cue right before a
# mention marks a partner) before this component runs, and would otherwise scan every pattern twice.
# Past this many texts the cache starts over (an article has far fewer sentences).
MAX_SCANNED_TEXTS = 256


@per_sentence_cache(MAX_SCANNED_TEXTS)
def relation_matches(text: str) -> list:
    """``(attribute, match)`` for every match of every RELATIONS pattern in ``text``, in pattern order."""
    return [(attribute, m) for attribute, rx in RELATIONS for m in rx.finditer(text)]


def find_relations(sent) -> list[Finding]:
    """Relation cues of one sentence; ``end`` marks where the partner name begins."""
    s, off, i = sent.text, sent.start, sent.index
    out = []
    if not _ANY_RELATION.may_match(s):
        return out
    for attribute, m in relation_matches(s):
        if search_part(_DERIVED_BEFORE, s[max(0, m.start() - 40):m.start()], s):
            continue  # "derived from the MEB platform that underpins the ID.4": another platform
        out.append(Finding(i, off + m.start(), off + m.end(), attribute, None,
                           negated=bool(search_part(_UNLIKE_BEFORE, s[:m.start()], s))))
    for attribute, rx in MUTUAL:
        for m in rx.finditer(s):
            out.append(Finding(i, off + m.start(), off + m.end(), attribute, None, qualifier_text="mutual"))
    for m in PASSIVE_REPLACES.finditer(s):
        out.append(Finding(i, off + m.start(), off + m.end(), "replaces", None, qualifier_text="passive"))
    for m in THAT_ENGINE.finditer(s):
        out.append(Finding(i, off + m.start(), off + m.end(), "shares_engine_with", None,
                           qualifier_text="that-engine"))
    return out


@component("relations", requires=("sentences",), provides=("findings",))
def relations(art: Annotated) -> None:
    """Find relation cues in every sentence."""
    for sent in art.sentences:
        art.findings.extend(find_relations(sent))
