"""Sales figures (units and changes, with period and region) and markets
(where a model is, or is not, sold)."""
from __future__ import annotations

import re

from autodossier.extract.dates import find_dates, parse_pub_date
from autodossier.extract.findings import Finding
from autodossier.extract.numbers import NUMBER, NUMBER_SCALED, parse_number, tidy
from autodossier.extract.pipeline import Annotated, component
from autodossier.extract.prefilter import gated, match_part, search_part
from autodossier.extract.regions import REGION_RE, region_code
from autodossier.extract.sales_tables import SALES_HEADER, is_row, row_findings

# Words before a figure that make it a goal or a capacity rather than vehicles sold.
# ("a goal of building 280,000 units", "capacity to make 300,000": a verb may stand between)
_TARGET_BEFORE = gated(r"\b(?:target|goal|aim|ambition|capacity|forecast)\s+(?:of\s+|to\s+)?"
                       r"(?:(?:build|sell|produce|make|deliver)\w*\s+)?(?:about\s+|around\s+|up\s+to\s+)?$", re.I)
# Words before a figure that make it a difference ("outsold the Golf by 1,300 units"); "more than"
# before a figure is its qualifier ("finding more than 64,000 buyers"), not a difference.
_DIFFERENCE_BEFORE = gated(r"\bby\s+(?:some\s+|about\s+|around\s+|nearly\s+|almost\s+|over\s+|(?:more|less|fewer)\s+than\s+)?$"
                           r"|(?<!more )(?<!fewer )(?<!less )\bthan\s+(?:some\s+|about\s+|around\s+|nearly\s+)?$")
# Words between a figure and its units that make it a difference: "3,000 fewer units than in 2023".
_EXTRA_UNITS = re.compile(r"\b(?:more|fewer|less|extra|additional)\b", re.I)
# Words after a figure that make it a difference: "6,724 units more than a year earlier".
_DIFFERENCE_AFTER = gated(r"\s*(?:(?:more|fewer|less)\s+(?:[a-z]+\s+)?than|(?:up|down)\s+(?:on|from))\b", re.I)
_SALES_WORD = gated(r"\b(?:sold|sell(?:s|ing)?|sales|deliver(?:ed|ies)|registrations|registered|moved|"
                    r"shifted|retailed|tally|buyers|best-?sellers?|sellers|dispatch(?:ed|es)|despatched|owners|"
                    r"took\s+home)\b", re.I)
UNITS = gated(
    # (never an amount of money: "$57,400 plus on-road costs")
    rf"(?<![$€£¥\d,.])(?P<num>{NUMBER_SCALED})\s+(?:(?:\w+[\s-]){{0,3}}?)(?:units|vehicles|cars|examples|models|deliveries|"
    r"registrations|sales|SUVs|sedans|coupes|trucks)\b"
    rf"|(?:sold|sell|sales of|deliveries of|delivered|moved|shifted|registered|dispatched|managed|took\s+home)\s+(?:only |just |around |about |nearly |some |more than |over )?"
    rf"(?P<num2>{NUMBER_SCALED})\b(?!\s*(?:percent|per cent|%))"
    # "with 47,788 sold", "58,817 buyers", "21,056 Model 3s" (a model named in the plural)
    rf"|(?P<num4>{NUMBER})\s+(?:sold|buyers|owners|new\s+owners)\b"
    rf"|(?P<num5>\d{{1,3}}(?:,\d{{3}})+|\d{{3,}})\s+(?=(?:new\s+)?(?:[A-Z][\w-]*\s)?[A-Z0-9][\w-]*s\b)"
    # a model's own figure in a list: "led by the Sandero (262,000) and the Duster (158,000)"
    rf"|(?<=[\w’'] )\((?P<num3>{NUMBER_SCALED})(?:\s+units)?[,)]"
    # a count the sales rose or fell to: "deliveries rose to 21,000", "registrations totalled 4,210"
    r"|\b(?:rose|climbed|jumped|fell|dropped|slipped|declined|grew|increased|decreased|totall?ed|reached|stood\s+at)\s+"
    rf"(?:to\s+)?(?:about\s+|around\s+|nearly\s+|almost\s+|just\s+over\s+|more\s+than\s+|over\s+)?(?P<num6>{NUMBER_SCALED})"
    r"(?!\d|[,.]\d|\s*(?:%|percent|per\s+cent|km|mph|hp|bhp|kw|nm|rpm|kg|lb|miles|litres?|liters?|seconds?|sec|s\b|"
    r"billion|yuan|euros?|dollars|pounds|yen|rupees|crore|lakh)|\s+(?:units|vehicles|cars|sales|registrations|deliveries)\b)",
    re.I,
)
PERCENT = gated(rf"(?P<num>\d+(?:\.\d+)?)\s?(?:%|percent|per cent)", re.I)
_DOWN = gated(r"\b(?:declin\w*|down|drop\w*|fell|fall\w*|decreas\w*|slump\w*|plung\w*|lower|slid\w*|"
              r"tumbl\w*|dipp?\w*|shrank|shrink\w*|contract\w*|loss)\b", re.I)
