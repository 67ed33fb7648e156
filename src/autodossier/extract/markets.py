"""The article's home market, and markets said with words that only it can resolve.

Journalism written for one country ("Kia Australia has confirmed ...", prices in rand,
"reach local showrooms", "sold here") names its market once, in the title or by the
local distributor, and then speaks of "local" buyers and of cars coming "here". This
component reads that home market from the whole article (title, local distributors,
local currencies, the outlet's country domain, the countries named) and turns the
local words of each sentence into ``market`` findings for it.

The home is never the US or North America: English-language journalism treats them as
the unmarked default, so an American article's launches carry no market of their own.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from autodossier.extract.findings import Finding
from autodossier.extract.gazetteer import load_gazetteer
from autodossier.extract.pipeline import Annotated, component
from autodossier.extract.prefilter import LiteralFinder, gated, search_part
from autodossier.extract.regions import REGION_RE, REGIONS, region_code

# Codes that are never an article's implicit home (see the module docstring).
NOT_HOME = frozenset({"US", "NA", "global"})

# Evidence weights. A title that names where the car is launched or sold, and a local
# distributor ("BMW South Africa"), say outright which market the article serves; a price
# in a local currency nearly does; the outlet's country domain and the countries the text
# names most only lean (an Australian site also covers reveals in Japan).
TITLE_WEIGHT = 3.0
DISTRIBUTOR_WEIGHT = 3.0
CURRENCY_WEIGHT = 2.0
DOMAIN_WEIGHT = 1.5
MENTION_WEIGHT = 0.5
MAX_MENTION_VOTES = 4  # a long round-up naming one country often is no stronger than a local title
# Score from title, distributor or currency at which the home also dates unmarked launches.
STRONG_SCORE = 2.0

# Market words around a country in a title: "headed to Australia", "launched in India",
# "priced in South Africa", "for South Africa", "South African comeback", "India launch".
_TITLE_BEFORE = gated(
    r"\b(?:launch\w*|arriv\w*|head(?:s|ed|ing)?|com(?:e|es|ing)|bound|bring\w*|brought|pric(?:ed|es?|ing)|"
    r"on\s+sale|sales?|due|confirm\w*|(?:pre-?)?orders?|costs?|sold|sells?|selling|"
    r"return\w*|lands?|landing|available|offered|coming|market|cars?)\b(?:\s+\S+){0,4}?\s+(?:to|for|in|into)\s+(?:the\s+)?$",
    re.I)
_TITLE_AFTER = gated(r"[\s-]+(?:launch|market|sales|arrival|comeback|entry|prices?|pricing|debut|showrooms?|"
                     r"-?bound|top-selling|best-?sell\w*)\b", re.I)
# Country names and adjectives as written in prose, for counting with ``str.count`` (a regex
# over the whole article costs more than the rest of this component). Shorter names than
# this are codes and abbreviations ("UK", "U.S.") that need word bounds.
MIN_NAME_CHARS = 4
_CAPITALISED = dict(sorted({(" ".join(w.capitalize() for w in name.split()), code) for name, code in REGIONS.items()
                            if len(name) >= MIN_NAME_CHARS and code not in NOT_HOME and "." not in name}))
_NAME_FINDER = LiteralFinder(_CAPITALISED)
# A local distributor: a make right before a country ("Kia Australia", "Hyundai Motor India",
# "Toyota Motor Philippines", "Honda Cars India").
_DISTRIBUTOR_BEFORE = re.compile(r"\b(?P<make>[A-Z][\w-]+)\s+(?:(?:Motors?|Cars|Automobiles|Motor\s+Company)\s+)?$")
# How far before a country name its distributor's make is looked for.
DISTRIBUTOR_WINDOW = 40
# Prices in a local currency: rupees (and the Indian scale words), rand, ringgit, pesos, and
# the marked dollars; the bare "$" and "€" name no one country. Each comes with the literals it
# needs, tested with ``in`` before the regex runs (the article is long and most name no such
# currency); the rand and peso patterns start with a letter, which ``re`` scans for by itself.
_CURRENCIES = [
    (("Rs", "₹", "INR", "lakh", "crore"), re.compile(r"\bRs\.?\s?\d|₹\s?\d|\bINR\s?\d|\d\s(?:lakh|crore)\b"), "IN"),
    (None, re.compile(r"R\d{1,3}(?:[ ,]\d{3})+\b"), "ZA"),
    (("RM",), re.compile(r"\bRM\s?\d"), "MY"),
    (("₱", "PHP"), re.compile(r"₱\s?\d|\bPHP\s?\d"), "PH"),
    (None, re.compile(r"P\d{1,3}(?:,\d{3})+\b"), "PH"),
    (("A$", "AU$", "AUD"), re.compile(r"\bA\$\s?\d|\bAU\$\s?\d|\bAUD\s?\d"), "AU"),
    (("NZ$",), re.compile(r"\bNZ\$\s?\d"), "NZ"),
    (("S$",), re.compile(r"\bS\$\s?\d"), "SG"),
    (("C$", "CA$"), re.compile(r"\bC\$\s?\d|\bCA\$\s?\d"), "CA"),
    (("£",), re.compile(r"£\s?\d"), "GB"),
]
# A pound price leans only: British magazines price the European cars they preview in pounds
# without writing for a British launch.
LEANING_CURRENCIES = frozenset({"GB"})
# Country domains of outlets ("drive.com.au", "citizen.co.za", "autocar.co.uk", "uk.motor1.com").
_DOMAIN = re.compile(r"\.(?P<tld>au|za|in|uk|my|ph|nz|sg|ca|ie|id)\b|^(?:https?://)?(?P<sub>uk|au|in|za)\.", re.I)
_TLD_CODES = {"au": "AU", "za": "ZA", "in": "IN", "uk": "GB", "my": "MY", "ph": "PH", "nz": "NZ", "sg": "SG",
              "ca": "CA", "ie": "IE", "id": "ID"}

# Local words that say the home market in a sentence.
_LOCAL = gated(
    # "reach local showrooms", "a local launch", "local deliveries", "the local line-up"
    r"\blocal(?:ly)?\s+(?:showrooms?|dealers(?:hips)?|launch|arrival|deliveries|sales|market|buyers|customers|"
    r"line-?up|range|pricing|prices|introduction|release|debut|importers?|distributors?)\b"
    # "sold here", "with 10 headed here", "import the Coupe and Roadster here", "offered locally"
    r"|\b(?P<verb>sold|sell|sells|selling|offered|available|on\s+sale|launch(?:ed|es|ing)?|import(?:ed|s|ing)?|"
    r"introduc(?:ed|e|es|ing)|arriv(?:e|es|ed|ing)|headed|heading|com(?:e|es|ing)|bring(?:s|ing)?|brought)"
    r"\s+(?:[\w-]+\s+){0,8}?(?:here|locally)\b(?!['’])"
    # "on sale in the country", "brought its Accent back to market"
    r"|\b(?:sold|on\s+sale|available|offered|launch(?:ed)?|arriv(?:e|es|ed|ing))\s+in\s+(?:this|the|our)\s+country\b"
    r"|\bback\s+to\s+(?:the\s+)?(?:local\s+)?market\b",
    re.I)
# Web page words around "here": a link's text, not the home market.
_WEB_HERE = gated(r"\b(?:details|specs|specifications|information|info|review|video|gallery|story|article|link|"
                  r"click|read|see|watch|download|brochure|newsletter)\b", re.I)
# How far before the local words a link's words are looked for.
WEB_WINDOW = 40
# A negation shortly before the local words: "won't be sold here".
_NEG_BEFORE = gated(r"(?:\b(?:not|never|no\s+longer)\b|n['’]t\b)[^.;,]{0,30}$", re.I)


@dataclass(frozen=True)
class Home:
    """An article's home market: its code, and whether the article states it outright."""

    code: str
    strong: bool


