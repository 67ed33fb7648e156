"""Vehicle mentions: makes and models from the gazetteer, unknown models by pattern,
variants ("Track Spec", "Nismo", "Co-Creation Concept Edition") and generations.

A model name that is an ordinary word ("Focus", "Armada", "Z") is only taken
next to its make, or capitalised mid-sentence in an article that names its
make; a designation such as "Q50" or "GT-R" is taken alone. A designation
the gazetteer lacks but whose stem it knows ("Q50S" -> Q50) maps to the line
with the full name as variant.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from autodossier.extract.gazetteer import load_gazetteer
from autodossier.extract.pipeline import Annotated, component
from autodossier.extract.prefilter import LiteralFinder
from autodossier.extract.regions import REGIONS

_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-\.]*(?<![.\-])|[A-Za-z0-9]")
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "1st": 1, "2nd": 2, "3rd": 3,
    "4th": 4, "5th": 5, "6th": 6, "7th": 7, "8th": 8,
}
# Words that end a multi-word trim or edition name after a model ("Track Spec", "Launch Edition").
TRIM_HEADS = frozenset(
    "spec edition concept package line design signature series special".split()
)
# One-word performance or trim badges that follow a model name.
TRIM_BADGES = frozenset(
    "nismo amg rs gt gti gts gtr sti srt trd raptor hellcat trackhawk trx tremor type "
    "n m st svr svj sto performance competition nürburgring nurburgring".split()
)
# Capitalised words after a make that are not model names ("Nissan Says", "Infiniti Americas").
NOT_MODEL = frozenset(
    "the a an and or of in on at to for with is are was were has have had will would "
    "could may might said says announced confirmed motor motors group company brand "
    "americas america europe china japan usa north south global design designers dealer "
    "dealers official ceo chief president executive spokesperson chairman boss "
    "is also has its it this that which who when while but".split()
)


# Capitalised words after a make that name a company part, a place or a role, not a model
# ("Toyota India", "Hyundai Motor Group", "Ford Performance", "Kia Australia").
NOT_PATTERN_MODEL = NOT_MODEL | frozenset(
    "motor motors group corp corporation inc ltd limited auto automotive automobile automobiles cars vehicles "
    "vehicle performance racing division unit boss engineers engineering team plant factory dealership "
    "showroom showrooms india australia canada mexico brazil japan korea germany uk us usa britain france "
    "italy spain thailand malaysia philippines indonesia vietnam africa zealand europe european china "
    "chinese american british japanese korean german indian australian south north east west new all "
    "monday tuesday wednesday thursday friday saturday sunday january february april june july august "
    "september october november december ev evs suv suvs mpv sedan coupe hatchback ute utes pickup "
    "pickups truck trucks van vans crossover crossovers wagon estate roadster convertible family "
    "city town plant works factory hq headquarters large small big compact product products "
    "brand brands lineup range model models car pro max plus mini lite sport sports hybrid electric "
    "i ii iii iv according as at by from into over under after before since last next this these those "
    "he she they we you our their his her "
    # departments and job titles ("Acura National Sales", "Kia Marketing Director")
    "national sales marketing communications planning operations vice senior general manager managing director "
    "spokesman spokeswoman finance financial insurance customer service services parts".split()
) | frozenset(word for name in REGIONS for word in name.split())
NOT_PATTERN_MODEL -= frozenset({"pro", "max", "plus", "mini", "sport", "hybrid", "electric", "ev", "i", "ii", "iii", "iv"})
# Tokens that may continue an unknown model's name after its first word ("Grand i10 Nios", "Tigor EV").
_NAME_TAIL = frozenset({"ev", "pro", "max", "plus", "sport", "ii", "iii", "iv"})
# A name part that starts with a digit: digits with at most a short letter suffix ("500X", "3", "6e").
_NUMERIC_NAME = re.compile(r"\d{1,4}[A-Za-z]{0,2}")
# At most this many tokens in a name recognised by its shape (longer runs are headlines or lists).
MAX_PATTERN_TOKENS = 3


@dataclass
class Mention:
    """A reference to a model (or a bare make) in one sentence."""

    start: int  # absolute character offsets in the document text
    end: int
    make: str
    model: str | None  # None: the make itself (brand claims)
    variant: str | None = None
    generation: int | None = None
    kind: str = "explicit"  # explicit | anaphor
    parenthetical: bool = False
    words: set = field(default_factory=set)

    @property
    def subject(self) -> str:
        return f"{self.make} {self.model}" if self.model else self.make


@lru_cache(maxsize=1)
def _make_aliases() -> LiteralFinder:
    """The make aliases an article may name anywhere (shorter ones are too often parts of words)."""
    return LiteralFinder(alias for alias in load_gazetteer().makes if len(alias) > 2)


@lru_cache(maxsize=1)
def _index():
    """Token-sequence indexes over the gazetteer, built once per process."""
    gaz = load_gazetteer()
    makes: dict[tuple[str, ...], str] = {}
    for alias, make in gaz.makes.items():
        makes[tuple(_tokens_lower(alias))] = make
    models: dict[tuple[str, ...], list[tuple[str, str]]] = {}
    for alias, lines in gaz.models.items():
        # aliases that differ only in case or punctuation ("Swift", "SWIFT+") list a line once: a
        # repeated line would read as two candidates and leave the name unresolved
        known = models.setdefault(tuple(_tokens_lower(alias)), [])
        known.extend(line for line in lines if line not in known)
    max_make = max((len(k) for k in makes), default=1)
    max_model = max((len(k) for k in models), default=1)
    # First tokens of every alias: most tokens start none, and one set lookup rules them out.
    make_first = frozenset(k[0] for k in makes if k)
    model_first = frozenset(k[0] for k in models if k)
    return gaz, makes, models, max_make, max_model, make_first, model_first


@lru_cache(maxsize=1)
def _alias_starters() -> frozenset[str]:
    """First tokens of every make or model alias (one set test instead of two per token)."""
    _, _, _, _, _, make_first, model_first = _index()
    return make_first | model_first


@lru_cache(maxsize=1)
def _longest_from() -> dict[str, int]:
    """For each first token of a model alias, the most tokens an alias starting with it has."""
    longest: dict[str, int] = {}
    for key in _index()[2]:
        if key:
            longest[key[0]] = max(longest.get(key[0], 0), len(key))
    return longest


def _tokens_lower(text: str) -> list[str]:
    return [m.group().lower() for m in _TOKEN.finditer(text)]


_DIGIT = re.compile(r"\d")
# Month names that are also model names (Nissan March): taken only right after their make.
MONTH_NAMES = frozenset("january february march april may june july august september october november december".split())
# Electric names that start with a lower-case prefix ("e Vitara", "e-C3", "iX3"): capitalised after it.
_E_PREFIX = re.compile(r"[a-z]{1,2}[\s-]?[A-Z0-9]")
_APOSTROPHES = ("'", "’")
# Punctuation between a make and the next word that ends the make's mention ("Chirey, JAC", "Kia/Hyundai").
_NAME_BREAK = re.compile(r"[,;:&/]")
_LETTER = re.compile(r"[A-Za-z]")
_ACRONYM = re.compile(r"[A-Z]{2,}(?:-[A-Z0-9]+)?")
_STEM = re.compile(r"(.*\d)([A-Za-z]{1,2})$")
# Unit abbreviations glued to a number ("200kg", "150km", "98PS"): the token is a quantity.
UNIT_SUFFIXES = frozenset("kg km mi hp ps kw nm cc c mm cm lb l v s h".split())
# "the 5th and 6th models": an ordinal, never a model ("6th" is not the Mazda 6).
ORDINAL_SUFFIXES = frozenset("st nd rd th".split())
# A letter and two or three digits: a model ("G90") but also a chassis code ("the G90 M5", "F90").
_CHASSIS_SHAPE = re.compile(r"[A-Z]\d{2,3}")
# Distinct tokens in a corpus number in the tens of thousands; the cache stays small and warm.
_TOKEN_CACHE = 65536


@lru_cache(maxsize=_TOKEN_CACHE)
def _looks_like_designation(token: str) -> bool:
    """A model designation safe to match alone: letters and digits mixed ("Q50", "RAV4", "F-150")."""
    return bool(_DIGIT.search(token) and _LETTER.search(token)) or bool(
        _ACRONYM.fullmatch(token) and len(token) >= 3
    )


def _glued_to_number(toks, j: int, sentence: str) -> bool:
    """Whether token ``j`` continues a number ("2,200kg" splits into "2" and "200kg")."""
    if j == 0:
        return False
    prev_text, _, prev_end = toks[j - 1]
    return prev_text.isdigit() and toks[j][1] - prev_end == 1 and sentence[prev_end:prev_end + 1] == ","


def _in_parentheses(text: str, pos: int) -> bool:
    before = text[:pos]
    return before.count("(") > before.count(")")


# Token -> whether it can begin a mention by itself (starts an alias, is a designation or an alias's
# plural, and is no cylinder layout); the article's learned names are checked apart.
_may_start: dict[str, bool] = {}


def _decide_start(tok: str, starters: frozenset[str]) -> None:
    w = tok.lower()
    _may_start[tok] = bool((w in starters or _looks_like_designation(tok) or (w[-1:] == "s" and w[:-1] in starters))
                           and not _CYLINDER_LAYOUT.fullmatch(tok))


def find_mentions(sentence: str, offset: int, doc_makes: set[str],
                  doc_models: dict[tuple[str, ...], tuple[str, str]] | None = None) -> list[Mention]:
    """Explicit make/model mentions in one sentence (absolute offsets via ``offset``).

    ``doc_models``: models the article named earlier by shape ("Dodge Stealth"), by lower-case
    tokens, so that a later bare "the Stealth" is found too; new ones are added to it.
    """
    gaz, makes, models, max_make, max_model, make_first, model_first = _index()
    toks = [(m[0], m.start(), m.end()) for m in _TOKEN.finditer(sentence)]  # faster than *m.span()
    low = [t[0].lower() for t in toks]
    out: list[Mention] = []
    starters = _alias_starters()
    # Only tokens that start a make or model alias, or are designations, can begin a mention:
    # visit those in order, skipping any inside a mention already taken (up to ``free``).
    learned = doc_models if doc_models is not None else {}
    learned_first = {k[0] for k in learned}
    # (what depends on the token alone is decided once per distinct token, see _may_start)
    may_start = _may_start
    if len(may_start) >= _TOKEN_CACHE:  # (only here: every token of this sentence must stay in it)
        may_start.clear()
    for t in toks:
        if t[0] not in may_start:
            _decide_start(t[0], starters)
    candidates = [k for k, t in enumerate(toks)
                  if may_start[t[0]] or learned_first and low[k] in learned_first
                  and not _CYLINDER_LAYOUT.fullmatch(t[0])]
    free = 0
    for i in candidates:
        if i < free:
            continue
        found = None
        # Make first (longest alias), then a model after it.
        if low[i] in make_first and toks[i][0][0].isupper():
            for n in range(min(max_make, len(toks) - i), 0, -1):
                key = tuple(low[i:i + n])
                if key in makes:
                    found = (makes[key], n)
                    break
        if found:
            make, n = found
            j = i + n
            possessive = j < len(toks) and sentence[toks[j][1] - 1:toks[j][1]] in _APOSTROPHES
            # "Chirey, JAC and BAIC": a list's comma ends the make; the next name is no model of it
            listed = j < len(toks) and _NAME_BREAK.search(sentence, toks[j - 1][2], toks[j][1]) is not None
            # "Tesla's sales": the possessive "s" names no model "S"
            model, m, _ = (None, 0, None) if possessive or listed else _match_model(toks, low, j, make, models, gaz,
                                                                                     sentence=sentence)
            if not model and not possessive and not listed:
                k = _pattern_model(toks, low, j, toks[j - 1][2], sentence)
                if k:
                    name = " ".join(t[0] for t in toks[j:j + k])
                    model, m = (name, None), k
                    learned[tuple(low[j:j + k])] = (make, name)
                    for part in (low[j], low[j + k - 1]) if k > 1 else ():
                        if part not in _NAME_TAIL and not part.isdigit():
                            learned.setdefault((part,), (make, name))
            end_tok = j + m - 1 if model else j - 1
            variant = None
            if model:
                variant, vlen = _variant_after(toks, low, end_tok + 1)
                if vlen:
                    end_tok += vlen
                if model[1]:
                    variant = model[1] if not variant else f"{model[1]} {variant}"
            mention = Mention(
                offset + toks[i][1], offset + toks[end_tok][2], make,
                model[0] if model else None, variant,
            )
            mention.generation = _generation_before(low, i)
            mention.parenthetical = _in_parentheses(sentence, toks[i][1])
            out.append(mention)
            free = end_tok + 1
            continue
        model, m, make = _match_model(toks, low, i, None, models, gaz, doc_makes, i == 0,
                                      prefer=out[-1].make if out else None, sentence=sentence)
        if not model and low[i] in learned_first and toks[i][0][:1].isupper():
            for n in range(min(MAX_PATTERN_TOKENS, len(toks) - i), 0, -1):
                hit = learned.get(tuple(low[i:i + n]))
                if hit:
                    make, name = hit
                    model, m = (name, None), n
                    break
        if model:
            name, variant_from_stem = model
            end_tok = i + m - 1
            variant, vlen = _variant_after(toks, low, end_tok + 1)
            end_tok += vlen
            if variant_from_stem:
                variant = variant_from_stem if not variant else f"{variant_from_stem} {variant}"
            mention = Mention(offset + toks[i][1], offset + toks[end_tok][2], make, name, variant)
            mention.generation = _generation_before(low, i)
            mention.parenthetical = _in_parentheses(sentence, toks[i][1])
            out.append(mention)
            free = end_tok + 1
    return out


def _pattern_model(toks, low, j: int, make_end: int, sentence: str) -> int:
    """Token count of an unknown model named by shape right after its make ("Dodge Stealth",
    "Hyundai Grand i10 Nios", "Tata Tigor EV"), or 0."""
    n = 0
    while j + n < len(toks) and n < MAX_PATTERN_TOKENS:
        tok, start, _ = toks[j + n]
        prev_end = toks[j + n - 1][2] if n else make_end
        if sentence[prev_end:start].strip(" -"):
            break  # a comma or other punctuation ends the name
        word = low[j + n]
        designation = _looks_like_designation(tok) and not (_STEM.match(tok) and _STEM.match(tok).group(2).lower()
                                                            in UNIT_SUFFIXES)
        if tok[0].isdigit() and not _NUMERIC_NAME.fullmatch(tok):
            break  # "1.2-litre", "400hp": a quantity, not a name
        if n == 0:
            if word in NOT_PATTERN_MODEL or not (tok[0].isupper() or designation or _E_PREFIX.match(tok)):
                break
            if word.endswith(("ed", "ing")) and not designation and not (
                    j + 1 < len(toks) and toks[j + 1][0][:1].isupper()):
                break  # "the MINI Connected suite": a participle, unless a name goes on ("Electrified Sport")
            if tok.isdigit() or tok.isupper() and len(tok) <= 2 and not designation:
                break
        elif word in NOT_PATTERN_MODEL and word not in _NAME_TAIL:
            break
        elif not (designation or word in _NAME_TAIL or (tok[0].isupper() and word not in TRIM_BADGES
                                                          and word not in TRIM_HEADS)):
            break
        n += 1
    return n


# "I4", "V8", "W12", "H6" in capitals: an engine layout, never a model (BMW's i4 is written "i4").
_CYLINDER_LAYOUT = re.compile(r"I-?[3-6]|V-?(?:6|8|10|12)|W-?(?:8|12|16)|H-?[46]")
# A plural "s" on a model name (at least two characters before it: "Model 3s", "Sanderos").
_PLURAL = re.compile(r"[a-z0-9][a-z0-9-]+s$|[0-9]s$")
# After another word of the name, one letter is enough ("Model Ys").
_PLURAL_SHORT = re.compile(r"[a-z0-9]s$")


def _plural_first(word: str) -> bool:
    """Whether ``word`` with its plural "s" dropped starts a model alias."""
    return bool(_PLURAL.match(word)) and word[:-1] in _index()[6]


def _match_model(toks, low, j, make, models, gaz, doc_makes=None, initial=False, prefer=None, sentence=""):
    """Longest model at token ``j``: ((model, variant|None), token count, make) or (None, 0, None).

    ``prefer``: the make named last before it in the sentence, which settles a name that several
    of the article's makes use ("Dacia sold ..., led by the Duster" in a story naming Renault too).
    """
    if j >= len(toks):
        return None, 0, None
    max_model = 4
    # No alias starts with this token: skip the n-gram lookups; none is tried longer than the longest
    # alias that starts with it ("the" starts only "the beetle"). A plural changes only the last token,
    # so beyond one token the first must start an alias as written.
    longest = _longest_from().get(low[j])
    if longest is not None:
        top = min(max_model, len(toks) - j, longest)
    else:
        top = 1 if _plural_first(low[j]) else 0
    for n in range(top, 0, -1):
        key = tuple(low[j:j + n])
        lines = models.get(key)
        plural = False
        # (both plural shapes end in "s": most tokens fail that one test before either regex runs)
        if not lines and key[-1][-1:] == "s" and (_PLURAL.match(key[-1]) or n > 1 and _PLURAL_SHORT.match(key[-1])):
            # "118,883 Sanderos", "21,056 Model 3s", "Model Ys", "T-Rocs": a model named in the plural
            lines = models.get(key[:-1] + (key[-1][:-1],))
            plural = True
        if not lines:
            continue
        written = " ".join(t[0] for t in toks[j:j + n])[:-1 if plural else None]
        lines = [(mk, md, _suffix_variant(written, md)) for mk, md in lines]
        if make is not None:
            for mk, model, var in lines:
                if mk == make:
                    return (model, var), n, make
            continue
        # No make before it: only unambiguous lines, or capitalised ones whose make the article names.
        text = " ".join(t[0] for t in toks[j:j + n])
        if text.lower() in MONTH_NAMES:
            continue  # "the year that ended in March": a month, not the Nissan March
        candidates = [(mk, md, var) for mk, md, var in lines if (mk, md) not in gaz.ambiguous]
        if doc_makes and _CHASSIS_SHAPE.fullmatch(text):
            # "the G90 M5": a letter and two or three digits is also how makers code chassis, so alone
            # it names another make's model only in an article that names that make
            candidates = [c for c in candidates if c[0] in doc_makes]
        if candidates and (_looks_like_designation(text) or len(text) > 3 and (text[0].isupper() or _E_PREFIX.match(text))):
            preferred = [c for c in candidates if c[0] in (doc_makes or ())]
            pick = preferred or candidates
            # "the company's Trax SUV and Malibu sedan": a name only one make uses, followed by a
            # body word, is that make's model even where the article never names the make
            body_after = j + n < len(low) and low[j + n] in BODY_NOUNS
            # "the battery-powered Range Rover": a name of several capitalised words only one make uses
            proper = n > 1 and all(t[0][:1].isupper() or t[0][:1].isdigit() for t in toks[j:j + n])
            if len({c[0] for c in pick}) == 1 and (preferred or _looks_like_designation(text) or body_after or proper):
                return (pick[0][1], pick[0][2]), n, pick[0][0]
        if (doc_makes or prefer) and not initial and (text[0].isupper() or _numeric_model_context(text, low, j, n)):
            # the article's makes so far, and the make this sentence just named ("the Trax SUV and Malibu sedan")
            named = [(mk, md, var) for mk, md, var in lines if mk in (doc_makes or ()) or mk == prefer]
            if len(named) > 1:
                named = [c for c in named if c[0] == prefer]
            if len(named) == 1:
                return (named[0][1], named[0][2]), n, named[0][0]
    # A designation with a suffix the gazetteer lacks: "Q50S" -> Q50, variant "Q50S".
    tok = toks[j][0]
    if _looks_like_designation(tok):
        stem = _STEM.match(tok)
        if stem and (stem.group(2).lower() in UNIT_SUFFIXES | ORDINAL_SUFFIXES or _glued_to_number(toks, j, sentence)):
            stem = None  # "2,200kg", "200hp": a number with its unit, never a model
        if stem:
            lines = models.get((stem.group(1).lower(),), [])
            if make is not None:
                lines = [ln for ln in lines if ln[0] == make]
            if len({ln[0] for ln in lines}) == 1:
                mk, md = lines[0]
                return (md, tok), 1, mk
        if make is not None and tok[0].isupper() and tok.lower() not in NOT_MODEL:
            known, n, _ = _match_model(toks, low, j + 1, make, models, gaz, sentence=sentence)
            if known and toks[j + 1][1] - toks[j][2] <= 1:
                # "Toyota GRMN 86": a badge between the make and a line of that make is the line's variant
                return (known[0], tok if not known[1] else f"{tok} {known[1]}"), n + 1, make
            return (tok, None), 1, make  # an unknown model of a known make, by pattern
    return None, 0, None


# Words that show a bare number names a model ("the 1500 pickup"), not a quantity ("1500 rpm").
_DETERMINERS = frozenset({"the", "its", "their", "a", "new", "all-new", "latest"})
BODY_NOUNS = frozenset({"pickup", "truck", "sedan", "saloon", "suv", "crossover", "hatchback", "coupe", "wagon",
                        "estate", "van", "minivan", "roadster", "convertible", "model", "supercar", "hatch"})


def _numeric_model_context(text: str, low: list[str], j: int, n: int) -> bool:
    """A numeric model name ("1500", "208") written after a determiner and before a body word."""
    return (text.isdigit() and j > 0 and low[j - 1] in _DETERMINERS
            and j + n < len(low) and (low[j + n] in BODY_NOUNS  # "the 508 sedan", "the 508 mid-sized sedan"
                                      or j + n + 1 < len(low) and "-" in low[j + n] and low[j + n + 1] in BODY_NOUNS))


# Compiled once: these run per model candidate, where ``re``'s cache lookup alone costs a microsecond.
_NOT_ALNUM = re.compile(r"[^0-9a-z]")
_GENERATION = re.compile(r"\b(\w+)[\s-]+gen(?:eration)?\b")


def _suffix_variant(written: str, model: str) -> str | None:
    """"Q50S" written for the Q50 line: the variant name, as written; None for a mere respelling."""
    a, b = _NOT_ALNUM.sub("", written.lower()), _NOT_ALNUM.sub("", model.lower())
    return written if a != b and a.startswith(b) and _DIGIT.search(b) else None


def _variant_after(toks, low, k):
    """A trim/edition name right after a model: (text, token count) or (None, 0)."""
    if k >= len(toks):
        return None, 0
    if low[k] in TRIM_BADGES and toks[k][0][:1].isupper():
        if low[k] == "type" and k + 1 < len(toks) and len(toks[k + 1][0]) <= 2:
            return f"{toks[k][0]} {toks[k + 1][0]}", 2
        if low[k] != "type":
            return toks[k][0], 1
    for n in range(1, 5):
        if k + n > len(toks):
            break
        words = toks[k:k + n]
        if not all(w[0][:1].isupper() for w in words):
            break
        if low[k + n - 1] in TRIM_HEADS and n >= 2:
            return " ".join(w[0] for w in words), n
    # An edition name the lists lack, in Title Case right after the model ("Q50 Eau Rouge"): one or
    # two capitalised words that name no make, model, place or role, followed by ordinary text.
    n = 0
    while n < 2 and k + n < len(toks) and _EDITION_WORD.fullmatch(toks[k + n][0]) \
            and low[k + n] not in NOT_PATTERN_MODEL and low[k + n] not in _alias_starters() \
            and low[k + n] not in _NOT_EDITION:
        n += 1
    if n and (k + n == len(toks) or not toks[k + n][0][:1].isupper()):
        return " ".join(t[0] for t in toks[k:k + n]), n
    return None, 0


# A Title-Case word that may be part of an edition name.
_EDITION_WORD = re.compile(r"[A-Z][a-z]{1,12}")
# Title-Case words after a model that start a heading or a clause, not an edition name.
_NOT_EDITION = frozenset("review verdict specs specifications price prices pricing interior exterior "
                         "engine range features rivals gallery video photos news first drive test "
                         "however meanwhile although though while whereas then also".split())


def _generation_before(low, i):
    """'second-generation Q50' -> 2 (the ordinal within three tokens before the mention)."""
    window = " ".join(low[max(0, i - 4):i])
    m = _GENERATION.search(window)
    if m and m.group(1) in ORDINALS:
        return ORDINALS[m.group(1)]
    return None


@component("mentions", requires=("sentences",), provides=("mentions",))
def mentions(art: Annotated) -> None:
    """Find explicit vehicle mentions in every sentence."""
    doc_makes: set[str] = set()
    doc_models: dict[tuple[str, ...], tuple[str, str]] = {}
    gaz = _index()[0]
    for alias in _make_aliases().found(art.doc.text.lower()):
        doc_makes.add(gaz.makes[alias])
    current: str | None = None  # the make the article spoke of last
    if art.doc.title:
        # the title's models by shape ("the 217mph Lamborghini Sian"): the text may name them bare
        find_mentions(art.doc.title, 0, doc_makes, doc_models)
    for s in art.sentences:
        found = find_mentions(s.text, s.start, doc_makes, doc_models)
        if current or found:
            found = sorted(found + _bare_models(s.text, s.start, found, current, doc_models, found),
                           key=lambda m: m.start)
        art.mentions[s.index] = found
        doc_makes.update(m.make for m in found)
        if found:
            current = found[-1].make


# Words before a bare name that make it a model ("the new Tekton", "its TUV300", "the upcoming VF3",
# "is to be named TUV300").
_NAME_LEAD = frozenset("the its their new all-new upcoming latest facelifted updated entry-level flagship "
                       "forthcoming next-generation next-gen a an named called dubbed badged christened".split())
# A designation by shape: letters then digits ("GV90", "TUV300", "VF3", "i10"), not an engine code.
# One capital and digits is a chassis or engine code far more often ("C8", "G90", "V10").
_BARE_DESIGNATION = re.compile(r"(?:[A-Z]{2,4}|[a-z]{1,2}[A-Z]?)-?\d{1,4}[a-z]?")
# Words after a name that make it a part, a platform or a rule, not a car.
_NOT_A_CAR_AFTER = frozenset("engine engines platform architecture motor motors unit units treatment norms "
                             "standard standards emission emissions phase gearbox transmission battery "
                             "batteries chassis generation project plant program programme "
                             # "a new SP20 variant", "the GT trim": a grade of the model named before
                             "variant variants trim trims grade grades".split())
# "a flat-plane-crank V-8, the LT7": a code in apposition to an engine names the engine.
_ENGINE_WORDS = frozenset("engine engines motor unit powerplant four-cylinder six-cylinder flat-six inline-six "
                          "straight-six v8 v6 v10 v12 turbo-four".split())
_EMISSION = re.compile(r"BS-?\d|Euro-?\d")
# An engine size right after a name ("EA888 2.0-litre", "B58 3.0L"): the name is the engine's.
_SIZE_AFTER = re.compile(r"\d\.\d(?:-?(?:litre|liter|l))?$")
# Most sentences hold no bare name: one scan for the shapes the loop below accepts skips them.
_BARE_HINT = re.compile(
    r"\b(?:the|its|their|new|all-new|upcoming|latest|facelifted|updated|entry-level|flagship|forthcoming|"
    r"next-generation|next-gen|a|an|named|called|dubbed|badged|christened)\s+(?:[A-Z]{2,4}|[a-z]{1,2}[A-Z]?)-?\d"
    r"|\b(?:new|all-new|upcoming|latest|facelifted|updated|entry-level|flagship|forthcoming|next-generation|next-gen)\s+[A-Z][a-z]"
    r"|\b[\w-]+\s+(?i:suvs?|sedans?|saloons?|hatchbacks?|hatch|crossovers?|coupes?|wagon|estate|pickups?|utes?|mpv|ev|"
    r"roadsters?|convertibles?|supercars?|hypercars?)\b"
)
# Body words after a bare name that make it a model ("the Aura sedan", "the Exter SUV").
_BODY_AFTER = frozenset("suv suvs sedan saloon hatchback hatch crossover coupe wagon estate pickup ute mpv "
                        "ev roadster convertible supercar hypercar".split())


def _bare_models(sentence: str, offset: int, taken: list[Mention], make: str | None,
                 learned: dict[tuple[str, ...], tuple[str, str]], found: list[Mention]) -> list[Mention]:
    """Models named without their make, by shape and context: "the new Tekton", "its TUV300",
    "the Exter SUV". They belong to the make the article spoke of last and are remembered."""
    # the make the sentence names first is its subject's ("Genesis – Hyundai's upmarket arm – is readying
    # ... the GV90"); with none, the make the article spoke of last
    make = next((m.make for m in found if not m.parenthetical), make)
    if make is None or not _BARE_HINT.search(sentence):
        return []
    toks = [(m[0], m.start(), m.end()) for m in _TOKEN.finditer(sentence)]
    low = [t[0].lower() for t in toks]
    spans = [(m.start - offset, m.end - offset) for m in taken]
    out: list[Mention] = []
    k = 0
    while k < len(toks):
        tok, a, b = toks[k]
        if any(x < b and a < y for x, y in spans) or k == 0:
            k += 1
            continue
        lead = low[k - 1] in _NAME_LEAD
        body = k + 1 < len(toks) and low[k + 1] in _BODY_AFTER
        if not (lead or body):
            k += 1
            continue  # a bare name needs a word before it ("its", "the new") or a body word after it
        designation = bool(_BARE_DESIGNATION.fullmatch(tok)) and not _STEM.match(tok) or bool(
            _BARE_DESIGNATION.fullmatch(tok) and _STEM.match(tok) and _STEM.match(tok).group(2).lower() not in UNIT_SUFFIXES)
        word = (tok[0].isupper() and tok[1:].islower() and len(tok) > 2 and low[k] not in NOT_PATTERN_MODEL
                and low[k] not in _alias_starters() and low[k] not in MONTH_NAMES)
        quoted = sentence[a - 1:a] in "'‘\"“" if a else False
        after = low[k + 1] if k + 1 < len(toks) else ""
        if designation and k + 1 < len(toks) and _BARE_DESIGNATION.fullmatch(toks[k + 1][0]):
            k += 1
            continue  # "the TTV8 LT7": two codes in a row name an engine
        engine_before = any(w in _ENGINE_WORDS or w.startswith(("v-", "v8", "v6", "v10", "v12"))
                            for w in low[max(0, k - 8):k]) or any(w in ("engine", "engines", "motor", "unit")
                                                                  for w in low[k + 1:k + 4]) or bool(
            _SIZE_AFTER.match(after))  # "the EA888 2.0-litre four-cylinder": a code before its size
        if after in _NOT_A_CAR_AFTER or tok.endswith("-based") or _EMISSION.fullmatch(tok) or engine_before:
            k += 1
            continue  # "the NE01 engine", "its Ultium EV platform", "the BS6 treatment": not a car
        # a plain word is a name only right after its make was named in the same sentence
        word = word and bool(found) and not quoted
        if not ((designation and (lead or body)) or (word and (lead and low[k - 1] not in ("the", "a", "an", "its", "their")
                                                               or body))):
            k += 1
            continue
        n = 1
        while k + n < len(toks) and n < MAX_PATTERN_TOKENS and (toks[k + n][0].isdigit() and len(toks[k + n][0]) <= 2
                                                                or low[k + n] in _NAME_TAIL):
            n += 1
        name = " ".join(t[0] for t in toks[k:k + n])
        learned.setdefault(tuple(low[k:k + n]), (make, name))
        mention = Mention(offset + a, offset + toks[k + n - 1][2], make, name)
        mention.parenthetical = _in_parentheses(sentence, a)
        out.append(mention)
        k += n
    return out