# ("pick-up" is a body word, not a rise)
_UP = gated(r"(?<!-)\b(?:up|ris\w*|rose|grew|grow\w*|increas\w*|jump\w*|climb\w*|surg\w*|gain\w*|higher|boost\w*)\b", re.I)
_BASELINE = gated(r"(?:compared (?:to|with)|from|versus|vs\.?|over|than|relative to|against)\s+(?:the\s+)?(?:same period (?:in|of)\s+)?$", re.I)
# A year-over-year baseline makes a percentage a sales change even in a sentence that names no
# sales word: "That is an increase of 37 per cent compared with the same period last year".
_YOY = gated(r"\b(?:compared (?:with|to)|than|on|over|from|versus|vs\.?)\s+(?:only\s+|just\s+)?(?:the\s+)?"
             r"(?:(?:same|corresponding) (?:time|period|month|quarter)\s+(?:last|a|of\s+the\s+previous|in\s+the\s+previous)\s+year"
             r"|(?:a|one) year (?:earlier|before|ago)|last year)\b"
             r"|\byear[- ](?:on|over)[- ]year\b", re.I)
# After a percentage: a baseline that is a plan, not an earlier period ("50% higher than the
# sales plan"); before it: a band around another figure ("priced within 5-8 per cent of").
_NOT_CHANGE_AFTER = gated(r"^[^.;]{0,25}?\bthan\s+(?:[\w'’-]+\s+){0,3}?(?:plan|plans|target|goal|forecast|"
                          r"expectations?|estimates?|projections?)\b", re.I)
_NOT_CHANGE_BEFORE = gated(r"\bwithin\s+[^\w]?(?:\d+(?:\.\d+)?\s?(?:-|to)\s?)?$", re.I)
_MONTHS_OF_YEAR = gated(r"first (\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven) months of (?:the year|this year|(20\d\d))", re.I)
_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11}

MARKET = gated(
    r"(?P<neg>(?:\b(?:not|never|no longer|neither|nor|unlikely|no plans)\b|n't|n’t)[^.;]{0,40}?)?"
    r"\b(?:sold|sell|sells|selling|on sale|available|offered|launch(?:ed|es)?|come|coming|arrive|arriving|head(?:ed|ing)?|bound|"
    r"destined|export(?:ed)?|imported|market(?:ed)?|introduced|go|return|ship(?:ped|ping)?|reach(?:es|ing)?|orders|present|"
    # "no plans to bring the wagon to the US", "expected in Europe next year"
    r"bring|brings|bringing|expected)\b"
    r"(?:\s+\w+){0,4}?\s+"
    r"(?:in|to|for|into|across|on(?=\s+the\s+Old\s+Continent))\s+(?:the\s+)?"
    r"(?P<region>[A-Z][\w.]*(?:[\s-][A-Z][\w]*)?)"
    # "the North American market", "Mexico's automotive market"
    r"|\b(?P<region2>[A-Z][\w.]*(?:[\s-][A-Z][\w]*)?)(?:[\s-]|['’]s\s+(?:(?:automotive|car|auto|EV|new-car|vehicle)\s+)?)market\b"
    # "weighing a European debut for the Mona M03", "a US launch"
    r"|\b(?P<region3>[A-Z][a-z]+|US|UK|U\.S\.)\s+(?:debut|launch|market launch|arrival|introduction|roll-?out|entry|foray|"
    r"innings|expansion)\b"
    r"|(?P<removed>\b(?:removed|pulled|withdrawn|withdrew|dropped)\b)",
    )


