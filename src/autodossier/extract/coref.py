"""Reference resolution: "the new model", "the car", "the sedan", "it", "the
coupe", "the brand", "these cars" and bare edition names ("the Track Spec")
resolved to the model the article is about at that point.

The article's focus is the last model named outside parentheses and outside
comparisons ("aimed at the Cayman", "than the Z"); a body-style noun prefers the
most recent model known to have that body. A model the title names and the text
named a few sentences ago stays the topic over one named in passing since.
"""
from __future__ import annotations

import re

from autodossier.extract.gazetteer import load_gazetteer
from autodossier.extract.mentions import Mention, find_mentions
from autodossier.extract.pipeline import Annotated, component
from autodossier.extract.prefilter import GateGroup, gated, match_part, search_part
from autodossier.extract.relations import RELATIONS, relation_matches

_MOD = (r"(?:new|all-new|next-generation|next-gen|upcoming|redesigned|future|current|previous|outgoing|standard|"
        r"stylish|two-door|four-door|premium|sports?|special|luxury|gargantuan|big|hot|production|finished|latest|"
        r"revised|facelifted|refreshed|updated|second-generation|third-generation|electric|flagship|little|"
        r"compact|large|enormous|mid-size|full-size|high-performance|performance|rear-drive)")
_BODY_NOUNS = {"sedan": "sedan", "saloon": "sedan", "coupe": "coupe", "suv": "suv", "crossover": "crossover",
               "hatchback": "hatchback", "wagon": "wagon", "estate": "wagon", "pickup": "pickup",
               "truck": "pickup", "convertible": "convertible", "roadster": "convertible"}
_BODY_NOUN_WORDS = tuple(_BODY_NOUNS)
NOUN_PHRASE = gated(
    rf"\b(?:the|this|that)\s+(?:{_MOD}[\s-]+){{0,3}}(?P<noun>model|car|vehicle|sedan|saloon|coupe|suv|crossover|"
    r"hatchback|wagon|estate|truck|pickup|convertible|roadster|edition|concept|version|newcomer)\b(?!\s+(?:segment|market|line-?up|world))",
    re.I,
)
# "It", "its" opening a clause; not an impersonal "it" ("it is not clear", "It may not be feasible").
PRONOUN = gated(r"(?:^|(?<=[,;:]\s)|(?<=\bthat\s)|(?<=\band\s)|(?<=\bbut\s))\b(?P<p>[Ii]t|[Ii]ts)\b"
                r"(?!\s+(?:(?:is|was|may|might|could|would|will|remains|seems|appears)\s+(?:not\s+)?(?:be\s+)?)"
                r"(?:all|not|clear|likely|unlikely|unclear|worth|time|possible|impossible|feasible|hard|easy|difficult|"
                r"expected|understood|thought|believed|rumou?red|said|the brand)\b)")
BRAND = gated(r"\b(?:the|its)\s+(?:brand|company|automaker|carmaker|marque|firm|manufacturer)\b", re.I)
# A plural reference to the article's pair of models ("these cars", "the next-gen pickups", "the twins").
PLURAL = gated(r"\b(?:(?:these|both|neither of these|the two|both of these|the|both of the)\s+"
               r"(?:(?:new|next-gen|next-generation|upcoming|twin|two)\s+)?"
               # "two of its fully electric family cars": the pair, whatever words describe it
               r"|(?:two|both) of (?:its|their|the)\s+(?:[a-z-]+\s+){0,3})"
               r"(?:cars|models|vehicles|pickups|trucks|suvs|sports cars|coupes|twins|siblings|duo|pair|"
               # "the Quadrifoglio versions": the trim of each of the pair
               r"(?-i:[A-Z][a-z]+)\s+(?:versions|variants|models))\b", re.I)