def home_market(title: str | None, text: str, outlet: str | None = None, url: str | None = None) -> Home | None:
    """The market an article is written for, or None when it serves no one country."""
    scores: Counter = Counter()
    stated: Counter = Counter()  # the part of the score stated outright

    def vote(code: str | None, weight: float, outright: bool) -> None:
        if code and code not in NOT_HOME:
            scores[code] += weight
            if outright:
                stated[code] += weight

    if title:
        for m in REGION_RE.finditer(title):
            if search_part(_TITLE_BEFORE, title[max(0, m.start() - 60):m.start()], title) or \
                    _TITLE_AFTER.match(title, m.end()):
                vote(region_code(m.group("region")), TITLE_WEIGHT, True)
    makes = load_gazetteer().makes
    named: Counter = Counter()
    distributors: set[str] = set()
    for name in sorted(_NAME_FINDER.found(text)):
        code = _CAPITALISED[name]
        n = text.count(name)
        named[code] += n
        at = text.find(name)
        while at >= 0 and code not in distributors:
            m = _DISTRIBUTOR_BEFORE.search(text, max(0, at - DISTRIBUTOR_WINDOW), at)
            if m and m.group("make").lower() in makes:
                distributors.add(code)
            at = text.find(name, at + len(name))
    for code in distributors:
        vote(code, DISTRIBUTOR_WEIGHT, True)
    currencies = {code for markers, rx, code in _CURRENCIES
                  if ((any(mark in text for mark in markers) and rx.search(text)) if markers else _standalone(rx, text))}
    for code in currencies:
        vote(code, CURRENCY_WEIGHT, code not in LEANING_CURRENCIES)
    for where in (outlet, url):
        m = _DOMAIN.search(where or "")
        if m:
            vote(_TLD_CODES[(m.group("tld") or m.group("sub")).lower()], DOMAIN_WEIGHT, False)
            break
    else:
        # an outlet named for its country: "Autocar India", "Top Gear Philippines", "Motor1 UK"
        m = REGION_RE.search(outlet or "")
        if m and m.group("region")[:1].isupper():
            vote(region_code(m.group("region")), DOMAIN_WEIGHT, False)
    for code, n in named.items():
        vote(code, MENTION_WEIGHT * min(n, MAX_MENTION_VOTES), False)
    if not scores:
        return None
    code, _ = scores.most_common(1)[0]
    return Home(code, stated[code] >= STRONG_SCORE)