# A price stated for a country says the model is sold there: "costs 31,990 euros in Germany",
# "is priced from £43,000 in the UK", "In Germany, BMW charges €144,000", "In Britain it will cost".
_PRICE_VERB = r"(?:costs?|priced|charges?|starts?\s+at|retails?|sells?\s+for)"
PRICED_IN = gated(
    rf"\b{_PRICE_VERB}\s+(?:from\s+|at\s+|just\s+|around\s+|about\s+)*(?:US\$|\$|€|£|¥)?\s?\d[\d,.]*\s?"
    r"(?:k\b|million\b|euros\b|pounds\b|dollars\b|yuan\b|yen\b)?\s+in\s+(?:the\s+)?(?P<region>[A-Z][\w.]*(?:\s[A-Z]\w*)?)"
    r"|^\s*In\s+(?:the\s+)?(?P<region2>[A-Z][\w.]*(?:\s[A-Z]\w*)?),?\s+(?:[\w’']+\s+){1,3}?"
    rf"(?:will\s+|is\s+|'s\s+|’s\s+)?{_PRICE_VERB}\b"
    # a price change in a country: "cut the prices of its Ioniq 5 and Ioniq 6 in Korea"
    r"|\b(?:cut|cuts|lowered|lowers|slashed|slashes|reduced|reduces|raised|raises|hiked|hikes|dropped|drops)\s+"
    r"(?:the\s+|its\s+)?prices?\s+(?:of|on|for)\s+[^.;:]{1,80}?\s+in\s+(?:the\s+)?(?P<region3>[A-Z][\w.]*(?:\s[A-Z]\w*)?)",
)


# "will reach European customers": sold in that region (own pattern, so MARKET keeps its gate).
REACH_BUYERS = gated(r"\breach(?:es|ing)?\s+(?P<region>[A-Z][a-z]+)\s+(?:customers|buyers|drivers|dealers|showrooms|roads)\b")
# Other ways journalism says a model is sold somewhere: "will reach South Africa in 2024",
# "In Malaysia, the Mazda 6 received ...", "UK prices start at", "buyers in the Netherlands can order".
SOLD_THERE = gated(
    r"\b(?i:reach(?:es|ing)?|enter(?:s|ing)?|hits?|hitting)\s+(?:the\s+)?(?P<region>[A-Z][\w.]*(?:\s[A-Z][a-z]+)?)(?=\s+(?:in|by|at|from|this|next|later|early|soon|before)\b|[.,;])"
    r"|^\s*In\s+(?:the\s+)?(?P<region2>[A-Z][\w.]*(?:\s[A-Z][a-z]+)?),"
    r"|\b(?P<region3>[A-Z][\w.]*(?:\s[A-Z][a-z]+)?)\s+(?:prices|pricing|deliveries|customers|buyers|sales\s+(?:start|begin|will|are|of\s+the)|showrooms|dealers|dealerships|buyers|launch|-spec|spec)\b"
    r"|\b(?i:buyers|customers|drivers|dealers|showrooms|orders)\s+in\s+(?:the\s+)?(?P<region4>[A-Z][\w.]*(?:\s[A-Z][a-z]+)?)"
)
# "discontinued in India", "withdrawn from sale in Canada": no longer sold there.
GONE_FROM = gated(
    r"\b(?:discontinued|withdrawn\s+from\s+sale|withdrawn|pulled\s+from\s+sale|axed|dropped|no\s+longer\s+(?:sold|offered|available))"
    r"(?:\s+from\s+(?:the\s+)?(?:\w+\s+)?(?:line-?up|range|market))?\s+in\s+(?:the\s+)?(?P<region>[A-Z][\w.]*(?:\s[A-Z][a-z]+)?)"
)
# Words right before "a US launch" that deny it: "ruled out a US launch", "scrapped the European launch".
_RULED_OUT_BEFORE = gated(r"\b(?:ruled\s+out|no\s+plans\s+for|scrapped|cancell?ed)\s+(?:an?\s+|the\s+|any\s+)?$", re.I)