# "the latter", "the former": the last or the one before of the models just named.
LATTER = gated(r"\bthe\s+(latter|former)\b(?!\s+(?:half|part|stages?|case|option|years?|is\s+true))", re.I)
EDITION = gated(r"\b(?:[A-Z][\w-]+\s+){1,2}(?:Spec|Edition)\b")
# A model named in a comparison is not what the article goes on about ("similar to how Nissan
# updated the Sentra", "a BMW M5 rival", "more power than the Nissan Z").
COMPARATIVE_BEFORE = gated(r"\b(?:eclipse|beat|outgun|outrun|match|similar to|reminiscent of|like|unlike|than|rivals?|rivalling|rivaling|"
                           r"aimed (?:squarely |directly |firmly )?at|in the (?:mould|mold|vein|style) of|"
                           r"(?:to |will |would )?(?:take|takes|taking) on|targets?|targeting|going up against|"
                           r"alternatives? to|benchmark(?:ed|s)? against|"
                           r"compared (?:to|with)|as with|inspired by|how|against|versus|vs\.?|neither|"
                           r"differs? from|different (?:from|to)|competitors? "
                           r"(?:to|of|such as)|"
                           # "such as" alone gives examples ("models such as the Maxima and Murano are axed")
                           # "would sit beneath the Z and GT-R", "slotting in above the Corolla": a place in a range
                           r"(?:sits?|sitting|slots?|slotting|slotted|positioned|placed)\s+(?:in\s+)?"
                           r"(?:beneath|below|above|under|between)|"
                           r"(?:competition|alternatives?|opponents?|the likes)\s+such as)\b[^,;.]{0,40}$", re.I)
COMPARATIVE_AFTER = gated(r"^\s*(?:rival|competitor|alternative|fighter|beater|killer)\b", re.I)
# A model as a compound modifier ("a Bentayga-style SUV", "the Defender-inspired 4x4", "an RS-rivalling
# brand") describes another car by it.
_MODIFIER_SUFFIX = re.compile(r"-(?:style|styled|like|esque|inspired|rivalling|rivaling|beating|baiting|fighting|"
                              r"based|derived|sized|size)$", re.I)


# Most sentences hold no comparison word: one test per mention skips both window scans.
_ANY_COMPARATIVE = GateGroup([COMPARATIVE_BEFORE, COMPARATIVE_AFTER])


def comparative(m: Mention, text: str, offset: int) -> bool:
    """Whether a mention sits in a comparison, or is the partner of a relation ("shared with
    the Nissan Z"), rather than being what the sentence is about."""
    end = m.end - offset
    if "-" in text[max(0, end - 12):end + 1] and (
            _MODIFIER_SUFFIX.search(text[max(0, end - 12):end])
            or _MODIFIER_SUFFIX.match(text[end:end + 12].split(" ", 1)[0])):
        return True
    if not _ANY_COMPARATIVE.may_match(text):
        return False
    head = text[:m.start - offset]
    return bool(search_part(COMPARATIVE_BEFORE, head, text) or match_part(COMPARATIVE_AFTER, text[m.end - offset:], text))


# How far past a mention a relation cue may look to see it is the partner ("as its base").
PARTNER_LOOKAHEAD = 60
_SHARED = gated(r"\b(?:shared|sharing|sourced|borrowed|derived|adapted|lifted)\s+(?:with|from)\s+(?:the\s+)?$", re.I)

# Most sentences hold no sharing or relation cue: one test per mention skips every window scan.
_ANY_PARTNER_CUE = GateGroup([_SHARED] + [rx for _, rx in RELATIONS])


def partner(m: Mention, text: str, offset: int) -> bool:
    """Whether a mention is the partner of a relation ("shared with the Nissan Z")."""
    if not _ANY_PARTNER_CUE.may_match(text):
        return False
    begin = max(0, m.start - offset - 120)
    head = text[begin:m.start - offset]
    if search_part(_SHARED, head, text):
        return True
    # the window runs past the mention: some cues look ahead at the partner ("its Toyota bZ4X twin")
    # (the cue's matches are found once per sentence: each is a span of the sentence that ends
    # at most 2 characters before the mention and starts within the window)
    start = m.start - offset
    return any(begin <= a and 0 <= start - b <= 2 for a, b in _relation_spans(text))


_spans_cache: list = [None, ()]  # (sentence, its relation cue spans): the mentions of one sentence share it


def _relation_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The spans of every relation cue in the sentence ``text`` (scanned once, not per mention)."""
    if _spans_cache[0] is not text:
        _spans_cache[:] = [text, tuple(r.span() for _, r in relation_matches(text))]
    return _spans_cache[1]


# "The vehicle is to be named ...", "the car will be called ...": the name given next is the car itself.
_NAMED_AS = re.compile(r"\s+(?:is|was|will be|would be|is to be|has been|is set to be|is going to be)\s+"
                       r"(?:named|called|badged|christened|dubbed|known as)\b", re.I)
# Between two names of one list ("the Ioniq 5 and Kia EV6", "the Taycan, e-tron GT").
_LIST_GAP = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)(?:the\s+)?$")
# A relative clause right after a model (past a parenthesis): the text goes on about that model.
# Not gated: it is matched once, anchored, on a fresh 80-character slice of the document, whose
# literal scan for a gate would cost more than the match it could skip.
_DESCRIBED = re.compile(r"^\s*(?:\([^)]{0,60}\))?\s*,?\s*(?:which|who)\b", re.I)


def _described(text: str, end: int) -> bool:
    """Whether a relative clause about the model ending at ``end`` follows it."""
    return bool(_DESCRIBED.match(text[end:end + 80]))


def _other_make(explicit: list[Mention], topic: Mention, gaz) -> bool:
    """Whether a sentence is about a make (naming none of its models) other than the topic's make or group."""
    makes = [m.make for m in explicit if not m.model and not m.parenthetical and "comparative" not in m.words]
    if not makes:
        return False
    # the first maker named is what the sentence is about ("Honda chose to outdo Toyota by ...")
    own = {topic.make, gaz.parents.get(topic.make)}
    return not (makes[0] in own or gaz.parents.get(makes[0]) == topic.make)


