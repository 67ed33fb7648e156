"""RSS and Atom feeds: one document per entry."""
from __future__ import annotations

import hashlib
import io
import re
import time
from collections.abc import Iterator

import feedparser

from autodossier.errors import InputError
from autodossier.ingest.dates import normalize_date
from autodossier.ingest.document import Document
from autodossier.ingest.htmlpage import fragment_to_text, scrub, tidy_text

# Content types feedparser reports for entry text that is already plain.
_PLAIN_TYPES = frozenset({"text/plain"})

# A numeric character reference. Ones to code points XML forbids (controls, lone
# surrogates) make feedparser's lenient parser crash and lose the whole feed.
_CHAR_REF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));")
_XML_WHITESPACE = (0x9, 0xA, 0xD)


def _drop_bad_char_refs(data: bytes) -> bytes:
    """``data`` without character references to code points no XML document may hold."""

    def keep(match: re.Match[bytes]) -> bytes:
        point = int(match[1], 16) if match[1] else int(match[2])
        bad = (point < 0x20 and point not in _XML_WHITESPACE) or 0xD800 <= point <= 0xDFFF or point > 0x10FFFF
        return b"" if bad else match[0]

    return _CHAR_REF.sub(keep, data) if b"&#" in data else data


def _entry_text(entry: feedparser.FeedParserDict) -> str:
    """The fullest text an entry carries: its longest ``content`` block, else its summary."""
    blocks = [c for c in entry.get("content", []) if (c.get("value") or "").strip()]
    if blocks:
        best = max(blocks, key=lambda c: len(c["value"]))
        value, kind = best["value"], best.get("type", "text/html")
    else:
        detail = entry.get("summary_detail") or {}
        value, kind = entry.get("summary", ""), detail.get("type", "text/html")
    if kind in _PLAIN_TYPES:
        return tidy_text(value)
    return fragment_to_text(value)


def _entry_date(entry: feedparser.FeedParserDict) -> str | None:
    """The entry's date as the feed writes it (local date), falling back to feedparser's UTC reading."""
    for key in ("published", "updated", "created"):
        date = normalize_date(entry.get(key))
        if date:
            return date
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            return time.strftime("%Y-%m-%d", parsed)
    return None


# Hex digits of the hash in a feed entry's document id: 64 bits, no collision among any
# number of articles a knowledge base will hold, and short enough to read in a URL.
ENTRY_ID_HEX = 16
# A guid that already names something globally (a URL, a tag: or urn: URI) needs no
# feed to qualify it; a bare "12345" is unique only within its feed.
_GLOBAL_ID = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S")


def entry_identity(entry: feedparser.FeedParserDict, feed_key: str, text: str) -> str:
    """What identifies a feed entry whatever its position: its guid, else its link, else its content.

    A guid that is not a URI is qualified by ``feed_key`` (the feed's own link or title), so
    two feeds numbering their entries 1, 2, 3 do not collide.
    """
    guid = (entry.get("id") or "").strip()
    if guid:
        return "guid:" + (guid if _GLOBAL_ID.match(guid) else f"{feed_key}\x00{guid}")
    link = (entry.get("link") or "").strip()
    if link:
        return "link:" + link
    return "content:" + (entry.get("title") or "") + "\x00" + text


def entry_doc_id(identity: str) -> str:
    """The document id of a feed entry: a hash of its identity (stable across fetches)."""
    return "entry-" + hashlib.sha256(identity.encode("utf-8", "surrogatepass")).hexdigest()[:ENTRY_ID_HEX]


def _clean(value: str | None) -> str | None:
    """A metadata string without surrounding space, None when empty."""
    value = scrub(value or "").strip()
    return value or None


def feed_documents(
    data: bytes, name: str, stem: str, path: str | None, as_of: str | None
) -> Iterator[Document | InputError]:
    """One ``Document`` per feed entry, in feed order.

    An entry's doc id comes from what it is, not where it stands (:func:`entry_identity`):
    its guid, else its link, else its content; so re-reading tomorrow's feed updates the
    entries that changed and adds the new ones, and never replaces a different article.

    An entry without text yields an ``InputError`` and the others go on; a feed
    that cannot be parsed into any entry yields one ``InputError`` for the file.
    """
    try:
        # A file object, not bytes or str: feedparser treats a string as a URL to fetch.
        # Entry HTML is flattened to text below (scripts and styles dropped there), so
        # feedparser's HTML sanitizing and link rewriting would be wasted: half its time.
        parsed = feedparser.parse(
            io.BytesIO(_drop_bad_char_refs(data)), sanitize_html=False, resolve_relative_uris=False
        )
    # feedparser reports most damage through ``bozo``; what it still raises means
    # the same for the batch: this feed cannot be read.
    except Exception as exc:  # noqa: BLE001
        yield InputError(name, f"malformed feed ({type(exc).__name__})")
        return
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            yield InputError(name, "malformed feed, no entries could be read")
        else:
            yield InputError(name, "feed has no entries")
        return
    feed = parsed.get("feed", {})
    outlet = _clean(feed.get("title"))
    feed_key = (feed.get("link") or feed.get("id") or feed.get("title") or stem).strip()
    for index, entry in enumerate(entries):
        text = _entry_text(entry)
        if not text:
            yield InputError(f"{name} entry {index}", "feed entry has no text")
            continue
        yield Document(
            doc=entry_doc_id(entry_identity(entry, feed_key, text)),
            text=text,
            title=_clean(entry.get("title")),
            date=_entry_date(entry) or as_of,
            outlet=outlet,
            url=_clean(entry.get("link")),
            path=path,
        )
