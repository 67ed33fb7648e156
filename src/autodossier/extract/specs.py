"""Technical specifications named in words: engine code, layout and cylinders
("V6", "flat-six", "inline-four", "turbo four"), aspiration, powertrain,
drivetrain, transmission and gears, body style.
"""
from __future__ import annotations

import re

from autodossier.extract.engine_codes import CONTEXT as _CODE_CONTEXT, find_engine_codes
from autodossier.extract.findings import Finding
from autodossier.extract.numbers import WORD_NUMBERS
from autodossier.extract.pipeline import Annotated, component
from autodossier.extract.prefilter import GateGroup, gated, match_part, search_part

_COUNT = r"(three|four|five|six|eight|ten|twelve|sixteen|3|4|5|6|8|10|12|16)"
_NOT_BEFORE = gated(
    r"(?:ditch(?:es|ed|ing)?|drop(?:s|ped|ping)?|los(?:e|es|ing)|abandon(?:s|ed)?|instead of|minus|in place of|"
    r"substitut(?:es|ed|ing|e) for|"
    r"rather than|not|no|without|replac(?:es|ed|ing)|swap(?:s|ped)? (?:out )?(?:its|the)|than)"
    r"\s+(?:the|its|a|an|their)?\s*(?:(?!(?:for|with|to|and|by|in)\b)\w+[\s\-\u2010\u2011]){0,2}$",
    re.I,
)

LAYOUTS = [
    (gated(r"\b(?P<layout>V|W)-?(?P<n>6|8|10|12|16)\b"), None),
    (gated(rf"\b(?P<layout>inline|in-line|straight)[\s\-\u2010\u2011]{_COUNT}\b", re.I), "inline"),
    (gated(r"\b(?:I|L)(?P<n>[3-6])\b"), "inline"),
    (gated(rf"\b(?P<layout>flat|boxer|horizontally[\s\-\u2010\u2011]opposed)[\s\-\u2010\u2011]{_COUNT}\b", re.I), "flat"),
    (gated(rf"\b(?:turbo(?:charged)?|twin-turbo|supercharged)[\s\-\u2010\u2011]{_COUNT}\b"
           r"(?![\s\-\u2010\u2011](?:speed|door|seat)|\.\d)", re.I), ""),  # not "turbo 4.4-liter"
    (gated(rf"\b{_COUNT}[\s\-\u2010\u2011](?:cylinders?|pot(?:ter)?)\b", re.I), ""),  # "three-pot": British slang
    (gated(r"\b(?:rotary|wankel)\b", re.I), "rotary"),
    # "a 2.5-liter Subaru BOXER engine": the layout named without a cylinder count
    (gated(r"\b(?:boxer|horizontally[\s\-\u2010\u2011]opposed)(?=[\s\-\u2010\u2011](?:\w+[\s\-\u2010\u2011])?"
           r"(?:engine|motor|unit|petrol|gasoline|diesel))", re.I), "flat"),
]
ASPIRATION = [
    (gated(r"\b(?:twin|bi|quad|triple)[\s\-\u2010\u2011]?turbo(?:charged|s)?\b|\btwin[\s\-\u2010\u2011]turbochargers\b", re.I), "twin-turbo"),
    # ("a 3.0-litre turbodiesel", "the turbopetrol": written as one word)
    (gated(r"(?<!non-)\bturbo(?:charged|charger|diesel|petrol)?\b(?![\s\-\u2010\u2011]?(?:lag|charger technology))", re.I), "turbo"),
    (gated(r"\bsupercharged\b|\bsupercharger\b", re.I), "supercharged"),
    (gated(r"\b(?:naturally|normally)[\s\-\u2010\u2011]aspirated\b|\bnon-turbo\b", re.I), "naturally-aspirated"),
]
# A powertrain word describes a model, not the market, unless followed by words like these (not
# when they start a model's name: "the electric Charger", "an electric Focus").
_GENERIC_AFTER = gated(r"^\s+(?:vehicles?|cars|demand|plans?|market|sales|transition|era|push|strategy|brands?|models|"
                 r"future|lineup|line-up|offensive|charging|adoption|makers?|rivals|competitors|segment|space|aside|"
                 r"ambitions|dreams|efforts|focus|shift|transformation|development|roadmap|buyers|owners|customers|"
                 r"drivers|subsidies|incentives|tax|credits?|startups?|start-ups?|chargers?|infrastructure)\b", re.I)