def _named_with(explicit: list[Mention], end: int) -> Mention | None:
    """The model a new edition name belongs to when the same sentence names it after the edition
    ("In Launch Edition form, the Zed 5 costs ..."): the first model named after it, outside
    parentheses and comparisons."""
    for e in explicit:
        if e.model and e.start >= end and not e.parenthetical:
            return e
    return None


# How many sentences back the title's model may have been named and still be what "the car" and
# a sentence naming no model are about, rather than a model the previous sentence named in passing.
TITLE_TOPIC_WINDOW = 5
# When the title names no model, the model the text has named most (at least this often) stands in
# for it: a second naming makes a model the article's subject rather than a passing mention.
MIN_TOPIC_MENTIONS = 2


def title_models(art: Annotated) -> list[Mention]:
    """The models the article's title names as its subjects (not a rival it is compared with),
    in order, each once."""
    if not art.doc.title:
        return []
    makes = {m.make for ms in art.mentions.values() for m in ms}
    title = art.doc.title
    out: list[Mention] = []
    for m in find_mentions(title, 0, makes):
        if m.model and not comparative(m, title, 0) and m.subject not in {x.subject for x in out}:
            out.append(m)
    return out


def _topic(topics: list[Mention], title: set[str], named_at: dict[str, int], index: int,
           described: set[int]) -> Mention | None:
    """What the article is about at sentence ``index``: the last sentence's topic, unless that is a
    model outside the title while a title model was named within the last few sentences ("... the
    Fortuner's engine will power the Hilux. Mated to the six-speed auto, the car ...": the Hilux).
    A topic the text went on to describe ("launched the Temerario, which swapped ...") stays."""
    if not topics:
        return None
    last = topics[-1]
    if title and last.subject not in title and id(last) not in described:
        near = {s for s in title if index - named_at.get(s, -TITLE_TOPIC_WINDOW - 1) <= TITLE_TOPIC_WINDOW}
        for t in reversed(topics):
            if t.subject in near:
                return t
    return last


def _of_make(explicit: list[Mention], pos: int, recent: list[Mention]) -> Mention | None:
    """The model a pronoun after a make's name refers to ("According to Lucid, its flagship ..."):
    the latest model of that make, when the make is the last name before the pronoun."""
    before = [e for e in explicit if e.end <= pos]
    if not before or before[-1].model:
        return None
    make = before[-1].make
    return next((m for m in reversed(recent) if m.make == make), None)


# A sentence opening with an adverbial or participle clause ("After ... delays that beset its bZ4X twin,
# the RZ will ...", "Joining the Everest and Territory, the Ranger will ..."): the models named there are
# not what the sentence is about.
_INTRO = re.compile(r"^\W*(?:after|following|despite|although|though|while|whilst|whereas|since|unlike|like|joining|"
                    r"alongside|besides|beyond|compared|apart from|aside from|in addition to|as with|just as|"
                    r"much like|just like|riding on|building on|replacing|succeeding|(?!according)[a-z]+ing)\b", re.I)
# From the comma that ends the opening clause (the sentence's first) to the model that starts the main one.
_MAIN_START = re.compile(r",\s*(?:(?:[\w-]+\s+){1,3}(?:says|said|reports|reported|claims|believes)\s+(?:that\s+)?)?"
                         r"(?:the\s+|its\s+|their\s+|this\s+)?(?:[\w-]+\s+){0,3}"
                         r"(?:(?:such\s+as|like|including)\s+(?:the\s+)?)?$")  # "..., models such as the Civic"


