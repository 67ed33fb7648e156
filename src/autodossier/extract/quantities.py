"""Quantities with units: power, torque, displacement, speed, acceleration, price,
weight, range and battery, with qualifiers ("more than", "exceed", "nearly",
"450-plus", ranges) and conversion to the contract's units.

Our own grammar: one compiled pattern per quantity kind, built once.
"""
from __future__ import annotations

import re

from autodossier.extract.findings import Finding
from autodossier.extract.numbers import NUMBER, NUMBER_SCALED, parse_number, tidy
from autodossier.extract.pipeline import Annotated, component
from autodossier.extract.prefilter import gated, match_part, search_part

# Conversions fixed by the claim contract.
PS_TO_HP = 0.98632
KW_TO_HP = 1.34102
NM_TO_LBFT = 0.737562
KMH_TO_MPH = 0.621371
LB_TO_KG = 0.453592
MILES_TO_KM = 1.609344

# Qualifier words that may stand right before a number, longest first.
_QUALIFIERS = [
    (r"more than|in excess of|north of|upwards of|exceed(?:s|ing|ed)?(?: the)?|over|above|beyond|"
     r"surpass(?:es|ing)?|eclipse|top(?:s|ping)?", ">"),
    (r"at least|a minimum of|minimum of|no less than", ">="),
    (r"less than|fewer than|under|below|shy of", "<"),
    (r"up to|as much as|as many as|a maximum of|maximum of|no more than|capped at", "<="),
    (r"around|about|approximately|approx\.|roughly|nearly|almost|circa|some|close to|"
     r"an estimated|estimated|in the region of|~", "~"),
]
_QUAL_RE = [(gated(rf"(?:{words})\s*$", re.I), sign) for words, sign in _QUALIFIERS]

_PLUS = r"(?P<plus>\+|-plus|\s?plus\b)?"
_RANGE = rf"(?:(?P<lo>{NUMBER})\s?(?:-|–|to|and)\s?)?"

