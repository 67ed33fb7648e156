"""Lifecycle states and dated events: reveal, on sale, production start and end;
discontinued, cancelled, on hold, planned, concept, in production.

An event word takes the date expression of its clause (the nearest one after
it, else before it). Relative dates are resolved by ``extract.dates``.
"""
from __future__ import annotations

import re

from autodossier.extract.certainty import cues, status_for
from autodossier.extract.dates import DateExpr, find_dates, parse_pub_date
from autodossier.extract.findings import Finding
from autodossier.extract.markets import Home, launch_region
from autodossier.extract.pipeline import Annotated, component
from autodossier.extract.prefilter import GateGroup, gated, match_part, search_part
from autodossier.extract.specs import UNKNOWN

LIFECYCLE = [
    (r"discontinu(?:ed|es|e|ing)|ax(?:ed|es|ing)\b|killed off|kill(?:s|ed)? off|phas(?:ed|es|ing) out|"
     r"stop(?:s|ped|ping)? production|(?:end(?:s|ed)?|cease[sd]?) production|production (?:ended|ceased|will end|ends)|"
     r"(?:stop(?:s|ped|ping)?|cease[sd]?|quit) (?:building|making|producing|manufacturing)|"
     r"no longer (?:available|offered|sold|produced|built|imported|be available)|retired|bow(?:s|ed)? out|"
     r"dropped from the line-?up|pulled the plug on|end of the line for|"
     # "whose production finally came to an end", "the final TT left the assembly line",
     # "to bring Malibu production to an end", "the decision to drop the Spark", "which was dropped"
     r"production\s+(?:\w+\s+)?came\s+to\s+an\s+end|(?:last|final)\s+(?:[\w-]+\s+){0,3}?(?:left|rolled\s+off)\s+the\s+(?:production|assembly)\s+line|(?:last|final)\s+(?:[\w-]+\s+){0,3}?rolled off the line|"
     r"bring\s+(?:[\w-]+\s+){0,3}?production\s+to\s+an\s+end|drop(?:s|ped|ping)?\s+the\b|(?:was|were|been|being|be)\s+dropped|"
     r"no\s+further\s+build\s+slots|culled", "discontinued"),
    (r"cancel(?:l?ed|s|ling)|scrapped|scraps|came (?:tantalisingly |tantalizingly |very )?close to producing|"
     r"never (?:made it|reached) (?:in)?to production|killed the project|(?:will\s+)?(?:now\s+)?not\s+be\s+(?:built|produced|made)\b", "cancelled"),
    (r"on hold|put (?:those plans |it |them )?aside|paused|postponed|shelved|mothballed|on the back burner|"
     r"delayed indefinitely|on ice", "on-hold"),
    # ("was revived in 2008" is history, not a plan; "soon-to-return", "in the pipeline")
    (r"(?:would|will|set to|is to|to)[\s-]return|make a comeback|making a comeback|comeback|come back|"
     r"(?<!was )(?<!were )revive[sd]?|revival|in the works|in the pipeline|in development|under development|developing|plans? to (?:build|launch|produce|"
     r"introduce|bring)|(?:put|go|going|goes|enter) (?:\w+ )?into production|greenlit|green[\s-]?light(?:ed)?|"
     r"will build|going to build|intends? to (?:put|build|produce|launch)|next-generation version|"
     r"(?:is|are) coming(?!\s+to\b)|confirmed for production|production version|"
     # "the next-generation M5", "the upcoming WRX STI": a model still to come
     r"(?:would|will) (?:join|be joined)|to join the line-?up|resurrect\w*|bring(?:s|ing)?\s+back|"
     r"bring\s+(?:[\w-]+\s+){1,3}back\b|(?:is|are)\s+to\s+be\s+(?:named|called|badged)|bound\s+for\s+production", "planned"),
    (r"concepts?\b(?!\s+car(?:s)?\s+(?:market|world))|show ?car|study", "concept"),
    (r"remain(?:s|ed)? in production(?!\s+(?:through|until|till))|still in production|currently (?:in production|produced|built)|"
     r"continues? (?:in production|to be (?:built|produced|sold))|"
     r"(?:has|have) (?:started|begun) (?:building|producing|making|production of)|stay\s+in\s+production|"
     # "only the Golf and Polo stay on sale", "a new Arteon can still be ordered"
     r"(?:stay|stays|remain|remains)\s+on\s+sale|can\s+still\s+be\s+(?:ordered|bought)", "in-production"),
]
LIFECYCLE_RE = [(gated(rf"\b(?:{p})", re.I), v) for p, v in LIFECYCLE]
# "the next-generation M5", "the upcoming WRX STI": a model still to come. A modifier states no
# certainty of its own, so the claim takes the hedge that governs the whole sentence.
UPCOMING = gated(r"\b(?:next[\s-]gen(?:erations?)?|upcoming|forthcoming)\b(?!\s+(?:of\s+)?(?:platform|engine|"
                 r"battery|batteries|technology|tech|motors?|powertrains?|architecture|software|models?\b|"
                 # "the upcoming Budget", "the forthcoming election": no car at all
                 r"budget|elections?|festive|season|events?|quarters?|years?|months?|weeks?|results|policy|"
                 r"regulations?|rules|meeting|talks))", re.I)