def _main_clause_subject(models: list[Mention], text: str, offset: int) -> Mention:
    """The sentence's first model, or the one starting its main clause after an opening clause."""
    first = models[0]
    if not _INTRO.match(text):
        return first
    comma = text.find(",")
    for m in models[1:]:
        start = _MAIN_START.search(text, 0, m.start - offset)
        if start is not None and start.start() == comma:
            return m
    return first


def _distinct(mentions: list[Mention]) -> list[Mention]:
    """Mentions in order, each subject once (at its last naming)."""
    out: list[Mention] = []
    for m in mentions:
        out = [x for x in out if x.subject != m.subject] + [m]
    return out


def _overlaps(a: int, b: int, mentions: list[Mention]) -> bool:
    return any(m.start < b and a < m.end for m in mentions)


@component("coref", requires=("sentences", "mentions"), provides=("focus",))
def coref(art: Annotated) -> None:
    """Add resolved anaphoric mentions and pick the focus of every sentence."""
    gaz = load_gazetteer()
    title_group = title_models(art)
    title = {m.subject for m in title_group}
    named_at: dict[str, int] = {}  # subject -> index of the last sentence naming it explicitly
    named_count: dict[str, int] = {}  # subject -> how many times the text has named it so far
    title_given = bool(title)
    other_make: str | None = None  # the make the previous sentence turned to, naming none of its models
    recent: list[Mention] = []  # models named so far, latest last (pronouns resolve here)
    topics: list[Mention] = []  # what each sentence was about, latest last (editions, carry-over)
    bodies: dict[str, str] = {}
    editions: dict[str, Mention] = {}
    prev_explicit: list[Mention] = []  # the models the previous sentence named ("the latter")
    described: set[int] = set()  # topics a relative clause goes on about ("the Temerario, which ...")
    for sent in art.sentences:
        explicit = art.mentions.get(sent.index, [])
        added: list[Mention] = []
        last = recent[-1] if recent else None
        s = sent.text
        for m in EDITION.finditer(s):
            a, b = sent.start + m.start(), sent.start + m.end()
            if _overlaps(a, b, explicit):
                continue
            target = (editions.get(m.group()) or _named_with(explicit, b)
                      or _topic(topics, title, named_at, sent.index, described) or last)
            if target:
                editions.setdefault(m.group(), target)
                added.append(Mention(a, b, target.make, target.model, m.group(), kind="anaphor"))
        if last:
            for m in NOUN_PHRASE.finditer(s):
                a, b = sent.start + m.start(), sent.start + m.end()
                if _overlaps(a, b, explicit + added):
                    continue
                if any(e.start >= b and e.start - b <= 2 for e in explicit):
                    continue  # "the new Q50": the name itself follows
                if explicit and _NAMED_AS.match(s, m.end()):
                    continue  # "the vehicle is to be named KUV100": the name that follows is the referent
                body = _BODY_NOUNS.get(m.group("noun").lower())
                target = _topic(topics, title, named_at, sent.index, described) or last
                if body:
                    for cand in reversed(recent):
                        known = bodies.get(cand.subject) or gaz.body(cand.make, cand.model)
                        if known == body:
                            target = cand
                            break
                if other_make and target.make != other_make:
                    continue  # after a sentence about another maker, not a model of the earlier one
                added.append(Mention(a, b, target.make, target.model, target.variant, kind="anaphor"))
            for m in LATTER.finditer(s):
                a, b = sent.start + m.start(), sent.start + m.end()
                if _overlaps(a, b, explicit + added) or any(e.start >= b and e.start - b <= 2 for e in explicit):
                    continue  # "the former Vitz": the name itself follows
                named = _distinct([e for e in prev_explicit + explicit if e.model and e.end <= a])
                if len(named) >= 2:
                    target = named[-1] if m.group(1).lower() == "latter" else named[-2]
                    added.append(Mention(a, b, target.make, target.model, target.variant, kind="anaphor"))
            first_explicit = min((e.start for e in explicit if e.model), default=None)
            for m in PRONOUN.finditer(s):
                a = sent.start + m.start()
                if first_explicit is not None and first_explicit < a:
                    break
                ref = _of_make(explicit, a, recent) or last
                if other_make and ref.make != other_make:
                    break  # "Mahindra's workhorse has been updated. It ...": not the earlier model
                added.append(Mention(a, sent.start + m.end(), ref.make, ref.model, ref.variant, kind="anaphor"))
                break
            for m in PLURAL.finditer(s):
                before = _distinct(prev_explicit)
                # the models the sentence before named together ("building the Trax and Malibu. As the
                # models are dropped ..."), else those the title names together, else the last two the
                # text was about
                seen = before if len(before) >= 2 else list(title_group) if len(title_group) >= 2 else []
                for cand in ([] if seen else reversed(topics)):
                    if cand.subject not in [x.subject for x in seen]:
                        seen.append(cand)
                    if len(seen) == 2:
                        break
                for cand in seen:
                    added.append(Mention(sent.start + m.start(), sent.start + m.end(), cand.make, cand.model,
                                         kind="plural"))
        brand_source = last.make if last else next((e.make for e in explicit), None)
        if brand_source:
            for m in BRAND.finditer(s):
                a, b = sent.start + m.start(), sent.start + m.end()
                if not _overlaps(a, b, explicit):
                    added.append(Mention(a, b, brand_source, None, kind="anaphor"))
        allm = sorted(explicit + added, key=lambda m: m.start)
        art.mentions[sent.index] = allm
        previous: Mention | None = None
        intro = bool(_INTRO.match(s))  # "Unlike the bZ4X, the RZ ...": the opening clause's comma ends no list
        for m in allm:
            if m.kind == "explicit" and comparative(m, s, sent.start):
                m.words.add("comparative")
            elif m.kind == "explicit" and partner(m, s, sent.start):
                m.words.add("partner")
            elif (m.kind == "explicit" and previous is not None and previous.words & {"partner", "comparative"}
                  and _LIST_GAP.match(art.doc.text[previous.end:m.start])
                  and not (intro and s.find(",") == previous.end - sent.start)):
                # "shares its platform with the Ioniq 5 and Kia EV6": the list's later names too
                m.words |= previous.words & {"partner", "comparative"}
            previous = m
        models = [m for m in allm if m.model and not m.parenthetical and not m.words & {"comparative", "partner"}]
        partners = [m for m in allm if m.model and "partner" in m.words]
        if models:
            main = _main_clause_subject(models, s, sent.start)
            if _described(art.doc.text, main.end) or main is not models[0]:
                # a model the text goes on to describe, or turns to after an opening clause ("Beyond the
                # GV90, the GV80 facelift is due ..."): the next sentences are about it, not the title's
                described.add(id(main))
            art.focus[sent.index] = main
            topics.append(main)
        elif topics and _other_make(explicit, topics[-1], gaz):
            # "Mazda is considering ...": a sentence about another maker is not about the topic
            art.focus[sent.index] = next(m for m in explicit if not m.model and not m.parenthetical
                                         and "comparative" not in m.words)
        elif other_make and topics and topics[-1].make != other_make:
            # the sentence after one about another maker stays with that maker, not the earlier model
            art.focus[sent.index] = Mention(sent.start, sent.start, other_make, None, None, kind="carried")
        elif topics:
            topic = _topic(topics, title, named_at, sent.index, described)
            art.focus[sent.index] = Mention(sent.start, sent.start, topic.make, topic.model, None, kind="carried")
        elif partners:
            art.focus[sent.index] = partners[0]
            topics.append(partners[0])
        else:
            brands = [m for m in allm if not m.model]
            if brands:
                art.focus[sent.index] = brands[0]
        for m in allm:
            if m.model and not m.parenthetical and "comparative" not in m.words and m.kind != "plural":
                if "partner" in m.words and not _described(art.doc.text, m.end):
                    # A relation's partner ("replaces the Huracan", "the engine from the GR Yaris") is not
                    # what the next sentence's "it" refers to, unless the text goes on about it
                    # ("the Nissan Patrol, which received a Nismo version"): the article stays on its subject.
                    continue
                recent.append(m)
                if m.kind == "explicit":
                    named_at[m.subject] = sent.index
                    named_count[m.subject] = named_count.get(m.subject, 0) + 1
                    if not title_given and named_count[m.subject] >= MIN_TOPIC_MENTIONS \
                            and named_count[m.subject] == max(named_count.values()):
                        title = {m.subject}  # no model in the title: the most-named model so far stands in
                if m.variant and m.variant not in editions:
                    editions[m.variant] = art.focus.get(sent.index) or m
                tail = art.doc.text[m.end:m.end + 12].lower().strip()
                if tail.startswith(_BODY_NOUN_WORDS):  # most names are followed by none: one test
                    for noun, body in _BODY_NOUNS.items():
                        if tail.startswith(noun):
                            bodies[m.subject] = body
        focus = art.focus.get(sent.index)
        other_make = focus.make if focus is not None and focus.model is None and focus.kind != "carried" else None
        prev_explicit = [e for e in explicit if e.model and not e.parenthetical]
        del recent[:-8]
        del topics[:-8]
