"""Change events as an Atom 1.0 feed (made with feedgen), for any face that serves feeds.

One entry per change (:class:`autodossier.fuse.history.Event`): its id is the event's
content-derived id, so re-ingesting the same articles leaves every entry id unchanged and
feed readers show nothing twice. The entry's date is the change's date, its title the
one-line summary, its content the evidence sentences with links to the documents.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone
from html import escape
from typing import Any

from autodossier.fuse.history import Event
from autodossier.report.follow import cited_by, summary

# Entries per feed, newest first: readers poll often, and a long history adds nothing new.
FEED_ENTRIES = 200
# The date given to a feed with no entries, or to an event with no date: a fixed day, so
# an unchanged store always serves a byte-identical feed.
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
ID_PREFIX = "urn:autodossier:"


def _when(day: str | None) -> datetime:
    if not day:
        return EPOCH
    try:
        return datetime.fromisoformat(day[:10]).replace(tzinfo=timezone.utc)
    except ValueError:
        return EPOCH


def entry_id(event: Event) -> str:
    """The Atom id of a change: stable for as long as the change says the same thing."""
    return f"{ID_PREFIX}change:{event.id}"


def _content(event: Event, link: Callable[[dict[str, Any]], str]) -> str:
    lines = [f"<p><strong>{escape(summary(event))}</strong> ({escape(event.kind)}, {escape(event.status)})</p>"]
    for cite in event.evidence:
        who = ", ".join(x for x in (cited_by(cite), cite.get("date")) if x) or cite.get("doc") or "source"
        lines.append(f"<blockquote><p>{escape(cite.get('evidence') or '')}</p>"
                     f"<p>— <a href=\"{escape(link(cite))}\">{escape(who)}</a></p></blockquote>")
    return "\n".join(lines)


def render_feed(events: list[Event], *, feed_key: str, title: str, self_url: str, page_url: str,
                link: Callable[[dict[str, Any]], str]) -> bytes:
    """The Atom document for ``events`` (newest first, at most :data:`FEED_ENTRIES`).

    ``feed_key`` names the feed stably ("model:infiniti q50"); ``link(citation)`` gives the
    URL of the document page for one piece of evidence.
    """
    from feedgen.feed import FeedGenerator

    chosen = sorted(events, key=lambda e: (e.date or "", e.id), reverse=True)[:FEED_ENTRIES]
    fg = FeedGenerator()
    fg.id(f"{ID_PREFIX}feed:{feed_key}")
    fg.title(title)
    fg.author({"name": "autodossier"})
    fg.link(href=self_url, rel="self", type="application/atom+xml")
    fg.link(href=page_url, rel="alternate", type="text/html")
    fg.updated(max((_when(e.date) for e in chosen), default=EPOCH))
    fg.generator("autodossier")
    for event in reversed(chosen):  # feedgen prepends: add oldest first to list newest first
        entry = fg.add_entry()
        entry.id(entry_id(event))
        entry.title(summary(event))
        entry.updated(_when(event.date))
        entry.published(_when(event.date))
        entry.summary(f"{summary(event)} — {event.kind}, {event.status}")
        entry.content(_content(event, link), type="html")
        first = next(iter(event.evidence), None)
        entry.link(href=link(first) if first else page_url, rel="alternate", type="text/html")
    return fg.atom_str(pretty=True)