EVENTS = [
    # "stays on sale through 2024", "already on sale": a model on sale, not a sales start
    (r"go(?:es)? on sale|went on sale|(?<!stay )(?<!stays )(?<!remain )(?<!remains )(?<!still )(?<!already )on sale|"
     r"sales (?:are expected|are due|will (?:start|begin)|start|begin|"
     r"kick off)|(?:arrive|arrives|arriving|land|lands) (?:in|at) (?:[\w.]+ )?(?:showrooms|dealers|dealerships|retailers)|"
     r"(?:hit|hits|hitting) (?:dealerships|showrooms|the market|the road|dealers)|touch(?:es|ed)?\s+down\s+in|"
     # "order books open in April", "orders were thrown open"
     # "bookings for the hatch open on 15 August"
     r"(?:order\s+books|orders|bookings|pre-?orders|reservations)\s+(?:for\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?)?"
     r"(?:will\s+|are\s+set\s+to\s+|are\s+due\s+to\s+|were\s+|are\s+)?(?:thrown\s+)?open(?:ed|s)?\b|deliveries (?:start|begin|will start|to start)|"
     r"(?:introduced|launched|arrived) (?:to|in|on) the (?:\w+ )?market|officially launched|launch(?:es|ed|ing)?|"
     r"available (?:from|in)|will be available|to be available|market launch|expected (?:to arrive|in dealers)|"
     # "first deliveries will happen in Q3", "reach local showrooms by the end of the year",
     # "will reach Australia in 2026", "joins the line-up early next year", "rejoined the lineup in 2006"
     r"first\s+deliveries|deliveries\s+(?:will|are|of|to|start|begin|commence|scheduled|slated|due|expected|in)\b|reach(?:es|ing)?\s+(?:local\s+|[A-Z]\w+\s+)?(?:showrooms|dealers|dealerships|customers|buyers)|"
     r"(?:will\s+)?(?:reach|arrive\s+in|land\s+in|enter)\s+(?:the\s+)?(?-i:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?=in\b|by\b|before\b|from\b|next\b|later\b|early\b|this\b)|"
     r"(?:re)?join(?:s|ed|ing)?\s+the\s+(?:\w+\s+)?line-?up|revived|sales\s+(?:are\s+expected\s+to|will|are\s+due\s+to|to)\s+(?:begin|start|commence)|"
     # "readying the GV90 for launch in 2025", "launch of the Iriz is scheduled for March",
     # "with the new X50 to follow in June", "arriving this year", "landing in 2017"
     r"for\s+(?:a\s+|its\s+)?(?:local\s+|market\s+)?launch|launch\s+of|(?:to\s+)?follow\s+in|arriv(?:e|es|ed|ing)|landing\s+in|"
     r"lands?(?=,?\s+(?:possibly\s+|probably\s+|likely\s+)?(?:by|around)\s)|(?:will\s+)?lands?\s+in\s+(?=\d|early|late|mid|the\s+(?:first|second|spring|summer|autumn|fall|winter))|"
     r"release\s+in|scheduled\s+for\s+release|"
     # "introduced its Urus S at a price of Rs 4.18 crore": a launch
     r"introduc(?:ed|es)(?=\s+(?:its|their|the)\s)|"
     # "their successors, which are scheduled for 2027 and 2028 respectively"
     # (lookbehinds: the match starts at the rare word, not at every "that" or "it")
     r"(?:(?<=which are )|(?<=which is )|(?<=which were )|(?<=which was )|(?<=that are )|(?<=that is )|(?<=it is )|(?<=it was )|(?<=they are )|(?<=they were ))scheduled\s+for(?=\s+(?:early\s+|late\s+|mid-?)?(?:19|20)\d\d\b)|"
     # "will show up sometime around mid-2026", "should turn up in showrooms next year"
     r"(?:(?<=will )|(?<=to )|(?<=should )|(?<=could )|(?<=may )|(?<=might )|(?<=would )|(?<=finally ))(?:show up|turn up)\b|"
     # "with sales getting under way in 2027", "the arrival in showrooms last year", "Australian showroom
     # arrivals", "due spring 2018", "looking to introduce the VF5 by early next year", "brought the Vios to the
     # Thai market in 2013", "enters the Indian market in March"
     r"sales\s+(?:get(?:s|ting)?|got|are\s+getting)\s+under\s*way|arrivals?\s+in\s+(?:local\s+|[\w]+\s+)?(?:showrooms|dealers|dealerships)|"
     r"showroom\s+arrivals?|arrivals?\b|due\s+in\s+(?:local\s+|(?-i:[A-Z]\w+)\s+)?(?:showrooms|dealerships|dealers)\b|due\s+(?=(?:in\s+|by\s+|from\s+|out\s+in\s+)?(?:early|late|mid|the\s+(?:first|second|third|fourth|end)|"
     r"spring|summer|autumn|fall|winter|next|this|(?:19|20)\d\d\b|Q[1-4]\b|(?-i:[A-Z][a-z]+)\s+20\d\d))|"
     r"(?:will|to|set\s+to|plans?\s+to|looking\s+to)\s+(?:also\s+)?introduce\b|"
     r"brought(?=\s+(?:[\w-]+\s+){0,3}?to\s+the\s+(?:[\w-]+\s+)?market)|enter(?:s|ed|ing)?\s+the\s+(?:[\w-]+\s+)?market",
     "on_sale"),
    (r"reveal(?:ed|s)?|unveil(?:ed|s|ing)?|debut(?:ed|s)?|premiere(?:d|s)?|show(?:ed|n|s)?\s+(?:off|the|its|a|an|their|at|in|to)\b|"
     # "announced" reveals a model, not a statement ("announced that", "announced back in 2021", "…, Honda has announced,")
     r"present(?:ed|s)|first announced|announced(?!\s+(?:that|back|plans|on|in\s+a|today\s+that)\b|\s*[,.])|"
     r"teased|took the wraps off|world premiere|showcas(?:ed|es|ing)|"
     # "pulled the covers off", "makes its bow"
     r"(?:took|take|takes|taken|pulled|pull|pulls)\s+the\s+(?:covers|sheets?|wraps)\s+off|(?:make|makes|made|making)\s+(?:its|their)\s+(?:[\w-]+\s+)?bow\b|"
     # "made its first appearance back in 2015", "breaks cover", "ahead of the model's official announcement"
     # "will be born at September's Frankfurt show"
     r"(?:be|is|was|were)\s+born(?=\s+at\s)|"
     r"first\s+appearance|previewed|(?:gave|give|gives|giving)\s+(?:a\s+|us\s+a\s+)?(?:first\s+)?(?:preview|glimpse)|(?:public|world|global)\s+(?:debut|bow)|br(?:eaks?|oke)\s+cover|official\s+announcement", "reveal"),
    (r"production (?:starts|begins|will (?:start|begin)|to (?:start|begin)|kicks off|started|began|is slated)|"
     # "production is scheduled to begin in May", "start of production"
     r"production\s+(?:is|are|was)\s+(?:scheduled|set|slated|due|expected|planned)\s+to\s+(?:start|begin|commence|kick\s+off)|"
     r"start\s+of\s+(?:series\s+)?production|"
     r"start(?:s|ed)? production|enter(?:s|ed)? production|(?:produced|built|made) from|begin(?:s)? production|"
     r"series production|(?:start|begin)(?:s|ning|ed)? (?:building|producing|assembling|assembly of)|"
     r"(?:started|began|begun) (?:building|producing|assembling|making)|(?:produced|built|made)\s+between|"
     # "to go into production in 2028", "leave the assembly line in March 2026"
     r"go(?:es)? into production|(?:leave|roll off|come off)\s+the\s+(?:assembly|production)\s+line|"
     r"production\s+gets?\s+(?:under\s*way|going)|"
     # "production of the new model starts in Kentucky next spring"
     r"production\s+of\s+(?:the\s+|its\s+)?(?:[\w-]+\s+){1,4}?(?:starts|begins|will\s+(?:start|begin)|kicks\s+off|"
     r"is\s+(?:due|set|scheduled|slated)\s+to\s+(?:start|begin))\b", "production_start"),
    (r"stop(?:s|ped|ping)? production|end(?:s|ed)? production|end\s+of\s+(?:its\s+)?production|"
     r"production\s+run\s+(?:ends|ended|will\s+end|finishes|finished)|"
     r"(?:stop(?:s|ped|ping)?|cease[sd]?|quit) (?:building|making|producing|manufacturing)|production (?:ended|ceased|will end|ends)|"
     r"discontinu(?:ed|es|e)|in production (?:through|until)|remain in production through|final model year|"
     r"last model year|ax(?:ed|es)\b|killed off|bow(?:s|ed)?\s+out\s+of\s+production|"
     # "Nissan will end Nissan Leaf production in March 2026", "halt Audi TT output", "production has ceased"
     r"(?:end|stop|halt|cease)(?:s|ed|ing)?(?=\s+(?:[\w-]+\s+){1,3}?(?:production|output)\b)|"
     r"production\s+(?:has|have|had)\s+(?:ceased|ended|stopped)|"
     # "whose production finally came to an end in 2024", "the final TT left the assembly line"
     r"production\s+(?:\w+\s+)?came\s+to\s+an\s+end|(?:last|final)\s+(?:[\w-]+\s+){0,3}?(?:left|rolled\s+off)\s+the\s+(?:production|assembly)\s+line|(?:last|final)\s+(?:[\w-]+\s+){0,3}?rolled off the line",
     "production_end"),
]
EVENTS_RE = [(gated(rf"\b(?:{p})", re.I), v) for p, v in EVENTS]