# "fully electric and plug-in hybrid models": the first of two kinds of car in general
_COORDINATED_GENERIC = gated(r"^\s+(?:and|or|&)\s+(?:[\w-]+\s+){1,2}(?:vehicles|cars|models)\b", re.I)
# An abbreviation in brackets after a generic noun ("electric and hybrid cars (BEV and PHEV)"): as generic.
_BRACKET_AFTER_GENERIC = gated(r"\b(?:vehicles?|cars|models)\s*\((?:[\w\s-]*\s)?$", re.I)
POWERTRAIN = [
    (gated(r"\b(?:plug-in[\s\-\u2010\u2011]hybrid|PHEV|plug-in(?=\s+(?:version|variant|model|option)))\b", re.I), "phev"),
    (gated(r"\b(?:hydrogen fuel[\s\-\u2010\u2011]cell|fuel[\s\-\u2010\u2011]cell|FCEV|hydrogen-powered)\b", re.I), "fcev"),
    # not "hybrid-electric", "petrol-electric hybrid", "electric hybrid": those name a hybrid
    (gated(r"(?<!hybrid[\s-])(?<!petrol-)(?<!gasoline-)(?<!diesel-)(?<!gas-)"
           r"\b(?:fully electric|all-electric|pure electric|battery[\s\-\u2010\u2011]electric|battery-powered|"
           r"electric-powered|electric|BEV|EV)\b"
           r"(?:\s+(?:sedan|saloon|car|coupe|suv|crossover|hatchback|model|version|successor|"
           r"replacement|powertrain|motor|drivetrain|variant|wagon|pickup|truck)\b)?(?![\s-]hybrid)", re.I), "ev"),
    (gated(r"(?<!plug-in )(?<!plug-in-)(?<!non-)\b(?:hybrid|HEV|e-power|hybridi[sz]ed)\b", re.I), "hybrid"),
    # "a mild-hybrid petrol engine" is the engine of a hybrid
    (gated(r"(?<!hybrid )(?<!hybrid-)\b(?:internal[\s\-\u2010\u2011]combustion(?: engine)?|combustion engine|combustion-engined|gas-powered|petrol-powered|"
           r"gasoline-powered|gasoline engine|petrol engine|diesel engine|ICE|"
           # "a 1.5-litre VTEC turbo petrol unit"
           r"(?:[Pp]etrol|[Dd]iesel|[Gg]asoline)\s+(?:unit|motor|mill|powertrain|version|variant|option))\b"), "ice"),
]
# A powertrain word that ends a model's name says the model's powertrain ("Bolt EV", "Kona
# Electric", "Corolla Hybrid"); written as a name's part: capitalised.
_NAME_SUFFIX = re.compile(r"EV|BEV|PHEV|Electric|Hybrid|Plug-in Hybrid|e-Power")
# After such a name: it is a platform or a technology, not a car ("its Ultium EV platform").
_NOT_A_CAR_AFTER = gated(r"\s+(?:platform|architecture|underpinnings|battery|batteries|system|technology|tech|"
                         r"brand|sub-brand|division|range|line-?up|family)\b", re.I)
