"""Claims from findings: each finding gets its subject (the model the grammar
binds it to, else the sentence's focus), its status and source, and the
sentence as verbatim evidence. Repeats within a document keep the most
certain status (contract: "what counts as one claim").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from autodossier.claims import CERTAINTY_RANK, ENTITY_ATTRIBUTES, Claim
from autodossier.extract.certainty import CLAUSE_BOUNDARY, cues, source_of, status_for
from autodossier.extract.engine_owners import LIST_BREAK, engine_owners, given_up
from autodossier.extract.noun_phrases import APPOSITION, example_of, unnamed
from autodossier.extract.respectively import respectively
from autodossier.extract.findings import Finding
from autodossier.extract.markets import withdrawn_markets
from autodossier.extract.mentions import Mention
from autodossier.extract.pipeline import Annotated, Sentence, component

# Text between a model and a value stated right after it ("the Nissan Z, with 400 horsepower").
_AFTER_MENTION = re.compile(r"^[\s,]*(?:'s\s+|’s\s+)?(?:(?:with|makes|making|produces|producing|develops|"
                            r"developing|rated at|gets|has|packs|packing|delivers|delivering|boasts|offers)\s+)?"
                            r"(?:an?\s+|up to\s+|around\s+|some\s+)?$", re.I)
# Text between a value and the model it is stated for ("495bhp in Patrol form", "460bhp as the Armada").
_BEFORE_MENTION = re.compile(r"^\s*(?:(?:units|examples|cars|vehicles)\s+of\s+(?:the\s+|its\s+)?|(?:in|on|for|as|of)\s+(?:the\s+)?(?:(?:[\w-]+[\s-]){0,2}market\s+|standard\s+|"
                             r"regular\s+|base\s+|smaller\s+|larger\s+|new\s+|upcoming\s+)?|[\w-]+\s+)?$", re.I)
_OBJECT_GAP = re.compile(r"^\s*(?:plans?\s+(?:to\s+(?:build|make|launch|produce|sell|offer)|for)\s+)?"
                         r"(?:(?:off|the|its|their|a|an|new|all-new|all|revised|redesigned|updated|electric|hybrid|"
                         r"couple of|concepts?|based on|version of)\s+){0,5}$", re.I)
# Modifier words between a model and its body word.
_BODY_GAP = re.compile(r"\s+(?:[–—-]\s+)?(?:[a-z][a-z-]*\s+){1,3}")
_CLAUSE = CLAUSE_BOUNDARY
_ENGINE_ATTRS = frozenset({"displacement_l", "cylinders", "engine_layout", "aspiration", "engine_code"})
MODEL_ONLY = frozenset({"lifecycle", "reveal", "on_sale", "production_start", "production_end", "body_style",
                        "power_hp", "torque_lbft", "displacement_l", "cylinders", "engine_layout",
                        "aspiration", "engine_code", "powertrain", "drivetrain", "transmission", "gears",
                        "accel_0_60_s", "accel_0_100_s", "top_speed_mph", "curb_weight_kg", "range_km",
                        "battery_kwh", "price", "shares_platform_with", "shares_engine_with", "replaces"})


@dataclass
class Proposal:
    """A rule's proposal: this finding is about this subject, with this status."""

    finding: Finding
    subject: Mention
    value_override: object
    status: str
    sentence: Sentence
    source: str | None
    # the rules know the finding is only about their subjects ("swapped the V10 used in the Huracan
    # for ..."): no other candidate is weighed
    exclusive: bool = False


# Specifications of a part that exists today, whatever the sentence hedges about its future use.
SPEC_ATTRS = frozenset({"displacement_l", "cylinders", "engine_layout", "aspiration", "power_hp", "torque_lbft",
                        "powertrain"})
_EXISTING_BEFORE = re.compile(r"\b(?:existing|current|today['’]s|usual|regular|outgoing|present)\b[^,;:–—()]*$",
                              re.I)
# Figures that are records (registrations, list prices): citing who published them reports a fact.
RECORDS = frozenset({"sales_units", "sales_change_pct", "price"})
_ACCORDING = re.compile(r"\baccording to\b|\bfigures (?:from|published)|\bdata from\b", re.I)