# Most sentences name no state and no event: one test skips every scan.
_ANY_STATE = GateGroup([rx for rx, _ in LIFECYCLE_RE + EVENTS_RE] + [UPCOMING])
# What a pause is about when it is not a model: building work, a plant, hiring.
_HOLD_NOT_MODEL = gated(r"^\s+(?:construction|work|building|investment|hiring|expansion|recruitment)\b"
                        r"|^\s+(?:its|the|their|a)\s+(?:[\w-]+\s+){0,4}?(?:factory|plant|facility|gigafactory)\b", re.I)
# A stop that is a plant's, for a while: "stopped production at the Fremont factory", "paused for upgrades".
_PLANT_STOP_AFTER = gated(r"^\s+(?:at\s+(?:the|its|their)\s+(?:[\w,-]+\s+){0,4}?(?:factory|plant|facility|site)\b|"
                          r"for\s+(?:\w+\s+)?(?:equipment|upgrades?|retooling|maintenance|a\s+(?:week|month|few))\b)", re.I)
# The models that stay while others go: "only the Golf, Tiguan and Polo stay on sale".
_SURVIVORS = gated(r"\bonly\b[^.;]{0,80}?\b(?:stay|stays|remain|remains|continue|continues|survive|survives)\s+"
                   r"(?:on\s+sale|in\s+production|in\s+the\s+line-?up)", re.I)
