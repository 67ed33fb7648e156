"""URLs fit to store and show: only http(s) links, never with credentials in them.

A ``url:`` header or a feed's ``<link>`` is user input: ``javascript:...`` must never
become a clickable link, and ``https://user:password@host/`` must never be shown.
"""
from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit, urlunsplit

# The only schemes that become links: everything else (javascript:, data:, file:, ...) is dropped.
LINK_SCHEMES = frozenset({"http", "https"})


def strip_credentials(url: str) -> str:
    """``url`` without a ``user:password@`` part (the rest as it was)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]))


# Distinct unusual URLs remembered by public_url's careful path.
_URL_CACHE_SIZE = 4096


# The common case, checked by one match: http(s), a host without userinfo, no spaces or
# control characters anywhere. Anything else takes the careful path.
_PLAIN = re.compile(r"[Hh][Tt][Tt][Pp][Ss]?://[A-Za-z0-9.:\[\]-]+(?:[/?#][^\x00-\x20\x7f]*)?")


def public_url(url: str | None) -> str | None:
    """``url`` if it is an http(s) URL with a host (credentials removed), else None."""
    if not url:
        return None
    if _PLAIN.fullmatch(url):  # a dossier's thousand citations: most are this, one regex each
        return url
    return _checked_url(url)


@lru_cache(maxsize=_URL_CACHE_SIZE)
def _checked_url(url: str) -> str | None:
    if not url.strip():
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in LINK_SCHEMES or not parts.netloc or any(c in url for c in "\x00\r\n\t "):
        return None
    return strip_credentials(url)