# "no diesel engine": a fuel ruled out, not combustion as a whole
_FUEL_ENGINE = gated(r"^(?:diesel|petrol|gasoline)", re.I)
DRIVETRAIN = [
    (gated(r"\b(?:rear[\s\-\u2010\u2011]wheel[\s\-\u2010\u2011]driven?|rear[\s\-\u2010\u2011]drive|RWD|"
           r"(?:drive|power)\s+(?:goes\s+)?to\s+the\s+rear\s+wheels)\b|(?:"
           # "rear- or all-wheel drive": a suspended hyphen
           r"\brear-(?=\s+(?:or|and)\s+(?:all|four|front)-wheel[\s\-\u2010\u2011]drive))", re.I), "rwd"),
    (gated(r"\b(?:front[\s\-\u2010\u2011]wheel[\s\-\u2010\u2011]drive|front[\s\-\u2010\u2011]drive|FWD|"
           r"(?:drive|power)\s+(?:goes\s+)?to\s+the\s+front\s+wheels)\b|(?:"
           r"\bfront-(?=\s+(?:or|and)\s+(?:all|four|rear)-wheel[\s\-\u2010\u2011]drive))", re.I), "fwd"),
    (gated(r"\b(?:all[\s\-\u2010\u2011]wheel[\s\-\u2010\u2011]drive|AWD|quattro|xDrive|4MATIC|4Motion|e-4orce|SH-AWD|"
           r"(?:to|through|drives|driving|powers|powering)\s+all\s+four\s+wheels|(?:to|through)\s+both\s+axles|"
           r"dual[\s\-\u2010\u2011]motor)\b", re.I), "awd"),
    (gated(r"\b(?:four[\s\-\u2010\u2011]wheel[\s\-\u2010\u2011]drive|4WD|4x4)\b", re.I), "4wd"),
]
TRANSMISSION = [
    (gated(r"\b(?:dual[\s\-\u2010\u2011]clutch|DCT|PDK|DSG)\b", re.I), "dct"),
    (gated(r"\b(?:CVT|continuously variable)\b"), "cvt"),
    (gated(r"\b(?:manual(?:\s+(?:transmission|gearbox|option|configuration))?|stick[\s\-\u2010\u2011]shift|"
           r"three[\s\-\u2010\u2011]pedal|row-your-own)\b(?!\s*(?:labour|labor|work|mode|override|transmissions|gearboxes))", re.I), "manual"),
    # not "rivals turn to automatic transmissions": gearboxes in general
    (gated(r"\b(?:automatic(?:\s+(?:transmission|gearbox))?|torque[\s\-\u2010\u2011]converter|auto gearbox)\b"
           r"(?!\s+(?:emergency|braking|climate|headlights|high|transmissions|gearboxes))", re.I), "automatic"),
    # "a 6-speed MT", "a five-speed AMT": the gearbox abbreviations Indian and Asian outlets use
    (gated(r"(?<=speed )(?:MT|manual|stick)\b|\bMT\s+(?:gearbox|transmission)\b"), "manual"),
    (gated(r"(?<=speed )(?:AT|AMT|auto)\b|\b(?:AMT|AT)\s+(?:gearbox|transmission)\b"), "automatic"),
]
GEARS = gated(rf"\b(?P<n>{_COUNT[1:-1]}|7|9|two|seven|nine)[\s\-\u2010\u2011]speed\b", re.I)
BODY = [
    (r"sedans?|saloons?", "sedan"),
    (r"coup[eé]s?", "coupe"),
    (r"SUVs?|sport[\s-]utility vehicles?", "suv"),
    (r"crossovers?", "crossover"),
    (r"wagons?|estates?|shooting brakes?|avants?|tourings?", "wagon"),
    (r"hatchbacks?|hatch|liftbacks?", "hatchback"),
    (r"convertibles?|cabriolets?|cabrios?|roadsters?|spyders?|spiders?", "convertible"),
    (r"pick-?ups?|pickup trucks?|utes?", "pickup"),
    (r"minivans?|MPVs?|people[\s\-\u2010\u2011]carriers?", "minivan"),
    (r"vans?", "van"),
]
BODY_RE = gated(
    r"(?<![-\w])(?P<body>" + "|".join(p for p, _ in BODY) + r")\b"
    r"(?!\s+(?:segment|market|sales|lineup|line-up|buyers|rivals|class|range|brands?|makers?|"
    r"crowd|world|era|boom|craze|demand|shoppers|space|competitors|territory|product))",
    re.I,
)
# One or two lower-case words between a model and its body word ("compact", "city", "mid-size",
# "twin rear-drive sports", "– twin rear-drive sports").
# An apposition after a pair of names counts them: "the Stealth and the Airflow, a pair of large SUVs".
_MODIFIERS = re.compile(r"\s+(?:[–—-]\s+)?(?:[a-z][a-z-]*\s+){1,3}"
                        r"|,\s+(?:a\s+pair\s+of|both|two|three|twin)\s+(?:[a-z][a-z-]*\s+){0,3}")
_BODY_VALUE = [(gated(rf"^(?:{p})$", re.I), v) for p, v in BODY]
# Engine designations: "VR30DDTT", "EA888", "B58B30", and hyphenated family-suffix codes ("G16E-GTS").
ENGINE_CODE = gated(r"\b(?:[A-Z]{1,3}\d{2,3}[A-Z]{2,5}\d?|EA\d{3}|[A-Z]\d{2}[A-Z]\d{2}|[A-Z]{1,2}\d{2}[A-Z]-[A-Z]{2,4})\b"
                    # a short code is an engine's only after a word that names it one ("codenamed S68")
                    r"|(?<=codenamed )[A-Z]{1,3}\d{2,3}[A-Z]?\b|(?<=code-named )[A-Z]{1,3}\d{2,3}[A-Z]?\b")