# What returns when it is not a model: growth, demand, production, the market.
_NOT_A_MODEL_RETURNING = gated(r"\b(?:growth|demand|sales|profits?|profitability|confidence|normality|supply|"
                               r"production|output|customers|buyers|market|prices)\s+$", re.I)
_WEEKDAY = re.compile(r"day\b", re.I)
# What else gets revealed: prices, details, specifications ("Pricing ... is expected to be revealed").
_DETAILS_BEFORE = re.compile(r"\b(?:pricing|prices?|details|specs|specifications|figures|name)\b(?:\s+[\w-]+){0,9}\s+(?:to\s+be\s+|be\s+|been\s+|was\s+|were\s+|are\s+|is\s+)?$", re.I)
# How far before a reveal word a "pricing ..." subject is looked for.
DETAILS_WINDOW = 80
# What else is unveiled: a goal, a plan, a strategy ("unveiled a goal of building 150,000 cars").
_NOT_A_CAR_AFTER = re.compile(r"\s+(?:a|an|its|their|the)\s+(?:new\s+|\w+-year\s+)?(?:goals?|plans?|targets?|strateg(?:y|ies)|"
                              r"roadmap|investments?|vision|programmes?|programs?|business\s+plan)\b", re.I)
# A present perfect right before the event word ("has unveiled", "have officially revealed").
_JUST_DONE = re.compile(r"\b(?:has|have)\s+(?:just\s+|now\s+|officially\s+|finally\s+)?"
                        r"(?:made\s+(?:its|their|a)\s+(?:[\w-]+\s+)?)?$", re.I)