# "is expected to power the Europe-spec Ranger", "will be used in the Cayenne": the model an engine goes into.
_POWERS = re.compile(r"\b(?:to\s+power|will\s+power|would\s+power|be\s+used\s+in|"
                     r"(?:find|make)s?\s+(?:its|their)\s+way\s+into|be\s+fitted\s+to|go\s+into)\s+"
                     r"(?:the\s+|its\s+)?(?:[\w-]+\s+){0,2}$", re.I)
# An engine spoken of as itself ("this engine", "the unit"), after its owner was named.
_THIS_ENGINE = re.compile(r"\b(?:this|that)\s+(?:engine|unit|motor|powerplant|powertrain|mill)\b", re.I)
# What an engine is paired with in the car that uses it.
_PAIRING_ATTRS = frozenset({"transmission", "gears"})
_ENGINE_TALK_ATTRS = frozenset({"displacement_l", "cylinders", "engine_layout", "aspiration", "engine_code",
                                "power_hp", "torque_lbft"})


def _powered(mentions: list[Mention], text: str) -> Mention | None:
    """The model a sentence says an engine will power, if it says so."""
    for m in mentions:
        if m.model and m.kind == "explicit" and _POWERS.search(text, max(0, m.start - 60), m.start):
            return m
    return None


def _clause_start(text: str, pos: int) -> int:
    start = 0
    for m in _CLAUSE.finditer(text, 0, pos):
        start = m.end()
    return start


# Between a powertrain word and the model it describes: "hybrid Ferrari SF90", "electric-only Zed".
_ATTRIBUTIVE_BEFORE = re.compile(r"[\s-]*(?:\([A-Za-z-]{2,6}\)\s*)?")  # "plug-in hybrid (PHEV) Temerario"
_ATTRIBUTIVE_AFTER = re.compile(r"\s+")
# "a Sorento in plug-in hybrid form", "F-150 and Ram 1500 pickups in electric form": a powertrain
# stated as the form a model comes in.
_IN_FORM_GAP = re.compile(r"^\s+(?:[a-z-]+\s+){0,2}in\s+(?:(?:its|their|an?|fully|pure|all)\s+)?$")
_FORM_AFTER = re.compile(r"^\s+(?:form|guise)\b")


def _attributive(f: Finding, m: Mention, text: str) -> bool:
    """Whether a word stands right before or after the model's name ("hybrid Ferrari SF90", "Seal electric")."""
    return (f.end <= m.start and _ATTRIBUTIVE_BEFORE.fullmatch(text, f.end, m.start) is not None
            or m.end <= f.start and _ATTRIBUTIVE_AFTER.fullmatch(text, m.end, f.start) is not None)


def _in_form(f: Finding, m: Mention, text: str) -> bool:
    """Whether a powertrain is stated as the form the model ``m`` comes in."""
    return (m.end <= f.start and f.start - m.end < 40 and bool(_IN_FORM_GAP.match(text[m.end:f.start]))
            and bool(_FORM_AFTER.match(text[f.end:f.end + 8])))


def _named_right_before(f: Finding, m: Mention) -> bool:
    """Whether the model ``m`` is named right before a value ("the Model 3 electric vehicles")."""
    return 0 <= f.start - m.end <= 1


