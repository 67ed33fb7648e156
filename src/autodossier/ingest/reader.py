"""One input (a file, standard input, a request body) into documents, or a one-line error."""
from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat
import sys
from collections.abc import Iterator
from typing import Literal

from autodossier.errors import InputError
from autodossier.ingest.dates import normalize_date
from autodossier.ingest.document import Document
from autodossier.ingest.text import parse_text

# The HTML and feed readers (trafilatura, feedparser, lxml) are imported where
# first needed: they take about half a second to load, which every command that
# merely imports ``Document`` would otherwise pay.

Format = Literal["txt", "html", "feed"]

# Extensions picked up inside folders, and the format each one means.
SUPPORTED_EXTENSIONS: dict[str, Format] = {
    ".txt": "txt",
    ".md": "txt",
    ".html": "html",
    ".htm": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}

# Doc id prefix and path of an article read from standard input.
STDIN_ID = "stdin"
STDIN_PATH = "-"
# Hex digits of the content hash in a standard-input article's id (64 bits: no collisions).
STDIN_HASH_HEX = 16

# A NUL byte in the first block marks a binary file, as git and grep decide it;
# text in UTF-8 never holds one.
_BINARY_SNIFF_BYTES = 8192
# How far into a file to look for the root element of a feed or an HTML page
# (past an XML declaration, comments and a doctype).
_FORMAT_SNIFF_BYTES = 2048
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML_ROOT = re.compile(rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE | re.DOTALL)
_XML_START = re.compile(rb"\s*<\?xml", re.IGNORECASE)


# Byte-order marks of the UTF-16 and UTF-32 encodings, UTF-32 first (its little-endian
# mark starts with UTF-16's). Text with one is decoded and read as any UTF-8 file.
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# An XML declaration's encoding, rewritten to utf-8 once wide text has been re-encoded.
_XML_ENCODING = re.compile(rb"""\A(\s*<\?xml[^>]*?encoding\s*=\s*["'])[^"']*(["'])""")


def _from_wide_unicode(data: bytes, name: str) -> bytes | InputError:
    """UTF-16/32 text (with a byte-order mark) as UTF-8 bytes; other data as it is."""
    for bom, codec in _WIDE_BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)  # the codec reads the mark and drops it
            except UnicodeDecodeError as exc:
                return InputError(name, f"not valid {codec.upper()} text (bad byte at offset {exc.start})")
            return _XML_ENCODING.sub(rb"\1utf-8\2", text.encode("utf-8"), count=1)
    return data


def sniff_format(data: bytes) -> Format:
    """Guess the format from the content: a feed, an HTML page, or plain text."""
    head = data[:_FORMAT_SNIFF_BYTES]
    if (_XML_START.match(head) or head.lstrip().startswith(b"<")) and _FEED_ROOT.search(head):
        return "feed"
    if _HTML_ROOT.match(head):
        return "html"
    return "txt"


def _megabytes(size: int) -> str:
    """A byte count for an error message."""
    return f"{size / (1024 * 1024):.1f} MB"


def _too_large(size: int, limit: int) -> str:
    return f"file too large ({_megabytes(size)}, the limit is {_megabytes(limit)})"


