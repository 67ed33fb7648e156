"""Certainty and attribution: the status each claim gets from the cues that
govern it, and the source a statement is attributed to.

A frame at the head of a sentence ("Rumour has it that", "If", "According to
reports") governs the whole sentence; a modal next to the value ("could
exceed", "is expected to") governs its clause and wins over a weaker frame,
while an official "confirmed that ... would" stays a confirmation.
"""
from __future__ import annotations

import re
from functools import lru_cache

from autodossier.extract import prefilter
from autodossier.extract.firstchars import with_first_guard  # for the word-led patterns below: same matches, faster scans
from autodossier.extract.prefilter import GatedPattern, gated, literal_mask, per_sentence_cache

CUES = [
    ("confirmed_data", r"according to (?:the )?(?:data|figures|statistics|registration data|sales data|the numbers)|"
                       # early counts are still counts: "preliminary figures show 24,835 registrations"
                       r"preliminary (?:figures|data|numbers|results|registrations?|sales)|"
                       # the maker's own documents
                       r"according to (?:a|an|the|its|their) (?:regulatory |stock[- ]exchange |company |official )?"
                       r"(?:filing|statement|press release|release|announcement)"),
    # "has no plans to" / "is not planned" state the maker's intent as fact (a confirmed negation);
    # "denied" is kept for rebuttals of reports and speculation.
    # "ruled out a US launch" is the maker's decision too; ruling out a rumour or report is a denial.
    # the maker "intends to" state its own decision, as a confirmation would
    ("no_plans", r"(?:has|have|had|there (?:are|were)) no (?:current )?plans|no plans to|(?:is|are) not planned|"
                 r"intends? to|intention to|scheduled|"
                 r"(?:ruled|rules|rule) out(?!\s+(?:the\s+|any\s+|such\s+)?(?:rumou?rs?|speculation|reports?|claims?|"
                 r"suggestions?|talk)\b)"),
    ("denied", r"denied|denies|deny|ruled out|rules out|dismissed"),
    ("rumored", r"rumou?rs?|rumou?red|is said to|are said to|said to be|allegedly|supposedly|word is|whispers|"
                r"hearsay|insiders|speculation|it is believed|believed to|tipped (?:to|for)|purportedly|"
                r"it is thought|it['’]s thought|(?:is|are) thought to|thought to be"),
    ("speculative", r"could|might|(?-i:may)(?!\s+\d)|if|possibl[ey]|potential(?:ly)?|perhaps|maybe|renderings?|"
                    r"imagin\w*|envision\w*|wish|hope(?:fully)?|the ability to|question|would|"
                    r"speculat\w*|conceivabl[ey]|in theory|what if|toying with"),
    ("expected", r"expected|expects|expect|set to|plans? to|planned|planning|likely|anticipated|"
                 r"should|due (?:to|in|out|for)|slated|aims? to|projected|forecast|considering|"
                 # "going to be offered", not "examples going to new owners"
                 r"going to(?!\s+(?:the|a|an|its|their|his|her|new|owners|customers|buyers|dealers|market)\b)|on track|preliminary|earmarked|poised|consideration|considers|contemplat\w*|hop(?:es|ing)\s+to|weighing\s+(?:an?|whether|up|plans|options)|mulling|"
                 # the writer's own confident guess
                 r"almost certainly|in all likelihood|probably|(?-i:Look for)|targets?|targeting|"
                 r"pencil(?:l)?ed in"),
    ("reported", r"according to|reportedly|reported|reports?|sources?(?: said| say| says| close| familiar)?|(?-i:per(?=\s+[A-Z]))|as per|"
                 r"the source said|told|cited|citing|claims?|suggests?|suggested|sources? said|"
                 # another outlet's word, news still "emerging", leaks: reported, not the maker's
                 r"(?:the|that|this)\s+(?:outlet|publication|magazine|newspaper|website)|understands|"
                 r"(?:is|are)\s+understood\s+to|it\s+is\s+understood|it['’]s\s+understood|we\s+understand|"
                 r"emerg(?:ed|ing)|leaked|spy\s+(?:shots|photos|images)|"
                 # unnamed informants: "people familiar with the matter", "a person with knowledge of"
                 r"familiar with the (?:matter|plans?|situation|project|discussions?|programme|program)|"
                 r"(?:people|persons?) with (?:direct )?knowledge|"
                 # the informants named earlier, at the end: "..., the people said"
                 r"(?:the|those|these)\s+(?:people|persons?|sources?)\s+(?:said|say|says|added)"),
    ("confirmed", r"confirm(?:ed|s)|announced|officially|official|revealed|unveiled|launched|introduced|debuted|"
                  r"showed|according to (?:data|figures|statistics|registration data|the numbers)"),
]
# Every cue starts with a letter or an apostrophe; the look-ahead lets the scan skip other
# positions before it tries the many alternatives (a third faster on typical sentences).
_CUE_RE = gated("(?=[a-z'])(?:" + "|".join(rf"(?P<{name}>\b(?:{pat})\b)" for name, pat in CUES) + ")", re.I)


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regex source (split at ``|`` outside groups and classes)."""
    out, depth, in_class, start, i = [], 0, False, 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    return out + [pattern[start:]]


def _cue_alternatives() -> tuple[list, int]:
    """Each cue's alternatives with the literal bits each needs (one int per required set), and
    the union of all those bits (the part of a text's mask that decides which alternatives stay)."""
    table, bits = [], 0
    for name, pat in CUES:
        alts = []
        for alt in _alternatives(pat):
            rx = gated(alt, re.I)
            masks = rx.masks if isinstance(rx, GatedPattern) else ()
            alts.append((alt, masks))
            for m in masks:
                bits |= m
        table.append((name, alts))
    return table, bits


_CUE_ALTS, _CUE_BITS = _cue_alternatives()
# Cue patterns compiled per set of literals present: enough for every combination a large corpus
# shows many times over; past it the cache starts over.
MAX_CUE_PATTERNS = 4096
_cue_patterns: dict[int, re.Pattern | None] = {}


def _cue_pattern(text: str) -> re.Pattern | None:
    """``_CUE_RE`` less the alternatives ``text`` lacks the literals for (None: no cue can match).

    An alternative that cannot match anywhere in the text never wins at any position, so the
    smaller pattern finds exactly the same cues, without trying ~80 alternatives at every letter.
    """
    if not prefilter.ENABLED:
        return _CUE_RE
    key = literal_mask(text) & _CUE_BITS
    if key in _cue_patterns:
        return _cue_patterns[key]
    groups = []
    for name, alts in _CUE_ALTS:
        kept = [alt for alt, masks in alts if all(key & m for m in masks)]
        if kept:
            groups.append(rf"(?P<{name}>\b(?:{'|'.join(kept)})\b)")
    rx = re.compile("(?=[a-z'])(?:" + "|".join(groups) + ")", re.I) if groups else None
    if len(_cue_patterns) >= MAX_CUE_PATTERNS:
        _cue_patterns.clear()
    _cue_patterns[key] = rx
    return rx


# Clause boundaries: a hedge or an attribution after the value governs it only up to the next one.
# Guarded: "re" has no fast start scan for this alternation (see extract.firstchars).
CLAUSE_BOUNDARY = with_first_guard(re.compile(r"[;:—–]|, (?:and|but|which|while|leaving|although|though|whereas|with)\b|\bwhich\b|\bwho\b"))
# A hedge that is the verb of its clause ("is rumoured to", "are said to") rather than a sentence frame.
_VERB_CUE = with_first_guard(re.compile(r"\b(?:is|are|was|were|has been|have been)\s*$", re.I))
# Cue words that confirm whoever reports them ("According to X, the maker confirmed ...").
_CONFIRMING = frozenset({"confirmed", "confirms", "announced", "officially", "official"})


def _confirming(text: str, cue: tuple[int, int, str]) -> bool:
    """Whether a cue is a statement that confirms ("confirmed", "officially"; not "not yet announced")."""
    return cue[2] == "confirmed" and text[cue[0]:cue[1]].lower() in _CONFIRMING


_RANK = {"confirmed": 5, "reported": 4, "expected": 3, "rumored": 2, "speculative": 1, "denied": 0}
# A frame is a cue within the first words of a sentence, before its main clause.
FRAME_CHARS = 45

SOURCE = gated(
    r"\b(?i:according to|per|speaking to|told|said to|reported by|via|citing|cited by|in an interview with)\s+"
    r"(?P<src>(?:the\s+)?[A-Z][\w&.'’-]*(?:\s+(?:&\s+)?[A-Z][\w&.'’-]*){0,3})"
    r"|(?P<src2>[A-Z][\w&.'’-]*(?:\s+(?:&\s+)?[A-Z][\w&.'’-]*){0,3})\s+(?:reports|reported|said|says|claims)\b",
)
_NOT_SOURCE = frozenset({"Reports", "The", "Sources", "It", "He", "She", "They", "We", "This", "That", "Infiniti",
                         "Data", "Foreign"})


# A statement verb before "would" makes it the past of "will", not a hypothesis.
_REPORTED_SPEECH = with_first_guard(re.compile(r"\b(?:said|says|confirmed|confirms|announced|told|added|stated|insisted|"
                              r"promised|revealed|explained|reported|wrote|noted|claimed|announcing|confirming|saying|stating)\b(?:(?!\bif\b)[^;])*$", re.I))
# Reporting verbs whose speaker decides between a report and an official statement.
_AGENT_VERBS = frozenset({"told", "claims", "claim", "reported", "reports"})
# Who speaks for the maker; the speaker's name may follow the title ("CEO RJ Scaringe told").
_OFFICIAL = with_first_guard(re.compile(
    r"\b(?:company|carmaker|automaker|manufacturer|brand|firm|spokes(?:wo)?(?:man|person)|representative|"
    r"CEO|chief(?:\s+\w+)?|boss|chair(?:man|woman)?|president|director|executive|head of \w+|"
    r"Group|Motors?|Corp\w*|AG|Inc\.?)"
    r"(?:\s+[A-Z][\w'’-]*){0,3}(?:\s+(?:on|this|last)\s+\w+)?\s*$"))
# The speaker after a make's name: "Lucid Group on Tuesday reported", "Lamborghini claims".
_AFTER_MAKER = re.compile(r"^(?:\s+(?:Group|Motors?|Corp\w*|AG|Inc\.?|Co\.?))?(?:\s+(?:on|this|last)\s+\w+)?\s*$")
# Third parties: a speaker window naming them keeps the statement a report.
_THIRD_PARTY = with_first_guard(re.compile(r"\b(?:sources?|people|persons?|insiders?|analysts?|reports?|dealers?|suppliers?)\b", re.I))
# How far before a reporting verb its speaker is looked for.
AGENT_CHARS = 50


# Compiled once (each runs per reporting verb or source): the punctuation that ends a speaker's
# clause, and a leading article before a source's name.
_CLAUSE_PUNCT = re.compile(r"[,;:—–]")
_LEADING_THE = re.compile(r"^the\s+", re.I)


def _official_agent(text: str, pos: int, agents) -> bool:
    """Whether the speaker of the reporting verb at ``pos`` is the maker or one of its officials."""
    window = text[max(0, pos - AGENT_CHARS):pos]
    window = _CLAUSE_PUNCT.split(window)[-1]
    if _THIRD_PARTY.search(window):
        return False
    if _OFFICIAL.search(window):
        return True
    return any(0 <= pos - end <= AGENT_CHARS and _AFTER_MAKER.match(text[end:pos]) for end in agents)


# The maker or one of its officials named right after "according to" ("the company's website",
# "Toyota president Akio Toyoda"); the speaker's words end at the first comma.
_OFFICIAL_AFTER = with_first_guard(re.compile(
    r"^\s+(?:the\s+)?(?:(?:[A-Z][\w'’-]*|its|their)\s+){0,3}(?:company|carmaker|automaker|manufacturer|brand|"
    r"firm|spokes(?:wo)?(?:man|person)|representative|CEO|chief|boss|chair(?:man|woman)?|president|"
    r"director|executive|head)\b"))
# What may follow a make's name that speaks for itself: "according to Lucid," / "Lucid's website".
_MAKER_SPEAKS = re.compile(r"(?:\s+(?:Group|Motors?|Corp\w*|AG|Inc\.?|Co\.?))?(?:\s*[,.;]|['’]s\b|$)")


def _official_source(text: str, pos: int, agents) -> bool:
    """Whether "according to" ending at ``pos`` names the maker or its officials as the source."""
    window = _CLAUSE_PUNCT.split(text[pos:pos + AGENT_CHARS])[0]
    if _THIRD_PARTY.search(window):
        return False
    if _OFFICIAL_AFTER.match(window):
        return True
    return any(0 < end - pos <= AGENT_CHARS and _LEADING_NAME.fullmatch(text, pos, end)
               and _MAKER_SPEAKS.match(text, end) for end in agents)


# A make's name standing alone after "according to": "the" and capitalised words only.
_LEADING_NAME = re.compile(r"\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}")


# A confirmation denied: "not (yet) (been) (officially) confirmed", "yet to be announced", "never announced".
_NEGATED_BEFORE = re.compile(r"(?:\b(?:not|never|nothing|yet\s+to\s+be|yet\s+to|no)|n['’]t)\s+(?:yet\s+)?(?:been\s+|be\s+)?"
                             r"(?:officially\s+|publicly\s+|formally\s+)?$", re.I)
# A plan told in the past perfect ("had been scheduled to debut in 2025", "had been due to"): the
# plan itself is history, stated as fact.
_PAST_PLAN = re.compile(r"\bhad\s+(?:also\s+|originally\s+|previously\s+|initially\s+)?been\s+(?:originally\s+)?$", re.I)
# Event verbs that confirm when told as done ("has revealed", "was unveiled"), not as to come.
_EVENT_WORDS = frozenset({"revealed", "unveiled", "launched", "introduced", "debuted", "showed", "officially"})
_EVENT_TO_COME = re.compile(r"\b(?:be|to)\s+(?:officially\s+|formally\s+|fully\s+|publicly\s+|first\s+)?$", re.I)
_SETTLED_QUESTION = re.compile(r"\b(?:in|without|no|beyond)\s+$", re.I)
# "source" as the verb of buying parts: after a modal or "to", or before what is bought.
_SOURCE_VERB_BEFORE = re.compile(r"\b(?:will|would|to|also|can|could|may|might|must|and)\s+$", re.I)
_SOURCE_VERB_AFTER = re.compile(r"\s+(?:its|their|the|engines?|motors?|batter(?:y|ies)|cells|parts|components|"
                                r"from)\b|\s+[A-Z][\w-]*['’]s\b")


# A sentence told in the past ("the old RS3 had 400 hp and could dash ..."): its "could" is what the
# car was able to do. The past verb must come before, in the same sentence, with no "if" between.
# A perfect or passive ("has ever offered", "are made") is no past tense; "Were we to" is a condition.
_PAST_NARRATIVE = re.compile(r"(?<!has )(?<!have )(?<!ever )(?<!are )(?<!is )(?<!be )\b"
                             r"(?:went|was|were(?!\s+(?:we|it|they|he|she|you|I)\b)|had|came|made|produced|"
                             r"delivered|offered|used|drove|sent|developed|managed)\b"
                             r"(?:(?!\bif\b|\bwhether\b|\bwill\b|\bwould\b)[^;])*$", re.I)


# Cue words whose reading depends on their neighbours (the checks in ``cues``).
_CHECKED_WORDS = (frozenset({"source", "sources", "question", "could", "would", "according to"}) | _AGENT_VERBS
                  | _CONFIRMING | _EVENT_WORDS)


# The subject of a "could" clause that continues the one before ("..., and it could dash").
_SAME_SUBJECT = re.compile(r"\s*(?:and\s+|but\s+|so\s+)?(?:it|they|he|she|the\s+car)\s+(?:also\s+|still\s+)?$", re.I)


def _past_ability(text: str, at: int) -> bool:
    """Whether the "could" at ``at`` is a past ability: a simple past earlier in its own clause, or in
    the clause before when its subject is the same car ("it", "they")."""
    opened = max(text.rfind(p, 0, at) for p in ",;:–—")
    if opened >= 0 and not _SAME_SUBJECT.fullmatch(text, opened + 1, at):
        return bool(_PAST_NARRATIVE.search(text, opened + 1, at))
    return bool(_PAST_NARRATIVE.search(text, 0, at))


# Cues found per (sentence, agents): assemble and attach both ask for every sentence with a finding.
# Past this many the cache starts over. Callers only read the list they get.
MAX_CACHED_CUES = 256


def cues(text: str, agents=()) -> list[tuple[int, int, str]]:
    """Every certainty cue in a sentence as (start, end, status) (the same list for the same
    arguments: read it, do not change it).

    ``agents``: offsets (relative to the sentence) where a make's name ends, so that a reporting
    verb right after it ("Lamborghini claims") reads as the maker's own statement.
    """
    return _cached_cues(text, tuple(agents))


@per_sentence_cache(MAX_CACHED_CUES)
def _cached_cues(text: str, agents: tuple[int, ...]) -> list[tuple[int, int, str]]:
    return _cues(text, agents)


def _cues(text: str, agents) -> list[tuple[int, int, str]]:
    out = []
    rx = _cue_pattern(text)
    for m in rx.finditer(text) if rx is not None else ():
        status = "confirmed" if m.lastgroup in ("confirmed_data", "no_plans") else m.lastgroup
        word = m.group().lower()
        if word in _CHECKED_WORDS or status == "expected":
            if word in ("source", "sources") and (
                    _SOURCE_VERB_BEFORE.search(text, max(0, m.start() - 12), m.start())
                    or _SOURCE_VERB_AFTER.match(text, m.end())):
                continue  # "Ineos will source BMW's six-cylinder": buying parts, not an informant
            if word in _CONFIRMING and _NEGATED_BEFORE.search(text, max(0, m.start() - 24), m.start()):
                # "has not been confirmed", "is yet to be officially announced": still open
                out.append((m.start(), m.end(), "speculative"))
                continue
            if status == "expected" and _PAST_PLAN.search(text, max(0, m.start() - 20), m.start()):
                status = "confirmed"  # "had been slated to start at $39,000": what the plan was, a fact
            if word in _EVENT_WORDS and _EVENT_TO_COME.search(text, max(0, m.start() - 24), m.start()):
                continue  # "is expected to be revealed", "will be launched": an event to come confirms nothing
            if word == "question" and _SETTLED_QUESTION.search(text, max(0, m.start() - 12), m.start()):
                continue  # "the cars in question", "without question": no doubt raised
            if word == "could" and _past_ability(text, m.start()):
                continue  # "Drive went to all four wheels, and it could dash to 100km/h in 4.6s": past ability
            if word == "would" and _REPORTED_SPEECH.search(text, 0, m.start()):
                continue  # "Alfa said the cars would remain": reported speech, a "will" in the past
            if status == "reported" and word in _AGENT_VERBS and _official_agent(text, m.start(), agents):
                status = "confirmed"  # "Lamborghini claims", "CEO RJ Scaringe told investors": the maker speaks
            elif word == "according to" and _official_source(text, m.end(), agents):
                status = "confirmed"  # "According to Toyota president Akio Toyoda", "according to Lucid,"
        out.append((m.start(), m.end(), status))
    if text.rstrip().endswith("?"):
        out.append((0, 0, "speculative"))
    return out


# A modal inside a relative or comparative clause ("which meant the press could not drive it",
# "in a way only GM could pull off", "than the old car could manage") hedges that clause alone.
_MODALS = frozenset({"could", "might", "may", "would"})
# "that" is a relative pronoun after a noun ("a step that could"), a demonstrative at the head of a
# clause ("That would let", "Locally, that would", "and that could").
_SUBORDINATE = re.compile(r"\b(?:which|who|whom|whose|where|than|only|(?<=[a-z] )that)\b[^,;:–—(]*$", re.I)
_NOT_ANTECEDENT = re.compile(r"\b(?:and|but|or|so|yet|because|as|if|since|while|then|now|is|was|are|were|"
                             r"says?|said|means?|meant|shows?|suggests?)\s+that\b[^,;:–—(]*$", re.I)


# Hedges that are the verb of their clause rather than a frame over the sentence.
_CLAUSE_VERBS = _MODALS | _CONFIRMING


def _subordinate_modal(text: str, cue: tuple[int, int, str]) -> bool:
    """Whether a modal hedges only the relative or comparative clause it sits in."""
    if text[cue[0]:cue[1]].lower() not in _MODALS:
        return False
    m = _SUBORDINATE.search(text, max(0, cue[0] - 60), cue[0])
    if m is None:
        return False
    return not (m.group().lower().startswith("that") and _NOT_ANTECEDENT.search(text, max(0, cue[0] - 70), cue[0]))


# A value set against the present: "compared with $18,890 at present", "up from 288,900 yuan",
# "the V6 currently used in the Z with 400 hp". What is on sale today is a fact, whatever the
# sentence hedges about the future.
_PRESENT_BEFORE = re.compile(r"\b(?:currently|at present|today['’]s)\b(?:[^,;:–—(]|(?<=\d),(?=\d)){0,40}$"
                             # a comparison's other figure follows it at once ("compared with $18,890 to")
                             r"|\b(?:compared (?:with|to)|up from|down from|a step up from)\s+"
                             r"(?:(?:the|a|an|about|around|roughly|some|just|only|[$€£¥]|[\d.,]+|to|and|-|"
                             r"US\$|A\$|Rs\.?|RM|R)\s*){0,4}$", re.I)
_PRESENT_AFTER = re.compile(r"(?:[^,;:–—()]|(?<=\d),(?=\d)){0,25}?\b(?:at present|currently on sale|today)\b", re.I)


# A confirmation closing the sentence governs all of it: "..., Lexus has confirmed."
_CONFIRMED_TAIL = re.compile(r",(?:(?!\bnot\b|n['’]t\b|\byet\b)[^,;:–—]){0,50}\b(?:has |have |had )?"
                             r"(?:confirmed|announced)\W{0,3}$")


# Words any of the present-state, past-tense and closing-confirmation rules needs: most sentences
# have none, and a sentence is asked about once per value and candidate subject.
_PRESENT_WORDS = re.compile(r"(?=[cudatCUDAT])(?:compared|up from|down from|currently|at present|today)", re.I)
# How far from a value a present-state word may stand (the windows of _PRESENT_BEFORE / _AFTER).
PRESENT_REACH = 60
# Sentences whose traits are remembered: a document's worth, as status_for asks in sentence order.
TRAIT_CACHE = 256


@lru_cache(maxsize=TRAIT_CACHE)
def _traits(text: str) -> tuple[tuple[int, ...], bool, re.Match | None, tuple[int, ...]]:
    """Where a sentence's present-state words are, whether it may tell the past, its closing
    confirmation (", Lexus has confirmed."), if any, and where its contrasts (", but") end."""
    end = text[-16:]
    tail = _CONFIRMED_TAIL.search(text) if ("confirmed" in end or "announced" in end) else None
    return (tuple(m.start() for m in _PRESENT_WORDS.finditer(text)), bool(_PAST_VERB.search(text)), tail,
            tuple(m.end() for m in _CONTRAST.finditer(text)))


def _present_state(text: str, pos: int, found) -> bool:
    m = _PRESENT_BEFORE.search(text, max(0, pos - 60), pos)
    if m is not None:
        return not any(m.start() < c[0] < pos for c in found)  # "currently expected to arrive in 2025"
    m = _PRESENT_AFTER.match(text, pos)
    return m is not None and not any(pos < c[0] < m.end() for c in found)


# "That date may sound optimistic, but the car is due to be replaced": a hedge does not
# carry past a contrast into the clause that answers it.
_CONTRAST = re.compile(r",\s+(?:but|yet|although|though|however)\b|;\s+(?:but|however)\b")


# A clause told in the simple past states what happened: "the original Myvi was discontinued".
_PAST_VERB = re.compile(r"(?=[wchmposuade])(?<!be )(?<!been )(?<!has )(?<!have )(?<!had )(?<!is )(?<!are )(?<!ever )\b"
                        r"(?:was|were|went|came|had|made|produced|offered|sold|used|debuted|arrived|ended)\b"
                        r"(?!\s+(?:to|going|due|set|about|expected|likely)\b)", re.I)


_CONDITION = re.compile(r"\b(?:if|whether)\b", re.I)


def _past_clause(text: str, clause_start: int, pos: int) -> bool:
    """Whether the clause holding ``pos`` is in the simple past (and no condition)."""
    boundary = CLAUSE_BOUNDARY.search(text, pos)
    clause = text[clause_start:boundary.start() if boundary else len(text)]
    return bool(_PAST_VERB.search(clause)) and not _CONDITION.search(clause)


_MAIN_VERB = re.compile(r"\s+(?:is|are|was|were|has|have|had|will|uses|gets|makes|comes|offers|features|packs|"
                        r"boasts|keeps|retains|sits|rides|adds|brings|carries|shares|runs|employs|produces|"
                        r"develops|delivers|continues|remains)\b", re.I)


def _closed_aside(text: str, cue: tuple[int, int, str], pos: int) -> bool:
    """Whether a cue opens an aside that closes before ``pos``: "The Navara Pro-4X, due to arrive
    this year, uses the usual 2.3-litre" (the aside hedges the arrival, not what follows it)."""
    if cue[2] != "expected":
        return False
    opened = text.rfind(",", 0, cue[0])
    if opened <= 0 or text[opened + 1:cue[0]].strip():
        return False
    closed = text.find(",", cue[1], pos)
    # the main clause resumes with its verb (a comma of a list inside the aside does not close it)
    return closed >= 0 and bool(_MAIN_VERB.match(text, closed + 1))


# Words that state a plan, which a confirmation makes official ("confirmed it is set to", "due to");
# other expectation words stay the speaker's own estimate ("confirmed it is likely to cost").
_PLAN_WORD = re.compile(r"set to|due|plans?|planned|planning|scheduled|slated|on track|going to|intends?|aims?|poised|"
                        r"earmarked|pencil", re.I)


def status_for(text: str, pos: int, found: list[tuple[int, int, str]], clause_start: int) -> str:
    """The status of a value stated at ``pos`` (relative to the sentence)."""
    if not found:
        return "confirmed"  # no cue at all: stated as fact (most sentences)
    present, past, tail, contrasts = _traits(text)
    if any(pos - PRESENT_REACH <= at < pos + PRESENT_REACH for at in present) and _present_state(text, pos, found):
        return "confirmed"
    if tail is not None and pos < tail.start() and not _THIRD_PARTY.search(tail.group()) and not any(
            c[0] < tail.start() and c[2] in ("rumored", "speculative", "denied", "expected")
            and not _subordinate_modal(text, c) for c in found):
        # "After well-publicised delays ..., the RX will reach Australia in 2026, Lexus has
        # confirmed." (an expectation the maker confirms stays one: "is expected to ..., Kia confirmed")
        return "confirmed"
    frame = [c for c in found if c[0] < FRAME_CHARS and c[0] <= pos and not _subordinate_modal(text, c)
             and not _closed_aside(text, c, pos)]
    if frame and text[frame[0][0]:frame[0][1]].lower() == "if" and "," in text[frame[0][0]:pos]:
        frame = []  # "Even if X, Y": the condition governs X only
    if frame and clause_start > frame[0][1] and _VERB_CUE.search(text, 0, frame[0][0]):
        # "Honda is rumoured to ..., while the Prelude ...": a verb's hedge stays in its clause
        found = [c for c in found if c != frame[0]]
        frame = []
    if frame and text[frame[0][0]:frame[0][1]].lower() in _CLAUSE_VERBS and _CONTRAST.search(text, frame[0][1], pos):
        frame = []  # a modal (or "not yet announced") is the verb of its own clause, answered by the contrast
    local = [c for c in found if clause_start <= c[0] <= pos and not _closed_aside(text, c, pos)]
    frame_status = frame[0][2] if frame else None
    if not local:
        contrast = max((end for end in contrasts if end <= pos), default=0)
        local = [c for c in found if contrast <= c[0] <= pos and c not in frame and not _subordinate_modal(text, c)
                 and not _closed_aside(text, c, pos)]
        trailing = _trailing(text, pos, found)
        if trailing and frame_status not in ("rumored", "speculative", "denied"):
            # "Kia has revealed the EV2 – Spanish sales are expected to start in 2026": the hedge of
            # the value's own clause wins over an earlier clause's event word, though not over the
            # maker's statement ("Mazda has announced ..., with production due to end in April")
            return "confirmed" if any(_confirming(text, c) for c in local + frame) else trailing
        verb_frame = bool(frame) and clause_start > frame[0][1] and text[frame[0][0]:frame[0][1]].lower() in _MODALS
        if past and (not frame or verb_frame) and _past_clause(text, clause_start, pos):
            return "confirmed"  # "..., but the model is due to be replaced – the original was discontinued"
    local_status = local[-1][2] if local else None
    if frame_status == "reported" and local_status == "confirmed" and not _confirming(text, local[-1]):
        return "reported"  # "According to Car and Driver, ... when it is revealed": the report governs
    future_would = bool(local) and text[local[-1][0]:local[-1][1]].lower() == "would"
    stated = [c for c in local if c[2] == "confirmed"] + [c for c in frame if _confirming(text, c)]
    if stated and (local_status == "confirmed" or future_would or (
            local_status == "expected" and _PLAN_WORD.search(text, local[-1][0], local[-1][1]))):
        # "Infiniti confirmed that the Q50 would return", "VW has confirmed that ..., with the new
        # model set to arrive in 2029": an official statement about the future.
        confirm_at = max(c[0] for c in stated)
        if not any(c[2] in ("speculative", "rumored") and c[0] > confirm_at
                   and text[c[0]:c[1]].lower() != "would" for c in local):
            return "confirmed"
    if frame_status in ("rumored", "speculative", "denied"):
        if local_status not in ("speculative", "denied"):
            return frame_status
    if local_status:
        return local_status
    if frame_status:
        return frame_status
    return _trailing(text, pos, found) or "confirmed"


# Hedges that reach back to a value stated before them in their clause ("a reveal is rumoured for 2027").
_TRAILING = ("reported", "expected", "rumored", "speculative")


def _trailing(text: str, pos: int, found) -> str | None:
    """The report or expectation stated after a value in its clause that governs it, if any."""
    if not any(c[0] > pos and c[2] in _TRAILING for c in found):
        return None
    boundary = CLAUSE_BOUNDARY.search(text, pos)
    clause_end = boundary.start() if boundary else len(text)
    reaching = [c[2] for c in found if pos < c[0] < clause_end and c[2] in _TRAILING and (
                c[2] == "reported" or _hedge_reaches_back(text, pos, c[0]))]
    # a source named anywhere there outranks a modal ("A launch in 2027 would reportedly line up")
    return "reported" if "reported" in reaching else (reaching[0] if reaching else None)


# A sentence that opens with an adjunct ("Riding on the success of its SUV, Maruti is expected to"):
# what the adjunct says is background, not what the later hedge is about.
_FRONTED_ADJUNCT = re.compile(r"(?:with|without|after|since|following|despite|like|unlike|as|based|powered|"
                              r"riding|building|using|thanks|given|having|[a-z]+ing)\b", re.I)
# A consequence drawn from what came before: "..., so the Nismo version can be expected to".
_CONSEQUENCE = re.compile(r",\s+(?:so|meaning|which means|and so)\s")


# A second conjunct with its own verb, hedged on its own: "... and plans to", "... and is expected to".
_NEW_PREDICATE = re.compile(r"\band\s+(?:also\s+)?(?:(?:is|are|was|were|will|has|have)\s+(?:\w+\s+)?)?$", re.I)


def _hedge_reaches_back(text: str, pos: int, cue_start: int) -> bool:
    """Whether an expectation stated after a value (at ``pos``) governs it across commas.

    "The new hybrid, developed in-house, is expected to debut": the hedged subject's own words do;
    "The GR86, with its flat-four, is expected to remain": an aside describing what exists does not,
    nor does a fronted adjunct, nor a clause of which the hedge is a consequence.
    """
    between = text[pos:cue_start]
    if _NEW_PREDICATE.search(between):
        return False  # "BYD will launch it in Europe and plans to double its dealers": another conjunct
    if "," not in between:
        return True
    if _CONSEQUENCE.search(between):
        return False
    if text.rfind(",", 0, pos) >= 0:
        # the value sits in an aside; only a hedge that opens the very next one reaches it (", likely in 2021")
        # (a modal there is the main clause's verb resuming: "the Prelude, which went on sale, may get")
        return (between.count(",") == 1 and not text[between.rindex(",") + pos + 1:cue_start].strip()
                and text[cue_start:cue_start + 6].split()[0].lower() not in _MODALS)
    return not _FRONTED_ADJUNCT.match(text)


# Sources found per sentence: assemble and attach both ask for the same sentences. Past this many
# the cache starts over.
MAX_CACHED_SOURCES = 256


@per_sentence_cache(MAX_CACHED_SOURCES)
def source_of(text: str) -> str | None:
    """Who a sentence attributes its statement to ("according to Automotive News" -> "Automotive News")."""
    return _source_of(text)


def _source_of(text: str) -> str | None:
    for m in SOURCE.finditer(text):
        src = (m.group("src") or m.group("src2") or "").strip()
        src = _LEADING_THE.sub("", src)
        if src and src.split()[0] not in _NOT_SOURCE:
            return src.rstrip(".,")
    return None