def _bound(f: Finding, mentions: list[Mention], text: str) -> Mention | None:
    """The model a value is grammatically tied to, if any."""
    models = [m for m in mentions if m.model]
    if f.attribute == "sales_units":
        inside = [m for m in models if f.start <= m.start and m.end <= f.end]
        if inside:
            return inside[0]  # "34,621 Song Plus SUVs": the model named inside the figure
    if f.attribute in ("powertrain", "drivetrain"):
        for m in models:
            # "the new hybrid Ferrari SF90", "the BYD Seal electric sedan", "a brand-new AWD Cadillac
            # Escalade": the word describes that car, even a rival's
            if m.kind == "explicit" and (f.end <= m.start and _ATTRIBUTIVE_BEFORE.fullmatch(text[f.end:m.start])
                                         or m.end <= f.start and _ATTRIBUTIVE_AFTER.fullmatch(text[m.end:f.start])):
                return m
    for m in models:
        gap = text[m.end:f.start]
        if "partner" in m.words and "," in gap:
            continue  # "the W1, successor to the P1, makes 1,275PS": the aside's partner is not the owner
        if m.end <= f.start and _AFTER_MENTION.match(gap) and f.start - m.end < 30:
            if f.attribute in ("power_hp", "torque_lbft", "body_style") and m.kind != "carried":
                return m
        if f.attribute == "body_style" and m.start < f.start and f.end <= m.end and m.kind == "explicit":
            return m  # "the Porsche 911 Cabriolet": the body word ends the model's name
        if (f.attribute == "body_style" and m.end <= f.start and m.kind != "carried" and _BODY_GAP.fullmatch(gap)
                and "comparative" not in m.words):
            return m  # "the Seltos compact SUV", "MX-5 and Fiat 124 – twin rear-drive roadsters"
        if (f.attribute == "body_style" and m.kind == "explicit" and m.start >= f.end
                and APPOSITION.fullmatch(text, f.end, m.start) and "comparative" not in m.words):
            return m  # "the compact SUV that currently sells best, the Kia Sportage": named in apposition
        if m.start >= f.end and m.start - f.end < 40 and _BEFORE_MENTION.match(text[f.end:m.start]):
            if f.attribute in ("power_hp", "torque_lbft", "body_style", "sales_units", "market"):
                return m
        if f.attribute == "powertrain" and m.kind == "explicit" and (0 <= m.start - f.end <= 1 or _in_form(f, m, text)
                                                                     or _named_right_before(f, m)):
            return m  # "the new hybrid McLaren Artura", "a Sorento in plug-in hybrid form", "Model Y electric vehicles"
    return None


def _object(f: Finding, mentions: list[Mention], text: str) -> Mention | None:
    """The model an event word is about: named right after it, containing it, or just before it."""
    models = [m for m in mentions if m.model]
    for m in models:
        if m.start <= f.start < m.end:
            return m
    for m in models:
        if m.start >= f.end and _OBJECT_GAP.match(text[f.end:m.start]):
            return m
    # a relation's partner or a rival named on the way is not what the event is about
    before = [m for m in models if m.end <= f.start and not m.parenthetical
              and not m.words & {"partner", "comparative"}]
    return before[-1] if before else None


# A sentence that opens with a participle phrase: "Arriving next spring, the Omoda 5 will ...",
# "Scheduled for release in 2022, the Tiggo 7 Pro ...", "Having debuted at Geneva, the 208 ...".
_OPENING = re.compile(r"\s*(?:(?:First|Officially|Recently|Originally|Only)\s+)?(?!According\b)(?:[A-Z][a-z]{2,}(?:ed|ing)|"
                      r"Shown|Seen|Given|Driven|Taken|Built|Made|Sold|Due|Set)\b[^,;:]*,")
# A capitalised name right after the opening phrase: "..., the Tiggo 4 Pro".
_UNKNOWN_NAME = re.compile(r"\s*(?:the\s+|its\s+)?(?:(?:new|all-new|updated)\s+)?(?P<name>[A-Z0-9][\w-]*)")
# From the opening phrase's comma to the model it describes: "the", "its", an adjective or two.
_OPENING_GAP = re.compile(r"\s*(?:the\s+|its\s+|this\s+|their\s+)?(?:[\w'’-]+\s+){0,2}$")


def _opening_subject(f: Finding, mentions: list[Mention], sent: Sentence) -> Mention | str | None:
    """The model an opening participle phrase holding an event word describes: the main clause's
    subject, named right after the phrase's comma (the name itself when no mention covers it)."""
    m = _OPENING.match(sent.text)
    if m is None or f.end - sent.start > m.end():
        return None
    comma = sent.start + m.end()
    if any(x.start < comma for x in mentions if x.kind != "carried"):
        return None  # the phrase names its own model
    for x in mentions:
        if x.model and x.start >= comma:
            if _OPENING_GAP.match(sent.text[m.end():x.start - sent.start]):
                return x
            break
    name = _UNKNOWN_NAME.match(sent.text, m.end())
    return name.group("name") if name else None


def _aside_owner(f: Finding, mentions: list[Mention], sent: Sentence) -> Mention | None:
    """The model a bracketed aside holding ``f`` describes: the one named right before the bracket."""
    rel = f.start - sent.start
    opening = sent.text.rfind("(", 0, rel)
    if opening < 0 or ")" in sent.text[opening:rel]:
        return None
    for m in mentions:
        if m.model and m.kind == "explicit" and 0 <= opening - (m.end - sent.start) <= 2:
            return m
    return None