# (a typo of horsepower still names it: "256-hoprsepower", "the 670-horspower Z06")
POWER = gated(
    rf"{_RANGE}(?P<num>{NUMBER}){_PLUS}[\s-]?"
    r"(?P<unit>horsepower|(?:hors|hosr|hopr|hore|hrose)[a-z]{0,3}power|hp|bhp|whp|ps|kw|ch|cv|metric horsepower|horses|horse)\b",
    re.I,
)
TORQUE = gated(
    rf"{_RANGE}(?P<num>{NUMBER}){_PLUS}[\s-]?"
    r"(?P<unit>lb[\s.-]*-?ft\.?|lb\.?\s?ft|pound[\s-]feet|pounds?[\s-]of[\s-]torque|ft[\s-]?lbs?|"
    r"nm|n·m|newton[\s-]?met(?:er|re)s)(?![a-z])",
    re.I,
)
DISPLACEMENT = gated(
    rf"(?P<num>\d\.\d{{1,2}}|\d{{1,2}})[\s-]?(?P<unit>liters?|litres?|l)(?![a-z0-9])"
    rf"|(?P<cc>\d{{3,4}}|\d,\d{{3}})\s?(?:cc|cm3|cubic[\s-]centimet(?:er|re)s)\b"
    # engine names that carry the size: "1.5 TSI", "2.0 TFSI", "2.0 EcoBoost"; a bare "T" only when glued
    # to the size ("3.0T"), since a spaced "T" is usually a trim letter
    r"|(?<![\d.])(?P<named>\d\.\d)(?:\s?(?:TSI|TFSI|TDI|TGDI|T-GDI|GDI|EcoBoost|SkyActiv|VTEC|PureTech|"
    r"BlueHDi|e-TSI|eTSI|TCe|dCi|CRDi|TDCi|MultiJet|D-4D|EcoTec|FSI)|T)(?![\w-])"
    # a size before the engine's layout or fuel: "BMW's 3.0 straight-six", "a hybridised 2.4 turbo"
    r"|(?<![\d.])(?P<bare>\d\.\d)(?=[\s-](?:straight|inline|in-line|flat|V-?\d|twin-turbo|turbo\b|"
    r"(?:three|four|five|six|eight)-(?:cylinder|pot)|petrol|diesel|engine))",
    re.I,
)
# Spelled-out seconds ("from 0 to 60 in under four seconds").
_SECONDS_WORDS = "two|three|four|five|six|seven|eight|nine|ten"
ACCEL = gated(
    r"(?:0|zero)\s?(?:-|–|to)\s?(?P<target>60|62|96|97|100)\s?(?P<tu>mph|km/h|kmh|kph)?"
    rf"[^.;]{{0,40}}?(?P<num>\d{{1,2}}(?:\.\d{{1,2}})?|{_SECONDS_WORDS})\s?(?:s\b|secs?\b|seconds\b)"
    # "3.4 seconds to 60mph", "2.3 seconds for 0-100km/h", "3.8 secs to get from 0 to 100 kph"
    r"|(?P<num2>\d{1,2}(?:\.\d{1,2})?)\s?(?:s|secs?|seconds)\s?(?:(?:to|from|for|in)\s)?"
    r"(?:(?:get|go|sprint|run|rocket|accelerate|dash)\s)?(?:from\s)?(?:0|zero)?"
    r"\s?(?:-|–|to)?\s?(?P<target2>60|62|96|100)\s?(?P<tu2>mph|km/h|kmh|kph)"
    r"|(?:hit(?:s|ting)?|reach(?:es|ing)?|sprint(?:s|ing)? to|gets? to|getting to|dash(?:es|ing)? to)\s(?P<target3>60|62|100)\s?(?P<tu3>mph|km/h|kmh|kph)"
    r"[^.;]{0,25}?(?P<num3>\d{1,2}(?:\.\d{1,2})?)\s?(?:s\b|secs?\b|seconds\b)",
    re.I,
)
_SPEED_UNIT = r"mph|km/h|kmh|kph|km/hr|miles per hour|kilomet(?:er|re)s per hour"
TOP_SPEED = gated(
    r"(?:top speed|tops? out|topping out|maximum speed|max(?:imum)? speed|v-?max|flat[\s-]out|limited to|"
    rf"top end|capable of (?:speeds|reaching|hitting))[^.;]{{0,30}}?(?P<num>{NUMBER})\s?(?P<unit>{_SPEED_UNIT})\b"
    rf"|(?P<num2>{NUMBER})\s?(?P<unit2>{_SPEED_UNIT})\s(?:top speed|maximum|flat[\s-]out|v-?max"
    # "its 710bhp, 212mph coupé", "a 200mph supercar": a speed that names the car
    r"|(?P<car>(?:[a-z-]+\s)?(?:coup[eé]|car|supercar|hypercar|sports\s?car|saloon|sedan|roadster|GT|machine|monster))\b)",
    re.I,
)
# A spec sheet's top-speed row ("Top speed: 155mph"), and a further speed in it.
_TOP_SPEED_ROW = re.compile(r"^\s*(?:top|max(?:imum)?)\s+speed\s*:", re.I)
_OTHER_SPEED = re.compile(rf"(?<![\d.,])(?P<num>{NUMBER})\s?(?P<unit>{_SPEED_UNIT})\b", re.I)
# A speed that names a car ("a 200mph supercar") is its top speed only when that fast: "a 70mph
# car" is a car going at 70.
MIN_NAMED_TOP_SPEED = 120
_CURRENCY_SYMBOL = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "rmb": "CNY",
                    "usd": "USD", "eur": "EUR", "gbp": "GBP", "cny": "CNY", "jpy": "JPY",
                    "a$": "AUD", "au$": "AUD", "c$": "CAD", "ca$": "CAD", "aud": "AUD", "cad": "CAD"}
_CURRENCY_WORD = {"dollars": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP", "yen": "JPY",
                  "yuan": "CNY", "rmb": "CNY", "usd": "USD", "eur": "EUR", "gbp": "GBP",
                  "cny": "CNY", "jpy": "JPY"}