# The next region of a list after a market's first one.
# ("in Canada in 2022, and in Mexico in 2024": a year may stand between)
# A listed region ends its list item: "return to Australia, Chinese carmaker GWM" lists none.
_MORE_REGIONS = gated(r"(?:\s+in\s+(?:19|20)\d\d)?(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:in\s+)?(?:the\s+)?"
                      r"(?P<region>[A-Z][\w.]*(?:[\s-][A-Z][\w]*)?)"
                      r"\b(?![\s-]+(?:car\s*makers?|automakers?|makers?|brands?|companies|company|firms?|giants?|"
                      r"manufacturers?|marques?|media|outlets?|press|reports?|news|rivals?|buyers|customers|drivers)\b)")
# The region a list excepts: "bound for Europe and Canada, though not Brazil".
_EXCEPT_REGION = gated(r",?\s+(?:but|though|although|yet)\s+not\s+(?:in\s+|to\s+|for\s+)?(?:the\s+)?"
                       r"(?P<region>[A-Z][\w.]*(?:[\s-][A-Z][\w]*)?)")


# Words after a negation that leave the matter open rather than deny it.
_UNDECIDED = gated(r"\b(?:confirm\w*|decided|whether|clear|known|sure|said|announced|disclosed)\b", re.I)


# An open question framing the market words that follow it ("whether the 7 will be sold in the US").
_WHETHER_BEFORE = gated(r"\b(?:whether|if)\b[^.;,]*$", re.I)


def _period(s: str, pub, num_start: int, num_end: int, prefer_after: bool, stop: int) -> str | None:
    """The period a sales figure counts: the nearest date of its own (not a baseline
    "compared to 2019", not past the next figure at ``stop``), or "first N months"."""
    from autodossier.extract.dates import MONTHS

    candidates: list[tuple[int, int, str]] = []
    for m in _MONTHS_OF_YEAR.finditer(s):
        year = int(m.group(2)) if m.group(2) else (pub.year if pub else None)
        n = int(m.group(1)) if m.group(1).isdigit() else _WORDS[m.group(1).lower()]
        if year:
            candidates.append((m.start(), m.end(), f"{year}-01/{year}-{n:02d}"))
    for m in _BETWEEN_MONTHS.finditer(s):
        year = int(m.group(3)) if m.group(3) else (pub.year if pub else None)
        if year:
            a, b = MONTHS[m.group(1).lower()], MONTHS[m.group(2).lower()]
            candidates.append((m.start(), m.end(), f"{year}-{a:02d}/{year}-{b:02d}"))
    taken = [(a, b) for a, b, _ in candidates]
    for d in find_dates(s, pub):
        if d.model_year or search_part(_BASELINE, s[:d.start], s) or any(a <= d.start < b for a, b in taken):
            continue
        candidates.append((d.start, d.end, d.value))
    after = sorted(c for c in candidates if num_end <= c[0] < stop)
    before = sorted(c for c in candidates if c[1] <= num_start)
    order = (after[:1] + before[-1:]) if prefer_after else (before[-1:] + after[:1])
    return order[0][2] if order else None