# Between two partners of one relation: "the Zeekr X and the Smart #1", "the Grande Panda, Opel Frontera".
_LIST_GAP = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)(?:the\s+)?"
                       r"(?:(?:new|expected|upcoming|next-generation|next-gen|current|all-new|updated|forthcoming)\s+)?$")


def _chain(first: Mention, mentions: list[Mention], text: str) -> list[Mention]:
    """A relation's partner and the models listed right after it."""
    out = [first]
    for m in mentions:
        if m.model and m.kind == "explicit" and m.start >= out[-1].end and _LIST_GAP.match(text[out[-1].end:m.start]):
            out.append(m)
    return out


def _coordinated(mentions: list[Mention], text: str) -> list[Mention]:
    """The longest list of models named together ("the Silverado and Sierra", "A, B and C")."""
    best: list[Mention] = []
    for m in mentions:
        if m.model and m.kind == "explicit" and not m.parenthetical:
            chain = _chain(m, mentions, text)
            if len(chain) > len(best):
                best = chain
    return best if len(best) > 1 else []


# A relative clause between a model and a relation cue: the clause is about the model only when it
# opens right after it ("the Tekton, which replaces the Qashqai").
_RELATIVE = re.compile(r",\s*(?:which|who)\b")
_RELATIVE_RIGHT_AFTER = re.compile(r"(?:\s*[\w.-]+){0,2}?\s*(?:\([^)]{0,60}\)\s*)?,\s*(?:which|who)\b")  # past a trim ("VZ")


# From a list's last model into an aside describing the list: "the MX-5 and Fiat 124 – twin rear-drive".
_LIST_ASIDE = re.compile(r"\s*(?:[–—]|\()\s*[^–—()\d]{0,30}")


# From a relation's partner to a second verb of the same subject: "replaces the Qashqai and uses ...".
_NEXT_VERB = re.compile(r"\s*,?\s+and\s+(?:\w+ly\s+)?")


def _partner(f: Finding, mentions: list[Mention]) -> Mention | None:
    for m in mentions:
        if m.model and 0 <= m.start - f.end <= 2:
            return m
    return None