PRICE = gated(
    rf"(?P<sym>US\$|A\$|AU\$|C\$|CA\$|\$|€|£|¥|USD|EUR|GBP|CNY|RMB|JPY|AUD|CAD)\s?(?P<num>{NUMBER_SCALED})"
    rf"|(?P<num2>{NUMBER_SCALED})\s?(?P<word>dollars|euros?|pounds|yen|yuan|RMB|USD|EUR|GBP|CNY|JPY)\b",
    re.I,
)
# Currencies of emerging-market journalism, with the Indian scale words: "Rs 17.94 lakh",
# "INR 46 lakh", "Rs 3.22 crore", "P448,000" (pesos), "R919,735" (rand), "RM 93,000" (ringgit).
PRICE_LOCAL = gated(
    # (not the tail of "US$3000": a letter before the symbol makes it another currency)
    rf"(?<![A-Za-z])(?P<sym>Rs\.?|INR|₹|PHP|₱|RM|Rp|S\$|NZ\$|MX\$|MXN|ZAR|IDR|MYR)\s?(?P<num>{NUMBER})"
    r"(?:\s?(?P<scale>lakh|lac|crore|cr|million|mn|m|k)\b)?"
    rf"|(?<![\w$])(?P<sym2>P|R)(?P<num2>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?(?=\s?(?:m|million)\b))"
    r"(?:\s?(?P<scale2>million|m)\b)?",
)
_LOCAL_CODES = {"rs": "INR", "rs.": "INR", "inr": "INR", "₹": "INR", "php": "PHP", "₱": "PHP", "p": "PHP",
                "rm": "MYR", "myr": "MYR", "rp": "IDR", "idr": "IDR", "s$": "SGD", "nz$": "NZD", "mx$": "MXN",
                "mxn": "MXN", "zar": "ZAR", "r": "ZAR"}
_LOCAL_SCALE = {"lakh": 1e5, "lac": 1e5, "crore": 1e7, "cr": 1e7, "million": 1e6, "mn": 1e6, "m": 1e6,
                "k": 1e3, None: 1.0}