_BETWEEN_MONTHS = gated(
    r"between (January|February|March|April|May|June|July|August|September|October|November) and "
    r"(February|March|April|May|June|July|August|September|October|November|December)(?:,? (20\d\d))?", re.I)


def _region(s: str) -> str | None:
    for m in REGION_RE.finditer(s):
        code = region_code(m.group("region"))
        if code and code != "global":
            return code
    return None


def _listed_regions(s: str, end: int, i: int, off: int, negated: bool = False,
                    status: str | None = None) -> list[Finding]:
    """Market findings for the regions listed after the one ending at ``end`` ("…, China and the US")."""
    out = []
    while (more := _MORE_REGIONS.match(s, end)) and (extra := region_code(more.group("region").rstrip("."))):
        out.append(Finding(i, off + more.start("region"), off + more.end(), "market", extra,
                           negated=negated, brand=False, status=status))
        end = more.end()
    if (but := _EXCEPT_REGION.match(s, end)) and (code := region_code(but.group("region").rstrip("."))):
        out.append(Finding(i, off + but.start("region"), off + but.end(), "market", code,
                           negated=not negated, brand=False, status=status))
    return out


def _change(s: str, pub, m: re.Match, i: int, off: int, region: str | None, stop: int) -> list[Finding]:
    """The sales change a percentage ``m`` states, signed by the rise or fall word nearest it
    (none when no such word is near, or when it compares with a plan or bands another figure)."""
    window = s[max(0, m.start() - 40):m.end() + 30]
    down, up = search_part(_DOWN, window, s), search_part(_UP, window, s)
    if not (down or up) or match_part(_NOT_CHANGE_AFTER, s[m.end():m.end() + 60], s) \
            or search_part(_NOT_CHANGE_BEFORE, s[max(0, m.start() - 20):m.start()], s):
        return []
    value = float(m.group("num"))
    sign = -1 if down and (not up or abs(down.start() - 40) < abs(up.start() - 40)) else 1
    return [Finding(i, off + m.start(), off + m.end(), "sales_change_pct", tidy(sign * value),
                    unit="%", period=_period(s, pub, m.start(), m.end(), False, stop), region=region, brand=True)]


