"""Reference resolution: "the new model", "the car", "the sedan", "it", "the
coupe", "the brand", "these cars" and bare edition names ("the Track Spec")
resolved to the model the article is about at that point.

The article's focus is the last model named outside parentheses; a body-style
noun prefers the most recent model known to have that body.
"""
from __future__ import annotations

import re

from autodossier.extract.gazetteer import load_gazetteer
from autodossier.extract.mentions import Mention
from autodossier.extract.pipeline import Annotated, component
from autodossier.extract.prefilter import GateGroup, finditer_part, gated, match_part, search_part
from autodossier.extract.relations import RELATIONS

_MOD = (r"(?:new|all-new|next-generation|next-gen|upcoming|redesigned|future|current|previous|outgoing|standard|"
        r"stylish|two-door|four-door|premium|sports?|special|luxury|gargantuan|big|hot|production|finished|latest|"
        r"revised|facelifted|refreshed|updated|second-generation|third-generation|electric|flagship|little|"
        r"compact|large|enormous|mid-size|full-size|high-performance|performance|rear-drive)")
_BODY_NOUNS = {"sedan": "sedan", "saloon": "sedan", "coupe": "coupe", "suv": "suv", "crossover": "crossover",
               "hatchback": "hatchback", "wagon": "wagon", "estate": "wagon", "pickup": "pickup",
               "truck": "pickup", "convertible": "convertible", "roadster": "convertible"}
NOUN_PHRASE = gated(
    rf"\b(?:the|this|that)\s+(?:{_MOD}[\s-]+){{0,3}}(?P<noun>model|car|vehicle|sedan|saloon|coupe|suv|crossover|"
    r"hatchback|wagon|estate|truck|pickup|convertible|roadster|edition|concept|version)\b(?!\s+(?:segment|market|line-?up|world))",
    re.I,
)
PRONOUN = gated(r"(?:^|(?<=[,;:]\s)|(?<=\bthat\s)|(?<=\band\s)|(?<=\bbut\s))\b(?P<p>[Ii]t|[Ii]ts)\b(?!\s+(?:is|was)\s+(?:all|not|clear|likely|unclear|worth|time|possible|hard|easy|the brand))")
BRAND = gated(r"\b(?:the|its)\s+(?:brand|company|automaker|carmaker|marque|firm|manufacturer)\b", re.I)
PLURAL = gated(r"\b(?:these|both|neither of these|the two|both of these)\s+(?:cars|models|vehicles)\b", re.I)
EDITION = gated(r"\b(?:[A-Z][\w-]+\s+){1,2}(?:Spec|Edition)\b")
# A model named in a comparison is not what the article goes on about ("similar to how Nissan
# updated the Sentra", "a BMW M5 rival", "more power than the Nissan Z").
COMPARATIVE_BEFORE = gated(r"\b(?:eclipse|beat|outgun|outrun|match|similar to|reminiscent of|like|unlike|than|rivals?|rivalling|rivaling|"
                           r"compared (?:to|with)|as with|inspired by|how|against|versus|vs\.?|competitors? "
                           r"(?:to|of|such as)|such as)\b[^,;.]{0,40}$", re.I)
COMPARATIVE_AFTER = gated(r"^\s*(?:rival|competitor|alternative|fighter|beater|killer)\b", re.I)


# Most sentences hold no comparison word: one test per mention skips both window scans.
_ANY_COMPARATIVE = GateGroup([COMPARATIVE_BEFORE, COMPARATIVE_AFTER])


def comparative(m: Mention, text: str, offset: int) -> bool:
    """Whether a mention sits in a comparison, or is the partner of a relation ("shared with
    the Nissan Z"), rather than being what the sentence is about."""
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
    window = text[begin:m.end - offset + PARTNER_LOOKAHEAD]
    return any(0 <= len(head) - r.end() <= 2 for _, rx in RELATIONS for r in finditer_part(rx, window, text))


# Between two names of one list ("the Ioniq 5 and Kia EV6", "the Taycan, e-tron GT").
_LIST_GAP = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)(?:the\s+)?$")
# A relative clause right after a model (past a parenthesis): the text goes on about that model.
_DESCRIBED = gated(r"^\s*(?:\([^)]{0,60}\))?\s*,?\s*(?:which|who)\b", re.I)