# Local currencies run to large numbers (a car at Rs 3.22 crore is 32,200,000 rupees).
MAX_LOCAL_PRICE = 1e11
# A money amount is a price only near words that say so ("priced", "MSRP", "starts at").
_PRICE_CONTEXT = gated(
    r"\b(?:price[sd]?|pricing|cost(?:s|ing)?|msrp|rrp|sticker|starts? (?:at|from)|starting (?:at|from)|"
    r"retails?|base price|will set you back|sells? for|sold (?:at|for)|on the road|otr|ex-showroom|as tested)\b"
    # "Golf GTI: 261bhp, from £38,900", "BMW charges €144,000": the verb or "from" right before the money
    r"|\b(?:from|charges?)\s+(?:just\s+|around\s+|about\s+|only\s+)?(?:US\$|A\$|C\$|\$|€|£|¥)\s?\d",
    re.I,
)
# More words that make an amount a price; many are common words ("range", "open", "car"), so
# this is searched only in a sentence that holds a currency sign.
_MONEY_CONTEXT = gated(
    # "budget well over £120k", "12 headed here at $650,000 each", "made its debut in
    # $88,500 3.0 TDI ... guise"
    r"\bbudget\s+(?:[\w-]+\s+){0,3}?(?:US\$|A\$|C\$|\$|€|£|¥)\s?\d"
    # "kicks off at $39,990 drive-away", "opens at A$44,990 plus on-roads", "expect to pay around £40,000",
    # "is listed at 259,900 yuan", "a $70,000 car"
    r"|\b(?:drive-?away|on-?roads?|on-road\s+costs|expect\s+to\s+pay|will\s+pay|listed\s+at|list\s+price|asking\s+price|"
    r"starting\s+figure|(?:kicks?\s+off|opens?|begins?|ranges?)\s+(?:at|from|between))\b"
    r"|\b(?:an?|the)\s+(?:US\$|A\$|C\$|\$|€|£|¥)\s?\d[\d,.]*\s?k?\s+(?:car|SUV|sedan|saloon|hatch\w*|coupe|EV|model|"
    r"supercar|hypercar|truck|pickup|ute|wagon|crossover|convertible|roadster)\b"
    r"|(?:\$|€|£|¥)\s?\d[\d,.]*\s?(?:k|m|million)?\s+(?:each|apiece|a\s+pop)\b"
    r"|\bin\s+(?:US\$|A\$|C\$|\$|€|£|¥)\s?\d(?:[^.;]|\.(?=\d)){0,80}?\s(?:guise|form|trim|spec)\b",
    re.I,
)
# The signs that let a sentence hold a local or marked currency amount (a cheap test first).
_CURRENCY_SIGNS = re.compile(r"[$€£¥₹₱]|Rs|RM|yuan|euros|dollars|pounds|yen")
# A price list's row: a name, a dash or colon, the amount ("Cooper S Coupe - $42,990"). Its own
# pattern, so that the one above keeps its gate on price words.
_PRICE_ROW = gated(
    r"^\s*[A-Z][^!?$€£¥:–—]{1,80}?\s(?:-|–|—|:)\s*"
    r"(?:[A-Z]{0,3}\$|€|£|¥|Rs\.?\s?|₹\s?|RM\s?)\s?\d[\d,.]*(?:\s?(?:lakh|crore|k|m))?\s*$",
)
WEIGHT = gated(
    r"(?:weighs?|weighing|weight of|weight:|curb weight|kerb weight|tips the scales at|mass of)"
    rf"[^.;\d]{{0,25}}(?P<num>{NUMBER})\s?(?P<unit>kg|kilograms?|kilos|lbs?|pounds|tonnes?)\b"
    # "a hefty 2,510kg kerb weight"
    rf"|(?P<num2>{NUMBER})\s?(?P<unit2>kg|lbs?)\s+(?:kerb|curb|dry)\s+weight\b",
    re.I,
)
RANGE = gated(
    rf"(?:range of|range to|range up to|travel|driving range|cover|good for|rating of|maxes out at|rated at|"
    # "range is expected to exceed 300 miles", "its driving range will be more than 650km"
    rf"range (?:is|will|should|could|would|falls|drops|rises|climbs|increases|extends|stands|sits|comes|tops|reaches|"
    rf"peaks|measures|amounts))[^.;\d]{{0,25}}(?P<num>{NUMBER})\+?\s?"
    r"(?P<unit>miles|mi|km|kilomet(?:er|re)s)\b"
    # "570km or 520km of range": the first of two distances that share the word range (a look-ahead,
    # so that the second is matched too)
    rf"|(?P<num4>{NUMBER})[\s-]?(?P<unit4>miles|mi|km)\s(?=(?:or|and|to)\s{NUMBER}\s?(?:miles|mi|km)\s(?:of\s)?"
    r"(?:(?:electric|EV|EPA|WLTP|CLTC|NEDC|all-electric|estimated|claimed|driving|rated|combined)[\s-])*range)"
    rf"|(?P<num2>{NUMBER})[\s-]?(?P<unit2>miles?|mi|km|kilomet(?:er|re)s?)\s"
    r"(?:\([A-Z]+\)\s)?(?:of\s)?"
    r"(?:(?:electric|EV|EPA|WLTP|CLTC|NEDC|all-electric|estimated|claimed|driving|rated|combined|EV-only|electric-only|"
    r"only|zero-emissions?|pure-electric|battery)[\s-])*range"
    # "the 520-mile Lucid Air": a distance that names a model's range
    rf"|\b(?:the|a|an|its)\s+(?P<num3>{NUMBER})-(?P<unit3>mile|km)\s+(?-i:(?=[A-Z]))",
    re.I,
)
# A plug-in hybrid's electric-only range can be this short ("10 km of EV-only range").
MIN_RANGE_KM = 5
# After a distance: gained per minute of charging ("15 miles of range for each minute"), not the range.
_CHARGE_RATE = re.compile(r"[^.;\d]{0,20}?\b(?:for every|per|every|each)\s+(?:\w+\s+)?(?:minute|min|hour)\b|\s+in\s+(?:only\s+|just\s+)?\d+\s+min", re.I)
# After a distance: it is covered on fuel ("500 miles of range from a tank"), not on electricity.
_ON_FUEL = gated(r"[^.;\d]{0,20}?\b(?:tank|tankful|fill-up|of fuel|of diesel|of petrol|of gas)\b", re.I)
# Words after a kW figure that make it a charging rate ("350 kW DC fast charger", "11kW onboard charging").
_CHARGING_AFTER = gated(r"^\s*(?:\w+[\s-]){0,3}?(?:charg\w*|DC\b|AC\b|wallbox|onboard)", re.I)
# Words before a kW figure that make it a charging rate ("can charge at up to 185kW").
_CHARGING_BEFORE = gated(r"\bcharg\w*\s+(?:[\w-]+\s+){0,4}$", re.I)  # "charge at a rate of 350kW"
# Words after an amount that make it a fee or a difference, not the car's price
# ("a $1,175 destination fee", "undercuts it by £5000", "£3,000 cheaper").
# ("$10,000 below the dual-motor version", "Rs 1.2 lakh-Rs 1.7 lakh more than", "the $3,750 federal
# EV tax credit": a range's second amount, or a word or two, may stand before the word)
_NOT_PRICE_AFTER = gated(r"^(?:\s*(?:-|–|to|and)\s*\S{0,4}?\s?\d[\d,.]*(?:\s?(?:lakh|crore|k|million))?)?"
                         r"\s*(?:destination|delivery|freight|shipping|handling|fee|charge|deposit|"
                         r"reservation|discount|saving|cheaper|less|more|premium|tax|credit|rebate|incentive|"
                         r"below|above|under|off|dearer|pricier|costlier|higher|lower"
                         r"|(?:[\w-]+\s+){1,2}(?:tax\s+credit|credit|rebate|incentive|subsidy|grant|discount|fee|deposit))\b", re.I)