# What a drop names when it is a version or a part, not the model: "dropping the range's base model",
# "axed the manual gearbox", "discontinued the diesel engine".
_VARIANT_AFTER = gated(r"^\s+(?:(?:the|its|their|a)\s+)?(?:[\w'’.-]+\s+){0,3}?(?:(?:base|entry(?:-level)?|standard|"
                       r"range-topping|top|cheapest|entry-point)\s+(?:model|version|variant|trim|grade)s?|"
                       r"(?:engine|gearbox|transmission|option|variant|trim|version|motor|powertrain)s?)\b", re.I)
_PART_BEFORE = gated(r"\b(?:engine|gearbox|transmission|option|variant|trim|version|motor|powertrain)s?\s+"
                     r"(?:that|which)\b[^.;]{0,45}$", re.I)
_PLANS_BEFORE = gated(r"\b(?:plans?|strategy|project|idea)\b[^.]{0,25}$", re.I)


def find_lifecycle(sent, pub, home: Home | None = None) -> list[Finding]:
    """Lifecycle and dated-event findings of one sentence (``home``: the article's home market)."""
    s, off, i = sent.text, sent.start, sent.index
    if not _ANY_STATE.may_match(s) or UNKNOWN.search(s):
        return []
    out: list[Finding] = []
    survivors = search_part(_SURVIVORS, s, s)
    for rx, value in LIFECYCLE_RE:
        for m in rx.finditer(s):
            if value == "on-hold" and (search_part(_PLANS_BEFORE, s[:m.start()], s)
                                       or match_part(_HOLD_NOT_MODEL, s[m.end():], s)):
                continue  # "put those EV plans on hold", "paused construction of its plant": not the model
            if value in ("discontinued", "on-hold") and match_part(_PLANT_STOP_AFTER, s[m.end():m.end() + 60], s):
                continue  # "stopped production at the Fremont factory", "output was paused for upgrades": a plant's pause
            if value == "discontinued" and (match_part(_VARIANT_AFTER, s[m.end():m.end() + 50], s)
                                            or search_part(_PART_BEFORE, s[max(0, m.start() - 60):m.start()], s)):
                continue  # "dropping the range's base model", "an engine that ... was dropped": a version or a part goes
            if value == "discontinued" and survivors:
                continue  # "with the saloons being retired, only the SUVs stay on sale": the named ones stay
            if value == "planned" and search_part(_NOT_A_MODEL_RETURNING, s[max(0, m.start() - 25):m.start()], s):
                continue  # "when growth will return"
            out.append(Finding(i, off + m.start(), off + m.end(), "lifecycle", value))
    for m in UPCOMING.finditer(s):
        status = status_for(s, len(s), cues(s), 0)
        out.append(Finding(i, off + m.start(), off + m.end(), "lifecycle", "planned", status=status))
    events = [(m, attribute) for rx, attribute in EVENTS_RE for m in rx.finditer(s)]
    # Dates only matter to an event word; most sentences have none, so skip the date grammar.
    dates = find_dates(s, pub, off) if events else []
    sent_cues = cues(s) if events else []
    for m, attribute in events:
        later = [e.start() for e, _ in events if e.start() >= m.end()]
        date = _date_for(dates, off + m.start(), off + m.end(), attribute, s, off, later[0] + off if later else None)
        if date is None and attribute == "reveal" and pub is not None and _JUST_DONE.search(s, 0, m.start()):
            # "Genesis has unveiled the GV60": news of a reveal is dated by its own publication
            out.append(Finding(i, off + m.start(), off + m.end(), attribute, f"{pub.year}-{pub.month:02d}"))
            continue
        if date is None:
            continue
        if attribute == "reveal" and m.group().lower() == "announced" and _WEEKDAY.search(date.text):
            continue  # "the company announced on Monday": when it was said, not a reveal
        if attribute == "reveal" and (_DETAILS_BEFORE.search(s, max(0, m.start() - DETAILS_WINDOW), m.start())
                                      or _NOT_A_CAR_AFTER.match(s, m.end())):
            continue  # "pricing ... should be revealed in early November": not the car's reveal
        if attribute == "on_sale" and _AT_A_SHOW.match(s, m.end()):
            attribute = "reveal"  # "launched at the Geneva motor show": shown, not sold (contract: "Launch")
        region = launch_region(s, m.start(), m.end(), home) if attribute == "on_sale" else None
        negated = _called_off(s, m.start(), date.start - off)
        status = None
        if negated and search_part(_FAILED_PLAN_BEFORE, s[max(0, m.start() - 40):m.start()], s):
            status = "confirmed"  # "had been slated to debut in 2026, but ...": what did not happen is a fact
        elif attribute == "on_sale" and (m.group().lower().startswith("due") or _INTENT.match(m.group())
                                         or "scheduled" in m.group().lower()):
            # "due spring 2016", "looking to introduce it by next year": a schedule or an intent, likely, not done
            status = status_for(s, m.start(), sent_cues, 0)
            status = "expected" if status == "confirmed" else status
        hedge = [c for c in sent_cues if m.end() <= c[0] < date.start - off and c[2] in ("speculative", "rumored")]
        if hedge:
            status = hedge[-1][2]  # "once it lands, possibly by mid-2014": the hedge between event and date
        out.append(Finding(i, off + m.start(), off + m.end(), attribute, date.value, region=region, negated=negated,
                           status=status, qualifier_text="model year" if date.model_year else None))
        if region and region != "global":
            # a launch in a market says the model is sold there ("would not arrive": is not)
            out.append(Finding(i, off + m.start(), off + m.end(), "market", region, negated=negated, event=True,
                               status=status))
        if "respectively" in s:
            # "scheduled for 2025 and 2026 respectively": one event per date, in the order of the models
            prev = date
            for d in dates:
                if d.start > prev.end and _AND_NEXT.fullmatch(s, prev.end - off, d.start - off):
                    out.append(Finding(i, d.start, d.end, attribute, d.value, region=region, negated=negated,
                                       status=status))
                    prev = d
        if date.range_end and attribute == "production_start":
            out.append(Finding(i, off + m.start(), off + m.end(), "production_end", date.range_end))
    return _dedupe(out)


