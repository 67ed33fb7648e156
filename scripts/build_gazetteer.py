#!/usr/bin/env python3
"""Build ``src/autodossier/data/vehicles.csv``, the vehicle gazetteer.

Inputs:
  * the US make/model list for model years 2001-2015 (arthurkao/vehicle-make-model-data,
    MIT licence), default ``../shared/data/make-model-2001-2015.csv`` beside the repo;
  * ``scripts/gazetteer_extra.csv``: hand-curated lines after 2015 and outside the US list,
    plus body styles and aliases for lines the US list already has;
  * ``src/autodossier/data/makes.csv``: the canonical makes (hand-written).

The US list is cleaned as follows:
  1. Makes: a raw make is kept only when it maps to a make of ``makes.csv`` (passenger cars
     and light trucks); every other raw make must be in ``EXCLUDED_MAKES`` (motorcycles,
     powersports, heavy trucks and buses, junk records), so a new source make fails the
     build instead of slipping in or out silently.
  2. Models of mixed makes (Honda, Suzuki build motorcycles too) come from a keep-list;
     BMW motorcycles are dropped by their model-code pattern; heavy-truck lines of car makes
     are dropped by ``DROP_MODELS``.
  3. Trims, engine and body suffixes are removed so that a model is the marketed line:
     maker-specific rules for BMW / Mercedes-Benz / Lexus names (``328i`` -> ``3 Series``),
     generic suffix stripping (``F-250 SUPER DUTY`` -> ``F-250``, ``SIERRA 2500 HD`` ->
     ``SIERRA``), a merge of ``BASE + variant word`` into ``BASE`` when ``BASE`` is a line of
     the same make (``WRX STI`` -> ``WRX``, ``300C`` -> ``300``), and ``OVERRIDES``.
     The raw names become aliases of the line.

Output is sorted and byte-for-byte deterministic.

Usage: python scripts/build_gazetteer.py [US_CSV] [--extra FILE] [--makes FILE] [--out FILE]
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_US_CSV = REPO.parent / "shared" / "data" / "make-model-2001-2015.csv"
DEFAULT_EXTRA = REPO / "scripts" / "gazetteer_extra.csv"
DEFAULT_MAKES = REPO / "src" / "autodossier" / "data" / "makes.csv"
DEFAULT_OUT = REPO / "src" / "autodossier" / "data" / "vehicles.csv"

COLUMNS = ["make", "model", "aliases", "first_year", "last_year", "body", "ambiguous"]
# The US list covers model years 2001-2015 (plus a few early 2016 records): a line seen in
# 2015 or later was still on sale when it ends, so its last year is not known from it.
US_LIST_END = 2015
BODY_STYLES = {"sedan", "coupe", "suv", "crossover", "wagon", "hatchback", "convertible",
               "pickup", "van", "minivan"}

# Raw makes of the US list that are not passenger-car makers, by why they are excluded.
EXCLUDED_MAKES = {
    "motorcycle/scooter": {
        "AMERICAN IRONHORSE", "APRILIA", "ATK", "BETA", "BIG DOG", "BIMOTA", "BUELL",
        "CANNONDALE", "COBRA", "DUCATI", "E-TON", "GAS GAS", "HARLEY DAVIDSON", "HM",
        "HUSABERG", "HUSQVARNA", "HYOSUNG", "INDIAN", "KASEA", "KAWASAKI", "KTM", "KYMCO",
        "LEM", "MOTO GUZZI", "MV AGUSTA", "PIAGGIO", "TM", "TRIUMPH", "VENTO", "VESPA",
        "VICTORY", "YAMAHA",
    },
    "powersport/utility vehicle": {
        "ARCTIC CAT", "ARGO", "BOBCAT", "BOMBARDIER", "CAN-AM", "CUB CADET", "JOHN DEERE",
        "KUBOTA", "POLARIS", "SEA-DOO", "SKI-DOO",
    },
    "heavy truck/bus/motorhome": {
        "AMERICAN LAFRANCE", "AUTOCAR LLC.", "BLUE BIRD", "CHANCE COACH TRANSIT BUS",
        "COUNTRY COACH MOTORHOME", "CRANE CARRIER", "EL DORADO", "FREIGHTLINER", "GILLIG",
        "HINO", "IC CORPORATION", "INTERNATIONAL", "KENWORTH", "MACK", "MITSUBISHI FUSO",
        "MOTOR COACH INDUSTRIES", "NEW FLYER", "NOVA BUS CORPORATION", "ORION BUS",
        "OSHKOSH MOTOR TRUCK CO.", "OTTAWA", "PETERBILT", "PIERCE MFG. INC.",
        "STERLING", "STERLING TRUCK", "UD", "WESTERN RV", "WESTERN STAR", "WORKHORSE",
    },
    # Single odd records (a 1980s X-1/9, a 1950s Statesman, an "Avanti II").
    "junk record": {"AVANTI", "BERTONE", "NASH"},
}

# Raw makes that are a performance or product sub-label of another make in the source.
MAKE_REMAP = {"SRT": "Dodge", "AM GENERAL": "Hummer"}

# Makes that also build motorcycles/ATVs: only these raw models are cars.
MIXED_MAKE_KEEP = {
    "HONDA": {"ACCORD", "ACCORD CROSSTOUR", "CITY", "CIVIC", "CR-V", "CR-Z", "CROSSTOUR",
              "ELEMENT", "FIT", "INSIGHT", "ODYSSEY", "PASSPORT", "PILOT", "PRELUDE",
              "RIDGELINE", "S2000"},
    "SUZUKI": {"AERIO", "EQUATOR", "ESTEEM", "FORENZA", "GRAND VITARA", "KIZASHI", "RENO",
               "SWIFT", "SWIFT+", "SX4", "SX4 CROSSOVER", "VERONA", "VITARA", "XL-7"},
}
# BMW Motorrad model codes (F650GS, R1200GS, K1600GT, S1000RR, C650GT, HP4, G450X ...).
BMW_MOTORCYCLE = re.compile(r"^(C6\d0|[FGKR]\d{3,4}|HP\d|S1000|R NINE T|RG1200)")

# Medium/heavy trucks, chassis cabs, police fleet names and generic body words that the
# US list files under car makes; none is a marketed passenger line.
DROP_MODELS = {
    "CHEVROLET": {"B7", "C3500", "C3500HD", "C4500 KODIAK", "C5500 KODIAK", "C6500 KODIAK",
                  "C7500 KODIAK", "T6500", "T7500", "W3500 TILTMASTER", "W4500 TILTMASTER",
                  "W5500 TILTMASTER", "W5500HD TILTMASTER", "G30", "P30", "R25", "CHEVY",
                  "CHEVY PICKUP", "CLASSIC"},
    "GMC": {"B7", "C3500", "C3500HD", "C4500 TOPKICK", "C5500 TOPKICK", "C6500 TOPKICK",
            "C7500 TOPKICK", "T6500", "T7500", "W3500 FORWARD", "W4500 FORWARD",
            "W5500 FORWARD", "W5500HD FORWARD"},
    "FORD": {"F53", "F650", "F750", "LCF", "F-100 RANGER", "POLICE INTERCEPTOR SEDAN",
             "POLICE INTERCEPTOR UTILITY", "SPECIAL SERVICE POLICE SEDAN"},
    "ISUZU": {"FRR", "FSR", "FTR", "FVR", "FXR", "HTR", "HVR", "NPR", "NPR-HD", "NQR", "NRR"},
    "HYUNDAI": {"HMD 230", "HMD 260"},
    "NISSAN": {"CABSTAR", "CABSTAR E", "CAMIONES", "PICKUP"},
    "DODGE": {"VAN 1000", "SX 2.0"},
    "RAM": {"RAM", "RAM PICKUP", "C/V"},
    "VOLKSWAGEN": {"PANEL", "PICKUP", "SEDAN", "VAN", "COMBI"},
    "JAGUAR": {"SUPER V8", "VANDEN PLAS"},
    "CODA": set(),
}

# Raw (make, model) -> marketed line, where no generic rule gets it right.
OVERRIDES = {
    ("FORD", "E SUPER DUTY"): "E-SERIES", ("FORD", "ECONOLINE"): "E-SERIES",
    ("FORD", "ECONOLINE VAN"): "E-SERIES", ("FORD", "ECONOLINE WAGON"): "E-SERIES",
    ("FORD", "FIESTA IKON"): "IKON", ("FORD", "FOCUS EUROPA"): "FOCUS",
    ("HONDA", "ACCORD CROSSTOUR"): "CROSSTOUR",
    ("MAZDA", "3 SPORT"): "3", ("MAZDA", "MIATA"): "MX-5", ("MAZDA", "MX-5 MIATA"): "MX-5",
    ("MAZDA", "B2300"): "B-SERIES", ("MAZDA", "B2500"): "B-SERIES",
    ("MAZDA", "B3000"): "B-SERIES", ("MAZDA", "B4000"): "B-SERIES",
    ("MINI", "COOPER COUNTRYMAN"): "COUNTRYMAN", ("MINI", "COOPER PACEMAN"): "PACEMAN",
    ("SUBARU", "B9 TRIBECA"): "TRIBECA", ("SUBARU", "XV CROSSTREK"): "CROSSTREK",
    ("SUBARU", "XV"): "CROSSTREK", ("TOYOTA", "MR2 SPYDER"): "MR2",
    ("VOLKSWAGEN", "THE BEETLE"): "BEETLE", ("VOLKSWAGEN", "PASSAT CC"): "CC",
    ("VOLKSWAGEN", "E-GOLF"): "GOLF",
    ("JAGUAR", "XFR"): "XF", ("JAGUAR", "XFR-S"): "XF", ("JAGUAR", "XJ8"): "XJ",
    ("JAGUAR", "XJR"): "XJ", ("JAGUAR", "XK8"): "XK", ("JAGUAR", "XKR"): "XK",
    ("JAGUAR", "XKR-S"): "XK",
    ("ASTON MARTIN", "V12 VANTAGE"): "VANTAGE", ("ASTON MARTIN", "V8 VANTAGE"): "VANTAGE",
    ("FERRARI", "456 M"): "456", ("FERRARI", "456 M GT"): "456",
    ("FERRARI", "456 M GTA"): "456", ("FERRARI", "575 M MARANELLO"): "575M MARANELLO",
    ("FERRARI", "599 GTB"): "599", ("FERRARI", "599 GTO"): "599",
    ("FERRARI", "458 ITALIA"): "458", ("FERRARI", "458 SPIDER"): "458",
    ("BUGATTI", "VEYRON 16.4"): "VEYRON",
    ("GMC", "SIERRA C3"): "SIERRA", ("GMC", "SIERRA DENALI"): "SIERRA",
    ("CHEVROLET", "CAPTIVA SPORT"): "CAPTIVA",
    ("CHEVROLET", "EXPRESS PASAJEROS"): "EXPRESS", ("CHEVROLET", "CHEYENNE 2500"): "CHEYENNE",
    ("PONTIAC", "G3 WAVE"): "G3",
    ("MERCEDES-BENZ", "B ELECTRIC DRIVE"): "B-CLASS", ("MERCEDES-BENZ", "SLR MCLAREN"): "SLR",
    ("MERCEDES-BENZ", "SPRINTER 2500"): "SPRINTER", ("MERCEDES-BENZ", "SPRINTER 3500"): "SPRINTER",
    ("ISUZU", "I-280"): "I-SERIES", ("ISUZU", "I-290"): "I-SERIES",
    ("ISUZU", "I-350"): "I-SERIES", ("ISUZU", "I-370"): "I-SERIES",
    ("NISSAN", "NV1500"): "NV", ("NISSAN", "NV2500"): "NV", ("NISSAN", "NV3500"): "NV",
    ("NISSAN", "ALTRA EV"): "ALTRA",
    ("TESLA", "S"): "MODEL S", ("TESLA", "X"): "MODEL X",
    ("CHEVROLET", "CHEVY MONZA"): "MONZA", ("JEEP", "TJ"): "WRANGLER",
    ("VOLKSWAGEN", "GTI"): "GOLF", ("VOLKSWAGEN", "R32"): "GOLF", ("VOLKSWAGEN", "GLI"): "JETTA",
    ("VOLKSWAGEN", "MULTIVAN"): "TRANSPORTER", ("RENAULT", "EURO CLIO"): "CLIO",
    ("RENAULT", "SCENIC II"): "SCENIC", ("RENAULT", "KANGOO EXPRESS"): "KANGOO",
    ("AM GENERAL", "HUMMER"): "H1", ("LAND ROVER", "RANGE ROVER EVOQUE"): "EVOQUE",
    ("CODA", "SEDAN"): "EV",
    ("SATURN", "L SERIES"): "L-SERIES", ("SATURN", "LW SERIES"): "L-SERIES",
    ("SATURN", "LS SERIES"): "L-SERIES", ("SATURN", "SC SERIES"): "S-SERIES",
    ("SATURN", "SL SERIES"): "S-SERIES", ("SATURN", "SW SERIES"): "S-SERIES",
}
# Saturn's numbered L/S cars (L300-2, LW200, SC1, SL2 ...) are trims of the L and S series.
SATURN_SERIES = re.compile(r"^(L|LW|SC|SL|SW)\d*(-\d)?$")

# BMW car names: 328I, 435I XDRIVE GRAN COUPE, ACTIVEHYBRID 5, ALPINA B7L, M235I ...
BMW_SERIES = re.compile(r"^(?:ALPINA B|ACTIVEHYBRID |M(?=\d{3}I))?([1-8])(?:\d\d|L|\b)")
# Mercedes-Benz letter classes with an engine number: C300, ML350, CLA45 AMG ...
MERCEDES_CLASS = re.compile(r"^(CLA|CLK|CLS|GLA|GLK|SLK|SL|ML|GL|CL|A|B|C|E|G|R|S)\d+\b")
MERCEDES_LINE = {"A": "A-CLASS", "B": "B-CLASS", "C": "C-CLASS", "E": "E-CLASS",
                 "G": "G-CLASS", "R": "R-CLASS", "S": "S-CLASS", "ML": "M-CLASS",
                 "GL": "GL-CLASS", "CL": "CL-CLASS"}
# Lexus: two letters plus engine number and an optional h/t/F suffix (RX450H, IS F, NX200T).
LEXUS_LINE = re.compile(r"^([A-Z]{2}) ?(?:\d{3}[A-Z]?|F)$")

# Trailing words that are trims, drive, duty rating or body of one line, never the line.
SUFFIX_WORDS = ("SUPER DUTY", "CLUB WAGON", "HEAVY DUTY", "QUATTRO", "XDRIVE", "HD",
                "PICKUP", "TRUCK", "VAN", "CARGO", "HERITAGE", "LIMITED", "ECONOLINE")
# Duty-rating numbers of pickups and vans (SILVERADO 2500, TRANSIT-350): not the line name.
DUTY_NUMBER = re.compile(r"^(?P<base>[A-Z][A-Z .]*[A-Z])(?: |-)(?:[1-5][05]00|[1-5]50)$")
# Ford's E-150 ... E-550 vans (with Econoline/Super Duty/chassis words) are the E-Series.
FORD_E_SERIES = re.compile(r"^E-[1-5]50\b")
# A variant word after an existing line of the same make: merged into that line.
VARIANT_WORDS = {"COUPE", "KOUP", "CONVERTIBLE", "CABRIO", "CABRIOLET", "HATCHBACK", "WAGON",
                 "SEDAN", "SPORTWAGEN", "XL", "EXT", "ESV", "XUV", "GT", "STI", "SELECT",
                 "ALLROAD", "CROSS COUNTRY", "GRAN COUPE", "CROSSOVER", "HYBRID", "EV", "X", "CITY", "DENALI"}
# ... or a one-letter/digit suffix glued to a line ending in a digit (300C, 9-3X, M35H, Q70L),
# or a digit/plus glued to a word line (AVEO5, FORTE5, SWIFT+).
GLUED_SUFFIX = re.compile(r"^(?P<base>.*\d)[A-Z]$|^(?P<word>[A-Z]{3,})[5+]$")
# Lines that look like BASE + variant but are marketed as their own model.
KEEP_SEPARATE = {("Hyundai", "GENESIS COUPE"), ("Toyota", "PRIUS V"), ("Toyota", "PRIUS C"),
                 ("Ford", "TAURUS X"), ("Ram", "PROMASTER CITY")}

# Display casing the makers use where the generic token rule is wrong.
CASING = {
    "ILX": "ILX", "GTI": "GTI", "GLI": "GLI", "I-MIEV": "i-MiEV", "I3": "i3", "I8": "i8",
    "TC": "tC", "XA": "xA", "XB": "xB", "XD": "xD", "IQ": "iQ", "FORTWO": "ForTwo",
    "FORFOUR": "ForFour", "CITY-COUPE": "City-Coupe", "MITO": "MiTo", "LACROSSE": "LaCrosse",
    "LESABRE": "LeSabre", "DEVILLE": "DeVille", "VEHICROSS": "VehiCROSS", "C-MAX": "C-Max",
    "I-SERIES": "i-Series", "TOWN & COUNTRY": "Town & Country", "MP4-12C": "MP4-12C",
    "MARK LT": "Mark LT", "SX4": "SX4", "XL-7": "XL-7", "EV": "EV", "NV": "NV",
    "NV200": "NV200", "PT CRUISER": "PT Cruiser", "FJ CRUISER": "FJ Cruiser",
    "EXPLORER SPORT TRAC": "Explorer Sport Trac", "ESCALADE": "Escalade",
    "XDRIVE": "xDrive", "ACTIVEHYBRID": "ActiveHybrid", "SS": "SS", "RAM": "Ram",
}
# Short all-letter names that are words, so title case (Fit, Ka), not upper case (CTS).
SHORT_WORDS = {"FIT", "KA", "ION", "EOS", "RIO", "ONE", "UP", "AIR", "GOL", "LUV", "AMI",
               "ZOE", "VAN", "CAB"}

# Model names that are ordinary English words, first names or places: unsafe alone.
AMBIGUOUS_WORDS = {
    "semi", "mega", "gravity", "recon", "terra", "traveler", "everest", "cannon", "saga",
    "punch", "utopia", "commodore", "manta", "ocean", "nautilus", "corsair", "tasman", "palisade",
    "junior", "valhalla", "valkyrie", "enzo", "amalfi", "ypsilon", "scorpio", "levante", "coupe",
    "sakura", "silvia", "tivoli", "torres", "scirocco", "cabrio", "sonora", "puma",
    "super duty", "santa cruz",
    "accent", "accord", "air", "alert", "alhambra", "allure", "alpine", "ami", "armada",
    "ascent", "aspen", "astro", "atlas", "attitude", "aura", "aurora", "austral", "avalanche",
    "avenger", "aviator", "axiom", "azure", "baja", "beat", "beetle", "blackwood", "blazer",
    "bolt", "bonneville", "born", "bronco", "brooklands", "caddy", "cadenza", "caliber",
    "california", "capri", "caprice", "caravan", "carnival", "cavalier", "cayenne", "cayman",
    "century", "challenger", "charger", "cherokee", "cheyenne", "citation", "city", "civic",
    "classic", "cobalt", "cobra", "colorado", "combo", "comet", "commander", "compass",
    "concorde", "continental", "cooper", "cordoba", "corniche", "corona", "corvette",
    "cougar", "countryman", "courier", "crafter", "crossfire", "crown", "cube", "dakota",
    "dart", "dawn", "defender", "delta", "derby", "diablo", "discovery", "dolphin", "durango",
    "duster",  "echo", "eclipse", "edge", "eldorado", "element", "elise", "encore",
    "endeavor", "entourage", "envision", "envoy", "eos", "equator", "equinox", "equus",
    "escalade", "escape", "escort", "esprit", "esteem", "excursion", "expedition", "expert",
    "explorer", "express", "falcon", "fiesta", "firebird", "fit", "flex", "focus", "forester",
    "forte", "freestyle", "frontier", "fusion", "galaxy", "genesis", "ghost", "gladiator",
    "golf", "han", "harrier", "highlander", "hornet", "ibiza", "impala", "insight",
    "insignia", "intrepid", "intrigue", "jade", "jazz", "jogger", "journey", "juke", "karma",
    "kicks", "kona", "lacrosse", "laguna", "lancer", "leaf", "legacy", "legend", "leon",
    "liberty", "life", "lightning", "logan", "lucerne", "luv", "magnum", "malibu", "marauder",
    "march", "mariner", "mark", "matrix", "maverick", "meridian", "metro", "milan", "mirage",
    "mission", "model", "montana", "monterey", "mountaineer", "mustang", "navigator", "neon",
    "nitro", "note", "odyssey", "one", "optima", "orlando", "outback", "outlander", "outlook",
    "pacifica", "panda", "partner", "passport", "pathfinder", "patriot", "patrol", "phaeton",
    "phantom", "pilot", "pointer", "polo", "portofino", "prelude", "protege", "pursuit",
    "qin", "quest", "rabbit", "raider", "rainier", "ram", "ranger", "reach", "regal", "relay",
    "rendezvous", "renegade", "reno", "rio", "roadster", "rodeo", "rogue", "roma", "rondo",
    "sable", "safari", "scala", "scenic", "scout", "seagull", "seal", "sebring", "sedona",
    "senna", "sequoia", "seville", "shark", "sierra", "silhouette", "sky", "skyline", "smart",
    "solstice", "sonata", "song", "sonic", "sonoma", "soul", "spark", "spectra", "spectre",
    "spider", "spirit", "sport", "spring", "spyder", "stinger", "stratus", "stream",
    "suburban", "summit", "superb", "swift", "tahoe", "tang", "taurus", "terrain",
    "thunderbird", "tiburon", "titan", "toledo", "tornado", "torrent", "tracker",
    "trailblazer", "transit", "transporter", "traveller", "traverse", "tribeca", "tribute",
    "trooper", "tucson", "tundra", "up", "vanquish", "vantage", "venture", "venue",
    "veracruz", "versa", "vibe", "victoria", "villager", "viper", "vision", "volt", "voyager",
    "wave", "wildcat", "wraith", "wrangler", "yuan", "yukon", "zephyr", "zoe", "five hundred",
    "alto", "amaze", "astor", "dashing", "elevate", "free", "hector", "persona", "rocky", "rush",
    "safari", "seven", "windsor",
    "crown victoria", "grand marquis", "town car", "town & country", "park avenue",
    "grand prix", "monte carlo", "santa fe",
}

# Never ambiguous even though a rule would flag them (a brand-like coined word, not English).
NOT_AMBIGUOUS: set[str] = set()


@dataclass
class Line:
    """One marketed model line being assembled from raw rows and the supplement."""

    make: str
    model: str
    aliases: set[str] = field(default_factory=set)
    years: set[int] = field(default_factory=set)
    body: str = ""
    from_us: bool = False  # seen in the US list, so its years are model years on sale
    us_last: int | None = None  # last model year in the US list


def read_makes(path: Path) -> tuple[dict[str, str], set[str]]:
    """Lower-case make name or alias -> canonical make, and the set of canonical makes."""
    lookup: dict[str, str] = {}
    canon: set[str] = set()
    with path.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            make = row["make"].strip()
            canon.add(make)
            for name in [make, *filter(None, row["aliases"].split("|"))]:
                lookup[name.strip().lower()] = make
            # The US list writes multi-word makes with spaces instead of hyphens.
            lookup[make.lower().replace("-", " ")] = make
    return lookup, canon


def canonical_make(raw: str, makes: dict[str, str]) -> str | None:
    """Canonical make for a raw US-list make, None when it is excluded; fail when unknown."""
    if any(raw in group for group in EXCLUDED_MAKES.values()):
        return None
    if raw in MAKE_REMAP:
        return MAKE_REMAP[raw]
    make = makes.get(raw.lower())
    if make is None:
        raise SystemExit(f"raw make {raw!r} is neither in makes.csv nor in EXCLUDED_MAKES")
    return make


def keep_model(raw_make: str, raw_model: str) -> bool:
    """Whether a raw model of a kept make is a passenger vehicle line."""
    if raw_make in MIXED_MAKE_KEEP:
        return raw_model in MIXED_MAKE_KEEP[raw_make]
    if raw_make == "BMW" and BMW_MOTORCYCLE.match(raw_model):
        return False
    return raw_model not in DROP_MODELS.get(raw_make, set())


def strip_suffixes(name: str) -> str:
    """Remove trailing trim/duty/body words and duty-rating numbers until none is left."""
    changed = True
    while changed:
        changed = False
        for word in SUFFIX_WORDS:
            if name.endswith(" " + word) and len(name) > len(word) + 1:
                name, changed = name[: -len(word) - 1], True
        match = DUTY_NUMBER.match(name)
        if match:
            name, changed = match["base"], True
    return name


def base_line(raw_make: str, raw_model: str) -> str:
    """The marketed line (upper case) a raw model belongs to, before the variant merge."""
    if (raw_make, raw_model) in OVERRIDES:
        return OVERRIDES[(raw_make, raw_model)]
    if raw_make == "BMW":
        match = BMW_SERIES.match(raw_model)
        if match:
            return f"{match[1]} SERIES"
    if raw_make == "MERCEDES-BENZ":
        match = MERCEDES_CLASS.match(raw_model)
        if match:
            return MERCEDES_LINE.get(match[1], match[1])
    if raw_make == "FORD" and FORD_E_SERIES.match(raw_model):
        return "E-SERIES"
    if raw_make == "LEXUS":
        match = LEXUS_LINE.match(raw_model)
        if match:
            return match[1]
    if raw_make == "SATURN":
        match = SATURN_SERIES.match(raw_model)
        if match:
            return "L-SERIES" if match[1].startswith("L") else "S-SERIES"
    name = strip_suffixes(raw_model)
    # Numbered trims glued with a hyphen (ION-2, RELAY-3) belong to the line.
    return re.sub(r"(?<=[A-Z]{3})-\d$", "", name)


def merge_variant(make: str, name: str, lines: set[str]) -> str:
    """Fold ``BASE VARIANT`` into ``BASE`` when BASE is another line of the same make."""
    if (make, name) in KEEP_SEPARATE:
        return name
    for word in VARIANT_WORDS:
        if name.endswith(" " + word) and name[: -len(word) - 1] in lines:
            return name[: -len(word) - 1]
    match = GLUED_SUFFIX.match(name)
    if match:
        base = match["base"] or match["word"]
        if base in lines:
            return base
    return name


def case_token(token: str) -> str:
    """Marketing casing of one upper-case token (Camry, RAV4, CR-V, 4Runner, Aveo5, 328i)."""
    if token in CASING:
        return CASING[token]
    if "-" in token:
        return "-".join(case_token(part) for part in token.split("-"))
    if token.isalpha():
        if len(token) <= 3 and token not in SHORT_WORDS:
            return token
        return token.capitalize()
    if re.fullmatch(r"[A-Z]{4,}\d", token):  # a word with a body digit: Aveo5, Forte5
        return token.capitalize()
    match = re.fullmatch(r"(\d+)([A-Z]{4,})", token)  # 4Runner
    if match:
        return match[1] + match[2].capitalize()
    match = re.fullmatch(r"([A-Z]?\d{3})(I|IS|D|CI|XI|LI|IL|LD|H|T|E)", token)  # 328i, 450h
    if match:
        return match[1] + match[2].lower()
    return token


def display(name: str) -> str:
    """Marketing casing of a whole upper-case model name."""
    if name in CASING:
        return CASING[name]
    return " ".join(case_token(token) for token in name.split(" "))


def compact_aliases(name: str) -> set[str]:
    """Spellings without hyphens or spaces for code-like names (GT-R -> GTR, Model 3 -> Model3)."""
    out = set()
    if any(ch.isdigit() for ch in name) or re.search(r"\b[A-Za-z]{1,2}-", name):
        for variant in (name.replace("-", ""), name.replace("-", "").replace(" ", ""),
                        name.replace("-", " ")):
            if variant != name and len(variant) > 1:
                out.add(variant)
    return out


def is_ambiguous(make: str, model: str, make_names: set[str]) -> bool:
    """Whether a model name is unsafe to match without its make next to it."""
    low = model.lower()
    if low in NOT_AMBIGUOUS:
        return False
    if low in AMBIGUOUS_WORDS or low in make_names:
        return True
    compact = re.sub(r"[\s\-.#]", "", low)
    if compact.isdigit():  # 3, 208, 911, 1500 read as quantities and years
        return True
    if any(ch.isdigit() for ch in low):  # Q50, RAV4, F-150, Model 3: coined codes
        return False
    return len(compact) <= 2  # Z, S, GT, XF, ES: letters that occur in any text


def collect_us(path: Path, makes: dict[str, str]) -> dict[tuple[str, str], Line]:
    """Clean the US list into marketed lines keyed by (make, MODEL-UPPER)."""
    raw_rows: list[tuple[str, str, str, int]] = []
    with path.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            raw_make, raw_model = row["make"].strip(), row["model"].strip()
            make = canonical_make(raw_make, makes)
            if make is None or not keep_model(raw_make, raw_model):
                continue
            raw_rows.append((make, raw_model, base_line(raw_make, raw_model), int(row["year"])))
    names_by_make: dict[str, set[str]] = defaultdict(set)
    for make, _raw, name, _year in raw_rows:
        names_by_make[make].add(name)
    lines: dict[tuple[str, str], Line] = {}
    for make, raw, name, year in raw_rows:
        name = merge_variant(make, name, names_by_make[make])
        line = lines.setdefault((make, name), Line(make, display(name)))
        line.years.add(year)
        line.from_us = True
        line.us_last = max(year, line.us_last or year)
        if raw != name:
            line.aliases.add(display(raw))
    return lines


def merge_extra(path: Path, lines: dict[tuple[str, str], Line], canon_makes: set[str]) -> None:
    """Add or enrich lines from the hand-curated supplement."""
    with path.open(newline="", encoding="utf-8") as fh:
        for number, row in enumerate(csv.DictReader(fh), start=2):
            make, model = row["make"].strip(), row["model"].strip()
            if make not in canon_makes:
                raise SystemExit(f"{path}:{number}: make {make!r} is not in makes.csv")
            body = row["body"].strip()
            if body and body not in BODY_STYLES:
                raise SystemExit(f"{path}:{number}: body {body!r} is not a contract body style")
            key = (make, model.upper())
            line = lines.setdefault(key, Line(make, model))
            line.model = model  # the supplement's casing wins
            line.aliases.update(a.strip() for a in row["aliases"].split("|") if a.strip())
            # Supplement years widen what the US list knows (Integra 2001 and again 2023).
            line.years.update(int(row[col]) for col in ("first_year", "last_year")
                              if row[col].strip())
            line.body = body or line.body


def build_rows(us_csv: Path, extra: Path, makes_csv: Path) -> list[dict[str, str]]:
    """All gazetteer rows, sorted by make and model."""
    makes, canon_makes = read_makes(makes_csv)
    lines = collect_us(us_csv, makes)
    merge_extra(extra, lines, canon_makes)
    rows = []
    for line in lines.values():
        years = sorted(line.years)
        first = years[0] if years else None
        # A supplement line with only a launch year is current: its last year is unknown.
        last = years[-1] if len(years) > 1 or line.from_us else None
        if line.us_last is not None and line.us_last >= US_LIST_END and last == line.us_last:
            last = None  # still on sale when the US list ends: its last year is unknown
        aliases = set(line.aliases) | compact_aliases(line.model)
        for alias in list(aliases):
            if alias.count(" ") <= 1:  # GT-R Nismo -> GTR Nismo; not long trim strings
                aliases |= compact_aliases(alias)
        aliases = {a for a in aliases if a.lower() != line.model.lower()}
        rows.append({
            "make": line.make,
            "model": line.model,
            "aliases": "|".join(sorted(aliases, key=lambda a: (a.lower(), a))),
            "first_year": str(first) if first else "",
            "last_year": str(last) if last else "",
            "body": line.body,
            "ambiguous": "1" if is_ambiguous(line.make, line.model, set(makes)) else "0",
        })
    rows.sort(key=lambda r: (r["make"].lower(), r["model"].lower()))
    return rows


def write_rows(rows: list[dict[str, str]], out: Path) -> None:
    """Write the gazetteer with Unix line endings so reruns are byte-identical."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("us_csv", nargs="?", type=Path, default=DEFAULT_US_CSV)
    parser.add_argument("--extra", type=Path, default=DEFAULT_EXTRA)
    parser.add_argument("--makes", type=Path, default=DEFAULT_MAKES)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    rows = build_rows(args.us_csv, args.extra, args.makes)
    write_rows(rows, args.out)
    print(f"{len(rows)} models of {len({r['make'] for r in rows})} makes -> {args.out}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