_ENGINE_CONTEXT = gated(r"\b(?:engine|motor|powerplant|power unit|V\d+|inline|turbo|cylinder)", re.I)
# A sentence that lists what is unknown ("torque ... have not been released") states no value.
UNKNOWN = gated(
    r"\b(?:unknown|not (?:yet )?been (?:released|announced|confirmed|revealed|disclosed)|"
    r"yet to be (?:revealed|announced|confirmed|released|disclosed)|remains? to be seen|"
    r"no word (?:yet )?on|(?:is|are|remains?) a mystery|under wraps|TBC|TBA)\b",
    re.I,
)


_DETERMINER = gated(r"\b(?:a|an|the|this|its|their|as)\s+(?:[\w\u2010\u2011'’-]+,?\s+){0,3}$"
                    # a spec sheet's label: "Body type: four-door saloon"
                    r"|\bbody(?:\s+(?:type|style))?\s*:\s*(?:[\w\u2010\u2011-]+\s+){0,2}$", re.I)
# "replace the Q50 with a pure electric model": the powertrain of the successor, not of the Q50.
# "an electric model can take over from it", "an electric coupe likely to take its place": the
# powertrain of an unnamed successor, not of the model.
_SUCCESSOR_AFTER = gated(r"^\s+(?:[\w-]+\s+){0,3}?(?:(?:can|will|could|would|may|might|is\s+likely\s+to|likely\s+to|set\s+to|to)\s+)?"
                         r"(?:take\s+over\s+from|replace|succeed|take\s+(?:its|their)\s+place)\b", re.I)
_REPLACED_WITH = gated(r"\breplac\w*\s+(?:the\s+)?[\w\s-]{1,30}?\bwith\s+(?:an?\s+)?(?:\w+\s+)?$", re.I)


# One test per sentence and table instead of one per pattern: most sentences name no spec at all.
_GATES = {id(table): GateGroup(rx for rx, _ in table)
          for table in (LAYOUTS, ASPIRATION, POWERTRAIN, DRIVETRAIN, TRANSMISSION)}
_ANY_SPEC = GateGroup([rx for table in (LAYOUTS, ASPIRATION, POWERTRAIN, DRIVETRAIN, TRANSMISSION)
                       for rx, _ in table] + [GEARS, ENGINE_CODE, BODY_RE, _CODE_CONTEXT])


def _count(text: str) -> int:
    text = text.lower()
    return int(text) if text.isdigit() else WORD_NUMBERS[text]


# "will not be offered with a plug-in hybrid powertrain", "no plans for a combustion-engined version":
# the powertrain named is one the model will not have.
# ("isn't the sole Lexus EV", "not the only electric SUV": one of several, not a denial)
_NEGATED_BEFORE = gated(r"(?:\b(?:not|never|no plans (?:for|to)|(?:ruled|rules|rule) out)\b|n't|n’t)\s+"
                        r"(?!(?:the\s+|a\s+|an\s+)?(?:sole|only|first|last|lone|single)\b)(?:(?!(?:but|and|which|while|only)\b)"
                        r"[\w-]+\s+){0,4}$"
                        # "there is no automatic", "no manual option"
                        r"|\b(?:there\s+(?:is|will\s+be)\s+)?no\s+$", re.I)
_NEGATED_AFTER = gated(r"^[\w\s-]{0,40}?\b(?:(?:is|are|will be)\s+not|isn't|aren't|won't be)\s+"
                       r"(?:planned|offered|available|coming|on the cards)\b", re.I)


# An electric part of a car ("electric motor", "all-electric range", "electric mode"): a hybrid has
# them too, so beside an engine or a hybrid they name no EV.
_ELECTRIC_MOTOR = gated(r"^[\w-]+\s+(?:motors?|range|mode|driving)\b", re.I)
# Parts and modes that are electric in any car ("electric wastegate", "electric-only range",
# "electric source of power", "electric power steering"): never the car's powertrain.
_ELECTRIC_PART = gated(r"^(?:(?:pure|fully|all)[\s-])?(?:electric|EV)[\s-]+(?:only\s+)?(?:wastegate|range|mode|source|power\s+steering|steering|"
                       r"pump|turbo\w*|compressor|assist\w*|boost|axle|parking|driving|motor\s+draws|-only|hardware|components?)\b", re.I)
_HYBRID_WORD = gated(r"\b(?:hybrid|hybrids|PHEV|plug-in|electric\s+motors?|e-motors?)\b", re.I)
# ("10 km of EV-only range", "a short electric-only range": only a plug-in hybrid states one)
_WITH_ENGINE = gated(r"\b(?:engine|V-?\d{1,2}|hybrid|cylinders?|petrol|gasoline|diesel)\b"
                     r"|\b(?:EV|electric)-only\b", re.I)