def find_sales(sent, pub) -> list[Finding]:
    """Sales units, sales changes and market findings of one sentence."""
    s, off, i = sent.text, sent.start, sent.index
    out: list[Finding] = []
    sales_word = _SALES_WORD.search(s)
    if not sales_word and _YOY.search(s):
        # no sales word: only a percentage change against a year-earlier baseline
        for m in PERCENT.finditer(s):
            out += _change(s, pub, m, i, off, None, len(s))
    elif sales_word:
        region = _region(s)
        figures = list(UNITS.finditer(s)) + list(PERCENT.finditer(s))
        starts = sorted(f.start() for f in figures)

        def stop_after(pos: int) -> int:
            return next((p for p in starts if p > pos), len(s))

        for m in UNITS.finditer(s):
            num = (m.group("num") or m.group("num2") or m.group("num3") or m.group("num4") or m.group("num5")
                   or m.group("num6"))
            try:
                value = parse_number(num)
            except ValueError:
                continue
            if value < 10 or (1900 <= value <= 2100 and "," not in num):
                continue  # a year, or too few to be a sales figure
            if search_part(_TARGET_BEFORE, s[max(0, m.start() - 30):m.start()], s):
                continue  # "a sales target of 5.5 million": a goal, not vehicles sold
            if search_part(_DIFFERENCE_BEFORE, s[max(0, m.start() - 25):m.start()], s) \
                    or match_part(_DIFFERENCE_AFTER, s[m.end():m.end() + 20], s) \
                    or _EXTRA_UNITS.search(m.group()) \
                    or s[max(0, m.start() - 1):m.start()] in "$€£¥":
                continue  # "outsold the Golf by 1,300 units": a difference, not a figure
            out.append(Finding(i, off + m.start(), off + m.end(), "sales_units", tidy(value),
                               period=_period(s, pub, m.start(), m.end(), True, stop_after(m.start())), region=region, brand=True))
        for m in PERCENT.finditer(s):
            out += _change(s, pub, m, i, off, region, stop_after(m.start()))
    for m in REACH_BUYERS.finditer(s):
        code = region_code(m.group("region"))
        if code and code != "global":
            out.append(Finding(i, off + m.start(), off + m.end(), "market", code, brand=False))
    for m in SOLD_THERE.finditer(s):
        name = m.group("region") or m.group("region2") or m.group("region3") or m.group("region4")
        code = region_code(name) or region_code(name.rstrip("."))
        if code and code != "global":
            out.append(Finding(i, off + m.start(), off + m.end(), "market", code, brand=False))
            if m.group("region4"):
                out += _listed_regions(s, m.end("region4"), i, off)
    for m in GONE_FROM.finditer(s):
        code = region_code(m.group("region")) or region_code(m.group("region").rstrip("."))
        if code and code != "global":
            out.append(Finding(i, off + m.start(), off + m.end(), "market", code, negated=True, brand=False))
            out += _listed_regions(s, m.end("region"), i, off, negated=True)
    for m in PRICED_IN.finditer(s):
        name = m.group("region") or m.group("region2") or m.group("region3")
        code = region_code(name) or region_code(name.rstrip("."))
        if code and code != "global":
            out.append(Finding(i, off + m.start(), off + m.end(), "market", code, brand=False))
    for m in MARKET.finditer(s):
        if m.group("removed"):
            if re.search(r"\b(?:website|line-?up|market|showrooms|price list)\b", s[m.end():m.end() + 60], re.I):
                code = _region(s)
                if code:
                    out.append(Finding(i, off + m.start(), off + m.end(), "market", code, negated=True))
            continue
        if re.search(r"\b(?:vehicles|cars|models|products|SUVs|EVs)\b", m.group(), re.I):
            continue  # "launch new vehicles in Taiwan": not about this model
        name = m.group("region") or m.group("region2") or m.group("region3")
        # "in Europe." at a sentence end: the full stop is not part of the name ("U.S." keeps its own)
        code = (region_code(name) or region_code(name.rstrip("."))) if name else None
        if not code:
            continue
        negated, status = bool(m.group("neg")), None
        if m.group("region3") and search_part(_RULED_OUT_BEFORE, s[max(0, m.start() - 30):m.start()], s):
            negated = True
        if (negated and search_part(_UNDECIDED, m.group("neg"), s)) or search_part(
                _WHETHER_BEFORE, s[max(0, m.start() - 60):m.start()], s):
            # "hasn't confirmed whether it will be sold in the US": unknown, not a denial
            negated, status = False, "speculative"
        out.append(Finding(i, off + m.start(), off + m.end(), "market", code, negated=negated,
                           brand=False, status=status))
        if m.group("region"):
            # "sold in Europe, China and the US": each region of the list
            out += _listed_regions(s, m.end("region"), i, off, negated=negated, status=status)
    return out


@component("sales", requires=("sentences", "mentions"), provides=("findings",))
def sales(art: Annotated) -> None:
    """Find sales figures and markets in every sentence, and the counts of ranked lists and
    tables under a line about sales."""
    pub = parse_pub_date(art.doc.date)
    header = None  # the last sentence that is not a row: it says whether the rows under it are sales
    read: tuple | None = None  # (that sentence, whether it is about sales, its period), worked out once
    for sent in art.sentences:
        found = find_sales(sent, pub)
        art.findings.extend(found)
        if not is_row(sent.text):
            header = sent
            continue
        if header is None:
            continue
        if read is None or read[0] is not header:
            t = header.text
            about_sales = bool(SALES_HEADER.search(t))
            read = (header, about_sales, _period(t, pub, len(t), len(t), False, len(t)) if about_sales else None)
        if read[1] and not any(f.attribute == "sales_units" for f in found) and any(
                m.model for m in art.mentions.get(sent.index, [])):
            art.findings.extend(row_findings(sent, read[2]))