_DIFFERENCE_BEFORE = gated(r"\b(?:by|saves?|saving|extra|additional|plus)\s+(?:a\s+|an\s+)?(?:around|about|roughly|nearly|"
                           r"almost|some|over|more than|up to)?\s*$"
                           # "revenue rose from $1,000": a change between two amounts, not a price
                           r"|\b(?:rose|fell|grew|dropped|climbed|increased|decreased|up|down)\s+from\s+$"
                           # "will cut US$3000 from the price", "slashed $5,000 off"
                           r"|\b(?:cut(?:s|ting)?|slash(?:es|ed|ing)?|knock(?:s|ed|ing)?|lop(?:s|ped)?|shav(?:es|ed|ing)?)\s+"
                           r"(?:a\s+|an\s+|around\s+|about\s+|some\s+|up\s+to\s+)?$"
                           # "the price gap between the pair stands at about Rs 1.8 lakh"
                           r"|\b(?:gap|difference|premium)\b[^.;$€£]{0,120}\b(?:is|stands\s+at|of|amounts\s+to|comes\s+to)\s+"
                           r"(?:about\s+|around\s+|roughly\s+|nearly\s+|just\s+|only\s+)?$", re.I)
# How far before an amount a difference's words may start ("the price gap between the
# petrol and diesel versions stands at": the subject of the gap is long).
_DIFFERENCE_REACH = 160
# After an engine's size: the engine will not be offered ("The 1.6-litre turbo is unlikely to be
# sold", "the 3.0-litre diesel won't be available"): a negated claim.
_ENGINE_RULED_OUT = gated(r"^[\w\s-]{0,30}?\b(?:(?:is|are)\s+(?:unlikely|not\s+expected|not\s+going|not\s+set)\s+to\s+be\s+|"
                          r"(?:won't|won’t|will\s+not|isn't|isn’t|is\s+not)\s+(?:be\s+)?)"
                          r"(?:offered|available|sold|coming|included)\b", re.I)
