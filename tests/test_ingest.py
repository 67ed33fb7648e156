"""Ingest: files, folders, globs, stdin and feeds into Documents; bad inputs into InputErrors."""
from __future__ import annotations

import inspect
import io
import os
from pathlib import Path

import pytest

from autodossier.errors import AutodossierError, InputError
from autodossier.ingest import (
    Document,
    document_from_text,
    documents_from_feed,
    normalize_date,
    read_paths,
    reader,
)
from autodossier.ingest.feeds import entry_doc_id
from autodossier.ingest.reader import stdin_doc_id
from autodossier.settings import Settings

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"

Z_BODY = (
    "Nissan has confirmed that the Z Nismo will get a six-speed manual for 2026.\n"
    "The twin-turbo 3.0-liter V6 keeps its 420 hp, a spokesperson told Motor Digest.\n"
)

Z_HTML = """<!DOCTYPE html>
<html><head><title>Nissan Z Nismo finally gets a manual | Motor Digest</title>
<meta property="og:title" content="Nissan Z Nismo finally gets a manual">
<meta property="og:site_name" content="Motor Digest">
<meta property="article:published_time" content="2025-03-04T09:00:00+01:00">
<link rel="canonical" href="https://motordigest.example/nissan-z-nismo-manual">
</head><body><nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<article><h1>Nissan Z Nismo finally gets a manual</h1>
<p>Nissan has confirmed that the Z Nismo will be offered with a six-speed manual gearbox
from the 2026 model year, answering the loudest complaint about the hottest Z.</p>
<p>The twin-turbo 3.0-liter VR30DDTT V6 keeps its 420 hp rating, the company said,
while the nine-speed automatic remains available for buyers who want it.</p>
</article><footer>Copyright 2025 Motor Digest</footer></body></html>
"""

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Carscoop Daily</title><link>https://carscoop.example</link>
<item><title>Infiniti QX65 revealed</title><link>https://carscoop.example/qx65</link>
<pubDate>Tue, 05 Mar 2024 23:30:00 -0800</pubDate>
<description>&lt;p&gt;Infiniti has revealed the &lt;b&gt;QX65&lt;/b&gt;, a coupe-styled crossover.&lt;/p&gt;&lt;p&gt;It uses a 268 hp turbo four.&lt;/p&gt;</description></item>
<item><title>Empty teaser</title><link>https://carscoop.example/teaser</link><description></description></item>
<item><title>Toyota GR86 gets a last edition</title><link>https://carscoop.example/gr86</link>
<pubDate>Wed, 06 Mar 2024 08:00:00 GMT</pubDate>
<description>Short teaser.</description>
<content:encoded><![CDATA[<p>Toyota will build a final run of the GR86 with a 228 hp flat-four.</p>]]></content:encoded></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Autoblog Europe</title>
<entry><title>Renault 5 Turbo 3E priced</title><link href="https://autoblog.example/r5-turbo"/>
<updated>2025-06-12T10:00:00Z</updated><id>urn:1</id>
<content type="html">&lt;p&gt;The Renault 5 Turbo 3E will cost EUR 155,000 in France.&lt;/p&gt;</content></entry>
</feed>
"""


def docs_and_errors(paths, settings=None):
    """All items of read_paths, split into documents and errors."""
    items = list(read_paths([str(p) for p in paths], settings or Settings()))
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, InputError)]


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode("utf-8"))
    return path


def test_full_header_is_metadata_and_body_is_verbatim(tmp_path):
    raw = (
        "title: Nissan Z Nismo gets a manual\noutlet: Motor Digest\ndate: 2025-03-04\n"
        "url: https://motordigest.example/z\n\n" + Z_BODY
    )
    path = write(tmp_path / "z-nismo.txt", raw)
    (doc,), errors = docs_and_errors([path])
    assert errors == []
    assert (doc.doc, doc.title, doc.outlet, doc.date) == (
        "z-nismo", "Nissan Z Nismo gets a manual", "Motor Digest", "2025-03-04")
    assert doc.url == "https://motordigest.example/z"
    assert doc.text == Z_BODY
    assert doc.path == str(path)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("date: 2025-03-04\n\n", {"date": "2025-03-04", "title": None, "outlet": None}),
        ("title: unknown\noutlet: Unknown\ndate: unknown\n\n", {"date": None, "title": None, "outlet": None}),
        ("title: Z news\ndate: sometime next spring\n\n", {"date": None, "title": "Z news"}),
        ("Date: 4 March 2025\nOutlet: Motor Digest\n\n", {"date": "2025-03-04", "outlet": "Motor Digest"}),
        ("title: Z news\nauthor: J. Doe\ndate: 2025-03-04\n\n", {"date": "2025-03-04", "title": "Z news"}),
        # No blank line after the header: still a header when every key is known.
        ("title: Z news\ndate: 2025-03-04\n", {"date": "2025-03-04", "title": "Z news"}),
    ],
)
def test_header_variants(tmp_path, header, expected):
    (doc,), _ = docs_and_errors([write(tmp_path / "a.md", header + Z_BODY)])
    assert doc.text == Z_BODY
    for key, value in expected.items():
        assert getattr(doc, key) == value


@pytest.mark.parametrize(
    "first_line",
    ["Update: Nissan has since confirmed the price.\n", "Price: $53,000 before options, Nissan said.\n\n"],
)
def test_prose_with_a_colon_is_body_not_header(tmp_path, first_line):
    (doc,), _ = docs_and_errors([write(tmp_path / "a.txt", first_line + Z_BODY)])
    assert doc.text == first_line + Z_BODY
    assert doc.date is None


@pytest.mark.parametrize(
    ("raw", "date", "body"),
    [
        ("date: 2022-11-07\ntitle: Q60\n\nThe Q60 ends.\n", "2022-11-07", "The Q60 ends.\n"),
        ("date: 2022-11-07 The Q60 ends.\nMore.\n", "2022-11-07", "The Q60 ends.\nMore.\n"),
        ("date: 2022-11-07 09:30\ntitle: Q60\n\nThe Q60 ends.\n", "2022-11-07", "The Q60 ends.\n"),
        (" date 2022-11-07\nThe Q60 ends.\n", "2022-11-07", "The Q60 ends.\n"),
        ("Date: 2024-01-01\nNissan: the Z is back.\n", "2024-01-01", "Nissan: the Z is back.\n"),
    ],
)
def test_header_and_loose_date_boundaries(tmp_path, raw, date, body):
    (doc,), _ = docs_and_errors([write(tmp_path / "q60.txt", raw)])
    assert (doc.date, doc.text) == (date, body)


@pytest.mark.parametrize("lead", [" ", ""])
def test_loose_seed_style_date_line(tmp_path, lead):
    raw = f"{lead}date 2022-11-07 Infiniti Q60 production is expected to end this year.\n\nMore text.\n"
    (doc,), _ = docs_and_errors([write(tmp_path / "q60.txt", raw)])
    assert doc.date == "2022-11-07"
    assert doc.text == "Infiniti Q60 production is expected to end this year.\n\nMore text.\n"


def test_text_without_header_keeps_crlf_and_loses_bom(tmp_path):
    raw = "\ufeffNissan confirmed the Patrol Nismo.\r\nIt makes 425 hp.\r\n"
    (doc,), _ = docs_and_errors([write(tmp_path / "patrol.txt", raw)])
    assert doc.text == raw[1:]
    crlf_header = "title: Patrol\r\ndate: 2024-10-01\r\n\r\n" + raw[1:]
    (doc,), _ = docs_and_errors([write(tmp_path / "patrol2.txt", crlf_header)])
    assert (doc.title, doc.date, doc.text) == ("Patrol", "2024-10-01", raw[1:])


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-11-07", "2022-11-07"),
        ("7 November 2022", "2022-11-07"),
        ("Nov 7, 2022", "2022-11-07"),
        ("2022-11-07T23:30:00-08:00", "2022-11-07"),
        ("Tue, 05 Mar 2024 23:30:00 -0800", "2024-03-05"),
        ("6 Sep 2021 16:45 GMT", "2021-09-06"),
        ("Fri, 30 Feb 2024 10:00:00 GMT", None),
        ("Thu, 01 Jan 1970 00:00:00 GMT", None),
        ("Tue, 05 Foo 2024 10:00:00 GMT", None),
        ("unknown", None),
        ("", None),
        (None, None),
        ("2022", None),
        ("November 2022", None),
        ("soon", None),
        ("2022-13-45", None),
    ],
)
def test_normalize_date(value, expected):
    assert normalize_date(value) == expected


def test_html_page_main_text_and_metadata(tmp_path):
    (doc,), errors = docs_and_errors([write(tmp_path / "z-manual.html", Z_HTML)])
    assert errors == []
    assert doc.doc == "z-manual"
    assert doc.title == "Nissan Z Nismo finally gets a manual"
    assert (doc.date, doc.outlet) == ("2025-03-04", "Motor Digest")
    assert doc.url == "https://motordigest.example/nissan-z-nismo-manual"
    assert "keeps its 420 hp rating" in doc.text
    assert "Home" not in doc.text and "Copyright" not in doc.text


def test_html_date_is_not_guessed_from_prose(tmp_path):
    page = "<html><body><article><p>The Infiniti QX65 goes on sale in 2026 in the US.</p></article></body></html>"
    (doc,), _ = docs_and_errors([write(tmp_path / "qx65.htm", page)])
    assert doc.date is None


@pytest.mark.parametrize(
    "page",
    ["<html><head><title>x</title></head><body><div></div></body></html>", "<<<>>> <! ]]>"],
)
def test_html_without_text_is_an_error(tmp_path, page):
    docs, (error,) = docs_and_errors([write(tmp_path / "blank.html", page)])
    assert docs == []
    assert error.name.endswith("blank.html") and "HTML" in error.reason


def test_rss_entries_become_documents(tmp_path):
    docs, errors = docs_and_errors([write(tmp_path / "carscoop.xml", RSS)])
    assert [d.doc for d in docs] == [entry_doc_id("link:https://carscoop.example/qx65"),
                                     entry_doc_id("link:https://carscoop.example/gr86")]
    first, last = docs
    assert first.title == "Infiniti QX65 revealed" and first.outlet == "Carscoop Daily"
    assert first.date == "2024-03-05"  # the date as the feed writes it, not shifted to UTC
    assert first.url == "https://carscoop.example/qx65"
    assert first.text == "Infiniti has revealed the QX65, a coupe-styled crossover.\n\nIt uses a 268 hp turbo four."
    assert last.text == "Toyota will build a final run of the GR86 with a 228 hp flat-four."  # content over summary
    assert [e.reason for e in errors] == ["feed entry has no text"]
    assert "entry 1" in errors[0].name


def test_atom_feed_and_feed_sniffed_in_txt(tmp_path):
    write(tmp_path / "a" / "autoblog.atom", ATOM)
    write(tmp_path / "a" / "saved-feed.txt", ATOM)
    docs, errors = docs_and_errors([tmp_path / "a"])
    assert errors == []
    # The same entry read from two files is one document (its guid decides, not the file).
    assert [d.doc for d in docs] == [entry_doc_id("guid:urn:1")] * 2
    assert docs[0].date == "2025-06-12" and docs[0].outlet == "Autoblog Europe"
    assert docs[0].text == "The Renault 5 Turbo 3E will cost EUR 155,000 in France."


def test_feed_entry_scripts_and_styles_are_not_text(tmp_path):
    feed = RSS.replace(
        "&lt;p&gt;It uses a 268 hp turbo four.&lt;/p&gt;",
        "&lt;script&gt;track('qx65')&lt;/script&gt;&lt;style&gt;p{color:red}&lt;/style&gt;"
        "&lt;p&gt;It uses a 268 hp turbo four.&lt;/p&gt;",
    )
    docs, _ = docs_and_errors([write(tmp_path / "scripted.rss", feed)])
    assert "track(" not in docs[0].text and "color" not in docs[0].text
    assert docs[0].text.endswith("It uses a 268 hp turbo four.")


def test_feed_text_loses_characters_no_store_can_hold(tmp_path):
    feed = RSS.replace("a coupe-styled crossover", "a coupe&#xD800;-styled&#1; crossover")
    docs, _ = docs_and_errors([write(tmp_path / "odd.rss", feed)])
    assert docs[0].text.startswith("Infiniti has revealed the QX65, a coupe-styled crossover.")


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("broken.rss", "<rss><channel><title>x</title><itm></rss", "malformed feed"),
        ("empty-feed.xml", "<?xml version='1.0'?><rss version='2.0'><channel><title>x</title></channel></rss>",
         "no entries"),
    ],
)
def test_bad_feeds(tmp_path, name, content, reason):
    docs, (error,) = docs_and_errors([write(tmp_path / name, content)])
    assert docs == [] and reason in error.reason


def test_folder_is_recursive_sorted_and_skips_hidden_and_unsupported(tmp_path):
    for rel in ["b.txt", "a.md", "sub/c.html", "sub/deeper/d.txt", ".hidden.txt", ".git/e.txt",
                "notes.pdf", "z.TXT"]:
        write(tmp_path / rel, Z_HTML if rel.endswith("html") else Z_BODY)
    docs, errors = docs_and_errors([tmp_path])
    assert errors == []
    assert [Path(d.path).relative_to(tmp_path).as_posix() for d in docs] == [
        "a.md", "b.txt", "sub/c.html", "sub/deeper/d.txt", "z.TXT"]


def test_folder_without_articles_is_an_error(tmp_path):
    write(tmp_path / "empty" / "photo.jpg", b"\xff\xd8\xff")
    docs, (error,) = docs_and_errors([tmp_path / "empty"])
    assert docs == [] and "no articles" in error.reason


def test_glob_patterns(tmp_path):
    write(tmp_path / "articles" / "2024" / "one.html", Z_HTML)
    write(tmp_path / "articles" / "2025" / "two.html", Z_HTML)
    write(tmp_path / "articles" / "2025" / "three.txt", Z_BODY)
    docs, errors = docs_and_errors([f"{tmp_path}/articles/**/*.html"])
    assert [d.doc for d in docs] == ["one", "two"] and errors == []
    docs, errors = docs_and_errors([f"{tmp_path}/articles/*"])
    assert [d.doc for d in docs] == ["one", "three", "two"]
    docs, (error,) = docs_and_errors([f"{tmp_path}/articles/*.pdf"])
    assert docs == [] and "no article files match" in error.reason


@pytest.mark.parametrize(
    ("stream", "expected_doc"),
    [
        (io.StringIO("title: From a pipe\n\n" + Z_BODY), stdin_doc_id(("title: From a pipe\n\n" + Z_BODY).encode())),
        (io.TextIOWrapper(io.BytesIO(("\ufeff" + Z_BODY).encode())), stdin_doc_id(("\ufeff" + Z_BODY).encode())),
        (io.StringIO(ATOM), entry_doc_id("guid:urn:1")),
    ],
)
def test_stdin(monkeypatch, stream, expected_doc):
    monkeypatch.setattr("sys.stdin", stream)
    (doc,), errors = docs_and_errors(["-"])
    assert errors == [] and doc.doc == expected_doc and doc.path == "-"
    assert "Renault" in doc.text or doc.text == Z_BODY


@pytest.mark.parametrize(("limit", "whole"), [(10 * 1024 * 1024, True), (150 * 1024, False)])
def test_stdin_longer_than_a_read_block_and_its_size_limit(monkeypatch, limit, whole):
    paragraph = "The Nissan Patrol Nismo keeps its 425 hp twin-turbo V6, Nissan said. " * 50 + "\n\n"
    article = paragraph * 60  # about 210 KB: several read blocks
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(article.encode("utf-8"))))
    (item,) = read_paths(["-"], Settings(max_article_bytes=limit))
    if whole:
        assert isinstance(item, Document) and item.text == article
    else:
        assert isinstance(item, InputError) and item.reason.startswith("input too large")


BAD_INPUTS = [
    ("notes.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file, not an article"),
    ("empty.txt", b"", "empty file"),
    ("blank.md", b"  \n\t\n\n", "empty file"),
    ("latin1.txt", "Citroën C5 Aircross".encode("latin-1"), "not valid UTF-8"),
    ("header-only.txt", b"title: Nothing here\ndate: 2024-01-01\n\n", "no article text"),
]


@pytest.mark.parametrize(("name", "content", "reason"), BAD_INPUTS)
def test_bad_input_is_an_error_and_the_batch_goes_on(tmp_path, name, content, reason):
    bad = write(tmp_path / name, content)
    good = write(tmp_path / "zz-good.txt", Z_BODY)
    items = list(read_paths([str(bad), str(good)], Settings()))
    assert len(items) == 2
    error, doc = items
    assert isinstance(error, InputError) and error.name == str(bad) and reason in error.reason
    assert str(error) == f"{bad}: {error.reason}"
    assert isinstance(doc, Document) and doc.text == Z_BODY


@pytest.mark.parametrize(("name", "reason"), [("nowhere.txt", "no such file or directory"),
                                              ("bad\x00name.txt", "not a valid file name")])
def test_missing_path_is_an_error(tmp_path, name, reason):
    docs, (error,) = docs_and_errors([tmp_path / name])
    assert docs == [] and error.reason == reason


def test_oversized_file_is_refused_without_reading_it(tmp_path, monkeypatch):
    big = tmp_path / "huge.txt"
    with open(big, "wb") as handle:
        handle.write(Z_BODY.encode())
        handle.truncate(50 * 1024 * 1024)  # sparse: no 50 MB written to disk

    def no_open(*args, **kwargs):
        raise AssertionError("an oversized file must not be opened")

    monkeypatch.setattr(reader, "open", no_open, raising=False)
    docs, (error,) = docs_and_errors([big])
    assert docs == [] and "file too large" in error.reason and "50.0 MB" in error.reason


def test_small_files_are_read_without_allocating_the_size_limit(tmp_path):
    import tracemalloc

    for name in ("a.txt", "b.txt", "c.txt"):
        write(tmp_path / name, Z_BODY)
    list(read_paths([str(tmp_path)], Settings()))  # imports and caches out of the measure
    tracemalloc.start()
    try:
        docs, _ = docs_and_errors([tmp_path])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(docs) == 3
    assert peak < Settings().max_article_bytes / 10


def test_size_limit_comes_from_settings(tmp_path):
    path = write(tmp_path / "a.txt", Z_BODY)
    _, (error,) = docs_and_errors([path], Settings(max_article_bytes=20))
    assert "file too large" in error.reason


def test_permission_denied_is_an_error(tmp_path, monkeypatch):
    path = write(tmp_path / "locked.txt", Z_BODY)

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(reader, "open", denied, raising=False)
    docs, (error,) = docs_and_errors([path])
    assert docs == [] and error.reason == "permission denied"


def test_unlistable_folder_is_an_error(tmp_path, monkeypatch):
    write(tmp_path / "ok" / "a.txt", Z_BODY)
    locked = tmp_path / "locked"
    locked.mkdir()
    real_scandir = os.scandir

    def scandir(path="."):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    docs, errors = docs_and_errors([locked, tmp_path / "ok"])
    assert [d.doc for d in docs] == ["a"]
    assert [(e.name, e.reason) for e in errors] == [(str(locked), "permission denied")]


def test_as_of_dates_only_undated_documents(tmp_path):
    write(tmp_path / "dated.txt", "date: 2024-02-01\n\n" + Z_BODY)
    write(tmp_path / "undated.txt", Z_BODY)
    docs, _ = docs_and_errors([tmp_path], Settings(as_of="2025-01-15"))
    assert [(d.doc, d.date) for d in docs] == [("dated", "2024-02-01"), ("undated", "2025-01-15")]
    with pytest.raises(AutodossierError, match="as-of"):
        docs_and_errors([tmp_path], Settings(as_of="next tuesday-ish"))


def test_read_paths_streams_one_file_at_a_time(tmp_path):
    write(tmp_path / "a.txt", Z_BODY)
    second = write(tmp_path / "b.txt", Z_BODY)
    stream = read_paths([str(tmp_path)], Settings())
    assert inspect.isgenerator(stream)
    assert next(stream).doc == "a"
    second.unlink()  # not read yet: the stream reports it as gone
    assert next(stream).reason == "no such file or directory"


def test_document_from_text():
    doc = document_from_text("title: Old title\ndate: 2024-01-02\n\n" + Z_BODY, "api-1", title="New title")
    assert (doc.doc, doc.title, doc.date, doc.text) == ("api-1", "New title", "2024-01-02", Z_BODY)
    doc = document_from_text(Z_HTML, "api-2", fmt="html", date="5 March 2025")
    assert doc.date == "2025-03-05" and doc.outlet == "Motor Digest" and "420 hp" in doc.text
    assert document_from_text(Z_BODY, "api-3", as_of="2025-01-01").date == "2025-01-01"


def test_document_from_text_reads_markdown_like_plain_text():
    raw = "title: Z Nismo manual confirmed\ndate: 4 March 2025\n\n## The news\n\n" + Z_BODY
    doc = document_from_text(raw, "api-md", fmt="md")
    assert (doc.title, doc.date) == ("Z Nismo manual confirmed", "2025-03-04")
    assert doc.text == "## The news\n\n" + Z_BODY


def test_documents_from_feed_streams_entries_of_a_posted_feed():
    stream = documents_from_feed(RSS.encode("utf-8"), "posted", as_of="2024-01-01")
    assert inspect.isgenerator(stream)
    items = list(stream)
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert [d.doc for d in docs] == [entry_doc_id("link:https://carscoop.example/qx65"),
                                     entry_doc_id("link:https://carscoop.example/gr86")]
    assert {d.outlet for d in docs} == {"Carscoop Daily"} and docs[0].path is None
    assert docs[1].url == "https://carscoop.example/gr86"
    assert [e.reason for e in errors] == ["feed entry has no text"]
    undated = ATOM.replace("<updated>2025-06-12T10:00:00Z</updated>", "")
    (doc,) = documents_from_feed(("\ufeff" + undated).encode("utf-8"), "atom-post", as_of="2024-01-01")
    assert (doc.doc, doc.date) == (entry_doc_id("guid:urn:1"), "2024-01-01")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"  \n\t", "empty"),
        (b"<rss><channel><title>x</title><itm></rss", "malformed feed"),
        (b"<?xml version='1.0'?><rss version='2.0'><channel><title>x</title></channel></rss>", "no entries"),
    ],
)
def test_documents_from_feed_bad_data_is_one_error(data, reason):
    (error,) = documents_from_feed(data, "posted")
    assert isinstance(error, InputError) and error.name == "posted" and reason in error.reason


@pytest.mark.parametrize(
    ("kwargs", "reason"),
    [
        ({"text": "  \n"}, "empty article"),
        ({"text": Z_BODY, "date": "whenever"}, "cannot read the date"),
        ({"text": "<html><body></body></html>", "fmt": "html"}, "no article text"),
        ({"text": Z_BODY, "fmt": "pdf"}, "unknown format"),
        ({"text": "The Z \ud800 returns."}, "not valid Unicode"),
    ],
)
def test_document_from_text_errors(kwargs, reason):
    with pytest.raises(InputError, match=reason) as info:
        document_from_text(doc_id="api-x", **kwargs)
    assert info.value.name == "api-x"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed corpus not present")
def test_seed_corpus_reads_verbatim():
    docs, errors = docs_and_errors([SEEDS])
    assert errors == [] and len(docs) == 5
    dates = {d.doc[:3]: d.date for d in docs}
    assert dates["002"] == "2022-11-07" and dates["004"] == "2025-11-20"
    for doc in docs:
        raw = Path(doc.path).read_text(encoding="utf-8")
        assert not doc.text.startswith(" date")
        for line in doc.text.splitlines():
            if line.strip():
                assert line in raw