def _negated(s: str, m: re.Match) -> bool:
    """Whether the words around a powertrain say the model will not have it."""
    return bool(search_part(_NEGATED_BEFORE, s[max(0, m.start() - 50):m.start()], s)
                or search_part(_NEGATED_AFTER, s[m.end():m.end() + 60], s))


# A plain negation right before a gearbox, drive or powertrain word ("there is no automatic",
# "won't offer a manual"): the contract's negated claim, not a blocked one.
_DENIED_RIGHT_BEFORE = gated(r"(?:\b(?:no|not|never|without|minus)|n't|n’t)\s+(?:(?:get|offer|be\s+offered\s+with|have|"
                             r"come\s+with)\s+)?(?:a|an|the|any)?\s*(?:(?:choice|option)\s+of\s+(?:an?\s+)?)?$", re.I)


def _generic(s: str, m: re.Match, named_end, named_start) -> bool:
    """Whether a powertrain word speaks of cars in general ("EV makers", "hybrid cars (HEV)"), not of
    a model; right after a model's name ("the Model 3 electric vehicles") it names that model's."""
    if named_end(m.start()) or named_start(m.end()):
        return False  # "Seal EV buyers", "the Model 3 electric vehicles", "the electric Charger": that model's
    after = s[m.end():]
    return bool(match_part(_GENERIC_AFTER, after, s) or match_part(_COORDINATED_GENERIC, after, s)
                or search_part(_BRACKET_AFTER_GENERIC, s[max(0, m.start() - 40):m.start()], s))


def _blocked(s: str, start: int) -> bool:
    return bool(search_part(_NOT_BEFORE, s[max(0, start - 40):start], s))