@component("assemble", requires=("sentences", "mentions", "focus", "findings"), provides=("proposals",))
def assemble(art: Annotated) -> None:
    """Propose a subject and status for every finding by the grammar rules (``attach`` decides)."""
    by_sentence: dict[int, list[Finding]] = {}
    for f in art.findings:
        by_sentence.setdefault(f.sentence, []).append(f)
    art.proposals = []
    engine_owner: Mention | None = None
    engine_status: str | None = None
    for sent in art.sentences:
        found = by_sentence.get(sent.index)
        if not found:
            continue
        text = art.doc.text
        mentions = art.mentions.get(sent.index, [])
        focus = art.focus.get(sent.index)
        sent_cues = cues(sent.text, [m.end - sent.start for m in mentions if not m.model])
        source = source_of(sent.text)
        partners: list[Mention] = []
        about_partner: set[int] = set()  # findings a relative clause ties to a relation's partner
        pending: list[tuple[Finding, Mention, str | None, str | None]] = []
        powered = _powered(mentions, text)
        if powered is not None:
            engine_owner = powered
            # what is said of that engine in the car it will power carries this sentence's hedge
            engine_status = status_for(sent.text, powered.start - sent.start, sent_cues, 0)
        # "Mated to the ten-speed auto, this engine makes 210 hp": the engine the article follows
        engine_talk = (engine_owner is not None and _THIS_ENGINE.search(sent.text)
                       and not any(m.model and m.kind == "explicit" for m in mentions))
        owned = {id(f): owners for f in found
                 if f.attribute in _ENGINE_TALK_ATTRS and (owners := engine_owners(f, mentions, text, sent.text))}
        asides = "(" in sent.text or " – " in sent.text or " — " in sent.text  # most sentences have none
        owner_ids = {id(m) for owners in owned.values() for m in owners}
        exclusive: set[int] = set()
        for f in sorted(found, key=lambda f: f.start):
            rel = f.start - sent.start
            if id(f) in owned:
                # "the 5.2-litre V10 used in the Huracan": figures of the engine those models have
                pending += [(f, m, None, "confirmed") for m in owned[id(f)]]
                if given_up(f, text):
                    exclusive.add(id(f))
                    continue  # "swapped the V6 shared by the Macan and Q5 for ...": not the subject's
            status = f.status or status_for(sent.text, rel, sent_cues, _clause_start(sent.text, rel))
            if status == "reported" and f.attribute in RECORDS and _ACCORDING.search(sent.text):
                status = "confirmed"  # "According to the outlet, Dacia sold 118,883": a record cited
            if status != "confirmed" and f.attribute in SPEC_ATTRS and _EXISTING_BEFORE.search(
                    sent.text, max(0, rel - 45), rel):
                # "is expected to keep its existing 2.5-litre engine": what exists today is a fact
                status = "confirmed"
            if f.attribute in ENTITY_ATTRIBUTES and f.qualifier_text == "mutual":
                group = _coordinated(mentions, text)
                pending += [(f, a, b.subject, status) for a in group for b in group if a.subject != b.subject]
                continue
            if f.attribute in ENTITY_ATTRIBUTES:
                partner = _partner(f, mentions)
                if partner is None:
                    continue
                if f.qualifier_text == "that-engine":
                    if engine_owner and engine_owner.subject != partner.subject:
                        pending.append((f, partner, engine_owner.subject, "confirmed" if status == "confirmed" else status))
                    continue
                before = [m for m in mentions if m.model and m.end <= f.start and m.subject != partner.subject
                          and "comparative" not in m.words]
                # "the Bigster, which replaces the Kadjar and uses the Sandero as its basis": another
                # relation's partner is not the subject of this one
                before = [m for m in before if not ("partner" in m.words and _NEXT_VERB.fullmatch(text, m.end, f.start))] \
                    or before
                subject = before[-1] if before else focus
                owners = None
                if (f.attribute == "shares_engine_with" and powered is not None and powered.start > f.end
                        and powered.subject != partner.subject):
                    # "the engine from the GR Yaris will go into the BRZ and GR86": the models it will power
                    owners = _chain(powered, mentions, text)
                    subject = powered
                if subject is None or subject.subject == partner.subject or not subject.model:
                    continue
                if owners is None and subject.end <= f.start and _RELATIVE.search(text, subject.end, f.start) \
                        and not _RELATIVE_RIGHT_AFTER.match(text, subject.end, f.start):
                    continue  # "a roadster will join later, which is likely to be a twin of ..."
                if _inside_aside(sent.text, rel):
                    status = "confirmed"
                for other in _chain(partner, mentions, text):
                    partners.append(other)
                    if f.qualifier_text == "passive":
                        pending.append((f, other, subject.subject, status))  # "was replaced by the X": X replaces it
                        continue
                    pending += [(f, owner, other.subject, status) for owner in owners or [subject]]
                if f.attribute == "shares_engine_with":
                    for g in found:
                        # the shared engine is the one described before its partner ("the 3.0-litre V6
                        # shared with the Z"); one described after may be another ("..., and will get a
                        # new 2.0-litre turbo")
                        if g.attribute in _ENGINE_ATTRS and g.value is not None and g.start < partner.start \
                                and not LIST_BREAK.search(text, g.end, partner.start):
                            pending.append((g, partner, None, "confirmed"))
                continue
            if f.attribute in ("lifecycle", "reveal", "on_sale", "production_start", "production_end") or f.event:
                # "the Mitsubishi Triton, which is already confirmed for a UK launch": a relative clause's event
                # is about the model it follows, even a relation's partner
                subject = _relative_subject(f, mentions, sent.text, sent.start)
                if subject is not None:
                    about_partner.add(id(f))
                opening = None if subject is not None else _opening_subject(f, mentions, sent)
                if isinstance(opening, str):
                    # "Arriving next spring, the Omoda 5 will take on the Qashqai": a model the mentions
                    # missed; the article's topic when it bears that name, else no model we can name
                    if focus is None or opening.lower() not in focus.subject.lower():
                        continue
                    opening = focus
                subject = subject or opening or _object(f, mentions, text) or focus
                if subject is not None and subject.start >= f.end:
                    # "stopped building the Ghibli and the Levante": every model of the list
                    pending += [(f, other, None, status) for other in _chain(subject, mentions, text)[1:]]
                elif subject is not None and subject.kind == "explicit" and subject.end <= f.start:
                    # "the Civic and CR-V have been discontinued": the list that ends at the model
                    group = _coordinated(mentions, text)
                    if subject in group:
                        pending += [(f, other, None, status) for other in group if other is not subject]
            elif (f.attribute == "market" and not any(m.model and m.kind in ("explicit", "plural") for m in mentions)
                  and not any(g.attribute == "price" for g in found)):  # a price is a model's
                # "BYD, Xpeng and Aiways have begun selling in Europe": a sentence that names makes
                # and no model says where those brands sell
                makes = [m for m in mentions if m.model is None and m.kind == "explicit" and not m.parenthetical]
                if makes:
                    pending += [(f, m, None, status) for m in makes]
                    continue
                subject = focus
            elif f.brand:
                subject = _bound(f, mentions, text)
                if subject is None:
                    before = [m for m in mentions if m.end <= f.start and "comparative" not in m.words
                              and m.kind != "carried"]
                    # "the Hyundai Tucson ... runner-up to the Toyota, with 39,205 sold": a make named as
                    # "the Toyota" is a car, not the brand whose figure follows
                    before = [m for m in before if m.model or not text[max(0, m.start - 4):m.start].lower()
                              .endswith("the ")] or before
                    subject = before[-1] if before else focus
            else:
                subject = _bound(f, mentions, text)
                if subject is None and f.attribute == "body_style" and unnamed(f, mentions, text):
                    # "it showed its first models – a compact hatch plus a large SUV": no model's
                    exclusive.add(id(f))
                    art.proposals.append(Proposal(f, Mention(f.start, f.start, "", None, kind="carried"), None,
                                                  "confirmed", sent, source, exclusive=True))
                    continue
                first = example_of(f, mentions, text) if subject is None and f.attribute == "powertrain" else None
                examples = _chain(first, mentions, text) if first is not None else []
                # "how much the brand has invested in electrified powertrains (see the SF90 and 296)": the
                # examples' powertrain, besides what the sentence says of its subject
                pending += [(f, m, None, "confirmed") for m in examples]
                if subject is not None and f.attribute in ("powertrain", "drivetrain") and (
                        _attributive(f, subject, text) or _in_form(f, subject, text)):
                    # "the gasoline-powered XT4", "the new hybrid McLaren Artura", "a Sorento in plug-in hybrid
                    # form": that car's alone, even a relation's partner ("a twin of the all-electric Macan")
                    about_partner.add(id(f))
                    exclusive.add(id(f))
                if subject is None and f.attribute == "market":
                    # "the new Honda Prelude (a model bound for Europe and Canada)": the aside's model
                    subject = _aside_owner(f, mentions, sent)
                    if subject is not None:
                        status = "confirmed"  # an aside states what it says as fact
                if subject is not None and f.attribute == "body_style" and subject.start < f.start:
                    status = "confirmed"  # "the Trailblazer compact SUV" (an apposition keeps the sentence's hedge)
                if subject is None:
                    others = [m for m in mentions if id(m) not in owner_ids]  # an engine it gave up has its owners
                    subject = _clause_subject(f, mentions, sent.text, sent.start) or _nearest(f, others, text) or focus
                elif focus is not None and subject.subject != focus.subject and f.attribute not in ("body_style", "market"):
                    status = "confirmed"  # a figure stated for another, existing model
                    if _same_as(sent.text, subject, sent.start):
                        pending.append((f, focus, None, status_for(sent.text, rel, sent_cues, 0)))
            if engine_talk and (f.attribute in _ENGINE_TALK_ATTRS or f.attribute in _PAIRING_ATTRS):
                # "Mated to the ten-speed auto, this engine ...": the gearbox it is paired with is as
                # certain as the engine's use in the car
                subject = engine_owner
                if engine_status and CERTAINTY_RANK[engine_status] < CERTAINTY_RANK.get(status or "confirmed", 0):
                    status = engine_status
            if subject is None:
                continue
            if (powered is not None and f.attribute in _ENGINE_TALK_ATTRS and subject.subject != powered.subject
                    and f.start < powered.start):
                # "the 2.8-litre of the Fortuner is expected to power the Hilux": the engine's figures
                # hold for the model it will power too; for the model it powers today they are a fact
                pending.append((f, powered, None, status))
                if subject.model and subject.kind == "explicit" and f.end <= subject.start < powered.start:
                    status = "confirmed"  # the owner named between the engine and its new home
            if f.attribute in _ENGINE_ATTRS and subject.model and powered is None and not engine_talk:
                engine_owner = subject
            pending.append((f, subject, None, status))
            group = _coordinated(mentions, text) if (asides and subject.kind == "explicit"
                                                     and _inside_aside(sent.text, rel)) else []
            if subject in group and _LIST_ASIDE.fullmatch(text, group[-1].end, f.start):
                # "the MX-5 and Fiat 124 – twin rear-drive roadsters –": the aside describes the list
                pending += [(f, other, None, status) for other in group if other is not subject]
            elif subject.kind == "explicit" and (f.attribute in ("market", "body_style") or (
                    f.attribute == "powertrain" and (_in_form(f, subject, text) or _named_right_before(f, subject)))):
                # "the Mini Coupe and Mini Roadster ... here": every model of a coordinated list
                pending += [(f, other, None, status) for other in _chain(subject, mentions, text)[1:]]
                if subject.end <= f.start:
                    # "the Hyundai Tucson and Kia Sportage crossovers": the list that ends at the model
                    group = _coordinated(mentions, text)
                    if subject in group:
                        pending += [(f, other, None, status) for other in group if other is not subject]
        if "respectively" in sent.text:
            pending = respectively(pending, found, mentions)
        partner_subjects = {p.subject for p in partners} | {
            m.subject for m in mentions if "partner" in m.words and (focus is None or m.subject != focus.subject)}
        plural = [m for m in mentions if m.kind == "plural"]
        if plural:
            for f, subject, value_override, status in list(pending):
                if subject is not None and subject.kind == "plural":
                    pending += [(f, p, value_override, status) for p in plural if p is not subject]
        for f, subject, value_override, status in pending:
            if not subject.model and (f.attribute in MODEL_ONLY or not (f.brand or f.attribute == "market")):
                continue
            if (subject.subject in partner_subjects and f.attribute not in ENTITY_ATTRIBUTES and id(f) not in about_partner
                    and f.attribute not in _ENGINE_ATTRS and f.attribute not in ("power_hp", "torque_lbft")):
                continue
            art.proposals.append(Proposal(f, subject, value_override, status or "confirmed", sent, source,
                                          exclusive=id(f) in exclusive))


