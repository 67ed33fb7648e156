"""Region names and adjectives as the contract's region codes."""
from __future__ import annotations

import re

from autodossier.extract.prefilter import gated

REGIONS = {
    "united states": "US", "u.s.": "US", "us": "US", "usa": "US", "america": "US", "american": "US",
    "north america": "NA", "north american": "NA", "europe": "EU", "european": "EU",
    "china": "CN", "chinese": "CN", "taiwan": "TW", "taiwanese": "TW", "japan": "JP", "japanese": "JP",
    "indonesia": "ID", "indonesian": "ID", "middle east": "ME", "middle eastern": "ME", "gcc": "ME",
    "germany": "DE", "german": "DE", "uk": "GB", "u.k.": "GB", "britain": "GB", "british": "GB",
    "united kingdom": "GB", "korea": "KR", "south korea": "KR", "korean": "KR", "australia": "AU",
    "australian": "AU", "canada": "CA", "canadian": "CA", "india": "IN", "indian": "IN",
    "mexico": "MX", "mexican": "MX", "brazil": "BR", "brazilian": "BR", "france": "FR", "french": "FR",
    "italy": "IT", "italian": "IT", "spain": "ES", "spanish": "ES", "russia": "RU", "thailand": "TH",
    "malaysia": "MY", "philippines": "PH", "vietnam": "VN", "south africa": "ZA", "new zealand": "NZ",
    "netherlands": "NL", "dutch": "NL", "sweden": "SE", "swedish": "SE", "norway": "NO", "norwegian": "NO",
    "denmark": "DK", "danish": "DK", "belgium": "BE", "switzerland": "CH", "swiss": "CH", "austria": "AT",
    "poland": "PL", "ireland": "IE", "portugal": "PT", "singapore": "SG", "argentina": "AR", "chile": "CL",
    "turkey": "TR", "israel": "IL", "saudi arabia": "SA", "uae": "AE", "united arab emirates": "AE",
    "pakistan": "PK", "sri lanka": "LK", "nepal": "NP", "bangladesh": "BD", "egypt": "EG", "morocco": "MA",
    "nigeria": "NG", "kenya": "KE", "colombia": "CO", "peru": "PE", "hong kong": "HK",
    "south african": "ZA", "philippine": "PH", "filipino": "PH", "malaysian": "MY", "thai": "TH",
    "vietnamese": "VN", "singaporean": "SG", "new zealander": "NZ", "irish": "IE", "kiwi": "NZ",
    "global": "global", "worldwide": "global", "global markets": "global",
    # journalism's synonyms: "expected on the Old Continent"
    "old continent": "EU",
}
# Longest names first so "North American" wins over "American".
_NAMES = sorted(REGIONS, key=len, reverse=True)
REGION_RE = gated(
    r"(?<![\w.])(?P<region>" + "|".join(re.escape(n).replace(r"\ ", r"[\s-]") for n in _NAMES) + r")(?![\w])",
    re.I,
)


# Spaces and hyphens inside a region name, compared as one space (compiled once: it runs per match).
_SEPARATORS = re.compile(r"[\s-]+")


def region_code(name: str) -> str | None:
    """The contract code of a region name or adjective ("North American" -> "NA")."""
    key = _SEPARATORS.sub(" ", name.strip().lower())
    if key == "us" and name.strip() != "US":
        return None  # the pronoun "us"
    return REGIONS.get(key)
