"""HTML: whole web pages through trafilatura, and small fragments (feed entries) through lxml."""
from __future__ import annotations

import re

import lxml.html
import trafilatura
from lxml import etree

from autodossier.errors import InputError
from autodossier.ingest.dates import normalize_date

# Publication dates come only from the page's metadata and markup. trafilatura's
# extensive search also reads dates out of the prose, so "on sale in 2025" would
# become a publication date of 2025-01-01 and shift every relative date with it.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}

# Elements that end a line of text when a fragment is flattened.
_BLOCK_TAGS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 blockquote pre tr table section article figcaption".split()
)
# Elements whose content is never article text.
_DROP_TAGS = ("script", "style", "noscript", "template")

_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
# Characters that XML and UTF-8 cannot carry (a feed may still smuggle them in as
# character references such as ``&#xD800;``): lxml and the store would choke on them.
_UNCARRIABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def scrub(text: str) -> str:
    """``text`` without control characters and lone surrogates."""
    return _UNCARRIABLE.sub("", text)


def html_document(markup: bytes | str, name: str) -> dict[str, str | None]:
    """Main text and metadata of a web page: ``text, title, date, outlet, url``.

    ``markup`` may be bytes in any encoding the page declares. Raises
    ``InputError(name, ...)`` when the page is malformed or has no article text.
    """
    try:
        page = trafilatura.bare_extraction(
            markup,
            with_metadata=True,
            include_comments=False,
            date_extraction_params=_DATE_PARAMS,
        )
    # trafilatura and lxml raise many kinds of errors on broken markup; for the
    # batch each of them means the same thing: this page cannot be read.
    except Exception as exc:  # noqa: BLE001
        raise InputError(name, f"malformed HTML ({type(exc).__name__})") from None
    text = scrub(getattr(page, "text", None) or "").strip() if page is not None else ""
    if not text:
        raise InputError(name, "no article text found in the HTML")
    return {
        "text": text,
        "title": _field(page.title),
        "date": normalize_date(page.date),
        "outlet": _field(page.sitename),
        "url": _field(page.url),
    }


def _field(value: str | None) -> str | None:
    """A metadata string, clean and stripped; None when empty."""
    value = scrub(value or "").strip()
    return value or None


def fragment_to_text(markup: str) -> str:
    """Plain text of an HTML fragment: one paragraph a line, blank lines between them.

    Spaces inside a line are collapsed (markup whitespace carries no meaning);
    returns ``""`` for a fragment without text.
    """
    markup = scrub(markup)
    if "<" not in markup:
        return tidy_text(markup)
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (etree.LxmlError, ValueError):
        return tidy_text(markup)
    for tag in _DROP_TAGS:
        for element in root.findall(f".//{tag}"):
            element.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCK_TAGS:
            element.text = "\n" + (element.text or "")
            element.tail = "\n" + (element.tail or "")
    return tidy_text(root.text_content())


def tidy_text(text: str) -> str:
    """Collapse spaces in each line and separate the non-empty lines by a blank line."""
    lines = (_SPACES.sub(" ", line).strip() for line in scrub(text).splitlines())
    return "\n\n".join(line for line in lines if line)