def to_claims(art: Annotated, proposals: list[Proposal]) -> list[Claim]:
    """Contract claims from proposals, one per distinct (subject, attribute, value, negated)."""
    best: dict[tuple, Claim] = {}
    ranks: dict[tuple, tuple] = {}
    for p in proposals:
        f, subject, sent = p.finding, p.subject, p.sentence
        value = p.value_override if p.value_override is not None else f.value
        claim = Claim(
            doc=art.doc.doc, subject=subject.subject, attribute=f.attribute, value=value,
            status=p.status, evidence=sent.text, variant=subject.variant,
            generation=subject.generation, unit=f.unit, qualifier=f.qualifier, negated=f.negated,
            source=p.source, period=f.period, region=f.region, as_of=art.doc.date,
            qualifier_text=f.qualifier_text if f.qualifier_text not in ("that-engine", "passive") else None,
            start=sent.start,
        )
        key = claim.key
        old = best.get(key)
        # Prose outranks tables and headings, which state things without the article's hedges;
        # among equals the most certain status stays (contract: one claim, most certain status).
        # A sentence that names its subject outranks one that only carries the article's topic
        # (a general remark, "manual transmissions have almost disappeared", hedges nothing).
        rank = (_is_prose(sent.text), subject.kind != "carried", CERTAINTY_RANK[claim.status])
        if old is None or rank > ranks[key]:
            best[key] = claim
            ranks[key] = rank
    return sorted(withdrawn_markets(best.values()), key=lambda c: (c.start or 0, c.subject, c.attribute))


