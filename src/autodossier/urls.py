"""URLs fit to store and show: only http(s) links, never with credentials in them.

A ``url:`` header or a feed's ``<link>`` is user input: ``javascript:...`` must never
become a clickable link, and ``https://user:password@host/`` must never be shown.
"""
from __future__ import annotations

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


# Distinct URLs remembered by public_url: a dossier's thousand claims share a few dozen.
_URL_CACHE_SIZE = 4096


@lru_cache(maxsize=_URL_CACHE_SIZE)
def public_url(url: str | None) -> str | None:
    """``url`` if it is an http(s) URL with a host (credentials removed), else None."""
    if not url or not url.strip():
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in LINK_SCHEMES or not parts.netloc or any(c in url for c in "\x00\r\n\t "):
        return None
    return strip_credentials(url)