# A conversion in brackets right after a price ("22,990 euros ($26,100)") is the same price.
# Only after an amount: "Style (£16,795)" in a trim list is that trim's own price.
_CONVERSION_BEFORE = re.compile(r"(?:\d|\b(?:k|m|million|euros|pounds|dollars|yuan|yen|lakh|crore))\s*\(\s*"
                                r"(?:about|around|approx\.?|c\.|~|roughly)?\s*$", re.I)
_CYCLE = gated(r"\b(WLTP|EPA|CLTC|NEDC)\b")
BATTERY = gated(rf"(?P<num>{NUMBER})\s?-?kWh\b", re.I)
# The first of two capacities that share one unit: "58- and 72.6kWh batteries", "64 or 77 kWh".
BATTERY_FIRST = gated(r"(?<![\d.,])(?P<num>\d{2,3}(?:\.\d)?)-?\s+(?:and|or)\s+(?=\d{2,3}(?:\.\d)?\s?-?kWh\b)", re.I)
# A plug-in hybrid's pack can be this small (Lamborghini's Revuelto: 3.8 kWh); below it, a kWh
# figure is more likely an energy use than a battery.
MIN_BATTERY_KWH = 1.5


# A gain or a gap, not an output: "230 lb-ft more torque than", "an extra 34bhp", "boosted by 50hp".
_MORE_AFTER = gated(r"^\s+(?:more|less|extra|fewer)\b", re.I)
_EXTRA_BEFORE = gated(r"\b(?:extra|additional|another|further|by)\s+$", re.I)
# The system output named as such ("a combined 671bhp", "total output of 450hp").
_COMBINED_BEFORE = gated(r"\b(?:combined|total|system)\b[^,.;\d]{0,15}$", re.I)
# Right after a figure: it is one motor's ("a 94bhp axial-flux electric motor").
_MOTOR_AFTER = gated(r"^\s*(?:[\w-]+\s+){0,2}?(?:electric\s+)?(?:e-)?motors?\b", re.I)


def _difference(s: str, m: re.Match) -> bool:
    """Whether an output figure is a difference ("30hp more", "an extra 34bhp"), not an output."""
    return bool(match_part(_MORE_AFTER, s[m.end():], s)
                or search_part(_EXTRA_BEFORE, s[max(0, m.start() - 15):m.start()], s))


def qualifier_before(text: str, pos: int) -> str:
    """The qualifier the words just before ``pos`` give a number ("more than 450" -> ">")."""
    window = text[max(0, pos - 30):pos]
    for rx, sign in _QUAL_RE:
        if search_part(rx, window, text):
            return sign
    return "="


def _power_hp(num: float, unit: str) -> float:
    unit = unit.lower()
    if unit in ("ps", "ch", "cv", "metric horsepower"):
        return num * PS_TO_HP
    if unit == "kw":
        return num * KW_TO_HP
    return num


def _numeric(sentence, offset, m, attribute, value, unit, qualifier="=", **extra) -> Finding:
    return Finding(sentence, offset + m.start(), offset + m.end(), attribute, tidy(value),
                   qualifier=qualifier, unit=unit, **extra)


def _with_range(sent, s, offset, m, attribute, convert, unit, low_ok, high_ok):
    """Findings for one matched amount, or two for a range ("400-450 hp")."""
    value = convert(parse_number(m.group("num")), m.group("unit"))
    if not (low_ok <= value <= high_ok):
        return []
    if m.group("lo"):
        low = convert(parse_number(m.group("lo")), m.group("unit"))
        if low_ok <= low < value:
            return [_numeric(sent.index, offset, m, attribute, low, unit, ">="),
                    _numeric(sent.index, offset, m, attribute, value, unit, "<=")]
    qualifier = ">" if m.group("plus") else qualifier_before(s, m.start())
    return [_numeric(sent.index, offset, m, attribute, value, unit, qualifier)]