# How much farther a model after a value may stand than one before it and still be the nearer
# ("its 1.2-litre turbo Fabia": the name follows its engine; "the Aventador with its V12").
AFTER_PENALTY = 1.5
# Figures a round-up states model by model; markets, dates and states follow the sentence's subject.
NEAREST_ATTRS = frozenset({"displacement_l", "cylinders", "engine_layout", "aspiration", "power_hp", "torque_lbft",
                           "price", "range_km", "battery_kwh", "accel_0_60_s", "accel_0_100_s", "top_speed_mph",
                           "powertrain"})


# A possessive opening the value's noun phrase: the owner was named before it.
_ITS_BEFORE = re.compile(r"\b(?:its|their)\s+(?:[\w.-]+\s+){0,3}$", re.I)


def _nearest(f: Finding, mentions: list[Mention], text: str) -> Mention | None:
    """In a sentence naming several models (a round-up), the one nearest the value."""
    models = [m for m in mentions if m.model and m.kind == "explicit" and not m.parenthetical
              and not m.words & {"comparative", "partner"}]
    if f.attribute not in NEAREST_ATTRS or len({m.subject for m in models}) < 2:
        return None

    after = next((m for m in models if m.start >= f.end), None)
    if after is not None and _ITS_BEFORE.search(text, max(0, f.start - 40), f.start) \
            and LIST_BREAK.search(text, f.end, after.start):
        # "the Golf R will keep its turbocharged four-cylinder, whereas no Polo R ...": "its" points back
        # past a clause break ("Skoda said its 1.0-litre turbo Fabia": the name ends the noun phrase)
        models = [m for m in models if m.end <= f.start] or models

    def distance(m: Mention) -> float:
        return f.start - m.end if m.end <= f.start else (m.start - f.end) * AFTER_PENALTY

    return min(models, key=distance)