def _described(text: str, end: int) -> bool:
    """Whether a relative clause about the model ending at ``end`` follows it."""
    return bool(_DESCRIBED.match(text[end:end + 80]))


def _other_make(explicit: list[Mention], topic: Mention, gaz) -> bool:
    """Whether a sentence names a make (with no model) other than the topic's make or group."""
    makes = [m.make for m in explicit if not m.model and not m.parenthetical]
    if not makes:
        return False
    own = {topic.make, gaz.parents.get(topic.make)}
    return not any(make in own or gaz.parents.get(make) == topic.make for make in makes)


def _overlaps(a: int, b: int, mentions: list[Mention]) -> bool:
    return any(m.start < b and a < m.end for m in mentions)


@component("coref", requires=("sentences", "mentions"), provides=("focus",))
def coref(art: Annotated) -> None:
    """Add resolved anaphoric mentions and pick the focus of every sentence."""
    gaz = load_gazetteer()
    recent: list[Mention] = []  # models named so far, latest last (pronouns resolve here)
    topics: list[Mention] = []  # what each sentence was about, latest last (editions, carry-over)
    bodies: dict[str, str] = {}
    editions: dict[str, Mention] = {}
    for sent in art.sentences:
        explicit = art.mentions.get(sent.index, [])
        added: list[Mention] = []
        last = recent[-1] if recent else None
        s = sent.text
        for m in EDITION.finditer(s):
            a, b = sent.start + m.start(), sent.start + m.end()
            if _overlaps(a, b, explicit):
                continue
            target = editions.get(m.group()) or (topics[-1] if topics else last)
            if target:
                added.append(Mention(a, b, target.make, target.model, m.group(), kind="anaphor"))
        if last:
            for m in NOUN_PHRASE.finditer(s):
                a, b = sent.start + m.start(), sent.start + m.end()
                if _overlaps(a, b, explicit + added):
                    continue
                if any(e.start >= b and e.start - b <= 2 for e in explicit):
                    continue  # "the new Q50": the name itself follows
                body = _BODY_NOUNS.get(m.group("noun").lower())
                target = topics[-1] if topics else last
                if body:
                    for cand in reversed(recent):
                        known = bodies.get(cand.subject) or gaz.body(cand.make, cand.model)
                        if known == body:
                            target = cand
                            break
                added.append(Mention(a, b, target.make, target.model, target.variant, kind="anaphor"))
            first_explicit = min((e.start for e in explicit if e.model), default=None)
            for m in PRONOUN.finditer(s):
                a = sent.start + m.start()
                if first_explicit is not None and first_explicit < a:
                    break
                added.append(Mention(a, sent.start + m.end(), last.make, last.model, last.variant, kind="anaphor"))
                break
            for m in PLURAL.finditer(s):
                seen = []
                for cand in reversed(topics):
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
        for m in allm:
            if m.kind == "explicit" and comparative(m, s, sent.start):
                m.words.add("comparative")
            elif m.kind == "explicit" and partner(m, s, sent.start):
                m.words.add("partner")
            elif (m.kind == "explicit" and previous is not None and previous.words & {"partner", "comparative"}
                  and _LIST_GAP.match(art.doc.text[previous.end:m.start])):
                # "shares its platform with the Ioniq 5 and Kia EV6": the list's later names too
                m.words |= previous.words & {"partner", "comparative"}
            previous = m
        models = [m for m in allm if m.model and not m.parenthetical and not m.words & {"comparative", "partner"}]
        partners = [m for m in allm if m.model and "partner" in m.words]
        if models:
            art.focus[sent.index] = models[0]
            topics.append(models[0])
        elif topics and _other_make(explicit, topics[-1], gaz):
            # "Mazda is considering ...": a sentence about another maker is not about the topic
            art.focus[sent.index] = next(m for m in explicit if not m.model)
        elif topics:
            topic = topics[-1]
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
                if m.variant and m.variant not in editions:
                    editions[m.variant] = art.focus.get(sent.index) or m
                tail = art.doc.text[m.end:m.end + 12].lower().strip()
                for noun, body in _BODY_NOUNS.items():
                    if tail.startswith(noun):
                        bodies[m.subject] = body
        del recent[:-8]
        del topics[:-8]