# Every quantity pattern needs a numeral (tests/test_quantities.py checks it): most
# sentences have none and skip all the scans at once.
_ANY_DIGIT = re.compile(r"\d")


def find_quantities(sent) -> list[Finding]:
    """All quantities in one sentence, converted to contract units."""
    s, offset, out = sent.text, sent.start, []
    if not _ANY_DIGIT.search(s):
        return out
    powers = list(POWER.finditer(s))
    combined = any(search_part(_COMBINED_BEFORE, s[max(0, m.start() - 25):m.start()], s) for m in powers)
    for m in powers:
        if m.group("unit").lower() == "kw" and (match_part(_CHARGING_AFTER, s[m.end():], s) or
                                                search_part(_CHARGING_BEFORE, s[max(0, m.start() - 40):m.start()], s)):
            continue  # "a 350 kW DC fast charger", "charges at up to 185kW": a charging rate, not the car's power
        if _difference(s, m) or (combined and match_part(_MOTOR_AFTER, s[m.end():], s)):
            continue  # "230 lb-ft more torque", "a 94bhp electric motor, giving a combined 671bhp"
        # 40-2,500 hp spans road cars from city cars to hypercars; outside is a misread.
        out += _with_range(sent, s, offset, m, "power_hp", _power_hp, "hp", 40, 2500)
    for m in TORQUE.finditer(s):
        if _difference(s, m):
            continue
        conv = (lambda n, u: n * NM_TO_LBFT if u.lower().startswith(("nm", "n·m", "newton")) else n)
        out += _with_range(sent, s, offset, m, "torque_lbft", conv, "lb-ft", 40, 2500)
    for m in DISPLACEMENT.finditer(s):
        if m.group("cc"):
            value = parse_number(m.group("cc")) / 1000
        elif m.group("named") or m.group("bare"):
            value = float(m.group("named") or m.group("bare"))
        else:
            value = float(m.group("num"))
        # 0.6-8.4 L: from kei cars to the largest production engines.
        if 0.6 <= value <= 8.4:
            out.append(Finding(sent.index, offset + m.start(), offset + m.end(), "displacement_l",
                               tidy(value, 1), unit="L", engine=True,
                               negated=bool(match_part(_ENGINE_RULED_OUT, s[m.end():m.end() + 70], s))))
    for m in ACCEL.finditer(s):
        num = m.group("num") or m.group("num2") or m.group("num3")
        target = m.group("target") or m.group("target2") or m.group("target3")
        tu = (m.group("tu") or m.group("tu2") or m.group("tu3") or "").lower()
        value = parse_number(num)
        if not 1.5 <= value <= 30:
            continue
        # 96-97 km/h is 60 mph; 62 mph is 100 km/h
        metric = target not in ("96", "97") and (target in ("100", "62") or tu in ("km/h", "kmh", "kph"))
        attribute = "accel_0_100_s" if metric else "accel_0_60_s"
        # "0 to 60 in under four seconds": the qualifier stands before the time
        out.append(_numeric(sent.index, offset, m, attribute, value, "s",
                            qualifier_before(s, m.start("num") if m.group("num") else m.start())))
    speeds = list(TOP_SPEED.finditer(s))
    if speeds and _TOP_SPEED_ROW.match(s):
        # a spec row's other speeds are top speeds too: "Top speed: 180mph (with the optional pack; otherwise 155mph)"
        for m in _OTHER_SPEED.finditer(s, speeds[0].end()):
            value = parse_number(m.group("num")) * (1 if m.group("unit").lower() in ("mph", "miles per hour") else KMH_TO_MPH)
            if 50 <= value <= 320:
                out.append(_numeric(sent.index, offset, m, "top_speed_mph", value, "mph", qualifier_before(s, m.start())))
    for m in speeds:
        num, unit = m.group("num") or m.group("num2"), (m.group("unit") or m.group("unit2")).lower()
        value = parse_number(num) * (1 if unit in ("mph", "miles per hour") else KMH_TO_MPH)
        if 50 <= value <= 320 and not (m.group("car") and value < MIN_NAMED_TOP_SPEED):
            pos = m.start("num") if m.group("num") else m.start()
            out.append(_numeric(sent.index, offset, m, "top_speed_mph", value, "mph",
                                qualifier_before(s, pos)))
    if _PRICE_CONTEXT.search(s) or (_CURRENCY_SIGNS.search(s)
                                    and (_MONEY_CONTEXT.search(s) or _PRICE_ROW.match(s))):
        for m in PRICE.finditer(s):
            code = (_CURRENCY_SYMBOL.get((m.group("sym") or "").lower())
                    or _CURRENCY_WORD.get((m.group("word") or "").lower()))
            value = parse_number(m.group("num") or m.group("num2"))
            if (match_part(_NOT_PRICE_AFTER, s[m.end():m.end() + 30], s)
                    or search_part(_DIFFERENCE_BEFORE, s[max(0, m.start() - _DIFFERENCE_REACH):m.start()], s)
                    or _CONVERSION_BEFORE.search(s, max(0, m.start() - 24), m.start())):
                continue
            if code and 1000 <= value <= (1e9 if code in ("JPY", "CNY") else 2e7):
                out.append(_numeric(sent.index, offset, m, "price", value, code,
                                    qualifier_before(s, m.start())))
        for m in PRICE_LOCAL.finditer(s):
            sym = (m.group("sym") or m.group("sym2")).lower()
            scale = (m.group("scale") or m.group("scale2") or "").lower() or None
            value = parse_number(m.group("num") or m.group("num2")) * _LOCAL_SCALE.get(scale, 1.0)
            if (match_part(_NOT_PRICE_AFTER, s[m.end():m.end() + 30], s)
                    or search_part(_DIFFERENCE_BEFORE, s[max(0, m.start() - _DIFFERENCE_REACH):m.start()], s)
                    or _CONVERSION_BEFORE.search(s, max(0, m.start() - 24), m.start())):
                continue
            if 1000 <= value <= MAX_LOCAL_PRICE:
                out.append(_numeric(sent.index, offset, m, "price", value, _LOCAL_CODES[sym],
                                    qualifier_before(s, m.start())))
    for m in WEIGHT.finditer(s):
        unit = (m.group("unit") or m.group("unit2")).lower()
        value = parse_number(m.group("num") or m.group("num2"))
        value *= LB_TO_KG if unit.startswith(("lb", "pound")) else 1000 if unit.startswith("tonne") else 1
        if 400 <= value <= 5000:
            out.append(_numeric(sent.index, offset, m, "curb_weight_kg", value, "kg",
                                qualifier_before(s, m.start("num") if m.group("num") else m.start())))
    for m in RANGE.finditer(s):
        num = m.group("num") or m.group("num2") or m.group("num3") or m.group("num4")
        unit = (m.group("unit") or m.group("unit2") or m.group("unit3") or m.group("unit4")).lower()
        value = parse_number(num) * (MILES_TO_KM if unit.startswith("mi") else 1)
        if MIN_RANGE_KM <= value <= 1500 and not _ON_FUEL.match(s, m.end()) and not _CHARGE_RATE.match(s, m.end()):
            cycle = _CYCLE.search(s)
            out.append(_numeric(sent.index, offset, m, "range_km", value, "km",
                                qualifier_before(s, m.start("num") if m.group("num") else m.start()),
                                qualifier_text=cycle.group(1) if cycle else None))
    for m in (*BATTERY_FIRST.finditer(s), *BATTERY.finditer(s)):
        value = parse_number(m.group("num"))
        if MIN_BATTERY_KWH <= value <= 250:
            out.append(_numeric(sent.index, offset, m, "battery_kwh", value, "kWh",
                                qualifier_before(s, m.start())))
    return out


@component("quantities", requires=("sentences",), provides=("findings",))
def quantities(art: Annotated) -> None:
    """Find measured quantities in every sentence."""
    for sent in art.sentences:
        art.findings.extend(find_quantities(sent))