def _relative_subject(f: Finding, mentions: list[Mention], text: str, offset: int) -> Mention | None:
    """The model a "which"/"who" clause holding ``f`` is about, when the model ends right before it."""
    rel = f.start - offset
    markers = [m for m in _CLAUSE.finditer(text, 0, rel) if m.group().endswith(("which", "who"))]
    if not markers or _clause_start(text, rel) != markers[-1].end():
        return None
    marker = markers[-1]
    for m in mentions:
        if m.model and 0 <= marker.start() - (m.end - offset) <= 2 and "comparative" not in m.words:
            return m
    return None


def _clause_subject(f: Finding, mentions: list[Mention], text: str, offset: int) -> Mention | None:
    """A model standing at the head of the value's own clause ("...; Q50 could exceed 450 hp")."""
    rel = f.start - offset
    start = _clause_start(text, rel)
    if start == 0:
        return None
    marker = list(_CLAUSE.finditer(text, 0, rel))[-1]
    if marker.group().endswith(("which", "who")):
        # "the R1S, which is priced from $77,700": a relative clause is about the model it follows, even one
        # named in a comparison ("sits below the R1S, which is priced from ...")
        for m in mentions:
            if m.model and 0 <= marker.start() - (m.end - offset) <= 2:
                return m
    for m in mentions:
        if m.model and start <= m.start - offset < rel and "comparative" not in m.words:
            return m if re.fullmatch(r"[\s,]*(?:the\s+|its\s+)?(?:new\s+)?", text[start:m.start - offset]) else None
    return None


def _is_prose(sentence: str) -> bool:
    """A sentence that ends as prose does, unlike a table row, heading or caption."""
    return sentence.rstrip()[-1:] in ".!?。\"”’)" and not sentence.lstrip().startswith("|")


def _inside_aside(text: str, pos: int) -> bool:
    """Whether ``pos`` sits inside a dash- or parenthesis-delimited aside (stated as fact)."""
    before = text[:pos]
    return before.count("(") > before.count(")") or before.count(" – ") % 2 == 1 or before.count(" — ") % 2 == 1


def _same_as(text: str, mention: Mention, offset: int) -> bool:
    """Whether the sentence says the focus model gets the same engine as ``mention``."""
    head = text[:mention.start - offset]
    return bool(re.search(r"\bsame\b[^.]{0,60}\bas\s+(?:the\s+)?[\w\s-]{0,20}$", head, re.I))