def _text_document(data: bytes, name: str, doc_id: str, path: str | None, as_of: str | None) -> Document:
    """A plain-text article from UTF-8 bytes (BOM already removed); raises InputError."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(name, f"not valid UTF-8 text (bad byte at offset {exc.start})") from None
    parsed = parse_text(text)
    if not parsed.body:
        raise InputError(name, "no article text after the header")
    return Document(
        doc=doc_id,
        text=parsed.body,
        title=parsed.title,
        date=parsed.date or as_of,
        outlet=parsed.outlet,
        url=parsed.url,
        path=path,
    )


def read_bytes(
    data: bytes,
    name: str,
    doc_id: str,
    path: str | None = None,
    fmt: Format | None = None,
    as_of: str | None = None,
) -> Iterator[Document | InputError]:
    """Documents from the raw bytes of one input, or an ``InputError`` naming it.

    ``fmt`` comes from the file extension; plain text (and no hint) is sniffed,
    so a feed or an HTML page saved as ``.txt`` or piped in is still read right.
    ``as_of`` is the date given to documents that carry none.
    """
    data = _from_wide_unicode(data, name)
    if isinstance(data, InputError):
        yield data
        return
    if b"\x00" in data[:_BINARY_SNIFF_BYTES]:
        yield InputError(name, "binary file, not an article")
        return
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    if not data.strip():
        yield InputError(name, "empty file")
        return
    if fmt in (None, "txt"):
        fmt = sniff_format(data)
    if fmt == "feed":
        from autodossier.ingest.feeds import feed_documents

        yield from feed_documents(data, name, doc_id, path, as_of)
        return
    try:
        if fmt == "html":
            from autodossier.ingest.htmlpage import html_document

            page = html_document(data, name)
            page["date"] = page["date"] or as_of
            yield Document(doc=doc_id, path=path, **page)
        else:
            yield _text_document(data, name, doc_id, path, as_of)
    except InputError as error:
        yield error


def _os_reason(exc: OSError) -> str:
    """A few words for an operating-system error, lower case as the other reasons."""
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    return (exc.strerror or type(exc).__name__).lower()


def read_file(path: str, max_bytes: int, as_of: str | None = None) -> Iterator[Document | InputError]:
    """Documents from one file (doc id: the file stem), or an ``InputError`` naming it.

    The size is checked with ``stat`` before reading, so an oversized file is
    refused without being read into memory.
    """
    try:
        info = os.stat(path)
    except OSError as exc:
        yield InputError(path, _os_reason(exc))
        return
    except ValueError:  # a NUL character in the name: no file can have it
        yield InputError(path.replace("\x00", "\\0"), "not a valid file name")
        return
    if not stat.S_ISREG(info.st_mode):
        yield InputError(path, "is a directory" if stat.S_ISDIR(info.st_mode) else "not a regular file")
        return
    if info.st_size > max_bytes:
        yield InputError(path, _too_large(info.st_size, max_bytes))
        return
    try:
        with open(path, "rb") as handle:
            # Ask for the size stat gave, not the limit: ``read(n)`` allocates n bytes
            # up front, 20 MB per file otherwise. One byte over the limit tells a
            # file that grew past it since the stat.
            data = handle.read(min(info.st_size, max_bytes) + 1)
            if len(data) > info.st_size and len(data) <= max_bytes:
                data += handle.read(max_bytes + 1 - len(data))  # grew, still maybe in bounds
    except OSError as exc:
        yield InputError(path, _os_reason(exc))
        return
    if len(data) > max_bytes:
        yield InputError(path, _too_large(len(data), max_bytes))
        return
    stem, extension = os.path.splitext(os.path.basename(path))
    yield from read_bytes(data, path, stem, path, SUPPORTED_EXTENSIONS.get(extension.lower()), as_of)


# Standard input is read in blocks of this size: one ``read(limit)`` would allocate
# the whole limit (20 MB) up front for an article of a few kilobytes.
_STDIN_BLOCK_BYTES = 64 * 1024


def _read_capped(stream, cap: int) -> bytes:
    """Up to ``cap`` bytes of a binary stream, read block by block until it ends."""
    chunks: list[bytes] = []
    total = 0
    while total < cap:
        chunk = stream.read(min(_STDIN_BLOCK_BYTES, cap - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def stdin_doc_id(data: bytes) -> str:
    """The id of an article piped in without ``--doc``: the same content gets the same id."""
    return f"{STDIN_ID}-{hashlib.sha256(data).hexdigest()[:STDIN_HASH_HEX]}"


def read_stdin(max_bytes: int, as_of: str | None = None,
               doc_id: str | None = None) -> Iterator[Document | InputError]:
    """Documents from standard input.

    The doc id is ``doc_id`` when given, else ``stdin-<hash of the content>``: piping in
    a second article adds it instead of replacing the first. Feed entries get their own ids.
    """
    stream = sys.stdin
    if stream is None:
        yield InputError(STDIN_PATH, "no standard input")
        return
    try:
        if stream.isatty():
            yield InputError(STDIN_PATH, "standard input is a terminal; pipe an article into it")
            return
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            data = _read_capped(buffer, max_bytes + 1)
        else:  # a text stream without bytes underneath (an embedding app, a test)
            data = stream.read(max_bytes + 1).encode("utf-8", "surrogateescape")
    except (OSError, ValueError) as exc:
        yield InputError(STDIN_PATH, f"cannot read standard input ({type(exc).__name__})")
        return
    if len(data) > max_bytes:
        yield InputError(STDIN_PATH, f"input too large (over {_megabytes(max_bytes)})")
        return
    yield from read_bytes(data, STDIN_PATH, doc_id or stdin_doc_id(data), STDIN_PATH, None, as_of)


def document_from_text(
    text: str,
    doc_id: str,
    title: str | None = None,
    date: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    fmt: Literal["txt", "md", "html"] = "txt",
    as_of: str | None = None,
) -> Document:
    """One document from an article body given as a string (the REST API's POST).

    ``fmt="txt"`` (or ``"md"``, read the same way) reads header lines as a file
    would; ``"html"`` extracts the page's main text. Metadata given as arguments wins over what the text
    carries. Raises ``InputError(doc_id, reason)`` for an unreadable body or an
    explicit ``date`` that cannot be read.
    """
    if fmt not in ("txt", "md", "html"):
        raise InputError(doc_id, f"unknown format {fmt!r} (use txt, md or html)")
    iso_date = normalize_date(date)
    if date is not None and date.strip() and iso_date is None:
        raise InputError(doc_id, f"cannot read the date {date!r}")
    if "\x00" in text[:_BINARY_SNIFF_BYTES]:
        raise InputError(doc_id, "binary data, not an article")
    text = text.removeprefix("\ufeff")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(doc_id, f"not valid Unicode text (lone surrogate at offset {exc.start})") from None
    if not text.strip():
        raise InputError(doc_id, "empty article")
    if fmt == "html":
        from autodossier.ingest.htmlpage import html_document

        page = html_document(text, doc_id)
        base = Document(doc=doc_id, **page)
    else:
        parsed = parse_text(text)
        if not parsed.body:
            raise InputError(doc_id, "no article text after the header")
        base = Document(doc_id, parsed.body, parsed.title, parsed.date, parsed.outlet, parsed.url)
    return Document(
        doc=doc_id,
        text=base.text,
        title=title or base.title,
        date=iso_date or base.date or as_of,
        outlet=outlet or base.outlet,
        url=url or base.url,
        path=None,
    )


def documents_from_feed(data: bytes, stem: str, as_of: str | None = None) -> Iterator[Document | InputError]:
    """One document per entry of a posted or fetched RSS/Atom feed (doc ids ``<stem>-<index>``).

    The same checks as for a feed file apply: binary or empty data, or a feed
    that cannot be parsed into any entry, yields one ``InputError(stem, ...)``;
    an entry without text yields an ``InputError`` and the other entries go on.
    """
    yield from read_bytes(data, stem, stem, None, "feed", as_of)