def find_specs(sent, mention_spans=()) -> list[Finding]:
    """Specification findings of one sentence (``mention_spans``: relative spans of vehicle names)."""
    s, off, i = sent.text, sent.start, sent.index
    if not _ANY_SPEC.may_match(s) or UNKNOWN.search(s):
        return []
    out: list[Finding] = []

    def add(m, attribute, value, **kw):
        out.append(Finding(i, off + m.start(), off + m.end(), attribute, value, **kw))

    def inside_name(m):
        return any(a <= m.start() < b for a, b in mention_spans)

    def named_end(pos):
        return any(0 <= pos - b <= 1 for a, b in mention_spans)

    def named_start(pos):
        return any(0 <= a - pos <= 1 for a, b in mention_spans)

    for rx, layout in LAYOUTS if _GATES[id(LAYOUTS)].may_match(s) else ():
        for m in rx.finditer(s):
            if _blocked(s, m.start()) or inside_name(m):
                continue
            groups = m.groupdict()
            n = groups.get("n") or next((g for g in m.groups() if g and g.lower() in WORD_NUMBERS or (g or "").isdigit()), None)
            if layout == "rotary":
                add(m, "engine_layout", "rotary", engine=True)
                continue
            if n:
                add(m, "cylinders", _count(n), engine=True)
            lay = layout if layout is not None else groups.get("layout")
            if lay:
                add(m, "engine_layout", lay, engine=True)
    taken: list[tuple[int, int]] = []
    for rx, value in ASPIRATION if _GATES[id(ASPIRATION)].may_match(s) else ():
        for m in rx.finditer(s):
            if any(a <= m.start() < b for a, b in taken) or inside_name(m):
                continue
            if _blocked(s, m.start()):
                if search_part(_DENIED_RIGHT_BEFORE, s[max(0, m.start() - 40):m.start()], s):
                    taken.append((m.start(), m.end()))  # "minus the choice of turbo power"
                    add(m, "aspiration", value, negated=True)
                continue
            taken.append((m.start(), m.end()))
            add(m, "aspiration", value, engine=True)
    for table, attribute in ((POWERTRAIN, "powertrain"), (DRIVETRAIN, "drivetrain"), (TRANSMISSION, "transmission")):
        taken = []
        for rx, value in table if _GATES[id(table)].may_match(s) else ():
            for m in rx.finditer(s):
                if any(a <= m.start() < b for a, b in taken):
                    continue
                if inside_name(m):
                    if attribute == "powertrain" and _NAME_SUFFIX.fullmatch(m.group()) \
                            and any(a < m.start() and m.end() == b for a, b in mention_spans) \
                            and not match_part(_NOT_A_CAR_AFTER, s[m.end():m.end() + 20], s):
                        # "the Bolt EV", "Kona Electric buyers": the powertrain word that ends a name
                        taken.append((m.start(), m.end()))
                        add(m, attribute, value)
                    continue
                if attribute == "powertrain" and _generic(s, m, named_end, named_start):
                    taken.append((m.start(), m.end()))
                    continue  # "no electric vehicle has", "Chinese EV makers": cars in general
                if _blocked(s, m.start()):
                    if search_part(_DENIED_RIGHT_BEFORE, s[max(0, m.start() - 40):m.start()], s) and not (
                            value == "ice" and match_part(_FUEL_ENGINE, m.group(), s)):
                        # "there is no automatic", "will not get a manual": a negative decision
                        taken.append((m.start(), m.end()))
                        add(m, attribute, value, negated=True)
                    continue
                taken.append((m.start(), m.end()))
                if attribute == "powertrain" and (search_part(_REPLACED_WITH, s[:m.start()], s)
                                                  or match_part(_SUCCESSOR_AFTER, s[m.end():m.end() + 80], s)):
                    continue
                if value == "ev" and match_part(_ELECTRIC_MOTOR, s[m.start():], s) and _WITH_ENGINE.search(s):
                    continue  # "an engine with two electric motors": a hybrid's motors, not an EV
                if value == "ev" and match_part(_ELECTRIC_PART, s[m.start():], s):
                    continue  # "an electric wastegate", "electric-only range": a part, not the car
                if value == "ice" and _HYBRID_WORD.search(s):
                    continue  # "a petrol engine plus two electric motors": the engine of a hybrid
                negated = _negated(s, m)
                if negated and value == "ice" and match_part(_FUEL_ENGINE, m.group(), s):
                    continue  # "no diesel engine" rules out a fuel, not combustion
                add(m, attribute, value, negated=negated)
    for m in GEARS.finditer(s):
        if not _blocked(s, m.start()):
            add(m, "gears", _count(m.group("n")))
    codes = set()
    for m in ENGINE_CODE.finditer(s):
        if not inside_name(m) and _ENGINE_CONTEXT.search(s):
            codes.add(m.start())
            add(m, "engine_code", m.group().upper(), engine=True)
    for m in find_engine_codes(s, inside_name):
        if m.start() not in codes:  # "VR30DDTT" has both shapes
            add(m, "engine_code", m.group().upper(), engine=True)
    for m in BODY_RE.finditer(s):
        word = m.group("body")
        # "Model 3 sedans", "the Trailblazer compact SUV", "X-Trail and Koleos mid-size SUVs"
        named_before = any(0 <= m.start() - b <= 1 or (0 < m.start() - b <= 40 and _MODIFIERS.fullmatch(s[b:m.start()]))
                           for a, b in mention_spans)
        if word.lower().endswith("s") and not word.lower().endswith(("ss",)) and word.upper() != word \
                and not named_before:
            continue  # a plural names a kind of car, not this model ("Model 3 sedans" does name one)
        if word.endswith("s") and word.isupper() is False and word[:-1].isupper() and not named_before:
            continue  # "SUVs"
        if _blocked(s, m.start()):
            continue
        if inside_name(m):
            if word[:1].isupper() and any(a < m.start() and m.end() == b for a, b in mention_spans):
                # "the BMW 3 Series Touring", "the Porsche 911 Cabriolet": the body word that ends a name
                add(m, "body_style", next(v for rx, v in _BODY_VALUE if rx.match(word)))
            continue
        if word == "van" and s[m.end():m.end() + 2].strip()[:1].isupper():
            continue  # a name particle ("Frank van Meel"), not a body style
        head = s[:m.start()]
        if not (search_part(_DETERMINER, head, s) or named_before
                or any(0 <= a - m.end() <= 7 for a, b in mention_spans)):
            continue  # "focus on SUV, Crossover": a kind of car, not this one
        value = next(v for rx, v in _BODY_VALUE if rx.match(word))
        add(m, "body_style", value)
    return out


@component("specs", requires=("sentences", "mentions"), provides=("findings",))
def specs(art: Annotated) -> None:
    """Find specifications named in words in every sentence."""
    for sent in art.sentences:
        spans = [(m.start - sent.start, m.end - sent.start) for m in art.mentions.get(sent.index, [])
                 if m.kind == "explicit"]
        art.findings.extend(find_specs(sent, spans))