def _standalone(rx: re.Pattern, text: str) -> bool:
    """Whether ``rx`` (a letter-led amount, "R919,735") matches as a word of its own, not inside "XR1,200"."""
    return any(m.start() == 0 or not (text[m.start() - 1].isalnum() or text[m.start() - 1] in "$_")
               for m in rx.finditer(text))


def find_local_markets(sent, home: Home | None) -> list[Finding]:
    """Market findings for the local words of one sentence ("reach local showrooms", "sold here")."""
    if home is None:
        return []
    s, off, i = sent.text, sent.start, sent.index
    out = []
    for m in _LOCAL.finditer(s):
        if search_part(_WEB_HERE, s[max(0, m.start() - WEB_WINDOW):m.end()], s):
            continue  # "full specs are available here", "read our review here": a link, not a market
        negated = bool(search_part(_NEG_BEFORE, s[max(0, m.start() - 40):m.start()], s))
        verb = m.group("verb")
        # "import the Mini Coupe and Mini Roadster here": the verb's object is what is sold here
        end = m.start() + len(verb) if verb else m.end()
        out.append(Finding(i, off + m.start(), off + end, "market", home.code, negated=negated, event=bool(verb)))
    return out


def withdrawn_markets(claims):
    """The claims less a market the article says the model has left: "launched in India in 2020"
    and "now discontinued in India" leave only the withdrawal (a hedged one leaves both)."""
    claims = list(claims)
    gone = {(c.subject, str(c.value).lower()) for c in claims
            if c.attribute == "market" and c.negated and c.status == "confirmed"}
    if not gone:
        return claims
    return [c for c in claims if not (c.attribute == "market" and not c.negated
                                      and (c.subject, str(c.value).lower()) in gone)]


# A country word that names who makes or reports, not where a launch happens.
_NOT_A_PLACE_AFTER = gated(r"[\s-]+(?:car\s*makers?|automakers?|makers?|brands?|companies|company|firms?|giants?|"
                           r"manufacturers?|marques?|media|outlets?|press|reports?|news|publications?|magazines?|"
                           r"EV\s+makers?|engineering|rivals?|compatriots?)\b", re.I)
# Where a model comes from or is built, not where it is sold: "imported from Japan", "built in Canada".
_ORIGIN_BEFORE = gated(r"\b(?:from|built\s+in|made\s+in|produced\s+in|assembled\s+in|plant\s+in|factory\s+in)\s+(?:the\s+)?"
                       r"(?:[A-Z][\w-]+,\s+)?$", re.I)
# How far (in characters) from its launch word a country still says where the launch is.
NEAR_LAUNCH = 50
# Words that put a launch in the home market without naming it.
_HOME_WORDS = gated(r"\b(?:local(?:ly)?|here|in\s+(?:this|the|our)\s+country)\b(?!['’])", re.I)


def launch_region(s: str, start: int, end: int, home: Home | None) -> str | None:
    """Where a launch stated at ``s[start:end]`` happens: the country named in its clause
    (nearest first), else the home market when the sentence says "local" or "here", or
    when the article states its home outright."""
    clause_start = max((m.end() for m in _CLAUSE.finditer(s, 0, start)), default=0)
    bound = _CLAUSE.search(s, end)
    clause_end = bound.start() if bound else len(s)
    best: tuple[int, str] | None = None
    for m in REGION_RE.finditer(s, max(clause_start, start - NEAR_LAUNCH), min(clause_end, end + NEAR_LAUNCH)):
        if _NOT_A_PLACE_AFTER.match(s, m.end()) or search_part(_ORIGIN_BEFORE, s[max(0, m.start() - 25):m.start()], s):
            continue
        if s[m.end():m.end() + 2] in ("'s", "’s"):
            continue  # "China's BYD will launch ... in Europe": the maker's country
        code = region_code(m.group("region")) or region_code(m.group("region").rstrip("."))
        if code:
            distance = start - m.end() if m.end() <= start else m.start() - end
            if best is None or distance < best[0]:
                best = (distance, code)
    if best:
        return best[1]
    if home is not None and (home.strong or _HOME_WORDS.search(s)):
        return home.code
    return None


# Where a launch's clause ends: a semicolon or dash, a new clause, a relative clause.
_CLAUSE = gated(r"[;:—–]|, (?:and|but|which|while|whereas|though|although)\b|\bwhich\b")


@component("markets", requires=("sentences",), provides=("findings", "home"))
def markets(art: Annotated) -> None:
    """Work out the article's home market and find the local words that name it."""
    art.home = home_market(art.doc.title, art.doc.text, art.doc.outlet, art.doc.url)
    for sent in art.sentences:
        art.findings.extend(find_local_markets(sent, art.home))