# A launch at a show is a reveal: "launched at the Geneva motor show", "launched at Auto Expo 2023".
_AT_A_SHOW = re.compile(r"\s+(?:\w+\s+){0,3}?at\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}?(?:motor\s+show|auto\s+show|show|salon|"
                        r"expo|auto\s+expo|motor\s+expo|Auto\s+China|IAA|CES|Goodwood|event)\b", re.I)
# An intention rather than a plan fixed: "looking to introduce", "plans to introduce".
# Between two dates of a "respectively" list: "2025 and 2026", "2025, 2026".
_AND_NEXT = re.compile(r",?\s+(?:and\s+)?|,\s*")
_INTENT = re.compile(r"(?:plans?|looking|aims?|hopes?|wants?)\s+to\b", re.I)
# A negation governing an event word: "would not arrive in 2023", "won't debut".
_NOT_BEFORE = gated(r"(?:\b(?:not|never)\b|n['’]t\b)\s+(?:\w+\s+){0,2}$", re.I)
# A plan told in the past perfect did not happen: "had been slated to debut in 2026, but ...".
_FAILED_PLAN_BEFORE = gated(r"\bhad\s+(?:also\s+)?been\s+(?:scheduled|due|set|slated|planned|expected|supposed)\s+to\s+"
                            r"(?:\w+\s+){0,2}$", re.I)
# "won't reach showrooms before 2017": a date bound, so the event does happen, later.
_DATE_BOUND_BEFORE = gated(r"\b(?:before|until|till|prior\s+to)\s+$", re.I)


def _called_off(s: str, start: int, date_start: int) -> bool:
    """Whether the event at ``start`` is said not to happen at its date."""
    window = s[max(0, start - 40):start]
    if search_part(_FAILED_PLAN_BEFORE, window, s):
        return True
    return bool(search_part(_NOT_BEFORE, window, s)) and not search_part(
        _DATE_BOUND_BEFORE, s[max(0, date_start - 15):max(0, date_start)], s)


# A date this far (characters) after its event word, past other words, loses to one framing the sentence.
FAR_AFTER = 60
# "for the 2019 model year" right after a sales word.
_FOR_MODEL_YEAR = re.compile(r"\bfor\s+(?:the\s+)?$", re.I)
# How close (characters) a date past a model year must stand to its event word.
NEAR_AFTER = 40
# A date that starts within this many characters of the sentence start frames the whole sentence.
FRAME_CHARS = 15


def _date_for(dates: list[DateExpr], start: int, end: int, attribute: str, s: str, off: int,
              next_event: int | None = None):
    """The date expression an event word governs: the next in its clause (not past the next
    event word, whose date it would be), else the one just before."""
    clause_end = _clause_bound(s, end - off, forward=True, nominal=bool(_OF_AFTER.match(s, end - off))) + off
    if next_event is not None:
        clause_end = min(clause_end, next_event)
    clause_start = _clause_bound(s, start - off, forward=False) + off
    after = [d for d in dates if d.start >= start and d.end > end and d.start <= clause_end]
    # A date before the event word counts when it stands next to it or frames the sentence
    # ("Back in the summertime, ... Infiniti showed off"), not from an earlier clause.
    before = [d for d in dates if d.end <= start and d.end >= clause_start
              and (start - d.end <= 40 or d.start - off <= FRAME_CHARS)]
    if attribute == "on_sale" and after and after[0].model_year and _FOR_MODEL_YEAR.search(
            s, max(0, after[0].start - off - 12), after[0].start - off) and after[0].start - end <= NEAR_AFTER:
        return after[0]  # "arrived for the 2019 model year": the US way to date a sales start
    if attribute not in ("production_end", "production_start") and after and after[0].model_year:
        # "its debut as a 2027 model by next spring": past a model year, a date close by
        after = [d for d in after[1:] if not d.model_year and d.start - end <= NEAR_AFTER]
    before = [d for d in before if not d.model_year]  # "2025 Infiniti QX60 revealed": a model year, not when
    if _SINCE_BEFORE.search(s, max(0, start - off - SINCE_WINDOW), start - off):
        before = []  # "In November it rose to second place, a first since it was launched": not the launch's date
    if after and before and after[0].start - end > FAR_AFTER and before[-1].start - off <= FRAME_CHARS:
        # "Last year the company stopped making the Leaf ..., readying the plant to build SUVs from 2027"
        return before[-1]
    for d in after[:1] + before[-1:]:
        return d
    return None


_CLAUSE = gated(r"[;:—–]| and (?:is|was|will|has|discontinued|the)\b|, (?:and|but|which|while|leaving)\b|\bwhich\b")
# An event in a "since" clause ("since it was launched", "since its debut") is dated inside the
# clause or not at all.
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:(?:it|they|the\s+\w+|its|their)\s+)?(?:(?:was|were|had\s+been|has\s+been|first)\s+)*$", re.I)
SINCE_WINDOW = 30


# An event named as a noun with its object: "first deliveries of the 001 and the X are due in autumn".
_OF_AFTER = re.compile(r"\s*of\b|(?<=of)\b")
# Clause ends for such a noun phrase: "and the" joins its objects, not two clauses.
_NOMINAL_CLAUSE = gated(r"[;:—–]| and (?:is|was|will|has|discontinued)\b|, (?:and|but|which|while|leaving)\b|\bwhich\b")


def _clause_bound(s: str, pos: int, forward: bool, nominal: bool = False) -> int:
    if forward:
        m = (_NOMINAL_CLAUSE if nominal else _CLAUSE).search(s, pos)
        return m.start() if m else len(s)
    last = 0
    for m in _CLAUSE.finditer(s, 0, pos):
        last = m.end()
    return last


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen, out = set(), []
    for f in findings:
        key = (f.attribute, f.value, f.start)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


@component("lifecycle", requires=("sentences", "home"), provides=("findings",))
def lifecycle(art: Annotated) -> None:
    """Find lifecycle states and dated events in every sentence."""
    pub = parse_pub_date(art.doc.date)
    for sent in art.sentences:
        art.findings.extend(find_lifecycle(sent, pub, art.home))
